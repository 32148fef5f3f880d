"""Stage 1: normalise text for reading, keeping a map back to the text that was given.

The steps are named and table-driven (``STEPS``); each finds spans of the input and says what to put
there.  Length-preserving foldings (full-width ASCII, U+00A0, U+3000, the many other NFKC one-to-one
foldings) go through ``str.translate`` and cost nothing in the offset map.  Only the steps that change
length (removals, multi-character NFKC expansions such as ㈠ → (一)) create map segments.

>>> n = normalize("[bookmark: _GoBack]（一）予以公开\\t１２\\n- 4 -\\n")
>>> n.text
'(一)予以公开\\t12\\n'
>>> n.original[slice(*n.to_orig((8, 10)))]
'１２'
"""

from __future__ import annotations

import bisect
import functools
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TypeAlias

import regex

__all__ = ["Normalized", "normalize", "STEPS"]

#: the characters the ``regex`` module's ``\s`` matches (Unicode White_Space), as a class body for
#: the standard library's ``re``, whose ``\s`` also takes the separators U+001C-U+001F
WHITESPACE = "\t\n\x0b\x0c\r \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"

# Removals and rewrites that change length, applied to the original text; earlier steps win where
# two overlap.  (name, pattern, replacement)
STEPS: tuple[tuple[str, str, str], ...] = (
    # Word's hidden bookmark as some converters print it (seed 003)
    ("word_bookmark", r"\[bookmark:[^\]\n]{0,200}\]", ""),
    # running page numbers on a line of their own: "- 4 -", "-3-", "— 1 —", "第 4 页", "第4页 共6页";
    # not "——\t2\t——\t" nor "——    21    ——": a row of cells (tabbed, or laid out in columns by
    # pdftotext -layout or PyMuPDF), one a value between two not-applicable marks
    (
        "page_number_line",
        r"(?m)^[ \t\f]*(?:[-—–－‐]{1,2} ?[0-9]{1,3} ?[-—–－‐]{1,2}|第 *[0-9]{1,3} *页(?: *共 *[0-9]{1,3} *页)?) *(?:\r?\n|\Z)",
        "",
    ),
    # a browser's print header and footer (Chromium: "12/5/26, 7:34 AM  <title>" above, the page's
    # address and "1/4" below): their numbers are no cells, and a table broken over pages has them
    # between its rows
    (
        "print_header_date",
        # (the first digit first, the look-behind after it: a pattern that opens with a class lets
        # ``re`` skip ahead to the digits, where a look-ahead or a look-behind first has it try the
        # whole pattern at every character of the text)
        r"[0-9](?<![\d/][0-9])(?:[0-9]?/[0-9]{1,2}/[0-9]{2,4},? [0-9]{1,2}:[0-9]{2}(?::[0-9]{2})? ?[AP]M"
        r"|[0-9]{3}/[0-9]{1,2}/[0-9]{1,2},? [0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?)(?![\d:])",
        "",
    ),
    (
        "print_footer_address",
        r"(?:file|ﬁle|https?)://[!-~]{1,800}(?:[ \t]+[0-9]{1,3}/[0-9]{1,3}(?![\d/]))?",
        "",
    ),
    (
        "print_page_count",
        r"(?m)^[ \t\f]*[0-9]{1,3}/[0-9]{1,3}[ \t]*(?=\r?\n|\Z)",
        "",
    ),
    # form feeds (pdftotext page breaks) and vertical tabs carry no text
    ("form_feed", r"[\f\v]", ""),
    ("crlf", r"\r\n?", "\n"),
    # zero-width and other invisible characters; soft hyphen
    ("invisible", r"[\u200b-\u200f\u2028\u2029\u2060-\u2064\ufeff\u00ad]", ""),
    # markdown emphasis markers left in copies (seed 001: **2.围绕…**)
    ("markdown_bold", r"\*\*|__", ""),
    # pandoc markdown's hard line break inside a table cell: a backslash ending the cell's line
    # ("7.\" over "属于行政执法案卷"): markup, not text (read as text, "7." is a number glued to it)
    ("md_hard_break", r"(?m)(?<=[^\s\\])\\(?=[ \t]|$)", " "),
    # HTML table markup inside text (MinerU/Docling markdown, raw crawler dumps): a cell ends with a
    # tab, a row with a line break, other layout tags vanish.  Only real HTML tag names: reports write
    # 《…》 and <…> around titles too.
    # a line break inside a markdown table cell ("| 22<br>（其中修订16件） | 235 |") stays in its cell
    # (the look-behind comes after <br>, so that it is tried only where a <br> is: linear on long lines)
    ("md_cell_break", r"(?im)<br\s*/?>(?<=^[ \t]*\|[^\n]{0,2000}<br\s*/?>)(?=[^\n]{0,2000}\|[ \t]*$)", " "),
    # and one inside an HTML cell (MinerU writes a table on one line: "<td>22<br>（其中修订16件）</td>")
    ("html_cell_break", r"(?i)<br\s*/?>\s*(?=(?:(?!<t[dhr]\b)[\s\S]){0,300}</t[dh]\s*>)", " "),
    # whitespace between two tags is not text (pandoc and other converters print one tag a line: read
    # as text, every cell's line break would end a row)
    # (a tab between two cells, none after a row's last: "<td>2</td><td>0</td></tr>" is two cells, not
    # two and an empty one, which a row one cell short would take for its last column's)
    ("html_last_cell_end", r"(?i)</t[dh]\s*>\s*(?=</tr\s*>)", ""),
    ("html_cell_end", r"(?i)</t[dh]\s*>(?:\s*(?=<))?", "\t"),
    ("html_row_end", r"(?i)</tr\s*>(?:\s*(?=<))?|<br\s*/?>", "\n"),
    (
        "html_tag",
        r"(?i)</?(?:table|thead|tbody|tfoot|tr|td|th|p|div|span|font|b|strong|em|i|u|colgroup|col|caption|section|article)"
        r"(?:\s[^<>]{0,300})?/?>(?:\s*(?=<))?",
        "",
    ),
    ("html_nbsp", r"&(?:nbsp|#160|#xa0|ensp|emsp|#12288);", " "),
    ("html_amp", r"&amp;", "&"),
)

