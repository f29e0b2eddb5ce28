"""Where a fact came from: explicit attribution ("told Reuters", "(AP) -"), hearsay, and near-verbatim copies."""

from __future__ import annotations

import re
import zlib
from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property

from workbench.domain.facets import AttributionFacet

_NAME = (r"((?:[Tt]he\s+)?[A-Z][\w&.'’-]*(?:\s+(?:[A-Z][\w&.'’-]*|of|for|de|and|&)){0,5})")
_REPORT_VERBS = (r"(?:first\s+|originally\s+|previously\s+|exclusively\s+)?(?:reported|reports|has reported|"
                 r"had reported|wrote|revealed|noted|broke the news|said in a report)")
_PATTERNS = [
    re.compile(r"\b[Aa]ccording to (?:a |an |the )?(?:(?:new |recent |earlier |exclusive )?report(?:s|ing)? "
               r"(?:by|from|in) (?:the )?)?" + _NAME),
    re.compile(_NAME + r"(?:\s+[Nn]ews)?,?\s+" + _REPORT_VERBS + r"\b"),
    re.compile(r"\b[Tt]old\s+" + _NAME),
    re.compile(r"\b[Cc]iting\s+(?:a |an )?(?:(?:report|story|article) (?:by|from|in) )?" + _NAME),
    re.compile(r"\b(?:reported|first reported|revealed)\s+by\s+" + _NAME),
    re.compile(r"\b(?:[Aa]n?|[Tt]he)\s+" + _NAME + r"\s+(?:report|story|article)\b"),
    re.compile(_NAME + r"['’]s\s+(?:report|story|article)\b"),
]
_DATELINE = re.compile(r"^\s*(?:[A-Z][\w .,'’/-]{0,40}?\s*)?\(" + _NAME + r"\)\s*[-–—:]")

# Canonical names of wire agencies and outlets that others cite; keys are case-folded spellings.
_ALIASES = {
    "ap": "AP", "associated press": "AP", "the associated press": "AP",
    "afp": "AFP", "agence france-presse": "AFP", "agence france presse": "AFP",
    "reuters": "Reuters", "thomson reuters": "Reuters",
    "bloomberg": "Bloomberg", "bloomberg news": "Bloomberg",
    "ft": "Financial Times", "financial times": "Financial Times",
    "wsj": "Wall Street Journal", "wall street journal": "Wall Street Journal",
    "nyt": "New York Times", "new york times": "New York Times",
    "information": "The Information",
    "dpa": "dpa", "efe": "EFE", "ansa": "ANSA", "kyodo": "Kyodo", "kyodo news": "Kyodo", "yonhap": "Yonhap",
    "xinhua": "Xinhua", "pti": "PTI", "press trust of india": "PTI", "ani": "ANI", "cna": "CNA",
    "central news agency": "CNA", "anadolu": "Anadolu", "anadolu agency": "Anadolu", "tass": "TASS",
    "scmp": "South China Morning Post", "south china morning post": "South China Morning Post",
    "cnbc": "CNBC", "bbc": "BBC", "cnn": "CNN", "washington post": "Washington Post",
    "the washington post": "Washington Post", "guardian": "The Guardian", "axios": "Axios",
}
WIRE_AGENCIES = frozenset({"AP", "AFP", "Reuters", "Bloomberg", "dpa", "EFE", "ANSA", "Kyodo", "Yonhap", "Xinhua",
                           "PTI", "ANI", "CNA", "Anadolu", "TASS"})
_NOT_ORIGINS = frozenset("""
it he she they we i you this that these those there report reports company sources people officials analysts
experts statement government data survey study monday tuesday wednesday thursday friday saturday sunday january
february march april may june july august september october november december but and however meanwhile also
while in on at as if when after before its his her their our prior previous earlier recent media other
several many some new local
""".split())

# Hearsay: the claim leans on a report or unnamed people. Plural or earlier reports add no origin of their own.
_SINGLE_REPORT = re.compile(
    r"\b(?:reportedly|the report|the (?:news|media) report|report(?:ed)? said|people (?:familiar|close|briefed)|"
    r"(?:a |one |two |three )?(?:person|people|sources?) (?:familiar|close|briefed|with knowledge)|"
    r"sources? (?:said|say|says|told)|unnamed sources?|according to (?:the |a )?(?:report|sources|people))\b",
    re.IGNORECASE)
_PLURAL_REPORTS = re.compile(
    r"\b(?:(?:prior|previous|earlier|recent|media|several|multiple|other) reports|reports (?:said|say|suggest|"
    r"suggested|indicated|indicate|claim|claimed)|it has been reported|was reported earlier)\b", re.IGNORECASE)


def canonical_origin(name: str | None) -> str | None:
    """A readable, canonical origin name, or None for pronouns, weekdays and generic nouns."""
    if not name:
        return None
    name = re.sub(r"\s+", " ", name).strip(" ,.;:'’\"")
    name = re.sub(r"['’]s$", "", name)
    folded = name.casefold()
    if folded in _ALIASES:
        return _ALIASES[folded]
    if folded.startswith("the "):
        bare = folded[4:]
        if bare in _ALIASES:
            return _ALIASES[bare]
        name, folded = name[4:], bare
    if folded.endswith(" news") and folded[:-5] in _ALIASES:
        return _ALIASES[folded[:-5]]
    first = folded.split(" ")[0] if folded else ""
    if not folded or folded in _NOT_ORIGINS or first in _NOT_ORIGINS or len(folded) < 2:
        return None
    return name


def _split_names(raw: str) -> list[str]:
    parts = re.split(r"\s+(?:and|&)\s+|,\s*", raw)
    return [p for p in parts if p]


