"""A claim prepared for comparison: tokens, term weights, figures and dates with the words around them."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field, replace
from datetime import date


from workbench.crosscheck.ages import Age, age_of
from workbench.crosscheck.compare_dates import When, read_date
from workbench.crosscheck.compare_numbers import Reading, looks_like_year, read_number
from workbench.crosscheck.terms import GENERIC_COUNTED, PHRASE_REST, TermStats, Token, tokenize, weighted
from workbench.domain.facets import AttributionFacet, Facets

FRAME_WINDOW = 8
DATE_WINDOW = 14
_GENERIC_NAME_WORDS = frozenset(
    "inc corp corporation co ltd llc plc group holdings company the of and news agency monday tuesday wednesday "
    "thursday friday saturday sunday january february march april may june july august september october "
    "november december "
    # corporate suffixes and kinds of institution: "Juniper Industries" and "Dunmore Industries" share no actor
    "industries international technologies technology systems solutions services partners enterprises limited "
    "incorporated bank banks capital ventures labs networks foods pharmaceuticals chemicals manufacturing energy "
    "motors airlines media communications financial insurance resources board agency department ministry office "
    "commission council authority authorities court police service".split())
_NEGATION_RE = re.compile(r"\b(?:not|no|never|denied|denies|deny|didn['’]t|did not|won['’]t|isn['’]t|wasn['’]t|"
                          r"false|untrue|rejected|refuted)\b", re.IGNORECASE)


@dataclass
class Figure:
    """A number or date of a claim with its frame: the words around it, weighted by closeness."""

    reading: Reading | When
    frame: dict[str, float]
    counted: str | None
    names: frozenset[str] = frozenset()   # actors named next to the figure
    earlier: bool = False   # "last valued at", "previously": a figure from before the news
    weighted: dict[str, float] = field(default_factory=dict)   # frame weights times idf (set by `weigh`)
    norm: float = 0.0


@dataclass
class ClaimView:
    id: int
    source_id: int
    start: int
    text: str
    outlet: str | None = None
    title: str | None = None
    published: date | None = None
    published_time: str | None = None
    tokens: list[Token] = field(default_factory=list)
    terms: list[str] = field(default_factory=list)
    vector: dict[str, float] = field(default_factory=dict)
    vector_norm: float = 0.0
    entities: frozenset[str] = frozenset()
    entity_names: tuple[str, ...] = ()
    story_keys: frozenset[str] = frozenset()   # key words of the names the extractor tagged: who the story is about
    source_names: frozenset[str] = frozenset()   # the story keys of every claim of its source (set by the gate)
    identity: tuple | None = None   # what identical copies of the sentence share (set by checker.identity_key)
    numbers: list[Figure] = field(default_factory=list)
    dates: list[Figure] = field(default_factory=list)
    attributions: list[AttributionFacet] = field(default_factory=list)
    negated: bool = False
    name_lists: list[tuple[str, ...]] = field(default_factory=list)   # "ByteDance, Alibaba and Tencent"

    def published_label(self) -> str | None:
        if not self.published:
            return None
        return self.published.isoformat() + (f" {self.published_time}" if self.published_time else "")


# Words that place a date within its day or week ("late Thursday", "Monday morning"): they say when, not what
# happened, so they are left out of a date's frame.
DATE_MODIFIERS = frozenset("lat earl earlier mid morn afternoon even night overnight week weekend month year day "
                           "today tonight yesterday tomorrow ago local time gmt utc bst cet est edt pst".split())
_EARLIER_RE = re.compile(r"\b(?:last|previous(?:ly)?|prior|earlier|former(?:ly)?|pre-deal|once|until now)\b",
                         re.IGNORECASE)
# Abbreviations whose full stops end no clause ("shortly after 2 a.m. on Tuesday"); masked with the same length.
_ABBREVIATION = re.compile(r"\b(?:[ap]\.m\.|[A-Z]\.(?:[A-Z]\.)+|(?:Mr|Mrs|Ms|Dr|St|Jr|Sr|No|Inc|Corp|Ltd|Co|vs|approx|est)\.)")


def mask_abbreviations(text: str) -> str:
    """The text with the full stops of abbreviations blanked, for finding where clauses end."""
    return _ABBREVIATION.sub(lambda m: m.group().replace(".", " "), text)


_CLAUSE_BREAK = re.compile(r"[,;:.!?()\u2014\u2013]|\s-\s")
NAME_WINDOW = 4


def _frame(text: str, tokens: list[Token], start: int, end: int, window: int = FRAME_WINDOW,
           skip: frozenset[str] = frozenset()) -> tuple[dict[str, float], str | None, frozenset[str]]:
    """Content words near [start, end) within its clause: what the figure measures, the counted noun and the
    names right next to it.

    The predicate usually comes just before a figure ("valued at", "invested") or right after it
    ("$5 billion investment"), so weight falls with distance, faster on the right.
    """
    frame: dict[str, float] = {}
    names: set[str] = set()
    distance, edge = 0, start
    tokens = [t for t in tokens if t.stem != PHRASE_REST]   # "left the tracks at 9:20": one word, "derail"
    for tok in reversed([t for t in tokens if t.end <= start][-window:]):
        if _CLAUSE_BREAK.search(text, tok.end, edge):
            break
        edge = tok.start
        if tok.is_content and tok.is_name:
            if distance == 0:   # "Meta's $14 billion": only a name right before the figure says whose it is
                names |= entity_key_words(tok.text)
            continue   # names say who, not what is measured; actors are compared separately
        if tok.stem in skip:
            continue
        distance += 1
        if tok.is_content:
            frame[tok.stem] = max(frame.get(tok.stem, 0.0), 1.0 / distance)
    else:
        # the clause runs back past the window: its head noun ("Sales at X for the three months came to $3.8
        # billion") still says what the figure is
        head = _clause_head(text, tokens, start, skip)
        if head is not None:
            frame[head] = max(frame.get(head, 0.0), SUBJECT_WEIGHT)
    counted = None
    edge = end
    rank = 0
    modifier: re.Pattern | None = None   # what the word after a describing first word must look like
    for distance, tok in enumerate([t for t in tokens if t.start >= end][:window], start=1):
        if _CLAUSE_BREAK.search(text, edge, tok.start):
            break
        edge = tok.end
        if tok.is_content and tok.capitalised:
            if distance <= NAME_WINDOW:
                names |= entity_key_words(tok.text)
            continue
        if tok.stem in skip:
            continue
        if tok.is_content:
            rank += 1
            weight = 1.0 if distance == 1 else 0.5 / distance
            if distance == 1:
                counted = tok.stem
                # after a participle any plural is the noun; after a singular noun, only a plural no verb
                # could be ("hospital staff", not "deal raises")
                modifier = (_PLURAL if _PARTICIPLE.search(tok.text) else
                            None if _PLURAL.search(tok.text) else _GROUP_NOUN)
            elif distance == 2 and modifier and modifier.search(tok.text):
                # "22 derailed carriages", "300 striking workers", "5,000 hospital staff": the first word
                # describes what is counted
                counted, weight = tok.stem, 1.0
            if rank == 2 and counted in GENERIC_COUNTED:
                weight = 1.0   # "112 people were killed": the verb says what is counted, not "people"
            frame[tok.stem] = max(frame.get(tok.stem, 0.0), weight)
    return frame, counted, frozenset(names)


SUBJECT_WEIGHT = 0.5
_PARTICIPLE = re.compile(r"[a-z]{3}(?:ed|ing)$")
_PLURAL = re.compile(r"(?:[a-z]{2}[^siu]s|^(?:people|staff|children|men|women|police))$")
# plural nouns of people or things counted that no verb ends like ("drivers", "residents", "carriages")
_GROUP_NOUN = re.compile(r"(?:[a-z]{2}(?:ers|ors|ees|ists|ants|ents|ages|ians)|^(?:people|staff|children|men|women))$")


_APPOSITION_BEFORE = re.compile(r"[A-Za-z],\s*$")
_APPOSITION_AFTER = re.compile(r"\s+[a-z][\w-]*\s*,")


def _open_apposition(text: str, start: int, end: int) -> str:
    """The clause text with the commas around a figure in apposition blanked: in "the teachers around Ostby,
    about 5,600 people, stayed away from work" the figure renames the teachers and shares their predicate."""
    before = _APPOSITION_BEFORE.search(text, max(0, start - 40), start)
    after = _APPOSITION_AFTER.match(text, end) if before else None
    if after is None:
        return text
    first, second = text.rindex(",", 0, start), after.end() - 1
    return f"{text[:first]} {text[first + 1:second]} {text[second + 1:]}"


