"""Render a synthetic document as the real sources are made, then through the converters users run.

Sources (files, scored through ``govdisclosure.parse_file``):

==============  =====================================================================
``word-html``   Word's HTML export (rowspan/colspan, ``&nbsp;`` blanks, often GB2312)
``cms-html``    a government site's article page (site chrome, sometimes minified)
``docx``        python-docx, merged cells as gridSpan/vMerge
``chromium-pdf`` the Word HTML printed by headless Chromium (sometimes with its header/footer)
``cms-pdf``     the site's article page printed by headless Chromium (a reader saving the web page)
``lo-pdf``      the DOCX converted by LibreOffice
==============  =====================================================================

Texts (scored through ``govdisclosure.parse``) come from ``benchmarks/derive.py``'s converter table
(:data:`benchmarks.derive.CONVERTERS`): ``<source>.<converter>``, e.g. ``word-html.w3m``,
``lo-pdf.pdftotext-layout``, ``docx.pandoc-gfm``, ``cms-html.crawler``.

Everything is cached under ``CACHE/<version>/<seed>/`` so that a second run only parses.
"""

from __future__ import annotations

import json
import os
import pathlib
import random
import shutil
import subprocess
import tempfile

from benchmarks import derive

from .generate import Doc, generate
from .tables import paratext_tags
from .writers import cms_html, docx_bytes, docx_phenomena, word_html

#: Bump when the generator or a writer changes: cached renderings of another version are not reused.
VERSION = "v6"

#: source name -> (file name in the cache folder, format for the converter table)
SOURCES = {
    "word-html": ("word.html", "html"),
    "cms-html": ("cms.html", "html"),
    "docx": ("doc.docx", "docx"),
    "chromium-pdf": ("chromium.pdf", "pdf"),
    "cms-pdf": ("cms.pdf", "pdf"),
    "lo-pdf": ("lo.pdf", "pdf"),
}
#: sources made in Python alone (fast: the CI sample uses these)
TEXT_SOURCES = ("word-html", "cms-html", "docx")
#: converters that need no external program and are fast (the CI sample)
FAST_CONVERTERS = ("lxml", "crawler", "w3m", "lynx", "pandoc-plain", "pandoc-gfm")


def renderings(sources: tuple[str, ...] = tuple(SOURCES), converters: tuple[str, ...] | None = None) -> list[str]:
    """Every rendering name: each source as a file, and through each installed converter of its format."""
    out = []
    for src in sources:
        if src in ("chromium-pdf", "cms-pdf") and not shutil.which("chromium"):
            continue
        if src == "lo-pdf" and not shutil.which("soffice"):
            continue
        out.append(src)
        for conv in derive.available(SOURCES[src][1]):
            if converters is None or conv in converters:
                out.append(f"{src}.{conv}")
    return out


def _chromium(html: pathlib.Path, pdf: pathlib.Path, header_footer: bool) -> None:
    profile = pathlib.Path(tempfile.gettempdir()) / f"synth-chromium-{os.getpid()}"
    cmd = ["chromium", "--headless", "--no-sandbox", "--disable-gpu", f"--user-data-dir={profile}",
           f"--print-to-pdf={pdf}", html.resolve().as_uri()]
    if not header_footer:
        cmd.insert(4, "--no-pdf-header-footer")
    subprocess.run(cmd, capture_output=True, timeout=120, check=True)


def _libreoffice(docx: pathlib.Path, pdf: pathlib.Path) -> None:
    profile = pathlib.Path(tempfile.gettempdir()) / f"synth-lo-{os.getpid()}"
    outdir = pdf.parent / ".lo"
    outdir.mkdir(exist_ok=True)
    subprocess.run(["soffice", "--headless", f"-env:UserInstallation={profile.as_uri()}", "--convert-to", "pdf",
                    "--outdir", str(outdir), str(docx)], capture_output=True, timeout=180, check=True)
    (outdir / (docx.stem + ".pdf")).replace(pdf)
    shutil.rmtree(outdir, ignore_errors=True)


