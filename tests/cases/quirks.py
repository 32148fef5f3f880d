"""Case table: one row per converter or report quirk, each a real snippet (or one cut from a real
report) inside a minimal report, with the fields it must yield.

Groups: DEV (the quirks the core was built on), BUGS_CAUGHT (regressions found later), NEW (cases not
yet worked on), XFAIL (known failures, strict: a fixed case must be moved).  Source of each snippet in
its note.  Expected values are (value, status); every expectation names its status, and a value of
``...`` means "any value" (for doubtful cells, whose best guess is not the point of the case).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Case:
    id: str
    text: str
    expected: dict[str, tuple[object, str]]
    note: str
    edition: str | None = None  # expected edition, when the case is about it
    findings: tuple[str, ...] = ()  # finding codes that must be present
    organ: str | None = None  # expected organ, when the case is about the title


TITLE = "某某镇人民政府2021年政府信息公开工作年度报告\n一、总体情况\n2021年，某某镇做好政府信息公开工作。\n"
P2_2021 = "二、主动公开政府信息情况\n第二十条第（一）项\n信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n"
P3 = "三、收到和处理政府信息公开申请情况\n"
P4 = "四、政府信息公开行政复议、行政诉讼情况\n"
END = "五、存在的主要问题及改进情况\n无。\n六、其他需要报告的事项\n无。\n"
A = "applications."


def doc(*parts: str, title: str = TITLE) -> str:
    return title + "".join(parts) + END


def _snippet(name: str) -> str:
    """A converter's text too long to quote here (tests/fixtures/snippets/NAME)."""
    from pathlib import Path

    return (Path(__file__).parent.parent / "fixtures" / "snippets" / name).read_text(encoding="utf-8")


# part 二 of the 2021 edition as a crawler dumps it, 行政处罚's run and what follows it left open
_P2_CRAWLER = (
    "二、主动公开政府信息情况\n第二十条第（一）项信息内容本年制发件数本年废止件数现行有效件数规章3115行政规范性文件6713"
    "第二十条第（五）项信息内容本年处理决定数量行政许可15193第二十条第（六）项信息内容本年处理决定数量行政处罚{}"
    "第二十条第（八）项信息内容本年收费金额（单位：万元）行政事业性收费17238.9\n"
)


def _bands_text() -> str:
    """Part 三 as plain pdftotext prints some LibreOffice PDFs: the labels, then bands of rows printed
    column by column (the shape of pdf-huaian's pdftotext rendering), values from the huaian report."""
    from govdisclosure import schema

    rows = [r for r in schema.load().app_rows_for("2021") if r.key != "other_processing.total"]
    first = [3001, 34, 1288, 447, 2, 30, 5, 6, 7, 12, 9, 105, 746, 11, 1, 56, 25, 0, 0, 1, 67, 6, 108, 2932, 103]
    values = [[v, 0, 0, 0, 0, 0, v] for v in first]  # 自然人 and 总计 only: every 总计 adds up
    labels = "\n".join(r.label for r in rows)

    def band(a: int, b: int, cols: range) -> str:
        return "".join("\n" + "\n".join(str(values[i][c]) for i in range(a, b)) + "\n" for c in cols)

    body = band(0, 4, range(4)) + band(4, 16, range(4)) + band(0, 4, range(4, 7)) + band(4, 16, range(4, 7))
    body += band(16, 20, range(7)) + band(20, 21, range(7)) + band(21, 22, range(7)) + band(22, 25, range(7))
    return P3 + labels + "\n\n申请人情况\n自然人\n" + body


DEV: list[Case] = [
    Case(
        "typo-benniandu-zhi",
        doc("二、主动公开政府信息情况\n第二十条第（一）项\t\t\t\n信息内容\t本年制发件数\t本年度止件数\t现行有效件数\n规章\t0\t2\t5\n"),
        {"active.regulations.repealed": (2, "ok"), "active.regulations.in_force": (5, "ok")},
        "seed 001: 本年度止件数 is a typo of 本年废止件数",
        edition="2021",
    ),
    Case(
        "space-in-caption",
        doc("二、主动公开政府信息情况\n第二十条 第（一）项\n信息内容 本年制发件数 本年废止件数 现行有效件数\n规章 1 0 11\n行政规范性文件 8 26 66\n"),
        {"active.normative_documents.repealed": (26, "ok"), "active.regulations.in_force": (11, "ok")},
        "huaian: 第二十条 第（一）项 with a space",
    ),
    Case(
        "fee-note-digit-is-text",
        doc(P2_2021, "规章\t0\t0\t0\n第二十条第（八）项\n信息内容\t本年收费金额（单位：万元，保留4位小数）\n行政事业性收费\t0.5\n"),
        {"active.fees.amount": (0.5, "ok")},
        "seed 001: the 4 of 保留4位小数 is not a cell",
    ),
    Case(
        "ascii-brackets-and-spaces",
        doc(P3, "(二) 部分公开 (区分处理的, 只计这一情形, 不计其他情形)\t\t1\t0\t0\t0\t0\t0\t1\t\n"),
        {A + "partly_granted.natural_person": (1, "ok"), A + "partly_granted.total": (1, "ok")},
        "seed 001: ASCII brackets and commas with spaces; a merged label cell leaves an empty cell",
    ),
    Case(
        "spaces-inside-group-label",
        doc(P3, "\t（三）不予 公 开\t1.属于国家秘密\t2\t0\t0\t0\t0\t0\t2\n"),
        {A + "withheld.state_secret.natural_person": (2, "ok"), A + "withheld.state_secret.total": (2, "ok")},
        "seed 003: （三）不予 公 开",
    ),
    Case(
        "variant-qita-falv-fagui",
        doc(P3, "⇥⇥2.其他法律法规禁止公开⇥⇥3⇥0⇥0⇥0⇥0⇥0⇥3\n".replace("⇥", "\t")),
        {A + "withheld.prohibited_by_law.natural_person": (3, "ok")},
        "seed 001: 2.其他法律法规禁止公开 (fuzzy match onto 2.其他法律行政法规禁止公开)",
    ),
    Case(
        "quotes-ascii-and-none",
        doc(P3, '3.危及"三安全一稳定" 4 0 0 0 0 0 4\n4.保护第三方合法权益 1 0 0 0 0 0 1\n'),
        {A + "withheld.security_stability.total": (4, "ok"), A + "withheld.third_party_rights.total": (1, "ok")},
        "format.md §5: ASCII quotes",
    ),
    Case(
        "chinese-comma-ordinals",
        doc(P3, "1、申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请 67 3 0 0 1 0 71\n3、其他 108 2 0 0 0 0 110\n"),
        {A + "other_processing.overdue_correction.total": (71, "ok"), A + "other_processing.miscellaneous.natural_person": (108, "ok")},
        "huaian: （六） sub-rows numbered 1、 2、 3、",
    ),
    Case(
        "label-wrapped-around-numbers",
        doc(P3, "（二）部分公开（区分处理的，只计这一情\n447 7 0 0 0 0 454\n形，不计其他情形）\n1.属于国家秘密 2 0 0 0 0 0 2\n"),
        {A + "partly_granted.natural_person": (447, "ok"), A + "partly_granted.total": (454, "ok"), A + "withheld.state_secret.total": (2, "ok")},
        "huaian pdfplumber: label text before and after its number line",
    ),
    Case(
        "vertical-label-chars",
        doc(P3, "1.属于国家秘密 2 0 0 0 0 0 2\n三、\n本 2.其他法律行政法规禁止公开 30 1 0 0 0 0 31\n年\n3.危及“三安全一稳定” 5 0 0 0 0 0 5\n"),
        {A + "withheld.prohibited_by_law.natural_person": (30, "ok"), A + "withheld.security_stability.total": (5, "ok")},
        "huaian pdfplumber: 三、本年度办理结果 one character per line glued to row starts",
    ),
    Case(
        "page-number-in-table",
        doc(P3, "1.本机关不掌握相关政府信息 746 12 0 0 10 1 769\n- 4 -\n2.没有现成信息需要另行制作 11 0 0 0 0 0 11\n"),
        {A + "unavailable.not_held.total": (769, "ok"), A + "unavailable.needs_creation.natural_person": (11, "ok")},
        "huaian pdftotext: running page number between two rows",
    ),
    Case(
        "eight-zeros-for-seven-columns",
        doc(P3, "一、本年新收政府信息公开申请数量\t\t0\t0\t0\t0\t0\t0\t0\t0\t\n"),
        {A + "new_received.natural_person": (0, "ok"), A + "new_received.total": (0, "ok")},
        "seed 001: rows with eight numbers for seven columns; every placement gives the same values",
        findings=("extra_cells",),
    ),
    Case(
        "extra-cell-decided-by-row-sum",
        doc(P3, "一、本年新收政府信息公开申请数量\t5\t1\t0\t0\t0\t0\t1\t6\n"),
        {A + "new_received.total": (6, "inferred")},
        "an extra number: only dropping one of the cells makes 总计 the sum of the row",
        findings=("extra_cells",),
    ),
    Case(
        "glued-crawler-row",
        doc(P3, "一、本年新收政府信息公开申请数量 713000074二、上年结转政府信息公开申请数量 1000001三、"),
        {A + "new_received.natural_person": (71, "inferred"), A + "new_received.commercial_enterprise": (3, "inferred"), A + "new_received.total": (74, "inferred"), A + "carried_over.total": (1, "inferred")},
        "pingtan-2022: cells glued with no separator; R3 picks the cut",
        findings=("glued_digits",),
    ),
    Case(
        "glued-ordinal",
        doc(P3, "（三）不予公开 1.属于国家秘密00000002.其他法律行政法规禁止公开 0000000"),
        {A + "withheld.state_secret.total": (0, "inferred"), A + "withheld.prohibited_by_law.natural_person": (0, "inferred")},
        "pingtan-2022: the next row's ordinal 2. glued to seven zeros",
    ),
    Case(
        "pipe-row-blank-cell",
        doc(P3, "| （一）予以公开 | 258 | 12 |  |  | 1 | 1 |  |\n|---|---|---|---|---|---|---|---|\n"),
        {A + "granted.natural_person": (258, "ok"), A + "granted.research_institution": (None, "blank"), A + "granted.total": (None, "blank")},
        "format.md §4: a blank 总计 stays None (R3 not assessable), blanks between pipes",
    ),
    Case(
        "not-applicable-marks",
        doc(P2_2021, "规章\t/\t—\t无\n"),
        {"active.regulations.issued": (None, "not_applicable"), "active.regulations.repealed": (None, "not_applicable"), "active.regulations.in_force": (None, "not_applicable")},
        "format.md §5: /, —, 无 are not-applicable marks",
    ),
    Case(
        "fullwidth-and-thousands",
        doc(P2_2021, "规章\t１２\t1,234\t0件\n"),
        {"active.regulations.issued": (12, "ok"), "active.regulations.repealed": (1234, "ok"), "active.regulations.in_force": (0, "ok")},
        "format.md §5: full-width digits, thousands separators, a unit in the cell",
    ),
    Case(
        "bookmark-artifact",
        "[bookmark: _GoBack]" + doc(P2_2021, "规章\t1\t0\t3\n"),
        {"active.regulations.issued": (1, "ok")},
        "seed 003: [bookmark: _GoBack] opens the text",
    ),
    Case(
        "part4-fifteen-values",
        doc(P4, "行政复议\t\t\t\t\t行政诉讼\n结果维持\t结果纠正\t其他结果\t尚未审结\t总计\n72 64 178 37 351 13 4 8 1 26 12 1 1 6 20\n"),
        {"review.total": (351, "ok"), "litigation_direct.total": (26, "ok"), "litigation_after_review.upheld": (12, "ok")},
        "part 四: one unlabelled row of 15 values",
    ),
    Case(
        "part4-broken-sum-is-doubtful",
        doc(P4, "行政复议 行政诉讼\n0 1 1 0 5 1 0 0 0 1 0 0 0 0 0\n"),
        {"review.total": (5, "doubtful"), "review.corrected": (1, "doubtful"), "litigation_direct.total": (1, "ok")},
        "R4 broken in the source: printed values kept, doubtful, finding",
        findings=("arithmetic_R4",),
    ),
    Case(
        "edition-2019-columns",
        doc(
            "二、主动公开政府信息情况\n第二十条第（一）项\n信息内容\t本年新制作数量\t本年新公开数量\t对外公开总数量\n规章\t1\t1\t9\n规范性文件\t2\t2\t40\n第二十条第（五）项\n信息内容\t上一年项目数量\t本年增/减\t处理决定数量\n行政许可\t10\t-3\t120\n",
            title="某县人民政府2020年政府信息公开工作年度报告\n",
        ),
        {"active.regulations.total_published": (9, "ok"), "active.licensing.change": (-3, "ok"), "active.licensing.decisions": (120, "ok")},
        "seed 003: 2019 edition column labels; 本年增/减 signed",
        edition="2019",
    ),
    Case(
        "aligned-blank-dropped",
        doc(
            P3,
            "一、本年新收政府信息公开申请数量                3001        53       0        0    61       4   3119\n"
            "二、上年结转政府信息公开申请数量                34          0        0        0        0    0    34\n"
            "      （一）予以公开                   1288        21       0        0    50       3   1362\n"
            "      （二）部分公开（区分处理的，只计这一情形，不计其他情形）\n"
            "                                447                                             447\n"
            "             1.属于国家秘密            2          0        0        0        0    0    2\n",
        ),
        {A + "partly_granted.natural_person": (447, "inferred"), A + "partly_granted.commercial_enterprise": (None, "inferred"), A + "partly_granted.total": (447, "inferred")},
        "pdftotext -layout: blank cells leave only spaces; columns from the rows that fill them (the sums "
        "hold with the blanks read as 0; a placement that breaks them is doubtful)",
        findings=("columns_from_positions",),
    ),
]

DEV += [
    Case(
        "html-table-in-text",
        doc(P3, "<table><tr><td>（一）予以公开</td><td>5</td><td>&nbsp;</td><td>0</td><td>0</td><td>0</td><td>0</td><td>5</td></tr></table>\n"),
        {A + "granted.natural_person": (5, "ok"), A + "granted.commercial_enterprise": (None, "blank"), A + "granted.total": (5, "ok")},
        "MinerU-style markdown keeps HTML tables; &nbsp; cells are blanks",
    ),
    Case(
        "pandoc-grid-table",
        doc(P3, "+------------+----+----+----+----+----+----+----+\n| 1.属于国家秘密 | 2 | 0 | 0 | 0 | 0 | 0 | 2 |\n+============+====+====+====+====+====+====+====+\n"),
        {A + "withheld.state_secret.natural_person": (2, "ok"), A + "withheld.state_secret.total": (2, "ok")},
        "pandoc grid tables: +---+ borders are not rows",
    ),
]

BUGS_CAUGHT: list[Case] = [
    Case(
        "oneline-part-heading-glued-to-prose",
        "某某镇人民政府2021年政府信息公开工作年度报告一、总体情况2021年，某某镇做好公开工作，营造良好氛围。"
        "二、主动公开政府信息情况第二十条第（一）项信息内容本年制发件数本年废止件数现行有效件数规章000行政规范性文件3014"
        "三、收到和处理政府信息公开申请情况" + END.replace("\n", ""),
        {"active.regulations.issued": (0, "inferred"), "active.normative_documents.in_force": (14, "doubtful")},
        "seeds rendered as a crawler's one-line dump (every whitespace gone): the last sentence of part 一 and "
        "part 二's heading and captions are one run of text; 规章 must still be found in part 二",
        edition="2021",
    ),
    Case(
        "oneline-part4-glued-captions",
        "某某镇人民政府2021年政府信息公开工作年度报告一、总体情况2021年，某某镇做好公开工作。"
        "四、政府信息公开行政复议、行政诉讼情况行政复议行政诉讼结果维持结果纠正其他结果尚未审结总计未经复议直接起诉复议后起诉"
        "结果维持结果纠正其他结果尚未审结总计结果维持结果纠正其他结果尚未审结总计000000000000000"
        "五、存在的主要问题及改进情况无。六、其他需要报告的事项无。",
        {"review.upheld": (0, "inferred"), "litigation_after_review.total": (0, "inferred")},
        "one-line dump: part 四's captions run together (over 60 characters, no sentence) are not prose "
        "that ends the table; the fifteen zeros are its cells",
    ),
    Case(
        "pdftotext-part4-block-order",
        doc(
            "一、总体情况补充\n政府信息公开行政复议 351 件，其中结果维持 72 件，结果纠正 64 件，其他结果 178 件，尚未审结 37 件。\n",
            P4,
            "行政复议\n\n行政诉讼\n\n未经复议直接起诉\n结果\n\n维持\n\n总计\n\n72\n\n64\n\n178\n\n37\n\n结 果\n\n复议后起诉\n\n"
            "尚未\n\n12\n\n1\n\n1\n\n6\n\n总计\n\n351\n\n维持\n\n纠正\n\n13\n\n4\n\n8\n\n1\n\n26\n\n总计\n\n20\n",
            title=TITLE.replace("一、总体情况\n", ""),
        ),
        {
            "review.total": (351, "inferred"),
            "review.upheld": (72, "inferred"),
            "litigation_direct.total": (26, "doubtful"),
            "litigation_after_review.upheld": (12, "doubtful"),
        },
        "huaian plain pdftotext: part 四's value row in block order (72 64 178 37 | 12 1 1 6 | 351 | 13 4 8 1 26 | "
        "20); regrouped by R4, groups in the order of their 总计; the narrative proves the 复议 group only",
        findings=("part4_regrouped",),
    ),
    Case(
        "pdftotext-part2-column-by-column",
        doc(
            "二、主动公开政府信息情况\n第二十条第（一）项\n信息内容\n规章\n行政规范性文件\n第二十条第（八）项\n信息内容\n行政事业性收费\n\n"
            "本年制发件数\n1\n8\n\n本年废止件数\n0\n26\n\n现行有效件数\n11\n66\n\n本年收费金额（单位：万元）\n96171.6\n"
        ),
        {
            "active.fees.amount": (96171.6, "inferred"),
            "active.regulations.issued": (1, "inferred"),
            "active.normative_documents.repealed": (26, "inferred"),
        },
        "plain pdftotext of a LibreOffice PDF prints part 二 label column first, then each column: the numbers "
        "after 行政事业性收费 follow another block's caption (本年制发件数) and are not its own (was a silent 1); "
        "each column's numbers are read under its caption instead",
    ),
    Case(
        "glued-row-large-numbers",
        doc(P3, "（一）予以公开128821005031362（二）部分公开（区分处理的，只计这一情44770000454形，不计其他情形）\n"),
        {
            A + "granted.natural_person": (1288, "inferred"),
            A + "granted.legal_service_agency": (50, "inferred"),
            A + "granted.total": (1362, "inferred"),
            A + "partly_granted.natural_person": (447, "inferred"),
            A + "partly_granted.total": (454, "inferred"),
        },
        "huaian's rows glued as a crawler would: fifteen digits for seven cells have thousands of cuttings, "
        "but only one where 总计 reads as the sum of the six before it; the label wrapped around its "
        "digits is not a parenthesised aside",
        findings=("glued_digits",),
    ),
    Case(
        "glued-part4-one-run",
        doc(P4, "行政复议行政诉讼总计000000000021205\n"),
        {"review.upheld": (0, "inferred"), "litigation_after_review.upheld": (2, "inferred"), "litigation_after_review.total": (5, "inferred")},
        "part 四 as one run of fifteen digits: a leading 0 is a cell of its own and each group's 总计 must read "
        "as the sum of its four, so 21205 is 2 1 2 0 | 5 and nothing else",
    ),
    Case(
        "flattened-label-less-rows-and-inline-page-numbers",
        doc(
            "二、主动公开政府信息情况 — 1 — 第二十条第（一）项 信息内容 规章 1 0 2 ",
            P3.strip(),
            " 4.无正当理由大量反复申请 1 0 0 0 0 0 1 0 0 0 0 0 0 0 行政机关不再处理其政府信息公 40 1 0 0 2 0 43 （六）其 "
            "2.申请人逾期未按收费通知要求 他处理 府信息公开申请 — 2 — 缴纳费用、 行政机关不再处理其政 0 0 0 0 0 0 0 "
            "3.其他 264 12 0 0 0 0 276 （七）总计 1139 48 0 0 4 0 1191\n",
        ),
        {
            A + "not_processed.excessive_repeated.total": (1, "ok"),
            A + "not_processed.reconfirmation.total": (0, "inferred"),
            A + "other_processing.overdue_correction.natural_person": (40, "inferred"),
            # its label found with the pieces of （六）其他处理 beside it left out ("他处理")
            A + "other_processing.unpaid_fee.total": (0, "ok"),
            A + "other_processing.miscellaneous.total": (276, "ok"),
        },
        "shanghai's text flattened to one paragraph: row 4 runs on into the label-less row 5 (14 numbers on "
        "one line: this row and a whole row more), the running page numbers '— 1 —', '— 2 —' sit inside lines",
        findings=("rows_placed_by_order",),
    ),
    Case(
        "glued-run-holding-two-rows-is-doubtful",
        doc(P3, "4.无正当理由大量反复申请10000010000000行政机关不再处理其政府信息公4010020433.其他2641200002761\n"),
        {
            A + "not_processed.excessive_repeated.natural_person": (..., "doubtful"),
            A + "not_processed.excessive_repeated.total": (..., "doubtful"),
        },
        "shanghai as a one-line dump: row 4's digits run into the label-less row 5's ('10000010000000', 1 0 0 0 "
        "0 0 1 | 0 … 0); cut into a few cells more and dropped, only zeros satisfy R3, which proves nothing "
        "(was 0 inferred, truly 1)",
    ),
    Case(
        "layout-part4-blank-dropped",
        doc(
            P4,
            "行政复议                     行政诉讼\n\n"
            "结果   结果   其他   尚未   总计   未经复议直接起诉                 复议后起诉\n"
            "维持   纠正   结果   审结\n"
            "                         结果   结果   其他   尚未   总计   结果   结果   其他   尚未   总计\n"
            "                         维持   纠正   结果   审结        维持   纠正   结果   审结\n\n"
            "0    1    1    0    2    1    0    0    0    1    0    0    0         0\n",
        ),
        {
            "litigation_after_review.pending": (None, "inferred"),
            "litigation_after_review.total": (0, "inferred"),
            "review.total": (2, "inferred"),
        },
        "pdftotext -layout of a borderless PDF drops part 四's blank 尚未审结 cell; the header's first-line words "
        "(结果, 其他, 尚未, 总计) stand over the fifteen columns, on two lines",
        findings=("columns_from_positions",),
    ),
    Case(
        "pdftotext-column-by-column-all-zero",
        doc(
            "二、主动公开政府信息情况\n第二十条第（一）项\n信息内容\n规章\n行政规范性文件\n第二十条第（五）项\n信息内容\n行政许可\n\n"
            "本年制发件数\n1\n8\n\n本年废止件数\n0\n26\n\n现行有效件数\n11\n66\n\n本年处理决定数量\n447\n",
            P3,
            "一、本年新收政府信息公开申请数量\n二、上年结转政府信息公开申请数量\n（一）予以公开\n（七）总计\n\n申请人情况\n自然人\n"
            + "\n".join(["0"] * (25 * 7)) + "\n总计\n" + "\n".join(["0"] * 11) + "\n",
            P4,
            "行政复议\n结果\n维持\n" + "\n".join(["0"] * 4) + "\n",
        ),
        {
            "active.regulations.repealed": (0, "inferred"),
            "active.normative_documents.in_force": (66, "inferred"),
            "active.licensing.decisions": (447, "inferred"),
            A + "new_received.natural_person": (0, "inferred"),
            A + "withheld.state_secret.total": (0, "inferred"),
            A + "other_processing.unpaid_fee.total": (0, "inferred"),
            A + "other_processing.total.total": (None, "missing"),
            "litigation_after_review.total": (0, "inferred"),
        },
        "plain pdftotext of a LibreOffice PDF prints tables column by column: part 二's columns are read "
        "under their captions; parts 三 and 四 hold nothing but zeros, one per cell of the template with "
        "（六） as three rows (175 + 15), some of part 四's before its heading, so every cell is 0",
        findings=("columns_from_captions", "all_zero_tables"),
    ),
    Case(
        "oneline-vertical-label-and-page-number-inside-rows",
        doc(
            P3,
            "1.属于国家秘密2000002三、本2.其他法律行政法规禁止公开301000031年3.危及“三安全一稳定”5000005度办"
            "1.本机关不掌握相关政府信息7461200101769-4-法提供2.没有现成信息需要另行制作110000011改进的-5-地方\n",
        ),
        {
            A + "withheld.prohibited_by_law.natural_person": (30, "inferred"),
            A + "withheld.prohibited_by_law.total": (31, "inferred"),
            A + "unavailable.not_held.natural_person": (746, "inferred"),
            A + "unavailable.not_held.total": (769, "inferred"),
        },
        "huaian as a one-line dump: the vertical label 三、本年度办理结果 puts 年 right after a row's digits (a run "
        "of nine digits is no year), and the page numbers -4-, -5- stand between digits and text",
    ),
    Case(
        "flattened-vertical-label-year-after-total",
        doc(P3, "1.属于国家秘密 2 0 0 0 0 0 2 三、本 2.其他法律行政法规禁止公开 30 1 0 0 0 0 31 年 3.危及“三安全一稳定” 5 0 0 0 0 0 5 度办\n"),
        {A + "withheld.prohibited_by_law.total": (31, "ok"), A + "withheld.security_stability.total": (5, "ok")},
        "huaian flattened: the vertical label 三、本年度办理结果 leaves 年 after a row's 总计; '31 年 3.' is no "
        "date (not a year, a digit follows), '2024 年' still is",
    ),
    Case(
        "glued-part4-narrative-lawsuits",
        doc(
            "一、总体情况补充\n政府信息公开行政复议 351 件，其中结果维持 72 件；政府信息公开行政诉讼 46 件，其中结果维持 25 件，结果纠正 5 件。\n",
            P4,
            "行政复议行政诉讼总计72641783735113481261211620\n",
            title=TITLE.replace("一、总体情况\n", ""),
        ),
        {"litigation_after_review.upheld": (12, "inferred"), "litigation_after_review.pending": (6, "inferred"), "review.total": (351, "inferred")},
        "huaian's part 四 as one run of 26 digits: several cuttings satisfy R4 (12 1 1 6 | 20 or 1 2 1 16 | 20); "
        "the narrative's lawsuits (46, 维持 25) are 直接起诉 + 复议后起诉 column by column and pick one",
    ),
    Case(
        "w3m-box-drawing-table",
        doc(
            P4,
            "┌──────┬──────┬──────┬──────┬──────┬──────┬──────┬──────┬──────┬──────┬──────┬──────┬──────┬──────┬──────┐\n"
            "│结果  │结果  │其他  │尚未  │总计  │ 结果 │ 结果 │ 其他 │ 尚未 │ 总计 │ 结果 │ 结果 │ 其他 │ 尚未 │ 总计 │\n"
            "├──────┼──────┼──────┼──────┼──────┼──────┼──────┼──────┼──────┼──────┼──────┼──────┼──────┼──────┼──────┤\n"
            "│ 0    │ 1    │ 1    │ 0    │ 2    │ 1    │ 0    │ 0    │ 0    │ 1    │ 0    │ 0    │ 0    │      │ 0    │\n"
            "└──────┴──────┴──────┴──────┴──────┴──────┴──────┴──────┴──────┴──────┴──────┴──────┴──────┴──────┴──────┘\n",
        ),
        {"litigation_after_review.pending": (None, "blank"), "litigation_after_review.total": (0, "ok"), "review.total": (2, "ok")},
        "w3m -dump draws tables with box-drawing borders: they are cell borders like a pipe table's, so the "
        "empty 尚未审结 cell stays in its column",
    ),
    Case(
        "markdown-and-html-cell-line-breaks",
        doc(
            "二、主动公开政府信息情况\n第二十条第（一）项\n\n| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |\n|---|---|---|---|\n"
            "| 规章 | 22 | 22<br>（其中修订16件） | 235 |\n"
            "<table><tr><td>行政规范性文件</td><td>34</td><td>55<br/>（含自然失效29件）</td><td>189</td></tr></table>\n"
        ),
        {
            "active.regulations.repealed": (22, "ok"),
            "active.regulations.in_force": (235, "ok"),
            "active.normative_documents.repealed": (55, "ok"),
            "active.normative_documents.in_force": (189, "ok"),
        },
        "PDF-to-markdown converters keep an annotated cell whole with <br> (a pipe cell, or an HTML cell on a "
        "one-line table): the break stays inside the cell instead of splitting the row",
    ),
    Case(
        "glued-thousands-groups-are-not-numbers",
        doc(P4, "行政复议 行政诉讼\n0 0 1 9991,000 1,00110 0 0 1,011 0 0 0 0 0\n"),
        {"review.pending": (999, "inferred"), "review.total": (1000, "inferred"), "litigation_direct.upheld": (1001, "inferred"),
         "litigation_direct.corrected": (10, "inferred")},
        "hypothesis, aligned layout: 999 glued to 1,000 and 1,001 to 10; '9991,000' and '1,00110' are no "
        "well-formed numbers (read before as 9991000 and 1,001 + 10, with review.total 1001 ok); the comma "
        "stays inside one cell of the cutting and R4 picks 999 | 1,000 and 1,001 | 10 (was: doubtful)",
    ),
    Case(
        "html-table-one-tag-a-line",
        doc(
            P3,
            "<table>\n<thead>\n<tr class=\"header\">\n<th>自然人</th>\n<th>商业<br />\n企业</th>\n</tr>\n</thead>\n<tbody>\n"
            "<tr class=\"odd\">\n<td colspan=\"3\">一、本年新收政府信息公开申请数量</td>\n"
            + "".join(f"<td>{v}</td>\n" for v in (3, 1, 0, 0, 0, 0, 4))
            + "</tr>\n<tr class=\"even\">\n<td colspan=\"3\">二、上年结转政府信息公开申请数量</td>\n"
            + "".join(f"<td>{v}</td>\n" for v in (0, 0, 0, 0, 0, 0, 0))
            + "</tr>\n</tbody>\n</table>\n",
        ),
        {
            A + "new_received.natural_person": (3, "ok"),
            A + "new_received.total": (4, "ok"),
            A + "carried_over.commercial_enterprise": (0, "ok"),
        },
        "pandoc -t gfm writes tables with merged cells as HTML, one tag a line: the line breaks between tags "
        "are no text (read as rows, every cell got a blank after it: 257 silent errors on the DOCX fixtures)",
    ),
    Case(
        "markitdown-merged-pipe-cells",
        "| 平潭综合实验区 | 2022 年政府信息公开工作年度报告 |     |     |     |\n| ------- | ------------------ | --- | --- | --- |\n"
        "一、总体情况\n2022年，平潭综合实验区做好政府信息公开工作。\n" + P3
        + "| 一、本年新收政府信息公开申请数量 |     | 71 3 | 0 0 | 0 0 | 74  |\n"
        "| 二、上年结转政府信息公开申请数量 |     | 1 0  | 0 0 | 0 0 | 1   |\n"
        "| 三、 （一）予以公开       |     | 21 0 |     | 0 0 | 21  |\n" + END,
        {
            A + "new_received.natural_person": (71, "ok"),
            A + "new_received.total": (74, "ok"),
            A + "granted.natural_person": (..., "doubtful"),
            A + "granted.research_institution": (..., "doubtful"),
        },
        "markitdown's PDF tables merge columns into one pipe cell ('| 71 3 | 0 0 |'); where a row has blanks "
        "its empty pipe cells are no evidence of where (was granted.natural_person blank and research 0, both "
        "confident and wrong); the title set in table cells still gives the organ",
        organ="平潭综合实验区",
    ),
    Case(
        "pdftotext-bands-column-by-column",
        doc(_bands_text()),
        {
            A + "new_received.natural_person": (3001, "inferred"),
            A + "partly_granted.total": (447, "inferred"),
            A + "not_processed.petition_complaint.natural_person": (56, "inferred"),
            A + "other_processing.overdue_correction.total": (67, "inferred"),
            A + "carried_forward.total": (103, "inferred"),
        },
        "plain pdftotext of a LibreOffice PDF: part 三's labels, then bands of 4, 12, 4, 1, 1 and 3 rows each "
        "printed column by column, the first two interleaved; read back band by band, every 总计 adding up",
        findings=("columns_from_bands",),
    ),
    Case(
        "row-numbers-in-brackets-or-circled",
        doc(P3, "（1）信访举报投诉类申请\t16\t0\t0\t0\t0\t0\t16\n（2）重复申请\t17\t0\t0\t0\t0\t0\t17\n"
            "③要求提供公开出版物\t18\t0\t0\t0\t0\t0\t18\n"),
        {
            A + "not_processed.petition_complaint.total": (16, "ok"),
            A + "not_processed.duplicate.natural_person": (17, "ok"),
            A + "not_processed.publication.total": (18, "ok"),
        },
        "sub-rows numbered （2） or ③ instead of 2.: the bracketed ordinal is the label's, not a cell (a "
        "change to asides this session made it a number; found by a table of numbering variants)",
    ),
    Case(
        "fuzzy-label-starting-on-the-label-before",
        doc(P3, "3.补正后申請内容仍不明确\t15\t0\t0\t0\t0\t0\t15\n1.信访举报投诉类申請\t16\t0\t0\t0\t0\t0\t16\n"
            "2.重复申請\t17\t0\t0\t0\t0\t0\t17\n3.要求提供公開出版物\t18\t0\t0\t0\t0\t0\t18\n"),
        {
            A + "not_processed.petition_complaint.natural_person": (16, "ok"),
            A + "not_processed.duplicate.natural_person": (17, "ok"),
            A + "not_processed.duplicate.total": (17, "ok"),
        },
        "labels matched only by rapidfuzz (here with traditional 請/開): 2.重复申请's best alignment began on the 請 "
        "that ends the label before, so both rows stood on one token and 2.重复申请 took row 1's numbers with status ok",
    ),
    Case(
        "oneline-title-run-into-body",
        "后河镇人民政府2021年政府信息公开工作年度报告一、总体情况根据《条例》要求，编制本报告。" + P3.strip()
        + "一、本年新收政府信息公开申请数量00000000" + END.replace("\n", ""),
        {A + "new_received.natural_person": (0, "inferred"), A + "new_received.total": (0, "inferred")},
        "seed 001 as a one-line dump: the title ends at 报告 inside one long line; eight glued zeros "
        "for seven columns (the seed's rows carry an extra 0) are cut into eight cells and one dropped",
        organ="后河镇人民政府",
    ),
    Case(
        "detached-annotated-cells",
        doc(
            "二、主动公开政府信息情况\n第二十条第（一）项\n22\n（其中修订 16 件）\n55\n（含自然失效 29 件）\n第二十条第（五）项\n信息内容本年处理决定数量\n行政许可 0\n"
            "| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |\n|---|---|---|---|\n| 规章 | 22 | 235 |\n|---|---|---|\n| 行政规范性文件 | 34 | 189 |\n"
        ),
        {
            "active.regulations.repealed": (22, "inferred"),
            "active.regulations.in_force": (235, "inferred"),
            "active.normative_documents.repealed": (55, "inferred"),
            "active.normative_documents.in_force": (189, "inferred"),
        },
        "shanghai md: the converter detached the two annotated 废止 cells before the table; their notes (修订, 失效) name "
        "the 本年废止件数 column, one for each row that lacks one cell",
        findings=("detached_cells",),
    ),
    Case(
        "detached-cells-note-names-no-column",
        doc(
            "二、主动公开政府信息情况\n第二十条第（一）项\n22\n（其中市级 16 件）\n55\n（其中区级 29 件）\n第二十条第（五）项\n信息内容本年处理决定数量\n行政许可 0\n"
            "| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |\n|---|---|---|---|\n| 规章 | 22 | 235 |\n|---|---|---|\n| 行政规范性文件 | 34 | 189 |\n"
        ),
        {"active.regulations.in_force": (None, "doubtful"), "active.normative_documents.repealed": (189, "doubtful")},
        "the same shredding, but the notes name no column: nothing says where the loose numbers belong, so the "
        "rows stay doubtful",
    ),
]


