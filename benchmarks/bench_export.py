"""Export speed: a Word brief of N verified claims, each with evidence, read from a real workspace and written.

`run(n_claims) -> seconds` is what `python -m benchmarks` calls (target: 200 claims <= 3 s). Run this file alone
for every format: `python -m benchmarks.bench_export [N]`.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

from workbench.export.formats import FORMATS, SUFFIXES, export_workspace
from workbench.storage.models import Claim, Link, Source, Verdict
from workbench.storage.workspace import open_workspace

OUTLETS = ("Northern Wire Service", "Vesna Courier", "The Coastal Ledger", "Harbor Times", "RBN News",
           "Baltic Business Review", "Northshore Online", "港湾日報", "ميناء اليوم", "Le Quai")
RATINGS = ("True", "Mostly true", "Mixed", "Mostly false", "False", "Misleading", "Unproven")
REPEATS = 3


def build_workspace(path: Path, n_claims: int) -> None:
    """N rated claims over N/2 sources, plus 3 corroborating and 1 conflicting claim each from other sources."""
    ws = open_workspace(path, create=True)
    try:
        with ws.session() as s:
            n_sources = max(n_claims // 2, 4)
            sources = [
                Source(title=f"Port report {i}: piers stay shut as the inquiry widens", outlet=OUTLETS[i % len(OUTLETS)],
                       url=f"https://news{i % 37}.example/2025/03/{1 + i % 28:02d}/report-{i}",
                       published=date(2025, 3, 1 + i % 28), published_time=f"{i % 24:02d}:{i % 60:02d}",
                       author=f"Reporter {i % 13}", body="x", body_hash=f"bench-{i}")
                for i in range(n_sources)
            ]
            s.add_all(sources)
            s.flush()
            rated, evidence = [], []
            for i in range(n_claims):
                text = (f"More than {1200 + i * 7:,} residents were evacuated from the harbour district on Tuesday, "
                        f"the city's emergency office said in statement number {i}.")
                rated.append(Claim(source_id=sources[i % n_sources].id, start=0, end=len(text), text=text,
                                   kind="numeric", check_sources=5, check_origins=1 + i % 3,
                                   check_origin_names=["Northern Wire Service", "city emergency office"][: 1 + i % 2]))
                for k in range(4):
                    other = f"About {1200 + i * 7 + k * 50:,} people left their homes, officials said (copy {k})."
                    evidence.append(Claim(source_id=sources[(i + k + 1) % n_sources].id, start=0, end=len(other),
                                          text=other, kind="numeric"))
            s.add_all(rated + evidence)
            s.flush()
            s.add_all(Verdict(claim_id=c.id, status="verified", rating=RATINGS[i % len(RATINGS)],
                              rationale="The emergency office's later statement gives a higher figure; both were "
                                        "right when published.", reviewer="Bench Desk")
                      for i, c in enumerate(rated))
            for i, claim in enumerate(rated):
                for k in range(4):
                    other = evidence[i * 4 + k]
                    a, b = sorted((claim.id, other.id))
                    s.add(Link(a_id=a, b_id=b, relation="conflicts" if k == 3 else "corroborates",
                               reasons=["evacuation figures compared"], same_origin=k == 1, score=0.8))
    finally:
        ws.close()


def time_export(path: Path, fmt: str, out_dir: Path) -> float:
    with open_workspace(path) as ws:
        start = time.perf_counter()
        export_workspace(ws, fmt, out_dir / f"brief{SUFFIXES[fmt]}", title="Benchmark brief", author="Bench Desk")
        return time.perf_counter() - start


def run(n_claims: int = 200, fmt: str = "docx") -> float:
    """Median seconds (of 3) to read and write a brief of ``n_claims`` claims in ``fmt``; setup is not timed."""
    with tempfile.TemporaryDirectory(prefix="bench-export-") as tmp:
        folder = Path(tmp)
        build_workspace(folder / "bench.fcw", n_claims)
        return statistics.median(time_export(folder / "bench.fcw", fmt, folder) for _ in range(REPEATS))


def main(argv: list[str]) -> int:
    n = int(argv[0]) if argv else 200
    with tempfile.TemporaryDirectory(prefix="bench-export-") as tmp:
        folder = Path(tmp)
        build_workspace(folder / "bench.fcw", n)
        for fmt in FORMATS:
            seconds = statistics.median(time_export(folder / "bench.fcw", fmt, folder) for _ in range(REPEATS))
            print(f"{fmt:<12} {n} claims  {seconds:6.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
