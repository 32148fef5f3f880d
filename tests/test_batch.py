"""parse_many, records and frames, the journal and atomic writes (in-process)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

import govdisclosure
from govdisclosure import batch
from govdisclosure.batch import (
    FILE_ERROR,
    Journal,
    PanelWriter,
    atomic_path,
    expand_paths,
    is_failure,
    parse_many,
    to_frame,
    to_records,
    wide_records,
)
from govdisclosure.report import Field, Finding, Report, Source

SEEDS = Path("/work/shared/corpus/seeds")
needs_corpus = pytest.mark.skipif(not SEEDS.exists(), reason="the shared corpus is not available")


def _rep(source: str, **values: int | float | None) -> Report:
    fields = {
        k.replace("__", "."): Field(k.replace("__", "."), v, "ok" if v is not None else "blank", "" if v is None else str(v))
        for k, v in values.items()
    }
    return Report("2021", 2021, "某乡", fields, findings=(Finding("x", "warning", "m"),), source=Source(source))


@pytest.fixture()
def seeds(tmp_path: Path) -> Path:
    d = tmp_path / "in"
    d.mkdir()
    for p in sorted(SEEDS.glob("*.txt"))[:3]:
        (d / p.name).write_bytes(p.read_bytes())
    return d


# -- inputs ---------------------------------------------------------------------------------------


def test_expand_paths_order_hidden_and_duplicates(tmp_path: Path) -> None:
    for rel in ("b/2.txt", "b/1.PDF", "a.md", ".hidden/x.txt", "c/.y.txt", "notes.json", "z/panel.errors.csv"):
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text("x")
    got = expand_paths([tmp_path, tmp_path / "a.md", tmp_path / "notes.json"])
    rel = [Path(p).relative_to(tmp_path).as_posix() for p in got]
    # folder contents sorted; an explicitly named file is always kept (even .json), duplicates dropped
    assert rel == ["a.md", "b/1.PDF", "b/2.txt", "notes.json"]


def test_failure_report_for_unreadable_files(tmp_path: Path) -> None:
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(b"not a pdf at all")
    reps = list(parse_many([bad, tmp_path / "gone.txt"], expand=False))
    assert [is_failure(r) for r in reps] == [True, True]
    assert reps[0].source.path == str(bad) and reps[0].fields == {}
    assert reps[0].findings[0].code == FILE_ERROR and reps[0].findings[0].severity == "error"
    assert "no such file" in reps[1].findings[0].message
    assert to_records(reps) == [] and list(wide_records(reps)) == []


@needs_corpus
def test_parse_many_order_is_the_input_order_whatever_the_jobs(seeds: Path) -> None:
    one = [r.to_dict() for r in parse_many([seeds], jobs=1)]
    two = [r.to_dict() for r in parse_many([seeds], jobs=2)]
    assert one == two
    assert [d["source"]["path"] for d in one] == sorted(str(p) for p in seeds.iterdir())


@needs_corpus
def test_parse_many_stops_cleanly_when_the_caller_stops(seeds: Path) -> None:
    it = parse_many([seeds], jobs=2)
    first = next(it)
    it.close()  # shuts the pool down; no hang, no error
    assert first.source.path.endswith(".txt")


def test_jobs_must_be_positive() -> None:
    with pytest.raises(govdisclosure.GovDisclosureError):
        list(parse_many([], jobs=0))


# -- records and frames --------------------------------------------------------------------------


def test_records_keep_blanks_missing_and_follow_schema_order() -> None:
    rep = _rep("a.txt", applications__new_received__total=None, active__regulations__issued=3,
               review__total=0)
    recs = to_records([rep])
    assert [r["key"] for r in recs] == ["active.regulations.issued", "applications.new_received.total", "review.total"]
    assert [r["value"] for r in recs] == [3, None, 0]
    assert set(recs[0]) == set(batch.LONG_COLUMNS)


def test_to_frame_long_and_wide() -> None:
    pd = pytest.importorskip("pandas")
    reps = [_rep("a.txt", applications__new_received__total=None, active__fees__amount=1.5),
            _rep("b.txt", applications__new_received__total=4)]
    df = to_frame(reps)
    assert len(df) == 3 and str(df["value"].dtype) == "Float64"
    assert df["value"].isna().sum() == 1  # the blank is missing, not 0
    wide = to_frame(reps, wide=True)
    assert list(wide["source"]) == ["a.txt", "b.txt"]
    assert str(wide["applications.new_received.total"].dtype) == "Int64"
    assert pd.isna(wide.loc[0, "applications.new_received.total"]) and wide.loc[1, "applications.new_received.total"] == 4
    assert str(wide["active.fees.amount"].dtype) == "Float64" and wide.loc[0, "active.fees.amount"] == 1.5
    assert wide.loc[0, "n_findings"] == 1


# -- writing --------------------------------------------------------------------------------------


def test_atomic_path_leaves_the_old_file_on_error(tmp_path: Path) -> None:
    out = tmp_path / "panel.csv"
    out.write_text("old")
    with pytest.raises(RuntimeError):
        with atomic_path(out) as tmp:
            tmp.write_text("half")
            raise RuntimeError("boom")
    assert out.read_text() == "old" and [p.name for p in tmp_path.iterdir()] == ["panel.csv"]
    with atomic_path(out) as tmp:
        tmp.write_text("new")
    assert out.read_text() == "new"


def test_csv_writer_blank_is_empty_not_zero(tmp_path: Path) -> None:
    w = PanelWriter(tmp_path / "p.csv", "csv")
    for rec in to_records([_rep("a.txt", applications__new_received__total=None, review__total=0,
                                active__fees__amount=0.5)]):
        w.write(rec)
    assert not (tmp_path / "p.csv").exists()  # nothing published before close()
    w.close()
    lines = (tmp_path / "p.csv").read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("source,organ,year,edition,key,value,status")
    values = [line.split(",")[5] for line in lines[1:]]
    assert values == ["0.5", "", "0"]


def test_writer_abort_publishes_nothing(tmp_path: Path) -> None:
    w = PanelWriter(tmp_path / "p.parquet", "parquet")
    w.write(to_records([_rep("a.txt", review__total=1)])[0])
    w.abort()
    assert list(tmp_path.iterdir()) == []


# -- the journal ----------------------------------------------------------------------------------


@needs_corpus
def test_journal_reuses_unchanged_files_and_reparses_changed_ones(seeds: Path, tmp_path: Path) -> None:
    journal = tmp_path / "j.jsonl"
    seen: list[tuple[str, bool]] = []
    first = list(parse_many([seeds], journal=journal))
    again = list(parse_many([seeds], journal=journal, on_result=lambda r, reused: seen.append((r.source.path, reused))))
    assert [r.to_dict() for r in again] == [r.to_dict() for r in first]
    assert all(reused for _, reused in seen)
    changed = sorted(seeds.iterdir())[1]
    changed.write_text(changed.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    os.utime(changed, ns=(1, 1))  # a different mtime for sure
    seen.clear()
    list(parse_many([seeds], journal=journal, on_result=lambda r, reused: seen.append((r.source.path, reused))))
    assert [reused for _, reused in seen] == [True, False, True]
    seen.clear()
    list(parse_many([seeds], journal=journal, resume=False,
                    on_result=lambda r, reused: seen.append((r.source.path, reused))))
    assert not any(reused for _, reused in seen)


def test_journal_ignores_a_cut_line_and_other_versions(tmp_path: Path) -> None:
    j = Journal(tmp_path / "j.jsonl")
    j.open(keep=False)
    rep = _rep("a.txt", review__total=1)
    j.add("a.txt", [1, 2], rep)
    j.close()
    with open(j.path, "a", encoding="utf-8") as fh:
        fh.write('{"path": "b.txt", "sig": [1')  # the interruption
    assert list(j.load()) == [os.path.abspath("a.txt")]
    j.open(keep=True)  # appending after a cut line first drops it
    j.add("c.txt", [3, 4], rep)
    j.close()
    assert list(j.load()) == [os.path.abspath("a.txt"), os.path.abspath("c.txt")]
    # what --resume uses: the same entries as offsets, each report read back on its own
    loaded, index = j.load(), j.index()
    assert list(index) == list(loaded)
    assert all(index[p][0] == sig and j.report_at(index[p][1]) == report for p, (sig, report) in loaded.items())
    lines = j.path.read_text(encoding="utf-8").splitlines()
    lines[0] = json.dumps({"govdisclosure_journal": 1, "version": "0.0.0-other"})
    j.path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert j.load() == {} and j.index() == {}
