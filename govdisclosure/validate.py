"""Stage 6: the arithmetic the template promises (schema.md R1–R4).

Each broken relation becomes a finding naming its keys; every field in it that was ``ok`` (or
``inferred``) becomes
``doubtful`` (the printed value is kept).  A relation with a blank or missing cell is not assessable,
which is not a failure; but a row sum (R3, R4) with a printed 总计 that fails with its empty cells as 0
leaves the row's placement unconfirmed: its cells are doubtful (``empty_cells_do_not_add_up``).
The columns' habits count too: a part 三 row that leaves empty a column the report fills, zeros
included, in most rows is doubtful (``column_out_of_habit``).
"""

from __future__ import annotations

import functools
from collections.abc import Collection, Mapping
from typing import Protocol

from . import schema
from .report import Field, Finding

__all__ = ["check", "relations"]

TOLERANCE = 1e-6


Relation = tuple[str, tuple[str, ...], tuple[str, ...]]


class _Status(Protocol):
    @property
    def status(self) -> str: ...


def relations(edition: str, fields: Mapping[str, _Status]) -> list[Relation]:
    """(rule, left keys, right keys): sum(left) must equal sum(right)."""
    return list(_relations(edition, _has_sub(edition, fields)))


def _has_sub(edition: str, fields: Mapping[str, _Status]) -> bool:
    """Which form of （六） the document prints: the numbered sub-rows (True), else the single row."""
    return any((f := fields.get(k)) is not None and f.status != "missing" for k in _sub_row_keys(edition))


@functools.lru_cache(maxsize=None)
def _checks(edition: str, has_sub: bool) -> tuple[tuple[str, tuple[str, ...], tuple[str, ...], tuple[str, ...]], ...]:
    """:func:`_relations` with each relation's keys, left then right, joined once."""
    return tuple((rule, left, right, left + right) for rule, left, right in _relations(edition, has_sub))


@functools.lru_cache(maxsize=None)
def _sub_row_keys(edition: str) -> tuple[str, ...]:
    """The cells of （六）其他处理's numbered sub-rows."""
    s = schema.load()
    subs = [r.key for r in s.app_rows_for(edition) if r.key.startswith("other_processing.") and r.key != "other_processing.total"]
    return tuple(f"applications.{k}.{c.key}" for k in subs for c in s.app_columns)


@functools.lru_cache(maxsize=None)
def _relations(edition: str, has_sub: bool) -> tuple[Relation, ...]:
    """The relations of an edition, with （六） printed as its sub-rows or as one row: the same for every
    report (the schema's), so made once, of tuples no caller can change."""
    s = schema.load()
    cols = [c.key for c in s.app_columns]
    rows = [r for r in s.app_rows_for(edition)]
    out: list[Relation] = []
    a = "applications."
    sub = [r.key for r in rows if r.key.startswith("other_processing.") and r.key != "other_processing.total"]
    processed = [r.key for r in rows if r.processed and (r.key != "other_processing.total" if has_sub else r.key not in sub)]
    for c in cols:
        out.append(("R1", (f"{a}new_received.{c}", f"{a}carried_over.{c}"), (f"{a}total_processed.{c}", f"{a}carried_forward.{c}")))
        out.append(("R2", tuple(f"{a}{k}.{c}" for k in processed), (f"{a}total_processed.{c}",)))
    for r in rows:
        out.append(("R3", tuple(f"{a}{r.key}.{c}" for c in cols[:-1]), (f"{a}{r.key}.total",)))
    for g in s.review_groups:
        out.append(("R4", tuple(f"{g.key}.{c.key}" for c in s.review_columns[:-1]), (f"{g.key}.total",)))
    return tuple(out)


_RULE_TEXT = {
    "R1": "一 + 二 = （七）总计 + 四 (the 勾稽关系 printed in the table header)",
    "R2": "（七）总计 = the sum of the rows （一）…（六）",
    "R3": "a row's 总计 = the sum of its six applicant columns",
    "R4": "总计 = 维持 + 纠正 + 其他 + 尚未审结",
}


# Findings of placements made by reasoning: when the arithmetic breaks on any of their cells, the
# whole placement loses its confidence, not only the cells in the broken relation
REASONED = frozenset(
    {"columns_from_positions", "rows_placed_by_order", "glued_digits", "cells_placed_by_arithmetic", "solved_by_table_sums", "extra_cells"}
)


