"""Commands for full-text search: search, reindex."""

from __future__ import annotations

import sys

from workbench.cli.output import add_workspace_arg, open_ws, print_json, shorten
from workbench.search.query import QUERY_HELP
from workbench.search.defaults import DEFAULT_LIMIT
from workbench.tasks import TaskState


def register(sub) -> None:
    p = sub.add_parser("search", help="full-text search over sources and claims",
                       description="Search titles, article text and claims.\n\n" + QUERY_HELP,
                       formatter_class=_raw_formatter())
    add_workspace_arg(p)
    p.add_argument("query", nargs="+", metavar="QUERY", help="words, \"phrases\", field:value ... (see above)")
    p.add_argument("--limit", type=int, default=DEFAULT_LIMIT, metavar="N", help=f"at most N hits (default "
                   f"{DEFAULT_LIMIT})")
    p.add_argument("--json", action="store_true", help="print the hits as JSON")
    p.set_defaults(func=cmd_search)

    p = sub.add_parser("reindex", help="rebuild the search index from the workspace")
    add_workspace_arg(p)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_reindex)


def _raw_formatter():
    import argparse

    return argparse.RawDescriptionHelpFormatter


def cmd_search(args) -> int:
    from workbench.services.searching import run_search
    from workbench.cli import UsageError

    if args.limit < 1:
        raise UsageError("--limit must be at least 1")
    with open_ws(args) as ws:
        results = run_search(ws, " ".join(args.query), limit=args.limit)
    if results.notice:
        print(f"note: {results.notice}", file=sys.stderr)
    if args.json:
        print_json(results.hits)
        return 0
    for hit in results.hits:
        where = " · ".join(x for x in (hit.get("outlet"), hit.get("published")) if x)
        label = f"claim  #{hit['id']}" if hit["type"] == "claim" else f"source #{hit['id']}"
        print(f"{label:<13} {hit['score']:7.2f}  source #{hit['source_id']} {shorten(hit.get('title'), 50)}"
              + (f"  ({where})" if where else ""))
        print(f"    {hit['snippet']}")
    print(f"{len(results.hits)} hits")
    return 0


def cmd_reindex(args) -> int:
    from workbench.services.searching import reindex
    def show(done: int, total: int, message: str) -> None:
        if sys.stderr.isatty():
            print(f"\r{message} {done}/{total}   ", end="", file=sys.stderr, flush=True)

    with open_ws(args) as ws:
        report = reindex(ws, TaskState(on_progress=show))
    if sys.stderr.isatty():
        print(file=sys.stderr)
    if args.json:
        print_json(report.to_json())
    else:
        print(f"search index rebuilt: {report.written} documents in {report.seconds:.1f} s")
    return 0
