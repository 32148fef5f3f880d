"""Stage 5: assemble the template's tables — rows found by their labels, cells placed by column.

For every row label found (labels.py), the row's cells are the value tokens (numbers, marks, blank
cells) between its label and the next row's label.  Rows are never found by counting numbers from the
start of a part, so a missing or extra number cannot shift the cells of other rows.

Within a row, :func:`resolve_row` places the tokens into the row's n columns.  Where the tokens do not
fit one-to-one (blank cells from merged label cells, an extra number, digits glued together by a
crawler) it enumerates every placement that fits, keeps those the row's arithmetic allows, and gives a
cell a confident status only where every remaining placement agrees on it; otherwise ``doubtful``.
"""

from __future__ import annotations

import bisect
import contextvars
import functools
import itertools
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

import regex

from . import schema
from .labels import Anchor, Row, find_rows, keyed, label_stream
from .layout import BLANK, MARK, NUM, TEXT, Token
from .normalize import Normalized, key_normalized
from .report import Field, Finding
from .sections import DocInfo
from .values import read_cell

__all__ = ["assemble", "resolve_row", "Cell"]

# Enumerating placements is exponential in glued digits; beyond these bounds a row is left doubtful.
MAX_GLUED_DIGITS = 18  # a glued run of more digits is not split (no template row has more)
MAX_CANDIDATES = 20000  # placements examined per row
MAX_ALTERNATIVES = 64  # placements of one row handed to the whole-table solver
MAX_CELL_DIGITS = 9  # no count in a report reaches a billion: longer parts of a glued run are not cells
MAX_ROW_CELLS = 15  # the widest template row (part 四)
MAX_CUTS = 5000  # ways to cut one glued run examined
MAX_SLACK = 6  # tokens beyond a row's width that placement still enumerates
MAX_EXTRA_CELLS = 4  # numbers beyond a row's width that placement tries to drop
MAX_COMBINATIONS = 50000  # combinations of ambiguous rows the whole-table solver tries
# A text token that reads like prose ends a table: tables hold labels, not sentences.
PROSE_MIN_LEN = 60

Value = int | float | None


@dataclass(frozen=True, slots=True)
class Cell:
    text: str
    kind: str  # num | mark | blank
    start: int  # span in the normalised text
    end: int
    split: bool = False  # cut out of a glued run of digits


@dataclass(frozen=True, slots=True)
class Placed:
    cell: Cell | None
    value: Value
    status: str
    unit: str | None = None


def _cell_value(c: Cell | None, money: bool) -> tuple[Value, str, str | None]:
    if c is None:
        return None, "missing", None
    if c.kind == BLANK:
        return None, "blank", None
    if c.kind == MARK:
        return None, "not_applicable", None
    return read_cell(c.text, money=money)


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


def _splits(digits: str, start: int) -> list[list[Cell]]:
    out: list[list[Cell]] = []
    for cuts in _cuts(digits):
        a = 0
        cells = []
        for b in cuts:
            cells.append(Cell(digits[a:b], NUM, start + a, start + b, split=len(cuts) > 1))
            a = b
        out.append(cells)
    return out


_ZEROS_THEN_NUMBER = regex.compile(r"(0+)([1-9][0-9]{0,2}(?:,[0-9]{3})+(?:\.[0-9]+)?)")


def _options(tokens: Sequence[Token]) -> list[list[list[Cell]]]:
    opts: list[list[list[Cell]]] = []
    lead = 0
    while lead < len(tokens) and tokens[lead].kind == BLANK:
        lead += 1
    trail = len(tokens)
    while trail > lead and tokens[trail - 1].kind == BLANK:
        trail -= 1
    for i, t in enumerate(tokens):
        c = Cell(t.text, t.kind, t.start, t.end)
        if t.kind == BLANK and (i < lead or i >= trail):
            opts.append([[], [c]])  # a blank at the edge of a row may be a merged label cell
        elif t.kind == NUM and t.glued and t.text.isdigit() and 1 < len(t.text) <= MAX_GLUED_DIGITS:
            opts.append(_splits(t.text, t.start))
        elif t.kind == NUM and t.glued and t.text[:1] == "-" and t.text[1:].isdigit() and 1 < len(t.text) - 1 <= MAX_GLUED_DIGITS:
            # "2648-18538": the sign opens the 本年增/减 cell, whose digits run into the next cell's
            end = t.end
            opts.append(
                [
                    [Cell("-" + o[0].text, NUM, t.start, o[0].end, split=o[0].split), *o[1:]]
                    for o in _splits(t.text[1:], end - len(t.text) + 1)
                ]
            )
        elif t.kind == NUM and t.glued and (m := _ZEROS_THEN_NUMBER.fullmatch(t.text)):
            # "01,000": a 0 cell run into "1,000"
            z = len(m.group(1))
            zeros = [Cell("0", NUM, t.start + k, t.start + k + 1, split=True) for k in range(z)]
            opts.append([[c], [*zeros, Cell(t.text[z:], NUM, t.start + z, t.end, split=True)]])
        else:
            opts.append([[c]])
    return opts


MAX_SUM_NODES = 50_000  # steps of the sum-guided cutting of one row…
MAX_DOC_SUM_NODES = 100_000  # …and of all rows of one report: the time bound holds per report, not per row
_SUM_BUDGET: contextvars.ContextVar[list[int] | None] = contextvars.ContextVar("sum_budget", default=None)


def _sum_cands(toks: Sequence[Token], n: int, check: Callable[[list[Value]], bool | None] | None) -> list[list[Cell]]:
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
    if not all(t.kind == NUM and t.text.isdigit() for t in toks):
        return []
    digits = "".join(t.text for t in toks)
    if len(digits) < n or len(digits) > n * MAX_CELL_DIGITS:
        return []
    owner: list[tuple[Token, int]] = []  # digit position -> (token, offset in it)
    bounds: list[int] = []  # where each token ends: cuts must fall on them
    whole: dict[int, int] = {}  # start -> end of the tokens that are one cell: not glued, in a row of several
    for t in toks:
        if not t.glued and len(toks) > 1:
            whole[len(owner)] = len(owner) + len(t.text)
        owner += [(t, k) for k in range(len(t.text))]
        bounds.append(len(owner))
    size = len(digits)
    out: list[list[tuple[int, int]]] = []
    cur: list[tuple[int, int]] = []
    shared = _SUM_BUDGET.get()
    start = min(MAX_SUM_NODES, shared[0]) if shared is not None else MAX_SUM_NODES
    budget = [start]

    def crosses(a: int, b: int) -> bool:
        i = bisect.bisect_right(bounds, a)
        return i < len(bounds) and bounds[i] < b

    def rest_parts(g: int, j: int) -> int:
        return groups[g] - j + sum(groups[g + 1 :])

    def dfs(pos: int, g: int, j: int, total: int) -> None:
        budget[0] -= 1
        if budget[0] < 0 or len(out) > MAX_ALTERNATIVES:
            return
        if g == len(groups):
            if pos == size:
                out.append(list(cur))
            return
        left = size - pos
        need = rest_parts(g, j)
        if left < need or left > need * MAX_CELL_DIGITS:
            return
        if j == groups[g] - 1:  # the group's total: it must read as the sum so far
            want = str(total)
            b = pos + len(want)
            if digits.startswith(want, pos) and not crosses(pos, b) and whole.get(pos, b) == b:
                cur.append((pos, b))
                dfs(b, g + 1, 0, 0)
                cur.pop()
            return
        longest = 1 if digits[pos] == "0" else MAX_CELL_DIGITS
        # the digits left after this part must still hold the group's other parts, the later groups
        # and the group's total, which is at least as long as this part and the sum so far
        after = groups[g] - 2 - j + sum(groups[g + 1 :])
        for ln in range(1, min(longest, left) + 1):
            b = pos + ln
            if pos in whole and b != whole[pos]:
                continue
            if crosses(pos, b):
                break
            part = int(digits[pos:b])
            if left - ln < after + max(ln, len(str(total + part))):
                break  # longer parts leave even less room
            cur.append((pos, b))
            dfs(b, g, j + 1, total + part)
            cur.pop()

    dfs(0, 0, 0, 0)
    if shared is not None:
        shared[0] -= start - max(budget[0], 0)
    if budget[0] < 0 or not out or len(out) > MAX_ALTERNATIVES:
        return []
    cands = []
    for cut in out:
        cells = []
        for a, b in cut:
            t, k = owner[a]
            entire = k == 0 and b - a == len(t.text)
            cells.append(Cell(t.text[k : k + b - a], NUM, t.start + k, t.start + k + b - a, split=not entire))
        cands.append(cells)
    return cands


def _enumerate(opts: list[list[list[Cell]]], n: int) -> list[list[Cell]]:
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


