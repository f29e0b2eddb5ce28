"""`workbench doctor`: check a workspace for damage and inconsistencies, repair what can be repaired safely."""

from __future__ import annotations

import gc
import logging
import sqlite3
import warnings
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path

from sqlalchemy import delete, select

from workbench.domain.errors import WorkspaceError
from workbench.storage.models import Claim, Link, Source, SourceFile, VerdictEvent, utcnow
from workbench.storage.workspace import SQLITE_MAGIC, Workspace, open_workspace
from workbench.tasks import NO_STATE, TaskState

log = logging.getLogger(__name__)

NO_INDEX = "there is no index yet"
FACET_GROUPS = ("numbers", "dates", "entities", "quotes", "attributions")
# Attributions may name an origin given in a neighbouring sentence, so only these must sit inside their claim.
FACETS_INSIDE_CLAIM = ("numbers", "dates", "entities", "quotes")


@dataclass
class Finding:
    """One problem: what is wrong, where, whether --repair can fix it, and what was done."""

    check: str
    message: str
    ids: list[int] = field(default_factory=list)
    repairable: bool = True
    repaired: bool = False
    action: str = ""          # what the repair did, or what the user should do
    severity: str = "problem"  # problem | note (work not done yet, e.g. extraction; not damage)


@dataclass
class DoctorReport:
    path: str
    findings: list[Finding] = field(default_factory=list)
    checked: dict[str, int] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.unresolved

    @property
    def unresolved(self) -> list[Finding]:
        return [f for f in self.findings if not f.repaired and f.severity == "problem"]

    def to_json(self) -> dict:
        return {"path": self.path, "ok": self.ok, "checked": self.checked,
                "findings": [asdict(f) for f in self.findings],
                "unresolved": len(self.unresolved)}


def run_doctor(path: Path | str, *, repair: bool = False, state: TaskState = NO_STATE) -> DoctorReport:
    """Check the workspace file at ``path``; with ``repair``, fix what can be fixed without losing user work."""
    path = Path(path).expanduser()
    report = DoctorReport(path=str(path))
    if not path.is_file():
        raise WorkspaceError(f"no workspace at {path}")
    if not _check_file(path, report):
        return report
    try:
        ws = open_workspace(path)
    except WorkspaceError as exc:
        report.findings.append(Finding("open", f"the workspace cannot be opened: {exc}", repairable=False,
                                       action=_restore_advice(path)))
        return report
    try:
        steps: list[tuple[str, Callable]] = [
            ("foreign keys", _check_orphans),
            ("sources", _check_sources),
            ("claim spans", _check_spans),
            ("facets", _check_facets),
            ("links", _check_links),
            ("extraction", _check_extraction),
            ("index", _check_index),
        ]
        for done, (label, step) in enumerate(steps):
            state.check()
            state.progress(done, len(steps), f"Checking {label}")
            step(ws, report, repair)
        state.progress(len(steps), len(steps), "Checked")
    finally:
        ws.close()
    for finding in report.findings:
        log.info("doctor %s: [%s] %s%s", path, finding.check, finding.message,
                 f" -> {finding.action}" if finding.action else "")
    return report


# --- the file itself ---------------------------------------------------------------------------------------------

def _check_file(path: Path, report: DoctorReport) -> bool:
    """SQLite's own integrity check, on a raw connection (the app's open would refuse a damaged file)."""
    with path.open("rb") as fh:
        if fh.read(16) != SQLITE_MAGIC:
            report.findings.append(Finding("integrity", "the file is not an SQLite workspace", repairable=False,
                                           action=_restore_advice(path)))
            return False
    try:
        con = sqlite3.connect(str(path), timeout=10)
        try:
            rows = [r[0] for r in con.execute("PRAGMA integrity_check(20)")]
        finally:
            con.close()
    except sqlite3.DatabaseError as exc:
        rows = [str(exc)]
    report.checked["integrity"] = 1
    if rows != ["ok"]:
        report.findings.append(Finding("integrity", "SQLite integrity check failed: " + "; ".join(rows[:5]),
                                       repairable=False, action=_restore_advice(path)))
        return False
    return True


