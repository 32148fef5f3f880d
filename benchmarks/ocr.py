"""OCR benchmark: every gold PDF rasterized into image-only PDFs, degraded, parsed back.

Sources: every PDF in ``corpus/real`` and ``tests/fixtures/files`` with a gold record, plus the
Chromium and LibreOffice prints of the HTML fixtures (and of ``corpus/real/*.html``).  Each is
rasterized with ``pdftoppm`` at 100, 150 and 200 dpi and written back as an image-only PDF in five
variants:

* ``clean``  — the pages as rasterized;
* ``jpeg40`` — grayscale JPEG at quality 40;
* ``rot1.5`` — rotated 1.5 degrees;
* ``seal``   — a red seal composited over the table of part 三;
* ``salt``   — salt-and-pepper noise (0.5 % white, 0.5 % black pixels).

Gold is unchanged.  Prints accuracy, silent errors (a wrong value whose status is ok, blank or
not_applicable, as ``../shared/tools/score.py`` counts them) and seconds per page per variant,
beside RapidOCR's own detection+classification+recognition time on the same pages (the floor; with
``--floor`` also a plain ``RapidOCR()(page)`` call per page).  The variant files are left in
``--out`` (``STEM.ocr<dpi>-<variant>.pdf`` beside ``STEM.gold.json``), so the reference scorer runs on
them too: ``python ../shared/tools/score.py OUT``.

    python benchmarks/ocr.py                          # everything (long: ~40 pages × 15 variants)
    python benchmarks/ocr.py --dpi 150 --jobs 2       # one resolution
    python benchmarks/ocr.py --dpi 150 --variants clean seal --docs pdf-huaian
"""

from __future__ import annotations

import argparse
import collections
import concurrent.futures as cf
import io
import json
import os
import pathlib
import random
import shutil
import subprocess
import sys
import tempfile
import time

ROOT = pathlib.Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

DPIS = (100, 150, 200)
VARIANTS = ("clean", "jpeg40", "rot1.5", "seal", "salt")
SILENT = ("ok", "blank", "not_applicable")


# -- sources -------------------------------------------------------------------------------------
def sources(tmp: pathlib.Path, docs: list[str] | None) -> list[tuple[str, pathlib.Path, pathlib.Path]]:
    """(stem, pdf, gold) for every gold PDF and every print of a gold HTML file."""
    out = []
    for d in (ROOT / "corpus" / "real", ROOT / "tests" / "fixtures" / "files"):
        for p in sorted(d.glob("*.pdf")):
            stem = p.name.split(".")[0]
            gold = d / f"{stem}.gold.json"
            if gold.exists():
                out.append((stem, p, gold))
        for h in sorted(d.glob("*.html")):
            stem = h.name.split(".")[0]
            gold = d / f"{stem}.gold.json"
            if not gold.exists():
                continue
            for printer, fn in (("chromium", _chromium), ("lo", _libreoffice)):
                pdf = tmp / "prints" / f"{stem}.{printer}.pdf"
                if not pdf.exists():
                    pdf.parent.mkdir(parents=True, exist_ok=True)
                    try:
                        fn(h, pdf)
                    except (OSError, subprocess.SubprocessError) as exc:
                        print(f"  ({printer} print of {h.name} failed: {exc})", file=sys.stderr)
                        continue
                if pdf.exists() and pdf.stat().st_size > 1000:
                    if _text_layer_ok(pdf, gold):
                        out.append((f"{stem}~{printer}", pdf, gold))
                    else:  # the print itself lost the report (e.g. no charset: mojibake); not an OCR test
                        print(f"  ({printer} print of {h.name} skipped: its own text layer does not parse to the gold)",
                              file=sys.stderr)
    if docs:
        out = [s for s in out if any(d in s[0] for d in docs)]
    return out


