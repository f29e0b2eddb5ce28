"""GUI fixtures: one prepared workspace (the bundled samples with claims and links), copied for each test."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from workbench.paths import SAMPLES

_SENTENCE = re.compile(r"[^.!?\n]+(?:[.!?]+[\"”]?|$)")
_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")
_TOPICS = {
    "evacuated": ("evacuated", "from their homes", "out of their homes", "away from home"),
    "injured": ("injured", "injuries"),
    "damage": ("damage",),
    "firefighters": ("firefighters",),
}


def _topic(text: str) -> str | None:
    lower = text.lower()
    return next((t for t, words in _TOPICS.items() if any(w in lower for w in words)), None)


def build_claims(ws) -> None:
    """Give every sentence with a figure or a quote a claim, and link claims of one topic across sources.

    A fixture, not an extractor: it only has to give the window real rows, spans, facets and links to show.
    """
    from sqlalchemy import select

    from workbench.storage.models import Claim, Link, Source

    with ws.session() as session:
        by_topic: dict[str, list[Claim]] = {}
        for source in session.scalars(select(Source).order_by(Source.id)):
            for m in _SENTENCE.finditer(source.body):
                text = m.group(0).strip()
                if len(text) < 25:
                    continue
                start = source.body.index(text, m.start())
                numbers = [
                    {"text": n.group(0), "start": start + n.start(), "end": start + n.end(),
                     "value": float(n.group(0).replace(",", ""))}
                    for n in _NUMBER.finditer(text)
                ]
                quoted = '"' in text or "“" in text
                if not numbers and not quoted:
                    continue
                quotes = []
                if quoted:
                    q = re.search(r"[\"“]([^\"”]+)[\"”]", text)
                    if q:
                        quotes.append({"text": q.group(1), "start": start + q.start(1), "end": start + q.end(1)})
                claim = Claim(source_id=source.id, start=start, end=start + len(text), text=text,
                              kind="quote" if quoted else "numeric", score=0.5 + 0.1 * min(len(numbers), 4),
                              reasons=["has a figure"] if numbers else ["direct quote"],
                              facets={"numbers": numbers, "quotes": quotes})
                session.add(claim)
                topic = _topic(text)
                if topic and numbers:
                    by_topic.setdefault(topic, []).append(claim)
        session.flush()
        for claims in by_topic.values():
            for i, a in enumerate(claims):
                for b in claims[i + 1:]:
                    if a.source_id == b.source_id:
                        continue
                    same = {n["value"] for n in a.facets["numbers"]} & {n["value"] for n in b.facets["numbers"]}
                    relation = "corroborates" if same else "conflicts"
                    session.add(Link(a_id=min(a.id, b.id), b_id=max(a.id, b.id), relation=relation,
                                     reasons=["same figure"] if same else ["different figures for one count"],
                                     score=0.8))
                    for c in (a, b):
                        c.checked_at = c.created_at
                    for c in (a, b):
                        if relation == "conflicts":
                            c.check_conflicts = (c.check_conflicts or 0) + 1
                        else:
                            c.check_corroborations = (c.check_corroborations or 0) + 1
                        c.check_sources = (c.check_sources or 1) + 1


@pytest.fixture(scope="session")
def prepared_workspace(tmp_path_factory) -> Path:
    from workbench.services.importing import import_paths
    from workbench.storage.workspace import open_workspace

    path = tmp_path_factory.mktemp("prepared") / "samples.fcw"
    with open_workspace(path, create=True) as ws:
        report = import_paths(ws, [SAMPLES])
        assert len(report.imported) >= 6
        build_claims(ws)
    return path


@pytest.fixture
def sample_ws_path(prepared_workspace, tmp_path) -> Path:
    target = tmp_path / "case.fcw"
    shutil.copy(prepared_workspace, target)
    return target


@pytest.fixture
def window(qtbot, sample_ws_path, tmp_path):
    from workbench.gui.app import application
    from workbench.gui.mainwindow import MainWindow
    from workbench.gui.settings import Settings

    application()
    win = MainWindow(Settings(tmp_path / "gui.ini"))
    qtbot.addWidget(win)
    win.resize(1400, 900)
    win.show()
    assert win.open_workspace(sample_ws_path)
    qtbot.waitUntil(lambda: not win.tasks.busy() and win.sources.model.rowCount() > 0, timeout=10_000)
    yield win
    win.close_workspace()
