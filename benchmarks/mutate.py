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
* ``glue``: the whitespace between it and a number after it is gone ("33 440" -> "33440");
* ``split``: a space inside it ("1234" -> "12 34": letter-spaced digits of a PDF's justified cell);
* ``line``: the whole line it stands on is gone (a page break or a header filter that ate a row).

And to a label, a row's, a column caption or a part's heading (one a text, found once in it with the template's or a
variant's wording; ``--kinds labels`` for all five), as OCR, abbreviations and offices' own wordings do:

* ``typo``: one of its characters is another ("规范有文件");
* ``renumber``: its ordinal is another ("1.属于国家秘密" -> "4.属于国家秘密", "（三）" -> "（五）");
* ``unnumber``: its ordinal is gone;
* ``shorten``: it is cut to the first half of its words;
* ``unlabel``: it is gone, its numbers left standing.

Every other field must come back right or with a doubt: a wrong value under ``ok``, ``blank`` or
``not_applicable`` (one the unchanged text did not already give) is a silent error, listed with the
text and the change. Exit status 1 when there is one.
"""

from __future__ import annotations

import argparse
import collections
import functools
import itertools
import json
import pathlib
import random
import re
import sys
from collections.abc import Iterator, Mapping

ROOT = pathlib.Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import govdisclosure  # noqa: E402
from govdisclosure import schema  # noqa: E402

SILENT = frozenset({"ok", "blank", "not_applicable"})
KINDS = ("drop", "dup", "glue")
LABEL_KINDS = ("typo", "renumber", "unnumber", "shorten", "unlabel")
ALL_KINDS = (*KINDS, "split", "line", *LABEL_KINDS)
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
        digits = [k for k in range(s + 1, e) if text[k - 1].isdigit() and text[k].isdigit()]
        if "split" in kinds and digits:
            k = rng.choice(digits)
            yield "split", key, (s, e), text[:k] + " " + text[k:]
        if "line" in kinds:
            a, b = text.rfind("\n", 0, s) + 1, text.find("\n", e)
            b = len(text) if b < 0 else b + 1
            yield "line", key, (a, b), text[:a] + text[b:]


# a line that holds a number alone (its unit too): losing it is losing the number
_LONE_NUMBER = re.compile(r"\s*[-+－＋]?[0-9０-９][0-9０-９.,，]*[^\s0-9]{0,2}\s*")


# -- label faults -------------------------------------------------------------------------------
_PUNCT = {"(": "[（(]", ")": "[）)]", ".": "[.．、]", ",": "[,，]", "/": "[/／]"}
# an ordinal that opens a label: "（三）", "三、", "1." (key-normalised wordings print "." for 、)
_ORDINAL = re.compile(r"^(?:[（(][一二三四五六七八][）)]|[一二三四五六七八][、.．]|[0-9][.．、])")
_HAN_ORDINALS = "一二三四五六七八"
# characters a misreading puts in place of a label's: common ones, none a word of the template's own
_MISREAD = "口日田目白中人大小上下的是了在有我他这个们来到时"


@functools.cache
def _label_patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """Every label of the schema (the parts' headings, part 二's rows and column captions, part 三's
    with its rows' groups, part 四's) and its variants, longest first, as a pattern that takes either width of its
    punctuation."""
    sch = schema.load()
    words: set[str] = set()
    for b in sch.active:
        for r in (*b.rows, *b.columns):
            words.update(r.wordings)
    for r in (*sch.app_rows, *sch.app_columns, *sch.review_groups, *sch.review_columns, *sch.parts):
        words.update(r.wordings)
        words.update([r.group] if r.group else [])
    ordered = sorted((w for w in words if len(w) >= 4), key=lambda w: (-len(w), w))
    return tuple((w, re.compile("".join(_PUNCT.get(c, re.escape(c)) for c in w))) for w in ordered)


def labels_in(text: str) -> list[tuple[int, int]]:
    """The spans of the row labels printed once in ``text`` in a wording of the schema's, none inside
    another."""
    spans: list[tuple[int, int]] = []
    for _, pat in _label_patterns():
        found = list(pat.finditer(text))
        if len(found) == 1 and not any(found[0].start() < e and s < found[0].end() for s, e in spans):
            spans.append(found[0].span())
    return sorted(spans)


def relabel(label: str, kind: str, rng: random.Random) -> str | None:
    """``label`` with the fault ``kind`` (one of LABEL_KINDS), None where the kind does not apply."""
    m = _ORDINAL.match(label)
    ordinal, words = (m.group(0), label[m.end():]) if m else ("", label)
    if kind == "typo":
        han = [i for i, c in enumerate(words) if "\u4e00" <= c <= "\u9fff"]
        if not han:
            return None
        i = rng.choice(han)
        return ordinal + words[:i] + rng.choice(_MISREAD) + words[i + 1:]
    if kind == "renumber" and ordinal:
        digit = next(c for c in ordinal if c.isdigit() or c in _HAN_ORDINALS)
        other = rng.choice([c for c in ("12345678" if digit.isdigit() else _HAN_ORDINALS) if c != digit])
        return ordinal.replace(digit, other) + words
    if kind == "unnumber" and ordinal:
        return words
    if kind == "shorten" and len(words) >= 6:
        return ordinal + words[: len(words) // 2]
    if kind == "unlabel":
        return ""
    return None


def label_mutants(text: str, rng: random.Random, per: int, kinds: tuple[str, ...]) -> Iterator[tuple[str, str, tuple[int, int], str]]:
    """(kind, label, span, mutated text) for up to ``per`` labels, each with one of ``kinds``."""
    spans = labels_in(text)
    rng.shuffle(spans)
    for s, e in spans[:per]:
        kind = rng.choice(kinds)
        new = relabel(text[s:e], kind, rng)
        if new is not None:
            yield kind, text[s:e], (s, e), text[:s] + new + text[e:]


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
    label_kinds = tuple(k for k in kinds if k in LABEL_KINDS)
    number_kinds = tuple(k for k in kinds if k not in LABEL_KINDS)
    changes = itertools.chain(
        mutants(text, report, gold, rng, per, number_kinds) if number_kinds else (),
        label_mutants(text, rng, per, label_kinds) if label_kinds else ())
    for kind, key, span, changed in changes:
        n += 1
        wrong = [w for w in silent(govdisclosure.parse(changed), gold) if w not in before]
        if kind == "drop" or kind == "line" and _LONE_NUMBER.fullmatch(text[span[0]:span[1]]):
            # (a lost number, or a line that held it alone: its cell may read blank, see "drop")
            wrong = [w for w in wrong if not (w[0] == key and w[1] is None)]
        if wrong:
            bad.append({"kind": kind, "key": key, "span": list(span), "printed": text[span[0]:span[1]],
                        "changed": changed[max(0, span[0] - 40):span[0] + 60], "silent": wrong})
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
    kinds = tuple(k for name in args.kinds.split(",") for k in (LABEL_KINDS if name == "labels" else (name,)))
    if unknown := set(kinds) - set(ALL_KINDS):
        ap.error(f"unknown kinds {sorted(unknown)}: choose among {', '.join(ALL_KINDS)} (or 'labels')")
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
