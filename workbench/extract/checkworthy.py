"""Check-worthiness: the kind of a claim, a score in [0, 1], and the reasons that produced it."""

from __future__ import annotations

import re

from workbench.domain.claims import ClaimKind
from workbench.domain.facets import Facets
from workbench.extract.quotes import is_direct_speech

OPINION = re.compile(
    r"\b(?:I|we)\s+(?:think|believe|feel|hope|guess|suspect)\b|\bin\s+(?:my|our)\s+(?:view|opinion)\b"
    r"|\b(?:should|ought\s+to|must)\s+(?:be|have|not|never|always|\w+)\b|\b(?:arguably|frankly|clearly|surely|"
    r"hopefully|sadly|unfortunately|fortunately|disappointing|shameful|outrageous|brilliant|terrible|awful|"
    r"wonderful|amazing|best|worst|greatest|remarkable|impressive|bold|savvy|smart|foolish)\b",
    re.IGNORECASE,
)
PREDICTION = re.compile(
    r"\b(?:will|would|could|may|might|shall)\s+(?:likely\s+|probably\s+|soon\s+|eventually\s+)?\w+"
    r"|\b(?:is|are|was|were)\s+(?:expected|likely|set|poised|forecast|projected|predicted|due)\s+to\b"
    r"|\b(?:forecasts?|projects?|predicts?|expects?|anticipates?)\b|\bgoing\s+to\b|\bin\s+the\s+(?:coming|next)\b",
    re.IGNORECASE,
)
IRREGULAR_PAST = frozenset("""
began begun became bought brought built came chose did drew fell flew fought found gave went grew held hit hired
kept knew led left lost made met paid put quit ran rose sent set shut sold spent split spoke stood struck took
threw won wrote told said cut sank shot stole swore taught thought tore understood woke wound
""".split())
_WORDS = re.compile(r"[a-z]+")


def _has_event_verb(low_text: str) -> bool:
    """A past-tense or perfect verb: something happened."""
    for word in _WORDS.findall(low_text):
        if (len(word) > 4 and word.endswith("ed") and word not in ("need", "indeed", "speed", "seed", "feed"))\
                or word in IRREGULAR_PAST:
            return True
    return False


_OPINION_HINTS = ("think", "believe", "feel", "hope", "guess", "suspect", "view", "opinion", "should", "ought",
                  "must", "ly ", "disappoint", "shame", "outrage", "brilliant", "terrible", "awful", "wonderful",
                  "amazing", "best", "worst", "greatest", "remarkable", "impressive", "bold", "savvy", "smart",
                  "foolish", "ly,")
_PREDICTION_HINTS = ("will", "would", "could", "may", "might", "shall", "expect", "likely", "set to", "poised",
                     "forecast", "project", "predict", "due to", "anticipat", "going to", "coming", "next")
HEDGED = re.compile(r"\b(?:reportedly|allegedly|rumou?red|purportedly|apparently|said\s+to\s+be|is\s+said\s+to)\b",
                    re.IGNORECASE)
CONDITIONAL = re.compile(r"^\s*(?:if|unless|whether)\b", re.IGNORECASE)


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
    if HEDGED.search(text):
        reasons.append("hedged (reportedly/allegedly)")
    low_text = text.lower()
    opinion = OPINION.search(text) if any(w in low_text for w in _OPINION_HINTS) else None
    prediction = PREDICTION.search(text) if any(w in low_text for w in _PREDICTION_HINTS) else None
    event = _has_event_verb(low_text)
    if CONDITIONAL.search(text):
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
        reasons.append(f"opinion wording ({opinion.group(0)})" if opinion else "opinion")
    if kind is ClaimKind.PREDICTION or (prediction and not event and kind is not ClaimKind.QUOTE):
        score -= 0.15
        reasons.append(f"about the future ({prediction.group(0)})" if prediction else "about the future")
    if not (facets.numbers or facets.dates or named_entities or direct or facets.attributions):
        reasons.append("no checkable detail")
    if len(text.split()) < 6:
        score -= 0.1
        reasons.append("very short")
    return kind, round(max(0.0, min(1.0, score)), 3), reasons
