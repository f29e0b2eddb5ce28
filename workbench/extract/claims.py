"""The claim extractor: sentences -> filtered, safely split spans -> facets, kind, score and reasons."""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left
from collections.abc import Mapping
from dataclasses import dataclass, field

from workbench.domain.claims import ClaimDraft
from workbench.domain.facets import EntityFacet, Facets
from workbench.extract.attribution import parse_attributions
from workbench.extract.boilerplate import boilerplate_reason, credit_spans, is_heading, is_question
from workbench.extract.checkworthy import assess
from workbench.extract.dates import parse_dates
from workbench.extract.entities import body_vocabulary, classify_candidates, entity_candidates
from workbench.extract.numbers import parse_numbers
from workbench.extract.quotes import parse_quotes
from workbench.extract.sentences import _quote_open, paragraph_spans, split_paragraph

MIN_SPLIT_WORDS = 4
SPEAKER_MEMORY = 2           # sentences a named speaker stays the default for bare quotes and pronouns
# Which attribution names a claim's origin when a sentence has several ("X told Reuters": Reuters).
ORIGIN_PRIORITY = {"agency": 0, "outlet": 1, "document": 2, "official": 3, "named": 4, "anonymous": 5}
MAX_CLAIM_CHARS = 1500     # a "sentence" longer than this is a run-on page (a list, a table); cut it at spaces
_WORD = re.compile(r"\S+")
_LEAD_IN = re.compile(r"^(?:according\s+to|citing|said|told\s+\w+)\s+", re.IGNORECASE)


@dataclass
class Context:
    """What one sentence hands to the next: the vocabulary and who spoke last."""

    published: dt.date | None
    vocabulary: dict[str, str]
    outlets: dict[str, str]
    surnames: dict[str, str] = field(default_factory=dict)
    entities: list[EntityFacet] = field(default_factory=list)    # of the whole body, in order
    entity_starts: list[int] = field(default_factory=list)
    previous_speaker: str | None = None
    speaker_age: int = 0         # sentences since the speaker was last named

    def entities_in(self, start: int, end: int) -> list[EntityFacet]:
        out = []
        for i in range(bisect_left(self.entity_starts, start), len(self.entities)):
            entity = self.entities[i]
            if entity.start >= end:
                break
            if entity.end <= end:
                out.append(entity)
        return out


def make_context(body: str, published: dt.date | None, vocabulary: Mapping[str, str] | None) -> Context:
    candidates = entity_candidates(body)
    vocab = body_vocabulary(body, vocabulary, candidates)
    outlets = {name: name for name, kind in vocab.items() if kind == "outlet"}
    surnames: dict[str, str] = {}
    for name, kind in vocab.items():
        parts = name.split()
        if kind == "person" and len(parts) > 1:
            surnames.setdefault(parts[-1], name)
    entities = classify_candidates(body, candidates, vocab)
    return Context(published=published, vocabulary=vocab, outlets=outlets, surnames=surnames, entities=entities,
                   entity_starts=[e.start for e in entities])


def facets_for_span(body: str, start: int, end: int, context: Context) -> Facets:
    """All facets of body[start:end], with absolute offsets inside the span."""
    text = body[start:end]
    dates = parse_dates(text, context.published, start)
    attributions = parse_attributions(text, start, context.outlets, context.vocabulary)
    # "two people familiar with the matter" counts sources, not a fact of the story
    skip = [(d.start, d.end) for d in dates] + [(a.start, a.end) for a in attributions if a.kind == "anonymous"]
    numbers = parse_numbers(text, start, skip=skip)
    entities = context.entities_in(start, end)
    quotes = parse_quotes(text, start, context.previous_speaker)
    quotes = [q if not q.speaker else type(q)(q.text, q.start, q.end, context.surnames.get(q.speaker, q.speaker))
              for q in quotes]
    return Facets(numbers=numbers, dates=dates, entities=entities, quotes=quotes, attributions=attributions)


def draft_for_span(body: str, start: int, end: int, context: Context) -> ClaimDraft:
    facets = facets_for_span(body, start, end, context)
    text = body[start:end]
    kind, score, reasons = assess(text, facets)
    speaker = next((q.speaker for q in facets.quotes if q.speaker), None)
    attribution = None
    ranked = sorted(facets.attributions, key=lambda a: ORIGIN_PRIORITY.get(a.kind, len(ORIGIN_PRIORITY)))
    if ranked:
        attribution = ranked[0].origin or _LEAD_IN.sub("", ranked[0].text)
    return ClaimDraft(start=start, end=end, text=text, kind=kind, score=score, reasons=reasons, speaker=speaker,
                      attribution=attribution, facets=facets)


