"""Which reader handles which file extension; each reader turns (path, bytes) into a Document."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from workbench.domain.errors import ImportFailed
from workbench.ingest.document import Document
from workbench.ingest.textfile import read_text

Reader = Callable[[Path, bytes], Document]

READERS: dict[str, Reader] = {
    ".txt": read_text,
    ".text": read_text,
    ".md": read_text,
    ".markdown": read_text,
}


def reader_for(path: Path) -> Reader:
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        known = ", ".join(sorted(READERS))
        raise ImportFailed(f"unsupported file type {path.suffix or '(none)'!r}; supported: {known}")
    return reader


def is_supported(path: Path) -> bool:
    return path.suffix.lower() in READERS