def _loose_labels_md() -> str:
    """Part 三 as a PDF-to-markdown converter shredded the kewei report (shared corpus
    shanghai-kewei-2024.md): most rows are pipe rows with their label, but block （四）'s labels are
    loose lines printed above its label-less rows, the last label next to the wrong row, and a lone
    number (a cell lifted out of 结转's row) stands between two blocks."""
    from govdisclosure import schema

    rows = [r for r in schema.load().app_rows_for("2021") if r.key != "other_processing.total"]
    vals = {r.key: [0] * 7 for r in rows}
    def put(key: str, nat: int, com: int) -> None:
        vals[key] = [nat, com, 0, 0, 0, 0, nat + com]
    put("new_received", 32, 2); put("carried_over", 2, 0); put("granted", 9, 0)
    put("withheld.internal_affairs", 1, 0); put("unavailable.not_held", 4, 0); put("unavailable.needs_creation", 6, 0)
    put("other_processing.overdue_correction", 8, 2); put("other_processing.miscellaneous", 4, 0)
    put("total_processed", 32, 2); put("carried_forward", 2, 0)
    out = []
    for r in rows:
        cells = " | ".join(str(v) for v in vals[r.key])
        if r.key == "unavailable.not_held":
            out.append("（四）无\n法提供\n1.本机关不掌握相关政\n府信息\n2.没有现成信息需要另\n行制作")
        if r.key.startswith("unavailable."):
            if r.key == "unavailable.unclear_after_correction":
                pass
            out.append(f"| {cells} |\n|---|---|---|---|---|---|---|")
            if r.key == "unavailable.not_held":
                out.append("3.补正后申请内容仍不\n明确")
            continue
        if r.key == "carried_forward":
            out.append("2")
            cells = " | ".join(str(v) for v in vals[r.key][:6]) + " | "
        out.append(f"| {r.label} | {cells} |")
    return P3 + "| 申请人情况 | 自然人 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | 总计 |\n|---|---|---|---|---|---|---|---|\n" + "\n".join(out) + "\n"


def _numbers_above_labels() -> str:
    """Part 三 as pdfplumber prints a block whose labels wrap: block （四）'s numbers stand on the line
    above each label, the group label （四）无法提供 between them (the issue-12 shape
    '10 0 0 0 0 0 10 / 1.本机关不掌握相关政府信息 / （四）无法提供 / 3 0 0 0 0 0 3 / 2.没有现成…')."""
    from govdisclosure import schema

    rows = [r for r in schema.load().app_rows_for("2021") if r.key != "other_processing.total"]
    vals = {r.key: [0] * 7 for r in rows}
    for key, nat, com in (("new_received", 20, 2), ("granted", 5, 1), ("unavailable.not_held", 10, 0),
                          ("unavailable.needs_creation", 3, 1), ("other_processing.miscellaneous", 2, 0), ("total_processed", 20, 2)):
        vals[key] = [nat, com, 0, 0, 0, 0, nat + com]
    out = []
    for r in rows:
        nums = " ".join(map(str, vals[r.key]))
        if r.key.startswith("unavailable."):
            out += [nums, r.label] + (["（四）无法提供"] if r.key == "unavailable.not_held" else [])
        else:
            out.append(f"{r.label} {nums}")
    return P3 + "\n".join(out) + "\n"


