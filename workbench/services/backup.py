"""Saving a consistent copy of a workspace with SQLite's online backup API, safe while it is in use."""

from __future__ import annotations

import logging
import os
import sqlite3
from pathlib import Path

from workbench.domain.errors import WorkbenchError, WorkspaceBusy, WorkspaceError
from workbench.tasks import NO_STATE, TaskState

log = logging.getLogger(__name__)

PAGES_PER_STEP = 256


class BackupError(WorkbenchError):
    """A copy could not be written; the message says why and what to do."""


def backup_workspace(source: Path | str, target: Path | str, *, overwrite: bool = False,
                     state: TaskState = NO_STATE) -> dict:
    """Copy the workspace file at ``source`` to ``target`` (a new file; an existing one only with ``overwrite``).

    The copy is written beside the target under a temporary name, checked, and only then renamed into place,
    so a crash or a full disk never leaves a half-written file under the target name.
    """
    source = Path(source).expanduser()
    target = Path(target).expanduser()
    if not source.is_file():
        raise WorkspaceError(f"no workspace at {source}")
    if target.is_dir():
        target = target / source.name
    if target.exists():
        if _same_file(source, target):
            raise BackupError(f"{target} is the workspace itself; choose another file for the copy")
        if not overwrite:
            raise BackupError(f"{target} already exists; choose another name or pass --overwrite to replace it")
    if not target.parent.is_dir():
        raise BackupError(f"the folder {target.parent} does not exist; create it first")
    partial = target.with_name(f".{target.name}.partial-{os.getpid()}")
    try:
        _copy(source, partial, state)
        _verify(partial)
        os.replace(partial, target)
    except sqlite3.OperationalError as exc:
        _remove(partial)
        if "locked" in str(exc) or "busy" in str(exc):
            raise WorkspaceBusy(f"{source.name} is busy; try the copy again in a moment") from exc
        raise BackupError(f"cannot copy {source.name}: {exc}") from exc
    except sqlite3.DatabaseError as exc:
        _remove(partial)
        raise WorkspaceError(f"{source} is damaged or not a workspace ({exc}); run `workbench doctor {source}`") \
            from exc
    except OSError as exc:
        _remove(partial)
        raise BackupError(f"cannot write {target}: {exc.strerror or exc}; check the folder and free space") \
            from exc
    except BaseException:
        _remove(partial)
        raise
    size = target.stat().st_size
    log.info("workspace %s copied to %s (%s bytes)", source, target, size)
    return {"source": str(source), "target": str(target), "bytes": size}


def _copy(source: Path, target: Path, state: TaskState) -> None:
    src = sqlite3.connect(str(source), timeout=10)
    try:
        src.execute("PRAGMA busy_timeout=10000")
        dst = sqlite3.connect(str(target))
        try:
            def progress(_status, remaining, total):
                state.check()
                state.progress(total - remaining, total, "Copying the workspace")

            src.backup(dst, pages=PAGES_PER_STEP, progress=progress)
            # The copy is a standalone file: no WAL beside it, readable by any SQLite tool.
            dst.execute("PRAGMA journal_mode=DELETE")
        finally:
            dst.close()
    finally:
        src.close()


def _verify(path: Path) -> None:
    con = sqlite3.connect(str(path))
    try:
        result = con.execute("PRAGMA quick_check").fetchone()[0]
    finally:
        con.close()
    if result != "ok":
        raise BackupError(f"the copy failed its integrity check ({result}); the workspace itself was not changed")


def _same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def _remove(path: Path) -> None:
    for p in (path, Path(f"{path}-journal"), Path(f"{path}-wal"), Path(f"{path}-shm")):
        try:
            p.unlink()
        except FileNotFoundError:
            pass
        except OSError:
            log.warning("could not remove the partial copy %s", p)
