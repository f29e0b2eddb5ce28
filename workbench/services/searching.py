"""Searching a workspace: sync the index, run the user's query, return ranked hits with highlighted snippets."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

from sqlalchemy import select

from workbench.domain.errors import WorkbenchError
from workbench.search.fast import top_documents
from workbench.search.index import SyncReport, forget_searchers, open_index, rebuild_index
from workbench.search.query import parse_query
from workbench.search.schema import CLAIM, META, SOURCE
from workbench.search.snippets import highlight, query_words
from workbench.storage.models import Claim, Source
from workbench.storage.workspace import Workspace
from workbench.tasks import NO_STATE, TaskState

log = logging.getLogger(__name__)

from workbench.search.defaults import DEFAULT_LIMIT  # noqa: E402  (re-exported)
# Each further hit from a source already listed counts this much less, so one long article full of matching
# claims does not push every other article off the first page.
SAME_SOURCE_DECAY = 0.6


@dataclass
class SearchResults:
    hits: list[dict] = field(default_factory=list)
    notice: str | None = None   # e.g. "the search index was missing; it was rebuilt ..."


def search(ws: Workspace, query: str, limit: int = DEFAULT_LIMIT) -> list[dict]:
    """Hits for ``query``, best first: ``{"type","id","source_id","score","snippet",...}``."""
    return run_search(ws, query, limit).hits


def run_search(ws: Workspace, query: str, limit: int = DEFAULT_LIMIT) -> SearchResults:
    """Like :func:`search`, and also says when the index had to be rebuilt first."""
    if limit < 1:
        raise WorkbenchError("the limit must be at least 1")
    parsed = parse_query(query)
    searcher, report = open_index(ws)
    try:
        ranked = _ranked(searcher, parsed, limit)
    except WorkbenchError:
        raise
    except Exception as exc:  # a commit by another process got in between, or damaged files
        log.warning("search failed on the index (%s: %s); retrying", type(exc).__name__, exc)
        forget_searchers(ws.index_dir)
        try:
            searcher, report = open_index(ws)
            ranked = _ranked(searcher, parsed, limit)
        except WorkbenchError:
            raise
        except Exception as again:  # damaged files surface only when their postings are read: rebuild
            log.warning("search failed again (%s: %s); rebuilding the index", type(again).__name__, again)
            report = rebuild_index(ws, reason="the search index was damaged")
            searcher, _ = open_index(ws)
            ranked = _ranked(searcher, parsed, limit)
    hits = _describe(ws, ranked, query_words(parsed))
    return SearchResults(hits=hits, notice=report.message)


def reindex(ws: Workspace, state: TaskState = NO_STATE) -> SyncReport:
    """Rebuild the index from the database (the `reindex` command, and the GUI's menu item)."""
    return rebuild_index(ws, state)


def _ranked(searcher, parsed, limit: int) -> list[tuple[str, int, int, float]]:
    wanted = limit * 3 + 1   # room for _spread_sources to move further hits of one source down
    top = top_documents(searcher, parsed, wanted)
    if top is None:
        # optimize=False: Whoosh's block-quality skipping costs more than it saves in pure Python (measured).
        top = [(hit.score, hit.docnum) for hit in searcher.search(parsed, limit=wanted, optimize=False)]
    # No `mask=` for the watermark document: Whoosh would list the whole mask on every search. It has no text,
    # so only "match everything" queries reach it, and it is dropped here.
    found = []
    for score, docnum in top:
        stored = searcher.stored_fields(docnum)
        if stored["type"] != META:
            found.append((stored["type"], int(stored["id"]), int(stored["source_id"]), score))
    return _spread_sources(found, limit)


def _spread_sources(found: list[tuple[str, int, int, float]], limit: int) -> list[tuple[str, int, int, float]]:
    seen: dict[int, int] = {}
    adjusted = []
    for position, (kind, item_id, source_id, score) in enumerate(found):
        nth = seen.get(source_id, 0)
        seen[source_id] = nth + 1
        adjusted.append((score * SAME_SOURCE_DECAY ** nth, -position, (kind, item_id, source_id, score)))
    adjusted.sort(reverse=True)
    return [item for *_, item in adjusted[:limit]]


def _describe(ws: Workspace, ranked: list[tuple[str, int, int, float]], words) -> list[dict]:
    source_ids = {source_id for _, _, source_id, _ in ranked}
    body_ids = [item_id for kind, item_id, _, _ in ranked if kind == SOURCE]
    claim_ids = [item_id for kind, item_id, _, _ in ranked if kind == CLAIM]
    with ws.engine.connect() as conn:  # read only: a Core connection, no session to set up and commit
        sources = {row.id: row for row in conn.execute(
            select(Source.id, Source.title, Source.outlet, Source.published)
            .where(Source.id.in_(source_ids), Source.deleted_at.is_(None)))}
        bodies = dict(conn.execute(select(Source.id, Source.body).where(Source.id.in_(body_ids))).all())
        claims = {row.id: row for row in conn.execute(
            select(Claim.id, Claim.text, Claim.kind, Claim.start, Claim.end)
            .where(Claim.id.in_(claim_ids), Claim.deleted_at.is_(None)))} if claim_ids else {}
    hits = []
    for kind, item_id, source_id, score in ranked:
        source = sources.get(source_id)
        if source is None:
            continue  # deleted in the moment since the sync
        hit = {"type": kind, "id": item_id, "source_id": source_id, "score": round(float(score), 4),
               "title": source.title, "outlet": source.outlet,
               "published": source.published.isoformat() if source.published else None}
        if kind == SOURCE:
            hit["snippet"] = highlight(bodies.get(item_id, ""), words)
        else:
            claim = claims.get(item_id)
            if claim is None:
                continue
            hit.update(snippet=highlight(claim.text, words, width=400), kind=claim.kind,
                       start=claim.start, end=claim.end)
        hits.append(hit)
    return hits
