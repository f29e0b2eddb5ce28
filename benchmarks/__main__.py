"""`python -m benchmarks [--articles N] [--json OUT] [--scaling]`: every stage on a fresh workspace, one report."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from benchmarks.generator import DEFAULT_SEED
from benchmarks.report import format_report, to_json
from benchmarks.runner import STAGE_NAMES, StaleWorkspace, run_benchmark, run_scaling


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks",
        description="Generate a news corpus with planted truth, run import, extraction, indexing, search (beside "
                    "SQLite FTS5), cross-check, GUI and export on a fresh workspace, and report against the targets.")
    parser.add_argument("--articles", type=int, default=1000, help="corpus size (default 1000)")
    parser.add_argument("--json", type=Path, metavar="OUT", help="also write every figure as JSON to OUT")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED, help="generator seed")
    parser.add_argument("--scaling", action="store_true",
                        help="run at each of --sizes and fit the cost exponent of each stage")
    parser.add_argument("--sizes", default="1000,2000,4000,8000", help="sizes for --scaling (comma-separated)")
    parser.add_argument("--skip", default="", help=f"stages to skip, comma-separated: {','.join(STAGE_NAMES)}")
    parser.add_argument("--quick", action="store_true", help="smaller samples and one repetition (smoke runs)")
    parser.add_argument("--workdir", type=Path, help="run in this folder and keep it (default: a temp folder)")
    parser.add_argument("--stage-timeout", type=float, default=1800,
                        help="seconds after which a stage is stopped and reported as over time (default 1800)")
    parser.add_argument("--reuse", action="store_true",
                        help="continue on the workspace an earlier run left in --workdir (skips import to indexing)")
    parser.add_argument("--profile", choices=STAGE_NAMES, help="profile one stage with cProfile")
    parser.add_argument("--profile-out", type=Path, help="where to write the profile (default profile-STAGE.txt)")
    args = parser.parse_args(argv)
    if args.articles < 2:
        parser.error("--articles must be at least 2")
    try:
        args.size_list = [int(s) for s in args.sizes.split(",") if s.strip()]
    except ValueError:
        parser.error("--sizes takes whole numbers separated by commas, e.g. 1000,2000,4000")
    if args.reuse and not (args.workdir and (args.workdir / "bench.fcw").exists()):
        parser.error("--reuse needs --workdir pointing at an earlier run's folder")
    args.skip_list = tuple(s.strip() for s in args.skip.split(",") if s.strip())
    unknown = [s for s in args.skip_list if s not in STAGE_NAMES]
    if unknown:
        parser.error(f"unknown stage {unknown[0]!r}; stages are {', '.join(STAGE_NAMES)}")
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)

    def progress(message: str) -> None:
        print(f"... {message}", file=sys.stderr, flush=True)

    scaling = None
    if args.scaling:
        scaling = run_scaling(args.size_list, seed=args.seed, quick=args.quick, stage_timeout=args.stage_timeout,
                              progress=progress, skip=args.skip_list)
        run = scaling["runs"][-1]
    else:
        try:
            run = run_benchmark(args.articles, seed=args.seed, workdir=args.workdir, skip=args.skip_list,
                                quick=args.quick, keep=args.workdir is not None, profile=args.profile,
                                profile_out=args.profile_out or (Path(f"profile-{args.profile}.txt")
                                                                 if args.profile else None),
                                stage_timeout=args.stage_timeout, reuse=args.reuse,
                                partial=args.json.with_suffix(".partial.json") if args.json else None,
                                progress=progress)
        except StaleWorkspace as exc:
            print(f"python -m benchmarks: error: {exc}", file=sys.stderr)
            return 2
    print(format_report(run, scaling))
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(to_json(run, scaling), indent=2, default=str), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
