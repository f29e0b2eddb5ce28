"""Flows through the real window offscreen: selecting, verdicts, manual claims, search, brief, import, trash."""

from __future__ import annotations

import pytest
from docx import Document

from workbench.gui.qt import QtCore, QtGui, QtWidgets, Qt
from workbench.paths import SAMPLES
from workbench.services import views

# The offscreen platform cannot forward size hints of docks; harmless there (QTBUG-offscreen limitation).
pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("does not support propagateSizeHints")]


def first_claim(win, state="disputed") -> int:
    with win.ws.session() as session:
        return views.first_claim_id(session, state=state)


def test_opens_with_sources_and_claims(window):
    assert window.sources.model.rowCount() == len(list(SAMPLES.glob("*.md")))
    window.claims.scope.setCurrentIndex(1)   # all sources
    QtCore.QCoreApplication.processEvents()
    assert window.claims.model.rowCount() > 20 or window.tasks.busy()


def test_opens_at_the_first_disputed_claim_with_its_source_selected(qtbot, sample_ws_path):
    from workbench.gui.app import make_window

    win = make_window(sample_ws_path, restore_layout=False, select="disputed")
    qtbot.addWidget(win)
    win.show()
    qtbot.waitUntil(lambda: not win.tasks.busy() and win.claim_id is not None, timeout=10_000)
    try:
        assert win.claim_id == first_claim(win)
        assert win.article.source_id == win.sources.current_source_id() is not None
        assert win.claims.current_claim_id() == win.claim_id
        assert win.sources.model.rowCount() == len(list(SAMPLES.glob("*.md")))
    finally:
        win.close_workspace()


def test_claims_table_starts_in_article_order(window):
    rows = [window.sources.model.source_at(i) for i in range(window.sources.model.rowCount())]
    window.open_source(max(rows, key=lambda r: r.claims).id)
    ids = window.claims.model.ids()
    starts = [c["start"] for c in sorted(window.article.claims, key=lambda c: ids.index(c["id"]))]
    assert len(ids) > 1 and starts == sorted(starts)
    assert window.claims.view.horizontalHeader().sortIndicatorSection() == -1


@pytest.mark.qt_log_ignore("does not support propagateSizeHints", "does not support raise")   # tooltip offscreen
def test_search_syntax_help_on_hover(window):
    box = window.search.query
    QtWidgets.QApplication.sendEvent(box, QtGui.QHelpEvent(QtCore.QEvent.Type.ToolTip, QtCore.QPoint(5, 5),
                                                           box.mapToGlobal(QtCore.QPoint(5, 5))))
    assert "AND" in box.toolTip()
    QtWidgets.QToolTip.hideText()


def test_selecting_a_claim_fills_every_panel(window, qtbot):
    claim_id = first_claim(window)
    with qtbot.waitSignal(window.sig_claim_shown, timeout=5000):
        window.select_claim(claim_id)
    claim = window.article.claim_by_id(claim_id)
    assert claim["state"] == "disputed"
    # The article is open at the claim, with its highlight and the selection outline on it.
    fmt = _char_format_at(window, claim["start"] + 1)
    assert fmt.background().color().name() == _state_colour("disputed")
    (selection,) = window.article.text.extraSelections()
    assert selection.cursor.selectedText() == window.article.body[claim["start"]:claim["end"]]
    # The table shows the claim's row; the cross-check lists a conflict with its outlet; the verdict is loaded.
    assert window.claims.current_claim_id() == claim_id
    conflicts = [x for x in window.crosscheck.links if x["relation"] == "conflicts"]
    assert conflicts and conflicts[0]["outlet"] in window.crosscheck.browser.toPlainText()
    assert window.verdict.claim_id == claim_id


