"""Text files and byte decoding: BOM, UTF-8, UTF-16, GB18030/GBK (and Big5), never mojibake.

:func:`decode` is shared with the HTML reader.  The order:

1. a byte-order mark decides (UTF-8, UTF-16 LE/BE, UTF-32);
2. UTF-16 without a BOM is recognised by its NUL bytes;
3. a charset the file declares (HTML ``<meta charset>``) is tried next — GB2312 and GBK are read
   as their superset GB18030, since pages that say gb2312 routinely contain GBK characters;
4. strict UTF-8 (valid UTF-8 that is not ASCII is practically never anything else);
5. strict GB18030, then charset-normalizer's best guess (Big5, …).

Every candidate must decode *strictly* and look like Chinese text (:func:`plausible`): most CJK
characters in a real report are among the 3,755 common ones (GB2312 level 1), while text decoded
with the wrong codec scatters over rare ones.  When nothing passes, :class:`DecodeError` is raised
instead of handing mojibake to the parser.

>>> decode("政府信息公开工作年度报告".encode("gbk"))
('政府信息公开工作年度报告', 'gb18030', True)
>>> decode("\\ufeff年度报告".encode("utf-8"))
('年度报告', 'utf-8-sig', False)
"""

from __future__ import annotations

import codecs
import logging
import re
from typing import TYPE_CHECKING

from ..errors import DecodeError
from ..report import Finding, Source

if TYPE_CHECKING:
    from . import Document

log = logging.getLogger(__name__)

__all__ = ["decode", "plausible", "read_text", "no_report_finding", "unmojibake"]

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

#: Declared charsets read as a superset: real pages labelled gb2312/gbk use GBK/GB18030 characters.
_SUPERSETS = {"gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "cp936": "gb18030",
              "euc-cn": "gb18030", "hz-gb-2312": "hz", "big5": "big5hkscs", "iso-8859-1": "cp1252",
              "latin-1": "cp1252", "ascii": "utf-8", "us-ascii": "utf-8"}

#: Share of NUL bytes above which BOM-less bytes are taken for UTF-16: Chinese UTF-16 text has
#: NULs only in its ASCII characters (~10-50%); other text encodings have none.
_UTF16_NUL_SHARE = 0.05

#: Minimum share of CJK ideographs that are GB2312 level-1 (common) characters.  Real report text
#: scores > 0.9; UTF-8 bytes read as GBK, or Big5 read as GBK, score 0.2-0.5.
_COMMON_CJK_SHARE = 0.7

#: Below this many ideographs the common-character test says nothing; such text must be ASCII-like.
_MIN_CJK_FOR_TEST = 8

#: Share of control/private-use characters above which a decoding is taken for binary garbage.
_MAX_CONTROL_SHARE = 0.01


def _is_common_cjk(ch: str) -> bool:
    try:
        b = ch.encode("gb2312")
    except UnicodeEncodeError:
        return False
    return len(b) == 2 and 0xB0 <= b[0] <= 0xD7


def plausible(text: str) -> bool:
    """Does this decoded text look like real (Chinese or ASCII) text rather than mojibake?

    >>> plausible("本年度新收政府信息公开申请3件")
    True
    >>> plausible("本年度新收政府信息公开申请三件，均已按期答复。".encode("utf-8").decode("gb18030", "replace"))
    False
    """
    if not text:
        return True
    bad = sum(1 for c in text if (ord(c) < 32 and c not in "\t\n\r\f\v") or 0xE000 <= ord(c) <= 0xF8FF or c == "\ufffd")
    if bad > max(1, _MAX_CONTROL_SHARE * len(text)):
        return False
    cjk = [c for c in text if "\u4e00" <= c <= "\u9fff"]
    if len(cjk) >= _MIN_CJK_FOR_TEST:
        common = sum(1 for c in cjk if _is_common_cjk(c))
        # Traditional-script text (Big5 files) has few GB2312 level-1 characters; accept it when
        # its characters are at least GB2312/Big5-encodable common ones.
        if common / len(cjk) >= _COMMON_CJK_SHARE:
            return True
        return _big5_common_share(cjk) >= _COMMON_CJK_SHARE
    other = [c for c in text if ord(c) > 127 and not c.isspace()]
    # Little CJK: the non-ASCII rest must be typical punctuation/full-width forms, not Latin-1 soup.
    if not other:
        return True
    typical = sum(1 for c in other if "\u3000" <= c <= "\u303f" or "\uff00" <= c <= "\uffef" or "\u4e00" <= c <= "\u9fff"
                  or "\u2010" <= c <= "\u2027")
    return typical / len(other) >= 0.5


#: single-byte code pages that GBK bytes are wrongly read with: Windows Western and Central European
#: (a converter's charset guess for a GB2312 page; ``open(path, encoding="latin-1")``)
MOJIBAKE_CODECS = ("cp1252", "cp1250", "latin-1")
_MOJIBAKE_SAMPLE = 2000
_MOJIBAKE_MIN_LATIN = 40  # characters of U+0080–U+02FF in the sample, at least
_LATIN = re.compile("[\x80-\u02ff]")
_IDEOGRAPH = re.compile("[\u4e00-\u9fff]")


