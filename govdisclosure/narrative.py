"""Stage 6: the narrative — who published the report and when, and the figures its prose states.

``extract(norm, doc, fields)`` reads the narrative parts only (the preface and the title block, parts
一, 五 and 六; the whole text before its statistics table for a legacy report) and returns
``(Meta, facts, findings)``:

- ``Meta``: organ as written (enriched with the place names the text prints with it, e.g. 官元镇 →
  岚皋县官元镇人民政府), its administrative level, the region named with it, the year, the
  statistics period, the publication date, and the contact phone / e-mail / postcode / address;
- facts (``Fact``) of the kinds ``active_disclosure_total``, ``active_disclosure_part``,
  ``applications_received``, ``reviews``, ``lawsuits``, ``processing_fees`` ("未收取" is 0), each
  with value, unit, subject, span and raw text; spans are spans of the ORIGINAL text;
- findings (rule R7): narrative figures that contradict the tables, naming both spans
  (``narrative_contradiction``), and a report year the statistics period contradicts
  (``year_contradiction``, unless the sections stage already reported it).

Two engines find the mentions (places, organ heads, channels, quantities, dates, contacts, cues)
that the rules above interpret.  Both are driven by the same data files, ``models/patterns/*.jsonl``
(spaCy SpanRuler patterns over the zh character segmenter's one-character tokens):

- ``"regex"`` (the default, used by ``parse()``): the patterns compiled to regular expressions;
- ``"spacy"`` (opt-in): the shipped pipeline ``models/zh_govdisclosure`` (blank zh, sentencizer,
  SpanRuler), loaded once, lazily.  Select it with ``with govdisclosure.narrative.engine("spacy"):``
  or ``nlp.add_pipe("govdisclosure", config={"engine": "spacy"})``.

Why the default is not spaCy: measured on the corpus (``benchmarks/narrative_share.py``), tokenising a
report with the zh character segmenter alone costs ~7 ms (3,500 tokens for seed 003), more than the
whole rest of ``parse()``, and the SpanRuler adds to that; the compiled patterns cost about a
millisecond and give the same meta and facts on every corpus document (tested).  ``import
govdisclosure`` and ``parse()`` never import spaCy.

>>> text = "2021年,我镇主动公开信息235条。2021年度我局没有受理申请公开政府信息申请。"
>>> [(f.kind, f.value, f.unit) for f in facts_of_text(text)]
[('active_disclosure_total', 235, '条'), ('applications_received', 0, '件')]
"""

from __future__ import annotations

import bisect
import contextlib
import contextvars
import datetime as _dt
import functools
import json
import logging
import re
import types
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any, NamedTuple

import regex

from .errors import ModelNotFoundError
from .normalize import WHITESPACE
from .report import Contact, Fact, Field, Finding, Meta

log = logging.getLogger(__name__)

__all__ = [
    "extract",
    "engine",
    "load_pipeline",
    "models_dir",
    "patterns",
    "mentions",
    "meta_spans",
    "facts_of_text",
    "FACT_KINDS",
    "BUILD_COMMAND",
    "MODEL_NAME",
]

MODEL_NAME = "zh_govdisclosure"
BUILD_COMMAND = "python models/build.py"
SPANS_KEY = "govdisclosure_patterns"  # the SpanRuler's spans_key in models/config.cfg
ENGINES = ("regex", "spacy")
FACT_KINDS = (
    "active_disclosure_total",
    "active_disclosure_part",
    "applications_received",
    "reviews",
    "lawsuits",
    "processing_fees",
)

_ENGINE: contextvars.ContextVar[str] = contextvars.ContextVar("govdisclosure_narrative_engine", default="regex")

# -- tuning constants ------------------------------------------------------------------------
# characters between a cue (申请, 行政复议, 处理费) and its number: "申请75件", "行政复议案件2件",
# "信息处理费 3940 元"; longer gaps are other numbers of the same sentence
CUE_NUMBER_GAP = 4
# a receiving verb (收到/受理) and its 申请 in one clause: "收到公民、法人和其他组织通过各种形式提出的
# 信息公开申请1件" (seed 004) puts 18 characters between them
RECEIVE_WINDOW = 30
# a negation governs a cue this close after it: "未收到", "没有受理", "无收取", "均未收到有关…"
NEG_WINDOW = 4
# "未发生因依申请公开被行政复议纠错或行政诉讼败诉情形" (Shanghai) denies an outcome, not the cases:
# an outcome word this close after the cue cancels the negation
BLOCK_WINDOW = 4
# the date of a signature line: the last lines of the text, a line that is the date or organ + date
SIGNATURE_LINES = 3
SIGNATURE_MAX_PREFIX = 30
# a statistics period's dates follow their cue closely: "统计期限自2019年1月1日起,至2019年12月31日止"
PERIOD_WINDOW = 40
# a place-name chain printed in front of the organ (安丘市 in 安丘市官庄镇人民政府): look back this far
CHAIN_WINDOW = 14
# characters that begin no place name but often stand right before one ("请与安丘市…", "把富阳区…"):
# a place candidate starting with one is cut after it
STOP_CHARS = frozenset("与在对把以向由和及的为是了将从经到于被请据按本我该全各其并即或就至自共")
# a narrative zone longer than this is cut: the longest narrative part in the corpus has ~6,000
# characters, while a part 六 that runs to the end of a text holding many reports (or a heading-less
# text read whole) could hold a megabyte, and the stage must stay cheap (parse() < 1 s per MB)
MAX_ZONE_CHARS = 40_000
# an address runs to the next delimiter; a text without punctuation (crawler dumps) is cut here
ADDRESS_MAX = 60
# units a count of disclosed items / of cases / of money may carry
ITEM_UNITS = frozenset({"条", "件"})
CASE_UNITS = frozenset({"件", "起", "次"})
MONEY_UNITS = frozenset({"元", "万元"})

_HAN = regex.compile(r"\p{Han}")
_CLAUSE_DELIMS = ",:;。!?"
# sentences end at 。;!? and around the subsection headings that PDF text runs into the prose:
# "(一)主动公开情况“官元镇人民政府”公众号…" (seed 002)
# (as two patterns, each led by its own characters: re skips ahead to them, where the alternation of a
# class and a look-ahead is tried at every character of the zone)
_SENT_END = re.compile(r"[。;!?]")
_SUBSECTION_AHEAD = re.compile(r"\((?=[一二三四五六七八九十]{1,2}\))")
_HEADING_RUN = regex.compile(r"\([一二三四五六七八九十]{1,2}\)\p{Han}{2,14}?(?:情况|方面)(?![。;!?,:])")
_CLAUSE_SPLIT = re.compile(r"[,:]")
_PART_LIST = regex.compile(r"[,:;、]")
_LEAD_STRIP = regex.compile(r"^(?:[0-9]{4}年度?)?(?:全年|本年度?|全区|全市|全县|全镇|全乡)?(?:新增)?(?:主动)?(?:向社会)?(?:公开)?")
_TRAIL_STRIP = regex.compile(
    r"(?:主动)?(?:向社会)?(?:共|累计)?(?:公开|上传|发布|推送)(?:各类)?(?:政府|政务)?(?:工作)?信息(?:数)?(?:共)?$|信息数(?:共)?$"
)
_NUM = re.compile(r"[0-9]+(?:\.[0-9]+)?")
_STATS_TABLE_HEADING = regex.compile(r"[一二三四五六七八九十]、[^。,\n]{0,20}统计表")


