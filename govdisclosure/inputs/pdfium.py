"""PDF geometry through PDFium (pypdfium2): glyphs with their boxes, ruling lines and rectangles.

This module only *extracts*: it turns a PDF into one :class:`PageGeometry` per page (glyph
records plus ruling edges), and :mod:`.pdf` rebuilds lines, tables and paragraphs from them with the
same code as for the pdfplumber backend.  The records are made to be what pdfminer (under
pdfplumber) reports for the same file, so that both backends give the same text and boxes:

* a glyph's ``x0``/``x1`` are its origin and origin + advance width (PDFium's "loose" char box);
* its ``bottom`` is the baseline plus the font's descent (the FontDescriptor's /Descent, as
  pdfminer reads it: 0 when the descriptor says 0, while PDFium would fall back to the font
  program's own descender) and ``top`` is ``bottom - size``, where ``size`` is the font size times
  the text matrix's vertical scale;
* ruling lines come from path objects, classified as pdfminer does: one segment is a line, four
  axis-aligned segments closing on the start are a rectangle (four edges), anything else a curve
  whose straight horizontal/vertical pieces are edges.  Paths inside Form XObjects count too.

pypdfium2 is imported on the first PDF only.  :func:`page_images` renders pages for OCR.
"""

from __future__ import annotations

import bisect
import collections
import ctypes
import dataclasses
import itertools
import logging
import re
import struct
import zlib
from collections.abc import Iterable, Iterator
from operator import itemgetter
from typing import Any

from .pdf import FONTNAME, SIZE, TEXT, TOP, UPRIGHT, X0, Glyph

log = logging.getLogger(__name__)

__all__ = ["PageGeometry", "PdfiumRefused", "PdfiumPassword", "extract", "page_images", "dedupe", "find_grids", "closing_edges"]


@dataclasses.dataclass(slots=True)
class PageGeometry:
    """One page as the geometry path reads it: glyph records, ruling edges, images.

    ``chars`` are :data:`~.pdf.Glyph` records: tuples ``(text, x0, top, x1, bottom, size, upright,
    fontname)`` (PDF points, top-left origin; ``size`` the font size in points), one per glyph of
    the text layer, in PDFium's character order.  ``edges`` are pdfplumber-style edge dicts
    (``x0 top x1 bottom width height orientation``).
    """

    number: int
    width: float
    height: float
    chars: list[Glyph]
    edges: list[dict[str, Any]]
    images: int = 0
    #: whether some glyph may be a "(cid:NN)" record (False: PDFium mapped every glyph to Unicode)
    unmapped: bool = True


class PdfiumRefused(Exception):
    """PDFium could not open or read the file (the caller falls back to pdfplumber)."""


class PdfiumPassword(PdfiumRefused):
    """The file needs a password PDFium was not given."""


_DESCRIPTOR = re.compile(rb"/FontDescriptor\b")
_FONTNAME = re.compile(rb"/FontName\s*/([^\s/<>\[\]()]+)")
_DESCENT = re.compile(rb"/Descent\s+([-+]?\d*\.?\d+)")
_OBJSTM = re.compile(rb"/Type\s*/ObjStm\b")
_STREAM = re.compile(rb"stream\r?\n")


def _descriptor_descents(data: bytes) -> dict[str, float]:
    """FontName -> /Descent of every FontDescriptor, from the raw file (and its object streams).

    PDFium replaces a /Descent of 0 by the font program's descender; pdfminer keeps the 0, and its
    boxes are the reference.  A cheap scan: descriptors are small dictionaries, either plain or in
    Flate-compressed object streams.
    """
    out: dict[str, float] = {}

    def scan(buf: bytes) -> None:
        for m in _DESCRIPTOR.finditer(buf):
            start = buf.rfind(b"<<", 0, m.start())
            end = buf.find(b">>", m.end())
            if start < 0 or end < 0:
                continue
            d = buf[start:end]
            name, desc = _FONTNAME.search(d), _DESCENT.search(d)
            if name and desc:
                try:
                    full, value = name.group(1).decode("latin-1"), float(desc.group(1))
                except ValueError:
                    continue
                out.setdefault(full, value)
                out.setdefault(full.split("+", 1)[-1], value)  # PDFium names fonts without the subset tag

    scan(data)
    if b"/ObjStm" in data:
        for m in _OBJSTM.finditer(data):
            s = _STREAM.search(data, m.end(), m.end() + 2048)
            if s is None:
                continue
            try:
                buf = zlib.decompressobj().decompress(data[s.end(): s.end() + 8 * 1024 * 1024], 16 * 1024 * 1024)
            except zlib.error:
                continue
            if b"/FontDescriptor" in buf:
                scan(buf)
    return out