ISSUE12: list[Case] = [
    Case(
        "detached-cells-whose-rows-are-not-short",
        doc(
            "二、主动公开政府信息情况\n第二十条第（一）项\n22\n（其中修订 16 件）\n55\n（含自然失效 29 件）\n第二十条第（五）项\n信息内容本年处理决定数量\n行政许可 0\n"
            "| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |\n|---|---|---|---|\n| 规章 | 22 | 235 235 |\n|---|---|---|\n| 行政规范性文件 | 34 | 189 |\n"
        ),
        {"active.regulations.repealed": (235, "doubtful"), "active.regulations.in_force": (235, "doubtful")},
        "a mutation of the shanghai md shredding (the probe that repeats one printed number): 规章's row reads three "
        "numbers, so the annotated cells could not go back, and 235 came out ok under 本年废止件数 where the "
        "loose 22 whose note names that column belongs. (The row shows one cell more than 行政规范性文件 beside "
        "it, with no sum to say which is the extra: wider_than_table doubts it before the loose cells do)",
        findings=("wider_than_table",),
    ),
    Case(
        "glued-negative-change",
        doc(
            "二、主动公开政府信息情况 第二十条第（五）项信息内容上一年项目数量本年增/减处理决定数量行政许可35-157"
            "第二十条第（八）项信息内容上一年项目数量本年增/减行政事业性收费35-15"
            "三、收到和处理政府信息公开申请情况",
            title="平潭综合实验区2020年政府信息公开工作年度报告\n一、总体情况\n2020年，做好政府信息公开工作。\n",
        ),
        {"active.fees.previous": (35, "ok"), "active.fees.change": (-15, "ok")},
        "pingtan-2020 crawler text: '行政事业性收费35-15' is 35 | -15 — the minus opens the 本年增/减 cell; it "
        "was dropped and 15 came out ok",
        edition="2019",
    ),
    Case(
        "glued-negative-ambiguous",
        doc(
            "二、主动公开政府信息情况 第二十条第（六）项信息内容上一年项目数量本年增/减处理决定数量行政处罚2648-18538"
            "行政强制000三、收到和处理政府信息公开申请情况",
            title="平潭综合实验区2020年政府信息公开工作年度报告\n一、总体情况\n2020年，做好政府信息公开工作。\n",
        ),
        {"active.penalty.previous": (2648, "ok"), "active.penalty.change": (..., "doubtful"), "active.penalty.decisions": (..., "doubtful")},
        "pingtan-2020: '2648-18538' is 2648 | -18 | 538 in the source; -185 | 38 cuts as well, so the cells after "
        "the sign are doubtful, and a negative number only ever stands in 本年增/减",
        edition="2019",
    ),
    Case(
        "markitdown-wide-pipe-row-short-of-a-number",
        doc("二、主动公开政府信息情况\n第⼆⼗条第（⼀）项\n"
            "|     | 信息内容    | 本年制发件数 |     |     | 本年废⽌件数 |     |     | 现⾏有效件数 |     |\n"
            "| --- | ------- | ------ | --- | --- | ------ | --- | --- | ------ | --- |\n"
            "|     | 规章      |        | 11  |     |        | 16  |     | 1243   |     |\n"
            "|     | ⾏政规范性⽂件 |        |   |     |        | 5   |     | 64     |     |\n"),
        {
            "active.normative_documents.issued": (..., "doubtful"),
            "active.normative_documents.repealed": (..., "doubtful"),
        },
        "a mutation of synth seed 3131 (markitdown of a Chromium PDF; the probe that loses one printed number): "
        "本年制发件数 left blank in a pipe table whose every column spreads over several, most of them empty. "
        "The row's empty cells between its numbers were taken for its blanks, the ones before them for a merged "
        "label, so 5 | (blank) | 64 came out ok. A row of cells far wider than the table, short of numbers, is "
        "read by its numbers alone",
        findings=("missing_cells",),
    ),
    Case(
        "markitdown-pipe-row-three-cells-wider-short-of-a-number",
        doc("二、主动公开政府信息情况\n第二十条第（六）项\n"
            "|     | 信息内容 | 上一年项目数量 |      |     | 本年增/减 |     | 处理决定数量 |\n"
            "| --- | ---- | ------- | ---- | --- | ----- | --- | ------ |\n"
            "|     | 行政处罚 |         | 1332 |     | 44    |     |   |\n"
            "|     | 行政强制 |         | 126 |     | 26    |     | 29  |\n", title="某市人民政府2020年政府信息公开工作年度报告\n"),
        {"active.penalty.change": (..., "doubtful"), "active.penalty.decisions": (..., "doubtful")},
        "a mutation of synth seed 3138 (markitdown of a LibreOffice PDF; the probe that loses one printed "
        "number): 处理决定数量 left blank in a row of eight cells for three columns read 1332 | (blank) | 44, ok "
        "(the numbers stand under no caption of the header either)",
        edition="2019",
    ),
    Case(
        "extra-cells-dropped-by-the-sum-from-a-run-of-zeros",
        _snippet("synth-217.lo-pdf.pdfminer.txt"),
        {
            f"{A}total_processed.natural_person": (..., "inferred"),
            f"{A}total_processed.legal_service_agency": (..., "inferred"),
        },
        "synthesizer v6 (seed 217), a LibreOffice PDF through pdfminer: most of part 三's rows lost their labels "
        "and （七）总计 took the run of '0 件 … 12 件 …' after it, more numbers than columns. The one placement "
        "whose sum holds (12 under 总计) was taken, and its 0s under 自然人, 社会公益组织 and 法律服务机构 stayed "
        "ok because every placement has a 0 there — a different 0 each. Where the placements give the row other "
        "values, a cell whose number the sum chose is inferred",
    ),
    Case(
        "lxml-a-cell-a-line-is-read-in-its-order",
        _snippet("synth-1.word-html.lxml.txt"),
        {
            f"{A}granted.natural_person": (261, "ok"),
            f"{A}granted.total": (344, "ok"),
            "review.total": (4, "ok"),
            "active.licensing.decisions": (9496, "ok"),
        },
        "synthesizer v6 (seed 1), the Word page through lxml text_content: every cell on a line of its own, "
        "indented alike. Numbers of different widths have different centres, so each row's numbers stood "
        "'on interleaved lines' and 175 of 198 cells came out doubtful (wrapped_row_order); lynx's centred "
        "cells and its flowing lines the same. Numbers one a line, or lines that each start at the left "
        "margin, are read in their order",
        edition="2019",
    ),
    Case(
        "python-docx-merged-cell-repeated-beside-a-blank",
        doc("二、主动公开政府信息情况\n第二十条第（九）项\t第二十条第（九）项\t第二十条第（九）项\t第二十条第（九）项\n"
            "信息内容\t采购\n项目数量\t采购总金额\t采购总金额\n政府集中采购\t\t788700\t788700\n",
            title="某某县人民政府2020年政府信息公开工作年度报告\n一、总体情况\n2020年，做好政府信息公开工作。\n"),
        {"active.procurement.projects": (..., "doubtful"), "active.procurement.amount": (788700.0, "ok")},
        "a mutation of synth seed 3096's DOCX through python-docx (the probe that loses one printed number): "
        "采购项目数量 left blank beside 采购总金额, a merged cell that python-docx prints in each grid column it "
        "spans. The empty cell was taken for a merged label cell and 788700 | 788700 filled the row, ok. Equal "
        "neighbours may be one merged cell: where no sum tells, the cells the two readings place otherwise are "
        "doubtful",
        edition="2019",
    ),
    Case(
        "glued-row-whose-lost-blank-may-be-its-first-cell",
        doc("二、主动公开政府信息情况 第二十条第（六）项信息内容上一年项目数量本年增/减处理决定数量行政处罚12627 11460行政强制 0  14503"
            "第二十条 第（八）项信息内容上一年项目数量本年增/减行政事业性收费 35 -15 三、收到和处理政府信息公开申请情况",
            title="某某县人民政府2020年政府信息公开工作年度报告\n一、总体情况\n2020年，做好政府信息公开工作。\n"),
        {"active.coercion.previous": (0, "doubtful"), "active.coercion.decisions": (..., "doubtful"),
         "active.fees.previous": (35, "ok")},
        "a mutation of synth seed 3114's CMS page through lxml (the probe that loses one printed number): "
        "'行政强制 0  14503' cut 0 | 14 | 503 with every cutting agreeing on the 0, ok; but read as two cells the "
        "row may have lost a blank 上一年项目数量, and the 0 be its 本年增/减. A cell keeps its status only where "
        "every reading with a cell lost gives it too (a negative stands only in 本年增/减: '433-226,943' keeps 433)",
        edition="2019",
    ),
    Case(
        "signed-change-below-the-previous-count",
        doc(
            "二、主动公开政府信息情况\n第二十条第（六）项\n信息内容 上一年项目数量 本年增/减 处理决定数量\n"
            "行政处罚 2648 -18538 538\n行政强制 126 26 29\n",
            title="某某县人民政府2020年政府信息公开工作年度报告\n一、总体情况\n2020年，做好政府信息公开工作。\n",
        ),
        {"active.penalty.previous": (..., "doubtful"), "active.penalty.change": (..., "doubtful"),
         "active.penalty.decisions": (538, "ok"), "active.coercion.change": (26, "ok")},
        "a mutation of pingtan-2020 (the probe that loses or repeats one printed number): -18 glued to the 538 "
        "beside it, then 538 again, filled the row's three columns, so -18538 came out ok. 2648 - 18538 leaves "
        "this year's count below zero: a cell was misread",
        edition="2019",
        findings=("negative_count",),
    ),
    Case(
        "signed-words",
        doc(
            "二、主动公开政府信息情况\n第二十条第（五）项\n信息内容\t上一年项目数量\t本年增/减\t处理决定数量\n行政许可\t40\t减少15\t7\n"
            "其他对外管理服务事项\t10\t-3\t5\n",
            title="某某县人民政府2020年政府信息公开工作年度报告\n一、总体情况\n2020年，做好政府信息公开工作。\n",
        ),
        {"active.licensing.change": (-15, "ok"), "active.other_services.change": (-3, "ok")},
        "2019 edition: a decrease printed as 减少15 or -3 is negative",
        edition="2019",
    ),
    Case(
        "dash-mark-is-no-sign-in-a-merged-cell-row",
        doc(
            "二、主动公开政府信息情况\n第二十条第（八）项\t第二十条第（八）项\t第二十条第（八）项\t第二十条第（八）项\n"
            "信息内容\t上一年\n项目数量\t本年增/减\t本年增/减\n行政事业性收费\t-\t36\t36\n",
            title="某某县人民政府2020年政府信息公开工作年度报告\n一、总体情况\n2020年，做好政府信息公开工作。\n",
        ),
        {"active.fees.previous": (..., "doubtful"), "active.fees.change": (36, "doubtful")},
        "synthesizer (seed 438), DOCX through python-docx: 本年增/减 a cell merged over two grid columns, "
        "printed twice; the placement that keeps the not-applicable mark '-' in 上一年项目数量 was "
        "refused as a negative number in an unsigned column, so 36 | 36 came out ok",
        edition="2019",
    ),
    Case(
        "loose-labels-above-label-less-rows",
        doc(_loose_labels_md()),
        {
            A + "unavailable.not_held.natural_person": (4, "inferred"),
            A + "unavailable.needs_creation.total": (6, "inferred"),
            A + "unavailable.unclear_after_correction.total": (0, "inferred"),
            A + "carried_forward.total": (2, "inferred"),
        },
        "shanghai-kewei-2024.md: block （四）'s labels are loose lines above its label-less rows and '3.补正后…' "
        "stands next to （四）2's row; the rows between the labels that stand on their rows fill the template "
        "rows in order, the only reading that places every number and keeps R1–R3 (was: （四）3 = 6, ok). "
        "The lone '2' goes into the one blank cell the sums give it (结转 总计)",
        findings=("rows_placed_by_order", "detached_cells"),
    ),
    Case(
        "not-a-report-letter",
        "关于2014年政府信息公开申请的答复\n张三：\n你于2014年3月5日向本机关提出的政府信息公开申请收悉。根据《中华人民共和国"
        "政府信息公开条例》的规定，现答复如下：你申请公开的政府信息不属于本机关公开职责权限范围。\n某某县人民政府办公室\n2014年3月20日\n",
        {A + "new_received.total": (None, "absent")},
        "a 2014 reply letter that mentions 政府信息公开 but is no report came out as edition legacy; now None",
        findings=("no_report_found",),
    ),
    Case(
        "numbers-above-wrapped-labels",
        doc(_numbers_above_labels()),
        {
            A + "unavailable.not_held.natural_person": (10, "inferred"),
            A + "unavailable.needs_creation.total": (4, "inferred"),
            A + "unavailable.unclear_after_correction.total": (0, "inferred"),
        },
        "issue 12, kind 1: pdfplumber prints a wrapped row's numbers on the line above its label; each run "
        "of numbers went to the label after it and two rows swapped, ok.  Read three ways, only the "
        "numbers-above reading places every row and number and keeps R1–R3",
        findings=("rows_placed_by_order",),
    ),
    Case(
        "part2-numbers-above-labels",
        doc(
            "二、主动公开政府信息情况\n第二十条第（一）项\n本年新\n本年新\n信息内容\n制作数量\n公开数量 对外公开总数量\n13\n13\n524\n规章\n"
            "60\n60\n368\n规范性文件\n第二十条第（五）项\n信息内容\n上一年项目数量 本年增/减 处理决定数量\n0\n0\n0\n行政许可\n",
            title="上海市人民政府办公厅2019年政府信息公开工作年度报告\n一、总体情况\n2019年，做好政府信息公开工作。\n",
        ),
        {
            "active.regulations.made": (13, "inferred"),
            "active.regulations.total_published": (524, "inferred"),
            "active.normative_documents.made": (60, "inferred"),
            "active.normative_documents.total_published": (368, "inferred"),
        },
        "issue 12, kind 4: shanghai-office-2019 printed by Chromium, plain pdftotext: each block's numbers "
        "stand above its label, and 规章 took 规范性文件's 60 60 368, ok; only the numbers-above reading "
        "places every row of the block",
        edition="2019",
    ),
    Case(
        "glued-thousands-chain-and-sign",
        doc(
            "二、主动公开政府信息情况 第二十条第（五）项信息内容上一年项目数量本年增/减处理决定数量行政许可243-550"
            "其他对外管理服务事项1,0336219,385第二十条第（六）项信息内容上一年项目数量本年增/减处理决定数量行政处罚433-226,943"
            "行政强制000三、收到和处理政府信息公开申请情况",
            title="安吉县人民政府2020年政府信息公开工作年度报告\n一、总体情况\n2020年，做好政府信息公开工作。\n",
        ),
        {
            "active.other_services.previous": (1033, "inferred"),
            "active.other_services.decisions": (..., "doubtful"),
            "active.penalty.previous": (433, "ok"),
            "active.penalty.change": (..., "doubtful"),
            "active.penalty.decisions": (..., "doubtful"),
        },
        "synthesizer (seed 509, CMS HTML crawler dump): two thousands numbers in one glued run "
        "('1,0336219,385' = 1,033 | 62 | 19,385) and a sign before one ('433-226,943' = 433 | -22 | 6,943): "
        "19,385 came out 385 and -226,943 whole, ok",
        edition="2019",
    ),
    Case(
        "pandoc-escaped-mark",
        doc(P3, "| 1.属于国家秘密 | 5 | \\- | 0 | 3 | 0 | 0 | 8 |\n"),
        {A + "withheld.state_secret.commercial_enterprise": (None, "not_applicable"), A + "withheld.state_secret.total": (8, "ok")},
        "synthesizer (seed 109, DOCX through pandoc gfm): a cell's mark '-' is written '\\-'; it was text, the "
        "row lost a cell and shifted (other_org = the 总计, ok)",
    ),
    Case(
        "glued-marks-in-crawler-text",
        doc(
            "二、主动公开政府信息情况 第二十条第（一）项信息内容本年新制作数量本年新公开数量对外公开总数量规章——21——规范性文件27————"
            "第二十条第（五）项信息内容上一年项目数量本年增/减处理决定数量行政许可1106-7——其他对外管理服务事项1346393480"
            "第二十条第（六）项信息内容上一年项目数量本年增/减处理决定数量行政处罚175————行政强制653——12950"
            "三、收到和处理政府信息公开申请情况",
            title="某某县人民政府2020年政府信息公开工作年度报告\n一、总体情况\n2020年，做好政府信息公开工作。\n",
        ),
        {
            "active.regulations.published": (21, "ok"),
            "active.licensing.change": (-7, "ok"),
            "active.licensing.decisions": (None, "not_applicable"),
            "active.penalty.previous": (..., "doubtful"),
            "active.coercion.decisions": (12950, "ok"),
        },
        "synthesizer (seed 166, CMS crawler dump): '——' marks run into labels and numbers; '1106-7——其他…' "
        "lost its mark (-7 went to 处理决定数量, ok) and '175————行政强制' was cut 1 | 7 | 5, inferred.  A mark "
        "after a number and before a label is a cell; dashes against a label or runs of marks leave the row doubtful "
        "(but '规章——21——': marks between a label and a number are cells, since crawler-mark-between-a-label-and-a-number-is-a-cell)",
        edition="2019",
    ),
    Case(
        "pdftotext-part4-among-captions",
        doc('四、政府信息公开行政复议、行政诉讼情况\n结\n果\n维\n持\n24\n\n309\n2\n\n行政复议\n行政诉讼\n结 其 尚 总\n未经复议直接起诉\n果 他 未 计 结 结 其 尚 总 结\n纠 结 审\n果 果 他 未 计 果\n正 果 结\n维 纠 结 审\n维\n持 正 果 结\n持\n-\n\n16\n\n-\n\n40\n\n2\n\n10\n\n7\n\n6\n\n25\n\n8\n\n16\n197\n-\n\n复议后起诉\n结 其 尚 总\n果 他 未 计\n纠 结 审\n正 果 结\n12\n\n7\n\n4\n\n31\n\n'),
        {"review.corrected": (..., "doubtful"), "review.total": (..., "doubtful"), "litigation_direct.total": (..., "doubtful")},
        "synthesizer (seed 83, Chromium print, plain pdftotext): part 四's numbers among pieces of its captions, marks "
        "('-') making R4 unassessable: 309 | 2 | 16 came out ok for 纠正 | 其他 | 总计",
    ),
    Case(
        "pdftotext-part2-stacked-labels",
        doc("二、主动公开政府信息情况\n" + '第二十条第（一）项\n本年制发件数\n本年废止件数\n\n规章\n行政规范性文件\n\n16\n63\n\n90\n42\n\n' + "第二十条第（五）项\n信息内容\n行政许可\n"),
        {"active.normative_documents.issued": (..., "doubtful"), "active.normative_documents.in_force": (..., "doubtful")},
        "synthesizer (seed 36, LibreOffice print, plain pdftotext): '规章 / 行政规范性文件 / 16 63 / 90 42' — the labels "
        "stacked, the block printed column by column: 行政规范性文件 took 16 | 63 | 90, ok",
    ),
    Case(
        "pdftotext-row-among-captions",
        doc('三、收到和处理政府信息公开申请情况\n（本列数据的勾稽关系为：\n第一项加第二项之和，等于 自然人\n第三项加第四项之和）\n商业\n企业\n本年新收政府信息公开申请 35978 333\n数量\n\n—\n\n申请人情况\n法人或其他组织\n科研 社会 法律\n机构 组织 服务\n机构\n104\n\n20\n\n105\n\n其他\n175\n\n总计\n36715\n\n\x0c' + "二、上年结转政府信息公开申请数量\n"),
        {A + "new_received.public_interest_org": (..., "doubtful"), A + "new_received.total": (..., "doubtful")},
        "synthesizer (seed 157, Chromium print, plain pdftotext): row 一's numbers among the column captions "
        "('35978 333 / 数量 / — / 申请人情况 / 科研 / … / 总计 / 36715'): its 总计 came out 175, ok",
    ),
    Case(
        "page-number-under-a-row",
        doc(P3 + '（七）总计 1624 — — — — —\n5\n结转下年度继续办理 272 — — — — —\n'),
        {A + "total_processed.total": (..., "doubtful")},
        "synthesizer (seed 149, LibreOffice print, pdfplumber): '（七）总计 1624 — — — — — / 5': a page number under a "
        "row whose 总计 is blank became the 总计, ok",
    ),
    Case(
        "row-short-of-a-cell-keeps-off-the-next-row",
        doc(
            P3,
            "2.没有现成信息需要另行制作\t2,459\t14\t5\t10\t-\t-\t\n"
            "3.补正后申请内容仍不明确\t-\t65\t4\t-\t37\t-\n"
            "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信\t89\t71\t11\t-\t32\t20\n\n"
            "（五）不予处理\t1.信访举报投诉类申请\t1,911\t33\t2\t2\t15\t18\t\n",
        ),
        {A + "unavailable.unclear_after_correction.total": (..., "doubtful")},
        "synthesizer (seed 83, Chromium print read by parse_file): a row that lost its blank 总计 cell took the first "
        "number of the next row of cells (89, ok); a row of cells short of one no longer borrows from a full row",
    ),
    Case(
        "glued-thousands-in-crawler-part2",
        doc(
            "二、主动公开政府信息情况 第二十条第（一）项信息内容本年新制作数量本年新公开数量对外公开总数量规章41551,086规范性文件234365"
            "第二十条第（八）项信息内容上一年项目数量本年增/减行政事业性收费1,49659"
            "三、收到和处理政府信息公开申请情况",
            title="某某县人民政府2020年政府信息公开工作年度报告\n一、总体情况\n2020年，做好政府信息公开工作。\n",
        ),
        {
            "active.regulations.made": (..., "doubtful"),
            "active.regulations.total_published": (..., "doubtful"),
            "active.fees.previous": (1496, "inferred"),
            "active.fees.change": (59, "inferred"),
        },
        "synthesizer, CMS HTML through lxml text_content / a crawler: '41551,086' is 41 | 55 | 1,086 and "
        "'1,49659' is 1,496 | 59; the comma was text between two runs, so 41551 and 1 | 49659 came out ok",
        edition="2019",
    ),
    Case(
        "w3m-wrapped-label-beside-group-label",
        doc(P3 + '   │        ├────────┬────────┼────────┼────────┼─────────┼────────┼────────┼────────┼────────┤\n   │        │（三）不│1.属于国│  300   │   50   │    -    │   4    │   13   │   -    │  367   │\n   │        │ 予公开 │ 家秘密 │        │        │         │        │        │        │        │\n   │        │        ├────────┼────────┼────────┼─────────┼────────┼────────┼────────┼────────┤\n   │        │        │   2.   │  186   │   45   │   11    │   9    │   14   │   -    │  265   │\n   │        │        │其他法律│        │        │         │        │        │        │        │\n   │        │        │法规禁止│        │        │         │        │        │        │        │\n   │        │        │  公开  │        │        │         │        │        │        │        │\n   │        │        │ 法案卷 │        │        │         │        │        │        │        │\n   │        │        ├────────┼────────┼────────┼─────────┼────────┼────────┼────────┼────────┤\n   │        │        │属于行政│  312   │   51   │    -    │   11   │   23   │   -    │  397   │\n   │        │        │查询事项│        │        │         │        │        │        │        │\n   │        ├────────┼────────┼────────┼────────┼─────────┼────────┼────────┼────────┼────────┤\n   │        │（四）无│ 1.本机 │   61   │   11   │    -    │   -    │   34   │   16   │  122   │\n   │        │ 法提供 │关不掌握│        │        │         │        │        │        │        │\n   │        │        │相关政府│        │        │         │        │        │        │        │\n   │        │        │  信息  │        │        │         │        │        │        │        │\n   │        │        ├────────┼────────┼────────┼─────────┼────────┼────────┼────────┼────────┤\n   │        │        │没有现成│   85   │   52   │    -    │   7    │   33   │   8    │  185   │\n   │        │        │信息需要│        │        │         │        │        │        │        │\n   │        │        │另行制作│        │        │         │        │        │        │        │\n   │        │        ├────────┼────────┼────────┼─────────┼────────┼────────┼────────┼────────┤' + "\n"),
        {
            A + "withheld.state_secret.total": (367, "ok"),
            A + "withheld.prohibited_by_law.natural_person": (186, "ok"),
            A + "withheld.prohibited_by_law.total": (265, "ok"),
            A + "unavailable.not_held.natural_person": (61, "ok"),
            A + "unavailable.not_held.public_interest_org": (None, "not_applicable"),
            A + "unavailable.not_held.total": (122, "ok"),
        },
        "synthesizer, Word HTML through w3m: the wrapped row label '1.本机|关不掌握|…' streams interleaved with "
        "the vertical group label ('(四)无1.本机法提供关不掌握…'), the fuzzy match started at 关 and the row "
        "took the blank continuation lines (blank, silent); '2.' alone on a cell's first line was read as a 2",
    ),
    Case(
        "crawler-run-of-marks-between-numbers",
        doc(P3, "一、本年新收政府信息公开申请数量364-----364二、上年结转政府信息公开申请数量2429-----2429三、"),
        {
            A + "new_received.natural_person": (364, "ok"),
            A + "new_received.commercial_enterprise": (None, "not_applicable"),
            A + "new_received.other_org": (None, "not_applicable"),
            A + "new_received.total": (364, "ok"),
            A + "carried_over.total": (2429, "ok"),
        },
        "synthesizer (seed 553), Word HTML through a crawler: five '-' cells glued between two numbers; the "
        "last dash was read as a minus ('-364' in 商业企业, 总计 empty). A run of one-character marks is a "
        "cell a character, and a minus never follows another dash",
    ),
    Case(
        "crawler-mark-glued-before-the-next-label",
        doc(
            "二、主动公开政府信息情况 第二十条第（六）项信息内容上一年项目数量本年增/减处理决定数量行政许可1,257-35-"
            "其他对外管理服务事项40-3-三、收到和处理政府信息公开申请情况",
            title="平潭综合实验区2020年政府信息公开工作年度报告\n一、总体情况\n2020年，做好政府信息公开工作。\n",
        ),
        {"active.licensing.previous": (1257, "inferred"), "active.licensing.change": (-35, "ok"),
         "active.licensing.decisions": (None, "not_applicable"), "active.other_services.change": (-3, "ok")},
        "synthesizer (seed 645), Word HTML through a crawler: the '-' of a blank 处理决定数量 glued to the next "
        "row's label ('-35-其他对外…') was read as part of the label, and -35 cut -3 | 5 to fill the row, "
        "inferred. A run of one-character marks after a number is a cell a character up to the next label too",
        edition="2019",
    ),
    Case(
        "crawler-unchecked-cut-that-also-reads-as-fewer-cells-is-doubtful",
        doc(
            "二、主动公开政府信息情况 第二十条第（六）项信息内容上一年项目数量本年增/减处理决定数量行政许可1,257-35"
            "其他对外管理服务事项40-3三、收到和处理政府信息公开申请情况",
            title="平潭综合实验区2020年政府信息公开工作年度报告\n一、总体情况\n2020年，做好政府信息公开工作。\n",
        ),
        {"active.licensing.change": (..., "doubtful"), "active.licensing.decisions": (..., "doubtful")},
        "the same row with its blank cell gone (a crawler of a report that leaves blanks empty): '-35' cut "
        "-3 | 5 fills the row, but -35 with a blank lost reads as well, and no sum says which",
        edition="2019",
    ),
    Case(
        "order-reading-of-a-part2-block-that-leaves-a-mark-out-is-no-proof",
        doc(
            "二、主动公开政府信息情况\n第二十条第（五）项\n| | 信息内容 | 上一年项目数量 | 本年增/减 | 处理决定数量 |\n| --- | --- | --- | --- | --- |\n"
            "| | 行政许可 | 15 | 3 | 60 |\n| 其他对外管理服务事项 | | 20 | 4 | 70 |\n"
            "第二十条第（六）项\n| | 信息内容 | | 上一年项目数量 | | | 本年增/减 | | | 处理  |\n| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |\n决定数量\n"
            "| | 行政处罚 | | 517 | | 42 | | | / |\n| --- | --- | --- | --- | --- | --- | --- | --- | --- |\n"
            "| | | | 670 | | 16 | | | 13891 |\n行政强制\n第二十条第（八）项\n",
            title="岚皋县人民政府2020年政府信息公开工作年度报告\n一、总体情况\n2020年，做好政府信息公开工作。\n",
        ),
        {"active.penalty.change": (..., "doubtful"), "active.penalty.decisions": (..., "doubtful")},
        "synthesizer (seed 546), Chromium PDF through markitdown: 行政强制 printed below its row; the reading that "
        "gives it the numbers above it places every row, but it read 行政处罚's row 517 | blank | 42 and left its "
        "'/' out; part 二 has no sums, so that reading was the only evidence, and 42 came out 处理决定数量, "
        "inferred. A reading that leaves a number or mark of the block out of its cells proves nothing",
        edition="2019",
    ),
    Case(
        "header-columns-hold-on-their-page-only",
        doc(
            '三、收到和处理政府信息公开申请情况\n'
            '    （本列数据的勾稽关系为：                申请人情况\n'
            '    第一项加第二项之和，等于 自然人           法人或其他组织              总计\n'
            '     第三项加第四项之和）        商业    科研 社会 法律       其他\n'
            '                       企业    机构 组织 服务\n'
            '                                      机构\n'
            '    一、本年新收政府信息公开 3,591\n'
            '        申请数量\n'
            '    上年结转政府信息公开申请 350\n'
            '         数量\n'
            '\x0c'
            '三、本 （一）予以公开       0\n'
            '年度办 （二）部分公开      278\n'
            '理结果 （区分处理的，只\n'
            '    计这一情形，不计\n'
            '      其他情形）\n'
            '    （三） 属于国      56\n'
            '    不予公 家秘密\n'
            '     开 2.其它      311\n'
            '         法律行\n'
            '         政法规\n'
            '         禁止公\n'
            '            开\n'
            '           危及    140\n'
            '         “三安\n'
            '         全一稳\n'
            '           定”\n'
            '          4.保护   123\n'
            '         第三方\n'
            '         合法利\n'
            '            益\n'
            '         属于三     186\n'
            '         类内部\n'
            '         事务信\n'
            '            息\n'
            '         属于四     366\n'
            '         类过程\n'
            '         性信息\n'
            '          7.属于   217\n'
            '         行政执\n'
            '         法案卷\n'
            '          8.属于   174\n'
            '         行政査\n'
            '         询事项\n'
            '    （四） 1.本机     350\n'
            '    无法提 关不掌\n'
            '     供 握相关\n'
            '         的政府\n'
            '           信息\n'
            '         没有现     166\n'
            '         成信息\n'
            '         需要另\n'
            '         行制作\n'
            '          3.补正   251\n'
            '         后申请\n'
            '         内容仍\n'
            '         不明确\n'
            '    （五） 信访举      360\n'
            '    不予处 报投诉\n'
            '\x0c'
            '             理\n'
            '             类申请\n'
            '             2.重复           373\n'
            '              申请\n'
            '             3.要求           288\n'
            '             提供公\n'
            '             开出版\n'
            '               物\n'
            '             4.无正           250\n'
            '             当理由\n'
            '             大量反\n'
            '             复申请\n'
            '             5.要求            0\n'
            '             行政机\n'
            '             关确认\n'
            '             或重新\n'
            '             出具已\n'
            '             获取信\n'
            '               息\n'
            '        （六）其他处理              22\n'
            '         （七）总计              3,911\n'
            '    四、结转下年度继续办理              30\n'
            '\n'
        ),
        {
            A + "not_processed.reconfirmation.natural_person": (0, "doubtful"),
            A + "not_processed.reconfirmation.research_institution": (None, "doubtful"),
            A + "not_processed.publication.natural_person": (288, "doubtful"),
        },
        "synthesizer (seed 599: only 自然人 filled, 总计 blank), Chromium PDF through pdftotext -layout: no row "
        "fills every column, so the header's captions placed the lone numbers; on the next page (after the "
        "form feed) pdftotext lays the table out a few characters further right, and 5.要求行政机关确认…'s 0 "
        "stood under 科研机构, inferred (so did PyMuPDF's layout text, seed 715). The header's columns hold "
        "on its own page only",
    ),
    Case(
        "row-broken-by-a-page-break-label-end-over-empty-cells",
        doc(
            '**三、收到和处理政府信息公开申请情况**\n'
            '\n'
            '|（本列数据的勾稽关系<br>为：第一项加第二项之<br>和，等于第三项加第四项<br>之和）|Col2|申请人情况|Col4|Col5|Col6|Col7|Col8|Col9|\n'
            '|---|---|---|---|---|---|---|---|---|\n'
            '|（本列数据的勾稽关系<br>为：第一项加第二项之<br>和，等于第三项加第四项<br>之和）|（本列数据的勾稽关系<br>为：第一项加第二项之<br>和，等于第三项加第四项<br>之和）|自然人|法人或其他组织|法人或其他组织|法人或其他组织|法人或其他组织|法人或其他组织|总计|\n'
            '|（本列数据的勾稽关系<br>为：第一项加第二项之<br>和，等于第三项加第四项<br>之和）|（本列数据的勾稽关系<br>为：第一项加第二项之<br>和，等于第三项加第四项<br>之和）|自然人|商业企<br>业|科研机<br>构|社会公<br>益组织|法律服<br>务机构|其他|其他|\n'
            '|一、本年新收政府信息公<br>开申请数量|一、本年新收政府信息公<br>开申请数量|388|318|22|78|376|159|1341|\n'
            '|二、上年结转政府信息公<br>开申请数量|二、上年结转政府信息公<br>开申请数量|3924|228|88|-|-|10|4250|\n'
            '|三、本<br>年度办|（一）予以公开|388|-|8|4|7|22|429|\n'
            '|三、本<br>年度办|（二）部分公开|262|-|6|8|26|-|302|\n'
            '\n'
            '                                            - 1 \n'
            '\n'
            '|（本列数据的勾稽关系<br>为：第一项加第二项之<br>和，等于第三项加第四项<br>之和）|Col2|Col3|申请人情况|Col5|Col6|Col7|Col8|Col9|Col10|\n'
            '|---|---|---|---|---|---|---|---|---|---|\n'
            '|（本列数据的勾稽关系<br>为：第一项加第二项之<br>和，等于第三项加第四项<br>之和）|（本列数据的勾稽关系<br>为：第一项加第二项之<br>和，等于第三项加第四项<br>之和）|（本列数据的勾稽关系<br>为：第一项加第二项之<br>和，等于第三项加第四项<br>之和）|自然人|法人或其他组织|法人或其他组织|法人或其他组织|法人或其他组织|法人或其他组织|总计|\n'
            '|（本列数据的勾稽关系<br>为：第一项加第二项之<br>和，等于第三项加第四项<br>之和）|（本列数据的勾稽关系<br>为：第一项加第二项之<br>和，等于第三项加第四项<br>之和）|（本列数据的勾稽关系<br>为：第一项加第二项之<br>和，等于第三项加第四项<br>之和）|自然人|商业企<br>业|科研机<br>构|社会公<br>益组织|法律服<br>务机构|其他|其他|\n'
            '|理结果|（区分处理的，<br>只计这一情形，<br>不计其他情形）|（区分处理的，<br>只计这一情形，<br>不计其他情形）||||||||\n'
            '|理结果|（三）<br>不予公<br>开|1.属于<br>国家秘<br>密|340|53|3|-|38|-|434|\n'
            '|理结果|（三）<br>不予公<br>开|2.其他<br>法律行<br>政法规<br>禁止公<br>开|-|27|10|3|31|10|81|\n'
            '|理结果|（三）<br>不予公<br>开|3.危<br>“<br>及三<br>安全一<br>”<br>稳定|212|8|1|-|-|6|227|\n'
            '|理结果|（三）<br>不予公<br>开|4.保护<br>第三方<br>合法权<br>益|-|13|7|-|17|9|46|\n'
            '|理结果|（三）<br>不予公<br>开|5.属于<br>三类内<br>部事务<br>信息|268|10|12|-|19|25|334|\n'
            '|理结果|（三）<br>不予公<br>开|6.属于<br>四类过<br>程性信<br>息|218|35|5|-|29|7|294|\n'
            '|理结果|（三）<br>不予公<br>开|7.属于<br>行政执<br>法案卷|291|46|2|-|-|-|339|\n'
            '|理结果|（三）<br>不予公<br>开|8.属于<br>行政查<br>询事项|4|-|-|7|25|11|47|\n'
            '|理结果|（四）<br>无法提<br>供|1.本机<br>关不掌<br>握相关<br>政府信<br>息|224|44|4|1|3|-|276|\n'
            '|理结果|（四）<br>无法提<br>供|2.没有<br>现成信<br>息需要<br>另行制<br>作|247|-|-|11|32|19|309|\n'
            '|理结果|（四）<br>无法提<br>供|3.补正<br>后申请<br>内容仍<br>不明确|-|4|11|6|35|4|60|\n'
            '|理结果|（五）|1.信访|-|12|9|-|-|-|21|\n'
            '\n'
            '                                            - 2 \n'
            '\n'
            '|（本列数据的勾稽关系<br>为：第一项加第二项之<br>和，等于第三项加第四项<br>之和）|Col2|Col3|申请人情况|Col5|Col6|Col7|Col8|Col9|Col10|\n'
            '|---|---|---|---|---|---|---|---|---|---|\n'
            '|（本列数据的勾稽关系<br>为：第一项加第二项之<br>和，等于第三项加第四项<br>之和）|（本列数据的勾稽关系<br>为：第一项加第二项之<br>和，等于第三项加第四项<br>之和）|（本列数据的勾稽关系<br>为：第一项加第二项之<br>和，等于第三项加第四项<br>之和）|自然人|法人或其他组织|法人或其他组织|法人或其他组织|法人或其他组织|法人或其他组织|总计|\n'
            '|（本列数据的勾稽关系<br>为：第一项加第二项之<br>和，等于第三项加第四项<br>之和）|（本列数据的勾稽关系<br>为：第一项加第二项之<br>和，等于第三项加第四项<br>之和）|（本列数据的勾稽关系<br>为：第一项加第二项之<br>和，等于第三项加第四项<br>之和）|自然人|商业企<br>业|科研机<br>构|社会公<br>益组织|法律服<br>务机构|其他|其他|\n'
            '||不予处<br>理|举报投<br>诉类申<br>请||||||||\n'
            '||不予处<br>理|2.重复<br>申请|107|77|4|-|37|-|225|\n'
            '||不予处<br>理|3.要求<br>提供公<br>开出版<br>物|276|79|-|-|39|-|394|\n'
            '||不予处<br>理|4.无正<br>当理由<br>大量反<br>复申请|308|50|-|2|-|-|360|\n'
            '||不予处<br>理|5.要求<br>行政机<br>关确认<br>或重新<br>出具已<br>获取信<br>息|116|20|10|12|8|20|186|\n'
            '||（六）<br>其他处<br>理|1.申请<br>人无正<br>当理由<br>逾期不<br>补正、<br>行政机<br>关不再<br>处理其<br>政府信<br>息公开<br>申请|316|48|-|5|22|-|391|\n'
            '||（六）<br>其他处<br>理|2.申请<br>人逾期<br>未按收<br>费通知<br>要求缴<br>纳费<br>用、行<br>政机关<br>不再处<br>理其政<br>府信息<br>公开申<br>请|334|-|10|10|6|5|365|\n'
            '||（六）<br>其他处<br>理|3.其他|275|3|4|9|2|23|316|\n'
            '||（七）总计|（七）总计|4186|529|106|78|376|161|5436|\n'
            '|四、结转下年度继续办理|四、结转下年度继续办理|四、结转下年度继续办理|126|17|4|-|-|8|155|\n'
            '\n'
            '**'
        ),
        {
            A + "not_processed.petition_complaint.commercial_enterprise": (..., "doubtful"),
            A + "not_processed.petition_complaint.total": (..., "doubtful"),
        },
        "synthesizer (seeds 806, 808, 844: part 三's caption rows repeated on each page, page numbers in the "
        "footer), LibreOffice PDF through pymupdf4llm: a row broken by a page break, '|理结果|（五）|1.信访|-|12|9|-|-|-|21|' "
        "at the foot of one page and '||不予处理|举报投诉类申请||||||||' after the next page's repeated header; the label "
        "matched the row of empty cells, blank, silent (the numbers were left over). A row of empty cells "
        "alone does not hold its label, and rows of empty cells count among the gaps around numbers left over",
    ),
    Case(
        "caption-rows-repeated-on-the-next-page-split-a-row-label",
        doc(
            '三、收到和处理政府信息公开申请情况\n'
            '\n'
            '（本列数据的勾稽关系                       申请人情况\n'
            '为：第一项加第二项之      自然人             法人或其他组织           总计\n'
            '和，等于第三项加第四项            商业企   科研机 社会公 法律服     其他\n'
            '    之和）                 业     构   益组织 务机构\n'
            '一、本年新收政府信息公      102    61    6    1    3    26   199\n'
            '\x0c'
            ' （本列数据的勾稽关系                      申请人情况\n'
            ' 为：第一项加第二项之      自然人            法人或其他组织           总计\n'
            '和，等于第三项加第四项            商业企   科研机 社会公 法律服     其他\n'
            '     之和）                业     构   益组织 务机构\n'
            '    开申请数量\n'
            '二、上年结转政府信息公      461   147    9   26   112   0    755\n'
            '    开申请数量\n'
            '三、本 （一）予以公开       0     0     0   0     0    0     0\n'
            '年度办 （二）部分公开       0     0     0   0     0    0     0\n'
            '理结果 （区分处理的，\n'
            '     只计这一情形，\n'
            '     不计其他情形）\n'
            '     （三） 1.属于    284    0     0   0     0    0    284\n'
            '     不予公 国家秘\n'
            '      开     密\n'
            '          2.其他    0     0     0   0     0    0     0\n'
            '          法律行\n'
            '          政法规\n'
            '          禁止公\n'
            '            开\n'
            '           3.危    0     0     0   0     0    0     0\n'
            '          及“三\n'
            '          安全一\n'
            '          稳定”\n'
            '          4.保护    0    35     0   2     0    0    37\n'
            '          第三方\n'
            '          合法权\n'
            '            益\n'
            '          5.属于    0     0     0   0    26    0    26\n'
            '          三类内\n'
            '          部事务\n'
            '           信息\n'
            '          6.属于    0     0     0   0     0    0     0\n'
            '          四类过\n'
            '          程性信\n'
            '            息\n'
            '          7.属于    0     0     0   5     0    0     5\n'
            '          行政执\n'
            '          法案卷\n'
            '          8.属于    0     0     0   0    38    0    38\n'
            '          行政查\n'
            '          询事项\n'
            '     （四） 1.本机     0     0     3   8     0    0    11\n'
            '     无法提 关不掌\n'
            '      供   握相关\n'
            '          政府信\n'
            '            息\n'
            '          2.没有    0     0     0   0    37    0    37\n'
            '          现成信\n'
            '          息需要\n'
            '          另行制\n'
            '            作\n'
            '\x0c'
            ' （本列数据的勾稽关系                          申请人情况\n'
            ' 为：第一项加第二项之   自然人                   法人或其他组织                      总计\n'
            '和，等于第三项加第四项        商业企           科研机 社会公 法律服              其他\n'
            '     之和）             业            构   益组织 务机构\n'
            '         3.补正   0    47           0    12   0              20     79\n'
            '         后申请\n'
            '         内容仍\n'
            '         不明确\n'
            '     （五） 1.信访   0    0            0      0          0      0      0\n'
            '     不予处 举报投\n'
            '      理  诉类申\n'
            '           请\n'
            '         2.重复   0    0            0      0          0      0      0\n'
            '          申请\n'
            '         3.要求   0    0            0      0         14      0      14\n'
            '         提供公\n'
            '         开出版\n'
            '           物\n'
            '         4.无正   0    68           11     0          0      0      79\n'
            '         当理由\n'
            '         大量反\n'
            '         复申请\n'
            '         5.要求  141   0            0      0          0      6     147\n'
            '         行政机\n'
            '         关确认\n'
            '         或重新\n'
            '         出具已\n'
            '         获取信\n'
            '           息\n'
            '     （六）其他处理   138   58           0      0          0      0     196\n'
            '      （七）总计    563  208           14     27        115     26    953\n'
            '四、结转下年度继续办理     0    0            1      0          0      0      1\n'
        ),
        {
            A + "new_received.natural_person": (102, "ok"),
            A + "new_received.total": (199, "ok"),
            A + "carried_over.total": (755, "ok"),
        },
        "synthesizer (seed 849: part 三's caption rows repeated at the top of each page, as Word's 'repeat as "
        "header row' prints them), LibreOffice PDF through pdftotext -layout: the first row broke over the page, "
        "'一、本年新收政府信息公 102 … 199' / the caption rows again / '开申请数量', and the label was not found "
        "(the row missing). Caption lines printed again after the table's first number are dropped, so the "
        "label's lines meet",
    ),
    Case(
        "aligned-number-wrapped-in-its-narrow-cell",
        doc(
            "三、收到和处理政府信息公开申请情况\n\n"
            "（本列数据的勾稽关系                     申请人情况\n"
            "为：第一项加第二项之      自然人           法人或其他组织             总计\n"
            "和，等于第三项加第四项             商业企    科研   社会公   法律服   其他\n"
            "    之和）                   业    机构   益组织   务机构\n"
            "一、本年新收政府信息公      1475    385   62    39    27   108   1537\n"
            "   开申请数量           6                                    7\n"
            "二、上年结转政府信息公      908    128    12   53    135   25    1261\n"
            "   开申请数量\n"
        ),
        {
            A + "new_received.natural_person": (14756, "inferred"),
            A + "new_received.other_org": (108, "inferred"),
            A + "new_received.total": (15377, "inferred"),
            A + "carried_over.total": (1261, "ok"),
        },
        "synthesizer (seed 768: large numbers), LibreOffice PDF through pdftotext -layout: 14756 and 15377 "
        "wrap in their narrow cells, the tails '6' and '7' a line below under the label's rest; the row "
        "did not add up as printed and was doubtful (1475 | … | 1537). With the tails joined it does: as "
        "for the texts without positions, the tails are joined where the row's sum says",
    ),
    Case(
        "bare-page-numbers-above-form-feeds",
        doc(
            "三、收到和处理政府信息公开申请情况\n\n"
            "（本列数据的勾稽关系                       申请人情况\n"
            "为：第一项加第二项之      自然人             法人或其他组织           总计\n"
            "和，等于第三项加第四项            商业企   科研机 社会公 法律服     其他\n"
            "    之和）                 业     构   益组织 务机构\n"
            "一、本年新收政府信息公     3334    12     1      0      2      0     3349\n"
            "   开申请数量\n"
            "二、上年结转政府信息公      479     5     0      0      0      0      484\n"
            "\n\n                             1\n"
            "\f      开申请数量\n"
            "三、本    （一）予以公开     159     0      0      0      0      0      159\n"
            "\n                             2\n"
            "\f年度办    （二）部分公开     364     0      0      0      0      0      364\n"
        ),
        {
            A + "carried_over.natural_person": (479, "ok"),
            A + "carried_over.research_institution": (0, "ok"),
            A + "carried_over.total": (484, "ok"),
        },
        "synthesizer (seed 813: page numbers in the footer, '1', '2' with nothing around them), LibreOffice PDF "
        "through pdftotext -layout: the '1' above the form feed was read as one of 二、上年结转…'s numbers. A "
        "bare number on the last line of a page is a page number when the pages' numbers run on (1, 2, …)",
    ),
    Case(
        "count-unit-printed-apart-from-its-number",
        doc(
            '三、收到和处理政府信息公开申请情况\n'
            '    （本列数据的勾稽关系为：               申请人情况\n'
            '    第一项加第二项之和，等于 自然人          法人或其他组织               总计\n'
            '     第三项加第四项之和）        商业企 科研 社会 法律服 其它\n'
            '                         业 机构 公益 务机构\n'
            '                                组织\n'
            '    一、本年新收政府信息公开 339件 1件 97件 41件 346件 138件          962 件\n'
            '        申请数量\n'
            '    二、上年结转政府信息公开 3396件 513件 0件 25件 0件 0件            3934件\n'
            '        申请数量\n'
            '\x0c'
            '三、本 （一）予以公开     109 件    5件       5   件    5件      3   件    18  件     件\n'
            '                                                                    145\n'
            '年度办 （二）部分公开      79 件    7件       9   件    0件      1   件     0  件     件\n'
            '                                                                     96\n'
            '理结果 （区分处理的，只\n'
            '    计这一情形，不计\n'
            '      其他情形）\n'
            '    （三） 1.属于    53  件    48   件   0   件    0件      21   件   0   件   122  件\n'
            '    不予公 国家秘\n'
            '     开     密\n'
            '         2.其他   228  件   57   件   0   件    8件      0   件    2   件   295  件\n'
            '         法律行\n'
            '         政法规\n'
            '         禁止公\n'
            '           开\n'
            '         3.危及   152  件   36   件   2   件    12  件   28   件   0   件   230  件\n'
            '         “三安\n'
            '         全一稳\n'
            '          定”\n'
            '         4.保护   0件       8件       4   件    0件      35   件   5   件   52件\n'
            '         第三方\n'
            '         合法权\n'
            '           益\n'
            '         5.属于   150  件   2件       3   件    0件      19   件   13  件   187  件\n'
            '         三类内\n'
            '         部事物\n'
            '          信息\n'
            '         6.属于   16  件    12   件   1   件    10  件   0   件    12  件   51件\n'
            '         四类过\n'
            '         程信息\n'
            '         7.属于   218  件   0件       10   件   0件      23   件   15  件   266  件\n'
            '         行政执\n'
            '         法案卷\n'
            '         8.属于   259  件   33   件   11  件    1件      2   件    0   件   306  件\n'
            '         行政査\n'
            '         询事项\n'
            '    （四） 1.本机    330  件   68   件   6   件    4件      25   件   0   件   433  件\n'
            '    无法提 关不掌\n'
            '     供 握相关\n'
            '         的政府\n'
            '          信息\n'
            '         2.没有   209  件   11  件    8   件    0件      9   件    25  件   262  件\n'
            '         现成信\n'
            '         息需另\n'
            '         行制作\n'
            '         3.补正   358  件   22   件   0   件    3件      32   件   0   件   415  件\n'
            '         后申请\n'
            '         内容仍\n'
            '         不明确\n'
            '\x0c'
            '    （五） 1.信访 37件      0件      0   件   0件    0   件   0   件     37件\n'
            '    不予处 举报投\n'
            '     理 诉类申\n'
            '           请\n'
            '         2.重复 219件    0件       件\n'
            '                              12      0件   34件      0件       265件\n'
            '          申请\n'
            '         3.要求 337件   35件      0件      0件   15件      9件       396件\n'
            '         提供公\n'
            '         开出版\n'
            '           物\n'
            '         4.无正 197件   53   件   10  件   7件    4   件   17   件   288   件\n'
            '         当理由\n'
            '         大量反\n'
            '         复申请\n'
            '         5.要求 130件    0件      0   件   2件   36   件   6   件    174   件\n'
            '         行政机\n'
            '         关确认\n'
            '         或重新\n'
            '         出具已\n'
            '         获取信\n'
            '           息\n'
            '    （六） 1.申请 186件    18   件   7   件   9件   31   件   11  件    262   件\n'
            '    其他处 人无正\n'
            '     理 当理由\n'
            '         逾期不\n'
            '         补正、\n'
            '         行政机\n'
            '         关不再\n'
            '         处理其\n'
            '         政府信\n'
            '         息公开\n'
            '          申请\n'
            '         2.申请 84件    69   件   0   件   4件   17   件   1   件    175   件\n'
            '         人逾期\n'
            '         未按收\n'
            '         费通知\n'
            '         要求缴\n'
            '          纳费\n'
            '         用、行\n'
            '         政机关\n'
            '         不再处\n'
            '         理其政\n'
            '         府信息\n'
            '         公开申\n'
            '           请\n'
            '         3.其他 345件     件\n'
            '                       6       9  件    件\n'
            '                                       0    0   件    0  件       件\n'
            '                                                              360\n'
            '     （七）总计 3696件       件\n'
            '                     490      97  件    件\n'
            '                                      65   335  件   134 件       件\n'
            '                                                             4817\n'
            '四、结转下年度继续办理 39件        件\n'
            '                      24       0  件    件\n'
            '                                       1    11  件    4  件       件\n'
            '                                                               79\n'
            '\x0c'
        ),
        {
            A + "not_processed.reconfirmation.natural_person": (130, "ok"),
            A + "not_processed.reconfirmation.total": (174, "ok"),
            A + "other_processing.overdue_correction.natural_person": (186, "ok"),
            A + "other_processing.overdue_correction.total": (262, "ok"),
        },
        "synthesizer (seed 935: every count written '12件'), Chromium PDF through pdftotext -layout: a justified "
        "cell prints '36   件', and the 件 standing apart was read as a label's text, which ended the row: the "
        "rows took the next rows' numbers, ok (14 silent errors in one document). A count's unit after a number "
        "on its line is the number's",
    ),
    Case(
        "wrapped-row-labels-are-no-repeated-captions",
        doc(
            '三、收到和处理政府信息公开申请情况\n'
            '（本列数据的勾稽关系为：第一项加第二项之和\n'
            '，等于第三项加第四项之和）\n'
            '申请人情况\n'
            '自然人\n'
            '法人或其他组织\n'
            '总计\n'
            '商业企业\n'
            '科\n'
            '研\n'
            '机\n'
            '构\n'
            '社\n'
            '会\n'
            '公\n'
            '益\n'
            '组\n'
            '织\n'
            '法\n'
            '律\n'
            '服\n'
            '务\n'
            '机\n'
            '构\n'
            '其他\n'
            '一、本年新收\n'
            '政府信息公开申\n'
            '请数量\n'
            '0 0 0 0 0 0\n'
            '二、上年结转\n'
            '政府信息公开申\n'
            '请数量\n'
            '0 0 0 0 0 0 0\n'
            '三、本年\n'
            '度办理结果\n'
            '（一）予以公开 0 0 0 0 0 0 0\n'
            '（二）部分公开\n'
            '（区分处理的\n'
            '，只计这一情\n'
            '形，不计其他情形）\n'
            '0 0 0 0 0 0 0\n'
            '（三）不予公开\n'
            '1.属于国家秘密 0 0 0 0 0 0 0\n'
            '2.其他法律\n'
            '行政法规禁止公开\n'
            '0 0 0 0 0 0 0\n'
            '3.危及“三\n'
            '安全一稳定”\n'
            '0 0 0 0 0 0 0\n'
            '4.保护第三方合法\n'
            '权益\n'
            '0 0 0 0 0 0 0\n'
            '5.属于三类\n'
            '内部事务信息\n'
            '0 0 0 0 0 0 0\n'
            '6.属于四类过程性\n'
            '信息\n'
            '0 0 0 0 0 0 0\n'
            '7.属于行政执法\n'
            '案卷\n'
            '0 0 0 0 0 0 0\n'
            '8.属于行政查\n'
            '询事项\n'
            '0 0 0 0 0 0 0\n'
            '（四）无法提供\n'
            '1.本机关不掌\n'
            '握相关政府信息\n'
            '0 0 0 0 0 0 0\n'
            '2.没有现成\n'
            '信息需要另行制作\n'
            '0 0 0 0 0 0 0\n'
            '3.补正后申请内容\n'
            '仍不明确\n'
            '0 0 0 0 0 0 0\n'
            '（五）不予处理\n'
            '1.信访举报投诉类\n'
            '申请\n'
            '0 0 0 0 0 0 0\n'
            '2.重复申请 0 0 0 0 0 0 0\n'
            '3.要求提供公开\n'
            '出版物\n'
            '0 0 0 0 0 0 0\n'
            '4.无正当理由大\n'
            '量反复申请\n'
            '0 0 0 0 0 0 0\n'
            '5.要求行政机关\n'
            '确认或重新出\n'
            '具已获取信息\n'
            '0 0 0 0 0 0 0\n'
            '（六）其他处理 0 0 0 0 0 0 0\n'
            '（七）总计 0 0 0 0 0 0 0\n'
            '四、结转下年\n'
            '度继续办理\n'
            '0 0 0 0 0 0 0\n'
        ),
        {
            A + "new_received.natural_person": (..., "doubtful"),
            A + "carried_over.natural_person": (0, "ok"),
            A + "carried_over.total": (0, "ok"),
        },
        "hypothesis (test_dropped_blanks_never_give_silent_errors, spaces): the first row's label wrapped "
        "('一、本年新收' / '政府信息公开申' / '请数量') stands before the table's first number, so its lines "
        "were taken for caption lines, and the next row's label, wrapped the same way, was dropped as a "
        "repeated caption: 二、上年结转… missing and its numbers given to 一 (0, ok, for a blank). Pieces of a "
        "row's wording are no captions",
    ),
    Case(
        "crawler-part-four-with-marks-cut-by-its-sums",
        doc(P4, "行政复议行政诉讼结果维持结果纠正其他结果尚未审结总计未经复议直接起诉复议后起诉结果维持结果纠正其他结果尚未审结总计"
            "结果维持结果纠正其他结果尚未审结总计25--26511163828954-18\n五、存在的主要问题及改进情况\n"),
        {
            "review.upheld": (25, "ok"),
            "review.corrected": (None, "not_applicable"),
            "review.total": (51, "inferred"),
            "litigation_direct.upheld": (..., "doubtful"),
            "litigation_direct.corrected": (..., "doubtful"),
            "litigation_direct.total": (28, "inferred"),
            "litigation_after_review.pending": (None, "not_applicable"),
            "litigation_after_review.total": (18, "ok"),
        },
        "synthesizer (seed 553), a crawler's part 四: digit runs between not-applicable marks; each group's "
        "总计 cuts the run (11 | 6 and 1 | 16 both add up to 28: doubtful)",
        findings=("glued_digits",),
    ),
    Case(
        "vanished-blank-cells-guess-the-total-last",
        doc(P3, "一、本年新收政府信息公开申请数量\n26301\n26301\n二、上年结转政府信息公开申请数量\n3\n5\n8\n三、本年度办理结果\n"),
        {
            A + "new_received.natural_person": (26301, "doubtful"),
            A + "new_received.commercial_enterprise": (None, "doubtful"),
            A + "new_received.total": (26301, "doubtful"),
            A + "carried_over.commercial_enterprise": (5, "doubtful"),
            A + "carried_over.total": (8, "doubtful"),
        },
        "synthesizer (seed 568, only 自然人 and 总计 filled), lxml / lynx / bs4 / pypdf text: the blank cells "
        "vanished, so nothing says which columns the numbers stand in; the guess shown puts the number "
        "that is the sum of the others under 总计 (was: 26301 under 商业企业, 总计 empty). Still doubtful",
        findings=("missing_cells",),
    ),
    Case(
        "layout-label-interleaved-with-its-group-label",
        doc(P3, '                三、本 （一）予以公开                166                                166\n                年度办     （二）部              2935                               2935\n                理结果 分公开（区分处理\n                      的，只计这一情\n                      形，不计其他情\n                         形）\n                      （三） 1.属于            1965                               1965\n                      不予公 国家秘\n                       开      密\n                            2.其他          1681                               1681\n                           法律行\n                           政法规\n                           禁止公\n                              开\n'),
        {
            # (which columns two numbers of seven stand in, the captions above say: not in this excerpt)
            A + "partly_granted.natural_person": (2935, "doubtful"),
            A + "partly_granted.research_institution": (None, "doubtful"),
            A + "partly_granted.total": (2935, "doubtful"),
            A + "withheld.state_secret.natural_person": (1965, "doubtful"),
            A + "withheld.state_secret.total": (1965, "doubtful"),
        },
        "synthesizer (seed 568), Chromium print through pdftotext -layout: the label '1.属于国家秘密' wraps "
        "three characters a line beside the group label '（三）不予公开' ('（三） 1.属于' / '不予公 国家秘' / "
        "'开 密'), no match was found, and its numbers went to 部分公开 (doubtful) with the row missing. "
        "The label is matched with the group label's pieces left out",
    ),
    Case(
        "number-wrapped-in-a-narrow-cell-tails-after-the-row",
        doc(P3 + _snippet("synth-457.lo-pdf.pypdf.part3.txt"), title="某县人民政府2019年政府信息公开工作年度报告\n"),
        {
            A + "new_received.natural_person": (16084, "inferred"),
            A + "new_received.commercial_enterprise": (898, "inferred"),
            A + "new_received.total": (17337, "inferred"),
            A + "carried_over.natural_person": (10173, "inferred"),
            A + "carried_over.commercial_enterprise": (0, "inferred"),
            A + "carried_over.total": (10473, "inferred"),
            A + "granted.total": (107, "ok"),
        },
        "synthesizer (seed 457, five-digit counts), LibreOffice PDF through pypdf: 16084 wraps in its narrow "
        "cell as '1608' / '4', and pypdf prints the tails after the row ('开申请 4 7') or after their head "
        "('1017' / '3'); the tails stood as a label-less row and the row was doubtful. They are joined back "
        "where the row's sum says, inferred",
        findings=("extra_cells",),
    ),
    Case(
        "number-wrapped-in-a-narrow-cell-is-no-join-when-the-row-adds-up",
        doc(P3, "（一）予以公开 1608 898 101 62 105 87 2861\n4 7\n（二）部分公开 0 2 2 12 12 10 38\n"),
        {A + "granted.natural_person": (1608, "doubtful"), A + "granted.total": (2861, "doubtful")},
        "the numbers below a row that adds up as printed are not its tails (left over, they make the rows "
        "around them doubtful, as any label-less numbers do)",
    ),
    Case(
        "crawler-row-with-vanished-blanks-guesses-the-total-last",
        doc(P3, "一、本年新收政府信息公开申请数量2630126301二、上年结转政府信息公开申请数量364364三、本年度办理结果"),
        {
            A + "new_received.natural_person": (26301, "doubtful"),
            A + "new_received.commercial_enterprise": (None, "doubtful"),
            A + "new_received.total": (26301, "doubtful"),
            A + "carried_over.natural_person": (364, "doubtful"),
            A + "carried_over.total": (364, "doubtful"),
        },
        "synthesizer (seed 568, only 自然人 and 总计 filled), a crawler's dump: '2630126301' is 26301 | 26301 "
        "with the blank cells gone; cut into seven cells nothing adds up, and the value shown was an arbitrary "
        "cutting (2 | 6 | 30 | 1 | 26 | 30 | 1). The cutting whose last number is the others' sum is shown, "
        "still doubtful",
        findings=("missing_cells",),
    ),
    Case(
        "html2text-pipe-rows-without-end-pipes",
        doc(P2_2021.replace("\t", "| ") + "规章| —| 66| 549  \n行政规范性文件| 53| | 790  \n",
            P3 + "二、上年结转政府信息公开申请数量| —| 35| 44| 27| 42| 80| 228  \n"),
        {
            "active.regulations.issued": (None, "not_applicable"),
            "active.regulations.repealed": (66, "ok"),
            "active.regulations.in_force": (549, "ok"),
            "active.normative_documents.repealed": (None, "blank"),
            "active.normative_documents.in_force": (790, "ok"),
            A + "carried_over.natural_person": (None, "not_applicable"),
            A + "carried_over.total": (228, "ok"),
        },
        "synthesizer (seed 614), a CMS page through html2text: its tables are pipe rows with no pipe at "
        "either end ('规章| —| 66| 549'), read as space-separated text, where '—|' was no mark: 66 and 549 "
        "moved one column left (doubtful). They are read as pipe rows, cell by cell",
    ),
    Case(
        "cjk-radicals-for-ideographs-in-a-chromium-print",
        doc(P3 + "一、本年新收政府信息公开申请数量\t5\t0\t0\t0\t0\t0\t5\n",
            title="\u2f62肃省\u2f08\u2ea0政府办公厅2021年政府信息公开\u2f2f作年度报告\n一、总体情况\n2021年，做好政府信息公开工作。\n"),
        {A + "new_received.total": (5, "ok")},
        "synthesizer (seeds 682, 691, …), Chromium prints through pdfplumber, pypdf, pdfminer, markitdown: the "
        "font's cmap gives CJK radicals for ideographs ('⽢肃省⼈⺠政府办公厅'); NFKC folds the Kangxi radicals "
        "but not ⺠ (U+2EA0), and the organ came out '甘肃省人⺠政府办公厅'",
        organ="甘肃省人民政府办公厅",
    ),
    Case(
        "crawler-digits-cut-to-fill-a-row-of-marks-are-doubtful",
        doc(P3, "四、结转下年度继续办理55/////\n"),
        {A + "carried_forward.natural_person": (..., "doubtful"), A + "carried_forward.commercial_enterprise": (..., "doubtful")},
        "synthesizer (seed 607, 总计 blank and gone), a crawler's dump: '55/////' is 55 and five marks, a cell "
        "short; 55 was cut 5 | 5 to fill the row, inferred, though the row's sum could not be checked",
    ),
    Case(
        "numbers-above-wrapped-labels-with-marks-on-the-label-lines",
        doc(P3 + _snippet("synth-937.chromium-pdf.pymupdf-layout.part3.txt")),
        {
            A + "withheld.state_secret.public_interest_org": (..., "doubtful"),
            A + "withheld.state_secret.legal_service_agency": (..., "doubtful"),
        },
        "synthesizer (seed 937), Chromium PDF through PyMuPDF's layout text, '－' for 0: each row's numbers "
        "stand a line above its wrapped label. Read by the labels, 国家秘密 took the row above (244 38 4 4 9 23 "
        "322 dropped to fit), and every placement put a 4 under 社会公益组织, ok. The numbers above the labels, "
        "with the marks on each label's line, stand in one order counted in characters and in another counted "
        "in display columns, and the row's sum holds both ways: doubtful",
        findings=("ambiguous_rows",),
    ),
    Case(
        "no-reading-keeps-the-sums-and-another-reads-the-cell-otherwise",
        # (the same text with a 总计 the source got wrong: now no reading keeps the sums)
        doc(P3 + _snippet("synth-937.chromium-pdf.pymupdf-layout.part3.txt").replace(
            "41      12      10      11       2       76", "41      12      10      11       2       77")),
        {
            A + "withheld.state_secret.public_interest_org": (..., "doubtful"),
            A + "withheld.state_secret.legal_service_agency": (..., "doubtful"),
        },
        "synthesizer (seed 937) as above, with one total off by one so that no reading keeps the table's "
        "sums: the board stayed as read by the labels, and its 4 under 社会公益组织, on which every placement "
        "of the wrong row agreed, came out ok though the reading with the numbers above the labels gave it 10",
        findings=("ambiguous_rows",),
    ),
    Case(
        "numbers-above-a-label-whose-marks-stand-on-its-line",
        doc(P3 + _snippet("synth-949.chromium-pdf.pymupdf-layout.part3.txt")),
        {
            A + "granted.commercial_enterprise": (25, "inferred"),
            A + "granted.total": (51, "inferred"),
        },
        "synthesizer (seed 949), Chromium PDF through PyMuPDF's layout text, '无' for 0: a row's numbers "
        "stand a line above its label ('25 4 8 14 51' / '（一）予以公开 无 … 无'), its marks on the label's "
        "line. Read by the labels, 予以公开 took its marks and the next row's numbers ('76 23 99'), whose sum "
        "holds too, and its columns placed them: inferred. The reading with the numbers above the labels "
        "now moves such a label, short of cells on its line, onto the numbers above it",
        findings=("rows_placed_by_order",),
    ),
    Case(
        "label-less-run-on-two-lines-placed-where-it-stands",
        doc(P3 + _snippet("synth-1031.chromium-pdf.pymupdf-layout.part3.txt")),
        {
            A + "unavailable.unclear_after_correction.research_institution": (None, "inferred"),
            A + "unavailable.unclear_after_correction.total": (97, "inferred"),
        },
        "synthesizer (seed 1031), Chromium PDF through PyMuPDF's layout text, '－' for 0: the label "
        "'3.补正后申请内容仍不明确' is broken by a page break and found nowhere; its numbers ('79 18 … 97') "
        "stand a line above its marks ('3.补正 － － － －'), and the run, given to the missing row in "
        "template order, was read in token order: 97 under 科研机构, inferred. Read left to right as it stands",
        findings=("rows_placed_by_order",),
    ),
    Case(
        "label-less-runs-by-order-when-another-run-fits-no-row",
        doc(P3 + _snippet("synth-949.chromium-pdf.pdfminer.part3.txt")),
        {
            A + "not_processed.duplicate.natural_person": (..., "doubtful"),
            A + "not_processed.duplicate.total": (..., "doubtful"),
            A + "other_processing.total.total": (..., "doubtful"),
        },
        "synthesizer (seed 949), Chromium PDF through pdfminer.six's extract_text: its text boxes print "
        "numbers and labels in separate runs. One run of label-less numbers fit no missing rows (left "
        "unused), another, 49 numbers, was cut into the seven rows of one of the gap's two shapes in "
        "template order: one row off, inferred. Where the table's numbers do not keep its rows' order, "
        "template order proves nothing",
        findings=("rows_placed_by_order", "unassigned_values"),
    ),
    Case(
        "readings-agree-on-a-cell-by-chance-in-a-row-they-place-otherwise",
        _snippet("synth-3114.chromium-pdf.pdftotext.txt"),
        {
            f"{A}not_processed.reconfirmation.commercial_enterprise": (..., "doubtful"),
            f"{A}not_processed.reconfirmation.total": (..., "doubtful"),
        },
        "synthesizer (seed 3114), a Chromium PDF through plain pdftotext: part 三 printed a cell a line, with "
        "wrapped labels between. The readings of the table (labels, labels on their rows, numbers above the "
        "labels) gave ⑤'s row different numbers, and its 商业企业 cell 0 in each — a different 0 each time "
        "(the row's is 12) — so that one cell stayed ok. The same value from different numbers, in a row the "
        "readings place otherwise, is no agreement",
        edition="2019",
    ),
    Case(
        "wrapped-numbers-in-a-table-of-marks-whose-totals-are-blank",
        doc(_snippet("synth-149.lo-pdf.pdfium.part3.txt"),
            title="富阳区富春街道办事处关于2020年政府信息公开工作年度报告\n（一）总体情况\n2020年，做好政府信息公开工作。\n"),
        {
            f"{A}withheld.prohibited_by_law.natural_person": (..., "doubtful"),
            f"{A}withheld.prohibited_by_law.commercial_enterprise": (..., "doubtful"),
        },
        "synthesizer (seed 149: only 自然人 filled, the others — , 总计 left blank, full-width digits), a "
        "LibreOffice PDF through PDFium: a four-digit count wraps in its narrow cell ('１２０' / '８' for 1208), "
        "and with the blank 总计 gone the row shows seven tokens for seven columns, 120 | 8 | — …, ok. No row "
        "sum can be checked; the column sums can, but rows of marks alone (doubtful: six for seven columns) "
        "counted as rows left unfilled, and a column sum through an unfilled row says nothing. A row of marks "
        "is filled in",
        edition="2019",
    ),
    Case(
        "part2-number-between-two-labels-of-a-block",
        doc("二、主动公开政府信息情况\n第二十条第（一）项\n信息内容\n本年制发件数\n本年废止件数\n现行有效件数\n34\n58\n944\n规章\n8\n88\n165\n"
            "行政规范性文件\n第二十条第（五）项\n信息内容\n本年处理决定数量\n16514\n行政许可\n第二十条 第（六）项\n信息内容\n本年处理决定数量\n"
            "行政处罚\n5846\n行政强制\n第二十条 第（八）项\n信息内容\n本年收费金额（单位：万元）\n行政事业性收费\n15623.32万元\n"),
        {
            "active.penalty.decisions": (5846, "doubtful"),
            "active.coercion.decisions": (None, "missing"),
            "active.licensing.decisions": (16514, "inferred"),
        },
        "synthesizer (seed 345), a Chromium PDF through plain pdftotext: the numbers stand above their labels, "
        "and 行政处罚's '-' is lost, so 5846 stands between 行政处罚 and 行政强制. The labels' reading gave it to "
        "行政处罚 and the numbers-above reading to 行政强制; neither places every row, and the cell only one "
        "reading read stayed ok. A number that another reading places in another cell is disputed",
    ),
    Case(
        "tab-row-whose-first-value-cell-is-empty",
        doc(_snippet("seed-001.part3.first-cell-emptied.txt")),
        {
            f"{A}granted.natural_person": (..., "doubtful"),
            f"{A}granted.total": (..., "doubtful"),
        },
        "a mutation of seed 001 (the probe that loses one printed number): 予以公开's first value cell emptied "
        "leaves a tab row of a label, two empty cells, six zeros and an empty cell. The table's other rows of "
        "that many cells end on their last value, so the placement that keeps the last empty cell as 总计 "
        "was taken, ok, though those rows are of another shape (sub-rows, their label after an empty group "
        "cell) and the row's sum proves nothing. Rows teach their shape only to rows whose label stands as "
        "far into the row",
    ),
    Case(
        "part4-a-number-too-many-before-a-row-with-empty-cells",
        doc(P4 + "行政复议| 行政诉讼  \n---|---  \n结果维持| 结果纠正| 其他结果| 尚未审结| 总计| 未经复议直接起诉| 复议后起诉  \n"
            "结果维持| 结果纠正| 其他结果| 尚未审结| 总计| 结果维持| 结果纠正| 其他结果| 尚未审结| 总计| 结果维持| 结果纠正| 其他结果| 尚未审结| 总计  \n"
            "5\n5|  |  | 2| 7| 8|  |  | 1| 9|  |  |  |  |    \n  \n"),
        {
            "review.total": (..., "doubtful"),
            "litigation_direct.total": (..., "doubtful"),
            "litigation_after_review.upheld": (9, "doubtful"),
            "litigation_after_review.total": (None, "doubtful"),
        },
        "a mutation of shanghai-office-2019 through html2text (the probe that repeats one printed number): a 5 "
        "too many before the value row shifted every cell one column right; 复议 and 直接起诉 fail R4 with "
        "their empty cells as 0, and 复议后起诉, whose 总计 is empty, took 9, ok",
    ),
    Case(
        "part4-marks-on-a-pipe-row-of-their-own",
        doc(P4 + "|      | 行政复议 |     |     |          |     |     | 行政诉讼 |     |       |     |     |     |\n"
            "| ---- | ---- | --- | --- | -------- | --- | --- | ---- | --- | ----- | --- | --- | --- |\n"
            "| 结 结  | 其 尚  | 总   |     | 未经复议直接起诉 |     |     |      |     | 复议后起诉 |     |     |     |\n"
            "| 果 果  | 他 未  | 计   | 结   | 结        | 其   | 尚   | 总    | 结   | 结     | 其   | 尚   | 总   |\n"
            "| 维 纠  | 结 审  |     | 果   | 果        | 他   | 未   | 计    | 果   | 果     | 他   | 未   | 计   |\n"
            "| 持 正  | 果 结  |     | 维   | 纠        | 结   | 审   |      | 维   | 纠     | 结   | 审   |     |\n"
            "|      |      |     | 持   | 正        | 果   | 结   |      | 持   | 正     | 果   | 结   |     |\n"
            "| 9 28 | 12 7 | 56  |     |          | 11  |     | 11   | 11  | 7     | 5   | 3   | 26  |\n"
            "|      |      |     | －   | －        |     | －   |      |     |       |     |     |     |\n"),
        {
            "litigation_direct.upheld": (None, "not_applicable"),
            "litigation_direct.other": (11, "ok"),
            "litigation_direct.total": (11, "ok"),
            "litigation_after_review.upheld": (11, "ok"),
            "litigation_after_review.total": (26, "ok"),
        },
        "synthesizer (seeds 1008, 1031), Chromium PDF through markitdown: part 四's marks, centred at "
        "another height, make a pipe row of their own under the numbers. Read in token order, 复议后起诉 "
        "took '3 26' and three marks, ok, though 直接起诉's R4 failed. The two rows fill each other's empty "
        "cells: one row, cell by cell",
        findings=("stacked_rows",),
    ),
    Case(
        "markitdown-row-cells-on-a-pipe-row-above-their-label",
        _snippet("synth-1118.chromium-pdf.markitdown.txt"),
        {
            "active.regulations.made": (..., "doubtful"),
            A + "granted.total": (841, "ok"),
            A + "partly_granted.natural_person": (0, "doubtful"),
            A + "partly_granted.commercial_enterprise": (None, "doubtful"),
            A + "partly_granted.total": (None, "doubtful"),
        },
        "synthesizer (seed 1118), Chromium PDF through markitdown: a row's cells centred a line higher "
        "than its label make a pipe row of their own above the label's row, which holds the rest and empty "
        "cells, read as blank: （二）部分公开 ('| 年度办 | | | | 78 | 8 | 0 | 31 | 0 | 117 |' over '| | （二）部分公开 "
        "| | 0 | | | | | |') and 规章 ('| | | | 59 | | 38 |…' between the caption and its label). Numbers left "
        "over before a row whose sum does not confirm it make it doubtful, as after one; so do numbers in no "
        "cell between a part 二 block's caption and its first row",
        findings=("unassigned_values",),
    ),
    Case(
        "header-over-one-filled-column-places-nothing",
        doc(P3 + _snippet("synth-1059.chromium-pdf.pymupdf-layout.part3.txt"), title=TITLE.replace("2021", "2019")),
        {
            A + "withheld.query_matters.natural_person": (215, "doubtful"),
            A + "unavailable.not_held.natural_person": (0, "doubtful"),
            A + "unavailable.not_held.public_interest_org": (None, "doubtful"),
        },
        "synthesizer (seed 1059), Chromium PDF through PyMuPDF's gettext -mode layout: a report that "
        "fills only 自然人, its numbers printed under 社会公益组织's caption. The header's captions placed every "
        "number there, and where both readings of the rows agreed, inferred (215 lost, 0 moved). Values "
        "that all stand under one caption prove nothing of where the captions stand",
    ),
    Case(
        "zero-row-given-a-blank-columns-cell",
        doc(P3 + _snippet("synth-1167.lo-pdf.pymupdf-layout.part3.txt")),
        {
            A + "unavailable.unclear_after_correction.natural_person": (0, "doubtful"),
            A + "unavailable.unclear_after_correction.total": (0, "doubtful"),
        },
        "synthesizer (seed 1167), LibreOffice PDF through PyMuPDF's gettext -mode layout: a report that "
        "leaves 总计 blank; 3.补正后申请内容仍不明确 prints six zeros, and a page break with the repeated "
        "header stands before the next row. The row took a seventh number and its 总计 was 0, ok: a row of "
        "zeros keeps every sum, so its sum confirmed nothing (the seventh zero stands on a later line, left of "
        "the six: the row's lines interleave, and with a number too many that no wrapped tail explains, "
        "reading order is no evidence)",
        findings=("wrapped_row_order",),
    ),
    Case(
        "zero-row-between-rows-short-of-numbers",
        doc(P3 + _snippet("synth-1168.chromium-pdf.pdftotext.part3.txt")),
        {
            A + "carried_over.natural_person": (0, "doubtful"),
            A + "carried_over.research_institution": (0, "doubtful"),
            A + "carried_over.total": (0, "doubtful"),
        },
        "synthesizer (seed 1168), Chromium PDF through plain pdftotext: rows' numbers printed above their "
        "labels ('0 34 1 34 22' / '上年结转政府信息公开申请 0 0 0 0 0 0 0' / '三、本 （一）予以公开'). 上年结转 took "
        "（一）予以公开's seven zeros, ok (34 1 34 22 and 91 are its own), between two rows short of numbers",
        findings=("missing_cells",),
    ),
    Case(
        "full-row-a-mark-and-a-number-off-their-columns",
        doc(P3 + _snippet("synth-1120.lo-pdf.pdftotext-layout.part3.txt")),
        {
            A + "carried_forward.natural_person": (2, "doubtful"),
            A + "carried_forward.commercial_enterprise": (None, "doubtful"),
            A + "carried_forward.total": (6, "doubtful"),
            A + "total_processed.commercial_enterprise": (766, "inferred"),
        },
        "synthesizer (seed 1120), LibreOffice PDF through pdftotext -layout: the PDF's row '/ 2 / / / 4 6' "
        "printed '2   /             /     /          /     4      6', 2 and the first mark both a column or "
        "two left of their own. Read in order, 2 + 4 = 6 held and 2 was 自然人's, ok; a mark counts as no "
        "number in any sum. A full row with a mark is checked against the columns of the table's other "
        "full rows",
        findings=("columns_disagree",),
    ),
    Case(
        "part4-full-width-numbers-wrapped-in-their-cells",
        doc(P4 +
            "|行政复议|Col2|Col3|Col4|Col5|行政诉讼|Col7|Col8|Col9|Col10|Col11|Col12|Col13|Col14|Col15|\n"
            "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n"
            "|结<br>果<br>维<br>持|结<br>果<br>纠<br>正|其<br>他<br>结<br>果|尚<br>未<br>审<br>结|总<br>计|未经复议直接起诉|未经复议直接起诉|未经复议直接起诉|未经复议直接起诉|未经复议直接起诉|复议后起诉|复议后起诉|复议后起诉|复议后起诉|复议后起诉|\n"
            "|结<br>果<br>维<br>持|结<br>果<br>纠<br>正|其<br>他<br>结<br>果|尚<br>未<br>审<br>结|总<br>计|结<br>果<br>维<br>持|结<br>果<br>纠<br>正|其<br>他<br>结<br>果|尚<br>未<br>审<br>结|总<br>计|结<br>果<br>维<br>持|结<br>果<br>纠<br>正|其<br>他<br>结<br>果|尚<br>未<br>审<br>结|总<br>计|\n"
            "|２|０|２<br>１|０|２<br>３|１<br>０|６|１|０|１<br>７|２|０|０|０|２|\n"),
        {
            "review.other": (1, "doubtful"),
            "review.total": (3, "doubtful"),
            "litigation_direct.total": (7, "doubtful"),
            "litigation_after_review.total": (2, "doubtful"),
        },
        "synthesizer (seed 1324), Chromium PDF through pymupdf4llm: full-width digits break anywhere, so "
        "narrow cells wrapped 21 as '２<br>１' and 23 as '２<br>３'. Read as two numbers each, the row had "
        "too many and the placement R4 allowed (2 0 1 0 3) was inferred; 2 0 21 0 23 keeps R4 too. Two "
        "numbers one above the other in one cell make part 四 doubtful, as they made a part 三 row",
        findings=("ambiguous_cells",),
    ),
    Case(
        "full-row-with-a-mark-and-wide-numbers-in-place",
        _snippet("hypothesis-aligned-fullwidth-mark-row.txt"),
        {
            A + "total_processed.natural_person": (None, "not_applicable"),
            A + "total_processed.commercial_enterprise": (0, "ok"),
            A + "total_processed.research_institution": (10000, "ok"),
            A + "total_processed.total": (11000, "ok"),
        },
        "CI (hypothesis, test_every_value_comes_back, layout 'aligned', full-width digits): '（七）总计 / ０ "
        "１００００ １０００ ０ ０ １１０００', every cell in its column. The full-row check measured each "
        "token's centre against the column centres of the full rows, which wide left-aligned numbers "
        "move: a 0 stood a gap off. Only a mark nearer another column than its own makes the row doubtful "
        "(a number off its column breaks a sum instead)",
    ),
    Case(
        "full-row-with-a-mark-and-wide-numbers-in-place-2",
        _snippet("hypothesis-aligned-fullwidth-mark-row-2.txt"),
        {
            A + "new_received.natural_person": (None, "not_applicable"),
            A + "new_received.legal_service_agency": (10000, "ok"),
            A + "new_received.total": (10100, "ok"),
        },
        "CI (hypothesis, seed 11, layout 'aligned', full-width digits): '一、本年新收… / ０ ０ ０ １００００ "
        "１００ １０１００', its 总计 wider than the column model's (3.5 from 其他) allows",
    ),
    Case(
        "part4-spaced-row-a-mark-beside-a-failing-group",
        _snippet("hypothesis-spaces-part4-mark-beside-failing-group.txt"),
        {
            "litigation_direct.upheld": (None, "not_applicable"),
            "litigation_direct.corrected": (0, "ok"),
            "litigation_direct.total": (0, "ok"),
            "review.upheld": (1, "doubtful"),
        },
        "hypothesis (test_altered_cell_makes_its_relations_doubtful, layout 'spaces'): part 四's fifteen "
        "cells on one line, '/' in 直接起诉's first, 复议's R4 broken by one altered cell. As with tabs, a row "
        "that prints every cell as a token of its own keeps its columns",
        findings=("arithmetic_R4",),
    ),
    Case(
        "part4-tab-row-a-mark-beside-a-failing-group",
        doc(P4 + "行政复议\t\t\t\t\t行政诉讼\n"
            "结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t未经复议直接起诉\t\t\t\t\t复议后起诉\n"
            "\t\t\t\t\t结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t结果维持\t结果纠正\t其他结果\t尚未审结\t总计\n"
            "/\t0\t0\t0\t0\t1\t0\t0\t0\t0\t0\t0\t0\t0\t0\n"),
        {
            "review.upheld": (None, "not_applicable"),
            "review.corrected": (0, "ok"),
            "review.total": (0, "ok"),
            "litigation_direct.upheld": (1, "doubtful"),
            "litigation_direct.total": (0, "doubtful"),
            "litigation_after_review.total": (0, "ok"),
        },
        "CI (hypothesis, test_altered_cell_makes_its_relations_doubtful): a tab row of fifteen cells, "
        "'/' in 复议's first, 直接起诉's R4 broken by one altered cell. The rule that doubts a group whose "
        "R4 cannot be checked beside one whose R4 fails (a cell may have moved) doubted 复议's five, "
        "though tabs set off every cell: it holds only where cells can move",
        findings=("arithmetic_R4",),
    ),
    Case(
        "glued-row-a-spaced-number-two-padded-cells",
        doc(P3, "（三）不予公开1.属于国家秘密2813 7910无34 12 29482.其他法律行政法规禁止公开2935 64无  3无  213023"
            "3.危及三安全一稳定33   32 1　820674.保护第三方合法权益  161875 8711 25 1744\n"),
        {
            A + "withheld.security_stability.natural_person": (3, "doubtful"),  # 33
            A + "withheld.security_stability.research_institution": (32, "doubtful"),  # 2
            A + "withheld.security_stability.public_interest_org": (1, "ok"),
            A + "withheld.security_stability.total": (67, "inferred"),
        },
        "synth seed 1411, lxml text_content of CMS HTML whose cells carry padding: '33   32 1　82067' is "
        "33 | 3 | 2 | 1 | 8 | 20 | 67. The cutting kept the spaced 32 whole and read 3 | 3 | 32, which adds up "
        "too; 32 came out ok. In a glued row a space does not prove one cell",
        findings=("glued_digits",),
    ),
    Case(
        "markitdown-mark-above-the-row-grid-disagrees",
        doc("二、主动公开政府信息情况\n第二十条第（一）项\n"
            "|     | 信息内容 | 本年制发件数 |     | 本年废止件数 |     | 现行有效件数 |     |\n"
            "| --- | ---- | ------ | --- | ------ | --- | ------ | --- |\n"
            "/\n"
            "|         | 规章  |     |     | ２１  |     | ５２４  |     |\n"
            "| ------- | --- | --- | --- | --- | --- | ---- | --- |\n"
            "| 行政规范性文件 |     | ６３  |     | ２４  |     | １０８５ |     |\n"),
        {
            "active.regulations.issued": (21, "doubtful"),  # '/'
            "active.regulations.repealed": (None, "doubtful"),  # 21
            "active.regulations.in_force": (524, "ok"),
        },
        "synth seed 1448, markitdown of a Chromium PDF: 规章's '/' printed on a line of its own above the "
        "row, whose pipe row doubles each column. The empty cell between 21 and 524 was read as 废止's blank "
        "and 21 went to 制发, ok, though the header's captions stand over 21 (废止) and 524 (现行). A "
        "placement under the captions that holds every number of the row now stands beside the others",
        findings=("ambiguous_cells",),
    ),
    Case(
        "pdftotext-layout-thousands-wrapped-in-a-narrow-cell",
        doc(P3 + _snippet("synth-1381.lo-pdf.pdftotext-layout.part3.txt"), title="某县人民政府2021年政府信息公开工作年度报告\n"),
        {
            A + "new_received.natural_person": (18723, "inferred"),  # "18,72" / "3"
            A + "new_received.commercial_enterprise": (675, "inferred"),
            A + "new_received.total": (19769, "inferred"),  # "19,76" / "9"
            A + "carried_over.natural_person": (13918, "inferred"),
            A + "carried_over.total": (14186, "inferred"),
        },
        "synth seed 1381, pdftotext -layout of a LibreOffice PDF: a narrow cell wrapped 18,723 as '18,72' "
        "with '3' a line below. The comma split it into 18 | 72, every row with such a number was doubtful, "
        "and R1 could not be checked, which let a row whose first two numbers pdftotext swapped ('16 583' "
        "for 583 | 16) stand ok. A thousands number cut inside its last group is now one number, joined "
        "to the tail its row's sum asks for",
        findings=("extra_cells",),
    ),
    Case(
        "plain-pdftotext-labels-then-numbers-last-row-sum-by-chance",
        doc(P3 + _snippet("synth-1502.chromium-pdf.pdftotext.part3.txt"), title="某县人民政府2021年政府信息公开工作年度报告\n"),
        {
            A + "carried_forward.natural_person": (56, "doubtful"),  # 12
            A + "carried_forward.commercial_enterprise": (0, "doubtful"),  # 0
            A + "carried_forward.public_interest_org": (11, "doubtful"),  # 0
            A + "carried_forward.total": (87, "doubtful"),  # 23
        },
        "synth seed 1502, plain pdftotext of a Chromium PDF: the table's labels in a column, then its "
        "numbers. The seven after the last label, 结转下年度继续办理, were another row's, and 56 + 0 + 0 + 11 + "
        "9 + 11 = 87 held, so six came out ok though 56 more numbers were left over and every other row had "
        "taken too few. More than a row's worth left over after a row, where other rows miscounted, now "
        "makes it doubtful whatever its sum",
        findings=("ambiguous_cells",),
    ),
    Case(
        "pdftotext-running-header-in-a-row-label-broken-by-the-page",
        "        岚皋县官元镇人民政府 2019 年度政府信息公开工作年度报告\n\n岚皋县官元镇人民政府2019年度政府信息公开工作年度报告\n"
        "一、总体情况\n略。\n\f        岚皋县官元镇人民政府 2019 年度政府信息公开工作年度报告\n" + P3
        + _snippet("synth-1449.lo-pdf.pdftotext-layout.part3.txt")
        + "\f                岚皋县官元镇人民政府 2019 年度政府信息公开工作年度报告\n" + END,
        {
            A + "new_received.natural_person": (1836, "ok"),
            A + "new_received.total": (2495, "ok"),
            A + "carried_over.natural_person": (1242, "ok"),
        },
        "synth seeds 1364–1449, pdftotext -layout of LibreOffice PDFs: a page break cut '一、本年新收政府信息公' "
        "from '开申请数量', and between them stood the running header and the table's captions printed "
        "again. The captions were dropped, the header was not, and the row was not found (7 cells missing "
        "in 8 of 100 documents). A line that heads (or ends) every page is page furniture: its text goes",
    ),
    Case(
        "part4-marks-a-line-above-full-width-numbers-wrapped-in-their-cells",
        doc(P4 + _snippet("synth-1551.chromium-pdf.pymupdf-layout.part4.txt")),
        {
            "review.upheld": (None, "doubtful"),  # /
            "review.corrected": (None, "doubtful"),  # 23, printed ２ over ３
            "review.total": (None, "doubtful"),  # 42
        },
        "synth seed 1551, PyMuPDF's layout text of a Chromium PDF: part 四's marks on a line of their own, "
        "its full-width numbers wrapped a digit a line in their narrow cells (２ over ３ for 23), and no "
        "column model from the vertical captions. Read in order, the first five of nineteen tokens were "
        "marks and R4 held on them: 复议's 纠正 came out not applicable for 23. A row on interleaved lines "
        "with a number too many that no wrapped tail explains is doubtful",
        findings=("wrapped_row_order",),
    ),
    Case(
        "pdfium-full-width-digits-a-line-first-seven-add-up-by-chance",
        doc(P3 + _snippet("synth-1681.chromium-pdf.pdfium.part3.txt"), title="某县人民政府2024年政府信息公开工作年度报告\n"),
        {
            A + "unavailable.unclear_after_correction.legal_service_agency": (1, "doubtful"),  # 14
            A + "unavailable.unclear_after_correction.total": (9, "doubtful"),  # 380
        },
        "synth seed 1681, PDFium's text of a Chromium PDF with full-width digits: each narrow cell's number "
        "printed a digit a line, fourteen digits for 331 | 1 | 10 | 9 | 14 | 15 | 380. The row took the "
        "first seven, 3 + 3 + 1 + 1 + 1 + 0 = 9 held, and 9 was 总计's, ok, with seven numbers left over "
        "and the next row whole. A row's worth left over where the next row is not short of numbers is "
        "nobody's either: the row is doubtful whatever its sum",
        findings=("ambiguous_cells",),
    ),
    Case(
        "markitdown-unit-suffixed-cells-grid-wider-than-the-table",
        doc(P3 + _snippet("synth-1799.chromium-pdf.markitdown.part3.txt"), title="某市人民政府2019年政府信息公开工作年度报告\n"),
        {
            A + "new_received.natural_person": (1896, "doubtful"),
            A + "new_received.research_institution": (..., "doubtful"),  # 1896 was put here, ok
            A + "new_received.public_interest_org": (..., "doubtful"),  # 203
            A + "carried_forward.research_institution": (..., "doubtful"),  # 20
            A + "carried_forward.legal_service_agency": (..., "doubtful"),  # 4
            A + "carried_forward.total": (..., "doubtful"),  # blank for 24
        },
        "synth seed 1799, markitdown of a Chromium PDF with cells written '1,896件': its grid is not the "
        "table's (rows of 8 and of 13 cells), so an empty cell says nothing of which column is blank. The "
        "check for a row wider than the table only began a row's cells at a number ending in a digit, "
        "so '20件' never began one, the grid was trusted, and the 8-cell rows put 1896 | 203 under 科研 | "
        "社会, ok (the sum holds in any two columns). A number with a unit begins a row's cells too",
        findings=("missing_cells",),
    ),
    Case(
        "markitdown-part2-row-cells-above-its-label-row",
        doc("二、主动公开政府信息情况\n" + _snippet("synth-1836.chromium-pdf.markitdown.part2.txt"),
            title="某市人民政府2020年政府信息公开工作年度报告\n"),
        {
            "active.coercion.change": (..., "doubtful"),  # 79, on the pipe row above
            "active.coercion.decisions": (..., "doubtful"),  # 17102, on the pipe row above; was blank
        },
        "synth seed 1836, markitdown of a Chromium PDF: 行政强制's 79 | 17102 printed as a label-less pipe "
        "row above its label's row, which holds only its 0; the label-less row was nobody's and "
        "处理决定数量 came out blank. Numbers between two rows of a part 二 block that no cell took make "
        "the row below doubtful (its label may stand under them) and the empty cells of the row above. (The "
        "row of cells far wider than the table, short of numbers, is now read by its numbers alone, and is "
        "doubtful before that: missing_cells)",
        findings=("missing_cells",),
    ),
    Case(
        "markitdown-part2-last-row-cells-below-its-label-row",
        doc("二、主动公开政府信息情况\n第二十条第（六）项\n"
            "|     | 信息内容 | 上一年项目数量 |     | 本年增/减 |     | 处理决定数量 |     |\n"
            "| --- | ---- | ------- | --- | ----- | --- | ------ | --- |\n"
            "|     | 行政处罚 |         | 706 |       | -41 |        | 9333 |\n"
            "|     | 行政强制 |         |  0  |       |     |        |      |\n"
            "|     |      |         |     |       | 79  |        | 17102 |\n"
            "第二十条第（八）项\n", title="某市人民政府2020年政府信息公开工作年度报告\n"),
        {
            "active.coercion.change": (..., "doubtful"),  # 79, on the pipe row below
            "active.coercion.decisions": (..., "doubtful"),  # 17102, on the pipe row below; was blank
        },
        "the case above with the block's last row's cells a pipe row below its label's row (made from "
        "synth seed 1836): numbers after a block's last row that no cell took make its empty cells doubtful "
        "(the row of cells wider than the table, short of numbers, is doubtful before that: missing_cells)",
        findings=("missing_cells",),
    ),
    Case(
        "pdftotext-layout-mark-moved-left-past-the-number-column-sum",
        doc(P3 + _snippet("synth-1764.lo-pdf.pdftotext-layout.part3.txt"), title="某乡人民政府2020年政府信息公开工作年度报告\n"),
        {
            A + "carried_forward.natural_person": (..., "doubtful"),  # 66, read as 无
            A + "carried_forward.commercial_enterprise": (..., "doubtful"),  # 无, read as 66
            A + "carried_forward.total": (66, "ok"),
            A + "new_received.natural_person": (35, "doubtful"),
        },
        "synth seed 1764, pdftotext -layout of a LibreOffice PDF with 无 for 0: 四、结转's '66件  无 … 66件' "
        "printed '无  66 件 … 66 件', the commercial column's mark moved left of the number before it. "
        "Every row sum holds (a mark counts as no number), so 66 came out 商业企业's, ok. R1 down the "
        "column, with marks and empty cells as 0, fails (35 + 157 = 126 + 0): its cells are doubtful",
        findings=("empty_cells_do_not_add_up",),
    ),
    Case(
        "pymupdf-layout-full-width-number-wrapped-row-adds-up-both-ways",
        doc(P3 + _snippet("synth-1984.chromium-pdf.pymupdf-layout.part3.txt"), title="某市人民政府2024年政府信息公开工作年度报告\n"),
        {
            A + "not_processed.publication.natural_person": (..., "doubtful"),  # 2524
            A + "not_processed.publication.total": (..., "doubtful"),  # 2524, read 252, ok
        },
        "synth seed 1984, PyMuPDF's layout text of a Chromium PDF with full-width digits: 3.要求提供公开出版物's "
        "2524 | 0 … | 2524 printed '２５２ ０ ０ ０ ０ ０ ２５２' with the tails '４ ４' a line below, under "
        "the label's rest. 252 = 252 holds as printed, so the tails were never tried, and 总计 came out "
        "252, ok. Tails that make a row add up when joined are weighed against the row as printed, and "
        "where both add up the cells they disagree on are doubtful",
    ),
    Case(
        "lxml-minified-plus-signed-change-glued-to-the-next-cell",
        doc("二、主动公开政府信息情况第二十条第（一）项信息内容本年新制作数量本年新公开数量对外公开总数量规章500132 "
            "规范性文件8526543 第二十条 第（五）项信息内容上一年项目数量本年增/减处理决定数量行政许可1,086+10 1,664 "
            "其他对外管理服务事项842 +62256第二十条第（六）项信息内容上一年项目数量本年增/减处理决定数量行政处罚272 -41 9,001 "
            "行政强制1,323-77 3,876\n", title="某市人民政府2019年度政府信息公开工作年度报告\n"),
        {
            "active.other_services.decisions": (..., "doubtful"),  # 256; read 62256, ok
            "active.other_services.change": (..., "doubtful"),  # +62
        },
        "synth seed 2133, lxml's text_content of a minified CMS page, 2019 edition: 其他对外管理服务事项's "
        "842 | +62 | 256 came out '842 +62256'. The glued reading cut 842 and put +62256 under 处理决定数量, "
        "ok, the plus dropped. A number with a plus sign, like one with a minus, stands only in 本年增/减",
    ),
    Case(
        "lxml-minified-plus-signed-change-glued-to-a-thousands-number",
        doc("二、主动公开政府信息情况第二十条 第（五）项信息内容上一年项目数量本年增/减处理决定数量行政许可314 -20 7,249 "
            "其他对外管理服务事项1,395 +7411,832第二十条第（六）项信息内容上一年项目数量本年增/减处理决定数量行政处罚272 -41 9,001 "
            "行政强制1,323-77 3,876\n", title="某省人民政府2020年度政府信息公开工作年度报告\n"),
        {
            "active.other_services.change": (..., "doubtful"),  # +74; read +7411, ok
            "active.other_services.decisions": (..., "doubtful"),  # 11,832; read 832, ok
        },
        "synth seed 2176, the same converter: 1,395 | +74 | 11,832 came out '1,395 +7411,832'. The comma "
        "of a thousands number glued to the cell before is no number's to the tokenizer, and the comma "
        "cells were merged back only after unsigned digits, so +7411 and 832 filled the row, ok. A signed "
        "run takes its comma and the digits after it too, and is cut with the comma inside one cell",
    ),
    Case(
        "lxml-minified-note-under-part2-its-number-no-cell",
        doc("二、主动公开政府信息情况第二十条第（一）项信息内容本年新制作数量本年新公开数量对外公开总数量规章000规范性文件00598"
            "第二十条第（五）项信息内容上一年项目数量本年增/减处理决定数量行政许可0+550其他对外管理服务事项000第二十条 第（六）项"
            "信息内容上一年项目数量本年增/减处理决定数量行政处罚985016295行政强制002179第二十条 第（八）项信息内容上一年项目数量"
            "本年增/减行政事业性收费669+16第二十条第（九）项信息内容采购项目数量采购总金额政府集中采购61522300"
            "注：规章数据统计截至2019年12月31日，含部门规章3件。\n", title="某市人民政府2019年度政府信息公开工作年度报告\n"),
        {
            "active.procurement.projects": (..., "doubtful"),  # 61; read 61522300, ok
            "active.procurement.amount": (..., "doubtful"),  # 522300; read 3 (the note's 3件), ok
            "active.fees.previous": (669, "ok"),
        },
        "synth seed 2251 with a note under part 二 (real reports print 注：… under their tables), lxml's "
        "text of a minified CMS page: '政府集中采购61522300注：…含部门规章3件。'. The note's 3件 was a cell "
        "like '3件' in a table, so the glued run kept whole and 3 became 采购总金额, ok. A note's numbers, "
        "to its sentence's end, are text",
    ),
    Case(
        "pymupdf-layout-note-under-part3-numbers-above-labels",
        doc(P3 + _snippet("synth-2250.chromium-pdf.pymupdf-layout.note.part3.txt"), title="淮安市人民政府2022年度政府信息公开工作年度报告\n"),
        {
            A + "new_received.natural_person": (975, "inferred"),
            A + "new_received.total": (1440, "inferred"),
            A + "carried_forward.natural_person": (4, "inferred"),  # 125, the note's, doubtful
            A + "carried_forward.total": (12, "inferred"),
        },
        "synth seed 2250 with a note under part 三, PyMuPDF's layout text of a Chromium PDF, each row's "
        "numbers a line above its label: '注：本表数据含网上申请125件、信函申请12件。' under 四、结转下年度继续办理. "
        "Its 125 and 12 were one more run of numbers, which put every row one run off (doubtful, 27 of "
        "198 cells right). The note's numbers are text",
    ),
    Case(
        "pdftotext-layout-table-caption-number-before-a-row-broken-by-the-page",
        doc(P3 + _snippet("synth-2256.lo-pdf.pdftotext-layout.caption.part3.txt"), title="安丘市官庄镇人民政府2019年政府信息公开工作年度报告\n"),
        {
            A + "new_received.natural_person": (2586, "ok"),
            A + "new_received.total": (3480, "ok"),
            A + "carried_over.total": (354, "ok"),
        },
        "synth seed 2256 with a caption over part 三 ('表3 收到和处理政府信息公开申请情况（单位：件）'), "
        "pdftotext -layout of a LibreOffice PDF whose page break cuts '一、本年新收政府信息公' from '开申请数量'. "
        "The caption's 3 was a number before the table, and row 一 was not found (missing). A number "
        "after 表, like one after 第, is text",
    ),
    Case(
        "part4-note-wrapped-over-two-lines-under-the-row",
        doc(P4 + "行政复议 行政诉讼\n结果维持 结果纠正 其他结果 尚未审结 总计 未经复议直接起诉 复议后起诉\n"
            "结果维持 结果纠正 其他结果 尚未审结 总计 结果维持 结果纠正 其他结果 尚未审结 总计\n"
            "5 1 2 0 8 3 0 1 0 4 1 0 0 2 3\n注：行政复议、行政诉讼数量含上年度结转\n数量 2 件，其中 1 件已审结。\n"),
        {
            "review.total": (8, "ok"),
            "litigation_after_review.pending": (2, "ok"),
            "litigation_after_review.total": (3, "ok"),
        },
        "a note under part 四 that pdftotext wraps over two lines, its numbers on the second: they are "
        "the note's (to the 。 that ends it on the next line), not cells (they had made the row's "
        "placement inferred, with a finding of extra cells)",
    ),
    Case(
        "pdftotext-layout-column-sum-no-count-fits-the-doubtful-cell",
        doc(P3 + _snippet("synth-2381.lo-pdf.pdftotext-layout.part3.txt"), title="福州市鼓楼区人民政府2020年度政府信息公开工作年度报告\n"),
        {
            A + "carried_forward.commercial_enterprise": (..., "doubtful"),  # blank (/); read 93, ok
            A + "carried_forward.total": (93, "ok"),
            A + "total_processed.natural_person": (3293, "doubtful"),
        },
        "synth seed 2381, pdftotext -layout of a LibreOffice PDF, only 自然人 and 总计 filled, '/' for the "
        "rest: 结转's '93  /' printed '/  93', and （七）总计's 3293 wrapped ('329' over '3'), which made "
        "that row's cells doubtful. R1 down the 商业企业 column, 0 + 0 = x + 93, was not looked at "
        "because x, a doubtful cell read empty, may be any count; but no count makes it hold. A "
        "column relation whose doubtful empty cells all stand on one side fails where the other side "
        "is the smaller",
        findings=("empty_cells_do_not_add_up",),
    ),
    Case(
        "pdftotext-layout-lost-cell-two-column-sums-disagree",
        doc(P3 + _snippet("synth-2532.lo-pdf.pdftotext-layout.part3.txt"), title="岚皋县城关镇街道办事处2020年政府信息公开工作年度报告\n"),
        {
            A + "carried_forward.natural_person": (..., "doubtful"),  # 43; read 22, ok
            A + "carried_forward.commercial_enterprise": (..., "doubtful"),  # 22
            A + "carried_forward.total": (78, "ok"),
            A + "total_processed.natural_person": (None, "doubtful"),  # 3,901 cut to '３，９'
        },
        "synth seed 2532, pdftotext -layout of a LibreOffice PDF with full-width digits: 结转's 43 | 22 "
        "printed '２２ ４３', and a narrow cell cut （七）总计's 3,901 to '３，９' over '０１', which left it "
        "unread. The row sum holds either way, and R1 down 自然人 (490 + 3454 = x + 22) holds for x = "
        "3922, so 22 came out ok. R2 down the same column gives x = 3901: two relations that give one "
        "lost cell different counts doubt the cells of both",
        findings=("lost_cell_sums_disagree",),
    ),
    Case(
        "filler-cell-among-a-delimited-rows-values",
        doc(P3 + "（一）予以公开\t5\t详见附表\t3\t0\t0\t0\t8\t\n（二）部分公开\t4\t*\t1\t0\t0\t0\t5\t\n"),
        {
            A + "granted.natural_person": (5, "ok"),
            A + "granted.commercial_enterprise": (None, "doubtful"),
            A + "granted.research_institution": (3, "ok"),
            A + "granted.other_org": (0, "ok"),  # read 8, ok: the row shifted left
            A + "granted.total": (8, "ok"),
            A + "partly_granted.commercial_enterprise": (None, "doubtful"),
            A + "partly_granted.total": (5, "ok"),
        },
        "format.md's other fillers: a cell that says 详见附表 or * in place of a count was text and "
        "vanished, and the row's numbers moved left into a trailing empty cell (总计 blank, 8 under 其他, "
        "ok). A filler holds its cell's place like a mark; its value is None, doubtful, with a finding",
        findings=("filler_cells",),
    ),
    Case(
        "filler-cell-among-space-separated-values",
        doc(P3 + "（一）予以公开 5 详见附表 3 0 0 0 8\n"),
        {
            A + "granted.commercial_enterprise": (None, "doubtful"),
            A + "granted.research_institution": (3, "ok"),
            A + "granted.total": (8, "ok"),
        },
        "a filler standing alone between spaces holds its cell's place too (it was dropped, and the row "
        "of six numbers for seven columns was doubtful throughout)",
        findings=("filler_cells",),
    ),
    Case(
        "pdfminer-thousands-number-cut-with-its-tail-as-the-next-cell",
        doc(P3 + _snippet("synth-2992.lo-pdf.pdfminer.part3.txt"), title="宜昌市人民政府关于2021年政府信息公开工作年度报告\n"),
        {
            A + "total_processed.natural_person": (..., "doubtful"),  # 25598; read 0 (3.其他's), ok
            A + "total_processed.research_institution": (..., "doubtful"),  # blank; read 8, the tail
            A + "total_processed.total": (..., "doubtful"),  # 25598; read 822
        },
        "synth seed 2992, plain pdfminer of a LibreOffice PDF: a narrow cell cut （七）总计's 25,598 to "
        "'25,59' over '8', and pdfminer printed the table column by column, so the row's tokens were "
        "3.其他's 0, '25,59', '8', 0, '25,59', '8' and 结转's 822: seven, one a column. '25,59' was doubtful "
        "but the others stood ok in their places, 0 for 25598. A cut number followed a line below by "
        "the digits that complete it has its tail in the row: the row holds one number fewer than it "
        "seems, and no cell's place is sure",
    ),
    Case(
        "part4-a-sentence-between-the-heading-and-the-table",
        doc(P4 + "2021年，本机关未发生因政府信息公开被纠错的情况。\n\n行政复议\t行政诉讼\n"
            "结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t未经复议直接起诉\t复议后起诉\n"
            "结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t结果维持\t结果纠正\t其他结果\t尚未审结\t总计\n"
            "0\t15\t16\t0\t31\t8\t0\t0\t10\t18\t12\t3\t4\t0\t19\n"),
        {"review.total": (31, "ok"), "litigation_after_review.total": (19, "ok")},
        "synth seed 2488 (a sentence before part 四's table), the Word page as a file: the table was read "
        "from the heading's 行政复议 on, and ended at the first sentence after it, before its first row: "
        "part 四 came out missing. It ends at the first sentence after its own caption",
    ),
    Case(
        "part4-heading-numbered-in-brackets",
        doc(P3 + "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）\t申请人情况\n"
            "一、本年新收政府信息公开申请数量\t5\t0\t0\t0\t0\t0\t5\n",
            "（四）政府信息公开行政复议、行政诉讼情况\n" + "行政复议\t行政诉讼\n结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t未经复议直接起诉\t复议后起诉\n"
            "结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t结果维持\t结果纠正\t其他结果\t尚未审结\t总计\n"
            "0\t15\t16\t0\t31\t8\t0\t0\t10\t18\t12\t3\t4\t0\t19\n"),
        {"review.total": (31, "ok"), "litigation_after_review.total": (19, "ok"), A + "new_received.total": (5, "ok")},
        "a report that numbers part 四's heading （四） (or 4.): only 四、 and a bare heading on its own line "
        "were part headings, and part 四 came out missing",
    ),
    Case(
        "part4-without-heading-found-by-its-captions",
        doc(P3 + "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）\t申请人情况\n"
            "一、本年新收政府信息公开申请数量\t5\t0\t0\t0\t0\t0\t5\n\n" + "行政复议\t行政诉讼\n结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t未经复议直接起诉\t复议后起诉\n"
            "结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t结果维持\t结果纠正\t其他结果\t尚未审结\t总计\n"
            "0\t15\t16\t0\t31\t8\t0\t0\t10\t18\t12\t3\t4\t0\t19\n"),
        {"review.total": (31, "ok"), "litigation_after_review.total": (19, "ok"), A + "new_received.total": (5, "ok")},
        "a report that prints part 四's table with no heading over it: part 二 had its anchor (第二十条第) and "
        "part 三 its (勾稽关系), part 四 none, and its table was read as part 三's rest (missing). 行政复议 "
        "beside 行政诉讼, with nothing but cell borders between, starts it",
    ),
    Case(
        "lxml-minified-part2-padded-cells-a-spaced-number-two-cells",
        doc("二、主动公开政府信息情况第二十条第（一）项信息内容本年制发件数本年废止件数现行有效件数规章8656782行政规范性文件 7974 1399"
            "第二十条第（五）项信息内容本年处理决定数量行政许可2099702第二十条第（六）项信息内容本年处理决定数量行政处罚1048663"
            "行政强制1929878第二十条 第（八）项信息内容本年收费金额（单位：万元）行政事业性收费22043.15\n",
            title="某市人民政府2022年度政府信息公开工作年度报告\n"),
        {
            "active.normative_documents.issued": (..., "doubtful"),  # 79; read 7974, ok
            "active.normative_documents.repealed": (..., "doubtful"),  # 74
            "active.normative_documents.in_force": (..., "doubtful"),  # 1399
        },
        "synth seed 2554, lxml's text of a minified CMS page whose cells carry padding: 行政规范性文件's "
        "79 | 74 | 1399 came out ' 7974 1399'. Only the run glued to the next label was cut (13 | 99), "
        "and 7974, spaces around it, was one cell, ok. In a row whose cells ran together a space is no "
        "proof of one cell: part 二's rows, which have no sums, weigh the cuttings of spaced numbers too",
    ),
    Case(
        "pandoc-md-em-dashes-written-as-hyphens",
        doc("二、主动公开政府信息情况\n" + _snippet("synth-2656.docx.pandoc-md.part2.txt"), title="某县人民政府2019年政府信息公开工作年度报告\n"),
        {
            "active.procurement.projects": (None, "not_applicable"),  # ——; read 527305, ok
            "active.procurement.amount": (527305.0, "ok"),
            "active.fees.previous": (None, "not_applicable"),
        },
        "synth seed 2656, pandoc's markdown of a DOCX with —— for 0: pandoc's smart typography writes an "
        "em dash as three hyphens, so '——' became '------', text to the tokenizer. 政府集中采购's "
        "'| ------ | 527305元 | |' lost its first cell, and 527305 came out 采购项目数量, ok. A delimited cell "
        "of dashes alone is a mark (not the lines of hyphens under a simple table's captions)",
    ),
    Case(
        "markitdown-part4-mark-row-apart-two-columns-in-one-cell",
        doc(P4 + '|      | ⾏政复议  |     |          |     | ⾏政诉讼 |     |       |     |     |\n| ---- | ----- | --- | -------- | --- | ---- | --- | ----- | --- | --- |\n| 结 结  | 其 尚   | 总   | 未经复议直接起诉 |     |      |     | 复议后起诉 |     |     |\n| 果 果  | 他 未   | 计   | 结 结      | 其   | 尚 总  | 结   | 结 其   | 尚   | 总   |\n| 维 纠  | 结 审   |     | 果 果      | 他   | 未 计  | 果   | 果 他   | 未   | 计   |\n| 持 正  | 果 结   |     | 维 纠      | 结   | 审    | 维   | 纠 结   | 审   |     |\n|      |       |     | 持 正      | 果   | 结    | 持   | 正 果   | 结   |     |\n| 24 5 | 18 19 | 66  |          |     |      | 4   | 2     | 7   | 13  |\n|      |       |     | ⽆ ⽆      | ⽆   | ⽆ ⽆  |     | ⽆     |     |     |\n五、存在的主要问题及改进情况\n存在的问题：⼀是主动公开的深度和⼴度有待拓展；⼆是业务培训有待加强。\n'),
        {
            "review.total": (66, "ok"),
            "litigation_direct.upheld": (..., "doubtful"),  # 无; read 4, ok
            "litigation_direct.pending": (..., "doubtful"),  # 无; read 13, ok
            "litigation_after_review.upheld": (..., "doubtful"),  # 4; read 无, not applicable
            "litigation_after_review.total": (..., "doubtful"),  # 13
        },
        "synth seed 2838, markitdown of a Chromium PDF with 无 for 0: part 四's numbers on one pipe row and "
        "its marks on the next, and '| 2 |' over '| ⽆ |' in one column (the grid is not the table's), so "
        "the rows do not fill each other's empty cells. Read in order, 未经复议直接起诉 took 4 2 7 13 and a "
        "mark, 复议后起诉 the other marks; R4 could be checked in neither, and 8 cells came out ok or not "
        "applicable. Groups whose R4 cannot be checked are doubtful where the cells stand on rows that "
        "could not be merged",
    ),
    Case(
        "pymupdf4llm-tables-run-into-one-each-cell-repeated",
        doc("|第二十条 第（一）项|第二十条 第（一）项|第二十条 第（一）项|第二十条 第（一）项|第二十条 第（一）项|\n"
            "|信息内容|信息内容|本年制发件数|本年废止件数|现行有效件数|\n|规章|规章|27|27|27|87|87|87|335|335|335|\n"
            "|行政规范性文件|行政规范性文件|83|84|85|79|78|77|576|575|574|\n"),
        {
            "active.regulations.issued": (27, "inferred"),
            "active.regulations.repealed": (87, "inferred"),  # read 27, ok
            "active.regulations.in_force": (335, "inferred"),  # read 27, ok
            "active.normative_documents.repealed": (..., "doubtful"),
        },
        "synth seed 2860 (no part headings), pymupdf4llm of a Chromium PDF: parts 二 and 三 ran into one "
        "markdown table of 11 columns, and each part 二 cell was printed three times. Nine numbers for "
        "three cells were too many to weigh every choice of the extra ones, so the first three were "
        "taken, ok. A row whose cells repeat alike collapses to its runs (inferred); otherwise which "
        "numbers are extra nothing says (doubtful)",
    ),
    Case(
        "part4-without-heading-a-note-under-it-naming-its-captions",
        doc(P3 + "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）\t申请人情况\n"
            "一、本年新收政府信息公开申请数量\t5\t0\t0\t0\t0\t0\t5\n\n"
            "行政复议\t行政诉讼\n结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t未经复议直接起诉\t复议后起诉\n"
            "结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t结果维持\t结果纠正\t其他结果\t尚未审结\t总计\n"
            "5\t23\t30\t3\t61\t8\t0\t0\t10\t18\t12\t3\t4\t0\t19\n"
            "注：行政复议、行政诉讼数量含上年度结转数量205件。\n"),
        {"review.total": (61, "ok"), "litigation_after_review.total": (19, "ok")},
        "synth seed 2889 (no part headings, a note under part 四), every file: part 四 started at its "
        "captions, and its table was looked for after the first 行政复议 (the heading's own, skipped): "
        "the note's. Part 四 came out missing",
    ),
]

