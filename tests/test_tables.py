"""Stage tests for tables/: row placement and the whole-table solver."""

from __future__ import annotations

import pathlib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import govdisclosure
from govdisclosure.layout import tokenize
from govdisclosure.report import Field
from govdisclosure.tables import arbiter, resolve_row
from govdisclosure.tables.model import Placed

PINGTAN = pathlib.Path(__file__).resolve().parent.parent / "corpus" / "real" / "pingtan-2022.txt"


def r3(v: list) -> bool | None:
    return None if None in v else v[-1] == sum(v[:-1])


@pytest.mark.parametrize(
    "text, n, values, statuses",
    [
        ("\t0\t0\t1\t\t", 3, [0, 0, 1], {"ok"}),
        ("713000074二", 7, [71, 3, 0, 0, 0, 0, 74], {"inferred"}),
        ("0000000(", 7, [0] * 7, {"inferred"}),
        ("5 1 0 0 0 0 9 6", 7, [5, 1, 0, 0, 0, 0, 6], {"inferred"}),  # the extra 9: only dropping it sums
    ],
    ids=["edge-blanks", "glued-r3", "leading-zero-run", "extra-cell"],
)
def test_resolve_row(text: str, n: int, values: list, statuses: set) -> None:
    placed, _ = resolve_row(tokenize(text), n, check=r3)
    assert [p.value for p in placed] == values
    assert {p.status for p in placed} <= statuses | {"ok"}


def test_row_left_open_by_r3_is_doubtful_not_guessed() -> None:
    placed, note = resolve_row(tokenize("110000011("), 7, check=r3)  # 1|10|…|11 or 11|0|…|11
    assert note == "glued_digits"
    assert {placed[0].status, placed[1].status} == {"doubtful"}
    placed, _ = resolve_row(tokenize("5 1 0 0 0 0 1 6"), 7, check=r3)  # either 1 may be the extra one
    assert [p.status for p in placed][1] == "doubtful" and placed[-1].value == 6


def test_whole_table_solver_places_rows_that_r3_leaves_open() -> None:
    # pingtan-2022 with rows （一） 18/1/…/19 and （二） 11/0/…/11, each ambiguous on its own:
    # only one combination keeps the columns' sums (R2) and 一+二=七+四 (R1)
    text = PINGTAN.read_text(encoding="utf-8")
    text = text.replace("8100009（三）", "110000011（三）").replace("（一）予以公开 210000021", "（一）予以公开 181000019")
    rep = govdisclosure.parse(text, narrative=False)
    got = {k: (rep.fields[f"applications.{k}"].value, rep.fields[f"applications.{k}"].status) for k in (
        "granted.natural_person", "granted.commercial_enterprise", "partly_granted.natural_person", "partly_granted.total")}
    assert got == {
        "granted.natural_person": (18, "inferred"),
        "granted.commercial_enterprise": (1, "inferred"),
        "partly_granted.natural_person": (11, "inferred"),
        "partly_granted.total": (11, "inferred"),
    }
    assert any(f.code == "solved_by_table_sums" for f in rep.findings)


@st.composite
def _solver_instances(draw: st.DrawFn) -> tuple[dict, list, list]:
    """Rows of alternatives over keys of their own, a board, and linear relations over the keys."""
    value = st.one_of(st.none(), st.integers(0, 3))
    n_rows = draw(st.integers(1, 5))
    rows, keys = [], []
    for r in range(n_rows):
        ks = [f"r{r}.c{c}" for c in range(draw(st.integers(1, 3)))]
        alts = draw(st.lists(st.lists(value, min_size=len(ks), max_size=len(ks)), min_size=1, max_size=4))
        rows.append((f"r{r}", ([[Placed(None, v, "doubtful") for v in a] for a in alts], None, ks)))
        keys += ks
    others = [f"o{i}" for i in range(draw(st.integers(0, 3)))]
    board = {k: Field(k, draw(value), "ok") for k in keys + others}
    rels = []
    for _ in range(draw(st.integers(1, 4))):
        lhs = draw(st.lists(st.sampled_from(keys + others), min_size=1, max_size=3, unique=True))
        rhs = draw(st.lists(st.sampled_from([k for k in keys + others if k not in lhs] or keys), min_size=1, max_size=2, unique=True))
        if set(lhs + rhs) & set(keys):  # (as the solver takes them: relations that hold a key it places)
            rels.append((tuple(lhs), tuple(rhs)))
    return board, rows, rels


@settings(max_examples=300, deadline=None)
@given(inst=_solver_instances())
def test_whole_table_solver_in_two_halves_finds_what_backtracking_finds(inst: tuple[dict, list, list]) -> None:
    # the solver's search for tables whose rows combine too many ways to try one by one must pass the
    # same combinations, in the same order, and check the same keys
    board, rows, rels = inst
    search = arbiter._Combinations(board, rows, rels)
    expected = (search.passing, search.assessed or set()) if search.extend(0) else ([], set())
    assert arbiter._in_two_halves(board, rows, rels) == expected
