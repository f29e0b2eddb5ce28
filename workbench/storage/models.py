"""SQLAlchemy 2 typed models: the workspace schema. Change it only together with an Alembic revision."""

from __future__ import annotations

from datetime import date, datetime, timezone
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


def utcnow() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None)


class Base(DeclarativeBase):
    type_annotation_map = {dict[str, Any]: JSON, list[Any]: JSON}


class Source(Base):
    """An imported article: its normalised plain-text body, metadata and original bytes."""

    __tablename__ = "sources"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String, default="")
    outlet: Mapped[str | None] = mapped_column(String)
    author: Mapped[str | None] = mapped_column(String)
    url: Mapped[str | None] = mapped_column(String)
    published: Mapped[date | None] = mapped_column(Date)
    published_time: Mapped[str | None] = mapped_column(String)   # "HH:MM" when the source gives one
    language: Mapped[str | None] = mapped_column(String)
    body: Mapped[str] = mapped_column(Text, default="")
    body_hash: Mapped[str] = mapped_column(String(64), index=True)  # of the text folded for duplicate detection
    path: Mapped[str | None] = mapped_column(String)                # where it was imported from
    format: Mapped[str] = mapped_column(String(16), default="txt")
    warnings: Mapped[list[Any]] = mapped_column(JSON, default=list)
    imported_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow, index=True)
    extracted_at: Mapped[datetime | None] = mapped_column(DateTime)
    deleted_at: Mapped[datetime | None] = mapped_column(DateTime, index=True)  # in the trash when set

    original: Mapped[SourceFile | None] = relationship(
        back_populates="source", cascade="all, delete-orphan", uselist=False
    )
    claims: Mapped[list[Claim]] = relationship(back_populates="source", cascade="all, delete-orphan")


class SourceFile(Base):
    """The original bytes of an imported file, kept apart so listing sources stays cheap."""

    __tablename__ = "source_files"

    source_id: Mapped[int] = mapped_column(ForeignKey("sources.id", ondelete="CASCADE"), primary_key=True)
    filename: Mapped[str | None] = mapped_column(String)
    media_type: Mapped[str | None] = mapped_column(String)
    data: Mapped[bytes] = mapped_column(LargeBinary)

    source: Mapped[Source] = relationship(back_populates="original")


class SourceFingerprint(Base):
    """A sampled word-shingle hash of a source body, indexed to find near-duplicate copies on import."""

    __tablename__ = "source_fingerprints"
    # Covering: a lookup by hash reads the sources from the index alone (revision 0004).
    __table_args__ = (Index("ix_source_fingerprints_hash_source", "hash", "source_id"),)

    source_id: Mapped[int] = mapped_column(ForeignKey("sources.id", ondelete="CASCADE"), primary_key=True)
    hash: Mapped[int] = mapped_column(BigInteger, primary_key=True)


class SourceName(Base):
    """How many claims of a source tag a name (a word of it): derived by the cross-check, which reads it to find
    the sources of a story without loading their claims (revision 0006)."""

    __tablename__ = "source_names"
    __table_args__ = (Index("ix_source_names_name", "name", "source_id", "claims"),)

    source_id: Mapped[int] = mapped_column(ForeignKey("sources.id", ondelete="CASCADE"), primary_key=True)
    name: Mapped[str] = mapped_column(String, primary_key=True)
    claims: Mapped[int] = mapped_column(Integer)


