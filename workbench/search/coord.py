"""The bonus of an OR group for each further word a document matches, counted without Whoosh's generator walk.

Whoosh's CoordMatcher counts a document's matching words with a recursive generator over the whole matcher tree
for every scored document: a fifth of a search over common words. Over a tree of unions (the words of an OR
group, each a best-of-fields group) the matching words are the leaves sitting on the document, so their count
is a loop over a flat list. Other trees keep Whoosh's count; the scores are the same numbers either way.
"""

from __future__ import annotations

from whoosh.matching import CoordMatcher, DisjunctionMaxMatcher, NullMatcherClass, UnionMatcher, WrappingMatcher
from whoosh.query import Or, Query

# Matchers positioned on the first document of their children (a plain wrapper, such as a term's boost, on its one
# child's), so a leaf on the current document is a matching word wherever it sits under them.
_UNIONS = (UnionMatcher, DisjunctionMaxMatcher, WrappingMatcher)


class _CountingCoordMatcher(CoordMatcher):
    def __init__(self, child, scale=1.0):
        super().__init__(child, scale=scale)
        self._leaves = _union_leaves(child)

    def score(self):
        if self._leaves is None:
            return super().score()
        child = self.child
        score = child.score()
        docnum = child.id()
        matching = 0
        for leaf in self._leaves:
            if leaf.is_active() and leaf.id() == docnum:
                matching += 1
        return self._sqr(score, matching)


def _union_leaves(matcher) -> list | None:
    """The term matchers under a tree of unions, or None when the tree holds anything else."""
    if matcher.term() is not None:
        return [matcher]
    if type(matcher) is NullMatcherClass:
        return []
    if type(matcher) not in _UNIONS:
        return None
    leaves = []
    for child in matcher.children():
        found = _union_leaves(child)
        if found is None:
            return None
        leaves += found
    return leaves


class CountingOr(Or):
    """Or, scored with the coordination bonus above."""

    def _matcher(self, subs, searcher, context):
        matcher = super()._matcher(subs, searcher, context)
        if type(matcher) is CoordMatcher:
            return _CountingCoordMatcher(matcher.child, scale=self.scale)
        return matcher


def with_counting_or(query: Query) -> Query:
    """``query`` with its Or nodes made CountingOr in place (a freshly parsed query: nothing else holds it)."""
    if type(query) is Or:
        query.__class__ = CountingOr
    for child in query.children():
        with_counting_or(child)
    return query
