"""Speed against the floor, in one run: parse(text) vs one regex pass, parse_file(pdf) vs pdfplumber.

    .venv/bin/python benchmarks/speed.py                  # every corpus text and PDF, 15 repeats
    .venv/bin/python benchmarks/speed.py --repeats 5 --json benchmarks/out/speed.json
    .venv/bin/python benchmarks/speed.py --profile        # also cProfile parse() over the texts

* **parse(text)**: for every corpus text (corpus/seeds, corpus/real, ../shared/corpus; .txt and .md),
  the median of ``--repeats`` timed ``govdisclosure.parse(text)`` calls against the median of the
  floor, one ``sum(1 for _ in regex.finditer(r"\\d+", text))`` pass over the same text.  Each repeat
  times the floor right after the parse, so both see the same machine load (the machine is shared);
  the ratio is parse / floor.  Target (issue 7): median ratio ≤ 30.
* **parse_file(pdf)**: for every PDF (corpus/real, tests/fixtures/files), the median of
  ``govdisclosure.parse_file(path)`` against the median of pdfplumber's own text extraction
  (``open`` + ``page.extract_text()`` for every page), interleaved the same way.  Target (issue 14) ≤ 0.15.
* **import**: ``python -X importtime -c "import govdisclosure"`` in a fresh interpreter, the
  cumulative time of the package (median of 5).  Target ≤ 150 ms.

Exit status 0 always: a harness, not a test (the targets are printed next to the figures).
"""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import pathlib
import pstats
import statistics
import subprocess
import sys
import time
from typing import Any, Callable

import regex

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import govdisclosure  # noqa: E402

SHARED = ROOT.parent / "shared" / "corpus"
TEXT_TARGET = 30.0
PDF_TARGET = 0.15
IMPORT_TARGET_MS = 150.0
_FLOOR = regex.compile(r"\d+")


def corpus_texts() -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    seen: set[str] = set()
    for base in (ROOT / "corpus", SHARED):
        for sub in ("seeds", "real"):
            d = base / sub
            if not d.is_dir():
                continue
            for p in sorted(d.iterdir()):
                if p.suffix in (".txt", ".md"):
                    t = p.read_text("utf-8")
                    if t not in seen:
                        seen.add(t)
                        out.append((f"{sub}/{p.name}", t))
    return out


def corpus_pdfs() -> list[pathlib.Path]:
    out: dict[bytes, pathlib.Path] = {}
    for d in (ROOT / "corpus" / "real", ROOT / "tests" / "fixtures" / "files", SHARED / "real"):
        if d.is_dir():
            for p in sorted(d.glob("*.pdf")):
                out.setdefault(p.read_bytes()[:4096] + str(p.stat().st_size).encode(), p)
    return list(out.values())


def floor(text: str) -> int:
    return sum(1 for _ in _FLOOR.finditer(text))


def plumber_text(path: pathlib.Path) -> str:
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        return "\n".join(page.extract_text() or "" for page in pdf.pages)


def paired(a: Callable[[], Any], b: Callable[[], Any], repeats: int) -> tuple[float, float]:
    """Medians of a() and b(), timed alternately (one untimed warm-up each)."""
    a()
    b()
    ta: list[float] = []
    tb: list[float] = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        a()
        t1 = time.perf_counter()
        b()
        t2 = time.perf_counter()
        ta.append(t1 - t0)
        tb.append(t2 - t1)
    return statistics.median(ta), statistics.median(tb)


def import_ms(runs: int = 5) -> float:
    vals = []
    for _ in range(runs):
        out = subprocess.run([sys.executable, "-X", "importtime", "-c", "import govdisclosure"],
                             capture_output=True, text=True, check=True, cwd=ROOT).stderr
        for line in out.splitlines():
            parts = [x.strip() for x in line.split("|")]
            if len(parts) == 3 and parts[2] == "govdisclosure":
                vals.append(int(parts[1]) / 1000)
    return statistics.median(vals) if vals else float("nan")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeats", type=int, default=15)
    ap.add_argument("--pdf-repeats", type=int, default=5)
    ap.add_argument("--no-pdf", action="store_true")
    ap.add_argument("--json", help="write the figures here")
    ap.add_argument("--profile", action="store_true", help="cProfile parse() over the corpus texts")
    args = ap.parse_args(argv)

    res: dict[str, Any] = {"texts": [], "pdfs": []}
    print(f"{'parse(text)':44} {'chars':>7} {'parse ms':>9} {'floor ms':>9} {'ratio':>7}")
    for name, text in corpus_texts():
        tp, tf = paired(lambda: govdisclosure.parse(text), lambda: floor(text), args.repeats)
        r = tp / tf
        res["texts"].append({"name": name, "chars": len(text), "parse_ms": tp * 1e3, "floor_ms": tf * 1e3, "ratio": r})
        print(f"{name:44} {len(text):7,} {tp * 1e3:9.2f} {tf * 1e3:9.3f} {r:7.1f}")
    ratios = [x["ratio"] for x in res["texts"]]
    res["text_median_ratio"] = statistics.median(ratios) if ratios else None
    res["text_median_ms"] = statistics.median(x["parse_ms"] for x in res["texts"]) if ratios else None
    if ratios:
        ok = "meets" if res["text_median_ratio"] <= TEXT_TARGET else "MISSES"
        print(f"median ratio parse/floor: {res['text_median_ratio']:.1f} (target ≤ {TEXT_TARGET:g}: {ok}); "
              f"median parse {res['text_median_ms']:.2f} ms")

    if not args.no_pdf:
        print(f"\n{'parse_file(pdf)':44} {'pages':>7} {'ours s':>9} {'plumber s':>9} {'ratio':>7}")
        for p in corpus_pdfs():
            try:
                tp, tf = paired(lambda: govdisclosure.parse_file(p), lambda: plumber_text(p), args.pdf_repeats)
            except govdisclosure.GovDisclosureError as exc:
                print(f"{p.name:44} skipped: {type(exc).__name__}")
                continue
            import pdfplumber

            with pdfplumber.open(p) as pdf:
                pages = len(pdf.pages)
            r = tp / tf
            res["pdfs"].append({"name": p.name, "pages": pages, "parse_file_s": tp, "plumber_s": tf, "ratio": r})
            print(f"{p.name:44} {pages:7} {tp:9.3f} {tf:9.3f} {r:7.2f}")
        pr = [x["ratio"] for x in res["pdfs"]]
        res["pdf_median_ratio"] = statistics.median(pr) if pr else None
        if pr:
            ok = "meets" if res["pdf_median_ratio"] <= PDF_TARGET else "MISSES"
            print(f"median ratio parse_file/pdfplumber: {res['pdf_median_ratio']:.2f} (target ≤ {PDF_TARGET:g}: {ok})")

    res["import_ms"] = import_ms()
    ok = "meets" if res["import_ms"] <= IMPORT_TARGET_MS else "MISSES"
    print(f"\nimport govdisclosure: {res['import_ms']:.0f} ms (target ≤ {IMPORT_TARGET_MS:g}: {ok})")

    if args.profile:
        texts = [t for _, t in corpus_texts()]
        prof = cProfile.Profile()
        prof.enable()
        for _ in range(5):
            for t in texts:
                govdisclosure.parse(t)
        prof.disable()
        buf = io.StringIO()
        pstats.Stats(prof, stream=buf).sort_stats("tottime").print_stats(20)
        print(buf.getvalue())
    if args.json:
        pathlib.Path(args.json).write_text(json.dumps(res, indent=1), "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
