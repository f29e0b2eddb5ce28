"""Commands for the cross-check: check, crosscheck (one claim), link (confirm or reject a link)."""

from __future__ import annotations

from workbench.cli.output import add_workspace_arg, open_ws, print_json, shorten


def register(sub) -> None:
    p = sub.add_parser("check", help="cross-check every claim against the other sources")
    add_workspace_arg(p)
    p.add_argument("--json", action="store_true", help="print links and claim origins as JSON")
    p.add_argument("--all-links", action="store_true", help="also list links the user rejected")
    p.set_defaults(func=cmd_check)

    p = sub.add_parser("crosscheck", help="show what other sources say about one claim")
    add_workspace_arg(p)
    p.add_argument("claim", type=int, metavar="CLAIM_ID")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_crosscheck)

    p = sub.add_parser("link", help="confirm or reject a cross-check link (kept across re-checks)")
    add_workspace_arg(p)
    p.add_argument("link", type=int, metavar="LINK_ID")
    group = p.add_mutually_exclusive_group(required=True)
    group.add_argument("--confirm", dest="decision", action="store_const", const="confirmed")
    group.add_argument("--reject", dest="decision", action="store_const", const="rejected")
    group.add_argument("--clear", dest="decision", action="store_const", const="")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_link)


def cmd_check(args) -> int:
    from workbench.services.checking import check_all, check_results
    with open_ws(args) as ws:
        report = check_all(ws)
        with ws.session() as session:
            results = check_results(session, include_rejected=args.all_links)
    if args.json:
        print_json({"links": [{k: link[k] for k in ("id", "a", "b", "relation", "reasons", "score", "same_origin",
                                                    "decision")} for link in results["links"]],
                    "claims": results["claims"]})
        return 0
    for link in results["links"]:
        if link["relation"] == "related":
            continue
        mark = f" [{link['decision']}]" if link["decision"] else ""
        copy = " (same origin)" if link["same_origin"] else ""
        print(f"#{link['id']:<5} claim {link['a']} {link['relation']} claim {link['b']}{copy}{mark}: "
              f"{'; '.join(link['reasons'])}")
    disputed = [c for c in results["claims"] if c["suggestion"] == "disputed"]
    corroborated = [c for c in results["claims"] if c["suggestion"].startswith("corroborated")]
    single = [c for c in results["claims"] if c["suggestion"] == "single origin"]
    for c in corroborated + single:
        print(f"claim {c['id']}: {c['suggestion']} ({c['sources']} sources; origins: "
              f"{', '.join(c['origins']) or 'unknown'})")
    rel = report.by_relation
    print(f"{report.claims_checked} claims checked: {rel.get('corroborates', 0)} corroborate, "
          f"{rel.get('conflicts', 0)} conflict, {rel.get('related', 0)} related; {len(disputed)} disputed, "
          f"{len(corroborated)} corroborated, {len(single)} single-origin claims")
    return 0


def cmd_crosscheck(args) -> int:
    from workbench.services.checking import claim_crosscheck
    with open_ws(args) as ws, ws.session() as session:
        panel = claim_crosscheck(session, args.claim)
    if args.json:
        print_json(panel)
        return 0
    print(f"claim {panel['claim_id']}: {panel['suggestion'] or 'not checked yet'} — {panel['summary']}")
    for title, bucket in (("conflicts", "conflicting"), ("corroborated by", "corroborating"), ("related", "related")):
        for row in panel[bucket]:
            mark = f" [{row['decision']}]" if row["decision"] else ""
            print(f"  {title}: #{row['claim_id']} {row['outlet'] or '?'} {row['published'] or ''}{mark}")
            print(f"      {shorten(row['text'], 100)}")
            print(f"      {'; '.join(row['reasons'])}  (link #{row['id']})")
    return 0


def cmd_link(args) -> int:
    from workbench.services.checking import set_link_decision
    with open_ws(args) as ws, ws.session() as session:
        row = set_link_decision(session, args.link, args.decision or None)
    if args.json:
        print_json(row)
    else:
        print(f"link #{row['id']} ({row['relation']}): {row['decision'] or 'no decision'}")
    return 0
