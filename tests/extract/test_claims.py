"""The extractor as a whole: spans, filtering, splitting, kinds, scores, speakers from context."""

from __future__ import annotations

import datetime as dt

from workbench.domain.claims import ClaimKind
from workbench.extract import extract_claims

ARTICLE = """Harbour city approves new bridge
By Jane Doe and John Roe
The city council on Tuesday approved a $2.7 billion bridge across the harbour, according to two people familiar with the matter.
(Photo: Ann Lee/Example Wire)
More than 60,000 vehicles cross the harbour every day, the U.S. Transportation Department said in a report.
“This bridge will change the city. It is long overdue,” said Mayor Ann Lee, who has backed the plan since 2019.
She added, “We expect the first cars in 2029.”
Will the bridge be ready on time?
Construction begins next month; the builder, Northwind Holdings, has hired 1,200 workers so far.
I think it is the best project the city has ever seen.
Sign up for our newsletter to get the latest news.
Copyright 2024 Example News. All rights reserved.
"""
PUBLISHED = dt.date(2024, 10, 17)   # a Thursday


def drafts():
    return extract_claims(ARTICLE, PUBLISHED)


def test_spans_match_text_and_do_not_overlap():
    claims = drafts()
    assert claims
    for claim in claims:
        assert ARTICLE[claim.start:claim.end] == claim.text
        for group in (claim.facets.numbers, claim.facets.dates, claim.facets.entities, claim.facets.quotes):
            for facet in group:
                assert claim.start <= facet.start <= facet.end <= claim.end
                if group is not claim.facets.quotes:
                    assert ARTICLE[facet.start:facet.end] == facet.text
    for a, b in zip(claims, claims[1:]):
        assert a.end <= b.start


def test_furniture_questions_and_headings_are_not_claims():
    texts = " | ".join(c.text for c in drafts())
    for junk in ("Harbour city approves", "By Jane Doe", "Photo:", "Will the bridge", "Sign up", "Copyright"):
        assert junk not in texts


def test_kinds_and_facets():
    claims = {c.text.split()[0]: c for c in drafts()}
    council = claims["The"]
    assert council.kind in (ClaimKind.NUMERIC, ClaimKind.ATTRIBUTION)
    assert council.facets.numbers[0].text == "$2.7 billion"
    assert council.facets.dates[0].iso == "2024-10-15"
    assert council.attribution == "two people familiar with the matter"
    vehicles = claims["More"]
    assert vehicles.kind is ClaimKind.NUMERIC
    assert vehicles.facets.numbers[0].counted == "vehicles"
    assert vehicles.facets.numbers[0].high is None
    quote = claims["“This"]
    assert quote.kind is ClaimKind.QUOTE and quote.speaker == "Ann Lee"


def test_speaker_carries_to_the_next_sentence():
    added = next(c for c in drafts() if c.text.startswith("She added"))
    assert added.speaker == "Ann Lee"
    assert added.facets.dates[0].iso == "2029"


def test_semicolon_joined_facts_are_split():
    texts = [c.text for c in drafts()]
    assert "Construction begins next month" in texts
    assert "the builder, Northwind Holdings, has hired 1,200 workers so far." in texts


def test_opinion_scores_low_and_says_why():
    claims = drafts()
    opinion = next(c for c in claims if c.text.startswith("I think"))
    assert opinion.kind is ClaimKind.OPINION
    assert opinion.score < min(c.score for c in claims if c.kind is ClaimKind.NUMERIC)
    assert any("opinion" in r for r in opinion.reasons)
    for claim in claims:
        assert 0.0 <= claim.score <= 1.0 and claim.reasons


def test_sentence_level_granularity():
    claims = drafts()
    assert 7 <= len(claims) <= 10
    assert max(len(c.text) for c in claims) < 200


def test_empty_and_blank_bodies():
    assert extract_claims("", None) == []
    assert extract_claims(" \n\n\t ", None) == []


def test_workspace_vocabulary_types_names():
    body = "Vella Times reported that the plant closed on Monday."
    claim = extract_claims(body, PUBLISHED, {"Vella Times": "outlet"})[0]
    assert [(e.text, e.type) for e in claim.facets.entities] == [("Vella Times", "outlet")]
    assert claim.attribution == "Vella Times"


def test_claim_attribution_prefers_the_outlet_over_the_speaker():
    claim = extract_claims("“We are reviewing every system,” Jane Roe told Northwind on Monday.", PUBLISHED)[0]
    assert claim.speaker == "Jane Roe"
    assert claim.attribution == "Northwind"


def test_a_bare_quote_far_from_any_name_gets_no_speaker():
    body = ("Jane Roe chairs the board. The board met twice. Members voted. The vote was close. Nobody left early.\n"
            "“We will appeal.”")
    assert extract_claims(body, PUBLISHED)[-1].speaker is None
    near = "Jane Roe chairs the board.\n“We will appeal.”"
    assert extract_claims(near, PUBLISHED)[-1].speaker == "Jane Roe"
