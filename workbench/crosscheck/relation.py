"""The relation between two claims of different sources: corroborates, conflicts or related, with reasons."""

from __future__ import annotations

from dataclasses import dataclass, field

from workbench.crosscheck.compare_dates import DateVerdict, When, compare_dates, same_grain
from workbench.crosscheck.compare_numbers import Reading, Verdict, compare_readings
from workbench.crosscheck.same_fact import (
    SAME_FIGURE,
    actor_keys,
    anchors_agree,
    figure_match,
    same_actors,
    shared_frame_words,
)
from workbench.crosscheck.terms import TermStats, cosine, stem
from workbench.crosscheck.view import ClaimView, Figure
from workbench.domain.claims import Relation

# A conflict needs the figures' context to match more surely than an agreement does:
# wrongly flagging a conflict costs a user more than missing a repetition.
CONFLICT_FIGURE = 0.28
# Claims without comparable figures corroborate when their wording is this close.
TEXT_CORROBORATES = 0.50
TEXT_RELATED = 0.35
MIN_SHARED_TERMS = 4
# Lists of parties are compared only when the rest of the two sentences is this alike.
NAMES_CONTEXT = 0.5
# The very same figure, written the same way, needs less context to count as the same fact.
IDENTICAL_FIGURE = 0.10


def _same_relative_words(wa, wb) -> bool:
    """Both say the same relative words ("later this month", "a year earlier"): read against two publication
    dates they resolve apart, but the sources said the same thing (often one is a copy printed days later)."""
    return wa.relative and wb.relative and " ".join(wa.text.lower().split()) == " ".join(wb.text.lower().split())


def _identical(ra: Reading, rb: Reading) -> bool:
    return ra.value == rb.value and ra.bound == rb.bound and ra.unit == rb.unit


@dataclass
class Proposal:
    relation: Relation
    reasons: list[str]
    details: dict
    score: float
    pairs: list[dict] = field(default_factory=list)


def _text_similarity(a: ClaimView, b: ClaimView) -> float:
    if not (a.vector_norm and b.vector_norm):
        return cosine(a.vector, b.vector)
    x, y = (a.vector, b.vector) if len(a.vector) <= len(b.vector) else (b.vector, a.vector)
    dot = sum(w * y[t] for t, w in x.items() if t in y)
    return dot / (a.vector_norm * b.vector_norm) if dot else 0.0


def _word_for(view: ClaimView, stem: str) -> str:
    for tok in view.tokens:
        if tok.stem == stem and tok.is_content:
            return tok.text.lower()
    return stem


def _what(view: ClaimView, fa: Figure, fb: Figure) -> str:
    if fa.counted and fa.counted == fb.counted:
        return _word_for(view, fa.counted)
    shared = shared_frame_words(fa.frame, fb.frame)
    return ", ".join(_word_for(view, s) for s in shared[:2])


def _span(reading: Reading | When) -> dict:
    return {"text": reading.text, "start": reading.start, "end": reading.end}


def _same_moment(fa: Figure, fb: Figure) -> bool:
    """The very same day or clock time, in frames that share a word: "announced the agreement on December 29"
    and "announced the deal on December 29"."""
    wa, wb = fa.reading, fb.reading
    precise = ("day", "datetime", "time")
    return (isinstance(wa, When) and isinstance(wb, When) and wa.grain == wb.grain and wa.grain in precise
            and wa.label() == wb.label() and bool(set(fa.frame) & set(fb.frame)))


def _assign(a_figs: list[Figure], b_figs: list[Figure], stats: TermStats, floor: float):
    """Pair figures greedily by how surely they measure the same thing (equal values win ties); each is used once."""
    scored = []
    for i, fa in enumerate(a_figs):
        for j, fb in enumerate(b_figs):
            m = figure_match(fa, fb, stats)
            if m < SAME_FIGURE and _same_moment(fa, fb):
                m = SAME_FIGURE
            if m >= floor:
                same = getattr(fa.reading, "value", None) == getattr(fb.reading, "value", None)
                scored.append((m, same, -i, -j))
    scored.sort(reverse=True)
    used_a, used_b, out = set(), set(), []
    for m, _same, i, j in scored:
        i, j = -i, -j
        if i in used_a or j in used_b:
            continue
        used_a.add(i)
        used_b.add(j)
        out.append((m, a_figs[i], b_figs[j]))
    return out


