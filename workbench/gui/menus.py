"""The window's actions (with shortcuts), menus and toolbar; each action calls one MainWindow method."""

from __future__ import annotations

from workbench.gui.qt import QtCore, QtGui, QtWidgets, Qt


def _action(win, text: str, slot, shortcut=None, tip: str = "", icon: str | None = None) -> QtGui.QAction:
    action = QtGui.QAction(text, win)
    if shortcut is not None:
        action.setShortcut(QtGui.QKeySequence(shortcut))
    if tip:
        action.setStatusTip(tip)
        action.setToolTip(tip)
    if icon:
        action.setIcon(QtGui.QIcon.fromTheme(icon, win.style().standardIcon(_FALLBACK_ICONS.get(
            icon, QtWidgets.QStyle.StandardPixmap.SP_FileIcon))))
    action.triggered.connect(lambda *_: slot())
    win.addAction(action)
    return action


def build_actions(win) -> None:
    """Every QAction of the window, as attributes ``win.act_*``, with shortcuts and tips."""
    K = QtGui.QKeySequence.StandardKey
    win.act_new = _action(win, "&New Workspace…", win.new_workspace, K.New, "Create an empty workspace",
                          "document-new")
    win.act_open = _action(win, "&Open Workspace…", win.open_workspace_dialog, K.Open,
                           "Open a workspace file", "document-open")
    win.act_import_files = _action(win, "Import &Files…", win.import_files_dialog, "Ctrl+I",
                                   "Import articles (Markdown, text, HTML, Word, PDF)", "list-add")
    win.act_import_folder = _action(win, "Import F&older…", win.import_folder_dialog, "Ctrl+Shift+I",
                                    "Import every article in a folder and its subfolders", "folder-new")
    win.act_import_url = _action(win, "Import &URL…", win.import_url_dialog, None,
                                 "Fetch a web article and import it")
    win.act_save_copy = _action(win, "Save a &Copy…", win.save_copy_dialog, K.SaveAs,
                                "Write a consistent copy of the workspace")
    win.act_export = _action(win, "&Export Brief to Word…", win.export_brief_dialog, "Ctrl+E",
                             "Write the brief as a .docx file", "document-save")
    win.act_quit = _action(win, "&Quit", win.close, K.Quit)
    win.act_undo = win.undo_stack.createUndoAction(win, "&Undo")
    win.act_undo.setShortcut(K.Undo)
    win.act_redo = win.undo_stack.createRedoAction(win, "&Redo")
    win.act_redo.setShortcut(K.Redo)
    win.act_add_claim = _action(win, "&Add Claim from Selection", win.add_claim_from_selection, "Ctrl+K",
                                "Make the selected text of the article a claim")
    win.act_adjust = _action(win, "Adjust Claim to &Selection", win.adjust_claim_to_selection,
                             "Ctrl+Shift+K", "Move the selected claim's span to the selected text")
    win.act_split = _action(win, "S&plit Claim at Cursor", win.split_claim_at_cursor, "Ctrl+Shift+S",
                            "Cut the claim under the cursor in two")
    win.act_merge = _action(win, "&Merge Selected Claims", win.merge_selected_claims, "Ctrl+M",
                            "Join the selected claims of one article into one")
    win.act_delete_claim = _action(win, "&Delete Claim", win.delete_selected_claims, K.Delete,
                                   "Move the selected claims to the trash")
    win.act_delete_source = _action(win, "Move Source to &Trash", win.delete_selected_sources,
                                    "Ctrl+Shift+Del", "Move the selected sources to the trash")
    win.act_add_to_brief = _action(win, "Add Claim to &Brief", win.add_current_to_brief, "Ctrl+B",
                                   "Add the selected claim to the brief")
    win.act_find = _action(win, "&Search…", win.focus_search, K.Find, "Search claims and articles")
    win.act_next = _action(win, "&Next Claim", lambda: win.step_claim(1), "Ctrl+Down",
                           "Select the next claim in the table")
    win.act_prev = _action(win, "&Previous Claim", lambda: win.step_claim(-1), "Ctrl+Up",
                           "Select the previous claim in the table")
    win.act_verdict = _action(win, "Edit &Verdict", win.focus_verdict, "Ctrl+Shift+V",
                              "Go to the verdict editor")
    win.act_save_verdict = _action(win, "Save Verdict", win.verdict.save, "Ctrl+Return")
    win.act_extract = _action(win, "&Extract Claims Again", win.extract_all, None,
                              "Run claim extraction on every source (manual claims are kept)")
    win.act_check = _action(win, "&Cross-check All", win.check_all, "F5",
                            "Compare every claim with the other sources", "view-refresh")
    win.act_reindex = _action(win, "Rebuild Search &Index", win.reindex, None,
                              "Rebuild the full-text index from the workspace")
    win.act_scale = _action(win, "Rating &Scale…", win.choose_rating_scale, None,
                            "Choose the workspace's rating scale")
    win.act_about = _action(win, "&About", win.about)
    win.act_query_help = _action(win, "Search &Syntax", win.query_help)
    win.themes = QtGui.QActionGroup(win)
    win.theme_actions = {}
    for mode in ("system", "light", "dark"):
        action = QtGui.QAction(mode.capitalize(), win, checkable=True)
        action.triggered.connect(lambda _=False, m=mode: win.set_theme(m))
        win.themes.addAction(action)
        win.theme_actions[mode] = action
    win.theme_actions.get(win.settings.theme, win.theme_actions["system"]).setChecked(True)


