"""Build the file fixtures in tests/fixtures/files/ from the gold records in ../shared/corpus.

    .venv/bin/python scripts/make_fixtures.py [--shared ../shared] [--out tests/fixtures/files]

Each fixture NAME.<ext> is a report rendered in the national template layout (2019 or 2021
edition) with the values of one gold record, and gets NAME.gold.json beside it: a copy of the
source gold with "source" set to the fixture (and, for fixtures that blank some cells on purpose,
those fields set to null and listed in "notes").

* DOCX (python-docx): real merged cells (gridSpan/vMerge from ``cell.merge``), ``<w:br>`` inside
  header labels, table borders on (or off, for the unruled-PDF variant).
* PDF: the DOCX converted by LibreOffice headless (needs ``soffice`` and a CJK font:
  ``apt-get install libreoffice-writer-nogui fonts-wqy-zenhei``).  Only this script needs them.
* HTML: rowspan/colspan tables, ``&nbsp;`` blank cells, ``<br>`` in labels, optional site chrome
  (navigation, breadcrumbs with another report's title, sidebar, footer) and a gbk charset.
* Text: tab-separated rows, in GB18030 and UTF-16.
* broken/: an encrypted PDF (qpdf, user password) and an image-only PDF (Pillow) for the error tests.

The tests read the committed files; they never run this script.
"""

from __future__ import annotations

import argparse
import copy
import html
import json
import os
import pathlib
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass

ROOT = pathlib.Path(__file__).resolve().parent.parent


@dataclass
class C:
    """A table cell: text, colspan, rowspan.  ``text=None`` means a blank cell."""

    text: str | None
    cs: int = 1
    rs: int = 1
    br: str | None = None  # the same text with a line break, for HTML <br>/Word w:br


def fmt(v: object) -> str | None:
    if v is None:
        return None
    if isinstance(v, float):
        return str(int(v)) if v == int(v) else repr(v)  # 96171.6, 9116.36: as printed
    return str(v)


# -- the template, as rows of cells -------------------------------------------------------------
def active_rows(f: dict, edition: str) -> list[list[C]]:
    g = lambda k: C(fmt(f.get(k)))  # noqa: E731
    if edition == "2021":
        return [
            [C("第二十条第（一）项", 4)],
            [C("信息内容"), C("本年制发件数"), C("本年废止件数"), C("现行有效件数")],
            [C("规章"), g("active.regulations.issued"), g("active.regulations.repealed"), g("active.regulations.in_force")],
            [C("行政规范性文件"), g("active.normative_documents.issued"), g("active.normative_documents.repealed"),
             g("active.normative_documents.in_force")],
            [C("第二十条第（五）项", 4)],
            [C("信息内容"), C("本年处理决定数量", 3)],
            [C("行政许可"), C(fmt(f.get("active.licensing.decisions")), 3)],
            [C("第二十条第（六）项", 4)],
            [C("信息内容"), C("本年处理决定数量", 3)],
            [C("行政处罚"), C(fmt(f.get("active.penalty.decisions")), 3)],
            [C("行政强制"), C(fmt(f.get("active.coercion.decisions")), 3)],
            [C("第二十条第（八）项", 4)],
            [C("信息内容"), C("本年收费金额（单位：万元）", 3)],
            [C("行政事业性收费"), C(fmt(f.get("active.fees.amount")), 3)],
        ]
    return [
        [C("第二十条第（一）项", 4)],
        [C("信息内容"), C("本年新制作数量"), C("本年新公开数量"), C("对外公开总数量")],
        [C("规章"), g("active.regulations.made"), g("active.regulations.published"), g("active.regulations.total_published")],
        [C("规范性文件"), g("active.normative_documents.made"), g("active.normative_documents.published"),
         g("active.normative_documents.total_published")],
        [C("第二十条第（五）项", 4)],
        [C("信息内容"), C("上一年项目数量"), C("本年增/减"), C("处理决定数量")],
        [C("行政许可"), g("active.licensing.previous"), g("active.licensing.change"), g("active.licensing.decisions")],
        [C("其他对外管理服务事项"), g("active.other_services.previous"), g("active.other_services.change"),
         g("active.other_services.decisions")],
        [C("第二十条第（六）项", 4)],
        [C("信息内容"), C("上一年项目数量"), C("本年增/减"), C("处理决定数量")],
        [C("行政处罚"), g("active.penalty.previous"), g("active.penalty.change"), g("active.penalty.decisions")],
        [C("行政强制"), g("active.coercion.previous"), g("active.coercion.change"), g("active.coercion.decisions")],
        [C("第二十条第（八）项", 4)],
        [C("信息内容"), C("上一年项目数量"), C("本年增/减", 2)],
        [C("行政事业性收费"), g("active.fees.previous"), C(fmt(f.get("active.fees.change")), 2)],
        [C("第二十条第（九）项", 4)],
        [C("信息内容"), C("采购项目数量"), C("采购总金额", 2)],
        [C("政府集中采购"), g("active.procurement.projects"), C(fmt(f.get("active.procurement.amount")), 2)],
    ]


