"""Rows found by their labels, never by counting numbers: a row's value tokens are those between its
label and the next row's (or the table's end), so a missing or extra number cannot shift other rows.
"""

from __future__ import annotations

import bisect
import dataclasses
from collections import Counter
from collections.abc import Callable, Collection, Mapping, Sequence
from typing import NamedTuple

import regex

from .. import schema, values
from ..labels import Anchor, Row, Stream, find_rows, keyed
from ..layout import BLANK, MARK, NUM, TEXT, Token
from ..normalize import key_normalized
from ..sections import DocInfo
from .columns import MODEL_ROWS, column_models, fills, header_grid, off_columns, row_shapes
from .model import PROSE_MIN_LEN, SIGNS, Cell, Check, PlanRow, Prefer, RowContext, Value

Stops = Sequence[int] | Mapping[str, Sequence[int]]


# -- regions -----------------------------------------------------------------------------------
def region(doc: DocInfo, num: int, n_text: int) -> tuple[int, int] | None:
    """Part ``num``'s span of the normalised text: from its heading to the next part's."""
    if num not in doc.parts:
        return None
    a = doc.parts[num][0]
    later = [doc.parts[k][0] for k in doc.parts if k > num and doc.parts[k][0] > a]
    return (a, min(later) if later else n_text)


def tok_range(starts: list[int], span: tuple[int, int]) -> tuple[int, int]:
    return bisect.bisect_left(starts, span[0]), bisect.bisect_left(starts, span[1])


def _is_prose(t: Token) -> bool:
    if t.kind != TEXT:
        return False
    s = t.text
    if s.startswith(("注", "说明", "备注")):
        return False
    # a long run of glued captions (a crawler's one-line table header) is not prose: prose has sentences
    return ("。" in s and len(s) > 12) or (len(s) >= PROSE_MIN_LEN and any(p in s for p in "，；,;"))


def table_end(tokens: list[Token], lo: int, hi: int, after: int) -> int:
    """First prose token at or after ``after`` (a table ends where sentences start)."""
    for i in range(max(lo, after), hi):
        if _is_prose(tokens[i]):
            return i
    return hi


def find_all(text: str, w: str) -> list[int]:
    out = []
    k = text.find(w)
    while k >= 0:
        out.append(k)
        k = text.find(w, k + 1)
    return out


def _find_caption(text: str, item: str) -> int | None:
    for w in (f"第二十条第({item})项", f"第({item})项"):
        k = text.find(w)
        if k >= 0:
            return k
    return None


# -- part 二: its blocks' rows under their captions ----------------------------------------------
Window = tuple[int, int, tuple[str, ...], tuple[schema.Label, ...]]


def part2_anchors(
    tokens: list[Token], lo: int, hi: int, blocks: Sequence[schema.ActiveBlock], edition: str, st: Stream
) -> tuple[list[Row], dict[str, list[schema.Label]], list[Anchor], list[Window], list[int]]:
    """Part 二's rows, their columns, the rows found, each block's window from its caption to its first
    row found (where cells lifted out of the table stand), and the captions' token indices.  ``st``:
    the part's label stream (``label_stream(tokens, lo, hi)``), each block's a cut of it."""
    captions = [st.tok_at(k) for k in find_all(st.text, "第二十条")]
    rows: list[Row] = []
    cols_of: dict[str, list[schema.Label]] = {}
    anchors: list[Anchor] = []
    windows: list[Window] = []
    for b in blocks:
        brows = [Row(f"active.{r.key}", r.wordings) for r in b.rows_for(edition)]
        cols = list(b.columns_for(edition))  # one list a block: its rows are one table (row_contexts)
        for r in brows:
            cols_of[r.key] = cols
        rows += brows
        # a block's rows are looked for under its own caption first
        item = _find_caption(st.text, b.item)
        if item is not None:
            wlo = st.tok_at(item)
            nxt = [c for c in captions if c > wlo]
            whi = min(nxt) if nxt else hi
            found = find_rows(tokens, wlo, whi, brows, st.sub(wlo, whi))
            anchors += found
            windows.append((wlo, min([x.tok for x in found] + [whi]), tuple(r.key for r in brows), b.columns_for(edition)))
    got = {x.row.key for x in anchors}
    rest = [r for r in rows if r.key not in got]
    if rest:
        used = {x.tok for x in anchors}
        anchors += [x for x in find_rows(tokens, lo, hi, rest, st) if x.tok not in used]
    return rows, cols_of, anchors, windows, captions


