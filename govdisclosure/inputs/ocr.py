"""OCR of page images through RapidOCR (PP-OCR detection + recognition on onnxruntime, CPU, offline).

This module turns one page image into the same *words with positions* the PDF reader gets from a
text layer, so that tables are rebuilt by the one geometry path in :mod:`.pdf`
(:func:`.pdf.page_from_words`): no second parser.  Per page:

1. **Clean**: a red seal is unmixed from the ink under it (each gray recovered from the seal's own
   colour), salt noise is removed where there is any (faint ruling lines kept; on a skewed page
   again after deskewing, from the pixels as scanned, so rules are straight), the page is turned
   upright (90/180/270: text-line profile, then the recognizer's own direction classifier) and
   deskewed (a few degrees: the angle that makes the row profile sharpest).
2. **Ruling lines**: long horizontal and vertical strokes (morphological opening) become edges that
   pdfplumber's own table finder turns into cells — the same ``find_tables`` logic as for vector PDFs.
   A table the edge of the scan cut off gets its lost border back; text at that edge is doubtful.
3. **OCR**: detection, direction, recognition.  Every character gets a box from its CTC column and
   the recognizer's probability for it (``conf``).  A short read that is no number and no word
   ("a", ".") is read again from a median-cleaned, tight crop (a number found so is doubtful); so is
   a number whose detection box cut through its ink (only the hole of a "0"; half a "31"), or took in
   a cell's border read as a "1" (read again with the rule painted out).
4. **Leftover ink**: a dark blob inside a table cell that detection missed is recognized on its own;
   if it still cannot be read it becomes a ``?`` of confidence 0, so a cell with ink never reads as
   blank.
5. **Numeric folding** in number-like tokens: ``O``/``o``/``〇``/``Q``/``θ`` → 0, ``l``/``I``/``|`` → 1,
   full-width digits, thousands separators; a point or comma at either end of a number is a speck.

Coordinates handed to the geometry path are PDF points (``px * 72 / dpi``), so the tolerances of
:mod:`.pdf` hold; :class:`PixelBoxes` maps boxes back to image pixels for ``field.bbox``.

rapidocr-onnxruntime, onnxruntime, numpy and OpenCV are imported on first use only
(``pip install "govdisclosure[ocr]"``).
"""

from __future__ import annotations

import bisect
import dataclasses
import importlib.util
import logging
import os
import re
import threading
import time
from typing import Any

from ..errors import DependencyError

log = logging.getLogger(__name__)

__all__ = ["available", "INSTALL_HINT", "OcrPage", "ocr_image", "MIN_CONFIDENCE", "PixelBoxes", "Confidence"]

INSTALL_HINT = 'pip install "govdisclosure[ocr]"  (RapidOCR: PP-OCR on onnxruntime, offline, CPU)'

#: A character the recognizer read with a probability below this makes its field ``doubtful``.
#: On clean 150 dpi scans correct digits score > 0.98; misreads seen in the benchmark score < 0.9.
MIN_CONFIDENCE = 0.93
#: Pages are never larger than this many pixels (decompression bombs; 40 M px is an A4 page at 600 dpi
#: with room to spare).  See SECURITY.md.
MAX_PAGE_PIXELS = 40_000_000
#: Skew angles tried, degrees (a phone photo or a crooked scan).
MAX_SKEW = 5.0
# Text lines standing upright (2.5 times as tall as wide or more, at least this many and twice as many as
# lying ones) show a page a quarter turn off
MIN_TALL_LINES = 5
SKEW_STEP = 0.2
#: Detection thresholds (RapidOCR's defaults are 0.5 / 0.3, which miss many lone "0" cells).
DET_BOX_THRESH = 0.3
DET_THRESH = 0.2

#: Running totals for benchmarks and progress: pages, seconds, engine_seconds (clear() to reset).
STATS: dict[str, float] = {}

_ENGINE: Any = None
_LOCK = threading.Lock()


def available() -> bool:
    """True when RapidOCR can be imported (the ``ocr`` extra is installed)."""
    try:
        return importlib.util.find_spec("rapidocr_onnxruntime") is not None
    except (ImportError, ValueError):  # pragma: no cover
        return False


def engine() -> Any:
    """The process-wide RapidOCR engine (models load once, ~0.5 s)."""
    global _ENGINE
    with _LOCK:
        if _ENGINE is None:
            try:
                logging.getLogger("RapidOCR").setLevel(logging.WARNING)
                from rapidocr_onnxruntime import RapidOCR
            except ImportError as exc:
                raise DependencyError(f"reading scanned pages needs OCR: {INSTALL_HINT}") from exc
            threads = int(os.environ.get("GOVDISCLOSURE_OCR_THREADS", "0") or 0)
            kwargs: dict[str, Any] = {}
            if threads > 0:
                kwargs = {"intra_op_num_threads": threads, "inter_op_num_threads": 1}
            eng = RapidOCR(**kwargs)
            # lone digits in table cells ("0") score low as text regions: detect them too
            eng.text_det.postprocess_op.box_thresh = DET_BOX_THRESH
            eng.text_det.postprocess_op.thresh = DET_THRESH
            eng.text_rec.postprocess_op = _FoldedCTC(eng.text_rec.postprocess_op)
            _ENGINE = eng
        return _ENGINE


#: Glyphs the recognizer confuses with a digit; a number-like token folds them (see fold_number), so
#: a character's confidence is the probability of its whole group ("0" 0.76 + "O" 0.11 + "o" 0.09).
CONFUSION_GROUPS = ("0OoDQ〇０Ｏ", "1lI|丨１ｌＩ")


class _FoldedCTC:
    """RapidOCR's CTC decoder with per-character confidence summed over the confusion group."""

    def __init__(self, inner: Any) -> None:
        self.inner = inner
        self.character = inner.character
        index = {c: i for i, c in enumerate(inner.character)}
        self.groups = [[index[c] for c in g if c in index] for g in CONFUSION_GROUPS]

    def __call__(self, preds: Any, return_word_box: bool = False, **kwargs: Any) -> Any:
        import numpy as np

        idx = preds.argmax(axis=2)
        prob = preds.max(axis=2)
        for g in self.groups:
            if len(g) > 1:
                mask = np.isin(idx, g)
                if mask.any():
                    prob = np.where(mask, preds[:, :, g].sum(axis=2), prob)
        text = self.inner.decode(idx, prob, return_word_box, is_remove_duplicate=True)
        if return_word_box:
            for k, rec in enumerate(text):
                rec[2][0] = rec[2][0] * (kwargs["wh_ratio_list"][k] / kwargs["max_wh_ratio"])
        return text


@dataclasses.dataclass(slots=True)
class OcrPage:
    """One page read by OCR: characters in PDF points (pdfplumber char dicts plus ``conf``)."""

    chars: list[dict[str, Any]]
    grids: list[tuple[tuple[float, float, float, float], list[tuple[float, float, float, float]]]]
    width: float  # points
    height: float  # points
    dpi: float
    rotation: int = 0  # degrees the page was turned clockwise to be upright
    #: 2×3 affine map from upright page pixels back to the pixels of the image as given
    to_original: list[list[float]] = dataclasses.field(default_factory=lambda: [[1.0, 0.0, 0.0], [0.0, 1.0, 0.0]])
    skew: float = 0.0  # degrees
    engine_seconds: float = 0.0  # RapidOCR's own detection + direction + recognition time
    seconds: float = 0.0  # the whole page, cleaning and geometry included
    seal: bool = False
    denoised: bool = False
    leftovers: int = 0
    rereads: int = 0  # short garbled reads read again from a median-cleaned crop (or dropped as noise)
    unsure: bool = False  # noisy and unruled: its blank cells are not known to be blank either


