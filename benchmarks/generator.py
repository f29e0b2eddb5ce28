"""A seeded generator of fictional news coverage with recorded truth: which sentences agree or conflict.

Each event is covered by a wire story, near-verbatim copies of it ("PLACE (Agency) -" datelines), rewrites that
cite the agency ("according to", "told"), and independent reports with their own sources, some of which carry a
planted conflicting value. Every sentence that states a fact is recorded as a :class:`Mention`; pairs of
mentions of one fact in two articles are the truth the cross-check is scored against.

Events are seeded one by one, so a corpus of 2,000 articles starts with the same events as one of 1,000.
"""

from __future__ import annotations

import html
import json
import math
import random
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field, replace
from datetime import date, timedelta
from itertools import combinations
from pathlib import Path

from benchmarks import wordlists as W
from benchmarks.events import EVENT_TYPES, EventType, FactSpec

DEFAULT_SEED = 1729
TARGET_WORDS = (620, 780)
NUMERIC_KINDS = ("count", "money", "percent")


@dataclass(frozen=True)
class Mention:
    """One sentence of one article stating one fact."""

    fact: str                 # "e12:killed"
    article: str              # article key
    sentence: str             # exact text of the sentence as written in the article body
    kind: str                 # count | money | percent | date | time | quote
    variant: str              # "true" | "conflict"
    low: float | None = None  # numbers: the interval the wording allows (None = open side)
    high: float | None = None
    value: str | None = None  # dates: ISO date; times: "HH:MM"; quotes: the quoted words


@dataclass
class Article:
    key: str
    event: int
    event_type: str
    role: str                 # wire | copy | rewrite | independent
    origin: str               # the agency or outlet the article's facts come from
    outlet: str
    author: str
    title: str
    published: date
    published_time: str
    fmt: str                  # md | html
    paragraphs: list[str] = field(default_factory=list)

    @property
    def filename(self) -> str:
        slug = "-".join("".join(c for c in word if c.isalnum()) for word in self.title.lower().split()[:6])
        return f"{self.key}-{slug}.{self.fmt}"

    @property
    def url(self) -> str:
        site = "".join(c for c in self.outlet.lower() if c.isalnum())
        return f"https://{site}.example/{self.published:%Y/%m/%d}/{self.key}"

    def render(self) -> str:
        return render_html(self) if self.fmt == "html" else render_markdown(self)


@dataclass
class Corpus:
    seed: int
    articles: list[Article]
    mentions: list[Mention]
    held_out: Article | None = None   # an extra article of a covered event, for "one new article" timing

    def mentions_by_article(self) -> dict[str, list[Mention]]:
        out: dict[str, list[Mention]] = {}
        for m in self.mentions:
            out.setdefault(m.article, []).append(m)
        return out


@dataclass(frozen=True)
class TruthPair:
    a: str                    # article key
    a_sentence: str
    b: str
    b_sentence: str
    relation: str             # conflicts | corroborates
    facts: tuple[str, ...]
    kinds: tuple[str, ...]


# ---------------------------------------------------------------- numbers, dates and times as text

def _round_sig(value: float, sig: int = 2, mode: str = "nearest") -> float:
    if value <= 0:
        return value
    step = 10 ** (math.floor(math.log10(value)) - sig + 1)
    q = value / step
    q = math.floor(q) if mode == "down" else math.ceil(q) if mode == "up" else round(q)
    return q * step


def _int_text(value: float) -> str:
    """Commas for ordinary counts; "1.4 million" for round counts of a million or more."""
    if value >= 1e6 and _round_sig(value, 3) == value:
        return f"{value / 1e6:.2f}".rstrip("0").rstrip(".") + " million"
    return f"{int(round(value)):,}"


def count_phrase(value: int, rng: random.Random, form: str | None = None) -> tuple[str, float | None, float | None]:
    """Text for a count and the interval its wording allows (generous tolerances, so truth is unambiguous)."""
    if value < 10:
        word = W.SMALL_NUMBER_WORDS[value] if rng.random() < 0.6 else str(value)
        return word, value, value
    form = form or rng.choice(("exact", "exact", "more than", "about", "nearly", "at least", "range"))
    if form == "exact":
        return _int_text(value), value, value
    sig = 1 if value < 100 else 2
    if form == "more than":
        r = _round_sig(value, sig, "down")
        if r >= value:
            r = _round_sig(value - 1, sig, "down")
        return f"{rng.choice(('more than', 'over'))} {_int_text(r)}", r, None
    if form == "at least":
        r = _round_sig(value, sig, "down")
        return f"at least {_int_text(r)}", r, None
    if form == "about":
        r = _round_sig(value, 2)
        return f"{rng.choice(('about', 'around', 'some', 'roughly'))} {_int_text(r)}", r * 0.9, r * 1.1
    if form == "nearly":
        r = _round_sig(value, 2, "up")
        if r <= value or (r - value) / r > 0.08:
            return count_phrase(value, rng, "exact")
        return f"{rng.choice(('nearly', 'almost'))} {_int_text(r)}", r * 0.9, r
    lo, hi = _round_sig(value * 0.8, 1, "down"), _round_sig(value * 1.2, 1, "up")
    if rng.random() < 0.5:
        return f"between {_int_text(lo)} and {_int_text(hi)}", lo, hi
    return f"{_int_text(lo)} to {_int_text(hi)}", lo, hi


