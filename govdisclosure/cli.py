"""The ``govdisclosure`` command: parse folders of reports into a panel, check them, review one.

    govdisclosure parse reports/ -o panel.csv --jobs 4      # tidy panel + errors/findings sidecars
    govdisclosure check reports/                            # findings per report; exit 1 on errors
    govdisclosure review report.pdf -o review.html          # one report, values highlighted

Library code never prints; this module is the one place that writes to stdout/stderr.
"""

from __future__ import annotations

import argparse
import collections
import dataclasses
import itertools
import os
import pickle
import signal
import sys
import time
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

__all__ = ["main"]

#: Below this many files a progress bar is more flicker than help.
PROGRESS_MIN_FILES = 10

#: Keys the cross-year checks read; only these are kept for them (on disk) during a batch run.
_CROSSYEAR_PREFIXES = ("applications.carried_forward.", "applications.carried_over.", "active.regulations.",
                       "active.normative_documents.")

_FORMATS = ("jsonl", "csv", "parquet")

_DESCRIPTION = "Chinese government information-disclosure annual reports (政府信息公开工作年度报告) → checked data."

_PARSE_EPILOG = """\
inputs: files and folders (walked recursively for .txt .md .pdf .html .htm .docx .doc).
outputs, for -o panel.csv:
  panel.csv              the long panel: one row per report x field, with columns
                         source, organ, year, edition, key, value, status, raw,
                         span_start, span_end, page, label, unit (blanks are empty, never 0)
  panel.wide.csv         with --wide: one row per report, one column per key
  panel.errors.csv       files that could not be read, and why
  panel.findings.csv     every finding of every report, plus the cross-year checks (R5, R6)
  panel.decisions.csv    doubtful cells of glued 规章/规范性文件 rows that the same organ's report
                         of the year before or after decides (R6 exactly, one reading left):
                         source, organ, year, key, the value and status in the panel, the
                         value and status decided, the cell's raw text and span, the evidence
  panel.journal.jsonl    every result as it arrived; --resume reuses it (delete it to start over)
All outputs are written atomically: they appear complete or not at all.
exit status: 0 when the run completed (failed files are listed, not fatal; see --strict),
             1 with --strict when a file failed, 130 when interrupted.

examples:
  govdisclosure parse reports/ -o panel.csv --jobs 4
  govdisclosure parse reports/ -o panel.parquet --wide --resume
  govdisclosure parse a.pdf b.html > reports.jsonl
"""


class _Interrupted(Exception):
    """SIGTERM, turned into an exception so that outputs are cleaned up as on Ctrl-C."""


def _on_sigterm(signum: int, frame: Any) -> None:
    raise _Interrupted()


# ---------------------------------------------------------------------------------------------
# Argument parsing
# ---------------------------------------------------------------------------------------------


def _jobs(text: str) -> int:
    try:
        n = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"--jobs takes a number of processes, not {text!r}") from None
    if n < 0:
        raise argparse.ArgumentTypeError("--jobs must be 0 (one per CPU) or more")
    return n or (os.cpu_count() or 1)


