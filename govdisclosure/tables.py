"""Stage 5: assemble the template's tables — rows found by their labels, cells placed by column.

For every row label found (labels.py), the row's cells are the value tokens (numbers, marks, blank
cells) between its label and the next row's label.  Rows are never found by counting numbers from the
start of a part, so a missing or extra number cannot shift the cells of other rows.

Within a row, :func:`resolve_row` places the tokens into the row's n columns.  Where the tokens do not
fit one-to-one (blank cells from merged label cells, an extra number, digits glued together by a
crawler) it enumerates every placement that fits, keeps those the row's arithmetic allows, and gives a
cell a confident status only where every remaining placement agrees on it; otherwise ``doubtful``.
"""

from __future__ import annotations

import bisect
import itertools
from dataclasses import dataclass
from typing import Callable, Sequence

from . import schema
from .labels import Anchor, Row, find_rows, label_stream
from .layout import BLANK, MARK, NUM, TEXT, Token
from .normalize import Normalized
from .report import Field, Finding
from .sections import DocInfo
from .values import read_cell

__all__ = ["assemble", "resolve_row", "Cell"]

# Enumerating placements is exponential in glued digits; beyond these bounds a row is left doubtful.
MAX_GLUED_DIGITS = 18  # a glued run of more digits is not split (no template row has more)
MAX_CANDIDATES = 20000  # placements examined per row
# A text token that reads like prose ends a table: tables hold labels, not sentences.
PROSE_MIN_LEN = 60

Value = int | float | None


@dataclass(frozen=True, slots=True)
class Cell:
    text: str
    kind: str  # num | mark | blank
    start: int  # span in the normalised text
    end: int
    split: bool = False  # cut out of a glued run of digits


@dataclass(frozen=True, slots=True)
class Placed:
    cell: Cell | None
    value: Value
    status: str
    unit: str | None = None


def _cell_value(c: Cell | None, money: bool) -> tuple[Value, str, str | None]:
    if c is None:
        return None, "missing", None
    if c.kind == BLANK:
        return None, "blank", None
    if c.kind == MARK:
        return None, "not_applicable", None
    return read_cell(c.text, money=money)


def _splits(digits: str, start: int) -> list[list[Cell]]:
    """Every way to cut a run of digits into numbers with no leading zeros."""
    out: list[list[Cell]] = []
    n = len(digits)
    for mask in range(1 << (n - 1)):
        cells: list[Cell] = []
        a = 0
        ok = True
        for i in range(1, n + 1):
            if i == n or mask >> (i - 1) & 1:
                part = digits[a:i]
                if len(part) > 1 and part[0] == "0":
                    ok = False
                    break
                cells.append(Cell(part, NUM, start + a, start + i, split=n > 1))
                a = i
        if ok:
            out.append(cells)
    return out


def _options(tokens: Sequence[Token]) -> list[list[list[Cell]]]:
    opts: list[list[list[Cell]]] = []
    lead = 0
    while lead < len(tokens) and tokens[lead].kind == BLANK:
        lead += 1
    trail = len(tokens)
    while trail > lead and tokens[trail - 1].kind == BLANK:
        trail -= 1
    for i, t in enumerate(tokens):
        c = Cell(t.text, t.kind, t.start, t.end)
        if t.kind == BLANK and (i < lead or i >= trail):
            opts.append([[], [c]])  # a blank at the edge of a row may be a merged label cell
        elif t.kind == NUM and t.glued and t.text.isdigit() and 1 < len(t.text) <= MAX_GLUED_DIGITS:
            opts.append(_splits(t.text, t.start))
        else:
            opts.append([[c]])
    return opts