def money_value(rng: random.Random, low: float, high: float) -> float:
    raw = math.exp(rng.uniform(math.log(low), math.log(high)))
    return _round_sig(raw, 2)


def money_phrase(value: float, currency: str, rng: random.Random,
                 form: str | None = None) -> tuple[str, float | None, float | None]:
    scale, word, short = (1e9, "billion", "bn") if value >= 1e9 else (1e6, "million", "m")
    amount = value / scale
    num = f"{amount:.1f}".rstrip("0").rstrip(".") if amount < 100 else f"{amount:.0f}"
    sign, name = ("$", "dollars") if currency == "USD" else ("€", "euros")
    form = form or rng.choice(("exact", "exact", "short", "words", "about", "more than"))
    if form == "short":
        return f"{sign}{num}{short}", value, value
    if form == "words":
        return f"{num} {word} {name}", value, value
    if form == "about":
        return f"{rng.choice(('about', 'roughly', 'around'))} {sign}{num} {word}", value * 0.9, value * 1.1
    if form == "more than":
        lower = _round_sig(value * 0.95, 1, "down")
        lower_amount = lower / scale
        lnum = f"{lower_amount:.1f}".rstrip("0").rstrip(".") if lower_amount < 100 else f"{lower_amount:.0f}"
        return f"more than {sign}{lnum} {word}", lower, None
    return f"{sign}{num} {word}", value, value


def percent_phrase(value: float, rng: random.Random, form: str | None = None) -> tuple[str, float | None, float | None]:
    num = f"{value:.1f}".rstrip("0").rstrip(".")
    form = form or rng.choice(("sign", "sign", "word", "about"))
    if form == "word":
        return f"{num} percent", value, value
    if form == "about":
        return f"about {num}%", value * 0.9, value * 1.1
    return f"{num}%", value, value


def date_phrase(target: date, published: date, rng: random.Random) -> str:
    lag = (published - target).days
    month_day = f"{W.MONTHS[target.month - 1]} {target.day}"
    if target.year != published.year:
        month_day += f", {target.year}"
    if 1 <= lag <= 5 and rng.random() < 0.55:
        return f"on {W.WEEKDAYS[target.weekday()]}"
    if rng.random() < 0.3:
        return f"on {W.WEEKDAYS[target.weekday()]}, {month_day}"
    return f"on {month_day}"


def time_phrase(minutes: int, rng: random.Random) -> str:
    h, m = divmod(minutes, 60)
    if rng.random() < 0.35:
        return f"{h:02d}:{m:02d}"
    suffix = "a.m." if h < 12 else "p.m."
    return f"{(h % 12) or 12}:{m:02d} {suffix}"


# ---------------------------------------------------------------- events

@dataclass
class Event:
    index: int
    type: EventType
    rng_seed: str
    place: str
    region: str
    river: str
    org: str
    facility: str
    authority: str
    speaker: str
    speaker_role: str
    mayor: str
    population: int
    currency: str
    day: date
    agency: tuple[str, str]
    values: dict[str, object]            # slot -> true value
    conflicts: dict[str, object]         # slot -> planted conflicting value
    quote: str


def _name(rng: random.Random) -> str:
    return f"{rng.choice(W.FIRST_NAMES)} {rng.choice(W.LAST_NAMES)}"


def _place(rng: random.Random) -> str:
    return rng.choice(W.PLACE_HEADS) + rng.choice(W.PLACE_TAILS)


