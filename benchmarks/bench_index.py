"""Indexing stage: bring the Whoosh index in step with a freshly imported and extracted workspace."""

from __future__ import annotations

from benchmarks.bench_import import children_cpu
from benchmarks.context import BenchRun
from benchmarks.measure import NotBuilt, measured, need, rate


def run(ctx: BenchRun) -> dict:
    if ctx.ws is None:
        raise NotBuilt("needs the import stage")
    sync_index = need("workbench.search.index", "sync_index")
    from workbench.tasks import TaskState

    before = children_cpu()
    with measured() as span:
        report = sync_index(ctx.ws, TaskState())
    n = len(ctx.source_ids)
    out = {
        "articles": n,
        "seconds": span.seconds,
        "cpu_seconds": span.cpu_seconds,
        "worker_cpu_seconds": children_cpu(wait=5.0) - before,  # the later claims indexed on the second core
        "articles_per_s": rate(n, span.seconds),
        "peak_rss_mb": span.peak_mb,
    }
    for name in ("written", "removed"):
        value = getattr(report, name, None)
        if isinstance(value, int) and not isinstance(value, bool):
            out[f"report_{name}"] = value
    return out
