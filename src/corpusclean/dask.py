"""Clean texts on a Dask cluster: a bag of texts, or a text column of a
Dask DataFrame, with the same pipeline and config as everywhere else.

Install with ``pip install 'corpusclean[dask]'``.

>>> import dask.bag as db
>>> from corpusclean.dask import clean_bag
>>> clean_bag(db.from_sequence(["caf\\u00c3\\u00a9  ", "ok"]), quotes="curly").compute()
['café', 'ok']

On a cluster, connect a client first; the computation then runs on its
workers::

    from dask.distributed import Client
    client = Client("tcp://scheduler:8786")
    cleaned = clean_dataframe(dd.read_parquet("s3://corpus/*.parquet"), "text")
    cleaned.to_parquet("s3://corpus-clean/")

The :class:`~corpusclean.Config` is built once, here, where rule packs and
name registries are read; it is a frozen, picklable dataclass, is put in the
task graph once (not once per partition) and reaches each worker as data:
unpickling it never reads a file, so workers do not load rule packs per
record or per partition.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import dask
import dask.bag as db

from .config import Config
from .pipeline import _config, clean

__all__ = ["clean_bag", "clean_dataframe", "clean_series"]


def _clean_partition(texts: Iterable[Any], config: Config) -> list[Any]:
    return [clean(t, config) if isinstance(t, str) else t for t in texts]


def _clean_pandas(series: Any, config: Config) -> Any:
    return series.map(lambda t: clean(t, config) if isinstance(t, str) else t)


def _graph_config(config: Config | None, options: dict[str, Any]) -> Any:
    """The config as one node of the task graph."""
    return dask.delayed(_config(config, options), pure=True, traverse=False)


def clean_bag(bag: db.Bag, config: Config | None = None, **options: Any) -> db.Bag:
    """A bag of cleaned texts, in the order of ``bag``; items that are not
    strings are passed through unchanged."""
    return bag.map_partitions(_clean_partition, _graph_config(config, options))


def clean_series(series: Any, config: Config | None = None, **options: Any) -> Any:
    """A Dask Series of texts, cleaned (missing values stay missing)."""
    return series.map_partitions(_clean_pandas, _graph_config(config, options), meta=series._meta)


def clean_dataframe(frame: Any, column: str = "text", config: Config | None = None, **options: Any) -> Any:
    """A Dask DataFrame whose ``column`` of texts is cleaned; every other
    column, the index and the partitions are kept."""
    if column not in frame.columns:
        raise KeyError(f"no column {column!r} (columns: {', '.join(map(str, frame.columns))})")
    return frame.assign(**{column: clean_series(frame[column], config, **options)})
