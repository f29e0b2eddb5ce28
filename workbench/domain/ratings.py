"""Rating scales (the desk's words for verdicts) and their documented mapping to ClaimReview numbers.

Ratings are words first. A scale lists its ratings from best to worst; some of them lie on the truth axis
("scalar": True ... False) and some do not ("non-scalar": Misleading, Unproven, Missing context...).

Mapping to schema.org ClaimReview ``reviewRating``:

* a scalar rating gets ``ratingValue`` = its number, with ``bestRating`` = the scale's highest number and
  ``worstRating`` = its lowest (for the default scale: True 5, Mostly true 4, Mixed 3, Mostly false 2, False 1);
* a non-scalar rating gets no number at all: ``reviewRating`` carries only ``alternateName`` (the word) and the
  rationale as ``ratingExplanation``. Giving "Misleading" a number would put it on a truth axis where it does
  not belong; search engines display ``alternateName``, and schema.org makes the numbers optional;
* ``alternateName`` is always the rating's word exactly as the desk uses it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from workbench.domain.errors import WorkbenchError


class RatingError(WorkbenchError):
    """A rating or rating scale that the workspace does not accept."""


@dataclass(frozen=True)
class Rating:
    """One word of a scale; ``value`` is its ClaimReview number, None when it is not on the truth axis."""

    name: str
    value: int | None
    colour: str            # "RRGGBB", the label colour in briefs and in the GUI
    description: str = ""

    @property
    def scalar(self) -> bool:
        return self.value is not None


@dataclass(frozen=True)
class RatingScale:
    """An ordered set of ratings; the order is the order of tables and counts."""

    key: str
    label: str
    ratings: tuple[Rating, ...]

    def __post_init__(self) -> None:
        if not self.ratings:
            raise RatingError(f"rating scale {self.label!r} has no ratings")
        names = [r.name.casefold() for r in self.ratings]
        if len(set(names)) != len(names):
            raise RatingError(f"rating scale {self.label!r} names a rating twice")
        if not any(r.scalar for r in self.ratings):
            raise RatingError(f"rating scale {self.label!r} needs at least one rating with a number")

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(r.name for r in self.ratings)

    @property
    def best(self) -> int:
        return max(r.value for r in self.ratings if r.value is not None)

    @property
    def worst(self) -> int:
        return min(r.value for r in self.ratings if r.value is not None)

    def find(self, name: str | None) -> Rating | None:
        """The rating called ``name`` (case, spacing, '-' and '_' ignored), or None."""
        if not name:
            return None
        wanted = _fold(name)
        for rating in self.ratings:
            if _fold(rating.name) == wanted:
                return rating
        return None

    def resolve(self, name: str) -> Rating:
        """Like :meth:`find`, but an unknown word is an error that lists the scale's words."""
        rating = self.find(name)
        if rating is None:
            choices = ", ".join(self.names)
            raise RatingError(f"{name!r} is not a rating on the {self.label} scale; use one of: {choices}")
        return rating

    def review_rating(self, name: str, explanation: str | None = None) -> dict[str, Any]:
        """The schema.org ``Rating`` object for a rating word (see the module docstring for the mapping)."""
        rating = self.resolve(name)
        out: dict[str, Any] = {"@type": "Rating", "alternateName": rating.name}
        if rating.value is not None:
            out["ratingValue"] = rating.value
            out["bestRating"] = self.best
            out["worstRating"] = self.worst
        if explanation:
            out["ratingExplanation"] = explanation
        return out

    def to_json(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "label": self.label,
            "ratings": [
                {"name": r.name, "value": r.value, "colour": r.colour, "description": r.description}
                for r in self.ratings
            ],
        }

    @classmethod
    def from_json(cls, data: Any) -> RatingScale:
        """A scale from its JSON form: a preset key ("politifact") or a full ``to_json`` dict."""
        if isinstance(data, str):
            return preset(data)
        if not isinstance(data, dict) or not isinstance(data.get("ratings"), list):
            raise RatingError("a rating scale needs a list of ratings")
        ratings = []
        for item in data["ratings"]:
            if isinstance(item, str):
                item = {"name": item}
            if not isinstance(item, dict) or not str(item.get("name") or "").strip():
                raise RatingError("every rating needs a name")
            value = item.get("value")
            if value is not None and (isinstance(value, bool) or not isinstance(value, int)):
                raise RatingError(f"rating {item['name']!r}: its number must be a whole number or empty")
            colour = str(item.get("colour") or NEUTRAL).lstrip("#").upper()
            if len(colour) != 6 or any(c not in "0123456789ABCDEF" for c in colour):
                raise RatingError(f"rating {item['name']!r}: colour must look like 1E7B34")
            ratings.append(Rating(str(item["name"]).strip(), value, colour, str(item.get("description") or "")))
        return cls(str(data.get("key") or "custom"), str(data.get("label") or "Custom"), tuple(ratings))


