"""The source list's per-state counts and the first claim of a state, read through indexes, agree with the state
rule applied to every claim one by one (verdicts, the cross-check's counts, the trash)."""

from __future__ import annotations

import random
from datetime import date, datetime

import pytest

from workbench.services.views import STATES, first_claim_id, source_rows, state_of
from workbench.storage.models import Claim, Source, Verdict


@pytest.fixture
def filled(ws):
    """Twelve sources (one in the trash, one without claims), claims with random check counts, scores,
    verdicts and deletions."""
    rng = random.Random(11)
    with ws.session() as session:
        for n in range(12):
            body = " ".join(f"Sentence {n}-{i} of the report." for i in range(12))
            source = Source(title=f"Report {n}", outlet="Test Desk", body=body, body_hash=f"h{n}",
                            published=None if n == 3 else date(2025, 5, 1 + n % 5),
                            deleted_at=datetime(2025, 6, 1) if n == 7 else None)
            session.add(source)
            session.flush()
            for i in range(0 if n == 9 else 10):
                start = body.index(f"Sentence {n}-{i} ")
                claim = Claim(source_id=source.id, start=start, end=start + 12, text=f"Sentence {n}-{i}",
                              score=rng.choice([0.2, 0.5, 0.7, 0.9]),
                              check_conflicts=rng.choice([0, 0, 0, 1, 2]),
                              check_corroborations=rng.choice([0, 1, 3]),
                              deleted_at=datetime(2025, 6, 2) if rng.random() < 0.1 else None)
                session.add(claim)
                session.flush()
                if rng.random() < 0.3:
                    session.add(Verdict(claim_id=claim.id,
                                        status=rng.choice(["unreviewed", "in_review", "verified", "published",
                                                           "rejected"])))
    return ws


def _every_claim(session):
    out = []
    for claim in session.query(Claim).join(Source).filter(Claim.deleted_at.is_(None), Source.deleted_at.is_(None)):
        status = claim.verdict.status if claim.verdict else None
        out.append((claim, state_of(status, claim.check_conflicts, claim.check_corroborations)))
    return out


def test_source_rows_count_each_state_as_the_state_rule_does(filled):
    with filled.session() as session:
        rows = {row.id: row for row in source_rows(session)}
        everything = _every_claim(session)
        live_sources = [s.id for s in session.query(Source).filter(Source.deleted_at.is_(None))]
    assert sorted(rows) == sorted(live_sources)
    for sid, row in rows.items():
        states = [state for claim, state in everything if claim.source_id == sid]
        assert (row.claims, row.disputed, row.corroborated, row.verified) == (
            len(states), states.count("disputed"), states.count("corroborated"), states.count("verified"))
    assert sum(row.verified for row in rows.values()) > 0 and sum(row.disputed for row in rows.values()) > 0


@pytest.mark.parametrize("state", [*STATES, None])
def test_the_first_claim_of_a_state_is_its_best_scored_then_earliest(filled, state):
    def when(claim):
        published = claim.source.published
        return (published is None, published or date.min)

    with filled.session() as session:
        everything = _every_claim(session)
        chosen = first_claim_id(session, state=state)
        expected = _expected(everything, state, when)
    assert chosen == expected


def _expected(everything, state, when):
    if state is None:
        return min(everything, key=lambda cs: (*when(cs[0]), cs[0].source_id, cs[0].start))[0].id
    candidates = [claim for claim, st in everything if st == state]
    assert candidates, state
    return min(candidates, key=lambda c: (-c.score, *when(c), c.source_id, c.start)).id


def test_no_claim_in_a_state_gives_none(ws):
    with ws.session() as session:
        assert first_claim_id(session, state="disputed") is None
        assert first_claim_id(session) is None
        assert source_rows(session) == []
