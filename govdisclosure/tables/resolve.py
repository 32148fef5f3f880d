"""Placing one row's value tokens into its columns: every placement that fits, one decision.

A row's tokens are enumerated into placements (each glued run in each of its cuttings — see
``readings/glued.py`` —, blank cells at the row's edges kept or dropped, extra numbers dropped).  The
arbiter decides among them (``arbiter.narrow``, ``arbiter.RowDecision``): the evidence of the table
(the header row's grid, the trailing empty cells of rows of the same shape), then the row's own sum
and the narrative (R7); a cell is confident only where every surviving placement agrees on it,
otherwise ``doubtful``.
"""

from __future__ import annotations

import dataclasses
import itertools
from collections.abc import Callable, Sequence

import regex

from ..layout import BLANK, CUT_THOUSANDS_PATTERN, MARK, NUM, Token
from ..values import MAX_DIGITS
from .arbiter import Result, RowDecision, narrow, under_grid
from .model import (
    _SUM_GROUPS,
    MAX_CANDIDATES,
    MAX_EXTRA_CELLS,
    MAX_GLUED_DIGITS,
    MAX_ROW_CELLS,
    MAX_SLACK,
    SIGNS,
    Cell,
    Check,
    Grid,
    Placed,
    Prefer,
    _cell_value,
    cell_of,
)
from .readings.glued import _cuts, _sum_cands, option_counts, token_options

__all__ = ["resolve_row"]

# Cells more than the row's columns from which a row of cells short of numbers says nothing by where
# its empty cells stand: a table of many more columns than the template's ("| | 行政处罚 | | 1332 | | 44
# | | |" is eight cells for three columns)
PADDED_CELLS = 3


def resolve_row(
    tokens: Sequence[Token],
    n: int,
    *,
    money: Sequence[bool] | None = None,
    check: Check | None = None,
    prefer: Prefer | None = None,
    alternatives: list[list[Placed]] | None = None,
    trail: int | None = None, grid: Grid | None = None, signed: Sequence[bool] | None = None,
    wide: bool = False,  # the row shows a number more than the table's other rows (a column they leave blank)
    blank_column: bool = False,  # the table's rows show fewer numbers than columns (one it leaves blank)
) -> Result:
    """Place a row's value tokens into its ``n`` columns.

    Returns the placed cells and a finding code (``extra_cells``, ``missing_cells``, ``glued_digits``,
    ``ambiguous_cells``) or None.

    >>> from govdisclosure.layout import tokenize
    >>> cells, note = resolve_row(tokenize("\\t0\\t0\\t1\\t\\t"), 3)
    >>> [(p.value, p.status) for p in cells], note
    ([(0, 'ok'), (0, 'ok'), (1, 'ok')], None)
    >>> r3 = lambda v: None if None in v else v[-1] == sum(v[:-1])
    >>> cells, note = resolve_row(tokenize("713000074二"), 7, check=r3)
    >>> [p.value for p in cells], {p.status for p in cells}, note
    ([71, 3, 0, 0, 0, 0, 74], {'inferred'}, 'glued_digits')
    """
    money = money or [False] * n
    toks = [t for t in tokens if t.kind in (NUM, MARK, BLANK)]
    if any(t.crowded for t in toks) or _padded(toks, n, grid) or _blanks_of_other_cells(toks):
        # a converter merged cells ("| 21 0 |     | 0 0 | 21 |": markitdown's PDF tables), or spread each
        # column over several, most of them empty, in a row short of numbers ("| | 行政规范性文件 | | | |
        # | 5 | | 64 | |" is 本年制发件数 left blank as well as 本年废止件数), or the empty cells are another
        # line's: they say nothing about where the blanks are, so the row is read as numbers alone
        toks = [t for t in toks if t.kind != BLANK]
    if len(toks) == n and not any(t.glued for t in toks):
        return _one_per_column(toks, money, check, wide, signed)
    toks_or_result = _trim(toks, n, money)
    if not isinstance(toks_or_result, list):
        return toks_or_result
    toks = toks_or_result
    found = _candidates(toks, n, check, grid, trail, money, blank_column)
    if len(found) == 2:
        return found  # type: ignore[return-value]
    cands, note, cut_and_dropped = found  # type: ignore[misc]
    if signed is not None:
        # a signed number ("-15", "+62") stands only in a column that can hold one (本年增/减); a row no
        # placement of which puts it there lost or gained a cell: nothing in it is confident.  (A
        # not-applicable mark "-" is no sign: it stands in any column.)
        fit = [c for c in cands if _signs_fit(c, signed)]
        if not fit:
            placed, note = RowDecision(cands, n, money, note, cut_and_dropped, signed).decide(check, prefer, None)
            return _all_doubtful(placed), note or "ambiguous_cells"
        cands = fit
    decision = RowDecision(cands, n, money, note, cut_and_dropped, signed)
    result = _unpadded(decision.decide(check, prefer, alternatives), toks, n, check)
    placed, note = _unproven_cut(result, toks, n, check, signed)
    if wide and _unproven_wide(placed, toks, check):
        return _all_doubtful(placed), note or "wider_than_table"
    return placed, note