def make_event(seed: int, index: int) -> Event:
    rng = random.Random(f"{seed}:event:{index}")
    etype = EVENT_TYPES[rng.randrange(len(EVENT_TYPES))]
    place = _place(rng)
    region = rng.choice(W.REGIONS)
    org_tail = rng.choice(W.ORG_TAILS_COMPANY if etype.org_kind == "company" else W.ORG_TAILS_PUBLIC)
    org = f"{rng.choice(W.ORG_HEADS)}{rng.choice(W.ORG_ENDINGS)} {org_tail}"
    fields = {"place": place, "region": region, "org": org}
    # "the {authority}" in sentences: a region named "the Riverlands" must not make "the the Riverlands Agency"
    authority = etype.authority.format(**{**fields, "region": region.removeprefix("the ")})
    day = date(2024, 1, 1) + timedelta(days=rng.randrange(0, 720))
    values: dict[str, object] = {}
    conflicts: dict[str, object] = {}
    for spec in etype.facts:
        values[spec.slot] = _true_value(spec, rng, day)
    checkable = [s for s in etype.facts if s.kind != "quote"]
    if rng.random() < 0.65:
        for spec in rng.sample(checkable, k=min(len(checkable), rng.choice((1, 1, 2)))):
            conflicts[spec.slot] = _conflicting_value(spec, values[spec.slot], rng)
    first, second = etype.quote_parts
    quote = f"{rng.choice(first)} {rng.choice(second)}"
    # a town keeps its river, mayor and population in every event that happens there
    town = random.Random(f"{seed}:place:{place}")
    river, mayor, population = town.choice(W.RIVERS), _name(town), town.randint(8000, 400000)
    return Event(
        index=index, type=etype, rng_seed=f"{seed}:{index}", place=place, region=region,
        river=river, org=org, facility=rng.choice(etype.facilities), authority=authority,
        speaker=_name(rng), speaker_role=rng.choice(W.OFFICIAL_ROLES), mayor=mayor,
        population=int(_round_sig(population, 2)), currency="USD" if rng.random() < 0.75 else "EUR",
        day=day, agency=rng.choice(W.AGENCIES), values=values, conflicts=conflicts, quote=quote,
    )


def _true_value(spec: FactSpec, rng: random.Random, day: date) -> object:
    if spec.kind == "count":
        return int(round(math.exp(rng.uniform(math.log(spec.low), math.log(spec.high)))))
    if spec.kind == "money":
        return money_value(rng, spec.low, spec.high)
    if spec.kind == "percent":
        return round(rng.uniform(spec.low, spec.high), 1)
    if spec.kind == "date":
        return day
    if spec.kind == "time":
        return rng.randrange(5 * 60, 22 * 60, 5)
    return None


def _conflicting_value(spec: FactSpec, value: object, rng: random.Random) -> object:
    factor = rng.uniform(0.55, 0.8) if rng.random() < 0.7 else rng.uniform(1.3, 1.7)
    if spec.kind == "count":
        other = int(round(value * factor))
        return other if other != value else value + 3
    if spec.kind == "money":
        return _round_sig(value * factor, 2)
    if spec.kind == "percent":
        return round(value * factor, 1) if round(value * factor, 1) != value else round(value + 1.5, 1)
    if spec.kind == "date":
        return value + timedelta(days=rng.choice((-2, -1, 1, 2)))
    if spec.kind == "time":
        return value + rng.choice((-1, 1)) * rng.randrange(15, 80, 5)
    return None


# ---------------------------------------------------------------- articles

