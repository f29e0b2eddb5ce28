"""Number facets: hedges to intervals, ranges, currencies and scales, word forms, what is counted."""

from __future__ import annotations

import pytest

from workbench.extract.numbers import parse_numbers


def one(text: str):
    found = parse_numbers(text)
    assert len(found) == 1, found
    facet = found[0]
    assert text[facet.start:facet.end] == facet.text
    return facet


@pytest.mark.parametrize("text, phrase, low, high", [
    ("Police said more than 60,000 people marched.", "more than 60,000", 60_000, None),
    ("At least 12 vehicles were damaged.", "At least 12", 12, None),
    ("Up to 300 jobs could go.", "Up to 300", None, 300),
    ("It sold as many as 5,000 units.", "as many as 5,000", None, 5_000),
    ("Fewer than 40 staff remain.", "Fewer than 40", None, 40),
    ("The firm has about 1,000 employees.", "about 1,000", 900, 1_100),
    ("Nearly 200 flights were cancelled.", "Nearly 200", 180, 200),
    ("Roughly 7.5 million viewers watched.", "Roughly 7.5 million", 6_750_000, 8_250_000),
])
def test_hedges_give_intervals(text, phrase, low, high):
    facet = one(text)
    assert facet.text == phrase
    assert facet.low == pytest.approx(low) if low is not None else facet.low is None
    assert facet.high == pytest.approx(high) if high is not None else facet.high is None


def test_exact_number_is_a_point():
    facet = one("The plant employs 412 workers.")
    assert (facet.value, facet.low, facet.high, facet.counted) == (412, 412, 412, "workers")


@pytest.mark.parametrize("text, value, unit", [
    ("Meta paid $14.3 billion for the stake.", 14.3e9, "USD"),
    ("The deal is worth €350m in total.", 350e6, "EUR"),
    ("It raised £2bn last year.", 2e9, "GBP"),
    ("Revenue reached RMB 1.4 million in May.", 1.4e6, "CNY"),
    ("The fund holds US$800 million.", 800e6, "USD"),
    ("The city spent 3 billion yuan on roads.", 3e9, "CNY"),
    ("Tickets cost 40 euros each.", 40, "EUR"),
    ("Shares rose 2.6% on Friday.", 2.6, "%"),
    ("Turnout fell 4 percent from the last vote.", 4, "%"),
    ("Output grew three times faster than planned.", 3, "times"),
])
def test_currencies_scales_and_units(text, value, unit):
    facet = one(text)
    assert facet.value == pytest.approx(value)
    assert facet.unit == unit


@pytest.mark.parametrize("text, low, high, hedge", [
    ("Between 3,000 and 5,000 people were evacuated.", 3_000, 5_000, "between"),
    ("Officials expect 3,000 to 5,000 visitors.", 3_000, 5_000, "range"),
    ("The round could reach $10-$15 billion.", 10e9, 15e9, "range"),
    ("The project needs 3 to 5 million euros.", 3e6, 5e6, "range"),
    ("Prices fell 10%–12% over the week.", 10, 12, "range"),
    # the scale of the second figure is shared only when the first has none and stays below the second
    ("Between 600,000 and 2 million homes lost power.", 600_000, 2e6, "between"),
    ("Between 2 and 3 million homes lost power.", 2e6, 3e6, "between"),
    ("Estimates of the crowd ranged from 10,000 to 30,000 people.", 10_000, 30_000, "range"),
    ("Anywhere from 200 to 400 people gathered at the gates.", 200, 400, "range"),
    ("The carmaker plans to cut 4,000 to 7,000 jobs over the next year.", 4_000, 7_000, "range"),
])
def test_ranges(text, low, high, hedge):
    facet = one(text)
    assert (facet.low, facet.high) == (pytest.approx(low), pytest.approx(high))
    assert facet.hedge == hedge
    assert low <= facet.value <= high