def _restore_advice(path: Path) -> str:
    copies = sorted(path.parent.glob(f"{path.name}.pre-*.bak")) + sorted(path.parent.glob(f"{path.stem}*.bak.fcw"))
    if copies:
        return f"restore from a copy, e.g. {copies[-1]} (keep the damaged file aside)"
    return "restore from your latest `workbench backup` copy (keep the damaged file aside)"


# --- rows whose parent is gone (possible only if written with foreign keys off) ------------------------------------

_ORPHANS = [
    ("source_files", "source_id", "sources"),
    ("claims", "source_id", "sources"),
    ("links", "a_id", "claims"),
    ("links", "b_id", "claims"),
    ("verdicts", "claim_id", "claims"),
    ("verdict_events", "claim_id", "claims"),
    ("brief_items", "claim_id", "claims"),
]


def _check_orphans(ws: Workspace, report: DoctorReport, repair: bool) -> None:
    with ws.engine.connect() as conn:
        found = conn.exec_driver_sql("PRAGMA foreign_key_check").all()
    report.checked["foreign keys"] = 1
    if not found:
        return
    tables = sorted({row[0] for row in found})
    finding = Finding("foreign keys", f"{len(found)} rows point to rows that no longer exist (in {', '.join(tables)})",
                      ids=[row[1] for row in found][:100])
    report.findings.append(finding)
    if repair:
        with ws.engine.begin() as conn:
            for table, column, parent in _ORPHANS:
                conn.exec_driver_sql(
                    f"DELETE FROM {table} WHERE {column} IS NOT NULL AND {column} NOT IN (SELECT id FROM {parent})"
                )
            left = conn.exec_driver_sql("PRAGMA foreign_key_check").all()
        finding.repaired = not left
        finding.action = "deleted the orphaned rows" if not left else f"{len(left)} rows could not be fixed"


# --- sources -------------------------------------------------------------------------------------------------------

def _check_sources(ws: Workspace, report: DoctorReport, repair: bool) -> None:
    with ws.session() as s:
        rows = s.execute(select(Source.id, Source.body, Source.path, SourceFile.source_id)
                         .outerjoin(SourceFile, SourceFile.source_id == Source.id)).all()
        report.checked["sources"] = len(rows)
        empty = [sid for sid, body, _p, _f in rows if not (body or "").strip()]
        if empty:
            finding = Finding("sources", f"{len(empty)} sources have no text", ids=empty)
            report.findings.append(finding)
            if repair:
                stamp = utcnow()
                for source in s.scalars(select(Source).where(Source.id.in_(empty), Source.deleted_at.is_(None))):
                    source.deleted_at = stamp
                finding.repaired = True
                finding.action = "moved them to the trash (`workbench trash WS` lists them)"
        no_file = [sid for sid, _b, path, file_id in rows if path and file_id is None]
        if no_file:
            report.findings.append(Finding(
                "sources", f"{len(no_file)} imported sources lost their original file", ids=no_file,
                repairable=False, action="re-import the files if the original bytes are needed"))


# --- claims: spans and text ----------------------------------------------------------------------------------------

