"""Dates and times in a sentence: absolute and relative, resolved against the publication date.

All-numeric dates ("13/06/2025", "13.06.2025", "6-13-2025") are resolved only when one reading is possible: a
first number over 12 is the day, a second over 12 is the day, equal numbers read alike, and a weekday written with
the date picks the reading it matches. Otherwise ("03/04/2025") the facet keeps ``iso`` None and a note naming
both readings: the order differs between countries, and a wrong guess would plant a false conflict.
"""

from __future__ import annotations

import datetime as dt
import re

from workbench.domain.facets import DateFacet
from workbench.extract.spans import SpanSet
from workbench.extract.tokens import cased_words, lower_words

MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8,
    "september": 9, "october": 10, "november": 11, "december": 12, "jan": 1, "feb": 2, "mar": 3, "apr": 4,
    "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6}
WEEKDAY_NAMES = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

_MONTH = (r"(?P<{g}>January|February|March|April|May|June|July|August|September|October|November|December"
          r"|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept\.?|Sep\.?|Oct\.?|Nov\.?|Dec\.?)")
_WEEKDAY = r"(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_DAY = r"(?P<{g}>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?P<{g}>(?:1[89]|20)\d\d)"

ABSOLUTE = re.compile(
    rf"(?:{_WEEKDAY},?\s+(?:the\s+)?)?"
    rf"(?:{_MONTH.format(g='m1')}\s+{_DAY.format(g='d1')}(?![\d,]\d)(?:,?\s+{_YEAR.format(g='y1')})?"
    rf"|{_DAY.format(g='d2')}\s+(?:of\s+)?{_MONTH.format(g='m2')}(?:,?\s+{_YEAR.format(g='y2')})?"
    rf"|{_MONTH.format(g='m3')},?\s+{_YEAR.format(g='y3')}"
    rf"|(?P<iso>(?:19|20)\d\d-[01]\d-[0-3]\d))\b",
)
NUMERIC = re.compile(
    r"(?<![\w./-])(?:(?P<a>\d{1,2})(?P<sep>[./-])(?P<b>\d{1,2})(?P=sep)(?P<ny>(?:19|20)\d\d)"
    r"|(?P<yy>(?:19|20)\d\d)(?P<ysep>[./])(?P<ym>\d{1,2})(?P=ysep)(?P<yd>\d{1,2}))(?![\w]|[./-]\d)")
WEEKDAY_BEFORE = re.compile(r"\b" + _WEEKDAY + r",?\s+(?:the\s+)?$")
MONTH_ALONE = re.compile(
    r"\b(?:in|since|until|by|from|during|through|early|late|mid-?|last|next|this|before|after)\s+(?:early\s+|late\s+)?"
    + _MONTH.format(g="m") + r"\b(?!\s+\d)")
YEAR_ALONE = re.compile(
    r"(?:\b(?:in|since|until|till|by|from|during|through|of|before|after|early|late|mid-?|around|circa|year|"
    r"a|an|the|its|their|his|her|our|this|that|[Aa]|[Tt]he|[Ii]ts|"
    r"fiscal|FY|and|to)\s+|[-–](?=\d{4}\b))" + _YEAR.format(g="y") + r"\b(?![,.]\d|%)")
TIME = re.compile(
    r"(?<![\d:.])(?P<h>[01]?\d|2[0-3])(?::(?P<mi>[0-5]\d))?\s?(?P<ampm>a\.m\.|p\.m\.|am\b|pm\b|AM\b|PM\b)"
    r"|(?<![\d:.])(?P<h2>[01]?\d|2[0-3]):(?P<mi2>[0-5]\d)(?![\d:])(?:\s?(?P<tz>GMT|UTC|ET|EST|EDT|PT|PST|PDT|"
    r"BST|CET|CEST|JST|HKT|SGT|IST)\b)?"
    r"|\b(?P<noon>noon|midnight)\b")
RELATIVE = re.compile(
    r"\b(?P<day>today|yesterday|tomorrow|tonight)\b"
    r"|\b(?:(?P<qual>last|next|this|past|coming)\s+)?" + _WEEKDAY
    + r"(?:\s+(?:morning|afternoon|evening|night))?\b"
    r"|\b(?P<pqual>(?:earlier|later)\s+this|(?:early|late|earlier)\s+last|this|last|next|past|previous|coming)"
    r"\s+(?P<period>week|weekend|month|year|quarter)\b"
    r"|\b(?P<n>\d+|a|one|two|three|four|five|six|seven|eight|nine|ten)\s+(?P<unit>days?|weeks?|months?|years?)"
    r"\s+(?P<dir>ago|earlier|later)\b",
    re.IGNORECASE,
)
FUTURE_HINT = re.compile(r"\b(?:will|would|shall|is\s+to|are\s+to|scheduled|expected|plans?|due|set\s+to|"
                         r"going\s+to|upcoming)\b", re.IGNORECASE)
