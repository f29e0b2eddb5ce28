"""The index on disk: kept in step with the database by a watermark, rebuilt when missing or damaged.

The database is the truth; the index is derived and may be deleted at any time. ``sync_index`` compares the
watermark stored in the index (max ``updated_at`` and counts of sources, claims and verdicts) with the database
and writes only what changed. Writing is serialised by a file lock beside the index, across threads and processes.
"""

from __future__ import annotations

import gc
import json
import logging
import shutil
import threading
import time
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import whoosh.index
from sqlalchemy import func, or_, select, text
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session
from whoosh.query import And, Not, Term
from whoosh.util.filelock import FileLock, try_for

from workbench.domain.errors import WorkspaceBusy
from workbench.search.documents import claim_key, claim_rows, source_document, source_key
from workbench.search.schema import CLAIM, META, META_KEY, SCHEMA_VERSION, SOURCE, build_schema
from workbench.search.parallel import (abandon_part, adopt_segment, build_part, finish_part, split_claim_id,
                                       start_part)
from workbench.search.scoring import TabledBM25F
from workbench.search.writer import FastWriter
from workbench.storage.models import Claim, Source, Verdict
from workbench.storage.workspace import Workspace
from workbench.tasks import NO_STATE, TaskState

log = logging.getLogger(__name__)

LOCK_TIMEOUT = 15.0
WRITER_LIMIT_MB = 128


class IndexBusy(WorkspaceBusy):
    """Another window or command is writing the search index."""


@dataclass
class SyncReport:
    """What a sync or rebuild did; ``message`` is for the user when the index had to be rebuilt."""

    written: int = 0
    removed: int = 0
    rebuilt: bool = False
    message: str | None = None
    seconds: float = 0.0

    def to_json(self) -> dict[str, Any]:
        return {"written": self.written, "removed": self.removed, "rebuilt": self.rebuilt,
                "message": self.message, "seconds": round(self.seconds, 3)}


def lock_path(ws: Workspace) -> Path:
    return ws.index_dir.with_name(ws.index_dir.name + ".lock")


@contextmanager
def index_lock(ws: Workspace, timeout: float = LOCK_TIMEOUT) -> Iterator[None]:
    """Hold the index's writer lock (an OS file lock, released if the process dies)."""
    path = lock_path(ws)
    path.parent.mkdir(parents=True, exist_ok=True)
    lock = FileLock(str(path))
    if not try_for(lock.acquire, timeout=timeout, delay=0.05):
        raise IndexBusy(f"the search index of {ws.path.name} is being updated by another window or command; "
                        "try again in a moment")
    try:
        yield
    finally:
        lock.release()


# ------------------------------------------------------------------ watermark


def _iso(value: datetime | None) -> str | None:
    return value.isoformat(sep=" ") if value is not None else None


_TRACKED = (("sources", Source.updated_at, Source.id), ("claims", Claim.updated_at, Claim.id),
            ("verdicts", Verdict.updated_at, Verdict.claim_id))
_DELETION_TRIGGERS = tuple(f"trg_{table}_deleted" for table, _, _ in _TRACKED)


_WATERMARK_SQL = text(
    "SELECT " + ", ".join(f"(SELECT max(updated_at) FROM {table}), (SELECT max({key.key}) FROM {table})"
                          for table, _, key in _TRACKED)
    + ", (SELECT group_concat(table_name || ':' || deleted) FROM row_deletions)"
    + ", (SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name IN ("
    + ", ".join(f"'{name}'" for name in _DELETION_TRIGGERS) + "))"
)