def _text_layer_ok(pdf: pathlib.Path, gold_path: pathlib.Path) -> bool:
    import govdisclosure

    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    try:
        rep = govdisclosure.parse_file(str(pdf))
    except Exception:
        return False
    c = score(rep, gold)
    return c["right"] == c["fields"]


def _chromium(src: pathlib.Path, dst: pathlib.Path) -> None:
    exe = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
    if not exe:
        raise OSError("no chromium")
    with tempfile.TemporaryDirectory() as prof:
        subprocess.run([exe, "--headless", "--no-sandbox", "--disable-gpu", f"--user-data-dir={prof}",
                        "--no-pdf-header-footer", f"--print-to-pdf={dst}", src.as_uri()],
                       check=True, capture_output=True, timeout=120)


def _libreoffice(src: pathlib.Path, dst: pathlib.Path) -> None:
    exe = shutil.which("soffice") or shutil.which("libreoffice")
    if not exe:
        raise OSError("no libreoffice")
    with tempfile.TemporaryDirectory() as d:
        subprocess.run([exe, f"-env:UserInstallation=file://{d}/u", "--headless", "--convert-to", "pdf",
                        "--outdir", d, str(src)], check=True, capture_output=True, timeout=180)
        got = pathlib.Path(d) / (src.stem + ".pdf")
        shutil.move(str(got), dst)


# -- rasterize and degrade -----------------------------------------------------------------------
def rasterize(pdf: pathlib.Path, dpi: int, tmp: pathlib.Path) -> list[pathlib.Path]:
    d = tmp / "pages" / f"{pdf.stem}-{dpi}"
    if not d.exists():
        d.mkdir(parents=True)
        subprocess.run(["pdftoppm", "-r", str(dpi), "-png", str(pdf), str(d / "p")], check=True)
    return sorted(d.glob("p-*.png"))


def _part3_page(pdf: pathlib.Path) -> tuple[int, float]:
    """(0-based page, share of the page height) where part 三's table starts."""
    out = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True).stdout
    for i, page in enumerate(out.split("\f")):
        lines = page.splitlines()
        for k, ln in enumerate(lines):
            if "收到和处理" in ln:
                return i, min(0.7, (k + 6) / max(len(lines), 1))
    return 0, 0.5


