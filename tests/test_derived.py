"""Every gold document through the converters the corpus does not show it in (benchmarks/derive.py).

The crawler renderings (one line with no whitespace, spaces gone with lines kept, everything one
paragraph) are made in Python, so they run everywhere: never a silent error, and field accuracy at
least the floor measured when the case went in (FLOORS; raise a floor when a change lifts it).
The PDF, HTML and DOCX renderings of the file fixtures need poppler's pdftotext, w3m, lynx and
pandoc, and skip without them (CI installs them).
"""

from __future__ import annotations

import functools
import json
import pathlib
import shutil
from typing import Any

import pytest

from benchmarks import derive, metrics

ROOT = pathlib.Path(__file__).resolve().parent.parent
GOLDS = sorted((ROOT / "corpus").rglob("*.gold.json"))

# (document stem, rendering) -> lowest field accuracy accepted; 1.0 for every pair not listed.
# What is below 1.0 is doubtful, never wrong with ok: crawler-glued part 二 "82666" is 8|26|66 or
# 82|6|66… (no sums in part 二); shanghai one-line glues row 4 to a label-less row.
FLOORS: dict[tuple[str, str], float] = {
    # issue 12's documents: glued 2019-edition part 二 cuttings (no sums) and shredded part 三 labels
    # in one paragraph are doubtful, never wrong with ok
    ("pingtan-2020", "crawler-oneline"): 0.97,
    ("pingtan-2020", "crawler-glued"): 0.97,
    ("pingtan-2020", "flattened"): 0.97,
    ("shanghai-kewei-2024", "crawler-oneline"): 0.60,
    ("shanghai-kewei-2024", "crawler-glued"): 0.73,
    ("shanghai-kewei-2024", "flattened"): 0.76,
    ("shanghai-office-2019", "crawler-oneline"): 0.77,
    ("shanghai-office-2019", "crawler-glued"): 0.77,
    ("shanghai-office-2019", "flattened"): 0.86,
    ("shanghai-office-2025", "crawler-glued"): 0.98,
    ("shanghai-office-2025", "crawler-oneline"): 0.86,
}


def _renderings() -> list[Any]:
    out = []
    for gold in GOLDS:
        stem = gold.name[: -len(".gold.json")]
        for name in ("crawler-oneline", "crawler-glued", "flattened"):
            out.append(pytest.param(gold, name, id=f"{stem}:{name}"))
    return out


@functools.cache
def _score(gold: pathlib.Path, name: str) -> metrics.DocScore:
    import govdisclosure

    src = derive._source_text(gold)
    if src is not None:
        source = src.read_text(encoding="utf-8")
    else:  # a document that is only a file (HTML, DOCX, PDF): its text as parse_file reads it
        stem = gold.name[: -len(".gold.json")]
        files = [p for p in gold.parent.glob(f"{stem}.*") if p.suffix in (".html", ".docx", ".pdf")]
        assert files, f"no text rendering or file beside {gold.name}"
        source = govdisclosure.parse_file(files[0]).text
    text = derive.crawler_renderings(source)[name]
    return metrics.score_document(json.loads(gold.read_text(encoding="utf-8")), govdisclosure.parse(text))


@pytest.mark.parametrize("gold, name", _renderings())
def test_crawler_rendering_never_confidently_wrong(gold: pathlib.Path, name: str) -> None:
    # stricter than score.py's silent errors: a wrong value placed by arithmetic (inferred) fails too;
    # what the arithmetic cannot settle must be doubtful
    s = _score(gold, name)
    wrong = [str(d) for d in s.diffs if d.silent or d.status == "inferred"]
    assert not wrong, "wrong values not flagged doubtful (key=ours/gold[status]):\n  " + "\n  ".join(wrong)


@pytest.mark.parametrize("gold, name", _renderings())
def test_crawler_rendering_accuracy(gold: pathlib.Path, name: str) -> None:
    s = _score(gold, name)
    floor = FLOORS.get((gold.name[: -len(".gold.json")], name), 1.0)
    acc = s.right / s.fields if s.fields else 1.0
    assert acc >= floor, f"accuracy {acc:.4f} below its floor {floor}:\n  " + "\n  ".join(str(d) for d in s.diffs)
    assert s.meta_ok, "edition/year/organ wrong"


def test_floors_name_real_pairs() -> None:
    stems = {g.name[: -len(".gold.json")] for g in GOLDS}
    assert all(stem in stems for stem, _ in FLOORS)


@pytest.mark.skipif(
    not any(shutil.which(t) for t in ("pdftotext", "w3m", "lynx", "pandoc")), reason="no external converter installed"
)
def test_fixtures_through_external_converters_never_confidently_wrong(tmp_path: pathlib.Path) -> None:
    import govdisclosure

    derive.derive(tmp_path, ROOT / "corpus", ROOT / "tests" / "fixtures" / "files")
    problems = []
    for f in sorted([*tmp_path.glob("*.txt"), *tmp_path.glob("*.md")]):
        if not f.name.startswith(("pdf-", "html-", "docx-")):
            continue
        gold = tmp_path / (f.name.split(".")[0] + ".gold.json")
        s = metrics.score_document(json.loads(gold.read_text(encoding="utf-8")), govdisclosure.parse(f.read_text(encoding="utf-8")))
        problems += [f"{f.name}: {d}" for d in s.diffs if d.silent or d.status == "inferred"]
    assert not problems, "wrong values not flagged doubtful:\n  " + "\n  ".join(problems)
