"""Highlighted snippets: the passage of a text that best matches a query, matched words marked «like this»."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from typing import NamedTuple

from whoosh.lang.porter import stem
from whoosh.query import Query

MARK_OPEN, MARK_CLOSE = "«", "»"
SNIPPET_CHARS = 220
# Fields whose words appear in the text we show.
TEXT_FIELDS = {"title", "body", "text", "entities"}

_WORD_RE = re.compile(r"\d+(?:[.,]\d+)*|\w+")
_LETTER_WORD = re.compile(r"[^\W\d]\w*")
_DIGIT = re.compile(r"\d")
_IN_WORD = re.compile(r"[\w.,]")
# The only characters that match an ASCII letter when case is ignored without lower-casing to it one for one
# (found by trying every code point): where they occur, lower-cased text would hide a match.
_FOLDS_TO_ASCII = re.compile("[\u0130\u0131\u017f\u212a]")


def query_words(query: Query) -> tuple[set[str], list[re.Pattern]]:
    """The stems and wildcard patterns of a query's words in text fields (phrases give their words)."""
    stems: set[str] = set()
    patterns: list[re.Pattern] = []
    for fieldname, text in query.iter_all_terms(phrases=True):
        if fieldname not in TEXT_FIELDS:
            continue
        text = text.decode("utf-8", "replace") if isinstance(text, bytes) else str(text)
        text = text.lower()
        if "*" in text or "?" in text:
            patterns.append(_wildcard(text))
        else:
            stems.add(text)
    # A Prefix query gives its prefix as a term: mark the words that start with it.
    for leaf in query.leaves():
        if type(leaf).__name__ == "Prefix" and leaf.fieldname in TEXT_FIELDS:
            stems.discard(str(leaf.text).lower())
            patterns.append(re.compile(re.escape(str(leaf.text).lower()) + r"\w*\Z"))
    return stems, patterns


def _wildcard(text: str) -> re.Pattern:
    return re.compile("".join(r"\w*" if ch == "*" else r"\w" if ch == "?" else re.escape(ch) for ch in text) + r"\Z")


@lru_cache(maxsize=20000)
def _stem(word: str) -> str:
    return stem(word)


class _Scan(NamedTuple):
    regex: re.Pattern           # finds the words that may match
    check_starts: bool = False  # whether each found word must be checked with `_starts_word`
    skip: re.Pattern | None = None  # the words' literal starts alone, to search the lower-cased text for


@lru_cache(maxsize=256)
def _candidates(stems: frozenset[str], patterns: tuple[str, ...]) -> _Scan:
    """How to find the words that may match: those starting like a stem (Porter keeps a prefix of the word, except
    a final y that becomes i) or like a wildcard's literal start, so a long body is scanned by the regex engine,
    not word by word. With wildcards the regex finds the words ``_WORD_RE`` splits."""
    prefixes = {s[:-1] if s.endswith("i") and len(s) > 1 else s for s in stems}
    if not patterns:
        if not prefixes:
            return _Scan(_WORD_RE)
        alternatives = "|".join(re.escape(p) for p in sorted(prefixes, key=len, reverse=True))
        return _Scan(re.compile(r"(?<!\w)(?:%s)(?:[.,]?\w)*" % alternatives, re.IGNORECASE),
                     skip=_skipper(prefixes, alternatives))
    # With wildcards every word used to be read, so the stems' starts must hold for all the stemmer does: it may
    # also add an e ("firing" -> "fire") or turn "bili" into "bl" ("visibility" -> "visibl").
    prefixes = {_word_start(s) for s in stems} | {_literal_start(p) for p in patterns}
    if not all(_LETTER_WORD.fullmatch(p) for p in prefixes):
        return _Scan(_WORD_RE)
    alternatives = "|".join(re.escape(p) for p in sorted(prefixes, key=len, reverse=True))
    # A letter right after a digit may start a word ("5km"): `_starts_word` checks those matches.
    return _Scan(re.compile(r"(?<![^\W\d])(?:%s)\w*" % alternatives, re.IGNORECASE), True,
                 _skipper(prefixes, alternatives))


def _word_start(stemmed: str) -> str:
    """What every word stemming to ``stemmed`` starts with (checked on 144,000 distinct words)."""
    if len(stemmed) > 1 and stemmed[-1] in "ei":
        stemmed = stemmed[:-1]
    return stemmed[:-1] if stemmed.endswith("bl") else stemmed


