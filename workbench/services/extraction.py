"""Running claim extraction over stored sources: one transaction per source, user edits never undone."""

from __future__ import annotations

import json
import logging
from collections import defaultdict
from collections.abc import Iterator
from itertools import islice

from sqlalchemy import bindparam, or_, select, update
from sqlalchemy.exc import OperationalError

from workbench.domain.claims import ClaimOrigin
from workbench.extract import extract_claims
from workbench.services.drafting import DraftRow, draft_rows, drafted
from workbench.services.offload import offloaded
from workbench.storage.bulk import insert_many
from workbench.storage.models import BriefItem, Claim, Link, Source, Verdict, VerdictEvent, utcnow
from workbench.storage.workspace import Workspace
from workbench.tasks import NO_STATE, TaskState

log = logging.getLogger(__name__)

MIN_SOURCES_FOR_NAME = 2     # a capitalised name seen in this many sources joins the vocabulary
VOCABULARY_CLAIMS = 50_000   # names are learnt from the most recent claims only, so big workspaces stay quick
# A news article has dozens of claims; a 100,000-sentence text would take hours to cross-check (measured: the
# check step grows faster than linearly with near-identical sentences), so only the best are kept.
MAX_CLAIMS_PER_SOURCE = 1_000
SOURCES_PER_COMMIT = 20


def workspace_vocabulary(session, *, names: bool = True) -> dict[str, str]:
    """Names the workspace knows: its outlets, its authors, and names that recur across its sources."""
    vocab: dict[str, str] = {}
    if names:
        for text, kind in _recurring_names(session):
            vocab.setdefault(text, kind)
    for outlet, author in session.execute(select(Source.outlet, Source.author).where(Source.deleted_at.is_(None))):
        for name in _outlet_names(outlet):
            vocab[name] = "outlet"
        for name in _author_names(author):
            vocab.setdefault(name, "person")
    return vocab


# Tagged names of several words found in MIN_SOURCES_FOR_NAME sources or more among the latest claims, the
# latest first. SQLite reads the JSON itself: decoding 50,000 facet objects in Python took 1 s at 10,000 articles,
# most of the extraction of one new article.
_RECURRING_NAMES = f"""
SELECT json_extract(e.value, '$.text') AS name, json_extract(e.value, '$.type') AS kind
FROM (SELECT id, source_id, facets FROM claims WHERE deleted_at IS NULL ORDER BY id DESC LIMIT {VOCABULARY_CLAIMS})
     AS c, json_each(c.facets, '$.entities') AS e
WHERE name IS NOT NULL AND name <> '' AND kind IS NOT NULL AND kind <> '' AND instr(name, ' ') > 0
GROUP BY name, kind HAVING count(DISTINCT c.source_id) >= {MIN_SOURCES_FOR_NAME}
ORDER BY max(c.id) DESC
"""


def _recurring_names(session) -> list[tuple[str, str]]:
    try:
        return [tuple(row) for row in session.connection().exec_driver_sql(_RECURRING_NAMES)]
    except OperationalError:   # an SQLite built without JSON functions
        return _recurring_names_read_in_python(session)


def _recurring_names_read_in_python(session) -> list[tuple[str, str]]:
    seen: dict[tuple[str, str], set[int]] = defaultdict(set)
    rows = session.execute(select(Claim.source_id, Claim.facets).where(Claim.deleted_at.is_(None))
                           .order_by(Claim.id.desc()).limit(VOCABULARY_CLAIMS))
    for source_id, facets in rows:
        for entity in (facets or {}).get("entities") or []:
            text, kind = entity.get("text"), entity.get("type")
            if text and kind and " " in text:
                seen[(text, kind)].add(source_id)
    return [key for key, sources in seen.items() if len(sources) >= MIN_SOURCES_FOR_NAME]


def _outlet_names(outlet: str | None) -> list[str]:
    """'Vella Times (vellatimes.com)' -> ['Vella Times']; domains alone are not names."""
    if not outlet:
        return []
    name = outlet.split("(")[0].strip()
    return [name] if name and "." not in name.split()[-1] else []


def _author_names(author: str | None) -> list[str]:
    if not author:
        return []
    parts = [p.strip() for p in author.replace(" and ", ",").replace(";", ",").split(",")]
    return [p for p in parts if len(p.split()) >= 2 and p[0].isupper()]


def protected_claim_ids(session, claim_ids: list[int]) -> set[int]:
    """Claims a re-run must not touch: with a verdict, links, a place in a brief or any history."""
    if not claim_ids:
        return set()
    keep: set[int] = set(session.scalars(select(Verdict.claim_id).where(Verdict.claim_id.in_(claim_ids))))
    for a_id, b_id in session.execute(select(Link.a_id, Link.b_id).where(
            or_(Link.a_id.in_(claim_ids), Link.b_id.in_(claim_ids)))):
        keep.update((a_id, b_id))
    keep.update(session.scalars(select(BriefItem.claim_id).where(BriefItem.claim_id.in_(claim_ids))))
    # any recorded event (restored from the trash, repaired, reviewed) means a person has dealt with the claim
    keep.update(session.scalars(select(VerdictEvent.claim_id).where(VerdictEvent.claim_id.in_(claim_ids))))
    return keep & set(claim_ids)


_TO_EXTRACT = select(Source.body, Source.published, Source.deleted_at).where(Source.id == bindparam("source_id"))
# Its update time moves too (as an ORM change would): the search index re-reads changed sources.
_EXTRACTED = (update(Source).where(Source.id == bindparam("source_id"))
              .values(extracted_at=bindparam("now"), updated_at=bindparam("now")))
