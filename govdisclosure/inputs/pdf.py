"""PDF files through pdfplumber, rebuilt from character positions (not only ``extract_text``).

Per page (after ``dedupe_chars``, which removes fake-bold doubled characters):

1. **Ruled tables**: ``find_tables`` on ruling lines.  Each cell's bounding box gives its grid
   position and spans; a row is written as the cells that *start* in it, in column order, joined by
   TAB, so an empty cell stays an empty string in its column and a covered cell is not written.
   One-column "tables" are text boxes (Word frames) and are read as text.
2. **Lines** outside tables: words grouped by baseline; page numbers (``- 4 -``, ``-3-``,
   ``第 4 页``) and running headers/footers (the same text in the top or bottom band of most pages)
   are dropped.
3. **Unruled tables**: runs of lines that split into cells at wide gaps.  Columns come from the
   x-centres of the numbers in the run's fullest rows; every number goes to its nearest column,
   a column with no number in a row is written as an empty string (never a shift); wrapped label
   lines without numbers join the nearest row's label.
4. **Paragraphs**: a line that reaches the right margin continues into the next line when that
   one starts at the left margin (no first-line indent, no heading number), also across pages.

A ruled table that ends a page and one that starts the next with the same columns are one table:
a merged cell split by the page break (``（四）无`` / ``法提供``) is joined into its first part.

Every character written keeps its page and box, so :attr:`Document.box_at` gives the box of any
span and ``page_starts`` the page.  Pages without a text layer give an ``ocr_needed`` finding.
"""

from __future__ import annotations

import bisect
import dataclasses
import io
import logging
import re
import statistics
from collections.abc import Callable, Iterable
from operator import itemgetter
from typing import TYPE_CHECKING, Any, Final

from ..errors import EncryptedFileError, FileFormatError, InputTooLargeError
from ..limits import DEFAULT as DEFAULT_LIMITS
from ..limits import check_pdf_pages
from ..report import Finding, Source

if TYPE_CHECKING:
    from . import Document

log = logging.getLogger(__name__)

__all__ = ["read_pdf"]

Box = tuple[int, float, float, float, float]  # page, x0, top, x1, bottom

#: A glyph record, what :func:`page_from_words` reads: ``(text, x0, top, x1, bottom, size, upright,
#: fontname)`` in PDF points (top-left origin), ``size`` the font size (None: unknown, the box
#: height stands in).  One per glyph of a text layer (PDFium, pdfplumber), or one per recognised
#: word or glyph of OCR: a record is never split, and records further apart than ``X_TOLERANCE`` on
#: a line get a space.  A tuple (not a dict): made, unpacked and sorted at the cost of a few
#: bytecodes, thousands of times per page.  The fields by index:
TEXT: Final = 0
X0: Final = 1
TOP: Final = 2
X1: Final = 3
BOTTOM: Final = 4
SIZE: Final = 5
UPRIGHT: Final = 6
FONTNAME: Final = 7
Glyph = tuple[str, float, float, float, float, "float | None", bool, str]

#: Characters closer than this (points) on one line belong to one word: pdfplumber's default.
X_TOLERANCE = 3.0
#: Characters whose tops differ by less than this (points) are on one line.
Y_TOLERANCE = 3.0
#: dedupe_chars tolerance: fake bold prints each glyph twice, offset by < 1 pt.
DEDUPE_TOLERANCE = 1.0
#: Share of the page height at the top and bottom where running headers/footers/page numbers live.
MARGIN_BAND = 0.1
#: A header/footer text must repeat on at least this share of pages (and on two pages).
REPEAT_SHARE = 0.5
#: Table fragments on consecutive pages are one table when their inner column edges agree to this
#: many points (Word redraws outer borders a little wider on continuation pages).
EDGE_TOLERANCE = 3.0
#: Grid edges closer than this are one edge (borders drawn as thin rectangles have two sides).
GRID_SNAP = 2.0
#: Unruled tables: a gap wider than this many character sizes splits a line into cells.  Text
#: inside a cell (CJK, justified) has gaps < 0.2 em; neighbouring cells are at least two cell
#: paddings apart (~0.8 em at table font sizes).
CELL_GAP_CHARS = 0.6
#: Unruled tables: numbers whose x-centres are within this many points are one column.
COLUMN_SNAP = 14.0
#: Share of a page's characters that are "(cid:NN)" placeholders above which its text layer is
#: unusable (fonts without a ToUnicode map).
CID_SHARE = 0.2

_PAGE_NUMBER = re.compile(
    r"^(?:[-－—–‐~～]+\s*\d{1,4}\s*[-－—–‐~～]+|第\s*\d{1,4}\s*页(?:\s*[,，]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}\s*/\s*\d{1,4}|"
    r"[-－—–]?\s*\d{1,4}\s*[-－—–]?)$"
)
_NUMBER = re.compile(r"^[+\-－−]?\s*[\d０-９][\d０-９,，.．]*\s*(?:%|元|万元|件|个|条|项)?$")
_NA = re.compile(r"^(?:/|／|—+|-+|－+|无|不适用)$")
_CJK = re.compile(r"[\u3400-\u9fff]")
_HEADING = re.compile(r"^\s*(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十]+[)）]|\d+[、.．]\s*\D)")
_CAPTION = re.compile(r"^\s*第二十条|^\s*[一二三四五六][、.．]")


# -- small value types -------------------------------------------------------------------------
@dataclasses.dataclass(slots=True)
class _Chunk:
    """A run of text with one box per character (None for inserted spaces)."""

    text: str
    boxes: list[Box | None]

    @staticmethod
    def join(chunks: Iterable[_Chunk], sep: str = "") -> _Chunk:
        t: list[str] = []
        b: list[Box | None] = []
        for i, c in enumerate(chunks):
            if i and sep:
                t.append(sep)
                b.extend([None] * len(sep))
            t.append(c.text)
            b.extend(c.boxes)
        return _Chunk("".join(t), b)


