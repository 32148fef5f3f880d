"""Synthetic reports: values that satisfy R1–R4, printed cells, labels and phenomena, from a seed.

A :class:`Doc` is everything a rendering needs and everything the score needs: ``gold`` (every key
of the edition, ``None`` for blank, not-applicable and not-printed cells, exactly as the corpus gold
records), ``cells`` (the text printed in each table cell: ``"447,228"``, ``"25.1万元"``, ``"/"``,
``""``), the labels as printed (variants, typos, circled numbers, in-cell line breaks) and ``tags``,
the phenomena it shows, so that the benchmark can score per phenomenon.

``generate(seed)`` draws the phenomena at random; ``generate(seed, phenomena={"np-total"})`` forces
exactly the listed ones on a clean document (the CI sample: one phenomenon per document, so that a
silent error is attributed to it alone).
"""

from __future__ import annotations

import dataclasses
import random
from typing import Any

from govdisclosure import schema

# ---------------------------------------------------------------------------------------------
# Phenomena
# ---------------------------------------------------------------------------------------------

#: Phenomena a document can show, with the probability ``generate(seed)`` gives each.
PHENOMENA: dict[str, float] = {
    "np-total": 0.12,  # only 自然人 and 总计 filled: the five organisation columns blank
    "commercial-only": 0.08,  # 自然人, 商业企业 and 总计 filled, the other four columns blank
    "na-marks": 0.15,  # "/" or "—" printed in place of every 0 (and in blank columns)
    "totals-blank": 0.07,  # the 总计 column of part 三, or part 四's 总计 cells, left blank
    "negative": 0.0,  # 2019 edition: a negative 本年增/减 (set by the values, not drawn)
    "money-unit": 0.2,  # 251000元 / 25.1万元 in a money cell
    "large": 0.2,  # part 二 counts like 447228 and 3985758, part 三 in thousands
    "thousands": 0.1,  # numbers >= 1000 printed with separators: 447,228
    "labels-toml": 0.25,  # wordings listed as variants in fields.toml
    "labels-abbrev": 0.15,  # abbreviated row labels: （二）部分公开, 1.申请人无正当理由逾期不补正
    "labels-typo": 0.15,  # 其它, 事物, 査询, 相关的, …
    "labels-circled": 0.12,  # ①属于国家秘密 in place of 1.属于国家秘密
    "labels-wrapped": 0.25,  # line breaks inside label cells: 商业<br>企业, 2.其他法律行政<br>法规禁止公开
    "single-row-6": 0.1,  # 2021 edition printing （六）其他处理 as one row
    "sparse": 0.15,  # a small office: mostly zeros
}

#: Phenomena that are set from the document rather than drawn.
DERIVED = ("negative", "ed-2019", "ed-2021")

LEVELS = ("部委", "省", "市", "县", "区", "乡镇", "街道", "部门")

ORGANS: dict[str, list[tuple[str, str]]] = {
    # (organ as written in the title, as the gold record names it)
    "部委": [("水利部", "水利部"), ("交通运输部", "交通运输部"), ("国家林业和草原局", "国家林业和草原局"),
             ("生态环境部", "生态环境部"), ("应急管理部", "应急管理部"), ("国家税务总局", "国家税务总局")],
    "省": [("浙江省人民政府", "浙江省人民政府"), ("江西省人民政府", "江西省人民政府"),
           ("甘肃省人民政府办公厅", "甘肃省人民政府办公厅"), ("福建省人民政府", "福建省人民政府")],
    "市": [("淮安市人民政府", "淮安市人民政府"), ("赣州市人民政府", "赣州市人民政府"),
           ("宜昌市人民政府", "宜昌市人民政府"), ("安康市人民政府", "安康市人民政府")],
    "县": [("岚皋县人民政府", "岚皋县人民政府"), ("安吉县人民政府", "安吉县人民政府"),
           ("平潭县人民政府", "平潭县人民政府"), ("南丰县人民政府", "南丰县人民政府")],
    "区": [("杭州市富阳区人民政府", "杭州市富阳区人民政府"), ("福州市鼓楼区人民政府", "福州市鼓楼区人民政府"),
           ("淮安市淮安区人民政府", "淮安市淮安区人民政府")],
    "乡镇": [("岚皋县官元镇人民政府", "岚皋县官元镇人民政府"), ("富阳区上官乡人民政府", "富阳区上官乡人民政府"),
             ("安丘市官庄镇人民政府", "安丘市官庄镇人民政府"), ("淮安区车桥镇人民政府", "淮安区车桥镇人民政府")],
    "街道": [("鼓楼区东街街道办事处", "鼓楼区东街街道办事处"), ("富阳区富春街道办事处", "富阳区富春街道办事处"),
             ("岚皋县城关镇街道办事处", "岚皋县城关镇街道办事处")],
    "部门": [("淮安市生态环境局", "淮安市生态环境局"), ("岚皋县教育局", "岚皋县教育局"),
             ("宜昌市自然资源和规划局", "宜昌市自然资源和规划局"), ("杭州市富阳区卫生健康局", "杭州市富阳区卫生健康局"),
             ("浙江省交通运输厅", "浙江省交通运输厅")],
}

