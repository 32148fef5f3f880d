"""Stage 2: a layout-tolerant tokenizer.

Turns normalised text into a flat list of :class:`Token` in reading order: label text, numbers,
not-applicable marks and (where the layout has explicit cell separators) blank cells.  It reads

* tab-separated rows with varying cell counts (Word/WPS copies, HTML rows joined by tabs);
* one cell per line — a tab starts a cell, a line without a tab continues it, a blank line ends the row;
* a browser's copy of a page (``innerText``): tabs between cells, paragraph cells between blank lines
  (blank lines do not end rows there; see :func:`_inner_text`);
* space-separated values after labels (pdftotext, pdfplumber), labels wrapped around their values;
* pipe / markdown rows (``|---|`` rows skipped, an empty cell between pipes is a blank);
* crawler text where cells are glued with no separator (numbers flagged ``glued``).

It does not decide what a number means: tables/ finds row labels and takes the numbers that follow.

>>> [(t.kind, t.text) for t in tokenize("规章\\t0\\t\\t3\\n")]
[('text', '规章'), ('num', '0'), ('blank', ''), ('num', '3')]
>>> [(t.kind, t.text, t.glued) for t in tokenize("规章000行政规范性文件8855698")]
[('text', '规章', False), ('num', '000', True), ('text', '行政规范性文件', False), ('num', '8855698', True)]
>>> [(t.kind, t.text) for t in tokenize("00000002.其他法律 2024 年")]
[('num', '0000000'), ('text', '2.其他法律'), ('text', '2024'), ('text', '年')]
"""

from __future__ import annotations

import bisect
import dataclasses
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import regex

from . import values
from .normalize import WHITESPACE

if TYPE_CHECKING:
    from .normalize import Normalized

__all__ = ["Token", "tokenize"]

TEXT, NUM, MARK, BLANK = "text", "num", "mark", "blank"

# The patterns of plain character classes are scanned by the standard library's ``re`` (faster per
# call on the short pieces of a line, and over long lines); ``\s`` spelled out as the ``regex``
# module's (``_WS``), which ``re``'s is not.  Those with ``\p{…}`` stay with ``regex``, and so does
# the one ``\w`` (``_SIGN_BLOCKER``: ``re``'s is another class), read in Python where it applies.
_WS = WHITESPACE

# A parenthesised aside: its numbers are text ("(其中修订16件)", "(单位:万元,保留4位小数)"), as long as
# each is followed by a unit; a label wrapped around its row's numbers ("(区分处理的,只计这一情447 7 0
# 0 0 0 454形,不计其他情形)" in a crawler's or pdftotext's line) is not an aside.
_ASIDE = (
    rf"(?:\((?=[^()\n]{{0,80}}\))(?:[^()\n0-9]|[0-9]+(?:\.[0-9]+)?(?=[{_WS}]*[件条个项次人万元%年月日号位页]))*\)"
    r"|\([0-9]{1,2}\))"  # "(2)重复申请": a row's ordinal in brackets
)
# A number, or a parenthesised aside
#: a thousands number whose last group a narrow cell cut short ("18,72": its "3" wrapped a line below)
CUT_THOUSANDS_PATTERN = r"[1-9][0-9]{0,2}(?:,[0-9]{3})*,[0-9]{1,2}"
_SCAN = re.compile(
    rf"(?P<paren>{_ASIDE})"
    # thousands groups only where they are well formed: "9991,000" and "1,00110" are cells run together
    # …and a thousands number whose last group a narrow cell wrapped onto its next line ("18,72" / "3"
    # in pdftotext -layout): one number with its tail missing, read as doubtful until it is joined
    r"|(?P<num>(?P<sign>[+\-])?(?:(?<![0-9])[1-9][0-9]{0,2}(?:,[0-9]{3})+(?![0-9])|(?<![0-9,])"
    + CUT_THOUSANDS_PATTERN
    + r"(?![0-9,])|[0-9]+)(?:\.[0-9]+)?)(?P<unit>万元|人次|件|条|个|项|次|元)?"
)
# _SCAN led by the class of its matches' first characters, the match itself in a look-ahead (group
# "all") behind that character: re skips ahead to the candidates ("(", a sign, a digit), where _SCAN
# itself, led by an optional sign and a look-behind, is tried at every character (a crawler's
# one-line table is thousands of them).  Searched from the end of each match it finds what
# _SCAN.finditer finds (see _scan_matches).
_SCAN_AT = re.compile(r"[(+\-0-9](?<=(?=(?P<all>" + _SCAN.pattern + r")).)")
# a sign is no number's after a letter or digit, a ")" or another sign ("A-1", "2-3"): only the
# digits are the number (what a look-behind in _SCAN would say, with the regex module's \w)
_SIGN_BLOCKER = regex.compile(r"[\w)+\-]")
# Digits followed by these are dates, document numbers, counts of decimals…: text, not cells
_TEXT_AFTER = frozenset("年月日号位页届岁%‰")
MAX_TEXT_DIGITS = 4  # …but only up to this many digits: a longer run is cells run into the next text
# Digits preceded by these are ordinals in labels (第4页, 第二十条 is Chinese anyway) or a table's
# number in its caption ("表3 收到和处理政府信息公开申请情况", "附表 2")
_TEXT_BEFORE = frozenset("第表")
_ORDINAL_PUNCT = frozenset(".、")
_TEXT_AFTER_ANY = re.compile("[" + re.escape("".join(sorted(_TEXT_AFTER))) + "]")
_TEXT_BEFORE_ANY = re.compile("[" + re.escape("".join(sorted(_TEXT_BEFORE))) + "]")
# characters that separate a number from its neighbours; anything else means the digits were glued on
_SEPARATORS = frozenset(" \t\n|")
#: the name pymupdf4llm makes up for an empty cell of a table's first row ("Col5"): text, and no label
GENERATED_HEADER = regex.compile(r"Col[0-9]{1,3}")
_NUMBER = re.compile(r"[+\-]?[0-9][0-9,]*(?:\.[0-9]+)?")
_GRID_BORDER = re.compile(r"\+(?:[-=:]+\+)+")
_PIPE_SEP = re.compile(rf"[{_WS}]*:?-{{2,}}:?[{_WS}]*")
# a pipe table row with no pipe at its ends, each pipe followed by a space (html2text): "a| b| c"
_PIPE_ROW_OPEN = re.compile(rf"[^|{_WS}][^|]*(?:\|(?: [^|]*)?)+")
# a piece of a space-separated line: a run of non-space characters, where a parenthesised aside counts
# as one character even with spaces inside ("22 (其中修订 16 件)": the 16 is the aside's, not a cell)
_PIECE = re.compile(rf"(?:{_ASIDE}|[^{_WS}(]|(?!{_ASIDE})\()+")
_NONSPACE = re.compile(rf"[^{_WS}(]+")  # _PIECE on a line without "("
_DIGIT = re.compile(r"[0-9]")
# a cell of dashes alone, however many and mixed: a not-applicable mark ("------" is pandoc's markdown
# for "——", its smart typography writing an em dash as three hyphens; "——-", "－－"); only where cells
# are delimited, or on a space-aligned line that holds a number (pandoc's simple tables), since the
# lines of hyphens under a pandoc simple table's captions are no cells, and in a row with a number or
# padded by spaces, since a box-drawing border (w3m's ├────┼, folded to hyphens) is none either
_DASH_CELL = re.compile(r"[-—–―]{2,8}")
_DASH_CELL_FIRST = frozenset("-—–―")