def _open(data: bytes, password: str | None) -> Any:
    import pypdfium2 as pdfium

    try:
        return pdfium.PdfDocument(data, password=password or None)
    except pdfium.PdfiumError as exc:
        if "password" in str(exc).lower():
            raise PdfiumPassword(str(exc)) from exc
        raise PdfiumRefused(str(exc)) from exc


def extract(data: bytes, *, password: str | None = None, max_pages: int | None = None,
            label: str = "the PDF") -> list[PageGeometry]:
    """Every page of a PDF as :class:`PageGeometry` (glyph records, edges, image count).

    Raises :class:`PdfiumPassword` for a file that needs a password, :class:`PdfiumRefused` when
    PDFium cannot open or read it; :class:`~govdisclosure.errors.InputTooLargeError` over the page
    limit (checked before any page is read).
    """
    import pypdfium2.raw as R

    from ..limits import DEFAULT as DEFAULT_LIMITS
    from ..limits import check_pdf_pages

    doc = _open(data, password)
    try:
        n = len(doc)
        check_pdf_pages(n, label, DEFAULT_LIMITS)
        if max_pages is not None:
            n = min(n, max_pages)
        descents = _descriptor_descents(data)
        fonts: dict[int, tuple[str, float]] = {}
        pages = []
        for i in range(n):
            page = doc[i]
            try:
                x_off, b0, _r, t0 = page.get_mediabox()
                width, height = page.get_size()
                top_y = t0 if t0 else b0 + height
                tp = R.FPDFText_LoadPage(page)
                if not tp:
                    raise PdfiumRefused(f"no text page for page {i + 1}")
                text_objs: dict[Any, Any] = {}
                try:
                    chars = _chars(tp, top_y, fonts, descents, text_objs, x_off)
                finally:
                    R.FPDFText_ClosePage(tp)
                edges, images = _paths(page, top_y, x_off, text_objs)
                unmapped = any(info[5] for info in text_objs.values())
                pages.append(PageGeometry(i + 1, float(width), float(height), chars, edges, images, unmapped))
            finally:
                page.close()
        return pages
    except PdfiumRefused:
        raise
    except Exception as exc:
        from ..errors import InputTooLargeError

        if isinstance(exc, InputTooLargeError):
            raise
        raise PdfiumRefused(f"{type(exc).__name__}: {exc}") from exc
    finally:
        doc.close()


_API: Any = None

#: PDFium calls made once per character or per page object.  Besides the prototyped function (handles
#: as plain ints), each also comes *unprototyped* as ``u_<name>`` (no argtypes, only restype):
#: ctypes then passes ints as C ints and ctypes objects (a ``c_void_p`` handle, ``byref``) as they
#: are, with no per-argument conversion — about half the cost of a prototyped call.  They are called
#: only with a ``c_void_p`` for every handle and Python ints for indices.
_UNTYPED = ("FPDFText_GetTextObject", "FPDFText_GetLooseCharBox", "FPDFText_GetCharOrigin", "FPDFText_GetMatrix",
            "FPDFText_HasUnicodeMapError", "FPDFText_GetUnicode", "FPDFTextObj_GetFontSize", "FPDFTextObj_GetFont",
            "FPDFPage_GetObject", "FPDFPageObj_GetType", "FPDFPageObj_GetMatrix", "FPDFPath_GetDrawMode",
            "FPDFPath_CountSegments", "FPDFPath_GetPathSegment", "FPDFPathSegment_GetPoint",
            "FPDFPathSegment_GetType", "FPDFPathSegment_GetClose", "FPDFFormObj_CountObjects",
            "FPDFFormObj_GetObject")


