"""Render synthetic 政府信息公开工作年度报告 texts for property tests and benchmarks.

A report is rendered from a flat ``values`` mapping (canonical key -> printed value) in one of the
text layouts real reports arrive in (format.md §6):

``tabs``     one table row per line, cells joined by tabs (Word/WPS copies, seed 001)
``cells``    one cell per line with a leading tab, a blank line ends the row, labels wrapped inside
             cells (seeds 000, 003, 004)
``spaces``   PDF text: label then numbers separated by spaces, long labels wrapped with their numbers
             on a line of their own, header words split into characters (seed 002)
``aligned``  ``pdftotext -layout``: columns padded with spaces, CJK counted two columns wide
``pipes``    markdown rows ``| 规章 | 0 | 0 | 0 |`` with ``|---|`` separator rows (LLM/Docling output)

Values: an ``int``/``float`` prints as a number (in the :class:`Style`'s digits, separators and
padding); ``None`` prints as an empty cell; a string prints as itself (``"/"``, ``"—"``, ``"无"``:
not-applicable marks).  In ``spaces`` an empty cell leaves no trace, and in ``aligned`` only blank
columns do: use blank-free tables there unless that loss is what is being tested (issue 3).

Which part 三 （六） form is printed follows the keys: if ``values`` has
``applications.other_processing.total.*`` the single row is printed, else the three numbered sub-rows.

>>> import random
>>> vals = consistent_values("2021", RandomDraw(random.Random(1)))
>>> text = render(vals, "2021", "tabs", rng=random.Random(1))
>>> "第二十条第（一）项" in text and "（七）总计" in text
True
>>> expected_status(None), expected_status("/"), expected_status(3)
('blank', 'not_applicable', 'ok')

Only test code imports this module (tests put ``tests/`` on ``sys.path``; benchmarks can do the same).
"""

from __future__ import annotations

import dataclasses
import random
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Protocol

from govdisclosure import schema

__all__ = [
    "LAYOUTS",
    "BLANK_LAYOUTS",
    "NA_MARKS",
    "Style",
    "render",
    "consistent_values",
    "rendered_keys",
    "zeros",
    "relations",
    "broken_relations",
    "expected_status",
    "expected_value",
    "RandomDraw",
    "Draw",
]

LAYOUTS = ("tabs", "cells", "spaces", "aligned", "pipes")
#: layouts in which an empty cell leaves a trace (a separator), so blanks are recoverable as such
BLANK_LAYOUTS = ("tabs", "cells", "pipes")
#: not-applicable marks we print (schema.md: value None, status not_applicable)
NA_MARKS = ("/", "—", "无")

NOTE = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
RESULTS_GROUP = "三、本年度办理结果"
FULLWIDTH_DIGITS = str.maketrans("0123456789", "０１２３４５６７８９")

Value = int | float | str | None


# --------------------------------------------------------------------------------------------
# Styles
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Style:
    """How numbers and labels are written; everything else random comes from ``rng``."""

    digits: str = "ascii"  # "ascii" | "fullwidth" (１２３)
    thousands: str = ""  # "" | "," | "，": separator for numbers >= 1000
    trailing: str = ""  # "" | " " | "\u00a0": padding after some numbers (seed 000 writes "0\u00a0")
    plus: bool = False  # write a positive 本年增/减 as "+3"
    ascii_labels: bool = False  # "(二) 部分公开 (区分处理的, …)" as in seed 001
    wrap: int = 0  # wrap long labels at about this many characters (0: never)
    merged: str = "empty"  # tabs/pipes: horizontally merged label cells "empty" (kept) or "vanish"
    double_spaced: bool = False  # spaces: a blank line after every line (seed 002)
    group_prefix: bool = False  # spaces/aligned: （三）不予公开 printed before its first sub-row's label
    two_line_title: bool = False  # title broken before 年度报告 (seeds 003, 004)

    @classmethod
    def draw(cls, rng: random.Random, layout: str) -> Style:
        """A random style suited to ``layout``."""
        return cls(
            digits=rng.choice(("ascii", "ascii", "fullwidth")),
            thousands=rng.choice(("", ",", "，")),
            trailing=rng.choice(("", "", " ", "\u00a0")),
            plus=rng.random() < 0.3,
            ascii_labels=rng.random() < 0.3,
            wrap=rng.choice((0, 0, 8, 10, 12, 14)),
            merged=rng.choice(("empty", "vanish")),
            double_spaced=rng.random() < 0.5,
            group_prefix=rng.random() < 0.3,
            two_line_title=rng.random() < 0.3,
        )


def fmt_number(v: int | float, style: Style, *, money: bool = False, signed: bool = False) -> str:
    """A number as a report prints it in ``style`` (no trailing padding)."""
    neg = v < 0
    a = abs(v)
    if money or isinstance(a, float):
        s = f"{float(a):.2f}".rstrip("0").rstrip(".")
        whole, _, frac = s.partition(".")
    else:
        whole, frac = str(int(a)), ""
    if style.thousands and len(whole) > 3:
        groups = []
        while len(whole) > 3:
            groups.insert(0, whole[-3:])
            whole = whole[:-3]
        whole = style.thousands.join([whole, *groups])
    s = whole + ("." + frac if frac else "")
    if style.digits == "fullwidth":
        s = s.translate(FULLWIDTH_DIGITS)
    if neg:
        s = "-" + s
    elif signed and style.plus and v > 0:
        s = "+" + s
    return s


