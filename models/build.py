"""Build the spaCy pipeline govdisclosure ships, from the files in models/.

    python models/build.py                 # writes models/zh_govdisclosure/ and models/manifest.json
    python models/build.py --out DIR       # writes the pipeline to DIR (the manifest is not touched)
    python models/build.py --check         # rebuilds in a temporary folder, fails if it differs

It is also the ``--code`` file for ``spacy assemble``, which builds the same pipeline from the same
config (only ``meta.json`` differs: assemble does not set the name and version):

    python -m spacy assemble models/config.cfg models/zh_govdisclosure --code models/build.py

Inputs: ``models/config.cfg`` (blank zh with the character segmenter, a sentencizer, a SpanRuler)
and ``models/patterns/*.jsonl`` (the SpanRuler's patterns, one JSON object a line, in spaCy's
pattern format).  Nothing is trained and nothing is downloaded, so the build is deterministic; the
manifest records the sha256 of every input and output file and the spaCy version that built it.
The same pattern files are compiled to regular expressions by ``govdisclosure.narrative`` for the
fast path of ``parse()``.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import tempfile
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
NAME = "zh_govdisclosure"
SPANS_KEY = "govdisclosure_patterns"
BUILD_COMMAND = "python models/build.py"


def _register() -> None:
    from spacy.util import registry

    @registry.readers("govdisclosure.read_patterns.v1")
    def read_patterns(path: str) -> list[dict[str, Any]]:
        return load_patterns(_resolve(path))


def _resolve(path: str | Path) -> Path:
    p = Path(path)
    if p.is_dir():
        return p
    # the config names "models/patterns": relative to the checkout, wherever the command runs
    for base in (HERE.parent, HERE):
        if (base / p).is_dir():
            return base / p
    if (HERE / "patterns").is_dir() and p.name == "patterns":
        return HERE / "patterns"
    raise FileNotFoundError(f"pattern folder {str(path)!r} not found; run the build from the repository root")


def load_patterns(folder: Path) -> list[dict[str, Any]]:
    """Every pattern of every ``*.jsonl`` file in ``folder``, files in name order."""
    out: list[dict[str, Any]] = []
    for f in sorted(folder.glob("*.jsonl")):
        for n, line in enumerate(f.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            try:
                out.append(json.loads(line))
            except json.JSONDecodeError as exc:
                raise ValueError(f"{f.name}:{n}: not a JSON object ({exc}); fix the line and rebuild") from exc
    return out


def _sha(p: Path) -> str:
    return hashlib.sha256(p.read_bytes()).hexdigest()


def _canonical(x: Any) -> Any:
    if isinstance(x, dict):
        return {k: _canonical(v) for k, v in sorted(x.items())}
    if isinstance(x, list):
        items = [_canonical(v) for v in x]
        return sorted(items) if all(isinstance(v, str) for v in items) else items
    return x


def _built_sha(p: Path) -> str:
    """sha256 of a built file; JSON files canonicalised first, because spaCy writes some sets
    (the sentencizer's punct_chars) in hash-seed order."""
    if p.suffix == ".json":
        data = json.dumps(_canonical(json.loads(p.read_text(encoding="utf-8"))), ensure_ascii=False, sort_keys=True)
        return hashlib.sha256(data.encode("utf-8")).hexdigest()
    return _sha(p)


def build(out: Path) -> Any:
    import spacy
    from spacy import util

    _register()
    config = util.load_config(HERE / "config.cfg", interpolate=False)
    nlp = util.load_model_from_config(config, auto_fill=True, validate=True)
    nlp.meta.update(
        {
            "name": "govdisclosure",
            "version": "0.1.0",
            "description": "blank zh (char segmenter) + sentencizer + SpanRuler over the patterns in models/patterns",
            "license": "MIT",
            "spacy_version": f">={spacy.__version__.rsplit('.', 1)[0]}.0,<4.0.0",
        }
    )
    nlp.initialize()
    nlp.to_disk(out)
    return nlp


def manifest(out: Path) -> dict[str, Any]:
    from collections import Counter

    import spacy

    pats = load_patterns(HERE / "patterns")
    sources = [HERE / "config.cfg", HERE / "build.py", *sorted((HERE / "patterns").glob("*.jsonl"))]
    return {
        "name": NAME,
        "build_command": BUILD_COMMAND,
        "spacy_version": spacy.__version__,
        "python": f"{sys.version_info.major}.{sys.version_info.minor}",
        "pipeline": ["sentencizer", "span_ruler"],
        "spans_key": SPANS_KEY,
        "trained": False,
        "patterns": dict(sorted(Counter(p["label"] for p in pats).items())),
        "sources": {str(p.relative_to(HERE)): _sha(p) for p in sources},
        "built": {str(p.relative_to(out)): _built_sha(p) for p in sorted(out.rglob("*")) if p.is_file()},
        "scores": "see benchmarks/narrative_share.py and tests/test_narrative.py (facts/meta on the corpus)",
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", type=Path, default=None, help="where to write the pipeline")
    ap.add_argument("--check", action="store_true", help="rebuild in a temp dir and compare with the shipped one")
    a = ap.parse_args(argv)
    if a.check:
        with tempfile.TemporaryDirectory() as tmp:
            build(Path(tmp) / NAME)
            fresh = manifest(Path(tmp) / NAME)
        shipped = json.loads((HERE / "manifest.json").read_text(encoding="utf-8"))
        diff = [k for k in ("sources", "built", "patterns") if fresh[k] != shipped.get(k)]
        if diff:
            print(f"models/ is stale ({', '.join(diff)} differ): run {BUILD_COMMAND}", file=sys.stderr)
            return 1
        print("models/ is up to date")
        return 0
    out = a.out or HERE / NAME
    build(out)
    if a.out is None:
        (HERE / "manifest.json").write_text(json.dumps(manifest(out), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
else:  # imported as `spacy assemble --code models/build.py`: register the pattern reader
    try:
        _register()
    except ImportError:  # pragma: no cover - spaCy missing
        pass
