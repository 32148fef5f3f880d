"""Write the hostile input fixtures into tests/fixtures/hostile/ (small on disk, every one).

    .venv/bin/python scripts/make_hostile.py            # (re)write all
    .venv/bin/python scripts/make_hostile.py --check    # exit 1 if a fixture differs from what this makes

Each file exercises one defence documented in SECURITY.md:

* ``xxe-file.html`` / ``xxe-file.docx``: an external entity pointing at a canary file
  (``/tmp/govdisclosure-xxe-canary.txt``, written by the tests) and at a loopback URL; the canary's
  text must never appear in the output and no connection may be made.
* ``billion-laughs.docx``: nested internal entities (10⁹ expansions).
* ``bomb-ratio.docx``: a 40 MB document.xml of blanks deflated to ~40 KB (1000:1).
* ``bomb-lying.docx``: the central directory claims 2 KB; the stream inflates to 40 MB.
* ``nested-div.html`` (5 000 nested divs), ``nested-table.html`` (400 nested tables),
  ``colspan.html`` (colspan/rowspan 999999999 and junk spans).
* ``truncated.pdf``, ``encrypted.pdf`` (user password), ``owner-only.pdf`` (encrypted, empty user
  password: readable), ``image-only.pdf``, ``garbage.pdf`` (header then junk), ``loop.pdf`` (a page
  tree whose Kids point back at itself), ``many-pages.pdf`` (600 blank pages, over max_pdf_pages).

Deterministic: no timestamps (zip entries carry a fixed date), so --check can compare bytes.
"""

from __future__ import annotations

import argparse
import io
import pathlib
import sys
import zipfile

ROOT = pathlib.Path(__file__).resolve().parents[1]
OUT = ROOT / "tests" / "fixtures" / "hostile"
CANARY_PATH = "/tmp/govdisclosure-xxe-canary.txt"
# A port nothing listens on by default; the tests open a listener there to detect fetches.
CANARY_URL = "http://127.0.0.1:47591/xxe"
REPORT_SNIPPET = "一、总体情况\n本年度主动公开信息12条。\n三、收到和处理政府信息公开申请情况\n"

_DATE = (2020, 1, 1, 0, 0, 0)
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    "</Types>"
)
RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" '
    'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
    'Target="word/document.xml"/></Relationships>'
)


def _doc_xml(body: str, doctype: str = "") -> str:
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' + doctype +
        f'<w:document xmlns:w="{W_NS}"><w:body>{body}</w:body></w:document>'
    )


def _para(text: str) -> str:
    return f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>"


def docx(members: dict[str, bytes | str], level: int = 6) -> bytes:
    """A zip with fixed timestamps; [Content_Types].xml and _rels/.rels added if missing."""
    members = {"[Content_Types].xml": CONTENT_TYPES, "_rels/.rels": RELS, **members}
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED, compresslevel=level) as z:
        for name, data in members.items():
            zi = zipfile.ZipInfo(name, date_time=_DATE)
            zi.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(zi, data.encode("utf-8") if isinstance(data, str) else data, compresslevel=level)
    return buf.getvalue()


def _lie_about_size(data: bytes, member: str, claimed: int) -> bytes:
    """Rewrite the uncompressed size of ``member`` in both the local header and the central directory."""
    import struct

    out = bytearray(data)
    name = member.encode()
    # local file header: signature PK\3\4, uncompressed size at offset 22, name at 30
    i = out.find(b"PK\x03\x04" + b"")
    while i >= 0:
        nlen = struct.unpack_from("<H", out, i + 26)[0]
        if bytes(out[i + 30 : i + 30 + nlen]) == name:
            struct.pack_into("<I", out, i + 22, claimed)
        i = out.find(b"PK\x03\x04", i + 4)
    # central directory header: signature PK\1\2, uncompressed size at 24, name at 46
    i = out.find(b"PK\x01\x02")
    while i >= 0:
        nlen = struct.unpack_from("<H", out, i + 28)[0]
        if bytes(out[i + 46 : i + 46 + nlen]) == name:
            struct.pack_into("<I", out, i + 24, claimed)
        i = out.find(b"PK\x01\x02", i + 4)
    return bytes(out)


