"""The package is typed for its users: ``py.typed`` is in the wheel, and mypy over the package is clean.

Without ``py.typed`` a user's mypy skips the package ("module is installed, but missing library stubs
or py.typed marker") and every value from it is ``Any``.  The mypy configuration is
``[tool.mypy]`` in pyproject.toml (its overrides name the modules whose errors are still to fix).
"""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _mypy(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "mypy", *args], capture_output=True, text=True, cwd=cwd,
                          timeout=600)


def test_py_typed_is_in_the_package() -> None:
    import govdisclosure

    assert (Path(govdisclosure.__file__).parent / "py.typed").is_file()


def test_the_wheel_ships_py_typed(tmp_path: Path) -> None:
    # the build backend (hatchling) drops files it does not consider part of the package: build the
    # wheel users get and look inside
    run = subprocess.run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(tmp_path), str(ROOT)],
                         capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stderr
    (wheel,) = tmp_path.glob("govdisclosure-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert "govdisclosure/py.typed" in names
    assert "govdisclosure/report.py" in names


def test_a_users_mypy_sees_the_package_typed(tmp_path: Path) -> None:
    user = tmp_path / "use.py"
    user.write_text('from govdisclosure.report import Field\n\n'
                    'f = Field("k", 1, "ok")\n'
                    'n: str = f.value\n', encoding="utf-8")
    run = _mypy("--no-incremental", "--python-executable", sys.executable, str(user), cwd=tmp_path)
    assert "py.typed" not in run.stdout, run.stdout  # not "missing library stubs or py.typed marker"
    # the package's annotations reach the user's code: the mistake is caught
    assert 'expression has type "int | float | None", variable has type "str"' in run.stdout, run.stdout


def test_mypy_over_the_package_is_clean() -> None:
    run = _mypy(cwd=ROOT)  # [tool.mypy] in pyproject.toml: packages = ["govdisclosure"]
    assert run.returncode == 0, run.stdout + run.stderr
    assert "Success: no issues found" in run.stdout
