"""The plain data of a brief, read from the workspace once; every export format renders this, never the ORM."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import selectinload

from workbench.domain.claims import LinkDecision, Relation, Status
from workbench.domain.errors import ExportError, NotFound
from workbench.domain.ratings import NEUTRAL, Rating, RatingScale
from workbench.services.verdicts import get_rating_scale
from workbench.storage.models import Brief, Claim, Link, Source, Verdict

DEFAULT_STATUSES = (Status.VERIFIED.value, Status.PUBLISHED.value)
REVIEWED_STATUSES = (Status.IN_REVIEW.value, Status.VERIFIED.value, Status.PUBLISHED.value)

# XML 1.0 forbids these (and lone surrogates cannot even be encoded); they are dropped, never fatal.
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def clean_text(text: Any) -> str:
    return _XML_ILLEGAL.sub("", str(text)) if text is not None else ""


@dataclass(frozen=True)
class SourceRef:
    """An article cited by the brief."""

    id: int
    title: str
    outlet: str | None
    author: str | None
    url: str | None
    published: date | None
    published_time: str | None = None

    @property
    def outlet_name(self) -> str:
        return self.outlet or "Unknown outlet"

    @property
    def when(self) -> str:
        """"14 Oct 2024, 07:45" or "" when the date is unknown."""
        if self.published is None:
            return ""
        text = f"{self.published.day} {self.published:%b %Y}"
        return f"{text}, {self.published_time}" if self.published_time else text

    def citation(self) -> str:
        """Outlet, “Title”, 14 Oct 2024."""
        parts = [self.outlet_name, f"\u201c{self.title}\u201d" if self.title else ""]
        if self.when:
            parts.append(self.when)
        return ", ".join(p for p in parts if p)


@dataclass(frozen=True)
class WebRef:
    """A URL a reviewer cited as evidence, outside the workspace's sources."""

    url: str
    note: str = ""


@dataclass(frozen=True)
class EvidenceClaim:
    """A claim of another source that agrees or disagrees with the brief's claim."""

    claim_id: int
    text: str
    relation: str             # corroborates | conflicts | cited (named by the reviewer)
    source: SourceRef
    reasons: tuple[str, ...] = ()
    same_origin: bool = False


@dataclass
class BriefEntry:
    """One claim of the brief with its verdict and evidence."""

    claim_id: int
    text: str
    kind: str
    speaker: str | None
    attribution: str | None
    source: SourceRef
    status: str
    rating: Rating | None
    rationale: str
    reviewer: str | None
    reviewed_on: date | None
    sources_count: int
    origins_count: int
    origin_names: list[str]
    suggestion: str | None
    corroborating: list[EvidenceClaim] = field(default_factory=list)
    conflicting: list[EvidenceClaim] = field(default_factory=list)
    cited_claims: list[EvidenceClaim] = field(default_factory=list)
    cited_sources: list[SourceRef] = field(default_factory=list)
    cited_urls: list[WebRef] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def first_seen(self) -> SourceRef | None:
        """The earliest source carrying the claim, when that is not the brief's own source (None otherwise)."""
        def key(ref: SourceRef):
            return (ref.published or date.max, ref.published_time or "99:99", ref.id)

        earliest = min([self.source, *(e.source for e in self.corroborating)], key=key)
        return None if earliest.id == self.source.id or earliest.published is None else earliest

    @property
    def rating_name(self) -> str:
        return self.rating.name if self.rating else "Not rated"

    def origin_summary(self) -> str:
        """One sentence on how many sources carry the claim and how many independent origins they have."""
        names = ", ".join(self.origin_names)
        if self.sources_count <= 1:
            return f"Found in this source only{f' (origin: {names})' if names else ''}."
        origins = "1 independent origin" if self.origins_count == 1 else \
            f"{self.origins_count} independent origins"
        return f"Carried by {self.sources_count} sources from {origins}{f': {names}' if names else ''}."