def part2_stops(
    st: Stream, rows: list[Row], cols_of: dict[str, list[schema.Label]], captions: list[int]
) -> dict[str, list[int]]:
    """A caption of another block's columns ends a row too: plain pdftotext can print a table column
    by column, so "行政事业性收费" is followed by "本年制发件数 1 8", which is not its own.  The text
    tokens' keys are read off the part's label stream ``st`` (a token whose key is empty holds no
    caption)."""
    own = {r.key: {w for c in cols_of[r.key] for w in keyed(c.wordings)} for r in rows}
    every = set().union(*own.values()) if own else set()
    texts = st.pieces()
    seen_at = {w: [i for i, t in texts if w in t] for w in every}
    return {r.key: sorted({*captions, *(i for w in every - own[r.key] for i in seen_at[w])}) for r in rows}


# -- every row's own tokens, and the label-less rows after it -------------------------------------
def _capacity(t: Token) -> int:
    if t.kind == NUM and t.glued and t.text.isdigit():
        return len(t.text)
    return 1


def _plain(g: Sequence[Token]) -> bool:
    """Numbers separated by spaces only: no cell structure, nothing glued."""
    return all(t.kind in (NUM, MARK) and not t.explicit and not t.glued for t in g)


def _groups(seg: Sequence[Token], after: int = 0) -> tuple[list[list[Token]], set[int]]:
    """Value tokens of a range, grouped by the row (line or cell block) they stand on; and the ids of
    the groups that words stand before (text of two Han characters or more at ``after`` or later,
    past the row's own label): a label the matcher did not know."""
    out: list[list[Token]] = []
    worded: set[int] = set()
    row = None
    words = False  # words since the last value token
    for t in seg:
        if t.kind not in (NUM, MARK, BLANK):
            words = words or (t.kind == TEXT and t.start >= after and _WORDS.search(t.text) is not None)
            continue
        # words between two glued runs of one line are such a label too: what follows them is another
        # row's ("规章0440规范有文件7600")
        if not out or t.row != row or (words and t.glued and out[-1][-1].glued):
            out.append([])
            if words:
                worded.add(id(out[-1]))
        out[-1].append(t)
        row = t.row
        words = False
    return out, worded


_WORDS = regex.compile(r"\p{Han}{2}")


def _segment(tokens: list[Token], anchors: list[Anchor], i: int, hi: int, stops: Stops) -> list[Token]:
    a = anchors[i]
    nxt = anchors[i + 1].tok if i + 1 < len(anchors) else table_end(tokens, a.tok, hi, a.end_tok + 1)
    st_row = stops.get(a.row.key, ()) if isinstance(stops, Mapping) else stops
    j = bisect.bisect_right(st_row, a.tok)
    if j < len(st_row):
        nxt = min(nxt, st_row[j])
    # (an anchor that a reading moved onto the first number of a row ends before it starts: its
    # row begins at that number, the token before it another row's, see loose_labels._starting_at)
    seg = tokens[a.tok + 1 : nxt] if a.end_tok >= a.tok else tokens[a.tok : nxt]
    inside = [k for k in range(a.tok + 1, min(a.end_tok, nxt - 1)) if _label_mark(tokens, k, a.row)]
    return [t for k, t in enumerate(seg, a.tok + 1) if k not in inside] if inside else seg


def _label_mark(tokens: list[Token], k: int, row: Row) -> bool:
    """A not-applicable mark inside a row's label that is a character of the label: a label cut one
    character a line ("④/无/正当理/由大量/反复申请" in PDFium's text) has its 无 on a line of its own."""
    t, u = tokens[k], tokens[k + 1]
    if t.kind != MARK or u.kind != TEXT or not t.text.isalpha():
        return False
    joined = key_normalized(t.text + u.text)
    return any(joined[:3] in w for w in keyed(row.wordings))


