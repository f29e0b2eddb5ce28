"""Read-only queries for the window's lists and panels, returning plain tuples and dicts (no ORM objects)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, NamedTuple

from sqlalchemy import and_, case, literal, or_, select, text

from workbench.domain.errors import NotFound
from workbench.storage.models import Claim, Link, Source, Verdict

# The five display states a claim is coloured by, derived from its verdict and cross-check summary.
STATES = ("unreviewed", "corroborated", "disputed", "verified", "rejected")


def _state_expr():
    """SQL for a claim's display state; needs Claim outer-joined with Verdict. Built once (it never changes)."""
    global _STATE
    if _STATE is None:
        _STATE = _build_state_expr()
    return _STATE


_STATE = None


# States a verdict decides, and the verdict statuses that give them (in this order: a rejection wins).
_VERDICT_STATES = {"rejected": ("rejected",), "verified": ("verified", "published")}


def _build_state_expr():
    return case(
        *((Verdict.status.in_(statuses), literal(state)) for state, statuses in _VERDICT_STATES.items()),
        (Claim.check_conflicts > 0, literal("disputed")),
        (Claim.check_corroborations > 0, literal("corroborated")),
        else_=literal("unreviewed"),
    )


def state_of(status: str | None, conflicts: int, corroborations: int) -> str:
    """The same rule as :func:`_state_expr`, in Python, for a single claim."""
    for state, statuses in _VERDICT_STATES.items():
        if status in statuses:
            return state
    if conflicts:
        return "disputed"
    if corroborations:
        return "corroborated"
    return "unreviewed"


# ---------------------------------------------------------------------------------------------- sources

class SourceRow(NamedTuple):
    id: int
    title: str
    outlet: str
    published: str          # ISO date (plus " HH:MM" when known) or ""
    claims: int
    disputed: int
    corroborated: int
    verified: int


def source_rows(session) -> list[SourceRow]:
    """Every live source with its claim count and a per-state summary, newest first."""
    counts = _state_counts(session)
    rows = []
    query = (
        select(Source.id, Source.title, Source.outlet, Source.published, Source.published_time)
        .where(Source.deleted_at.is_(None))
        .order_by(Source.published.desc().nulls_last(), Source.published_time.desc(), Source.id)
    )
    for sid, title, outlet, published, ptime in session.execute(query):
        n, disputed, corroborated, verified = counts.get(sid, (0, 0, 0, 0))
        when = published.isoformat() if published else ""
        if when and ptime:
            when += f" {ptime}"
        rows.append(SourceRow(sid, title or "Untitled", outlet or "", when, n, disputed, corroborated, verified))
    return rows


# Read from a covering partial index (migration 0007) instead of the claims table, a hundred times larger: at
# 10,000 articles this took 0.8 s of the window's start.
_SUMMARY_INDEX = "ix_claims_live_summary"
_COUNTED = {"disputed": 1, "corroborated": 2, "verified": 3}


def _state_counts(session) -> dict[int, list[int]]:
    """[claims, disputed, corroborated, verified] per source over its live claims. The cross-check's state comes
    from the index; the few claims a verdict verified or rejected are then moved to their own state."""
    hint = f"INDEXED BY {_SUMMARY_INDEX}" if _has_index(session, _SUMMARY_INDEX) else ""
    sql = ("SELECT source_id, count(*), sum(coalesce(check_conflicts, 0) > 0), "
           "sum(coalesce(check_conflicts, 0) <= 0 AND coalesce(check_corroborations, 0) > 0) "
           f"FROM claims {hint} WHERE deleted_at IS NULL GROUP BY source_id")
    counts = {sid: [n, disputed or 0, corroborated or 0, 0]
              for sid, n, disputed, corroborated in session.connection().exec_driver_sql(sql)}
    decided = (
        select(Claim.source_id, Verdict.status, Claim.check_conflicts, Claim.check_corroborations)
        .join(Verdict, Verdict.claim_id == Claim.id)
        .where(Claim.deleted_at.is_(None),
               Verdict.status.in_([status for statuses in _VERDICT_STATES.values() for status in statuses]))
    )
    for sid, status, conflicts, corroborations in session.execute(decided):
        row = counts.get(sid)
        if row is None:
            continue
        checked = state_of(None, conflicts or 0, corroborations or 0)
        if checked in _COUNTED:
            row[_COUNTED[checked]] -= 1
        shown = state_of(status, conflicts or 0, corroborations or 0)
        if shown in _COUNTED:
            row[_COUNTED[shown]] += 1
    return counts


