"""Stage 5: assemble the template's tables — rows found by their labels, cells placed by column.

For every row label found (labels.py), the row's cells are the value tokens (numbers, marks, blank
cells) between its label and the next row's label.  Rows are never found by counting numbers from the
start of a part, so a missing or extra number cannot shift the cells of other rows.

The stage is readings and one arbiter (``docs/architecture.md``):

- ``rows.py`` finds each part's rows by their labels and the tokens that belong to each;
- ``readings/`` holds one module per way of reading a row or a table from the tokens (positional,
  glued digits, aligned columns, detached cells, orphan rows, column bands, column captions, part 四
  in block order, all-zero tables); each proposes readings (cells with their evidence) and writes nothing;
- ``arbiter.py`` turns readings into fields: it applies them in the order the part registers them,
  lets repairs fill only what no reading decided, puts cells that readings disagree on in doubt and
  solves rows left ambiguous by the table's column sums;
- ``part2.py``, ``part3.py``, ``part4.py`` say which rows, columns and readings apply to each part.

Within a row, :func:`resolve_row` places the tokens into the row's n columns.  Where the tokens do not
fit one-to-one (blank cells from merged label cells, an extra number, digits glued together by a
crawler) it enumerates every placement that fits, keeps those the row's arithmetic allows, and gives a
cell a confident status only where every remaining placement agrees on it; otherwise ``doubtful``.
"""

from __future__ import annotations

import functools

import regex

from .. import schema
from ..layout import Token
from ..normalize import Normalized
from ..report import Field, Finding
from ..sections import DocInfo
from ..values import is_filler
from . import part2, part3, part4
from .arbiter import Arbiter, TableReading, kept_alternatives
from .model import MAX_DOC_SUM_NODES, NARRATIVE_MIN_VALUE, SUM_BUDGET, Cell, Prefer, TableContext, Value
from .readings import all_zero
from .resolve import resolve_row
from .rows import attach_thousands, region, tok_range

__all__ = ["assemble", "resolve_row", "Cell"]

# repairs over parts 三 and 四 together, after the three parts are read
REPAIRS: list[TableReading] = [all_zero.read]


#: part 二 rows whose placements the document leaves open are kept on the report (Report.alternatives)
#: where a relation across years can decide them (R6: ``crossyear.decide``); others would only make
#: reports larger
OPEN_ROWS: dict[str, tuple[str, ...]] = {"2021": ("active.regulations", "active.normative_documents")}

#: what assemble gives: the fields, the findings, and part 二's rows left open (``kept_alternatives``)
Assembled = tuple[dict[str, Field], list[Finding], dict[str, tuple[tuple[Field, ...], ...]]]


def assemble(norm: Normalized, tokens: list[Token], doc: DocInfo) -> Assembled:
    budget = SUM_BUDGET.set([MAX_DOC_SUM_NODES])  # one budget of glued-digit cutting per report
    try:
        return _assemble(norm, tokens, doc)
    finally:
        SUM_BUDGET.reset(budget)


def _assemble(norm: Normalized, tokens: list[Token], doc: DocInfo) -> Assembled:
    attach_thousands(tokens, 0, len(tokens))
    edition = doc.edition
    assert edition in schema.EDITIONS
    arb = Arbiter(norm, edition)
    starts = [t.start for t in tokens]
    n_text = len(norm.text)
    # numbers stated in the narrative (preface and part 一): they break ties between placements the
    # arithmetic cannot tell apart (R7)
    narrative = _narrative_numbers(norm, doc)
    prefer = _prefer(narrative)
    r2 = part2.assemble(arb, tokens, starts, doc, n_text, prefer)
    r3 = part3.assemble(arb, tokens, starts, doc, n_text, prefer)
    part4.assemble(arb, tokens, starts, doc, n_text, prefer, narrative)
    if r3 is not None:
        _repair_parts_34(arb, tokens, starts, doc, r3, n_text)
    fields = _every_key(arb.fields, edition)
    if r3 is not None:
        arb.findings += _part3_rows_not_found(fields, edition)
    if r2 is not None:
        arb.findings += _part2_rows_not_found(fields, edition)
    arb.findings += _filler_cells(fields)
    return fields, arb.findings, kept_alternatives(arb, fields, OPEN_ROWS.get(edition, ()))


def _prefer(narrative: frozenset[float]) -> Prefer:
    def prefer(vals: list[Value]) -> float:
        return float(sum(1 for v in vals if v is not None and v >= NARRATIVE_MIN_VALUE and v in narrative))

    return prefer


