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
import functools
import itertools
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz

from .layout import MARK, NUM, TEXT, Token
from .normalize import key, key_normalized

__all__ = ["Row", "Anchor", "find_rows", "keyed", "label_stream"]

# Labels shorter than this (in key characters) are matched exactly only: "规章", "3.其他", "(七)总计"
# would fuzzy-match too much else.
FUZZY_MIN_LEN = 6
# rapidfuzz partial_ratio cut-off: "2.其他法律法规禁止公开" vs the template's "2.其他法律行政法规禁止公开"
# scores 86; the two （六） sub-rows, which share their second half, score about 66 against each other.
FUZZY_CUTOFF = 80.0
# occurrences of one wording examined (a label printed more often than this is prose, not a table)
MAX_OCCURRENCES = 6
# chain weights: a label with numbers after it is worth more than one standing alone
WEIGHT_WITH_VALUES = 2.0
WEIGHT_ALONE = 0.5
_VALUE_KINDS = (NUM, MARK)


@dataclass(frozen=True, slots=True)
class Row:
    key: str
    wordings: tuple[str, ...]
    #: the wording of the merged cell beside the row's label (its group, "(三)不予公开"), whose lines a
    #: converter may interleave with the label's
    beside: tuple[str, ...] = ()


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

    def sub(self, lo: int, hi: int) -> Stream:
        """The stream of the tokens lo..hi alone (what ``label_stream(tokens, lo, hi)`` makes, for a
        range inside this stream's), cut out of this one instead of keyed again."""
        a = bisect.bisect_left(self.toks, lo)
        b = bisect.bisect_left(self.toks, hi)
        if a >= b:
            return Stream("", (), ())
        k0 = self.starts[a]
        k1 = self.starts[b] if b < len(self.starts) else len(self.text)
        return Stream(self.text[k0:k1], tuple(x - k0 for x in self.starts[a:b]), self.toks[a:b])

    def pieces(self) -> list[tuple[int, str]]:
        """Each text token's index and its key, in order (the tokens whose key is empty are left out)."""
        text, starts = self.text, self.starts
        ends = (*starts[1:], len(text))
        return [(i, text[a:b]) for i, a, b in zip(self.toks, starts, ends)]

    def tok_at(self, k: int) -> int:
        i = bisect.bisect_right(self.starts, k) - 1
        return self.toks[i if i > 0 else 0] if self.toks else 0


@functools.lru_cache(maxsize=1024)
def keyed(wordings: tuple[str, ...]) -> tuple[str, ...]:
    """The matching keys of a label's wordings, once each (cached: labels are matched row after row)."""
    return tuple(dict.fromkeys(key(w) for w in wordings))


def label_stream(tokens: list[Token], lo: int, hi: int) -> Stream:
    parts: list[str] = []
    starts: list[int] = []
    toks: list[int] = []
    k = 0
    for i in range(lo, hi):
        t = tokens[i]
        if t.kind != TEXT:
            continue
        s = key_normalized(t.text)
        if not s:
            continue
        starts.append(k)
        toks.append(i)
        parts.append(s)
        k += len(s)
    return Stream("".join(parts), tuple(starts), tuple(toks))


WRAP_LOOKBACK = 3  # pieces before a fuzzy match where the first line of a wrapped label may stand


def _wrapped_start(st: Stream, s0: int, floor: int, words: Sequence[str]) -> int:
    """Where a fuzzy match's label really starts when its lines are interleaved with another cell's
    (w3m draws a vertical group label beside a wrapped row label: "（四）无|1.本机|法提供|关不掌握|…"
    streams as "(四)无1.本机法提供关不掌握…", and the best alignment starts at 关): a piece up to
    WRAP_LOOKBACK pieces back that is the beginning of a wording (two characters or more) is the start."""
    k = bisect.bisect_right(st.starts, s0) - 1
    for j in range(k - 1, max(k - 1 - WRAP_LOOKBACK, -1), -1):
        a = st.starts[j]
        if a < floor:
            break
        piece = st.text[a : st.starts[j + 1]]
        if len(piece) >= 2 and any(w.startswith(piece) for w in words):
            return a
    return s0