# A step runs only on a text that holds one of its literals (None: on every text).  Each step is its
# own pattern: one alternation of them all costs three times their sum, the literal prefixes lost.
TRIGGERS: dict[str, tuple[str, ...] | None] = {
    "word_bookmark": ("bookmark",),
    "page_number_line": None,
    "print_header_date": ("/",),
    "print_footer_address": ("://",),
    "print_page_count": ("/",),
    "form_feed": ("\f", "\v"),
    "crlf": ("\r",),
    # (the pattern is a class of characters: a text holds a match exactly when it holds one of them)
    "invisible": tuple("\u200b\u200c\u200d\u200e\u200f\u2028\u2029\u2060\u2061\u2062\u2063\u2064\ufeff\u00ad"),
    "markdown_bold": ("**", "__"),
    "md_hard_break": ("\\",),
    "md_cell_break": ("<",),
    "html_cell_break": ("<",),
    "html_last_cell_end": ("<",),
    "html_cell_end": ("<",),
    "html_row_end": ("<",),
    "html_tag": ("<",),
    "html_nbsp": ("&",),
    "html_amp": ("&",),
}
# Steps whose patterns mean the same in the standard library's ``re`` (no \s, \w, \p{…}, case folding
# or variable-width look-behind, where the two engines differ): ``re`` scans them two to three times
# faster, and each runs over the whole text twice (``_needs_pass``)
RE_STEPS = frozenset({
    "word_bookmark", "page_number_line", "print_header_date", "print_footer_address", "print_page_count",
    "form_feed", "crlf", "invisible", "markdown_bold", "html_nbsp", "html_amp",
})
_StepPattern: TypeAlias = "re.Pattern[str] | regex.Pattern[str]"
_STEP_RES: tuple[tuple[_StepPattern, str, tuple[str, ...] | None], ...] = tuple(
    (re.compile(pat) if name in RE_STEPS else regex.compile(pat), repl, TRIGGERS[name]) for name, pat, repl in STEPS
)
# the steps whose literals are all characters that folding may change ('invisible'): whether a text
# holds one is read off the set of such characters a pass has at hand (see _active), not searched
_CHAR_TRIGGERS: dict[int, frozenset[str]] = {
    i: frozenset(lits)
    for i, (_, _, lits) in enumerate(_STEP_RES)
    if lits and all(len(w) == 1 and not ("\x00" <= w <= "\x9f" or "\u4e00" <= w <= "\u9fff") for w in lits)
}


