"""The PDFium backend (the default) gives the same Report as the pdfplumber reference on every PDF.

Every PDF of the corpus and of the file fixtures (broken and hostile ones included): the same
outcome — the same exception class, or a Report equal field by field (value, status, raw, span,
page; boxes within 1 pt), with the same text, edition, year, organ and findings.  Plus: the
fallback to pdfplumber when PDFium refuses a file, ``pdf_backend="pdfplumber"`` never touching
PDFium, and the ported table finder against pdfplumber's own ``find_tables``.
"""

from __future__ import annotations

import logging
import pathlib

import pytest

import govdisclosure
from govdisclosure.inputs import pdf as pdf_mod
from govdisclosure.inputs import pdfium

ROOT = pathlib.Path(__file__).resolve().parent.parent
PDFS = sorted(
    [*(ROOT / "corpus").rglob("*.pdf"), *(ROOT / "tests" / "fixtures" / "files").rglob("*.pdf"),
     *(ROOT / "tests" / "fixtures" / "hostile").glob("*.pdf")]
)
TEXT_PDFS = [p for p in PDFS if p.with_name(p.name[: -len(".pdf")] + ".gold.json").exists()]


def _outcome(path: pathlib.Path, backend: str) -> object:
    try:
        return govdisclosure.parse_file(path, pdf_backend=backend)
    except govdisclosure.GovDisclosureError as exc:
        return type(exc)


def assert_same_report(a: govdisclosure.Report, b: govdisclosure.Report) -> None:
    assert (a.edition, a.year, a.organ) == (b.edition, b.year, b.organ)
    assert a.text == b.text
    assert a.source == b.source
    assert [(f.code, f.severity, f.message, f.keys, f.spans) for f in a.findings] == \
           [(f.code, f.severity, f.message, f.keys, f.spans) for f in b.findings]
    assert a.fields.keys() == b.fields.keys()
    for k, fa in a.fields.items():
        fb = b.fields[k]
        assert (fa.value, fa.status, fa.raw, fa.span, fa.page) == (fb.value, fb.status, fb.raw, fb.span, fb.page), k
        assert (fa.bbox is None) == (fb.bbox is None), k
        if fa.bbox is not None:
            assert max(abs(x - y) for x, y in zip(fa.bbox, fb.bbox, strict=True)) <= 1.0, (k, fa.bbox, fb.bbox)
    assert a.meta == b.meta
    assert a.facts == b.facts


@pytest.mark.parametrize("path", PDFS, ids=[str(p.relative_to(ROOT)) for p in PDFS])
def test_both_backends_give_the_same_report(path: pathlib.Path) -> None:
    a, b = _outcome(path, "pdfium"), _outcome(path, "pdfplumber")
    if isinstance(a, type) or isinstance(b, type):
        assert a == b
    else:
        assert_same_report(a, b)


@pytest.mark.parametrize("path", TEXT_PDFS, ids=[p.name for p in TEXT_PDFS])
def test_pdfium_reads_every_text_pdf_itself(path: pathlib.Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No silent fallback on the corpus: PDFium itself reads every PDF that has a text layer."""
    def no_fallback(*args: object, **kwargs: object) -> None:
        raise AssertionError("fell back to pdfplumber")

    monkeypatch.setattr(pdf_mod, "_read_pages", no_fallback)
    doc = pdf_mod.read_pdf(path.read_bytes(), name=str(path))
    assert doc.text.strip()


def test_fallback_to_pdfplumber_when_pdfium_refuses(monkeypatch: pytest.MonkeyPatch,
                                                    caplog: pytest.LogCaptureFixture) -> None:
    path = ROOT / "tests" / "fixtures" / "files" / "pdf-huaian.pdf"
    ref = govdisclosure.parse_file(path, pdf_backend="pdfplumber")

    def refuse(*args: object, **kwargs: object) -> None:
        raise pdfium.PdfiumRefused("FPDF_ERR_FORMAT")

    monkeypatch.setattr(pdfium, "extract", refuse)
    with caplog.at_level(logging.INFO, logger="govdisclosure"):
        got = govdisclosure.parse_file(path)
    assert_same_report(got, ref)
    assert any("PDFium cannot read" in r.getMessage() for r in caplog.records)


def test_explicit_pdfplumber_backend_does_not_use_pdfium(monkeypatch: pytest.MonkeyPatch) -> None:
    def boom(*args: object, **kwargs: object) -> None:
        raise AssertionError("PDFium used")

    monkeypatch.setattr(pdfium, "extract", boom)
    rep = govdisclosure.parse_file(ROOT / "tests" / "fixtures" / "files" / "pdf-seed003.pdf", pdf_backend="pdfplumber")
    assert rep.edition is not None and rep.fields


def test_unknown_backend_is_an_error() -> None:
    with pytest.raises(ValueError, match="pdf_backend"):
        govdisclosure.parse_file(ROOT / "tests" / "fixtures" / "files" / "pdf-seed003.pdf", pdf_backend="mupdf")


@pytest.mark.parametrize("path", TEXT_PDFS, ids=[p.name for p in TEXT_PDFS])
def test_ported_table_finder_matches_pdfplumber(path: pathlib.Path) -> None:
    import pdfplumber

    geometry = pdfium.extract(path.read_bytes())
    with pdfplumber.open(path) as pdf:
        for page, g in zip(pdf.pages, geometry, strict=True):
            ref = [(t.bbox, t.cells) for t in page.find_tables()]
            got = pdfium.find_grids(g.edges)
            assert len(got) == len(ref)
            for (bb, cells), (rbb, rcells) in zip(got, ref, strict=True):
                assert max(abs(x - y) for x, y in zip(bb, rbb, strict=True)) <= 0.01
                assert len(cells) == len(rcells)
                for c, rc in zip(cells, rcells, strict=True):
                    assert max(abs(x - y) for x, y in zip(c, rc, strict=True)) <= 0.01


def test_dedupe_drops_a_fake_bold_twin() -> None:
    a = ("1", 10.0, 20.0, 15.0, 30.0, 10.0, True, "F")  # text, x0, top, x1, bottom, size, upright, fontname
    b = ("1", 10.4, 20.3, 15.4, 30.0, 10.0, True, "F")
    c = ("1", 40.0, 20.0, 45.0, 30.0, 10.0, True, "F")
    assert pdfium.dedupe([a, b, c]) == [a, c]
    assert pdfium.dedupe([a, c]) == [a, c]
