"""Numbers as intervals: what a hedged figure allows, and whether two figures agree or conflict."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from enum import StrEnum

from workbench.domain.facets import NumberFacet


class Bound(StrEnum):
    POINT = "point"      # "$14.3 billion": the figure give or take its rounding
    LOWER = "lower"      # "more than", "at least": no upper end
    UPPER = "upper"      # "up to", "less than": no lower end
    APPROX = "approx"    # "about", "around": a tolerance both ways
    NEARLY = "nearly"    # "nearly", "almost": just below
    RANGE = "range"      # "between 10 and 12", "10 to 12"
    VAGUE = "vague"      # "several thousand", "dozens": wide, never grounds for a conflict


# Hedge phrases, longest first so "more than" wins over "more".
_HEDGES: list[tuple[str, Bound, float]] = [
    (r"just (?:over|above|more than)|slightly (?:more than|above|over)", Bound.LOWER, 1.05),
    (r"just (?:under|below|shy of)|slightly (?:less than|below|under)", Bound.NEARLY, 0.96),
    (r"more than|over|above|exceed(?:s|ed|ing)?|surpass(?:es|ed|ing)?|in excess of|upwards? of|north of|"
     r"top(?:s|ped)?|greater than|higher than", Bound.LOWER, math.inf),
    (r"at least|no (?:fewer|less) than|a minimum of|minimum", Bound.LOWER, math.inf),
    (r"up to|as (?:many|much) as|at most|no more than|a maximum of|maximum", Bound.UPPER, 0.0),
    (r"less than|fewer than|under|below|lower than", Bound.UPPER, 0.0),
    (r"nearly|almost|close to|approaching|nearing|just shy of", Bound.NEARLY, 0.96),
    (r"about|around|roughly|approximately|approx\.?|some|near|an estimated|estimated|circa|c\.|"
     r"or so|~|more or less|in the region of", Bound.APPROX, 0.10),
]
_HEDGE_RES = [(re.compile(rf"(?:^|[^\w])(?:{pattern})\s*$", re.IGNORECASE), bound, param)
              for pattern, bound, param in _HEDGES]
_VAGUE_RE = re.compile(
    r"\b(?:several|a few|few|dozens?|scores|hundreds|thousands|millions|billions|tens of|a handful|"
    r"multi-?(?:million|billion)|many)\b", re.IGNORECASE)
_MANTISSA_RE = re.compile(r"\d[\d,]*(?:\.\d+)?")

# How far two anchors may lie apart for compatible figures to count as the same figure reported twice.
AGREE_ANCHOR_GAP = 0.12
# Two lower (or two upper) bounds whose anchors differ this much describe different figures.
BOUND_ANCHOR_GAP = 0.25


@dataclass(frozen=True)
class Reading:
    """A figure as a reader understands it: an interval, how it was hedged, and what it measures."""

    text: str
    start: int
    end: int
    value: float
    low: float
    high: float
    low_open: bool
    high_open: bool
    bound: Bound
    unit: str | None
    counted: str | None

    def describe(self) -> str:
        return self.text


def hedge_before(context: str) -> tuple[Bound, float] | None:
    """The hedge that ends ``context`` (the text just before a number), if any."""
    tail = context[-30:].replace("$", "").replace("€", "").replace("£", "").rstrip()
    for regex, bound, param in _HEDGE_RES:
        if regex.search(tail):
            return bound, param
    return None


def _rounding(text: str, value: float) -> float:
    """Half the place of the last written digit (so "$15 billion" covers 14.5-15.5), at most 5 %."""
    m = _MANTISSA_RE.search(text)
    magnitude = abs(value)
    if not m or not magnitude:
        return magnitude * 0.005
    digits = m.group().replace(",", "")
    try:
        mantissa = float(digits)
    except ValueError:
        return magnitude * 0.005
    if not mantissa:
        return 0.0
    scale = magnitude / mantissa
    if "." in digits:
        place = 10 ** -len(digits.split(".")[1])
    else:
        stripped = digits.rstrip("0")
        place = 10 ** (len(digits) - len(stripped)) if stripped else 1
    return min(0.5 * place * scale, 0.05 * magnitude)


def read_number(facet: NumberFacet, before: str = "") -> Reading:
    """Turn an extracted number into an interval, using the hedge in the facet or just before it."""
    value = float(facet.value)
    hedge_text = " ".join(x for x in (before, facet.hedge or "", facet.text) if x)
    found = None
    if facet.hedge:
        found = hedge_before(facet.hedge)
    if found is None:
        # the facet text may begin with its hedge ("more than 60,000"); else look just before it
        head = facet.text[: _MANTISSA_RE.search(facet.text).start()] if _MANTISSA_RE.search(facet.text) else ""
        found = hedge_before(head) if head.strip() else None
    if found is None:
        found = hedge_before(before)
    mag = abs(value)
    if _VAGUE_RE.search(facet.text) or (not _MANTISSA_RE.search(facet.text) and _VAGUE_RE.search(hedge_text)):
        low = facet.low if facet.low is not None else 0.0
        high = facet.high if facet.high is not None else mag * 10
        return Reading(facet.text, facet.start, facet.end, value, low, high, False, False, Bound.VAGUE,
                       facet.unit, facet.counted)
    if found is None and facet.low is not None and facet.high is not None and facet.low < facet.high:
        return Reading(facet.text, facet.start, facet.end, value, facet.low, facet.high, False, False,
                       Bound.RANGE, facet.unit, facet.counted)
    if found is None:
        r = _rounding(facet.text, value)
        return Reading(facet.text, facet.start, facet.end, value, value - r, value + r, False, False,
                       Bound.POINT, facet.unit, facet.counted)
    bound, param = found
    if bound is Bound.LOWER:
        high = value * param if math.isfinite(param) else math.inf
        low, low_open = value, True
        return Reading(facet.text, facet.start, facet.end, value, low, high, low_open, False, bound,
                       facet.unit, facet.counted)
    if bound is Bound.UPPER:
        return Reading(facet.text, facet.start, facet.end, value, 0.0, value, False, False, bound,
                       facet.unit, facet.counted)
    if bound is Bound.NEARLY:
        return Reading(facet.text, facet.start, facet.end, value, value * param, value, False, False, bound,
                       facet.unit, facet.counted)
    tol = mag * param
    return Reading(facet.text, facet.start, facet.end, value, value - tol, value + tol, False, False, bound,
                   facet.unit, facet.counted)


def _overlap(a: Reading, b: Reading) -> bool:
    """Strict overlap: intervals that only touch ("$28 billion" and "$29 billion") do not overlap."""
    lo = max(a.low, b.low)
    hi = min(a.high, b.high)
    if lo < hi:
        return True
    if lo == hi:
        touching_open = (a.low_open and a.low == lo) or (b.low_open and b.low == lo)
        both_points = a.low == a.high or b.low == b.high
        return both_points and not touching_open
    return False


def anchor_gap(a: Reading, b: Reading) -> float:
    big = max(abs(a.value), abs(b.value))
    return abs(a.value - b.value) / big if big else 0.0


class Verdict(StrEnum):
    AGREE = "agree"
    CONFLICT = "conflict"
    COMPATIBLE = "compatible"   # the intervals overlap but the figures are far apart ("over 10" vs "14.3")


def compare_readings(a: Reading, b: Reading) -> Verdict:
    """Agree, conflict or merely compatible; both readings must already be about the same thing."""
    vague = Bound.VAGUE in (a.bound, b.bound)
    if not _overlap(a, b):
        return Verdict.COMPATIBLE if vague else Verdict.CONFLICT
    gap = anchor_gap(a, b)
    same_direction = a.bound == b.bound and a.bound in (Bound.LOWER, Bound.UPPER)
    if same_direction and gap > BOUND_ANCHOR_GAP and not vague:
        return Verdict.CONFLICT
    if gap <= AGREE_ANCHOR_GAP and not vague:
        return Verdict.AGREE
    return Verdict.COMPATIBLE


def looks_like_year(facet: NumberFacet) -> bool:
    text = facet.text.strip()
    return (facet.unit is None and re.fullmatch(r"(?:1[89]|20|21)\d\d", text) is not None)
