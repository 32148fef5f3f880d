"""benchmarks/metrics.py: the scoring rules of ../shared/tools/score.py, on tiny hand-made reports.

Each Case is (gold record, report, expected counts, note); one parametrised test runs them all.
"""

from __future__ import annotations

import doctest
from dataclasses import dataclass, field
from typing import Any, NamedTuple

import pytest

from benchmarks import baseline, metrics


@dataclass(frozen=True)
class F:
    value: Any
    status: str = "ok"


@dataclass(frozen=True)
class R:
    fields: dict[str, F] = field(default_factory=dict)
    edition: str | None = "2021"
    year: int | None = 2021
    organ: str | None = "官元镇"
    findings: tuple[str, ...] = ()


def gold(fields: dict[str, Any] | None = None, *, edition: str = "2021", year: int = 2021,
         organ: str | None = "官元镇人民政府") -> dict[str, Any]:
    return {"edition": edition, "year": year, "organ": organ,
            "fields": {"a": 1, "b": 2, "c": None} if fields is None else fields}


RIGHT = {"a": F(1), "b": F(2), "c": F(None, "blank")}


class Case(NamedTuple):
    gold: dict[str, Any]
    report: Any
    expected: dict[str, Any]  # attributes of DocScore to check
    note: str


CASES = [
    Case(gold(), R(RIGHT), {"right": 3, "wrong": 0, "silent": 0, "exact": True, "accuracy": 1.0},
         "everything right: exact"),
    Case(gold(), R({**RIGHT, "b": F(3)}), {"right": 2, "wrong": 1, "silent": 1, "exact": False},
         "a wrong value with status ok is a silent error"),
    Case(gold(), R({**RIGHT, "b": F(3, "inferred")}), {"wrong": 1, "silent": 0, "exact": False},
         "an inferred wrong value is wrong but not silent"),
    Case(gold(), R({**RIGHT, "b": F(3, "doubtful")}), {"wrong": 1, "silent": 0},
         "a doubtful wrong value is not silent"),
    Case(gold({"a": 0}), R({"a": F(None, "blank")}), {"wrong": 1, "silent": 1},
         "blank (None) where the gold says 0 is silent: None is not 0"),
    Case(gold({"a": 5}), R({"a": F(None, "not_applicable")}), {"wrong": 1, "silent": 1},
         "not_applicable where the gold has a number is silent"),
    Case(gold({"a": None}), R({"a": F(0)}), {"wrong": 1, "silent": 1},
         "a guessed zero for a blank cell is silent"),
    Case(gold(), R({"a": F(1), "b": F(2)}), {"right": 3, "wrong": 0, "exact": True},
         "a key the report lacks counts as None: right when the gold is null"),
    Case(gold({"a": 1}), R({}), {"wrong": 1, "silent": 0},
         "a key the report lacks is 'missing': wrong, not silent"),
    Case(gold({"m": 96171.6}), R({"m": F(96171.6000000001)}), {"right": 1},
         "money within 1e-6 is equal"),
    Case(gold({"m": 96171.6}), R({"m": F(96171.61)}), {"wrong": 1, "silent": 1},
         "money 0.01 off is wrong"),
    Case(gold({"a": 1}), R({"a": F(1.0)}), {"right": 1}, "int 1 equals float 1.0"),
    Case(gold({}, edition="legacy", year=2018), R({}, edition="legacy", year=2018),
         {"invented": 0, "silent": 0, "exact": True, "accuracy": 1.0},
         "legacy doc with no fields, none given: exact"),
    Case(gold({}, edition="legacy", year=2018),
         R({"x": F(2069), "y": F(None, "missing")}, edition="legacy", year=2018),
         {"invented": 1, "silent": 1, "exact": False, "accuracy": 0.0, "fields": 0},
         "a value on a legacy doc is invented, and silent under ok"),
    Case(gold({}, edition="legacy", year=2018), R({"x": F(2069, "doubtful")}, edition="legacy", year=2018),
         {"invented": 1, "silent": 0, "exact": False},
         "an invented value under doubt is not silent"),
    Case(gold(), None, {"parsed": False, "wrong": 2, "right": 1, "silent": 0, "exact": False,
                        "edition_ok": False, "year_ok": False, "organ_ok": False},
         "a parse that raised: every non-null field wrong, none silent (score.py)"),
    Case(gold(organ="富阳区上官乡人民政府"), R(RIGHT, organ="上官乡"), {"organ_ok": True, "exact": True},
         "organ: the shorter name is contained in the longer"),
    Case(gold(organ="淮安市人民政府"), R(RIGHT, organ="淮安市 人民政府"), {"organ_ok": True},
         "organ: spaces and 人民政府 stripped"),
    Case(gold(organ="官元镇"), R(RIGHT, organ="官庄镇人民政府"), {"organ_ok": False, "exact": False},
         "organ: a different township"),
    Case(gold(organ="官元镇"), R(RIGHT, organ=None), {"organ_ok": False},
         "organ: None when the gold has one"),
    Case(gold(organ=None), R(RIGHT, organ=None), {"organ_ok": True}, "organ: None gold wants None"),
    Case(gold(organ=None), R(RIGHT, organ="官元镇"), {"organ_ok": False}, "organ: None gold, a name given"),
    Case(gold(organ="人民政府"), R(RIGHT, organ="人民政府"), {"organ_ok": False},
         "organ: nothing left after stripping matches nothing"),
    Case(gold(), R(RIGHT, edition="2019"), {"edition_ok": False, "exact": False, "right": 3},
         "wrong edition: fields right, not exact"),
    Case(gold(), R(RIGHT, year=2020), {"year_ok": False, "exact": False}, "wrong year: not exact"),
    Case(gold(), R(RIGHT, findings=("f1", "f2")), {"findings": 2, "exact": True}, "findings are counted"),
    Case(gold(), R({**RIGHT, "extra": F(5)}), {"right": 3, "invented": 0, "exact": True},
         "extra keys on a templated doc are not scored"),
]


