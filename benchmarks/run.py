"""The benchmark harness: govdisclosure and a naive baseline over every corpus document and rendering.

usage: python benchmarks/run.py [--corpus corpus] [--json out.json] [--md out.md] [--repeats 5]
                                [--no-baseline] [--check-scorer] [--scorer PATH]

Run directly, not by pytest (style.md habit 13: a harness, not tests).  For every ``NAME.gold.json``
under the corpus and every file beside it named ``NAME.<rendering>.<ext>`` (or ``NAME.<ext>``):

- text renderings (.txt, .md) go through ``govdisclosure.parse(text)``, files (.pdf, .html, .htm,
  .docx, .doc) through ``govdisclosure.parse_file(path)``; when ``parse_file`` is not available
  (ImportError/AttributeError) the file is skipped with a note, any other exception is a failed parse;
- scores use ``benchmarks/metrics.py`` (the semantics of ../shared/tools/score.py): field accuracy,
  silent errors, invented values, exact documents, edition/year/organ, statuses, findings;
- time per document is the median of ``--repeats`` timed runs after one untimed (scored) run;
- speed is a ratio measured in the same run: parse time / the time of one ``regex.finditer(r"\\d+")``
  pass over the same text (the "floor"), per text rendering, and the median of those ratios;
- the naive positional baseline (``benchmarks/baseline.py``) is scored on the same text renderings;
- everything is reported per split (dev / holdout from ``corpus/MANIFEST.toml``) and per rendering
  variant (score.py's name: the part of the file name between stem and extension, "file" if none).

``--check-scorer`` also runs score.py on every corpus folder and fails (exit 2) unless its total
accuracy and silent-error count equal ours.
"""

from __future__ import annotations

import argparse
import collections
import json
import os
import pathlib
import statistics
import subprocess
import sys
import tempfile
import time
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

ROOT = pathlib.Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run as a script: make `benchmarks` and `govdisclosure` importable
    sys.path.insert(0, str(ROOT))

from benchmarks import baseline, metrics  # noqa: E402

TEXT_SUFFIXES = (".txt", ".md")
FILE_SUFFIXES = (".pdf", ".html", ".htm", ".docx", ".doc")
SPLITS = ("dev", "holdout", "unlisted")  # unlisted: a gold record MANIFEST.toml does not name
DEFAULT_SCORER = ROOT.parent / "shared" / "tools" / "score.py"
#: The floor pass takes microseconds; it is looped this many times per timed repeat so that the
#: timer's resolution does not dominate it.
FLOOR_INNER_LOOPS = 20
#: Two accuracies are the same when they differ by less than this (float sums in different order).
ACC_TOLERANCE = 1e-9


@dataclass
class Row:
    """One (document, rendering): our score, the baseline's, times and notes."""

    name: str  # file name
    stem: str
    variant: str
    split: str
    kind: str  # "text" or "file"
    gold_path: str = ""
    score: metrics.DocScore | None = None  # None when skipped
    base: metrics.DocScore | None = None
    seconds: float | None = None
    floor_seconds: float | None = None
    note: str = ""

    @property
    def ratio(self) -> float | None:
        if self.seconds is None or not self.floor_seconds:
            return None
        return self.seconds / self.floor_seconds

    def as_dict(self) -> dict[str, Any]:
        def sc(s: metrics.DocScore | None) -> dict[str, Any] | None:
            if s is None:
                return None
            return {
                "fields": s.fields, "right": s.right, "wrong": s.wrong, "silent": s.silent,
                "invented": s.invented, "parsed": s.parsed, "exact": s.exact, "accuracy": s.accuracy,
                "edition_ok": s.edition_ok, "year_ok": s.year_ok, "organ_ok": s.organ_ok,
                "statuses": dict(s.statuses), "findings": s.findings, "diffs": [str(d) for d in s.diffs],
            }

        return {
            "file": self.name, "stem": self.stem, "variant": self.variant, "split": self.split,
            "kind": self.kind, "ours": sc(self.score), "baseline": sc(self.base),
            "seconds": self.seconds, "floor_seconds": self.floor_seconds, "ratio": self.ratio,
            "note": self.note,
        }


# -- corpus ---------------------------------------------------------------------------------------


def load_manifest(corpus: pathlib.Path) -> dict[tuple[str, str], str]:
    """(dir, name) -> split, from corpus/MANIFEST.toml (empty when there is none)."""
    path = corpus / "MANIFEST.toml"
    if not path.exists():
        return {}
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    return {(d["dir"], d["name"]): d.get("split", "dev") for d in data.get("document", [])}