def _clause_head(text: str, tokens: list[Token], start: int, skip: frozenset[str]) -> str | None:
    """The first content word (not a name) of the clause that holds position ``start``."""
    head = None
    for tok in tokens:
        if tok.end > start:
            break
        if head is None and tok.is_content and not tok.is_name and tok.stem not in skip:
            head = tok
    if head is None or _CLAUSE_BREAK.search(text, head.end, start):
        return None
    return head.stem


def _adjacent_names(tokens: list[Token], start: int, end: int, reach: int = 2) -> frozenset[str]:
    before = [t for t in tokens if t.end <= start][-reach:]
    after = [t for t in tokens if t.start >= end][:reach]
    names: set[str] = set()
    for tok in before + after:
        if tok.is_content and tok.is_name:
            names |= entity_key_words(tok.text)
    return frozenset(names)


def story_keys(names: list[str]) -> set[str]:
    keys: set[str] = set()
    for name in names:
        keys |= entity_key_words(name)
    return keys


_POSSESSIVE = re.compile(r"['’]s?$")


def entity_key_words(name: str) -> set[str]:
    words = (_POSSESSIVE.sub("", w.lower()) for w in re.findall(r"[A-Za-z][\w'’-]+", name))
    return {w for w in words if len(w) > 2 and w not in _GENERIC_NAME_WORDS}


