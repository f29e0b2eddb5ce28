"""Candidate retrieval for the cross-checker: claims of other sources that may state the same fact.

Recall matters more than precision here (the checker compares every candidate closely), so the query is an OR
of the claim's salient words, with extra weight on shared entities and numbers. Words found in a large share
of all claims are left out, which keeps each query fast without losing pairs: such words never decide
whether two claims state the same fact.
"""

from __future__ import annotations

import whoosh.index
from whoosh.query import Or, Term

from workbench.search.documents import number_tokens
from workbench.search.index import SyncReport, sync_index
from workbench.search.schema import CLAIM, PLAIN, STEMMED
from workbench.storage.workspace import Workspace

ENTITY_BOOST = 2.0
NUMBER_BOOST = 2.5
MAX_TERMS = 24
# A word in more than this share of claims (and in more than MIN_COMMON claims) is not asked for.
COMMON_SHARE = 0.04
MIN_COMMON = 400


class CandidateFinder:
    """Open once per check run (it holds one searcher); not shared between threads."""

    def __init__(self, ws: Workspace, *, sync: bool = True):
        self.ws = ws
        self.report = sync_index(ws) if sync else SyncReport()
        # A searcher of its own: the check runs long, and the thread's shared searcher is refreshed by others.
        self._searcher = whoosh.index.open_dir(str(ws.index_dir)).searcher()
        self._max_df = max(MIN_COMMON, int(COMMON_SHARE * self._searcher.doc_frequency("type", CLAIM)))

    def refresh(self) -> None:
        """See what was committed to the index since this finder was opened."""
        if not self._searcher.up_to_date():
            self._searcher.close()
            self._searcher = whoosh.index.open_dir(str(self.ws.index_dir)).searcher()

    def close(self) -> None:
        self._searcher.close()

    def __enter__(self) -> CandidateFinder:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def query_terms(self, text: str, entities: list[str], numbers: list[str]) -> list[tuple[str, str, float]]:
        """(field, term, boost) worth asking for, the rarest first."""
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
            if df == 0:
                continue
            scored.append((df, field, term, boost))
        scored.sort()
        kept = [item for item in scored if item[0] <= self._max_df]
        if len(kept) < 3:  # a claim made only of common words still gets its least common ones
            kept = scored[:3]
        return [(field, term, boost) for _df, field, term, boost in kept[:MAX_TERMS]]

    def candidates(self, claim_id: int, text: str, source_id: int, entities: list[str], numbers: list[str],
                   limit: int = 30) -> list[tuple[int, float]]:
        """Up to ``limit`` (claim id, score) from sources other than ``source_id``, best first."""
        terms = self.query_terms(text, entities, numbers)
        if not terms:
            return []
        query = Or([Term(field, term, boost=boost) for field, term, boost in terms])
        results = self._searcher.search(query, limit=limit + 1, mask=Term("source_id", str(source_id)))
        out = []
        for hit in results:
            fields = hit.fields()
            found_id = int(fields["id"])
            if fields.get("type") == CLAIM and found_id != claim_id:
                out.append((found_id, float(hit.score)))
        return out[:limit]
