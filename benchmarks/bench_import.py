"""Import stage: the generated folder into a fresh workspace, one transaction per file."""

from __future__ import annotations

from benchmarks.context import BenchRun
from benchmarks.measure import measured, need, rate


def run(ctx: BenchRun) -> dict:
    open_workspace = need("workbench.storage.workspace", "open_workspace")
    import_paths = need("workbench.services.importing", "import_paths")
    ctx.ws = open_workspace(ctx.ws_path, create=True)
    with measured() as span:
        report = import_paths(ctx.ws, [ctx.articles_dir])
    ctx.source_ids = {ctx.key_of(item["path"]): item["source_id"] for item in report.imported}
    return {
        "articles": len(report.imported),
        "failed": len(report.failed),
        "duplicates": len(report.duplicates),
        "seconds": span.seconds,
        "articles_per_s": rate(len(report.imported), span.seconds),
        "peak_rss_mb": span.peak_mb,
    }
