"""A rebuild on two cores: a spawned worker writes the later claims as a segment of their own beside ours.

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
# (measured at 1,000 generated articles, best of four: 4.5 million characters of articles took 1.65 s, 50,000
# claims of 4.4 million characters 6.85 s, so a claim costs about 290 characters more than its text).
CLAIM_COST = 300
# What starting the worker costs it (its imports, about 0.6 s), in the same characters: this side takes as much more.
WORKER_START = 1_000_000


def split_claim_id(session: Session, n_claims: int) -> int | None:
    """The claim id from which the worker takes over, so that both sides have about as much to index (this side
    also has every source), or None when a worker is not worth it."""
    if n_claims < MIN_CLAIMS or (os.cpu_count() or 1) < 2:
        return None
    live = Claim.deleted_at.is_(None)
    sources = session.scalar(select(func.sum(func.length(Source.body))).where(Source.deleted_at.is_(None))) or 0
    claims = (session.scalar(select(func.sum(func.length(Claim.text))).where(live)) or 0) + CLAIM_COST * n_claims
    ours = max(0.0, ((sources + claims + WORKER_START) / 2 - sources) / claims)  # the share of the claims done here
    return session.scalar(select(Claim.id).where(live).order_by(Claim.id)
                          .offset(min(n_claims - 1, int(ours * n_claims))).limit(1))


def start_part(ws_path: Path, part_path: Path, first_id: int,
               limitmb: int) -> tuple[ProcessPoolExecutor, Future] | None:
    """Start writing the claims from ``first_id`` on in a worker, in the folder ``part_path``; None when it cannot
    start."""
    try:
        pool = ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn"))
        return pool, pool.submit(build_part, str(ws_path), str(part_path), first_id, limitmb)
    except Exception as exc:  # no process to be had: the caller indexes everything itself
        log.warning("no worker process for the index (%s); indexing in this process", exc)
        return None


def finish_part(part: tuple[ProcessPoolExecutor, Future], state: TaskState) -> tuple[object, int] | None:
    """(segment, documents) the worker wrote, or None when it failed (its claims are then still to index).
    Cancelling ``state`` meanwhile raises at once."""
    pool, future = part
    try:
        while not future.done():
            state.check()
            try:
                future.exception(timeout=0.2)
            except FutureTimeout:
                pass
        try:
            return future.result()
        except Exception as exc:
            log.warning("the index worker failed (%s: %s); indexing its claims in this process",
                        type(exc).__name__, exc)
            return None
    finally:
        pool.shutdown(wait=False, cancel_futures=True)


def abandon_part(part: tuple[ProcessPoolExecutor, Future]) -> None:
    """Stop waiting for the worker (the rebuild was cancelled or failed; its folder is about to go)."""
    part[0].shutdown(wait=False, cancel_futures=True)


def build_part(ws_path: str, part_path: str, first_id: int, limitmb: int) -> tuple[object, int]:
    """In the worker: the live claims from ``first_id`` on, written as one finished segment in an index folder of
    its own (no TOC is committed: `adopt_segment` moves the segment's files beside the rebuild's)."""
    from workbench.search.schema import build_schema
    from workbench.storage.workspace import Workspace

    shutil.rmtree(part_path, ignore_errors=True)
    os.makedirs(part_path)
    ws = Workspace(Path(ws_path))
    writer = FastWriter(whoosh.index.create_in(part_path, build_schema()), limitmb=limitmb, compound=False)
    written = 0
    try:
        with ws.session() as session:
            for doc, _key in claim_rows(session, id_range=(first_id, None)):
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