def _remember_speaker(draft: ClaimDraft, context: Context) -> None:
    context.speaker_age += 1
    if context.speaker_age > SPEAKER_MEMORY:
        context.previous_speaker = None      # a quote far from any name gets no guessed speaker
    if draft.speaker:
        context.previous_speaker, context.speaker_age = draft.speaker, 0
        return
    named = [a.origin for a in draft.facets.attributions if a.kind == "named" and a.origin
             and context.vocabulary.get(a.origin) == "person"]
    people = [e.text for e in draft.facets.entities if e.type == "person"]
    if named:
        context.previous_speaker, context.speaker_age = context.surnames.get(named[-1], named[-1]), 0
    elif people:
        context.previous_speaker, context.speaker_age = context.surnames.get(people[-1], people[-1]), 0


def trim_span(body: str, start: int, end: int) -> tuple[int, int]:
    """Drop inline credits at either end of a sentence, and surrounding whitespace."""
    for credit_start, credit_end in reversed(credit_spans(body[start:end])):
        if not body[start + credit_end:end].strip():
            end = start + credit_start
        elif not body[start:start + credit_start].strip():
            start = start + credit_end
    while start < end and body[start].isspace():
        start += 1
    while end > start and body[end - 1].isspace():
        end -= 1
    return start, end


def safe_splits(body: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split a sentence at semicolons that join two independent statements (outside quotes and brackets)."""
    pieces = []
    piece_start = start
    for match in re.finditer(";", body[start:end]):
        cut = start + match.start()
        if _quote_open(body, start, cut) or body.count("(", start, cut) != body.count(")", start, cut):
            continue
        left = body[piece_start:cut]
        right = body[cut + 1:end]
        if len(_WORD.findall(left)) < MIN_SPLIT_WORDS or len(_WORD.findall(right)) < MIN_SPLIT_WORDS:
            continue
        pieces.append((piece_start, cut))
        piece_start = cut + 1
        while piece_start < end and body[piece_start].isspace():
            piece_start += 1
    pieces.append((piece_start, end))
    return pieces


def bounded(body: str, start: int, end: int) -> list[tuple[int, int]]:
    """Cut an over-long span into pieces of at most MAX_CLAIM_CHARS, at whitespace where possible."""
    pieces = []
    while end - start > MAX_CLAIM_CHARS:
        cut = body.rfind(" ", start + MAX_CLAIM_CHARS // 2, start + MAX_CLAIM_CHARS)
        if cut == -1:
            cut = start + MAX_CLAIM_CHARS
        pieces.append((start, cut))
        start = cut
        while start < end and body[start].isspace():
            start += 1
    if end > start:
        pieces.append((start, end))
    return pieces


def claim_spans(body: str) -> list[tuple[int, int]]:
    """The spans of ``body`` that are candidate claims, in order (before facets and scoring)."""
    spans = []
    for para_start, para_end in paragraph_spans(body):
        paragraph = body[para_start:para_end]
        if boilerplate_reason(paragraph) or is_heading(paragraph):
            continue
        for sent_start, sent_end in split_paragraph(body, para_start, para_end):
            sent_start, sent_end = trim_span(body, sent_start, sent_end)
            sentence = body[sent_start:sent_end]
            if not sentence or boilerplate_reason(sentence) or is_question(sentence):
                continue
            if len(_WORD.findall(sentence)) < 3 and not any(ch.isdigit() for ch in sentence):
                continue
            for start, end in bounded(body, sent_start, sent_end):
                spans.extend(safe_splits(body, start, end))
    return spans


def extract_claims(body: str, published: dt.date | None = None,
                   vocabulary: Mapping[str, str] | None = None) -> list[ClaimDraft]:
    """Claims of an article body: pure, fast, ``text == body[start:end]``, facets inside each span."""
    if not body or not body.strip():
        return []
    context = make_context(body, published, vocabulary)
    drafts = []
    for start, end in claim_spans(body):
        draft = draft_for_span(body, start, end, context)
        drafts.append(draft)
        _remember_speaker(draft, context)
    return drafts