def build_parser() -> argparse.ArgumentParser:
    from . import __version__

    ap = argparse.ArgumentParser(
        prog="govdisclosure",
        description=_DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="Run 'govdisclosure COMMAND --help' for the options of each command.",
    )
    ap.add_argument("--version", action="version", version=f"govdisclosure {__version__}")
    sub = ap.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser(
        "parse",
        help="parse report files and folders into a panel (JSON lines, CSV or Parquet)",
        description="Parse report files and folders into one panel.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog=_PARSE_EPILOG,
    )
    p.add_argument("paths", nargs="+", metavar="PATH", help="report files or folders")
    p.add_argument("-o", "--output", metavar="OUT",
                   help="output file (default: JSON lines / CSV on stdout); its suffix sets the format")
    p.add_argument("-f", "--format", choices=_FORMATS,
                   help="jsonl: one report per line; csv, parquet: the long panel (default: from OUT's suffix, "
                        "else jsonl)")
    p.add_argument("-j", "--jobs", type=_jobs, default=1, metavar="N",
                   help="parse in N processes (0: one per CPU; default 1)")
    p.add_argument("--wide", action="store_true",
                   help="also write the wide panel (one row per report, one column per key) as OUT.wide.EXT")
    p.add_argument("--resume", action="store_true",
                   help="reuse the results in OUT's journal for files unchanged since; parse only the rest")
    p.add_argument("--include-text", action="store_true", help="jsonl: include each report's text")
    p.add_argument("--no-narrative", action="store_true",
                   help="skip the narrative stage (metadata and facts): faster, tables only")
    p.add_argument("--strict", action="store_true", help="exit 1 when any file could not be read")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress bar and no summary")

    c = sub.add_parser(
        "check",
        help="print the findings of each report; exit 1 when any is an error",
        description="Print the findings of each report and the cross-year checks (R5, R6) over them.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="exit status: 0 when no error-level finding exists (and every file was read), else 1.\n\n"
               "examples:\n  govdisclosure check reports/\n  govdisclosure check --errors-only a.pdf b.txt",
    )
    c.add_argument("paths", nargs="+", metavar="PATH", help="report files or folders")
    c.add_argument("-j", "--jobs", type=_jobs, default=1, metavar="N", help="parse in N processes")
    c.add_argument("--errors-only", action="store_true", help="list only reports with error-level findings")
    c.add_argument("--no-cross-year", action="store_true", help="skip the cross-year checks")
    c.add_argument("--no-narrative", action="store_true", help="skip the narrative stage (faster)")

    r = sub.add_parser(
        "review",
        help="write a self-contained HTML page to audit one report by eye",
        description="Write an HTML page with the source text, every value highlighted by status, the "
                    "findings linked to their places and the three tables rebuilt beside it.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="example:\n  govdisclosure review report.pdf -o review.html",
    )
    r.add_argument("file", metavar="FILE", help="one report file (.txt .md .pdf .html .docx …)")
    r.add_argument("-o", "--output", metavar="OUT.html", help="output page (default: FILE's name + .review.html)")
    for sp in (p, c, r):
        sp.add_argument("-v", "--verbose", action="count", default=0,
                        help="show the library's log on stderr, its dependencies' messages included "
                             "(pdfminer's font warnings, once per file and message); -vv: debug detail")
    return ap


def _log_to_stderr(verbose: int) -> Any:
    """With -v, a handler on the package's logger (the library itself only has a NullHandler);
    returns (handler, the logger's old level), to be undone when the command ends."""
    import logging

    if not verbose:
        return None
    logger = logging.getLogger("govdisclosure")
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("govdisclosure: %(levelname)s: %(message)s [%(name)s]"))
    logger.addHandler(handler)
    old = logger.level
    logger.setLevel(logging.INFO if verbose == 1 else logging.DEBUG)
    return handler, old


# ---------------------------------------------------------------------------------------------
# Progress and summaries
# ---------------------------------------------------------------------------------------------


class _Progress:
    """A progress bar on stderr (rich, else tqdm, else nothing) when stderr is a terminal."""

    def __init__(self, total: int, enabled: bool, label: str):
        self._rich: Any = None
        self._tqdm: Any = None
        self._label, self._ocr_pages, self._t0 = label, 0, time.perf_counter()
        if not enabled or total < PROGRESS_MIN_FILES or not sys.stderr.isatty():
            return
        try:
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

            self._rich = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                                  TimeRemainingColumn(), console=Console(stderr=True), transient=True)
            self._rich.start()
            self._task = self._rich.add_task(label, total=total)
        except ImportError:
            try:
                from tqdm import tqdm

                self._tqdm = tqdm(total=total, desc=label, unit="file", file=sys.stderr)
            except ImportError:
                pass

    def advance(self, rep: Any = None) -> None:
        pages = _ocr_pages(rep)
        if pages:  # scanned reports: OCR is the slow part, say how fast it goes
            self._ocr_pages += pages
            rate = self._ocr_pages / max(time.perf_counter() - self._t0, 1e-9)
            label = f"{self._label} (OCR {self._ocr_pages:,} pages, {rate:.2f} pages/s)"
            if self._rich is not None:
                self._rich.update(self._task, description=label)
            elif self._tqdm is not None:
                self._tqdm.set_description(label)
        if self._rich is not None:
            self._rich.advance(self._task)
        elif self._tqdm is not None:
            self._tqdm.update(1)

    def close(self) -> None:
        if self._rich is not None:
            self._rich.stop()
        elif self._tqdm is not None:
            self._tqdm.close()


