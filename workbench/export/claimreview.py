"""ClaimReview JSON-LD (schema.org): one ClaimReview per rated claim, for publishing alongside the brief.

The rating words map to numbers as documented in `workbench/domain/ratings.py`: scalar ratings carry
ratingValue/bestRating/worstRating, ratings off the truth axis (Misleading, Unproven...) carry alternateName only.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

from workbench.export.model import BriefData, BriefEntry, SourceRef
from workbench.export.writer import write_text_atomically


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def _appearance(source: SourceRef) -> dict[str, Any]:
    work: dict[str, Any] = {"@type": "CreativeWork"}
    if source.url:
        work["url"] = source.url
    if source.title:
        work["headline"] = source.title
    if source.published:
        work["datePublished"] = source.published.isoformat()
    if source.outlet:
        work["publisher"] = {"@type": "Organization", "name": source.outlet}
    return work


def _review_url(base_url: str | None, entry: BriefEntry) -> str:
    """Where the review is read: the published brief's page with an anchor per claim."""
    anchor = f"#claim-{entry.claim_id}"
    return (base_url.split("#")[0] + anchor) if base_url else anchor


def _review_rating(brief: BriefData, entry: BriefEntry) -> dict[str, Any]:
    if brief.scale.find(entry.rating.name) is None:       # a word outside the scale: no number to give it
        rating: dict[str, Any] = {"@type": "Rating", "alternateName": entry.rating.name}
        if entry.rationale:
            rating["ratingExplanation"] = entry.rationale
        return rating
    return brief.scale.review_rating(entry.rating.name, entry.rationale or None)


def claim_review(brief: BriefData, entry: BriefEntry, *, base_url: str | None = None) -> dict[str, Any]:
    """The ClaimReview of one rated entry."""
    appearances = [entry.source] + [e.source for e in entry.corroborating if e.source.id != entry.source.id]
    appearances = list({s.id: s for s in appearances}.values())
    dated = sorted(s.published for s in appearances if s.published)
    item: dict[str, Any] = {
        "@type": "Claim",
        "appearance": [_appearance(s) for s in appearances],
    }
    if dated:
        item["datePublished"] = dated[0].isoformat()
    first = min(appearances, key=lambda s: (s.published or date.max, s.published_time or "99:99", s.id))
    item["firstAppearance"] = _appearance(first)
    if entry.speaker:
        item["author"] = {"@type": "Person", "name": entry.speaker}
    elif entry.attribution:
        item["author"] = {"@type": "Organization", "name": entry.attribution}

    author_name = entry.reviewer or brief.author or "Fact-check desk"
    review: dict[str, Any] = {
        "@type": "ClaimReview",
        "url": _review_url(base_url, entry),
        "claimReviewed": entry.text,
        "author": {"@type": "Organization" if not entry.reviewer else "Person", "name": author_name},
        "datePublished": _iso(entry.reviewed_on or brief.created),
        "reviewRating": _review_rating(brief, entry),
        "itemReviewed": item,
    }
    if brief.author and entry.reviewer:
        review["publisher"] = {"@type": "Organization", "name": brief.author}
    return review


def claim_reviews(brief: BriefData, *, base_url: str | None = None) -> dict[str, Any]:
    """A JSON-LD document holding one ClaimReview per rated claim (unrated claims are left out)."""
    return {
        "@context": "https://schema.org",
        "@graph": [claim_review(brief, e, base_url=base_url) for e in brief.entries if e.rating is not None],
    }


def write_claimreview(brief: BriefData, target: Path | str, *, base_url: str | None = None) -> Path:
    text = json.dumps(claim_reviews(brief, base_url=base_url), ensure_ascii=False, indent=2) + "\n"
    return write_text_atomically(target, text)
