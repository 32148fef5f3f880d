"""A :class:`Doc` written as the files reports are published in.

- :func:`word_html`: what Word's "Save as Web Page" gives (MsoNormal paragraphs, ``<o:p>``, a table
  with rowspan/colspan, ``&nbsp;`` in blank cells, line breaks between tags and inside long tags,
  often GB2312);
- :func:`cms_html`: a government site's article page (site chrome with numbers of its own,
  a TRS_Editor div, tables with spans, sometimes minified onto one line);
- :func:`docx_bytes`: a Word document made with python-docx, merged cells as gridSpan/vMerge,
  sometimes with page numbers in the footer (``— 3 —``, ``第 3 页 共 5 页``) and a running header,
  and part 三's caption rows repeated at the top of each page (Word's "repeat as header row"), which
  a PDF printed from it shows in the middle of the table.
"""

from __future__ import annotations

import html
import io
import random

from .generate import Doc
from .tables import Cell, Table, headings, narrative, paratext, tables

_PARTS = ("一", "二", "三", "四", "五", "六")


def _esc(s: str) -> str:
    return html.escape(s, quote=False)


# ---------------------------------------------------------------------------------------------
# Word HTML
# ---------------------------------------------------------------------------------------------


def _word_p(text: str, *, align: str = "", size: str = "10.5pt", bold: bool = False, ascii_run: bool = False) -> str:
    a = f" align={align} style='text-align:{align}'" if align else ""
    font = "font-family:\"Times New Roman\"" if ascii_run else "font-family:宋体"
    if text in ("", "\u00a0"):
        inner = f"<span lang=EN-US style='font-size:{size}'><o:p>&nbsp;</o:p></span>"
    else:
        lang = " lang=EN-US" if ascii_run else ""
        inner = f"<span{lang} style='font-size:{size};{font}'>{_esc(text)}</span>"
        if bold:
            inner = f"<b>{inner}</b>"
        inner += f"<span lang=EN-US style='font-size:{size}'><o:p></o:p></span>"
    return f"<p class=MsoNormal{a}>{inner}</p>"


def _word_cell(c: Cell, rng: random.Random, width: int) -> str:
    attrs = f" width={width * c.colspan}"
    if c.colspan > 1:
        attrs += f" colspan={c.colspan}"
    if c.rowspan > 1:
        attrs += f" rowspan={c.rowspan}"
    style = "border:solid windowtext 1.0pt;padding:0cm 5.4pt 0cm 5.4pt"
    lines = c.text.split("\n")
    if len(lines) > 1 and rng.random() < 0.5:  # a soft return: one paragraph with <br>
        body = "<p class=MsoNormal align=center style='text-align:center'><span style='font-size:10.5pt;font-family:宋体'>" + "<br>\n".join(
            _esc(x) for x in lines
        ) + "</span></p>"
    else:
        ascii_run = c.kind == "value"
        body = "\n  ".join(_word_p(x, align="center", ascii_run=ascii_run) for x in lines)
    return f" <td{attrs} valign=top style='{style}'>\n  {body}\n  </td>"