def _has_index(session, name: str) -> bool:
    return session.execute(text("SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = :name"),
                           {"name": name}).first() is not None


# ---------------------------------------------------------------------------------------------- claims

class ClaimRow(NamedTuple):
    id: int
    source_id: int
    text: str
    outlet: str
    kind: str
    score: float
    suggestion: str
    sources: int
    origins: int
    conflicts: int
    state: str
    status: str
    rating: str
    origin: str             # auto | user


# Sortable columns of the claims table, by key: the SQL each sorts by.
SORT_KEYS = ("text", "outlet", "kind", "score", "suggestion", "sources", "origins", "conflicts", "status",
             "rating", "position")


@dataclass(frozen=True)
class ClaimFilter:
    """What the claims table shows; every field optional."""

    source_id: int | None = None
    text: str = ""
    kind: str | None = None
    state: str | None = None
    min_score: float = 0.0
    only_disputed: bool = False


def _sort_column(key: str):
    return {
        "text": Claim.text,
        "outlet": Source.outlet,
        "kind": Claim.kind,
        "score": Claim.score,
        "suggestion": Claim.suggestion,
        "sources": Claim.check_sources,
        "origins": Claim.check_origins,
        "conflicts": Claim.check_conflicts,
        "status": _state_expr(),
        "rating": Verdict.rating,
        "position": Claim.start,
    }[key]


def claim_ids(session, flt: ClaimFilter = ClaimFilter(), sort: str = "position",
              descending: bool = False) -> list[int]:
    """The ids of the claims matching ``flt``, in display order. One query, ids only: fast at 100,000.

    Claims of a source in the trash are in the trash too (they share its timestamp), so the source table is
    joined only to filter or sort by outlet, and the verdicts only for status and rating.
    """
    fast = _fast_ids(session, flt, sort, descending)
    if fast is not None:
        return fast
    needs_source = sort == "outlet" or bool(flt.text.strip())
    needs_verdict = sort in ("status", "rating") or bool(flt.state)
    query = select(Claim.id).where(Claim.deleted_at.is_(None))
    if needs_source:
        query = query.join(Source, Source.id == Claim.source_id)
    if needs_verdict:
        query = query.outerjoin(Verdict, Verdict.claim_id == Claim.id)
    if flt.source_id is not None:
        query = query.where(Claim.source_id == flt.source_id)
    if flt.text.strip():
        needle = f"%{flt.text.strip()}%"
        query = query.where(or_(Claim.text.ilike(needle), Source.outlet.ilike(needle)))
    if flt.kind:
        query = query.where(Claim.kind == flt.kind)
    if flt.state:
        query = query.where(_state_expr() == flt.state)
    if flt.min_score > 0:
        query = query.where(Claim.score >= flt.min_score)
    if flt.only_disputed:
        query = query.where(Claim.check_conflicts > 0)
    column = _sort_column(sort)
    order = column.desc() if descending else column.asc()
    if sort == "position":
        query = query.order_by(Claim.source_id.desc() if descending else Claim.source_id, order)
    else:
        query = query.order_by(order, Claim.id)
    # Plain tuples straight from the driver: building 100,000 ORM rows would cost more than the query.
    return [row[0] for row in session.connection().execute(query).fetchall()]


# Unfiltered listings of every live claim read a partial index alone (migration 0004). SQLite's planner, without
# statistics, prefers the deleted_at index and sorts 100,000 rows in a temporary tree, so the index is named.
_FAST_ORDER = {
    "position": ("ix_claims_live_position", "source_id {d}, start {d}"),
    "score": ("ix_claims_live_score", "score {d}"),
}


