"""Nothing on the user's stderr but what they ask for: the library logs under ``govdisclosure``
(a NullHandler only), its dependencies' messages are routed there, and ``govdisclosure -v`` shows them.

The fixture ``tests/fixtures/chromium/fontbbox.pdf`` is ``fontbbox.html`` printed by headless
Chromium (``chromium --headless --no-sandbox --no-pdf-header-footer --print-to-pdf=fontbbox.pdf
fontbbox.html``): its embedded fonts have no FontBBox, and pdfminer logs a warning for each of them
on every page — 32 lines on stderr before the routing.

The checks run in a fresh interpreter: inside pytest the root logger has pytest's handlers, so
Python's last-resort handler (the one that printed pdfminer's warnings) never fires here.
"""

from __future__ import annotations

import logging
import os
import subprocess
import sys
from pathlib import Path

import govdisclosure
from govdisclosure import _logging

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM_PDF = ROOT / "tests" / "fixtures" / "chromium" / "fontbbox.pdf"


def _run(code: str, *args: str) -> subprocess.CompletedProcess[str]:
    # pdfminer (the pdfplumber backend) is the dependency that logs; PDFium, the default, does not
    env = {**os.environ, "GOVDISCLOSURE_PDF_BACKEND": "pdfplumber"}
    return subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, timeout=120,
                          cwd=ROOT, env=env)


def test_parse_file_of_a_chromium_pdf_writes_nothing_to_stderr() -> None:
    # the phenomenon is still there: pdfminer, left to itself, prints its warnings
    bare = _run("import sys, pdfplumber\n"
                "with pdfplumber.open(sys.argv[1]) as pdf:\n"
                "    [p.extract_words() for p in pdf.pages]\n", str(CHROMIUM_PDF))
    assert "Could not get FontBBox" in bare.stderr
    # through the library: not a byte
    ours = _run("import sys, govdisclosure\n"
                "r = govdisclosure.parse_file(sys.argv[1])\n"
                "print(r.year)\n", str(CHROMIUM_PDF))
    assert ours.returncode == 0, ours.stderr
    assert ours.stdout.strip() == "2022"
    assert ours.stderr == ""


def test_cli_is_quiet_by_default_and_verbose_shows_dependency_messages_once() -> None:
    quiet = _run("import sys; from govdisclosure.cli import main; sys.exit(main())", "check",
                 str(CHROMIUM_PDF))
    assert quiet.stderr == "", quiet.stderr
    loud = _run("import sys; from govdisclosure.cli import main; sys.exit(main())", "check", "--verbose",
                str(CHROMIUM_PDF))
    lines = [ln for ln in loud.stderr.splitlines() if "FontBBox" in ln]
    assert len(lines) == 1, loud.stderr  # one line per file and message, with its count
    assert "pdfminer.pdffont" in lines[0] and "times)" in lines[0] and "[govdisclosure.inputs]" in lines[0]
    assert loud.returncode == quiet.returncode


def test_dependency_records_come_out_under_the_package_logger(caplog) -> None:  # type: ignore[no-untyped-def]
    with caplog.at_level(logging.DEBUG):
        govdisclosure.parse_file(CHROMIUM_PDF, pdf_backend="pdfplumber")
    names = {r.name for r in caplog.records}
    assert not any(n.startswith("pdfminer") or n.startswith("pdfplumber") for n in names), names
    routed = [r for r in caplog.records if "FontBBox" in r.getMessage()]
    assert len(routed) == 1 and routed[0].name == "govdisclosure.inputs"
    assert routed[0].levelno == _logging.DEPENDENCY_LEVEL and "times)" in routed[0].getMessage()


def test_outside_a_read_the_dependencies_log_as_their_owners_configured(caplog) -> None:  # type: ignore[no-untyped-def]
    govdisclosure.parse_file(CHROMIUM_PDF)  # the filter is installed by now
    with caplog.at_level(logging.WARNING, logger="pdfminer"):
        logging.getLogger("pdfminer.pdffont").warning("the user's own pdfminer work")
    assert [r.name for r in caplog.records] == ["pdfminer.pdffont"]


def test_the_library_attaches_no_handler_but_a_null_handler() -> None:
    govdisclosure.parse_file(CHROMIUM_PDF)
    for name, obj in logging.Logger.manager.loggerDict.items():
        if not isinstance(obj, logging.Logger):
            continue
        if name == "govdisclosure":
            assert [type(h) for h in obj.handlers] == [logging.NullHandler]
        elif name.startswith("govdisclosure.") or name.split(".")[0] in _logging.DEPENDENCIES:
            assert obj.handlers == [], name