def resolve_row(
    tokens: Sequence[Token],
    n: int,
    *,
    money: Sequence[bool] | None = None,
    check: Callable[[list[Value]], bool | None] | None = None,
    prefer: Callable[[list[Value]], float] | None = None,
    alternatives: list[list[Placed]] | None = None,
    trail: int | None = None,
    grid: list[tuple[int, str]] | None = None,
    signed: Sequence[bool] | None = None,
) -> tuple[list[Placed], str | None]:
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
    if any(t.crowded for t in toks):
        # a converter merged cells ("| 21 0 |     | 0 0 | 21 |": markitdown's PDF tables): its empty
        # cells say nothing about where the blanks are, so the row is read as numbers alone
        toks = [t for t in toks if t.kind != BLANK]
    if len(toks) == n and not any(t.glued for t in toks):
        # the common case: one token per column, nothing to decide
        return [Placed(c, *_cell_value(c, money[i])) for i, c in enumerate(Cell(t.text, t.kind, t.start, t.end) for t in toks)], None
    if len(toks) > n + MAX_SLACK:
        # far more cells than columns: drop empty cells at the edges first; what is still too long
        # is not a row of this table (placement would explode), so nothing in it is confident
        a, b = 0, len(toks)  # indices, not slices: a row of 100 000 empty cells must stay linear
        while b - a > n + MAX_SLACK and toks[a].kind == BLANK:
            a += 1
        while b - a > n + MAX_SLACK and toks[b - 1].kind == BLANK:
            b -= 1
        toks = toks[a:b]
        if len(toks) > n + MAX_SLACK:
            cells = [Cell(t.text, t.kind, t.start, t.end) for t in toks[:n]]
            return [Placed(c, _cell_value(c, money[i])[0], "doubtful", None) for i, c in enumerate(cells)], "extra_cells"
    note: str | None = None
    cands = _sum_cands(toks, n, check)
    if cands:
        note = "glued_digits"
    else:
        opts = _options(toks)
        cands = _enumerate(opts, n)
    if signed is not None and len(cands) > 1:
        # a negative number stands only in a column that can hold one (本年增/减)
        fit = [c for c in cands if all(signed[i] or not x.text.startswith("-") for i, x in enumerate(c))]
        if fit:
            cands = fit
    if grid is not None and len(cands) > 1:
        # the header row above has as many cells as this row: its column labels say which cell is which
        fit = [c for c in cands if [(x.start, x.kind) for x in c] == grid]
        if fit:
            cands = fit
    if trail is not None and len(cands) > 1:
        # rows of this table with as many cells show how many empty cells follow their last value:
        # keep the placements that drop exactly those (other empty cells are real blanks)
        last_value = max((i for i, t in enumerate(toks) if t.kind != BLANK), default=-1)
        trailing = {(t.start, t.kind) for t in toks[last_value + 1 :]}
        have = len(trailing)
        fit = [c for c in cands if have - sum((x.start, x.kind) in trailing for x in c) == trail]
        if fit:
            cands = fit
    # cells both cut from a glued run and dropped: a row of zeros satisfies any sum, so unless every
    # cutting and dropping gives the same row (before the sums choose), the whole row is doubtful
    cut_and_dropped = False
    if not cands and any(t.glued for t in toks) and note is None:
        # a glued run that cannot be cut into the row's cells: "00000000" is eight cells for seven
        # columns (a copy that doubled a cell).  Cut it into a few cells more and drop the extra ones.
        for extra in range(1, MAX_EXTRA_CELLS + 1):
            wider = _enumerate(opts, n + extra)
            if wider:
                seen_c: set[tuple[Cell, ...]] = set()
                for w in wider:
                    for keep in itertools.combinations(w, n):
                        seen_c.add(keep)
                    if len(seen_c) >= MAX_CANDIDATES:
                        break
                cands = [list(c) for c in seen_c]
                note = "extra_cells"
                cut_and_dropped = True
                break
    if not cands:
        # more tokens than columns even with edge blanks dropped: some number is extra
        nonblank = [Cell(t.text, t.kind, t.start, t.end) for t in toks if t.kind != BLANK] or []
        allcells = [Cell(t.text, t.kind, t.start, t.end) for t in toks]
        pool = nonblank if len(nonblank) >= n else allcells
        if len(pool) > n and len(pool) - n <= MAX_EXTRA_CELLS:
            cands = [list(c) for c in itertools.combinations(pool, n)][:MAX_CANDIDATES]
            note = "extra_cells"
        elif len(pool) > n:
            note = "extra_cells"
            cands = [pool[:n]]
        else:
            # fewer tokens than columns and nothing else to place them by: in order, nothing confident
            placed = []
            for i, c in enumerate(list(pool) + [None] * (n - len(pool))):
                v, _, unit = _cell_value(c, money[i])
                placed.append(Placed(c, v, "doubtful", unit))
            return placed, "missing_cells"

    memo: dict[tuple[Cell | None, bool], tuple[Value, str, str | None]] = {}

    def cv(c: Cell | None, m: bool) -> tuple[Value, str, str | None]:
        v = memo.get((c, m))
        if v is None:
            v = memo[(c, m)] = _cell_value(c, m)
        return v

    vals = [[cv(c, money[i]) for i, c in enumerate(cand)] for cand in cands]
    ok_idx = list(range(len(cands)))
    if check is not None and len(cands) > 1:
        passing = [i for i in ok_idx if check([v[0] for v in vals[i]]) is not False]
        if passing:
            ok_idx = passing
    preferred = False
    if prefer is not None and len(ok_idx) > 1:
        # the arithmetic leaves several placements: a placement whose numbers the narrative states
        # (R7) wins when it alone has the most of them; its cells are inferred, not ok
        scores = [prefer([v[0] for v in vals[i]]) for i in ok_idx]
        top = max(scores)
        # without a sum to check, one number that the narrative happens to print among many cuttings
        # proves nothing ("7777166": 16 is a date's day somewhere): it takes two
        least = 1 if check is not None else 2
        if top >= least and scores.count(top) == 1:
            ok_idx = [ok_idx[scores.index(top)]]
            preferred = True
    if len(ok_idx) > 1 and any(c is not None and c.split for i in ok_idx for c in cands[i]):
        # the cells stay doubtful; the value shown is the likeliest cutting (see _plausibility), with
        # the narrative's numbers as a hint where the shape of the numbers leaves a tie
        def likely(i: int) -> tuple[float, ...]:
            v = [x[0] for x in vals[i]]
            odd, spread, repeats = _plausibility(v, signed)
            return (odd, spread, -(prefer(v) if prefer is not None else 0.0), repeats)

        ok_idx.sort(key=likely)
    placed: list[Placed] = []
    row_unsure = cut_and_dropped and any(len({_vkey(v[col]) for v in vals}) > 1 for col in range(n))
    for col in range(n):
        options_all = {_vkey(vals[i][col]) for i in range(len(cands))}
        options_ok = {_vkey(vals[i][col]) for i in ok_idx}
        first = ok_idx[0]
        c = cands[first][col]
        value, status, unit = vals[first][col]
        if len(options_ok) > 1 or row_unsure:
            status = "doubtful"
            note = note or "ambiguous_cells"
        elif len(options_all) > 1 or (c is not None and c.split) or preferred:
            status = "inferred" if status in ("ok", "blank", "not_applicable") else status
        placed.append(Placed(c, value, status, unit))
    if any(p.cell is not None and p.cell.split for p in placed):
        note = note if note == "extra_cells" else "glued_digits"
    if note is None and any(p.status == "inferred" for p in placed):
        note = "cells_placed_by_arithmetic"
    if len(ok_idx) > 1 and any(p.status == "doubtful" for p in placed):
        note = note if note in ("glued_digits", "extra_cells") else "ambiguous_cells"
        if alternatives is not None:
            # what is left for the table's column sums to decide (see _joint_solve)
            seen: set[tuple[object, ...]] = set()
            for i in ok_idx:
                sig = tuple(_vkey(v) for v in vals[i])
                if sig in seen:
                    continue
                seen.add(sig)
                alternatives.append([Placed(cands[i][col], *vals[i][col]) for col in range(n)])
                if len(alternatives) >= MAX_ALTERNATIVES:
                    alternatives.clear()  # too many to solve jointly: stays doubtful
                    break
    return placed, note


def _plausibility(v: list[Value], signed: Sequence[bool] | None) -> tuple[float, float, float]:
    """How unlike a real row a cutting of glued digits is (lower is likelier), to choose which of the
    doubtful readings is shown: the cells of a row are of one order of magnitude (digit counts close
    together), a 本年增/减 is no larger than the count it changes, and 制作 = 公开 counts repeat."""
    nums = [abs(x) for x in v if x is not None]
    if not nums:
        return (0.0, 0.0, 0.0)
    lens = [len(str(int(x))) for x in nums]
    mean = sum(lens) / len(lens)
    spread = sum((n - mean) ** 2 for n in lens)
    odd_change = 0
    if signed:
        for i, sg in enumerate(signed):
            if sg and i > 0 and v[i] is not None and v[i - 1] is not None and abs(v[i]) > abs(v[i - 1]):  # type: ignore[arg-type]
                odd_change += 1
    repeats = sum(1 for a, b in zip(v, v[1:]) if a is not None and a == b)
    return (float(odd_change), spread, float(-repeats))


def _vkey(v: tuple[Value, str, str | None]) -> tuple[str, float | None]:
    return (v[1], None if v[0] is None else float(v[0]))


# -- regions -----------------------------------------------------------------------------------
def _tok_range(tokens: list[Token], starts: list[int], span: tuple[int, int]) -> tuple[int, int]:
    return bisect.bisect_left(starts, span[0]), bisect.bisect_left(starts, span[1])


def _is_prose(t: Token) -> bool:
    if t.kind != TEXT:
        return False
    s = t.text
    if s.startswith(("注", "说明", "备注")):
        return False
    # a long run of glued captions (a crawler's one-line table header) is not prose: prose has sentences
    return ("。" in s and len(s) > 12) or (len(s) >= PROSE_MIN_LEN and any(p in s for p in "，；,;"))