def _skipper(prefixes: set[str], alternatives: str) -> re.Pattern | None:
    # The regexes above ignore case and open with a lookbehind, which keeps Python's regex engine from jumping to
    # the literal starts; a case-sensitive search of the lower-cased text finds them 3-4x faster.
    if all(p.isascii() and p == p.lower() for p in prefixes):
        return re.compile(alternatives)
    return None


def _finditer(scan: _Scan, text: str) -> Iterator[re.Match]:
    """``scan.regex.finditer(text)``, jumping from one possible start to the next when the text allows."""
    if scan.skip is None or _FOLDS_TO_ASCII.search(text):
        yield from scan.regex.finditer(text)
        return
    lowered = text.lower()
    pos = 0
    while (hit := scan.skip.search(lowered, pos)) is not None:
        match = scan.regex.match(text, hit.start())   # its lookbehind still sees the text before the start
        if match is None:
            pos = hit.start() + 1
        else:
            yield match
            pos = match.end()


def _literal_start(pattern: str) -> str:
    """The letters a wildcard pattern (built by `_wildcard` or for a prefix) must start with."""
    out = []
    i = 0
    while i < len(pattern) and not pattern.startswith("\\w", i):
        if pattern[i] == "\\":
            i += 1
        out.append(pattern[i:i + 1])
        i += 1
    return "".join(out)


def _starts_word(text: str, start: int) -> bool:
    """Whether ``_WORD_RE`` starts a word at ``start`` (after a digit only when a number ends there)."""
    if start == 0 or not _DIGIT.match(text, start - 1):
        return True
    k = start
    while k > 0 and _IN_WORD.match(text, k - 1):
        k -= 1
    return any(m.start() == start for m in _WORD_RE.finditer(text, k, start + 1))


def match_spans(text: str, stems: set[str], patterns: list[re.Pattern]) -> list[tuple[int, int, str]]:
    """(start, end, matched term) of the words of ``text`` that the query matches."""
    spans = []
    if not stems and not patterns:
        return spans
    scan = _candidates(frozenset(stems), tuple(p.pattern for p in patterns))
    for match in _finditer(scan, text):
        if scan.check_starts and not _starts_word(text, match.start()):
            continue
        word = match.group(0).lower()
        key = None
        if word in stems:
            key = word
        else:
            stemmed = _stem(word)
            if stemmed in stems:
                key = stemmed
            else:
                for pattern in patterns:
                    if pattern.match(word):
                        key = pattern.pattern
                        break
        if key is not None:
            spans.append((match.start(), match.end(), key))
    return spans


def best_window(text: str, spans: list[tuple[int, int, str]], width: int = SNIPPET_CHARS) -> tuple[int, int]:
    """The window of about ``width`` characters holding the most different matched terms (then the most hits)."""
    if not spans or len(text) <= width:
        return 0, min(len(text), width)
    best, best_score = 0, (-1, -1)
    j = 0
    for i, (start, _end, _key) in enumerate(spans):
        while j < len(spans) and spans[j][1] <= start + width:
            j += 1
        inside = spans[i:j]
        score = (len({key for *_, key in inside}), len(inside))
        if score > best_score:
            best, best_score = i, score
    first = spans[best][0]
    # Start a little before the first match, at a word boundary, so the match has some context.
    start = max(0, first - width // 4)
    if start > 0:
        space = text.find(" ", start, first)
        start = space + 1 if space != -1 else start
    end = min(len(text), start + width)
    if end < len(text):
        space = text.rfind(" ", spans[best][1], end)
        end = space if space != -1 else end
    return start, end


def highlight(text: str, query_terms: tuple[set[str], list[re.Pattern]], width: int = SNIPPET_CHARS) -> str:
    """The best passage of ``text`` on one line, matched words between « and »."""
    text = text or ""
    spans = match_spans(text, *query_terms)
    start, end = best_window(text, spans, width)
    out = []
    pos = start
    for s, e, _key in spans:
        if s < start or e > end:
            continue
        out.append(text[pos:s])
        out.append(f"{MARK_OPEN}{text[s:e]}{MARK_CLOSE}")
        pos = e
    out.append(text[pos:end])
    snippet = " ".join("".join(out).split())
    return ("…" if start > 0 else "") + snippet + ("…" if end < len(text) else "")
