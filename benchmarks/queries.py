"""The fixed search mix: the same questions written in the workbench's Whoosh syntax and in SQLite FTS5 syntax."""

from __future__ import annotations

import random
from dataclasses import dataclass

from benchmarks.generator import Corpus


@dataclass(frozen=True)
class QueryPair:
    kind: str      # term | words | phrase | prefix | or | not | outlet
    whoosh: str
    fts5: str


_PHRASES = ("death toll", "power lines", "press officer", "emergency shelters", "faulty part", "pay rise",
            "personal data", "closing price", "investigators", "shopping", "town hall", "fire service")
_PREFIXES = ("evacuat", "derail", "recall", "strik", "breach", "invest", "flood", "acqui")
_OR_PAIRS = (("flood", "storm"), ("fire", "blaze"), ("strike", "walkout"), ("recall", "fault"),
             ("hackers", "breach"), ("takeover", "acquisition"))
_NOT_PAIRS = (("fire", "chemical"), ("train", "freight"), ("profit", "airline"), ("storm", "coastal"),
              ("strike", "teachers"), ("recall", "cars"))
_TYPE_WORD = {"fire": "fire", "derailment": "train", "acquisition": "deal", "earnings": "profit",
              "storm": "storm", "strike": "strike", "recall": "recall", "breach": "breach"}


def _fts_words(words: list[str]) -> str:
    # The workbench's default group is OR with a bonus for matching more words; FTS5's bm25 over OR ranks alike.
    return " OR ".join(words)


def query_mix(corpus: Corpus, size: int = 48, seed: int = 7) -> list[QueryPair]:
    """A deterministic mix of user-like queries over the corpus's own names and words."""
    rng = random.Random(f"{corpus.seed}:queries:{seed}")
    articles = corpus.articles
    picks = [articles[rng.randrange(len(articles))] for _ in range(size)]
    out: list[QueryPair] = []
    kinds = ("term", "words", "phrase", "prefix", "or", "not", "outlet", "words")
    for i, art in enumerate(picks):
        kind = kinds[i % len(kinds)]
        place = art.paragraphs[0].split("(")[0].strip().title() if "(" in art.paragraphs[0][:40] else None
        title_words = [w.strip(",:;.'\"").lower() for w in art.title.split()]
        names = [w for w in title_words if len(w) > 4 and w.isalpha()]
        if kind == "term":
            word = names[0] if names else _TYPE_WORD[art.event_type]
            out.append(QueryPair(kind, word, word))
        elif kind == "words":
            words = (names[:1] or [place or "town"]) + [_TYPE_WORD[art.event_type]]
            out.append(QueryPair(kind, " ".join(words), _fts_words(words)))
        elif kind == "phrase":
            phrase = rng.choice(_PHRASES)
            out.append(QueryPair(kind, f'"{phrase}"', f'"{phrase}"'))
        elif kind == "prefix":
            prefix = rng.choice(_PREFIXES)
            out.append(QueryPair(kind, f"{prefix}*", f"{prefix}*"))
        elif kind == "or":
            a, b = rng.choice(_OR_PAIRS)
            out.append(QueryPair(kind, f"{a} OR {b}", f"{a} OR {b}"))
        elif kind == "not":
            a, b = rng.choice(_NOT_PAIRS)
            out.append(QueryPair(kind, f"{a} NOT {b}", f"{a} NOT {b}"))
        else:
            outlet = art.outlet.removeprefix("The ")
            word = _TYPE_WORD[art.event_type]
            out.append(QueryPair(kind, f'outlet:"{outlet}" AND {word}', f'outlet : "{outlet}" AND {word}'))
    return out