# == model assets ==============================================================================
def models_dir() -> Path:
    """The folder with ``patterns/`` and the built pipeline: the wheel's ``govdisclosure/_models``
    when installed, the checkout's ``models/`` otherwise."""
    pkg = Path(__file__).resolve().parent
    for cand in (pkg / "_models", pkg.parent / "models"):
        if (cand / "patterns").is_dir():
            return cand
    raise ModelNotFoundError(
        f"the narrative patterns are missing (looked in {pkg / '_models'} and {pkg.parent / 'models'}); "
        f"reinstall govdisclosure, or in a checkout run `{BUILD_COMMAND}`"
    )


class _Pattern(NamedTuple):
    label: str
    id: str
    pattern: Any  # str (phrase) or list of token dicts


@functools.cache
def patterns() -> tuple[_Pattern, ...]:
    """The SpanRuler patterns of ``models/patterns/*.jsonl`` (files in name order)."""
    out: list[_Pattern] = []
    for f in sorted((models_dir() / "patterns").glob("*.jsonl")):
        for line in f.read_text(encoding="utf-8").splitlines():
            if line.strip():
                d = json.loads(line)
                out.append(_Pattern(d["label"], d.get("id", ""), d["pattern"]))
    return tuple(out)


@functools.cache
def _phrases(label: str) -> tuple[tuple[str, str], ...]:
    """(phrase, id) of a label's phrase patterns, longest first."""
    got = [(p.pattern, p.id) for p in patterns() if p.label == label and isinstance(p.pattern, str)]
    return tuple(sorted(got, key=lambda x: -len(x[0])))


@functools.cache
def _place_suffixes() -> tuple[tuple[str, str], ...]:
    """(suffix, level) from the PLACE patterns: the literal tokens after the name's characters."""
    out = []
    for p in patterns():
        if p.label == "PLACE" and isinstance(p.pattern, list):
            suffix = "".join(t["ORTH"] for t in p.pattern if isinstance(t.get("ORTH"), str))
            out.append((suffix, p.id))
    return tuple(sorted(out, key=lambda x: -len(x[0])))


# -- compiling token patterns to regular expressions ----------------------------------------------
def _token_regex(tok: Mapping[str, Any]) -> str:
    alts: list[str] = []
    for attr, val in tok.items():
        if attr == "OP":
            continue
        if attr in ("ORTH", "TEXT"):
            if isinstance(val, str):
                alts.append(regex.escape(val))
            elif isinstance(val, dict) and "IN" in val:
                alts.append("(?:" + "|".join(regex.escape(v) for v in sorted(val["IN"], key=len, reverse=True)) + ")")
            elif isinstance(val, dict) and "REGEX" in val:
                alts.append("(?:" + val["REGEX"] + ")")
            else:
                raise ValueError(f"pattern token {tok!r}: unsupported {attr} value; use a string, IN or REGEX")
        elif attr == "IS_DIGIT" and val is True:
            alts.append("[0-9]")
        else:
            raise ValueError(f"pattern token {tok!r}: attribute {attr} cannot be compiled to a regex; use ORTH/TEXT/IS_DIGIT")
    core = "".join(f"(?={a})" for a in alts[:-1]) + alts[-1]
    op = tok.get("OP")
    if op is None:
        q = ""
    elif op in ("?", "*", "+"):
        q = op
    elif isinstance(op, str) and op.startswith("{") and op.endswith("}"):
        q = op if "," not in op or not op.startswith("{,") else "{0" + op[1:]
    else:
        raise ValueError(f"pattern token {tok!r}: operator {op!r} cannot be compiled; use ?, *, +, {{n}}, {{n,m}}")
    return f"(?:{core}){q}"


