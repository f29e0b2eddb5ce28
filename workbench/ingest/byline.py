"""Reading outlet, author, date and URL from the opening lines of a document (title, byline, dateline, URL)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from workbench.ingest.metadates import MONTH_WORDS, parse_meta_date
from workbench.ingest.normalize import fold_for_duplicates

# Separators between the fields of a byline: "By Jane Doe | The Outlet | June 8, 2025", "Outlet · 8 June 2025".
_SEPARATORS = re.compile(r"\s+[|·•—–]\s+|\s+-\s+|\s*[|·•]\s*|\s+/\s+")
_BY = re.compile(r"^(?:written\s+|words\s+|reporting\s+|story\s+)?by[:\s]\s*(.+)$", re.I)
_DATE_PREFIX = re.compile(
    r"^(?:published|posted|updated|last updated|first published|date|dated|on)\s*(?:on|at)?\s*[:\-]?\s*", re.I)
_TIME = re.compile(r"(?<![\d.:/-])(\d{1,2})[:.](\d{2})(?![\d:]|[./-]\d)\s*([ap]\.?m\.?)?", re.I)
# "03/04/2025": a numeric date whose day/month order cannot be told (metadates gives no date for it).
_NUMERIC_DATE = re.compile(r"^\d{1,2}([./-])\d{1,2}\1\d{4}\b")
_TIME_ONLY = re.compile(r"^(?:at\s+)?\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?\s*(?:[A-Z]{2,5}|UTC[+-]?\d*|GMT[+-]?\d*)?$",
                        re.I)
_URL = re.compile(r"^(?:<)?(https?://[^\s<>]+|www\.[^\s<>]+\.[a-z]{2,}[^\s<>]*)(?:>)?$", re.I)
# "WASHINGTON (Reuters) -", "LONDON, June 8 (AP) —", "(RTTNews) -": a wire dateline opening the first paragraph.
_DATELINE = re.compile(
    r"^(?:[A-Z][A-Za-z .'’-]{1,40}(?:,\s*[A-Z][A-Za-z. ]{1,30})?(?:,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2})?\s*)?"
    r"\(([A-Z][A-Za-z0-9 .&'’-]{1,40})\)\s*[-—–:]+\s")
_ROLE_WORDS = {
    "writer", "reporter", "correspondent", "editor", "staff", "contributor", "columnist", "journalist",
    "author", "analyst", "producer", "desk", "team", "senior", "chief", "bureau",
}
_CONNECTORS = {"of", "the", "and", "de", "la", "le", "du", "da", "do", "des", "für", "&", "on", "in", "y", "e",
               "van", "von", "der", "el", "al", "a", "for"}
_SENTENCE_END = re.compile(r"[.!?…:;]['\"’”)]*$")
_WEEKDAY = re.compile(r"^(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+", re.I)


@dataclass
class Header:
    """Metadata found in a document's opening lines and how many lines it took."""

    title: str | None = None
    outlet: str | None = None
    author: str | None = None
    url: str | None = None
    published: date | None = None
    published_time: str | None = None
    consumed: int = 0


@dataclass
class Byline:
    outlet: str | None = None
    author: str | None = None
    published: date | None = None
    published_time: str | None = None


def bare_url(line: str) -> str | None:
    """The URL when the line is nothing but a URL (optionally labelled "Source:" or "URL:")."""
    text = re.sub(r"^(?:source|url|link|original|canonical)\s*:\s*", "", line.strip(), flags=re.I)
    m = _URL.match(text)
    if not m:
        return None
    url = m.group(1).rstrip(".,;)")
    return url if url.lower().startswith("http") else "https://" + url


def parse_date_part(part: str) -> tuple[date | None, str | None]:
    """A date when the whole part is a date (with an optional "Published"/"Updated" label and time)."""
    text = _WEEKDAY.sub("", _DATE_PREFIX.sub("", part.strip()).strip(" ,"))
    if not text or len(text) > 48:
        return None, None
    day, hhmm = parse_meta_date(text)
    if day is None:
        return None, None
    # Nothing but date words, numbers, a time and a zone may remain: "June 8, 2025 10:32 AM EDT", "2025-06-08".
    for word in re.findall(r"[^\W\d_]+", text):
        lower = word.lower()
        if lower not in MONTH_WORDS and lower not in _DATE_FILLERS and not (word.isupper() and len(word) <= 4):
            return None, None
    if hhmm is None:
        tm = _TIME.search(text)
        if tm:
            hour, minute = int(tm.group(1)), int(tm.group(2))
            if tm.group(3):
                hour = hour % 12 + (12 if tm.group(3).lower().startswith("p") else 0)
            if hour < 24 and minute < 60:
                hhmm = f"{hour:02d}:{minute:02d}"
    return day, hhmm


