"""Why the full check missed planted pairs: `python -m benchmarks.misses WORKDIR [--examples N]` on a checked run.

Each planted pair the stored links miss is put in one class:
  a: a sentence has no claim, or its claim lacks the figure of the fact;
  b: comparing the two claims now gives the planted relation, so they were never compared (story gate or
     candidate retrieval) or were compared by other code;
  c: compared, but not read as the same fact (no relation or only "related");
  d: read as the same fact, with the wrong relation.
Truth is read from WORKDIR/corpus/truth.json, so the verdicts match the corpus the workspace was built from.
"""

from __future__ import annotations

import argparse
import json
import random
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from benchmarks.generator import NUMERIC_KINDS, Mention, truth_pairs

KINDS_OF_TIME = {"number": (), "date": ("day", "weekday", "datetime", "month"), "time": ("time", "datetime")}


@dataclass
class Miss:
    cls: str
    group: str            # relation:kind
    a: Mention
    b: Mention
    verdict: str | None = None
    reasons: tuple[str, ...] = ()


def _kind(mention: Mention) -> str:
    return "number" if mention.kind in NUMERIC_KINDS else mention.kind


def _has_figure(view, kind: str) -> bool:
    if kind == "number":
        return bool(view.numbers)
    grains = KINDS_OF_TIME.get(kind)
    return grains is None or any(str(f.reading.grain) in grains for f in view.dates)


def _claims_of(session, sentences: dict[int, list[Mention]]) -> dict[tuple[str, str], list[int]]:
    """Claim ids covering each recorded sentence (the claim overlaps at least half of the shorter span)."""
    from workbench.storage.models import Claim, Source

    out: dict[tuple[str, str], list[int]] = {}
    bodies = dict(session.execute(select(Source.id, Source.body).where(Source.id.in_(list(sentences)))).all())
    spans = defaultdict(list)
    for cid, sid, start, end in session.execute(select(Claim.id, Claim.source_id, Claim.start, Claim.end)
                                                .where(Claim.deleted_at.is_(None))):
        if sid in sentences:
            spans[sid].append((start, end, cid))
    for sid, mentions in sentences.items():
        body = bodies.get(sid) or ""
        for m in mentions:
            pos = body.find(m.sentence)
            if pos < 0:
                continue
            end = pos + len(m.sentence)
            out[(m.article, m.sentence)] = [c for s, e, c in spans[sid]
                                            if min(e, end) - max(s, pos) > 0.5 * min(e - s, end - pos)]
    return out


def classify(workdir: Path) -> tuple[list[Miss], dict[str, int]]:
    """Every missed planted pair with its class, and the number of planted pairs per relation:kind."""
    from workbench.crosscheck.relation import compare_claims
    from workbench.crosscheck.story import StoryGate
    from workbench.crosscheck.terms import TermStats
    from workbench.crosscheck.view import weigh
    from workbench.services.checking import _load_views
    from workbench.services.full_check import read_source_names
    from workbench.storage.models import Link, Source
    from workbench.storage.workspace import open_workspace

    truth = json.loads((workdir / "corpus" / "truth.json").read_text(encoding="utf-8"))
    mentions = [Mention(**m) for m in truth["mentions"]]
    event_of = {a["key"]: a["event"] for a in truth["articles"]}
    ws = open_workspace(workdir / "bench.fcw")
    try:
        with ws.session() as session:
            source_of = {Path(path).name.split("-", 1)[0]: sid for sid, path in
                         session.execute(select(Source.id, Source.path).where(Source.deleted_at.is_(None))) if path}
            links = {(min(a, b), max(a, b)): rel for a, b, rel in
                     session.execute(select(Link.a_id, Link.b_id, Link.relation))}
            by_source = defaultdict(list)
            for m in mentions:
                if m.article in source_of:
                    by_source[source_of[m.article]].append(m)
            located = _claims_of(session, by_source)
            totals: dict[str, int] = defaultdict(int)
            missed: dict[int, list[tuple]] = defaultdict(list)
            by_key = {(m.article, m.sentence): m for m in mentions}
            for p in truth_pairs(mentions, set(source_of)):
                a, b = by_key[(p.a, p.a_sentence)], by_key[(p.b, p.b_sentence)]
                group = f"{p.relation}:{_kind(a)}"
                totals[group] += 1
                xs, ys = located.get((p.a, p.a_sentence), []), located.get((p.b, p.b_sentence), [])
                if p.relation not in {links.get((min(x, y), max(x, y))) for x in xs for y in ys}:
                    missed[event_of[p.a]].append((group, a, b, xs, ys))
            names, total = read_source_names(session)
            gate = StoryGate.from_names(names, total)
            out: list[Miss] = []
            for event, items in missed.items():
                pool = _load_views(session, source_ids=[s for k, s in source_of.items() if event_of.get(k) == event])
                stats = TermStats(v.terms for v in pool.values())
                weigh(list(pool.values()), stats)
                gate.annotate(pool.values())
                for group, a, b, xs, ys in items:
                    out.append(_judge(group, a, b, [pool[i] for i in xs if i in pool],
                                      [pool[i] for i in ys if i in pool], stats, compare_claims))
            return out, dict(totals)
    finally:
        ws.close()