def build(seed: int, folder: pathlib.Path, wanted: list[str], phenomena: frozenset[str] | None = None) -> Doc:
    """Write the sources and converter texts of ``wanted`` renderings into ``folder`` (kept when there)."""
    folder.mkdir(parents=True, exist_ok=True)
    meta = folder / "doc.json"
    if meta.exists():
        doc = Doc.from_json(json.loads(meta.read_text(encoding="utf-8")))
    else:
        doc = generate(seed, phenomena)
        rng = random.Random(seed * 1000003 + 17)
        data, enc = word_html(doc, rng)
        (folder / "word.html").write_bytes(data)
        if enc != "utf-8":
            doc.tags.append("word-gb2312")
        data, minified = cms_html(doc, rng)
        (folder / "cms.html").write_bytes(data)
        if minified:
            doc.tags.append("cms-minified")
        (folder / "doc.docx").write_bytes(docx_bytes(doc, rng))
        doc.tags.extend(docx_phenomena(doc))
        doc.tags.extend(paratext_tags(doc))
        if rng.random() < 0.3:
            doc.tags.append("pdf-header-footer")
        doc.tags.sort()
        (folder / "gold.json").write_text(json.dumps(doc.gold_record(f"synth-{seed}"), ensure_ascii=False, indent=1), encoding="utf-8")
        meta.write_text(json.dumps(doc.to_json(), ensure_ascii=False), encoding="utf-8")
    for name in wanted:
        src, _, conv = name.partition(".")
        fname, fmt = SOURCES[src]
        path = folder / fname
        if not path.exists():
            if src == "chromium-pdf":
                _chromium(folder / "word.html", path, "pdf-header-footer" in doc.tags)
            elif src == "cms-pdf":
                _chromium(folder / "cms.html", path, "pdf-header-footer" in doc.tags)
            elif src == "lo-pdf":
                _libreoffice(folder / "doc.docx", path)
        if conv:
            out = folder / f"{name}.txt"
            if not out.exists():
                _, fn = derive.CONVERTERS[fmt][conv]
                tmp = out.with_suffix(".tmp")
                tmp.write_text(fn(path), encoding="utf-8")
                tmp.replace(out)
    return doc


def rendering_path(folder: pathlib.Path, name: str) -> pathlib.Path:
    src, _, conv = name.partition(".")
    return folder / (f"{name}.txt" if conv else SOURCES[src][0])


def dump(seed: int, out: pathlib.Path, phenomena: frozenset[str] | None = None) -> list[pathlib.Path]:
    """Every rendering of one document, and its gold record, into ``out`` as corpus-style files
    (``synth-SEED.<rendering>.<ext>`` beside ``synth-SEED.gold.json``: score.py reads the folder)."""
    names = renderings()
    tmp = out / f".synth-{seed}"
    doc = build(seed, tmp, names, phenomena)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    stem = f"synth-{seed}"
    gold = out / f"{stem}.gold.json"
    gold.write_text(json.dumps(doc.gold_record(f"{stem}.word-html.html"), ensure_ascii=False, indent=1), encoding="utf-8")
    written.append(gold)
    for name in names:
        p = rendering_path(tmp, name)
        ext = p.suffix
        target = out / f"{stem}.{name}{ext}"
        shutil.copy(p, target)
        written.append(target)
    (out / f"{stem}.meta.json").write_text(json.dumps({"seed": seed, "tags": doc.tags}, ensure_ascii=False, indent=1), encoding="utf-8")
    shutil.rmtree(tmp, ignore_errors=True)
    return written


def prebuild_libreoffice(folders: list[tuple[int, pathlib.Path]], workers: int = 2, chunk: int = 40) -> None:
    """Convert the DOCX of every folder lacking ``lo.pdf`` in a few batched LibreOffice runs
    (one start-up per batch, not per document), ``workers`` batches at a time."""
    if not shutil.which("soffice"):
        return
    todo = [(seed, f) for seed, f in folders if not (f / SOURCES["lo-pdf"][0]).exists()]
    if not todo:
        return
    for seed, f in todo:
        build(seed, f, [])  # the DOCX (and the doc) if not there yet
    stage = pathlib.Path(tempfile.mkdtemp(prefix="synth-lo-batch-"))
    try:
        batches = [todo[i : i + chunk] for i in range(0, len(todo), chunk)]
        running: list[tuple[subprocess.Popen[bytes], list[tuple[int, pathlib.Path]], pathlib.Path]] = []

        def finish(p: subprocess.Popen[bytes], batch: list[tuple[int, pathlib.Path]], outdir: pathlib.Path) -> None:
            p.wait(timeout=1800)
            for seed, f in batch:
                pdf = outdir / f"{seed}.pdf"
                if pdf.exists():
                    pdf.replace(f / SOURCES["lo-pdf"][0])

        for k, batch in enumerate(batches):
            indir, outdir = stage / f"in{k}", stage / f"out{k}"
            indir.mkdir()
            outdir.mkdir()
            for seed, f in batch:
                (indir / f"{seed}.docx").symlink_to((f / "doc.docx").resolve())
            profile = pathlib.Path(tempfile.gettempdir()) / f"synth-lo-{os.getpid()}-{k % workers}"
            cmd = ["soffice", "--headless", f"-env:UserInstallation={profile.as_uri()}", "--convert-to", "pdf",
                   "--outdir", str(outdir), *sorted(str(p) for p in indir.iterdir())]
            if len(running) >= workers:
                finish(*running.pop(0))
            running.append((subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL), batch, outdir))
        for r in running:
            finish(*r)
    finally:
        shutil.rmtree(stage, ignore_errors=True)
