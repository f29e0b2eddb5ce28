"""Plain text and Markdown with YAML front matter."""

from datetime import date
from pathlib import Path

import pytest

from workbench.domain.errors import ImportFailed
from workbench.ingest.textfile import read_text


def test_front_matter_gives_the_metadata():
    data = ("---\ntitle: Night trains return\npublisher: Ostavik Post\nauthor: Ana Berg\n"
            "url: https://post.example/trains\ndate: 2025-03-04\n---\nNight trains will resume in June.\n")
    doc = read_text(Path("a.md"), data.encode())
    assert (doc.title, doc.outlet, doc.author, doc.url, doc.published) == (
        "Night trains return", "Ostavik Post", "Ana Berg", "https://post.example/trains", date(2025, 3, 4))
    assert doc.body == "Night trains will resume in June."


def test_malformed_front_matter_imports_the_body_with_a_warning():
    data = b"---\ntitle: [unclosed\noutlet: : :\n---\nThe body survives.\n"
    doc = read_text(Path("a.md"), data)
    assert doc.body == "The body survives."
    assert any("front matter" in w for w in doc.warnings)


def test_unreadable_date_is_left_empty_with_a_warning():
    doc = read_text(Path("a.md"), b"---\ntitle: T\ndate: sometime soon\n---\nBody.\n")
    assert doc.published is None
    assert any("date" in w for w in doc.warnings)


def test_markdown_heading_is_the_title_when_there_is_no_front_matter():
    doc = read_text(Path("a.md"), b"# Wind farm starts up\n\nThe **first** power flowed on Friday.\n")
    assert doc.title == "Wind farm starts up"
    assert "The first power flowed on Friday." in doc.body


def test_front_matter_alone_fails():
    with pytest.raises(ImportFailed, match="no text"):
        read_text(Path("a.md"), b"---\ntitle: T\n---\n\n")


def test_text_without_front_matter_reads_a_title_and_byline_block():
    data = ("Night trains return\nBy Ana Berg | Ostavik Post | 4 March 2025\nhttps://post.example/trains\n\n"
            "Night trains will resume in June.\n\nThe service runs three times a week.\n")
    doc = read_text(Path("a.txt"), data.encode())
    assert (doc.title, doc.author, doc.outlet, doc.published, doc.url) == (
        "Night trains return", "Ana Berg", "Ostavik Post", date(2025, 3, 4), "https://post.example/trains")
    assert doc.body == "Night trains will resume in June.\n\nThe service runs three times a week."


def test_plain_text_whose_first_line_is_a_sentence_keeps_it():
    data = b"Night trains will resume in June, the company said.\nThe service runs three times a week.\n"
    doc = read_text(Path("a.txt"), data)
    assert doc.body.startswith("Night trains will resume in June")
    assert doc.outlet is None and doc.published is None


def test_source_url_in_front_matter_is_the_url_not_the_outlet():
    doc = read_text(Path("a.md"), b"---\ntitle: T\nsource: https://post.example/x\n---\nBody text here.\n")
    assert doc.outlet is None and doc.url == "https://post.example/x"


def test_numeric_front_matter_dates():
    doc = read_text(Path("a.md"), b"---\ntitle: T\ndate: 13/06/2025\n---\nBody.\n")
    assert doc.published == date(2025, 6, 13)
    doc = read_text(Path("a.md"), b"---\ntitle: T\ndate: 03/04/2025\n---\nBody.\n")
    assert doc.published is None
    assert any("day/month or month/day" in w for w in doc.warnings)
