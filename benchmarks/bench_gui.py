"""GUI stage, offscreen: cold start, claim selection, a 300-claim article, a 100,000-row claims table.

The parent prepares two copies of the benchmark workspace (one with a long article of 300+ claims, one with exactly
100,000 live claims) and starts a fresh Python process that drives the real main window; cold start is the wall
time from starting that process to a window, opened as `workbench gui WS` opens it, that lists the sources and
shows the first disputed claim in its article with that source's claims in the table. Run alone as
`python -m benchmarks.bench_gui GUI_WS TABLE_WS --article ID --claims ID,ID,...` it prints JSON.
"""

from __future__ import annotations

import json
import os
import random
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import func, insert, select, update

from benchmarks.measure import NotBuilt, need, percentile

if TYPE_CHECKING:   # the child process, whose start-up is measured, needs no corpus generator
    from benchmarks.context import BenchRun

LONG_ARTICLE_CLAIMS = 300
TABLE_ROWS = 100_000
TABLE_ROWS_QUICK = 5_000        # smoke runs: the same path on a small table (not compared with the target)
SELECTIONS = 15
CHILD_TIMEOUT = 600


# ---------------------------------------------------------------- preparing the workspaces (parent)

def _copy_workspace(src: Path, dst: Path) -> None:
    """A consistent copy of a WAL database through SQLite's backup API."""
    if dst.exists():
        dst.unlink()
    with sqlite3.connect(src) as source, sqlite3.connect(dst) as target:
        source.backup(target)
    target.close()
    source.close()


def _long_article(ctx: BenchRun, folder: Path) -> Path:
    """A Markdown article made of the corpus's own fact sentences: enough check-worthy sentences for 300 claims."""
    sentences = list(dict.fromkeys(m.sentence for m in ctx.corpus.mentions))
    rng = random.Random(f"{ctx.seed}:long")
    rng.shuffle(sentences)
    picked = sentences[: int(LONG_ARTICLE_CLAIMS * 1.3)]
    while len(picked) < LONG_ARTICLE_CLAIMS * 1.3 and sentences:
        picked += sentences[: int(LONG_ARTICLE_CLAIMS * 1.3) - len(picked)]
    paragraphs = [" ".join(picked[i:i + 4]) for i in range(0, len(picked), 4)]
    text = ("---\ntitle: \"Everything we know: a long explainer\"\noutlet: \"The Benchmark Review\"\n"
            "published: \"2025-06-30\"\n---\n\n" + "\n\n".join(paragraphs) + "\n")
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "long-explainer.md"
    path.write_text(text, encoding="utf-8")
    return path


def prepare_long_article(ctx: BenchRun, ws_path: Path) -> tuple[int, int]:
    """Import and extract the long article into ``ws_path``; top its claims up to 300 with sentence spans."""
    open_workspace = need("workbench.storage.workspace", "open_workspace")
    import_paths = need("workbench.services.importing", "import_paths")
    extract_sources = need("workbench.services.extraction", "extract_sources")
    from workbench.storage.models import Claim, Source

    ws = open_workspace(ws_path)
    try:
        report = import_paths(ws, [_long_article(ctx, ctx.workdir / "gui-input")])
        if not report.imported:
            raise RuntimeError(f"the long article did not import: {report.failed or report.duplicates}")
        source_id = report.imported[0]["source_id"]
        extract_sources(ws, [source_id])
        with ws.session() as session:
            body = session.get(Source, source_id).body
            spans = [(s, e) for s, e in session.execute(
                select(Claim.start, Claim.end).where(Claim.source_id == source_id, Claim.deleted_at.is_(None)))]
            count = len(spans)
            pos = 0
            while count < LONG_ARTICLE_CLAIMS:
                end = body.find(". ", pos)
                if end < 0:
                    break
                start, end = pos, end + 1
                pos = end + 1
                if any(s < end and start < e for s, e in spans) or not body[start:end].strip():
                    continue
                session.add(Claim(source_id=source_id, start=start, end=end, text=body[start:end],
                                  kind="statement", score=0.5, origin="auto"))
                count += 1
        return source_id, count
    finally:
        ws.close()


