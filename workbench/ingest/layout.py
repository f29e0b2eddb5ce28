"""Building a Document from a word processor's paragraphs: properties first, then the opening lines."""

from __future__ import annotations

import re
from pathlib import Path

from workbench.domain.errors import ImportFailed
from workbench.ingest.byline import looks_like_name, parse_dateline, read_header
from workbench.ingest.document import Document
from workbench.ingest.normalize import normalize_text

# Property values that name the software or the account, not the article.
_JUNK_PROPERTY = re.compile(
    r"^(?:untitled|document\d*|doc\d*|microsoft word\b.*|microsoft office user|python-docx|user|admin|"
    r"administrator|owner|windows user|author|unknown|pdf|writer|libreoffice|test)$|\.(?:docx?|pdf|odt|rtf)$",
    re.I)


def usable_property(value: object) -> str | None:
    text = normalize_text(str(value or "")).replace("\n", " ").strip()
    if not text or _JUNK_PROPERTY.search(text):
        return None
    return text


def document_from_paragraphs(path: Path, paragraphs: list[str], *, fmt: str, prop_title: str | None = None,
                             prop_author: str | None = None, title_styled: bool = False) -> Document:
    """Title, byline, outlet and URL lines at the top become metadata; the rest is the body."""
    paragraphs = [p for p in (normalize_text(p) for p in paragraphs) if p]
    if not paragraphs:
        raise ImportFailed(f"the {fmt.upper()} has no text")
    prop_title = usable_property(prop_title)
    prop_author = usable_property(prop_author)
    if prop_author and not looks_like_name(prop_author.split(",")[0].split(" and ")[0], max_words=5):
        prop_author = None
    header = read_header(paragraphs, known_title=prop_title, title_styled=title_styled)
    body = paragraphs[header.consumed:]
    doc = Document(body="", format=fmt)
    doc.title = prop_title or header.title or ""
    doc.author = prop_author or header.author
    doc.outlet = header.outlet
    doc.url = header.url
    doc.published, doc.published_time = header.published, header.published_time
    if not body:  # only header-like lines: keep them as the text rather than lose it
        body = paragraphs[1:] if doc.title and len(paragraphs) > 1 else paragraphs
    if doc.outlet is None:
        doc.outlet = parse_dateline(body[0])
    doc.body = normalize_text("\n".join(body))
    if not doc.title:
        first = body[0]
        doc.title = first if len(first) <= 200 else path.stem
    return doc
