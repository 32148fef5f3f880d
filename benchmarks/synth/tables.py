"""The three tables of a :class:`~benchmarks.synth.generate.Doc` as grids with merged cells.

A table is a list of rows; a row is a list of :class:`Cell` (cells covered by a merge above or to
the left are not listed, as in HTML).  ``text`` may hold ``\\n``: a line break inside the cell.
The HTML and DOCX writers serialise these grids, so both editions' templates are drawn once.
"""

from __future__ import annotations

import dataclasses

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


def narrative(doc: Doc) -> dict[str, list[str]]:
    """Prose of the preface and parts 一, 五, 六 (numbers consistent with the tables)."""
    import random

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
