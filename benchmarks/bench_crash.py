"""Many SIGKILLs of real `workbench` processes (import, check, export, reindex) for docs/reliability.md.

Run: .venv/bin/python benchmarks/bench_crash.py [--kills 200] [--minutes 20] [--seed N]
Prints the kills per command, the problems found after each (none expected) and the recovery result.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.reliability.crashing import kill_cycles  # noqa: E402
from workbench.services.doctor import index_problem, run_doctor  # noqa: E402
from workbench.storage.workspace import open_workspace  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--kills", type=int, default=200)
    parser.add_argument("--minutes", type=float, default=20)
    parser.add_argument("--seed", type=int, default=int(time.time()))
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        ws_path = work / "crash.fcw"
        open_workspace(ws_path, create=True).close()
        run = kill_cycles(ws_path, work, budget_s=args.minutes * 60, max_kills=args.kills, seed=args.seed)
        print(json.dumps({"seed": args.seed, "kills": run.kills, "completed_runs": run.completed,
                          "kills_by_command": run.by_command, "sources_after": run.sources,
                          "problems": run.problems, "minutes": round(run.seconds / 60, 1)}), flush=True)
        t0 = time.perf_counter()
        report = run_doctor(ws_path, repair=True)
        repair_s = time.perf_counter() - t0
        with open_workspace(ws_path) as ws:
            index_ok = index_problem(ws) is None
        print(json.dumps({
            "doctor_findings": [f"{f.check}: {f.message}" for f in report.findings],
            "doctor_unresolved": len(report.unresolved), "repair_s": round(repair_s, 1), "index_in_step": index_ok,
        }, indent=1))


if __name__ == "__main__":
    main()