def expected_status(v: Value) -> str:
    """The status a printed value must come back with."""
    if v is None:
        return "blank"
    if isinstance(v, str):
        return "not_applicable"
    return "ok"


def expected_value(v: Value) -> int | float | None:
    return None if v is None or isinstance(v, str) else v


# --------------------------------------------------------------------------------------------
# The template, from govdisclosure/data/fields.toml, in the wording reports print
# --------------------------------------------------------------------------------------------


def display(label: str, *, ascii_labels: bool = False) -> str:
    """A fields.toml label (key-normalised: ASCII brackets, '.' for 、) as the template prints it."""
    s = label
    if "三安全一稳定" in s and "“" not in s:
        s = s.replace("三安全一稳定", "“三安全一稳定”")
    s = s.replace(".行政机关", "、行政机关")
    if ascii_labels:
        # seed 001: "(二) 部分公开 (区分处理的, 只计这一情形, 不计其他情形)", "(七) 总计"
        s = s.replace(")", ") ").replace(",", ", ").replace("(区分", " (区分").replace(":", "：")
        s = s.replace("  ", " ").rstrip()
        return s
    return s.replace("(", "（").replace(")", "）").replace(",", "，").replace(":", "：")


@dataclass
class _Cell:
    key: str
    text: str


@dataclass
class _ActiveBlock:
    caption: str
    columns: list[str]
    rows: list[tuple[str, list[_Cell]]]


@dataclass
class _AppRow:
    g1: str | None  # 三、本年度办理结果 on the first row under it
    g2: str | None  # （三）不予公开 etc. on the first sub-row under it
    in_g1: bool  # row sits under 三、本年度办理结果 (a vertical merge on its left)
    in_g2: bool
    label: str
    cells: list[_Cell]


@dataclass
class _Tables:
    active: list[_ActiveBlock] = field(default_factory=list)
    app_rows: list[_AppRow] = field(default_factory=list)
    app_columns: list[str] = field(default_factory=list)
    review: list[_Cell] = field(default_factory=list)


def single_other_row(values: Mapping[str, Value]) -> bool:
    return any(k.startswith("applications.other_processing.total.") for k in values)


def rendered_keys(edition: str, single_row: bool) -> list[str]:
    """The keys whose cells a rendering prints: every key of the edition but the other （六） form."""
    out = []
    for k in schema.keys(edition):
        if k.startswith("applications.other_processing."):
            is_total = k.startswith("applications.other_processing.total.")
            if is_total != single_row:
                continue
        out.append(k)
    return out


def _app_row_labels(edition: str, single_row: bool) -> list[schema.Label]:
    rows = []
    for r in schema.load().app_rows_for(edition):
        if r.key.startswith("other_processing."):
            if (r.key == "other_processing.total") != single_row:
                continue
        rows.append(r)
    return rows


def _cell_text(
    key: str, v: Value, style: Style, rng: random.Random, *, money: bool, signed: bool, pad: bool = True
) -> str:
    if v is None:
        return ""
    if isinstance(v, str):
        return v
    s = fmt_number(v, style, money=money, signed=signed)
    if pad and style.trailing and rng.random() < 0.4:
        s += style.trailing
    return s


def _glue(cells: list[_Cell], glue: frozenset[str]) -> list[_Cell]:
    """Print each cell in ``glue`` and the cell after it as one token (issue 3: fused digits)."""
    out = [_Cell(c.key, c.text) for c in cells]
    for i in range(len(out) - 1):
        if out[i].key in glue and out[i].text and out[i + 1].text:
            out[i].text = out[i].text.strip() + out[i + 1].text.strip()
            out[i + 1].text = ""
    return out


