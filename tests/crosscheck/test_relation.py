"""Two claims at a time: same fact or not, and which relation with which reasons."""

from __future__ import annotations

from workbench.crosscheck.relation import compare_claims
from workbench.crosscheck.terms import TermStats
from workbench.crosscheck.view import build_view, weigh
from workbench.domain.claims import Relation
from workbench.domain.facets import EntityFacet, Facets

from tests.crosscheck.helpers import number_facet

FILLER = [  # other claims of the pool, so that idf reflects a real mix of words
    "The harbour authority published its annual report on shipping volumes.",
    "Rail traffic between the two cities resumed after the strike ended.",
    "The ministry said new rules for drone flights take effect next year.",
]


def _views(*texts, numbers=None, entities=()):
    views = []
    for i, text in enumerate(list(texts) + FILLER, start=1):
        facets = Facets()
        for num, unit in (numbers or {}).items():
            if num in text:
                facets.numbers.append(number_facet(text, num, unit))
        for name in entities:
            pos = text.find(name)
            if pos >= 0:
                facets.entities.append(EntityFacet(name, pos, pos + len(name), "org"))
        views.append(build_view(i, i, 0, text, facets))
    stats = TermStats(v.terms for v in views)
    weigh(views, stats)
    return views, stats


def test_same_number_different_fact_is_not_linked_as_agreement():
    (a, b, *_), stats = _views("The storm damaged 1,200 homes along the coast of Sundby.",
                               "In Sundby, 1,200 volunteers joined the clean-up of the beaches.",
                               numbers={"1,200 homes": None, "1,200 volunteers": None})
    proposal = compare_claims(a, b, stats)
    assert proposal is None or proposal.relation is Relation.RELATED


def test_different_figures_of_different_facts_never_conflict():
    (a, b, *_), stats = _views("Nordhavn council approved a $40 million budget for new schools.",
                               "The Nordhavn stadium renovation will cost $55 million, the club said.",
                               numbers={"$40 million": "USD", "$55 million": "USD"})
    proposal = compare_claims(a, b, stats)
    assert proposal is None or proposal.relation is not Relation.CONFLICTS


def test_conflict_reason_names_both_values_and_what_they_count():
    (a, b, *_), stats = _views("The fire at the Kessel warehouse killed 130 people, officials said.",
                               "Officials said 112 people were killed in the Kessel warehouse fire.",
                               numbers={"130 people": None, "112 people": None})
    proposal = compare_claims(a, b, stats)
    assert proposal.relation is Relation.CONFLICTS
    assert proposal.reasons[0].startswith("number: 130 vs 112")
    pair = proposal.details["pairs"][0]
    assert (pair["a"]["text"], pair["b"]["text"]) == ("130", "112")


def test_swapped_party_in_an_otherwise_identical_list_is_a_conflict():
    text_a = "Regulators cleared the chip orders of Ostra, Velmont and Kandor on Monday, two people said."
    text_b = "Regulators cleared the chip orders of Ostra, Velmont and Brisk on Monday, a person said."
    (a, b, *_), stats = _views(text_a, text_b, entities=("Ostra", "Velmont", "Kandor", "Brisk"))
    proposal = compare_claims(a, b, stats)
    assert proposal.relation is Relation.CONFLICTS
    assert proposal.reasons == ["names: Ostra, Velmont, Kandor vs Ostra, Velmont, Brisk"]


def test_negated_wording_is_not_a_corroboration():
    (a, b, *_), stats = _views("The Lindqvist shipyard will close its northern dock in the spring.",
                               "The Lindqvist shipyard will not close its northern dock in the spring.")
    proposal = compare_claims(a, b, stats)
    assert proposal is None or proposal.relation is not Relation.CORROBORATES


def test_an_earlier_figure_is_not_a_conflict_with_the_new_one():
    (a, b, *_), stats = _views("Last valued at $4 billion, Trelle Robotics is now worth more after the round.",
                               "The funding round values Trelle Robotics at $9 billion, the company said.",
                               numbers={"$4 billion": "USD", "$9 billion": "USD"}, entities=("Trelle Robotics",))
    proposal = compare_claims(a, b, stats)
    assert proposal is None or proposal.relation is not Relation.CONFLICTS


def test_two_counts_of_people_are_not_one_fact_because_both_count_people():
    (a, b, *_), stats = _views("Ulverby is a harbour town of about 250,000 people on the Tamsin River.",
                               "The storm that hit Ulverby killed 16 people, a council spokesperson said.",
                               numbers={"about 250,000 people": None, "16 people": None}, entities=("Ulverby",))
    proposal = compare_claims(a, b, stats)
    assert proposal is None or proposal.relation is not Relation.CONFLICTS


def test_one_template_about_two_towns_is_not_a_corroboration():
    (a, b, *_), stats = _views("Football clubs in Marrowby postponed their weekend fixtures out of respect.",
                               "Football clubs in Quenford postponed their weekend fixtures out of respect.",
                               entities=("Marrowby", "Quenford"))
    proposal = compare_claims(a, b, stats)
    assert proposal is None or proposal.relation is not Relation.CORROBORATES


