"""Applying Alembic migrations to a workspace file, with a copy set aside first."""

from __future__ import annotations

import functools
import re
import shutil
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import text
from sqlalchemy.engine import Connection

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
_REVISION = re.compile(r"^(down_revision|revision)\s*=\s*['\"]?([\w]+|None)['\"]?", re.M)


def alembic_config(connection: Connection | None = None) -> Config:
    # Alembic is imported only when a migration really runs: opening an up-to-date workspace stays fast.
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    if connection is not None:
        cfg.attributes["connection"] = connection
    return cfg


@functools.cache
def _revision_graph() -> dict[str, str | None]:
    """revision -> down_revision, read from the version files without importing Alembic."""
    graph: dict[str, str | None] = {}
    for path in (MIGRATIONS / "versions").glob("*.py"):
        found = dict((k, v) for k, v in _REVISION.findall(path.read_text(encoding="utf-8")))
        if "revision" in found:
            down = found.get("down_revision")
            graph[found["revision"]] = None if down in (None, "None") else down
    return graph


def head_revision() -> str:
    graph = _revision_graph()
    heads = set(graph) - {down for down in graph.values() if down}
    if len(heads) != 1:
        raise RuntimeError(f"the migrations must have exactly one head, found {sorted(heads)}")
    return heads.pop()


def current_revision(connection: Connection) -> str | None:
    has_table = connection.execute(
        text("SELECT 1 FROM sqlite_master WHERE type='table' AND name='alembic_version'")
    ).scalar()
    if not has_table:
        return None
    return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()


def is_known_revision(revision: str) -> bool:
    return revision in _revision_graph()


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
    from alembic import command

    command.upgrade(alembic_config(connection), "head")


def copy_file(src: Path, dst: Path) -> None:
    shutil.copy2(src, dst)
