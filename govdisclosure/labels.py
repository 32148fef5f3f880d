"""Stage 4: find the template's row labels in a stretch of tokens.

Labels are matched on a *label stream*: the matching keys (normalize.key) of the region's text tokens
joined together, numbers left out — so a label wrapped around its numbers ("（二）部分公开（区分处理的，
只计这一情" 447 7 … "形，不计其他情形）") is contiguous again.  Rows are searched in template order:
first exact matches of the label and its variants (fast, precise), then rapidfuzz partial alignment for
rows still missing, only between the neighbouring rows already found.

>>> from govdisclosure.layout import tokenize
>>> toks = tokenize("1.属于国家秘密 0 0\\n2.其他法律法规禁止公开 1 2\\n")
>>> rows = [Row("a", ("1.属于国家秘密",)), Row("b", ("2.其他法律行政法规禁止公开",))]
>>> [(a.row.key, a.how) for a in find_rows(toks, 0, len(toks), rows)]
[('a', 'exact'), ('b', 'fuzzy')]
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from rapidfuzz import fuzz

from .layout import TEXT, Token
from .normalize import key

__all__ = ["Row", "Anchor", "find_rows", "label_stream"]

# Labels shorter than this (in key characters) are matched exactly only: "规章", "3.其他", "(七)总计"
# would fuzzy-match too much else.
FUZZY_MIN_LEN = 6
# rapidfuzz partial_ratio cut-off: "2.其他法律法规禁止公开" vs the template's "2.其他法律行政法规禁止公开"
# scores 86; the two （六） sub-rows, which share their second half, score about 66 against each other.
FUZZY_CUTOFF = 80.0


@dataclass(frozen=True, slots=True)
class Row:
    key: str
    wordings: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Anchor:
    row: Row
    tok: int  # index of the token where the label starts
    end_tok: int  # index of the token where it ends
    stream_span: tuple[int, int]
    label: str
    how: str  # exact | fuzzy
    score: float


@dataclass(frozen=True, slots=True)
class Stream:
    text: str
    starts: tuple[int, ...]  # stream offset of each piece
    toks: tuple[int, ...]  # token index of each piece

    def tok_at(self, k: int) -> int:
        i = bisect.bisect_right(self.starts, k) - 1
        return self.toks[max(i, 0)] if self.toks else 0


def label_stream(tokens: list[Token], lo: int, hi: int) -> Stream:
    parts: list[str] = []
    starts: list[int] = []
    toks: list[int] = []
    k = 0
    for i in range(lo, hi):
        t = tokens[i]
        if t.kind != TEXT:
            continue
        s = key(t.text)
        if not s:
            continue
        starts.append(k)
        toks.append(i)
        parts.append(s)
        k += len(s)
    return Stream("".join(parts), tuple(starts), tuple(toks))


def find_rows(tokens: list[Token], lo: int, hi: int, rows: list[Row], stream: Stream | None = None) -> list[Anchor]:
    """Anchors of the rows found between tokens lo and hi, in template order."""
    st = stream or label_stream(tokens, lo, hi)
    text = st.text
    keyed = [tuple(dict.fromkeys(key(w) for w in r.wordings)) for r in rows]
    found: list[tuple[int, int, str, str, float] | None] = [None] * len(rows)

    # pass 1: exact, in order
    cursor = 0
    for i, words in enumerate(keyed):
        best: tuple[int, int, str] | None = None
        for w in words:
            k = text.find(w, cursor)
            if k >= 0 and (best is None or k < best[0] or (k == best[0] and len(w) > len(best[2]))):
                best = (k, k + len(w), w)
        if best is not None:
            found[i] = (best[0], best[1], best[2], "exact", 100.0)
            cursor = best[1]

    # pass 2: fuzzy, for rows still missing, between the neighbours found
    for i, words in enumerate(keyed):
        if found[i] is not None:
            continue
        lo_k = max((f[1] for f in found[:i] if f is not None), default=0)
        hi_k = min((f[0] for f in found[i + 1 :] if f is not None), default=len(text))
        if hi_k - lo_k < FUZZY_MIN_LEN:
            continue
        window = text[lo_k:hi_k]
        best_f: tuple[float, int, int, str] | None = None
        for w in words:
            if len(w) < FUZZY_MIN_LEN:
                continue
            r = fuzz.partial_ratio_alignment(w, window, score_cutoff=FUZZY_CUTOFF)
            if r is not None and (best_f is None or r.score > best_f[0]):
                best_f = (r.score, lo_k + r.dest_start, lo_k + r.dest_end, w)
        if best_f is not None:
            found[i] = (best_f[1], best_f[2], best_f[3], "fuzzy", best_f[0])

    out: list[Anchor] = []
    last = -1
    for i, f in enumerate(found):
        if f is None:
            continue
        s, e, w, how, score = f
        if s < last:  # out of order (a fuzzy hit inside a neighbour): drop
            continue
        last = e
        out.append(Anchor(rows[i], st.tok_at(s), st.tok_at(max(e - 1, s)), (s, e), w, how, score))
    return out