def fit_claims(ws_path: Path, rows: int = TABLE_ROWS) -> int:
    """Make ``rows`` claims live: pad with copies of existing claims, or trim by moving the rest to the trash.

    Trimming keeps the first ``rows`` claims in the table's own order (source, then position); the table lists live
    claims only, so it shows exactly ``rows`` rows either way.
    """
    open_workspace = need("workbench.storage.workspace", "open_workspace")
    from workbench.storage.models import Claim, utcnow

    ws = open_workspace(ws_path)
    try:
        with ws.session() as session:
            have = session.scalar(select(func.count(Claim.id)).where(Claim.deleted_at.is_(None))) or 0
            if have > rows:
                kept = (select(Claim.id).where(Claim.deleted_at.is_(None))
                        .order_by(Claim.source_id, Claim.start, Claim.id).limit(rows))
                stamp = utcnow()
                session.execute(update(Claim).where(Claim.deleted_at.is_(None), Claim.id.not_in(kept))
                                .values(deleted_at=stamp, updated_at=stamp))
            base = [dict(source_id=s, start=a, end=b, text=t, kind=k, score=sc, facets=f) for s, a, b, t, k, sc, f in
                    session.execute(select(Claim.source_id, Claim.start, Claim.end, Claim.text, Claim.kind,
                                           Claim.score, Claim.facets).where(Claim.deleted_at.is_(None)).limit(20000))]
            if not base:
                raise NotBuilt("no claims to fill the table with (extraction produced none)")
            missing = rows - have
            batch: list[dict] = []
            while missing > 0:
                for row in base[:missing]:
                    batch.append(dict(row))
                missing -= min(missing, len(base))
            for i in range(0, len(batch), 5000):
                session.execute(insert(Claim), batch[i:i + 5000])
            return session.scalar(select(func.count(Claim.id)).where(Claim.deleted_at.is_(None)))
    finally:
        ws.close()


def run(ctx: BenchRun) -> dict:
    if ctx.ws is None:
        raise NotBuilt("needs the import stage")
    need("workbench.gui.app", "make_window")
    need("workbench.gui.mainwindow", "MainWindow")
    from workbench.storage.models import Claim

    with ctx.ws.session() as session:
        ids = list(session.scalars(select(Claim.id).where(Claim.deleted_at.is_(None)).order_by(Claim.id)))
    if not ids:
        raise NotBuilt("no claims to select (extraction produced none)")
    rng = random.Random(f"{ctx.seed}:gui")
    chosen = rng.sample(ids, k=min(SELECTIONS, len(ids)))

    gui_ws = ctx.workdir / "gui.fcw"
    table_ws = ctx.workdir / "table.fcw"
    _copy_workspace(ctx.ws_path, gui_ws)
    long_id, long_claims = prepare_long_article(ctx, gui_ws)
    _copy_workspace(ctx.ws_path, table_ws)
    table_claims = fit_claims(table_ws, TABLE_ROWS_QUICK if ctx.quick else TABLE_ROWS)
    # The copies just written (3 GB at 10,000 articles) are flushed before the clock starts: otherwise the window's
    # first write waits behind their writeback, which measures this harness rather than the start-up.
    os.sync()

    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen",
           "XDG_CONFIG_HOME": str(ctx.workdir / "gui-home" / "config"),
           "XDG_DATA_HOME": str(ctx.workdir / "gui-home" / "data"),
           "XDG_CACHE_HOME": str(ctx.workdir / "gui-home" / "cache"),
           "WORKBENCH_LOG_DIR": str(ctx.workdir / "gui-home" / "logs")}
    cmd = [sys.executable, "-m", "benchmarks.bench_gui", str(gui_ws), str(table_ws), "--article", str(long_id),
           "--claims", ",".join(map(str, chosen))]
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
                            cwd=Path(__file__).resolve().parent.parent)
    cold = cold_cpu = None
    lines: list[str] = []
    assert proc.stdout is not None
    for line in proc.stdout:
        if line.startswith("READY") and cold is None:
            cold = time.perf_counter() - started
            cold_cpu = float(line.split()[1])
        lines.append(line)
    stderr = proc.stderr.read() if proc.stderr else ""
    code = proc.wait(timeout=CHILD_TIMEOUT)
    result_line = next((l for l in reversed(lines) if l.startswith("{")), None)
    if result_line is None:
        last = [l for l in stderr.strip().splitlines() if l.strip()][-3:]
        raise RuntimeError(f"the GUI process failed (exit {code}): {' | '.join(last)[-300:]}")
    figures = json.loads(result_line)
    if table_claims != TABLE_ROWS:   # only a table of exactly 100,000 rows answers the target
        figures["claims_table_small_ms"] = figures.pop("claims_table_100k_ms", None)
    if code != 0:
        figures["exit_note"] = f"the GUI process exited with {code} after measuring"
    return {
        "cold_start_s": cold,
        "cold_start_cpu_s": cold_cpu,   # the child's CPU time to the same point: steadier on a shared machine
        "articles": len(ctx.source_ids),
        "selected_claims": len(chosen),
        "long_article_claims": long_claims,
        "table_claims": table_claims,
        **figures,
    }


