"""A self-contained HTML page to audit one report by eye.

The page shows the text that was parsed with every extracted value highlighted by its status (ok,
inferred, doubtful, blank, not applicable), the canonical key on hover, the findings with links to
the places they name, and the template's three tables rebuilt from the fields, each cell linked to
its place in the text.  Everything is inline (CSS, no scripts, no fonts, no images) and every piece
of report text is escaped, so the page opens anywhere and is safe to share.

>>> from govdisclosure.report import Field, Report
>>> text = "一、本年新收政府信息公开申请数量 <1>"
>>> f = Field("applications.new_received.total", 1, "ok", "<1>", (17, 20))
>>> page = render(Report("2021", 2021, "某乡", {f.key: f}, text=text))
>>> 'id="v-applications.new_received.total"' in page and "&lt;1&gt;" in page and "<1>" not in page
True
"""

from __future__ import annotations

import collections
import html
import os
from pathlib import Path

from .report import Field, Finding, Report

__all__ = ["render", "write", "shown_path", "STATUS_COLOURS"]

#: Background colour per status: green for ok, blue for inferred, red for doubtful, greys for cells
#: without a value.  Chosen to stay apart for the common colour-vision deficiencies together with
#: the border styles below (doubtful is also outlined, blanks dashed).
STATUS_COLOURS: dict[str, str] = {
    "ok": "#c9efc9",
    "inferred": "#cfe0ff",
    "doubtful": "#ffc4c4",
    "blank": "#e8e8e8",
    "not_applicable": "#efe6d2",
    "missing": "#ffffff",
}

_STATUS_TEXT = {
    "ok": "ok — read, checks hold",
    "inferred": "inferred — recovered by reasoning",
    "doubtful": "doubtful — a check fails or the place is ambiguous",
    "blank": "blank — empty cell",
    "not_applicable": "not applicable — /, —, 无 …",
    "missing": "missing — no such cell in the document",
}

_CSS = """
*{box-sizing:border-box}
body{margin:0;font:14px/1.5 system-ui,-apple-system,"Noto Sans CJK SC","Microsoft YaHei",sans-serif;color:#222}
header{padding:10px 16px;border-bottom:1px solid #ccc;background:#fafafa}
header h1{font-size:18px;margin:0 0 4px}
header .src{color:#666;font-size:12px}
.legend span{display:inline-block;margin:4px 8px 0 0;padding:0 6px;border-radius:3px;font-size:12px}
.grid{display:grid;grid-template-columns:minmax(0,1fr) minmax(0,1.15fr);height:calc(100vh - 92px)}
.pane{overflow:auto;padding:8px 16px}
.pane h2{font-size:15px;margin:8px 0}
pre.text{white-space:pre-wrap;word-break:break-all;font:13px/1.6 ui-monospace,"Noto Sans Mono CJK SC",monospace;margin:0}
mark{position:relative;padding:0 1px;border-radius:2px;color:inherit}
mark.empty{display:inline-block;min-width:.8em;height:1.1em;vertical-align:middle}
mark[data-key]:hover::after{content:attr(data-key);position:absolute;left:0;top:1.5em;z-index:5;white-space:nowrap;
 background:#333;color:#fff;font:11px/1.4 ui-monospace,monospace;padding:1px 5px;border-radius:3px}
mark:target,td:target{outline:3px solid #f5a000;outline-offset:1px}
.pin:target::before{content:"▶";color:#f5a000;font-weight:bold}
.st-doubtful{outline:1px solid #c00}
mark.st-blank,mark.st-not_applicable{border:1px dashed #888}
.findings-box{max-height:36vh;overflow:auto;border:1px solid #ddd;border-radius:4px;padding:6px 8px}
ol.findings{padding-left:1.6em;margin:0}
ol.findings li{margin:0 0 6px}
.sev{font-size:11px;font-weight:bold;padding:0 4px;border-radius:3px;color:#fff}
.sev-error{background:#c00}.sev-warning{background:#d08000}.sev-info{background:#4a7fb5}
code{font-size:12px}
table{border-collapse:collapse;margin:4px 0 14px;font-size:12px}
th,td{border:1px solid #bbb;padding:2px 5px}
th{background:#f0f0f0;font-weight:normal;text-align:left}
td{text-align:right;min-width:2.6em}
td a{color:inherit;text-decoration:none;display:block}
td.st-missing{color:#aaa}
caption{text-align:left;font-weight:bold;padding:4px 0}
"""


