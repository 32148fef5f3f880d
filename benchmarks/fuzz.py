"""The long fuzz run: N mutated inputs through parse / parse_file, each in a guarded worker.

    .venv/bin/python benchmarks/fuzz.py -n 100000                 # ~25 min on 2 idle cores
    .venv/bin/python benchmarks/fuzz.py -n 2000 --file-share 0.5  # mostly files (PDF/DOCX/HTML)
    .venv/bin/python benchmarks/fuzz.py --replay 12345            # rerun input #12345 in-process

Every input is made from ``(--seed, index)`` alone, so a failure is reproduced with ``--replay``.
Inputs: corpus texts (seeds, real, the test fixtures) through the text mutators below (one to four
per input), a few 1–10 MB inputs (``--big-every``), and a share of files (``--file-share``): PDF,
DOCX and HTML fixtures with bytes flipped/truncated/spliced, their XML/HTML mutated, plus crafted
hostile files (XXE, zip bombs, deep nesting, huge spans, encrypted/looping PDFs).

Each input runs in a worker process with an address-space limit (``resource.setrlimit``,
``--mem-mb``) and a hard time limit (the parent SIGKILLs a worker that has not answered within the
bound for the input's size, :func:`time_bound`).  Outcomes:

* ``ok``: parse/parse_file returned a Report (for ``parse``: spans point at ``raw``);
* ``typed``: parse_file raised a GovDisclosureError (a clean refusal);
* ``crash``: anything else raised (or parse(str) raised at all), a worker died, or a MemoryError;
* ``timeout``: killed at the bound;
* ``invariant``: a Report whose field spans do not match their raw text.

It prints counts per outcome and per mutator, the maximum time per size class, the peak RSS of the
workers, and the indices of failures (replay them).  Exit status 1 on any crash/timeout/invariant.
"""

from __future__ import annotations

import argparse
import collections
import io
import json
import multiprocessing as mp
import os
import pathlib
import random
import signal
import sys
import time
import traceback
import zipfile
from typing import Any, Callable

ROOT = pathlib.Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "corpus"

# -- the time and memory bounds (documented in SECURITY.md) --------------------------------------
#: parse(text): seconds allowed = TEXT_BASE_S + TEXT_PER_MB_S × MB of text.  Measured: 15–25 ms for a
#: report, ~1 s per MB for report-like text on one idle core; the bound leaves 3–4× for a shared machine.
TEXT_BASE_S = 3.0
TEXT_PER_MB_S = 4.0
#: parse_file: seconds allowed = FILE_BASE_S + FILE_PER_MB_S × MB of file.  pdfplumber is the slow
#: reader (~0.1–0.5 s a page); max_pdf_pages caps the pages.
FILE_BASE_S = 30.0
FILE_PER_MB_S = 20.0
#: Address space of a worker (MB).  spaCy is not loaded by parse(); pdfplumber on a 64 MB PDF stays
#: under 1.5 GB; 10 MB of text needs ~1 GB at peak (tokens are Python objects).
DEFAULT_MEM_MB = 3072


def time_bound(kind: str, size_bytes: int) -> float:
    mb = size_bytes / 1e6
    if kind == "text":
        return TEXT_BASE_S + TEXT_PER_MB_S * mb
    return FILE_BASE_S + FILE_PER_MB_S * mb


SIZE_CLASSES = ((10_000, "<10K"), (100_000, "10K-100K"), (1_000_000, "100K-1M"), (10_000_000, "1M-10M"))


def size_class(n: int) -> str:
    for lim, name in SIZE_CLASSES:
        if n < lim:
            return name
    return ">=10M"


# -- seeds ----------------------------------------------------------------------------------------
def load_seed_texts() -> list[str]:
    paths: list[pathlib.Path] = []
    for base in (ROOT / "corpus", SHARED):
        for sub in ("seeds", "real"):
            d = base / sub
            if d.is_dir():
                paths += sorted(p for p in d.iterdir() if p.suffix in (".txt", ".md"))
    seen: set[str] = set()
    out = []
    for p in paths:
        t = p.read_text("utf-8", errors="replace")
        if t not in seen:
            seen.add(t)
            out.append(t)
    if not out:  # pragma: no cover - a checkout without the corpus
        out.append("一、总体情况\n本年度主动公开信息12条。\n三、收到和处理政府信息公开申请情况\n（一）予以公开\t1\t0\t0\t0\t0\t0\t1\n")
    return out


