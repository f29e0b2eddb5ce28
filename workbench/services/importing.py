"""Importing files and folders into a workspace: one transaction per file, failures reported, never fatal."""

from __future__ import annotations

import json
import logging
import os
from collections import OrderedDict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import bindparam, func, insert, select, text
from sqlalchemy.orm import Session

from workbench.domain.errors import WorkbenchError
from workbench.ingest.document import Document
from workbench.ingest.fingerprint import is_near_duplicate, sample, shingles
from workbench.ingest.limits import DEFAULT_MAX_BYTES  # re-exported: the CLI reads it without loading parsers
from workbench.ingest.normalize import body_hash, fold_for_duplicates
from workbench.ingest.readers import MEDIA_TYPES, is_supported
from workbench.ingest.reading import (  # noqa: F401 (parse_document: re-exported for callers of this module)
    Prints, parse_document, prints_of, read_for_import,
)
from workbench.services.offload import offloaded
from workbench.storage.bulk import insert_many
from workbench.storage.models import Source, SourceFile, SourceFingerprint
from workbench.storage.workspace import Workspace
from workbench.tasks import NO_STATE, TaskState

log = logging.getLogger(__name__)

# A sampled shingle found in more sources than this is boilerplate for the duplicate lookup.
COMMON_SHINGLE_SOURCES = 50
# The share of a new text's sample that a stored source must hold to be compared in full (margin below 0.6).
MIN_SAMPLE_SHARE = 0.45
FILES_PER_COMMIT = 20


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
        return {"imported": self.imported, "duplicates": self.duplicates, "failed": self.failed,
                "warnings": self.warnings}

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
            problems: list[OSError] = []
            found = []
            for root, dirs, files in os.walk(path, onerror=problems.append):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                found += [Path(root) / f for f in sorted(files) if not f.startswith(".")]
            for problem in problems:
                yield Path(problem.filename or path), f"cannot read the folder: {problem.strerror or problem}"
            for f in found:
                if is_supported(f):
                    yield f, None
        elif path.exists() or path.is_symlink():
            yield path, None
        else:
            yield path, "no such file or folder"


def find_duplicate(session, doc: Document, hashes: set[int] | None = None) -> int | None:
    """The live source holding the same article: the same folded text, or nearly the same text (a copy in
    another format where the extractor kept or dropped a line). Copies naming another outlet or address are
    syndicated copies, not duplicates, and are stored; see `same_text_as`."""
    dup, _ = _match(session, doc, hashes)
    return dup


def same_text_as(session, doc: Document, hashes: set[int] | None = None) -> int | None:
    """A live source with the same text but another outlet or URL (a syndicated copy), if any."""
    _, syndicated = _match(session, doc, hashes)
    return syndicated


_LIVE = Source.deleted_at.is_(None)
# Built once: making and compiling the lookup's statements for every file cost about as much as running them.
_EXACT = select(Source.id, Source.outlet, Source.url).where(Source.body_hash == bindparam("folded"), _LIVE).limit(20)
_SHARED = func.count(SourceFingerprint.hash)
_SHARING = (select(SourceFingerprint.source_id, _SHARED)
            .where(SourceFingerprint.hash.in_(bindparam("picked", expanding=True)))
            .group_by(SourceFingerprint.source_id)
            .having(_SHARED >= bindparam("least"))
            .order_by(_SHARED.desc())
            .limit(20))
_TRASHED = select(Source.id).where(Source.id.in_(bindparam("ids", expanding=True)), Source.deleted_at.is_not(None))
_CANDIDATE = select(Source.body, Source.outlet, Source.url).where(Source.id == bindparam("id"))


def _match(session, doc: Document, hashes: set[int] | None,
           prints: Prints | None = None) -> tuple[int | None, int | None]:
    """(duplicate id, syndicated copy id): exact folded-text hash first, then the fingerprint index."""
    folded_hash = prints.folded_hash if prints is not None else body_hash(doc.body)
    exact = session.execute(_EXACT, {"folded": folded_hash}).all()
    syndicated = None
    for source_id, outlet, url in exact:
        if not _other_publication(doc, outlet, url):
            return source_id, None
        syndicated = syndicated or source_id
    hashes = shingles(doc.body) if hashes is None else hashes
    picked = prints.sample if prints is not None else sample(hashes)
    if not picked:
        return None, syndicated
    picked = _distinctive(session, picked)
    # A copy holds most of our distinctive sample (resemblance >= 0.6 needs that much), so sources sharing less
    # than MIN_SAMPLE_SHARE of it are never read. No join to sources here: joined, SQLite walks every live
    # source instead of the hash index.
    rows = session.execute(_SHARING, {"picked": picked, "least": max(1, int(MIN_SAMPLE_SHARE * len(picked)))}).all()
    trashed = set(session.scalars(_TRASHED, {"ids": [source_id for source_id, _ in rows]})) if rows else set()
    seen = {source_id for source_id, _, _ in exact} | trashed
    for source_id in [source_id for source_id, _ in rows if source_id not in seen][:10]:
        body, outlet, url = session.execute(_CANDIDATE, {"id": source_id}).one()
        if not is_near_duplicate(hashes, _body_shingles(body)):
            continue
        if not _other_publication(doc, outlet, url):
            return source_id, None
        syndicated = syndicated or source_id
    return None, syndicated