# The JSON columns are given as the text the drafts already carry (SQLAlchemy's JSON type would encode again).
_JSON_COLUMNS = frozenset({"reasons", "facets"})


def apply_drafts(session, source_id: int, rows: list[DraftRow]) -> int:
    """Replace the untouched automatic claims of source ``source_id`` by ``rows`` (see `draft_rows`); returns the
    live claim count written.

    User claims, deleted claims and claims someone worked on stay as they are, and no draft overlapping them is
    added. An automatic claim whose span comes back keeps its id.
    """
    claims = list(session.scalars(select(Claim).where(Claim.source_id == source_id)))
    protected = protected_claim_ids(session, [c.id for c in claims])
    fixed = [c for c in claims if c.origin == ClaimOrigin.USER or c.deleted_at is not None or c.id in protected]
    replaceable = {(c.start, c.end): c for c in claims if c not in fixed}
    fixed_spans = sorted((c.start, c.end) for c in fixed)
    new_rows = []
    written = 0
    for start, end, values in rows:
        if any(s < end and start < e for s, e in fixed_spans):
            continue
        claim = replaceable.pop((start, end), None)
        if claim is None:
            new_rows.append({"source_id": source_id, "start": start, "end": end,
                             "origin": ClaimOrigin.AUTO.value, **values})
        else:
            _fill(claim, values)
        written += 1
    for stale in replaceable.values():
        session.delete(stale)
    session.execute(_EXTRACTED, {"source_id": source_id, "now": utcnow()})
    session.flush()
    # One executemany: ORM objects (unit of work, attribute events) cost more than the rows
    insert_many(session, Claim.__table__, new_rows, as_is=_JSON_COLUMNS)
    return written


def _fill(claim: Claim, values: dict) -> None:
    for key, value in values.items():
        if key in _JSON_COLUMNS:
            value = json.loads(value)
        if getattr(claim, key) != value:
            setattr(claim, key, value)


def extract_source(session, source_id: int, vocabulary: dict[str, str] | None = None,
                   made: tuple[str, object, list[DraftRow]] | None = None) -> int:
    """Extract and store the claims of one source; ``made`` is (body, published, rows) drafted earlier, used
    when the source still has that body and date."""
    # The columns alone: the whole row (its JSON columns decoded, its object tracked) cost a tenth of storing
    found = session.execute(_TO_EXTRACT, {"source_id": source_id}).first()
    if found is None or found.deleted_at is not None:
        return 0
    body, published = found.body or "", found.published
    if made is not None and made[:2] == (body, published):
        rows = made[2]
    else:
        rows = draft_rows(extract_claims(body, published, vocabulary))
    if len(rows) > MAX_CLAIMS_PER_SOURCE:
        rows = _most_checkworthy(session.get(Source, source_id), rows)
    return apply_drafts(session, source_id, rows)


def _most_checkworthy(source: Source, drafts: list[DraftRow]) -> list[DraftRow]:
    """Keep the best-scoring claims of a giant text, so extraction, indexing and cross-checking stay bounded."""
    note = (f"the text has {len(drafts):,} checkable sentences; kept the {MAX_CLAIMS_PER_SOURCE:,} most "
            "check-worthy as claims (add others by hand)")
    log.warning("source #%s: %s", source.id, note)
    warnings = [w for w in (source.warnings or []) if "checkable sentences; kept the" not in w]
    source.warnings = [*warnings, note]
    kept = sorted(drafts, key=lambda d: -d[2]["score"])[:MAX_CLAIMS_PER_SOURCE]
    return sorted(kept, key=lambda d: (d[0], d[1]))


def extract_sources(ws: Workspace, source_ids: list[int] | None = None, state: TaskState = NO_STATE) -> int:
    """(Re-)extract the claims of the given sources (all live sources when None); returns claims written."""
    with ws.session() as session:
        query = select(Source.id).where(Source.deleted_at.is_(None)).order_by(Source.id)
        if source_ids is not None:
            query = query.where(Source.id.in_(list(source_ids)))
        ids = list(session.scalars(query))
        vocabulary = workspace_vocabulary(session)
    total = 0
    # Drafts are made on the second core while this process stores the ones before them (and drafts too, when
    # storing gets ahead).
    made = offloaded(drafted, _bodies(ws, ids), vocabulary, count=len(ids))
    try:
        done = 0
        while True:
            state.check()
            # Several sources per transaction: a commit per source was a tenth of the work. Cancelling waits for
            # the batch, a fraction of a second.
            batch = list(islice(made, SOURCES_PER_COMMIT))
            if not batch:
                break
            with ws.session() as session:
                for source_id, body, published, rows in batch:
                    state.progress(done, len(ids), f"Extracting claims ({done + 1}/{len(ids)})")
                    total += extract_source(session, source_id, vocabulary, (body, published, rows))
                    done += 1
    finally:
        made.close()
    state.progress(len(ids), len(ids), "Claims extracted")
    log.info("extracted %s claims from %s sources", total, len(ids))
    return total


def _bodies(ws: Workspace, ids: list[int], chunk: int = 100) -> Iterator[tuple[int, str, object]]:
    """(id, body, published) of the live sources among ``ids``, in order, read a chunk at a time."""
    for start in range(0, len(ids), chunk):
        part = ids[start:start + chunk]
        with ws.session() as session:
            rows = {row[0]: row for row in session.execute(
                select(Source.id, Source.body, Source.published).where(Source.id.in_(part)))}
        for source_id in part:
            if source_id in rows:
                _, body, published = rows[source_id]
                yield source_id, body or "", published
