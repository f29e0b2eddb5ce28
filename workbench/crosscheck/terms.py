"""Word-level features of claim text: tokens with offsets, light stems, content terms and term weights."""

from __future__ import annotations

import math
import re
from functools import lru_cache
from collections import Counter
from collections.abc import Iterable
from typing import NamedTuple

TOKEN_RE = re.compile(r"[A-Za-z][A-Za-z'’\-]*[A-Za-z]|[A-Za-z]|\d[\d,]*(?:\.\d+)?")

STOPWORDS = frozenset("""
a an the and or but if then than that this these those there here of in on at to for from by with without into onto
over under about as is are was were be been being am do does did done has have had having it its it's itself he she
they them their theirs his her hers him we us our you your i me my mine who whom whose which what when where why how
all any both each few more most other some such no nor not only own same so too very can could will would shall
should may might must also just now new said says say saying told tell according per via after before while during
up down out off again further once last next first one two three four five six seven eight nine ten s t
would’ve its’ amid among between within upon against since until toward towards still yet already even ever
mr mrs ms dr company companies firm firms compared latest
don't doesn't didn't isn't aren't wasn't weren't won't wouldn't can't cannot couldn't hasn't haven't hadn't
shouldn't don’t doesn’t didn’t isn’t aren’t wasn’t weren’t won’t wouldn’t can’t couldn’t hasn’t haven’t hadn’t
shouldn’t
""".split())

# Words that frame a quantity without saying what it is: never evidence of the same fact.
QUANTITY_WORDS = frozenset("""
thousand thousands million millions billion billions trillion trillions bn mn m k tn percent per cent pct
dollar dollars usd eur euro euros pound pounds yuan rmb yen rupees rupee won
more less fewer than over under above below nearly almost about around roughly approximately some near
least most up exceed exceeds exceeded exceeding surpass surpasses surpassed top topped excess upwards north
just close estimated estimate an several dozens dozen hundreds tens handful
reached reach reaches reaching total totalled totaled totalling totaling amounted amounting stood
""".split())

# Counted nouns that stand for any of several more specific ones ("people" for passengers or residents).
GENERIC_COUNTED = frozenset({"people", "peopl", "person", "individual", "unit", "time", "item"})

# Words that carry the same meaning in news copy; mapped to one stem so frames match across wordings.
SYNONYMS = {
    "kill": "death", "killed": "death", "dead": "death", "die": "death", "died": "death", "deaths": "death",
    "fatalities": "death", "fatality": "death", "toll": "death", "lives": "death",
    "injured": "injur", "wounded": "injur", "injuries": "injur", "injury": "injur", "hurt": "injur",
    "worth": "valu", "valuation": "valu", "valued": "valu", "value": "valu", "values": "valu",
    "sales": "revenu", "turnover": "revenu", "revenues": "revenu",
    "bought": "buy", "purchase": "buy", "purchased": "buy", "acquire": "buy", "acquired": "buy",
    "acquisition": "buy", "buying": "buy", "buys": "buy",
    "hired": "hire", "hiring": "hire", "recruit": "hire", "recruits": "hire", "recruited": "hire",
    "ownership": "stake", "funding": "invest", "financing": "invest", "stakes": "stake",
    "announcement": "announc", "announced": "announc", "announces": "announc", "unveiled": "announc",
    "chief": "head", "leader": "head",
    # news paraphrase classes: the same thing counted or done, in the words reporters swap for each other
    "eliminate": "cut", "eliminated": "cut", "eliminating": "cut", "axe": "cut", "axed": "cut", "axing": "cut",
    "shed": "cut", "shedding": "cut", "slash": "cut", "slashed": "cut", "slashing": "cut", "layoffs": "cut",
    "redundancies": "cut", "cuts": "cut", "cutting": "cut",
    "jobs": "job", "positions": "job", "position": "job", "roles": "job", "posts": "job",
    "evacuated": "evacu", "evacuation": "evacu", "evacuate": "evacu", "evacuations": "evacu", "evacuees": "evacu",
    "displaced": "evacu",
    "began": "start", "begin": "start", "begins": "start", "beginning": "start", "started": "start",
    "starts": "start", "starting": "start", "erupted": "start",
    "walkout": "strike", "walkouts": "strike", "strikes": "strike", "striking": "strike", "strikers": "strike",
    "employees": "employ", "employee": "employ", "staff": "employ", "workforce": "employ", "employs": "employ",
    "employed": "employ", "employing": "employ",
    "households": "home", "homes": "home", "houses": "home", "dwellings": "home",
    "clients": "customer", "customers": "customer", "subscribers": "customer",
    "rainfall": "rain", "downpour": "rain",
    "earnings": "profit", "profits": "profit",
    "revealed": "announc", "disclosed": "announc", "unveil": "announc",
    "penalty": "fine", "penalties": "fine", "fined": "fine", "fines": "fine",
    "takeover": "buy", "acquiring": "buy",
    "blaze": "fire", "fires": "fire", "flames": "fire", "flame": "fire",
    "agreement": "deal", "deals": "deal", "agreements": "deal",
    "drew": "attract", "draws": "attract", "drawing": "attract", "attracted": "attract", "attracts": "attract",
    "attracting": "attract",
    # how a figure moved: the verbs (many irregular, so no suffix rule joins them) are interchangeable in copy
    "rose": "rise", "risen": "rise", "rises": "rise", "rising": "rise", "grew": "rise", "grow": "rise",
    "grows": "rise", "grown": "rise", "growing": "rise", "growth": "rise", "increase": "rise",
    "increased": "rise", "increases": "rise", "climbed": "rise", "climbs": "rise", "jumped": "rise",
    "fell": "fall", "falls": "fall", "falling": "fall", "fallen": "fall", "dropped": "fall", "drop": "fall",
    "drops": "fall", "declined": "fall", "decline": "fall", "declines": "fall", "slid": "fall", "slumped": "fall",
    "tumbled": "fall", "plunged": "fall", "sank": "fall", "lost": "fall", "lose": "fall", "loses": "fall",
    "stock": "share", "stocks": "share",
    "wages": "pay", "wage": "pay", "salary": "pay", "salaries": "pay",
    "released": "release", "releases": "release", "published": "release", "publish": "release",
    "publishes": "release",
    "discovered": "detect", "discover": "detect", "detected": "detect", "noticed": "detect", "spotted": "detect",
    "intrusion": "breach", "intrusions": "breach", "breaches": "breach", "cyberattack": "breach",
    "picket": "strike", "pickets": "strike", "picketing": "strike",
    "bodies": "death",
    "quarterly": "quarter",
}

