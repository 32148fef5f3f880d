"""LibreOffice prints of synthetic Word reports (benchmarks/synth, seeds 765 and 791) with the page
furniture of real Word reports: part 三's caption rows repeated at the top of each page ("repeat as
header row"), page numbers in the footer, a running header.

Seed 765: the first data row breaks over pages 1 and 2 ("一、本年新收政府信息公" / the repeated caption
rows / "开申请数量"), and page 1's part of the table has fewer column rules (its rows' merged cells span
them): the parts were not joined, the repeated caption split the label, and the row came out missing.
Seed 791: the running header repeats the title, and the title under it on page 1 was dropped with the
header (organ None).  Both backends.
"""

from __future__ import annotations

import json
import pathlib

import pytest

import govdisclosure

HERE = pathlib.Path(__file__).parent / "fixtures" / "libreoffice"


@pytest.mark.parametrize("backend", ["pdfium", "pdfplumber"])
def test_a_row_broken_over_a_repeated_header_is_joined(backend: str) -> None:
    pdf = HERE / "synth-765.pdf"
    gold = json.loads(pdf.with_suffix(".gold.json").read_text(encoding="utf-8"))["fields"]
    rep = govdisclosure.parse_file(pdf, pdf_backend=backend)
    wrong = [f"{k}={rep.fields[k].value!r}/{v!r}[{rep.fields[k].status}]" for k, v in gold.items() if rep.fields[k].value != v]
    assert not wrong
    assert rep.fields["applications.new_received.natural_person"].status == "ok"
    assert rep.text.count("申请人情况") == 1  # the repeated caption rows are gone


@pytest.mark.parametrize("backend", ["pdfium", "pdfplumber"])
def test_a_running_header_that_repeats_the_title_leaves_the_title(backend: str) -> None:
    pdf = HERE / "synth-791.pdf"
    gold = json.loads(pdf.with_suffix(".gold.json").read_text(encoding="utf-8"))
    rep = govdisclosure.parse_file(pdf, pdf_backend=backend)
    assert (rep.edition, rep.year, rep.organ) == (gold["edition"], gold["year"], gold["organ"])
    assert rep.text.count("水利部关于") == 1  # the header on every page is gone, the title is not
