"""PDF files through pypdf's text layer, with wrapped lines joined back into paragraphs."""

from __future__ import annotations

import io
import logging
import re
from pathlib import Path

from workbench.domain.errors import ImportFailed
from workbench.ingest.byline import bare_url, parse_byline
from workbench.ingest.document import Document
from workbench.ingest.layout import document_from_paragraphs
from workbench.ingest.limits import MAX_PDF_PAGES

_SENTENCE_END = re.compile(r"[.!?…:;][\"'”’)\]]*$")
_BULLET = re.compile(r"^(?:[•◦▪▫●○■□►▶✓✔\-–*]|\d{1,2}[.)]|[\U0001F300-\U0001FAFF\u2600-\u27BF])\s")
_PAGE_NUMBER = re.compile(r"^(?:page\s*)?\d{1,4}(?:\s*(?:/|of)\s*\d{1,4})?$|^-\s*\d{1,4}\s*-$", re.I)
_NO_TEXT = "the PDF has no text layer (scanned?) — run OCR first"
_PASSWORD = "the PDF is encrypted with a password; save an unprotected copy and import that"


def read_pdf(path: Path, data: bytes) -> Document:
    if not data.strip():
        raise ImportFailed("the file is empty")
    if b"%PDF-" not in data[:1024]:
        raise ImportFailed("the file is not a PDF (no %PDF header)")
    from pypdf import PdfReader
    from pypdf.errors import DependencyError, PyPdfError

    logging.getLogger("pypdf").setLevel(logging.ERROR)  # damaged-file chatter; failures are reported below
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            try:
                opened = reader.decrypt("")
            except NotImplementedError as exc:
                raise ImportFailed(f"the PDF is encrypted in a way that cannot be opened ({exc})") from exc
            if not opened:
                raise ImportFailed(_PASSWORD)
        pages = reader.pages
        if len(pages) > MAX_PDF_PAGES:
            raise ImportFailed(f"the PDF has {len(pages):,} pages, over the {MAX_PDF_PAGES:,} page limit")
        page_texts = [_page_text(page) for page in pages]
        info = reader.metadata
        title = info.title if info else None
        author = info.author if info else None
    except (PyPdfError, DependencyError, NotImplementedError, ValueError, KeyError, TypeError, AttributeError,
            IndexError, OSError) as exc:
        raise ImportFailed(pdf_failure(exc)) from exc
    paragraphs: list[str] = []
    for text in _without_running_lines(page_texts):
        page = reflow(_without_page_numbers(text))
        if page and paragraphs and not _SENTENCE_END.search(paragraphs[-1]) and page[0][:1].islower():
            paragraphs[-1] = f"{paragraphs[-1]} {page.pop(0)}"  # a paragraph running on over the page break
        paragraphs += page
    if sum(len(p) for p in paragraphs) < 20:
        raise ImportFailed(_NO_TEXT)
    return document_from_paragraphs(path, paragraphs, fmt="pdf", prop_title=title, prop_author=author)


def pdf_failure(exc: BaseException) -> str:
    """The one-line reason, for a user, why pypdf could not read a file."""
    from pypdf.errors import (DependencyError, EmptyFileError, FileNotDecryptedError, LimitReachedError,
                              PdfStreamError)

    detail = (str(exc).strip().splitlines() or [""])[0][:100].rstrip(".!")
    if isinstance(exc, FileNotDecryptedError):
        return _PASSWORD
    if isinstance(exc, DependencyError):
        return ("the PDF is encrypted with AES, which needs the 'cryptography' package (pip install cryptography); "
                "or save an unencrypted copy and import that")
    if isinstance(exc, LimitReachedError):
        return (f"the PDF trips a safety limit of the PDF reader ({detail}): it is damaged or built to exhaust "
                "memory — if it opens in a viewer, print it to a new PDF and import that")
    if isinstance(exc, EmptyFileError):
        return "the PDF is empty"
    if isinstance(exc, PdfStreamError):
        return f"the PDF is cut short or damaged: part of it cannot be read ({detail})"
    if isinstance(exc, NotImplementedError):
        return f"the PDF uses a feature the PDF reader does not support ({detail or type(exc).__name__})"
    return f"the PDF is damaged and cannot be read ({type(exc).__name__}: {detail})"


