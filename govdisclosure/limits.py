"""Resource limits for hostile or runaway input: one frozen, validated options object.

The library is run unattended over millions of files scraped from the web.  Every stage that could
be made to take unbounded time or memory by a crafted file is capped by a named limit here; the
defaults are far above anything a real annual report reaches (a report is 2–20 KB of text, a PDF of
5–40 pages, a DOCX of < 5 MB unpacked) and low enough that one bad file cannot tie up a worker.

What happens at a limit:

* ``parse(text)`` never raises on a ``str``: text over :attr:`Limits.max_text_chars` gives a Report
  with an ``input_too_large`` error finding (see :func:`text_finding`) and nothing parsed.
* ``parse_file`` raises :class:`~govdisclosure.errors.InputTooLargeError` (a GovDisclosureError) for a
  file over :attr:`Limits.max_file_bytes`, a PDF over :attr:`Limits.max_pdf_pages`, a DOCX that
  unpacks past :attr:`Limits.max_docx_unzipped_bytes` / :attr:`Limits.max_docx_ratio`, an HTML page
  nested deeper than :attr:`Limits.max_html_depth`; see :func:`check_bytes` and friends.
* Table limits (cells, spans) clamp rather than fail: a colspan of 10⁹ is read as
  :attr:`Limits.max_span`.

>>> DEFAULT.max_text_chars
20000000
>>> small = DEFAULT.replace(max_text_chars=10)
>>> text_finding("x" * 11, small).code
'input_too_large'
>>> text_finding("x" * 10, small) is None
True
>>> Limits(max_pdf_pages=0)
Traceback (most recent call last):
...
ValueError: Limits.max_pdf_pages must be a positive int, not 0
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from .errors import InputTooLargeError
from .report import Finding

__all__ = [
    "Limits",
    "DEFAULT",
    "text_finding",
    "check_bytes",
    "check_pdf_pages",
    "check_docx_members",
    "clamp_span",
]

_MB = 1024 * 1024


@dataclass(frozen=True, slots=True)
class Limits:
    """Caps on input size and structure.  Frozen; build a variant with :meth:`replace`.

    Every field is a positive int (``regex_timeout`` a positive float, seconds).
    """

    #: parse(text): characters.  The longest real report seen is ~60 K characters; 20 M characters
    #: parse in about 10 s (time is linear, ~0.5 µs/char): above that the input is not one report.
    max_text_chars: int = 20_000_000
    #: parse_file: bytes of the file.  Scanned PDFs reach ~20 MB; 64 MB leaves room for images and
    #: fonts while keeping one read well inside a worker's memory.
    max_file_bytes: int = 64 * _MB
    #: PDF pages read.  Reports have 3–40 pages; pdfplumber spends ~50–200 ms a page, so 500 pages
    #: bounds one PDF at about a minute and a half.
    max_pdf_pages: int = 500
    #: DOCX: total uncompressed bytes of the zip's members.  A real document.xml is < 5 MB; images
    #: bring a report to < 50 MB.  More is a zip bomb.
    max_docx_unzipped_bytes: int = 200 * _MB
    #: DOCX: expansion ratio (uncompressed / compressed) of one member above 1 MB.  XML compresses
    #: 5–20:1; a 1000:1 member is a bomb.
    max_docx_ratio: int = 200
    #: DOCX: zip members.  Word writes 10–50; thousands are a bomb or a different archive.
    max_docx_entries: int = 2000
    #: HTML: element nesting depth.  Real pages nest < 40 deep; readers walk the tree recursively, and
    #: Python's recursion limit (1000) must never be reached.
    max_html_depth: int = 256
    #: HTML/DOCX/PDF tables: cells in one table after spans are expanded.  The template's largest
    #: table has 21 × 10 = 210; a grid of more than 100 K cells is not a report table.
    max_table_cells: int = 100_000
    #: HTML: largest colspan/rowspan honoured (a larger value is clamped to it).  Browsers clamp
    #: colspan at 1000 and rowspan at 65534; the template never spans more than 20.
    max_span: int = 1000
    #: Seconds a regex at risk of slow matching may run (regex module ``timeout=``).  Every pattern
    #: in the core is linear (reviewed: bounded quantifiers, no nested repeats); this is a backstop.
    regex_timeout: float = 5.0

    def __post_init__(self) -> None:
        for f in dataclasses.fields(self):
            v = getattr(self, f.name)
            if f.name == "regex_timeout":
                ok = isinstance(v, (int, float)) and not isinstance(v, bool) and v > 0
                kind = "positive number"
            else:
                ok = isinstance(v, int) and not isinstance(v, bool) and v > 0
                kind = "positive int"
            if not ok:
                raise ValueError(f"Limits.{f.name} must be a {kind}, not {v!r}")

    def replace(self, **changes: object) -> Limits:
        """A copy with some limits changed (validated like the original).

        >>> DEFAULT.replace(max_pdf_pages=50).max_pdf_pages
        50
        """
        unknown = set(changes) - {f.name for f in dataclasses.fields(self)}
        if unknown:
            raise TypeError(f"unknown limit(s): {', '.join(sorted(unknown))}; known: {', '.join(f.name for f in dataclasses.fields(self))}")
        return dataclasses.replace(self, **changes)  # type: ignore[arg-type]


#: The limits used when none are passed.
DEFAULT = Limits()


def text_finding(text: str, limits: Limits = DEFAULT) -> Finding | None:
    """The ``input_too_large`` finding for text over ``limits.max_text_chars``, else None.

    ``parse`` calls this first and, on a finding, returns a Report holding only that finding.
    """
    if len(text) <= limits.max_text_chars:
        return None
    return Finding(
        "input_too_large",
        "error",
        f"the text has {len(text):,} characters, over the limit of {limits.max_text_chars:,}; it was not "
        "parsed (an annual report is well under 1 M characters — is this several documents joined? "
        "split it, or raise Limits.max_text_chars)",
    )


def check_bytes(size: int, what: str, limits: Limits = DEFAULT) -> None:
    """Raise InputTooLargeError when a file of ``size`` bytes is over ``limits.max_file_bytes``.

    >>> check_bytes(10, "r.pdf", DEFAULT.replace(max_file_bytes=5))
    Traceback (most recent call last):
    ...
    govdisclosure.errors.InputTooLargeError: r.pdf is 10 bytes, over the limit of 5 (Limits.max_file_bytes); raise the limit to read it
    """
    if size > limits.max_file_bytes:
        raise InputTooLargeError(
            f"{what} is {size:,} bytes, over the limit of {limits.max_file_bytes:,} (Limits.max_file_bytes); "
            "raise the limit to read it"
        )


def check_pdf_pages(pages: int, what: str, limits: Limits = DEFAULT) -> None:
    """Raise InputTooLargeError for a PDF with more than ``limits.max_pdf_pages`` pages.

    Call it with ``len(pdf.pages)`` *before* reading any page (pdfplumber reads pages lazily).
    """
    if pages > limits.max_pdf_pages:
        raise InputTooLargeError(
            f"{what} has {pages:,} pages, over the limit of {limits.max_pdf_pages:,} (Limits.max_pdf_pages); "
            "an annual report has fewer than 50 — split the file or raise the limit"
        )


def check_docx_members(members: list[tuple[str, int, int]], what: str, limits: Limits = DEFAULT) -> None:
    """Raise InputTooLargeError for a zip bomb: ``members`` are (name, file_size, compress_size).

    Uses the sizes from the zip's central directory, before anything is decompressed.  A crafted
    directory may lie about ``file_size``; readers must therefore also stop reading a member after
    ``max_docx_unzipped_bytes`` (``ZipFile.open(...).read(limit + 1)``).

    >>> check_docx_members([("word/document.xml", 300 * 1024 * 1024, 300_000)], "b.docx")
    Traceback (most recent call last):
    ...
    govdisclosure.errors.InputTooLargeError: b.docx unpacks to 314,572,800 bytes, over the limit of 209,715,200 (Limits.max_docx_unzipped_bytes): refusing a possible zip bomb
    """
    if len(members) > limits.max_docx_entries:
        raise InputTooLargeError(
            f"{what} has {len(members):,} zip members, over the limit of {limits.max_docx_entries:,} "
            "(Limits.max_docx_entries): not a Word document"
        )
    total = sum(m[1] for m in members)
    if total > limits.max_docx_unzipped_bytes:
        raise InputTooLargeError(
            f"{what} unpacks to {total:,} bytes, over the limit of {limits.max_docx_unzipped_bytes:,} "
            "(Limits.max_docx_unzipped_bytes): refusing a possible zip bomb"
        )
    for name, size, csize in members:
        if size > _MB and size > limits.max_docx_ratio * max(csize, 1):
            raise InputTooLargeError(
                f"{what}: member {name} expands {size // max(csize, 1):,}:1, over the limit of "
                f"{limits.max_docx_ratio}:1 (Limits.max_docx_ratio): refusing a possible zip bomb"
            )


def clamp_span(value: object, limits: Limits = DEFAULT) -> int:
    """A colspan/rowspan attribute as an int in 1..``limits.max_span`` (junk reads as 1).

    >>> clamp_span("3"), clamp_span("0"), clamp_span("x"), clamp_span("999999999"), clamp_span(None)
    (3, 1, 1, 1000, 1)
    """
    try:
        n = int(str(value).strip()[:12])
    except (TypeError, ValueError):
        return 1
    return max(1, min(n, limits.max_span))