@dataclass
class BriefData:
    """Everything a renderer needs; built by :func:`build_brief`."""

    title: str
    summary: str
    author: str | None
    created: date
    workspace: str
    scale: RatingScale
    selection: str
    entries: list[BriefEntry]

    def rating_counts(self) -> list[tuple[str, int]]:
        """(rating, count) in the scale's order, then "Not rated"; only ratings that occur."""
        counts: dict[str, int] = {}
        for entry in self.entries:
            counts[entry.rating_name] = counts.get(entry.rating_name, 0) + 1
        order = [*self.scale.names, *sorted(set(counts) - set(self.scale.names) - {"Not rated"}), "Not rated"]
        return [(name, counts[name]) for name in order if name in counts]

    def sources(self) -> list[SourceRef]:
        """Every article cited anywhere in the brief, once, by outlet then date."""
        seen: dict[int, SourceRef] = {}
        for entry in self.entries:
            refs = [entry.source, *entry.cited_sources]
            refs += [e.source for e in (*entry.corroborating, *entry.conflicting, *entry.cited_claims)]
            for ref in refs:
                seen.setdefault(ref.id, ref)
        return sorted(seen.values(), key=lambda s: (s.outlet_name.casefold(), s.published or date.min, s.id))

    def web_refs(self) -> list[WebRef]:
        seen: dict[str, WebRef] = {}
        for entry in self.entries:
            for ref in entry.cited_urls:
                seen.setdefault(ref.url, ref)
        return list(seen.values())

    def source_numbers(self) -> dict[int, int]:
        """Source id -> its number in the bibliography ([1], [2], ...)."""
        return {ref.id: n for n, ref in enumerate(self.sources(), start=1)}


METHOD_NOTE = (
    "Claims were extracted from the collected coverage and compared with what every other source in the "
    "workspace says about the same facts: numbers with their hedges, dates, names and quotes. Copies of one "
    "report (syndicated wire copy, rewrites, articles that credit the same agency) count as a single origin, so "
    "the number of independent origins says how many separate confirmations exist. Each rating was set by a "
    "reviewer, who read the evidence listed under the claim; ratings use the {scale} scale."
)


def _source_ref(source: Source) -> SourceRef:
    return SourceRef(
        id=source.id, title=clean_text(source.title), outlet=clean_text(source.outlet) or None,
        author=clean_text(source.author) or None, url=(source.url or "").strip() or None,
        published=source.published, published_time=source.published_time,
    )


def _select_claim_ids(session, claim_ids, include_all: bool) -> tuple[list[int], str]:
    if claim_ids is not None:
        ordered = list(dict.fromkeys(int(c) for c in claim_ids))
        live = set(session.scalars(
            select(Claim.id).join(Source).where(
                Claim.id.in_(ordered), Claim.deleted_at.is_(None), Source.deleted_at.is_(None))
        ))
        missing = [c for c in ordered if c not in live]
        if missing:
            raise NotFound(f"no claim with id {', '.join(map(str, missing))}")
        return ordered, "claims chosen by the editor"
    statuses = REVIEWED_STATUSES if include_all else DEFAULT_STATUSES
    query = (
        select(Claim.id).join(Verdict).join(Source)
        .where(Verdict.status.in_(statuses), Claim.deleted_at.is_(None), Source.deleted_at.is_(None))
        .order_by(Source.published.is_(None), Source.published, Source.id, Claim.start, Claim.id)
    )
    ids = list(session.scalars(query))
    return ids, "all reviewed claims" if include_all else "verified and published claims"


