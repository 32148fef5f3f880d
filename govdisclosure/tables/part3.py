"""Part 三 (收到和处理政府信息公开申请情况): one table, rows by their labels, seven columns, R3 per row."""

from __future__ import annotations

import dataclasses

from .. import schema
from ..labels import Anchor, Row, find_rows, keyed
from ..layout import NUM, Token
from ..report import Finding
from ..sections import DocInfo
from .arbiter import (
    Arbiter,
    RowReading,
    TableReading,
    doubt_after_missing_labels,
    doubt_before_leftovers,
    doubt_between_gaps,
    doubt_glued_marks,
    doubt_interrupted_rows,
    doubt_runs_into_failing_rows,
    doubt_stacked_cells,
    doubt_zero_rows_beside_miscounted,
    settle_six,
    weigh,
)
from .columns import distrust_empty_cells, header_model, merged_columns, on_page_of
from .model import Placed, Prefer, TableContext, _r3_check
from .readings import aligned, bands, glued, loose_labels, orphans, positional, strays
from .rows import drop_repeated_captions, join_wrapped_tails, plan_rows, region, row_contexts, tok_range

ROW_READINGS: list[RowReading] = [aligned.read, glued.read, positional.read]
READINGS: list[TableReading] = [orphans.read]
# other readings of the whole table, weighed against the board by the arbiter (arbiter.weigh)
ALTERNATIVES: list[TableReading] = [loose_labels.read]
# readings of what the board left: a lone number back into the blank cell the sums give it
SECOND_LOOK: list[TableReading] = [strays.read]
REPAIRS: list[TableReading] = [bands.read]


def assemble(arb: Arbiter, tokens: list[Token], starts: list[int], doc: DocInfo, n_text: int, prefer: Prefer) -> tuple[int, int] | None:
    """Read part 三 onto the board; its region, or None when it is not there."""
    r3 = region(doc, 3, n_text)
    if r3 is None:
        arb.note(Finding("table_missing", "warning", "part 三's table (收到和处理政府信息公开申请情况) was not found"))
        return None
    s = schema.load()
    lo, hi = tok_range(starts, r3)
    rows = [Row(f"applications.{r.key}", r.wordings, (r.group,) if r.group else ()) for r in s.app_rows_for(arb.edition)]
    one = list(s.app_columns)
    if merged_columns(arb.norm, tokens, lo, hi, one):
        distrust_empty_cells(tokens, lo, hi)
    columns = {r.key: one for r in rows}  # one table: every row shares one list of columns
    drop_repeated_captions(tokens, lo, hi, [w for r in rows for w in keyed(r.wordings)])
    anchors = find_rows(tokens, lo, hi, rows)
    plan = plan_rows(tokens, anchors, hi, columns, by_order=True)
    join_wrapped_tails(plan, columns, _r3_check)
    header = header_page = None
    if anchors:  # the captions over the columns, for a table no three rows of which fill every column
        values = [t for p in plan for t in p.own if t.kind == NUM and t.x0 >= 0]
        if values:
            header = header_model(tokens, lo, min(tokens[a.tok].row for a in anchors), one, len(one), values)
            header_page = on_page_of(arb.norm, tokens[min(a.tok for a in anchors)].start) if header is not None else None
    ctxs = row_contexts(tokens, plan, hi, columns, _r3_check, prefer, header=header, header_page=header_page)
    order = tuple(r.key for r in rows)
    table = TableContext(tokens, lo, hi, arb.edition, arb.fields, tuple(plan), columns, order, _r3_check, prefer)
    before = len(arb.findings)
    arb.run(table, ctxs, ROW_READINGS, READINGS, [], joint=True)

    def reread(alt: list[Anchor]) -> tuple[dict[str, Placed], list[Finding]]:
        sub = Arbiter(arb.norm, arb.edition, spans=False)
        alt_plan = plan_rows(tokens, alt, hi, columns, by_order=True)
        join_wrapped_tails(alt_plan, columns, _r3_check)
        alt_table = TableContext(tokens, lo, hi, arb.edition, sub.fields, tuple(alt_plan), columns, order, _r3_check)
        alt_ctxs = row_contexts(tokens, alt_plan, hi, columns, _r3_check, None, header=header, header_page=header_page)
        sub.run(alt_table, alt_ctxs, ROW_READINGS, READINGS, [])
        return sub.placed, sub.findings

    read = dataclasses.replace(table, anchors=tuple(anchors), findings=tuple(arb.findings[before:]), reread=reread)
    alts = [r for alt in ALTERNATIVES for r in alt(read)]
    weigh(arb, read, alts)
    # what the other readings saw counts too (a lone number is a stray only once rows are placed by order)
    read = dataclasses.replace(read, findings=(*arb.findings[before:], *(f for r in alts for f in r.findings)))
    for second in SECOND_LOOK:
        for r in second(read):
            arb.apply(r)
    doubt_between_gaps(arb, read)
    doubt_before_leftovers(arb, read)
    doubt_zero_rows_beside_miscounted(arb, read)
    doubt_glued_marks(arb, table)
    doubt_interrupted_rows(arb, table)
    doubt_after_missing_labels(arb, table, rows)
    doubt_stacked_cells(arb, table)
    for repair in REPAIRS:
        for r in repair(table):
            arb.apply(r)
    doubt_runs_into_failing_rows(arb, table)
    settle_six(arb, table)
    return r3
