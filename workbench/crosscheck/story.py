"""Story gate: claims from two sources are compared only when the sources are about the same story.

A source's story is the names its claims tag (people, organisations, places), each weighted by how many of its
claims name it and by how rare it is across the workspace. Two reports of one event name the same town, company
and people again and again; two events of the same kind share at most an agency or a river, named once or twice.
So the cosine of those weighted name sets separates them, while a workspace that holds only one story (where
every source names the main actors) stays one story.

A story is also a stretch of time: reports of one event come out within days of each other. Two sources published
weeks apart that share a town (its river, its mayor) are two events in one place; they are one story only when
the later one is a follow-up naming most of what the earlier one names. A source without a date is placed by its
names alone.
"""

from __future__ import annotations

import heapq
import math
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping

from workbench.crosscheck.view import ClaimView

# Sources whose weighted names are at least this alike (cosine, 0..1) are about the same story.
SAME_STORY = 0.2
# Small workspaces fall back to counting shared names: rarity is not meaningful among a handful of sources.
MIN_SHARED_STORY_ENTITIES = 2
MIN_SOURCES_FOR_SHARE = 20
# Sources are found as neighbours through their few most salient names, each shared by at most this many
# sources (or 5% of them): a story's own town and company, not a country every story mentions.
SALIENT_NAMES = 6
MAX_STORY_POSTING = 1000
# A source meets at most this many other sources of its story in a full check (the most alike ones).
MAX_NEIGHBOURS = 60
# Sources published at most this many days apart are placed by their names alone; further apart, the names they
# share must make up at least FAR_OVERLAP of the rarity-weighted names of either (`StoryGate.overlap`).
STORY_DAYS = 7
FAR_OVERLAP = 0.6
# Names found in more than this share of claims (outlets, a country every story mentions) are not distinctive
# in the claim-level test.
COMMON_ENTITY_SHARE = 0.25


def rarity(claims: int, claims_naming: int) -> float:
    """Weight of a name found in ``claims_naming`` of ``claims`` claims: never zero, so that the main actors of a
    one-story workspace still count."""
    return math.log(1 + claims / max(1, claims_naming))


_NONE: dict[str, int] = {}


class SourceNames(dict):
    """Names per source (a Counter of how many of its claims tag each) and each source's publication day (an
    ordinal, where known)."""

    def __init__(self, names=(), days: Mapping[int, int] | None = None):
        super().__init__(names)
        self.days: dict[int, int] = dict(days or {})


def shared_name_scores(own: Mapping[str, int], names: Iterable[str], weight: Callable[[str], float],
                       postings: Mapping[str, Iterable[tuple[int, int]]]) -> dict[int, float]:
    """How much each other source shares of ``names`` (a source's salient names; ``own``: how many of its claims
    tag each): the dot product of the two weighted name counts over those names. ``postings`` lists, per name,
    (source, how many of its claims tag it)."""
    scores: dict[int, float] = defaultdict(float)
    for name in names:
        w = own[name] * weight(name) ** 2
        for other, claims in postings.get(name, ()):
            scores[other] += w * claims
    return scores


def near_first(day: int | None, days: Mapping[int, int], scores: Mapping[int, float], count: int) -> list[int]:
    """The ``count`` best-scored sources, those published within STORY_DAYS of ``day`` ahead of the rest (most
    sources that far apart are other events in the same place)."""
    def key(other: int) -> tuple[bool, float]:
        when = days.get(other)
        near = day is None or when is None or abs(day - when) <= STORY_DAYS
        return near, scores[other]
    return heapq.nlargest(count, scores, key=key)


