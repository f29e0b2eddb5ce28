"""Two processes, one workspace: both imports succeed, or one says clearly that the workspace is busy."""

import random
import subprocess
import sqlite3

from sqlalchemy import func, select

from tests.reliability.crashing import cli, write_articles
from workbench.services.doctor import index_problem, run_doctor
from workbench.storage.models import Source
from workbench.storage.workspace import open_workspace


def test_two_concurrent_imports_both_land_or_one_is_told_the_workspace_is_busy(tmp_path):
    ws_path = tmp_path / "shared.fcw"
    open_workspace(ws_path, create=True).close()
    rng = random.Random(7)
    folders = [tmp_path / "left", tmp_path / "right"]
    for folder in folders:
        write_articles(folder, rng, 6, folder.name)
    procs = [subprocess.Popen(cli("import", ws_path, folder), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              text=True) for folder in folders]
    results = [(p.wait(timeout=600), p.stdout.read(), p.stderr.read()) for p in procs]
    for p in procs:
        p.stdout.close()
        p.stderr.close()

    expected = 0
    for (code, out, err), folder in zip(results, folders):
        assert "Traceback" not in err and "internal error" not in err, err
        if code == 0:
            assert "6 imported" in out
            expected += 6
        else:
            assert code == 1 and "busy" in err, err       # the only acceptable failure, said plainly
            expected += out.count("imported  #")
    assert expected >= 6

    con = sqlite3.connect(ws_path)
    assert con.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    con.close()
    with open_workspace(ws_path) as ws:
        with ws.session() as s:
            assert s.scalar(select(func.count(Source.id))) == expected
        assert index_problem(ws) is None                   # one writer at a time kept the index whole
    assert run_doctor(ws_path).unresolved == []


def test_a_write_that_loses_a_race_runs_again_and_updates_the_winners_row(ws):
    """Deterministic form of the race above: another process inserts the same link between our read and write."""
    from tests.reliability.helpers import two_linked_sources
    from workbench.storage.models import Link
    from workbench.storage.workspace import retry_on_conflict

    ids = two_linked_sources(ws)
    a, b = ids["a_claims"][1], ids["b_claims"][1]
    attempts = []

    @retry_on_conflict
    def link_pair():
        with ws.session() as s:
            link = s.scalar(select(Link).where(Link.a_id == a, Link.b_id == b))
            attempts.append(link is None)
            if len(attempts) == 1:          # the other process commits first
                other = sqlite3.connect(ws.path)
                other.execute("INSERT INTO links (a_id, b_id, relation, reasons, details, score, same_origin, "
                              "created_at, updated_at) VALUES (?, ?, 'related', '[]', '{}', 0.1, 0, "
                              "'2024-01-01', '2024-01-01')", (a, b))
                other.commit()
                other.close()
            if link is None:
                s.add(Link(a_id=a, b_id=b, relation="corroborates", score=0.9))
            else:
                link.relation, link.score = "corroborates", 0.9

    link_pair()
    assert attempts == [True, False]
    with ws.session() as s:
        assert [(l.relation, l.score) for l in s.scalars(select(Link).where(Link.a_id == a))] == \
            [("corroborates", 0.9)]