def _ocr_pages(rep: Any) -> int:
    """Pages of a report that were read by OCR (its source has a dpi)."""
    src = getattr(rep, "source", None)
    return int(src.pages or 0) if src is not None and getattr(src, "dpi", None) else 0


def _err(msg: str = "") -> None:
    print(msg, file=sys.stderr)


@dataclasses.dataclass
class _Tally:
    files: int = 0
    reused: int = 0
    editions: collections.Counter[str] = dataclasses.field(default_factory=collections.Counter)
    statuses: collections.Counter[str] = dataclasses.field(default_factory=collections.Counter)
    codes: collections.Counter[tuple[str, str]] = dataclasses.field(default_factory=collections.Counter)
    failed: list[tuple[str, str]] = dataclasses.field(default_factory=list)
    errors: int = 0  # reports with an error-level finding
    ocr_pages: int = 0  # pages read by OCR

    def add(self, rep: Any, reused: bool) -> None:
        from .batch import failure_reason, is_failure

        self.files += 1
        self.reused += reused
        self.ocr_pages += _ocr_pages(rep)
        if is_failure(rep):
            self.failed.append((rep.source.path if rep.source else "?", failure_reason(rep)))
            return
        self.editions[rep.edition or "not a report"] += 1
        self.statuses.update(f.status for f in rep.fields.values())
        self.codes.update((f.code, f.severity) for f in rep.findings)
        self.errors += any(f.severity == "error" for f in rep.findings)


def _counts(c: collections.Counter[str]) -> str:
    return ", ".join(f"{k} {v:,}" for k, v in sorted(c.items(), key=lambda kv: (-kv[1], kv[0]))) or "none"


def _print_summary(t: _Tally, cross: collections.Counter[str], decided: tuple[int, int], outputs: Sequence[str],
                   seconds: float, jobs: int) -> None:
    """``cross``: the cross-year findings by code; ``decided``: the cells another year's report
    decided and the reports they are in."""
    read = t.files - len(t.failed)
    _err(f"govdisclosure parse: {t.files:,} files in {seconds:.1f} s "
         f"({t.files / seconds if seconds else 0:.1f} files/s, {jobs} job{'s' * (jobs > 1)})")
    _err(f"  reports read   {read:,}" + (f" ({t.reused:,} reused from the journal)" if t.reused else ""))
    if t.ocr_pages:
        _err(f"  OCR            {t.ocr_pages:,} scanned pages ({t.ocr_pages / seconds if seconds else 0:.2f} pages/s)")
    _err(f"  editions       {_counts(t.editions)}")
    _err(f"  fields         {sum(t.statuses.values()):,}: {_counts(t.statuses)}")
    _err(f"  findings       {sum(t.codes.values()):,} in {read:,} reports ({t.errors:,} with errors)")
    for (code, sev), n in sorted(t.codes.items(), key=lambda kv: (-kv[1], kv[0])):
        _err(f"    {n:>7,}  {sev:<8} {code}")
    _err(f"  cross-year     {sum(cross.values()):,} findings" + (f": {_counts(cross)}" if cross else ""))
    if decided[0]:
        _err(f"  decided        {decided[0]:,} doubtful cells by another year's report (R6), in {decided[1]:,} reports")
    _err(f"  failed         {len(t.failed):,} files")
    for path, why in t.failed:
        _err(f"    {path}: {why}")
    for o in outputs:
        _err(f"  wrote          {o}")


# ---------------------------------------------------------------------------------------------
# parse
# ---------------------------------------------------------------------------------------------


def _sidecar(out: Path, suffix: str) -> Path:
    return out.with_name(out.stem + suffix)