def _signs_fit(cells: Sequence[Cell | Token | None], signed: Sequence[bool]) -> bool:
    """Whether every signed number of a placement stands in a column that may hold one (本年增/减).  (A
    not-applicable mark "-" is no sign: it stands in any column.)"""
    return all(signed[i] or x is None or x.kind != NUM or not x.text.startswith(SIGNS) for i, x in enumerate(cells))


def _blanks_of_other_cells(toks: list[Token]) -> bool:
    """Empty cells beside numbers that stand in no cell themselves: the numbers are a line of text
    ("规章 0 1156"), the empty cells another line's (the pipe row of a page header printed after it,
    "| | | <title> | | | |"), and they say nothing about where this row's blanks are."""
    return any(t.kind == BLANK for t in toks) and any(t.kind != BLANK for t in toks) and not any(
        t.explicit for t in toks if t.kind != BLANK)


def _padded(toks: list[Token], n: int, grid: Grid | None) -> bool:
    """A row of cells far wider than the table, short of numbers, whose numbers do not stand under the
    header's captions either (:func:`under_grid`)."""
    return (
        len(toks) >= n + PADDED_CELLS and sum(t.kind != BLANK for t in toks) < n and all(t.explicit for t in toks)
        and (grid is None or under_grid(toks, grid) is None)
    )


def _one_per_column(toks: list[Token], money: Sequence[bool], check: Check | None, wide: bool, signed: Sequence[bool] | None = None) -> Result:
    """The common case: one token per column, nothing to decide — unless the tokens say otherwise."""
    placed = _as_is(toks, money)
    if signed is not None and not _signs_fit(toks, signed):
        # a signed number in a column that holds none (-16 under 上一年项目数量, the row's 本年增/减 empty:
        # a mark before it lost): the row lost or gained a cell, and nothing in it is confident
        return _all_doubtful(placed), "ambiguous_cells"
    if _tail_beside_cut(toks):
        # a thousands number cut short with its tail read as the next cell ("25,59" / "8" for
        # 25,598): the row holds one number fewer than it seems, so no cell's place is sure
        return _all_doubtful(placed), "ambiguous_cells"
    if wide and _unproven_wide(placed, toks, check):
        return _all_doubtful(placed), "wider_than_table"
    return placed, None


def _unproven_wide(placed: list[Placed], toks: list[Token], check: Check | None) -> bool:
    """A row that fills a column its table leaves blank in every other row (``wide``: it shows one
    number or mark more), whose sum cannot say that it does: one of its numbers may be two ("11"
    printed "1" / "1"), or one printed twice ("| 1049 | 1049 | - | 9 |"), and which cell is the extra
    one nothing tells.  (A row of marks alone reads the same wherever they fall.  A row of one number
    over and over, "0 | 0 | 0 …", holds its sum whichever cell is the extra one, a blank among them too.)"""
    if not any(t.kind == NUM for t in toks):
        return False
    values = [p.value for p in placed]
    return check is None or check(values) is not True or len({v for v in values if v is not None}) == 1


