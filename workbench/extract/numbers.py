"""Numbers in a sentence: value, interval from hedges and ranges, unit, and what is counted."""

from __future__ import annotations

import re
from collections.abc import Iterable

from workbench.domain.facets import NumberFacet
from workbench.extract.spans import SpanSet
from workbench.extract.tokens import lower_words

SCALES = {"hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
          "k": 1e3, "m": 1e6, "mn": 1e6, "mln": 1e6, "b": 1e9, "bn": 1e9, "bln": 1e9, "tn": 1e12, "trn": 1e12}

WORD_VALUES = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "dozen": 12, "a dozen": 12, "a hundred": 100,
    "a thousand": 1000, "a million": 1e6, "a billion": 1e9,
}
_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_ONES = "one|two|three|four|five|six|seven|eight|nine"
_WORD_NUMBER = (rf"(?:(?:{_TENS})(?:-(?:{_ONES}))?|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen"
                rf"|eighteen|nineteen|two|three|four|five|six|seven|eight|nine|a\s+dozen|a\s+hundred|a\s+thousand"
                rf"|a\s+million|a\s+billion|one(?=\s+(?:hundred|thousand|million|billion|trillion)\b))")

CURRENCY_SIGNS = {
    "us$": "USD", "$": "USD", "hk$": "HKD", "nt$": "TWD", "a$": "AUD", "c$": "CAD", "s$": "SGD", "r$": "BRL",
    "€": "EUR", "£": "GBP", "¥": "JPY", "₹": "INR", "₩": "KRW", "rmb": "CNY", "cny": "CNY", "usd": "USD",
    "eur": "EUR", "gbp": "GBP", "jpy": "JPY", "inr": "INR", "rs": "INR", "rs.": "INR", "chf": "CHF",
}
CURRENCY_WORDS = {
    "dollars": "USD", "dollar": "USD", "euros": "EUR", "euro": "EUR", "pounds": "GBP", "yuan": "CNY",
    "renminbi": "CNY", "yen": "JPY", "rupees": "INR", "won": "KRW", "francs": "CHF", "usd": "USD", "eur": "EUR",
}

_NUMBER = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+"
_CURRENCY = r"(?:US\$|HK\$|NT\$|A\$|C\$|S\$|R\$|\$|€|£|¥|₹|₩|(?:RMB|CNY|USD|EUR|GBP|JPY|INR|CHF|Rs\.?)\s?)"
_SCALE_WORD = r"(?:hundred|thousand|million|billion|trillion)"

_AMOUNT_TAIL = (rf"(?:[\s\u00a0-](?P<scale>{_SCALE_WORD})s?\b)?"
                rf"(?:\s?(?P<pct>%|percent\b|per\s?cent\b|percentage\s+points?\b))?")
# Amounts written with digits ("$2.7 billion", "14.3bn", "4.5%") and with words ("two million", "a dozen").
AMOUNT = re.compile(
    rf"(?<![\w.,:$€£¥₹/])(?<![A-Za-z]-)(?P<cur>{_CURRENCY})?"
    rf"(?P<num>{_NUMBER})(?P<att>bn|mn|mln|bln|tn|trn|[kKmMbB])?(?![\w:])" + _AMOUNT_TAIL,
    re.IGNORECASE,
)
WORD_AMOUNT = re.compile(rf"\b(?P<word>{_WORD_NUMBER})\b" + _AMOUNT_TAIL, re.IGNORECASE)

# Word forms with a wide interval: (pattern, low, high, unit).
VAGUE = [
    (r"hundreds\s+of\s+thousands", 2e5, 999_999),
    (r"tens\s+of\s+thousands", 2e4, 99_999),
    (r"hundreds\s+of\s+millions", 2e8, 999_999_999),
    (r"tens\s+of\s+millions", 2e7, 99_999_999),
    (r"several\s+hundred\s+thousand", 2e5, 999_999),
    (r"several\s+thousand", 3e3, 9_999),
    (r"several\s+hundred", 3e2, 999),
    (r"several\s+million", 3e6, 9_999_999),
    (r"several\s+billion", 3e9, 9_999_999_999),
    (r"several\s+dozen", 36, 120),
    (r"a\s+few\s+hundred", 2e2, 500),
    (r"a\s+few\s+thousand", 2e3, 5_000),
    (r"a\s+few\s+million", 2e6, 5e6),
    (r"half\s+a\s+dozen", 6, 6),
    (r"a\s+handful", 2, 5),
    (r"dozens", 24, 99),
    (r"scores", 40, 99),
    (r"hundreds", 200, 999),
    (r"thousands", 2_000, 9_999),
    (r"millions", 2e6, 9_999_999),
    (r"billions", 2e9, 9_999_999_999),
]
VAGUE_RE = re.compile(
    r"\b(?:" + "|".join(f"(?P<v{i}>{p})" for i, (p, _l, _h) in enumerate(VAGUE)) + r")\b(?:\s+of\b)?",
    re.IGNORECASE,
)