def _fuzzy_beside(
    st: Stream, lo_k: int, hi_k: int, words: Sequence[str], beside: Sequence[str]
) -> tuple[float, int, int, str] | None:
    """A label whose lines alternate with those of the merged cell beside it (pdftotext -layout of a
    narrow-columned print: "（三） 1.属于" / "不予公 国家秘" / "开 密" streams as "(三)1.属于不予公国家秘开密"),
    matched with the pieces of that cell's wording left out (those of the label's own kept); the
    match's ends are offsets into the whole stream."""
    a = bisect.bisect_right(st.starts, lo_k) - 1
    kept: list[int] = []  # pieces of the stream in the window, the other cell's left out
    parts: list[str] = []
    left_out = False
    for j in range(max(a, 0), len(st.starts)):
        k0 = st.starts[j]
        if k0 >= hi_k:
            break
        k1 = st.starts[j + 1] if j + 1 < len(st.starts) else len(st.text)
        piece = st.text[max(k0, lo_k) : min(k1, hi_k)]
        if piece and any(piece in b for b in beside) and not any(piece in w for w in words):
            left_out = True
            continue
        kept.append(j)
        parts.append(piece)
    if not left_out or not parts:
        return None  # the plain match already failed
    starts = list(itertools.accumulate((len(x) for x in parts), initial=0))

    def at(k: int) -> int:  # a window offset as an offset into the stream
        p = bisect.bisect_right(starts, k) - 1
        return max(st.starts[kept[p]], lo_k) + k - starts[p]

    return _best_alignment(words, "".join(parts), at)


def _best_alignment(words: Sequence[str], window: str, at: Callable[[int], int]) -> tuple[float, int, int, str] | None:
    """The best fuzzy alignment of a wording (FUZZY_MIN_LEN characters or more) in ``window``: its
    score, its start and end as ``at`` maps window offsets into the stream, and the wording."""
    best: tuple[float, int, int, str] | None = None
    for w in words:
        if len(w) < FUZZY_MIN_LEN:
            continue
        al = fuzz.partial_ratio_alignment(w, window, score_cutoff=FUZZY_CUTOFF)
        if al is not None and (best is None or al.score > best[0]):
            best = (al.score, at(al.dest_start), at(al.dest_end - 1) + 1, w)
    return best


def _chain(occ: list[tuple[int, int, int, str]], weights: list[float]) -> tuple[list[float], list[int]]:
    """The heaviest chain ending at each occurrence (sorted by row, then start): its weight, and the
    occurrence before it, an occurrence of an earlier row that ends where this one starts or before
    (the heaviest such; of equal ones the first in ``occ``).

    The occurrences of the rows done so far stand in a max-tree over their ends (a Fenwick tree): each
    occurrence asks it once and is added once its row is done, so the chain costs O(n log n), not the
    O(n²) of comparing every pair (a table of 30 rows, each wording found a few times)."""
    n = len(occ)
    dp = [0.0] * n
    parent = [-1] * n
    ends = sorted({e for _, _, e, _ in occ})
    tree: list[tuple[float, int]] = [(0.0, 1)] * (len(ends) + 1)  # (weight, -index): index -1 is "none"
    pending: list[int] = []
    row = None
    for j, (rj, sj, _, _) in enumerate(occ):
        if rj != row:  # the occurrences of the rows before this one may now precede
            for i in pending:
                k = bisect.bisect_left(ends, occ[i][2]) + 1
                item = (dp[i], -i)
                while k <= len(ends):
                    if item > tree[k]:
                        tree[k] = item
                    k += k & -k
            pending = []
            row = rj
        k = bisect.bisect_right(ends, sj)
        best = (0.0, 1)
        while k > 0:
            if tree[k] > best:
                best = tree[k]
            k -= k & -k
        dp[j] = weights[j] + best[0]
        parent[j] = -best[1]
        pending.append(j)
    return dp, parent


