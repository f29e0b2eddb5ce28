"""Claim rows of one stored body, made ready to store (a worker process computes them for `extract_sources`)."""

from __future__ import annotations

import json
from datetime import date

from workbench.domain.claims import ClaimDraft
from workbench.extract import extract_claims

# (start, end, column values): "reasons" and "facets" hold their JSON text, encoded where the drafts were made.
DraftRow = tuple[int, int, dict]


def draft_rows(drafts: list[ClaimDraft]) -> list[DraftRow]:
    return [(d.start, d.end, {
        "text": d.text, "kind": d.kind.value, "score": d.score, "reasons": json.dumps(list(d.reasons)),
        "speaker": d.speaker, "attribution": d.attribution, "facets": json.dumps(d.facets.to_json()),
    }) for d in drafts]


def drafted(vocabulary: dict[str, str] | None,
            item: tuple[int, str, date | None]) -> tuple[int, str, date | None, list[DraftRow]]:
    """(source id, body, published, rows) for (source id, body, published)."""
    source_id, body, published = item
    return source_id, body, published, draft_rows(extract_claims(body, published, vocabulary))
