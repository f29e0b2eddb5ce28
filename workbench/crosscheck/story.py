"""Story gate: claims from two sources are compared only when the sources share distinctive names."""

from __future__ import annotations

from collections import defaultdict

from workbench.crosscheck.view import ClaimView

# Two sources are about the same story when they share at least this many distinctive entities.
MIN_SHARED_STORY_ENTITIES = 2
# Entities named by more than this share of sources (outlets, a country every story mentions) are not distinctive.
COMMON_ENTITY_SHARE = 0.25
# Below this many sources every entity counts as distinctive: the share is not meaningful.
MIN_SOURCES_FOR_SHARE = 20


class StoryGate:
    """Per-source sets of distinctive entities, built from the claims' entity facets."""

    def __init__(self, views: list[ClaimView]):
        by_source: dict[int, set[str]] = defaultdict(set)
        for view in views:
            by_source[view.source_id] |= view.entities
        df: dict[str, int] = defaultdict(int)
        for names in by_source.values():
            for name in names:
                df[name] += 1
        limit = len(by_source) * COMMON_ENTITY_SHARE if len(by_source) >= MIN_SOURCES_FOR_SHARE else None
        self.common = frozenset(n for n, c in df.items() if limit is not None and c > limit)
        self.story = {sid: frozenset(names - self.common) for sid, names in by_source.items()}
        self._same: dict[tuple[int, int], bool] = {}

    def same_story(self, x: int, y: int) -> bool:
        key = (x, y) if x < y else (y, x)
        hit = self._same.get(key)
        if hit is None:
            a, b = self.story.get(x, frozenset()), self.story.get(y, frozenset())
            # a source that names too few distinctive entities cannot be placed: let the claim test decide
            hit = (min(len(a), len(b)) < MIN_SHARED_STORY_ENTITIES
                   or len(a & b) >= MIN_SHARED_STORY_ENTITIES)
            self._same[key] = hit
        return hit

    def may_compare(self, a: ClaimView, b: ClaimView) -> bool:
        """Same story, and the claims themselves share a distinctive entity or name none."""
        if not self.same_story(a.source_id, b.source_id):
            return False
        ea, eb = a.entities - self.common, b.entities - self.common
        return not ea or not eb or bool(ea & eb) or bool(ea & self.story.get(b.source_id, frozenset()))
