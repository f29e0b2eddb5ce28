"""Errors a user can act on: each CLI failure says what happened and what to do, and is logged with details."""

import os
import sqlite3

import pytest

from tests.reliability.helpers import run_cli, two_linked_sources
from workbench.storage.workspace import open_workspace


def log_text() -> str:
    path = os.path.join(os.environ["WORKBENCH_LOG_DIR"], "workbench.log")
    with open(path, encoding="utf-8") as fh:
        return fh.read()


def assert_clear_failure(out, *fragments):
    assert out.returncode == 1, (out.returncode, out.stderr)
    assert "Traceback" not in out.stderr and "Traceback" not in out.stdout
    first = out.stderr.strip().splitlines()[-1]
    assert first.startswith("error: ")
    for fragment in fragments:
        assert fragment in first, first
    return first


@pytest.fixture
def filled(ws_path):
    ws = open_workspace(ws_path, create=True)
    two_linked_sources(ws)
    ws.close()
    return ws_path


def test_missing_workspace_says_how_to_create_one(tmp_path):
    out = run_cli("sources", tmp_path / "typo.fcw")
    assert_clear_failure(out, "no workspace at", "workbench init")
    assert not (tmp_path / "typo.fcw").exists()
    assert "sources failed: no workspace at" in log_text()
    assert "argv: sources" in log_text()


def test_a_file_that_is_not_a_workspace_is_refused(tmp_path):
    notes = tmp_path / "notes.fcw"
    notes.write_text("meeting notes, not a database\n" * 50)
    assert_clear_failure(run_cli("sources", notes), "not a workbench workspace")


def test_a_damaged_workspace_points_to_doctor(filled):
    data = bytearray(filled.read_bytes())
    data[4096 * 1: 4096 * 1 + 64] = b"\xa5" * 64          # the schema's own page
    filled.write_bytes(bytes(data))
    line = assert_clear_failure(run_cli("sources", filled), "damaged", "workbench doctor")
    assert "caused by DatabaseError" in log_text(), line


def test_busy_workspace_is_a_clear_message_not_a_hang(filled, tmp_path):
    article = tmp_path / "late.txt"
    article.write_text("A late article\n\nThe storm moved east on Tuesday, officials said.\n")
    holder = sqlite3.connect(filled)
    holder.execute("BEGIN EXCLUSIVE")            # another process in the middle of a long write
    try:
        out = run_cli("import", filled, article, "--no-extract", env_extra={"WORKBENCH_BUSY_TIMEOUT_MS": "300"})
    finally:
        holder.rollback()
        holder.close()
    assert out.returncode == 1
    assert "busy" in out.stderr and "try again" in out.stderr and "Traceback" not in out.stderr
    assert "SQLite error on case.fcw: OperationalError: database is locked (statement: INSERT" in log_text()


def test_bad_query_says_what_is_wrong(filled):
    line = assert_clear_failure(run_cli("search", filled, "(flood OR"), "never closed", "add ')'")
    assert f"search failed: {line[len('error: '):]}" in log_text()


def test_unwritable_export_target_is_explained(filled, tmp_path):
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        out = run_cli("export", filled, "--format", "markdown", "--all", "-o", locked / "sub" / "brief.md")
    finally:
        locked.chmod(0o700)
    if out.returncode == 2 and "invalid choice" in out.stderr:
        pytest.skip("no export command yet")
    assert "Traceback" not in out.stderr
    assert out.returncode == 1, out.stderr
    assert out.stderr.startswith("error: ")


def test_a_workspace_path_that_cannot_be_created_is_explained(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    assert_clear_failure(run_cli("init", blocker / "ws.fcw"), "cannot create")


def test_an_uncaught_error_in_a_worker_thread_reaches_the_log(tmp_path):
    """The GUI runs jobs in threads: a bug there must leave a traceback in the log, not vanish."""
    script = (
        "import threading\n"
        "from workbench.logs import setup_logging\n"
        "setup_logging()\n"
        "def job():\n"
        "    raise ValueError('bug in a background job')\n"
        "t = threading.Thread(target=job, name='importer'); t.start(); t.join()\n"
    )
    import subprocess
    import sys

    subprocess.run([sys.executable, "-c", script], capture_output=True, timeout=60, check=True)
    text = log_text()
    assert "uncaught error in thread importer" in text and "ValueError: bug in a background job" in text
    assert "Traceback" in text and "Python 3." in text
