"""Writing an export safely: into a temporary file beside the target, then renamed over it in one step."""

from __future__ import annotations

import errno
import os
import stat
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from workbench.domain.errors import ExportError


def _lock_files(target: Path) -> list[Path]:
    """Lock files that Word ("~$name.docx") and LibreOffice (".~lock.name#") leave while a document is open."""
    name = target.name
    word_name = "~$" + (name[2:] if len(name) > 7 else name)   # Word drops the first two characters of long names
    return [p for p in (target.with_name(f".~lock.{name}#"), target.with_name(word_name), target.with_name("~$" + name))
            if p.exists()]


def check_target(target: Path) -> Path:
    """Refuse, with a message the user can act on, a target that cannot be replaced."""
    target = Path(target).expanduser()
    if target.is_dir():
        raise ExportError(f"{target} is a folder; name the file to write, e.g. {target / 'brief.docx'}")
    parent = target.parent if str(target.parent) else Path(".")
    if not parent.is_dir():
        raise ExportError(f"cannot write {target}: the folder {parent} does not exist")
    locks = _lock_files(target)
    if locks:
        raise ExportError(
            f"{target.name} is open in another program (lock file {locks[0].name}); close it and export again, "
            "or choose another file name (if nothing has it open, the lock file is stale: delete it)"
        )
    if target.exists() and not (target.stat().st_mode & stat.S_IWUSR and os.access(target, os.W_OK)):
        raise ExportError(f"{target} is read-only; choose another file name or make it writable")
    if not os.access(parent, os.W_OK | os.X_OK):
        raise ExportError(f"cannot write in {parent}: permission denied; choose another folder")
    return target


def write_atomically(target: Path | str, write: Callable[[BinaryIO], None]) -> Path:
    """Call ``write(fh)`` on a temporary file in the target's folder and rename it over ``target``.

    A failure at any point leaves the old file (or no file) in place, never a half-written one.
    """
    target = check_target(Path(target))
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    except OSError as exc:
        raise ExportError(f"cannot write in {target.parent}: {exc.strerror or exc}") from exc
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as fh:
            write(fh)
            fh.flush()
            os.fsync(fh.fileno())
        if target.exists():
            os.chmod(tmp, target.stat().st_mode & 0o7777)
        else:
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, target)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        if exc.errno in (errno.EACCES, errno.EPERM, errno.EBUSY, errno.ETXTBSY):
            raise ExportError(
                f"cannot replace {target}: it is locked or read-only (is it open in Word?); close it and try again"
            ) from exc
        if exc.errno == errno.ENOSPC:
            raise ExportError(f"cannot write {target}: the disk is full") from exc
        raise ExportError(f"cannot write {target}: {exc.strerror or exc}") from exc
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return target


def write_text_atomically(target: Path | str, text: str, *, bom: bool = False) -> Path:
    data = (("\ufeff" if bom else "") + text).encode("utf-8")
    return write_atomically(target, lambda fh: fh.write(data))
