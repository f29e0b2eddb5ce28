"""The query language on a real index: fields, phrases, wildcards, dates, operators, and advice on mistakes."""

from __future__ import annotations

import pytest

from workbench.domain.errors import QueryError
from workbench.search.query import QUERY_HELP, QueryParser, parse_query
from workbench.services.searching import search


def ids(ws, query: str, kind: str | None = None) -> set[int]:
    return {hit["id"] for hit in search(ws, query, limit=50) if kind is None or hit["type"] == kind}


def test_words_match_any_form_and_all_words_rank_first(ws, corpus):
    s = corpus["sources"]
    # "cracks" and "inspectors" appear only in the first article; "bridge" in both bridge articles.
    hits = search(ws, "bridge inspector crack", limit=50)
    assert hits[0]["source_id"] == s[0]
    assert {h["source_id"] for h in hits} == {s[0], s[1]}
    assert ids(ws, "valuations", "source") == {s[2]}  # stemming: "valuation(s)" / "values"


def test_field_queries(ws, corpus):
    s, c = corpus["sources"], corpus["claims"]
    assert ids(ws, "outlet:ledger") == {s[1], *c[1]}
    assert ids(ws, 'outlet:"coastline courier" AND type:source') == {s[0]}
    assert ids(ws, "kind:quote") == {c[0][2]}
    assert ids(ws, "type:claim euros") == {c[0][1], c[1][1]}
    assert ids(ws, "entities:quillfeather") == {c[2][0]}
    assert ids(ws, "numbers:40000") == {c[0][0], c[1][0]}
    assert ids(ws, "author:varga") == {s[0]}
    assert ids(ws, f"source_id:{s[2]} AND type:claim") == set(c[2])


def test_id_finds_the_source_and_the_claim_with_that_number(ws, corpus):
    s, c = corpus["sources"], corpus["claims"]
    claim = c[1][0]
    hits = {(hit["type"], hit["id"]) for hit in search(ws, f"id:{claim}", limit=50)}
    assert ("claim", claim) in hits and hits <= {("claim", claim), ("source", claim)}
    assert ("source", s[1]) in {(hit["type"], hit["id"]) for hit in search(ws, f"id:{s[1]}", limit=50)}
    assert ids(ws, f"type:claim AND id:{claim}") == {claim}
    assert ids(ws, f"ferry AND id:{s[1]}", "source") == {s[1]}
    assert claim not in ids(ws, f"type:claim NOT id:{claim}")


def test_boolean_operators(ws, corpus):
    s = corpus["sources"]
    assert ids(ws, "bridge AND ferry", "source") == {s[1]}
    assert ids(ws, "bridge NOT ferry", "source") == {s[0]}
    assert ids(ws, "(ferry OR startup) AND type:source") == {s[1], s[2]}


def test_phrase_must_appear_as_written(ws, corpus):
    s = corpus["sources"]
    assert ids(ws, '"harbour bridge"', "source") == {s[0], s[1]}
    assert ids(ws, '"main span"', "source") == {s[0]}
    assert ids(ws, '"span main"', "source") == set()


def test_wildcards(ws, corpus):
    s = corpus["sources"]
    assert ids(ws, "quill*", "source") == {s[2]}
    assert ids(ws, "qu?llfeather", "source") == {s[2]}
    assert ids(ws, "fer*", "source") == {s[1]}


def test_date_ranges_on_published(ws, corpus):
    s, c = corpus["sources"], corpus["claims"]
    assert ids(ws, "published:[2025-06-01 to 2025-06-30] AND type:source") == {s[0], s[1]}
    assert ids(ws, "published:2025-06-04 AND type:source") == {s[1]}
    assert ids(ws, "published:2025-07 AND type:source") == {s[2]}
    assert ids(ws, "published:>2025-07-01") == {s[2], *c[2]}
    assert ids(ws, "bridge published:[2025-06-04 to 2025-06-30]", "source") >= {s[1]}
    assert ids(ws, "published:[2025-06-04 to 2025-06-30] AND bridge", "source") == {s[1]}


@pytest.mark.parametrize("query, advice", [
    ("", "the search is empty"),
    ("   ", "the search is empty"),
    ('"harbour bridge', "closing quote"),
    ("(bridge OR ferry", "never closed"),
    ("bridge)", "has no opening"),
    ("bridge AND", "AND needs a search term after it"),
    ("OR ferry", "OR needs a search term before it"),
    ("bridge AND OR ferry", "needs a search term"),
    ("NOT", "NOT needs a search term after it"),
    ("outlt:reuters", "did you mean outlet:?"),
    ("colour:red", "unknown field colour"),
    ("outlet: reuters", "needs a value right after the colon"),
    ("published:[2025-13-01 to 2025-06-30]", "YYYY-MM-DD"),
    ("published:yesterdayish", "YYYY-MM-DD"),
    ("published:[2025-06-01 to 2025-06-30", "both brackets"),
    ("id:abc", "id expects a number"),
])
def test_malformed_queries_get_advice_not_a_traceback(ws, corpus, query, advice):
    with pytest.raises(QueryError) as err:
        search(ws, query)
    assert advice in str(err.value)
    assert "\n" not in str(err.value)


@pytest.mark.parametrize("query", ["07:45 bridge", "40,000 vehicles", "3:1", "bridge -- ferry", "and or not",
                                   "https://example.org/bridge", "it's", "*", "c++", "Meta's 49% stake"])
def test_unusual_but_valid_queries_run(ws, corpus, query):
    assert isinstance(search(ws, query), list)


def test_numbers_with_separators_are_found(ws, corpus):
    c = corpus["claims"]
    assert {c[0][0], c[1][0]} <= ids(ws, "40,000 vehicles", "claim")


def test_help_names_every_field_the_parser_knows():
    parser = QueryParser()
    for name in parser.fields:
        if name != "meta":
            assert name in QUERY_HELP
    assert "published:[2025-06-01 to 2025-06-30]" in QUERY_HELP
    assert parse_query("bridge") is not None