def _api() -> Any:
    """Private prototypes of the PDFium calls made per character and per page object: handles as
    plain ints (hashable, no pointer-object churn) and by-reference outputs; about half the cost
    per call of pypdfium2's typed bindings, which wrap every returned handle in a pointer object.
    The hottest also come without argtypes (see ``_UNTYPED``)."""
    global _API
    if _API is None:
        import types

        import pypdfium2_raw.bindings as B

        lib = B._libs["pdfium"]
        vp, i, d = ctypes.c_void_p, ctypes.c_int, ctypes.c_double
        api = types.SimpleNamespace()
        for name, res, args in (
            ("FPDFText_CountChars", i, (vp,)),
            ("FPDFText_GetText", i, (vp, i, i, vp)),
            ("FPDFText_GetUnicode", ctypes.c_uint, (vp, i)),
            ("FPDFText_GetTextObject", vp, (vp, i)),
            ("FPDFText_GetLooseCharBox", i, (vp, i, vp)),
            ("FPDFText_GetCharOrigin", i, (vp, i, vp, vp)),
            ("FPDFText_GetMatrix", i, (vp, i, vp)),
            ("FPDFText_HasUnicodeMapError", i, (vp, i)),
            ("FPDFTextObj_GetFontSize", i, (vp, vp)),
            ("FPDFTextObj_GetFont", vp, (vp,)),
            ("FPDFFont_GetBaseFontName", ctypes.c_size_t, (vp, vp, ctypes.c_size_t)),
            ("FPDFFont_GetDescent", i, (vp, ctypes.c_float, vp)),
            # the page's objects, for ruling lines (paths) and images
            ("FPDFPage_CountObjects", i, (vp,)),
            ("FPDFPage_GetObject", vp, (vp, i)),
            ("FPDFFormObj_CountObjects", i, (vp,)),
            ("FPDFFormObj_GetObject", vp, (vp, ctypes.c_ulong)),
            ("FPDFPageObj_GetType", i, (vp,)),
            ("FPDFPageObj_GetMatrix", i, (vp, vp)),
            ("FPDFPath_GetDrawMode", i, (vp, vp, vp)),
            ("FPDFPath_CountSegments", i, (vp,)),
            ("FPDFPath_GetPathSegment", vp, (vp, i)),
            ("FPDFPathSegment_GetPoint", i, (vp, vp, vp)),
            ("FPDFPathSegment_GetType", i, (vp,)),
            ("FPDFPathSegment_GetClose", i, (vp,)),
        ):
            fn = lib[name]  # a new function object each time: pypdfium2's own prototypes are untouched
            fn.restype, fn.argtypes = res, args
            setattr(api, name, fn)
            if name.startswith(("FPDFText_", "FPDFTextObj_", "FPDFFont_")):  # short names, per char
                setattr(api, name.split("_", 1)[1], fn)
            if name in _UNTYPED:
                raw = lib[name]
                raw.restype = res
                setattr(api, "u_" + name, raw)
        api.d = d
        _API = api
    return _API


def _handle(obj: Any) -> int:
    """A pypdfium2 object (or raw pointer) as the int handle the private prototypes take."""
    return ctypes.cast(getattr(obj, "raw", obj), ctypes.c_void_p).value or 0


def _font_info(api: Any, font: int, fonts: dict[int, tuple[str, float]],
               descents: dict[str, float]) -> tuple[str, float]:
    """(base font name, descent per unit of font size) of a PDFium font handle, cached."""
    hit = fonts.get(font)
    if hit is None:
        buf = ctypes.create_string_buffer(256)
        got = api.GetBaseFontName(font, buf, 256)
        name = buf.value.decode("utf-8", "replace") if got else ""
        desc = descents.get(name)
        if desc is not None:
            desc = desc / 1000.0
        else:  # no descriptor in the file (standard fonts): PDFium's own metrics
            out = ctypes.c_float()
            desc = out.value / 1000.0 if api.GetDescent(font, 1000.0, ctypes.byref(out)) else 0.0
        hit = (name, desc)
        fonts[font] = hit
    return hit


