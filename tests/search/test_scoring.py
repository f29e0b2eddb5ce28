"""Scoring with field lengths read into tables gives Whoosh's own BM25F scores, before and after an update."""

from __future__ import annotations

import whoosh.index
from whoosh.scoring import BM25F

from tests.search.conftest import add_claim, add_source
from workbench.search.index import sync_index
from workbench.search.query import parse_query
from workbench.search.scoring import TabledBM25F

QUERIES = ["bridge", "bridge repairs cost", '"harbour bridge"', "vehicl*", "ferry OR funding", "bridge NOT ferry",
           "outlet:courier bridge", "kind:numeric euros", "title:bridge^2 weeks"]


def _scores(ws, weighting) -> dict[str, list[tuple[int, float]]]:
    with whoosh.index.open_dir(str(ws.index_dir)).searcher(weighting=weighting) as searcher:
        return {q: [(hit.docnum, hit.score) for hit in searcher.search(parse_query(q), limit=None, optimize=False)]
                for q in QUERIES}


def test_tabled_lengths_score_exactly_as_whoosh(ws, corpus):
    sync_index(ws)
    expected = _scores(ws, BM25F())
    assert any(expected.values())
    assert _scores(ws, TabledBM25F()) == expected
    # After an incremental sync (a new segment, or segments merged) the tables are read again.
    sid = add_source(ws, {"title": "Bridge tolls rise", "body": "Tolls on the harbour bridge rise to 4 euros."})
    add_claim(ws, sid, "Tolls on the harbour bridge rise to 4 euros.", "numeric", numbers=[("4 euros", 4)])
    sync_index(ws)
    assert _scores(ws, TabledBM25F()) == _scores(ws, BM25F())
