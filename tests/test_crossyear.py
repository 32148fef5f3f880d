"""Cross-year checks R5 and R6 (format.md §4) over synthetic report pairs."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest

from govdisclosure import crossyear
from govdisclosure.crossyear import DUPLICATE_CODE, R5_CODE, R6_CODE, check, organ_key
from govdisclosure.report import Field, Report, Source


def rep(year: int | None, organ: str | None = "某县人民政府", edition: str = "2021", src: str | None = None,
        **values: Any) -> Report:
    fields = {}
    for k, v in values.items():
        key = k.replace("__", ".")
        fields[key] = Field(key, v, "ok" if v is not None else "blank", None if v is None else str(v), (0, 1))
    return Report(edition, year, organ, fields, source=Source(src or f"{organ}-{year}.txt"))


@dataclass(frozen=True)
class Case:
    reports: list[Report]
    expected: list[tuple[str, str]]  # (code, first key of the current report)
    note: str


CASES = [
    Case([rep(2021, applications__carried_forward__total=3), rep(2022, applications__carried_over__total=3)],
         [], "R5 holds"),
    Case([rep(2021, applications__carried_forward__total=3), rep(2022, applications__carried_over__total=2)],
         [(R5_CODE, "applications.carried_over.total")], "R5 broken"),
    Case([rep(2021, applications__carried_forward__natural_person=1, applications__carried_forward__total=3),
          rep(2022, applications__carried_over__natural_person=2, applications__carried_over__total=3)],
         [(R5_CODE, "applications.carried_over.natural_person")], "R5 per column"),
    Case([rep(2020, applications__carried_forward__total=3), rep(2022, applications__carried_over__total=2)],
         [], "years not consecutive: nothing to compare"),
    Case([rep(2021, applications__carried_forward__total=None), rep(2022, applications__carried_over__total=2)],
         [], "a blank is not assessable, not a mismatch"),
    Case([rep(2021, organ="甲县", applications__carried_forward__total=3),
          rep(2022, organ="乙县", applications__carried_over__total=2)], [], "different organs"),
    Case([rep(2021, organ="淮安市人民政府", applications__carried_forward__total=3),
          rep(2022, organ="淮安市 政府", applications__carried_over__total=2)],
         [(R5_CODE, "applications.carried_over.total")], "organs matched by normalised name"),
    Case([rep(2020, edition="2019", applications__carried_forward__total=3),
          rep(2021, applications__carried_over__total=4)],
         [(R5_CODE, "applications.carried_over.total")], "R5 across editions (2020 on the 2019 form)"),
    Case([rep(2021, active__regulations__in_force=10),
          rep(2022, active__regulations__issued=2, active__regulations__repealed=1, active__regulations__in_force=11)],
         [], "R6 holds exactly"),
    Case([rep(2021, active__normative_documents__in_force=100),
          rep(2022, active__normative_documents__issued=10, active__normative_documents__repealed=5,
              active__normative_documents__in_force=108)],
         [], "R6 within tolerance (revisions)"),
    Case([rep(2021, active__normative_documents__in_force=100),
          rep(2022, active__normative_documents__issued=10, active__normative_documents__repealed=5,
              active__normative_documents__in_force=60)],
         [(R6_CODE, "active.normative_documents.issued")], "R6 broken"),
    Case([rep(2020, edition="2019", active__regulations__in_force=10),
          rep(2021, active__regulations__issued=2, active__regulations__repealed=0, active__regulations__in_force=50)],
         [], "R6 needs two 2021-edition reports"),
    Case([rep(2021, applications__carried_forward__total=3),
          rep(2022, src="a.pdf", applications__carried_over__total=3),
          rep(2022, src="a.txt", applications__carried_over__total=9)],
         [(DUPLICATE_CODE, "")], "duplicates: flagged, the first one is compared"),
    Case([rep(None, applications__carried_forward__total=3), rep(2022, organ=None)], [], "no year, no organ"),
]


@pytest.mark.parametrize("case", CASES, ids=[c.note for c in CASES])
def test_cases(case: Case) -> None:
    got = check(case.reports)
    assert [(f.code, f.keys[0] if f.keys else "") for f in got] == case.expected


def test_finding_carries_both_reports() -> None:
    prev = rep(2021, src="2021.pdf", applications__carried_forward__total=3)
    cur = rep(2022, src="2022.pdf", applications__carried_over__total=2)
    (f,) = check([cur, prev])  # input order does not matter
    assert f.previous is prev and f.current is cur
    assert f.previous_keys == ("applications.carried_forward.total",) and f.spans == ((0, 1),)
    assert f.severity == crossyear.R5_SEVERITY and "3" in f.message and "2" in f.message
    d = f.to_dict()
    assert d["previous"]["source"] == "2021.pdf" and d["current"]["source"] == "2022.pdf"


def test_custom_organ_key() -> None:
    a = rep(2021, organ="上官乡", applications__carried_forward__total=3)
    b = rep(2022, organ="富阳区上官乡人民政府", applications__carried_over__total=2)
    assert check([a, b]) == []
    assert len(check([a, b], organ_key=lambda n: n and n.replace("富阳区", "").replace("人民政府", ""))) == 1


@pytest.mark.parametrize("a,b,same", [
    ("淮安市人民政府", "淮安市", True),
    ("淮安市政府", "淮安市人民政府", True),
    ("上海市人民政府办公厅", "上海市人民政府", False),
    ("（平潭）综合实验区", "平潭综合实验区", True),
    ("ＡＢ县", "AB县", True),
])
def test_organ_key(a: str, b: str, same: bool) -> None:
    assert (organ_key(a) == organ_key(b)) is same
