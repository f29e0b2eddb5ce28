"""Applying Alembic migrations to a workspace file, with a copy set aside first."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy.engine import Connection

MIGRATIONS = Path(__file__).resolve().parent / "migrations"


def alembic_config(connection: Connection | None = None) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    if connection is not None:
        cfg.attributes["connection"] = connection
    return cfg


def head_revision() -> str:
    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def current_revision(connection: Connection) -> str | None:
    return MigrationContext.configure(connection).get_current_revision()


def is_known_revision(revision: str) -> bool:
    try:
        return ScriptDirectory.from_config(alembic_config()).get_revision(revision) is not None
    except Exception:  # alembic raises its own errors for unknown or malformed ids
        return False


def backup_before_migration(path: Path, revision: str | None) -> Path:
    """Copy the workspace aside (SQLite online backup, so WAL content is included).

    An earlier copy is never overwritten (``NAME.pre-REV.bak``, then ``.2.bak``...); the copy is written under a
    temporary name, checked, then renamed, so a crash never leaves a half copy under a copy's name.
    """
    base = f"{path.name}.pre-{revision or 'base'}"
    target = path.with_name(f"{base}.bak")
    n = 2
    while target.exists():
        target = path.with_name(f"{base}.{n}.bak")
        n += 1
    partial = path.with_name(f".{target.name}.partial")
    src = sqlite3.connect(str(path), timeout=10)
    try:
        dst = sqlite3.connect(str(partial))
        try:
            src.backup(dst)
            dst.execute("PRAGMA journal_mode=DELETE")
            check = dst.execute("PRAGMA quick_check").fetchone()[0]
        finally:
            dst.close()
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    finally:
        src.close()
    if check != "ok":
        partial.unlink(missing_ok=True)
        raise sqlite3.DatabaseError(f"the copy failed its check: {check}")
    partial.replace(target)
    return target


def upgrade(connection: Connection) -> None:
    command.upgrade(alembic_config(connection), "head")


def copy_file(src: Path, dst: Path) -> None:
    shutil.copy2(src, dst)