def db_watermark(session: Session) -> dict[str, Any]:
    """Per table: [max updated_at, hard deletions (negated) or the row count, max id]: one precompiled query.

    Hard deletions are counted by the triggers of migration 0003; when one is missing (a later table rebuild
    may drop them) the row count stands in, which costs a scan.
    """
    try:
        row = session.execute(_WATERMARK_SQL).one()
    except OperationalError:  # no row_deletions table: a workspace from before migration 0003
        row = None
    counters = None
    if row is not None and row[-1] == len(_DELETION_TRIGGERS) and row[-2]:
        counters = {name: int(n) for name, n in (item.split(":") for item in row[-2].split(","))}
    out: dict[str, Any] = {"schema": SCHEMA_VERSION}
    for i, (table, updated, key) in enumerate(_TRACKED):
        if row is None:
            latest, max_id = session.execute(select(func.max(updated), func.max(key))).one()
            latest = _iso(latest)
        else:
            latest, max_id = row[2 * i], row[2 * i + 1]
        gone = -1 - counters.get(table, 0) if counters is not None else session.scalar(select(func.count(key)))
        out[table] = [str(latest) if latest is not None else None, gone, max_id]
    return out


def read_watermark(searcher) -> dict[str, Any] | None:
    fields = searcher.document(key=META_KEY)
    if not fields or not fields.get("meta"):
        return None
    return json.loads(fields["meta"])


def _meta_document(watermark: dict[str, Any]) -> dict[str, Any]:
    return {"key": META_KEY, "type": META, "meta": json.dumps(watermark)}


# ------------------------------------------------------------------ opening


# One searcher per thread and index folder, reopened when a commit made it stale (checking only reads the
# TOC generation). A rebuild swaps folders, which the folder's inode number tells.
_SEARCHERS: dict[tuple[str, int], tuple[int, Any]] = {}


def thread_searcher(path: Path):
    """This thread's searcher over the index in ``path``: do not close it, it is reused."""
    key = (str(path), threading.get_ident())
    inode = path.stat().st_ino
    entry = _SEARCHERS.get(key)
    if entry is not None and entry[0] == inode and entry[1].up_to_date():
        return entry[1]
    if entry is not None:
        _close_quietly(entry[1])
    # Not Searcher.refresh(): its reuse of segment readers can keep deletions that a later commit made.
    searcher = whoosh.index.open_dir(str(path)).searcher(weighting=TabledBM25F())
    _SEARCHERS[key] = (inode, searcher)
    return searcher


def forget_searchers(path: Path) -> None:
    """Close the cached searchers over ``path`` (after a failure, or before the folder is replaced)."""
    for key in [k for k in _SEARCHERS if k[0] == str(path)]:
        _close_quietly(_SEARCHERS.pop(key)[1])


def _close_quietly(searcher) -> None:
    try:
        searcher.close()
    except Exception:  # a searcher over deleted or damaged files: nothing to keep
        pass


def _open_checked(ws: Workspace) -> tuple[Any, dict | None, str | None]:
    """(searcher, stored watermark, None) or (None, None, why the index must be rebuilt)."""
    path = ws.index_dir
    if not path.is_dir() or not any(path.glob("*.toc")):
        return None, None, "the search index was missing"
    # Whoosh leaves the files of a segment it failed to read open (and retries); their ResourceWarnings are
    # part of a damaged index, which we rebuild, not bugs of ours.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ResourceWarning)
        try:
            searcher = thread_searcher(path)
            watermark = read_watermark(searcher)
        except Exception as exc:  # any unreadable file: the index is derived, so rebuild it
            log.warning("search index %s is damaged: %s: %s", path, type(exc).__name__, exc)
            forget_searchers(path)
            exc.__traceback__ = None
            del exc
            gc.collect()
            return None, None, "the search index was damaged"
    if watermark is None or watermark.get("schema") != SCHEMA_VERSION:
        return None, None, "the search index was made by another version"
    return searcher, watermark, None


