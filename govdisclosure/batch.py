"""Many files in, one tidy panel out: expand inputs, parse them (in processes), journal, write atomically.

The pieces, each usable alone:

- :func:`expand_paths` turns files and folders (walked recursively) into a sorted list of report files;
- :func:`parse_many` parses them in order, in ``jobs`` processes, one :class:`~govdisclosure.Report`
  per input.  A file that cannot be read never stops the run: it comes out as an empty report whose
  only finding has code :data:`FILE_ERROR` and says why (see :func:`failure`).  With ``journal=``
  every result is appended to a JSON-lines journal as it arrives, and results already there (for an
  unchanged file) are reused instead of parsed again: that is what ``--resume`` does;
- :func:`to_records` / :func:`iter_records` flatten reports into the long panel (one row per report
  × field), :func:`wide_records` into the wide one (one row per report, one column per key),
  :func:`to_frame` makes either a pandas DataFrame (pandas is imported only there);
- :class:`PanelWriter` streams records into CSV, Parquet or JSON lines through :func:`atomic_path`:
  the output appears complete or not at all.

Blanks stay missing: a field whose value is ``None`` is an empty CSV cell and a null in Parquet,
never 0.

>>> from govdisclosure.report import Field, Report, Source
>>> rep = Report("2021", 2021, "某乡", {"applications.new_received.total": Field(
...     "applications.new_received.total", None, "blank", "", (5, 5))}, source=Source("a.txt"))
>>> [(r["key"], r["value"], r["status"]) for r in to_records([rep])]
[('applications.new_received.total', None, 'blank')]
"""

from __future__ import annotations

import collections
import contextlib
import csv
import dataclasses
import functools
import json
import logging
import multiprocessing
import os
import tempfile
from collections.abc import Callable, Generator, Iterable, Iterator, Mapping, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import IO, Any

from .errors import GovDisclosureError
from .report import Finding, Report, Source

log = logging.getLogger(__name__)

__all__ = [
    "FILE_ERROR",
    "SUFFIXES",
    "LONG_COLUMNS",
    "expand_paths",
    "parse_one",
    "parse_many",
    "failure",
    "is_failure",
    "iter_records",
    "to_records",
    "long_rows",
    "wide_columns",
    "wide_records",
    "to_frame",
    "Journal",
    "PanelWriter",
    "atomic_path",
]

#: Finding code of a report that stands for a file that could not be read at all.
FILE_ERROR = "file_error"

#: File suffixes picked up when walking a folder (what parse_file reads).  Files named explicitly on
#: the command line are always tried, whatever their suffix.
SUFFIXES: tuple[str, ...] = (
    ".txt", ".md", ".pdf", ".html", ".htm", ".xhtml", ".shtml", ".docx", ".doc",
    ".png", ".jpg", ".jpeg", ".tif", ".tiff",  # a scanned report, one image (OCR: govdisclosure[ocr])
)

#: Text suffixes that may be read as UTF-8 directly while govdisclosure.inputs is not available.
_TEXT_SUFFIXES = (".txt", ".md")

#: Columns of the long panel, in order.
LONG_COLUMNS: tuple[str, ...] = (
    "source", "organ", "year", "edition", "key", "value", "status", "raw",
    "span_start", "span_end", "page", "label", "unit",
)

#: Columns of the wide panel before the keys.
WIDE_META_COLUMNS: tuple[str, ...] = (
    "source", "organ", "year", "edition", "n_findings", "n_errors", "n_doubtful", "n_inferred",
)

#: Tasks kept in flight per worker process: enough to keep every worker busy while the parent
#: writes results, few enough that a slow consumer does not pile up reports in memory.
_INFLIGHT_PER_JOB = 4

#: Most files sent to a worker in one task (see _chunk_size).
_MAX_CHUNK = 16

#: Modules the fork server imports before forking workers (what parse_one needs on every call).
_WORKER_PRELOAD = ("govdisclosure.api", "govdisclosure.inputs", "govdisclosure.narrative")

#: Journal format version; a journal with another version (or another library version) is not reused.
#: 2: reports carry ``alternatives`` (an older journal's reports would lack them, and crossyear.decide
#: would have nothing to choose from).
_JOURNAL_FORMAT = 2


# ---------------------------------------------------------------------------------------------
# Inputs
# ---------------------------------------------------------------------------------------------


