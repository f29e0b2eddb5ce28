"""The brief as CSV: one row per claim with its verdict and citations (UTF-8 with BOM, so Excel reads it)."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from workbench.export.model import BriefData, EvidenceClaim, SourceRef
from workbench.export.writer import write_text_atomically

COLUMNS = (
    "claim_id", "claim", "kind", "rating", "rating_value", "status", "rationale", "reviewer", "reviewed_on",
    "outlet", "title", "url", "published", "sources", "independent_origins", "origin_names",
    "corroborating", "conflicting", "other_evidence",
)
SEPARATOR = " | "


def _safe(value: object) -> str:
    """Text cells that a spreadsheet would run as a formula get a leading apostrophe (CSV injection)."""
    text = "" if value is None else str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def _citation(source: SourceRef) -> str:
    return f"{source.citation()}{f' <{source.url}>' if source.url else ''}"


def _evidence(items: list[EvidenceClaim]) -> str:
    return SEPARATOR.join(f"“{e.text}” — {_citation(e.source)}" for e in items)


def render_csv(brief: BriefData) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for e in brief.entries:
        other = [f"“{c.text}” — {_citation(c.source)}" for c in e.cited_claims]
        other += [_citation(s) for s in e.cited_sources]
        other += [f"{r.url}{f' ({r.note})' if r.note else ''}" for r in e.cited_urls]
        other += e.notes
        writer.writerow([_safe(v) for v in (
            e.claim_id, e.text, e.kind, e.rating.name if e.rating else "",
            e.rating.value if e.rating and e.rating.value is not None else "",
            e.status, e.rationale, e.reviewer or "", e.reviewed_on.isoformat() if e.reviewed_on else "",
            e.source.outlet or "", e.source.title, e.source.url or "",
            e.source.published.isoformat() if e.source.published else "",
            e.sources_count, e.origins_count, "; ".join(e.origin_names),
            _evidence(e.corroborating), _evidence(e.conflicting), SEPARATOR.join(other),
        )])
    return out.getvalue()


def write_csv(brief: BriefData, target: Path | str) -> Path:
    return write_text_atomically(target, render_csv(brief), bom=True)