def _fast_ids(session, flt: ClaimFilter, sort: str, descending: bool) -> list[int] | None:
    if sort not in _FAST_ORDER or flt != ClaimFilter():
        return None
    index, order = _FAST_ORDER[sort]
    if not _has_index(session, index):
        return None
    order = order.format(d="DESC" if descending else "ASC")
    sql = f"SELECT id FROM claims INDEXED BY {index} WHERE deleted_at IS NULL ORDER BY {order}"
    return [row[0] for row in session.connection().exec_driver_sql(sql).fetchall()]


def claim_rows(session, ids: list[int]) -> dict[int, ClaimRow]:
    """Display rows for the given claim ids (a page of the table), by id."""
    out: dict[int, ClaimRow] = {}
    state = _state_expr()
    for chunk_start in range(0, len(ids), 500):
        chunk = ids[chunk_start:chunk_start + 500]
        query = (
            select(Claim.id, Claim.source_id, Claim.text, Source.outlet, Claim.kind, Claim.score,
                   Claim.suggestion, Claim.check_sources, Claim.check_origins, Claim.check_conflicts, state,
                   Verdict.status, Verdict.rating, Claim.origin)
            .join(Source, Source.id == Claim.source_id)
            .outerjoin(Verdict, Verdict.claim_id == Claim.id)
            .where(Claim.id.in_(chunk))
        )
        for r in session.execute(query):
            out[r[0]] = ClaimRow(r[0], r[1], r[2], r[3] or "", r[4] or "statement", float(r[5] or 0.0),
                                 r[6] or "", r[7] or 1, r[8] or 1, r[9] or 0, r[10], r[11] or "unreviewed",
                                 r[12] or "", r[13] or "auto")
    return out


def claim_kinds(session) -> list[str]:
    return sorted(k for k in session.scalars(select(Claim.kind).distinct()) if k)


def first_claim_id(session, *, state: str | None = None) -> int | None:
    """The first claim in ``state`` (the highest scored, then by source date and position), or the first claim
    of all (by source date, then position)."""
    if state:
        return _best_in_state(session, state)
    sources = (select(Source.id).where(Source.deleted_at.is_(None))
               .order_by(Source.published.nulls_last(), Source.published_time, Source.id))
    for sid in session.scalars(sources):   # the first source with a live claim: nearly always the first
        first = session.scalar(select(Claim.id).where(Claim.source_id == sid, Claim.deleted_at.is_(None))
                               .order_by(Claim.start).limit(1))
        if first is not None:
            return first
    return None


def _best_in_state(session, state: str) -> int | None:
    # Two steps: the top score first, then only the claims with that score ordered by source date (ordering by
    # both at once sorted every live claim: 0.4 s at 10,000 articles).
    def in_state():
        query = (select(Claim.id).join(Source, Source.id == Claim.source_id)
                 .outerjoin(Verdict, Verdict.claim_id == Claim.id)
                 .where(Claim.deleted_at.is_(None), Source.deleted_at.is_(None), _state_expr() == state))
        if state in _VERDICT_STATES:   # found from the (few) verdicts, read through their status index
            query = query.where(Claim.id.in_(select(Verdict.claim_id)
                                             .where(Verdict.status.in_(_VERDICT_STATES[state]))))
        return query
    if state in _VERDICT_STATES or not _has_index(session, "ix_claims_live_score"):
        top = session.scalar(in_state().with_only_columns(Claim.score).order_by(Claim.score.desc()).limit(1))
    else:
        # The live-score index read from the top until a claim in the state turns up; SQLite's planner, without
        # statistics, would rather read the deleted_at index and sort (see _FAST_ORDER).
        condition = str(_state_expr().compile(session.bind, compile_kwargs={"literal_binds": True}))
        top = session.connection().exec_driver_sql(
            "SELECT claims.score FROM claims INDEXED BY ix_claims_live_score"
            " JOIN sources ON sources.id = claims.source_id LEFT JOIN verdicts ON verdicts.claim_id = claims.id"
            f" WHERE claims.deleted_at IS NULL AND sources.deleted_at IS NULL AND ({condition}) = ?"
            " ORDER BY claims.score DESC LIMIT 1", (state,)).scalar()
    if top is None:
        return None
    return session.scalar(in_state().where(Claim.score == top)
                          .order_by(Source.published.nulls_last(), Source.id, Claim.start).limit(1))


