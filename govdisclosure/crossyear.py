"""Checks across years: the same organ's reports for consecutive years (format.md R5, R6).

- **R5** (implied by the template): last year's ``applications.carried_forward.<c>`` (结转下年度继续办理)
  equals this year's ``applications.carried_over.<c>`` (上年结转), for every column ``c``.
- **R6** (2021 edition, heuristic): last year's 现行有效件数 + this year's 本年制发件数 − 本年废止件数
  ≈ this year's 现行有效件数, for 规章 and 行政规范性文件.  Revisions and documents that lapse break
  it, hence the tolerance and the low severity.

Reports are matched by a normalised organ name (:func:`organ_key`); a report without an organ or a
year takes part in no check.  Each finding carries both reports.

:func:`decide` uses R6 as evidence: where one report's 规章 or 行政规范性文件 row is doubtful because
its digits are glued and several cuttings fit (``Report.alternatives``), and the other report's
figures are confident, the one cutting that makes R6 hold exactly is taken, ``inferred``.

>>> from govdisclosure.report import Field, Report
>>> def rep(year, key, value):
...     return Report("2021", year, "某县人民政府", {key: Field(key, value, "ok")})
>>> a = rep(2021, "applications.carried_forward.total", 3)
>>> b = rep(2022, "applications.carried_over.total", 2)
>>> [(f.code, f.previous.year, f.current.year) for f in check([b, a])]
[('cross_year_R5', 2021, 2022)]
"""

from __future__ import annotations

import dataclasses
import functools
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import regex

from .report import Field, Finding, Report, Severity

__all__ = [
    "CrossYearFinding", "check", "decide", "organ_key", "match_key", "R5_CODE", "R6_CODE", "DUPLICATE_CODE", "DECIDED_CODE",
    "DECIDED_BACK_CODE", "NONE_FITS_CODE",
]

R5_CODE = "cross_year_R5"
R6_CODE = "cross_year_R6"
#: Several reports for one organ and year: only the first (in input order) takes part in the checks.
DUPLICATE_CODE = "cross_year_duplicate"

#: R5 is stated by the template's own logic (cases still open at year end are next year's carried
#: over ones) but organs often restate last year's figures: a warning, not an error.
R5_SEVERITY: Severity = "warning"
#: R6 is a heuristic (revisions, documents that lapse, clean-ups): information only.
R6_SEVERITY: Severity = "info"
#: R6 tolerance: a gap is reported when it exceeds both this many documents…
R6_ABS_TOLERANCE = 2
#: …and this share of this year's 现行有效件数.  Small drifts are normal (a revised document counted
#: as issued and in force, a lapse not counted as repealed); only larger gaps are worth a look.
R6_REL_TOLERANCE = 0.05

_APP_COLUMNS = (
    "natural_person", "commercial_enterprise", "research_institution",
    "public_interest_org", "legal_service_agency", "other_org", "total",
)
_R6_ROWS = {"regulations": "规章", "normative_documents": "行政规范性文件"}

#: :func:`decide` chose a doubtful row's cutting by last year's 现行有效件数 (R6 holds exactly for it
#: alone)…
DECIDED_CODE = "decided_by_previous_report"
#: …or last year's row by this year's confident figures (R6 read backwards).
DECIDED_BACK_CODE = "decided_by_next_report"
#: Every cutting of a doubtful row is assessable and none makes R6 hold exactly: revisions, lapsed
#: documents or a misprint; the row stays as it was.
NONE_FITS_CODE = "no_reading_fits_other_report"
#: statuses of the other report's figures that count as evidence (a doubtful figure proves nothing;
#: a blank 现行有效 is no number of documents)
_EVIDENCE = ("ok", "inferred")
_COLUMN_LABELS = {
    "natural_person": "自然人", "commercial_enterprise": "商业企业", "research_institution": "科研机构",
    "public_interest_org": "社会公益组织", "legal_service_agency": "法律服务机构", "other_org": "其他",
    "total": "总计",
}

_PUNCT = regex.compile(r"[\s\p{P}\p{S}]+")


