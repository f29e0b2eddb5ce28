"""The index follows the database: imports, edits, soft and hard deletes, lost or damaged index folders."""

from __future__ import annotations

import threading
from datetime import datetime

import pytest
from sqlalchemy import delete

from tests.conftest import write
from tests.search.conftest import ARTICLES, add_claim, add_source
from workbench.search.index import IndexBusy, index_lock, rebuild_index, sync_index
from workbench.services import pipeline
from workbench.services.importing import import_paths
from workbench.services.searching import run_search, search
from workbench.storage.models import Claim, Source, Verdict
from workbench.tasks import Cancelled, TaskState


def found(ws, query: str) -> set[tuple[str, int]]:
    return {(hit["type"], hit["id"]) for hit in search(ws, query, limit=50)}


def test_first_sync_indexes_sources_and_claims(ws, corpus):
    report = sync_index(ws)
    assert report.rebuilt and report.written == 3 + 7
    assert ("source", corpus["sources"][2]) in found(ws, "Quillfeather")
    assert ("claim", corpus["claims"][2][0]) in found(ws, "Quillfeather")


def test_nothing_changed_writes_nothing(ws, corpus):
    sync_index(ws)
    report = sync_index(ws)
    assert (report.written, report.removed, report.rebuilt, report.message) == (0, 0, False, None)


def test_new_source_and_claims_are_added_incrementally(ws, corpus):
    sync_index(ws)
    sid = add_source(ws, {"title": "Ferry fares frozen", "body": "The ferry company froze its fares for a year."})
    cid = add_claim(ws, sid, "The ferry company froze its fares for a year.")
    report = sync_index(ws)
    assert not report.rebuilt
    assert report.written == 2 and report.removed == 0
    assert found(ws, "fares") == {("source", sid), ("claim", cid)}


def test_edits_replace_what_was_indexed(ws, corpus):
    sync_index(ws)
    sid, cid = corpus["sources"][2], corpus["claims"][2][1]
    with ws.session() as session:
        session.get(Source, sid).title = "Quillfeather Labs opens an office in Porto"
        session.get(Claim, corpus["claims"][0][1]).text = "Repairs will cost twelve million euros, engineers said."
    assert ("source", sid) in found(ws, "title:porto")
    assert found(ws, "title:record") == set()
    assert ("claim", corpus["claims"][0][1]) in found(ws, "twelve")
    # The claims of an edited source carry its outlet: they were re-indexed with it.
    with ws.session() as session:
        session.get(Source, sid).outlet = "Harbour Business Review"
    assert ("claim", cid) in found(ws, 'outlet:"business review" AND type:claim')


def test_verdict_changes_reach_status_and_rating(ws, corpus):
    sync_index(ws)
    cid = corpus["claims"][1][1]
    with ws.session() as session:
        session.add(Verdict(claim_id=cid, status="verified", rating="Mostly false"))
    assert found(ws, "status:verified") == {("claim", cid)}
    assert found(ws, 'rating:"mostly false"') == {("claim", cid)}
    with ws.session() as session:
        session.execute(delete(Verdict).where(Verdict.claim_id == cid))
    assert found(ws, "status:verified") == set()
    assert ("claim", cid) in found(ws, "status:unreviewed")


def test_soft_deleted_source_and_claim_leave_the_index(ws, corpus):
    sync_index(ws)
    sid = corpus["sources"][1]
    with ws.session() as session:
        session.get(Source, sid).deleted_at = datetime(2025, 8, 1)
        session.get(Claim, corpus["claims"][0][2]).deleted_at = datetime(2025, 8, 1)
    report = sync_index(ws)
    assert report.removed == 1 + 2 + 1 and not report.rebuilt  # the source, its two claims, the other claim
    assert all(hit["source_id"] != sid for hit in search(ws, "bridge OR ferry OR euros", limit=50))
    assert ("claim", corpus["claims"][0][2]) not in found(ws, "weld")
    # Restoring from the trash brings them back.
    with ws.session() as session:
        session.get(Source, sid).deleted_at = None
    assert ("source", sid) in found(ws, "ferry")
    assert ("claim", corpus["claims"][1][1]) in found(ws, "officials")


