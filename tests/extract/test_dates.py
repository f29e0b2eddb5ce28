"""Date and time facets: absolute forms, relative forms resolved against the publication date, weekday checks."""

from __future__ import annotations

import datetime as dt

import pytest

from workbench.extract.dates import parse_dates

WED = dt.date(2024, 10, 16)   # a Wednesday


def isos(text: str, published: dt.date | None = WED) -> list[str | None]:
    found = parse_dates(text, published)
    for facet in found:
        assert text[facet.start:facet.end] == facet.text
    return [f.iso for f in found]


@pytest.mark.parametrize("text, iso", [
    ("It happened on Oct. 14, 2024 in the evening.", "2024-10-14"),
    ("The vote is on March 3, 2025.", "2025-03-03"),
    ("Signed on 3 March 2023 in Paris.", "2023-03-03"),
    ("Dated 2024-02-29 in the register.", "2024-02-29"),
    ("Sales in September 2023 fell.", "2023-09"),
    ("The firm was founded in 2016.", "2016"),
])
def test_absolute_dates(text, iso):
    assert isos(text) == [iso]


def test_month_day_without_year_takes_the_nearest_year_across_year_end():
    new_year = dt.date(2025, 1, 3)
    assert isos("The talks began on Dec. 30 and resumed on January 2.", new_year) == ["2024-12-30", "2025-01-02"]
    assert isos("The summit is on Jan. 5.", dt.date(2024, 12, 28)) == ["2025-01-05"]


def test_times():
    assert isos("Trading halted at 9:15 a.m. and resumed at 2 p.m.") == ["09:15", "14:00"]
    assert isos("The first train left at 07:45 GMT.") == ["07:45"]
    assert isos("They met at noon.") == ["12:00"]


@pytest.mark.parametrize("text, iso", [
    ("The minister resigned on Monday.", "2024-10-14"),
    ("The minister resigned on Wednesday.", "2024-10-16"),
    ("The company will report results on Friday.", "2024-10-18"),
    ("He spoke last Friday.", "2024-10-11"),
    ("The court rules next Monday.", "2024-10-21"),
    ("Prices rose yesterday.", "2024-10-15"),
    ("It opens tomorrow.", "2024-10-17"),
    ("The strike began two days ago.", "2024-10-14"),
    ("Figures came out this week.", "2024-W42"),
    ("Figures came out last week.", "2024-W41"),
    ("Exports fell last month.", "2024-09"),
    ("Revenue doubled last year.", "2023"),
    ("Growth slowed earlier this month.", "2024-10"),
])
def test_relative_dates_resolved_against_publication(text, iso):
    found = parse_dates(text, WED)
    assert [f.iso for f in found] == [iso]
    assert found[0].relative


def test_relative_dates_across_month_and_year_ends():
    jan = dt.date(2025, 1, 2)    # a Thursday
    assert isos("Output fell last month.", jan) == ["2024-12"]
    assert isos("It was announced last week.", jan) == ["2024-W52"]
    assert isos("Shares fell on Monday.", jan) == ["2024-12-30"]
    assert isos("It happened three days ago.", dt.date(2024, 3, 1)) == ["2024-02-27"]
    assert isos("Demand recovered in December.", jan) == ["2024-12"]
    assert isos("Bookings open next month.", dt.date(2024, 12, 20)) == ["2025-01"]


def test_relative_dates_without_publication_stay_unresolved():
    found = parse_dates("It fell on Monday and last month.", None)
    assert [f.iso for f in found] == [None, None]


def test_weekday_contradicting_date_is_noted():
    found = parse_dates("The rule was dated Tuesday, Oct. 14, 2024.", WED)
    assert found[0].iso == "2024-10-14"
    assert "Tuesday" in found[0].note and "Monday" in found[0].note
    assert parse_dates("Monday, Oct. 14, 2024", WED)[0].note is None


def test_invalid_date_is_not_resolved():
    found = parse_dates("The filing is dated February 30, 2024.", WED)
    assert found[0].iso is None and "not a valid date" in found[0].note


def test_may_the_verb_is_not_a_month():
    assert parse_dates("Prices may rise in the coming days.", WED) == []


def test_month_day_without_year_follows_the_tense():
    autumn = dt.date(2024, 10, 7)
    assert isos("Between Jan. 1 and March 31, sales fell.", autumn) == ["2024-01-01", "2024-03-31"]
    assert isos("The new rules will apply from Jan. 1.", autumn) == ["2025-01-01"]
    assert isos("The hearing is on Oct. 21.", autumn) == ["2024-10-21"]


def test_year_after_an_article_is_a_year():
    assert isos("A 2024 report found the same.") == ["2024"]