@dataclasses.dataclass(slots=True)
class _Line:
    page: int
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    words: list[Glyph]
    chunk: _Chunk
    #: the words split at gaps wider than a cell gap (:func:`_words`), and the chunk of each: the
    #: unruled-table tests and rows read them; ``chunk`` is made of them
    segs: list[list[Glyph]]
    seg_chunks: list[_Chunk]
    # the unruled-table tests ask these of every line several times: computed once
    row: bool | None = None
    header: bool | None = None

    @property
    def text(self) -> str:
        return self.chunk.text


@dataclasses.dataclass(slots=True)
class _Cell:
    r0: int
    r1: int
    c0: int
    c1: int
    x0: float
    x1: float
    chunk: _Chunk
    covered: bool = False


@dataclasses.dataclass(slots=True)
class _Table:
    page: int
    top: float
    bottom: float
    x_edges: list[float]
    nrows: int
    cells: list[_Cell]
    continued: bool = False  # the first part of this table is on an earlier page
    y_edges: list[float] = dataclasses.field(default_factory=list)  # the grid's rows (its cells' tops and bottoms)

    def holder(self) -> Callable[[float, float], bool]:
        """Whether a cell of the grid holds a point (a char's centre): a frame may hold text that no
        cell does (a merged cell running past a page break leaves no closed box on its first page)."""
        xs, ys = self.x_edges, self.y_edges
        if not ys:
            return lambda x, y: True
        slots = {(r, c) for cell in self.cells for r in range(cell.r0, max(cell.r1, cell.r0 + 1))
                 for c in range(cell.c0, max(cell.c1, cell.c0 + 1))}
        return lambda x, y: (bisect.bisect_right(ys, y) - 1, bisect.bisect_right(xs, x) - 1) in slots


@dataclasses.dataclass(slots=True)
class _Page:
    number: int
    height: float
    items: list[Any]  # _Line | _Table, in reading order (by top)
    chars: int


def glyphs(chars: Iterable[dict[str, Any]]) -> list[Glyph]:
    """pdfplumber-style char dicts (pdfplumber's ``page.chars``, OCR's words) as :data:`Glyph`
    records."""
    return [(c["text"], c["x0"], c["top"], c["x1"], c["bottom"], c.get("size"), c.get("upright", True),
             c.get("fontname", "")) for c in chars]


# -- characters to words and lines -------------------------------------------------------------
def _chars_chunk(chars: list[Glyph], page: int) -> _Chunk:
    """Chars of one line (sorted by x) to text; a gap wider than X_TOLERANCE becomes one space."""
    if len(chars) == 1:  # a one-glyph cell or segment
        t, x0, top, x1, bottom, _, _, _ = chars[0]
        if not t.strip():
            return _Chunk("", [])
        return _Chunk(t, [(page, x0, top, x1, bottom)] * len(t))
    text: list[str] = []
    boxes: list[Box | None] = []
    prev_x1: float | None = None
    for t, x0, top, x1, bottom, _, _, _ in chars:
        if not t.strip():
            continue
        if prev_x1 is not None and x0 - prev_x1 > X_TOLERANCE and text and text[-1] != " ":
            text.append(" ")
            boxes.append(None)
        prev_x1 = x1
        box = (page, x0, top, x1, bottom)
        if len(t) == 1:
            text.append(t)
            boxes.append(box)
        else:
            for c in t:
                text.append(c)
                boxes.append(box)
    return _Chunk("".join(text), boxes)


_X0 = itemgetter(X0)


def _line_keys(chars: list[Glyph]) -> list[tuple[float, float]]:
    """The line-order key of every char: ``(round(top, 1), x0)``.  round() is slow; a line's glyphs
    share their top, so it is rounded once per distinct top."""
    rounded: dict[float, float] = {}
    keys = []
    for c in chars:
        top = c[TOP]
        rt = rounded.get(top)
        if rt is None:
            rt = rounded[top] = round(top, 1)
        keys.append((rt, c[X0]))
    return keys


def _group_lines(chars: list[Glyph]) -> list[list[Glyph]]:
    """Cluster chars into lines by their top (sorted top to bottom, then left to right)."""
    if len(chars) < 2:  # most table cells hold one glyph or none
        return [list(chars)] if chars else []
    keys = _line_keys(chars)
    return _group_sorted([chars[i] for i in sorted(range(len(chars)), key=keys.__getitem__)])


def _group_sorted(chars: list[Glyph]) -> list[list[Glyph]]:
    """:func:`_group_lines` of chars already in line order (sorted by ``_line_keys``, stably)."""
    if len(chars) < 2:
        return [chars] if chars else []
    lines: list[list[Glyph]] = []
    cur: list[Glyph] = []
    first = 0.0
    for ch in chars:
        top = ch[TOP]
        if cur and abs(top - first) <= Y_TOLERANCE:
            cur.append(ch)
        else:
            cur = [ch]
            first = top
            lines.append(cur)
    if len(lines) == 1:
        cur.sort(key=_X0)
        return lines
    for ln in lines:
        ln.sort(key=_X0)
    lines.sort(key=lambda ln: min(c[TOP] for c in ln))
    return lines


class _LineOrder:
    """The line order of a page's chars (``_line_keys``, stable), sorted once: the rank of every
    char, so that any subset (a cell's chars, the chars outside the tables) is put in line order by
    sorting small ints.  Also the chars' x-centres (``xc``) and their indices sorted by y-centre
    (``by_y``, the y-centres in that order: ``ys``), for the cells and the table frames."""

    __slots__ = ("order", "rank", "xc", "by_y", "ys")

    def __init__(self, chars: list[Glyph]) -> None:
        keys = _line_keys(chars)
        self.order = sorted(range(len(chars)), key=keys.__getitem__)
        rank = [0] * len(chars)
        for pos, i in enumerate(self.order):
            rank[i] = pos
        self.rank = rank
        yc = [(ch[TOP] + ch[BOTTOM]) / 2 for ch in chars]
        self.xc = [(ch[X0] + ch[X1]) / 2 for ch in chars]
        self.by_y = sorted(range(len(chars)), key=yc.__getitem__)  # indices, by vertical centre
        self.ys = [yc[i] for i in self.by_y]