def _trie_regex(words: Sequence[str]) -> str:
    """One regex for a set of phrases, factored by common prefix, longest match first:
    ["公开", "公开栏", "公众号"] → "公(?:开(?:栏)?|众号)"."""
    trie: dict[str, Any] = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict[str, Any]) -> str:
        alts = [regex.escape(ch) + emit(sub) for ch, sub in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if "" in node else body

    return emit(trie)


def _pattern_regex(p: Any) -> str:
    if isinstance(p, str):
        return regex.escape(p)
    body = "".join(_token_regex(t) for t in p)
    first = p[0] if p else {}
    op = str(first.get("OP", "")) if isinstance(first, Mapping) else ""
    if op in ("+", "*") or (op.startswith("{") and op.endswith(",}")):
        # A pattern that opens with a repeated token ("[0-9]+ … 件", "[A-Za-z0-9.]+ @ …") is tried at
        # every position of a long run of that token and rescans the run each time: quadratic (a
        # 20 000-digit run took 5 s).  Any match starting inside a run also matches from the run's
        # start, so a match may only start there: say so with a lookbehind.
        core = _token_regex({k: v for k, v in first.items() if k != "OP"})
        body = f"(?<!{core}){body}"
    return body


@functools.cache
def _compiled() -> tuple[tuple[str, str, regex.Pattern[str]], ...]:
    groups: dict[tuple[str, str], list[Any]] = {}
    for p in patterns():
        groups.setdefault((p.label, p.id), []).append(p.pattern)
    out = []
    for (label, pid), pats in groups.items():
        # longest first (characters of a phrase, tokens of a token pattern): an alternation takes
        # the first alternative that matches, spaCy keeps every match and we keep the longest
        pats = sorted(pats, key=lambda x: -len(x))
        phrases = [x for x in pats if isinstance(x, str)]
        alts = [_pattern_regex(x) for x in pats if not isinstance(x, str)]
        if phrases:
            alts.append(_trie_regex(phrases))
        out.append((label, pid, regex.compile("|".join(alts))))
    return tuple(out)


# == mentions ===================================================================================
class Mention(NamedTuple):
    label: str
    start: int
    end: int
    id: str


#: Mention(label, start, end, id) as the named tuple's own __new__ makes it, without its Python frame:
#: a zone's scan makes a mention for every phrase it finds (信息, 公开: dozens a zone)
_new_mention = tuple.__new__


def _filter_longest(ms: list[Mention]) -> list[Mention]:
    """Per label, the longest mentions that do not overlap (spaCy's filter_spans, per label)."""
    by_label: dict[str, list[Mention]] = {}
    for m in ms:
        by_label.setdefault(m.label, []).append(m)
    out: list[Mention] = []
    for group in by_label.values():
        group.sort(key=lambda m: (m.start, m.end))
        if all(a.end <= b.start for a, b in zip(group, group[1:], strict=False)):
            out += group  # nothing overlaps (the usual case for the regex engine)
            continue
        taken: list[Mention] = []
        occupied: set[int] = set()
        for m in sorted(group, key=lambda m: (-(m.end - m.start), m.start)):
            if any(i in occupied for i in range(m.start, m.end)):
                continue
            taken.append(m)
            occupied.update(range(m.start, m.end))
        out += taken
    out.sort(key=lambda m: (m.start, m.end, m.label))
    return out


# labels the rules do not read as mentions: places and organ heads are read from the pattern data by
# _segment/_organ, YEAR is for display; the regex engine skips them (the spaCy engine marks them)
_NOT_SCANNED = frozenset({"PLACE", "ORGAN_HEAD", "YEAR"})
# A mention longer than this is not a phrase of a report (a 5 000-digit "quantity", a 10 000-letter
# "e-mail"): dropped, so no rule has to read it.
MAX_MENTION_CHARS = 120
# Seconds one pattern may scan one zone (regex module timeout): a backstop, see limits.Limits.
REGEX_TIMEOUT = 5.0


def _required(p: Any) -> str | None:
    """A literal every match of pattern ``p`` contains (a token that must match one exact string), or None."""
    if isinstance(p, str):
        return p or None
    for tok in p:
        if isinstance(tok, Mapping) and tok.get("OP") in (None, "+") and isinstance(tok.get("ORTH"), str) and tok["ORTH"]:
            return str(tok["ORTH"])
    return None


def _first_chars(p: Any) -> str | None:
    """A character class (its body) holding the first character of every match of token pattern ``p``
    (its first token a literal, an IN list or digits, not optional), or None."""
    if isinstance(p, str) or not p or not isinstance(p[0], Mapping):
        return None
    tok = p[0]
    op = str(tok.get("OP", ""))
    if op in ("?", "*") or op.startswith(("{0", "{,")) or len(set(tok) - {"OP"}) != 1:
        return None
    if tok.get("IS_DIGIT") is True:
        return "0-9"
    val = tok.get("ORTH", tok.get("TEXT"))
    if isinstance(val, str) and val:
        return re.escape(val[0])
    if isinstance(val, dict) and set(val) == {"IN"} and val["IN"] and all(isinstance(v, str) and v for v in val["IN"]):
        return "".join(re.escape(v[0]) for v in val["IN"])
    return None


def _first_class(pats: Sequence[Any], rx: str) -> tuple[str, int]:
    """``rx`` (the regex of the token patterns ``pats``) led by the class of the first characters of its
    matches, where one of the patterns starts with a run of digits; and which group is the match.

    ``re`` skips ahead to a pattern's possible first characters (a tight loop over the text) only when
    the pattern starts with a literal or a class; a repeated token or a look-behind first hides them,
    and the whole pattern is tried at every character of the text.  So the pattern starts with that
    class, steps back over the character (a look-behind of one) and matches from there in a
    look-ahead: group 1.  Such matches may overlap, as ``re`` goes on after the class's character;
    the scan keeps those that ``finditer`` would have found (see :func:`_unit_mentions`).  2-3x faster
    than the pattern itself on the corpus' zones for PHONE, DATE, QUANTITY."""
    if not any(not isinstance(x, str) and x and x[0].get("IS_DIGIT") is True for x in pats):
        return rx, 0  # a literal first: re skips ahead already
    firsts = [_first_chars(x) for x in pats]
    if any(f is None for f in firsts):
        return rx, 0
    return f"[{''.join(dict.fromkeys(firsts))}](?<=(?=({rx})).)", 1  # type: ignore[arg-type]


# token patterns that the standard library's ``re`` scans faster, with the same matches (see _scanners)
_RE_SCANNED = frozenset({("PHONE", ""), ("DATE", ""), ("QUANTITY", ""), ("ADDRESS", ""), ("POSTCODE", "")})


@functools.cache
def _scanners() -> tuple[tuple[str, str, Any, bool, tuple[str, ...] | None, int], ...]:
    """The patterns the regex engine scans: (label, id, compiled, linear, needs, group of the match).

    A group of phrases only is a literal trie: the standard library's ``re`` scans it several times
    faster (it skips to the phrases' first characters) and finds the same matches (leftmost, first
    alternative; a trie cannot backtrack badly, so it needs no timeout: ``linear``).  ``needs``: literals
    of which every match contains one (None: not known): a text holding none of them has no match,
    and is not scanned (an e-mail needs its "@").

    The token patterns in ``_RE_SCANNED`` are scanned by ``re`` too: the regex module tries them at
    every character, ``re`` two to three times faster (measured on the corpus' zones); they are linear
    (bounded repeats, or a repeat behind a look-behind that lets a match start only at a run's start:
    200 000 characters of digits, brackets, dashes or 地址: scan in milliseconds), so they need no
    timeout either.  The others are faster in the regex module (it finds their "@" or 月 first).
    """
    groups: dict[tuple[str, str], list[Any]] = {}
    for p in patterns():
        groups.setdefault((p.label, p.id), []).append(p.pattern)
    out: list[tuple[str, str, Any, bool, tuple[str, ...] | None, int]] = []
    for label, pid, rx in _compiled():
        if label in _NOT_SCANNED:
            continue
        pats = groups[(label, pid)]
        req = [_required(x) for x in pats]
        needs = tuple(sorted({r for r in req if r is not None})) if all(r is not None for r in req) else None
        if all(isinstance(x, str) for x in pats):
            out.append((label, pid, re.compile(rx.pattern), True, None, 0))
        elif (label, pid) in _RE_SCANNED:
            led, group = _first_class(pats, rx.pattern)
            out.append((label, pid, re.compile(led), True, needs, group))
        else:
            out.append((label, pid, rx, False, needs, 0))
    return tuple(out)


_Scanner = tuple[str, Any, bool, "tuple[str, ...] | None", int]  # (id, compiled, linear, needs, group)


class _Unit(NamedTuple):
    """What one scan of a zone finds: the patterns of one label, or one pattern for a group of labels
    of phrases only (``phrases``: the label and id of each phrase it matches)."""

    labels: tuple[str, ...]
    scanners: tuple[_Scanner, ...]
    phrases: Mapping[str, tuple[str, str]] | None = None


def _can_overlap(a: str, b: str) -> bool:
    """Whether an occurrence of phrase ``a`` and one of ``b`` can share a character in some text: one
    holds the other, or an end of one is a start of the other."""
    return a in b or b in a or any(a[-k:] == b[:k] or b[-k:] == a[:k] for k in range(1, min(len(a), len(b))))


@functools.cache
def _units() -> tuple[_Unit, ...]:
    """The scans of the regex engine (see :func:`_scanners`), labels of phrases grouped.

    Labels of phrases only share one pattern (a trie of all their phrases) when no phrase of one can
    overlap a phrase of another in any text.  Then at a position at most one of them has a phrase (the
    trie takes its longest, as the label's own trie does), and no match of one covers where another
    begins, so one leftmost scan finds every label's own matches: 3 scans instead of 17 with the
    shipped patterns (each scan of a zone tests every character against the first characters)."""
    by_label: dict[str, list[_Scanner]] = {}
    for label, pid, rx, linear, needs, group in _scanners():
        by_label.setdefault(label, []).append((pid, rx, linear, needs, group))
    phrases: dict[str, list[str]] = {}
    for p in patterns():
        phrases.setdefault(p.label, []).append(p.pattern)
    groups: list[list[str]] = []
    units: list[_Unit] = []
    for label, scanners in by_label.items():
        if len(scanners) > 1 or not all(isinstance(x, str) for x in phrases[label]):
            units.append(_Unit((label,), tuple(scanners)))
            continue
        for g in groups:
            if not any(_can_overlap(a, b) for other in g for a in phrases[label] for b in phrases[other]):
                g.append(label)
                break
        else:
            groups.append([label])
    for g in groups:
        owner = {ph: (label, by_label[label][0][0]) for label in g for ph in phrases[label]}
        rx = re.compile(_trie_regex(sorted(owner, key=len, reverse=True)))
        units.append(_Unit(tuple(g), (("", rx, True, None, 0),), types.MappingProxyType(owner)))
    return tuple(units)


@functools.cache
def _unit_of() -> Mapping[str, _Unit]:
    """The unit that scans each label."""
    return types.MappingProxyType({label: u for u in _units() for label in u.labels})


def _unit_mentions(text: str, unit: _Unit) -> dict[str, list[Mention]]:
    """The regex engine's mentions of the labels of one unit, each label's in text order.

    Labels are independent (the longest-match filter works per label), so a zone scans a label only
    when a rule first asks for it (:meth:`_Zone.of`), and most zones need some labels only."""
    new = _new_mention
    if unit.phrases is not None:
        owner = unit.phrases
        found: dict[str, list[Mention]] = {label: [] for label in unit.labels}
        for m in unit.scanners[0][1].finditer(text):
            s, e = m.span()
            if 0 < e - s <= MAX_MENTION_CHARS:
                label, pid = owner[m.group()]
                found[label].append(new(Mention, (label, s, e, pid)))
        return found
    (label,) = unit.labels
    ms: list[Mention] = []
    for pid, rx, linear, needs, group in unit.scanners:
        if needs is not None and not any(w in text for w in needs):
            continue
        # leftmost, longest alternative first: the same mentions as spaCy's all-matches + longest
        # filter for these patterns (tests compare both engines on the corpus), at a fraction of
        # the cost of overlapped matching
        last = 0
        try:
            for m in (rx.finditer(text) if linear else rx.finditer(text, timeout=REGEX_TIMEOUT)):
                s, e = m.span(group)
                if s < last:  # inside the previous match (a pattern led by its first class, see _first_class)
                    continue
                last = e
                if 0 < e - s <= MAX_MENTION_CHARS:
                    ms.append(new(Mention, (label, s, e, pid)))
        except TimeoutError:  # a backstop: every pattern is linear (see _pattern_regex)
            log.warning("narrative pattern %s/%s timed out on %d characters; its mentions are skipped", label, pid, len(text))
    # one pattern's matches are in order and never overlap: only a label of several needs the filter
    return {label: _filter_longest(ms) if len(unit.scanners) > 1 else ms}


def _mentions_regex(text: str) -> list[Mention]:
    ms = [m for unit in _units() for found in _unit_mentions(text, unit).values() for m in found]
    ms.sort(key=lambda m: (m.start, m.end, m.label))
    return ms


@functools.cache
def load_pipeline() -> Any:
    """The shipped spaCy pipeline (blank zh + sentencizer + SpanRuler), loaded once."""
    path = models_dir() / MODEL_NAME
    if not (path / "config.cfg").is_file():
        raise ModelNotFoundError(
            f"the spaCy pipeline {MODEL_NAME!r} is missing from {path.parent}; build it with `{BUILD_COMMAND}` "
            "(or reinstall govdisclosure), or use the default regex engine"
        )
    import spacy

    return spacy.load(path)


def _mentions_spacy(text: str) -> list[Mention]:
    doc = load_pipeline()(text)
    ms = [Mention(s.label_, s.start_char, s.end_char, s.id_) for s in doc.spans[SPANS_KEY]]
    return _filter_longest(ms)


def mentions(text: str, *, engine_name: str | None = None) -> list[Mention]:
    """Pattern mentions in ``text`` (a compacted narrative: see ``_compact``) by the chosen engine."""
    eng = engine_name or _ENGINE.get()
    if eng == "spacy":
        return _mentions_spacy(text)
    return _mentions_regex(text)


@contextlib.contextmanager
def engine(name: str) -> Iterator[None]:
    """Run the narrative stage with ``name`` ("regex" or "spacy") inside the block."""
    if name not in ENGINES:
        raise ValueError(f"narrative engine must be 'regex' or 'spacy', not {name!r}")
    token = _ENGINE.set(name)
    try:
        yield
    finally:
        _ENGINE.reset(token)


# == compacted zones ============================================================================
class _Zone:
    """A narrative zone with whitespace removed (PDF line wraps, spaces around numbers).

    Where a compact character stands in the normalised text is kept a run of non-space characters
    at a time (``_run_at[k]`` compact, ``_run_norm[k]`` normalised offset of run k).  Mentions are
    indexed by label, each label scanned when a rule first asks for it (with the regex engine; the
    spaCy engine marks them all at once: ``ms``), and the sentence and clause boundaries computed
    once, when first needed."""

    __slots__ = ("name", "text", "_run_at", "_run_norm", "_by", "_starts", "_sents", "_sent_starts", "_clause_starts")

    def __init__(
        self, name: str, text: str, runs: tuple[Sequence[int], Sequence[int]], ms: Sequence[Mention] | None = None
    ) -> None:
        self.name, self.text = name, text
        self._run_at, self._run_norm = runs
        self._by: dict[str, list[Mention]] = {}
        self._starts: dict[str, list[int]] = {}
        if ms is not None:
            for m in ms:
                self._by.setdefault(m.label, []).append(m)
            for label in _unit_of():
                self._by.setdefault(label, [])
            self._starts = {k: [m.start for m in v] for k, v in self._by.items()}
        self._sents: list[tuple[int, int]] | None = None
        self._sent_starts: list[int] = []
        self._clause_starts: list[int] = []

    def _pos(self, i: int) -> int:
        """Where compact character ``i`` stands in the normalised text."""
        k = bisect.bisect_right(self._run_at, i) - 1
        return self._run_norm[k] + i - self._run_at[k]

    def norm_span(self, s: int, e: int) -> tuple[int, int]:
        return (self._pos(s), self._pos(e - 1) + 1)

    def _mentions(self, label: str) -> list[Mention]:
        ms = self._by.get(label)
        if ms is None:
            unit = _unit_of().get(label)
            for k, found in (_unit_mentions(self.text, unit) if unit is not None else {label: []}).items():
                self._by[k] = found
                self._starts[k] = [m.start for m in found]
            ms = self._by[label]
        return ms

    def of(self, label: str, s: int = 0, e: int | None = None) -> list[Mention]:
        """Mentions of ``label`` inside [s, e), in text order."""
        ms = self._mentions(label)
        if not ms:
            return []
        e = len(self.text) if e is None else e
        i = bisect.bisect_left(self._starts[label], s)
        out = []
        for m in ms[i:]:
            if m.start >= e:
                break
            if m.end <= e:
                out.append(m)
        return out

    @property
    def sents(self) -> list[tuple[int, int]]:
        """The sentences' spans (see :func:`_sentence_spans`)."""
        if self._sents is None:
            self._sents = _sentence_spans(self.text)
            self._sent_starts = [a for a, _ in self._sents]
            self._clause_starts = sorted({0, *self._sent_starts, *(m.end() for m in _CLAUSE_SPLIT.finditer(self.text))})
        return self._sents

    def clause(self, p: int) -> tuple[int, int]:
        """The clause (between , : and sentence ends) around position p."""
        sents = self.sents
        i = bisect.bisect_right(self._clause_starts, p) - 1
        cs = self._clause_starts[max(i, 0)]
        j = bisect.bisect_right(self._sent_starts, p) - 1
        se = sents[j][1] if j >= 0 else len(self.text)
        nxt = self._clause_starts[i + 1] - 1 if i + 1 < len(self._clause_starts) else len(self.text)
        return cs, min(nxt, se)


# (``re``, faster over a whole zone; its class is the ``regex`` module's ``\S``, which ``re``'s is not)
_NONSPACE = re.compile(f"[^{WHITESPACE}]+")
_ASCII_ALPHA = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")


def _compact(text: str, start: int, end: int) -> tuple[str, tuple[list[int], list[int]]]:
    """``text[start:end]`` without whitespace, and where its runs of characters start: (compact
    offsets, normalised offsets).  Two words of Latin script keep a space between them (a run of its
    own, standing where the whitespace began)."""
    pieces: list[str] = []
    run_at: list[int] = []
    run_norm: list[int] = []
    n = 0  # the compact text's length so far
    prev = ""  # the last character so far
    prev_end = -1
    for m in _NONSPACE.finditer(text, start, end):
        run = m.group()
        if prev in _ASCII_ALPHA and run[0] in _ASCII_ALPHA:
            pieces.append(" ")  # keep words of Latin script apart
            run_at.append(n)
            run_norm.append(prev_end)
            n += 1
        pieces.append(run)
        run_at.append(n)
        run_norm.append(m.start())
        n += len(run)
        prev, prev_end = run[-1], m.end()
    return "".join(pieces), (run_at, run_norm)


def _zone(name: str, text: str, start: int, end: int) -> _Zone:
    c, runs = _compact(text, start, end)
    return _Zone(name, c, runs, _mentions_spacy(c) if _ENGINE.get() == "spacy" else None)


def _zone_spans(text: str, doc: Any) -> list[tuple[str, int, int]]:
    parts: Mapping[int, tuple[int, int]] = getattr(doc, "parts", None) or {}
    if getattr(doc, "edition", None) == "legacy" or not parts:
        m = _STATS_TABLE_HEADING.search(text)
        return [("all", 0, m.start() if m else len(text))]
    first = min(s for s, _ in parts.values())
    out = [("head", 0, first)] if first > 0 else []
    for n in (1, 5, 6):
        if n in parts:
            out.append((f"part{n}", *parts[n]))
    return out


# == the stage ==================================================================================
def extract(norm: Any, doc: Any, fields: Mapping[str, Field]) -> tuple[Meta, tuple[Fact, ...], list[Finding]]:
    """Meta, facts and R7 findings of one report (see the module docstring)."""
    text: str = norm.text
    zones = [_zone(n, text, s, min(e, s + MAX_ZONE_CHARS)) for n, s, e in _zone_spans(text, doc) if e > s]
    organ, level, region = _organ(getattr(doc, "organ", None), zones)
    period, period_span = _period(zones)
    meta = Meta(
        organ=organ,
        organ_level=level,
        region=region,
        year=getattr(doc, "year", None),
        period=period,
        published=_published(text, zones)[0],
        contact=_contact(zones)[0],
    )
    facts: tuple[Fact, ...] = ()
    if getattr(doc, "edition", None) is not None:
        facts = tuple(_to_fact(norm, z, f) for z, f in _facts(zones))
    findings = _r7(facts, fields) + _year_check(norm, doc, meta, period_span)
    return meta, facts, findings


def facts_of_text(text: str) -> list[Fact]:
    """Facts of a piece of narrative prose, spans into ``text`` (for tests and exploration)."""
    from .normalize import normalize

    norm = normalize(text)
    z = _zone("all", norm.text, 0, len(norm.text))
    return [_to_fact(norm, zz, f) for zz, f in _facts([z])]


# -- organ --------------------------------------------------------------------------------------
@functools.lru_cache(maxsize=4096)
def _segment(s: str) -> tuple[tuple[str, str], ...] | None:
    """Split a string made only of place names into (name, level); None if it is not one."""
    n = len(s)
    best: list[list[tuple[str, str]] | None] = [None] * (n + 1)
    best[0] = []
    for i in range(n):
        if best[i] is None or s[i] in STOP_CHARS:
            continue
        for suffix, level in _place_suffixes():
            for k in range(2, 5):  # 2-4 characters before the suffix, as in the PLACE patterns
                j = i + k + len(suffix)
                if j > n or s[i + k : j] != suffix or not _HAN.fullmatch(s[i]) or not all(_HAN.match(c) for c in s[i:j]):
                    continue
                cand = best[i] + [(s[i:j], level)]  # type: ignore[operator]
                if best[j] is None or len(cand) > len(best[j]):  # type: ignore[arg-type]
                    best[j] = cand
    got = best[n]
    return tuple(got) if got is not None else None


def _chain_before(text: str, i: int) -> str:
    """The place names printed right before position ``i`` (安丘市 in 请与安丘市官庄镇…)."""
    lo = max(0, i - CHAIN_WINDOW)
    for j in range(lo, i - 2):
        if text[j] in STOP_CHARS:
            continue
        if j > 0 and j == lo and lo > 0 and _HAN.match(text[j - 1]) and text[j - 1] not in STOP_CHARS:
            continue
        if j > lo and _HAN.match(text[j - 1]) and text[j - 1] not in STOP_CHARS:
            continue
        if _segment(text[j:i]):
            return text[j:i]
    return ""


def _organ(organ: str | None, zones: Sequence[_Zone]) -> tuple[str | None, str | None, str | None]:
    if not organ:
        return None, None, None
    head, level_kind = "", ""
    for phrase, pid in _phrases("ORGAN_HEAD"):
        if organ.endswith(phrase) and len(organ) > len(phrase):
            head, level_kind = phrase, pid
            break
    stem = organ[: len(organ) - len(head)]
    texts = [z.text for z in zones]
    if not head and any(stem + "人民政府" in t for t in texts) and _segment(stem):
        head, level_kind = "人民政府", "government"
    chain = ""
    for t in texts:
        for m in regex.finditer(regex.escape(stem), t):
            c = _chain_before(t, m.start())
            if len(c) > len(chain):
                chain = c
    segs = list(_segment(stem) or ())
    if level_kind == "department":
        level: str | None = "department"
        region_parts = [chain] + [s for s, _ in segs]
    else:
        level = segs[-1][1] if segs else None
        region_parts = [chain] + [s for s, _ in segs[:-1]]
    region = "".join(region_parts) or None
    return chain + stem + head, level, region


# -- dates --------------------------------------------------------------------------------------
def _date(s: str, year: int | None = None) -> _dt.date | None:
    nums = [int(x) for x in regex.findall(r"[0-9]+", s)]
    try:
        if len(nums) == 3:
            return _dt.date(nums[0], nums[1], nums[2])
        if len(nums) == 2 and year is not None:
            return _dt.date(year, nums[0], nums[1])
    except (ValueError, OverflowError):
        return None
    return None


def _period(zones: Sequence[_Zone]) -> tuple[tuple[_dt.date, _dt.date] | None, tuple[_Zone, int, int] | None]:
    for z in zones:
        for cue in z.of("PERIOD_CUE"):
            dates = [m for m in z.of("DATE") if cue.end <= m.start <= cue.end + PERIOD_WINDOW]
            if not dates:
                continue
            d1m = dates[0]
            d1 = _date(z.text[d1m.start : d1m.end])
            if d1 is None:
                continue
            for m in sorted(z.of("DATE") + z.of("MONTHDAY"), key=lambda m: (m.start, m.end, m.label)):
                if d1m.end <= m.start <= d1m.end + 12:
                    d2 = _date(z.text[m.start : m.end], d1.year)
                    if d2 is not None and d2 >= d1:
                        return (d1, d2), (z, d1m.start, m.end)
    return None, None


def _published(text: str, zones: Sequence[_Zone]) -> tuple[_dt.date | None, tuple[_Zone, int, int] | None]:
    # a crawler's or CMS header: "发布时间: 2023-02-20 15:07"
    for z in zones[:1]:
        for cue in z.of("PUBLISHED_CUE"):
            for m in z.of("DATE", cue.end, cue.end + 3 + 10):
                if m.start - cue.end <= 3:
                    d = _date(z.text[m.start : m.end])
                    if d is not None:
                        return d, (z, m.start, m.end)
    # a signature: the date on one of the last lines, alone or after the organ's name
    if not zones:
        return None, None
    z = zones[-1]
    tail_at = max(0, len(text) - 2000)
    lines_from = _last_lines_start(text, tail_at, SIGNATURE_LINES)
    for m in reversed(z.of("DATE")):
        ns, ne = z.norm_span(m.start, m.end)
        if ns < lines_from:
            break
        ls = text.rfind("\n", 0, ns) + 1
        le = text.find("\n", ne)
        le = len(text) if le < 0 else le
        before, after = "".join(text[ls:ns].split()), "".join(text[ne:le].split())
        if after or len(before) > SIGNATURE_MAX_PREFIX or regex.search(r"[,。;:!?、]", before):
            continue
        d = _date(z.text[m.start : m.end])
        if d is not None:
            return d, (z, m.start, m.end)
    return None, None


_VISIBLE = re.compile(f"[^{WHITESPACE}]")  # (the regex module's \S, spelled out for re)


def _last_lines_start(text: str, tail_at: int, k: int) -> int:
    """Where the ``k``-th last line of ``text[tail_at:]`` that holds a visible character starts (a line
    starting at ``tail_at`` or after it), or ``tail_at`` when there are fewer: the start of the
    ``k``-th last match of ``(?m)^[^\\n]*\\S[^\\n]*$`` from ``tail_at`` on, found from the end, line by line
    (a text's last lines, not the 2 000 characters before them)."""
    found = 0
    le = len(text)
    while le >= tail_at:
        ls = text.rfind("\n", 0, le) + 1
        if ls < tail_at:
            break
        if _VISIBLE.search(text, ls, le) is not None:
            found += 1
            if found == k:
                return ls
        le = ls - 1
    return tail_at


# -- contact ------------------------------------------------------------------------------------
def _contact(zones: Sequence[_Zone]) -> tuple[Contact, dict[str, tuple[_Zone, int, int]]]:
    found: dict[str, tuple[str, tuple[_Zone, int, int]]] = {}
    for z in zones:
        if "phone" not in found:
            cues = sorted(z.of("PHONE_CUE") + z.of("FAX_CUE"), key=lambda m: m.end)
            for m in z.of("PHONE"):
                before = [c for c in cues if c.end <= m.start and m.start - c.end <= 12]
                if before and before[-1].label == "PHONE_CUE":
                    found["phone"] = (z.text[m.start : m.end], (z, m.start, m.end))
                    break
        if "email" not in found:
            for m in z.of("EMAIL"):
                found["email"] = (z.text[m.start : m.end], (z, m.start, m.end))
                break
        if "postcode" not in found:
            for m in z.of("POSTCODE"):
                found["postcode"] = (z.text[m.end - 6 : m.end], (z, m.end - 6, m.end))
                break
        if "address" not in found:
            for m in z.of("ADDRESS"):
                s = z.text.index(":", m.start, m.end) + 1
                e = min(m.end, s + ADDRESS_MAX)
                found["address"] = (z.text[s:e], (z, s, e))
                break
    return Contact(**{k: v[0] for k, v in found.items()}), {k: v[1] for k, v in found.items()}


# -- facts --------------------------------------------------------------------------------------
class _F(NamedTuple):
    kind: str
    value: int | float
    unit: str | None
    subject: str | None
    start: int  # compact offsets in the zone
    end: int


def _quantity(z: _Zone, m: Mention) -> tuple[int | float, str]:
    """(value, unit) of a QUANTITY mention: "5500余条" → (5500, "条"), "3.5万元" → (3.5, "万元")."""
    s = z.text[m.start : m.end]
    num = _NUM.match(s)
    assert num is not None
    v: int | float = float(num.group()) if "." in num.group() else int(num.group())
    return v, s[num.end() :].lstrip("余多")


def _sentence_spans(text: str) -> list[tuple[int, int]]:
    cuts = {0, len(text)}
    for m in _SENT_END.finditer(text):  # a sentence's end mark: cut before and after it
        a = m.start()
        cuts.add(a)
        cuts.add(a + 1)
    for m in _SUBSECTION_AHEAD.finditer(text):  # before a subsection's numeral "(一)"
        cuts.add(m.start())
    for m in _HEADING_RUN.finditer(text):
        cuts.add(m.end())
    pts = sorted(cuts)
    out = []
    for a, b in zip(pts, pts[1:], strict=False):
        if a < len(text) and text[a] in "。;!?":
            a += 1
        if b > a:
            out.append((a, b))
    return out


# the cues whose clauses each kind reads
_FACT_RULES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("applications_received", ("RECEIVE", "APPLICATION_NONE")),
    ("reviews", ("REVIEW",)),
    ("lawsuits", ("LITIGATION",)),
    ("processing_fees", ("FEE",)),
)


