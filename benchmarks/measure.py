"""Measuring helpers: wall time, peak memory per stage, percentiles, and the "not built yet" signal."""

from __future__ import annotations

import importlib
import math
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

_STATUS = Path("/proc/self/status")
_CLEAR_REFS = Path("/proc/self/clear_refs")


class NotBuilt(Exception):
    """A stage needs a part of the workbench that does not exist yet."""


class TimedOut(BaseException):  # not swallowed by a stage's own `except Exception`
    """A measurement ran past its time limit; the figure is reported as over the limit."""


@contextmanager
def time_limit(seconds: float | None, what: str = "the stage") -> Iterator[None]:
    """Interrupt the block after ``seconds`` (main thread, Unix); nests inside an outer limit."""
    import signal

    if not seconds or seconds <= 0 or not hasattr(signal, "setitimer"):
        yield
        return
    started = time.monotonic()
    outer_remaining, _ = signal.getitimer(signal.ITIMER_REAL)
    limit = min(seconds, outer_remaining) if outer_remaining > 0 else seconds
    inner_is_tighter = not outer_remaining or seconds < outer_remaining

    def fire(_signum, _frame):
        raise TimedOut(f"{what} ran over {limit:.0f} s")

    previous = signal.signal(signal.SIGALRM, fire if inner_is_tighter else signal.getsignal(signal.SIGALRM))
    signal.setitimer(signal.ITIMER_REAL, limit)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
        if outer_remaining > 0:
            left = outer_remaining - (time.monotonic() - started)
            signal.setitimer(signal.ITIMER_REAL, max(left, 0.001))


def need(module: str, *names: str):
    """Import ``module`` and return the named attributes; NotBuilt when any is missing."""
    try:
        mod = importlib.import_module(module)
    except ModuleNotFoundError as exc:
        if exc.name and (module == exc.name or module.startswith(exc.name + ".")):
            raise NotBuilt(f"{module} is not built") from exc
        raise
    missing = [n for n in names if not hasattr(mod, n)]
    if missing:
        raise NotBuilt(f"{module}.{missing[0]} is not built")
    if not names:
        return mod
    values = tuple(getattr(mod, n) for n in names)
    return values[0] if len(values) == 1 else values


def _status_kb(key: str) -> int | None:
    try:
        for line in _STATUS.read_text().splitlines():
            if line.startswith(key + ":"):
                return int(line.split()[1])
    except OSError:
        pass
    return None


def rss_mb() -> float | None:
    kb = _status_kb("VmRSS")
    return None if kb is None else kb / 1024


def peak_rss_mb() -> float | None:
    """The process's peak resident memory since the last :func:`reset_peak`."""
    kb = _status_kb("VmHWM")
    if kb is None:
        import resource

        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return kb / 1024


def reset_peak() -> bool:
    """Start a new peak-memory window (Linux: writing 5 to clear_refs resets VmHWM)."""
    try:
        _CLEAR_REFS.write_text("5")
        return True
    except OSError:
        return False


@dataclass
class Span:
    seconds: float = 0.0
    cpu_seconds: float = 0.0   # this process's CPU time: the fair figure when the machine is shared
    peak_mb: float | None = None
    extra: dict = field(default_factory=dict)


@contextmanager
def measured() -> Iterator[Span]:
    """Wall time, CPU time and peak RSS of the block."""
    span = Span()
    reset_peak()
    start, cpu = time.perf_counter(), time.process_time()
    try:
        yield span
    finally:
        span.seconds = time.perf_counter() - start
        span.cpu_seconds = time.process_time() - cpu
        span.peak_mb = peak_rss_mb()


def percentile(values: list[float], p: float) -> float | None:
    """Nearest-rank percentile (p in 0..100)."""
    if not values:
        return None
    ordered = sorted(values)
    rank = max(1, math.ceil(p / 100 * len(ordered)))
    return ordered[rank - 1]


def rate(count: int, seconds: float) -> float | None:
    return count / seconds if seconds > 0 else None


def fit_exponent(sizes: list[float], costs: list[float]) -> float | None:
    """Slope of log(cost) against log(size) by least squares: 1.0 is linear growth."""
    pts = [(math.log(s), math.log(c)) for s, c in zip(sizes, costs) if s and c and s > 0 and c > 0]
    if len(pts) < 2:
        return None
    mx = sum(x for x, _ in pts) / len(pts)
    my = sum(y for _, y in pts) / len(pts)
    sxx = sum((x - mx) ** 2 for x, _ in pts)
    if sxx == 0:
        return None
    return sum((x - mx) * (y - my) for x, y in pts) / sxx