def test_clicking_a_highlight_selects_its_claim(window, qtbot):
    source_id = window.sources.model.source_at(0).id
    window.open_source(source_id)
    claim = window.article.claims[-1]
    cursor = window.article.text.textCursor()
    cursor.setPosition(window.article.offsets.to_qt(claim["start"] + 2))
    window.article.text.ensureCursorVisible()
    window.article.text.setTextCursor(cursor)
    point = window.article.text.cursorRect(cursor).center()
    with qtbot.waitSignal(window.sig_claim_shown, timeout=5000) as blocker:
        qtbot.mouseClick(window.article.text.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert blocker.args == [claim["id"]]
    assert window.claim_id == claim["id"]


def test_conflict_card_opens_the_other_article(window, qtbot):
    claim_id = first_claim(window)
    window.select_claim(claim_id)
    other = window.crosscheck.links[0]
    with qtbot.waitSignal(window.sig_claim_shown, timeout=5000):
        window.crosscheck.browser.anchorClicked.emit(QtCore.QUrl(f"claim:{other['claim_id']}"))
    assert window.article.source_id == other["source_id"]
    assert window.article.selected_claim == other["claim_id"]


def test_verdict_persists_after_reopening(window, qtbot, sample_ws_path):
    claim_id = first_claim(window)
    window.select_claim(claim_id)
    editor = window.verdict
    editor.status.setCurrentText("verified")
    editor.rating.setCurrentIndex(editor.rating.findData("Mostly false"))
    editor.rationale.setPlainText("The fire service's own later figure differs.")
    editor.reviewer.setText("R. Checker")
    editor.evidence_input.setText("https://city.example/statement")
    qtbot.keyClick(editor.evidence_input, Qt.Key.Key_Return)
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert window.claims.model.row_data(window.claims.model.row_of(claim_id)).rating == "Mostly false"

    window.close_workspace()
    assert window.open_workspace(sample_ws_path)
    qtbot.waitUntil(lambda: not window.tasks.busy())
    window.select_claim(claim_id)
    assert editor.status.currentText() == "verified"
    assert editor.rating.currentData() == "Mostly false"
    assert editor.rationale.toPlainText() == "The fire service's own later figure differs."
    assert editor.values()["evidence"] == [{"kind": "url", "ref": "https://city.example/statement", "note": ""}]
    assert "rating: - -> Mostly false" in editor.history.toPlainText()
    assert window.article.claim_by_id(claim_id)["state"] == "verified"


def test_typed_verdict_is_kept_when_moving_to_another_claim(window):
    claim_id = first_claim(window)
    window.select_claim(claim_id)
    window.verdict.rationale.setPlainText("Half-written reasoning.")
    other = window.crosscheck.links[0]["claim_id"]
    window.select_claim(other)
    with window.ws.session() as session:
        assert views.claim_detail(session, claim_id)["verdict"]["rationale"] == "Half-written reasoning."


def test_rating_scale_can_be_changed(window):
    window.set_rating_scale("politifact")
    names = [window.verdict.rating.itemText(i) for i in range(window.verdict.rating.count())]
    assert "Pants on Fire" in " ".join(names)


def test_a_verdict_the_core_refuses_is_explained_not_saved(window, qtbot):
    claim_id = first_claim(window)
    window.select_claim(claim_id)
    window.verdict.status.setCurrentText("published")   # needs a rating
    window.verdict.save()
    assert "without a rating" in window.last_error
    with window.ws.session() as session:
        assert views.claim_detail(session, claim_id)["verdict"] is None


def test_filter_only_disputed(window, qtbot):
    window.claims.scope.setCurrentIndex(1)
    window.claims.only_disputed.setChecked(True)
    qtbot.waitUntil(lambda: not window.tasks.busy() and window.claims.model.rowCount() > 0)
    model = window.claims.model
    assert all(model.row_data(r).conflicts > 0 for r in range(model.rowCount()))


def test_keyboard_moves_through_claims(window, qtbot):
    window.open_source(window.sources.model.source_at(0).id)
    view = window.claims.view
    view.setFocus()
    view.setCurrentIndex(window.claims.model.index(0, 0))
    first = window.claim_id
    with qtbot.waitSignal(window.sig_claim_shown, timeout=5000):
        qtbot.keyClick(view, Qt.Key.Key_Down)
    assert window.claim_id == window.claims.model.id_at(1) != first


def test_delete_source_goes_to_trash_and_undo_brings_it_back(window, qtbot):
    count = window.sources.model.rowCount()
    window.sources.view.selectRow(0)
    window.act_delete_source.trigger()
    qtbot.waitUntil(lambda: not window.tasks.busy() and window.sources.model.rowCount() == count - 1)
    window.act_undo.trigger()
    qtbot.waitUntil(lambda: not window.tasks.busy() and window.sources.model.rowCount() == count)


def test_import_folder_through_the_menu_action(qtbot, tmp_path, monkeypatch):
    from workbench.gui.app import application
    from workbench.gui.mainwindow import MainWindow
    from workbench.gui.settings import Settings

    application()
    win = MainWindow(Settings(tmp_path / "gui.ini"))
    qtbot.addWidget(win)
    assert win.open_workspace(tmp_path / "new.fcw", create=True)
    monkeypatch.setattr(QtWidgets.QFileDialog, "getExistingDirectory", lambda *a, **k: str(SAMPLES))
    win.act_import_folder.trigger()
    qtbot.waitUntil(lambda: not win.tasks.busy() and win.sources.model.rowCount() == 8, timeout=60_000)
    assert win.article.source_id is not None and win.article.body
    win.close_workspace()


def test_add_manual_claim_from_selection_with_undo(window, qtbot):
    pytest.importorskip("workbench.services.claims")
    source_id = window.sources.model.source_at(0).id
    window.open_source(source_id)
    body = window.article.body
    words = body.split()[:4]
    start = body.index(words[0])
    end = body.index(words[3]) + len(words[3])
    before = len(window.article.claims)
    window.article.select_text(start, end)
    window.act_add_claim.trigger()
    assert len(window.article.claims) == before + 1
    added = window.article.claim_by_id(window.claim_id)
    assert (added["start"], added["end"]) == (start, end) and added["origin"] == "user"
    window.act_undo.trigger()
    assert len(window.article.claims) == before
    window.act_redo.trigger()
    assert len(window.article.claims) == before + 1


def test_search_and_open_a_hit(window, qtbot):
    pytest.importorskip("workbench.services.searching")
    window.search.query.setText("solvents")
    qtbot.keyClick(window.search.query, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not window.tasks.busy() and bool(window.search.hits), timeout=30_000)
    assert "solvents" in window.search.results.toPlainText().lower()
    hit = window.search.hits[0]
    window.search.results.anchorClicked.emit(QtCore.QUrl("hit:0"))
    assert window.article.source_id == hit["source_id"]
    assert "solvents" in window.article.body


def test_export_brief_to_word(window, qtbot, tmp_path):
    claim_id = first_claim(window)
    window.select_claim(claim_id)
    window.verdict.status.setCurrentText("verified")
    window.verdict.rating.setCurrentIndex(window.verdict.rating.findData("Mixed"))
    window.verdict.rationale.setPlainText("Counts differ by source and time.")
    window.verdict.save()
    window.act_add_to_brief.trigger()
    assert window.brief.claim_ids() == [claim_id]
    window.brief.title.setText("Port Vesna fire: what holds up")
    target = tmp_path / "brief.docx"
    window.export_brief(target)
    qtbot.waitUntil(lambda: not window.tasks.busy() and target.exists(), timeout=30_000)
    text = "\n".join(p.text for p in Document(str(target)).paragraphs)
    assert "Port Vesna fire: what holds up" in text
    assert "Counts differ by source and time." in text


def test_brief_is_kept_in_the_workspace(window, qtbot, sample_ws_path):
    claim_id = first_claim(window)
    window.select_claim(claim_id)
    window.act_add_to_brief.trigger()
    window.brief.summary.setPlainText("Evacuation counts differ between the city and the fire service.")
    qtbot.waitUntil(lambda: not window.brief._summary_timer.isActive(), timeout=5000)
    window.close_workspace()
    assert window.open_workspace(sample_ws_path)
    assert window.brief.claim_ids() == [claim_id]
    assert window.brief.summary.toPlainText().startswith("Evacuation counts differ")


def test_a_linked_claim_becomes_evidence(window):
    claim_id = first_claim(window)
    window.select_claim(claim_id)
    other = window.crosscheck.links[0]["claim_id"]
    window.crosscheck.browser.anchorClicked.emit(QtCore.QUrl(f"evidence:{other}"))
    window.verdict.rating.setCurrentIndex(window.verdict.rating.findData("Mixed"))
    window.verdict.save()
    with window.ws.session() as session:
        evidence = views.claim_detail(session, claim_id)["verdict"]["evidence"]
    assert evidence == [{"kind": "claim", "ref": str(other), "note": ""}]


def test_hover_text_explains_the_claim(window):
    from workbench.gui.article import claim_tooltip

    claim_id = first_claim(window)
    window.select_claim(claim_id)
    tip = claim_tooltip(window.article.claim_by_id(claim_id))
    assert "Disputed" in tip and "score" in tip and "conflicting" in tip


def _char_format_at(win, offset):
    from workbench.gui.qt import QtGui

    cursor = QtGui.QTextCursor(win.article.text.document())
    cursor.setPosition(win.article.offsets.to_qt(offset))
    return cursor.charFormat()


def _state_colour(state):
    from workbench.gui import theme

    return theme.state_colour(state).name()
