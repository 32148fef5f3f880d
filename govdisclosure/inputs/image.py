"""Scanned reports: image-only PDF pages and image files (.png .jpg .tif …) through OCR.

Both routes end in the PDF reader's geometry path: :mod:`.ocr` turns a page image into characters
with positions (and ruling-line cells), :func:`.pdf.page_from_words` turns them into lines and
tables exactly as it does for a text layer, and :func:`.pdf._emit` writes the text.  What OCR adds
to the :class:`~govdisclosure.inputs.Document`:

* ``box_at`` gives boxes in **image pixels** on OCR'd pages (``report.source.dpi`` says at what
  resolution), so a review page can crop every value from the page image;
* ``confidence(span)`` is the recognizer's lowest character probability in a span; the API marks a
  field read below :data:`.ocr.MIN_CONFIDENCE` ``doubtful`` (``ocr_low_confidence`` finding).

Without the ``ocr`` extra, image-only pages keep the ``ocr_needed`` finding, whose message says how to
install it.  Images are checked against a pixel budget before they are decoded (decompression bombs).
"""

from __future__ import annotations

import dataclasses
import io
import logging
import os
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, Any

from ..errors import FileFormatError, InputError, InputTooLargeError
from ..report import Finding, Source
from . import ocr as _ocr

if TYPE_CHECKING:
    from . import Document

log = logging.getLogger(__name__)

__all__ = ["IMAGE_EXTENSIONS", "is_image", "read_images", "ocr_pdf_pages", "OcrRun", "MAX_IMAGE_PAGES"]

IMAGE_EXTENSIONS = (".png", ".jpg", ".jpeg", ".tif", ".tiff", ".bmp", ".webp")
#: Pages of one scanned report (image files or TIFF frames) read at most.
MAX_IMAGE_PAGES = 200
#: PDF pages are rendered at the resolution of their scan, within these bounds (dpi).
MIN_RENDER_DPI = 150
MAX_RENDER_DPI = 300
DEFAULT_RENDER_DPI = 200
#: A4 width in inches: the resolution of an image without a plausible dpi tag is guessed from it.
_A4_INCHES = 8.27

_MAGIC = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"II*\x00", b"MM\x00*", b"BM")


def is_image(data: bytes) -> bool:
    """True for PNG, JPEG, TIFF, BMP and WebP bytes.

    >>> is_image(b"\\x89PNG\\r\\n\\x1a\\n...."), is_image(b"%PDF-1.4")
    (True, False)
    """
    return data.startswith(_MAGIC) or (data[:4] == b"RIFF" and data[8:12] == b"WEBP")


@dataclasses.dataclass(slots=True)
class OcrRun:
    """What OCR did to a document: pages, their dpi, per-character confidences, timings."""

    dpi_by_page: dict[int, float] = dataclasses.field(default_factory=dict)
    affine_by_page: dict[int, list[list[float]]] = dataclasses.field(default_factory=dict)
    conf: dict[tuple[Any, ...], float] = dataclasses.field(default_factory=dict)
    pages: list[_ocr.OcrPage] = dataclasses.field(default_factory=list)

    def add(self, pno: int, op: _ocr.OcrPage) -> None:
        self.dpi_by_page[pno] = op.dpi
        self.affine_by_page[pno] = op.to_original
        self.conf.update(_ocr.conf_keys(pno, op.chars))
        self.pages.append(op)

    @property
    def engine_seconds(self) -> float:
        return sum(p.engine_seconds for p in self.pages)

    @property
    def seconds(self) -> float:
        return sum(p.seconds for p in self.pages)

    def finding(self, label: str) -> Finding:
        pnos = sorted(self.dpi_by_page)
        dpis = sorted({round(d) for d in self.dpi_by_page.values()})
        notes = []
        turned = [p for p, op in zip(pnos, self.pages, strict=False) if op.rotation]
        if turned:
            notes.append(f"page(s) {_ranges(turned)} turned upright")
        skewed = [p for p, op in zip(pnos, self.pages, strict=False) if abs(op.skew) >= 0.3]
        if skewed:
            notes.append(f"page(s) {_ranges(skewed)} deskewed")
        if any(op.seal for op in self.pages):
            notes.append("a red seal bleached")
        return Finding(
            "ocr_used", "info",
            f"{label}: page(s) {_ranges(pnos)} read by OCR (RapidOCR) at {'/'.join(map(str, dpis))} dpi"
            + (f"; {', '.join(notes)}" if notes else "")
            + f"; values read below {_ocr.MIN_CONFIDENCE:.2f} confidence are doubtful",
        )

    def attach(self, doc: Document, boxes: list[Any]) -> Document:
        """The document with pixel boxes, the confidence map and the dpi in its source."""
        dpis = set(self.dpi_by_page.values())
        src = dataclasses.replace(doc.source, dpi=(dpis.pop() if len(dpis) == 1 else max(dpis)) if dpis else None)
        return dataclasses.replace(
            doc,
            source=src,
            box_at=_ocr.PixelBoxes(doc.box_at, self.dpi_by_page, self.affine_by_page) if doc.box_at is not None else None,
            confidence=_ocr.Confidence(_ocr.confidence_map(boxes, self.conf).per_offset(),
                                       blanks_doubtful=any(p.unsure for p in self.pages)),
        )