def _e(x: object) -> str:
    return html.escape("" if x is None else str(x), quote=True)


def shown_path(path: str, cwd: str | None = None) -> str:
    """The source path as the page shows it: as given, but relative to the working directory when it
    lies under it — the page is shared, and a machine's home or checkout path says nothing.

    >>> shown_path("/home/ana/reports/2022/x.pdf", cwd="/home/ana/reports")
    '2022/x.pdf'
    >>> shown_path("/srv/other/x.pdf", cwd="/home/ana"), shown_path("reports/x.pdf", cwd="/home/ana")
    ('/srv/other/x.pdf', 'reports/x.pdf')
    """
    if not os.path.isabs(path):
        return path
    base = os.path.abspath(cwd if cwd is not None else os.getcwd())
    try:
        inside = os.path.commonpath([base, os.path.abspath(path)]) == base
    except ValueError:  # another drive on Windows
        return path
    return os.path.relpath(path, base) if inside else path


def _fmt(v: int | float | None) -> str:
    return "" if v is None else str(v)


def _tip(f: Field) -> str:
    bits = [f.key, f"= {_fmt(f.value) or '∅'}", f.status]
    if f.label:
        bits.append(f"label: {f.label}")
    if f.page:
        bits.append(f"page {f.page}")
    return " · ".join(bits)


def _marks(report: Report) -> list[Field]:
    """Fields with a span inside the text, sorted, overlaps dropped (kept in the tables only)."""
    n = len(report.text or "")
    out: list[Field] = []
    end = -1
    spanned = [f for f in report.fields.values() if f.span is not None and 0 <= f.span[0] <= f.span[1] <= n]
    for f in sorted(spanned, key=lambda f: (f.span[0], f.span[1])):  # type: ignore[index]
        s, e = f.span  # type: ignore[misc]
        if s < end or (s == end and e == s and out and out[-1].span == f.span):
            continue
        out.append(f)
        end = e
    return out


def _text_html(report: Report, pins: dict[int, list[str]]) -> str:
    text = report.text or ""
    marks = _marks(report)
    bounds = sorted({0, len(text), *pins, *(p for f in marks for p in f.span)})  # type: ignore[union-attr]
    starts: dict[int, list[Field]] = collections.defaultdict(list)
    for f in marks:
        starts[f.span[0]].append(f)  # type: ignore[index]
    out: list[str] = []
    open_end: int | None = None
    for i, pos in enumerate(bounds):
        if open_end == pos:
            out.append("</mark>")
            open_end = None
        for pid in pins.get(pos, ()):
            out.append(f'<span class="pin" id="{_e(pid)}"></span>')
        for f in starts.get(pos, ()):
            attrs = (f'class="st-{_e(f.status)}{" empty" if f.span[0] == f.span[1] else ""}" '  # type: ignore[index]
                     f'id="v-{_e(f.key)}" data-key="{_e(f.key)}" title="{_e(_tip(f))}"')
            if f.span[0] == f.span[1]:  # type: ignore[index]
                out.append(f"<mark {attrs}></mark>")
            else:
                out.append(f"<mark {attrs}>")
                open_end = f.span[1]  # type: ignore[index]
        if i + 1 < len(bounds):
            out.append(_e(text[pos:bounds[i + 1]]))
    if open_end is not None:
        out.append("</mark>")
    return "".join(out)


#: Keys linked under one finding; a row-wide finding names seven, a rule up to thirty.
_MAX_LINKS = 4


