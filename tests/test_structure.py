"""The table stage's shape (issue 11): small functions, one module per reading, each with a case row."""

from __future__ import annotations

import ast
import importlib
import pathlib

import pytest

import govdisclosure.tables as tables
from govdisclosure.tables import part2, part3, part4

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
                  *part3.REPAIRS, *part4.ROW_READINGS, *tables.REPAIRS]
    }
    assert registered == set(READING_MODULES)
