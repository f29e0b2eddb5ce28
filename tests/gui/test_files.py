"""File actions through their file dialogs: New Workspace, Save a Copy, Open Recent and Import URL."""

from __future__ import annotations

import functools
from http.server import SimpleHTTPRequestHandler
from pathlib import Path

import pytest

from tests.ingest.samples import LIBRARY, html_page
from tests.local_server import local_server
from workbench.gui.qt import QtWidgets
from workbench.storage.workspace import open_workspace

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("does not support propagateSizeHints")]


@pytest.fixture
def empty_window(qtbot, tmp_path):
    from workbench.gui.app import application
    from workbench.gui.mainwindow import MainWindow
    from workbench.gui.settings import Settings

    application()
    win = MainWindow(Settings(tmp_path / "gui.ini"), restore_layout=False)
    qtbot.addWidget(win)
    yield win
    win.close_workspace()


def answer_save_dialog(monkeypatch, answer: Path | None) -> list[tuple]:
    """Answer QFileDialog.getSaveFileName with `answer` (None: Cancel); returns the calls it received."""
    calls = []

    def dialog(parent, caption="", directory="", filter="", *args, **kwargs):
        calls.append((caption, directory))
        return (str(answer) if answer else "", "")

    monkeypatch.setattr(QtWidgets.QFileDialog, "getSaveFileName", dialog)
    return calls


def source_count(path: Path) -> int:
    from sqlalchemy import func, select

    from workbench.storage.models import Source

    with open_workspace(path) as ws, ws.session() as session:
        return session.scalar(select(func.count()).select_from(Source).where(Source.deleted_at.is_(None)))


# ---------------------------------------------------------------------------------------------- New Workspace
def test_new_workspace_is_created_opened_and_remembered(empty_window, qtbot, tmp_path, monkeypatch):
    calls = answer_save_dialog(monkeypatch, tmp_path / "cases" / "harbour")
    (tmp_path / "cases").mkdir()
    empty_window.act_new.trigger()
    created = tmp_path / "cases" / "harbour.fcw"          # the suffix is added when the name has none
    assert empty_window.ws is not None and empty_window.ws.path == created.resolve()
    assert created.is_file()
    assert empty_window.act_import_url.isEnabled() and empty_window.act_save_copy.isEnabled()
    assert "harbour.fcw" in empty_window.windowTitle()
    assert empty_window.settings.recent()[0] == created.resolve()
    assert calls[0][0] == "New workspace"
    assert empty_window.settings.last_dir == str(created.parent.resolve())


def test_new_workspace_never_replaces_an_existing_one(window, qtbot, sample_ws_path, monkeypatch):
    count = window.sources.model.rowCount()
    answer_save_dialog(monkeypatch, sample_ws_path)
    window.act_new.trigger()
    assert "already exists" in window.last_error
    assert window.ws.path == sample_ws_path.resolve() and source_count(sample_ws_path) == count


def test_cancelled_new_workspace_changes_nothing(window, monkeypatch, sample_ws_path):
    answer_save_dialog(monkeypatch, None)
    window.act_new.trigger()
    assert window.ws.path == sample_ws_path.resolve()


# ---------------------------------------------------------------------------------------------- Save a Copy
def test_save_a_copy_writes_a_workspace_that_opens(window, qtbot, tmp_path, monkeypatch):
    count = window.sources.model.rowCount()
    calls = answer_save_dialog(monkeypatch, tmp_path / "backup")
    window.act_save_copy.trigger()
    copy = tmp_path / "backup.fcw"                           # the suffix is added when the name has none
    qtbot.waitUntil(lambda: not window.tasks.busy() and copy.exists(), timeout=30_000)
    assert calls[0][1].endswith("case-copy.fcw")
    assert source_count(copy) == count
    assert str(copy) in window.statusBar().currentMessage()
    assert window.ws.path.name == "case.fcw"                 # the open workspace stays the original


def test_a_copy_onto_the_workspace_itself_is_refused(window, qtbot, sample_ws_path, monkeypatch):
    count = window.sources.model.rowCount()
    answer_save_dialog(monkeypatch, sample_ws_path)
    window.last_error = ""
    window.act_save_copy.trigger()
    qtbot.waitUntil(lambda: not window.tasks.busy() and bool(window.last_error), timeout=30_000)
    assert "is the workspace itself" in window.last_error
    assert source_count(sample_ws_path) == count


def test_open_workspace_dialog_opens_and_remembers_the_folder(empty_window, sample_ws_path, monkeypatch):
    monkeypatch.setattr(QtWidgets.QFileDialog, "getOpenFileName", lambda *a, **k: (str(sample_ws_path), ""))
    empty_window.act_open.trigger()
    assert empty_window.ws.path == sample_ws_path.resolve()
    assert empty_window.settings.last_dir == str(sample_ws_path.parent.resolve())


# ---------------------------------------------------------------------------------------------- Open Recent
def recent_actions(win) -> list:
    win.recent_menu.aboutToShow.emit()
    return win.recent_menu.actions()