def corpus_items(corpus: pathlib.Path) -> Iterable[tuple[pathlib.Path, pathlib.Path, str]]:
    """(gold path, rendering path, split) for every rendering of every gold record, sorted."""
    splits = load_manifest(corpus)
    for gold in sorted(corpus.rglob("*.gold.json")):
        stem = gold.name[: -len(".gold.json")]
        split = splits.get((gold.parent.relative_to(corpus).as_posix(), stem), "unlisted")
        for f in sorted(gold.parent.iterdir()):
            if not f.is_file() or f.name.endswith((".gold.json", ".meta.json")):
                continue
            if f.name.split(".")[0] == stem:
                yield gold, f, split


# -- timing ---------------------------------------------------------------------------------------


def _median_time(fn: Any, repeats: int, inner: int = 1) -> float:
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        for _ in range(inner):
            fn()
        times.append((time.perf_counter() - t0) / inner)
    return statistics.median(times)


def floor_seconds(text: str, repeats: int) -> float:
    """Median time of one regex.finditer(r"\\d+") pass over the text: the cheapest possible reader."""
    import regex

    rx = regex.compile(r"\d+")

    def one_pass() -> None:
        for _ in rx.finditer(text):
            pass

    return _median_time(one_pass, repeats, FLOOR_INNER_LOOPS)


# -- one rendering --------------------------------------------------------------------------------


def run_one(gold_path: pathlib.Path, path: pathlib.Path, split: str, repeats: int, with_baseline: bool) -> Row:
    import govdisclosure

    gd: Any = govdisclosure  # parse/parse_file resolve lazily (module __getattr__), inside the try below
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    stem, variant = metrics.split_name(path.name)
    kind = "text" if path.suffix in TEXT_SUFFIXES else "file"
    row = Row(path.name, stem, variant, split, kind, str(gold_path))
    if kind == "text":
        text = path.read_text(encoding="utf-8")

        def call() -> Any:
            return gd.parse(text)
    else:
        text = None

        def call() -> Any:
            return gd.parse_file(str(path))

    try:
        rep = call()
    except (ImportError, AttributeError) as e:
        if kind == "file":
            row.note = f"skipped: parse_file unavailable ({type(e).__name__}: {str(e)[:160]})"
            return row
        rep, row.note = None, f"parse raised {type(e).__name__}: {str(e)[:100]}"
    except Exception as e:  # score.py counts it as a failed parse: every field wrong
        rep, row.note = None, f"raised {type(e).__name__}: {str(e)[:100]}"
    row.score = metrics.score_document(gold, rep)
    if rep is not None and repeats > 0:
        row.seconds = _median_time(call, repeats)
        if text is not None:
            row.floor_seconds = floor_seconds(text, repeats)
    if with_baseline and text is not None:
        base = baseline.parse(text, edition=gold["edition"], year=gold["year"], organ=gold["organ"])
        row.base = metrics.score_document(gold, base)
    return row


# -- aggregation and output -----------------------------------------------------------------------


def _totals(rows: Iterable[Row], which: str = "score") -> metrics.Totals:
    return metrics.total(getattr(r, which) for r in rows if getattr(r, which) is not None)


def _median(xs: Iterable[float | None]) -> float | None:
    vals = [x for x in xs if x is not None]
    return statistics.median(vals) if vals else None


def summarise(rows: list[Row]) -> dict[str, Any]:
    out: dict[str, Any] = {"splits": {}, "skipped": [r.name for r in rows if r.score is None]}
    for split in SPLITS:
        rs = [r for r in rows if r.split == split]
        if not rs:
            continue
        by_variant = collections.defaultdict(list)
        for r in rs:
            by_variant[r.variant].append(r)
        text_rows = [r for r in rs if r.base is not None]
        out["splits"][split] = {
            "ours": _totals(rs).as_dict(),
            "median_seconds": _median(r.seconds for r in rs),
            "median_ratio_to_floor": _median(r.ratio for r in rs),
            "by_variant": {v: _totals(vr).as_dict() for v, vr in sorted(by_variant.items())},
            "side_by_side": {
                "renderings": len(text_rows),
                "ours": _totals(text_rows).as_dict(),
                "baseline": _totals(text_rows, "base").as_dict(),
            },
        }
    return out


def _fmt_acc(t: dict[str, Any]) -> str:
    return f"{t['accuracy']:.4f} ({t['right']}/{t['fields']})"