def _ranges(nums: list[int]) -> str:
    out: list[list[int]] = []
    for n in nums:
        if out and out[-1][1] == n - 1:
            out[-1][1] = n
        else:
            out.append([n, n])
    return ", ".join(f"{a}" if a == b else f"{a}-{b}" for a, b in out)


# -- image-only PDF pages ------------------------------------------------------------------------
def _native_dpi(page: Any) -> float | None:
    best = None
    for im in page.images or ():
        w_pt = float(im.get("x1", 0) - im.get("x0", 0))
        src = im.get("srcsize") or (0, 0)
        if w_pt > 0.3 * float(page.width) and src[0]:
            d = float(src[0]) / (w_pt / 72.0)
            best = d if best is None else max(best, d)
    return best


def render_dpi(native: float | None, dpi: float | None = None) -> float:
    """The resolution a scanned PDF page is rendered at: its scan's, within bounds.

    >>> render_dpi(100.0), render_dpi(200.0), render_dpi(600.0), render_dpi(None), render_dpi(100.0, 120)
    (150, 200, 300, 200, 120)
    """
    if dpi:
        return dpi
    if not native:
        return DEFAULT_RENDER_DPI
    return max(MIN_RENDER_DPI, min(MAX_RENDER_DPI, round(native)))


def ocr_pdf_pages(
    pdf: Any, pages: list[Any], findings: list[Finding], label: str,
    page_from_words: Callable[..., Any], dpi: float | None = None,
) -> OcrRun | None:
    """OCR the image-only pages of an open pdfplumber PDF in place (``pages``, ``findings``).

    Pages with a text layer are left alone (mixed PDFs).  Returns None when no page was OCR'd.
    """
    targets = [i for i, pg in enumerate(pages) if getattr(pg, "chars", 1) == 0 and not pg.items
               and pdf.pages[i].images]
    if not targets or not _ocr.available():
        return None
    try:
        import pypdfium2 as pdfium
    except ImportError:  # pragma: no cover - pdfplumber depends on it
        return None
    from .pdf import glyphs

    stream = pdf.stream
    stream.seek(0)
    data = stream.read()
    run = OcrRun()
    doc = pdfium.PdfDocument(data)
    try:
        for i in targets:
            pno = pages[i].number
            d = render_dpi(_native_dpi(pdf.pages[i]), dpi)
            w_pt, h_pt = pdf.pages[i].width, pdf.pages[i].height
            if (w_pt * d / 72) * (h_pt * d / 72) > _ocr.MAX_PAGE_PIXELS:
                d = 72 * (_ocr.MAX_PAGE_PIXELS / (w_pt * h_pt)) ** 0.5 * 0.99
            bitmap = doc[i].render(scale=d / 72.0, grayscale=False)
            img = _ocr.numpy_from_pil(bitmap.to_pil())
            op = _ocr.ocr_image(img, d)
            pages[i] = page_from_words(pno, op.height, glyphs(op.chars), op.grids)
            run.add(pno, op)
    finally:
        doc.close()
    done = set(run.dpi_by_page)
    left = [pg.number for pg in pages if pg.number not in done and getattr(pg, "chars", 1) == 0 and not pg.items
            and pdf.pages[pg.number - 1].images]
    for k, f in enumerate(findings):
        if f.code == "ocr_needed":
            if left:
                findings[k] = dataclasses.replace(
                    f, severity="warning", message=f"{label}: page(s) {_ranges(left)} are scanned images that OCR could not read")
            else:
                findings[k] = run.finding(label)
            break
    else:
        findings.append(run.finding(label))
    return run