def _own(groups: list[list[Token]], n: int, by_order: bool, worded: Collection[int] = frozenset()) -> list[Token]:
    """The row's own tokens, taken off the front of ``groups`` (what is left are label-less rows;
    ``worded``: the ids of those that words stand before, see :func:`_groups`)."""
    own: list[Token] = []
    cap = 0
    while groups and cap < n:
        g = groups[0]
        if own and all(t.explicit for t in own + g) and sum(t.kind != BLANK for t in g) >= n - 1:
            break  # a row of cells short of one does not take the next row of cells (a row of its own)
        if own and all(t.explicit for t in own + g) and all(t.kind == BLANK for t in g) and any(t.kind != BLANK for t in own):
            break  # nor the empty cells before the next row's label ("| | | 5.属于 |": merged label cells)
        groups.pop(0)
        if all(t.kind == BLANK for t in g) and any(t.kind != BLANK for h in groups for t in h) and not own:
            if groups and id(groups[0]) in worded:
                own += g  # the row's own empty cells: a label the matcher did not know stands before the next
                break
            continue  # an empty row (a merged cell's leftovers) before the row's values
        if not own and by_order and len(g) >= 2 * n and len(g) % n == 0 and _plain(g):
            # one line holding this row and whole label-less rows after it (text flattened to one
            # paragraph, the next row's label printed elsewhere): the rest goes to the rows
            # missing after this one, in template order, like any other orphan row
            groups[:0] = [g[k : k + n] for k in range(n, len(g), n)]
            g = g[:n]
        own += g
        # (one cell a token but for glued runs of digits: _capacity only where a token is glued)
        cap += sum(_capacity(t) for t in g) if any(t.glued for t in g) else len(g)
    # one number a line, and one lone number more after the row's own before the next label: nothing
    # tells the row's own from the extra one (a label's 无 split onto a line of its own, a page number):
    # the row is read with all of them, and its cells that the placements disagree on are doubtful.
    # (Not more than one: dropping several numbers lets a row of zeros pass any sum.)
    if len(own) == n and len(groups) == 1 and len(groups[0]) == 1 and groups[0][0].kind in (NUM, MARK):
        if all(t.kind in (NUM, MARK) and not t.explicit for t in own + groups[0]):
            own += groups.pop()
    return own


def plan_rows(
    tokens: list[Token], anchors: list[Anchor], hi: int, columns: Mapping[str, Sequence[schema.Label]],
    stops: Stops = (), by_order: bool = False,
) -> list[PlanRow]:
    """Every anchored row with its own tokens and the rows of numbers left after them."""
    anchors = sorted(anchors, key=lambda a: a.tok)
    plan: list[PlanRow] = []
    for i, a in enumerate(anchors):
        groups, worded = _groups(_segment(tokens, anchors, i, hi, stops), tokens[max(a.tok, a.end_tok)].end)
        own = _own(groups, len(columns[a.row.key]), by_order, worded)
        plan.append(PlanRow(a, own, [g for g in groups if any(t.kind in (NUM, MARK) for t in g)]))
    return plan


def join_wrapped_tails(plan: Sequence[PlanRow], columns: Mapping[str, Sequence[schema.Label]], check: Check) -> None:
    """A number too long for its narrow cell wraps onto the next line, under the label's rest: a
    text extraction with no positions (pypdf, PDFium, PyMuPDF) prints a full row "1608 898 … 1733"
    and, a line below, "开申请 4 7" (16084 … 17337), and the tails stood as a label-less row.  When a
    row's numbers satisfy its sum with the short numbers of the next line joined back
    (:func:`resolve.wrapped_numbers`), those become the row's own (``resolve`` places them, ``inferred``
    at best, against the placements that drop them instead: where the row adds up as printed too, the
    cells the two disagree on are doubtful)."""
    from .resolve import CUT_THOUSANDS, wrapped_numbers

    def read(cells: Sequence[Token] | Sequence[Cell]) -> list[Value]:
        return [values.read_cell(c.text)[0] if c.kind == NUM else None for c in cells]

    def digits(g: Sequence[Token]) -> bool:
        # (the empty cells of a line of cells stand beside its tails: "开申请数量 | 4 | | | | | | 9")
        return any(t.kind == NUM for t in g) and all(t.kind == NUM and t.text.isdigit() for t in g if t.kind != BLANK)

    for p in plan:
        n, own = len(columns[p.anchor.row.key]), p.own
        if not p.orphans or len(own) < n:
            continue
        if len(own) == n and check(read(own)) is None and not any(CUT_THOUSANDS.fullmatch(t.text) for t in own):
            continue  # the row has blanks and no number lost its tail: numbers below it are another row's
        # (a row that adds up as printed takes them too where, joined, they make it add up as well: "252 0 0
        # 0 0 0 252" over "4 4" is 2524 … 2524, and resolve then finds two placements that keep its sum)
        # the label-less lines of numbers right below (one a line, or all on one), as many as could be
        # the rest of the row and its tails
        taken = 0
        while taken < len(p.orphans) and digits(p.orphans[taken]) and sum(_nonblank(g) for g in p.orphans[: taken + 1]) <= n:
            taken += 1
        tails = [t for g in p.orphans[:taken] for t in g if t.kind != BLANK]
        if tails and tails[0].line > own[-1].line and any(check(read(row)) for row in wrapped_numbers([*own, *tails], n)):
            p.own = [*own, *tails]
            p.orphans = p.orphans[taken:]