def _facts(zones: Sequence[_Zone]) -> list[tuple[_Zone, _F]]:
    out: list[tuple[_Zone, _F]] = []
    out += _active(zones)
    rules: dict[str, Callable[[_Zone, int, int], tuple[Any, ...] | None]] = {
        "applications_received": _applications,
        "reviews": functools.partial(_cases, "REVIEW", "LITIGATION"),
        "lawsuits": functools.partial(_cases, "LITIGATION", "REVIEW"),
        "processing_fees": _fees,
    }
    for kind, cues in _FACT_RULES:
        fn = rules[kind]
        hit = None
        for z in zones:
            clauses = sorted({z.clause(m.start) for c in cues for m in z.of(c)})
            for cs, ce in clauses:
                hit = fn(z, cs, ce)
                if hit is not None:
                    out.append((z, _F(kind, *hit)))
                    break
            if hit is not None:
                break
    return out


def _prefix_info(z: _Zone, cs: int, q: Mention) -> tuple[bool, bool, bool, bool]:
    """(discloses, total cue, ends with a generic 'information' word, names a channel) of the
    clause text before a quantity."""
    disclose = bool(z.of("DISCLOSE", cs, q.start))
    total = bool(z.of("TOTAL", cs, q.start))
    e = q.start
    for t in z.of("TOTAL", cs, q.start):
        if t.end == e:
            e = t.start
    if e > cs and z.text[e - 1] == "数":  # "政府工作信息数66条"
        e -= 1
    generic = any(m.end == e for m in z.of("GENERIC_INFO", cs, e))
    channel = bool(z.of("CHANNEL", cs, q.start))
    return disclose, total, generic, channel


