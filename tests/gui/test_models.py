"""The window's Qt models pass qtmodeltester and page their rows lazily from a real workspace."""

from __future__ import annotations

import pytest

from workbench.gui.models import ROLE_ID, ClaimsModel, SourcesModel, SourcesProxy
from workbench.services import views
from workbench.storage.workspace import open_workspace

# The offscreen platform cannot forward size hints of docks; harmless there (QTBUG-offscreen limitation).
pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("does not support propagateSizeHints")]


@pytest.fixture
def ws(sample_ws_path):
    workspace = open_workspace(sample_ws_path)
    yield workspace
    workspace.close()


def test_sources_model_and_proxy(qtmodeltester, ws):
    with ws.session() as session:
        rows = views.source_rows(session)
    model = SourcesModel()
    model.set_rows(rows)
    qtmodeltester.check(model, force_py=True)
    proxy = SourcesProxy()
    proxy.setSourceModel(model)
    proxy.set_text("HARBOR")
    qtmodeltester.check(proxy, force_py=True)
    assert proxy.rowCount() == 1


def test_sources_panel_sorts_and_keeps_the_selection(qtbot, ws):
    from workbench.gui.qt import Qt
    from workbench.gui.sources import SourcesPanel

    with ws.session() as session:
        rows = views.source_rows(session)
    panel = SourcesPanel()
    qtbot.addWidget(panel)
    panel.set_rows(rows)

    def shown() -> list[int]:
        return [panel.proxy.index(i, 0).data(ROLE_ID) for i in range(panel.proxy.rowCount())]

    by_id = {r.id: r for r in rows}
    assert [by_id[i].published for i in shown()] == sorted((r.published for r in rows), reverse=True)
    chosen = shown()[-1]
    panel.select_source(chosen, emit=False)
    panel.view.sortByColumn(3, Qt.SortOrder.DescendingOrder)   # "Most claims", as a header click does
    assert [by_id[i].claims for i in shown()] == sorted((r.claims for r in rows), reverse=True)
    assert panel.current_source_id() == chosen
    panel.view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    assert [by_id[i].title.lower() for i in shown()] == sorted(r.title.lower() for r in rows)
    panel.set_rows(rows)   # a reload keeps the order the user chose
    assert [by_id[i].title.lower() for i in shown()] == sorted(r.title.lower() for r in rows)
    panel.filter.setText("harbor")
    assert panel.proxy.rowCount() == 1
    outlet = rows[0].outlet
    panel.filter.setText(outlet.upper())   # any shown column, any case
    assert panel.proxy.rowCount() == sum(outlet.casefold() in r.outlet.casefold() for r in rows) > 0
    panel.filter.clear()
    assert [by_id[i].title.lower() for i in shown()] == sorted(r.title.lower() for r in rows)


def test_a_row_selected_right_after_loading_is_scrolled_into_view(qtbot, ws):
    from workbench.gui.claims import ClaimsPanel
    from workbench.gui.sources import SourcesPanel

    with ws.session() as session:
        rows = views.source_rows(session)
        ids = views.claim_ids(session)
    sources, claims = SourcesPanel(), ClaimsPanel()
    claims.model.set_workspace(ws)
    for panel in (sources, claims):
        qtbot.addWidget(panel)
        panel.resize(420, 170)   # room for a few rows only
        panel.show()
    sources.set_rows(rows)
    last = sources.proxy.index(sources.proxy.rowCount() - 1, 0)
    sources.select_source(last.data(ROLE_ID), emit=False)
    claims.set_ids(ids, keep=ids[-1])
    for view, index in ((sources.view, last), (claims.view, claims.model.index(len(ids) - 1, 0))):
        assert view.currentIndex().row() == index.row()
        assert view.viewport().rect().intersects(view.visualRect(index))


def test_claims_model_over_ids(qtmodeltester, ws):
    with ws.session() as session:
        ids = views.claim_ids(session)
    model = ClaimsModel(ws)
    model.set_ids(ids)
    qtmodeltester.check(model, force_py=True)
    assert model.rowCount() == len(ids) > 20
    last = model.index(len(ids) - 1, 0)
    assert model.data(last) == model.row_data(len(ids) - 1).text.replace("\n", " ")
    model.set_ids([])
    qtmodeltester.check(model, force_py=True)


def test_claims_model_fetches_a_page_at_a_time(ws):
    with ws.session() as session:
        ids = views.claim_ids(session)
    model = ClaimsModel(ws)
    model.PAGE = 10
    model.set_ids(ids)
    model.data(model.index(0, 0))
    assert 0 < len(model._cache) <= 10


def test_claim_filters_and_sort(ws):
    with ws.session() as session:
        every = views.claim_ids(session)
        disputed = views.claim_ids(session, views.ClaimFilter(only_disputed=True))
        by_state = views.claim_ids(session, views.ClaimFilter(state="disputed"))
        quotes = views.claim_ids(session, views.ClaimFilter(kind="quote"))
        by_score = views.claim_ids(session, sort="score", descending=True)
        rows = views.claim_rows(session, by_score)
    assert set(disputed) == set(by_state) and 0 < len(disputed) < len(every)
    assert quotes and all(rows[i].kind == "quote" for i in quotes)
    scores = [rows[i].score for i in by_score]
    assert scores == sorted(scores, reverse=True)