def _enumerate(opts: list[list[list[Cell]]], n: int) -> list[list[Cell]]:
    mins = [min(len(o) for o in op) for op in opts]
    maxs = [max(len(o) for o in op) for op in opts]
    suf_min = list(itertools.accumulate(reversed(mins)))[::-1] + [0]
    suf_max = list(itertools.accumulate(reversed(maxs)))[::-1] + [0]
    out: list[list[Cell]] = []
    cur: list[Cell] = []

    def dfs(i: int) -> None:
        if len(out) >= MAX_CANDIDATES:
            return
        if i == len(opts):
            if len(cur) == n:
                out.append(list(cur))
            return
        for o in opts[i]:
            k = len(cur) + len(o)
            if k + suf_min[i + 1] > n or k + suf_max[i + 1] < n:
                continue
            cur.extend(o)
            dfs(i + 1)
            del cur[len(cur) - len(o) :]

    dfs(0)
    return out


def resolve_row(
    tokens: Sequence[Token],
    n: int,
    *,
    money: Sequence[bool] | None = None,
    check: Callable[[list[Value]], bool | None] | None = None,
) -> tuple[list[Placed], str | None]:
    """Place a row's value tokens into its ``n`` columns.

    Returns the placed cells and a finding code (``extra_cells``, ``missing_cells``, ``glued_digits``,
    ``ambiguous_cells``) or None.

    >>> from govdisclosure.layout import tokenize
    >>> cells, note = resolve_row(tokenize("\\t0\\t0\\t1\\t\\t"), 3)
    >>> [(p.value, p.status) for p in cells], note
    ([(0, 'ok'), (0, 'ok'), (1, 'ok')], None)
    >>> r3 = lambda v: None if None in v else v[-1] == sum(v[:-1])
    >>> cells, note = resolve_row(tokenize("713000074二"), 7, check=r3)
    >>> [p.value for p in cells], {p.status for p in cells}, note
    ([71, 3, 0, 0, 0, 0, 74], {'inferred'}, 'glued_digits')
    """
    money = money or [False] * n
    toks = [t for t in tokens if t.kind in (NUM, MARK, BLANK)]
    opts = _options(toks)
    cands = _enumerate(opts, n)
    note: str | None = None
    if any(c.split for cand in cands[:1] for c in cand) or any(len(o) > 1 and any(len(x) > 1 for x in o) for o in opts):
        note = "glued_digits"
    if not cands:
        # more tokens than columns even with edge blanks dropped: some number is extra
        nonblank = [Cell(t.text, t.kind, t.start, t.end) for t in toks if t.kind != BLANK] or []
        allcells = [Cell(t.text, t.kind, t.start, t.end) for t in toks]
        pool = nonblank if len(nonblank) >= n else allcells
        if len(pool) > n and len(pool) - n <= 4:
            cands = [list(c) for c in itertools.combinations(pool, n)][:MAX_CANDIDATES]
            note = "extra_cells"
        elif len(pool) > n:
            note = "extra_cells"
            cands = [pool[:n]]
        else:
            # fewer tokens than columns: the row lost cells (issue: column recovery) — place in order,
            # nothing confident
            placed = [
                Placed(c, *_val(c, money[i])[:1], "doubtful", _val(c, money[i])[2]) if c is not None else Placed(None, None, "doubtful")
                for i, c in enumerate(list(pool) + [None] * (n - len(pool)))
            ]
            return placed, "missing_cells"

    vals = [[_cell_value(c, money[i]) for i, c in enumerate(cand)] for cand in cands]
    ok_idx = list(range(len(cands)))
    if check is not None and len(cands) > 1:
        passing = [i for i in ok_idx if check([v[0] for v in vals[i]]) is not False]
        if passing:
            ok_idx = passing
    placed: list[Placed] = []
    for col in range(n):
        options_all = {_vkey(vals[i][col]) for i in range(len(cands))}
        options_ok = {_vkey(vals[i][col]) for i in ok_idx}
        first = ok_idx[0]
        c = cands[first][col]
        value, status, unit = vals[first][col]
        if len(options_ok) > 1:
            status = "doubtful"
            note = note or "ambiguous_cells"
        elif len(options_all) > 1 or (c is not None and c.split and len(cands) > 1):
            status = "inferred" if status in ("ok", "blank", "not_applicable") else status
        placed.append(Placed(c, value, status, unit))
    if len(ok_idx) > 1 and any(p.status == "doubtful" for p in placed):
        note = note if note in ("glued_digits", "extra_cells") else "ambiguous_cells"
    return placed, note


