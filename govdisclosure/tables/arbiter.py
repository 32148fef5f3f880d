"""The arbiter: the one place where readings become fields.

It keeps the board (key → field), applies the readings of a table in the order its part module
registers them, and decides:

- a *row* is read by the first of its part's row readings that proposes a reading (they are listed
  from the firmest evidence to the weakest: a detached cell put back, the columns the numbers stand
  under, part 四's R4 groups, glued digits cut by the sums, token order); the placements of a row's
  tokens (``resolve.py``) are narrowed here by the table's column evidence, the row's sum and the
  narrative, and a cell is confident only where every surviving placement agrees (``RowDecision``);
- a *table* reading (mode "read") is applied as proposed (right after the row it follows, when it
  reads the numbers after a row); where it confidently proposes another
  value for a cell an earlier reading decided confidently, the cell becomes ``doubtful`` and the
  finding ``readings_disagree`` names both readings;
- the whole-table solver then places the cells that their row's sum left open by the table's column
  sums (R1, R2);
- a *repair* reading (mode "repair") fills only cells no earlier reading decided (missing or
  doubtful), and the cells it names in ``overrides`` (a row read against its own sum).
"""

from __future__ import annotations

import itertools
import math
import operator
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass

import regex

from .. import schema
from ..labels import Row, keyed
from ..layout import BLANK, MARK, NUM, TEXT, Token
from ..normalize import Normalized, key_normalized
from ..report import Field, Finding
from .columns import cell_gap
from .model import (
    MAX_ALTERNATIVES,
    MAX_COMBINATIONS,
    MAX_KEPT_ALTERNATIVES,
    Alternatives,
    Cell,
    Check,
    Grid,
    Placed,
    PlanRow,
    Prefer,
    Reading,
    RowContext,
    TableContext,
    Value,
    _cell_value,
    _vkey,
    cell_of,
)

RowReading = Callable[[RowContext], list[Reading]]
TableReading = Callable[[TableContext], list[Reading]]
CONFIDENT = ("ok", "blank", "not_applicable", "inferred")
Result = tuple[list[Placed], str | None]


class Arbiter:
    """The board of one document's tables and the findings raised while filling it."""

    def __init__(self, norm: Normalized, edition: str, *, spans: bool = True) -> None:
        self.norm = norm
        self.edition = edition
        # whether fields carry their span and raw text: not for a board read again under other labels
        # (``TableContext.reread``), whose fields only decide and never reach the report
        self.spans = spans
        self.fields: dict[str, Field] = {}
        self.findings: list[Finding] = []
        self.source: dict[str, str] = {}  # key -> the reading that decided it
        self.pending: dict[str, Alternatives] = {}
        self.placed: dict[str, Placed] = {}  # key -> the cell as placed (spans in the normalised text)
        # row -> the placements its reading could not choose between, and the row's fields as the reading
        # put them: kept for the report (``kept_alternatives``)
        self.open: dict[str, tuple[Alternatives, list[Field | None]]] = {}
        # keys a step after the row readings found in doubt, doubtful already or not (``kept_alternatives``)
        self.questioned: set[str] = set()

    def note(self, finding: Finding) -> None:
        self.findings.append(finding)

    def field(self, k: str, p: Placed, label: str | None) -> Field:
        """The field of a placed cell, its span and raw text in the text that was parsed."""
        c = p.cell
        if c is None or not self.spans:
            return Field(k, p.value, p.status, None, None, label, p.unit)  # type: ignore[arg-type]
        norm = self.norm
        span = norm.to_orig((c.start, c.end))
        return Field(k, p.value, p.status, norm.original[span[0] : span[1]], span, label, p.unit)  # type: ignore[arg-type]

    def _put(self, k: str, p: Placed, label: str | None, name: str) -> None:
        self.fields[k] = self.field(k, p, label)
        self.source[k] = name
        self.placed[k] = p

    def apply(self, r: Reading) -> None:
        """Put a reading's cells on the board (see the module for the rules), then its findings."""
        disagree: list[str] = []
        fields, mode, labels, name, put = self.fields, r.mode, r.labels, r.name, self._put
        field, source, placed = self.field, self.source, self.placed
        for k, p in r.cells.items():
            old = fields.get(k)
            if old is None:  # nothing decided yet: every mode puts the cell (the common case; _put inlined)
                fields[k] = field(k, p, labels.get(k))
                source[k] = name
                placed[k] = p
                continue
            if mode == "repair" and not (old.status in ("missing", "doubtful") or k in r.overrides):
                continue
            if mode == "read" and p.status in CONFIDENT and old.value != p.value and (
                    old.status in CONFIDENT or old.value is not None):
                # two readings, different values: neither is confident (a row read as empty cells
                # under its wrapped label, after a reading gave it the label-less numbers above)
                disagree.append(k)
                continue
            put(k, p, labels.get(k), name)
        self.findings += r.findings
        self.pending.update(r.alternatives)
        for row, alt in r.alternatives:
            self.open[row] = (alt, [fields.get(k) for k in alt[2]])
        if disagree:
            self._disagree(r, disagree)

    def _disagree(self, r: Reading, keys: list[str]) -> None:
        """Two readings confidently read different values: the earlier value stays, in doubt."""
        self.questioned.update(keys)
        for k in keys:
            old = self.fields[k]
            self.fields[k] = Field(k, old.value, "doubtful", old.raw, old.span, old.label, old.unit)
        earlier = sorted({self.source[k] for k in keys})
        self.findings.append(Finding(
            "readings_disagree",
            "warning",
            f"{len(keys)} cell(s) read by {', '.join(earlier)} were read otherwise by {r.name} ({r.evidence}); "
            "they are doubtful",
            keys=tuple(keys),
        ))

    def read_row(self, ctx: RowContext, readings: Sequence[RowReading]) -> None:
        """The row read by the first reading that proposes one."""
        for read in readings:
            proposed = read(ctx)
            if proposed:
                for r in proposed:
                    self.apply(r)
                return

    def run(
        self, table: TableContext, rows: Sequence[RowContext], row_readings: Sequence[RowReading],
        readings: Sequence[TableReading], repairs: Sequence[TableReading], *, joint: bool = False,
    ) -> None:
        """A table: its rows, its table readings, the whole-table solver, its repairs, in that order.

        Table readings read the tokens, not the board: they are gathered first, and one that reads the
        numbers after a row (``after``) is applied right after that row, in the rows' order."""
        gathered = [r for read in readings for r in read(table)]
        by_row = {ctx.where: ctx for ctx in rows}
        for key in [p.anchor.row.key for p in table.plan] or list(by_row):
            if key in by_row:
                self.read_row(by_row[key], row_readings)
            for r in gathered:
                if r.after == key:
                    self.apply(r)
        for r in gathered:
            if r.after is None:
                self.apply(r)
        if joint and self.pending:
            self.solve_jointly()
        self.pending.clear()
        for read in repairs:
            for r in read(table):
                self.apply(r)

    def solve_jointly(self) -> None:
        """Rows whose own sum (R3) leaves several placements: try every combination of them against the
        table's column relations (R1, R2) with the other rows as read.  A cell on which every combination
        that satisfies them agrees is inferred; the rest stay doubtful, as one of those combinations gives
        them (the one that keeps most rows as read): the rows as read may keep no column sum, and a sum
        that fails would doubt whole columns the combinations agree on."""
        rows = list(self.pending.items())
        passing, assessed = _passing_combinations(self.fields, rows, self.edition)
        if not passing:
            return
        fields = self.fields
        kept = max(passing, key=lambda c: sum(
            all((f := fields.get(k)) is not None and f.value == p.value for k, p in zip(keys, alts[c[idx]]))
            for idx, (_, (alts, _, keys)) in enumerate(rows)))
        solved: list[str] = []
        for idx, (_, (alts, label, keys)) in enumerate(rows):
            for col, k in enumerate(keys):
                choices = {_vkey((alts[c[idx]][col].value, alts[c[idx]][col].status, None)) for c in passing}
                # (a cell no column sum could be checked on passes them all without proving anything)
                if len(choices) == 1 and k in assessed:
                    p = alts[passing[0][idx]][col]
                    self._put(k, Placed(p.cell, p.value, "inferred" if p.status != "missing" else p.status, p.unit), label, "joint_solve")
                    solved.append(k)
                elif len(choices) > 1 and (f := fields.get(k)) is not None and f.value != (p := alts[kept[idx]][col]).value:
                    self._put(k, Placed(p.cell, p.value, "doubtful", p.unit), label, "joint_solve")
        if solved:
            self.findings.append(Finding(
                "solved_by_table_sums",
                "info",
                f"{len(solved)} cell(s) that their row's sum left open were placed by the table's column sums (R1, R2)",
                keys=tuple(solved),
            ))


