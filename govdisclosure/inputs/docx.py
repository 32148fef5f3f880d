"""Word documents: .docx through python-docx, old binary .doc through LibreOffice.

The body is walked in order (paragraphs, tables, content controls).  A table row is written as its
physical cells joined by TAB: a ``w:tc`` continued by ``w:vMerge`` (no ``val="restart"``) is not
written (its content stands once, in the first cell of the merge), a ``w:gridSpan`` cell is one
cell; paragraphs inside a cell are joined with nothing.  Deleted text (``w:del``) is dropped,
inserted text (``w:ins``) kept.  :func:`table_grid` gives the same table as a full rectangle.

The zip is checked before it is opened (entry count, total and per-entry expansion ratio) so a
zip bomb fails fast with :class:`InputTooLargeError`.

.doc files are converted with ``soffice --headless --convert-to docx`` when LibreOffice is on the
machine; otherwise :class:`UnsupportedFormatError` says so.
"""

from __future__ import annotations

import io
import logging
import os
import shutil
import subprocess
import tempfile
import zipfile
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from ..errors import FileFormatError, InputTooLargeError, UnsupportedFormatError
from ..report import Source

if TYPE_CHECKING:
    from . import Document

log = logging.getLogger(__name__)

__all__ = ["read_docx", "read_doc", "table_grid"]

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

#: Limits for the DOCX zip.  A real report's document.xml is < 5 MB; 200 MB uncompressed or a
#: 200:1 ratio on a large member is a zip bomb, not a report.
_MAX_ZIP_ENTRIES = 2000
_MAX_UNZIPPED_BYTES = 200 * 1024 * 1024
_MAX_RATIO = 200
_RATIO_MIN_SIZE = 1024 * 1024  # ratio only checked for members above 1 MB uncompressed

#: Seconds LibreOffice may take to convert one .doc (a first start takes ~10 s on 2 cores).
SOFFICE_TIMEOUT = 180


def _check_zip(data: bytes, name: str | None) -> None:
    try:
        z = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, NotImplementedError, ValueError, OSError, EOFError, RuntimeError) as exc:
        # zipfile raises NotImplementedError for unknown versions/compressions, ValueError/OSError/EOFError
        # for damaged directories, RuntimeError for encrypted members
        raise FileFormatError(f"{name or 'input'} is not a valid zip archive, so not a .docx ({type(exc).__name__}: {exc})") from exc
    with z:
        infos = z.infolist()
        if len(infos) > _MAX_ZIP_ENTRIES:
            raise InputTooLargeError(f"{name or 'input'}: {len(infos)} zip entries, more than a Word file has")
        total = sum(i.file_size for i in infos)
        if total > _MAX_UNZIPPED_BYTES:
            raise InputTooLargeError(
                f"{name or 'input'} unpacks to {total:,} bytes (limit {_MAX_UNZIPPED_BYTES:,}): refusing a possible zip bomb"
            )
        for i in infos:
            if i.file_size > _RATIO_MIN_SIZE and i.file_size > _MAX_RATIO * max(i.compress_size, 1):
                raise InputTooLargeError(f"{name or 'input'}: member {i.filename} expands {i.file_size // max(i.compress_size, 1)}:1")
        if "word/document.xml" not in z.namelist():
            raise FileFormatError(f"{name or 'input'} is a zip without word/document.xml: not a Word .docx")
        if "EncryptedPackage" in z.namelist():  # pragma: no cover - encrypted Office files are OLE, not zip
            from ..errors import EncryptedFileError

            raise EncryptedFileError(f"{name or 'input'} is password-protected")


def read_docx(data: bytes, *, name: str | None = None, fmt: str = "docx") -> Document:
    """A .docx (bytes) as a Document."""
    from . import Document
    from .text import no_report_finding

    _check_zip(data, name)
    try:
        import docx  # python-docx
    except ImportError as exc:  # pragma: no cover - a declared dependency
        from ..errors import DependencyError

        raise DependencyError("reading .docx needs python-docx: pip install python-docx") from exc
    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # python-docx raises KeyError/ValueError/PackageNotFoundError/XMLSyntaxError
        raise FileFormatError(f"{name or 'input'} is a damaged .docx: {type(exc).__name__}: {str(exc)[:120]}") from exc
    body = document.element.body
    blocks: list[str] = []
    for kind, el in _body_items(body):
        if kind == "p":
            t = _para_text(el, in_cell=False)
            if t.strip():
                blocks.append(t.strip())
        else:
            lines = _table_lines(el)
            if any(x.strip("\t") for x in lines):
                blocks.append("\n".join(lines))
    text = "\n\n".join(blocks) + ("\n" if blocks else "")
    findings = []
    f = no_report_finding(text, "document")
    if f is not None:
        findings.append(f)
    return Document(text=text, source=Source(path=name, format=fmt), findings=tuple(findings))


def _body_items(parent: Any) -> Iterator[tuple[str, Any]]:
    for el in parent.iterchildren():
        tag = el.tag
        if tag == W + "p":
            yield "p", el
        elif tag == W + "tbl":
            yield "tbl", el
        elif tag in (W + "sdt", W + "customXml", W + "sdtContent", W + "ins", W + "smartTag"):
            yield from _body_items(el if tag != W + "sdt" else (el.find(W + "sdtContent") if el.find(W + "sdtContent") is not None else el))