def _check_spans(ws: Workspace, report: DoctorReport, repair: bool) -> None:
    relocated, rederived, trashed = [], [], []
    with ws.session() as s:
        bodies = dict(s.execute(select(Source.id, Source.body)).all())
        claims = s.scalars(select(Claim)).all()
        report.checked["claims"] = len(claims)
        for claim in claims:
            body = bodies.get(claim.source_id) or ""
            if 0 <= claim.start <= claim.end <= len(body) and body[claim.start:claim.end] == claim.text:
                continue
            fix = _span_fix(claim, body)
            if fix == "trash" and claim.deleted_at is not None:
                continue  # already in the trash, and nothing in its article to repair it from
            {"relocate": relocated, "rederive": rederived, "trash": trashed}[fix].append(claim.id)
            if not repair:
                continue
            if fix == "relocate":
                claim.start = _nearest(body, claim.text, claim.start)
                claim.end = claim.start + len(claim.text)
                note = "doctor moved the span to where its text is"
            elif fix == "rederive":
                note = f"doctor replaced the text {claim.text[:200]!r} with the text of its span"
                claim.text = body[claim.start:claim.end]
            else:
                claim.deleted_at = utcnow()
                note = "doctor moved the claim to the trash: its span is outside its article"
            s.add(VerdictEvent(claim_id=claim.id, action="repaired", note=note))
    if relocated:
        report.findings.append(Finding("claim spans", f"{len(relocated)} claims point at the wrong place in "
                                       "their article; their text is found elsewhere in it", ids=relocated,
                                       repaired=repair, action="moved the spans to the text" if repair else ""))
    if rederived:
        report.findings.append(Finding("claim spans", f"{len(rederived)} claims have text that differs from the "
                                       "article at their span", ids=rederived, repaired=repair,
                                       action="took the text from the article (old text kept in the history)"
                                       if repair else ""))
    if trashed:
        report.findings.append(Finding("claim spans", f"{len(trashed)} claims have spans outside their article",
                                       ids=trashed, repaired=repair,
                                       action="moved them to the trash" if repair else ""))


def _span_fix(claim: Claim, body: str) -> str:
    if claim.text and claim.text in body:
        return "relocate"
    if 0 <= claim.start < claim.end <= len(body):
        return "rederive"
    return "trash"


def _nearest(body: str, text: str, near: int) -> int:
    best, pos = None, body.find(text)
    while pos != -1:
        if best is None or abs(pos - near) < abs(best - near):
            best = pos
        pos = body.find(text, pos + 1)
    return best if best is not None else 0


def _check_facets(ws: Workspace, report: DoctorReport, repair: bool) -> None:
    broken: list[int] = []
    with ws.session() as s:
        bodies = dict(s.execute(select(Source.id, Source.body)).all())
        for claim in s.scalars(select(Claim).where(Claim.deleted_at.is_(None))):
            facets = claim.facets or {}
            body = bodies.get(claim.source_id) or ""
            kept, dropped = {}, 0
            for group in FACET_GROUPS:
                items = facets.get(group) or []
                good = [f for f in items if _facet_ok(f, group, claim, body)]
                dropped += len(items) - len(good)
                kept[group] = good
            if dropped:
                broken.append(claim.id)
                if repair:
                    claim.facets = {**facets, **kept}
    report.checked["facets"] = 1
    if broken:
        report.findings.append(Finding("facets", f"{len(broken)} claims have numbers, dates or names whose "
                                       "offsets fall outside the claim or do not match the article",
                                       ids=broken, repaired=repair,
                                       action="dropped those facets; re-extract to recompute" if repair else ""))


def _facet_ok(facet, group: str, claim: Claim, body: str) -> bool:
    if not isinstance(facet, dict):
        return False
    start, end = facet.get("start"), facet.get("end")
    if not isinstance(start, int) or not isinstance(end, int) or not 0 <= start <= end <= len(body):
        return False
    if group in FACETS_INSIDE_CLAIM and not claim.start <= start <= end <= claim.end:
        return False
    return group == "quotes" or body[start:end] == facet.get("text", body[start:end])


# --- links ---------------------------------------------------------------------------------------------------------

def _check_links(ws: Workspace, report: DoctorReport, repair: bool) -> None:
    with ws.session() as s:
        existing = set(s.scalars(select(Claim.id)))
        links = s.execute(select(Link.id, Link.a_id, Link.b_id)).all()
        report.checked["links"] = len(links)
        dangling = [lid for lid, a, b in links if a not in existing or b not in existing]
        self_links = [lid for lid, a, b in links if a == b]
        bad = sorted(set(dangling) | set(self_links))
        if not bad:
            return
        if repair:
            s.execute(delete(Link).where(Link.id.in_(bad)).execution_options(synchronize_session=False))
    message = []
    if dangling:
        message.append(f"{len(dangling)} links point to claims that do not exist")
    if self_links:
        message.append(f"{len(self_links)} links join a claim to itself")
    report.findings.append(Finding("links", "; ".join(message), ids=bad, repaired=repair,
                                   action="deleted those links" if repair else ""))