def _tail_beside_cut(toks: list[Token]) -> bool:
    """A thousands number cut short ("25,59") followed, a line below, by digits that complete its
    last group ("8"): its wrapped tail, printed where the next cell would be."""
    # (a cut thousands number has a comma: the pattern is tried on those only, not on every cell)
    return any(
        "," in h.text and CUT_THOUSANDS.fullmatch(h.text) is not None and t.kind == NUM and t.text.isdigit()
        and t.line > h.line and len(h.text) - h.text.rindex(",") - 1 + len(t.text) == 3
        for h, t in zip(toks, toks[1:])
    )


def _unproven_cut(result: Result, toks: list[Token], n: int, check: Check | None, signed: Sequence[bool] | None = None) -> Result:
    """A glued run cut to fill the row, and no sum that proves the cutting: the row is doubtful where
    something else may have decided it —

    - marks glued among the digits ("55/////"): how many cells the marks stand for decided the
      cutting (a blank cell lost as well, and 55 cut 5 | 5 to fill the row);
    - the same tokens also read as fewer cells ("1,257-35": -35 cut -3 | 5 for 本年增/减 and 处理决定
      数量, where a blank cell may have been lost instead, as a crawler loses them).  A run that reads
      no other way ("000" is three zeros) keeps its cutting."""
    placed, note = result
    if not any(p.cell is not None and p.cell.split for p in placed):
        return result
    if check is not None and check([p.value for p in placed]) is True:
        return result
    if check is not None and any(t.kind == MARK and t.glued for t in toks):
        return _all_doubtful(placed), note or "glued_digits"
    # a cell the cuttings agree on keeps its status only where every reading of the row as fewer
    # cells, a blank cell lost anywhere, gives it too ("0  14503" is 0 | 14 | 503, or 0 | 14503 with
    # 上一年项目数量 left blank and lost; "433-226,943" keeps 433, the negative standing only in 本年增/减)
    kept = _kept_with_a_cell_lost(placed, toks, n, signed)
    if kept is None or len(kept) == n:
        return result
    return [p if i in kept else Placed(p.cell, p.value, "doubtful", p.unit) for i, p in enumerate(placed)], note or "glued_digits"


def _kept_with_a_cell_lost(placed: list[Placed], toks: list[Token], n: int, signed: Sequence[bool] | None) -> set[int] | None:
    """The columns whose confident cell every placement of the tokens as fewer cells than columns (in
    any columns, a signed number only in a signed one) gives them as well; None when the tokens read
    as no fewer cells at all ("000" is three zeros)."""
    kept = {i for i, p in enumerate(placed) if p.status != "doubtful" and p.cell is not None}
    tried = 0
    for k in range(1, n):
        for cells in _enumerate(_options(toks, k), k):
            for cols in itertools.combinations(range(n), k):
                tried += 1
                if tried > MAX_CANDIDATES:
                    return set()  # too many readings to tell: nothing is kept
                if signed is not None and any(
                    not signed[c] and x.kind == NUM and x.text.startswith(SIGNS) for c, x in zip(cols, cells)
                ):
                    continue
                at = {c: (x.start, x.end) for c, x in zip(cols, cells)}
                kept = {i for i in kept if at.get(i) == (placed[i].cell.start, placed[i].cell.end)}  # type: ignore[union-attr]
                if not kept:
                    return kept
    return kept if tried else None


def _all_doubtful(placed: list[Placed]) -> list[Placed]:
    return [Placed(p.cell, p.value, "doubtful", p.unit) for p in placed]


def _as_is(toks: list[Token], money: Sequence[bool]) -> list[Placed]:
    """One token per column, each read as it stands (the common row)."""
    out = []
    for t, m in zip(toks, money):
        c = Cell(t.text, t.kind, t.start, t.end)
        txt = t.text
        if t.kind == NUM and txt.isascii() and txt.isdigit() and len(txt) <= MAX_DIGITS:
            out.append(Placed(c, float(txt) if m else int(txt), "ok"))  # values.read_cell's common case
        else:
            out.append(Placed(c, *_cell_value(c, m)))
    return out