def _nonblank(g: Sequence[Token]) -> int:
    return sum(t.kind != BLANK for t in g)


def has_values(own: Sequence[Token], n: int) -> bool:
    """A row is read when it holds a number or mark, or is a blank-only row (every cell empty)."""
    return bool(own) and any(t.kind in (NUM, MARK) for t in own) or (bool(own) and all(t.kind == BLANK for t in own) and len(own) >= n)


def row_contexts(
    tokens: list[Token], plan: Sequence[PlanRow], hi: int, columns: Mapping[str, Sequence[schema.Label]],
    check: Check | None, prefer: Prefer | None, *, detached: Mapping[str, tuple[int, Token]] | None = None,
    header: tuple[str, list[float]] | None = None, header_page: Callable[[int], bool] | None = None,
) -> list[RowContext]:
    """The context of every row that is read: its tokens and the column evidence of its table (the
    rows of one table share one list of columns; each of part 二's blocks is a table of its own).
    ``header``: column centres read off the table's header (:func:`columns.header_model`), for the
    rows of a table with too few rows that fill every column to give them (a report that leaves a
    column blank in every row); ``header_page``: whether a position is on the header's page (the
    header's centres hold there only: :func:`columns.on_page_of`)."""
    full_rows = [(id(columns[p.anchor.row.key]), p.own) for p in plan if fills(p.own, len(columns[p.anchor.row.key]))]
    same_table: dict[int, list[list[Token]]] = {}  # the full rows of each table (by its list of columns)
    for cs, r in full_rows:
        same_table.setdefault(cs, []).append(r)
    shapes, cells_in_row, leads = _shapes(tokens, plan, hi, columns)
    narrow = _narrow_tables(plan, columns)
    widest = _widest_rows(plan, columns)
    grid_memo: dict[tuple[int, int], list[int] | None] = {}
    rows_above: dict[int, tuple[int, bool]] = {}
    per_table: dict[int, tuple[tuple[bool, ...], tuple[bool, ...] | None]] = {}
    out = []
    for p in plan:
        key, own = p.anchor.row.key, p.own
        cols = columns[key]
        if not has_values(own, len(cols)):
            continue
        model = trail = grid = None
        models, near = [], []  # type: list[tuple[str, list[float]]], list[list[Token]]
        same = same_table.get(id(cols), [])
        # a row of space-aligned text short of numbers or on several lines is placed by its columns
        needs_columns = bool(own) and own[0].x0 >= 0 and (len(own) < len(cols) or len({t.line for t in own}) > 1)
        # …and so is a full row with a not-applicable mark checked against its columns (readings/aligned.py)
        marked_full = bool(own) and not needs_columns and any(t.kind == MARK for t in own) and fills(own, len(cols))
        if (needs_columns or marked_full) and same:
            # the nearest rows that fill every column (columns shift at page breaks); the columns' edges
            # too for a full row with a mark, whose check weighs every model (readings/aligned.py)
            near = sorted(same, key=lambda r: abs(r[0].line - own[0].line))[:MODEL_ROWS]
            models = column_models(near, len(cols), edges=marked_full)
            model = next((m for m in models if m[0] in ("x", "w")), None)
        if model is None and needs_columns and header is not None and len(header[1]) == len(cols) and (header_page is None or header_page(own[0].start)):
            model = header
        if own and all(t.explicit for t in own) and len({t.row for t in own}) == 1:
            trail = shapes.get((id(cols), leads[id(p)], cells_in_row.get(own[0].row, -1)))
            grid = header_grid(tokens, p.anchor.tok, own[0].row, cols, grid_memo, rows_above)
        if id(cols) not in per_table:  # the columns' money and signed flags, once per table
            per_table[id(cols)] = (tuple([c.money for c in cols]), tuple([c.signed for c in cols]) if any(c.signed for c in cols) else None)
        money, signed = per_table[id(cols)]
        out.append(RowContext(
            key, p.anchor.label, tuple(own), tuple([f"{key}.{c.key}" for c in cols]), money,
            check, prefer, model, trail, grid, detached=(detached or {}).get(key), inferred=key in (detached or {}),
            signed=signed, wide=id(p) in widest or (id(cols) in narrow and _value_count(own) == len(cols) and _by_numbers(own)),
            blank_column=id(cols) in narrow,
            # (only where the table's other full rows stand under the columns: else the model is no yardstick)
            check_columns=marked_full and model is not None and not any(
                off_columns(r, model, MODEL_FIT) for r in near if r is not own),
            column_models=tuple(models) if marked_full and model is not None else ()))
    return out


