"""What the table stage passes around: cells, readings of them, the contexts a reading reads, the row sums.

A *reading* (``readings/``) proposes cells with their evidence; only the arbiter (``arbiter.py``)
turns readings into fields.  Readings come in two kinds, each with one signature:
``read(ctx: RowContext) -> list[Reading]`` for one row's numbers, ``read(ctx: TableContext) ->
list[Reading]`` for a whole table.
"""

from __future__ import annotations

import contextvars
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Literal

from .. import schema
from ..labels import Anchor
from ..layout import BLANK, MARK, NUM, Token
from ..report import Field, Finding
from ..values import is_filler, read_cell

# Enumerating placements is exponential in glued digits; beyond these bounds a row is left doubtful.
MAX_GLUED_DIGITS = 18  # a glued run of more digits is not split (no template row has more)
MAX_CANDIDATES = 20000  # placements examined per row
MAX_ALTERNATIVES = 64  # placements of one row handed to the whole-table solver
# placements of one part 二 row kept on the report (Report.alternatives): more would make them the
# report's largest part, and a row with more is left as it is
MAX_KEPT_ALTERNATIVES = 32
MAX_CELL_DIGITS = 9  # no count in a report reaches a billion: longer parts of a glued run are not cells
MAX_ROW_CELLS = 15  # the widest template row (part 四)
MAX_CUTS = 5000  # ways to cut one glued run examined
MAX_SLACK = 6  # tokens beyond a row's width that placement still enumerates
MAX_EXTRA_CELLS = 4  # numbers beyond a row's width that placement tries to drop
MAX_COMBINATIONS = 50000  # combinations of ambiguous rows the whole-table solver tries
MAX_SUM_NODES = 50_000  # steps of the sum-guided cutting of one row…
MAX_DOC_SUM_NODES = 100_000  # …and of all rows of one report: the time bound holds per report, not per row
#: what is left of the report's budget of cutting steps (set by ``assemble`` for each report)
SUM_BUDGET: contextvars.ContextVar[list[int] | None] = contextvars.ContextVar("sum_budget", default=None)
# A text token that reads like prose ends a table: tables hold labels, not sentences.
PROSE_MIN_LEN = 60
NARRATIVE_MIN_VALUE = 10  # small numbers (1, 2, 5…) occur everywhere in prose: they prove nothing
#: the signs that open a 本年增/减 cell ("-15", "+62"): a number led by one stands only in a signed column
SIGNS = ("+", "-")

Value = int | float | None
Check = Callable[[list[Value]], "bool | None"]
Prefer = Callable[[list[Value]], float]
ColumnModel = tuple[str, list[float]]  # unit ("x" characters | "w" display columns), column centres
Grid = list[tuple[int, str]]  # (start, kind) of the row's cell under each column label

# The value objects of this stage (cells, placements, readings, contexts) are never changed once made,
# but are not declared frozen: a frozen dataclass sets every field through object.__setattr__, which
# made building them (a report makes hundreds of cells and placements) several times dearer than
# plain assignment.  ``unsafe_hash`` keeps the hash a frozen one had (cells are dictionary keys).


@dataclass(slots=True, unsafe_hash=True)
class Cell:
    text: str
    kind: str  # num | mark | blank
    start: int  # span in the normalised text
    end: int
    split: bool = False  # cut out of a glued run of digits


@dataclass(slots=True, unsafe_hash=True)
class Placed:
    cell: Cell | None
    value: Value
    status: str
    unit: str | None = None


def cell_of(t: Token) -> Cell:
    return Cell(t.text, t.kind, t.start, t.end)


def _cell_value(c: Cell | None, money: bool) -> tuple[Value, str, str | None]:
    if c is None:
        return None, "missing", None
    if c.kind == BLANK:
        return None, "blank", None
    if c.kind == MARK:
        # a filler ("详见附表") holds the cell's place like a mark, but the count it stands for is unknown
        return None, "doubtful" if is_filler(c.text) else "not_applicable", None
    return read_cell(c.text, money=money)


def _vkey(v: tuple[Value, str, str | None]) -> tuple[str, float | None]:
    return (v[1], None if v[0] is None else float(v[0]))


def inferred(p: Placed) -> Placed:
    """The cell as placed by reasoning: a confident status becomes ``inferred``."""
    if p.status in ("ok", "blank", "not_applicable"):
        return Placed(p.cell, p.value, "inferred", p.unit)
    return p


# -- the row sums (R3, R4) ------------------------------------------------------------------------
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