def _unpadded(result: Result, toks: list[Token], n: int, check: Check | None) -> Result:
    """Fewer numbers than columns, the gap filled with an empty cell at the row's edge: that cell may be
    a merged label's and the lost cell anywhere ("| 本年新收… | | | 6860 | — | — | — | — | — |", 总计
    lost); only the row's sum, with empty cells as 0, can say the filling is right.  Where it cannot,
    the row is doubtful."""
    placed, note = result
    padded = len(toks) > n and sum(t.kind != BLANK for t in toks) < n
    if (
        padded
        and check is not None
        and placed[-1].value is not None  # a printed 总计 to check the filling against
        and check([0 if p.value is None else p.value for p in placed]) is False
    ):
        return _all_doubtful(placed), "missing_cells"
    return placed, note


def _trim(toks: list[Token], n: int, money: Sequence[bool]) -> list[Token] | Result:
    """Far more cells than columns: drop empty cells at the edges first; what is still too long is
    not a row of this table (placement would explode), so nothing in it is confident."""
    if len(toks) <= n + MAX_SLACK:
        return toks
    a, b = 0, len(toks)  # indices, not slices: a row of 100 000 empty cells must stay linear
    while b - a > n + MAX_SLACK and toks[a].kind == BLANK:
        a += 1
    while b - a > n + MAX_SLACK and toks[b - 1].kind == BLANK:
        b -= 1
    toks = toks[a:b]
    if len(toks) > n + MAX_SLACK:
        cells = [cell_of(t) for t in toks[:n]]
        return [Placed(c, _cell_value(c, money[i])[0], "doubtful", None) for i, c in enumerate(cells)], "extra_cells"
    return toks


def _options(tokens: Sequence[Token], n: int | None = None) -> list[list[list[Cell]]]:
    """Per token, the cell lists it may stand for: itself, nothing (a blank at the row's edge may be a
    merged label cell), or the cuttings of a glued run.

    With ``n``, a glued run of digits holds only the cuttings that can take part in a placement of
    ``n`` cells (the other tokens' fewest and most cells leave it a range): the same placements are
    enumerated, without building the thousands of cuttings of a long run that cannot fit."""
    opts: list[list[list[Cell]] | None] = []
    lead = 0
    while lead < len(tokens) and tokens[lead].kind == BLANK:
        lead += 1
    trail = len(tokens)
    while trail > lead and tokens[trail - 1].kind == BLANK:
        trail -= 1
    counts: list[tuple[int, int]] = []
    for i, t in enumerate(tokens):
        if t.kind == BLANK and (i < lead or i >= trail):
            opts.append([[], [cell_of(t)]])  # a blank at the edge of a row may be a merged label cell
            counts.append((0, 1))
            continue
        k = option_counts(t) if n is not None else None
        if k is not None:
            opts.append(None)  # cut below, once the range is known
            counts.append(k)
            continue
        c = cell_of(t)
        op = token_options(t, c) or [[c]]
        opts.append(op)
        counts.append((min(len(o) for o in op), max(len(o) for o in op)))
    if n is not None and None in opts:
        lo_sum = sum(a for a, _ in counts)
        hi_sum = sum(b for _, b in counts)
        for i, t in enumerate(tokens):
            if opts[i] is None:
                a, b = counts[i]
                # the others hold lo_sum - a .. hi_sum - b cells: this run must hold the rest
                opts[i] = token_options(t, cell_of(t), n - (hi_sum - b), n - (lo_sum - a))
    return opts  # type: ignore[return-value]