def _word_table(t: Table, rng: random.Random) -> str:
    ncols = sum(c.colspan for c in t[0])
    width = max(30, 600 // ncols)
    rows = []
    for row in t:
        cells = "\n".join(_word_cell(c, rng, width) for c in row)
        rows.append(f" <tr style='mso-yfti-irow:0;height:15.6pt'>\n{cells}\n </tr>")
    return (
        "<div align=center>\n<table class=MsoNormalTable border=1 cellspacing=0 cellpadding=0 width=600\n"
        " style='width:450.0pt;border-collapse:collapse;border:none;mso-border-alt:solid windowtext .5pt'>\n"
        + "\n".join(rows)
        + "\n</table>\n</div>"
    )


def word_html(doc: Doc, rng: random.Random) -> tuple[bytes, str]:
    """(bytes, encoding): Word's 'Web Page, Filtered'-like export of ``doc``."""
    enc = rng.choice(("gb2312", "gb2312", "utf-8"))
    prose = narrative(doc)
    t = tables(doc)
    out = [
        '<html xmlns:v="urn:schemas-microsoft-com:vml"\nxmlns:o="urn:schemas-microsoft-com:office:office"\n'
        'xmlns:w="urn:schemas-microsoft-com:office:word"\nxmlns="http://www.w3.org/TR/REC-html40">\n<head>\n'
        f'<meta http-equiv=Content-Type content="text/html; charset={enc}">\n'
        '<meta name=ProgId content=Word.Document>\n<meta name=Generator content="Microsoft Word 15">\n'
        f"<title>{_esc(doc.title)}</title>\n"
        "<style>\n<!--\np.MsoNormal {margin:0cm;text-align:justify;font-size:10.5pt;font-family:等线;}\n"
        "table {border-collapse:collapse;} td {border:1px solid black;}\n-->\n</style>\n</head>\n"
        "<body lang=ZH-CN style='tab-interval:21.0pt;text-justify-trim:punctuation'>\n"
        "<div class=WordSection1 style='layout-grid:15.6pt'>\n",
        _word_p(doc.title, align="center", size="22.0pt", bold=True),
    ]
    for p in prose["preface"]:
        out.append(_word_p(p, size="16.0pt"))
    over_under = paratext(doc)
    heads = headings(doc)
    for part in _PARTS:
        if heads[part]:
            out.append(_word_p(heads[part], size="16.0pt", bold=True))
        if part in t:
            lead, cap, note = over_under[part]
            if lead:
                out.append(_word_p(lead, size="16.0pt"))
            if cap:
                out.append(_word_p(cap, align="center", size="12.0pt", bold=True))
            out.append(_word_table(t[part], rng))
            if note:
                out.append(_word_p(note, size="10.5pt"))
        else:
            for p in prose[part]:
                out.append(_word_p(p, size="16.0pt"))
    out.append(_word_p(doc.organ, align="right", size="16.0pt"))
    out.append(_word_p(doc.published, align="right", size="16.0pt"))
    out.append("</div>\n</body>\n</html>\n")
    text = "\n".join(out)
    codec = "gbk" if enc == "gb2312" else enc
    return text.encode(codec), enc


# ---------------------------------------------------------------------------------------------
# CMS HTML
# ---------------------------------------------------------------------------------------------


def _cms_cell(c: Cell, rng: random.Random, blank: str) -> str:
    attrs = ""
    if c.colspan > 1:
        attrs += f' colspan="{c.colspan}"'
    if c.rowspan > 1:
        attrs += f' rowspan="{c.rowspan}"'
    text = c.text if c.text not in ("", "\u00a0") else ""
    inner = "<br/>".join(_esc(x) for x in text.split("\n")) if text else blank
    if rng.random() < 0.5:
        inner = f'<p style="text-align:center;"><span style="font-family:宋体;font-size:14px;">{inner}</span></p>'
    return f'<td{attrs} style="border:1px solid #000;">{inner}</td>'


def cms_html(doc: Doc, rng: random.Random) -> tuple[bytes, bool]:
    """(utf-8 bytes, minified): the article page of a government site."""
    minified = rng.random() < 0.3
    nl = "" if minified else "\n"
    blank = rng.choice(("", "&nbsp;", "<br/>"))
    prose = narrative(doc)
    t = tables(doc)
    site = doc.organ.replace("人民政府办公厅", "").replace("人民政府", "") + "人民政府门户网站"
    chrome_top = (
        f'<div class="header"><div class="logo">{_esc(site)}</div><ul class="nav"><li>首页</li><li>政务公开</li>'
        '<li>政务服务</li><li>互动交流</li></ul></div>'
        '<div class="position">当前位置：首页 &gt; 政府信息公开 &gt; 政府信息公开年报</div>'
    )
    body = [f'<h1 class="article-title">{_esc(doc.title)}</h1>',
            f'<div class="info">发布时间：{doc.year + 1}-0{rng.randint(1, 3)}-{rng.randint(10, 28)} 来源：本网 浏览次数：{rng.randint(100, 9999)}</div>',
            '<div class="TRS_Editor">']
    for p in prose["preface"]:
        body.append(f'<p style="text-indent:2em;">{_esc(p)}</p>')
    over_under = paratext(doc)
    heads = headings(doc)
    for part in _PARTS:
        if heads[part]:
            body.append(f'<p style="text-indent:2em;"><strong>{heads[part]}</strong></p>')
        if part in t:
            lead, cap, note = over_under[part]
            if lead:
                body.append(f'<p style="text-indent:2em;">{_esc(lead)}</p>')
            if cap:
                body.append(f'<p style="text-align:center;"><strong>{_esc(cap)}</strong></p>')
            rows = []
            for row in t[part]:
                rows.append("<tr>" + nl.join(_cms_cell(c, rng, blank) for c in row) + "</tr>")
            body.append('<table border="1" cellspacing="0" cellpadding="0" style="border-collapse:collapse;width:100%;">'
                        f"<tbody>{nl}" + nl.join(rows) + f"{nl}</tbody></table>")
            if note:
                body.append(f'<p>{_esc(note)}</p>')
        else:
            for p in prose[part]:
                body.append(f'<p style="text-indent:2em;">{_esc(p)}</p>')
    body.append(f'<p style="text-align:right;">{_esc(doc.organ)}</p>')
    body.append(f'<p style="text-align:right;">{_esc(doc.published)}</p>')
    body.append("</div>")
    footer = (f'<div class="footer"><p>主办单位：{_esc(doc.organ)}办公室 网站标识码：{rng.randint(10**9, 10**10 - 1)}</p>'
              f'<p>ICP备案号：浙ICP备{rng.randint(10**7, 10**8 - 1)}号 公安机关备案号：{rng.randint(10**13, 10**14 - 1)}</p></div>')
    page = (
        '<!DOCTYPE html>\n<html lang="zh-CN"><head><meta charset="utf-8">'
        f"<title>{_esc(doc.title)}_{_esc(site)}</title></head>{nl}<body>{nl}{chrome_top}{nl}"
        '<div class="article">' + nl.join(body) + f"</div>{nl}{footer}{nl}</body></html>\n"
    )
    return page.encode("utf-8"), minified


# ---------------------------------------------------------------------------------------------
# DOCX
# ---------------------------------------------------------------------------------------------


#: footer page-number forms of real reports: (before, after) the PAGE field, NUMPAGES when "{n}"
PAGE_FORMS = (("— ", " —"), ("- ", " -"), ("－ ", " －"), ("第 ", " 页 共 {n} 页"), ("", ""), ("", "/{n}"))


def docx_phenomena(doc: Doc) -> list[str]:
    """The DOCX-only phenomena of ``doc`` (drawn from a generator of their own, so that the draws of
    every other rendering stay what they were)."""
    rng = random.Random(doc.seed * 7 + 3)
    out = []
    if rng.random() < 0.5:
        out.append("page-numbers")
    if rng.random() < 0.25:
        out.append("running-header")
    if rng.random() < 0.5:
        out.append("repeat-header")
    return out


def _field(para, instr: str) -> None:  # type: ignore[no-untyped-def]
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    fld = OxmlElement("w:fldSimple")
    fld.set(qn("w:instr"), instr)
    r = OxmlElement("w:r")
    t = OxmlElement("w:t")
    t.text = "1"
    r.append(t)
    fld.append(r)
    para._p.append(fld)


def _page_furniture(d, doc: Doc, tags: list[str]) -> None:  # type: ignore[no-untyped-def]
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    rng = random.Random(doc.seed * 11 + 5)
    section = d.sections[0]
    if "page-numbers" in tags:
        before, after = rng.choice(PAGE_FORMS)
        p = section.footer.paragraphs[0]
        p.alignment = rng.choice((WD_ALIGN_PARAGRAPH.CENTER, WD_ALIGN_PARAGRAPH.CENTER, WD_ALIGN_PARAGRAPH.RIGHT))
        if before:
            p.add_run(before)
        _field(p, "PAGE")
        tail, _, rest = after.partition("{n}")
        if tail:
            p.add_run(tail)
        if "{n}" in after:
            _field(p, "NUMPAGES")
            if rest:
                p.add_run(rest)
    if "running-header" in tags:
        p = section.header.paragraphs[0]
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        p.add_run(rng.choice((doc.title, f"{doc.organ}政务公开", f"{doc.year}年度政府信息公开工作年度报告")))


def docx_bytes(doc: Doc, rng: random.Random) -> bytes:
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml.ns import qn
    from docx.shared import Pt

    d = docx.Document()
    style = d.styles["Normal"]
    style.font.size = Pt(10.5)
    style.font.name = "宋体"
    style.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), "宋体")
    p = d.add_paragraph()
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    r = p.add_run(doc.title)
    r.bold = True
    r.font.size = Pt(18)
    prose = narrative(doc)
    t = tables(doc)
    for x in prose["preface"]:
        d.add_paragraph(x)
    tags = docx_phenomena(doc)
    _page_furniture(d, doc, tags)
    over_under = paratext(doc)
    heads = headings(doc)
    for part in _PARTS:
        if heads[part]:
            d.add_paragraph().add_run(heads[part]).bold = True
        if part in t:
            lead, cap, note = over_under[part]
            if lead:
                d.add_paragraph(lead)
            if cap:
                c = d.add_paragraph()
                c.alignment = WD_ALIGN_PARAGRAPH.CENTER
                c.add_run(cap).bold = True
            table = _docx_table(d, t[part], rng)
            if part == "三" and "repeat-header" in tags:
                _repeat_header(table, t[part])
            if note:
                d.add_paragraph(note)
        else:
            for x in prose[part]:
                d.add_paragraph(x)
    for x in (doc.organ, doc.published):
        p = d.add_paragraph(x)
        p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def _repeat_header(table, t: Table) -> None:  # type: ignore[no-untyped-def]
    """Mark the caption rows (every cell a header) to repeat at the top of each page."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    for row, cells in zip(table.rows, t):
        if not all(c.kind == "header" for c in cells):
            break
        el = OxmlElement("w:tblHeader")
        el.set(qn("w:val"), "true")
        row._tr.get_or_add_trPr().append(el)


def _docx_table(d, t: Table, rng: random.Random):  # type: ignore[no-untyped-def]
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    ncols = sum(c.colspan for c in t[0])
    table = d.add_table(rows=len(t), cols=ncols)
    table.style = "Table Grid"
    occupied: set[tuple[int, int]] = set()
    soft = rng.random() < 0.5
    for i, row in enumerate(t):
        j = 0
        for c in row:
            while (i, j) in occupied:
                j += 1
            cell = table.cell(i, j)
            if c.rowspan > 1 or c.colspan > 1:
                cell = cell.merge(table.cell(i + c.rowspan - 1, j + c.colspan - 1))
            for di in range(c.rowspan):
                for dj in range(c.colspan):
                    occupied.add((i + di, j + dj))
            lines = c.text.split("\n") if c.text.strip() else [""]
            para = cell.paragraphs[0]
            para.alignment = WD_ALIGN_PARAGRAPH.CENTER
            for k, line in enumerate(lines):
                if k and soft:
                    para.runs[-1].add_break()
                elif k:
                    para = cell.add_paragraph()
                    para.alignment = WD_ALIGN_PARAGRAPH.CENTER
                run = para.add_run(line)
                run.font.size = Pt(9 if ncols > 10 else 10.5)
            j += c.colspan
    return table