def _passing_combinations(
    fields: dict[str, Field], rows: list[tuple[str, Alternatives]], edition: str
) -> tuple[list[tuple[int, ...]], set[str]]:
    """The combinations of the rows' placements under which every R1/R2 relation they take part in
    holds, and the keys that a relation with every value known checks under each of them.

    The combinations are those of ``itertools.product`` over the rows' placements, in its order, found
    by backtracking (``_Combinations``): a relation is checked as soon as the last row that holds one
    of its keys is placed, and a combination of the first rows that breaks one is not extended."""
    from .. import validate

    n_comb = 1
    for _, (alts, _, _) in rows:
        n_comb *= len(alts)
    amb_keys = {k for _, (_, _, keys) in rows for k in keys}
    rels = [(lhs, rhs) for rule, lhs, rhs in validate.relations(edition, fields) if rule in ("R1", "R2") and amb_keys & set(lhs + rhs)]
    if not rels:
        return [], set()
    if n_comb > MAX_COMBINATIONS:
        return _in_two_halves(fields, rows, rels)
    search = _Combinations(fields, rows, rels)
    if not search.extend(0):
        return [], set()  # the sums do not narrow it down
    return search.passing, search.assessed or set()


class _Combinations:
    """The backtracking of :func:`_passing_combinations`.  ``over`` holds the values the rows placed so
    far give their keys (a later row's over an earlier one's, as row after row), ``base`` the board's."""

    def __init__(
        self, fields: Mapping[str, Field], rows: list[tuple[str, Alternatives]], rels: list[tuple[tuple[str, ...], tuple[str, ...]]]
    ) -> None:
        self.base = {k: f.value for k, f in fields.items()}
        self.rows = rows
        self.rels = rels
        # each relation is checked once the last row that holds one of its keys is placed (its keys, and
        # how many of them are on its left); one with a key no row places left empty holds whatever they place
        last = {k: i for i, (_, (_, _, keys)) in enumerate(rows) for k in keys}
        self.due: list[list[tuple[tuple[str, ...], int]]] = [[] for _ in rows]
        for lhs, rhs in rels:
            if all(k in last or self.base.get(k) is not None for k in lhs + rhs):
                self.due[max(last[k] for k in lhs + rhs if k in last)].append((lhs + rhs, len(lhs)))
        # each row's placements as their values, and whether the row's keys are its own (no other row
        # before it has one, none twice) and every placement fills them all: then a placement writes
        # over the one before it, and the keys are cleared once the row is done (see extend)
        self.values = [[[p.value for p in alt] for alt in alts] for _, (alts, _, _) in rows]
        self.own: list[bool] = []
        earlier: set[str] = set()
        for _, (alts, _, keys) in rows:
            self.own.append(len(set(keys)) == len(keys) and earlier.isdisjoint(keys) and all(len(a) == len(keys) for a in alts))
            earlier.update(keys)
        self.over: dict[str, Value] = {}
        self.combo: list[int] = []
        self.passing: list[tuple[int, ...]] = []
        self.assessed: set[str] | None = None

    def value(self, k: str) -> Value:
        over = self.over
        return over[k] if k in over else self.base.get(k)

    def holds(self, keys: tuple[str, ...], left: int) -> bool:
        """:func:`_holds` under the values placed so far (``keys`` the left's then the right's)."""
        over, base = self.over, self.base
        xs = [over[k] if k in over else base.get(k) for k in keys]
        if None in xs:
            return True
        return abs(sum(xs[:left]) - sum(xs[left:])) <= 1e-6  # type: ignore[arg-type]

    def extend(self, r: int) -> bool:
        """Every combination of the rows from ``r`` on after those placed; False once more than
        MAX_ALTERNATIVES pass."""
        if r == len(self.rows):
            return self.found()
        keys = self.rows[r][1][2]
        over, missing, due, own = self.over, object(), self.due[r], self.own[r]
        stop = False
        for i, vals in enumerate(self.values[r]):
            before = {} if own else {k: over.get(k, missing) for k in keys[: len(vals)]}
            over.update(zip(keys, vals))
            self.combo.append(i)
            ok = all(self.holds(rel, left) for rel, left in due) and self.extend(r + 1)
            self.combo.pop()
            for k, old in before.items():
                if old is missing:
                    del over[k]
                else:
                    over[k] = old  # type: ignore[assignment]
            if not ok and len(self.passing) > MAX_ALTERNATIVES:
                stop = True
                break
        if own:
            for k in keys:
                over.pop(k, None)
        return not stop

    def found(self) -> bool:
        """A combination that keeps every relation: kept, with the keys it checks."""
        self.passing.append(tuple(self.combo))
        checked = _checked(self.rels, self.value)
        self.assessed = checked if self.assessed is None else self.assessed & checked
        return len(self.passing) <= MAX_ALTERNATIVES


Terms = list[tuple[tuple[float, ...], int]]  # a row's placements: what each adds to the live relations, and its unknowns
Half = list[tuple[tuple[int, ...], tuple[float, ...], int]]  # combinations of some rows, their sums and unknowns


def _in_two_halves(
    fields: Mapping[str, Field], rows: list[tuple[str, Alternatives]], rels: list[tuple[tuple[str, ...], tuple[str, ...]]]
) -> tuple[list[tuple[int, ...]], set[str]]:
    """:func:`_passing_combinations` where the rows' placements combine too many ways to try one by one
    (a crawler's part 三, every row glued, each of seventeen rows cut two to five ways that keep its own
    sum, and the column relations checked only once （七）总计 is placed): the combinations of the
    first rows and of the last are each summed into what they add to every relation, and a combination
    passes where the two halves' sums cancel in every relation whose values are all known.  The same
    combinations as the backtracking finds, in the same order; none where more than MAX_ALTERNATIVES
    pass or a half has more than MAX_COMBINATIONS."""
    base = {k: f.value for k, f in fields.items()}
    placed = {k for _, (_, _, keys) in rows for k in keys}
    if any(len(set(keys)) != len(keys) or any(len(a) != len(keys) for a in alts) for _, (alts, _, keys) in rows) or sum(
            len(keys) for _, (_, _, keys) in rows) != len(placed):
        return [], set()  # rows that share keys: the backtracking's order of writing matters
    # what the board adds to each relation (left minus right); a relation with a value it leaves unknown holds
    rest: list[float | None] = []
    for lhs, rhs in rels:
        xs = [base.get(k) for k in lhs + rhs if k not in placed]
        rest.append(None if None in xs else sum(base[k] for k in lhs if k not in placed) - sum(base[k] for k in rhs if k not in placed))  # type: ignore[misc]
    live = [j for j, r in enumerate(rest) if r is not None]
    per_row = [_terms(alts, keys, [rels[j] for j in live]) for _, (alts, _, keys) in rows]
    split, size, total = 0, 1, math.prod(len(t) for t in per_row)
    while split < len(rows) and size * len(per_row[split]) <= MAX_COMBINATIONS and size * size < total:
        size *= len(per_row[split])
        split += 1
    if total // size > MAX_COMBINATIONS:
        return [], set()
    passing = _matched(_half(per_row[:split], len(live)), _half(per_row[split:], len(live)), [rest[j] for j in live])  # type: ignore[misc]
    if passing is None:
        return [], set()
    assessed: set[str] | None = None
    for combo in passing:
        vals = dict(base)
        for (_, (alts, _, keys)), i in zip(rows, combo):
            vals.update(zip(keys, (p.value for p in alts[i])))
        checked = _checked(rels, vals.get)
        assessed = checked if assessed is None else assessed & checked
    return passing, assessed or set()


