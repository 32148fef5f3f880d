"""The [test] extra installs what the tests import: no test skips in CI for a missing package.

A test that did ``pytest.importorskip("pypdf")`` skipped everywhere because pypdf was only in [dev].
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


#: import names whose distribution is named otherwise
DISTRIBUTION = {"cv2": "opencv-python"}


def _test_extra() -> set[str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    reqs = [*project["optional-dependencies"]["test"], *project["dependencies"]]
    return {re.split(r"[\[<>=!~ ;]", r, maxsplit=1)[0].lower().replace("_", "-") for r in reqs}


def test_test_extra_has_pypdf_and_mypy() -> None:
    extra = _test_extra()
    assert "pypdf" in extra  # tests/test_fuzz.py::test_hostile_fixtures_are_current
    assert "mypy" in extra  # tests/test_typing.py


def test_every_package_a_test_may_skip_on_is_in_the_test_extra() -> None:
    extra = _test_extra()
    ours = ("govdisclosure", "scripts")
    missing = {}
    for path in sorted((ROOT / "tests").glob("test_*.py")):
        for mod in re.findall(r"""importorskip\(\s*["']([\w.]+)["']""", path.read_text(encoding="utf-8")):
            top = mod.split(".")[0].lower().replace("_", "-")
            top = DISTRIBUTION.get(top, top)
            if top not in ours and top not in extra:
                missing[mod] = path.name
    assert not missing, f"add to [project.optional-dependencies] test: {missing}"