def open_index(ws: Workspace):
    """This thread's searcher, synced with the database first (rebuilt if needed): (searcher, SyncReport)."""
    report = sync_index(ws)
    try:
        return thread_searcher(ws.index_dir), report  # what the sync just checked or wrote
    except Exception:  # gone or damaged since: the checks below rebuild it
        pass
    searcher, _, problem = _open_checked(ws)
    if searcher is None:  # rebuilt a moment ago by us; only a concurrent deletion gets here
        report = rebuild_index(ws, reason=problem)
        searcher, _, problem = _open_checked(ws)
        if searcher is None:
            raise IndexBusy(f"the search index of {ws.path.name} cannot be opened ({problem}); try again")
    return searcher, report


# ------------------------------------------------------------------ sync


# What a connection last saw when it found this thread's searcher in step with the database (in the pool's record
# of the connection). SQLite changes data_version when another connection commits and total_changes when this
# one writes, so while both stay the same the watermark need not be read again.
_STAMP_SQL = "SELECT (SELECT data_version FROM pragma_data_version), total_changes()"
_IN_STEP = "search_index_in_step"


def _still_in_step(ws: Workspace) -> bool:
    """Whether nothing was committed since this thread's searcher was last found in step (one cheap query)."""
    entry = _SEARCHERS.get((str(ws.index_dir), threading.get_ident()))
    try:
        if entry is None or entry[0] != ws.index_dir.stat().st_ino or not entry[1].up_to_date():
            return False
    except Exception:  # missing or damaged: the full check sees to it
        return False
    searcher = entry[1]
    with ws.engine.connect() as conn:
        seen = conn.info.get(_IN_STEP, {}).get(threading.get_ident())
        return seen is not None and seen[0] is searcher and seen[1] == tuple(conn.exec_driver_sql(_STAMP_SQL).one())


def sync_index(ws: Workspace, state: TaskState = NO_STATE, *, timeout: float = LOCK_TIMEOUT) -> SyncReport:
    """Bring the index in step with the database; cheap when nothing changed."""
    started = time.perf_counter()
    if _still_in_step(ws):
        return SyncReport(seconds=time.perf_counter() - started)
    searcher, stored, problem = _open_checked(ws)
    if searcher is not None:
        with ws.session() as session:
            conn = session.connection()
            seen = conn.info.setdefault(_IN_STEP, {})
            stamp = tuple(conn.exec_driver_sql(_STAMP_SQL).one())   # before the watermark: a later commit shows
            current = db_watermark(session)
        if stored == current:
            seen[threading.get_ident()] = (searcher, stamp)
            return SyncReport(seconds=time.perf_counter() - started)
    with index_lock(ws, timeout):
        searcher, stored, problem = _open_checked(ws)  # another process may have done it while we waited
        if searcher is None:
            report = _rebuild_locked(ws, state, problem)
        else:
            report = _update_locked(ws, searcher, stored, state, timeout)
    report.seconds = time.perf_counter() - started
    return report


def _since(mark: list[Any]) -> datetime | None:
    return datetime.fromisoformat(mark[0]) if mark and mark[0] else None


def _vanished(session: Session, old: list[Any], now: list[Any], key) -> bool:
    """Whether rows that existed at the last sync were hard-deleted since."""
    if old[1] is not None and now[1] is not None and old[1] < 0 and now[1] < 0:
        return old[1] != now[1]  # deletion counters (stored negated)
    if old[1] is None or old[1] < 0:
        return True  # no comparable figure: look
    # Row counts: ids only grow, so rows above the old max id are new; fewer old rows than before means deletions.
    now_count, now_new = session.execute(
        select(func.count(key), func.count(key).filter(key > (old[2] or 0)))
    ).one()
    return now_count - now_new < old[1]


def _update_locked(ws: Workspace, searcher, stored: dict, state: TaskState, timeout: float) -> SyncReport:
    report = SyncReport()
    ix = whoosh.index.open_dir(str(ws.index_dir))
    writer = FastWriter(ix, timeout=timeout, limitmb=WRITER_LIMIT_MB, compound=False)
    try:
        with ws.session() as session:
            current = db_watermark(session)
            if current == stored:
                writer.cancel()
                return report
            _apply_changes(session, searcher, writer, stored, current, report, state)
        writer.update_document(**_meta_document(current))
        writer.commit()
    except BaseException:
        writer.cancel()
        raise
    log.info("search index synced: %d written, %d removed", report.written, report.removed)
    return report