_GENERIC_FILLER = (
    "{place} is a {adj} town of about {population} people on the {river} River.",
    "Residents of {place} said they first understood something was wrong when {sensory}.",
    "\"{wq},\" said {wname}, a {job} who lives in {place}.",
    "{wname2}, a {job2} from {place}, said {wq2}.",
    "Officials in {place} said more information would be released {later}.",
    "The mayor of {place}, {mayor}, is expected to visit the area {later}.",
    "It was not immediately clear what the longer-term consequences for {region} would be.",
    "Opposition politicians in {region} called for an independent inquiry into what happened.",
    "Critics in {region} say the warning signs were ignored for years by people who should have known better.",
    "Some experts believe the full picture of what happened in {place} may not be known for weeks.",
    "The {authority} did not respond to a request for further comment about {org} on {weekday_any}.",
    "Traffic around {place} was diverted for much of the day, and buses ran on shortened routes.",
    "Community groups organised collections of food, blankets and clothing in the {place} town square.",
    "A telephone helpline has been set up in {region} for people seeking information about relatives.",
    "Officials said the situation in {place} was under control but urged people to follow official advice.",
    "Many shops in the centre of {place} stayed shut, and the weekly market was cancelled.",
    "The regional assembly in {region} is due to discuss the matter at its next session.",
    "Neighbours said the {facility} had been part of life in {place} for as long as they could remember.",
    "Photographs shared online from {place} showed {scene}.",
    "Several businesses in {place} offered free meals to emergency workers and volunteers.",
    "In a brief statement, the {authority} thanked members of the public for their patience.",
    "Church halls and sports centres in {place} opened their doors to people who needed somewhere to stay.",
    "A memorial service is being planned, according to the {place} parish council.",
    "The head of the chamber of commerce in {region} said it was too early to judge the cost to trade.",
    "Volunteers from towns near {place} arrived throughout the afternoon to help.",
    "{wname} said {place} would need support long after the cameras had gone.",
    "Questions remain about what the authorities knew beforehand and when they knew it.",
    "The events are likely to feature prominently in the next meeting of the {place} town council.",
    "Insurance specialists said claims could take months to settle.",
    "Reporters in {place} saw {scene2}.",
    "Schoolchildren in {place} were sent home early as a precaution.",
    "The local hospital said it had called in extra staff from across {region}.",
    "A spokesperson for the government of {region} said ministers were being kept informed about {org}.",
    "Social media posts from residents of {place} described how {sensory2}.",
    "Officials in {place} said they would publish a full timeline of events once it was confirmed.",
    "About {volunteers} volunteers signed up at a registration desk outside the library in {place}.",
    "Regional broadcasters interrupted their schedules to carry live reports from {place}.",
    "Several families said they had been given conflicting advice in the first hours.",
    "Football clubs in {place} postponed their weekend fixtures out of respect.",
    "The main road between {place} and the neighbouring villages reopened in the evening.",
    "A small crowd gathered outside the {place} town hall waiting for news.",
    "Charities in {region} said donations had arrived faster than they could sort them.",
    "The local newspaper's website struggled to cope with the number of visitors.",
    "Students at the technical college offered to help with the clean-up.",
    "Older residents compared the events with a disaster that struck {place} decades ago.",
    "Rail services through {place} were running with delays of up to an hour.",
    "A prayer vigil was held at the {place} cathedral, attended by several hundred people.",
    "Engineers were expected to complete a first inspection of buildings near the {org} site by the weekend.",
    "Trade unions said workers' safety had to come before any other consideration.",
    "A cross-party group of councillors asked for a public meeting in {place}.",
    "The weather forecast for the coming days is dry, which officials said would help.",
    "Lawyers said it was too early to say whether anyone would face legal action.",
    "Restaurants along the {river} River reported a sharp fall in bookings.",
    "Representatives of {org} said they would take part in any review.",
    "Aid workers said the most pressing need was for warm clothing and baby supplies.",
)
_SENSORY = ("they heard a loud bang", "the lights went out across the street", "sirens filled the air",
            "they smelled smoke through the windows", "their phones lit up with emergency alerts",
            "the ground seemed to shake", "a neighbour knocked on the door")
_SCENES = ("long queues of emergency vehicles", "crowds gathering behind police tape",
           "volunteers handing out bottled water", "a heavy grey sky over the rooftops",
           "workers in high-visibility jackets inspecting the damage")
_WITNESS_QUOTES = ("I have never seen anything like it", "We just grabbed the children and left",
                   "Everyone is asking the same questions", "It was frightening, honestly",
                   "The whole street came out to help", "Nobody told us what was happening")
_WITNESS_REPORTS = ("the night had been long and confusing", "neighbours had checked on each other all evening",
                    "people were worried but calm", "the town would come through this together")
_LATER = ("later in the week", "in the coming days", "on the following morning", "after a full assessment")
_SWAPS = (("said", "stated"), ("people", "residents"), ("officials", "authorities"), ("town", "community"))


def _sentence(core: str, fields: dict, attribution: str | None) -> str:
    text = core.format(**fields)
    text = text[0].upper() + text[1:]
    if attribution:
        return f"{text}, {attribution}."
    return text if text.endswith(".") else f"{text}."   # "at 4:05 p.m." ends the sentence with its own stop


def _attribution(role: str, event: Event, outlet: str, rng: random.Random) -> str | None:
    agency, agency_short = event.agency
    name = _name(rng)
    if role == "wire":
        options = ("officials said", f"the {event.authority} said in a statement", "police said",
                   f"{name}, a {rng.choice(W.OFFICIAL_ROLES)} for the {event.authority}, said", None)
    elif role == "rewrite":
        options = (f"according to {agency}", f"{event.speaker} told {agency}", f"{agency} reported",
                   f"the {event.authority} told {agency_short}", f"according to {agency_short}")
    else:
        options = (f"{name} told {outlet}", f"according to figures seen by {outlet}",
                   f"a {rng.choice(W.OFFICIAL_ROLES)} for the {event.authority} told {outlet}",
                   "according to two people familiar with the matter", f"records reviewed by {outlet} show", None)
    return rng.choice(options)


def _fact_text(spec: FactSpec, value: object, event: Event, published: date,
               rng: random.Random) -> tuple[dict, dict]:
    """Placeholder values for one fact and the mention data describing what the wording allows."""
    if spec.kind == "count":
        text, low, high = count_phrase(int(value), rng)
        return {"n": text}, {"low": low, "high": high}
    if spec.kind == "money":
        text, low, high = money_phrase(float(value), event.currency, rng)
        return {"n": text}, {"low": low, "high": high}
    if spec.kind == "percent":
        text, low, high = percent_phrase(float(value), rng)
        return {"n": text}, {"low": low, "high": high}
    if spec.kind == "date":
        return {"d": date_phrase(value, published, rng)}, {"value": value.isoformat()}
    if spec.kind == "time":
        minutes = int(value) % (24 * 60)
        return {"t": time_phrase(minutes, rng)}, {"value": f"{minutes // 60:02d}:{minutes % 60:02d}"}
    raise ValueError(spec.kind)