def _para_text(p: Any, *, in_cell: bool) -> str:
    out: list[str] = []
    for el in p.iter():
        tag = el.tag
        if not isinstance(tag, str):
            continue
        if tag in (W + "t", W + "delText", W + "instrText"):
            if tag == W + "t" and not _deleted(el, p):
                out.append(el.text or "")
        elif tag == W + "tab":
            if el.getparent() is not None and el.getparent().tag == W + "r":
                out.append(" " if in_cell else "\t")
        elif tag in (W + "br", W + "cr"):
            out.append("" if in_cell else "\n")
        elif tag == W + "noBreakHyphen":
            out.append("-")
    return "".join(out)


def _deleted(el: Any, stop: Any) -> bool:
    n = el.getparent()
    while n is not None and n is not stop:
        if n.tag in (W + "del", W + "moveFrom"):
            return True
        n = n.getparent()
    return False


def _tc_props(tc: Any) -> tuple[int, str | None]:
    """(gridSpan, vMerge) of a w:tc; vMerge is None, "restart" or "continue"."""
    span, merge = 1, None
    pr = tc.find(W + "tcPr")
    if pr is not None:
        gs = pr.find(W + "gridSpan")
        if gs is not None:
            try:
                span = max(1, int(gs.get(W + "val", "1")))
            except ValueError:
                span = 1
        vm = pr.find(W + "vMerge")
        if vm is not None:
            merge = "restart" if vm.get(W + "val") == "restart" else "continue"
    return span, merge


def _cell_text(tc: Any) -> str:
    parts = []
    for child in tc.iterchildren():
        if child.tag == W + "p":
            parts.append(_para_text(child, in_cell=True).strip())
        elif child.tag == W + "tbl":  # nested table: its text, flattened
            parts.extend(x.replace("\t", "") for x in _table_lines(child))
        elif child.tag == W + "sdt":
            parts.append("".join(t.text or "" for t in child.iter(W + "t")))
    return "".join(parts).strip()


def _children(el: Any, tag: str) -> list[Any]:
    """Child elements with ``tag``, looking through content controls (sdt) and customXml wrappers."""
    out = []
    for c in el.iterchildren():
        if c.tag == tag:
            out.append(c)
        elif c.tag in (W + "sdt", W + "customXml"):
            content = c.find(W + "sdtContent") if c.tag == W + "sdt" else c
            if content is not None:
                out.extend(x for x in content.iterchildren() if x.tag == tag)
    return out


def _rows(tbl: Any) -> list[Any]:
    return _children(tbl, W + "tr")


def _tcs(tr: Any) -> list[Any]:
    return _children(tr, W + "tc")


def _table_lines(tbl: Any) -> list[str]:
    lines = []
    for tr in _rows(tbl):
        cells = [_cell_text(tc) for tc in _tcs(tr) if _tc_props(tc)[1] != "continue"]
        if cells:
            lines.append("\t".join(cells))
    return lines


def table_grid(tbl: Any) -> list[list[str | None]]:
    """A w:tbl element as a rectangle: gridSpan and vMerge expanded, covered slots None."""
    out: list[list[str | None]] = []
    for tr in _rows(tbl):
        row: list[str | None] = []
        before = tr.find(f"{W}trPr/{W}gridBefore")
        if before is not None:
            row.extend([None] * int(before.get(W + "val", "0") or 0))
        for tc in _tcs(tr):
            span, merge = _tc_props(tc)
            row.append(None if merge == "continue" else _cell_text(tc))
            row.extend([None] * (span - 1))
        out.append(row)
    width = max((len(r) for r in out), default=0)
    return [r + [None] * (width - len(r)) for r in out]


def soffice_path() -> str | None:
    """The LibreOffice binary, if installed (``soffice`` or ``libreoffice`` on PATH)."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def read_doc(data: bytes, *, name: str | None = None) -> Document:
    """An old binary Word .doc: converted to .docx by LibreOffice, then read as .docx."""
    exe = soffice_path()
    if exe is None:
        raise UnsupportedFormatError(
            f"{name or 'input'} is an old binary Word .doc; reading it needs LibreOffice (soffice), "
            "which is not installed on this machine — install LibreOffice or save the file as .docx"
        )
    with tempfile.TemporaryDirectory(prefix="govdisclosure-doc-") as tmp:
        src = os.path.join(tmp, "in.doc")
        with open(src, "wb") as fh:
            fh.write(data)
        # A private profile dir: a user's running LibreOffice would otherwise swallow the job.
        profile = "file://" + os.path.join(tmp, "profile")
        cmd = [exe, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "docx", "--outdir", tmp, src]
        try:
            proc = subprocess.run(cmd, capture_output=True, timeout=SOFFICE_TIMEOUT, check=False)
        except subprocess.TimeoutExpired as exc:
            raise FileFormatError(f"LibreOffice did not convert {name or 'the .doc'} within {SOFFICE_TIMEOUT} s") from exc
        out = os.path.join(tmp, "in.docx")
        if proc.returncode != 0 or not os.path.exists(out):
            raise FileFormatError(
                f"LibreOffice could not convert {name or 'the .doc'} to .docx "
                f"(exit {proc.returncode}: {proc.stderr.decode('utf-8', 'replace')[:120]!r}); the file may be damaged"
            )
        with open(out, "rb") as fh:
            converted = fh.read()
    return read_docx(converted, name=name, fmt="doc")