# --- derived data: extraction and the search index ----------------------------------------------------------------

def _check_extraction(ws: Workspace, report: DoctorReport, repair: bool) -> None:
    """A source stored but never extracted (the app was closed or killed right after the import)."""
    with ws.session() as s:
        pending = list(s.scalars(select(Source.id).where(Source.extracted_at.is_(None), Source.deleted_at.is_(None))))
    if not pending:
        return
    finding = Finding("extraction", f"{len(pending)} sources have not been through claim extraction yet",
                      ids=pending, severity="note")
    report.findings.append(finding)
    if not repair:
        return
    from workbench.services import pipeline

    pipeline.after_import(ws, pending)
    with ws.session() as s:
        left = list(s.scalars(select(Source.id).where(Source.id.in_(pending), Source.extracted_at.is_(None))))
    finding.repaired = not left
    finding.action = "extracted their claims" if not left else \
        f"extraction is not available or failed for {len(left)} sources; run `workbench extract`"


def _check_index(ws: Workspace, report: DoctorReport, repair: bool) -> None:
    problem = index_problem(ws)
    report.checked["index"] = 1
    if problem is None:
        return
    # No index at all is not damage: it is built on the first search. Anything else is.
    finding = Finding("index", f"the search index is out of step with the workspace: {problem}",
                      severity="note" if problem == NO_INDEX else "problem")
    report.findings.append(finding)
    if repair:
        rebuild_index(ws)
        after = index_problem(ws)
        finding.repaired = after is None
        finding.action = "rebuilt the index from the workspace" if after is None else f"still wrong: {after}"


def index_problem(ws: Workspace) -> str | None:
    """None when the index holds exactly the live sources and claims; else what differs, in words."""
    from workbench.search.schema import CLAIM, SOURCE

    with ws.session() as s:
        expected = {(SOURCE, i) for i in s.scalars(select(Source.id).where(Source.deleted_at.is_(None)))}
        expected |= {(CLAIM, i) for i in s.scalars(
            select(Claim.id).join(Source, Source.id == Claim.source_id)
            .where(Claim.deleted_at.is_(None), Source.deleted_at.is_(None)))}
    directory = ws.index_dir
    if not directory.is_dir() or not any(directory.glob("*.toc")):
        return NO_INDEX if expected else None
    # Whoosh's TOC.read leaves its file open when the TOC is damaged; that file is closed when the error is
    # dropped, so the ResourceWarning is silenced around the whole attempt.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ResourceWarning)
        actual = _indexed_items(directory)
        gc.collect()
    if isinstance(actual, str):
        return actual
    missing, extra = expected - actual, actual - expected
    if not missing and not extra:
        return None
    parts = []
    if missing:
        parts.append(f"{len(missing)} items missing")
    if extra:
        parts.append(f"{len(extra)} deleted items still listed")
    return ", ".join(parts)


def _indexed_items(directory: Path) -> set[tuple[str, int]] | str:
    """The (type, id) of every source and claim in the index, or why it cannot be read."""
    from whoosh import index as whoosh_index

    from workbench.search.schema import CLAIM, SOURCE

    try:
        ix = whoosh_index.open_dir(str(directory))
        with ix.searcher() as searcher:
            return {(stored["type"], int(stored["id"])) for _n, stored in searcher.reader().iter_docs()
                    if stored.get("type") in (SOURCE, CLAIM)}
    except Exception as exc:  # a damaged index is derived data: report it, a rebuild repairs it
        log.warning("cannot read the index %s: %s: %s", directory, type(exc).__name__, str(exc))
        return f"the index cannot be read ({type(exc).__name__})"


def rebuild_index(ws: Workspace) -> None:
    from workbench.search import index as search_index

    search_index.rebuild_index(ws, reason="doctor found the search index out of step")


def sync_index(ws: Workspace) -> None:
    """Apply database changes to the index (the search layer's incremental sync)."""
    from workbench.search import index as search_index

    search_index.sync_index(ws)
