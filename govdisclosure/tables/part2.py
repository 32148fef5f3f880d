"""Part 二 (主动公开政府信息情况): the blocks under their 第二十条 captions, each a table of its own."""

from __future__ import annotations

import regex

from .. import schema
from ..labels import Anchor, keyed, label_stream
from ..layout import BLANK, MARK, NUM, TEXT, Token
from ..normalize import key_normalized
from ..report import Finding
from ..sections import DocInfo
from ..values import read_cell
from .arbiter import Arbiter, RowReading, TableReading, doubt_glued_marks, doubt_keys, doubt_stacked_cells, weigh
from .model import Placed, PlanRow, Prefer, TableContext
from .readings import aligned, captions, detached, glued, loose_labels, positional
from .rows import Window, attach_signs, part2_anchors, part2_stops, plan_rows, region, row_contexts, tok_range

ROW_READINGS: list[RowReading] = [detached.read, aligned.read, glued.read, positional.read]
READINGS: list[TableReading] = []
# other readings of each block, weighed against the board by the arbiter (arbiter.weigh)
ALTERNATIVES: list[TableReading] = [loose_labels.read]
REPAIRS: list[TableReading] = [captions.read]


def assemble(arb: Arbiter, tokens: list[Token], starts: list[int], doc: DocInfo, n_text: int, prefer: Prefer) -> tuple[int, int] | None:
    """Read part 二 onto the board; its region, or None when it is not there."""
    r2 = region(doc, 2, n_text)
    if r2 is None:
        arb.note(Finding("table_missing", "warning", "part 二's tables (第二十条 captions) were not found"))
        return None
    edition = arb.edition
    lo, hi = tok_range(starts, r2)
    if edition == "2019":
        attach_signs(tokens, lo, hi)
    blocks = [b for b in schema.load().active if edition in b.editions]
    st = label_stream(tokens, lo, hi)  # one stream of the part's labels: its blocks' and its captions'
    rows, cols_of, anchors, windows, caps = part2_anchors(tokens, lo, hi, blocks, edition, st)
    stops = part2_stops(st, rows, cols_of, caps)
    plan = plan_rows(tokens, anchors, hi, cols_of, stops)
    found = detached.find(tokens, windows)
    back = detached.put_back(plan, found, cols_of)
    if back is not None:
        plan, finding = back
        arb.note(finding)
    ctxs = row_contexts(tokens, plan, hi, cols_of, None, prefer, detached=found if back is not None else None)
    table = TableContext(tokens, lo, hi, edition, arb.fields, tuple(plan), cols_of)
    before = len(arb.findings)
    arb.run(table, ctxs, ROW_READINGS, READINGS, [])
    if found and back is None:
        _detached_left_out(arb, found, cols_of)
    words = _caption_words(cols_of)  # once for the part, not once for every block
    for w in windows:
        _weigh_block(arb, table, w, anchors, stops, caps, tuple(arb.findings[before:]))
        _stacked_labels(arb, table, w, anchors, caps)
        _captions_among_rows(arb, table, w, anchors, caps, words)
        _rows_before_their_caption(arb, w, anchors)
        _rows_past_the_next_caption(arb, table, w, anchors, caps)
        _numbers_between_rows(arb, table, w, anchors, caps)
        _glued_into_a_lost_row(arb, plan, w)
    _captions_before_numbers(arb, table, anchors, caps, cols_of, words)
    doubt_glued_marks(arb, table)
    doubt_stacked_cells(arb, table)
    if edition == "2019":
        _unsigned_changes(arb, tokens, lo, hi, cols_of)
    if "\f" in arb.norm.original:
        _cells_in_page_order(arb, plan, cols_of)
    for repair in REPAIRS:
        for r in repair(table):
            arb.apply(r)
    return r2


# Numbers with a plus (+49) a part 二 must print before its 本年增/减 cells are taken to be printed signed
# (a minus alone says nothing: many reports sign only their decreases)
SIGNED_CHANGES = 2
# what may open a signed cell's raw text (the original's: full-width signs are not normalised there)
SIGN_CHARS = ("+", "-", "＋", "－", "−", "减", "增")