def check(fields: dict[str, Field], edition: str, placed: tuple[Finding, ...] | list[Finding] = ()) -> tuple[dict[str, Field], list[Finding]]:
    """Check R1–R4; ``placed`` are the table stage's findings (reasoned placements to revisit)."""
    out = dict(fields)
    findings: list[Finding] = []
    broken_keys: set[str] = set()
    columns: list[tuple[str, tuple[str, ...], tuple[str, ...]]] = []  # R1, R2 with empty cells
    failing = 0  # column sums (R2) that fail, with their empty cells as 0 or with none
    get = fields.get
    has_sub = _has_sub(edition, fields)
    for rule, left, right, both in _checks(edition, has_sub):
        # (the values of the relation's cells, up to the first that has none: relations() gives the
        # same relations in the same order)
        vals: list[int | float] = []
        for k in both:
            f = get(k)
            if f is None or f.value is None:
                break
            vals.append(f.value)
        if len(vals) < len(both):
            if rule in ("R1", "R2"):
                columns.append((rule, left, right))
            elif _empty_cells_do_not_add_up(fields, rule, left, right):
                findings.append(_doubt_empty_cells(out, rule, left, right))
            continue  # not assessable
        lsum = sum(vals[: len(left)])
        rsum = sum(vals[len(left) :])
        if abs(lsum - rsum) <= TOLERANCE:
            continue
        keys = tuple(left + right)
        findings.append(
            Finding(
                f"arithmetic_{rule}",
                "warning",
                f"{rule} fails: {_RULE_TEXT[rule]} — {' + '.join(str(fields[k].value) for k in left)} = {lsum} "
                f"but {' + '.join(str(fields[k].value) for k in right)} = {rsum}",
                keys=keys,
                spans=tuple(fields[k].span for k in keys if fields[k].span is not None),  # type: ignore[misc]
            )
        )
        broken_keys.update(keys)
        _doubt(out, keys)
        failing += rule == "R2"
    # the columns' relations after the rows': an empty cell that a failing row sum made doubtful may be
    # any number, and a column relation through it then says nothing
    empty_rows = _empty_rows(out) if columns else set()
    # (the cells lost so far: read empty but doubtful, or not found; not those the columns doubt next)
    lost = {k for k, f in out.items() if f.value is None and f.status not in ("blank", "not_applicable")} if columns else set()
    for rule, left, right in columns:
        if _empty_cells_do_not_add_up(out, rule, left, right, empty_rows):
            findings.append(_doubt_empty_cells(out, rule, left, right))
            failing += rule == "R2"
    rels = _relations(edition, has_sub)
    if columns:
        findings.extend(_lost_cells_disagree(out, rels, empty_rows, lost))
    if failing >= FAILING_COLUMNS:
        findings.append(_rows_off_their_labels(out, failing, rels))
    if columns:
        findings.extend(_lone_cells(out, rels, empty_rows))
        findings.extend(_out_of_habit(out))
    findings.extend(_negative_counts(out, edition))
    for p in placed:
        if p.code in REASONED and broken_keys.intersection(p.keys):
            for k in p.keys:
                g = out.get(k)
                if g is not None and g.status == "inferred":
                    out[k] = _doubtful(g)
    return out, findings


# Columns of part 三 whose sum down the rows (R2) fails, with or without empty cells, before the rows
# are taken to be read off their labels as a whole: each row a run of numbers that is another row's
# (numbers printed above their labels, read as the next label's), every row sum holding
FAILING_COLUMNS = 4


def _rows_off_their_labels(out: dict[str, Field], failing: int, rels: tuple[Relation, ...]) -> Finding:
    """Most of part 三's column sums fail: its runs of numbers were given to the wrong labels table-wide
    (each row the numbers printed above the next label), every row sum holding.  A column whose sum
    cannot be assessed (an empty cell may be any count) is then no better placed than the failing
    ones: every cell of a column whose sum does not hold is doubtful, the empty ones too."""
    unsure: list[str] = []
    for rule, left, right in rels:
        if rule == "R2":
            keys = left + right
            vals = [out[k].value for k in keys]
            if any(v is None for v in vals) or abs(sum(vals[: len(left)]) - sum(vals[len(left) :])) > TOLERANCE:  # type: ignore[arg-type]
                col = right[-1].rsplit(".", 1)[1]
                unsure += [k for k in out if k.startswith("applications.") and k.rsplit(".", 1)[1] == col]
    _doubt(out, tuple(unsure), ("ok", "inferred", "blank", "not_applicable"))
    return Finding(
        "column_sums_fail", "warning",
        f"the column sums (R2) fail in {failing} of part 三's columns: its rows were read off their labels "
        "(numbers printed above or below the label they belong to?); the cells of every column whose sum "
        "does not hold are doubtful",
        keys=tuple(unsure),
    )