def _apply_changes(session: Session, searcher, writer, stored: dict, current: dict, report: SyncReport,
                   state: TaskState) -> None:
    # Changed rows: touched after the watermark, or new (a row can be written with a timestamp a moment older
    # than one already seen, by a transaction that committed later).
    src_since = _since(stored["sources"])
    query = select(Source)
    if src_since is not None:
        query = query.where(or_(Source.updated_at > src_since, Source.id > (stored["sources"][2] or 0)))
    claim_ids: set[int] = set()
    changed_sources: list[int] = []
    for src in session.scalars(query.execution_options(yield_per=200)):
        state.check()
        changed_sources.append(src.id)
        key = source_key(src.id)
        if src.deleted_at is not None:
            if searcher.document_number(key=key) is not None:
                writer.delete_by_term("key", key)
                report.removed += 1
        else:
            doc = source_document(src)
            if _indexed_digest(searcher, key) != doc["digest"]:
                writer.update_document(**doc)
                report.written += 1
    # The claims of a changed source carry its outlet and date, and leave with it.
    if changed_sources:
        claim_ids |= set(session.scalars(select(Claim.id).where(Claim.source_id.in_(changed_sources))))

    claim_since, verdict_since = _since(stored["claims"]), _since(stored["verdicts"])
    ids_query = select(Claim.id)
    if claim_since is not None:
        ids_query = ids_query.where(or_(Claim.updated_at > claim_since, Claim.id > (stored["claims"][2] or 0)))
    claim_ids |= set(session.scalars(ids_query))
    verdict_query = select(Verdict.claim_id)
    if verdict_since is not None:
        verdict_query = verdict_query.where(Verdict.updated_at > verdict_since)
    claim_ids |= set(session.scalars(verdict_query))

    if _vanished(session, stored["verdicts"], current["verdicts"], Verdict.claim_id):
        # A verdict row was removed: its claim is unreviewed again. Re-index every claim marked otherwise.
        reviewed = And([Term("type", CLAIM), Not(Term("status", "unreviewed"))])
        claim_ids |= {int(searcher.stored_fields(n)["id"]) for n in searcher.docs_for_query(reviewed)}

    if _vanished(session, stored["sources"], current["sources"], Source.id):
        live = set(session.scalars(select(Source.id)))
        for docnum in searcher.docs_for_query(Term("type", SOURCE)):
            sid = int(searcher.stored_fields(docnum)["id"])
            if sid not in live:
                writer.delete_by_term("source_id", str(sid))
                report.removed += 1
    if _vanished(session, stored["claims"], current["claims"], Claim.id):
        live = set(session.scalars(select(Claim.id)))
        for docnum in searcher.docs_for_query(Term("type", CLAIM)):
            cid = int(searcher.stored_fields(docnum)["id"])
            if cid not in live:
                writer.delete_by_term("key", claim_key(cid))
                report.removed += 1

    for done, (doc, key) in enumerate(claim_rows(session, claim_ids=claim_ids)):
        if done % 200 == 0:
            state.check()
        if doc is None:
            if searcher.document_number(key=key) is not None:
                writer.delete_by_term("key", key)
                report.removed += 1
        elif _indexed_digest(searcher, key) != doc["digest"]:
            writer.update_document(**doc)
            report.written += 1


def _indexed_digest(searcher, key: str) -> str | None:
    docnum = searcher.document_number(key=key)
    return None if docnum is None else searcher.stored_fields(docnum).get("digest")


# ------------------------------------------------------------------ rebuild