_HAS_DIGIT = re.compile(r"\d")
_MONTH_WORDS = frozenset(name.capitalize() for name in MONTHS)
_RELATIVE_HINTS = frozenset(("today yesterday tomorrow tonight monday tuesday wednesday thursday friday saturday "
                             "sunday week weekend month year quarter ago earlier later").split())
NEAR_FUTURE_DAYS = 30     # a date this far after publication, named without a year, is still "this" one
_SMALL = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
          "nine": 9, "ten": 10}


def _month(name: str) -> int:
    return MONTHS[name.lower().rstrip(".")]


def _nearest_year(month: int, day: int, published: dt.date | None, future: bool = False) -> int | None:
    """The year of a month/day written without one: the latest such day up to a month after publication (news
    mostly reports the past), or for future talk the first one from a month before it (handles year ends)."""
    if published is None:
        return None
    slack = dt.timedelta(days=NEAR_FUTURE_DAYS)
    candidates = []
    for year in (published.year - 1, published.year, published.year + 1):
        try:
            candidates.append(dt.date(year, month, day))
        except ValueError:
            continue
    if not candidates:
        return None
    if future:
        later = [c for c in candidates if c >= published - slack]
        return min(later).year if later else max(candidates).year
    earlier = [c for c in candidates if c <= published + slack]
    return max(earlier).year if earlier else min(candidates).year