def _subject(z: _Zone, s: int, q: Mention) -> str | None:
    """The noun phrase that names a part: the list item before the number, verbs stripped."""
    t = z.text
    start = s
    for m in _PART_LIST.finditer(t, s, q.start):
        start = m.end()
    for m in z.of("SUBPART", s, q.start):
        start = max(start, m.end)
    if "等" in t[start : q.start]:  # "镇村政务公开栏、微信、QQ群等其他形式": the whole list
        start = s
        for m in regex.finditer(r"[,:;]", t[s : q.start]):
            start = s + m.end()
        for m in z.of("SUBPART", s, q.start):
            start = max(start, m.end)
        for m in z.of("QUANTITY", s, q.start):  # not past the previous item's number
            start = max(start, m.end)
        while start < q.start and t[start] in "、,":
            start += 1
    subj = t[start : q.start]
    lead = _LEAD_STRIP.match(subj)
    if lead and lead.end() < len(subj):
        subj = subj[lead.end() :]
    trail = _TRAIL_STRIP.search(subj)
    if trail and trail.start() > 0:
        subj = subj[: trail.start()]
    return subj or None


_ACTIVE_SUBSECTION = regex.compile(r"\([一二三四五六七八九十]{1,2}\)\p{Han}{0,4}主动公开")
_SUBSECTION = regex.compile(r"\([一二三四五六七八九十]{1,2}\)")
# cues that make a number something other than disclosed items (applications, cases, fees)
_NOT_ACTIVE = ("RECEIVE", "APPLICATION", "APPLICATION_NONE", "REVIEW", "LITIGATION", "FEE")