def organ_key(name: str | None) -> str | None:
    """The organ name reduced for matching: NFKC, no spaces or punctuation, without 人民政府.

    >>> organ_key(" 淮安市 人民政府 ") == organ_key("淮安市")
    True
    >>> organ_key("上海市人民政府办公厅")
    '上海市办公厅'
    >>> organ_key("") is None
    True
    """
    if not name:
        return None
    s = _PUNCT.sub("", unicodedata.normalize("NFKC", name))
    s = s.replace("人民政府", "")
    if s.endswith("政府") and len(s) > 2:
        s = s[:-2]
    return s or None


@dataclass(frozen=True, slots=True)
class CrossYearFinding:
    """A relation between two reports of one organ that does not hold.

    ``keys`` are the keys in ``current`` (this year), ``previous_keys`` those in ``previous``
    (last year); ``spans`` and ``previous_spans`` point into each report's text where known.
    """

    code: str
    severity: Severity
    message: str
    organ: str
    previous: Report
    current: Report
    keys: tuple[str, ...] = ()
    previous_keys: tuple[str, ...] = ()
    spans: tuple[tuple[int, int], ...] = ()
    previous_spans: tuple[tuple[int, int], ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready, naming both reports by source path, organ and year."""

        def ref(r: Report) -> dict[str, Any]:
            return {"source": r.source.path if r.source else None, "organ": r.organ, "year": r.year,
                    "edition": r.edition}

        return {
            "code": self.code, "severity": self.severity, "message": self.message, "organ": self.organ,
            "keys": list(self.keys), "previous_keys": list(self.previous_keys),
            "spans": [list(s) for s in self.spans], "previous_spans": [list(s) for s in self.previous_spans],
            "current": ref(self.current), "previous": ref(self.previous),
        }


def _value(rep: Report, key: str) -> Any:
    f = rep.fields.get(key)
    return None if f is None else f.value


def _spans(rep: Report, keys: Iterable[str]) -> tuple[tuple[int, int], ...]:
    out = []
    for k in keys:
        f = rep.fields.get(k)
        if f is not None and f.span is not None:
            out.append(tuple(f.span))
    return tuple(out)  # type: ignore[arg-type]


def _name(rep: Report) -> str:
    src = rep.source.path if rep.source is not None and rep.source.path else None
    return f"{rep.year} ({src})" if src else str(rep.year)


def _r5(organ: str, prev: Report, cur: Report) -> list[CrossYearFinding]:
    out = []
    for c in _APP_COLUMNS:
        pk, ck = f"applications.carried_forward.{c}", f"applications.carried_over.{c}"
        pv, cv = _value(prev, pk), _value(cur, ck)
        if pv is None or cv is None or pv == cv:
            continue
        out.append(CrossYearFinding(
            R5_CODE, R5_SEVERITY,
            f"{organ}: 结转下年度继续办理 ({_COLUMN_LABELS[c]}) is {pv} in {_name(prev)} but 上年结转 is "
            f"{cv} in {_name(cur)}; one of the two reports restates or misprints it",
            organ, prev, cur, (ck,), (pk,), _spans(cur, (ck,)), _spans(prev, (pk,)),
        ))
    return out


def _r6(organ: str, prev: Report, cur: Report) -> list[CrossYearFinding]:
    if prev.edition != "2021" or cur.edition != "2021":
        return []
    out = []
    for row, label in _R6_ROWS.items():
        pk = f"active.{row}.in_force"
        keys = (f"active.{row}.issued", f"active.{row}.repealed", f"active.{row}.in_force")
        before = _value(prev, pk)
        issued, repealed, now = (_value(cur, k) for k in keys)
        if None in (before, issued, repealed, now):
            continue
        expected = before + issued - repealed
        gap = now - expected
        if abs(gap) <= max(R6_ABS_TOLERANCE, R6_REL_TOLERANCE * abs(now)):
            continue
        out.append(CrossYearFinding(
            R6_CODE, R6_SEVERITY,
            f"{organ}: {label} 现行有效 {before} in {_name(prev)} + 制发 {issued} − 废止 {repealed} = "
            f"{expected}, but {_name(cur)} reports 现行有效 {now} ({gap:+d}); revisions or lapsed "
            "documents may explain it",
            organ, prev, cur, keys, (pk,), _spans(cur, keys), _spans(prev, (pk,)),
        ))
    return out


def _by_organ(
    reports: Sequence[Report], organ_key: Callable[[str | None], str | None]
) -> dict[str, dict[int, list[int]]]:
    """The indices of each organ's reports, by year, in input order.  A report without an organ, a
    year or a template edition takes part in nothing."""
    by_organ: dict[str, dict[int, list[int]]] = {}
    for i, rep in enumerate(reports):
        k = match_key(rep, organ_key=organ_key)
        if k is None or rep.year is None:  # (match_key is None without a year: this tells mypy)
            continue
        by_organ.setdefault(k, {}).setdefault(rep.year, []).append(i)
    return by_organ


def match_key(rep: Report, *, organ_key: Callable[[str | None], str | None] = organ_key) -> str | None:
    """The key a report is matched by (its :func:`organ_key`), or None when it takes part in no
    check: no organ, no year or no template edition.  :func:`check` and :func:`decide` only ever
    compare reports with the same key, so a caller may run them one key at a time (the command line
    does, to keep one organ's reports in memory at a time, not a whole corpus's)."""
    k = organ_key(rep.organ)
    return None if k is None or rep.year is None or rep.edition not in ("2019", "2021") else k


def check(
    reports: Iterable[Report], *, organ_key: Callable[[str | None], str | None] = organ_key
) -> list[CrossYearFinding]:
    """R5 and R6 over every pair of consecutive-year reports of the same organ.

    Order: by organ key, then year.  Several reports for one organ and year (say a PDF and its
    text rendering) give one :data:`DUPLICATE_CODE` finding, and only the first takes part.
    """
    reports = list(reports)
    by_organ = _by_organ(reports, organ_key)
    out: list[CrossYearFinding] = []
    for organ in sorted(by_organ):
        years = by_organ[organ]
        for year in sorted(years):
            reps = [reports[i] for i in years[year]]
            if len(reps) > 1:
                others = ", ".join(str(r.source.path if r.source else "?") for r in reps[1:])
                out.append(CrossYearFinding(
                    DUPLICATE_CODE, "info",
                    f"{organ}: {len(reps)} reports for {year}; cross-year checks use "
                    f"{reps[0].source.path if reps[0].source else 'the first'} and ignore {others}",
                    organ, reps[1], reps[0],
                ))
            prev = years.get(year - 1)
            if prev:
                out += _r5(organ, reports[prev[0]], reps[0])
                out += _r6(organ, reports[prev[0]], reps[0])
    return out


# -- decide: R6 as evidence for glued rows ------------------------------------------------------
def decide(
    reports: Iterable[Report], *, organ_key: Callable[[str | None], str | None] = organ_key
) -> list[Report]:
    """The reports, with the doubtful 规章 / 行政规范性文件 rows that another year's report decides.

    For each pair of consecutive-year reports of one organ, both on the 2021 edition (the first of
    several reports for one organ and year, as in :func:`check`): where this year's row is doubtful
    with several readings (``Report.alternatives``: glued digits cut more than one way) and last
    year's 现行有效件数 is a confident number (``ok`` or ``inferred``), the readings with
    last year's 现行有效 + 制发 − 废止 = 现行有效 *exactly* are kept; where exactly one is left (and
    no reading lacks a number to check it by), its cells become ``inferred`` with the finding
    :data:`DECIDED_CODE` naming last year's report.  Backwards likewise: last year's row by this
    year's confident figures (:data:`DECIDED_BACK_CODE`).  Where every reading is checked and none
    fits, the finding :data:`NONE_FITS_CODE` says so and nothing changes; where several fit, nothing
    changes.  R6 is a heuristic (revisions break it), hence exact equality, a single survivor and
    ``inferred``; a confident cell never changes and no cell becomes ``ok``.

    Returns a list in input order; a report that nothing changed is the same object, a changed one a
    new report (the input is never mutated).  A decided report may in turn decide its neighbour.
    """
    out = list(reports)
    for years in _by_organ(out, organ_key).values():
        first = {y: idx[0] for y, idx in years.items()}
        pairs = [(first[y - 1], first[y]) for y in sorted(first) if y - 1 in first]
        changed = True
        while changed:  # a decided row is evidence for the next pair: until nothing changes
            changed = False
            for i, j in pairs:
                prev, cur = _decide_pair(out[i], out[j])
                changed |= prev.fields is not out[i].fields or cur.fields is not out[j].fields
                out[i], out[j] = prev, cur
    return out


def _decide_pair(prev: Report, cur: Report) -> tuple[Report, Report]:
    """Both directions of R6 for each row, between last year's report and this year's."""
    if prev.edition != "2021" or cur.edition != "2021":
        return prev, cur
    for row in _R6_ROWS:
        before = _number(prev, f"active.{row}.in_force")
        if before is not None and f"active.{row}" in cur.alternatives:
            cur = _choose(cur, row, functools.partial(_r6_forward, before), prev, DECIDED_CODE)
        issued, repealed, in_force = (_number(cur, f"active.{row}.{c}") for c in ("issued", "repealed", "in_force"))
        if issued is not None and repealed is not None and in_force is not None and f"active.{row}" in prev.alternatives:
            prev = _choose(prev, row, functools.partial(_r6_backward, in_force - issued + repealed), cur, DECIDED_BACK_CODE)
    return prev, cur


def _r6_forward(before: float, v: tuple[Any, ...]) -> bool:
    """R6 on this year's reading ``v`` (制发, 废止, 现行有效) with last year's 现行有效, exactly."""
    return bool(before + v[0] - v[1] == v[2])


def _r6_backward(expected: float, v: tuple[Any, ...]) -> bool:
    """R6 on last year's reading ``v``: its 现行有效 is this year's 现行有效 − 制发 + 废止, exactly."""
    return bool(v[2] == expected)


def _number(rep: Report, key: str) -> int | float | None:
    """A figure that counts as evidence: a number read with a confident status, else None."""
    f = rep.fields.get(key)
    return f.value if f is not None and f.status in _EVIDENCE and f.value is not None else None


def _choose(rep: Report, row: str, holds: Callable[[tuple[Any, ...]], bool], other: Report, code: str) -> Report:
    """``rep`` with the row's one reading for which R6 ``holds`` (``inferred``), or as it was."""
    alts = rep.alternatives[f"active.{row}"]
    keys = [f.key for f in alts[0]]
    if [_value(rep, k) for k in keys] != [f.value for f in alts[0]]:
        return rep  # the fields no longer show the first reading: the readings are not this row's
    values = [tuple(f.value for f in alt) for alt in alts]
    if any(None in v for v in values):
        return rep  # a reading with no number where R6 needs one cannot be ruled out
    fit = [alt for alt, v in zip(alts, values) if holds(v)]
    label = _R6_ROWS[row]
    other_name = f"{'last' if code == DECIDED_CODE else 'next'} year's report, {_name(other)}"
    if len(fit) > 1:
        return rep
    if not fit:
        finding = Finding(
            NONE_FITS_CODE, "info",
            f"{label}: none of the {len(alts)} readings of its glued digits ({_readings(values)}) makes R6 hold "
            f"exactly with {other_name} (revisions or lapsed documents?); the row stays doubtful",
            tuple(keys),
        )
        return rep if finding in rep.findings else dataclasses.replace(rep, findings=(*rep.findings, finding))
    fields = dict(rep.fields)
    changed = []
    for f in fit[0]:
        if rep.fields[f.key].status == "doubtful":  # a confident cell never changes (the readings agree on it)
            fields[f.key] = dataclasses.replace(f, status="inferred")
            changed.append(f.key)
    finding = Finding(
        code, "info",
        f"{label}: of the {len(alts)} readings of its glued digits ({_readings(values)}), only "
        f"{_readings([values[alts.index(fit[0])]])} makes R6 (上年现行有效 + 本年制发 − 本年废止 = 现行有效) hold "
        f"exactly with {other_name}; was {_readings(values[:1])}",
        tuple(changed), tuple(s for k in changed if (s := fields[k].span) is not None),
    )
    rest = {r: a for r, a in rep.alternatives.items() if r != f"active.{row}"}
    return dataclasses.replace(rep, fields=fields, findings=(*rep.findings, finding), alternatives=rest)


def _readings(values: Sequence[tuple[Any, ...]]) -> str:
    return ", ".join("/".join("–" if x is None else str(x) for x in v) for v in values)
