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

MAX_PAGES = 2_000
_SENTENCE_END = re.compile(r"[.!?…:;][\"'”’)\]]*$")
_NO_TEXT = "the PDF has no text layer (scanned?) — run OCR first"


def read_pdf(path: Path, data: bytes) -> Document:
    if not data.strip():
        raise ImportFailed("the file is empty")
    if b"%PDF-" not in data[:1024]:
        raise ImportFailed("the file is not a PDF (no %PDF header)")
    from pypdf import PdfReader
    from pypdf.errors import DependencyError, FileNotDecryptedError, PdfReadError

    logging.getLogger("pypdf").setLevel(logging.ERROR)  # damaged-file chatter; failures are reported below
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            try:
                opened = reader.decrypt("")
            except (DependencyError, NotImplementedError) as exc:
                raise ImportFailed(f"the PDF is encrypted in a way that cannot be opened ({exc})") from exc
            if not opened:
                raise ImportFailed("the PDF is encrypted with a password; save an unprotected copy and import that")
        pages = reader.pages
        if len(pages) > MAX_PAGES:
            raise ImportFailed(f"the PDF has {len(pages):,} pages, over the {MAX_PAGES:,} page limit")
        page_texts = [page.extract_text() or "" for page in pages]
        info = reader.metadata
        title = info.title if info else None
        author = info.author if info else None
    except FileNotDecryptedError as exc:
        raise ImportFailed("the PDF is encrypted with a password; save an unprotected copy and import that") from exc
    except (PdfReadError, ValueError, KeyError, TypeError, AttributeError, IndexError, OSError) as exc:
        raise ImportFailed(f"the PDF is damaged and cannot be read ({type(exc).__name__}: {str(exc)[:100]})") from exc
    paragraphs: list[str] = []
    for text in page_texts:
        paragraphs += reflow(text)
    if sum(len(p) for p in paragraphs) < 20:
        raise ImportFailed(_NO_TEXT)
    return document_from_paragraphs(path, paragraphs, fmt="pdf", prop_title=title, prop_author=author)


def reflow(page_text: str) -> list[str]:
    """Join the wrapped lines of a page into paragraphs; headings, bylines and URLs stay on their own."""
    lines = [line.strip() for line in page_text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    lengths = sorted(len(line) for line in lines if line)
    if not lengths:
        return []
    typical = lengths[int(len(lengths) * 0.8)] if len(lengths) >= 3 else max(lengths)
    paragraphs: list[str] = []
    current = ""
    for i, line in enumerate(lines):
        if not line:
            if current:
                paragraphs.append(current)
                current = ""
            continue
        standalone = bool(bare_url(line) or parse_byline(line))
        if standalone and current:
            paragraphs.append(current)
            current = ""
        if not current:
            current = line
        elif current.endswith("-") and len(current) > 1 and current[-2].isalpha() and line[:1].islower():
            current = current[:-1] + line
        else:
            current = f"{current} {line}"
        nxt = lines[i + 1] if i + 1 < len(lines) else ""
        short = len(line) < 0.75 * typical
        ends_paragraph = (standalone or (short and _SENTENCE_END.search(line) is not None)
                          or (len(line) < 0.5 * typical and not nxt[:1].islower()))
        if ends_paragraph:
            paragraphs.append(current)
            current = ""
    if current:
        paragraphs.append(current)
    return paragraphs