# How much nearer (in the columns' typical gap) a token of a table's other full rows may stand to another
# column than to its own for the column model to be a yardstick for a full row with a mark
# (readings/aligned.py: _off_columns): none
MODEL_FIT = 0.0

# Rows of one table (their numbers not glued) that must show fewer numbers than columns before
# the table is taken to leave a column blank: at least this many (all but one in a smaller table: part 二's
# blocks of two rows), and more than this share of its rows
# (a report that fills one column only in some rows, 总计 left blank, shows its other rows full: seed 149,
# whose wrapped counts '１２０' / '８' filled the rows that print a count, 11 of 23 rows short)
MIN_NARROW_ROWS = 3
NARROW_SHARE = 0.3


def _shapes(
    tokens: list[Token], plan: Sequence[PlanRow], hi: int, columns: Mapping[str, Sequence[schema.Label]],
) -> tuple[dict[tuple[int, int, int], int], dict[int, int], dict[int, int]]:
    """The rows' shapes (:func:`columns.row_shapes`), the tokens of each row of cells, and where each
    plan row's label stands in its row (by ``id`` of the plan row).
    (A 2-column block must not learn from a 3-column one: shapes are per table.)"""
    cells_in_row: dict[int, int] = {}
    if plan:
        cells_in_row = dict(Counter([t.row for t in tokens[min(p.anchor.tok for p in plan) : hi]]))
    leads = {id(p): _lead(tokens, p.anchor.tok) for p in plan}
    rows = [(p.own, len(columns[p.anchor.row.key]), id(columns[p.anchor.row.key]), leads[id(p)]) for p in plan]
    return row_shapes(rows, cells_in_row), cells_in_row, leads


def _lead(tokens: list[Token], at: int) -> int:
    """How many tokens stand before the label at ``at`` on its row of cells (group labels, empty cells)."""
    row, i = tokens[at].row, at
    while i > 0 and tokens[i - 1].row == row:
        i -= 1
    return at - i


def _by_numbers(own: Sequence[Token]) -> bool:
    """Whether a row is read by its numbers and marks alone: text with no cells, or cells merged by the
    converter ("| - 11 | - 33 |"); a row of cells keeps its blanks in place (:func:`_widest_rows`)."""
    return not own[0].explicit or any(t.crowded for t in own)


def _value_count(own: Sequence[Token]) -> int | None:
    """How many numbers and marks a row shows, where none is glued to another (else None)."""
    if any(t.glued for t in own):
        return None
    return sum(t.kind in (NUM, MARK) for t in own)


