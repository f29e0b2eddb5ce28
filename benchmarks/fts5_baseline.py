"""The baseline: SQLite FTS5 (porter stemming, bm25, snippets) over the same sources and claims as the index."""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

from sqlalchemy import select

_SCHEMA = ("CREATE VIRTUAL TABLE docs USING fts5(kind UNINDEXED, ref UNINDEXED, source_id UNINDEXED, "
           "title, body, outlet, tokenize='porter unicode61')")
# Column weights in the same proportions as the workbench's default fields (title 2, claim text 1.5, body 1).
_RANK = "bm25(docs, 0, 0, 0, 2.0, 1.0, 1.0)"


class Fts5Baseline:
    """An FTS5 table on disk holding one row per source and per claim."""

    def __init__(self, path: Path):
        path = Path(path)
        if path.exists():
            path.unlink()
        self.conn = sqlite3.connect(path)
        self.conn.execute(_SCHEMA)

    def load_workspace(self, ws) -> tuple[int, float]:
        """Copy every live source and claim of the workspace into the table; (documents, seconds)."""
        from workbench.storage.models import Claim, Source

        started = time.perf_counter()
        with ws.session() as session:
            sources = session.execute(select(Source.id, Source.title, Source.body, Source.outlet)
                                      .where(Source.deleted_at.is_(None))).all()
            claims = session.execute(select(Claim.id, Claim.source_id, Claim.text, Source.outlet)
                                     .join(Source, Source.id == Claim.source_id)
                                     .where(Claim.deleted_at.is_(None), Source.deleted_at.is_(None))).all()
        rows = [("source", sid, sid, title, body, outlet or "") for sid, title, body, outlet in sources]
        rows += [("claim", cid, sid, "", text, outlet or "") for cid, sid, text, outlet in claims]
        with self.conn:
            self.conn.executemany("INSERT INTO docs VALUES (?, ?, ?, ?, ?, ?)", rows)
        return len(rows), time.perf_counter() - started

    def search(self, query: str, limit: int = 10) -> list[tuple]:
        """Best ``limit`` hits with a highlighted snippet, like the workbench's search results."""
        return self.conn.execute(
            f"SELECT kind, ref, source_id, {_RANK} AS score, snippet(docs, 4, '[', ']', '…', 24) "
            f"FROM docs WHERE docs MATCH ? ORDER BY score LIMIT ?", (query, limit)).fetchall()

    def close(self) -> None:
        self.conn.close()