def find_rows(tokens: list[Token], lo: int, hi: int, rows: list[Row], stream: Stream | None = None) -> list[Anchor]:
    """Anchors of the rows found between tokens lo and hi, in template order."""
    st = stream or label_stream(tokens, lo, hi)

    # prefix counts of value tokens: whether tokens a..b hold a value, in O(1)
    counts = list(itertools.accumulate([t.kind in _VALUE_KINDS for t in tokens[lo:hi]], initial=0))

    text = st.text
    row_keys = [keyed(r.wordings) for r in rows]
    found: list[tuple[int, int, str, str, float] | None] = [None] * len(rows)

    # pass 1: exact occurrences of every row, then the heaviest chain of them in template order.
    # A label followed by values weighs more than one standing alone, so labels that a converter moved
    # away from their numbers (plain pdftotext prints some after the whole table) lose to the rows
    # that still have their numbers, instead of dragging the search past them.
    occ: list[tuple[int, int, int, str]] = []  # (row, start, end, wording)
    for i, words in enumerate(row_keys):
        for w in words:
            k = text.find(w)
            n_occ = 0
            while k >= 0 and n_occ < MAX_OCCURRENCES:
                occ.append((i, k, k + len(w), w))
                n_occ += 1
                k = text.find(w, k + 1)
    # keep, per row and start, the longest wording
    best_at: dict[tuple[int, int], tuple[int, int, int, str]] = {}
    for o in occ:
        cur = best_at.get((o[0], o[1]))
        if cur is None or o[2] > cur[2]:
            best_at[(o[0], o[1])] = o
    occ = sorted(best_at.values(), key=lambda o: (o[0], o[1]))
    starts_sorted = sorted({o[1] for o in occ})
    weights = []
    # (st.tok_at and has_values inlined: a table's occurrences are weighed by the hundred)
    p_starts, p_toks, right, n_starts = st.starts, st.toks, bisect.bisect_right, len(starts_sorted)
    for _, s0, e0, _ in occ:
        j = bisect.bisect_left(starts_sorted, e0)
        if j < n_starts:
            i = right(p_starts, starts_sorted[j]) - 1
            nxt_tok = p_toks[i if i > 0 else 0]
        else:
            nxt_tok = hi
        i = right(p_starts, e0 - 1 if e0 - 1 > s0 else s0) - 1
        a, b = p_toks[i if i > 0 else 0] + 1, nxt_tok if nxt_tok < hi else hi
        if a < lo:
            a = lo
        weights.append(WEIGHT_WITH_VALUES if b > a and counts[b - lo] - counts[a - lo] > 0 else WEIGHT_ALONE)
    dp, parent = _chain(occ, weights)
    if occ:
        j = max(range(len(occ)), key=lambda x: (dp[x], -occ[x][1]))
        while j >= 0:
            r, s0, e0, w = occ[j]
            found[r] = (s0, e0, w, "exact", 100.0)
            j = parent[j]

    # pass 2: fuzzy, for rows still missing, between the neighbours found
    for i, words in enumerate(row_keys):
        if found[i] is not None:
            continue
        lo_k = max((f[1] for f in found[:i] if f is not None), default=0)
        hi_k = min((f[0] for f in found[i + 1 :] if f is not None), default=len(text))
        if hi_k - lo_k < FUZZY_MIN_LEN:
            continue
        best_f = _best_alignment(words, text[lo_k:hi_k], lambda k: lo_k + k)
        if best_f is None and rows[i].beside:
            best_f = _fuzzy_beside(st, lo_k, hi_k, words, keyed(rows[i].beside))
        if best_f is not None:
            s0, e0 = best_f[1], best_f[2]
            # an alignment that starts inside a token, on its last one or two characters (the end of the
            # label before: "…投诉类申請|2.重复申請"), starts at the next token: else two rows share one
            # token; one that starts earlier in a token keeps its start (a crawler's one-line label run
            # into the label before it and cut by its numbers: "…信息1、申请人…政府信|673…|息公开申请").  One
            # that starts at a token's start keeps it, though the label wraps over several lines (w3m's
            # "1.本机" / "关不掌握" / …): the row's numbers stand on its first line
            k = bisect.bisect_right(st.starts, s0) - 1
            if k >= 0 and st.starts[k] != s0 and k + 1 < len(st.starts) and st.starts[k + 1] < e0 and st.starts[k + 1] - s0 <= 2:
                s0 = st.starts[k + 1]
            s0 = _wrapped_start(st, s0, lo_k, words)
            found[i] = (s0, e0, best_f[3], "fuzzy", best_f[0])

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
