"""A workspace: one SQLite file (WAL, foreign keys on), migrated on open, with one session per action."""

from __future__ import annotations

import functools
import logging
import os
import sqlite3
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import ParamSpec, TypeVar

from sqlalchemy import create_engine, event, text
from sqlalchemy.engine import Connection
from sqlalchemy.exc import DatabaseError, IntegrityError, OperationalError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import NullPool

from workbench.domain.errors import WorkspaceBusy, WorkspaceError
from workbench.paths import default_workspace, index_dir_for
from workbench.storage import migrate

log = logging.getLogger(__name__)

SQLITE_MAGIC = b"SQLite format 3\x00"
# How long a write waits for another process's write to finish before saying "busy".
BUSY_TIMEOUT_MS = int(os.environ.get("WORKBENCH_BUSY_TIMEOUT_MS") or 10_000)
CONFLICT_ATTEMPTS = 3

P = ParamSpec("P")
T = TypeVar("T")


def _on_connect(dbapi_connection, _record) -> None:
    cur = dbapi_connection.cursor()
    cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.close()


def _on_connect_for_migration(dbapi_connection, _record) -> None:
    # Schema changes follow SQLite's recipe: foreign keys off (a table rebuilt by a batch migration must not
    # cascade-delete the rows pointing at it), one explicit transaction, a foreign_key_check before commit.
    dbapi_connection.isolation_level = None
    cur = dbapi_connection.cursor()
    cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA foreign_keys=OFF")
    cur.close()


def _log_translated(name: str, context) -> None:
    # Logged here, where the low-level details are known: callers may report it in one line (an import's list).
    log.warning("SQLite error on %s: %s: %s (statement: %.200s)", name, type(context.original_exception).__name__,
                context.original_exception, context.statement)


def _translate_error(context) -> None:
    """Turn SQLite's low-level failures into errors that tell the user what happened and what to do."""
    original = context.original_exception
    message = str(original).lower()
    name = context.engine.url.database if context.engine is not None else "the workspace"
    name = Path(name).name if name else "the workspace"
    if "database is locked" in message or "database table is locked" in message:
        _log_translated(name, context)
        raise WorkspaceBusy(
            f"{name} is busy: another window or command is writing to it; try again when it has finished"
        ) from original
    if "disk is full" in message or "disk i/o error" in message:
        _log_translated(name, context)
        raise WorkspaceError(
            f"cannot write to {name}: {original}; free some disk space and try again (nothing was changed)"
        ) from original
    if "readonly database" in message or "read-only" in message:
        _log_translated(name, context)
        raise WorkspaceError(
            f"{name} is read-only; copy it to a folder you can write to, or fix its permissions"
        ) from original
    if "malformed" in message or "not a database" in message or "file is encrypted" in message:
        _log_translated(name, context)
        raise WorkspaceError(
            f"{name} is damaged ({original}); run `workbench doctor {name}` and restore from a copy if needed"
        ) from original


class Workspace:
    """An open workspace file. Create with :func:`open_workspace`; close when done."""

    def __init__(self, path: Path):
        self.path = Path(path)
        self.engine = create_engine(f"sqlite:///{self.path}", future=True)
        event.listen(self.engine, "connect", _on_connect)
        event.listen(self.engine, "handle_error", _translate_error)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)

    @property
    def index_dir(self) -> Path:
        return index_dir_for(self.path)

    @contextmanager
    def session(self) -> Iterator[Session]:
        """One session for one user action: committed on success, rolled back on any error."""
        session = self._sessions()
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Workspace:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def _check_is_sqlite(path: Path) -> None:
    try:
        with path.open("rb") as fh:
            head = fh.read(16)
    except OSError as exc:
        raise WorkspaceError(f"cannot read workspace {path}: {exc.strerror or exc}") from exc
    if head and head != SQLITE_MAGIC:
        raise WorkspaceError(f"{path} is not a workbench workspace (not an SQLite file)")


def open_workspace(path: Path | str | None = None, *, create: bool = False) -> Workspace:
    """Open (and migrate) the workspace at ``path``; the default one when ``path`` is None.

    With ``create=False`` a missing file is an error, so a typo never silently makes a new workspace.
    """
    if path is None:
        path = default_workspace()
        create = True
    path = Path(path).expanduser()
    exists = path.exists() and path.stat().st_size > 0
    if not exists and not create:
        raise WorkspaceError(f"no workspace at {path}; create one with `workbench init {path}`")
    if exists:
        if path.is_dir():
            raise WorkspaceError(f"{path} is a folder, not a workspace file")
        _check_is_sqlite(path)
    else:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise WorkspaceError(f"cannot create {path.parent}: {exc.strerror or exc}") from exc
    ws = Workspace(path)
    try:
        _migrate(ws, existed=exists)
    except BaseException:
        ws.close()
        raise
    return ws


