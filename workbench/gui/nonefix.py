"""Guard against a PySide6 bug on Python < 3.12: Qt methods returning void hand back None without a reference.

Seen with PySide6 6.12.0 on CPython 3.11: every call of a void method (QTextCursor.setPosition, setText, ...)
lowers None's reference count by one, and after some thousands of calls Python aborts with "none_dealloc:
deallocating None". Since Python 3.12 None is immortal and nothing happens. The guard measures the leak once and,
only when it is there, holds extra references to None and tops them up from a timer.
"""

from __future__ import annotations

import ctypes
import sys

from workbench.gui.qt import QtCore

LOW_WATER = 1_000_000     # top up below this many references
CHUNK = 2_000_000         # references added per top-up (16 MB)
CHECK_MS = 250

_refs: list[list[None]] = []
_timer: QtCore.QTimer | None = None


def leaks_none() -> bool:
    """True when a void Qt call lowers None's reference count (the bug is present)."""
    if sys.version_info >= (3, 12):
        return False
    probe = QtCore.QObject()
    before = sys.getrefcount(None)
    for _ in range(200):
        probe.setObjectName("probe")
    return sys.getrefcount(None) < before - 100


def top_up() -> None:
    while sys.getrefcount(None) < LOW_WATER:
        chunk = [None] * CHUNK
        # Never freed, not even when Python shuts down: freeing it would give back references Qt already took.
        ctypes.pythonapi.Py_IncRef(ctypes.py_object(chunk))
        _refs.append(chunk)


def install(app: QtCore.QCoreApplication) -> bool:
    """Start the guard for this application when needed; returns whether it runs."""
    global _timer
    if _timer is not None:
        return True
    if not leaks_none():
        return False
    top_up()
    _timer = QtCore.QTimer(app)
    _timer.setInterval(CHECK_MS)
    _timer.timeout.connect(top_up)
    _timer.start()
    return True