def _chars(tp_raw: Any, top_y: float, fonts: dict[int, tuple[str, float]],
           descents: dict[str, float], objs: dict[Any, Any] | None = None, x_off: float = 0.0) -> list[Glyph]:
    """The glyph records (:data:`~.pdf.Glyph` tuples) of a text page, x shifted by ``-x_off``;
    ``objs`` (text object handle -> its size, font, baseline) is filled in for the caller, who then
    knows the page's text objects.

    Per glyph, two PDFium calls (its text object, its loose box) and one tuple: everything else is
    per text object (one show-text operator: one font, size and baseline), asked when the object
    changes."""
    api = _api()
    tp_int = ctypes.cast(tp_raw, ctypes.c_void_p).value
    n = api.CountChars(tp_int)
    if n <= 0:
        return []
    tp = ctypes.c_void_p(tp_int)  # passed as is to the unprototyped calls
    # all code points at once; one call per character only when UTF-16 surrogates (characters
    # outside the BMP) make the text longer than the character count
    buf = ctypes.create_string_buffer((n + 1) * 2)
    got = api.GetText(tp_int, 0, n, buf)
    text = buf.raw[: max(0, got - 1) * 2].decode("utf-16-le", "replace")
    if len(text) != n:
        text = "".join(chr(api.GetUnicode(tp_int, k) or 0xFFFD) for k in range(n))
    r = (ctypes.c_float * 4)()  # FS_RECTF: left, top, right, bottom
    rr = ctypes.byref(r)
    mat = (ctypes.c_float * 6)()
    ox, oy = ctypes.c_double(), ctypes.c_double()
    rox, roy = ctypes.byref(ox), ctypes.byref(oy)
    fs = ctypes.c_float()
    rfs = ctypes.byref(fs)
    get_obj, loose = api.u_FPDFText_GetTextObject, api.u_FPDFText_GetLooseCharBox
    origin, get_matrix = api.u_FPDFText_GetCharOrigin, api.u_FPDFText_GetMatrix
    get_size, get_font = api.u_FPDFTextObj_GetFontSize, api.u_FPDFTextObj_GetFont
    map_error = api.u_FPDFText_HasUnicodeMapError
    vp = ctypes.c_void_p
    abcd = _ABCD.unpack_from
    # text object -> (size, font name, top, bottom, upright, unmapped glyphs)
    if objs is None:
        objs = {}
    out: list[Glyph] = []
    append = out.append
    last: Any = -1  # the text object of the glyph before (glyphs of one object come in a run)
    size, name, top, bottom, upright, unmapped = 0.0, "", 0.0, 0.0, True, False
    for k, t in enumerate(text):
        if t.isspace() or t in "\x00\ufffe\uffff":
            continue
        obj = get_obj(tp, k)
        if obj != last:
            last = obj
            info = objs.get(obj)
            if info is None:
                fs.value = 0.0
                font = None
                if obj:
                    hobj = vp(obj)
                    get_size(hobj, rfs)
                    font = get_font(hobj)
                get_matrix(tp, k, mat)
                a, b, c, d = abcd(mat)
                if not font:
                    name, desc = "", 0.0
                else:
                    name, desc = fonts.get(font) or _font_info(api, font, fonts, descents)
                upright = 0 < a * d and b * c <= 0
                scale = d if upright else (b * b + d * d) ** 0.5
                # pdfminer: size = font size x the matrix's vertical scale; bottom = baseline +
                # descent in that scale (the baseline is the object's: one show-text operator, one
                # rise), top = bottom - size
                size = fs.value * scale
                bottom = 0.0
                if upright:
                    origin(tp, k, rox, roy)
                    bottom = top_y - (oy.value + desc * size)
                info = objs[obj] = (size, name, bottom - size, bottom, upright, map_error(tp, k) == 1)
            size, name, top, bottom, upright, unmapped = info
        loose(tp, k, rr)
        if unmapped and map_error(tp, k) == 1:
            t = f"(cid:{api.GetUnicode(tp_int, k)})"
        if upright:  # one text object is one show-text operator: one baseline
            append((t, r[0] - x_off, top, r[2] - x_off, bottom, size, True, name))
        else:
            append((t, r[0] - x_off, top_y - r[1], r[2] - x_off, top_y - r[3], size, False, name))
    return out


_ABCD = struct.Struct("4f")  # a matrix's a b c d, read off an FS_MATRIX at once

_PATH, _IMAGE, _FORM = 2, 3, 5  # FPDF_PAGEOBJ_*
_LINETO, _BEZIERTO, _MOVETO = 0, 1, 2  # FPDF_SEGMENT_*


def _paths(page: Any, top_y: float, x_off: float = 0.0,
           text_objs: Any = ()) -> tuple[list[dict[str, Any]], int]:
    """Edges of the page's painted paths (as pdfplumber's ``page.edges``) and its number of images.

    Every page object is looked at (text objects are most of them), through the unprototyped calls
    of :func:`_api`; ``text_objs`` are the handles of text objects already known (from the glyphs),
    whose type is not asked again.  Only paths and forms cost more than two calls.
    """
    api = _api()
    edges: list[dict[str, Any]] = []
    images = 0
    m = (ctypes.c_float * 6)()  # FS_MATRIX: a b c d e f
    px, py = ctypes.c_float(), ctypes.c_float()
    rpx, rpy = ctypes.byref(px), ctypes.byref(py)
    fillmode, stroke = ctypes.c_int(), ctypes.c_int()
    rfill, rstroke = ctypes.byref(fillmode), ctypes.byref(stroke)
    vp = ctypes.c_void_p
    get_type = api.u_FPDFPageObj_GetType
    get_matrix = api.u_FPDFPageObj_GetMatrix
    draw_mode, count_segs = api.u_FPDFPath_GetDrawMode, api.u_FPDFPath_CountSegments
    seg_at, seg_point = api.u_FPDFPath_GetPathSegment, api.u_FPDFPathSegment_GetPoint
    seg_type, seg_close = api.u_FPDFPathSegment_GetType, api.u_FPDFPathSegment_GetClose

    def walk(count: int, get: Any, parent: Any, outer: tuple[float, ...], depth: int) -> None:
        nonlocal images
        for i in range(count):
            obj = get(parent, i)
            if not obj or obj in text_objs:
                continue
            h = vp(obj)
            kind = get_type(h)
            if kind == _IMAGE:
                images += 1
            elif kind == _FORM and depth < 15:
                get_matrix(h, m)
                # FPDFFormObj_GetObject takes an unsigned long index: the prototyped call
                walk(api.FPDFFormObj_CountObjects(obj), api.FPDFFormObj_GetObject, obj,
                     _mul((m[0], m[1], m[2], m[3], m[4], m[5]), outer), depth + 1)
            elif kind == _PATH:
                if not draw_mode(h, rfill, rstroke):
                    continue
                if fillmode.value == 0 and not stroke.value:
                    continue  # 'n': a clipping path, never painted
                get_matrix(h, m)
                a, b, c, d, e, f = _mul((m[0], m[1], m[2], m[3], m[4], m[5]), outer)
                ops: list[tuple[str, tuple[float, float]]] = []
                nbez = 0
                for s in range(count_segs(h)):
                    seg = vp(seg_at(h, s))
                    seg_point(seg, rpx, rpy)
                    x, y = px.value, py.value
                    pt = (a * x + c * y + e - x_off, b * x + d * y + f)
                    t = seg_type(seg)
                    if t == _MOVETO:
                        ops.append(("m", pt))
                        nbez = 0
                    elif t == _BEZIERTO:
                        nbez += 1
                        if nbez % 3 == 0:
                            ops.append(("c", pt))  # a Bézier's end point (pdfminer keeps only those)
                    else:
                        ops.append(("l", pt))
                    if seg_close(seg):
                        start = next((p for o, p in reversed(ops) if o == "m"), pt)
                        ops.append(("h", start))
                _paint(ops, top_y, edges)

    hp = _handle(page)
    walk(api.FPDFPage_CountObjects(hp), api.u_FPDFPage_GetObject, vp(hp), (1.0, 0.0, 0.0, 1.0, 0.0, 0.0), 0)
    return edges, images


