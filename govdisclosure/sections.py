"""Stage 3: what the document is — its parts, edition, year and organ.

Parts are found by heading *text* in template order (numbered ``一、`` or not, numbered wrongly),
confirmed by table anchors where a heading is missing (第二十条 captions → 二, the 勾稽关系 note → 三,
the 行政复议 header → 四).  The edition comes from the column and row labels, strongest cue first
(format.md §1.1); the year and organ from the title or the opening sentence.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
from dataclasses import dataclass

import regex

from . import schema
from .normalize import KEY_DROP, KEY_MAP, WHITESPACE, Normalized, key
from .report import Finding, Section

__all__ = ["DocInfo", "KeyText", "analyse"]

_NUMERALS = "一二三四五六"
# how far (characters of normalised text) from the start the title may stand: site chrome and a
# crawler's header block (标题/发布时间/原文链接) come first in saved pages
TITLE_WINDOW = 1500
# a heading printed without its numeral must stand on a line of its own: at most this many more
# characters than the label on that line
HEADING_SLACK = 12


@dataclass(frozen=True, slots=True)
class KeyText:
    """The matching key of a text (see normalize.key) with a map back to the normalised text."""

    text: str
    seg_key: tuple[int, ...]
    seg_norm: tuple[int, ...]

    def to_norm(self, k: int) -> int:
        i = bisect.bisect_right(self.seg_key, k) - 1
        if i < 0:
            return 0
        return self.seg_norm[i] + (k - self.seg_key[i])

    def to_key(self, p: int) -> int:
        """First key position at or after normalised position p."""
        i = bisect.bisect_right(self.seg_norm, p) - 1
        if i < 0:
            return 0
        off = p - self.seg_norm[i]
        seg_len = (self.seg_key[i + 1] if i + 1 < len(self.seg_key) else len(self.text)) - self.seg_key[i]
        return self.seg_key[i] + min(off, seg_len)


# (``re``: its split costs two thirds of the ``regex`` module's here; its class spelled out as the
# ``regex`` module's ``\s``, which ``re``'s is not)
_DROP_SPLIT = re.compile("([" + WHITESPACE + re.escape(KEY_DROP) + "]+)")


def keytext(text: str) -> KeyText:
    # one split in C, then the offsets by running sums: no Python step per dropped run (a report has
    # thousands of them: a space or line break between every two cells)
    pieces = _DROP_SPLIT.split(text)  # kept, dropped, kept, …, kept
    lens = list(map(len, pieces))
    kept = lens[0::2]
    at_norm = list(itertools.accumulate(lens, initial=0))[0:-1:2]
    at_key = itertools.accumulate(kept, initial=0)
    out = "".join(pieces[0::2])
    for a, b in KEY_MAP.items():  # one replace() each: translate() looks up every character of the text
        out = out.replace(a, b)
    # the segments of the pieces kept that are not empty (compress: no Python step per piece either)
    return KeyText(out, tuple(itertools.compress(at_key, kept)), tuple(itertools.compress(at_norm, kept)))


@dataclass(frozen=True, slots=True)
class DocInfo:
    edition: str | None
    year: int | None
    organ: str | None
    parts: dict[int, tuple[int, int]]  # part number -> span of normalised text, heading included
    preface: tuple[int, int] | None
    title_span: tuple[int, int] | None
    sections: tuple[Section, ...]
    findings: tuple[Finding, ...]
    keytext: KeyText
    table_span: tuple[int, int] | None = None  # where parts 二–四 stand: the text that is tokenized


# -- title, year, organ -------------------------------------------------------------------------
_ORGAN_CHARS = r"[\p{Han}()·]"
_TITLE_ORGAN_FIRST = regex.compile(
    rf"(?P<organ>{_ORGAN_CHARS}{{2,40}}?)\s*(?P<year>(?:19|20)[0-9]{{2}})\s*年\s*度?\s*(?:的)?\s*(?:政府信息公开|政务公开|信息公开)"
)
_TITLE_YEAR_FIRST = regex.compile(
    rf"(?P<year>(?:19|20)[0-9]{{2}})\s*年\s*度?\s*(?P<organ>{_ORGAN_CHARS}{{2,40}}?)\s*(?:政府信息公开|政务公开|信息公开)"
)
_ORGAN_SUFFIX = r"(?:人民政府办公室|人民政府办公厅|人民政府|政府办公室|办公厅|办公室|委员会|管委会|管理委员会|街道办事处|办事处|街道|实验区|新区|开发区|镇|乡|县|区|市|省|局|厅|委)"
_OPENING = regex.compile(
    rf"(?P<year>(?:19|20)[0-9]{{2}})\s*年(?:度|以来)?\s*[,，]?\s*(?P<organ>(?![我本全])\p{{Han}}{{1,30}}?{_ORGAN_SUFFIX})(?=[\p{{Han}}])"
)
_PERIOD = regex.compile(
    r"(?P<y1>(?:19|20)[0-9]{2})\s*年\s*0?1\s*月\s*0?1\s*日\s*(?:起)?\s*[,，]?\s*(?:至|到|—|-|~)\s*(?:(?P<y2>(?:19|20)[0-9]{2})\s*年\s*)?12\s*月\s*31\s*日"
)
TITLE_MAX_LEN = 60
# the body named in brackets after the title: "某某市2023年…年度报告（某某市发展和改革委员会）"
_TITLE_BRACKETED_ORGAN = regex.compile(rf"(?:报告|年报)\s*\((\p{{Han}}{{2,40}}?{_ORGAN_SUFFIX})\)")
_PREFIX_LABEL = regex.compile(r"^\s*(?:标题|题目|title)\s*[:：]\s*", regex.I)


def _title(text: str) -> tuple[str | None, int | None, tuple[int, int] | None]:
    lines: list[tuple[int, str]] = []
    pos = 0
    for ln in text[:TITLE_WINDOW].split("\n"):
        if ln.strip():
            lines.append((pos, ln))
        pos += len(ln) + 1
    for i in range(min(len(lines), 25)):
        # a title set in a table's cells ("| 平潭综合实验区 | 2022 年政府信息公开工作年度报告 |") reads as one
        window = "".join(_PREFIX_LABEL.sub("", ln.replace("|", "")).strip() for _, ln in lines[i : i + 3])
        first = _PREFIX_LABEL.sub("", lines[i][1].replace("|", "")).strip()
        if len(first) > TITLE_MAX_LEN:
            # a crawler's one-line dump runs the title into the body: the title is what ends in 报告
            k = first.find("报告")
            if not 0 <= k <= TITLE_MAX_LEN:
                continue
            window = first[: k + 2]
        if "报告" not in window and "年报" not in window:
            continue
        m = _TITLE_ORGAN_FIRST.search(window)
        if m is None or _clean_organ(m.group("organ")) is None:
            m = _TITLE_YEAR_FIRST.search(window)  # "2025 年上海市人民政府办公厅政府信息公开工作年度报告"
        if m is None or _clean_organ(m.group("organ")) is None:
            continue
        organ = _clean_organ(m.group("organ")) or ""
        # "某某市2023年政府信息公开工作年度报告（某某市发展和改革委员会）": the body is in brackets after
        after = _TITLE_BRACKETED_ORGAN.search(window, m.end())
        if after is not None and after.group(1).startswith(organ) and len(after.group(1)) > len(organ):
            organ = after.group(1)
        span = (lines[i][0], lines[min(i + 2, len(lines) - 1)][0] + len(lines[min(i + 2, len(lines) - 1)][1]))
        return organ, int(m.group("year")), span
    return None, None, None


# a title that ends in one of these is a document about reports, not a report ("关于报送…年度报告的通知")
_NOT_REPORT_TITLE = regex.compile(r"(?:通知|函|复函|答复|答复书|告知书|决定|意见|公告|通告|批复|请示|新闻|简报)\s*$")
MIN_REPORT_PARTS = 3  # part headings that make a text a report even without its title


def _report_structure(text: str, title_span: tuple[int, int] | None, starts: dict[int, int]) -> bool:
    """A report's shape: its title, or the part headings of one."""
    if len(starts) >= MIN_REPORT_PARTS:
        return True
    if title_span is None:
        return False
    title = text[title_span[0] : title_span[1]].split("\n")
    return not any(_NOT_REPORT_TITLE.search(ln.strip()) for ln in title[:1])


