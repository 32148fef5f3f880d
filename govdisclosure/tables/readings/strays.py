"""Stray cells: a lone number printed apart from part 三's rows, whose row kept an empty cell in its
place (a PDF-to-markdown converter lifted the kewei report's 结转 总计 out of its row: ``| 1 | 0 | … |  |``
and a loose line ``1`` a block earlier).

The lone number goes back into the one blank cell that the table's sums (R1, R3) say holds exactly
that number (``inferred``, finding ``detached_cells``); blank cells that several relations or strays
could fill are made doubtful instead.  Case row ``loose-labels-above-label-less-rows`` in
``tests/cases/quirks.py``.
"""

from __future__ import annotations

from collections.abc import Mapping

from ... import validate
from ...layout import NUM
from ...report import Field, Finding
from ...values import read_cell
from ..model import Cell, Placed, Reading, TableContext

NAME = "strays"


def read(ctx: TableContext) -> list[Reading]:
    """One reading: the strays put back where the sums place them, blanks they could fill in doubt."""
    spans = sorted({sp for f in ctx.findings if f.code == "stray_values" for sp in f.spans})
    if not spans:
        return []
    want = _blanks_wanted(ctx.board, ctx.edition)
    texts = {t.start: t.text for t in ctx.tokens[ctx.lo : ctx.hi] if t.kind == NUM}
    cells: dict[str, Placed] = {}
    findings: list[Finding] = []
    for a, b in spans:
        text = texts.get(a)
        v = read_cell(text)[0] if text is not None else None
        fit = [k for k, xs in want.items() if v is not None and xs == {float(v)}]
        if len(fit) == 1 and text is not None:
            cells[fit[0]] = Placed(Cell(text, NUM, a, b), v, "inferred")
            findings.append(Finding(
                "detached_cells",
                "warning",
                f"a lone number ({v}) printed apart from part 三's rows was put back into the one blank cell "
                "the table's sums give it to (status inferred)",
                keys=(fit[0],),
            ))
        else:
            cells.update({k: Placed(None, None, "doubtful") for k in fit})
    evidence = "a lone number and the blank cell the table's sums give it to"
    labels = {k: ctx.board[k].label for k in cells}
    return [Reading(NAME, cells, labels, tuple(findings), evidence, mode="repair", overrides=frozenset(cells))]


def _blanks_wanted(board: Mapping[str, Field], edition: str) -> dict[str, set[float]]:
    """Blank cells that are the only unknown of an R1 or R3 relation: the values the relations give them."""
    want: dict[str, set[float]] = {}
    for rule, lhs, rhs in validate.relations(edition, board):
        if rule not in ("R1", "R3"):
            continue
        ks = lhs + rhs
        blanks = [k for k in ks if k in board and board[k].status == "blank"]
        if len(blanks) != 1 or any(k not in board or (board[k].value is None and k not in blanks) for k in ks):
            continue
        b = blanks[0]
        side = sum(board[k].value for k in (lhs if b in rhs else rhs))  # type: ignore[misc]
        other = sum(board[k].value for k in (rhs if b in rhs else lhs) if k != b)  # type: ignore[misc]
        want.setdefault(b, set()).add(float(side - other))
    return want