def _active(zones: Sequence[_Zone]) -> list[tuple[_Zone, _F]]:
    """Items proactively disclosed: the total, and the parts by channel or category.

    A total is the first count of 条/件 in a sentence about 主动公开 (the word, or the 主动公开
    subsection) whose clause discloses generic 信息 ("主动公开政府信息共131条") or says 共/一共; a
    count whose clause names a channel ("公众号公开信息数412条") or a category after 主动公开
    ("主动公开市政府规章22件") is a part, and so is every later count of the sentence and of the
    "其中,…" sentences right after a total.
    """
    out: list[tuple[_Zone, _F]] = []
    total_found = False
    for z in zones:
        counts = _item_counts(z)
        if not counts:
            continue  # (no count of 条/件 in any sentence: nothing below reads the zone)
        carry = False  # the sentences right after a total list its parts ("其中,…")
        marks = [(m.start(), bool(_ACTIVE_SUBSECTION.match(z.text, m.start()))) for m in _SUBSECTION.finditer(z.text)]
        mark_at = [p for p, _ in marks]
        not_active = _NotActive(z)
        prev = -2
        for idx, (s, e), qs in counts:
            if idx != prev + 1:
                carry = False
            prev = idx
            k = bisect.bisect_right(mark_at, s) - 1
            in_active = k >= 0 and marks[k][1]  # inside the (一)主动公开 subsection
            context = in_active or z.text.find("主动", s, e) >= 0
            in_list = False
            total_here = False
            part_here = False
            for q, (v, unit) in qs:
                cs = max([s] + [m.end() for m in _CLAUSE_SPLIT.finditer(z.text, s, q.start)])
                if not_active.any_in(cs, q.start):
                    continue
                disclose, total, generic, channel = _prefix_info(z, cs, q)
                if in_list or (carry and disclose and generic):
                    subj = _subject(z, s, q)
                    if subj:
                        out.append((z, _F("active_disclosure_part", v, unit, subj, q.start, q.end)))
                        part_here = True
                    continue
                if not (disclose and context):
                    continue
                listed = "等" in z.text[cs : q.start]
                if not total_found and (total or (generic and (not channel or listed))):
                    out.append((z, _F("active_disclosure_total", v, unit, None, q.start, q.end)))
                    total_found = total_here = in_list = True
                elif channel or (z.text.find("主动公开", cs, q.start) >= 0 and not generic):
                    subj = _subject(z, s, q)
                    if subj:
                        out.append((z, _F("active_disclosure_part", v, unit, subj, q.start, q.end)))
                        in_list = part_here = True
            carry = total_here or (carry and part_here)
    return out