FRACTIONS = {"half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fifth": 5,
             "fifths": 5, "sixth": 6, "sixths": 6, "eighth": 8, "eighths": 8, "tenth": 10, "tenths": 10}
FRACTION_RE = re.compile(
    r"\b(?P<n>one|two|three|four|a)[\s-](?P<d>half|thirds?|quarters?|fifths?|sixths?|eighths?|tenths?)\b"
    r"|\b(?P<half>half)(?=\s+(?:of|the|its|their|a)\b)",
    re.IGNORECASE,
)
MULTIPLE_RE = re.compile(r"\b(?P<m>twice|threefold|fourfold|fivefold|tenfold|double|triple)\b(?!\s+(?:the|of)\b)"
                         r"|\b(?P<m2>twice)\b", re.IGNORECASE)
_HAS_DIGIT = re.compile(r"\d")
_WORD_NUMBER_HINTS = frozenset((
    "two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen "
    "eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety dozen hundred thousand million "
    "billion").split())
_VAGUE_HINTS = frozenset(("dozen dozens hundred hundreds thousand thousands millions billions several few handful "
                          "scores").split())
_FRACTION_HINTS = frozenset("half third thirds quarter quarters fifth fifths sixth sixths eighth eighths tenth "
                            "tenths".split())
_FOLD = {"twice": 2, "double": 2, "threefold": 3, "triple": 3, "fourfold": 4, "fivefold": 5, "tenfold": 10}

# Hedges: phrase before a number -> how it bounds the interval.
HEDGES = {
    "more than": "above", "over": "above", "above": "above", "in excess of": "above", "upwards of": "above",
    "exceeding": "above", "exceed": "above", "exceeds": "above", "exceeded": "above", "surpass": "above",
    "surpassing": "above", "greater than": "above", "north of": "above", "just over": "just above",
    "slightly more than": "just above", "at least": "at least", "no fewer than": "at least",
    "no less than": "at least", "a minimum of": "at least", "up to": "at most", "as many as": "at most",
    "as much as": "at most", "at most": "at most", "no more than": "at most", "a maximum of": "at most",
    "less than": "below", "fewer than": "below", "under": "below", "below": "below", "just under": "just below",
    "about": "about", "around": "about", "roughly": "about", "some": "about", "approximately": "about",
    "approx.": "about", "an estimated": "about", "estimated": "about", "close to": "just below",
    "nearly": "just below", "almost": "just below", "just shy of": "just below", "circa": "about",
    "near": "about", "upward of": "above", "well over": "above", "more than double": "above",
    "between": "between",
}
HEDGE_RE = re.compile(
    r"\b(?P<h>" + "|".join(sorted((re.escape(h) for h in HEDGES), key=len, reverse=True)) + r")\s+$",
    re.IGNORECASE,
)
RANGE_GAP = re.compile(r"\s*(?:-|–|—|to|and)\s*$", re.IGNORECASE)

STOPWORDS = frozenset("""
after before since during amid against among under within until last this next ago earlier later than compared
versus while when where because though although if over below above across through per cent
a an the of to in and or for on at by with from that which who is are was were has have had be been being will
would could should may might can this these those its their his her our your per each more than over about
as into out up down off not no nor so such only also just new some any all other another it they he she we
""".split())
_WORD = re.compile(r"[A-Za-z0-9][\w'’-]*|[^\w\s]")
YEAR_RANGE = (1800, 2100)


def _to_float(text: str) -> float:
    return float(text.replace(",", ""))


def _interval(value: float, hedge: str | None) -> tuple[float | None, float | None]:
    kind = HEDGES.get(hedge.lower()) if hedge else None
    if kind in ("above", "at least"):
        return value, None
    if kind == "just above":
        return value, value * 1.1
    if kind in ("at most", "below"):
        return None, value
    if kind == "just below":
        return value * 0.9, value
    if kind == "about":
        return value * 0.9, value * 1.1
    return value, value


