"""Entities by rule and from the workspace vocabulary."""

from __future__ import annotations

from workbench.extract.entities import body_vocabulary, parse_entities


def typed(text: str, vocabulary=None) -> list[tuple[str, str]]:
    found = parse_entities(text, 0, vocabulary)
    for facet in found:
        assert text[facet.start:facet.end] == facet.text
    return [(e.text, e.type) for e in found]


def test_titles_mark_people_and_split_from_employers():
    assert typed("Shares rose after Acme CEO Jane Roe spoke.") == [("Acme", "org"), ("Jane Roe", "person")]
    assert ("Donald Trump", "person") in typed("It followed a decision by President Donald Trump.")


def test_organisations_places_agencies_outlets():
    found = typed("Northwind Holdings opened an office in Hong Kong, Reuters and the Financial Times reported.")
    assert ("Northwind Holdings", "org") in found
    assert ("Hong Kong", "place") in found
    assert ("Reuters", "agency") in found
    assert ("Financial Times", "outlet") in found
    assert ("National University of Singapore", "org") in typed("She teaches at National University of Singapore.")


def test_possessives_split_names():
    assert typed("It visited Acme’s Shanghai plant.") == [("Acme", "org"), ("Shanghai", "place")]


def test_sentence_initial_words_demonyms_and_codes_are_not_names():
    assert typed("Officials met. Chinese buyers ordered H200 chips.") == []
    assert typed("However, the plan failed.") == []


def test_vocabulary_types_names():
    assert typed("Vella Times said the deal closed.", {"Vella Times": "outlet"}) == [("Vella Times", "outlet")]
    vocab = body_vocabulary("Analyst Maria Quist said so. Later, Quist added more.")
    assert vocab["Quist"] == "person"
    assert ("Quist", "person") in typed("Later, the view of Quist changed.", vocab)


def test_outlets_named_with_the_and_compound_adjectives():
    assert typed("A report by The Information said so.") == [("The Information", "outlet")]
    assert typed("It serves Alphabet-backed Google and others.") == [("Google", "org")]


def test_events_are_not_people():
    assert typed("Travel peaks before the Lunar New Year holiday.") == []


def test_dotted_abbreviations_and_suffixes_stay_in_names():
    assert typed("Exports to the U.S. fell.") == [("U.S.", "place")]
    assert typed("The U.S. Commerce Department said so.") == [("U.S. Commerce Department", "org")]
    assert typed("Apple Inc. and Samsung Electronics Co. compete.") == [("Apple Inc.", "org"),
                                                                       ("Samsung Electronics Co.", "org")]
    assert typed("Gov. Gavin Newsom and Martin Luther King Jr. were named.") == [
        ("Gavin Newsom", "person"), ("Martin Luther King Jr.", "person")]