# markdown from the PDF-to-markdown converters of LLM pipelines (benchmarks/derive.py: markitdown,
# pymupdf4llm), through the synthesizer
MD_CONVERTERS: list[Case] = [
    Case(
        "pymupdf4llm-col-headers",
        doc(P4 + "|行政复议|Col2|Col3|Col4|Col5|行政诉讼|Col7|Col8|Col9|Col10|Col11|Col12|Col13|Col14|Col15|\n"
            "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n"
            "|结果<br>维持|结果<br>纠正|其他结<br>果|尚未<br>审结|总计|未经复议直接起诉|未经复议直接起诉|未经复议直接起诉|未经复议直接起诉|未经复议直接起诉|复议后起诉|复议后起诉|复议后起诉|复议后起诉|复议后起诉|\n"
            "|结果<br>维持|结果<br>纠正|其他结<br>果|尚未<br>审结|总计|结果<br>维持|结果<br>纠正|其他<br>结果|尚未<br>审结|总计|结果<br>维持|结果<br>纠正|其他<br>结果|尚未审<br>结|总计|\n"
            "|72|64|178|37|351|13|4|8|1|26|12|1|1|6|20|\n"),
        {"review.upheld": (72, "ok"), "review.total": (351, "ok"), "litigation_after_review.total": (20, "ok")},
        "pymupdf4llm of huaian-city-2024.pdf: it names the columns under a merged header cell 'Col2', "
        "'Col3'…; their digits were read as 14 numbers before the row (doubtful, 15 cells lost)",
    ),
    Case(
        "merged-cell-with-a-mark",
        doc(P3 + "| （三）不予公开 | 2.其他法律行政法规禁止公开 | 376 | 46 | 2 | 1 | — 18 | 443 |\n"),
        {
            A + "withheld.prohibited_by_law.public_interest_org": (1, "ok"),
            A + "withheld.prohibited_by_law.legal_service_agency": (None, "not_applicable"),
            A + "withheld.prohibited_by_law.other_org": (18, "ok"),
            A + "withheld.prohibited_by_law.total": (443, "ok"),
        },
        "synthesizer, LibreOffice PDF through markitdown: two cells merged into one, '— 18'; the dash "
        "was read as text, 18 and 443 moved one column left and 总计 came out blank, silent",
    ),
    Case(
        "horizontal-bar-mark",
        doc(P3 + "| 二、上年结转政府信息公开申请数量 | | | 1485 | 222 | 19 | 78 | ―― | 67 | 1871 |\n"),
        {
            A + "carried_over.natural_person": (1485, "ok"),
            A + "carried_over.legal_service_agency": (None, "not_applicable"),
            A + "carried_over.total": (1871, "ok"),
        },
        "synthesizer, GB2312 Word HTML through markitdown: the page decoded as GBK gives U+2015 for the "
        "dash ('――'); as text, the row lost a cell and a leading empty cell became 自然人, silent",
    ),
    Case(
        "markitdown-merged-captions",
        doc(P3 + "| 第三项加第四项之和） |     |     |     | 商业  | 科研 社会 | 法律 其他 |     |\n"
            "| ------------ | --- | --- | --- | --- | ----- | ----- | --- |\n"
            "|              |     |     |     | 企业  | 机构 公益 | 服务    |     |\n"
            "| 一、本年新收政府信息公开 |     |     | 443 |     |     |       | 443 |\n申请数量\n"
            "| 二、上年结转政府信息公开 |     |     | 2533 |     |     |     | 2533 |\n"
            "| ------------ | --- | --- | ---- | --- | --- | --- | ---- |\n申请数量\n"),
        {
            A + "new_received.natural_person": (..., "doubtful"),
            A + "new_received.research_institution": (..., "doubtful"),
            A + "carried_over.natural_person": (..., "doubtful"),
        },
        "synthesizer, Chromium PDF through markitdown (pdfplumber's tables): columns blank in every row "
        "have no border, so one header cell holds two captions ('科研 社会') and the pipe cells are not "
        "the columns; 443 went to 科研机构 with 自然人 blank, silent",
    ),
    Case(
        "markitdown-grid-wider-than-the-table",
        doc(P3 + "| 本年新收政府信息公开申 |     |     | 357 | 109 | 13  | 38      | 118 |     | 105 |     |\n\n请数量\n"
            "| 二、上年结转政府信息公 |     |     | 2133 | 594 | 53  | 72  | 99  | 0   |\n"
            "| ----------- | --- | --- | ---- | --- | --- | --- | --- | --- |\n开申请数量\n"),
        {
            A + "new_received.other_org": (..., "doubtful"),
            A + "new_received.total": (..., "doubtful"),
            A + "carried_over.natural_person": (..., "doubtful"),
            A + "carried_over.total": (..., "doubtful"),
        },
        "synthesizer, LibreOffice PDF with 总计 blank in every row through markitdown: a row has eight "
        "cells from its first value (a stray empty one among them), the next one fragment of six numbers; "
        "with 总计 blank no sum checks a placement, and the rows came out shifted, ok",
    ),
]

