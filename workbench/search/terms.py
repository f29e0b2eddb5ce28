"""Term positions of a text in one pass, exactly as a plain Whoosh analyser chain gives them.

The chain is RegexTokenizer | LowercaseFilter, then optionally StopFilter and StemFilter (our STEMMED and PLAIN
analysers). Whoosh runs a generator per filter and a Token object per word; for a rebuild that was a sixth of
the time. Any other analyser is left to Whoosh (`analysis_of` returns None).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable

from whoosh.analysis import LowercaseFilter, RegexTokenizer, StemFilter, StopFilter


@dataclass(frozen=True)
class Analysis:
    """What the chain does: the token regex, the stop rule (None: no StopFilter) and the stemmer (None: none)."""

    regex: object
    words: Callable[[str], list[str]] | None = None   # the regex's findall, when it has no groups to get in the way
    stops: frozenset[str] | None = None
    minsize: int = 0
    maxsize: int | None = None
    stem: Callable[[str], str] | None = None
    ignore: frozenset[str] = frozenset()


def analysis_of(analyzer) -> Analysis | None:
    """The Analysis equal to ``analyzer``, or None when it is not a chain this module reproduces."""
    items = list(getattr(analyzer, "items", None) or [])
    if len(items) < 2 or type(items[0]) is not RegexTokenizer or items[0].gaps:
        return None
    if type(items[1]) is not LowercaseFilter:
        return None
    fields: dict = {"regex": items[0].expression, "words": _findall(items[0].expression)}
    rest = items[2:]
    if rest and type(rest[0]) is StopFilter:
        if not rest[0].renumber:
            return None
        fields.update(stops=rest[0].stops, minsize=rest[0].min, maxsize=rest[0].max)
        rest = rest[1:]
    if rest and type(rest[0]) is StemFilter:
        if getattr(rest[0], "lang", None):
            return None
        fields.update(stem=lru_cache(maxsize=50_000)(rest[0].stemfn), ignore=frozenset(rest[0].ignore or ()))
        rest = rest[1:]
    return Analysis(**fields) if not rest else None


def term_positions(analysis: Analysis, text: str) -> dict[str, list[int]]:
    """{term: [positions]} as Whoosh indexes ``text`` (stop words removed and the rest renumbered from the first
    kept word's position, as StopFilter does)."""
    out: dict[str, list[int]] = {}
    stops, stem, ignore = analysis.stops, analysis.stem, analysis.ignore
    minsize, maxsize = analysis.minsize, analysis.maxsize
    pos = None
    if analysis.words is not None:
        found_words = analysis.words(text)
    else:
        found_words = [match.group(0) for match in analysis.regex.finditer(text)]
    for i, word in enumerate(found_words):
        word = word.lower()
        if stops is not None:
            if len(word) < minsize or (maxsize is not None and len(word) > maxsize) or word in stops:
                continue
            pos = i if pos is None else pos + 1
        else:
            pos = i
        if stem is not None and word not in ignore:
            word = stem(word)
        found = out.get(word)
        if found is None:
            out[word] = [pos]
        else:
            found.append(pos)
    return out


def _findall(regex) -> Callable[[str], list[str]] | None:
    """findall of the same pattern with its groups made non-capturing (findall returns the groups when there are
    any; Whoosh's word pattern has one). None when the pattern cannot be rewritten."""
    pattern = regex.pattern
    if not isinstance(pattern, str):
        return None
    out, i, in_class = [], 0, False
    while i < len(pattern):
        char = pattern[i]
        if char == "\\":
            out.append(pattern[i:i + 2])
            i += 2
            continue
        if in_class:
            in_class = char != "]" or pattern[i - 1] == "["
        elif char == "[":
            in_class = True
        elif char == "(" and not pattern.startswith("?", i + 1):
            char = "(?:"
        out.append(char)
        i += 1
    try:
        plain = re.compile("".join(out), regex.flags)
    except re.error:
        return None
    return plain.findall if plain.groups == 0 else None
