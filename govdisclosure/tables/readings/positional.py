"""Positional: a row's numbers in token order (text whose cells keep their order: tabs, pipes, one
cell a line, spaces).

The row's value tokens are placed into its columns by :func:`~govdisclosure.tables.resolve.resolve_row`:
one token per column is read as is; otherwise every placement that fits (blank cells at the row's
edges dropped, an extra number dropped) is enumerated and only the cells every placement the row's
sum allows agrees on are confident.  Findings ``extra_cells``, ``missing_cells``, ``ambiguous_cells``,
``cells_placed_by_arithmetic``.  Case rows: every DEV case of ``tests/cases/quirks.py`` read across,
e.g. ``typo-benniandu-zhi``; ``extra-cell-decided-by-row-sum`` for a number too many.
"""

from __future__ import annotations

from ..model import Reading, RowContext, _row_note, inferred

NAME = "positional"


def read(ctx: RowContext) -> list[Reading]:
    """The row read in token order."""
    return [as_reading(ctx, NAME, "the row's value tokens in order, between its label and the next row's")]


def as_reading(ctx: RowContext, name: str, evidence: str) -> Reading:
    """The row's placement (``ctx.placement``) as a reading named ``name``."""
    placed, note, alts = ctx.placement
    cells = {k: inferred(p) for k, p in zip(ctx.keys, placed)} if ctx.inferred else dict(zip(ctx.keys, placed))
    return Reading(
        name,
        cells,
        dict.fromkeys(ctx.keys, ctx.label),
        (_row_note(note, ctx.where, ctx.keys),) if note else (),
        evidence,
        # (every row's: the whole-table solver takes them for part 三, whose columns have sums, and the
        # report keeps part 二's for the cross-year step, crossyear.decide)
        alternatives=((ctx.where, (alts, ctx.label, list(ctx.keys))),) if len(alts) > 1 else (),
    )