# ---------------------------------------------------------------------------------------------- article

def _marks(facets: dict[str, Any] | None) -> list[tuple[int, int, str]]:
    """(start, end, kind) of the numbers, dates and quotes inside a claim, absolute body offsets."""
    out = []
    for name, kind in (("numbers", "number"), ("dates", "date"), ("quotes", "quote")):
        for item in (facets or {}).get(name) or []:
            try:
                out.append((int(item["start"]), int(item["end"]), kind))
            except (KeyError, TypeError, ValueError):
                continue
    return out


def article(session, source_id: int) -> dict[str, Any]:
    """A source with its body and every live claim span, for the article view."""
    source = session.get(Source, source_id)
    if source is None or source.deleted_at is not None:
        raise NotFound(f"no source with id {source_id}")
    state = _state_expr()
    spans = []
    query = (
        select(Claim.id, Claim.start, Claim.end, Claim.kind, Claim.score, Claim.reasons, Claim.facets, state,
               Claim.check_conflicts, Claim.check_corroborations, Claim.origin, Verdict.rating)
        .outerjoin(Verdict, Verdict.claim_id == Claim.id)
        .where(Claim.source_id == source_id, Claim.deleted_at.is_(None))
        .order_by(Claim.start, Claim.end)
    )
    for (cid, start, end, kind, score, reasons, facets, st, conflicts, corroborations, origin,
         rating) in session.execute(query):
        spans.append({
            "id": cid, "start": start, "end": end, "kind": kind, "score": float(score or 0.0),
            "reasons": list(reasons or []), "state": st, "conflicts": conflicts or 0,
            "corroborations": corroborations or 0, "origin": origin, "rating": rating,
            "marks": _marks(facets),
        })
    return {
        "id": source.id, "title": source.title, "outlet": source.outlet, "author": source.author,
        "url": source.url, "published": source.published.isoformat() if source.published else None,
        "published_time": source.published_time, "body": source.body, "claims": spans,
        "warnings": list(source.warnings or []),
    }


# ---------------------------------------------------------------------------------------------- one claim

def claim_detail(session, claim_id: int) -> dict[str, Any]:
    """Everything the side panels show about one claim, without its links."""
    row = session.execute(
        select(Claim, Source.outlet, Source.title, Source.published, Source.published_time)
        .join(Source, Source.id == Claim.source_id)
        .where(Claim.id == claim_id)
    ).first()
    if row is None or row[0].deleted_at is not None:
        raise NotFound(f"no claim with id {claim_id}")
    claim, outlet, title, published, ptime = row
    verdict = session.get(Verdict, claim_id)
    return {
        "id": claim.id, "source_id": claim.source_id, "start": claim.start, "end": claim.end, "text": claim.text,
        "kind": claim.kind, "score": float(claim.score or 0.0), "reasons": list(claim.reasons or []),
        "speaker": claim.speaker, "attribution": claim.attribution, "origin": claim.origin,
        "suggestion": claim.suggestion, "outlet": outlet or "", "title": title or "",
        "published": published.isoformat() if published else None, "published_time": ptime,
        "sources": claim.check_sources or 1, "origins": claim.check_origins or 1,
        "origin_names": list(claim.check_origin_names or []), "conflicts": claim.check_conflicts or 0,
        "corroborations": claim.check_corroborations or 0, "checked": claim.checked_at is not None,
        "facets": dict(claim.facets or {}),
        "state": state_of(verdict.status if verdict else None, claim.check_conflicts or 0,
                          claim.check_corroborations or 0),
        "verdict": None if verdict is None else {
            "status": verdict.status, "rating": verdict.rating, "rationale": verdict.rationale or "",
            "reviewer": verdict.reviewer, "evidence": list(verdict.evidence or []),
            "updated_at": verdict.updated_at.isoformat(timespec="minutes") if verdict.updated_at else None,
        },
    }