def expand_paths(paths: Iterable[str | os.PathLike[str]], *, suffixes: Sequence[str] = SUFFIXES) -> list[str]:
    """Files as given plus every report file under each folder, recursively, in a stable order.

    Folders are walked in sorted order of their relative paths; hidden files and folders (``.x``)
    are skipped (so are our own outputs: .csv, .parquet and .jsonl are not report suffixes).  Duplicates are dropped (first one wins).  A path that
    does not exist is kept, so that the run reports it as a failed file.

    >>> expand_paths([])
    []
    """
    out: list[str] = []
    seen: set[str] = set()
    wanted = tuple(s.lower() for s in suffixes)
    for p in paths:
        p = Path(p)
        if p.is_dir():
            found = []
            for dirpath, dirnames, filenames in os.walk(p):
                dirnames[:] = [d for d in dirnames if not d.startswith(".")]
                for name in filenames:
                    if name.startswith(".") or not name.lower().endswith(wanted):
                        continue
                    found.append(Path(dirpath, name))
            found.sort(key=lambda f: f.relative_to(p).as_posix())
            items = [str(f) for f in found]
        else:
            items = [str(p)]
        for item in items:
            key = os.path.abspath(item)
            if key not in seen:
                seen.add(key)
                out.append(item)
    return out


def failure(path: str, exc: BaseException) -> Report:
    """The report that stands for a file that could not be read: no fields, one error finding."""
    what = f"{type(exc).__name__}: {exc}".strip()
    if len(what) > 300:
        what = what[:299] + "…"
    return Report(
        edition=None,
        year=None,
        organ=None,
        findings=(Finding(FILE_ERROR, "error", f"could not read {path}: {what}"),),
        source=Source(path=path, format=Path(path).suffix.lower().lstrip(".") or "unknown"),
    )


def is_failure(report: Report) -> bool:
    """True for the stand-in report of a file that could not be read (see :func:`failure`)."""
    return any(f.code == FILE_ERROR for f in report.findings)


def failure_reason(report: Report) -> str:
    """The error message of a failed file, without the 'could not read PATH:' prefix."""
    for f in report.findings:
        if f.code == FILE_ERROR:
            path = report.source.path if report.source else ""
            return f.message.removeprefix(f"could not read {path}: ")
    return ""


def _inputs_can_read() -> bool:
    try:
        from . import inputs
    except ImportError:
        return False
    return hasattr(inputs, "read")


def parse_one(path: str, *, narrative: bool = True) -> Report:
    """Parse one file; never raises (except KeyboardInterrupt & co.): a failure becomes a report."""
    try:
        if not os.path.exists(path):
            raise FileNotFoundError(f"no such file: {path}")
        if path.lower().endswith(_TEXT_SUFFIXES) and not _inputs_can_read():
            # Fallback until govdisclosure.inputs reads text files: plain UTF-8.
            from .api import parse

            with open(path, encoding="utf-8") as fh:
                rep = parse(fh.read(), narrative=narrative)
            rep = dataclasses.replace(rep, source=Source(path=path, format="text", encoding="utf-8"))
        else:
            from .api import parse_file

            rep = parse_file(path, narrative=narrative)
    except Exception as exc:  # one bad file never stops a batch: it becomes a failure report
        log.debug("failed to parse %s", path, exc_info=True)
        return failure(path, exc)
    src = rep.source or Source()
    if src.path != path:
        rep = dataclasses.replace(rep, source=dataclasses.replace(src, path=path))
    return rep


# ---------------------------------------------------------------------------------------------
# The journal (resume)
# ---------------------------------------------------------------------------------------------


def _signature(path: str) -> list[int] | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return [st.st_size, st.st_mtime_ns]