def _slim(rep: Any) -> Any:
    """What the cross-year checks (and the rows written of their results) need of a report."""
    from .report import Meta

    keep = {k: f for k, f in rep.fields.items() if k.startswith(_CROSSYEAR_PREFIXES)}
    return dataclasses.replace(rep, fields=keep, text=None, sections=(), facts=(), findings=(), meta=Meta())


class _CrossYear:
    """The cross-year checks of a batch run, with memory that does not grow with the run.

    Each report that can take part (``crossyear.match_key``) is kept slim (:func:`_slim`) in a
    temporary SQLite database on disk, not in a list: a list grew the parent by ~7 KB per report.
    At the end :meth:`check` reads the reports back one organ at a time (``crossyear.check`` and
    ``decide`` only compare reports of one organ) and yields ``crossyear.check``'s findings in its
    order (organ key, then year); what ``decide`` changed is kept on disk too, for :meth:`decided`
    (in input order).  Memory holds one organ's reports at a time, and of several reports for one
    organ and year (copies, a PDF and its text) only the first, which alone is compared: the others
    come back as stubs (source, organ, year, edition), all that the duplicate finding names.
    """

    def __init__(self) -> None:
        import sqlite3

        # "": a private database in a temporary file, deleted when closed; SQLite keeps a few MB
        # of it in memory at most.  Nothing needs to survive a crash: no journal, no syncs.
        self._db = sqlite3.connect("")
        self._db.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;"
                               "CREATE TABLE report (organ BLOB, i INTEGER, year INTEGER, stub BLOB, rep BLOB);"
                               "CREATE TABLE decided (i INTEGER PRIMARY KEY, old BLOB, new BLOB);")
        self._n = 0

    def add(self, rep: Any) -> None:
        """Keep what the checks need of ``rep`` (a report that takes part in none is not kept)."""
        from . import crossyear

        i, self._n = self._n, self._n + 1
        key = crossyear.match_key(rep)
        if key is None:
            return
        from .report import Report

        stub = Report(rep.edition, rep.year, rep.organ, source=rep.source)
        # the key as UTF-8 sorts as the str does (code point order)
        self._db.execute("INSERT INTO report VALUES (?, ?, ?, ?, ?)", (
            key.encode("utf-8", "surrogatepass"), i, rep.year, pickle.dumps(stub, pickle.HIGHEST_PROTOCOL),
            pickle.dumps(_slim(rep), pickle.HIGHEST_PROTOCOL)))

    def check(self) -> Iterator[Any]:
        """``crossyear.check`` over every report added, organ by organ, in its order."""
        from . import crossyear

        self._db.execute("CREATE INDEX report_organ ON report (organ, i)")
        rows = self._db.execute("SELECT organ, i, year, stub, rep FROM report ORDER BY organ, i")
        for _, group in itertools.groupby(rows, key=lambda r: r[0]):
            idx, reps, years = [], [], set()
            for _, i, year, stub, blob in group:
                idx.append(i)
                reps.append(pickle.loads(stub if year in years else blob))  # only the first of a year is compared
                years.add(year)
            yield from crossyear.check(reps)
            self._db.executemany("INSERT INTO decided VALUES (?, ?, ?)", [
                (i, pickle.dumps(old, pickle.HIGHEST_PROTOCOL), pickle.dumps(new, pickle.HIGHEST_PROTOCOL))
                for i, old, new in zip(idx, reps, crossyear.decide(reps), strict=True) if new is not old])

    def decided(self) -> Iterator[tuple[Any, Any]]:
        """After :meth:`check`: the reports (slim) that ``crossyear.decide`` changed, each with its
        new version, in input order.  The panel is written as reports arrive, before any other year
        is known: what another year's report decides goes to a sidecar of its own instead."""
        for old, new in self._db.execute("SELECT old, new FROM decided ORDER BY i"):
            yield pickle.loads(old), pickle.loads(new)

    def close(self) -> None:
        self._db.close()


def _finding_rows(rep: Any) -> Iterator[list[Any]]:
    src = rep.source.path if rep.source else None
    for f in rep.findings:
        yield [src, rep.organ, rep.year, f.code, f.severity, f.message, " ".join(f.keys),
               ";".join(f"{a}-{b}" for a, b in f.spans), None]