def _item_counts(z: _Zone) -> list[tuple[int, tuple[int, int], list[tuple[Mention, tuple[int | float, str]]]]]:
    """The sentences of a zone that hold a count of 条/件 (a QUANTITY mention inside the sentence, as
    ``z.of("QUANTITY", s, e)`` gives them), in order: (sentence index, span, each such count's value
    and unit).  Found from the zone's counts, each put in its sentence, rather than by asking every
    sentence for its counts (a zone has a few counts and dozens of sentences)."""
    found = z.of("QUANTITY")
    if not found:
        return []
    sents = z.sents
    starts = z._sent_starts
    by_sent: dict[int, list[tuple[Mention, tuple[int | float, str]]]] = {}
    for m in found:
        i = bisect.bisect_right(starts, m.start) - 1
        if i < 0 or m.end > sents[i][1]:
            continue  # between sentences (on a sentence's end mark), or across two
        v = _quantity(z, m)
        if v[1] in ITEM_UNITS:
            by_sent.setdefault(i, []).append((m, v))
    return [(i, sents[i], qs) for i, qs in by_sent.items()]


class _NotActive:
    """Whether a cue of ``_NOT_ACTIVE`` stands in a stretch of a zone: what ``any(z.of(label, s, e)
    for label in _NOT_ACTIVE)`` says, from one list of their mentions (made when first asked)."""

    __slots__ = ("z", "ms", "starts")

    def __init__(self, z: _Zone) -> None:
        self.z = z
        self.ms: list[Mention] | None = None
        self.starts: list[int] = []

    def any_in(self, s: int, e: int) -> bool:
        ms = self.ms
        if ms is None:
            ms = self.ms = sorted((m for label in _NOT_ACTIVE for m in self.z._mentions(label)), key=lambda m: m.start)
            self.starts = [m.start for m in ms]
        for k in range(bisect.bisect_left(self.starts, s), len(ms)):
            m = ms[k]
            if m.start >= e:
                return False
            if m.end <= e:
                return True
        return False


