"""Who a sentence credits: wire agencies, outlets, officials, documents, or anonymous sources."""

from __future__ import annotations

import re
from collections.abc import Mapping

from workbench.domain.facets import AttributionFacet
from workbench.extract.lexicon import AGENCIES, OUTLETS, SPEECH_VERBS
from workbench.extract.spans import SpanSet
from workbench.extract.tokens import lower_words

_ORIGIN_NAMES = sorted(set(AGENCIES) | OUTLETS, key=len, reverse=True)
_NAME = r"(?:[A-Z][\w'’&.-]*(?:\s+(?:(?:of|the|de|for|and|&)\s+)?[A-Z][\w'’&.-]*){0,5})"

_ANON_WHO = (r"(?:(?:two|three|four|five|several|multiple|a\s+few|some|other|many)\s+)?"
             r"(?:(?:senior|former|current|government|company|administration|industry|u\.s\.|us|chinese|western|"
             r"european)\s+)?(?:people|persons?|sources?|officials?|executives?|insiders?|employees?|individuals?|"
             r"diplomats?|analysts?)")
_ANON_TAIL = (r"(?:familiar\s+with\s+(?:the\s+)?(?:matter|situation|plans?|deal|talks|discussions|negotiations|"
              r"decision|thinking|process|issue)|briefed\s+on\s+(?:the\s+)?\w+|with\s+(?:direct\s+)?knowledge\s+of"
              r"(?:\s+the)?\s+\w+|close\s+to\s+(?:the\s+)?\w+|(?:who|that)\s+(?:declined|asked|spoke|requested|were"
              r"\s+not\s+authori[sz]ed)[^,.;]{0,60}|involved\s+in\s+(?:the\s+)?\w+|speaking\s+on\s+condition\s+of"
              r"\s+anonymity|not\s+authori[sz]ed\s+to\s+speak[^,.;]{0,40})")
ANONYMOUS = re.compile(
    rf"\b(?:according\s+to\s+|citing\s+|said\s+|told\s+\w+\s+)?(?:a|an|the)?\s*{_ANON_WHO}\s+{_ANON_TAIL}"
    rf"|\b(?:unnamed|anonymous)\s+(?:sources?|officials?|people|persons?|insiders?)"
    rf"|\bsources\s+(?:said|say|told|added|claimed)\b|\b(?:according\s+to\s+)?sources\b(?=[,.;])",
    re.IGNORECASE,
)
ACCORDING_TO = re.compile(rf"\b(?i:according)\s+to\s+(?P<what>(?:(?:a|an|the)\s+)?[^,.;:“”\"()]{{2,80}}?)"
                          rf"(?=[,.;:“”\"()]|$)")
CITING = re.compile(rf"\b(?i:citing)\s+(?P<what>(?:(?:a|an|the)\s+)?[^,.;:“”\"()]{{2,80}}?)(?=[,.;:“”\"()]|$)")
TOLD = re.compile(rf"\btold\s+(?P<who>{_NAME})")
REPORTED = re.compile(rf"(?P<who>{_NAME})\s+(?:first\s+|previously\s+|earlier\s+|also\s+)?(?:reported|reports|"
                      rf"has\s+reported|had\s+reported)\b"
                      rf"|\b(?:reported|first\s+reported)\s+by\s+(?:the\s+)?(?P<who2>{_NAME})")
DATELINE = re.compile(r"^[A-Z][A-Za-z .,'’-]{0,60}?\((?P<who>[A-Z][A-Za-z .]{1,40})\)\s*[-—–]")
SAID = re.compile(rf"(?P<who>{_NAME})\s+(?:also\s+|later\s+|previously\s+)?(?:{SPEECH_VERBS})\b"
                  rf"|\b(?:said|says|according\s+to)\s+(?P<who2>{_NAME})")
DOCUMENT = re.compile(r"\b(?:in\s+a|in\s+its|in\s+the|according\s+to\s+(?:a|the))\s+(?:[\w-]+\s+){0,2}?"
                      r"(?P<doc>statement|filing|press\s+release|report|release|letter|memo|document|notice|"
                      r"court\s+filing|regulatory\s+filing|blog\s+post|post|interview|announcement)\b"
                      r"|\b(?:the|a|an|its|their|that)\s+(?P<doc2>report|statement|filing|study|survey|document|memo|"
                      r"letter|release)\s+(?:said|says|added|adds|showed|shows|found|finds|noted|notes|stated)\b",
                      re.IGNORECASE)
