"""Sentence spans of a body: a fast rule-based splitter that respects abbreviations, decimals and quotes."""

from __future__ import annotations

import re

# Words that end in a period without ending the sentence (compared lower-cased, without the period).
ABBREVIATIONS = frozenset("""
mr mrs ms dr prof sr jr st mt ft gen col lt sgt capt cmdr adm maj cpl pvt gov sen rep rev hon pres supt insp det
atty messrs mme mlle
inc corp co ltd plc llc bros dept univ assn est approx vs etc al cf fig no nos vol pp ed eds
jan feb mar apr jun jul aug sep sept oct nov dec
mon tue tues wed thu thur thurs fri sat sun
ave blvd rd hwy
ala ariz ark calif colo conn fla ill kan ky md mass mich minn miss mont neb nev okla ore tenn tex wash wis wyo
""".split())

# Dotted abbreviations like "U.S.", "a.m.", "e.g." never end a sentence here (a rare true ending is joined).
_DOTTED = re.compile(r"(?:\b[A-Za-z]\.){2,}$")
_INITIAL = re.compile(r"(?:^|[\s(\"“‘'])[A-Z]\.$")          # "J." in "Michael J. Fox"
_WORD_BEFORE = re.compile(r"([A-Za-z]+)\.$")

# A candidate end: terminal punctuation, closing quotes/brackets, then whitespace.
_CANDIDATE = re.compile(r"[.!?…]+[\"”’')\]]*(?=\s)")
_NEXT_START = re.compile(r"\s+([\"“‘'(\[]*)(\S)")

MAX_QUOTE_HOLD = 600     # a quote longer than this may be split (an unbalanced mark must not swallow a page)


def paragraph_spans(body: str) -> list[tuple[int, int]]:
    """[start, end) of every non-blank line, whitespace trimmed."""
    spans = []
    for match in re.finditer(r"[^\n]+", body):
        start, end = match.span()
        while start < end and body[start].isspace():
            start += 1
        while end > start and body[end - 1].isspace():
            end -= 1
        if end > start:
            spans.append((start, end))
    return spans


def _ends_with_abbreviation(text: str) -> bool:
    tail = text[-12:]
    if _DOTTED.search(tail) or _INITIAL.search(tail):
        return True
    match = _WORD_BEFORE.search(tail)
    return bool(match and match.group(1).lower() in ABBREVIATIONS)


def _quote_open(text: str, start: int, end: int) -> bool:
    """Whether a quotation opened in text[start:end] is still open at end (curly marks, else straight parity)."""
    segment = text[start:end]
    depth = segment.count("“") - segment.count("”")
    if depth > 0:
        return True
    if "“" in segment or "”" in segment:
        return False
    return segment.count('"') % 2 == 1


def split_paragraph(body: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence spans inside one paragraph."""
    spans = []
    sentence_start = start
    for match in _CANDIDATE.finditer(body, start, end):
        cut = match.end()
        punct = match.group(0)
        head = body[sentence_start:cut].rstrip("\"”’')]")
        nxt = _NEXT_START.match(body, cut, end)
        if nxt is None:
            continue
        first = nxt.group(2)
        if punct[0] == "." and _ends_with_abbreviation(head):
            continue
        if not (first.isupper() or first.isdigit() or nxt.group(1)):
            continue
        if cut - sentence_start < MAX_QUOTE_HOLD and _quote_open(body, sentence_start, cut):
            continue
        spans.append((sentence_start, cut))
        sentence_start = nxt.start(1)
    if sentence_start < end:
        spans.append((sentence_start, end))
    return spans


def sentence_spans(body: str) -> list[tuple[int, int]]:
    """[start, end) of each sentence of ``body``; paragraphs (lines) always end a sentence."""
    spans: list[tuple[int, int]] = []
    for start, end in paragraph_spans(body):
        spans.extend(split_paragraph(body, start, end))
    return spans