def _neg_before(z: _Zone, cs: int, at: int) -> Mention | None:
    for n in reversed(z.of("NEG", cs, at)):
        if at - n.end <= NEG_WINDOW:
            return n
    return None


def _number_after(z: _Zone, at: int, ce: int, units: frozenset[str]) -> Mention | None:
    for q in z.of("QUANTITY", at, ce):
        gap = z.text[at : q.start]
        if len(gap) <= CUE_NUMBER_GAP and not regex.search(r"[0-9]", gap) and _quantity(z, q)[1] in units:
            return q
    return None


def _applications(z: _Zone, cs: int, ce: int) -> tuple[Any, ...] | None:
    if z.of("REVIEW", cs, ce) or z.of("LITIGATION", cs, ce):
        return None
    for none in z.of("APPLICATION_NONE", cs, ce):
        return (0, "件", None, none.start, none.end)
    for r in z.of("RECEIVE", cs, ce):
        apps = [a for a in z.of("APPLICATION", r.end, ce) if a.start - r.end <= RECEIVE_WINDOW]
        if not apps:
            continue
        for a in apps:
            q = _number_after(z, a.end, ce, CASE_UNITS)
            if q is not None:
                v, unit = _quantity(z, q)
                return (v, unit, None, q.start, q.end)
        n = _neg_before(z, cs, r.start)
        if n is not None:
            return (0, "件", None, n.start, apps[-1].end)
    return None


def _cases(cue_label: str, other_label: str, z: _Zone, cs: int, ce: int) -> tuple[Any, ...] | None:
    for c in z.of(cue_label, cs, ce):
        q = _number_after(z, c.end, ce, CASE_UNITS)
        if q is not None:
            v, unit = _quantity(z, q)
            return (v, unit, None, q.start, q.end)
        n = _neg_before(z, cs, c.start) or (
            # "未收到有关政府信息公开行政复议、提起行政诉讼的申请": one negation, two cues
            next((x for x in z.of("NEG", cs, c.start) if z.of(other_label, x.end, c.start)), None)
        )
        if n is None:
            n = next((x for x in z.of("NEG", cs, c.start) if "有关" in z.text[x.end : c.start] or "政府信息公开" in z.text[x.end : c.start]), None)
        if n is not None and not z.of("NEG_BLOCK", c.end, c.end + BLOCK_WINDOW) and not z.of("QUANTITY", n.end, c.start):
            return (0, "件", None, n.start, c.end)
    return None


def _fees(z: _Zone, cs: int, ce: int) -> tuple[Any, ...] | None:
    for c in z.of("FEE", cs, ce):
        q = _number_after(z, c.end, ce, MONEY_UNITS)
        if q is not None:
            v, unit = _quantity(z, q)
            return (v, unit, None, q.start, q.end)
        n = next((x for x in z.of("NEG", cs, c.start) if c.start - x.end <= 12), None)
        if n is not None:
            return (0, "元", None, n.start, c.end)
    return None


def _to_fact(norm: Any, z: _Zone, f: _F) -> Fact:
    span = norm.to_orig(z.norm_span(f.start, f.end))
    return Fact(kind=f.kind, value=f.value, unit=f.unit, subject=f.subject, span=span, raw=norm.original[span[0] : span[1]])


# -- R7: the narrative against the tables --------------------------------------------------------
_R7: tuple[tuple[str, tuple[tuple[str, ...], ...], str], ...] = (
    # kind, accepted readings (sums of keys), what the table row is called
    (
        "applications_received",
        (("applications.new_received.total",), ("applications.new_received.total", "applications.carried_over.total")),
        "table 三 本年新收 (or 新收 + 上年结转)",
    ),
    ("reviews", (("review.total",),), "table 四 行政复议 总计"),
    ("lawsuits", (("litigation_direct.total", "litigation_after_review.total"),), "table 四 行政诉讼 总计"),
)


def _r7(facts: Sequence[Fact], fields: Mapping[str, Field]) -> list[Finding]:
    out: list[Finding] = []
    for kind, readings, what in _R7:
        fact = next((f for f in facts if f.kind == kind), None)
        if fact is None:
            continue
        sums = []
        for keys in readings:
            vals = [fields[k].value if k in fields else None for k in keys]
            if any(v is None for v in vals):
                continue
            sums.append((keys, sum(vals)))  # type: ignore[arg-type]
        if not sums or any(s == fact.value for _, s in sums):
            continue
        keys = sums[0][0]
        spans = tuple(s for s in [fact.span] + [fields[k].span for k in keys] if s is not None)
        out.append(
            Finding(
                "narrative_contradiction",
                "warning",
                f"the narrative states {fact.raw!r} ({kind} = {fact.value}) but {what} is {sums[0][1]}; "
                "the table values are kept",
                keys=keys,
                spans=spans,
            )
        )
    return out


def _year_check(norm: Any, doc: Any, meta: Meta, period_span: tuple[_Zone, int, int] | None) -> list[Finding]:
    year = getattr(doc, "year", None)
    if year is None or meta.period is None or meta.period[0].year == year:
        return []
    if any(f.code == "year_contradiction" for f in getattr(doc, "findings", ())):
        return []  # the sections stage has said it already
    spans = []
    title = getattr(doc, "title_span", None)
    if title:
        spans.append(tuple(title))
    if period_span is not None:
        z, s, e = period_span
        spans.append(norm.to_orig(z.norm_span(s, e)))
    return [
        Finding(
            "year_contradiction",
            "warning",
            f"the report is for {year} but its statistics period is {meta.period[0].isoformat()} to "
            f"{meta.period[1].isoformat()}; the report's year is kept",
            spans=tuple(spans),  # type: ignore[arg-type]
        )
    ]


# == spans of the metadata, for the spaCy component ================================================
def meta_spans(report: Any) -> list[tuple[str, tuple[int, int]]]:
    """(label, span of ``report.text``) of every metadata value located in the text:
    ``meta.organ``, ``meta.region``, ``meta.period``, ``meta.published``, ``meta.contact.phone``…"""
    text = getattr(report, "text", None)
    meta = getattr(report, "meta", None)
    if not text or meta is None:
        return []
    from .normalize import normalize

    norm = normalize(text)
    z = _zone("all", norm.text, 0, len(norm.text))
    out: list[tuple[str, tuple[int, int]]] = []

    def add(label: str, s: int, e: int) -> None:
        if e > s:
            out.append((label, norm.to_orig(z.norm_span(s, e))))

    for label, value in (("meta.organ", meta.organ), ("meta.region", meta.region)):
        if value:
            i = z.text.find(value)
            if i >= 0:
                add(label, i, i + len(value))
    period, pspan = _period([z])
    if period is not None and period == meta.period and pspan is not None:
        add("meta.period", pspan[1], pspan[2])
    if meta.published is not None:
        for m in reversed(z.of("DATE")):
            if _date(z.text[m.start : m.end]) == meta.published:
                add("meta.published", m.start, m.end)
                break
    _, where = _contact([z])
    for k, (_, s, e) in where.items():
        if getattr(meta.contact, k, None) == z.text[s:e]:
            add(f"meta.contact.{k}", s, e)
    return out