def _checked(rels: list[tuple[tuple[str, ...], tuple[str, ...]]], value: Callable[[str], Value]) -> set[str]:
    """The keys of the relations whose values ``value`` gives are all known: those a combination checks."""
    return {k for lhs, rhs in rels if all(value(x) is not None for x in lhs + rhs) for k in lhs + rhs}


def _terms(alts: list[list[Placed]], keys: list[str], rels: list[tuple[tuple[str, ...], tuple[str, ...]]]) -> Terms:
    """Each placement of a row: what it adds to each relation (left minus right), and the relations it
    leaves a value unknown in (a bit each)."""
    out = []
    for alt in alts:
        vals = dict(zip(keys, (p.value for p in alt)))
        add, unknown = [], 0
        for bit, (lhs, rhs) in enumerate(rels):
            xs = [(1, vals[k]) for k in lhs if k in vals] + [(-1, vals[k]) for k in rhs if k in vals]
            if any(v is None for _, v in xs):
                unknown |= 1 << bit
            add.append(sum(sgn * v for sgn, v in xs if v is not None))  # type: ignore[misc]
        out.append((tuple(add), unknown))
    return out


def _half(rows: Sequence[Terms], width: int) -> Half:
    """Every combination of ``rows``' placements in itertools.product's order, its sums and unknowns."""
    out: Half = [((), (0.0,) * width, 0)]
    for terms in rows:
        out = [(c + (i,), tuple(map(operator.add, add, a)), u | ua) for c, add, u in out for i, (a, ua) in enumerate(terms)]
    return out


def _matched(first: Half, last: Half, rest: Sequence[float]) -> list[tuple[int, ...]] | None:
    """The combinations of a first half and a last whose sums and the board's cancel in every relation
    neither leaves unknown, in order; None where more than MAX_ALTERNATIVES do."""
    index: dict[tuple[int, int], dict[tuple[float, ...], list[tuple[int, ...]]]] = {}
    passing: list[tuple[int, ...]] = []
    masks = sorted({u for _, _, u in first})
    for combo_b, add_b, unknown_b in last:
        for unknown_a in masks:
            known = [j for j in range(len(rest)) if not (unknown_a | unknown_b) >> j & 1]
            got = index.get((unknown_a, unknown_b))
            if got is None:
                got = index[(unknown_a, unknown_b)] = {}
                for combo_a, add_a, u in first:
                    if u == unknown_a:
                        got.setdefault(tuple(round(add_a[j], 6) for j in known), []).append(combo_a)
            for combo_a in got.get(tuple(round(-(rest[j] + add_b[j]), 6) for j in known), ()):
                passing.append(combo_a + combo_b)
                if len(passing) > MAX_ALTERNATIVES:
                    return None
    return sorted(passing)


def _holds(vals: Mapping[str, Value], lhs: tuple[str, ...], rhs: tuple[str, ...]) -> bool:
    xs = [vals.get(k) for k in lhs + rhs]
    if any(x is None for x in xs):
        return True
    return abs(sum(vals[k] for k in lhs) - sum(vals[k] for k in rhs)) <= 1e-6  # type: ignore[misc]


# -- within a row: the placements its readings propose --------------------------------------------
def narrow(cands: list[list[Cell]], toks: list[Token], grid: Grid | None, trail: int | None) -> list[list[Cell]]:
    """Column consistency across rows: keep the placements of a row that the table's header grid and
    the shape of its rows of the same width allow (when any does)."""
    if grid is not None and cands:
        # the header row above has as many cells as this row: its column labels say which cell is which
        fit = [c for c in cands if [(x.start, x.kind) for x in c] == grid]
        if fit:
            cands = fit
        elif (under := under_grid(toks, grid)) is not None:
            # …and no placement puts the row's cells where its labels stand (markdown of a PDF table
            # doubles a column, so an empty cell between two numbers is no blank of the row): the
            # labels' placement stands beside the others, and the cells they disagree on are doubtful
            cands = [*cands, under]
    if trail is not None and len(cands) > 1:
        # rows of this table with as many cells show how many empty cells follow their last value:
        # keep the placements that drop exactly those (other empty cells are real blanks)
        last_value = max((i for i, t in enumerate(toks) if t.kind != BLANK), default=-1)
        trailing = {(t.start, t.kind) for t in toks[last_value + 1 :]}
        have = len(trailing)
        fit = [c for c in cands if have - sum((x.start, x.kind) in trailing for x in c) == trail]
        if fit:
            cands = fit
    return cands


def under_grid(toks: list[Token], grid: Grid) -> list[Cell] | None:
    """The row's cells that stand under the header grid's column labels; None when a label has none or
    a number of the row stands under no label (the grid then does not describe the row)."""
    at = {(t.start, t.kind): t for t in toks}
    under = [at.get(g) for g in grid]
    if None in under or sum(t.kind != BLANK for t in toks) != sum(t.kind != BLANK for t in under):  # type: ignore[union-attr]
        return None
    return [cell_of(t) for t in under]  # type: ignore[arg-type]


