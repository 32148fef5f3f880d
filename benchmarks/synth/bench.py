"""Parse every rendering of every synthetic document, score it against the generator's gold, add up.

Scoring is :mod:`benchmarks.metrics` (score.py's semantics): a field is right when its value equals
the gold value (``None == null``), a wrong field under ``ok``/``blank``/``not_applicable`` is silent.
Besides, per field: the share that came back ``doubtful`` (and ``inferred``), right or wrong.
"""

from __future__ import annotations

import collections
import concurrent.futures
import dataclasses
import json
import logging
import pathlib
import signal
import time
from collections.abc import Iterable, Sequence
from typing import Any

from benchmarks import metrics

from .render import build, rendering_path

PARSE_TIMEOUT = 120  # seconds per parse; a parse that takes longer counts as an exception


@dataclasses.dataclass
class Result:
    seed: int
    rendering: str
    tags: list[str]
    fields: int = 0
    right: int = 0
    wrong: int = 0
    silent: int = 0
    doubtful: int = 0  # gold fields whose status is doubtful
    inferred: int = 0
    missing: int = 0
    meta_ok: bool = False
    exact: bool = False
    error: str | None = None
    seconds: float = 0.0
    silent_fields: list[dict[str, Any]] = dataclasses.field(default_factory=list)
    wrong_fields: list[str] = dataclasses.field(default_factory=list)


class _Timeout(Exception):
    pass


def _alarm(signum, frame):  # type: ignore[no-untyped-def]
    raise _Timeout()


def _context(text: str, span: tuple[int, int] | None, lines: int = 2) -> str:
    if not text or not span:
        return ""
    a, b = span
    start = a
    for _ in range(lines + 1):
        start = text.rfind("\n", 0, start - 1) if start > 0 else 0
        if start <= 0:
            start = 0
            break
    end = b
    for _ in range(lines + 1):
        nxt = text.find("\n", end + 1)
        if nxt < 0:
            end = len(text)
            break
        end = nxt
    return text[start:end].strip("\n")[:1500]


def score_one(seed: int, rendering: str, folder: pathlib.Path, gold: dict[str, Any], tags: list[str]) -> Result:
    import govdisclosure

    res = Result(seed, rendering, tags)
    path = rendering_path(folder, rendering)
    t0 = time.perf_counter()
    old = signal.signal(signal.SIGALRM, _alarm)
    signal.alarm(PARSE_TIMEOUT)
    text = ""
    try:
        if path.suffix == ".txt":
            text = path.read_text(encoding="utf-8")
            rep = govdisclosure.parse(text)
        else:
            rep = govdisclosure.parse_file(str(path))
            text = rep.text or ""
    except Exception as e:  # noqa: BLE001 — an exception is a result here
        rep = None
        res.error = f"{type(e).__name__}: {e}"[:200]
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)
    res.seconds = time.perf_counter() - t0
    s = metrics.score_document(gold, rep)
    res.fields, res.right, res.wrong, res.silent = s.fields, s.right, s.wrong, s.silent
    res.meta_ok, res.exact = s.meta_ok, s.exact
    if rep is not None:
        for k in gold["fields"]:
            f = rep.fields.get(k)
            st = getattr(f, "status", "missing")
            res.doubtful += st == "doubtful"
            res.inferred += st == "inferred"
            res.missing += st == "missing"
    for d in s.diffs:
        res.wrong_fields.append(str(d))
        if d.silent:
            f = rep.fields.get(d.key) if rep is not None else None
            span = getattr(f, "span", None)
            res.silent_fields.append({
                "seed": seed, "rendering": rendering, "key": d.key, "value": d.predicted, "gold": d.gold,
                "status": d.status, "raw": getattr(f, "raw", None), "span": list(span) if span else None,
                "context": _context(text, span), "tags": tags,
            })
    return res


def run_doc(args: tuple[int, str, Sequence[str], frozenset[str] | None]) -> list[Result]:
    """Build (or reuse) one document's renderings and score every one: the unit of the process pool."""
    seed, cache, names, phenomena = args
    logging.getLogger("pdfminer").setLevel(logging.ERROR)
    folder = pathlib.Path(cache) / f"{seed:06d}" if phenomena is None else pathlib.Path(cache) / f"{seed:06d}-{'+'.join(sorted(phenomena)) or 'plain'}"
    try:
        doc = build(seed, folder, list(names), phenomena)
    except Exception as e:  # noqa: BLE001
        return [Result(seed, n, [], error=f"render: {type(e).__name__}: {e}"[:200]) for n in names]
    gold = json.loads((folder / "gold.json").read_text(encoding="utf-8"))
    return [score_one(seed, n, folder, gold, doc.tags) for n in names]