# -- image files ---------------------------------------------------------------------------------
def _frames(data: bytes, name: str | None) -> list[tuple[Any, float]]:
    """Decode an image file into (array, dpi) pages, inside the pixel budget."""
    try:
        from PIL import Image, ImageOps
    except ImportError as exc:  # pragma: no cover - pdfplumber depends on Pillow
        from ..errors import DependencyError

        raise DependencyError("reading images needs Pillow: pip install pillow") from exc
    label = name or "the image"
    old = Image.MAX_IMAGE_PIXELS
    Image.MAX_IMAGE_PIXELS = _ocr.MAX_PAGE_PIXELS
    out: list[tuple[Any, float]] = []
    try:
        try:
            im = Image.open(io.BytesIO(data))
        except Image.DecompressionBombError as exc:
            raise InputTooLargeError(f"{label} is over the pixel budget of {_ocr.MAX_PAGE_PIXELS:,}") from exc
        except Exception as exc:
            raise FileFormatError(f"{label} is not a readable image: {type(exc).__name__}: {str(exc)[:100]}") from exc
        n = int(getattr(im, "n_frames", 1) or 1)
        if n > MAX_IMAGE_PAGES:
            raise InputTooLargeError(f"{label} has {n} frames, over the limit of {MAX_IMAGE_PAGES} pages")
        for k in range(n):
            try:
                im.seek(k)
                w, h = im.size
                if w * h > _ocr.MAX_PAGE_PIXELS:
                    raise InputTooLargeError(
                        f"{label}: page {k + 1} is {w}×{h} pixels, over the budget of {_ocr.MAX_PAGE_PIXELS:,} (see SECURITY.md)")
                frame = ImageOps.exif_transpose(im.copy()) if k == 0 else im.copy()
                frame.load()
            except InputTooLargeError:
                raise
            except Image.DecompressionBombError as exc:
                raise InputTooLargeError(f"{label} is over the pixel budget of {_ocr.MAX_PAGE_PIXELS:,}") from exc
            except Exception as exc:
                raise FileFormatError(f"{label} is not a readable image (truncated?): {type(exc).__name__}") from exc
            out.append((_ocr.numpy_from_pil(frame), _image_dpi(frame)))
    finally:
        Image.MAX_IMAGE_PIXELS = old
    return out


def _check_budget(data: bytes, label: str) -> None:
    """Raise InputTooLargeError when an image (any frame) is over the pixel budget: header only."""
    import warnings

    from PIL import Image

    old = Image.MAX_IMAGE_PIXELS
    Image.MAX_IMAGE_PIXELS = _ocr.MAX_PAGE_PIXELS
    try:
        try:
            with warnings.catch_warnings():  # over the budget is an error below, not a warning
                warnings.simplefilter("ignore", Image.DecompressionBombWarning)
                im = Image.open(io.BytesIO(data))
        except Image.DecompressionBombError as exc:
            raise InputTooLargeError(f"{label} is over the pixel budget of {_ocr.MAX_PAGE_PIXELS:,}") from exc
        except Exception as exc:
            raise FileFormatError(f"{label} is not a readable image: {type(exc).__name__}: {str(exc)[:100]}") from exc
        w, h = im.size
        if w * h > _ocr.MAX_PAGE_PIXELS:
            raise InputTooLargeError(
                f"{label} is {w}×{h} pixels, over the budget of {_ocr.MAX_PAGE_PIXELS:,} (see SECURITY.md)")
    finally:
        Image.MAX_IMAGE_PIXELS = old


def _image_dpi(im: Any) -> float:
    """The scan resolution: the file's dpi tag when it fits a page, else the width of an A4 page."""
    w, _h = im.size
    tag = im.info.get("dpi")
    try:
        d = float(tag[0]) if tag else 0.0
    except (TypeError, ValueError, IndexError):
        d = 0.0
    if 50 <= d <= 1200 and 4.0 <= w / d <= 17.0:
        return d
    return max(50.0, w / _A4_INCHES)


def image_paths(source: str | os.PathLike[str] | Sequence[Any]) -> list[Any]:
    """Pages of a scanned report in order: a folder's image files by name, or a list as given."""
    if isinstance(source, (str, os.PathLike)) and os.path.isdir(source):
        root = os.fspath(source)
        names = sorted(n for n in os.listdir(root) if n.lower().endswith(IMAGE_EXTENSIONS))
        if not names:
            raise InputError(f"{root} holds no page images ({', '.join(IMAGE_EXTENSIONS)})")
        return [os.path.join(root, n) for n in names]
    return list(source)  # type: ignore[arg-type]


