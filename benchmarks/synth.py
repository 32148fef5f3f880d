"""The synthetic-report benchmark: seeded documents of both editions through every rendering.

usage:
  python benchmarks/synth.py -n 300                 # build (cached) + parse + score; tables on stdout
  python benchmarks/synth.py -n 20 --fast           # text-level renderings only (no Chromium/LibreOffice)
  python benchmarks/synth.py --only word-html.w3m,lo-pdf.pdftotext-layout -n 50
  python benchmarks/synth.py --dump 17 out/synth-17 # one document's renderings + gold, for inspection
                                                    #  (score.py reads the folder as it is)

Renderings are cached in benchmarks/out/synth/cache/<version>/<seed>/; silent errors (seed, rendering,
key, value, gold, status, raw, text around it) go to benchmarks/out/synth/silent.json, every result
to benchmarks/out/synth/results.json.  Two worker processes by default (--jobs).
"""

from __future__ import annotations

import argparse
import json
import pathlib
import sys
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks.synth import bench, render  # noqa: E402

OUT = ROOT / "benchmarks" / "out" / "synth"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("-n", type=int, default=30, help="documents (seeds start .. start+n-1)")
    ap.add_argument("--start", type=int, default=0, help="first seed")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--fast", action="store_true", help="only renderings made in Python or by fast converters")
    ap.add_argument("--only", help="comma-separated rendering names")
    ap.add_argument("--out", default=str(OUT))
    ap.add_argument("--dump", nargs=2, metavar=("SEED", "DIR"), help="write one document's renderings to DIR")
    ap.add_argument("--list", action="store_true", help="list the renderings and exit")
    args = ap.parse_args(argv)

    if args.dump:
        for p in render.dump(int(args.dump[0]), pathlib.Path(args.dump[1])):
            print(p)
        return 0
    if args.fast:
        names = render.renderings(render.TEXT_SOURCES, render.FAST_CONVERTERS)
    else:
        names = render.renderings()
    if args.only:
        wanted = args.only.split(",")
        names = [n for n in names if n in wanted]
    if args.list:
        print("\n".join(names))
        return 0
    out = pathlib.Path(args.out)
    cache = out / "cache" / render.VERSION
    cache.mkdir(parents=True, exist_ok=True)
    t0 = time.time()

    def progress(i: int, n: int) -> None:
        if i == n or i % 10 == 0:
            print(f"  {i}/{n} documents, {time.time() - t0:.0f} s", file=sys.stderr)

    seeds = range(args.start, args.start + args.n)
    if any(n.startswith("lo-pdf") for n in names):
        render.prebuild_libreoffice([(s, cache / f"{s:06d}") for s in seeds], workers=args.jobs)
        print(f"  LibreOffice PDFs ready, {time.time() - t0:.0f} s", file=sys.stderr)
    jobs = [(seed, str(cache), names, None) for seed in seeds]
    results = bench.run(jobs, workers=args.jobs, progress=progress)
    print(f"{args.n} documents x {len(names)} renderings in {time.time() - t0:.0f} s\n")
    print(bench.markdown(results, order=names))
    silent = bench.silent_list(results)
    (out / "silent.json").write_text(json.dumps(silent, ensure_ascii=False, indent=1), encoding="utf-8")
    (out / "results.json").write_text(
        json.dumps([r.__dict__ for r in results], ensure_ascii=False), encoding="utf-8")
    matrix = bench.silent_matrix(results)
    if matrix:
        print("silent errors by (rendering, phenomenon):")
        for (r, t), n in sorted(matrix.items(), key=lambda x: -x[1])[:60]:
            print(f"  {r:32s} {t:20s} {n}")
    print(f"\n{len(silent)} silent errors -> {out / 'silent.json'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