def _finding_links(f: Finding, report: Report, marked: set[str], pin_of: dict[tuple[int, int], str]) -> str:
    links = []
    for k in f.keys[:_MAX_LINKS]:
        if k in marked:
            links.append(f'<a href="#v-{_e(k)}"><code>{_e(k)}</code></a>')
        elif k in report.fields:
            links.append(f'<a href="#c-{_e(k)}"><code>{_e(k)}</code></a>')
        else:
            links.append(f"<code>{_e(k)}</code>")
    if len(f.keys) > _MAX_LINKS:
        rest = ", ".join(f.keys[_MAX_LINKS:])
        links.append(f'<span title="{_e(rest)}">+{len(f.keys) - _MAX_LINKS} more</span>')
    if not f.keys:
        for s in f.spans:
            pid = pin_of.get(tuple(s))  # type: ignore[arg-type]
            if pid:
                links.append(f'<a href="#{_e(pid)}">characters {s[0]}–{s[1]}</a>')
    return " ".join(links)


def _cell(report: Report, key: str, marked: set[str]) -> str:
    f = report.fields.get(key)
    if f is None:
        return '<td class="st-missing">·</td>'
    shown = _fmt(f.value) if f.value is not None else ("—" if f.status == "missing" else "")
    inner = _e(shown)
    if f.key in marked:
        inner = f'<a href="#v-{_e(f.key)}">{inner or "&#8203;"}</a>'
    style = f' style="background:{STATUS_COLOURS.get(f.status, "#fff")}"'
    return f'<td id="c-{_e(key)}" class="st-{_e(f.status)}"{style} title="{_e(_tip(f))}">{inner}</td>'


def _tables_html(report: Report, marked: set[str]) -> str:
    from . import schema

    ed = report.edition
    if ed not in schema.EDITIONS:
        return f"<p>No template tables: the edition is {_e(ed or 'unknown')}.</p>"
    s = schema.load()
    out: list[str] = ["<h2>二、主动公开政府信息情况</h2>"]
    for block in s.active:
        if ed not in block.editions:
            continue
        cols = block.columns_for(ed)
        out.append(f"<table><caption>{_e(block.caption)}</caption><tr><th>信息内容</th>")
        out.extend(f"<th>{_e(c.label)}</th>" for c in cols)
        out.append("</tr>")
        for row in block.rows_for(ed):
            out.append(f"<tr><th>{_e(row.label)}</th>")
            out.extend(_cell(report, f"active.{row.key}.{c.key}", marked) for c in cols)
            out.append("</tr>")
        out.append("</table>")
    out.append("<h2>三、收到和处理政府信息公开申请情况</h2><table><tr><th></th>")
    out.extend(f"<th>{_e(c.label)}</th>" for c in s.app_columns)
    out.append("</tr>")
    for row in s.app_rows_for(ed):
        out.append(f"<tr><th>{_e(row.label)}</th>")
        out.extend(_cell(report, f"applications.{row.key}.{c.key}", marked) for c in s.app_columns)
        out.append("</tr>")
    out.append("</table><h2>四、政府信息公开行政复议、行政诉讼情况</h2><table><tr><th></th>")
    out.extend(f"<th>{_e(c.label)}</th>" for c in s.review_columns)
    out.append("</tr>")
    for g in s.review_groups:
        out.append(f"<tr><th>{_e(g.label)}</th>")
        out.extend(_cell(report, f"{g.key}.{c.key}", marked) for c in s.review_columns)
        out.append("</tr>")
    out.append("</table>")
    return "".join(out)


