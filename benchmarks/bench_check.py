"""Cross-check stage: full check, one new article against the rest, candidate recall, recall of planted truth."""

from __future__ import annotations

import random
import time
from collections import defaultdict

from sqlalchemy import select

from benchmarks.context import BenchRun
from benchmarks.generator import truth_pairs
from benchmarks.measure import NotBuilt, TimedOut, measured, need, time_limit

BRUTE_SAMPLE = 120
BRUTE_SAMPLE_QUICK = 15
BRUTE_BUDGET_SECONDS = 150     # the sample stops growing after this long (at least BRUTE_MIN claims)
BRUTE_MIN = 10
ONE_NEW_LIMIT_SECONDS = 300


def run(ctx: BenchRun) -> dict:
    if ctx.ws is None:
        raise NotBuilt("needs the import stage")
    check_all, check_sources = need("workbench.services.checking", "check_all", "check_sources")
    from workbench.tasks import TaskState

    with measured() as span:
        report = check_all(ctx.ws, TaskState())
    out: dict = {
        "articles": len(ctx.source_ids),
        "claims_checked": getattr(report, "claims_checked", None),
        "seconds": span.seconds,
        "cpu_seconds": span.cpu_seconds,
        "peak_rss_mb": span.peak_mb,
        "links": dict(getattr(report, "by_relation", {}) or {}),
    }
    links = load_links(ctx)
    out.update(planted_recall(ctx, links))
    for part, fn in (("candidate_recall", lambda: candidate_recall(ctx, links)),
                     ("one_new", lambda: one_new_article(ctx, check_sources))):
        try:
            out.update(fn())
        except NotBuilt as exc:   # the other figures of this stage still stand
            out[f"{part}_note"] = f"n/a (not built): {exc}"
    return out


# ---------------------------------------------------------------- links and truth

def load_links(ctx: BenchRun) -> dict[tuple[int, int], str]:
    from workbench.storage.models import Link

    with ctx.ws.session() as session:
        return {(min(a, b), max(a, b)): rel for a, b, rel in
                session.execute(select(Link.a_id, Link.b_id, Link.relation))}


def claims_of_sentences(ctx: BenchRun, keys: set[str]) -> tuple[dict[tuple[str, str], list[int]], int, dict[int, str]]:
    """Claim ids covering each recorded fact sentence; the number of sentences not found; claim -> article."""
    from workbench.storage.models import Claim, Source

    by_article = ctx.corpus.mentions_by_article()
    located: dict[tuple[str, str], list[int]] = {}
    claim_article: dict[int, str] = {}
    missing = 0
    key_of_source = {sid: key for key, sid in ctx.source_ids.items() if key in keys}
    with ctx.ws.session() as session:
        bodies = dict(session.execute(select(Source.id, Source.body).where(Source.id.in_(list(key_of_source)))).all())
        spans: dict[int, list[tuple[int, int, int]]] = defaultdict(list)
        for cid, sid, start, end in session.execute(
                select(Claim.id, Claim.source_id, Claim.start, Claim.end).where(Claim.deleted_at.is_(None))):
            if sid in key_of_source:
                spans[sid].append((start, end, cid))
                claim_article[cid] = key_of_source[sid]
    for sid, key in key_of_source.items():
        body = bodies.get(sid, "")
        for m in by_article.get(key, []):
            pos = body.find(m.sentence)
            if pos < 0:
                pos = body.find(m.sentence[:60])
            if pos < 0:
                missing += 1
                continue
            end = pos + len(m.sentence)
            ids = [cid for s, e, cid in spans[sid] if min(e, end) - max(s, pos) > 0.5 * min(e - s, end - pos)]
            located[(key, m.sentence)] = ids
    return located, missing, claim_article


def planted_recall(ctx: BenchRun, links: dict[tuple[int, int], str]) -> dict:
    """Share of the generator's planted conflicts and agreements that the checker linked with that relation."""
    keys = set(ctx.source_ids)
    located, missing, claim_article = claims_of_sentences(ctx, keys)
    pairs = truth_pairs(ctx.corpus.mentions, keys)
    found = defaultdict(int)
    total = defaultdict(int)
    no_claim = 0
    for p in pairs:
        a_ids, b_ids = located.get((p.a, p.a_sentence)), located.get((p.b, p.b_sentence))
        kind = "number" if p.kinds[0] in ("count", "money", "percent") else p.kinds[0]
        group = f"{p.relation}:{kind}"
        total[p.relation] += 1
        total[group] += 1
        if not a_ids or not b_ids:
            no_claim += 1
            continue
        relations = {links.get((min(x, y), max(x, y))) for x in a_ids for y in b_ids}
        if p.relation in relations:
            found[p.relation] += 1
            found[group] += 1
    event_of = {a.key: a.event for a in ctx.corpus.articles}
    if ctx.corpus.held_out is not None:   # a reused workspace already holds it
        event_of[ctx.corpus.held_out.key] = ctx.corpus.held_out.event
    conflict_links = [(a, b) for (a, b), rel in links.items() if rel == "conflicts"
                      and a in claim_article and b in claim_article]
    cross_event = sum(1 for a, b in conflict_links if event_of[claim_article[a]] != event_of[claim_article[b]])
    return {
        "planted_conflicts": total["conflicts"],
        "planted_agreements": total["corroborates"],
        "conflict_recall": found["conflicts"] / total["conflicts"] if total["conflicts"] else None,
        "agreement_recall": found["corroborates"] / total["corroborates"] if total["corroborates"] else None,
        "recall_by_kind": {g: round(found[g] / total[g], 3) for g in sorted(total) if ":" in g},
        "truth_sentences_without_claim": no_claim,
        "truth_sentences_not_in_body": missing,
        # A conflict between articles about different events is certainly false: a floor on precision.
        "conflict_links_across_events": cross_event,
        "conflict_links": len(conflict_links),
    }


