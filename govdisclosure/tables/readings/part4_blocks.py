"""Part 四 in block order: plain pdftotext prints part 四's value row block by block, not column by
column (Huai'an: ``72 64 178 37 | 12 1 1 6 | 351 | 13 4 8 1 26 | 20``).

When the reading order breaks R4 (总计 = 维持 + 纠正 + 其他 + 尚未审结) in a group, the fifteen numbers
are split into three in-order runs of five that each satisfy R4, those made of the fewest contiguous
blocks kept, and the groups ordered by where their 总计 stands.  Arithmetic never tells 复议 from the
two 诉讼 groups, so the cells are ``doubtful``; the 复议 group is ``inferred`` when the narrative states
its total and no other group's.  Finding ``part4_regrouped``.  Case row ``pdftotext-part4-block-order`` in
``tests/cases/quirks.py``.
"""

from __future__ import annotations

import itertools

from ...layout import NUM
from ...report import Finding
from ..model import MAX_ALTERNATIVES, NARRATIVE_MIN_VALUE, Placed, Reading, RowContext, Value, _r4_check

NAME = "part4_blocks"


def read(ctx: RowContext) -> list[Reading]:
    """Part 四's row regrouped so that every group satisfies R4, when its reading order does not."""
    vals = [t for t in ctx.tokens if t.kind == NUM]
    if len(vals) == 15 and len({t.row for t in vals}) == 1 and not any(t.glued for t in vals):
        # fifteen numbers on one line are in column order (a converter's block order breaks the line
        # between blocks): a sum that fails there is the report's, not the order's
        return []
    placed, _, _ = ctx.placement
    regrouped = _regroup_part4(placed, ctx.narrative)
    if regrouped is None:
        return []
    cells, how = regrouped
    finding = Finding("part4_regrouped", "warning", how, keys=ctx.keys)
    return [Reading(NAME, dict(zip(ctx.keys, cells)), dict.fromkeys(ctx.keys, ctx.label), (finding,), "three runs of five that each satisfy R4")]


def _regroup_part4(placed: list[Placed], narrative: frozenset[float]) -> tuple[list[Placed], str] | None:
    """Part 四's fifteen numbers in a converter's block order, regrouped by R4 (see the module)."""
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
    v0 = v[first]
    for pick in itertools.combinations(others, 4):
        a, b, c, d = pick
        # (the sum of the group's first four as sum() adds them, 0 first, without a generator: this
        # runs for each of the 1001 picks of the first group)
        if abs(0 + v0 + v[a] + v[b] + v[c] - v[d]) < 1e-6:  # type: ignore[operator]
            left = [i for i in others if i not in pick]
            _r4_splits(v, left, (*acc, (first, *pick)), out)