def _dash_cell(s: str) -> bool:
    """A cell's text that is dashes alone (:data:`_DASH_CELL`; the first character tested first, cheaply)."""
    return s[:1] in _DASH_CELL_FIRST and _DASH_CELL.fullmatch(s) is not None


# Prose among the tables, whose numbers are text, as an aside's are:
# * a note under (or over) a table, "注:本表数据含网上申请125件。": to its sentence's end, or its line's,
#   within _NOTE_MAX characters, and on through the sentences that open with an ordinal and end with a
#   "。" ("注:1.…。2.…。"); one line more where the first ends with no "。" and the next one ends its
#   sentence (a note wrapped by pdftotext).  With no end that near (a crawler's one-line dump that runs
#   the note into a table) there is no note: the numbers stay what they were;
# * a line that is one sentence or more of prose ("本年度发生行政复议3件、行政诉讼2件。"): it ends with a
#   "。", within _NOTE_MAX characters, opens with a character (or a year: "2022年，…") and has no
#   tab, pipe, box-drawing bar or run of spaces (no cells; not "3 五、…。", a cell before a heading),
#   and no heading (a short report dumped on one line).
_NOTE_MAX = 150
_NOTE_HEAD = r"[一二三四五六七八九十]+、|\([一二三四五六七八九十]+\)"
_NOTE_RUN = rf"(?:(?!{_NOTE_HEAD})[^\n。]){{0,{_NOTE_MAX}}}?"
_PROSE = re.compile(
    rf"(?:备注|注|说明)[0-9]?:{_NOTE_RUN}(?:。|(?=\n)|$|(?={_NOTE_HEAD}))"
    rf"(?:(?<!。)\n(?![{_WS}]*(?:{_NOTE_HEAD}|$))[^\n。\t]{{0,{_NOTE_MAX}}}?。)?"
    rf"(?:[0-9]{{1,2}}[.、]{_NOTE_RUN}。)*"
    rf"|^ ?(?:[\u3400-\u9fff]|[0-9]{{4}}年)(?:(?! {{2}}|{_NOTE_HEAD})[^\t\n|│┃]){{0,{_NOTE_MAX}}}?。(?=[ \u3000]*$)",
    re.M,
)


def _is_han(ch: str) -> bool:
    return "\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff" or "\U00020000" <= ch <= "\U0002fa1f"


