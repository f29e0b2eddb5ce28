"""Candidate claims from other sources: the search index when it is there, else an in-memory term index."""

from __future__ import annotations

import heapq
import math
from collections import defaultdict

from workbench.crosscheck.terms import TermStats
from workbench.crosscheck.view import ClaimView

# Terms in more postings than this say nothing about which claims belong together.
MAX_POSTINGS = 400
# Only a claim's rarest keys are looked up: they find the claims that state the same fact.
MAX_KEYS = 14


def figure_keys(view: ClaimView) -> list[str]:
    """The rounded value of each figure, and what it measures: claims that disagree share the second only."""
    keys = []
    for fig in view.numbers:
        value = abs(fig.reading.value)
        if value:
            keys.append(f"#{fig.reading.unit or ''}:{float(f'{value:.2g}'):g}")
        if fig.counted:
            keys.append(f"#{fig.reading.unit or ''}:{fig.counted}")
    for fig in view.dates:
        keys.append(f"@{fig.reading.grain}")
    return keys


class TermIndex:
    """An inverted index over content stems, entity words and rounded figures of a set of claims."""

    def __init__(self, views: list[ClaimView], stats: TermStats):
        self.views = {v.id: v for v in views}
        self.postings: dict[str, list[int]] = defaultdict(list)
        self.stats = stats
        for view in views:
            for key in self._keys(view):
                self.postings[key].append(view.id)
        self.weights = {k: math.log((len(views) + 1) / (len(p) + 0.5)) + 0.1 for k, p in self.postings.items()}

    @staticmethod
    def _keys(view: ClaimView) -> set[str]:
        return set(view.terms) | {"@" + e for e in view.entities} | set(figure_keys(view))

    def candidates(self, view: ClaimView, limit: int = 30) -> list[tuple[int, float]]:
        scores: dict[int, float] = defaultdict(float)
        keys = [k for k in self._keys(view) if 1 < len(self.postings.get(k, ())) <= MAX_POSTINGS]
        keys.sort(key=lambda k: len(self.postings[k]))
        for key in keys[:MAX_KEYS]:
            weight = self.weights[key]
            for other in self.postings[key]:
                scores[other] += weight
        own_source = view.source_id
        ranked = ((score, cid) for cid, score in scores.items()
                  if cid != view.id and self.views[cid].source_id != own_source)
        return [(cid, score) for score, cid in heapq.nlargest(limit, ranked)]


def search_candidate_finder(ws):
    """The search engineer's CandidateFinder over the Whoosh index, or None when it is not available."""
    try:
        from workbench.search.candidates import CandidateFinder
    except ImportError:
        return None
    return CandidateFinder(ws)
