"""Claim kinds, workflow statuses, rating scales and the draft a claim extractor returns."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from workbench.domain.facets import Facets


class ClaimKind(StrEnum):
    QUOTE = "quote"
    NUMERIC = "numeric"
    ATTRIBUTION = "attribution"
    EVENT = "event"
    STATEMENT = "statement"
    OPINION = "opinion"
    PREDICTION = "prediction"


class ClaimOrigin(StrEnum):
    AUTO = "auto"      # produced by extraction; may be replaced by a re-run
    USER = "user"      # added or edited by a person; extraction never touches it


class Status(StrEnum):
    """Workflow status: where the claim is in review. Separate from the rating."""

    UNREVIEWED = "unreviewed"
    IN_REVIEW = "in review"
    VERIFIED = "verified"
    PUBLISHED = "published"
    REJECTED = "rejected"


class Relation(StrEnum):
    CORROBORATES = "corroborates"
    CONFLICTS = "conflicts"
    RELATED = "related"


class LinkDecision(StrEnum):
    CONFIRMED = "confirmed"
    REJECTED = "rejected"


DEFAULT_RATING_SCALE: tuple[str, ...] = (
    "True",
    "Mostly true",
    "Mixed",
    "Mostly false",
    "False",
    "Misleading",
    "Unproven",
)


@dataclass
class ClaimDraft:
    """What an extractor proposes: a span of the body with its kind, score and facets."""

    start: int
    end: int
    text: str
    kind: ClaimKind = ClaimKind.STATEMENT
    score: float = 0.0
    reasons: list[str] = field(default_factory=list)
    speaker: str | None = None
    attribution: str | None = None
    facets: Facets = field(default_factory=Facets)
