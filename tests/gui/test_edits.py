"""Manual claim edits through the window's actions, each undoable: adjust, split, merge, delete; link decisions."""

from __future__ import annotations

import pytest

from workbench.gui.qt import QtCore

pytest.importorskip("workbench.services.claims")
pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("does not support propagateSizeHints")]


def open_first_source(win):
    win.open_source(win.sources.model.source_at(0).id)
    return win.article


def test_adjust_span_to_selection_and_undo(window):
    article = open_first_source(window)
    claim = article.claims[0]
    window.select_claim(claim["id"])
    article.select_text(claim["start"], claim["end"] - 5)
    window.act_adjust.trigger()
    adjusted = article.claim_by_id(claim["id"])
    assert adjusted["end"] < claim["end"] and adjusted["origin"] == "user"
    window.act_undo.trigger()
    assert article.claim_by_id(claim["id"])["end"] == claim["end"]


def test_split_at_cursor_then_undo_restores_the_original(window):
    article = open_first_source(window)
    claim = max(article.claims, key=lambda c: c["end"] - c["start"])
    text = article.body[claim["start"]:claim["end"]]
    cut = claim["start"] + text.index(" ", len(text) // 2)
    article.select_text(cut, cut)
    window.act_split.trigger()
    assert article.claim_by_id(claim["id"]) is None
    parts = [c for c in article.claims if claim["start"] <= c["start"] and c["end"] <= claim["end"]]
    assert len(parts) == 2
    window.act_undo.trigger()
    assert article.claim_by_id(claim["id"]) is not None
    assert not any(article.claim_by_id(p["id"]) for p in parts)
    window.act_redo.trigger()
    assert article.claim_by_id(claim["id"]) is None


def test_merge_selected_rows_and_delete_with_undo(window, qtbot):
    article = open_first_source(window)
    qtbot.waitUntil(lambda: window.claims.model.rowCount() == len(article.claims))
    before = len(article.claims)
    view = window.claims.view
    view.selectRow(0)
    view.selectionModel().select(window.claims.model.index(1, 0), QtCore.QItemSelectionModel.SelectionFlag.Select
                                 | QtCore.QItemSelectionModel.SelectionFlag.Rows)
    window.act_merge.trigger()
    assert len(article.claims) == before - 1
    merged = window.claim_id
    window.delete_selected_claims()
    assert article.claim_by_id(merged) is None
    window.act_undo.trigger()
    assert article.claim_by_id(merged) is not None
    window.act_undo.trigger()
    assert len(article.claims) == before


def test_a_refused_edit_is_explained(window):
    article = open_first_source(window)
    claim = article.claims[0]
    article.select_text(claim["start"], claim["end"])
    window.act_add_claim.trigger()   # exactly the span of an existing claim
    assert "already covers" in window.last_error
    assert window.undo_stack.count() == 0


def test_confirm_and_reject_a_link(window):
    from workbench.services import views

    with window.ws.session() as session:
        claim_id = views.first_claim_id(session, state="disputed")
    window.select_claim(claim_id)
    link = window.crosscheck.links[0]
    window.crosscheck.browser.anchorClicked.emit(QtCore.QUrl(f"decide:{link['link_id']}:rejected"))
    assert window.crosscheck.links[0]["decision"] == "rejected" or any(
        x["decision"] == "rejected" for x in window.crosscheck.links)
    assert "you rejected this link" in window.crosscheck.browser.toPlainText()
    window.crosscheck.browser.anchorClicked.emit(QtCore.QUrl(f"decide:{link['link_id']}:"))
    assert all(x["decision"] is None for x in window.crosscheck.links)