def test_hard_deleted_rows_vanish_from_the_index(ws, corpus):
    sync_index(ws)
    sid = corpus["sources"][0]
    with ws.session() as session:
        session.delete(session.get(Source, sid))  # its claims go with it (cascade)
        session.execute(delete(Claim).where(Claim.id == corpus["claims"][2][1]))
    report = sync_index(ws)
    assert not report.rebuilt
    assert report.removed == 1 + 3 + 1  # the source, its three claims, the other claim
    assert all(hit["source_id"] != sid for hit in search(ws, "bridge OR weld OR euros", limit=50))
    assert found(ws, "employs AND type:claim") == set()
    assert ("claim", corpus["claims"][1][0]) in found(ws, "crossing")


def test_hard_delete_hidden_by_a_new_row_is_still_noticed(ws, corpus):
    sync_index(ws)
    with ws.session() as session:
        session.execute(delete(Claim).where(Claim.id == corpus["claims"][0][0]))
    cid = add_claim(ws, corpus["sources"][2], "The startup employs about 900 people.")
    sync_index(ws)
    assert found(ws, "vehicles AND type:claim") == {("claim", corpus["claims"][1][0])}
    assert ("claim", cid) in found(ws, "employs")


def test_rows_touched_without_a_searchable_change_are_not_rewritten(ws, corpus):
    sync_index(ws)
    with ws.session() as session:
        for claim in session.query(Claim):
            claim.check_sources = 3  # what a cross-check writes: not searchable
        session.get(Source, corpus["sources"][0]).extracted_at = datetime(2025, 8, 1)
    report = sync_index(ws)
    assert (report.written, report.removed) == (0, 0)
    assert sync_index(ws).seconds < 1  # and the watermark moved on


def test_import_pipeline_indexes_new_files(ws, tmp_path):
    path = write(tmp_path / "in" / "tram.md", "# Tram line opens\n\nThe new tram line carried 8,000 riders.\n")
    report = import_paths(ws, [path])
    pipeline.after_import(ws, report.source_ids)
    assert sync_index(ws).written == 0  # already in step
    assert {(hit["type"], hit["source_id"]) for hit in search(ws, "tram riders")} == {
        ("source", report.source_ids[0]), ("claim", report.source_ids[0])}


def test_deleted_index_folder_is_rebuilt_with_a_message(ws, corpus):
    sync_index(ws)
    import shutil

    shutil.rmtree(ws.index_dir)
    results = run_search(ws, "Quillfeather")
    assert "missing" in results.notice and "rebuilt" in results.notice and "3 sources" in results.notice
    assert ("source", corpus["sources"][2]) in {(h["type"], h["id"]) for h in results.hits}


@pytest.mark.parametrize("which", ["all", "segments", "toc"])
def test_damaged_index_is_rebuilt(ws, corpus, which):
    sync_index(ws)
    files = [p for p in ws.index_dir.iterdir() if p.is_file()]
    if which == "segments":
        files = [p for p in files if p.suffix not in (".toc", "") and "LOCK" not in p.name]
    elif which == "toc":
        files = [p for p in files if p.suffix == ".toc"]
    assert files
    for path in files:
        path.write_bytes(b"\x00garbage\xff" * 97)
    results = run_search(ws, "bridge")
    assert results.notice and "damaged" in results.notice and "rebuilt" in results.notice
    assert {h["source_id"] for h in results.hits} == set(corpus["sources"][:2])
    assert sync_index(ws).written == 0


def test_cancelled_rebuild_keeps_the_old_index(ws, corpus):
    sync_index(ws)
    state = TaskState(on_progress=lambda done, total, message: state.cancel(), min_interval=0)
    with pytest.raises(Cancelled):
        rebuild_index(ws, state)
    assert not ws.index_dir.with_name(ws.index_dir.name + ".building").exists()
    assert ("source", corpus["sources"][2]) in found(ws, "Quillfeather")