def load_seed_files() -> list[tuple[bytes, str]]:
    out = []
    for d in (ROOT / "tests" / "fixtures" / "files", ROOT / "tests" / "fixtures" / "hostile"):
        if d.is_dir():
            for p in sorted(d.iterdir()):
                if p.is_file() and p.suffix in (".pdf", ".docx", ".html", ".text", ".txt"):
                    out.append((p.read_bytes(), p.name))
    return out


# -- text mutators ----------------------------------------------------------------------------------
Mutator = Callable[[random.Random, str], str]
_FW = {c: chr(ord(c) + 0xFEE0) for c in "0123456789()-.,:%ABCabc"}
_FW_BACK = {v: k for k, v in _FW.items()}
_LABELS = ["（一）予以公开", "规章", "行政规范性文件", "三、收到和处理政府信息公开申请情况", "第二十条第（一）项",
           "四、政府信息公开行政复议、行政诉讼情况", "总计", "1.属于国家秘密", "（七）总计", "行政许可", "自然人", "\t", "|"]


def _lines(t: str) -> list[str]:
    return t.split("\n")


def m_delete_lines(r: random.Random, t: str) -> str:
    ls = _lines(t)
    for _ in range(r.randint(1, 8)):
        if len(ls) > 1:
            del ls[r.randrange(len(ls))]
    return "\n".join(ls)


def m_duplicate_lines(r: random.Random, t: str) -> str:
    ls = _lines(t)
    for _ in range(r.randint(1, 8)):
        i = r.randrange(len(ls))
        ls[i:i] = [ls[i]] * r.randint(1, 5)
    return "\n".join(ls)


def m_shuffle_lines(r: random.Random, t: str) -> str:
    ls = _lines(t)
    i = r.randrange(len(ls))
    block = ls[i : i + r.randint(2, 30)]
    r.shuffle(block)
    ls[i : i + len(block)] = block
    return "\n".join(ls)


def m_swap_cells(r: random.Random, t: str) -> str:
    ls = _lines(t)
    for _ in range(r.randint(1, 10)):
        i = r.randrange(len(ls))
        sep = "\t" if "\t" in ls[i] else " "
        cells = ls[i].split(sep)
        if len(cells) > 1:
            a, b = r.randrange(len(cells)), r.randrange(len(cells))
            cells[a], cells[b] = cells[b], cells[a]
            ls[i] = sep.join(cells)
    return "\n".join(ls)


def m_inject_digits(r: random.Random, t: str) -> str:
    out = t
    for _ in range(r.randint(1, 12)):
        i = r.randrange(len(out) + 1)
        n = r.choice([1, 1, 2, 3, 5, 12, 18, 19, 30, 200])
        d = "".join(r.choice("0123456789") for _ in range(n))
        if r.random() < 0.3:
            d = r.choice(["\t", " ", ""]) + d + r.choice(["\t", " ", "", "件", ".5", ",000", "年"])
        out = out[:i] + d + out[i:]
    return out


def m_glue_cells(r: random.Random, t: str) -> str:
    # crawler copies: the separators of some rows vanish, digits run together
    ls = _lines(t)
    for _ in range(r.randint(1, 15)):
        i = r.randrange(len(ls))
        ls[i] = ls[i].replace("\t", "").replace(" ", "")
    return "\n".join(ls)


def m_truncate(r: random.Random, t: str) -> str:
    return t[: r.randrange(len(t) + 1)] if r.random() < 0.7 else t[r.randrange(len(t) + 1) :]


def m_fullwidth(r: random.Random, t: str) -> str:
    p = r.random()
    return "".join((_FW.get(c, c) if r.random() < p else _FW_BACK.get(c, c)) for c in t)


