"""A workspace with a small story checked end to end: sources, claims, links and verdicts as real rows."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pytest

from workbench.services.verdicts import set_verdict
from workbench.storage.models import Claim, Link, Source

LONG_CLAIM = ("The harbour authority said in a written statement that " +
              "the closure of Piers 6 to 8, which handle most of the port's container traffic, " * 40 +
              "would last at least ten days.")

ARTICLES = [
    # key, outlet, title, url, date, time, claims [(key, text)]
    ("wire", "Northern Wire Service", "Fire at Port Vesna warehouse forces 1,200 from their homes",
     "https://nws.example/2025/03/04/port-vesna-fire", date(2025, 3, 4), "08:30", [
         ("evacuated", "A fire at a logistics warehouse forced 1,200 residents from their homes early on Tuesday."),
         ("injured", "Fourteen people were injured, two of them seriously, fire chief Dana Okafor said."),
     ]),
    ("ledger", "The Coastal Ledger", "Warehouse that burned held solvents, inspection records show",
     "https://coastalledger.example/2025/03/04/warehouse-solvents?ref=a&b=<c>", date(2025, 3, 4), "15:40", [
         ("evacuated_more", "More than 1,500 people were evacuated from the harbour district."),
         ("solvents", "The warehouse stored about 30 tonnes of industrial solvents."),
     ]),
    ("courier", "Vesna Courier", "Port fire: residents return as piers stay shut", None, date(2025, 3, 5), None, [
         ("copy", "A fire at a logistics warehouse forced 1,200 residents from their homes early on Tuesday."),
         ("long", LONG_CLAIM),
     ]),
    ("intl", "港湾日報 / ميناء اليوم", "港口仓库火灾 — حريق في مستودع الميناء 🔥", "https://intl.example/fire",
     None, None, [
         ("cjk", "港口仓库火灾迫使1200名居民撤离。"),
         ("rtl", "أجبر حريق في مستودع بالميناء 1200 شخص على مغادرة منازلهم."),
         ("emoji", "Firefighters 🚒 worked through the night\x0b at Pier 7\x00 — “contained, not out” 🔥."),
     ]),
]


@dataclass
class CheckedStory:
    ws: object
    claims: dict[str, int]
    sources: dict[str, int]


def build_story(ws) -> CheckedStory:
    claims: dict[str, int] = {}
    sources: dict[str, int] = {}
    with ws.session() as s:
        for key, outlet, title, url, published, time, items in ARTICLES:
            body = " ".join(text for _, text in items)
            source = Source(title=title, outlet=outlet, url=url, published=published, published_time=time,
                            body=body, body_hash=f"hash-{key}", author="Mara Ellison" if key == "wire" else None)
            s.add(source)
            s.flush()
            sources[key] = source.id
            offset = 0
            for ckey, text in items:
                claim = Claim(source_id=source.id, start=offset, end=offset + len(text), text=text,
                              kind="numeric" if any(c.isdigit() for c in text) else "statement")
                offset += len(text) + 1
                s.add(claim)
                s.flush()
                claims[ckey] = claim.id
        c = claims
        s.get(Claim, c["evacuated"]).check_sources = 3
        s.get(Claim, c["evacuated"]).check_origins = 2
        s.get(Claim, c["evacuated"]).check_origin_names = ["Northern Wire Service", "city emergency office"]

        def link(x, y, relation, reasons, same_origin=False, decision=None):
            a, b = sorted((c[x], c[y]))
            s.add(Link(a_id=a, b_id=b, relation=relation, reasons=reasons, same_origin=same_origin,
                       decision=decision, score=0.9))

        link("evacuated", "evacuated_more", "conflicts", ["1,200 vs more than 1,500 evacuated"])
        link("evacuated", "copy", "corroborates", ["same number and wording"], same_origin=True)
        link("evacuated", "cjk", "corroborates", ["1200 residents"])
        link("evacuated", "rtl", "corroborates", ["1200 people"], decision="rejected")   # the user said no
        link("injured", "solvents", "related", ["same warehouse"])
    with ws.session() as s:
        set_verdict(s, c["evacuated"], rating="Mostly true", status="verified", reviewer="A. Editor",
                    rationale="The fire service gave 1,200 in the morning; the emergency office later said more "
                              "than 1,500.\nBoth were right at their time of publication.",
                    evidence=[{"kind": "url", "ref": "https://vesna.example/emergency/statement-4-march",
                               "note": "emergency office statement"},
                              {"kind": "source", "ref": str(sources["ledger"]), "note": ""}])
        set_verdict(s, c["solvents"], rating="Unproven", status="published",
                    rationale="Only the Ledger has seen the inspection records.")
        set_verdict(s, c["long"], rating="False", status="verified", rationale="The closure lasted four days.")
        set_verdict(s, c["emoji"], rating="True", status="verified", rationale="Confirmed by 🚒 crews\x07.")
        set_verdict(s, c["cjk"], rating="Mixed", status="in review")
        set_verdict(s, c["rtl"], rating="Misleading", status="rejected")
    return CheckedStory(ws, claims, sources)


@pytest.fixture
def story(ws) -> CheckedStory:
    return build_story(ws)
