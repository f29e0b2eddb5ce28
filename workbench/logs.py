"""Logging to a rotating file in the user log directory, with the details a bug report needs."""

from __future__ import annotations

import logging
import logging.handlers
import os
import platform
import sys

from workbench import __version__
from workbench.paths import log_dir

_configured = False


def setup_logging(verbose: bool = False) -> str | None:
    """Log to ``workbench.log`` (rotated at 1 MB, 5 kept). Returns the log path, or None if unwritable."""
    global _configured
    root = logging.getLogger()
    if _configured:
        return getattr(setup_logging, "path", None)
    _configured = True
    root.setLevel(logging.DEBUG if verbose else logging.INFO)
    path = None
    try:
        directory = os.environ.get("WORKBENCH_LOG_DIR") or str(log_dir())
        os.makedirs(directory, exist_ok=True)
        path = os.path.join(directory, "workbench.log")
        handler = logging.handlers.RotatingFileHandler(path, maxBytes=1_000_000, backupCount=5, encoding="utf-8")
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s [%(process)d]: %(message)s"))
        root.addHandler(handler)
    except OSError:
        path = None
    if verbose:
        stream = logging.StreamHandler(sys.stderr)
        stream.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
        root.addHandler(stream)
    logging.getLogger(__name__).debug(
        "workbench %s, Python %s, %s", __version__, platform.python_version(), platform.platform()
    )
    setup_logging.path = path
    return path