OFFICIAL = re.compile(r"\b(?P<who>(?:[A-Z][\w-]+\s+){0,3}(?i:officials?|spokes(?:person|man|woman)|ministry|"
                      r"government|authorities|regulators?|police|prosecutors?))\s+(?:said|say|told|confirmed|"
                      r"announced|stated)\b")
# Cheap substring tests that let most sentences skip the costlier patterns.
_ANON_HINTS = frozenset(("familiar briefed knowledge close sources anonymity anonymous unnamed named authorized "
                         "authorised involved condition insiders").split())
_DOCUMENT_HINTS = ("statement", "filing", "release", "report", "letter", "memo", "document", "notice", "post",
                   "interview", "announcement")
_OFFICIAL_HINTS = ("official", "spokes", "ministry", "government", "authorities", "regulator", "police", "prosecutor")
_SPEECH_HINT = re.compile(rf"\b(?:{SPEECH_VERBS})\b")
OFFICIAL_FOR = re.compile(r"\b(?i:a|an|the)\s+(?i:spokes(?:person|man|woman)|official|representative|"
                          r"minister|secretary)\s+(?:for|of|at|from|with)\s+(?:the\s+)?(?P<body>[^,.;“”\"]{2,60}?)"
                          r"\s+(?:said|says|told|confirmed|announced|stated|added)\b")
_NOT_ORIGIN = re.compile(r"^(?:It|He|She|They|This|That|The|We|I|You|There|Who|What)$")


def normalise_origin(name: str, outlets: Mapping[str, str] | None = None) -> tuple[str, str] | None:
    """(canonical name, kind) when ``name`` contains a known agency or outlet."""
    name = name.strip()
    for candidate in (name, re.sub(r"^(?:the|a|an)\s+", "", name, flags=re.IGNORECASE)):
        if candidate in AGENCIES:
            return AGENCIES[candidate], "agency"
        if candidate in OUTLETS:
            return candidate, "outlet"
        if outlets and candidate in outlets:
            return outlets[candidate], "outlet"
    for known in _ORIGIN_NAMES:
        if known in name and re.search(rf"(?<![\w]){re.escape(known)}(?![\w])", name):
            return (AGENCIES[known], "agency") if known in AGENCIES else (known, "outlet")
    if outlets:
        for alias, canonical in outlets.items():
            if len(alias) > 3 and alias in name:
                return canonical, "outlet"
    return None


def _named(text: str, start: int, end: int, who: str, outlets, default_kind: str) -> AttributionFacet | None:
    who = re.sub(r"(?<=[a-z])\.$", "", who.strip())
    if not who or _NOT_ORIGIN.match(who):
        return None
    known = normalise_origin(who, outlets)
    if known:
        return AttributionFacet(text=text[start:end], start=start, end=end, origin=known[0], kind=known[1])
    return AttributionFacet(text=text[start:end], start=start, end=end, origin=who, kind=default_kind)


