"""The stock template and any text at all: the brief renders every Unicode string and reads it back."""

from __future__ import annotations

import io
from datetime import date

import docx
from docx.oxml.ns import qn
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from workbench.domain.ratings import DEFAULT_SCALE
from workbench.export import template as tpl
from workbench.export.docx import load_template, render_docx
from workbench.export.model import BriefData, BriefEntry, SourceRef, clean_text

STYLES = (tpl.KICKER, tpl.META, tpl.SUMMARY, tpl.CLAIM, tpl.EVIDENCE, tpl.LABEL, tpl.BIBLIOGRAPHY, tpl.NOTE,
          tpl.TABLE_TEXT, tpl.TABLE, tpl.RATING, tpl.HYPERLINK, "Heading 1", "Heading 2", "Title")


def test_stock_template_has_the_styles_logo_and_page_footer():
    assert tpl.TEMPLATE_PATH.exists()
    doc = docx.Document(str(tpl.TEMPLATE_PATH))
    names = {s.name for s in doc.styles}
    assert set(STYLES) <= names
    section = doc.sections[0]
    assert list(section.header._element.iter(qn("pic:pic")))
    assert "PAGE" in [t.text.strip() for t in section.footer._element.iter(qn("w:instrText"))]
    assert not doc.element.body.findall(qn("w:p"))[1:]          # an empty body apart from the section


def test_without_the_template_file_one_is_built_in_memory(monkeypatch, tmp_path):
    monkeypatch.setattr(tpl, "TEMPLATE_PATH", tmp_path / "missing.docx")
    doc = load_template()
    assert set(STYLES) <= {s.name for s in doc.styles}


def _brief(text: str, title: str) -> BriefData:
    source = SourceRef(1, clean_text(title), clean_text(title) or None, None, "https://example.org/a?b=<c>&d",
                       date(2025, 3, 4), "08:30")
    entry = BriefEntry(
        claim_id=1, text=clean_text(text), kind="statement", speaker=None, attribution=None, source=source,
        status="verified", rating=DEFAULT_SCALE.find("Misleading"), rationale=clean_text(text), reviewer=None,
        reviewed_on=None, sources_count=1, origins_count=1, origin_names=[], suggestion=None)
    return BriefData(clean_text(title) or "Brief", "", None, date(2025, 3, 6), "ws", DEFAULT_SCALE, "test", [entry])


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=st.text(min_size=1, max_size=300), title=st.text(max_size=60))
def test_any_unicode_renders_and_reads_back(text, title):
    buffer = io.BytesIO()
    render_docx(_brief(text, title)).save(buffer)
    doc = docx.Document(io.BytesIO(buffer.getvalue()))
    quote = next(p for p in doc.paragraphs if p.style.name == tpl.CLAIM)
    expected = clean_text(text)
    # Word keeps line breaks and tabs as elements; python-docx reads them back as \n and \t.
    assert quote.text == f"\u201c{expected}\u201d".replace("\r\n", "\n").replace("\r", "\n")


def test_carriage_returns_become_line_breaks():
    buffer = io.BytesIO()
    render_docx(_brief("one\r\ntwo\rthree\tfour", "t")).save(buffer)
    doc = docx.Document(io.BytesIO(buffer.getvalue()))
    quote = next(p for p in doc.paragraphs if p.style.name == tpl.CLAIM)
    assert quote.text == "\u201cone\ntwo\nthree\tfour\u201d"