APP_COLS = ("natural_person", "commercial_enterprise", "research_institution", "public_interest_org",
            "legal_service_agency", "other_org", "total")


def app_rows(f: dict, edition: str) -> list[list[C]]:
    def vals(row: str) -> list[C]:
        return [C(fmt(f.get(f"applications.{row}.{c}"))) for c in APP_COLS]

    rows = [
        [C("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", 3, 3), C("申请人情况", 7)],
        [C("自然人", 1, 2), C("法人或其他组织", 5), C("总计", 1, 2)],
        [C("商业企业", br="商业\n企业"), C("科研机构", br="科研\n机构"), C("社会公益组织", br="社会公益\n组织"),
         C("法律服务机构", br="法律服务\n机构"), C("其他")],
        [C("一、本年新收政府信息公开申请数量", 3), *vals("new_received")],
        [C("二、上年结转政府信息公开申请数量", 3), *vals("carried_over")],
    ]
    other_2021 = edition == "2021"
    n_result = 2 + 8 + 3 + 5 + (3 if other_2021 else 1) + 1
    groups = [
        ("（三）不予公开", "withheld", ["state_secret", "prohibited_by_law", "security_stability", "third_party_rights",
                                 "internal_affairs", "process_info", "enforcement_files", "query_matters"],
         ["1.属于国家秘密", "2.其他法律行政法规禁止公开", "3.危及“三安全一稳定”", "4.保护第三方合法权益",
          "5.属于三类内部事务信息", "6.属于四类过程性信息", "7.属于行政执法案卷", "8.属于行政查询事项"]),
        ("（四）无法提供", "unavailable", ["not_held", "needs_creation", "unclear_after_correction"],
         ["1.本机关不掌握相关政府信息", "2.没有现成信息需要另行制作", "3.补正后申请内容仍不明确"]),
        ("（五）不予处理", "not_processed", ["petition_complaint", "duplicate", "publication", "excessive_repeated",
                                      "reconfirmation"],
         ["1.信访举报投诉类申请", "2.重复申请", "3.要求提供公开出版物", "4.无正当理由大量反复申请",
          "5.要求行政机关确认或重新出具已获取信息"]),
    ]
    if other_2021:
        groups.append(("（六）其他处理", "other_processing", ["overdue_correction", "unpaid_fee", "miscellaneous"],
                       ["1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
                        "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", "3.其他"]))
    rows.append([C("三、本年度办理结果", 1, n_result), C("（一）予以公开", 2), *vals("granted")])
    rows.append([C("（二）部分公开（区分处理的，只计这一情形，不计其他情形）", 2), *vals("partly_granted")])
    for label, grp, keys, labels in groups:
        for i, (k, lab) in enumerate(zip(keys, labels, strict=True)):
            head = [C(label, 1, len(keys))] if i == 0 else []
            rows.append([*head, C(lab), *vals(f"{grp}.{k}")])
    if not other_2021:
        rows.append([C("（六）其他处理", 2), *vals("other_processing.total")])
    rows.append([C("（七）总计", 2), *vals("total_processed")])
    rows.append([C("四、结转下年度继续办理", 3), *vals("carried_forward")])
    return rows