def _doubt_empty_cells(out: dict[str, Field], rule: str, left: tuple[str, ...], right: tuple[str, ...]) -> Finding:
    """A relation that fails with its empty cells as 0: its cells doubtful, empty ones too, and its finding."""
    keys = tuple(left + right)
    _doubt(out, keys, ("ok", "inferred", "blank", "not_applicable"))
    return Finding(
        "empty_cells_do_not_add_up", "warning",
        f"{rule} is not assessable (empty cells), but with the empty cells as 0 it fails: "
        f"{_RULE_TEXT[rule]} — a cell may stand in another column, or one was lost",
        keys=keys,
    )


def _lost_cells_disagree(
    out: dict[str, Field], rels: tuple[Relation, ...], empty_rows: Collection[str], lost: Collection[str]
) -> list[Finding]:
    """A part 三 cell of ``lost`` (read empty but doubtful, or not found: any count may stand there) that
    two relations, each with every other cell printed with a number, give different counts: one of
    those other cells is wrong, and no placement of them is confident.  （七）总计's 3,901 cut to '3,9'
    by a narrow cell: R2 down 自然人 gives it 3901, R1 gives it 3922 because 结转's 43 | 22 came out
    22 | 43."""
    implied: dict[str, list[tuple[float, tuple[str, ...]]]] = {}
    for rule, left, right in rels:
        keys = left + right
        if rule == "R4" or (rule in ("R1", "R2") and _through(empty_rows, keys)):
            continue
        unread = [k for k in keys if k in lost]
        if len(unread) != 1 or sum(out[k].value is None for k in keys) > 1:
            continue  # (a blank taken as 0 says too little: a 总计 column left unfilled gives 0 + 0 = x + 0)
        lsum = sum(out[k].value or 0 for k in left)
        rsum = sum(out[k].value or 0 for k in right)
        implied.setdefault(unread[0], []).append((rsum - lsum if unread[0] in left else lsum - rsum, keys))
    found: list[Finding] = []
    for key, said in implied.items():
        if len(said) > 1 and max(v for v, _ in said) - min(v for v, _ in said) > TOLERANCE:
            keys = tuple(dict.fromkeys(k for _, ks in said for k in ks))
            _doubt(out, keys, ("ok", "inferred", "blank", "not_applicable"))
            found.append(Finding(
                "lost_cell_sums_disagree", "warning",
                f"{key} could not be read, and the relations through it give it different counts "
                f"({', '.join(str(v) for v, _ in said)}): a cell they share stands in another column, or one was lost",
                keys=keys,
            ))
    return found