def _words(chars: list[Glyph], gap: float) -> list[list[Glyph]]:
    """Split one line's chars (sorted by x) into segments at gaps wider than ``gap`` points."""
    segs: list[list[Glyph]] = []
    cur: list[Glyph] = []
    last_x1 = 0.0
    for ch in chars:
        if not ch[TEXT].strip():
            continue
        if cur and ch[X0] - last_x1 <= gap:
            cur.append(ch)
        else:
            cur = [ch]
            segs.append(cur)
        last_x1 = ch[X1]
    return segs


def _make_line(chars: list[Glyph], page: int) -> _Line | None:
    """A line of chars (sorted by x); each char is chunked once, in its segment (see _line_chunk)."""
    chars = [c for c in chars if c[TEXT].strip()]
    if not chars:
        return None
    sizes = []
    _, x0, top, x1, bottom, _, _, _ = chars[0]
    for _, cx0, ctop, cx1, cbottom, size, _, _ in chars:  # min/max as min()/max() would give them
        sizes.append(size or (cbottom - ctop))
        if cx0 < x0:
            x0 = cx0
        if cx1 > x1:
            x1 = cx1
        if ctop < top:
            top = ctop
        if cbottom > bottom:
            bottom = cbottom
    size = statistics.median(sizes)
    segs = _words(chars, max(X_TOLERANCE, CELL_GAP_CHARS * size))
    seg_chunks = [_chars_chunk(s, page) for s in segs]
    return _Line(page, x0, x1, top, bottom, size, chars, _line_chunk(seg_chunks), segs, seg_chunks)


def _line_chunk(seg_chunks: list[_Chunk]) -> _Chunk:
    """``_chars_chunk`` of a whole line, from the chunks of its segments: segments are further apart
    than X_TOLERANCE, so one space stands between two (unless the first ends in a space), and inside
    a segment every char follows the same char as in the line."""
    if len(seg_chunks) == 1:
        return seg_chunks[0]
    text: list[str] = []
    boxes: list[Box | None] = []
    for c in seg_chunks:
        if text and not text[-1].endswith(" "):
            text.append(" ")
            boxes.append(None)
        text.append(c.text)
        boxes.extend(c.boxes)
    return _Chunk("".join(text), boxes)


# -- ruled tables -------------------------------------------------------------------------------
def _snap(values: Iterable[float]) -> list[float]:
    out: list[float] = []
    for v in sorted(values):
        if out and v - out[-1] <= GRID_SNAP:
            continue
        out.append(v)
    return out


def _index(edges: list[float], v: float) -> int:
    i = bisect.bisect_left(edges, v - GRID_SNAP)
    return min(i, len(edges) - 1)


def _ruled_tables(page: Any, chars: list[Glyph], pno: int) -> list[_Table]:
    """The ruled tables of a pdfplumber page, whose chars are ``chars`` (its open edges closed:
    :func:`pdfium.closing_edges`)."""
    from . import pdfium

    closing = pdfium.closing_edges(page.edges)
    found = page.find_tables({"explicit_horizontal_lines": closing} if closing else None)
    return _grid_tables([(t.bbox, t.cells) for t in found], chars, pno)


def _grid_tables(found: Iterable[tuple[Any, Any]], chars: list[Glyph], pno: int,
                 line_order: _LineOrder | None = None) -> list[_Table]:
    """Tables from (bbox, cell boxes) found on ruling lines — of a PDF page, or of an OCR'd image.

    ``line_order`` is the chars' line order when the caller has it already."""
    tables = []
    by_y: list[int] | None = None
    ys_sorted: list[float] = []
    order: list[int] = []
    rank: list[int] = []
    xc: list[float] = []
    bands: dict[tuple[float, float], tuple[list[float], list[int]]] = {}
    for bbox, found_cells in found:
        cells = [c for c in found_cells if c[2] - c[0] > 1 and c[3] - c[1] > 1]
        if not cells:
            continue
        xs = _snap([c[0] for c in cells] + [c[2] for c in cells])
        ys = _snap([c[1] for c in cells] + [c[3] for c in cells])
        if len(xs) < 3 or len(ys) < 3:
            continue  # one column or one row: a framed text box, read as text
        if by_y is None:  # chars by vertical centre, so that a cell looks only at its own band
            if line_order is None:
                line_order = _LineOrder(chars)
            order, rank, xc = line_order.order, line_order.rank, line_order.xc
            by_y, ys_sorted = line_order.by_y, line_order.ys
        x_at: dict[float, int] = {}
        y_at: dict[float, int] = {}
        out_cells = []
        for (x0, top, x1, bottom) in cells:
            band = bands.get((top, bottom))
            if band is None:  # the chars of a row band by horizontal centre (cells of a row share it)
                got = by_y[bisect.bisect_left(ys_sorted, top): bisect.bisect_right(ys_sorted, bottom)]
                got.sort(key=xc.__getitem__)
                band = bands[(top, bottom)] = ([xc[i] for i in got], [rank[i] for i in got])
            xs_band, ranks = band
            lo, hi = bisect.bisect_left(xs_band, x0), bisect.bisect_right(xs_band, x1)
            if hi - lo == 1:  # one glyph: no lines to group
                chunk = _chars_chunk([chars[order[ranks[lo]]]], pno)
            elif hi == lo:
                chunk = _Chunk("", [])
            else:  # the cell's chars in line order, as _group_lines would sort them
                lines = _group_sorted([chars[order[r]] for r in sorted(ranks[lo:hi])])
                if len(lines) == 1:
                    chunk = _chars_chunk(lines[0], pno)
                else:
                    chunk = _Chunk.join(_chars_chunk(ln, pno) for ln in lines)
            r0, r1 = _index_at(y_at, ys, top), _index_at(y_at, ys, bottom)
            c0, c1 = _index_at(x_at, xs, x0), _index_at(x_at, xs, x1)
            out_cells.append(_Cell(r0, r1, c0, c1, x0, x1, chunk))
        out_cells.sort(key=lambda c: (c.r0, c.c0))
        tables.append(_Table(pno, bbox[1], bbox[3], xs, len(ys) - 1, out_cells, y_edges=ys))
    return tables


