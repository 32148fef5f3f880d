"""The command line, driven as a user drives it: in a subprocess, on a folder of real files.

The folder holds every corpus document (seeds and real: .txt, .md, .pdf) in two sub-folders plus a
broken PDF.  Expectations are computed, not hard-coded, where they depend on the parser (row counts
are the sum of len(report.fields)); a few values are checked against the gold records.
"""

from __future__ import annotations

import csv
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from govdisclosure.batch import expand_paths, is_failure, parse_one

ROOT = Path(__file__).resolve().parents[1]
CORPUS = Path(os.environ.get("GOVDISCLOSURE_CORPUS", ROOT.parent / "shared" / "corpus"))
if not CORPUS.exists():
    CORPUS = Path("/work/shared/corpus")

pytestmark = pytest.mark.skipif(not CORPUS.exists(), reason="the shared corpus is not available")

BROKEN = "broken.pdf"


def cli(*args: str, cwd: Path, check: bool = False, **kw) -> subprocess.CompletedProcess[str]:
    """Run `govdisclosure ARGS` (the installed script if there is one beside this Python)."""
    script = Path(sys.executable).with_name("govdisclosure")
    cmd = [str(script)] if script.exists() else [sys.executable, "-m", "govdisclosure.cli"]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")])}
    proc = subprocess.run([*cmd, *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=300, **kw)
    if check and proc.returncode != 0:
        raise AssertionError(f"exit {proc.returncode}\nstdout:\n{proc.stdout}\nstderr:\n{proc.stderr}")
    return proc


def make_folder(dest: Path) -> Path:
    (dest / "seeds").mkdir(parents=True)
    (dest / "real").mkdir()
    for p in sorted((CORPUS / "seeds").glob("*.txt")):
        shutil.copy(p, dest / "seeds" / p.name)
    for ext in ("txt", "md", "pdf"):
        for p in sorted((CORPUS / "real").glob(f"*.{ext}")):
            shutil.copy(p, dest / "real" / p.name)
    (dest / BROKEN).write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 8)  # a header, then garbage
    return dest


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_folder(tmp_path_factory.mktemp("cli") / "reports")


@pytest.fixture(scope="module")
def expected(folder: Path) -> dict[str, object]:
    """What the panel must hold, from the library in this process."""
    files = expand_paths([folder])
    reps = {str(Path(f).relative_to(folder.parent)): parse_one(f) for f in files}
    return {"files": list(reps), "reports": reps}


@pytest.fixture(scope="module")
def run_csv(folder: Path) -> tuple[subprocess.CompletedProcess[str], Path]:
    proc = cli("parse", "reports", "-o", "out/panel.csv", "--jobs", "2", "--wide", cwd=folder.parent, check=True)
    return proc, folder.parent / "out"


