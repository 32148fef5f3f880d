"""The narrative stage's share of parse time, per corpus document.

    python benchmarks/narrative_share.py [--repeat N] [--json]

For every text rendering in corpus/ (``*.txt``, ``*.md``), times ``parse(text)`` (narrative on, regex
engine: what users get), ``parse(text, narrative=False)``, and ``parse(text)`` with the opt-in spaCy
engine, each the best of N runs after a warm-up (so the one-off pattern compilation and pipeline
load are not counted).  The narrative share is ``1 - without / with``.  Speed is reported as times
and ratios measured in the same run; nothing here is a test.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import govdisclosure  # noqa: E402
from govdisclosure import narrative  # noqa: E402


def _best(fn, repeat: int) -> float:
    fn()  # warm-up: compiled patterns, loaded pipeline, caches
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times)


def _has_gold(p: Path) -> bool:
    """A corpus document: NAME.<rendering>.<ext> or NAME.<ext> beside NAME.gold.json."""
    return p.is_file() and any((p.parent / (p.name.split(".")[0] + ".gold.json")).exists() for _ in (0,))


def measure(path: Path, repeat: int) -> dict[str, float | str | int]:
    text = path.read_text(encoding="utf-8")
    with_n = _best(lambda: govdisclosure.parse(text), repeat)
    without = _best(lambda: govdisclosure.parse(text, narrative=False), repeat)

    def spacy_parse() -> None:
        with narrative.engine("spacy"):
            govdisclosure.parse(text)

    with_spacy = _best(spacy_parse, max(1, repeat // 3))
    return {
        "document": str(path.relative_to(ROOT / "corpus")),
        "chars": len(text),
        "parse_ms": round(with_n * 1000, 2),
        "no_narrative_ms": round(without * 1000, 2),
        "narrative_ms": round((with_n - without) * 1000, 2),
        "narrative_share": round(max(0.0, 1 - without / with_n), 3),
        "spacy_parse_ms": round(with_spacy * 1000, 2),
        "spacy_narrative_ms": round((with_spacy - without) * 1000, 2),
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--repeat", type=int, default=15)
    ap.add_argument("--json", action="store_true", help="print JSON instead of a table")
    a = ap.parse_args(argv)
    docs = sorted(p for p in (ROOT / "corpus").rglob("*") if p.suffix in (".txt", ".md") and _has_gold(p))
    rows = [measure(p, a.repeat) for p in docs]
    if a.json:
        print(json.dumps({"rows": rows, "median_share": statistics.median(r["narrative_share"] for r in rows)}, ensure_ascii=False, indent=1))
        return 0
    cols = ["document", "chars", "parse_ms", "no_narrative_ms", "narrative_ms", "narrative_share", "spacy_parse_ms", "spacy_narrative_ms"]
    widths = [max(len(c), *(len(str(r[c])) for r in rows)) for c in cols]
    print("  ".join(c.ljust(w) for c, w in zip(cols, widths, strict=False)))
    for r in rows:
        print("  ".join(str(r[c]).ljust(w) for c, w in zip(cols, widths, strict=False)))
    shares = [float(r["narrative_share"]) for r in rows]
    nar = [float(r["narrative_ms"]) for r in rows]
    sp = [float(r["spacy_narrative_ms"]) for r in rows]
    print(
        f"\nmedian narrative share {statistics.median(shares):.1%}; narrative stage median {statistics.median(nar):.2f} ms "
        f"(regex engine, the default) vs {statistics.median(sp):.2f} ms (spaCy engine, opt-in)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
