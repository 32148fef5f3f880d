"""One fault at a time (benchmarks/mutate.py): a printed number of each corpus text lost, repeated or
glued to the next; no field may come out silently wrong.  The full probe over the derived and the
synthesizer's renderings is ``python benchmarks/mutate.py DIR --per 40``."""

from __future__ import annotations

import pathlib
import random

import pytest

from benchmarks import mutate

CORPUS = pathlib.Path(__file__).resolve().parent.parent / "corpus"
# (a text whose gold holds no number, the 2018 report of the old template, has nothing to change)
TEXTS = [(p, g) for p, g in mutate.texts([CORPUS / "real", CORPUS / "seeds"]) if any(isinstance(v, (int, float)) for v in g.values())]


def test_the_corpus_has_texts_to_change() -> None:
    assert len(TEXTS) >= 10


@pytest.mark.parametrize(("path", "gold"), TEXTS, ids=[p.name for p, _ in TEXTS])
def test_one_changed_number_gives_no_silent_error(path: pathlib.Path, gold: dict) -> None:
    n, bad = mutate.probe(path.read_text(encoding="utf-8"), gold, random.Random(path.name), per=8)
    assert n > 0
    assert not bad, "\n".join(f"{b['kind']} {b['printed']!r} of {b['key']} at {b['span']}: {b['silent']}" for b in bad)


@pytest.mark.parametrize(("path", "gold"), TEXTS, ids=[p.name for p, _ in TEXTS])
def test_one_mangled_label_or_lost_line_gives_no_silent_error(path: pathlib.Path, gold: dict) -> None:
    """A label misread, renumbered, cut short or gone, or a table line lost (``--kinds line,labels``)."""
    kinds = ("line", *mutate.LABEL_KINDS)
    n, bad = mutate.probe(path.read_text(encoding="utf-8"), gold, random.Random(path.name), per=8, kinds=kinds)
    assert n > 0
    assert not bad, "\n".join(f"{b['kind']} {b['printed']!r} at {b['span']}: {b['silent']}" for b in bad)


def test_label_faults() -> None:
    rng = random.Random(0)
    assert mutate.relabel("1.属于国家秘密", "unnumber", rng) == "属于国家秘密"
    renumbered = mutate.relabel("（三）不予公开", "renumber", rng)
    assert renumbered is not None and renumbered.endswith("）不予公开") and not renumbered.startswith("（三）")
    assert mutate.relabel("规章", "renumber", rng) is None  # no ordinal to change
    assert mutate.relabel("行政规范性文件", "shorten", rng) == "行政规"
    typo = mutate.relabel("行政规范性文件", "typo", rng)
    assert typo is not None and len(typo) == 7 and sum(a != b for a, b in zip(typo, "行政规范性文件")) == 1
    text = "行政许可 1 2\n行政规范性文件 4 5 6\n行政许可 7"  # (行政许可 twice: no one label; 规范性文件 inside another)
    assert [text[s:e] for s, e in mutate.labels_in(text)] == ["行政规范性文件"]