def _seal(size: int) -> object:
    from PIL import Image, ImageDraw

    im = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    d = ImageDraw.Draw(im)
    red = (220, 30, 30, 170)
    w = max(3, size // 40)
    d.ellipse([w, w, size - w, size - w], outline=red, width=w)
    c = size / 2
    # a five-pointed star and arcs of "text" strokes
    import math

    pts = []
    for k in range(10):
        r = size * (0.16 if k % 2 else 0.07)
        a = -math.pi / 2 + k * math.pi / 5
        pts.append((c + r * math.cos(a), c + r * math.sin(a)))
    d.polygon(pts, fill=red)
    for k in range(14):
        a = math.pi * (0.85 + k * 1.3 / 14)
        x, y = c + size * 0.36 * math.cos(a), c + size * 0.36 * math.sin(a)
        d.rectangle([x - size * 0.035, y - size * 0.035, x + size * 0.035, y + size * 0.035], outline=red, width=max(2, w // 2))
    return im


def degrade(pages: list[pathlib.Path], variant: str, dpi: int, seal_at: tuple[int, float]) -> bytes:
    """The pages as one image-only PDF in the variant."""
    from PIL import Image

    rnd = random.Random(13)
    ims = []
    for i, p in enumerate(pages):
        im = Image.open(p).convert("RGB")
        if variant == "jpeg40":
            buf = io.BytesIO()
            im.convert("L").save(buf, "JPEG", quality=40)
            im = Image.open(io.BytesIO(buf.getvalue()))
        elif variant == "rot1.5":
            im = im.rotate(1.5, resample=Image.BICUBIC, expand=False, fillcolor=(255, 255, 255))
        elif variant == "seal" and i == seal_at[0]:
            s = int(im.width * 0.38)
            seal = _seal(s)
            x = int(im.width * 0.45)
            y = int(im.height * seal_at[1])
            y = max(0, min(im.height - s, y))
            im.paste(seal, (x, y), seal)  # type: ignore[arg-type]
        elif variant == "salt":
            import numpy as np

            a = np.asarray(im).copy()
            rng = np.random.default_rng(rnd.randrange(1 << 30))
            m = rng.random(a.shape[:2])
            a[m < 0.005] = 255
            a[m > 0.995] = 0
            im = Image.fromarray(a)
        ims.append(im)
    buf = io.BytesIO()
    ims[0].save(buf, "PDF", save_all=True, append_images=ims[1:], resolution=float(dpi))
    return buf.getvalue()


# -- scoring -------------------------------------------------------------------------------------
def score(rep: object, gold: dict) -> collections.Counter:
    c: collections.Counter = collections.Counter()
    for k, gv in gold["fields"].items():
        c["fields"] += 1
        f = rep.fields.get(k) if rep is not None else None  # type: ignore[attr-defined]
        pv = getattr(f, "value", None)
        st = getattr(f, "status", "missing")
        same = (pv is None and gv is None) or (pv is not None and gv is not None and abs(float(pv) - float(gv)) < 1e-6)
        if same:
            c["right"] += 1
            if st == "doubtful":
                c["doubt_right"] += 1
        else:
            c["wrong"] += 1
            if st in SILENT:
                c["silent"] += 1
            elif st == "doubtful":
                c["doubtful"] += 1
    return c


def run_one(job: tuple[str, str, str, int, str, bool]) -> dict:
    stem, path, gold_path, dpi, variant, floor = job
    import govdisclosure
    from govdisclosure.inputs import ocr

    gold = json.loads(pathlib.Path(gold_path).read_text(encoding="utf-8"))
    ocr.STATS.clear()
    t0 = time.perf_counter()
    err = None
    try:
        rep = govdisclosure.parse_file(path)
        c = score(rep, gold)
        fl = rep.fields
        wrong = [f"{k}={fl[k].value!r}/{g!r}[{fl[k].status}]" for k, g in gold["fields"].items()
                 if k in fl and fl[k].value != g and fl[k].status in SILENT]
    except Exception as exc:  # a benchmark row, not a crash
        err = f"{type(exc).__name__}: {exc}"[:160]
        c = collections.Counter(fields=len(gold["fields"]), wrong=len(gold["fields"]))
        wrong = []
    dt = time.perf_counter() - t0
    pages = ocr.STATS.get("pages", 0)
    res = {"stem": stem, "dpi": dpi, "variant": variant, "seconds": dt, "pages": pages,
           "engine": ocr.STATS.get("engine_seconds", 0.0), "counts": dict(c), "error": err, "silent_list": wrong}
    if floor:
        res["floor"] = _plain_floor(path)
    return res


def _plain_floor(path: str) -> float:
    """Seconds of a plain RapidOCR()(page) call per page image of the PDF (default settings)."""
    import pypdfium2 as pdfium
    from rapidocr_onnxruntime import RapidOCR

    from govdisclosure.inputs import image, ocr

    eng = _plain_floor.__dict__.setdefault("eng", RapidOCR())
    import pdfplumber

    total = 0.0
    with pdfplumber.open(path) as pl:
        doc = pdfium.PdfDocument(path)
        for i, page in enumerate(pl.pages):
            d = image.render_dpi(image._native_dpi(page))
            img = ocr.numpy_from_pil(doc[i].render(scale=d / 72.0).to_pil())
            t = time.perf_counter()
            eng(img)
            total += time.perf_counter() - t
        doc.close()
    return total


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--dpi", type=int, nargs="*", default=list(DPIS))
    ap.add_argument("--variants", nargs="*", default=list(VARIANTS))
    ap.add_argument("--docs", nargs="*", help="only sources whose name contains one of these")
    ap.add_argument("--out", default=str(ROOT / "out" / "ocr-bench"))
    ap.add_argument("--jobs", type=int, default=1)
    ap.add_argument("--floor", action="store_true", help="also time a plain RapidOCR call per page")
    ap.add_argument("--json", help="write the rows here")
    a = ap.parse_args()
    out = pathlib.Path(a.out)
    out.mkdir(parents=True, exist_ok=True)
    tmp = out / "_work"
    srcs = sources(tmp, a.docs)
    jobs = []
    for stem, pdf, gold in srcs:
        seal_at = _part3_page(pdf)
        for dpi in a.dpi:
            pages = rasterize(pdf, dpi, tmp)
            for v in a.variants:
                dst = out / f"{stem}.ocr{dpi}-{v}.pdf"
                if not dst.exists():
                    dst.write_bytes(degrade(pages, v, dpi, seal_at))
                g = out / f"{stem}.gold.json"
                if not g.exists():
                    shutil.copy(gold, g)
                jobs.append((stem, str(dst), str(gold), dpi, v, a.floor))
    print(f"{len(srcs)} sources × {len(a.dpi)} dpi × {len(a.variants)} variants = {len(jobs)} image-only PDFs")
    rows = []
    env_threads = "1" if a.jobs > 1 else os.environ.get("GOVDISCLOSURE_OCR_THREADS", "")
    os.environ["GOVDISCLOSURE_OCR_THREADS"] = env_threads
    if a.jobs > 1:
        with cf.ProcessPoolExecutor(a.jobs) as ex:
            for fut in cf.as_completed([ex.submit(run_one, j) for j in jobs]):
                r = fut.result()
                rows.append(r)
                _row(r)
    else:
        for j in jobs:
            r = run_one(j)
            rows.append(r)
            _row(r)
    print()
    print("| dpi | variant | docs | pages | accuracy | silent | doubtful (wrong) | s/page | RapidOCR s/page | ratio |"
          + (" plain RapidOCR s/page |" if a.floor else ""))
    print("|---|---|---|---|---|---|---|---|---|---|" + ("---|" if a.floor else ""))
    by: dict[tuple[int, str], list[dict]] = collections.defaultdict(list)
    for r in rows:
        by[(r["dpi"], r["variant"])].append(r)
    tot_silent = 0
    for (dpi, v), rs in sorted(by.items()):
        c: collections.Counter = collections.Counter()
        for r in rs:
            c.update(r["counts"])
        pages = sum(r["pages"] for r in rs) or 1
        secs = sum(r["seconds"] for r in rs)
        eng = sum(r["engine"] for r in rs)
        tot_silent += c["silent"]
        line = (f"| {dpi} | {v} | {len(rs)} | {pages} | {c['right'] / max(c['fields'], 1):.4f} | {c['silent']} | "
                f"{c['doubtful']} | {secs / pages:.2f} | {eng / pages:.2f} | {secs / max(eng, 1e-9):.2f} |")
        if a.floor:
            fl = sum(r.get("floor", 0.0) for r in rs)
            line += f" {fl / pages:.2f} |"
        print(line)
    if a.json:
        pathlib.Path(a.json).write_text(json.dumps(rows, indent=1, ensure_ascii=False))
    return 0 if tot_silent == 0 else 1


def _row(r: dict) -> None:
    c = r["counts"]
    acc = c.get("right", 0) / max(c.get("fields", 1), 1)
    print(f"{r['stem']:34s} {r['dpi']:4d} {r['variant']:7s} acc {acc:.4f} silent {c.get('silent', 0):2d} "
          f"doubt {c.get('doubtful', 0):3d} {r['pages']} p {r['seconds']:6.1f} s (ocr {r['engine']:6.1f} s)"
          + (f" ERR {r['error']}" if r["error"] else "") + (" " + "; ".join(r["silent_list"][:3]) if r["silent_list"] else ""),
          flush=True)


if __name__ == "__main__":
    sys.exit(main())
