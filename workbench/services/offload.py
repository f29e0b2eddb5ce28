"""Pure per-item work (reading files, extracting claims) on the second core while this process writes the results.

One spawned worker process (not forked: the GUI runs threads, and a forked copy of them can deadlock) runs
``fn(context, item)`` over batches of items, a few batches ahead of the caller, and the results come back in
order. The worker only computes: the database stays in this process. When there are few items, one core, or the
worker cannot start or dies, the items are done here instead, so the results never depend on the worker.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import islice
from typing import Any, TypeVar

log = logging.getLogger(__name__)

I = TypeVar("I")
R = TypeVar("R")

# Below this many items starting a worker (about half a second of imports) costs more than it saves.
MIN_ITEMS = 40
BATCH = 8      # items per message to the worker
AHEAD = 6      # batches in flight: enough to keep the worker busy and leave some to take back, few enough
               # to bound the memory they hold

_context: Any = None


def _start(context: Any, log_to_file: bool) -> None:
    global _context
    _context = context
    if log_to_file:  # a reader's traceback belongs in the same log as the rest of the import
        from workbench.logs import setup_logging

        setup_logging()


def _run_batch(fn: Callable[[Any, I], R], items: list[I]) -> list[R]:
    return [fn(_context, item) for item in items]


def _logging_to_file() -> bool:
    from workbench.logs import log_path

    return log_path() is not None


def worker_wanted(count: int) -> bool:
    return count >= MIN_ITEMS and (os.cpu_count() or 1) >= 2


class _Batch:
    """Items sent together, and where their results come from: the worker's future, or computed here."""

    __slots__ = ("items", "future", "results", "taken")

    def __init__(self, items: list, future: Future | None):
        self.items = items
        self.future = future
        self.results: list | None = None
        self.taken = False   # computed here ahead of its turn (and failed, when results is still None)


def offloaded(fn: Callable[[Any, I], R], items: Iterable[I], context: Any = None, *,
              count: int | None = None) -> Iterator[R]:
    """``fn(context, item)`` for each item, in order; computed in a worker process when worth it.

    ``fn`` must be a module-level function and items, context and results picklable. An exception raised by
    ``fn`` in the worker is raised again by computing that item here, so it surfaces as it would without one.
    Whenever the next results are not back yet, this process computes the latest batch the worker has not
    started, so both cores stay busy whichever side is quicker.
    """
    items = iter(items)
    if not worker_wanted(count if count is not None else MIN_ITEMS):
        yield from (fn(context, item) for item in items)
        return
    try:
        pool = ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn"),
                                   initializer=_start, initargs=(context, _logging_to_file()))
    except (OSError, ValueError) as exc:
        log.warning("no worker process (%s); working in this process", exc)
        yield from (fn(context, item) for item in items)
        return
    pending: deque[_Batch] = deque()
    broken = False

    def submit() -> bool:
        nonlocal broken
        batch = list(islice(items, BATCH))
        if not batch:
            return False
        future = None
        if not broken:
            try:
                future = pool.submit(_run_batch, fn, batch)
            except Exception as exc:  # the pool broke or refused: this batch and the rest are done here
                log.warning("the worker process stopped (%s); working in this process", exc)
                broken = True
        pending.append(_Batch(batch, future))
        return True

    def steal() -> bool:
        """Compute here the latest batch the worker has not started; False when there is none."""
        for batch in reversed(pending):
            if not batch.taken and (batch.future is None or batch.future.cancel()):
                batch.future, batch.taken = None, True
                try:
                    batch.results = [fn(context, item) for item in batch.items]
                except Exception:  # raised again in its turn, computed then as without a worker
                    pass
                return True
        return False

    try:
        while len(pending) < AHEAD and submit():
            pass
        while pending:
            head = pending[0]
            while head.results is None and head.future is not None and not head.future.done() and steal():
                while len(pending) < AHEAD and submit():
                    pass
            pending.popleft()
            results = head.results
            if results is None and head.future is not None:
                try:
                    results = head.future.result()
                except Exception as exc:
                    # fn failed in the worker, or the worker died (BrokenProcessPool): compute here, where a
                    # failure raises with a local traceback.
                    if not broken and type(exc).__name__ == "BrokenProcessPool":
                        log.warning("the worker process died; working in this process")
                        broken = True
            submit()
            if results is None:
                results = (fn(context, item) for item in head.items)
            yield from results
    finally:
        pool.shutdown(wait=False, cancel_futures=True)
