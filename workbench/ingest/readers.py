"""Which reader handles which file extension; each reader turns (path, bytes) into a Document."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from workbench.domain.errors import ImportFailed
from workbench.ingest.document import Document
from workbench.ingest.docx import read_docx
from workbench.ingest.html import read_html
from workbench.ingest.pdf import read_pdf
from workbench.ingest.textfile import read_text

Reader = Callable[[Path, bytes], Document]

READERS: dict[str, Reader] = {
    ".txt": read_text,
    ".text": read_text,
    ".md": read_text,
    ".markdown": read_text,
    ".html": read_html,
    ".htm": read_html,
    ".xhtml": read_html,
    ".docx": read_docx,
    ".pdf": read_pdf,
}

MEDIA_TYPES = {
    ".txt": "text/plain", ".text": "text/plain", ".md": "text/markdown", ".markdown": "text/markdown",
    ".html": "text/html", ".htm": "text/html", ".xhtml": "application/xhtml+xml",
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".pdf": "application/pdf",
}


def reader_for(path: Path) -> Reader:
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        known = ", ".join(sorted(READERS))
        raise ImportFailed(f"unsupported file type {path.suffix or '(none)'!r}; supported: {known}")
    return reader


def is_supported(path: Path) -> bool:
    return path.suffix.lower() in READERS
