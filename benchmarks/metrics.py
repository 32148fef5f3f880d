"""Scoring one parsed report against its gold record: pure functions, no I/O.

The semantics are those of the reference scorer, ``../shared/tools/score.py``, so that numbers from
``benchmarks/run.py`` and from ``score.py`` agree (``run.py --check-scorer`` verifies it):

- a field is *right* when its value equals the gold value: both ``None``, or both numbers with
  ``abs(pred - gold) < 1e-6``; a key absent from ``report.fields`` counts as value ``None``,
  status ``"missing"``;
- a wrong field whose status is ``ok``, ``blank`` or ``not_applicable`` is a *silent* error
  (a wrong number that came with no doubt); ``inferred``/``doubtful``/``missing`` wrong fields are
  wrong but not silent;
- a gold record with no fields (a legacy report, or not a report) makes every non-``None`` value
  the report gives *invented*, and silent too unless its status says doubt;
- edition and year must be equal; the organ matches when one name, with 人民政府 and spaces
  removed, contains the other (a ``None`` gold organ wants a ``None`` prediction);
- a document is *exact* when it parsed, nothing is wrong or invented, and the metadata is right.

The report can be anything with ``.fields`` (key -> object with ``.value`` and ``.status``) and
``.edition``/``.year``/``.organ`` — a :class:`govdisclosure.Report` or a test double.  ``None``
stands for a parse that raised: every gold field is then wrong, none of them silent.

>>> class F:
...     def __init__(self, value, status="ok"): self.value, self.status = value, status
>>> class R:
...     edition, year, organ = "2021", 2021, "官元镇"
...     fields = {"a": F(1), "b": F(2), "c": F(None, "missing")}
>>> s = score_document({"edition": "2021", "year": 2021, "organ": "官元镇人民政府",
...                     "fields": {"a": 1, "b": 3, "c": None}}, R())
>>> (s.fields, s.right, s.wrong, s.silent, s.exact)
(3, 2, 1, 1, False)
>>> str(s.diffs[0])
'b=2/3[ok]'
"""

from __future__ import annotations

import collections
import dataclasses
from collections.abc import Iterable, Mapping
from typing import Any

__all__ = [
    "SILENT_STATUSES",
    "VALUE_TOLERANCE",
    "DocScore",
    "FieldDiff",
    "Totals",
    "organ_core",
    "organ_matches",
    "score_document",
    "split_name",
    "total",
    "values_equal",
]

#: Statuses that claim confidence: a wrong value under one of them goes unnoticed (schema.md).
SILENT_STATUSES: frozenset[str] = frozenset({"ok", "blank", "not_applicable"})
#: Two numbers are the same value when they differ by less than this (score.py): money is a float
#: of the number as printed, so 96171.6 parsed twice must compare equal, but 0.01 apart must not.
VALUE_TOLERANCE = 1e-6
#: Status given to a gold key the report does not have at all (score.py does the same).
ABSENT_STATUS = "missing"


def values_equal(pred: Any, gold: Any) -> bool:
    """``None == None``; numbers within :data:`VALUE_TOLERANCE`; ``None`` never equals 0.

    >>> values_equal(None, None), values_equal(0, None), values_equal(1, 1.0), values_equal(1.5, 1.50000001)
    (True, False, True, True)
    """
    if pred is None or gold is None:
        return pred is None and gold is None
    try:
        return abs(float(pred) - float(gold)) < VALUE_TOLERANCE
    except (TypeError, ValueError):  # score.py would crash here; a non-number is simply wrong
        return False


def organ_core(name: str | None) -> str:
    """The organ name without 人民政府 and spaces: '淮安市人民政府' -> '淮安市'."""
    return (name or "").replace("人民政府", "").replace(" ", "").strip()


def organ_matches(gold: str | None, pred: str | None) -> bool:
    """score.py's organ rule: a ``None`` gold wants ``None``; otherwise containment of the cores.

    >>> organ_matches("富阳区上官乡人民政府", "上官乡"), organ_matches("官元镇", "官庄镇"), organ_matches(None, None)
    (True, False, True)
    """
    if gold is None:
        return pred is None
    g, p = organ_core(gold), organ_core(pred)
    return bool(g and p and (g in p or p in g))


def split_name(filename: str) -> tuple[str, str]:
    """(stem, variant) as score.py names them: the variant is what lies between stem and extension.

    >>> split_name("huaian-city-2024.pdftotext-layout.txt"), split_name("pingtan-2022.txt")
    (('huaian-city-2024', 'pdftotext-layout'), ('pingtan-2022', 'file'))
    """
    parts = filename.split(".")
    return parts[0], ".".join(parts[1:-1]) or "file"


@dataclasses.dataclass(frozen=True, slots=True)
class FieldDiff:
    """One field that is not right.  ``invented``: the gold record has no fields at all."""

    key: str
    predicted: Any
    gold: Any
    status: str
    silent: bool
    invented: bool = False

    def __str__(self) -> str:  # score.py's notation: key=pred/gold[status]
        if self.invented:
            return f"{self.key}={self.predicted!r}/absent[{self.status}]"
        return f"{self.key}={self.predicted!r}/{self.gold!r}[{self.status}]"