def m_gbk_as_latin1(r: random.Random, t: str) -> str:
    a = r.randrange(len(t) + 1)
    b = min(len(t), a + r.randint(1, 20000))
    enc = r.choice(["gbk", "gb18030", "utf-8", "big5"])
    return t[:a] + t[a:b].encode(enc, "replace").decode("latin-1") + t[b:]


def m_long_line(r: random.Random, t: str) -> str:
    if r.random() < 0.5:
        return t.replace("\n", r.choice([" ", "", "\t"]))
    i = r.randrange(len(t) + 1)
    unit = r.choice(["一", "1", " ", "\t", "1\t", "（", "(", "予以公开", "0 ", "|", "**", "第"])
    return t[:i] + unit * (r.randint(10_000, 200_000) // len(unit)) + t[i:]


def m_unicode_noise(r: random.Random, t: str) -> str:
    chars = list(t)
    for _ in range(r.randint(1, 50)):
        c = chr(r.randrange(0x110000)) if r.random() < 0.5 else r.choice(
            "\u200b\ufeff\u00ad\u3000\u00a0\r\f\v\x00\x1b\ud800\udfff\u0301\u2028\u202e㈠①⑴ｰ〇％／—")
        op = r.random()
        i = r.randrange(len(chars) + 1)
        if op < 0.5:
            chars.insert(i, c)
        elif chars and op < 0.8:
            chars[min(i, len(chars) - 1)] = c
        elif chars:
            del chars[min(i, len(chars) - 1)]
    return "".join(chars)


def m_random_unicode(r: random.Random, t: str) -> str:
    n = r.choice([0, 1, 10, 100, 1000, 10000])
    pool = r.choice([None, "0123456789\t \n", "一二三四五六七八九十（）()、.\n\t 0123456789件条", "\r\n\t |-:"])
    if pool is None:
        return "".join(chr(r.randrange(0x110000)) for _ in range(n))
    return "".join(r.choice(pool) for _ in range(n))


def m_splice(r: random.Random, t: str, others: list[str] | None = None) -> str:
    o = r.choice(others) if others else t
    a, b = r.randrange(len(t) + 1), r.randrange(len(o) + 1)
    return t[:a] + o[b:]


def m_repeat_labels(r: random.Random, t: str) -> str:
    i = r.randrange(len(t) + 1)
    lab = r.choice(_LABELS)
    k = r.choice([10, 100, 1000, 5000])
    sep = r.choice(["", "\n", " 1 ", "\t0\t", "\t"])
    return t[:i] + (lab + sep) * k + t[i:]


def m_many_numbers(r: random.Random, t: str) -> str:
    # a long run of value cells after a label: row segments with thousands of tokens
    i = r.randrange(len(t) + 1)
    k = r.choice([100, 1500, 5000])
    sep = r.choice(["\t", " ", "\n\t", "\t\t"])
    cell = r.choice(["0", "12", "", "/", "000", "1234567"])
    return t[:i] + sep.join([cell] * k) + t[i:]


def m_large_numbers(r: random.Random, t: str) -> str:
    # every 0 a random number below 10^6: a crawler's glued runs of large numbers, whose sum-guided
    # cutting was super-linear in the number of long runs (issue 15: 5 KB took 1.4-4.5 s)
    return "".join(str(r.randrange(10**6)) if ch == "0" else ch for ch in t)


def m_markup(r: random.Random, t: str) -> str:
    ls = _lines(t)
    style = r.choice(["pipe", "md", "cellblock"])
    out = []
    for ln in ls:
        cells = ln.split("\t")
        if style == "pipe":
            out.append("| " + " | ".join(cells) + " |")
        elif style == "md":
            out.append("**" + ln + "**" if r.random() < 0.2 else ln)
        else:
            out.extend("\t" + c for c in cells)
    return "\n".join(out)


TEXT_MUTATORS: dict[str, Mutator] = {
    "delete_lines": m_delete_lines,
    "duplicate_lines": m_duplicate_lines,
    "shuffle_lines": m_shuffle_lines,
    "swap_cells": m_swap_cells,
    "inject_digits": m_inject_digits,
    "glue_cells": m_glue_cells,
    "truncate": m_truncate,
    "fullwidth": m_fullwidth,
    "gbk_as_latin1": m_gbk_as_latin1,
    "long_line": m_long_line,
    "unicode_noise": m_unicode_noise,
    "random_unicode": m_random_unicode,
    "splice": m_splice,
    "repeat_labels": m_repeat_labels,
    "large_numbers": m_large_numbers,
    "many_numbers": m_many_numbers,
    "markup": m_markup,
}
#: relative weights: cheap realistic edits often, the expensive long-line ones rarely
_WEIGHTS = {"long_line": 0.3, "repeat_labels": 0.5, "many_numbers": 0.5, "random_unicode": 0.5}


def mutate_text(r: random.Random, seeds: list[str]) -> tuple[str, str]:
    t = r.choice(seeds)
    names = list(TEXT_MUTATORS)
    w = [_WEIGHTS.get(n, 1.0) for n in names]
    used = r.choices(names, w, k=r.choice([1, 1, 2, 2, 3, 4]))
    for name in used:
        t = m_splice(r, t, seeds) if name == "splice" else TEXT_MUTATORS[name](r, t)
    return "+".join(used), t


def big_text(r: random.Random, seeds: list[str]) -> tuple[str, str]:
    size = r.choice([1_000_000, 3_000_000, 10_000_000])
    kind = r.choice(["reports", "random", "digits", "one_line"])
    if kind == "reports":
        parts, n = [], 0
        while n < size:
            s = mutate_text(r, seeds)[1]
            parts.append(s)
            n += len(s)
        t = "\n".join(parts)[:size]
    elif kind == "random":
        t = m_random_unicode(r, "")[:0] + "".join(r.choice("一二三四五六七八九十政府信息公开申请件0123456789 \t\n()（）、。，") for _ in range(size))
    elif kind == "digits":
        t = ("1234567890\t" * (size // 11 + 1))[:size]
    else:
        t = (r.choice(seeds).replace("\n", " ") * (size // 3000 + 1))[:size]
    return f"big_{kind}_{size // 1_000_000}M", t


# -- file mutators --------------------------------------------------------------------------------------
def _flip_bytes(r: random.Random, data: bytes) -> bytes:
    b = bytearray(data)
    for _ in range(r.randint(1, 20)):
        if b:
            b[r.randrange(len(b))] = r.randrange(256)
    return bytes(b)


def _mutate_zip(r: random.Random, data: bytes, seeds: list[str]) -> bytes:
    try:
        zin = zipfile.ZipFile(io.BytesIO(data))
        members = {i.filename: zin.read(i) for i in zin.infolist()}
    except Exception:
        return _flip_bytes(r, data)
    name = "word/document.xml" if "word/document.xml" in members else r.choice(list(members))
    x = members[name].decode("utf-8", "replace")
    op = r.random()
    if op < 0.4:  # text mutations on the XML source: breaks tags, entities, nesting
        x = mutate_text(r, [x])[1]
    elif op < 0.6:
        x = x.replace("<w:body>", "<w:body>" + "<w:tbl><w:tr><w:tc>" * r.choice([50, 300, 3000]), 1)
    elif op < 0.8:
        x = x.replace('<w:tcPr>', f'<w:tcPr><w:gridSpan w:val="{r.choice([0, -1, 10**9, 2**31])}"/>')
    else:
        x = x.replace("?>", '?><!DOCTYPE w:document [<!ENTITY e SYSTEM "file:///etc/hostname">]>', 1).replace("<w:t>", "<w:t>&e;", 1)
    members[name] = x.encode("utf-8", "replace")
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for k, v in members.items():
            z.writestr(k, v)
    return buf.getvalue()


def _mutate_html(r: random.Random, data: bytes, seeds: list[str]) -> bytes:
    h = data.decode("utf-8", "replace")
    op = r.random()
    if op < 0.4:
        h = mutate_text(r, [h])[1]
    elif op < 0.6:
        d = r.choice([100, 1000, 10000])
        tag = r.choice(["div", "span", "table", "td", "font", "b"])
        h = h.replace("<body>", "<body>" + f"<{tag}>" * d, 1)
    elif op < 0.8:
        v = r.choice(["999999999", "0", "-1", "1e9", "65535", "abc", "2147483648"])
        h = h.replace("<td", f'<td colspan="{v}" rowspan="{v}"', r.randint(1, 50))
    else:
        body = "\n".join("<tr>" + "".join(f"<td>{c}</td>" for c in ln.split("\t")) + "</tr>" for ln in r.choice(seeds).split("\n"))
        h = f"<html><body><table>{body}</table></body></html>"
    return h.encode(r.choice(["utf-8", "utf-8", "gb18030", "utf-16"]), "replace")


def mutate_file(r: random.Random, files: list[tuple[bytes, str]], seeds: list[str]) -> tuple[str, bytes, str]:
    data, name = r.choice(files)
    ext = os.path.splitext(name)[1]
    op = r.random()
    if op < 0.15:
        return "file_as_is", data, name
    if op < 0.35:
        return "file_truncate", data[: r.randrange(len(data) + 1)], name
    if op < 0.55:
        return "file_flip", _flip_bytes(r, data), name
    if op < 0.65:
        return "file_wrong_ext", data, "x" + r.choice([".pdf", ".docx", ".html", ".txt", ".doc", ""])
    if ext == ".docx":
        return "docx_xml", _mutate_zip(r, data, seeds), name
    if ext == ".html":
        return "html_src", _mutate_html(r, data, seeds), name
    if ext == ".pdf":
        cut = r.randrange(len(data) + 1)
        return "pdf_splice", data[:cut] + r.choice(files)[0][r.randrange(1 + len(data) // 2) :], name
    return "text_bytes", mutate_text(r, seeds)[1].encode(r.choice(["gb18030", "utf-16", "utf-8", "big5"]), "replace"), name


def make_input(seed: int, index: int, seeds: list[str], files: list[tuple[bytes, str]], file_share: float,
               big_every: int) -> tuple[str, str, Any, str | None]:
    """(kind, mutator, payload, filename) for input ``index``: deterministic in (seed, index)."""
    r = random.Random(seed * 1_000_003 + index)
    if big_every and index % big_every == big_every - 1:
        name, t = big_text(r, seeds)
        return "text", name, t, None
    if files and r.random() < file_share:
        name, data, fname = mutate_file(r, files, seeds)
        return "file", name, data, fname
    name, t = mutate_text(r, seeds)
    return "text", name, t, None


# -- checking one input ---------------------------------------------------------------------------------
def run_one(kind: str, payload: Any, filename: str | None) -> tuple[str, str]:
    """(outcome, detail) of one input, in this process."""
    import govdisclosure

    try:
        if kind == "text":
            rep = govdisclosure.parse(payload)
        else:
            rep = govdisclosure.parse_file(payload, filename=filename)
    except MemoryError:
        return "crash", "MemoryError"
    except govdisclosure.GovDisclosureError as exc:
        if kind == "text":
            return "crash", f"parse(str) raised {type(exc).__name__}: {exc}"
        return "typed", type(exc).__name__
    except BaseException as exc:  # noqa: BLE001 - that is the point
        return "crash", f"{type(exc).__name__}: {str(exc)[:200]}\n{traceback.format_exc()[-1500:]}"
    if not isinstance(rep, govdisclosure.Report):
        return "crash", f"returned {type(rep).__name__}"
    for f in rep.fields.values():
        if f.span is not None and rep.text[f.span[0] : f.span[1]] != f.raw:
            return "invariant", f"{f.key}: span {f.span} holds {rep.text[f.span[0]:f.span[1]]!r}, raw {f.raw!r}"
    internal = [f for f in rep.findings if f.code == "internal_error"]
    if internal:
        return "crash", "internal_error finding: " + internal[0].message
    return "ok", ""


def _worker(conn: Any, seed: int, file_share: float, big_every: int, mem_mb: int) -> None:
    import resource

    import logging

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    logging.disable(logging.CRITICAL)  # pdfminer's warnings about broken files would flood stderr
    if mem_mb:
        lim = mem_mb * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (lim, lim))
    seeds, files = load_seed_texts(), load_seed_files()
    import govdisclosure  # noqa: F401 - import before timing

    while True:
        index = conn.recv()
        if index is None:
            return
        kind, name, payload, fname = make_input(seed, index, seeds, files, file_share, big_every)
        size = len(payload.encode("utf-8", "surrogatepass")) if kind == "text" else len(payload)
        conn.send(("start", index, kind, name, size))
        t0 = time.perf_counter()
        outcome, detail = run_one(kind, payload, fname)
        dt = time.perf_counter() - t0
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
        conn.send(("done", index, outcome, detail, dt, rss))


class _Slot:
    def __init__(self, ctx: Any, args: tuple[Any, ...]) -> None:
        self.ctx, self.args = ctx, args
        self.start()

    def start(self) -> None:
        self.conn, child = self.ctx.Pipe()
        self.proc = self.ctx.Process(target=_worker, args=(child, *self.args), daemon=True)
        self.proc.start()
        child.close()
        self.job: tuple[int, str, str, int, float] | None = None  # index, kind, mutator, size, deadline

    def kill(self) -> None:
        try:
            os.kill(self.proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        self.proc.join()
        self.conn.close()


def run(n: int, seed: int, workers: int, file_share: float, big_every: int, mem_mb: int, start: int = 0,
        progress: bool = True) -> dict[str, Any]:
    # not fork: a worker forked from a process that has loaded large libraries (onnxruntime for OCR,
    # in a test run) inherits their address space, and its RLIMIT_AS is spent before it parses
    ctx = mp.get_context("forkserver")
    args = (seed, file_share, big_every, mem_mb)
    slots = [_Slot(ctx, args) for _ in range(workers)]
    outcomes: collections.Counter[str] = collections.Counter()
    by_mut: dict[str, collections.Counter[str]] = collections.defaultdict(collections.Counter)
    max_time: dict[str, tuple[float, int, str]] = {}
    over_bound = 0
    peak_rss = 0
    failures: list[dict[str, Any]] = []
    nxt = start
    done = 0
    t_start = time.time()
    last_print = t_start

    def record(job: tuple[int, str, str, int, float], outcome: str, detail: str, dt: float) -> None:
        nonlocal over_bound, done
        index, kind, mut, size, _ = job
        outcomes[outcome] += 1
        by_mut[mut.split("+")[0] if kind == "text" and not mut.startswith("big") else mut][outcome] += 1
        cls = f"{kind} {size_class(size)}"
        if cls not in max_time or dt > max_time[cls][0]:
            max_time[cls] = (dt, index, mut)
        if dt > time_bound(kind, size):
            over_bound += 1
        if outcome not in ("ok", "typed"):
            failures.append({"index": index, "kind": kind, "mutator": mut, "size": size, "outcome": outcome,
                             "time": round(dt, 3), "detail": detail[:2000]})
            if progress:  # as it happens: a long run can be replayed before it ends
                print(f"FAIL #{index} {outcome} {mut} ({size:,} bytes, {dt:.2f} s): {detail[:200]!r}", file=sys.stderr, flush=True)
        done += 1

    for s in slots:
        if nxt < start + n:
            s.conn.send(nxt)
            nxt += 1
            s.job = (-1, "", "", 0, float("inf"))
    while done < n:
        now = time.time()
        for s in slots:
            if s.job is None:
                continue
            if s.conn.poll(0.02):
                try:
                    msg = s.conn.recv()
                except (EOFError, OSError):
                    msg = None
                if msg is None:  # the worker died (segfault, OOM kill)
                    code = s.proc.exitcode
                    record(s.job, "crash", f"worker died (exit {code})", 0.0)
                    s.kill()
                    s.start()
                    if nxt < start + n:
                        s.conn.send(nxt)
                        nxt += 1
                        s.job = (-1, "", "", 0, float("inf"))
                    continue
                if msg[0] == "start":
                    _, index, kind, mut, size = msg
                    s.job = (index, kind, mut, size, time.time() + time_bound(kind, size))
                else:
                    _, index, outcome, detail, dt, rss = msg
                    peak_rss = max(peak_rss, rss)
                    record(s.job, outcome, detail, dt)  # type: ignore[arg-type]
                    s.job = None
                    if nxt < start + n:
                        s.conn.send(nxt)
                        nxt += 1
                        s.job = (-1, "", "", 0, float("inf"))
            elif now > s.job[4]:
                record(s.job, "timeout", f"killed after {time_bound(s.job[1], s.job[3]):.1f} s", now - s.job[4] + time_bound(s.job[1], s.job[3]))
                s.kill()
                s.start()
                s.job = None
                if nxt < start + n:
                    s.conn.send(nxt)
                    nxt += 1
                    s.job = (-1, "", "", 0, float("inf"))
        if progress and time.time() - last_print > 30:
            last_print = time.time()
            rate = done / max(last_print - t_start, 1e-9)
            print(f"[{done:,}/{n:,}] {dict(outcomes)} {rate:.0f}/s peak_rss={peak_rss} MB", file=sys.stderr, flush=True)
    for s in slots:
        try:
            s.conn.send(None)
        except OSError:
            pass
        s.proc.join(5)
        if s.proc.is_alive():
            s.kill()
    return {
        "inputs": n,
        "seed": seed,
        "start": start,
        "seconds": round(time.time() - t_start, 1),
        "outcomes": dict(outcomes),
        "over_bound": over_bound,
        "max_time_per_size_class": {k: {"seconds": round(v[0], 3), "index": v[1], "mutator": v[2]} for k, v in sorted(max_time.items())},
        "peak_rss_mb": peak_rss,
        "per_mutator": {k: dict(v) for k, v in sorted(by_mut.items())},
        "failures": failures[:200],
    }


def _print(res: dict[str, Any]) -> None:
    o = res["outcomes"]
    print(f"inputs: {res['inputs']:,} (seed {res['seed']}, from #{res['start']}) in {res['seconds']} s")
    print(f"ok: {o.get('ok', 0):,}  typed errors: {o.get('typed', 0):,}  crashes: {o.get('crash', 0)}  "
          f"time-outs: {o.get('timeout', 0)}  invariant violations: {o.get('invariant', 0)}  over time bound: {res['over_bound']}")
    print(f"peak RSS of a worker: {res['peak_rss_mb']} MB")
    print("max time per size class:")
    for k, v in res["max_time_per_size_class"].items():
        print(f"  {k:16} {v['seconds']:8.3f} s  (#{v['index']}, {v['mutator']})")
    print("per mutator (first mutator of the chain):")
    for k, v in res["per_mutator"].items():
        print(f"  {k:18} {v}")
    for f in res["failures"][:20]:
        print(f"FAIL #{f['index']} {f['outcome']} {f['mutator']} ({f['size']:,} bytes, {f['time']} s): {f['detail'][:300]}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="long fuzz run of parse/parse_file")
    ap.add_argument("-n", type=int, default=10000, help="inputs (default 10000)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--start", type=int, default=0, help="first input index")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--file-share", type=float, default=0.02, help="share of inputs that are files (default 0.02)")
    ap.add_argument("--big-every", type=int, default=5000, help="every Nth input is 1-10 MB of text (0: never)")
    ap.add_argument("--mem-mb", type=int, default=DEFAULT_MEM_MB, help="worker address-space limit")
    ap.add_argument("--json", help="write the result here")
    ap.add_argument("--replay", type=int, help="run input #N in this process and print what happens")
    args = ap.parse_args(argv)
    if args.replay is not None:
        kind, name, payload, fname = make_input(args.seed, args.replay, load_seed_texts(), load_seed_files(),
                                                args.file_share, args.big_every)
        print(f"#{args.replay}: {kind} {name} {fname or ''} {len(payload):,} chars/bytes")
        t0 = time.perf_counter()
        print(run_one(kind, payload, fname), f"{time.perf_counter() - t0:.3f} s")
        return 0
    res = run(args.n, args.seed, args.workers, args.file_share, args.big_every, args.mem_mb, args.start)
    _print(res)
    if args.json:
        pathlib.Path(args.json).write_text(json.dumps(res, ensure_ascii=False, indent=1), "utf-8")
    o = res["outcomes"]
    return 1 if (o.get("crash") or o.get("timeout") or o.get("invariant")) else 0


if __name__ == "__main__":
    sys.exit(main())