def _dated(*items, relative=False):
    """Views of (text, date text, iso) claims with their date facets, over the filler pool."""
    from workbench.domain.facets import DateFacet

    views = []
    for i, (text, when, iso) in enumerate(items, start=1):
        facets = Facets()
        pos = text.find(when)
        facets.dates.append(DateFacet(text=when, start=pos, end=pos + len(when), iso=iso, kind="date",
                                      relative=relative))
        name = text.split()[1]
        facets.entities.append(EntityFacet(name, text.find(name), text.find(name) + len(name), "org"))
        views.append(build_view(i, i, 0, text, facets))
    views += [build_view(10 + i, 10 + i, 0, t, Facets()) for i, t in enumerate(FILLER)]
    stats = TermStats(v.terms for v in views)
    weigh(views, stats)
    return views, stats


def test_two_denials_at_different_times_do_not_conflict_but_two_reports_do():
    (a, b, *_), stats = _dated(
        ("The Marrowby council did not respond to a request for comment on Monday.", "Monday", "2025-03-03"),
        ("The Marrowby council did not respond to a request for comment on Thursday.", "Thursday", "2025-03-06"))
    proposal = compare_claims(a, b, stats)
    assert proposal.relation is Relation.RELATED and "both sides negated" in proposal.reasons[0]
    (a, b, *_), stats = _dated(
        ("The Marrowby council approved the harbour budget on Monday.", "Monday", "2025-03-03"),
        ("The Marrowby council approved the harbour budget on Thursday.", "Thursday", "2025-03-06"))
    assert compare_claims(a, b, stats).relation is Relation.CONFLICTS


def test_the_same_counted_noun_in_unrelated_sentences_is_no_conflict():
    (a, b, *_), stats = _views("A fire at the Ostby depot forced 1,200 residents from their homes on Tuesday.",
                               "In Ostby, 3 residents of Mill Lane told the Ledger they saw smoke before midnight.",
                               numbers={"1,200 residents": None, "3 residents": None},
                               entities=("Ostby", "Mill Lane", "Ledger"))
    proposal = compare_claims(a, b, stats)
    assert proposal is None or proposal.relation is not Relation.CONFLICTS
    (a, b, *_), stats = _views("The Ostby council said more than 1,500 residents remain out of their homes.",
                               "The Ostby fire forced 1,200 residents from their homes on Tuesday.",
                               numbers={"more than 1,500 residents": None, "1,200 residents": None},
                               entities=("Ostby",))
    assert compare_claims(a, b, stats).relation is Relation.CONFLICTS


def test_the_full_stops_of_a_m_do_not_cut_a_date_off_its_verb():
    (a, b, *_), stats = _dated(
        ("The Ostby blaze broke out shortly after 2 a.m. on Tuesday at the depot.", "Tuesday", "2025-03-04"),
        ("The Ostby fire broke out late on Monday, neighbours said.", "Monday", "2025-03-03"))
    proposal = compare_claims(a, b, stats)
    assert proposal.relation is Relation.CONFLICTS and proposal.reasons[0].startswith("date: Tuesday vs Monday")


def test_a_figure_that_moved_is_the_same_fact_whatever_verb_moves_it():
    # irregular and synonymous verbs of change: fell/lost, grew/rose; shares/stock
    (a, b, *_), stats = _views("Shares in Norvale Shipping fell 12% after the profit warning.",
                               "Norvale Shipping stock lost 8% of its value by the close.",
                               numbers={"12%": "%", "8%": "%"}, entities=("Norvale Shipping",))
    assert compare_claims(a, b, stats).relation is Relation.CONFLICTS
    (a, b, *_), stats = _views("Operating profit at Kestrel Foods grew by 9% compared with a year earlier.",
                               "Operating profit at Kestrel Foods rose 9% from the same quarter a year ago.",
                               numbers={"9%": "%"}, entities=("Kestrel Foods",))
    assert compare_claims(a, b, stats).relation is Relation.CORROBORATES


def test_pay_and_wages_are_one_thing_and_latest_says_nothing_about_what_is_offered():
    (a, b, *_), stats = _views("The nurses' union in Arlow is demanding a pay rise of 11%.",
                               "Nurses want the Arlow health board to raise wages by 11% over two years.",
                               numbers={"11%": "%"}, entities=("Arlow",))
    assert compare_claims(a, b, stats).relation is Relation.CORROBORATES
    (a, b, *_), stats = _views("The latest offer from the Arlow health board is 4%.",
                               "The Arlow health board has offered 3%, the union said.",
                               numbers={"4%": "%", "3%": "%"}, entities=("Arlow",))
    assert compare_claims(a, b, stats).relation is Relation.CONFLICTS


def test_reached_and_came_to_only_link_a_figure_to_what_it_measures():
    (a, b, *_), stats = _views("Revenue at the Ostrava Mills paper plant reached $2.1 billion in the quarter.",
                               "Ostrava Mills reported quarterly revenue of $2.6 billion.",
                               numbers={"$2.1 billion": "USD", "$2.6 billion": "USD"}, entities=("Ostrava Mills",))
    assert compare_claims(a, b, stats).relation is Relation.CONFLICTS


