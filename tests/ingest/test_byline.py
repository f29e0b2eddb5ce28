"""Bylines, datelines and the metadata lines at the top of a document."""

from datetime import date

import pytest

from workbench.ingest.byline import bare_url, looks_like_name, parse_byline, parse_dateline, read_header


@pytest.mark.parametrize("line, outlet, author, published", [
    ("By Jane Doe | The Outlet | June 8, 2025", "The Outlet", "Jane Doe", date(2025, 6, 8)),
    ("Outlet — 8 June 2025", "Outlet", None, date(2025, 6, 8)),
    ("Port Elden Gazette · June 13, 2025 · By Mara Lind", "Port Elden Gazette", "Mara Lind", date(2025, 6, 13)),
    ("June 13, 2025", None, None, date(2025, 6, 13)),
    ("Published: Monday, June 9, 2025 10:32 AM EDT", None, None, date(2025, 6, 9)),
    ("By Jane Doe, Staff Writer", None, "Jane Doe", None),
    ("By Jane Doe, Reuters", "Reuters", "Jane Doe", None),
    ("2025-06-08", None, None, date(2025, 6, 8)),
    ("Updated 3 hours ago · By Tom Hart", None, "Tom Hart", None),
])
def test_bylines_give_their_fields(line, outlet, author, published):
    byline = parse_byline(line)
    assert byline is not None
    assert (byline.outlet, byline.author, byline.published) == (outlet, author, published)


def test_byline_time_is_kept_in_24_hours():
    assert parse_byline("Published June 9, 2025 3:05 PM").published_time == "15:05"


@pytest.mark.parametrize("line", [
    "The council said on June 8, 2025 that it would keep the libraries open.",
    "By the numbers",
    "AIChief",                       # a lone name is an outlet line only by position, not a byline
    "Meta is investing $14.3 billion to acquire a 49% stake.",
    "",
    "By " + "word " * 60,
])
def test_body_sentences_are_not_bylines(line):
    assert parse_byline(line) is None


def test_datelines_name_the_wire():
    assert parse_dateline("WASHINGTON (Reuters) - The agency said") == "Reuters"
    assert parse_dateline("LONDON, June 8 (AP) — Officials said") == "AP"
    assert parse_dateline("(RTTNews) - Shares rose") == "RTTNews"
    assert parse_dateline("Meta (NASDAQ:META) - is up") is None
    assert parse_dateline("The company (which declined to comment) said") is None


def test_bare_url_lines():
    assert bare_url("https://example.org/a/b?c=1") == "https://example.org/a/b?c=1"
    assert bare_url("Source: https://example.org/x") == "https://example.org/x"
    assert bare_url("Read more at https://example.org/x") is None


def test_names():
    assert looks_like_name("The Swipe Up")
    assert looks_like_name("CNA")
    assert not looks_like_name("the deal was agreed.")
    assert not looks_like_name("A very long line that keeps going with many many words in it")


def test_header_takes_title_outlet_and_url_lines_off_the_top():
    lines = ["Libraries stay open", "Brennholm Courier", "https://courier.example/libraries",
             "The city council voted to keep all five branches open."]
    header = read_header(lines, known_title="Libraries stay open")
    assert (header.title, header.outlet, header.url, header.consumed) == (
        "Libraries stay open", "Brennholm Courier", "https://courier.example/libraries", 3)


def test_header_reads_a_full_byline_under_a_styled_title():
    lines = ["Night trains return", "Ostavik Post | By Ana Berg | 4 March 2025", "Night trains will resume."]
    header = read_header(lines, title_styled=True)
    assert (header.outlet, header.author, header.published, header.consumed) == (
        "Ostavik Post", "Ana Berg", date(2025, 3, 4), 2)


def test_header_leaves_a_document_without_metadata_alone():
    lines = ["The council voted on Monday to keep all five branch libraries open, reversing a plan.",
             "More than 6,000 residents signed a petition."]
    assert read_header(lines).consumed == 0