def _table_end(tokens: list[Token], lo: int, hi: int, after: int) -> int:
    """First prose token at or after ``after`` (a table ends where sentences start)."""
    for i in range(max(lo, after), hi):
        if _is_prose(tokens[i]):
            return i
    return hi


# -- the stage ---------------------------------------------------------------------------------
def assemble(norm: Normalized, tokens: list[Token], doc: DocInfo) -> tuple[dict[str, Field], list[Finding]]:
    reset = _SUM_BUDGET.set([MAX_DOC_SUM_NODES])
    try:
        return _assemble(norm, tokens, doc)
    finally:
        _SUM_BUDGET.reset(reset)


def _assemble(norm: Normalized, tokens: list[Token], doc: DocInfo) -> tuple[dict[str, Field], list[Finding]]:
    edition = doc.edition
    assert edition in schema.EDITIONS
    s = schema.load()
    starts = [t.start for t in tokens]
    findings: list[Finding] = []
    fields: dict[str, Field] = {}
    n_text = len(norm.text)

    def region(num: int) -> tuple[int, int] | None:
        if num not in doc.parts:
            return None
        a = doc.parts[num][0]
        later = [doc.parts[k][0] for k in doc.parts if k > num and doc.parts[k][0] > a]
        return (a, min(later) if later else n_text)

    def put(k: str, p: Placed, label: str | None) -> None:
        span = norm.to_orig((p.cell.start, p.cell.end)) if p.cell is not None else None
        raw = norm.original[span[0] : span[1]] if span is not None else None
        fields[k] = Field(k, p.value, p.status, raw, span, label, p.unit)  # type: ignore[arg-type]

    # numbers stated in the narrative (preface and part 一): they break ties between placements the
    # arithmetic cannot tell apart (R7)
    narrative_numbers = _narrative_numbers(norm, doc)

    def prefer(vals: list[Value]) -> float:
        return float(sum(1 for v in vals if v is not None and v >= NARRATIVE_MIN_VALUE and v in narrative_numbers))

    # ---- part 二 ---------------------------------------------------------------------------
    r2 = region(2)
    if r2 is not None:
        lo, hi = _tok_range(tokens, starts, r2)
        if edition == "2019":
            _attach_signs(tokens, lo, hi)
        st = label_stream(tokens, lo, hi)
        captions = [st.tok_at(k) for k in _find_all(st.text, "第二十条")]
        rows: list[Row] = []
        cols_of: dict[str, list[schema.Label]] = {}
        anchors: list[Anchor] = []
        detached: dict[str, tuple[int, Token]] = {}
        blocks = [b for b in s.active if edition in b.editions]
        for b in blocks:
            brows = [Row(f"active.{r.key}", r.wordings) for r in b.rows_for(edition)]
            for r in brows:
                cols_of[r.key] = list(b.columns_for(edition))
            rows += brows
            # a block's rows are looked for under its own caption first
            item = _find_caption(st.text, b.item)
            if item is not None:
                wlo = st.tok_at(item)
                nxt = [c for c in captions if c > wlo]
                whi = min(nxt) if nxt else hi
                found = find_rows(tokens, wlo, whi, brows)
                anchors += found
                detached.update(_detached_cells(tokens, wlo, min([x.tok for x in found] + [whi]), brows, b.columns_for(edition)))
        got = {x.row.key for x in anchors}
        rest = [r for r in rows if r.key not in got]
        if rest:
            used = {x.tok for x in anchors}
            anchors += [x for x in find_rows(tokens, lo, hi, rest) if x.tok not in used]
        # a caption of another block's columns ends a row too: plain pdftotext can print a table column
        # by column, so "行政事业性收费" is followed by "本年制发件数 1 8", which is not its own
        own = {r.key: {w for c in cols_of[r.key] for w in keyed(c.wordings)} for r in rows}
        every = set().union(*own.values()) if own else set()
        texts = [(i, key_normalized(tokens[i].text)) for i in range(lo, hi) if tokens[i].kind == TEXT]
        seen_at = {w: [i for i, t in texts if w in t] for w in every}
        row_stops = {
            r.key: sorted({*captions, *(i for w in every - own[r.key] for i in seen_at[w])}) for r in rows
        }
        _place_rows(tokens, anchors, hi, cols_of, put, findings, check=None, stops=row_stops, prefer=prefer, detached=detached)
        found_rows = {x.row.key for x in anchors}
        todo = [
            b for b in blocks
            if all(f"active.{r.key}" in found_rows for r in b.rows_for(edition))
            and not any(k.startswith(tuple(f"active.{r.key}." for r in b.rows_for(edition))) for k in fields)
        ]
        if todo:
            _put_column_runs(tokens, lo, hi, todo, edition, put, findings)
    else:
        findings.append(Finding("table_missing", "warning", "part 二's tables (第二十条 captions) were not found"))

    # ---- part 三 ---------------------------------------------------------------------------
    r3 = region(3)
    app_cols = list(s.app_columns)
    if r3 is not None:
        lo, hi = _tok_range(tokens, starts, r3)
        rows = [Row(f"applications.{r.key}", r.wordings) for r in s.app_rows_for(edition)]
        anchors = find_rows(tokens, lo, hi, rows)
        pending: dict[str, tuple[list[list[Placed]], str | None, list[str]]] = {}
        before = len(findings)
        _place_rows(
            tokens, anchors, hi, {r.key: app_cols for r in rows}, put, findings, check=_r3_check,
            order=[r.key for r in rows], prefer=prefer, pending=pending,
        )
        if pending:
            _joint_solve(fields, pending, edition, put, findings)
        alt_findings = _arbitrate_loose_labels(
            norm, tokens, anchors, hi, rows, app_cols, edition, fields, findings[before:], put, findings
        )
        _stray_cells(norm, [*findings[before:], *alt_findings], edition, fields, put, findings)
        _doubt_between_gaps(findings[before:], rows, app_cols, fields, findings)
        app_rows = s.app_rows_for(edition)
        unread = [r for r in app_rows if all(f"applications.{r.key}.{c.key}" not in fields for c in app_cols)]
        if len(unread) * 2 >= len(app_rows):
            _column_bands(tokens, lo, hi, app_rows, app_cols, fields, put, findings)
    else:
        findings.append(Finding("table_missing", "warning", "part 三's table (收到和处理政府信息公开申请情况) was not found"))

    # ---- part 四 ---------------------------------------------------------------------------
    r4 = region(4)
    if r4 is not None:
        lo, hi = _tok_range(tokens, starts, r4)
        st = label_stream(tokens, lo, hi)
        k = st.text.find("行政复议", 1)  # skip the heading's own 行政复议
        first = st.tok_at(k) if k >= 0 else lo + 1
        end = _table_end(tokens, lo, hi, first + 1)
        # the value row(s): header rows hold text and empty cells, never numbers
        value_rows = {t.row for t in tokens[first:end] if t.kind in (NUM, MARK)}
        seg = [t for t in tokens[first:end] if t.kind in (NUM, MARK, BLANK) and t.row in value_rows]
        group_keys = [f"{g.key}.{c.key}" for g in s.review_groups for c in s.review_columns]
        if not any(t.kind in (NUM, MARK) for t in seg):
            findings.append(Finding("table_missing", "warning", "part 四's table has no values", keys=tuple(group_keys)))
        else:
            model = _header_model(tokens, first, min(t.row for t in seg), s.review_columns, len(group_keys))
            if model is not None and _put_aligned("part 四", "行政复议、行政诉讼", seg, group_keys, [False] * len(group_keys), model, put, findings, _r4_check):
                seg = []  # placed by the columns its numbers stand under
        if seg and any(t.kind in (NUM, MARK) for t in seg):
            placed, note = resolve_row(seg, 15, check=_r4_check, prefer=_prefer_part4(prefer, narrative_numbers))
            regrouped = _regroup_part4(placed, narrative_numbers)
            if regrouped is not None:
                placed, how = regrouped
                findings.append(Finding("part4_regrouped", "warning", how, keys=tuple(group_keys)))
                note = None
            for kk, p in zip(group_keys, placed):
                put(kk, p, "行政复议、行政诉讼")
            if note:
                findings.append(_row_note(note, "part 四", group_keys))
    else:
        findings.append(Finding("table_missing", "warning", "part 四 (行政复议、行政诉讼) was not found"))

    if r3 is not None:
        r5 = region(5)
        _all_zero_tables(tokens, starts, r3[0], r5[0] if r5 is not None else n_text, edition, fields, put, findings)

    # every key of the edition is present; rows of a table that is there but lack their label are findings
    for k in schema.keys(edition):
        if k not in fields:
            fields[k] = Field(k, None, "missing")
    if r3 is not None:
        absent = [r for r in s.app_rows_for(edition) if all(fields[f"applications.{r.key}.{c.key}"].status == "missing" for c in app_cols)]
        sub = [r for r in s.app_rows_for(edition) if r.key.startswith("other_processing.") and r.key != "other_processing.total"]
        if edition == "2021" and (all(r in absent for r in sub) != any(r.key == "other_processing.total" for r in absent)):
            # （六） is printed one way or the other: the form not printed is not missing
            absent = [r for r in absent if not r.key.startswith("other_processing.")]
        for r in absent:
            findings.append(
                Finding(
                    "row_not_found",
                    "warning",
                    f"part 三 row {r.label!r} was not found (label missing or unreadable); its cells are missing",
                    keys=tuple(f"applications.{r.key}.{c.key}" for c in app_cols),
                )
            )
    if r2 is not None:
        for b in s.active:
            if edition not in b.editions:
                continue
            for r in b.rows_for(edition):
                ks = [f"active.{r.key}.{c.key}" for c in b.columns_for(edition)]
                if all(fields[k].status == "missing" for k in ks):
                    findings.append(Finding("row_not_found", "warning", f"part 二 row {r.label!r} was not found", keys=tuple(ks)))
    ordered = {k: fields[k] for k in schema.keys(edition)}
    return ordered, findings