class Journal:
    """A JSON-lines file with one finished result per line, appended as results arrive.

    The first line names the format and the library version; each other line is
    ``{"path": ABSOLUTE_PATH, "sig": [size, mtime_ns], "report": Report.to_dict()}``.  A line cut
    short by an interruption is ignored on reading.  A result is reused only for the same file with
    the same size and modification time, parsed by the same library version.
    """

    def __init__(self, path: str | os.PathLike[str]):
        self.path = Path(path)
        self._fh: IO[str] | None = None

    @staticmethod
    def _header() -> dict[str, Any]:
        from . import __version__

        return {"govdisclosure_journal": _JOURNAL_FORMAT, "version": __version__}

    def load(self) -> dict[str, tuple[list[int], dict[str, Any]]]:
        """ABSOLUTE_PATH -> (signature, report dict) for every complete line; {} if unusable.
        Every report is in memory: :meth:`index` and :meth:`report_at` read one at a time."""
        return {path: (sig, entry["report"]) for path, sig, _, entry in self._entries()}

    def index(self) -> dict[str, tuple[list[int], int]]:
        """ABSOLUTE_PATH -> (signature, offset of its line) for every complete line; {} if unusable:
        what :meth:`load` tells without holding every report (a resumed 100k-file run would)."""
        return {path: (sig, offset) for path, sig, offset, _ in self._entries()}

    def report_at(self, offset: int) -> dict[str, Any]:
        """The report dict of the line at ``offset`` (from :meth:`index`)."""
        with open(self.path, "rb") as fh:
            fh.seek(offset)
            report: dict[str, Any] = json.loads(fh.readline())["report"]
        return report

    def _entries(self) -> Iterator[tuple[str, list[int], int, dict[str, Any]]]:
        """(path, signature, offset, entry) for every complete line, one at a time."""
        if not self.path.exists():
            return
        with open(self.path, "rb") as fh:
            try:
                if json.loads(fh.readline()) != self._header():
                    log.warning("journal %s was written by another version; not reused", self.path)
                    return
            except ValueError:
                return
            offset = fh.tell()
            for line in fh:
                start, offset = offset, offset + len(line)
                if not line.endswith(b"\n"):
                    break  # cut short by an interruption
                try:
                    entry = json.loads(line)
                    yield entry["path"], entry["sig"], start, entry
                except (ValueError, KeyError, TypeError):
                    continue

    def open(self, *, keep: bool) -> None:
        """Start appending; ``keep=False`` starts a new journal."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        usable = keep and self.path.exists() and bool(self._first_line_ok())
        if usable:
            self._truncate_partial_tail()
        self._fh = open(self.path, "a" if usable else "w", encoding="utf-8")
        if not usable:
            self._fh.write(json.dumps(self._header()) + "\n")
            self._fh.flush()

    def _first_line_ok(self) -> bool:
        with open(self.path, encoding="utf-8") as fh:
            try:
                return bool(json.loads(fh.readline()) == self._header())
            except ValueError:
                return False

    def _truncate_partial_tail(self) -> None:
        with open(self.path, "rb+") as fh:
            data = fh.read()
            if data and not data.endswith(b"\n"):
                fh.truncate(data.rfind(b"\n") + 1)

    def add(self, path: str, sig: list[int] | None, report: Report, report_json: str | None = None) -> None:
        """Record a result; ``report_json`` is ``json.dumps(report.to_dict())`` if already made."""
        assert self._fh is not None, "Journal.open() first"
        head = json.dumps({"path": os.path.abspath(path), "sig": sig}, ensure_ascii=False)
        body = report_json if report_json is not None else json.dumps(report.to_dict(), ensure_ascii=False)
        self._fh.write(f'{head[:-1]}, "report": {body}}}\n')
        self._fh.flush()

    def close(self) -> None:
        if self._fh is not None:
            self._fh.close()
            self._fh = None


# ---------------------------------------------------------------------------------------------
# Running
# ---------------------------------------------------------------------------------------------


def _mp_context() -> Any:
    # forkserver: workers start clean (no inherited threads, e.g. a progress bar's) but cheaply;
    # spawn where it is not available.
    # The fork server imports the parser once, so each worker forked from it starts warm.
    if "forkserver" in multiprocessing.get_all_start_methods():
        ctx = multiprocessing.get_context("forkserver")
        ctx.set_forkserver_preload(list(_WORKER_PRELOAD))
        return ctx
    return multiprocessing.get_context("spawn")


def _work(path: str, narrative: bool, serialize: bool) -> tuple[Report, str | None]:
    """parse_one, plus the report's JSON when a journal wants it: serialising is ~1/4 of the cost
    of a parse, so it is done in the worker, in parallel, not in the parent."""
    rep = parse_one(path, narrative=narrative)
    return rep, (json.dumps(rep.to_dict(), ensure_ascii=False) if serialize else None)


def _worker_init() -> None:
    # Ctrl-C is the parent's to handle (it stops the run and cleans up); workers just go away.
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _pool(jobs: int) -> ProcessPoolExecutor:
    return ProcessPoolExecutor(jobs, mp_context=_mp_context(), initializer=_worker_init)


def _run_isolated(path: str, narrative: bool, serialize: bool) -> tuple[Report, str | None]:
    """Parse one file in a pool of its own, so that a crashing worker takes only this file down."""
    try:
        with _pool(1) as ex:
            return ex.submit(_work, path, narrative, serialize).result()
    except BrokenProcessPool as exc:
        rep = failure(path, RuntimeError(f"the worker process died while parsing this file ({exc})"))
        return rep, None


def _work_chunk(paths: Sequence[str], narrative: bool, serialize: bool) -> list[tuple[Report, str | None]]:
    """_work over a few files: one task (one round trip to the worker) per chunk, not per file."""
    return [_work(p, narrative, serialize) for p in paths]


def _chunk_size(n: int, jobs: int) -> int:
    """Files per task: enough to amortise the round trip (~1 ms) over parses of ~10 ms, small
    enough that every worker gets many tasks (balance) and the parent never waits long."""
    return max(1, min(_MAX_CHUNK, n // (jobs * 16)))


def _parse_parallel(
    paths: Sequence[str], jobs: int, narrative: bool, serialize: bool
) -> Iterator[tuple[Report, str | None]]:
    """parse_one over paths in ``jobs`` processes, yielding in input order."""
    size = _chunk_size(len(paths), jobs)
    todo = collections.deque(paths[i: i + size] for i in range(0, len(paths), size))
    pending: collections.deque[tuple[Sequence[str], Future[list[tuple[Report, str | None]]]]] = collections.deque()
    ex = _pool(jobs)
    try:
        while todo or pending:
            while todo and len(pending) < jobs * _INFLIGHT_PER_JOB:
                chunk = todo.popleft()
                pending.append((chunk, ex.submit(_work_chunk, chunk, narrative, serialize)))
            chunk, fut = pending.popleft()
            try:
                results = fut.result()
            except BrokenProcessPool:
                # A worker died (a crash in a native library, the OOM killer…).  Every file in
                # flight is a suspect: parse each alone, then go on with a fresh pool.
                log.warning("a worker process died; re-running the files in flight one by one")
                ex.shutdown(wait=False, cancel_futures=True)
                suspects = [*chunk, *(p for c, _ in pending for p in c)]
                pending.clear()
                for s in suspects:
                    yield _run_isolated(s, narrative, serialize)
                ex = _pool(jobs)
                continue
            yield from results
    finally:
        ex.shutdown(wait=False, cancel_futures=True)


def parse_many(
    paths: Iterable[str | os.PathLike[str]],
    jobs: int = 1,
    *,
    narrative: bool = True,
    journal: str | os.PathLike[str] | None = None,
    resume: bool = True,
    expand: bool = True,
    on_result: Callable[[Report, bool], None] | None = None,
) -> Generator[Report, None, None]:
    """Parse many report files; yields one :class:`Report` per file, in input order.

    ``paths`` are files or folders (walked recursively, see :func:`expand_paths`; ``expand=False``
    takes them as a list of files).  ``jobs > 1`` parses in that many processes.  A file that cannot
    be read yields a report with no fields and a :data:`FILE_ERROR` finding (:func:`is_failure`).

    ``journal``: a JSON-lines file that records each result as it arrives; with ``resume=True`` the
    results it already holds for unchanged files are reused.  ``on_result(report, reused)`` is
    called for each result (for progress bars).
    """
    if jobs < 1:
        raise GovDisclosureError(f"jobs must be at least 1, not {jobs!r}")
    files = expand_paths(paths) if expand else [str(p) for p in paths]
    j = Journal(journal) if journal is not None else None
    done = j.index() if (j is not None and resume) else {}  # offsets, not reports: memory stays flat
    if j is not None:
        j.open(keep=resume)
    parsed: Iterator[tuple[Report, str | None]] = iter(())
    try:
        # Results reused from the journal interleave with fresh ones so the order stays the input's.
        sigs = {p: _signature(p) for p in files}
        fresh = [p for p in files if not _reusable(done.get(os.path.abspath(p)), sigs[p])]
        if jobs == 1 or len(fresh) <= 1:
            parsed = (_work(p, narrative, j is not None) for p in fresh)
        else:
            parsed = _parse_parallel(fresh, min(jobs, len(fresh)), narrative, j is not None)
        fresh_set = set(fresh)
        for p in files:
            if p in fresh_set:
                rep, line = next(parsed)
                if j is not None:
                    j.add(p, sigs[p], rep, line)
                reused = False
            else:
                assert j is not None
                rep = Report.from_dict(j.report_at(done[os.path.abspath(p)][1]))
                src = rep.source or Source()
                if src.path != p:
                    rep = dataclasses.replace(rep, source=dataclasses.replace(src, path=p))
                reused = True
            if on_result is not None:
                on_result(rep, reused)
            yield rep
    finally:
        close = getattr(parsed, "close", None)
        if close is not None:
            close()  # shuts the worker pool down when the caller stops early
        if j is not None:
            j.close()


def _reusable(entry: tuple[list[int], int] | None, sig: list[int] | None) -> bool:
    return entry is not None and sig is not None and list(entry[0] or []) == sig


# ---------------------------------------------------------------------------------------------
# Records and frames
# ---------------------------------------------------------------------------------------------


@functools.lru_cache(maxsize=1)
def _key_order() -> dict[str, int]:
    """Key -> its place in the schema (both editions); computed once (iter_records runs per report)."""
    from . import schema

    order: dict[str, int] = {}
    for k in (*schema.keys("2021"), *schema.keys("2019")):
        order.setdefault(k, len(order))
    return order


def _source_path(report: Report) -> str | None:
    return report.source.path if report.source is not None else None


def iter_records(reports: Iterable[Report]) -> Iterator[dict[str, Any]]:
    """The long panel, lazily: one dict per report × field, columns :data:`LONG_COLUMNS`.

    Fields come in schema order (part 二, 三, 四).  ``value`` is ``None`` for every blank,
    not-applicable or missing cell; nothing is ever filled with 0.
    """
    order = _key_order()
    for rep in reports:
        src = _source_path(rep)
        for key in sorted(rep.fields, key=lambda k: (order.get(k, len(order)), k)):
            f = rep.fields[key]
            span = f.span or (None, None)
            yield {
                "source": src,
                "organ": rep.organ,
                "year": rep.year,
                "edition": rep.edition,
                "key": key,
                "value": f.value,
                "status": f.status,
                "raw": f.raw,
                "span_start": span[0],
                "span_end": span[1],
                "page": f.page,
                "label": f.label,
                "unit": f.unit,
            }


def long_rows(report: Report) -> list[tuple[Any, ...]]:
    """The long panel rows of one report as tuples in :data:`LONG_COLUMNS` order (what
    :meth:`PanelWriter.write_rows` takes): :func:`iter_records` without a dict per row."""
    order = _key_order()
    n = len(order)
    src, organ, year, edition = _source_path(report), report.organ, report.year, report.edition
    out = []
    for key in sorted(report.fields, key=lambda k: (order.get(k, n), k)):
        f = report.fields[key]
        span = f.span or (None, None)
        out.append((src, organ, year, edition, key, f.value, f.status, f.raw, span[0], span[1], f.page, f.label, f.unit))
    return out


def to_records(reports: Iterable[Report]) -> list[dict[str, Any]]:
    """The long panel as a list of dicts (see :func:`iter_records`)."""
    return list(iter_records(reports))


def wide_columns() -> tuple[str, ...]:
    """Columns of the wide panel: report metadata, then every key of both editions."""
    return (*WIDE_META_COLUMNS, *_key_order())


def wide_records(reports: Iterable[Report]) -> Iterator[dict[str, Any]]:
    """One dict per report: metadata, finding counts, and every key's value (None when absent)."""
    keys = list(_key_order())
    for rep in reports:
        if is_failure(rep):
            continue
        statuses = collections.Counter(f.status for f in rep.fields.values())
        row: dict[str, Any] = {
            "source": _source_path(rep),
            "organ": rep.organ,
            "year": rep.year,
            "edition": rep.edition,
            "n_findings": len(rep.findings),
            "n_errors": sum(1 for f in rep.findings if f.severity == "error"),
            "n_doubtful": statuses["doubtful"],
            "n_inferred": statuses["inferred"],
        }
        for k in keys:
            f = rep.fields.get(k)
            row[k] = f.value if f is not None else None
        yield row


