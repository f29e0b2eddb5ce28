"""Extraction stage: the pure extractor over every stored body (one core), then extraction stored in the workspace."""

from __future__ import annotations

from sqlalchemy import func, select

from benchmarks.bench_import import children_cpu
from benchmarks.context import BenchRun
from benchmarks.measure import NotBuilt, measured, need, rate


def load_bodies(ctx: BenchRun) -> list[tuple[int, str, object]]:
    from workbench.storage.models import Source

    with ctx.ws.session() as session:
        return [tuple(row) for row in session.execute(
            select(Source.id, Source.body, Source.published).where(Source.deleted_at.is_(None)).order_by(Source.id))]


def run_pure(ctx: BenchRun) -> dict:
    """`extract_claims(body, published)` alone: no database, the figure the extraction issue sets."""
    if ctx.ws is None:
        raise NotBuilt("needs the import stage")
    extract_claims = need("workbench.extract", "extract_claims")
    bodies = load_bodies(ctx)
    words = sum(len(body.split()) for _, body, _ in bodies)
    claims = 0
    with measured() as span:
        for _, body, published in bodies:
            claims += len(extract_claims(body, published))
    return {
        "articles": len(bodies),
        "claims": claims,
        "claims_per_article": claims / len(bodies) if bodies else None,
        "words_per_article": words / len(bodies) if bodies else None,
        "seconds": span.seconds,
        "articles_per_s": rate(len(bodies), span.seconds),
        "peak_rss_mb": span.peak_mb,
    }


def run_stored(ctx: BenchRun) -> dict:
    """`extract_sources(ws, ids, state)`: extraction with the claims written to the workspace."""
    if ctx.ws is None:
        raise NotBuilt("needs the import stage")
    extract_sources = need("workbench.services.extraction", "extract_sources")
    from workbench.storage.models import Claim
    from workbench.tasks import TaskState

    ids = sorted(ctx.source_ids.values())
    before = children_cpu()
    with measured() as span:
        extract_sources(ctx.ws, ids, TaskState())
    worker = children_cpu(wait=5.0) - before
    with ctx.ws.session() as session:
        claims = session.scalar(select(func.count(Claim.id)).where(Claim.deleted_at.is_(None)))
    return {
        "articles": len(ids),
        "claims": claims,
        "seconds": span.seconds,
        "cpu_seconds": span.cpu_seconds,
        "worker_cpu_seconds": worker,  # claims drafted on the second core
        "articles_per_s": rate(len(ids), span.seconds),
        "peak_rss_mb": span.peak_mb,
    }

