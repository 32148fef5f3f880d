"""Column evidence shared by the rows of one table: column centres of space-aligned text, the header
row's grid over a row's cells, and the trailing empty cells of rows of one shape (copied Word tables).
"""

from __future__ import annotations

from collections.abc import Sequence

from .. import schema
from ..labels import keyed
from ..layout import BLANK, MARK, NUM, TEXT, Token
from ..normalize import key_normalized

# A column model needs this many rows that show every column, so that one odd row cannot set it
MIN_MODEL_ROWS = 3
MODEL_ROWS = 4  # the model is taken from this many full rows nearest to the row being placed
# A number belongs to a column when it is nearer to it than this share of the gap to the next column
ALIGN_MARGIN = 0.35


# Rows of explicit cells that must agree on their trailing empty cells before the table's shape is
# trusted (a copied Word table repeats its merged cells row after row)
MIN_STRUCTURE_ROWS = 3
STRUCTURE_AGREEMENT = 0.8


HEADER_LOOKBACK = 8  # rows above a row where its table's header row may stand


def header_grid(tokens: list[Token], at: int, row: int, cols: Sequence[schema.Label]) -> list[tuple[int, str]] | None:
    """The cells of ``row`` under each column label, read off the nearest header row above that has
    as many cells (a copied Word table keeps merged cells as empty ones: the grid is the same)."""
    i = at
    while i > 0 and tokens[i - 1].row == row:
        i -= 1
    this = [t for t in tokens[i : i + 64] if t.row == row]
    seen_rows = 0
    j = i - 1
    while j >= 0 and seen_rows < HEADER_LOOKBACK:
        r = tokens[j].row
        k = j
        while k > 0 and tokens[k - 1].row == r:
            k -= 1
        head = tokens[k : j + 1]
        seen_rows += 1
        j = k - 1
        if not all(t.explicit for t in head) or len(head) != len(this):
            continue
        keys = [key_normalized(t.text) if t.kind == TEXT else "" for t in head]
        idx = []
        for c in cols:
            words = keyed(c.wordings)
            hit = [n for n, kt in enumerate(keys) if len(kt) >= 2 and any(w in kt or kt in w for w in words)]
            if len(hit) != 1:
                break
            idx.append(hit[0])
        else:
            if sorted(idx) == idx and len(set(idx)) == len(idx) and all(this[n].kind in (NUM, MARK, BLANK) for n in idx):
                return [(this[n].start, this[n].kind) for n in idx]
            return None
    return None


def row_shapes(rows: list[tuple[list[Token], int, int]], cells_in_row: dict[int, int]) -> dict[tuple[int, int], int]:
    """Rows of a copied Word table with the same number of cells share their shape: among the rows that
    show every value, how many empty cells follow the last value, by the row's cell count (only where
    those rows agree)."""
    seen: dict[tuple[int, int], list[int]] = {}
    for toks, n, table in rows:
        if not toks or not all(t.explicit for t in toks) or len({t.row for t in toks}) != 1:
            continue
        vals = [t for t in toks if t.kind != BLANK]
        if len(vals) != n or any(t.glued for t in vals):
            continue
        k = 0
        while toks[-1 - k].kind == BLANK:
            k += 1
        seen.setdefault((table, cells_in_row[toks[0].row]), []).append(k)
    out: dict[tuple[int, int], int] = {}
    for width, counts in seen.items():
        best = max(set(counts), key=counts.count)
        if len(counts) >= MIN_STRUCTURE_ROWS and counts.count(best) >= STRUCTURE_AGREEMENT * len(counts):
            out[width] = best
    return out


def fills(r: list[Token], n: int) -> bool:
    return len(r) == n and all(t.kind in (NUM, MARK) and t.x0 >= 0 and not t.glued for t in r)


def column_model(rows: list[list[Token]], n: int) -> tuple[str, list[float]] | None:
    """Column centres of a space-aligned table, from the rows that fill every column: counted in
    characters or in display columns, whichever lines the rows up better."""
    full = [r for r in rows if fills(r, n)]
    if n < 2 or len(full) < MIN_MODEL_ROWS:
        return None
    best: tuple[float, str, list[float]] | None = None
    for unit in ("x", "w"):
        cols = list(zip(*[[centre(t, unit) for t in r] for r in full]))
        centres = [sorted(c)[len(c) // 2] for c in cols]
        if any(b <= a for a, b in zip(centres, centres[1:])):
            continue
        spread = sum(sorted(abs(x - m) for x in c)[len(c) // 2] for c, m in zip(cols, centres))
        if best is None or spread < best[0]:
            best = (spread, unit, centres)
    return (best[1], best[2]) if best else None


def centre(t: Token, unit: str) -> float:
    return (t.x0 + t.x1) / 2 if unit == "x" else (t.w0 + t.w1) / 2


def header_model(
    tokens: list[Token], lo: int, value_row: int, cols: Sequence[schema.Label], n: int
) -> tuple[str, list[float]] | None:
    """Column centres of part 四 in space-aligned text, from its header: the first line of every
    column's label ("结果", "其他", "尚未", "总计": a prefix of a column wording) stands over its
    column, the three groups' headers on one line or on two.  None unless there are ``n`` of them."""
    col_keys = [w for c in cols for w in keyed(c.wordings)]
    xs: list[float] = []
    for t in tokens[lo:]:
        if t.row >= value_row:
            break
        if t.kind != TEXT or t.x0 < 0:
            continue
        k = key_normalized(t.text)
        if len(k) >= 2 and any(w.startswith(k) for w in col_keys):
            xs.append(centre(t, "x"))
    xs.sort()
    centres: list[float] = []
    for x in xs:  # a two-line label ("其他/结果") names its column twice
        if not centres or x - centres[-1] >= 1:
            centres.append(x)
    return ("x", centres) if len(centres) == n else None


