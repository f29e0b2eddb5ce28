"""Is it the same fact? Same actors, same thing counted, the same words around the figure."""

from __future__ import annotations

import math
from functools import lru_cache

from workbench.crosscheck.terms import GENERIC_COUNTED, TermStats
from workbench.crosscheck.view import ClaimView, Figure, entity_key_words

# Minimum frame similarity for two figures to be read as the same quantity.
SAME_FIGURE = 0.20
# Counted nouns that differ ("49% stake" vs "49% of voters") need much stronger context to match.
COUNTED_MISMATCH_PENALTY = 0.5


@lru_cache(maxsize=4096)
def _keys_of(names: tuple[str, ...]) -> frozenset[str]:
    return frozenset(k for name in names for k in entity_key_words(name))


def actor_keys(view: ClaimView) -> frozenset[str]:
    """The tagged names a claim is about: without the outlets and agencies it cites ("told Reuters",
    "according to AFP"), which say who reported the fact, not whose fact it is."""
    cited = tuple(att.origin for att in view.attributions if att.origin and att.kind in ("outlet", "agency"))
    return view.story_keys - _keys_of(cited) if cited else view.story_keys


def same_actors(a: ClaimView, b: ClaimView) -> bool:
    """False only when both claims name actors and none is shared ("Meta" vs "Amazon"), unless one names
    someone the other's source names too: "residents of Corsdale" and "around the Redfern warehouse" in two
    reports of the Corsdale warehouse fire."""
    keys_a, keys_b = actor_keys(a), actor_keys(b)
    known = bool(keys_a & b.source_names) or bool(keys_b & a.source_names)
    if keys_a and keys_b:   # names the extractor tagged decide; capitalised words only fill in
        return bool(keys_a & keys_b) or known
    if not a.entities or not b.entities:
        return True
    return bool(a.entities & b.entities) or known


def frame_similarity(x: dict[str, float], y: dict[str, float], stats: TermStats) -> float:
    if not x or not y:
        return 0.0
    wx = {t: w * stats.idf(t) for t, w in x.items()}
    wy = {t: w * stats.idf(t) for t, w in y.items()}
    dot = sum(w * wy[t] for t, w in wx.items() if t in wy)
    if not dot:
        return 0.0
    return dot / (math.sqrt(sum(w * w for w in wx.values())) * math.sqrt(sum(w * w for w in wy.values())))


def _weighted_cosine(fa: Figure, fb: Figure) -> float:
    x, y = (fa.weighted, fb.weighted) if len(fa.weighted) <= len(fb.weighted) else (fb.weighted, fa.weighted)
    dot = sum(w * y[t] for t, w in x.items() if t in y)
    return dot / (fa.norm * fb.norm) if dot else 0.0


def shared_frame_words(x: dict[str, float], y: dict[str, float]) -> list[str]:
    return sorted(set(x) & set(y), key=lambda t: -(x[t] + y[t]))


def figure_match(fa: Figure, fb: Figure, stats: TermStats) -> float:
    """How surely two figures measure the same thing (0..1); 0 when units differ."""
    ra, rb = fa.reading, fb.reading
    unit_a = getattr(ra, "unit", None)
    unit_b = getattr(rb, "unit", None)
    if (unit_a or None) != (unit_b or None):
        return 0.0
    if fa.names and fb.names and not (fa.names & fb.names):
        return 0.0   # "$19 billion for WhatsApp" and "$14.3 billion for Scale" are different deals
    score = _weighted_cosine(fa, fb) if fa.norm and fb.norm else frame_similarity(fa.frame, fb.frame, stats)
    if fa.counted and fb.counted:
        if fa.counted == fb.counted:
            if fa.counted not in GENERIC_COUNTED:   # "people" counted twice says nothing: a town's, a toll's
                score = min(1.0, score + 0.25)
        elif fa.counted in fb.frame or fb.counted in fa.frame:
            score = min(1.0, score + 0.15)   # "a passenger ferry carrying 214 people" and "210 passengers"
        elif fa.counted not in GENERIC_COUNTED and fb.counted not in GENERIC_COUNTED:
            score *= COUNTED_MISMATCH_PENALTY
    return score


def anchors_agree(fa: Figure, fb: Figure, stats: TermStats, ratio: float = 0.5) -> bool:
    """The strongest shared context word is among the strongest words on both sides (or the counted noun is
    the same, of the same named person or with one more word in common).

    "would value Scale AI near $25 billion" and "investing $14.3 billion" share "invest", but on the first side
    it is a distant word while "value" is the predicate: not the same quantity.
    """
    wa = fa.weighted or {t: w * stats.idf(t) for t, w in fa.frame.items()}
    wb = fb.weighted or {t: w * stats.idf(t) for t, w in fb.frame.items()}
    if fa.counted and fa.counted == fb.counted and fa.counted not in GENERIC_COUNTED:
        # the same thing counted, of the same person named next to it (Marten's "age") or with something more
        # said of it on both sides ("1,200 residents from their homes" and "1,500 residents remain out of
        # their homes"), not "two residents told the paper"
        return bool(fa.names & fb.names) or bool((set(wa) & set(wb)) - {fa.counted} - GENERIC_COUNTED)
    wa = {t: w for t, w in wa.items() if t not in GENERIC_COUNTED}
    wb = {t: w for t, w in wb.items() if t not in GENERIC_COUNTED}
    shared = set(wa) & set(wb)
    if not shared:
        return False
    top_a, top_b = max(wa.values()), max(wb.values())
    return any(wa[t] >= ratio * top_a and wb[t] >= ratio * top_b for t in shared)
