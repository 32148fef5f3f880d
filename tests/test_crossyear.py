"""Cross-year checks R5 and R6 (format.md §4) over synthetic report pairs, and R6 as evidence for
glued part 二 rows (crossyear.decide) over reports parsed from crawler-like texts."""

from __future__ import annotations

import dataclasses
import json
import pickle
from dataclasses import dataclass
from typing import Any

import pytest

import govdisclosure
from govdisclosure import crossyear
from govdisclosure.crossyear import DUPLICATE_CODE, R5_CODE, R6_CODE, check, organ_key
from govdisclosure.report import Field, Report, Source
from tests.cases.quirks import doc


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


# -- decide: R6 as evidence for glued part 二 rows ---------------------------------------------
ND = "active.normative_documents"


def crawler(year: int, rows: str) -> str:
    """A crawler's dump of a 2021-edition report of 某某镇 for ``year``: part 二's first block with no
    separators between its captions, labels and cells (tests/cases/quirks.py, 'crawler-part2-…')."""
    title = f"某某镇人民政府{year}年政府信息公开工作年度报告\n一、总体情况\n{year}年，某某镇做好政府信息公开工作。\n"
    return doc("二、主动公开政府信息情况\n第二十条第（一）项信息内容本年制发件数本年废止件数现行有效件数" + rows
               + "第二十条第（五）项信息内容本年处理决定数量行政许可5\n", title=title)


def parsed(year: int, normative: str, src: str | None = None) -> Report:
    """The report of ``crawler(year)`` whose 行政规范性文件 row is ``normative`` ("71106" glued, or
    " 12 3 100 " spaced), with a source path as a batch gives it."""
    rep = govdisclosure.parse(crawler(year, "规章000行政规范性文件" + normative))
    return dataclasses.replace(rep, source=Source(src or f"某某镇-{year}.txt"))


def row(rep: Report) -> list[tuple[Any, str]]:
    return [(rep.fields[f"{ND}.{c}"].value, rep.fields[f"{ND}.{c}"].status) for c in ("issued", "repealed", "in_force")]


def test_glued_row_keeps_its_readings() -> None:
    rep = parsed(2023, "71106")
    assert row(rep) == [(71, "doubtful"), (10, "doubtful"), (6, "doubtful")]  # the likeliest cutting, shown
    alts = rep.alternatives[ND]
    assert [tuple(f.value for f in a) for a in alts] == [(71, 10, 6), (7, 1, 106), (7, 110, 6), (711, 0, 6)]
    assert alts[0] == tuple(rep.fields[f"{ND}.{c}"] for c in ("issued", "repealed", "in_force"))
    # each reading's cells point into the text: the raw digits at their own span
    assert all(rep.text[f.span[0] : f.span[1]] == f.raw == str(f.value) for a in alts for f in a)
    assert "active.regulations" not in rep.alternatives  # "000" cuts one way only: nothing left open


def test_alternatives_round_trip_and_pickle() -> None:
    rep = parsed(2023, "7777166")
    assert len(rep.alternatives[ND]) == 15
    again = Report.from_json(rep.to_json(include_text=True))
    assert again == rep and again.alternatives == rep.alternatives
    assert isinstance(again.alternatives[ND][1], tuple) and isinstance(again.alternatives[ND][1][0], Field)
    assert pickle.loads(pickle.dumps(rep)) == rep
    assert json.loads(rep.to_json())["alternatives"][ND][0][2]["value"] == 166
    assert govdisclosure.parse(crawler(2023, "规章 0 0 0 行政规范性文件 1 2 3 ")).alternatives == {}


