"""The canonical schema, built from ``data/fields.toml``.

>>> len(keys("2019")), len(keys("2021"))
(198, 207)
>>> keys("2021")[0]
'active.regulations.issued'
>>> "applications.other_processing.total.total" in keys("2019")
True
"""

from __future__ import annotations

import functools
import tomllib
from dataclasses import dataclass
from importlib import resources
from typing import Any

EDITIONS = ("2019", "2021")


@dataclass(frozen=True, slots=True)
class Label:
    key: str
    label: str
    variants: tuple[str, ...] = ()
    editions: tuple[str, ...] = EDITIONS
    cue: bool = False
    money: bool = False
    signed: bool = False
    group: str | None = None
    processed: bool = False  # part 三 rows that R2 adds up into （七）总计
    # words of a note printed inside this column's cells ("22（其中修订16件）" is a 本年废止件数 cell)
    annotations: tuple[str, ...] = ()

    @property
    def wordings(self) -> tuple[str, ...]:
        return (self.label, *self.variants)


@dataclass(frozen=True, slots=True)
class ActiveBlock:
    caption: str
    item: str
    editions: tuple[str, ...]
    rows: tuple[Label, ...]
    columns: tuple[Label, ...]

    def rows_for(self, edition: str) -> tuple[Label, ...]:
        return tuple(r for r in self.rows if edition in r.editions)

    def columns_for(self, edition: str) -> tuple[Label, ...]:
        return tuple(c for c in self.columns if edition in c.editions)


@dataclass(frozen=True, slots=True)
class Schema:
    active: tuple[ActiveBlock, ...]
    app_rows: tuple[Label, ...]
    app_columns: tuple[Label, ...]
    review_groups: tuple[Label, ...]
    review_columns: tuple[Label, ...]
    parts: tuple[Label, ...]
    markers: dict[str, tuple[str, ...]]

    def app_rows_for(self, edition: str) -> tuple[Label, ...]:
        return tuple(r for r in self.app_rows if edition in r.editions)


def _label(d: dict[str, Any], default_editions: tuple[str, ...] = EDITIONS) -> Label:
    return Label(
        key=d.get("key", d.get("numeral", "")),
        label=d["label"],
        variants=tuple(d.get("variants", ())),
        editions=tuple(d.get("editions", default_editions)),
        cue=bool(d.get("cue", False)),
        money=bool(d.get("money", False)),
        signed=bool(d.get("signed", False)),
        group=d.get("group"),
        processed=bool(d.get("processed", False)),
        annotations=tuple(d.get("annotations", ())),
    )


@functools.cache
def load() -> Schema:
    """The schema, read once from the data file shipped in the package."""
    raw = tomllib.loads(resources.files("govdisclosure").joinpath("data/fields.toml").read_text("utf-8"))
    active = tuple(
        ActiveBlock(
            caption=b["caption"],
            item=b["item"],
            editions=tuple(b["editions"]),
            rows=tuple(_label(r) for r in b["rows"]),
            columns=tuple(_label(c) for c in b["columns"]),
        )
        for b in raw["active"]
    )
    return Schema(
        active=active,
        app_rows=tuple(_label(r) for r in raw["applications"]["rows"]),
        app_columns=tuple(_label(c) for c in raw["applications"]["columns"]),
        review_groups=tuple(_label(g) for g in raw["review"]["groups"]),
        review_columns=tuple(_label(c) for c in raw["review"]["columns"]),
        parts=tuple(_label(p) for p in raw["parts"]),
        markers={k: tuple(v) for k, v in raw["markers"].items()},
    )


@functools.cache
def keys(edition: str) -> tuple[str, ...]:
    """Every canonical key of an edition, in the order of schema.md (part 二, 三, 四)."""
    if edition not in EDITIONS:
        return ()
    s = load()
    out: list[str] = []
    # part 二 in schema.md order: 2021 keys first grouped by row, then 2019-only ones
    for block in s.active:
        if edition not in block.editions:
            continue
        for row in block.rows_for(edition):
            for col in block.columns_for(edition):
                out.append(f"active.{row.key}.{col.key}")
    for row in s.app_rows_for(edition):
        for col in s.app_columns:
            out.append(f"applications.{row.key}.{col.key}")
    for group in s.review_groups:
        for col in s.review_columns:
            out.append(f"{group.key}.{col.key}")
    return tuple(out)


def all_keys() -> frozenset[str]:
    return frozenset(keys("2019")) | frozenset(keys("2021"))