def _enumerate(opts: list[list[list[Cell]]], n: int) -> list[list[Cell]]:
    if any(not op for op in opts):
        return []  # a run with no cutting that fits: no placement
    mins = [min(len(o) for o in op) for op in opts]
    maxs = [max(len(o) for o in op) for op in opts]
    suf_min = list(itertools.accumulate(reversed(mins)))[::-1] + [0]
    suf_max = list(itertools.accumulate(reversed(maxs)))[::-1] + [0]
    out: list[list[Cell]] = []
    cur: list[Cell] = []

    def dfs(i: int) -> None:
        if len(out) >= MAX_CANDIDATES:
            return
        if i == len(opts):
            if len(cur) == n:
                out.append(list(cur))
            return
        for o in opts[i]:
            k = len(cur) + len(o)
            if k + suf_min[i + 1] > n or k + suf_max[i + 1] < n:
                continue
            cur.extend(o)
            dfs(i + 1)
            del cur[len(cur) - len(o) :]

    dfs(0)
    return out


def _candidates(
    toks: list[Token], n: int, check: Check | None, grid: Grid | None, trail: int | None, money: Sequence[bool],
    blank_column: bool = False,
) -> tuple[list[list[Cell]], str | None, bool] | Result:
    """Every placement of the row: sum-guided cutting, else enumeration, else extra cells dropped;
    with the note it earns and whether cells were both cut and dropped.  ``blank_column``: the table leaves a
    column blank in every row, so a row short of a number is no sign of two cells run together."""
    note: str | None = None
    cands = _sum_cands(toks, n, check)
    if (spaced := _spaces_as_empty_cells(toks)) is not None:
        cands += _unseen(cands, _sum_cands(spaced, n, check))
    if cands:
        note = "glued_digits"
        cands = _with_padded_cuttings(cands, toks, lambda ts: _sum_cands(ts, n, check))
    else:
        cands = _enumerate(_options(toks, n), n)
        if cands and any(option_counts(t) is not None for t in toks):
            cands = _with_padded_cuttings(cands, toks, lambda ts: _enumerate(_options(ts, n), n))
        if cands and check is None:  # (a part 二 block: no sum tells the two apart)
            cands += _merged_repeats(toks, n)
        elif check is not None and not blank_column:
            cands = _with_run_together_cells(cands, toks, n, check)
    cands = narrow(cands, toks, grid, trail)
    if not cands and any(t.glued for t in toks) and note is None:
        # a glued run that cannot be cut into the row's cells: "00000000" is eight cells for seven
        # columns (a copy that doubled a cell).  Cut it into a few cells more and drop the extra ones.
        cands = _wider(_options(toks), n)
        if cands:
            # cells both cut from a glued run and dropped: a row of zeros satisfies any sum, so unless
            # every cutting and dropping gives the same row (before the sums choose), the row is doubtful
            return cands, "extra_cells", True
    if not cands:
        return _extra(toks, n, money, check)
    if note is None and (guess := _vanished_blanks_guess(toks, n, cands, check)) is not None:
        return _doubtful(guess, money)
    return cands, note, False


def _spaces_as_empty_cells(toks: list[Token]) -> list[Token] | None:
    """A glued row's numbers with each space between two of them an empty cell, or None where the row
    is not of that kind.  Text flattened from HTML whose tags stand side by side (lxml's text_content of
    a minified page) runs the cells together and leaves of an empty cell its &nbsp; alone:
    "1306325    1631" is 1306 | 325 | | | | | 1631.  One hypothesis beside the others (a space may be
    a cell's padding too): the sums decide, and where both hold the cells they disagree on are doubtful."""
    vals = [t for t in toks if t.kind != BLANK]
    if len(vals) < 2 or not any(t.glued for t in vals) or any(t.explicit for t in vals) or len({t.line for t in vals}) > 1:
        return None
    out: list[Token] = [vals[0]]
    for a, b in zip(vals, vals[1:]):
        if b.start - a.end > MAX_ROW_CELLS:
            return None  # (more than a row's cells apart: not a row's empty cells)
        out += [Token(BLANK, a.end + k, a.end + k, "", a.row, a.line) for k in range(b.start - a.end)]
        out.append(b)
    return out if len(out) > len(vals) else None