def rebuild_index(ws: Workspace, state: TaskState = NO_STATE, *, reason: str | None = None,
                  timeout: float = LOCK_TIMEOUT) -> SyncReport:
    """Build the index from scratch beside the old one, then swap; a cancelled rebuild leaves the old one."""
    started = time.perf_counter()
    with index_lock(ws, timeout):
        report = _rebuild_locked(ws, state, reason)
    report.seconds = time.perf_counter() - started
    return report


def _rebuild_locked(ws: Workspace, state: TaskState, reason: str | None) -> SyncReport:
    final = ws.index_dir
    building = final.with_name(final.name + ".building")
    part_dir = final.with_name(final.name + ".part")   # the worker's half (search/parallel.py)
    shutil.rmtree(building, ignore_errors=True)
    building.mkdir(parents=True)
    report = SyncReport(rebuilt=True)
    part = None
    try:
        ix = whoosh.index.create_in(str(building), build_schema())
        writer = FastWriter(ix, limitmb=WRITER_LIMIT_MB, compound=False)
        try:
            with ws.session() as session:
                # Read in one transaction: the watermark matches exactly the rows written.
                watermark = db_watermark(session)
                live_sources = select(Source).where(Source.deleted_at.is_(None)).order_by(Source.id)
                n_sources = session.scalar(select(func.count()).select_from(live_sources.subquery())) or 0
                n_claims = session.scalar(select(func.count(Claim.id)).where(Claim.deleted_at.is_(None))) or 0
                total = n_sources + n_claims
                # The later claims go to a worker process on the second core, as a segment of their own.
                split = split_claim_id(session, n_claims)
                part = start_part(ws.path, part_dir, split, WRITER_LIMIT_MB) if split is not None else None
                for done, src in enumerate(session.scalars(live_sources.execution_options(yield_per=200))):
                    if done % 50 == 0:
                        state.check()
                        state.progress(done, total, "Indexing sources")
                    writer.add_document(**source_document(src))
                    report.written += 1
                sources_written = report.written
                own = (None, split) if part is not None else None
                _add_claims(writer, claim_rows(session, id_range=own), state, n_sources, total, report)
            writer.add_document(**_meta_document(watermark))
            state.check()
            # Our segment is written while the worker may still write its own: both cores stay busy.
            writer.finish_own()
            parts = []
            if part is not None:
                state.progress(n_sources + report.written - sources_written, total, "Indexing claims")
                done_part, part = finish_part(part, state), None
                if done_part is None:  # the worker failed: its claims are written here, as the same segment
                    done_part = build_part(str(ws.path), str(part_dir), split, WRITER_LIMIT_MB)
                if done_part[0] is not None:
                    adopt_segment(done_part[0], part_dir, building)
                    parts.append(done_part[0])
                    report.written += done_part[1]
            state.progress(total, total, "Saving the search index")
            writer.commit_with(parts)
        except BaseException:
            if part is not None:
                abandon_part(part)
            writer.cancel()
            raise
        ix.close()
        forget_searchers(final)
        _swap(building, final)
    except BaseException:
        shutil.rmtree(building, ignore_errors=True)
        raise
    finally:
        shutil.rmtree(part_dir, ignore_errors=True)
    if reason and report.written:
        report.message = (f"{reason}; it was rebuilt from the workspace "
                          f"({sources_written} sources, {report.written - sources_written} claims)")
        log.warning("%s", report.message)
    return report


def _add_claims(writer, rows, state: TaskState, before: int, total: int, report: SyncReport) -> None:
    for done, (doc, _key) in enumerate(rows):
        if done % 500 == 0:
            state.check()
            state.progress(before + done, total, "Indexing claims")
        if doc is not None:
            writer.add_document(**doc)
            report.written += 1


def _swap(new: Path, final: Path) -> None:
    old = final.with_name(final.name + ".old")
    shutil.rmtree(old, ignore_errors=True)
    if final.exists():
        final.rename(old)
    new.rename(final)
    shutil.rmtree(old, ignore_errors=True)
