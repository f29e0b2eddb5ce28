"""Shared fixtures: real workspace files in a temporary folder, the logs kept out of the user's home."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(autouse=True)
def _isolated_dirs(tmp_path_factory, monkeypatch):
    base = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("WORKBENCH_LOG_DIR", str(base / "logs"))
    monkeypatch.setenv("XDG_DATA_HOME", str(base / "data"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(base / "cache"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(base / "config"))


@pytest.fixture
def ws_path(tmp_path) -> Path:
    return tmp_path / "case.fcw"


@pytest.fixture
def ws(ws_path):
    from workbench.storage.workspace import open_workspace

    workspace = open_workspace(ws_path, create=True)
    yield workspace
    workspace.close()


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path