def _merged_repeats(toks: list[Token], n: int) -> list[list[Cell]]:
    """The placements of a row of cells whose equal neighbours are one merged cell printed in each grid
    column it spans (python-docx, pymupdf4llm: "政府集中采购 | | 788700 | 788700" is 采购项目数量 left
    blank beside the merged 采购总金额 as well as 788700 | 788700 after a merged label cell)."""
    repeats = {i for i in range(1, len(toks)) if toks[i].kind == NUM and toks[i].text == toks[i - 1].text and toks[i].text.strip("0")}
    if not any(toks[i - 1].explicit for i in repeats):
        return []
    return _enumerate(_options([t for i, t in enumerate(toks) if i not in repeats], n), n)


def _with_padded_cuttings(
    cands: list[list[Cell]], toks: list[Token], cut: Callable[[list[Token]], list[list[Cell]]]
) -> list[list[Cell]]:
    """The cuttings ``cut`` makes of a glued row, and those it makes when its numbers set apart by
    spaces may be cut too.

    In a row whose cells ran together, a space is no proof of one cell: HTML whose cells carry
    padding flattens to "33   32 1　82067" for 33 | 3 | 2 | 1 | 8 | 20 | 67 (the padded cells bring
    their spaces, 3 and 2 none), and part 二's "行政规范性文件 7974 1399" is 79 | 74 | 1399.  Where
    cutting "32" too gives another row that adds up (or, in a row without sums, another row at all),
    the cells the cuttings disagree on are doubtful (``RowDecision``); where none does, nothing
    changes.  Past MAX_CANDIDATES, the first of them stand for the rest."""
    spaced = [i for i, t in enumerate(toks) if t.kind == NUM and not t.glued and len(t.text) > 1 and t.text.isdigit()]
    if not spaced:
        return cands
    loose = [dataclasses.replace(t, glued=True) if i in spaced else t for i, t in enumerate(toks)]
    more = _unseen(cands, cut(loose))
    return cands + more[: max(MAX_CANDIDATES - len(cands), 0)]


def _unseen(cands: list[list[Cell]], more: list[list[Cell]]) -> list[list[Cell]]:
    """The placements of ``more`` that ``cands`` does not hold already (cell for cell: span and kind)."""
    seen = {tuple((c.start, c.end, c.kind) for c in cand) for cand in cands}
    return [c for c in more if tuple((x.start, x.end, x.kind) for x in c) not in seen]


def _with_run_together_cells(cands: list[list[Cell]], toks: list[Token], n: int, check: Check) -> list[list[Cell]]:
    """A row of text short of numbers whose sum holds when a number set apart by spaces is two cells
    run together: a PDF printed in a proportional font puts two narrow cells' digits side by side, and
    pdftotext prints "1770 0 73 3 119 1102075" for 1770 | 0 | 73 | 3 | 119 | 110 | 2075, "47" for 4 | 7.
    Those cuttings stand beside the placements with a blank cell, and a row one number short beside
    those with a cell lost anywhere, which its sum cannot refute where the lost cell is (where both
    hold, the cells they disagree on are doubtful: "4 0 3 18" for 4 | 11 | 0 | 3 | 18, 11 lost, adds up
    as 4 | 0 | 3 | 1 | 8 too); a row of cells, or one with a glued run, is cut elsewhere."""
    if len(toks) >= n or any(t.explicit or t.glued or t.kind == BLANK for t in toks):
        return cands
    cut = _with_padded_cuttings(cands, toks, lambda ts: _sum_cands(ts, n, check))
    if cands or len(cut) == len(cands) or len(toks) != n - 1:
        return cut
    cells = [cell_of(t) for t in toks]
    lost: list[list[Cell | None]] = [[*cells[:i], None, *cells[i:]] for i in range(n)]
    return cut + lost  # type: ignore[operator]


def _total_last(cells: Sequence[Cell], n: int) -> list[Cell | None]:
    """Fewer cells than the row's ``n`` columns, the last under the total, the others from the first."""
    return [*cells[:-1], *[None] * (n - len(cells)), cells[-1]]


