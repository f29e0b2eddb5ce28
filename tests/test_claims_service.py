"""Claim services on a real workspace file: extraction, re-extraction that keeps user edits, manual edits."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from sqlalchemy import select

from workbench.cli import main
from workbench.domain.errors import NotFound, WorkbenchError
from workbench.services import claims as svc
from workbench.services.extraction import extract_sources
from workbench.storage.models import Claim, Link, Source, Verdict, VerdictEvent

BODY = (
    "The council approved a $2.7 billion bridge on Tuesday, according to two people familiar with the matter.\n"
    "More than 60,000 vehicles cross the harbour every day, the transport office said.\n"
    "“This bridge will change the city,” said Mayor Ann Lee.\n"
    "Construction begins next month and 1,200 workers have been hired.\n"
)


@pytest.fixture
def source_id(ws) -> int:
    with ws.session() as session:
        source = Source(title="Bridge", outlet="Example News", body=BODY, body_hash="h1",
                        published=dt.date(2024, 10, 17))
        session.add(source)
        session.flush()
        return source.id


def live_claims(ws, source_id):
    with ws.session() as session:
        return svc.list_claims(session, source_id)


def test_extract_sets_claims_and_timestamp(ws, source_id):
    written = extract_sources(ws, [source_id])
    rows = live_claims(ws, source_id)
    assert written == len(rows) == 4
    for row in rows:
        assert BODY[row["start"]:row["end"]] == row["text"]
        assert set(row) >= {"id", "source_id", "start", "end", "text", "kind", "score", "speaker", "attribution",
                            "numbers", "dates", "entities"}
    assert rows[0]["numbers"][0] == {"text": "$2.7 billion", "start": 23, "end": 35, "value": 2.7e9,
                                     "low": 2.7e9, "high": 2.7e9, "unit": "USD", "counted": "bridge", "hedge": None}
    assert rows[1]["numbers"][0]["high"] is None
    assert rows[2]["speaker"] == "Ann Lee"
    with ws.session() as session:
        assert session.get(Source, source_id).extracted_at is not None


def test_reextraction_keeps_ids_and_user_work(ws, source_id):
    extract_sources(ws, [source_id])
    first = live_claims(ws, source_id)
    ids = [r["id"] for r in first]
    with ws.session() as session:
        session.add(Verdict(claim_id=ids[0], status="in review"))
        user_id = svc.add_claim(session, source_id, first[1]["start"], first[1]["start"] + 30)
        svc.delete_claim(session, ids[2])
    extract_sources(ws, [source_id])
    extract_sources(ws, [source_id])
    after = live_claims(ws, source_id)
    after_ids = [r["id"] for r in after]
    assert ids[0] in after_ids                      # reviewed: kept
    assert user_id in after_ids                     # user claim: kept
    assert ids[1] not in after_ids                  # overlapped by the user's claim: not re-created
    assert ids[2] not in after_ids                  # deleted by the user: stays deleted, not re-created
    assert ids[3] in after_ids                      # untouched auto claim: same id
    assert len(after_ids) == len(set(after_ids)) == 3
    with ws.session() as session:
        assert session.get(Claim, ids[2]).deleted_at is not None


def test_reextraction_never_drops_linked_claims(ws, source_id):
    extract_sources(ws, [source_id])
    ids = [r["id"] for r in live_claims(ws, source_id)]
    with ws.session() as session:
        session.add(Link(a_id=ids[0], b_id=ids[1], relation="related"))
        claim = session.get(Claim, ids[1])
        claim.start, claim.end = claim.start + 5, claim.end   # a span the extractor would not produce again
        claim.text = BODY[claim.start:claim.end]
    extract_sources(ws, [source_id])
    after = [r["id"] for r in live_claims(ws, source_id)]
    assert ids[1] in after and after.count(ids[1]) == 1


def test_add_claim_extracts_facets_and_records_history(ws, source_id):
    with ws.session() as session:
        claim_id = svc.add_claim(session, source_id, 0, 55)
        row = svc.claim_json(svc.get_claim(session, claim_id))
        assert row["origin"] == "user" and row["text"] == BODY[0:55].strip()
        assert row["numbers"][0]["text"] == "$2.7 billion"
        assert [e.action for e in session.scalars(select(VerdictEvent).where(VerdictEvent.claim_id == claim_id))] \
            == ["added"]


@pytest.mark.parametrize("start, end, message", [
    (-1, 5, "outside"), (5, 5, "empty"), (10, 5, "empty"), (0, 10_000, "outside"), (104, 105, "whitespace"),
])
def test_invalid_spans_are_clear_errors(ws, source_id, start, end, message):
    with ws.session() as session, pytest.raises(WorkbenchError, match=message):
        svc.add_claim(session, source_id, start, end)


def test_adjust_split_merge_delete_restore(ws, source_id):
    extract_sources(ws, [source_id])
    rows = live_claims(ws, source_id)
    first, second = rows[0], rows[1]
    with ws.session() as session:
        adjusted = svc.adjust_span(session, first["id"], first["start"], first["start"] + 54)
        assert adjusted["origin"] == "user" and adjusted["end"] == first["start"] + 54
    with ws.session() as session:
        at = first["start"] + 30
        left, right = svc.split_claim(session, first["id"], at)
        assert session.get(Claim, left).end <= at <= session.get(Claim, right).start
        assert session.get(Claim, first["id"]).deleted_at is not None
    with ws.session() as session:
        merged = svc.merge_claims(session, [left, right, second["id"]])
        claim = session.get(Claim, merged)
        assert (claim.start, claim.end) == (first["start"], second["end"])
        assert claim.text == BODY[claim.start:claim.end]
        assert all(session.get(Claim, i).deleted_at is not None for i in (left, right, second["id"]))
    with ws.session() as session:
        svc.delete_claim(session, merged)
        svc.restore_claim(session, merged)
        assert session.get(Claim, merged).deleted_at is None
        actions = [e.action for e in session.scalars(
            select(VerdictEvent).where(VerdictEvent.claim_id == first["id"]).order_by(VerdictEvent.id))]
        assert actions == ["span", "deleted", "split"]
        merged_actions = [e.action for e in session.scalars(
            select(VerdictEvent).where(VerdictEvent.claim_id == merged).order_by(VerdictEvent.id))]
        assert merged_actions == ["merged", "deleted", "restored"]


def test_edit_errors(ws, source_id):
    extract_sources(ws, [source_id])
    rows = live_claims(ws, source_id)
    with ws.session() as session:
        with pytest.raises(WorkbenchError, match="not inside"):
            svc.split_claim(session, rows[0]["id"], rows[0]["end"])
        with pytest.raises(WorkbenchError, match="at least two"):
            svc.merge_claims(session, [rows[0]["id"]])
        with pytest.raises(NotFound):
            svc.adjust_span(session, 999_999, 0, 5)
        with pytest.raises(WorkbenchError, match="already covers"):
            svc.add_claim(session, source_id, rows[0]["start"], rows[0]["end"])


def test_cli_extract_and_claims_json(ws_path, tmp_path, capsys):
    article = tmp_path / "bridge.md"
    article.write_text("---\ntitle: Bridge\noutlet: Example News\ndate: 2024-10-17\n---\n" + BODY, encoding="utf-8")
    assert main(["init", str(ws_path)]) == 0
    assert main(["import", str(ws_path), str(article), "--no-extract"]) == 0
    capsys.readouterr()
    assert main(["extract", str(ws_path)]) == 0
    assert "extracted 4 claims" in capsys.readouterr().out
    assert main(["claims", str(ws_path), "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert len(rows) == 4 and rows[0]["numbers"][0]["unit"] == "USD"
    assert main(["claims", str(ws_path), "--source", "99", "--json"]) == 1
    assert "no source with id 99" in capsys.readouterr().err
    assert main(["claim-split", str(ws_path), str(rows[0]["id"]), "0"]) == 1
    assert capsys.readouterr().err.startswith("error: split point 0")


def test_workspace_vocabulary_from_outlets_authors_and_shared_names(ws):
    from workbench.services.extraction import workspace_vocabulary

    bodies = ["Analyst Maria Quist said Harbor Lights Group cut 300 jobs.",
              "Harbor Lights Group denied the report on Monday."]
    with ws.session() as session:
        for i, body in enumerate(bodies):
            session.add(Source(title=f"s{i}", outlet="Vella Times (vellatimes.com)", author="Jo Ames",
                               body=body, body_hash=f"v{i}"))
    extract_sources(ws)
    with ws.session() as session:
        vocab = workspace_vocabulary(session)
    assert vocab["Vella Times"] == "outlet"
    assert vocab["Jo Ames"] == "person"
    assert vocab["Harbor Lights Group"] == "org"
    assert "Maria Quist" not in vocab            # seen in one source only


def test_recurring_names_read_by_sqlite_match_those_read_in_python(ws):
    from workbench.services.extraction import _recurring_names, _recurring_names_read_in_python

    bodies = ["Analyst Maria Quist said Harbor Lights Group cut 300 jobs at Port Vella.",
              "Harbor Lights Group denied the report, Maria Quist said in Port Vella on Monday.",
              "Port Vella officials met Harbor Lights Group, whose chief Ola Brand spoke."]
    with ws.session() as session:
        for i, body in enumerate(bodies):
            session.add(Source(title=f"s{i}", outlet="Vella Times", body=body, body_hash=f"r{i}"))
    extract_sources(ws)
    with ws.session() as session:
        by_sqlite = _recurring_names(session)
        by_python = _recurring_names_read_in_python(session)
    assert ("Harbor Lights Group", "org") in by_sqlite
    assert sorted(by_sqlite) == sorted(by_python)
    assert not any(name == "Ola Brand" for name, _ in by_sqlite)   # one source only


def test_claim_restored_from_the_trash_is_kept_by_reextraction(ws, source_id):
    extract_sources(ws, [source_id])
    ids = [r["id"] for r in live_claims(ws, source_id)]
    with ws.session() as session:
        svc.delete_claim(session, ids[3])
        svc.restore_claim(session, ids[3])
        claim = session.get(Claim, ids[3])
        claim.end -= 1                              # as if the extractor would now cut it differently
        claim.text = BODY[claim.start:claim.end]
    extract_sources(ws, [source_id])
    assert ids[3] in [r["id"] for r in live_claims(ws, source_id)]
