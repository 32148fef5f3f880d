"""Aligned columns: blank cells dropped by a converter (pdftotext -layout, w3m, pdfplumber's text),
the numbers still standing under their columns in space-aligned text.

The column centres come from the rows of the same table that fill every column (or, for part 四,
from its header); each number goes to the column it stands under (CJK characters two wide), and the
columns left over are the blank cells the converter dropped.  Cells are ``inferred`` (``doubtful``
when the restored blanks break the row's sum).  Finding ``columns_from_positions``.  A row whose
numbers stand on more than one line (inscriptis: a paragraph cell a line lower, a wrapped label cell)
is placed by its columns too (``inferred`` where its sum holds, else ``doubtful``); where no column
model places it and the lines interleave, reading order cannot say which number is whose: every cell
``doubtful``, finding ``wrapped_row_order`` (unless the row shows every column and, read left to right,
keeps its sum: ``inferred``, case row ``numbers-above-a-label-whose-marks-stand-on-its-line``).  Case rows ``aligned-blank-dropped``,
``layout-part4-blank-dropped``, ``aligned-row-numbers-on-two-lines`` and ``wrapped-row-lines-interleave``
in ``tests/cases/quirks.py``.  A full row whose not-applicable mark stands nearer another of the
columns of the table's other full rows than its own is doubtful: a mark counts as no number in any
sum (finding ``columns_disagree``, case row ``full-row-a-mark-and-a-number-off-their-columns``).  In a
row of columns short of numbers, digits standing under a number of the line above continue it (a narrow
cell wrapped it: full-width digits break anywhere), joined before the row is placed; never ``ok`` (case
row ``pdftotext-layout-full-width-digits-wrapped-under-themselves-in-a-sparse-row``).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from ...layout import BLANK, MARK, NUM, Token
from ...report import Finding
from ...values import read_cell
from ..columns import ALIGN_MARGIN, centre, off_columns
from ..model import Cell, Placed, Reading, RowContext, _cell_value, cell_of
from .glued import _sum_cands
from .positional import as_reading

NAME = "aligned"
FLOW_MARGIN = 4  # columns from the left edge within which a line of numbers starts where text flows


def read(ctx: RowContext) -> list[Reading]:
    """The row placed by the columns its numbers stand under, when a column model fits it."""
    vals = [t for t in ctx.tokens if t.kind != BLANK]
    n = len(ctx.keys)
    if not vals or any(t.x0 < 0 for t in vals):
        return []
    # a row whose numbers stand on more than one line (a cell's number a line lower than the others':
    # an empty paragraph above it, another vertical alignment, a wrapped label cell) is read by where
    # each stands, not in reading order; on one line, only a row short of numbers needs the columns
    wrapped = len({t.line for t in vals}) > 1
    unit = ctx.model[0] if ctx.model else "w"
    if len(vals) > n or any(t.glued for t in vals):
        # digits to cut or a number too many: no column model places the row, but where its lines
        # interleave, reading order is no evidence either (the next row's item number "7." and
        # numbers, a line lower, taken as this row's last four cells)
        # (with a number too many, unless the tails of numbers a narrow cell wrapped, joined back to
        # their heads, make the row add up: resolve.wrapped_numbers)
        if wrapped and _interleaved(vals, unit) and (len(vals) <= n or not _tails_add_up(ctx, vals)):
            return [_unplaced(ctx)]
        return []
    if wrapped and len(vals) == n and (in_place := _full_row_in_place(ctx, vals)) is not None:
        return in_place
    if wrapped and (stacked := _stacked(ctx, vals)) is not None:
        return stacked
    placed = _by_columns(ctx, vals, wrapped)
    if placed is not None:
        return placed
    if wrapped and (_interleaved(vals, unit) or (ctx.check is None and _left_of_an_earlier(vals, unit))):
        # …and where no column model places them, the lines interleave: which number is in which
        # column, reading order cannot say ("375 15 3 11" over "9 16 429", each sum the same); nor, in
        # a row with no sum, where a number a line lower stands wholly left of one above it
        # ("政府集中采购   587920" over "12": 采购项目数量's cell printed lower, in a taller row)
        return [_unplaced(ctx)]
    if ctx.check_columns and not wrapped and len(vals) == n and _off_columns(ctx, vals):
        return [_misplaced(ctx)]
    return []


#: how much nearer (in the columns' typical gap) a mark may stand to another column than to its own
OFF_COLUMN = 0.5


def _off_columns(ctx: RowContext, vals: list[Token]) -> bool:
    """A full row on one line whose table's other full rows stand under their columns
    (``rows.row_contexts`` says so: ``check_columns``), a not-applicable mark of which stands nearer
    another column than the one reading order gives it: a mark counts as no number in any sum, so a
    mark and a number printed in each other's place keep every sum (pdftotext -layout of a LibreOffice
    PDF: ``/ 2 / / / 4 6`` printed ``2 / / / / 4 6``).  A number off its column breaks a sum instead.
    Off by every model of the columns (``column_models``): centres and edges, in characters and in
    display columns.  A row of full-width numbers wider than the other rows' drifts in one unit
    (pdftotext counts a character a cell of its grid, a text browser two for a wide one), and a mark
    at the left edge of a column of wide numbers aligned left stands far from their centre."""
    models = ctx.column_models  # (never empty where check_columns holds)
    return bool(models) and all(off_columns(vals, m, OFF_COLUMN, kinds=(MARK,)) for m in models)


def _misplaced(ctx: RowContext) -> Reading:
    """A full row whose mark stands off its column (:func:`_off_columns`), in reading order, doubtful."""
    return _doubted(ctx, "columns_disagree", "a not-applicable mark of the row stands nearer another column than the "
                    "one its order gives it, and a mark counts as no number in any sum: which cell is not applicable "
                    "is unsure, its values are doubtful", "a full row off its columns")


def _by_columns(ctx: RowContext, vals: list[Token], wrapped: bool) -> list[Reading] | None:
    """The row placed by the column model; [] where the model keeps token order; None where it fits not."""
    if ctx.model is None:
        return None
    unit, model = ctx.model
    n = len(ctx.keys)
    if len(model) != n or (len(vals) == n and not wrapped):
        return None
    if any(t.kind == NUM and read_cell(t.text)[1] != "ok" for t in vals):
        return None  # a token that is no number ("1001,000": two cells run together) places nothing
    if wrapped:
        vals = sorted(vals, key=lambda t: centre(t, unit))
    centres = [centre(t, unit) for t in vals]
    where = _assign(centres, model)
    for x, col in zip(centres, where):
        gaps = [abs(model[col] - model[k]) for k in (col - 1, col + 1) if 0 <= k < n]
        if abs(x - model[col]) > ALIGN_MARGIN * min(gaps):
            return None  # between two columns: leave it to the arithmetic
    by_col = dict(zip(where, vals))
    if len(vals) == n:
        if [t.start for t in vals] == sorted(t.start for t in vals):
            return []  # the columns keep the reading order: token order places the row
        return [_reading(ctx, by_col, vals, _moved_status(ctx, by_col))]
    status = _status(ctx, by_col, vals)
    if status is None:
        return []
    return [_reading(ctx, by_col, vals, status)]


def _stacked(ctx: RowContext, vals: list[Token]) -> list[Reading] | None:
    """A number too long for its narrow cell, wrapped under itself onto the row's next line (full-width
    digits break anywhere: pdftotext -layout of a printed page, "９３  ３９６  １３" over "４  ３０" for
    934 | 396 | 1330 in a row that leaves four columns blank): digits on consecutive lines of the row,
    each line's part overlapping the one above, are one number, joined top to bottom (two numbers under
    one column cannot both be the row's cells).  The joined row is placed by the column model where there
    is one, else in token order; a joined cell is cut, so nothing is ``ok``.  None where no two numbers
    stand so."""
    merged = _stack(vals)
    if merged is None:
        return None
    joined = dataclasses.replace(ctx, tokens=tuple(merged), inferred=True)
    if ctx.model is not None:
        placed = _by_columns(joined, merged, True)
        if placed:
            return [dataclasses.replace(r, evidence="digits wrapped under themselves, joined; " + r.evidence) for r in placed]
    return [as_reading(joined, NAME, "digits wrapped under themselves, joined, in token order")]


def _stack(vals: list[Token]) -> list[Token] | None:
    """The row's tokens with every stack of digits joined (:func:`_stacked`), or None where there is no
    stack.  Every token below the row's first line must continue exactly one number on the line above
    (standing over it, or starting or centred within one column of it), in characters or in display
    columns (pdftotext counts a character a cell of its grid, a text browser a CJK character two: a
    line holding a label's CJK and one holding none drift apart in the other unit); where both units
    join, they must join alike.  Only in a row of columns (not lynx's cells a line, "20" over "922900":
    :func:`_in_no_columns`)."""
    if _in_no_columns(vals):
        return None
    first = min(t.line for t in vals)
    by_line: dict[int, list[Token]] = {}
    for t in vals:
        by_line.setdefault(t.line, []).append(t)
    joins: list[dict[int, Token]] = []
    for unit in ("x", "w"):
        below: dict[int, Token] = {}  # a token's start: the token continuing it a line lower
        for t in vals:
            if t.line == first:
                continue
            over = [u for u in by_line.get(t.line - 1, ()) if _over(u, t, unit)]
            if len(over) != 1 or over[0].start in below or not (_digits(t) and _digits(over[0]) and over[0].text[0] != "0"):
                break
            below[over[0].start] = t
        else:
            joins.append(below)
    if not joins or any(j != joins[0] for j in joins[1:]):
        return None
    below = joins[0]
    tails = {t.start for t in below.values()}
    out: list[Token] = []
    for t in sorted(vals, key=lambda t: t.start):
        if t.start in tails:
            continue
        parts = [t]
        while parts[-1].start in below:
            parts.append(below[parts[-1].start])
        if len(parts) > 1:
            t = dataclasses.replace(
                t, text="".join(p.text for p in parts), end=parts[-1].end, x0=min(p.x0 for p in parts),
                x1=max(p.x1 for p in parts), w0=min(p.w0 for p in parts), w1=max(p.w1 for p in parts))
        out.append(t)
    return out


def _digits(t: Token) -> bool:
    return t.kind == NUM and t.text.isdigit()


def _over(a: Token, b: Token, unit: str) -> bool:
    """Whether ``b`` stands under ``a`` in ``unit``: overlapping it, or starting or centred within one
    column of it (a wrapped line's start drifts by one in pdftotext's grid)."""
    a0, a1, b0, b1 = (a.x0, a.x1, b.x0, b.x1) if unit == "x" else (a.w0, a.w1, b.w0, b.w1)
    return (a0 < b1 and b0 < a1) or abs(a0 - b0) <= 1 or abs(a0 + a1 - b0 - b1) <= 2


def _left_to_right(vals: list[Token]) -> list[list[Token]]:
    """The orders the tokens stand in, left to right, in characters and in display columns (a label's
    CJK before a mark on its line counts one or two; one order where both agree), leaving out a unit in
    which two stand one above the other."""
    orders: list[list[Token]] = []
    for unit in ("x", "w"):
        ext = sorted(((t.x0, t.x1, t) if unit == "x" else (t.w0, t.w1, t) for t in vals), key=lambda e: e[0] + e[1])
        if any(b[0] < a[1] for a, b in zip(ext, ext[1:])):
            continue  # two numbers one above the other: not one row's cells in this unit
        order = [e[2] for e in ext]
        if order not in orders:
            orders.append(order)
    return orders


def _full_row_in_place(ctx: RowContext, vals: list[Token]) -> list[Reading] | None:
    """A row on two lines that shows every column (PyMuPDF's layout text: the numbers a line above the
    label, its marks on the label's line), read left to right where its sum holds so; doubtful where the
    two units order it otherwise and the sum holds both ways; None where no order keeps the sum.  (Not
    by the column model first: its centres come from other lines, and a line that starts with a label's
    CJK stands shifted against them.)"""
    holding = []
    for order in _left_to_right(vals):
        by_col = dict(enumerate(order))
        if _moved_status(ctx, by_col) == "inferred":
            holding.append(by_col)
    if len(holding) == 1:
        return [_reading(ctx, holding[0], vals, "inferred")]
    if not holding:
        return None
    # both orders keep the sum: the table's column model, where it places the row as one of them, decides
    by_model = _by_columns(ctx, vals, True)
    if by_model and any(_same_cells(by_model[0], ctx, order) for order in holding):
        return by_model
    return [_unplaced(ctx)]


def _same_cells(r: Reading, ctx: RowContext, by_col: dict[int, Token]) -> bool:
    return all((p.cell.start if p.cell is not None else None) == by_col[i].start for i, p in enumerate(r.cells[k] for k in ctx.keys))


def _interleaved(vals: list[Token], unit: str) -> bool:
    """Whether a number on a later line stands left of one on an earlier line (not in numbers that stand
    in no columns: :func:`_in_no_columns`, read in their order however their centres differ)."""
    if _in_no_columns(vals):
        return False
    lines = sorted({t.line for t in vals})
    right = float("-inf")
    for line in lines:
        xs = [centre(t, unit) for t in vals if t.line == line]
        if min(xs) < right:
            return True
        right = max(right, max(xs))
    return False


def _in_no_columns(vals: list[Token]) -> bool:
    """Numbers one a line — a cell a line: lxml's text of a Word table, "  229 / 540 / 85", lynx's cells
    centred each on its line — or lines that each start at the left margin — text flowing on: lynx's
    "   85 / 5 162 103": where each stands says nothing of its column."""
    lines: dict[int, list[Token]] = {}
    for t in vals:
        lines.setdefault(t.line, []).append(t)
    return len(lines) == len(vals) or all(0 <= min(t.x0 for t in ts) <= FLOW_MARGIN for ts in lines.values())


def _left_of_an_earlier(vals: list[Token], unit: str) -> bool:
    """Whether a number on a later line ends left of where a number on an earlier line starts, indented
    (not text flowing on from the left margin: lynx's cells a line each, "规章 31" / "66" / "84")."""
    chars = unit.startswith("x")
    return any(
        (b.x1 < a.x0 if chars else b.w1 < a.w0)
        for a in vals for b in vals if b.line > a.line and b.x0 > FLOW_MARGIN and min(a.x0, a.w0, b.w0) >= 0
    )


def _tails_add_up(ctx: RowContext, vals: list[Token]) -> bool:
    """Whether a row of more numbers than columns adds up with the tails of its wrapped numbers joined
    back (:func:`~govdisclosure.tables.resolve.wrapped_numbers`; never without a sum to check)."""
    from ..resolve import wrapped_numbers

    if ctx.check is None:
        return False
    # (a not-applicable mark counts as 0 in a sum)
    return any(ctx.check([0 if c.kind == MARK else _cell_value(c, False)[0] for c in row]) for row in wrapped_numbers(vals, len(ctx.keys)))


def _unplaced(ctx: RowContext) -> Reading:
    """A row on interleaved lines that no column model places, in reading order, doubtful."""
    return _doubted(ctx, "wrapped_row_order", "its numbers stand on more than one line, interleaved, and no column "
                    "model places them; reading order cannot say which is in which column: its values are doubtful",
                    "numbers on interleaved lines")


def _doubted(ctx: RowContext, code: str, why: str, evidence: str) -> Reading:
    """The row in reading order, every cell doubtful, with a finding ``code`` saying ``why``."""
    placed, _, _ = ctx.placement
    cells = {k: Placed(p.cell, p.value, "doubtful", p.unit) for k, p in zip(ctx.keys, placed)}
    finding = Finding(code, "warning", f"{ctx.where}: {why}", keys=tuple(ctx.keys))
    return Reading(NAME, cells, dict.fromkeys(ctx.keys, ctx.label), (finding,), evidence)


def _assign(centre: Sequence[float], model: Sequence[float]) -> list[int]:
    """Monotone assignment of tokens to columns, least total distance."""
    m, n = len(centre), len(model)
    INF = float("inf")
    dp = [[INF] * (n + 1) for _ in range(m + 1)]
    back = [[0] * (n + 1) for _ in range(m + 1)]
    for c in range(n + 1):
        dp[0][c] = 0.0
    for i in range(1, m + 1):
        for c in range(i, n + 1):
            stay = dp[i][c - 1] if c - 1 >= i else INF
            take = dp[i - 1][c - 1] + abs(centre[i - 1] - model[c - 1])
            if take <= stay:
                dp[i][c], back[i][c] = take, 1
            else:
                dp[i][c], back[i][c] = stay, 0
    where = [0] * m
    i, c = m, n
    while i > 0:
        if back[i][c]:
            where[i - 1] = c - 1
            i -= 1
        c -= 1
    return where


def _status(ctx: RowContext, by_col: dict[int, Token], vals: list[Token]) -> str | None:
    """``inferred``; ``doubtful`` when the placement breaks the row's sums (restored blanks read as 0),
    and None (no reading) when cutting the numbers satisfies them: "0 0 0 0 0 11" with 11 under 其他
    and 总计 blank is two cells run together (1 | 1), not a lost total."""
    n = len(ctx.keys)
    if ctx.check is not None:
        as_read = [read_cell(by_col[i].text)[0] if i in by_col else 0 for i in range(n)]
        if ctx.check([0 if v is None else v for v in as_read]) is False:
            if _sum_cands(vals, n, ctx.check):
                return None
            return "doubtful"  # positions alone, against the row's sums: not proven
    return "inferred"


def _moved_status(ctx: RowContext, by_col: dict[int, Token]) -> str:
    """A full row whose columns put its numbers in another order than the lines do: ``inferred`` where
    the row's sums hold as the columns place them, else ``doubtful``."""
    if ctx.check is None:
        return "doubtful"
    as_placed = [read_cell(by_col[i].text)[0] for i in range(len(ctx.keys))]
    return "inferred" if ctx.check([0 if v is None else v for v in as_placed]) is True else "doubtful"


def _reading(ctx: RowContext, by_col: dict[int, Token], vals: list[Token], status: str) -> Reading:
    cells: dict[str, Placed] = {}
    for idx, k in enumerate(ctx.keys):
        t = by_col.get(idx)
        if t is None:
            # the blank cell the converter dropped: restored empty, by position
            cells[k] = Placed(Cell("", BLANK, vals[0].start, vals[0].start), None, status)
        else:
            v, _, unit = read_cell(t.text, money=ctx.money[idx])
            cells[k] = Placed(cell_of(t), v, status, unit)
    n, m = len(ctx.keys), len(vals)
    what = (
        f"{n - m} blank cell(s) lost in conversion were restored from the columns the numbers stand under"
        if m < n
        else "its numbers stand on more than one line; each was placed by the column it stands under"
    )
    finding = Finding("columns_from_positions", "info", f"{ctx.where}: {what}", keys=tuple(ctx.keys))
    return Reading(NAME, cells, dict.fromkeys(ctx.keys, ctx.label), (finding,), "numbers under the column centres of full rows")
