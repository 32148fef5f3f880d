"""parse_file() on every file format: committed fixtures (tests/fixtures/files, built by
scripts/make_fixtures.py), the real PDF in corpus/real, and one test per kind of broken input.

Fixtures are read as committed; LibreOffice is not needed (the .doc case checks both paths).
"""

from __future__ import annotations

import json
import pathlib
import subprocess
import sys
import zipfile
from io import BytesIO
from typing import NamedTuple

import pytest

import govdisclosure
from govdisclosure import errors
from govdisclosure.inputs import Document, read, sniff_format
from govdisclosure.inputs import docx as docx_reader
from govdisclosure.inputs.html import read_html
from govdisclosure.inputs.text import decode

ROOT = pathlib.Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "files"
CORPUS = ROOT / "corpus" / "real"
BROKEN = FIXTURES / "broken"


def _documents() -> list[pathlib.Path]:
    out = []
    for d in (FIXTURES, CORPUS):
        for p in sorted(d.iterdir()):
            if p.is_file() and not p.name.endswith((".gold.json", ".meta.json")):
                if d == CORPUS and p.suffix != ".pdf":
                    continue  # the text renderings beside the real PDF are test_golden's
                out.append(p)
    return out


DOCS = _documents()


def _gold(p: pathlib.Path) -> dict:
    return json.loads((p.parent / (p.name.split(".")[0] + ".gold.json")).read_text(encoding="utf-8"))


def _skip_doc_without_soffice(p: pathlib.Path) -> None:
    if p.suffix == ".doc" and docx_reader.soffice_path() is None:
        pytest.skip("LibreOffice is not installed: .doc conversion is tested by test_doc_without_soffice")


@pytest.mark.parametrize("path", DOCS, ids=[p.name for p in DOCS])
def test_every_field_equals_gold(path: pathlib.Path) -> None:
    _skip_doc_without_soffice(path)
    gold = _gold(path)
    rep = govdisclosure.parse_file(path)
    assert rep.edition == gold["edition"] and rep.year == gold["year"]
    wrong = []
    for k, gv in gold["fields"].items():
        f = rep.fields.get(k)
        pv = f.value if f is not None else None
        if not ((pv is None and gv is None) or (pv is not None and gv is not None and abs(float(pv) - float(gv)) < 1e-6)):
            wrong.append((k, pv, gv, f.status if f else "absent"))
    assert not wrong, wrong[:5]


@pytest.mark.parametrize("path", DOCS, ids=[p.name for p in DOCS])
def test_spans_point_into_report_text_and_source_is_set(path: pathlib.Path) -> None:
    _skip_doc_without_soffice(path)
    rep = govdisclosure.parse_file(path)
    assert rep.source is not None and rep.source.path == str(path)
    assert rep.source.format == {".pdf": "pdf", ".docx": "docx", ".doc": "doc", ".html": "html", ".text": "text"}[path.suffix]
    for f in rep.fields.values():
        if f.span is not None and f.raw is not None:
            assert rep.text[f.span[0]: f.span[1]] == f.raw, f


PDFS = [p for p in DOCS if p.suffix == ".pdf"]


@pytest.mark.parametrize("path", PDFS, ids=[p.name for p in PDFS])
def test_pdf_fields_have_page_and_box(path: pathlib.Path) -> None:
    rep = govdisclosure.parse_file(path)
    assert rep.source.pages and rep.source.pages >= 1
    read_values = [f for f in rep.fields.values() if f.span is not None and f.span[1] > f.span[0]]
    assert read_values
    for f in read_values:
        assert f.page is not None and 1 <= f.page <= rep.source.pages, f
        assert f.bbox is not None and f.bbox[0] < f.bbox[2] and f.bbox[1] < f.bbox[3], f


def test_real_pdf_pages_are_where_the_values_are_printed() -> None:
    rep = govdisclosure.parse_file(CORPUS / "huaian-city-2024.pdf")
    # huaian: part 二 第（一）项 on page 3, part 三 starts on page 4, part 四 on page 5
    assert rep.fields["active.regulations.issued"].page == 3
    assert rep.fields["applications.new_received.total"].page == 4
    assert rep.fields["review.total"].page == 5


