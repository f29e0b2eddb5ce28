"""The cross-check itself, without a database: propose links between claims and summarise their origins."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from workbench.crosscheck.origins import (
    ClaimOrigin,
    CopyGroups,
    SourceOrigin,
    claim_origin,
    independent_origins,
    is_copy,
    shingles,
)
from workbench.crosscheck.relation import Proposal, compare_claims
from workbench.crosscheck.suggestion import origin_summary, suggest
from workbench.crosscheck.terms import TermStats
from workbench.crosscheck.view import ClaimView
from workbench.domain.claims import Relation
from workbench.tasks import NO_STATE, TaskState

# Claims this alike (rapidfuzz ratio, 0-100) and this long are one sentence copied, not two reports.
VERBATIM_RATIO = 90
VERBATIM_MIN_CHARS = 60

Pair = tuple[int, int]
CandidateFn = Callable[[ClaimView], Iterable[int]]
# Whether two claims may be compared at all (the story gate); comparing is the expensive part.
PairTest = Callable[[ClaimView, ClaimView], bool]


def any_pair(a: ClaimView, b: ClaimView) -> bool:
    return True


def pair_key(x: int, y: int) -> Pair:
    return (x, y) if x < y else (y, x)


def propose_links(scope: list[ClaimView], pool: dict[int, ClaimView], candidates: CandidateFn,
                  stats: TermStats, state: TaskState = NO_STATE, may_compare: PairTest = any_pair
                  ) -> dict[Pair, Proposal]:
    """Compare every claim in ``scope`` with its candidates from ``pool`` that ``may_compare`` lets through;
    each pair is compared once."""
    out: dict[Pair, Proposal] = {}
    seen: set[Pair] = set()
    for done, view in enumerate(scope):
        if done % 64 == 0:
            state.check()
            state.progress(done, len(scope), "comparing claims")
        for other_id in candidates(view):
            other = pool.get(other_id)
            if other is None or other.source_id == view.source_id:
                continue
            key = pair_key(view.id, other.id)
            if key in seen:
                continue
            seen.add(key)
            a, b = (view, other) if view.id < other.id else (other, view)
            if not may_compare(a, b):
                continue
            proposal = compare_claims(a, b, stats)
            if proposal is None:
                continue
            if proposal.relation is Relation.CORROBORATES and _verbatim(a.text, b.text):
                proposal.details["verbatim"] = True
                proposal.reasons.append("near-verbatim copy of the same sentence")
            out[key] = proposal
    state.progress(len(scope), len(scope), "compared claims")
    return out


def identity_key(view: ClaimView) -> tuple:
    """Claims with this key say exactly the same thing: the same words, dates resolving the same way."""
    if view.identity is None:
        view.identity = (" ".join(view.text.split()).casefold(), tuple(f.reading.label() for f in view.dates))
    return view.identity


def group_identical(views: list[ClaimView]) -> dict[int, list[ClaimView]]:
    """Representative id -> the claims (of any source) with the same identity key, representative first."""
    groups: dict[tuple, list[ClaimView]] = defaultdict(list)
    for view in sorted(views, key=lambda v: v.id):
        groups[identity_key(view)].append(view)
    return {members[0].id: members for members in groups.values()}


def _verbatim(x: str, y: str) -> bool:
    if min(len(x), len(y)) < VERBATIM_MIN_CHARS:
        return False
    return fuzz.ratio(x.casefold(), y.casefold()) >= VERBATIM_RATIO


@dataclass
class SourceText:
    source_id: int
    outlet: str | None
    body: str


class OriginBook:
    """Origins of sources and claims, with near-verbatim copies of whole articles grouped together."""

    def __init__(self, sources: dict[int, SourceText]):
        self.sources = sources
        self.groups = CopyGroups()
        self._shingles: dict[int, frozenset[int]] = {}
        self._origins: dict[int, SourceOrigin] = {}
        self._claims: dict[int, ClaimOrigin] = {}

    def _shingles_of(self, source_id: int) -> frozenset[int]:
        if source_id not in self._shingles:
            src = self.sources.get(source_id)
            self._shingles[source_id] = shingles(src.body) if src else frozenset()
        return self._shingles[source_id]

    def group_copies(self, source_pairs: Iterable[tuple[int, int]]) -> None:
        joined = False
        for x, y in source_pairs:
            if self.groups.find(x) != self.groups.find(y) and is_copy(self._shingles_of(x), self._shingles_of(y)):
                self.groups.union(x, y)
                joined = True
        if joined:   # claim origins name their copy root: recompute them
            self._claims.clear()
            for origin in self._origins.values():
                origin.copy_root = self.groups.find(origin.source_id)

    def are_copies(self, x: int, y: int) -> bool:
        return self.groups.find(x) == self.groups.find(y)

    def source_origin(self, source_id: int) -> SourceOrigin:
        if source_id not in self._origins:
            from workbench.crosscheck.origins import source_origin

            src = self.sources.get(source_id) or SourceText(source_id, None, "")
            origin = source_origin(source_id, src.body, src.outlet)
            origin.copy_root = self.groups.find(source_id)
            self._origins[source_id] = origin
        return self._origins[source_id]

    def claim_origin(self, view: ClaimView) -> ClaimOrigin:
        found = self._claims.get(view.id)
        if found is None:
            found = self._claims[view.id] = self._claim_origin(view)
        return found

    def _claim_origin(self, view: ClaimView) -> ClaimOrigin:
        src = self.source_origin(view.source_id)
        origin = claim_origin(view.text, view.attributions, src, view.outlet)
        if src.copy_root != view.source_id:
            root = self.sources.get(src.copy_root)
            names = {k: (root.outlet if root and root.outlet and k.startswith("s:") else v)
                     for k, v in origin.names.items()}
            origin = ClaimOrigin(origin.keys, names)
        return origin


@dataclass
class LinkView:
    """An active link as the summary sees it (rejected links never reach here)."""

    a: int
    b: int
    relation: str
    verbatim: bool = False


@dataclass
class Summary:
    sources: int
    independent_origins: int
    origins: list[str]
    conflicts: int
    corroborations: int
    suggestion: str
    summary: str = ""
    origin_keys: frozenset[str] = field(default_factory=frozenset)


def summarise(claim_ids: Iterable[int], views: dict[int, ClaimView], links: list[LinkView],
              book: OriginBook, may_compare: PairTest = any_pair) -> dict[int, Summary]:
    """Sources, independent origins and the suggestion of each claim, from its active links."""
    corroborating: dict[int, list[LinkView]] = defaultdict(list)
    conflicts: dict[int, int] = defaultdict(int)
    for link in links:
        if link.relation == Relation.CORROBORATES:
            corroborating[link.a].append(link)
            corroborating[link.b].append(link)
        elif link.relation == Relation.CONFLICTS:
            conflicts[link.a] += 1
            conflicts[link.b] += 1
    # identical sentences in other sources of the story state the fact too, linked or not
    claim_ids = set(claim_ids)
    siblings: dict[int, list[int]] = {}
    for members in group_identical(list(views.values())).values():
        if len(members) > 1:
            for m in members:
                if m.id in claim_ids:
                    siblings[m.id] = [x.id for x in members if x.id != m.id and may_compare(m, x)]
    out: dict[int, Summary] = {}
    for cid in claim_ids:
        view = views.get(cid)
        if view is None:
            continue
        own = book.claim_origin(view)
        appearances = [own]
        source_ids = {view.source_id}
        neighbours = {(link.b if link.a == cid else link.a): link.verbatim for link in corroborating.get(cid, [])}
        for sib in siblings.get(cid, []):
            neighbours[sib] = True
        for other_id, verbatim in neighbours.items():
            other = views.get(other_id)
            if other is None or other.source_id == view.source_id:
                continue
            source_ids.add(other.source_id)
            if verbatim or book.are_copies(view.source_id, other.source_id):
                continue   # a copy repeats this claim's origin; it adds none of its own
            appearances.append(book.claim_origin(other))
        count, names = independent_origins(appearances)
        sources = len(source_ids)
        n_conf = conflicts.get(cid, 0)
        out[cid] = Summary(sources, count, names, n_conf, len(corroborating.get(cid, [])),
                           suggest(sources, count, n_conf), origin_summary(sources, count, names), own.keys)
    return out
