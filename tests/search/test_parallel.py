"""A rebuild on two cores: the worker's claims in a segment of their own give the same searches as one process."""

from __future__ import annotations

import pytest

from tests.search.conftest import ARTICLES, add_claim, add_source
from workbench.search import parallel
from workbench.search.index import rebuild_index, sync_index
from workbench.services.searching import search

QUERIES = ["bridge", "\"harbour bridge\"", "40,000", "outlet:\"Northern Ledger\" repairs", "type:claim euros",
           "kind:quote", "Quillfeather OR ferry", "million NOT dollars", "brid*", "source_id:1"]


def _results(ws) -> list[list[tuple]]:
    return [[(hit["type"], hit["id"], hit["snippet"]) for hit in search(ws, query, limit=50)] for query in QUERIES]


@pytest.fixture
def bigger(ws):
    """The test articles, each claim stored a few times over, so the split leaves claims on both sides."""
    for article in ARTICLES:
        sid = add_source(ws, article)
        sentences = [s.strip() + "." for s in article["body"].split(". ") if s.strip()]
        for _ in range(3):
            for sentence in sentences:
                add_claim(ws, sid, sentence.rstrip(".") + ".")
    return ws


def test_two_process_rebuild_finds_what_one_process_finds(bigger, monkeypatch):
    ws = bigger
    monkeypatch.setattr(parallel, "MIN_CLAIMS", 10**9)
    one = rebuild_index(ws)
    alone = _results(ws)
    monkeypatch.setattr(parallel, "MIN_CLAIMS", 1)
    two = rebuild_index(ws)
    assert len(list(ws.index_dir.glob("*.pst"))) == 2     # the worker's segment is there
    assert not ws.index_dir.with_name(ws.index_dir.name + ".part").exists()
    assert two.written == one.written
    assert _results(ws) == alone
    assert any(alone)
    assert sync_index(ws).written == 0                     # the watermark is in step


def test_the_split_leaves_claims_on_both_sides(bigger, monkeypatch):
    monkeypatch.setattr(parallel, "MIN_CLAIMS", 1)
    with bigger.session() as session:
        from sqlalchemy import func, select

        from workbench.storage.models import Claim

        low, high, n = session.execute(select(func.min(Claim.id), func.max(Claim.id), func.count(Claim.id))).one()
        split = parallel.split_claim_id(session, n)
    assert low < split <= high


def test_a_rebuild_cancelled_while_the_worker_writes_keeps_the_old_index(bigger, monkeypatch):
    from workbench.tasks import Cancelled, TaskState

    ws = bigger
    sync_index(ws)
    monkeypatch.setattr(parallel, "MIN_CLAIMS", 1)
    state = TaskState(on_progress=lambda done, total, message: message == "Indexing claims" and state.cancel(),
                      min_interval=0)
    with pytest.raises(Cancelled):
        rebuild_index(ws, state)
    assert not ws.index_dir.with_name(ws.index_dir.name + ".building").exists()
    assert any(_results(ws))


def _worker_dies(*_args):
    """Stands in for the worker's job: the process ends abruptly, as when the system kills it."""
    import os

    os._exit(3)


def test_a_worker_that_dies_leaves_its_claims_to_this_process(bigger, monkeypatch, caplog):
    ws = bigger
    monkeypatch.setattr(parallel, "MIN_CLAIMS", 10**9)
    one = rebuild_index(ws)
    alone = _results(ws)
    monkeypatch.setattr(parallel, "MIN_CLAIMS", 1)
    monkeypatch.setattr(parallel, "build_part", _worker_dies)   # what the worker runs; the fallback is unchanged
    two = rebuild_index(ws)
    assert "the index worker failed" in caplog.text
    assert two.written == one.written
    assert _results(ws) == alone
    assert len(list(ws.index_dir.glob("*.pst"))) == 2      # its claims, written here as the worker would have
    assert not ws.index_dir.with_name(ws.index_dir.name + ".part").exists()
    assert sync_index(ws).written == 0