def render(report: Report, *, title: str | None = None) -> str:
    """The review page of one report, as a string of HTML."""
    marked_fields = _marks(report)
    marked = {f.key for f in marked_fields}
    n = len(report.text or "")
    # a pin (point anchor) at the start of every finding span, so each finding can link to its place
    pins: dict[int, list[str]] = collections.defaultdict(list)
    pin_of: dict[tuple[int, int], str] = {}
    for fi in report.findings:
        for sp in fi.spans:
            sp = tuple(sp)  # type: ignore[assignment]
            if sp not in pin_of and 0 <= sp[0] <= n:
                pin_of[sp] = f"s-{len(pin_of)}"  # type: ignore[index]
                pins[sp[0]].append(pin_of[sp])  # type: ignore[index]
    src = shown_path(report.source.path) if report.source and report.source.path else None
    heading = title or " · ".join(
        x for x in (report.organ or "organ unknown", str(report.year or "year unknown"),
                    f"{report.edition} edition" if report.edition else "edition unknown") if x)
    counts: collections.Counter[str] = collections.Counter(f.status for f in report.fields.values())
    legend = "".join(
        f'<span style="background:{c};{"outline:1px solid #c00;" if st == "doubtful" else ""}'
        f'{"border:1px dashed #888;" if st in ("blank", "not_applicable") else ""}">'
        f"{_e(_STATUS_TEXT[st])}: {counts.get(st, 0)}</span>"
        for st, c in STATUS_COLOURS.items()
    )
    css = _CSS + "".join(f"mark.st-{st}{{background:{c}}}" for st, c in STATUS_COLOURS.items())
    sev_order = {"error": 0, "warning": 1, "info": 2}
    items = []
    for fi in sorted(report.findings, key=lambda x: sev_order.get(x.severity, 3)):
        items.append(
            f'<li><span class="sev sev-{_e(fi.severity)}">{_e(fi.severity)}</span> <code>{_e(fi.code)}</code> '
            f"{_e(fi.message)}<br>{_finding_links(fi, report, marked, pin_of)}</li>"
        )
    findings_html = f'<ol class="findings">{"".join(items)}</ol>' if items else "<p>No findings.</p>"
    text_html = _text_html(report, pins) if report.text else "<em>This report carries no text.</em>"
    return (
        '<!DOCTYPE html>\n<html lang="zh"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width,initial-scale=1">'
        f"<title>{_e(heading)} — govdisclosure review</title><style>{css}</style></head><body>"
        f"<header><h1>{_e(heading)}</h1>"
        f'<div class="src">{_e(src or "")} · {len(report.fields)} fields · {len(report.findings)} findings · '
        f"{len(marked)} values located in the text · hover a value for its key, click a cell or a finding "
        f'to jump to its place</div><div class="legend">{legend}</div></header>'
        '<div class="grid"><section class="pane"><h2>Source text</h2>'
        f'<pre class="text">{text_html}</pre></section>'
        f'<section class="pane"><h2>Findings ({len(report.findings)})</h2>'
        f'<div class="findings-box">{findings_html}</div>'
        f"{_tables_html(report, marked)}{_scan_html(report)}</section></div></body></html>\n"
    )


def _scan_html(report: Report) -> str:
    """OCR'd reports: the page images with every value's box (inputs/image.py renders them)."""
    src = report.source
    if src is None or not getattr(src, "dpi", None) or not src.path or not os.path.isfile(src.path):
        return ""
    try:
        from .inputs.image import page_images

        pages = page_images(src.path, float(src.dpi or 0))
    except Exception:  # the page is a view: no image, no panel
        return ""
    parts = ['<h2>Page images (OCR)</h2>']
    for pno, uri, k in pages:
        boxes = []
        for f in report.fields.values():
            if f.page != pno or not f.bbox:
                continue
            x0, top, x1, bottom = (v * k for v in f.bbox)
            boxes.append(
                f'<a href="#c-{_e(f.key)}" title="{_e(_tip(f))}" style="position:absolute;left:{x0 - 2:.0f}px;'
                f"top:{top - 2:.0f}px;width:{x1 - x0 + 4:.0f}px;height:{bottom - top + 4:.0f}px;"
                f'border:2px solid {"#c00" if f.status == "doubtful" else "#2a8a2a"};'
                f'background:{STATUS_COLOURS.get(f.status, "#fff")}55"></a>')
        parts.append(f'<div style="position:relative;display:inline-block;margin:0 0 12px">'
                     f'<img src="{uri}" alt="page {pno}" style="display:block;border:1px solid #ccc">{"".join(boxes)}</div>')
    return "".join(parts)


def write(report: Report, path: str | os.PathLike[str], *, title: str | None = None) -> Path:
    """Write the review page of ``report`` to ``path`` (atomically); returns the path."""
    from .batch import atomic_path

    with atomic_path(path) as tmp:
        tmp.write_text(render(report, title=title), encoding="utf-8")
    return Path(path)