def _unsigned_changes(arb: Arbiter, tokens: list[Token], lo: int, hi: int, cols_of: dict[str, list[schema.Label]]) -> None:
    """A report prints its 本年增/减 one way: where part 二 prints its increases with a plus ("+49",
    "+73") and no other 本年增/减 cell holds an unsigned count, an unsigned count (not 0) read into one
    is no change — plain pdftotext lost 行政事业性收费's 本年增/减 with its caption, and its 上一年项目数量
    398 printed twice filled it, ok.  Its row is doubtful."""
    changes = [f"{row}.{c.key}" for row, cols in cols_of.items() for c in cols if c.signed]
    unsigned = [k for k in changes if (f := arb.fields.get(k)) is not None and f.value and f.raw is not None
                and f.raw.strip()[:1] not in SIGN_CHARS]
    if len(unsigned) != 1:
        return  # (none, or a report that prints them both ways)
    # (the tokens' text is normalised: a full-width plus is "+" there)
    if sum(1 for t in tokens[lo:hi] if t.kind == NUM and t.text[:1] == "+" and t.text[1:2].isdigit()) < SIGNED_CHANGES:
        return
    row = unsigned[0].rsplit(".", 1)[0]
    doubt_keys(arb, [f"{row}.{c.key}" for c in cols_of[row]],
               f"{unsigned[0]} reads an unsigned count where part 二 prints its 本年增/减 signed: a cell lost or repeated",
               "ambiguous_cells")


def _detached_left_out(arb: Arbiter, found: detached.Detached, cols_of: dict[str, list[schema.Label]]) -> None:
    """Annotated cells lifted out of a block (``22（其中修订16件）`` under its caption) that could not go
    back, because their rows are not each one cell short: a row that reads another number in the
    column the note names holds a cell too many or misplaced.  Its confident cells are doubtful."""
    for row, (col, tok) in found.items():
        f = arb.fields.get(f"{row}.{cols_of[row][col].key}")
        if f is not None and f.value != read_cell(tok.text)[0]:
            doubt_keys(arb, [f"{row}.{c.key}" for c in cols_of[row]],
                       f"a cell printed apart from {row} (its note names the column) is not the one its row reads there",
                       "detached_cells")


def _weigh_block(
    arb: Arbiter, table: TableContext, w: Window, anchors: list[Anchor], stops: dict[str, list[int]], caps: list[int],
    findings: tuple[Finding, ...],
) -> None:
    """A block's labels that stand apart from their numbers, read otherwise (readings/loose_labels.py)
    and weighed against the board: the block is a table of its own, with no sums, so a reading
    survives when it places every row of the block and every number."""
    wlo, _, keys, cols = w
    mine, whi = _block_rows(table, w, anchors, caps)
    if not mine:
        return
    columns = {k: list(cols) for k in keys}

    def reread(alt: list[Anchor]) -> tuple[dict[str, Placed], list[Finding]]:
        sub = Arbiter(arb.norm, arb.edition, spans=False)
        plan = plan_rows(table.tokens, alt, whi, columns, stops)
        ctx = TableContext(table.tokens, wlo, whi, arb.edition, sub.fields, tuple(plan), columns)
        sub.run(ctx, row_contexts(table.tokens, plan, whi, columns, None, None), ROW_READINGS, READINGS, [])
        return sub.placed, sub.findings

    block = TableContext(
        table.tokens, wlo, whi, arb.edition, arb.fields, (), columns, keys, anchors=tuple(mine), findings=findings, reread=reread
    )
    weigh(arb, block, [r for alt in ALTERNATIVES for r in alt(block)])


def _block_rows(table: TableContext, w: Window, anchors: list[Anchor], caps: list[int]) -> tuple[list[Anchor], int]:
    """The rows found in a block's window, in token order, and where the window ends (the next caption)."""
    wlo, _, keys, _ = w
    whi = min([c for c in caps if c > wlo] or [table.hi])
    return sorted((a for a in anchors if a.row.key in keys and wlo <= a.tok < whi), key=lambda a: a.tok), whi


