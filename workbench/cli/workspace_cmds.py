"""Commands for the workspace itself: init, import, sources, source."""

from __future__ import annotations

import sys
from pathlib import Path

from workbench.cli.output import add_workspace_arg, open_ws, print_json, shorten


def register(sub) -> None:
    from workbench.ingest.limits import DEFAULT_MAX_BYTES
    p = sub.add_parser("init", help="create a new, empty workspace")
    add_workspace_arg(p)
    p.set_defaults(func=cmd_init)

    p = sub.add_parser("import", help="import files or folders (recursively) into a workspace")
    add_workspace_arg(p)
    p.add_argument("paths", nargs="*", type=Path, metavar="PATH", help=".txt .md .html .docx .pdf files or folders")
    p.add_argument("--url", action="append", default=[], metavar="URL", help="fetch and import a web article")
    p.add_argument("--max-mb", type=float, default=DEFAULT_MAX_BYTES / 1024 / 1024,
                   help="refuse files (and fetched pages) larger than this many MB (default 25)")
    p.add_argument("--timeout", type=float, default=20.0, metavar="SECONDS",
                   help="how long to wait for a --url download (default 20)")
    p.add_argument("--no-extract", action="store_true", help="store the sources only; extract claims later")
    p.add_argument("--json", action="store_true", help="print the report as JSON")
    p.set_defaults(func=cmd_import)

    p = sub.add_parser("sources", help="list the sources of a workspace")
    add_workspace_arg(p)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_sources)

    p = sub.add_parser("source", help="show one source with its text")
    add_workspace_arg(p)
    p.add_argument("id", type=int, metavar="ID")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_source)


def cmd_init(args) -> int:
    from workbench.storage.workspace import open_workspace
    if args.workspace.exists() and args.workspace.stat().st_size > 0:
        from workbench.domain.errors import WorkspaceError

        raise WorkspaceError(f"{args.workspace} already exists; open it instead, or pick another name")
    with open_workspace(args.workspace, create=True):
        pass
    print(f"created workspace {args.workspace}")
    return 0


def cmd_import(args) -> int:
    from workbench.services import pipeline
    from workbench.services.importing import import_paths, import_url
    from workbench.cli import UsageError

    if not args.paths and not args.url:
        raise UsageError("name at least one file, folder or --url")
    if not args.max_mb > 0:
        raise UsageError("--max-mb must be a positive number of megabytes")
    max_bytes = int(args.max_mb * 1024 * 1024)
    with open_ws(args) as ws:
        report = import_paths(ws, args.paths, max_bytes=max_bytes)
        for url in args.url:
            report.merge(import_url(ws, url, timeout=args.timeout, max_bytes=max_bytes))
        if not args.no_extract:
            pipeline.after_import(ws, report.source_ids)
    if args.json:
        print_json(report.to_json())
    else:
        for item in report.imported:
            print(f"imported  #{item['source_id']}  {item['path']}  ({shorten(item['title'], 60)})")
        for item in report.duplicates:
            print(f"duplicate {item['path']} (already source #{item['source_id']})")
        for item in report.warnings:
            print(f"warning   {item['path']}: {item['warning']}", file=sys.stderr)
        for item in report.failed:
            print(f"failed    {item['path']}: {item['error']}", file=sys.stderr)
        print(f"{len(report.imported)} imported, {len(report.duplicates)} duplicates, {len(report.failed)} failed")
    return 1 if report.failed else 0


def cmd_sources(args) -> int:
    from workbench.services.sources import list_sources
    with open_ws(args) as ws, ws.session() as session:
        rows = list_sources(session)
    if args.json:
        print_json(rows)
        return 0
    for r in rows:
        print(f"#{r['id']:<5} {r['published'] or '----------'}  {shorten(r['outlet'], 18):<18} "
              f"{r['claims']:>4} claims  {shorten(r['title'], 70)}")
    print(f"{len(rows)} sources")
    return 0


def cmd_source(args) -> int:
    from workbench.services.sources import source_detail
    with open_ws(args) as ws, ws.session() as session:
        row = source_detail(session, args.id)
    if args.json:
        print_json(row)
        return 0
    print(row["title"])
    print(" · ".join(x for x in (row["outlet"], row["author"], row["published"], row["url"]) if x))
    print()
    print(row["body"])
    return 0
