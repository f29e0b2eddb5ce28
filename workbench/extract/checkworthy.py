"""Check-worthiness: the kind of a claim, a score in [0, 1], and the reasons that produced it."""

from __future__ import annotations

import re

from workbench.domain.claims import ClaimKind
from workbench.domain.facets import Facets
from workbench.extract.quotes import is_direct_speech

# Words and phrases that mark a sentence as opinion, as talk about the future, or as hedged.
OPINION_WORDS = frozenset("""
should ought arguably frankly clearly surely hopefully sadly unfortunately fortunately disappointing shameful
outrageous brilliant terrible awful wonderful amazing best worst greatest remarkable impressive savvy foolish
""".split())
OPINION_PHRASES = re.compile(r"\b(?:i|we)\s+(?:think|believe|feel|hope|guess|suspect)\b|\bin\s+(?:my|our)\s+"
                             r"(?:view|opinion)\b")
FUTURE_WORDS = frozenset("will would could may might shall forecast forecasts predicts predicted projected "
                         "expects anticipates poised".split())
FUTURE_PHRASES = re.compile(r"\b(?:expected|likely|set|due|going)\s+to\b|\bin\s+the\s+(?:coming|next)\b")
HEDGE_WORDS = frozenset("reportedly allegedly rumored rumoured purportedly apparently".split())
CONDITIONAL_WORDS = frozenset("if unless whether".split())
IRREGULAR_PAST = frozenset("""
began begun became bought brought built came chose did drew fell flew fought found gave went grew held hit hired
kept knew led left lost made met paid put quit ran rose sent set shut sold spent split spoke stood struck took
threw won wrote told said cut sank shot stole swore taught thought tore understood woke wound
""".split())
NOT_PAST = frozenset("need indeed speed seed feed bed red shed hundred proceed exceed succeed breed bleed".split())
_WORDS = re.compile(r"[a-z]+")


def _has_event_verb(words: list[str]) -> bool:
    """A past-tense or perfect verb: something happened."""
    for word in words:
        if (len(word) > 4 and word.endswith("ed") and word not in NOT_PAST) or word in IRREGULAR_PAST:
            return True
    return False


def assess(text: str, facets: Facets) -> tuple[ClaimKind, float, list[str]]:
    """Kind, score in [0, 1] and human-readable reasons for a claim's text and facets."""
    reasons: list[str] = []
    score = 0.15
    direct = [q for q in facets.quotes if is_direct_speech(q)]
    named_entities = [e for e in facets.entities if e.type in ("person", "org", "agency", "outlet", "place")]
    if facets.numbers:
        score += 0.3 + 0.05 * min(2, len(facets.numbers) - 1)
        reasons.append(f"{len(facets.numbers)} number(s): " + ", ".join(n.text for n in facets.numbers[:3]))
    if facets.dates:
        score += 0.15
        reasons.append("date or time: " + ", ".join(d.text for d in facets.dates[:3]))
    if named_entities:
        score += min(0.15, 0.05 * len(named_entities))
        reasons.append("names: " + ", ".join(e.text for e in named_entities[:4]))
    if direct:
        score += 0.15
        speaker = next((q.speaker for q in direct if q.speaker), None)
        reasons.append(f"direct quote ({speaker})" if speaker else "direct quote")
    if facets.attributions:
        score += 0.1
        origins = [a.origin or "anonymous source" for a in facets.attributions[:3]]
        reasons.append("attributed to " + ", ".join(origins))
    low_text = text.lower()
    words = _WORDS.findall(low_text)
    vocabulary = set(words)
    if vocabulary & HEDGE_WORDS:
        reasons.append("hedged: " + ", ".join(sorted(vocabulary & HEDGE_WORDS)))
    opinion_words = vocabulary & OPINION_WORDS
    opinion_match = OPINION_PHRASES.search(low_text) if ("think" in vocabulary or "believe" in vocabulary or
                                                           "view" in vocabulary or "opinion" in vocabulary or
                                                           "feel" in vocabulary or "hope" in vocabulary) else None
    opinion = opinion_match.group(0) if opinion_match else (sorted(opinion_words)[0] if opinion_words else None)
    future_words = vocabulary & FUTURE_WORDS
    future_match = FUTURE_PHRASES.search(low_text) if not future_words else None
    prediction = sorted(future_words)[0] if future_words else (future_match.group(0) if future_match else None)
    event = _has_event_verb(words)
    if words and words[0] in CONDITIONAL_WORDS:
        score -= 0.1
        reasons.append("conditional")
    if direct:
        kind = ClaimKind.QUOTE
    elif facets.numbers:
        kind = ClaimKind.NUMERIC
    elif facets.attributions:
        kind = ClaimKind.ATTRIBUTION
    elif opinion and not facets.dates:
        kind = ClaimKind.OPINION
    elif prediction and not event:
        kind = ClaimKind.PREDICTION
    elif facets.dates and event:
        kind = ClaimKind.EVENT
    else:
        kind = ClaimKind.STATEMENT
    if kind is ClaimKind.OPINION or (opinion and kind is not ClaimKind.QUOTE):
        score -= 0.25
        reasons.append(f"opinion wording ({opinion})" if opinion else "opinion")
    if kind is ClaimKind.PREDICTION or (prediction and not event and kind is not ClaimKind.QUOTE):
        score -= 0.15
        reasons.append(f"about the future ({prediction})" if prediction else "about the future")
    if not (facets.numbers or facets.dates or named_entities or direct or facets.attributions):
        reasons.append("no checkable detail")
    if len(text.split()) < 6:
        score -= 0.1
        reasons.append("very short")
    return kind, round(max(0.0, min(1.0, score)), 3), reasons