_SUFFIXES = ("ations", "ation", "ings", "ing", "ments", "ment", "edly", "ed", "ies", "es", "s", "e", "y")


def _strip_suffix(w: str) -> str:
    for suffix in _SUFFIXES:
        if w.endswith(suffix) and len(w) - len(suffix) >= 3:
            return w[: -len(suffix)]
    return w


_CANONICAL = {word: _strip_suffix(target) for word, target in SYNONYMS.items()}
_CANONICAL_STEMS = {_strip_suffix(word): target for word, target in _CANONICAL.items()}


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """A deliberately light stemmer: enough to match invest/investment/investing, value/valued."""
    w = word.lower().replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    w = w.strip("'-")
    if w in _CANONICAL:
        return _CANONICAL[w]
    w = _strip_suffix(w)
    return _CANONICAL_STEMS.get(w, w)


class Token(NamedTuple):
    text: str
    start: int
    end: int
    stem: str
    is_number: bool
    is_content: bool
    capitalised: bool


@lru_cache(maxsize=200_000)
def _word_features(word: str) -> tuple[str, bool, bool, bool]:
    is_number = word[0].isdigit()
    lower = word.lower()
    content = not is_number and lower not in STOPWORDS and lower not in QUANTITY_WORDS and len(lower) > 1
    return (lower if is_number else stem(word)), is_number, content, word[0].isupper()


def tokenize(text: str) -> list[Token]:
    out = []
    for m in TOKEN_RE.finditer(text):
        word = m.group()
        stemmed, is_number, content, capitalised = _word_features(word)
        out.append(Token(word, m.start(), m.end(), stemmed, is_number, content, capitalised))
    return out


def content_stems(text: str) -> list[str]:
    return [t.stem for t in tokenize(text) if t.is_content]


class TermStats:
    """Document frequencies over a pool of claims; idf of rare terms is high, of story-wide terms low."""

    def __init__(self, documents: Iterable[Iterable[str]] = ()):
        self.df: Counter[str] = Counter()
        self.n = 0
        for doc in documents:
            self.add(doc)

    def add(self, terms: Iterable[str]) -> None:
        self.n += 1
        self.df.update(set(terms))

    def idf(self, term: str) -> float:
        return math.log((self.n + 1) / (self.df.get(term, 0) + 0.5)) + 0.1


def weighted(terms: Iterable[str], stats: TermStats) -> dict[str, float]:
    counts = Counter(terms)
    return {t: (1 + math.log(c)) * stats.idf(t) for t, c in counts.items()}


def cosine(a: dict[str, float], b: dict[str, float]) -> float:
    if not a or not b:
        return 0.0
    if len(a) > len(b):
        a, b = b, a
    dot = sum(w * b[t] for t, w in a.items() if t in b)
    if not dot:
        return 0.0
    return dot / (math.sqrt(sum(w * w for w in a.values())) * math.sqrt(sum(w * w for w in b.values())))
