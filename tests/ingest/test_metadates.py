"""Publication dates as metadata and bylines write them; anything else is no date."""

from datetime import date, datetime

import pytest

from workbench.ingest.metadates import parse_meta_date


@pytest.mark.parametrize("value, expected", [
    ("2025-06-08", (date(2025, 6, 8), None)),
    ("2025-06-08T09:30:00+00:00", (date(2025, 6, 8), "09:30")),
    ("June 8, 2025", (date(2025, 6, 8), None)),
    ("8 June 2025", (date(2025, 6, 8), None)),
    ("Sun, 08 Jun 2025 10:00:00 GMT", (date(2025, 6, 8), None)),
    ("2025/06/08", (date(2025, 6, 8), None)),
    ("8 de junho de 2025", (date(2025, 6, 8), None)),
    ("2025年6月8日", (date(2025, 6, 8), None)),
    (datetime(2025, 6, 8, 14, 5), (date(2025, 6, 8), "14:05")),
    (date(2025, 6, 8), (date(2025, 6, 8), None)),
])
def test_dates_are_read(value, expected):
    assert parse_meta_date(value) == expected


@pytest.mark.parametrize("value", [None, "", "not stated", "late January 2026", "2025-02-30", "June 2025", "3000-01-01"])
def test_non_dates_and_impossible_dates_stay_empty(value):
    assert parse_meta_date(value) == (None, None)


@pytest.mark.parametrize("value, expected", [
    ("13/06/2025", date(2025, 6, 13)),      # first number over 12: day first
    ("06/13/2025", date(2025, 6, 13)),      # second number over 12: month first
    ("13.06.2025", date(2025, 6, 13)),
    ("13-06-2025", date(2025, 6, 13)),
    ("5/5/2025", date(2025, 5, 5)),         # both orders give the same day
    ("2025.06.13", date(2025, 6, 13)),
    ("13/06/2025 10:32", date(2025, 6, 13)),
])
def test_numeric_dates_with_one_reading(value, expected):
    assert parse_meta_date(value) == (expected, None)


@pytest.mark.parametrize("value", ["03/04/2025", "03.04.2025", "31/02/2025", "13/13/2025", "1.2.3.2025"])
def test_ambiguous_or_impossible_numeric_dates_give_no_date(value):
    assert parse_meta_date(value) == (None, None)


def test_ambiguity_is_told_apart_from_an_unreadable_date():
    from workbench.ingest.metadates import is_ambiguous

    assert is_ambiguous("03/04/2025")
    assert not is_ambiguous("13/06/2025") and not is_ambiguous("05/05/2025") and not is_ambiguous("31/02/2025")
    assert not is_ambiguous("sometime soon") and not is_ambiguous(None)
