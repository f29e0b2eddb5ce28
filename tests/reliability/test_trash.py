"""Undo and trash: deleted sources and claims come back intact; emptying the trash is the only hard delete."""

import pytest
from sqlalchemy import func, select

from tests.reliability.helpers import add_source, run_cli, two_linked_sources
from workbench.domain.errors import NotFound
from workbench.services import trash
from workbench.services.doctor import index_problem
from workbench.services.sources import list_sources
from workbench.services.verdicts import history, set_verdict
from workbench.storage.models import Claim, Link, Source, SourceFile, Verdict, VerdictEvent
from workbench.storage.workspace import open_workspace


def live_claims(s, source_id):
    return set(s.scalars(select(Claim.id).where(Claim.source_id == source_id, Claim.deleted_at.is_(None))))


def test_deleted_source_leaves_listings_and_comes_back_with_its_claims(ws):
    ids = two_linked_sources(ws)
    with ws.session() as s:
        set_verdict(s, ids["a_claims"][0], rating="False", rationale="the utility counted 1,500")
    with ws.session() as s:
        result = trash.delete_source(s, ids["a"])
    assert result["claims"] == 2
    with ws.session() as s:
        assert [r["id"] for r in list_sources(s)] == [ids["b"]]
        assert live_claims(s, ids["a"]) == set()
        rows = trash.list_trash(s)
        assert [(r["kind"], r["id"], r["claims"]) for r in rows] == [("source", ids["a"], 2)]
    with ws.session() as s:
        trash.restore_source(s, ids["a"])
    with ws.session() as s:
        assert [r["id"] for r in list_sources(s)] == [ids["a"], ids["b"]]
        assert live_claims(s, ids["a"]) == set(ids["a_claims"])
        # Everything attached came back untouched: the link, the verdict and its history.
        assert s.get(Link, ids["link"]) is not None
        assert s.get(Verdict, ids["a_claims"][0]).rating == "False"
        assert s.get(SourceFile, ids["a"]).data.startswith(b"Flooding")
        assert trash.list_trash(s) == []


def test_claim_deleted_on_its_own_stays_deleted_when_its_source_is_restored(ws):
    ids = two_linked_sources(ws)
    lone, other = ids["a_claims"]
    with ws.session() as s:
        trash.delete_claim(s, lone)
    with ws.session() as s:
        trash.delete_source(s, ids["a"])
    with ws.session() as s:
        # While the source is in the trash, its claims are listed with it, not one by one.
        assert [(r["kind"], r["id"]) for r in trash.list_trash(s)] == [("source", ids["a"])]
        trash.restore_source(s, ids["a"])
    with ws.session() as s:
        assert live_claims(s, ids["a"]) == {other}
        assert [(r["kind"], r["id"]) for r in trash.list_trash(s)] == [("claim", lone)]


def test_claim_delete_and_restore_are_recorded_in_its_history(ws):
    ids = two_linked_sources(ws)
    cid = ids["b_claims"][0]
    with ws.session() as s:
        set_verdict(s, cid, rating="True", status="verified", rationale="utility statement")
    with ws.session() as s:
        set_verdict(s, cid, rating="Mostly true")
    with ws.session() as s:
        trash.delete_claim(s, cid)
    with ws.session() as s:
        with pytest.raises(trash.TrashError, match="already in the trash"):
            trash.delete_claim(s, cid)
    with ws.session() as s:
        trash.restore_claim(s, cid)
    with ws.session() as s:
        events = history(s, cid)
    assert [e["action"] for e in events] == ["verdict", "verdict", "deleted", "restored"]
    assert [e["rating"] for e in events[:2]] == ["True", "Mostly true"]   # every verdict change is kept


def test_a_claim_of_a_trashed_source_is_restored_through_its_source(ws):
    ids = two_linked_sources(ws)
    with ws.session() as s:
        trash.delete_source(s, ids["b"])
    with ws.session() as s, pytest.raises(trash.TrashError, match="restore the source"):
        trash.restore_claim(s, ids["b_claims"][0])


def test_restoring_what_is_not_in_the_trash_says_so(ws):
    ids = two_linked_sources(ws)
    with ws.session() as s:
        with pytest.raises(trash.TrashError, match="not in the trash"):
            trash.restore_source(s, ids["a"])
        with pytest.raises(NotFound):
            trash.delete_source(s, 999)


def test_emptying_the_trash_deletes_for_good_with_everything_attached(ws):
    ids = two_linked_sources(ws)
    with ws.session() as s:
        set_verdict(s, ids["a_claims"][0], rating="False")
        keep, _ = add_source(s, "gamma", "A third article about the weather on Tuesday.", [])
    with ws.session() as s:
        trash.delete_source(s, ids["a"])
        trash.delete_claim(s, ids["b_claims"][1])
    with ws.session() as s:
        result = trash.empty_trash(s)
    assert (result["sources"], result["claims"]) == (1, 3)
    with ws.session() as s:
        assert s.get(Source, ids["a"]) is None
        assert s.get(SourceFile, ids["a"]) is None
        assert s.scalar(select(func.count(Link.id))) == 0          # the link went with its claim
        assert s.scalar(select(func.count(Verdict.claim_id))) == 0
        assert s.scalar(select(func.count(VerdictEvent.id)).where(
            VerdictEvent.claim_id.in_(ids["a_claims"]))) == 0
        assert set(s.scalars(select(Claim.id))) == {ids["b_claims"][0]}
        assert s.get(Source, keep) is not None
        assert trash.list_trash(s) == []
        with pytest.raises(NotFound, match="emptied"):
            trash.restore_source(s, ids["a"])


def test_emptying_only_old_items_keeps_recent_ones(ws):
    ids = two_linked_sources(ws)
    with ws.session() as s:
        trash.delete_source(s, ids["a"])
    with ws.session() as s:
        assert trash.empty_trash(s, older_than_days=1)["sources"] == 0
        assert [r["id"] for r in trash.list_trash(s)] == [ids["a"]]


def test_cli_delete_and_restore_keep_the_search_index_in_step(ws_path):
    ws = open_workspace(ws_path, create=True)
    ids = two_linked_sources(ws)
    ws.close()
    out = run_cli("delete", ws_path, ids["a"])
    assert out.returncode == 0, out.stderr
    assert f"--restore {ids['a']}" in out.stdout
    with open_workspace(ws_path) as ws:
        assert index_problem(ws) is None          # the deleted source and claims left the index
    out = run_cli("trash", ws_path, "--restore", ids["a"])
    assert out.returncode == 0 and "restored source" in out.stdout
    with open_workspace(ws_path) as ws:
        assert index_problem(ws) is None
        with ws.session() as s:
            trash.delete_claim(s, ids["b_claims"][0])
    out = run_cli("trash", ws_path, "--empty")
    assert out.returncode == 0 and "1 claims" in out.stdout
    with open_workspace(ws_path) as ws:
        assert index_problem(ws) is None