NARRATIVE_MIN_VALUE = 10  # small numbers (1, 2, 5…) occur everywhere in prose: they prove nothing


_NARRATIVE_NUMBER = regex.compile(r"(?<![0-9.])[0-9]+(?:\.[0-9]+)?(?![0-9.])")


def _narrative_numbers(norm: Normalized, doc: DocInfo) -> frozenset[float]:
    """Numbers printed in the preface and part 一 (the narrative that restates the tables)."""
    out: set[float] = set()
    for sp in (doc.preface, doc.parts.get(1)):
        if sp is not None:
            out.update(float(m) for m in _NARRATIVE_NUMBER.findall(norm.text, sp[0], sp[1]))
    return frozenset(out)


def _printed_forms(app_rows: Sequence[schema.Label]) -> list[list[schema.Label]]:
    """Part 三's rows as a report prints them: （六）其他处理 as its numbered sub-rows, or as one row
    (the 2019 edition has only the one row)."""
    subs = [r for r in app_rows if r.key.startswith("other_processing.") and r.key != "other_processing.total"]
    if not subs:
        return [list(app_rows)]
    return [[r for r in app_rows if r.key != "other_processing.total"], [r for r in app_rows if r not in subs]]


def _column_bands(
    tokens: list[Token],
    lo: int,
    hi: int,
    app_rows: tuple[schema.Label, ...],
    cols: Sequence[schema.Label],
    fields: dict[str, Field],
    put: Callable[[str, Placed, str | None], None],
    findings: list[Finding],
) -> None:
    """Part 三 printed in bands of rows, each band column by column (plain pdftotext of some PDFs).

    The labels come first, then runs of numbers stacked one a line: a band of k rows is seven runs of
    k numbers, its columns left to right, and bands may interleave ("3001 34 1288 447 | 53 0 21 7 | … |
    2 30 5 … 56 | …").  A row printed across (one number a run) is a band of one row.  Bands take the
    rows in template order as they open; the reading is kept only when it places every row and every
    row's 总计 is the sum of the six before it.  Cells already read are not touched; the rest are
    inferred (finding columns_from_bands).
    """
    runs: list[list[Token]] = []
    last_line = -2
    for t in tokens[lo:hi]:
        if t.kind == TEXT:
            last_line = -2
            continue
        if t.kind != NUM or t.glued:
            if t.kind in (MARK, BLANK):
                return  # marks and explicit cells: not this layout
            continue
        if runs and t.line == last_line + 1 and last_line >= 0:
            runs[-1].append(t)
        else:
            runs.append([t])
        last_line = t.line
    for rows in _printed_forms(app_rows):
        cells = _read_bands(runs, len(rows), len(cols))
        if cells is None:
            continue
        keys = []
        for r, row in zip(rows, cells):
            now = [fields.get(f"applications.{r.key}.{c.key}") for c in cols]
            # a row read by its label whose own sum fails (its label stood before another band's
            # numbers) gives way; a row that adds up keeps what it read
            broken = _r3_check([f.value if f is not None else None for f in now]) is False
            for c, t, f in zip(cols, row, now):
                k = f"applications.{r.key}.{c.key}"
                if f is not None and f.status not in ("missing", "doubtful") and not broken:
                    continue
                v, st, unit = read_cell(t.text)
                put(k, Placed(Cell(t.text, t.kind, t.start, t.end), v, "inferred" if st == "ok" else st, unit), r.label)
                keys.append(k)
        if keys:
            findings.append(
                Finding(
                    "columns_from_bands",
                    "warning",
                    "part 三 was printed in bands of rows, each band column by column; the numbers were read back "
                    "into their rows, and every row's 总计 is the sum of its other cells",
                    keys=tuple(keys),
                )
            )
        return


def _read_bands(runs: list[list[Token]], n_rows: int, n: int) -> list[list[Token]] | None:
    """Rows of ``n`` cells read off vertical runs (see _column_bands), or None."""
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


def _all_zero_tables(
    tokens: list[Token],
    starts: list[int],
    a: int,
    b: int,
    edition: str,
    fields: dict[str, Field],
    put: Callable[[str, Placed, str | None], None],
    findings: list[Finding],
) -> None:
    """Parts 三 and 四 whose every number is 0, exactly one per cell: every cell is 0, in any order.

    Many small bodies report nothing but zeros.  When a converter scrambles such tables (plain
    pdftotext prints some column by column, part 四's numbers before its heading), the rows cannot be
    read, but the count can: as many zeros as the template has cells (with （六） in either form)
    means every cell is 0.  Only cells still missing or doubtful are set, inferred; each points at a 0
    of the tables in reading order.
    """
    s = schema.load()
    app_rows = s.app_rows_for(edition)
    keys_34 = [f"{g.key}.{c.key}" for g in s.review_groups for c in s.review_columns]
    unsure = [k for k in fields if (k.startswith("applications.") or k in keys_34) and fields[k].status in ("missing", "doubtful")]
    lo, hi = _tok_range(tokens, starts, (a, b))
    if not unsure and all(k in fields for k in keys_34):
        return
    zeros: list[tuple[int, int]] = []
    for t in tokens[lo:hi]:
        if t.kind == MARK or (t.kind == NUM and set(t.text) != {"0"}):
            return
        if t.kind == NUM:
            zeros += [(t.start + i, t.start + i + 1) for i in range(len(t.text))] if t.glued else [(t.start, t.end)]
    cols = s.app_columns
    # either form of （六）, or (some reports) both
    forms = {len(rows) * len(cols) + len(keys_34): rows for rows in (list(app_rows), *_printed_forms(app_rows))}
    rows = forms.get(len(zeros))
    if rows is None:
        return
    keys = [f"applications.{r.key}.{c.key}" for r in rows for c in cols] + keys_34
    changed = []
    for k, (z0, z1) in zip(keys, zeros):
        f = fields.get(k)
        if f is None or f.status in ("missing", "doubtful"):
            put(k, Placed(Cell("0", NUM, z0, z1), 0, "inferred"), f.label if f is not None else None)
            changed.append(k)
    if changed:
        findings.append(
            Finding(
                "all_zero_tables",
                "warning",
                f"parts 三 and 四 hold only zeros, exactly one per cell ({len(zeros)}); {len(changed)} cell(s) that "
                "could not be read by their labels are 0",
                keys=tuple(changed),
            )
        )


def _put_column_runs(
    tokens: list[Token],
    lo: int,
    hi: int,
    blocks: list[schema.ActiveBlock],
    edition: str,
    put: Callable[[str, Placed, str | None], None],
    findings: list[Finding],
) -> None:
    """Part 二 blocks printed column by column: their row labels found, no numbers after them.

    Plain pdftotext prints some PDFs' part 二 as the label column, then each column as its caption
    and its numbers ("本年制发件数 1 8 本年废止件数 0 26 现行有效件数 11 66 本年处理决定数量 447228 …").
    Every block still without values takes, in template order, the next runs whose captions are its
    columns and that hold exactly one number per row.  Status inferred, finding columns_from_captions.
    """
    runs: list[tuple[str, list[Token]]] = []
    for i in range(lo, hi):
        t = tokens[i]
        if t.kind == TEXT:
            runs.append((key_normalized(t.text), []))
        elif t.kind in (NUM, MARK) and runs:
            runs[-1][1].append(t)
    at = 0
    for b in blocks:
        rows, cols = b.rows_for(edition), b.columns_for(edition)
        plan: list[list[Token]] = []
        j = at
        for c in cols:
            words = keyed(c.wordings)
            while j < len(runs) and not any(w in runs[j][0] for w in words):
                j += 1
            if j == len(runs) or len(runs[j][1]) != len(rows):
                break
            plan.append(runs[j][1])
            j += 1
        if len(plan) != len(cols):
            continue
        at = j
        keys = []
        for c, column in zip(cols, plan):
            for r, t in zip(rows, column):
                v, status, unit = read_cell(t.text, money=c.money)
                k = f"active.{r.key}.{c.key}"
                put(k, Placed(Cell(t.text, t.kind, t.start, t.end), v, "inferred" if status == "ok" else status, unit), r.label)
                keys.append(k)
        findings.append(
            Finding(
                "columns_from_captions",
                "warning",
                f"part 二 第二十条第({b.item})项 was printed column by column; each column's numbers were read "
                "under its caption, in row order",
                keys=tuple(keys),
            )
        )