def _active(text: str, chars: set[str] | None = None) -> list[tuple[int, _StepPattern, str]]:
    """The steps to run on ``text``: those without literals, and those with one of theirs in it.
    ``chars``: a superset of the characters of ``text`` that folding may change (a step activated by
    one it does not hold finds nothing)."""
    out = []
    for i, (rx, repl, lits) in enumerate(_STEP_RES):
        if lits is None:
            out.append((i, rx, repl))
        elif chars is not None and i in _CHAR_TRIGGERS:
            if not _CHAR_TRIGGERS[i].isdisjoint(chars):
                out.append((i, rx, repl))
        elif any(w in text for w in lits):
            out.append((i, rx, repl))
    return out


def _step_edits(text: str, chars: set[str] | None = None) -> list[tuple[int, int, str]]:
    """Every step's matches, non-overlapping, as one alternation of the steps would find them: the
    leftmost wins, and the earlier step at one start.  A step whose next match starts inside one taken
    is searched again after it (its match there may have hidden another: an address running into a
    Word bookmark).  ``chars``: see :func:`_active`."""
    steps = _active(text, chars)
    nxt: list[re.Match[str] | regex.Match[str] | None] = [rx.search(text) for _, rx, _ in steps]
    out: list[tuple[int, int, str]] = []
    pos = 0
    while True:
        best = -1
        for k, m in enumerate(nxt):
            if m is not None and m.start() < pos:
                m = nxt[k] = steps[k][1].search(text, pos)
            if m is not None and (best < 0 or m.start() < nxt[best].start()):  # type: ignore[union-attr]
                best = k
        if best < 0:
            return out
        m = nxt[best]
        assert m is not None
        out.append((m.start(), m.end(), steps[best][2]))
        pos = max(m.end(), m.start() + 1)


# Characters NFKC leaves alone but that mean the same in a table
_EXTRA_FOLD = {
    "\u3000": " ",
    "\u00a0": " ",
    # box-drawing tables (w3m, some PDF-to-text tools): verticals and crossings are cell borders, like
    # a pipe table's; horizontals are its rule lines
    **{c: "|" for c in "│┃║├┤┬┴┼┌┐└┘┣┫┳┻╋┏┓┗┛╠╣╦╩╬╔╗╚╝╞╡╪╟╢╫"},
    **{c: "-" for c in "─━═"},
    # circled numbers number rows ("①信访举报投诉类申请"): NFKC would make them a bare digit run into the label
    **{chr(0x2460 + i): f"{i + 1}." for i in range(20)},
    # the horizontal bar: GB2312 pages decoded as GBK (not GB18030) give U+2015 for the Chinese dash
    # "——", a not-applicable mark in a cell ("| ―― |")
    "\u2015": "\u2014",
    # the two- and three-em dashes: a font's ligature of "——" in a PDF's text (Chromium's print of a
    # cell's "——", read back by pdfminer and markitdown as "⸺")
    "\u2e3a": "\u2014\u2014",
    "\u2e3b": "\u2014\u2014\u2014",
    # CJK radicals that a font's cmap gives for the ideograph they draw like (a Chromium print of
    # Noto CJK: "⼈⺠政府" — NFKC folds the Kangxi radical ⼈ to 人, but not the supplement's ⺠ to 民),
    # after Unicode's EquivalentUnifiedIdeograph.txt, the simplified forms a report can hold
    **dict(zip(
        "\u2e9f\u2ea0\u2ea9\u2ec4\u2ec5\u2ec6\u2ec9\u2ecb\u2ed3\u2ed4\u2ed8\u2ed9\u2eda\u2edb\u2edc\u2edd"
        "\u2ee2\u2ee3\u2ee4\u2ee5\u2ee6\u2ee7\u2ee8\u2ee9\u2eea\u2eec\u2eee\u2ef0\u2ef3",
        "母民王西见角贝车长门青韦页风飞食马骨鬼鱼鸟卤麦黄黾齐齿龙龟", strict=True,
    )),
    "〔": "[",
    "〕": "]",
    "【": "[",
    "】": "]",
}


