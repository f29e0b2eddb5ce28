"""What happens to newly imported sources after they are stored: extraction, indexing, checking."""

from __future__ import annotations

from workbench.search.index import sync_index
from workbench.storage.workspace import Workspace
from workbench.tasks import NO_STATE, TaskState


def after_import(ws: Workspace, source_ids: list[int], state: TaskState = NO_STATE) -> None:
    """Run the derived-data steps for new sources. Each step is its own transaction."""
    if not source_ids:
        return
    # Extraction step: claims with their facets, one transaction per source.
    state.check()
    from workbench.services.extraction import extract_sources

    extract_sources(ws, source_ids, state)
    # Index step (after extraction, before the check, which retrieves its candidates from the index).
    state.check()
    sync_index(ws, state)
    # Check step: the new claims against every other source (candidates come from the index just synced).
    state.check()
    from workbench.services.checking import check_sources

    check_sources(ws, source_ids, state)
