"""The state one benchmark run carries from stage to stage: corpus, folders, workspace and results."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from benchmarks.generator import Corpus


@dataclass
class BenchRun:
    n_articles: int
    seed: int
    workdir: Path
    corpus: Corpus
    articles_dir: Path
    held_out_path: Path | None
    quick: bool = False                      # a smoke run: smaller samples, fewer repetitions
    ws: Any = None                           # the open Workspace once the import stage ran
    source_ids: dict[str, int] = field(default_factory=dict)   # article key -> source id
    results: dict[str, dict] = field(default_factory=dict)

    @property
    def ws_path(self) -> Path:
        return self.workdir / "bench.fcw"

    @staticmethod
    def key_of(path: str | Path) -> str:
        return Path(path).name.split("-", 1)[0]

    def close(self) -> None:
        if self.ws is not None:
            self.ws.close()
            self.ws = None
