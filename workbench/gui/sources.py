"""The sources dock: filterable, sortable list of articles; accepts dropped files and folders."""

from __future__ import annotations

from pathlib import Path

from workbench.gui.models import ROLE_ID, ROLE_SUBTITLE, SourcesModel, SourcesProxy
from workbench.gui.qt import QtCore, QtGui, QtWidgets, Qt, Signal

SORTS = (  # label, column, order
    ("Newest first", 2, Qt.SortOrder.DescendingOrder),
    ("Oldest first", 2, Qt.SortOrder.AscendingOrder),
    ("Outlet", 1, Qt.SortOrder.AscendingOrder),
    ("Title", 0, Qt.SortOrder.AscendingOrder),
    ("Most claims", 3, Qt.SortOrder.DescendingOrder),
    ("Most disputed", 4, Qt.SortOrder.DescendingOrder),
)


class TwoLineDelegate(QtWidgets.QStyledItemDelegate):
    """The article column: the title in bold, outlet and date below it in a quieter colour."""

    def paint(self, painter, option, index):
        opt = QtWidgets.QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        title, subtitle = opt.text, index.data(ROLE_SUBTITLE) or ""
        opt.text = ""
        style = opt.widget.style() if opt.widget else QtWidgets.QApplication.style()
        style.drawControl(QtWidgets.QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        rect = opt.rect.adjusted(6, 3, -4, -3)
        selected = bool(opt.state & QtWidgets.QStyle.StateFlag.State_Selected)
        palette = opt.palette
        text_colour = palette.highlightedText().color() if selected else palette.text().color()
        quiet = QtGui.QColor(text_colour)
        quiet.setAlpha(170)
        painter.save()
        bold = QtGui.QFont(opt.font)
        bold.setWeight(QtGui.QFont.Weight.DemiBold)
        metrics = QtGui.QFontMetrics(bold)
        painter.setFont(bold)
        painter.setPen(text_colour)
        half = rect.height() // 2
        painter.drawText(rect.adjusted(0, 0, 0, -half), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         metrics.elidedText(title, Qt.TextElideMode.ElideRight, rect.width()))
        painter.setFont(opt.font)
        painter.setPen(quiet)
        painter.drawText(rect.adjusted(0, half, 0, 0), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         QtGui.QFontMetrics(opt.font).elidedText(subtitle, Qt.TextElideMode.ElideRight,
                                                                 rect.width()))
        painter.restore()

    def sizeHint(self, option, index):
        size = super().sizeHint(option, index)
        return QtCore.QSize(size.width(), QtGui.QFontMetrics(option.font).height() * 2 + 10)


def dropped_paths(mime) -> list[Path]:
    return [Path(u.toLocalFile()) for u in mime.urls() if u.isLocalFile() and u.toLocalFile()]


class SourcesPanel(QtWidgets.QWidget):
    sig_source_selected = Signal(int)
    sig_import_paths = Signal(list)
    sig_delete = Signal(list)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.model = SourcesModel(self)
        self.proxy = SourcesProxy(self)
        self.proxy.setSourceModel(self.model)
        self.filter = QtWidgets.QLineEdit()
        self.filter.setPlaceholderText("Filter sources…")
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self.proxy.set_text)
        self.sort = QtWidgets.QComboBox()
        for label, *_ in SORTS:
            self.sort.addItem(label)
        self.sort.setToolTip("Sort the sources")
        self.sort.setSizeAdjustPolicy(QtWidgets.QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.sort.setMinimumContentsLength(8)
        self.view = QtWidgets.QTableView()
        self.view.setModel(self.proxy)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(2, Qt.SortOrder.DescendingOrder)
        self.sort.currentIndexChanged.connect(lambda i: self.view.sortByColumn(SORTS[i][1], SORTS[i][2]))
        self.view.setItemDelegateForColumn(0, TwoLineDelegate(self.view))
        self.view.setSelectionBehavior(QtWidgets.QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QtWidgets.QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setEditTriggers(QtWidgets.QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setDefaultSectionSize(QtGui.QFontMetrics(self.font()).height() * 2 + 12)
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)
        self.view.setShowGrid(False)
        header = self.view.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QtWidgets.QHeaderView.ResizeMode.Stretch)
        self.view.setColumnHidden(1, True)   # outlet and date are on the article's second line
        self.view.setColumnHidden(2, True)
        for col, width in ((3, 54), (4, 74)):
            header.resizeSection(col, width)
        self.view.selectionModel().currentRowChanged.connect(self._current_changed)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.count = QtWidgets.QLabel()
        self.count.setObjectName("hint")
        self.count.setWordWrap(True)
        self.view.setToolTip("Drop files or folders here to import them")
        self.setAcceptDrops(True)
        layout = QtWidgets.QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        top = QtWidgets.QHBoxLayout()
        top.addWidget(self.filter, 1)
        top.addWidget(self.sort)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.count)

    def set_rows(self, rows) -> None:
        current = self.current_source_id()
        self.model.set_rows(rows)
        self.view.doItemsLayout()   # the new rows' geometry now, so a selection right after can scroll to its row
        claims = sum(r.claims for r in rows)
        self.count.setText(f"{len(rows)} sources · {claims} claims")
        if current is not None:
            self.select_source(current, emit=False)

    def current_source_id(self) -> int | None:
        index = self.view.currentIndex()
        return index.data(ROLE_ID) if index.isValid() else None

    def selected_source_ids(self) -> list[int]:
        return sorted({i.data(ROLE_ID) for i in self.view.selectionModel().selectedRows()})

    def select_source(self, source_id: int, *, emit: bool = True) -> None:
        row = self.model.row_for_id(source_id)
        if row < 0:
            return
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        if not index.isValid():   # filtered out: show everything again
            self.filter.clear()
            index = self.proxy.mapFromSource(self.model.index(row, 0))
        blocker = None if emit else QtCore.QSignalBlocker(self.view.selectionModel())
        self.view.selectionModel().setCurrentIndex(
            index, QtCore.QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QtCore.QItemSelectionModel.SelectionFlag.Rows)
        self.view.scrollTo(index)
        del blocker

    def _current_changed(self, current, _previous) -> None:
        if current.isValid():
            self.sig_source_selected.emit(current.data(ROLE_ID))

    def dragEnterEvent(self, e):
        if e.mimeData().hasUrls() and dropped_paths(e.mimeData()):
            e.acceptProposedAction()

    def dragMoveEvent(self, e):
        if e.mimeData().hasUrls():
            e.acceptProposedAction()

    def dropEvent(self, e):
        paths = dropped_paths(e.mimeData())
        if paths:
            e.acceptProposedAction()
            self.sig_import_paths.emit(paths)