@pytest.mark.parametrize("case", CASES, ids=[c.note for c in CASES])
def test_score_document(case: Case) -> None:
    s = metrics.score_document(case.gold, case.report)
    got = {k: getattr(s, k) for k in case.expected}
    assert got == case.expected, f"{case.note}: {[str(d) for d in s.diffs]}"


def test_diffs_name_the_fields() -> None:
    s = metrics.score_document(gold(), R({**RIGHT, "b": F(3, "inferred")}))
    assert [str(d) for d in s.diffs] == ["b=3/2[inferred]"]
    assert not s.diffs[0].silent
    s = metrics.score_document(gold({}, edition="legacy"), R({"x": F(7)}, edition="legacy"))
    assert [str(d) for d in s.diffs] == ["x=7/absent[ok]"]


def test_statuses_counted_over_report_fields() -> None:
    s = metrics.score_document(gold(), R({**RIGHT, "d": F(None, "missing")}))
    assert s.statuses == {"ok": 2, "blank": 1, "missing": 1}


def test_total() -> None:
    scores = [
        metrics.score_document(gold(), R(RIGHT)),
        metrics.score_document(gold(), R({**RIGHT, "b": F(3)})),
        metrics.score_document(gold(), None),
    ]
    t = metrics.total(scores)
    assert (t.docs, t.errors, t.fields, t.right, t.wrong, t.silent, t.exact) == (3, 1, 9, 6, 3, 1, 1)
    assert t.accuracy == pytest.approx(6 / 9)
    assert t.statuses == {"ok": 4, "blank": 2}
    assert metrics.total([]).accuracy == 0.0


@pytest.mark.parametrize(
    "name, expected",
    [
        ("huaian-city-2024.pdftotext-layout.txt", ("huaian-city-2024", "pdftotext-layout")),
        ("huaian-city-2024.pdf", ("huaian-city-2024", "file")),
        ("shanghai-office-2025.md", ("shanghai-office-2025", "file")),
        ("000_ef31623f57f13f1e.txt", ("000_ef31623f57f13f1e", "file")),
    ],
)
def test_split_name(name: str, expected: tuple[str, str]) -> None:
    assert metrics.split_name(name) == expected


def test_baseline_shifts_silently() -> None:
    # one stray number in part 二 shifts every later cell of the part, all with status ok
    text = "二、主动公开政府信息情况\n规章 0 0 0\n行政规范性文件 (99) 1 2 3\n三、收到和处理政府信息公开申请情况\n"
    rep = baseline.parse(text, edition="2021")
    assert rep.fields["active.normative_documents.issued"].value == 99
    assert rep.fields["active.normative_documents.repealed"].status == "ok"
    assert rep.fields["applications.new_received.natural_person"].status == "missing"
    assert baseline.parse(text, edition="legacy").fields == {}


@pytest.mark.parametrize("module", [metrics, baseline], ids=lambda m: m.__name__)
def test_doctests(module: Any) -> None:
    # benchmarks/ is outside pytest's testpaths, so its doctests run here
    result = doctest.testmod(module, optionflags=doctest.NORMALIZE_WHITESPACE)
    assert result.failed == 0 and result.attempted > 0