def _doubtful(row: Sequence[Cell | None], money: Sequence[bool]) -> Result:
    """A row placed as a guess: every cell doubtful (``missing_cells``)."""
    placed = []
    for i, c in enumerate(row):
        v, _, unit = _cell_value(c, money[i])
        placed.append(Placed(c, v, "doubtful", unit))
    return placed, "missing_cells"


def _vanished_blanks_guess(toks: list[Token], n: int, cands: list[list[Cell]], check: Check | None) -> list[Cell | None] | None:
    """A row of one glued run no cutting of which into its ``n`` cells (``cands``) adds up, though one
    into fewer cells does with the last the sum of the others ("2630126301": 26301 | 26301, a
    crawler's row of 自然人 and 总计 with its blank cells gone): nothing says which columns the numbers
    stand in, so the row is a guess, that cutting with the sum under the total.  None otherwise."""
    if len(toks) != 1 or _SUM_GROUPS.get(check) != (n,):  # type: ignore[arg-type]
        return None
    t = toks[0]
    if t.kind != NUM or not t.glued or not t.text.isdigit() or len(t.text) > MAX_GLUED_DIGITS:
        return None
    if any(check([_cell_value(c, False)[0] for c in cand]) for cand in cands):  # type: ignore[misc]
        return None
    best: list[Cell] | None = None
    for cut in _cuts(t.text):
        if not 1 < len(cut) < n or (best is not None and len(cut) >= len(best)):
            continue
        parts = [int(t.text[a:b]) for a, b in zip((0, *cut), cut)]
        if parts[-1] == sum(parts[:-1]):
            best = [Cell(t.text[a:b], NUM, t.start + a, t.start + b, split=True) for a, b in zip((0, *cut), cut)]
    return None if best is None else _total_last(best, n)


def _wider(opts: list[list[list[Cell]]], n: int) -> list[list[Cell]]:
    for extra in range(1, MAX_EXTRA_CELLS + 1):
        wider = _enumerate(opts, n + extra)
        if wider:
            seen_c: dict[tuple[Cell, ...], None] = {}  # in order: a set's order changes with the hash seed
            for w in wider:
                for keep in itertools.combinations(w, n):
                    seen_c[keep] = None
                if len(seen_c) >= MAX_CANDIDATES:
                    break
            return [list(c) for c in seen_c]
    return []


#: the most digits of a number's wrapped tail (what a narrow cell pushes onto its next line)
MAX_WRAPPED_DIGITS = 3
#: a thousands number whose last group a narrow cell cut short
CUT_THOUSANDS = regex.compile(CUT_THOUSANDS_PATTERN)


def wrapped_numbers(toks: list[Token], n: int) -> list[list[Cell]]:
    """The row's ``n`` numbers read with the tails of the longest wrapped onto a later line, printed
    either after the row's numbers ("1608 898 … 1733" / "开申请 4 7": each tail, in order, joined to
    one of the first ``n`` numbers, in order) or right after their own head ("1017" / "3" / "0 0 16 …"
    / "1047" / "3").  A joined cell spans both parts and counts as cut (``split``): ``inferred`` at
    best.  [] when the row is not of that shape."""
    vals = [t for t in toks if t.kind != BLANK]
    k = len(vals) - n
    if k < 1 or k > n:
        return []

    def tail(t: Token) -> bool:
        return t.kind == NUM and t.text.isdigit() and len(t.text) <= MAX_WRAPPED_DIGITS

    def head(t: Token) -> bool:
        # plain digits, or a thousands number cut inside its last group ("18,72" / "3" for 18,723)
        return t.kind == NUM and (t.text.isdigit() and t.text != "0" or CUT_THOUSANDS.fullmatch(t.text) is not None)

    def joined(h: Token, t: Token) -> Cell:
        return Cell(h.text + t.text, NUM, h.start, t.end, split=True)

    def fits(h: Token, t: Token) -> bool:
        # a cut thousands group is completed by its tail, to three digits
        return "," not in h.text or len(h.text) - h.text.rindex(",") - 1 + len(t.text) == 3

    out: list[list[Cell]] = []
    first, tails = vals[:n], vals[n:]
    if all(tail(t) and t.line > first[-1].line for t in tails):
        for idx in itertools.combinations(range(n), k):
            if all(head(first[i]) and fits(first[i], t) for i, t in zip(idx, tails)):
                row = [cell_of(t) for t in first]
                for i, t in zip(idx, tails):
                    row[i] = joined(first[i], t)
                out.append(row)
    # a tail right after its head, a line below it
    after = [
        j for j in range(1, len(vals))
        if tail(vals[j]) and head(vals[j - 1]) and fits(vals[j - 1], vals[j]) and vals[j].line > vals[j - 1].line
    ]
    for js in itertools.combinations(after, k):
        if any(b - a < 2 for a, b in zip(js, js[1:])):
            continue  # a head is no tail
        cut = set(js)
        out.append([joined(vals[j], vals[j + 1]) if j + 1 in cut else cell_of(vals[j]) for j in range(len(vals)) if j not in cut])
        if len(out) >= MAX_CANDIDATES:
            break
    # a thousands number cut short takes its tail in every reading that joins tails
    return [row for row in out if not any(CUT_THOUSANDS.fullmatch(c.text) for c in row)][:MAX_CANDIDATES]