def unmojibake(text: str) -> tuple[str, str] | None:
    """GBK/GB18030 bytes shown through a single-byte code page ("á°¸ŢĎŘłÇąŘ…" for "岚皋县城关…"):
    the text decoded right and the code page it had been read with; None for any other text.  The
    repair must decode strictly and be :func:`plausible` Chinese.

    >>> unmojibake("政府信息公开工作年度报告".encode("gbk").decode("cp1250"))
    ('政府信息公开工作年度报告', 'cp1250')
    >>> unmojibake("政府信息公开工作年度报告") is None
    True
    """
    sample = text[:_MOJIBAKE_SAMPLE]
    latin = len(_LATIN.findall(sample))  # a regex pass: this runs on every parse()
    if latin < min(_MOJIBAKE_MIN_LATIN, len(sample) // 4) or latin < len(_IDEOGRAPH.findall(sample)):
        return None
    for codec in MOJIBAKE_CODECS:
        try:
            fixed = _sloppy_encode(text, codec).decode("gb18030")
        except (UnicodeEncodeError, UnicodeDecodeError):
            continue
        cjk = sum(1 for c in fixed[:_MOJIBAKE_SAMPLE] if "\u4e00" <= c <= "\u9fff")
        if cjk >= _MIN_CJK_FOR_TEST and plausible(fixed):
            return fixed, codec
    return None


def _sloppy_encode(text: str, codec: str) -> bytes:
    """``text.encode(codec)``, the bytes a Windows code page leaves undefined (0x81, 0x90, …) taken as
    the C1 characters a converter shows them as (what browsers call sloppy decoding)."""
    try:
        return text.encode(codec)
    except UnicodeEncodeError:
        return b"".join(c.encode(codec) if not "\x80" <= c <= "\x9f" else c.encode("latin-1") for c in text)


def _big5_common_share(cjk: list[str]) -> float:
    # Big5 level-1 (frequently used) ideographs: lead byte 0xA4-0xC6.
    n = 0
    for c in cjk:
        try:
            b = c.encode("big5")
        except UnicodeEncodeError:
            continue
        n += 0xA4 <= b[0] <= 0xC6
    return n / len(cjk)


def _try(data: bytes, enc: str) -> str | None:
    try:
        text = data.decode(enc)
    except (UnicodeDecodeError, LookupError):
        return None
    return text if plausible(text) else None


def decode(data: bytes, declared: str | None = None) -> tuple[str, str, bool]:
    """Decode report bytes: returns (text, encoding, guessed).

    ``guessed`` is False when a BOM or the declared charset decided, or for valid UTF-8.  Raises
    :class:`DecodeError` when no encoding gives plausible text.
    """
    for bom, enc in _BOMS:
        if data.startswith(bom):
            codec = enc if enc == "utf-8-sig" else enc
            try:
                text = data.decode(codec)
            except UnicodeDecodeError as exc:
                raise DecodeError(
                    f"the file starts with a {enc} byte-order mark but is not valid {enc} "
                    f"(byte {exc.start}); it is damaged or mislabelled — re-save it as UTF-8"
                ) from exc
            return text.lstrip("\ufeff"), enc, False
    if len(data) >= 4 and data.count(b"\x00") >= _UTF16_NUL_SHARE * len(data):
        even = data[0::2].count(b"\x00")
        odd = data[1::2].count(b"\x00")
        enc = "utf-16-le" if odd >= even else "utf-16-be"
        got = _try(data, enc)
        if got is not None:
            return got, enc, True
        raise DecodeError(
            "the bytes contain NUL characters but are not UTF-16 text: this looks like a binary file, "
            "not a text report (for PDF/DOCX pass the file with its extension)"
        )
    if declared:
        enc = _SUPERSETS.get(declared.strip().lower(), declared.strip().lower())
        got = _try(data, enc)
        if got is not None:
            return got, enc, False
        log.debug("declared charset %r does not decode this file; detecting", declared)
    try:
        return data.decode("utf-8"), "utf-8", False
    except UnicodeDecodeError:
        pass
    got = _try(data, "gb18030")
    if got is not None:
        return got, "gb18030", True
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is not None and best.encoding:
        enc = best.encoding
        got = _try(data, enc)
        if got is not None:
            return got, enc, True
    raise DecodeError(
        "cannot decode these bytes with confidence: they are not valid UTF-8, UTF-16 or "
        f"GB18030/GBK Chinese text{f' (best guess {best.encoding!r} gives implausible text)' if best else ''}; "
        "convert the file to UTF-8 or check that it is really a text report"
    )


def no_report_finding(text: str, what: str) -> Finding | None:
    """A finding when decoded text holds nothing like an annual report (so a user sees why).

    >>> no_report_finding("hello", "page").code
    'no_report_found'
    >>> no_report_finding("2021年政府信息公开工作年度报告", "page") is None
    True
    """
    if "政府信息公开" in text or "年度报告" in text or "政务公开" in text:
        return None
    return Finding(
        "no_report_found",
        "error",
        f"the {what} holds no government information-disclosure annual report text "
        "(no 政府信息公开 / 年度报告 anywhere); check that this is the right file",
    )


def read_text(data: bytes, *, name: str | None = None) -> Document:
    """A text file in any of the supported encodings, as a Document."""
    from . import Document

    text, enc, guessed = decode(data)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    findings: list[Finding] = []
    if guessed:
        findings.append(Finding("encoding_guessed", "info", f"the text encoding was detected as {enc}, not declared"))
    f = no_report_finding(text, "file")
    if f is not None:
        findings.append(f)
    return Document(text=text, source=Source(path=name, format="text", encoding=enc), findings=tuple(findings))