@functools.lru_cache(maxsize=65536)
def _fold(ch: str) -> str:
    if ch in _EXTRA_FOLD:
        return _EXTRA_FOLD[ch]
    out = unicodedata.normalize("NFKC", ch)
    # NFKC turns some spacing marks into a space plus a combining mark; keep those as they were
    if out and unicodedata.combining(out[-1]):
        return ch
    return out


@dataclass(frozen=True, slots=True)
class Normalized:
    """Normalised text plus the map back to ``original``.

    The map is a list of segments of ``text``: ``seg_norm[i]`` is where segment i starts in ``text``,
    ``seg_orig[i]`` where it comes from in ``original``, ``seg_copy[i]`` whether it is a one-to-one copy
    (else a replacement whose every character maps to the whole source range
    ``seg_orig[i]:seg_orig_end[i]``).
    """

    text: str
    original: str
    seg_norm: tuple[int, ...]
    seg_orig: tuple[int, ...]
    seg_orig_end: tuple[int, ...]
    seg_copy: tuple[bool, ...]
    inner: Normalized | None = None  # an earlier pass, when one pass made new matches (rare)

    def to_orig_start(self, pos: int) -> int:
        if pos >= len(self.text):
            return len(self.original)
        i = bisect.bisect_right(self.seg_norm, pos) - 1
        if i < 0:
            return 0
        if self.seg_copy[i]:
            return self.seg_orig[i] + (pos - self.seg_norm[i])
        return self.seg_orig[i]

    def to_orig_end(self, pos: int) -> int:
        if pos <= 0:
            return 0
        i = bisect.bisect_right(self.seg_norm, pos - 1) - 1
        if i < 0:
            return 0
        if self.seg_copy[i]:
            return self.seg_orig[i] + (pos - self.seg_norm[i])
        return self.seg_orig_end[i]

    def shift(self, lo: int, hi: int) -> int | None:
        """What :meth:`to_orig_start` adds to every position of ``text[lo:hi]`` (and :meth:`to_orig_end`
        to every position after one of them) where the stretch lies in one copied segment; else None."""
        if not 0 <= lo < hi <= len(self.text):
            return None
        seg_norm = self.seg_norm
        i = bisect.bisect_right(seg_norm, lo) - 1
        if i < 0 or not self.seg_copy[i] or (i + 1 < len(seg_norm) and seg_norm[i + 1] < hi):
            return None
        return self.seg_orig[i] - seg_norm[i]

    def to_orig(self, span: tuple[int, int]) -> tuple[int, int]:
        """Map a span of ``text`` to the span of ``original`` it was made from."""
        s, e = span
        if e <= s:
            p = self.to_orig_start(s)
            out = (p, p)
        elif 0 <= s < len(self.text):
            # (to_orig_start and to_orig_end inlined: the table stage maps a span for every cell)
            seg_norm, seg_orig = self.seg_norm, self.seg_orig
            i = bisect.bisect_right(seg_norm, s) - 1
            a = 0 if i < 0 else seg_orig[i] + (s - seg_norm[i]) if self.seg_copy[i] else seg_orig[i]
            i = bisect.bisect_right(seg_norm, e - 1) - 1
            b = 0 if i < 0 else seg_orig[i] + (e - seg_norm[i]) if self.seg_copy[i] else self.seg_orig_end[i]
            out = (a, b)
        else:
            out = (self.to_orig_start(s), self.to_orig_end(e))
        return self.inner.to_orig(out) if self.inner is not None else out


# Passes of normalisation at most: one removal can make a new match ("*\u200b*" becomes "**")
MAX_PASSES = 4


def normalize(text: str) -> Normalized:
    """Normalise ``text``: NFKC folding, invisible characters and converter artefacts removed.

    Idempotent: the steps run again on their own output until nothing changes.
    """
    n, edited, chars = _pass(text)
    passes = 1
    while passes < MAX_PASSES and n.text != n.original and _needs_pass(n.text, edited, chars):
        inner = n
        n, edited, chars = _pass(inner.text)
        n = Normalized(n.text, text, n.seg_norm, n.seg_orig, n.seg_orig_end, n.seg_copy, inner)
        passes += 1
    return n


