"""Plain text and Markdown, with optional YAML front matter for the metadata."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from workbench.domain.errors import ImportFailed
from workbench.ingest.byline import bare_url, read_header
from workbench.ingest.decode import decode_bytes
from workbench.ingest.document import Document
from workbench.ingest.metadates import is_ambiguous, parse_meta_date
from workbench.ingest.normalize import normalize_text

_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

_FRONT = re.compile(r"\A---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
_MD_HEADING = re.compile(r"^#{1,6}\s+(.+?)\s*#*\s*$")

_KEYS = {
    "title": ("title", "headline"),
    "outlet": ("outlet", "publisher", "site_name", "sitename", "source", "publication"),
    "author": ("author", "authors", "byline", "by"),
    "url": ("url", "link", "canonical", "source_url"),
    "published": ("published", "date", "published_at", "pubdate", "datetime"),
}


def read_text(path: Path, data: bytes) -> Document:
    text = decode_bytes(data).replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    fmt = "md" if path.suffix.lower() in (".md", ".markdown") else "txt"
    meta: dict = {}
    warnings: list[str] = []
    m = _FRONT.match(text)
    if m:
        try:
            loaded = yaml.load(m.group(1), Loader=_YAML_LOADER)   # libyaml's when built in: a tenth of import
        except yaml.YAMLError as exc:
            loaded = None
            mark = getattr(exc, "problem_mark", None)
            where = f" (line {mark.line + 2})" if mark is not None else ""
            warnings.append(f"front matter is not valid YAML{where}; imported the body without it")
        if isinstance(loaded, dict):
            meta = {str(k).lower(): v for k, v in loaded.items()}
        elif loaded is not None:
            warnings.append("front matter is not a set of key: value pairs; ignored")
        text = text[m.end():]
    doc = Document(body="", format=fmt, warnings=warnings)
    doc.title = _first(meta, "title") or ""
    doc.outlet = _first(meta, "outlet")
    doc.author = _first(meta, "author")
    doc.url = _first(meta, "url")
    raw_date = next((meta[k] for k in _KEYS["published"] if meta.get(k)), None)
    doc.published, doc.published_time = parse_meta_date(raw_date)
    if raw_date and doc.published is None and is_ambiguous(raw_date):
        warnings.append(f"the date {str(raw_date)[:40]!r} reads as day/month or month/day; left empty "
                        "(write it as YYYY-MM-DD)")
    elif raw_date and doc.published is None:
        warnings.append(f"could not read the date {str(raw_date)[:40]!r}; left empty")
    if doc.outlet and bare_url(doc.outlet):  # "source: https://..." names the address, not the outlet
        doc.url = doc.url or bare_url(doc.outlet)
        doc.outlet = None
    body_lines = text.split("\n")
    heading_first = False
    if fmt == "md":
        body_lines = [_strip_markdown(line) for line in body_lines]
        first = next((line for line in text.split("\n") if line.strip()), "")
        heading_first = _MD_HEADING.match(first) is not None
        if not doc.title and heading_first:
            doc.title = _MD_HEADING.match(first).group(1).strip()
    doc.body = normalize_text("\n".join(body_lines))
    if not doc.body:
        raise ImportFailed("the file has no text" + (" after its front matter" if m else ""))
    if not meta:
        _header_lines_as_metadata(doc, heading_first)
    if not doc.title:
        doc.title = _title_from_body(doc.body) or path.stem
    return doc


def _header_lines_as_metadata(doc: Document, heading_first: bool) -> None:
    """Without front matter, a title / byline / outlet / URL block at the top is metadata, as in a .docx."""
    lines = doc.body.split("\n")
    filled = [i for i, line in enumerate(lines) if line.strip()]
    header = read_header([lines[i] for i in filled[:8]], known_title=doc.title or None, title_styled=heading_first)
    if not header.consumed or header.consumed >= len(filled):
        return
    if not (header.outlet or header.url or header.author or header.published) and not heading_first:
        return  # a first line that is only a title stays part of the text
    doc.title = doc.title or header.title or ""
    doc.outlet = doc.outlet or header.outlet
    doc.author = doc.author or header.author
    doc.url = doc.url or header.url
    if doc.published is None and header.published is not None:
        doc.published, doc.published_time = header.published, header.published_time
    doc.body = normalize_text("\n".join(lines[filled[header.consumed]:]))


def _first(meta: dict, key: str) -> str | None:
    for k in _KEYS[key]:
        v = meta.get(k)
        if isinstance(v, list):
            v = ", ".join(str(x) for x in v if x)
        if v not in (None, ""):
            return str(v).strip()
    return None


# (pattern, replacement, a character the pattern cannot match without): most lines have none of them.
_MD_INLINE = [
    (re.compile(r"!\[([^\]]*)\]\([^)]*\)"), r"\1", "["),
    (re.compile(r"\[([^\]]+)\]\([^)]*\)"), r"\1", "["),
    (re.compile(r"(\*\*|__)(.+?)\1"), r"\2", "*_"),
    (re.compile(r"(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?![\w*])"), r"\1", "*"),
    (re.compile(r"`([^`]+)`"), r"\1", "`"),
]
_MD_QUOTE = re.compile(r"^\s{0,3}>\s?")
_MD_BULLET = re.compile(r"^\s*[-*+]\s+")


def _strip_markdown(line: str) -> str:
    hm = _MD_HEADING.match(line)
    if hm:
        line = hm.group(1)
    line = _MD_QUOTE.sub("", line)
    line = _MD_BULLET.sub("", line)
    for pattern, repl, needs in _MD_INLINE:
        if any(char in line for char in needs):
            line = pattern.sub(repl, line)
    return line


def _title_from_body(body: str) -> str:
    first = body.split("\n", 1)[0].strip()
    return first if 0 < len(first) <= 200 else ""