def _clean_organ(organ: str | None) -> str | None:
    if not organ:
        return None
    organ = organ.strip("()·")
    for junk in ("正文", "关于"):
        if organ.startswith(junk):
            organ = organ[len(junk) :]
    if organ.endswith("关于"):  # "某某局关于2023年政府信息公开工作年度报告"
        organ = organ[:-2]
    if organ.endswith("人民"):
        organ += "政府"
    if len(organ) < 2 or organ.startswith(("政府", "政务", "信息公开")):
        return None
    return organ


# -- parts -----------------------------------------------------------------------------------
@functools.cache
def _part_wordings() -> list[tuple[int, tuple[str, ...]]]:
    return [(i + 1, tuple(key(w) for w in p.wordings)) for i, p in enumerate(schema.load().parts)]


_PART4_CAPTIONS = regex.compile(r"行政复议[^\p{Han}]{0,80}行政诉讼")  # (pymupdf4llm: |行政复议|Col2|…|行政诉讼|)
# the ordinal before a heading printed on its own line: "四、", "（四）", "4."
_ANY_NUMERAL = regex.compile(r"(?:[一二三四五六七八九十]{1,2}[.,]|\([一二三四五六七八九十]{1,2}\)|[0-9]{1,2}[.,])$")


#: Padding (spaces of a centred pdftotext -layout heading) allowed around a heading line before the
#: line is too long to be one; checked before the line is copied.
LONG_LINE_PAD = 400