def _index_at(seen: dict[float, int], axis: list[float], v: float) -> int:
    """``_index(axis, v)``, remembered in ``seen`` (a grid's cells share their borders)."""
    i = seen.get(v)
    if i is None:
        i = seen[v] = _index(axis, v)
    return i


def _is_label(text: str) -> bool:
    return bool(_CJK.search(text)) and not _NUMBER.match(text)


def _continues(prev: _Table, nxt: _Table) -> bool:
    """The same columns on both sides of a page break.  One part may lack some inner edges: rows whose
    merged cells span them (a first page holding only the caption rows and a row whose label spans
    three columns)."""
    a, b = prev.x_edges, nxt.x_edges
    if abs(a[0] - b[0]) > EDGE_TOLERANCE or abs(a[-1] - b[-1]) > EDGE_TOLERANCE:
        return False
    few, many = (a, b) if len(a) <= len(b) else (b, a)
    return all(any(abs(x - y) <= EDGE_TOLERANCE for y in many) for x in few[1:-1])


def _col_in(t: _Table, x: float) -> int:
    """The column of ``t`` that the left edge ``x`` (of another part of the table) opens or falls in."""
    return max(0, bisect.bisect_right(t.x_edges, x + EDGE_TOLERANCE) - 1)


def _x_span(t: _Table, c: _Cell) -> tuple[int, int]:
    return round(t.x_edges[c.c0]), round(t.x_edges[min(max(c.c1, c.c0 + 1), len(t.x_edges) - 1)])


def _repeated_header(prev: _Table, nxt: _Table) -> int:
    """How many of a continued table's first rows repeat the table's own first rows, text for text and
    without a number (Word's "repeat as header row at the top of each page")."""
    k = 0
    while k < min(prev.nrows, nxt.nrows) - 1:
        a = sorted((*_x_span(prev, c), c.chunk.text.strip()) for c in prev.cells if c.r0 == k)
        b = sorted((*_x_span(nxt, c), c.chunk.text.strip()) for c in nxt.cells if c.r0 == k)
        if not a or [t for *_, t in a] != [t for *_, t in b] or any(abs(p[0] - q[0]) + abs(p[1] - q[1]) > 2 * EDGE_TOLERANCE for p, q in zip(a, b)) \
                or any(_NUMBER.match(t) for *_, t in a):
            break
        k += 1
    return k


def _join_continuation(prev: _Table, nxt: _Table) -> None:
    """Fold the first row of a continued table into cells split by the page break, past the header
    rows the page repeats (which go: they are the table's caption again, in the middle of its rows)."""
    last = prev.nrows - 1
    k = _repeated_header(prev, nxt)
    for c in nxt.cells:
        if c.r0 < k:
            c.covered = True
    first = [(c, _col_in(prev, nxt.x_edges[c.c0])) for c in nxt.cells if c.r0 == k]
    if _join_split_row(prev, nxt, first, last):
        return
    for n, col in first:
        p = next(
            (c for c in prev.cells if c.r0 <= last < c.r1 + (c.r1 == c.r0) and c.c0 <= col < max(c.c1, c.c0 + 1)),
            None,
        )
        if p is None:
            continue
        n_span = n.r1 - n.r0 > 1
        p_span = p.r1 - p.r0 > 1
        if not (n_span or p_span):
            continue
        if n.chunk.text.strip() == "" and (p_span or _is_label(p.chunk.text)):
            n.covered = True
        elif _is_label(n.chunk.text) and _is_label(p.chunk.text) and n_span:
            p.chunk = _Chunk.join([p.chunk, n.chunk])
            n.covered = True


def _covering(prev: _Table, row: int, col: int) -> _Cell | None:
    return next((c for c in prev.cells if c.r0 <= row < max(c.r1, c.r0 + 1) and c.c0 <= col < max(c.c1, c.c0 + 1)), None)


def _join_split_row(prev: _Table, nxt: _Table, first: list[tuple[_Cell, int]], last: int) -> bool:
    """A row broken across the page: the continuation's first row holds only label tails (each cell
    with the column of ``prev`` it stands in).  (Digits there may be a wrapped number's tail or a row of
    its own: such a row is left to the text stage, where the row's sums decide.)"""
    texts = [c.chunk.text.strip() for c, _ in first]
    if not any(texts) or any(t and not _is_label(t) for t in texts):
        return False
    pairs = []
    for (n, col), t in zip(first, texts, strict=True):
        if not t:
            continue
        p = _covering(prev, last, col)
        if p is None or not _is_label(p.chunk.text) or p.r1 - 1 > last:
            return False
        if _x_span(nxt, n)[1] > _x_span(prev, p)[1] + EDGE_TOLERANCE:
            return False  # wider than the label it would end: a caption row of its own (第二十条第（五）项 over the table)
        pairs.append((p, n))
    last_row = [c for c in prev.cells if c.r0 <= last < max(c.r1, c.r0 + 1)]
    if not any(_NUMBER.match(c.chunk.text.strip()) for c in last_row):
        return False  # the row above has no numbers: the first row is a row of its own
    for p, n in pairs:
        p.chunk = _Chunk.join([p.chunk, n.chunk])
    for n, _ in first:
        n.covered = True
    return True


def _table_lines(t: _Table) -> list[_Chunk]:
    rows: dict[int, list[_Cell]] = {}
    for c in t.cells:
        rows.setdefault(c.r0, []).append(c)
    out = []
    for r in sorted(rows):
        cells = sorted(rows[r], key=lambda c: c.c0)
        if all(c.covered for c in cells):
            continue
        out.append(_Chunk.join([c.chunk for c in cells if not c.covered], "\t"))
    return out


# -- unruled tables -----------------------------------------------------------------------------
def _seg_text(seg: list[Glyph]) -> str:
    return "".join([c[TEXT] for c in seg]).strip()


def _is_row(line: _Line) -> bool:
    if line.row is None:
        segs = line.segs
        line.row = len(segs) >= 2 and any(_NUMBER.match(_seg_text(s)) or _NA.match(_seg_text(s)) for s in segs[1:])
    return line.row