def test_real_pdf_text_has_no_page_numbers_and_joins_the_split_table() -> None:
    doc = read(CORPUS / "huaian-city-2024.pdf")
    lines = doc.text.splitlines()
    assert not any(ln.strip() in ("- 4 -", "- 5 -", "-4-") for ln in lines)
    # the group label （四）无法提供 is split by the page 4/5 break; it is joined into one cell
    assert "（四）无法提供\t1.本机关不掌握相关政府信息\t746\t12\t0\t0\t10\t1\t769" in lines
    assert "2.没有现成信息需要另行制作\t11\t0\t0\t0\t0\t0\t11" in lines


# -- layout promises ----------------------------------------------------------------------------
class Case(NamedTuple):
    input: str
    expected: list[str]
    note: str


HTML_CASES = [
    Case('<table><tr><td>（一）予以公开</td><td>258</td><td>12</td><td>&nbsp;</td><td> </td><td>1</td></tr></table>',
         ["（一）予以公开\t258\t12\t\t\t1"], "&nbsp; and blank cells keep their columns"),
    Case('<table><tr><td rowspan="2">三、结果</td><td>a</td><td>1</td></tr><tr><td>b</td><td>2</td></tr></table>',
         ["三、结果\ta\t1", "b\t2"], "a rowspan-covered cell is not written"),
    Case('<table><tr><td colspan="3">第二十条第（一）项</td></tr><tr><td>商业<br>企业</td><td>科研<br/>机构</td></tr></table>',
         ["第二十条第（一）项", "商业企业\t科研机构"], "colspan cell once; <br> joined with nothing"),
    Case("<p>第一段\n 续行</p><p>第二段</p>", ["第一段续行", "", "第二段"], "paragraphs, wrapped source lines joined"),
]


@pytest.mark.parametrize("case", HTML_CASES, ids=[c.note for c in HTML_CASES])
def test_html_layout(case: Case) -> None:
    doc = read_html(("<html><body><h1>2021年政府信息公开工作年度报告</h1><p>一、总体情况</p>" + case.input
                     + "</body></html>").encode())
    lines = doc.text.splitlines()
    start = lines.index("一、总体情况") + 2
    assert lines[start: start + len(case.expected)] == case.expected


def test_html_finds_report_inside_site_chrome() -> None:
    doc = read(FIXTURES / "html-shanghai-chrome.html")
    assert doc.text.startswith("上海市人民政府办公厅2025年政府信息公开工作年度报告")
    assert "首页" not in doc.text and "备案号" not in doc.text and "相关链接" not in doc.text
    assert doc.source.encoding == "gb18030"


def test_docx_merged_cells_written_once() -> None:
    doc = read(FIXTURES / "docx-seed001.docx")
    lines = doc.text.splitlines()
    head = [ln for ln in lines if ln.startswith("（本列数据的勾稽关系")]
    assert head == ["（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）\t申请人情况"]
    assert "自然人\t法人或其他组织\t总计" in lines
    assert "商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他" in lines  # w:br joined


def test_unruled_pdf_keeps_blank_cells_in_their_columns() -> None:
    lines = read(FIXTURES / "pdf-pingtan-noborders.pdf").text.splitlines()
    row = next(ln for ln in lines if "（一）予以公开" in ln)
    assert row.split("\t")[-7:] == ["21", "0", "", "", "0", "0", "21"]


DECODE_CASES = [
    Case("gb18030", ["gb18030"], "GB18030 detected"),
    Case("gbk", ["gb18030"], "GBK read as its superset"),
    Case("utf-8", ["utf-8"], "UTF-8"),
    Case("utf-8-sig", ["utf-8-sig"], "UTF-8 with BOM"),
    Case("utf-16", ["utf-16-le"], "UTF-16 with BOM"),
    Case("utf-16-be", ["utf-16-be"], "UTF-16 BE without BOM"),
]


@pytest.mark.parametrize("case", DECODE_CASES, ids=[c.note for c in DECODE_CASES])
def test_text_encodings(case: Case) -> None:
    text = "平潭综合实验区2022年度政府信息公开工作年度报告\n一、总体情况\n本年度新收政府信息公开申请74件。"
    out, enc, _ = decode(text.encode(case.input))
    assert out == text and enc == case.expected[0]