NOTE = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
RESULTS_GROUP = "三、本年度办理结果"
CIRCLED = "①②③④⑤⑥⑦⑧⑨"

# new label variants, keyed by part 三 row key (applications.<row>)
TYPOS: dict[str, str] = {
    "withheld.prohibited_by_law": "2.其它法律行政法规禁止公开",
    "withheld.internal_affairs": "5.属于三类内部事物信息",
    "withheld.query_matters": "8.属于行政査询事项",
    "withheld.process_info": "6.属于四类过程信息",
    "unavailable.not_held": "1.本机关不掌握相关的政府信息",
    "unavailable.needs_creation": "2.没有现成信息需另行制作",
    "withheld.third_party_rights": "4.保护第三方合法利益",
    "not_processed.petition_complaint": "1.信访、举报、投诉类申请",
}
ABBREVIATIONS: dict[str, str] = {
    "partly_granted": "（二）部分公开",
    "other_processing.overdue_correction": "1.申请人无正当理由逾期不补正",
    "other_processing.unpaid_fee": "2.申请人逾期未按收费通知要求缴纳费用",
    "not_processed.reconfirmation": "5.要求确认或重新出具已获取信息",
    "withheld.security_stability": "3.危及三安全一稳定",
    "new_received": "一、本年新收政府信息公开申请",
    "carried_over": "二、上年结转政府信息公开申请",
}
COLUMN_TYPOS = {"other_org": "其它"}


def display(label: str) -> str:
    """A fields.toml label (key-normalised: ASCII brackets, '.' for 、) as the template prints it."""
    s = label
    if "三安全一稳定" in s and "“" not in s:
        s = s.replace("三安全一稳定", "“三安全一稳定”")
    s = s.replace(".行政机关", "、行政机关")
    return s.replace("(", "（").replace(")", "）").replace(",", "，").replace(":", "：")


# ---------------------------------------------------------------------------------------------
# The document
# ---------------------------------------------------------------------------------------------


@dataclasses.dataclass
class Doc:
    seed: int
    edition: str
    year: int
    level: str
    organ: str  # as written in the title
    title: str
    single_row: bool  # part 三 （六） printed as one row
    gold: dict[str, Any]  # every key of the edition
    cells: dict[str, str]  # printed keys -> cell text
    labels: dict[str, str]  # "row:<key>", "col:<key>", "group:<label>", "active:..." -> printed label
    tags: list[str]
    published: str

    def gold_record(self, source: str) -> dict[str, Any]:
        """The gold record, in the shape of corpus/real/*.gold.json."""
        return {
            "source": source,
            "edition": self.edition,
            "year": self.year,
            "organ": self.organ,
            "fields": dict(self.gold),
            "notes": f"synthetic (benchmarks/synth), seed {self.seed}; phenomena: {', '.join(self.tags)}",
        }

    def to_json(self) -> dict[str, Any]:
        return dataclasses.asdict(self)

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> Doc:
        return cls(**d)


def app_rows(edition: str, single_row: bool) -> list[schema.Label]:
    rows = []
    for r in schema.load().app_rows_for(edition):
        if r.key.startswith("other_processing.") and (r.key == "other_processing.total") != single_row:
            continue
        rows.append(r)
    return rows


