"""Our scoring shortcuts give Whoosh's own scores: field lengths read into tables (before and after an update) and
the OR group's bonus for matching more words."""

from __future__ import annotations

import whoosh.index
from whoosh.query import Or
from whoosh.scoring import BM25F

from tests.search.conftest import add_claim, add_source
from workbench.search.coord import CountingOr
from workbench.search.index import sync_index
from workbench.search.query import parse_query
from workbench.search.scoring import TabledBM25F

QUERIES = ["bridge", "bridge repairs cost", '"harbour bridge"', "vehicl*", "ferry OR funding", "bridge NOT ferry",
           "outlet:courier bridge", "kind:numeric euros", "title:bridge^2 weeks", "harbour bridge cracks ferry",
           '"harbour bridge" OR ferry OR 40,000', "(bridge OR ferry) AND (weeks OR cost)", "bridg* OR valu*"]


def _scores(ws, weighting, counting: bool = True) -> dict[str, list[tuple[int, float]]]:
    with whoosh.index.open_dir(str(ws.index_dir)).searcher(weighting=weighting) as searcher:
        out = {}
        for text in QUERIES:
            query = parse_query(text)
            if not counting:
                _plain_or(query)
            out[text] = [(hit.docnum, hit.score) for hit in searcher.search(query, limit=None, optimize=False)]
        return out


def _plain_or(query) -> None:
    if type(query) is CountingOr:
        query.__class__ = Or
    for child in query.children():
        _plain_or(child)


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


def test_counted_word_bonus_scores_exactly_as_whoosh(ws, corpus):
    sync_index(ws)
    assert type(parse_query("bridge ferry")) is CountingOr
    expected = _scores(ws, BM25F(), counting=False)
    assert sum(len(hits) for hits in expected.values()) > 20
    assert _scores(ws, BM25F()) == expected