@dataclass(slots=True)
class Token:
    kind: str  # text | num | mark | blank
    start: int  # span in the normalised text
    end: int
    text: str
    row: int  # row unit: a line, or a block of one-cell-per-line lines
    line: int
    explicit: bool = False  # delimited as a cell by a tab, pipe or cell-per-line layout
    glued: bool = False  # digits run into neighbouring text or cells with no separator
    crowded: bool = False  # one of several numbers in one explicit cell
    unit: str | None = None
    # where the token stands in a space-aligned line, else -1: x counts characters (pdftotext -layout
    # puts each character in one cell of its grid), w counts display columns (CJK two wide: w3m, lynx)
    x0: int = -1
    x1: int = -1
    w0: int = -1
    w1: int = -1


def tokenize(
    text: str, span: tuple[int, int] | None = None, norm: Normalized | None = None, cuts: Sequence[int] = ()
) -> list[Token]:
    """Tokens in reading order, of the whole text or of the lines that overlap ``span``.

    Token offsets are always offsets into ``text``.  With ``norm`` (the Normalized that ``text`` is
    the text of), positions in space-aligned lines are measured on the original text, where
    full-width digits still take two columns.  No text token straddles an offset in ``cuts`` (the
    starts of the report's parts: a crawler's one-line dump runs the last sentence of a part, the
    next part's heading and its table's captions into one run of text).
    """
    out: list[Token] = []
    lo, hi = span if span is not None else (0, len(text))
    lo = text.rfind("\n", 0, lo) + 1
    e = text.find("\n", hi)
    hi = len(text) if e < 0 else e

    if _is_inner_text(text, lo, hi):
        _inner_text(_lines(text, lo, hi), text, out, norm)
        _prose(text, lo, hi, out)
        return _cut(out, cuts) if cuts else out
    cs = sorted(cuts)
    row = 0
    for i, block in _blocks(text, lo, hi):
        b0 = block[0][0]
        b1 = block[-1][0] + len(block[-1][1])
        first = len(out)
        if _is_cell_block(block):
            _cell_block(block, text, row, i, out)
            row += 1
        else:
            for k, (s, line) in enumerate(block):
                _line(s, line, text, row, i + k, out, norm)
                row += 1
        k = bisect.bisect_right(cs, b0)
        if k < len(cs) and cs[k] < b1:  # a part starts inside the block: its tokens may run across
            out[first:] = _cut(out[first:], cs)
    _prose(text, lo, hi, out)
    return out


def _prose(text: str, lo: int, hi: int, out: list[Token]) -> None:
    """Make the numbers and marks of the notes and prose lines in ``text[lo:hi]`` (see _PROSE) text."""
    if text.find("。", lo, hi) < 0 and text.find(":", lo, hi) < 0:
        return  # (each of them ends with a "。" or opens with 注: / 说明:)
    spans = _prose_spans(text, lo, hi)
    if not spans:
        return
    starts = [a for a, _ in spans]
    for i, t in enumerate(out):
        if t.kind in (NUM, MARK):
            k = bisect.bisect_right(starts, t.start) - 1
            if k >= 0 and t.end <= spans[k][1]:
                out[i] = Token(TEXT, t.start, t.end, t.text, t.row, t.line, explicit=t.explicit, x0=t.x0, x1=t.x1, w0=t.w0, w1=t.w1)


# where a match of _PROSE can start: at a note's opening word (备注, 注, 说明), or at the start of a
# line that holds a "。" (a prose line ends with one on its line)
_NOTE_FIRST = re.compile("[备注说]")


def _prose_spans(text: str, lo: int, hi: int) -> list[tuple[int, int]]:
    """The spans of ``_PROSE.finditer(text, lo, hi)``, the pattern tried only where a match can start
    (finditer tries it at every character of the tables' text), in the same order, none overlapping."""
    starts = {m.start() for m in _NOTE_FIRST.finditer(text, lo, hi)}
    k = text.find("。", lo, hi)
    while k >= 0:
        starts.add(text.rfind("\n", lo, k) + 1 or lo)
        k = text.find("。", k + 1, hi)
    out: list[tuple[int, int]] = []
    end = lo
    for q in sorted(starts):
        if q >= end and (m := _PROSE.match(text, q, hi)) is not None:
            out.append(m.span())
            end = m.end()
    return out


def _blocks(text: str, lo: int, hi: int) -> Iterator[tuple[int, list[tuple[int, str]]]]:
    """The blocks of ``text[lo:hi]``: runs of lines that have text or a tab (an empty cell), between
    blank lines; each the index of its first line and its (start, line)s."""
    block: list[tuple[int, str]] = []
    first = 0
    pos = lo
    for k, ln in enumerate(text[lo:hi].split("\n")):
        if ln.strip() or "\t" in ln:
            if not block:
                first = k
            block.append((pos, ln))
        elif block:
            yield first, block
            block = []
        pos += len(ln) + 1
    if block:
        yield first, block


def _lines(text: str, lo: int, hi: int) -> list[tuple[int, str]]:
    """(start, line) of the lines of ``text[lo:hi]``."""
    out = []
    pos = lo
    for ln in text[lo:hi].split("\n"):
        out.append((pos, ln))
        pos += len(ln) + 1
    return out


# A browser's copy of an HTML table (``innerText``): a cell whose content is a paragraph stands between
# blank lines, and a tab joins it to the next cell across them ("\t\n\n472\n\n\t")
_INNER_TEXT_CELL = re.compile(r"\t\n\n[^\t\n]+\n\n(?=\t)")
_INNER_TEXT_MIN = 3


