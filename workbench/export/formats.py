"""One entry point for every export format: read the brief in one session, then render and write it."""

from __future__ import annotations

from pathlib import Path

from workbench.domain.errors import ExportError
from workbench.export import FORMATS, SUFFIXES
from workbench.export.claimreview import write_claimreview
from workbench.export.csv import write_csv
from workbench.export.docx import write_docx
from workbench.export.markdown import write_markdown
from workbench.export.model import BriefData, build_brief
from workbench.tasks import NO_STATE, TaskState



def write_brief(
    brief: BriefData, fmt: str, target: Path | str, *, template: Path | None = None, base_url: str | None = None,
) -> Path:
    if fmt == "docx":
        return write_docx(brief, target, template=template)
    if fmt == "claimreview":
        if not any(e.rating for e in brief.entries):
            raise ExportError("none of these claims has a rating, so there is no ClaimReview to write")
        return write_claimreview(brief, target, base_url=base_url)
    if fmt == "markdown":
        return write_markdown(brief, target)
    if fmt == "csv":
        return write_csv(brief, target)
    raise ExportError(f"unknown export format {fmt!r}; use one of: {', '.join(FORMATS)}")


def export_workspace(
    ws, fmt: str, target: Path | str, *, claim_ids: list[int] | None = None, include_all: bool = False,
    brief_id: int | None = None, title: str | None = None, summary: str | None = None, author: str | None = None,
    template: Path | None = None, base_url: str | None = None, state: TaskState = NO_STATE,
) -> tuple[Path, BriefData]:
    """Export from an open workspace (the CLI's and the GUI's background job). Returns the path and the data."""
    if fmt not in FORMATS:
        raise ExportError(f"unknown export format {fmt!r}; use one of: {', '.join(FORMATS)}")
    state.progress(0, 2, "reading claims")
    with ws.session() as session:
        brief = build_brief(session, claim_ids=claim_ids, include_all=include_all, brief_id=brief_id, title=title,
                            summary=summary, author=author, workspace=Path(ws.path).stem)
    state.check()
    state.progress(1, 2, f"writing {fmt}")
    path = write_brief(brief, fmt, target, template=template, base_url=base_url)
    state.progress(2, 2, "done")
    return path, brief