def _fold(text: str) -> str:
    return " ".join(text.replace("-", " ").replace("_", " ").split()).casefold()


# Colours: a green-to-red truth axis, violet and grey for the ratings that are not on it.
GREEN, LIGHT_GREEN, AMBER, ORANGE, RED, DARK_RED = "1E7B34", "5B9A2E", "B7860B", "D2691E", "C0392B", "7B1E1E"
VIOLET, GREY, NEUTRAL = "6C3483", "6B7280", "4B5563"

DEFAULT_SCALE = RatingScale("default", "Workbench", (
    Rating("True", 5, GREEN, "Accurate, nothing significant missing."),
    Rating("Mostly true", 4, LIGHT_GREEN, "Accurate but needs clarification or detail."),
    Rating("Mixed", 3, AMBER, "Partly accurate, partly not."),
    Rating("Mostly false", 2, ORANGE, "Contains an element of truth but is largely wrong."),
    Rating("False", 1, RED, "Inaccurate."),
    Rating("Misleading", None, VIOLET, "Accurate words that leave a false impression."),
    Rating("Unproven", None, GREY, "The available evidence neither confirms nor refutes it."),
))

POLITIFACT_SCALE = RatingScale("politifact", "PolitiFact Truth-O-Meter", (
    Rating("True", 6, GREEN, "Accurate, nothing significant missing."),
    Rating("Mostly True", 5, LIGHT_GREEN, "Accurate but needs clarification or additional information."),
    Rating("Half True", 4, AMBER, "Partially accurate but leaves out important details."),
    Rating("Mostly False", 3, ORANGE, "An element of truth but ignores critical facts."),
    Rating("False", 2, RED, "Not accurate."),
    Rating("Pants on Fire", 1, DARK_RED, "Not accurate and makes a ridiculous claim."),
))

AAP_SCALE = RatingScale("aap", "AAP FactCheck", (
    Rating("True", 6, GREEN, "Accurate."),
    Rating("Mostly True", 5, LIGHT_GREEN, "Mostly accurate, a minor error."),
    Rating("Somewhat True", 4, AMBER, "Partly accurate, with important errors."),
    Rating("Somewhat False", 3, ORANGE, "More wrong than right."),
    Rating("Mostly False", 2, RED, "Mostly inaccurate."),
    Rating("False", 1, DARK_RED, "Inaccurate."),
    Rating("Misleading", None, VIOLET, "Accurate in parts but leaves a false impression."),
    Rating("Missing Context", None, GREY, "Omits context that changes its meaning."),
    Rating("Satire", None, NEUTRAL, "Humour, not a claim of fact."),
))

FEVER_SCALE = RatingScale("fever", "FEVER", (
    Rating("Supported", 2, GREEN, "The evidence supports the claim."),
    Rating("Refuted", 1, RED, "The evidence refutes the claim."),
    Rating("Not enough info", None, GREY, "The evidence does not decide it."),
))

PRESETS: dict[str, RatingScale] = {s.key: s for s in (DEFAULT_SCALE, POLITIFACT_SCALE, AAP_SCALE, FEVER_SCALE)}


def preset(key: str) -> RatingScale:
    scale = PRESETS.get(_fold(key).replace(" ", ""))
    if scale is None:
        raise RatingError(f"no rating scale called {key!r}; presets: {', '.join(PRESETS)}")
    return scale