@dataclass
class RowDecision:
    """The placements of one row (proposed by the positional and glued readings) and the decision
    among them: the row's sum (R3/R4), then the narrative (R7); a cell is confident only where every
    surviving placement agrees."""

    cands: list[list[Cell]]
    n: int
    money: Sequence[bool]
    note: str | None
    cut_and_dropped: bool
    signed: Sequence[bool] | None = None

    def __post_init__(self) -> None:
        # by identity (the placements share their cells, which stay alive meanwhile): a dataclass's
        # hash of the cell's five fields cost more than reading the cell again
        memo: dict[tuple[int, bool], tuple[Value, str, str | None]] = {}
        money = self.money

        def cv(c: Cell | None, m: bool) -> tuple[Value, str, str | None]:
            k = (id(c), m)
            v = memo.get(k)
            if v is None:
                v = memo[k] = _cell_value(c, m)
            return v

        self.vals = [[cv(c, money[i]) for i, c in enumerate(cand)] for cand in self.cands]

    def sums(self, check: Check | None) -> list[bool | None]:
        """The row's sum on each placement (none checked where there is one placement or no sum)."""
        if check is None or len(self.cands) < 2:
            return []
        return [check([v[0] for v in vals]) for vals in self.vals]

    def surviving(self, sums: list[bool | None], check: Check | None, prefer: Prefer | None) -> tuple[list[int], bool]:
        """The placements the row's sum allows, then those the narrative prefers (R7), and whether R7 chose."""
        ok_idx = list(range(len(self.cands)))
        passing = [i for i, r in zip(ok_idx, sums) if r is not False]
        if passing:
            ok_idx = passing
        if prefer is not None and len(ok_idx) > 1:
            # the arithmetic leaves several placements: a placement whose numbers the narrative states
            # (R7) wins when it alone has the most of them; its cells are inferred, not ok
            scores = [prefer([v[0] for v in self.vals[i]]) for i in ok_idx]
            top = max(scores)
            # without a sum to check, one number that the narrative happens to print among many
            # cuttings proves nothing ("7777166": 16 is a date's day somewhere): it takes two
            least = 1 if check is not None else 2
            if top >= least and scores.count(top) == 1:
                return [ok_idx[scores.index(top)]], True
        if len(ok_idx) > 1 and any(c is not None and c.split for i in ok_idx for c in self.cands[i]):
            # the cells stay doubtful; the value shown is the likeliest cutting (see plausibility),
            # with the narrative's numbers as a hint where the shape of the numbers leaves a tie
            # (one the sum confirms before one it cannot check: a cell lost where two cells ran together)
            def likely(i: int) -> tuple[float, ...]:
                v = [x[0] for x in self.vals[i]]
                odd, spread, repeats = plausibility(v, self.signed)
                return (sums[i] is not True if sums else False, odd, spread, -(prefer(v) if prefer is not None else 0.0), repeats)

            ok_idx.sort(key=likely)
        return ok_idx, False

    def decide(self, check: Check | None, prefer: Prefer | None, alternatives: list[list[Placed]] | None) -> Result:
        """A cell is confident only where every surviving placement agrees on it."""
        sums = self.sums(check)
        ok_idx, preferred = self.surviving(sums, check, prefer)
        vals, n, note = self.vals, self.n, self.note
        placed: list[Placed] = []
        # placements the sum refutes, and none it confirms: those left survive only where the sum cannot
        # be checked, which proves nothing ("358 4 6 1 1 / / 379", PDFium's 11 printed as two lines:
        # only dropping 379 leaves a row whose sum cannot fail)
        none_pass = False in sums and True not in sums
        # each placement's cells as compared (value and status), once: the columns below compare them
        # across placements again and again
        # (_vkey inlined: a row of glued digits has dozens of placements of its cells)
        vk = [[(x[1], None if x[0] is None else float(x[0])) for x in v] for v in vals] if len(vals) > 1 else None
        row_unsure = (self.cut_and_dropped or none_pass) and vk is not None and any(len({v[col] for v in vk}) > 1 for col in range(n))
        # numbers dropped to fit the row, and no sum to confirm which: the extra one may be half of a
        # number split in two ("11" printed "1" / "1"), so no cell is confident, however they agree
        row_unsure = row_unsure or (note == "extra_cells" and len(self.cands) > 1 and True not in sums)
        # numbers dropped to fit the row and the placements the sum allows disagree somewhere: a cell they
        # give the same value from different numbers agrees by chance (a run of zeros: "0 件 0 件 12 件 0 件
        # …", where any seven with a 12 under 总计 add up)
        # …and where any placement gives the row other values, a cell whose number the sum chose is inferred
        # (eight zeros for seven columns give one row whichever is dropped: ok)
        by_chance = chosen = False
        if note == "extra_cells" and vk is not None:
            by_chance = any(len({vk[i][col] for i in ok_idx}) > 1 for col in range(n))
            chosen = any(len({v[col] for v in vk}) > 1 for col in range(n))
        for col in range(n):
            if vk is None:  # one placement: every cell has one option
                options_all = options_ok = 1
            else:
                options_all = len({v[col] for v in vk})
                options_ok = len({vk[i][col] for i in ok_idx})
            c = self.cands[ok_idx[0]][col]
            value, status, unit = vals[ok_idx[0]][col]
            if by_chance and len({_start(self.cands[i][col]) for i in ok_idx}) > 1:
                options_ok = 2
            elif chosen and len({_start(cand[col]) for cand in self.cands}) > 1:
                options_all = 2
            if options_ok > 1 or row_unsure:
                status = "doubtful"
                note = note or "ambiguous_cells"
            elif options_all > 1 or (c is not None and c.split) or preferred:
                status = "inferred" if status in ("ok", "blank", "not_applicable") else status
            placed.append(Placed(c, value, status, unit))
        if any(p.cell is not None and p.cell.split for p in placed):
            note = note if note == "extra_cells" else "glued_digits"
        if note is None and any(p.status == "inferred" for p in placed):
            note = "cells_placed_by_arithmetic"
        if len(ok_idx) > 1 and any(p.status == "doubtful" for p in placed):
            note = note if note in ("glued_digits", "extra_cells") else "ambiguous_cells"
            if alternatives is not None:
                self.hand_over(ok_idx, alternatives)
        return placed, note

    def hand_over(self, ok_idx: list[int], alternatives: list[list[Placed]]) -> None:
        """What is left for the table's column sums to decide (the arbiter's whole-table solver)."""
        seen: set[tuple[object, ...]] = set()
        for i in ok_idx:
            sig = tuple(_vkey(v) for v in self.vals[i])
            if sig in seen:
                continue
            seen.add(sig)
            alternatives.append([Placed(self.cands[i][col], *self.vals[i][col]) for col in range(self.n)])
            if len(alternatives) >= MAX_ALTERNATIVES:
                alternatives.clear()  # too many to solve jointly: stays doubtful
                break


def _start(c: Cell | None) -> int | None:
    return None if c is None else c.start


def plausibility(v: list[Value], signed: Sequence[bool] | None) -> tuple[float, float, float]:
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
    for i, sg in enumerate(signed or ()):
        a, b = (v[i - 1], v[i]) if i > 0 else (None, None)
        if sg and a is not None and b is not None and abs(b) > abs(a):
            odd_change += 1
    repeats = sum(1 for a, b in zip(v, v[1:]) if a is not None and a == b)
    return (float(odd_change), spread, float(-repeats))


# -- whole-table alternatives: readings of the same table that place its rows otherwise ---------
def weigh(arb: Arbiter, ctx: TableContext, alternatives: Sequence[Reading]) -> None:
    """Weigh other readings of a table (mode "alternative") against the board.

    Each reading, the board's own included, *survives* when it places every row and every number and
    breaks none of R1–R3.  Rows that every reading gives the same numbers are left alone.  A cell the
    readings disagree on takes the value every surviving reading gives it (inferred, and the finding
    names the readings and the evidence); without one such value it is doubtful.  When no reading
    survives but the board's places every row and number, the source's own sums are off (validate
    says so) and readings that leave rows empty prove nothing: the board stays."""
    if not alternatives:
        return
    board = dict(arb.placed)
    readings = [("labels", board, list(ctx.findings)), *((r.name, dict(r.cells), list(r.findings)) for r in alternatives)]
    alive = [name for name, cells, fnd in readings if _survives(ctx, cells, fnd)]
    if not alive and _survives(ctx, board, ctx.findings, sums=False):
        _doubt_disputed(arb, ctx, readings)
        return
    decided, doubted = _decide(arb, ctx, readings, alive)
    names = ", ".join(alive) or "none"
    if decided:
        arb.note(Finding(
            "rows_placed_by_order",
            "warning",
            f"labels stand apart from their numbers; {len(decided)} cell(s) were read as the only "
            f"reading that places every row and number and keeps R1–R3 does ({names})",
            keys=tuple(decided),
        ))
    if doubted:
        arb.note(Finding(
            "ambiguous_rows",
            "warning",
            f"labels stand apart from their numbers and the readings ({', '.join(n for n, _, _ in readings)}) "
            f"give {len(doubted)} cell(s) different values that the arithmetic cannot decide between",
            keys=tuple(doubted),
        ))


Board = dict[str, Placed]