def _stacked_labels(arb: Arbiter, table: TableContext, w: Window, anchors: list[Anchor], caps: list[int]) -> None:
    """A block whose row labels stand one under the other with no numbers between them, the numbers
    after the last ("规章 / 行政规范性文件 / 16 / 63 / 90 / 42": plain pdftotext printing the block
    column by column): the last label did not take its own row, and which numbers are whose the text
    does not say.  Every confident cell of the block is doubtful (the column-captions repair may
    still read it)."""
    _, _, keys, cols = w
    mine, _ = _block_rows(table, w, anchors, caps)
    stacked = any(
        not any(t.kind in (NUM, MARK, BLANK) for t in table.tokens[a.end_tok + 1 : b.tok]) for a, b in zip(mine, mine[1:])
    )
    if stacked:
        doubt_keys(arb, [f"{k}.{c.key}" for k in keys for c in cols],
                   "part 二's row labels stand together with the numbers after them: whose numbers are whose is unsure")


CAPTION_PIECE_MIN = 3  # characters of a column caption's piece that count as the caption printed


def _captions_among_rows(
    arb: Arbiter, table: TableContext, w: Window, anchors: list[Anchor], caps: list[int], words: set[str]
) -> None:
    """A block with a column caption (of any part 二 table) after its first row label: the block was
    printed column by column (pdfminer's text boxes: "行政强制 / 本年处理决定数量 / 15702"), so the
    numbers after a label are not its row's.  Every confident cell of the block is doubtful (the
    column-captions repair may still read it)."""
    _, _, keys, cols = w
    mine, whi = _block_rows(table, w, anchors, caps)
    if not mine:
        return
    if any(_is_caption_piece(t, words) for t in table.tokens[mine[0].end_tok + 1 : whi]):
        doubt_keys(arb, [f"{row}.{c.key}" for row in keys for c in cols],
                   "a column caption stands among part 二's rows: the block was printed column by column",
                   "captions_among_rows")


def _caption_words(cols_of: dict[str, list[schema.Label]]) -> set[str]:
    """The matching keys of every part 二 column caption."""
    return {word for cs in cols_of.values() for c in cs for word in keyed(c.wordings)}


def _is_caption_piece(t: Token, words: set[str]) -> bool:
    """A text token that is a column caption or a line of one ("处理决定数量", "对外公开总"), or that
    opens with one and goes on with its note ("本年收费金额（单位：万元，保": a line of "…（单位：万元，保留4位
    小数）")."""
    k = key_normalized(t.text) if t.kind == TEXT else ""
    return len(k) >= CAPTION_PIECE_MIN and any(k in word or (len(word) >= CAPTION_OPENING and k.startswith(word)) for word in words)


CAPTION_OPENING = 4  # characters of a caption that a longer line must open with to be that caption and its note


def _captions_before_numbers(
    arb: Arbiter, table: TableContext, anchors: list[Anchor], caps: list[int], cols_of: dict[str, list[schema.Label]],
    words: set[str],
) -> None:
    """A row whose label is followed by a column caption before its first number ("行政处罚 / 行政强制 /
    本年 / 处理决定数量 / 15702": the table printed column by column, the rows before their block's
    caption): the number is the column's first, not the row's.  The row's confident cells are doubtful.
    ``words``: the part's column captions (:func:`_caption_words`)."""
    starts = sorted([a.tok for a in anchors] + caps)
    for a in anchors:
        end = min([x for x in starts if x > a.end_tok] or [table.hi])  # the next row or block caption
        for t in table.tokens[a.end_tok + 1 : end]:
            if t.kind in (NUM, MARK):
                break
            if _is_caption_piece(t, words):
                doubt_keys(arb, [f"{a.row.key}.{c.key}" for c in cols_of[a.row.key]],
                           f"a column caption stands between the label of {a.row.key} and its numbers: the table was "
                           "printed column by column", "captions_among_rows")
                break


