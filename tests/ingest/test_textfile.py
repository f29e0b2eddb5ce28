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