def _decide(arb: Arbiter, ctx: TableContext, readings: list[tuple[str, Board, list[Finding]]], alive: list[str]) -> tuple[list[str], list[str]]:
    """Put the surviving readings' value where the readings disagree; doubt where none decides."""
    decided: list[str] = []
    doubted: list[str] = []
    same = _same_rows(ctx, readings)
    # a block with no sums (part 二): surviving proves only that the reading places every row, and a
    # reading that left one of the block's numbers out of its cells has not placed every number
    proven = ctx.check is not None or all(_places_every_number(ctx, cells) for name, cells, _ in readings if name in alive)
    # a cell whose number another reading places in another cell is disputed, whatever the readings
    # that read the cell say ("行政处罚 / 5846 / 行政强制", a mark lost: the number is either row's)
    elsewhere = _placed_elsewhere(readings)
    same -= {k.rsplit(".", 1)[0] for k in elsewhere}
    disputed = _disputed_rows(ctx, readings, same)
    for k in (f"{r}.{c.key}" for r in ctx.order for c in ctx.columns[r]):
        row = k.rsplit(".", 1)[0]
        if row in same:
            continue
        says = {name: cells[k] for name, cells, _ in readings if k in cells and cells[k].status != "missing"}
        mine = arb.fields.get(k)
        unread = mine is None or mine.status == "missing"
        # (in a row whose other cells the readings give other values, the same value from different
        # numbers is no agreement: readings that place the row's numbers otherwise may both put a 0
        # in one cell by chance)
        agree = len({_pkey(p) for p in says.values()}) <= 1 and (row not in disputed or len({_tkey(p) for p in says.values()}) <= 1)
        agree = agree and k not in elsewhere
        if agree and not (unread and says):
            continue
        live = {_pkey(says[n]) for n in alive if n in says}
        if len(live) == 1 and all(n in says for n in alive):
            win = says[next(n for n in alive if n in says)]
            if mine is not None and not unread and _pkey(arb.placed[k]) == _pkey(win) and "labels" in alive:
                continue
            st = "inferred" if win.status in ("ok", "blank", "not_applicable") else win.status
            st = st if proven or st != "inferred" else "doubtful"
            arb._put(k, Placed(win.cell, win.value, st, win.unit), mine.label if mine else None, "loose_labels")
            (decided if proven else doubted).append(k)
        elif mine is not None and not unread:
            arb.questioned.add(k)
            if mine.status != "doubtful":
                arb._put(k, Placed(arb.placed[k].cell, mine.value, "doubtful", mine.unit), mine.label, arb.source.get(k, "labels"))
                doubted.append(k)
    return decided, doubted


def _doubt_disputed(arb: Arbiter, ctx: TableContext, readings: list[tuple[str, Board, list[Finding]]]) -> None:
    """No reading keeps the sums and the board stays, proven by nothing: a cell another reading gives
    another value is in doubt (the board's row may be the wrong row's numbers, and two of its cells agree
    with every placement by chance)."""
    same = _same_rows(ctx, readings)
    doubted: list[str] = []
    for k in (f"{r}.{c.key}" for r in ctx.order if r not in same for c in ctx.columns[r]):
        mine, p = arb.fields.get(k), arb.placed.get(k)
        if mine is None or p is None or mine.status not in CONFIDENT:
            continue
        if any(k in cells and cells[k].status != "missing" and _pkey(cells[k]) != _pkey(p) for _, cells, _ in readings[1:]):
            arb.questioned.add(k)
            arb._put(k, Placed(p.cell, mine.value, "doubtful", mine.unit), mine.label, arb.source.get(k, "labels"))
            doubted.append(k)
    if doubted:
        arb.note(Finding(
            "ambiguous_rows",
            "warning",
            f"labels stand apart from their numbers, no reading ({', '.join(n for n, _, _ in readings)}) keeps the "
            f"table's sums, and they give {len(doubted)} cell(s) different values: these are doubtful",
            keys=tuple(doubted),
        ))


def _places_every_number(ctx: TableContext, cells: Board) -> bool:
    """Every number and not-applicable mark of the table's tokens stands in (or was cut into) one of the
    reading's cells."""
    spans = [(p.cell.start, p.cell.end) for p in cells.values() if p.cell is not None and p.cell.end > p.cell.start]
    return all(
        any(a < t.end and t.start < b for a, b in spans)
        for t in ctx.tokens[ctx.lo : ctx.hi] if t.kind in (NUM, MARK)
    )


def _pkey(p: Placed) -> tuple[str, float | None]:
    st = p.status if p.status in ("blank", "not_applicable") else "v"
    return (st, None if p.value is None else float(p.value))


def _placed_elsewhere(readings: list[tuple[str, Board, list[Finding]]]) -> set[str]:
    """The cells whose number some reading places in another cell."""
    at: dict[int, set[str]] = {}
    for _, cells, _ in readings:
        for k, p in cells.items():
            if p.cell is not None and p.cell.end > p.cell.start and p.status != "missing":
                at.setdefault(p.cell.start, set()).add(k)
    return {k for ks in at.values() if len(ks) > 1 for k in ks}


def _disputed_rows(ctx: TableContext, readings: list[tuple[str, Board, list[Finding]]], same: set[str]) -> set[str]:
    """Rows with a cell that the readings give different values."""
    return {
        r for r in ctx.order if r not in same and any(
            len({_pkey(cells[k]) for _, cells, _ in readings if k in cells and cells[k].status != "missing"}) > 1
            for k in (f"{r}.{c.key}" for c in ctx.columns[r])
        )
    }


def _tkey(p: Placed) -> tuple[str, float | None, int | None]:
    """:func:`_pkey` and where the number stands."""
    return (*_pkey(p), p.cell.start if p.cell is not None and p.cell.end > p.cell.start else None)


def _same_rows(ctx: TableContext, readings: list[tuple[str, Board, list[Finding]]]) -> set[str]:
    """Rows that every reading that reads them gives the same numbers, however each placed them in its columns."""

    def tokens_of(cells: Board, row: str) -> frozenset[tuple[int, int]]:
        return frozenset(
            (p.cell.start, p.cell.end) for c in ctx.columns[row]
            if (p := cells.get(f"{row}.{c.key}")) is not None and p.cell is not None and p.cell.end > p.cell.start
        )

    board = readings[0][1]
    return {
        r for r in ctx.order
        if tokens_of(board, r) and len({tokens_of(cells, r) for _, cells, _ in readings if tokens_of(cells, r)}) <= 1
    }


def _survives(ctx: TableContext, cells: Mapping[str, Placed], fnd: Sequence[Finding], sums: bool = True) -> bool:
    """A reading of part 三 that places every row and number and (with ``sums``) breaks no relation."""
    from .. import validate

    if any(f.code == "unassigned_values" for f in fnd):
        return False
    printed = [r for r in ctx.order if not r.startswith("applications.other_processing.")]
    if any(all(f"{r}.{c.key}" not in cells for c in ctx.columns[r]) for r in printed):
        return False
    if not sums:
        return True
    vals = {k: p.value for k, p in cells.items()}  # (once, not once for every relation)
    # (the placed cells stand for the fields: relations reads only their statuses)
    for rule, lhs, rhs in validate.relations(ctx.edition, cells):
        if rule in ("R1", "R2", "R3") and not _holds(vals, lhs, rhs):
            return False
    return True


def complete(ctx: TableContext, board: Mapping[str, Field], findings: Sequence[Finding]) -> bool:
    """Every row of the table read and no number left over."""
    if any(f.code == "unassigned_values" for f in findings):
        return False
    printed = [r for r in ctx.order if not r.startswith("applications.other_processing.")]
    cols = ctx.columns
    return not any(all((f := board.get(f"{r}.{c.key}")) is None or f.status == "missing" for c in cols[r]) for r in printed)


