"""Derived renderings: every gold document through the converters the corpus does not show it in.

usage: python benchmarks/derive.py [OUT_DIR] [--corpus corpus] [--fixtures tests/fixtures/files]
then:  python ../shared/tools/score.py OUT_DIR      (or: python benchmarks/run.py --corpus OUT_DIR)

The shared corpus shows each real phenomenon on one document: the crawler's glued cells on
pingtan-2022, plain pdftotext's block order on huaian.  A private set of other reports is judged
through the same converters, so this harness puts *every* gold document through each of them and
writes ``NAME.<rendering>.txt`` with a copy of ``NAME.gold.json`` into OUT_DIR (default
``benchmarks/out/derived``):

- ``crawler-oneline``  what a crawler's text dump of the web page gives (pingtan-2022's shape taken to
  its end): every whitespace gone, cells, labels and paragraphs run together on one line;
- ``crawler-glued``    spaces and tabs gone, line breaks kept;
- ``flattened``        every run of whitespace one space (a page's text copied as one paragraph);
- ``pdftotext``, ``pdftotext-layout``, ``pdfplumber``  of every PDF among the corpus and the file
  fixtures (needs poppler-utils' pdftotext; skipped with a note when it is missing);
- ``pandoc-plain``, ``pandoc-md``, ``pandoc-gfm``  of every DOCX fixture (pandoc's plain text, its
  markdown, and GitHub markdown, which writes tables with merged cells as HTML, one tag a line);
- ``markitdown-pdf``, ``markitdown-html``  Microsoft's markitdown of every fixture and corpus PDF and
  HTML (its PDF tables merge columns into one pipe cell: "| 21 0 |"; its DOCX converter refuses
  python-docx's and Word's files);
  only where a ``markitdown`` command is on PATH (``pip install 'markitdown[pdf,docx]'`` in a venv
  of its own: its dependencies are not the project's);
- ``pymupdf4llm-pdf``  pymupdf4llm's markdown of every PDF (merged cells repeated, ``Col2`` headers),
  where ``benchmarks/tools/pymupdf4llm-md`` is on PATH (its docstring says how to install it);
- ``pypdf-pdf``, ``pdfminer-pdf``  the pure-Python readers' ``extract_text`` of every PDF (pypdf keeps a
  table row on a line; pdfminer's text boxes print a table column by column, a cell a paragraph);
- ``browser-copy-html``  what select-all and copy in Chromium gives (``innerText``: cells joined by
  tabs, a paragraph cell between blank lines, so blank lines do not end rows), where ``chromium`` is
  on PATH;
- ``python-docx-docx``  a python-docx script's text of every DOCX (paragraphs and tables in body order,
  a row's ``row.cells`` joined by tabs, a merged cell repeated in each column it spans);
- ``w3m``, ``lynx``  text dumps of every HTML fixture (what a text browser prints: w3m draws the
  tables with box-drawing borders, lynx drops blank cells; skipped with a note when not installed:
  apt-get install -y w3m lynx).  The page is decoded first (govdisclosure's decoder), as a browser
  would from its charset.

The crawler renderings start from the document's cleanest text (its ``.txt``/``.md``, else its
pdfplumber rendering); markdown pipes and separator rows are dropped first, as a page's text would
not have them.  Gold values do not change with the rendering, so the gold record is copied as is.
"""

from __future__ import annotations

import argparse
import functools
import pathlib
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterable, Iterator

import regex

ROOT = pathlib.Path(__file__).resolve().parent.parent

_MD_SEPARATOR_ROW = regex.compile(r"^\s*\|?[\s:|-]*-{2,}[\s:|-]*\|?\s*$", regex.M)
_SPACES = regex.compile(r"[ \t\u3000]+")
_WHITESPACE = regex.compile(r"\s+")


def page_text(text: str) -> str:
    """The text a browser shows for a markdown or text rendering: no pipes, no ``|---|`` rows, no ``**``."""
    text = _MD_SEPARATOR_ROW.sub("", text)
    return text.replace("|", " ").replace("**", "")


def crawler_renderings(text: str) -> dict[str, str]:
    """The three whitespace-losing renderings of a document's text."""
    page = page_text(text)
    return {
        "crawler-oneline": _WHITESPACE.sub("", page),
        "crawler-glued": _SPACES.sub("", page),
        "flattened": _WHITESPACE.sub(" ", page).strip() + "\n",
    }