def _numbers_between_rows(arb: Arbiter, table: TableContext, w: Window, anchors: list[Anchor], caps: list[int]) -> None:
    """Numbers that no cell took, between a block's caption and its first row, between two of its rows,
    or after its last: a row's label may stand apart from its numbers (markitdown of a Chromium PDF
    prints a row's vertically centred cells as a pipe row of their own above its label's row, whose
    cells there are empty).  The confident cells of the row below them are doubtful, and so are the
    empty ones of the row above (the numbers may be its own)."""
    wlo, _, _, cols = w
    mine, whi = _block_rows(table, w, anchors, caps)
    if not mine:
        return
    used = [(c.start, c.end) for p in arb.placed.values() if (c := p.cell) is not None and c.end > c.start]
    for above, row in zip([None, *mine], [*mine, None]):
        lo = wlo if above is None else above.end_tok
        hi = whi if row is None else row.tok
        # (numbers only: where two readings agree that a cell is not applicable, the board keeps its own mark)
        nums = [t for t in table.tokens[lo + 1 : hi] if t.kind == NUM]
        left = [t for t in nums if not any(a < t.end and t.start < b for a, b in used)]
        if not left:
            continue
        keys = [] if row is None else [f"{row.row.key}.{c.key}" for c in cols]
        if above is not None:
            runs_on = _runs_on(table.tokens[lo + 1 : hi], used, left)
            keys += [k for c in cols if (f := arb.fields.get(k := f"{above.row.key}.{c.key}")) is not None and (runs_on or f.value is None)]
        where = " and ".join(a.row.key for a in (above, row) if a is not None)
        doubt_keys(arb, keys, f"{len(left)} number(s) beside {where} stand in no cell: they may be a row's whose "
                   "label stands apart from them", "ambiguous_cells")


def _runs_on(toks: list[Token], used: list[tuple[int, int]], left: list[Token]) -> bool:
    """Whether a number no cell took follows one a cell took with no text between them: the row above
    took the first numbers of a run that goes on ("行政事业性收费 15860 6194 …" in plain pdftotext of a
    printed page, 行政处罚's and 行政强制's numbers after the last label), and which of them are its own
    is unsure.  (The empty cells of the row above are doubtful in any case: the numbers may be its own.)"""
    untaken = {t.start for t in left}
    taken = False
    for t in toks:
        if t.kind == TEXT:
            taken = False
        elif t.kind in (NUM, MARK):
            if taken and t.start in untaken:
                return True
            taken = any(a < t.end and t.start < b for a, b in used)
    return False


def _rows_past_the_next_caption(arb: Arbiter, table: TableContext, w: Window, anchors: list[Anchor], caps: list[int]) -> None:
    """A block's row label that stands past the next block's 第二十条 caption: the text prints the
    blocks' labels and numbers apart (plain pdftotext of a printed web page: "行政强制" after the
    captions of (八) and (九), followed by "10449 / 21 / 378", 行政许可's and 其他对外管理服务事项's), so
    the numbers after the label are not its row's.  The row's confident cells are doubtful."""
    wlo, _, keys, cols = w
    own = _caption_item(table.tokens, wlo)
    # (the next caption of another block: python-docx and pymupdf4llm print a merged caption in each cell)
    whi = min([c for c in caps if c > wlo and _caption_item(table.tokens, c) != own] or [table.hi])
    own_row = {p.anchor.tok: p.own for p in table.plan}
    for a in anchors:
        # (not a row with numbers on its label's line or row of cells: "| 规章 | 0 | 0 | 0 |", a block's table
        # printed after the others' captions, is its own)
        here = table.tokens[a.tok].row
        if a.row.key in keys and a.tok >= whi and not any(t.row == here for t in own_row.get(a.tok, ())):
            doubt_keys(arb, [f"{a.row.key}.{c.key}" for c in cols],
                       f"the label of {a.row.key} stands past the next block's caption: its numbers may be another block's",
                       "captions_among_rows")


