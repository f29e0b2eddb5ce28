"""Cross-checking a workspace: links between claims of different sources, origins and suggestions, kept in sync."""

from __future__ import annotations

import json
import logging
from collections import Counter
from dataclasses import dataclass, field

from sqlalchemy import bindparam, delete, func, or_, select, text, update
from sqlalchemy.orm import Session

from workbench.crosscheck.candidates import TermIndex, search_candidate_finder
from workbench.crosscheck.story import StoryGate
from workbench.crosscheck.checker import (
    LinkView,
    OriginBook,
    Pair,
    propose_links,
    summarise,
)
from workbench.crosscheck.relation import Proposal
from workbench.crosscheck.terms import TermStats
from workbench.crosscheck.view import ClaimView, build_view, weigh
from workbench.domain.claims import LinkDecision
from workbench.domain.errors import NotFound, WorkbenchError
from workbench.domain.facets import Facets
from workbench.services import full_check as fc
from workbench.storage.models import Claim, Link, Source, utcnow
from workbench.storage.workspace import Workspace, retry_on_conflict
from workbench.tasks import NO_STATE, TaskState

log = logging.getLogger(__name__)

CANDIDATES_PER_CLAIM = 25
_CHUNK = 500


@dataclass
class CheckReport:
    claims_checked: int = 0
    links_created: int = 0
    links_updated: int = 0
    links_removed: int = 0
    claims_summarised: int = 0
    kept_decisions: int = 0
    by_relation: dict[str, int] = field(default_factory=dict)

    def to_json(self) -> dict:
        return dict(self.__dict__)


# ---------------------------------------------------------------- loading

_VIEW_COLUMNS = (Claim.id, Claim.source_id, Claim.start, Claim.text, Claim.facets, Source.outlet, Source.title,
                 Source.published, Source.published_time)


def _live_claims(*columns):
    return (select(*(columns or (Claim, Source)))
            .join(Source, Claim.source_id == Source.id)
            .where(Claim.deleted_at.is_(None), Source.deleted_at.is_(None)))


def _view(row) -> ClaimView:
    cid, sid, start, text, facets, outlet, title, published, published_time = row
    return build_view(cid, sid, start, text, Facets.from_json(facets), outlet=outlet, title=title,
                      published=published, published_time=published_time)


def _load_views(session: Session, claim_ids=None, source_ids=None) -> dict[int, ClaimView]:
    """Claims as comparison views, read column-wise (no ORM objects: a full check reads every claim)."""
    out: dict[int, ClaimView] = {}
    if claim_ids is None and source_ids is None:
        for row in session.execute(_live_claims(*_VIEW_COLUMNS)):
            out[row[0]] = _view(row)
        return out
    ids = list(claim_ids if claim_ids is not None else source_ids)
    column = Claim.id if claim_ids is not None else Claim.source_id
    for i in range(0, len(ids), _CHUNK):
        for row in session.execute(_live_claims(*_VIEW_COLUMNS).where(column.in_(ids[i:i + _CHUNK]))):
            out[row[0]] = _view(row)
    return out


def _links_touching(session: Session, claim_ids) -> list[Link]:
    ids = list(claim_ids)
    found: dict[int, Link] = {}
    for i in range(0, len(ids), _CHUNK):
        chunk = ids[i:i + _CHUNK]
        for link in session.scalars(select(Link).where(or_(Link.a_id.in_(chunk), Link.b_id.in_(chunk)))):
            found[link.id] = link
    return list(found.values())


# ---------------------------------------------------------------- syncing links

def _sync_links(session: Session, scope: set[int], proposals: dict[Pair, Proposal], report: CheckReport,
                existing: list[Link]) -> None:
    """Make the stored links touching ``scope`` match the proposals; the user's decisions always win."""
    by_pair = {(link.a_id, link.b_id): link for link in existing}
    stale: list[int] = []
    for key, link in by_pair.items():
        proposal = proposals.get(key)
        if link.decision in (LinkDecision.REJECTED, LinkDecision.CONFIRMED):
            report.kept_decisions += 1
            if proposal is not None and proposal.relation == link.relation:
                link.reasons, link.details, link.score = proposal.reasons, proposal.details, proposal.score
            continue
        if proposal is None:
            if link.a_id in scope or link.b_id in scope:
                stale.append(link.id)
            continue
        if (link.relation, link.reasons, link.details) != (str(proposal.relation), proposal.reasons, proposal.details):
            link.relation, link.reasons, link.details = str(proposal.relation), proposal.reasons, proposal.details
            link.score = round(proposal.score, 4)
            report.links_updated += 1
    session.flush()
    for i in range(0, len(stale), _CHUNK):   # set-based: thousands of links go in one statement each
        session.execute(delete(Link).where(Link.id.in_(stale[i:i + _CHUNK])))
    report.links_removed += len(stale)
    new = {key: p for key, p in proposals.items() if key not in by_pair}
    _insert_links(session, new)
    report.links_created += len(new)
    for proposal in proposals.values():
        report.by_relation[str(proposal.relation)] = report.by_relation.get(str(proposal.relation), 0) + 1
    session.expire_all()


