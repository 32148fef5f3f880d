"""Orphan rows: rows of numbers without their labels (text flattened to one paragraph; plain
pdftotext printing the last rows' labels after their numbers).

The numbers left after a row's own cells, before the next row that holds numbers, go to the rows
missing between the two in template order when they fit exactly: as many runs as rows, or as many
numbers as the rows' cells (（六）其他处理 counted as its sub-rows or as one row).  Cells ``inferred``.
Finding ``rows_placed_by_order`` (``unassigned_values`` when they fit no way).  Case row
``flattened-label-less-rows-and-inline-page-numbers`` in ``tests/cases/quirks.py``.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from ...layout import BLANK, MARK, NUM, Token
from ...report import Finding
from ..model import Placed, PlanRow, Reading, RowContext, TableContext
from . import aligned
from .positional import as_reading

NAME = "orphans"


def read(ctx: TableContext) -> list[Reading]:
    """One reading per run of label-less numbers after a row found by its label."""
    out: list[Reading] = []
    plan = ctx.plan
    for i, p in enumerate(plan):
        if not p.orphans:
            continue
        # the rows after this one whose labels stand with no numbers are among the rows the orphans
        # may belong to
        k = i + 1
        while k < len(plan) and not any(t.kind in (NUM, MARK) for t in plan[k].own):
            k += 1
        out.append(_place(ctx, p, plan[k] if k < len(plan) else None))
    if any(f.code == "unassigned_values" for r in out for f in r.findings):
        # numbers of this table fit none of its missing rows: the text does not keep its rows in
        # order (pdfminer's text boxes of a Chromium PDF, numbers and labels in separate runs), and
        # template order places the other runs no better
        out = [_in_doubt(r) for r in out]
    return out


def _in_doubt(r: Reading) -> Reading:
    if not r.cells:
        return r
    cells = {k: Placed(p.cell, p.value, "doubtful", p.unit) for k, p in r.cells.items()}
    return dataclasses.replace(r, cells=cells, evidence=r.evidence + "; other numbers of the table fit no row")


def _gap_options(ctx: TableContext, a: PlanRow, b: PlanRow | None) -> list[list[str]]:
    """The rows missing between ``a`` and ``b``; （六）其他处理 is printed either as its numbered
    sub-rows or as one row, never both."""
    order = list(ctx.order)
    ia = order.index(a.anchor.row.key)
    ib = order.index(b.anchor.row.key) if b is not None else len(order)
    gap = order[ia + 1 : ib]
    single = [k for k in gap if k.endswith("other_processing.total")]
    subs = [k for k in gap if ".other_processing." in k and not k.endswith(".total")]
    if single and subs:
        return [[k for k in gap if k not in single], [k for k in gap if k not in subs]]
    return [gap]


def _chunks(orphans: list[list[Token]], rows: list[str], n: int) -> Sequence[Sequence[Token]] | None:
    flat = [t for g in orphans for t in g]
    if len(orphans) == len(rows):
        return orphans
    if len(flat) == n * len(rows) and all(t.kind != BLANK for t in flat):
        return [flat[i * n : (i + 1) * n] for i in range(len(rows))]
    return None


def _strays(orphans: list[list[Token]], n: int) -> tuple[list[list[Token]], list[Token]]:
    """A lone number among rows of numbers is no row: a cell a converter printed apart from its row
    (``strays``).  Several lone numbers are columns printed down the page, not strays."""
    whole = [g for g in orphans if not (n > 2 and len(g) == 1 and g[0].kind == NUM)]
    strays = [g[0] for g in orphans if len(g) == 1 and g[0].kind == NUM and n > 2]
    if len(strays) != 1:
        return orphans, []
    return whole, strays


def _stray_finding(a: PlanRow, strays: list[Token]) -> Finding:
    return Finding(
        "stray_values",
        "warning",
        f"{len(strays)} lone number(s) after row {a.anchor.row.key} stand in no row",
        spans=tuple((t.start, t.end) for t in strays),
    )


def _place(ctx: TableContext, a: PlanRow, b: PlanRow | None) -> Reading:
    n = len(ctx.columns[a.anchor.row.key])
    whole, strays = _strays(a.orphans, n)
    if strays and not whole:
        return Reading(NAME, {}, {}, (_stray_finding(a, strays),), "a lone number after a row", after=a.anchor.row.key)
    for rows in _gap_options(ctx, a, b):
        chunks = _chunks(a.orphans, rows, n) if rows else None
        findings: list[Finding] = []
        if chunks is None and strays and rows and len(whole) == len(rows):
            chunks, findings = whole, [_stray_finding(a, strays)]
        if chunks is None:
            continue
        cells: dict[str, Placed] = {}
        for row_key, chunk in zip(rows, chunks):
            cols = ctx.columns[row_key]
            keys = tuple(f"{row_key}.{c.key}" for c in cols)
            row = RowContext(row_key, None, tuple(chunk), keys, tuple(c.money for c in cols), ctx.check, inferred=True)
            # (a run on two lines in space-aligned text by where its numbers stand, as a row found by its label)
            r = next(iter(aligned.read(row)), None) or as_reading(row, NAME, "")
            cells.update(r.cells)
            findings += r.findings
        findings.append(Finding(
            "rows_placed_by_order",
            "warning",
            f"{len(rows)} row(s) of numbers without their labels between {a.anchor.row.key} and "
            f"{b.anchor.row.key if b else 'the end of the table'} were given to the rows missing there, in template order",
            keys=tuple(f"{k}.{c.key}" for k in rows for c in ctx.columns[k]),
        ))
        evidence = "numbers between two rows found, the rows between missing"
        return Reading(NAME, cells, dict.fromkeys(cells), tuple(findings), evidence, after=a.anchor.row.key)
    flat = sum(len(g) for g in a.orphans)
    return Reading(NAME, {}, {}, (Finding(
        "unassigned_values",
        "warning",
        f"{flat} number(s) after row {a.anchor.row.key} belong to no row that was found; they were not used",
        keys=tuple(f"{a.anchor.row.key}.{c.key}" for c in ctx.columns[a.anchor.row.key]),
        spans=(),
    ),), "numbers after a row that fit no missing row", after=a.anchor.row.key)
