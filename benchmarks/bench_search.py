"""Search stage: latency of a fixed query mix through the workbench, beside SQLite FTS5 in the same run."""

from __future__ import annotations

import time

from benchmarks.context import BenchRun
from benchmarks.fts5_baseline import Fts5Baseline
from benchmarks.measure import NotBuilt, need, percentile
from benchmarks.queries import query_mix

LIMIT = 10


def _timed(fn, queries: list[str], reps: int) -> tuple[list[float], int, list[str], list[float]]:
    """Wall-clock latencies, hits, errors, and CPU-time latencies (this process only: on a shared machine the
    wall clock also measures the neighbours)."""
    for q in queries:               # warm caches and lazy loading once, untimed
        try:
            fn(q)
        except Exception:
            pass
    latencies: list[float] = []
    cpu: list[float] = []
    hits = 0
    errors: list[str] = []
    for _ in range(reps):
        for q in queries:
            start, start_cpu = time.perf_counter(), time.process_time()
            try:
                found = fn(q)
            except Exception as exc:
                errors.append(f"{q!r}: {type(exc).__name__}: {exc}"[:160])
                continue
            latencies.append((time.perf_counter() - start) * 1000)
            cpu.append((time.process_time() - start_cpu) * 1000)
            hits += len(found)
    return latencies, hits, errors, cpu


def run(ctx: BenchRun) -> dict:
    if ctx.ws is None:
        raise NotBuilt("needs the import stage")
    search = need("workbench.services.searching", "search")
    sync_index = need("workbench.search.index", "sync_index")
    sync_index(ctx.ws)   # a no-op after the index stage; builds the index when that stage was skipped
    mix = query_mix(ctx.corpus)
    reps = 1 if ctx.quick else 3

    baseline = Fts5Baseline(ctx.workdir / "fts5.sqlite")
    try:
        docs, load_seconds = baseline.load_workspace(ctx.ws)
        fts_ms, fts_hits, fts_errors, fts_cpu = _timed(lambda q: baseline.search(q, LIMIT), [p.fts5 for p in mix],
                                                       reps)
    finally:
        baseline.close()
    wb_ms, wb_hits, wb_errors, wb_cpu = _timed(lambda q: search(ctx.ws, q, LIMIT), [p.whoosh for p in mix], reps)

    wb_p95, fts_p95 = percentile(wb_ms, 95), percentile(fts_ms, 95)
    by_kind: dict[str, float] = {}
    for kind in sorted({p.kind for p in mix}):
        qs = [p.whoosh for p in mix if p.kind == kind]
        lat = _timed(lambda q: search(ctx.ws, q, LIMIT), qs, 1)[0] if not ctx.quick else []
        if lat:
            by_kind[kind] = percentile(lat, 50)
    return {
        "queries": len(mix),
        "repetitions": reps,
        "p50_ms": percentile(wb_ms, 50),
        "p95_ms": wb_p95,
        "fts5_p50_ms": percentile(fts_ms, 50),
        "fts5_p95_ms": fts_p95,
        "ratio_p95": (wb_p95 / fts_p95) if wb_p95 and fts_p95 else None,
        "cpu_p95_ms": percentile(wb_cpu, 95),
        "fts5_cpu_p95_ms": percentile(fts_cpu, 95),
        "hits_per_query": wb_hits / max(1, len(wb_ms)),
        "fts5_hits_per_query": fts_hits / max(1, len(fts_ms)),
        "fts5_documents": docs,
        "fts5_load_seconds": load_seconds,
        "p50_ms_by_kind": by_kind,
        "errors": wb_errors[:5],
        "fts5_errors": fts_errors[:5],
    }