def review_rows(f: dict) -> list[list[C]]:
    cols = ("upheld", "corrected", "other", "pending", "total")
    heads = [C("结果维持", br="结果\n维持"), C("结果纠正", br="结果\n纠正"), C("其他结果", br="其他\n结果"),
             C("尚未审结", br="尚未\n审结"), C("总计")]
    return [
        [C("行政复议", 5), C("行政诉讼", 10)],
        [*[C(h.text, 1, 2, h.br) for h in heads], C("未经复议直接起诉", 5), C("复议后起诉", 5)],
        [*copy.deepcopy(heads), *copy.deepcopy(heads)],
        [C(fmt(f.get(f"{g}.{c}"))) for g in ("review", "litigation_direct", "litigation_after_review") for c in cols],
    ]


def blocks(gold: dict) -> list[tuple[str, object]]:
    """The report as ("title"|"h"|"p"|"table", content) blocks."""
    f, ed, year, organ = gold["fields"], gold["edition"], gold["year"], gold["organ"]
    n = f.get("applications.new_received.total")
    out: list[tuple[str, object]] = [
        ("title", f"{organ}{year}年政府信息公开工作年度报告"),
        ("p", f"本报告根据《中华人民共和国政府信息公开条例》要求编制，统计期限自{year}年1月1日起至{year}年12月31日止。"
              "如对本报告有任何疑问，请与本机关政务公开办公室联系。"),
        ("h", "一、总体情况"),
        ("p", f"{year}年，我们认真贯彻落实《中华人民共和国政府信息公开条例》，持续深化政务公开，"
              "主动公开政府信息，依法做好依申请公开工作，不断提升政务公开质量。"),
        ("p", f"（一）依申请公开情况。本年度共收到政府信息公开申请{n}件，均在法定期限内予以答复。"),
        ("h", "二、主动公开政府信息情况"),
        ("table", active_rows(f, ed)),
        ("h", "三、收到和处理政府信息公开申请情况"),
        ("table", app_rows(f, ed)),
        ("h", "四、政府信息公开行政复议、行政诉讼情况"),
        ("table", review_rows(f)),
        ("h", "五、存在的主要问题及改进情况"),
        ("p", "政务公开工作仍存在一些不足：政策解读形式较为单一，信息发布的及时性有待提高。下一步将加强培训，"
              "完善制度，进一步提升政务公开工作水平。"),
        ("h", "六、其他需要报告的事项"),
        ("p", f"{year}年本机关未收取信息处理费。"),
    ]
    return out


