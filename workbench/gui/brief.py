"""The brief panel: choose and order claims, title and summary, export to Word."""

from __future__ import annotations

from workbench.gui.qt import QtCore, QtWidgets, Qt, Signal


class BriefPanel(QtWidgets.QWidget):
    """Edits the workspace's brief; the window saves it and runs the export in the background."""

    sig_changed = Signal()
    sig_export = Signal()
    sig_add_current = Signal()
    sig_open_claim = Signal(int)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.brief_id: int | None = None
        self.title = QtWidgets.QLineEdit()
        self.title.setPlaceholderText("Brief title")
        self.summary = QtWidgets.QPlainTextEdit()
        self.summary.setPlaceholderText("Summary for the editor: what was checked and what was found.")
        self.summary.setMaximumHeight(90)
        self.summary.setTabChangesFocus(True)
        self.items = QtWidgets.QListWidget()
        self.items.setDragDropMode(QtWidgets.QAbstractItemView.DragDropMode.InternalMove)
        self.items.setSelectionMode(QtWidgets.QAbstractItemView.SelectionMode.ExtendedSelection)
        self.items.setWordWrap(True)
        self.items.setAlternatingRowColors(True)
        self.items.model().rowsMoved.connect(lambda *_: self.sig_changed.emit())
        self.items.itemActivated.connect(
            lambda item: self.sig_open_claim.emit(item.data(Qt.ItemDataRole.UserRole)))
        self.title.editingFinished.connect(self.sig_changed)
        self._summary_timer = QtCore.QTimer(self)
        self._summary_timer.setSingleShot(True)
        self._summary_timer.setInterval(800)
        self._summary_timer.timeout.connect(self.sig_changed)
        self.summary.textChanged.connect(self._summary_edited)

        add = QtWidgets.QPushButton("Add claim")
        add.setToolTip("Add the selected claim (Ctrl+B)")
        add.clicked.connect(self.sig_add_current)
        remove = QtWidgets.QPushButton("Remove")
        remove.clicked.connect(self.remove_selected)
        up = QtWidgets.QToolButton()
        up.setArrowType(Qt.ArrowType.UpArrow)
        up.setToolTip("Move up")
        up.clicked.connect(lambda: self.move_selected(-1))
        down = QtWidgets.QToolButton()
        down.setArrowType(Qt.ArrowType.DownArrow)
        down.setToolTip("Move down")
        down.clicked.connect(lambda: self.move_selected(1))
        self.export_button = QtWidgets.QPushButton("Export to Word…")
        self.export_button.clicked.connect(self.sig_export)

        row = QtWidgets.QHBoxLayout()
        for w in (add, remove, up, down):
            row.addWidget(w)
        row.addStretch(1)
        row.addWidget(self.export_button)
        layout = QtWidgets.QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.addWidget(self.title)
        layout.addWidget(self.summary)
        layout.addWidget(self.items, 1)
        layout.addLayout(row)
        self._summary_saved = ""

    def _summary_edited(self) -> None:
        if self.summary.toPlainText() != self._summary_saved:
            self._summary_timer.start()

    def show_brief(self, brief: dict, labels: dict[int, str]) -> None:
        self.brief_id = brief["id"]
        self.title.setText(brief["title"])
        self._summary_saved = brief["summary"]
        self.summary.setPlainText(brief["summary"])
        self.items.clear()
        for claim_id in brief["claim_ids"]:
            self.add_item(claim_id, labels.get(claim_id, f"Claim #{claim_id}"), notify=False)

    def add_item(self, claim_id: int, label: str, *, notify: bool = True) -> bool:
        if claim_id in self.claim_ids():
            return False
        item = QtWidgets.QListWidgetItem(label)
        item.setData(Qt.ItemDataRole.UserRole, claim_id)
        item.setToolTip(label)
        self.items.addItem(item)
        if notify:
            self.sig_changed.emit()
        return True

    def claim_ids(self) -> list[int]:
        return [self.items.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.items.count())]

    def values(self) -> dict:
        self._summary_saved = self.summary.toPlainText()
        return {"title": self.title.text().strip() or "Fact-check brief", "summary": self.summary.toPlainText(),
                "claim_ids": self.claim_ids()}

    def remove_selected(self) -> None:
        for item in self.items.selectedItems():
            self.items.takeItem(self.items.row(item))
        self.sig_changed.emit()

    def move_selected(self, step: int) -> None:
        row = self.items.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < self.items.count():
            return
        item = self.items.takeItem(row)
        self.items.insertItem(target, item)
        self.items.setCurrentRow(target)
        self.sig_changed.emit()
