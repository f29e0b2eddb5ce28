"""Runs every stage on a fresh workspace in a temporary folder; a stage that is not built yet reports n/a."""

from __future__ import annotations

import json
import logging
import os
import platform
import shutil
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from dataclasses import asdict
from pathlib import Path

from benchmarks import bench_check, bench_extract, bench_gui, bench_import, bench_index, bench_search
from benchmarks.context import BenchRun
from benchmarks.generator import DEFAULT_SEED, generate_corpus, write_corpus
from benchmarks.measure import NotBuilt, TimedOut, fit_exponent, measured, need, rate, time_limit

EXPORT_CLAIMS = 200


def run_export(ctx: BenchRun) -> dict:
    """The export engineer's `benchmarks/bench_export.py`: `run(n_claims) -> seconds`."""
    run = need("benchmarks.bench_export", "run")
    seconds = run(EXPORT_CLAIMS)
    return {"claims": EXPORT_CLAIMS, "seconds": seconds}


STAGES: tuple[tuple[str, Callable[[BenchRun], dict]], ...] = (
    ("import", bench_import.run),
    ("extraction", bench_extract.run_pure),
    ("extraction_stored", bench_extract.run_stored),
    ("indexing", bench_index.run),
    ("search", bench_search.run),
    ("check", bench_check.run),
    ("gui", bench_gui.run),
    ("export", run_export),
)
STAGE_NAMES = tuple(name for name, _ in STAGES)


def machine() -> dict:
    cpu = platform.processor() or ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return {"cpus": os.cpu_count(), "cpu": cpu, "python": platform.python_version(),
            "platform": platform.platform(terse=True)}


def run_benchmark(n_articles: int, *, seed: int = DEFAULT_SEED, workdir: Path | None = None,
                  skip: tuple[str, ...] = (), quick: bool = False, keep: bool = False,
                  profile: str | None = None, profile_out: Path | None = None,
                  stage_timeout: float | None = None, partial: Path | None = None, reuse: bool = False,
                  progress: Callable[[str], None] | None = None) -> dict:
    """Generate ``n_articles``, run the stages in order and return every figure as a JSON-ready dict.

    With ``partial``, the figures so far are written there after every stage (a long run can be read early).
    """
    say = progress or (lambda _msg: None)
    logging.getLogger("workbench").setLevel(logging.ERROR)   # the corpus has planted oddities; keep output clean
    owned = workdir is None
    workdir = Path(tempfile.mkdtemp(prefix="wb-bench-")) if owned else Path(workdir)
    workdir.mkdir(parents=True, exist_ok=True)
    results: dict[str, dict] = {}
    try:
        if reuse:
            ctx = reused_run(n_articles, seed, workdir, quick)
            results["generate"] = {"status": "skipped", "note": f"reused the workspace in {workdir}"}
            skip = tuple(skip) + REUSED_STAGES
        else:
            say(f"generating {n_articles} articles")
            with measured() as span:
                corpus = generate_corpus(n_articles, seed)
                articles_dir, held = write_corpus(corpus, workdir / "corpus")
            results["generate"] = {"status": "ok", "articles": len(corpus.articles),
                                   "mentions": len(corpus.mentions), "seconds": span.seconds,
                                   "articles_per_s": rate(len(corpus.articles), span.seconds)}
            ctx = BenchRun(n_articles=n_articles, seed=seed, workdir=workdir, corpus=corpus,
                           articles_dir=articles_dir, held_out_path=held, quick=quick)
        try:
            for name, stage in STAGES:
                if name in skip:
                    results[name] = {"status": "skipped"}
                    if reuse and name in REUSED_STAGES:
                        results[name]["note"] = "reused an imported, extracted and indexed workspace"
                    continue
                say(f"stage {name}")
                started = time.perf_counter()
                try:
                    with time_limit(stage_timeout, f"the {name} stage"):
                        if name == profile:
                            results[name] = {"status": "ok", **profiled(stage, ctx, profile_out)}
                        else:
                            results[name] = {"status": "ok", **stage(ctx)}
                except TimedOut as exc:
                    results[name] = {"status": "timeout", "note": str(exc)}
                except NotBuilt as exc:
                    results[name] = {"status": "n/a", "note": str(exc)}
                except Exception as exc:  # one broken stage must not hide the others' figures
                    traceback.print_exc(file=sys.stderr)
                    results[name] = {"status": "error", "note": f"{type(exc).__name__}: {exc}"[:300]}
                results[name]["stage_seconds"] = time.perf_counter() - started
                if partial is not None:
                    partial.write_text(json.dumps({"articles": n_articles, "stages": results}, indent=1,
                                                  default=str), encoding="utf-8")
        finally:
            ctx.close()
    finally:
        if owned and not keep:
            shutil.rmtree(workdir, ignore_errors=True)
    results["end_to_end"] = end_to_end(results)
    peaks = [r.get("peak_rss_mb") for r in results.values() if isinstance(r.get("peak_rss_mb"), (int, float))]
    return {
        "articles": n_articles,
        "seed": seed,
        "machine": machine(),
        "quick": quick,
        "workdir": str(workdir) if keep or not owned else None,
        "peak_rss_mb": max(peaks) if peaks else None,
        "stages": results,
    }


REUSED_STAGES = ("import", "extraction", "extraction_stored", "indexing")


class StaleWorkspace(Exception):
    """The workspace to reuse was built from another corpus than this code generates for its size and seed."""