@dataclass(frozen=True)
class StoredLink:
    """A stored link as the summary needs it, read without ORM objects or the reasons/details JSON."""

    id: int
    a: int
    b: int
    relation: str
    decision: str | None
    verbatim: bool
    same_origin: bool


def _stored_links(session: Session, claim_ids=None) -> list[StoredLink]:
    query = select(Link.id, Link.a_id, Link.b_id, Link.relation, Link.decision,
                   func.json_extract(Link.details, "$.verbatim"), Link.same_origin)
    if claim_ids is None:
        return [StoredLink(*row[:5], bool(row[5]), bool(row[6])) for row in session.execute(query)]
    ids, found = list(claim_ids), {}
    for i in range(0, len(ids), _CHUNK):
        chunk = ids[i:i + _CHUNK]
        for row in session.execute(query.where(or_(Link.a_id.in_(chunk), Link.b_id.in_(chunk)))):
            found[row[0]] = StoredLink(*row[:5], bool(row[5]), bool(row[6]))
    return list(found.values())


def _active(links: list[StoredLink]) -> list[LinkView]:
    return [LinkView(link.a, link.b, link.relation, link.verbatim)
            for link in links if link.decision != LinkDecision.REJECTED]


# Two sources are tested for being copies of one text only when they share this many corroborations.
COPY_TEST_MIN_LINKS = 2


def _copy_candidates(links: list[StoredLink], views: dict[int, ClaimView]) -> set[tuple[int, int]]:
    shared: Counter[tuple[int, int]] = Counter()
    for link in links:
        if link.relation == "corroborates":
            x, y = views[link.a].source_id, views[link.b].source_id
            shared[(x, y) if x < y else (y, x)] += 1
    return {pair for pair, n in shared.items() if n >= COPY_TEST_MIN_LINKS}


def _store_summaries(session: Session, claim_ids: set[int], views: dict[int, ClaimView],
                     links: list[StoredLink], book: OriginBook, report: CheckReport, gate: StoryGate) -> None:
    links = [link for link in links if link.a in views and link.b in views]
    book.group_copies(_copy_candidates(links, views))
    summaries = summarise(claim_ids, views, _active(links), book, gate.may_compare)
    now = utcnow()
    keys = {cid: s.origin_keys for cid, s in summaries.items()}

    def origin_keys(cid: int) -> frozenset[str]:
        if cid not in keys:
            keys[cid] = book.claim_origin(views[cid]).keys
        return keys[cid]

    flips = []
    for link in links:
        if link.a in claim_ids or link.b in claim_ids:
            ka, kb = origin_keys(link.a), origin_keys(link.b)
            same = bool(ka & kb) or link.verbatim or book.are_copies(views[link.a].source_id,
                                                                     views[link.b].source_id)
            if link.same_origin != same:
                flips.append({"lid": link.id, "same": same})
    same_stmt = (update(Link.__table__).where(Link.__table__.c.id == bindparam("lid"))
                 .values(same_origin=bindparam("same")))
    for i in range(0, len(flips), _CHUNK):
        session.execute(same_stmt, flips[i:i + _CHUNK])
    rows = [{"cid": cid, "n_sources": x.sources, "n_origins": x.independent_origins, "names": x.origins,
             "n_conflicts": x.conflicts, "n_corroborations": x.corroborations, "suggested": x.suggestion,
             "at": now} for cid, x in summaries.items()]
    table = Claim.__table__
    # Check results are derived data: they must not bump updated_at, which tells the search index what changed.
    statement = (update(table).where(table.c.id == bindparam("cid"))
                 .values(check_sources=bindparam("n_sources"), check_origins=bindparam("n_origins"),
                         check_origin_names=bindparam("names"), check_conflicts=bindparam("n_conflicts"),
                         check_corroborations=bindparam("n_corroborations"), suggestion=bindparam("suggested"),
                         checked_at=bindparam("at"), updated_at=table.c.updated_at))
    for i in range(0, len(rows), _CHUNK):   # one executemany per chunk
        session.execute(statement, rows[i:i + _CHUNK])
    report.claims_summarised += len(summaries)


