"""Commands for claims: extract, claims (list), and the manual edits add/span/split/merge/delete/restore."""

from __future__ import annotations

from workbench.cli.output import add_workspace_arg, open_ws, print_json, shorten
from workbench.domain.claims import ClaimKind


def register(sub) -> None:
    p = sub.add_parser("extract", help="(re-)extract claims; keeps hand-made edits and reviewed claims")
    add_workspace_arg(p)
    p.add_argument("--source", type=int, action="append", metavar="ID", help="only this source (repeatable)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_extract)

    p = sub.add_parser("claims", help="list the claims of a workspace or of one source")
    add_workspace_arg(p)
    p.add_argument("--source", type=int, metavar="ID", help="only the claims of this source")
    p.add_argument("--kind", choices=[k.value for k in ClaimKind], help="only claims of this kind")
    p.add_argument("--min-score", type=float, metavar="X", help="only claims scoring at least X (0..1)")
    p.add_argument("--deleted", action="store_true", help="include claims in the trash")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_claims)

    p = sub.add_parser("claim-add", help="add a claim from a span of a source's text")
    add_workspace_arg(p)
    p.add_argument("source", type=int, metavar="SOURCE")
    p.add_argument("start", type=int, metavar="START")
    p.add_argument("end", type=int, metavar="END")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_claim_add)

    p = sub.add_parser("claim-span", help="move a claim's span to START..END")
    add_workspace_arg(p)
    p.add_argument("id", type=int, metavar="ID")
    p.add_argument("start", type=int, metavar="START")
    p.add_argument("end", type=int, metavar="END")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_claim_span)

    p = sub.add_parser("claim-split", help="split a claim in two at an offset of the source text")
    add_workspace_arg(p)
    p.add_argument("id", type=int, metavar="ID")
    p.add_argument("at", type=int, metavar="OFFSET")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_claim_split)

    p = sub.add_parser("claim-merge", help="merge claims of one source into one")
    add_workspace_arg(p)
    p.add_argument("ids", type=int, nargs="+", metavar="ID")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_claim_merge)

    for name, helptext in (("claim-delete", "move a claim to the trash"),
                           ("claim-restore", "bring a claim back from the trash")):
        p = sub.add_parser(name, help=helptext)
        add_workspace_arg(p)
        p.add_argument("id", type=int, metavar="ID")
        p.add_argument("--json", action="store_true")
        p.set_defaults(func=cmd_claim_delete if name == "claim-delete" else cmd_claim_restore)


def cmd_extract(args) -> int:
    from workbench.services.extraction import extract_sources
    from workbench.services.sources import get_source

    with open_ws(args) as ws:
        if args.source:
            with ws.session() as session:
                for source_id in args.source:
                    get_source(session, source_id)      # a clear error for a wrong id
        written = extract_sources(ws, args.source)
        with ws.session() as session:
            from sqlalchemy import func, select

            from workbench.storage.models import Claim, Source
            query = select(func.count(Claim.id)).join(Source, Source.id == Claim.source_id).where(
                Claim.deleted_at.is_(None), Source.deleted_at.is_(None))
            if args.source:
                query = query.where(Claim.source_id.in_(args.source))
            live = session.scalar(query) or 0
    if args.json:
        print_json({"extracted": written, "claims": live})
    else:
        print(f"extracted {written} claims; {live} claims in {'those sources' if args.source else 'the workspace'}")
    return 0


def cmd_claims(args) -> int:
    from workbench.services.claims import list_claims

    with open_ws(args) as ws, ws.session() as session:
        rows = list_claims(session, args.source, include_deleted=args.deleted, kind=args.kind,
                           min_score=args.min_score)
    if args.json:
        print_json(rows)
        return 0
    for r in rows:
        flag = " (deleted)" if r["deleted"] else ""
        print(f"#{r['id']:<6} src {r['source_id']:<5} {r['kind']:<11} {r['score']:.2f}  "
              f"{shorten(r['text'], 90)}{flag}")
    print(f"{len(rows)} claims")
    return 0


def _show(args, claim_id: int, verb: str) -> int:
    from workbench.services.claims import claim_json, get_claim

    with open_ws(args) as ws, ws.session() as session:
        row = claim_json(get_claim(session, claim_id))
    if args.json:
        print_json(row)
    else:
        print(f"{verb} claim #{row['id']}: {shorten(row['text'], 100)}")
    return 0


def cmd_claim_add(args) -> int:
    from workbench.services.claims import add_claim

    with open_ws(args) as ws, ws.session() as session:
        claim_id = add_claim(session, args.source, args.start, args.end)
    return _show(args, claim_id, "added")


def cmd_claim_span(args) -> int:
    from workbench.services.claims import adjust_span

    with open_ws(args) as ws, ws.session() as session:
        adjust_span(session, args.id, args.start, args.end)
    return _show(args, args.id, "adjusted")


def cmd_claim_split(args) -> int:
    from workbench.services.claims import claim_json, get_claim, split_claim

    with open_ws(args) as ws:
        with ws.session() as session:
            parts = split_claim(session, args.id, args.at)
        with ws.session() as session:
            rows = [claim_json(get_claim(session, i)) for i in parts]
    if args.json:
        print_json(rows)
    else:
        for row in rows:
            print(f"new claim #{row['id']}: {shorten(row['text'], 100)}")
    return 0


def cmd_claim_merge(args) -> int:
    from workbench.services.claims import merge_claims

    with open_ws(args) as ws, ws.session() as session:
        merged = merge_claims(session, args.ids)
    return _show(args, merged, "merged into")


def cmd_claim_delete(args) -> int:
    from workbench.services.claims import delete_claim

    with open_ws(args) as ws, ws.session() as session:
        delete_claim(session, args.id)
    return _show(args, args.id, "deleted")


def cmd_claim_restore(args) -> int:
    from workbench.services.claims import restore_claim

    with open_ws(args) as ws, ws.session() as session:
        restore_claim(session, args.id)
    return _show(args, args.id, "restored")
