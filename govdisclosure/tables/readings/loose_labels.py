"""Loose labels: part 三's row labels standing apart from their numbers (PDF-to-markdown converters
that print a block's labels together and its label-less rows after them; pdfplumber and markdown
printing a wrapped label below its row's numbers).

The same holds for each block of part 二 (Chromium-printed PDFs through plain pdftotext print
"13 13 524 / 规章 / 60 60 368 / 规范性文件": 规章 took 60 60 368, ok).

A label on a line of its own may belong to the numbers below it (what the labels' reading assumed),
to the numbers above it (so may a label whose line holds some of its row's cells, its marks, and
the numbers above it the rest: PyMuPDF's layout text of a Chromium PDF), or to neither (the rows then take the numbers in template order between the
labels that do stand on their rows).  This reading proposes the two other readings of the whole
table as alternatives; the arbiter weighs them against the board (``Arbiter.weigh``): a reading
survives when it places every row and every number and keeps R1–R3.  Case row
``loose-labels-above-label-less-rows`` in ``tests/cases/quirks.py`` (the shanghai-kewei-2024 shape).
"""

from __future__ import annotations

import dataclasses

from ...labels import Anchor
from ...layout import BLANK, MARK, NUM, Token
from ..model import Reading, TableContext

NAMES = ("labels_on_their_rows", "numbers_above_labels")


def read(ctx: TableContext) -> list[Reading]:
    """The table read with only the labels on their rows, and with every loose label taking the numbers above it."""
    anchors = sorted(ctx.anchors, key=lambda x: x.tok)
    if not anchors or ctx.reread is None:
        return []
    strong = [on_its_row(ctx.tokens, a, anchors[i + 1].tok if i + 1 < len(anchors) else ctx.hi) for i, a in enumerate(anchors)]
    if all(strong) or _settled(ctx, anchors):
        return []
    alts = {NAMES[0]: [a for a, s in zip(anchors, strong) if s]}
    width = {k: len(c) for k, c in ctx.columns.items()}
    above = _numbers_above(ctx.tokens, anchors, strong, ctx.lo, width)
    if above is not None:
        alts[NAMES[1]] = above
    out = []
    for name, alt in alts.items():
        cells, findings = ctx.reread(alt)
        evidence = "labels that stand apart from their numbers, read " + name.replace("_", " ")
        out.append(Reading(name, cells, {}, tuple(findings), evidence, mode="alternative"))
    return out


def on_its_row(tokens: list[Token], a: Anchor, nxt: int) -> bool:
    """A label on the row of its numbers (a pipe, tab or aligned row): nothing else can be its row.
    A row of empty cells alone is no such row: it may be the rest of a row broken by a page break,
    the label's end on the next page and its numbers on the row above ("| 3. | 13 | … | 13 |" / page
    footer and repeated header / "| 补正后申请内容仍不明确 | | … |")."""
    rows = {tokens[a.tok].row, tokens[a.end_tok].row}
    for t in tokens[a.end_tok + 1 : nxt]:
        if t.kind in (NUM, MARK, BLANK):
            here = t.row in rows or tokens[a.tok].row <= t.row <= tokens[a.end_tok].row
            if not here or t.kind != BLANK:
                return here
    return False  # a label with no numbers after it (or only empty cells) stands apart from them


def _numbers_above(
    tokens: list[Token], anchors: list[Anchor], strong: list[bool], lo: int, width: dict[str, int]
) -> list[Anchor] | None:
    """Every label that stands apart from its numbers moved to the row of numbers printed just above
    it; None when no label has such a row free above it."""
    out: list[Anchor] = []
    moved = False
    for i, a in enumerate(anchors):
        n = width.get(a.row.key, 1)
        if not strong[i]:
            j = _row_above(tokens, anchors, strong, i, lo, n)
        else:
            # a label on a row short of cells (its marks on the label's line, PyMuPDF's layout text
            # printing the row's numbers a line above): the numbers above fill it
            nxt = anchors[i + 1].tok if i + 1 < len(anchors) else len(tokens)
            here = _cells_on_its_line(tokens, a, nxt)
            j = _row_above(tokens, anchors, strong, i, lo, n - here) if 0 < here < n else None
            if j is not None and _cells_from(tokens, j, a.tok) != n - here:
                j = None
        if j is None:
            out.append(a)
            continue
        out.append(_starting_at(tokens, a, j))
        moved = True
    return out if moved else None


def _starting_at(tokens: list[Token], a: Anchor, j: int) -> Anchor:
    """The label moved to start the row at token ``j``: onto the token before it where that is no
    cell, else onto ``j`` itself, ending before it (the cell before is the previous row's)."""
    if tokens[j - 1].kind in (NUM, MARK, BLANK):
        return dataclasses.replace(a, tok=j, end_tok=j - 1)
    return dataclasses.replace(a, tok=j - 1, end_tok=j - 1)


def _cells_on_its_line(tokens: list[Token], a: Anchor, nxt: int) -> int:
    """How many cells (numbers, marks, empty cells) stand on the label's own line(s) after it."""
    rows = {tokens[a.tok].row, tokens[a.end_tok].row}
    return sum(1 for t in tokens[a.end_tok + 1 : nxt] if t.kind in (NUM, MARK, BLANK) and t.row in rows)


def _cells_from(tokens: list[Token], j: int, end: int) -> int:
    return sum(1 for t in tokens[j:end] if t.kind in (NUM, MARK, BLANK))


def _row_above(tokens: list[Token], anchors: list[Anchor], strong: list[bool], i: int, lo: int, n: int) -> int | None:
    """The first token of the row of numbers between label ``i`` and the label before it (its ``n``
    cells, on one line or one a line), unless that row is the one the label before stands on."""
    a = anchors[i]
    floor = anchors[i - 1].end_tok + 1 if i else lo
    prev = anchors[i - 1] if i else None
    own_rows = {tokens[prev.tok].row, tokens[prev.end_tok].row} if prev is not None and strong[i - 1] else set()
    j = a.tok - 1
    while j >= floor and tokens[j].kind not in (NUM, MARK):
        j -= 1
    if j < floor or tokens[j].row in own_rows:
        return None
    row, cells = tokens[j].row, 1
    while j - 1 >= floor and tokens[j - 1].kind in (NUM, MARK, BLANK) and (tokens[j - 1].row == row or cells < n):
        j -= 1
        row, cells = tokens[j].row, cells + 1
    return j


def _settled(ctx: TableContext, anchors: list[Anchor]) -> bool:
    """The labels' reading leaves nothing over: every row read, every number used, none before the
    first label.  The other readings could then only shift rows onto numbers that are not there."""
    from ..arbiter import complete

    if any(t.kind in (NUM, MARK) for t in ctx.tokens[ctx.lo : anchors[0].tok]):
        return False
    return complete(ctx, ctx.board, ctx.findings)
