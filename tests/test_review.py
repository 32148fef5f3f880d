"""The review page: escaping, highlights by status, links, tables; a real browser when available."""

from __future__ import annotations

import html.parser
import importlib.util
import shutil
from pathlib import Path

import pytest

from govdisclosure import review
from govdisclosure.batch import parse_one
from govdisclosure.report import Field, Finding, Report, Source

ROOT = Path(__file__).resolve().parents[1]
PINGTAN = Path("/work/shared/corpus/real/pingtan-2022.txt")


class _Checker(html.parser.HTMLParser):
    """Collects marks and checks that elements nest properly."""

    VOID = {"meta", "br"}

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []
        self.marks: list[dict[str, str | None]] = []
        self.ids: set[str] = set()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag, attrs):  # type: ignore[no-untyped-def]
        a = dict(attrs)
        if a.get("id"):
            self.ids.add(a["id"])
        if tag == "a" and a.get("href"):
            self.hrefs.append(a["href"])
        if tag == "mark":
            self.marks.append(a)
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag):  # type: ignore[no-untyped-def]
        assert self.stack and self.stack[-1] == tag, f"</{tag}> closes <{self.stack[-1] if self.stack else None}>"
        self.stack.pop()


def check_page(page: str) -> _Checker:
    c = _Checker()
    c.feed(page)
    c.close()
    assert c.stack == [], c.stack
    for href in c.hrefs:  # every link lands on something in the page
        assert href.startswith("#") and href[1:] in c.ids, href
    return c


def test_escapes_everything_and_nests() -> None:
    text = '<script>alert(1)</script> 申请 "5" & <b>7</b>'
    i5 = text.index("5")
    i7 = text.index("7")
    fields = {
        "applications.new_received.total": Field("applications.new_received.total", 5, "ok", "5", (i5, i5 + 1)),
        "applications.carried_over.total": Field("applications.carried_over.total", 7, "doubtful", "7", (i7, i7 + 1)),
        "review.total": Field("review.total", None, "blank", "", (3, 3)),  # zero-width
        "review.upheld": Field("review.upheld", 1, "inferred", "1", (i5, i5 + 1)),  # overlaps: table only
        "review.other": Field("review.other", None, "missing"),
    }
    rep = Report("2021", 2021, '<img src=x onerror="y">', fields,
                 findings=(Finding("arithmetic_R1", "warning", "<b>broken</b>", ("applications.carried_over.total",
                                                                                 "review.other"),
                                   ((i7, i7 + 1),)),
                           Finding("odd", "info", "a place", (), ((0, 8),))),
                 text=text, source=Source("x<y>.txt"))
    page = review.render(rep)
    assert "<script>" not in page and "<img" not in page and "<b>" not in page
    assert "&lt;/script&gt;" in page and "&lt;b&gt;broken&lt;/b&gt;" in page
    c = check_page(page)
    by_key = {m["data-key"]: m for m in c.marks}
    assert by_key["applications.new_received.total"]["class"] == "st-ok"
    assert by_key["applications.carried_over.total"]["class"] == "st-doubtful"
    assert by_key["review.total"]["class"] == "st-blank empty"
    assert "review.upheld" not in by_key and "c-review.upheld" in c.ids  # overlap: still in the table
    assert "#v-applications.carried_over.total" in c.hrefs and "#c-review.other" in c.hrefs
    assert "#s-1" in c.hrefs  # the finding without keys links to its span


def test_legacy_and_textless_reports_render() -> None:
    check_page(review.render(Report("legacy", 2018, "某区", text="二〇一八年")))
    check_page(review.render(Report(None, None, None)))


@pytest.mark.skipif(not PINGTAN.exists(), reason="the shared corpus is not available")
def test_corpus_report_page(tmp_path: Path) -> None:
    rep = parse_one(str(PINGTAN))
    out = review.write(rep, tmp_path / "r.html")
    c = check_page(out.read_text(encoding="utf-8"))
    spanned = [f for f in rep.fields.values() if f.span is not None]
    assert spanned and len(c.marks) >= len(spanned) * 0.9
    for f in rep.fields.values():
        assert f"c-{f.key}" in c.ids  # every field has its table cell
    statuses = {m["class"].split()[0] for m in c.marks}
    assert "st-ok" in statuses


@pytest.mark.skipif(shutil.which("chromium") is None or not PINGTAN.exists(),
                    reason="needs Chromium (apt-get install chromium) and the corpus")
def test_headless_chromium_screenshot(tmp_path: Path) -> None:
    spec = importlib.util.spec_from_file_location("review_screenshot", ROOT / "scripts" / "review_screenshot.py")
    mod = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(mod)  # type: ignore[union-attr]
    png = tmp_path / "review.png"
    assert mod.main([str(PINGTAN), "-o", str(png), "--size", "1200,800"]) == 0
    data = png.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 20_000  # a real picture, not a blank page
