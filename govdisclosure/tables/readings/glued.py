"""Glued digits: cells run together with no separator (a crawler's text dump: ``713000074``,
part 四 as one run of digits, a line that lost its spaces).

A glued run is cut into cells with no leading zeros; where the row has sums (part 三: 总计 = the six
before it; part 四: each 总计 = the four before it) it is cut left to right so that each 总计 reads
as the sum before it, otherwise every cutting is enumerated and the row's arithmetic chooses
(``resolve_row``).  Cells cut from a run are ``inferred`` at best.  Finding ``glued_digits``.
Dashes or slashes run into digits may be as many marks as characters, or fewer ("34213——3—358" is
342 | 13 | — | — | 3 | — | 358).  Case rows ``glued-crawler-row``, ``glued-row-large-numbers`` and
``crawler-one-character-marks-run-together-are-a-cell-each`` in ``tests/cases/quirks.py``.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence

import regex

from ...layout import BLANK, MARK, NUM, Token
from ..model import (
    _SUM_GROUPS,
    MAX_ALTERNATIVES,
    MAX_CELL_DIGITS,
    MAX_CUTS,
    MAX_GLUED_DIGITS,
    MAX_ROW_CELLS,
    MAX_SUM_NODES,
    SIGNS,
    SUM_BUDGET,
    Cell,
    Check,
    Reading,
    RowContext,
    cell_of,
)
from .positional import as_reading

NAME = "glued"


def read(ctx: RowContext) -> list[Reading]:
    """The row read with its glued runs cut (a reading only when a cell was cut from a run)."""
    placed, note, _ = ctx.placement
    if note != "glued_digits" and not any(p.cell is not None and p.cell.split for p in placed):
        return []
    return [as_reading(ctx, NAME, "digits of several cells run together, cut where the row's sums allow")]


@functools.lru_cache(maxsize=4096)
def _cuts(digits: str) -> tuple[tuple[int, ...], ...]:
    """Every way to cut a run of digits into numbers with no leading zeros, as cut positions.

    >>> _cuts("102")
    ((1, 2, 3), (2, 3), (3,))

    Parts have at most MAX_CELL_DIGITS digits and a row at most 15 cells; past MAX_CUTS ways the
    run is left whole (the row then stays doubtful).
    """
    n = len(digits)
    out: list[tuple[int, ...]] = []

    def rec(a: int, acc: tuple[int, ...]) -> bool:
        if len(out) > MAX_CUTS:
            return False
        if a == n:
            out.append(acc)
            return True
        if len(acc) >= MAX_ROW_CELLS:
            return True
        if digits[a] == "0":  # a zero stands alone
            return rec(a + 1, acc + (a + 1,))
        for b in range(a + 1, min(n, a + MAX_CELL_DIGITS) + 1):
            if not rec(b, acc + (b,)):
                return False
        return True

    if not rec(0, ()):
        return ((n,),)
    return tuple(out)


@functools.lru_cache(maxsize=4096)
def _cut_counts(digits: str) -> tuple[int, int]:
    """The fewest and the most cells of :func:`_cuts`."""
    ns = [len(c) for c in _cuts(digits)]
    return min(ns), max(ns)


def _splits(digits: str, start: int, lo: int = 0, hi: int = MAX_CUTS) -> list[list[Cell]]:
    """The cuttings of :func:`_cuts` into ``lo``..``hi`` cells, as cells (only those are built)."""
    out: list[list[Cell]] = []
    for cuts in _cuts(digits):
        if not lo <= len(cuts) <= hi:
            continue
        a = 0
        cells = []
        for b in cuts:
            cells.append(Cell(digits[a:b], NUM, start + a, start + b, split=len(cuts) > 1))
            a = b
        out.append(cells)
    return out


_GLUED_COMMAS = regex.compile(r"[+\-]?[0-9]+(?:,[0-9]+)+(?:万元|元)?")
_THOUSANDS_CELL = regex.compile(r"[1-9][0-9]{0,2}(?:,[0-9]{3})+")
_COMMA_RUN = regex.compile(r"[0-9]+(?:,[0-9]+)+")  # a glued run with thousands separators, no sign or unit


def _comma_splits(text: str, start: int) -> list[list[Cell]]:
    """Cuttings of glued digits that hold thousands separators ("41551,086" is 41 | 55 | 1,086,
    "1,0336219,385" is 1,033 | 62 | 19,385): a cell is plain digits or a well-formed thousands number,
    and a comma always stands inside one."""
    sign = text[:1] if text[:1] in SIGNS else ""
    unit = next((u for u in ("万元", "元") if text.endswith(u)), "")
    body = text[1 if sign else 0 : len(text) - len(unit)]
    out: list[list[Cell]] = []

    def cells_at(a: int) -> list[int]:
        ends = [b for b in range(a + 1, min(len(body), a + MAX_CELL_DIGITS) + 1) if body[a:b].isdigit()]
        if body[a] == "0":
            ends = [a + 1]
        for k in range(1, 4):  # a thousands number: 1-3 digits, then as many ",ddd" groups as stand there
            b = a + k
            while b + 4 <= len(body) and body[b] == "," and body[b + 1 : b + 4].isdigit():
                b += 4
                if _THOUSANDS_CELL.fullmatch(body, a, b):
                    ends.append(b)
        return [b for b in ends if b == len(body) or body[b] != ","]

    steps = [MAX_CUTS * 4]  # the search's own bound, whatever the run

    def rec(a: int, acc: list[tuple[int, int]]) -> None:
        steps[0] -= 1
        if steps[0] < 0 or len(out) > MAX_CUTS or len(acc) > MAX_ROW_CELLS:
            return
        if a == len(body):
            off = start + (1 if sign else 0)
            row = [Cell(body[x:y], NUM, off + x, off + y, split=True) for x, y in acc]
            if sign:
                row[0] = Cell(sign + row[0].text, NUM, start, row[0].end, split=True)
            if unit:  # the unit printed after the run is the last cell's (money)
                row[-1] = Cell(row[-1].text + unit, NUM, row[-1].start, row[-1].end + len(unit), split=True)
            out.append(row)
            return
        for b in cells_at(a):
            rec(b, [*acc, (a, b)])

    rec(0, [])
    return out


_ZEROS_THEN_NUMBER = regex.compile(r"(0+)([1-9][0-9]{0,2}(?:,[0-9]{3})+(?:\.[0-9]+)?)")


def _digit_run(t: Token) -> str | None:
    """The digits of a glued run that may be cut anywhere: the token's text, or its digits after the
    sign that opens a 本年增/减 cell ("2648-18538": "-18538", "+62256"); None for other tokens."""
    if t.kind != NUM or not t.glued:
        return None
    digits = t.text[1:] if t.text[:1] in SIGNS else t.text
    return digits if digits.isdigit() and 1 < len(digits) <= MAX_GLUED_DIGITS else None


def option_counts(t: Token) -> tuple[int, int] | None:
    """The fewest and the most cells of :func:`token_options` for a glued run of digits (signed or
    not), counted without building them; None for other tokens."""
    digits = _digit_run(t)
    return _cut_counts(digits) if digits is not None else None


def token_options(t: Token, c: Cell, lo: int = 0, hi: int = MAX_CUTS) -> list[list[Cell]] | None:
    """The ways a glued token may hold cells, or None when it is not a glued run.  For a run of digits
    only the cuttings into ``lo``..``hi`` cells (see :func:`option_counts`)."""
    digits = _digit_run(t)
    if digits is not None and digits == t.text:
        return _splits(t.text, t.start, lo, hi)
    if digits is not None:
        # "2648-18538", "+62256": the sign opens the 本年增/减 cell, whose digits run into the next cell's
        return [
            [Cell(t.text[0] + o[0].text, NUM, t.start, o[0].end, split=o[0].split), *o[1:]]
            for o in _splits(digits, t.end - len(digits), lo, hi)
        ]
    if t.kind == NUM and t.glued and (m := _ZEROS_THEN_NUMBER.fullmatch(t.text)):
        # "01,000": a 0 cell run into "1,000"
        z = len(m.group(1))
        zeros = [Cell("0", NUM, t.start + k, t.start + k + 1, split=True) for k in range(z)]
        return [[c], [*zeros, Cell(t.text[z:], NUM, t.start + z, t.end, split=True)]]
    if t.kind == NUM and t.glued and _GLUED_COMMAS.fullmatch(t.text) and sum(ch.isdigit() for ch in t.text) <= MAX_GLUED_DIGITS:
        return _comma_splits(t.text, t.start) or None
    return None


_MARK = "m"  # a not-applicable mark's (or an empty cell's) one position in _SumSearch's string of digits
#: dashes or slashes run into digits, one character a mark ("34213——3—358": 342 | 13 | — | — | 3 | — | 358)
_DASHES = regex.compile(r"(?:—{2,12}|-{2,12}|/{2,12})")


def _marks_in(t: Token) -> int:
    """How many marks a mark (or an empty cell) run into digits may be: a run of the one-character marks a
    crawler glued together is as many cells as it has characters, or fewer ("——" is also one mark); 1
    for others."""
    return len(t.text) if t.glued and _DASHES.fullmatch(t.text) else 1


class _SumSearch:
    """The left-to-right cutting of :func:`_sum_cands`: each group's total must read as its sum so far."""

    def __init__(self, toks: Sequence[Token], groups: tuple[int, ...]) -> None:
        self.groups = groups
        self.rest = [sum(groups[g + 1 :]) for g in range(len(groups))]  # the cells of the groups after each
        # a not-applicable mark is one position, _MARK, read as 0 by the sums (a run of marks as many as
        # it may be cells), a number its characters
        pieces: list[str] = []
        self.owner: list[tuple[Token, int]] = []  # digit position -> (token, offset in it)
        # digit position -> the end of the token it stands in: a cell from there may not cross it
        self.limits: list[int] = []
        self.whole: dict[int, int] = {}  # start -> end of the tokens that are one cell: not glued, in a row of several
        for t in toks:
            mark = t.kind in (MARK, BLANK)
            width = _marks_in(t) if mark else len(t.text)
            pieces.append(_MARK * width if mark else t.text)
            if (mark and width == 1) or (not t.glued and len(toks) > 1):
                self.whole[len(self.owner)] = len(self.owner) + width
            self.owner += [(t, k) for k in range(width)]
            self.limits += [len(self.owner)] * width
        self.digits = "".join(pieces)
        self.commas = "," in self.digits  # thousands separators inside a glued run (attach_thousands)
        self.out: list[list[tuple[int, int]]] = []
        self.cur: list[tuple[int, int]] = []
        self.shared = SUM_BUDGET.get()
        self.start = min(MAX_SUM_NODES, self.shared[0]) if self.shared is not None else MAX_SUM_NODES
        self.budget = self.start

    def dfs(self, pos: int, g: int, j: int, total: int) -> None:
        self.budget -= 1
        if self.budget < 0 or len(self.out) > MAX_ALTERNATIVES:
            return
        groups, digits, cur, whole = self.groups, self.digits, self.cur, self.whole
        if g == len(groups):
            if pos == len(digits):
                self.out.append(list(cur))
            return
        left = len(digits) - pos
        need = groups[g] - j + self.rest[g]
        if left < need or left > need * MAX_CELL_DIGITS:
            return
        limit = self.limits[pos]
        mark = digits[pos] == _MARK
        if j == groups[g] - 1:  # the group's total: it must read as the sum so far
            want = _MARK if mark and total == 0 else str(total)
            wants: tuple[str, ...] = (want, f"{total:,}") if self.commas and total >= 1000 else (want,)
            if mark and total == 0:  # (a mark as long as the dashes run, or fewer of them)
                wants = tuple(_MARK * k for k in range(1, limit - pos + 1))
            for w in wants:
                b = pos + len(w)
                if digits.startswith(w, pos) and b <= limit and whole.get(pos, b) == b and not digits.startswith(",", b):
                    cur.append((pos, b))
                    self.dfs(b, g + 1, 0, 0)
                    cur.pop()
            return
        if self.commas:
            self._commas(pos, g, j, total, left, limit, mark)
            return
        longest = limit - pos if mark else 1 if digits[pos] == "0" else MAX_CELL_DIGITS
        # the digits left after this part must still hold the group's other parts, the later groups
        # and the group's total, which is at least as long as this part and the sum so far
        after = groups[g] - 2 - j + self.rest[g]
        one_cell = whole.get(pos)  # a token that is one cell: the part ends where it does
        for ln in range(1, min(longest, left) + 1):
            b = pos + ln
            if one_cell is not None and b != one_cell:
                continue
            if b > limit:
                break
            part = 0 if mark else int(digits[pos:b])
            if left - ln < after + max(1 if mark else ln, len(str(total + part))):
                break  # longer parts leave even less room
            cur.append((pos, b))
            self.dfs(b, g, j + 1, total + part)
            cur.pop()

    def _commas(self, pos: int, g: int, j: int, total: int, left: int, limit: int, mark: bool) -> None:
        """:meth:`dfs`'s parts where the run holds thousands separators ("2,1911599332287652,827" is
        2,191 | 159 | 93 | 32 | 287 | 65 | 2,827): a part is plain digits or a well-formed thousands
        number, and a comma always stands inside one."""
        digits, cur = self.digits, self.cur
        if digits[pos] == ",":
            return
        after = self.groups[g] - 2 - j + self.rest[g]
        one_cell = self.whole.get(pos)
        longest = 1 if mark or digits[pos] == "0" else MAX_CELL_DIGITS + 2
        for ln in range(1, min(longest, left) + 1):
            b = pos + ln
            if b > limit:
                break
            if one_cell is not None and b != one_cell or digits.startswith(",", b):
                continue
            text = digits[pos:b]
            if "," in text and not _THOUSANDS_CELL.fullmatch(text):
                continue
            part = 0 if mark else int(text.replace(",", ""))
            if left - ln < after + len(str(total + part)):
                break  # longer parts leave even less room
            cur.append((pos, b))
            self.dfs(b, g, j + 1, total + part)
            cur.pop()

    def cells(self, cut: list[tuple[int, int]]) -> list[Cell]:
        out = []
        for a, b in cut:
            t, k = self.owner[a]
            if t.kind in (MARK, BLANK):
                whole = k == 0 and b - a == _marks_in(t)
                out.append(cell_of(t) if whole else Cell(t.text[k : k + b - a], MARK, t.start + k, t.start + k + b - a, split=True))
                continue
            entire = k == 0 and b - a == len(t.text)
            out.append(Cell(t.text[k : k + b - a], NUM, t.start + k, t.start + k + b - a, split=not entire))
        return out


