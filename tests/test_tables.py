"""Stage tests for tables/: row placement and the whole-table solver."""

from __future__ import annotations

import pathlib

import pytest

import govdisclosure
from govdisclosure.layout import tokenize
from govdisclosure.tables import resolve_row

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
