"""People's ages in news style: "Wang, 28,", "the 28-year-old", "now 28", "aged 28", and ages at a past event."""

from __future__ import annotations

import re
from enum import StrEnum

_YEARS_OLD_AFTER = re.compile(r"^(?:-|\s)years?(?:-|\s)old\b", re.IGNORECASE)
_AGED_BEFORE = re.compile(r"\b(?:aged|age of|at age|ages?)\s+$", re.IGNORECASE)
# "Now 28, Wang ..." / "At just 28, Wang ...": an age that opens a sentence or clause, then a comma
_LEAD_BEFORE = re.compile(r"(?:^|[.;:!?]\s+|[\u2014\u2013]\s*)(?:now|at|still|only|just)\s+(?:just\s+|only\s+)?$",
                          re.IGNORECASE)
# "Alexandr Wang, 28, founded ...": the appositive age after a name
_NAME_COMMA_BEFORE = re.compile(r"\b[A-Z][\w'’-]+,\s*$")
_COMMA_AFTER = re.compile(r"^\s*,")
# "founded the company at 19", "when she was 19": the age someone had when something happened
_AT_EVENT_BEFORE = re.compile(r"\b(?:at|when (?:he|she|they|I|we) (?:was|were))\s+(?:just\s+|only\s+|the age of\s+|"
                              r"age\s+)?$", re.IGNORECASE)


class Age(StrEnum):
    CURRENT = "current"
    EARLIER = "earlier"   # an age at a past event: it does not contradict someone's age now


def age_of(text: str, start: int, end: int, value: float) -> Age | None:
    """Whether the number at text[start:end] is a person's age, and which one."""
    if value != int(value) or not 0 < value < 120:
        return None
    before, after = text[max(0, start - 40):start], text[end:end + 16]
    lead = bool(_LEAD_BEFORE.search(before)) and bool(_COMMA_AFTER.match(after))
    if lead:
        return Age.CURRENT
    if _NAME_COMMA_BEFORE.search(before) and _COMMA_AFTER.match(after):
        return Age.CURRENT
    if _YEARS_OLD_AFTER.match(after) or _AGED_BEFORE.search(before):
        return Age.EARLIER if _AT_EVENT_BEFORE.search(before) else Age.CURRENT
    return None
