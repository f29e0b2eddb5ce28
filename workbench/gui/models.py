"""Qt table models over view rows: sources (small, held whole) and claims (ids plus a lazy row cache)."""

from __future__ import annotations

from collections.abc import Callable

from workbench.gui import theme
from workbench.gui.qt import QtCore, QtGui, Qt
from workbench.services import views
from workbench.storage.workspace import Workspace

ROLE_ID = Qt.ItemDataRole.UserRole + 1
ROLE_STATE = Qt.ItemDataRole.UserRole + 2
ROLE_SUBTITLE = Qt.ItemDataRole.UserRole + 4


class SourcesModel(QtCore.QAbstractTableModel):
    """Every source with outlet, date, claim count and a status summary, kept in the order the view sorts by.

    The model sorts itself with Python keys: a sorting proxy would ask ``data()`` twice per comparison, which took
    over a second for 10,000 sources.
    """

    HEADERS = ("Article", "Outlet", "Date", "Claims", "Status")

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[views.SourceRow] = []
        self._search: dict[int, str] = {}
        self._sort_column, self._sort_order = -1, Qt.SortOrder.AscendingOrder

    def set_rows(self, rows: list[views.SourceRow]) -> None:
        self.beginResetModel()
        try:
            self._rows = self._sorted(rows)
            self._search.clear()
        finally:
            self.endResetModel()

    def row_for_id(self, source_id: int) -> int:
        for i, r in enumerate(self._rows):
            if r.id == source_id:
                return i
        return -1

    def source_at(self, row: int) -> views.SourceRow:
        return self._rows[row]

    def search_text(self, row: int) -> str:
        """The row's shown texts, case-folded, for the filter (built once per row)."""
        r = self._rows[row]
        text = self._search.get(r.id)
        if text is None:
            text = self._search[r.id] = "\n".join(_cells(r)).casefold()
        return text

    def _sorted(self, rows) -> list[views.SourceRow]:
        if not 0 <= self._sort_column < len(self.HEADERS):
            return list(rows)
        column = self._sort_column
        return sorted(rows, key=lambda r: sort_key(r, column),
                      reverse=self._sort_order == Qt.SortOrder.DescendingOrder)

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        self._sort_column, self._sort_order = column, order
        self.layoutAboutToBeChanged.emit()
        try:
            before = self.persistentIndexList()
            ids = [self._rows[i.row()].id for i in before]
            self._rows = self._sorted(self._rows)
            row_of = {r.id: i for i, r in enumerate(self._rows)}
            self.changePersistentIndexList(before, [self.index(row_of[sid], i.column())
                                                    for sid, i in zip(ids, before)])
        finally:
            self.layoutChanged.emit()

    def rowCount(self, parent=QtCore.QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QtCore.QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            if 0 <= section < len(self.HEADERS):
                return self.HEADERS[section]
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        r, col = self._rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return _cells(r)[col]
        if role == ROLE_SUBTITLE:
            return " · ".join(x for x in (r.outlet or "Unknown outlet", r.published or "undated"))
        if role == ROLE_ID:
            return r.id
        if role == Qt.ItemDataRole.ToolTipRole:
            return (f"{r.title}\n{r.outlet or 'unknown outlet'} · {r.published or 'undated'}\n"
                    f"{r.claims} claims: {r.disputed} disputed, {r.corroborated} corroborated, "
                    f"{r.verified} verified")
        if role == Qt.ItemDataRole.ForegroundRole and col == 4 and r.disputed:
            return QtGui.QBrush(theme.strong_colour("disputed"))
        if role == Qt.ItemDataRole.TextAlignmentRole and col == 3:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


def _cells(r: views.SourceRow) -> tuple[str, str, str, str, str]:
    return r.title, r.outlet or "—", r.published[:10], str(r.claims), status_summary(r)


def sort_key(r: views.SourceRow, column: int):
    """What a column sorts by: text without case, the ISO date, the count, the status counts."""
    if column == 0:
        return r.title.lower()
    if column == 1:
        return r.outlet.lower()
    if column == 2:
        return r.published
    if column == 3:
        return r.claims
    return r.disputed, r.corroborated, r.verified


def status_summary(r: views.SourceRow) -> str:
    """Compact: '2 ✗ 3 ✓ 1 ★' (disputed, corroborated, verified)."""
    parts = []
    if r.disputed:
        parts.append(f"{r.disputed} ✗")
    if r.corroborated:
        parts.append(f"{r.corroborated} ✓")
    if r.verified:
        parts.append(f"{r.verified} ★")
    return "  ".join(parts) or "—"


class SourcesProxy(QtCore.QSortFilterProxyModel):
    """Filters sources by text in any shown column; sorting is passed on to the source model.

    The filter reads the model's cached row texts: Qt's own text filter asked ``data()`` for every cell of every
    row on each keystroke (a quarter of a second at 10,000 sources).
    """

    def __init__(self, parent=None):
        super().__init__(parent)
        self._needle = ""

    def set_text(self, text: str) -> None:
        self.beginFilterChange()
        self._needle = text.casefold()
        self.endFilterChange(QtCore.QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent) -> bool:
        return not self._needle or self._needle in self.sourceModel().search_text(source_row)

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        source = self.sourceModel()
        if source is not None:
            source.sort(column, order)


CLAIM_COLUMNS = (
    # (header, sort key, tooltip)
    ("Claim", "text", "The claim as written in the article"),
    ("Outlet", "outlet", "Where it appeared"),
    ("Kind", "kind", "numeric, quote, attribution, event, statement…"),
    ("Score", "score", "Check-worthiness, 0 to 1"),
    ("Suggestion", "suggestion", "What the cross-check suggests"),
    ("Sources", "sources", "Outlets carrying this claim"),
    ("Origins", "origins", "Independent origins among them"),
    ("Conflicts", "conflicts", "Claims in other sources that contradict it"),
    ("Status", "status", "Review state"),
    ("Rating", "rating", "The verdict's rating"),
)


class ClaimsModel(QtCore.QAbstractTableModel):
    """Claims as a list of ids; rows are fetched from the workspace a page at a time and cached."""

    PAGE = 200

    def __init__(self, ws: Workspace | None = None, parent=None):
        super().__init__(parent)
        self._ws = ws
        self._ids: list[int] = []
        self._cache: dict[int, views.ClaimRow] = {}
        self.sort_key, self.descending = "position", False
        self.on_sort_requested: Callable[[str, bool], None] | None = None

    # -- content
    def set_workspace(self, ws: Workspace | None) -> None:
        self._ws = ws
        self.set_ids([])

    def set_ids(self, ids: list[int]) -> None:
        self.beginResetModel()
        try:
            self._ids = list(ids)
            self._cache.clear()
        finally:
            self.endResetModel()

    def ids(self) -> list[int]:
        return self._ids

    def row_of(self, claim_id: int) -> int:
        try:
            return self._ids.index(claim_id)
        except ValueError:
            return -1

    def id_at(self, row: int) -> int:
        return self._ids[row]

    def refresh_rows(self, claim_ids: list[int] | None = None) -> None:
        """Forget cached rows (all, or some) so they are read again; no reset, selection kept."""
        if claim_ids is None:
            self._cache.clear()
        else:
            for cid in claim_ids:
                self._cache.pop(cid, None)
        if self._ids:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._ids) - 1, len(CLAIM_COLUMNS) - 1))

    def row_data(self, row: int) -> views.ClaimRow | None:
        cid = self._ids[row]
        hit = self._cache.get(cid)
        if hit is None and self._ws is not None:
            start = max(0, row - self.PAGE // 4)
            page = [i for i in self._ids[start:start + self.PAGE] if i not in self._cache]
            with self._ws.session() as session:
                self._cache.update(views.claim_rows(session, page))
            if len(self._cache) > 20 * self.PAGE:   # keep memory flat when scrolling through 100,000 rows
                keep = set(self._ids[start:start + self.PAGE])
                self._cache = {k: v for k, v in self._cache.items() if k in keep}
            hit = self._cache.get(cid)
        return hit

    # -- Qt overrides
    def rowCount(self, parent=QtCore.QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent=QtCore.QModelIndex()) -> int:
        return 0 if parent.isValid() else len(CLAIM_COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(CLAIM_COLUMNS):
            if role == Qt.ItemDataRole.DisplayRole:
                return CLAIM_COLUMNS[section][0]
            if role == Qt.ItemDataRole.ToolTipRole:
                return CLAIM_COLUMNS[section][2]
        return None

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        if 0 <= column < len(CLAIM_COLUMNS):
            self.sort_key = CLAIM_COLUMNS[column][1]
            self.descending = order == Qt.SortOrder.DescendingOrder
        else:   # no sort column (the panel starts so): the articles' own order
            self.sort_key, self.descending = "position", False
        if self.on_sort_requested is not None:
            self.on_sort_requested(self.sort_key, self.descending)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not (0 <= index.row() < len(self._ids)):
            return None
        if role == ROLE_ID:
            return self._ids[index.row()]
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.BackgroundRole,
                        Qt.ItemDataRole.TextAlignmentRole, ROLE_STATE, Qt.ItemDataRole.ForegroundRole,
                        Qt.ItemDataRole.FontRole):
            return None
        r = self.row_data(index.row())
        if r is None:
            return None
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return _claim_cell(r, col)
        if role == ROLE_STATE:
            return r.state
        if role == Qt.ItemDataRole.ToolTipRole:
            return r.text if col == 0 else None
        if role == Qt.ItemDataRole.BackgroundRole and col == 8:
            return QtGui.QBrush(theme.state_colour(r.state))
        if role == Qt.ItemDataRole.ForegroundRole and col == 7 and r.conflicts:
            return QtGui.QBrush(theme.strong_colour("disputed"))
        if role == Qt.ItemDataRole.FontRole and r.origin == "user" and col == 0:
            font = QtGui.QFont()
            font.setItalic(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (3, 5, 6, 7):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


def _claim_cell(r: views.ClaimRow, col: int) -> str:
    if col == 0:
        return r.text.replace("\n", " ")
    if col == 1:
        return r.outlet
    if col == 2:
        return r.kind
    if col == 3:
        return f"{r.score:.2f}"
    if col == 4:
        return r.suggestion
    if col == 5:
        return str(r.sources)
    if col == 6:
        return str(r.origins)
    if col == 7:
        return str(r.conflicts) if r.conflicts else ""
    if col == 8:
        return theme.STATE_LABELS.get(r.state, r.state)
    return r.rating