def doubt_between_gaps(arb: Arbiter, ctx: TableContext) -> None:
    """Numbers left over after some row and rows with no numbers in the same table: some numbers went
    to the wrong rows (a label printed apart from its row took the next row's numbers; a label split
    by a page break, "3." with its row's numbers at the foot of one page and "补正后申请内容仍不明确" with
    a row of empty cells at the head of the next).  Which ones the text cannot say, so every row read
    between the first and the last of these gaps is doubtful."""
    order = list(ctx.order)
    left = {k.rsplit(".", 1)[0] for f in arb.findings if f.code == "unassigned_values" for k in f.keys}
    at = [order.index(k) for k in left if k in order]
    if not at:
        return  # (no numbers left over: the rows without numbers need not be looked for)
    printed = [k for k in order if not k.startswith("applications.other_processing.")]
    cols = {k: [f"{k}.{c.key}" for c in ctx.columns[k]] for k in order}
    empty = [order.index(k) for k in printed if all(arb.fields.get(x) is None or arb.fields[x].status in ("missing", "blank") for x in cols[k])]
    if not at or not empty:
        return
    lo, hi = min(at + empty), max(at + empty) + 1
    doubted = []
    for k in order[lo : hi + 1]:
        for x in cols[k]:
            f = arb.fields.get(x)
            if f is not None and f.status in CONFIDENT:
                arb.fields[x] = Field(x, f.value, "doubtful", f.raw, f.span, f.label, f.unit)
                doubted.append(x)
    if doubted:
        arb.note(Finding(
            "ambiguous_rows",
            "warning",
            f"numbers left over and rows without numbers in part 三: the {len(doubted)} cell(s) read between "
            "them may stand in the wrong rows",
            keys=tuple(doubted),
        ))


def _in_text(ctx: TableContext) -> list[PlanRow]:
    """The table's rows found, in the order their labels stand in the text."""
    return sorted(ctx.plan, key=lambda p: p.anchor.tok)


def doubt_before_leftovers(arb: Arbiter, ctx: TableContext) -> None:
    """Numbers left over after a row that no missing row takes: the row may be theirs too (PDFium
    prints a narrow cell's "11" as "1" / "1", and the row takes the halves as cells, its last numbers
    left over), and so may the next row, whose label may stand under its numbers (markitdown of a
    Chromium PDF prints a row's vertically centred cells as a pipe row of their own above the row of
    its label, whose cells there are empty).  Unless a row's own sum holds on what it read, no cell of
    it is confident.

    Nor where more numbers than one row has are left over after it (more than the next row's, printed
    above its label), or as many while the next row has its own, and other rows of the table took too
    few or too many (PDFium printing full-width numbers a digit a line): the text printed the
    table's labels apart from its numbers (plain pdftotext of a Chromium PDF: a column of labels, then
    the numbers), and the run after the last label is any row's, whose sum holds as well."""
    rows = {k.rsplit(".", 1)[0] for f in ctx.findings if f.code == "unassigned_values" for k in f.keys}
    in_text = [p.anchor.row.key for p in _in_text(ctx)]
    rows |= {in_text[i + 1] for i, r in enumerate(in_text[:-1]) if r in rows}
    left = {p.anchor.row.key: sum(t.kind in (NUM, MARK) for g in p.orphans for t in g) for p in ctx.plan}
    off = {k.rsplit(".", 1)[0] for f in (*ctx.findings, *arb.findings) if f.code in _COUNT_OFF for k in f.keys}
    keys: list[str] = []
    for r in sorted(rows):
        ks = [f"{r}.{c.key}" for c in ctx.columns.get(r, ())]
        vals = [f.value if (f := arb.fields.get(k)) is not None else None for k in ks]
        # (as many as a row has are the next row's numbers printed above its label, where that row is
        # short of them; where it is not, they are nobody's either)
        nxt = in_text[in_text.index(r) + 1] if r in in_text[:-1] else None
        many = left.get(r, 0) > len(ks) or (left.get(r, 0) == len(ks) and nxt is not None and nxt not in off)
        apart = many and bool(off - {r})
        if ks and (ctx.check is None or ctx.check(vals) is not True or apart):
            keys += ks
    doubt_keys(arb, keys, "numbers left over after a row whose sum does not confirm it, or more than a row's worth "
               "of them where other rows took too few or too many: the row may have taken pieces of its own numbers as "
               "cells, or another row's", code="ambiguous_cells")


#: findings that say a row took more or fewer numbers than it has cells
_COUNT_OFF = frozenset({"missing_cells", "extra_cells", "unassigned_values"})


def doubt_zero_rows_beside_miscounted(arb: Arbiter, ctx: TableContext) -> None:
    """A row whose every number is 0 keeps every sum, whatever zeros it took: its sum confirms nothing.
    Where it took too few or too many numbers itself and gives a 0 to a column another row leaves empty
    (a row of six zeros, 总计 blank in the table, given a seventh across a page break), or stands between
    two rows that did (plain pdftotext printing rows' numbers above their labels: the next row's zeros
    after its label), its zeros may stand in the wrong columns or the wrong row.  Its confident cells
    are doubtful."""
    off = {k.rsplit(".", 1)[0] for f in ctx.findings if f.code in _COUNT_OFF for k in f.keys}
    off |= {k.rsplit(".", 1)[0] for f in arb.findings if f.code in _COUNT_OFF for k in f.keys}
    if not off:
        return
    in_text = [p.anchor.row.key for p in _in_text(ctx)]
    rows = {r: [f.value if (f := arb.fields.get(f"{r}.{c.key}")) is not None else None for c in ctx.columns.get(r, ())] for r in in_text}
    keys: list[str] = []
    for i, r in enumerate(in_text):
        vals = rows[r]
        if not (0 in vals and all(v in (0, None) for v in vals)):
            continue
        beside = [in_text[j] in off for j in (i - 1, i + 1) if 0 <= j < len(in_text)]
        # (its own count off matters where another row leaves empty a column it gives a 0: a blank column;
        # looked for only then, not for every row of zeros)
        blank_col = r in off and any(v == 0 and any(len(o) == len(vals) and o[c] is None for o in rows.values()) for c, v in enumerate(vals))
        if blank_col or (len(beside) == 2 and all(beside)):
            keys += [f"{r}.{c.key}" for c in ctx.columns.get(r, ())]
    doubt_keys(arb, keys, "a row of zeros, whose sum confirms nothing, beside a row that took too few or too many "
               "numbers: its zeros may be another row's", code="ambiguous_cells")


def doubt_runs_into_failing_rows(arb: Arbiter, ctx: TableContext) -> None:
    """A row whose own sum (R3) fails on the numbers it took, where they run on from another row's
    numbers with nothing between them (no label, no text): the cut between the two runs is unsure, and
    the other row's sum may hold by chance on a cut that took some of the failing row's numbers
    (pdfminer printing two rows' cells interleaved after one label, "3.其他 0 0 0 3 9 0 12 24 67 0 0 0 2
    69": 0 0 0 3 9 0 | 12 holds for a cut that is not the table's).  The other row's confident cells are
    doubtful."""
    check = ctx.check
    if check is None:
        return
    text = arb.norm.text
    runs: dict[str, tuple[int, int]] = {}
    failing: list[str] = []
    for r in ctx.order:
        keys = [f"{r}.{c.key}" for c in ctx.columns.get(r, ())]
        at = [(p.cell.start, p.cell.end) for k in keys if (p := arb.placed.get(k)) is not None and p.cell is not None and p.cell.kind != BLANK]
        if not at:
            continue
        runs[r] = (min(a for a, _ in at), max(b for _, b in at))
        if check([f.value if (f := arb.fields.get(k)) is not None else None for k in keys]) is False:
            failing.append(r)
    doubted: list[str] = []
    for r in failing:
        a, b = runs[r]
        for s, (c, d) in runs.items():
            if s != r and ((d <= a and not text[d:a].strip()) or (b <= c and not text[b:c].strip())):
                doubted += [f"{s}.{col.key}" for col in ctx.columns[s]]
    doubt_keys(arb, doubted, "its numbers run on from those of a row whose own sum fails, with nothing between them: "
               "where one row's numbers end is unsure", code="ambiguous_cells")


