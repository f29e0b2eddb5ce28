"""Commands that open the window: `gui` (with a screenshot mode) and `demo` (a workspace built from the samples)."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from workbench.paths import SAMPLES, data_dir

log = logging.getLogger(__name__)


def register(sub) -> None:
    p = sub.add_parser("gui", help="open the window (the default when no command is given)")
    p.add_argument("workspace", type=Path, nargs="?", metavar="WS",
                   help="workspace file to open (default: the last one, else the default workspace)")
    p.add_argument("--screenshot", type=Path, metavar="PNG",
                   help="load, select the first disputed claim, save the window to PNG and exit")
    p.set_defaults(func=cmd_gui)

    p = sub.add_parser("demo", help="open the window on a demo workspace built from the bundled samples")
    p.add_argument("--rebuild", action="store_true", help="build the demo workspace again from the samples")
    p.add_argument("--screenshot", type=Path, metavar="PNG", help="save the window to PNG and exit")
    p.set_defaults(func=cmd_demo)


def demo_workspace_path() -> Path:
    return data_dir() / "demo.fcw"


def build_demo(target: Path | None = None, *, rebuild: bool = False) -> Path:
    """The demo workspace: the samples imported, extracted, indexed and checked (built once, reused)."""
    from workbench.services import pipeline
    from workbench.services.importing import import_paths
    from workbench.storage.workspace import open_workspace

    target = target or demo_workspace_path()
    if target.exists() and not rebuild:
        return target
    for stale in (target, target.with_name(target.name + "-wal"), target.with_name(target.name + "-shm")):
        stale.unlink(missing_ok=True)
    index = target.with_name(target.name + ".index")
    if index.is_dir():
        import shutil

        shutil.rmtree(index)
    with open_workspace(target, create=True) as ws:
        report = import_paths(ws, [SAMPLES])
        pipeline.after_import(ws, report.source_ids)
    return target


def _default_workspace() -> Path | None:
    from workbench.paths import default_workspace

    return default_workspace()


def cmd_gui(args) -> int:
    _require_display_libraries()
    from workbench.gui.app import run

    workspace = args.workspace
    create = False
    if workspace is not None:
        from workbench.storage.workspace import open_workspace

        open_workspace(workspace).close()   # a mistyped name is a one-line error, not an empty window
    else:
        from workbench.gui.settings import Settings

        recent = Settings().recent()
        workspace = recent[0] if recent else _default_workspace()
        create = not recent
    return run(workspace, screenshot=args.screenshot, create=create)


def cmd_demo(args) -> int:
    _require_display_libraries()
    path = build_demo(rebuild=args.rebuild)
    print(f"demo workspace: {path}", file=sys.stderr)
    from workbench.gui.app import run

    return run(path, screenshot=args.screenshot, select="disputed")


def _require_display_libraries() -> None:
    """A missing system Qt library is the user's to fix: say which, not a traceback."""
    try:
        import workbench.gui.qt  # noqa: F401  (imported here only to test that Qt loads)
    except ImportError as exc:
        from workbench.domain.errors import WorkbenchError

        raise WorkbenchError(
            f"the window cannot start: {exc}. On Linux install libegl1 libxkbcommon0 libfontconfig1 libdbus-1-3"
        ) from exc