def _is_inner_text(text: str, lo: int, hi: int) -> bool:
    """Whether ``text[lo:hi]`` holds tables as a browser copies them (see :func:`_inner_text`)."""
    found = 0
    for _ in _INNER_TEXT_CELL.finditer(text, lo, hi):
        found += 1
        if found >= _INNER_TEXT_MIN:
            return True
    return False


_Piece = tuple[int, int, str]  # (line index, start, text)


def _inner_text(lines: list[tuple[int, str]], text: str, out: list[Token], norm: Normalized | None) -> None:
    """Tokens of a browser's copy of a page (``innerText``), where blank lines do not end rows.

    A tab separates two cells of one row, whatever newlines stand around it; a cell that holds a
    paragraph (``<td><p>…</p></td>``) has its content between blank lines.  So the newlines between two
    pieces of text with no tab between them say, with what the cell held:

    * three or more: a row ends (a paragraph's two, the row's one);
    * two: a second paragraph of a text cell that was a paragraph itself; after a value or a bare cell,
      the table ends (the table's block break, then the next paragraph's);
    * one: a line break (``<br>``) inside a paragraph cell; after a bare cell, a row ends.

    After a tab and an empty cell, one newline or three end the row too.  Rows with a tab become one
    row unit of explicit cells (an empty cell a blank); other text is read line by line, as anywhere.
    """
    # a row: whether it has a tab, and its cells; a cell: where it starts (line index, offset) and its pieces
    rows: list[tuple[bool, list[tuple[tuple[int, int], list[_Piece]]]]] = []
    row: list[tuple[tuple[int, int], list[_Piece]]] = []
    cell: list[_Piece] = []
    cell_start = (0, lines[0][0] if lines else 0)
    para = False  # the current cell's content began after a blank line
    has_tab = False
    newlines = 0
    for i, (start, ln) in enumerate(lines):
        if i:
            newlines += 1
        p = start
        for k, piece in enumerate(ln.split("\t")):
            if k:  # a tab: the cell ends, the row goes on
                row.append((cell_start, cell))
                cell, cell_start, para, has_tab, newlines = [], (i, p), False, True, 0
            if piece:
                if cell:  # text after text: a paragraph or a line break inside the cell, or a new row
                    ends = not (has_tab and para and newlines in (1, 2) and not _value_like(cell[-1][2]))
                else:  # text after a tab: a bare cell at once, a paragraph cell after a blank line
                    ends = has_tab and newlines not in (0, 2)
                if ends:
                    row.append((cell_start, cell))
                    rows.append((has_tab, row))
                    row, cell, has_tab = [], [], False
                if not cell:
                    para = newlines >= 2
                    cell_start = (i, p)
                cell.append((i, p, piece))
                newlines = 0
            p += len(piece) + 1
    if cell or row:
        row.append((cell_start, cell))
        rows.append((has_tab, row))

    r = 0
    for tabbed, cells in rows:
        if not tabbed:
            for _, c in cells:
                for i, s, piece in c:
                    _line(s, piece, text, r, i, out, norm)
                    r += 1
            continue
        for (i0, s0), c in cells:
            if not c:
                out.append(Token(BLANK, s0, s0, "", r, i0, explicit=True))
                continue
            (i, s, piece), *rest = c
            _cell(s, piece, text, r, i, out)
            for i, s, piece in rest:
                _scan(s, piece, text, r, i, out, explicit=True)
        r += 1


def _value_like(piece: str) -> bool:
    """A cell that holds a number, a not-applicable mark or nothing: no paragraph follows it."""
    core = piece.strip()
    return not core or _NUMBER.fullmatch(core) is not None or values.is_mark(core)


def _cut(out: list[Token], cuts: Sequence[int]) -> list[Token]:
    """Split the text tokens that run across one of ``cuts``."""
    cs = sorted(cuts)
    res: list[Token] = []
    for t in out:
        if t.kind != TEXT:  # only text runs on across a part's start
            res.append(t)
            continue
        k = bisect.bisect_right(cs, t.start)
        if k == len(cs) or cs[k] >= t.end:
            res.append(t)
            continue
        bounds = [t.start] + [c for c in cs[k:] if c < t.end] + [t.end]
        for a, b in zip(bounds, bounds[1:]):
            piece = t.text[a - t.start : b - t.start]
            core = piece.strip()
            if core:
                a += piece.index(core[0])
                # a mark between a label and the cut (a crawler's "行政强制-第二十条第（八）项"): its cell (one mark
                # only: how many cells a run of them there stands for nothing says, and it stays text)
                m = _MARK_BEFORE_CUT.search(core) if b < t.end else None
                if m is not None:
                    core = core[: m.start()]
                res.append(dataclasses.replace(t, start=a, end=a + len(core), text=core, x0=-1, x1=-1, w0=-1, w1=-1))
                if m is not None:
                    res.append(Token(MARK, a + m.start(), a + m.end(), m.group(1), t.row, t.line, glued=True))
    return res


_MARK_BEFORE_CUT = regex.compile(r"(?<=\p{Han})(——|—|-|/|／|－)$")