def _source_text(gold: pathlib.Path) -> pathlib.Path | None:
    stem = gold.name[: -len(".gold.json")]
    for name in (f"{stem}.txt", f"{stem}.md", f"{stem}.pdfplumber.txt"):
        p = gold.parent / name
        if p.exists():
            return p
    return None


# ---- the converter table: one function per converter, shared with benchmarks/synth -----------------

#: pdftotext's renderings: name -> extra arguments
PDFTOTEXT = {"pdftotext": [], "pdftotext-layout": ["-layout"]}


def pdftotext(pdf: pathlib.Path, name: str) -> bytes:
    """``pdftotext [-layout] PDF -``: the bytes it writes (UTF-8)."""
    res = subprocess.run(["pdftotext", *PDFTOTEXT[name], str(pdf), "-"], capture_output=True, check=True, timeout=120)
    return res.stdout


def pdfplumber_text(pdf: pathlib.Path) -> str:
    """pdfplumber's ``extract_text`` of every page, joined by line breaks."""
    import pdfplumber

    with pdfplumber.open(pdf) as doc:
        return "\n".join(page.extract_text() or "" for page in doc.pages) + "\n"


def text_browser(page: pathlib.Path, name: str) -> bytes:
    """A text browser's dump (``name`` in :data:`_TEXT_BROWSERS`) of a UTF-8 HTML file."""
    res = subprocess.run([*_TEXT_BROWSERS[name], str(page)], capture_output=True, timeout=60, check=True)
    return res.stdout


def utf8_page(data: bytes) -> str:
    """An HTML page decoded as a browser would from its charset, its charset then said to be UTF-8."""
    from govdisclosure.inputs.text import decode

    text, _, _ = decode(data)
    return regex.sub(r"(?i)charset\s*=\s*[\"']?[\w-]+", "charset=utf-8", text)


def pandoc(docx: pathlib.Path, name: str) -> bytes:
    """pandoc's rendering ``name`` (in :data:`_PANDOC`) of a DOCX file."""
    fmt, _ = _PANDOC[name]
    res = subprocess.run(["pandoc", "-f", "docx", "-t", fmt, "--wrap=none", str(docx)], capture_output=True, check=True, timeout=120)
    return res.stdout


def lxml_text(data: bytes) -> str:
    """``lxml.html.fromstring(page).text_content()``: what a Python scraper gets from the page."""
    import lxml.html

    return lxml.html.fromstring(utf8_page(data)).text_content()


_BLOCKS = frozenset({"p", "div", "h1", "h2", "h3", "h4", "li", "br", "title", "section", "article"})


def crawler_html(data: bytes) -> str:
    """A crawler's text dump of a page: a line per paragraph; each table one line, its whitespace gone
    (the shape of pingtan-2022: '规章000行政规范性文件8855698')."""
    import lxml.html

    root = lxml.html.fromstring(utf8_page(data))
    for bad in root.xpath("//script|//style|//head"):
        bad.drop_tree()
    lines: list[str] = []
    buf: list[str] = []

    def flush() -> None:
        line = _SPACES.sub(" ", "".join(buf)).strip()
        if line:
            lines.append(line)
        buf.clear()

    def walk(el) -> None:  # type: ignore[no-untyped-def]
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag == "table":
            flush()
            lines.append(_WHITESPACE.sub("", el.text_content()))
        else:
            if tag in _BLOCKS:
                flush()
            buf.append(el.text or "")
            for child in el:
                walk(child)
            if tag in _BLOCKS:
                flush()
        buf.append(el.tail or "")

    walk(root)
    flush()
    return "\n".join(lines) + "\n"


def _pdf_renderings(pdf: pathlib.Path, stem: str, out: pathlib.Path, notes: list[str]) -> int:
    n = 0
    if shutil.which("pdftotext"):
        for name in PDFTOTEXT:
            (out / f"{stem}.{name}.txt").write_bytes(pdftotext(pdf, name))
            n += 1
    else:
        notes.append("pdftotext not found (apt-get install -y poppler-utils): its renderings are skipped")
    (out / f"{stem}.pdfplumber.txt").write_text(pdfplumber_text(pdf), encoding="utf-8")
    return n + 1


_TEXT_BROWSERS = {
    "w3m": ["w3m", "-dump", "-cols", "200", "-I", "UTF-8", "-O", "UTF-8", "-T", "text/html"],
    "lynx": ["lynx", "-dump", "-width=200", "-nolist", "-assume_charset=utf-8", "-display_charset=utf-8"],
}