def _widest_rows(plan: Sequence[PlanRow], columns: Mapping[str, Sequence[schema.Label]]) -> set[int]:
    """The rows of cells (by ``id`` of the plan row) with a cell too many: a cell repeated or split in
    conversion ("| 1049 | 1049 | - | 9 | - | - | - |  |" among rows of six and an empty 总计), which
    one the extra is only a sum can say.  Measured against the other rows of the table that show a
    value, a row is wider where it holds more cells than they do, they all holding as many (three or
    more rows of a box-drawn or tab-separated table), or where it shows more numbers and marks, and
    more cells from the first of them to the last, than every one of them, and more cells than most
    (cells between the values say nothing of a label's span or of empty cells a converter leaves at a
    row's end; a blank first cell, "\t\t0\t0", is a cell; a row of as many cells keeps its blanks
    in place: "规章| —| 66| 549" beside "行政规范性文件| 53| | 790")."""
    sizes: dict[int, list[_Size]] = {}
    for p in plan:
        own = p.own
        if own and all(t.explicit for t in own):
            at = [i for i, t in enumerate(own) if t.kind in (NUM, MARK)]
            if at:
                sizes.setdefault(id(columns[p.anchor.row.key]), []).append(
                    _Size(id(p), p.anchor.row.key, len(at), at[-1] - at[0] + 1, len(own)))
    out: set[int] = set()
    for rows in sizes.values():
        narrowest = min(r.cells for r in rows)
        for r in rows:
            if r.cells == narrowest:
                continue  # (no more cells than most of the others: the most common count is no smaller)
            others = [o for o in rows if o.key != r.key]  # (a row may stand in the plan twice)
            if not others:
                continue
            counts = Counter(o.cells for o in others)
            if r.cells <= counts.most_common(1)[0][0]:
                continue
            if (len(counts) == 1 and len(others) >= MIN_NARROW_ROWS) or (
                r.values > max(o.values for o in others) and r.extent > max(o.extent for o in others)
            ):
                out.add(r.plan_row)
    return out


class _Size(NamedTuple):
    """A row of cells as :func:`_widest_rows` measures it."""

    plan_row: int  # id of the plan row
    key: str
    values: int  # numbers and marks
    extent: int  # cells from the first value to the last
    cells: int  # cells after the label


def _narrow_tables(plan: Sequence[PlanRow], columns: Mapping[str, Sequence[schema.Label]]) -> set[int]:
    """The tables (by their list of columns) whose rows show fewer numbers and marks than columns: a
    column the report leaves blank in every row.  Counted alike in bare text, text with positions and
    rows of cells (an empty cell is no number): a row that shows one more than the others, with no sum
    to prove it, printed a number twice or split one ("| 1049 | 1049 | - | 9 |")."""
    seen: dict[int, list[bool]] = {}
    for p in plan:
        cols = columns[p.anchor.row.key]
        k = _value_count(p.own)
        if k:
            seen.setdefault(id(cols), []).append(k < len(cols))
    return {t for t, short in seen.items() if sum(short) >= min(MIN_NARROW_ROWS, len(short) - 1) and sum(short) > NARROW_SHARE * len(short)}


def printed_forms(app_rows: Sequence[schema.Label]) -> list[list[schema.Label]]:
    """Part 三's rows as a report prints them: （六）其他处理 as its numbered sub-rows, or as one row
    (the 2019 edition has only the one row)."""
    subs = [r for r in app_rows if r.key.startswith("other_processing.") and r.key != "other_processing.total"]
    if not subs:
        return [list(app_rows)]
    return [[r for r in app_rows if r.key != "other_processing.total"], [r for r in app_rows if r not in subs]]


#: a decrease printed before the digits of a 本年增/减 cell
_MINUS = frozenset({"-", "减", "减少", "−", "–"})


MIN_CAPTION_LINE = 4  # characters of a caption line that counts when printed again


def drop_repeated_captions(tokens: list[Token], lo: int, hi: int, row_words: Sequence[str]) -> None:
    """The table's caption lines printed again further down (Word's "repeat as header row" at the top
    of each page: "（本列数据的勾稽关系 申请人情况" / "为：第一项加第二项之 自然人 …" in the middle of part
    三, between the two lines of a row label broken by the page).  Such a line, text for text one of the
    lines before the table's first number and holding no number itself, becomes empty text tokens, so
    token indices hold and the label's lines meet again in the label stream.  A line that is a piece of
    a row's wording (``row_words``, keyed) starts no repeat: the first row's label, wrapped, stands
    before the first number too, and the next rows' labels wrap the same way ("政府信息公开申" / "请数量")."""
    lines: dict[int, list[int]] = {}
    valued: set[int] = set()  # the lines that hold a number or mark (found in the same pass)
    first_value = None
    for i in range(lo, min(hi, len(tokens))):
        t = tokens[i]
        if t.kind in (NUM, MARK):
            valued.add(t.line)
            if first_value is None:
                first_value = t.line
        lines.setdefault(t.line, []).append(i)
    if first_value is None:
        return

    def text_of(ln: int) -> str | None:
        if ln in valued:
            return None
        return "".join(tokens[i].text for i in lines[ln] if tokens[i].kind == TEXT).replace(" ", "") or None

    captions = {x for ln in lines if ln < first_value and (x := text_of(ln)) is not None}
    if not captions:
        return
    order = [ln for ln in lines if ln > first_value]
    texts = [text_of(ln) for ln in order]  # each line's once
    again = [x in captions for x in texts]
    # a caption line of some length, no piece of a row's wording, next to another caption line starts
    # a repeat, which takes the caption lines next to it, short ones and pieces too ("自然人", "总计");
    # a short piece alone ("公", "组织") may be a row label's, printed a character a line
    def seed(k: int) -> bool:
        x = texts[k] or ""
        return len(x) >= MIN_CAPTION_LINE and not any(key_normalized(x) in w for w in row_words)

    keep = [False] * len(order)
    for k, ln in enumerate(order):
        if again[k] and seed(k) and ((k and again[k - 1]) or (k + 1 < len(order) and again[k + 1])):
            j = k
            while j > 0 and again[j - 1] and not keep[j - 1]:
                j -= 1
            while j < len(order) and again[j]:
                keep[j] = True
                j += 1
    for k, ln in enumerate(order):
        if keep[k]:
            for i in lines[ln]:
                tokens[i] = _emptied(tokens[i])