_ITEM = regex.compile(r"第[(（]([一二三四五六七八九十]+)[)）]项")


def _caption_item(tokens: list[Token], c: int) -> str | None:
    """The item (六) of the 第二十条 caption at token ``c`` (its text may go on in the next token:
    "第二十条 第（六）项")."""
    m = _ITEM.search(key_normalized("".join(t.text for t in tokens[c : c + 2])))
    return m.group(1) if m else None


def _cells_in_page_order(arb: Arbiter, plan: list[PlanRow], cols_of: dict[str, list[schema.Label]]) -> None:
    """A PDF's text (its pages end with form feeds) that prints a row's numbers a paragraph each (plain
    pdftotext, pdfminer: text blocks in the order they stand on the page, top to bottom): cells of one
    row at slightly different heights (a cell wrapped in a paragraph with its own font size, in a
    printed web page) come out in the order of their heights, not of their columns ("行政规范性文件 / 9 /
    0 / 74" for 9 | 74 | 0), and part 二 has no sum to tell.  Such a row's confident cells are doubtful:
    numbers all alike too, where the row before it is short of numbers (they may be that row's: "行政事业
    性收费" short of its 0, "政府集中采购 / 0 / 0" and its 599899 past the next heading)."""
    short = False  # the row before, in the text, took fewer numbers than it has columns
    for p in sorted(plan, key=lambda p: p.anchor.tok):
        vals = [t for t in p.own if t.kind in (NUM, MARK)]
        was_short, short = short, len(vals) < len(cols_of[p.anchor.row.key])
        # (numbers all alike read the same in any order, unless they may be the short row's)
        in_any_order = len({t.text for t in vals}) < 2 and not (was_short and len(vals) > 1)
        if in_any_order or any(t.explicit or t.x0 >= 0 for t in vals):
            continue
        if all(b.line - a.line >= 2 for a, b in zip(vals, vals[1:])):
            key = p.anchor.row.key
            doubt_keys(arb, [f"{key}.{c.key}" for c in cols_of[key]],
                       f"{key}'s numbers stand a paragraph each in a PDF's text, in the order of their heights on "
                       "the page: which column each is in is unsure", "ambiguous_cells")


def _glued_into_a_lost_row(arb: Arbiter, plan: list[PlanRow], w: Window) -> None:
    """A row whose run of digits is glued to what follows it, where the block's next row is not found:
    a crawler's dump runs the rows together ("行政处罚2113行政强制0"), and where the next label is not
    there (lost, or a wording no matcher knows) its digits run on in this row's ("行政处罚21130").  The
    row's confident cells are doubtful."""
    _, _, keys, cols = w
    found = {p.anchor.row.key: p for p in plan}
    for key, nxt in zip(keys, keys[1:]):
        p = found.get(key)
        if p is None or nxt in found or not p.own or p.orphans:
            continue
        last = p.own[-1]
        if last.kind in (NUM, MARK) and last.glued:  # ("规章6575113293/": its mark may be the lost row's)
            doubt_keys(arb, [f"{key}.{c.key}" for c in cols],
                       f"{key}'s digits run on where the label of {nxt} is not found: they may hold its cells",
                       "glued_digits")


def _rows_before_their_caption(arb: Arbiter, w: Window, anchors: list[Anchor]) -> None:
    """A block's row label that stands before the block's own 第二十条 caption: the text runs the
    blocks' labels together and prints their numbers elsewhere (pdfminer: "信息内容 / 政府集中采购 /
    1271 / 0 / 56 / -52 / 第二十条第（八）项 … 第二十条第（九）项"), so the numbers after the label are
    not its row's.  The row's confident cells are doubtful."""
    wlo, _, keys, cols = w
    for a in anchors:
        if a.row.key in keys and a.tok < wlo:
            doubt_keys(arb, [f"{a.row.key}.{c.key}" for c in cols],
                       f"the label of {a.row.key} stands before its block's caption: its numbers may be another block's",
                       "captions_among_rows")