def named_origins(text: str) -> list[str]:
    """Origins a text credits by name, in order of appearance (no duplicates)."""
    return list(dict.fromkeys(_all_mentions(text)))


def dateline_origin(body: str) -> str | None:
    m = _DATELINE.match(body[:200])
    return canonical_origin(m.group(1)) if m else None


def outlet_origin(outlet: str | None) -> str | None:
    """The wire agency an outlet field names ("KLIF — AP", "Reuters"), if any."""
    if not outlet:
        return None
    for part in re.split(r"\s*[—–|/,(]\s*|\s+-\s+", outlet):
        name = _ALIASES.get(part.strip().casefold())
        if name:
            return name
    return None


def main_origin(body: str, own_outlet: str | None = None) -> str | None:
    """The origin an article credits most often: what its hedged, unattributed claims lean on."""
    counts: Counter[str] = Counter()
    first: dict[str, int] = {}
    own = canonical_origin(own_outlet) if own_outlet else None
    for i, name in enumerate(_all_mentions(body)):
        if name == own:
            continue
        counts[name] += 1
        first.setdefault(name, i)
    if not counts:
        return None
    return max(counts, key=lambda n: (counts[n], -first[n]))


def _all_mentions(text: str) -> list[str]:
    """Every origin a text credits by name, in order of appearance, repeats included."""
    found: list[tuple[int, str]] = []
    for regex in _PATTERNS:
        for m in regex.finditer(text):
            for part in _split_names(m.group(1)):
                name = canonical_origin(part)
                if name:
                    found.append((m.start(1), name))
    found.sort()
    return [name for _, name in found]


HEARSAY = "h:"


class SourceOrigin:
    """What a source's unattributed and hedged claims go back to."""

    def __init__(self, source_id: int, outlet: str | None, own: str | None, body: str = "",
                 copy_root: int = 0):
        self.source_id = source_id
        self.outlet = outlet
        self.own = own               # a wire agency the source itself is (dateline, outlet field)
        self.copy_root = copy_root   # the source whose copy this is (itself when it is no copy)
        self._body = body

    @cached_property
    def main(self) -> str | None:
        """The origin the article credits most (read only when a hedged claim needs it)."""
        return main_origin(self._body, self.own or self.outlet)

    def own_key(self) -> str:
        if self.own:
            return "n:" + self.own.casefold()
        return f"s:{self.copy_root or self.source_id}"


def source_origin(source_id: int, body: str, outlet: str | None) -> SourceOrigin:
    own = dateline_origin(body) or outlet_origin(outlet)
    return SourceOrigin(source_id, outlet, own, body, source_id)


@dataclass
class ClaimOrigin:
    keys: frozenset[str]
    names: dict[str, str] = field(default_factory=dict)   # key -> display name


def claim_origin(text: str, attributions: list[AttributionFacet], src: SourceOrigin,
                 outlet_name: str | None) -> ClaimOrigin:
    """The origin keys of one claim as it appears in its source."""
    names = list(dict.fromkeys(
        [n for n in (canonical_origin(a.origin) for a in attributions if a.kind != "anonymous") if n]
        + named_origins(text)))
    own = canonical_origin(outlet_name) if outlet_name else None
    names = [n for n in names if n != own] or names
    if names:
        return ClaimOrigin(frozenset("n:" + n.casefold() for n in names), {"n:" + n.casefold(): n for n in names})
    if _PLURAL_REPORTS.search(text):
        return ClaimOrigin(frozenset({HEARSAY}), {})
    if _SINGLE_REPORT.search(text) and src.main:
        key = "n:" + src.main.casefold()
        return ClaimOrigin(frozenset({key}), {key: src.main})
    key = src.own_key()
    display = src.own or _outlet_display(src, outlet_name)
    return ClaimOrigin(frozenset({key}), {key: display})


def _outlet_display(src: SourceOrigin, outlet_name: str | None) -> str:
    return outlet_name or f"source #{src.copy_root or src.source_id}"


# ---------------------------------------------------------------- near-verbatim copies

SHINGLE_WORDS = 6
COPY_CONTAINMENT = 0.5
_WORD_RE = re.compile(r"\w+")


def shingles(text: str, k: int = SHINGLE_WORDS) -> frozenset[int]:
    words = _WORD_RE.findall(text.casefold())
    if len(words) < k:
        return frozenset({zlib.crc32(" ".join(words).encode())}) if words else frozenset()
    return frozenset(zlib.crc32(" ".join(words[i:i + k]).encode()) for i in range(len(words) - k + 1))


def containment(a: frozenset[int], b: frozenset[int]) -> float:
    """Share of the shorter text's shingles found in the other: 1.0 for a copy, even a trimmed one."""
    if not a or not b:
        return 0.0
    small, big = (a, b) if len(a) <= len(b) else (b, a)
    return len(small & big) / len(small)


def is_copy(a: frozenset[int], b: frozenset[int]) -> bool:
    return min(len(a), len(b)) >= 8 and containment(a, b) >= COPY_CONTAINMENT


class CopyGroups:
    """Union-find over source ids: sources that are near-verbatim copies share one root."""

    def __init__(self):
        self.parent: dict[int, int] = {}

    def find(self, x: int) -> int:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def independent_origins(origins: list[ClaimOrigin]) -> tuple[int, list[str]]:
    """How many independent origins a set of appearances goes back to, and their names."""
    keys: dict[str, str] = {}
    for origin in origins:
        for key in origin.keys:
            if key != HEARSAY:
                keys.setdefault(key, origin.names.get(key, key))
    if not keys:
        return 1, []
    return len(keys), sorted(keys.values(), key=str.casefold)