def _is_cell_block(block: list[tuple[int, str]]) -> bool:
    """One cell per line: every line that has a tab has exactly one, at its start."""
    if not block[0][1].startswith("\t"):
        return False
    for _, ln in block:
        c = ln.count("\t")
        if c > 1 or (c == 1 and not ln.startswith("\t")):
            return False
    return True


def _cell_block(block: list[tuple[int, str]], text: str, row: int, line0: int, out: list[Token]) -> None:
    for k, (s, ln) in enumerate(block):
        if ln.startswith("\t"):
            _cell(s + 1, ln[1:], text, row, line0 + k, out)
        else:  # continuation of the previous cell
            _scan(s, ln, text, row, line0 + k, out, explicit=True)


def _cells(p: int, cells: Sequence[str], text: str, row: int, line: int, out: list[Token]) -> None:
    """The cells of a delimited row, the first starting at ``p``, one delimiter between each two."""
    # (a row with a number in it: its cells of dashes are marks, not a box-drawing border's pieces)
    dashes = _DIGIT.search(text, p, p + sum(map(len, cells)) + len(cells)) is not None
    for c in cells:
        _cell(p, c, text, row, line, out, dashes)
        p += len(c) + 1


def _line(s: int, ln: str, text: str, row: int, line: int, out: list[Token], norm: Normalized | None = None) -> None:
    stripped = ln.strip()
    if stripped[:1] == "+" and _GRID_BORDER.fullmatch(stripped):
        return  # +-----+=====+ border of a pandoc grid table
    if stripped.startswith("|") and stripped.count("|") >= 2:
        body_start = s + ln.index("|") + 1
        body_end = s + ln.rindex("|")
        cells = text[body_start:body_end].split("|")
        if not all(_PIPE_SEP.fullmatch(c) for c in cells):  # (not a |---|---| separator row)
            _cells(body_start, cells, text, row, line, out)
        return
    if "|" in stripped and _PIPE_ROW_OPEN.fullmatch(stripped):
        # html2text's table row: "规章| —| 66| 549", cells between pipes with no pipe at either end
        cells = ln.split("|")
        if not all(_PIPE_SEP.fullmatch(c) for c in cells):  # (not a ---|--- separator row)
            _cells(s, cells, text, row, line, out)
        return
    if "\t" in ln:
        # a row of tab-separated cells: an empty piece before the first tab is an empty cell (a
        # merged label's place, or a blank value in an unlabelled row such as part 四's)
        _cells(s, ln.split("\t"), text, row, line, out)
        return
    first = len(out)
    is_mark = values.is_mark
    # what follows or precedes a number across spaces is on its line (or a tab, a newline): a line
    # without a 年 or a 第 holds no date or ordinal
    datable = _TEXT_AFTER_ANY.search(ln) is not None
    ordinal = _TEXT_BEFORE_ANY.search(ln) is not None
    # without a "(" no aside can start: a piece is a run of non-space characters (the cheap pattern)
    for m in (_PIECE if "(" in ln else _NONSPACE).finditer(ln):
        piece = m.group()
        ps = s + m.start()
        if piece.isascii() and piece.isdigit():
            if not (datable and _dated(text, piece, ps + len(piece))) and (
                ps == 0 or not ordinal or _prev_visible(text, ps) not in _TEXT_BEFORE
            ):
                # a number standing alone between spaces (not "2024 年", "第 4 页")
                out.append(Token(NUM, ps, ps + len(piece), piece, row, line, glued=len(piece) > 1 and piece[0] == "0"))
                continue
        if is_mark(piece) or (values.is_filler(piece) and _filler_among_values(ln, m.end(), out, line, text, s + len(ln))):
            out.append(Token(MARK, ps, ps + len(piece), piece, row, line))
        elif _DIGIT.search(piece) is None and piece[:1] not in _GLUED_MARK_FIRST and piece.strip() == piece:
            # plain text (what _scan, _text_after and _text make of a piece with no digit and no mark at
            # its start): one text token
            if not _unit_alone(piece, out, line, False):
                out.append(Token(TEXT, ps, ps + len(piece), piece, row, line))
        else:
            _scan(ps, piece, text, row, line, out, explicit=False)
    if ALIGNED_GAP in ln:
        if any(t.kind == NUM for t in out[first:]):
            # a run of dashes standing alone among a row's numbers is a cell's mark (pandoc's markdown
            # writes a cell's "—" as "---"; a line of them alone is a simple table's rule, no cells)
            for i in range(first, len(out)):
                if out[i].kind == TEXT and _dash_cell(out[i].text):
                    out[i].kind = MARK
        _columns(s, text, out, first, norm)


# Two spaces or more between tokens mean the line is laid out in columns (pdftotext -layout, w3m)
ALIGNED_GAP = "  "
_WIDE = re.compile(r"[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\U00020000-\U0003fffd]")


