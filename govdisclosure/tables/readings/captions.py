"""Column captions: part 二 blocks printed column by column (plain pdftotext of some PDFs): the label
column, then each column as its caption and its numbers ("本年制发件数 1 8 本年废止件数 0 26 现行有效件数
11 66 本年处理决定数量 447228 …").

A repair: every block whose row labels were all found but that holds no value takes, in template
order, the next runs whose captions are its columns (a caption wrapped over two lines, "上一年项" /
"目数量", counts as one) and that hold exactly one number per row.  Cells ``inferred`` (``doubtful`` where another block
with the same captions and as many rows took no columns: whose runs they are is then unsure).
Finding ``columns_from_captions``.  Case rows ``pdftotext-column-by-column-all-zero`` and
``part2-column-by-column-caption-wrapped-over-two-lines`` in ``tests/cases/quirks.py``.
"""

from __future__ import annotations

import functools

from ... import schema
from ...labels import keyed
from ...layout import MARK, NUM, TEXT, Token
from ...normalize import key, key_normalized
from ...report import Finding
from ...values import read_cell
from ..model import Placed, Reading, TableContext, cell_of

NAME = "captions"


def read(ctx: TableContext) -> list[Reading]:
    """One reading per part 二 block read under its column captions."""
    todo = _blocks_without_values(ctx)
    if not todo:
        return []
    runs = _caption_runs(ctx)
    out = []
    done: list[tuple[schema.ActiveBlock, list[list[Token]]]] = []
    at = 0
    first_label = {p.anchor.row.key: p.anchor.tok for p in ctx.plan}
    for b in todo:
        rows, cols = b.rows_for(ctx.edition), b.columns_for(ctx.edition)
        plan: list[list[Token]] = []
        # printed column by column, a block's columns follow its labels: a caption before them is
        # another block's (a crawler's dump of 二 has every block's captions, and their numbers glued)
        label_at = min(first_label[f"active.{r.key}"] for r in rows)
        j = at
        while j < len(runs) and runs[j][2] < label_at:
            j += 1
        for c in cols:
            words = keyed(c.wordings)
            while j < len(runs) and not (_is_caption(runs, j, words) and not _under_another(runs[j][0], b)):
                j += 1
            if j == len(runs) or len(runs[j][1]) != len(rows):
                break
            plan.append(runs[j][1])
            j += 1
        if len(plan) != len(cols):
            continue
        at = j
        done.append((b, plan))
    # blocks with the same captions and as many rows (the 2019 edition's (五) and (六)): unless each
    # took its columns here, the one that did may hold the other's (pdfminer printing a block's
    # columns before its labels, or after the next block's caption): whose runs they are is unsure
    missed = {
        (len(b.rows_for(ctx.edition)), w)
        for b in schema.load().active if ctx.edition in b.editions and all(b is not d for d, _ in done)
        for c in b.columns_for(ctx.edition) for w in keyed(c.wordings)
    }
    for b, plan in done:
        rows, cols = b.rows_for(ctx.edition), b.columns_for(ctx.edition)
        unsure = any((len(rows), w) in missed for c in cols for w in keyed(c.wordings))
        out.append(_reading(b, rows, cols, plan, unsure))
    return out


def _is_caption(runs: list[tuple[str, list[Token], int]], j: int, words: tuple[str, ...]) -> bool:
    """Whether run ``j`` is a column's caption, alone or as the end of a caption wrapped over two
    lines ("上一年项" / "目数量"): the run before it holds no number and not the whole caption."""
    if any(w in runs[j][0] for w in words):
        return True
    if j == 0 or runs[j - 1][1]:
        return False
    joined = runs[j - 1][0] + runs[j][0]
    return any(w in joined and w not in runs[j - 1][0] for w in words)


def _under_another(text: str, b: schema.ActiveBlock) -> bool:
    """Whether the numbers after a run of text are under another block's 第二十条 caption: the last one
    the run holds (a crawler's dump runs "第二十条第(五)项信息内容本年处理决定数量行政许可-第二十条第(六)项
    信息内容本年处理决定数量行政处罚" into one run: its number is 行政处罚's, not a (五) column's)."""
    last, whose = -1, None
    for o, k in _caption_keys():
        at = text.rfind(k)
        if at > last:
            last, whose = at, o
    return whose is not None and whose is not b


@functools.cache
def _caption_keys() -> tuple[tuple[schema.ActiveBlock, str], ...]:
    """Each block with the matching key of its 第二十条 caption."""
    return tuple((b, key(b.caption)) for b in schema.load().active)


def _blocks_without_values(ctx: TableContext) -> list[schema.ActiveBlock]:
    """The blocks whose rows were all found by their labels, none of them with a value."""
    found_rows = {p.anchor.row.key for p in ctx.plan}
    blocks = [b for b in schema.load().active if ctx.edition in b.editions]
    out = []
    for b in blocks:
        rows = b.rows_for(ctx.edition)
        if not all(f"active.{r.key}" in found_rows for r in rows):
            continue
        prefixes = tuple(f"active.{r.key}." for r in rows)  # (once a block, not once a key of the board)
        if not any(k.startswith(prefixes) for k in ctx.board):
            out.append(b)
    return out


def _caption_runs(ctx: TableContext) -> list[tuple[str, list[Token], int]]:
    """Each text token with the numbers and marks after it, and its place in the tokens."""
    runs: list[tuple[str, list[Token], int]] = []
    for i in range(ctx.lo, ctx.hi):
        t = ctx.tokens[i]
        if t.kind == TEXT:
            runs.append((key_normalized(t.text), [], i))
        elif t.kind in (NUM, MARK) and runs:
            runs[-1][1].append(t)
    return runs


def _reading(
    b: schema.ActiveBlock, rows: tuple[schema.Label, ...], cols: tuple[schema.Label, ...], plan: list[list[Token]], unsure: bool
) -> Reading:
    cells: dict[str, Placed] = {}
    labels: dict[str, str | None] = {}
    for c, column in zip(cols, plan):
        for r, t in zip(rows, column):
            v, status, unit = read_cell(t.text, money=c.money)
            k = f"active.{r.key}.{c.key}"
            cells[k] = Placed(cell_of(t), v, "doubtful" if unsure else "inferred" if status == "ok" else status, unit)
            labels[k] = r.label
    finding = Finding(
        "columns_from_captions",
        "warning",
        f"part 二 第二十条第({b.item})项 was printed column by column; each column's numbers were read "
        "under its caption, in row order",
        keys=tuple(cells),
    )
    return Reading(NAME, cells, labels, (finding,), "a caption of the block's columns, then one number per row", mode="repair")
