"""Parsing on a Dask cluster (two worker processes) gives the same records as the local run."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from govdisclosure.batch import parse_many, to_records

CORPUS = Path("/work/shared/corpus")
pytestmark = pytest.mark.skipif(not CORPUS.exists(), reason="the shared corpus is not available")


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    d = tmp_path_factory.mktemp("dask")
    for p in sorted((CORPUS / "seeds").glob("*.txt")) + sorted((CORPUS / "real").glob("*.md")):
        shutil.copy(p, d / p.name)
    (d / "broken.pdf").write_bytes(b"garbage")
    return d


def test_import_govdisclosure_does_not_import_dask() -> None:
    code = "import sys, govdisclosure, govdisclosure.batch; print('dask' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, text=True).stdout.strip() == "False"


def test_local_cluster_two_workers_same_records(folder: Path) -> None:
    distributed = pytest.importorskip("distributed")
    from govdisclosure.dask import parse_bag, records_bag, wide_bag

    local = list(parse_many([folder]))
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster, distributed.Client(cluster):
        bag = parse_bag([folder], npartitions=3)
        assert bag.npartitions == 3
        remote = bag.compute()
        records = records_bag(bag).compute()
        wide = wide_bag([folder]).compute()
    assert [r.to_dict() for r in remote] == [r.to_dict() for r in local]
    assert records == to_records(local) and len(records) == sum(len(r.fields) for r in local)
    assert [w["source"] for w in wide] == [r.source.path for r in local if r.fields or r.edition]


def test_parse_bag_accepts_a_bag_of_paths(folder: Path) -> None:
    db = pytest.importorskip("dask.bag")
    from govdisclosure.dask import parse_bag

    paths = sorted(str(p) for p in folder.glob("*.txt"))[:2]
    reps = parse_bag(db.from_sequence(paths, npartitions=1)).compute(scheduler="sync")
    assert [r.source.path for r in reps] == paths
