"""Background jobs (Picard-style run_task over QThreadPool) with TaskState progress and cancel.

A job is a plain function ``func(state) -> result`` that never touches widgets. Its result, or the exception
it raised, is delivered back on the GUI thread through queued signals.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from workbench.gui.qt import QtCore, Signal
from workbench.tasks import Cancelled, TaskState

log = logging.getLogger(__name__)


class _Relay(QtCore.QObject):
    """Lives in the GUI thread; the worker emits through it, so slots run on the GUI thread."""

    sig_progress = Signal(int, int, str)
    sig_done = Signal(object, object)


class _Runnable(QtCore.QRunnable):
    def __init__(self, func: Callable[[TaskState], Any], state: TaskState, relay: _Relay):
        super().__init__()
        self.setAutoDelete(True)
        self._func, self._state, self._relay = func, state, relay

    def run(self) -> None:
        try:
            result = self._func(self._state)
        except BaseException as exc:  # everything goes back to the GUI thread; it would never see it otherwise
            if not isinstance(exc, (Cancelled, Exception)):
                exc = RuntimeError(repr(exc))
            self._deliver(None, exc)
        else:
            self._deliver(result, None)

    def _deliver(self, result: Any, error: BaseException | None) -> None:
        try:
            self._relay.sig_done.emit(result, error)
        except RuntimeError:   # the window went away while the job ran; nobody is waiting for the result
            log.info("background job finished after its window closed")


class Job(QtCore.QObject):
    """One background job: progress, cancel, and a success or failure callback on the GUI thread."""

    sig_progress = Signal(int, int, str)
    sig_finished = Signal(object)   # the job itself

    def __init__(self, title: str, func: Callable[[TaskState], Any], *, success: Callable[[Any], None] | None,
                 failure: Callable[[BaseException], None] | None, parent: QtCore.QObject | None = None):
        super().__init__(parent)
        self.title = title
        self.result: Any = None
        self.error: BaseException | None = None
        self.done = False
        self._success, self._failure = success, failure
        self._relay = _Relay(self)
        self._relay.sig_progress.connect(self.sig_progress)
        self._relay.sig_done.connect(self._on_done)
        self.state = TaskState(on_progress=self._relay.sig_progress.emit)
        self._runnable = _Runnable(func, self.state, self._relay)

    @property
    def cancelled(self) -> bool:
        return isinstance(self.error, Cancelled)

    def cancel(self) -> None:
        self.state.cancel()

    def _on_done(self, result: Any, error: BaseException | None) -> None:
        self.result, self.error, self.done = result, error, True
        try:
            if error is None:
                if self._success is not None:
                    self._success(result)
            elif self._failure is not None:
                self._failure(error)
            elif not isinstance(error, Cancelled):
                log.error("background job %r failed", self.title, exc_info=error)
        finally:
            self.sig_finished.emit(self)


class TaskManager(QtCore.QObject):
    """Starts jobs on a thread pool and keeps them alive until their callbacks have run."""

    sig_started = Signal(object)
    sig_finished = Signal(object)

    def __init__(self, parent: QtCore.QObject | None = None, max_threads: int = 2):
        super().__init__(parent)
        self.pool = QtCore.QThreadPool(self)
        self.pool.setMaxThreadCount(max_threads)
        self.jobs: list[Job] = []

    def run(self, title: str, func: Callable[[TaskState], Any], *, success: Callable[[Any], None] | None = None,
            failure: Callable[[BaseException], None] | None = None) -> Job:
        job = Job(title, func, success=success, failure=failure, parent=self)
        job.sig_finished.connect(self._forget)
        self.jobs.append(job)
        self.sig_started.emit(job)
        runnable, job._runnable = job._runnable, None   # the pool owns it from here
        self.pool.start(runnable)
        return job

    def busy(self) -> bool:
        return bool(self.jobs)

    def cancel_all(self) -> None:
        for job in self.jobs:
            job.cancel()

    def shutdown(self, timeout_ms: int = 10_000) -> None:
        """Cancel what runs and wait for the workers (at window close)."""
        self.cancel_all()
        self.pool.waitForDone(timeout_ms)

    def _forget(self, job: Job) -> None:
        if job in self.jobs:
            self.jobs.remove(job)
        self.sig_finished.emit(job)
        job.deleteLater()
