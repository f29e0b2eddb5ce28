"""Doctor: problems planted in a real workspace file are reported, repaired with --repair, or explained."""

import json
import shutil
import sqlite3

from tests.reliability.helpers import add_source, run_cli, two_linked_sources
from workbench.search.index import sync_index
from workbench.services.doctor import index_problem, run_doctor
from workbench.storage.models import Claim, Link, VerdictEvent
from workbench.storage.workspace import open_workspace


def plant(path, *statements):
    """Write behind the app's back, the way a bug, an old version or a hand edit could (foreign keys off)."""
    con = sqlite3.connect(path)
    try:
        for sql, params in statements:
            con.execute(sql, params)
        con.commit()
    finally:
        con.close()


def prepared(ws_path):
    ws = open_workspace(ws_path, create=True)
    ids = two_linked_sources(ws)
    with ws.session() as s:
        _, (extra,) = add_source(s, "gamma", "Officials said 40 roads were shut. Schools stayed open.",
                                 ["Officials said 40 roads were shut."])
    ids["extra"] = extra
    sync_index(ws)
    ws.close()
    return ids


def test_a_healthy_workspace_has_no_findings(ws_path):
    prepared(ws_path)
    report = run_doctor(ws_path)
    assert report.findings == [] and report.ok
    assert report.checked["claims"] == 5 and report.checked["links"] == 1


def test_planted_problems_are_reported_then_repaired(ws_path):
    ids = prepared(ws_path)
    a1, a2 = ids["a_claims"]
    b1, b2 = ids["b_claims"]
    plant(
        ws_path,
        # a span far outside its article, with text found nowhere in it
        ("UPDATE claims SET start=5000, end=5040, text='Nothing like this is in the article.' WHERE id=?", (a1,)),
        # a span pointing two characters off, text intact
        ("UPDATE claims SET start=start+2, end=end+2 WHERE id=?", (a2,)),
        # text edited without its span: the span is right, the text is not
        ("UPDATE claims SET text='About 9,999 homes lost power, the utility said.' WHERE id=?", (b1,)),
        # a number whose offsets fall outside its claim
        ("UPDATE claims SET facets=? WHERE id=?",
         (json.dumps({"numbers": [{"text": "40", "start": 900, "end": 902, "value": 40}]}), ids["extra"])),
        # a link to a claim that does not exist, and one joining a claim to itself
        ("INSERT INTO links (a_id, b_id, relation, reasons, details, score, same_origin, created_at, updated_at) "
         "VALUES (?, 4242, 'related', '[]', '{}', 0, 0, '2024-01-01', '2024-01-01')", (b2,)),
        ("INSERT INTO links (a_id, b_id, relation, reasons, details, score, same_origin, created_at, updated_at) "
         "VALUES (?, ?, 'related', '[]', '{}', 0, 0, '2024-01-01', '2024-01-01')", (b2, b2)),
        # a source written straight into the database: the search index has never seen it
        ("INSERT INTO sources (title, body, body_hash, format, warnings, imported_at, updated_at, extracted_at) "
         "VALUES ('ghost', 'A source the index never saw.', 'h', 'txt', '[]', '2000-01-01', '2000-01-01', "
         "'2000-01-01')", ()),
    )
    before = ws_path.read_bytes()
    out = run_cli("doctor", ws_path, "--json")
    assert out.returncode == 1, out.stderr
    assert ws_path.read_bytes() == before                    # checking alone changes nothing
    found = json.loads(out.stdout)
    by_check = {}
    for f in found["findings"]:
        by_check.setdefault(f["check"], []).append(f)
    assert {f["ids"][0] for f in by_check["claim spans"]} == {a1, a2, b1}
    assert by_check["links"][0]["ids"] and "do not exist" in by_check["links"][0]["message"]
    assert "join a claim to itself" in by_check["links"][0]["message"]
    assert by_check["facets"][0]["ids"] == [ids["extra"]]
    assert "1 items missing" in by_check["index"][0]["message"]
    assert "foreign keys" in by_check                          # the link to claim 4242

    out = run_cli("doctor", ws_path, "--repair")
    assert out.returncode == 0, out.stdout + out.stderr
    assert "all problems fixed" in out.stdout

    assert run_doctor(ws_path).findings == []
    with open_workspace(ws_path) as ws, ws.session() as s:
        moved = s.get(Claim, a2)
        assert moved.text == "Flooding closed the river road on Monday."
        body = moved.source.body
        assert body[moved.start:moved.end] == moved.text
        assert s.get(Claim, b1).text == "About 1,500 homes lost power, the utility said."
        assert s.get(Claim, a1).deleted_at is not None            # broken beyond repair: trashed, restorable
        assert s.query(Link).count() == 1                         # the real link survived
        assert s.get(Claim, ids["extra"]).facets["numbers"] == []
        notes = [e.note for e in s.query(VerdictEvent).filter(VerdictEvent.claim_id == b1)]
        assert any("9,999" in n for n in notes)                   # the replaced text is kept in the history
        assert index_problem(ws) is None


def test_a_damaged_index_is_reported_and_rebuilt(ws_path):
    prepared(ws_path)
    index_dir = ws_path.with_name(ws_path.name + ".index")
    for f in index_dir.glob("*.seg"):
        f.write_bytes(b"\0" * 64)
    for f in index_dir.glob("_MAIN_*.toc"):
        f.write_bytes(b"garbage")
    report = run_doctor(ws_path)
    assert [f.check for f in report.findings] == ["index"]
    report = run_doctor(ws_path, repair=True)
    assert report.findings[0].repaired and report.ok
    with open_workspace(ws_path) as ws:
        assert index_problem(ws) is None
    shutil.rmtree(index_dir)
    report = run_doctor(ws_path)
    assert "no index" in report.findings[0].message and report.ok   # built on first search: a note, not damage


def test_a_corrupt_file_is_reported_with_what_to_do(ws_path):
    prepared(ws_path)
    data = bytearray(ws_path.read_bytes())
    for page in range(2, len(data) // 4096):
        data[page * 4096: page * 4096 + 64] = b"\xa5" * 64      # every b-tree page header
    ws_path.write_bytes(bytes(data))
    out = run_cli("doctor", ws_path)
    assert out.returncode == 1
    assert "integrity check failed" in out.stdout
    assert "restore" in out.stdout and "Traceback" not in out.stderr