def _money_keys() -> frozenset[str]:
    from . import schema

    s = schema.load()
    return frozenset(
        f"active.{r.key}.{c.key}" for b in s.active for r in b.rows for c in b.columns if r.money or c.money
    )


def to_frame(reports: Iterable[Report], *, wide: bool = False) -> Any:
    """A pandas DataFrame of the long panel (or the wide one with ``wide=True``).

    Needs pandas (``pip install govdisclosure[panel]``).  Missing values are ``<NA>``; ``value`` is
    nullable Float64 in the long form (counts stay exact); in the wide form count columns are
    nullable Int64 and money columns Float64.
    """
    try:
        import pandas as pd
    except ImportError as exc:  # pragma: no cover - depends on the environment
        from .errors import DependencyError

        raise DependencyError(
            "to_frame() needs pandas: pip install 'govdisclosure[panel]' (or pip install pandas)"
        ) from exc
    if wide:
        cols = wide_columns()
        df = pd.DataFrame.from_records(list(wide_records(reports)), columns=list(cols))
        money = _money_keys()
        dtypes = {c: "Int64" for c in ("year", "n_findings", "n_errors", "n_doubtful", "n_inferred")}
        dtypes.update({k: ("Float64" if k in money else "Int64") for k in cols[len(WIDE_META_COLUMNS):]})
        return df.astype(dtypes)
    df = pd.DataFrame.from_records(to_records(reports), columns=list(LONG_COLUMNS))
    return df.astype(
        {"year": "Int64", "value": "Float64", "span_start": "Int64", "span_end": "Int64", "page": "Int64"}
    )