def _tables(
    values: Mapping[str, Value], edition: str, style: Style, rng: random.Random, pad: bool, glue: frozenset[str]
) -> _Tables:
    s = schema.load()
    t = _Tables()

    def get(k: str) -> Value:
        try:
            return values[k]
        except KeyError:
            raise KeyError(f"render(): no value for {k!r}; give every key of rendered_keys()") from None

    for block in s.active:
        if edition not in block.editions:
            continue
        cols = block.columns_for(edition)
        col_labels = []
        for c in cols:
            lab = c.label
            if edition == "2019" and c.key == "decisions":
                lab = "处理决定数量"
            col_labels.append(display(lab))
        rows = []
        for r in block.rows_for(edition):
            lab = r.label
            if edition == "2019" and r.key == "normative_documents":
                lab = "规范性文件"  # the 2019 template's wording (seed 003)
            cells = []
            for c in cols:
                k = f"active.{r.key}.{c.key}"
                cells.append(_Cell(k, _cell_text(k, get(k), style, rng, money=c.money, signed=c.signed, pad=pad)))
            rows.append((display(lab), _glue(cells, glue)))
        t.active.append(_ActiveBlock(display(block.caption), col_labels, rows))

    single = single_other_row(values)
    seen_g2: set[str] = set()
    first_g1 = True
    for r in _app_row_labels(edition, single):
        in_g1 = r.processed or r.key == "total_processed"
        g1 = None
        if in_g1 and first_g1:
            g1, first_g1 = RESULTS_GROUP, False
        g2 = None
        if r.group and r.group not in seen_g2:
            seen_g2.add(r.group)
            g2 = display(r.group, ascii_labels=style.ascii_labels)
        cells = []
        for c in s.app_columns:
            k = f"applications.{r.key}.{c.key}"
            cells.append(_Cell(k, _cell_text(k, get(k), style, rng, money=False, signed=False, pad=pad)))
        t.app_rows.append(
            _AppRow(g1, g2, in_g1, r.group is not None, display(r.label, ascii_labels=style.ascii_labels), _glue(cells, glue))
        )
    t.app_columns = [c.label for c in s.app_columns]
    for g in s.review_groups:
        for c in s.review_columns:
            k = f"{g.key}.{c.key}"
            t.review.append(_Cell(k, _cell_text(k, get(k), style, rng, money=False, signed=False, pad=pad)))
    t.review = _glue(t.review, glue)
    return t


# --------------------------------------------------------------------------------------------
# Narrative
# --------------------------------------------------------------------------------------------

PLACES = (
    ("岚皋县", "官元镇"),
    ("安丘市", "官庄镇"),
    ("富阳区", "上官乡"),
    ("某某县", "某某镇"),
    ("平潭县", "苏澳镇"),
    ("淮安区", "车桥镇"),
)


def _narrative(edition: str, year: int, place: tuple[str, str], rng: random.Random) -> dict[str, list[str]]:
    county, town = place
    n_items = rng.randint(10, 900)
    return {
        "一": [
            f"{year}年，{town}认真贯彻落实《中华人民共和国政府信息公开条例》，按照上级有关政府信息公开工作的部署要求，"
            "进一步规范公开流程，不断提高政府信息公开水平。",
            "（一）主动公开情况",
            f"依托政府网站、政务新媒体等平台主动公开政府信息{n_items}条。",
            "（二）依申请公开情况",
            "进一步规范依申请公开办理流程，严格落实申请接收、登记、审核、办理、答复、归档等工作制度。",
            "（三）政府信息管理情况",
            "健全信息发布审核机制，落实公开前保密审查规定。",
        ],
        "五": [
            "一是主动公开的深度和广度有待进一步拓展；二是业务培训有待进一步加强。",
            "下一步，我们将继续严格按照政务公开要求，规范信息公开各项工作。",
        ],
        "六": [rng.choice(("无。", f"{year}年本单位未收取信息处理费。", "无其他需要报告的事项。"))],
    }


HEADINGS = {
    "一": "一、总体情况",
    "二": "二、主动公开政府信息情况",
    "三": "三、收到和处理政府信息公开申请情况",
    "四": "四、政府信息公开行政复议、行政诉讼情况",
    "五": "五、存在的主要问题及改进情况",
    "六": "六、其他需要报告的事项",
}


# --------------------------------------------------------------------------------------------
# Layouts
# --------------------------------------------------------------------------------------------