# -- PDF ----------------------------------------------------------------------------------------
def pdf(objects: list[bytes], root: int = 1, trailer_extra: bytes = b"") -> bytes:
    """A PDF from object bodies (object i+1 = objects[i]) with a correct xref table."""
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for i, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    out += b"trailer\n<< /Size %d /Root %d 0 R %s>>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, root, trailer_extra, xref)
    return bytes(out)


def _stream(data: bytes, extra: bytes = b"") -> bytes:
    return b"<< /Length %d %s>>\nstream\n" % (len(data), extra) + data + b"\nendstream"


def text_pdf(lines: list[str], pages: int = 1) -> bytes:
    """ASCII text pages in Helvetica (enough for the readers; CJK needs embedded fonts)."""
    objs: list[bytes] = [b"<< /Type /Catalog /Pages 2 0 R >>", b""]
    font = 3
    objs.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    kids = []
    for p in range(pages):
        ops = b"BT /F1 11 Tf 72 760 Td 14 TL " + b" ".join(b"(%s) '" % ln.encode("ascii") for ln in lines) + b" ET"
        content = len(objs) + 1
        objs.append(_stream(ops))
        page = len(objs) + 1
        objs.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents %d 0 R "
            b"/Resources << /Font << /F1 %d 0 R >> >> >>" % (content, font)
        )
        kids.append(page)
    objs[1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(b"%d 0 R" % k for k in kids), len(kids))
    return pdf(objs)


def blank_pages_pdf(pages: int) -> bytes:
    objs: list[bytes] = [b"<< /Type /Catalog /Pages 2 0 R >>", b""]
    kids = []
    for _ in range(pages):
        kids.append(len(objs) + 1)
        objs.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>")
    objs[1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(b"%d 0 R" % k for k in kids), len(kids))
    return pdf(objs)


def image_only_pdf() -> bytes:
    import zlib

    w = h = 64
    raw = bytes((x ^ y) & 0xFF for y in range(h) for x in range(w))
    img = _stream(zlib.compress(raw), b"/Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray "
                  b"/BitsPerComponent 8 /Filter /FlateDecode " % (w, h))
    ops = b"q 400 0 0 400 100 300 cm /Im1 Do Q"
    return pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /XObject << /Im1 5 0 R >> >> >>",
        _stream(ops),
        img,
    ])


def loop_pdf() -> bytes:
    # The page tree's Kids include the tree itself, and a page's Parent points at another page.
    return pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>",
        b"<< /Type /Page /Parent 3 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
        _stream(b"BT /F1 11 Tf 72 760 Td (loop) Tj ET"),
    ])


def encrypted_pdf(user: str, owner: str) -> bytes:
    from pypdf import PdfReader, PdfWriter

    w = PdfWriter(clone_from=PdfReader(io.BytesIO(text_pdf(["2023 annual report", "Part 1"]))))
    w.encrypt(user_password=user, owner_password=owner, algorithm="RC4-128")
    # pypdf writes a random /ID (the key derivation needs one): --check skips these files' bytes
    buf = io.BytesIO()
    w.write(buf)
    return buf.getvalue()


# -- HTML ---------------------------------------------------------------------------------------
def xxe_html() -> bytes:
    return (
        '<?xml version="1.0"?>\n'
        f'<!DOCTYPE html [<!ENTITY xxe SYSTEM "file://{CANARY_PATH}"><!ENTITY net SYSTEM "{CANARY_URL}">'
        f'<!ENTITY % pe SYSTEM "{CANARY_URL}/pe"> %pe;]>\n'
        '<html><head><meta charset="utf-8"><title>年度报告</title>'
        f'<link rel="stylesheet" href="{CANARY_URL}/css"><script src="{CANARY_URL}/js"></script></head>'
        f'<body><h1>2023年某县政府信息公开工作年度报告</h1><p>&xxe;</p><p>&net;</p>'
        f'<img src="{CANARY_URL}/img"><iframe src="file://{CANARY_PATH}"></iframe>'
        f'<p>{REPORT_SNIPPET.replace(chr(10), "</p><p>")}</p></body></html>'
    ).encode("utf-8")


