"""Saved briefs: title, summary, author and an ordered list of claims (what the GUI's brief panel edits)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from workbench.domain.errors import NotFound, WorkbenchError
from workbench.storage.models import Brief, BriefItem, Claim


class BriefError(WorkbenchError):
    """A brief that cannot be saved as asked (no title, unknown claims)."""


def _check_claims(session, claim_ids: list[int]) -> list[int]:
    ordered = list(dict.fromkeys(int(c) for c in claim_ids))   # keep the first position of a repeated id
    if not ordered:
        return []
    live = set(session.scalars(select(Claim.id).where(Claim.id.in_(ordered), Claim.deleted_at.is_(None))))
    missing = [c for c in ordered if c not in live]
    if missing:
        raise NotFound(f"no claim with id {', '.join(map(str, missing))}")
    return ordered


def _get(session, brief_id: int) -> Brief:
    brief = session.get(Brief, brief_id)
    if brief is None:
        raise NotFound(f"no brief with id {brief_id}")
    return brief


def brief_row(brief: Brief) -> dict[str, Any]:
    return {
        "id": brief.id,
        "title": brief.title,
        "summary": brief.summary or "",
        "author": brief.author,
        "claim_ids": [item.claim_id for item in brief.items],
        "updated_at": brief.updated_at.isoformat(timespec="seconds") if brief.updated_at else None,
    }


def create_brief(
    session, *, title: str = "Fact-check brief", summary: str = "", author: str | None = None,
    claim_ids: list[int] = (),
) -> dict[str, Any]:
    if not title.strip():
        raise BriefError("a brief needs a title")
    brief = Brief(title=title.strip(), summary=summary.strip(), author=(author or "").strip() or None)
    for position, claim_id in enumerate(_check_claims(session, list(claim_ids))):
        brief.items.append(BriefItem(claim_id=claim_id, position=position))
    session.add(brief)
    session.flush()
    return brief_row(brief)


def update_brief(
    session, brief_id: int, *, title: str | None = None, summary: str | None = None, author: str | None = None,
    claim_ids: list[int] | None = None,
) -> dict[str, Any]:
    """Change the given fields; ``claim_ids`` replaces the whole ordered list."""
    brief = _get(session, brief_id)
    if title is not None:
        if not title.strip():
            raise BriefError("a brief needs a title")
        brief.title = title.strip()
    if summary is not None:
        brief.summary = summary.strip()
    if author is not None:
        brief.author = author.strip() or None
    if claim_ids is not None:
        ordered = _check_claims(session, claim_ids)
        brief.items.clear()
        session.flush()   # the unique (brief, claim) pairs must be gone before they come back
        for position, claim_id in enumerate(ordered):
            brief.items.append(BriefItem(claim_id=claim_id, position=position))
    session.flush()
    return brief_row(brief)


def get_brief(session, brief_id: int) -> dict[str, Any]:
    return brief_row(_get(session, brief_id))


def list_briefs(session) -> list[dict[str, Any]]:
    return [brief_row(b) for b in session.scalars(select(Brief).order_by(Brief.id))]


def delete_brief(session, brief_id: int) -> None:
    session.delete(_get(session, brief_id))
    session.flush()