def _is_header(line: _Line) -> bool:
    if line.header is None:
        line.header = len(line.segs) >= 3 and not _CAPTION.match(line.text)
    return line.header


def _unruled(lines: list[_Line]) -> list[Any]:
    """Replace runs of table-like lines by chunks in the tab-separated row layout."""
    out: list[Any] = []
    i = 0
    while i < len(lines):
        if not (_is_row(lines[i]) or _is_header(lines[i])):
            out.append(lines[i])
            i += 1
            continue
        j = i
        run: list[_Line] = []
        while j < len(lines):
            ln = lines[j]
            if _is_row(ln) or _is_header(ln):
                run.append(ln)
            elif (
                run and not _CAPTION.match(ln.text) and not _PAGE_NUMBER.match(ln.text.strip())
                and ln.page == run[-1].page and ln.top - run[-1].bottom < 2.5 * ln.size and len(ln.text) <= 30
            ):
                run.append(ln)  # a wrapped label fragment
            else:
                break
            j += 1
        if not any(_is_row(x) for x in run):
            out.extend(run)
        else:
            out.append(_UnruledTable(run))
        i = j
    return out


@dataclasses.dataclass(slots=True)
class _UnruledTable:
    lines: list[_Line]

    def rows(self) -> list[_Chunk]:
        rows = [ln for ln in self.lines if _is_row(ln)]
        numeric: dict[int, list[tuple[float, _Chunk]]] = {}
        labels: dict[int, list[tuple[float, _Chunk]]] = {}
        for ln in rows:
            nums: list[tuple[float, _Chunk]] = []
            labs: list[tuple[float, _Chunk]] = []
            for s, ch in zip(ln.segs, ln.seg_chunks, strict=True):
                x = (s[0][X0] + s[-1][X1]) / 2
                if nums or _NUMBER.match(ch.text) or _NA.match(ch.text):
                    nums.append((x, ch))  # a value, or text after the values (a unit, a note)
                else:
                    labs.append((s[0][X0], ch))
            numeric[id(ln)] = nums
            labels[id(ln)] = labs
        cols = self._columns(rows, numeric)
        # wrapped label fragments: each segment continues the label in its column of the nearest
        # row above, or starts the label of the nearest row below, whichever is closer
        before: dict[int, list[list[_Chunk]]] = {}
        after: dict[int, list[list[_Chunk]]] = {}
        reach: dict[int, float] = {id(r): r.bottom for r in rows}  # bottom of a row's label so far
        for ln in sorted(self.lines, key=lambda x: (x.page, x.top)):
            if _is_row(ln) or _is_header(ln):
                continue
            for seg, ch in zip(ln.segs, ln.seg_chunks, strict=True):
                x0 = seg[0][X0]
                tol = 1.2 * ln.size
                def has(r: _Line, x0: float = x0, tol: float = tol) -> bool:
                    return any(abs(lx - x0) <= tol for lx, _ in labels[id(r)])

                above = [r for r in rows if r.page == ln.page and r.top < ln.top and has(r)]
                below = [r for r in rows if r.page == ln.page and r.top > ln.top and has(r)]
                ra = max(above, key=lambda r: r.top, default=None)
                rb = min(below, key=lambda r: r.top, default=None)
                earlier = [r for r in rows if r.page < ln.page and has(r)]
                if ra is None and earlier:  # a row broken by the page: its label tail tops the page
                    ra, rb = earlier[-1], None
                if ra is None and rb is None:
                    rb = min(rows, key=lambda r: abs(r.top - ln.top))
                    after.setdefault(id(rb), []).append([ch])
                    continue
                da = ln.top - reach[id(ra)] if ra is not None else float("inf")
                db = rb.top - ln.bottom if rb is not None else float("inf")
                target, into = (ra, after) if da <= db else (rb, before)
                if into is after:
                    reach[id(target)] = max(reach[id(target)], ln.bottom)
                k = min(range(len(labels[id(target)])), key=lambda i: abs(labels[id(target)][i][0] - x0))
                slot = into.setdefault(id(target), [[] for _ in labels[id(target)]])
                while len(slot) <= k:  # a row first given a fragment with no label slots (above)
                    slot.append([])
                slot[k].append(ch)
        out: list[_Chunk] = []
        for ln in self.lines:
            if _is_header(ln) and not _is_row(ln):
                out.append(_Chunk.join(ln.seg_chunks, "\t"))
                continue
            if not _is_row(ln):
                continue
            labs = [c for _, c in labels[id(ln)]]
            for k in range(len(labs)):
                pres, posts = before.get(id(ln), []), after.get(id(ln), [])
                pre = pres[k] if k < len(pres) else []  # fragments given to a row without label slots
                post = posts[k] if k < len(posts) else []
                labs[k] = _Chunk.join([*pre, labs[k], *post])
            if not labs and after.get(id(ln)):
                labs = [_Chunk.join(x) for x in after[id(ln)]]
            slots: list[_Chunk | None] = [None] * len(cols)
            for x, ch in numeric[id(ln)]:
                k = 0
                if cols:  # the first nearest column (as min() over the indices by distance)
                    dist = [abs(c - x) for c in cols]
                    k = dist.index(min(dist))
                if cols and slots[k] is None:
                    slots[k] = ch
                else:  # two values nearest one column: keep both, in order, in the next free column
                    free = [c for c in range(len(cols)) if slots[c] is None and c > k]
                    if free:
                        slots[free[0]] = ch
                    else:
                        slots.append(ch)
            cells = labs + [s if s is not None else _Chunk("", []) for s in slots]
            out.append(_Chunk.join(cells, "\t"))
        return out

    def _columns(self, rows: list[_Line], numeric: dict[int, list[tuple[float, _Chunk]]]) -> list[float]:
        """Column centres: numbers of every row plus short header words above them, clustered."""
        xs = [x for ln in rows for x, _ in numeric[id(ln)]]
        if not xs:
            return []
        left = min(xs) - COLUMN_SNAP
        pts = list(xs)
        for ln in self.lines:
            if _is_header(ln) and not _is_row(ln):
                for s in ln.segs:
                    x = (s[0][X0] + s[-1][X1]) / 2
                    if len(_seg_text(s)) <= 4 and x >= left:
                        pts.append(x)
        clusters: list[list[float]] = []
        for x in sorted(pts):
            if clusters and x - clusters[-1][-1] <= COLUMN_SNAP:
                clusters[-1].append(x)
            else:
                clusters.append([x])
        most = max(len(numeric[id(ln)]) for ln in rows)
        cols = [statistics.median(c) for c in clusters]
        if len(cols) < most:  # header words missing: fall back to the fullest rows' numbers
            full = [ln for ln in rows if len(numeric[id(ln)]) == most]
            cols = [statistics.median(x for x in (numeric[id(ln)][k][0] for ln in full)) for k in range(most)]
        return cols


