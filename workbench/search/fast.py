"""The top documents of a query scored a posting block at a time, without Whoosh's per-document matcher tree.

Whoosh scores a document by walking its matcher tree (a word's best field, the OR group, the boosts, the deleted-
document filter): about six microseconds a document in pure Python, so a common word over 500,000 claims took
100 ms. Here each word's postings are read block by block and scored with the BM25F numbers Whoosh computes (the
same expression, a table of field lengths), and the tree's combinations are applied to dictionaries of scores:
a word's best field (the maximum), an OR group (the sum, with Whoosh's bonus for each further word matched), AND
(the sum, each part read only for the documents the others left), AND NOT, and phrases (the sum of their words,
kept where the positions follow each other). Other nodes (prefixes, ranges, ...) are scored by their own Whoosh
matchers. Two differences from Whoosh's own search, both Whoosh defects: its best-of-fields matcher takes the
maximum of whatever documents its children stand on, not of the current document's fields; and its OR bonus
counts fewer words once some words' postings run out, so equal documents scored differently by position.
"""

from __future__ import annotations

from bisect import bisect_right
from heapq import nlargest

from whoosh.codec.whoosh3 import W3LeafMatcher
from whoosh.matching import FilterMatcher
from whoosh.query import And, AndNot, DisjunctionMax, Every, Or, Phrase, Query, Term
from whoosh.scoring import BM25FScorer

Scores = dict[int, float]
Docs = "dict[int, float] | set[int] | None"   # the documents a part is read for; None: all


def top_documents(searcher, query: Query, limit: int) -> list[tuple[float, int]] | None:
    """``(score, docnum)`` of the best ``limit`` documents, best first and lower document number first among
    equal scores (Whoosh's order); None when the query holds a shape only Whoosh scores."""
    if not _scorable(query):
        return None
    best: list[tuple[float, int]] = []
    for subsearcher, offset in searcher.leaf_searchers():
        scores = _Segment(searcher, subsearcher).scores(query)
        deleted = _deleted(subsearcher.reader())
        best += nlargest(limit, ((score, -(offset + docnum)) for docnum, score in scores.items()
                                 if docnum not in deleted))
    return [(score, -negated) for score, negated in nlargest(limit, best)]


def _scorable(query: Query) -> bool:
    """False for OR groups whose bonus counts matches this module does not count (a phrase, a nested group with
    its own bonus, a minimum number of matches)."""
    if isinstance(query, Or):
        if getattr(query, "minmatch", 0):
            return False
        if query.scale and len(query.subqueries) > 1 and not all(_counted(c) for c in query.subqueries):
            return False
    return all(_scorable(child) for child in query.children())


def _counted(query: Query) -> bool:
    if type(query) is Term:
        return True
    if isinstance(query, DisjunctionMax) or (isinstance(query, Or) and not query.scale):
        return all(_counted(child) for child in query.subqueries)
    return False


def _deleted(reader) -> frozenset | set:
    if not reader.has_deletions():
        return frozenset()
    deleted = getattr(reader, "deleted_docs_set", None)
    return deleted if deleted is not None else {d for d in range(reader.doc_count_all()) if reader.is_deleted(d)}


