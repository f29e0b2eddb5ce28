"""Named entities by rule: capitalised name sequences typed as person, org, place, agency or outlet."""

from __future__ import annotations

import re
from collections.abc import Mapping

from workbench.domain.facets import EntityFacet
from workbench.extract.lexicon import (
    ACRONYMS_NOT_ORGS,
    AGENCIES,
    NOT_NAMES,
    ORG_WORDS,
    OUTLETS,
    PERSON_TITLES,
    PLACES,
    SPEECH_VERBS,
)

_TOKEN = (r"(?:(?:[A-Z]\.){2,}|(?:Inc|Co|Corp|Ltd|Jr|Sr|Bros|Mr|Mrs|Ms|Dr|Gov|Sen|Rep|Gen|Lt|Col|Sgt|Capt|Prof|St|Mt)\."
          r"|[A-Z][\w&'’.-]*[\w&]|[A-Z]\.?|[a-z]{1,3}[A-Z][\w&-]*)")
_CONNECTOR = r"(?:of(?:\s+the)?|for|de|del|della|da|di|du|la|le|van|von|der|den|al|bin|&)"
NAME_SEQUENCE = re.compile(rf"(?<![\w'’])(?:{_TOKEN})(?:\s+(?:{_CONNECTOR}\s+)?(?:{_TOKEN}))*")
_SPEECH_AFTER = re.compile(rf"\s*,?\s+(?:{SPEECH_VERBS})\b")
_SPEECH_BEFORE = re.compile(rf"\b(?:{SPEECH_VERBS})\s+$")
_TITLE_WORDS = sorted(PERSON_TITLES, key=len, reverse=True)
_TITLE_BEFORE = re.compile(r"(?:^|\b)(?:" + "|".join(re.escape(t) for t in _TITLE_WORDS) + r")\s+$")
_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop leading function words and titles, trailing possessives and dots."""
    while start < end:
        match = _LEADING_WORD.match(text, start, end)
        word = match.group(1)
        if word == "The" and text[start:end].rstrip(".,") in _KNOWN_WITH_THE:
            break
        if _COMPOUND_ADJECTIVE.fullmatch(word.rstrip(".,")):
            start = match.end()      # "Alphabet-backed Google" -> "Google"
            continue
        if word.rstrip(".,") in NOT_NAMES or word in PERSON_TITLES or word in ("Chief", "Executive", "Vice"):
            start = match.end()
            continue
        break
    while end > start and text[end - 1].isspace():
        end -= 1
    if end - start > 2 and text[end - 2:end] in ("'s", "’s"):
        end -= 2
    elif end > start and text[end - 1] in "'’":
        end -= 1
    while end > start and text[end - 1] in ".-’'" and not _ABBREVIATED_END.search(text, start, end):
        end -= 1
    trail = _TRAILING_CONNECTOR.search(text, start, end)
    if trail:
        end = trail.start()
    return start, end


def classify(name: str, text: str, start: int, end: int, vocabulary: Mapping[str, str]) -> str | None:
    """The entity type of ``name`` found at text[start:end], or None when it is not a name."""
    if name in AGENCIES:
        return "agency"
    if name in OUTLETS:
        return "outlet"
    if name in PLACES:
        return "place"
    if name in vocabulary:
        return vocabulary[name]
    words = name.split()
    if len(words) == 1 and name in ACRONYMS_NOT_ORGS:
        return None
    if any(w.rstrip(".,") in ORG_WORDS for w in words[1:]) or words[0] in ("University", "Ministry", "Department",
                                                                            "Bank", "Office", "Bureau"):
        return "org"
    before = text[max(0, start - 30):start]
    if _TITLE_BEFORE.search(before) or (len(words) > 1 and words[-1] in ("Jr.", "Sr.", "II", "III", "IV")):
        return "person"
    if len(words) > 1 and words[-1] in vocabulary and vocabulary[words[-1]] == "person":
        return "person"
    if name.isupper() and len(name) <= 6:
        return "org"
    person_shape = 2 <= len(words) <= 3 and all(re.fullmatch(r"[A-Z][a-z'’-]+|[A-Z]\.", w) for w in words)
    if person_shape and (_SPEECH_AFTER.match(text, end) or _SPEECH_BEFORE.search(before)):
        return "person"
    if person_shape:
        return "person"
    if len(words) == 1 and (_SPEECH_AFTER.match(text, end) or _SPEECH_BEFORE.search(before)):
        return "person" if re.fullmatch(r"[A-Z][a-z]+", name) else "org"
    return "org"


_KNOWN_WITH_THE = frozenset(n for n in set(AGENCIES) | OUTLETS if n.startswith("The "))
_COMPOUND_ADJECTIVE = re.compile(r"[A-Z][\w]*-[a-z][a-z-]*")
_EVENT_WORDS = frozenset("Year Day Days Eve Festival Holiday Holidays Week Games Cup Olympics Championship "
                         "Summit Awards Prize Expo Fair Show Conference Forum".split())
_SENTENCE_START = re.compile(r"(?:[.!?:\"“]\s*|\n\s*)$")
_LEADING_WORD = re.compile(r"(\S+)\s*")
_ABBREVIATED_END = re.compile(r"(?:\b[A-Z]\.){2,}$|(?:Inc|Corp|Co|Ltd|Jr|Sr|Bros)\.$")
_TRAILING_CONNECTOR = re.compile(rf"\s+{_CONNECTOR}$")
_PIECE_TOKEN = re.compile(r"\S+")
_SPLIT_TITLES = frozenset({"CEO", "CFO", "COO", "CTO", "President", "Chairman", "Chairwoman", "Minister",
                           "Secretary", "Director", "Founder", "Co-founder", "Spokesperson", "Spokesman",
                           "Spokeswoman", "Governor", "Senator", "Mayor", "Chancellor", "Premier", "Ambassador",
                           "Commissioner", "Chief", "Executive", "Officer", "Analyst", "Professor"})
_DEMONYM = re.compile(r"[A-Z][a-z]+(?:ese|ian|ish|ean|ic|an|i)$")


def _pieces(text: str, start: int, end: int) -> list[tuple[int, int, bool]]:
    """Split a capitalised run at possessives and titles: "Nvidia CEO Jensen Huang" -> Nvidia | Jensen Huang."""
    pieces: list[tuple[int, int, bool]] = []
    piece_start: int | None = None
    after_title = False
    for token in _PIECE_TOKEN.finditer(text, start, end):
        word = token.group(0)
        if word in _SPLIT_TITLES:
            if piece_start is not None:
                pieces.append((piece_start, token.start(), after_title))
            piece_start, after_title = None, True
            continue
        if piece_start is None:
            piece_start = token.start()
        if _POSSESSIVE.search(word) and len(word) > 2 and word[-2:] in ("'s", "’s"):
            pieces.append((piece_start, token.end(), after_title))
            piece_start, after_title = None, False
    if piece_start is not None:
        pieces.append((piece_start, end, after_title))
    return pieces


def entity_candidates(text: str) -> list[tuple[int, int, bool]]:
    """Spans that may be names, with whether a title preceded them (independent of any vocabulary)."""
    candidates = []
    for match in NAME_SEQUENCE.finditer(text):
        for piece_start, piece_end, after_title in _pieces(text, match.start(), match.end()):
            start, end = _strip(text, piece_start, piece_end)
            if end > start:
                candidates.append((start, end, after_title))
    return candidates


def classify_candidates(text: str, candidates: list[tuple[int, int, bool]], vocabulary: Mapping[str, str],
                        offset: int = 0) -> list[EntityFacet]:
    found = []
    for start, end, after_title in candidates:
        entity = _entity(text, start, end, after_title, vocabulary)
        if entity is not None:
            found.append(EntityFacet(text=entity[0], start=start + offset, end=end + offset, type=entity[1]))
    return found


def parse_entities(text: str, offset: int = 0, vocabulary: Mapping[str, str] | None = None) -> list[EntityFacet]:
    """Entity facets of ``text``; offsets are ``offset`` + position."""
    return classify_candidates(text, entity_candidates(text), vocabulary or {}, offset)


def _entity(text: str, start: int, end: int, after_title: bool,
            vocabulary: Mapping[str, str]) -> tuple[str, str] | None:
    name = text[start:end]
    if len(name) < 2 or name in NOT_NAMES:
        return None
    known = name in vocabulary or name in AGENCIES or name in PLACES or name in OUTLETS
    if not known:
        if all(any(ch.isdigit() for ch in word) for word in name.split()):
            return None     # model numbers and codes ("H200", "Q3")
        if " " not in name and _DEMONYM.fullmatch(name) and name.lower() not in ("ian", "brian"):
            return None     # "Chinese", "American": adjectives, not names
        sentence_initial = start == 0 or _SENTENCE_START.search(text, max(0, start - 3), start)
        if sentence_initial and " " not in name and not name.isupper():
            return None     # a lone capitalised first word is usually an ordinary word
    if not known and name.split()[-1] in _EVENT_WORDS:
        return None     # "Lunar New Year", "World Cup": events, not people or organisations
    if after_title and not known:
        return name, "person"
    kind = classify(name, text, start, end, vocabulary)
    return (name, kind) if kind else None


def body_vocabulary(body: str, base: Mapping[str, str] | None = None,
                    candidates: list[tuple[int, int, bool]] | None = None) -> dict[str, str]:
    """Names a body establishes for itself: people named with a title give their surname, and so on."""
    vocab = dict(base or {})
    if candidates is None:
        candidates = entity_candidates(body)
    # only multi-word names and titled people teach the body anything about its own names
    useful = [c for c in candidates if c[2] or " " in body[c[0]:c[1]]]
    for entity in classify_candidates(body, useful, vocab):
        if entity.type == "person":
            parts = entity.text.split()
            vocab.setdefault(entity.text, "person")
            if len(parts) > 1:
                vocab.setdefault(parts[-1], "person")
    return vocab