# ---------------------------------------------------------------- entry points

@retry_on_conflict
def check_all(ws: Workspace, state: TaskState = NO_STATE) -> CheckReport:
    """Re-check every claim against every other source of its story: `workbench check WS`.

    Source by source: each is compared with the later sources of its story (so each pair once), and its
    claims' origins are summed up from their links, all stored by then. Memory follows the largest story, not
    the workspace.
    """
    report = CheckReport()
    with ws.session() as session:
        state.progress(0, 1, "reading names")
        names, total = fc.read_source_names(session)
        fc.write_source_names(session, names, replace_all=True)
        gate = StoryGate.from_names(names, total)
        stories = fc.story_neighbours(gate, sorted(names))
        decided = {(link.a_id, link.b_id): link
                   for link in session.scalars(select(Link).where(Link.decision.isnot(None)))}
        report.kept_decisions += len(decided)
        # the links before, to report what changed (a temporary table: a million pairs stay out of memory)
        session.execute(text("DROP TABLE IF EXISTS temp.previous_links"))
        session.execute(text("CREATE TEMP TABLE previous_links AS "
                             "SELECT a_id, b_id, relation FROM links WHERE decision IS NULL"))
        session.execute(delete(Link).where(Link.decision.is_(None)))
        cache = fc.ViewCache(session, _load_views)
        book = fc.BoundedOriginBook(fc.LazyTexts(session))
        # story by story (sources grouped by their most salient name, then by date: one town's events one after
        # another), so the view cache keeps each story's claims while they are needed; a pair is compared at the
        # turn of whichever source comes first
        order = sorted(stories, key=lambda sid: ((gate.salient(sid, 1) or [""])[0], gate.days.get(sid, 0)))
        position = {sid: i for i, sid in enumerate(order)}
        for done, sid in enumerate(order):
            if done % 16 == 0:
                state.check()
                state.progress(done, len(order), "comparing claims")
            neighbours = sorted(stories[sid])
            later = [t for t in neighbours if position[t] > position[sid]]
            proposals = fc.propose_for_source(sid, later, cache, gate, CANDIDATES_PER_CLAIM)
            _write_proposals(session, proposals, decided, report)
            # every link of this source is stored now (earlier sources linked to it in their turn): sum it up
            own = cache.views([sid])
            links = _stored_links(session, own)
            views = cache.views([sid, *neighbours])
            ends = ({l.a for l in links} | {l.b for l in links}) - set(views)
            if ends:   # links a person confirmed across stories
                views = {**views, **_load_views(session, claim_ids=ends)}
            _store_summaries(session, set(own), views, links, book, report, gate)
        _count_changes(session, report)
        report.claims_checked = total
    return report


def _count_changes(session: Session, report: CheckReport) -> None:
    """Links created, changed and removed by a full check, against the copy taken before it."""
    undecided = "SELECT a_id, b_id, relation FROM links WHERE decision IS NULL"
    report.links_created += session.scalar(text(
        f"SELECT count(*) FROM ({undecided}) AS l LEFT JOIN previous_links AS p USING (a_id, b_id) "
        "WHERE p.a_id IS NULL")) or 0
    report.links_updated += session.scalar(text(
        f"SELECT count(*) FROM ({undecided}) AS l JOIN previous_links AS p USING (a_id, b_id) "
        "WHERE p.relation != l.relation")) or 0
    report.links_removed += session.scalar(text(
        "SELECT count(*) FROM previous_links AS p LEFT JOIN links AS l USING (a_id, b_id) "
        "WHERE l.a_id IS NULL OR l.decision IS NOT NULL")) or 0
    session.execute(text("DROP TABLE temp.previous_links"))


def _write_proposals(session: Session, proposals: dict[Pair, Proposal], decided: dict[Pair, Link],
                     report: CheckReport) -> None:
    """Insert one source's proposals; a link a person decided on keeps its decision and gets fresh reasons."""
    new: dict[Pair, Proposal] = {}
    for key, p in proposals.items():
        link = decided.get(key)
        if link is not None:
            if p.relation == link.relation:
                link.reasons, link.details, link.score = p.reasons, p.details, round(p.score, 4)
            continue
        new[key] = p
        report.by_relation[str(p.relation)] = report.by_relation.get(str(p.relation), 0) + 1
    session.flush()
    _insert_links(session, new)