def _page_text(page) -> str:
    """The page's text with a blank line where the vertical gap is wider than usual or the font size changes.

    When wide gaps mark the paragraphs, the text ends in a blank line so `reflow` trusts them alone.
    """
    rows: list[tuple[str, float, float]] = []   # (text, baseline y, font size)
    pending: list[str] = []
    sizes: list[float] = []

    def visit(text, cm, tm, _font, size):
        y = float(tm[5]) * float(cm[3]) + float(cm[5])
        if text.strip():
            sizes.append(abs(float(size) * float(tm[3]) * float(cm[3])))
        parts = text.split("\n")
        for i, part in enumerate(parts):
            pending.append(part)
            if i < len(parts) - 1:
                rows.append(("".join(pending), y, max(sizes) if sizes else 0.0))
                pending.clear()
                sizes.clear()

    plain = page.extract_text(visitor_text=visit) or ""
    if pending:
        rows.append(("".join(pending), rows[-1][1] if rows else 0.0, max(sizes) if sizes else 0.0))
    rows = [row for row in rows if row[0].strip()]
    if len(rows) < 3 or " ".join(t for t, _, _ in rows).split() != plain.split():
        return plain
    gaps = [a[1] - b[1] for a, b in zip(rows, rows[1:]) if a[1] - b[1] > 0.5]
    # The line spacing inside paragraphs: the lower quartile, since short paragraphs make half the gaps wide.
    usual = sorted(gaps)[len(gaps) // 4] if gaps else 0.0
    by_gaps = bool(gaps) and any(g > 1.4 * usual for g in gaps)
    out = [rows[0][0]]
    for (_, y_prev, size_prev), (text, y, size) in zip(rows, rows[1:]):
        wide = by_gaps and y_prev - y > 1.4 * usual
        new_column = y_prev - y < -0.5
        new_font = size_prev > 0 and size > 0 and abs(size - size_prev) > 0.1 * max(size, size_prev)
        if wide or new_column or new_font:
            out.append("")
        out.append(text)
    return "\n".join(out) + ("\n\n" if by_gaps else "")


def reflow(page_text: str) -> list[str]:
    """Join the wrapped lines of a page into paragraphs; headings, bylines and URLs stay on their own."""
    by_gaps = page_text.endswith("\n\n")
    lines = [line.strip() for line in page_text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    lines = _join_wrapped_urls(lines)
    widths = _block_widths(lines)
    paragraphs: list[str] = []
    current = ""
    for i, line in enumerate(lines):
        typical = widths[i]
        if not line:
            if current:
                paragraphs.append(current)
                current = ""
            continue
        standalone = bool(bare_url(line) or parse_byline(line))
        if (standalone or _BULLET.match(line)) and current:
            paragraphs.append(current)
            current = ""
        if not current:
            current = line
        elif current.endswith("-") and len(current) > 1 and current[-2].isalpha() and line[:1].islower():
            current += line  # keep the hyphen: "forty-eight" is likelier than a split "sub-station"
        else:
            current = f"{current} {line}"
        nxt = lines[i + 1] if i + 1 < len(lines) else ""
        # The line ends a paragraph when the next word would have fitted on it: the break was deliberate.
        next_word = nxt.split(" ", 1)[0] if nxt else ""
        fits = bool(next_word) and len(line) + 1 + len(next_word) < 0.9 * typical
        short = len(line) < 0.75 * typical or fits
        ends_paragraph = standalone or (not by_gaps and (
            (short and _SENTENCE_END.search(line) is not None)
            or ((len(line) < 0.5 * typical or fits) and not nxt[:1].islower())))
        if ends_paragraph:
            paragraphs.append(current)
            current = ""
    if current:
        paragraphs.append(current)
    return paragraphs


def _without_running_lines(page_texts: list[str]) -> list[str]:
    """Drop running headers and footers: a line at the top or bottom of most pages (a browser's print header
    "6/13/25, 9:30 AM  Title", the address and "1/3" in its footer, a journal's name), digits aside."""
    if len(page_texts) < 2:
        return page_texts
    pages = [text.split("\n") for text in page_texts]

    def edges(lines: list[str]) -> list[int]:
        filled = [i for i, line in enumerate(lines) if line.strip()]
        return filled[:2] + filled[-2:]

    def key(line: str) -> str:
        return re.sub(r"\d+", "#", " ".join(line.split())).casefold()

    seen: dict[str, int] = {}
    for lines in pages:
        for k in {key(lines[i]) for i in edges(lines)}:
            seen[k] = seen.get(k, 0) + 1
    running = {k for k, n in seen.items() if n >= max(2, (len(pages) + 1) // 2)}
    if not running:
        return page_texts
    out = []
    for lines in pages:
        drop = {i for i in edges(lines) if key(lines[i]) in running}
        out.append("\n".join(line for i, line in enumerate(lines) if i not in drop))
    return out


def _without_page_numbers(page_text: str) -> str:
    """Drop a page number standing alone at the top or bottom of the page ("3", "Page 3 of 9", "- 3 -")."""
    lines = page_text.split("\n")
    filled = [i for i, line in enumerate(lines) if line.strip()]
    for i in filled[:1] + filled[-1:]:
        if _PAGE_NUMBER.match(lines[i].strip()):
            lines[i] = ""
    return "\n".join(lines)


def _block_widths(lines: list[str]) -> list[int]:
    """For each line, the usual line length of its block (blocks are split by blank lines: font changes)."""
    widths = [0] * len(lines)
    start = 0
    for end in [i for i, line in enumerate(lines) if not line] + [len(lines)]:
        lengths = sorted(len(line) for line in lines[start:end])
        if lengths:
            typical = lengths[int(len(lengths) * 0.8)] if len(lengths) >= 3 else lengths[-1]
            widths[start:end] = [typical] * (end - start)
        start = end + 1
    return widths


def _join_wrapped_urls(lines: list[str]) -> list[str]:
    """A long URL wraps onto the next line without a space; put it back together."""
    out: list[str] = []
    for line in lines:
        if out and bare_url(out[-1]) and line and " " not in line and not _SENTENCE_END.search(line) \
                and (out[-1].endswith(("-", "/", "_", "=", "?", "&", ".")) or "/" in line or "-" in line):
            out[-1] += line
        else:
            out.append(line)
    return out