def _row_note(note: str, where: str, keys: Sequence[str]) -> Finding:
    msg = {
        "extra_cells": f"{where}: the row has more numbers than columns; the placement the arithmetic allows was taken",
        "missing_cells": f"{where}: the row has fewer cells than columns (cells lost in conversion?); its values are doubtful",
        "glued_digits": f"{where}: digits of several cells are run together; they were split where the arithmetic allows",
        "ambiguous_cells": f"{where}: more than one placement of the row's numbers fits; the cells that differ are doubtful",
        "cells_placed_by_arithmetic": f"{where}: the row has more cells than columns (empty cells at its edges); the placement its arithmetic allows was taken",
        "wider_than_table": f"{where}: the table's other rows show fewer numbers than columns (a column left blank), this row "
        "one for every column, and its sum cannot confirm them (a number split in two, or a stray one?); its values are doubtful",
    }[note]
    return Finding(note, "warning", msg, keys=tuple(keys))


# -- readings and what they read -----------------------------------------------------------------
Mode = Literal["read", "repair", "alternative"]
# a row whose own sum leaves several placements: (its placements, label, keys), for the whole-table solver
Alternatives = tuple[list[list[Placed]], "str | None", list[str]]


@dataclass(unsafe_hash=True)
class Reading:
    """One way of reading a row or a table: the cells it proposes and what supports them.

    ``mode`` "read": cells read by their labels or positions, applied as proposed; "repair": fills
    only cells that no earlier reading decided (missing or doubtful) and the cells in ``overrides``
    (cells an earlier reading placed against the row's own sum); "alternative": another reading of a
    whole table, weighed by the arbiter against what the board holds (``Arbiter.weigh``).  ``alternatives`` hands a row's
    placements the row's sum could not choose between to the arbiter: to its whole-table solver where
    the table has column sums (part 三), to the report otherwise (part 二: ``kept_alternatives``).  A
    table reading of the numbers after a row names that row in ``after``.
    """

    name: str
    cells: dict[str, Placed]
    labels: dict[str, str | None]
    findings: tuple[Finding, ...] = ()
    evidence: str = ""
    mode: Mode = "read"
    overrides: frozenset[str] = frozenset()
    alternatives: tuple[tuple[str, Alternatives], ...] = ()
    after: str | None = None  # a reading of the numbers after this row: applied right after it


# the name of part 四's one value row (its RowContext's ``where``): its rows of cells are merged cell by cell
# where they fill each other's empty cells, and doubted where they do not (part4.py), not by
# _crowded_rows, which is part 三's and 二's
PART4 = "part 四"


@dataclass(unsafe_hash=True)
class RowContext:
    """One row's numbers and the evidence about its columns, as a row reading sees them."""

    where: str  # the row's name in findings (its key, or PART4)
    label: str | None
    tokens: tuple[Token, ...]  # the value tokens between the row's label and the next row's
    keys: tuple[str, ...]  # the field of each column
    money: tuple[bool, ...]
    check: Check | None = None  # the row's own sum (R3, R4)
    prefer: Prefer | None = None  # R7: how many of a placement's numbers the narrative states
    model: ColumnModel | None = None  # column centres from full rows (or part 四's header)
    trail: int | None = None  # empty cells after the last value in rows of this shape
    grid: Grid | None = None  # the row's cells under the header row's column labels
    detached: tuple[int, Token] | None = None  # a cell lifted out of the table: (column, token)
    inferred: bool = False  # placed by reasoning (rows without their labels): nothing is ok
    narrative: frozenset[float] = frozenset()  # numbers stated in the preface and part 一
    signed: tuple[bool, ...] | None = None  # the columns that may hold a negative number (本年增/减)
    wide: bool = False  # the table's other rows show fewer numbers than columns (a column left blank)
    blank_column: bool = False  # the table's rows show fewer numbers than columns: a column it leaves blank
    # a full row with a not-applicable mark, in space-aligned text, ``model`` from the table's full rows:
    # checked against its columns (readings/aligned.py)
    check_columns: bool = False
    # …against every model of the columns that keeps them in order: centres and edges, in characters
    # and in display columns (full-width digits count one character and two display columns, so a row
    # of wider numbers than the model's drifts in one unit; cells aligned left line up their left edges)
    column_models: tuple[ColumnModel, ...] = ()

    @property
    def placement(self) -> tuple[list[Placed], str | None, list[list[Placed]]]:
        """The row placed in token order (resolve_row), computed once for every reading that uses it.

        (Kept in the instance's dict by hand: functools.cached_property takes a lock on every read in
        Python 3.11, which cost more than the common row's placement itself.)"""
        got: tuple[list[Placed], str | None, list[list[Placed]]] | None = self.__dict__.get("_placement")
        if got is None:
            got = self.__dict__["_placement"] = self._place()
        return got

    def _place(self) -> tuple[list[Placed], str | None, list[list[Placed]]]:
        alts: list[list[Placed]] = []
        placed, note = _resolver()(
            self.tokens, len(self.keys), money=list(self.money), check=self.check, prefer=self.prefer,
            alternatives=alts, trail=self.trail, grid=self.grid, signed=self.signed, wide=self.wide, blank_column=self.blank_column,
        )
        toks = self.tokens
        if len({p.value for p in placed if p.value is not None}) > 1 and (
            (self.detached is None and _cells_and_bare_text(toks))
            or _units_wrapped_away(toks) or (self.where != PART4 and _crowded_rows(toks))
        ):
            # numbers in no known order, whose row's sum holds for every order: a row of cells continued in
            # bare text (a page break between: "| （五） | ①信 | 　 | 75 - | 4 | 27 | 9 　 |" / "第2页" / "不予处
            # 访举报 1409 1524"; a cell lifted out of the table and put back by its note is placed:
            # readings/detached.py); cells at different heights, read top to bottom: numbers whose unit
            # wrapped a line below stand a line above the row's other cells (a narrow cell's "31件" printed
            # "31" / "件", vertically centred: pdfplumber's "二、上年结 31 38" over "0件 128件 0件 0件 197件"),
            # and a row split over two rows of cells with crowded cells (markitdown)
            placed, note = [Placed(p.cell, p.value, "doubtful", p.unit) for p in placed], note or "ambiguous_cells"
        return placed, note, alts


