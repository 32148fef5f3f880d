"""parse() and parse_file(): compose the pipeline stages.

decode → normalize → layout (tokens) → sections (parts, edition, year, organ) → tables (labels
matched, cells assembled) → validate → Report.  Each stage is a plain function in its own module.
"""

from __future__ import annotations

import bisect
import dataclasses
import itertools
import logging
import os
from typing import Any

from . import layout, normalize, sections, tables, validate
from .limits import DEFAULT as DEFAULT_LIMITS
from .limits import Limits, text_finding
from .inputs.text import unmojibake
from .report import Field, Finding, Report, Source

log = logging.getLogger(__name__)

__all__ = ["parse", "parse_file"]


def parse(
    text: str,
    *,
    edition: str | None = None,
    year: int | None = None,
    organ: str | None = None,
    narrative: bool = True,
    limits: Limits = DEFAULT_LIMITS,
) -> Report:
    """Parse the text of one annual report.

    Never raises on a ``str``: anything odd becomes a finding and a field status.  The hints
    ``edition``, ``year`` and ``organ`` fill in what the text lacks; where the text disagrees a
    finding says so.  ``narrative=False`` skips the narrative stage (meta/facts).
    """
    if not isinstance(text, str):
        raise TypeError(
            f"parse() takes the report text as str, not {type(text).__name__}; "
            "for bytes or a file path use govdisclosure.parse_file()"
        )
    if edition is not None and edition not in ("2019", "2021", "legacy"):
        raise ValueError(f"edition hint must be '2019', '2021' or 'legacy', not {edition!r}")
    too_large = text_finding(text, limits)
    if too_large is not None:
        return Report(edition=None, year=None, organ=None, findings=(too_large,), text=text)
    try:
        fixed = unmojibake(text)
        if fixed is not None:
            return _repaired(text, fixed, edition=edition, year=year, organ=organ, narrative=narrative)
        return _parse(text, edition=edition, year=year, organ=organ, narrative=narrative)
    except RecursionError as exc:  # pragma: no cover - defensive: never raise on text
        return _failed(text, exc)
    except Exception as exc:  # pragma: no cover - defensive: never raise on text
        log.exception("internal error while parsing")
        return _failed(text, exc)


def _repaired(text: str, fixed: tuple[str, str], **hints: Any) -> Report:
    """The report of mojibake text (GBK bytes read as a single-byte code page), parsed as the text
    decoded right; its spans mapped back onto the text given (each byte of a GBK character is one
    character of the mojibake), so that ``report.text[span]`` is still ``raw``."""
    good, codec = fixed
    rep = _parse(good, **hints)
    at = list(itertools.accumulate((len(c.encode("gb18030")) for c in good), initial=0))

    def sp(span: tuple[int, int]) -> tuple[int, int]:
        return at[span[0]], at[span[1]]

    def fld(f: Field) -> Field:
        return f if f.span is None else dataclasses.replace(f, span=sp(f.span), raw=text[at[f.span[0]] : at[f.span[1]]])

    note = Finding(
        "mojibake_repaired",
        "warning",
        f"the text is GBK/GB18030 bytes read as {codec} (mojibake): it was decoded again as GB18030 and "
        "parsed (read the file with parse_file, which detects its encoding); the raw text of each value "
        "is still the mojibake's",
    )
    return dataclasses.replace(
        rep,
        text=text,
        fields={k: fld(f) for k, f in rep.fields.items()},
        findings=(note, *(dataclasses.replace(x, spans=tuple(sp(y) for y in x.spans)) for x in rep.findings)),
        facts=tuple(x if x.span is None else dataclasses.replace(x, span=sp(x.span), raw=text[at[x.span[0]] : at[x.span[1]]]) for x in rep.facts),
        sections=tuple(dataclasses.replace(x, span=sp(x.span)) for x in rep.sections),
        alternatives={k: tuple(tuple(fld(f) for f in alt) for alt in alts) for k, alts in rep.alternatives.items()},
    )


def _failed(text: str, exc: BaseException) -> Report:
    return Report(
        edition=None,
        year=None,
        organ=None,
        findings=(
            Finding(
                "internal_error",
                "error",
                f"the parser failed on this text ({type(exc).__name__}: {str(exc)[:120]}); "
                "please report it with the text attached",
            ),
        ),
        text=text,
    )


def _cuts(text: str, doc: sections.DocInfo) -> list[int]:
    """Where no text token may run on: the parts' starts, and part 二's 第二十条 captions (a crawler's dump
    runs a row's label, a mark and the next block's caption into one run: "行政强制-第二十条第（八）项…")."""
    cuts = [p[0] for p in doc.parts.values()]
    if 2 in doc.parts:
        lo = doc.parts[2][0]
        hi = min([p[0] for p in doc.parts.values() if p[0] > lo] or [len(text)])
        k = text.find("第二十条", lo, hi)
        while k >= 0:
            cuts.append(k)
            k = text.find("第二十条", k + 1, hi)
    return cuts