MD_CONVERTERS += [
    Case(
        "pymupdf4llm-stacked-numbers-in-a-cell",
        doc(P3 + "||（六）其他处理|（六）其他处理|2479|—|—|—|—|—||\n"
            "||（七）总计|（七）总计|1624<br>5|—|—|—|—|—||\n"
            "|结转下年度继续办理|结转下年度继续办理|结转下年度继续办理|272|—|—|—|—|—||\n"),
        {
            A + "total_processed.natural_person": (..., "doubtful"),
            A + "total_processed.commercial_enterprise": (..., "doubtful"),
            A + "carried_forward.natural_person": (272, "ok"),
        },
        "synthesizer, LibreOffice PDF through pymupdf4llm: a page number pulled into the cell above it "
        "('1624<br>5'); the 5 was read as 商业企业, ok",
    ),
    Case(
        "pymupdf4llm-six-group-label-beside-a-cut-sub-row-label",
        doc(P3 + "||（六）<br>其他处<br>理|①申<br>请人无<br>正当理<br>由逾期<br>不补<br>正、行<br>政机关<br>不再处<br>理其政<br>府信息<br>公开申<br>请|0|62|4|8|0|7|81|\n"
            "||（六）<br>其他处<br>理|②申<br>请人逾<br>期未按<br>收费通<br>知要求<br>缴纳费<br>用、行<br>政机关<br>不再处<br>理其政<br>府信息<br>公开申<br>请|192|0|0|5|1|0|198|\n"
            "||（六）<br>其他处<br>理|③其|117|52|7|2|4|24|206|\n\n\n|Col1|Col2|他|Col4|Col5|Col6|Col7|Col8|Col9|Col10|\n"
            "|---|---|---|---|---|---|---|---|---|---|\n||（七）总计|（七）总计|3169|644|66|93|192|191|4355|\n"),
        {
            A + "other_processing.unpaid_fee.total": (198, "ok"),
            A + "other_processing.miscellaneous.natural_person": (117, "doubtful"),
            A + "other_processing.miscellaneous.total": (206, "doubtful"),
            A + "other_processing.total.natural_person": (None, "missing"),
            A + "other_processing.total.total": (None, "missing"),
        },
        "synthesizer (seed 325), LibreOffice PDF through pymupdf4llm: the group label （六）其他处理 printed "
        "in every sub-row, the third sub-row's label cut to '③其' (its '他' in the next table's header): "
        "the row was read as the one-row form of （六）, ok. Both forms read at once: the numbers go to "
        "the sub-row not found, doubtful unless R2 confirms them",
        findings=("rows_placed_by_order",),
    ),
    Case(
        "pdfium-narrow-cells-split-numbers-leave-numbers-over",
        doc(P3 + _snippet("synth-424.chromium-pdf.pdfium.part3.txt")),
        {
            A + "withheld.state_secret.research_institution": (..., "doubtful"),
            A + "withheld.state_secret.total": (..., "doubtful"),
        },
        "synthesizer (seed 424), Chromium PDF through PDFium's text (part 三 from its first row on): "
        "narrow cells print 11 as '1' / '1', "
        "so the row of 1.属于国家秘密 took the halves as cells and its last two numbers were left over; "
        "the one cell every reading agreed on (1, gold —) came out ok",
    ),
    Case(
        "markdown-row-keeps-off-the-next-labels-empty-cells",
        doc(P3 + "|     |     | 4.保护 | 114 | 58  |     |     | 172 |\n| --- | --- | --- | --- | --- | --- | --- | --- |\n"
            "第三⽅\n合法权\n益\n|     |     | 5.属于 | 104 | 19  |     |     | 123 |\n"),
        {
            A + "withheld.third_party_rights.legal_service_agency": (..., "doubtful"),
            A + "withheld.third_party_rights.total": (..., "doubtful"),
        },
        "synthesizer, Chromium PDF through markitdown: a row of five cells took the two empty cells "
        "before the next row's label as its last two: 172 came out 法律服务机构, 总计 blank, ok",
    ),
    Case(
        "markdown-rows-of-one-grid-disagree",
        doc(P3 + "|             | （七）总计   |     | 21500 | 538 |     |     | 22038 |\n"
            "| 四、结转下年度继续办理 |         |     | 37    | 10  |     |     | 47    |\n"),
        {A + "carried_forward.natural_person": (..., "doubtful"), A + "carried_forward.total": (..., "doubtful")},
        "synthesizer, Chromium PDF through markitdown: in one grid （七）总计 has five cells after its "
        "label and 四 seven, two places for 自然人; 37 went to 科研机构, ok",
    ),
    Case(
        "empty-cells-do-not-add-up",
        doc(P3 + "|一、本年新收政府信息公开申请数量|1295|431|||||1338|\n"),
        {A + "new_received.natural_person": (1295, "doubtful"), A + "new_received.total": (1338, "doubtful")},
        "synthesizer, LibreOffice PDF through pymupdf4llm: 12956 and 13387 lost their last digit to the "
        "next page; with its empty cells R3 was not assessable and 1338 came out ok",
        findings=("empty_cells_do_not_add_up",),
    ),
    Case(
        "part4-tab-row-with-a-broken-group-is-not-regrouped",
        doc(P4 + "0\t0\t1\t1\t2\t0\t2\t0\t0\t0\t0\t0\t0\t1\t1\n"),
        {"review.other": (1, "ok"), "review.total": (2, "ok"), "litigation_direct.corrected": (2, "doubtful")},
        "hypothesis (test_altered_cell_makes_its_relations_doubtful): fifteen cells of one tab row with "
        "R4 broken in one group were regrouped as plain pdftotext's block order, every cell doubtful",
        findings=("arithmetic_R4",),
    ),
    Case(
        "pandoc-plain-blank-columns-under-header-captions",
        doc(P3 + _snippet("synth-465.docx.pandoc-plain.part3.txt")),
        {
            A + "new_received.natural_person": (841, "inferred"),
            A + "new_received.commercial_enterprise": (260, "inferred"),
            A + "new_received.research_institution": (None, "inferred"),
            A + "new_received.total": (1101, "inferred"),
            A + "carried_forward.total": (87, "inferred"),
        },
        "synthesizer (seed 465), DOCX through pandoc's plain text: a report that fills only 自然人, 商业企业 "
        "and 总计 leaves no row that fills every column to learn the columns from; every row was doubtful. "
        "The captions over the columns (自然人, 商业…, 总计) stand where the numbers do, in display columns",
        findings=("columns_from_positions",),
    ),
    Case(
        "pandoc-md-hard-line-break-in-a-cell",
        doc(P3 + _snippet("synth-477.docx.pandoc-md.part3.txt")),
        {
            A + "withheld.process_info.natural_person": (0, "inferred"),
            A + "withheld.process_info.research_institution": (None, "inferred"),
            A + "withheld.enforcement_files.total": (0, "inferred"),
        },
        "synthesizer (seed 477), DOCX through pandoc's markdown: a wrapped label cell ends its line with "
        "pandoc's hard break, '7.\\' over '属于行政执法案卷'; read as text, the 7 was a number, the row of 6. "
        "took it and the next row's numbers as its last four cells, 7 under 社会公益组织, ok",
    ),
    Case(
        "interleaved-lines-with-a-glued-number-are-no-row",
        doc(P3 + _snippet("synth-477.docx.pandoc-md.part3.txt").replace("7.\\", "7）")),
        {
            A + "withheld.process_info.natural_person": (..., "doubtful"),
            A + "withheld.process_info.public_interest_org": (..., "doubtful"),
        },
        "the same text with the item number printed '7）' (a number glued to text, in the label column): "
        "the row of 6. takes its three numbers and, a line lower, 7 and the next row's; its lines interleave "
        "and no column model places the glued number, so reading order decides nothing",
        findings=("wrapped_row_order",),
    ),
    Case(
        "crawler-part2-caption-of-the-next-block-in-one-run",
        doc("二、主动公开政府信息情况\n第二十条第（一）项信息内容本年制发件数本年废止件数现行有效件数规章6912-行政规范性文件78-1020"
            "第二十条第（五）项信息内容本年处理决定数量行政许可-第二十条第（六）项信息内容本年处理决定数量行政处罚704行政强制19937"
            "第二十条第（八）项信息内容本年收费金额（单位：万元）行政事业性收费65742.72\n"),
        {"active.licensing.decisions": (None, "not_applicable"), "active.penalty.decisions": (704, "ok")},
        "synthesizer (seed 487), Word HTML through a crawler's dump: 行政许可's cell '-' is glued to the next "
        "block's heading, so (五) had no value; the captions repair took the next run with its caption "
        "'本年处理决定数量', (六)'s, and gave 行政许可 704, inferred. The numbers after a run are under the "
        "last 第二十条 caption it holds (and since the caption cuts the run, the '-' is 行政许可's cell)",
    ),
    Case(
        "crawler-part2-captions-before-the-block-labels-are-not-its-columns",
        doc("二、主动公开政府信息情况\n第二十条第（一）项信息内容本年新制作数量本年新公开数量对外公开总数量规章26-248规范性文件---"
            "第二十条第（五）项信息内容上一年项目数量本年增/减处理决定数量行政许可166--其他对外管理服务事项---"
            "第二十条第（六）项信息内容上一年项目数量本年增/减处理决定数量行政处罚127547-行政强制-48-"
            "第二十条第（八）项信息内容上一年项目数量本年增/减行政事业性收费--第二十条第（九）项信息内容采购项目数量采购总金额政府集中采购34-\n",
            title="某区人民政府2020年政府信息公开工作年度报告\n"),
        {"active.fees.previous": (None, "missing"), "active.fees.change": (None, "missing")},
        "synthesizer (seed 489), 2019 edition through a crawler's dump: 行政事业性收费's two '-' cells glued, "
        "the block had no value, and the captions repair took the first runs with its captions, (五)'s and "
        "(六)'s, before its label: 166 and 127547, inferred. A block printed column by column has its "
        "columns after its labels",
    ),
    Case(
        "w3m-empty-cells-under-a-wrapped-label-are-no-blank-row",
        doc(P3 + _snippet("synth-536.word-html.w3m.part3.txt")),
        {
            A + "not_processed.petition_complaint.natural_person": (..., "doubtful"),
            A + "not_processed.petition_complaint.other_org": (..., "doubtful"),
            A + "not_processed.duplicate.natural_person": (96, "ok"),
        },
        "synthesizer (seed 536), Word HTML through w3m: '1.' stands on the row of 291 59 0 2 0 15 and the "
        "rest of the label ('信访举报投诉类申请') two lines lower, beside empty cells.  The label-less numbers "
        "went to the row (doubtful), then the row's own reading, empty cells, put blanks over them, "
        "blank: six silent errors.  A confident reading that contradicts a number already placed is a "
        "disagreement",
        findings=("readings_disagree",),
    ),
    Case(
        "aligned-label-with-its-first-cells-mark-against-it",
        doc(P3 + _snippet("synth-515.lo-pdf.pymupdf-layout.part3.txt"), title="某县人民政府2019年政府信息公开工作年度报告\n"),
        {
            A + "unavailable.unclear_after_correction.natural_person": (..., "doubtful"),
            A + "unavailable.unclear_after_correction.commercial_enterprise": (..., "doubtful"),
            A + "not_processed.petition_complaint.total": (15, "doubtful"),
        },
        "synthesizer (seed 515), LibreOffice PDF through PyMuPDF's layout text: '3.补正——     46   7    5   ——"
        "   ——    58', the first cell's mark printed against the label; 46 7 5 came out 自然人, 商业企业, "
        "科研机构, ok (gold —, 46, 7). (Since the label '1.信访举报投诉类申请' is found beside its group label "
        "'（五）不予处理', the row is one number short rather than one too many: missing_cells)",
        findings=("missing_cells",),
    ),
]

