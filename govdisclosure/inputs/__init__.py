"""File inputs: turn a PDF, HTML page, DOCX/DOC or text file into one :class:`Document`.

:func:`read` is the only entry point (``api.parse_file`` calls it).  It tells the format from the
bytes (magic numbers first, the file name second), hands the bytes to one reader module
(:mod:`.pdf`, :mod:`.html`, :mod:`.docx`, :mod:`.text`) and returns the report as text in the
layout the core reads best:

* paragraphs are lines, with a blank line between blocks;
* a table is one line per row, the row's *physical* cells joined by TAB in column order.  A cell
  covered by another cell's colspan/rowspan (gridSpan/vMerge in Word) is not written; a real empty
  cell (blank, ``&nbsp;``) is written as an empty string, so blanks keep their column;
* line breaks inside a cell are joined with nothing (the text is Chinese).

pdfplumber, lxml and python-docx are imported inside the reader modules, on first use, so that
``import govdisclosure`` stays cheap.

>>> doc = read("一、总体情况\\n本年度未收到申请。".encode("gb18030"), filename="r.txt")
>>> doc.source.format, doc.source.encoding, doc.text.splitlines()[0]
('text', 'gb18030', '一、总体情况')
"""

from __future__ import annotations

import contextlib
import dataclasses
import logging
import os
from collections.abc import Callable

from .._logging import routed
from ..errors import FileFormatError, InputError, InputTooLargeError, UnsupportedFormatError
from ..report import Finding, Source

log = logging.getLogger(__name__)

__all__ = ["Document", "read", "sniff_format", "MAX_INPUT_BYTES"]

#: Largest file read().  Annual reports are a few MB at most (scanned ones ~20 MB); a bigger input
#: is almost certainly not one report, and reading it would tie up a worker for minutes.
MAX_INPUT_BYTES = 64 * 1024 * 1024

#: How many leading bytes to look at when sniffing: a few KB cover a BOM, a PDF header after junk
#: bytes (allowed up to 1 KB by PDF readers) and an HTML doctype after comments.
_SNIFF_BYTES = 4096

BoxFn = Callable[[tuple[int, int]], "tuple[float, float, float, float] | None"]

_EXTENSIONS = {
    ".pdf": "pdf",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".shtml": "html",
    ".docx": "docx",
    ".doc": "doc",
    ".txt": "text",
    ".text": "text",
    ".md": "text",
    ".csv": "text",
    ".tsv": "text",
}


@dataclasses.dataclass(frozen=True, slots=True)
class Document:
    """The text of a report file plus what is needed to map spans back to the file.

    ``page_starts[i]`` is the offset in ``text`` where page ``i + 1`` starts (so ``page_starts[0]
    == 0``); the page of offset ``o`` is ``bisect.bisect_right(page_starts, o)``.  ``box_at(span)``
    gives the PDF bounding box (x0, top, x1, bottom, in points) of the characters of a span, or
    None.  ``findings`` say what went wrong while reading (e.g. ``ocr_needed``).
    """

    text: str
    source: Source
    page_starts: tuple[int, ...] = ()
    box_at: BoxFn | None = None
    findings: tuple[Finding, ...] = ()
    #: OCR'd documents: span -> the recognizer's lowest character confidence in it (None elsewhere)
    confidence: Callable[[tuple[int, int]], float | None] | None = None

    def page_of(self, offset: int) -> int | None:
        """1-based page of a text offset, or None for inputs without pages.

        >>> Document("ab\\ncd", Source(format="pdf", pages=2), page_starts=(0, 3)).page_of(4)
        2
        """
        import bisect

        if not self.page_starts:
            return None
        return bisect.bisect_right(self.page_starts, offset)


def sniff_format(data: bytes, filename: str | None = None) -> str:
    """The format of ``data``: "pdf", "docx", "doc", "html" or "text".

    Magic numbers win over the file name; a name that promises a binary format the bytes do not
    have raises :class:`FileFormatError` (a ``.docx`` that is not a zip, a ``.pdf`` without a PDF
    header) rather than parsing the bytes as text.

    >>> sniff_format(b"%PDF-1.7 ...")
    'pdf'
    >>> sniff_format("<html><body>一</body></html>".encode())
    'html'
    >>> sniff_format(b"plain", "report.txt")
    'text'
    """
    head = data[:_SNIFF_BYTES]
    ext = os.path.splitext(filename or "")[1].lower()
    by_name = _EXTENSIONS.get(ext)
    if b"%PDF-" in head[:1024]:
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        if by_name in ("docx", "doc") or _zip_is_docx(data):
            return "docx"
        raise UnsupportedFormatError(
            f"{filename or 'input'} is a zip archive but not a Word .docx; "
            "parse_file reads .pdf, .html, .docx, .doc and text files"
        )
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return "doc"
    from .image import is_image  # PNG/JPEG/TIFF: a scanned page, read by OCR

    if is_image(head):
        return "image"
    if by_name == "pdf":
        raise FileFormatError(f"{filename} has no PDF header (%PDF-): the file is not a PDF or is damaged")
    if by_name == "docx":
        raise FileFormatError(
            f"{filename} is not a zip archive, so it is not a .docx (damaged, or another format renamed)"
        )
    if by_name == "doc":
        raise FileFormatError(f"{filename} is not an OLE2 compound file, so it is not a Word .doc")
    if by_name == "html" or _looks_like_html(head):
        return "html"
    return "text"


