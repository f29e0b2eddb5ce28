"""The full check, story by story: each source is compared only with the sources of its own story.

Memory stays bounded by a story's size, not the workspace's: claims are loaded per source and its story
neighbours, through a cache of recently used sources, links are written as each source is done, and its claims'
origins are summed up from their stored links right after. An incremental check finds a new source's story
through the names stored per source (`story_of_sources`).
"""

from __future__ import annotations

import json
from collections import Counter, OrderedDict, defaultdict

from sqlalchemy import delete, func, insert, select
from sqlalchemy.orm import Session

from workbench.crosscheck.candidates import TermIndex
from workbench.crosscheck.checker import OriginBook, SourceText, propose_links
from workbench.crosscheck.story import (
    MAX_NEIGHBOURS,
    MAX_STORY_POSTING,
    SALIENT_NAMES,
    SourceNames,
    StoryGate,
    near_first,
    shared_name_scores,
)
from workbench.crosscheck.terms import TermStats
from workbench.crosscheck.view import ClaimView, story_keys, weigh
from workbench.storage.models import Claim, Source, SourceName
from workbench.tasks import NO_STATE, TaskState

# How many claims' comparison views stay in memory between sources (about 7 KB each).
VIEW_CACHE_CLAIMS = 40_000
# Sources whose shingles (for copy detection) stay in memory.
SHINGLE_CACHE_SOURCES = 400
# Source bodies kept for the origin book.
TEXT_CACHE_SOURCES = 1_000
# Claims whose origin (who they credit) stays in memory.
ORIGIN_CACHE_CLAIMS = 120_000
_CHUNK = 500
# In stories with at most this many claims, each claim meets twice the usual number of candidates.
SMALL_STORY_CLAIMS = 250


def tagged_names(entities_json: str | None) -> set[str]:
    """Story keys of one claim, read from its stored entities without building a view."""
    try:
        entities = json.loads(entities_json or "[]")
    except ValueError:
        return set()
    return story_keys([e.get("text", "") for e in entities
                       if isinstance(e, dict) and e.get("type") not in ("outlet", "agency")])


def read_source_names(session: Session) -> tuple[SourceNames, int]:
    """Names per live source (how many of its claims tag each), with publication days, and the number of live
    claims."""
    names = SourceNames()
    total = 0
    rows = session.execute(
        select(Claim.source_id, func.json_extract(Claim.facets, "$.entities"))
        .join(Source, Claim.source_id == Source.id)
        .where(Claim.deleted_at.is_(None), Source.deleted_at.is_(None)))
    for sid, entities in rows:
        total += 1
        counts = names.get(sid)
        if counts is None:
            counts = names[sid] = Counter()
        counts.update(tagged_names(entities))
    for sid, published in session.execute(select(Source.id, Source.published).where(Source.deleted_at.is_(None))):
        if published is not None:
            names.days[sid] = published.toordinal()
    return names, total


def write_source_names(session: Session, names: dict[int, Counter[str]], replace_all: bool = False) -> None:
    """Store the names of these sources (all sources' rows are replaced when ``replace_all``)."""
    if replace_all:
        session.execute(delete(SourceName))
    else:
        ids = list(names)
        for i in range(0, len(ids), _CHUNK):
            session.execute(delete(SourceName).where(SourceName.source_id.in_(ids[i:i + _CHUNK])))
    rows = [{"source_id": sid, "name": name, "claims": count}
            for sid, counts in names.items() for name, count in counts.items()]
    for i in range(0, len(rows), 5000):
        session.execute(insert(SourceName), rows[i:i + 5000])


class ViewCache:
    """Comparison views of recently used sources, least recently used dropped first."""

    def __init__(self, session: Session, load, capacity: int = VIEW_CACHE_CLAIMS):
        self.session = session
        self.load = load
        self.capacity = capacity
        self._by_source: OrderedDict[int, dict[int, ClaimView]] = OrderedDict()
        self._size = 0

    def views(self, source_ids: list[int]) -> dict[int, ClaimView]:
        missing = [sid for sid in source_ids if sid not in self._by_source]
        if missing:
            loaded: dict[int, dict[int, ClaimView]] = {sid: {} for sid in missing}
            for cid, view in self.load(self.session, source_ids=missing).items():
                loaded[view.source_id][cid] = view
            for sid, views in loaded.items():
                self._by_source[sid] = views
                self._size += len(views)
        out: dict[int, ClaimView] = {}
        for sid in source_ids:
            self._by_source.move_to_end(sid)
            out.update(self._by_source[sid])
        keep = set(source_ids)
        while self._size > self.capacity and len(self._by_source) > len(keep):
            sid, views = next(iter(self._by_source.items()))
            if sid in keep:
                self._by_source.move_to_end(sid)
                continue
            self._by_source.popitem(last=False)
            self._size -= len(views)
        return out


