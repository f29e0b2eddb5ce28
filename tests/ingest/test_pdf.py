"""PDF files: the text layer reflowed into paragraphs, byline metadata, and PDFs that cannot be read."""

import io
from datetime import date
from pathlib import Path

import pytest

from tests.ingest.samples import HARBOUR, WIND, aes_open_encrypt_dict, ascii_only, pdf_bytes, wrap
from workbench.domain.errors import ImportFailed
from workbench.ingest.pdf import read_pdf, reflow


def article_lines(paragraphs, *, gap=True):
    lines = []
    for p in paragraphs:
        lines += wrap(ascii_only(p)) + ([""] if gap else [])
    return lines


def read(data: bytes):
    return read_pdf(Path("article.pdf"), data)


def test_title_byline_and_paragraphs():
    lines = ["Harbour traffic jumps", "Port Elden Gazette | 8 June 2025 | By Mara Lind", ""] + article_lines(HARBOUR)
    doc = read(pdf_bytes([lines], title="Harbour traffic jumps"))
    assert (doc.title, doc.outlet, doc.author, doc.published) == (
        "Harbour traffic jumps", "Port Elden Gazette", "Mara Lind", date(2025, 6, 8))
    assert doc.body.split("\n") == [ascii_only(p) for p in HARBOUR]
    assert doc.format == "pdf"


def test_paragraphs_without_gaps_are_found_from_line_lengths():
    # Without gaps, a paragraph ends where its last line stops short of the usual width.
    lines = ["Wind farm starts up"] + sum((wrap(ascii_only(p), 70) for p in WIND), [])
    doc = read(pdf_bytes([lines], title="Wind farm starts up"))
    assert doc.body.split("\n") == [ascii_only(p) for p in WIND]


def test_metadata_properties_from_word_processors_are_not_taken_as_titles():
    lines = ["Wind farm starts up", "Sandvik Daily - 2 May 2025", ""] + article_lines(WIND)
    doc = read(pdf_bytes([lines], title="Microsoft Word - draft3.docx", author="Owner"))
    assert doc.title == "Wind farm starts up"
    assert doc.author is None
    assert doc.outlet == "Sandvik Daily" and doc.published == date(2025, 5, 2)


def test_paragraph_running_over_a_page_break_is_joined_and_page_numbers_dropped():
    first, second = wrap(ascii_only(WIND[1]))[:1], wrap(ascii_only(WIND[1]))[1:]
    pages = [wrap(ascii_only(WIND[0])) + [""] + first + ["", "1"], second + ["", "Page 2 of 2"]]
    doc = read(pdf_bytes(pages))
    assert ascii_only(WIND[1]) in doc.body.split("\n")
    assert "\n1\n" not in f"\n{doc.body}\n"


def test_hyphenated_line_ends_are_joined():
    assert reflow("The farm has forty-\neight turbines and an off-\nshore substation.") == [
        "The farm has forty-eight turbines and an off-shore substation."]


def test_pdf_without_text_layer_says_to_run_ocr():
    blank = pdf_bytes([[]])
    with pytest.raises(ImportFailed, match=r"the PDF has no text layer \(scanned\?\) — run OCR first"):
        read(blank)