def _width(s: str) -> int:
    """Display width: East Asian wide/full-width characters take two columns."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)


def _chunks(label: str, width: int, rng: random.Random) -> list[str]:
    """``label`` cut into lines of about ``width`` characters (never leaving a chunk of only digits)."""
    if width <= 0 or len(label) <= width + 1:
        return [label]
    out, rest = [], label
    while len(rest) > width + 1:
        w = max(4, width + rng.randint(-2, 1))
        out.append(rest[:w])
        rest = rest[w:]
    out.append(rest)
    return out


def _header_word_split(word: str, rng: random.Random) -> list[str]:
    """A column header as pdftotext breaks it in a narrow cell: per character or in two halves."""
    if len(word) <= 2:
        return [word]
    mode = rng.choice(("chars", "halves", "whole"))
    if mode == "chars":
        return list(word)
    if mode == "halves":
        h = len(word) // 2
        return [word[:h], word[h:]]
    return [word]


class _Out:
    """Lines of text, with the blank-line habits of a layout."""

    def __init__(self, double: bool) -> None:
        self.lines: list[str] = []
        self.double = double

    def add(self, line: str) -> None:
        self.lines.append(line)
        if self.double:
            self.lines.append("")

    def blank(self) -> None:
        self.lines.append("")

    def para(self, text: str, width: int) -> None:
        if width <= 0:
            self.add(text)
            return
        for i in range(0, len(text), width):
            self.add(text[i : i + width])


# ---- tabs / pipes: a grid of cells -----------------------------------------------------------


def _app_label_cells(r: _AppRow, merged: str) -> list[str]:
    """The three label columns of a part 三 row: [三、…, （三）…, leaf]; merges empty or vanished."""
    if not r.in_g1:  # 一、 二、 四、 span all three label columns
        return [r.label, "", ""] if merged == "empty" else [r.label]
    if not r.in_g2:  # （一）（二）（六）single （七）: span columns 2-3
        return [r.g1 or "", r.label, ""] if merged == "empty" else [r.g1 or "", r.label]
    return [r.g1 or "", r.g2 or "", r.label]


def _grids(t: _Tables, style: Style) -> tuple[list[list[str]], list[list[str]], list[list[str]], int, int, int]:
    """Part 二, 三, 四 as grids of cell texts, and the number of header rows of each."""
    width2 = 1 + max(len(b.columns) for b in t.active)
    two: list[list[str]] = []
    for b in t.active:
        pad = (lambda row: row + [""] * (width2 - len(row))) if style.merged == "empty" else (lambda row: row)
        two.append(pad([b.caption]))
        two.append(pad(["信息内容", *b.columns]))
        for label, cells in b.rows:
            two.append(pad([label, *[c.text for c in cells]]))
    cols = t.app_columns
    lab = ["", "", ""] if style.merged == "empty" else [""]
    three = [
        [NOTE, "", "", "申请人情况", "", "", "", "", "", ""] if style.merged == "empty" else [NOTE, "申请人情况"],
        [*lab, cols[0], "法人或其他组织", "", "", "", "", cols[6]],
        [*lab, "", *cols[1:6], ""],
    ]
    for r in t.app_rows:
        three.append([*_app_label_cells(r, style.merged), *[c.text for c in r.cells]])
    s = schema.load()
    rcols = [c.label for c in s.review_columns]
    four = [
        ["行政复议", "", "", "", "", "行政诉讼", *[""] * 9],
        [*rcols, "未经复议直接起诉", "", "", "", "", "复议后起诉", "", "", "", ""],
        [*[""] * 5, *rcols, *rcols],
        [c.text for c in t.review],
    ]
    return two, three, four, 2, 3, 3


def _render_tabs(t: _Tables, style: Style, rng: random.Random, out: _Out, part: str) -> None:
    two, three, four, _, _, _ = _grids(t, style)
    grid = {"二": two, "三": three, "四": four}[part]
    for row in grid:
        out.add("\t".join(row))


def _render_pipes(t: _Tables, style: Style, rng: random.Random, out: _Out, part: str) -> None:
    # a markdown table is a complete grid: merged cells are empty cells
    two, three, four, h2, h3, h4 = _grids(t, dataclasses.replace(style, merged="empty"))
    grid, header = {"二": (two, 1), "三": (three, h3), "四": (four, h4)}[part]
    width = max(len(r) for r in grid)
    for i, row in enumerate(grid):
        row = row + [""] * (width - len(row))
        out.add("| " + " | ".join(row) + " |")  # an empty cell is "|  |"
        if i == header - 1:
            out.add("|" + "|".join(["---"] * width) + "|")


# ---- cells: one cell per line -----------------------------------------------------------------


def _cell_lines(text: str, style: Style, rng: random.Random, *, wrap_header: bool = False) -> list[str]:
    """One cell: a leading tab, continuation lines without one (seed 000's "⇥商业⏎企业")."""
    if wrap_header and len(text) >= 4 and rng.random() < 0.5:
        h = rng.randint(2, len(text) - 2)
        parts = [text[:h], text[h:]]
    elif style.wrap and len(text) > style.wrap + 1:
        parts = _chunks(text, style.wrap + 6, rng)
    else:
        parts = [text]
    return ["\t" + parts[0], *parts[1:]]


def _render_cells(t: _Tables, style: Style, rng: random.Random, out: _Out, part: str) -> None:
    def row(cells: Iterable[str], header: bool = False) -> None:
        for c in cells:
            for line in _cell_lines(c, style, rng, wrap_header=header):
                out.add(line)
        out.blank()

    if part == "二":
        for b in t.active:
            row([b.caption])
            row(["信息内容", *b.columns], header=True)
            for label, cells in b.rows:
                row([label, *[c.text for c in cells]])
    elif part == "三":
        cols = t.app_columns
        row([NOTE, "申请人情况"])
        row(["", cols[0], "法人或其他组织", cols[6]], header=True)
        row(["", "", *cols[1:6], ""], header=True)
        for r in t.app_rows:
            row([*_app_label_cells(r, "vanish"), *[c.text for c in r.cells]])
    else:
        rcols = [c.label for c in schema.load().review_columns]
        row(["行政复议", "行政诉讼"], header=True)
        row([*rcols, "未经复议直接起诉", "复议后起诉"], header=True)
        row([*[""] * 5, *rcols, *rcols], header=True)
        row([c.text for c in t.review])


# ---- spaces: pdftotext without -layout ----------------------------------------------------------


def _render_spaces(t: _Tables, style: Style, rng: random.Random, out: _Out, part: str) -> None:
    def lead() -> str:
        return " " if rng.random() < 0.05 else ""  # a page break leaves a leading space (seed 002)

    def data(label: str, nums: list[str], prefix: str = "") -> None:
        nums = [n for n in nums if n != ""]  # an empty cell leaves no trace here
        numtext = " ".join(n.strip() for n in nums)
        chunks = _chunks(label, style.wrap, rng)
        chunks[0] = prefix + chunks[0]
        label = chunks[0]
        if len(chunks) == 1:
            out.add(lead() + (f"{label} {numtext}" if numtext else label))
            return
        for c in chunks:
            out.add(c)
        if numtext:
            out.add(numtext)

    if part == "二":
        for b in t.active:
            out.add(b.caption)
            out.add(lead() + " ".join(["信息内容", *b.columns]))
            for label, cells in b.rows:
                data(label, [c.text for c in cells])
    elif part == "三":
        for line in _chunks(NOTE, 20 if style.wrap else 0, rng):
            out.add(line)
        out.add("申请人情况")
        cols = t.app_columns
        for w in [cols[0], "法人或其他组织", cols[6], *cols[1:6]]:
            for piece in _header_word_split(w, rng) if w != "法人或其他组织" else [w]:
                out.add(piece)
        for r in t.app_rows:
            if r.g1:
                for piece in _chunks(r.g1, 4, rng) if style.wrap else [r.g1]:
                    out.add(piece)
            prefix = ""
            if r.g2:
                if style.group_prefix:
                    prefix = f"{r.g2} "  # pdfplumber glues the group label to its first sub-row
                else:
                    out.add(r.g2)
            data(r.label, [c.text for c in r.cells], prefix)
    else:
        rcols = [c.label for c in schema.load().review_columns]
        out.add("行政复议 行政诉讼")
        for i, group in enumerate((rcols, ["未经复议直接起诉 复议后起诉"], rcols, rcols)):
            for w in group:
                for piece in _header_word_split(w, rng) if i != 1 else [w]:
                    out.add(piece)
        out.add(" ".join(c.text.strip() for c in t.review if c.text != ""))


# ---- aligned: pdftotext -layout ------------------------------------------------------------------


def _pad_to(s: str, col: int) -> str:
    return s + " " * max(1, col - _width(s))


def _render_aligned(t: _Tables, style: Style, rng: random.Random, out: _Out, part: str) -> None:
    indent = rng.choice((0, 0, 4, 6))

    def values_line(left: str, nums: list[str], x0: int, step: int) -> str:
        line = " " * indent + left
        for i, n in enumerate(nums):
            col = x0 + i * step + rng.randint(0, 2)
            n = n.strip()
            if not n:
                continue  # a blank cell is just spaces
            line = _pad_to(line, col) if _width(line) < col else line + "  "
            line += n
        return line

    def data(label: str, nums: list[str], x0: int, step: int, prefix: str = "") -> None:
        chunks = _chunks(label, style.wrap, rng)
        chunks[0] = prefix + chunks[0]
        label = chunks[0]
        if len(chunks) == 1:
            out.add(values_line(label, nums, x0, step))
        elif rng.random() < 0.5:  # numbers on the first line of the wrapped label
            out.add(values_line(chunks[0], nums, x0, step))
            for c in chunks[1:]:
                out.add(" " * indent + c)
        else:  # numbers on a line of their own in the middle (huaian, format.md §6 D)
            out.add(" " * indent + chunks[0])
            out.add(values_line("", nums, x0, step))
            for c in chunks[1:]:
                out.add(" " * indent + c)

    if part == "二":
        for b in t.active:
            labels = ["信息内容", *[lab for lab, _ in b.rows]]
            x0 = indent + max(_width(x) for x in labels) + rng.randint(4, 10)
            step = max(_width(c) for c in b.columns) + rng.randint(2, 5)
            out.add(b.caption)
            out.add(values_line("信息内容", b.columns, x0, step))
            for label, cells in b.rows:
                data(label, [c.text for c in cells], x0, step)
    elif part == "三":
        labw = max(_width(r.label) if not style.wrap else min(_width(r.label), 2 * style.wrap + 2) for r in t.app_rows)
        g2w = max(_width(r.g2 or "") for r in t.app_rows) + 2 if style.group_prefix else 0
        x0 = indent + g2w + labw + rng.randint(4, 8)
        step = rng.randint(8, 12)
        for line in _chunks(NOTE, 20 if style.wrap else 0, rng):
            out.add(" " * indent + line)
        cols = t.app_columns
        out.add(values_line("", ["", "", "", "申请人情况"], x0, step))
        out.add(values_line("", [cols[0], "法人或其他组织", "", "", "", "", cols[6]], x0, step))
        out.add(values_line("", ["", *cols[1:6]], x0, step))
        for r in t.app_rows:
            if r.g1:
                out.add(" " * indent + r.g1)
            prefix = ""
            if r.g2:
                if style.group_prefix:
                    prefix = _pad_to(r.g2, g2w)
                else:
                    out.add(" " * indent + r.g2)
            elif style.group_prefix:
                prefix = " " * g2w
            data(r.label, [c.text for c in r.cells], x0, step, prefix)
    else:
        rcols = [c.label for c in schema.load().review_columns]
        step = rng.randint(6, 10)
        out.add(values_line("", ["行政复议", "", "", "", "", "行政诉讼"], 0, step))
        out.add(values_line("", ["", "", "", "", "", "未经复议直接起诉", "", "", "", "", "复议后起诉"], 0, step))
        out.add(values_line("", rcols * 3, 0, step))
        out.add(values_line("", [c.text for c in t.review], 0, step))


_RENDERERS = {
    "tabs": _render_tabs,
    "cells": _render_cells,
    "spaces": _render_spaces,
    "aligned": _render_aligned,
    "pipes": _render_pipes,
}


# --------------------------------------------------------------------------------------------
# render()
# --------------------------------------------------------------------------------------------


def render(
    values: Mapping[str, Value],
    edition: str,
    layout: str,
    *,
    rng: random.Random | None = None,
    style: Style | None = None,
    year: int | None = None,
    place: tuple[str, str] | None = None,
    glue: Iterable[str] = (),
) -> str:
    """The full text of a report whose tables hold ``values``, written in ``layout``.

    ``values`` must have every key of ``rendered_keys(edition, single_row)``; ``style`` defaults to
    one drawn from ``rng``; ``year`` defaults to one of the edition's years.  Each key in ``glue`` is
    printed fused with the next cell of its row (``"12"`` + ``"3"`` → ``"123"``, the next cell left
    empty): the damage issue 3 is about; meaningful in ``spaces`` and ``aligned``.
    """
    if edition not in ("2019", "2021"):
        raise ValueError(f"edition must be '2019' or '2021', not {edition!r}")
    if layout not in _RENDERERS:
        raise ValueError(f"layout must be one of {LAYOUTS}, not {layout!r}")
    rng = rng if rng is not None else random.Random(0)
    style = style if style is not None else Style.draw(rng, layout)
    if year is None:
        year = rng.choice((2019, 2020)) if edition == "2019" else rng.choice((2021, 2022, 2023, 2024))
    place = place if place is not None else rng.choice(PLACES)
    organ = f"{place[0]}{place[1]}人民政府"
    tables = _tables(values, edition, style, rng, pad=layout in ("tabs", "cells", "pipes"), glue=frozenset(glue))
    prose = _narrative(edition, year, place, rng)
    pdf = layout in ("spaces", "aligned")
    out = _Out(double=style.double_spaced and layout == "spaces")
    width = rng.randint(28, 34) if pdf else 0

    title = f"{organ}{year}年政府信息公开工作年度报告"
    if style.two_line_title:
        out.add(title[: -len("年度报告")])
        out.add("年度报告")
    else:
        out.add(title)
    for part in ("一", "二", "三", "四", "五", "六"):
        if not pdf:
            out.blank()
        out.add(HEADINGS[part])
        if not pdf and layout != "cells":
            out.blank()
        if part in prose:
            for p in prose[part]:
                out.para(p, width)
        else:
            _RENDERERS[layout](tables, style, rng, out, part)
            if not pdf:
                out.blank()
    out.add(organ)
    out.add(f"{year + 1}年1月{rng.randint(10, 31)}日")
    return "\n".join(out.lines) + "\n"


# --------------------------------------------------------------------------------------------
# Values: consistent tables and the template arithmetic
# --------------------------------------------------------------------------------------------


class Draw(Protocol):
    """Where random choices come from: ``random.Random`` (benchmarks) or hypothesis (tests)."""

    def count(self) -> int: ...  # a non-negative count, small numbers likely

    def integer(self, lo: int, hi: int) -> int: ...

    def money(self) -> float: ...  # >= 0, at most two decimals

    def signed(self) -> int: ...


class RandomDraw:
    """:class:`Draw` on a ``random.Random``."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng

    def count(self) -> int:
        r = self.rng.random()
        if r < 0.5:
            return 0
        if r < 0.8:
            return self.rng.randint(1, 9)
        if r < 0.97:
            return self.rng.randint(10, 999)
        return self.rng.randint(1000, 50000)

    def integer(self, lo: int, hi: int) -> int:
        return self.rng.randint(lo, hi)

    def money(self) -> float:
        return self.rng.choice((0, self.rng.randint(0, 10**4), self.rng.randint(0, 10**8))) / 100

    def signed(self) -> int:
        return self.rng.randint(-60, 60)


def zeros(edition: str, single_row: bool | None = None) -> dict[str, Value]:
    """The all-zero table (consistent): the base of every shrunk failing example.

    >>> vals = zeros("2019"); vals["applications.other_processing.total.total"] = None
    >>> "\\t（六）其他处理\\t\\t0" in render(vals, "2019", "tabs", rng=random.Random(0), style=Style())
    True
    """
    single = edition == "2019" if single_row is None else single_row
    return {k: (0.0 if k in ("active.fees.amount", "active.procurement.amount") else 0) for k in rendered_keys(edition, single)}


def consistent_values(edition: str, draw: Draw, *, single_row: bool | None = None) -> dict[str, Value]:
    """A table whose R1–R4 (format.md §4) all hold: every rendered key with a number.

    ``single_row`` (2021 only) prints （六）其他处理 as one row; the 2019 edition always does.
    """
    if edition == "2019":
        single_row = True
    elif single_row is None:
        single_row = False
    s = schema.load()
    v: dict[str, Value] = {}
    for block in s.active:
        if edition not in block.editions:
            continue
        for r in block.rows_for(edition):
            for c in block.columns_for(edition):
                k = f"active.{r.key}.{c.key}"
                v[k] = draw.money() if c.money else draw.signed() if c.signed else draw.count()
            prev, change = f"active.{r.key}.previous", f"active.{r.key}.change"
            if prev in v and change in v:
                # this year's count, 上一年项目数量 + 本年增/减, is no negative number (validate: negative_count)
                v[change] = max(v[change], -v[prev])  # type: ignore[type-var,operator]
    rows = [r.key for r in _app_row_labels(edition, single_row)]
    processed = [r.key for r in _app_row_labels(edition, single_row) if r.processed]
    cols = [c.key for c in s.app_columns]
    for c in cols[:6]:
        for r in processed:
            v[f"applications.{r}.{c}"] = draw.count()
        tp = sum(v[f"applications.{r}.{c}"] for r in processed)  # type: ignore[misc]
        cf = draw.count()
        co = draw.integer(0, tp + cf)
        v[f"applications.total_processed.{c}"] = tp
        v[f"applications.carried_forward.{c}"] = cf
        v[f"applications.carried_over.{c}"] = co
        v[f"applications.new_received.{c}"] = tp + cf - co
    for r in rows:
        v[f"applications.{r}.total"] = sum(v[f"applications.{r}.{c}"] for c in cols[:6])  # type: ignore[misc]
    for g in s.review_groups:
        parts = [draw.count() for _ in range(4)]
        for c, x in zip(s.review_columns, [*parts, sum(parts)], strict=True):
            v[f"{g.key}.{c.key}"] = x
    return v


@dataclass(frozen=True)
class Relation:
    name: str
    lhs: tuple[str, ...]
    rhs: tuple[str, ...]

    @property
    def keys(self) -> tuple[str, ...]:
        return self.lhs + self.rhs


def relations(edition: str, single_row: bool) -> list[Relation]:
    """R1–R4 over the rendered keys (format.md §4)."""
    s = schema.load()
    rows = _app_row_labels(edition, single_row)
    processed = [r.key for r in rows if r.processed]
    cols = [c.key for c in s.app_columns]
    out = []
    for c in cols:
        a = f"applications.{{}}.{c}".format
        out.append(Relation(f"R1 {c}", (a("new_received"), a("carried_over")), (a("total_processed"), a("carried_forward"))))
        out.append(Relation(f"R2 {c}", tuple(a(r) for r in processed), (a("total_processed"),)))
    for r in rows:
        out.append(
            Relation(f"R3 {r.key}", tuple(f"applications.{r.key}.{c}" for c in cols[:6]), (f"applications.{r.key}.total",))
        )
    for g in s.review_groups:
        out.append(
            Relation(f"R4 {g.key}", tuple(f"{g.key}.{c.key}" for c in s.review_columns[:4]), (f"{g.key}.total",))
        )
    return out


def broken_relations(values: Mapping[str, Value], rels: Sequence[Relation]) -> list[Relation]:
    """The relations that are assessable (no blank or marked cell) and do not hold."""
    out = []
    for r in rels:
        xs = [values.get(k) for k in r.keys]
        if any(x is None or isinstance(x, str) for x in xs):
            continue
        if sum(values[k] for k in r.lhs) != sum(values[k] for k in r.rhs):  # type: ignore[misc]
            out.append(r)
    return out


def empty_cells_do_not_add_up(values: Mapping[str, Value], rels: Sequence[Relation]) -> frozenset[str]:
    """The keys of a relation with empty or marked cells among its terms that, taken as 0, leave it
    failing: a row sum (R3, R4) whose 总计 is printed, or a column's (R1, R2; R2's （七）总计 printed)
    none of whose rows is empty in every column.  Not a broken relation (an empty cell is not 0), but
    nothing in it can be confirmed, so its cells are doubtful, the empty ones too (govdisclosure.validate)."""
    out: set[str] = set()
    rows: set[str] = set()  # the cells of failing row sums, doubtful before the columns are looked at
    broken = broken_relations(values, rels)
    failing_columns = sum(r.name.startswith("R2") for r in broken)  # column sums that fail (R2)

    def empty(x: Value | None) -> bool:
        return x is None or isinstance(x, str)

    def row_empty(key: str) -> bool:
        row = key.rsplit(".", 1)[0]
        return all(empty(v) for k, v in values.items() if k.rsplit(".", 1)[0] == row)

    # row sums first: an empty cell of a failing row sum is doubtful, and a doubtful empty cell may be any
    # count, so a column relation through it says nothing, unless no count will do (the side without
    # such cells is the smaller)
    for r in sorted(rels, key=lambda r: not r.name.startswith(("R3", "R4"))):
        terms = [values.get(k) for k in r.lhs]
        rest = [values.get(k) for k in r.rhs]
        if all(not empty(x) for x in terms + rest):
            continue  # assessable: broken_relations' business
        if (r.name.startswith("R2") and empty(rest[-1])) or (r.name.startswith(("R3", "R4")) and rest[-1] is None):
            continue  # (a row's 总计 printed as a mark is 0)
        if all(empty(x) for x in terms) and (not r.name.startswith("R1") or all(empty(x) for x in rest)):
            continue
        if r.name.startswith(("R1", "R2")) and any(row_empty(k) for k in r.keys):
            continue
        ls = sum(x for x in terms if not empty(x))  # type: ignore[misc]
        rs = sum(x for x in rest if not empty(x))  # type: ignore[misc]
        unknown_l = r.name.startswith(("R1", "R2")) and any(k in rows and empty(values.get(k)) for k in r.lhs)
        unknown_r = r.name.startswith(("R1", "R2")) and any(k in rows and empty(values.get(k)) for k in r.rhs)
        if unknown_l and unknown_r:
            continue
        if unknown_l or unknown_r:
            failing = (ls - rs if unknown_r else rs - ls) < 0
        else:
            failing = ls != rs
        if failing:
            out.update(r.keys)
            if r.name.startswith(("R3", "R4")):
                rows.update(r.keys)
            failing_columns += r.name.startswith("R2")
    # a lost cell (an empty one of a failing row sum) that two relations, each with every other cell
    # printed with a number, give different counts: the cells of both are unsure (validate._lost_cells_disagree)
    lost = {k for k in rows if empty(values.get(k))}
    implied: dict[str, list[tuple[int, tuple[str, ...]]]] = {}
    for r in rels:
        if r.name.startswith("R4"):
            continue
        if r.name.startswith(("R1", "R2")) and any(row_empty(k) for k in r.keys):
            continue
        unread = [k for k in r.keys if k in lost]
        if len(unread) != 1 or sum(empty(values.get(k)) for k in r.keys) > 1:
            continue
        ls = sum(x for k in r.lhs if not empty(x := values.get(k)))  # type: ignore[misc]
        rs = sum(x for k in r.rhs if not empty(x := values.get(k)))  # type: ignore[misc]
        implied.setdefault(unread[0], []).append((rs - ls if unread[0] in r.lhs else ls - rs, tuple(r.keys)))
    for said in implied.values():
        if len(said) > 1 and len({v for v, _ in said}) > 1:
            for _, ks in said:
                out.update(ks)
    # most column sums failing: every cell of a column whose sum does not hold (validate._rows_off_their_labels)
    if failing_columns >= 4:
        for r in rels:
            xs = [values.get(k) for k in r.keys]
            if r.name.startswith("R2") and (
                any(empty(x) for x in xs) or sum(values[k] for k in r.lhs) != sum(values[k] for k in r.rhs)  # type: ignore[misc]
            ):
                col = r.rhs[-1].rsplit(".", 1)[1]
                out.update(k for k in values if k.startswith("applications.") and k.rsplit(".", 1)[1] == col)
    # a count (not 0) whose column relations are empty in every other cell stands alone: its row
    # (validate._lone_cells)
    unsure = out | {k for r in broken for k in r.keys}
    partners: dict[str, list[tuple[str, ...]]] = {}
    for r in rels:
        if r.name.startswith(("R1", "R2")) and not any(row_empty(k) for k in r.keys):
            for k in r.keys:
                partners.setdefault(k, []).append(tuple(r.keys))
    for key, among in partners.items():
        v = values.get(key)
        if empty(v) or not v or key in unsure:
            continue
        if any(not empty(values.get(k)) for ks in among for k in ks if k != key):
            continue
        row = key.rsplit(".", 1)[0]
        out.update(k for k in values if k.rsplit(".", 1)[0] == row and k.count(".") == key.count("."))
    return frozenset(out | out_of_habit(values))


def out_of_habit(values: Mapping[str, Value]) -> frozenset[str]:
    """Part 三's empty cells in a column the table fills, zeros included, in most rows of eight or more,
    where the row prints its 总计; with them the row's numbers in columns the table leaves empty in most
    (govdisclosure.validate._out_of_habit)."""
    rows: dict[str, dict[str, Value | None]] = {}
    for k, v in values.items():
        if k.startswith("applications.") and not k.endswith(".total"):
            row, col = k.rsplit(".", 1)
            rows.setdefault(row, {})[col] = v
    printed = [r for r in rows.values() if any(isinstance(v, (int, float)) for v in r.values())]
    if len(printed) < 8:
        return frozenset()
    cols = {c for r in printed for c in r}
    filled = {c: sum(isinstance(r.get(c), (int, float)) for r in printed) for c in cols}
    habit = {c for c in cols if 2 * filled[c] > len(printed) and any(r.get(c) == 0 and isinstance(r.get(c), int) for r in printed)}
    rare = {c for c in cols if 2 * filled[c] < len(printed)}
    out: set[str] = set()
    for row, r in rows.items():
        empty = [c for c in habit if c in r and r[c] is None]
        if empty and isinstance(values.get(row + ".total"), (int, float)):
            out.update(f"{row}.{c}" for c in empty)
            out.update(f"{row}.{c}" for c in rare if isinstance(r.get(c), (int, float)))
    return frozenset(out)
