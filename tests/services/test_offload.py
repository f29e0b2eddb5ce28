"""The second-core worker: the same results as working in this process, in order, and failures that stay local."""

from __future__ import annotations

import json
from datetime import date

import pytest
from sqlalchemy import select

from tests.ingest.samples import HARBOUR, LIBRARY, markdown
from workbench.services import offload
from workbench.services.extraction import extract_sources
from workbench.services.importing import import_paths
from workbench.storage.models import Claim, Source


def double(context, item):
    if item == "boom":
        raise ValueError("no number")
    return item * 2 + context


@pytest.fixture
def worker(monkeypatch):
    """Any number of items goes to the worker process (normally only many are worth starting it for)."""
    monkeypatch.setattr(offload, "MIN_ITEMS", 1)
    monkeypatch.setattr(offload, "BATCH", 2)


def test_results_come_back_in_order_with_the_context(worker):
    assert list(offload.offloaded(double, range(11), 100, count=11)) == [100 + 2 * i for i in range(11)]


def test_a_failure_in_the_worker_is_raised_here_for_that_item(worker):
    results = offload.offloaded(double, [1, 2, 3, "boom", 5], 0, count=5)
    assert [next(results) for _ in range(3)] == [2, 4, 6]
    with pytest.raises(ValueError, match="no number"):
        next(results)


def _folder(root):
    for i in range(6):
        paragraphs = [p.replace("harbour", f"harbour {i}") for p in (HARBOUR if i % 2 else LIBRARY)]
        (root / f"a{i}.md").write_text(markdown({"title": f"Article {i}", "outlet": f"Paper {i}",
                                                 "published": f"2025-06-1{i}"}, paragraphs), encoding="utf-8")
    (root / "empty.md").write_text("  \n\n", encoding="utf-8")
    (root / "a0 copy.md").write_bytes((root / "a0.md").read_bytes())
    return root


def _stored(ws):
    with ws.session() as session:
        sources = [(s.title, s.outlet, s.published, s.body)
                   for s in session.scalars(select(Source).order_by(Source.id))]
        claims = [(c.source_id, c.start, c.end, c.text, c.kind, c.score, json.dumps(c.facets, sort_keys=True),
                   c.reasons) for c in session.scalars(select(Claim).order_by(Claim.id))]
    return sources, claims


def test_import_and_extraction_store_the_same_with_and_without_the_worker(tmp_path, monkeypatch):
    from workbench.storage.workspace import open_workspace

    (tmp_path / "in").mkdir()
    folder = _folder(tmp_path / "in")
    results = []
    for name, min_items in (("here", 10**9), ("worker", 1)):
        monkeypatch.setattr(offload, "MIN_ITEMS", min_items)
        with open_workspace(tmp_path / f"{name}.fcw", create=True) as ws:
            report = import_paths(ws, [folder])
            extract_sources(ws)
            results.append(([(item["path"], item["source_id"]) for item in report.imported],
                            [(item["path"], item["error"]) for item in report.failed],
                            [item["path"] for item in report.duplicates], _stored(ws)))
    here, there = results
    assert here == there
    imported, failed, duplicates, (sources, claims) = there
    assert len(imported) == 6 and [p for p, _ in failed] == [str(folder / "empty.md")]
    assert duplicates == [str(folder / "a0.md")]  # name order: "a0 copy.md" comes first
    assert claims and {c[0] for c in claims} == set(range(1, 7))
    assert sources[0][2] == date(2025, 6, 10)


def slow_with_pid(context, item):
    import os
    import time

    time.sleep(context)
    return item, os.getpid()


def test_this_process_takes_back_batches_while_it_waits_and_keeps_the_order(worker):
    import os

    results = list(offload.offloaded(slow_with_pid, range(40), 0.05, count=40))
    assert [item for item, _ in results] == list(range(40))
    here = {item for item, pid in results if pid == os.getpid()}
    assert here and len(here) < 40       # both sides worked: this one while the worker started, and later


def die_in_worker(context, item):
    import multiprocessing
    import os

    if item == 3 and multiprocessing.parent_process() is not None:
        os._exit(1)  # the worker process ends abruptly, as when the system kills it
    return item + context


def test_a_dead_worker_leaves_the_rest_to_this_process(worker):
    assert list(offload.offloaded(die_in_worker, range(9), 10, count=9)) == [10 + i for i in range(9)]


BOOMS_HERE = []


def slow_or_boom(context, item):
    import multiprocessing
    import time

    if item == "boom":
        if multiprocessing.parent_process() is None:
            BOOMS_HERE.append(item)
        raise ValueError("no number")
    time.sleep(context)
    return item


def test_a_batch_taken_back_that_fails_is_not_computed_again_until_its_turn(worker):
    BOOMS_HERE.clear()
    results = offload.offloaded(slow_or_boom, [*range(30), "boom"], 0.05, count=31)
    assert [next(results) for _ in range(30)] == list(range(30))
    with pytest.raises(ValueError, match="no number"):
        next(results)
    assert len(BOOMS_HERE) <= 2          # once taken back ahead of its turn, once in its turn (to raise)