# A browser's select-all and copy (innerText): tabs between cells, but a paragraph cell's content
# between blank lines, so blank lines do not end rows (snippets from the synthesizer's HTML through
# Chromium, benchmarks/derive.py browser_copy)
BROWSER_COPY: list[Case] = [
    Case(
        "browser-copy-word-html-paragraph-cells",
        doc(P3 + "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）\n\n\t\n\n申请人情况\n\n\n\n\n"
            "自然人\n\n\t\n\n法人或其他组织\n\n\t\n\n总计\n\n\n\n\n商业企业\n\n\t\n\n科研机构\n\n\t\n\n社会公益组织\n\n\t\n\n"
            "法律服务机构\n\n\t\n\n其他\n\n\n\n\n一、本年新收政府信息公开申请数量\n\n\t\n\n1663\n\n\t\n\n472\n\n\t\n\n81\n\n\t\n\n"
            "47\n\n\t\n\n50\n\n\t\n\n171\n\n\t\n\n2484\n\n\n\n\n二、上年结转政府信息公开申请数量\n\n\t\n\n566\n\n\t\n\n\xa0\n\n\t\n\n"
            "0\n\n\t\n\n35\n\n\t\n\n142\n\n\t\n\n26\n\n\t\n\n769\n\n"),
        {
            A + "new_received.natural_person": (1663, "ok"),
            A + "new_received.commercial_enterprise": (472, "ok"),
            A + "new_received.total": (2484, "ok"),
            A + "carried_over.natural_person": (566, "ok"),
            A + "carried_over.commercial_enterprise": (None, "blank"),
            A + "carried_over.research_institution": (0, "ok"),
            A + "carried_over.other_org": (26, "ok"),
            A + "carried_over.total": (769, "ok"),
        },
        "Word-exported HTML copied from Chromium: every cell a paragraph, so every value stands between "
        "blank lines with a lone tab between cells; each lone tab line was read as an empty cell of its "
        "own row, a blank between every two values, and the cells shifted, ok (39 % right, 717 silent "
        "errors over 40 synthesized reports)",
    ),
    Case(
        "browser-copy-cms-html-bare-and-paragraph-cells",
        doc(P3 + "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）\n\n\t申请人情况\n\n\n自然人\n\n\t\n\n"
            "法人或其他组织\n\n\t\n\n总计\n\n\n商业企业\t\n\n科研机构\n\n\t\n\n社会公益组织\n\n\t法律服务机构\t\n\n其他\n\n\n"
            "一、本年新收政府信息公开申请数量\t\n\n1663\n\n\t472\t\n\n81\n\n\t\n\n47\n\n\t50\t\n\n171\n\n\t\n\n2484\n\n\n"
            "二、上年结转政府信息公开申请数量\t\n\n566\n\n\t\n\n372\n\n\t\n\n0\n\n\t35\t142\t\n\n26\n\n\t1141\n"
            "三、本年度办理结果\t\n\n（一）予以公开\n\n\t\n\n294\n\n\t\n\n49\n\n\t\n\n0\n\n\t\n\n0\n\n\t\n\n9\n\n\t0\t352\n\n\n"
            "（二）部分公开（区分处理的，只计这一情形，不计其他情形）\n\n\t\n\n64\n\n\t\n\n67\n\n\t10\t\n\n0\n\n\t1\t\n\n3\n\n\t145\n"),
        {
            A + "new_received.research_institution": (81, "ok"),
            A + "new_received.total": (2484, "ok"),
            A + "carried_over.public_interest_org": (35, "ok"),
            A + "carried_over.total": (1141, "ok"),
            A + "granted.natural_person": (294, "ok"),
            A + "granted.total": (352, "ok"),
            A + "partly_granted.research_institution": (10, "ok"),
            A + "partly_granted.total": (145, "ok"),
        },
        "CMS HTML copied from Chromium: bare cells ('\\t472\\t') and paragraph cells mixed; after a bare "
        "cell one newline ends the row ('\\t1141\\n三、本年度办理结果'), after a paragraph cell three",
    ),
    Case(
        "browser-copy-part4-value-between-marks-is-no-page-number",
        doc(P4 + "行政复议\n\n\t行政诉讼\n结果维持\t结果纠正\t\n\n其他结果\n\n\t\n\n尚未审结\n\n\t总计\t\n\n未经复议直接起诉\n\n"
            "\t\n\n复议后起诉\n\n\n\n\n结果维持\n\n\t\n\n结果纠正\n\n\t\n\n其他结果\n\n\t\n\n尚未审结\n\n\t总计\t\n\n结果维持\n\n"
            "\t结果纠正\t\n\n其他结果\n\n\t尚未审结\t总计\n——\t——\t——\t\n\n——\n\n\t——\t2\t——\t\n\n——\n\n\t——\t2\t——\t1\t2\t"
            "\n\n——\n\n\t\n\n3\n\n"),
        {
            "review.total": (None, "not_applicable"),
            "litigation_direct.upheld": (2, "ok"),
            "litigation_direct.corrected": (None, "not_applicable"),
            "litigation_direct.total": (2, "ok"),
            "litigation_after_review.corrected": (1, "ok"),
            "litigation_after_review.other": (2, "ok"),
            "litigation_after_review.total": (3, "ok"),
        },
        "CMS HTML copied from Chromium: the line '\\t——\\t2\\t——\\t' (three cells and an empty one) was "
        "removed by normalize as a running page number '— 2 —', and part 四 lost three cells",
    ),
]

