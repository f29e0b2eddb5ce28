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


@pytest.mark.parametrize("text, iso", [
    ("The fire started on 13/06/2025 at dawn.", "2025-06-13"),
    ("The order is dated 13.06.2025 and signed.", "2025-06-13"),
    ("The port shut on 13-06-2025 for repairs.", "2025-06-13"),
    ("Filed on 06/13/2025 in the county court.", "2025-06-13"),     # second number over 12: month first
    ("The ferry ran again on 5/5/2025.", "2025-05-05"),             # both orders read alike
    ("Logged on 2025/06/13 and checked.", "2025-06-13"),
    ("Logged on 2025.06.13 and checked.", "2025-06-13"),
])
def test_numeric_dates_with_one_possible_reading(text, iso):
    found = parse_dates(text, WED)
    assert [f.iso for f in found] == [iso]
    assert found[0].note is None and not found[0].relative


def test_ambiguous_numeric_date_is_recorded_not_guessed():
    found = parse_dates("The inspection took place on 03/04/2025.", WED)
    assert [(f.text, f.iso, f.kind) for f in found] == [("03/04/2025", None, "date")]
    assert found[0].note == ("ambiguous day/month order: 2025-04-03 (day first) or 2025-03-04 (month first)")


def test_a_written_weekday_picks_the_reading_it_matches():
    # 3 April 2025 was a Thursday, 4 March 2025 a Tuesday.
    assert isos("The crew returned on Thursday 03/04/2025.") == ["2025-04-03"]
    assert isos("The crew returned on Tuesday, 03/04/2025.") == ["2025-03-04"]
    found = parse_dates("The crew returned on Sunday 03/04/2025.", WED)
    assert found[0].iso is None and "ambiguous" in found[0].note
    found = parse_dates("The crew returned on Sunday 13/06/2025.", WED)
    assert found[0].iso == "2025-06-13" and "Sunday" in found[0].note and "Friday" in found[0].note


@pytest.mark.parametrize("text", ["The notice is dated 31/02/2025.", "The notice is dated 13/13/2025."])
def test_impossible_numeric_date_is_not_resolved(text):
    found = parse_dates(text, WED)
    assert found[0].iso is None and found[0].note == "not a valid date"


@pytest.mark.parametrize("text", [
    "The score was 3.5 to 12/4 in the second half.",
    "Shares rose 1.2.3 points in a row.",
    "Tickets cost 13/06/20255 at the door.",
    "Section 4.13.2025a of the code applies.",
])
def test_numbers_that_are_not_numeric_dates(text):
    assert all(f.kind != "date" for f in parse_dates(text, WED))


def test_numeric_date_figures_are_not_taken_as_numbers():
    from workbench.extract.claims import extract_claims

    claims = extract_claims("The Harbour Authority said on 13/06/2025 that 40 ships were diverted to Kessel.",
                            dt.date(2025, 6, 14))
    facets = claims[0].facets
    assert [d.iso for d in facets.dates] == ["2025-06-13"]
    assert [n.value for n in facets.numbers] == [40]
