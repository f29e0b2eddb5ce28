"""Parsing publication dates as metadata gives them (ISO, RFC 2822, "June 8, 2025", "8 June 2025", "13/06/2025").

An all-numeric date is taken only when one reading is possible ("13/06/2025", "06/13/2025", "05/05/2025"); an
ambiguous "03/04/2025" gives no date rather than a guess (the day/month order differs between countries).
"""

from __future__ import annotations

import re
from datetime import date, datetime
from email.utils import parsedate_to_datetime

_MONTHS = {m: i for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
     "november", "december"], 1)}
_MONTHS.update({k[:3]: v for k, v in list(_MONTHS.items())})
_MONTHS["sept"] = 9
# Month names of the other languages news arrives in: Portuguese, Spanish, French, German, Italian, Dutch.
for _names in (
    "janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro dezembro",
    "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre",
    "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
    "januar februar märz april mai juni juli august september oktober november dezember",
    "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre",
    "januari februari maart april mei juni juli augustus september oktober november december",
):
    for _i, _name in enumerate(_names.split(), 1):
        _MONTHS.setdefault(_name, _i)
MONTH_WORDS = frozenset(_MONTHS)

_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2}))?")
_MDY = re.compile(r"([^\W\d_]{3,10})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})")
_DMY = re.compile(r"(\d{1,2})(?:st|nd|rd|th|º|\.)?\s+(?:de\s+)?([^\W\d_]{3,10})\.?,?\s+(?:de\s+)?(\d{4})", re.I)
_CJK = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
_SLASH = re.compile(r"(?<!\d)(\d{4})([./])(\d{1,2})\2(\d{1,2})(?!\d)")
_NUMERIC = re.compile(r"(?<![\d.])(\d{1,2})([./-])(\d{1,2})\2(\d{4})(?!\d)")


def parse_meta_date(value: object) -> tuple[date | None, str | None]:
    """(date, "HH:MM" or None) from a metadata value; (None, None) when it is not a date."""
    if value is None:
        return None, None
    if isinstance(value, datetime):
        return value.date(), value.strftime("%H:%M") if (value.hour or value.minute) else None
    if isinstance(value, date):
        return value, None
    text = str(value).strip()
    if not text:
        return None, None
    m = _ISO.search(text)
    if m:
        d = _safe_date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        hhmm = f"{int(m.group(4)):02d}:{m.group(5)}" if m.group(4) and d else None
        return d, hhmm
    m = _CJK.search(text)
    if m:
        return _safe_date(int(m.group(1)), int(m.group(2)), int(m.group(3))), None
    m = _SLASH.search(text)
    if m:
        return _safe_date(int(m.group(1)), int(m.group(3)), int(m.group(4))), None
    m = _NUMERIC.search(text)
    if m:
        return _numeric_date(int(m.group(1)), int(m.group(3)), int(m.group(4))), None
    m = _MDY.search(text)
    if m and m.group(1).lower().rstrip(".") in _MONTHS:
        return _safe_date(int(m.group(3)), _MONTHS[m.group(1).lower()], int(m.group(2))), None
    m = _DMY.search(text)
    if m and m.group(2).lower() in _MONTHS:
        return _safe_date(int(m.group(3)), _MONTHS[m.group(2).lower()], int(m.group(1))), None
    try:
        dt = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None, None
    return dt.date(), None


def is_ambiguous(value: object) -> bool:
    """True for an all-numeric date that reads as two different days ("03/04/2025")."""
    m = _NUMERIC.search(str(value or ""))
    if not m:
        return False
    first, second, year = int(m.group(1)), int(m.group(3)), int(m.group(4))
    return first != second and _safe_date(year, first, second) is not None \
        and _safe_date(year, second, first) is not None


def _numeric_date(first: int, second: int, year: int) -> date | None:
    """Day and month in either order, when only one order makes a date (or both give the same one)."""
    readings = {d for d in (_safe_date(year, second, first), _safe_date(year, first, second)) if d}
    return readings.pop() if len(readings) == 1 else None


def _safe_date(y: int, m: int, d: int) -> date | None:
    try:
        if 1800 <= y <= 2200:
            return date(y, m, d)
    except ValueError:
        pass
    return None
