"""Search results: their shape, highlighted snippets, claim spans, ranking across sources, and the CLI."""

from __future__ import annotations

import json

from tests.search.conftest import add_claim, add_source
from workbench.cli import main
from workbench.search.snippets import highlight, query_words
from workbench.search.query import parse_query
from workbench.services.searching import search
from workbench.storage.models import Source


def test_hits_have_the_documented_shape(ws, corpus):
    hits = search(ws, "bridge")
    assert hits
    for hit in hits:
        assert {"type", "id", "source_id", "score", "snippet"} <= set(hit)
        assert hit["type"] in ("source", "claim")
        assert isinstance(hit["score"], float)
    scores = [h["score"] for h in hits]
    assert scores[0] == max(scores)


def test_snippets_mark_matched_words_in_any_form(ws, corpus):
    hits = search(ws, "vehicle crossing")
    snippet = next(h["snippet"] for h in hits if h["type"] == "claim" and h["id"] == corpus["claims"][1][0])
    assert snippet == ("More than 40,000 «vehicles» use the «crossing» daily, according to the transport "
                       "office.")


def test_claim_hits_carry_their_span_in_the_source_body(ws, corpus):
    hits = [h for h in search(ws, "weld") if h["type"] == "claim"]
    assert len(hits) == 1
    with ws.session() as session:
        body = session.get(Source, hits[0]["source_id"]).body
    assert body[hits[0]["start"]:hits[0]["end"]].startswith('"We will not reopen it')
    assert hits[0]["kind"] == "quote"


def test_long_bodies_give_a_short_snippet_around_the_best_passage(ws):
    filler = "The council met again and discussed the agenda at length. " * 40
    body = filler + "The lighthouse keeper counted 212 seals on the northern rocks. " + filler
    sid = add_source(ws, {"title": "Council meeting", "body": body})
    hit = search(ws, "lighthouse seals")[0]
    assert hit["id"] == sid
    assert "«lighthouse» keeper counted 212 «seals»" in hit["snippet"]
    assert len(hit["snippet"]) < 260 and hit["snippet"].startswith("…") and hit["snippet"].endswith("…")


def test_snippet_marks_wildcard_and_phrase_words():
    words = query_words(parse_query('quill* "funding round"'))
    text = "Quillfeather Labs closed a funding round; the rounds were large."
    assert highlight(text, words) == "«Quillfeather» Labs closed a «funding» «round»; the «rounds» were large."


def test_wildcards_mark_whole_words_as_the_text_splits_them():
    # A number ends a word, so "5km" holds the word "km"; inside "tx5km" it is not a word of its own.
    words = query_words(parse_query("km* bridg*"))
    text = "The 5km bridge and the tx5km bridges, 3.5kms long; footbridge kmh."
    assert highlight(text, words) == "The 5«km» «bridge» and the tx5km «bridges», 3.5«kms» long; footbridge «kmh»."

    # Words the stemmer changes beyond a prefix, beside a wildcard: "firing" -> "fire", "visibility" -> "visibl".
    words = query_words(parse_query("valu* fire visible"))
    text = "Firing ended; visibility was poor and valuations fell. Misfiring pumps."
    assert highlight(text, words) == ("«Firing» ended; «visibility» was poor and «valuations» fell. Misfiring pumps.")


def test_one_article_full_of_matches_does_not_fill_the_first_page(ws, corpus):
    # Many claims of one source match; other sources that match must still make the top results.
    body = " ".join(f"The bridge toll rose to {n} euros in year {n}." for n in range(1, 16))
    sid = add_source(ws, {"title": "Bridge tolls over the years", "body": body})
    for n in range(1, 16):
        add_claim(ws, sid, f"The bridge toll rose to {n} euros in year {n}.")
    top = search(ws, "bridge", limit=6)
    assert {corpus["sources"][0], corpus["sources"][1]} <= {h["source_id"] for h in top}


def test_deleted_sources_are_not_returned(ws, corpus):
    from datetime import datetime

    with ws.session() as session:
        session.get(Source, corpus["sources"][2]).deleted_at = datetime(2025, 9, 1)
    assert search(ws, "Quillfeather") == []


def test_cli_search_json(ws, corpus, capsys):
    ws.close()
    assert main(["search", str(ws.path), "harbour", "bridge", "--limit", "3", "--json"]) == 0
    hits = json.loads(capsys.readouterr().out)
    assert 1 <= len(hits) <= 3
    assert all({"type", "id", "source_id", "score", "snippet"} <= set(h) for h in hits)
    assert hits[0]["source_id"] in corpus["sources"][:2]


def test_cli_search_text_and_reindex(ws, corpus, capsys):
    ws.close()
    assert main(["reindex", str(ws.path)]) == 0
    assert "search index rebuilt: 10 documents" in capsys.readouterr().out
    assert main(["search", str(ws.path), "Quillfeather"]) == 0
    out = capsys.readouterr().out
    assert "«Quillfeather»" in out and out.rstrip().endswith("hits")


def test_cli_malformed_query_is_a_one_line_error(ws, corpus, capsys):
    ws.close()
    assert main(["search", str(ws.path), '"harbour bridge']) == 1
    err = capsys.readouterr().err
    assert err.startswith("error: ") and "closing quote" in err and "Traceback" not in err


def test_cli_rebuilt_index_is_reported_on_stderr(ws, corpus, capsys):
    import shutil

    search(ws, "bridge")
    ws.close()
    shutil.rmtree(ws.index_dir)
    assert main(["search", str(ws.path), "bridge", "--json"]) == 0
    captured = capsys.readouterr()
    assert "note: the search index was missing; it was rebuilt" in captured.err
    assert json.loads(captured.out)