def _parse(text: str, *, edition: str | None, year: int | None, organ: str | None, narrative: bool) -> Report:
    norm = normalize.normalize(text)
    doc = sections.analyse(norm, edition_hint=edition, year_hint=year, organ_hint=organ)
    findings: list[Finding] = list(doc.findings)
    flds: dict[str, Field] = {}
    alternatives: dict[str, tuple[tuple[Field, ...], ...]] = {}
    if doc.edition in ("2019", "2021"):
        toks = layout.tokenize(norm.text, doc.table_span, norm, cuts=_cuts(norm.text, doc))
        flds, tfind, alternatives = tables.assemble(norm, toks, doc)
        findings += tfind
        flds, vfind = validate.check(flds, doc.edition, tfind)
        findings += vfind
    meta, facts, nfind = _narrative(norm, doc, flds, narrative)
    findings += nfind
    return Report(
        edition=doc.edition,
        year=doc.year,
        organ=doc.organ,
        fields=flds,
        findings=tuple(findings),
        meta=meta if meta is not None else _basic_meta(doc),
        facts=facts,
        sections=doc.sections,
        text=text,
        alternatives=alternatives,
    )


def _basic_meta(doc: Any) -> Any:
    from .report import Meta

    return Meta(organ=doc.organ, year=doc.year)


def _narrative(norm: Any, doc: Any, flds: dict[str, Field], enabled: bool) -> tuple[Any, tuple[Any, ...], list[Finding]]:
    if not enabled:
        return None, (), []
    try:
        from . import narrative as _n
    except ImportError:
        return None, (), []
    extract = getattr(_n, "extract", None)
    if extract is None:
        return None, (), []
    return extract(norm, doc, flds)


def parse_file(
    source: str | os.PathLike[str] | bytes,
    *,
    edition: str | None = None,
    year: int | None = None,
    organ: str | None = None,
    narrative: bool = True,
    filename: str | None = None,
    pdf_backend: str | None = None,
) -> Report:
    """Parse a report file: .txt (any Chinese encoding), .pdf, .html/.htm, .docx (and .doc).

    ``pdf_backend="pdfplumber"`` reads PDFs with pdfplumber (the reference) instead of PDFium (None:
    the environment's ``GOVDISCLOSURE_PDF_BACKEND``, else PDFium).

    ``source`` is a path or the file's bytes (then ``filename`` helps to tell the format).
    Raises a :class:`~govdisclosure.errors.InputError` subclass for files that cannot be read;
    ``report.text`` is the text that spans refer to, ``report.source`` says where it came from.
    """
    from . import inputs

    doc = inputs.read(source, filename=filename, pdf_backend=pdf_backend)
    rep = parse(doc.text, edition=edition, year=year, organ=organ, narrative=narrative)
    return attach_document(rep, doc)


def attach_document(rep: Report, doc: Any) -> Report:
    """Put the file's text, source and per-field page (and box) onto a report parsed from it."""
    page_starts: tuple[int, ...] = tuple(getattr(doc, "page_starts", ()) or ())
    boxes = getattr(doc, "box_at", None)
    flds = dict(rep.fields)
    alternatives = rep.alternatives
    if page_starts:
        # each placed field built once, positionally (dataclasses.replace goes through the field
        # list by name for every field)
        at = bisect.bisect_right

        def paged(f: Field) -> Field:
            span = f.span
            if span is None:
                return f
            return Field(f.key, f.value, f.status, f.raw, span, f.label, f.unit, at(page_starts, span[0]),
                         boxes(span) if boxes is not None else None)

        flds = {k: paged(f) for k, f in flds.items()}
        alternatives = {row: tuple(tuple(paged(f) for f in alt) for alt in alts) for row, alts in alternatives.items()}
    findings = rep.findings + tuple(getattr(doc, "findings", ()) or ())
    confidence = getattr(doc, "confidence", None)
    if confidence:  # OCR'd pages: a value read with low confidence is in doubt (inputs/image.py)
        flds, low = _ocr_doubt(flds, confidence)
        findings += low
    source: Source | None = getattr(doc, "source", None)
    return dataclasses.replace(rep, fields=flds, findings=findings, text=doc.text, source=source, alternatives=alternatives)


def _ocr_doubt(flds: dict[str, Field], confidence: Any) -> tuple[dict[str, Field], tuple[Finding, ...]]:
    from .inputs.ocr import MIN_CONFIDENCE

    keys = []
    for k, f in flds.items():
        if f.status == "blank" and getattr(confidence, "blanks_doubtful", False):
            flds[k] = dataclasses.replace(f, status="doubtful")  # a digit lost in noise reads as blank
            keys.append(k)
            continue
        if f.span is None or f.span[1] <= f.span[0] or f.status in ("doubtful", "missing"):
            continue
        c = confidence(f.span)
        if (c is not None and c < MIN_CONFIDENCE) or "?" in (f.raw or ""):
            flds[k] = dataclasses.replace(f, status="doubtful")
            keys.append(k)
    # a cell where no ink was read is only as sure as its row: beside doubtful cells (a row read off
    # a rotated 100-dpi page, its numbers shifted one column), its emptiness is in doubt too
    shaky = {k.rsplit(".", 1)[0] for k, f in flds.items() if f.status == "doubtful"}
    for k, f in flds.items():
        if f.status == "blank" and k.rsplit(".", 1)[0] in shaky:
            flds[k] = dataclasses.replace(f, status="doubtful")
            keys.append(k)
    if not keys:
        return flds, ()
    return flds, (Finding("ocr_low_confidence", "warning",
                          f"{len(keys)} value(s) read by OCR with confidence below {MIN_CONFIDENCE:.2f}, "
                          "or read as empty in a row of such values",
                          keys=tuple(keys)),)