def test_rebuild_reports_progress(ws, corpus):
    seen = []
    report = rebuild_index(ws, TaskState(on_progress=lambda d, t, m: seen.append((d, t, m)), min_interval=0))
    assert report.rebuilt and report.written == 10 and report.message is None
    assert seen[-1][0] == seen[-1][1]


def test_a_second_writer_gets_a_clear_busy_error(ws, corpus):
    sync_index(ws)
    add_source(ws, ARTICLES[0] | {"title": "Bridge reopens"})
    held, release = threading.Event(), threading.Event()

    def hold():
        with index_lock(ws):
            held.set()
            release.wait(10)

    holder = threading.Thread(target=hold)
    holder.start()
    try:
        held.wait(10)
        with pytest.raises(IndexBusy, match="being updated by another window or command"):
            sync_index(ws, timeout=0.2)
    finally:
        release.set()
        holder.join()
    assert sync_index(ws).written == 1


def test_concurrent_syncs_from_threads_leave_one_consistent_index(ws, corpus):
    errors = []

    def run():
        try:
            sync_index(ws)
        except Exception as exc:  # collected and asserted below
            errors.append(exc)

    threads = [threading.Thread(target=run) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert found(ws, "bridge OR Quillfeather") == {("source", sid) for sid in corpus["sources"]} | {
        ("claim", corpus["claims"][0][0]), ("claim", corpus["claims"][2][0])}
    assert sync_index(ws).written == 0


def test_hard_deletes_are_noticed_without_the_deletion_triggers(ws, corpus):
    # A later migration that rebuilds a table drops its triggers: the sync falls back to row counts.
    from sqlalchemy import text

    with ws.session() as session:
        session.execute(text("DROP TRIGGER trg_claims_deleted"))
    sync_index(ws)
    with ws.session() as session:
        session.execute(delete(Claim).where(Claim.id == corpus["claims"][2][1]))
    assert sync_index(ws).removed == 1
    assert found(ws, "employs AND type:claim") == set()


def test_deletion_counters_follow_cascades(ws, corpus):
    from sqlalchemy import text

    with ws.session() as session:
        session.delete(session.get(Source, corpus["sources"][0]))
    with ws.session() as session:
        counts = dict(session.execute(text("SELECT table_name, deleted FROM row_deletions")).all())
    assert counts == {"sources": 1, "claims": 3, "verdicts": 0}


def test_a_writer_in_another_process_makes_this_one_wait_then_fail_clearly(ws, corpus):
    import subprocess
    import sys
    import textwrap

    sync_index(ws)
    add_source(ws, {"title": "Bridge reopens", "body": "The harbour bridge reopened to traffic."})
    holder = subprocess.Popen([sys.executable, "-c", textwrap.dedent(f"""
        import sys, time
        from workbench.storage.workspace import open_workspace
        from workbench.search.index import index_lock
        ws = open_workspace({str(ws.path)!r})
        with index_lock(ws):
            print("held", flush=True)
            sys.stdin.readline()
        """)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "held"
        with pytest.raises(IndexBusy):
            sync_index(ws, timeout=0.3)
    finally:
        holder.communicate("\n", timeout=30)
    assert sync_index(ws).written == 1


def test_searches_see_commits_from_this_and_other_connections(ws, corpus):
    # Repeated searches skip the watermark while nothing was committed; any commit must still be seen.
    from workbench.storage.workspace import open_workspace

    assert found(ws, "ferry fares") == found(ws, "ferry fares")
    sid = add_source(ws, {"title": "Ferry fares frozen", "body": "The ferry company froze its fares for a year."})
    assert ("source", sid) in found(ws, "fares")
    other = open_workspace(ws.path)
    try:
        with other.session() as session:
            session.get(Source, sid).title = "Ferry timetable extended"
        assert ("source", sid) in found(ws, "timetable")
        with other.session() as session:
            session.execute(delete(Source).where(Source.id == sid))
        assert ("source", sid) not in found(ws, "fares")
    finally:
        other.close()