def _find_parts(norm_text: str, kt: KeyText) -> tuple[dict[int, int], list[Finding]]:
    """Start (normalised offset) of each part heading found."""
    found: dict[int, int] = {}
    findings: list[Finding] = []
    cursor = 0
    for num, words in _part_wordings():
        numeral = _NUMERALS[num - 1]
        best: tuple[int, int, str] | None = None  # (key pos, quality, how)
        for w in words:
            k = kt.text.find(numeral + "." + w, cursor)
            if k >= 0 and (best is None or k < best[0]):
                best = (k, 0, "numbered")
        if best is None:  # "（四）政府信息公开行政复议、行政诉讼情况", run into the text around it too
            for w in words:
                k = kt.text.find("(" + numeral + ")" + w, cursor)
                if k >= 0 and (best is None or k < best[0]):
                    best = (k, 0, "renumbered")
        if best is None:
            for w in words:
                start = cursor
                while True:
                    k = kt.text.find(w, start)
                    if k < 0:
                        break
                    start = k + 1
                    p = kt.to_norm(k)
                    ls = norm_text.rfind("\n", 0, p) + 1
                    le = norm_text.find("\n", p)
                    le = len(norm_text) if le < 0 else le
                    if le - ls > HEADING_SLACK + len(w) + LONG_LINE_PAD:
                        continue  # no heading: and copying/keying a 3 MB line per occurrence is quadratic
                    line = norm_text[ls:le].strip()
                    before = key(norm_text[ls:p])
                    m = _ANY_NUMERAL.search(before) if before else None
                    if len(line) <= len(w) + HEADING_SLACK and (not before or m):
                        how = "renumbered" if m else "unnumbered"
                        if best is None or k < best[0]:
                            best = (k - (len(before) if m else 0), 1, how)
                        break
        if best is None:
            continue
        k, _, how = best
        found[num] = kt.to_norm(k)
        cursor = k + 1
        if how != "numbered":
            findings.append(
                Finding(
                    "heading_numeral",
                    "info",
                    f"part {numeral} heading is {'numbered wrongly' if how == 'renumbered' else 'printed without its numeral'}",
                )
            )
    return found, findings