def _add_months(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def _iso_week(day: dt.date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def _absolute(match: re.Match, published: dt.date | None, future: bool = False) -> tuple[str | None, str, str | None]:
    """(iso, kind, note) for an ABSOLUTE match."""
    if match.group("iso"):
        try:
            day = dt.date.fromisoformat(match.group("iso"))
        except ValueError:
            return None, "date", "not a valid date"
        return day.isoformat(), "date", _weekday_note(match, day)
    if match.group("m3"):
        return f"{int(match.group('y3')):04d}-{_month(match.group('m3')):02d}", "month", None
    month_name = match.group("m1") or match.group("m2")
    day_text = match.group("d1") or match.group("d2")
    year_text = match.group("y1") or match.group("y2")
    month, day_number = _month(month_name), int(day_text)
    year = int(year_text) if year_text else _nearest_year(month, day_number, published, future)
    if year is None:
        return None, "date", "year not stated"
    try:
        day = dt.date(year, month, day_number)
    except ValueError:
        return None, "date", f"{month_name} {day_number} is not a valid date"
    return day.isoformat(), "date", _weekday_note(match, day)


def _numeric(match: re.Match, weekday: re.Match | None) -> tuple[str | None, str | None]:
    """(iso, note) for a NUMERIC match and the weekday written just before it; see the module docstring for
    when the day/month order is known."""
    if match.group("yy"):
        day = _valid_date(int(match.group("yy")), int(match.group("ym")), int(match.group("yd")))
        return (day.isoformat(), _weekday_note(weekday, day)) if day else (None, "not a valid date")
    a, b, year = int(match.group("a")), int(match.group("b")), int(match.group("ny"))
    readings = list(dict.fromkeys(d for d in (_valid_date(year, b, a), _valid_date(year, a, b)) if d))
    if not readings:
        return None, "not a valid date"
    named = weekday.group("wd") if weekday else None
    if len(readings) > 1 and named:
        matching = [d for d in readings if d.weekday() == WEEKDAYS[named.lower()]]
        readings = matching or readings
    if len(readings) > 1:
        dmy, mdy = readings
        return None, (f"ambiguous day/month order: {dmy.isoformat()} (day first) or {mdy.isoformat()} "
                      "(month first)")
    return readings[0].isoformat(), _weekday_note(weekday, readings[0])


def _valid_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _weekday_note(match: re.Match | None, day: dt.date) -> str | None:
    named = match.group("wd") if match else None
    if named and WEEKDAYS[named.lower()] != day.weekday():
        return f"weekday {named} does not match {day.isoformat()} ({WEEKDAY_NAMES[day.weekday()]})"
    return None


def _relative(match: re.Match, published: dt.date | None, future: bool) -> tuple[str | None, str]:
    if published is None:
        return None, "relative"
    if match.group("day"):
        delta = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}[match.group("day").lower()]
        return (published + dt.timedelta(days=delta)).isoformat(), "date"
    if match.group("wd"):
        target = WEEKDAYS[match.group("wd").lower()]
        qual = (match.group("qual") or "").lower()
        back = (published.weekday() - target) % 7
        ahead = (target - published.weekday()) % 7
        if qual in ("last", "past"):
            delta = -(back or 7)
        elif qual in ("next", "coming"):
            delta = ahead or 7
        elif qual == "this":
            delta = ahead if future else -back
        else:
            delta = ahead if future else -back
        return (published + dt.timedelta(days=delta)).isoformat(), "date"
    if match.group("period"):
        period = match.group("period").lower()
        qual = match.group("pqual").lower().split()
        step = -1 if qual[-1] in ("last", "past", "previous") else 1 if qual[-1] in ("next", "coming") else 0
        if period in ("week", "weekend"):
            return _iso_week(published + dt.timedelta(weeks=step)), "week"
        if period == "month":
            year, month = _add_months(published.year, published.month, step)
            return f"{year:04d}-{month:02d}", "month"
        if period == "quarter":
            year, month = _add_months(published.year, published.month, 3 * step)
            return f"{year:04d}-Q{(month - 1) // 3 + 1}", "quarter"
        return f"{published.year + step:04d}", "year"
    amount_text = match.group("n").lower()
    amount = _SMALL.get(amount_text) or int(amount_text)
    unit = match.group("unit").lower().rstrip("s")
    sign = -1 if match.group("dir").lower() in ("ago", "earlier") else 1
    if unit == "day":
        return (published + dt.timedelta(days=sign * amount)).isoformat(), "date"
    if unit == "week":
        return (published + dt.timedelta(weeks=sign * amount)).isoformat(), "date"
    if unit == "month":
        year, month = _add_months(published.year, published.month, sign * amount)
        return f"{year:04d}-{month:02d}", "month"
    return f"{published.year + sign * amount:04d}", "year"


def _month_year(month: int, prefix: str, published: dt.date, future: bool) -> int:
    """The year of a month named without one: the latest past one, or the next one for future talk."""
    if prefix == "last":
        return published.year - (1 if month >= published.month else 0)
    if prefix in ("next", "coming") or (future and prefix not in ("since", "this")):
        return published.year + (1 if month < published.month else 0)
    return published.year - (1 if month > published.month else 0)


def _time_iso(match: re.Match) -> str | None:
    if match.group("noon"):
        return "12:00" if match.group("noon").lower() == "noon" else "00:00"
    if match.group("h2") is not None:
        return f"{int(match.group('h2')):02d}:{match.group('mi2')}"
    hour = int(match.group("h"))
    minute = match.group("mi") or "00"
    ampm = match.group("ampm").lower().replace(".", "")
    if hour > 12:
        return None
    if ampm == "pm" and hour != 12:
        hour += 12
    if ampm == "am" and hour == 12:
        hour = 0
    return f"{hour:02d}:{minute}"


def parse_dates(text: str, published: dt.date | None = None, offset: int = 0) -> list[DateFacet]:
    """Date and time facets of ``text`` (offsets are ``offset`` + position), never overlapping each other."""
    found: list[DateFacet] = []
    taken = SpanSet()

    def free(start: int, end: int) -> bool:
        return not taken.overlaps(start, end)

    def add(start: int, end: int, iso: str | None, kind: str, relative: bool = False, note: str | None = None):
        if start < end and free(start, end):
            taken.add(start, end)
            found.append(DateFacet(text=text[start:end], start=start + offset, end=end + offset, iso=iso, kind=kind,
                                   relative=relative, note=note))

    has_month = not cased_words(text).isdisjoint(_MONTH_WORDS)
    has_digit = _HAS_DIGIT.search(text) is not None
    low = text.lower()
    if has_month or (has_digit and "-" in text):
        future = bool(FUTURE_HINT.search(text))
        for match in ABSOLUTE.finditer(text):
            iso, kind, note = _absolute(match, published, future)
            add(match.start(), match.end(), iso, kind, note=note)
    if has_digit and ("/" in text or "." in text or "-" in text):
        for match in NUMERIC.finditer(text):
            weekday = WEEKDAY_BEFORE.search(text, max(0, match.start() - 16), match.start())
            iso, note = _numeric(match, weekday)
            add(weekday.start() if weekday else match.start(), match.end(), iso, "date", note=note)
    future = False
    if not lower_words(text).isdisjoint(_RELATIVE_HINTS):
        future = bool(FUTURE_HINT.search(text))
        for match in RELATIVE.finditer(text):
            iso, kind = _relative(match, published, future)
            add(match.start(), match.end(), iso, kind, relative=True)
    if has_month:
        future = bool(FUTURE_HINT.search(text))
    for match in MONTH_ALONE.finditer(text) if has_month else ():
        month = _month(match.group("m"))
        iso = None
        if published is not None:
            year = _month_year(month, match.group(0).split()[0].lower(), published, future)
            iso = f"{year:04d}-{month:02d}"
        add(match.start("m"), match.end("m"), iso, "month", relative=True)
    for match in YEAR_ALONE.finditer(text) if has_digit else ():
        add(match.start("y"), match.end("y"), match.group("y"), "year")
    timed = (has_digit and (":" in text or "a.m" in low or "p.m" in low or "am" in low or "pm" in low)) \
        or "noon" in low or "midnight" in low
    for match in TIME.finditer(text) if timed else ():
        add(match.start(), match.end(), _time_iso(match), "time")
    found.sort(key=lambda f: f.start)
    return found