def _ms(s: float | None) -> str:
    return "–" if s is None else f"{s * 1000:.1f}"


def _x(r: float | None) -> str:
    return "–" if r is None else f"{r:,.0f}×"


def markdown(rows: list[Row], summary: dict[str, Any], repeats: int) -> str:
    lines: list[str] = []
    add = lines.append
    add(f"### govdisclosure on the corpus (times: median of {repeats} runs)\n")
    add("| split | renderings | field accuracy | silent | invented | exact docs | exceptions | edition/year/organ right | findings | median ms | median × floor |")
    add("|---|---|---|---|---|---|---|---|---|---|---|")
    for split, s in summary["splits"].items():
        t = s["ours"]
        add(f"| {split} | {t['docs']} | {_fmt_acc(t)} | {t['silent']} | {t['invented']} | {t['exact']}/{t['docs']} | "
            f"{t['errors']} | {t['edition_right']}/{t['year_right']}/{t['organ_right']} | {t['findings']} | "
            f"{_ms(s['median_seconds'])} | {_x(s['median_ratio_to_floor'])} |")
    add("")
    add("### Ours vs the naive positional baseline (text renderings)\n")
    add("| split | renderings | accuracy ours | accuracy baseline | silent ours | silent baseline | exact ours | exact baseline |")
    add("|---|---|---|---|---|---|---|---|")
    for split, s in summary["splits"].items():
        sb = s["side_by_side"]
        o, b = sb["ours"], sb["baseline"]
        if not sb["renderings"]:
            continue
        add(f"| {split} | {sb['renderings']} | {o['accuracy']:.4f} | {b['accuracy']:.4f} | {o['silent']} | {b['silent']} | "
            f"{o['exact']} | {b['exact']} |")
    add("")
    add("### By rendering variant\n")
    add("| split | variant | renderings | field accuracy | silent | exact |")
    add("|---|---|---|---|---|---|")
    for split, s in summary["splits"].items():
        for v, t in s["by_variant"].items():
            add(f"| {split} | {v} | {t['docs']} | {_fmt_acc(t)} | {t['silent']} | {t['exact']}/{t['docs']} |")
    add("")
    add("### Per document and rendering\n")
    add("| file | split | accuracy | silent | exact | meta misses | statuses | findings | baseline acc / silent | ms | × floor | note / first wrong fields |")
    add("|---|---|---|---|---|---|---|---|---|---|---|---|")
    for r in rows:
        s = r.score
        if s is None:
            add(f"| {r.name} | {r.split} | – | – | – | – | – | – | – | – | – | {r.note} |")
            continue
        misses = ",".join(m for m, ok in (("edition", s.edition_ok), ("year", s.year_ok), ("organ", s.organ_ok)) if not ok) or "–"
        statuses = " ".join(f"{k}:{v}" for k, v in sorted(s.statuses.items())) or "–"
        base = f"{r.base.accuracy:.3f} / {r.base.silent}" if r.base is not None else "–"
        wrong = "; ".join(str(d) for d in s.diffs[:3]) + (f" (+{len(s.diffs) - 3})" if len(s.diffs) > 3 else "")
        note = " ".join(x for x in (r.note, wrong) if x).replace("|", "\\|")
        add(f"| {r.name} | {r.split} | {s.accuracy:.4f} | {s.silent} | {'yes' if s.exact else 'no'} | {misses} | "
            f"{statuses} | {s.findings} | {base} | {_ms(r.seconds)} | {_x(r.ratio)} | {note} |")
    if summary["skipped"]:
        eq = summary["scorer_equivalent"]
        add("")
        add(f"Skipped (parse_file unavailable): {', '.join(summary['skipped'])}. Counting them as failed "
            f"parses, as score.py does: accuracy {eq['accuracy']:.4f} ({eq['right']}/{eq['fields']}), "
            f"silent {eq['silent']}, exact {eq['exact']}/{eq['docs']}.")
    return "\n".join(lines) + "\n"


# -- agreement with score.py ----------------------------------------------------------------------


def scorer_equivalent(rows: list[Row]) -> metrics.Totals:
    """Our totals the way score.py counts them: a skipped file is a failed parse there."""
    scores = []
    for r in rows:
        if r.score is not None:
            scores.append(r.score)
        else:
            gold = json.loads(pathlib.Path(r.gold_path).read_text(encoding="utf-8"))
            scores.append(metrics.score_document(gold, None))
    return metrics.total(scores)


