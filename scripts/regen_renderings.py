"""Regenerate the text renderings of every corpus PDF and say whether they match the committed ones.

usage: python scripts/regen_renderings.py [OUT_DIR] [--corpus corpus] [--write]

For every ``NAME.pdf`` under the corpus it makes three renderings, named as in the corpus:

- ``NAME.pdftotext.txt``         ``pdftotext NAME.pdf``          (poppler-utils; apt-get install -y poppler-utils)
- ``NAME.pdftotext-layout.txt``  ``pdftotext -layout NAME.pdf``
- ``NAME.pdfplumber.txt``        pdfplumber ``page.extract_text()`` of every page, joined by "\\n",
                                 plus one final "\\n" (as the committed file has: a text file ends in one)

into OUT_DIR (default: a fresh temporary directory), then compares each with the committed file
beside the PDF.  Nothing in the corpus is touched unless ``--write`` is given, which overwrites the
committed renderings with the regenerated ones (do that only on purpose: gold records were checked
against the committed text, and a different poppler or pdfplumber version may lay text out
differently).  Exit status: 0 when every rendering matches (or was written), 1 when one differs or
is missing, 2 when a tool is missing.
"""

from __future__ import annotations

import argparse
import difflib
import pathlib
import shutil
import subprocess
import sys
import tempfile

ROOT = pathlib.Path(__file__).resolve().parent.parent


def tool_versions() -> dict[str, str]:
    out: dict[str, str] = {}
    if shutil.which("pdftotext"):
        proc = subprocess.run(["pdftotext", "-v"], capture_output=True, text=True)
        out["pdftotext"] = (proc.stderr or proc.stdout).splitlines()[0].strip()
    try:
        import pdfplumber

        out["pdfplumber"] = pdfplumber.__version__
    except ImportError:
        pass
    return out


def pdftotext(pdf: pathlib.Path, out: pathlib.Path, *, layout: bool) -> None:
    cmd = ["pdftotext", *(["-layout"] if layout else []), str(pdf), str(out)]
    subprocess.run(cmd, check=True, capture_output=True)


def pdfplumber_text(pdf: pathlib.Path, out: pathlib.Path) -> None:
    import pdfplumber

    with pdfplumber.open(str(pdf)) as doc:
        text = "\n".join(page.extract_text() or "" for page in doc.pages) + "\n"
    out.write_text(text, encoding="utf-8")


RENDERINGS = {
    "pdftotext": lambda pdf, out: pdftotext(pdf, out, layout=False),
    "pdftotext-layout": lambda pdf, out: pdftotext(pdf, out, layout=True),
    "pdfplumber": pdfplumber_text,
}


def compare(new: pathlib.Path, committed: pathlib.Path) -> str:
    """'same', 'not committed', or a one-line summary of the first difference."""
    if not committed.exists():
        return "not committed"
    a, b = committed.read_bytes(), new.read_bytes()
    if a == b:
        return "same"
    old_lines = a.decode("utf-8", "replace").splitlines()
    new_lines = b.decode("utf-8", "replace").splitlines()
    changed = [ln for ln in difflib.unified_diff(old_lines, new_lines, lineterm="", n=0)
               if ln[:1] in "+-" and not ln.startswith(("+++", "---"))]
    first = changed[0] if changed else "(whitespace/line endings only)"
    return f"DIFFERS: {len(changed)} changed lines ({len(a)} -> {len(b)} bytes); first: {first[:100]!r}"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("out", nargs="?", help="where to write the renderings (default: a temporary directory)")
    ap.add_argument("--corpus", default=str(ROOT / "corpus"), help="corpus folder (default: %(default)s)")
    ap.add_argument("--write", action="store_true", help="overwrite the committed renderings in the corpus")
    a = ap.parse_args(argv)
    if not shutil.which("pdftotext"):
        print("pdftotext not found: install poppler-utils (apt-get install -y poppler-utils)", file=sys.stderr)
        return 2
    try:
        import pdfplumber  # noqa: F401
    except ImportError:
        print("pdfplumber not importable: run this with the project's venv (.venv/bin/python)", file=sys.stderr)
        return 2
    corpus = pathlib.Path(a.corpus)
    out = pathlib.Path(a.out) if a.out else pathlib.Path(tempfile.mkdtemp(prefix="renderings-"))
    out.mkdir(parents=True, exist_ok=True)
    print(f"tools: {tool_versions()}; writing to {out}")
    pdfs = sorted(corpus.rglob("*.pdf"))
    if not pdfs:
        print(f"no PDF under {corpus}")
        return 0
    differ = 0
    for pdf in pdfs:
        stem = pdf.name.split(".")[0]
        for name, make in RENDERINGS.items():
            fname = f"{stem}.{name}.txt"
            new = out / fname
            make(pdf, new)
            committed = pdf.parent / fname
            verdict = compare(new, committed)
            if a.write and verdict != "same":
                shutil.copyfile(new, committed)
                verdict += " -> written"
            elif verdict != "same":
                differ += 1
            print(f"{pdf.parent.name}/{fname:40s} {verdict}")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
