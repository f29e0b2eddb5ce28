"""The printed report: one table of figures, then every target with PASS, MISS or n/a."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Target:
    name: str
    stage: str
    key: str
    op: str            # ">=" or "<="
    bound: float
    unit: str = ""
    applies: Callable[[dict], str | None] | None = None   # a reason the target does not apply to this run


def _at_least(n: int) -> Callable[[dict], str | None]:
    return lambda run: None if run["articles"] >= n else f"set for {n:,} articles; this run has {run['articles']:,}"


TARGETS: tuple[Target, ...] = (
    Target("import+extract+index end to end", "end_to_end", "articles_per_s", ">=", 50, " articles/s"),
    Target("extraction alone (one core)", "extraction", "articles_per_s", ">=", 100, " articles/s"),
    Target("search p95", "search", "p95_ms", "<=", 50, " ms"),
    Target("search p95 vs FTS5", "search", "ratio_p95", "<=", 3, "x"),
    Target("one new article checked against the rest", "check", "one_new_check_seconds", "<=", 1, " s"),
    Target("full check of 1,000 articles", "check", "seconds", "<=", 60, " s",
           lambda run: None if run["articles"] == 1000 else "set for exactly 1,000 articles"),
    Target("full check cost exponent (--scaling, CPU time)", "scaling", "full check CPU", "<=", 1.2),
    Target("candidate recall vs all pairs", "check", "candidate_recall", ">=", 0.95),
    Target("planted conflict recall (issue 4 bar)", "check", "conflict_recall", ">=", 0.85),
    Target("planted agreement recall (issue 4 bar)", "check", "agreement_recall", ">=", 0.80),
    Target("peak memory at 10,000 articles", "run", "peak_rss_mb", "<=", 1024, " MB", _at_least(10_000)),
    Target("GUI cold start to a usable window", "gui", "cold_start_s", "<=", 2, " s"),
    Target("GUI claim selection updates every panel", "gui", "claim_selection_ms", "<=", 150, " ms"),
    Target("GUI 300-claim article render", "gui", "article_300_claims_ms", "<=", 200, " ms"),
    Target("GUI 100,000-row claims table", "gui", "claims_table_100k_ms", "<=", 300, " ms"),
    Target("export of a 200-claim brief", "export", "seconds", "<=", 3, " s"),
)


def _fmt(value, unit: str = "") -> str:
    if value is None:
        return "-"
    if isinstance(value, float):
        if abs(value) >= 100:
            text = f"{value:,.0f}"
        elif abs(value) >= 10:
            text = f"{value:.1f}"
        else:
            text = f"{value:.3g}" if abs(value) < 1 else f"{value:.2f}"
    elif isinstance(value, int):
        text = f"{value:,}"
    else:
        return str(value)
    return text + unit


def evaluate(run: dict, scaling: dict | None = None) -> list[dict]:
    """Each target with the measured value and PASS, MISS or n/a (with the reason)."""
    out = []
    for t in TARGETS:
        value, note = None, None
        if t.stage == "scaling":
            fig = (scaling or {}).get("figures", {}).get(t.key) if scaling else None
            value = fig.get("exponent") if fig else None
            note = None if scaling else "run with --scaling"
        elif t.stage == "run":
            value = run.get(t.key)
        else:
            stage = run["stages"].get(t.stage, {})
            if stage.get("status") not in (None, "ok"):
                note = _stage_note(stage)
            value = stage.get(t.key)
        reason = t.applies(run) if t.applies else None
        stage_over = t.stage not in ("run", "scaling") and run["stages"].get(t.stage, {}).get("status") == "timeout"
        timed_out = (stage_over and t.key == "seconds") or str(value).startswith("over time")
        if timed_out and t.op == "<=":
            status, note, value = "MISS", note or value, None
        elif not isinstance(value, (int, float)):
            status = "n/a"
            note = note or "not measured"
        elif reason:
            status, note = "n/a", reason
        else:
            ok = value >= t.bound if t.op == ">=" else value <= t.bound
            status = "PASS" if ok else "MISS"
        out.append({"name": t.name, "value": value, "target": f"{t.op} {_fmt(float(t.bound), t.unit)}",
                    "unit": t.unit, "status": status, "note": note})
    return out


def _stage_note(stage: dict) -> str:
    status = stage.get("status")
    note = " ".join(str(stage.get("note") or "").split())
    note = note if len(note) <= 110 else note[:109] + "…"
    if status == "n/a":
        return "n/a (not built)" + (f": {note}" if note else "")
    if status == "skipped":
        return "skipped"
    if status == "timeout":
        return f"over time: {note}"
    return f"error: {note}"


# (stage, label, key, unit)
ROWS: tuple[tuple[str, str, str, str], ...] = (
    ("generate", "generate corpus", "articles_per_s", " articles/s"),
    ("import", "import", "articles_per_s", " articles/s"),
    ("import", "import peak RSS", "peak_rss_mb", " MB"),
    ("extraction", "extraction alone (one core)", "articles_per_s", " articles/s"),
    ("extraction", "claims per article", "claims_per_article", ""),
    ("extraction", "extraction peak RSS", "peak_rss_mb", " MB"),
    ("extraction_stored", "extraction stored in workspace", "articles_per_s", " articles/s"),
    ("extraction_stored", "extraction stored peak RSS", "peak_rss_mb", " MB"),
    ("indexing", "indexing", "articles_per_s", " articles/s"),
    ("indexing", "indexing peak RSS", "peak_rss_mb", " MB"),
    ("end_to_end", "import+extract+index", "articles_per_s", " articles/s"),
    ("search", "search p50 (workbench)", "p50_ms", " ms"),
    ("search", "search p95 (workbench)", "p95_ms", " ms"),
    ("search", "search p50 (SQLite FTS5)", "fts5_p50_ms", " ms"),
    ("search", "search p95 (SQLite FTS5)", "fts5_p95_ms", " ms"),
    ("search", "p95 ratio workbench/FTS5", "ratio_p95", "x"),
    ("search", "search p95 CPU time (workbench)", "cpu_p95_ms", " ms"),
    ("search", "search p95 CPU time (SQLite FTS5)", "fts5_cpu_p95_ms", " ms"),
    ("check", "full check", "seconds", " s"),
    ("check", "full check CPU time", "cpu_seconds", " s"),
    ("check", "full check peak RSS", "peak_rss_mb", " MB"),
    ("check", "one new article: check", "one_new_check_seconds", " s"),
    ("check", "one new article: import+extract+index+check", "one_new_pipeline_seconds", " s"),
    ("check", "candidate recall vs all pairs (sample)", "candidate_recall", ""),
    ("check", "planted conflict recall", "conflict_recall", ""),
    ("check", "planted agreement recall", "agreement_recall", ""),
    ("check", "conflict links joining different events", "conflict_links_across_events", ""),
    ("gui", "GUI cold start", "cold_start_s", " s"),
    ("gui", "GUI claim selection", "claim_selection_ms", " ms"),
    ("gui", "GUI 300-claim article render", "article_300_claims_ms", " ms"),
    ("gui", "GUI 100,000-row claims table", "claims_table_100k_ms", " ms"),
    ("export", "export 200-claim brief", "seconds", " s"),
)


def format_report(run: dict, scaling: dict | None = None) -> str:
    m = run["machine"]
    lines = [f"Workbench benchmark: {run['articles']:,} articles (seed {run['seed']}), "
             f"{m['cpus']} CPUs {m['cpu']}, Python {m['python']}", ""]
    lines.append(f"{'figure':<46} {'value':>16}")
    lines.append("-" * 64)
    shown_na: set[str] = set()
    for stage, label, key, unit in ROWS:
        data = run["stages"].get(stage, {})
        if data.get("status") not in (None, "ok"):
            if stage in shown_na:
                continue
            shown_na.add(stage)
            lines.append(f"{stage:<24} {_stage_note(data)[:100]}")
            continue
        lines.append(f"{label:<46} {_fmt(data.get(key), unit):>16}")
    lines.append(f"{'peak RSS of the whole run':<46} {_fmt(run.get('peak_rss_mb'), ' MB'):>16}")
    by_kind = run["stages"].get("check", {}).get("recall_by_kind")
    if by_kind:
        lines.append("planted recall by kind: " + ", ".join(f"{k} {v:.2f}" for k, v in by_kind.items()))
    if scaling:
        lines += ["", "Cost growth (fitted exponent of cost against articles; 1.0 is linear)",
                  f"{'figure':<24}" + "".join(f"{n:>10,}" for n in scaling["sizes"]) + f"{'exponent':>10}"]
        for label, fig in scaling["figures"].items():
            lines.append(f"{label:<24}" + "".join(f"{_fmt(v):>10}" for v in fig["values"])
                         + f"{_fmt(fig['exponent']):>10}")
    lines += ["", "Targets"]
    for t in evaluate(run, scaling):
        value = _fmt(t["value"], t["unit"])
        note = f"  ({t['note']})" if t["note"] else ""
        lines.append(f"  {t['status']:<5} {t['name']:<44} {value:>14}  target {t['target']}{note}")
    return "\n".join(lines)


def to_json(run: dict, scaling: dict | None = None) -> dict:
    out = dict(run)
    out["targets"] = evaluate(run, scaling)
    if scaling:
        out["scaling"] = {"sizes": scaling["sizes"], "figures": scaling["figures"]}
    return out