def _detached_cells(
    tokens: list[Token], lo: int, hi: int, rows: list[Row], cols: Sequence[schema.Label]
) -> dict[str, tuple[int, Token]]:
    """Cells that a converter lifted out of a part 二 table, one per row, in row order.

    A PDF-to-markdown converter printed the cells that carried a note ("22（其中修订16件）",
    "55（含自然失效29件）") as loose lines under the caption, before the table, whose rows then keep
    two of their three numbers.  The loose numbers between ``lo`` and ``hi`` (the caption and the
    block's first row) are taken when each is followed by a note that names one column by its
    ``annotations`` in fields.toml, all name the same column, and there is one for every row.
    """
    loose: list[tuple[Token, int]] = []
    cue = [(i, set(keyed(c.annotations))) for i, c in enumerate(cols) if c.annotations]
    if not cue:
        return {}
    for i in range(lo, hi):
        t = tokens[i]
        if t.kind in (MARK, BLANK):
            return {}
        if t.kind != NUM:
            continue
        note = tokens[i + 1] if i + 1 < hi else None
        if note is None or note.kind != TEXT or not note.text.startswith("("):
            return {}
        named = {ci for ci, words in cue if any(w in key_normalized(note.text) for w in words)}
        if len(named) != 1:
            return {}
        loose.append((t, named.pop()))
    if len(loose) != len(rows) or len({c for _, c in loose}) != 1:
        return {}
    return {r.key: (c, t) for r, (t, c) in zip(rows, loose)}


def _find_all(text: str, w: str) -> list[int]:
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


def _row_note(note: str, where: str, keys: list[str]) -> Finding:
    msg = {
        "extra_cells": f"{where}: the row has more numbers than columns; the placement the arithmetic allows was taken",
        "missing_cells": f"{where}: the row has fewer cells than columns (cells lost in conversion?); its values are doubtful",
        "glued_digits": f"{where}: digits of several cells are run together; they were split where the arithmetic allows",
        "ambiguous_cells": f"{where}: more than one placement of the row's numbers fits; the cells that differ are doubtful",
        "cells_placed_by_arithmetic": f"{where}: the row has more cells than columns (empty cells at its edges); the placement its arithmetic allows was taken",
    }[note]
    sev = "warning"
    return Finding(note, sev, msg, keys=tuple(keys))


def _capacity(t: Token) -> int:
    if t.kind == NUM and t.glued and t.text.isdigit():
        return len(t.text)
    return 1


def _plain(g: Sequence[Token]) -> bool:
    """Numbers separated by spaces only: no cell structure, nothing glued."""
    return all(t.kind in (NUM, MARK) and not t.explicit and not t.glued for t in g)


def _groups(seg: Sequence[Token]) -> list[list[Token]]:
    """Value tokens of a range, grouped by the row (line or cell block) they stand on."""
    out: list[list[Token]] = []
    row = None
    for t in seg:
        if t.kind not in (NUM, MARK, BLANK):
            continue
        if not out or t.row != row:
            out.append([])
        out[-1].append(t)
        row = t.row
    return out


def _place_rows(
    tokens: list[Token],
    anchors: list[Anchor],
    hi: int,
    columns: dict[str, list[schema.Label]],
    put: Callable[[str, Placed, str | None], None],
    findings: list[Finding],
    check: Callable[[list[Value]], bool | None] | None,
    order: list[str] | None = None,
    stops: Sequence[int] | Mapping[str, Sequence[int]] = (),  # tokens that end a row (per row key)
    prefer: Callable[[list[Value]], float] | None = None,
    pending: dict[str, tuple[list[list[Placed]], str | None, list[str]]] | None = None,
    detached: dict[str, tuple[int, Token]] | None = None,
) -> None:
    """Place the values of every anchored row; values left between two rows go, in template order,
    to the rows missing between them when they fit exactly (status inferred).  ``detached`` gives
    rows a cell that a converter lifted out of the table (see _detached_cells): it is put back into
    its column when every such row is exactly that one cell short."""
    anchors = sorted(anchors, key=lambda a: a.tok)
    plan: list[tuple[Anchor, list[Token], list[list[Token]]]] = []
    for i, a in enumerate(anchors):
        nxt = anchors[i + 1].tok if i + 1 < len(anchors) else _table_end(tokens, a.tok, hi, a.end_tok + 1)
        st_row = stops.get(a.row.key, ()) if isinstance(stops, Mapping) else stops
        j = bisect.bisect_right(st_row, a.tok)
        if j < len(st_row):
            nxt = min(nxt, st_row[j])
        seg = tokens[a.tok + 1 : nxt]
        cols = columns[a.row.key]
        n = len(cols)
        groups = _groups(seg)
        own: list[Token] = []
        cap = 0
        while groups and cap < n:
            g = groups.pop(0)
            if all(t.kind == BLANK for t in g) and any(t.kind != BLANK for h in groups for t in h) and not own:
                continue  # an empty row (a merged cell's leftovers) before the row's values
            if not own and order is not None and len(g) >= 2 * n and len(g) % n == 0 and _plain(g):
                # one line holding this row and whole label-less rows after it (text flattened to one
                # paragraph, the next row's label printed elsewhere): the rest goes to the rows
                # missing after this one, in template order, like any other orphan row
                groups[:0] = [g[k : k + n] for k in range(n, len(g), n)]
                g = g[:n]
            own += g
            cap += sum(_capacity(t) for t in g)
        plan.append((a, own, [g for g in groups if any(t.kind in (NUM, MARK) for t in g)]))
    if detached:
        short = {a.row.key: own for a, own, _ in plan if a.row.key in detached}
        if len(short) == len(detached) and all(
            len(own) == len(columns[k]) - 1 and all(t.kind == NUM for t in own) for k, own in short.items()
        ):
            for j, (a, own, orphans) in enumerate(plan):
                if a.row.key in detached:
                    col, tok = detached[a.row.key]
                    plan[j] = (a, [*own[:col], tok, *own[col:]], orphans)
            findings.append(
                Finding(
                    "detached_cells",
                    "warning",
                    f"{len(detached)} annotated cell(s) printed apart from their table were put back into the column "
                    "their note names, one per row that lacks one cell (status inferred)",
                    keys=tuple(f"{k}.{columns[k][c].key}" for k, (c, _) in detached.items()),
                )
            )
        else:
            detached = None
    # a column model only from rows of the same table (each of part 二's blocks is a table of its own;
    # the rows of one table share one list of columns)
    def colset(key: str) -> int:
        return id(columns[key])

    full_rows = [(colset(a.row.key), own) for a, own, _ in plan if _fills(own, len(columns[a.row.key]))]
    cells_in_row: dict[int, int] = {}
    if plan:
        for t in tokens[min(a.tok for a, _, _ in plan) : hi]:
            cells_in_row[t.row] = cells_in_row.get(t.row, 0) + 1
    # shapes per table (rows sharing one list of columns) and cell count: a 2-column block must not
    # learn from a 3-column one
    shapes = _row_shapes([(own, len(columns[a.row.key]), id(columns[a.row.key])) for a, own, _ in plan], cells_in_row)
    for i, (a, own, orphans) in enumerate(plan):
        cols = columns[a.row.key]
        # a blank-only row (every cell empty) is still a row
        if own and any(t.kind in (NUM, MARK) for t in own) or (own and all(t.kind == BLANK for t in own) and len(own) >= len(cols)):
            model = None
            same = [r for cs, r in full_rows if cs == colset(a.row.key)]
            if own and own[0].x0 >= 0 and len(own) < len(cols) and same:
                # the nearest rows that fill every column (columns shift at page breaks)
                near = sorted(same, key=lambda r: abs(r[0].line - own[0].line))[:MODEL_ROWS]
                model = _column_model(near, len(cols))
            keys = [f"{a.row.key}.{c.key}" for c in cols]
            if not (model and _put_aligned(a.row.key, a.label, own, keys, [c.money for c in cols], model, put, findings, check)):
                trail = grid = None
                if own and all(t.explicit for t in own) and len({t.row for t in own}) == 1:
                    trail = shapes.get((id(cols), cells_in_row.get(own[0].row, -1)))
                    grid = _header_grid(tokens, a.tok, own[0].row, cols)
                _put_row(
                    a.row.key, a.label, own, cols, put, findings, check, prefer, pending=pending, trail=trail, grid=grid,
                    inferred=bool(detached and a.row.key in detached),
                )
        if orphans and order is not None:
            # the rows after this one whose labels stand with no numbers (plain pdftotext can print the
            # last rows' labels after their numbers) are among the rows the orphans may belong to
            k = i + 1
            while k < len(plan) and not any(t.kind in (NUM, MARK) for t in plan[k][1]):
                k += 1
            _place_orphans(a, plan[k][0] if k < len(plan) else None, orphans, order, columns, put, findings, check)


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


def _header_grid(tokens: list[Token], at: int, row: int, cols: list[schema.Label]) -> list[tuple[int, str]] | None:
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


def _row_shapes(rows: list[tuple[list[Token], int, int]], cells_in_row: dict[int, int]) -> dict[tuple[int, int], int]:
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


def _fills(r: list[Token], n: int) -> bool:
    return len(r) == n and all(t.kind in (NUM, MARK) and t.x0 >= 0 and not t.glued for t in r)


