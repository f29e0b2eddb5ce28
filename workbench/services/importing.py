"""Importing files and folders into a workspace: one transaction per file, failures reported, never fatal."""

from __future__ import annotations

import logging
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select

from workbench.domain.errors import ImportFailed, WorkbenchError
from workbench.ingest.document import Document
from workbench.ingest.normalize import body_hash
from workbench.ingest.readers import is_supported, reader_for
from workbench.storage.models import Source, SourceFile
from workbench.storage.workspace import Workspace
from workbench.tasks import NO_STATE, TaskState

log = logging.getLogger(__name__)

DEFAULT_MAX_BYTES = 25 * 1024 * 1024


@dataclass
class ImportReport:
    imported: list[dict] = field(default_factory=list)    # {"path","source_id","title","outlet","published"}
    duplicates: list[dict] = field(default_factory=list)  # {"path","source_id"}
    failed: list[dict] = field(default_factory=list)      # {"path","error"}
    warnings: list[dict] = field(default_factory=list)    # {"path","warning"}

    @property
    def source_ids(self) -> list[int]:
        return [item["source_id"] for item in self.imported]

    def to_json(self) -> dict:
        return {"imported": self.imported, "duplicates": self.duplicates, "failed": self.failed}

    def merge(self, other: ImportReport) -> None:
        self.imported += other.imported
        self.duplicates += other.duplicates
        self.failed += other.failed
        self.warnings += other.warnings


def expand_paths(paths: Iterable[Path | str]) -> Iterator[tuple[Path, str | None]]:
    """Files to import, folders walked recursively in name order; (path, error) for unreadable ones."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found = []
            for root, dirs, files in os.walk(path, onerror=None):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                found += [Path(root) / f for f in sorted(files) if not f.startswith(".")]
            for f in found:
                if is_supported(f):
                    yield f, None
        elif path.exists():
            yield path, None
        else:
            yield path, "no such file or folder"


def read_document(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> tuple[Document, bytes]:
    """Read and parse one file; every failure becomes an ImportFailed with a one-line reason."""
    reader = reader_for(path)
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise ImportFailed(f"the file is {size / 1e6:.1f} MB, over the {max_bytes / 1e6:.0f} MB limit")
        data = path.read_bytes()
    except PermissionError as exc:
        raise ImportFailed("permission denied: the file cannot be read") from exc
    except IsADirectoryError as exc:
        raise ImportFailed("this is a folder, not a file") from exc
    except OSError as exc:
        raise ImportFailed(f"cannot read the file: {exc.strerror or exc}") from exc
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
    return doc, data


def find_duplicate(session, doc: Document) -> int | None:
    digest = body_hash(doc.body)
    return session.scalar(
        select(Source.id).where(Source.body_hash == digest, Source.deleted_at.is_(None)).limit(1)
    )


def store_document(ws: Workspace, doc: Document, *, path: str | None, data: bytes | None,
                   media_type: str | None = None) -> tuple[int, bool]:
    """Store a parsed document in its own transaction. Returns (source id, is_new)."""
    with ws.session() as session:
        dup = find_duplicate(session, doc)
        if dup is not None:
            return dup, False
        source = Source(
            title=doc.title or (Path(path).stem if path else "Untitled"),
            outlet=doc.outlet,
            author=doc.author,
            url=doc.url,
            published=doc.published,
            published_time=doc.published_time,
            language=doc.language,
            body=doc.body,
            body_hash=body_hash(doc.body),
            path=path,
            format=doc.format,
            warnings=list(doc.warnings),
        )
        if data is not None:
            source.original = SourceFile(filename=Path(path).name if path else None, media_type=media_type,
                                         data=data)
        session.add(source)
        session.flush()
        return source.id, True


def import_paths(ws: Workspace, paths: Iterable[Path | str], *, max_bytes: int = DEFAULT_MAX_BYTES,
                 state: TaskState = NO_STATE) -> ImportReport:
    """Import files and folders; each file alone, so one bad file never harms the others."""
    report = ImportReport()
    todo = list(expand_paths(paths))
    for done, (path, error) in enumerate(todo):
        state.check()
        state.progress(done, len(todo), f"Importing {path.name}")
        if error:
            report.failed.append({"path": str(path), "error": error})
            continue
        import_one(ws, path, report, max_bytes=max_bytes)
    state.progress(len(todo), len(todo), "Imported")
    return report


def import_one(ws: Workspace, path: Path, report: ImportReport, *, max_bytes: int = DEFAULT_MAX_BYTES) -> None:
    try:
        doc, data = read_document(path, max_bytes)
        source_id, is_new = store_document(ws, doc, path=str(path), data=data)
    except WorkbenchError as exc:
        report.failed.append({"path": str(path), "error": str(exc)})
        return
    if not is_new:
        report.duplicates.append({"path": str(path), "source_id": source_id})
        return
    for warning in doc.warnings:
        report.warnings.append({"path": str(path), "warning": warning})
    report.imported.append({
        "path": str(path),
        "source_id": source_id,
        "title": doc.title,
        "outlet": doc.outlet,
        "published": doc.published.isoformat() if doc.published else None,
    })
