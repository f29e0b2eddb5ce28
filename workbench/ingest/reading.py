"""Reading one file for import: bytes to a parsed Document and its shingles, failures as one-line reasons.

Pure work with no database, so an import can run it in a worker process (`services/offload.py`).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from workbench.domain.errors import ImportFailed, WorkbenchError
from workbench.ingest.document import Document
from workbench.ingest.fingerprint import sample, shingles
from workbench.ingest.limits import DEFAULT_MAX_BYTES
from workbench.ingest.normalize import body_hash
from workbench.ingest.readers import reader_for

log = logging.getLogger(__name__)


def read_document(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> tuple[Document, bytes]:
    """Read and parse one file; every failure becomes an ImportFailed with a one-line reason."""
    reader = reader_for(path)
    try:
        if not path.is_file():
            raise ImportFailed("not a regular file (a device, pipe or broken link)")
        size = path.stat().st_size
        if size > max_bytes:
            raise ImportFailed(f"the file is {size / 2**20:.1f} MB, over the {max_bytes / 2**20:g} MB limit "
                               "(raise it with --max-mb)")
        data = path.read_bytes()
    except PermissionError as exc:
        raise ImportFailed("permission denied: the file cannot be read") from exc
    except IsADirectoryError as exc:
        raise ImportFailed("this is a folder, not a file") from exc
    except OSError as exc:
        raise ImportFailed(f"cannot read the file: {exc.strerror or exc}") from exc
    return parse_document(path, data, reader), data


def parse_document(path: Path, data: bytes, reader=None) -> Document:
    """Run the reader for `path` on `data`; anything but a clean result becomes a one-line ImportFailed."""
    reader = reader or reader_for(path)
    try:
        doc = reader(path, data)
    except WorkbenchError:
        raise
    except RecursionError as exc:
        raise ImportFailed("the file is nested too deeply to read") from exc
    except MemoryError as exc:
        raise ImportFailed("the file is too large to read") from exc
    except Exception as exc:  # a parser bug or hostile file must fail this file alone
        log.exception("reader failed on %s", path)
        raise ImportFailed(f"cannot read the file ({type(exc).__name__}: {str(exc)[:120]})") from exc
    if not doc.body.strip():
        raise ImportFailed("no article text found in the file")
    return doc


def read_for_import(max_bytes: int, path: Path) -> tuple[Document, bytes, Prints] | str:
    """(document, file bytes, what finds its copies), or why the file cannot be imported."""
    try:
        doc, data = read_document(path, max_bytes)
    except WorkbenchError as exc:
        return str(exc)
    return doc, data, prints_of(doc.body)


@dataclass(frozen=True)
class Prints:
    """What finds the copies of a body: its shingles, their stored sample and the folded text's hash."""

    shingles: frozenset[int]
    sample: list[int]
    folded_hash: str


def prints_of(body: str) -> Prints:
    hashes = frozenset(shingles(body))
    return Prints(hashes, sample(hashes), body_hash(body))
