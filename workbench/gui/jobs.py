"""The plain functions the window runs in the background; each opens its own session (no Qt here)."""

from __future__ import annotations

from pathlib import Path

from workbench.services import views
from workbench.storage.workspace import Workspace
from workbench.tasks import TaskState


def load_sources(ws: Workspace) -> tuple[list[views.SourceRow], list[str]]:
    with ws.session() as session:
        return views.source_rows(session), views.claim_kinds(session)


def load_claim_ids(ws: Workspace, flt: views.ClaimFilter, key: str, descending: bool) -> list[int]:
    with ws.session() as session:
        return views.claim_ids(session, flt, key, descending)


def import_and_process(ws: Workspace, paths: list[Path], urls: list[str], state: TaskState):
    """Import files/folders and URLs, then run the after-import steps (extract, index, check)."""
    from workbench.services import pipeline
    from workbench.services.importing import import_paths

    report = import_paths(ws, paths, state=state)
    if urls:
        from workbench.services.importing import import_url

        for url in urls:
            state.check()
            report.merge(import_url(ws, url))
    if report.source_ids:
        pipeline.after_import(ws, report.source_ids, state)
    return report


def search(ws: Workspace, query: str, limit: int = 50) -> list[dict]:
    from workbench.services.searching import search as run

    return run(ws, query, limit)


def export_docx(ws: Workspace, brief_id: int | None, claim_ids: list[int], target: Path, state: TaskState) -> Path:
    from workbench.export.docx import write_docx
    from workbench.export.model import build_brief

    state.progress(0, 2, "Reading the brief")
    with ws.session() as session:
        data = build_brief(session, brief_id=brief_id, claim_ids=claim_ids or None, workspace=ws.path.name)
    state.check()
    state.progress(1, 2, "Writing the document")
    path = write_docx(data, target)
    state.progress(2, 2, "Written")
    return path


def check_all(ws: Workspace, state: TaskState):
    from workbench.services.checking import check_all as run

    return run(ws, state=state)


def extract_all(ws: Workspace, state: TaskState):
    from sqlalchemy import select

    from workbench.services.extraction import extract_sources
    from workbench.storage.models import Source

    with ws.session() as session:
        ids = list(session.scalars(select(Source.id).where(Source.deleted_at.is_(None))))
    return extract_sources(ws, ids, state=state)


def reindex(ws: Workspace, state: TaskState):
    from workbench.services.searching import reindex as run

    return run(ws, state)


def save_copy(ws_path: Path, target: Path, state: TaskState):
    from workbench.services.backup import backup_workspace

    return backup_workspace(ws_path, target, overwrite=target.exists(), state=state)


def claim_labels(session, claim_ids: list[int]) -> dict[int, str]:
    """Short 'Outlet: claim text' labels for lists (the brief)."""
    rows = views.claim_rows(session, list(claim_ids))
    out = {}
    for cid, r in rows.items():
        text = r.text.replace("\n", " ")
        text = text if len(text) <= 140 else text[:139] + "…"
        rating = f"  [{r.rating}]" if r.rating else ""
        out[cid] = f"{r.outlet or 'Unknown'}: {text}{rating}"
    return out