def _repair_parts_34(arb: Arbiter, tokens: list[Token], starts: list[int], doc: DocInfo, r3: tuple[int, int], n_text: int) -> None:
    r5 = region(doc, 5, n_text)
    lo, hi = tok_range(starts, (r3[0], r5[0] if r5 is not None else n_text))
    table = TableContext(tokens, lo, hi, arb.edition, arb.fields)
    for read in REPAIRS:
        for r in read(table):
            arb.apply(r)


def _every_key(fields: dict[str, Field], edition: str) -> dict[str, Field]:
    """Every key of the edition, in schema order; a key no reading gave is missing."""
    return {k: f if (f := fields.get(k)) is not None else Field(k, None, "missing") for k in schema.keys(edition)}


def _part3_rows_not_found(fields: dict[str, Field], edition: str) -> list[Finding]:
    """Rows of part 三 (which is there) that lack their label: one finding each."""
    rows = _part3_row_keys(edition)
    absent = [(r, keys) for r, keys in rows if all(fields[k].status == "missing" for k in keys)]
    sub = [r.key for r, _ in rows if r.key.startswith("other_processing.") and r.key != "other_processing.total"]
    gone = {r.key for r, _ in absent}
    if edition == "2021" and (all(k in gone for k in sub) != ("other_processing.total" in gone)):
        # （六） is printed one way or the other: the form not printed is not missing
        absent = [(r, keys) for r, keys in absent if not r.key.startswith("other_processing.")]
    return [
        Finding(
            "row_not_found",
            "warning",
            f"part 三 row {r.label!r} was not found (label missing or unreadable); its cells are missing",
            keys=keys,
        )
        for r, keys in absent
    ]


def _filler_cells(fields: dict[str, Field]) -> list[Finding]:
    """Cells that hold a filler (``详见附表``, ``*``) in place of a count: one finding naming them all."""
    keys = tuple(k for k, f in fields.items() if f.value is None and f.status == "doubtful" and f.raw and is_filler(f.raw))
    if not keys:
        return []
    return [Finding("filler_cells", "warning", f"{len(keys)} cell(s) hold a filler such as 详见附表 or * in place of a "
                    "count: value None, doubtful; the count is printed elsewhere or not at all", keys=keys)]


def _part2_rows_not_found(fields: dict[str, Field], edition: str) -> list[Finding]:
    return [
        Finding("row_not_found", "warning", f"part 二 row {r.label!r} was not found", keys=ks)
        for r, ks in _part2_row_keys(edition)
        if all(fields[k].status == "missing" for k in ks)
    ]


@functools.cache
def _part3_row_keys(edition: str) -> tuple[tuple[schema.Label, tuple[str, ...]], ...]:
    """Part 三's rows of an edition, each with the keys of its cells (the same for every report: made once)."""
    s = schema.load()
    return tuple((r, tuple(f"applications.{r.key}.{c.key}" for c in s.app_columns)) for r in s.app_rows_for(edition))


@functools.cache
def _part2_row_keys(edition: str) -> tuple[tuple[schema.Label, tuple[str, ...]], ...]:
    """Part 二's rows of an edition, block by block, each with the keys of its cells (made once)."""
    return tuple(
        (r, tuple(f"active.{r.key}.{c.key}" for c in b.columns_for(edition)))
        for b in schema.load().active if edition in b.editions for r in b.rows_for(edition)
    )


# a number of the narrative, not a date's, a time's or an ordinal's part ("2019年12月31日", "2024-02-19",
# "10:30", "第3次"): those prove nothing about the tables' cells (a 12 of 12月31日 picked a cutting of
# part 四's glued digits)
_NARRATIVE_NUMBER = regex.compile(
    r"(?<![0-9.第])(?<![0-9][-/:])[0-9]+(?:\.[0-9]+)?(?![0-9.])(?![-/:][0-9])(?!\s*[年月日时号期届])"
)


def _narrative_numbers(norm: Normalized, doc: DocInfo) -> frozenset[float]:
    """Numbers printed in the preface and part 一 (the narrative that restates the tables)."""
    out: set[float] = set()
    for sp in (doc.preface, doc.parts.get(1)):
        if sp is not None:
            out.update(float(m) for m in _NARRATIVE_NUMBER.findall(norm.text, sp[0], sp[1]))
    return frozenset(out)
