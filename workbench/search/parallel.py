"""A rebuild on two cores: a spawned worker writes the later claims as a segment of their own beside ours.

The split is an estimate, and the two cores of a shared machine do not run at one speed: when this side is done
first, it takes back the second half of what the worker has not reached yet and writes it as a third segment
(`take_tail`). Segments stay in claim order (ours, the worker's, the tail), so documents are numbered as one
process would number them, and equal scores rank alike.

The worker reads the workspace in its own transaction, which may be newer than the rebuild's watermark; the
index then holds rows a little newer than its watermark says, which the next sync rewrites or removes, as it
does after any change. A worker that cannot start or fails leaves its claims to this process.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import shutil
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from pathlib import Path

import whoosh.index
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from workbench.search.documents import claim_rows
from workbench.search.writer import FastWriter
from workbench.storage.models import Claim, Source
from workbench.tasks import TaskState

log = logging.getLogger(__name__)

# Below this many claims the rebuild takes a second or two, about what starting the worker costs.
MIN_CLAIMS = 10_000
# What indexing a claim costs beside its text, in characters of article text: its dozen fields and stored values
# (measured at 1,000 generated articles: 4.5 million characters of articles took 2.6 s, 50,000 claims of 4.4 million
# characters 11.3 s).
CLAIM_COST = 300
# What starting the worker costs it (its imports, about 0.6 s), in the same characters: this side takes as much more.
WORKER_START = 1_000_000
MARGIN = 0.1


def split_claim_id(session: Session, n_claims: int) -> int | None:
    """The claim id from which the worker takes over, so that both sides have about as much to index (this side
    also has every source), or None when a worker is not worth it."""
    if n_claims < MIN_CLAIMS or (os.cpu_count() or 1) < 2:
        return None
    live = Claim.deleted_at.is_(None)
    sources = session.scalar(select(func.sum(func.length(Source.body))).where(Source.deleted_at.is_(None))) or 0
    claims = (session.scalar(select(func.sum(func.length(Claim.text))).where(live)) or 0) + CLAIM_COST * n_claims
    # This side's share of the claims: half of all the work, less a margin, so that it is usually done first and
    # takes back what the worker has not reached (take_tail) rather than leaving the worker idle.
    ours = max(0.0, ((sources + claims + WORKER_START) / 2 - sources) / claims - MARGIN)
    return session.scalar(select(Claim.id).where(live).order_by(Claim.id)
                          .offset(min(n_claims - 1, int(ours * n_claims))).limit(1))


# Claims the worker reserves at a time (in ids): the tail can be taken back from the end of its reservation on.
RESERVE_IDS = 256
# A tail shorter than this many claims is left to the worker (writing a segment has a cost of its own).
MIN_TAIL = 2_000

# In the worker: (lock, claim id the worker must stop before, claim id it has reserved up to, ids reserved at a
# time), shared with the rebuilding process; None when build_part runs in that process.
_shared = None


def _share(lock, limit, reached, reserve_ids: int) -> None:
    global _shared
    _shared = (lock, limit, reached, reserve_ids)


class Part:
    """The worker writing the later claims, and what it shares with this process."""

    def __init__(self, pool: ProcessPoolExecutor, future: Future, first_id: int, lock, limit, reached):
        self.pool, self.future, self.first_id = pool, future, first_id
        self.lock, self.limit, self.reached = lock, limit, reached


def start_part(ws_path: Path, part_path: Path, first_id: int, limitmb: int) -> Part | None:
    """Start writing the claims from ``first_id`` on in a worker, in the folder ``part_path``; None when it cannot
    start."""
    try:
        context = multiprocessing.get_context("spawn")
        lock, limit, reached = context.Lock(), context.Value("q", NO_LIMIT, lock=False), context.Value("q", 0,
                                                                                                   lock=False)
        pool = ProcessPoolExecutor(1, mp_context=context, initializer=_share,
                                   initargs=(lock, limit, reached, RESERVE_IDS))
        future = pool.submit(build_part, str(ws_path), str(part_path), first_id, limitmb)
        return Part(pool, future, first_id, lock, limit, reached)
    except Exception as exc:  # no process to be had: the caller indexes everything itself
        log.warning("no worker process for the index (%s); indexing in this process", exc)
        return None


NO_LIMIT = 2 ** 62


def take_tail(session: Session, part: Part) -> int | None:
    """Stop the worker before the second half of the live claims it has not reserved yet, and return the id that
    half starts at (for this process to write), or None when too little is left to be worth it."""
    with part.lock:
        if part.future.done():
            return None
        live = Claim.deleted_at.is_(None)
        reached = max(part.reached.value, part.first_id)   # the worker may not have started yet
        left = session.scalar(select(func.count(Claim.id)).where(live, Claim.id >= reached)) or 0
        if left < 2 * MIN_TAIL:
            return None
        tail = session.scalar(select(Claim.id).where(live, Claim.id >= reached).order_by(Claim.id)
                              .offset(left // 2).limit(1))
        if tail is None:
            return None
        part.limit.value = tail
        return tail


def _reserve(claim_id: int) -> int | None:
    """In the worker: the id up to which it may write (from ``claim_id`` on), or None when it must stop."""
    if _shared is None:
        return NO_LIMIT
    lock, limit, reached, reserve_ids = _shared
    with lock:
        if claim_id >= limit.value:
            return None
        reached.value = min(limit.value, claim_id + reserve_ids)
        return reached.value


def finish_part(part: Part, state: TaskState) -> tuple[object, int] | None:
    """(segment, documents) the worker wrote, or None when it failed (its claims are then still to index).
    Cancelling ``state`` meanwhile raises at once."""
    try:
        while not part.future.done():
            state.check()
            try:
                part.future.exception(timeout=0.2)
            except FutureTimeout:
                pass
        try:
            return part.future.result()
        except Exception as exc:
            log.warning("the index worker failed (%s: %s); indexing its claims in this process",
                        type(exc).__name__, exc)
            return None
    finally:
        part.pool.shutdown(wait=False, cancel_futures=True)


def abandon_part(part: Part) -> None:
    """Stop waiting for the worker (the rebuild was cancelled or failed; its folder is about to go)."""
    part.pool.shutdown(wait=False, cancel_futures=True)


def build_part(ws_path: str, part_path: str, first_id: int, limitmb: int, until_id: int | None = None,
               state: TaskState | None = None) -> tuple[object, int]:
    """The live claims with ids from ``first_id`` (up to ``until_id``, or as far as the rebuilding process lets a
    worker go), written as one finished segment in an index folder of its own (no TOC is committed:
    `adopt_segment` moves the segment's files beside the rebuild's)."""
    from workbench.search.schema import build_schema
    from workbench.storage.workspace import Workspace

    shutil.rmtree(part_path, ignore_errors=True)
    os.makedirs(part_path)
    ws = Workspace(Path(ws_path))
    writer = FastWriter(whoosh.index.create_in(part_path, build_schema()), limitmb=limitmb, compound=False)
    written = 0
    allowed = -1
    try:
        with ws.session() as session:
            for done, (doc, key) in enumerate(claim_rows(session, id_range=(first_id, until_id))):
                if state is not None and done % 500 == 0:
                    state.check()
                claim_id = int(key.partition(":")[2])
                if claim_id >= allowed:
                    allowed = _reserve(claim_id)
                    if allowed is None:
                        break
                if doc is not None:
                    writer.add_document(**doc)
                    written += 1
        if not written:
            writer.cancel()
            return None, 0
        segment = writer._finalize_segment()
        writer._finish()
    except BaseException:
        writer.cancel()
        raise
    finally:
        ws.close()
    return segment, written


def adopt_segment(segment, part_path: Path, index_path: Path) -> None:
    """Move the files of a segment the worker wrote into the index folder being built."""
    segid = segment.segid
    for name in os.listdir(part_path):
        if segid in name:
            os.replace(part_path / name, index_path / name)