def _insert_links(session: Session, proposals: dict[Pair, Proposal]) -> None:
    """Insert links straight through the driver (a full check writes them by the hundred thousand); a pair
    another process linked meanwhile is updated, unless a person decided on it."""
    now = utcnow().strftime("%Y-%m-%d %H:%M:%S.%f")   # SQLAlchemy's storage format for DateTime on SQLite
    rows = [(a, b, str(p.relation), json.dumps(p.reasons), json.dumps(p.details), round(p.score, 4), now, now)
            for (a, b), p in proposals.items()]
    if rows:
        session.connection().exec_driver_sql(_UPSERT_SQL, rows)


_UPSERT_SQL = (
    "INSERT INTO links (a_id, b_id, relation, reasons, details, score, same_origin, created_at, updated_at) "
    "VALUES (?, ?, ?, ?, ?, ?, 0, ?, ?) ON CONFLICT (a_id, b_id) DO UPDATE SET relation = excluded.relation, "
    "reasons = excluded.reasons, details = excluded.details, score = excluded.score, "
    "updated_at = excluded.updated_at WHERE links.decision IS NULL")


def check_sources(ws: Workspace, source_ids: list[int], state: TaskState = NO_STATE) -> CheckReport:
    """Check the claims of newly imported (or re-extracted) sources against the other sources of their story."""
    report = CheckReport()
    if not source_ids:
        return report
    with ws.session() as session:
        scope_views = _load_views(session, source_ids=source_ids)
        if not scope_views:
            return report
        gate, neighbours = fc.story_of_sources(session, scope_views.values())
        finder = None if neighbours is not None else search_candidate_finder(ws)
        if neighbours is not None:   # the usual case: compare with every claim of the story's other sources
            pool = {**_load_views(session, source_ids=neighbours), **scope_views}
            gate.annotate(pool.values())
            candidates_of, stats = _index_candidates(pool, gate)
        elif finder is None:   # no search index: compare against every stored claim through a term index
            pool = _load_views(session)
            gate = StoryGate.from_views(pool.values())
            candidates_of, stats = _index_candidates(pool, gate)
        else:   # a story too large to load, or one the names cannot place: the search index finds candidates
            with finder:
                found = {v.id: [cid for cid, _ in _search_candidates(finder, v, CANDIDATES_PER_CLAIM * 3)]
                         for v in scope_views.values()}
            wanted = {cid for ids in found.values() for cid in ids} - set(scope_views)
            pool = {**_load_views(session, claim_ids=wanted), **scope_views}
            gate.annotate(pool.values())
            stats = TermStats(v.terms for v in pool.values())
            weigh(list(pool.values()), stats)

            def candidates_of(view: ClaimView) -> list[int]:
                kept = [cid for cid in found.get(view.id, []) if gate.may_compare(view, pool[cid])]
                return kept[:CANDIDATES_PER_CLAIM]
        proposals = propose_links(list(scope_views.values()), pool, candidates_of, stats, state, gate.may_compare)
        scope = set(scope_views)
        existing = _links_touching(session, scope)
        _sync_links(session, scope, proposals, report, existing)
        links = _stored_links(session, scope)
        affected = scope | {l.a for l in links} | {l.b for l in links}
        # neighbours' summaries depend on all their own links, so load those too
        links = _stored_links(session, affected)
        ends = {l.a for l in links} | {l.b for l in links}
        missing = ends - set(pool)
        views = {**pool, **_load_views(session, claim_ids=missing)} if missing else pool
        book = OriginBook(fc.load_texts(session, {views[c].source_id for c in (affected | ends) if c in views}))
        _store_summaries(session, {c for c in affected if c in views}, views, links, book, report, gate)
        report.claims_checked = len(scope_views)
    return report


def _index_candidates(pool: dict[int, ClaimView], gate: StoryGate):
    """Candidates from an in-memory term index; the gate filters before the list is cut to size, so the places
    go to claims of the same story."""
    stats = TermStats(v.terms for v in pool.values())
    weigh(list(pool.values()), stats)
    index = TermIndex(list(pool.values()), stats)

    def candidates_of(view: ClaimView) -> list[int]:
        kept = [cid for cid, _ in index.candidates(view, CANDIDATES_PER_CLAIM * 3)
                if gate.may_compare(view, pool[cid])]
        return kept[:CANDIDATES_PER_CLAIM]
    return candidates_of, stats


