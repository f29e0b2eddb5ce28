"""Commands for verdicts and briefs: verdict, history, rating-scale, briefs, export."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from workbench.cli.output import add_workspace_arg, open_ws, print_json, shorten
from workbench.domain.errors import WorkbenchError
from workbench.domain.ratings import PRESETS
from workbench.export import FORMATS


def register(sub) -> None:
    p = sub.add_parser("verdict", help="rate a claim and set its review status")
    add_workspace_arg(p)
    p.add_argument("claim_id", type=int, metavar="CLAIM_ID")
    p.add_argument("rating", metavar="RATING",
                   help='a word of the workspace\'s rating scale, e.g. "Mostly true"; "-" keeps the current one')
    p.add_argument("--status", metavar="S", help="unreviewed | in review | verified | published | rejected")
    p.add_argument("--note", metavar="TEXT", help="the rationale: why the claim gets this rating")
    p.add_argument("--reviewer", metavar="NAME")
    p.add_argument("--evidence-url", action="append", default=None, metavar="URL",
                   help="a web page that supports the verdict (repeatable; replaces the evidence list)")
    p.add_argument("--evidence-claim", action="append", type=int, default=None, metavar="ID",
                   help="another claim that supports the verdict (repeatable)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_verdict)

    p = sub.add_parser("history", help="every verdict change of a claim")
    add_workspace_arg(p)
    p.add_argument("claim_id", type=int, metavar="CLAIM_ID")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_history)

    p = sub.add_parser("rating-scale", help="show the workspace's rating scale, or choose a preset or a JSON file")
    add_workspace_arg(p)
    p.add_argument("scale", nargs="?", metavar="PRESET|FILE.json",
                   help=f"one of {', '.join(PRESETS)}, or a JSON file {{\"label\", \"ratings\": [...]}}")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_rating_scale)

    p = sub.add_parser("briefs", help="list the briefs saved in the workspace (for export --brief ID)")
    add_workspace_arg(p)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_briefs)

    p = sub.add_parser("export", help="write a brief: Word, ClaimReview JSON-LD, Markdown or CSV")
    add_workspace_arg(p)
    p.add_argument("--format", required=True, choices=FORMATS)
    p.add_argument("-o", "--output", required=True, type=Path, metavar="PATH")
    which = p.add_mutually_exclusive_group()
    which.add_argument("--all", action="store_true", help="every reviewed claim (default: verified and published)")
    which.add_argument("--claims", metavar="ID,ID,...", help="exactly these claims, in this order")
    which.add_argument("--brief", type=int, metavar="ID", help="a brief saved in the workspace")
    p.add_argument("--title", metavar="T")
    p.add_argument("--summary", metavar="TEXT")
    p.add_argument("--author", metavar="NAME")
    p.add_argument("--template", type=Path, metavar="DOCX", help="a Word template with the brief's styles")
    p.add_argument("--url", metavar="URL", help="ClaimReview: the page where the brief is published")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_export)


def _evidence(args) -> list[dict] | None:
    if args.evidence_url is None and args.evidence_claim is None:
        return None
    items = [{"kind": "url", "ref": url, "note": ""} for url in args.evidence_url or []]
    items += [{"kind": "claim", "ref": str(cid), "note": ""} for cid in args.evidence_claim or []]
    return items


def cmd_verdict(args) -> int:
    from workbench.services.verdicts import set_verdict
    with open_ws(args) as ws, ws.session() as session:
        rating = None if args.rating == "-" else args.rating
        row = set_verdict(session, args.claim_id, rating=rating, status=args.status, rationale=args.note,
                          reviewer=args.reviewer, evidence=_evidence(args))
    if args.json:
        print_json(row)
    else:
        print(f"claim #{row['claim_id']}: {row['rating'] or 'not rated'} ({row['status']})"
              f"{' by ' + row['reviewer'] if row['reviewer'] else ''}")
    return 0


def cmd_history(args) -> int:
    from workbench.services.verdicts import history
    with open_ws(args) as ws, ws.session() as session:
        events = history(session, args.claim_id)
    if args.json:
        print_json(events)
        return 0
    for e in events:
        who = f" [{e['reviewer']}]" if e["reviewer"] else ""
        print(f"{e['at']}  {e['action']:<8} {shorten(e['note'] or '', 90)}{who}")
    print(f"{len(events)} events")
    return 0


def cmd_rating_scale(args) -> int:
    from workbench.services.verdicts import get_rating_scale, set_rating_scale
    from workbench.cli import UsageError

    with open_ws(args) as ws, ws.session() as session:
        if args.scale:
            spec: object = args.scale
            if args.scale.lower().endswith(".json") or Path(args.scale).is_file():
                try:
                    spec = json.loads(Path(args.scale).read_text(encoding="utf-8"))
                except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
                    raise UsageError(f"cannot read the rating scale {args.scale}: {exc}") from exc
            set_rating_scale(session, spec)
        scale = get_rating_scale(session)
    if args.json:
        print_json(scale.to_json())
        return 0
    print(f"{scale.label} scale (ClaimReview numbers: best {scale.best}, worst {scale.worst})")
    for r in scale.ratings:
        number = str(r.value) if r.value is not None else "-"
        print(f"  {r.name:<18} {number:>2}  {r.description}")
    return 0


def cmd_briefs(args) -> int:
    from workbench.services.briefs import list_briefs
    with open_ws(args) as ws, ws.session() as session:
        rows = list_briefs(session)
    if args.json:
        print_json(rows)
        return 0
    for r in rows:
        print(f"#{r['id']:<4} {len(r['claim_ids']):>4} claims  {shorten(r['title'], 60)}"
              f"{'  by ' + r['author'] if r['author'] else ''}")
    print(f"{len(rows)} briefs")
    return 0


def _claim_ids(text: str | None) -> list[int] | None:
    if text is None:
        return None
    try:
        ids = [int(part) for part in text.replace(" ", "").split(",") if part]
    except ValueError:
        raise WorkbenchError(f"--claims takes claim ids separated by commas, e.g. 12,15,31; got {text!r}") from None
    if not ids:
        raise WorkbenchError("--claims needs at least one claim id")
    return ids


def cmd_export(args) -> int:
    from workbench.export.formats import export_workspace
    ids = _claim_ids(args.claims)
    with open_ws(args) as ws:
        path, brief = export_workspace(
            ws, args.format, args.output, claim_ids=ids, include_all=args.all, brief_id=args.brief,
            title=args.title, summary=args.summary, author=args.author, template=args.template, base_url=args.url,
        )
    rated = sum(1 for e in brief.entries if e.rating)
    if args.format == "claimreview" and not args.url:
        print("note: without --url each ClaimReview's url is only an anchor (#claim-ID); "
              "pass the published page's address", file=sys.stderr)
    if args.json:
        print_json({"path": str(path), "format": args.format, "claims": len(brief.entries), "rated": rated,
                    "sources": len(brief.sources())})
    else:
        print(f"wrote {path} ({args.format}: {len(brief.entries)} claims, {rated} rated, "
              f"{len(brief.sources())} sources)")
    return 0
