"""The ``govdisclosure`` spaCy component in a pipeline built by a user."""

from __future__ import annotations

import importlib.metadata
import pathlib

import pytest

spacy = pytest.importorskip("spacy")
from spacy.tokens import Doc  # noqa: E402

import govdisclosure  # noqa: E402

CORPUS = pathlib.Path(__file__).resolve().parent.parent / "corpus"
SEED_003 = (CORPUS / "seeds/003_a3cb757cf03d8042.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def doc() -> Doc:
    nlp = spacy.blank("zh")
    nlp.add_pipe("govdisclosure")
    return nlp(SEED_003)


def test_entry_point_is_published() -> None:
    eps = importlib.metadata.entry_points(group="spacy_factories")
    assert any(ep.name == "govdisclosure" and ep.value == "govdisclosure.spacy_component:make_govdisclosure" for ep in eps)


def test_sets_the_report(doc: Doc) -> None:
    rep = doc._.govdisclosure
    assert isinstance(rep, govdisclosure.Report)
    assert rep == govdisclosure.parse(SEED_003)
    assert rep.year == 2020 and rep.edition == "2019"


def test_spans_carry_canonical_keys(doc: Doc) -> None:
    spans = {(s.label_, s.text) for s in doc.spans["govdisclosure"]}
    assert ("facts.active_disclosure_total", "131条") in spans
    assert ("facts.active_disclosure_part", "107条") in spans
    assert ("meta.published", "2021年1月27日") in spans
    assert ("meta.contact.phone", "0536-4651001") in spans
    assert ("meta.contact.email", "aqsgzzdzb@wf.shandong.cn") in spans
    assert ("meta.period", "2019年1月1日起,至2019年12月31日") in {(a, b.replace("，", ",")) for a, b in spans}
    labels = {s.label_ for s in doc.spans["govdisclosure"]}
    assert "applications.new_received.total" in labels  # table fields too
    rep = doc._.govdisclosure
    for s in doc.spans["govdisclosure"]:
        if s.label_ in rep.fields:
            assert s.text == rep.fields[s.label_].raw


def test_displacy_shows_where_numbers_came_from(doc: Doc) -> None:
    html = spacy.displacy.render(doc, style="span", options={"spans_key": "govdisclosure"}, page=False)
    assert "facts.active_disclosure_total" in html


def test_spacy_engine_by_config() -> None:
    nlp = spacy.blank("zh")
    nlp.add_pipe("govdisclosure", config={"engine": "spacy", "spans_key": "gd"})
    d = nlp(SEED_003)
    assert d._.govdisclosure.facts == govdisclosure.parse(SEED_003).facts
    assert len(d.spans["gd"]) > 0


def test_from_config() -> None:
    cfg = """
[nlp]
lang = "zh"
pipeline = ["govdisclosure"]

[components]

[components.govdisclosure]
factory = "govdisclosure"
spans_key = "govdisclosure"
"""
    nlp = spacy.util.load_model_from_config(spacy.util.load_config_from_str(cfg), auto_fill=True)
    assert nlp(SEED_003)._.govdisclosure.meta.organ == "安丘市官庄镇人民政府"


def test_bad_config_shows_a_working_call() -> None:
    nlp = spacy.blank("zh")
    with pytest.raises(ValueError, match=r'add_pipe\("govdisclosure"'):
        nlp.add_pipe("govdisclosure", config={"engine": "bogus"})


def test_extension_is_not_forced() -> None:
    from govdisclosure import spacy_component

    assert Doc.has_extension("govdisclosure")
    before = Doc.get_extension("govdisclosure")
    spacy_component._register_extension()  # a second component: no error, nothing replaced
    assert Doc.get_extension("govdisclosure") == before


def test_not_a_report_still_works() -> None:
    nlp = spacy.blank("zh")
    nlp.add_pipe("govdisclosure")
    d = nlp("今天天气很好。")
    assert d._.govdisclosure.edition is None
    assert list(d.spans["govdisclosure"]) == []