def _extra(
    toks: list[Token], n: int, money: Sequence[bool], check: Check | None = None
) -> tuple[list[list[Cell]], str | None, bool] | Result:
    """More tokens than columns even with edge blanks dropped: some number is extra.  Fewer, and
    nothing else to place them by: nothing confident (``missing_cells``), the values in order, or,
    where the last is the sum of the others, that one under the row's total (the likeliest guess for
    a row whose blank cells vanished: "26301 26301" under 自然人 … 总计)."""
    nonblank = [cell_of(t) for t in toks if t.kind != BLANK] or []
    allcells = [cell_of(t) for t in toks]
    pool = nonblank if len(nonblank) >= n else allcells
    if len(pool) > n:
        # a number too long for its narrow cell wrapped onto the label's next line ("1608 … 1733" /
        # "开申请 4 7" for 16084 … 17337): its tail joined back where the row's sum says, against the
        # placements that drop numbers instead; where no sum tells them apart, nothing is confident
        wrapped = wrapped_numbers(toks, n) if check is not None else []
        runs = [c for i, c in enumerate(pool) if i == 0 or c.text != pool[i - 1].text]
        k = len(pool) // n
        if not wrapped and len(runs) == n and len(pool) == k * n and all(t.explicit for t in toks) and all(
            c.text == runs[i // k].text for i, c in enumerate(pool)
        ):
            # each cell printed as often as the grid columns its merged cell spans, all alike (pymupdf4llm:
            # "|规章|规章|27|27|27|87|87|87|335|335|335|" where three tables ran into one of 11 columns)
            return [[dataclasses.replace(c, split=True) for c in runs]], "extra_cells", False  # (inferred)
        if not wrapped and len(pool) - n > MAX_EXTRA_CELLS:
            return _doubtful(pool[:n], money)  # which numbers are extra, nothing says
        drops = [list(c) for c in itertools.combinations(pool, n)] if len(pool) - n <= MAX_EXTRA_CELLS else []
        if wrapped:
            # a thousands number cut short ("18,72") is no cell of a placement that drops the tails
            drops = [c for c in drops if not any(CUT_THOUSANDS.fullmatch(x.text) for x in c)]
        return [*wrapped, *drops][:MAX_CANDIDATES], "extra_cells", False
    guess = _vanished_blanks_guess(toks, n, [], check)
    if guess is not None:
        return _doubtful(guess, money)
    row: list[Cell | None] = list(pool) + [None] * (n - len(pool))
    if 1 < len(pool) < n and _SUM_GROUPS.get(check) == (n,):  # type: ignore[arg-type]
        total_last = _total_last(pool, n)
        if check([_cell_value(c, money[i])[0] or 0 for i, c in enumerate(total_last)]) is True:  # type: ignore[misc]
            row = total_last
    return _doubtful(row, money)