def _column_model(rows: list[list[Token]], n: int) -> tuple[str, list[float]] | None:
    """Column centres of a space-aligned table, from the rows that fill every column: counted in
    characters or in display columns, whichever lines the rows up better."""
    full = [r for r in rows if _fills(r, n)]
    if n < 2 or len(full) < MIN_MODEL_ROWS:
        return None
    best: tuple[float, str, list[float]] | None = None
    for unit in ("x", "w"):
        cols = list(zip(*[[_centre(t, unit) for t in r] for r in full]))
        centres = [sorted(c)[len(c) // 2] for c in cols]
        if any(b <= a for a, b in zip(centres, centres[1:])):
            continue
        spread = sum(sorted(abs(x - m) for x in c)[len(c) // 2] for c, m in zip(cols, centres))
        if best is None or spread < best[0]:
            best = (spread, unit, centres)
    return (best[1], best[2]) if best else None


def _centre(t: Token, unit: str) -> float:
    return (t.x0 + t.x1) / 2 if unit == "x" else (t.w0 + t.w1) / 2


def _header_model(
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
            xs.append(_centre(t, "x"))
    xs.sort()
    centres: list[float] = []
    for x in xs:  # a two-line label ("其他/结果") names its column twice
        if not centres or x - centres[-1] >= 1:
            centres.append(x)
    return ("x", centres) if len(centres) == n else None


def _put_aligned(
    key: str,
    label: str | None,
    toks: Sequence[Token],
    keys: list[str],
    money: list[bool],
    unit_model: tuple[str, list[float]],
    put: Callable[[str, Placed, str | None], None],
    findings: list[Finding],
    check: Callable[[list[Value]], bool | None] | None = None,
) -> bool:
    """Place a row that lost blank cells by the columns its numbers stand under.  True if placed.

    When the placement breaks the row's sums (restored blanks read as 0) it is doubtful, and not made
    at all when cutting the numbers satisfies them: "0 0 0 0 0 11" with 11 under 其他 and 总计 blank
    is two cells run together (1 | 1), not a lost total."""
    unit, model = unit_model
    vals = [t for t in toks if t.kind != BLANK]
    n = len(keys)
    if len(model) != n or not vals or len(vals) >= n or any(t.x0 < 0 or t.glued for t in vals):
        return False
    if any(t.kind == NUM and read_cell(t.text)[1] != "ok" for t in vals):
        return False  # a token that is no number ("1001,000": two cells run together) places nothing
    centre = [_centre(t, unit) for t in vals]
    # monotone assignment of tokens to columns, least total distance
    m = len(vals)
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
    for x, col in zip(centre, where):
        gaps = [abs(model[col] - model[k]) for k in (col - 1, col + 1) if 0 <= k < n]
        if abs(x - model[col]) > ALIGN_MARGIN * min(gaps):
            return False  # between two columns: leave it to the arithmetic
    by_col = dict(zip(where, vals))
    status = "inferred"
    if check is not None:
        as_read = [read_cell(by_col[i].text)[0] if i in by_col else 0 for i in range(n)]
        if check([0 if v is None else v for v in as_read]) is False:
            if _sum_cands(vals, n, check):
                return False
            status = "doubtful"  # positions alone, against the row's sums: not proven
    for idx, k in enumerate(keys):
        t = by_col.get(idx)
        if t is None:
            # the blank cell the converter dropped: restored empty, by position
            put(k, Placed(Cell("", BLANK, vals[0].start, vals[0].start), None, status), label)
        else:
            v, _, unit = read_cell(t.text, money=money[idx])
            put(k, Placed(Cell(t.text, t.kind, t.start, t.end), v, status, unit), label)
    findings.append(
        Finding(
            "columns_from_positions",
            "info",
            f"{key}: {n - m} blank cell(s) lost in conversion were restored from the columns the numbers stand under",
            keys=tuple(keys),
        )
    )
    return True


def _put_row(
    key: str,
    label: str | None,
    toks: Sequence[Token],
    cols: list[schema.Label],
    put: Callable[[str, Placed, str | None], None],
    findings: list[Finding],
    check: Callable[[list[Value]], bool | None] | None,
    prefer: Callable[[list[Value]], float] | None = None,
    inferred: bool = False,
    pending: dict[str, tuple[list[list[Placed]], str | None, list[str]]] | None = None,
    trail: int | None = None,
    grid: list[tuple[int, str]] | None = None,
) -> None:
    alts: list[list[Placed]] = []
    placed, note = resolve_row(
        toks, len(cols), money=[c.money for c in cols], check=check, prefer=prefer, alternatives=alts, trail=trail, grid=grid,
        signed=[c.signed for c in cols] if any(c.signed for c in cols) else None,
    )
    keys = [f"{key}.{c.key}" for c in cols]
    if pending is not None and len(alts) > 1:
        pending[key] = (alts, label, keys)
    for k, p in zip(keys, placed):
        if inferred and p.status in ("ok", "blank", "not_applicable"):
            p = Placed(p.cell, p.value, "inferred", p.unit)
        put(k, p, label)
    if note:
        findings.append(_row_note(note, key, keys))


def _place_orphans(
    a: Anchor,
    b: Anchor | None,
    orphans: list[list[Token]],
    order: list[str],
    columns: dict[str, list[schema.Label]],
    put: Callable[[str, Placed, str | None], None],
    findings: list[Finding],
    check: Callable[[list[Value]], bool | None] | None,
) -> None:
    ia = order.index(a.row.key)
    ib = order.index(b.row.key) if b is not None else len(order)
    gap = order[ia + 1 : ib]
    n = len(columns[a.row.key])
    # （六）其他处理 is printed either as its numbered sub-rows or as one row, never both
    options = [gap]
    single = [k for k in gap if k.endswith("other_processing.total")]
    subs = [k for k in gap if ".other_processing." in k and not k.endswith(".total")]
    if single and subs:
        options = [[k for k in gap if k not in single], [k for k in gap if k not in subs]]
    flat = [t for g in orphans for t in g]
    # a lone number among rows of numbers is no row: a cell a converter printed apart (see _stray_cells)
    whole = [g for g in orphans if not (n > 2 and len(g) == 1 and g[0].kind == NUM)]
    strays = [g[0] for g in orphans if g not in whole]
    if len(strays) > 1:  # numbers stacked one a line are columns printed down the page, not strays
        whole, strays = orphans, []
    if strays and not whole:
        findings.append(
            Finding(
                "stray_values",
                "warning",
                f"{len(strays)} lone number(s) after row {a.row.key} stand in no row",
                spans=tuple((t.start, t.end) for t in strays),
            )
        )
        return
    for rows in options:
        if not rows:
            continue
        if len(orphans) == len(rows):
            chunks = orphans
        elif len(flat) == n * len(rows) and all(t.kind != BLANK for t in flat):
            chunks = [flat[i * n : (i + 1) * n] for i in range(len(rows))]
        elif strays and len(whole) == len(rows):
            chunks = whole
            findings.append(
                Finding(
                    "stray_values",
                    "warning",
                    f"{len(strays)} lone number(s) between the rows after {a.row.key} stand in no row",
                    spans=tuple((t.start, t.end) for t in strays),
                )
            )
        else:
            continue
        for row_key, chunk in zip(rows, chunks):
            _put_row(row_key, None, chunk, columns[row_key], put, findings, check, inferred=True)
        findings.append(
            Finding(
                "rows_placed_by_order",
                "warning",
                f"{len(rows)} row(s) of numbers without their labels between {a.row.key} and "
                f"{b.row.key if b else 'the end of the table'} were given to the rows missing there, in template order",
                keys=tuple(f"{k}.{c.key}" for k in rows for c in columns[k]),
            )
        )
        return
    findings.append(
        Finding(
            "unassigned_values",
            "warning",
            f"{len(flat)} number(s) after row {a.row.key} belong to no row that was found; they were not used",
            keys=tuple(f"{a.row.key}.{c.key}" for c in columns[a.row.key]),
            spans=(),
        )
    )


def _joint_solve(
    fields: dict[str, Field],
    pending: dict[str, tuple[list[list[Placed]], str | None, list[str]]],
    edition: str,
    put: Callable[[str, Placed, str | None], None],
    findings: list[Finding],
) -> None:
    """Rows whose own sum (R3) leaves several placements: try every combination of them against the
    table's column relations (R1, R2) with the other rows as read.  A cell on which every combination
    that satisfies them agrees is inferred; the rest stay doubtful."""
    from . import validate

    rows = list(pending.items())
    n_comb = 1
    for _, (alts, _, _) in rows:
        n_comb *= len(alts)
    if n_comb > MAX_COMBINATIONS:
        return
    amb_keys = {k for _, (_, _, keys) in rows for k in keys}
    rels = [(lhs, rhs) for rule, lhs, rhs in validate.relations(edition, fields) if rule in ("R1", "R2") and amb_keys & set(lhs + rhs)]
    if not rels:
        return
    base = {k: f.value for k, f in fields.items()}
    passing: list[tuple[int, ...]] = []
    for combo in itertools.product(*[range(len(alts)) for _, (alts, _, _) in rows]):
        vals = dict(base)
        for (_, (alts, _, keys)), i in zip(rows, combo):
            for k, p in zip(keys, alts[i]):
                vals[k] = p.value
        ok = True
        for lhs, rhs in rels:
            xs = [vals.get(k) for k in lhs + rhs]
            if any(x is None for x in xs):
                continue
            if abs(sum(vals[k] for k in lhs) - sum(vals[k] for k in rhs)) > 1e-6:  # type: ignore[misc]
                ok = False
                break
        if ok:
            passing.append(combo)
            if len(passing) > MAX_ALTERNATIVES:
                return  # the sums do not narrow it down
    if not passing:
        return
    solved: list[str] = []
    for idx, (_, (alts, label, keys)) in enumerate(rows):
        for col, k in enumerate(keys):
            choices = {_vkey((alts[c[idx]][col].value, alts[c[idx]][col].status, None)) for c in passing}
            if len(choices) == 1:
                p = alts[passing[0][idx]][col]
                put(k, Placed(p.cell, p.value, "inferred" if p.status != "missing" else p.status, p.unit), label)
                solved.append(k)
    if solved:
        findings.append(
            Finding(
                "solved_by_table_sums",
                "info",
                f"{len(solved)} cell(s) that their row's sum left open were placed by the table's column sums (R1, R2)",
                keys=tuple(solved),
            )
        )


def _prefer_part4(prefer: Callable[[list[Value]], float], narrative: frozenset[float]) -> Callable[[list[Value]], float]:
    """R7 for part 四: the narrative states the numbers of the table, and the lawsuits as one figure
    ("行政诉讼 46 件，其中结果维持 25 件…" is 直接起诉 + 复议后起诉, column by column)."""

    def score(v: list[Value]) -> float:
        both = [a + b for a, b in zip(v[5:10], v[10:15]) if a is not None and b is not None]
        return prefer(v) + sum(1 for x in both if x >= NARRATIVE_MIN_VALUE and x in narrative)

    return score


def _regroup_part4(placed: list[Placed], narrative: frozenset[float]) -> tuple[list[Placed], str] | None:
    """Part 四's fifteen numbers in a converter's block order, regrouped by R4.

    Plain pdftotext prints the value row of part 四 block by block, not column by column: in the
    Huai'an report ``72 64 178 37 | 12 1 1 6 | 351 | 13 4 8 1 26 | 20``.  When the reading order
    breaks R4 (总计 = 维持 + 纠正 + 其他 + 尚未审结) in a group, look for the ways to split the
    fifteen numbers into three in-order runs of five that each satisfy R4, keep those made of the
    fewest contiguous blocks, and order the groups by where their 总计 stands.  Arithmetic never
    tells 复议 from the two 诉讼 groups, so the cells are ``doubtful``; the 复议 group is ``inferred``
    when the narrative states its total and no other group's.
    """
    if len(placed) != 15 or any(p.cell is None or p.cell.kind != NUM or p.cell.split or p.value is None for p in placed):
        return None
    v = [p.value for p in placed]
    if _r4_check(v) is not False:
        return None
    splits: list[tuple[tuple[int, ...], ...]] = []
    _r4_splits(v, list(range(15)), (), splits)
    if not splits or len(splits) > MAX_ALTERNATIVES:
        return None

    def runs(g: tuple[int, ...]) -> int:
        return 1 + sum(1 for a, b in zip(g, g[1:]) if b != a + 1)

    fewest = min(sum(runs(g) for g in sp) for sp in splits)
    best = [tuple(sorted(sp, key=lambda g: g[4])) for sp in splits if sum(runs(g) for g in sp) == fewest]
    # every candidate reading: each split in the chosen order, and in every other order of its groups
    chosen = best[0]
    readings = {tuple(i for g in perm for i in g) for sp in best for perm in itertools.permutations(sp)}
    stated = [g for g in chosen if (v[g[4]] or 0) >= NARRATIVE_MIN_VALUE and v[g[4]] in narrative]
    review_proved = len(stated) == 1 and stated[0] == chosen[0]
    order = [i for g in chosen for i in g]
    out: list[Placed] = []
    for col, i in enumerate(order):
        # only the 复议 group can be proved (by the narrative), and only when no other split of the
        # fewest blocks gives it other numbers; a zero that every reading agrees on stays doubtful too,
        # since a source whose own sums are wrong can also be regrouped
        same = col < 5 and review_proved and all(v[r[col]] == v[i] for r in readings if r[:5] == tuple(order[:5]))
        status = "inferred" if same else "doubtful"
        out.append(Placed(placed[i].cell, placed[i].value, status, placed[i].unit))
    how = (
        "part 四's numbers were not in column order (a converter's block order); they were regrouped so that "
        f"every group satisfies R4 ({len(best)} such grouping(s) of the fewest blocks), the groups taken in the "
        "order of their 总计 cells; arithmetic cannot tell 复议 from 直接起诉 and 复议后起诉, so the cells are "
        "doubtful" + (" (the 复议 group is inferred: the narrative states its total)" if review_proved else "")
    )
    return out, how


def _r4_splits(v: list[Value], rest: list[int], acc: tuple[tuple[int, ...], ...], out: list[tuple[tuple[int, ...], ...]]) -> None:
    """Every split of the positions ``rest`` into in-order groups of five whose last is the sum of
    the other four (the first remaining position always opens the next group, so each split is found once)."""
    if len(out) > MAX_ALTERNATIVES:
        return
    if not rest:
        out.append(acc)
        return
    first, others = rest[0], rest[1:]
    for pick in itertools.combinations(others, 4):
        g = (first, *pick)
        if abs(sum(v[i] for i in g[:4]) - v[g[4]]) < 1e-6:  # type: ignore[misc,operator]
            left = [i for i in others if i not in pick]
            _r4_splits(v, left, (*acc, g), out)


def _r3_check(v: list[Value]) -> bool | None:
    if any(x is None for x in v):
        return None
    return abs(sum(v[:-1]) - v[-1]) < 1e-6  # type: ignore[arg-type,operator]


def _r4_check(v: list[Value]) -> bool | None:
    res: bool | None = None
    for g in range(3):
        grp = v[g * 5 : g * 5 + 5]
        if any(x is None for x in grp):
            continue
        ok = abs(sum(grp[:4]) - grp[4]) < 1e-6  # type: ignore[arg-type,operator]
        if not ok:
            return False
        res = True
    return res


# the sums of a row checked by each check: group sizes, each group's last cell the sum of the others
_SUM_GROUPS: dict[Callable[[list[Value]], bool | None], tuple[int, ...]] = {_r3_check: (7,), _r4_check: (5, 5, 5)}


# -- labels that stand apart from their numbers ---------------------------------------------------
def _strong(tokens: list[Token], a: Anchor, nxt: int) -> bool:
    """A label on the row of its numbers (a pipe, tab or aligned row): nothing else can be its row."""
    rows = {tokens[a.tok].row, tokens[a.end_tok].row}
    for t in tokens[a.end_tok + 1 : nxt]:
        if t.kind in (NUM, MARK, BLANK):
            return t.row in rows or tokens[a.tok].row <= t.row <= tokens[a.end_tok].row
    return False  # a label with no numbers after it stands apart from them


def _numbers_before(tokens: list[Token], anchors: list[Anchor], strong: list[bool]) -> list[Anchor] | None:
    """Every label that stands apart from its numbers takes the row of numbers printed just above it
    (a wrapped or merged label cell set lower than its row: pdfplumber, PDF-to-markdown converters).
    None when no label has such a row free above it."""
    import dataclasses

    out: list[Anchor] = []
    moved = False
    for i, a in enumerate(anchors):
        if strong[i]:
            out.append(a)
            continue
        floor = anchors[i - 1].end_tok + 1 if i else 0
        own_rows = {tokens[anchors[i - 1].tok].row, tokens[anchors[i - 1].end_tok].row} if i and strong[i - 1] else set()
        j = a.tok - 1
        while j >= floor and tokens[j].kind not in (NUM, MARK):
            j -= 1
        if j < floor or tokens[j].row in own_rows:
            out.append(a)
            continue
        row = tokens[j].row
        while j - 1 >= floor and tokens[j - 1].row == row and tokens[j - 1].kind in (NUM, MARK, BLANK):
            j -= 1
        out.append(dataclasses.replace(a, tok=j - 1, end_tok=j - 1))
        moved = True
    return out if moved else None


def _arbitrate_loose_labels(
    norm: Normalized,
    tokens: list[Token],
    anchors: list[Anchor],
    hi: int,
    rows: list[Row],
    cols: list[schema.Label],
    edition: str,
    fields: dict[str, Field],
    own_findings: list[Finding],
    put: Callable[[str, Placed, str | None], None],
    findings: list[Finding],
) -> list[Finding]:
    """Part 三's rows whose labels stand apart from their numbers, read three ways, one arbiter.

    A label on a line of its own may belong to the numbers below it (the usual case), to the numbers
    above it (a wrapped label set lower than its row: pdfplumber, PDF-to-markdown), or to neither (a
    converter that printed the labels of a block together and its label-less rows after them: the rows
    then take the numbers in template order between the labels that do stand on their rows).  A reading
    survives when it places every row and every number and breaks none of R1–R3.  Cells on which the
    readings disagree take the value every surviving reading gives (inferred, the finding names the
    evidence); without such a value they are doubtful.
    """
    anchors = sorted(anchors, key=lambda x: x.tok)
    strong = [_strong(tokens, a, anchors[i + 1].tok if i + 1 < len(anchors) else hi) for i, a in enumerate(anchors)]
    if all(strong) or not anchors:
        return []
    cmap = {r.key: cols for r in rows}
    order = [r.key for r in rows]
    readings: list[tuple[str, dict[str, Field], list[Finding]]] = [("labels", fields, own_findings)]
    alts = {"labels_on_their_rows": [a for a, s in zip(anchors, strong) if s]}
    before = _numbers_before(tokens, anchors, strong)
    if before is not None:
        alts["numbers_above_labels"] = before
    for name, alt in alts.items():
        got: dict[str, Field] = {}
        fnd: list[Finding] = []

        def put_alt(k: str, p: Placed, label: str | None, got: dict[str, Field] = got) -> None:
            span = norm.to_orig((p.cell.start, p.cell.end)) if p.cell is not None else None
            raw = norm.original[span[0] : span[1]] if span is not None else None
            got[k] = Field(k, p.value, p.status, raw, span, label, p.unit)  # type: ignore[arg-type]

        _place_rows(tokens, alt, hi, cmap, put_alt, fnd, check=_r3_check, order=order)
        readings.append((name, got, fnd))
    keys = [f"{r.key}.{c.key}" for r in rows for c in cols]
    alive = [name for name, got, fnd in readings if _survives(got, fnd, rows, cols, edition)]
    if not alive and _survives(fields, own_findings, rows, cols, edition, sums=False):
        # no reading keeps the sums, but the labels' reading places every row and number: the source's
        # own arithmetic is off (validate flags it); readings that leave rows empty prove nothing
        return [f for _, _, fnd in readings[1:] for f in fnd]
    decided: list[str] = []
    doubted: list[str] = []
    def tokens_of(got: Mapping[str, Field], row: str) -> frozenset[tuple[int, int]]:
        return frozenset(f.span for c in cols if (f := got.get(f"{row}.{c.key}")) is not None and f.span and f.span[1] > f.span[0])

    # readings that give a row the same numbers agree on it, however each placed them in its columns
    same_rows = {
        r.key for r in rows if len({tokens_of(got, r.key) for _, got, _ in readings if tokens_of(got, r.key)}) <= 1
        and tokens_of(fields, r.key)
    }
    for k in keys:
        if k.rsplit(".", 1)[0] in same_rows:
            continue
        says = {name: got[k] for name, got, _ in readings if k in got and got[k].status != "missing"}
        mine = fields.get(k)
        unread = mine is None or mine.status == "missing"
        if len({_fkey(f) for f in says.values()}) <= 1 and not (unread and says):
            continue
        live = {_fkey(says[n]) for n in alive if n in says}
        if len(live) == 1 and all(n in says for n in alive):
            win = says[next(n for n in alive if n in says)]
            if mine is not None and not unread and _fkey(mine) == _fkey(win) and "labels" in alive:
                continue
            put(k, Placed(None, win.value, "inferred" if win.status in ("ok", "blank", "not_applicable") else win.status, win.unit), win.label)
            fields[k] = dataclasses_replace(fields[k], raw=win.raw, span=win.span)
            decided.append(k)
        elif mine is not None and not unread and mine.status != "doubtful":
            fields[k] = dataclasses_replace(mine, status="doubtful")
            doubted.append(k)
    if decided:
        findings.append(
            Finding(
                "rows_placed_by_order",
                "warning",
                f"part 三's labels stand apart from their numbers; {len(decided)} cell(s) were read as the only "
                f"reading that places every row and number and keeps R1–R3 does ({', '.join(alive)})",
                keys=tuple(decided),
            )
        )
    if doubted:
        findings.append(
            Finding(
                "ambiguous_rows",
                "warning",
                f"part 三's labels stand apart from their numbers and the readings ({', '.join(n for n, _, _ in readings)}) "
                f"give {len(doubted)} cell(s) different values that the arithmetic cannot decide between",
                keys=tuple(doubted),
            )
        )
    return [f for _, _, fnd in readings[1:] for f in fnd]


def _stray_cells(
    norm: Normalized,
    part_findings: Sequence[Finding],
    edition: str,
    fields: dict[str, Field],
    put: Callable[[str, Placed, str | None], None],
    findings: list[Finding],
) -> None:
    """A lone number printed apart from part 三's rows goes back into the one blank cell that the
    table's sums (R1, R3) say holds exactly that number (a PDF-to-markdown converter lifted the
    kewei report's 结转 总计 out of its row).  Blank cells that several strays or several relations
    could fill are left doubtful rather than blank."""
    from . import validate

    spans = {sp for f in part_findings if f.code == "stray_values" for sp in f.spans}
    if not spans:
        return
    strays = {sp: read_cell(norm.text[sp[0] : sp[1]])[0] for sp in sorted(spans)}
    want: dict[str, set[float]] = {}
    for rule, lhs, rhs in validate.relations(edition, fields):
        if rule not in ("R1", "R3"):
            continue
        ks = lhs + rhs
        blanks = [k for k in ks if fields.get(k) is not None and fields[k].status == "blank"]
        if len(blanks) != 1 or any(fields.get(k) is None or (fields[k].value is None and k not in blanks) for k in ks):
            continue
        b = blanks[0]
        side = sum(fields[k].value for k in (lhs if b in rhs else rhs))  # type: ignore[misc]
        other = sum(fields[k].value for k in (rhs if b in rhs else lhs) if k != b)  # type: ignore[misc]
        want.setdefault(b, set()).add(float(side - other))
    for sp, v in strays.items():
        fit = [k for k, xs in want.items() if v is not None and xs == {float(v)}]
        if len(fit) == 1:
            k = fit[0]
            put(k, Placed(Cell(norm.text[sp[0] : sp[1]], NUM, sp[0], sp[1]), v, "inferred"), fields[k].label)
            findings.append(
                Finding(
                    "detached_cells",
                    "warning",
                    f"a lone number ({v}) printed apart from part 三's rows was put back into the one blank cell "
                    "the table's sums give it to (status inferred)",
                    keys=(k,),
                )
            )
        else:
            for k in fit:
                fields[k] = dataclasses_replace(fields[k], status="doubtful")


def _doubt_between_gaps(
    part_findings: Sequence[Finding], rows: list[Row], cols: list[schema.Label], fields: dict[str, Field], findings: list[Finding]
) -> None:
    """Numbers left over after some row and rows with no numbers in the same table: some numbers went
    to the wrong rows (a label printed apart from its row took the next row's numbers).  Which ones
    the text cannot say, so every row read between the first and the last of these gaps is doubtful."""
    order = [r.key for r in rows]
    left = {k.rsplit(".", 1)[0] for f in part_findings if f.code == "unassigned_values" for k in f.keys}
    at = [order.index(k) for k in left if k in order]
    printed = [r.key for r in rows if not r.key.startswith("applications.other_processing.")]
    empty = [order.index(k) for k in printed if all(fields.get(f"{k}.{c.key}") is None or fields[f"{k}.{c.key}"].status == "missing" for c in cols)]
    if not at or not empty:
        return
    lo, hi = min(at + empty), max(at + empty) + 1
    doubted = []
    for k in order[lo : hi + 1]:
        for c in cols:
            f = fields.get(f"{k}.{c.key}")
            if f is not None and f.status in ("ok", "blank", "not_applicable", "inferred"):
                fields[f.key] = dataclasses_replace(f, status="doubtful")
                doubted.append(f.key)
    if doubted:
        findings.append(
            Finding(
                "ambiguous_rows",
                "warning",
                f"numbers left over and rows without numbers in part 三: the {len(doubted)} cell(s) read between "
                "them may stand in the wrong rows",
                keys=tuple(doubted),
            )
        )


def _fkey(f: Field) -> tuple[str, float | None]:
    st = f.status if f.status in ("blank", "not_applicable") else "v"
    return (st, None if f.value is None else float(f.value))


def dataclasses_replace(f: Field, **kw: object) -> Field:
    import dataclasses

    return dataclasses.replace(f, **kw)  # type: ignore[arg-type]


def _survives(
    got: Mapping[str, Field], fnd: Sequence[Finding], rows: list[Row], cols: list[schema.Label], edition: str, sums: bool = True
) -> bool:
    """A reading of part 三 that places every row and number and (with ``sums``) breaks no relation."""
    from . import validate

    if any(f.code in ("unassigned_values",) for f in fnd):
        return False
    printed = [r for r in rows if not r.key.startswith("applications.other_processing.")]
    if any(all(f"{r.key}.{c.key}" not in got for c in cols) for r in printed):
        return False
    if not sums:
        return True
    view = {k: f for k, f in got.items()}
    for rule, lhs, rhs in validate.relations(edition, view):  # type: ignore[arg-type]
        if rule not in ("R1", "R2", "R3"):
            continue
        xs = [view.get(k) for k in lhs + rhs]
        if any(x is None or x.value is None for x in xs):
            continue
        if abs(sum(view[k].value for k in lhs) - sum(view[k].value for k in rhs)) > 1e-6:  # type: ignore[misc]
            return False
    return True


#: a decrease printed before the digits of a 本年增/减 cell
_MINUS = frozenset({"-", "减", "减少", "−", "–"})


def _attach_signs(tokens: list[Token], lo: int, hi: int) -> None:
    """Signs that the tokenizer left as text ("2648-18538", "减少15"): joined to the number they open.

    A minus glued between two numbers is a date's or a range's in prose, but in part 二 of the 2019
    edition it opens the 本年增/减 cell.  The sign token becomes the number (its span the sign and the
    digits: the raw text shows the sign), the digits token an empty text token, so token indices hold.
    """
    import dataclasses

    for i in range(lo, min(hi, len(tokens)) - 1):
        t, u = tokens[i], tokens[i + 1]
        if t.kind == TEXT and t.text in _MINUS and u.kind == NUM and u.start == t.end and u.text[:1] not in "+-":
            tokens[i] = dataclasses.replace(u, start=t.start, text="-" + u.text)
            tokens[i + 1] = dataclasses.replace(u, kind=TEXT, text="", start=u.end)
