"""Workspace files: creation, migration on open, refusal of files that are not workspaces."""

import sqlite3

import pytest
from sqlalchemy import text

from workbench.domain.errors import WorkspaceError
from workbench.storage import migrate
from workbench.storage.models import Source
from workbench.storage.workspace import open_workspace


def test_new_workspace_is_at_head_with_wal_and_foreign_keys(ws):
    with ws.engine.connect() as conn:
        assert migrate.current_revision(conn) == migrate.head_revision()
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1


def test_missing_workspace_is_an_error_not_a_new_file(tmp_path):
    with pytest.raises(WorkspaceError, match="no workspace"):
        open_workspace(tmp_path / "typo.fcw")
    assert not (tmp_path / "typo.fcw").exists()


def test_non_sqlite_file_is_refused_and_untouched(tmp_path):
    bogus = tmp_path / "notes.fcw"
    bogus.write_bytes(b"just some notes, not a database")
    with pytest.raises(WorkspaceError, match="not a workbench workspace"):
        open_workspace(bogus)
    assert bogus.read_bytes() == b"just some notes, not a database"


def test_old_schema_is_upgraded_and_copied_aside_first(tmp_path):
    path = tmp_path / "old.fcw"
    # A workspace at revision 0001 with one source, written without the app.
    ws = open_workspace(path, create=True)
    with ws.session() as s:
        s.add(Source(title="Kept", body="Body text.", body_hash="x"))
    with ws.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num='0001'"))
    ws.close()
    ws = open_workspace(path)
    with ws.session() as s:
        assert s.query(Source).one().title == "Kept"
    ws.close()
    if migrate.head_revision() != "0001":
        backups = list(tmp_path.glob("old.fcw.pre-0001.bak"))
        assert backups
        con = sqlite3.connect(backups[0])
        assert con.execute("select title from sources").fetchone() == ("Kept",)
        con.close()


def test_fast_head_lookup_agrees_with_alembic():
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(migrate.alembic_config())
    assert script.get_heads() == [migrate.head_revision()]


def test_the_migrated_schema_matches_the_models(ws):
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from workbench.storage.models import Base

    with ws.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    # partial indexes (revision 0005) and the deletion counters kept by triggers (revision 0003) are SQLite
    # details the models do not describe
    diff = [d for d in diff if not (d[0] == "remove_index" and d[1].dialect_options["sqlite"]["where"] is not None)
            and not (d[0] == "remove_table" and d[1].name == "row_deletions")]
    assert diff == []