def build_view(claim_id: int, source_id: int, start: int, text: str, facets: Facets, *,
               outlet: str | None = None, title: str | None = None, published: date | None = None,
               published_time: str | None = None) -> ClaimView:
    """Everything the comparison needs from one claim; offsets in facets are absolute body offsets."""
    tokens = tokenize(text)
    if tokens and tokens[0].capitalised and any(e.start - start <= tokens[0].start < e.end - start
                                                for e in facets.entities):
        tokens[0] = tokens[0]._replace(is_name=tokens[0].is_content)   # "Orchardus Industries published ..."
    clauses = mask_abbreviations(text)
    view = ClaimView(claim_id, source_id, start, text, outlet, title, published, published_time, tokens)
    view.terms = [t.stem for t in tokens if t.is_content]
    date_spans = [(d.start, d.end) for d in facets.dates]
    for facet in facets.numbers:
        if looks_like_year(facet) or any(s <= facet.start < e for s, e in date_spans):
            continue
        rel_start, rel_end = facet.start - start, facet.end - start
        if rel_start < 0 or rel_end > len(text):
            continue
        reading = read_number(facet, text[max(0, rel_start - 30):rel_start])
        frame, counted, near = _frame(_open_apposition(clauses, rel_start, rel_end), tokens, rel_start, rel_end)
        earlier = bool(_EARLIER_RE.search(text[max(0, rel_start - 40):rel_start]))
        age = age_of(text, rel_start, rel_end, reading.value)
        if age is not None:
            # an age belongs to the person named next to it, across the comma of "Wang, 28," or "Now 28, Wang"
            counted, frame = "age", {**frame, "age": 1.0}
            near = near | _adjacent_names(tokens, rel_start, rel_end)
            earlier = earlier or age is Age.EARLIER
            # a birthday between two reports moves an age by one year
            reading = replace(reading, low=reading.value - 1, high=reading.value + 1)
        view.numbers.append(Figure(reading, frame, counted, near, earlier))
    for facet in facets.dates:
        when = read_date(facet)
        rel_start, rel_end = facet.start - start, facet.end - start
        if when is None or rel_start < 0 or rel_end > len(text):
            continue
        # the event a date belongs to is often named further away ("announced ... late Thursday")
        frame, _, near = _frame(clauses, tokens, rel_start, rel_end, DATE_WINDOW, DATE_MODIFIERS)
        view.dates.append(Figure(when, frame, None, near))
    names = [e.text for e in facets.entities if e.type not in ("outlet", "agency")]
    view.story_keys = frozenset(story_keys(names))
    # capitalised words catch the actors an entity tagger missed (a sentence-initial "Scale", say)
    names += [t.text for t in tokens if t.capitalised and t.is_content and not t.text.isupper()]
    keys: set[str] = set()
    for name in names:
        keys |= entity_key_words(name)
    view.entities = frozenset(keys)
    view.entity_names = tuple(dict.fromkeys(names))
    view.name_lists = _name_lists(text, start, facets)
    view.attributions = list(facets.attributions)
    view.negated = bool(_NEGATION_RE.search(text))
    return view


_LIST_GLUE = re.compile(r"^(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or|&)\s+)$")
_CONJUNCTION = re.compile(r"\b(?:and|or)\b")


def _name_lists(text: str, start: int, facets: Facets) -> list[tuple[str, ...]]:
    """Runs of two or more named parties joined by commas and a last "and" or "or": the sets name drift swaps
    members of. Names joined by a comma alone are no list: "near Thornbrook, Olga Vasquez, an inspector"."""
    ents = sorted((e for e in facets.entities if e.type in ("org", "person", "place")), key=lambda e: e.start)
    lists, run, closed = [], [], False
    for ent in ents:
        glue = text[run[-1].end - start:ent.start - start] if run else ""
        if run and _LIST_GLUE.match(glue):
            run.append(ent)
            closed = "," not in glue or bool(_CONJUNCTION.search(glue))
            continue
        if len(run) >= 2 and closed:
            lists.append(tuple(e.text for e in run))
        run, closed = [ent], False
    if len(run) >= 2 and closed:
        lists.append(tuple(e.text for e in run))
    return lists


def weigh(views: list[ClaimView], stats: TermStats) -> None:
    """Term and frame weights for one pool of claims; done once, so each comparison is a few dict lookups."""
    for view in views:
        view.vector = weighted(view.terms, stats)
        view.vector_norm = math.sqrt(sum(w * w for w in view.vector.values()))
        for fig in view.numbers + view.dates:
            fig.weighted = {t: w * stats.idf(t) for t, w in fig.frame.items()}
            fig.norm = math.sqrt(sum(w * w for w in fig.weighted.values()))
