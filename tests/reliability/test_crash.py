"""Crash safety: real `workbench` processes SIGKILLed at random moments never damage or half-fill a workspace."""

import os
import time

import pytest
from sqlalchemy import func, select

from tests.reliability.crashing import kill_cycles
from tests.reliability.helpers import run_cli
from workbench.services.doctor import index_problem, run_doctor
from workbench.storage.models import Source
from workbench.storage.workspace import open_workspace


def _crash_and_recover(tmp_path, *, budget_s, max_kills):
    seed = int(os.environ.get("CRASH_SEED") or time.time())
    ws_path = tmp_path / "crash.fcw"
    open_workspace(ws_path, create=True).close()
    run = kill_cycles(ws_path, tmp_path, budget_s=budget_s, max_kills=max_kills, seed=seed)
    assert run.problems == [], f"seed {seed}: {run.problems}"
    assert run.kills >= 3, f"seed {seed}: only {run.kills} kills landed in {run.seconds:.0f}s"

    # What a kill interrupted (extraction, index, check) is finished by the doctor; the index is in step.
    report = run_doctor(ws_path, repair=True)
    assert report.unresolved == [], report.to_json()
    with open_workspace(ws_path) as ws:
        assert index_problem(ws) is None
        with ws.session() as s:
            assert s.scalar(select(func.count(Source.id)).where(Source.extracted_at.is_(None))) == 0

    # Nothing lost: importing every batch again leaves each article in the workspace exactly once.
    written = sorted(tmp_path.glob("batch*/*.md"))
    out = run_cli("import", ws_path, *sorted(tmp_path.glob("batch*")), "--json")
    assert out.returncode == 0, out.stderr
    with open_workspace(ws_path) as ws, ws.session() as s:
        assert s.scalar(select(func.count(Source.id))) == len(written)
        assert s.scalar(select(func.count(func.distinct(Source.path)))) == len(written)
    return run


def test_random_kills_during_import_check_export_and_reindex(tmp_path):
    _crash_and_recover(tmp_path, budget_s=25, max_kills=10)


@pytest.mark.slow
@pytest.mark.timeout(900)   # a 240 s kill budget plus recovery must not hit the suite's 300 s default
def test_many_random_kills(tmp_path):
    _crash_and_recover(tmp_path, budget_s=240, max_kills=80)
