"""Properties over arbitrary text: extraction never raises, offsets stay in the body, facets never overlap."""

from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from workbench.extract import extract_claims
from workbench.extract.dates import parse_dates
from workbench.extract.numbers import parse_numbers

# Text built from news-like pieces, so the parsers' interesting paths are reached, plus arbitrary characters.
PIECES = st.sampled_from([
    "more than", "about", "between", "and", "to", "$", "€", "2.7", "14,300", "billion", "m", "%", "tens of",
    "thousands", "two-thirds", "a dozen", "Oct.", "14", ",", "2024", "Monday", "last", "week", "9:15", "a.m.",
    "“", "”", '"', "‘", "’", "said", "Jane Roe", "Reuters", "according to", "people familiar with the matter",
    ".", "?", "!", ";", "\n", " ", "U.S.", "Mr.", "(Photo: X/AP)", "By", "Inc.", "told", "(Reuters) -", "'s",
])
NEWSY = st.lists(st.one_of(PIECES, st.text(max_size=6)), max_size=60).map(" ".join)
BODIES = st.one_of(NEWSY, st.text(max_size=300))
DATES = st.one_of(st.none(), st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31)))


def _no_overlap(items) -> bool:
    spans = sorted((f.start, f.end) for f in items)
    return all(a[1] <= b[0] for a, b in zip(spans, spans[1:]))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(body=BODIES, published=DATES)
def test_extraction_never_raises_and_offsets_hold(body, published):
    claims = extract_claims(body, published)
    for claim in claims:
        assert 0 <= claim.start < claim.end <= len(body)
        assert body[claim.start:claim.end] == claim.text
        assert 0.0 <= claim.score <= 1.0
        facets = claim.facets
        for group in (facets.numbers, facets.dates, facets.entities, facets.quotes, facets.attributions):
            for facet in group:
                assert claim.start <= facet.start <= facet.end <= claim.end
                assert body[facet.start:facet.end] == facet.text
            assert _no_overlap(group)
    assert _no_overlap(claims)


@settings(max_examples=150, deadline=None)
@given(text=BODIES, published=DATES, offset=st.integers(min_value=0, max_value=1000))
def test_parsers_keep_offsets_inside_the_text(text, published, offset):
    for facet in parse_numbers(text, offset) + parse_dates(text, published, offset):
        assert offset <= facet.start <= facet.end <= offset + len(text)
        assert text[facet.start - offset:facet.end - offset] == facet.text
