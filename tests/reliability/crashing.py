"""Killing real `python -m workbench` processes at random points and checking what they leave behind.

Shared by the crash test (a few dozen kills) and `benchmarks/bench_crash.py` (hundreds, for the figures).
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from docx import Document as DocxDocument

PLACES = ["Northport", "Easton", "Riverside", "Hillcrest", "Lakeview", "Mill Creek", "Ashford", "Brookfield"]
AGENCIES = ["the fire service", "the county council", "the water board", "state police", "the port authority"]


def write_articles(folder: Path, rng: random.Random, count: int, tag: str) -> list[Path]:
    """Distinct small news articles about one story, with numbers, dates and attributions that differ."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(count):
        place = rng.choice(PLACES)
        agency = rng.choice(AGENCIES)
        n = rng.randint(20, 5000)
        day = rng.choice(["Monday", "Tuesday", "Wednesday", "Thursday"])
        lines = [f"# Storm damage in {place}, report {tag}-{i}", "",
                 f"Flooding forced {n} residents of {place} from their homes on {day}, {agency} said.",
                 f"Officials said {rng.randint(2, 90)} roads were closed and {rng.randint(1, 40)} schools shut.",
                 f"\"We have never seen water this high,\" said a spokesperson for {agency}.",
                 f"Damage was estimated at ${rng.randint(1, 900)} million by {day} evening."]
        lines += [f"Crews from {rng.choice(PLACES)} worked through the night on section {k} of the levee, "
                  f"which {rng.choice(AGENCIES)} said held {rng.randint(1, 99)} percent of its load."
                  for k in range(rng.randint(5, 25))]
        path = folder / f"{tag}-{i:03d}.md"
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        paths.append(path)
    return paths


@dataclass
class CrashRun:
    kills: int = 0
    completed: int = 0
    by_command: dict[str, int] = field(default_factory=dict)
    sources: int = 0
    seconds: float = 0.0
    problems: list[str] = field(default_factory=list)


def cli(*args) -> list[str]:
    return [sys.executable, "-m", "workbench", *map(str, args)]


def check_workspace(ws_path: Path, committed: dict[int, str], run: CrashRun) -> dict[int, str]:
    """Integrity ok; every committed source still there unchanged; no source without its body or original file."""
    con = sqlite3.connect(ws_path, timeout=30)
    try:
        result = con.execute("PRAGMA integrity_check").fetchone()[0]
        if result != "ok":
            run.problems.append(f"integrity: {result}")
        rows = con.execute(
            "SELECT s.id, s.body_hash, length(s.body), f.source_id IS NOT NULL, length(f.data) "
            "FROM sources s LEFT JOIN source_files f ON f.source_id = s.id"
        ).fetchall()
        orphans = con.execute("PRAGMA foreign_key_check").fetchall()
    finally:
        con.close()
    if orphans:
        run.problems.append(f"{len(orphans)} rows point nowhere")
    now = {}
    for sid, digest, body_len, has_file, file_len in rows:
        if not body_len or not has_file or not file_len:
            run.problems.append(f"half-imported source #{sid}: body {body_len}, original {file_len}")
        now[sid] = digest
    for sid, digest in committed.items():
        if now.get(sid) != digest:
            run.problems.append(f"committed source #{sid} lost or changed")
    return now


def kill_cycles(ws_path: Path, work: Path, *, budget_s: float, max_kills: int, seed: int,
                articles_per_cycle: int = 6) -> CrashRun:
    """Start import / check / export / reindex, SIGKILL each at a random moment of its expected run time."""
    rng = random.Random(seed)
    run = CrashRun()
    started = time.monotonic()
    committed: dict[int, str] = {}
    typical = {"import": 6.0, "check": 4.0, "export": 4.0, "reindex": 4.0}   # refined by completed runs
    cycle = 0
    while run.kills < max_kills and time.monotonic() - started < budget_s:
        cycle += 1
        command = rng.choices(["import", "check", "export", "reindex"], weights=[5, 2, 2, 1])[0]
        if command == "import":
            folder = work / f"batch{cycle:04d}"
            write_articles(folder, rng, articles_per_cycle, f"c{cycle}")
            argv = cli("import", ws_path, folder)
        elif command == "check":
            argv = cli("check", ws_path)
        elif command == "export":
            target = work / "brief.docx"
            argv = cli("export", ws_path, "--format", "docx", "--all", "-o", target)
        else:
            argv = cli("reindex", ws_path)
        t0 = time.monotonic()
        proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                                start_new_session=True)
        # Now and then a run is left to finish, to learn how long each command really takes on this machine;
        # the others are killed at a random moment of that time.
        calibrate = run.kills >= 3 and rng.random() < 0.12
        delay = 600.0 if calibrate else rng.uniform(0.3, 1.1) * typical[command]
        try:
            _, err = proc.communicate(timeout=delay)
            typical[command] = 0.3 * typical[command] + 0.7 * (time.monotonic() - t0)
            run.completed += 1
            if proc.returncode not in (0, 1):
                run.problems.append(f"{command} exited {proc.returncode}: {err.decode()[-300:]}")
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.communicate()
            run.kills += 1
            run.by_command[command] = run.by_command.get(command, 0) + 1
        committed = check_workspace(ws_path, committed, run)
        if command == "export" and (work / "brief.docx").exists():
            try:
                DocxDocument(str(work / "brief.docx"))
            except Exception as exc:  # noqa: BLE001 - any failure to read back is the finding
                run.problems.append(f"half-written brief: {type(exc).__name__}: {exc}")
    run.sources = len(committed)
    run.seconds = time.monotonic() - started
    return run
