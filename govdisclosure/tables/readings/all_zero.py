"""All-zero tables: parts 三 and 四 whose every number is 0, scrambled by a converter (plain
pdftotext prints some column by column, part 四's numbers before its heading).

The rows cannot be read, but the count can: as many zeros as the template has cells (with （六） in
either form) means every cell is 0, in any order.  A repair: only cells still missing or doubtful
are set, ``inferred``; each points at a 0 of the tables in reading order.  Finding
``all_zero_tables``.  Case row ``pdftotext-column-by-column-all-zero`` in ``tests/cases/quirks.py``.
"""

from __future__ import annotations

from ... import schema
from ...layout import MARK, NUM
from ...report import Finding
from ..model import Cell, Placed, Reading, TableContext
from ..rows import printed_forms

NAME = "all_zero"


def read(ctx: TableContext) -> list[Reading]:
    """Every unread cell of parts 三 and 四 is 0 when the tables hold exactly one 0 per cell."""
    # (the tables' tokens first: a number other than 0 among the first few ends the reading, before
    # the board's keys are gone through)
    zeros = _zeros(ctx)
    if zeros is None:
        return []
    s = schema.load()
    app_rows = s.app_rows_for(ctx.edition)
    keys_34 = [f"{g.key}.{c.key}" for g in s.review_groups for c in s.review_columns]
    board = ctx.board
    unsure = [k for k in board if (k.startswith("applications.") or k in keys_34) and board[k].status in ("missing", "doubtful")]
    if not unsure and all(k in board for k in keys_34):
        return []
    cols = s.app_columns
    # either form of （六）, or (some reports) both
    forms = {len(rows) * len(cols) + len(keys_34): rows for rows in (list(app_rows), *printed_forms(app_rows))}
    rows = forms.get(len(zeros))
    if rows is None:
        return []
    keys = [f"applications.{r.key}.{c.key}" for r in rows for c in cols] + keys_34
    cells: dict[str, Placed] = {}
    labels: dict[str, str | None] = {}
    for k, (z0, z1) in zip(keys, zeros):
        f = board.get(k)
        if f is None or f.status in ("missing", "doubtful"):
            cells[k] = Placed(Cell("0", NUM, z0, z1), 0, "inferred")
            labels[k] = f.label if f is not None else None
    if not cells:
        return []
    finding = Finding(
        "all_zero_tables",
        "warning",
        f"parts 三 and 四 hold only zeros, exactly one per cell ({len(zeros)}); {len(cells)} cell(s) that "
        "could not be read by their labels are 0",
        keys=tuple(cells),
    )
    return [Reading(NAME, cells, labels, (finding,), "exactly one 0 per cell of parts 三 and 四", mode="repair")]


def _zeros(ctx: TableContext) -> list[tuple[int, int]] | None:
    """The spans of every 0 of the tables in reading order; None when they hold another number or a mark."""
    zeros: list[tuple[int, int]] = []
    for t in ctx.tokens[ctx.lo : ctx.hi]:
        if t.kind == MARK or (t.kind == NUM and set(t.text) != {"0"}):
            return None
        if t.kind == NUM:
            zeros += [(t.start + i, t.start + i + 1) for i in range(len(t.text))] if t.glued else [(t.start, t.end)]
    return zeros
