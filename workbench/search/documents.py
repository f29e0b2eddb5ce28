"""Turning workspace rows into index documents: what of a source and a claim is searchable."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Iterator
from datetime import date, datetime
from typing import Any

from sqlalchemy import Row, select
from sqlalchemy.orm import Session

from workbench.search.schema import CLAIM, SOURCE
from workbench.storage.models import Claim, Source, Verdict

_NUMBER_RE = re.compile(r"\d+(?:[.,]\d+)*")


def source_key(source_id: int) -> str:
    return f"{SOURCE}:{source_id}"


def claim_key(claim_id: int) -> str:
    return f"{CLAIM}:{claim_id}"


def _as_datetime(value: date | None) -> datetime | None:
    if value is None:
        return None
    return datetime(value.year, value.month, value.day)


def canonical_number(value: float) -> str:
    """One spelling per value: 14300000000.0 -> "14300000000", 0.25 -> "0.25"."""
    if value != value or value in (float("inf"), float("-inf")):
        return ""
    if float(value).is_integer():
        return str(int(value))
    return f"{value:.6f}".rstrip("0").rstrip(".")


def number_tokens(text: str) -> set[str]:
    """Number tokens of a written number or value: "$14.3 billion" -> {"14.3"}, "29,000" -> {"29000"}."""
    text = str(text).strip()
    tokens: set[str] = set()
    try:
        tokens.add(canonical_number(float(text.replace(",", ""))))
    except ValueError:
        pass
    for match in _NUMBER_RE.finditer(text):
        raw = match.group(0)
        # "29,000" is twenty-nine thousand; "14,3" (decimal comma) stays as written.
        plain = raw.replace(",", "") if re.fullmatch(r"\d{1,3}(,\d{3})+(\.\d+)?", raw) else raw.replace(",", ".")
        try:
            tokens.add(canonical_number(float(plain)))
        except ValueError:
            tokens.add(raw)
    tokens.discard("")
    return tokens


def facet_numbers(facets: dict[str, Any] | None) -> list[str]:
    out: set[str] = set()
    for item in (facets or {}).get("numbers") or []:
        if item.get("value") is not None:
            out.add(canonical_number(float(item["value"])))
        out |= number_tokens(item.get("text") or "")
    out.discard("")
    return sorted(out)


def facet_entities(facets: dict[str, Any] | None) -> list[str]:
    seen: dict[str, None] = {}
    for item in (facets or {}).get("entities") or []:
        text = (item.get("text") or "").strip()
        if text:
            seen.setdefault(text, None)
    return list(seen)


def with_digest(doc: dict[str, Any]) -> dict[str, Any]:
    """The document with a hash of what it holds. Documents are built with their fields in one order, so the repr
    of the values is a stable text of them (a third of the time sorted JSON took)."""
    doc["digest"] = hashlib.blake2b(repr(tuple(doc.items())).encode(), digest_size=8).hexdigest()
    return doc


def source_document(src: Source) -> dict[str, Any]:
    doc = {
        "key": source_key(src.id),
        "type": SOURCE,
        "id": str(src.id),
        "source_id": str(src.id),
        "title": src.title or "",
        "body": src.body or "",
        "author": src.author or "",
        "outlet": src.outlet or "",
    }
    published = _as_datetime(src.published)
    if published is not None:
        doc["published"] = published
    return with_digest(doc)


def claim_document(claim: Claim | Row, outlet: str | None, published: date | None,
                   status: str | None, rating: str | None) -> dict[str, Any]:
    doc = {
        "key": claim_key(claim.id),
        "type": CLAIM,
        "id": str(claim.id),
        "source_id": str(claim.source_id),
        "text": claim.text or "",
        "kind": claim.kind or "statement",
        "entities": " | ".join(facet_entities(claim.facets)),
        "numbers": " ".join(facet_numbers(claim.facets)),
        "status": status or "unreviewed",
        "rating": rating or "",
        "outlet": outlet or "",
    }
    when = _as_datetime(published)
    if when is not None:
        doc["published"] = when
    return with_digest(doc)


def claim_rows(session: Session, *, source_ids: Iterable[int] | None = None,
               claim_ids: Iterable[int] | None = None, id_range: tuple[int | None, int | None] | None = None,
               batch: int = 500) -> Iterator[tuple[dict | None, str]]:
    """(document or None when the claim is not live, key) for the claims asked for (by source, by id, or ids in
    [low, high) where None is open), or for all of them."""
    # Only the columns a document needs: whole Claim objects would also decode every claim's other JSON columns.
    stmt = (
        select(Claim.id, Claim.source_id, Claim.text, Claim.kind, Claim.facets, Claim.deleted_at,
               Source.outlet, Source.published, Source.deleted_at.label("source_deleted_at"),
               Verdict.status, Verdict.rating)
        .join(Source, Source.id == Claim.source_id)
        .outerjoin(Verdict, Verdict.claim_id == Claim.id)
        .order_by(Claim.id)
    )
    if id_range is not None:
        low, high = id_range
        if low is not None:
            stmt = stmt.where(Claim.id >= low)
        if high is not None:
            stmt = stmt.where(Claim.id < high)
    chunks: list[Any] = [None]
    if source_ids is not None:
        ids = sorted(set(source_ids))
        chunks = [("s", ids[i:i + batch]) for i in range(0, len(ids), batch)]
    elif claim_ids is not None:
        ids = sorted(set(claim_ids))
        chunks = [("c", ids[i:i + batch]) for i in range(0, len(ids), batch)]
    for chunk in chunks:
        query = stmt
        if chunk is not None:
            kind, ids = chunk
            query = stmt.where(Claim.source_id.in_(ids) if kind == "s" else Claim.id.in_(ids))
        for row in session.execute(query.execution_options(yield_per=batch)):
            live = row.deleted_at is None and row.source_deleted_at is None
            doc = claim_document(row, row.outlet, row.published, row.status, row.rating) if live else None
            yield doc, claim_key(row.id)
