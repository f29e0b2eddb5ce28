"""Numbers compared as intervals: hedges, rounding, units of the same figure."""

from __future__ import annotations

import pytest

from workbench.crosscheck.compare_numbers import Bound, Verdict, compare_readings, read_number
from workbench.domain.facets import NumberFacet


def reading(text: str, value: float, unit: str | None = None, before: str = ""):
    return read_number(NumberFacet(text=text, start=0, end=len(text), value=value, unit=unit), before)


@pytest.mark.parametrize("a, b, expected", [
    (("more than 60,000", 60_000), ("about 60,000", 60_000), Verdict.AGREE),
    (("60,000", 60_000), ("about 60,000", 60_000), Verdict.AGREE),
    (("more than 3 million", 3e6), ("over 5 million", 5e6), Verdict.CONFLICT),
    (("$2.7 billion", 2.7e9, "USD"), ("$1.9 billion", 1.9e9, "USD"), Verdict.CONFLICT),
    (("130", 130), ("112", 112), Verdict.CONFLICT),
    (("$28 billion", 28e9, "USD"), ("$29 billion", 29e9, "USD"), Verdict.CONFLICT),
    (("$15 billion", 15e9, "USD"), ("$14.3 billion", 14.3e9, "USD"), Verdict.CONFLICT),
    (("near $25 billion", 25e9, "USD"), ("over $29 billion", 29e9, "USD"), Verdict.CONFLICT),
    (("nearly $14 billion", 14e9, "USD"), ("$13.8 billion", 13.8e9, "USD"), Verdict.AGREE),
    (("nearly $15 billion", 15e9, "USD"), ("$14.3 billion", 14.3e9, "USD"), Verdict.CONFLICT),
    (("could exceed $10 billion", 10e9, "USD"), ("more than $10 billion", 10e9, "USD"), Verdict.AGREE),
    (("more than $10 billion", 10e9, "USD"), ("$14.3 billion", 14.3e9, "USD"), Verdict.COMPATIBLE),
    (("at least 40", 40), ("40", 40), Verdict.AGREE),
    (("up to 500", 500), ("700", 700), Verdict.CONFLICT),
])
def test_pairs(a, b, expected):
    assert compare_readings(reading(*a), reading(*b)) is expected
    assert compare_readings(reading(*b), reading(*a)) is expected


def test_hedge_can_come_from_the_words_before_the_number():
    r = reading("1,200", 1200, before="officials counted more than ")
    assert r.bound is Bound.LOWER and r.low == 1200 and r.high == float("inf") and r.low_open


def test_rounding_follows_the_written_precision():
    assert reading("$14.3 billion", 14.3e9, "USD").high == pytest.approx(14.35e9)
    assert reading("15", 15).low == pytest.approx(14.5)


def test_vague_quantities_never_conflict():
    vague = reading("several thousand", 3000)
    assert vague.bound is Bound.VAGUE
    assert compare_readings(vague, reading("12,000", 12_000)) is not Verdict.CONFLICT
