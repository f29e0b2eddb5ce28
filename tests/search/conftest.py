"""A small workspace of our own articles, with claims and facets stored as extraction would store them."""

from __future__ import annotations

import re
from datetime import date

import pytest

from workbench.storage.models import Claim, Source

ARTICLES = [
    {
        "title": "Harbour bridge closed after cracks found in main span",
        "outlet": "Coastline Courier",
        "author": "Ines Varga",
        "published": date(2025, 6, 3),
        "body": (
            "Engineers closed the Marlow Bay harbour bridge on Monday after inspectors found cracks in its main "
            "span. About 40,000 vehicles cross the bridge every day, the transport office said. "
            "\"We will not reopen it until every weld has been checked,\" said Petra Lind, the city engineer. "
            "Repairs are expected to cost 12 million euros."
        ),
    },
    {
        "title": "Marlow Bay bridge shut for weeks, city says",
        "outlet": "Northern Ledger",
        "author": "Tom Aske",
        "published": date(2025, 6, 4),
        "body": (
            "The city of Marlow Bay said its harbour bridge will stay shut for several weeks. "
            "More than 40,000 vehicles use the crossing daily, according to the transport office. "
            "Officials put the cost of repairs at 15 million euros. "
            "Ferry operators added extra sailings to carry commuters across the bay."
        ),
    },
    {
        "title": "Quillfeather Labs raises funding at a record valuation",
        "outlet": "Wire Desk Daily",
        "author": "Ana Ruiz",
        "published": date(2025, 7, 15),
        "body": (
            "Quillfeather Labs, a maker of translation software, raised 300 million dollars in a funding round "
            "that values the company at 4.5 billion dollars. "
            "The chief executive, Omar Reyes, said the money would pay for new offices in Lisbon. "
            "The startup employs about 900 people."
        ),
    },
]

# The claims of each article: sentences, with the facets an extractor would attach.
CLAIMS = {
    0: [
        ("About 40,000 vehicles cross the bridge every day, the transport office said.", "numeric",
         ["Marlow Bay"], [("About 40,000", 40000)]),
        ("Repairs are expected to cost 12 million euros.", "numeric", [], [("12 million euros", 12e6)]),
        ("\"We will not reopen it until every weld has been checked,\" said Petra Lind, the city engineer.",
         "quote", ["Petra Lind"], []),
    ],
    1: [
        ("More than 40,000 vehicles use the crossing daily, according to the transport office.", "numeric",
         [], [("More than 40,000", 40000)]),
        ("Officials put the cost of repairs at 15 million euros.", "numeric", [], [("15 million euros", 15e6)]),
    ],
    2: [
        ("Quillfeather Labs, a maker of translation software, raised 300 million dollars in a funding round "
         "that values the company at 4.5 billion dollars.", "numeric", ["Quillfeather Labs"],
         [("300 million dollars", 3e8), ("4.5 billion dollars", 4.5e9)]),
        ("The startup employs about 900 people.", "numeric", [], [("about 900", 900)]),
    ],
}


def add_source(ws, article: dict) -> int:
    with ws.session() as session:
        source = Source(title=article["title"], outlet=article.get("outlet"), author=article.get("author"),
                        published=article.get("published"), body=article["body"],
                        body_hash=str(hash(article["body"])))
        session.add(source)
        session.flush()
        return source.id


def add_claim(ws, source_id: int, sentence: str, kind: str = "statement", entities=(), numbers=()) -> int:
    with ws.session() as session:
        body = session.get(Source, source_id).body
        start = body.index(sentence)
        facets = {
            "entities": [{"text": e, "start": start, "end": start + len(e), "type": "org"} for e in entities],
            "numbers": [{"text": t, "start": start, "end": start + len(t), "value": v} for t, v in numbers],
        }
        claim = Claim(source_id=source_id, start=start, end=start + len(sentence), text=sentence, kind=kind,
                      facets=facets)
        session.add(claim)
        session.flush()
        return claim.id


def words(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())


@pytest.fixture
def corpus(ws):
    """The workspace filled with ARTICLES and CLAIMS; returns {"sources": [...ids], "claims": {article: [...]}}."""
    sources, claims = [], {}
    for i, article in enumerate(ARTICLES):
        sid = add_source(ws, article)
        sources.append(sid)
        claims[i] = [add_claim(ws, sid, text, kind, ents, nums) for text, kind, ents, nums in CLAIMS[i]]
    return {"sources": sources, "claims": claims}
