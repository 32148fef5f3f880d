"""Throughput of ``govdisclosure parse`` on a folder of text reports, as a user runs it.

    python benchmarks/throughput.py [--files 1000] [--jobs 2] [--baseline-jobs 1] [--out benchmarks/throughput.md]

Builds a folder of N text reports by copying the corpus's text documents (seeds/*.txt and
real/*.txt, real/*.md) round-robin, then times the command line end to end (process start, folder
walk, parsing in --jobs processes, CSV panel, findings file, journal) with ``--jobs J`` and, for a
ratio measured on the same machine in the same run, with ``--baseline-jobs``.  Prints JSON and
writes a short markdown report.  Not a test: numbers depend on the machine.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = Path(os.environ.get("GOVDISCLOSURE_CORPUS", "/work/shared/corpus"))


def corpus_texts() -> list[Path]:
    return sorted((CORPUS / "seeds").glob("*.txt")) + sorted((CORPUS / "real").glob("*.txt")) + sorted(
        (CORPUS / "real").glob("*.md"))


def make_folder(dest: Path, n: int) -> int:
    src = corpus_texts()
    if not src:
        raise SystemExit(f"no corpus text files under {CORPUS}")
    nbytes = 0
    for i in range(n):
        p = src[i % len(src)]
        target = dest / f"{i // 100:02d}" / f"{i:05d}_{p.stem}{p.suffix}"
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(p, target)
        nbytes += p.stat().st_size
    return nbytes


def run(folder: Path, out: Path, jobs: int) -> dict[str, float | int]:
    script = Path(sys.executable).with_name("govdisclosure")
    cmd = [str(script)] if script.exists() else [sys.executable, "-m", "govdisclosure.cli"]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    t0 = time.perf_counter()
    subprocess.run([*cmd, "parse", str(folder), "-o", str(out), "--jobs", str(jobs), "-q"], env=env, check=True)
    seconds = time.perf_counter() - t0
    with open(out, encoding="utf-8", newline="") as fh:
        rows = sum(1 for _ in csv.reader(fh)) - 1
    return {"jobs": jobs, "seconds": round(seconds, 2), "rows": rows}


def cpu_ms_per_file(rounds: int = 3) -> float:
    """CPU time of parse_one per corpus text file, in this process: what a free core would take."""
    sys.path.insert(0, str(ROOT))
    from govdisclosure.batch import parse_one

    files = [str(p) for p in corpus_texts()]
    parse_one(files[0])  # warm up imports
    t0 = time.process_time()
    for _ in range(rounds):
        for f in files:
            parse_one(f)
    return round((time.process_time() - t0) * 1000 / (rounds * len(files)), 1)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--files", type=int, default=1000)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--baseline-jobs", type=int, default=1, help="0 to skip the baseline run")
    ap.add_argument("--out", default=str(ROOT / "benchmarks" / "throughput.md"), help="markdown report ('' for none)")
    a = ap.parse_args(argv)
    load_before = os.getloadavg()[0]
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp, "reports")
        nbytes = make_folder(folder, a.files)
        runs = [run(folder, Path(tmp, f"panel-{a.jobs}.csv"), a.jobs)]
        if a.baseline_jobs:
            runs.append(run(folder, Path(tmp, f"panel-{a.baseline_jobs}.csv"), a.baseline_jobs))
    load_after = os.getloadavg()[0]
    cpu_ms = cpu_ms_per_file()
    for r in runs:
        r["files_per_s"] = round(a.files / r["seconds"], 1)
    result = {
        "files": a.files, "mb": round(nbytes / 1e6, 1), "runs": runs,
        "speedup": round(runs[1]["seconds"] / runs[0]["seconds"], 2) if len(runs) > 1 else None,
        "cpu_ms_per_file": cpu_ms,
        "load_average_1min": [round(load_before, 2), round(load_after, 2)],
        "machine": f"{platform.system()} {platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}",
        "date": time.strftime("%Y-%m-%d"),
    }
    from govdisclosure import __version__

    result["version"] = __version__
    print(json.dumps(result, indent=1))
    if a.out:
        lines = [
            "# Throughput of `govdisclosure parse`",
            "",
            f"`python benchmarks/throughput.py --files {a.files} --jobs {a.jobs}` on {result['date']} "
            f"(govdisclosure {__version__}; {result['machine']}).",
            "",
            f"{a.files} text reports ({result['mb']} MB: copies of the corpus's {len(corpus_texts())} text documents), "
            "timed end to end: process start, folder walk, parsing, the CSV panel, findings file and journal.",
            "",
            "| jobs | seconds | files/s | panel rows |",
            "|---:|---:|---:|---:|",
            *(f"| {r['jobs']} | {r['seconds']} | {r['files_per_s']} | {r['rows']:,} |" for r in runs),
            "",
        ]
        lines += [
            f"Parsing costs {cpu_ms} ms of CPU per file (parse_one in one process, corpus texts), so a free "
            f"core parses about {1000 / cpu_ms:.0f} files/s; the wall times above include process start-up "
            "and writing the panel.",
            "",
            f"Load average (1 min) before and after: {load_before:.2f}, {load_after:.2f} on "
            f"{os.cpu_count()} CPUs. A load above the CPU count means other processes shared the cores, "
            "and the times above are then upper bounds.",
            "",
        ]
        if result["speedup"]:
            lines.append(f"--jobs {a.jobs} is {result['speedup']}× the speed of --jobs {a.baseline_jobs} here.")
            lines.append("")
        Path(a.out).write_text("\n".join(lines), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