def _needs_pass(t: str, edited: bool, chars: set[str]) -> bool:
    """Whether a pass's output ``t`` holds anything a step or a folding would change again, told from
    what the pass did: whether it made an edit (``edited``), and ``chars``, the characters of its input
    that folding may change and those its foldings put in.  The same answer as running every step and
    folding over ``t`` again, cheaper:

    - a pass that made no edit gave the text it scanned, folded: its steps found nothing there;
    - a character of ``t`` is one of its input's or one a folding put in (a step puts in ASCII only,
      which folding keeps): ``chars`` holds every one that folding may change."""
    if edited and any(rx.search(t) for _, rx, _ in _active(t, chars)):
        return True
    return any(_fold(ch) != ch and ch in t for ch in chars)


# Characters that folding may change: not below U+00A0 (left alone) and not a CJK unified ideograph
# (NFKC keeps every one: tests/test_properties.py checks it), which is most of a report's text
_MAYBE_FOLDED = regex.compile(r"[^\x00-\x9f\u4e00-\u9fff]+")


# (what _foldable drops: ``re``'s sub of the runs it keeps costs less than a findall of the others)
_NOT_FOLDED = re.compile(r"[\x00-\x9f\u4e00-\u9fff]+")


def _foldable(text: str) -> set[str]:
    """The distinct characters of ``text`` that ``_fold`` may change (a superset of those it does)."""
    return set(_NOT_FOLDED.sub("", text))


def _once(text: str) -> Normalized:
    """One pass of normalisation."""
    return _pass(text)[0]


def _pass(text: str) -> tuple[Normalized, bool, set[str]]:
    """One pass of normalisation, whether it made an edit, and the characters that folding may change
    among its input's and those its foldings put in (what :func:`_needs_pass` reads)."""
    # fold one-to-one characters first (offsets unchanged), so that the steps see folded text:
    # full-width ［bookmark: …］, ＊＊ and －４－ are caught like their ASCII forms
    table: dict[int, str] = {}
    expand: set[str] = set()
    chars = _foldable(text)
    folded: set[str] = set()
    for ch in chars:
        f = _fold(ch)
        if f == ch:
            continue
        folded.update(c for c in f if _MAYBE_FOLDED.fullmatch(c) is not None)
        if len(f) == 1:
            table[ord(ch)] = f
        else:
            expand.add(ch)
    original = text
    if table:
        # str.translate with a dict looks up every character (1.4 ms on a 4 000-character report);
        # a report has a handful of folded characters, and one replace() each costs microseconds
        if len(table) <= 32:
            for k, v in table.items():
                text = text.replace(chr(k), v)
        else:
            text = text.translate(table)
    chars |= folded  # (the folded text's characters that folding may change are among these)
    edits = _step_edits(text, chars)
    inline = _inline_page_numbers(text, edits) + _bare_page_numbers(text, edits) + _running_lines(text, edits)
    if inline:
        edits = sorted(edits + inline)

    # characters whose folding is longer than one character are edits
    if expand:
        starts = [e[0] for e in edits]
        for i, ch in enumerate(text):
            if ch in expand:
                j = bisect.bisect_right(starts, i) - 1
                if j >= 0 and edits[j][0] <= i < edits[j][1]:
                    continue  # inside a removal
                edits.append((i, i + 1, _fold(ch)))
        edits.sort()

    pieces: list[str] = []
    seg_norm: list[int] = []
    seg_orig: list[int] = []
    seg_orig_end: list[int] = []
    seg_copy: list[bool] = []
    pos_norm = 0
    pos_orig = 0

    def emit(s: str, o_start: int, o_end: int, copy: bool) -> None:
        nonlocal pos_norm
        if not s:
            return
        seg_norm.append(pos_norm)
        seg_orig.append(o_start)
        seg_orig_end.append(o_end)
        seg_copy.append(copy)
        pieces.append(s)
        pos_norm += len(s)

    for s, e, repl in edits:
        if s < pos_orig:  # overlapping edit: the earlier one won
            continue
        emit(text[pos_orig:s], pos_orig, s, True)
        emit(repl, s, e, len(repl) == e - s and repl == text[s:e])
        pos_orig = e
    emit(text[pos_orig:], pos_orig, len(text), True)

    out = "".join(pieces)
    return Normalized(out, original, tuple(seg_norm), tuple(seg_orig), tuple(seg_orig_end), tuple(seg_copy)), bool(edits), chars


