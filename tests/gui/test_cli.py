"""`workbench gui WS --screenshot PNG` renders the loaded window to a PNG and exits, offscreen."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

pytestmark = [pytest.mark.gui]


def test_screenshot_of_a_workspace(sample_ws_path, tmp_path):
    target = tmp_path / "shot.png"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-m", "workbench", "gui", str(sample_ws_path), "--screenshot",
                           str(target)], env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-500:]
    assert target.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    from workbench.gui.qt import QtGui

    image = QtGui.QImage(str(target))
    assert image.width() >= 1200 and image.height() >= 700


def test_missing_workspace_is_a_one_line_error(tmp_path):
    done = subprocess.run([sys.executable, "-m", "workbench", "gui", str(tmp_path / "nope.fcw"), "--screenshot",
                           str(tmp_path / "x.png")], env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 1
    assert done.stderr.strip().splitlines()[-1].startswith("error: no workspace at")
