"""Parsing on a Dask cluster: the same reports and records as :func:`govdisclosure.parse_many`.

Dask is an optional extra (``pip install 'govdisclosure[dask]'``); nothing else in the package
imports it, and this module imports it only inside its functions.  (Inside this module the name
``dask`` would be this module for a relative import; the imports below are absolute, so they get
the real ``dask`` package.)

    from dask.distributed import Client
    from govdisclosure.dask import parse_bag, records_bag

    client = Client("scheduler:8786")           # or LocalCluster()
    reports = parse_bag(["reports/"])          # a dask.bag.Bag of Report, in input order
    df = records_bag(reports).to_dataframe()   # the long panel as a dask DataFrame
    df.to_parquet("panel/")

A file that cannot be read becomes a report with a ``file_error`` finding, as in ``parse_many``;
workers need only ``govdisclosure`` installed (and read access to the files).
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from typing import Any

__all__ = ["parse_bag", "records_bag", "wide_bag"]

#: Files per partition when the caller does not say: small enough to spread a few hundred files
#: over a handful of workers, large enough that scheduling overhead (~1 ms a task) stays negligible
#: next to parsing (~10-100 ms a file).
FILES_PER_PARTITION = 50


def _import_bag() -> Any:
    try:
        import dask.bag as db
    except ImportError as exc:  # pragma: no cover - depends on the environment
        from .errors import DependencyError

        raise DependencyError(
            "govdisclosure.dask needs Dask: pip install 'govdisclosure[dask]' (dask[bag] and distributed)"
        ) from exc
    return db


def _parse(path: str, narrative: bool) -> Any:
    from govdisclosure.batch import parse_one

    return parse_one(path, narrative=narrative)


def _records(report: Any) -> list[dict[str, Any]]:
    from govdisclosure.batch import to_records

    return to_records([report])


def _wide(report: Any) -> list[dict[str, Any]]:
    from govdisclosure.batch import wide_records

    return list(wide_records([report]))


def parse_bag(
    paths_or_bag: Iterable[str | os.PathLike[str]] | Any,
    *,
    npartitions: int | None = None,
    narrative: bool = True,
) -> Any:
    """A ``dask.bag.Bag`` of :class:`~govdisclosure.Report`, one per file, in input order.

    ``paths_or_bag``: files and folders (expanded here, on the client, exactly like
    :func:`govdisclosure.batch.expand_paths`), or a Bag of file paths (used as it is).  Nothing
    runs until the bag is computed (on the current Dask client, if any).
    """
    db = _import_bag()
    if isinstance(paths_or_bag, db.Bag):
        bag = paths_or_bag
    else:
        from govdisclosure.batch import expand_paths

        files = expand_paths(paths_or_bag)
        if npartitions is None:
            npartitions = max(1, -(-len(files) // FILES_PER_PARTITION))
        bag = db.from_sequence(files, npartitions=max(1, min(npartitions, len(files) or 1)))
    return bag.map(_parse, narrative)


def records_bag(reports: Any) -> Any:
    """The long panel (one dict per report × field, as :func:`govdisclosure.to_records`) from a bag
    of reports (:func:`parse_bag`) or directly from paths."""
    db = _import_bag()
    if not isinstance(reports, db.Bag):
        reports = parse_bag(reports)
    return reports.map(_records).flatten()


def wide_bag(reports: Any) -> Any:
    """The wide panel (one dict per report read) from a bag of reports or from paths."""
    db = _import_bag()
    if not isinstance(reports, db.Bag):
        reports = parse_bag(reports)
    return reports.map(_wide).flatten()