def origin_summary(detail: dict[str, Any]) -> str:
    """'9 outlets, 1 independent origin: Reuters' from a claim detail."""
    n, k, names = detail["sources"], detail["origins"], detail["origin_names"]
    try:
        from workbench.crosscheck.suggestion import origin_summary as checker_summary
    except ImportError:
        checker_summary = None
    if checker_summary is not None:
        return checker_summary(n, k, [str(x) for x in names])
    text = f"{n} outlet{'s' if n != 1 else ''}, {k} independent origin{'s' if k != 1 else ''}"
    if names:
        text += ": " + ", ".join(str(x) for x in names[:5]) + ("…" if len(names) > 5 else "")
    return text


def _values(facets: dict[str, Any] | None) -> tuple[set[float], set[str]]:
    facets = facets or {}
    numbers = {round(float(n.get("value")), 6) for n in facets.get("numbers") or [] if n.get("value") is not None}
    dates = {str(d.get("iso")) for d in facets.get("dates") or [] if d.get("iso")}
    return numbers, dates


def differing_spans(mine: dict[str, Any] | None, theirs: dict[str, Any] | None,
                    their_start: int) -> list[tuple[int, int]]:
    """Spans (relative to their claim text) of their numbers and dates that mine does not share."""
    my_numbers, my_dates = _values(mine)
    out = []
    for n in (theirs or {}).get("numbers") or []:
        if n.get("value") is not None and round(float(n["value"]), 6) not in my_numbers:
            out.append((int(n["start"]) - their_start, int(n["end"]) - their_start))
    for d in (theirs or {}).get("dates") or []:
        if d.get("iso") and str(d["iso"]) not in my_dates:
            out.append((int(d["start"]) - their_start, int(d["end"]) - their_start))
    return sorted(out)


def _pair_spans(details: dict[str, Any], other_side: str, other_start: int, other_len: int) -> list[tuple[int, int]]:
    """Spans (relative to the other claim) of the figures the checker found in conflict, from a link's details."""
    out = []
    for pair in details.get("pairs") or []:
        if pair.get("verdict") != "conflict":
            continue
        span = pair.get(other_side) or {}
        try:
            start, end = int(span["start"]) - other_start, int(span["end"]) - other_start
        except (KeyError, TypeError, ValueError):
            continue
        if 0 <= start < end <= other_len:
            out.append((start, end))
    return sorted(set(out))


def linked_claims(session, claim_id: int) -> list[dict[str, Any]]:
    """The claims linked to ``claim_id`` (conflicts first), with outlet, date, reason and differing values."""
    me = session.get(Claim, claim_id)
    if me is None:
        raise NotFound(f"no claim with id {claim_id}")
    other_id = case((Link.a_id == claim_id, Link.b_id), else_=Link.a_id)
    query = (
        select(Link.id, Link.relation, Link.reasons, Link.score, Link.same_origin, Link.decision, Link.details,
               Claim.id, Claim.text, Claim.start, Claim.facets, Source.id, Source.outlet, Source.title,
               Source.published, Source.published_time)
        .join(Claim, Claim.id == other_id)
        .join(Source, Source.id == Claim.source_id)
        .where(or_(Link.a_id == claim_id, Link.b_id == claim_id),
               and_(Claim.deleted_at.is_(None), Source.deleted_at.is_(None)))
    )
    order = {"conflicts": 0, "corroborates": 1}
    out = []
    for (link_id, relation, reasons, score, same_origin, decision, details, cid, text, start, facets, sid,
         outlet, title, published, ptime) in session.execute(query):
        when = published.isoformat() if published else ""
        if when and ptime:
            when += f" {ptime}"
        differing: list[tuple[int, int]] = []
        if relation == "conflicts":
            other_side = "b" if cid > claim_id else "a"   # links are stored with a < b by claim id
            differing = (_pair_spans(details or {}, other_side, start, len(text))
                         or differing_spans(me.facets, facets, start))
        out.append({
            "link_id": link_id, "relation": relation, "reasons": list(reasons or []), "score": float(score or 0),
            "same_origin": bool(same_origin), "decision": decision, "details": dict(details or {}),
            "claim_id": cid, "text": text, "start": start, "source_id": sid, "outlet": outlet or "",
            "title": title or "", "published": when,
            "differing": differing,
        })
    out.sort(key=lambda r: (order.get(r["relation"], 2), r["published"] or "9999", r["claim_id"]))
    return out
