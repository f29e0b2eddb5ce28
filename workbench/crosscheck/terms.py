"""Word-level features of claim text: tokens with offsets, light stems, content terms and term weights."""

from __future__ import annotations

import math
import re
from bisect import bisect_left
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
    "hackers": "breach", "hacker": "breach", "hacked": "breach", "hack": "breach", "hacking": "breach",
    "workers": "employ", "worker": "employ",
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
    is_name: bool = False   # a capitalised word inside the sentence, or one the view knows to open a name


@lru_cache(maxsize=200_000)
def _word_features(word: str) -> tuple[str, bool, bool, bool, tuple[int, ...]]:
    is_number = word[0].isdigit()
    lower = word.lower()
    content = not is_number and lower not in STOPWORDS and lower not in QUANTITY_WORDS and len(lower) > 1
    return (lower if is_number else stem(word)), is_number, content, word[0].isupper(), _FAMILIES_OF.get(lower, ())


_AMOUNT = (r"(?:about |around |roughly |nearly |almost |some |just |up to |more than )?"
           r"[$€£]?\d[\d.,]*(?: ?(?:million|billion|bn|m))?")
_THEIR = r"(?:their|his|her|its) "
PHRASE_REST = ""
# Multi-word news expressions that say what one word says ("walked out" and "went on strike" are "strike"): the
# first word of a match takes the family's word, the rest of the match stops being content. Lookaheads name the
# context a phrase needs without taking it in; a family of None only mutes ("came to $3 billion" is "$3 billion").
# Each family lists words one of which every match holds, so that a sentence is searched only for the families
# its words call for.
PHRASES: tuple[tuple[str, str, str | None], ...] = (
    # stopping work
    ("walk walks walked walking strike away tools",
     r"walk(?:s|ed|ing)? out(?! of)|(?:go|goes|going|went|gone) on strike|stay(?:s|ed|ing)? away from work"
     r"|down(?:s|ed|ing)? tools", "strike"),
    ("picket", r"(?<=picket lines )(?:formed|went up|were set up)|(?<=picket line )(?:formed|went up|was set up)",
     "start"),
    # a train leaving the track
    ("rails tracks track", r"(?:left|leave|leaves|leaving|jump(?:s|ed|ing)?) the (?:rails|tracks?)"
     r"|(?:came|come|comes|coming|went|go|goes|going) off the (?:rails|tracks?)", "derail"),
    # buying a company: the promise, the price paid, the price a deal puts on it
    ("agree agrees agreed", r"agree(?:s|d)? to(?= (?:buy|acquire|purchase|take over)\b)", None),
    ("over", r"(?:take|takes|took|taking|taken) over", "buy"),
    ("pay pays paid paying", r"pa(?:y|ys|id|ying)(?= " + _AMOUNT + r"(?: (?:euros|dollars|pounds))? for\b)", "buy"),
    ("values value valued valuing worth",
     r"(?:deal|takeover|acquisition|purchase) (?:that )?(?:values?|valued|valuing|worth)", "buy"),
    # a part of a whole
    ("up account accounts accounted accounting",
     r"(?:make|makes|made|making) up(?! for)|account(?:s|ed|ing)? for", "proportion"),
    # leaving home ahead of danger
    ("home homes", r"(?:told|ordered|forced|urged|had|have|has) to (?:leave|flee) " + _THEIR + r"homes?"
     r"|(?:fled|flee|flees|fleeing) " + _THEIR + r"homes?|forced from " + _THEIR + r"homes?", "evacuate"),
    ("shelter shelters", r"mov(?:e|es|ed|ing)(?=(?: [\w,$€£.]+){1,4}? to (?:emergency |temporary )?shelters?\b)",
     "evacuate"),
    # hurt badly enough for hospital
    ("hospital hospitals hospitalised hospitalized",
     r"(?:taken|rushed|admitted|airlifted) to hospitals?|treated in hospitals?|hospitali[sz]ed", "injured"),
    # a fire or a fight starting
    ("out", r"br(?:eak|eaks|oke|eaking|oken) out", "start"),
    # noticing a problem
    ("alarm", r"(?:raise[sd]?|raising|sound(?:s|ed|ing)?) the (?:first )?alarm", "detect"),
    # money put aside for a cost
    ("aside charge",
     r"set(?:s|ting)? aside|(?:took|take|takes|taking|booked|book|books|booking) a (?:[\w-]+ )?charge", "cost"),
    # a price above the market's
    ("price", r"(?:more than|above)(?= (?:the |its |their )?(?:last |previous |prior )?(?:closing |close |market )?"
     r"(?:share |stock )?price)", "premium"),
    # "revenue for the three months to June": a quarter
    ("months", r"(?<=the )(?:three|3) months", "quarter"),
    # "sales came to $3 billion": a total
    ("came come comes", r"c(?:a|o)mes? to(?= " + _AMOUNT + r")", None),
    # intruders reaching data
    ("access data records details information", r"gain(?:s|ed|ing)? (?:unauthori[sz]ed )?access to"
     r"|(?:exposed|stole|stolen|leaked|compromised)(?= (?:the )?(?:\w+ )?(?:data|records|details|information)\b)",
     "breach"),
    # homes cut off from the grid
    ("power electricity blackout blackouts", r"without (?:power|electricity)|(?:lost|lose|loses|losing) "
     r"(?:power|electricity)|power (?:cuts?|outages?)|blackouts?", "outage"),
    # a pay rise
    ("raise raises raised raising",
     r"rais(?:e|es|ed|ing)(?= (?:\w+ )?(?:pay|wages?|salar(?:y|ies))\b)|(?<=pay )raises?|(?<=wage )raises?", "rise"),
)
_PHRASE_RES = [(re.compile(rf"\b(?:{pattern})", re.IGNORECASE), stem(word) if word else None)
               for _, pattern, word in PHRASES]


def _key_words() -> dict[str, tuple[int, ...]]:
    out: dict[str, tuple[int, ...]] = {}
    for family, (keys, _, _) in enumerate(PHRASES):
        for key in keys.split():
            out[key] = out.get(key, ()) + (family,)
    return out


_FAMILIES_OF = _key_words()


def tokenize(text: str) -> list[Token]:
    out = []
    families: set[int] = set()
    for m in TOKEN_RE.finditer(text):
        word = m.group()
        stemmed, is_number, content, capitalised, called = _word_features(word)
        if called:
            families.update(called)
        out.append(Token(word, m.start(), m.end(), stemmed, is_number, content, capitalised,
                         capitalised and content and m.start() > 0))
    if families:
        _join_phrases(text, out, families)
    return out


def _join_phrases(text: str, tokens: list[Token], families: set[int]) -> None:
    starts = [t.start for t in tokens]
    for family in sorted(families):
        regex, target = _PHRASE_RES[family]
        for m in regex.finditer(text):
            i = bisect_left(starts, m.start())
            first = True
            while i < len(tokens) and tokens[i].end <= m.end():
                tok = tokens[i]
                if not tok.is_number and tok.stem != PHRASE_REST:
                    if first and target is not None:
                        tokens[i] = tok._replace(stem=target, is_content=True)
                    else:   # the rest of the phrase: no word of its own, no distance in a figure's frame
                        tokens[i] = tok._replace(stem=PHRASE_REST, is_content=False)
                    first = False
                i += 1


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