def test_short_first_body_line_is_not_mistaken_for_an_outlet():
    lines = ["Night trains return", "Passengers cheered.", "Night trains between Ostavik and the capital resume."]
    header = read_header(lines, title_styled=True)
    assert header.outlet is None and header.consumed == 1


def test_second_name_after_a_comma_is_a_co_author_unless_it_reads_as_an_outlet():
    assert (parse_byline("By Jane Doe, John Roe").author, parse_byline("By Jane Doe, John Roe").outlet) == (
        "Jane Doe, John Roe", None)
    assert parse_byline("By Jane Doe, Ostavik Post").outlet == "Ostavik Post"
    assert parse_byline("By Jane Doe, The Verge").outlet == "The Verge"


def test_outlets_in_scripts_without_case():
    assert parse_byline("新华社 · June 13, 2025").outlet == "新华社"
    header = read_header(["标题", "ఈనాడు", "https://example.org/a", "正文第一段。"], known_title="标题")
    assert header.outlet == "ఈనాడు" and header.consumed == 3


@pytest.mark.parametrize("line, outlet, published", [
    ("Jornal da Serena · 13 de junho de 2025", "Jornal da Serena", date(2025, 6, 13)),
    ("青川日报 · 2025年5月20日", "青川日报", date(2025, 5, 20)),
    ("Le Monde — 8 juin 2025", "Le Monde", date(2025, 6, 8)),
    ("Published: 13. Juni 2025", None, date(2025, 6, 13)),
])
def test_dates_in_other_languages(line, outlet, published):
    byline = parse_byline(line)
    assert (byline.outlet, byline.published) == (outlet, published)


def test_outlet_names_with_news_in_them_are_not_taken_for_roles():
    assert parse_byline("By Jane Doe, Fox News").outlet == "Fox News"


def test_outlet_line_between_title_and_the_first_paragraph_without_a_url():
    lines = ["Night trains return", "Ostavik Post",
             "Night trains between Ostavik and the capital will resume in June after a two-year pause."]
    header = read_header(lines, title_styled=True)
    assert (header.outlet, header.consumed) == ("Ostavik Post", 2)


def test_a_subheading_further_down_is_never_an_outlet():
    lines = ["Night trains return", "By Ana Berg", "Night trains will resume in June, the company said today.",
             "Ticket prices", "Sleeper cabins are priced from 89 euros, the company said in its statement."]
    header = read_header(lines, title_styled=True)
    assert header.outlet is None and header.consumed == 2


@pytest.mark.parametrize("line, outlet, author, published, time", [
    ("Port Elden Gazette | 13.06.2025 | By Mara Lind", "Port Elden Gazette", "Mara Lind", date(2025, 6, 13), None),
    ("Published 13/06/2025 10:32", None, None, date(2025, 6, 13), "10:32"),
    ("Updated: 06/13/2025 at 9:05 pm", None, None, date(2025, 6, 13), "21:05"),
    ("Published: 13.06.2025, 9.30", None, None, date(2025, 6, 13), "09:30"),
])
def test_numeric_dates_in_bylines(line, outlet, author, published, time):
    byline = parse_byline(line)
    assert (byline.outlet, byline.author, byline.published, byline.published_time) == (
        outlet, author, published, time)


def test_an_ambiguous_numeric_date_is_a_stamp_without_a_date_never_an_outlet():
    byline = parse_byline("By Mara Lind · 03/04/2025")
    assert (byline.outlet, byline.author, byline.published) == (None, "Mara Lind", None)
    assert parse_byline("Port Elden Gazette · 03/04/2025").outlet == "Port Elden Gazette"
    header = read_header(["Harbour fire spreads", "03/04/2025",
                          "The fire that started in the harbour on Monday spread to two warehouses overnight."])
    assert (header.title, header.published, header.consumed) == ("Harbour fire spreads", None, 2)