def test_previous_report_decides_a_glued_row() -> None:
    prev = parsed(2022, " 12 3 100 ")
    cur = parsed(2023, "71106")
    got_prev, got = govdisclosure.decide_across_years([prev, cur])
    assert got_prev is prev and got is not cur  # a new report; the input is not touched
    assert row(cur) == [(71, "doubtful"), (10, "doubtful"), (6, "doubtful")]
    assert row(got) == [(7, "inferred"), (1, "inferred"), (106, "inferred")]  # 100 + 7 − 1 = 106, no other
    f = got.fields[f"{ND}.in_force"]
    assert got.text[f.span[0] : f.span[1]] == f.raw == "106"
    (fnd,) = [x for x in got.findings if x.code == crossyear.DECIDED_CODE]
    assert fnd.severity == "info" and "某某镇-2022.txt" in fnd.message and "2022" in fnd.message
    assert fnd.keys == (f"{ND}.issued", f"{ND}.repealed", f"{ND}.in_force")
    assert ND not in got.alternatives
    assert check([prev, got]) == []  # R6 now holds
    # the same, given in the other order and with other reports around
    other = parsed(2023, "71106", src="乙.txt")
    other = dataclasses.replace(other, organ="乙镇")
    assert [row(r) for r in crossyear.decide([other, got, prev])][0] == row(other)


def test_next_report_decides_last_years_glued_row() -> None:
    prev = parsed(2022, "71106")
    cur = parsed(2023, " 10 0 116 ")  # 116 − 10 + 0 = 106 was last year's 现行有效
    got_prev, got_cur = crossyear.decide([cur, prev])[::-1]
    assert got_cur is cur
    assert row(got_prev) == [(7, "inferred"), (1, "inferred"), (106, "inferred")]
    assert [x.code for x in got_prev.findings if x.code == crossyear.DECIDED_BACK_CODE] == [crossyear.DECIDED_BACK_CODE]


def test_two_readings_fit_nothing_changes() -> None:
    prev = parsed(2022, " 12 3 82 ")
    cur = parsed(2023, "2777")  # 82 + 2 − 7 = 77 and 82 + 2 − 77 = 7: two readings fit
    assert [tuple(f.value for f in a) for a in cur.alternatives[ND]] == [(27, 7, 7), (2, 7, 77), (2, 77, 7)]
    assert crossyear.decide([prev, cur])[1] is cur


def test_doubtful_previous_report_decides_nothing() -> None:
    prev = parsed(2022, "1230150")  # glued too: its 现行有效 is no evidence
    cur = parsed(2023, "71106")
    assert prev.fields[f"{ND}.in_force"].status == "doubtful"
    got = crossyear.decide([prev, cur])
    assert got[0] is prev and got[1] is cur


def test_no_reading_fits_says_so() -> None:
    prev = parsed(2022, " 12 3 500 ")
    cur = parsed(2023, "71106")
    (got,) = crossyear.decide([prev, cur])[1:]
    assert row(got) == row(cur) and got.alternatives == cur.alternatives
    assert [x.code for x in got.findings if x.code == crossyear.NONE_FITS_CODE] == [crossyear.NONE_FITS_CODE]
    again = crossyear.decide([prev, got])[1]  # said once, however often decide runs
    assert [x.code for x in again.findings].count(crossyear.NONE_FITS_CODE) == 1


@pytest.mark.parametrize("years,edition", [((2021, 2023), "2021"), ((2022, 2023), "2019")])
def test_only_consecutive_2021_edition_reports(years: tuple[int, int], edition: str) -> None:
    prev = dataclasses.replace(parsed(years[0], " 12 3 100 "), edition=edition)
    cur = parsed(years[1], "71106")
    assert crossyear.decide([prev, cur])[1] is cur


def test_a_chain_of_years() -> None:
    """2022 confident, 2023 and 2024 glued: 2023 decided by 2022, then 2024 by the decided 2023."""
    reps = [parsed(2024, "31108"), parsed(2023, "71106"), parsed(2022, " 12 3 100 ")]
    assert len(reps[0].alternatives[ND]) > 1
    got = crossyear.decide(reps)
    assert row(got[1]) == [(7, "inferred"), (1, "inferred"), (106, "inferred")]
    assert row(got[0]) == [(3, "inferred"), (1, "inferred"), (108, "inferred")]  # 106 + 3 − 1