def run(jobs: Iterable[tuple[int, str, Sequence[str], frozenset[str] | None]], workers: int = 2,
        progress: Any = None) -> list[Result]:
    jobs = list(jobs)
    out: list[Result] = []
    if workers <= 1:
        for i, j in enumerate(jobs):
            out.extend(run_doc(j))
            if progress:
                progress(i + 1, len(jobs))
        return out
    with concurrent.futures.ProcessPoolExecutor(workers) as ex:
        for i, rs in enumerate(ex.map(run_doc, jobs, chunksize=1)):
            out.extend(rs)
            if progress:
                progress(i + 1, len(jobs))
    return out


# ---------------------------------------------------------------------------------------------
# Tables
# ---------------------------------------------------------------------------------------------


@dataclasses.dataclass
class Row:
    docs: int = 0
    fields: int = 0
    right: int = 0
    silent: int = 0
    doubtful: int = 0
    inferred: int = 0
    missing: int = 0
    wrong_flagged: int = 0  # wrong, but not silent
    exact: int = 0
    meta_ok: int = 0
    errors: int = 0
    seconds: float = 0.0

    def add(self, r: Result) -> None:
        self.docs += 1
        self.fields += r.fields
        self.right += r.right
        self.silent += r.silent
        self.doubtful += r.doubtful
        self.inferred += r.inferred
        self.missing += r.missing
        self.wrong_flagged += r.wrong - r.silent
        self.exact += r.exact
        self.meta_ok += r.meta_ok
        self.errors += r.error is not None
        self.seconds += r.seconds

    def cells(self) -> list[str]:
        f = max(self.fields, 1)
        return [str(self.docs), f"{self.right / f:.2%}", str(self.silent), f"{self.doubtful / f:.2%}",
                f"{self.inferred / f:.2%}", f"{self.missing / f:.2%}", f"{self.exact}", f"{self.meta_ok}", str(self.errors),
                f"{self.seconds / max(self.docs, 1):.2f}"]


HEADER = ["docs", "accuracy", "silent", "doubtful", "inferred", "missing", "exact docs", "meta right", "exceptions", "s/doc"]


def aggregate(results: Sequence[Result]) -> dict[str, dict[str, Row]]:
    by_r: dict[str, Row] = collections.defaultdict(Row)
    by_t: dict[str, Row] = collections.defaultdict(Row)
    total = Row()
    for r in results:
        by_r[r.rendering].add(r)
        total.add(r)
        for t in r.tags or ["(none)"]:
            by_t[t].add(r)
    return {"rendering": dict(by_r), "phenomenon": dict(by_t), "total": {"all": total}}


def markdown(results: Sequence[Result], order: Sequence[str] | None = None) -> str:
    agg = aggregate(results)
    lines = []
    for what, rows in (("rendering", agg["rendering"]), ("phenomenon", agg["phenomenon"]), ("", agg["total"])):
        if not what:
            lines.append("")
        lines.append(f"| {what or 'total'} | " + " | ".join(HEADER) + " |")
        lines.append("|---|" + "---:|" * len(HEADER))
        keys = list(rows)
        if what == "rendering" and order:
            keys = [k for k in order if k in rows] + [k for k in rows if k not in order]
        elif what == "phenomenon":
            keys = sorted(rows)
        for k in keys:
            lines.append(f"| `{k}` | " + " | ".join(rows[k].cells()) + " |")
        lines.append("")
    return "\n".join(lines)


def silent_matrix(results: Sequence[Result]) -> dict[tuple[str, str], int]:
    """(rendering, phenomenon) -> silent errors of documents showing that phenomenon."""
    m: dict[tuple[str, str], int] = collections.Counter()
    for r in results:
        if r.silent:
            for t in r.tags:
                m[(r.rendering, t)] += r.silent
    return dict(m)


def silent_list(results: Sequence[Result]) -> list[dict[str, Any]]:
    return [f for r in results for f in r.silent_fields]