def _mul(m1: tuple[float, ...], m2: tuple[float, ...]) -> tuple[float, ...]:
    """m1 then m2 (PDF matrices [a b c d e f])."""
    a1, b1, c1, d1, e1, f1 = m1
    a2, b2, c2, d2, e2, f2 = m2
    return (a1 * a2 + b1 * c2, a1 * b2 + b1 * d2, c1 * a2 + d1 * c2, c1 * b2 + d1 * d2,
            e1 * a2 + f1 * c2 + e2, e1 * b2 + f1 * d2 + f2)


def _paint(ops: list[tuple[str, tuple[float, float]]], top_y: float, edges: list[dict[str, Any]]) -> None:
    """pdfminer's ``paint_path`` classification (line, rect, curve) and pdfplumber's edges of each."""
    shape = "".join(o for o, _ in ops)
    if not shape.startswith("m"):
        return
    if shape.count("m") > 1:
        for mm in re.finditer(r"m[^m]+", shape):
            _paint(ops[mm.start(): mm.end()], top_y, edges)
        return
    pts = [p for _, p in ops]
    if len(shape) > 3 and shape[-2:] == "lh" and pts[-2] == pts[0]:
        shape = shape[:-2] + "h"
        pts.pop()
    if shape in ("mlh", "ml"):
        (xa, ya), (xb, yb) = pts[0], pts[1]
        top, bottom = top_y - max(ya, yb), top_y - min(ya, yb)
        x0, x1 = min(xa, xb), max(xa, xb)
        edges.append(_edge("line", x0, top, x1, bottom, "h" if top == bottom else "v"))
        return
    if shape in ("mlllh", "mllll"):
        (x0, y0), (x1, y1), (x2, y2), (x3, y3), _ = pts
        square = (x0 == x1 and y1 == y2 and x2 == x3 and y3 == y0) or (y0 == y1 and x1 == x2 and y2 == y3 and x3 == x0)
        if pts[0] == pts[4] and square:
            left, right = min(x0, x2), max(x0, x2)
            top, bottom = top_y - max(y0, y2), top_y - min(y0, y2)
            edges.append(_edge("rect_edge", left, top, right, top, "h"))
            edges.append(_edge("rect_edge", left, bottom, right, bottom, "h"))
            edges.append(_edge("rect_edge", left, top, left, bottom, "v"))
            edges.append(_edge("rect_edge", right, top, right, bottom, "v"))
            return
    for (xa, ya), (xb, yb) in zip(pts, pts[1:], strict=False):
        orient = "v" if xa == xb else ("h" if ya == yb else None)
        edges.append(_edge("curve_edge", min(xa, xb), top_y - max(ya, yb), max(xa, xb), top_y - min(ya, yb), orient))


def _edge(kind: str, x0: float, top: float, x1: float, bottom: float, orientation: str | None) -> dict[str, Any]:
    return {"object_type": kind, "x0": x0, "x1": x1, "top": top, "bottom": bottom,
            "width": x1 - x0, "height": bottom - top, "orientation": orientation}


def page_images(data: bytes, *, scale: float = 300 / 72, pages: list[int] | None = None,
                password: str | None = None) -> Iterator[tuple[int, Any]]:
    """(page number, PIL image) of the pages of a PDF, rendered by PDFium (for OCR).

    ``scale`` is pixels per point (300 dpi by default); ``pages`` are 1-based page numbers (all
    when None).  Needs Pillow (a dependency of pdfplumber).
    """
    doc = _open(data, password)
    try:
        for i in range(len(doc)):
            if pages is not None and i + 1 not in pages:
                continue
            page = doc[i]
            try:
                yield i + 1, page.render(scale=scale).to_pil()
            finally:
                page.close()
    finally:
        doc.close()