# The shingles of recently stored bodies: the copies a file is compared with were mostly imported just before it.
_SHINGLES: OrderedDict[str, frozenset[int]] = OrderedDict()
_SHINGLES_KEPT = 64


def _body_shingles(body: str, known: frozenset[int] | None = None) -> frozenset[int]:
    hashes = _SHINGLES.get(body)
    if hashes is None:
        hashes = known if known is not None else frozenset(shingles(body))
        _SHINGLES[body] = hashes
        if len(_SHINGLES) > _SHINGLES_KEPT:
            _SHINGLES.popitem(last=False)
    else:
        _SHINGLES.move_to_end(body)
    return hashes


# Each hash's sources counted only up to one past the limit: boilerplate hashes are in ever more sources, and a
# plain count would read them all on every import.
_CAPPED_COUNTS = text(
    "SELECT j.value, (SELECT count(*) FROM (SELECT 1 FROM source_fingerprints f WHERE f.hash = j.value LIMIT :cap))"
    " FROM json_each(:hashes) AS j"
)


def _distinctive(session, picked: list[int]) -> list[int]:
    """The sampled hashes that are not boilerplate: a shingle shared by very many sources ("did not
    immediately respond to a request") says nothing about a copy and makes the lookup read many rows."""
    counts = dict(session.execute(
        _CAPPED_COUNTS, {"cap": COMMON_SHINGLE_SOURCES + 1, "hashes": json.dumps(picked)}).all())
    kept = [h for h in picked if counts.get(h, 0) <= COMMON_SHINGLE_SOURCES]
    return kept if len(kept) >= max(1, len(picked) // 4) else picked


def _other_publication(doc: Document, outlet: str | None, url: str | None) -> bool:
    """True when both name an outlet (or an address) and the names differ: the same text published twice."""
    if doc.outlet and outlet:
        a, b = fold_for_duplicates(doc.outlet), fold_for_duplicates(outlet)
        if a and b and a not in b and b not in a:
            return True
    if doc.url and url and _url_key(doc.url) != _url_key(url):
        return True
    return False


def _url_key(url: str) -> str:
    """Scheme, "www.", query, fragment and trailing slash do not make another address."""
    text = url.strip().lower().split("#", 1)[0].split("?", 1)[0]
    for prefix in ("https://", "http://"):
        if text.startswith(prefix):
            text = text[len(prefix):]
    for prefix in ("www.", "m.", "amp."):
        if text.startswith(prefix):
            text = text[len(prefix):]
    return text.rstrip("/").removesuffix("/amp")


_INSERT_SOURCE = insert(Source.__table__)
_INSERT_FILE = insert(SourceFile.__table__)


def store_document(ws: Workspace, doc: Document, *, path: str | None, data: bytes | None,
                   media_type: str | None = None, prints: Prints | None = None,
                   session: Session | None = None) -> tuple[int, bool]:
    """Store a parsed document in its own transaction, or in ``session``'s. Returns (source id, is_new)."""
    prints = prints or prints_of(doc.body)
    hashes = _body_shingles(doc.body, prints.shingles)
    if session is not None:
        return _store(session, doc, path, data, media_type, prints, hashes)
    with ws.session() as session:
        return _store(session, doc, path, data, media_type, prints, hashes)


def _store(session: Session, doc: Document, path: str | None, data: bytes | None, media_type: str | None,
           prints: Prints, hashes: frozenset[int]) -> tuple[int, bool]:
    dup, syndicated = _match(session, doc, hashes, prints)
    if dup is not None:
        return dup, False
    if syndicated is not None:
        doc.warnings.append(f"same text as source #{syndicated}, published elsewhere (a syndicated copy?)")
    # Core inserts: the unit of work for one row and its file cost more than the rows are worth here.
    source_id = session.execute(_INSERT_SOURCE, {
        "title": doc.title or (Path(path).stem if path else "Untitled"),
        "outlet": doc.outlet,
        "author": doc.author,
        "url": doc.url,
        "published": doc.published,
        "published_time": doc.published_time,
        "language": doc.language,
        "body": doc.body,
        "body_hash": prints.folded_hash,
        "path": path,
        "format": doc.format,
        "warnings": list(doc.warnings),
    }).inserted_primary_key[0]
    if data is not None:
        name = Path(path).name if path and "://" not in path else None
        session.execute(_INSERT_FILE, {"source_id": source_id, "filename": name, "media_type": media_type,
                                       "data": data})
    insert_many(session, SourceFingerprint.__table__, [{"source_id": source_id, "hash": h} for h in prints.sample])
    return source_id, True


def import_paths(ws: Workspace, paths: Iterable[Path | str], *, max_bytes: int = DEFAULT_MAX_BYTES,
                 state: TaskState = NO_STATE) -> ImportReport:
    """Import files and folders; each file alone, so one bad file never harms the others."""
    report = ImportReport()
    todo = list(expand_paths(paths))
    readable = [path for path, error in todo if not error]
    # Files are read and parsed on the second core while this process stores the ones before them.
    read = offloaded(read_for_import, readable, max_bytes, count=len(readable))
    try:
        done = 0
        while done < len(todo) and not state.cancelled:
            # Several files per transaction: a commit per file was a fifth of the work. A file that cannot be read
            # fails alone (in the worker, before any writing); the workspace failing to write (a full disk) fails
            # the files of the transaction, which is rolled back. Files stored before a cancel are kept.
            marks = len(report.imported), len(report.warnings), len(report.duplicates)
            storing = None   # the file being stored when the workspace fails, if it fails then
            try:
                with ws.session() as session:
                    for path, error in todo[done:done + FILES_PER_COMMIT]:
                        if state.cancelled:
                            break
                        state.progress(done, len(todo), f"Importing {path.name}")
                        done += 1
                        if error:
                            report.failed.append({"path": str(path), "error": error})
                            continue
                        storing = path
                        _store_read(ws, path, next(read), report, session)
                        storing = None
            except WorkbenchError as exc:
                _not_committed(report, marks, str(exc), storing)
        state.check()
    finally:
        read.close()
    state.progress(len(todo), len(todo), "Imported")
    return report


def _not_committed(report: ImportReport, marks: tuple[int, int, int], error: str, path: Path | None) -> None:
    """Report the files stored since ``marks`` (the report's lengths then), the copies of them found since, and
    the one being stored as failed: their transaction was rolled back."""
    imported, warnings, duplicates = marks
    lost = report.imported[imported:]
    lost_ids = {item["source_id"] for item in lost}
    copies = [item for item in report.duplicates[duplicates:] if item["source_id"] in lost_ids]
    report.failed += [{"path": item["path"], "error": error} for item in lost + copies]
    if path is not None:
        report.failed.append({"path": str(path), "error": error})
    del report.imported[imported:]
    del report.warnings[warnings:]
    report.duplicates[duplicates:] = [item for item in report.duplicates[duplicates:] if item not in copies]


def import_one(ws: Workspace, path: Path, report: ImportReport, *, max_bytes: int = DEFAULT_MAX_BYTES) -> None:
    _store_read(ws, path, read_for_import(max_bytes, path), report)


def _store_read(ws: Workspace, path: Path, read: tuple[Document, bytes, Prints] | str, report: ImportReport,
                session: Session | None = None) -> None:
    """Store what was read of one file, or report why it could not be read. Without ``session``, a workspace
    error fails this file alone; in one, it is raised (the transaction cannot go on)."""
    if isinstance(read, str):
        report.failed.append({"path": str(path), "error": read})
        return
    doc, data, prints = read
    try:
        source_id, is_new = store_document(ws, doc, path=str(path), data=data,
                                           media_type=MEDIA_TYPES.get(path.suffix.lower()), prints=prints,
                                           session=session)
    except WorkbenchError as exc:
        if session is not None:
            raise
        report.failed.append({"path": str(path), "error": str(exc)})
        return
    _report_stored(report, str(path), doc, source_id, is_new)


def import_url(ws: Workspace, url: str, *, timeout: float | None = None,
               max_bytes: int = DEFAULT_MAX_BYTES) -> ImportReport:
    """Fetch a web article and import it; a network problem is one line in `failed`, never an exception."""
    from workbench.ingest.url import DEFAULT_TIMEOUT, read_url

    report = ImportReport()
    try:
        doc, data, media_type = read_url(url, timeout=timeout or DEFAULT_TIMEOUT, max_bytes=max_bytes)
        source_id, is_new = store_document(ws, doc, path=url, data=data, media_type=media_type)
    except WorkbenchError as exc:
        report.failed.append({"path": url, "error": str(exc)})
        return report
    except Exception as exc:  # a parser bug on a hostile page must not end the batch
        log.exception("importing %s failed", url)
        report.failed.append({"path": url, "error": f"cannot read the page ({type(exc).__name__}: {str(exc)[:120]})"})
        return report
    _report_stored(report, url, doc, source_id, is_new)
    return report


def _report_stored(report: ImportReport, path: str, doc: Document, source_id: int, is_new: bool) -> None:
    if not is_new:
        report.duplicates.append({"path": path, "source_id": source_id})
        return
    for warning in doc.warnings:
        report.warnings.append({"path": path, "warning": warning})
    report.imported.append({
        "path": path,
        "source_id": source_id,
        "title": doc.title,
        "outlet": doc.outlet,
        "published": doc.published.isoformat() if doc.published else None,
    })