@pytest.mark.parametrize("text, phrase, low, high", [
    ("Tens of thousands of people joined.", "Tens of thousands", 20_000, 99_999),
    ("Hundreds of thousands lost power.", "Hundreds of thousands", 200_000, 999_999),
    ("Several thousand fans waited outside.", "Several thousand", 3_000, 9_999),
    ("Dozens of shops closed early.", "Dozens", 24, 99),
    ("A handful of lawmakers objected.", "A handful", 2, 5),
    ("A dozen firms bid for the contract.", "A dozen", 12, 12),
])
def test_vague_quantities_are_wide_intervals(text, phrase, low, high):
    facet = one(text)
    assert facet.text == phrase
    assert (facet.low, facet.high) == (low, high)


def test_fractions_and_multiples():
    two_thirds = one("Two-thirds of voters backed the plan.")
    assert two_thirds.value == pytest.approx(2 / 3) and two_thirds.unit == "fraction"
    assert two_thirds.counted == "voters"
    third = one("A third of the budget went to defence.")
    assert third.value == pytest.approx(1 / 3)
    twice = one("Sales were twice as high in June.")
    assert (twice.value, twice.unit) == (2, "times")


def test_counted_noun_skips_names_and_models():
    facet = one("The approval covers more than 400,000 H200 units for buyers.")
    assert facet.counted == "units"
    assert one("Dozens of protesters gathered.").counted == "protesters"


@pytest.mark.parametrize("text", [
    "The H200 chip is Nvidia's second most powerful.",
    "COVID-19 cases were reported.",
    "The meeting started at 7:45 in the hall.",
    "In 2016 the company was founded.",
    "It was the 1st attempt.",
])
def test_codes_times_years_and_ordinals_are_not_numbers(text):
    assert parse_numbers(text) == []


def test_offsets_are_shifted_and_skips_respected():
    text = "It cost $5 million in 2024."
    facets = parse_numbers(text, offset=100)
    assert [f.start for f in facets] == [108]
    assert parse_numbers(text, offset=100, skip=[(108, 110)]) == []


def test_no_overlaps_between_number_facets():
    facets = parse_numbers("Between 10 and 20 cars, tens of thousands of people and two-thirds of 300 shops.")
    for a, b in zip(facets, facets[1:]):
        assert a.end <= b.start


def test_numbers_inside_names_are_not_counts():
    assert parse_numbers("Its latest Llama 4 models failed the test.") == []
    assert parse_numbers("The Boeing 737 fleet stayed grounded.") == []
    assert [f.text for f in parse_numbers("In March 4 people were hurt.")] == ["4"]


def test_counted_noun_does_not_cross_a_preposition():
    assert one("The stock was up 0.5% in afternoon trade.").counted is None
    assert one("It put $10 billion in artificial intelligence.").counted == "money"


def test_tilde_and_near_are_about():
    tilde = one("Scale was valued at ~$25bn last year.")
    assert tilde.text == "~$25bn" and (tilde.low, tilde.high) == (pytest.approx(22.5e9), pytest.approx(27.5e9))
    near = one("The deal would value it near $25 billion.")
    assert near.hedge == "near" and near.low == pytest.approx(22.5e9)


def test_changes_are_not_ranges():
    facets = parse_numbers("Revenue rose 14.5% to $3.2 billion in the quarter.")
    assert [(f.text, f.unit) for f in facets] == [("14.5%", "%"), ("$3.2 billion", "USD")]
    facets = parse_numbers("Unemployment fell from 5.1% to 4.8% last year.")
    assert [f.text for f in facets] == ["5.1%", "4.8%"]
    assert one("Officials expect 3% to 5% growth.").hedge == "range"
    # by 200 to 1,400: the second is far larger than a range's other end would be
    assert [f.text for f in parse_numbers("Staff numbers rose 200 to 1,400 people.")] == ["200", "1,400"]


@pytest.mark.parametrize("text, counted", [
    ("Scale's valuation now stands at over $29 billion.", "valuation"),
    ("The startup was last valued at nearly $14 billion.", "valuation"),
    ("Meta invests $14.3B in the firm.", "investment"),
    ("Revenue reached $870 million in 2024.", "revenue"),
    ("It paid $5 million, the filing shows.", "pay"),
    ("The fund holds $2 billion.", "money"),
    ("It is a $14.3 billion investment.", "investment"),
])
def test_what_an_amount_of_money_is(text, counted):
    assert one(text).counted == counted
