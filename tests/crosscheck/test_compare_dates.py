"""Dates and times compared after resolution."""

from __future__ import annotations

from workbench.crosscheck.compare_dates import DateVerdict, Grain, compare_dates, read_date
from workbench.domain.facets import DateFacet


def when(text: str, iso: str | None, kind: str = "date"):
    return read_date(DateFacet(text=text, start=0, end=len(text), iso=iso, kind=kind))


def test_days_and_times():
    assert compare_dates(when("March 3", "2024-03-03"), when("March 5", "2024-03-05")) is DateVerdict.CONFLICT
    assert compare_dates(when("07:45", "07:45", "time"), when("07:50", "07:50", "time")) is DateVerdict.CONFLICT
    assert compare_dates(when("7.45am", "07:45", "time"), when("07:45", "07:45", "time")) is DateVerdict.AGREE


def test_a_day_inside_its_month_or_year_agrees():
    assert compare_dates(when("in March", "2024-03", "month"), when("March 3", "2024-03-03")) is DateVerdict.AGREE
    assert compare_dates(when("2016", "2016", "year"), when("2016", "2016", "year")) is DateVerdict.AGREE
    assert compare_dates(when("2016", "2016", "year"), when("2017", "2017", "year")) is DateVerdict.CONFLICT


def test_a_clock_time_says_nothing_about_a_day():
    assert compare_dates(when("07:45", "07:45", "time"), when("March 3", "2024-03-03")) is DateVerdict.UNRELATED


def test_unresolved_dates_are_skipped_but_weekdays_compare():
    assert when("soon", None) is None
    thursday = when("on Thursday", None, "relative")
    assert thursday.grain is Grain.WEEKDAY
    assert compare_dates(thursday, when("Thursday", None, "relative")) is DateVerdict.AGREE


def test_an_unresolved_weekday_agrees_with_a_date_on_that_weekday_only():
    thursday = when("on Thursday", None, "relative")
    assert compare_dates(thursday, when("June 12", "2025-06-12")) is DateVerdict.AGREE   # a Thursday
    assert compare_dates(when("June 13", "2025-06-13"), thursday) is DateVerdict.UNRELATED   # a Friday
    assert compare_dates(thursday, when("in June", "2025-06", "month")) is DateVerdict.UNRELATED
