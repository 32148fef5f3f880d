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
