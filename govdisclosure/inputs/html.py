"""HTML pages (saved report pages, with or without the site around them) → Document.

* **Charset**: BOM, then ``<meta charset>`` / ``http-equiv`` content-type, then detection
  (:func:`.text.decode`); gb2312/gbk are read as GB18030.
* **Parser**: lxml.html with network access, entity resolution and huge_tree off.
* **Finding the report**: saved pages carry navigation, breadcrumbs, sidebars and footers.  The
  report is the lowest element that holds its title (the last title-like line before the first
  part heading) and its part headings / template tables; the rest of the page is ignored.
* **Tables**: one line per ``<tr>``, its physical ``<td>/<th>`` cells joined by TAB (a cell covered
  by a rowspan/colspan is not written, as in a Word copy); an ``&nbsp;``-only cell is an empty
  string; ``<br>`` inside a cell is joined with nothing.  :func:`grid` expands the spans when a
  full rectangle is wanted.  A table that holds other tables is page layout, read as blocks.
* **Narrative**: each block element (p, div, h1-h6, li, …) is a paragraph; blank line between.

>>> doc = read_html('<table><tr><td rowspan="2">三、结果</td><td>（一）予以公开</td><td>2</td>'
...                 '<td>&nbsp;</td></tr><tr><td>（二）部分<br>公开</td><td>1</td><td>0</td></tr></table>'.encode())
>>> doc.text.splitlines()
['三、结果\\t（一）予以公开\\t2\\t', '（二）部分公开\\t1\\t0']
"""

from __future__ import annotations

import logging
import re
from typing import TYPE_CHECKING, Any

from ..errors import FileFormatError
from ..report import Finding, Source

if TYPE_CHECKING:
    from . import Document

log = logging.getLogger(__name__)

__all__ = ["read_html", "grid"]

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", re.I)

#: Bytes of the page searched for a <meta charset>: HTML5 requires it in the first 1024 bytes,
#: but saved Chinese pages often put it after long comments and scripts.
_META_SCAN_BYTES = 16384

_BLOCK_TAGS = frozenset(
    "p div h1 h2 h3 h4 h5 h6 li ul ol dl dt dd section article header footer main aside nav "
    "blockquote pre address center form fieldset figure figcaption caption tr table body html hr".split()
)
_SKIP_TAGS = frozenset("script style noscript template head title iframe object embed svg button select option input textarea".split())

# Part headings and template-table anchors that mark the report inside a page.
_MARKERS = re.compile(
    r"(?:^|\s)[一二三四五六][、.．]\s*(?:总体情况|主动公开|收到和处理|政府信息公开行政复议|因政府信息公开|存在的主要问题|存在问题|"
    r"政府信息公开工作存在|其他需要报告)|申请人情况|本列数据的勾稽关系|第二十条\s*第"
)
_TITLE = re.compile(r"政府信息公开.{0,6}年度报告|政务公开.{0,6}年度报告|年度报告")

#: Marks a hard line break (<br>, block edge) while source whitespace is still being collapsed.
_BR = "\u2028"

_WS = re.compile(r"[ \t\r\n\f\v\u00a0\u3000\u200b]+")
_CJK = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")


def _declared_charset(data: bytes) -> str | None:
    m = _META_CHARSET.search(data[:_META_SCAN_BYTES])
    return m.group(1).decode("ascii", "ignore") if m else None


def _parser() -> Any:
    from lxml import html as lhtml

    # Safe settings: HTML has no external entities, but be explicit; huge_tree stays off so a
    # hostile page cannot make libxml2 build an unbounded tree.
    return lhtml.HTMLParser(
        encoding="utf-8", no_network=True, remove_comments=True, remove_pis=True, huge_tree=False, recover=True
    )


def _collapse(s: str) -> str:
    """Collapse whitespace; a run with a line break between CJK characters vanishes (a wrapped line).

    >>> _collapse("  第二十条  第（一）项\\n 表 ")
    '第二十条 第（一）项表'
    """

    def rep(m: re.Match[str]) -> str:
        a = s[m.start() - 1] if m.start() > 0 else ""
        b = s[m.end()] if m.end() < len(s) else ""
        if ("\n" in m.group() or "\r" in m.group()) and _CJK.match(a or " ") and _CJK.match(b or " "):
            return ""
        return " "

    return _WS.sub(rep, s).strip()