def counted_after(text: str, pos: int, limit: int = 4) -> str | None:
    """The noun a number counts: the first plain lower-case word after it, skipping names and modifiers."""
    seen = 0
    for match in _WORD.finditer(text, pos, min(len(text), pos + 60)):
        word = match.group(0)
        if not word[0].isalnum():
            if word[0] in ",.;:!?)”\"":
                return None
        elif word.lower() in STOPWORDS:
            if word.lower() != "of":       # "dozens of people"; "in" starts a place or a time, not a noun
                return None
        elif word[0].isupper() or any(ch.isdigit() for ch in word):
            seen += 1
        else:
            return word.lower().strip("'’-")
        seen += 1
        if seen >= limit:
            return None
    return None


# What an amount of money is, when the sentence names it ("valued at $14 billion", "revenue of $870 million").
MONEY_NOUNS = {
    "valuation": "valuation", "valuations": "valuation", "valued": "valuation", "value": "valuation",
    "worth": "valuation", "revenue": "revenue", "revenues": "revenue", "sales": "sales", "profit": "profit",
    "profits": "profit", "loss": "loss", "losses": "loss", "investment": "investment", "invest": "investment",
    "invests": "investment", "invested": "investment", "investing": "investment", "funding": "funding",
    "raised": "funding", "raise": "funding", "stake": "stake", "deal": "deal", "price": "price", "cost": "cost",
    "costs": "cost", "budget": "budget", "debt": "debt", "fine": "fine", "fined": "fine", "income": "income",
    "earnings": "earnings", "assets": "assets", "salary": "salary", "pay": "pay", "paid": "pay",
    "acquisition": "acquisition", "bought": "acquisition", "buy": "acquisition", "capitalization": "valuation",
    "capitalisation": "valuation", "spending": "spending", "spent": "spending", "spend": "spending",
    "bid": "bid", "offer": "offer", "dividend": "dividend", "tax": "tax", "taxes": "tax", "aid": "aid",
    "loan": "loan", "loans": "loan", "bonus": "pay", "compensation": "pay", "damages": "damages",
}
_BACK_WORDS = re.compile(r"[A-Za-z]+")


def money_noun_before(text: str, start: int, window: int = 60) -> str | None:
    """The nearest money noun in the words just before an amount, within its clause."""
    head = text[max(0, start - window):start]
    for stop in (",", ";", ":", "—", "("):
        head = head.rsplit(stop, 1)[-1]
    for word in reversed(_BACK_WORDS.findall(head.lower())):
        if word in MONEY_NOUNS:
            return MONEY_NOUNS[word]
    return None


class _Amount:
    __slots__ = ("start", "end", "value", "unit", "scaled", "currency")

    def __init__(self, start: int, end: int, value: float, unit: str | None, scaled: bool, currency: bool):
        self.start, self.end, self.value, self.unit, self.scaled, self.currency = (
            start, end, value, unit, scaled, currency)


def looks_like_year(text: str, match: re.Match) -> bool:
    raw = match.group("num")
    if not raw or not raw.isdigit() or len(raw) != 4 or match.group("cur") or match.group("scale"):
        return False
    if match.group("att") or match.group("pct"):
        return False
    return YEAR_RANGE[0] <= int(raw) <= YEAR_RANGE[1]


_NAME_BEFORE = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-Z][A-Za-z]+\s$")
_NOT_MODEL_WORDS = frozenset(("January February March April May June July August September October November December "
                              "Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec The A An In On At By For From To Of "
                              "And Or But About Over Nearly Some Around Up").split())


def _is_model_number(text: str, match: re.Match) -> bool:
    """A bare number that is part of a name: "Llama 4", "Boeing 737", "Section 230"."""
    if match.group("cur") or match.group("scale") or match.group("pct") or match.group("att"):
        return False
    raw = match.group("num")
    if "," in raw or "." in raw:
        return False
    before = _NAME_BEFORE.search(text, max(0, match.start() - 30), match.start())
    return bool(before and before.group(0).strip() not in _NOT_MODEL_WORDS)


