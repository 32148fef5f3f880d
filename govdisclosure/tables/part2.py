"""Part 二 (主动公开政府信息情况): the blocks under their 第二十条 captions, each a table of its own."""

from __future__ import annotations

from .. import schema
from ..layout import Token
from ..report import Finding
from ..sections import DocInfo
from .arbiter import Arbiter, RowReading, TableReading
from .model import Prefer, TableContext
from .readings import aligned, captions, detached, glued, positional
from .rows import attach_signs, part2_anchors, part2_stops, plan_rows, region, row_contexts, tok_range

ROW_READINGS: list[RowReading] = [detached.read, aligned.read, glued.read, positional.read]
READINGS: list[TableReading] = []
REPAIRS: list[TableReading] = [captions.read]


def assemble(arb: Arbiter, tokens: list[Token], starts: list[int], doc: DocInfo, n_text: int, prefer: Prefer) -> tuple[int, int] | None:
    """Read part 二 onto the board; its region, or None when it is not there."""
    r2 = region(doc, 2, n_text)
    if r2 is None:
        arb.note(Finding("table_missing", "warning", "part 二's tables (第二十条 captions) were not found"))
        return None
    edition = arb.edition
    lo, hi = tok_range(starts, r2)
    if edition == "2019":
        attach_signs(tokens, lo, hi)
    blocks = [b for b in schema.load().active if edition in b.editions]
    rows, cols_of, anchors, windows, caps = part2_anchors(tokens, lo, hi, blocks, edition)
    stops = part2_stops(tokens, lo, hi, rows, cols_of, caps)
    plan = plan_rows(tokens, anchors, hi, cols_of, stops)
    found = detached.find(tokens, windows)
    back = detached.put_back(plan, found, cols_of)
    if back is not None:
        plan, finding = back
        arb.note(finding)
    ctxs = row_contexts(tokens, plan, hi, cols_of, None, prefer, detached=found if back is not None else None)
    table = TableContext(tokens, lo, hi, edition, arb.fields, tuple(plan), cols_of)
    arb.run(table, ctxs, ROW_READINGS, READINGS, REPAIRS)
    return r2