def _columns(line_start: int, text: str, out: list[Token], first: int, norm: Normalized | None = None) -> None:
    """Positions (characters and display columns) of the tokens of one space-aligned line."""
    if norm is not None:
        _columns_original(line_start, norm, out, first)
        return
    pos = line_start
    width = 0
    for t in out[first:]:
        gap = text[pos : t.start]
        width += len(gap) + len(_WIDE.findall(gap))
        t.x0 = t.start - line_start
        t.x1 = t.end - line_start
        t.w0 = width
        width += len(t.text) + len(_WIDE.findall(t.text))
        t.w1 = width
        pos = t.end


def _cell(s: int, c: str, text: str, row: int, line: int, out: list[Token], dashes: bool = False) -> None:
    """One explicit cell; one of dashes alone is a mark (see _DASH_CELL) with ``dashes`` or with spaces
    around them (a border's piece fills its cell)."""
    core = c.strip()
    if not core:
        out.append(Token(BLANK, s, s, "", row, line, explicit=True))
        return
    cs = s + c.index(core[0])
    if core.isascii() and core.isdigit():  # the common case: a plain number filling its cell
        out.append(Token(NUM, cs, cs + len(core), core, row, line, explicit=True, glued=len(core) > 1 and core[0] == "0"))
        return
    if values.is_mark(core) or values.is_filler(core) or ((dashes or core != c) and _dash_cell(core)):
        out.append(Token(MARK, cs, cs + len(core), core, row, line, explicit=True))
        return
    cn = values.chinese_numeral(core)
    if cn is not None and len(core) <= 6:
        out.append(Token(NUM, cs, cs + len(core), core, row, line, explicit=True))
        return
    if " " not in core and core[0] not in _MARK_LEAD and _DIGIT.search(core) is None:
        # a label's cell (no digit, no space, no mark at its start): one text token, what _scan,
        # _text_after and _text make of it
        out.append(Token(TEXT, cs, cs + len(core), core, row, line, explicit=True))
        return
    first = len(out)
    pieces = [(m.group(), cs + m.start()) for m in _PIECE.finditer(core)] if " " in core else []
    marks = [values.is_mark(p) for p, _ in pieces]
    if any(marks) and all(mk or _NUMBER.fullmatch(p) for (p, _), mk in zip(pieces, marks)):
        # "| 6 — |": a converter merged two cells, one a not-applicable mark: the mark is a cell too
        # (not "| 4 . 无 正 当 理 由 |": a label spaced out, whose 无 is a character)
        for (piece, ps), mk in zip(pieces, marks):
            if mk:
                out.append(Token(MARK, ps, ps + len(piece), piece, row, line, explicit=True))
            else:
                _scan(ps, piece, text, row, line, out, explicit=True)
    else:
        _scan(cs, core, text, row, line, out, explicit=True)
    vals = [t for t in out[first:] if t.kind in (NUM, MARK)]
    if len(vals) > 1:  # "| 71 3 | 0 0 |": the converter merged cells, its borders are not the table's
        for t in vals:
            t.crowded = True


def _filler_among_values(ln: str, end: int, out: list[Token], line: int, text: str = "", eol: int = -1) -> bool:
    """A filler piece ("5 详见附表 3", "4 * 1") that stands among a row's values: a number or mark before
    it, and after it on its line nothing, a number or a mark (not "* 四、…", a markdown bullet); or the
    row's first cell, after the label on its line, with a number or a mark after it ("一、本年新收…
    详见附表  586  19 …"), or alone on its line after the label's, a number or mark alone on the next
    (a cell a paragraph: docx2txt's "上年结转…" / "详见附件" / "0" / "64" …; ``text`` and ``eol``, the
    end of the filler's line in it)."""
    if not out:
        return False
    rest = ln[end:].split(None, 1)
    value_after = bool(rest) and (rest[0][0].isdigit() or values.is_mark(rest[0]) or values.is_filler(rest[0]))
    if out[-1].kind not in (NUM, MARK):
        if out[-1].kind != TEXT:
            return False
        if out[-1].line == line:
            return value_after
        return len(ln.split()) == 1 and _value_alone_on_next_line(text, eol)  # (the filler alone on its line)
    return not rest or value_after


def _value_alone_on_next_line(text: str, eol: int) -> bool:
    """Whether the next line with anything on it, after position ``eol`` of ``text``, holds one number
    or mark alone: cells a paragraph each, in order (a filler alone above a line of numbers is a wrapped
    cell of any column: pdfplumber's "详见附" / "14 6 18 0 38 …" / "表")."""
    if eol < 0:
        return False
    nxt = text[eol : eol + 200].lstrip().split("\n", 1)[0].split()
    return len(nxt) == 1 and (nxt[0][0].isdigit() or values.is_mark(nxt[0]))