def check_scorer(corpus: pathlib.Path, rows: list[Row], scorer: pathlib.Path) -> list[str]:
    """Run score.py on every corpus folder; return the disagreements (empty when it agrees)."""
    if not scorer.exists():
        return [f"score.py not found at {scorer}; pass --scorer PATH"]
    dirs = sorted({g.parent for g in corpus.rglob("*.gold.json")})
    theirs: collections.Counter[str] = collections.Counter()
    # score.py must import the same govdisclosure as we do: the caller's PYTHONPATH, then this checkout
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [os.environ.get("PYTHONPATH"), str(ROOT)]))}
    with tempfile.TemporaryDirectory() as tmp:
        for i, d in enumerate(dirs):
            out = pathlib.Path(tmp) / f"{i}.json"
            proc = subprocess.run([sys.executable, str(scorer), str(d), "--json", str(out)],
                                  capture_output=True, text=True, env=env, cwd=str(ROOT))
            if not out.exists():
                return [f"score.py wrote no JSON for {d} (exit {proc.returncode}):\n{proc.stdout[-2000:]}{proc.stderr[-2000:]}"]
            theirs.update({k: v for k, v in json.loads(out.read_text()).items() if k != "acc"})
    ours = scorer_equivalent(rows)
    problems = []
    their_acc = theirs["right"] / max(theirs["fields"], 1)
    if abs(their_acc - ours.accuracy) > ACC_TOLERANCE:
        problems.append(f"accuracy: score.py {their_acc:.6f} ({theirs['right']}/{theirs['fields']}), "
                        f"run.py {ours.accuracy:.6f} ({ours.right}/{ours.fields})")
    for name in ("silent", "docs", "fields", "right", "invented", "exact"):
        if theirs[name] != getattr(ours, name):
            problems.append(f"{name}: score.py {theirs[name]}, run.py {getattr(ours, name)}")
    return problems


# -- main -----------------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", default=str(ROOT / "corpus"), help="corpus folder (default: %(default)s)")
    ap.add_argument("--json", help="write the full results as JSON here")
    ap.add_argument("--md", help="write the markdown tables here (they are printed in any case)")
    ap.add_argument("--repeats", type=int, default=5, help="timed runs per rendering; the median is reported")
    ap.add_argument("--no-baseline", action="store_true", help="skip the naive positional baseline")
    ap.add_argument("--check-scorer", action="store_true", help="fail unless score.py gives the same totals")
    ap.add_argument("--scorer", default=str(DEFAULT_SCORER), help="path of score.py (default: %(default)s)")
    a = ap.parse_args(argv)
    corpus = pathlib.Path(a.corpus)
    if not corpus.is_dir():
        ap.error(f"no corpus folder at {corpus}")
    rows: list[Row] = []
    for gold, path, split in corpus_items(corpus):
        row = run_one(gold, path, split, a.repeats, not a.no_baseline)
        rows.append(row)
        s = row.score
        print(f"{path.name:42s} " + (f"acc {s.accuracy:.4f} silent {s.silent:3d} {_ms(row.seconds):>8s} ms "
                                      if s else "") + row.note, file=sys.stderr)
    if not rows:
        print(f"no gold records under {corpus}", file=sys.stderr)
        return 1
    summary = summarise(rows)
    summary["scorer_equivalent"] = scorer_equivalent(rows).as_dict()
    md = markdown(rows, summary, a.repeats)
    print(md)
    if a.md:
        pathlib.Path(a.md).write_text(md, encoding="utf-8")
    if a.json:
        import govdisclosure

        payload = {
            "corpus": str(corpus), "repeats": a.repeats, "python": sys.version.split()[0],
            "govdisclosure": getattr(govdisclosure, "__version__", None),
            "summary": summary, "rows": [r.as_dict() for r in rows],
        }
        pathlib.Path(a.json).write_text(json.dumps(payload, ensure_ascii=False, indent=1), encoding="utf-8")
    if a.check_scorer:
        problems = check_scorer(corpus, rows, pathlib.Path(a.scorer))
        if problems:
            print("SCORER MISMATCH: benchmarks/run.py and score.py disagree:\n  " + "\n  ".join(problems), file=sys.stderr)
            return 2
        eq = scorer_equivalent(rows)
        print(f"score.py agrees: accuracy {eq.accuracy:.4f}, silent errors {eq.silent}, exact {eq.exact}/{eq.docs}",
              file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
