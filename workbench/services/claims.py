"""Claims as the user edits them: listing, JSON rows, add, adjust, split, merge, delete and restore."""

from __future__ import annotations

from sqlalchemy import select

from workbench.domain.claims import ClaimKind, ClaimOrigin
from workbench.domain.errors import NotFound, WorkbenchError
from workbench.domain.facets import Facets
from workbench.extract.claims import draft_for_span, make_context
from workbench.services.trash import delete_claim, restore_claim
from workbench.storage.models import Claim, Source, VerdictEvent

__all__ = ["InvalidSpan", "claim_json", "list_claims", "get_claim", "add_claim", "adjust_span", "split_claim",
           "merge_claims", "delete_claim", "restore_claim"]


class InvalidSpan(WorkbenchError):
    """A claim span that is empty, blank, outside its article, or otherwise unusable."""


def claim_json(claim: Claim) -> dict:
    """The CLI/JSON shape of a claim (see the README); extra keys carry reasons, quotes and sources."""
    facets = Facets.from_json(claim.facets)
    return {
        "id": claim.id,
        "source_id": claim.source_id,
        "start": claim.start,
        "end": claim.end,
        "text": claim.text,
        "kind": claim.kind,
        "score": claim.score,
        "speaker": claim.speaker or None,
        "attribution": claim.attribution or None,
        "numbers": [{"text": n.text, "start": n.start, "end": n.end, "value": n.value, "low": n.low,
                     "high": n.high, "unit": n.unit, "counted": n.counted, "hedge": n.hedge}
                    for n in facets.numbers],
        "dates": [{"text": d.text, "start": d.start, "end": d.end, "iso": d.iso, "kind": d.kind,
                   "relative": d.relative, "note": d.note} for d in facets.dates],
        "entities": [{"text": e.text, "start": e.start, "end": e.end, "type": e.type} for e in facets.entities],
        "quotes": [{"text": q.text, "start": q.start, "end": q.end, "speaker": q.speaker} for q in facets.quotes],
        "attributions": [{"text": a.text, "start": a.start, "end": a.end, "origin": a.origin, "kind": a.kind}
                         for a in facets.attributions],
        "reasons": list(claim.reasons or []),
        "origin": claim.origin,
        "deleted": claim.deleted_at is not None,
    }


def list_claims(session, source_id: int | None = None, *, include_deleted: bool = False,
                kind: str | None = None, min_score: float | None = None) -> list[dict]:
    """Claims of live sources (or of one source) in reading order, as JSON rows."""
    query = select(Claim).join(Source, Source.id == Claim.source_id).where(Source.deleted_at.is_(None))
    if source_id is not None:
        source = session.get(Source, source_id)
        if source is None or source.deleted_at is not None:
            raise NotFound(f"no source with id {source_id}")
        query = query.where(Claim.source_id == source_id)
    if not include_deleted:
        query = query.where(Claim.deleted_at.is_(None))
    if kind:
        query = query.where(Claim.kind == kind)
    if min_score is not None:
        query = query.where(Claim.score >= min_score)
    query = query.order_by(Claim.source_id, Claim.start, Claim.end, Claim.id)
    return [claim_json(c) for c in session.scalars(query)]


def get_claim(session, claim_id: int) -> Claim:
    claim = session.get(Claim, claim_id)
    if claim is None:
        raise NotFound(f"no claim with id {claim_id}")
    return claim


def _live_claim(session, claim_id: int) -> Claim:
    claim = get_claim(session, claim_id)
    if claim.deleted_at is not None:
        raise InvalidSpan(f"claim #{claim_id} is in the trash; restore it first")
    return claim


def _source(session, source_id: int) -> Source:
    source = session.get(Source, source_id)
    if source is None or source.deleted_at is not None:
        raise NotFound(f"no source with id {source_id}")
    return source


def _checked_span(body: str, start: int, end: int) -> tuple[int, int]:
    """Validate a span and trim the whitespace at its ends."""
    if not isinstance(start, int) or not isinstance(end, int):
        raise InvalidSpan("a span is two whole numbers: start and end offsets in the article")
    if start < 0 or end > len(body):
        raise InvalidSpan(f"span {start}-{end} is outside the article (its text has {len(body)} characters)")
    if end <= start:
        raise InvalidSpan(f"span {start}-{end} is empty: the end must come after the start")
    while start < end and body[start].isspace():
        start += 1
    while end > start and body[end - 1].isspace():
        end -= 1
    if end <= start:
        raise InvalidSpan("the span holds only whitespace; select some text")
    return start, end