class Claim(Base):
    """A checkable statement: a span [start, end) of its source body, with structure and check results."""

    __tablename__ = "claims"
    __table_args__ = (Index("ix_claims_source_span", "source_id", "start", "end"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    source_id: Mapped[int] = mapped_column(ForeignKey("sources.id", ondelete="CASCADE"), index=True)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(String(16), default="statement", index=True)
    score: Mapped[float] = mapped_column(Float, default=0.0)
    reasons: Mapped[list[Any]] = mapped_column(JSON, default=list)
    speaker: Mapped[str | None] = mapped_column(String)
    attribution: Mapped[str | None] = mapped_column(String)
    facets: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    origin: Mapped[str] = mapped_column(String(8), default="auto")   # auto | user (see ClaimOrigin)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow, index=True)
    deleted_at: Mapped[datetime | None] = mapped_column(DateTime, index=True)

    # Cross-check summary, recomputed by the checker (derived, but kept for fast tables).
    check_sources: Mapped[int] = mapped_column(Integer, default=1)
    check_origins: Mapped[int] = mapped_column(Integer, default=1)
    check_origin_names: Mapped[list[Any]] = mapped_column(JSON, default=list)
    check_conflicts: Mapped[int] = mapped_column(Integer, default=0)
    check_corroborations: Mapped[int] = mapped_column(Integer, default=0)
    suggestion: Mapped[str | None] = mapped_column(String)
    checked_at: Mapped[datetime | None] = mapped_column(DateTime)

    source: Mapped[Source] = relationship(back_populates="claims")
    verdict: Mapped[Verdict | None] = relationship(
        back_populates="claim", cascade="all, delete-orphan", uselist=False
    )


class Link(Base):
    """A relation between two claims of different sources; a < b by id."""

    __tablename__ = "links"
    __table_args__ = (UniqueConstraint("a_id", "b_id", name="uq_links_pair"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    a_id: Mapped[int] = mapped_column(ForeignKey("claims.id", ondelete="CASCADE"), index=True)
    b_id: Mapped[int] = mapped_column(ForeignKey("claims.id", ondelete="CASCADE"), index=True)
    relation: Mapped[str] = mapped_column(String(16))                 # see Relation
    reasons: Mapped[list[Any]] = mapped_column(JSON, default=list)
    details: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)  # differing values, for highlighting
    score: Mapped[float] = mapped_column(Float, default=0.0)
    same_origin: Mapped[bool] = mapped_column(Boolean, default=False)   # copies of one report
    decision: Mapped[str | None] = mapped_column(String(16))           # confirmed | rejected (user)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)


class Verdict(Base):
    """The current verdict on a claim: workflow status separate from the rating."""

    __tablename__ = "verdicts"

    claim_id: Mapped[int] = mapped_column(ForeignKey("claims.id", ondelete="CASCADE"), primary_key=True)
    status: Mapped[str] = mapped_column(String(16), default="unreviewed", index=True)
    rating: Mapped[str | None] = mapped_column(String(32), index=True)
    rationale: Mapped[str] = mapped_column(Text, default="")
    reviewer: Mapped[str | None] = mapped_column(String)
    # [{"kind": "claim"|"source"|"url", "ref": "12" | "https://...", "note": "..."}]
    evidence: Mapped[list[Any]] = mapped_column(JSON, default=list)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)

    claim: Mapped[Claim] = relationship(back_populates="verdict")


class VerdictEvent(Base):
    """One entry of a claim's history: every verdict change, and other claim events (edit, split...)."""

    __tablename__ = "verdict_events"

    id: Mapped[int] = mapped_column(primary_key=True)
    claim_id: Mapped[int] = mapped_column(ForeignKey("claims.id", ondelete="CASCADE"), index=True)
    at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    action: Mapped[str] = mapped_column(String(32), default="verdict")
    status: Mapped[str | None] = mapped_column(String(16))
    rating: Mapped[str | None] = mapped_column(String(32))
    rationale: Mapped[str | None] = mapped_column(Text)
    reviewer: Mapped[str | None] = mapped_column(String)
    evidence: Mapped[list[Any]] = mapped_column(JSON, default=list)
    note: Mapped[str | None] = mapped_column(Text)


class Brief(Base):
    """A brief under construction: title, summary and an ordered list of claims."""

    __tablename__ = "briefs"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String, default="Fact-check brief")
    summary: Mapped[str] = mapped_column(Text, default="")
    author: Mapped[str | None] = mapped_column(String)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)

    items: Mapped[list[BriefItem]] = relationship(
        back_populates="brief", cascade="all, delete-orphan", order_by="BriefItem.position"
    )


class BriefItem(Base):
    __tablename__ = "brief_items"
    __table_args__ = (UniqueConstraint("brief_id", "claim_id", name="uq_brief_items_claim"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    brief_id: Mapped[int] = mapped_column(ForeignKey("briefs.id", ondelete="CASCADE"), index=True)
    claim_id: Mapped[int] = mapped_column(ForeignKey("claims.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer, default=0)

    brief: Mapped[Brief] = relationship(back_populates="items")


class Setting(Base):
    """Workspace-wide settings (rating scale, reviewer name, ...), JSON values by key."""

    __tablename__ = "settings"

    key: Mapped[str] = mapped_column(String, primary_key=True)
    value: Mapped[Any] = mapped_column(JSON)
