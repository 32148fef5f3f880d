"""Detached cells: annotated cells a converter lifted out of a part 二 table (``22（其中修订16件）``
printed as a loose line under the caption, the row keeping two of its three numbers).

The loose numbers between a block's caption and its first row are taken when each is followed by a
note that names one column by its ``annotations`` in fields.toml, all name the same column, and there
is one for every row; each goes back into that column of its row when every such row is exactly that
one cell short.  Cells ``inferred``.  Finding ``detached_cells``.  Case row
``detached-annotated-cells`` in ``tests/cases/quirks.py``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from ... import schema
from ...labels import keyed
from ...layout import BLANK, MARK, NUM, TEXT, Token
from ...normalize import key_normalized
from ...report import Finding
from ..model import PlanRow, Reading, RowContext
from .positional import as_reading

NAME = "detached"
Detached = dict[str, tuple[int, Token]]  # row key -> (column, token)


def read(ctx: RowContext) -> list[Reading]:
    """The row with its detached cell put back (``ctx.detached``, set by :func:`put_back`)."""
    if ctx.detached is None:
        return []
    return [as_reading(ctx, NAME, "a loose number under the caption whose note names this column")]


def find(tokens: list[Token], windows: Sequence[tuple[int, int, tuple[str, ...], tuple[schema.Label, ...]]]) -> Detached:
    """The detached cells of every part 二 block (window: caption .. first row found)."""
    out: Detached = {}
    for lo, hi, rows, cols in windows:
        out.update(_loose_cells(tokens, lo, hi, rows, cols))
    return out


def _loose_cells(tokens: list[Token], lo: int, hi: int, rows: tuple[str, ...], cols: Sequence[schema.Label]) -> Detached:
    """Cells that a converter lifted out of a part 二 table, one per row, in row order."""
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
    return {r: (c, t) for r, (t, c) in zip(rows, loose)}


def put_back(
    plan: list[PlanRow], detached: Detached, columns: Mapping[str, Sequence[schema.Label]]
) -> tuple[list[PlanRow], Finding] | None:
    """The plan with each detached cell in its row, when every such row is exactly that one cell short."""
    short = {p.anchor.row.key: p.own for p in plan if p.anchor.row.key in detached}
    if not detached or len(short) != len(detached) or not all(
        len(own) == len(columns[k]) - 1 and all(t.kind == NUM for t in own) for k, own in short.items()
    ):
        return None
    out = []
    for p in plan:
        if p.anchor.row.key in detached:
            col, tok = detached[p.anchor.row.key]
            p = PlanRow(p.anchor, [*p.own[:col], tok, *p.own[col:]], p.orphans)
        out.append(p)
    finding = Finding(
        "detached_cells",
        "warning",
        f"{len(detached)} annotated cell(s) printed apart from their table were put back into the column "
        "their note names, one per row that lacks one cell (status inferred)",
        keys=tuple(f"{k}.{columns[k][c].key}" for k, (c, _) in detached.items()),
    )
    return out, finding