def test_encrypted_pdf_fails_clearly():
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf_bytes([article_lines(WIND)]))))
    writer.encrypt(user_password="secret", owner_password="owner", algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    with pytest.raises(ImportFailed, match="^the PDF is encrypted with a password; save an unprotected copy"):
        read(out.getvalue())


@pytest.mark.parametrize("data, reason", [
    (b"", "empty"),
    (b"hello, not a pdf", "not a PDF"),
    (b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF", "damaged|no text layer"),
])
def test_broken_pdfs_fail_with_a_reason(data, reason):
    with pytest.raises(ImportFailed, match=reason):
        read(data)


def test_truncated_pdf_fails_or_reads_what_is_there():
    data = pdf_bytes([article_lines(HARBOUR)])
    try:
        doc = read(data[: len(data) * 2 // 3])
    except ImportFailed as exc:
        assert str(exc)
    else:
        assert doc.body


def test_running_headers_and_footers_of_a_printed_web_page_are_dropped():
    paragraphs = [ascii_only(p) for p in HARBOUR + WIND]
    lines = []
    for p in paragraphs:
        lines += wrap(p) + [""]
    pages, size = [], 14
    for n, start in enumerate(range(0, len(lines), size), 1):
        pages.append(["6/13/25, 9:30 AM    Harbour traffic jumps - Port Elden Gazette", ""] + lines[start:start + size]
                     + ["", f"https://gazette.example/harbour    {n}/3"])
    doc = read(pdf_bytes(pages))
    assert "9:30 AM" not in doc.body and "gazette.example" not in doc.body
    assert doc.body.split("\n") == paragraphs


def test_pdf_tripping_a_reader_limit_when_opened_says_so():
    data = pdf_bytes([article_lines(WIND)]).replace(b"xref\n0 ", b"xref\n0 9999999", 1)   # a huge xref count
    with pytest.raises(ImportFailed, match=r"^the PDF trips a safety limit of the PDF reader \(Declared size "
                                           r"\d+ exceeds allowed limit of \d+\): it is damaged or built to exhaust"):
        read(data)


def test_pdf_tripping_a_reader_limit_in_its_text_says_so():
    data = pdf_bytes([article_lines(WIND)], raw_ops="[" + "(a) " * 100_001 + "] TJ")   # one giant text array
    with pytest.raises(ImportFailed, match=r"^the PDF trips a safety limit of the PDF reader \(Reached maximum "
                                           r"array element count\)"):
        read(data)


def test_pdf_encrypted_with_aes_but_no_password():
    from pypdf._crypt_providers import crypt_provider

    data = pdf_bytes([article_lines(WIND)], encrypt=aes_open_encrypt_dict())
    if crypt_provider[0] != "local_crypt_fallback":
        pytest.skip("an AES library is installed; this test covers the message when none is")
    with pytest.raises(ImportFailed, match=r"^the PDF is encrypted with AES, which needs the 'cryptography' package"):
        read(data)


@pytest.mark.parametrize("cut", [9, 0.5])
def test_pdf_cut_short_says_so(cut):
    data = pdf_bytes([article_lines(WIND)])
    data = data[:cut] if isinstance(cut, int) else data[: int(len(data) * cut)]
    with pytest.raises(ImportFailed, match=r"^the PDF is cut short or damaged: part of it cannot be read \("):
        read(data)


def test_an_empty_pdf_stream_is_named():
    from pypdf import PdfReader
    from pypdf.errors import EmptyFileError

    from workbench.ingest.pdf import pdf_failure

    with pytest.raises(EmptyFileError) as raised:
        PdfReader(io.BytesIO(b""))
    assert pdf_failure(raised.value) == "the PDF is empty"


def test_failed_pdf_import_names_the_file_and_the_reason(tmp_path):
    from workbench.services.importing import import_paths
    from workbench.storage.workspace import open_workspace

    good = tmp_path / "wind.pdf"
    good.write_bytes(pdf_bytes([["Wind farm starts up", ""] + article_lines(WIND)]))
    bad = tmp_path / "giant-array.pdf"
    bad.write_bytes(pdf_bytes([article_lines(HARBOUR)], raw_ops="[" + "(a) " * 100_001 + "] TJ"))
    with open_workspace(tmp_path / "ws.fcw", create=True) as ws:
        report = import_paths(ws, [good, bad])
    assert len(report.imported) == 1
    assert [f["path"] for f in report.failed] == [str(bad)]
    assert report.failed[0]["error"].startswith("the PDF trips a safety limit of the PDF reader")


def test_pdf_encrypted_with_aes_and_an_empty_password_imports():
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf_bytes([article_lines(WIND)]))))
    writer.encrypt(user_password="", owner_password="owner-only", algorithm="AES-128")
    out = io.BytesIO()
    writer.write(out)
    assert b"/AESV2" in out.getvalue()
    doc = read(out.getvalue())
    assert doc.body.split("\n") == [ascii_only(p) for p in WIND]