# -- broken inputs: each a typed error or a finding -------------------------------------------
def test_truncated_pdf_raises_file_format_error() -> None:
    data = (FIXTURES / "pdf-seed003.pdf").read_bytes()
    with pytest.raises(errors.FileFormatError, match="truncated"):
        govdisclosure.parse_file(data[: len(data) // 2], filename="x.pdf")


def test_encrypted_pdf_raises_encrypted_error() -> None:
    with pytest.raises(errors.EncryptedFileError, match="password"):
        govdisclosure.parse_file(BROKEN / "encrypted.pdf")


def test_image_only_pdf_gives_ocr_finding(monkeypatch: pytest.MonkeyPatch) -> None:
    # without the ocr extra (with it, tests/test_ocr.py reads such pages)
    monkeypatch.setattr("govdisclosure.inputs.ocr.available", lambda: False)
    rep = govdisclosure.parse_file(BROKEN / "image-only.pdf")
    ocr = [f for f in rep.findings if f.code == "ocr_needed"]
    assert ocr and "OCR" in ocr[0].message and ocr[0].severity == "error"
    assert "govdisclosure[ocr]" in ocr[0].message
    assert rep.source.pages == 1


def test_docx_that_is_not_a_zip() -> None:
    with pytest.raises(errors.FileFormatError, match="not a zip"):
        govdisclosure.parse_file(b"this is not a zip archive at all", filename="report.docx")


def test_docx_zip_without_document_xml() -> None:
    buf = BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("hello.txt", "x")
    with pytest.raises(errors.UnsupportedFormatError):
        read(buf.getvalue(), filename="a.zip")
    with pytest.raises(errors.FileFormatError, match="document.xml"):
        read(buf.getvalue(), filename="report.docx")


def test_html_with_no_report_gives_finding() -> None:
    page = "<html><head><meta charset='utf-8'></head><body><div>首页</div><p>欢迎访问本网站。</p></body></html>"
    rep = govdisclosure.parse_file(page.encode(), filename="page.html")
    assert any(f.code == "no_report_found" and f.severity == "error" for f in rep.findings)


def test_undecodable_bytes_raise_decode_error() -> None:
    data = bytes(range(128, 256)) * 40
    with pytest.raises(errors.DecodeError, match="cannot decode"):
        govdisclosure.parse_file(data, filename="report.txt")


def test_mojibake_is_refused() -> None:
    text = "本年度新收政府信息公开申请三件，均已按期答复。" * 3
    bad = text.encode("utf-8").decode("gb18030", "replace").encode("gb18030", "replace")
    with pytest.raises(errors.DecodeError):
        decode(bad.replace(b"\x84\x31\xa4\x37", b"\xff"))


def test_doc_without_soffice(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(docx_reader, "soffice_path", lambda: None)
    with pytest.raises(errors.UnsupportedFormatError, match="LibreOffice"):
        govdisclosure.parse_file(FIXTURES / "doc-seed004.doc")


def test_too_large(tmp_path: pathlib.Path) -> None:
    with pytest.raises(errors.InputTooLargeError):
        read(b"x" * 100, filename="a.txt", max_bytes=10)


def test_text_passed_as_path_is_refused() -> None:
    with pytest.raises(errors.InputError, match="parse"):
        govdisclosure.parse_file("一、总体情况\n本年度……")


def test_sniff_pdf_name_without_header() -> None:
    with pytest.raises(errors.FileFormatError, match="PDF"):
        sniff_format(b"hello", "x.pdf")


def test_document_page_of() -> None:
    d = Document("ab\ncd\n", govdisclosure.Source(format="pdf", pages=2), page_starts=(0, 3))
    assert [d.page_of(i) for i in (0, 2, 3, 5)] == [1, 1, 2, 2]


def test_import_is_lazy() -> None:
    code = (
        "import sys, govdisclosure, govdisclosure.inputs; "
        "heavy = [m for m in ('pdfplumber', 'pdfminer', 'lxml', 'docx', 'charset_normalizer') if m in sys.modules]; "
        "print(','.join(heavy))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    assert out.stdout.strip() == ""