def parse_attributions(text: str, offset: int = 0, outlets: Mapping[str, str] | None = None,
                       people: Mapping[str, str] | None = None) -> list[AttributionFacet]:
    """Attribution facets of ``text`` (offsets are ``offset`` + position), never overlapping each other."""
    found: list[AttributionFacet] = []
    taken = SpanSet()

    def add(facet: AttributionFacet | None) -> None:
        if facet is None or facet.end <= facet.start or taken.overlaps(facet.start, facet.end):
            return
        taken.add(facet.start, facet.end)
        found.append(facet)

    low = text.lower()
    match = DATELINE.match(text) if "(" in text[:80] else None
    if match:
        add(_named(text, match.start("who"), match.end("who"), match.group("who"), outlets, "agency"))
    words = lower_words(text)
    anonymous = ANONYMOUS.finditer(text) if not words.isdisjoint(_ANON_HINTS) else ()
    for match in anonymous:
        start, end = match.start(), match.end()
        while start < end and text[start].isspace():
            start += 1
        add(AttributionFacet(text=text[start:end], start=start, end=end, origin=None, kind="anonymous"))
    for match in ACCORDING_TO.finditer(text) if "according" in low else ():
        add(_classified(text, match.start(), match.end(), match.group("what"), outlets, people))
    for match in CITING.finditer(text) if "citing" in low else ():
        add(_classified(text, match.start(), match.end(), match.group("what"), outlets, people))
    for match in TOLD.finditer(text) if "told" in low else ():
        # "X told Reuters": the outlet that got the interview is the origin; an unknown name is taken as one too,
        # unless the vocabulary knows it as a person
        who = match.group("who").strip()
        known = normalise_origin(who, outlets)
        if known:
            add(AttributionFacet(text=match.group(0), start=match.start(), end=match.end(), origin=known[0],
                                 kind=known[1]))
        elif (people or {}).get(who) != "person" and not _NOT_ORIGIN.match(who):
            add(AttributionFacet(text=match.group(0), start=match.start(), end=match.end(), origin=who,
                                 kind="outlet"))
    for match in REPORTED.finditer(text) if "report" in low else ():
        who = match.group("who") or match.group("who2")
        add(_named(text, match.start(), match.end(), who, outlets, "outlet"))
    for match in DOCUMENT.finditer(text) if any(w in low for w in _DOCUMENT_HINTS) else ():
        document = match.group("doc") or match.group("doc2")
        add(AttributionFacet(text=match.group(0), start=match.start(), end=match.end(),
                             origin=document.lower(), kind="document"))
    for match in OFFICIAL.finditer(text) if any(w in low for w in _OFFICIAL_HINTS) else ():
        add(AttributionFacet(text=match.group(0), start=match.start(), end=match.end(),
                             origin=match.group("who"), kind="official"))
    for match in OFFICIAL_FOR.finditer(text) if any(w in low for w in _OFFICIAL_HINTS) else ():
        add(AttributionFacet(text=match.group(0), start=match.start(), end=match.end(),
                             origin=match.group("body").strip(), kind="official"))
    for match in SAID.finditer(text) if _SPEECH_HINT.search(text) else ():
        who = match.group("who") or match.group("who2")
        kind = "named"
        if people and who in people and people[who] in ("org", "agency", "outlet"):
            kind = people[who] if people[who] != "org" else "named"
        facet = _named(text, match.start(), match.end(), who, outlets, kind)
        if facet is not None and taken.overlaps(facet.start, facet.end):
            group = "who" if match.group("who") else "who2"     # keep the speaker beside "told Reuters"
            facet = _named(text, match.start(group), match.end(group), who, outlets, kind)
        add(facet)
    found.sort(key=lambda f: f.start)
    return [AttributionFacet(text=f.text, start=f.start + offset, end=f.end + offset, origin=f.origin, kind=f.kind)
            for f in found]


def _classified(text: str, start: int, end: int, what: str, outlets, people) -> AttributionFacet | None:
    if ANONYMOUS.search(what):
        return AttributionFacet(text=text[start:end], start=start, end=end, origin=None, kind="anonymous")
    known = normalise_origin(what, outlets)
    if known:
        return AttributionFacet(text=text[start:end], start=start, end=end, origin=known[0], kind=known[1])
    doc = re.search(r"\b(statement|filing|report|release|document|data|figures|survey|study|estimates?)\b", what,
                    re.IGNORECASE)
    if doc and not re.search(r"[A-Z]", what.split()[0] if what.split() else ""):
        return AttributionFacet(text=text[start:end], start=start, end=end, origin=what.strip(), kind="document")
    if re.search(r"\b(?:officials?|ministry|government|spokes\w+|authorities|regulators?)\b", what, re.IGNORECASE):
        return AttributionFacet(text=text[start:end], start=start, end=end, origin=what.strip(), kind="official")
    origin = re.sub(r"^(?:the|a|an)\s+", "", what.strip(), flags=re.IGNORECASE)
    return AttributionFacet(text=text[start:end], start=start, end=end, origin=origin, kind="named")
