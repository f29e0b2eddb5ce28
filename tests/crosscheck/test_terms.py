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


@pytest.mark.parametrize("family, texts", [
    ("strike", ["Dock workers walked out on Monday.", "The nurses went on strike at dawn.",
                "Most drivers stayed away from work.", "Miners downed tools over the bonus."]),
    ("derail", ["The tram jumped the tracks.", "Two wagons came off the rails.", "The freight train derailed."]),
    ("buy", ["Halden took over the brewer last year.", "Halden paid $2.1 billion for the brewer.",
             "Halden will buy the brewer.", "The deal values the brewer at $2 billion."]),
    ("proportion", ["Exports make up 40% of output.", "Exports account for 40% of output."]),
    ("evacuate", ["Families were ordered to leave their homes.", "Hundreds fled their homes overnight.",
                  "Crews moved 300 people to temporary shelters.", "Villagers were evacuated."]),
    ("injured", ["Nine people were taken to hospital.", "Two riders were hospitalised.", "Nine were injured."]),
    ("start", ["The blaze broke out after midnight.", "The blaze started after midnight.",
               "Picket lines formed at the gates."]),
    ("detect", ["A guard raised the alarm at 3 a.m.", "A guard noticed the leak."]),
    ("cost", ["The maker set aside $40 million for repairs.", "The maker took a one-off charge of $40 million.",
              "Repairs will cost $40 million."]),
    ("premium", ["Holders get 20% more than the closing price.", "The bid is 20% above the last share price.",
                 "The bid carries a premium of 20%."]),
    ("breach", ["Intruders gained access to the files.", "The gang stole the customer data.",
                "Hackers hit the clinic."]),
    ("outage", ["The gale left 9,000 homes without power.", "9,000 homes lost electricity.",
                "Power cuts hit 9,000 homes."]),
    ("rise", ["The union wants to raise wages by 6%.", "Nurses seek a pay raise of 6%.", "Pay will rise 6%."]),
    ("quarter", ["Profit for the three months to June doubled.", "Quarterly profit doubled."]),
])
def test_news_phrases_say_what_one_word_says(family, texts):
    for text in texts:
        assert stem(family) in content_stems(text), text


@pytest.mark.parametrize("text, word", [
    ("The delegation walked out of the talks.", "strike"),       # leaving a room, not a strike
    ("The raise in prices upset shoppers.", "rise"),             # only pay and wages are raised as a rise
    ("The club will make up for the lost matches.", "proportion"),
    ("The council will pay a fine of $2 million.", "buy"),       # paying, but not for something bought
    ("He was jailed for three months.", "quarter"),              # a span of time, not a reporting period
])
def test_phrases_need_their_whole_context(text, word):
    assert stem(word) not in content_stems(text)


def test_the_rest_of_a_phrase_is_no_word_of_its_own():
    # "left the tracks": one word for the derailment, not "left" and "track" besides
    assert content_stems("Four wagons left the tracks near the bridge") == ["wagon", "derail", "bridg"]
    # "came to" only joins a total to its figure
    assert content_stems("Sales came to $3 billion") == ["revenu"]