def nested_html(depth: int, tag: str = "div") -> bytes:
    if tag == "table":
        open_, close = "<table><tr><td>", "</td></tr></table>"
    else:
        open_, close = f"<{tag}>", f"</{tag}>"
    return (
        '<html><head><meta charset="utf-8"></head><body>' + open_ * depth + "一、总体情况 三、收到和处理政府信息公开申请情况" +
        close * depth + "</body></html>"
    ).encode("utf-8")


def colspan_html() -> bytes:
    rows = [
        '<tr><td colspan="999999999" rowspan="999999999">三、收到和处理政府信息公开申请情况</td><td>1</td></tr>',
        '<tr><td colspan="-5">（一）予以公开</td><td rowspan="0">2</td><td colspan="1e9">3</td><td colspan=" 7 ">4</td></tr>',
        '<tr><td colspan="2147483648">（二）部分公开</td><td colspan="65535" rowspan="65535">5</td></tr>',
    ]
    return (
        '<html><head><meta charset="utf-8"></head><body><p>一、总体情况</p><table>' + "".join(rows) * 50 +
        "</table></body></html>"
    ).encode("utf-8")


# -- DOCX ---------------------------------------------------------------------------------------
def xxe_docx() -> bytes:
    dt = (
        f'<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file://{CANARY_PATH}"><!ENTITY net SYSTEM "{CANARY_URL}">'
        f'<!ENTITY % pe SYSTEM "{CANARY_URL}/pe"> %pe;]>'
    )
    body = _para("一、总体情况") + _para("&xxe;") + _para("&net;") + _para("本年度主动公开信息12条。")
    return docx({"word/document.xml": _doc_xml(body, dt)})


def billion_laughs_docx() -> bytes:
    ents = '<!ENTITY lol0 "lol">' + "".join(
        f'<!ENTITY lol{i} "{("&lol%d;" % (i - 1)) * 10}">' for i in range(1, 10)
    )
    return docx({"word/document.xml": _doc_xml(_para("一、总体情况") + _para("&lol9;"), f"<!DOCTYPE w:document [{ents}]>")})


def bomb_ratio_docx() -> bytes:
    big = _doc_xml(_para("一、总体情况") + " " * (40 * 1024 * 1024) + _para("本年度主动公开信息12条。"))
    return docx({"word/document.xml": big}, level=9)


def bomb_lying_docx() -> bytes:
    big = _doc_xml(_para("一、总体情况") + " " * (40 * 1024 * 1024))
    return _lie_about_size(docx({"word/document.xml": big}, level=9), "word/document.xml", 2048)


def truncated_pdf() -> bytes:
    src = ROOT / "tests" / "fixtures" / "files" / "pdf-seed003.pdf"
    data = src.read_bytes() if src.exists() else text_pdf(["2023 annual report"] * 40, pages=3)
    return data[: len(data) // 2]


FIXTURES = {
    "xxe-file.html": xxe_html,
    "xxe-file.docx": xxe_docx,
    "billion-laughs.docx": billion_laughs_docx,
    "bomb-ratio.docx": bomb_ratio_docx,
    "bomb-lying.docx": bomb_lying_docx,
    "nested-div.html": lambda: nested_html(5000),
    "nested-table.html": lambda: nested_html(400, "table"),
    "colspan.html": colspan_html,
    "truncated.pdf": truncated_pdf,
    "encrypted.pdf": lambda: encrypted_pdf("secret", "owner"),
    "owner-only.pdf": lambda: encrypted_pdf("", "owner"),
    "image-only.pdf": image_only_pdf,
    "garbage.pdf": lambda: b"%PDF-1.7\n" + bytes((i * 7919) % 251 for i in range(4000)),
    "loop.pdf": loop_pdf,
    "many-pages.pdf": lambda: blank_pages_pdf(600),
}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="compare instead of writing")
    args = ap.parse_args(argv)
    OUT.mkdir(parents=True, exist_ok=True)
    bad = 0
    for name, make in FIXTURES.items():
        data = make()
        path = OUT / name
        if args.check:
            if not path.exists() or (path.read_bytes() != data and not name.endswith("crypted.pdf") and name != "owner-only.pdf"):
                print(f"differs: {name}")
                bad += 1
        else:
            path.write_bytes(data)
            print(f"{name:24} {len(data):>9,} bytes")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
