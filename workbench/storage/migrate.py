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


def backup_before_migration(path: Path, revision: str | None) -> Path:
    """Copy the workspace aside (SQLite online backup, so WAL content is included)."""
    target = path.with_name(f"{path.name}.pre-{revision or 'base'}.bak")
    src = sqlite3.connect(str(path))
    try:
        dst = sqlite3.connect(str(target))
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()
    return target


def upgrade(connection: Connection) -> None:
    command.upgrade(alembic_config(connection), "head")


def copy_file(src: Path, dst: Path) -> None:
    shutil.copy2(src, dst)