_MARK_CHARS = ("—", "／", "/", "-")
_MARK_STRIP = "".join(_MARK_CHARS)


def doubt_glued_marks(arb: Arbiter, ctx: TableContext) -> None:
    """A not-applicable mark a crawler ran into a label or a number ("规章——21——规范性文件",
    "行政处罚175————行政强制"): how many cells the dashes stand for, and where, the text does not say
    (a mark that follows a number and precedes a label is read as one cell by the tokenizer; a run of
    dashes against a label, or of several marks, is not).  Every confident cell of such a row is doubtful."""
    toks = ctx.tokens
    plan = _in_text(ctx)
    keys: list[str] = []
    spans = []
    for i, p in enumerate(plan):
        end = plan[i + 1].anchor.tok if i + 1 < len(plan) else min(ctx.hi, p.anchor.end_tok + 64)
        spans.append((p, p.anchor.tok, min(end, len(toks) - 1)))
    # (found once for the table rather than once for every row)
    marked = marked_texts(toks, spans[0][1] if spans else 0, max((s[2] for s in spans), default=-1) + 1)
    for p, first, last in spans:
        # the label's own token counts for marks at its end, the next label's for marks at its start
        if any(_glued_mark_text(toks, j, start=j != first, end=j != last) for j in marked if first <= j <= last):
            keys += [f"{p.anchor.row.key}.{c.key}" for c in ctx.columns[p.anchor.row.key]]
    doubt_keys(arb, keys, "not-applicable marks run into labels or numbers: the cells of their rows may stand in other columns")


def doubt_stacked_cells(arb: Arbiter, ctx: TableContext) -> None:
    """A cell holding two numbers one above the other ("| 1624<br>5 |": pymupdf4llm pulled a page
    number or a line from below into the cell; "| ２<br>１ |": a narrow cell wrapped 21, full-width digits
    breaking anywhere): which of them is the cell's, or whether they are one number, the text does not
    say, and the other may have been taken for the next column.  Every confident cell of such a row is
    doubtful."""
    keys: list[str] = []
    for p in ctx.plan:
        if stacked_in_a_cell(arb, p.own):
            keys += [f"{p.anchor.row.key}.{c.key}" for c in ctx.columns[p.anchor.row.key]]
    doubt_keys(arb, keys, STACKED, code="ambiguous_cells")


STACKED = "two numbers one above the other in one cell: which is the cell's, or whether they are one number wrapped, is not known"


def stacked_in_a_cell(arb: Arbiter, own: Sequence[Token]) -> bool:
    """Whether two of a row's numbers stand one above the other in one cell ("| 1624<br>5 |", "| ２<br>１ |")."""
    # (a gap only between crowded numbers: see cell_gap)
    return any(a.crowded and "<br" in (cell_gap(arb.norm, a, b) or "").lower() for a, b in zip(own, own[1:]))


def kept_alternatives(arb: Arbiter, fields: Mapping[str, Field], rows: Collection[str]) -> dict[str, tuple[tuple[Field, ...], ...]]:
    """The ``rows`` (part 二's, by key prefix) whose doubtful cells come from several placements the
    text cannot choose between (glued digits with no row sum to cut them by: "规范性文件71106"), each
    placement as the row's fields, the one shown first: kept for evidence from outside the document
    (``crossyear.decide``: last year's 现行有效件数).  A placement is kept where it agrees with the
    row's confident cells, the row where it shows one of them and has 2 to MAX_KEPT_ALTERNATIVES.  A
    kept cell holding a number is ``doubtful``.

    Only a row whose placements are all there is to doubt: one that stands as its reading put it, that
    no later step found in doubt (its numbers may be another row's: stacked labels, captions among the
    rows, marks run into labels), and whose placements all read the same numbers, cut otherwise (a
    placement that drops a number says the row took one too many: perhaps another row's).  Choosing
    among the placements of any other row would prove nothing."""
    out: dict[str, tuple[tuple[Field, ...], ...]] = {}
    for row, ((alts, _, keys), put) in arb.open.items():
        now = [fields[k] for k in keys if k in fields]
        if (row not in rows or now != put or arb.questioned.intersection(keys)
                or not any(f.status == "doubtful" for f in now) or len({_numbers_read(a) for a in alts}) > 1):
            continue
        kept: dict[tuple[Value, ...], tuple[Field, ...]] = {}
        for alt in alts:
            vals = tuple(p.value for p in alt)
            if vals in kept or any(f.status != "doubtful" and f.value != v for f, v in zip(now, vals)):
                continue
            kept[vals] = tuple(
                arb.field(k, Placed(p.cell, p.value, p.status if p.value is None else "doubtful", p.unit), f.label)
                for k, p, f in zip(keys, alt, now)
            )
        shown = tuple(f.value for f in now)
        if shown in kept and 2 <= len(kept) <= MAX_KEPT_ALTERNATIVES:
            out[row] = (kept.pop(shown), *kept.values())
    return out


def _numbers_read(alt: list[Placed]) -> frozenset[int]:
    """The characters of the text a placement reads as numbers (or marks)."""
    return frozenset(i for p in alt if (c := p.cell) is not None and c.kind != BLANK for i in range(c.start, c.end))


def doubt_keys(arb: Arbiter, keys: Sequence[str], why: str, code: str = "glued_marks") -> None:
    """The confident cells among ``keys`` become doubtful, with a finding (``glued_marks``) saying why."""
    arb.questioned.update(keys)
    doubted = []
    for k in keys:
        f = arb.fields.get(k)
        if f is not None and f.status in CONFIDENT:
            arb.fields[k] = Field(k, f.value, "doubtful", f.raw, f.span, f.label, f.unit)
            doubted.append(k)
    if doubted:
        arb.note(Finding(code, "warning", f"{why} ({len(doubted)} cell(s))", keys=tuple(doubted)))


def marked_texts(toks: Sequence[Token], a: int, b: int) -> list[int]:
    """The text tokens among ``toks[a:b]`` that start or end with a mark: no other can be one that
    :func:`_glued_mark_text` finds run into its neighbours."""
    return [j for j in range(a, b) if (t := toks[j]).kind == "text" and (t.text.startswith(_MARK_CHARS) or t.text.endswith(_MARK_CHARS))]


def _glued_mark_text(toks: Sequence[Token], j: int, start: bool = True, end: bool = True) -> bool:
    t = toks[j]
    if t.kind != "text" or not any(ch in t.text for ch in _MARK_CHARS):
        return False
    before = toks[j - 1] if j > 0 else None
    after = toks[j + 1] if j + 1 < len(toks) else None
    # (or, in a space-aligned row, a label's last cell's mark printed against it: "3.补正——     46   7")
    glued_end = t.text.endswith(_MARK_CHARS) and after is not None and after.kind in ("num", "mark") and (
        after.start == t.end or (t.x0 >= 0 and after.line == t.line and not t.text.rstrip(_MARK_STRIP)[-1:].isascii()))
    glued_start = t.text.startswith(_MARK_CHARS) and before is not None and before.kind in ("num", "mark") and before.end == t.start
    return (end and glued_end) or (start and glued_start)