# -- pdfplumber's table finder and dedupe_chars, on plain dicts ------------------------------------
# A port of pdfplumber.table (TableFinder with the default "lines" strategy) and of
# pdfplumber.utils.dedupe_chars, step for step (same tolerances, same float arithmetic), so that the
# PDFium backend finds the very cells pdfplumber finds without importing pdfminer.

SNAP_TOLERANCE = JOIN_TOLERANCE = INTERSECTION_TOLERANCE = 3
EDGE_MIN_LENGTH, EDGE_MIN_LENGTH_PREFILTER = 3, 1


def _cluster_list(xs: list[float], tolerance: float) -> list[list[float]]:
    if tolerance == 0 or len(xs) < 2:
        return [[x] for x in sorted(xs)]
    xs = sorted(xs)
    groups, cur, last = [], [xs[0]], xs[0]
    for x in xs[1:]:
        if x <= last + tolerance:
            cur.append(x)
        else:
            groups.append(cur)
            cur = [x]
        last = x
    groups.append(cur)
    return groups


def _cluster_objects(xs: list[Any], key: Any, tolerance: float) -> list[list[Any]]:
    ids = {v: i for i, grp in enumerate(_cluster_list(list(set(map(key, xs))), tolerance)) for v in grp}
    tagged = sorted(((x, ids[key(x)]) for x in xs), key=itemgetter(1))
    return [[x for x, _ in grp] for _, grp in itertools.groupby(tagged, key=itemgetter(1))]


def dedupe(chars: list[Glyph], tolerance: float = 1.0) -> list[Glyph]:
    """pdfplumber's ``dedupe_chars``: a glyph printed twice (fake bold) at nearly one spot is one."""
    key = itemgetter(UPRIGHT, TEXT, FONTNAME, SIZE)
    if not _near_twins(chars, key, tolerance):
        return chars  # the common case: no glyph printed twice
    pos = {id(c): i for i, c in enumerate(chars)}
    keep: set[int] = set()
    for _, grp in itertools.groupby(sorted(chars, key=key), key=key):
        for yc in _cluster_objects(list(grp), itemgetter(TOP), tolerance):
            for xc in _cluster_objects(yc, itemgetter(X0), tolerance):
                keep.add(id(min(xc, key=itemgetter(TOP, X0))))
    if len(keep) == len(chars):
        return chars
    return sorted((c for c in chars if id(c) in keep), key=lambda c: pos[id(c)])


def _near_twins(chars: list[Glyph], key: Any, tolerance: float) -> bool:
    """Whether two glyphs with the same key stand within ``tolerance`` in both top and x0 (the only
    case in which ``dedupe`` can drop one; a chain of three same glyphs each within tolerance of the
    next is caught by its closest pair).

    Only glyphs whose text comes twice on the page can be twins: they are counted first (at C
    speed), and only those are grouped by text and sorted by top."""
    counts = collections.Counter(map(_TEXT, chars))
    if len(counts) == len(chars):
        return False
    groups: dict[str, list[Glyph]] = {}
    for c in chars:
        if counts[c[TEXT]] > 1:
            groups.setdefault(c[TEXT], []).append(c)
    for grp in groups.values():
        grp.sort(key=_TOP)
        for i, a in enumerate(grp):
            t, x = a[TOP], a[X0]
            for j in range(i + 1, len(grp)):
                b = grp[j]
                if b[TOP] - t > tolerance:
                    break
                if abs(b[X0] - x) <= tolerance and key(b) == key(a):
                    return True
    return False


_TEXT, _TOP = itemgetter(TEXT), itemgetter(TOP)


def _filter_edges(edges: Iterable[dict[str, Any]], orientation: str | None, min_length: float) -> list[dict[str, Any]]:
    return [e for e in edges if (orientation is None or e["orientation"] == orientation)
            and e["height" if e["orientation"] == "v" else "width"] >= min_length]


def _snap(objs: list[dict[str, Any]], attr: str, tolerance: float) -> list[dict[str, Any]]:
    lo, hi = ("x0", "x1") if attr == "x0" else ("top", "bottom")
    out = []
    for cluster in _cluster_objects(objs, itemgetter(attr), tolerance):
        avg = sum(o[attr] for o in cluster) / len(cluster)
        for o in cluster:
            v = avg - o[attr]
            out.append({**o, lo: o[lo] + v, hi: o[hi] + v})
    return out