# -- cleaning -----------------------------------------------------------------------------------
def _bleach_seal(img: Any) -> tuple[Any, bool]:
    """A red seal or stamp fades out; black text and ruling lines under it stay dark.

    ``img`` is BGR uint8.  Under a seal every channel is linear in the gray ``U`` of the paper or
    ink beneath it, from the seal over black ink (``U`` = 0) to the seal over paper (``P``, the
    seal's own colour, the most common red on the page), whether the seal multiplies the page or is
    laid over it semi-transparently.  So ``U`` is recovered per pixel as the lowest of the channels
    each divided by ``P``'s: the seal over paper becomes paper, text under it keeps its strokes and
    their anti-aliased edges (a fixed cut in the red channel broke thin strokes and ruling lines),
    and off the seal a gray pixel stays about as it was (its red channel, normalised).  A page
    without red ink is returned as it is.
    """
    import numpy as np

    if img.ndim != 3:
        return img, False
    red = _red_mask(img) > 0
    if red.mean() < 0.0005:
        return img, False
    import cv2

    paper = np.median(img[red], axis=0).astype(np.float32)  # BGR of the seal over paper
    scale = 255.0 / np.maximum(paper, 1.0)
    unmixed = np.clip((img.astype(np.float32) * scale).min(axis=2), 0, 255).astype(np.uint8)
    # only where the page is tinted red (ink under the seal is, however dark) and around it (the
    # JPEG-smeared rim): elsewhere the page keeps its own gray, since dividing by the seal's colour
    # would lighten all ink a little and thin its strokes
    b, g, r = (img[:, :, i].astype(np.int16) for i in range(3))
    tint = ((r * 5 > np.maximum(g, b) * 7 + 50) | red).astype(np.uint8)
    k = max(3, int(round(img.shape[1] / 1240 * 7)) | 1)
    near = cv2.dilate(tint, np.ones((k, k), np.uint8)) > 0
    chan = cv2.cvtColor(img, cv2.COLOR_BGR2GRAY)
    chan[near] = unmixed[near]
    return np.dstack([chan, chan, chan]), True


def _red_mask(img: Any) -> Any:
    """255 where the page has red ink (a seal), else 0 (uint8, the image's size)."""
    import numpy as np

    if img.ndim != 3:
        return np.zeros(img.shape[:2], np.uint8)
    b, g, r = (img[:, :, i].astype(np.int16) for i in range(3))
    return (((r > 110) & (r - np.maximum(g, b) > 45)) * 255).astype(np.uint8)


def _under_seal(chars: list[dict[str, Any]], grids: list[Any], seal_mask: Any, scale: float) -> list[dict[str, Any]]:
    """A table cell under a seal in which nothing was read is not known to be blank: a ``?`` there.

    Ink under red is faint after bleaching; a digit lost there must not come back as a blank cell.
    """
    inv = 1.0 / scale
    centres = [((c["x0"] + c["x1"]) / 2, (c["top"] + c["bottom"]) / 2) for c in chars]
    out = []
    for _bbox, cells in grids:
        for (x0, top, x1, bottom) in cells:
            if any(x0 <= x <= x1 and top <= y <= bottom for x, y in centres):
                continue
            sub = seal_mask[int(top * inv): int(bottom * inv), int(x0 * inv): int(x1 * inv)]
            if sub.size and float((sub > 0).mean()) >= 0.03:
                cx, cy, hh = (x0 + x1) / 2, (top + bottom) / 2, min(8.0, (bottom - top) / 3)
                out.append({"text": "?", "x0": cx - hh / 2, "x1": cx + hh / 2, "top": cy - hh / 2,
                            "bottom": cy + hh / 2, "size": hh, "conf": 0.0})
    return out