def _judge(group: str, a: Mention, b: Mention, va: list, vb: list, stats, compare) -> Miss:
    relation, kind = group.split(":")
    if not va or not vb:
        return Miss("a: no claim", group, a, b)
    if not any(_has_figure(v, kind) for v in va) or not any(_has_figure(v, kind) for v in vb):
        return Miss("a: claim lacks the figure", group, a, b)
    best = None
    for x in va:
        for y in vb:
            proposal = compare(*sorted((x, y), key=lambda v: v.id), stats)
            verdict = str(proposal.relation) if proposal else None
            rank = (verdict == relation, verdict not in (None, "related"))
            if best is None or rank > best[0]:
                best = (rank, verdict, tuple(proposal.reasons) if proposal else ())
    _, verdict, reasons = best
    if verdict == relation:
        cls = "b: never compared (gate or candidates)"
    elif verdict in (None, "related"):
        cls = "c: not the same fact"
    else:
        cls = "d: same fact, wrong relation"
    return Miss(cls, group, a, b, verdict, reasons)


def report(misses: list[Miss], totals: dict[str, int], examples: int = 3, seed: int = 1) -> str:
    lines = ["planted pairs: " + ", ".join(f"{g} {n}" for g, n in sorted(totals.items()))]
    found = defaultdict(int, totals)
    for m in misses:
        found[m.group] -= 1
    lines.append("recall: " + ", ".join(f"{g} {found[g] / n:.3f}" for g, n in sorted(totals.items()) if n))
    classes: dict[tuple[str, str], list[Miss]] = defaultdict(list)
    for m in misses:
        classes[(m.cls, m.group)].append(m)
    rng = random.Random(seed)
    for (cls, group), items in sorted(classes.items()):
        lines.append(f"\n{cls} | {group}: {len(items)}")
        for m in rng.sample(items, min(examples, len(items))):
            lines.append(f"  A ({m.a.variant}) {m.a.sentence}")
            lines.append(f"  B ({m.b.variant}) {m.b.sentence}")
            if m.verdict or m.reasons:
                lines.append(f"    -> {m.verdict}: {'; '.join(m.reasons)}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Classify the planted pairs a checked benchmark run missed.")
    parser.add_argument("workdir", type=Path, help="a benchmark --workdir whose check stage has run")
    parser.add_argument("--examples", type=int, default=3, help="examples printed per class and kind")
    args = parser.parse_args(argv)
    misses, totals = classify(args.workdir)
    print(report(misses, totals, args.examples))


if __name__ == "__main__":
    main()
