"""The claims table with its filter bar: kind, status, minimum score, text, only disputed, this source or all."""

from __future__ import annotations

from workbench.gui import theme
from workbench.gui.models import CLAIM_COLUMNS, ROLE_ID, ClaimsModel
from workbench.gui.qt import QtCore, QtWidgets, Qt, Signal
from workbench.services.views import ClaimFilter


class ClaimsPanel(QtWidgets.QWidget):
    """Shows the ids the window loads for the current filter; asks for a reload when the filter changes."""

    sig_filter_changed = Signal()
    sig_claim_selected = Signal(int)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.model = ClaimsModel(parent=self)
        self.source_id: int | None = None

        self.scope = QtWidgets.QComboBox()
        self.scope.addItems(["This source", "All sources"])
        self.text = QtWidgets.QLineEdit()
        self.text.setPlaceholderText("Filter claims…")
        self.text.setClearButtonEnabled(True)
        self.kind = QtWidgets.QComboBox()
        self.kind.addItem("Any kind", "")
        self.state = QtWidgets.QComboBox()
        self.state.addItem("Any status", "")
        for key, label in theme.STATE_LABELS.items():
            self.state.addItem(label, key)
        self.min_score = QtWidgets.QDoubleSpinBox()
        self.min_score.setRange(0.0, 1.0)
        self.min_score.setSingleStep(0.1)
        self.min_score.setDecimals(2)
        self.min_score.setPrefix("score ≥ ")
        self.min_score.setMinimumWidth(104)
        self.min_score.setToolTip("Only claims at least this check-worthy")
        self.only_disputed = QtWidgets.QCheckBox("Only disputed")
        self.count = QtWidgets.QLabel()
        self.count.setObjectName("hint")

        for combo in (self.scope, self.kind, self.state):
            combo.setSizeAdjustPolicy(QtWidgets.QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(7)
        self._debounce = QtCore.QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(250)
        self._debounce.timeout.connect(self.sig_filter_changed)
        self.text.textChanged.connect(self._debounce.start)
        for combo in (self.kind, self.state):
            combo.currentIndexChanged.connect(self.sig_filter_changed)
        self.scope.currentIndexChanged.connect(self._scope_changed)
        self.min_score.valueChanged.connect(self._debounce.start)
        self.only_disputed.toggled.connect(self.sig_filter_changed)

        self.view = QtWidgets.QTableView()
        self.view.setModel(self.model)
        self.view.setSortingEnabled(True)
        self.view.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.view.setSelectionBehavior(QtWidgets.QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QtWidgets.QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setEditTriggers(QtWidgets.QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)
        self.view.setShowGrid(False)
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setSectionResizeMode(QtWidgets.QHeaderView.ResizeMode.Fixed)
        self.view.verticalHeader().setDefaultSectionSize(24)
        self.view.setHorizontalScrollMode(QtWidgets.QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        header = self.view.horizontalHeader()
        header.setStretchLastSection(False)
        header.setMinimumSectionSize(36)
        for col, width in enumerate((300, 110, 74, 52, 100, 66, 62, 72, 92, 84)):
            header.resizeSection(col, width)
        self.view.viewport().installEventFilter(self)
        self.view.setColumnHidden(1, True)   # the outlet is the same on every row of one source
        self.view.selectionModel().currentRowChanged.connect(self._current_changed)

        bar = QtWidgets.QHBoxLayout()
        bar.setSpacing(6)
        bar.addWidget(self.scope)
        bar.addWidget(self.text, 1)
        bar.addWidget(self.kind)
        bar.addWidget(self.state)
        bar.addWidget(self.min_score)
        bar.addWidget(self.only_disputed)
        bar.addWidget(self.count)
        layout = QtWidgets.QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)

    MIN_CLAIM_WIDTH = 260

    def eventFilter(self, obj, event):
        if obj is self.view.viewport() and event.type() == QtCore.QEvent.Type.Resize:
            self._fit_claim_column()
        return super().eventFilter(obj, event)

    def _fit_claim_column(self) -> None:
        """The claim column takes the room the others leave, but never less than MIN_CLAIM_WIDTH."""
        header = self.view.horizontalHeader()
        others = sum(header.sectionSize(c) for c in range(1, header.count()) if not header.isSectionHidden(c))
        header.resizeSection(0, max(self.MIN_CLAIM_WIDTH, self.view.viewport().width() - others))

    def _scope_changed(self) -> None:
        self.view.setColumnHidden(1, not self.all_sources())
        self._fit_claim_column()
        self.sig_filter_changed.emit()

    def set_kinds(self, kinds: list[str]) -> None:
        current = self.kind.currentData()
        blocker = QtCore.QSignalBlocker(self.kind)
        self.kind.clear()
        self.kind.addItem("Any kind", "")
        for k in kinds:
            self.kind.addItem(k, k)
        self.kind.setCurrentIndex(max(self.kind.findData(current), 0))
        del blocker

    def all_sources(self) -> bool:
        return self.scope.currentIndex() == 1

    def current_filter(self) -> ClaimFilter:
        return ClaimFilter(
            source_id=None if self.all_sources() else (self.source_id if self.source_id is not None else -1),
            text=self.text.text(),
            kind=self.kind.currentData() or None,
            state=self.state.currentData() or None,
            min_score=self.min_score.value(),
            only_disputed=self.only_disputed.isChecked(),
        )

    def set_ids(self, ids: list[int], keep: int | None = None) -> None:
        self.model.set_ids(ids)
        self.view.doItemsLayout()   # the new rows' geometry now, so the kept claim's row can be scrolled to
        self.count.setText(f"{len(ids):,} claims")
        if keep is not None:
            self.select_claim(keep, emit=False)

    def current_claim_id(self) -> int | None:
        index = self.view.currentIndex()
        return index.data(ROLE_ID) if index.isValid() else None

    def selected_claim_ids(self) -> list[int]:
        rows = sorted(i.row() for i in self.view.selectionModel().selectedRows())
        return [self.model.id_at(r) for r in rows]

    def select_claim(self, claim_id: int, *, emit: bool = True) -> bool:
        row = self.model.row_of(claim_id)
        if row < 0:
            self.view.clearSelection()
            return False
        index = self.model.index(row, 0)
        blocker = None if emit else QtCore.QSignalBlocker(self.view.selectionModel())
        self.view.selectionModel().setCurrentIndex(
            index, QtCore.QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QtCore.QItemSelectionModel.SelectionFlag.Rows)
        del blocker
        self.view.scrollTo(index, QtWidgets.QAbstractItemView.ScrollHint.EnsureVisible)
        return True

    def _current_changed(self, current, _previous) -> None:
        if current.isValid():
            self.sig_claim_selected.emit(current.data(ROLE_ID))


__all__ = ["ClaimsPanel", "CLAIM_COLUMNS"]
