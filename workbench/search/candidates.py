"""Candidate retrieval for the cross-checker: claims of other sources that may state the same fact.

Recall matters more than precision here (the checker compares every candidate closely), so the query is an OR
of the claim's salient words, with extra weight on shared entities and numbers. Words found in a large share
of all claims are left out, which keeps each query fast without losing pairs: such words never decide
whether two claims state the same fact.
"""

from __future__ import annotations

import heapq
import math
from collections import defaultdict

import whoosh.index

from workbench.search.documents import number_tokens
from workbench.search.index import SyncReport, sync_index
from workbench.search.schema import CLAIM, PLAIN, STEMMED
from workbench.storage.workspace import Workspace

ENTITY_BOOST = 2.0
NUMBER_BOOST = 2.5
MAX_TERMS = 16
# A word in more than this share of claims (and in more than MIN_COMMON claims) is not asked for.
COMMON_SHARE = 0.005
MIN_COMMON = 300


class CandidateFinder:
    """Open once per check run (it holds one searcher); not shared between threads.

    Scoring reads the posting lists' document numbers directly and adds each shared term's idf (times its
    boost): Whoosh's general matchers cost tens of microseconds per posting in Python, this a fraction of one.
    """

    def __init__(self, ws: Workspace, *, sync: bool = True):
        self.ws = ws
        self.report = sync_index(ws) if sync else SyncReport()
        # A searcher of its own: the check runs long, and the thread's shared searcher is refreshed by others.
        self._searcher = whoosh.index.open_dir(str(ws.index_dir)).searcher()
        self._opened()

    def _opened(self) -> None:
        self._claims = max(1, self._searcher.doc_frequency("type", CLAIM))
        self._max_df = max(MIN_COMMON, int(COMMON_SHARE * self._claims))

    def refresh(self) -> None:
        """See what was committed to the index since this finder was opened."""
        if not self._searcher.up_to_date():
            self._searcher.close()
            self._searcher = whoosh.index.open_dir(str(self.ws.index_dir)).searcher()
            self._opened()

    def close(self) -> None:
        self._searcher.close()

    def __enter__(self) -> CandidateFinder:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def query_terms(self, text: str, entities: list[str], numbers: list[str]) -> list[tuple[str, str, float, int]]:
        """(field, term, boost, document frequency) worth asking for, the rarest first."""
        wanted: dict[tuple[str, str], float] = {}
        for token in STEMMED(text or ""):
            wanted[("text", token.text)] = 1.0
        for entity in entities or []:
            for token in PLAIN(str(entity)):
                wanted[("entities", token.text)] = ENTITY_BOOST
        for number in numbers or []:
            for token in number_tokens(str(number)):
                wanted[("numbers", token)] = NUMBER_BOOST
        scored = []
        for (field, term), boost in wanted.items():
            df = self._searcher.doc_frequency(field, term)
            if df:
                scored.append((df, field, term, boost))
        scored.sort()
        kept = [item for item in scored if item[0] <= self._max_df]
        if len(kept) < 3:  # a claim made only of common words still gets its least common ones
            kept = scored[:3]
        return [(field, term, boost, df) for df, field, term, boost in kept[:MAX_TERMS]]

    def candidates(self, claim_id: int, text: str, source_id: int, entities: list[str], numbers: list[str],
                   limit: int = 30) -> list[tuple[int, float]]:
        """Up to ``limit`` (claim id, score) from sources other than ``source_id``, best first."""
        terms = self.query_terms(text, entities, numbers)
        if not terms:
            return []
        searcher = self._searcher
        scores: dict[int, float] = defaultdict(float)
        for field, term, boost, df in terms:
            weight = boost * math.log(1 + self._claims / df)
            for docnum in searcher.postings(field, term).all_ids():
                scores[docnum] += weight
        own = set(searcher.postings("source_id", str(source_id)).all_ids()) \
            if searcher.doc_frequency("source_id", str(source_id)) else set()
        reader = searcher.reader()
        out: list[tuple[int, float]] = []
        ranked = heapq.nlargest(limit * 2 + 8, ((score, docnum) for docnum, score in scores.items()
                                                if docnum not in own))
        for score, docnum in ranked:
            if reader.is_deleted(docnum):
                continue
            fields = reader.stored_fields(docnum)
            found_id = int(fields["id"])
            if fields.get("type") == CLAIM and found_id != claim_id:
                out.append((found_id, round(score, 4)))
                if len(out) == limit:
                    break
        return out
