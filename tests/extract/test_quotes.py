"""Quotes and speakers: both orders, curly and straight marks, nested quotes, speaker from context."""

from __future__ import annotations

from workbench.extract.quotes import parse_quotes


def quotes(text: str, previous: str | None = None) -> list[tuple[str, str | None]]:
    found = parse_quotes(text, 0, previous)
    for facet in found:
        assert text[facet.start:facet.end] == facet.text
    return [(q.text, q.speaker) for q in found]


def test_speaker_after_the_quote_both_orders():
    assert quotes("“The deal is done,” said Jane Roe, a lawyer.") == [("The deal is done", "Jane Roe")]
    assert quotes("“The deal is done,” Roe said on Monday.") == [("The deal is done", "Roe")]


def test_speaker_before_the_quote():
    assert quotes("Roe added, “We expect approval soon.”") == [("We expect approval soon.", "Roe")]
    assert quotes('Mayor Ann Lee said: "The bridge stays closed."') == [("The bridge stays closed.", "Ann Lee")]


def test_straight_marks():
    assert quotes('"We are thrilled," Wang said in a statement.') == [("We are thrilled", "Wang")]


def test_nested_quote_stays_inside_the_outer_one():
    assert quotes("“They called it ‘a rescue’ at the time,” Roe said.") == [
        ("They called it ‘a rescue’ at the time", "Roe")]


def test_pronoun_and_bare_quote_take_the_previous_speaker():
    assert quotes("“It was a mistake,” she said.", previous="Jane Roe") == [("It was a mistake", "Jane Roe")]
    assert quotes("“We will appeal.”", previous="Jane Roe") == [("We will appeal.", "Jane Roe")]


def test_scare_quotes_have_no_speaker():
    assert quotes("The move ended “regulatory uncertainty” around imports.") == [("regulatory uncertainty", None)]


def test_apostrophes_are_not_quotes():
    assert quotes("The company’s chief didn’t comment on the firm’s plans.") == []


def test_unclosed_quote_runs_to_the_end():
    assert quotes("He said “this will not stand") == [("this will not stand", None)]


def test_speaker_with_an_apposition():
    assert quotes("Jane Roe, the bank's chief economist, said: “Rates will fall.”") == [("Rates will fall.", "Jane Roe")]
    assert quotes("Roe, 58, told reporters, “We are ready.”") == [("We are ready.", "Roe")]