def _amounts(text: str) -> list[_Amount]:
    out: list[_Amount] = []
    matches: list[re.Match] = list(AMOUNT.finditer(text)) if _HAS_DIGIT.search(text) else []
    if lower_words(text) & _WORD_NUMBER_HINTS:
        matches += WORD_AMOUNT.finditer(text)
        matches.sort(key=lambda m: m.start())
    last_end = -1
    for match in matches:
        if match.start() < last_end:
            continue
        groups = match.groupdict()
        num, word, att = groups.get("num"), groups.get("word"), groups.get("att")
        cur, scale, pct = groups.get("cur"), groups["scale"], groups["pct"]
        if num is not None and looks_like_year(text, match) and counted_after(text, match.end()) is None:
            continue
        if num is not None and _is_model_number(text, match):
            continue
        last_end = match.end()
        if num is not None:
            value = _to_float(num)
        else:
            key = re.sub(r"\s+", " ", word.lower())
            if "-" in key:
                tens, ones = key.split("-")
                value = WORD_VALUES[tens] + WORD_VALUES[ones]
            else:
                value = WORD_VALUES[key]
        unit = None
        scaled = False
        end = match.end()
        if att:
            low_att = att.lower()
            if low_att in ("m", "b") and not cur:
                if low_att == "m":
                    unit = "m"
                else:
                    continue
            else:
                value *= SCALES[low_att]
                scaled = True
        if scale:
            value *= SCALES[scale.lower()]
            scaled = True
        if cur:
            unit = CURRENCY_SIGNS.get(cur.strip().lower(), cur.strip())
        if pct:
            unit = "%" if not pct.lower().startswith("percentage") else "percentage points"
        follow = re.match(r"\s+(?:(US|U\.S\.|Hong Kong|Singapore|Canadian|Australian)\s+)?"
                          r"(dollars?|euros?|pounds|yuan|renminbi|yen|rupees|won|francs|USD|EUR)\b"
                          r"|\s+(times)\b|-fold\b", text[end:end + 40], re.IGNORECASE)
        if follow and unit is None:
            if follow.group(2):
                unit = CURRENCY_WORDS.get(follow.group(2).lower(), follow.group(2))
                prefix = (follow.group(1) or "").lower()
                if unit == "USD" and prefix in ("hong kong", "singapore", "canadian", "australian"):
                    unit = {"hong kong": "HKD", "singapore": "SGD", "canadian": "CAD", "australian": "AUD"}[prefix]
            else:
                unit = "times"
            end += follow.end()
        if num is None and unit is None and not scaled and value < 2:
            continue
        out.append(_Amount(match.start(), end, value, unit, scaled, bool(cur)))
    return out


# "rose 14.5% to 16%", "from 10 to 12": a change between two figures, not a range ("ranged from 10 to 12" is one).
_CHANGE_BEFORE = re.compile(
    r"\b(?:(?<!range )(?<!ranged )(?<!ranges )(?<!ranging )(?<!anywhere )(?<!varied )(?<!varies )(?<!vary )from|rose|rise|rises|rising|fell|fall|falls|falling|grew|grow|grows|growing|climbed|jumped|dropped|"
    r"declined|increased|decreased|raised|cut|lowered|boosted|lifted|slid|slumped|surged|soared|plunged|tumbled|"
    r"gained|lost|up|down|revised|changed|moved|went)\s+(?:by\s+)?(?:(?:about|nearly|almost|some|around|roughly|"
    r"more\s+than|over|just)\s+)?[~$€£¥₹]?$",
    re.IGNORECASE)


def _compatible(first: _Amount, second: _Amount) -> bool:
    """Two amounts can form a range only in the same unit (or with the unit written once)."""
    return first.unit is None or second.unit is None or first.unit == second.unit


def _is_change(text: str, first: _Amount, second: _Amount) -> bool:
    """Whether "X to Y" after a change verb is the change ("rose 14.5% to 16%", "fell from 10 to 12"), not a
    range. "plans to cut 4,000 to 7,000 jobs" is a range: two plain counts of one noun, the second larger but
    of the same order ("rose 200 to 1,400 staff", by 200 to 1,400, stays a change)."""
    verb = _CHANGE_BEFORE.search(text, max(0, first.start - 40), first.start)
    if verb is None:
        return False
    if verb.group(0).lstrip().lower().startswith("from") or first.unit or second.unit or first.scaled:
        return True
    return not (0 < first.value < second.value <= 4 * first.value and counted_after(text, second.end) is not None)


def _merge_ranges(text: str, amounts: list[_Amount]) -> list[tuple[_Amount, _Amount | None]]:
    merged: list[tuple[_Amount, _Amount | None]] = []
    i = 0
    while i < len(amounts):
        first = amounts[i]
        if i + 1 < len(amounts):
            second = amounts[i + 1]
            gap = text[first.end:second.start]
            if len(gap) <= 5 and RANGE_GAP.fullmatch(gap) and _compatible(first, second) and (
                    gap.strip().lower() != "and" or re.search(r"\bbetween\s+$", text[max(0, first.start - 12):
                                                                                first.start], re.IGNORECASE)) \
                    and not (gap.strip().lower() == "to" and _is_change(text, first, second)):
                merged.append((first, second))
                i += 2
                continue
        merged.append((first, None))
        i += 1
    return merged