def _zip_is_docx(data: bytes) -> bool:
    import io
    import zipfile

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            return "word/document.xml" in z.namelist()
    except (zipfile.BadZipFile, NotImplementedError, ValueError, OSError, EOFError, RuntimeError):
        return False


def _looks_like_html(head: bytes) -> bool:
    # Decode loosely: only ASCII markup matters here; UTF-16 pages are caught by their BOM.
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        probe = head.decode("utf-16", "ignore")
    else:
        probe = head.decode("latin-1")
    probe = probe.lstrip("\ufeff\xef\xbb\xbf \t\r\n").lower()
    if probe.startswith(("<!doctype html", "<html")):
        return True
    if probe.startswith(("<?xml", "<!--")) and "<html" in probe:
        return True
    return probe.startswith("<") and any(t in probe for t in ("<body", "<head", "<table", "<div", "<p>", "<meta"))


def _load(source: str | os.PathLike[str] | bytes, max_bytes: int) -> tuple[bytes, str | None]:
    if isinstance(source, (bytes, bytearray, memoryview)):
        data = bytes(source)
        if len(data) > max_bytes:
            raise InputTooLargeError(
                f"input is {len(data):,} bytes, over the limit of {max_bytes:,}; "
                "pass max_bytes= to read a larger file"
            )
        return data, None
    if isinstance(source, str) and ("\n" in source or len(source) > 4096):
        raise InputError(
            "parse_file() takes a path or bytes; this str looks like report text — use govdisclosure.parse(text)"
        )
    if not isinstance(source, (str, os.PathLike)):
        raise InputError(f"parse_file() takes a path or bytes, not {type(source).__name__}")
    path = os.fspath(source)
    try:
        size = os.path.getsize(path)
    except OSError as exc:
        raise InputError(f"cannot read {path!r}: {exc.strerror or exc}") from exc
    if size > max_bytes:
        raise InputTooLargeError(
            f"{path} is {size:,} bytes, over the limit of {max_bytes:,}; pass max_bytes= to read a larger file"
        )
    try:
        with open(path, "rb") as fh:
            return fh.read(), path
    except OSError as exc:
        raise InputError(f"cannot read {path!r}: {exc.strerror or exc}") from exc


def _read_as(fmt: str, data: bytes, name: str | None, pdf_backend: str = "pdfium") -> Document:
    if fmt == "pdf":
        from . import pdf

        return pdf.read_pdf(data, name=name, backend=pdf_backend)
    if fmt == "docx":
        from . import docx

        return docx.read_docx(data, name=name)
    if fmt == "doc":
        from . import docx

        return docx.read_doc(data, name=name)
    if fmt == "image":
        from . import image

        return image.read_images([data], max_bytes=len(data), name=name)
    if fmt == "html":
        from . import html

        return html.read_html(data, name=name)
    from . import text

    return text.read_text(data, name=name)


def read(
    source: str | os.PathLike[str] | bytes,
    *,
    filename: str | None = None,
    max_bytes: int = MAX_INPUT_BYTES,
    pdf_backend: str | None = None,
) -> Document:
    """Read a report file (path or bytes) into a :class:`Document`.

    ``pdf_backend``: ``"pdfium"`` (default: PDFium through pypdfium2, falling back to pdfplumber for
    a file PDFium refuses) or ``"pdfplumber"`` (pdfminer's layout analysis, the reference; slower).
    None takes the environment's ``GOVDISCLOSURE_PDF_BACKEND``, else ``"pdfium"`` (so a batch run or
    the CLI can be switched without code).

    Raises an :class:`~govdisclosure.errors.InputError` subclass for a file that cannot be read at
    all: :class:`DecodeError` (text in no encoding we can tell), :class:`FileFormatError` (broken
    PDF/DOCX), :class:`EncryptedFileError`, :class:`UnsupportedFormatError`,
    :class:`InputTooLargeError`.  A file that reads but holds no usable text (an image-only PDF, an
    HTML page without a report) gives a Document whose findings say so.
    """
    from . import image

    if isinstance(source, (list, tuple)) or (isinstance(source, (str, os.PathLike)) and os.path.isdir(source)):
        return image.read_images(image.image_paths(source), max_bytes=max_bytes, name=filename)
    data, path = _load(source, max_bytes)
    name = filename or path
    fmt = sniff_format(data, name)
    log.debug("reading %s as %s (%d bytes)", name or "<bytes>", fmt, len(data))
    if fmt == "pdf":
        with contextlib.suppress(ImportError):  # pdfminer's loggers exist before routing starts
            import pdfplumber  # noqa: F401
    # the readers' dependencies log (pdfminer: "Could not get FontBBox …" per font and page): their
    # records come out under this module's logger, once per message, never on the user's stderr
    with routed(log, name or "<bytes>"):
        doc = _read_as(fmt, data, name, pdf_backend or os.environ.get("GOVDISCLOSURE_PDF_BACKEND") or "pdfium")
    return dataclasses.replace(doc, source=dataclasses.replace(doc.source, path=path))