# -- edition ---------------------------------------------------------------------------------
@functools.cache
def _cues() -> dict[str, tuple[str, ...]]:
    s = schema.load()
    out: dict[str, set[str]] = {"2019": set(), "2021": set()}
    for b in s.active:
        for c in b.columns:
            if c.cue:
                for e in c.editions:
                    out[e].update(key(w) for w in c.wordings if len(key(w)) >= 5)
        if b.editions == ("2019",):
            out["2019"].update(key(r.label) for r in b.rows)
        for r in b.rows:
            if r.editions == ("2019",):
                out["2019"].add(key(r.label))
    # 本年收费金额 also prefixes nothing in 2019; 处理决定数量 is shared and is not a cue
    return {e: tuple(sorted(v)) for e, v in out.items()}


#: pandoc's plain text of a table it cannot draw: the line "[TABLE]" alone
_TABLE_PLACEHOLDER = re.compile(r"^[ \t]*\[TABLE\][ \t]*$", re.M)


def _edition(kt: str, year: int | None, findings: list[Finding]) -> str | None:
    cues = _cues()
    score = {e: sum(1 for w in ws if w in kt) for e, ws in cues.items()}
    if score["2019"] and score["2021"]:
        ed = "2021" if score["2021"] >= score["2019"] else "2019"
        findings.append(
            Finding(
                "mixed_edition_cues",
                "warning",
                f"part 二 has column labels of both template editions (2019: {score['2019']}, 2021: "
                f"{score['2021']}); read as the {ed} edition",
            )
        )
        return ed
    if score["2019"]:
        return "2019"
    if score["2021"]:
        return "2021"
    if "逾期不补正" in kt or "逾期未按收费通知" in kt:
        return "2021"
    if year is not None:
        return "2019" if year <= 2020 else "2021"
    if "(六)其他处理" in kt:
        return "2019"
    return None


@functools.cache
def _marker_keys(kind: str) -> tuple[str, ...]:
    """The matching keys of the schema's markers of a kind, in order (the same for every report)."""
    return tuple(key(x) for x in schema.load().markers[kind])