class StoryGate:
    """Per-source weighted name sets, and the pair tests built on them."""

    def __init__(self, source_names: dict[int, Counter[str]], weight: Callable[[str], float], sources: int,
                 common: Iterable[str] = (), days: Mapping[int, int] | None = None):
        self.names = source_names
        self.days = dict(days or {})
        self._weigh = weight
        self._weights: dict[str, float] = {}
        self.small = sources < MIN_SOURCES_FOR_SHARE
        self.common = frozenset(common)
        self.story = {sid: frozenset(names) - self.common for sid, names in source_names.items()}
        self._norm: dict[int, float] = {}
        self._same: dict[tuple[int, int], bool] = {}
        self._postings: dict[str, list[tuple[int, int]]] | None = None
        self._distinct_names: dict[int, frozenset[str]] = {}
        self._max_posting = max(MAX_STORY_POSTING, int(len(source_names) * 0.05))

    @classmethod
    def from_names(cls, names: dict[int, Counter[str]], total_claims: int,
                   naming: Mapping[str, int] | None = None, sources: int | None = None,
                   days: Mapping[int, int] | None = None) -> StoryGate:
        """The gate over these sources' names; ``naming`` (how many claims name each, workspace-wide) and the
        number of ``sources`` default to what ``names`` itself holds, the publication ``days`` to those a
        `SourceNames` carries."""
        if naming is None:
            naming = Counter()
            for counts in names.values():
                naming.update(counts)
        sources = len(names) if sources is None else sources
        total = max(1, total_claims)
        common = ({n for n, c in naming.items() if c > total * COMMON_ENTITY_SHARE}
                  if sources >= MIN_SOURCES_FOR_SHARE else ())
        if days is None:
            days = getattr(names, "days", None)
        return cls(names, lambda name: rarity(total, naming.get(name, 0)), sources, common, days)

    @classmethod
    def from_views(cls, views: Iterable[ClaimView]) -> StoryGate:
        """A gate over every claim given (all of a workspace's, when no names are stored to read instead)."""
        views = list(views)
        by_source: dict[int, Counter[str]] = defaultdict(Counter)
        days: dict[int, int] = {}
        for view in views:
            by_source[view.source_id].update(view.story_keys)
            if view.published is not None:
                days[view.source_id] = view.published.toordinal()
        gate = cls.from_names(by_source, len(views), days=days)
        gate.annotate(views)
        return gate

    def annotate(self, views: Iterable[ClaimView]) -> None:
        """Tell each claim the names its whole source mentions (the actor test reads them)."""
        for view in views:
            view.source_names = frozenset(self.names.get(view.source_id, ()))

    def weight(self, name: str) -> float:
        found = self._weights.get(name)
        if found is None:
            found = self._weights[name] = self._weigh(name)
        return found

    def _norm_of(self, sid: int) -> float:
        norm = self._norm.get(sid)
        if norm is None:
            names = self.names.get(sid, {})
            norm = self._norm[sid] = math.sqrt(sum((c * self.weight(n)) ** 2 for n, c in names.items()))
        return norm

    def similarity(self, x: int, y: int) -> float:
        a, b = self.names.get(x, _NONE), self.names.get(y, _NONE)
        if len(a) > len(b):
            a, b = b, a
        weight = self.weight
        dot = sum(c * b[n] * weight(n) ** 2 for n, c in a.items() if n in b)
        return dot / (self._norm_of(x) * self._norm_of(y)) if dot else 0.0

    def same_story(self, x: int, y: int) -> bool:
        key = (x, y) if x < y else (y, x)
        hit = self._same.get(key)
        if hit is None:
            hit = self._same[key] = self._decide(x, y)
        return hit

    def _decide(self, x: int, y: int) -> bool:
        a, b = self.story.get(x, frozenset()), self.story.get(y, frozenset())
        # a source that names too few people or organisations cannot be placed: let the claim test decide
        if min(len(a), len(b)) < MIN_SHARED_STORY_ENTITIES:
            return True
        if self.small:
            alike = len(a & b) >= MIN_SHARED_STORY_ENTITIES
        else:
            alike = self.similarity(x, y) >= SAME_STORY
        return alike and (self.near(x, y) or self.overlap(x, y) >= FAR_OVERLAP)

    def near(self, x: int, y: int) -> bool:
        """Published within STORY_DAYS of each other, or either undated."""
        dx, dy = self.days.get(x), self.days.get(y)
        return dx is None or dy is None or abs(dx - dy) <= STORY_DAYS

    def overlap(self, x: int, y: int) -> float:
        """The share of the rarity-weighted distinctive names of either source (the one whose names weigh less)
        that the other names too. How often a source names each does not count: a town in every claim is one name."""
        a, b = self.story.get(x, frozenset()), self.story.get(y, frozenset())
        whole = min(sum(map(self.weight, a)), sum(map(self.weight, b)))
        return sum(map(self.weight, a & b)) / whole if whole else 0.0

    def whole_story(self, sid: int) -> list[int]:
        """Every other source of ``sid``'s story, testing each source (for measuring `neighbours`)."""
        return [other for other in self.names if other != sid and self._decide(sid, other)]

    def salient(self, sid: int, limit: int = SALIENT_NAMES) -> list[str]:
        """The names that most say what a source is about: often named in it, rare elsewhere."""
        names = self.names.get(sid, {})
        return sorted(names, key=lambda n: -names[n] * self.weight(n))[:limit]

    def neighbours(self, sid: int, limit: int = MAX_NEIGHBOURS) -> list[int]:
        """The other sources of ``sid``'s story, found through its most salient names: the ``limit`` most alike.

        Shared salient names are scored first (cheap), and only the best-scored sources get the full test, so
        the cost per source stays flat however many sources share a common name.
        """
        if self._postings is None:
            self._postings = defaultdict(list)
            for source, names in self.names.items():
                for name in self.salient(source):
                    self._postings[name].append((source, names[name]))
        usable = [name for name in self.salient(sid, 2 * SALIENT_NAMES)
                  if len(self._postings.get(name, ())) <= self._max_posting]
        scores = shared_name_scores(self.names.get(sid, {}), usable, self.weight, self._postings)
        scores.pop(sid, None)
        best = near_first(self.days.get(sid), self.days, scores, limit + limit // 3)
        return sorted([other for other in best if self._decide(sid, other)][:limit])

    def _distinct(self, view: ClaimView) -> frozenset[str]:
        found = self._distinct_names.get(view.id)
        if found is None:
            if len(self._distinct_names) > 100_000:   # a full check passes every claim through here
                self._distinct_names.clear()
            found = self._distinct_names[view.id] = view.entities - self.common if self.common else view.entities
        return found

    def may_compare(self, a: ClaimView, b: ClaimView) -> bool:
        """Same story, and the claims themselves share a distinctive name or name none."""
        return self.same_story(a.source_id, b.source_id) and self.claims_may_meet(a, b)

    def claims_may_meet(self, a: ClaimView, b: ClaimView) -> bool:
        """The claim-level half of `may_compare`, for claims whose sources are known to share a story."""
        ea, eb = self._distinct(a), self._distinct(b)
        return not ea or not eb or bool(ea & eb) or bool(ea & self.story.get(b.source_id, frozenset()))
