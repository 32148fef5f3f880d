"""Checks across years: the same organ's reports for consecutive years (format.md R5, R6).

- **R5** (implied by the template): last year's ``applications.carried_forward.<c>`` (结转下年度继续办理)
  equals this year's ``applications.carried_over.<c>`` (上年结转), for every column ``c``.
- **R6** (2021 edition, heuristic): last year's 现行有效件数 + this year's 本年制发件数 − 本年废止件数
  ≈ this year's 现行有效件数, for 规章 and 行政规范性文件.  Revisions and documents that lapse break
  it, hence the tolerance and the low severity.

Reports are matched by a normalised organ name (:func:`organ_key`); a report without an organ or a
year takes part in no check.  Each finding carries both reports.

>>> from govdisclosure.report import Field, Report
>>> def rep(year, key, value):
...     return Report("2021", year, "某县人民政府", {key: Field(key, value, "ok")})
>>> a = rep(2021, "applications.carried_forward.total", 3)
>>> b = rep(2022, "applications.carried_over.total", 2)
>>> [(f.code, f.previous.year, f.current.year) for f in check([b, a])]
[('cross_year_R5', 2021, 2022)]
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

import regex

from .report import Report, Severity

__all__ = ["CrossYearFinding", "check", "organ_key", "R5_CODE", "R6_CODE", "DUPLICATE_CODE"]

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


def check(
    reports: Iterable[Report], *, organ_key: Callable[[str | None], str | None] = organ_key
) -> list[CrossYearFinding]:
    """R5 and R6 over every pair of consecutive-year reports of the same organ.

    Order: by organ key, then year.  Several reports for one organ and year (say a PDF and its
    text rendering) give one :data:`DUPLICATE_CODE` finding, and only the first takes part.
    """
    by_organ: dict[str, dict[int, list[Report]]] = {}
    for rep in reports:
        k = organ_key(rep.organ)
        if k is None or rep.year is None or rep.edition not in ("2019", "2021"):
            continue
        by_organ.setdefault(k, {}).setdefault(rep.year, []).append(rep)
    out: list[CrossYearFinding] = []
    for organ in sorted(by_organ):
        years = by_organ[organ]
        for year in sorted(years):
            reps = years[year]
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
                out += _r5(organ, prev[0], reps[0])
                out += _r6(organ, prev[0], reps[0])
    return out
