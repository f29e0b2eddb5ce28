"""Commands that keep work safe: backup, doctor, trash, delete."""

from __future__ import annotations

import sys
from pathlib import Path

from workbench.cli.output import add_workspace_arg, open_ws, print_json, shorten


def register(sub) -> None:
    p = sub.add_parser("backup", help="save a consistent copy of a workspace (safe while it is open)")
    add_workspace_arg(p)
    p.add_argument("out", type=Path, metavar="OUT", help="the new file (or a folder to put it in)")
    p.add_argument("--overwrite", action="store_true", help="replace OUT if it exists")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_backup)

    p = sub.add_parser("doctor", help="check a workspace for damage; --repair fixes what it can")
    add_workspace_arg(p)
    p.add_argument("--repair", action="store_true", help="fix what can be fixed without losing work")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_doctor)

    p = sub.add_parser("trash", help="list the trash, restore from it or empty it")
    add_workspace_arg(p)
    group = p.add_mutually_exclusive_group()
    group.add_argument("--restore", type=int, metavar="ID", help="bring back source ID and its claims")
    group.add_argument("--restore-claim", type=int, metavar="ID", help="bring back claim ID")
    group.add_argument("--empty", action="store_true", help="delete what is in the trash for good")
    p.add_argument("--older-than", type=float, metavar="DAYS", help="with --empty: only items deleted before")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_trash)

    p = sub.add_parser("delete", help="move a source (with its claims) or a claim to the trash")
    add_workspace_arg(p)
    p.add_argument("id", type=int, metavar="SOURCE_ID")
    p.add_argument("--claim", action="store_true", help="ID is a claim id, not a source id")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_delete)


def cmd_backup(args) -> int:
    from workbench.services.backup import backup_workspace
    result = backup_workspace(args.workspace, args.out, overwrite=args.overwrite)
    if args.json:
        print_json(result)
    else:
        print(f"saved a copy of {args.workspace} to {result['target']} ({result['bytes'] / 1e6:.1f} MB)")
    return 0


def cmd_doctor(args) -> int:
    from workbench.services.doctor import run_doctor
    report = run_doctor(args.workspace, repair=args.repair)
    if args.json:
        print_json(report.to_json())
    else:
        checked = ", ".join(f"{k} {v}" if v != 1 else k for k, v in report.checked.items())
        print(f"checked {args.workspace}: {checked}")
        for f in report.findings:
            if f.repaired:
                mark = "fixed"
            elif f.severity == "note":
                mark = "note"
            else:
                mark = "fixable" if f.repairable and not args.repair else "PROBLEM"
            ids = f" (ids {', '.join(map(str, f.ids[:10]))}{'...' if len(f.ids) > 10 else ''})" if f.ids else ""
            print(f"{mark:<8} {f.check}: {f.message}{ids}")
            if f.action:
                print(f"         {f.action}")
        if not report.findings:
            print("no problems found")
        elif report.unresolved:
            hint = "" if args.repair or not any(f.repairable for f in report.unresolved) else \
                "; run again with --repair to fix what can be fixed"
            print(f"{len(report.unresolved)} problems left{hint}", file=sys.stderr)
        elif any(f.repaired for f in report.findings):
            print("all problems fixed")
        else:
            print("no damage found")
    return 1 if report.unresolved else 0


def cmd_trash(args) -> int:
    from workbench.services import trash
    from workbench.cli import UsageError

    if args.older_than is not None and not args.empty:
        raise UsageError("--older-than goes with --empty")
    with open_ws(args) as ws:
        with ws.session() as session:
            if args.restore is not None:
                result = trash.restore_source(session, args.restore)
                message = f"restored source #{result['id']} with {result['claims']} claims: {result['title']}"
            elif args.restore_claim is not None:
                result = trash.restore_claim(session, args.restore_claim)
                message = f"restored claim #{result['id']}: {shorten(result['text'], 70)}"
            elif args.empty:
                result = trash.empty_trash(session, older_than_days=args.older_than)
                message = f"deleted for good {result['sources']} sources and {result['claims']} claims"
            else:
                rows = trash.list_trash(session)
                if args.json:
                    print_json(rows)
                    return 0
                for r in rows:
                    extra = f"{r['claims']} claims" if r["kind"] == "source" else f"of source #{r['source_id']}"
                    print(f"{r['kind']:<6} #{r['id']:<5} {r['deleted_at']}  {shorten(r['title'], 60)}  ({extra})")
                print(f"{len(rows)} items in the trash" + ("; restore with --restore ID" if rows else ""))
                return 0
        sync_search_index(ws)
    if args.json:
        print_json(result)
    else:
        print(message)
    return 0


def cmd_delete(args) -> int:
    from workbench.services import trash
    with open_ws(args) as ws:
        with ws.session() as session:
            if args.claim:
                result = trash.delete_claim(session, args.id)
                message = f"moved claim #{args.id} to the trash; undo with `workbench trash WS --restore-claim {args.id}`"
            else:
                result = trash.delete_source(session, args.id)
                message = (f"moved source #{args.id} ({result['claims']} claims) to the trash; "
                           f"undo with `workbench trash WS --restore {args.id}`")
        sync_search_index(ws)
    if args.json:
        print_json(result)
    else:
        print(message)
    return 0


def sync_search_index(ws) -> None:
    """Bring the derived search index in step after a trash change (it is rebuilt on demand otherwise)."""
    from workbench.services.doctor import sync_index

    sync_index(ws)
