"""Backups: `workbench backup` copies a workspace in use; an old workspace is copied aside before an upgrade."""

import sqlite3

import pytest
from sqlalchemy import text

from tests.reliability.helpers import add_source, run_cli, two_linked_sources
from workbench.domain.errors import WorkspaceError
from workbench.services.backup import BackupError, backup_workspace
from workbench.storage import migrate
from workbench.storage.models import Claim, Source
from workbench.storage.workspace import open_workspace


def rows(path, sql):
    con = sqlite3.connect(path)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def test_backup_of_an_open_workspace_holds_its_committed_work(ws, tmp_path):
    ids = two_linked_sources(ws)
    # The workspace stays open with its latest writes still in the WAL file: the copy must include them.
    with ws.session() as s:
        add_source(s, "late", "Written just before the copy was taken, still in the WAL.", [])
    out = tmp_path / "copies" / "copy.fcw"
    out.parent.mkdir()
    result = backup_workspace(ws.path, out)
    assert result["bytes"] == out.stat().st_size
    assert rows(out, "PRAGMA integrity_check") == [("ok",)]
    assert rows(out, "select title from sources order by id") == [("alpha",), ("beta",), ("late",)]
    assert rows(out, "PRAGMA journal_mode") == [("delete",)]   # a standalone file, no -wal needed
    with open_workspace(out) as copy, copy.session() as s:
        assert s.get(Claim, ids["a_claims"][0]).text == "The council said 1,200 homes lost power."
    assert list(out.parent.iterdir()) == [out]               # no temporary file left behind


def test_backup_refuses_to_overwrite_unless_asked(ws, tmp_path):
    two_linked_sources(ws)
    out = tmp_path / "copy.fcw"
    out.write_bytes(b"an earlier, precious file")
    with pytest.raises(BackupError, match="already exists"):
        backup_workspace(ws.path, out)
    assert out.read_bytes() == b"an earlier, precious file"
    backup_workspace(ws.path, out, overwrite=True)
    assert rows(out, "select count(*) from sources") == [(2,)]
    with pytest.raises(BackupError, match="the workspace itself"):
        backup_workspace(ws.path, ws.path, overwrite=True)


def test_backup_into_a_missing_folder_is_a_clear_error(ws, tmp_path):
    with pytest.raises(BackupError, match="does not exist"):
        backup_workspace(ws.path, tmp_path / "nowhere" / "copy.fcw")


def test_backup_of_a_file_that_is_not_a_workspace_is_refused(tmp_path):
    bogus = tmp_path / "notes.fcw"
    bogus.write_bytes(b"plain notes " * 400)
    with pytest.raises(WorkspaceError, match="damaged or not a workspace"):
        backup_workspace(bogus, tmp_path / "copy.fcw")
    assert not (tmp_path / "copy.fcw").exists()


def test_cli_backup(ws_path, tmp_path):
    ws = open_workspace(ws_path, create=True)
    two_linked_sources(ws)
    ws.close()
    out = run_cli("backup", ws_path, tmp_path / "b.fcw")
    assert out.returncode == 0 and "saved a copy" in out.stdout
    again = run_cli("backup", ws_path, tmp_path / "b.fcw")
    assert again.returncode == 1
    assert again.stderr.strip() == f"error: {tmp_path / 'b.fcw'} already exists; choose another name or pass " \
                                   "--overwrite to replace it"


def _older_workspace(path):
    """A real workspace at the revision before head, holding one source (downgraded by Alembic itself)."""
    ws = open_workspace(path, create=True)
    with ws.session() as s:
        add_source(s, "kept", "This article was written before the upgrade.", ["This article was written"])
    from alembic.script import ScriptDirectory

    previous = ScriptDirectory.from_config(migrate.alembic_config()).get_revision(
        migrate.head_revision()).down_revision
    if previous is not None:
        from alembic import command

        with ws.engine.begin() as conn:
            command.downgrade(migrate.alembic_config(conn), previous)
    ws.close()
    return previous


def test_an_older_workspace_is_copied_aside_before_its_schema_is_upgraded(tmp_path):
    path = tmp_path / "old.fcw"
    previous = _older_workspace(path)
    if previous is None:
        # Only one revision so far: simulate the pre-Alembic state, an existing file with data and no version.
        con = sqlite3.connect(path)
        con.execute("DROP TABLE alembic_version")
        con.commit()
        con.close()
        with pytest.raises(WorkspaceError, match="another program"):
            open_workspace(path)
        pytest.skip("no older revision to upgrade from yet")
    with open_workspace(path) as ws, ws.engine.connect() as conn:
        assert migrate.current_revision(conn) == migrate.head_revision()
        assert conn.execute(text("select title from sources")).all() == [("kept",)]
    copy = tmp_path / f"old.fcw.pre-{previous}.bak"
    assert rows(copy, "select version_num from alembic_version") == [(previous,)]
    assert rows(copy, "select title from sources") == [("kept",)]


def test_an_earlier_copy_is_never_overwritten(tmp_path):
    path = tmp_path / "ws.fcw"
    ws = open_workspace(path, create=True)
    with ws.session() as s:
        add_source(s, "one", "First article body.", [])
    ws.close()
    first = migrate.backup_before_migration(path, "0001")
    second = migrate.backup_before_migration(path, "0001")
    assert (first.name, second.name) == ("ws.fcw.pre-0001.bak", "ws.fcw.pre-0001.2.bak")
    assert rows(second, "select title from sources") == [("one",)]


def test_schema_changes_run_with_foreign_keys_off_so_rebuilt_tables_keep_their_children(ws):
    """A batch migration recreates a table (copy, drop, rename); with foreign keys on, SQLite's DROP TABLE would
    cascade-delete every claim of every source. The workspace's migration connection must prevent that."""
    from alembic.migration import MigrationContext
    from alembic.operations import Operations
    import sqlalchemy as sa

    from workbench.storage.workspace import migration_connection

    ids = two_linked_sources(ws)
    with migration_connection(ws.path) as conn:
        ops = Operations(MigrationContext.configure(conn))
        with ops.batch_alter_table("sources", recreate="always") as batch:
            batch.add_column(sa.Column("probe", sa.String(), nullable=True))
    with ws.session() as s:
        assert s.get(Source, ids["a"]) is not None
        assert sorted(c.id for c in s.query(Claim)) == sorted(ids["a_claims"] + ids["b_claims"])


def test_a_workspace_from_a_newer_app_is_refused_untouched(tmp_path):
    path = tmp_path / "new.fcw"
    open_workspace(path, create=True).close()
    con = sqlite3.connect(path)
    con.execute("UPDATE alembic_version SET version_num='9999_from_the_future'")
    con.commit()
    con.close()
    before = path.read_bytes()
    with pytest.raises(WorkspaceError, match="newer version"):
        open_workspace(path)
    assert path.read_bytes() == before
