"""Part 三 (收到和处理政府信息公开申请情况): one table, rows by their labels, seven columns, R3 per row."""

from __future__ import annotations

from .. import schema
from ..labels import Row, find_rows
from ..layout import Token
from ..report import Finding
from ..sections import DocInfo
from .arbiter import Arbiter, RowReading, TableReading
from .model import Prefer, TableContext, _r3_check
from .readings import aligned, bands, glued, orphans, positional
from .rows import plan_rows, region, row_contexts, tok_range

ROW_READINGS: list[RowReading] = [aligned.read, glued.read, positional.read]
READINGS: list[TableReading] = [orphans.read]
REPAIRS: list[TableReading] = [bands.read]


def assemble(arb: Arbiter, tokens: list[Token], starts: list[int], doc: DocInfo, n_text: int, prefer: Prefer) -> tuple[int, int] | None:
    """Read part 三 onto the board; its region, or None when it is not there."""
    r3 = region(doc, 3, n_text)
    if r3 is None:
        arb.note(Finding("table_missing", "warning", "part 三's table (收到和处理政府信息公开申请情况) was not found"))
        return None
    s = schema.load()
    lo, hi = tok_range(starts, r3)
    rows = [Row(f"applications.{r.key}", r.wordings) for r in s.app_rows_for(arb.edition)]
    one = list(s.app_columns)
    columns = {r.key: one for r in rows}  # one table: every row shares one list of columns
    anchors = find_rows(tokens, lo, hi, rows)
    plan = plan_rows(tokens, anchors, hi, columns, by_order=True)
    ctxs = row_contexts(tokens, plan, hi, columns, _r3_check, prefer, joint=True)
    order = tuple(r.key for r in rows)
    table = TableContext(tokens, lo, hi, arb.edition, arb.fields, tuple(plan), columns, order, _r3_check, prefer)
    arb.run(table, ctxs, ROW_READINGS, READINGS, REPAIRS, joint=True)
    return r3
