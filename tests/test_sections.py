"""Titles as real reports print them: the organ and the year read off the title (sections.py)."""

from __future__ import annotations

import pytest

import govdisclosure

BODY = (
    "\n一、总体情况\n2023年，本机关认真贯彻落实条例。\n二、主动公开政府信息情况\n第二十条第（一）项\n"
    "信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n规章\t0\t0\t0\n"
)

TITLES = [
    ("北京市朝阳区人民政府2023年政府信息公开工作年度报告", "北京市朝阳区人民政府"),
    ("2023年度北京市朝阳区人民政府政府信息公开工作年度报告", "北京市朝阳区人民政府"),
    ("国家税务总局苏州市税务局2023年政府信息公开工作年度报告", "国家税务总局苏州市税务局"),
    ("某某县教育局2023年度政府信息公开工作年度报告", "某某县教育局"),
    ("某某市人民政府办公室\n2023年政府信息公开工作年度报告", "某某市人民政府办公室"),
    ("标题：某某镇人民政府2023年度政府信息公开工作年度报告\n发布时间：2024-01-20", "某某镇人民政府"),
    ("某某市财政局2023年政府信息公开年度报告", "某某市财政局"),
    # found while widening the title rules
    ("某某街道办事处2023年政府信息公开工作年报", "某某街道办事处"),
    ("某某区市场监督管理局关于2023年政府信息公开工作年度报告", "某某区市场监督管理局"),
    ("某某市2023年政府信息公开工作年度报告（某某市发展和改革委员会）", "某某市发展和改革委员会"),
    ("某某镇人民政府2023年政府信息公开工作年度报告一、总体情况2023年，本机关认真贯彻落实条例。", "某某镇人民政府"),
]


@pytest.mark.parametrize("title, organ", TITLES, ids=[t.replace("\n", "/")[:30] for t, _ in TITLES])
def test_title_gives_organ_and_year(title: str, organ: str) -> None:
    rep = govdisclosure.parse(title + BODY)
    assert (rep.organ, rep.year) == (organ, 2023)