_DATE_FILLERS = {"am", "pm", "a", "p", "m", "at", "utc", "gmt", "t", "z", "st", "nd", "rd", "th", "of", "de", "del",
                 "le", "der", "den", "às", "um", "h", "年", "月", "日"}


def looks_like_name(text: str, *, max_words: int = 6) -> bool:
    """A short proper name (an outlet or a person): capitalised words, no sentence punctuation."""
    text = text.strip()
    if not text or len(text) > 60 or _SENTENCE_END.search(text) or text[0].islower():
        return False
    if re.search(r"https?://|@\w+\.\w", text):
        return False
    words = text.split()
    if len(words) > max_words:
        return False
    # Scripts without case (Chinese, Telugu, Arabic...) count as capitalised.
    capitalised = [w for w in words if w[0].isupper() or w[0].isdigit() or not w[0].isalpha()
                   or w[0].lower() == w[0].upper()]
    others = [w for w in words if w not in capitalised and w.lower() not in _CONNECTORS]
    return len(others) <= (1 if len(words) >= 3 else 0)


def parse_byline(line: str) -> Byline | None:
    """The fields of a byline or dateline line; None when the line is not one (e.g. a body sentence)."""
    text = line.strip().strip("_*").strip()
    if not text or len(text) > 160:
        return None
    parts = [p.strip(" ,") for p in _SEPARATORS.split(text) if p and p.strip(" ,")]
    if not parts:
        return None
    result = Byline()
    names: list[str] = []
    undated = False   # a date stamp that cannot be read still makes the line a dateline
    for part in parts:
        by = _BY.match(part)
        if by:
            author, outlet = _split_author(by.group(1))
            if author is None:
                return None
            result.author = result.author or author
            if outlet:
                names.append(outlet)
            continue
        day, hhmm = parse_date_part(part)
        if day is not None:
            if result.published is None:
                result.published, result.published_time = day, hhmm
            continue
        if _TIME_ONLY.match(part):
            continue
        if _NUMERIC_DATE.match(_WEEKDAY.sub("", _DATE_PREFIX.sub("", part))):
            undated = True
            continue
        if re.match(r"^(?:updated|published|posted)\b", part, re.I) and parse_date_part(part)[0] is None:
            # "Updated 3 hours ago": a relative stamp, no date to take from it.
            if re.search(r"\bago\b|\btoday\b|\byesterday\b", part, re.I):
                continue
            return None
        if looks_like_name(part):
            names.append(part)
            continue
        return None
    if result.author is None and result.published is None and not undated:
        return None  # a lone name or a list of names is not a byline by itself
    if names:
        result.outlet = names[0]
    return result


def _split_author(text: str) -> tuple[str | None, str | None]:
    """ "Jane Doe, Reuters" -> ("Jane Doe", "Reuters"); roles such as "Staff Writer" are dropped."""
    pieces = [p.strip() for p in re.split(r",\s*|\s+for\s+", text.strip()) if p.strip()]
    if not pieces or not _is_person_list(pieces[0]):
        return None, None
    author, outlet = pieces[0], None
    for piece in pieces[1:]:
        if not looks_like_name(piece, max_words=4) or _is_role(piece):
            continue
        if outlet is None and _looks_like_outlet(piece):
            outlet = piece
        elif _is_person_list(piece):
            author = f"{author}, {piece}"  # "By Jane Doe, John Roe": two authors
    return author, outlet


_OUTLET_WORDS = re.compile(
    r"\b(?:news|press|times|post|daily|journal|agency|media|tribune|herald|wire|associated|reuters|bloomberg|"
    r"afp|insider|network|radio|tv|gazette|courier|chronicle|review|observer|guardian|telegraph|express|"
    r"magazine|weekly|online|today|star|sun|mail|standard|economist|broadcasting)\b|\.\w{2,4}$", re.I)


