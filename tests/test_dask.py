"""corpusclean.dask on a real (local) Dask cluster of worker processes."""

from __future__ import annotations

import os
import pickle
import random

import pytest

import corpusclean
from corpusclean import Config, clean

from .strategies import _PIECES

dask = pytest.importorskip("dask")  # in the test extra: always there in .ci/run
db = pytest.importorskip("dask.bag")
dd = pytest.importorskip("dask.dataframe")
distributed = pytest.importorskip("distributed")
pd = pytest.importorskip("pandas")

from corpusclean.dask import clean_bag, clean_dataframe  # noqa: E402

pytestmark = pytest.mark.slow


def texts(n: int, seed: int = 5) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(_PIECES) for _ in range(rng.randint(0, 60))) for _ in range(n)]


@pytest.fixture(scope="module")
def client():
    cluster = distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None, silence_logs=40
    )
    with distributed.Client(cluster) as c:
        yield c
    cluster.close()


CONFIG = Config(quotes="curly", rules=["newspaper"])


def test_bag_on_two_worker_processes_equals_single_process(client):
    data = texts(400)
    pids = client.run(os.getpid)  # worker address -> process id
    assert len(set(pids.values())) == 2 and os.getpid() not in pids.values()
    bag = db.from_sequence(data, npartitions=8)
    got = clean_bag(bag, CONFIG).compute()
    assert got == [clean(t, CONFIG) for t in data]
    assert got != data  # there was something to clean
    # options as keywords, like corpusclean.clean
    assert clean_bag(bag, quotes="straight").compute() == [clean(t, quotes="straight") for t in data]


def test_dataframe_column_on_cluster_equals_single_process(client):
    data = texts(300, seed=9)
    frame = pd.DataFrame({"id": range(len(data)), "text": data, "other": [t[::-1] for t in data]})
    frame.loc[3, "text"] = None
    ddf = dd.from_pandas(frame, npartitions=6)
    got = clean_dataframe(ddf, "text", CONFIG).compute()
    expected = [None if pd.isna(t) else clean(t, CONFIG) for t in frame["text"]]
    assert [None if pd.isna(t) else t for t in got["text"]] == expected
    assert list(got["id"]) == list(frame["id"])
    assert list(got["other"]) == list(frame["other"])  # other columns untouched
    with pytest.raises(KeyError, match="body"):
        clean_dataframe(ddf, "body")


def test_config_pickles_without_reloading_rule_packs(monkeypatch):
    """What workers receive is data: unpickling reads no rule pack."""
    config = Config(rules=["newspaper"], quotes="curly")
    blob = pickle.dumps(config)

    def forbidden(*args, **kwargs):
        raise AssertionError("rule packs were loaded again")

    monkeypatch.setattr(corpusclean.packs, "builtin_pack", forbidden)
    monkeypatch.setattr(corpusclean.packs, "resolve", forbidden)
    again = pickle.loads(blob)
    assert again == config
    assert again.pack("captions.agencies") == config.pack("captions.agencies")
    assert [p.name for p in again.packs] == ["generic", "newspaper"]