def read_csv(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def gold(name: str) -> dict:
    for sub in ("seeds", "real"):
        p = CORPUS / sub / f"{name}.gold.json"
        if p.exists():
            return json.loads(p.read_text(encoding="utf-8"))
    raise FileNotFoundError(name)


# ---------------------------------------------------------------------------------------------


def test_help_reads_well(tmp_path: Path) -> None:
    top = cli("--help", cwd=tmp_path, check=True).stdout
    for word in ("parse", "check", "review"):
        assert word in top
    sub = cli("parse", "--help", cwd=tmp_path, check=True).stdout
    for opt in ("--format", "--jobs", "--resume", "--wide", "-o OUT", "errors.csv", "journal"):
        assert opt in sub, opt
    assert cli(cwd=tmp_path).returncode == 2  # no command: help on stderr, usage error


def test_panel_csv_rows_and_failures(run_csv, expected, folder: Path) -> None:
    proc, out = run_csv
    rows = read_csv(out / "panel.csv")
    reps = expected["reports"]
    good = {k: r for k, r in reps.items() if not is_failure(r)}
    assert len(rows) == sum(len(r.fields) for r in good.values())
    # the broken file is reported (summary and errors file), the rest is complete
    assert f"reports/{BROKEN}" not in {r["source"] for r in rows}
    errors = read_csv(out / "panel.errors.csv")
    assert [e["source"] for e in errors] == [k for k, r in reps.items() if is_failure(r)]
    assert f"reports/{BROKEN}" in [e["source"] for e in errors] and all(e["error"] for e in errors)
    assert BROKEN in proc.stderr and "failed" in proc.stderr
    with_fields = {k for k, r in good.items() if r.fields}
    assert {r["source"] for r in rows} == with_fields
    assert len(good) == len(list((folder / "seeds").iterdir())) + len(list((folder / "real").iterdir()))


def test_panel_csv_blanks_stay_missing(run_csv, expected) -> None:
    _, out = run_csv
    rows = read_csv(out / "panel.csv")
    for r in rows:
        if r["status"] in ("blank", "not_applicable", "missing"):
            assert r["value"] == "", r
    missing = [r for r in rows if r["status"] == "missing"]
    assert missing, "the corpus has missing cells (e.g. other_processing.total in 2021 reports)"


def test_panel_values_match_gold(run_csv) -> None:
    _, out = run_csv
    by = {(r["source"], r["key"]): r for r in read_csv(out / "panel.csv")}
    g = gold("004_604213c82ade96a7")
    row = by[("reports/seeds/004_604213c82ade96a7.txt", "applications.new_received.total")]
    assert int(row["value"]) == g["fields"]["applications.new_received.total"] == 1
    assert row["organ"] and row["year"] == "2021" and row["edition"] == "2021"
    h = gold("huaian-city-2024")
    for key in ("applications.new_received.natural_person", "applications.carried_forward.total",
                "review.total", "active.fees.amount"):
        row = by[("reports/real/huaian-city-2024.pdf", key)]
        assert float(row["value"]) == h["fields"][key], key
        assert row["page"], "PDF fields carry their page"
    assert by[("reports/real/huaian-city-2024.pdf", "active.fees.amount")]["value"] == "96171.6"


def test_parquet_same_panel(run_csv, folder: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    cli("parse", "reports", "-o", "out/panel.parquet", "--jobs", "2", "--wide", cwd=folder.parent, check=True)
    out = folder.parent / "out"
    table = pq.read_table(out / "panel.parquet").to_pylist()
    rows = read_csv(out / "panel.csv")
    assert len(table) == len(rows)
    for t, c in zip(table, rows, strict=True):
        assert (t["source"], t["key"], t["status"]) == (c["source"], c["key"], c["status"])
        assert (t["value"] is None) == (c["value"] == "")
        if t["value"] is not None:
            assert t["value"] == float(c["value"])
    wide = pq.read_table(out / "panel.wide.parquet")
    assert wide.num_rows == len(read_csv(out / "panel.wide.csv"))
    assert str(wide.schema.field("applications.new_received.total").type) == "int64"


def test_wide_form(run_csv, expected) -> None:
    _, out = run_csv
    wide = read_csv(out / "panel.wide.csv")
    good = [k for k, r in expected["reports"].items() if not is_failure(r)]
    assert [w["source"] for w in wide] == good
    w = next(w for w in wide if w["source"].endswith("004_604213c82ade96a7.txt"))
    assert w["applications.new_received.total"] == "1"
    legacy = next(w for w in wide if "legacy" in w["source"])
    assert legacy["edition"] == "legacy" and legacy["applications.new_received.total"] == ""


def test_findings_file(run_csv, expected) -> None:
    _, out = run_csv
    rows = read_csv(out / "panel.findings.csv")
    n = sum(len(r.findings) for r in expected["reports"].values() if not is_failure(r))
    assert len([r for r in rows if not r["code"].startswith("cross_year")]) == n
    # the huaian PDF and its three text renderings are one organ-year: flagged, not compared
    assert any(r["code"] == "cross_year_duplicate" for r in rows)


def test_deterministic_order(folder: Path) -> None:
    cli("parse", "reports", "-o", "one/panel.csv", "--jobs", "1", "-q", cwd=folder.parent, check=True)
    cli("parse", "reports", "-o", "two/panel.csv", "--jobs", "2", "-q", cwd=folder.parent, check=True)
    assert (folder.parent / "one/panel.csv").read_bytes() == (folder.parent / "two/panel.csv").read_bytes()


def test_resume_after_interrupted_run(run_csv, folder: Path) -> None:
    """An interrupted run leaves a partial journal (last line cut short) and no output."""
    _, out = run_csv
    work = folder.parent / "resumed"
    work.mkdir()
    lines = (out / "panel.journal.jsonl").read_text(encoding="utf-8").splitlines(keepends=True)
    assert len(lines) == 1 + len(expand_paths([folder]))  # header + one line per file
    (work / "panel.journal.jsonl").write_text("".join(lines[:6]) + lines[6][: len(lines[6]) // 2],
                                              encoding="utf-8")
    proc = cli("parse", "reports", "-o", "resumed/panel.csv", "--resume", "--wide", cwd=folder.parent, check=True)
    assert "5 reused from the journal" in proc.stderr
    for name in ("panel.csv", "panel.wide.csv", "panel.errors.csv", "panel.findings.csv"):
        assert (work / name).read_bytes() == (out / name).read_bytes(), name
    # a second --resume reuses everything and still writes the same panel
    proc = cli("parse", "reports", "-o", "resumed/panel.csv", "--resume", cwd=folder.parent, check=True)
    assert f"{len(lines) - 1} reused" in proc.stderr
    assert (work / "panel.csv").read_bytes() == (out / "panel.csv").read_bytes()


def test_interrupt_then_resume(tmp_path: Path, run_csv) -> None:
    """Ctrl-C in the middle of a run: no output appears; --resume finishes it, same as a clean run."""
    src = make_folder(tmp_path / "reports")
    for i in range(24):  # enough files that the run is still going when it is interrupted
        shutil.copytree(src / "seeds", src / f"copy{i}")
    script = Path(sys.executable).with_name("govdisclosure")
    cmd = [str(script)] if script.exists() else [sys.executable, "-m", "govdisclosure.cli"]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen([*cmd, "parse", "reports", "-o", "out/panel.csv"], cwd=tmp_path, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    journal = tmp_path / "out" / "panel.journal.jsonl"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and proc.poll() is None:
        if journal.exists() and journal.read_text(encoding="utf-8").count("\n") >= 4:
            break
        time.sleep(0.02)
    if proc.poll() is not None:
        pytest.skip("the run finished before it could be interrupted")
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=60)
    if proc.returncode == 0 and "wrote" in err:
        pytest.skip("the run finished before the interrupt reached it")  # a race on a fast machine
    assert proc.returncode == 130, err
    assert "--resume" in err
    assert not (tmp_path / "out" / "panel.csv").exists()  # atomic: nothing half-written
    assert not [p for p in (tmp_path / "out").iterdir() if p.name.endswith(".tmp")]
    done = journal.read_text(encoding="utf-8").count("\n") - 1
    res = cli("parse", "reports", "-o", "out/panel.csv", "--resume", "--jobs", "2", cwd=tmp_path, check=True)
    assert f"({done} reused from the journal)" in res.stderr
    clean = cli("parse", "reports", "-o", "clean/panel.csv", "--jobs", "2", cwd=tmp_path, check=True)
    assert clean.returncode == 0
    assert (tmp_path / "out/panel.csv").read_bytes() == (tmp_path / "clean/panel.csv").read_bytes()


def test_jsonl_to_stdout(folder: Path) -> None:
    proc = cli("parse", "reports/seeds/004_604213c82ade96a7.txt", "reports/nowhere.txt", "-q",
               cwd=folder.parent, check=True)
    lines = [json.loads(x) for x in proc.stdout.splitlines()]
    assert len(lines) == 2 and proc.stderr == ""
    assert lines[0]["fields"]["applications.new_received.total"]["value"] == 1
    assert lines[1]["findings"][0]["code"] == "file_error" and "no such file" in lines[1]["findings"][0]["message"]


def test_strict_and_usage_errors(folder: Path, tmp_path: Path) -> None:
    assert cli("parse", str(folder / BROKEN), "-o", str(tmp_path / "p.csv"), "--strict", "-q",
               cwd=tmp_path).returncode == 1
    assert cli("parse", str(folder), "-o", str(tmp_path / "p.xlsx"), cwd=tmp_path).returncode == 2
    empty = tmp_path / "empty"
    empty.mkdir()
    proc = cli("parse", str(empty), "-o", str(tmp_path / "e.csv"), cwd=tmp_path)
    assert proc.returncode == 2 and "no report files" in proc.stderr


def test_check(folder: Path, expected) -> None:
    proc = cli("check", "reports", "--jobs", "2", cwd=folder.parent)
    assert proc.returncode == 1  # the broken file
    assert BROKEN in proc.stdout and "file_error" in proc.stdout
    for name in expected["files"]:
        assert name in proc.stdout
    seeds = cli("check", "reports/seeds", cwd=folder.parent)
    has_error = any(f.severity == "error" for k, r in expected["reports"].items() if "/seeds/" in k
                    for f in r.findings)
    assert seeds.returncode == int(has_error), seeds.stdout
    assert "5 files: 5 reports read, 0 failed" in seeds.stdout


def test_cross_year_decisions(tmp_path: Path) -> None:
    """Two years of one organ, this year's 规范性文件 row glued ("71106": four cuttings fit), last
    year's confident: the panel keeps the row as read (doubtful), panel.decisions.csv says what last
    year's 现行有效 decides, and `check` prints it."""
    from tests.test_crossyear import crawler

    src = tmp_path / "in"
    src.mkdir()
    (src / "a-2022.txt").write_text(crawler(2022, "规章000行政规范性文件 12 3 100 "), encoding="utf-8")
    (src / "b-2023.txt").write_text(crawler(2023, "规章000行政规范性文件71106"), encoding="utf-8")
    proc = cli("parse", "in", "-o", "out/panel.csv", cwd=tmp_path, check=True)
    assert "decided        3 doubtful cells" in proc.stderr
    panel = {(r["source"], r["key"]): r for r in read_csv(tmp_path / "out/panel.csv")}
    assert panel[("in/b-2023.txt", "active.normative_documents.in_force")]["status"] == "doubtful"
    rows = read_csv(tmp_path / "out/panel.decisions.csv")
    assert [(r["key"].rsplit(".", 1)[1], r["panel_value"], r["panel_status"], r["value"], r["status"]) for r in rows] == [
        ("issued", "71", "doubtful", "7", "inferred"), ("repealed", "10", "doubtful", "1", "inferred"),
        ("in_force", "6", "doubtful", "106", "inferred"),
    ]
    assert all(r["source"] == "in/b-2023.txt" and "in/a-2022.txt" in r["evidence"] for r in rows)
    findings = read_csv(tmp_path / "out/panel.findings.csv")
    assert [r["source"] for r in findings if r["code"] == "decided_by_previous_report"] == ["in/b-2023.txt"]
    out = cli("check", "in", cwd=tmp_path).stdout
    assert "decided_by_previous_report" in out and "3 doubtful cells decided by another year's report" in out
    # without last year's report nothing is decided, and a stale decisions file goes
    (src / "a-2022.txt").unlink()
    cli("parse", "in", "-o", "out/panel.csv", cwd=tmp_path, check=True)
    assert not (tmp_path / "out/panel.decisions.csv").exists()


def _carried_over(text: str, natural_person: str, total: str) -> str:
    """``text`` (a seed with every part 三 cell 0) with its 上年结转 row's 自然人 and 总计 changed."""
    head, rest = text.split("二、上年结转政府信息公开申请数量", 1)
    cells, tail = rest.split("三、本年度办理结果", 1)
    cells = cells.replace("\t0\n", f"\t{natural_person}\n", 1)
    last = cells.rfind("\t0\xa0\n")
    cells = cells[:last] + f"\t{total}\xa0\n" + cells[last + 4:]
    return head + "二、上年结转政府信息公开申请数量" + cells + "三、本年度办理结果" + tail


def test_cross_year_r5_across_two_files(tmp_path: Path) -> None:
    """R5 between two files of one organ (官元镇 2021, and the same report as 2022 with 2 cases carried
    over): parse --jobs 2 writes both R5 findings after the reports' own, naming both files; `check`
    prints them.  The run keeps what the checks need on disk, organ by organ (cli._CrossYear)."""
    seed = (CORPUS / "seeds" / "000_ef31623f57f13f1e.txt").read_text(encoding="utf-8")
    src = tmp_path / "in"
    src.mkdir()
    (src / "a-2021.txt").write_text(seed, encoding="utf-8")
    (src / "b-2022.txt").write_text(_carried_over(seed, "2", "2").replace("2021年", "2022年"), encoding="utf-8")
    (src / "c-other.txt").write_text(seed.replace("官元镇", "后河镇"), encoding="utf-8")  # another organ: no pair
    proc = cli("parse", "in", "-o", "out/panel.parquet", "--jobs", "2", cwd=tmp_path, check=True)
    assert "cross-year     2 findings: cross_year_R5 2" in proc.stderr
    rows = read_csv(tmp_path / "out/panel.findings.csv")
    r5 = [(r["source"], r["previous_source"], r["keys"], r["year"]) for r in rows if r["code"] == "cross_year_R5"]
    assert r5 == [("in/b-2022.txt", "in/a-2021.txt", "applications.carried_over.natural_person", "2022"),
                  ("in/b-2022.txt", "in/a-2021.txt", "applications.carried_over.total", "2022")]
    assert [r["code"].startswith("cross_year") for r in rows] == sorted(r["code"].startswith("cross_year") for r in rows)
    assert not (tmp_path / "out/panel.decisions.csv").exists()
    out = cli("check", "in", "--jobs", "2", cwd=tmp_path).stdout
    assert out.count("cross_year_R5") == 2 and "结转下年度继续办理 (自然人) is 0 in 2021 (in/a-2021.txt)" in out
    assert "3 reports read, 0 failed" in out and "2 cross-year findings" in out


def test_cross_year_one_organ_at_a_time_is_the_same() -> None:
    """cli._CrossYear (reports slim on disk, checked organ by organ) gives what crossyear.check and
    crossyear.decide give over the whole list: the same findings in the same order, the same decided
    reports in input order."""
    import dataclasses

    from govdisclosure import cli as cli_module
    from govdisclosure import crossyear
    from govdisclosure.report import Source
    from tests.test_crossyear import parsed, rep

    reports = [
        parsed(2023, "71106", "z/某某镇-2023.txt"), rep(2022, organ="淮安市 政府", applications__carried_over__total=2),
        rep(2021, organ="淮安市人民政府", applications__carried_forward__total=3), rep(None, organ="乙县"),
        rep(2021, organ="乙县", active__regulations__in_force=10),
        rep(2022, organ="乙县", src="dup.txt", active__regulations__issued=1, active__regulations__repealed=0,
            active__regulations__in_force=30),
        rep(2022, organ="乙县", active__regulations__issued=2, active__regulations__repealed=1,
            active__regulations__in_force=11),
        parsed(2022, " 12 3 100 ", "a/某某镇-2022.txt"), rep(2020, edition="2019", organ="甲县"),
        rep(2021, organ="甲县", applications__carried_over__total=4), rep(2021, organ=None),
        dataclasses.replace(parsed(2024, "7777166"), source=Source("某某镇-2024.txt")),
    ]
    spool = cli_module._CrossYear()
    try:
        for r in reports:
            spool.add(r)
        got = [f.to_dict() for f in spool.check()]
        decided = [(new.source.path, new.findings, dict(new.fields)) for _, new in spool.decided()]
    finally:
        spool.close()
    assert got == [f.to_dict() for f in crossyear.check(reports)]
    assert {f["code"] for f in got} == {"cross_year_R5", "cross_year_R6", "cross_year_duplicate"}
    keep = cli_module._CROSSYEAR_PREFIXES
    assert decided == [(new.source.path, new.findings[len(old.findings):],  # a slim report has no findings of its own
                        {k: f for k, f in new.fields.items() if k.startswith(keep)})
                       for old, new in zip(reports, crossyear.decide(reports)) if new is not old]
    assert [d[0] for d in decided] == ["z/某某镇-2023.txt", "某某镇-2024.txt"]


def test_review(folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "review.html"
    cli("review", str(folder / "real" / "pingtan-2022.txt"), "-o", str(out), cwd=tmp_path, check=True)
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>")
    for external in ("<script", "<link", " src=", 'href="http', "url("):  # self-contained
        assert external not in page, external
    assert 'class="st-ok"' in page and 'data-key="applications.new_received.total"' in page
    assert 'class="findings"' in page and "<table>" in page
    assert cli("review", str(folder / BROKEN), "-o", str(tmp_path / "x.html"), cwd=tmp_path).returncode == 1