def _join(edges: Iterable[dict[str, Any]], orientation: str, tolerance: float) -> list[dict[str, Any]]:
    lo, hi, dim = ("x0", "x1", "width") if orientation == "h" else ("top", "bottom", "height")
    ordered = sorted(edges, key=itemgetter(lo))
    joined = [ordered[0]]
    for e in ordered[1:]:
        last = joined[-1]
        if e[lo] <= last[hi] + tolerance:
            if e[hi] > last[hi]:
                joined[-1] = {**last, hi: e[hi], dim: e[hi] - last[lo]}
        else:
            joined.append(e)
    return joined


def _merge_edges(edges: list[dict[str, Any]]) -> list[dict[str, Any]]:
    v = [e for e in edges if e["orientation"] == "v"]
    h = [e for e in edges if e["orientation"] == "h"]
    edges = _snap(v, "x0", SNAP_TOLERANCE) + _snap(h, "top", SNAP_TOLERANCE)

    def group(e: dict[str, Any]) -> tuple[str, float]:
        return ("h", e["top"]) if e["orientation"] == "h" else ("v", e["x0"])

    out: list[dict[str, Any]] = []
    for k, items in itertools.groupby(sorted(edges, key=group), key=group):
        out += _join(items, k[0], JOIN_TOLERANCE)
    return out


Point = tuple[float, float]


def _intersections(edges: list[dict[str, Any]], tol: float) -> tuple[dict[Point, set[int]], dict[Point, set[int]]]:
    """pdfplumber's ``edges_to_intersections``, as each point's vertical and horizontal edges (an
    edge numbered by its bbox: pdfplumber tells edges apart by bbox).  Each vertical edge meets the
    horizontal edges whose top is within its span (found by bisection over the sorted tops, not by
    a scan of them all) and whose x-range holds its x."""
    v_edges = sorted((e for e in edges if e["orientation"] == "v"), key=itemgetter("x0", "top"))
    h_edges = sorted((e for e in edges if e["orientation"] == "h"), key=itemgetter("top", "x0"))
    bbox = itemgetter("x0", "top", "x1", "bottom")
    h_num: dict[tuple[float, float, float, float], int] = {}
    v_num: dict[tuple[float, float, float, float], int] = {}
    h_ids = [h_num.setdefault(bbox(h), len(h_num)) for h in h_edges]
    h_tops = [h["top"] for h in h_edges]
    v_of: dict[Point, set[int]] = {}
    h_of: dict[Point, set[int]] = {}
    for v in v_edges:
        vx, vtop, vbottom = v["x0"], v["top"], v["bottom"]
        vid = -1
        # v["top"] <= h["top"] + tol and v["bottom"] >= h["top"] - tol
        for k in range(bisect.bisect_left(h_tops, vtop - tol), bisect.bisect_right(h_tops, vbottom + tol)):
            h = h_edges[k]
            htop = h_tops[k]
            if vtop <= htop + tol and vbottom >= htop - tol and h["x0"] - tol <= vx <= h["x1"] + tol:
                if vid < 0:
                    vid = v_num.setdefault(bbox(v), len(v_num))
                vertex = (vx, htop)
                vs = v_of.get(vertex)
                if vs is None:
                    v_of[vertex] = {vid}
                    h_of[vertex] = {h_ids[k]}
                else:
                    vs.add(vid)
                    h_of[vertex].add(h_ids[k])
    return v_of, h_of


def _cells(v_of: dict[Point, set[int]], h_of: dict[Point, set[int]]) -> list[tuple[float, float, float, float]]:
    """pdfplumber's ``intersections_to_cells``: for each point, the first point below it and the first
    to its right, both joined to it by an edge, whose corner completes a cell.

    Two points are joined when they share an edge (:func:`_intersections` numbers them).  The
    points joined to a point below it (to its right) are those after it on its vertical
    (horizontal) edges: every edge keeps its points in order, so they are read off, not searched
    for among all points.
    """
    points = sorted(v_of)
    # every edge's points, in order: a vertical edge's by y, a horizontal one's by x (one x, or one
    # y, per edge, and the points come sorted)
    v_pts: dict[int, list[Point]] = {}
    h_pts: dict[int, list[Point]] = {}
    for p in points:
        for e in v_of[p]:
            v_pts.setdefault(e, []).append(p)
        for e in h_of[p]:
            h_pts.setdefault(e, []).append(p)

    def after(p: Point, es: set[int], pts: dict[int, list[Point]]) -> list[Point]:
        if len(es) == 1:
            (e,) = es
            lst = pts[e]
            return lst[bisect.bisect_right(lst, p):]
        got: set[Point] = set()
        for e in es:
            lst = pts[e]
            got.update(lst[bisect.bisect_right(lst, p):])
        return sorted(got)

    cells = []
    for pt in points[:-1]:
        right = after(pt, h_of[pt], h_pts)  # same y, after pt, sharing a horizontal edge
        if not right:
            continue
        found = None
        for b in after(pt, v_of[pt], v_pts):  # same x, below pt, sharing a vertical edge
            hb = h_of[b]
            for r in right:
                br = (r[0], b[1])
                vbr = v_of.get(br)
                if vbr is not None and not vbr.isdisjoint(v_of[r]) and not h_of[br].isdisjoint(hb):
                    found = (pt[0], pt[1], br[0], br[1])
                    break
            if found:
                break
        if found:
            cells.append(found)
    return cells