def reused_run(n_articles: int, seed: int, workdir: Path, quick: bool) -> BenchRun:
    """Continue on the workspace a previous run left in ``workdir`` (the corpus is regenerated from the seed, and
    must be the one the workspace was built from: its truth file says)."""
    from sqlalchemy import select

    from workbench.storage.models import Source
    from workbench.storage.workspace import open_workspace

    corpus = generate_corpus(n_articles, seed)
    _same_corpus(corpus, workdir / "corpus" / "truth.json")
    held = None
    if corpus.held_out is not None:
        held = workdir / "corpus" / "held_out" / corpus.held_out.filename
    ctx = BenchRun(n_articles=n_articles, seed=seed, workdir=workdir, corpus=corpus,
                   articles_dir=workdir / "corpus" / "articles", held_out_path=held, quick=quick)
    ctx.ws = open_workspace(ctx.ws_path)
    with ctx.ws.session() as session:
        ctx.source_ids = {ctx.key_of(path): sid for sid, path in
                          session.execute(select(Source.id, Source.path).where(Source.deleted_at.is_(None))) if path}
    if held is not None and ctx.key_of(held) in ctx.source_ids:
        # An earlier run's check stage imported it: deleted for good (its claims and links go with it), so that
        # checking one new article is measured again. The full check that comes first re-derives every summary.
        from sqlalchemy import delete

        with ctx.ws.session() as session:
            session.execute(delete(Source).where(Source.id == ctx.source_ids.pop(ctx.key_of(held))))
    return ctx


def _same_corpus(corpus, truth_file: Path) -> None:
    if not truth_file.exists():
        raise StaleWorkspace(f"{truth_file} is missing, so what the workspace holds is unknown")
    stored = json.loads(truth_file.read_text(encoding="utf-8"))
    regenerated = json.loads(json.dumps([asdict(m) for m in corpus.mentions]))
    if stored.get("seed") != corpus.seed or stored.get("mentions") != regenerated:
        raise StaleWorkspace(f"the workspace in {truth_file.parent.parent} was built from another corpus (an "
                             "earlier generator, size or seed): its planted truth would be scored against the "
                             "wrong facts; run without --reuse")


def profiled(stage: Callable[[BenchRun], dict], ctx: BenchRun, out: Path | None) -> dict:
    """Run a stage under cProfile and write the 40 costliest functions (by cumulative and own time)."""
    import cProfile
    import io
    import pstats

    profiler = cProfile.Profile()
    result = profiler.runcall(stage, ctx)
    text = io.StringIO()
    stats = pstats.Stats(profiler, stream=text)
    stats.sort_stats("cumulative").print_stats(40)
    stats.sort_stats("tottime").print_stats(40)
    target = out or Path(f"profile-{getattr(stage, '__module__', 'stage')}.txt")
    target.write_text(text.getvalue(), encoding="utf-8")
    return result


def end_to_end(results: dict[str, dict]) -> dict:
    """Import + stored extraction + indexing, as one user sees it after dropping a folder in."""
    parts = [results.get(n, {}) for n in ("import", "extraction_stored", "indexing")]
    if not all(p.get("status") == "ok" for p in parts):
        missing = [n for n, p in zip(("import", "extraction_stored", "indexing"), parts) if p.get("status") != "ok"]
        return {"status": "n/a", "note": "needs " + ", ".join(missing)}
    seconds = sum(p["seconds"] for p in parts)
    articles = parts[0]["articles"]
    return {"status": "ok", "articles": articles, "seconds": seconds, "articles_per_s": rate(articles, seconds)}


SCALING_FIGURES = (
    ("import", "import", "seconds"),
    ("extraction", "extraction", "seconds"),
    ("extraction_stored", "extraction_stored", "seconds"),
    ("indexing", "indexing", "seconds"),
    ("search p95", "search", "p95_ms"),
    ("search p95 CPU", "search", "cpu_p95_ms"),
    ("full check", "check", "seconds"),
    ("full check CPU", "check", "cpu_seconds"),
    ("one new article", "check", "one_new_check_seconds"),
    ("peak RSS", None, "peak_rss_mb"),
)


def run_scaling(sizes: list[int], *, seed: int = DEFAULT_SEED, quick: bool = False,
                stage_timeout: float | None = None, progress: Callable[[str], None] | None = None,
                skip: tuple[str, ...] = ()) -> dict:
    """Run at each size (GUI and export skipped: they do not depend on corpus size) and fit cost exponents."""
    runs = []
    say = progress or (lambda _msg: None)
    for n in sizes:
        say(f"scaling run at {n} articles")
        runs.append(run_benchmark(n, seed=seed, skip=tuple({"gui", "export", *skip}), quick=quick,
                                  stage_timeout=stage_timeout, progress=progress))
        done = runs[-1]
        say(f"at {n} articles: " + ", ".join(   # in the log as it goes, so a long run is never all lost
            f"{label} {(done if stage is None else done['stages'].get(stage, {})).get(key)}"
            for label, stage, key in SCALING_FIGURES))
    table: dict[str, dict] = {}
    for label, stage, key in SCALING_FIGURES:
        values = []
        for r in runs:
            src = r if stage is None else r["stages"].get(stage, {})
            values.append(src.get(key) if isinstance(src.get(key), (int, float)) else None)
        points = [(n, v) for n, v in zip(sizes, values) if v]
        exponent = fit_exponent([n for n, _ in points], [v for _, v in points]) if len(points) >= 2 else None
        table[label] = {"values": values, "exponent": exponent}
    return {"sizes": sizes, "figures": table, "runs": runs}
