"""Small workspaces of our own articles, with claims and facets placed by hand (no extractor involved)."""

from __future__ import annotations

import datetime as dt
import hashlib
import re

from workbench.domain.facets import DateFacet, EntityFacet, Facets, NumberFacet
from workbench.storage.models import Claim, Source

_SCALE = {"million": 1e6, "billion": 1e9, "thousand": 1e3}


_FIGURE = re.compile(r"^(?:[a-z ]+ )?\$?\d[\d,]*(?:\.\d+)?(?: (?:million|billion|thousand))?")


def number_facet(body: str, text: str, unit: str | None = None, after: int = 0) -> NumberFacet:
    """The facet of the figure that ``text`` begins with, as an extractor writes it: hedge and scale, no noun."""
    start = body.index(text, after)
    text = _FIGURE.match(text).group()
    m = re.search(r"\d[\d,]*(?:\.\d+)?", text)
    value = float(m.group().replace(",", ""))
    for word, factor in _SCALE.items():
        if word in text:
            value *= factor
    return NumberFacet(text=text, start=start, end=start + len(text), value=value, unit=unit)


def date_facet(body: str, text: str, iso: str, kind: str = "date") -> DateFacet:
    start = body.index(text)
    return DateFacet(text=text, start=start, end=start + len(text), iso=iso, kind=kind)


def add_article(session, *, outlet: str, body: str, published: str | None = None, title: str = "",
                numbers: dict[str, str | None] | None = None, dates: dict[str, str] | None = None,
                entities: tuple[str, ...] = ()) -> tuple[int, dict[str, int]]:
    """Store a source whose every sentence is a claim; facets are found by their text. Returns (id, claims)."""
    src = Source(title=title or body[:40], outlet=outlet, body=body,
                 body_hash=hashlib.sha256(body.encode()).hexdigest(),
                 published=dt.date.fromisoformat(published) if published else None)
    session.add(src)
    session.flush()
    claims = {}
    for m in re.finditer(r".+?[.!?](?=\s|$)", body, re.DOTALL):
        start = m.start() + len(m.group()) - len(m.group().lstrip())
        end, text = m.end(), m.group().strip()
        facets = Facets()
        for num_text, unit in (numbers or {}).items():
            if num_text in text:
                facets.numbers.append(number_facet(body, num_text, unit, start))
        for date_text, iso in (dates or {}).items():
            if date_text in text:
                f = date_facet(body[start:], date_text, iso)
                facets.dates.append(DateFacet(f.text, f.start + start, f.end + start, f.iso, f.kind))
        for name in entities:
            pos = text.find(name)
            if pos >= 0:
                facets.entities.append(EntityFacet(name, start + pos, start + pos + len(name), "org"))
        claim = Claim(source_id=src.id, start=start, end=end, text=body[start:end], facets=facets.to_json())
        session.add(claim)
        session.flush()
        claims[text] = claim.id
    return src.id, claims


def claim_id(claims: dict[str, int], fragment: str) -> int:
    found = [cid for text, cid in claims.items() if fragment in text]
    assert len(found) == 1, f"{fragment!r} matches {len(found)} claims"
    return found[0]