def _looks_like_outlet(text: str) -> bool:
    """After "By Jane Doe,": "Reuters", "The Verge", "Ostavik Post" are outlets; "John Roe" is a co-author."""
    words = text.split()
    return (len(words) == 1 or words[0].lower() == "the" or text.isupper()
            or _OUTLET_WORDS.search(text) is not None)


def _is_person_list(text: str) -> bool:
    names = re.split(r"\s+and\s+|\s*&\s*", text)
    return all(looks_like_name(n, max_words=5) for n in names if n)


def _is_role(text: str) -> bool:
    return any(w.lower().strip(".") in _ROLE_WORDS for w in text.split())


def parse_dateline(paragraph: str) -> str | None:
    """The wire or outlet named in a dateline that opens a paragraph: "WASHINGTON (Reuters) -" -> "Reuters"."""
    m = _DATELINE.match(paragraph.strip())
    if not m:
        return None
    name = m.group(1).strip()
    if name.isdigit() or len(name) < 2:
        return None
    return name


def read_header(lines: list[str], *, known_title: str | None = None, title_styled: bool = False,
                max_lines: int = 6) -> Header:
    """Split the metadata lines (title, byline, outlet, URL) off the top of a document's paragraphs.

    `known_title` comes from document properties; `title_styled` says the first line is marked as a title.
    """
    header = Header()
    i = 0
    first = lines[0].strip() if lines else ""
    if first and known_title and fold_for_duplicates(first) == fold_for_duplicates(known_title):
        header.title, i = known_title.strip(), 1
    elif first and title_styled:
        header.title, i = first, 1
    elif first and _could_be_title(first) and len(lines) > 1 and _is_meta_line(lines[1], lines[2:3]):
        header.title, i = first, 1
    start = i
    while i < len(lines) and i - start < max_lines:
        line = lines[i].strip()
        if not line:
            i += 1
            continue
        url = bare_url(line)
        if url:
            header.url = header.url or url
            i += 1
            continue
        byline = parse_byline(line)
        if byline is not None:
            header.outlet = header.outlet or byline.outlet
            header.author = header.author or byline.author
            if header.published is None and byline.published is not None:
                header.published, header.published_time = byline.published, byline.published_time
            i += 1
            continue
        right_under_title = header.title is not None and i == start
        if header.outlet is None and _outlet_line(line, lines[i + 1:i + 3], header, right_under_title):
            header.outlet = line.strip("_* ")
            i += 1
            continue
        break
    header.consumed = i
    return header


def _could_be_title(line: str) -> bool:
    return 0 < len(line) <= 220 and not line.endswith((".", ";", ",")) and not bare_url(line)


def _is_meta_line(line: str, following: list[str]) -> bool:
    line = line.strip()
    return bool(bare_url(line) or parse_byline(line) or (looks_like_name(line, max_words=5)
                                                        and any(bare_url(f) or parse_byline(f) for f in following)))


def _outlet_line(line: str, following: list[str], header: Header, right_under_title: bool) -> bool:
    """A line holding only an outlet's name, just under the title: taken when a URL or byline follows it,
    when it matches the URL's host name, or when it is a short name between the title and a full paragraph."""
    line = line.strip("_* ")
    if not looks_like_name(line, max_words=6) or parse_date_part(line)[0] is not None:
        return False
    if any(bare_url(f) or parse_byline(f) for f in following[:1]):
        return True
    if right_under_title and len(line.split()) <= 5 and following and _is_paragraph(following[0]):
        return True
    host = _host_key(header.url or next((bare_url(f) for f in following if bare_url(f)), None) or "")
    key = fold_for_duplicates(line)
    return bool(host and key and (key in host or host in key))


def _is_paragraph(line: str) -> bool:
    """Running text: long, with a sentence end (CJK sentences are shorter in characters)."""
    line = line.strip()
    cjk = sum(1 for ch in line[:200] if "\u3000" <= ch <= "\u9fff" or "\uac00" <= ch <= "\ud7af")
    return len(line) >= (30 if cjk > 10 else 80) and re.search(r"[.!?。！？…]", line) is not None


def _host_key(url: str) -> str:
    m = re.match(r"https?://(?:www\.|m\.|amp\.)?([^/:]+)", url.strip(), re.I)
    if not m:
        return ""
    labels = m.group(1).lower().split(".")
    core = labels[-2] if len(labels) >= 2 else labels[0]
    return fold_for_duplicates(core)