class _Segment:
    """Scores of one segment's documents (numbered within the segment). Deleted documents are included: the
    caller drops them, as Whoosh's filter would."""

    def __init__(self, top_searcher, subsearcher):
        self.top_reader = top_searcher.reader()
        self.searcher = subsearcher
        self.schema = subsearcher.schema
        self.reader = subsearcher.reader()
        self.weighting = top_searcher.weighting
        self.context = top_searcher.context(needs_current=True)

    def scores(self, query: Query, among: Docs = None, counts: dict[int, int] | None = None) -> Scores:
        """The scores of the documents ``query`` matches (of ``among`` only, when given). ``counts``, when given,
        gains one for each word (a term in any field) a document matches: the OR bonus counts them."""
        kind = type(query)
        if kind is Term:
            return self._term(query, among, counts)
        if kind is Phrase:
            return self._phrase(query, among)
        if isinstance(query, DisjunctionMax):
            return self._best_of(query, among, counts)
        if isinstance(query, Or):
            return self._any_of(query, among, counts)
        if isinstance(query, And):
            return self._all_of(query, among)
        if kind is Every and query.fieldname in (None, "", "*"):
            # every document, scored its boost as Whoosh's list matcher does ("NOT x" alone is Every AND NOT x)
            docs = range(self.reader.doc_count_all()) if among is None else among
            return dict.fromkeys(docs, float(query.boost))
        if isinstance(query, AndNot):
            kept = self.scores(query.a, among)
            for docnum in self.scores(query.b, kept):
                del kept[docnum]
            return kept
        return self._by_whoosh(query, among)

    # -- words and phrases

    def _term(self, query: Term, among: Docs, counts: dict[int, int] | None) -> Scores:
        text = self._bytes(query.fieldname, query.text)
        if text is None:
            return {}
        scores = self._bm25f(query.fieldname, text, among)
        if scores is None:
            scores = self._by_whoosh(Term(query.fieldname, query.text), among)
        if query.boost != 1.0:
            scores = _boosted(scores, query.boost)
        if counts is not None:
            for docnum in scores:
                counts[docnum] = counts.get(docnum, 0) + 1
        return scores

    def _bytes(self, field: str, text, reader=None) -> bytes | None:
        """The term as the index stores it, or None when this segment (or ``reader``) has no such term."""
        if field not in self.schema:
            return None
        try:
            text = self.schema[field].to_bytes(text)
        except ValueError:
            return None
        return text if (field, text) in (reader or self.reader) else None

    def _leaf(self, field: str, text: bytes):
        leaf = self.reader.postings(field, text)
        if type(leaf) is FilterMatcher:   # deleted documents: dropped at the end
            leaf = leaf.child
        return leaf if type(leaf) is W3LeafMatcher else None

    def _blocks(self, leaf, among: Docs):
        """The document ids of each posting block of ``leaf``; with ``among``, only of the blocks that can hold
        one of its documents (a block's last id is in its header, so the others are never decoded)."""
        wanted = sorted(among) if among is not None else None
        position = 0
        while not leaf._atend:
            if wanted is not None:
                end = bisect_right(wanted, leaf._maxid)
                if end == position:
                    leaf._next_block()
                    continue
                position = end
            leaf._read_ids()
            yield leaf._ids
            leaf._next_block()

    def _bm25f(self, field: str, text: bytes, among: Docs, values: dict[int, bytes] | None = None) -> Scores | None:
        """Whoosh's BM25F score of each posting of the term, or None when the scorer, the postings or the field
        lengths are not of the kinds read here. ``values``, when given, receives each posting's encoded positions
        (from the block already read)."""
        scorer = self.weighting.scorer(self.searcher, field, text)
        leaf = self._leaf(field, text)
        column = getattr(self.weighting, "length_column", None)
        lengths = column(self.reader, field) if column else None
        if type(scorer) is not BM25FScorer or leaf is None or lengths is None:
            return None
        raw, length_of_byte = lengths
        idf, avgfl, B, K1 = scorer.idf, scorer.avgfl, scorer.B, scorer.K1
        # bm25() of whoosh.scoring with the part that depends on the field length computed once per length byte:
        # the same floating-point operations in the same order, so the same numbers.
        norm = [None if fl is None else K1 * ((1 - B) + B * fl / avgfl) for fl in length_of_byte]
        k1_plus_1 = K1 + 1
        count = len(raw)
        scores: Scores = {}
        for ids in self._blocks(leaf, among):
            leaf._read_weights()
            if values is not None:
                leaf._read_values()
                values.update(zip(ids, leaf._values))
            for docnum, tf in zip(ids, leaf._weights):
                if among is not None and docnum not in among:
                    continue
                if docnum >= count:
                    return None   # a length Whoosh looks up elsewhere: let it score
                scores[docnum] = idf * ((tf * k1_plus_1) / (tf + norm[raw[docnum]]))
        return scores

    def _phrase(self, query: Phrase, among: Docs) -> Scores:
        """Whoosh's phrase score (the sum of its words' scores) where the words stand in order, each at most
        ``slop`` positions after the one before."""
        field = query.fieldname
        texts = [self._bytes(field, word) for word in query.words]
        if not texts or None in texts or not self.schema[field].format.supports("positions"):
            return self._by_whoosh(query, among)
        part_of: dict[bytes, Scores] = {}
        encoded: dict[bytes, dict[int, bytes]] = {}
        for text in sorted(set(texts), key=lambda t: self.reader.doc_frequency(field, t)):   # rarest first
            encoded[text] = {}
            part = self._bm25f(field, text, among, encoded[text])
            if part is None:
                return self._by_whoosh(query, among)
            if not part:
                return {}
            part_of[text] = among = part
        docs = set(among)
        decode = self.schema[field].format.decoder("positions")
        positions = {text: {docnum: decode(encoded[text][docnum]) for docnum in docs} for text in part_of}
        parts = [part_of[text] for text in texts]
        in_phrase = [positions[text] for text in texts]
        scores: Scores = {}
        for docnum in docs:
            if _in_order([p[docnum] for p in in_phrase], query.slop):
                total = 0.0
                for part in parts:   # summed in the phrase's order, as Whoosh does
                    total += part[docnum]
                scores[docnum] = total
        return _boosted(scores, query.boost)

    def _by_whoosh(self, query: Query, among: Docs) -> Scores:
        matcher = query.matcher(self.searcher, self.context)
        scores: Scores = {}
        if among is None:
            while matcher.is_active():
                scores[matcher.id()] = matcher.score()
                matcher.next()
            return scores
        for docnum in sorted(among):
            if not matcher.is_active():
                break
            if matcher.id() < docnum:
                matcher.skip_to(docnum)
                if not matcher.is_active():
                    break
            if matcher.id() == docnum:
                scores[docnum] = matcher.score()
        return scores

    # -- combinations (a compound of one query is that query: Whoosh then applies neither boost nor bonus)

    def _best_of(self, query: DisjunctionMax, among: Docs, counts: dict[int, int] | None) -> Scores:
        subs = query.subqueries
        if len(subs) <= 1:
            return self.scores(subs[0], among, counts) if subs else {}
        best: Scores = {}
        for sub in subs:
            for docnum, score in self.scores(sub, among, counts).items():
                if docnum not in best or score > best[docnum]:
                    best[docnum] = score
        return _boosted(best, query.boost)

    def _any_of(self, query: Or, among: Docs, counts: dict[int, int] | None) -> Scores:
        subs = query.subqueries
        if len(subs) <= 1:
            return self.scores(subs[0], among, counts) if subs else {}
        own = {} if query.scale else counts
        total: Scores = {}
        for sub in subs:
            for docnum, score in self.scores(sub, among, own).items():
                total[docnum] = total[docnum] + score if docnum in total else score
        total = _boosted(total, query.boost)
        if query.scale:
            # Every word of the group the index holds, for every document (see the module's docstring).
            words = sum(1 for leaf in query.leaves() if type(leaf) is Term and self._indexed(leaf))
            total = _coordinated(total, own, words, query.scale)
        return total

    def _all_of(self, query: And, among: Docs) -> Scores:
        subs = query.subqueries
        if len(subs) <= 1:
            return self.scores(subs[0], among) if subs else {}
        # The rarest part first, each next part read only for the documents still in; phrases' positions and
        # Whoosh-scored parts last, when the fewest documents are left.
        ordered = sorted(subs, key=lambda q: (_cost_rank(q), q.estimate_size(self.reader)))
        total: Scores | None = None
        for sub in ordered:
            part = self.scores(sub, among if total is None else total)
            total = part if total is None else {d: s + part[d] for d, s in total.items() if d in part}
            if not total:
                return {}
        return _boosted(total, query.boost)

    def _indexed(self, term: Term) -> bool:
        """Whether any segment holds the term."""
        return self._bytes(term.fieldname, term.text, self.top_reader) is not None


