"""Reading one cell's text as a value (schema.md, "Values").

>>> read_cell("0 ")
(0, 'ok', None)
>>> read_cell("1,234")
(1234, 'ok', None)
>>> read_cell("251000元", money=True)
(251000.0, 'ok', '元')
>>> read_cell("／")
(None, 'not_applicable', None)
>>> read_cell("")
(None, 'blank', None)
>>> read_cell("十二")
(12, 'ok', None)
>>> read_cell("+4", signed=True)
(4, 'ok', None)
"""

from __future__ import annotations

import functools
import unicodedata

import regex

from . import schema

__all__ = ["read_cell", "NUMBER_RE", "is_mark", "chinese_numeral"]

#: a printed number: sign, thousands separators, decimals, and a unit printed in the cell
NUMBER_RE = regex.compile(
    r"(?P<sign>[+\-])?(?P<int>[1-9][0-9]{0,2}(?:,[0-9]{3})+|[0-9]+)(?:\.(?P<frac>[0-9]+))?(?P<unit>万元|人次|件|条|个|项|次|元)?"
)
# the longest number a cell plausibly holds (money in 万元 included); longer runs are glued cells
MAX_DIGITS = 15
_CN_DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_CN_UNITS = {"十": 10, "百": 100, "千": 1000, "万": 10000}
_CN_RE = regex.compile(r"[〇零一二两三四五六七八九十百千万]+")


@functools.cache
def _marks() -> frozenset[str]:
    return frozenset(schema.load().markers["not_applicable"])


@functools.cache
def _fillers() -> frozenset[str]:
    return frozenset(schema.load().markers["filler"])


def is_filler(s: str) -> bool:
    """A filler in a value cell (``详见附表``, ``*``): it holds the cell's place but gives no count."""
    return s.strip() in _fillers()


def is_mark(s: str) -> bool:
    """A not-applicable mark (``/``, ``—``, ``无`` …) standing alone; markdown's escape of it too
    (pandoc writes a cell's ``-`` as ``\\-``)."""
    s = s.strip()
    return s in _marks() or (s[:1] == "\\" and s[1:] in _marks())


#: Characters of the longest Chinese numeral read.  A cell never holds more (一千二百三十四万五千六百七十八
#: is 16); a run of 100 000 numeral characters made chinese_numeral quadratic (big-int arithmetic:
#: 1.9 s for a 150 KB line).
MAX_CN_CHARS = 16


def chinese_numeral(s: str) -> int | None:
    """〇一二… and 十百千万 numerals: ``十二`` → 12, ``二〇`` → 20, ``一百零五`` → 105."""
    if len(s) > MAX_CN_CHARS or not _CN_RE.fullmatch(s):
        return None
    if all(c in _CN_DIGITS for c in s):  # digit by digit: 二〇二一
        n = 0
        for c in s:
            n = n * 10 + _CN_DIGITS[c]
        return n
    total, section, digit = 0, 0, 0
    for c in s:
        if c in _CN_DIGITS:
            digit = _CN_DIGITS[c]
        else:
            unit = _CN_UNITS[c]
            if unit == 10000:
                total += (section + digit) * unit
                section = 0
            else:
                section += (digit or 1) * unit
            digit = 0
    return total + section + digit


def number(m: regex.Match[str], *, money: bool = False) -> int | float:
    """The value of a NUMBER_RE match: int for counts, float when money or decimals are printed."""
    digits = m.group("int").replace(",", "")
    frac = m.group("frac")
    neg = m.group("sign") == "-"
    if money or frac:
        v: int | float = float(f"{digits}.{frac}" if frac else digits)
    else:
        v = int(digits)
    return -v if neg else v


def read_cell(raw: str, *, money: bool = False, signed: bool = False) -> tuple[int | float | None, str, str | None]:
    """(value, status, unit) of one cell's (normalised) text.  Status is ok, blank or not_applicable;
    text that is no number gives (None, "doubtful", None)."""
    if raw.isascii() and raw.isdigit() and len(raw) <= MAX_DIGITS:  # the common case
        return (float(raw) if money else int(raw)), "ok", None
    s = unicodedata.normalize("NFKC", raw).strip().replace(" ", "")
    if not s:
        return None, "blank", None
    if is_mark(s):
        return None, "not_applicable", None
    m = NUMBER_RE.fullmatch(s)
    if m:
        if len(m.group("int")) > MAX_DIGITS + MAX_DIGITS // 3:
            return None, "doubtful", None  # no cell holds a number this long: digits run together
        return number(m, money=money), "ok", m.group("unit")
    cn = chinese_numeral(s.rstrip("件条个项次"))
    if cn is not None:
        return (float(cn) if money else cn), "ok", None
    return None, "doubtful", None