def _emptied(t: Token) -> Token:
    """An empty text token where ``t`` stood: its text taken elsewhere or dropped, token indices kept."""
    return dataclasses.replace(t, kind=TEXT, text="", end=t.start)


def attach_signs(tokens: list[Token], lo: int, hi: int) -> None:
    """Signs that the tokenizer left as text ("减少15") or as a glued mark ("2648-18538"): joined to
    the number they open.

    A minus glued between two numbers is a date's or a range's in prose, but in part 二 of the 2019
    edition it opens the 本年增/减 cell.  The sign token becomes the number (its span the sign and the
    digits: the raw text shows the sign), the digits token an empty text token, so token indices hold.
    """
    for i in range(lo, min(hi, len(tokens)) - 1):
        t = tokens[i]
        if t.text not in _MINUS or not (t.kind == TEXT or (t.kind == MARK and t.glued)):
            continue
        if t.kind == MARK and i > 0 and tokens[i - 1].kind == MARK and tokens[i - 1].end == t.start:
            continue  # a run of marks ("5--18"): not-applicable cells, no sign
        j = i + 1  # past the empty tokens a merged thousands run leaves (attach_thousands)
        while j < len(tokens) - 1 and tokens[j].kind == TEXT and not tokens[j].text:
            j += 1
        u = tokens[j]
        if u.kind == NUM and u.start == t.end and u.text[:1] not in SIGNS:
            tokens[i] = dataclasses.replace(u, start=t.start, text="-" + u.text)
            tokens[j] = dataclasses.replace(u, kind=TEXT, text="", start=u.end)


_DIGITS_UNIT = regex.compile(r"[0-9]{3,}(?:,[0-9]{3})*(?:万元|元)?")


def attach_thousands(tokens: list[Token], lo: int, hi: int) -> None:
    """A thousands separator inside glued cells ("规章41551,086" is 41 | 55 | 1,086; "1,49659" is
    1,496 | 59; "1,358391,765,851" is 1,358 | 39 | 1,765,851, the chain taken whole, whatever its
    groups): the tokenizer reads no number there and leaves the comma as text between two runs.
    The runs and the comma become one glued token, cut with the comma inside one cell
    (``glued.token_options``); the other tokens become empty text, so token indices hold."""
    # only a comma token between two runs is merged, and merging makes no new comma: the commas are
    # found first (one cheap pass), the tokens around each read as they stand when it comes
    for i in [j - 1 for j in range(lo + 1, min(hi, len(tokens)) - 1) if tokens[j].text == ","]:
        t, c, u = tokens[i], tokens[i + 1], tokens[i + 2]
        if (
            t.kind == NUM and u.kind == NUM and c.kind == TEXT and c.text == "," and t.end == c.start and c.end == u.start
            and t.text.lstrip("".join(SIGNS)).replace(",", "").isdigit() and _DIGITS_UNIT.fullmatch(u.text) and (t.glued or u.glued)
        ):
            # "1,0336219,385": the merged token may take the next comma and run too, so it moves along
            tokens[i + 2] = dataclasses.replace(t, text=t.text + "," + u.text, end=u.end, glued=True)
            tokens[i] = _emptied(t)
            tokens[i + 1] = dataclasses.replace(c, text="", start=t.start, end=t.start)
