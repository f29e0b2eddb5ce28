"""Word documents: body paragraphs, core properties, byline lines, and damaged or hostile files."""

import io
import zipfile
from datetime import date
from pathlib import Path

import pytest

from tests.ingest.samples import LIBRARY, RAIL, docx_bytes, zip_bomb_docx
from workbench.domain.errors import ImportFailed
from workbench.ingest.docx import read_docx
from workbench.ingest.normalize import normalize_text


def read(data: bytes):
    return read_docx(Path("article.docx"), data)


def test_title_byline_and_url_lines_are_metadata_not_body():
    data = docx_bytes(LIBRARY, title="Libraries stay open",
                      header_lines=["Brennholm Courier \u00b7 March 4, 2025 \u00b7 By Ana Berg",
                                    "https://courier.example/libraries"])
    doc = read(data)
    assert (doc.title, doc.outlet, doc.author, doc.published, doc.url) == (
        "Libraries stay open", "Brennholm Courier", "Ana Berg", date(2025, 3, 4), "https://courier.example/libraries")
    assert doc.body.split("\n") == [normalize_text(p) for p in LIBRARY]
    assert doc.format == "docx"


def test_outlet_alone_on_the_line_under_the_title():
    doc = read(docx_bytes(RAIL, title="Night trains return", header_lines=["Ostavik Post", "https://post.example/x"]))
    assert doc.outlet == "Ostavik Post"
    assert doc.published is None  # the file's creation date is not a publication date
    assert doc.body.startswith("Night trains between Ostavik")


def test_core_author_wins_and_software_names_are_ignored():
    doc = read(docx_bytes(RAIL, title="Night trains return", author="Ana Berg"))
    assert doc.author == "Ana Berg"
    assert read(docx_bytes(RAIL, title="Night trains return", author="python-docx")).author is None


def test_title_styled_paragraph_without_properties():
    doc = read(docx_bytes(RAIL, title="Night trains return", header_lines=["By Ana Berg | Ostavik Post | 4 March 2025"]))
    assert doc.title == "Night trains return"
    assert doc.author == "Ana Berg" and doc.outlet == "Ostavik Post"


def test_wire_dateline_names_the_outlet_when_nothing_else_does():
    body = ["OSTAVIK (Nordwire) - Night trains will resume in June, the rail company said."] + RAIL[1:]
    doc = read(docx_bytes(body))
    assert doc.outlet == "Nordwire"
    assert doc.body.startswith("OSTAVIK (Nordwire) - Night trains")


def test_tables_are_read_in_order():
    import docx

    document = docx.Document()
    document.add_paragraph("Before the table comes this sentence about turbine output.")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "Year", "Output"
    table.cell(1, 0).text, table.cell(1, 1).text = "2024", "720 MW"
    document.add_paragraph("After the table comes this one.")
    out = io.BytesIO()
    document.save(out)
    assert read(out.getvalue()).body.split("\n") == [
        "Before the table comes this sentence about turbine output.", "Year | Output", "2024 | 720 MW",
        "After the table comes this one."]


def _rezip(data: bytes, *, drop: str | None = None, replace: dict[str, bytes] | None = None) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            if info.filename == drop:
                continue
            dst.writestr(info.filename, (replace or {}).get(info.filename, src.read(info.filename)))
    return out.getvalue()


GOOD = docx_bytes(RAIL, title="Night trains return")


@pytest.mark.parametrize("data, reason", [
    (b"", "empty"),
    (b"this is plain text, not a zip", "not a valid zip"),
    (GOOD[: len(GOOD) // 2], "damaged|not a valid zip"),
    (_rezip(GOOD, drop="word/document.xml"), "word/document.xml is missing"),
    (_rezip(GOOD, drop="[Content_Types].xml"), r"\[Content_Types\].xml is missing"),
    (_rezip(GOOD, replace={"word/document.xml": b"<w:document><w:body><w:p>"}), "malformed XML|damaged"),
    (zip_bomb_docx(), "zip bomb"),
])
def test_damaged_or_hostile_docx_fails_with_a_reason(data, reason):
    with pytest.raises(ImportFailed, match=reason):
        read(data)


def test_flipped_bytes_inside_a_part_are_caught_by_the_crc_check():
    data = bytearray(GOOD)
    with zipfile.ZipFile(io.BytesIO(GOOD)) as z:
        info = z.getinfo("word/document.xml")
    start = info.header_offset + 30 + len(info.filename) + len(info.extra) + 10
    data[start:start + 8] = b"\xff" * 8
    with pytest.raises(ImportFailed, match="damaged"):
        read(bytes(data))


def test_xml_entity_declarations_are_refused():
    evil = (b'<?xml version="1.0"?><!DOCTYPE lol [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>'
            b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
            b"<w:p><w:r><w:t>&b;</w:t></w:r></w:p></w:body></w:document>")
    with pytest.raises(ImportFailed, match="entities"):
        read(_rezip(GOOD, replace={"word/document.xml": evil}))


def test_document_with_only_empty_paragraphs_fails():
    with pytest.raises(ImportFailed, match="no text"):
        read(docx_bytes(["", "  "]))


def test_entity_declaration_hidden_behind_a_long_comment_is_refused():
    evil = (b'<?xml version="1.0"?><!--' + b"x" * 20_000 + b'--><!DOCTYPE d [<!ENTITY a "boom">]>'
            b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
            b"<w:p><w:r><w:t>&a;</w:t></w:r></w:p></w:body></w:document>")
    with pytest.raises(ImportFailed, match="entities"):
        read(_rezip(GOOD, replace={"word/document.xml": evil}))