# -- renderers ----------------------------------------------------------------------------------
def to_html(gold: dict, *, chrome: bool, charset: str | None, br_labels: bool = True) -> str:
    parts = []
    for kind, content in blocks(gold):
        if kind == "title":
            parts.append(f'<h1 class="article-title">{html.escape(str(content))}</h1>')
        elif kind == "h":
            parts.append(f"<p><strong>{html.escape(str(content))}</strong></p>")
        elif kind == "p":
            parts.append(f'<p style="text-indent:2em">{html.escape(str(content))}</p>')
        else:
            rows = []
            for row in content:  # type: ignore[union-attr]
                tds = []
                for c in row:
                    attrs = (f' colspan="{c.cs}"' if c.cs > 1 else "") + (f' rowspan="{c.rs}"' if c.rs > 1 else "")
                    if c.text is None:
                        inner = "&nbsp;"
                    elif br_labels and c.br:
                        inner = "<br/>".join(html.escape(x) for x in c.br.split("\n"))
                    else:
                        inner = html.escape(c.text)
                    tds.append(f"<td{attrs}>{inner}</td>")
                rows.append("  <tr>" + "".join(tds) + "</tr>")
            parts.append('<table border="1" cellspacing="0" cellpadding="2">\n<tbody>\n' + "\n".join(rows) + "\n</tbody>\n</table>")
    article = "\n".join(parts)
    meta = f'<meta http-equiv="Content-Type" content="text/html; charset={charset}">' if charset else ""
    if not chrome:
        return f"<!DOCTYPE html>\n<html><head>{meta}<title>年度报告</title></head>\n<body>\n{article}\n</body></html>\n"
    other = f"{gold['organ']}{gold['year'] - 1}年政府信息公开工作年度报告"
    return f"""<!DOCTYPE html>
<html><head>{meta}<title>{html.escape(gold['organ'])}门户网站</title>
<script>var _hmt = _hmt || []; document.write("<div>统计</div>");</script>
<style>.nav li {{ float: left }}</style></head>
<body>
<div class="header"><div class="logo">{html.escape(gold['organ'])}门户网站</div>
<ul class="nav"><li><a href="/">首页</a></li><li><a href="/zwgk/">政务公开</a></li><li><a href="/hdjl/">互动交流</a></li></ul></div>
<div class="crumb">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政府信息公开</a> &gt; <a href="/nb/">政府信息公开年报</a></div>
<div class="main">
<div class="article">
{article}
<div class="share">分享到：微信 微博</div>
</div>
<div class="sidebar"><h3>相关链接</h3><ul><li><a href="/nb/1.html">{html.escape(other)}</a></li>
<li><a href="/nb/2.html">政府信息公开指南</a></li></ul>
<table><tr><td>浏览次数：</td><td>1024</td></tr></table></div>
</div>
<div class="footer"><p>主办单位：{html.escape(gold['organ'])}办公室　网站标识码：3500000000　备案号：闽ICP备00000000号</p></div>
</body></html>
"""


def to_tab_text(gold: dict) -> str:
    lines = []
    for kind, content in blocks(gold):
        if kind == "table":
            for row in content:  # type: ignore[union-attr]
                lines.append("\t".join("" if c.text is None else c.text for c in row))
        else:
            lines.append(str(content))
        lines.append("")
    return "\n".join(lines)


def to_docx(gold: dict, path: pathlib.Path, *, borders: bool) -> None:
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml.ns import qn
    from docx.shared import Pt

    d = docx.Document()
    style = d.styles["Normal"]
    style.font.name = "WenQuanYi Zen Hei"
    style.font.size = Pt(10.5)
    style.element.rPr.rFonts.set(qn("w:eastAsia"), "WenQuanYi Zen Hei")
    for kind, content in blocks(gold):
        if kind == "title":
            p = d.add_paragraph()
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            r = p.add_run(str(content))
            r.bold = True
            r.font.size = Pt(16)
        elif kind == "h":
            p = d.add_paragraph()
            p.add_run(str(content)).bold = True
        elif kind == "p":
            p = d.add_paragraph(str(content))
            p.paragraph_format.first_line_indent = Pt(21)
        else:
            rows = content  # type: ignore[assignment]
            ncols = sum(c.cs for c in rows[0])
            table = d.add_table(rows=len(rows), cols=ncols)
            if borders:
                table.style = "Table Grid"
            # column widths as in the Word template: wide label columns, narrow value columns
            from docx.shared import Cm

            widths = {4: [4.5, 3.8, 3.8, 3.8], 10: [1.2, 2.4, 5.0] + [1.4] * 7, 15: [1.05] * 15}[ncols]
            table.autofit = False
            for i, w in enumerate(widths):
                table.columns[i].width = Cm(w)
                for cell in table.columns[i].cells:
                    cell.width = Cm(w)
            taken: set[tuple[int, int]] = set()
            for r, row in enumerate(rows):
                col = 0
                for c in row:
                    while (r, col) in taken:
                        col += 1
                    for dr in range(c.rs):
                        for dc in range(c.cs):
                            taken.add((r + dr, col + dc))
                    cell = table.cell(r, col)
                    if c.rs > 1 or c.cs > 1:
                        cell = cell.merge(table.cell(r + c.rs - 1, col + c.cs - 1))
                    para = cell.paragraphs[0]
                    if c.text is not None:
                        if c.br:
                            a, b = c.br.split("\n")
                            run = para.add_run(a)
                            run.add_break()
                            para.add_run(b)
                        else:
                            para.add_run(c.text)
                    for run in para.runs:
                        run.font.size = Pt(8)
                    col += c.cs
    d.save(str(path))


