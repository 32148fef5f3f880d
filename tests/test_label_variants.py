"""Row labels as real reports vary them, in three layouts: every value comes back, or is in doubt.

Each variant rewrites every part 三 label (numbering, spacing, punctuation, a dropped or traditional
character) and renders the table with distinct values per row (row i holds i+1 … so that a shifted
row shows).  A value may be missing or doubtful where a label cannot be read; it may never be wrong
under ok or inferred.  The variants that read back completely are held to that too.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest

import govdisclosure
from govdisclosure import schema

TRAD = str.maketrans("开请处复务无机关补现内确访举诉类额议审结", "開請處複務無機關補現內確訪舉訴類額議審結")

ALL = frozenset({"tabs", "spaces", "pipes"})
VARIANTS: dict[str, tuple[Callable[[str], str], frozenset[str]]] = {
    # name: (rewrite of a label, the layouts in which every value must come back)
    "as-printed": (lambda s: s, ALL),
    "numbers-bracketed": (lambda s: re.sub(r"^(\d)\.", r"（\1）", s), ALL),
    "numbers-circled": (lambda s: re.sub(r"^(\d)\.", lambda m: chr(0x245F + int(m.group(1))), s), ALL),
    "numbers-with-dun": (lambda s: re.sub(r"^(\d)\.", r"\1、", s), ALL),
    "no-sub-numbers": (lambda s: re.sub(r"^(\d)\.", "", s), ALL),
    "groups-with-dun": (lambda s: re.sub(r"^（([一二三四五六七])）", r"\1、", s), ALL),
    # "4 . 无 正 当…" then "19 1 0 …": with spaces between everything the label's 4 is one more number
    "spaced-out": (lambda s: " ".join(s), frozenset({"tabs", "pipes"})),
    "ascii-brackets": (lambda s: s.replace("（", "(").replace("）", ")"), ALL),
    "traditional": (lambda s: s.translate(TRAD), frozenset()),
    "last-char-dropped": (lambda s: s[:-1] if len(s) > 6 else s, frozenset()),
}

LAYOUTS = {
    "tabs": lambda label, vals: label + "\t" + "\t".join(map(str, vals)),
    "spaces": lambda label, vals: label + " " + " ".join(map(str, vals)),
    "pipes": lambda label, vals: "| " + label + " | " + " | ".join(map(str, vals)) + " |",
}

ROWS = [r for r in schema.load().app_rows_for("2021") if r.key != "other_processing.total"]


def _values(i: int) -> list[int]:
    a, b = i + 1, (i * 7) % 5
    return [a, b, 0, 0, 0, 0, a + b]


def _doc(rewrite: Callable[[str], str], layout: str) -> str:
    lines = [LAYOUTS[layout](rewrite(r.label), _values(i)) for i, r in enumerate(ROWS)]
    return (
        "某某镇人民政府2021年政府信息公开工作年度报告\n一、总体情况\n无。\n三、收到和处理政府信息公开申请情况\n"
        + "\n".join(lines)
        + "\n四、政府信息公开行政复议、行政诉讼情况\n五、存在的主要问题及改进情况\n无。\n六、其他需要报告的事项\n无。\n"
    )


@pytest.mark.parametrize("layout", list(LAYOUTS))
@pytest.mark.parametrize("variant", list(VARIANTS))
def test_label_variant(variant: str, layout: str) -> None:
    rewrite, complete_in = VARIANTS[variant]
    rep = govdisclosure.parse(_doc(rewrite, layout))
    cols = schema.load().app_columns
    wrong, lost = [], []
    for i, r in enumerate(ROWS):
        for c, want in zip(cols, _values(i)):
            f = rep.fields[f"applications.{r.key}.{c.key}"]
            if f.value == want:
                continue
            (wrong if f.status in ("ok", "inferred", "blank", "not_applicable") else lost).append(
                f"{r.key}.{c.key}={f.value!r}/{want}[{f.status}]"
            )
    assert not wrong, "confidently wrong:\n  " + "\n  ".join(wrong)
    if layout in complete_in:
        assert not lost, "not read back:\n  " + "\n  ".join(lost)
