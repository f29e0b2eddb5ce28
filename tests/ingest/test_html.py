"""Saved web pages: the article without the page around it, and metadata without invented dates."""

from datetime import date
from pathlib import Path

import pytest

from tests.ingest.samples import HARBOUR, LIBRARY, TEMPLATE_TEXT, html_page
from workbench.domain.errors import ImportFailed
from workbench.ingest.html import read_html
from workbench.ingest.normalize import normalize_text


def read(page: str):
    return read_html(Path("page.html"), page.encode("utf-8"))


def test_article_text_without_navigation_banners_related_links_or_footer():
    doc = read(html_page(title="Harbour traffic jumps", site="Port Elden Gazette", paragraphs=HARBOUR,
                         published="2025-06-10", author="Mara Lind", url="https://gazette.example/harbour"))
    assert doc.body.split("\n") == [normalize_text(p) for p in HARBOUR]
    for junk in TEMPLATE_TEXT:
        assert junk.casefold() not in doc.body.casefold()
    assert (doc.title, doc.outlet, doc.author, doc.url) == (
        "Harbour traffic jumps", "Port Elden Gazette", "Mara Lind", "https://gazette.example/harbour")
    assert doc.published == date(2025, 6, 10)
    assert doc.published_time == "07:15"
    assert doc.format == "html" and doc.language == "en"


def test_no_date_is_invented_from_the_copyright_line():
    doc = read(html_page(title="Libraries stay open", site="Brennholm Courier", paragraphs=LIBRARY))
    assert doc.published is None
    assert doc.author is None


def test_visible_dateline_under_the_headline_is_used_and_kept_out_of_the_body():
    page = html_page(title="Libraries stay open", site="Brennholm Courier", paragraphs=LIBRARY).replace(
        "<h1>Libraries stay open</h1>", "<h1>Libraries stay open</h1><p>Published 12 May 2025</p>")
    doc = read(page)
    assert doc.published == date(2025, 5, 12)
    assert "Published" not in doc.body


def test_title_suffix_with_the_site_name_is_dropped():
    page = ("<html><head><title>Wind farm starts up - Sandvik Daily</title>"
            "<meta property='og:site_name' content='Sandvik Daily'></head><body><article>"
            + "".join(f"<p>{p}</p>" for p in HARBOUR) + "</article></body></html>")
    assert read(page).title == "Wind farm starts up"


@pytest.mark.parametrize("data, reason", [
    (b"", "empty"),
    (b"  \n ", "empty"),
    (b"<html><body><nav><a href='/'>Home</a></nav></body></html>", "no article text"),
    (b"\x00\x01\x02\x03binary" * 100, "binary"),
])
def test_pages_without_an_article_fail_with_a_reason(data, reason):
    with pytest.raises(ImportFailed, match=reason):
        read_html(Path("x.html"), data)


def test_deeply_nested_page_fails_cleanly_or_is_bounded():
    page = "<html><body>" + "<div>" * 100_000 + "<p>Deep text here.</p>" + "</div>" * 100_000 + "</body></html>"
    try:
        doc = read(page)
    except ImportFailed as exc:
        assert str(exc)
    else:
        assert len(doc.body) < 1000


def test_enormous_tag_soup_is_refused():
    page = "<html><body>" + "<span>x</span>" * 300_000 + "</body></html>"
    with pytest.raises(ImportFailed, match="too many elements"):
        read(page)


def test_legacy_encoded_page_decodes():
    page = html_page(title="Caf\u00e9 prices", site="K\u00f8benhavn Avis",
                     paragraphs=["Caf\u00e9 owners say prices rose by a fifth in a year, the most since 2008. " * 3,
                                 "The city\u2019s figures show the same trend for bakeries and restaurants alike. " * 3])
    page = page.replace('<meta charset="utf-8">', '<meta charset="windows-1252">')
    doc = read_html(Path("p.html"), page.encode("cp1252"))
    assert "Caf\u00e9 owners" in doc.body
    assert doc.outlet == "K\u00f8benhavn Avis"


def test_a_very_short_article_keeps_no_cookie_banner_or_newsletter_box():
    doc = read(html_page(title="Brief", site="Sandvik Daily", paragraphs=["The ferry resumes on Monday."]))
    assert doc.body == "The ferry resumes on Monday."


def test_short_article_in_scripts_without_spaces():
    doc = read(html_page(title="标题", site="青川晚报", paragraphs=["图书馆开放时间或将延长。", "市文化局表示，新图书馆将优先建在东部新区。"]))
    assert doc.body == "图书馆开放时间或将延长。\n市文化局表示，新图书馆将优先建在东部新区。"


def test_article_inside_a_container_whose_class_looks_like_furniture_is_not_lost():
    body = "".join(f"<p>{p}</p>" for p in HARBOUR)
    page = (f"<html><head><title>Harbour</title></head><body><nav><a href='/'>Home</a></nav>"
            f"<div class='share-enabled story'>{body}</div></body></html>")
    assert read(page).body.split("\n") == [normalize_text(p) for p in HARBOUR]


def test_dates_in_the_running_text_are_not_the_publication_date():
    paragraphs = ["The filing dated 2024-03-02 showed the harbour had borrowed 40 million crowns.", *HARBOUR]
    assert read(html_page(title="Harbour", site="Port Elden Gazette", paragraphs=paragraphs)).published is None


def test_date_stated_in_json_ld_or_the_address_is_used():
    ld = ('<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2025-04-02T08:00:00Z"}'
          "</script>")
    page = html_page(title="Harbour", site="Port Elden Gazette", paragraphs=HARBOUR).replace("</head>", ld + "</head>")
    assert read(page).published == date(2025, 4, 2)
    page = html_page(title="Harbour", site="Port Elden Gazette", paragraphs=HARBOUR,
                     url="https://gazette.example/2025/04/03/harbour")
    assert read(page).published == date(2025, 4, 3)


@pytest.mark.parametrize("encoding", ["utf-16", "utf-8-sig"])
def test_pages_saved_with_a_byte_order_mark(encoding):
    page = html_page(title="Harbour traffic jumps", site="Port Elden Gazette", paragraphs=HARBOUR)
    doc = read_html(Path("page.htm"), page.encode(encoding))
    assert doc.body.split("\n")[0] == normalize_text(HARBOUR[0]) and doc.outlet == "Port Elden Gazette"
