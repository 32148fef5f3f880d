"""Part 四 (行政复议、行政诉讼情况): one row of fifteen cells, three groups of five, R4 per group.

A value row printed as two rows of cells that fill each other's empty cells is read as one
(``stacked_rows``); beside a group whose R4 fails, a group whose R4 cannot be checked is doubtful, and
so is the row where two numbers stand one above the other in one cell.
Case row ``part4-marks-on-a-pipe-row-of-their-own``."""

from __future__ import annotations

import functools

from .. import schema
from ..labels import label_stream
from ..layout import BLANK, MARK, NUM, TEXT, Token
from ..normalize import key_normalized
from ..report import Finding
from ..sections import DocInfo
from ..validate import TOLERANCE
from .arbiter import STACKED, Arbiter, RowReading, _glued_mark_text, doubt_keys, marked_texts, stacked_in_a_cell
from .columns import cell_gap, header_model
from .model import NARRATIVE_MIN_VALUE, PART4, Prefer, RowContext, Value, _r4_check
from .readings import aligned, glued, part4_blocks, positional
from .rows import region, table_end, tok_range

ROW_READINGS: list[RowReading] = [aligned.read, part4_blocks.read, glued.read, positional.read]
LABEL = "行政复议、行政诉讼"


def assemble(
    arb: Arbiter, tokens: list[Token], starts: list[int], doc: DocInfo, n_text: int, prefer: Prefer, narrative: frozenset[float]
) -> None:
    """Read part 四 onto the board."""
    r4 = region(doc, 4, n_text)
    if r4 is None:
        arb.note(Finding("table_missing", "warning", "part 四 (行政复议、行政诉讼) was not found"))
        return
    s = schema.load()
    lo, hi = tok_range(starts, r4)
    st = label_stream(tokens, lo, hi)
    head = st.text[: st.starts[1]] if len(st.starts) > 1 else st.text
    if "行政诉讼" in head:  # the part's heading (四、政府信息公开行政复议、行政诉讼情况): the table is read
        # from it (plain pdftotext prints a first number before the captions) to the first sentence
        # after its caption 行政复议 (a sentence between them, "2021年，本机关未发生…。", is no end)
        first = st.toks[0]
        k = st.text.find("行政复议", len(head))
        end = table_end(tokens, lo, hi, (st.tok_at(k) if k >= 0 else first) + 1)
    else:  # no heading: the part starts at the caption (sections: 行政复议 beside 行政诉讼), not at the
        # 行政复议 of a note under the table ("注：行政复议、行政诉讼数量含上年度结转数量。")
        k = st.text.find("行政复议")
        first = st.tok_at(k) if k >= 0 else lo + 1
        end = table_end(tokens, lo, hi, first + 1)
    # the value row(s): header rows hold text and empty cells, never numbers
    value_rows = {t.row for t in tokens[first:end] if t.kind in (NUM, MARK)}
    seg = [t for t in tokens[first:end] if t.kind in (NUM, MARK, BLANK) and t.row in value_rows]
    keys = tuple(f"{g.key}.{c.key}" for g in s.review_groups for c in s.review_columns)
    if not any(t.kind in (NUM, MARK) for t in seg):
        arb.note(Finding("table_missing", "warning", "part 四's table has no values", keys=keys))
        return
    merged = _stacked_rows(arb, seg)
    if merged is not None:
        seg = merged
        arb.note(Finding("stacked_rows", "info", "part 四's value row is printed as two rows of cells, the second in the "
                         "first's empty cells (its marks a line lower): they were read as one, cell by cell", keys=keys))
    model = header_model(tokens, first, min(t.row for t in seg), s.review_columns, len(keys))
    ctx = RowContext(
        PART4, LABEL, tuple(seg), keys, (False,) * len(keys), _r4_check, _prefer_part4(prefer, narrative), model,
        narrative=narrative,
    )
    arb.read_row(ctx, ROW_READINGS)
    if not _one_cell_each(arb, seg, len(keys)):
        _doubt_unchecked_beside_failing(arb, keys)
        if merged is None and len({t.row for t in seg}) > 1 and all(t.explicit for t in seg):
            _doubt_rows_apart(arb, seg, keys)
    if stacked_in_a_cell(arb, seg):
        doubt_keys(arb, keys, f"part 四: {STACKED}", code="ambiguous_cells")
    if any(_glued_mark_text(tokens, j) for j in marked_texts(tokens, max(first - 1, lo), min(end + 1, len(tokens)))) or _wu_run_into(tokens, first, end):
        doubt_keys(arb, keys, "part 四's not-applicable marks run into its numbers: which cells they stand for is unsure")
    # the block-order reading (part4_blocks) already doubts what it regrouped, but what the narrative proves
    if _scrambled(tokens, seg, s) and not any(arb.source.get(k) == part4_blocks.NAME for k in keys):
        doubt_keys(arb, keys, "part 四's numbers are printed among pieces of its column captions (plain pdftotext of a "
                   "printed table): the order of its cells is unsure, and R4 holds for any order of a group's four")