# -- page furniture -----------------------------------------------------------------------------
def _furniture(pages: list[_Page]) -> set[int]:
    """ids of lines that are page numbers or running headers/footers."""
    drop: set[int] = set()
    seen: dict[str, set[int]] = {}
    for pg in pages:
        for it in pg.items:
            if not isinstance(it, _Line):
                continue
            in_band = it.top < MARGIN_BAND * pg.height or it.bottom > (1 - MARGIN_BAND) * pg.height
            t = it.text.strip()
            if _PAGE_NUMBER.match(t) and (in_band or re.match(r"^[-－—–‐~～]", t)):
                drop.add(id(it))
            elif in_band:
                key = re.sub(r"\d+", "#", t.replace(" ", ""))
                seen.setdefault(key, set()).add(pg.number)
    n = len(pages)
    repeated = {k for k, v in seen.items() if len(v) >= 2 and len(v) >= REPEAT_SHARE * n}
    if repeated:
        for pg in pages:
            lines = [it for it in pg.items if isinstance(it, _Line)]
            # from each edge of the page inwards, while the lines are furniture: a running header that
            # repeats the title leaves the title itself (below it on the first page) in the text
            # (once a page each: the title right under a header that repeats it stays too)
            for run in (lines, lines[::-1]):
                once: set[str] = set()
                for it in run:
                    in_band = it.top < MARGIN_BAND * pg.height or it.bottom > (1 - MARGIN_BAND) * pg.height
                    if id(it) in drop:
                        continue
                    key = re.sub(r"\d+", "#", it.text.strip().replace(" ", ""))
                    if not (in_band and key in repeated) or key in once:
                        break
                    once.add(key)
                    drop.add(id(it))
    return drop


# -- paragraphs ---------------------------------------------------------------------------------
def _continues_para(cur: _Line, nxt: _Line, right: float, left: float) -> bool:
    if _HEADING.match(nxt.text) or _CAPTION.match(nxt.text):
        return False
    reaches = cur.x1 >= right - 1.5 * cur.size
    flush = nxt.x0 <= left + 0.6 * nxt.size
    return reaches and flush


# -- the reader ---------------------------------------------------------------------------------
def _is_encryption_error(exc: BaseException) -> bool:
    seen = set()
    e: BaseException | None = exc
    while e is not None and id(e) not in seen:
        seen.add(id(e))
        names = {type(e).__name__} | {type(a).__name__ for a in getattr(e, "args", ()) if isinstance(a, BaseException)}
        if names & {"PDFPasswordIncorrect", "PDFEncryptionError", "PDFEncryptionWarning", "PDFKeyError"}:
            return True
        if "password" in str(e).lower() or "encrypt" in str(e).lower():
            return True
        nested = [a for a in getattr(e, "args", ()) if isinstance(a, BaseException)]
        e = e.__cause__ or e.__context__ or (nested[0] if nested else None)
    return False


#: PDF backends: where the glyphs and ruling lines come from.  The geometry after that is one path.
BACKENDS = ("pdfium", "pdfplumber")


def read_pdf(data: bytes, *, name: str | None = None, password: str | None = None,
             backend: str = "pdfium") -> Document:
    """A PDF (bytes) as a Document; see the module docstring.

    ``backend="pdfium"`` (the default) reads glyphs and paths through PDFium (:mod:`.pdfium`), about
    30 times faster than pdfminer's layout analysis; a file PDFium refuses, or one with image-only
    pages (OCR), is read by ``"pdfplumber"``, the reference.  Both give the same Document.
    """
    if backend not in BACKENDS:
        raise ValueError(f"pdf_backend must be one of {', '.join(BACKENDS)}, not {backend!r}")
    if backend == "pdfium":
        doc = _read_pdfium(data, name, password)
        if doc is not None:
            return doc
    from . import Document

    try:
        import pdfplumber
    except ImportError as exc:  # pragma: no cover - a declared dependency
        from ..errors import DependencyError

        raise DependencyError("reading PDF needs pdfplumber: pip install pdfplumber") from exc
    label = name or "the PDF"
    try:
        pdf = pdfplumber.open(io.BytesIO(data), password=password or "")
    except Exception as exc:
        raise _wrap(exc, label) from exc
    try:
        with pdf:
            pages, findings = _read_pages(pdf, label)
            # OCR of image-only pages (govdisclosure[ocr]): see inputs/image.py
            from .image import ocr_pdf_pages

            ocr = ocr_pdf_pages(pdf, pages, findings, label, page_from_words)
    except (EncryptedFileError, FileFormatError, InputTooLargeError):
        raise
    except Exception as exc:
        raise _wrap(exc, label) from exc
    text, boxes, page_starts = _emit(pages)
    if not text.strip() and not any(f.code == "ocr_needed" for f in findings):
        findings.append(Finding("no_text", "error", f"{label} has no text at all (blank pages); nothing to parse"))
    doc = Document(
        text=text,
        source=Source(path=name, format="pdf", pages=len(pages)),
        page_starts=page_starts,
        box_at=_BoxIndex(boxes),
        findings=tuple(findings),
    )
    return ocr.attach(doc, boxes) if ocr is not None else doc