def _sum_cands(toks: Sequence[Token], n: int, check: Check | None) -> list[list[Cell]]:
    """Cut a row of digit runs into its ``n`` cells so that its totals add up.

    For rows with a sum (part 三: 总计 = the six before it; part 四: each 总计 = the four before it) whose
    tokens are all digit runs and fewer than the columns: a crawler glued the cells ("128821005031362"
    is 1288 21 0 0 50 3 1362), or a line lost its spaces.  Cells are cut left to right; a group's total
    is not guessed but must read as the sum of the group so far, which keeps the search small.  A cut
    always falls between two tokens, a token set apart by spaces in a row of several is one cell, and
    a part with a leading zero is only "0".  [] when the row is not of that kind or the search is too
    large; else every cutting that adds up.
    """
    groups = _SUM_GROUPS.get(check)  # type: ignore[arg-type]
    if not groups or sum(groups) != n or not toks or len(toks) >= n:
        return []
    if not all((t.kind == NUM and (t.text.isdigit() or _COMMA_RUN.fullmatch(t.text))) or t.kind in (MARK, BLANK) for t in toks) or all(
        t.kind in (MARK, BLANK) for t in toks
    ):
        return []
    size = sum(_marks_in(t) if t.kind in (MARK, BLANK) else len(t.text) - t.text.count(",") for t in toks)
    if size < n or size > n * MAX_CELL_DIGITS:
        return []
    search = _SumSearch(toks, groups)
    search.dfs(0, 0, 0, 0)
    if search.shared is not None:
        search.shared[0] -= search.start - max(search.budget, 0)
    if search.budget < 0 or not search.out or len(search.out) > MAX_ALTERNATIVES:
        return []
    return [search.cells(cut) for cut in search.out]