def _out_of_habit(out: dict[str, Field]) -> list[Finding]:
    """Part 三's rows that leave empty a column the report fills, zeros included, in most rows, and
    print a number in a column it leaves empty in most: a report that writes its zeros does not leave
    that cell empty, and one that leaves a column blank leaves it blank in every row.  The number was
    read a column over (a grid of a printed page whose cells stand where its words fall: "| 0 | | | | |
    0 |" under 商业企业 for 自然人's 0, every sum holding), or a 0 of the row was lost (a row printing
    only its 总计): the row's empty and out-of-habit cells are doubtful."""
    rows: dict[str, dict[str, Field]] = {}
    for k, f in out.items():
        if k.startswith("applications.") and not k.endswith(".total"):
            row, col = k.rsplit(".", 1)
            rows.setdefault(row, {})[col] = f
    printed = [r for r in rows.values() if any(f.value is not None for f in r.values())]
    if len(printed) < HABIT_ROWS:
        return []
    cols = {c for r in printed for c in r}
    filled = {c: sum(r[c].value is not None for r in printed if c in r) for c in cols}
    zeros = {c for c in cols if any(c in r and r[c].value == 0 for r in printed)}
    habit = {c for c in zeros if 2 * filled[c] > len(printed)}
    rare = {c for c in cols if 2 * filled[c] < len(printed)}
    if not habit:
        return []
    found: list[Finding] = []
    for row, r in rows.items():
        empty = [c for c in habit if c in r and r[c].value is None and r[c].status in ("blank", "doubtful") and not (r[c].raw or "").strip()]
        total = out.get(row + ".total")
        if not empty or total is None or total.value is None:
            continue
        odd = [c for c in rare if c in r and r[c].value is not None]
        keys = tuple(f"{row}.{c}" for c in sorted(empty) + sorted(odd))
        _doubt(out, keys, ("ok", "inferred", "blank"))
        found.append(Finding(
            "column_out_of_habit", "warning",
            f"{row} leaves {', '.join(sorted(empty))} empty, which the report fills (zeros too) in most rows"
            + (f", and prints {', '.join(sorted(odd))}, which it leaves empty in most" if odd else "")
            + ": a number of the row was read a column over, or lost; those cells are doubtful",
            keys=keys,
        ))
    return found


# Part 三 rows printing something before their columns show the report's habit (_out_of_habit)
HABIT_ROWS = 8


@functools.lru_cache(maxsize=None)
def _running_counts(edition: str) -> tuple[tuple[str, str], ...]:
    """(上一年项目数量, 本年增/减) of each part 二 row that prints both (the 2019 edition's)."""
    return tuple(
        (f"active.{r.key}.previous", f"active.{r.key}.change")
        for b in schema.load().active
        if {"previous", "change"} <= {c.key for c in b.columns_for(edition)}
        for r in b.rows_for(edition)
    )


def _negative_counts(out: dict[str, Field], edition: str) -> list[Finding]:
    """A part 二 row whose 上一年项目数量 and 本年增/减 add up to less than nothing: this year's count
    cannot be negative, so one of the two is not what the report printed ("2648 -18538": the 增/减
    cell -18 glued to the 538 beside it)."""
    found: list[Finding] = []
    for prev, change in _running_counts(edition):
        p, c = out.get(prev), out.get(change)
        if p is None or c is None or p.value is None or c.value is None or p.value + c.value >= 0:
            continue
        _doubt(out, (prev, change))
        found.append(Finding(
            "negative_count", "warning",
            f"{prev} {p.value} with {change} {c.value} leaves this year's count below zero: a cell was misread "
            "(digits of two cells run together?)",
            keys=(prev, change),
        ))
    return found


@functools.lru_cache(maxsize=None)
def _column_partners(rels: tuple[Relation, ...]) -> dict[str, tuple[tuple[str, ...], ...]]:
    """Each part 三 cell with the keys of the column relations (R1, R2) through it."""
    partners: dict[str, list[tuple[str, ...]]] = {}
    for rule, left, right in rels:
        if rule in ("R1", "R2"):
            for k in left + right:
                partners.setdefault(k, []).append(left + right)
    return {k: tuple(v) for k, v in partners.items()}


def _lone_cells(out: dict[str, Field], rels: tuple[Relation, ...], empty_rows: Collection[str]) -> list[Finding]:
    """A confident part 三 count (not 0) that every column relation through it (R1, R2) leaves alone:
    each of their other cells is empty.  No table holds that — R1 and R2 put a count in two rows at
    least (a result in （七）总计, 结转 beside 一 or 二) — so the count stands in a column the report
    leaves blank: a cell repeated in its row ("0 | 4 | 4" for "0 | 4 | " in a table whose 总计 column is
    empty), however its row's sum holds.  Its row is doubtful.  (An empty cell is blank here whatever
    its status: the column relations are the evidence that it is.)"""
    found: list[Finding] = []
    for key, through in _column_partners(rels).items():
        f = out[key]
        if not f.value or f.status not in ("ok", "inferred"):
            continue
        among = [keys for keys in through if not _through(empty_rows, keys)]
        if not among or any(out[k].value is not None for keys in among for k in keys if k != key):
            continue
        row = key.rsplit(".", 1)[0]
        cells = tuple(k for k in out if k.startswith(row + ".") and k.count(".") == key.count("."))
        _doubt(out, cells)
        found.append(Finding(
            "lone_cell", "warning",
            f"{key} {f.value} stands alone: every column relation through it (R1, R2) is empty in its other "
            "cells, and no count of part 三 can stand alone, so a cell of its row was repeated or shifted; "
            "the row is doubtful",
            keys=cells,
        ))
    return found