def _wu_run_into(tokens: list[Token], first: int, end: int) -> bool:
    """A caption run into the value row's first cell, a 无 for 0 ("…尚未审结总计无2113154919无…": a
    crawler's dump): the 无 is a cell or the caption's, and R4 may hold either way (无 | 21 | 13 | 15 | 49
    or 2 | 11 | 31 | 5 | 49)."""
    return any(
        t.kind == TEXT and len(t.text) > 1 and t.text.endswith("无") and u.start == t.end and u.kind in (NUM, MARK)
        for t, u in zip(tokens[first:end], tokens[first + 1 : end])
    )


def _cells(arb: Arbiter, seg: list[Token]) -> list[list[list[Token]]]:
    """The value row's tokens by row and by cell: a cell holds several where no separator stands
    between them ("9 28" in one pipe cell)."""
    rows: list[list[list[Token]]] = []
    for t in seg:
        if not rows or rows[-1][-1][-1].row != t.row:
            rows.append([[t]])
        elif (gap := cell_gap(arb.norm, rows[-1][-1][-1], t)) is not None and "|" not in gap and "\t" not in gap:
            rows[-1][-1].append(t)  # another number of one crowded cell
        else:
            rows[-1].append([t])
    return rows


def _one_cell_each(arb: Arbiter, seg: list[Token], n: int) -> bool:
    """The value row is one row of ``n`` cells, each holding one number, mark or blank, set off by
    separators (tabs, pipes, table cells) or, on one line, by spaces with no digits run together: its
    cells stand in their columns, whatever R4 says."""
    if len(seg) != n or any(t.glued for t in seg):
        return False
    if not any(t.explicit for t in seg):
        return len({t.line for t in seg}) == 1
    if not all(t.explicit for t in seg):
        return False
    rows = _cells(arb, seg)
    return len(rows) == 1 and len(rows[0]) == n and all(len(c) == 1 for c in rows[0])


def _doubt_rows_apart(arb: Arbiter, seg: list[Token], keys: tuple[str, ...]) -> None:
    """The value row on several rows of cells that could not be merged cell by cell: with numbers under
    one column (markitdown of a printed page split the row at its cells' heights: "| | … | 12 | 6 | 5 |
    23 | …" over "| 28 | | 0 | 30 | 26 84 | 0 |"; read in order, a group's R4 may hold by chance, 8 + 1 +
    2 + 17 = 28) every cell is doubtful; else (a mark row printed apart, two columns in one cell) the
    groups whose R4 cannot be checked."""
    if _numbers_in_one_column(arb, seg):
        doubt_keys(arb, keys, "part 四's value row is printed as rows of cells with numbers under the same "
                   "column: the order of its cells is unsure", code="ambiguous_cells")
    else:
        _doubt_unchecked(arb, keys, "part 四's cells stand on several rows of cells that do not fill each other's "
                         "empty cells (a mark row printed apart, two columns in one cell): read in order, the cells of "
                         "a group whose R4 cannot be checked may stand in the wrong columns")


def _numbers_in_one_column(arb: Arbiter, seg: list[Token]) -> bool:
    """Whether two rows of cells of the value row hold a number in the same column."""
    filled = [{i for i, c in enumerate(r) if any(t.kind == NUM for t in c)} for r in _cells(arb, seg)]
    return any(a & b for k, a in enumerate(filled) for b in filled[k + 1 :])