def _val(c: Cell | None, money: bool) -> tuple[Value, str, str | None]:
    return _cell_value(c, money)


def _vkey(v: tuple[Value, str, str | None]) -> tuple[str, float | None]:
    return (v[1], None if v[0] is None else float(v[0]))


# -- regions -----------------------------------------------------------------------------------
def _tok_range(tokens: list[Token], starts: list[int], span: tuple[int, int]) -> tuple[int, int]:
    return bisect.bisect_left(starts, span[0]), bisect.bisect_left(starts, span[1])


def _is_prose(t: Token) -> bool:
    if t.kind != TEXT:
        return False
    s = t.text
    if s.startswith(("注", "说明", "备注")):
        return False
    return len(s) >= PROSE_MIN_LEN or ("。" in s and len(s) > 12)


def _table_end(tokens: list[Token], lo: int, hi: int, after: int) -> int:
    """First prose token at or after ``after`` (a table ends where sentences start)."""
    for i in range(max(lo, after), hi):
        if _is_prose(tokens[i]):
            return i
    return hi


# -- the stage ---------------------------------------------------------------------------------
def assemble(norm: Normalized, tokens: list[Token], doc: DocInfo) -> tuple[dict[str, Field], list[Finding]]:
    edition = doc.edition
    assert edition in schema.EDITIONS
    s = schema.load()
    starts = [t.start for t in tokens]
    findings: list[Finding] = []
    fields: dict[str, Field] = {}
    n_text = len(norm.text)

    def region(num: int) -> tuple[int, int] | None:
        if num not in doc.parts:
            return None
        a = doc.parts[num][0]
        later = [doc.parts[k][0] for k in doc.parts if k > num and doc.parts[k][0] > a]
        return (a, min(later) if later else n_text)

    def put(k: str, p: Placed, label: str | None) -> None:
        span = norm.to_orig((p.cell.start, p.cell.end)) if p.cell is not None else None
        raw = norm.original[span[0] : span[1]] if span is not None else None
        fields[k] = Field(k, p.value, p.status, raw, span, label, p.unit)  # type: ignore[arg-type]

    # ---- part 二 ---------------------------------------------------------------------------
    r2 = region(2)
    if r2 is None and 3 in doc.parts:
        r2 = None
    if r2 is not None:
        lo, hi = _tok_range(tokens, starts, r2)
        rows: list[Row] = []
        meta: list[tuple[str, list[schema.Label]]] = []
        for b in s.active:
            if edition not in b.editions:
                continue
            for r in b.rows_for(edition):
                rows.append(Row(f"active.{r.key}", r.wordings))
                meta.append((f"active.{r.key}", list(b.columns_for(edition))))
        anchors = find_rows(tokens, lo, hi, rows)
        _place_rows(tokens, anchors, hi, {k: cols for k, cols in meta}, put, findings, check=None)
    else:
        findings.append(Finding("table_missing", "warning", "part 二's tables (第二十条 captions) were not found"))

    # ---- part 三 ---------------------------------------------------------------------------
    r3 = region(3)
    app_cols = list(s.app_columns)
    if r3 is not None:
        lo, hi = _tok_range(tokens, starts, r3)
        rows = [Row(f"applications.{r.key}", r.wordings) for r in s.app_rows_for(edition)]
        if edition == "2021":
            pass
        anchors = find_rows(tokens, lo, hi, rows)
        r3check = _r3_check
        _place_rows(tokens, anchors, hi, {r.key: app_cols for r in rows}, put, findings, check=r3check)
    else:
        findings.append(Finding("table_missing", "warning", "part 三's table (收到和处理政府信息公开申请情况) was not found"))

    # ---- part 四 ---------------------------------------------------------------------------
    r4 = region(4)
    if r4 is not None:
        lo, hi = _tok_range(tokens, starts, r4)
        st = label_stream(tokens, lo, hi)
        k = st.text.find("行政复议", 1)  # skip the heading's own 行政复议
        first = st.tok_at(k) if k >= 0 else lo + 1
        end = _table_end(tokens, lo, hi, first)
        seg = [t for t in tokens[first:end] if t.kind in (NUM, MARK, BLANK)]
        group_keys = [f"{g.key}.{c.key}" for g in s.review_groups for c in s.review_columns]
        if not any(t.kind in (NUM, MARK) for t in seg):
            findings.append(Finding("table_missing", "warning", "part 四's table has no values", keys=tuple(group_keys)))
        else:
            placed, note = resolve_row(seg, 15, check=_r4_check)
            for kk, p in zip(group_keys, placed):
                put(kk, p, "行政复议、行政诉讼")
            if note:
                findings.append(_row_note(note, "part 四", group_keys))
    else:
        findings.append(Finding("table_missing", "warning", "part 四 (行政复议、行政诉讼) was not found"))

    # every key of the edition is present
    missing_keys = []
    for k in schema.keys(edition):
        if k not in fields:
            fields[k] = Field(k, None, "missing")
            missing_keys.append(k)
    ordered = {k: fields[k] for k in schema.keys(edition)}
    return ordered, findings


