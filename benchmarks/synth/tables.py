"""The three tables of a :class:`~benchmarks.synth.generate.Doc` as grids with merged cells.

A table is a list of rows; a row is a list of :class:`Cell` (cells covered by a merge above or to
the left are not listed, as in HTML).  ``text`` may hold ``\\n``: a line break inside the cell.
The HTML and DOCX writers serialise these grids, so both editions' templates are drawn once.
"""

from __future__ import annotations

import dataclasses
import random

from govdisclosure import schema

from .generate import NOTE, RESULTS_GROUP, Doc, app_rows


@dataclasses.dataclass
class Cell:
    text: str
    rowspan: int = 1
    colspan: int = 1
    kind: str = "label"  # "label" | "value" | "header"


Table = list[list[Cell]]


def part2(doc: Doc) -> Table:
    s = schema.load()
    t: Table = []
    width = 3  # value columns
    for block in s.active:
        if doc.edition not in block.editions:
            continue
        cols = block.columns_for(doc.edition)
        t.append([Cell(doc.labels[f"caption:{block.item}"], colspan=width + 1, kind="header")])
        spans = _spans(len(cols), width)
        t.append([Cell("信息内容", kind="header"),
                  *[Cell(doc.labels[f"active-col:{block.item}:{c.key}"], colspan=sp, kind="header") for c, sp in zip(cols, spans, strict=True)]])
        for r in block.rows_for(doc.edition):
            t.append([Cell(doc.labels[f"active-row:{r.key}"]),
                      *[Cell(doc.cells[f"active.{r.key}.{c.key}"], colspan=sp, kind="value") for c, sp in zip(cols, spans, strict=True)]])
    return t


def _spans(n: int, width: int) -> list[int]:
    """How ``n`` columns share ``width``: the last one takes what is left (the template's layout)."""
    return [1] * (n - 1) + [width - n + 1]


def part3(doc: Doc) -> Table:
    s = schema.load()
    L = doc.labels
    cols = [c.key for c in s.app_columns]
    t: Table = [
        [Cell(NOTE, rowspan=3, colspan=3, kind="header"), Cell("申请人情况", colspan=7, kind="header")],
        [Cell(L["col:natural_person"], rowspan=2, kind="header"), Cell("法人或其他组织", colspan=5, kind="header"),
         Cell(L["col:total"], rowspan=2, kind="header")],
        [Cell(L[f"col:{c}"], kind="header") for c in cols[1:6]],
    ]
    rows = app_rows(doc.edition, doc.single_row)
    in_results = [r for r in rows if r.processed or r.key == "total_processed"]
    group_sizes: dict[str, int] = {}
    for r in rows:
        if r.group:
            group_sizes[r.group] = group_sizes.get(r.group, 0) + 1
    seen_group: set[str] = set()
    first_result = True
    for r in rows:
        values = [Cell(doc.cells[f"applications.{r.key}.{c}"], kind="value") for c in cols]
        label = L[f"row:{r.key}"]
        if r not in in_results:
            t.append([Cell(label, colspan=3), *values])
            continue
        row: list[Cell] = []
        if first_result:
            row.append(Cell(RESULTS_GROUP, rowspan=len(in_results)))
            first_result = False
        if r.group:
            if r.group not in seen_group:
                seen_group.add(r.group)
                row.append(Cell(L[f"group:{r.group}"], rowspan=group_sizes[r.group]))
            row.append(Cell(label))
        else:
            row.append(Cell(label, colspan=2))
        t.append([*row, *values])
    return t


def part4(doc: Doc) -> Table:
    s = schema.load()
    rcols = [doc.labels[f"rcol:{c.key}"] for c in s.review_columns]
    return [
        [Cell("行政复议", colspan=5, kind="header"), Cell("行政诉讼", colspan=10, kind="header")],
        [*[Cell(c, rowspan=2, kind="header") for c in rcols],
         Cell("未经复议直接起诉", colspan=5, kind="header"), Cell("复议后起诉", colspan=5, kind="header")],
        [*[Cell(c, kind="header") for c in rcols], *[Cell(c, kind="header") for c in rcols]],
        [Cell(doc.cells[f"{g.key}.{c.key}"], kind="value") for g in s.review_groups for c in s.review_columns],
    ]


def tables(doc: Doc) -> dict[str, Table]:
    return {"二": part2(doc), "三": part3(doc), "四": part4(doc)}


HEADINGS = {
    "一": "一、总体情况",
    "二": "二、主动公开政府信息情况",
    "三": "三、收到和处理政府信息公开申请情况",
    "四": "四、政府信息公开行政复议、行政诉讼情况",
    "五": "五、存在的主要问题及改进情况",
    "六": "六、其他需要报告的事项",
}


#: what real reports print over a table ("表3 收到和处理政府信息公开申请情况（单位：件）") and under it
#: (a note whose numbers are no cells), each drawn per table with a generator of its own
CAPTION_FORMS = ("表{n} {name}", "表{n}：{name}（单位：件）", "附表{n} {name}", "表{cn} {name}", "（单位：件）")
NOTE_FORMS = {
    "二": ("注：规章数据统计截至{y}年12月31日，其中修订{a}件、废止{b}件。",
           "注：本表“现行有效件数”含{y}年以前制发的文件{a}件。"),
    "三": ("注：本表数据含网上申请{a}件、信函申请{b}件。",
           "注：1.本年新收申请中，{a}件为同一申请人提出。2.其他处理含申请人撤回申请{b}件。",
           "说明：本年度申请量较上年增长{a}%，主要集中在征地拆迁、房屋征收等领域"),
    "四": ("注：行政复议、行政诉讼数量含上年度结转数量{a}件。",
           "注：{y}年行政复议被纠错{a}件，均已整改到位。"),
}
TABLE_NAMES = {"二": "主动公开政府信息情况", "三": "收到和处理政府信息公开申请情况", "四": "政府信息公开行政复议、行政诉讼情况"}
_CN_DIGITS = "〇一二三"


