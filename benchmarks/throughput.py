"""Throughput of ``govdisclosure parse`` on a folder of text reports, as a user runs it.

    python benchmarks/throughput.py [--files 10000] [--jobs 2] [--baseline-jobs 0] [--format parquet] [--out benchmarks/throughput.md]

Builds a folder of N text reports by copying the corpus's text documents (seeds/*.txt and
real/*.txt, real/*.md) round-robin, then times the command line end to end (process start, folder
walk, parsing in --jobs processes, the panel (Parquet by default), findings file, journal) with
``--jobs J`` and, for a ratio measured on the same machine in the same run, with ``--baseline-jobs``.
While it runs, the RSS of the command and of each worker is sampled from /proc (peak per process,
and the parent's RSS at each quarter of the run, to show it stays flat).  Prints JSON and
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
from typing import Any

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


def _tree(pid: int) -> list[int]:
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        try:
            with open(f"/proc/{p}/task/{p}/children") as fh:
                todo += [int(c) for c in fh.read().split()]
        except OSError:
            pass
    return out


def _status(pid: int) -> dict[str, int]:
    got = {}
    try:
        with open(f"/proc/{pid}/status") as fh:
            for line in fh:
                if line.startswith(("VmRSS:", "VmHWM:", "Name:")):
                    k, v = line.split(":", 1)
                    got[k] = int(v.split()[0]) if k != "Name" else 0
    except OSError:
        pass
    return got


def run(folder: Path, out: Path, jobs: int, n_files: int) -> dict[str, Any]:
    script = Path(sys.executable).with_name("govdisclosure")
    cmd = [str(script)] if script.exists() else [sys.executable, "-m", "govdisclosure.cli"]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    t0 = time.perf_counter()
    proc = subprocess.Popen([*cmd, "parse", str(folder), "-o", str(out), "--jobs", str(jobs), "-q"], env=env)
    peak: dict[int, int] = {}
    parent_rss: list[tuple[float, int]] = []
    while proc.poll() is None:
        for p in _tree(proc.pid):
            st = _status(p)
            if "VmHWM" in st:
                peak[p] = max(peak.get(p, 0), st["VmHWM"])
            if p == proc.pid and "VmRSS" in st:
                parent_rss.append((time.perf_counter() - t0, st["VmRSS"]))
        time.sleep(0.25)
    seconds = time.perf_counter() - t0
    if proc.returncode:
        raise SystemExit(f"govdisclosure parse failed ({proc.returncode})")
    if out.suffix == ".parquet":
        import pyarrow.parquet as pq

        rows = pq.ParquetFile(out).metadata.num_rows
    else:
        with open(out, encoding="utf-8", newline="") as fh:
            rows = sum(1 for _ in csv.reader(fh)) - 1
    workers = sorted((v for p, v in peak.items() if p != proc.pid), reverse=True)
    quarters = []
    for q in (0.25, 0.5, 0.75, 1.0):
        upto = [r for t, r in parent_rss if t <= q * seconds]
        quarters.append(round(max(upto) / 1024) if upto else None)
    return {"jobs": jobs, "seconds": round(seconds, 2), "rows": rows,
            "files_per_min": round(n_files / seconds * 60),
            "peak_rss_parent_mb": round(peak.get(proc.pid, 0) / 1024),
            "peak_rss_workers_mb": [round(w / 1024) for w in workers[:jobs + 1]],
            "parent_rss_by_quarter_mb": quarters}


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


def pdf_run(tmp: Path, n: int, jobs: int) -> dict[str, Any]:
    """PDFs per minute: n copies of the corpus and fixture PDFs through the command line."""
    src = sorted((ROOT / "corpus" / "real").glob("*.pdf")) + sorted((ROOT / "tests" / "fixtures" / "files").glob("*.pdf"))
    folder = tmp / "pdfs"
    for i in range(n):
        p = src[i % len(src)]
        t = folder / f"{i // 100:02d}" / f"{i:05d}_{p.name}"
        t.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(p, t)
    r = run(folder, tmp / "pdf-panel.parquet", jobs, n)
    sys.path.insert(0, str(ROOT))
    import govdisclosure

    govdisclosure.parse_file(src[0])
    t0 = time.process_time()
    for p in src:
        govdisclosure.parse_file(p)
    r["cpu_ms_per_file"] = round((time.process_time() - t0) * 1000 / len(src), 1)
    r["files"] = n
    return r


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--files", type=int, default=10000)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--baseline-jobs", type=int, default=0, help="0 (default) to skip the baseline run")
    ap.add_argument("--format", choices=("parquet", "csv"), default="parquet")
    ap.add_argument("--folder", help="reuse this folder of reports instead of making one")
    ap.add_argument("--pdf-files", type=int, default=200, help="PDFs for the PDF figure (0 to skip)")
    ap.add_argument("--out", default=str(ROOT / "benchmarks" / "throughput.md"), help="markdown report ('' for none)")
    a = ap.parse_args(argv)
    load_before = os.getloadavg()[0]
    with tempfile.TemporaryDirectory() as tmp:
        if a.folder:
            folder = Path(a.folder)
            nbytes = sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())
        else:
            folder = Path(tmp, "reports")
            nbytes = make_folder(folder, a.files)
        runs = [run(folder, Path(tmp, f"panel-{a.jobs}.{a.format}"), a.jobs, a.files)]
        if a.baseline_jobs:
            runs.append(run(folder, Path(tmp, f"panel-{a.baseline_jobs}.{a.format}"), a.baseline_jobs, a.files))
        pdf = pdf_run(Path(tmp), a.pdf_files, a.jobs) if a.pdf_files else None
    load_after = os.getloadavg()[0]
    cpu_ms = cpu_ms_per_file()
    result = {
        "files": a.files, "mb": round(nbytes / 1e6, 1), "runs": runs,
        "speedup": round(runs[1]["seconds"] / runs[0]["seconds"], 2) if len(runs) > 1 else None,
        "cpu_ms_per_file": cpu_ms,
        "pdf": pdf,
        "load_average_1min": [round(load_before, 2), round(load_after, 2)],
        "machine": f"{platform.system()} {platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}",
        "date": time.strftime("%Y-%m-%d"),
    }
    from govdisclosure import __version__

    result["version"] = __version__
    print(json.dumps(result, indent=1))
    if a.out:
        r0 = runs[0]
        ceiling = round(a.jobs * 60000 / cpu_ms) if cpu_ms else None
        lines = [
            "# Throughput of `govdisclosure parse`",
            "",
            f"`{' '.join(['python benchmarks/throughput.py', *(argv if argv is not None else sys.argv[1:])])}` on {result['date']} "
            f"(govdisclosure {__version__}; {result['machine']}).",
            "",
            f"{a.files} text reports ({result['mb']} MB: copies of the corpus's {len(corpus_texts())} text documents), "
            f"timed end to end: process start, folder walk, parsing, the {a.format} panel, findings file and journal.",
            "",
            "| jobs | seconds | files/min | panel rows | peak RSS parent | peak RSS per worker | parent RSS at 25/50/75/100 % |",
            "|---:|---:|---:|---:|---:|---|---|",
            *(f"| {r['jobs']} | {r['seconds']} | {r['files_per_min']:,} | {r['rows']:,} | {r['peak_rss_parent_mb']} MB | "
              f"{', '.join(f'{w} MB' for w in r['peak_rss_workers_mb'])} | "
              f"{' / '.join(str(q) for q in r['parent_rss_by_quarter_mb'])} MB |" for r in runs),
            "",
            f"Parsing alone costs {cpu_ms} ms of CPU per file (parse_one in one process over the corpus texts, "
            f"measured in the same run), so {a.jobs} free cores cannot exceed about {ceiling:,} files/min: the run above "
            f"reached {r0['files_per_min'] / ceiling:.0%} of that ceiling (the rest is process start-up, the parent's "
            "writing, and other processes on the machine).",
            "",
            f"Load average (1 min) before and after: {load_before:.2f}, {load_after:.2f} on "
            f"{os.cpu_count()} CPUs. A load above the CPU count means other processes shared the cores, "
            "and the times above are then upper bounds.",
            "",
        ]
        if result.get("pdf"):
            p = result["pdf"]
            lines += [
                f"PDFs: {p['files']} copies of the corpus and fixture PDFs, `govdisclosure parse --jobs {a.jobs}` "
                f"(PDFium backend): {p['seconds']} s, {p['files_per_min']:,} PDFs/min; parse_file costs "
                f"{p['cpu_ms_per_file']} ms of CPU per PDF (ceiling {round(a.jobs * 60000 / p['cpu_ms_per_file']):,}/min on "
                f"{a.jobs} cores).",
                "",
            ]
        if result["speedup"]:
            lines.append(f"--jobs {a.jobs} is {result['speedup']}× the speed of --jobs {a.baseline_jobs} here.")
            lines.append("")
        Path(a.out).write_text("\n".join(lines), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