def parse_numbers(text: str, offset: int = 0, skip: Iterable[tuple[int, int]] = ()) -> list[NumberFacet]:
    """Number facets of ``text``; offsets are ``offset`` + position; spans overlapping ``skip`` are left out."""
    taken = SpanSet((s - offset, e - offset) for s, e in skip)

    def blocked(start: int, end: int) -> bool:
        return taken.overlaps(start, end)

    found: list[NumberFacet] = []
    _word_forms(text, offset, blocked, found, taken)
    for first, second in _merge_ranges(text, _amounts(text)):
        start, end = first.start, (second or first).end
        if blocked(start, end):
            continue
        hedge_match = HEDGE_RE.search(text, max(0, start - 24), start)
        hedge = hedge_match.group("h") if hedge_match else None
        if hedge is None and start > 0 and text[start - 1] in "~≈":
            hedge, start = "about", start - 1          # "~$25bn"
        if hedge and hedge.lower() == "some" and second is not None:
            hedge = None
        if hedge_match and hedge_match.group("h") == hedge:
            start = hedge_match.start("h")
        unit = first.unit or (second.unit if second else None)
        if second is not None:
            low, high = first.value, second.value
            if second.scaled and not first.scaled:
                scaled = low * second.value / _base(second, text)   # "3 to 5 million": the scale applies to both,
                if scaled <= high:                                  # not to "600,000 and 2 million"
                    low = scaled
            if high < low:
                low, high = high, low
            value = (low + high) / 2
            hedge = "between" if hedge and hedge.lower() == "between" else "range"
        else:
            value = first.value
            low, high = _interval(value, hedge)
        counted = counted_after(text, end)
        if unit in CURRENCY_SIGNS.values() and (counted is None or counted not in MONEY_NOUNS):
            counted = counted if counted in MONEY_NOUNS else (money_noun_before(text, start) or counted or "money")
        found.append(NumberFacet(text=text[start:end], start=start + offset, end=end + offset, value=value,
                                 low=low, high=high, unit=unit, counted=counted,
                                 hedge=hedge.lower() if hedge else None))
        taken.add(start, end)
    found.sort(key=lambda f: f.start)
    return found


def _word_forms(text: str, offset: int, blocked, found: list[NumberFacet], taken: SpanSet) -> None:
    """Vague quantities, fractions and multiples ("tens of thousands", "two-thirds", "twice")."""
    words = lower_words(text)
    vague = VAGUE_RE.finditer(text) if words & _VAGUE_HINTS else ()
    fractions = FRACTION_RE.finditer(text) if words & _FRACTION_HINTS else ()
    multiples = MULTIPLE_RE.finditer(text) if not words.isdisjoint(_FOLD) else ()
    for match in vague:
        name = next(k for k, v in match.groupdict().items() if v)
        _pattern, low, high = VAGUE[int(name[1:])]
        start, end = match.start(), match.start() + len(match.group(name))
        if blocked(start, end):
            continue
        found.append(NumberFacet(text=text[start:end], start=start + offset, end=end + offset,
                                 value=(low + high) / 2 if low != high else low, low=low, high=high,
                                 counted=counted_after(text, match.end()), hedge="vague"))
        taken.add(start, end)
    for match in fractions:
        start, end = match.span()
        if blocked(start, end):
            continue
        if match.group("half"):
            value = 0.5
        else:
            numerator = 1 if match.group("n").lower() in ("one", "a") else WORD_VALUES[match.group("n").lower()]
            value = numerator / FRACTIONS[match.group("d").lower()]
        found.append(NumberFacet(text=text[start:end], start=start + offset, end=end + offset, value=value,
                                 low=value, high=value, unit="fraction", counted=counted_after(text, end)))
        taken.add(start, end)
    for match in multiples:
        word = match.group("m") or match.group("m2")
        start, end = match.span()
        if blocked(start, end):
            continue
        value = float(_FOLD[word.lower()])
        found.append(NumberFacet(text=text[start:end], start=start + offset, end=end + offset, value=value,
                                 low=value, high=value, unit="times"))
        taken.add(start, end)


def _base(amount: _Amount, text: str) -> float:
    match = AMOUNT.match(text, amount.start)
    raw = match.group("num") if match else None
    return _to_float(raw) if raw else amount.value