# ---------------------------------------------------------------- candidate recall against all pairs

def candidate_recall(ctx: BenchRun, links: dict[tuple[int, int], str]) -> dict:
    """Compare a sample of claims with every claim of other sources that shares a content word (every relation
    the comparison can find needs one) and passes the story gate, and report the share of those matches the
    checker's candidates found.

    Only the sources the gate puts in a sampled claim's story are loaded (pairs outside it are never a match),
    so the comparison stays exhaustive without holding every claim of a large corpus in memory.
    """
    propose_links = need("workbench.crosscheck.checker", "propose_links")
    read_source_names = need("workbench.services.full_check", "read_source_names")
    StoryGate = need("workbench.crosscheck.story", "StoryGate")
    load_views = need("workbench.services.checking", "_load_views")
    TermStats = need("workbench.crosscheck.terms", "TermStats")
    weigh = need("workbench.crosscheck.view", "weigh")
    from workbench.storage.models import Claim

    started = time.perf_counter()
    with ctx.ws.session() as session:
        names, total = read_source_names(session)
        gate = StoryGate.from_names(names, total)
        claim_sources = dict(session.execute(select(Claim.id, Claim.source_id).where(Claim.deleted_at.is_(None))).all())
        rng = random.Random(f"{ctx.seed}:brute")
        ids = sorted(claim_sources)
        sample = rng.sample(ids, k=min(len(ids), BRUTE_SAMPLE_QUICK if ctx.quick else BRUTE_SAMPLE))
        brute: dict = {}
        done = 0
        for claim_id in sample:
            if done >= BRUTE_MIN and time.perf_counter() - started > BRUTE_BUDGET_SECONDS:
                break
            sid = claim_sources[claim_id]
            story = gate.whole_story(sid)
            pool = load_views(session, source_ids=[sid, *story])
            stats = TermStats(v.terms for v in pool.values())
            weigh(list(pool.values()), stats)
            gate.annotate(pool.values())
            view = pool.get(claim_id)
            if view is None:
                continue
            words = set(view.terms) | {"@" + e for e in view.entities}

            def everything_sharing_a_word(v, pool=pool, words=words):
                return [c for c, other in pool.items()
                        if words & (set(other.terms) | {"@" + e for e in other.entities})]

            brute.update(propose_links([view], pool, everything_sharing_a_word, stats,
                                       may_compare=gate.may_compare))
            done += 1
    brute_seconds = time.perf_counter() - started
    matched = {k: str(p.relation) for k, p in brute.items()}
    strong = {k: r for k, r in matched.items() if r in ("corroborates", "conflicts")}
    found_all = sum(1 for k in matched if k in links)
    found_strong = sum(1 for k in strong if k in links)
    return {
        "brute_force_sample_claims": done,
        "brute_force_pairs": len(matched),
        "brute_force_seconds": brute_seconds,
        "candidate_recall": found_strong / len(strong) if strong else None,
        "candidate_recall_all_relations": found_all / len(matched) if matched else None,
    }


# ---------------------------------------------------------------- one new article

def one_new_article(ctx: BenchRun, check_sources) -> dict:
    """Import, extract and index the held-out article, then time checking it against everything stored."""
    if ctx.held_out_path is None:
        return {}
    import_paths = need("workbench.services.importing", "import_paths")
    extract_sources = need("workbench.services.extraction", "extract_sources")
    sync_index = need("workbench.search.index", "sync_index")
    from workbench.tasks import TaskState

    t0 = time.perf_counter()
    report = import_paths(ctx.ws, [ctx.held_out_path])
    if not report.imported:
        return {"one_new_error": f"the held-out article did not import: {report.failed or report.duplicates}"}
    new_id = report.imported[0]["source_id"]
    extract_sources(ctx.ws, [new_id], TaskState())
    sync_index(ctx.ws, TaskState())
    ctx.source_ids[ctx.key_of(ctx.held_out_path)] = new_id
    t1 = time.perf_counter()
    try:
        with time_limit(ONE_NEW_LIMIT_SECONDS, "checking one new article"):
            check = check_sources(ctx.ws, [new_id], TaskState())
    except TimedOut as exc:
        return {"one_new_check_seconds": f"over time: {exc}", "one_new_against_articles": len(ctx.source_ids) - 1}
    t2 = time.perf_counter()
    return {
        "one_new_check_seconds": t2 - t1,
        "one_new_pipeline_seconds": t2 - t0,
        "one_new_claims": getattr(check, "claims_checked", None),
        "one_new_against_articles": len(ctx.source_ids) - 1,
    }