def _stacked_rows(arb: Arbiter, seg: list[Token]) -> list[Token] | None:
    """The value row printed as two rows of cells (pipes or tabs) of one width, each cell filled in at
    most one of them (markitdown of a Chromium PDF prints the marks, centred at another height, as a row
    of their own under the numbers): the cells in column order, or None."""
    if len({t.row for t in seg}) != 2 or not all(t.explicit for t in seg):
        return None
    rows = _cells(arb, seg)
    if len(rows) != 2:
        return None
    top, low = rows
    if len(top) != len(low):
        return None
    merged: list[Token] = []
    for a, b in zip(top, low):
        full = [c for c in (a, b) if any(t.kind != BLANK for t in c)]
        if len(full) > 1:
            return None
        merged += full[0] if full else a
    if not any(all(t.kind == BLANK for t in c) for c in top) or sum(t.kind != BLANK for t in merged) < 2:
        return None
    return merged


def _doubt_unchecked_beside_failing(arb: Arbiter, keys: tuple[str, ...]) -> None:
    """A group whose R4 fails, its empty cells taken as 0, says the row's cells are not where the
    reading put them (a cell lost, a mark row printed apart, a number too many: "5 / 5| | | 2| 7| 8|…"):
    a group whose R4 cannot be checked (a blank or a mark) proves nothing then, and its cells are
    doubtful."""
    if not any(
        grp[4] is not None and abs(sum(v or 0 for v in grp[:4]) - grp[4]) > TOLERANCE for grp in _groups(arb, keys)
    ):
        return
    _doubt_unchecked(arb, keys, "part 四's R4 fails in one group and cannot be checked in another: the cells of that "
                     "one may stand in the wrong columns")


def _groups(arb: Arbiter, keys: tuple[str, ...]) -> list[list[int | float | None]]:
    vals = [f.value if (f := arb.fields.get(k)) is not None else None for k in keys]
    return [vals[g * 5 : g * 5 + 5] for g in range(3)]


def _doubt_unchecked(arb: Arbiter, keys: tuple[str, ...], why: str) -> None:
    """The cells of the groups whose R4 cannot be checked (a blank or a mark among them): doubtful."""
    unchecked = [k for g, grp in enumerate(_groups(arb, keys)) if None in grp for k in keys[g * 5 : g * 5 + 5]]
    if unchecked:
        doubt_keys(arb, unchecked, why, code="ambiguous_cells")


def _scrambled(tokens: list[Token], seg: list[Token], s: schema.Schema) -> bool:
    """Part 四's numbers interleaved with its column captions' pieces ("结 / 果 / 维 / 持 / 24 / 309 / 2 /
    行政复议 / …"): a converter printed the table column by column, not row by row."""
    vals = [t for t in seg if t.kind in (NUM, MARK)]
    rows = len({t.row for t in vals})
    if rows < 2:
        return False
    groups = {key_normalized(w) for g in s.review_groups for w in g.wordings} | {"行政诉讼"}
    a, b = tokens.index(vals[0]), tokens.index(vals[-1])
    between = [key_normalized(t.text) for t in tokens[a:b] if t.kind == TEXT and t.text]
    if rows == 2:
        # (on two rows, only pieces of the columns' captions: "8件 5件 2件 7件 22件 / 尚 / 未 / 审 / 结 / 1件 …",
        # pdfminer's text boxes of a Chromium PDF; a unit printed under its number is no caption)
        captions = _caption_words()
        return any(x and x not in groups and any(x in c for c in captions) for x in between)
    return any(x not in groups for x in between)


@functools.lru_cache(maxsize=None)
def _caption_words() -> tuple[str, ...]:
    """Part 四's column captions, every wording, normalized."""
    return tuple(key_normalized(w) for c in schema.load().review_columns for w in c.wordings)


def _prefer_part4(prefer: Prefer, narrative: frozenset[float]) -> Prefer:
    """R7 for part 四: the narrative states the numbers of the table, and the lawsuits as one figure
    ("行政诉讼 46 件，其中结果维持 25 件…" is 直接起诉 + 复议后起诉, column by column)."""

    def score(v: list[Value]) -> float:
        both = [a + b for a, b in zip(v[5:10], v[10:15]) if a is not None and b is not None]
        return prefer(v) + sum(1 for x in both if x >= NARRATIVE_MIN_VALUE and x in narrative)

    return score
