"""Reading sources for listings and the article view, as plain dicts (never live ORM objects)."""

from __future__ import annotations

from sqlalchemy import func, select

from workbench.domain.errors import NotFound
from workbench.storage.models import Claim, Source


def source_row(source: Source, claims: int) -> dict:
    return {
        "id": source.id,
        "title": source.title,
        "outlet": source.outlet,
        "author": source.author,
        "url": source.url,
        "published": source.published.isoformat() if source.published else None,
        "claims": claims,
    }


def list_sources(session, *, include_deleted: bool = False) -> list[dict]:
    counts = dict(session.execute(
        select(Claim.source_id, func.count(Claim.id)).where(Claim.deleted_at.is_(None)).group_by(Claim.source_id)
    ).all())
    query = select(Source).order_by(Source.id)
    if not include_deleted:
        query = query.where(Source.deleted_at.is_(None))
    return [source_row(s, counts.get(s.id, 0)) for s in session.scalars(query)]


def get_source(session, source_id: int) -> Source:
    source = session.get(Source, source_id)
    if source is None or source.deleted_at is not None:
        raise NotFound(f"no source with id {source_id}")
    return source


def source_detail(session, source_id: int) -> dict:
    source = get_source(session, source_id)
    claims = session.scalar(
        select(func.count(Claim.id)).where(Claim.source_id == source_id, Claim.deleted_at.is_(None))
    )
    row = source_row(source, claims or 0)
    row["body"] = source.body
    row["published_time"] = source.published_time
    row["format"] = source.format
    row["warnings"] = source.warnings or []
    return row