LEAD_FORMS = {
    "二": ("本年度主动公开政府信息{n}条，其中制发规章{a}件。", "{y}年，本机关通过门户网站主动公开各类信息{n}条。"),
    "三": ("本年度共收到政府信息公开申请{new}件，办结{done}件，结转下年度{cf}件。",
           "{y}年，本机关共受理政府信息公开申请{new}件，上年结转{over}件。"),
    "四": ("本年度发生政府信息公开行政复议{rev}件、行政诉讼{a}件。", "{y}年，本机关未发生因政府信息公开被纠错的情况。"),
}


def _gold_count(doc: Doc, key: str, rng: random.Random) -> int:
    v = doc.gold.get(key)
    return v if isinstance(v, int) else rng.randint(0, 300)


def paratext(doc: Doc) -> dict[str, tuple[str | None, str | None, str | None]]:
    """Per table part, the paragraph of prose before it, the caption printed over it and the note
    printed under it (``None`` for none), as the document's tags ``table-prose``, ``table-captions``
    and ``table-notes`` say.  The prose's counts are the table's where it names them."""
    rng = random.Random(doc.seed * 104729 + 11)
    captions = rng.random() < 0.2
    notes = rng.random() < 0.2
    prose = rng.random() < 0.2
    a3 = "applications."
    out: dict[str, tuple[str | None, str | None, str | None]] = {}
    for n, part in enumerate(("二", "三", "四"), 1):
        lead = cap = note = None
        if captions and rng.random() < 0.8:
            cap = rng.choice(CAPTION_FORMS).format(n=n, cn=_CN_DIGITS[n], name=TABLE_NAMES[part])
        if notes and rng.random() < 0.7:
            note = rng.choice(NOTE_FORMS[part]).format(y=doc.year, a=rng.randint(1, 400), b=rng.randint(1, 60))
        if prose and rng.random() < 0.7:
            lead = rng.choice(LEAD_FORMS[part]).format(
                y=doc.year, n=rng.randint(30, 9000), a=rng.randint(0, 40),
                new=_gold_count(doc, a3 + "new_received.total", rng), over=_gold_count(doc, a3 + "carried_over.total", rng),
                done=_gold_count(doc, a3 + "total_processed.total", rng), cf=_gold_count(doc, a3 + "carried_forward.total", rng),
                rev=_gold_count(doc, "review.total", rng))
        out[part] = (lead, cap, note)
    return out


def paratext_tags(doc: Doc) -> list[str]:
    p = paratext(doc)
    kinds = ((0, "table-prose"), (1, "table-captions"), (2, "table-notes"))
    return [tag for i, tag in kinds if any(v[i] for v in p.values())] + (["table-headings"] if headings(doc) != HEADINGS else [])


#: how a report may number the headings of parts 二–四 other than 二、 (``table-headings``): an ordinal in
#: brackets, an Arabic one, none, or no heading at all over the table
HEADING_FORMS = ("（{cn}）{name}", "{n}.{name}", "{name}", "")


def headings(doc: Doc) -> dict[str, str]:
    """The heading printed for each part (``""``: none), as the tag ``table-headings`` says."""
    rng = random.Random(doc.seed * 15485863 + 7)
    out = dict(HEADINGS)
    if rng.random() < 0.1:
        form = rng.choice(HEADING_FORMS)
        for n, part in enumerate(("二", "三", "四"), 2):
            out[part] = form.format(cn=part, n=n, name=HEADINGS[part].split("、", 1)[1])
    return out


def narrative(doc: Doc) -> dict[str, list[str]]:
    """Prose of the preface and parts 一, 五, 六 (numbers consistent with the tables)."""
    rng = random.Random(doc.seed * 7919 + 1)
    y = doc.year
    n_items = rng.randint(30, 9000)
    received = doc.gold.get("applications.new_received.total")
    recv = f"全年共收到政府信息公开申请{received}件，均在法定期限内予以答复。" if received is not None else "全年依法办理政府信息公开申请。"
    return {
        "preface": [
            f"本报告根据《中华人民共和国政府信息公开条例》（以下简称《条例》）要求编制，统计期限自{y}年1月1日起至{y}年12月31日止。"
            "如对本报告有任何疑问，请与本机关政务公开办公室联系。"
        ],
        "一": [
            f"{y}年，{doc.organ}认真贯彻落实《条例》，围绕中心工作，不断提高政府信息公开质量。",
            f"（一）主动公开。通过政府网站等平台主动公开政府信息{n_items}条。",
            f"（二）依申请公开。{recv}",
            "（三）政府信息管理。健全信息发布审核机制，落实公开前保密审查。",
            "（四）平台建设。持续优化政府网站信息公开专栏。",
            "（五）监督保障。将政务公开纳入年度绩效考核。",
        ],
        "五": [
            "存在的问题：一是主动公开的深度和广度有待拓展；二是业务培训有待加强。",
            "改进措施：下一步，将继续严格按照政务公开要求，规范信息公开各项工作。",
        ],
        "六": [rng.choice(("无。", f"{y}年本机关未收取信息处理费。", "本机关无其他需要报告的事项。"))],
    }
