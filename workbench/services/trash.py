"""The trash: sources and claims are soft-deleted (``deleted_at``), restorable, and hard-deleted only on emptying."""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

from sqlalchemy import delete, func, select, update

from workbench.domain.errors import NotFound, WorkbenchError
from workbench.storage.models import Claim, Source, VerdictEvent, utcnow

log = logging.getLogger(__name__)


class TrashError(WorkbenchError):
    """A trash operation that does not apply (restoring something not in the trash...)."""


def delete_source(session, source_id: int, *, at: datetime | None = None) -> dict:
    """Move a source and its live claims to the trash; they share one timestamp so they come back together."""
    source = session.get(Source, source_id)
    if source is None:
        raise NotFound(f"no source with id {source_id}")
    if source.deleted_at is not None:
        raise TrashError(f"source #{source_id} is already in the trash; restore it with "
                         f"`workbench trash WS --restore {source_id}`")
    stamp = at or utcnow()
    source.deleted_at = stamp
    claims = session.execute(
        update(Claim)
        .where(Claim.source_id == source_id, Claim.deleted_at.is_(None))
        .values(deleted_at=stamp, updated_at=stamp)
        .execution_options(synchronize_session=False)
    ).rowcount
    session.flush()
    log.info("source #%s moved to the trash with %s claims", source_id, claims)
    return {"id": source_id, "title": source.title, "claims": claims}


def restore_source(session, source_id: int) -> dict:
    """Bring a source back with the claims that went to the trash with it (not ones deleted on their own before)."""
    source = session.get(Source, source_id)
    if source is None:
        raise NotFound(f"no source with id {source_id} (the trash may have been emptied)")
    if source.deleted_at is None:
        raise TrashError(f"source #{source_id} is not in the trash")
    stamp = source.deleted_at
    now = utcnow()
    claims = session.execute(
        update(Claim)
        .where(Claim.source_id == source_id, Claim.deleted_at == stamp)
        .values(deleted_at=None, updated_at=now)
        .execution_options(synchronize_session=False)
    ).rowcount
    source.deleted_at = None
    source.updated_at = now
    session.flush()
    log.info("source #%s restored with %s claims", source_id, claims)
    return {"id": source_id, "title": source.title, "claims": claims}


def delete_claim(session, claim_id: int) -> dict:
    """Move one claim to the trash, recording it in the claim's history."""
    claim = session.get(Claim, claim_id)
    if claim is None:
        raise NotFound(f"no claim with id {claim_id}")
    if claim.deleted_at is not None:
        raise TrashError(f"claim #{claim_id} is already in the trash")
    claim.deleted_at = utcnow()
    session.add(VerdictEvent(claim_id=claim_id, action="deleted", note="moved to the trash"))
    session.flush()
    return {"id": claim_id, "text": claim.text}


def restore_claim(session, claim_id: int) -> dict:
    """Bring one claim back; its source must be live (restore the source first otherwise)."""
    claim = session.get(Claim, claim_id)
    if claim is None:
        raise NotFound(f"no claim with id {claim_id} (the trash may have been emptied)")
    if claim.deleted_at is None:
        raise TrashError(f"claim #{claim_id} is not in the trash")
    source = session.get(Source, claim.source_id)
    if source is not None and source.deleted_at is not None:
        raise TrashError(f"claim #{claim_id} belongs to source #{source.id}, which is in the trash; "
                         f"restore the source instead")
    claim.deleted_at = None
    claim.updated_at = utcnow()
    session.add(VerdictEvent(claim_id=claim_id, action="restored", note="restored from the trash"))
    session.flush()
    return {"id": claim_id, "text": claim.text}


def list_trash(session) -> list[dict]:
    """Everything in the trash, newest first: sources (with their claim count) and claims deleted on their own."""
    rows: list[dict] = []
    counts = dict(session.execute(
        select(Claim.source_id, func.count(Claim.id))
        .join(Source, Source.id == Claim.source_id)
        .where(Source.deleted_at.is_not(None), Claim.deleted_at == Source.deleted_at)
        .group_by(Claim.source_id)
    ).all())
    for source in session.scalars(select(Source).where(Source.deleted_at.is_not(None))):
        rows.append({"kind": "source", "id": source.id, "title": source.title,
                     "deleted_at": source.deleted_at.isoformat(timespec="seconds"),
                     "claims": counts.get(source.id, 0)})
    lone_claims = session.execute(
        select(Claim.id, Claim.text, Claim.source_id, Claim.deleted_at)
        .join(Source, Source.id == Claim.source_id)
        .where(Claim.deleted_at.is_not(None), Source.deleted_at.is_(None))
    ).all()
    for claim_id, text, source_id, deleted_at in lone_claims:
        rows.append({"kind": "claim", "id": claim_id, "title": text, "source_id": source_id,
                     "deleted_at": deleted_at.isoformat(timespec="seconds")})
    rows.sort(key=lambda r: (r["deleted_at"], r["kind"], r["id"]), reverse=True)
    return rows


def empty_trash(session, *, older_than_days: float | None = None) -> dict:
    """Delete for good what is in the trash (optionally only what was deleted more than N days ago).

    The database's ON DELETE CASCADE removes the original files, claims, links, verdicts and history with them.
    """
    cutoff = utcnow() - timedelta(days=older_than_days) if older_than_days is not None else None

    def in_trash(column):
        cond = column.is_not(None)
        return cond & (column <= cutoff) if cutoff is not None else cond

    source_ids = list(session.scalars(select(Source.id).where(in_trash(Source.deleted_at))))
    claim_ids = list(session.scalars(
        select(Claim.id).where(in_trash(Claim.deleted_at), Claim.source_id.not_in(source_ids))
    ))
    claims_with_sources = session.scalar(
        select(func.count(Claim.id)).where(Claim.source_id.in_(source_ids))
    ) or 0
    if claim_ids:
        session.execute(delete(Claim).where(Claim.id.in_(claim_ids)).execution_options(synchronize_session=False))
    if source_ids:
        session.execute(delete(Source).where(Source.id.in_(source_ids)).execution_options(synchronize_session=False))
    session.flush()
    log.info("trash emptied: %s sources (%s claims), %s claims", len(source_ids), claims_with_sources,
             len(claim_ids))
    return {"sources": len(source_ids), "claims": len(claim_ids) + claims_with_sources,
            "source_ids": source_ids, "claim_ids": claim_ids}