def _scan(s: int, seg: str, text: str, row: int, line: int, out: list[Token], *, explicit: bool) -> None:
    """Split a run of text into text and number tokens."""
    pos = 0
    n = len(seg)
    if _DIGIT.search(seg) is None:  # no number to find (asides are skipped): one text token
        if n:
            _text_after(s, seg, row, line, out, explicit)
        return
    for m in _scan_matches(seg):
        if m.group("paren") is not None:
            continue
        a, b = m.span("all")
        num_end = m.end("num")
        digits = m.group("num")
        if a and m.start("sign") >= 0 and _SIGN_BLOCKER.match(seg, a - 1):
            a, digits = a + 1, digits[1:]
        prev = text[s + a - 1] if s + a > 0 else "\n"
        after_unit = text[s + b] if s + b < len(text) else "\n"
        # "2024年", "第4页", "保留4位": a date, an ordinal or a count, not a cell; a run of five digits or more
        # is no year or ordinal but cells run into a vertical label's 年 ("…禁止公开301000031年3.危及…")
        is_text = (
            (prev in _TEXT_BEFORE and len(digits.lstrip("+-")) <= MAX_TEXT_DIGITS)
            or _dated(text, digits, s + num_end)
            # "Col2", "Table1": digits run on from a Latin word are part of it (pymupdf4llm names the
            # columns of a table whose header cells are merged "Col2", "Col3", …)
            or (prev.isascii() and prev.isalpha())
        )
        ordinal = False
        if not is_text and after_unit in _ORDINAL_PUNCT and m.group("unit") is None:
            after2 = text[s + b + 1] if s + b + 1 < len(text) else ""
            if _is_han(after2) or after2 == "(":
                ordinal = True
            elif after2 in ("", " ", "\t", "\n", "|", "│", "┃") and len(digits) <= 2 and digits.isdigit():
                ordinal = True  # "2." alone in a cell: the first line of a wrapped label (w3m, lynx)
        if is_text:
            continue
        if ordinal:
            plain = digits.lstrip("+-")
            if len(plain) < 2 or not plain.isdigit():
                continue  # "1.属于国家秘密": the 1. belongs to the label
            b = num_end = num_end - 1  # "00000002.其他…": seven zeros, then the ordinal 2.
            digits = digits[:-1]
        if a > pos:
            piece = seg[pos:a]
            lead = _MARKS_BEFORE_NUMBER.search(piece) if piece[-1:] in _MARK_TAIL_CHARS else None
            if lead is not None:  # "禁止公开/80": a crawler's mark cell between a label and the row's next cell
                piece = piece[: lead.start()]
            _text_after(s + pos, piece, row, line, out, explicit)
            if lead is not None:
                _mark_run(s + pos + lead.start(), lead.group(), row, line, out, explicit)
        plain = digits.lstrip("+-")
        # "0000000" cannot be one number: a run with a leading zero is cells run together
        bare = plain.replace(",", "")
        leading_zero = len(bare) > 1 and bare[0] == "0" and bare.isdigit()  # "0000000", "01,000"
        glued = ordinal or leading_zero or prev not in _SEPARATORS or after_unit not in _SEPARATORS
        out.append(
            Token(NUM, s + a, s + b, seg[a:b], row, line, explicit=explicit, glued=glued, unit=m.group("unit") if not ordinal else None)
        )
        pos = b
    if pos < n:
        _text_after(s + pos, seg[pos:], row, line, out, explicit)


# not-applicable marks glued between a label and a number ("2.其他法律行政法规禁止公开/80//36/116", a crawler's
# row whose first cell is a mark): cells, one a "/" or "-", "——" one
_MARKS_BEFORE_NUMBER = regex.compile(r"(?<=[\p{Han}）)])(?:——|—|[/／\-－])+$")
_MARK_TAIL_CHARS = frozenset("—/／-－")


def _mark_run(s: int, run: str, row: int, line: int, out: list[Token], explicit: bool) -> None:
    """A glued run of not-applicable marks: a cell each ("——" one)."""
    k = 0
    while k < len(run):
        w = 2 if run.startswith("——", k) else 1
        out.append(Token(MARK, s + k, s + k + w, run[k : k + w], row, line, explicit=explicit, glued=True))
        k += w


def _scan_matches(seg: str) -> Iterator[re.Match[str]]:
    """The matches of _SCAN in ``seg``, left to right, none overlapping (what ``_SCAN.finditer`` gives),
    found by _SCAN_AT: each match's span is its group "all", the next searched from its end."""
    pos = 0
    search = _SCAN_AT.search
    while (m := search(seg, pos)) is not None:
        yield m
        pos = m.end("all")


# a not-applicable mark a crawler ran into what follows a number ("行政许可1106-7——其他对外…",
# "政府集中采购66——三、"): the dashes or slash are the next cell, not part of the next label
_GLUED_MARK = regex.compile(r"(——|—|/|／)(?=\p{Han}|[(（]|$)")
_GLUED_MARK_FIRST = frozenset("—/／")
#: one-character marks whose glued runs are read a cell a character (not "—", whose pair "——" is one mark)
_MARK_RUN_CHARS = frozenset("-/／")
_MARK_RUN_END = regex.compile(r"\p{Han}|[(（]")
#: the first characters of a text that _text_after may read as a mark (a glued one, or a run)
_MARK_LEAD = _GLUED_MARK_FIRST | _MARK_RUN_CHARS