def _cross_rows(cross: Iterable[Any]) -> Iterator[list[Any]]:
    for f in cross:
        d = f.to_dict()
        yield [d["current"]["source"], f.current.organ, f.current.year, f.code, f.severity, f.message,
               " ".join(f.keys), ";".join(f"{a}-{b}" for a, b in f.spans), d["previous"]["source"]]


_FINDING_HEADER = ("source", "organ", "year", "code", "severity", "message", "keys", "spans", "previous_source")


_DECISION_HEADER = ("source", "organ", "year", "key", "panel_value", "panel_status", "value", "status", "raw",
                    "span_start", "span_end", "code", "evidence")


def _decision_rows(decided: Iterable[tuple[Any, Any]]) -> Iterator[list[Any]]:
    for old, new in decided:
        src = new.source.path if new.source else None
        for f in new.findings:  # a slim report has no findings of its own: these are decide's
            for k in f.keys if f.code != "no_reading_fits_other_report" else ():
                was, now = old.fields[k], new.fields[k]
                span = now.span or (None, None)
                yield [src, new.organ, new.year, k, was.value, was.status, now.value, now.status, now.raw, *span,
                       f.code, f.message]


def _cross_year_out(
    spool: _CrossYear, findings_out: Any, decisions_out: Any
) -> tuple[collections.Counter[str], tuple[int, int]]:
    """The end of a parse run: the cross-year findings after the reports' own in the findings file,
    then the findings of the reports another year's report decided (in input order), whose cells go
    to the decisions file (either file None: not written).  Returns the cross-year findings by code
    and (cells decided, reports they are in), for the summary."""
    cross: collections.Counter[str] = collections.Counter()
    for cf in spool.check():
        cross[cf.code] += 1
        if findings_out is not None:
            findings_out.write_rows(list(_cross_rows([cf])))
    cells = reports = 0
    for old, new in spool.decided():
        rows = list(_decision_rows([(old, new)]))
        cells, reports = cells + len(rows), reports + bool(rows)  # one source per report in a batch
        if decisions_out is not None:
            decisions_out.write_rows(rows)
        if findings_out is not None:
            findings_out.write_rows(list(_finding_rows(new)))
    return cross, (cells, reports)


