"""Result types: frozen, slotted stdlib dataclasses (schema.md, "The Report API").

>>> f = Field("applications.new_received.total", 3, "ok", "3", (10, 11), "一、本年新收政府信息公开申请数量")
>>> Report.from_dict(Report(edition="2021", year=2021, organ="x", fields={f.key: f}).to_dict()).fields[f.key] == f
True
"""

from __future__ import annotations

import dataclasses
import datetime as _dt
import json
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from typing import Any, Literal

Status = Literal["ok", "blank", "not_applicable", "missing", "inferred", "doubtful"]
Severity = Literal["error", "warning", "info"]

STATUSES: tuple[str, ...] = ("ok", "blank", "not_applicable", "missing", "inferred", "doubtful")
#: statuses under which a wrong value would go unnoticed (schema.md: a silent error)
CONFIDENT: frozenset[str] = frozenset({"ok", "blank", "not_applicable"})


@dataclass(frozen=True, slots=True)
class Field:
    """One table cell, keyed canonically.  ``text[span[0]:span[1]]`` is ``raw`` when span is set."""

    key: str
    value: int | float | None
    status: Status
    raw: str | None = None
    span: tuple[int, int] | None = None
    label: str | None = None
    unit: str | None = None
    page: int | None = None
    bbox: tuple[float, float, float, float] | None = None

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:
        # A batch sends ~190 of these per report from its workers: as one tuple each, pickling is
        # ~3x and unpickling ~2x cheaper than the slotted dataclass's attribute-by-attribute state.
        return (Field, (self.key, self.value, self.status, self.raw, self.span, self.label, self.unit,
                        self.page, self.bbox))


def _field_init(
    self: Field, key: str, value: int | float | None, status: Status, raw: str | None = None,
    span: tuple[int, int] | None = None, label: str | None = None, unit: str | None = None,
    page: int | None = None, bbox: tuple[float, float, float, float] | None = None,
) -> None:
    # The dataclass's own __init__ of a frozen class sets each field by object.__setattr__(self, name,
    # value); the slots' descriptors set them directly, at about half the cost (a report makes a Field
    # for every cell, some twice).  Same signature, same fields: Field stays frozen.
    _F_KEY(self, key)
    _F_VALUE(self, value)
    _F_STATUS(self, status)
    _F_RAW(self, raw)
    _F_SPAN(self, span)
    _F_LABEL(self, label)
    _F_UNIT(self, unit)
    _F_PAGE(self, page)
    _F_BBOX(self, bbox)


_F_KEY, _F_VALUE, _F_STATUS, _F_RAW, _F_SPAN, _F_LABEL, _F_UNIT, _F_PAGE, _F_BBOX = (
    Field.__dict__[f.name].__set__ for f in dataclasses.fields(Field)
)
_field_init.__doc__ = Field.__init__.__doc__
_field_init.__qualname__ = "Field.__init__"
Field.__init__ = _field_init  # type: ignore[method-assign]


@dataclass(frozen=True, slots=True)
class Finding:
    """An anomaly: broken arithmetic, unmatched labels, extra/missing cells, contradictions…"""

    code: str
    severity: Severity
    message: str
    keys: tuple[str, ...] = ()
    spans: tuple[tuple[int, int], ...] = ()


@dataclass(frozen=True, slots=True)
class Contact:
    phone: str | None = None
    email: str | None = None
    postcode: str | None = None
    address: str | None = None


@dataclass(frozen=True, slots=True)
class Meta:
    organ: str | None = None
    organ_level: str | None = None
    region: str | None = None
    year: int | None = None
    period: tuple[_dt.date, _dt.date] | None = None
    published: _dt.date | None = None
    contact: Contact = field(default_factory=Contact)


@dataclass(frozen=True, slots=True)
class Fact:
    kind: str
    value: int | float
    unit: str | None = None
    subject: str | None = None
    span: tuple[int, int] | None = None
    raw: str | None = None


@dataclass(frozen=True, slots=True)
class Section:
    """One of the six parts: its number (1-6), heading as written, text and span."""

    number: int
    heading: str
    text: str
    span: tuple[int, int]


@dataclass(frozen=True, slots=True)
class Source:
    """Where a report came from, for file inputs."""

    path: str | None = None
    format: str = "text"
    encoding: str | None = None
    pages: int | None = None
    #: OCR: the resolution of the page images that ``field.bbox`` is in (pixels); None without OCR
    dpi: float | None = None


#: A row left open: each placement of its numbers the document cannot choose between, as the row's
#: fields (in the edition's column order), the one ``Report.fields`` shows first.
Alternatives = tuple[tuple[Field, ...], ...]