def test_released_results_and_published_figures_share_their_day():
    (a, b, *_), stats = _dated(
        ("Harwick Brewing released its annual results on March 3.", "March 3", "2025-03-03"),
        ("Harwick Brewing published its annual results on March 5.", "March 5", "2025-03-05"))
    assert compare_claims(a, b, stats).relation is Relation.CONFLICTS


def _attributed(text: str, names: dict[str, str], cited: tuple[str, ...] = ()) -> Facets:
    from workbench.domain.facets import AttributionFacet

    facets = Facets()
    for name, kind in names.items():
        pos = text.find(name)
        facets.entities.append(EntityFacet(name, pos, pos + len(name), kind))
    for outlet in cited:
        pos = text.find("told " + outlet)
        facets.attributions.append(AttributionFacet("told " + outlet, pos, pos + 5 + len(outlet), outlet, "outlet"))
    return facets


def _pair(*items):
    views = [build_view(i, i, 0, text, facets) for i, (text, facets) in enumerate(items, start=1)]
    views += [build_view(10 + i, 10 + i, 0, t, Facets()) for i, t in enumerate(FILLER)]
    stats = TermStats(v.terms for v in views)
    weigh(views, stats)
    return views, stats


def test_the_outlet_a_quote_was_given_to_is_not_what_the_quote_is_about():
    a = '"We will rebuild the pier before the summer season," said Maren Holt of Ostby Marine.'
    b = '"We will rebuild the pier before the summer season," Maren Holt told Coastal Wire.'
    (va, vb, *_), stats = _pair((a, _attributed(a, {"Maren Holt": "person", "Ostby Marine": "org"})),
                                (b, _attributed(b, {"Maren Holt": "person", "Coastal Wire": "org"}, ("Coastal Wire",))))
    assert compare_claims(va, vb, stats).relation is Relation.CORROBORATES


def test_citing_the_same_outlet_does_not_make_two_companies_one_actor():
    a = "Harwick Brewing will close 40 pubs this year, a spokesperson told Coastal Wire."
    b = "Dunmore Taverns will close 25 pubs this year, its chief executive told Coastal Wire."
    (va, vb, *_), stats = _pair(
        (a, _attributed(a, {"Harwick Brewing": "org", "Coastal Wire": "org"}, ("Coastal Wire",))),
        (b, _attributed(b, {"Dunmore Taverns": "org", "Coastal Wire": "org"}, ("Coastal Wire",))))
    from workbench.crosscheck.same_fact import same_actors

    assert not same_actors(va, vb)


def test_a_strike_told_in_two_phrasings_is_one_fact():
    (a, b, *_), stats = _views("Some 4,000 dockers walked out at the Tarvik terminals on Monday.",
                               "The union said 6,500 dockers went on strike in Tarvik.",
                               numbers={"4,000 dockers": None, "6,500 dockers": None}, entities=("Tarvik",))
    assert compare_claims(a, b, stats).relation is Relation.CONFLICTS


def test_a_derailment_told_in_two_phrasings_is_one_fact():
    (a, b, *_), stats = _views("Inspectors found 12 derailed wagons near Osterby junction.",
                               "The operator said 9 wagons left the rails near Osterby junction.",
                               numbers={"12 derailed": None, "9 wagons": None}, entities=("Osterby",))
    assert compare_claims(a, b, stats).relation is Relation.CONFLICTS


def test_a_place_and_a_person_after_a_comma_are_no_list_of_parties():
    text_a = "The coach was carrying 52 pupils when it overturned near Hollin, Ada Brandt said."
    text_b = "Eleven pupils were hurt when the coach overturned near Hollin, Tomas Ekdahl said."
    (a, b, *_), stats = _views(text_a, text_b, numbers={"52 pupils": None},
                               entities=("Hollin", "Ada Brandt", "Tomas Ekdahl"))
    assert a.name_lists == [] and b.name_lists == []
    proposal = compare_claims(a, b, stats)
    assert proposal is None or proposal.relation is not Relation.CONFLICTS


def test_the_same_relative_words_read_against_two_publication_dates_do_not_conflict():
    # printed on January 30 and again on February 2: "later this month" resolves to two months
    (a, b, *_), stats = _dated(
        ("Talks between the Orrin dock union and the port are due to resume later this month.", "later this month",
         "2025-01"),
        ("Talks between the Orrin dock union and the port are due to resume later this month.", "later this month",
         "2025-02"), relative=True)
    proposal = compare_claims(a, b, stats)
    assert proposal is None or proposal.relation is not Relation.CONFLICTS
    # different relative words that resolve apart still conflict
    (a, b, *_), stats = _dated(
        ("Talks between the Orrin dock union and the port are due to resume later this month.", "later this month",
         "2025-01"),
        ("Talks between the Orrin dock union and the port are due to resume next month.", "next month", "2025-02"),
        relative=True)
    assert compare_claims(a, b, stats).relation is Relation.CONFLICTS
