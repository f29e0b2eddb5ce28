"""Where the app keeps its files: bundled resources, the default workspace, logs and caches."""

from pathlib import Path

import platformdirs

APP_NAME = "fact-checking-workbench"
RESOURCES = Path(__file__).resolve().parent.parent / "resources"
SAMPLES = RESOURCES / "samples"


def data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def log_dir() -> Path:
    return Path(platformdirs.user_log_dir(APP_NAME, appauthor=False))


def default_workspace() -> Path:
    """The workspace used when none is named."""
    return data_dir() / "default.fcw"


def index_dir_for(workspace: Path) -> Path:
    """The Whoosh index lives beside its workspace file; it is derived data."""
    workspace = Path(workspace)
    return workspace.with_name(workspace.name + ".index")
