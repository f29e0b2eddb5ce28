"""Building small real workspaces for the reliability tests: sources with originals and claims at true offsets."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from workbench.ingest.normalize import body_hash
from workbench.storage.models import Claim, Link, Source, SourceFile, utcnow

ROOT = Path(__file__).resolve().parents[2]

BODY_A = ("Flooding closed the river road on Monday. The council said 1,200 homes lost power. "
          "Crews expect to reopen the bridge by Friday.")
BODY_B = ("The river road was closed on Monday after floods. About 1,500 homes lost power, the utility said. "
          "The bridge may stay shut until next week.")


def add_source(session, title: str, body: str, sentences: list[str] = ()) -> tuple[int, list[int]]:
    """A source with its original bytes and one claim per given sentence (offsets found in the body)."""
    source = Source(title=title, body=body, body_hash=body_hash(body), path=f"/tmp/{title}.txt", format="txt",
                    extracted_at=utcnow())
    source.original = SourceFile(filename=f"{title}.txt", media_type="text/plain", data=body.encode())
    session.add(source)
    session.flush()
    claim_ids = []
    for sentence in sentences:
        start = body.index(sentence)
        claim = Claim(source_id=source.id, start=start, end=start + len(sentence), text=sentence)
        session.add(claim)
        session.flush()
        claim_ids.append(claim.id)
    return source.id, claim_ids


def two_linked_sources(ws) -> dict:
    """Two sources, two claims each, one link between their power-cut claims."""
    with ws.session() as s:
        a, (a1, a2) = add_source(s, "alpha", BODY_A, ["The council said 1,200 homes lost power.",
                                                     "Flooding closed the river road on Monday."])
        b, (b1, b2) = add_source(s, "beta", BODY_B, ["About 1,500 homes lost power, the utility said.",
                                                    "The river road was closed on Monday after floods."])
        link = Link(a_id=a1, b_id=b1, relation="conflicts")
        s.add(link)
        s.flush()
        return {"a": a, "b": b, "a_claims": [a1, a2], "b_claims": [b1, b2], "link": link.id}


def run_cli(*args: str, env_extra: dict | None = None, timeout: float = 120, cwd: Path | None = None):
    """`python -m workbench ARGS` in a real subprocess (inheriting the test's isolated log and data dirs)."""
    env = dict(os.environ)
    env.update(env_extra or {})
    return subprocess.run([sys.executable, "-m", "workbench", *map(str, args)], capture_output=True, text=True,
                          env=env, timeout=timeout, cwd=cwd)