def _quote_sentence(event: Event, role: str, curly: bool, rng: random.Random) -> str:
    open_q, close_q = ("\u201c", "\u201d") if curly else ('"', '"')
    q = event.quote
    agency_short = event.agency[1]
    forms = [
        f"{open_q}{q},{close_q} said {event.speaker}, the {event.speaker_role} at {event.org}.",
        f"{event.speaker}, the {event.speaker_role} at {event.org}, said: {open_q}{q}.{close_q}",
    ]
    if role == "rewrite":
        forms.append(f"{open_q}{q},{close_q} {event.speaker} told {agency_short}.")
    return rng.choice(forms)


class _Writer:
    """Builds the articles of one event."""

    def __init__(self, event: Event, seed: int, outlets: list[str]):
        self.event = event
        self.rng = random.Random(f"{seed}:articles:{event.index}")
        self.outlets = outlets
        self.volunteers = random.Random(f"{seed}:volunteers:{event.index}").randint(20, 400)   # filler agrees too
        et = event.type
        self.fields = {
            "place": event.place, "region": event.region, "river": event.river, "org": event.org,
            "facility": event.facility, "authority": event.authority, "speaker": event.speaker,
            "speaker_role": event.speaker_role, "mayor": event.mayor, "population": f"{event.population:,}",
        }
        self.wire_cores = {spec.slot: self.rng.randrange(len(spec.cores)) for spec in et.facts if spec.cores}

    def coverage(self) -> list[tuple[str, str]]:
        rng = self.rng
        roles = ["wire"] + ["copy"] * rng.randint(1, 3) + ["rewrite"] * rng.randint(0, 2)
        roles += ["independent"] * rng.randint(1, 3)
        outlets = rng.sample(self.outlets, k=len(roles))
        agency = self.event.agency[0]
        return [(role, agency if role == "wire" else outlet) for role, outlet in zip(roles, outlets)]

    def write(self, plan: list[tuple[str, str]], keys: list[str], html_share: float) -> tuple[list[Article], list[Mention]]:
        articles: list[Article] = []
        mentions: list[Mention] = []
        wire: Article | None = None
        wire_mentions: list[Mention] = []
        dissenter = next((i for i, (role, _) in enumerate(plan) if role == "independent"), None)
        wire_lag = self.rng.randint(0, 2)
        for i, ((role, outlet), key) in enumerate(zip(plan, keys)):
            fmt = "html" if self.rng.random() < html_share else "md"
            if role == "copy" and wire is not None:
                art, ms = self._copy(wire, wire_mentions, outlet, key, fmt)
            else:
                lag = wire_lag if role == "wire" else self.rng.randint(wire_lag, wire_lag + 2)
                art, ms = self._original(role, outlet, key, fmt, lag, planted=(i == dissenter))
                if role == "wire":
                    wire, wire_mentions = art, ms
            articles.append(art)
            mentions += ms
        return articles, mentions

    # -- an article written from the event's facts
    def _original(self, role: str, outlet: str, key: str, fmt: str, lag: int,
                  planted: bool) -> tuple[Article, list[Mention]]:
        rng, event = self.rng, self.event
        published = event.day + timedelta(days=lag)
        curly = rng.random() < 0.3
        fields = dict(self.fields)
        fact_sentences: list[tuple[str, Mention | None]] = []
        for n, spec in enumerate(event.type.facts):
            if n > 0 and rng.random() < 0.15:
                continue   # not every outlet reports every fact
            if spec.kind == "quote":
                sentence = _quote_sentence(event, role, curly, rng)
                fact_sentences.append((sentence, Mention(f"e{event.index}:{spec.slot}", key, sentence, "quote",
                                                         "true", value=event.quote)))
                continue
            conflict = planted and spec.slot in event.conflicts
            value = event.conflicts[spec.slot] if conflict else event.values[spec.slot]
            fill, data = _fact_text(spec, value, event, published, rng)
            if conflict and spec.kind in NUMERIC_KINDS:
                fill, data = self._conflict_number(spec, value)
            core_index = self.wire_cores[spec.slot]
            if role != "wire" and len(spec.cores) > 1:
                core_index = (core_index + rng.randint(1, len(spec.cores) - 1)) % len(spec.cores)
            attribution = _attribution(role, event, outlet, rng) if rng.random() < 0.75 else None
            sentence = _sentence(spec.cores[core_index], {**fields, **fill}, attribution)
            fact_sentences.append((sentence, Mention(f"e{event.index}:{spec.slot}", key, sentence, spec.kind,
                                                     "conflict" if conflict else "true", **data)))
        filler = self._filler(outlet, published)
        paragraphs = self._layout(fact_sentences, filler)
        if role != "wire" and rng.random() < 0.5:
            paragraphs.append(rng.choice(W.NEWSLETTER_LINES).format(outlet=outlet, region=event.region))
        title = rng.choice(event.type.headlines).format(**fields)
        author = _name(rng) if rng.random() < 0.8 else f"{outlet} {rng.choice(W.DESKS)}"
        art = Article(key=key, event=event.index, event_type=event.type.name, role=role,
                      origin=event.agency[0] if role in ("wire", "rewrite") else outlet, outlet=outlet,
                      author=author, title=title, published=published,
                      published_time=f"{rng.randint(6, 22):02d}:{rng.randrange(0, 60, 5):02d}", fmt=fmt,
                      paragraphs=paragraphs)
        return art, [m for _, m in fact_sentences if m is not None]

    def _conflict_number(self, spec: FactSpec, value: object) -> tuple[dict, dict]:
        form = "exact" if self.rng.random() < 0.7 else "about"
        if spec.kind == "count":
            text, low, high = count_phrase(int(value), self.rng, form)
        elif spec.kind == "money":
            text, low, high = money_phrase(float(value), self.event.currency, self.rng, form)
        else:
            text, low, high = percent_phrase(float(value), self.rng, "sign" if form == "exact" else form)
        return {"n": text}, {"low": low, "high": high}

    def _filler(self, outlet: str, published: date) -> Iterator[str]:
        """Background sentences for one article, formatted lazily (only the ones the layout uses)."""
        rng = self.rng
        templates = list(_GENERIC_FILLER)
        rng.shuffle(templates)
        slots = {
            **self.fields, "adj": rng.choice(W.ADJECTIVES), "sensory": rng.choice(_SENSORY),
            "sensory2": rng.choice(_SENSORY), "wq": rng.choice(_WITNESS_QUOTES), "wq2": rng.choice(_WITNESS_REPORTS),
            "wname": _name(rng), "wname2": _name(rng), "job": rng.choice(W.WITNESS_JOBS),
            "job2": rng.choice(W.WITNESS_JOBS), "later": rng.choice(_LATER), "scene": rng.choice(_SCENES),
            "scene2": rng.choice(_SCENES), "weekday_any": W.WEEKDAYS[published.weekday()], "outlet": outlet,
            "volunteers": self.volunteers,
        }
        for template in self.event.type.context + tuple(templates):
            yield template.format(**slots)

    def _layout(self, facts: list[tuple[str, Mention | None]], filler: list[str]) -> list[str]:
        """Paragraphs: the lead fact first, other facts spread among background sentences, ~700 words."""
        rng = self.rng
        target = rng.randint(*TARGET_WORDS)
        words = sum(len(s.split()) for s, _ in facts)
        queue = [s for s, _ in facts]
        paragraphs: list[str] = [queue.pop(0)] if queue else []
        fill = iter(filler)
        while queue or words < target:
            para = []
            if queue:
                para.append(queue.pop(0))
            for _ in range(rng.randint(1, 3)):
                sentence = next(fill, None)
                if sentence is None:
                    break
                para.append(sentence)
                words += len(sentence.split())
            if not para:
                break
            if len(para) > 1 and rng.random() < 0.3:
                rng.shuffle(para)
            paragraphs.append(" ".join(para))
        return paragraphs

    # -- a near-verbatim copy of the wire story
    def _copy(self, wire: Article, wire_mentions: list[Mention], outlet: str, key: str,
              fmt: str) -> tuple[Article, list[Mention]]:
        rng = self.rng
        fact_sentences = {m.sentence for m in wire_mentions}
        paragraphs = list(wire.paragraphs)
        for _ in range(rng.randint(0, 2)):   # trim background paragraphs from the end
            if len(paragraphs) > 4 and not any(s in paragraphs[-1] for s in fact_sentences):
                paragraphs.pop()
        for i in rng.sample(range(1, len(paragraphs)), k=min(2, len(paragraphs) - 1)):
            if not any(s in paragraphs[i] for s in fact_sentences):
                old, new = rng.choice(_SWAPS)
                paragraphs[i] = paragraphs[i].replace(f" {old} ", f" {new} ", 1)
        paragraphs[0] = f"{self.event.place.upper()} ({wire.origin if rng.random() < 0.5 else self.event.agency[1]}) - " \
            + paragraphs[0]
        if rng.random() < 0.4:
            paragraphs.insert(1, rng.choice(W.PHOTO_LINES).format(person=_name(rng), outlet=outlet))
        if rng.random() < 0.6:
            paragraphs.append(rng.choice(W.NEWSLETTER_LINES).format(outlet=outlet, region=self.event.region))
        text = "\n".join(paragraphs)
        mentions = [replace(m, article=key) for m in wire_mentions if m.sentence in text]
        title = rng.choice(self.event.type.headlines).format(**self.fields)
        published = wire.published + timedelta(days=rng.choice((0, 0, 1)))
        art = Article(key=key, event=self.event.index, event_type=wire.event_type, role="copy", origin=wire.origin,
                      outlet=outlet, author=f"{wire.origin}", title=title, published=published,
                      published_time=f"{rng.randint(6, 22):02d}:{rng.randrange(0, 60, 5):02d}", fmt=fmt,
                      paragraphs=paragraphs)
        return art, mentions