def _cmd_parse(a: argparse.Namespace) -> int:
    from . import batch

    out = Path(a.output) if a.output else None
    fmt = a.format or (out.suffix.lower().lstrip(".") if out is not None else "jsonl")
    if fmt == "json":
        fmt = "jsonl"
    if fmt not in _FORMATS:
        _err(f"govdisclosure parse: cannot tell the format from {out}; add --format jsonl, csv or parquet")
        return 2
    if out is None and (a.resume or a.wide or fmt == "parquet"):
        _err("govdisclosure parse: --resume, --wide and Parquet need an output file: add -o OUT")
        return 2
    files = batch.expand_paths(a.paths)
    if not files:
        _err(f"govdisclosure parse: no report files ({' '.join(batch.SUFFIXES)}) under {' '.join(a.paths)}")
        return 2

    kind = "long" if fmt != "jsonl" else "reports"
    stream = sys.stdout if out is None else None
    writers = [batch.PanelWriter(out, fmt, "long" if kind == "long" else "wide", stream=stream)]
    wide_path = _sidecar(out, f".wide.{'csv' if fmt == 'jsonl' else fmt}") if (a.wide and out) else None
    if wide_path is not None:
        writers.append(batch.PanelWriter(wide_path, "csv" if fmt == "jsonl" else fmt, "wide"))
    journal = _sidecar(out, ".journal.jsonl") if out is not None else None

    tally = _Tally()
    spool = _CrossYear()
    # findings stream to their file as reports come; the cross-year ones follow at the end
    findings_out = batch.PanelWriter(_sidecar(out, ".findings.csv"), "csv", columns=_FINDING_HEADER) if out is not None else None
    decisions_out = batch.PanelWriter(_sidecar(out, ".decisions.csv"), "csv", columns=_DECISION_HEADER) if out is not None else None
    if a.jobs != 1:  # OCR in N processes: one onnxruntime thread each, not N × all cores
        os.environ.setdefault("GOVDISCLOSURE_OCR_THREADS", "1")
    progress = _Progress(len(files), not a.quiet, "parsing")
    t0 = time.perf_counter()
    reports = batch.parse_many(files, a.jobs, narrative=not a.no_narrative, journal=journal,
                               resume=a.resume, expand=False, on_result=lambda r, reused: tally.add(r, reused))
    try:
        for rep in reports:
            progress.advance(rep)
            if kind == "reports":
                writers[0].write(rep.to_dict(include_text=a.include_text))
            elif fmt == "parquet":
                writers[0].write_rows(batch.long_rows(rep))
            else:
                for rec in batch.iter_records([rep]):
                    writers[0].write(rec)
            if wide_path is not None:
                for rec in batch.wide_records([rep]):
                    writers[1].write(rec)
            if not batch.is_failure(rep):
                if findings_out is not None:
                    findings_out.write_rows(list(_finding_rows(rep)))
                spool.add(rep)
        cross, decided = _cross_year_out(spool, findings_out, decisions_out)
        for w in writers:
            w.close()
        written = [str(out)] if out is not None else []
        if wide_path is not None:
            written.append(str(wide_path))
        if out is not None:
            errors_path = _sidecar(out, ".errors.csv")
            if tally.failed:
                batch.write_csv_rows(errors_path, ("source", "error"), tally.failed)
                written.append(str(errors_path))
            elif errors_path.exists():
                errors_path.unlink()  # stale, from an earlier run
            assert findings_out is not None and decisions_out is not None
            decisions_path = _sidecar(out, ".decisions.csv")
            if decisions_out.rows:
                decisions_out.close()
                written.append(str(decisions_path))
            else:
                decisions_out.abort()
                if decisions_path.exists():
                    decisions_path.unlink()  # stale, from an earlier run
            findings_out.close()
            written.append(str(_sidecar(out, ".findings.csv")))
    except (KeyboardInterrupt, _Interrupted):
        reports.close()
        for w in writers:
            w.abort()
        for side in (findings_out, decisions_out):
            if side is not None:
                side.abort()
        spool.close()
        progress.close()
        _err(f"\ngovdisclosure parse: interrupted after {tally.files:,} of {len(files):,} files; nothing was "
             "written" + (f". Re-run with --resume to continue from {journal}" if journal else ""))
        return 130
    except BaseException:
        reports.close()
        for w in writers:
            w.abort()
        for side in (findings_out, decisions_out):
            if side is not None:
                side.abort()
        raise
    finally:
        spool.close()
        progress.close()
    if not a.quiet:
        _print_summary(tally, cross, decided, written, time.perf_counter() - t0, a.jobs)
    return 1 if (a.strict and tally.failed) else 0


# ---------------------------------------------------------------------------------------------
# check
# ---------------------------------------------------------------------------------------------


def _describe(rep: Any) -> str:
    bits = [rep.organ or "organ unknown", str(rep.year) if rep.year else "year unknown",
            f"{rep.edition} edition" if rep.edition in ("2019", "2021") else (rep.edition or "not a report")]
    if rep.fields:
        st = collections.Counter(f.status for f in rep.fields.values())
        bits.append(f"{len(rep.fields)} fields ({_counts(st)})")
    return " · ".join(bits)


def _print_cross_year(spool: _CrossYear, out: Any) -> tuple[int, int, int | None]:
    """`check`'s cross-year section (nothing when there is nothing to say); returns the number of
    cross-year findings, how many are errors, and the cells decided by another year's report (None
    when no report was changed)."""
    n = errors = 0
    cells: int | None = None
    for cf in spool.check():
        if not n:
            print("cross-year checks", file=out)
        n, errors = n + 1, errors + (cf.severity == "error")
        print(f"  {cf.severity:<8} {cf.code:<24} {cf.message}", file=out)
    for old, new in spool.decided():
        if not n and cells is None:
            print("cross-year checks", file=out)
        cells = (cells or 0) + sum(1 for _ in _decision_rows([(old, new)]))
        for f in new.findings:  # a slim report has no findings of its own: these are decide's
            print(f"  {f.severity:<8} {f.code:<24} {new.source.path if new.source else '?'}: {f.message}", file=out)
    if n or cells is not None:
        print(file=out)
    return n, errors, cells