# a running page number inside a line ("… 0 0 0 — 5 — 缴纳费用 …": text copied as one paragraph)
_INLINE_PAGE = regex.compile(
    r"(?<=\s)[-—–]{1,2} ?([0-9]{1,3}) ?[-—–]{1,2}(?=\s)"
    # a one-line dump keeps no space around them: "…769-4-法提供…", "…收费0—4—信息内容…"
    r"|(?<![-—–])[-—–]{1,2}([0-9]{1,3})[-—–]{1,2}(?=\p{Han})"
)
# inline page numbers are removed only as a run of consecutive pages, never one alone: "— 5 —" alone
# may be a row of not-applicable, 5, not-applicable
MIN_PAGE_RUN = 2


def _inline_page_numbers(text: str, edits: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    if "—" not in text and "-" not in text:
        return []
    return _page_runs(_INLINE_PAGE.finditer(text), edits, " ", to_end=True)


def _page_runs(found: Iterable[regex.Match[str]], edits: list[tuple[int, int, str]], repl: str, *, to_end: bool) -> list[tuple[int, int, str]]:
    """Page numbers among the matches (the number the first group that matched, up to the match's end
    or the number's) outside ``edits``, taken only where they run on, one page to the next
    (MIN_PAGE_RUN at least): edits replacing each with ``repl``."""
    taken = [(s, e) for s, e, _ in edits]
    pages = []
    for m in found:
        j = bisect.bisect_right(taken, (m.start(), len(m.string) + 1)) - 1
        if j >= 0 and taken[j][1] > m.start():
            continue  # already inside an edit (a page-number line)
        g = next(i for i in range(1, len(m.groups()) + 1) if m.group(i) is not None)
        pages.append((m.start(), m.end() if to_end else m.end(g), int(m.group(g))))
    out: list[tuple[int, int, str]] = []
    run: list[tuple[int, int, int]] = []
    for f in [*pages, (0, 0, -1)]:
        if run and f[2] == run[-1][2] + 1:
            run.append(f)
            continue
        if len(run) >= MIN_PAGE_RUN:
            out += [(a, b, repl) for a, b, _ in run]
        run = [f]
    return out


# a bare page number on the last line of a page ("1" above pdftotext's form feed, Word's PAGE field
# with nothing around it); removed only as a run of consecutive pages: a page may end on a table's cell
_BARE_PAGE = regex.compile(r"(?m)^[ \t]*([0-9]{1,3})[ \t]*\n(?:[ \t]*\n)*(?=\f)")


def _bare_page_numbers(text: str, edits: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    if "\f" not in text:
        return []
    return _page_runs(_BARE_PAGE.finditer(text), edits, "", to_end=False)


# a page's first and last lines of text (pdftotext ends each page with a form feed): a whole line with
# something not blank on it.  (The line's test is a look-ahead, the line taken once: as
# "[^\n\f]*\S[^\n\f]*" the footer's pattern backtracked over every split of every line, quadratic
# in its length, 1-2 ms on a page of pdftotext -layout.  ``re``, the ``regex`` module's ``\s`` spelled
# out: a third of the cost.)
_PAGE_HEAD = re.compile(rf"(?:\A|\f)(?:[ \t]*\n)*(?=[^\n\f]*[^{WHITESPACE}])([^\n\f]*)(?:\n|\Z)")
_PAGE_FOOT = re.compile(rf"(?m)^(?=[^\n\f]*[^{WHITESPACE}])([^\n\f]*)\n(?:[ \t]*\n)*(?=\f)")
# a running line is one run of text: a table's line has cells apart ("（本列数据的勾稽关系    申请人情况")
_CELLS_APART = regex.compile(r"\S(?: {3,}|\t)\S")


def _running_lines(text: str, edits: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """A running header or footer: the same line of text heading (or ending) every page, or all but
    one, of a text with page breaks ("岚皋县官元镇人民政府 2019 年度政府信息公开工作年度报告" at the top of
    each page of pdftotext's text).  It is no part of the table a page break cuts, and a row label
    broken by the page meets its second line again once it is gone.  Its text is removed where it
    stands at the head or foot of two pages at least (the first page's head is kept: it may be the
    title); a line with cells apart is never one."""
    pages = text.count("\f") + 1
    if pages < 3:
        return []
    out: list[tuple[int, int, str]] = []
    taken = [(s, e) for s, e, _ in edits]
    for pattern, starts in ((_PAGE_HEAD, _page_starts(text)), (_PAGE_FOOT, _foot_starts(text))):
        seen: dict[str, list[tuple[int, int]]] = {}
        for m in _matches_at(pattern, text, starts):
            line = m.group(1)
            if _CELLS_APART.search(line.strip()):
                continue
            seen.setdefault(" ".join(line.split()), []).append(m.span(1))
        for spans in seen.values():
            if len(spans) < 2 or len(spans) < pages - 1:
                continue
            for a, b in spans:
                if "\f" not in text[:a]:
                    continue  # the first page's head stays: it may be the report's title, which names the organ
                j = bisect.bisect_right(taken, (a, len(text) + 1)) - 1
                if j >= 0 and taken[j][1] > a:
                    continue  # already inside an edit
                out.append((a, b, ""))
    return sorted(out)


def _page_starts(text: str) -> list[int]:
    """Where a match of _PAGE_HEAD can start: the text's start and each form feed."""
    out = [0]
    k = text.find("\f")
    while k >= 0:
        out.append(k)
        k = text.find("\f", k + 1)
    return out


def _foot_starts(text: str) -> list[int]:
    """Where a match of _PAGE_FOOT can start: before each form feed, the start of the last line that
    is not blank (spaces and tabs) — the page's last line of text."""
    out = []
    k = text.find("\f")
    while k >= 0:
        end = k
        while (nl := text.rfind("\n", 0, end)) >= 0:
            start = text.rfind("\n", 0, nl) + 1
            if text[start:nl].strip(" \t"):
                out.append(start)
                break
            end = start
        k = text.find("\f", k + 1)
    return out


def _matches_at(pattern: re.Pattern[str], text: str, starts: list[int]) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text)`` where a match can start only at ``starts``: tried there alone, in
    order, none overlapping the one before (finditer tries every character: for _PAGE_FOOT, every line
    of the text)."""
    end = 0
    for q in sorted(set(starts)):
        if q >= end and (m := pattern.match(text, q)) is not None:
            yield m
            end = m.end()


def key(s: str) -> str:
    """The matching key of a label: normalised, no whitespace, no quotes, 、．as '.'.

    >>> key("（三）不予 公 开")
    '(三)不予公开'
    >>> key("3.危及“三安全一稳定”") == key('3、危及"三安全一稳定"')
    True
    """
    if not s.isascii():
        s = "".join(_fold(c) if c >= "\u00a0" else c for c in s)
    return s.translate(_KEY_TABLE)


def key_normalized(s: str) -> str:
    """:func:`key` of text that is already normalised (the text of tokens): no folding needed."""
    # (a report keys the same short token texts and template wordings again and again, stage after
    # stage: a cache hit costs a tenth of translate()'s look-up of every character; long texts are
    # keyed as they come, so that the cache holds no prose)
    return _key_short(s) if len(s) <= _KEY_CACHE_LEN else s.translate(_KEY_TABLE)


_KEY_CACHE_LEN = 64


@functools.lru_cache(maxsize=8192)
def _key_short(s: str) -> str:
    return s.translate(_KEY_TABLE)


# The matching key of labels (key) and of whole texts (sections.keytext) is made from these two
# tables and nothing else: characters dropped, and characters read as another.
KEY_DROP = " \t\n\r\"'“”‘’「」『』*"
KEY_MAP = {"、": ".", "。": ".", "，": ",", "；": ";"}
_KEY_TABLE = str.maketrans({**{c: None for c in KEY_DROP}, **KEY_MAP})