def outlet_names(seed: int, count: int = 60) -> list[str]:
    rng = random.Random(f"{seed}:outlets")
    names: list[str] = []
    while len(names) < count:
        name = f"The {rng.choice(W.OUTLET_PLACES)} {rng.choice(W.OUTLET_KINDS)}"
        if name not in names:
            names.append(name)
    return names


def generate_corpus(n_articles: int, seed: int = DEFAULT_SEED, html_share: float = 0.1,
                    hold_out: bool = True) -> Corpus:
    """``n_articles`` articles (plus one held-out article when ``hold_out``), deterministic for a seed."""
    outlets = outlet_names(seed)
    articles: list[Article] = []
    mentions: list[Mention] = []
    wanted = n_articles + (1 if hold_out else 0)
    index = 0
    while len(articles) < wanted:
        event = make_event(seed, index)
        writer = _Writer(event, seed, outlets)
        plan = writer.coverage()[: wanted - len(articles)]
        keys = [f"a{len(articles) + i:06d}" for i in range(len(plan))]
        arts, ms = writer.write(plan, keys, html_share)
        articles += arts
        mentions += ms
        index += 1
    held = None
    if hold_out:
        held = _pick_held_out(articles)
        articles.remove(held)
    return Corpus(seed=seed, articles=articles, mentions=mentions, held_out=held)


