"""The public surface: names, types, errors, the never-raise promise."""

from __future__ import annotations

import json
import pathlib
import subprocess
import sys

import pytest

import govdisclosure
from govdisclosure import schema

ROOT = pathlib.Path(__file__).resolve().parent.parent


def test_all_names_resolve() -> None:
    for name in govdisclosure.__all__:
        assert getattr(govdisclosure, name) is not None, name


def test_key_counts() -> None:
    assert len(schema.keys("2019")) == 198
    assert len(schema.keys("2021")) == 207
    assert len(set(schema.keys("2021"))) == 207


def test_non_str_raises_type_error_with_hint() -> None:
    with pytest.raises(TypeError, match="parse_file"):
        govdisclosure.parse(b"bytes")  # type: ignore[arg-type]


@pytest.mark.parametrize("text", ["", " ", "\n\n\t", "hello", "一、总体情况", "0 0 0 0", "\x00\ufeff", "（" * 5000])
def test_parse_never_raises(text: str) -> None:
    rep = govdisclosure.parse(text)
    assert isinstance(rep, govdisclosure.Report)


def test_not_a_report_has_no_fields_and_says_why() -> None:
    rep = govdisclosure.parse("今天天气很好。")
    assert rep.edition is None and rep.fields == {}
    assert any(f.code == "not_a_report" for f in rep.findings)


def test_report_round_trips_through_json() -> None:
    text = "某镇人民政府2021年政府信息公开工作年度报告\n二、主动公开政府信息情况\n第二十条第（一）项\n信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n规章\t1\t0\t3\n"
    rep = govdisclosure.parse(text)
    again = govdisclosure.Report.from_json(rep.to_json())
    assert again.fields == rep.fields and again.findings == rep.findings
    assert json.loads(rep.to_json())["fields"]["active.regulations.in_force"]["value"] == 3


def test_import_is_cheap() -> None:
    code = "import sys, govdisclosure; print(sorted(m for m in ('spacy','pdfplumber','lxml','docx','pandas','dask','rapidfuzz') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
    assert out == "[]"


def test_to_json_round_trips_whole_reports() -> None:
    for name in ("seeds/003_a3cb757cf03d8042.txt", "real/pingtan-2022.txt"):
        rep = govdisclosure.parse((ROOT / "corpus" / name).read_text(encoding="utf-8"))
        assert govdisclosure.Report.from_json(rep.to_json(include_text=True)) == rep


def test_reports_pickle_and_copy_whole() -> None:
    # batch workers send reports to the parent by pickle; Field pickles as one tuple
    import copy
    import dataclasses
    import pickle

    rep = govdisclosure.parse((ROOT / "corpus" / "real/pingtan-2022.txt").read_text(encoding="utf-8"))
    assert pickle.loads(pickle.dumps(rep)) == rep
    assert copy.deepcopy(rep) == rep
    f = next(iter(rep.fields.values()))
    assert pickle.loads(pickle.dumps(f)) == f
    g = dataclasses.replace(f, value=-1)  # through the hand-written Field.__init__
    assert g.value == -1 and (g.key, g.status, g.raw, g.span) == (f.key, f.status, f.raw, f.span)
    with pytest.raises(dataclasses.FrozenInstanceError):
        f.value = 1  # type: ignore[misc]


def test_batch_names_are_lazy() -> None:
    code = "import sys, govdisclosure; print('multiprocessing' in sys.modules, callable(govdisclosure.parse_many))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert out == ["False", "True"]  # importing the package loads no multiprocessing; asking for the name works


def _through_code_page(text: str, codec: str) -> str:
    """GBK bytes shown through a single-byte code page, its undefined bytes as C1 characters."""
    out = []
    for b in text.encode("gbk"):
        try:
            out.append(bytes([b]).decode(codec))
        except UnicodeDecodeError:
            out.append(chr(b))
    return "".join(out)


@pytest.mark.parametrize("codec", ["cp1252", "cp1250", "latin-1"])
def test_mojibake_is_decoded_again_and_says_so(codec: str) -> None:
    """GBK text read as a Windows code page (markitdown guessing a GB2312 page's charset; a file opened
    with encoding="latin-1") is parsed as the text it was: values as from the text itself, spans on the
    text given, and a finding that says so."""
    text = (ROOT / "corpus" / "seeds" / "002_3ebef54e66d7d0d1.txt").read_text(encoding="utf-8")
    want = govdisclosure.parse(text)
    mojibake = _through_code_page(text, codec)
    rep = govdisclosure.parse(mojibake)
    assert rep.findings[0].code == "mojibake_repaired"
    assert rep.text == mojibake  # spans index the text given, as always
    assert all(rep.text[f.span[0] : f.span[1]] == f.raw for f in rep.fields.values() if f.span is not None)
    assert (rep.edition, rep.year, rep.organ) == (want.edition, want.year, want.organ)
    assert {k: (f.value, f.status) for k, f in rep.fields.items()} == {k: (f.value, f.status) for k, f in want.fields.items()}
