"""Word documents (.docx) through python-docx, after checking the zip container is sound and bounded."""

from __future__ import annotations

import io
import zipfile
import zlib
from pathlib import Path

from workbench.domain.errors import ImportFailed
from workbench.ingest.document import Document
from workbench.ingest.layout import document_from_paragraphs

MAX_PARTS = 5_000
MAX_UNCOMPRESSED = 200 * 1024 * 1024   # all parts together, as the zip directory declares them
MAX_PART = 100 * 1024 * 1024           # any single part
MAX_RATIO = 200                        # uncompressed / compressed; text XML rarely exceeds 30
_MAIN_PART = "word/document.xml"
_TITLE_STYLES = {"title", "heading1", "heading 1", "titre", "titel", "título", "titolo"}
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def read_docx(path: Path, data: bytes) -> Document:
    if not data.strip(b"\x00 \t\r\n"):
        raise ImportFailed("the file is empty")
    check_container(data)
    import docx  # python-docx: imported here so starting the app stays quick
    from docx.opc.exceptions import PackageNotFoundError

    try:
        word = docx.Document(io.BytesIO(data))
        paragraphs, first_style = _body_paragraphs(word)
        props = word.core_properties
        title, author = props.title, props.author
    except (zipfile.BadZipFile, zlib.error, EOFError) as exc:
        raise ImportFailed(f"the .docx is damaged (truncated or corrupt: {_short(exc)})") from exc
    except PackageNotFoundError as exc:
        raise ImportFailed("the file is not a Word document (.docx package not found)") from exc
    except KeyError as exc:
        raise ImportFailed(f"the .docx is missing a part it refers to ({_short(exc)})") from exc
    except (ValueError, SyntaxError) as exc:  # lxml's XMLSyntaxError is a SyntaxError
        raise ImportFailed(f"the .docx holds malformed XML ({_short(exc)})") from exc
    if not any(p.strip() for p in paragraphs):
        raise ImportFailed("the .docx has no text")
    return document_from_paragraphs(path, paragraphs, fmt="docx", prop_title=title, prop_author=author,
                                    title_styled=first_style in _TITLE_STYLES)


def check_container(data: bytes) -> None:
    """Reject what python-docx should never be handed: not a zip, zip bombs, missing parts, XML entities."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile as exc:
        raise ImportFailed("the .docx is damaged or not a Word document (not a valid zip archive)") from exc
    with archive:
        infos = archive.infolist()
        if len(infos) > MAX_PARTS:
            raise ImportFailed(f"the .docx has too many parts ({len(infos):,}); refusing to open it")
        total = 0
        for info in infos:
            total += info.file_size
            if info.file_size > MAX_PART or total > MAX_UNCOMPRESSED:
                raise ImportFailed("the .docx unpacks to more than "
                                   f"{(MAX_PART if info.file_size > MAX_PART else MAX_UNCOMPRESSED) // 2**20} MB "
                                   "(zip bomb?); refusing to open it")
            if info.file_size > 1_000_000 and info.file_size > MAX_RATIO * max(info.compress_size, 1):
                raise ImportFailed(f"the .docx part {info.filename} is compressed {info.file_size // max(info.compress_size, 1):,}"
                                   " times (zip bomb?); refusing to open it")
        names = {info.filename for info in infos}
        if "[Content_Types].xml" not in names or _MAIN_PART not in names:
            missing = "[Content_Types].xml" if "[Content_Types].xml" not in names else _MAIN_PART
            raise ImportFailed(f"the .docx is incomplete: {missing} is missing")
        for info in infos:
            if not info.filename.endswith((".xml", ".rels")):
                continue
            try:
                with archive.open(info) as part:
                    # Reading every part to its end checks its CRC; a DOCTYPE may hide behind a long comment,
                    # so every chunk is searched (with an overlap for a marker cut in two).
                    tail = b""
                    while chunk := part.read(1 << 20):
                        window = tail + chunk
                        if b"<!DOCTYPE" in window or b"<!ENTITY" in window:
                            raise ImportFailed(f"the .docx part {info.filename} declares XML entities; refusing it")
                        tail = chunk[-16:]
            except (zipfile.BadZipFile, zlib.error, EOFError, OSError) as exc:
                raise ImportFailed(f"the .docx is damaged (part {info.filename}: {_short(exc)})") from exc
            except NotImplementedError as exc:
                raise ImportFailed(f"the .docx uses an unsupported compression ({_short(exc)})") from exc
            except RuntimeError as exc:  # encrypted entries
                raise ImportFailed(f"the .docx is encrypted or protected ({_short(exc)})") from exc


def _body_paragraphs(word) -> tuple[list[str], str]:
    """Paragraph and table-row texts in reading order, and the style id of the first text paragraph."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    texts: list[str] = []
    first_style = ""
    for child in word.element.body.iterchildren():
        if child.tag == f"{_W}p":
            paragraph = Paragraph(child, word)
            text = paragraph.text
            if text.strip() and not texts:
                first_style = (child.style or "").replace(" ", "").lower()
            texts.append(text)
        elif child.tag == f"{_W}tbl":
            for row in Table(child, word).rows:
                cells: list[str] = []
                for cell in row.cells:
                    value = " ".join(cell.text.split())
                    if value and (not cells or cells[-1] != value):  # merged cells repeat their text
                        cells.append(value)
                if cells:
                    texts.append(" | ".join(cells))
    return texts, first_style


def _short(exc: BaseException) -> str:
    text = str(exc).strip().split("\n")[0]
    return (text[:100] or type(exc).__name__)
