"""The narrative stage: meta and facts of every corpus document, R7 findings, quirks, the models.

Expected values were written by reading each document's text (seeds and real reports); where a
document does not state a thing, the field is None and no fact of that kind is expected.  The rules
were developed on these same documents (there is no held-out narrative set yet): new documents go
into DOCS below before the rules are changed for them.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import pathlib
import subprocess
import sys
import textwrap
from typing import Any, NamedTuple

import pytest

import govdisclosure
from govdisclosure import narrative
from govdisclosure.errors import ModelNotFoundError

ROOT = pathlib.Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"

D = dt.date


class Doc(NamedTuple):
    file: str
    meta: dict[str, Any]
    contact: dict[str, str | None]
    facts: list[tuple[str, int | float, str | None, str | None]]  # kind, value, unit, subject


NO_CONTACT: dict[str, str | None] = {"phone": None, "email": None, "postcode": None, "address": None}
HUAIAN_META = {"organ": "淮安市人民政府", "organ_level": "city", "region": None, "year": 2024,
               "period": (D(2024, 1, 1), D(2024, 12, 31)), "published": None}
HUAIAN_CONTACT = {"phone": "0517-83605210", "email": "hazwgkc@163.com", "postcode": "223001", "address": "淮安市翔宇南道1号"}
HUAIAN_FACTS = [
    ("active_disclosure_part", 5500, "条", "市政府网站"),  # "市政府网站主动公开各类政府信息 5500 余条"
    ("active_disclosure_part", 1, "件", "市政府规章"),
    ("active_disclosure_part", 11, "件", "市政府及市政府办政策性文件"),
    ("applications_received", 3119, "件", None),
    ("reviews", 351, "件", None),
    ("lawsuits", 46, "件", None),
    ("processing_fees", 3940, "元", None),
]

DOCS = [
    Doc(
        "seeds/000_ef31623f57f13f1e.txt",
        # "“岚皋县官元镇人民政府”微信公众号" names the town with its county
        {"organ": "岚皋县官元镇人民政府", "organ_level": "township", "region": "岚皋县", "year": 2021, "period": None, "published": None},
        NO_CONTACT,
        [("active_disclosure_total", 66, "条", None), ("applications_received", 0, "件", None)],
    ),
    Doc(
        "seeds/001_7e630d27dccc3614.txt",
        {"organ": "后河镇人民政府", "organ_level": "township", "region": None, "year": 2021, "period": None, "published": None},
        NO_CONTACT,
        [
            ("active_disclosure_total", 235, "条", None),
            ("applications_received", 0, "件", None),  # "没有受理申请公开政府信息申请"
            ("processing_fees", 0, "元", None),  # "未收取信息处理费"
        ],
    ),
    Doc(
        "seeds/002_3ebef54e66d7d0d1.txt",
        {"organ": "官元镇人民政府", "organ_level": "township", "region": None, "year": 2023, "period": None, "published": None},
        NO_CONTACT,
        [
            ("active_disclosure_part", 412, "条", "“官元镇人民政府”公众号"),
            ("active_disclosure_part", 1050, "条", "镇村政务公开栏、微信、QQ群等其他形式"),
            ("applications_received", 0, "件", None),  # "无依申请公开事项"
            ("processing_fees", 0, "元", None),  # "无收取信息处理费用情况"
        ],
    ),
    Doc(
        "seeds/003_a3cb757cf03d8042.txt",
        {"organ": "安丘市官庄镇人民政府", "organ_level": "township", "region": "安丘市", "year": 2020,
         "period": (D(2019, 1, 1), D(2019, 12, 31)), "published": D(2021, 1, 27)},
        {"phone": "0536-4651001", "email": "aqsgzzdzb@wf.shandong.cn", "postcode": "262108", "address": "安丘市官庄镇镇政府驻地"},
        [
            ("active_disclosure_total", 131, "条", None),
            ("active_disclosure_part", 24, "条", "安丘市人民政府网站"),
            ("active_disclosure_part", 107, "条", "“管宁故里田园官庄”微信公众号"),
            ("applications_received", 0, "件", None),
        ],
    ),
    Doc(
        "seeds/004_604213c82ade96a7.txt",
        {"organ": "富阳区上官乡人民政府", "organ_level": "township", "region": "富阳区", "year": 2021, "period": None, "published": None},
        NO_CONTACT,
        [
            ("active_disclosure_total", 794, "条", None),
            ("active_disclosure_part", 61, "条", "组织机构"),
            ("active_disclosure_part", 631, "条", "乡镇动态"),
            ("active_disclosure_part", 59, "条", "部门文件"),
            ("active_disclosure_part", 15, "条", "财政信息"),
            ("active_disclosure_part", 14, "条", "人事信息"),
            ("active_disclosure_part", 3, "条", "应急管理"),
            ("active_disclosure_part", 1, "条", "建议提案"),
            ("active_disclosure_part", 2, "条", "其他信息"),
            ("active_disclosure_part", 8, "条", "重大领域信息公开"),
            ("applications_received", 1, "件", None),
            ("processing_fees", 0, "元", None),
        ],
    ),
    Doc("real/huaian-city-2024.pdfplumber.txt", HUAIAN_META, HUAIAN_CONTACT, HUAIAN_FACTS),
    Doc("real/huaian-city-2024.pdftotext.txt", HUAIAN_META, HUAIAN_CONTACT, HUAIAN_FACTS),
    Doc(
        "real/pingtan-2022.txt",
        {"organ": "平潭综合实验区", "organ_level": "city", "region": None, "year": 2022,
         "period": (D(2022, 1, 1), D(2022, 12, 31)), "published": D(2023, 2, 20)},  # crawler header 发布时间
        {"phone": "0591-23165385", "email": None, "postcode": "350400", "address": "平潭综合实验区金井湾商务营运中心7号楼14层"},
        [
            ("active_disclosure_total", 14571, "条", None),
            ("applications_received", 75, "件", None),
            ("reviews", 2, "件", None),
            ("lawsuits", 1, "件", None),
            ("processing_fees", 0, "元", None),
        ],
    ),
    Doc(
        "real/pingtan-2018-legacy.txt",
        {"organ": "平潭综合实验区", "organ_level": "city", "region": None, "year": 2018,
         "period": (D(2018, 1, 1), D(2018, 12, 31)), "published": D(2019, 1, 10)},
        {"phone": "0591-23165255", "email": "pzxxgkb@163.com", "postcode": "350400", "address": "平潭综合实验区北厝镇金井湾片区管委会大楼主楼14层"},
        [
            ("active_disclosure_total", 2069, "条", None),
            ("active_disclosure_part", 1592, "条", "区管委会及区直各部门"),
            ("active_disclosure_part", 477, "条", "各乡镇"),
            ("applications_received", 0, "件", None),
            ("reviews", 0, "件", None),  # "未收到有关政府信息公开行政复议、提起行政诉讼的申请"
            ("lawsuits", 0, "件", None),
        ],
    ),
    Doc(
        "real/shanghai-office-2025.md",
        {"organ": "上海市人民政府办公厅", "organ_level": "department", "region": "上海市", "year": 2025,
         "period": (D(2025, 1, 1), D(2025, 12, 31)), "published": None},  # "2025 年 1 月 1 日至 12 月 31 日"
        NO_CONTACT,
        [
            ("active_disclosure_part", 22, "件", "市政府规章"),
            ("active_disclosure_part", 34, "件", "市政府及市政府办公厅行政规范性文件"),
            ("active_disclosure_part", 196, "件", "人事任免文件"),
            ("active_disclosure_part", 84, "件", "其他文件"),
            ("applications_received", 1295, "件", None),
            # "未发生因依申请公开被行政复议纠错或行政诉讼败诉情形" denies outcomes, not cases: no fact
            ("processing_fees", 0, "元", None),
        ],
    ),
]


@pytest.fixture(scope="module")
def reports() -> dict[str, govdisclosure.Report]:
    return {d.file: govdisclosure.parse((CORPUS / d.file).read_text(encoding="utf-8")) for d in DOCS}


@pytest.mark.parametrize("doc", DOCS, ids=[d.file for d in DOCS])
def test_meta(doc: Doc, reports: dict[str, govdisclosure.Report]) -> None:
    meta = reports[doc.file].meta
    got = {k: getattr(meta, k) for k in doc.meta}
    assert got == doc.meta
    assert dataclasses.asdict(meta.contact) == doc.contact


@pytest.mark.parametrize("doc", DOCS, ids=[d.file for d in DOCS])
def test_facts(doc: Doc, reports: dict[str, govdisclosure.Report]) -> None:
    rep = reports[doc.file]
    assert [(f.kind, f.value, f.unit, f.subject) for f in rep.facts] == doc.facts


@pytest.mark.parametrize("doc", DOCS, ids=[d.file for d in DOCS])
def test_fact_spans_are_spans_of_the_original_text(doc: Doc, reports: dict[str, govdisclosure.Report]) -> None:
    rep = reports[doc.file]
    text = (CORPUS / doc.file).read_text(encoding="utf-8")
    for f in rep.facts:
        assert f.span is not None and f.raw is not None
        assert text[f.span[0] : f.span[1]] == f.raw
        if f.value:
            assert str(f.value).split(".")[0] in "".join(f.raw.split())


def test_meta_organ_agrees_with_report_organ(reports: dict[str, govdisclosure.Report]) -> None:
    for rep in reports.values():
        a, b = (rep.organ or "").replace("人民政府", ""), (rep.meta.organ or "").replace("人民政府", "")
        assert a in b or b in a, (rep.organ, rep.meta.organ)


@pytest.mark.parametrize("doc", DOCS, ids=[d.file for d in DOCS])
def test_spacy_engine_gives_the_same_result(doc: Doc, reports: dict[str, govdisclosure.Report]) -> None:
    """Both engines read models/patterns; they must agree on every corpus document."""
    text = (CORPUS / doc.file).read_text(encoding="utf-8")
    with narrative.engine("spacy"):
        rep = govdisclosure.parse(text)
    assert rep.meta == reports[doc.file].meta
    assert rep.facts == reports[doc.file].facts


# -- R7 ---------------------------------------------------------------------------------------------
def _codes(rep: govdisclosure.Report, code: str) -> list[govdisclosure.Finding]:
    return [f for f in rep.findings if f.code == code]


def test_report_year_contradiction_seed_003(reports: dict[str, govdisclosure.Report]) -> None:
    rep = reports["seeds/003_a3cb757cf03d8042.txt"]
    found = _codes(rep, "year_contradiction")
    assert len(found) == 1
    text = (CORPUS / "seeds/003_a3cb757cf03d8042.txt").read_text(encoding="utf-8")
    assert any("2019年1月1日" in text[s:e] for s, e in found[0].spans)


@pytest.mark.parametrize(
    "file",
    ["seeds/004_604213c82ade96a7.txt", "real/huaian-city-2024.pdfplumber.txt", "real/pingtan-2022.txt", "real/shanghai-office-2025.md"],
)
def test_no_contradiction_where_narrative_and_tables_agree(file: str, reports: dict[str, govdisclosure.Report]) -> None:
    # pingtan-2022: "收到申请75件" = 74 newly received + 1 carried over, an accepted reading
    assert _codes(reports[file], "narrative_contradiction") == []


def test_narrative_contradicting_table_three_names_both_spans() -> None:
    text = (CORPUS / "seeds/004_604213c82ade96a7.txt").read_text(encoding="utf-8")
    assert "信息公开申请1件" in text
    text = text.replace("信息公开申请1件", "信息公开申请3件")
    rep = govdisclosure.parse(text)
    found = _codes(rep, "narrative_contradiction")
    assert len(found) == 1
    f = found[0]
    assert f.keys == ("applications.new_received.total",)
    assert [text[s:e] for s, e in f.spans] == ["3件", "1"]
    assert f.spans[1] == rep.fields["applications.new_received.total"].span


def test_narrative_zero_against_table_nonzero() -> None:
    text = (CORPUS / "seeds/004_604213c82ade96a7.txt").read_text(encoding="utf-8")
    text = text.replace("2021年我乡共收到公民、法人和其他组织通过各种形式提出的信息公开申请1件。", "本年度未收到政府信息公开申请。")
    rep = govdisclosure.parse(text)
    (f,) = _codes(rep, "narrative_contradiction")
    assert text[f.spans[0][0] : f.spans[0][1]] == "未收到政府信息公开申请"


def test_narrative_off_skips_the_stage() -> None:
    rep = govdisclosure.parse((CORPUS / "seeds/003_a3cb757cf03d8042.txt").read_text(encoding="utf-8"), narrative=False)
    assert rep.facts == ()


# -- quirks, on plain strings ------------------------------------------------------------------------
class Case(NamedTuple):
    input: str
    expected: list[tuple[str, int | float, str | None, str | None]]
    note: str


CASES = [
    Case("2021年,我镇主动公开信息235条。", [("active_disclosure_total", 235, "条", None)], "plain total"),
    Case("市政府共受理政府信息公开申请 1295 件,办结 1191 件。", [("applications_received", 1295, "件", None)],
         "受理…申请 is applications, not disclosure, though it says 共 and 公开"),
    Case("本年度未收到政府信息公开申请。", [("applications_received", 0, "件", None)], "negated: 0"),
    Case("2022年,全区政府信息公开工作方面共有行政诉讼案件1件、行政复议案件2件,均已结案。",
         [("reviews", 2, "件", None), ("lawsuits", 1, "件", None)], "two cues, one clause"),
    Case("全年未发生因依申请公开被行政复议纠错或行政诉讼败诉情形。", [], "an outcome denied, not the cases"),
    Case("全年收取政府信息公开信息处理费 3940 元。", [("processing_fees", 3940, "元", None)], "fee with a unit"),
    Case("本单位不收取信息处理费。", [("processing_fees", 0, "元", None)], "不收取"),
    Case("收取信息处理费0.5万元。", [("processing_fees", 0.5, "万元", None)], "decimal money in 万元"),
    Case("(一)主动公开情况\n“官元镇人民政府”公众号公开信息数 412 条、镇村政务公开栏、微信、\nQQ 群等其他形式公开信息 1050 条。",
         [("active_disclosure_part", 412, "条", "“官元镇人民政府”公众号"),
          ("active_disclosure_part", 1050, "条", "镇村政务公开栏、微信、QQ群等其他形式")],
         "PDF line wraps; heading run into the prose; a list ending in 等"),
    Case("截至目前,公开立项审批信息和备案信息共123件。", [], "共 and 公开 but not about 主动公开"),
]


@pytest.mark.parametrize("case", CASES, ids=[c.note for c in CASES])
def test_cases(case: Case) -> None:
    assert [(f.kind, f.value, f.unit, f.subject) for f in narrative.facts_of_text(case.input)] == case.expected


def test_fact_spans_on_plain_string() -> None:
    text = "本年度报告中所列数据:\u3000主动公开信息２３５条。"
    (f,) = narrative.facts_of_text(text)
    assert f.value == 235 and text[f.span[0] : f.span[1]] == "２３５条" == f.raw


# -- the pattern compiler ----------------------------------------------------------------------------
def test_token_patterns_compile_like_the_span_ruler() -> None:
    rx = narrative._pattern_regex([{"IS_DIGIT": True, "OP": "{1,2}"}, {"ORTH": "月"}, {"ORTH": {"IN": ["日", "号"]}, "OP": "?"}])
    import regex

    assert regex.fullmatch(rx, "12月日") and regex.fullmatch(rx, "1月") and not regex.fullmatch(rx, "123月")
    with pytest.raises(ValueError, match="LEMMA"):
        narrative._pattern_regex([{"LEMMA": "x"}])


def test_every_pattern_compiles_and_labels_are_known() -> None:
    labels = {p.label for p in narrative.patterns()}
    assert {"QUANTITY", "DATE", "PHONE", "EMAIL", "POSTCODE", "ADDRESS", "CHANNEL", "PLACE", "ORGAN_HEAD"} <= labels
    assert narrative._compiled()


# -- models/ -----------------------------------------------------------------------------------------
def test_models_rebuild_with_the_documented_command(tmp_path: Any) -> None:
    """python models/build.py --check rebuilds from models/config.cfg + patterns and compares."""
    out = subprocess.run([sys.executable, str(ROOT / "models" / "build.py"), "--check"], capture_output=True, text=True, cwd=ROOT)
    assert out.returncode == 0, out.stderr
    manifest = json.loads((ROOT / "models" / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["build_command"] == narrative.BUILD_COMMAND


def test_missing_pipeline_names_the_build_command(monkeypatch: pytest.MonkeyPatch, tmp_path: Any) -> None:
    (tmp_path / "patterns").mkdir()
    monkeypatch.setattr(narrative, "models_dir", lambda: tmp_path)
    narrative.load_pipeline.cache_clear()
    try:
        with pytest.raises(ModelNotFoundError, match="python models/build.py"):
            narrative.load_pipeline()
    finally:
        narrative.load_pipeline.cache_clear()


def test_import_and_parse_do_not_load_spacy() -> None:
    code = textwrap.dedent(
        f"""
        import sys
        import govdisclosure
        govdisclosure.parse(open({str(CORPUS / 'seeds/003_a3cb757cf03d8042.txt')!r}, encoding='utf-8').read())
        print(sorted(m for m in sys.modules if m == 'spacy' or m.startswith('spacy.') or m == 'thinc'))
        """
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "[]"
