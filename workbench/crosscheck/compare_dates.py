"""Dates and times after resolution: same granularity compares exactly, a day inside its month agrees."""

from __future__ import annotations

import re
from datetime import date
from dataclasses import dataclass
from enum import StrEnum

from workbench.domain.facets import DateFacet

_DATE_RE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:T(\d{2}):(\d{2}))?$")
_TIME_RE = re.compile(r"^(\d{1,2}):(\d{2})$")
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


class Grain(StrEnum):
    YEAR = "year"
    MONTH = "month"
    DAY = "day"
    TIME = "time"          # a clock time without a day
    DATETIME = "datetime"  # a day and a clock time
    WEEKDAY = "weekday"    # "on Thursday", not resolved to a day


@dataclass(frozen=True)
class When:
    text: str
    start: int
    end: int
    grain: Grain
    year: int | None = None
    month: int | None = None
    day: int | None = None
    minutes: int | None = None    # minutes after midnight
    weekday: str | None = None
    relative: bool = False        # "later this month", "last year": read against the article's own date

    def label(self) -> str:
        if self.grain is Grain.TIME:
            return f"{self.minutes // 60:02d}:{self.minutes % 60:02d}"
        if self.grain is Grain.WEEKDAY:
            return self.weekday.capitalize()
        parts = [f"{self.year:04d}"]
        if self.month:
            parts.append(f"{self.month:02d}")
        if self.day:
            parts.append(f"{self.day:02d}")
        out = "-".join(parts)
        if self.minutes is not None:
            out += f" {self.minutes // 60:02d}:{self.minutes % 60:02d}"
        return out


def read_date(facet: DateFacet) -> When | None:
    """A comparable reading of a date facet, or None when it was not resolved."""
    iso = (facet.iso or "").strip()
    m = _TIME_RE.match(iso)
    if m:
        return When(facet.text, facet.start, facet.end, Grain.TIME, minutes=int(m[1]) * 60 + int(m[2]),
                    relative=facet.relative)
    m = _DATE_RE.match(iso)
    if m:
        year, month, day = int(m[1]), m[2] and int(m[2]), m[3] and int(m[3])
        minutes = int(m[4]) * 60 + int(m[5]) if m[4] else None
        if minutes is not None and day:
            grain = Grain.DATETIME
        else:
            grain = Grain.DAY if day else Grain.MONTH if month else Grain.YEAR
        return When(facet.text, facet.start, facet.end, grain, year, month or None, day or None, minutes,
                    relative=facet.relative)
    lowered = facet.text.lower()
    for name in _WEEKDAYS:
        if name in lowered:
            return When(facet.text, facet.start, facet.end, Grain.WEEKDAY, weekday=name, relative=facet.relative)
    return None


class DateVerdict(StrEnum):
    AGREE = "agree"
    CONFLICT = "conflict"
    UNRELATED = "unrelated"   # different kinds (a year and a clock time) say nothing about each other


def _weekday_of(w: When) -> str | None:
    try:
        return _WEEKDAYS[date(w.year, w.month, w.day).weekday()]
    except (TypeError, ValueError):
        return None


def _calendar(w: When) -> tuple[int | None, int | None, int | None]:
    return w.year, w.month, w.day


def compare_dates(a: When, b: When) -> DateVerdict:
    if a.grain is Grain.WEEKDAY or b.grain is Grain.WEEKDAY:
        if a.grain is b.grain:
            return DateVerdict.AGREE if a.weekday == b.weekday else DateVerdict.CONFLICT
        # "on Thursday" in an undated article and June 12 elsewhere agree when June 12 was a Thursday; a
        # different weekday may belong to another week, so it proves nothing
        day = b if a.grain is Grain.WEEKDAY else a
        weekday = a.weekday if a.grain is Grain.WEEKDAY else b.weekday
        if day.day and _weekday_of(day) == weekday:
            return DateVerdict.AGREE
        return DateVerdict.UNRELATED
    timed = {Grain.TIME, Grain.DATETIME}
    if a.grain in timed and b.grain in timed:
        if a.grain is Grain.DATETIME and b.grain is Grain.DATETIME and _calendar(a) != _calendar(b):
            return DateVerdict.CONFLICT
        return DateVerdict.AGREE if a.minutes == b.minutes else DateVerdict.CONFLICT
    if Grain.TIME in (a.grain, b.grain):
        return DateVerdict.UNRELATED
    # calendar comparison at the coarser of the two grains; a finer date inside a coarser one agrees
    for mine, theirs in zip(_calendar(a), _calendar(b)):
        if mine is None or theirs is None:
            return DateVerdict.AGREE
        if mine != theirs:
            return DateVerdict.CONFLICT
    return DateVerdict.AGREE


def same_grain(a: When, b: When) -> bool:
    fine = {Grain.DAY, Grain.DATETIME}
    return a.grain == b.grain or (a.grain in fine and b.grain in fine)
