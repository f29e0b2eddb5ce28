"""Saved web pages (.html/.htm): the main article text and its metadata, extracted offline with trafilatura."""

from __future__ import annotations

import re
from pathlib import Path

from trafilatura import bare_extraction
from trafilatura.settings import use_config

from workbench.domain.errors import ImportFailed
from workbench.ingest.byline import parse_byline
from workbench.ingest.document import Document
from workbench.ingest.metadates import parse_meta_date
from workbench.ingest.normalize import fold_for_duplicates, normalize_text

# A real article page has a few thousand elements; beyond these the file is hostile or not an article.
MAX_TAGS = 400_000
MAX_TREE_SIZE = 200_000
MIN_LETTERS = 8
SHORT_TEXT = 600
MIN_EXTRACTED_CHARS = 10


def _class_has(*words: str) -> str:
    tests = " or ".join(f"contains(concat(' ', translate(@{attr}, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ-_', "
                        f"'abcdefghijklmnopqrstuvwxyz  '), ' '), ' {w}')" for w in words for attr in ("class", "id"))
    return f"//*[not(self::body) and not(self::html) and not(self::article) and not(self::main) and ({tests})]"


# Page furniture removed before extraction: on a short article, trafilatura alone may keep a cookie banner or a
# newsletter box. Class/id tests match whole words (or word prefixes: "cookie" matches "cookiebar").
PAGE_FURNITURE = [
    "//nav", "//aside", "//footer", "//form", "//dialog", "//*[@role='dialog' or @role='navigation' or "
    "@role='banner' or @role='contentinfo' or @role='complementary' or @aria-modal='true']",
    _class_has("cookie", "consent", "gdpr", "newsletter", "subscribe", "subscription", "related", "promo",
               "advert", "ads", "sharing", "share", "social", "paywall", "signup", "sign", "login", "popular",
               "most", "trending", "recommended", "breadcrumb", "sidebar", "menu"),
]

_LANG = re.compile(rb"""<html[^>]*\blang\s*=\s*["']?([A-Za-z]{2,3})""", re.I)


def read_html(path: Path, data: bytes) -> Document:
    if not data.strip():
        raise ImportFailed("the file is empty")
    if data.count(b"<") > MAX_TAGS:
        raise ImportFailed(f"the page has too many elements to be an article (over {MAX_TAGS:,} tags)")
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ImportFailed("the file is binary, not a web page")
    return document_from_html(data, fmt="html")


def document_from_html(data: bytes | str, *, fmt: str = "html", url: str | None = None) -> Document:
    """Main text and metadata of an HTML page; raises ImportFailed when no article text is found."""
    try:
        result = _extract(data, url, prune=True)
        pruned_text = (result.text or "") if result is not None else ""
        if len(pruned_text) < SHORT_TEXT:
            # A short result may mean the pruning took the article itself (a container whose class happens to
            # say "share" or "related"); when extraction without pruning finds far more, trust that instead.
            unpruned = _extract(data, url, prune=False)
            if unpruned is not None and len(unpruned.text or "") > 3 * len(pruned_text) + 200:
                result = unpruned
    except RecursionError as exc:
        raise ImportFailed("the page is nested too deeply to read") from exc
    if result is None or not (result.text or "").strip():
        raise ImportFailed("no article text found in the page")
    doc = Document(body="", format=fmt)
    doc.title = normalize_text(result.title or "")
    doc.outlet = _clean(result.sitename)
    doc.author = _clean(result.author)
    doc.url = (result.url or url or None)
    doc.language = result.language or _page_language(data)
    day, _ = parse_meta_date(result.date)
    if day is not None:
        # htmldate also guesses from dates in the running text; only a date the page's markup or address
        # states is the publication date (a byline under the headline is read below).
        doc.published, doc.published_time = _stated_date(data, day, doc.url)
    doc.title = _strip_site_suffix(doc.title, doc.outlet)
    lines = [line for line in normalize_text(result.text).split("\n")]
    lines = _drop_header_lines(lines, doc)
    doc.body = normalize_text("\n".join(lines))
    # A menu or a lone link is what is left of a page with no article (CJK text has no spaces: count characters).
    if len(re.findall(r"\w", doc.body)) < MIN_LETTERS:
        raise ImportFailed("no article text found in the page")
    if not doc.title:
        doc.title = doc.body.split("\n", 1)[0][:200]
    return doc


