"""The main window: docks and panels wired to the core; actions are thin calls into services."""

from __future__ import annotations

import html
import logging
from pathlib import Path

from workbench import __version__
from workbench.domain.errors import WorkbenchError
from workbench.gui import edits, jobs, menus, theme
from workbench.gui.article import ArticleView
from workbench.gui.brief import BriefPanel
from workbench.gui.claims import ClaimsPanel
from workbench.gui.crosscheck import CrosscheckPanel
from workbench.gui.qt import QtCore, QtGui, QtWidgets, Qt, Signal
from workbench.gui.search import SearchPanel
from workbench.gui.settings import Settings
from workbench.gui.sources import SourcesPanel
from workbench.gui.statusbar import JobStatus
from workbench.gui.tasks import TaskManager
from workbench.gui.verdict import VerdictEditor
from workbench.services import views
from workbench.storage.workspace import Workspace, open_workspace
from workbench.tasks import Cancelled

log = logging.getLogger(__name__)

WORKSPACE_FILTER = "Workbench workspaces (*.fcw);;All files (*)"
IMPORT_FILTER = "Articles (*.md *.markdown *.txt *.html *.htm *.docx *.pdf);;All files (*)"


class MainWindow(QtWidgets.QMainWindow):
    """One open workspace at a time; every panel shows a view of it."""

    sig_claim_shown = Signal(int)      # after every panel shows the selected claim
    sig_workspace_loaded = Signal()

    def __init__(self, settings: Settings | None = None, *, restore_layout: bool = True):
        super().__init__()
        self.settings = settings or Settings()
        self.ws: Workspace | None = None
        self.claim_id: int | None = None
        self.tasks = TaskManager(self)
        self.undo_stack = QtGui.QUndoStack(self)
        self._claims_generation = 0
        self._shown_once = False
        self._layout_is_default = True
        self._pending_claim: int | None = None
        self.setWindowTitle("Fact-Checking Workbench")
        self.setAcceptDrops(True)
        self.setDockNestingEnabled(True)
        self.setDocumentMode(True)

        self.article = ArticleView()
        self.claims = ClaimsPanel()
        self.crosscheck = CrosscheckPanel()
        self.verdict = VerdictEditor()
        self.search = SearchPanel()
        self.brief = BriefPanel()
        self.sources = SourcesPanel()

        self.splitter = QtWidgets.QSplitter(Qt.Orientation.Vertical)
        self.splitter.setObjectName("centre")
        self.splitter.addWidget(self.article)
        self.splitter.addWidget(self.claims)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)
        self.setCentralWidget(self.splitter)

        self.dock_sources = self._dock("Sources", self.sources, Qt.DockWidgetArea.LeftDockWidgetArea)
        self.dock_search = self._dock("Search", self.search, Qt.DockWidgetArea.LeftDockWidgetArea)
        self.dock_crosscheck = self._dock("Cross-check", self.crosscheck, Qt.DockWidgetArea.RightDockWidgetArea)
        self.dock_verdict = self._dock("Verdict", self.verdict, Qt.DockWidgetArea.RightDockWidgetArea)
        self.dock_brief = self._dock("Brief", self.brief, Qt.DockWidgetArea.RightDockWidgetArea)
        self.splitDockWidget(self.dock_crosscheck, self.dock_verdict, Qt.Orientation.Vertical)
        self.tabifyDockWidget(self.dock_sources, self.dock_search)
        self.tabifyDockWidget(self.dock_verdict, self.dock_brief)
        self.dock_sources.raise_()
        self.dock_verdict.raise_()
        self._default_dock_sizes()

        self.job_status = JobStatus(self.tasks, self)
        self.statusBar().addPermanentWidget(self.job_status)
        self.ws_label = QtWidgets.QLabel()
        self.statusBar().addPermanentWidget(self.ws_label)

        menus.build_actions(self)
        menus.build_menus(self)
        self._wire()
        if restore_layout:
            self._restore_layout()
        else:
            self.resize(1480, 920)
            self.splitter.setSizes([560, 300])
        self.remember_layout = restore_layout
        self._set_enabled(False)
        self.article.warm_up()

    # ------------------------------------------------------------------------------------------ building
    def _dock(self, title: str, widget: QtWidgets.QWidget, area) -> QtWidgets.QDockWidget:
        dock = QtWidgets.QDockWidget(title, self)
        dock.setObjectName(f"dock_{title.lower().replace('-', '')}")
        dock.setWidget(widget)
        dock.setFeatures(QtWidgets.QDockWidget.DockWidgetFeature.DockWidgetMovable
                         | QtWidgets.QDockWidget.DockWidgetFeature.DockWidgetFloatable
                         | QtWidgets.QDockWidget.DockWidgetFeature.DockWidgetClosable)
        self.addDockWidget(area, dock)
        return dock

    def _wire(self) -> None:
        self.sources.sig_source_selected.connect(self.open_source)
        self.sources.sig_import_paths.connect(self.import_paths)
        self.claims.sig_claim_selected.connect(self.select_claim)
        self.claims.sig_filter_changed.connect(self.reload_claims)
        self.claims.model.on_sort_requested = lambda *_: self.reload_claims()
        self.article.sig_claim_clicked.connect(self.select_claim)
        self.crosscheck.sig_open_claim.connect(self.select_claim)
        self.crosscheck.sig_decide.connect(self.decide_link)
        self.crosscheck.sig_use_as_evidence.connect(self.use_as_evidence)
        self.verdict.sig_save.connect(self.save_verdict)
        self.verdict.sig_open_claim.connect(self.select_claim)
        self.search.sig_search.connect(self.run_search)
        self.search.sig_open_hit.connect(self.open_hit)
        self.brief.sig_changed.connect(self.save_brief)
        self.brief.sig_export.connect(self.export_brief_dialog)
        self.brief.sig_add_current.connect(self.add_current_to_brief)
        self.brief.sig_open_claim.connect(self.select_claim)
        self.undo_stack.cleanChanged.connect(lambda *_: None)

    def _default_dock_sizes(self) -> None:
        self.resizeDocks([self.dock_sources, self.dock_crosscheck], [350, 420], Qt.Orientation.Horizontal)
        self.resizeDocks([self.dock_crosscheck, self.dock_verdict], [460, 440], Qt.Orientation.Vertical)

    def showEvent(self, e):
        super().showEvent(e)
        if not self._shown_once:
            self._shown_once = True
            if self._layout_is_default:   # sizes only hold once the window has its real size
                self._default_dock_sizes()

    def _set_enabled(self, on: bool) -> None:
        for action in (self.act_import_files, self.act_import_folder, self.act_import_url, self.act_save_copy,
                       self.act_export, self.act_add_claim, self.act_adjust, self.act_split, self.act_merge,
                       self.act_delete_claim, self.act_delete_source, self.act_add_to_brief, self.act_check,
                       self.act_extract, self.act_reindex, self.act_find, self.act_scale):
            action.setEnabled(on)
        for widget in (self.claims, self.search, self.brief):
            widget.setEnabled(on)

    # ------------------------------------------------------------------------------------------ workspace
    def open_workspace(self, path: Path | str, *, create: bool = False) -> bool:
        """Open ``path`` (closing the current one); False and a message when it cannot be opened."""
        try:
            ws = open_workspace(Path(path), create=create)
        except WorkbenchError as exc:
            self.show_error(str(exc))
            return False
        self.close_workspace()
        self.ws = ws
        self.claims.model.set_workspace(ws)
        self.settings.add_recent(ws.path)
        self.setWindowTitle(f"{ws.path.name} — Fact-Checking Workbench")
        self.ws_label.setText(str(ws.path))
        self._set_enabled(True)
        self._load_scale()
        self._load_brief()
        self.refresh_all()
        return True

    def close_workspace(self) -> None:
        if self.ws is None:
            return
        self.tasks.shutdown()
        self.undo_stack.clear()
        self.claims.model.set_workspace(None)
        _close_searchers(self.ws)
        self.ws.close()
        self.ws = None
        self.claim_id = None
        self.article.clear()
        self.crosscheck.clear()
        self.verdict.clear()
        self.sources.set_rows([])
        self._set_enabled(False)

    def refresh_all(self) -> None:
        """Reload the source list and the claims table in the background."""
        self.refresh_sources()
        self.reload_claims()

    def refresh_sources(self) -> None:
        ws = self.ws
        if ws is None:
            return

        def done(result) -> None:
            rows, kinds = result
            if ws is self.ws:
                self.sources.set_rows(rows)
                if self.sources.current_source_id() is None and self.article.source_id is not None:
                    self.sources.select_source(self.article.source_id, emit=False)   # opened before the list came
                self.claims.set_kinds(kinds)
                self.sig_workspace_loaded.emit()

        self.tasks.run("Loading sources", lambda state: jobs.load_sources(ws), success=done,
                       failure=self._job_failed)

    def reload_claims(self) -> None:
        """Reload the claim ids for the current filter and sort: per source at once, all sources off-thread."""
        ws = self.ws
        if ws is None:
            return
        flt = self.claims.current_filter()
        key, descending = self.claims.model.sort_key, self.claims.model.descending
        self._claims_generation += 1
        generation = self._claims_generation
        keep = self.claim_id

        def done(ids) -> None:
            if generation == self._claims_generation and ws is self.ws:
                self.claims.set_ids(ids, keep=keep)

        if flt.source_id is not None:
            with ws.session() as session:
                done(views.claim_ids(session, flt, key, descending))
            return
        self.tasks.run("Loading claims", lambda state: jobs.load_claim_ids(ws, flt, key, descending),
                       success=done, failure=self._job_failed)

    def _load_scale(self) -> None:
        from workbench.services.verdicts import get_rating_scale

        with self.ws.session() as session:
            self.verdict.set_scale(list(get_rating_scale(session).names))

    def _load_brief(self) -> None:
        from workbench.services import briefs

        with self.ws.session() as session:
            existing = briefs.list_briefs(session)
            brief = existing[-1] if existing else briefs.create_brief(session, title="Fact-check brief")
            labels = jobs.claim_labels(session, brief["claim_ids"])
        self.brief.show_brief(brief, labels)

    # ------------------------------------------------------------------------------------------ selection
    def open_source(self, source_id: int, *, reload_claims: bool = True) -> None:
        if self.ws is None:
            return
        try:
            with self.ws.session() as session:
                data = views.article(session, source_id)
        except WorkbenchError as exc:
            self.show_error(str(exc))
            return
        self.article.show_article(data)
        self.claims.source_id = source_id
        if reload_claims and not self.claims.all_sources():
            self.reload_claims()

    def select_claim(self, claim_id: int) -> None:
        """Show one claim in every panel: article (opened at the span), table, cross-check, verdict."""
        if self.ws is None:
            return
        if self.verdict.claim_id not in (None, claim_id) and self.verdict.dirty():
            self._store_verdict(self.verdict.claim_id, self.verdict.values())   # never lose typed work
        try:
            with self.ws.session() as session:
                detail = views.claim_detail(session, claim_id)
                links = views.linked_claims(session, claim_id)
                events = _history(session, claim_id)
                article = None
                if detail["source_id"] != self.article.source_id:
                    article = views.article(session, detail["source_id"])
        except WorkbenchError as exc:
            self.show_error(str(exc))
            return
        self.claim_id = claim_id
        if article is not None:
            self.article.show_article(article)
            self.sources.select_source(detail["source_id"], emit=False)
            self.claims.source_id = detail["source_id"]
            if not self.claims.all_sources():
                self.reload_claims()
        self.article.select_claim(claim_id)
        if self.claims.current_claim_id() != claim_id:
            self.claims.select_claim(claim_id, emit=False)
        self.crosscheck.show_claim(detail, links)
        self.verdict.show_verdict(detail, events, self.settings.reviewer)
        self.statusBar().showMessage(
            f"Claim #{claim_id} · {detail['kind']} · score {detail['score']:.2f} · "
            f"{theme.STATE_LABELS[detail['state']]} · {views.origin_summary(detail)}", 8000)
        self.sig_claim_shown.emit(claim_id)

    def refresh_claim(self) -> None:
        """Re-read the selected claim after a change (verdict, link decision)."""
        if self.claim_id is None:
            return
        claim_id = self.claim_id
        source_id = self.article.source_id
        if source_id is not None:
            self.open_source(source_id, reload_claims=False)
        self.claims.model.refresh_rows([claim_id])
        self.select_claim(claim_id)

    def step_claim(self, step: int) -> None:
        ids = self.claims.model.ids()
        if not ids:
            return
        row = self.claims.model.row_of(self.claim_id) if self.claim_id is not None else -1
        row = min(max(row + step, 0), len(ids) - 1)
        self.select_claim(ids[row])

    def select_first_claim(self, state: str | None = None) -> None:
        """Select the first claim in ``state`` (else the first claim); found off the GUI thread."""
        ws = self.ws
        if ws is None:
            return

        def find(_state) -> int | None:
            with ws.session() as session:
                return views.first_claim_id(session, state=state) or views.first_claim_id(session)

        def found(claim_id: int | None) -> None:
            if claim_id is not None and ws is self.ws:
                self.select_claim(claim_id)

        self.tasks.run("Finding a claim", find, success=found, failure=self._job_failed)

    # ------------------------------------------------------------------------------------------ import
    def import_files_dialog(self) -> None:
        files, _ = QtWidgets.QFileDialog.getOpenFileNames(self, "Import articles", self.settings.last_dir,
                                                          IMPORT_FILTER)
        if files:
            self.settings.last_dir = str(Path(files[0]).parent)
            self.import_paths([Path(f) for f in files])

    def import_folder_dialog(self) -> None:
        folder = QtWidgets.QFileDialog.getExistingDirectory(self, "Import a folder", self.settings.last_dir)
        if folder:
            self.settings.last_dir = folder
            self.import_paths([Path(folder)])

    def import_url_dialog(self) -> None:
        url, ok = QtWidgets.QInputDialog.getText(self, "Import URL", "Address of the web article:")
        if ok and url.strip():
            self.import_urls([url.strip()])

    def import_paths(self, paths: list[Path]) -> None:
        ws = self.ws
        if ws is None:
            self.show_error("Open or create a workspace first (File ▸ New Workspace).")
            return
        self.tasks.run(f"Importing {len(paths)} item{'s' if len(paths) != 1 else ''}",
                       lambda state: jobs.import_and_process(ws, paths, [], state),
                       success=self._imported, failure=self._job_failed)

    def import_urls(self, urls: list[str]) -> None:
        ws = self.ws
        if ws is None:
            return
        self.tasks.run("Importing from the web", lambda state: jobs.import_and_process(ws, [], urls, state),
                       success=self._imported, failure=self._job_failed)

    def _imported(self, report) -> None:
        text = (f"{len(report.imported)} imported, {len(report.duplicates)} duplicates, "
                f"{len(report.failed)} failed")
        self.statusBar().showMessage(text, 10000)
        self.refresh_all()
        if report.failed:
            lines = "\n".join(f"{_item_name(f['path'])}: {f['error']}" for f in report.failed[:20])
            more = f"\n… and {len(report.failed) - 20} more" if len(report.failed) > 20 else ""
            self.show_error(f"{text}.\n\n{lines}{more}", title="Import")
        if report.imported and self.article.source_id is None:
            self.open_source(report.imported[0]["source_id"])

    # ------------------------------------------------------------------------------------------ manual claims
    def _run_edit(self, command: edits._Command) -> bool:
        command.on_error = lambda exc: self.show_error(str(exc))
        try:
            command.execute()
        except WorkbenchError as exc:
            self.show_error(str(exc))
            return False
        except ImportError:
            self.show_error("Editing claims needs the claims service, which this build does not have.")
            return False
        self.undo_stack.push(command)
        return True

    def _after_edit(self, source_id: int | None, claim_id: int | None) -> None:
        self.refresh_sources()
        if source_id is not None and self.ws is not None:
            self.open_source(source_id, reload_claims=False)
        self.claim_id = claim_id
        self.reload_claims()
        if claim_id is not None:
            self.select_claim(claim_id)
        else:
            self.crosscheck.clear()
            self.verdict.clear()

    def add_claim_from_selection(self) -> None:
        span = self.article.selection_span()
        if span is None or self.ws is None:
            self.statusBar().showMessage("Select some text of the article first.", 5000)
            return
        self._run_edit(edits.AddClaim(self.ws, self.article.source_id, span[0], span[1], self._after_edit))

    def adjust_claim_to_selection(self) -> None:
        span = self.article.selection_span()
        claim = self.article.claim_by_id(self.claim_id) if self.claim_id is not None else None
        if span is None or claim is None:
            self.statusBar().showMessage("Select a claim, then select the text it should cover.", 5000)
            return
        self._run_edit(edits.AdjustSpan(self.ws, self.article.source_id, claim["id"],
                                        (claim["start"], claim["end"]), span, self._after_edit))

    def split_claim_at_cursor(self) -> None:
        at = self.article.cursor_offset()
        claim = self.article.claim_at(at)
        if claim is None or not claim["start"] < at < claim["end"]:
            self.statusBar().showMessage("Put the cursor inside a claim where it should be cut.", 5000)
            return
        self._run_edit(edits.SplitClaim(self.ws, self.article.source_id, claim["id"], at, self._after_edit))

    def merge_selected_claims(self) -> None:
        ids = self.claims.selected_claim_ids()
        if len(ids) < 2:
            self.statusBar().showMessage("Select two or more claims of one article in the table.", 5000)
            return
        self._run_edit(edits.MergeClaims(self.ws, self.article.source_id, ids, self._after_edit))

    def delete_selected_claims(self) -> None:
        if self.claims.view.hasFocus() or self.claims.view.viewport().hasFocus():
            ids = self.claims.selected_claim_ids()
        else:
            ids = [self.claim_id] if self.claim_id is not None else []
        if ids and self.ws is not None:
            self._run_edit(edits.DeleteClaims(self.ws, self.article.source_id, ids,
                                              lambda sid, cid: self._after_edit(sid, cid)))

    def delete_selected_sources(self) -> None:
        ids = self.sources.selected_source_ids()
        if not ids or self.ws is None:
            return
        if self.article.source_id in ids:
            self.article.clear()
            self.crosscheck.clear()
            self.verdict.clear()
            self.claim_id = None
        if self._run_edit(edits.DeleteSources(self.ws, ids, self._after_edit)):
            self.statusBar().showMessage(f"Moved {len(ids)} source(s) to the trash — Undo brings them back.",
                                         8000)

    # ------------------------------------------------------------------------------------------ verdicts, links
    def save_verdict(self, claim_id: int, values: dict) -> None:
        if self._store_verdict(claim_id, values):
            self.refresh_claim()

    def _store_verdict(self, claim_id: int, values: dict) -> bool:
        from workbench.services.verdicts import set_verdict

        try:
            with self.ws.session() as session:
                set_verdict(session, claim_id, **values)
        except WorkbenchError as exc:
            self.show_error(f"Claim #{claim_id}: {exc}", title="Verdict not saved")
            return False
        if values.get("reviewer"):
            self.settings.reviewer = values["reviewer"]
        self.statusBar().showMessage(f"Verdict saved for claim #{claim_id}", 5000)
        self.claims.model.refresh_rows([claim_id])
        self.refresh_sources()
        return True

    def decide_link(self, link_id: int, decision: str) -> None:
        try:
            from workbench.services.checking import set_link_decision

            with self.ws.session() as session:
                set_link_decision(session, link_id, decision or None)
        except ImportError:
            self.show_error("Confirming links needs the cross-check service, which this build does not have.")
            return
        except WorkbenchError as exc:
            self.show_error(str(exc))
            return
        self.refresh_claim()

    def use_as_evidence(self, claim_id: int) -> None:
        """Add a linked claim to the verdict's evidence (saved with the verdict)."""
        if self.verdict.claim_id is None:
            return
        if not any(e["kind"] == "claim" and e["ref"] == str(claim_id) for e in self.verdict.values()["evidence"]):
            self.verdict.add_evidence("claim", str(claim_id))
        self.dock_verdict.show()
        self.dock_verdict.raise_()
        self.statusBar().showMessage(f"Claim #{claim_id} added to the evidence — Save verdict to keep it", 6000)

    # ------------------------------------------------------------------------------------------ search
    def focus_search(self) -> None:
        self.dock_search.show()
        self.dock_search.raise_()
        self.search.query.setFocus()
        self.search.query.selectAll()

    def run_search(self, query: str) -> None:
        ws = self.ws
        if ws is None:
            return

        def failed(exc: BaseException) -> None:
            self.search.show_error(str(exc) if isinstance(exc, WorkbenchError) else f"Search failed: {exc}")

        self.tasks.run("Searching", lambda state: jobs.search(ws, query),
                       success=lambda hits: self.search.show_hits(query, hits), failure=failed)

    def open_hit(self, hit: dict) -> None:
        if hit.get("type") == "claim":
            self.select_claim(int(hit["id"]))
            return
        self.open_source(int(hit["source_id"]))
        self.sources.select_source(int(hit["source_id"]), emit=False)
        words = [w for w in (hit.get("snippet") or "").split() if len(w) > 3]
        start = self.article.body.find(" ".join(words[:3])) if words else -1
        if start >= 0:
            self.article.show_span(start, start + len(" ".join(words[:3])))

    # ------------------------------------------------------------------------------------------ brief
    def add_current_to_brief(self) -> None:
        ids = self.claims.selected_claim_ids() or ([self.claim_id] if self.claim_id is not None else [])
        if not ids or self.ws is None:
            return
        with self.ws.session() as session:
            labels = jobs.claim_labels(session, ids)
        added = [cid for cid in ids if self.brief.add_item(cid, labels.get(cid, f"Claim #{cid}"), notify=False)]
        if added:
            self.save_brief()
            self.statusBar().showMessage(f"Added {len(added)} claim(s) to the brief", 4000)

    def save_brief(self) -> None:
        from workbench.services import briefs

        if self.ws is None or self.brief.brief_id is None:
            return
        try:
            with self.ws.session() as session:
                briefs.update_brief(session, self.brief.brief_id, **self.brief.values())
        except WorkbenchError as exc:
            self.show_error(str(exc))

    def export_brief_dialog(self) -> None:
        if self.ws is None:
            return
        self.save_brief()
        default = str(Path(self.settings.last_dir) / (_safe_name(self.brief.title.text()) + ".docx"))
        target, _ = QtWidgets.QFileDialog.getSaveFileName(self, "Export brief", default, "Word document (*.docx)")
        if target:
            self.export_brief(Path(target))

    def export_brief(self, target: Path) -> None:
        ws, brief_id = self.ws, self.brief.brief_id
        self.save_brief()
        ids = self.brief.claim_ids()
        self.settings.last_dir = str(target.parent)
        self.tasks.run("Exporting brief",
                       lambda state: jobs.export_docx(ws, brief_id, ids, target, state),
                       success=lambda path: self.statusBar().showMessage(f"Brief written to {path}", 10000),
                       failure=self._job_failed)

    # ------------------------------------------------------------------------------------------ tools
    def check_all(self) -> None:
        ws = self.ws
        if ws is not None:
            self.tasks.run("Cross-checking", lambda state: jobs.check_all(ws, state),
                           success=lambda _: self._after_tool("Cross-check finished"), failure=self._job_failed)

    def extract_all(self) -> None:
        ws = self.ws
        if ws is not None:
            self.tasks.run("Extracting claims", lambda state: jobs.extract_all(ws, state),
                           success=lambda _: self._after_tool("Extraction finished"), failure=self._job_failed)

    def reindex(self) -> None:
        ws = self.ws
        if ws is not None:
            self.tasks.run("Rebuilding the search index", lambda state: jobs.reindex(ws, state),
                           success=lambda _: self._after_tool("Search index rebuilt"), failure=self._job_failed)

    def _after_tool(self, message: str) -> None:
        self.statusBar().showMessage(message, 8000)
        self.refresh_all()
        if self.article.source_id is not None:
            self.open_source(self.article.source_id, reload_claims=False)
        if self.claim_id is not None:
            self.select_claim(self.claim_id)

    def save_copy_dialog(self) -> None:
        if self.ws is None:
            return
        target, _ = QtWidgets.QFileDialog.getSaveFileName(
            self, "Save a copy", str(self.ws.path.with_name(self.ws.path.stem + "-copy.fcw")), WORKSPACE_FILTER)
        if target:
            ws_path, copy = self.ws.path, _workspace_file(target)
            self.tasks.run("Saving a copy", lambda state: jobs.save_copy(ws_path, copy, state),
                           success=lambda _: self.statusBar().showMessage(f"Copy saved to {copy}", 8000),
                           failure=self._job_failed)

    def new_workspace(self) -> None:
        target, _ = QtWidgets.QFileDialog.getSaveFileName(self, "New workspace",
                                                          str(Path(self.settings.last_dir) / "case.fcw"),
                                                          WORKSPACE_FILTER)
        if target:
            path = _workspace_file(target)
            if path.exists() and path.stat().st_size > 0:
                self.show_error(f"{path} already exists; open it instead, or pick another name.")
                return
            if self.open_workspace(path, create=True):
                self.settings.last_dir = str(path.parent.resolve())

    def open_workspace_dialog(self) -> None:
        target, _ = QtWidgets.QFileDialog.getOpenFileName(self, "Open workspace", self.settings.last_dir,
                                                          WORKSPACE_FILTER)
        if target and self.open_workspace(Path(target)):
            self.settings.last_dir = str(Path(target).parent.resolve())

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        for path in self.settings.recent():
            action = self.recent_menu.addAction(str(path))
            action.triggered.connect(lambda _=False, p=path: self.open_workspace(p))
        if self.recent_menu.isEmpty():
            self.recent_menu.addAction("No recent workspaces").setEnabled(False)

    def choose_rating_scale(self) -> None:
        from workbench.domain.ratings import PRESETS

        labels = [f"{scale.label}: {', '.join(scale.names)}" for scale in PRESETS.values()]
        label, ok = QtWidgets.QInputDialog.getItem(self, "Rating scale", "Ratings for this workspace:", labels, 0,
                                                   False)
        if ok:
            self.set_rating_scale(list(PRESETS)[labels.index(label)])

    def set_rating_scale(self, key: str) -> None:
        from workbench.services.verdicts import set_rating_scale

        try:
            with self.ws.session() as session:
                set_rating_scale(session, key)
        except WorkbenchError as exc:
            self.show_error(str(exc), title="Rating scale not changed")
            return
        self._load_scale()
        self.statusBar().showMessage("Rating scale changed", 5000)

    def focus_verdict(self) -> None:
        self.dock_verdict.show()
        self.dock_verdict.raise_()
        self.verdict.rating.setFocus()

    def set_theme(self, mode: str) -> None:
        self.settings.theme = mode
        theme.apply_theme(QtWidgets.QApplication.instance(), mode)
        if self.article.source_id is not None:
            self.open_source(self.article.source_id, reload_claims=False)
            if self.claim_id is not None:
                self.article.select_claim(self.claim_id, scroll=False)

    def query_help(self) -> None:
        from workbench.gui.search import query_help

        box = QtWidgets.QMessageBox(self)
        box.setWindowTitle("Search syntax")
        box.setText("<pre>" + html.escape(query_help()) + "</pre>")
        box.open()

    def about(self) -> None:
        box = QtWidgets.QMessageBox(self)
        box.setWindowTitle("About Fact-Checking Workbench")
        box.setText(f"<h3>Fact-Checking Workbench {__version__}</h3>"
                    "<p>Import the coverage of a story, read each article with its claims highlighted, see which "
                    "claims other sources confirm or contradict, record verdicts with evidence, and export a "
                    "brief.</p><p>Everything stays in one workspace file on your computer; nothing is sent "
                    "anywhere.</p>")
        box.open()

    # ------------------------------------------------------------------------------------------ messages
    def show_error(self, message: str, title: str = "Fact-Checking Workbench") -> None:
        """A non-blocking message (never a traceback): status bar plus a window-modal box."""
        self.statusBar().showMessage(message.splitlines()[0], 10000)
        box = QtWidgets.QMessageBox(QtWidgets.QMessageBox.Icon.Warning, title, message,
                                    QtWidgets.QMessageBox.StandardButton.Ok, self)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        self.last_error = message

    def _job_failed(self, exc: BaseException) -> None:
        if isinstance(exc, Cancelled):
            self.statusBar().showMessage("Cancelled", 5000)
            self.refresh_all()
        elif isinstance(exc, WorkbenchError):
            self.show_error(str(exc))
        else:
            log.error("background job failed", exc_info=exc)
            self.show_error(f"Something went wrong: {type(exc).__name__}: {exc}. Details are in the log file.")

    # ------------------------------------------------------------------------------------------ drag and drop
    def dragEnterEvent(self, e):
        if e.mimeData().hasUrls():
            e.acceptProposedAction()

    def dropEvent(self, e):
        paths = [Path(u.toLocalFile()) for u in e.mimeData().urls() if u.isLocalFile()]
        workspaces = [p for p in paths if p.suffix == ".fcw"]
        if workspaces and len(paths) == 1:
            self.open_workspace(workspaces[0])
        elif paths:
            self.import_paths(paths)
        e.acceptProposedAction()

    # ------------------------------------------------------------------------------------------ layout
    def _restore_layout(self) -> None:
        geometry, state, splitter = self.settings.layout()
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1480, 920)
        if state is not None:
            self._layout_is_default = not self.restoreState(state)
        if splitter is not None:
            self.splitter.restoreState(splitter)
        else:
            self.splitter.setSizes([560, 300])

    def closeEvent(self, e):
        self.save_brief()
        if self.remember_layout:
            self.settings.save_layout(self.saveGeometry(), self.saveState(), self.splitter.saveState())
        self.close_workspace()
        super().closeEvent(e)


def _history(session, claim_id: int) -> list[dict]:
    from workbench.services.verdicts import history

    return history(session, claim_id)


def _close_searchers(ws: Workspace) -> None:
    """Close the per-thread index searchers kept for this workspace (their files stay open otherwise)."""
    from workbench.search.index import forget_searchers

    forget_searchers(ws.index_dir)


def _workspace_file(target: str) -> Path:
    """The file a save dialog named, with the workspace suffix when the name has none."""
    path = Path(target)
    return path if path.suffix else path.with_suffix(".fcw")


def _item_name(item: str) -> str:
    """How an import report names a failed item: a file by its name, a web address in full."""
    return item if "://" in item else Path(item).name


def _safe_name(title: str) -> str:
    keep = "".join(c if c.isalnum() or c in " -_" else " " for c in title).strip()
    return "-".join(keep.split())[:60] or "brief"
