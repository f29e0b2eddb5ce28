"""GUI stage (offscreen): not wired yet."""

from __future__ import annotations

from benchmarks.context import BenchRun
from benchmarks.measure import NotBuilt


def run(ctx: BenchRun) -> dict:
    raise NotBuilt("the GUI benchmark is not wired yet")
