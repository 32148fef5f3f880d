"""Golden tests: every corpus document, in every rendering, against its NAME.gold.json.

For each ``NAME.gold.json`` under corpus/ and each file beside it named ``NAME.<rendering>.<ext>``
or ``NAME.<ext>``: text renderings (.txt, .md) go through ``govdisclosure.parse(text)``, files
(.pdf, .html, .htm, .docx, .doc) through ``govdisclosure.parse_file(path)`` (skipped while
parse_file cannot read that format).  Three tests per pair, scored by benchmarks/metrics.py (the
rules of ../shared/tools/score.py):

- ``test_no_silent_errors``: no wrong value under status ok/blank/not_applicable;
- ``test_fields_equal_gold``: every field equals the gold (and nothing invented on a legacy doc);
- ``test_meta``: edition, year and organ.

Gold values are never edited to make a test pass.  A pair that is known to fail goes into
KNOWN_FAILURES below, with the reason, and nowhere else.  The marks are strict: when a fix makes a
listed test pass, the run fails until the entry is removed.
"""

from __future__ import annotations

import functools
import json
import pathlib
from typing import Any

import pytest

from benchmarks import metrics

CORPUS = pathlib.Path(__file__).resolve().parent.parent / "corpus"
TEXT_SUFFIXES = (".txt", ".md")
CHECKS = ("silent", "fields", "meta")

# Known failures, maintained by the lead.  Key: (document stem, rendering) for all three checks of
# that pair, or (document stem, rendering, check) with check in CHECKS for one of them.  The
# rendering is the part of the file name between stem and extension ("pdftotext-layout"), or the
# extension itself for the document file ("txt", "md", "pdf").  Value: why it fails.
# Example: ("huaian-city-2024", "pdftotext"): "labels split across the page 4/5 break",
KNOWN_FAILURES: dict[tuple[str, ...], str] = {
    ("pingtan-2020", "txt", "fields"): (
        "crawler text of a 2019-edition part 二 with cells glued and no sums to cut them by "
        "('行政许可396442278' is 396 | 442 | 278 in the source's HTML, but 396 | 44 | 2278 cuts as well); "
        "the cells are doubtful (no silent error), the value shown is the likeliest cutting"
    ),
}


def rendering_of(path: pathlib.Path) -> str:
    """'pdftotext-layout' for NAME.pdftotext-layout.txt; 'txt' for NAME.txt."""
    parts = path.name.split(".")
    return ".".join(parts[1:-1]) or parts[-1]


def _pairs() -> list[tuple[pathlib.Path, pathlib.Path]]:
    out = []
    for gold in sorted(CORPUS.rglob("*.gold.json")):
        stem = gold.name[: -len(".gold.json")]
        for f in sorted(gold.parent.iterdir()):
            if f.is_file() and not f.name.endswith((".gold.json", ".meta.json")) and f.name.split(".")[0] == stem:
                out.append((gold, f))
    return out


PAIRS = _pairs()


def _params(check: str) -> list[Any]:
    params = []
    for gold, path in PAIRS:
        stem, rendering = gold.name[: -len(".gold.json")], rendering_of(path)
        reason = KNOWN_FAILURES.get((stem, rendering, check)) or KNOWN_FAILURES.get((stem, rendering))
        marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
        params.append(pytest.param(gold, path, id=f"{gold.parent.name}/{stem}:{rendering}", marks=marks))
    return params


@functools.cache
def _parse(path: pathlib.Path) -> Any:
    import govdisclosure

    if path.suffix in TEXT_SUFFIXES:
        return govdisclosure.parse(path.read_text(encoding="utf-8"))
    try:
        return govdisclosure.parse_file(str(path))
    except (ImportError, AttributeError) as e:
        pytest.skip(f"parse_file cannot read {path.suffix} yet ({type(e).__name__}: {e})")


def _score(gold: pathlib.Path, path: pathlib.Path) -> metrics.DocScore:
    return metrics.score_document(json.loads(gold.read_text(encoding="utf-8")), _parse(path))


def _listing(diffs: Any) -> str:
    return "\n  ".join(str(d) for d in diffs)


@pytest.mark.parametrize("gold, path", _params("silent"))
def test_no_silent_errors(gold: pathlib.Path, path: pathlib.Path) -> None:
    s = _score(gold, path)
    silent = [d for d in s.diffs if d.silent]
    if silent:
        pytest.fail(f"{len(silent)} silent errors in {path.name} (key=ours/gold[status]):\n  {_listing(silent)}",
                    pytrace=False)


@pytest.mark.parametrize("gold, path", _params("fields"))
def test_fields_equal_gold(gold: pathlib.Path, path: pathlib.Path) -> None:
    s = _score(gold, path)
    if s.diffs:
        pytest.fail(
            f"{len(s.diffs)} fields differ from the gold in {path.name} "
            f"({s.right}/{s.fields} right; key=ours/gold[status]):\n  {_listing(s.diffs)}",
            pytrace=False,
        )


@pytest.mark.parametrize("gold, path", _params("meta"))
def test_meta(gold: pathlib.Path, path: pathlib.Path) -> None:
    g = json.loads(gold.read_text(encoding="utf-8"))
    rep = _parse(path)
    got = (getattr(rep, "edition", None), getattr(rep, "year", None), getattr(rep, "organ", None))
    s = _score(gold, path)
    if not s.meta_ok:
        pytest.fail(
            f"{path.name}: edition/year/organ {got!r}, gold {(g['edition'], g['year'], g['organ'])!r} "
            f"(organ matches by containment without 人民政府)",
            pytrace=False,
        )


def test_corpus_is_there() -> None:
    assert PAIRS, f"no gold records under {CORPUS}"


def test_known_failures_name_real_pairs() -> None:
    pairs = {(g.name[: -len(".gold.json")], rendering_of(p)) for g, p in PAIRS}
    stale = [k for k in KNOWN_FAILURES if k[:2] not in pairs or (len(k) == 3 and k[2] not in CHECKS) or len(k) not in (2, 3)]
    assert not stale, f"KNOWN_FAILURES entries that name no (document, rendering[, check]): {stale}"