def _migrate(ws: Workspace, *, existed: bool) -> None:
    """Bring the schema to the head revision: one locked transaction, a copy set aside first.

    Two processes opening an old workspace at once are serialised by BEGIN IMMEDIATE; the second finds the work
    done. A crash mid-way rolls back to the old schema, and the copy stays beside the file in any case.
    """
    head = migrate.head_revision()
    try:
        with ws.engine.connect() as conn:
            current = migrate.current_revision(conn)
            _refuse_foreign(ws.path, conn, current)
        if current == head:
            return
        with migration_connection(ws.path) as conn:
            current = migrate.current_revision(conn)
            if current != head:
                if existed and _has_tables(conn):
                    backup = _set_aside(ws.path, current)
                    log.info("workspace %s copied to %s before migrating %s -> %s", ws.path, backup, current, head)
                migrate.upgrade(conn)
    except OperationalError as exc:
        raise WorkspaceError(f"cannot upgrade workspace {ws.path}: {exc.orig}") from exc
    except DatabaseError as exc:
        raise WorkspaceError(f"workspace {ws.path} is damaged: {exc.orig}; run `workbench doctor`") from exc


@contextmanager
def migration_connection(path: Path) -> Iterator[Connection]:
    """A connection for schema changes, in SQLite's recommended form (foreign keys off, BEGIN IMMEDIATE).

    Commits only if ``PRAGMA foreign_key_check`` finds nothing broken; any error rolls the whole change back.
    """
    engine = create_engine(f"sqlite:///{path}", future=True, poolclass=NullPool)
    event.listen(engine, "connect", _on_connect_for_migration)
    event.listen(engine, "handle_error", _translate_error)
    try:
        with engine.connect() as conn:
            conn.exec_driver_sql("BEGIN IMMEDIATE")
            try:
                yield conn
                broken = conn.exec_driver_sql("PRAGMA foreign_key_check").all()
                if broken:
                    raise WorkspaceError(
                        f"upgrading {Path(path).name} would leave {len(broken)} rows pointing nowhere; it was left "
                        "unchanged. Please report this with the log file"
                    )
                conn.commit()
            except BaseException:
                conn.rollback()
                raise
    finally:
        engine.dispose()


def _has_tables(conn) -> bool:
    return conn.exec_driver_sql(
        "SELECT count(*) FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'"
    ).scalar() > 0


def _refuse_foreign(path: Path, conn, current: str | None) -> None:
    """Never add our tables to another program's database, nor downgrade-by-accident a newer workspace."""
    if current is None and _has_tables(conn):
        raise WorkspaceError(f"{path} is an SQLite database of another program, not a workbench workspace")
    if current is not None and not migrate.is_known_revision(current):
        raise WorkspaceError(
            f"{path.name} was saved by a newer version of the workbench (schema {current}); update the app to open it"
        )


def _set_aside(path: Path, revision: str | None) -> Path:
    try:
        return migrate.backup_before_migration(path, revision)
    except (OSError, sqlite3.Error) as exc:
        raise WorkspaceError(
            f"could not save a copy of {path.name} before upgrading it ({exc}); free some disk space and retry "
            "(the workspace was not changed)"
        ) from exc


def retry_on_conflict(action: Callable[P, T]) -> Callable[P, T]:
    """Decorate a read-compute-write action so it runs again when another process wrote the same rows first.

    SQLite lets two processes read at once and serialises their writes; the second writer of a row that must be
    unique (a link between two claims) then fails with IntegrityError. Running the action again reads the
    other's work and updates it instead.
    """
    @functools.wraps(action)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> T:
        for attempt in range(1, CONFLICT_ATTEMPTS + 1):
            try:
                return action(*args, **kwargs)
            except IntegrityError as exc:
                if attempt == CONFLICT_ATTEMPTS:
                    raise
                log.info("%s met a concurrent write (%s); running it again", action.__name__, exc.orig)
                time.sleep(0.05 * attempt)
        raise AssertionError("unreachable")

    return wrapper


def integrity_ok(ws: Workspace) -> bool:
    with ws.engine.connect() as conn:
        return conn.execute(text("PRAGMA quick_check")).scalar() == "ok"