def read_html(data: bytes, *, name: str | None = None) -> Document:
    """An HTML page (bytes) as a Document; see the module docstring."""
    from . import Document
    from .text import decode, no_report_finding

    findings: list[Finding] = []
    declared = _declared_charset(data)
    text, enc, guessed = decode(data, declared)
    if guessed:
        findings.append(Finding("encoding_guessed", "info", f"the page declares no usable charset; read as {enc}"))
    elif declared and enc not in (declared.lower(), "gb18030") and not enc.startswith("utf"):
        log.debug("declared %s, read as %s", declared, enc)
    root = _parse(text, name)
    body = root.find(".//body")
    if body is None:
        body = root
    container, found = _find_report(body)
    if not found:
        findings.append(
            Finding("no_report_found", "error",
                    "the page has no report in it: no part headings (一、总体情况 …) and no template tables "
                    "were found; the whole page text was kept")
        )
    out = _Writer()
    out.block(container)
    doc_text = out.text()
    if found is False and no_report_finding(doc_text, "page") is None:
        pass  # keyword present but no structure: the error finding above already explains
    return Document(text=doc_text, source=Source(path=name, format="html", encoding=enc), findings=tuple(findings))


def _parse(text: str, name: str | None) -> Any:
    from lxml import etree
    from lxml import html as lhtml

    # lxml refuses str with an encoding declaration; feed UTF-8 bytes with our parser's encoding.
    try:
        root = lhtml.document_fromstring(text.encode("utf-8"), parser=_parser())
    except (etree.ParserError, ValueError) as exc:
        raise FileFormatError(f"{name or 'the page'} is not parseable HTML ({exc})") from exc
    for el in list(root.iter(*_SKIP_TAGS)):
        if el.getparent() is not None:
            el.drop_tree()  # keeps the element's tail text
    return root


def _find_report(body: Any) -> tuple[Any, bool]:
    """The element that holds the report: lowest common ancestor of title and markers."""
    marked: list[Any] = []
    for el in body.iter():
        if not isinstance(el.tag, str):
            continue
        own = (el.text or "")
        if el.tag in ("td", "th", "p", "h1", "h2", "h3", "h4", "h5", "h6", "div", "span", "strong", "b", "li", "font"):
            own = _collapse(el.text or "") + " " + " ".join(_collapse(c.tail or "") for c in el)
            if _MARKERS.search(" " + own):
                marked.append(el)
    if not marked:
        return body, False
    first = marked[0]
    # the title: the last title-like short text before the first marker, in document order
    title = None
    for el in body.iter():
        if el is first:
            break
        if not isinstance(el.tag, str) or el.tag in ("a",):
            continue
        own = _collapse(el.text or "")
        if own and len(own) <= 60 and _TITLE.search(own) and not _inside_link(el):
            title = el
    nodes = marked + ([title] if title is not None else [])
    return _lca(nodes), True


def _inside_link(el: Any) -> bool:
    while el is not None:
        if el.tag == "a":
            return True
        el = el.getparent()
    return False


def _lca(nodes: list[Any]) -> Any:
    def chain(n: Any) -> list[Any]:
        out = []
        while n is not None:
            out.append(n)
            n = n.getparent()
        return out[::-1]

    chains = [chain(n) for n in nodes]
    common = chains[0][0]
    for i in range(min(len(c) for c in chains)):
        if all(c[i] is chains[0][i] for c in chains):
            common = chains[0][i]
        else:
            break
    # a table cell (or row) as LCA means all markers sit in one table: take the table's container
    while common.tag in ("td", "th", "tr", "tbody", "thead", "tfoot") and common.getparent() is not None:
        common = common.getparent()
    return common


def _rows(table: Any) -> list[Any]:
    rows = []
    for child in table:
        if not isinstance(child.tag, str):
            continue
        if child.tag == "tr":
            rows.append(child)
        elif child.tag in ("thead", "tbody", "tfoot"):
            rows.extend(c for c in child if isinstance(c.tag, str) and c.tag == "tr")
    return rows