def _denoise(gray: Any) -> tuple[Any, Any, bool]:
    """Salt-and-pepper noise: specks of ink too small to be a glyph or a line are painted out.

    A speck is a connected dark blob of at most a few pixels (scaled to the page width).  It runs only
    when a page has many of them (a scanner's or fax's noise, JPEG-smeared); a clean page keeps its
    full stops.  Light specks inside strokes (holes) are filled where all eight neighbours are ink.
    Pixels on long straight runs of light ink (ruling lines, however faint) are never specks.
    """
    import cv2
    import numpy as np

    h, w = gray.shape
    k = max(1.0, w / 1240.0)  # A4 at 150 dpi
    dark = (gray < 170).astype(np.uint8)
    n, labels, stats, _ = cv2.connectedComponentsWithStats(dark, connectivity=8)
    tiny = stats[:, cv2.CC_STAT_AREA] <= max(2, int(5 * k * k))
    tiny[0] = False
    count = int(tiny.sum())
    if count < 0.00004 * h * w:
        return gray, gray, False
    # a faint ruling line (a light table border, ~170 gray) falls apart into specks at the ink cut:
    # what lies on a long straight run of light ink (white specks in it closed) is a rule, and stays
    faint = (gray < 215).astype(np.uint8)
    closed_h = cv2.morphologyEx(faint, cv2.MORPH_CLOSE, np.ones((1, 3), np.uint8))
    closed_v = cv2.morphologyEx(faint, cv2.MORPH_CLOSE, np.ones((3, 1), np.uint8))

    def on_runs(across: int, down: int) -> Any:
        """Light ink on a horizontal run of ``across`` pixels or a vertical one of ``down``."""
        return cv2.bitwise_or(cv2.morphologyEx(closed_h, cv2.MORPH_OPEN, np.ones((1, across), np.uint8)),
                              cv2.morphologyEx(closed_v, cv2.MORPH_OPEN, np.ones((down, 1), np.uint8)))

    free = on_runs(max(15, w // 30), max(15, h // 60)) == 0
    # nor does a speck on a short run of light ink count as noise: the ink cut breaks a faint rule
    # into pieces (more so a resampled one: a deskewed scan), and a clean page with many light rules
    # had enough of them to look noisy — then salt removal painted out whatever of its rules was not
    # long and straight.  Salt on paper lies on no run; it is counted as before.
    m = max(9, int(13 * k))
    runs = on_runs(m, m)
    if count - len(np.unique(labels[tiny[labels] & (runs > 0)])) < 0.00004 * h * w:
        return gray, gray, False
    specks = tiny[labels].astype(np.uint8)
    specks = cv2.dilate(specks, np.ones((3, 3), np.uint8))
    out = gray.copy()
    out[((specks > 0) & (dark == 0) | (specks > 0) & tiny[labels]) & free] = 255
    kernel = np.ones((3, 3), np.float32)
    kernel[1, 1] = 0
    n_dark = cv2.filter2D(dark, cv2.CV_8U, kernel, borderType=cv2.BORDER_REPLICATE)
    holes = (dark == 0) & (n_dark == 8)
    out[holes] = 0
    # the recognizer reads from a gentler copy: only single-pixel specks go, so a decimal point
    # (a speck too, at low resolution) stays in the number
    lone = (dark == 1) & (n_dark == 0) & free
    gentle = gray.copy()
    gentle[lone] = 255
    gentle[holes] = 0
    return out, gentle, True


def _binary(gray: Any) -> Any:
    """Ink: darker than its neighbourhood, and darker than a faint ghost (a bleached seal, show-through)."""
    import cv2

    local = cv2.adaptiveThreshold(gray, 255, cv2.ADAPTIVE_THRESH_MEAN_C, cv2.THRESH_BINARY_INV, 31, 15)
    _, dark = cv2.threshold(gray, 215, 255, cv2.THRESH_BINARY_INV)
    return cv2.bitwise_and(local, dark)


def _profile_score(binary_small: Any, angle: float) -> float:
    import cv2
    import numpy as np

    h, w = binary_small.shape
    if angle:
        m = cv2.getRotationMatrix2D((w / 2, h / 2), angle, 1.0)
        rot = cv2.warpAffine(binary_small, m, (w, h), flags=cv2.INTER_NEAREST, borderValue=0)
    else:
        rot = binary_small
    rows = rot.sum(axis=1, dtype=np.float64)
    return float(np.square(np.diff(rows)).sum())


def _orientation_and_skew(gray: Any, quarter: int | None = None) -> tuple[int, float]:
    """(quarter turns clockwise needed: 0 or 1 — 180 is decided by the recognizer; skew degrees).
    With ``quarter`` given (the text lines' shapes decided it), only the skew is measured."""
    import cv2

    h, w = gray.shape
    f = 700.0 / max(h, w)
    small = cv2.resize(gray, (max(1, int(w * f)), max(1, int(h * f))), interpolation=cv2.INTER_AREA)
    b = (_binary(small) > 0).astype("uint8")
    if quarter is None:
        quarter = 0
        s0 = _profile_score(b, 0.0)
        bt = cv2.rotate(b, cv2.ROTATE_90_CLOCKWISE)
        if _profile_score(bt, 0.0) > 1.6 * s0:
            quarter = 1
    if quarter:
        b = cv2.rotate(b, cv2.ROTATE_90_CLOCKWISE)
    best, best_score = 0.0, -1.0
    n = int(MAX_SKEW / SKEW_STEP)
    for k in range(-n, n + 1):
        a = k * SKEW_STEP
        s = _profile_score(b, a)
        if s > best_score:
            best, best_score = a, s
    coarse = best
    if coarse == 0.0:
        return quarter, 0.0  # straight: resampling a straight page only blurs it
    for k in (-3, -2, -1, 1, 2, 3):  # refine to a twentieth of a degree
        a = coarse + k * SKEW_STEP / 4
        s = _profile_score(b, a)
        if s > best_score:
            best, best_score = a, s
    return quarter, round(best, 3)


def _rotate(img: Any, angle: float) -> Any:
    import cv2

    h, w = img.shape[:2]
    m = cv2.getRotationMatrix2D((w / 2, h / 2), angle, 1.0)
    border = (255, 255, 255) if img.ndim == 3 else 255
    return cv2.warpAffine(img, m, (w, h), flags=cv2.INTER_LINEAR, borderValue=border)


# -- ruling lines -> cells (pdfplumber's table finder on edges from the image) -------------------
def _doubt_cut_chars(chars: list[dict[str, Any]], valid: Any, scale: float) -> None:
    """A character at the edge of the scanned area may be part of a glyph or number cut off: doubtful.

    ``valid`` is 0 where the page has no scanned pixels (outside a deskewed image); the image frame
    counts as the edge too.  Margins keep text away from it on a whole page.
    """
    hh, ww = valid.shape
    inv = 1.0 / scale
    for c in chars:
        x0, y0 = int(c["x0"] * inv) - 2, int(c["top"] * inv) - 2
        x1, y1 = int(c["x1"] * inv) + 3, int(c["bottom"] * inv) + 3
        if x0 <= 0 or y0 <= 0 or x1 >= ww or y1 >= hh or bool((valid[y0:y1, x0:x1] == 0).any()):
            c["conf"] = min(c["conf"], 0.5)


def _cut_rules(rules: list[tuple[int, int, int, int]], valid: Any, horizontal: bool) -> list[tuple[float, float, float]]:
    """Borders for a table that runs off the image: (cross position, start, end) of missing rules.

    ``rules`` are (x, y, w, h) boxes of horizontal rules (``horizontal``) or vertical ones.  A rule
    whose end touches the edge of the scanned area (the image frame, or where a deskewed page has no
    pixels: ``valid`` is 0 there) was cut there, and so was the table's border: between such a rule
    and the rule before it a border is put back just inside the shorter of the two, so the cells of
    the last column (row) are cells, not loose text.  A rotated scan loses its corners this way.
    """
    out: list[tuple[float, float, float]] = []
    if not rules:
        return out
    hh, ww = valid.shape
    size = ww if horizontal else hh
    m = max(6, int(8 * ww / 1240))
    # along: (start, end, cross-start, cross-end) of each rule in the direction it runs
    runs = [(x, x + w, y, y + h) if horizontal else (y, y + h, x, x + w) for x, y, w, h in rules]

    def cut(a: int, b: int, c0: int, c1: int) -> bool:
        if a < 0 or b > size:
            return True
        sub = valid[c0:c1, a:b] if horizontal else valid[a:b, c0:c1]
        return bool(sub.size) and bool((sub == 0).any())

    for hi in (True, False):
        order = sorted(runs, key=lambda r: (r[2] + r[3]) / 2)
        for k, (s0, s1, c0, c1) in enumerate(order):
            if not (cut(s1, s1 + m, c0, c1) if hi else cut(s0 - m, s0, c0, c1)):
                continue
            for p0, p1, d0, d1 in reversed(order[:k]):  # the nearest rule before it that reaches as far
                at = min(s1, p1) - 3 if hi else max(s0, p0) + 3
                if p0 <= at <= p1 and s0 <= at <= s1:
                    if (c0 + c1) / 2 - (d0 + d1) / 2 <= 0.25 * (hh if horizontal else ww):
                        out.append((float(at), (d0 + d1) / 2, (c0 + c1) / 2))
                    break
    return out


def _grids(binary: Any, scale: float, valid: Any = None) -> tuple[list[Any], Any]:
    """Tables as (bbox, cells) in points, and the line mask (pixels) to ignore as ink.

    ``valid`` (uint8, 0 where the page has no scanned pixels: outside a deskewed image) lets a table
    cut off by the edge of the scan keep its outer cells (see :func:`_cut_rules`).
    """
    import cv2
    import numpy as np
    from pdfplumber import table as pt

    h, w = binary.shape
    hk = cv2.getStructuringElement(cv2.MORPH_RECT, (max(15, w // 30), 1))
    vk = cv2.getStructuringElement(cv2.MORPH_RECT, (1, max(15, h // 60)))
    # close one-pixel pinholes along a line first (salt noise): a rule broken every few hundred pixels
    # would lose its short pieces to the opening (wider closing would weld text into bars)
    hor = cv2.morphologyEx(cv2.morphologyEx(binary, cv2.MORPH_CLOSE, np.ones((1, 2), np.uint8)), cv2.MORPH_OPEN, hk)
    ver = cv2.morphologyEx(cv2.morphologyEx(binary, cv2.MORPH_CLOSE, np.ones((2, 1), np.uint8)), cv2.MORPH_OPEN, vk)
    thick = max(5, int(6 * w / 1240))  # a rule is a few pixels thick; a welded text line is not
    # bridge one-pixel breaks (JPEG, noise) along the lines
    hor = cv2.dilate(hor, cv2.getStructuringElement(cv2.MORPH_RECT, (5, 1)))
    ver = cv2.dilate(ver, cv2.getStructuringElement(cv2.MORPH_RECT, (1, 5)))
    edges: list[dict[str, Any]] = []
    kept: dict[str, list[tuple[int, int, int, int]]] = {"h": [], "v": []}
    for mask, orient in ((hor, "h"), (ver, "v")):
        n, _, stats, _ = cv2.connectedComponentsWithStats(mask, connectivity=8)
        for i in range(1, n):
            x, y, bw, bh, _area = (int(v) for v in stats[i])
            if orient == "h":
                if bw < w // 30 or bh > thick:
                    mask[y:y + bh, x:x + bw][mask[y:y + bh, x:x + bw] > 0] = 0 if bh > thick else 255
                    continue
                kept["h"].append((x, y, bw, bh))
                yc = (y + bh / 2) * scale
                edges.append({"x0": x * scale, "x1": (x + bw) * scale, "top": yc, "bottom": yc,
                              "width": bw * scale, "height": 0.0, "orientation": "h", "object_type": "line"})
            else:
                if bh < h // 60 or bw > thick:
                    mask[y:y + bh, x:x + bw][mask[y:y + bh, x:x + bw] > 0] = 0 if bw > thick else 255
                    continue
                kept["v"].append((x, y, bw, bh))
                xc = (x + bw / 2) * scale
                edges.append({"x0": xc, "x1": xc, "top": y * scale, "bottom": (y + bh) * scale,
                              "width": 0.0, "height": bh * scale, "orientation": "v", "object_type": "line"})
    if valid is None:
        valid = np.full(binary.shape, 255, np.uint8)
    for at, a, b in _cut_rules(kept["h"], valid, True):  # a vertical border the edge of the scan cut off
        edges.append({"x0": at * scale, "x1": at * scale, "top": a * scale, "bottom": b * scale,
                      "width": 0.0, "height": (b - a) * scale, "orientation": "v", "object_type": "line"})
    for at, a, b in _cut_rules(kept["v"], valid, False):  # a horizontal one
        edges.append({"x0": a * scale, "x1": b * scale, "top": at * scale, "bottom": at * scale,
                      "width": (b - a) * scale, "height": 0.0, "orientation": "h", "object_type": "line"})
    mask = cv2.bitwise_or(hor, ver)
    if not any(e["orientation"] == "h" for e in edges) or not any(e["orientation"] == "v" for e in edges):
        return [], mask
    edges = pt.merge_edges(edges, snap_x_tolerance=3, snap_y_tolerance=3, join_x_tolerance=3, join_y_tolerance=3)
    inter = pt.edges_to_intersections(edges, x_tolerance=3, y_tolerance=3)
    cells = pt.intersections_to_cells(inter)
    out = []
    for group in pt.cells_to_tables(cells):
        if len(group) < 2:
            continue
        x0 = min(c[0] for c in group)
        top = min(c[1] for c in group)
        x1 = max(c[2] for c in group)
        bottom = max(c[3] for c in group)
        out.append(((x0, top, x1, bottom), [tuple(float(v) for v in c) for c in group]))
    return out, mask


# -- recognition --------------------------------------------------------------------------------
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_NUMLIKE = re.compile(r"^[+\-－−]?[0-9０-９OoDQIl|〇θΘ,，.．]+%?$")
_FOLD = str.maketrans({"O": "0", "o": "0", "D": "0", "Q": "0", "〇": "0", "θ": "0", "Θ": "0", "I": "1", "l": "1", "|": "1", "，": ",", "．": "."})
_LONE_ZERO = ("。", "°", "º", "○", "C", "c")
_ONE_LIKE = ("1", "l", "I", "|", "丨", "１", "ｌ", "Ｉ")
_STRAY_POINTS = (".", ",", "。", "，", "．", "·", "`", "'")
_FULLWIDTH = str.maketrans({chr(0xFF10 + i): str(i) for i in range(10)})


def fold_number(token: str) -> str | None:
    """The digits a number-like OCR token stands for, or None when it is not number-like.

    >>> fold_number("1O"), fold_number("l2"), fold_number("〇"), fold_number("３,4OO"), fold_number("规章")
    ('10', '12', '0', '3,400', None)
    >>> fold_number("O"), fold_number("Ol"), fold_number("ID")
    ('0', '01', None)
    """
    t = token.translate(_FULLWIDTH)
    if not _NUMLIKE.match(t):
        return None
    letters = sum(1 for c in t if c in "OoDQIl|〇θΘ")
    digits = sum(1 for c in t if c.isdigit())
    if letters and not digits and len(t) > 2:
        return None  # a word, not a number
    if not digits and t not in ("O", "o", "〇", "Ol", "lO") and len(t) > 1:
        return None
    return t.translate(_FOLD)


def _is_number(token: str) -> bool:
    """A token that folds to digits (not a lone point or comma)."""
    folded = fold_number(token)
    return folded is not None and any(ch.isdigit() for ch in folded)


def _char_boxes(text: str, cols: list[int], col_num: int, x0: float, x1: float, top: float, bottom: float,
                flipped: bool) -> list[tuple[float, float]]:
    """x-extent of each recognized character from its CTC column."""
    w = max(1.0, x1 - x0)
    h = max(1.0, bottom - top)
    centers = []
    for c in cols:
        fx = (c + 0.5) / max(1, col_num)
        fx = min(1.0, max(0.0, fx))
        centers.append(x1 - fx * w if flipped else x0 + fx * w)
    if flipped:
        centers = centers[::-1]
        text = text[::-1]
    glyph = 0.7 * h  # the det box is padded; glyphs are about 70 % of its height
    widths = [(1.0 if _CJK.match(ch) else 0.55) * glyph for ch in text]
    # neighbours touch (no space inside a word) unless their gap is wide for this line: the detector
    # put them in one box, so only a gap much wider than the line's usual pitch separates cells
    ratios = [(centers[i + 1] - centers[i]) / max(1e-6, (widths[i] + widths[i + 1]) / 2)
              for i in range(len(centers) - 1)]
    usual = sorted(ratios)[len(ratios) // 2] if ratios else 1.0
    touch = [r <= max(1.6, 1.8 * usual) for r in ratios]
    out = []
    for i, cx in enumerate(centers):
        lo, hi = cx - widths[i] / 2, cx + widths[i] / 2
        if i and touch[i - 1]:
            lo = (centers[i - 1] + cx) / 2
        if i + 1 < len(centers) and touch[i]:
            hi = (centers[i + 1] + cx) / 2
        out.append((max(x0, lo), min(x1, max(hi, lo + 1))))
    return out[::-1] if flipped else out


def _recognize(eng: Any, img: Any, boxes: list[Any], use_cls: bool) -> tuple[list[Any], list[str], float]:
    """(rec results with word info, cls labels, seconds) for the quadrilaterals ``boxes``."""
    t0 = time.perf_counter()
    crops = eng.get_crop_img_list(img, boxes)
    rec, labels = _memo("rec", crops, f"{use_cls},{CONFUSION_GROUPS}", lambda: _recognize_crops(eng, crops, use_cls))
    return rec, labels, time.perf_counter() - t0


def _recognize_crops(eng: Any, crops: list[Any], use_cls: bool) -> tuple[list[Any], list[str]]:
    labels = [""] * len(crops)
    if use_cls and crops:
        # the direction of the page is decided once, from all its lines (a lone "6" turned over is a
        # "9"): the classifier only votes here, it does not turn crops
        thresh = eng.text_cls.cls_thresh
        eng.text_cls.cls_thresh = 2.0
        try:
            _, cls_res, _ = eng.text_cls(crops)
        finally:
            eng.text_cls.cls_thresh = thresh
        labels = [lab if score > thresh and c.shape[1] > 2.5 * c.shape[0] else "0"
                  for (lab, score), c in zip(cls_res, crops, strict=False)]
    rec, _ = eng.text_rec(crops, True) if crops else ([], 0.0)
    return rec, labels


def _padded_quad(x0: int, y0: int, x1: int, y1: int, w: int, h: int) -> Any:
    """The box around some ink, padded by a third of its height (at least 3 px), inside the image."""
    import numpy as np

    pad = max(3, int(0.3 * (y1 - y0)))
    quad = np.array([[x0 - pad, y0 - pad], [x1 + pad, y0 - pad], [x1 + pad, y1 + pad], [x0 - pad, y1 + pad]], dtype=np.float32)
    quad[:, 0] = quad[:, 0].clip(0, w - 1)
    quad[:, 1] = quad[:, 1].clip(0, h - 1)
    return quad


def _crop_shapes(boxes: list[Any]) -> list[tuple[float, float]]:
    import numpy as np

    out = []
    for b in boxes:
        p = np.asarray(b, dtype=np.float64)
        out.append((float(np.linalg.norm(p[0] - p[3])), float(np.linalg.norm(p[0] - p[1]))))
    return out


def _words_from(rec: Any, box: Any, label: str, scale: float) -> list[dict[str, Any]]:
    """Characters (pdfplumber-like dicts, in points) from one recognized text box."""
    import numpy as np

    text = rec[0]
    if not text or len(rec) < 3 or not rec[2]:
        return []
    col_num, word_list, word_col_list, _states, conf_list = rec[2]
    cols = [c for wc in word_col_list for c in wc]
    chars_text = "".join("".join(w) for w in word_list)
    if len(cols) != len(chars_text) or len(conf_list) != len(chars_text):
        return []
    pts = np.asarray(box, dtype=np.float64)
    x0, x1 = float(pts[:, 0].min()), float(pts[:, 0].max())
    top, bottom = float(pts[:, 1].min()), float(pts[:, 1].max())
    flipped = False  # crops are never turned (see _recognize)
    xs = _char_boxes(chars_text, cols, int(col_num), x0, x1, top, bottom, flipped)
    # the det box is padded (unclip): the glyphs fill about the middle 70 % of its height
    pad = 0.15 * (bottom - top)
    ctop, cbottom = top + pad, bottom - pad
    size = (cbottom - ctop) * scale
    out = []
    for ch, (a, b), conf in zip(chars_text, xs, conf_list, strict=False):
        out.append({"text": ch, "x0": a * scale, "x1": b * scale, "top": ctop * scale, "bottom": cbottom * scale,
                    "size": size, "conf": float(conf)})
    return out


def _fold_tokens(chars: list[dict[str, Any]]) -> None:
    """Fold number-like tokens (runs of chars without a gap) in place; a folded letter keeps its conf."""
    i = 0
    while i < len(chars):
        j = i + 1
        while (j < len(chars) and chars[j]["top"] == chars[i]["top"]
               and chars[j]["x0"] - chars[j - 1]["x1"] <= 0.35 * chars[i]["size"]):
            j += 1
        tok = "".join(c["text"] for c in chars[i:j])
        nxt = j
        # a number does not start or end with a point or a comma: a speck beside the digits (salt noise,
        # dust) read as one is no part of it ("8." is 8; its doubt stays with the digit beside it).  An
        # item number ("1." before its text on the same line) keeps its point.
        if len(tok) > 1 and any(ch.isdigit() or ch in "OoDQIl|〇θΘ" for ch in tok.translate(_FULLWIDTH)):
            text_follows = (j < len(chars) and chars[j]["top"] == chars[i]["top"]
                            and chars[j]["x0"] - chars[j - 1]["x1"] <= 2.0 * chars[i]["size"])
            while (j - i > 1 and not text_follows and chars[j - 1]["text"] in _STRAY_POINTS
                   and fold_number(tok[:-1]) is not None):
                chars[j - 2]["conf"] = min(chars[j - 2]["conf"], chars[j - 1]["conf"])
                chars[j - 1]["text"] = ""
                j -= 1
                tok = tok[:-1]
            while j - i > 1 and chars[i]["text"] in _STRAY_POINTS and fold_number(tok[1:]) is not None:
                chars[i + 1]["conf"] = min(chars[i + 1]["conf"], chars[i]["conf"])
                chars[i]["text"] = ""
                i += 1
                tok = tok[1:]
        if tok in _LONE_ZERO:  # a lone "0" read as a full stop, a degree sign, a "C" (a gap in it): doubtful
            chars[i]["text"] = "0"
            chars[i]["folded"] = True
            chars[i]["conf"] = min(chars[i]["conf"], 0.5)
            i = nxt
            continue
        folded = fold_number(tok)
        if folded is not None and folded != tok and len(folded) == j - i:
            for c, f in zip(chars[i:j], folded, strict=True):
                if c["text"] != f:
                    c["text"] = f
                    c["folded"] = True
        i = nxt
    chars[:] = [c for c in chars if c["text"]]


def _reread_garbled(eng: Any, gray: Any, line_mask: Any, boxes: list[Any], per_box: list[list[dict[str, Any]]],
                    scale: float, line_h: float, noisy: bool) -> int:
    """A short read that is no number and no word ("a", ".", "<") is read again, alone, from a cleaner crop.

    Specks stuck to a lone "0" make it an "a", a loose detection box makes it a ".": the box's ink
    (ruling lines left out) goes through a 3×3 median, which takes off specks and hairlines one pixel
    wide but keeps the strokes of a digit, and is recognized on its own, cropped tight.  Only a number
    replaces the old read, and never confidently (``conf`` ≤ 0.5: two reads disagreed).  On a
    ``noisy`` page a read whose ink the median takes off entirely was noise (a chain of specks read
    as "<"), and goes, unless it is a not-applicable mark ("/", "—").  ``per_box`` is changed in place.
    Returns how many boxes were re-read or dropped.
    """
    import cv2
    import numpy as np

    from ..values import is_mark

    h, w = gray.shape
    todo = []
    for k, cs in enumerate(per_box):
        text = "".join(c["text"] for c in cs).strip()
        if not text or len(text) > 3 or (len(text) > 1 and _CJK.search(text)) or _is_number(text):
            continue
        todo.append(k)
    if not todo:
        return 0
    lines = cv2.dilate(line_mask, np.ones((3, 3), np.uint8))
    clean = gray.copy()
    quads, which = [], []
    dropped = 0
    min_h = max(4, int(0.35 * line_h))
    for k in todo:
        p = np.asarray(boxes[k], dtype=np.float64)
        x0, y0 = max(0, int(p[:, 0].min()) - 2), max(0, int(p[:, 1].min()) - 2)
        x1, y1 = min(w, int(p[:, 0].max()) + 3), min(h, int(p[:, 1].max()) + 3)
        if x1 - x0 < 4 or y1 - y0 < 4:
            continue
        sub = cv2.medianBlur(gray[y0:y1, x0:x1], 3)
        clean[y0:y1, x0:x1] = sub
        ink = ((sub < 170) & (lines[y0:y1, x0:x1] == 0)).astype(np.uint8)
        n, _, st, _ = cv2.connectedComponentsWithStats(ink, connectivity=8)
        parts = [st[i] for i in range(1, n) if st[i][4] >= 6]
        if not parts:
            # strokes one pixel wide (a thin "0" that salt broke in two) go through the median as
            # specks do; but specks never make a stroke of a glyph's height: those are read as they are
            raw = ((gray[y0:y1, x0:x1] < 170) & (lines[y0:y1, x0:x1] == 0)).astype(np.uint8)
            n, _, st, _ = cv2.connectedComponentsWithStats(raw, connectivity=8)
            parts = [st[i] for i in range(1, n) if st[i][3] >= min_h and st[i][4] >= 6]
            if parts:
                clean[y0:y1, x0:x1] = gray[y0:y1, x0:x1]
        if not parts:
            text = "".join(c["text"] for c in per_box[k]).strip()
            if noisy and not is_mark(text):
                per_box[k] = []
                dropped += 1
            continue
        if max(int(q[1] + q[3]) for q in parts) - min(int(q[1]) for q in parts) < min_h:
            continue
        bx0 = min(int(q[0]) for q in parts) + x0
        by0 = min(int(q[1]) for q in parts) + y0
        bx1 = max(int(q[0] + q[2]) for q in parts) + x0
        by1 = max(int(q[1] + q[3]) for q in parts) + y0
        quads.append(_padded_quad(bx0, by0, bx1, by1, w, h))
        which.append(k)
    if not quads:
        return dropped
    done = dropped
    for k, _quad, got in _numbers_read(eng, clean, quads, which, scale):
        for c in got:
            c["conf"] = min(c["conf"], 0.5)
        per_box[k] = got
        done += 1
    return done


def _numbers_read(eng: Any, gray: Any, quads: list[Any], which: list[int], scale: float
                  ) -> list[tuple[int, Any, list[dict[str, Any]]]]:
    """The crops ``quads`` of ``gray`` read again: (box index from ``which``, crop, characters) of
    those that read as a number."""
    import cv2

    rec, labels, _ = _recognize(eng, cv2.cvtColor(gray, cv2.COLOR_GRAY2BGR), quads, use_cls=False)
    out = []
    for k, r, lab, quad in zip(which, rec, labels, quads, strict=False):
        got = [c for c in _words_from(r, quad, lab, scale) if c["text"].strip()]
        if got and _is_number("".join(c["text"] for c in got)):
            out.append((k, quad, got))
    return out


def _reread_cut(eng: Any, gray: Any, line_mask: Any, boxes: list[Any], per_box: list[list[dict[str, Any]]],
                scale: float) -> list[Any]:
    """A number whose detection box cuts through its ink is read again from a crop around all of it.

    The detector's box can be smaller than the glyphs it found: only the hole of a "0" (read as a
    "1"), the right half of a "0" (read as "）"), a "31" whose box starts inside the "3" (read as
    "3").  Or it hugs the glyph with no margin at one side, and an "8" comes out as "00".  The ink
    each short box touches (its connected strokes, ruling lines left out, nothing reaching far
    outside the box) is gathered; where it reaches past the box, or fills it edge to edge while the
    read was unsure or garbled, the box is recognized again from a crop padded around that ink.
    Only a number replaces the old read, and only a different one, never confidently (``conf`` ≤
    0.5: two reads disagreed); the same number leaves the first read as it was.  ``per_box`` is
    changed in place; returns what was read: the crops whose read replaced a box's, and the strokes
    of a number the crop read the same (confirmed).
    """
    import cv2
    import numpy as np

    from ..values import is_mark

    h, w = gray.shape
    lines = cv2.dilate(line_mask, np.ones((3, 3), np.uint8))
    ink = cv2.bitwise_and(_binary(gray), cv2.bitwise_not(lines))
    clean = gray  # a copy once a rule is painted out of it
    labels = stats = None
    quads, which = [], []
    tight: dict[int, Any] = {}  # box index -> the ink it touches (its strokes only, unpadded)
    for k, cs in enumerate(per_box):
        text = "".join(c["text"] for c in cs).strip()
        if not text or not (_is_number(text) or len(text) <= 3 and not _CJK.search(text)) or is_mark(text):
            continue
        p = np.asarray(boxes[k], dtype=np.float64)
        x0, y0 = int(np.floor(p[:, 0].min())), int(np.floor(p[:, 1].min()))
        x1, y1 = int(np.ceil(p[:, 0].max())), int(np.ceil(p[:, 1].max()))
        if x1 - x0 < 2 or y1 - y0 < 2:
            continue
        if labels is None:
            _, labels, stats, _ = cv2.connectedComponentsWithStats(ink, connectivity=8)
        assert stats is not None  # computed with labels, just above
        ids = np.unique(labels[max(0, y0):min(h, y1 + 1), max(0, x0):min(w, x1 + 1)])
        # strokes of this number only: a part reaching far outside the box (a seal's rim, a
        # neighbour's text welded on) is not one of its glyphs
        m = max(4, y1 - y0)
        parts = [stats[i] for i in ids if i and stats[i][4] >= 3
                 and stats[i][0] >= x0 - m and stats[i][1] >= y0 - m
                 and stats[i][0] + stats[i][2] <= x1 + 1 + m and stats[i][1] + stats[i][3] <= y1 + 1 + m]
        if not parts:
            continue
        gx0 = min(int(q[0]) for q in parts)
        gy0 = min(int(q[1]) for q in parts)
        gx1 = max(int(q[0] + q[2]) for q in parts)
        gy1 = max(int(q[1] + q[3]) for q in parts)
        # a vertical rule through the box where a "1" was read: a cell's border read as a digit (a
        # "0" against it read "10"); read again with the rule painted out
        ruled = False
        if any(c["text"] in _ONE_LIKE for c in cs):
            cover = (line_mask[max(0, y0):min(h, y1), max(0, x0):min(w, x1)] > 0).sum(axis=0)
            rule_x = [x0 + int(x) for x in np.nonzero(cover >= 0.8 * (y1 - y0))[0]]
            ruled = any(c["text"] in _ONE_LIKE and c["x0"] / scale - 3 <= x <= c["x1"] / scale + 3
                        for c in cs for x in rule_x)
        if not ruled and gx0 >= x0 and gy0 >= y0 and gx1 <= x1 + 1 and gy1 <= y1 + 1:
            # the box holds all its ink; one that hugs it (no margin left or right) is read again
            # only when the first read was unsure
            if gx0 >= x0 + 2 and gx1 <= x1 - 1 or min(c["conf"] for c in cs) >= MIN_CONFIDENCE and _is_number(text):
                continue
        q = _padded_quad(gx0, gy0, gx1, gy1, w, h)
        if ruled:
            if clean is gray:
                clean = gray.copy()
            qx0, qy0 = int(q[:, 0].min()), int(q[:, 1].min())
            qx1, qy1 = int(q[:, 0].max()) + 1, int(q[:, 1].max()) + 1
            sub = clean[qy0:qy1, qx0:qx1]
            sub[lines[qy0:qy1, qx0:qx1] > 0] = 255
        quads.append(q)
        which.append(k)
        tight[k] = np.array([[gx0, gy0], [gx1, gy0], [gx1, gy1], [gx0, gy1]], dtype=np.float32)
    if not quads:
        return []
    done = []
    for k, quad, got in _numbers_read(eng, clean, quads, which, scale):
        new = "".join(c["text"] for c in got)
        old = "".join(c["text"] for c in per_box[k]).strip()
        if fold_number(new) == fold_number(old):
            # the same number: the first read stands, confidence and all, and its strokes are read
            # (a sliver of it outside the box, confirmed, is no leftover that makes a cell doubtful);
            # only those strokes, not the padded crop, so ink beside them is still looked at
            done.append(tight[k])
            continue
        for c in got:
            c["conf"] = min(c["conf"], 0.5)
        per_box[k] = got
        done.append(quad)
    return done


def _leftover_ink(eng: Any, img: Any, binary: Any, line_mask: Any, det_boxes: list[Any],
                  grids: list[Any], scale: float, line_h: float) -> tuple[list[dict[str, Any]], float, int]:
    """Ink inside table cells that detection missed: recognized alone, or a ``?`` of confidence 0."""
    import cv2
    import numpy as np

    ink = cv2.bitwise_and(binary, cv2.bitwise_not(cv2.dilate(line_mask, np.ones((5, 5), np.uint8))))
    covered = np.zeros_like(ink)
    for b in det_boxes:  # boxes that gave characters; an unreadable box leaves its ink to be found
        cv2.fillPoly(covered, [np.asarray(b, dtype=np.int32)], 255)
    covered = cv2.dilate(covered, np.ones((5, 5), np.uint8))
    ink[covered > 0] = 0
    inv = 1.0 / scale
    found: list[dict[str, Any]] = []
    quads: list[tuple[Any, tuple[int, int, int, int]]] = []
    secs = 0.0
    n_left = 0
    min_h = max(4, int(0.35 * line_h))
    for _bbox, cells in grids:
        for (cx0, ctop, cx1, cbottom) in cells:
            x0, y0 = int(cx0 * inv) + 3, int(ctop * inv) + 3
            x1, y1 = int(cx1 * inv) - 3, int(cbottom * inv) - 3
            if x1 - x0 < 4 or y1 - y0 < 4:
                continue
            sub = ink[y0:y1, x0:x1]
            if int(np.count_nonzero(sub)) < max(8, 0.02 * line_h * line_h):
                continue
            n, _, stats, _ = cv2.connectedComponentsWithStats(sub, connectivity=8)
            parts = [stats[k] for k in range(1, n) if stats[k][3] >= min_h and stats[k][4] >= 6]
            if not parts:
                continue
            bx0 = min(int(p[0]) for p in parts) + x0
            by0 = min(int(p[1]) for p in parts) + y0
            bx1 = max(int(p[0] + p[2]) for p in parts) + x0
            by1 = max(int(p[1] + p[3]) for p in parts) + y0
            n_left += 1
            pad = max(3, int(0.3 * (by1 - by0)))
            quad = np.array([[bx0 - pad, by0 - pad], [bx1 + pad, by0 - pad], [bx1 + pad, by1 + pad],
                             [bx0 - pad, by1 + pad]], dtype=np.float32)
            quad[:, 0] = quad[:, 0].clip(0, img.shape[1] - 1)
            quad[:, 1] = quad[:, 1].clip(0, img.shape[0] - 1)
            quads.append((quad, (bx0, by0, bx1, by1)))
    # outside ruled tables (unruled tables, text): blobs of text size that detection missed; read
    # alone they are never confident
    n_cells = len(quads)
    in_grid = np.zeros_like(ink)
    for bbox, _cells in grids:
        in_grid[int(bbox[1] * inv): int(bbox[3] * inv) + 1, int(bbox[0] * inv): int(bbox[2] * inv) + 1] = 255
    loose = cv2.bitwise_and(ink, cv2.bitwise_not(in_grid))
    kx, ky = max(3, int(0.5 * line_h)), max(1, int(0.15 * line_h))
    blobs = cv2.dilate(loose, np.ones((ky, kx), np.uint8))
    n, _, stats, _ = cv2.connectedComponentsWithStats(blobs, connectivity=8)
    for k in range(1, n):
        x, y, bw, bh, area = (int(v) for v in stats[k])
        if not (0.4 * line_h <= bh <= 1.6 * line_h and bw <= 8 * line_h):
            continue
        if int(np.count_nonzero(loose[y:y + bh, x:x + bw])) < 0.04 * bh * bh:
            continue
        n_left += 1
        pad = max(3, int(0.3 * bh))
        quad = np.array([[x - pad, y - pad], [x + bw + pad, y - pad], [x + bw + pad, y + bh + pad],
                         [x - pad, y + bh + pad]], dtype=np.float32)
        quad[:, 0] = quad[:, 0].clip(0, img.shape[1] - 1)
        quad[:, 1] = quad[:, 1].clip(0, img.shape[0] - 1)
        quads.append((quad, (x, y, x + bw, y + bh)))
    if quads:
        rec, labels, secs = _recognize(eng, img, [q for q, _ in quads], use_cls=False)
        for i, (r, lab, (quad, (bx0, by0, bx1, by1))) in enumerate(zip(rec, labels, quads, strict=False)):
            got = [c for c in _words_from(r, quad, lab, scale) if c["text"].strip()]
            if i >= n_cells:  # a loose blob: read if it reads, never confidently, never a '?'
                for c in got:
                    c["conf"] = min(c["conf"], 0.5)
                found.extend(got)
            elif got:
                found.extend(got)
            else:  # ink nobody can read: a cell that is not blank, and not known
                found.append({"text": "?", "x0": bx0 * scale, "x1": bx1 * scale, "top": by0 * scale,
                              "bottom": by1 * scale, "size": (by1 - by0) * scale, "conf": 0.0})
    return found, secs, n_left


def ocr_image(img: Any, dpi: float, *, leftovers: bool = True) -> OcrPage:
    """OCR one page image (numpy array, BGR or gray, uint8) scanned at ``dpi``.

    With ``GOVDISCLOSURE_OCR_CACHE=DIR`` set, the engine's raw results (detection boxes, recognized
    lines) are kept in DIR as JSON keyed by the pixels they were computed from: development runs
    re-read nothing, while cleaning and geometry are always recomputed.
    """
    return _ocr_image(img, dpi, leftovers=leftovers)


def _memo(kind: str, arrays: list[Any], extra: str, compute: Any) -> Any:
    cache = os.environ.get("GOVDISCLOSURE_OCR_CACHE")
    if not cache:
        return compute()
    import hashlib
    import json

    h = hashlib.sha1(f"{kind}|{extra}".encode())
    for a in arrays:
        h.update(repr(a.shape).encode())
        h.update(a.tobytes())
    path = os.path.join(cache, f"{kind}-{h.hexdigest()}.json")
    try:
        with open(path, encoding="utf-8") as fh:
            return json.load(fh)
    except (OSError, ValueError):
        pass
    got = compute()
    os.makedirs(cache, exist_ok=True)
    tmp = f"{path}.{os.getpid()}.tmp"
    with open(tmp, "w", encoding="utf-8") as fh:
        json.dump(got, fh, ensure_ascii=False, default=lambda o: o.tolist() if hasattr(o, "tolist") else float(o))
    os.replace(tmp, path)
    with open(path, encoding="utf-8") as fh:
        return json.load(fh)


def _ocr_image(img: Any, dpi: float, *, leftovers: bool = True) -> OcrPage:
    import cv2
    import numpy as np

    t0 = time.perf_counter()
    if img.shape[0] * img.shape[1] > MAX_PAGE_PIXELS:
        from ..errors import InputTooLargeError

        raise InputTooLargeError(
            f"page image is {img.shape[1]}×{img.shape[0]} pixels, over the budget of {MAX_PAGE_PIXELS:,}"
        )
    eng = engine()
    if img.ndim == 2:
        img = cv2.cvtColor(img, cv2.COLOR_GRAY2BGR)
    elif img.shape[2] == 4:
        img = cv2.cvtColor(img, cv2.COLOR_BGRA2BGR)
    seal_mask = _red_mask(img)
    img, seal = _bleach_seal(img)
    raw = cv2.cvtColor(img, cv2.COLOR_BGR2GRAY)
    gray, gentle, denoised = _denoise(raw)
    scan = (raw, gray, gentle, denoised, seal_mask)

    def upright(quarter: int, skew: float) -> tuple[Any, Any, Any, Any, Any, bool]:
        """The page turned a quarter clockwise (or not) and deskewed, salt noise taken off; where it has
        pixels of the scan (0 in the corners the rotation brought in); original pixels -> upright page
        pixels; whether it was denoised.

        A skewed page is denoised after it is deskewed, from the pixels as scanned: on the slant a
        faint rule is a staircase of short runs, which the salt filter cannot tell from specks (it
        keeps long straight runs only), so it painted out pieces of the rules — and the steps of a
        faint slanted rule were enough specks to make a clean page look noisy.
        """
        raw, gray, gentle, denoised, seal_mask = scan
        forward = np.eye(3)
        if quarter:
            h0 = gray.shape[0]
            raw = cv2.rotate(raw, cv2.ROTATE_90_CLOCKWISE)
            gray = cv2.rotate(gray, cv2.ROTATE_90_CLOCKWISE)
            gentle = cv2.rotate(gentle, cv2.ROTATE_90_CLOCKWISE)
            seal_mask = cv2.rotate(seal_mask, cv2.ROTATE_90_CLOCKWISE) if seal else seal_mask
            forward = np.array([[0.0, -1.0, h0 - 1.0], [1.0, 0.0, 0.0], [0.0, 0.0, 1.0]]) @ forward
        if abs(skew) >= 1.5 * SKEW_STEP:
            hh, ww = gray.shape[:2]
            m = cv2.getRotationMatrix2D((ww / 2, hh / 2), skew, 1.0)
            forward = np.vstack([m, [0.0, 0.0, 1.0]]) @ forward
            gray, gentle, denoised = _denoise(_rotate(raw, skew))
            seal_mask = _rotate(seal_mask, skew) if seal else seal_mask
            valid = cv2.warpAffine(np.full((hh, ww), 255, np.uint8), m, (ww, hh), flags=cv2.INTER_NEAREST, borderValue=0)
        else:
            valid = np.full(gray.shape[:2], 255, np.uint8)
        return gray, gentle, seal_mask, valid, forward, denoised

    quarter, skew = _orientation_and_skew(gray)
    gray, gentle, seal_mask, valid, forward, denoised = upright(quarter, skew)
    rotation = 90 * quarter
    engine_secs = 0.0
    turned = False
    for _attempt in range(3):
        page = cv2.cvtColor(gray, cv2.COLOR_GRAY2BGR)
        read_from = cv2.cvtColor(gentle, cv2.COLOR_GRAY2BGR) if denoised else page
        te = time.perf_counter()
        work, ratio_h, ratio_w = eng.preprocess(page)
        boxes = _memo("det", [work], f"{DET_BOX_THRESH},{DET_THRESH}",
                      lambda work=work: [b.tolist() for b in (eng.auto_text_det(work)[0] or [])])
        boxes = [] if boxes is None else list(boxes)
        if boxes and (ratio_h != 1.0 or ratio_w != 1.0):
            boxes = [np.asarray(b, dtype=np.float32) * np.array([ratio_w, ratio_h], dtype=np.float32) for b in boxes]
        boxes = [np.asarray(b, dtype=np.float32) for b in boxes]
        rec, labels, _ = _recognize(eng, read_from, boxes, use_cls=True)
        engine_secs += time.perf_counter() - te
        shapes = _crop_shapes(boxes)
        voters = sum(1 for c in shapes if c[1] > 2.5 * c[0])
        tall = sum(1 for c in shapes if c[0] > 2.5 * c[1])
        if not turned and tall >= MIN_TALL_LINES and tall > 2 * voters:
            # the text lines found stand upright: the page is a quarter turn off (a table's columns of
            # numbers outweigh its rows in the ink profile, so that guess can be wrong either way)
            turned = True
            quarter = 1 - quarter
            _, skew = _orientation_and_skew(scan[1], quarter)
            gray, gentle, seal_mask, valid, forward, denoised = upright(quarter, skew)
            rotation = 90 * quarter
            continue
        flipped = sum(1 for lab in labels if "180" in lab)
        if voters and flipped > 0.6 * voters:
            gray = cv2.rotate(gray, cv2.ROTATE_180)  # upside down: the recognizer's classifier says so
            gentle = cv2.rotate(gentle, cv2.ROTATE_180)
            seal_mask = cv2.rotate(seal_mask, cv2.ROTATE_180) if seal else seal_mask
            valid = cv2.rotate(valid, cv2.ROTATE_180)
            hh, ww = gray.shape[:2]
            forward = np.array([[-1.0, 0.0, ww - 1.0], [0.0, -1.0, hh - 1.0], [0.0, 0.0, 1.0]]) @ forward
            rotation = (rotation + 180) % 360
            continue
        break
    scale = 72.0 / dpi
    binary = _binary(gray)
    grids, line_mask = _grids(binary, scale, valid)
    chars: list[dict[str, Any]] = []
    heights = []
    read_boxes = []
    per_box = [_words_from(r, b, lab, scale) for r, b, lab in zip(rec, boxes, labels, strict=False)]
    for cs, b in zip(per_box, boxes, strict=False):
        if cs:
            read_boxes.append(b)
            heights.append(float(np.asarray(b)[:, 1].max() - np.asarray(b)[:, 1].min()))
    line_h = float(np.median(heights)) if heights else 20.0
    n_reread = 0
    if leftovers:
        n_reread = _reread_garbled(eng, gray, line_mask, boxes, per_box, scale, line_h, denoised)
        regrown = _reread_cut(eng, gentle, line_mask, boxes, per_box, scale)
        read_boxes.extend(regrown)  # their ink is read: no leftover
        n_reread += len(regrown)
    for cs in per_box:
        chars.extend(cs)
    n_left = 0
    if leftovers:
        extra, secs, n_left = _leftover_ink(eng, read_from, binary, line_mask, read_boxes, grids, scale, line_h)
        chars.extend(extra)
    if seal:
        chars.extend(_under_seal(chars, grids, seal_mask, scale))
    _doubt_cut_chars(chars, valid, scale)
    unsure = denoised and not grids
    if unsure:  # a noisy page without ruling lines: columns come from noisy positions, nothing is sure
        for c in chars:
            c["conf"] = min(c["conf"], 0.5)
    chars.sort(key=lambda c: (round(c["top"], 1), c["x0"]))
    _fold_tokens(chars)
    h, w = gray.shape
    STATS["pages"] = STATS.get("pages", 0) + 1
    STATS["seconds"] = STATS.get("seconds", 0.0) + time.perf_counter() - t0
    STATS["engine_seconds"] = STATS.get("engine_seconds", 0.0) + engine_secs
    return OcrPage(chars=chars, grids=grids, width=w * scale, height=h * scale, dpi=dpi, rotation=rotation,
                   skew=skew, to_original=np.linalg.inv(forward)[:2].tolist(), engine_seconds=engine_secs, seconds=time.perf_counter() - t0, seal=seal,
                   denoised=denoised, leftovers=n_left, rereads=n_reread, unsure=unsure)


# -- back from points to pixels; confidence of a span ---------------------------------------------
class PixelBoxes:
    """Wraps a span → box function: boxes on OCR pages come back in image pixels (``field.bbox``)."""

    __slots__ = ("_inner", "_scale", "_affine")

    def __init__(self, inner: Any, dpi_by_page: dict[int, float],
                 affine_by_page: dict[int, list[list[float]]] | None = None) -> None:
        self._inner = inner
        self._scale = {p: d / 72.0 for p, d in dpi_by_page.items()}
        self._affine = affine_by_page or {}

    def __call__(self, span: tuple[int, int]) -> tuple[float, float, float, float] | None:
        box = self._inner(span)
        if box is None:
            return None
        page = None
        for off in range(span[0], max(span[0] + 1, span[1])):
            page = self._inner.page(off)
            if page is not None:
                break
        k = self._scale.get(page) if page is not None else None
        if k is None:
            return box
        x0, top, x1, bottom = box[0] * k, box[1] * k, box[2] * k, box[3] * k
        m = self._affine.get(page) if page is not None else None
        if m is not None and m != [[1.0, 0.0, 0.0], [0.0, 1.0, 0.0]]:  # a page turned or deskewed
            pts = [(m[0][0] * x + m[0][1] * y + m[0][2], m[1][0] * x + m[1][1] * y + m[1][2])
                   for x, y in ((x0, top), (x1, top), (x1, bottom), (x0, bottom))]
            x0, x1 = min(p[0] for p in pts), max(p[0] for p in pts)
            top, bottom = min(p[1] for p in pts), max(p[1] for p in pts)
        return (round(x0, 1), round(top, 1), round(x1, 1), round(bottom, 1))

    def page(self, offset: int) -> int | None:
        return self._inner.page(offset)


class Confidence:
    """Span → the lowest recognizer confidence of its characters (None: no OCR character in it)."""

    __slots__ = ("_offsets", "_confs", "blanks_doubtful")

    def __init__(self, per_offset: dict[int, float], blanks_doubtful: bool = False) -> None:
        #: a page's geometry was unsure (noise, no ruling lines): a blank cell may be a lost digit
        self.blanks_doubtful = blanks_doubtful
        self._offsets = sorted(per_offset)
        self._confs = [per_offset[o] for o in self._offsets]

    def __call__(self, span: tuple[int, int]) -> float | None:
        s, e = span
        i = bisect.bisect_left(self._offsets, s)
        j = bisect.bisect_left(self._offsets, max(s + 1, e))
        if i >= j:
            return None
        return min(self._confs[i:j])

    def __bool__(self) -> bool:
        return bool(self._offsets) or self.blanks_doubtful

    def per_offset(self) -> dict[int, float]:
        return dict(zip(self._offsets, self._confs, strict=True))


def confidence_map(boxes: list[Any], conf_by_box: dict[tuple[Any, ...], float]) -> Confidence:
    """Per text offset, the confidence of the OCR character written there (keyed by its box)."""
    per: dict[int, float] = {}
    for off, b in enumerate(boxes):
        if b is None:
            continue
        c = conf_by_box.get(tuple(b))
        if c is not None:
            per[off] = c
    return Confidence(per)


def conf_keys(pno: int, chars: list[dict[str, Any]]) -> dict[tuple[Any, ...], float]:
    """Box key (as pdf.py writes it: page, x0, top, x1, bottom) → confidence, for one OCR page."""
    out: dict[tuple[Any, ...], float] = {}
    for c in chars:
        key = (pno, c["x0"], c["top"], c["x1"], c["bottom"])
        out[key] = min(out.get(key, 1.0), c["conf"])
    return out


def numpy_from_pil(im: Any) -> Any:
    """A PIL image as a BGR (or gray) uint8 array."""
    import numpy as np

    if im.mode not in ("L", "RGB"):
        im = im.convert("RGB")
    a = np.asarray(im)
    if a.ndim == 3:
        a = a[:, :, ::-1].copy()
    return a