def _extract(data: bytes | str, url: str | None, *, prune: bool):
    return bare_extraction(
        data,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        include_images=False,
        include_links=False,
        deduplicate=False,
        config=_config(),
        prune_xpath=PAGE_FURNITURE if prune else None,
        date_extraction_params={"extensive_search": False, "original_date": True},
    )


def _config():
    config = use_config()
    config.set("DEFAULT", "MAX_TREE_SIZE", str(MAX_TREE_SIZE))
    config.set("DEFAULT", "EXTENSIVE_DATE_SEARCH", "off")
    # Short articles (briefs, CJK text) must go through the main extractor too, not the catch-all fallback.
    config.set("DEFAULT", "MIN_EXTRACTED_SIZE", str(MIN_EXTRACTED_CHARS))
    return config


def _drop_header_lines(lines: list[str], doc: Document) -> list[str]:
    """The headline and a byline repeated at the top of the extracted text are metadata, not body."""
    title_key = fold_for_duplicates(doc.title) if doc.title else ""
    i = 0
    while i < min(len(lines), 4):
        line = lines[i].strip()
        if not line:
            i += 1
            continue
        if title_key and i == 0 and fold_for_duplicates(line) == title_key:
            i += 1
            continue
        byline = parse_byline(line)
        if byline is None:
            break
        doc.author = doc.author or byline.author
        doc.outlet = doc.outlet or byline.outlet
        if doc.published is None and byline.published is not None:
            doc.published, doc.published_time = byline.published, byline.published_time
        i += 1
    return lines[i:]


def _clean(value: str | None) -> str | None:
    text = normalize_text(value or "").replace("\n", " ")
    return text or None


def _strip_site_suffix(title: str, outlet: str | None) -> str:
    """ "Headline | Outlet" or "Headline - Outlet" -> "Headline" when the suffix is the outlet."""
    if not outlet:
        return title
    for sep in (" | ", " - ", " — ", " – ", " :: "):
        head, found, tail = title.rpartition(sep)
        if found and head and fold_for_duplicates(tail) == fold_for_duplicates(outlet):
            return head.strip()
    return title


def _page_language(data: bytes | str) -> str | None:
    raw = data if isinstance(data, bytes) else data[:5000].encode("utf-8", "replace")
    m = _LANG.search(raw[:5000])
    return m.group(1).decode("ascii").lower() if m else None


def _stated_date(data: bytes | str, day, url: str | None):
    """(day, "HH:MM" or None) when the markup or the URL states `day`; (None, None) otherwise."""
    raw = data if isinstance(data, bytes) else data.encode("utf-8", "replace")
    head = raw[:300_000]
    found_time = None
    stated = False
    for value in _DATE_VALUES.findall(head):
        text = next(v for v in value if v).decode("utf-8", "replace")
        candidate, hhmm = parse_meta_date(text)
        if candidate == day:
            stated = True
            found_time = found_time or hhmm
    if not stated and url:
        y, m, d = f"{day.year:04d}", f"{day.month:02d}", f"{day.day:02d}"
        stated = any(form in url for form in (f"/{y}/{m}/{d}", f"{y}-{m}-{d}", f"/{y}{m}{d}", f"_{y}{m}{d}"))
    return (day, found_time) if stated else (None, None)


# Values a page uses to state its dates: date/time meta tags, <time datetime>, itemprop values, JSON-LD fields.
_DATE_VALUES = re.compile(
    rb"""<meta\b[^>]*(?:name|property|itemprop)\s*=\s*["'][^"']*(?:date|time|publish|created|issued)[^"']*["']"""
    rb"""[^>]*\bcontent\s*=\s*["']([^"']{4,60})["']"""
    rb"""|<meta\b[^>]*\bcontent\s*=\s*["']([^"']{4,60})["'][^>]*(?:name|property|itemprop)\s*=\s*["'][^"']*"""
    rb"""(?:date|time|publish|created|issued)[^"']*["']"""
    rb"""|\bdatetime\s*=\s*["']([^"']{4,60})["']"""
    rb"""|["']date(?:Published|Created)["']\s*:\s*["']([^"']{4,60})["']""", re.I)
