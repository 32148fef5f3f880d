"""The arbiter: the one place where readings become fields.

It keeps the board (key → field), applies the readings of a table in the order its part module
registers them, and decides:

- a *row* is read by the first of its part's row readings that proposes a reading (they are listed
  from the firmest evidence to the weakest: a detached cell put back, the columns the numbers stand
  under, part 四's R4 groups, glued digits cut by the sums, token order); within a reading, a cell
  is confident only where every placement the row's sum allows agrees (``resolve.py``);
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

from ..normalize import Normalized
from ..report import Field, Finding
from .model import (
    MAX_ALTERNATIVES,
    MAX_COMBINATIONS,
    Alternatives,
    Placed,
    Reading,
    RowContext,
    TableContext,
    Value,
    _vkey,
)

RowReading = Callable[[RowContext], list[Reading]]
TableReading = Callable[[TableContext], list[Reading]]
CONFIDENT = ("ok", "blank", "not_applicable", "inferred")


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
