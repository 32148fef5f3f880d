"""Column evidence shared by the rows of one table: column centres of space-aligned text, the header
row's grid over a row's cells, and the trailing empty cells of rows of one shape (copied Word tables).
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Collection, Sequence

from .. import schema
from ..labels import keyed
from ..layout import BLANK, GENERATED_HEADER, MARK, NUM, TEXT, Token
from ..normalize import Normalized, key_normalized
from .model import Value, _r3_check

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


def header_grid(
    tokens: list[Token], at: int, row: int, cols: Sequence[schema.Label], memo: dict[tuple[int, int], list[int] | None] | None = None,
    rows_above: dict[int, tuple[int, bool]] | None = None,
) -> list[tuple[int, str]] | None:
    """The cells of ``row`` under each column label, read off the nearest header row above that has
    as many cells (a copied Word table keeps merged cells as empty ones: the grid is the same).

    ``memo`` keeps, per candidate header row and list of columns, which of its cells the column labels
    name (None: not one each): the rows of a table look at the same header rows.  ``rows_above`` keeps,
    per token that ends a row, where that row starts and whether all its cells are explicit."""
    i = at
    while i > 0 and tokens[i - 1].row == row:
        i -= 1
    if tokens[i].row == row:
        # the row's tokens stand together (the tokenizer numbers rows in reading order): up to its end
        e, lim = i + 1, min(len(tokens), i + 64)
        while e < lim and tokens[e].row == row:
            e += 1
        this = tokens[i:e]
    else:
        this = [t for t in tokens[i : i + 64] if t.row == row]
    seen_rows = 0
    j = i - 1
    while j >= 0 and seen_rows < HEADER_LOOKBACK:
        got = rows_above.get(j) if rows_above is not None else None
        if got is None:
            r = tokens[j].row
            k = j
            while k > 0 and tokens[k - 1].row == r:
                k -= 1
            got = (k, all(t.explicit for t in tokens[k : j + 1]))
            if rows_above is not None:
                rows_above[j] = got
        k, explicit = got
        end = j
        seen_rows += 1
        j = k - 1
        if not explicit or end + 1 - k != len(this):
            continue
        head = tokens[k : end + 1]
        mk = (k, id(cols))
        if memo is not None and mk in memo:
            named = memo[mk]
        else:
            named = _named_cells(head, cols)
            if memo is not None:
                memo[mk] = named
        if named is None:
            continue
        if sorted(named) == named and len(set(named)) == len(named) and all(this[n].kind in (NUM, MARK, BLANK) for n in named):
            return [(this[n].start, this[n].kind) for n in named]
        return None
    return None


def _named_cells(head: list[Token], cols: Sequence[schema.Label]) -> list[int] | None:
    """The cell of ``head`` each column label names, or None unless each names exactly one."""
    keys = [key_normalized(t.text) if t.kind == TEXT else "" for t in head]
    idx = []
    for c in cols:
        words = keyed(c.wordings)
        hit = [n for n, kt in enumerate(keys) if len(kt) >= 2 and any(w in kt or kt in w for w in words)]
        if len(hit) != 1:
            return None
        idx.append(hit[0])
    return idx


def row_shapes(
    rows: Sequence[tuple[list[Token], int, int, int]], cells_in_row: dict[int, int]
) -> dict[tuple[int, int, int], int]:
    """Rows of a copied Word table with the same number of cells share their shape: among the rows that
    show every value, how many empty cells follow the last value, by table, place of the label in its
    row (``lead``: tokens before it) and the row's cell count (only where those rows agree).

    ``rows``: (tokens after the label, columns, table, lead).  The rows of a table with as many cells
    teach a row whose label stands elsewhere only where none with its own lead disagrees: a row whose
    first value is blank ("三、本年度办理结果 | (一) 予以公开 | | | 0 …", seed 001) has as many cells as
    the sub-rows under a group label ("| | 2.其他… | | 0 …"), which end on their last value."""
    by_lead: dict[tuple[int, int, int], list[int]] = {}
    by_width: dict[tuple[int, int], list[int]] = {}
    for toks, n, table, lead in rows:
        if not toks or not all(t.explicit for t in toks) or len({t.row for t in toks}) != 1:
            continue
        vals = [t for t in toks if t.kind != BLANK]
        if len(vals) != n or any(t.glued for t in vals):
            continue
        k = 0
        while toks[-1 - k].kind == BLANK:
            k += 1
        width = cells_in_row[toks[0].row]
        by_lead.setdefault((table, lead, width), []).append(k)
        by_width.setdefault((table, width), []).append(k)
    trusted = {key: b for key, counts in by_width.items() if (b := _agreed(counts)) is not None}
    out: dict[tuple[int, int, int], int] = {}
    for table, lead, width in {(t, lead, cells_in_row[toks[0].row]) for toks, _, t, lead in rows if toks and toks[0].row in cells_in_row}:
        own = by_lead.get((table, lead, width), [])
        best = _agreed(own)
        if best is None and all(k == trusted.get((table, width)) for k in own):
            best = trusted.get((table, width))
        if best is not None:
            out[(table, lead, width)] = best
    return out


def _agreed(counts: list[int]) -> int | None:
    """The trailing empty cells that enough rows agree on, or None."""
    if not counts:
        return None
    best = max(set(counts), key=counts.count)
    return best if len(counts) >= MIN_STRUCTURE_ROWS and counts.count(best) >= STRUCTURE_AGREEMENT * len(counts) else None


def fills(r: list[Token], n: int) -> bool:
    """A row of space-aligned text that shows every column, on one line."""
    return len(r) == n and all(t.kind in (NUM, MARK) and t.x0 >= 0 and not t.glued for t in r) and len({t.line for t in r}) == 1


def column_models(rows: list[list[Token]], n: int, *, edges: bool = False) -> list[tuple[str, list[float]]]:
    """Column centres of a space-aligned table, from the rows that fill every column, in each unit in
    which they stand in order (characters "x", display columns "w"), the unit that lines the rows up
    better first; with ``edges``, the columns' left and right edges too (units
    "x<", "x>", "w<", "w>": a converter that aligns cells left or right lines up their edges, not
    their centres, where numbers differ in width)."""
    full = [r for r in rows if fills(r, n)]
    if n < 2 or len(full) < MIN_MODEL_ROWS:
        return []
    found: list[tuple[float, str, list[float]]] = []
    for unit in ("x", "w", "x<", "x>", "w<", "w>") if edges else ("x", "w"):
        cols = list(zip(*[[centre(t, unit) for t in r] for r in full]))
        centres = [sorted(c)[len(c) // 2] for c in cols]
        if any(b <= a for a, b in zip(centres, centres[1:])):
            continue
        spread = sum(sorted(abs(x - m) for x in c)[len(c) // 2] for c, m in zip(cols, centres))
        found.append((spread, unit, centres))
    found.sort(key=lambda f: f[0])  # (stable: characters first on a tie)
    return [(unit, centres) for _, unit, centres in found]


def off_columns(r: Sequence[Token], model: tuple[str, list[float]], share: float, kinds: Collection[str] = (NUM, MARK)) -> bool:
    """Whether a token of a full row (of ``kinds``) stands nearer another column than the one reading
    order gives it, by ``share`` of the columns' typical gap or more, the row shifted as a whole onto the
    columns first (its median offset: a converter indents some rows by a column or two)."""
    unit, centres = model
    if len(centres) != len(r) or len(centres) < 2:
        return False
    xs = [centre(t, unit) for t in r]
    offs = sorted(x - m for x, m in zip(xs, centres))
    shift = offs[len(offs) // 2]
    gaps = sorted(b - a for a, b in zip(centres, centres[1:]))
    gap = gaps[len(gaps) // 2]
    for i, (t, x) in enumerate(zip(r, xs)):
        if t.kind not in kinds:
            continue
        d = [abs(x - shift - c) for c in centres]
        if d[i] - min(d[:i] + d[i + 1 :]) > share * gap:
            return True
    return False


def centre(t: Token, unit: str) -> float:
    """Where a token stands in ``unit``: its centre in characters ("x") or display columns ("w"), or its
    left ("x<", "w<") or right edge ("x>", "w>")."""
    if unit == "x":
        return (t.x0 + t.x1) / 2
    if unit == "w":
        return (t.w0 + t.w1) / 2
    return float({"x<": t.x0, "x>": t.x1, "w<": t.w0, "w>": t.w1}[unit])


def on_page_of(norm: Normalized, at: int) -> Callable[[int], bool] | None:
    """Whether a position of the text is on the page of position ``at``: pdftotext and PyMuPDF end each
    page with a form feed, and lay each page out on its own (a column stands a few characters further
    right on the next page).  None for text without form feeds."""
    orig = norm.original
    if "\f" not in orig:
        return None
    breaks = []
    i = orig.find("\f")
    while i >= 0:
        breaks.append(i)
        i = orig.find("\f", i + 1)

    def page(pos: int) -> int:
        return bisect.bisect_right(breaks, norm.to_orig_start(pos))

    p0 = page(at)
    return lambda pos: page(pos) == p0


def header_model(
    tokens: list[Token], lo: int, value_row: int, cols: Sequence[schema.Label], n: int,
    values: Sequence[Token] = (),
) -> tuple[str, list[float]] | None:
    """Column centres of a table in space-aligned text, from its header: the first line of every
    column's label ("结果", "其他", "尚未", "总计"; "商业" of 商业企业: a prefix of a column wording)
    stands over its column, the header on one line or on several.  None unless there are ``n`` of them.

    Counted in characters (pdftotext -layout) unless ``values`` (the table's numbers) are given: then
    in characters or display columns, whichever puts them under the captions (pandoc pads its plain
    tables by display width), and None where in neither every value stands near one caption, or where
    they all stand under one: that proves nothing of where the captions stand (PyMuPDF's layout text of a
    Chromium PDF puts a report's one filled column under another caption than its own)."""
    col_keys = [w for c in cols for w in keyed(c.wordings)]
    caps: list[Token] = []
    for t in tokens[lo:]:
        if t.row >= value_row:
            break
        if t.kind != TEXT or t.x0 < 0:
            continue
        k = key_normalized(t.text)
        if len(k) >= 2 and any(w.startswith(k) for w in col_keys):
            caps.append(t)
    best: tuple[float, str, list[float]] | None = None
    for unit in ("x", "w") if values else ("x",):
        centres: list[float] = []
        for x in sorted(centre(t, unit) for t in caps):  # a two-line label ("其他/结果") names its column twice
            if not centres or x - centres[-1] >= 1:
                centres.append(x)
        if len(centres) != n:
            continue
        if not values:
            return (unit, centres)
        # (the values of one column mostly stand at a few places: each place is weighed once)
        off, under = _worst_fit({centre(t, unit) for t in values}, centres)
        if off <= ALIGN_MARGIN and (best is None or off < best[0]) and len(under) > 1:
            best = (off, unit, centres)
    return (best[1], best[2]) if best else None


def _nearest(x: float, centres: Sequence[float]) -> int:
    """The index of the centre nearest ``x`` (``centres`` ascending; the lower of two as near)."""
    j = bisect.bisect_left(centres, x)
    return j if j == 0 or (j < len(centres) and abs(x - centres[j]) < abs(x - centres[j - 1])) else j - 1


def _worst_fit(xs: Collection[float], centres: Sequence[float]) -> tuple[float, set[int]]:
    """How far the value least under a column stands from its nearest centre, as a share of the gap
    from that centre to the next one, and the columns the values stand under.  ``centres`` ascend (as
    :func:`header_model` makes them): the nearest is one of the two around the value (the lower of two
    as near)."""
    worst = 0.0
    under: set[int] = set()
    last = len(centres) - 1
    gaps = [min(abs(centres[i] - centres[k]) for k in (i - 1, i + 1) if 0 <= k <= last) for i in range(last + 1)] if xs else []
    for x in xs:
        i = _nearest(x, centres)
        under.add(i)
        worst = max(worst, abs(x - centres[i]) / gaps[i])
    return worst, under


def merged_columns(norm: Normalized, tokens: list[Token], lo: int, hi: int, cols: Sequence[schema.Label] = ()) -> bool:
    """Whether a converter's cell borders in ``tokens[lo:hi]`` are not the table's columns (markitdown's
    PDF tables, from pdfplumber), shown by any of:

    - one explicit cell holding numbers side by side ("| 1 15 |");
    - one cell holding parts of two column captions ("| 科研 社会 |": no border was found between two
      columns that are blank in every row);
    - a markdown row with more cells from its first value to its end than there are columns;
    - a markdown row of values with fewer cells after its label than there are columns.

    Where a table shows that once, an empty cell anywhere in it says nothing about which column is
    blank.  (Numbers one above the other in a cell, "| 2644<br>4 |", are no sign: the cell took a line
    of text from below, its borders are still the columns; see arbiter.doubt_stacked_cells.)"""
    col_words = [keyed(c.wordings) for c in cols]
    prev: Token | None = None
    span: dict[int, list[Token]] = {}  # row -> its cells from its first value to its end
    after_label: dict[int, list[Token]] = {}  # row -> its cells after its last text cell
    for t in tokens[lo:hi]:
        if not t.explicit:
            continue
        between = cell_gap(norm, prev, t) if t.crowded else None  # (None for a cell not crowded)
        same_cell = between is not None and "|" not in between
        # (a first value in digits: "| 3.危及“ |" over "|   三   |" wraps a label, the 三 is no cell)
        starts = t.kind == MARK or (t.kind == NUM and (t.text.isdigit() or any(ch.isdigit() for ch in t.text)))
        if t.kind in (NUM, MARK, BLANK) and not same_cell and (starts or t.row in span):
            span.setdefault(t.row, []).append(t)
        if t.kind == TEXT and not (t.text[:3] == "Col" and GENERATED_HEADER.fullmatch(t.text)):
            after_label[t.row] = []
        elif not same_cell:
            after_label.setdefault(t.row, []).append(t)
        if between is not None and not between.strip():  # numbers side by side in one cell
            return True
        prev = t
        if t.kind == TEXT and col_words and " " in t.text.strip():
            hits = [
                {i for i, words in enumerate(col_words) if any(k in w for w in words)}
                for k in (key_normalized(p) for p in t.text.split())
                if len(k) >= 2
            ]
            hits = [h for h in hits if h]
            if len(hits) >= 2 and not set.intersection(*hits):  # no one caption holds every piece
                return True
    # a row with more cells from its first value to its end than the table has columns ("| 四、结转… |
    # | 112 | | | | | | | 112 |": the converter's grid is wider than the table, its empty cells fall
    # anywhere; a faithful table's extra empty cells are a merged label's, before the values)
    # (a markdown row: a copied Word table's tab-separated rows keep trailing empty cells, see row_shapes;
    # and not one whose first cells add up to its 总计 with only empty cells after them: "| 32 | 2 | 0 |
    # 0 | 0 | 0 | 34 |  |" has a stray empty column at its end, which places nothing)
    n = len(cols)
    wider = any(len(cells) > n and _pipe_row(norm.text, cells[0].start) and not _adds_up(cells, n) for cells in span.values())
    # or fewer cells after its label than columns, where the row has cells of values at all ("| （七）总计 |
    # | 21500 | 538 | | | 22038 |" over "| 四、结转… | | | 37 | 10 | | | 47 |": the same grid, two places
    # for 自然人: the converter lost cells, and the empty ones left say nothing)
    narrower = any(
        r in span and len(cells) < n and _pipe_row(norm.text, cells[0].start) for r, cells in after_label.items() if cells
    )
    return bool(cols) and (wider or narrower)


def _adds_up(cells: list[Token], n: int) -> bool:
    """The first ``n`` cells are numbers whose last is the sum of the others, and the rest are empty."""
    if any(t.kind != BLANK for t in cells[n:]):
        return False
    try:
        xs: list[Value] = [float(t.text.replace(",", "")) for t in cells[:n]]
    except ValueError:
        return False
    return _r3_check(xs) is True


def _pipe_row(text: str, pos: int) -> bool:
    return text[text.rfind("\n", 0, pos) + 1 : pos].lstrip().startswith("|")


def cell_gap(norm: Normalized, a: Token | None, b: Token) -> str | None:
    """The input between two numbers of one crowded cell (``a`` just before ``b``): spaces for numbers
    side by side, a line break ("<br>") for numbers one above the other; None unless both are crowded
    numbers of one row (a "|" in the gap: two crowded cells side by side)."""
    if a is None or not (a.crowded and b.crowded and a.row == b.row):
        return None
    return norm.original[norm.to_orig_end(a.end) : norm.to_orig_start(b.start)]


def distrust_empty_cells(tokens: list[Token], lo: int, hi: int) -> None:
    """Read every row of ``tokens[lo:hi]`` by its numbers alone (as a row with a crowded cell is): its
    empty cells are no evidence of a blank column (nor is a row of empty cells one of blank values)."""
    for t in tokens[lo:hi]:
        if t.explicit and t.kind in (NUM, MARK, BLANK):
            t.crowded = True
