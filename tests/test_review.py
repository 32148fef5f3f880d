"""The review page: escaping, highlights by status, links, tables; a real browser when available."""

from __future__ import annotations

import collections
import html
import html.parser
import importlib.util
import json
import os
import re
from pathlib import Path

import pytest

from govdisclosure import review
from govdisclosure.batch import parse_one
from govdisclosure.report import Field, Finding, Report, Source

ROOT = Path(__file__).resolve().parents[1]
#: A crawler's one-line dump with glued cells (ok, inferred values; findings linked to spans).
PINGTAN = ROOT / "corpus" / "real" / "pingtan-2022.txt"
#: .ci/run sets this: there a missing Chromium fails the browser tests instead of skipping them.
BROWSER_REQUIRED = os.environ.get("GOVDISCLOSURE_BROWSER_TESTS") == "required"


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


def _screenshot_script():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("review_screenshot", ROOT / "scripts" / "review_screenshot.py")
    mod = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(mod)  # type: ignore[union-attr]
    if mod.find_chromium() is None:
        if BROWSER_REQUIRED:
            pytest.fail("GOVDISCLOSURE_BROWSER_TESTS=required but no Chromium: apt-get install -y chromium")
        pytest.skip("needs Chromium (apt-get install -y chromium fonts-noto-cjk)")
    return mod


def test_header_shows_the_path_relative_to_the_working_directory(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.chdir(tmp_path)
    rep = Report("2021", 2021, "某乡", text="x", source=Source(str(tmp_path / "reports" / "a.txt")))
    page = review.render(rep)
    assert 'class="src">reports/a.txt · ' in page.replace(os.sep, "/") and str(tmp_path) not in page
    outside = Report("2021", 2021, "某乡", text="x", source=Source("/elsewhere/a.txt"))
    assert 'class="src">/elsewhere/a.txt · ' in review.render(outside)  # not under the cwd: as given
    given = Report("2021", 2021, "某乡", text="x", source=Source("../a.txt"))
    assert 'class="src">../a.txt · ' in review.render(given)


def test_headless_chromium_screenshot(tmp_path: Path) -> None:
    mod = _screenshot_script()
    png = tmp_path / "review.png"
    assert mod.main([str(PINGTAN), "-o", str(png), "--size", "1200,800"]) == 0
    data = png.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 20_000  # a real picture, not a blank page


#: Injected into a copy of the page: once it loaded, reads the highlights as rendered (the
#: computed background of each status's marks), clicks the first finding link that leads to a
#: span in the text, and writes where the browser went into the DOM for --dump-dom.
_PROBE = """
<script>
addEventListener("load", () => {
  const out = {bg: {}, marks: {}};
  for (const m of document.querySelectorAll("mark[data-key]")) {
    const st = m.classList[0];
    out.marks[st] = (out.marks[st] || 0) + 1;
    out.bg[st] = getComputedStyle(m).backgroundColor;
  }
  const link = document.querySelector('ol.findings a[href^="#v-"]');
  out.href = link.getAttribute("href");
  link.click();
  setTimeout(() => {
    const t = document.querySelector(":target");
    out.hash = decodeURIComponent(location.hash);
    out.target = t && {id: t.id, tag: t.tagName, key: t.dataset.key, cls: t.className,
                       outline: getComputedStyle(t).outlineStyle + " " + getComputedStyle(t).outlineColor};
    const pane = t && t.closest(".pane");
    if (pane) {
      const r = t.getBoundingClientRect(), p = pane.getBoundingClientRect();
      out.scrolled = pane.scrollTop;
      out.visible = r.top >= p.top && r.bottom <= p.bottom;
    }
    const pre = document.createElement("pre");
    pre.id = "probe";
    pre.textContent = JSON.stringify(out);
    document.body.appendChild(pre);
  }, 200);
});
</script>
"""


def _rgb(hex_colour: str) -> str:
    r, g, b = (int(hex_colour[i:i + 2], 16) for i in (1, 3, 5))
    return f"rgb({r}, {g}, {b})"


def test_rendered_page_in_chromium_highlights_values_and_links_findings_to_spans(tmp_path: Path) -> None:
    mod = _screenshot_script()
    from govdisclosure.cli import main as cli

    page = tmp_path / "review.html"
    assert cli(["review", str(PINGTAN), "-o", str(page)]) == 0
    rep = parse_one(str(PINGTAN))
    expected = collections.Counter(f.status for f in review._marks(rep))
    probed = tmp_path / "probe.html"
    probed.write_text(page.read_text(encoding="utf-8").replace("</body>", _PROBE + "</body>"), encoding="utf-8")

    dom = mod.dump_dom(probed, size="1400,900")
    m = re.search(r'<pre id="probe">(.*?)</pre>', dom, re.S)
    assert m, "the probe did not run: " + dom[-500:]
    out = json.loads(html.unescape(m.group(1)))

    # every value located in the text is highlighted, in its status's colour, as the browser drew it
    assert out["marks"] == {f"st-{st}": n for st, n in expected.items()}
    assert {"st-ok", "st-inferred"} <= set(out["marks"])
    for st in expected:
        assert out["bg"][f"st-{st}"] == _rgb(review.STATUS_COLOURS[st]), st
    assert len(set(out["bg"].values())) == len(out["bg"])  # the statuses look different

    # the first finding's link jumps to the value's span: it becomes the target, outlined, scrolled to
    href = out["href"]
    key = href[len("#v-"):]
    assert any(key in f.keys for f in rep.findings) and rep.fields[key].span is not None
    assert out["hash"] == href
    assert out["target"]["id"] == f"v-{key}" and out["target"]["tag"] == "MARK"
    assert out["target"]["key"] == key and out["target"]["cls"].startswith(f"st-{rep.fields[key].status}")
    assert out["target"]["outline"] == "solid rgb(245, 160, 0)"  # mark:target in the page's CSS
    assert out["visible"] and out["scrolled"] > 0
