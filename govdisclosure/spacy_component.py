"""The ``govdisclosure`` spaCy component: a report parser inside anyone's pipeline.

    import spacy
    nlp = spacy.blank("zh")
    nlp.add_pipe("govdisclosure")
    doc = nlp(open("report.txt", encoding="utf-8").read())
    doc._.govdisclosure.fields["applications.new_received.total"].value
    [(s.label_, s.text) for s in doc.spans["govdisclosure"]][:3]
    spacy.displacy.render(doc, style="span", options={"spans_key": "govdisclosure"})

The factory is registered with ``@Language.factory`` and published under the ``spacy_factories``
entry point, so ``add_pipe("govdisclosure")`` and ``factory = "govdisclosure"`` in a config work
without importing this package first.  The component sets ``doc._.govdisclosure`` to the
:class:`~govdisclosure.report.Report` of ``doc.text`` and puts every located value into
``doc.spans[spans_key]``, labelled with its canonical key: table fields by their schema key
(``applications.new_received.total``), metadata as ``meta.<name>`` (``meta.published``,
``meta.contact.phone``…) and narrative figures as ``facts.<kind>``.

The extension is registered only if absent (never ``force=True``): if another package owns
``Doc._.govdisclosure`` we leave it alone and say so.  Importing this module is cheap: spaCy is
already loaded by whoever imports it, and the report parser loads on first use.
"""

from __future__ import annotations

import logging
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

log = logging.getLogger(__name__)

__all__ = ["GovDisclosureComponent", "make_govdisclosure", "EXTENSION", "DEFAULT_SPANS_KEY"]

EXTENSION = "govdisclosure"
DEFAULT_SPANS_KEY = "govdisclosure"
ENGINES = ("regex", "spacy")

_USAGE = 'nlp.add_pipe("govdisclosure", config={"spans_key": "govdisclosure", "engine": "regex", "narrative": true})'


def _register_extension() -> None:
    if not Doc.has_extension(EXTENSION):
        Doc.set_extension(EXTENSION, default=None)


class GovDisclosureComponent:
    """Parse ``doc.text`` as one annual report; see the module docstring."""

    def __init__(self, nlp: Language, name: str, *, spans_key: str, engine: str, narrative: bool) -> None:
        if engine not in ENGINES:
            raise ValueError(f"govdisclosure: engine must be 'regex' or 'spacy', not {engine!r}; e.g. {_USAGE}")
        if not isinstance(spans_key, str) or not spans_key:
            raise ValueError(f"govdisclosure: spans_key must be a non-empty string, not {spans_key!r}; e.g. {_USAGE}")
        self.name = name
        self.spans_key = spans_key
        self.engine = engine
        self.narrative = bool(narrative)
        _register_extension()

    def __call__(self, doc: Doc) -> Doc:
        from . import api, narrative

        with narrative.engine(self.engine):
            report = api.parse(doc.text, narrative=self.narrative)
        doc._.set(EXTENSION, report)
        spans = []
        for label, (start, end) in _labelled_spans(report):
            span = doc.char_span(start, end, label=label, alignment_mode="expand")
            if span is not None and len(span):
                spans.append(span)
        doc.spans[self.spans_key] = sorted(spans, key=lambda s: (s.start, s.end, s.label_))
        return doc


def _labelled_spans(report: Any) -> list[tuple[str, tuple[int, int]]]:
    from . import narrative

    out: list[tuple[str, tuple[int, int]]] = []
    for key, f in report.fields.items():
        if f.span is not None and f.span[1] > f.span[0]:
            out.append((key, f.span))
    out += narrative.meta_spans(report)
    for fact in report.facts:
        if fact.span is not None and fact.span[1] > fact.span[0]:
            out.append((f"facts.{fact.kind}", fact.span))
    return out


@Language.factory(
    "govdisclosure",
    default_config={"spans_key": DEFAULT_SPANS_KEY, "engine": "regex", "narrative": True},
)
def make_govdisclosure(nlp: Language, name: str, spans_key: str, engine: str, narrative: bool) -> GovDisclosureComponent:
    """Factory of the ``govdisclosure`` component (entry point ``spacy_factories``)."""
    return GovDisclosureComponent(nlp, name, spans_key=spans_key, engine=engine, narrative=narrative)