def build_brief(
    session,
    *,
    claim_ids: list[int] | None = None,
    include_all: bool = False,
    brief_id: int | None = None,
    title: str | None = None,
    summary: str | None = None,
    author: str | None = None,
    workspace: str = "",
    today: date | None = None,
) -> BriefData:
    """Read the claims of a brief with their verdicts and evidence.

    Which claims: ``claim_ids`` in that order; else a saved brief's list; else every claim whose status is
    verified or published (``include_all``: every reviewed claim that was not rejected). Explicit values of
    title, summary and author win over a saved brief's.
    """
    if brief_id is not None:
        brief = session.get(Brief, brief_id)
        if brief is None:
            raise NotFound(f"no brief with id {brief_id}")
        title = title if title is not None else brief.title
        summary = summary if summary is not None else brief.summary
        author = author if author is not None else brief.author
        if claim_ids is None:
            claim_ids = [item.claim_id for item in brief.items]
    ids, selection = _select_claim_ids(session, claim_ids, include_all)
    if not ids:
        raise ExportError(
            "no claims to export: none has been reviewed yet (--all takes every reviewed claim); set verdicts "
            "with `workbench verdict`, or name claims with --claims" if include_all else
            "no claims to export: none is verified or published yet; set verdicts with `workbench verdict`, "
            "or choose --all or --claims"
        )
    scale = get_rating_scale(session)
    entries = _entries(session, ids, scale)
    return BriefData(
        title=clean_text(title or "Fact-check brief").strip() or "Fact-check brief",
        summary=clean_text(summary or "").strip(),
        author=clean_text(author or "").strip() or None,
        created=today or date.today(),
        workspace=clean_text(workspace),
        scale=scale,
        selection=selection,
        entries=entries,
    )


def _entries(session, ids: list[int], scale: RatingScale) -> list[BriefEntry]:
    claims = {
        c.id: c for c in session.scalars(
            select(Claim).where(Claim.id.in_(ids)).options(selectinload(Claim.source), selectinload(Claim.verdict))
        )
    }
    related = _related_claims(session, ids)
    cited_ids = {int(item["ref"]) for c in claims.values() if c.verdict
                 for item in (c.verdict.evidence or []) if item.get("kind") == "claim" and str(item["ref"]).isdigit()}
    cited_source_ids = {int(item["ref"]) for c in claims.values() if c.verdict
                        for item in (c.verdict.evidence or [])
                        if item.get("kind") == "source" and str(item["ref"]).isdigit()}
    cited_claims = _claims_by_id(session, cited_ids)
    cited_sources = {
        s.id: s for s in session.scalars(
            select(Source).where(Source.id.in_(cited_source_ids), Source.deleted_at.is_(None)))
    } if cited_source_ids else {}

    entries = []
    for claim_id in ids:
        claim = claims[claim_id]
        verdict = claim.verdict
        entry = BriefEntry(
            claim_id=claim.id,
            text=clean_text(claim.text).strip(),
            kind=claim.kind,
            speaker=clean_text(claim.speaker) or None,
            attribution=clean_text(claim.attribution) or None,
            source=_source_ref(claim.source),
            status=verdict.status if verdict else Status.UNREVIEWED.value,
            rating=_rating(scale, verdict.rating) if verdict and verdict.rating else None,
            rationale=clean_text(verdict.rationale if verdict else "").strip(),
            reviewer=clean_text(verdict.reviewer) if verdict and verdict.reviewer else None,
            reviewed_on=verdict.updated_at.date() if verdict and verdict.updated_at else None,
            sources_count=max(claim.check_sources or 1, 1),
            origins_count=max(claim.check_origins or 1, 1),
            origin_names=[clean_text(n) for n in (claim.check_origin_names or []) if n],
            suggestion=claim.suggestion,
        )
        for item in related.get(claim.id, []):
            (entry.conflicting if item.relation == Relation.CONFLICTS else entry.corroborating).append(item)
        for item in (verdict.evidence or []) if verdict else []:
            kind, ref, note = item.get("kind"), str(item.get("ref") or ""), clean_text(item.get("note") or "")
            shown = {e.claim_id for e in (*entry.corroborating, *entry.conflicting, *entry.cited_claims)}
            if kind == "claim" and ref.isdigit() and int(ref) in shown:
                if note:
                    entry.notes.append(note)
            elif kind == "claim" and ref.isdigit() and int(ref) in cited_claims:
                text, source = cited_claims[int(ref)]
                entry.cited_claims.append(EvidenceClaim(int(ref), text, "cited", source, (note,) if note else ()))
            elif kind == "source" and ref.isdigit() and int(ref) in cited_sources:
                entry.cited_sources.append(_source_ref(cited_sources[int(ref)]))
                if note:
                    entry.notes.append(note)
            elif kind == "url" and ref.startswith(("http://", "https://")):
                entry.cited_urls.append(WebRef(ref.strip(), note))
            elif note:
                entry.notes.append(note)
        entries.append(entry)
    return entries