def _read_pdfium(data: bytes, name: str | None, password: str | None) -> Document | None:
    """The PDFium backend; None when the file is for pdfplumber (refused by PDFium, or OCR needed)."""
    from . import Document, pdfium

    label = name or "the PDF"
    try:
        geometry = pdfium.extract(data, password=password, label=label)
    except pdfium.PdfiumPassword as exc:
        raise _wrap(PermissionError("password"), label) from exc
    except pdfium.PdfiumRefused as exc:
        log.info("PDFium cannot read %s (%s); reading it with pdfplumber", label, exc)
        return None
    pages: list[_Page] = []
    cid_pages: list[int] = []
    for g in geometry:
        chars = pdfium.dedupe(g.chars, DEDUPE_TOLERANCE)
        if not chars:
            if g.images:
                return None  # a scanned page: the pdfplumber path runs OCR on it
            pages.append(_Page(g.number, g.height, [], 0))
            continue
        if g.unmapped and sum(1 for c in chars if c[TEXT].startswith("(cid:")) > CID_SHARE * len(chars):
            cid_pages.append(g.number)
        pages.append(page_from_words(g.number, g.height, chars, pdfium.find_grids(g.edges)))
    findings: list[Finding] = []
    if cid_pages:
        findings.append(_cid_finding(cid_pages, label))
    text, boxes, page_starts = _emit(pages)
    if not text.strip():
        findings.append(Finding("no_text", "error", f"{label} has no text at all (blank pages); nothing to parse"))
    return Document(
        text=text,
        source=Source(path=name, format="pdf", pages=len(pages)),
        page_starts=page_starts,
        box_at=_BoxIndex(boxes),
        findings=tuple(findings),
    )


def _cid_finding(cid_pages: list[int], label: str) -> Finding:
    return Finding("text_layer_unreadable", "error",
                   f"page(s) {_ranges(cid_pages)} of {label} use fonts without a Unicode map ((cid:NN) glyphs); "
                   "their text is unreadable — OCR the pages or re-export the PDF with embedded Unicode fonts")


def _wrap(exc: BaseException, label: str) -> Exception:
    if _is_encryption_error(exc):
        return EncryptedFileError(
            f"{label} is password-protected; decrypt it first (e.g. qpdf --decrypt --password=… in.pdf out.pdf)"
        )
    return FileFormatError(f"{label} is not a readable PDF (damaged or truncated?): {type(exc).__name__}: {str(exc)[:120]}")


def page_from_words(
    pno: int, height: float, chars: list[Glyph],
    grids: Iterable[tuple[Any, Any]] = (), tables: list[_Table] | None = None,
) -> _Page:
    """Words with positions → a page of lines and tables: the one geometry path for every source.

    ``chars`` are :data:`Glyph` records from a PDF text layer (PDFium, pdfplumber) or from OCR
    (:mod:`.ocr`, through :func:`glyphs`); ``grids`` are (bbox, cell boxes) found on ruling lines,
    unless ``tables`` are given already built.
    """
    line_order: _LineOrder | None = None
    if tables is None:
        grids = list(grids)
        if grids:  # the chars' line order serves the cells and then the lines outside them
            line_order = _LineOrder(chars)
        tables = _grid_tables(grids, chars, pno, line_order)
    rest = chars
    rest_idx: list[int] | None = None  # the indices of rest in chars (None: all of them)
    if tables:
        # (the chars whose centre is in a frame, unless no cell of it holds them: those stay text)
        frames = [(t.top - 1, t.bottom + 1, t.x_edges[0] - 1, t.x_edges[-1] + 1, t.holder()) for t in tables]
        if line_order is not None:  # from the centres by y
            by_y, ys, xc = line_order.by_y, line_order.ys, line_order.xc
            inside: set[int] = set()
            for t0, t1, x0, x1, held in frames:
                inside.update([i for i in by_y[bisect.bisect_left(ys, t0): bisect.bisect_right(ys, t1)]
                               if x0 <= xc[i] <= x1 and held(xc[i], _centre_y(chars[i]))])
            rest_idx = [i for i in range(len(chars)) if i not in inside]
            rest = [chars[i] for i in rest_idx]
        else:
            rest, rest_idx = [], []
            for i, c in enumerate(chars):
                y, x = _centre_y(c), (c[X0] + c[X1]) / 2
                for t0, t1, x0, x1, held in frames:
                    if t0 <= y <= t1 and x0 <= x <= x1 and held(x, y):
                        break
                else:
                    rest.append(c)
                    rest_idx.append(i)
    if line_order is not None and len(rest) >= 2:  # rest in line order, from the ranks
        order = line_order.order
        if rest_idx is None:
            groups = _group_sorted([chars[i] for i in order])
        else:
            rank = line_order.rank
            groups = _group_sorted([chars[order[r]] for r in sorted([rank[i] for i in rest_idx])])
    else:
        groups = _group_lines(rest)
    lines = [ln for ln in (_make_line(g, pno) for g in groups) if ln is not None]
    items: list[Any] = sorted([*lines, *tables], key=lambda it: it.top)
    return _Page(pno, height, items, len(chars))


def _centre_y(c: Glyph) -> float:
    return (c[TOP] + c[BOTTOM]) / 2


def _read_pages(pdf: Any, label: str) -> tuple[list[_Page], list[Finding]]:
    pages: list[_Page] = []
    findings: list[Finding] = []
    image_only: list[int] = []
    cid_pages: list[int] = []
    check_pdf_pages(len(pdf.pages), label, DEFAULT_LIMITS)  # before any page is parsed
    for page in pdf.pages:
        pno = page.page_number
        page = page.dedupe_chars(tolerance=DEDUPE_TOLERANCE)
        chars = glyphs(page.chars)
        if not any(c[TEXT].strip() for c in chars):
            if page.images:
                image_only.append(pno)
            pages.append(_Page(pno, float(page.height), [], 0))
            continue
        cid = sum(1 for c in chars if c[TEXT].startswith("(cid:"))
        if cid > CID_SHARE * len(chars):
            cid_pages.append(pno)
        pages.append(page_from_words(pno, float(page.height), chars, tables=_ruled_tables(page, chars, pno)))
        page.close() if hasattr(page, "close") else None
    if image_only:
        all_img = len(image_only) == len(pages)
        findings.append(
            Finding(
                "ocr_needed",
                "error" if all_img else "warning",
                (f"{label} has no text layer: {'every page is' if all_img else f'page(s) {_ranges(image_only)} are'} "
                 "a scanned image; install OCR (pip install \"govdisclosure[ocr]\") or run ocrmypdf and parse the result — "
                 f"{'nothing' if all_img else 'the content of those pages'} could be read"),
            )
        )
    if cid_pages:
        findings.append(_cid_finding(cid_pages, label))
    return pages, findings