def compare_claims(a: ClaimView, b: ClaimView, stats: TermStats) -> Proposal | None:
    """The relation a reader would draw between two claims, or None when they are about different things."""
    if a.source_id == b.source_id:
        return None
    text_sim = _text_similarity(a, b)
    # Different actors ("Meta" vs "Amazon") rule out a conflict and a wording match; equal figures in matching
    # contexts still corroborate, since long sentences often name the parties differently.
    actors = same_actors(a, b)
    pairs: list[dict] = []
    conflicts: list[str] = []
    agreements: list[str] = []
    compatible: list[str] = []
    best = 0.0

    for m, fa, fb in _assign(a.numbers, b.numbers, stats, IDENTICAL_FIGURE):
        if m < SAME_FIGURE and not _identical(fa.reading, fb.reading):
            continue
        ra, rb = fa.reading, fb.reading
        verdict = compare_readings(ra, rb)
        if verdict is Verdict.CONFLICT and (m < CONFLICT_FIGURE or not actors
                                            or not anchors_agree(fa, fb, stats)):
            verdict = Verdict.COMPATIBLE
        what = _what(a, fa, fb)
        line = f"number: {ra.text} vs {rb.text}" + (f" ({what})" if what else "")
        if verdict is Verdict.CONFLICT and fa.earlier != fb.earlier:
            verdict = Verdict.COMPATIBLE   # "last valued at $14 billion" is not news contradicting "$29 billion"
            line += ", an earlier figure against a new one"
        pairs.append({"kind": "number", "verdict": str(verdict), "what": what, "match": round(m, 3),
                      "a": _span(ra), "b": _span(rb)})
        best = max(best, m)
        {Verdict.CONFLICT: conflicts, Verdict.AGREE: agreements, Verdict.COMPATIBLE: compatible}[verdict].append(
            line if verdict is not Verdict.COMPATIBLE else line + " (compatible)")

    for m, fa, fb in _assign(a.dates, b.dates, stats, IDENTICAL_FIGURE):
        wa, wb = fa.reading, fb.reading
        if m < SAME_FIGURE and not (wa.grain == wb.grain and wa.label() == wb.label()):
            continue
        verdict = compare_dates(wa, wb)
        if verdict is DateVerdict.UNRELATED:
            continue
        if verdict is DateVerdict.CONFLICT and (m < CONFLICT_FIGURE or not actors or not same_grain(wa, wb)
                                                or not anchors_agree(fa, fb, stats) or _same_relative_words(wa, wb)):
            continue
        kind = "time" if "time" in (wa.grain, wb.grain) else "date"
        what = _what(a, fa, fb)
        line = f"{kind}: {wa.text} vs {wb.text}" + (f" ({what})" if what else "")
        pairs.append({"kind": kind, "verdict": "conflict" if verdict is DateVerdict.CONFLICT else "agree",
                      "what": what, "match": round(m, 3), "a": _span(wa), "b": _span(wb),
                      "resolved": [wa.label(), wb.label()]})
        best = max(best, m)
        (conflicts if verdict is DateVerdict.CONFLICT else agreements).append(line)

    names = _compare_name_lists(a, b) if actors and not (conflicts or agreements) else None
    if names is not None:
        verdict, la, lb = names
        line = f"names: {', '.join(la)} vs {', '.join(lb)}"
        pairs.append({"kind": "name", "verdict": verdict, "a": list(la), "b": list(lb)})
        (conflicts if verdict == "conflict" else agreements).append(line)

    def made(relation: Relation, reasons: list[str], score: float) -> Proposal:
        return Proposal(relation, reasons, _details(a, b, pairs, text_sim), score, pairs)

    if conflicts and a.negated and b.negated:
        # "did not respond on Monday" and "did not respond on Sunday" can both be true
        return made(Relation.RELATED, [c + " (both sides negated)" for c in conflicts] + agreements, best)
    if conflicts:
        return made(Relation.CONFLICTS, conflicts + agreements, best)
    if agreements:
        if a.negated != b.negated and text_sim >= TEXT_RELATED:
            return made(Relation.RELATED, agreements + ["one side is negated"], best)
        return made(Relation.CORROBORATES, agreements, best)
    shared = len(set(a.vector) & set(b.vector))
    if not actors:
        if text_sim >= TEXT_CORROBORATES:
            return made(Relation.RELATED, [f"similar wording ({text_sim:.0%}) but different actors"], text_sim)
        return None
    if text_sim >= TEXT_CORROBORATES and shared >= MIN_SHARED_TERMS and not compatible:
        if _names_differ(a, b):   # "Football clubs in Zennwick ..." and "... in Zennhaven ...": a template
            return made(Relation.RELATED, [f"similar wording ({text_sim:.0%}) about different names"], text_sim)
        if a.negated != b.negated:
            return made(Relation.RELATED, [f"similar wording ({text_sim:.0%}), one side is negated"], text_sim)
        return made(Relation.CORROBORATES, [f"same statement: {shared} shared key terms ({text_sim:.0%})"], text_sim)
    if compatible or text_sim >= TEXT_RELATED:
        reasons = compatible or [f"related wording ({text_sim:.0%})"]
        return made(Relation.RELATED, reasons, max(best, text_sim))
    return None


def _names_differ(a: ClaimView, b: ClaimView) -> bool:
    """Each claim tags a name the other does not mention at all (a cited outlet is no such name)."""
    return bool(actor_keys(a) - b.entities) and bool(actor_keys(b) - a.entities)


def _name_key(name: str) -> str:
    return " ".join(w for w in name.casefold().replace("’", "'").split() if w not in ("the", "inc", "inc."))


def _compare_name_lists(a: ClaimView, b: ClaimView):
    """Two lists of parties in otherwise matching sentences: the same set, or one member swapped."""
    if not a.name_lists or not b.name_lists:
        return None
    names_a = {stem(w) for lst in a.name_lists for n in lst for w in n.split()}
    names_b = {stem(w) for lst in b.name_lists for n in lst for w in n.split()}
    rest_a = {t: w for t, w in a.vector.items() if t not in names_a}
    rest_b = {t: w for t, w in b.vector.items() if t not in names_b}
    if cosine(rest_a, rest_b) < NAMES_CONTEXT:
        return None
    best = None
    for la in a.name_lists:
        for lb in b.name_lists:
            ka, kb = {_name_key(n) for n in la}, {_name_key(n) for n in lb}
            shared = len(ka & kb)
            if not shared:
                continue
            if best is None or shared > best[0]:
                best = (shared, ka == kb, la, lb)
    if best is None:
        return None
    _, same, la, lb = best
    return ("agree" if same else "conflict"), la, lb


def _details(a: ClaimView, b: ClaimView, pairs: list[dict], text_sim: float) -> dict:
    """Everything the GUI needs to highlight the difference and order the two sides in time."""
    return {
        "pairs": pairs,
        "text_similarity": round(text_sim, 3),
        "published": {"a": a.published_label(), "b": b.published_label()},
    }
