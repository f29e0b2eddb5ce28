"""Direct quotes in a sentence and who said them (both orders, curly and straight marks)."""

from __future__ import annotations

import re

from workbench.domain.facets import QuoteFacet
from workbench.extract.lexicon import NOT_NAMES, PERSON_TITLES, SPEECH_VERBS

_NAME = r"(?:[A-Z][\w'’.-]*(?:\s+(?:(?:de|van|von|al|bin|da|di|del|la|le)\s+)?[A-Z][\w'’.-]*){0,3})"
_PRONOUN = r"(?:he|she|they|He|She|They)"
_SPEAKER = rf"(?P<who>{_NAME}|{_PRONOUN}|(?:the|a|an|The|A|An)\s+(?:[a-z-]+\s+){{0,2}}(?:spokes\w+|official|" \
           rf"statement|company|ministry|agency|minister|executive|analyst|source|report|government|firm))"
_VERB = rf"(?:{SPEECH_VERBS})"
# After the closing mark: ', said Alex Capri' / ', Capri said' / ' he added'.
SPEAKER_AFTER = (re.compile(rf"[,.]?\s*{_VERB}\s+{_SPEAKER}"),
                 re.compile(rf"[,.]?\s*{_SPEAKER}\s+(?:also\s+|later\s+)?{_VERB}\b"))
# Before the opening mark: 'Capri said: ' / 'Capri added, ' / 'according to Capri, '.
SPEAKER_BEFORE = re.compile(rf"{_SPEAKER}(?:,[^,“”\"]{{1,60}},)?\s+(?:also\s+|later\s+)?{_VERB}(?:\s+\w+){{0,6}}?"
                            rf"\s*[,:]?\s*$")
ACCORDING_AFTER = re.compile(rf"[,.]?\s*according\s+to\s+{_SPEAKER}")

PAIRS = {"“": "”", "«": "»", "„": "“"}


_OPENERS = re.compile(r'[“«„"‘]')


def quote_spans(text: str) -> list[tuple[int, int]]:
    """[start, end) of the words inside each top-level quotation (marks excluded). Linear scan."""
    spans: list[tuple[int, int]] = []
    pos, n = 0, len(text)
    while True:
        match = _OPENERS.search(text, pos)
        if match is None:
            break
        i = match.start()
        ch = text[i]
        if ch == "‘":
            if i > 0 and text[i - 1].isalnum():
                pos = i + 1
                continue
            close = _single_close(text, i + 1)
            if close is None:
                pos = i + 1
                continue
        else:
            close = text.find(PAIRS.get(ch, '"'), i + 1)
            if close == -1:
                close = n
        spans.append((i + 1, close))
        pos = close + 1
    return [(s, e) for s, e in spans if e > s and text[s:e].strip()]


def _single_close(text: str, start: int) -> int | None:
    """A closing ’ that is not an apostrophe (not followed by a letter), within 300 characters."""
    pos = start
    limit = min(len(text), start + 300)
    while True:
        pos = text.find("’", pos, limit)
        if pos == -1:
            return None
        if pos + 1 >= len(text) or not text[pos + 1].isalpha():
            return pos
        pos += 1


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:"):
        end -= 1
    return start, end


def find_speaker(text: str, start: int, end: int) -> str | None:
    """The speaker named next to the quotation text[start:end] (marks just outside), if any."""
    after = text[end + 1:end + 120]
    match = SPEAKER_AFTER[0].match(after) or SPEAKER_AFTER[1].match(after) or ACCORDING_AFTER.match(after)
    if match:
        return match.group("who")
    before = text[max(0, start - 1 - 160):max(0, start - 1)]
    match = SPEAKER_BEFORE.search(before)
    if match:
        return match.group("who")
    return None


def parse_quotes(text: str, offset: int = 0, previous_speaker: str | None = None) -> list[QuoteFacet]:
    """Quote facets of ``text``; a pronoun or missing speaker falls back to ``previous_speaker``."""
    found = []
    for raw_start, raw_end in quote_spans(text):
        start, end = _trim(text, raw_start, raw_end)
        if end <= start:
            continue
        speaker = find_speaker(text, raw_start, raw_end)
        if speaker and speaker.split()[0] in NOT_NAMES and not re.fullmatch(_PRONOUN, speaker):
            speaker = None
        speaker = _without_title(speaker)
        if speaker and re.fullmatch(_PRONOUN, speaker):
            speaker = previous_speaker
        if speaker is None and len(quote_spans(text)) >= 1 and _is_bare_quote(text, start, end):
            speaker = previous_speaker
        found.append(QuoteFacet(text=text[start:end], start=start + offset, end=end + offset, speaker=speaker))
    return found


def _without_title(speaker: str | None) -> str | None:
    """'Mayor Ann Lee' -> 'Ann Lee' (a title alone stays as it is)."""
    if not speaker:
        return speaker
    words = speaker.split()
    while len(words) > 1 and words[0] in PERSON_TITLES:
        words = words[1:]
    return re.sub(r"(?<=[a-z]{2})\.$", "", " ".join(words))


def _is_bare_quote(text: str, start: int, end: int) -> bool:
    """Whether the sentence is mostly the quotation itself (so the speaker is named nearby)."""
    return (end - start) >= 0.6 * len(text.strip())


def is_direct_speech(quote: QuoteFacet) -> bool:
    """A quotation that reports speech, not a scare-quoted term ("so-called 'values'")."""
    return quote.speaker is not None or len(quote.text.split()) >= 5
