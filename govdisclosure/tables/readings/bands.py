"""Column bands: part 三 printed in bands of rows, each band column by column (plain pdftotext of
some PDFs).

The labels come first, then runs of numbers stacked one a line: a band of k rows is seven runs of
k numbers, its columns left to right, and bands may interleave ("3001 34 1288 447 | 53 0 21 7 | … |
2 30 5 … 56 | …").  A row printed across (one number a run) is a band of one row.  Bands take the
rows in template order as they open; the reading is kept only when it places every row and every
row's 总计 is the sum of the six before it.  A repair: it runs when half of part 三's rows were not
read by their labels, fills cells not read, and replaces the cells of a row whose own sum fails.
Cells ``inferred``.  Finding ``columns_from_bands``.  Case row ``pdftotext-bands-column-by-column``
in ``tests/cases/quirks.py``.
"""

from __future__ import annotations

from ... import schema
from ...layout import BLANK, MARK, NUM, TEXT, Token
from ...report import Finding
from ...values import read_cell
from ..model import Placed, Reading, TableContext, _r3_check, cell_of
from ..rows import printed_forms

NAME = "bands"


def read(ctx: TableContext) -> list[Reading]:
    """Part 三 read back band by band, when it was mostly not read by its labels."""
    s = schema.load()
    app_rows, cols = s.app_rows_for(ctx.edition), s.app_columns
    unread = [r for r in app_rows if all(f"applications.{r.key}.{c.key}" not in ctx.board for c in cols)]
    if len(unread) * 2 < len(app_rows):
        return []
    runs = _runs(ctx)
    if runs is None:
        return []
    for rows in printed_forms(app_rows):
        cells = _read_bands(runs, len(rows), len(cols))
        if cells is not None:
            return [_reading(ctx, rows, cols, cells)]
    return []


def _runs(ctx: TableContext) -> list[list[Token]] | None:
    """Runs of numbers on consecutive lines; None when the table has marks or explicit cells."""
    runs: list[list[Token]] = []
    last_line = -2
    for t in ctx.tokens[ctx.lo : ctx.hi]:
        if t.kind == TEXT:
            last_line = -2
            continue
        if t.kind != NUM or t.glued:
            if t.kind in (MARK, BLANK):
                return None  # marks and explicit cells: not this layout
            continue
        if runs and t.line == last_line + 1 and last_line >= 0:
            runs[-1].append(t)
        else:
            runs.append([t])
        last_line = t.line
    return runs


def _reading(ctx: TableContext, rows: list[schema.Label], cols: tuple[schema.Label, ...], cells: list[list[Token]]) -> Reading:
    out: dict[str, Placed] = {}
    labels: dict[str, str | None] = {}
    overrides = set()
    for r, row in zip(rows, cells):
        now = [ctx.board.get(f"applications.{r.key}.{c.key}") for c in cols]
        # a row read by its label whose own sum fails (its label stood before another band's
        # numbers) gives way; a row that adds up keeps what it read
        broken = _r3_check([f.value if f is not None else None for f in now]) is False
        for c, t, f in zip(cols, row, now):
            k = f"applications.{r.key}.{c.key}"
            if f is not None and f.status not in ("missing", "doubtful") and not broken:
                continue
            if f is not None and f.status not in ("missing", "doubtful"):
                overrides.add(k)
            v, st, unit = read_cell(t.text)
            out[k] = Placed(cell_of(t), v, "inferred" if st == "ok" else st, unit)
            labels[k] = r.label
    findings: tuple[Finding, ...] = ()
    if out:
        findings = (Finding(
            "columns_from_bands",
            "warning",
            "part 三 was printed in bands of rows, each band column by column; the numbers were read back "
            "into their rows, and every row's 总计 is the sum of its other cells",
            keys=tuple(out),
        ),)
    return Reading(NAME, out, labels, findings, "runs of numbers, one column of a band each; every 总计 adds up",
                   mode="repair", overrides=frozenset(overrides))


def _read_bands(runs: list[list[Token]], n_rows: int, n: int) -> list[list[Token]] | None:
    """Rows of ``n`` cells read off vertical runs, or None."""
    rows: list[list[Token | None]] = []
    open_bands: dict[int, tuple[int, int]] = {}  # run length -> (first row, columns so far)
    for run in runs:
        k = len(run)
        if len(rows) >= n_rows and not open_bands:
            break  # every row placed: what follows is another table's
        band = open_bands.get(k)
        if band is None:
            if len(rows) + k > n_rows:
                return None
            band = (len(rows), 0)
            rows += [[None] * n for _ in range(k)]
        first, col = band
        for i, t in enumerate(run):
            rows[first + i][col] = t
        if col + 1 == n:
            open_bands.pop(k, None)
        else:
            open_bands[k] = (first, col + 1)
    if open_bands or len(rows) != n_rows or any(c is None for r in rows for c in r):
        return None
    out: list[list[Token]] = [[c for c in r if c is not None] for r in rows]
    for r in out:
        v = [read_cell(t.text)[0] for t in r]
        if _r3_check(v) is not True:
            return None
    return out