# ---------------------------------------------------------------------------------------------
# Writing
# ---------------------------------------------------------------------------------------------


@contextlib.contextmanager
def atomic_path(path: str | os.PathLike[str]) -> Iterator[Path]:
    """Yields a temporary path beside ``path``; on success it replaces ``path`` in one step.

    On an exception (or an interruption) the temporary file is removed and ``path`` is untouched:
    readers never see a half-written output.
    """
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    os.close(fd)
    # mkstemp makes the file private (0600); give the output the permissions a plain open() would.
    umask = os.umask(0)
    os.umask(umask)
    os.chmod(tmp, 0o666 & ~umask)
    try:
        yield Path(tmp)
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def _csv_cell(v: Any) -> Any:
    # None is an empty cell (never 0); floats as printed (repr), ints as ints.
    if v is None:
        return ""
    if isinstance(v, float):
        return repr(v)
    return v


#: Rows buffered per Parquet row group: large enough for good compression, small enough to stream.
_PARQUET_ROWS_PER_GROUP = 50_000


class PanelWriter:
    """Streams record dicts to CSV, Parquet or JSON lines; ``close()`` publishes atomically.

    ``kind`` is ``"long"`` (columns :data:`LONG_COLUMNS`) or ``"wide"`` (:func:`wide_columns`);
    ``columns`` names others (a findings file, CSV).  With ``path=None`` (CSV and JSON lines only) rows go to ``stream`` (stdout) as they come.
    """

    def __init__(self, path: str | os.PathLike[str] | None, fmt: str, kind: str = "long",
                 stream: IO[str] | None = None, columns: Sequence[str] | None = None):
        if fmt not in ("csv", "parquet", "jsonl"):
            raise GovDisclosureError(f"unknown output format {fmt!r}; use csv, parquet or jsonl")
        if fmt == "parquet" and path is None:
            raise GovDisclosureError("Parquet output needs a file: give -o OUT.parquet")
        self.fmt, self.kind, self.rows = fmt, kind, 0
        self.columns = tuple(columns) if columns is not None else LONG_COLUMNS if kind == "long" else wide_columns()
        self._ctx = atomic_path(path) if path is not None else None
        self._tmp = self._ctx.__enter__() if self._ctx is not None else None
        self._fh: IO[str] | None = None
        self._pq: Any = None
        self._cols: list[list[Any]] = [[] for _ in self.columns]  # Parquet: the row group, by column
        self._nbuf = 0
        if fmt == "parquet":
            self._arrow_schema = self._make_arrow_schema()
        elif self._tmp is not None:
            self._fh = open(self._tmp, "w", encoding="utf-8", newline="")
        else:
            self._fh = stream
        if fmt == "csv":
            assert self._fh is not None
            self._csv = csv.writer(self._fh)
            self._csv.writerow(self.columns)

    def _make_arrow_schema(self) -> Any:
        try:
            import pyarrow as pa
        except ImportError as exc:  # pragma: no cover - depends on the environment
            from .errors import DependencyError

            raise DependencyError("Parquet output needs pyarrow: pip install 'govdisclosure[panel]'") from exc
        if self.kind == "long":
            types = {"year": pa.int64(), "value": pa.float64(), "span_start": pa.int64(),
                     "span_end": pa.int64(), "page": pa.int64()}
        else:
            money = _money_keys()
            types = {c: pa.int64() for c in ("year", "n_findings", "n_errors", "n_doubtful", "n_inferred")}
            types.update({k: (pa.float64() if k in money else pa.int64())
                          for k in self.columns[len(WIDE_META_COLUMNS):]})
        return pa.schema([(c, types.get(c, pa.string())) for c in self.columns])

    def write(self, record: Mapping[str, Any]) -> None:
        self.rows += 1
        if self.fmt == "csv":
            self._csv.writerow([_csv_cell(record.get(c)) for c in self.columns])
        elif self.fmt == "jsonl":
            assert self._fh is not None
            self._fh.write(json.dumps(record, ensure_ascii=False) + "\n")
        else:
            get = record.get
            for col, c in zip(self._cols, self.columns, strict=True):
                col.append(get(c))
            self._nbuf += 1
            if self._nbuf >= _PARQUET_ROWS_PER_GROUP:
                self._flush_parquet()

    def write_rows(self, rows: Sequence[Sequence[Any]]) -> None:
        """Write rows given as tuples in column order (see :func:`long_rows`): the fast path."""
        if self.fmt == "csv":
            self.rows += len(rows)
            for r in rows:
                self._csv.writerow([_csv_cell(v) for v in r])
            return
        if self.fmt != "parquet":
            for r in rows:
                self.write(dict(zip(self.columns, r, strict=True)))
            return
        if not rows:
            return
        self.rows += len(rows)
        for col, vals in zip(self._cols, zip(*rows, strict=True), strict=True):
            col.extend(vals)
        self._nbuf += len(rows)
        if self._nbuf >= _PARQUET_ROWS_PER_GROUP:
            self._flush_parquet()

    def _flush_parquet(self) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        if self._pq is None:
            self._pq = pq.ParquetWriter(str(self._tmp), self._arrow_schema)
        cols = {}
        for c, vals in zip(self.columns, self._cols, strict=True):
            if self._arrow_schema.field(c).type == pa.float64():
                vals = [None if v is None else float(v) for v in vals]
            cols[c] = vals
        self._pq.write_table(pa.table(cols, schema=self._arrow_schema))
        self._cols = [[] for _ in self.columns]
        self._nbuf = 0

    def close(self) -> None:
        """Finish and publish the output (atomically when writing a file)."""
        if self.fmt == "parquet":
            if self._nbuf or self._pq is None:
                self._flush_parquet()
            self._pq.close()
        elif self._fh is not None:
            self._fh.flush()
            if self._tmp is not None:
                os.fsync(self._fh.fileno())
                self._fh.close()
        if self._ctx is not None:
            self._ctx.__exit__(None, None, None)
            self._ctx = None

    def abort(self) -> None:
        """Drop the output: the temporary file goes, an existing output is left as it was."""
        with contextlib.suppress(Exception):
            if self._pq is not None:
                self._pq.close()
            if self._fh is not None and self._tmp is not None:
                self._fh.close()
        if self._ctx is not None:
            with contextlib.suppress(BaseException):
                self._ctx.__exit__(KeyboardInterrupt, KeyboardInterrupt(), None)
            self._ctx = None


def write_csv_rows(path: str | os.PathLike[str], header: Sequence[str], rows: Iterable[Sequence[Any]]) -> None:
    """A CSV (errors, findings), written atomically."""
    out = PanelWriter(path, "csv", columns=header)
    try:
        out.write_rows(list(rows))
    except BaseException:
        out.abort()
        raise
    out.close()