def soffice_convert(src: pathlib.Path, fmt: str, outdir: pathlib.Path) -> pathlib.Path:
    exe = shutil.which("soffice") or shutil.which("libreoffice")
    if exe is None:
        sys.exit("LibreOffice is needed: apt-get install -y libreoffice-writer-nogui fonts-wqy-zenhei")
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([exe, f"-env:UserInstallation=file://{tmp}/profile", "--headless", "--convert-to", fmt,
                        "--outdir", tmp, str(src)], check=True, capture_output=True, timeout=300)
        produced = pathlib.Path(tmp) / (src.stem + "." + fmt.split(":")[0])
        dest = outdir / produced.name
        shutil.move(str(produced), dest)
    return dest


def write_gold(gold: dict, out: pathlib.Path, name: str, blanks: list[str] = (), note: str = "") -> None:
    g = copy.deepcopy(gold)
    g["source"] = name
    for k in blanks:
        g["fields"][k] = None
    if note:
        g["notes"] = note + " Original notes: " + gold.get("notes", "")
    stem = name.split(".")[0]
    (out / f"{stem}.gold.json").write_text(json.dumps(g, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def blanked(gold: dict, keys: list[str]) -> dict:
    g = copy.deepcopy(gold)
    for k in keys:
        g["fields"][k] = None
    return g


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    ap.add_argument("--out", default=str(ROOT / "tests" / "fixtures" / "files"))
    a = ap.parse_args()
    corpus = pathlib.Path(a.shared) / "corpus"
    out = pathlib.Path(a.out)
    (out / "broken").mkdir(parents=True, exist_ok=True)
    gold = {
        "seed001": json.loads((corpus / "seeds/001_7e630d27dccc3614.gold.json").read_text()),
        "seed003": json.loads((corpus / "seeds/003_a3cb757cf03d8042.gold.json").read_text()),
        "seed004": json.loads((corpus / "seeds/004_604213c82ade96a7.gold.json").read_text()),
        "huaian": json.loads((corpus / "real/huaian-city-2024.gold.json").read_text()),
        "pingtan": json.loads((corpus / "real/pingtan-2022.gold.json").read_text()),
        "shanghai": json.loads((corpus / "real/shanghai-office-2025.gold.json").read_text()),
    }
    # cells printed blank on purpose (zeros in the source gold, blank in the fixture: gold null)
    pingtan_blanks = [
        "applications.granted.research_institution", "applications.granted.public_interest_org",
        "applications.withheld.state_secret.commercial_enterprise", "applications.withheld.state_secret.total",
        "litigation_after_review.pending",
    ]
    pingtan_blanks = [k for k in pingtan_blanks if gold["pingtan"]["fields"].get(k) == 0] or pingtan_blanks[:0]
    note = ("Fixture rendered by scripts/make_fixtures.py; cells " + ", ".join(pingtan_blanks)
            + " are printed blank (they are 0 in the source), so they are null here.")

    with tempfile.TemporaryDirectory() as tmp:
        t = pathlib.Path(tmp)
        # DOCX with merged cells
        for name, key in (("docx-seed001", "seed001"), ("docx-seed003", "seed003"), ("docx-huaian", "huaian")):
            to_docx(gold[key], out / f"{name}.docx", borders=True)
            write_gold(gold[key], out, f"{name}.docx")
        # PDFs by LibreOffice from DOCX (ruled), and one without borders (unruled) with blank cells
        for name, key in (("pdf-huaian", "huaian"), ("pdf-seed003", "seed003")):
            src = t / f"{name}.docx"
            to_docx(gold[key], src, borders=True)
            soffice_convert(src, "pdf", out)
            write_gold(gold[key], out, f"{name}.pdf")
        src = t / "pdf-pingtan-noborders.docx"
        to_docx(blanked(gold["pingtan"], pingtan_blanks), src, borders=False)
        soffice_convert(src, "pdf", out)
        write_gold(gold["pingtan"], out, "pdf-pingtan-noborders.pdf", pingtan_blanks, note + " Tables have no borders.")
        # old binary .doc via LibreOffice
        src = t / "doc-seed004.docx"
        to_docx(gold["seed004"], src, borders=True)
        soffice_convert(src, "doc:MS Word 97", out)
        write_gold(gold["seed004"], out, "doc-seed004.doc")
        # HTML: site chrome + gbk meta; utf-8 with blanks; no charset (detected GB18030)
        (out / "html-shanghai-chrome.html").write_bytes(
            to_html(gold["shanghai"], chrome=True, charset="gbk").encode("gb18030"))
        write_gold(gold["shanghai"], out, "html-shanghai-chrome.html")
        (out / "html-pingtan-blanks.html").write_bytes(
            to_html(blanked(gold["pingtan"], pingtan_blanks), chrome=False, charset="utf-8").encode("utf-8"))
        write_gold(gold["pingtan"], out, "html-pingtan-blanks.html", pingtan_blanks, note)
        (out / "html-seed004-nocharset.html").write_bytes(
            to_html(gold["seed004"], chrome=False, charset=None).encode("gb18030"))
        write_gold(gold["seed004"], out, "html-seed004-nocharset.html")
        # text files: GB18030 and UTF-16 (BOM), tab-separated rows
        (out / "text-huaian-gb18030.text").write_bytes(to_tab_text(gold["huaian"]).encode("gb18030"))
        write_gold(gold["huaian"], out, "text-huaian-gb18030.text")
        (out / "text-seed001-utf16.text").write_bytes(to_tab_text(gold["seed001"]).encode("utf-16"))
        write_gold(gold["seed001"], out, "text-seed001-utf16.text")
        # broken inputs: encrypted PDF (user password), image-only PDF
        qpdf = shutil.which("qpdf")
        if qpdf is None:
            sys.exit("qpdf is needed for the encrypted fixture: apt-get install -y qpdf")
        subprocess.run([qpdf, "--encrypt", "secret", "owner", "256", "--", str(out / "pdf-seed003.pdf"),
                        str(out / "broken" / "encrypted.pdf")], check=True)
        from PIL import Image, ImageDraw, ImageFont

        img = Image.new("L", (595, 842), 255)
        draw = ImageDraw.Draw(img)
        font_path = next((p for p in ("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",) if os.path.exists(p)), None)
        font = ImageFont.truetype(font_path, 20) if font_path else ImageFont.load_default()
        draw.text((60, 80), f"{gold['seed004']['organ']}2021年政府信息公开工作年度报告", fill=0, font=font)
        draw.text((60, 130), "一、总体情况", fill=0, font=font)
        img.save(out / "broken" / "image-only.pdf", "PDF", resolution=72)
    for p in sorted(out.rglob("*")):
        if p.is_file():
            print(f"{p.relative_to(out)}\t{p.stat().st_size}")


if __name__ == "__main__":
    main()
