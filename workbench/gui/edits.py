"""Undoable edits (QUndoCommand): manual claims (add, adjust, split, merge, delete) and moving sources to the trash.

Each command is thin: one session, one call into the core, then the window refreshes what changed.
"""

from __future__ import annotations

from collections.abc import Callable

from workbench.gui.qt import QtGui
from workbench.storage.workspace import Workspace


def _claims():
    from workbench.services import claims
    return claims


def _trash():
    from workbench.services import trash
    return trash


class _Command(QtGui.QUndoCommand):
    """Base: runs ``_do``/``_undo`` in one session each, then tells the window which source changed."""

    def __init__(self, ws: Workspace, text: str, on_change: Callable[[int | None, int | None], None]):
        super().__init__(text)
        self.ws = ws
        self.on_change = on_change   # (source id, claim id to select)
        self.source_id: int | None = None
        self.select_after: int | None = None
        self.select_after_undo: int | None = None
        self.on_error: Callable[[Exception], None] | None = None

    def execute(self) -> None:
        """The first run, before the command goes on the stack; a WorkbenchError propagates to the caller."""
        with self.ws.session() as session:
            self._do(session)
        self._executed = True
        self.on_change(self.source_id, self.select_after)

    def redo(self) -> None:
        if getattr(self, "_executed", False):   # QUndoStack.push calls redo; the first run already happened
            self._executed = False
            return
        self._guarded(self._do, self.select_after)

    def undo(self) -> None:
        self._guarded(self._undo, self.select_after_undo)

    def _guarded(self, step, select: int | None) -> None:
        # Exceptions cannot leave a Qt virtual override, so they are reported through on_error instead.
        try:
            with self.ws.session() as session:
                step(session)
        except Exception as exc:
            self.setObsolete(True)
            if self.on_error is not None:
                self.on_error(exc)
            return
        self.on_change(self.source_id, select)

    def _do(self, session) -> None:
        raise NotImplementedError

    def _undo(self, session) -> None:
        raise NotImplementedError


def _claim_id(result) -> int:
    return int(result["id"] if isinstance(result, dict) else result)


class AddClaim(_Command):
    def __init__(self, ws, source_id: int, start: int, end: int, on_change, kind: str | None = None):
        super().__init__(ws, "Add claim", on_change)
        self.source_id, self.start, self.end, self.kind = source_id, start, end, kind
        self.claim_id: int | None = None

    def _do(self, session) -> None:
        if self.claim_id is None:
            kwargs = {"kind": self.kind} if self.kind else {}
            self.claim_id = _claim_id(_claims().add_claim(session, self.source_id, self.start, self.end, **kwargs))
        else:
            _trash().restore_claim(session, self.claim_id)
        self.select_after = self.claim_id

    def _undo(self, session) -> None:
        _trash().delete_claim(session, self.claim_id)


class DeleteClaims(_Command):
    def __init__(self, ws, source_id: int | None, claim_ids: list[int], on_change):
        super().__init__(ws, "Delete claim" if len(claim_ids) == 1 else f"Delete {len(claim_ids)} claims",
                         on_change)
        self.source_id, self.claim_ids = source_id, list(claim_ids)
        self.select_after_undo = self.claim_ids[0]

    def _do(self, session) -> None:
        for claim_id in self.claim_ids:
            _trash().delete_claim(session, claim_id)

    def _undo(self, session) -> None:
        for claim_id in self.claim_ids:
            _trash().restore_claim(session, claim_id)


class AdjustSpan(_Command):
    def __init__(self, ws, source_id: int, claim_id: int, old: tuple[int, int], new: tuple[int, int], on_change):
        super().__init__(ws, "Adjust claim span", on_change)
        self.source_id, self.claim_id, self.old, self.new = source_id, claim_id, old, new
        self.select_after = self.select_after_undo = claim_id

    def _do(self, session) -> None:
        _claims().adjust_span(session, self.claim_id, *self.new)

    def _undo(self, session) -> None:
        _claims().adjust_span(session, self.claim_id, *self.old)


class SplitClaim(_Command):
    """Split one claim at an offset; undo puts the original back and removes the parts."""

    def __init__(self, ws, source_id: int, claim_id: int, at: int, on_change):
        super().__init__(ws, "Split claim", on_change)
        self.source_id, self.claim_id, self.at = source_id, claim_id, at
        self.parts: list[int] = []
        self.select_after_undo = claim_id

    def _do(self, session) -> None:
        if not self.parts:
            result = _claims().split_claim(session, self.claim_id, self.at)
            self.parts = [_claim_id(r) for r in result]
        else:
            _trash().delete_claim(session, self.claim_id)
            for part in self.parts:
                if part != self.claim_id:
                    _trash().restore_claim(session, part)
        self.select_after = self.parts[0]

    def _undo(self, session) -> None:
        for part in self.parts:
            if part != self.claim_id:
                _trash().delete_claim(session, part)
        _restore_or_keep(session, self.claim_id)


class MergeClaims(_Command):
    """Merge claims of one source into one; undo brings the originals back."""

    def __init__(self, ws, source_id: int, claim_ids: list[int], on_change):
        super().__init__(ws, f"Merge {len(claim_ids)} claims", on_change)
        self.source_id, self.claim_ids = source_id, list(claim_ids)
        self.merged: int | None = None
        self.select_after_undo = self.claim_ids[0]

    def _do(self, session) -> None:
        if self.merged is None:
            self.merged = _claim_id(_claims().merge_claims(session, self.claim_ids))
        else:
            for claim_id in self.claim_ids:
                if claim_id != self.merged:
                    _trash().delete_claim(session, claim_id)
            _restore_or_keep(session, self.merged)
        self.select_after = self.merged

    def _undo(self, session) -> None:
        if self.merged not in self.claim_ids:
            _trash().delete_claim(session, self.merged)
        for claim_id in self.claim_ids:
            _restore_or_keep(session, claim_id)


def _restore_or_keep(session, claim_id: int) -> None:
    """Restore a claim if it is in the trash (a service may have kept it live, e.g. the merged survivor)."""
    from workbench.storage.models import Claim

    claim = session.get(Claim, claim_id)
    if claim is not None and claim.deleted_at is not None:
        _trash().restore_claim(session, claim_id)


class DeleteSources(_Command):
    def __init__(self, ws, source_ids: list[int], on_change):
        super().__init__(ws, "Move source to the trash" if len(source_ids) == 1
                         else f"Move {len(source_ids)} sources to the trash", on_change)
        self.source_ids = list(source_ids)

    def _do(self, session) -> None:
        for source_id in self.source_ids:
            _trash().delete_source(session, source_id)

    def _undo(self, session) -> None:
        for source_id in self.source_ids:
            _trash().restore_source(session, source_id)
        self.source_id = self.source_ids[0]
