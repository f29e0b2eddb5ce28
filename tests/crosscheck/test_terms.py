"""News paraphrase vocabulary: words reporters swap for each other meet in one stem."""

from __future__ import annotations

import pytest

from workbench.crosscheck.terms import content_stems, stem


@pytest.mark.parametrize("words", [
    ("rose", "grew", "increased", "rise", "growth"),
    ("fell", "lost", "dropped", "declined", "falls"),
    ("shares", "stock"),
    ("wages", "pay", "salaries"),
    ("released", "published"),
    ("discovered", "detected", "noticed"),
    ("intrusion", "breach"),
    ("picket", "strike"),
    ("bodies", "deaths", "killed"),
    ("quarterly", "quarter"),
])
def test_paraphrases_share_a_stem(words):
    assert len({stem(w) for w in words}) == 1


def test_connecting_words_are_not_what_a_figure_measures():
    # "came to", "reached", "compared with", "latest": they frame a figure, they do not say what it counts
    assert content_stems("Revenue reached $3 billion, compared with the latest forecast") == ["revenu", "forecast"]