# Space-aligned text from layout-keeping converters
ALIGNED: list[Case] = [
    Case(
        "chromium-print-header-footer-between-rows",
        doc(P3,
            "                                                         申请人情况\n"
            "                               自然人          商业企业  科研机构  社会公益组织  法律服务机构  其他     总计\n"
            "               1.信访举报投诉类申请                 56         6         0         0         0         0        62\n"
            "               4.无正当理由大量反复申请                0         0         0         0         0         0         0\n"
            "               5.要求行政机关确认或重新出\n"
            "file:///C:/Users/admin/Desktop/report.html                                 2/4\n"
            "\f12/5/26, 7:34 AM                                        某某镇人民政府2021年政府信息公开工作年度报告\n"
            "                                        1         0        0         0        0         0    1\n"
            "               具已获取信息\n"
            "               1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请    67         3         0         0         1         0        71\n"),
        {
            A + "not_processed.petition_complaint.total": (62, "ok"),
            A + "not_processed.excessive_repeated.total": (0, "ok"),
            A + "not_processed.reconfirmation.natural_person": (1, "ok"),
            A + "not_processed.reconfirmation.research_institution": (0, "ok"),
            A + "not_processed.reconfirmation.total": (1, "ok"),
            A + "other_processing.overdue_correction.legal_service_agency": (1, "ok"),
            A + "other_processing.overdue_correction.total": (71, "ok"),
        },
        "pdftotext -layout of a page printed by Chromium with its header and footer: the page's address "
        "and '2/4' below, '12/5/26, 7:34 AM' and the title above stand between a wrapped label and its "
        "numbers; their numbers were read as cells (2, 4, 12, 5, 26, 7, 34) and the rows around the break "
        "were doubtful. normalize removes a browser's print header and footer",
    ),
    Case(
        "glued-thousands-chain-of-three-groups",
        doc("二、主动公开政府信息情况\n第二十条第（五）项信息内容上一年项目数量本年增/减处理决定数量行政许可1,358391,765,851"
            "其他对外管理服务事项069435,801第二十条第（六）项信息内容上一年项目数量本年增/减处理决定数量行政处罚14516414795\n",
            title="某某县人民政府2019年政府信息公开工作年度报告\n一、总体情况\n2019年，某某县做好政府信息公开工作。\n"),
        {
            "active.licensing.previous": (1358, "doubtful"),
            "active.licensing.change": (..., "doubtful"),
            "active.licensing.decisions": (..., "doubtful"),
        },
        "synthesizer, Word page through a crawler: '1,358391,765,851' is 1,358 | 39 | 1,765,851; the run was "
        "joined only up to its second comma, so the cut fell on the third and 391 | 765,851 came out inferred. "
        "(1,358 is doubtful too: read as two cells, 1,358 | 391,765,851, the row may have lost its blank "
        "上一年项目数量, and 1,358 be the 本年增/减)",
    ),
    Case(
        "iso-dates-of-the-page-pick-no-cutting",
        doc(P4 + "行政复议行政诉讼结果维持结果纠正其他结果尚未审结总计未经复议直接起诉复议后起诉结果维持结果纠正其他结果尚未审结总计"
            "结果维持结果纠正其他结果尚未审结总计2500025711192830003\n",
            title="某某市人民政府2023年政府信息公开工作年度报告\n发布时间：2024-02-19 来源：本网\n一、总体情况\n"
                  "2023年，做好政府信息公开工作。\n"),
        {
            "litigation_direct.other": (..., "doubtful"),
            "litigation_direct.pending": (..., "doubtful"),
            "litigation_direct.total": (28, "inferred"),
        },
        "synthesizer, CMS page through lxml text_content: '7111928' cuts as 7 1 11 9 | 28 or 7 1 1 19 | 28; the "
        "19 of the page's '发布时间：2024-02-19' (R7) chose the second, inferred",
    ),
    Case(
        "date-numbers-of-the-narrative-pick-no-cutting",
        doc(P4 + "行政复议行政诉讼结果维持结果纠正其他结果尚未审结总计未经复议直接起诉复议后起诉结果维持结果纠正其他结果尚未审结总计"
            "结果维持结果纠正其他结果尚未审结总计1320063911312171206018\n",
            title="某某县人民政府2021年政府信息公开工作年度报告\n本报告统计期限自2021年1月1日起至2021年12月31日止。\n"
                  "一、总体情况\n2021年，某某县做好政府信息公开工作。\n"),
        {
            "litigation_direct.upheld": (..., "doubtful"),
            "litigation_direct.pending": (..., "doubtful"),
            "litigation_direct.total": (17, "inferred"),
            "review.total": (39, "inferred"),
        },
        "synthesizer, Word page through a crawler: part 四 glued, '1131217' cuts as 11 3 1 2 | 17, 1 13 1 2 | 17 "
        "or 1 1 3 12 | 17; the 12 of the preface's '12月31日' (R7) chose the last, inferred. A date's numbers "
        "are no narrative facts",
    ),
    Case(
        "part2-column-by-column-caption-wrapped-over-two-lines",
        doc("二、主动公开政府信息情况\n" "\n" "信息内容\n" "规章\n" "规范性文件\n" "\n" "信息内容\n" "\n" "行政许可\n" "其他对外管理服务事\n" "项\n" "\n"
            "信息内容\n" "行政处罚\n" "行政强制\n" "\n" "第二十条第（一）项\n" "\n" "本年新制作数量\n" "61\n" "15\n" "\n" "本年新公开数量\n" "10\n"
            "44\n" "\n" "对外公开总数量\n" "1,436\n" "1,477\n" "\n" "第二十条第（五）项\n" "\n" "上一年项\n" "目数量\n" "228\n" "627\n"
            "\n" "本年增/减\n" "\n" "9\n" "27\n" "\n" "第二十条第（六）项\n" "\n" "上一年项目数量\n" "1,454\n" "1,365\n" "\n"
            "本年增/减\n" "37\n" "75\n" "\n" "第二十条第（八）项\n" "\n" "处理决\n" "定数量\n" "13,305\n" "19,998\n" "\n" "处理决定数量\n"
            "5,996\n" "6,209\n" "\n" "信息内容\n" "行政事业性收费\n" "\n" "上一年项目数量\n" "0\n" "\n" "第二十条第（九）项\n" "\n" "信息内容\n"
            "\n" "政府集中采购\n" "\n" "采购项目\n" "数量\n" "0\n" "\n", title="岚皋县城关镇街道办事处2019年政府信息公开工作年度报告\n一、总体情况\n2019年，做好政府信息公开工作。\n"),
        {
            "active.licensing.previous": (228, "doubtful"),
            "active.licensing.change": (9, "doubtful"),
            "active.licensing.decisions": (13305, "doubtful"),
            "active.other_services.decisions": (19998, "doubtful"),
        },
        "synthesizer, LibreOffice PDF through pdfminer.six: part 二 printed column by column, 第（五）项's caption "
        "'上一年项目数量' wrapped as '上一年项' / '目数量'; the captions repair passed it and took 第（六）项's "
        "columns (1,454, 37, 5,996), inferred. A caption's two lines are one caption. (五)'s 处理决定数量 is "
        "printed after (八)'s caption, and (六) finds no columns after it: (六) and (五) have the same captions "
        "and rows, so whose the runs are is unsure (seeds 597 and 728: (五)'s columns before its labels, and "
        "(六)'s taken for them, inferred and wrong): doubtful",
        findings=("columns_from_captions",),
    ),
    Case(
        "part2-row-label-before-its-block-caption",
        doc("二、主动公开政府信息情况\n" "\n" "第二十条第（一）项\n" "\n" "信息内容\n" "规章\n" "规范性文件\n" "\n" "本年新制作数量\n" "38\n" "86\n"
            "\n" "本年新公开数量\n" "0\n" "41\n" "\n" "对外公开总数量\n" "99\n" "1248\n" "\n" "处理决\n" "定数量\n" "11566\n"
            "10714\n" "\n" "处理决定\n" "数量\n" "7413\n" "0\n" "\n" "信息内容\n" "\n" "上一年项目数量\n" "\n" "本年增/减\n" "\n"
            "第二十条第（五）项\n" "\n" "行政许可\n" "其他对外管理服务事\n" "项\n" "\n" "347\n" "365\n" "\n" "17\n" "-35\n" "\n"
            "信息内容\n" "\n" "上一年项目数量\n" "\n" "本年增/减\n" "\n" "第二十条第（六）项\n" "\n" "行政处罚\n" "行政强制\n" "\n" "信息内容\n" "\n"
            "行政事业性收费\n" "\n" "信息内容\n" "\n" "政府集中采购\n" "\n" "1271\n" "0\n" "\n" "56\n" "-52\n" "\n" "第二十条第（八）项\n"
            "\n" "上一\n" "年项目数量\n" "1344\n" "\n" "第二十条第（九）项\n" "\n" "采购项\n" "目数量\n" "0\n" "\n" "本年增/减\n" "\n"
            "57\n" "\n" "采购总金额\n" "\n" "652900\n" "\n"),
        {
            "active.procurement.projects": (..., "doubtful"),
            "active.procurement.amount": (..., "doubtful"),
        },
        "synthesizer, LibreOffice PDF through pdfminer.six: the blocks' labels run together before their "
        "captions, 政府集中采购 followed by 行政事业性收费's numbers ('1271 / 0 / 56 / -52 / 第二十条第（八）项'): "
        "1271 came out 采购项目数量, ok. A label before its own block's caption does not own the numbers after it",
        findings=("captions_among_rows",),
    ),
    Case(
        "layout-row-of-marks-and-a-value-is-no-page-number",
        doc("二、主动公开政府信息情况\n                         第二十条第（一）项\n"
            "      信息内容        本年制发件数          本年废止件数          现行有效件数\n"
            "                          ——                21                  ——\n      规章\n"
            "                          27                ——                  ——\n      行政规范性文件\n"
            "                         第二十条第（五）项\n      信息内容                         本年处理决定数量\n"
            "      行政许可                              56\n"),
        {
            "active.regulations.repealed": (21, "inferred"),
            "active.normative_documents.issued": (27, "inferred"),
            "active.licensing.decisions": (56, "ok"),
        },
        "synthesizer, Chromium PDF through PyMuPDF's gettext -mode layout: the row '——   21   ——' above its "
        "label was removed as a running page number '— 21 —', and 规章 took 规范性文件's numbers, ok. A page "
        "number has at most one space beside its dashes",
    ),
    Case(
        "wrapped-row-lines-interleave",
        doc(P3 +
            "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）  申请人情况\n"
            "自然人                                 法人或其他组织       总计\n"
            "商业                                  科研            社会公  法律服\n"
            "企业                                  机构            益组织  务机构  其他\n"
            "一、本年新收政府信息公开申请                      2948          606  6    65  159  142  3926\n"
            "二、上年结转政府信息公开申请数量                    545           300  72   ——  ——   22   939\n"
            "三、本年度办理结果                           （一）予以公开       ——   78   1   ——   27   ——    106\n"
            "（二）部分公开（区分处理的，只计这一情形，不计其他           375           15        3   11\n"
            "情形）                                                    9             16   429\n"
            "（三）不予公开                             1.属于国家秘密      314  73   11  ——   7    8     413\n"),
        {
            A + "partly_granted.research_institution": (9, "inferred"),
            A + "partly_granted.public_interest_org": (3, "inferred"),
            A + "partly_granted.legal_service_agency": (11, "inferred"),
        },
        "synthesizer, CMS page through inscriptis: the wrapped label cell '（二）部分公开（…不计其他/情形）' "
        "takes two lines and the row's cells stand on both, interleaved ('375 15 3 11' over '9 16 429'); read "
        "in line order 3, 11 and 9 changed columns and the sum held, ok. Left to right in characters, as the "
        "one-line rows stand ('2948 606 6 65 159 142 3926'), the row keeps its sum; in display columns it does not",
        findings=("columns_from_positions",),
    ),
    Case(
        "part2-printed-column-by-column-captions-among-rows",
        doc("二、主动公开政府信息情况\n" "\n" "信息内容\n" "\n" "本年制发件数\n" "\n" "本年度止件数\n" "\n" "第二十条第（一）项\n" "\n" "规章\n"
            "行政规范性文件\n" "\n" "0\n" "51\n" "\n" "83\n" "89\n" "\n" "第二十条第（五）项\n" "\n" "现行有\n" "效件数\n" "1197\n"
            "1334\n" "\n" "信息内容\n" "\n" "行政许可\n" "\n" "信息内容\n" "\n" "行政处罚\n" "行政强制\n" "\n" "本年\n" "处理决定数量\n"
            "15702\n" "\n" "第二十条第（六）项\n" "\n" "本年处\n" "理决定数量\n" "14213\n" "818\n" "\n" "信息内容\n" "行政事业性收费\n" "\n"
            "第二十条 第（八）项\n" "\n" "本年收费金额（单位：万元）\n" "15676.97\n" "\n"),
        {
            "active.coercion.decisions": (..., "doubtful"),
            "active.licensing.decisions": (..., "doubtful"),
        },
        "synthesizer, LibreOffice PDF through pdfminer.six's extract_text: its text boxes print part 二 column "
        "by column ('行政处罚 / 行政强制 / 本年 / 处理决定数量 / 15702 / 第二十条第（六）项'); 行政强制 took the "
        "column's first number, 15702 (行政许可's), ok",
        findings=("captions_among_rows",),
    ),
    Case(
        "extra-number-with-no-sum-to-confirm-the-drop",
        doc(P3 + "（三）不予公开\n1.属于国家秘密\n358\n4\n6\n1\n1\n/\n/ 379\n2.其他法律行政法规禁止公开\n123 60\n/\n4 22 15 224\n"),
        {
            A + "withheld.state_secret.natural_person": (..., "doubtful"),
            A + "withheld.state_secret.public_interest_org": (..., "doubtful"),
        },
        "synthesizer, Chromium PDF through PDFium's text (pypdfium2 get_text_range): 11 printed as '1' / '1'. "
        "Of the eight numbers only dropping 379 leaves a row whose sum (with a '/') cannot fail, and every "
        "dropping put a 1 under 社会公益组织: 1 came out ok. A dropping no sum confirms proves nothing",
    ),
    Case(
        "row-filling-a-column-the-table-leaves-blank",
        doc(P3 + "（三）不予公开\n1.属于国家秘密\n2,542 62\n-\n4\n-\n3\n2.其他法律行政法规禁止公开\n- 10\n6\n7 29 12\n"
            "3.危及“三安全一稳定”\n-\n7\n8\n-\n- 10\n4.保护第三方合法权益\n1,758 19 12\n-\n-\n-\n5.属于三类内部事务信息\n"
            "- 58\n1\n8 35\n-\n6.属于四类过程性信息\n1,051 38 10\n6\n5 23\n7.属于行政执法案卷\n- 41\n1\n1\n-\n-\n-\n"),
        {
            A + "withheld.enforcement_files.research_institution": (..., "doubtful"),
            A + "withheld.enforcement_files.public_interest_org": (..., "doubtful"),
        },
        "synthesizer, Chromium PDF through PDFium's text, 总计 left blank in every row: every row shows six "
        "numbers for seven columns, 执法案卷 seven because its 11 was printed '1' / '1'; with no 总计 to check, "
        "1 and 1 came out 科研机构 and 社会公益组织, ok",
        findings=("wider_than_table",),
    ),
    Case(
        "repeated-cell-in-a-pipe-row-of-a-table-that-leaves-a-column-blank",
        doc(P3 + _snippet("synth-3222.cms-html.markitdown.repeated.part3.txt"), title="某镇人民政府2024年政府信息公开工作年度报告\n"),
        {
            A + "withheld.internal_affairs.natural_person": (..., "doubtful"),
            A + "withheld.internal_affairs.research_institution": (..., "doubtful"),
            A + "withheld.internal_affairs.other_org": (..., "doubtful"),
        },
        "a mutation of synth seed 3222's CMS page through markitdown (the probe that repeats one printed number): "
        "总计 is left blank in every row, so each pipe row shows six numbers or marks; '| 1049 | 1049 | - | 9 |' "
        "shows seven, and its trailing empty cell was dropped: 1049 stayed ok and 9's '-' under 科研机构 came out "
        "not_applicable. A row that fills a column its table leaves blank, with no sum to say which cell is the "
        "extra one, is doubtful in delimited text too",
        findings=("wider_than_table",),
    ),
    Case(
        "repeated-cell-in-a-spaced-row-of-a-table-that-leaves-a-column-blank",
        doc(P3 + _snippet("synth-3222.chromium-pdf.pypdf.repeated.part3.txt"), title="某镇人民政府2024年政府信息公开工作年度报告\n"),
        {
            A + "other_processing.miscellaneous.natural_person": (..., "doubtful"),
            A + "other_processing.miscellaneous.public_interest_org": (..., "doubtful"),
        },
        "a mutation of synth seed 3222's Chromium PDF through pypdf (the probe that repeats one printed number): "
        "rows of numbers a space apart, six for seven columns (总计 blank); '3.其他 2127 69 3 3 - - -' shows "
        "seven and came out 社会公益组织 3, ok. Text with positions counts its rows' numbers as bare text does",
        findings=("wider_than_table",),
    ),
    Case(
        "repeated-number-in-a-part2-block-whose-other-row-shows-fewer",
        doc(_snippet("synth-3184.lo-pdf.pdftotext.repeated.part2.txt"), title="福建省人民政府2022年度政府信息公开工作年度报告\n"),
        {
            "active.regulations.repealed": (..., "doubtful"),
            "active.regulations.in_force": (..., "doubtful"),
            "active.normative_documents.issued": (64, "doubtful"),
        },
        "a mutation of synth seed 3184's LibreOffice PDF through plain pdftotext (the probe that repeats one "
        "printed number): the 现行有效件数 column was printed far from its block, so 规章 and 行政规范性文件 show "
        "two numbers each for three columns; 规章's 62 printed twice filled its row, 62 | 62 | 60, ok. A "
        "block's rows are one table (they shared no list of columns, so each row was a table of its own), and "
        "a table of two rows leaves a column blank when one of them shows fewer",
        findings=("wider_than_table",),
    ),
    Case(
        "rows-read-off-their-labels-table-wide",
        doc(_snippet("synth-3281.chromium-pdf.pymupdf-layout.part3.txt"), title="某县人民政府2024年政府信息公开工作年度报告\n"),
        {
            A + "granted.legal_service_agency": (..., "doubtful"),
            A + "granted.other_org": (..., "doubtful"),
            A + "withheld.prohibited_by_law.legal_service_agency": (..., "doubtful"),
            A + "withheld.security_stability.other_org": (..., "doubtful"),
        },
        "synthesizer seed 3281, Chromium PDF through PyMuPDF's layout text: every row's numbers are printed "
        "above its wrapped label, and each run went to the label after it, every row sum holding. The column "
        "sums failed in five columns, but 法律服务机构 and 其他 could not be assessed (an empty cell, doubtful, "
        "may be any count), and 予以公开's 17 and 1 (partly_granted's) came out ok. When most column sums "
        "fail, a column whose sum does not hold is doubtful through and through",
        findings=("column_sums_fail",),
    ),
    Case(
        "row-of-cells-continued-in-text-after-a-page-break",
        doc(_snippet("synth-3274.lo-pdf.markitdown.part3.txt"), title="某县人民政府2024年政府信息公开工作年度报告\n"),
        {
            A + "not_processed.petition_complaint.natural_person": (..., "doubtful"),
            A + "not_processed.petition_complaint.commercial_enterprise": (..., "doubtful"),
            A + "not_processed.petition_complaint.legal_service_agency": (..., "doubtful"),
        },
        "synthesizer seed 3274, LibreOffice PDF through markitdown: 信访举报投诉类申请's row is cut by a page "
        "break, '| （五） | ①信 | 　 | 75 - | 4 | 27 | 9 　 |', the page's footer, then '不予处 访举报 1409 "
        "1524' as text. Read in order, 75 went to 自然人 and 1409 to 其他, the row's sum holding (it holds for "
        "every order), ok. Where numbers of a row come both from cells and from text, their order is unknown",
    ),
    Case(
        "blank-first-cell-beside-a-full-row-in-tabs",
        doc(
            "二、主动公开政府信息情况\n第二十条第（一）项\n信息内容\t本年新制作数量\t本年新公开数量\t对外公开总数量\n"
            "规章\t\t0\t0\n规范性文件\t0\t0\t0\n",
            title="某某县某某镇人民政府2020年政府信息公开工作年度报告\n一、总体情况\n2020年，做好政府信息公开工作。\n",
        ),
        {"active.regulations.made": (None, "blank"), "active.normative_documents.made": (0, "ok"),
         "active.normative_documents.total_published": (0, "ok")},
        "hypothesis (tabs, 2019 edition): 规章's blank first cell is a cell of the row, so 规范性文件 beside it "
        "fills no column the table leaves blank; counted from its first value on, the row looked wider and "
        "came out doubtful",
        edition="2019",
    ),
    Case(
        "repeated-number-in-a-row-of-cells-one-too-many",
        doc(_snippet("synth-3295.word-html.browser-copy.repeated.part3.txt"), title="某县人民政府2024年政府信息公开工作年度报告\n"),
        {
            A + "withheld.security_stability.natural_person": (..., "doubtful"),
            A + "withheld.security_stability.commercial_enterprise": (..., "doubtful"),
        },
        "a mutation of synth seed 3295's Word page through Chromium's copy (the probe that repeats one printed "
        "number): only 自然人 is filled, every row seven cells a tab apart; '199' printed twice on two lines of "
        "its cell gave a row of eight cells (over two lines), and 199 | 199 came out ok under 自然人 and 商业企业. "
        "A row of cells holding more cells than every other row, where those all hold as many, has one too "
        "many, and no empty 总计 can say which",
        findings=("wider_than_table",),
    ),
    Case(
        "repeated-number-standing-alone-in-a-blank-column",
        doc(_snippet("synth-3296.word-html.w3m.repeated.part3.txt"), title="某县人民政府2024年政府信息公开工作年度报告\n"),
        {
            A + "withheld.prohibited_by_law.other_org": (..., "doubtful"),
            A + "withheld.prohibited_by_law.total": (..., "doubtful"),
        },
        "a mutation of synth seed 3296's Word page through w3m (the probe that repeats one printed number): "
        "总计 is left blank in every row; '│ 0 │ 0 │ 0 │ 0 │ 0 │ 4│4 │' filled it, 0 + … + 4 = 4, ok. No count of "
        "part 三 stands alone (R1 and R2 put it in two rows at least): one whose column relations are empty in "
        "every other cell was repeated or shifted, and its row is doubtful",
        findings=("lone_cell",),
    ),
    Case(
        "repeated-zero-in-a-row-of-zeros-one-cell-too-many",
        doc(_snippet("synth-3296.word-html.w3m.repeated-zero.part3.txt"), title="某县人民政府2024年政府信息公开工作年度报告\n"),
        {A + "unavailable.unclear_after_correction.total": (..., "doubtful")},
        "a mutation of synth seed 3296's Word page through w3m (the probe that repeats one printed number): "
        "总计 is left blank in every row; a row of six 0s with its last 0 printed twice filled it, and 0 + … + "
        "0 = 0 held, ok. A row of one number over and over holds its sum whichever cell is the extra one",
        findings=("wider_than_table",),
    ),
    Case(
        "part4-groups-in-text-boxes-among-caption-pieces",
        doc(_snippet("synth-3398.chromium-pdf.pdfminer.part4.txt"), title="某镇人民政府关于2022年政府信息公开工作年度报告\n"),
        {"review.upheld": (..., "doubtful"), "review.total": (..., "doubtful"),
         "litigation_after_review.total": (..., "doubtful")},
        "synthesizer seed 3398, Chromium PDF through pdfminer.six: part 四's text boxes came out '8件 5件 2件 7件 "
        "22件' (复议后起诉's), the caption pieces '尚 / 未 / 审 / 结', then the other two groups; read in order, "
        "each group's R4 held and all fifteen came out ok in the wrong groups. Numbers on two rows with pieces "
        "of the column captions between them are printed in no known order",
    ),
    Case(
        "unsigned-count-in-a-change-cell-of-a-report-that-signs-its-increases",
        doc(_snippet("synth-3542.lo-pdf.pdftotext.repeated.part2.txt"), title="某县人民政府2020年政府信息公开工作年度报告\n"),
        {"active.fees.previous": (398, "doubtful"), "active.fees.change": (..., "doubtful")},
        "a mutation of synth seed 3542's LibreOffice PDF through plain pdftotext (the probe that repeats one "
        "printed number): the conversion lost 行政事业性收费's 本年增/减, caption and cell, and its 上一年项目数量 "
        "398 printed twice filled it, ok. The part prints its increases with a plus (+49, +73, +58): an "
        "unsigned count in a 本年增/减 cell of such a report is no change",
        edition="2019",
        findings=("ambiguous_cells",),
    ),
    Case(
        "crawler-row-runs-on-past-a-label-it-does-not-know",
        doc("二、主动公开政府信息情况\n第二十条第（一）项信息内容本年新制作数量本年新公开数量对外公开总数量规章0440规范有文件7600"
            "第二十条第（五）项信息内容上一年项目数量本年增/减处理决定数量行政许可0+510其他对外管理服务事项1438+4914743\n"
            "三、收到和处理政府信息公开申请情况\n", title="某县人民政府2020年政府信息公开工作年度报告\n"),
        {"active.regulations.total_published": (..., "doubtful")},
        "the label probe (one row label mangled a text) over synth seed 3607's CMS page as a crawler dumps it: "
        "'规范性文件' misread '规范有文件' was not found, and 规章's glued run went on past it into the next row's "
        "'7600' (规章 0 | 440 | 7600, ok). Words between two glued runs of a line are a label: what follows is "
        "another row's",
        edition="2019",
    ),
    Case(
        "empty-row-before-a-label-the-matcher-does-not-know",
        doc(_snippet("shanghai-2019.html2text.unnumbered-total.part3.md"), title="某县人民政府2019年政府信息公开工作年度报告\n"),
        {A + "other_processing.total.natural_person": (None, "blank"),
         A + "total_processed.natural_person": (767, "inferred"), A + "total_processed.total": (805, "inferred")},
        "the label probe over shanghai-office-2019's page through html2text: '（七）总计' printed '总计' is no "
        "label the matcher knows, and the empty row of （六）其他处理 before it was taken for a merged cell's "
        "leftovers, so 其他处理 read the 总计 row's 767 … 805, ok. An empty row is the row's own when words "
        "stand before the next",
        edition="2019",
    ),
    Case(
        "crawler-row-glued-into-a-row-whose-label-is-lost",
        doc(_P2_CRAWLER.format("21130")),
        {"active.penalty.decisions": (..., "doubtful"), "active.licensing.decisions": (15193, "ok")},
        "the label probe over pingtan-2022's crawler text: with 行政强制's label gone, its 0 ran on in 行政处罚's "
        "digits ('行政处罚2113行政强制0' read '行政处罚21130', ok). A row's glued digits where the block's next row "
        "is not found may hold that row's cells",
    ),
    Case(
        "crawler-row-ending-in-a-mark-glued-into-a-row-whose-label-is-lost",
        doc("二、主动公开政府信息情况\n第二十条第（一）项信息内容本年制发件数本年废止件数现行有效件数规章6575113293/第二十条第（五）项"
            "信息内容本年处理决定数量行政许可9424第二十条第（六）项信息内容本年处理决定数量行政处罚14行政强制0第二十条第（八）项"
            "信息内容本年收费金额（单位：万元）行政事业性收费17238.9\n"),
        {"active.regulations.in_force": (None, "doubtful")},
        "the label probe over synth seed 3267's crawler dump: with 行政规范性文件's label gone, its '/' went to "
        "规章's 现行有效件数, not_applicable. A run ending in a glued mark may hold the lost row's cells too",
    ),
    Case(
        "crawler-mark-between-a-label-and-the-next-caption",
        doc(_P2_CRAWLER.format("1640行政强制-")),
        {"active.penalty.decisions": (1640, "ok"), "active.coercion.decisions": (None, "not_applicable")},
        "synth seed 3169's crawler dumps: '行政强制-第二十条第（八）项…' was one run of text, 行政强制 lost to the "
        "caption's block (and, with the rule above, 行政处罚 doubted for a row that is there). No text token runs "
        "across a 第二十条 caption, and a mark between a label and the caption is the row's cell",
    ),
    Case(
        "html-row-one-cell-short-has-no-empty-last-cell",
        doc(P4 + "<table>\n<tr>\n<td colspan=\"5\">行政复议</td>\n<td colspan=\"10\">行政诉讼</td>\n</tr>\n<tr>\n"
            + "".join(f"<td>{c}</td>\n" for c in (12, 2, 0, 14, 4, 5, 3, 11, 23, 12, 2, 0, 0, 14)) + "</tr>\n</table>\n"),
        {"litigation_after_review.total": (None, "doubtful"), "litigation_after_review.upheld": (..., "doubtful")},
        "the line probe over synth seeds 3450-3549 (pandoc's HTML tables, a <td> line lost): every cell ended with "
        "a tab, the row's last too, so a row one cell short read an empty cell after its last and took it for "
        "复议后起诉's 总计 (blank), the group's other four ok. A tab stands between cells, not after a row's last",
    ),
    Case(
        "crawler-part3-row-with-thousands-separators-cut-by-its-sum",
        doc(P3 + "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）申请人情况自然人法人或其他组织总计商业企业"
            "科研机构社会公益组织法律服务机构其他一、本年新收政府信息公开申请2,1911599332287652,827二、上年结转政府信息公开申请"
            "数量135555026078794三、本年度办理结果（一）予以公开02630102564\n"),
        {A + "new_received.natural_person": (2191, "inferred"), A + "new_received.legal_service_agency": (287, "inferred"),
         A + "new_received.total": (2827, "inferred")},
        "synth seed 3675, Word HTML through a crawler's dump: '2,1911599332287652,827' is 2,191 | 159 | 93 | 32 | 287 "
        "| 65 | 2,827, but a run with thousands separators was cut only without a sum (part 二's), and 20 digits "
        "are more than such a run may hold: the row came out None, doubtful. The sum-guided cutting takes "
        "thousands numbers as cells (a comma inside one), and the 总计 printed either way",
    ),
    Case(
        "crawler-mark-between-a-label-and-a-number-is-a-cell",
        doc(P3 + "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）申请人情况自然人法人或其他组织总计商业企业科研机构"
            "社会公益组织法律服务机构其他一、本年新收政府信息公开申请数量9884353310596410373二、上年结转政府信息公开申请数量"
            "//51613580236三、本年度办理结果（一）予以公开/////1111（三）不予公开1.属于国家秘密1448/////1448"
            "2.其他法律行政法规禁止公开/80//36/116\n"),
        {A + "withheld.prohibited_by_law.natural_person": (None, "not_applicable"),
         A + "withheld.prohibited_by_law.commercial_enterprise": (80, "ok"), A + "withheld.prohibited_by_law.total": (116, "ok")},
        "synth seed 3266, Word HTML through a crawler's dump: the '/' between '…禁止公开' and 80 was read as the "
        "label's last character, so the row held six cells for seven, 80 and 36 in no known columns (doubtful, "
        "and wrong). Marks glued between a label and a number are cells",
    ),
    Case(
        "proportional-print-runs-two-cells-together",
        doc(_snippet("synth-3650.cms-pdf.pdftotext-layout.part3.txt"), title="某县人民政府2023年政府信息公开工作年度报告\n"),
        {A + "carried_over.other_org": (110, "inferred"), A + "carried_over.total": (2075, "inferred"),
         A + "unavailable.needs_creation.research_institution": (4, "doubtful")},
        "synth seed 3650's CMS page printed by Chromium, through pdftotext -layout: in a proportional font two "
        "narrow cells' digits stand side by side, '1770 0 73 3 119 1102075' (110 | 2075) and '369 0 47 9 8 397' "
        "(4 | 7); the rows were short of a number and read with a blank, doubtful and wrong. A row of text "
        "short of numbers is also cut where a number may be two, when its sum says so",
    ),
    Case(
        "numbers-whose-unit-wrapped-stand-a-line-above-their-row",
        doc(P3 + "申请人情况\n自然人 商业企业 科研机构 社会公益组织 法律服务机构 其他 总计\n"
            "一、本年新收政府信息公开申请数量 27401件 488件 291件 52件 47件 130件 28409件\n"
            "二、上年结 31 38\n0件 128件 0件 0件 197件\n转政府信息公开申请数量 件 件\n三、本年度\n"
            "（一）予以公开 418件 52件 0件 9件 14件 0件 493件\n办理结果\n"),
        {A + "carried_over.natural_person": (..., "doubtful"), A + "carried_over.research_institution": (..., "doubtful"),
         A + "granted.natural_person": (418, "ok")},
        "synth seed 3694's CMS page printed by Chromium, through pdfplumber: '31件' and '38件' wrapped in their "
        "narrow cells ('31' / '件'), and vertically centred they stood a line above the row's other cells; read "
        "line by line, 31 and 38 came first (科研机构's and 社会公益组织's, read as 自然人's and 商业企业's), the "
        "sum holding, ok. Numbers without the unit the row's others carry, a line above them, are in no known order",
    ),
    Case(
        "pdftotext-caption-with-its-note-after-a-rows-number",
        doc(_snippet("synth-3698.cms-pdf.pdftotext.part2.txt"), title="某县人民政府2023年政府信息公开工作年度报告\n"),
        {"active.fees.amount": (..., "doubtful")},
        "synth seed 3698's CMS page printed by Chromium, through plain pdftotext: (六)'s labels stand together "
        "and their numbers 3197 / 0 after 行政事业性收费, whose caption line '本年收费金额（单位：万元，保' comes "
        "after them: 3197 went to 行政事业性收费, ok. A line that opens with a column caption and goes on with "
        "its note is that caption (the block was printed column by column)",
    ),
    Case(
        "pdftotext-row-label-past-the-next-blocks-caption",
        doc(_snippet("synth-3699.cms-pdf.pdftotext.part2.txt"), title="某县人民政府2020年政府信息公开工作年度报告\n"),
        {"active.coercion.previous": (..., "doubtful"), "active.coercion.decisions": (..., "doubtful")},
        "synth seed 3699's CMS page printed by Chromium, through plain pdftotext: '行政强制' stands after the "
        "captions of (八) and (九), followed by 10449 / 21 / 378 (行政许可's and 其他对外管理服务事项's), read as its "
        "own, ok. A row label past the next block's caption, with no number on its own line, is not followed "
        "by its own numbers",
        edition="2019",
    ),
    Case(
        "pdf-text-cells-a-paragraph-each-in-the-order-of-their-heights",
        doc(_snippet("synth-3714.cms-pdf.pdftotext.part2.txt") + "\f", title="某县人民政府2023年政府信息公开工作年度报告\n"),
        {"active.normative_documents.repealed": (..., "doubtful"), "active.normative_documents.in_force": (..., "doubtful")},
        "synth seed 3714's CMS page printed by Chromium, through plain pdftotext: '行政规范性文件 / 9 / 0 / 74' "
        "for 9 | 74 | 0, the 0 cell standing a little higher (its paragraph and font size), and pdftotext prints "
        "text blocks top to bottom: 0 and 74 swapped, ok. In a PDF's text (form feeds), a row whose numbers "
        "stand a paragraph each is in no known column order",
    ),
    Case(
        "markitdown-part4-value-rows-filling-the-same-columns",
        _snippet("synth-3709.cms-pdf.markitdown.txt"),
        {"litigation_direct.upheld": (..., "doubtful"), "litigation_direct.total": (..., "doubtful")},
        "synth seed 3709's CMS page printed by Chromium, through markitdown: part 四's value row came out as two "
        "pipe rows, '| | … | 12 | 6 | 5 | 23 | 6 | 8 | | 1 | 2 | 17 |' over '| 28 | | 0 | 30 | 26 84 | 0 | …', both "
        "with numbers under one column; read in order, 未经复议直接起诉's group read 8 | 1 | 2 | 17 | 28, its R4 "
        "holding by chance, ok. Value rows with numbers under the same column are in no known order (a mark "
        "under a number is a mark row printed apart: markitdown-part4-mark-row-apart-two-columns-in-one-cell)",
    ),
    Case(
        "markitdown-row-over-two-rows-of-crowded-cells",
        doc(_snippet("synth-3684.cms-pdf.markitdown.part3-head.txt")),
        {A + "granted.natural_person": (..., "doubtful"), A + "granted.commercial_enterprise": (..., "doubtful")},
        "synth seed 3684's CMS page printed by Chromium, through markitdown: '| （一）予以公开 | | 10 5 | | |' over "
        "'| | 171 12 | | 35 | 15 248 |' is 171 | 12 | 10 | 5 | 35 | 15 | 248; read row after row, 10 and 5 came "
        "first, the sum holding, ok. A row's numbers on two rows of cells, several in a cell, are in no known order",
    ),
    Case(
        "crawler-marks-between-two-labels-are-the-first-rows-cells",
        doc(P3 + "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）申请人情况自然人法人或其他组织总计商业企业科研机构"
            "社会公益组织法律服务机构其他一、本年新收政府信息公开申请数量9884353310596410373二、上年结转政府信息公开申请数量"
            "//51613580236三、本年度办理结果（一）予以公开/////1111（二）部分公开（区分处理的，只计这一情形，不计其他情形）"
            "///////（三）不予公开1.属于国1448/////14482.其他法律行政法规禁止公开/80//36/116\n"),
        {A + "partly_granted.natural_person": (None, "not_applicable"), A + "partly_granted.total": (None, "not_applicable")},
        "the label probe over synth seed 3266's crawler dump ('1.属于国家秘密' cut to '1.属于国'): the seven '/' "
        "cells of （二）部分公开 ran into the text between its label and the next, so it took the unknown label's "
        "row, 1448 … 1448, ok. Marks glued between a label's closing bracket and the next label are cells",
    ),
    Case(
        "label-wrapped-a-character-a-line-keeps-its-wu",
        doc(P3 + "（五）\n不予处\n①\n信\n访举报\n0\n0\n0\n0\n0\n0\n0\n理 投诉类\n申请② 重\n复申请\n340\n0\n6\n0\n0\n0 346\n"
            "③\n要\n求提供\n公开出\n版物\n0 75\n0\n4\n8\n0 87\n④\n无\n正当理\n由大量\n反复申请\n0\n0\n0\n0\n0\n0\n0\n"
            "⑤\n要\n求行政\n机关确\n认或重\n新出具\n已获\n取\n信息\n22 51\n8 11\n0\n5 97\n"),
        {
            A + "not_processed.excessive_repeated.natural_person": (0, "doubtful"),
            A + "not_processed.duplicate.total": (346, "doubtful"),
        },
        "synthesizer, LibreOffice PDF through PDFium's text (pypdfium2 get_text_range): the narrow label cell "
        "breaks '④无正当理由大量反复申请' after its first character, and the 无 on a line of its own was read as "
        "a not-applicable 自然人 cell, the row's last 0 left over, ok. (0, doubtful: the reading with the numbers "
        "above the labels gives the row 0 | 0 | 4 | 8 | 0 | 87, and its 0 under 自然人 is another number's, no "
        "agreement; that reading puts ②'s 346 in another row, where its sum holds as well: doubtful)",
    ),
    Case(
        "one-number-a-line-row-with-one-number-too-many",
        doc(P3 + "（五）不予处理\n4.无正当理由大量反复申请\n—\n0\n0\n0\n0\n0\n0\n0\n5.要求行政机关确认或重新出具已获取信息\n1\n0\n0\n0\n0\n0\n1\n"),
        {
            A + "not_processed.excessive_repeated.natural_person": (..., "doubtful"),
            A + "not_processed.excessive_repeated.total": (0, "doubtful"),
        },
        "a row of one number a line with one number more than its columns before the next label: the first "
        "seven were the row and the last a stray, ok; nothing tells which one is extra. (Its 总计 is 0 in every "
        "placement, but the reading with the numbers above the labels, which keeps no sum either, reads the "
        "rows otherwise: doubtful)",
    ),
    Case(
        "aligned-row-numbers-on-two-lines",
        doc(P3 +
            "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）     申请人情况\n"
            "自然人                                    法人或其他组织          总计\n"
            "商业                                     科研机构             社会公  法律服  其他\n"
            "企业                                                      益组织  务机构\n"
            "一、本年新收政府信息                             1180             164  23   109  286  119  1881\n"
            "公开申请数量\n"
            "二、上年结转政府信息公开申请数量                       2873             547  43   -    -    35   3498\n"
            "三、本年度办理结果                              （一）予以公开          349  74   10   8    7    -     448\n"
            "（二）部分公开                                398              58   -    3    9    -    468\n"
            "（三）不予公开                                1.属于国家秘密         300  50   -    4    13   -     367\n"
            "2.                                     186              45   11   9    14   -    265\n"
            "其他法律法规禁止公开\n"
            "3.危及“三安全一稳定”                           93               -    1    12   -    1    107\n"
            "保护第三方合法权益                              125              22   9    1    -    3    160\n"
            "属于三类                                   -                64   7    5    38   20   134\n"
            "内部事务信息\n"
            "6.属于四类\n"
            "过程性信息                                  254              -    8    2    -    17   281\n"
            "7.属于行政执                                374              17   4    6              405\n"
            "法案卷                                                                    4    -\n"),
        {
            A + "withheld.enforcement_files.public_interest_org": (6, "inferred"),
            A + "withheld.enforcement_files.legal_service_agency": (4, "inferred"),
            A + "withheld.enforcement_files.other_org": (None, "inferred"),
            A + "withheld.enforcement_files.total": (405, "inferred"),
            A + "withheld.third_party_rights.total": (160, "ok"),
        },
        "synthesizer, CMS page through inscriptis (a layout-keeping HTML-to-text converter): a paragraph "
        "cell stands a line lower than the bare cells of its row ('374 17 4 6 405' over '4 -'); read in "
        "line order, 405 came out 法律服务机构 and 4 其他, ok. The columns the numbers stand under place them",
    ),
]

