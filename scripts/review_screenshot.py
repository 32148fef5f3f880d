"""Render a report's review page and take a screenshot of it in headless Chromium.

    python scripts/review_screenshot.py [REPORT] [-o docs/review.png] [--html docs/review.html]

Needs Chromium (Debian: ``apt-get install -y chromium fonts-noto-cjk``; the CJK fonts make the
Chinese text readable in the picture).  The page is written with ``govdisclosure review`` (through
``govdisclosure.cli.main``), Chromium loads it from a file URL with networking off, and the PNG is
what a reviewer would see on a 1600×1000 screen.  Exit status 0 when the PNG was written.

The page's header shows the report's path relative to the working directory: run it from the
repository root for ``docs/review.png`` (``.venv/bin/python scripts/review_screenshot.py``).
:func:`dump_dom` gives the DOM after scripts ran; tests/test_review.py checks the rendered page with it.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
#: A crawler's one-line dump with glued cells: it has ok, inferred and doubtful values and findings.
DEFAULT_REPORT = ROOT / "corpus" / "real" / "pingtan-2022.txt"
#: Where the page is scrolled for the picture: the part 三 table in the text.
DEFAULT_TARGET = "v-applications.new_received.natural_person"
CANDIDATES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
#: Chromium's own limit for a headless screenshot run; a page of this size renders in ~2 s.
TIMEOUT_S = 60


def find_chromium() -> str | None:
    for name in CANDIDATES:
        path = shutil.which(name)
        if path:
            return path
    return None


def _chromium(chromium: str | None) -> str:
    exe = chromium or find_chromium()
    if exe is None:
        raise SystemExit("no Chromium found: apt-get install -y chromium fonts-noto-cjk")
    return exe


#: Headless, no sandbox (CI runs as root), no network beyond the file, no first-run work.
_FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
          "--disable-component-update", "--disable-sync", "--no-first-run", "--hide-scrollbars")


def dump_dom(html: Path, *, size: str = "1600,1000", chromium: str | None = None,
             budget_ms: int = 5000) -> str:
    """The page's DOM as Chromium serialises it once the page loaded and its scripts had
    ``budget_ms`` of (virtual) time: what a script injected into the page wrote is in it."""
    exe = _chromium(chromium)
    with tempfile.TemporaryDirectory() as profile:
        cmd = [exe, *_FLAGS, f"--user-data-dir={profile}", f"--window-size={size}",
               f"--virtual-time-budget={budget_ms}", "--dump-dom", html.resolve().as_uri()]
        run = subprocess.run(cmd, check=True, timeout=TIMEOUT_S, capture_output=True)
    return run.stdout.decode("utf-8")


def screenshot(html: Path, png: Path, *, size: str = "1600,1000", chromium: str | None = None,
               fragment: str = "") -> Path:
    exe = _chromium(chromium)
    png.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as profile:
        cmd = [
            exe, *_FLAGS, f"--user-data-dir={profile}", f"--window-size={size}", f"--screenshot={png}",
            html.resolve().as_uri() + (f"#{fragment}" if fragment else ""),
        ]
        subprocess.run(cmd, check=True, timeout=TIMEOUT_S, capture_output=True)
    if not png.exists() or png.stat().st_size == 0:
        raise SystemExit(f"Chromium did not write {png}")
    return png


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("report", nargs="?", default=str(DEFAULT_REPORT), help="a report file")
    ap.add_argument("-o", "--output", default=str(ROOT / "docs" / "review.png"), help="PNG to write")
    ap.add_argument("--html", help="keep the HTML page here (default: a temporary file)")
    ap.add_argument("--target", default=DEFAULT_TARGET, help="element id to scroll to (e.g. v-KEY)")
    ap.add_argument("--size", default="1600,1000", help="window size WIDTH,HEIGHT")
    a = ap.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    from govdisclosure.cli import main as cli

    with tempfile.TemporaryDirectory() as tmp:
        page = Path(a.html) if a.html else Path(tmp, "review.html")
        rc = cli(["review", a.report, "-o", str(page)])
        if rc:
            return rc
        screenshot(page, Path(a.output), size=a.size, fragment=a.target)
    print(f"wrote {a.output}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    os.environ.setdefault("PYTHONHASHSEED", "0")
    sys.exit(main())