def _cells(tr: Any) -> list[Any]:
    return [c for c in tr if isinstance(c.tag, str) and c.tag in ("td", "th")]


def _span(cell: Any, attr: str) -> int:
    try:
        return max(1, min(int(str(cell.get(attr, "1")).strip() or 1), 1000))
    except ValueError:
        return 1


def cell_text(cell: Any) -> str:
    """A cell's text: <br> and block breaks joined with nothing, &nbsp;-only → ''.

    >>> from lxml import html as h
    >>> cell_text(h.fragment_fromstring('<td>商业<br/>企业</td>'))
    '商业企业'
    >>> cell_text(h.fragment_fromstring('<td>&nbsp;</td>'))
    ''
    """
    parts: list[str] = []

    def walk(el: Any) -> None:
        if el.tag == "br":
            parts.append(_BR)
        elif el.tag in _SKIP_TAGS:
            pass
        else:
            if el.tag in _BLOCK_TAGS:
                parts.append(_BR)
            inner(el)
            if el.tag in _BLOCK_TAGS:
                parts.append(_BR)

    def inner(el: Any) -> None:
        if el.text:
            parts.append(el.text)
        for c in el:
            if isinstance(c.tag, str):
                walk(c)
            if c.tail:
                parts.append(c.tail)

    inner(cell)
    lines = [_collapse(x) for x in "".join(parts).split(_BR)]
    return "".join(x for x in lines if x)


def grid(table: Any) -> list[list[str | None]]:
    """The table as a full rectangle with rowspan/colspan expanded (covered slots are None).

    >>> from lxml import html as h
    >>> t = h.fragment_fromstring('<table><tr><td rowspan="2">a</td><td colspan="2">b</td></tr>'
    ...                           '<tr><td>c</td><td>&nbsp;</td></tr></table>')
    >>> grid(t)
    [['a', 'b', None], [None, 'c', '']]
    """
    out: list[list[str | None]] = []
    taken: dict[tuple[int, int], bool] = {}
    for r, tr in enumerate(_rows(table)):
        c = 0
        row: dict[int, str | None] = {}
        for cell in _cells(tr):
            while taken.get((r, c)):
                c += 1
            rs, cs = _span(cell, "rowspan"), _span(cell, "colspan")
            for dr in range(rs):
                for dc in range(cs):
                    taken[(r + dr, c + dc)] = True
            row[c] = cell_text(cell)
            c += cs
        out.append([row.get(i) for i in range(max([k[1] for k in taken if k[0] == r] + [-1]) + 1)])
    width = max((len(r) for r in out), default=0)
    return [r + [None] * (width - len(r)) for r in out]


class _Writer:
    """Walks the report element and writes paragraphs and tables as lines."""

    def __init__(self) -> None:
        self.blocks: list[str] = []
        self.cur: list[str] = []

    def flush(self) -> None:
        line = "\n".join(x for x in (_collapse(p) for p in "".join(self.cur).split(_BR)) if x)
        if line:
            self.blocks.append(line)
        self.cur = []

    def table(self, table: Any) -> None:
        self.flush()
        lines = []
        for tr in _rows(table):
            cells = [cell_text(c) for c in _cells(tr)]
            if cells:
                lines.append("\t".join(cells))
        if any(x.strip("\t") for x in lines):
            self.blocks.append("\n".join(lines))
        elif lines:
            log.debug("skipped an empty table")

    def block(self, el: Any) -> None:
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag in _SKIP_TAGS:
            return
        if tag == "table" and not el.xpath(".//table"):
            self.table(el)
            return
        if tag == "br":
            self.cur.append(_BR)
            return
        is_block = tag in _BLOCK_TAGS or tag in ("td", "th")
        if is_block:
            self.flush()
        if el.text:
            self.cur.append(el.text)
        for c in el:
            if isinstance(c.tag, str):
                self.block(c)
            if c.tail:
                self.cur.append(c.tail)
        if is_block:
            self.flush()

    def text(self) -> str:
        self.flush()
        return "\n\n".join(self.blocks) + ("\n" if self.blocks else "")