def _cost_rank(query: Query) -> int:
    """0 for parts scored from postings alone, 1 for parts needing positions, 2 for Whoosh-scored parts."""
    if type(query) is Term:
        return 0
    if type(query) is Phrase:
        return 1
    if isinstance(query, (DisjunctionMax, Or, And)):
        return max((_cost_rank(child) for child in query.subqueries), default=0)
    if isinstance(query, AndNot):
        return max(_cost_rank(query.a), _cost_rank(query.b))
    return 2


def _in_order(positions: list[list[int]], slop: int) -> bool:
    """Whether one position of each word follows the previous word's by 1 to ``slop`` positions."""
    ends = set(positions[0])
    for following in positions[1:]:
        ends = {p for p in following if any(p - d in ends for d in range(1, slop + 1))}
        if not ends:
            return False
    return True


def _boosted(scores: Scores, boost: float) -> Scores:
    if boost == 1.0:
        return scores
    return {docnum: score * boost for docnum, score in scores.items()}


def _coordinated(scores: Scores, counts: dict[int, int], words: int, scale: float) -> Scores:
    """Whoosh's CoordMatcher._sqr: a bonus for each further word of the group a document matches."""
    if words == 0:
        return scores   # Whoosh adds no bonus to a group none of whose words is indexed
    if words == scale:
        return dict.fromkeys(scores, 0)
    factor = (words - 1) / words
    spread = (words - scale) ** 2
    return {docnum: (score + ((counts[docnum] - 1) / spread)) * factor for docnum, score in scores.items()}
