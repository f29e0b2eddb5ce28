"""Structured parts of a claim (numbers, dates, entities, quotes, attributions), each with body offsets.

Offsets are absolute positions in the source body: ``body[start:end] == text``.
Facets are stored as JSON on the claim row; ``to_json``/``from_json`` are the only (de)serialisers.
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass, field, fields
from functools import lru_cache
from typing import Any


def _clean(value: Any) -> Any:
    if isinstance(value, float) and math.isinf(value):
        return None
    return value


@dataclass(frozen=True)
class NumberFacet:
    text: str
    start: int
    end: int
    value: float
    low: float | None = None      # None = open side (e.g. "more than 60,000" has no upper bound)
    high: float | None = None
    unit: str | None = None       # "USD", "EUR", "%", "times", ...
    counted: str | None = None    # what is counted: "people", "vehicles", "shares"
    hedge: str | None = None      # "more than", "about", ...


@dataclass(frozen=True)
class DateFacet:
    text: str
    start: int
    end: int
    iso: str | None               # "2024-10-14", "2024-10-14T07:45", "07:45" or None when unresolved
    kind: str = "date"            # date | time | datetime | month | year | relative
    relative: bool = False
    note: str | None = None       # e.g. "weekday Tuesday does not match 2024-10-14 (Monday)"


@dataclass(frozen=True)
class EntityFacet:
    text: str
    start: int
    end: int
    type: str                     # person | org | place | agency | outlet


@dataclass(frozen=True)
class QuoteFacet:
    text: str                     # the quoted words, without the marks
    start: int
    end: int
    speaker: str | None = None


@dataclass(frozen=True)
class AttributionFacet:
    text: str                     # the attributing phrase as written ("told Reuters")
    start: int
    end: int
    origin: str | None            # normalised origin name ("Reuters"), None when anonymous
    kind: str = "named"           # agency | outlet | official | document | anonymous | named


@lru_cache(maxsize=None)
def _field_names(cls) -> tuple[str, ...]:
    return tuple(f.name for f in fields(cls))


@dataclass
class Facets:
    numbers: list[NumberFacet] = field(default_factory=list)
    dates: list[DateFacet] = field(default_factory=list)
    entities: list[EntityFacet] = field(default_factory=list)
    quotes: list[QuoteFacet] = field(default_factory=list)
    attributions: list[AttributionFacet] = field(default_factory=list)

    _TYPES = {
        "numbers": NumberFacet,
        "dates": DateFacet,
        "entities": EntityFacet,
        "quotes": QuoteFacet,
        "attributions": AttributionFacet,
    }

    def to_json(self) -> dict[str, list[dict[str, Any]]]:
        # field by field, not dataclasses.asdict: facets are flat, and asdict deep-copies (a tenth of extraction)
        return {
            name: [{k: _clean(getattr(item, k)) for k in _field_names(type(item))} for item in getattr(self, name)]
            for name in self._TYPES
        }

    @classmethod
    def from_json(cls, data: dict[str, Any] | None) -> Facets:
        data = data or {}
        out = cls()
        for name, typ in cls._TYPES.items():
            allowed = {f.name for f in fields(typ)}
            items = [typ(**{k: v for k, v in raw.items() if k in allowed}) for raw in data.get(name) or []]
            setattr(out, name, items)
        return out

    def shifted(self, delta: int) -> Facets:
        """The same facets with every offset moved by ``delta`` (for relative <-> absolute offsets)."""
        out = Facets()
        for name in self._TYPES:
            setattr(out, name, [
                type(item)(**{**asdict(item), "start": item.start + delta, "end": item.end + delta})
                for item in getattr(self, name)
            ])
        return out