def _text_after(s: int, t: str, row: int, line: int, out: list[Token], explicit: bool) -> None:
    """Text that follows a number: a glued not-applicable mark at its start is a mark token, and so
    is each character of a run of one-character marks that fills the gap to the next number
    (``364-----364``: a crawler's row of five ``-`` cells between two numbers), and each "——" of a
    run of em dashes."""
    after_value = out and out[-1].kind in (NUM, MARK) and out[-1].end == s
    if after_value and len(t) > 2 and t == "—" * len(t):
        # a run of em dashes between two numbers ("31827————————345"): blank cells a crawler ran
        # together, "——" a mark (or two: readings/glued.py); against a label it leaves the row in doubt
        # (arbiter.doubt_glued_marks)
        _mark_run(s, t, row, line, out, explicit)
        return
    if after_value and t[:1] in _MARK_RUN_CHARS:
        k = len(t) - len(t.lstrip(t[0]))
        if k == len(t) or _MARK_RUN_END.match(t, k):
            # up to the next number, or to the next label ("1,257-35-其他对外管理服务事项"): a crawler's
            # run of blank cells
            _mark_run(s, t[:k], row, line, out, explicit)
            s, t = s + k, t[k:]
            if not t:
                return
    m = _GLUED_MARK.match(t) if t[:1] in _GLUED_MARK_FIRST else None
    if m is not None and after_value:
        out.append(Token(MARK, s, s + m.end(), m.group(1), row, line, explicit=explicit, glued=True))
        s, t = s + m.end(), t[m.end() :]
    _text(s, t, row, line, out, explicit)


#: a count's unit that a justified cell prints apart from its number ("36   件")
_UNIT_ALONE = frozenset(("件", "个", "条", "项", "次", "人次"))


def _unit_alone(core: str, out: list[Token], line: int, explicit: bool) -> bool:
    """A count's unit standing apart from the number before it on its line ("36   件": a justified
    cell through pdftotext -layout): the number's, not a label's piece (as text it ended the row, and
    the next row's numbers came to it).  A delimited cell of its own ("| 件 |") is no such unit."""
    return core in _UNIT_ALONE and not explicit and bool(out) and out[-1].kind == NUM and out[-1].line == line


def _text(s: int, t: str, row: int, line: int, out: list[Token], explicit: bool) -> None:
    core = t.strip()
    if not core:
        return
    if _unit_alone(core, out, line, explicit):
        return
    off = t.index(core[0])
    m = _MARKS_BETWEEN_LABELS.search(core) if not explicit and ("）" in core or ")" in core) else None
    if m is not None:
        # "（…不计其他情形）///////（三）不予公开": a crawler's row of mark cells between two labels
        a = s + off
        out.append(Token(TEXT, a, a + m.start(), core[: m.start()], row, line))
        _mark_run(a + m.start(), m.group(), row, line, out, explicit)
        _text(a + m.end(), core[m.end() :], row, line, out, explicit)
        return
    out.append(Token(TEXT, s + off, s + off + len(core), core, row, line, explicit=explicit))


# marks glued between a label's closing bracket and the next label (a crawler's row of "/" cells)
_MARKS_BETWEEN_LABELS = regex.compile(r"(?<=[）)])(?:[/／]+|[\-－]+)(?=[（(\p{Han}])")


def _dated(text: str, digits: str, end: int) -> bool:
    """Digits that a following 年/月/日/号/位/页… makes text: "2024 年", "保留4位", "第4页".

    Not a run of five digits or more, and not before a 年 that is followed by a digit when the digits
    are no year: the vertical label 三、本年度办理结果 leaves its 年 between two rows ("… 0 31 年
    3.危及…": 31 is the row's 总计)."""
    i = end
    n = len(text)
    while i < n and text[i] == " ":
        i += 1
    if i == n or text[i] not in _TEXT_AFTER:
        return False
    plain = digits.lstrip("+-")
    if len(plain) > MAX_TEXT_DIGITS:
        return False
    if text[i] == "年" and not (len(plain) == 4 and plain[:2] in ("19", "20")):
        return not _next_visible(text, i + 1).isdigit()
    return True


def _prev_visible(text: str, i: int) -> str:
    i -= 1
    while i >= 0 and text[i] == " ":
        i -= 1
    return text[i] if i >= 0 else "\n"


def _next_visible(text: str, i: int) -> str:
    n = len(text)
    while i < n and text[i] in " ":
        i += 1
    return text[i] if i < n else "\n"


def _width(s: str) -> int:
    return len(s) + len(_WIDE.findall(s))


def _columns_original(line_start: int, norm: Normalized, out: list[Token], first: int) -> None:
    orig = norm.original
    o_line = norm.to_orig_start(line_start)
    pos = o_line
    width = 0
    # a line that normalisation copied as it was (most are) maps by one shift, not a look-up a token
    hi = out[-1].end if len(out) > first else line_start
    d = norm.shift(line_start, hi)
    for t in out[first:]:
        if d is not None and line_start <= t.start < hi and line_start < t.end <= hi:
            o0 = t.start + d
            o1 = max(t.end + d, o0)
        else:
            o0 = norm.to_orig_start(t.start)
            o1 = max(norm.to_orig_end(t.end), o0)
        width += _width(orig[pos:o0])
        t.x0, t.x1 = o0 - o_line, o1 - o_line
        t.w0 = width
        width += _width(orig[o0:o1])
        t.w1 = width
        pos = o1
