"""A claim prepared for comparison: what each figure counts and which words frame it."""

from __future__ import annotations

from workbench.crosscheck.view import build_view
from workbench.domain.facets import EntityFacet, Facets

from tests.crosscheck.helpers import date_facet, number_facet


def _figure(text, number, entities=()):
    facets = Facets()
    facets.numbers.append(number_facet(text, number))
    for name in entities:
        facets.entities.append(EntityFacet(name, text.index(name), text.index(name) + len(name), "org"))
    return build_view(1, 1, 0, text, facets).numbers[0]


def test_a_describing_word_before_the_noun_is_not_what_is_counted():
    assert _figure("Inspectors found 14 derailed wagons on the embankment.", "14").counted == "wagon"
    assert _figure("Some 300 striking nurses gathered at the gates.", "300").counted == "nurs"
    assert _figure("About 1,400 bus drivers joined the protest.", "1,400").counted == "driver"


def test_a_plural_noun_right_after_the_figure_stays_the_counted_noun():
    assert _figure("Officials said 112 people died in the blaze.", "112").counted == "peopl"
    assert _figure("The storm damaged 1,200 homes along the coast.", "1,200").counted == "hom"


def test_a_company_name_opening_the_sentence_is_not_a_word_about_the_figure():
    figure = _figure("Halvorsen Shipping reported revenue of $2.2 billion.", "$2.2 billion",
                     entities=("Halvorsen Shipping",))
    assert "halvorsen" not in figure.frame
    assert "revenu" in figure.frame


def test_a_figure_in_apposition_shares_the_predicate_of_the_noun_it_renames():
    figure = _figure("Half of the nurses at Vennby, about 900 people, stayed away from work.", "about 900")
    assert figure.counted == "peopl"
    assert {"nurs", "strik"} <= set(figure.frame)
    # an ordinary comma before the figure opens nothing
    figure = _figure("In Vennby, 900 nurses joined the protest.", "900")
    assert figure.counted == "nurs" and "vennby" not in figure.frame


def test_a_date_frame_skips_the_rest_of_a_phrase():
    text = "The tram left the tracks on May 4."
    facets = Facets()
    facets.dates.append(date_facet(text, "May 4", "2025-05-04"))
    frame = build_view(1, 1, 0, text, facets).dates[0].frame
    assert frame["derail"] == 0.5 and "track" not in frame   # "on", then the phrase as one word