@dataclasses.dataclass(frozen=True, slots=True)
class DocScore:
    """The score of one (document, rendering) parse."""

    fields: int  # gold fields
    right: int
    wrong: int
    silent: int
    invented: int
    parsed: bool  # False when the parser raised (report is None)
    edition_ok: bool
    year_ok: bool
    organ_ok: bool
    diffs: tuple[FieldDiff, ...] = ()
    statuses: Mapping[str, int] = dataclasses.field(default_factory=dict)  # status -> count over report fields
    findings: int = 0

    @property
    def meta_ok(self) -> bool:
        return self.edition_ok and self.year_ok and self.organ_ok

    @property
    def exact(self) -> bool:
        return self.parsed and self.wrong == 0 and self.invented == 0 and self.meta_ok

    @property
    def accuracy(self) -> float:
        """right / fields; for a gold record with no fields, 1.0 when nothing was invented (score.py)."""
        if self.fields:
            return self.right / self.fields
        return float(self.invented == 0 and self.parsed)


def _field_value_status(f: Any) -> tuple[Any, str]:
    if f is None:
        return None, ABSENT_STATUS
    return getattr(f, "value", None), getattr(f, "status", ABSENT_STATUS)


def score_document(gold: Mapping[str, Any], report: Any | None) -> DocScore:
    """Score ``report`` (or ``None`` for a parse that raised) against a gold record (its JSON dict)."""
    gold_fields: Mapping[str, Any] = gold.get("fields") or {}
    parsed = report is not None
    rep_fields: Mapping[str, Any] = (getattr(report, "fields", None) or {}) if parsed else {}
    right = wrong = silent = invented = 0
    diffs: list[FieldDiff] = []
    for key, gv in gold_fields.items():
        pv, st = _field_value_status(rep_fields.get(key))
        if values_equal(pv, gv):
            right += 1
            continue
        wrong += 1
        is_silent = parsed and st in SILENT_STATUSES
        silent += is_silent
        diffs.append(FieldDiff(key, pv, gv, st, is_silent))
    if parsed and not gold_fields:
        # not on a national template: every value the report gives is invented
        for key, f in rep_fields.items():
            pv = getattr(f, "value", None)
            if pv is None:
                continue
            st = getattr(f, "status", "ok")
            is_silent = st in SILENT_STATUSES
            invented += 1
            silent += is_silent
            diffs.append(FieldDiff(key, pv, None, st, is_silent, invented=True))
    if parsed:
        edition_ok = getattr(report, "edition", None) == gold.get("edition")
        year_ok = getattr(report, "year", None) == gold.get("year")
        organ_ok = organ_matches(gold.get("organ"), getattr(report, "organ", None))
    else:
        edition_ok = year_ok = organ_ok = False
    statuses = collections.Counter(getattr(f, "status", ABSENT_STATUS) for f in rep_fields.values())
    findings = len(getattr(report, "findings", None) or ()) if parsed else 0
    return DocScore(
        fields=len(gold_fields),
        right=right,
        wrong=wrong,
        silent=silent,
        invented=invented,
        parsed=parsed,
        edition_ok=edition_ok,
        year_ok=year_ok,
        organ_ok=organ_ok,
        diffs=tuple(diffs),
        statuses=dict(statuses),
        findings=findings,
    )


@dataclasses.dataclass(frozen=True, slots=True)
class Totals:
    """Sums over many :class:`DocScore` (score.py's totals line, plus statuses and findings)."""

    docs: int = 0
    errors: int = 0  # parses that raised
    fields: int = 0
    right: int = 0
    wrong: int = 0
    silent: int = 0
    invented: int = 0
    exact: int = 0
    edition_right: int = 0
    year_right: int = 0
    organ_right: int = 0
    findings: int = 0
    statuses: Mapping[str, int] = dataclasses.field(default_factory=dict)

    @property
    def accuracy(self) -> float:
        """right / fields over all gold fields (score.py: 0 fields gives 0.0)."""
        return self.right / max(self.fields, 1)

    def as_dict(self) -> dict[str, Any]:
        d = {f.name: getattr(self, f.name) for f in dataclasses.fields(self)}
        d["statuses"] = dict(self.statuses)
        d["accuracy"] = self.accuracy
        return d


def total(scores: Iterable[DocScore]) -> Totals:
    """Add up document scores.

    >>> t = total([DocScore(2, 2, 0, 0, 0, True, True, True, True), DocScore(2, 1, 1, 1, 0, True, True, True, False)])
    >>> (t.docs, t.right, t.silent, t.exact, t.organ_right, t.accuracy)
    (2, 3, 1, 1, 1, 0.75)
    """
    c: collections.Counter[str] = collections.Counter()
    statuses: collections.Counter[str] = collections.Counter()
    for s in scores:
        c["docs"] += 1
        c["errors"] += not s.parsed
        for name in ("fields", "right", "wrong", "silent", "invented", "findings"):
            c[name] += getattr(s, name)
        c["exact"] += s.exact
        c["edition_right"] += s.edition_ok
        c["year_right"] += s.year_ok
        c["organ_right"] += s.organ_ok
        statuses.update(s.statuses)
    return Totals(**{k: int(v) for k, v in c.items()}, statuses=dict(statuses))