@dataclass(frozen=True, slots=True)
class Report:
    """One parsed report (schema.md, "The Report API").

    ``alternatives`` maps a part 二 row (its key prefix, ``"active.normative_documents"``) whose
    doubtful cells come from several readings of its numbers (glued digits with no sum to cut them
    by) to those readings: evidence from outside the document, such as the same organ's report of the
    year before (``crossyear.decide``), may choose among them.  Only such rows are there.
    """

    edition: str | None
    year: int | None
    organ: str | None
    fields: Mapping[str, Field] = field(default_factory=dict)
    findings: tuple[Finding, ...] = ()
    meta: Meta = field(default_factory=Meta)
    facts: tuple[Fact, ...] = ()
    sections: tuple[Section, ...] = ()
    text: str | None = None
    source: Source | None = None
    alternatives: Mapping[str, Alternatives] = field(default_factory=dict)

    # -- views -----------------------------------------------------------------------------
    def values(self) -> dict[str, int | float | None]:
        """Key -> value, the flat form most analyses want."""
        return {k: f.value for k, f in self.fields.items()}

    def doubtful(self) -> list[Field]:
        return [f for f in self.fields.values() if f.status in ("doubtful", "inferred")]

    # -- serialisation ---------------------------------------------------------------------
    def to_dict(self, *, include_text: bool = False) -> dict[str, Any]:
        d: dict[str, Any] = {
            "edition": self.edition,
            "year": self.year,
            "organ": self.organ,
            "fields": {k: _field_dict(f) for k, f in self.fields.items()},
            "findings": [_plain(asdict(x)) for x in self.findings],
            "meta": _plain(asdict(self.meta)),
            "facts": [_plain(asdict(x)) for x in self.facts],
            "sections": [_plain(asdict(x)) for x in self.sections],
            "source": _plain(asdict(self.source)) if self.source else None,
            "alternatives": {row: [[_field_dict(f) for f in alt] for alt in alts] for row, alts in self.alternatives.items()},
        }
        if include_text:
            d["text"] = self.text
        return d

    def to_json(self, *, indent: int | None = None, include_text: bool = False) -> str:
        return json.dumps(self.to_dict(include_text=include_text), ensure_ascii=False, indent=indent)

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> Report:
        def tup(x: Any) -> Any:
            return tuple(tuple(i) if isinstance(i, list) else i for i in x) if isinstance(x, list) else x

        def fld(v: Mapping[str, Any]) -> Field:
            return Field(**{**v, "span": tup(v.get("span")), "bbox": tup(v.get("bbox"))})

        flds = {k: fld(v) for k, v in d.get("fields", {}).items()}
        findings = tuple(
            Finding(**{**x, "keys": tuple(x.get("keys", ())), "spans": tuple(tuple(s) for s in x.get("spans", ()))})
            for x in d.get("findings", ())
        )
        m = dict(d.get("meta") or {})
        if m.get("period"):
            m["period"] = tuple(_dt.date.fromisoformat(x) for x in m["period"])
        if m.get("published"):
            m["published"] = _dt.date.fromisoformat(m["published"])
        m["contact"] = Contact(**(m.get("contact") or {}))
        facts = tuple(Fact(**{**x, "span": tup(x.get("span"))}) for x in d.get("facts", ()))
        sections = tuple(Section(**{**x, "span": tuple(x["span"])}) for x in d.get("sections", ()))
        src = d.get("source")
        return cls(
            edition=d.get("edition"),
            year=d.get("year"),
            organ=d.get("organ"),
            fields=flds,
            findings=findings,
            meta=Meta(**m),
            facts=facts,
            sections=sections,
            text=d.get("text"),
            source=Source(**src) if src else None,
            alternatives={
                row: tuple(tuple(fld(f) for f in alt) for alt in alts) for row, alts in (d.get("alternatives") or {}).items()
            },
        )

    @classmethod
    def from_json(cls, s: str) -> Report:
        return cls.from_dict(json.loads(s))


def _field_dict(f: Field) -> dict[str, Any]:
    # the hot path of serialising a report (200 fields): no recursion, no introspection
    return {
        "key": f.key,
        "value": f.value,
        "status": f.status,
        "raw": f.raw,
        "span": list(f.span) if f.span is not None else None,
        "label": f.label,
        "unit": f.unit,
        "page": f.page,
        "bbox": list(f.bbox) if f.bbox is not None else None,
    }


def _plain(x: Any) -> Any:
    """JSON-ready: tuples to lists, dates to ISO strings."""
    if isinstance(x, dict):
        return {k: _plain(v) for k, v in x.items()}
    if isinstance(x, (list, tuple)):
        return [_plain(v) for v in x]
    if isinstance(x, (_dt.date, _dt.datetime)):
        return x.isoformat()
    return x
