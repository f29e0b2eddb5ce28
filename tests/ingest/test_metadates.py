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
