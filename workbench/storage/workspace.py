"""A workspace: one SQLite file (WAL, foreign keys on), migrated on open, with one session per action."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import create_engine, event, text
from sqlalchemy.exc import DatabaseError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from workbench.domain.errors import WorkspaceBusy, WorkspaceError
from workbench.paths import default_workspace, index_dir_for
from workbench.storage import migrate

log = logging.getLogger(__name__)

SQLITE_MAGIC = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 10_000


def _on_connect(dbapi_connection, _record) -> None:
    cur = dbapi_connection.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cur.close()


class Workspace:
    """An open workspace file. Create with :func:`open_workspace`; close when done."""

    def __init__(self, path: Path):
        self.path = Path(path)
        self.engine = create_engine(f"sqlite:///{self.path}", future=True)
        event.listen(self.engine, "connect", _on_connect)
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
        except OperationalError as exc:
            session.rollback()
            if "locked" in str(exc) or "busy" in str(exc):
                raise WorkspaceBusy(
                    f"{self.path.name} is busy: another window or command is writing to it; try again"
                ) from exc
            raise
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
    head = migrate.head_revision()
    try:
        with ws.engine.connect() as conn:
            current = migrate.current_revision(conn)
        if current == head:
            return
        if existed:
            backup = migrate.backup_before_migration(ws.path, current)
            log.info("workspace %s copied to %s before migrating %s -> %s", ws.path, backup, current, head)
        with ws.engine.begin() as conn:
            migrate.upgrade(conn)
    except OperationalError as exc:
        if "locked" in str(exc):
            raise WorkspaceBusy(f"{ws.path.name} is busy: another process is upgrading it; try again") from exc
        raise WorkspaceError(f"cannot open workspace {ws.path}: {exc.orig}") from exc
    except DatabaseError as exc:
        raise WorkspaceError(f"workspace {ws.path} is damaged: {exc.orig}; run `workbench doctor`") from exc


def integrity_ok(ws: Workspace) -> bool:
    with ws.engine.connect() as conn:
        return conn.execute(text("PRAGMA quick_check")).scalar() == "ok"
