"""Candidate retrieval for the cross-checker: claims of other sources about the same fact, found through the index."""

from __future__ import annotations

from datetime import datetime

from tests.search.conftest import add_claim, add_source
from workbench.search.candidates import CandidateFinder
from workbench.search.documents import number_tokens
from workbench.storage.models import Claim


def candidates_for(finder: CandidateFinder, ws, claim_id: int, limit: int = 30) -> list[tuple[int, float]]:
    with ws.session() as session:
        claim = session.get(Claim, claim_id)
        entities = [e["text"] for e in claim.facets.get("entities", [])]
        numbers = [n["text"] for n in claim.facets.get("numbers", [])]
        return finder.candidates(claim.id, claim.text, claim.source_id, entities, numbers, limit)


def test_finds_the_same_fact_in_other_sources_only(ws, corpus):
    c, s = corpus["claims"], corpus["sources"]
    with CandidateFinder(ws) as finder:
        found = candidates_for(finder, ws, c[0][0])
    ids = [cid for cid, _ in found]
    assert ids[0] == c[1][0]  # "More than 40,000 vehicles use the crossing daily"
    with ws.session() as session:
        assert all(session.get(Claim, cid).source_id != s[0] for cid in ids)
    assert c[0][0] not in ids and c[0][1] not in ids
    assert all(score > 0 for _, score in found)


def test_cost_claims_pair_up_although_the_figures_differ(ws, corpus):
    c = corpus["claims"]
    with CandidateFinder(ws) as finder:
        ids = [cid for cid, _ in candidates_for(finder, ws, c[1][1])]
    assert ids[0] == c[0][1]  # 15 million vs 12 million euros: a conflict the checker must see


def test_shared_entities_and_numbers_weigh_more_than_shared_words(ws, corpus):
    # Two claims in a fourth source: one shares only common words, the other the entity and the figure.
    body = ("The company said the round was large. Quillfeather Labs is now worth 4.5 billion dollars, "
            "investors said.")
    sid = add_source(ws, {"title": "Investors", "body": body})
    plain = add_claim(ws, sid, "The company said the round was large.")
    rich = add_claim(ws, sid, "Quillfeather Labs is now worth 4.5 billion dollars, investors said.",
                     entities=["Quillfeather Labs"], numbers=[("4.5 billion dollars", 4.5e9)])
    with CandidateFinder(ws) as finder:
        ids = [cid for cid, _ in candidates_for(finder, ws, corpus["claims"][2][0])]
    assert ids[0] == rich
    assert plain not in ids or ids.index(rich) < ids.index(plain)


def test_numbers_match_across_spellings(ws, corpus):
    with CandidateFinder(ws) as finder:
        by_value = finder.candidates(0, "a total of", corpus["sources"][2], [], ["40000"])
        by_text = finder.candidates(0, "", corpus["sources"][2], [], ["40,000"])
    assert {cid for cid, _ in by_value} == {cid for cid, _ in by_text} == {corpus["claims"][0][0],
                                                                           corpus["claims"][1][0]}
    assert number_tokens("$14.3 billion") == {"14.3"}
    assert number_tokens("29,000") == {"29000"}


def test_deleted_claims_are_not_candidates_and_new_ones_appear_after_refresh(ws, corpus):
    c = corpus["claims"]
    with ws.session() as session:
        session.get(Claim, c[1][0]).deleted_at = datetime(2025, 8, 1)
    finder = CandidateFinder(ws)  # syncs first
    try:
        assert c[1][0] not in [cid for cid, _ in candidates_for(finder, ws, c[0][0])]
        sid = add_source(ws, {"title": "Traffic", "body": "Some 40,000 vehicles cross the harbour bridge daily."})
        new = add_claim(ws, sid, "Some 40,000 vehicles cross the harbour bridge daily.", numbers=[("40,000", 4e4)])
        from workbench.search.index import sync_index

        sync_index(ws)
        finder.refresh()
        assert new in [cid for cid, _ in candidates_for(finder, ws, c[0][0])]
    finally:
        finder.close()


def test_limit_and_claims_without_salient_words(ws, corpus):
    with CandidateFinder(ws) as finder:
        assert len(candidates_for(finder, ws, corpus["claims"][0][0], limit=1)) == 1
        assert finder.candidates(0, "the of and", corpus["sources"][0], [], []) == []