def _html_renderings(page: pathlib.Path, stem: str, out: pathlib.Path, notes: list[str]) -> int:
    text = utf8_page(page.read_bytes())
    n = 0
    tmp = out / f".{stem}.utf8.html"
    tmp.write_text(text, encoding="utf-8")
    try:
        for name, cmd in _TEXT_BROWSERS.items():
            if shutil.which(cmd[0]) is None:
                notes.append(f"{cmd[0]} not found (apt-get install -y {cmd[0]}): its renderings are skipped")
                continue
            (out / f"{stem}.{name}.txt").write_bytes(text_browser(tmp, name))
            n += 1
    finally:
        tmp.unlink()
    return n


_PANDOC = {"pandoc-plain": ("plain", "txt"), "pandoc-md": ("markdown", "md"), "pandoc-gfm": ("gfm", "md")}


def _run(args: list[str]) -> str:
    res = subprocess.run(args, capture_output=True, check=True, timeout=300)
    return res.stdout.decode("utf-8", "replace")


def _page_tool(cmd: list[str]) -> Callable[[pathlib.Path], str]:
    """A converter that reads an HTML page from a file, its path where ``cmd`` says ``{}``: run on a
    UTF-8 copy of the page (decoded first, as a browser would from its charset)."""

    def convert(page: pathlib.Path) -> str:
        tmp = page.with_name(f".{page.stem}.{cmd[0]}.utf8.html")
        tmp.write_text(utf8_page(page.read_bytes()), encoding="utf-8")
        try:
            return _run([str(tmp) if a == "{}" else a for a in cmd])
        finally:
            tmp.unlink()

    return convert


def markitdown(path: pathlib.Path) -> str:
    """Microsoft's markitdown of a file (PDF through pdfminer and pdfplumber's tables, HTML through
    markdownify); a ``markitdown`` on PATH, installed in a venv of its own."""
    return _run(["markitdown", str(path)])


def pymupdf4llm(pdf: pathlib.Path) -> str:
    """pymupdf4llm's markdown of a PDF (``benchmarks/tools/pymupdf4llm-md`` on PATH, in a venv of its own)."""
    return _run(["pymupdf4llm-md", str(pdf)])


def pypdf_text(pdf: pathlib.Path) -> str:
    """pypdf's ``extract_text`` of every page (the pure-Python reader many scripts start from)."""
    import pypdf

    return "\n".join(page.extract_text() or "" for page in pypdf.PdfReader(pdf).pages) + "\n"


def pdfminer_text(pdf: pathlib.Path) -> str:
    """pdfminer.six's ``high_level.extract_text``: text boxes in reading order, so a table often comes
    out column by column, a cell a paragraph."""
    import logging

    from pdfminer.high_level import extract_text

    log = logging.getLogger("pdfminer")
    level = log.level
    log.setLevel(logging.ERROR)  # its font warnings, only while it reads (the caller's level after)
    try:
        return extract_text(str(pdf))
    finally:
        log.setLevel(level)


_INNER_TEXT = ("<script>addEventListener('load',()=>{const t=document.body.innerText;"
               "document.body.textContent='';const p=document.createElement('pre');p.id='__inner_text';"
               "p.textContent=t;document.body.appendChild(p);});</script>")


def browser_copy(page: pathlib.Path) -> str:
    """What select-all and copy in a browser gives: Chromium's ``innerText`` of the page (cells joined
    by tabs, rows by line breaks, and a cell's paragraphs on lines of their own: the one-cell-per-line
    text of real copies)."""
    import html
    import tempfile

    text = utf8_page(page.read_bytes())
    text = text.replace("</body>", _INNER_TEXT + "</body>") if "</body>" in text else text + _INNER_TEXT
    with tempfile.TemporaryDirectory(prefix="browser-copy-") as tmp:
        src = pathlib.Path(tmp) / "page.html"
        src.write_text(text, encoding="utf-8")
        res = subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu", f"--user-data-dir={tmp}/profile",
                              "--dump-dom", src.as_uri()], capture_output=True, check=True, timeout=120)
    m = regex.search(r'<pre id="__inner_text">(.*?)</pre>', res.stdout.decode("utf-8", "replace"), regex.S)
    if m is None:
        raise RuntimeError(f"chromium gave no innerText for {page}")
    return html.unescape(m.group(1))


