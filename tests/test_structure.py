"""The table stage's shape (issue 11): small functions, one module per reading, each with a case row."""

from __future__ import annotations

import ast
import importlib
import pathlib

import pytest

import govdisclosure.tables as tables
from govdisclosure.normalize import normalize
from govdisclosure.tables import part2, part3, part4
from govdisclosure.tables.arbiter import Arbiter
from govdisclosure.tables.model import Cell, Placed, Reading

ROOT = pathlib.Path(tables.__file__).parent
MAX_LINES = 60
CASES = (pathlib.Path(__file__).parent / "cases" / "quirks.py").read_text(encoding="utf-8")


def _functions() -> list[tuple[str, int]]:
    out = []
    for path in sorted(ROOT.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                start = min([node.lineno, *(d.lineno for d in node.decorator_list)])
                out.append((f"{path.relative_to(ROOT)}:{node.lineno} {node.name}", node.end_lineno - start + 1))  # type: ignore[operator]
    return out


def test_no_function_in_the_table_stage_is_longer_than_60_lines() -> None:
    long = [f"{name} ({n} lines)" for name, n in _functions() if n > MAX_LINES]
    assert _functions() and not long, "split these: " + ", ".join(long)


READING_MODULES = sorted(p.stem for p in (ROOT / "readings").glob("*.py") if p.stem != "__init__")


@pytest.mark.parametrize("name", READING_MODULES)
def test_every_reading_is_a_module_with_a_docstring_and_a_case_row(name: str) -> None:
    mod = importlib.import_module(f"govdisclosure.tables.readings.{name}")
    assert mod.__doc__ and len(mod.__doc__) > 80, f"{name}: a docstring naming the converter phenomenon"
    assert callable(getattr(mod, "read", None)), f"{name}: one entry point, read(ctx)"
    cases = [w.strip("`") for w in mod.__doc__.split() if w.startswith("``") and w.strip("`.,") and "-" in w]
    assert any(f'"{c.strip("`.,")}"' in CASES for c in cases), f"{name}: its docstring names a case row of tests/cases/"


def test_every_reading_is_registered_by_a_part() -> None:
    registered = {
        f.__module__.rsplit(".", 1)[-1]
        for f in [*part2.ROW_READINGS, *part2.READINGS, *part2.REPAIRS, *part3.ROW_READINGS, *part3.READINGS,
                  *part3.ALTERNATIVES, *part3.SECOND_LOOK, *part3.REPAIRS, *part4.ROW_READINGS, *tables.REPAIRS]
    }
    assert registered == set(READING_MODULES)


def _arbiter() -> Arbiter:
    return Arbiter(normalize("12 13 0"), "2021")


def test_readings_that_disagree_confidently_leave_the_cell_in_doubt() -> None:
    arb = _arbiter()
    k = "applications.new_received.total"
    arb.apply(Reading("positional", {k: Placed(Cell("12", "num", 0, 2), 12, "ok")}, {k: "一"}))
    arb.apply(Reading("orphans", {k: Placed(Cell("13", "num", 3, 5), 13, "inferred")}, {k: None}, evidence="by order"))
    f = arb.fields[k]
    assert (f.value, f.status, f.raw) == (12, "doubtful", "12")
    (finding,) = arb.findings
    assert finding.code == "readings_disagree" and finding.keys == (k,)
    assert "positional" in finding.message and "orphans" in finding.message


def test_a_repair_fills_only_what_no_reading_decided() -> None:
    arb = _arbiter()
    a, b, c = "applications.new_received.total", "applications.carried_over.total", "applications.granted.total"
    arb.apply(Reading("positional", {a: Placed(Cell("12", "num", 0, 2), 12, "ok"), b: Placed(None, None, "doubtful")}, {}))
    zero = Placed(Cell("0", "num", 6, 7), 0, "inferred")
    arb.apply(Reading("all_zero", {a: zero, b: zero, c: zero}, {}, mode="repair"))
    got = {k: (f.value, f.status) for k, f in arb.fields.items()}
    assert got == {a: (12, "ok"), b: (0, "inferred"), c: (0, "inferred")}
    assert not arb.findings
