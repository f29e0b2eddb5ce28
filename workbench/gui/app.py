"""Starting the window: the QApplication, theme, high-DPI, a workspace, and the screenshot mode."""

from __future__ import annotations

import gc
import logging
import sys
from pathlib import Path

from workbench import __version__
from workbench.gui import nonefix, theme
from workbench.gui.qt import QtCore, QtGui, QtWidgets, Qt

log = logging.getLogger(__name__)


def application() -> QtWidgets.QApplication:
    """The one QApplication (created on first use)."""
    app = QtWidgets.QApplication.instance()
    if app is None:
        QtGui.QGuiApplication.setHighDpiScaleFactorRoundingPolicy(
            Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
        app = QtWidgets.QApplication(sys.argv[:1])
        app.setApplicationName("Fact-Checking Workbench")
        app.setOrganizationName("fact-checking-workbench")
        app.setApplicationVersion(__version__)
        icon = Path(__file__).resolve().parents[2] / "resources" / "icons" / "workbench.svg"
        if icon.exists():
            app.setWindowIcon(QtGui.QIcon(str(icon)))
    if nonefix.install(app):
        log.info("PySide6 %s leaks references to None here; the guard is on", QtCore.qVersion())
    return app


def make_window(workspace: Path | None, *, create: bool = False, restore_layout: bool = True,
                select: str | None = None):
    """The main window on ``workspace``; with ``select``, the first claim in that state is opened once found.

    The claim is looked up beside the source list, not after it: both are queries of their own.
    """
    from workbench.gui.mainwindow import MainWindow
    from workbench.gui.settings import Settings

    app = application()
    settings = Settings()
    theme.apply_theme(app, settings.theme)
    window = MainWindow(settings, restore_layout=restore_layout)
    if workspace is not None and window.open_workspace(workspace, create=create) and select is not None:
        window.select_first_claim(select)
    freeze_startup_heap()
    return window


def freeze_startup_heap() -> None:
    """Keep the objects alive since start-up (modules, Qt wrappers) out of every later garbage collection.

    A full collection stops every thread while it scans the heap; with the heap of Qt, SQLAlchemy and Whoosh that
    took hundreds of milliseconds, triggered by a background job's allocations, and froze the window.
    """
    gc.collect()
    gc.freeze()


def when_idle(window, callback, timeout_ms: int = 120_000) -> None:
    """Call ``callback`` once no background job runs (after loading, import...)."""
    timer = QtCore.QTimer(window)
    waited = [0]

    def tick() -> None:
        waited[0] += 50
        if not window.tasks.busy() or waited[0] > timeout_ms:
            timer.stop()
            timer.deleteLater()
            callback()

    timer.timeout.connect(tick)
    timer.start(50)


def run(workspace: Path | None, *, screenshot: Path | None = None, select: str | None = "disputed",
        create: bool = False) -> int:
    """Open the window on ``workspace``; with ``screenshot``, render it to a PNG and exit."""
    app = application()
    window = make_window(workspace, create=create, restore_layout=screenshot is None, select=select)
    if screenshot is not None:
        window.resize(1600, 960)
    window.show()
    if screenshot is not None:
        when_idle(window, lambda: _save_screenshot(window, screenshot))
    code = app.exec()
    return code if screenshot is None else getattr(window, "screenshot_code", code)


def _save_screenshot(window, target: Path) -> None:
    QtWidgets.QApplication.processEvents()
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    ok = window.grab().save(str(target))
    window.screenshot_code = 0 if ok else 1
    if not ok:
        log.error("could not write the screenshot to %s", target)
    window.close()
    QtWidgets.QApplication.instance().quit()