def _doubt(out: dict[str, Field], keys: tuple[str, ...], confident: tuple[str, ...] = ("ok", "inferred")) -> None:
    for k in keys:
        f = out[k]
        if f.status in confident:
            out[k] = _doubtful(f)


def _doubtful(f: Field) -> Field:
    """The field, doubtful (what dataclasses.replace makes, built directly: it costs a fifth)."""
    return Field(f.key, f.value, "doubtful", f.raw, f.span, f.label, f.unit, f.page, f.bbox)


def _empty_cells_do_not_add_up(
    fields: dict[str, Field], rule: str, left: tuple[str, ...], right: tuple[str, ...], empty_rows: Collection[str] = (),
) -> bool:
    """A relation with empty or not-applicable cells among its terms, which fails with those cells as 0:
    a row sum (R3, R4) with a printed 总计 ("| 1295 | 431 | | | | | 1338 |": the 7 of 13387 went to
    the next page), or a column's (R1, R2) whose rows each print something ("无  66件 … 66件" for
    结转's "66件  无 … 66件": pdftotext -layout moved a mark left past the number, and every row sum
    still holds).  Not a broken relation (an empty cell is not 0), but no placement it holds for is
    confident: every cell of the relation is doubtful, the empty ones too (which column is empty is as
    unsure).  A column relation through one of ``empty_rows``, rows empty in every column, says nothing
    (a report that leaves its （七）总计 row unfilled)."""
    if rule in ("R3", "R4", "R2"):
        # (a row's 总计 printed as a not-applicable mark is 0 as well: "1,400 | / | … | /" for a 总计 of
        # 1,400 that the row's next line took, a mark of the line below read in its place)
        ft = fields.get(right[-1])
        if ft is None or (ft.value is None and (rule == "R2" or ft.status != "not_applicable")):
            return False
    terms = [fields.get(k) for k in left + right]
    if any(f is None for f in terms):
        return False
    if all(f.value is None for f in terms[: len(left)]):  # type: ignore[union-attr]
        if rule != "R1" or all(f.value is None for f in terms):  # type: ignore[union-attr]
            return False
    if _through(empty_rows, left + right):
        return False
    lsum = sum(f.value for f in terms[: len(left)] if f.value is not None)  # type: ignore[union-attr,misc]
    rsum = sum(f.value for f in terms[len(left) :] if f.value is not None)  # type: ignore[union-attr,misc]
    # a doubtful cell read empty (or a missing one) may be any count: the relation says which, not that
    # the others are wrong, unless no count will do, the side without such cells being the smaller one
    # (结转's 93 under 商业企业, whose 办结 cell is doubtful: 0 + 0 = x + 93)
    unknown = [f.value is None and f.status not in ("blank", "not_applicable") for f in terms]  # type: ignore[union-attr]
    if any(unknown):
        on_left, on_right = any(unknown[: len(left)]), any(unknown[len(left) :])
        if on_left and on_right:
            return False
        return (lsum - rsum if on_right else rsum - lsum) < -TOLERANCE
    return abs(lsum - rsum) > TOLERANCE


def _through(rows: Collection[str], keys: tuple[str, ...]) -> bool:
    """Whether a relation's ``keys`` run through one of ``rows`` (part 三 rows, "applications.<row>")."""
    return bool(rows) and any(k.rsplit(".", 1)[0] in rows for k in keys)


def _empty_rows(fields: dict[str, Field]) -> set[str]:
    """The part 三 rows that print nothing in any column: left unfilled.  (A row of not-applicable
    marks is filled in, however doubtful its cells: its marks stand for 0, and a column's sum through
    it still says something.)"""
    filled: dict[str, bool] = {}
    for k, f in fields.items():
        if k.startswith("applications."):
            row = k.rsplit(".", 1)[0]
            filled[row] = filled.get(row, False) or f.value is not None or bool(f.raw and f.raw.strip())
    return {row for row, has in filled.items() if not has}