def _cells_and_bare_text(toks: Sequence[Token]) -> bool:
    """Whether a row's numbers and marks come both from a row of cells and from text without cells."""
    seen = None
    for t in toks:
        if t.kind != BLANK:
            if seen is None:
                seen = t.explicit
            elif t.explicit != seen:
                return True
    return False


def _crowded_rows(toks: Sequence[Token]) -> bool:
    """Whether a row's numbers stand on two rows of cells or more, several in one cell (markitdown of a
    printed page splits a row at its cells' heights and merges columns: "| （一）予以公开 | | 10 5 | | |" over
    "| | 171 12 | | 35 | 15 248 |" is 171 | 12 | 10 | 5 | 35 | 15 | 248): read row after row, the sum
    holds for any order of the cells before the total."""
    vals = [t for t in toks if t.kind != BLANK]
    return len({t.row for t in vals}) > 1 and all(t.explicit for t in vals) and any(t.crowded for t in vals)


def _units_wrapped_away(toks: Sequence[Token]) -> bool:
    """Whether a row of bare text (no cells, no positions) has numbers without a unit on a line above
    numbers with one: the report prints its counts with their unit, and those cells wrapped it."""
    first_with = next((t.line for t in toks if t.kind == NUM and t.unit is not None), None)
    return first_with is not None and any(t.kind == NUM and t.unit is None and t.line < first_with and not t.explicit and t.x0 < 0 for t in toks)


_resolve_row: Callable[..., tuple[list[Placed], str | None]] | None = None


def _resolver() -> Callable[..., tuple[list[Placed], str | None]]:
    """resolve.resolve_row (resolve imports this module: bound on first use, not imported each time)."""
    global _resolve_row
    if _resolve_row is None:
        from .resolve import resolve_row

        _resolve_row = resolve_row
    return _resolve_row


@dataclass(unsafe_hash=True)
class PlanRow:
    """A row found by its label: its own value tokens and the label-less rows of numbers after it."""

    anchor: Anchor
    own: list[Token]
    orphans: list[list[Token]]


@dataclass(unsafe_hash=True)
class TableContext:
    """A table as a table reading sees it: its tokens, the rows found, and the board so far (read-only)."""

    tokens: list[Token]
    lo: int
    hi: int
    edition: str
    board: Mapping[str, Field]
    plan: tuple[PlanRow, ...] = ()
    columns: Mapping[str, Sequence[schema.Label]] = field(default_factory=dict)
    order: tuple[str, ...] = ()  # row keys in template order
    check: Check | None = None
    prefer: Prefer | None = None
    anchors: tuple[Anchor, ...] = ()  # the row labels found
    findings: tuple[Finding, ...] = ()  # what reading the table by its labels raised
    # the table read again with other anchors (a fresh board): for readings that place labels otherwise
    reread: Callable[[list[Anchor]], tuple[dict[str, Placed], list[Finding]]] | None = None
