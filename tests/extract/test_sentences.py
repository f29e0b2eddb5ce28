"""Sentence spans: abbreviations, decimals, initials and quotations do not end a sentence."""

from __future__ import annotations

from workbench.extract.sentences import sentence_spans


def sentences(body: str) -> list[str]:
    return [body[s:e] for s, e in sentence_spans(body)]


def test_plain_sentences_and_paragraphs():
    body = "The bill passed. It goes to the Senate next!\nA new paragraph starts here. Does it?"
    assert sentences(body) == ["The bill passed.", "It goes to the Senate next!", "A new paragraph starts here.",
                               "Does it?"]


def test_abbreviations_decimals_and_initials_do_not_split():
    body = ("The U.S. Commerce Department said on Oct. 14 that Mr. Smith of Acme Inc. will pay $2.5 billion. "
            "Michael J. Fox arrived at 9 a.m. Tuesday with Dr. Jones.")
    assert sentences(body) == [
        "The U.S. Commerce Department said on Oct. 14 that Mr. Smith of Acme Inc. will pay $2.5 billion.",
        "Michael J. Fox arrived at 9 a.m. Tuesday with Dr. Jones.",
    ]


def test_quotations_stay_whole():
    curly = "“We will win. We always do,” she said. The crowd cheered."
    assert sentences(curly) == ["“We will win. We always do,” she said.", "The crowd cheered."]
    straight = '"It is done. Finally," he said. Then he left.'
    assert sentences(straight) == ['"It is done. Finally," he said.', "Then he left."]


def test_sentence_ending_inside_closing_quote():
    body = "He called it “a disaster.” Others disagreed."
    assert sentences(body) == ["He called it “a disaster.”", "Others disagreed."]


def test_unbalanced_quote_does_not_swallow_the_article():
    body = "“An opening mark never closed. " + "This is a sentence. " * 60
    assert len(sentence_spans(body)) > 5


def test_spans_are_trimmed_and_ordered():
    body = "  First one.   Second one.  \n\n  Third.  "
    spans = sentence_spans(body)
    assert [body[s:e] for s, e in spans] == ["First one.", "Second one.", "Third."]
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:]))


def test_state_abbreviations():
    body = "The company, based in Menlo Park, Calif. Inc. filings show growth. It hired 200 people."
    assert sentences(body) == ["The company, based in Menlo Park, Calif. Inc. filings show growth.",
                               "It hired 200 people."]