#: words of part 三's column captions besides the columns' own wordings
_CAPTION_WORDS = ("申请人情况", "法人或其他组织")


def doubt_interrupted_rows(arb: Arbiter, ctx: TableContext) -> None:
    """Rows whose numbers a converter printed apart: among pieces of the column captions (plain
    pdftotext of a printed table: "35978 333 / 数量 / — / 申请人情况 / 科研 / 机构 / 104 / … / 总计 /
    36715"), or with their last number alone on the next line (a page number under a row that has a
    blank cell: "（七）总计 1624 — — — — — / 5").  Which cell each number is, the text does not say:
    the row's confident cells are doubtful."""
    # (the rows of a table share one list of columns: each list once)
    words = {key_normalized(w) for cols in {id(x): x for x in ctx.columns.values()}.values() for c in cols for w in c.wordings}
    words |= {key_normalized(w) for w in _CAPTION_WORDS}
    keys: list[str] = []
    # the tokens of the table that read as pieces of column captions, found once (each row looks for
    # them among the tokens after its label: scanning those again for every row was quadratic)
    first = min((p.anchor.end_tok + 1 for p in ctx.plan), default=ctx.hi)
    # (a key with no NUL is in one of the words exactly when it is in the words joined by NULs: one
    # search a token instead of one a word)
    joined = "\x00".join(words)
    caption_at = [
        (i, t.start) for i, t in enumerate(ctx.tokens[first : ctx.hi], first)
        if t.kind == "text" and len(k := key_normalized(t.text)) >= 2
        and (k in joined if "\x00" not in k else any(k in w for w in words))
    ]
    for p in ctx.plan:
        vals = [t for t in p.own if t.kind in ("num", "mark")]
        if len(vals) < 2:
            continue
        a, b = vals[0].start, vals[-1].end
        after = p.anchor.end_tok
        captions = any(i > after and a < s < b for i, s in caption_at)
        last_line = [t for t in p.own if t.row == vals[-1].row]
        lone_tail = len({t.row for t in vals}) == 2 and len(last_line) == 1 and len(vals) == len(ctx.columns[p.anchor.row.key])
        if captions or lone_tail:
            keys += [f"{p.anchor.row.key}.{c.key}" for c in ctx.columns[p.anchor.row.key]]
    doubt_keys(arb, keys, "a row's numbers stand among column captions or end in a lone number on the next line "
               "(a page number?): which cell each is, is unsure")


#: an item number before a label's words ("3.", "(六)", "四."), once the label is keyed
_ITEM = regex.compile(r"^(?:[0-9]+\.|\([一二三四五六七八九十]+\)|[一二三四五六七八九十]+\.)")


def doubt_after_missing_labels(arb: Arbiter, ctx: TableContext, rows: Sequence[Row]) -> None:
    """A row found by its label whose numbers follow the words of a later row that was not found, its
    item number lost ("2.申请人逾期未按收费通知…" / "其他 99 62 3 2 32 0 198": pdfminer's paragraphs of a
    printed table, 3.其他 printed "其他"): the numbers may be that row's, and the row's own sum holds
    either way.  The row's confident cells are doubtful.  (Not （六）其他处理's own row: its words are
    also its sub-rows' group label, printed anywhere beside them.)"""
    found = {p.anchor.row.key for p in ctx.plan}
    order = list(ctx.order)
    words: dict[str, int] = {}
    for r in rows:
        if r.key not in found and not r.key.endswith(".other_processing.total") and r.key in order:
            for w in keyed(r.wordings):
                if len(bare := _ITEM.sub("", w)) >= 2:
                    words[bare] = order.index(r.key)
    if not words:
        return
    keys: list[str] = []
    toks = ctx.tokens
    for p in ctx.plan:
        first = next((t for t in p.own if t.kind in (NUM, MARK)), None)
        if first is None:
            continue
        at = order.index(p.anchor.row.key) if p.anchor.row.key in order else len(order)
        j = p.anchor.end_tok + 1
        while j < ctx.hi and toks[j].start < first.start:
            if toks[j].kind == TEXT and words.get(_ITEM.sub("", key_normalized(toks[j].text)), -1) > at:
                keys += [f"{p.anchor.row.key}.{c.key}" for c in ctx.columns[p.anchor.row.key]]
                break
            j += 1
    doubt_keys(arb, keys, "a row's numbers follow the words of a later row's label that was not found (its item number "
               "lost?): they may be that row's", "label_before_numbers")


_SIX = "applications.other_processing."


def settle_six(arb: Arbiter, ctx: TableContext) -> None:
    """（六）其他处理 is printed one way or the other: its numbered sub-rows, or one row.  Read both ways
    at once, the one row's label is a sub-row's group label (a merged cell printed in every sub-row,
    "（六）其他处理 | ③其" with the rest of the sub-row's label elsewhere), and the numbers it took are a
    sub-row's.  A one row that is the sum of all three sub-rows in every column (a subtotal the report
    prints too) stands.  Otherwise, where exactly one sub-row is missing, the numbers move to it:
    ``inferred`` when R2 then holds in every column, else ``doubtful``; where none or several are
    missing, the one row's cells are doubtful."""
    total = f"{_SIX}total"
    cols = [c.key for c in ctx.columns.get(total, ())]
    subs = [k for k in ctx.order if k.startswith(_SIX) and k != total]
    if arb.edition != "2021" or not cols or not subs:
        return

    def val(row: str, c: str) -> Value:
        f = arb.fields.get(f"{row}.{c}")
        return None if f is None else f.value

    def present(row: str) -> bool:
        return any((f := arb.fields.get(f"{row}.{c}")) is not None and f.status != "missing" for c in cols)

    missing = [k for k in subs if not present(k)]
    if not present(total) or len(missing) == len(subs):
        return
    if not missing and all(val(total, c) == sum(val(k, c) or 0 for k in subs) for c in cols):
        return
    if len(missing) != 1:
        doubt_keys(arb, [f"{total}.{c}" for c in cols], "（六）其他处理 read both as one row and as its sub-rows: the one row may be a sub-row's", code="ambiguous_rows")
        return
    to = missing[0]
    moved = {c: arb.fields.pop(f"{total}.{c}") for c in cols}
    for c in cols:
        arb.placed.pop(f"{total}.{c}", None)
    processed = [f"applications.{r.key}" for r in schema.load().app_rows_for(arb.edition) if r.processed and r.key != "other_processing.total"]

    def r2_holds(c: str) -> bool:
        tp = val("applications.total_processed", c)
        terms = [moved[c].value if k == to else val(k, c) for k in processed]
        return tp is not None and all(t is not None for t in terms) and abs(sum(terms) - tp) <= 1e-6  # type: ignore[arg-type,misc]

    status = "inferred" if all(r2_holds(c) for c in cols) else "doubtful"
    keys = []
    for c, f in moved.items():
        k = f"{to}.{c}"
        st = status if f.status in CONFIDENT and f.value is not None else f.status
        arb.fields[k] = Field(k, f.value, st, f.raw, f.span, f.label, f.unit)  # type: ignore[arg-type]
        keys.append(k)
    arb.note(Finding(
        "rows_placed_by_order", "warning",
        f"（六）其他处理 read both as one row and as its sub-rows, sub-row {to.rsplit('.', 1)[1]!r} not found: the one row's "
        f"numbers are that sub-row's ({'R2 holds in every column' if status == 'inferred' else 'R2 does not confirm it: doubtful'})",
        keys=tuple(keys),
    ))
