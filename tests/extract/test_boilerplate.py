"""Page furniture is not a claim: credits, prompts, bylines, copyright lines, headings, questions."""

from __future__ import annotations

import pytest

from workbench.extract.boilerplate import boilerplate_reason, is_heading, is_question


@pytest.mark.parametrize("text", [
    "(Photo: Jane Doe/AP, File)",
    "Photo credit: Getty Images",
    "Sign up for our morning newsletter to get the news first.",
    "Subscribe now for free updates",
    "Share this article",
    "Follow us on Twitter",
    "Related Articles",
    "Advertisement",
    "By Jane Doe and John Roe",
    "Reporting by Jane Doe; Editing by John Roe",
    "Copyright 2025 Example Media. All rights reserved.",
    "© 2024 Example News",
    "Read more: the full story",
    "There is no content to display.",
    "Published: 14 October 2024",
])
def test_boilerplate(text):
    assert boilerplate_reason(text) is not None


@pytest.mark.parametrize("text", [
    "By Tuesday, the company had sold 4,000 cars.",
    "Shares of the newsletter publisher rose 4%.",
    "The photo agency said 12 photographers were hurt.",
    "Subscribers grew to 2 million in May, the company said.",
])
def test_real_sentences_are_kept(text):
    assert boilerplate_reason(text) is None


def test_headings_and_questions():
    assert is_heading("What the ministry approved and who gets the chips")
    assert not is_heading("The ministry approved the imports.")
    assert not is_heading("“We won,” she said.”")
    assert is_question("Will the deal close this year?")
    assert is_question("“Why now?”")
    assert not is_question("He asked why.")


@pytest.mark.parametrize("text", [
    "Published in 2019, the report found that 40% of firms cut jobs.",
    "Copyright lawsuits against the company rose to 12 last year.",
    "Updated figures released on Monday show 3,000 more cases.",
])
def test_sentences_that_start_like_furniture_are_kept(text):
    assert boilerplate_reason(text) is None


def test_list_items_are_not_headings():
    assert not is_heading("- Revenue rose 5% to $2 billion")
    assert not is_heading("• 1,200 workers hired in March")


def test_lead_in_lines_are_not_headings():
    assert not is_heading("The ministry said in a statement:")


@pytest.mark.parametrize("text", ["REUTERS/Jane Doe/File Photo", "AP Photo/Jeff Chiu", "Getty Images/iStockphoto."])
def test_slash_credits(text):
    assert boilerplate_reason(text) == "credit"


def test_sentences_with_slashes_are_kept():
    assert boilerplate_reason("Shares of Alphabet (GOOGL/GOOG) rose 3% on Monday.") is None


def test_short_slash_sentence_without_credit_words_is_kept():
    assert boilerplate_reason("Prices rose/fell by turns.") is None