def _rating(scale: RatingScale, name: str) -> Rating:
    """The scale's rating; a word the scale no longer has (edited outside the app) is kept, uncoloured."""
    return scale.find(name) or Rating(clean_text(name), None, NEUTRAL)


def _claims_by_id(session, ids: set[int]) -> dict[int, tuple[str, SourceRef]]:
    """Text and source of live claims, by id: only the columns a citation needs (no facets JSON to decode)."""
    out: dict[int, tuple[str, SourceRef]] = {}
    refs: dict[int, SourceRef] = {}
    columns = (Claim.id, Claim.text, Source.id, Source.title, Source.outlet, Source.author, Source.url,
               Source.published, Source.published_time)
    for chunk in _chunks(sorted(ids), 400):
        rows = session.execute(
            select(*columns).join(Source, Claim.source_id == Source.id)
            .where(Claim.id.in_(chunk), Claim.deleted_at.is_(None), Source.deleted_at.is_(None))
        )
        for claim_id, text, source_id, title, outlet, author, url, published, published_time in rows:
            if source_id not in refs:
                refs[source_id] = SourceRef(
                    id=source_id, title=clean_text(title), outlet=clean_text(outlet) or None,
                    author=clean_text(author) or None, url=(url or "").strip() or None,
                    published=published, published_time=published_time)
            out[claim_id] = (clean_text(text).strip(), refs[source_id])
    return out


def _related_claims(session, ids: list[int]) -> dict[int, list[EvidenceClaim]]:
    """Corroborating and conflicting claims of other sources, from the cross-check's links.

    Links the user rejected are left out; the rest are ordered by the other side's publication date, so
    time-dependent figures read in the order they were published.
    """
    wanted = set(ids)
    links = []
    for chunk in _chunks(ids, 400):
        links += session.execute(
            select(Link.id, Link.a_id, Link.b_id, Link.relation, Link.reasons, Link.same_origin).where(
                or_(Link.a_id.in_(chunk), Link.b_id.in_(chunk)),
                Link.relation.in_((Relation.CORROBORATES.value, Relation.CONFLICTS.value)),
                or_(Link.decision.is_(None), Link.decision != LinkDecision.REJECTED.value),
            )
        ).all()
    other_ids = {link.b_id for link in links if link.a_id in wanted}
    other_ids |= {link.a_id for link in links if link.b_id in wanted}
    others = _claims_by_id(session, other_ids)
    out: dict[int, dict[int, EvidenceClaim]] = {}
    for link in links:
        for mine, theirs in ((link.a_id, link.b_id), (link.b_id, link.a_id)):
            if mine not in wanted or theirs not in others:
                continue
            text, source = others[theirs]
            reasons = tuple(clean_text(r) for r in (link.reasons or []) if isinstance(r, str))
            out.setdefault(mine, {})[theirs] = EvidenceClaim(
                theirs, text, link.relation, source, reasons, bool(link.same_origin))
    return {
        claim_id: sorted(items.values(), key=lambda e: (e.source.published or date.max,
                                                         e.source.published_time or "", e.claim_id))
        for claim_id, items in out.items()
    }


def _chunks(items: list[int], size: int):
    for start in range(0, len(items), size):
        yield items[start:start + size]