def _search_candidates(finder, view: ClaimView, limit: int = CANDIDATES_PER_CLAIM) -> list[tuple[int, float]]:
    numbers = [fig.reading.text for fig in view.numbers]
    try:
        return finder.candidates(view.id, view.text, view.source_id, list(view.entity_names), numbers, limit)
    except WorkbenchError as exc:   # a broken index must not stop an import; the full check repairs it
        log.warning("candidate search failed for claim %s: %s", view.id, exc)
        return []


# ---------------------------------------------------------------- user decisions and the GUI panel

def set_link_decision(session: Session, link_id: int, decision: str | None) -> dict:
    """Confirm or reject a link (None clears the decision); decisions survive every re-check."""
    link = session.get(Link, link_id)
    if link is None:
        raise NotFound(f"no link with id {link_id}")
    if decision is not None:
        try:
            decision = str(LinkDecision(decision))
        except ValueError:
            raise WorkbenchError(f"unknown decision {decision!r}; use confirmed or rejected") from None
    link.decision = decision
    session.flush()
    return link_row(link)


def link_row(link: Link) -> dict:
    return {"id": link.id, "a": link.a_id, "b": link.b_id, "relation": link.relation,
            "reasons": list(link.reasons or []), "details": link.details or {}, "score": link.score,
            "same_origin": link.same_origin, "decision": link.decision}


def claim_crosscheck(session: Session, claim_id: int) -> dict:
    """What the cross-check panel shows for one claim: the origin summary and the other sides."""
    claim = session.get(Claim, claim_id)
    if claim is None or claim.deleted_at is not None:
        raise NotFound(f"no claim with id {claim_id}")
    from workbench.crosscheck.suggestion import origin_summary

    out = {
        "claim_id": claim.id,
        "sources": claim.check_sources,
        "independent_origins": claim.check_origins,
        "origins": list(claim.check_origin_names or []),
        "suggestion": claim.suggestion,
        "checked_at": claim.checked_at.isoformat() if claim.checked_at else None,
        "summary": origin_summary(claim.check_sources, claim.check_origins, list(claim.check_origin_names or [])),
        "corroborating": [],
        "conflicting": [],
        "related": [],
    }
    links = session.scalars(select(Link).where(or_(Link.a_id == claim_id, Link.b_id == claim_id))).all()
    for link in links:
        other_id = link.b_id if link.a_id == claim_id else link.a_id
        other = session.get(Claim, other_id)
        if other is None or other.deleted_at is not None or other.source.deleted_at is not None:
            continue
        src = other.source
        row = link_row(link)
        row.update({
            "claim_id": other.id, "source_id": src.id, "outlet": src.outlet, "title": src.title,
            "published": src.published.isoformat() if src.published else None,
            "published_time": src.published_time, "text": other.text, "start": other.start, "end": other.end,
            "this_side": "a" if link.a_id == claim_id else "b",
        })
        bucket = {"corroborates": "corroborating", "conflicts": "conflicting"}.get(link.relation, "related")
        out[bucket].append(row)
    for bucket in ("corroborating", "conflicting", "related"):
        out[bucket].sort(key=lambda r: (r["decision"] == LinkDecision.REJECTED, r["published"] or "", r["claim_id"]))
    return out


def check_results(session: Session, *, include_rejected: bool = False) -> dict:
    """Every stored link and every claim's origin summary (the JSON of `workbench check`)."""
    claims_rows = [c for c, _ in session.execute(_live_claims().order_by(Claim.id))]
    live = {c.id for c in claims_rows}
    links = [link_row(l) for l in session.scalars(select(Link).order_by(Link.a_id, Link.b_id))
             if l.a_id in live and l.b_id in live and (include_rejected or l.decision != LinkDecision.REJECTED)]
    claims = [{"id": c.id, "source_id": c.source_id, "sources": c.check_sources,
               "independent_origins": c.check_origins, "origins": list(c.check_origin_names or []),
               "conflicts": c.check_conflicts, "corroborations": c.check_corroborations,
               "suggestion": c.suggestion or "unverified"}
              for c in claims_rows]
    return {"links": links, "claims": claims}
