"""Colours and palettes: claim-state colours for light and dark, and the application palette."""

from __future__ import annotations

from workbench.gui.qt import QtGui, QtWidgets, Qt

STATE_LABELS = {
    "unreviewed": "Unreviewed",
    "corroborated": "Corroborated",
    "disputed": "Disputed",
    "verified": "Verified",
    "rejected": "Rejected",
}

_LIGHT = {
    "unreviewed": "#fff1b8",
    "corroborated": "#ccf2d4",
    "disputed": "#ffc9c4",
    "verified": "#cfe6ff",
    "rejected": "#e6e8eb",
}
_DARK = {
    "unreviewed": "#5a4a12",
    "corroborated": "#1e4a2c",
    "disputed": "#6e2a26",
    "verified": "#1d3f60",
    "rejected": "#3b3d40",
}
# Strong versions for small badges and the selected claim's outline.
_STRONG = {
    "unreviewed": "#c9a227",
    "corroborated": "#2f9e58",
    "disputed": "#d9413a",
    "verified": "#2d7dd2",
    "rejected": "#868e96",
}


def is_dark(palette: QtGui.QPalette | None = None) -> bool:
    palette = palette or QtWidgets.QApplication.palette()
    return palette.color(QtGui.QPalette.ColorRole.Base).lightness() < 128


def state_colour(state: str, *, dark: bool | None = None) -> QtGui.QColor:
    table = _DARK if (is_dark() if dark is None else dark) else _LIGHT
    return QtGui.QColor(table.get(state, table["unreviewed"]))


def strong_colour(state: str) -> QtGui.QColor:
    return QtGui.QColor(_STRONG.get(state, _STRONG["unreviewed"]))


def hex_colour(state: str, *, strong: bool = False) -> str:
    return (strong_colour(state) if strong else state_colour(state)).name()


def dark_palette() -> QtGui.QPalette:
    p = QtGui.QPalette()
    role, group = QtGui.QPalette.ColorRole, QtGui.QPalette.ColorGroup
    base, window, text = QtGui.QColor("#1f2226"), QtGui.QColor("#2a2e33"), QtGui.QColor("#e6e8eb")
    p.setColor(role.Window, window)
    p.setColor(role.WindowText, text)
    p.setColor(role.Base, base)
    p.setColor(role.AlternateBase, QtGui.QColor("#262a2f"))
    p.setColor(role.ToolTipBase, QtGui.QColor("#33383e"))
    p.setColor(role.ToolTipText, text)
    p.setColor(role.Text, text)
    p.setColor(role.Button, window)
    p.setColor(role.ButtonText, text)
    p.setColor(role.BrightText, QtGui.QColor("#ff6b6b"))
    p.setColor(role.Highlight, QtGui.QColor("#3d7fd9"))
    p.setColor(role.HighlightedText, QtGui.QColor("#ffffff"))
    p.setColor(role.Link, QtGui.QColor("#74b3ff"))
    p.setColor(role.PlaceholderText, QtGui.QColor("#8b949e"))
    for r in (role.Text, role.WindowText, role.ButtonText):
        p.setColor(group.Disabled, r, QtGui.QColor("#7a828a"))
    return p


def light_palette() -> QtGui.QPalette:
    p = QtWidgets.QStyleFactory.create("Fusion").standardPalette()
    p.setColor(QtGui.QPalette.ColorRole.Window, QtGui.QColor("#f3f4f6"))
    p.setColor(QtGui.QPalette.ColorRole.AlternateBase, QtGui.QColor("#f7f8fa"))
    p.setColor(QtGui.QPalette.ColorRole.Highlight, QtGui.QColor("#2d6fd2"))
    return p


def system_prefers_dark() -> bool:
    hints = QtGui.QGuiApplication.styleHints()
    return hints.colorScheme() == Qt.ColorScheme.Dark


def apply_theme(app: QtWidgets.QApplication, mode: str = "system") -> None:
    """mode: 'system', 'light' or 'dark'. Fusion keeps the look the same on every platform."""
    app.setStyle("Fusion")
    dark = mode == "dark" or (mode == "system" and system_prefers_dark())
    app.setPalette(dark_palette() if dark else light_palette())
    app.setStyleSheet(_STYLE)


_STYLE = """
QToolBar { spacing: 4px; padding: 2px 6px; border: none; }
QDockWidget::title { padding: 5px 8px; font-weight: 600; }
QTableView { gridline-color: transparent; }
QHeaderView::section { padding: 4px 6px; font-weight: 600; }
QLineEdit, QComboBox, QDoubleSpinBox { padding: 3px 6px; }
QLabel#panelTitle { font-size: 15pt; font-weight: 600; }
QLabel#panelMeta { color: palette(placeholder-text); }
QLabel#hint { color: palette(placeholder-text); }
QStatusBar QLabel { padding: 0 6px; }
"""