def _pick_held_out(articles: list[Article]) -> Article:
    """An independent report of an event that other articles also cover, from the middle of the corpus."""
    per_event: dict[int, int] = {}
    for a in articles:
        per_event[a.event] = per_event.get(a.event, 0) + 1
    start = len(articles) // 2
    for a in articles[start:] + articles[:start]:
        if a.role == "independent" and per_event[a.event] >= 3:
            return a
    return articles[-1]


# ---------------------------------------------------------------- truth

# Two hedged figures corroborate only when they name about the same amount: "more than 50" and "some 60", or
# "between 10,000 and 30,000" and "17,744", are consistent, but neither repeats what the other says.
SAME_AMOUNT_GAP = 0.12
WIDE_RANGE = 1.25


def _anchor(m: Mention) -> float | None:
    """The amount a wording names, or None when it names a wide range rather than an amount."""
    if m.low is None or m.high is None:
        return m.high if m.low is None else m.low
    if m.low > 0 and m.high / m.low > WIDE_RANGE:
        return None
    return (m.low + m.high) / 2


def _relation(m1: Mention, m2: Mention) -> str | None:
    if m1.kind in NUMERIC_KINDS:
        lo1 = -math.inf if m1.low is None else m1.low
        hi1 = math.inf if m1.high is None else m1.high
        lo2 = -math.inf if m2.low is None else m2.low
        hi2 = math.inf if m2.high is None else m2.high
        if hi1 < lo2 or hi2 < lo1:
            return "conflicts"
        if m1.variant != "true" or m2.variant != "true":
            return None   # a vague hedge: no truth
        if (m1.low, m1.high) == (m2.low, m2.high):
            return "corroborates"
        x, y = _anchor(m1), _anchor(m2)
        if x is None or y is None or abs(x - y) > SAME_AMOUNT_GAP * max(x, y):
            return None   # consistent, but not the same amount stated twice
        return "corroborates"
    return "corroborates" if m1.value == m2.value else "conflicts"


