"""Time and peak memory of importing each hostile file, each in a fresh process (figures for docs/reliability.md).

Run: .venv/bin/python benchmarks/bench_hostile.py [--extract]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.reliability.hostile import HOSTILE, write_hostile  # noqa: E402

CHILD = r"""
import json, resource, sys, time
from pathlib import Path
from workbench.storage.workspace import open_workspace
from workbench.services.importing import import_paths
from workbench.services import pipeline
ws = open_workspace(Path(sys.argv[1]), create=True)
t0 = time.perf_counter()
report = import_paths(ws, [Path(sys.argv[2])])
t1 = time.perf_counter()
if sys.argv[3] == "1" and report.source_ids:
    pipeline.after_import(ws, report.source_ids)
t2 = time.perf_counter()
ws.close()
print(json.dumps({"import_s": t1 - t0, "pipeline_s": t2 - t1,
                  "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                  "result": (report.failed[0]["error"] if report.failed else "imported")}))
"""


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--extract", action="store_true", help="also run extraction, index and check")
    parser.add_argument("--only", action="append")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        files = write_hostile(Path(tmp) / "files", args.only)
        for name, path in files.items():
            ws = Path(tmp) / f"{path.stem}.fcw"
            out = subprocess.run([sys.executable, "-c", CHILD, str(ws), str(path), "1" if args.extract else "0"],
                                 capture_output=True, text=True, timeout=1800)
            if out.returncode != 0:
                print(f"| {name} | CRASHED {out.returncode} | | | {out.stderr.strip().splitlines()[-1][:100]} |")
                continue
            r = json.loads(out.stdout.strip().splitlines()[-1])
            size = path.stat().st_size / 2**20
            print(f"| {name} | {size:.1f} MB | {r['import_s']:.2f} s | "
                  f"{r['pipeline_s']:.1f} s | {r['peak_mb']:.0f} MB | {r['result'][:90]} |", flush=True)


if __name__ == "__main__":
    main()
