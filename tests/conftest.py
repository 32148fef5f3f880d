"""Shared test setup: the repository root on sys.path (for ``benchmarks``) and the corpus location."""

from __future__ import annotations

import pathlib
import sys

import pytest

ROOT = pathlib.Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"

if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


@pytest.fixture(scope="session")
def corpus_dir() -> pathlib.Path:
    """The project's corpus: documents with NAME.gold.json beside them (see corpus/README.md)."""
    return CORPUS
