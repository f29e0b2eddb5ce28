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
LOG_NAME = "workbench.log"


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
        path = os.path.join(directory, LOG_NAME)
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
    _install_excepthooks()
    return path


def log_path() -> str | None:
    """The log file in use (for messages that point the user at it), or None when logging to a file failed."""
    return getattr(setup_logging, "path", None)


def environment() -> str:
    return f"workbench {__version__}, Python {platform.python_version()}, {platform.platform()}"


def log_user_error(action: str, exc: BaseException) -> None:
    """A failure that is the user's to fix: its message, the command line and the low-level cause, if any."""
    causes = []
    cause = exc.__cause__ or exc.__context__
    while cause is not None and len(causes) < 5:
        causes.append(f"{type(cause).__name__}: {cause}")
        cause = cause.__cause__ or cause.__context__
    logging.getLogger("workbench").warning(
        "%s failed: %s [%s]%s (argv: %s)", action, exc, type(exc).__name__,
        "".join(f"\n  caused by {c}" for c in causes), " ".join(sys.argv[1:]),
    )


def log_internal_error(action: str) -> None:
    """A bug: the full traceback plus what a bug report needs. Call from inside an ``except`` block."""
    logging.getLogger("workbench").exception(
        "unexpected error in %s (argv: %s; %s)", action, " ".join(sys.argv[1:]), environment()
    )


def _install_excepthooks() -> None:
    """Uncaught errors, in the main thread or in a worker thread, reach the log file before the process ends."""
    import threading

    previous = sys.excepthook

    def hook(exc_type, exc, tb):
        if not issubclass(exc_type, KeyboardInterrupt):
            logging.getLogger("workbench").critical("uncaught error (%s)", environment(),
                                                    exc_info=(exc_type, exc, tb))
        previous(exc_type, exc, tb)

    def thread_hook(args):
        if args.exc_type is not SystemExit:
            logging.getLogger("workbench").critical(
                "uncaught error in thread %s (%s)", getattr(args.thread, "name", "?"), environment(),
                exc_info=(args.exc_type, args.exc_value, args.exc_traceback))

    sys.excepthook = hook
    threading.excepthook = thread_hook