def read_images(
    sources: Iterable[Any], *, max_bytes: int, name: str | None = None, loader: Callable[..., Any] | None = None,
) -> Document:
    """OCR image files (paths or bytes; one page each, TIFF frames are pages) into one Document."""
    from . import Document
    from . import pdf as _pdf

    items = list(sources)
    if len(items) > MAX_IMAGE_PAGES:
        raise InputTooLargeError(f"{len(items)} page images, over the limit of {MAX_IMAGE_PAGES}")
    blobs: list[tuple[bytes, str | None]] = []
    total = 0
    for it in items:
        if isinstance(it, (bytes, bytearray, memoryview)):
            data, path = bytes(it), None
        else:
            path = os.fspath(it)
            try:
                with open(path, "rb") as fh:
                    data = fh.read(max_bytes + 1)
            except OSError as exc:
                raise InputError(f"cannot read {path!r}: {exc.strerror or exc}") from exc
        total += len(data)
        if total > max_bytes:
            raise InputTooLargeError(f"page images are over {max_bytes:,} bytes together; pass max_bytes= to read more")
        if not is_image(data):
            raise FileFormatError(f"{path or 'input'} is not a PNG, JPEG, TIFF, BMP or WebP image")
        blobs.append((data, path))
    label = name or (blobs[0][1] if blobs and blobs[0][1] else "the image")
    first_path = blobs[0][1] if blobs else None
    for data, path in blobs:  # the pixel budget holds with or without OCR, before any decoding
        _check_budget(data, path or label)
    if not _ocr.available():
        return Document(
            text="",
            source=Source(path=first_path, format="image", pages=len(blobs)),
            findings=(Finding("ocr_needed", "error",
                              f"{label} is an image: reading it needs OCR — {_ocr.INSTALL_HINT}"),),
        )
    pages: list[Any] = []
    run = OcrRun()
    pno = 0
    for data, path in blobs:
        for arr, dpi in _frames(data, path or label):
            pno += 1
            if pno > MAX_IMAGE_PAGES:
                raise InputTooLargeError(f"{label}: over {MAX_IMAGE_PAGES} pages")
            op = _ocr.ocr_image(arr, dpi)
            pages.append(_pdf.page_from_words(pno, op.height, _pdf.glyphs(op.chars), op.grids))
            run.add(pno, op)
    text, boxes, starts = _pdf._emit(pages)
    findings = [run.finding(label)]
    if not text.strip():
        findings.append(Finding("no_text", "error", f"OCR found no text in {label}"))
    doc = Document(
        text=text,
        source=Source(path=first_path, format="image", pages=len(pages)),
        page_starts=starts,
        box_at=_pdf._BoxIndex(boxes),
        findings=tuple(findings),
    )
    return run.attach(doc, boxes)


# -- page images for the review page --------------------------------------------------------------
def page_images(path: str, dpi: float, *, width: int = 900, max_pages: int = 40) -> list[tuple[int, str, float]]:
    """(page, PNG as a data: URI, scale from OCR pixels to shown pixels) for each page of a scan.

    ``path`` is the report's file (an image-only PDF is rendered at ``dpi``, the resolution its boxes
    are in; an image file is shown as is).  Used by the review page to show every value's box.
    """
    import base64

    from PIL import Image

    out: list[tuple[int, str, float]] = []
    with open(path, "rb") as fh:
        data = fh.read(MAX_IMAGE_PAGES * 4 * 1024 * 1024)
    frames: list[Any] = []
    if data.startswith(b"%PDF") or b"%PDF-" in data[:1024]:
        import pypdfium2 as pdfium

        doc = pdfium.PdfDocument(data)
        try:
            for i in range(min(len(doc), max_pages)):
                frames.append(doc[i].render(scale=dpi / 72.0).to_pil())
        finally:
            doc.close()
    elif is_image(data):
        _check_budget(data, path)
        im = Image.open(io.BytesIO(data))
        for k in range(min(int(getattr(im, "n_frames", 1) or 1), max_pages)):
            im.seek(k)
            frames.append(im.copy())
    for pno, im in enumerate(frames, 1):
        k = min(1.0, width / max(1, im.width))
        shown = im.convert("RGB").resize((max(1, int(im.width * k)), max(1, int(im.height * k))))
        buf = io.BytesIO()
        shown.save(buf, "PNG", optimize=True)
        out.append((pno, "data:image/png;base64," + base64.b64encode(buf.getvalue()).decode("ascii"), k))
    return out