def _cmd_check(a: argparse.Namespace) -> int:
    from . import batch

    files = batch.expand_paths(a.paths)
    if not files:
        _err(f"govdisclosure check: no report files under {' '.join(a.paths)}")
        return 2
    out = sys.stdout
    n_err = n_warn = n_fail = 0
    spool = _CrossYear()
    progress = _Progress(len(files), True, "checking")
    try:
        for rep in batch.parse_many(files, a.jobs, narrative=not a.no_narrative, expand=False):
            progress.advance()
            path = rep.source.path if rep.source else "?"
            if batch.is_failure(rep):
                n_fail += 1
                print(f"{path}\n  error    {batch.FILE_ERROR:<24} {batch.failure_reason(rep)}\n", file=out)
                continue
            if not a.no_cross_year:
                spool.add(rep)
            errs = [f for f in rep.findings if f.severity == "error"]
            n_err += bool(errs)
            n_warn += sum(f.severity == "warning" for f in rep.findings)
            if a.errors_only and not errs:
                continue
            print(f"{path}\n  {_describe(rep)}", file=out)
            if not rep.findings:
                print("  no findings", file=out)
            for f in sorted(rep.findings, key=lambda f: ({"error": 0, "warning": 1}.get(f.severity, 2))):
                keys = f" [{', '.join(f.keys[:4])}{', …' if len(f.keys) > 4 else ''}]" if f.keys else ""
                print(f"  {f.severity:<8} {f.code:<24} {f.message}{keys}", file=out)
            print(file=out)
        progress.close()
        n_cross, cross_err, cells = _print_cross_year(spool, out)
    except KeyboardInterrupt:
        progress.close()
        _err("\ngovdisclosure check: interrupted")
        return 130
    finally:
        spool.close()
        progress.close()
    print(f"{len(files)} files: {len(files) - n_fail} reports read, {n_fail} failed, {n_err} with errors, "
          f"{n_warn} warnings, {n_cross} cross-year findings"
          + (f", {cells} doubtful cells decided by another year's report" if cells is not None else ""),
          file=out)
    return 1 if (n_err or n_fail or cross_err) else 0


# ---------------------------------------------------------------------------------------------
# review
# ---------------------------------------------------------------------------------------------


def _cmd_review(a: argparse.Namespace) -> int:
    from . import batch, review

    rep = batch.parse_one(a.file)
    if batch.is_failure(rep):
        _err(f"govdisclosure review: {a.file}: {batch.failure_reason(rep)}")
        return 1
    out = Path(a.output) if a.output else Path(Path(a.file).name + ".review.html")
    review.write(rep, out)
    _err(f"govdisclosure review: wrote {out} ({len(rep.fields)} fields, {len(rep.findings)} findings)")
    return 0


# ---------------------------------------------------------------------------------------------


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``govdisclosure`` console script; returns the exit status."""
    ap = build_parser()
    a = ap.parse_args(argv)
    if a.command is None:
        ap.print_help(sys.stderr)
        return 2
    old = None
    logged = _log_to_stderr(getattr(a, "verbose", 0))
    if argv is None:  # a real command line: SIGTERM cleans up like Ctrl-C
        try:
            old = signal.signal(signal.SIGTERM, _on_sigterm)
        except ValueError:  # not the main thread
            old = None
    try:
        if a.command == "parse":
            return _cmd_parse(a)
        if a.command == "check":
            return _cmd_check(a)
        return _cmd_review(a)
    except BrokenPipeError:  # `govdisclosure parse x | head`
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    except Exception as exc:
        from .errors import GovDisclosureError

        if isinstance(exc, GovDisclosureError):
            _err(f"govdisclosure {a.command}: {exc}")
            return 2
        raise
    finally:
        if old is not None:
            signal.signal(signal.SIGTERM, old)
        if logged is not None:
            import logging

            logging.getLogger("govdisclosure").removeHandler(logged[0])
            logging.getLogger("govdisclosure").setLevel(logged[1])


if __name__ == "__main__":
    sys.exit(main())
