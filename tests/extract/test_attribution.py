"""Attribution: named origins (agencies, outlets, officials, documents) and anonymous sourcing."""

from __future__ import annotations

from workbench.extract.attribution import parse_attributions


def origins(text: str, outlets=None) -> list[tuple[str | None, str]]:
    found = parse_attributions(text, 0, outlets)
    for facet in found:
        assert text[facet.start:facet.end] == facet.text
    return [(a.origin, a.kind) for a in found]


def test_wire_agencies_in_their_usual_forms():
    assert origins("The talks stalled, Bloomberg News reported on Sunday.") == [("Bloomberg", "agency")]
    assert origins("Acme told Reuters the plant would close.") == [("Acme", "named"), ("Reuters", "agency")]
    assert origins("PARIS (AFP) — The strike spread to ports.") == [("AFP", "agency")]
    assert ("AP", "agency") in origins("The figure was first reported by the Associated Press.")


def test_outlets_including_the_workspace_own():
    assert origins("The deal closed, according to The Information.") == [("The Information", "outlet")]
    assert origins("Prices fell, citing Vella Times.", {"Vella Times": "Vella Times"}) == [
        ("Vella Times", "outlet")]


def test_anonymous_sourcing():
    for text in ("It approved imports, according to two sources familiar with the matter.",
                 "The plan was shelved, said a person briefed on the talks.",
                 "Three people with knowledge of the deal confirmed it.",
                 "Sources said the vote was delayed."):
        assert (None, "anonymous") in origins(text), text


def test_documents_and_officials():
    assert ("statement", "document") in origins("Acme said in a statement that it would appeal.")
    assert ("Ministry officials", "official") in origins("Ministry officials said the count rose.")


def test_no_attribution_in_a_plain_fact():
    assert origins("The bridge reopened in May.") == []


def test_report_by_an_outlet_and_reports_that_speak():
    assert origins("According to a report by The Information, the deal is near.") == [("The Information", "outlet")]
    assert origins("The report added that the chief would join.") == [("report", "document")]


def test_told_an_outlet_keeps_the_speaker_too():
    found = parse_attributions("Jane Roe told Northwind the plant would close.")
    assert [(a.text, a.origin, a.kind) for a in found] == [("Jane Roe", "Jane Roe", "named"),
                                                          ("told Northwind", "Northwind", "outlet")]


def test_spokesperson_for_a_body_is_official():
    assert origins("A spokesperson for the government of Lowland County said ministers were informed.") == [
        ("government of Lowland County", "official")]
