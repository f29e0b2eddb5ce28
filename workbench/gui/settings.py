"""Remembered preferences (QSettings in an INI file in the user config dir): layout, recent workspaces, theme."""

from __future__ import annotations

from pathlib import Path

import platformdirs

from workbench.gui.qt import QtCore
from workbench.paths import APP_NAME

MAX_RECENT = 10


class Settings:
    def __init__(self, path: Path | None = None):
        path = path or Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)) / "gui.ini"
        self.qs = QtCore.QSettings(str(path), QtCore.QSettings.Format.IniFormat)

    def _get(self, key: str, default: str = "") -> str:
        value = self.qs.value(key, default)
        return str(value) if value is not None else default

    @property
    def theme(self) -> str:
        return self._get("view/theme", "system")

    @theme.setter
    def theme(self, mode: str) -> None:
        self.qs.setValue("view/theme", mode)

    @property
    def reviewer(self) -> str:
        return self._get("review/reviewer")

    @reviewer.setter
    def reviewer(self, name: str) -> None:
        self.qs.setValue("review/reviewer", name)

    @property
    def last_dir(self) -> str:
        return self._get("files/last_dir", str(Path.home()))

    @last_dir.setter
    def last_dir(self, folder: str) -> None:
        self.qs.setValue("files/last_dir", folder)

    def recent(self) -> list[Path]:
        raw = self.qs.value("files/recent", [])
        items = [raw] if isinstance(raw, str) else list(raw or [])
        return [Path(p) for p in items if p and Path(p).exists()]

    def add_recent(self, path: Path) -> None:
        path = Path(path).resolve()
        items = [str(path)] + [str(p) for p in self.recent() if p.resolve() != path]
        self.qs.setValue("files/recent", items[:MAX_RECENT])

    def layout(self) -> tuple[QtCore.QByteArray | None, QtCore.QByteArray | None, QtCore.QByteArray | None]:
        def get(key):
            value = self.qs.value(key)
            return value if isinstance(value, QtCore.QByteArray) and not value.isEmpty() else None

        return get("window/geometry"), get("window/state"), get("window/splitter")

    def save_layout(self, geometry, state, splitter) -> None:
        self.qs.setValue("window/geometry", geometry)
        self.qs.setValue("window/state", state)
        self.qs.setValue("window/splitter", splitter)
        self.qs.sync()
