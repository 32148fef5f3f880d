"""The one-fault probe: lose, repeat or glue one printed number of a text rendering; nothing may come
out silently wrong.

usage:
  python benchmarks/mutate.py corpus/real corpus/seeds           # texts with their STEM.gold.json
  python benchmarks/mutate.py benchmarks/out/derived --per 40    # derive.py's renderings
  python benchmarks/mutate.py benchmarks/out/synth/cache/v5      # the synthesizer's (gold.json per seed)

A converter loses a cell, prints one twice or runs two together, and the parser has only the text to
tell. For each number a parse placed right (up to ``--per`` of them per text, drawn with ``--seed``),
the text is changed in one place:

* ``drop``: the number is gone (the cell it stood for may read blank where the positions hold: a
  delimited row keeps its empty cell, and no sum may cover it — that one cell is not counted);
* ``dup``:  the number is printed twice, a cell of its own after the delimiter before it (a pipe, a
  tab, a box rule, a line break or spaces; not in glued text, where a repeat would be another number);
* ``glue``: the whitespace between it and a number after it is gone ("33 440" -> "33440").

Every other field must come back right or with a doubt: a wrong value under ``ok``, ``blank`` or
``not_applicable`` (one the unchanged text did not already give) is a silent error, listed with the
text and the change. Exit status 1 when there is one.
"""

from __future__ import annotations

import argparse
import collections
import json
import pathlib
import random
import sys
from collections.abc import Iterator, Mapping

ROOT = pathlib.Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import govdisclosure  # noqa: E402

SILENT = frozenset({"ok", "blank", "not_applicable"})
KINDS = ("drop", "dup", "glue")
Gold = Mapping[str, object]
Wrong = tuple[str, object, object, str]  # key, value, gold, status


def silent(report: govdisclosure.Report, gold: Gold) -> list[Wrong]:
    """The fields whose value is not the gold one under a status that claims it is."""
    out = []
    for key, want in gold.items():
        f = report.fields.get(key)
        value, status = (f.value, f.status) if f is not None else (None, "missing")
        if value != want and status in SILENT:
            out.append((key, value, want, status))
    return out


def mutants(text: str, report: govdisclosure.Report, gold: Gold, rng: random.Random, per: int,
            kinds: tuple[str, ...] = KINDS) -> Iterator[tuple[str, str, tuple[int, int], str]]:
    """(kind, key, span, mutated text) for up to ``per`` numbers the parse placed right."""
    placed = []
    for key, f in report.fields.items():
        if f.span is None or not isinstance(f.value, (int, float)) or gold.get(key) != f.value:
            continue
        s, e = f.span
        if any(c.isdigit() for c in text[s:e]):
            placed.append((key, s, e))
    rng.shuffle(placed)
    for key, s, e in placed[:per]:
        if "drop" in kinds:
            yield "drop", key, (s, e), text[:s] + text[e:]
        sep = _separator(text, s)
        if "dup" in kinds and sep is not None:
            yield "dup", key, (s, e), text[:e] + sep + text[s:e] + text[e:]
        j = e
        while j < len(text) and text[j] in " \t\u3000":
            j += 1
        if "glue" in kinds and e < j < len(text) and text[j].isdigit():
            yield "glue", key, (s, e), text[:e] + text[j:]


def _separator(text: str, s: int) -> str | None:
    """What sets the number at ``s`` off from what stands before it, to print it once more as a cell of
    its own: the cell delimiter before it (a pipe, a tab, a box-drawing rule), else the whitespace; None
    in glued text (a number glued to itself is another number, no converter's repeat)."""
    j = s
    while j > 0 and text[j - 1] == " ":
        j -= 1
    c = text[j - 1] if j > 0 else "\n"
    if c in "|│┃":
        return f" {c} " if c == "|" else c
    if c in "\t\n\u3000":
        return c
    return " " if j < s else None


def probe(text: str, gold: Gold, rng: random.Random, per: int, kinds: tuple[str, ...] = KINDS) -> tuple[int, list[dict]]:
    """The number of mutants of ``text`` and those with a silent error."""
    report = govdisclosure.parse(text)
    before = set(silent(report, gold))
    n, bad = 0, []
    for kind, key, span, changed in mutants(text, report, gold, rng, per, kinds):
        n += 1
        wrong = [w for w in silent(govdisclosure.parse(changed), gold) if w not in before]
        if kind == "drop":
            wrong = [w for w in wrong if not (w[0] == key and w[1] is None)]
        if wrong:
            bad.append({"kind": kind, "key": key, "span": list(span), "printed": text[span[0]:span[1]], "silent": wrong})
    return n, bad


def texts(paths: list[pathlib.Path]) -> Iterator[tuple[pathlib.Path, dict]]:
    """Every .txt/.md under ``paths`` with its gold: STEM.gold.json beside it, or the folder's gold.json."""
    for root in paths:
        files = [root] if root.is_file() else sorted(p for p in root.rglob("*") if p.suffix in (".txt", ".md"))
        for p in files:
            for g in (p.with_name(p.name.split(".")[0] + ".gold.json"), p.parent / "gold.json"):
                if g.exists():
                    yield p, json.loads(g.read_text(encoding="utf-8"))["fields"]
                    break


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("paths", nargs="+", type=pathlib.Path)
    ap.add_argument("--per", type=int, default=12, help="numbers changed per text")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--kinds", default=",".join(KINDS))
    ap.add_argument("--json", type=pathlib.Path, help="write the silent errors here")
    args = ap.parse_args(argv)
    kinds = tuple(args.kinds.split(","))
    rng = random.Random(args.seed)
    total, found, per_rendering = 0, [], collections.Counter()
    n_texts = 0
    for path, gold in texts(args.paths):
        n_texts += 1
        n, bad = probe(path.read_text(encoding="utf-8"), gold, rng, args.per, kinds)
        total += n
        for b in bad:
            found.append({"text": str(path), **b})
            per_rendering[path.name.split(".", 1)[-1] if "." in path.stem else path.name] += 1
    print(f"{n_texts} texts, {total} mutants ({', '.join(kinds)}), {len(found)} with a silent error")
    for name, k in per_rendering.most_common():
        print(f"  {k:5d}  {name}")
    for b in found[:50]:
        print(f"{b['text']}: {b['kind']} {b['printed']!r} of {b['key']} at {b['span']}: {b['silent']}")
    if args.json:
        args.json.write_text(json.dumps(found, ensure_ascii=False, indent=1), encoding="utf-8")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
