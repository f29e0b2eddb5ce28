"""Progress and cancellation for long work, passed into plain functions (no Qt here)."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable


class Cancelled(Exception):
    """Raised inside a job when the user asked it to stop."""


class TaskState:
    """Carries progress out of a job and a cancel request into it; progress is throttled."""

    def __init__(self, on_progress: Callable[[int, int, str], None] | None = None, min_interval: float = 0.05):
        self._cancel = threading.Event()
        self._on_progress = on_progress
        self._min_interval = min_interval
        self._last = 0.0

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def check(self) -> None:
        """Stop here if the user asked to cancel."""
        if self._cancel.is_set():
            raise Cancelled()

    def progress(self, done: int, total: int, message: str = "") -> None:
        if self._on_progress is None:
            return
        now = time.monotonic()
        if done >= total or now - self._last >= self._min_interval:
            self._last = now
            self._on_progress(done, total, message)


NO_STATE = TaskState()