def _cells_to_tables(cells: list[tuple[float, float, float, float]]) -> list[list[tuple[float, float, float, float]]]:
    """pdfplumber's ``cells_to_tables``: passes over the remaining cells, each adding (in order) the
    cells that share a corner with the table so far, until a pass adds none; then the next table
    starts from the first remaining cell.  The same passes and order, each pass one scan that keeps
    the cells it does not take (pdfplumber removes them from a list one by one)."""
    corners = [((x0, top), (x0, bottom), (x1, top), (x1, bottom)) for x0, top, x1, bottom in cells]
    remaining = list(range(len(cells)))
    cur_corners: set[tuple[float, float]] = set()
    cur: list[int] = []
    tables = []
    while remaining:
        before = len(cur)
        keep = []
        for i in remaining:
            cc = corners[i]
            if not cur or not cur_corners.isdisjoint(cc):
                cur_corners.update(cc)
                cur.append(i)
            else:
                keep.append(i)
        remaining = keep
        if len(cur) == before:
            tables.append([cells[i] for i in cur])
            cur_corners.clear()
            cur.clear()
    if cur:
        tables.append([cells[i] for i in cur])
    return [t for t in sorted(tables, key=lambda t: min((c[1], c[0]) for c in t)) if len(t) > 1]


#: the fewest columns of vertical rules that end together for :func:`closing_edges` to close them
OPEN_EDGE_MIN_RULES = 3


def closing_edges(edges: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Horizontal edges where a ruled table is open: the page break of a table that a browser printed
    over two pages.  Chromium draws no border where it breaks a table, so the vertical rules of the
    page's first (or last) row all stop at one height with nothing across them, and the table finder
    lost that row, a label half and numbers whole ("2.申请人逾期…府信息 | 173 | 0 | …" at a page's
    foot).  Where at least OPEN_EDGE_MIN_RULES vertical rules end at one height, no vertical rule of
    the page runs on across it, and horizontal rules cover less than half the span there, an edge
    across them closes the row.  Used by both backends (for pdfplumber as ``explicit_horizontal_lines``)."""
    verts = _filter_edges(edges, "v", EDGE_MIN_LENGTH)
    horiz = [e for e in edges if e["orientation"] == "h"]
    out: list[dict[str, Any]] = []
    for end in ("top", "bottom"):
        for grp in _cluster_objects(verts, itemgetter(end), 1.0):
            xs = _cluster_list([e["x0"] for e in grp], SNAP_TOLERANCE)
            if len(xs) < OPEN_EDGE_MIN_RULES:
                continue
            y = sum(e[end] for e in grp) / len(grp)
            x0, x1 = xs[0][0], xs[-1][-1]
            if any(e["top"] < y - SNAP_TOLERANCE and e["bottom"] > y + SNAP_TOLERANCE for e in verts):
                continue  # a rule runs on across it: inside a table, not its open edge
            covered = sum(max(0.0, min(e["x1"], x1) - max(e["x0"], x0)) for e in horiz if abs(e["top"] - y) <= SNAP_TOLERANCE)
            if covered >= (x1 - x0) / 2:
                continue
            out.append({"object_type": "line_edge", "orientation": "h", "x0": x0, "x1": x1, "top": y, "bottom": y,
                        "width": x1 - x0, "height": 0.0})
    return out


def find_grids(edges: list[dict[str, Any]]) -> list[tuple[tuple[float, float, float, float], list[Any]]]:
    """(bbox, cell boxes) of the tables ruled by ``edges`` and :func:`closing_edges`: pdfplumber's
    ``page.find_tables({"explicit_horizontal_lines": closing_edges(page.edges)})``."""
    edges = edges + closing_edges(edges)
    base = _filter_edges(edges, "v", EDGE_MIN_LENGTH_PREFILTER) + _filter_edges(edges, "h", EDGE_MIN_LENGTH_PREFILTER)
    if not base:
        return []
    merged = _filter_edges(_merge_edges(base), None, EDGE_MIN_LENGTH)
    out = []
    for t in _cells_to_tables(_cells(*_intersections(merged, INTERSECTION_TOLERANCE))):
        bbox = (min(c[0] for c in t), min(c[1] for c in t), max(c[2] for c in t), max(c[3] for c in t))
        out.append((bbox, t))
    return out
