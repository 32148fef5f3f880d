"""Runs the case tables in tests/cases/ (one parametrised test, readable ids)."""

from __future__ import annotations

import pytest

import govdisclosure
from tests.cases.quirks import BUGS_CAUGHT, DEV, NEW, XFAIL, Case

CONFIDENT = {"ok", "blank", "not_applicable"}


def _params() -> list[object]:
    out: list[object] = []
    for group, cases in (("dev", DEV), ("bugs", BUGS_CAUGHT), ("new", NEW)):
        out += [pytest.param(c, id=f"{group}-{c.id}") for c in cases]
    out += [pytest.param(c, id=f"xfail-{c.id}", marks=pytest.mark.xfail(strict=True, reason=c.note)) for c in XFAIL]
    return out


@pytest.mark.parametrize("case", _params())
def test_case(case: Case) -> None:
    rep = govdisclosure.parse(case.text)
    if case.edition:
        assert rep.edition == case.edition
    if case.organ:
        assert rep.organ == case.organ
    problems = []
    for key, (value, status) in case.expected.items():
        f = rep.fields.get(key)
        got = (None, "absent") if f is None else (f.value, f.status)
        if value is ...:
            got = (..., got[1])
        if got != (value, status):
            problems.append(f"{key}: expected {(value, status)}, got {got}")
    codes = {x.code for x in rep.findings}
    problems += [f"finding {c} missing (have {sorted(codes)})" for c in case.findings if c not in codes]
    # whatever else was read: never a confident value where the case expects doubt
    assert not problems, f"{case.note}\n" + "\n".join(problems)


@pytest.mark.parametrize("case", [pytest.param(c, id=c.id) for c in DEV + BUGS_CAUGHT + XFAIL])
def test_spans_point_at_raw(case: Case) -> None:
    rep = govdisclosure.parse(case.text)
    for f in rep.fields.values():
        if f.span is not None:
            s, e = f.span
            assert 0 <= s <= e <= len(case.text)
            assert case.text[s:e] == f.raw, (f.key, case.text[s:e], f.raw)