def pdfium_text(pdf: pathlib.Path) -> str:
    """PDFium's text of every page (pypdfium2 ``get_text_range``: text in content-stream order, a
    line break where PDFium sees one; its CRLF line ends are the user's too)."""
    import pypdfium2

    doc = pypdfium2.PdfDocument(str(pdf))
    try:
        return "\n".join(doc[i].get_textpage().get_text_range() for i in range(len(doc))) + "\n"
    finally:
        doc.close()


def pymupdf_text(pdf: pathlib.Path, mode: str) -> str:
    """PyMuPDF's ``pymupdf gettext -mode simple|layout`` (a ``pymupdf`` on PATH, in a venv of its own:
    it is AGPL software)."""
    import tempfile

    with tempfile.TemporaryDirectory(prefix="pymupdf-") as tmp:
        out = pathlib.Path(tmp) / "out.txt"
        subprocess.run(["pymupdf", "gettext", "-mode", mode, "-output", str(out), str(pdf)], capture_output=True, check=True, timeout=300)
        return out.read_text(encoding="utf-8", errors="replace")


def python_docx_text(docx: pathlib.Path) -> str:
    """A python-docx script's text: paragraphs and tables in body order, each table row its
    ``row.cells`` texts joined by tabs (a merged cell repeated in every column it spans)."""
    import docx as python_docx

    lines: list[str] = []
    for block in python_docx.Document(str(docx)).iter_inner_content():
        if isinstance(block, python_docx.table.Table):
            lines.extend("\t".join(cell.text for cell in row.cells) for row in block.rows)
        else:
            lines.append(block.text)
    return "\n".join(lines) + "\n"


#: The converter table: a file's format -> rendering name -> (the command it needs or None, a
#: function of the file's path giving the rendered text).  derive() writes the pdf, w3m/lynx and
#: pandoc ones for the fixtures; benchmarks/synth runs every one on its synthetic files.
CONVERTERS: dict[str, dict[str, tuple[str | None, Callable[[pathlib.Path], str]]]] = {
    "pdf": {
        "pdftotext": ("pdftotext", lambda p: pdftotext(p, "pdftotext").decode("utf-8", "replace")),
        "pdftotext-layout": ("pdftotext", lambda p: pdftotext(p, "pdftotext-layout").decode("utf-8", "replace")),
        "pdfplumber": (None, pdfplumber_text),
        "markitdown": ("markitdown", markitdown),
        "pymupdf4llm": ("pymupdf4llm-md", pymupdf4llm),
        "pypdf": (None, pypdf_text),
        "pdfminer": (None, pdfminer_text),
        "pdfium": (None, pdfium_text),
        "pymupdf": ("pymupdf", functools.partial(pymupdf_text, mode="simple")),
        "pymupdf-layout": ("pymupdf", functools.partial(pymupdf_text, mode="layout")),
    },
    "html": {
        "w3m": ("w3m", _page_tool([*_TEXT_BROWSERS["w3m"], "{}"])),
        "lynx": ("lynx", _page_tool([*_TEXT_BROWSERS["lynx"], "{}"])),
        "lxml": (None, lambda p: lxml_text(p.read_bytes())),
        "crawler": (None, lambda p: crawler_html(p.read_bytes())),
        "markitdown": ("markitdown", markitdown),
        "browser-copy": ("chromium", browser_copy),
        "inscriptis": ("inscript", _page_tool(["inscript", "{}"])),
        "html2text": ("html2text", _page_tool(["html2text", "{}", "utf-8"])),
        "bs4": ("bs4-text", _page_tool(["bs4-text", "{}"])),
    },
    # (markitdown 0.1.9's DOCX converter refuses python-docx's files: "Could not find the body element")
    "docx": {
        **{name: ("pandoc", functools.partial(lambda p, n: pandoc(p, n).decode("utf-8", "replace"), n=name)) for name in _PANDOC},
        "python-docx": (None, python_docx_text),
        "docx2txt": ("docx2txt", lambda p: _run(["docx2txt", str(p)])),
    },
}


def available(fmt: str) -> dict[str, Callable[[pathlib.Path], str]]:
    """The converters of :data:`CONVERTERS` for ``fmt`` whose command is installed."""
    return {name: fn for name, (cmd, fn) in CONVERTERS[fmt].items() if cmd is None or shutil.which(cmd)}


