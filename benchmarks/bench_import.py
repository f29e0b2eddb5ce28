"""Import stage: the generated folder into a fresh workspace, one transaction per file."""

from __future__ import annotations

import multiprocessing
import resource
import time

from benchmarks.context import BenchRun
from benchmarks.measure import measured, need, rate


def children_cpu(wait: float = 0.0) -> float:
    """CPU seconds of the ended child processes (the stage's worker, once it has exited: up to ``wait`` s)."""
    deadline = time.monotonic() + wait
    while multiprocessing.active_children() and time.monotonic() < deadline:
        time.sleep(0.05)
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run(ctx: BenchRun) -> dict:
    open_workspace = need("workbench.storage.workspace", "open_workspace")
    import_paths = need("workbench.services.importing", "import_paths")
    ctx.ws = open_workspace(ctx.ws_path, create=True)
    before = children_cpu()
    with measured() as span:
        report = import_paths(ctx.ws, [ctx.articles_dir])
    ctx.source_ids = {ctx.key_of(item["path"]): item["source_id"] for item in report.imported}
    return {
        "articles": len(report.imported),
        "failed": len(report.failed),
        "duplicates": len(report.duplicates),
        "seconds": span.seconds,
        "cpu_seconds": span.cpu_seconds,
        "worker_cpu_seconds": children_cpu(wait=5.0) - before,  # files read on the second core
        "articles_per_s": rate(len(report.imported), span.seconds),
        "peak_rss_mb": span.peak_mb,
    }