def test_open_recent_lists_the_last_workspaces_and_opens_one(empty_window, qtbot, tmp_path):
    first, second = tmp_path / "first.fcw", tmp_path / "second.fcw"
    assert empty_window.open_workspace(first, create=True)
    assert empty_window.open_workspace(second, create=True)
    actions = recent_actions(empty_window)
    assert [a.text() for a in actions] == [str(second.resolve()), str(first.resolve())]
    actions[1].trigger()
    assert empty_window.ws.path == first.resolve()
    assert [a.text() for a in recent_actions(empty_window)] == [str(first.resolve()), str(second.resolve())]


def test_open_recent_leaves_out_workspaces_that_are_gone(empty_window, tmp_path):
    kept, gone = tmp_path / "kept.fcw", tmp_path / "gone.fcw"
    assert empty_window.open_workspace(gone, create=True)
    assert empty_window.open_workspace(kept, create=True)
    empty_window.close_workspace()
    gone.unlink()
    assert [a.text() for a in recent_actions(empty_window)] == [str(kept.resolve())]


def test_open_recent_when_there_is_none(empty_window):
    actions = recent_actions(empty_window)
    assert [a.text() for a in actions] == ["No recent workspaces"] and not actions[0].isEnabled()


# ---------------------------------------------------------------------------------------------- Import URL
@pytest.fixture
def site(tmp_path):
    """A local web server (127.0.0.1, no outside network) serving one article page written here."""
    root = tmp_path / "site"
    root.mkdir()
    page = html_page(title="Libraries stay open", site="Brennholm Courier", paragraphs=LIBRARY,
                     published="2025-03-04")
    (root / "libraries.html").write_text(page, encoding="utf-8")

    class Quiet(SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    with local_server(functools.partial(Quiet, directory=str(root))) as url:
        yield url


def answer_url_dialog(monkeypatch, text: str, ok: bool = True) -> None:
    monkeypatch.setattr(QtWidgets.QInputDialog, "getText", lambda *a, **k: (text, ok))


def test_import_url_fetches_the_page_and_opens_it(empty_window, qtbot, tmp_path, site, monkeypatch):
    assert empty_window.open_workspace(tmp_path / "web.fcw", create=True)
    answer_url_dialog(monkeypatch, f"  {site}/libraries.html  ")
    empty_window.act_import_url.trigger()
    qtbot.waitUntil(lambda: not empty_window.tasks.busy() and empty_window.sources.model.rowCount() == 1,
                    timeout=60_000)
    row = empty_window.sources.model.source_at(0)
    assert row.title == "Libraries stay open"
    assert empty_window.article.body.startswith("The city council of Brennholm voted")
    with empty_window.ws.session() as session:
        from workbench.services import views

        assert views.article(session, row.id)["url"] == f"{site}/libraries.html"


def test_import_url_that_fails_names_the_address_and_the_reason(empty_window, qtbot, tmp_path, site,
                                                                 monkeypatch):
    assert empty_window.open_workspace(tmp_path / "web.fcw", create=True)
    answer_url_dialog(monkeypatch, f"{site}/missing.html")
    empty_window.last_error = ""
    empty_window.act_import_url.trigger()
    qtbot.waitUntil(lambda: not empty_window.tasks.busy() and bool(empty_window.last_error), timeout=30_000)
    assert f"{site}/missing.html" in empty_window.last_error and "404" in empty_window.last_error
    assert empty_window.sources.model.rowCount() == 0


def test_cancelled_import_url_fetches_nothing(empty_window, qtbot, tmp_path, monkeypatch):
    assert empty_window.open_workspace(tmp_path / "web.fcw", create=True)
    qtbot.waitUntil(lambda: not empty_window.tasks.busy(), timeout=10_000)
    answer_url_dialog(monkeypatch, "http://127.0.0.1:9/never", ok=False)
    empty_window.act_import_url.trigger()
    assert not empty_window.tasks.busy()


# ---------------------------------------------------------------------------------------------- Import Files
def test_a_pdf_that_cannot_be_read_is_named_with_its_reason(empty_window, qtbot, tmp_path, monkeypatch):
    from tests.ingest.samples import WIND, ascii_only, pdf_bytes, wrap

    bad = tmp_path / "giant-array.pdf"
    bad.write_bytes(pdf_bytes([wrap(ascii_only(WIND[0]))], raw_ops="[" + "(a) " * 100_001 + "] TJ"))
    assert empty_window.open_workspace(tmp_path / "files.fcw", create=True)
    monkeypatch.setattr(QtWidgets.QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(bad)], ""))
    empty_window.last_error = ""
    empty_window.act_import_files.trigger()
    qtbot.waitUntil(lambda: not empty_window.tasks.busy() and bool(empty_window.last_error), timeout=30_000)
    assert "giant-array.pdf: the PDF trips a safety limit of the PDF reader" in empty_window.last_error
    assert empty_window.settings.last_dir == str(tmp_path)