class BoundedOriginBook(OriginBook):
    """An origin book that forgets the shingles and claim origins it has not needed for a while."""

    def claim_origin(self, view: ClaimView):
        if len(self._claims) > ORIGIN_CACHE_CLAIMS:
            self._claims.clear()
        return super().claim_origin(view)

    def _shingles_of(self, source_id: int) -> frozenset[int]:
        found = super()._shingles_of(source_id)
        if len(self._shingles) > SHINGLE_CACHE_SOURCES:
            for sid in list(self._shingles)[: len(self._shingles) // 2]:
                if sid != source_id:
                    del self._shingles[sid]
        return found


def propose_for_source(sid: int, later: list[int], cache: ViewCache, gate: StoryGate, candidates_per_claim: int,
                       state: TaskState = NO_STATE):
    """Links between the claims of ``sid`` and those of its later story neighbours."""
    scope = cache.views([sid])
    if not scope or not later:
        return {}
    pool = cache.views([sid, *later])
    stats = TermStats(v.terms for v in pool.values())
    weigh(list(pool.values()), stats)
    gate.annotate(pool.values())
    index = TermIndex(list(pool.values()), stats)   # candidates() leaves out the claim's own source

    # in a small story each claim meets twice as many candidates: there are few, and every fact counts
    limit = 2 * candidates_per_claim if len(pool) <= SMALL_STORY_CLAIMS else candidates_per_claim

    def candidates_of(view: ClaimView) -> list[int]:
        # the pool is one story already: propose_links applies the claim-level test to each pair
        return [cid for cid, _ in index.candidates(view, limit)]

    # every source of the pool shares the story of ``sid``: only the claim-level test is left
    return propose_links(list(scope.values()), pool, candidates_of, stats, state, gate.claims_may_meet)


def load_texts(session: Session, source_ids) -> dict[int, SourceText]:
    ids = list(source_ids)
    out = {}
    for i in range(0, len(ids), _CHUNK):
        rows = session.execute(select(Source.id, Source.outlet, Source.body).where(Source.id.in_(ids[i:i + _CHUNK])))
        for sid, outlet, body in rows:
            out[sid] = SourceText(sid, outlet, body or "")
    return out


class LazyTexts(dict):
    """Source bodies read on first use (the origin book asks for a few at a time), a bounded number kept."""

    def __init__(self, session: Session):
        super().__init__()
        self.session = session

    def get(self, sid, default=None):
        if sid not in self:
            if len(self) > TEXT_CACHE_SOURCES:
                self.clear()
            self[sid] = load_texts(self.session, [sid]).get(sid)
        found = dict.get(self, sid)
        return found if found is not None else default


def story_neighbours(gate: StoryGate, source_ids: list[int]) -> dict[int, set[int]]:
    """Each source's story neighbours, made symmetric (a neighbour found from either side counts)."""
    out: dict[int, set[int]] = {sid: set() for sid in source_ids}
    for sid in source_ids:
        for other in gate.neighbours(sid):
            if other in out:
                out[sid].add(other)
                out[other].add(sid)
    return out


# An incremental check loads every claim of the story's other sources up to this many sources; a larger story
# (a batch of many new sources) is searched through the index instead.
MAX_STORY_SOURCES = 400


def story_of_sources(session: Session, views) -> tuple[StoryGate, list[int] | None]:
    """The gate and the story neighbours of newly checked sources, from the stored names of all sources.

    The names of the new sources are stored first. As in the full check, each new source meets at most
    MAX_NEIGHBOURS sources of its story: those sharing its salient names, the best scored (and published near it)
    tested first. The neighbours are None when they cannot be told (the new sources tag no names) or are too many
    to load: then the search index has to find the candidates.
    """
    scope: dict[int, Counter[str]] = defaultdict(Counter)
    for view in views:
        scope[view.source_id].update(view.story_keys)
    for sid in {v.source_id for v in views}:
        scope.setdefault(sid, Counter())
    write_source_names(session, scope)
    live = select(Source.id).where(Source.deleted_at.is_(None))
    stored_sources = session.scalar(select(func.count(func.distinct(SourceName.source_id)))
                                    .where(SourceName.source_id.in_(live))) or 0
    if stored_sources <= len(scope) and session.scalar(
            select(func.count()).select_from(Source).where(Source.deleted_at.is_(None))) > len(scope):
        # names never stored (a workspace from before revision 0006): store every source's once
        every, _ = read_source_names(session)
        write_source_names(session, every, replace_all=True)
        stored_sources = len(every)
    total = _live_claim_count(session)
    wanted = {name for counts in scope.values() for name in counts}
    spread = _name_spread(session, wanted)
    days = _published_days(session, list(scope))
    own = StoryGate.from_names(scope, total, {n: claims for n, (_, claims) in spread.items()}, stored_sources, days)
    limit = max(MAX_STORY_POSTING, int(stored_sources * 0.05))
    salient = {sid: [n for n in own.salient(sid, 2 * SALIENT_NAMES) if spread.get(n, (0, 0))[0] <= limit]
               for sid in scope}
    postings = _postings(session, {n for names in salient.values() for n in names}, days)
    ranked: dict[int, list[int]] = {}
    for sid, names in salient.items():
        scores = shared_name_scores(scope[sid], names, own.weight, postings)
        for other in scope:
            scores.pop(other, None)
        ranked[sid] = near_first(days.get(sid), days, scores, MAX_NEIGHBOURS + MAX_NEIGHBOURS // 3)
    names: dict[int, Counter[str]] = {sid: counts for sid, counts in scope.items()}
    ids = sorted({other for found in ranked.values() for other in found})
    for i in range(0, len(ids), _CHUNK):
        for sid, name, count in session.execute(select(SourceName.source_id, SourceName.name, SourceName.claims)
                                                .where(SourceName.source_id.in_(ids[i:i + _CHUNK]))):
            names.setdefault(sid, Counter())[name] = count
    every_name = {name for counts in names.values() for name in counts}
    spread.update(_name_spread(session, every_name - set(spread)))
    gate = StoryGate.from_names(names, total, {n: claims for n, (_, claims) in spread.items()}, stored_sources, days)
    neighbours: set[int] = set()
    for sid, found in ranked.items():
        neighbours.update([other for other in found if gate.same_story(sid, other)][:MAX_NEIGHBOURS])
    if not wanted or len(neighbours) > MAX_STORY_SOURCES:
        return gate, None
    return gate, sorted(neighbours)


def _live_claim_count(session: Session) -> int:
    """Claims neither deleted nor in a trashed source: claims not deleted, less those of trashed sources (joining
    claims to sources would read every claim)."""
    total = session.scalar(select(func.count()).select_from(Claim).where(Claim.deleted_at.is_(None))) or 0
    trashed = list(session.scalars(select(Source.id).where(Source.deleted_at.isnot(None))))
    for i in range(0, len(trashed), _CHUNK):
        # count(*) - count(deleted_at): no condition on deleted_at, so SQLite looks claims up by source
        total -= session.scalar(select(func.count() - func.count(Claim.deleted_at))
                                .where(Claim.source_id.in_(trashed[i:i + _CHUNK]))) or 0
    return total


def _published_days(session: Session, source_ids: list[int]) -> dict[int, int]:
    out: dict[int, int] = {}
    for i in range(0, len(source_ids), _CHUNK):
        for sid, published in session.execute(select(Source.id, Source.published)
                                              .where(Source.id.in_(source_ids[i:i + _CHUNK]))):
            if published is not None:
                out[sid] = published.toordinal()
    return out


def _postings(session: Session, names, days: dict[int, int]) -> dict[str, list[tuple[int, int]]]:
    """The live sources naming each name, with how many of their claims do; their publication days go into
    ``days``."""
    names = list(names)
    out: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for i in range(0, len(names), _CHUNK):
        rows = session.execute(select(SourceName.name, SourceName.source_id, SourceName.claims, Source.published)
                               .join(Source, SourceName.source_id == Source.id)
                               .where(SourceName.name.in_(names[i:i + _CHUNK]), Source.deleted_at.is_(None)))
        for name, sid, claims, published in rows:
            out[name].append((sid, claims))
            if published is not None:
                days[sid] = published.toordinal()
    return out


def _name_spread(session: Session, names) -> dict[str, tuple[int, int]]:
    """For each name: how many live sources name it, and in how many claims."""
    names = list(names)
    out: dict[str, tuple[int, int]] = {}
    for i in range(0, len(names), _CHUNK):
        # a join, not "source_id IN (live sources)": SQLite would probe every live source for every name
        rows = session.execute(select(SourceName.name, func.count(), func.sum(SourceName.claims))
                               .join(Source, SourceName.source_id == Source.id)
                               .where(SourceName.name.in_(names[i:i + _CHUNK]), Source.deleted_at.is_(None))
                               .group_by(SourceName.name))
        for name, sources, claims in rows:
            out[name] = (sources, claims or 0)
    return out