# -- the stage -------------------------------------------------------------------------------
def analyse(
    norm: Normalized,
    *,
    edition_hint: str | None = None,
    year_hint: int | None = None,
    organ_hint: str | None = None,
) -> DocInfo:
    text = norm.text
    kt = keytext(text)
    findings: list[Finding] = []

    organ, year, title_span = _title(text)
    # (the opening sentence only where the title lacks the organ or the year)
    opening = _OPENING.search(text[:4000]) if organ is None or year is None else None
    if organ is None and opening:
        organ = _clean_organ(opening.group("organ"))
    if year is None and opening:
        year = int(opening.group("year"))
    period = _PERIOD.search(text[:6000])
    if period:
        py = int(period.group("y1"))
        if year is None:
            year = py
        elif py != year:
            findings.append(
                Finding(
                    "year_contradiction",
                    "warning",
                    f"the title says {year} but the statistics period printed in the text is {py} "
                    f"({period.group(0)!r}); the title's year is kept",
                    spans=(norm.to_orig(period.span()),),
                )
            )
    if year_hint is not None:
        if year is None:
            year = year_hint
        elif year != year_hint:
            findings.append(
                Finding("hint_contradiction", "warning", f"year hint {year_hint} differs from the document's year {year}; the document's is kept")
            )
    if organ_hint:
        if organ is None:
            organ = organ_hint
        else:
            a, b = organ.replace("人民政府", ""), organ_hint.replace("人民政府", "")
            if a not in b and b not in a:
                findings.append(
                    Finding("hint_contradiction", "warning", f"organ hint {organ_hint!r} differs from the document's organ {organ!r}; the document's is kept")
                )

    starts, pfind = _find_parts(text, kt)
    findings += pfind

    has_template = any(m in kt.text for m in _marker_keys("template"))
    is_report = any(m in kt.text for m in _marker_keys("report"))
    if has_template:
        edition = _edition(kt.text, year, findings)
    elif not is_report and not starts:
        edition = None
        findings.append(
            Finding(
                "not_a_report",
                "error",
                "this text does not look like a 政府信息公开工作年度报告 (no template tables, no part headings, "
                "no mention of 政府信息公开); nothing was extracted",
            )
        )
    elif not _report_structure(text, title_span, starts):
        edition = None
        findings.append(
            Finding(
                "no_report_found",
                "error",
                "this text mentions 政府信息公开 but has no annual report's structure (no report title, no part "
                "headings, no template tables): a letter, notice or news page? nothing was extracted",
            )
        )
    elif year is not None and year <= 2018:
        edition = "legacy"
        findings.append(
            Finding(
                "legacy_layout",
                "info",
                f"a report for {year}, before the 2019 national template: its tables follow an older "
                "local layout and are not read into the template's fields",
            )
        )
    elif year is not None:
        edition = "2019" if year <= 2020 else "2021"
        findings.append(
            Finding(
                "tables_missing",
                "warning",
                "no template table was found (no 第二十条 captions, 勾稽关系 note or part 三/四 row labels); "
                "every field is missing",
            )
        )
    else:
        edition = "legacy"
        findings.append(
            Finding("legacy_layout", "info", "a report without the national template's tables and without a year: read as a legacy layout")
        )
    if edition_hint is not None:
        if edition is None or (edition == "legacy" and not has_template and year is None):
            edition = edition_hint
        elif edition != edition_hint:
            findings.append(
                Finding(
                    "hint_contradiction",
                    "warning",
                    f"edition hint {edition_hint!r} differs from the edition the labels show ({edition!r}); the labels' edition is kept",
                )
            )

    # confirm parts by table anchors where a heading is missing
    if 2 not in starts:
        k = kt.text.find("第二十条第")
        if k >= 0:
            starts[2] = kt.to_norm(k)
    if 3 not in starts:
        k = kt.text.find("勾稽关系", kt.to_key(starts.get(2, 0)))
        if k >= 0:
            ls = text.rfind("\n", 0, kt.to_norm(k)) + 1
            starts[3] = ls
    if 4 not in starts and 3 in starts:  # part 四's captions: 行政复议 beside 行政诉讼, cell borders between
        later = [s for n, s in starts.items() if n > 4]
        m = _PART4_CAPTIONS.search(kt.text, kt.to_key(starts[3]), kt.to_key(min(later)) if later else len(kt.text))
        if m is not None:
            k = m.start()
            ls = text.rfind("\n", 0, kt.to_norm(k)) + 1
            starts[4] = ls if ls > starts[3] else kt.to_norm(k)  # (the caption itself, in a one-line dump)
    order = sorted(starts.items(), key=lambda x: x[1])
    parts: dict[int, tuple[int, int]] = {}
    for idx, (num, s) in enumerate(order):
        e = order[idx + 1][1] if idx + 1 < len(order) else len(text)
        parts[num] = (s, e)
    first = order[0][1] if order else None
    preface = None
    if first is not None:
        ps = title_span[1] if title_span and title_span[1] <= first else 0
        if first > ps:
            preface = (ps, first)

    # the stretch of text the tables can stand in: from part 二 (or the first table anchor) to part 五
    t_lo = min((parts[k][0] for k in (2, 3, 4) if k in parts), default=0)
    later = [parts[k][0] for k in (5, 6) if k in parts and parts[k][0] > t_lo]
    table_span = (t_lo, min(later) if later else len(text))

    sections = tuple(
        Section(num, text[s:e].split("\n", 1)[0].strip()[:60], text[s:e], norm.to_orig((s, e))) for num, (s, e) in sorted(parts.items())
    )
    dropped = len(_TABLE_PLACEHOLDER.findall(text, *table_span)) if edition in ("2019", "2021") else 0
    if dropped:
        findings.append(Finding(
            "table_left_out", "warning",
            f"the text holds {dropped} '[TABLE]' placeholder(s) where its converter left a table out (pandoc's plain "
            "text of a table with merged cells): those cells are not in the text. Convert to markdown (pandoc -t gfm) "
            "or parse the file itself (parse_file)",
        ))
    return DocInfo(
        edition=edition,
        year=year,
        organ=organ,
        parts=parts,
        preface=preface,
        title_span=norm.to_orig(title_span) if title_span else None,
        sections=sections,
        findings=tuple(findings),
        keytext=kt,
        table_span=table_span,
    )