def _row_note(note: str, where: str, keys: list[str]) -> Finding:
    msg = {
        "extra_cells": f"{where}: the row has more numbers than columns; the placement the arithmetic allows was taken",
        "missing_cells": f"{where}: the row has fewer cells than columns (cells lost in conversion?); its values are doubtful",
        "glued_digits": f"{where}: digits of several cells are run together; they were split where the arithmetic allows",
        "ambiguous_cells": f"{where}: more than one placement of the row's numbers fits; the cells that differ are doubtful",
    }[note]
    sev = "warning"
    return Finding(note, sev, msg, keys=tuple(keys))


def _place_rows(
    tokens: list[Token],
    anchors: list[Anchor],
    hi: int,
    columns: dict[str, list[schema.Label]],
    put: Callable[[str, Placed, str | None], None],
    findings: list[Finding],
    check: Callable[[list[Value]], bool | None] | None,
) -> None:
    for i, a in enumerate(anchors):
        nxt = anchors[i + 1].tok if i + 1 < len(anchors) else _table_end(tokens, a.tok, hi, a.end_tok + 1)
        seg = tokens[a.tok + 1 : nxt]
        cols = columns[a.row.key]
        if not any(t.kind in (NUM, MARK) for t in seg):
            # a label with no values: a group heading, or a row the converter emptied
            if any(t.kind == BLANK for t in seg):
                pass
            else:
                continue
        placed, note = resolve_row(seg, len(cols), money=[c.money for c in cols], check=check)
        keys = [f"{a.row.key}.{c.key}" for c in cols]
        for k, p in zip(keys, placed):
            put(k, p, a.label)
        if note:
            findings.append(_row_note(note, a.row.key, keys))


def _r3_check(v: list[Value]) -> bool | None:
    if any(x is None for x in v):
        return None
    return abs(sum(v[:-1]) - v[-1]) < 1e-6  # type: ignore[arg-type,operator]


def _r4_check(v: list[Value]) -> bool | None:
    res: bool | None = None
    for g in range(3):
        grp = v[g * 5 : g * 5 + 5]
        if any(x is None for x in grp):
            continue
        ok = abs(sum(grp[:4]) - grp[4]) < 1e-6  # type: ignore[arg-type,operator]
        if not ok:
            return False
        res = True
    return res