def _ranges(nums: list[int]) -> str:
    out = []
    for n in nums:
        if out and out[-1][1] == n - 1:
            out[-1][1] = n
        else:
            out.append([n, n])
    return ", ".join(f"{a}" if a == b else f"{a}-{b}" for a, b in out)


def _emit(pages: list[_Page]) -> tuple[str, list[Box | None], tuple[int, ...]]:
    drop = _furniture(pages)
    # content items per page, furniture removed
    content = [[it for it in pg.items if not (isinstance(it, _Line) and id(it) in drop)] for pg in pages]
    # tables that continue across a page break
    for k in range(len(content) - 1):
        if not content[k] or not content[k + 1]:
            continue
        a, b = content[k][-1], content[k + 1][0]
        if isinstance(a, _Table) and isinstance(b, _Table):
            if _continues(a, b):
                _join_continuation(a, b)
                b.continued = True
            elif abs(a.x_edges[0] - b.x_edges[0]) <= 2 * EDGE_TOLERANCE and abs(a.x_edges[-1] - b.x_edges[-1]) <= 2 * EDGE_TOLERANCE:
                b.continued = True  # same frame, other columns (part 二's blocks): one table, no cell joins
    # geometry of body text for paragraph joining
    body = [it for items in content for it in items if isinstance(it, _Line)]
    if body:
        left = statistics.median_low(sorted(ln.x0 for ln in body)[: max(1, len(body) // 2)])
        # the right margin: where full lines of running text end (table lines may reach wider)
        full = [ln.x1 for ln in body if len(ln.text) >= 20 and len(ln.segs) == 1]
        right = statistics.median(full) if full else max(ln.x1 for ln in body)
    else:
        left = right = 0.0
    blocks: list[tuple[str, list[_Chunk]]] = []  # ("para"|"table", lines)
    para: list[_Line] = []

    def end_para() -> None:
        if para:
            blocks.append(("para", [_Chunk.join(ln.chunk for ln in para)]))
            para.clear()

    for items in content:
        lines_and_tables = _unruled([it for it in items if isinstance(it, _Line)])
        # re-interleave unruled output with ruled tables by position
        merged: list[Any] = []
        ruled = [it for it in items if isinstance(it, _Table)]
        for it in lines_and_tables:
            top = it.top if isinstance(it, _Line) else it.lines[0].top
            while ruled and ruled[0].top < top:
                merged.append(ruled.pop(0))
            merged.append(it)
        merged.extend(ruled)
        for it in merged:
            if isinstance(it, _Line):
                if para and _continues_para(para[-1], it, right, left):
                    para.append(it)
                else:
                    end_para()
                    para.append(it)
            elif isinstance(it, _Table):
                end_para()
                rows = _table_lines(it)
                if it.continued and blocks and blocks[-1][0] == "table":
                    blocks[-1][1].extend(rows)
                else:
                    blocks.append(("table", rows))
            else:
                end_para()
                blocks.append(("table", it.rows()))
    end_para()
    text_parts: list[str] = []
    boxes: list[Box | None] = []
    for i, (_, lines) in enumerate(blocks):
        if i:
            text_parts.append("\n\n")
            boxes.extend([None, None])
        for j, ch in enumerate(lines):
            if j:
                text_parts.append("\n")
                boxes.append(None)
            text_parts.append(ch.text)
            boxes.extend(ch.boxes)
    text_parts.append("\n")
    boxes.append(None)
    text = "".join(text_parts)
    starts: list[int] = []
    first_at: dict[int, int] = {}
    for off, b in enumerate(boxes):
        if b is not None and b[0] not in first_at:
            first_at[b[0]] = off
    prev = 0
    for pg in pages:
        off = first_at.get(pg.number)
        if off is None or off < prev:
            off = prev  # a page without text (or whose text was folded into an earlier row)
        starts.append(off)
        prev = off
    if starts:
        starts[0] = 0
    return text, boxes, tuple(starts)


class _BoxIndex:
    """Callable span -> bbox over the per-character boxes (union on the span's first page)."""

    __slots__ = ("_boxes", "_rounded")

    def __init__(self, boxes: list[Box | None]) -> None:
        self._boxes = boxes
        self._rounded: dict[float, float] = {}

    def __call__(self, span: tuple[int, int]) -> tuple[float, float, float, float] | None:
        s, e = span
        found = None
        for b in self._boxes[max(0, s): max(s, e)]:  # a value's few characters: one pass
            if b is None:
                continue
            if found is None:
                found = b
                page, x0, top, x1, bottom = b
            elif b[0] == page:
                if b[1] < x0:
                    x0 = b[1]
                if b[2] < top:
                    top = b[2]
                if b[3] > x1:
                    x1 = b[3]
                if b[4] > bottom:
                    bottom = b[4]
        if found is None:
            return None
        r = self._rounded  # round(v, 2) is slow (decimal conversion); the same edges recur
        out = []
        for v in (x0, top, x1, bottom):
            got = r.get(v) if v else None  # (0.0 and -0.0 are one key, and round keeps the sign)
            if got is None:
                got = round(v, 2)
                if v:
                    r[v] = got
            out.append(got)
        return (out[0], out[1], out[2], out[3])

    def page(self, offset: int) -> int | None:
        b = self._boxes[offset] if 0 <= offset < len(self._boxes) else None
        return b[0] if b else None