def _docx_renderings(docx: pathlib.Path, stem: str, out: pathlib.Path, notes: list[str]) -> int:
    if shutil.which("pandoc") is None:
        notes.append("pandoc not found (apt-get install -y pandoc): its renderings are skipped")
        return 0
    for name, (_, ext) in _PANDOC.items():
        (out / f"{stem}.{name}.{ext}").write_bytes(pandoc(docx, name))
    return len(_PANDOC)


#: the converters run on every corpus and fixture file of a format they read (their entries in
#: :data:`CONVERTERS`): the markdown converters of LLM pipelines, the pure-Python PDF readers, a
#: browser's select-all and copy, a python-docx script
_MORE_CONVERTERS = {
    "markitdown": "md", "pymupdf4llm": "md", "html2text": "md",
    **dict.fromkeys(("pypdf", "pdfminer", "pdfium", "pymupdf", "pymupdf-layout", "browser-copy", "inscriptis", "bs4",
                     "python-docx", "docx2txt"), "txt"),
}


def _more_renderings(src: pathlib.Path, stem: str, out: pathlib.Path, notes: list[str]) -> int:
    n = 0
    fmt = src.suffix.lstrip(".")
    for name, ext in _MORE_CONVERTERS.items():
        if name not in CONVERTERS.get(fmt, {}):
            continue
        cmd, fn = CONVERTERS[fmt][name]
        if cmd is not None and shutil.which(cmd) is None:
            notes.append(f"{cmd} not found (see {name} in the converter table): its renderings are skipped")
            continue
        try:
            text = fn(src)
        except subprocess.CalledProcessError:
            notes.append(f"{name} failed on {src.name}")
            continue
        (out / f"{stem}.{name}-{fmt}.{ext}").write_text(text, encoding="utf-8")
        n += 1
    return n


def _with_gold(files: Iterable[pathlib.Path], out: pathlib.Path) -> Iterator[tuple[pathlib.Path, str]]:
    """The files that have a gold record beside them (broken fixtures aside), with their stem; the
    gold record is copied into ``out``."""
    for src in sorted(files):
        stem = src.name.split(".")[0]
        gold = src.with_name(f"{stem}.gold.json")
        if gold.exists() and "broken" not in src.parts:
            shutil.copy(gold, out / gold.name)
            yield src, stem


def derive(out: pathlib.Path, corpus: pathlib.Path, fixtures: pathlib.Path) -> tuple[int, list[str]]:
    """Write every derived rendering into ``out``; return how many, and notes."""
    out.mkdir(parents=True, exist_ok=True)
    notes: list[str] = []
    count = 0
    for gold in sorted(corpus.rglob("*.gold.json")):
        stem = gold.name[: -len(".gold.json")]
        src = _source_text(gold)
        if src is None:
            notes.append(f"{stem}: no text rendering to derive from")
            continue
        shutil.copy(gold, out / gold.name)
        for name, text in crawler_renderings(src.read_text(encoding="utf-8")).items():
            (out / f"{stem}.{name}.txt").write_text(text, encoding="utf-8")
            count += 1
    for pdf, stem in _with_gold(fixtures.rglob("*.pdf"), out):  # the corpus keeps its PDF renderings already
        count += _pdf_renderings(pdf, stem, out, notes)
    for docx, stem in _with_gold(fixtures.glob("*.docx"), out):
        count += _docx_renderings(docx, stem, out, notes)
    for page, stem in _with_gold(fixtures.glob("*.htm*"), out):
        count += _html_renderings(page, stem, out, notes)
    for folder in (corpus, fixtures):
        files = [*folder.rglob("*.pdf"), *folder.rglob("*.docx"), *folder.rglob("*.html")]
        for src, stem in _with_gold(files, out):
            count += _more_renderings(src, stem, out, notes)
    return count, sorted(set(notes))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("out", nargs="?", default=str(ROOT / "benchmarks" / "out" / "derived"))
    ap.add_argument("--corpus", default=str(ROOT / "corpus"))
    ap.add_argument("--fixtures", default=str(ROOT / "tests" / "fixtures" / "files"))
    args = ap.parse_args(argv)
    n, notes = derive(pathlib.Path(args.out), pathlib.Path(args.corpus), pathlib.Path(args.fixtures))
    for note in notes:
        print(f"note: {note}", file=sys.stderr)
    print(f"{n} renderings written to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
