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
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from ..layout import BLANK, Token
from ..normalize import Normalized
from ..report import Field, Finding
from .model import (
    MAX_ALTERNATIVES,
    MAX_COMBINATIONS,
    Alternatives,
    Cell,
    Check,
    Grid,
    Placed,
    Prefer,
    Reading,
    RowContext,
    TableContext,
    Value,
    _cell_value,
    _vkey,
)

RowReading = Callable[[RowContext], list[Reading]]
TableReading = Callable[[TableContext], list[Reading]]
CONFIDENT = ("ok", "blank", "not_applicable", "inferred")
Result = tuple[list[Placed], str | None]


class Arbiter:
    """The board of one document's tables and the findings raised while filling it."""

    def __init__(self, norm: Normalized, edition: str) -> None:
        self.norm = norm
        self.edition = edition
        self.fields: dict[str, Field] = {}
        self.findings: list[Finding] = []
        self.source: dict[str, str] = {}  # key -> the reading that decided it
        self.pending: dict[str, Alternatives] = {}

    def note(self, finding: Finding) -> None:
        self.findings.append(finding)

    def _put(self, k: str, p: Placed, label: str | None, name: str) -> None:
        span = self.norm.to_orig((p.cell.start, p.cell.end)) if p.cell is not None else None
        raw = self.norm.original[span[0] : span[1]] if span is not None else None
        self.fields[k] = Field(k, p.value, p.status, raw, span, label, p.unit)  # type: ignore[arg-type]
        self.source[k] = name

    def apply(self, r: Reading) -> None:
        """Put a reading's cells on the board (see the module for the rules), then its findings."""
        disagree: list[str] = []
        for k, p in r.cells.items():
            old = self.fields.get(k)
            if r.mode == "repair" and not (old is None or old.status in ("missing", "doubtful") or k in r.overrides):
                continue
            if r.mode == "read" and old is not None and old.status in CONFIDENT and p.status in CONFIDENT and old.value != p.value:
                disagree.append(k)
                continue
            self._put(k, p, r.labels.get(k), r.name)
        self.findings += r.findings
        self.pending.update(r.alternatives)
        if disagree:
            self._disagree(r, disagree)

    def _disagree(self, r: Reading, keys: list[str]) -> None:
        """Two readings confidently read different values: the earlier value stays, in doubt."""
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
        that satisfies them agrees is inferred; the rest stay doubtful."""
        rows = list(self.pending.items())
        passing = _passing_combinations(self.fields, rows, self.edition)
        if not passing:
            return
        solved: list[str] = []
        for idx, (_, (alts, label, keys)) in enumerate(rows):
            for col, k in enumerate(keys):
                choices = {_vkey((alts[c[idx]][col].value, alts[c[idx]][col].status, None)) for c in passing}
                if len(choices) == 1:
                    p = alts[passing[0][idx]][col]
                    self._put(k, Placed(p.cell, p.value, "inferred" if p.status != "missing" else p.status, p.unit), label, "joint_solve")
                    solved.append(k)
        if solved:
            self.findings.append(Finding(
                "solved_by_table_sums",
                "info",
                f"{len(solved)} cell(s) that their row's sum left open were placed by the table's column sums (R1, R2)",
                keys=tuple(solved),
            ))


def _passing_combinations(
    fields: dict[str, Field], rows: list[tuple[str, Alternatives]], edition: str
) -> list[tuple[int, ...]]:
    """The combinations of the rows' placements under which every R1/R2 relation they take part in holds."""
    from .. import validate

    n_comb = 1
    for _, (alts, _, _) in rows:
        n_comb *= len(alts)
    if n_comb > MAX_COMBINATIONS:
        return []
    amb_keys = {k for _, (_, _, keys) in rows for k in keys}
    rels = [(lhs, rhs) for rule, lhs, rhs in validate.relations(edition, fields) if rule in ("R1", "R2") and amb_keys & set(lhs + rhs)]
    if not rels:
        return []
    base = {k: f.value for k, f in fields.items()}
    passing: list[tuple[int, ...]] = []
    for combo in itertools.product(*[range(len(alts)) for _, (alts, _, _) in rows]):
        vals = dict(base)
        for (_, (alts, _, keys)), i in zip(rows, combo):
            for k, p in zip(keys, alts[i]):
                vals[k] = p.value
        if all(_holds(vals, lhs, rhs) for lhs, rhs in rels):
            passing.append(combo)
            if len(passing) > MAX_ALTERNATIVES:
                return []  # the sums do not narrow it down
    return passing


def _holds(vals: Mapping[str, Value], lhs: list[str], rhs: list[str]) -> bool:
    xs = [vals.get(k) for k in lhs + rhs]
    if any(x is None for x in xs):
        return True
    return abs(sum(vals[k] for k in lhs) - sum(vals[k] for k in rhs)) <= 1e-6  # type: ignore[misc]


# -- within a row: the placements its readings propose --------------------------------------------
def narrow(cands: list[list[Cell]], toks: list[Token], grid: Grid | None, trail: int | None) -> list[list[Cell]]:
    """Column consistency across rows: keep the placements of a row that the table's header grid and
    the shape of its rows of the same width allow (when any does)."""
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
    return cands


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

    def __post_init__(self) -> None:
        memo: dict[tuple[Cell | None, bool], tuple[Value, str, str | None]] = {}

        def cv(c: Cell | None, m: bool) -> tuple[Value, str, str | None]:
            v = memo.get((c, m))
            if v is None:
                v = memo[(c, m)] = _cell_value(c, m)
            return v

        self.vals = [[cv(c, self.money[i]) for i, c in enumerate(cand)] for cand in self.cands]

    def surviving(self, check: Check | None, prefer: Prefer | None) -> tuple[list[int], bool]:
        """The placements the row's sum allows, then those the narrative prefers (R7), and whether R7 chose."""
        ok_idx = list(range(len(self.cands)))
        if check is not None and len(self.cands) > 1:
            passing = [i for i in ok_idx if check([v[0] for v in self.vals[i]]) is not False]
            if passing:
                ok_idx = passing
        if prefer is not None and len(ok_idx) > 1:
            # the arithmetic leaves several placements: a placement whose numbers the narrative states
            # (R7) wins when it alone has the most of them; its cells are inferred, not ok
            scores = [prefer([v[0] for v in self.vals[i]]) for i in ok_idx]
            top = max(scores)
            if top > 0 and scores.count(top) == 1:
                return [ok_idx[scores.index(top)]], True
        return ok_idx, False

    def decide(self, check: Check | None, prefer: Prefer | None, alternatives: list[list[Placed]] | None) -> Result:
        """A cell is confident only where every surviving placement agrees on it."""
        ok_idx, preferred = self.surviving(check, prefer)
        vals, n, note = self.vals, self.n, self.note
        placed: list[Placed] = []
        row_unsure = self.cut_and_dropped and any(len({_vkey(v[col]) for v in vals}) > 1 for col in range(n))
        for col in range(n):
            options_all = {_vkey(vals[i][col]) for i in range(len(self.cands))}
            options_ok = {_vkey(vals[i][col]) for i in ok_idx}
            c = self.cands[ok_idx[0]][col]
            value, status, unit = vals[ok_idx[0]][col]
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
