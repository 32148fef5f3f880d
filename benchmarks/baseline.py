"""A naive positional baseline: numbers poured into the template in reading order.

This is what simple parsers do (style.md, anti-pattern 1: govnianbao's ``tables_parser.py``): find
the part 二 / 三 / 四 headings, take every number token of each part in order and assign them to the
edition's keys in schema order.  One stray or missing number shifts every later cell, and nothing
says so: every value it gives has status ``ok``.  ``benchmarks/run.py`` scores it beside
govdisclosure so that the gain is visible.

It is given the edition (from the gold record), and year and organ too, so that its scores measure
the tables only.  To be a fair baseline rather than a straw man it does the two obvious clean-ups a
simple parser would: NFKC (full-width digits) and skipping row ordinals such as ``1.`` / ``2、``
and years (``2021年``).

>>> rep = parse("二、主动公开政府信息情况 规章 5 6 三、收到和处理政府信息公开申请情况 1.属于国家秘密 7", edition="2021")
>>> rep.fields["active.regulations.issued"].value, rep.fields["active.regulations.repealed"].value
(5, 6)
>>> rep.fields["applications.new_received.natural_person"].value
7
"""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from collections.abc import Mapping

__all__ = ["BaselineField", "BaselineReport", "parse", "part_spans"]

# Part headings, numeral + a fixed wording (format.md §2); the first occurrence at a line start wins,
# else the first anywhere (crawler dumps put the whole report on one line).
_HEADINGS = {
    "active": r"二\s*[、.．]?\s*主动公开政府信息情况",
    "applications": r"三\s*[、.．]?\s*收到和处理政府信息公开申请情况",
    "review": r"四\s*[、.．]?\s*(?:因)?政府信息公开(?:工作)?(?:被申请)?行政(?:法)?复议",
    "end": r"(?:五\s*[、.．]?\s*)?(?:政府信息公开工作)?存在的?主要问题|五\s*[、.．]\s*存在",
}
# A number token: digits with an optional decimal part, optionally signed (本年增/减 may be negative).
_NUMBER = re.compile(r"(?<![\d.])-?\d+(?:\.\d+)?")
# A row ordinal ("1.属于国家秘密", "2、申请人…") or a year ("2021年"): not a cell value.
_NOT_A_CELL = re.compile(r"\s*(?:[.、．](?!\d)|年)")


@dataclasses.dataclass(frozen=True, slots=True)
class BaselineField:
    key: str
    value: int | float | None
    status: str  # "ok" for every poured value (the baseline never doubts), "missing" when numbers ran out


@dataclasses.dataclass(frozen=True, slots=True)
class BaselineReport:
    edition: str | None
    year: int | None
    organ: str | None
    fields: Mapping[str, BaselineField]
    findings: tuple[str, ...] = ()


def _find(pattern: str, text: str, start: int = 0) -> int | None:
    rx = re.compile(pattern)
    at_line_start = [m.start() for m in rx.finditer(text, start) if m.start() == 0 or text[m.start() - 1] in "\n\t #"]
    if at_line_start:
        return at_line_start[0]
    m = rx.search(text, start)
    return m.start() if m else None


def part_spans(text: str) -> dict[str, tuple[int, int]]:
    """Where parts 二, 三 and 四 are: (start, end) per part found, each ending where the next begins."""
    starts: dict[str, int] = {}
    pos = 0
    for name in ("active", "applications", "review", "end"):
        at = _find(_HEADINGS[name], text, pos)
        if at is not None:
            starts[name] = at
            pos = at + 1
    order = [n for n in ("active", "applications", "review", "end") if n in starts]
    spans: dict[str, tuple[int, int]] = {}
    for i, name in enumerate(order):
        if name == "end":
            continue
        end = starts[order[i + 1]] if i + 1 < len(order) else len(text)
        spans[name] = (starts[name], end)
    return spans


def _numbers(text: str) -> list[int | float]:
    out: list[int | float] = []
    for m in _NUMBER.finditer(text):
        if _NOT_A_CELL.match(text, m.end()):
            continue
        tok = m.group()
        out.append(float(tok) if "." in tok else int(tok))
    return out


def _keys(edition: str) -> tuple[str, ...]:
    from govdisclosure import schema  # light: the schema module reads one TOML file

    return schema.keys(edition)


def parse(text: str, *, edition: str | None, year: int | None = None, organ: str | None = None) -> BaselineReport:
    """Pour the numbers of parts 二, 三, 四 into the edition's keys in order."""
    if edition not in ("2019", "2021"):
        return BaselineReport(edition, year, organ, {})
    text = unicodedata.normalize("NFKC", text)
    keys = _keys(edition)
    spans = part_spans(text)
    fields: dict[str, BaselineField] = {}
    groups = {
        "active": [k for k in keys if k.startswith("active.")],
        "applications": [k for k in keys if k.startswith("applications.")],
        "review": [k for k in keys if not k.startswith(("active.", "applications."))],
    }
    findings: list[str] = []
    if not spans:
        findings.append("no part headings found")
    # a part whose heading was not found takes no numbers: its keys stay missing
    for part, part_keys in groups.items():
        nums = _numbers(text[slice(*spans[part])]) if part in spans else []
        for i, key in enumerate(part_keys):
            if i < len(nums):
                fields[key] = BaselineField(key, nums[i], "ok")
            else:
                fields[key] = BaselineField(key, None, "missing")
    return BaselineReport(edition, year, organ, fields, tuple(findings))