# a part 三 table of ten rows, 自然人 and 总计 filled, the zeros written or left out (column habits)
_HABIT_ROWS = ("（一）予以公开", "（二）部分公开", "1.属于国家秘密", "2.其他法律行政法规禁止公开", "3.危及“三安全一稳定”",
               "4.保护第三方合法权益", "5.属于三类内部事务信息", "6.属于四类过程性信息", "7.属于行政执法案卷", "8.属于行政查询事项")


def _habit_table(cells: dict[str, tuple[str, str]]) -> str:
    """Part 三 (2021 edition) as tab rows, each row's 自然人 | 商业企业 and 总计 from ``cells`` (blank
    others), 一 and 二 before them."""
    lines = [P3, "申请人情况\t自然人\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t总计\n"]
    for i, label in enumerate(("一、本年新收政府信息公开申请数量", "二、上年结转政府信息公开申请数量", *_HABIT_ROWS)):
        a, b = cells.get(label, (str(i + 2), ""))
        total = str(int(a or 0) + int(b or 0))
        lines.append(f"{label}\t{a}\t{b}\t\t\t\t\t{total}\n")
    return "".join(lines)


ISSUE12 += [
    Case(
        "markitdown-printed-grid-lone-number-a-column-over",
        doc(_snippet("synth-3760.cms-pdf.markitdown.part3.txt"), title="某某镇人民政府2020年政府信息公开工作年度报告\n"),
        {
            A + "new_received.commercial_enterprise": (413, "doubtful"),  # 自然人's; read ok
            A + "granted.natural_person": (None, "doubtful"),  # 0; read blank
            A + "granted.commercial_enterprise": (0, "doubtful"),  # blank; read ok
            A + "withheld.internal_affairs.natural_person": (None, "doubtful"),  # 0, on a line of its own
            A + "total_processed.commercial_enterprise": (1809, "doubtful"),  # 自然人's; read ok
            A + "withheld.prohibited_by_law.natural_person": (282, "ok"),
        },
        "synth seed 3760, markitdown of the CMS page printed by Chromium: its pipe grid puts cells where the "
        "words fall, so a row's lone number stands under 自然人 in one row and under 商业企业 in the next "
        "('| | | （⼀）予以公开 | | | 0 | | | | | 0 |'), every row sum holding. The report fills 自然人, "
        "zeros too, in most rows and leaves 商业企业 empty in most: a row that leaves 自然人 empty and "
        "prints 商业企业 is read a column over (or lost a 0), and its cells are doubtful",
        findings=("column_out_of_habit",),
    ),
    Case(
        "lone-business-column-where-the-report-leaves-zeros-out",
        doc(_habit_table({"（二）部分公开": ("", "1"), "一、本年新收政府信息公开申请数量": ("5", "1")})),
        {
            A + "partly_granted.natural_person": (None, "blank"),
            A + "partly_granted.commercial_enterprise": (1, "ok"),
            A + "granted.natural_person": (4, "ok"),
        },
        "the column habit's other side: a report that leaves its zeros out (no 0 printed under 自然人) may "
        "leave 自然人 empty in a row with a 商业企业 application; no doubt where nothing says a number moved",
    ),
    Case(
        "pdfminer-two-rows-interleaved-after-one-label",
        doc(_snippet("synth-3817.cms-pdf.pdfminer.part3.txt"), title="某某镇人民政府2022年政府信息公开工作年度报告\n"),
        {
            A + "other_processing.miscellaneous.commercial_enterprise": (0, "doubtful"),  # 67
            A + "other_processing.miscellaneous.total": (12, "doubtful"),  # 69
        },
        "synth seed 3817, pdfminer of the CMS page printed by Chromium: after '3.其他' the cells of two rows "
        "interleaved ('0 0 0 3 9 0 12 24 67 0 0 0 2 69', 3.其他's 0 then 2.'s seven then 3.其他's six). The "
        "first seven kept 3.其他's sum (0+0+0+3+9+0 = 12) and were read ok; the seven after them, given to "
        "the row before, did not. Numbers running on from a row whose sum fails, nothing between, are "
        "not cut surely: doubtful",
        findings=("ambiguous_cells",),
    ),
    Case(
        "pandoc-plain-table-left-out",
        doc("二、主动公开政府信息情况\n第二十条第（一）项\n信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n规章\t0\t0\t0\n",
            P3, "本年度共收到政府信息公开申请1549件。\n\n表二 收到和处理政府信息公开申请情况\n\n[TABLE]\n\n", P4, "[TABLE]\n"),
        {A + "new_received.total": (None, "missing"), "review.total": (None, "missing")},
        "synth seed 3781, pandoc's plain text of the DOCX: a table with merged cells it cannot draw is the "
        "line '[TABLE]'. Every cell of it is missing, as it should be, and the finding says why and what to "
        "do (pandoc -t gfm, or parse_file on the DOCX)",
        findings=("table_left_out",),
    ),
    Case(
        "row-of-text-beside-another-lines-empty-cells",
        doc("二、主动公开政府信息情况\n第二十条第（一）项\n信息内容 本年制发件数 本年废止件数 现行有效件数\n规章 0 1156\n\n"
            "| | | 某某市人民政府2023年度政府信息公开工作年度报告_某某市人民政府门户网站 | | | | |\n| --- | --- | --- | --- | --- | --- | --- |\n"
            "| 行政规范性文件 | | 81 | 77 | | 873 | |\n第二十条第（五）项\n信息内容 本年处理决定数量\n行政许可 45\n"),
        {
            "active.regulations.issued": (0, "doubtful"),
            "active.regulations.repealed": (1156, "doubtful"),  # or 现行有效件数's
            "active.regulations.in_force": (None, "doubtful"),
        },
        "the one-fault probe over markitdown of the printed CMS page (synth seed 3757, one of 规章's numbers "
        "lost): '规章 0 1156' is a line of text, and the page header printed after it is a pipe row of empty "
        "cells around the page's title. Those empty cells were taken as the row's, trimmed at its edge, "
        "and 1156 read ok as 本年废止件数 beside a blank 现行有效件数. Empty cells of another line say "
        "nothing about a row whose numbers stand in no cell",
        findings=("missing_cells",),
    ),
    Case(
        "part2-row-takes-the-first-of-a-run-that-goes-on",
        doc(_snippet("synth-3771.cms-pdf.pdftotext.caption-typo.part2.txt"), title="某某县人民政府2022年政府信息公开工作年度报告\n"),
        {"active.fees.amount": (15860.0, "doubtful")},  # 54518.2; 15860 is 行政处罚's
        "the one-fault probe over plain pdftotext of the printed CMS page (synth seed 3771, the caption "
        "本年收费金额 misread): 行政处罚 and 行政强制 stand as labels alone, their numbers 15860 6194 after "
        "行政事业性收费's label, and the misread caption no longer marked 54518.2 as the column's. The row "
        "took 15860, ok. A row whose numbers run on into numbers no cell took, no text between, may have "
        "taken another row's",
        findings=("ambiguous_cells",),
    ),
    Case(
        "lxml-minified-empty-cells-as-spaces",
        doc(P3, "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）申请人情况自然人法人或其他组织总计商业企业科研机构"
            "社会公益组织法律服务机构其他一、本年新收政府信息公开申请数量1306325    1631二、上年结转政府信息公开申请数量"
            "1989289    2278三、本年度办理结果（一）予以公开17163    234（二）部分公开（区分处理的，只计这一情形，不计其他情形）"
            "1671    168\n"),
        {
            A + "new_received.natural_person": (1306, "doubtful"),  # read 1 (1|3|0|63|25|16|31)
            A + "new_received.commercial_enterprise": (325, "doubtful"),
            A + "new_received.research_institution": (None, "doubtful"),
            A + "new_received.total": (1631, "doubtful"),
            A + "granted.natural_person": (171, "doubtful"),
            A + "granted.commercial_enterprise": (63, "doubtful"),
        },
        "synth seed 3888, lxml's text_content of the minified CMS page: cells run together and an empty "
        "cell leaves its &nbsp; alone ('1306325    1631' for 1306 | 325 | | | | | 1631). Cut as seven "
        "numbers, no cutting held the sum and the row read 1 | 3 | 0 | 63 | 25 | 16 | 31. Each space an empty "
        "cell is one more hypothesis for the sums to weigh; the values come right, and stay doubtful (a "
        "space may be a cell's padding)",
        findings=("glued_digits",),
    ),
    Case(
        "wrapped-numbers-on-a-line-of-cells-with-empty-ones",
        doc(P3, "申请人情况\n自然人\t法人或其他组织\t总计\n商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\n"
            "一、本年新收政府信息公\t1482\t880\t49\t97\t280\t109\t1623\n开申请数量\t4\t\t\t\t\t\t9\n"
            "二、上年结转政府信息公开申请数量\t13707\t0\t37\t0\t0\t43\t13787\n"),
        {
            A + "new_received.natural_person": (14824, "inferred"),  # read 1482, doubtful
            A + "new_received.commercial_enterprise": (880, "inferred"),
            A + "new_received.total": (16239, "inferred"),
            A + "carried_over.total": (13787, "ok"),
        },
        "synth seed 3754, the LibreOffice print read by parse_file: 14824 and 16239 wrapped in their narrow "
        "cells, and the table reader printed the row on two lines of cells, the tails under their heads "
        "with the empty cells between ('开申请数量 | 4 | | | | | | 9'). The wrapped tails were looked for on "
        "lines of numbers alone, not on a line of cells with empty ones; joined, the row adds up",
    ),
    Case(
        "layout-row-without-sum-its-cell-a-line-lower-and-left",
        doc("二、主动公开政府信息情况\n" + _snippet("synth-4025.cms-pdf.pdftotext-layout.part2-tail.txt"),
            title="某某县人民政府2020年政府信息公开工作年度报告\n"),
        {
            "active.procurement.projects": (587920, "doubtful"),  # 12
            "active.procurement.amount": (12.0, "doubtful"),  # 587920
            "active.fees.change": (-67, "ok"),
        },
        "synth seed 4025, pdftotext -layout of the printed CMS page: 政府集中采购's 采购项目数量 printed a "
        "line lower than its 采购总金额, in a row made taller by the wrapped caption ('政府集中采购   587920' "
        "over '12'), and both stand nearer the first caption: read in line order, ok, the two swapped. In a "
        "row with no sum, a number a line lower standing wholly left of one above it, indented, puts the "
        "order in doubt",
        findings=("wrapped_row_order",),
    ),
    Case(
        "pdfminer-equal-numbers-after-a-row-short-of-its-own",
        doc(_snippet("synth-3993.cms-pdf.pdfminer.part2.txt") + "\n三、收到和处理政府信息公开申请情况\n599899\n",
            title="某某县人民政府2020年政府信息公开工作年度报告\n"),
        {
            "active.procurement.projects": (0, "doubtful"),
            "active.procurement.amount": (0.0, "doubtful"),  # 599899, past the next heading
        },
        "synth seed 3993, pdfminer of the printed CMS page: part 二's cells a paragraph each in the order of "
        "their heights; 行政事业性收费 took only its 70 (its 0 after the next label), 政府集中采购 took '0 / 0', "
        "its 599899 standing past part 三's heading. Two equal numbers were exempt from the page-order "
        "doubt (swapping them changes nothing), but after a row short of its numbers they may not be the "
        "row's at all",
        findings=("ambiguous_cells",),
    ),
    Case(
        "layout-filler-in-a-rows-first-cell-wrapped",
        doc(P3, "（本列数据的勾稽关系                      申请人情况\n为：第一项加第二项之      自然人            法人或其他组织            总计\n"
            "和，等于第三项加第四项           商业企    科研机 社会组 法律服    其他\n    之和）                 业      构       织    务机构\n"
            "一、本年新收政府信息公     详见附    586     19      70    348   177   1294\n   开申请数量         表\n"
            "上年结转政府信息公开申     3927   79      66      11    0      0    4083\n     请\n"),
        {
            A + "new_received.natural_person": (None, "doubtful"),  # the filler
            A + "new_received.commercial_enterprise": (586, "ok"),  # read under 自然人
            A + "new_received.total": (1294, "ok"),  # read under 其他, 总计 lost
            A + "carried_over.total": (4083, "ok"),
        },
        "synth seed 4012, pdftotext -layout of the LibreOffice print: 自然人's cell holds the filler 详见附表, "
        "wrapped by the narrow cell ('详见附' over '表'), right after the row's label. A filler was taken "
        "as one only among a row's values (a number or mark before it), and its wrapped head not at all: the "
        "row's numbers moved a column left. A filler after the label, a number after it, is the first cell",
        findings=("filler_cells",),
    ),
    Case(
        "filler-in-a-rows-first-cell",
        doc(P3, "申请人情况\t\t\n一、本年新收政府信息公开申请数量     详见附表    586     19      70    348   177   1294\n"
            "二、上年结转政府信息公开申请数量     3927   79      66      11    0      0    4083\n"),
        {
            A + "new_received.natural_person": (None, "doubtful"),
            A + "new_received.commercial_enterprise": (586, "ok"),
            A + "new_received.total": (1294, "ok"),
        },
        "a filler in the first cell of a row laid out in spaces, after its label on the same line, with "
        "numbers after it: it holds 自然人's place (not '* 四、…', a markdown bullet before text)",
        findings=("filler_cells",),
    ),
    Case(
        "no-run-together-cells-where-the-table-leaves-a-column-blank",
        doc(_snippet("synth-3959.lo-pdf.pdfplumber.total-label-lost.part3.txt"), title="某某县人民政府2022年政府信息公开工作年度报告\n"),
        {
            A + "unavailable.unclear_after_correction.commercial_enterprise": (13, "doubtful"),  # read 1 | 3
            A + "unavailable.unclear_after_correction.public_interest_org": (5, "doubtful"),  # read 7, ok
            A + "unavailable.unclear_after_correction.other_org": (16, "doubtful"),  # read 0, ok
        },
        "the one-fault probe over pdfplumber of the LibreOffice print (synth seed 3959, a report that leaves "
        "总计 blank in every row; （七）总计's label lost): '③补 0 13 7 5 0 16' is six numbers for seven "
        "columns, and cutting 13 as two cells run together (a proportional print) made the row add up by "
        "chance, 0+1+3+7+5+0 = 16, its other cells moved a column right, ok. A table whose rows all show "
        "fewer numbers than columns leaves a column blank: a row short of one is no sign of a cut",
    ),
    Case(
        "part4-a-number-lost-or-two-cells-run-together",
        doc(P4, "行政复议 行政诉讼\n未经复议直接起诉 复议后起诉\n结果维 结果纠 其他结 尚未审 总\n"
            "持 正 果 结 计 结果维 结果纠 其他结 尚未审 总 结果维 结果纠 其他结尚未审 总\n持 正 果 结 计 持 正 果 结 计\n"
            "15 0 10 17 42 4 0 3 18 9 6 4 11 30\n"),
        {
            "review.total": (42, "inferred"),  # (the sums place it: a cell lost there would break 复议's)
            "litigation_direct.corrected": (..., "doubtful"),  # 11, lost; read 0, ok
            "litigation_direct.other": (..., "doubtful"),  # 0; read 3, ok
            "litigation_direct.total": (..., "doubtful"),  # 18; read 8 (1 | 8)
            "litigation_after_review.total": (30, "inferred"),
        },
        "the one-fault probe over pdfplumber of the printed CMS page (synth seed 3998, 直接起诉's 11 lost): "
        "fourteen numbers for fifteen cells, and 18 cut as two cells run together (a proportional print) "
        "made the group add up, 4+0+3+1 = 8, the others ok in the wrong columns. A row one number short "
        "may as well have lost one, anywhere its sums cannot see: where both readings hold, the cells they "
        "disagree on are doubtful",
    ),
    Case(
        "two-em-dash-as-a-mark",
        doc("二、主动公开政府信息情况\n第二十条第（五）项\n信息内容\t上一年项目数量\t本年增/减\t处理决定数量\n"
            "行政许可\t⸺\t-16\t1102\n其他对外管理服务事项\t⸺\t17\t12480\n", title="某某县人民政府2020年政府信息公开工作年度报告\n"),
        {
            "active.licensing.previous": (None, "not_applicable"),
            "active.licensing.change": (-16, "ok"),  # read 上一年项目数量, ok
            "active.licensing.decisions": (1102, "ok"),
            "active.other_services.change": (17, "ok"),
        },
        "synth seed 4055, markitdown of the printed CMS page: the cell's '——' came back as the two-em dash "
        "'⸺' (U+2E3A, a font's ligature of the two dashes), which was no mark: the row's numbers moved a "
        "column left. The two- and three-em dashes fold to '——' and '———'",
    ),
    Case(
        "signed-number-in-a-column-that-holds-none",
        doc("二、主动公开政府信息情况\n第二十条第（五）项\n信息内容\t上一年项目数量\t本年增/减\t处理决定数量\n"
            "行政许可\t-16\t\t1102\n其他对外管理服务事项\t5\t17\t12480\n", title="某某县人民政府2020年政府信息公开工作年度报告\n"),
        {
            "active.licensing.previous": (-16, "doubtful"),  # read ok: a count below zero
            "active.licensing.change": (None, "doubtful"),
            "active.other_services.previous": (5, "ok"),
        },
        "a row of one token a column whose signed number stands where no column holds one (-16 under "
        "上一年项目数量, 本年增/减 empty: a mark before it lost, seed 4055): the fast path of one token a "
        "column skipped the sign's test that every other placement passes; now it too leaves the row doubtful",
        findings=("ambiguous_cells",),
    ),
    Case(
        "total-printed-as-a-mark-beside-counts",
        doc(_snippet("synth-3819.cms-pdf.markitdown.part3.txt"), title="某某镇人民政府2023年政府信息公开工作年度报告\n"),
        {
            A + "new_received.total": (None, "doubtful"),  # 1,400; read '/' not_applicable
            A + "new_received.natural_person": (1400, "doubtful"),
        },
        "synth seed 3819, markitdown of the CMS page printed by Chromium: 一's row on two pipe rows, "
        "'| 1,400 | / | / | / 1,400 |' over '| | / | / | |', read 1,400 / / / 1,400 / /: the 总计 a '/' of "
        "the line below. A 总计 printed as a not-applicable mark is 0, and a row sum that fails with it so "
        "leaves the row doubtful, the mark too",
        findings=("empty_cells_do_not_add_up",),
    ),
    Case(
        "pdftotext-layout-full-width-digits-wrapped-under-themselves-in-a-sparse-row",
        doc(P3 + _snippet("synth-3951.lo-pdf.pdftotext-layout.part3.txt"), title="某县人民政府2023年政府信息公开工作年度报告\n"),
        {
            A + "new_received.natural_person": (934, "doubtful"),  # "９３" over "４"
            A + "new_received.commercial_enterprise": (396, "doubtful"),
            A + "new_received.total": (1330, "doubtful"),  # "１３" over "３０"
            A + "total_processed.natural_person": (1098, "doubtful"),  # no header on its page
            A + "total_processed.total": (1541, "doubtful"),
        },
        "synth seed 3951, pdftotext -layout of a LibreOffice PDF with full-width digits in narrow cells, a "
        "report that fills three columns: '９３  ３９６  １３' over '开申请  ４  ３０'. Full-width digits break "
        "anywhere, so 934 and 1330 wrapped under themselves, and the row of five numbers on two lines was "
        "read in no order (93 | 396 | 13 | 4 | 30). Digits standing under a number of the line above, in a "
        "row of columns, now continue it; the row is still short of numbers, so its cells stay doubtful",
        findings=("missing_cells",),
    ),
    Case(
        "crawler-part3-every-row-glued-too-many-combinations-to-try-one-by-one",
        doc(P3 + _snippet("synth-4242.word-html.crawler.part3.txt"), title="某县人民政府2022年政府信息公开工作年度报告\n"),
        {
            A + "withheld.state_secret.natural_person": (373, "inferred"),  # read 3 (3 | 73 | 63 | 310 | …)
            A + "carried_over.legal_service_agency": (66, "inferred"),  # read 6 ('…2806603743': 6 | 60)
            A + "total_processed.natural_person": (4043, "inferred"),
            A + "other_processing.unpaid_fee.commercial_enterprise": (10, "doubtful"),  # 1 or 10: both keep every sum
        },
        "synth seed 4242, a crawler's dump of a Word page, part 三 on one line with every cell run together: "
        "seventeen rows each cut two to five ways that keep the row's own sum, 921,600 combinations, more than "
        "the whole-table solver tried one by one, so every row stayed as first cut (59 cells wrong, doubtful). "
        "The solver now sums the combinations of the first rows and of the last apart and matches them (the "
        "same combinations, test_tables), and a row the passing combinations disagree on shows one of them, "
        "so that its column sums do not doubt the cells they decided",
        findings=("solved_by_table_sums",),
    ),
    Case(
        "pdfminer-numbers-after-an-unnumbered-label-of-a-row-not-found",
        doc(P3 + _snippet("synth-4152.chromium-pdf.pdfminer.part3-unnumbered.txt"), title="某县人民政府2023年政府信息公开工作年度报告\n"),
        {
            A + "other_processing.unpaid_fee.natural_person": (99, "doubtful"),  # 381: 3.其他's numbers
            A + "other_processing.unpaid_fee.commercial_enterprise": (62, "doubtful"),
        },
        "the one-fault probe on synth seed 4152, pdfminer's text of the Chromium-printed page with 3.其他 "
        "printed without its number: 2.申请人逾期未按收费通知…'s label, then '其他 ９９ ６２ ３ ２ ３２ ０ １９８', "
        "其他's numbers, which add up, read ok as 2.'s (its own stand elsewhere in pdfminer's order). Numbers "
        "after the words of a later row's label that was not found, its item number aside, are doubtful",
        findings=("label_before_numbers",),
    ),
    Case(
        "crawler-one-character-marks-run-together-are-a-cell-each",
        doc(P3 + _snippet("synth-4151.word-html.crawler.part3.txt"), title="某县人民政府2023年政府信息公开工作年度报告\n"),
        {
            A + "partly_granted.natural_person": (342, "doubtful"),  # '34213——3—358', read 3 | 42 | 13 | —— | 3 | — | 358
            A + "partly_granted.commercial_enterprise": (13, "doubtful"),
            A + "partly_granted.research_institution": (None, "doubtful"),
            A + "partly_granted.public_interest_org": (None, "doubtful"),
            A + "partly_granted.total": (358, "doubtful"),
        },
        "synth seed 4151, a crawler's dump of a Word page that writes '—' in its blank cells: "
        "'34213——3—358' is 342 | 13 | — | — | 3 | — | 358, but '——' was one mark, so seven cells came from "
        "six pieces and no cutting kept the row's sum. Dashes (or slashes) run into digits may be as many "
        "marks as characters, or fewer; the row's sum chooses (a mark glued to digits stays doubtful)",
        findings=("glued_digits",),
    ),
    Case(
        "crawler-run-of-em-dashes-between-numbers-is-marks",
        doc(P3 + _snippet("synth-4214.word-html.crawler.part3.txt"), title="某县人民政府2023年政府信息公开工作年度报告\n"),
        {
            A + "granted.natural_person": (318, "doubtful"),  # '31827————————345', read 3 | 1 | 8 | … | 45
            A + "granted.commercial_enterprise": (27, "doubtful"),
            A + "granted.research_institution": (None, "doubtful"),
            A + "granted.total": (345, "doubtful"),
        },
        "synth seed 4214, a crawler's dump of a report that fills two columns and writes '——' in the others: "
        "'31827————————345' is 318 | 27 | —— | —— | —— | —— | 345, but a run of more than two em dashes between "
        "numbers was no mark at all, and 31827345 was cut into seven numbers (135 of part 三's cells wrong). "
        "Such a run is now its '——' marks, each one mark or two (readings/glued.py)",
        findings=("glued_digits",),
    ),
    Case(
        "crawler-part4-wu-run-into-the-caption-and-the-first-cell",
        doc(P4, "行政复议行政诉讼结果维持结果纠正其他结果尚未审结总计未经复议直接起诉复议后起诉结果维持结果纠正其他结果尚未审结总计结果维持结果纠正其他结果尚未审结总计无2113154919无31312无无315\n"),
        {
            "review.upheld": (2, "doubtful"),  # 无 (0): the caption's '总计无' took it
            "review.corrected": (11, "doubtful"),  # 21
            "review.total": (49, "doubtful"),
        },
        "synth seed 3942, a crawler's dump of a report that writes 无 for 0: part 四's captions run into its "
        "cells, '…尚未审结总计无2113154919无31312无无315'. The first 无 stayed with the caption text, and "
        "2 | 11 | 31 | 5 | 49 kept R4 as 无 | 21 | 13 | 15 | 49 does, so the shifted row came out inferred. A "
        "caption ending in 无 run into the row's first number now leaves part 四 doubtful",
        findings=("glued_marks",),
    ),
    Case(
        "pandoc-markdown-simple-table-dash-cell-among-numbers-is-a-mark",
        doc(P3 + _snippet("synth-4120.docx.pandoc-md.part3.txt"), title="某县人民政府2020年政府信息公开工作年度报告\n"),
        {
            A + "granted.natural_person": (None, "not_applicable"),  # '---', read 63
            A + "granted.commercial_enterprise": (63, "ok"),
            A + "granted.total": (77, "ok"),
            A + "new_received.other_org": (None, "not_applicable"),
        },
        "synth seed 4120, pandoc's markdown of a DOCX that writes '—' in its blank cells: a simple table, "
        "space-aligned, prints each as '---' ('（一）予以公开   ---   63   ---   5   9   ---   77'). A run "
        "of dashes between spaces was text, so the row lost its marks and every row with one was doubtful "
        "and shifted (54 of part 三's cells wrong). Among a line's numbers it is now a mark; a line of "
        "dashes alone stays the table's rule",
    ),
    Case(
        "docx2txt-filler-alone-on-its-line-a-cell-a-paragraph",
        doc(P3 + _snippet("synth-4170.docx.docx2txt.part3.txt"), title="某县人民政府2023年政府信息公开工作年度报告\n"),
        {
            A + "carried_over.natural_person": (None, "doubtful"),  # '详见附件', read 0
            A + "carried_over.commercial_enterprise": (0, "ok"),  # read 64
            A + "carried_over.total": (12857, "ok"),  # read as no cell
        },
        "synth seed 4170, docx2txt of a DOCX with a count written 详见附件: a cell a paragraph, "
        "'二、上年结转政府信息公开申请' / '详见附件' / '0' / '64' / … / '12857'. A filler alone on its line was "
        "text, so the row's numbers moved a column left (13 cells wrong, doubtful). Alone on its line after "
        "the label's, with a number alone on the next, it is the row's cell (not where the next line holds "
        "a row of numbers: a wrapped cell of any column, pdfplumber's '详见附' over '14 6 18 …')",
        findings=("filler_cells",),
    ),
]

BUGS_CAUGHT += ISSUE12 + MD_CONVERTERS + BROWSER_COPY + ALIGNED

NEW: list[Case] = []

# Known failures, strict: when one passes, move it to DEV or BUGS_CAUGHT.
XFAIL: list[Case] = []