def _fill_from_text(session, claim: Claim, source: Source) -> None:
    """Recompute text, facets, kind, score and reasons of a claim for its (new) span."""
    from workbench.services.extraction import workspace_vocabulary

    context = make_context(source.body, source.published, workspace_vocabulary(session, names=False))
    draft = draft_for_span(source.body, claim.start, claim.end, context)
    claim.text = draft.text
    claim.facets = draft.facets.to_json()
    claim.kind = draft.kind.value
    claim.score = draft.score
    claim.reasons = list(draft.reasons)
    claim.speaker = draft.speaker
    claim.attribution = draft.attribution


def _event(session, claim_id: int, action: str, note: str) -> None:
    session.add(VerdictEvent(claim_id=claim_id, action=action, note=note))


def _new_user_claim(session, source: Source, start: int, end: int, kind: str | None = None) -> Claim:
    claim = Claim(source_id=source.id, start=start, end=end, text=source.body[start:end],
                  origin=ClaimOrigin.USER.value)
    _fill_from_text(session, claim, source)
    if kind:
        claim.kind = ClaimKind(kind).value
    session.add(claim)
    session.flush()
    return claim


def add_claim(session, source_id: int, start: int, end: int, kind: str | None = None) -> int:
    """A user claim for body[start:end] (whitespace trimmed); facets are extracted for the span."""
    source = _source(session, source_id)
    start, end = _checked_span(source.body, start, end)
    if kind is not None and kind not in {k.value for k in ClaimKind}:
        raise InvalidSpan(f"unknown claim kind {kind!r}; use one of {', '.join(k.value for k in ClaimKind)}")
    same = session.scalar(select(Claim.id).where(Claim.source_id == source_id, Claim.start == start,
                                                 Claim.end == end, Claim.deleted_at.is_(None)))
    if same is not None:
        raise InvalidSpan(f"claim #{same} already covers exactly this text")
    claim = _new_user_claim(session, source, start, end, kind)
    _event(session, claim.id, "added", f"added by hand: {start}-{end}")
    return claim.id


def adjust_span(session, claim_id: int, start: int, end: int) -> dict:
    """Move a claim's span; the claim becomes the user's (extraction will not touch it again)."""
    claim = _live_claim(session, claim_id)
    source = _source(session, claim.source_id)
    start, end = _checked_span(source.body, start, end)
    old = (claim.start, claim.end)
    if old == (start, end):
        return claim_json(claim)
    claim.start, claim.end = start, end
    claim.origin = ClaimOrigin.USER.value
    _fill_from_text(session, claim, source)
    _event(session, claim.id, "span", f"span {old[0]}-{old[1]} -> {start}-{end}")
    session.flush()
    return claim_json(claim)


def split_claim(session, claim_id: int, at: int) -> tuple[int, int]:
    """Split a claim at body offset ``at`` into two new user claims; the original goes to the trash."""
    claim = _live_claim(session, claim_id)
    source = _source(session, claim.source_id)
    if not isinstance(at, int) or not claim.start < at < claim.end:
        raise InvalidSpan(f"split point {at} is not inside claim #{claim_id} ({claim.start}-{claim.end})")
    body = source.body
    if not body[claim.start:at].strip() or not body[at:claim.end].strip():
        raise InvalidSpan("both parts of a split must contain some text")
    first_span = _checked_span(body, claim.start, at)
    second_span = _checked_span(body, at, claim.end)
    first = _new_user_claim(session, source, *first_span)
    second = _new_user_claim(session, source, *second_span)
    delete_claim(session, claim.id)
    _event(session, claim.id, "split", f"split at {at} into #{first.id} and #{second.id}")
    for part in (first, second):
        _event(session, part.id, "split", f"part of #{claim.id}, split at {at}")
    session.flush()
    return first.id, second.id


def merge_claims(session, claim_ids: list[int]) -> int:
    """Merge claims of one source into one new user claim spanning them all; the originals go to the trash."""
    ids = list(dict.fromkeys(int(i) for i in claim_ids))
    if len(ids) < 2:
        raise InvalidSpan("pick at least two claims to merge")
    claims = [_live_claim(session, i) for i in ids]
    sources = {c.source_id for c in claims}
    if len(sources) != 1:
        raise InvalidSpan("only claims of the same article can be merged")
    source = _source(session, sources.pop())
    start, end = min(c.start for c in claims), max(c.end for c in claims)
    merged = _new_user_claim(session, source, start, end)
    for claim in claims:
        delete_claim(session, claim.id)
        _event(session, claim.id, "merged", f"merged into #{merged.id}")
    _event(session, merged.id, "merged", "merged from " + ", ".join(f"#{c.id}" for c in claims))
    session.flush()
    return merged.id