def truth_pairs(mentions: list[Mention], articles: set[str] | None = None) -> list[TruthPair]:
    """Sentence pairs (in two articles) about one fact; a pair is a conflict when any shared fact conflicts."""
    by_fact: dict[str, list[Mention]] = {}
    for m in mentions:
        if articles is None or m.article in articles:
            by_fact.setdefault(m.fact, []).append(m)
    pairs: dict[tuple, dict] = {}
    for fact, ms in by_fact.items():
        for m1, m2 in combinations(ms, 2):
            if m1.article == m2.article:
                continue
            rel = _relation(m1, m2)
            if rel is None:
                continue
            if (m1.article, m1.sentence) > (m2.article, m2.sentence):
                m1, m2 = m2, m1
            key = (m1.article, m1.sentence, m2.article, m2.sentence)
            entry = pairs.setdefault(key, {"relation": rel, "facts": [], "kinds": []})
            if rel == "conflicts":
                entry["relation"] = "conflicts"
            entry["facts"].append(fact)
            entry["kinds"].append(m1.kind)
    return [TruthPair(k[0], k[1], k[2], k[3], v["relation"], tuple(v["facts"]), tuple(v["kinds"]))
            for k, v in pairs.items()]


# ---------------------------------------------------------------- files

def render_markdown(a: Article) -> str:
    meta = {"title": a.title, "outlet": a.outlet, "author": a.author, "url": a.url,
            "published": f"{a.published.isoformat()}T{a.published_time}"}
    front = "\n".join(f"{k}: {json.dumps(v, ensure_ascii=False)}" for k, v in meta.items())
    return f"---\n{front}\n---\n\n" + "\n\n".join(a.paragraphs) + "\n"


_NAV = ("Home", "World", "Business", "Local", "Sport", "Opinion", "Weather")


def render_html(a: Article) -> str:
    e = html.escape
    nav = "".join(f'<li><a href="/{n.lower()}">{n}</a></li>' for n in _NAV)
    body = "\n".join(f"<p>{e(p)}</p>" for p in a.paragraphs)
    return (
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        f"<title>{e(a.title)} | {e(a.outlet)}</title>"
        f"<meta property=\"og:title\" content=\"{e(a.title)}\">"
        f"<meta property=\"og:site_name\" content=\"{e(a.outlet)}\">"
        f"<meta name=\"author\" content=\"{e(a.author)}\">"
        f"<meta property=\"article:published_time\" content=\"{a.published.isoformat()}T{a.published_time}:00\">"
        f"<link rel=\"canonical\" href=\"{e(a.url)}\">"
        f"</head><body><header><div class=\"logo\">{e(a.outlet)}</div><nav><ul>{nav}</ul></nav></header>\n"
        f"<main><article><h1>{e(a.title)}</h1><p class=\"byline\">By {e(a.author)}</p>\n{body}\n</article></main>\n"
        f"<aside><h2>Most read</h2><ul><li><a href=\"/local\">Local traffic updates</a></li>"
        f"<li><a href=\"/weather\">Weekend weather</a></li></ul></aside>\n"
        f"<footer><p>&copy; {a.published.year} {e(a.outlet)}. All rights reserved.</p>"
        f"<p><a href=\"/privacy\">Privacy</a> | <a href=\"/terms\">Terms</a></p></footer></body></html>\n"
    )


def write_corpus(corpus: Corpus, folder: Path) -> tuple[Path, Path | None]:
    """Write the articles to ``folder/articles`` (the held-out one to ``folder/held_out``) and the truth file."""
    folder = Path(folder)
    articles_dir = folder / "articles"
    articles_dir.mkdir(parents=True, exist_ok=True)
    for a in corpus.articles:
        (articles_dir / a.filename).write_text(a.render(), encoding="utf-8")
    held_path = None
    if corpus.held_out is not None:
        held_dir = folder / "held_out"
        held_dir.mkdir(exist_ok=True)
        held_path = held_dir / corpus.held_out.filename
        held_path.write_text(corpus.held_out.render(), encoding="utf-8")
    truth = {
        "seed": corpus.seed,
        "articles": [{"key": a.key, "file": a.filename, "event": a.event, "type": a.event_type, "role": a.role,
                      "origin": a.origin, "outlet": a.outlet, "published": a.published.isoformat()}
                     for a in corpus.articles + ([corpus.held_out] if corpus.held_out else [])],
        "held_out": corpus.held_out.key if corpus.held_out else None,
        "mentions": [asdict(m) for m in corpus.mentions],
    }
    (folder / "truth.json").write_text(json.dumps(truth, indent=0), encoding="utf-8")
    return articles_dir, held_path


def main(argv: list[str] | None = None) -> None:
    """`python -m benchmarks.generator N OUT [--seed S]`: write a corpus to a folder."""
    import argparse

    parser = argparse.ArgumentParser(description="Write a generated news corpus with its truth file.")
    parser.add_argument("articles", type=int)
    parser.add_argument("out", type=Path)
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--html-share", type=float, default=0.1)
    args = parser.parse_args(argv)
    corpus = generate_corpus(args.articles, args.seed, args.html_share)
    write_corpus(corpus, args.out)
    print(f"{len(corpus.articles)} articles, {len(corpus.mentions)} fact mentions -> {args.out}")


if __name__ == "__main__":
    main()