def printed_keys(edition: str, single_row: bool) -> list[str]:
    out = []
    for k in schema.keys(edition):
        if k.startswith("applications.other_processing.") and k.startswith("applications.other_processing.total.") != single_row:
            continue
        out.append(k)
    return out


# ---------------------------------------------------------------------------------------------
# Values
# ---------------------------------------------------------------------------------------------

_COLS = ("natural_person", "commercial_enterprise", "research_institution", "public_interest_org",
         "legal_service_agency", "other_org")


class _Distinct:
    """Draws that avoid values already used in the same column, so a misplaced cell shows."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.used: dict[str, set[int]] = {}

    def draw(self, where: str, lo: int, hi: int, p_zero: float) -> int:
        if self.rng.random() < p_zero:
            return 0
        used = self.used.setdefault(where, set())
        for _ in range(8):
            v = self.rng.randint(lo, hi)
            if v not in used:
                break
        used.add(v)
        return v


def _values(edition: str, single_row: bool, tags: set[str], rng: random.Random) -> dict[str, Any]:
    """Numbers for every printed key (blank columns as 0): R1–R4 hold."""
    s = schema.load()
    d = _Distinct(rng)
    sparse = "sparse" in tags
    large = "large" in tags
    v: dict[str, Any] = {}
    for block in s.active:
        if edition not in block.editions:
            continue
        for r in block.rows_for(edition):
            for c in block.columns_for(edition):
                k = f"active.{r.key}.{c.key}"
                pz = 0.6 if sparse else 0.1
                if c.money:
                    if rng.random() < pz:
                        x: Any = 0.0
                    elif r.key == "procurement":
                        x = float(rng.choice((rng.randint(1000, 999999), rng.randint(10, 9999) * 100)))
                    else:
                        x = round(rng.uniform(0.5, 99999), rng.choice((1, 2, 2, 4)))
                elif c.signed:
                    x = d.draw("signed", 1, 80, pz) * (-1 if rng.random() < 0.4 else 1)
                elif c.key == "decisions":
                    x = d.draw("dec", 100000, 4000000, pz) if large else d.draw("dec", 1, 20000, pz)
                elif c.key in ("in_force", "total_published", "previous"):
                    x = d.draw("big", 10, 1500, pz)
                else:
                    x = d.draw(c.key, 1, 90, pz)
                v[k] = x
    rows = app_rows(edition, single_row)
    processed = [r.key for r in rows if r.processed]
    scale = {"natural_person": (1, 3000 if large else 400), "commercial_enterprise": (1, 80),
             "research_institution": (1, 12), "public_interest_org": (1, 12),
             "legal_service_agency": (1, 40), "other_org": (1, 25)}
    for c in _COLS:
        lo, hi = scale[c]
        pz = 0.75 if sparse else (0.15 if c in ("natural_person", "commercial_enterprise") else 0.35)
        for r in processed:
            v[f"applications.{r}.{c}"] = d.draw(c, lo, hi, pz)
        tp = sum(v[f"applications.{r}.{c}"] for r in processed)
        cf = d.draw(c, lo, max(lo, hi // 3), pz)
        co = rng.randint(0, tp + cf) if rng.random() < 0.7 else 0
        v[f"applications.total_processed.{c}"] = tp
        v[f"applications.carried_forward.{c}"] = cf
        v[f"applications.carried_over.{c}"] = co
        v[f"applications.new_received.{c}"] = tp + cf - co
    for r in rows:
        v[f"applications.{r.key}.total"] = sum(v[f"applications.{r.key}.{c}"] for c in _COLS)
    for g in s.review_groups:
        parts = [d.draw(g.key, 1, 30 if g.key == "review" else 12, 0.6 if sparse else 0.25) for _ in range(4)]
        for c, x in zip(s.review_columns, [*parts, sum(parts)], strict=True):
            v[f"{g.key}.{c.key}"] = x
    return v


def _blank_columns(v: dict[str, Any], edition: str, single_row: bool, keep: tuple[str, ...]) -> list[str]:
    """Zero the organisation columns not in ``keep`` (then blanked) and redo the 总计 column."""
    gone = [c for c in _COLS if c not in keep]
    for r in app_rows(edition, single_row):
        for c in gone:
            v[f"applications.{r.key}.{c}"] = 0
    # R1 must still hold per column: rebuild the rows 一/二/四 of the kept columns is not needed
    # (each column was built on its own); the 总计 column is the sum of what is left
    for r in app_rows(edition, single_row):
        v[f"applications.{r.key}.total"] = sum(v[f"applications.{r.key}.{c}"] for c in _COLS)
    return [f"applications.{r.key}.{c}" for r in app_rows(edition, single_row) for c in gone]


def check_relations(v: dict[str, Any], edition: str, single_row: bool) -> list[str]:
    """R1–R4 on the numbers (``None`` counts as 0): the names of those that fail."""
    s = schema.load()

    def n(k: str) -> float:
        x = v.get(k)
        return x if isinstance(x, (int, float)) else 0

    rows = app_rows(edition, single_row)
    processed = [r.key for r in rows if r.processed]
    bad = []
    for c in (*_COLS, "total"):
        a = f"applications.{{}}.{c}".format
        if n(a("new_received")) + n(a("carried_over")) != n(a("total_processed")) + n(a("carried_forward")):
            bad.append(f"R1 {c}")
        if sum(n(a(r)) for r in processed) != n(a("total_processed")):
            bad.append(f"R2 {c}")
    for r in rows:
        if sum(n(f"applications.{r.key}.{c}") for c in _COLS) != n(f"applications.{r.key}.total"):
            bad.append(f"R3 {r.key}")
    for g in s.review_groups:
        if sum(n(f"{g.key}.{c.key}") for c in s.review_columns[:4]) != n(f"{g.key}.total"):
            bad.append(f"R4 {g.key}")
    return bad


# ---------------------------------------------------------------------------------------------
# Printed cells
# ---------------------------------------------------------------------------------------------


def _fmt(x: Any, *, thousands: bool, money: bool, signed: bool, plus: bool) -> str:
    if isinstance(x, float) or money:
        s = repr(float(x))
        if s.endswith(".0"):
            s = s[:-2]
        whole, _, frac = s.lstrip("-").partition(".")
    else:
        whole, frac = str(abs(int(x))), ""
    if thousands and len(whole) > 3:
        whole = f"{int(whole):,}"
    out = whole + ("." + frac if frac else "")
    if x < 0:
        out = "-" + out
    elif signed and plus and x > 0:
        out = "+" + out
    return out


def generate(seed: int, phenomena: set[str] | frozenset[str] | None = None, edition: str | None = None) -> Doc:
    """The synthetic document of ``seed``; ``phenomena`` forces exactly those (else drawn)."""
    rng = random.Random(seed)
    edition = edition or rng.choice(("2019", "2021", "2021"))
    if phenomena is not None:  # "ed-2019" / "ed-2021" among forced phenomena choose the edition
        for ed in ("2019", "2021"):
            if f"ed-{ed}" in phenomena:
                edition = ed
        phenomena = {p for p in phenomena if not p.startswith("ed-")}
    if phenomena is None:
        tags = {p for p, prob in PHENOMENA.items() if rng.random() < prob}
        if "np-total" in tags and "commercial-only" in tags:
            tags.discard("commercial-only")
    else:
        tags = set(phenomena)
    if edition == "2019":
        tags.discard("single-row-6")
    single_row = edition == "2019" or "single-row-6" in tags
    year = rng.choice((2019, 2020)) if edition == "2019" else rng.choice((2021, 2022, 2023, 2024))
    level = rng.choice(LEVELS)
    organ, _ = rng.choice(ORGANS[level])
    title = rng.choice((
        f"{organ}{year}年政府信息公开工作年度报告",
        f"{organ}{year}年度政府信息公开工作年度报告",
        f"{organ}关于{year}年政府信息公开工作年度报告",
    ))

    v = _values(edition, single_row, tags, rng)
    blanked: list[str] = []
    if "np-total" in tags:
        blanked = _blank_columns(v, edition, single_row, ("natural_person",))
    elif "commercial-only" in tags:
        blanked = _blank_columns(v, edition, single_row, ("natural_person", "commercial_enterprise"))
    bad = check_relations(v, edition, single_row)
    assert not bad, (seed, bad)

    # printed cells and gold
    thousands = "thousands" in tags
    plus = rng.random() < 0.3
    na_mark = rng.choice(("/", "—", "/", "-", "——"))
    s = schema.load()
    money_keys = {f"active.{r.key}.{c.key}" for b in s.active for r in b.rows for c in b.columns if c.money}
    signed_keys = {f"active.{r.key}.{c.key}" for b in s.active for r in b.rows for c in b.columns if c.signed}
    cells: dict[str, str] = {}
    gold: dict[str, Any] = {k: None for k in schema.keys(edition)}
    blank_fill = na_mark if "na-marks" in tags else rng.choice(("", "", "\u00a0"))
    for k in printed_keys(edition, single_row):
        x = v[k]
        if k in blanked:
            cells[k] = blank_fill
            continue
        if "na-marks" in tags and x == 0 and k not in ("applications.total_processed.total",):
            cells[k] = na_mark
            continue
        money = k in money_keys
        text = _fmt(x, thousands=thousands, money=money, signed=k in signed_keys, plus=plus)
        if money and "money-unit" in tags and x:
            if k == "active.procurement.amount" and rng.random() < 0.6:
                text = _fmt(x, thousands=False, money=True, signed=False, plus=False) + "元"
            else:
                text += "万元"
        cells[k] = text
        gold[k] = float(x) if money else x
    if "totals-blank" in tags:
        if rng.random() < 0.5:
            ks = [f"applications.{r.key}.total" for r in app_rows(edition, single_row)]
        else:
            ks = [f"{g.key}.total" for g in s.review_groups]
        for k in ks:
            cells[k] = ""
            gold[k] = None
    if edition == "2019" and any(isinstance(gold[k], int) and gold[k] < 0 for k in signed_keys if k in gold):
        tags.add("negative")
    tags.add(f"ed-{edition}")

    tags.update(_cell_writing(cells, gold, seed, blanked))
    labels = _labels(edition, single_row, tags, rng)
    published = f"{year + 1}年{rng.randint(1, 3)}月{rng.randint(1, 28)}日"
    return Doc(seed, edition, year, level, organ, title, single_row, gold, cells, labels, sorted(tags), published)


#: cell writings of real reports beyond the plain digits (format.md §5), each drawn on its own
CELL_WRITINGS: dict[str, float] = {
    "cw-fullwidth": 0.06,  # １２３ and １，２３４ (a full-width input method)
    "cw-jian": 0.06,  # 12件 in part 三 and 四's cells
    "cw-wu": 0.06,  # 无 / ／ / － in place of a 0 or in a blank column
    "cw-pad": 0.06,  # a space before or after the number (Word cells: `0 `)
}
FILLER_SHARE = 0.06  # cw-filler: 1–3 counts written 详见附表 / 见下表 / * (from v6)
FILLERS = ("详见附表", "见附表", "详见附件", "*", "＊", "见下表")
_FULLWIDTH = str.maketrans("0123456789,.-", "０１２３４５６７８９，．－")


def _cell_writing(cells: dict[str, str], gold: dict[str, Any], seed: int, blanked: list[str]) -> set[str]:
    """Rewrite ``cells`` in the writings drawn for ``seed`` (from a generator of their own, so that
    every other draw stays what it was), a 0 written as a mark blank in ``gold``; the names of
    those applied."""
    rng = random.Random(seed * 13 + 7)
    drawn = {w for w, p in CELL_WRITINGS.items() if rng.random() < p}
    counts = [k for k in cells if k.startswith(("applications.", "review.", "litigation"))]
    # (from v6, from a generator of its own, so that the draws above and below stay what they were)
    frng = random.Random(seed * 31 + 11)
    if frng.random() < FILLER_SHARE:
        # a filler in place of a count (详见附表, 见下表, *): the cell holds no number, gold None
        drawn.add("cw-filler")
        full = [k for k in counts if cells[k].strip() not in ("", "0") and any(ch.isdigit() for ch in cells[k])]
        for k in frng.sample(full, min(len(full), frng.randint(1, 3))):
            cells[k] = frng.choice(FILLERS)
            gold[k] = None
    if "cw-wu" in drawn:
        mark = rng.choice(("无", "／", "－", "无"))
        for k in counts:
            if cells[k] in ("/", "—", "-", "——") or k in blanked or (cells[k] == "0" and k != "applications.total_processed.total"):
                cells[k] = mark
                gold[k] = None
    for k, text in cells.items():
        if not text.strip() or not any(ch.isdigit() for ch in text):
            continue
        if "cw-jian" in drawn and k in counts:
            text += "件"
        if "cw-fullwidth" in drawn:
            text = text.translate(_FULLWIDTH)
        if "cw-pad" in drawn and rng.random() < 0.5:
            text = rng.choice((" ", "  ", "\u3000")) + text if rng.random() < 0.3 else text + " "
        cells[k] = text
    return drawn


# ---------------------------------------------------------------------------------------------
# Labels
# ---------------------------------------------------------------------------------------------


def _circled(label: str) -> str:
    if len(label) > 2 and label[0].isdigit() and label[1] == ".":
        return CIRCLED[int(label[0]) - 1] + label[2:]
    return label


def _wrap(label: str, rng: random.Random) -> str:
    if len(label) < 6:
        return label
    cut = rng.randint(2, len(label) - 2)
    return label[:cut] + "\n" + label[cut:]


def _labels(edition: str, single_row: bool, tags: set[str], rng: random.Random) -> dict[str, str]:
    s = schema.load()
    out: dict[str, str] = {}
    for block in s.active:
        if edition not in block.editions:
            continue
        out[f"caption:{block.item}"] = display(block.caption) if rng.random() < 0.8 else display(block.caption).replace("条第", "条 第")
        for r in block.rows_for(edition):
            lab = "规范性文件" if (edition == "2019" and r.key == "normative_documents") else r.label
            out[f"active-row:{r.key}"] = display(lab)
        for c in block.columns_for(edition):
            lab = c.label
            if edition == "2019" and c.key == "decisions":
                lab = "处理决定数量"
            lab = display(lab)
            if "labels-toml" in tags and c.key == "repealed" and rng.random() < 0.5:
                lab = "本年度止件数"
            if "labels-toml" in tags and c.key == "amount" and edition == "2021" and rng.random() < 0.5:
                lab = "本年收费金额（单位：万元，保留4位小数）"
            if "labels-wrapped" in tags and rng.random() < 0.4:
                lab = _wrap(lab, rng)
            out[f"active-col:{block.item}:{c.key}"] = lab
    for r in app_rows(edition, single_row):
        lab = display(r.label)
        if "labels-toml" in tags and rng.random() < 0.4:
            full = [x for x in r.variants if not x.endswith(("(区分处理的",)) and len(x) > 4]
            if full:
                lab = display(rng.choice(full))
        if "labels-abbrev" in tags and r.key in ABBREVIATIONS and rng.random() < 0.7:
            lab = ABBREVIATIONS[r.key]
        if "labels-typo" in tags and r.key in TYPOS and rng.random() < 0.6:
            lab = TYPOS[r.key]
        if "labels-circled" in tags:
            lab = _circled(lab)
        if "labels-wrapped" in tags and len(lab) > 9 and rng.random() < 0.5:
            lab = _wrap(lab, rng)
        out[f"row:{r.key}"] = lab
        if r.group:
            out.setdefault(f"group:{r.group}", display(r.group))
    for c in s.app_columns:
        lab = c.label
        if "labels-toml" in tags and c.variants and rng.random() < 0.5:
            lab = c.variants[0]
        if "labels-typo" in tags and c.key in COLUMN_TYPOS and rng.random() < 0.6:
            lab = COLUMN_TYPOS[c.key]
        if "labels-wrapped" in tags and len(lab) >= 4 and rng.random() < 0.7:
            lab = lab[: len(lab) // 2] + "\n" + lab[len(lab) // 2:]
        out[f"col:{c.key}"] = lab
    for c in s.review_columns:
        lab = c.label
        if "labels-wrapped" in tags and rng.random() < 0.6:
            lab = lab[:2] + "\n" + lab[2:]
        out[f"rcol:{c.key}"] = lab
    return out