def build_menus(win) -> None:
    """Menu bar, toolbar and context menus from the actions."""
    bar = win.menuBar()
    file_menu = bar.addMenu("&File")
    file_menu.addActions([win.act_new, win.act_open])
    win.recent_menu = file_menu.addMenu("Open &Recent")
    win.recent_menu.aboutToShow.connect(win._fill_recent)
    file_menu.addSeparator()
    file_menu.addActions([win.act_import_files, win.act_import_folder, win.act_import_url])
    file_menu.addSeparator()
    file_menu.addActions([win.act_save_copy, win.act_export])
    file_menu.addSeparator()
    file_menu.addAction(win.act_quit)
    edit = bar.addMenu("&Edit")
    edit.addActions([win.act_undo, win.act_redo])
    edit.addSeparator()
    edit.addActions([win.act_add_claim, win.act_adjust, win.act_split, win.act_merge,
                     win.act_delete_claim])
    edit.addSeparator()
    edit.addActions([win.act_add_to_brief, win.act_delete_source])
    edit.addSeparator()
    edit.addAction(win.act_find)
    view = bar.addMenu("&View")
    for dock in (win.dock_sources, win.dock_search, win.dock_crosscheck, win.dock_verdict,
                 win.dock_brief):
        view.addAction(dock.toggleViewAction())
    view.addSeparator()
    view.addActions([win.act_next, win.act_prev, win.act_verdict])
    view.addSeparator()
    theme_menu = view.addMenu("&Theme")
    theme_menu.addActions(list(win.theme_actions.values()))
    tools = bar.addMenu("&Tools")
    tools.addActions([win.act_check, win.act_extract, win.act_reindex])
    tools.addSeparator()
    tools.addAction(win.act_scale)
    help_menu = bar.addMenu("&Help")
    help_menu.addActions([win.act_query_help, win.act_about])

    toolbar = win.addToolBar("Main")
    toolbar.setObjectName("toolbar_main")
    toolbar.setMovable(False)
    toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    toolbar.setIconSize(QtCore.QSize(18, 18))
    toolbar.addActions([win.act_open, win.act_import_files, win.act_import_folder])
    toolbar.addSeparator()
    toolbar.addActions([win.act_check, win.act_export])
    win.article.context_actions = [win.act_add_claim, win.act_adjust, win.act_split, win.act_delete_claim,
                                    win.act_add_to_brief]
    for action in (win.act_add_to_brief, win.act_merge, win.act_delete_claim):
        win.claims.view.addAction(action)
    win.sources.view.addAction(win.act_delete_source)


_FALLBACK_ICONS = {
    "document-new": QtWidgets.QStyle.StandardPixmap.SP_FileIcon,
    "document-open": QtWidgets.QStyle.StandardPixmap.SP_DialogOpenButton,
    "list-add": QtWidgets.QStyle.StandardPixmap.SP_FileDialogNewFolder,
    "folder-new": QtWidgets.QStyle.StandardPixmap.SP_DirOpenIcon,
    "document-save": QtWidgets.QStyle.StandardPixmap.SP_DialogSaveButton,
    "view-refresh": QtWidgets.QStyle.StandardPixmap.SP_BrowserReload,
}