# ---------------------------------------------------------------- driving the window (child process)

def _wait(app, condition, timeout: float = 120.0) -> bool:
    deadline = time.perf_counter() + timeout
    while time.perf_counter() < deadline:
        app.processEvents()
        if condition():
            return True
        time.sleep(0.002)
    return False


def child(argv: list[str]) -> int:
    import argparse

    parser = argparse.ArgumentParser(prog="python -m benchmarks.bench_gui")
    parser.add_argument("gui_ws", type=Path)
    parser.add_argument("table_ws", type=Path)
    parser.add_argument("--article", type=int, required=True)
    parser.add_argument("--claims", required=True)
    args = parser.parse_args(argv)
    claims = [int(c) for c in args.claims.split(",") if c]

    from workbench.gui.app import application, make_window

    app = application()
    window = make_window(args.gui_ws, restore_layout=False, select="disputed")   # as `workbench gui WS` opens
    window.show()
    _wait(app, lambda: _usable(window))
    app.processEvents()
    print(f"READY {time.process_time():.3f}", flush=True)

    # claim selection: every panel updated and painted
    selection_ms = []
    for cid in claims:
        t = time.perf_counter()
        window.select_claim(cid)
        app.processEvents()
        selection_ms.append((time.perf_counter() - t) * 1000)

    # the long article: opened fresh each time (another article in between so nothing is reused)
    render_ms = []
    for cid in claims[:3]:
        window.select_claim(cid)
        app.processEvents()
        t = time.perf_counter()
        window.open_source(args.article)
        app.processEvents()
        render_ms.append((time.perf_counter() - t) * 1000)

    # the claims table over 100,000 claims: switch the table to all sources and wait for the rows to show
    window.open_workspace(args.table_ws)
    _wait(app, lambda: not window.tasks.busy())
    window.repaint()   # the freshly listed sources are painted before the clock starts, as a user would see them
    app.processEvents()
    panel = window.claims
    expected = _count_claims(window)
    t = time.perf_counter()
    panel.scope.setCurrentIndex(1)
    loaded = _wait(app, lambda: panel.model.rowCount() >= expected and not window.tasks.busy())
    panel.view.viewport().repaint()
    app.processEvents()
    table_ms = (time.perf_counter() - t) * 1000
    print(json.dumps({
        "claim_selection_ms": percentile(selection_ms, 50),
        "claim_selection_p95_ms": percentile(selection_ms, 95),
        "article_300_claims_ms": percentile(render_ms, 50),
        "claims_table_100k_ms": table_ms if loaded else None,
        "claims_table_rows_shown": panel.model.rowCount(),
    }), flush=True)
    window.close_workspace()
    window.close()
    app.processEvents()
    return 0


def _usable(window) -> bool:
    """The source list is filled and the first claim is shown: its article, and its source's claims in the table."""
    return (window.sources.model.rowCount() > 0 and window.claim_id is not None
            and window.article.source_id is not None and window.claims.model.rowCount() > 0
            and not window.tasks.busy())


def _count_claims(window) -> int:
    from workbench.storage.models import Claim

    with window.ws.session() as session:
        return session.scalar(select(func.count(Claim.id)).where(Claim.deleted_at.is_(None))) or 0


if __name__ == "__main__":
    sys.exit(child(sys.argv[1:]))
