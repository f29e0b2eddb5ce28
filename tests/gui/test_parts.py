"""Smaller parts of the window: background jobs, offsets, highlighting helpers, drag and drop, settings."""

from __future__ import annotations

import threading

import pytest

from workbench.gui.article import OffsetMap
from workbench.gui.crosscheck import highlight_spans
from workbench.gui.qt import QtCore, QtGui, Qt
from workbench.gui.search import query_terms, snippet_html
from workbench.gui.tasks import TaskManager
from workbench.tasks import Cancelled

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("does not support propagateSizeHints")]


def test_job_result_arrives_on_the_gui_thread(qtbot):
    tasks = TaskManager()
    seen = {}

    def work(state):
        seen["worker"] = threading.current_thread()
        state.progress(1, 2, "half")
        return 42

    def done(result):
        seen["result"], seen["callback"] = result, threading.current_thread()

    job = tasks.run("answer", work, success=done)
    with qtbot.waitSignal(job.sig_finished, timeout=5000):
        pass
    assert seen["result"] == 42
    assert seen["callback"] is threading.main_thread() is not seen["worker"]
    assert not tasks.busy()


def test_job_errors_and_cancel_reach_the_failure_callback(qtbot):
    tasks = TaskManager()
    started, errors = threading.Event(), []

    def slow(state):
        started.set()
        while True:
            state.check()

    job = tasks.run("slow", slow, failure=errors.append)
    assert started.wait(5)
    job.cancel()
    qtbot.waitUntil(lambda: bool(errors), timeout=5000)
    assert isinstance(errors[0], Cancelled) and job.cancelled

    def broken(state):
        raise ValueError("bad input")

    tasks.run("broken", broken, failure=errors.append)
    qtbot.waitUntil(lambda: len(errors) == 2, timeout=5000)
    assert isinstance(errors[1], ValueError)


def test_offsets_map_python_to_qt_positions_past_astral_characters(qapp):
    text = "Fire 🔥 at 2 a.m. 🚒 on Pier 7"
    offsets = OffsetMap(text)
    doc = QtGui.QTextDocument()
    doc.setPlainText(text)
    for i in range(len(text) + 1):
        assert offsets.to_py(offsets.to_qt(i)) == i
    pier = text.index("Pier")
    cursor = QtGui.QTextCursor(doc)
    cursor.setPosition(offsets.to_qt(pier))
    cursor.setPosition(offsets.to_qt(pier + 6), QtGui.QTextCursor.MoveMode.KeepAnchor)
    assert cursor.selectedText() == "Pier 7"


def test_highlighting_escapes_text():
    html = highlight_spans("<b>1,500</b> people", [(3, 8)], "#fcc")
    assert "&lt;b&gt;" in html and ">1,500<" in html
    assert "<script>" not in snippet_html("<script>x</script> fire", ["fire"])
    marked = snippet_html("the «fire» at <Pier 7>", [])
    assert ">fire</b>" in marked and "&lt;Pier 7&gt;" in marked and "«" not in marked
    assert query_terms('title:fire "Pier 7" AND solvents*') == ["solvents", "Pier 7", "fire"]


def test_dropping_a_folder_imports_it(window, qtbot, tmp_path):
    folder = tmp_path / "drop"
    folder.mkdir()
    (folder / "note.md").write_text("---\ntitle: Dropped note\noutlet: Test Wire\n---\n\n"
                                    "Officials said 37 boats left the harbour on Friday.\n", encoding="utf-8")
    count = window.sources.model.rowCount()
    mime = QtCore.QMimeData()
    mime.setUrls([QtCore.QUrl.fromLocalFile(str(folder))])
    pos = QtCore.QPointF(20, 20)
    event = QtGui.QDropEvent(pos, Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                             Qt.KeyboardModifier.NoModifier)
    window.sources.dropEvent(event)
    qtbot.waitUntil(lambda: not window.tasks.busy() and window.sources.model.rowCount() == count + 1,
                    timeout=60_000)


def test_layout_and_recent_workspaces_are_remembered(window, tmp_path, sample_ws_path):
    from workbench.gui.settings import Settings

    window.close()
    settings = Settings(tmp_path / "gui.ini")
    geometry, state, splitter = settings.layout()
    assert geometry is not None and state is not None and splitter is not None
    assert settings.recent()[0] == sample_ws_path.resolve()


def test_many_void_qt_calls_never_exhaust_none(qapp):
    """PySide6 6.12.0 on Python 3.11 drops a reference to None per void call; the guard keeps Python alive."""
    import sys

    from workbench.gui import nonefix

    nonefix.install(qapp)
    doc = QtGui.QTextDocument()
    doc.setPlainText("x" * 50)
    cursor = QtGui.QTextCursor(doc)
    for i in range(300_000):
        cursor.setPosition(i % 40)
        if i % 50_000 == 0:
            nonefix.top_up()   # what the guard's timer does between events
    assert sys.getrefcount(None) > 100_000
