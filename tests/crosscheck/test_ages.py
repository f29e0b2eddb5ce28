"""People's ages: found in news style, compared with a year's slack, and never confused with an age long ago."""

from __future__ import annotations

import re

import pytest

from workbench.crosscheck.ages import Age, age_of
from workbench.crosscheck.relation import compare_claims
from workbench.domain.claims import Relation

from tests.crosscheck.test_relation import _views


def _age(sentence: str, number: str):
    m = re.search(rf"\b{number}\b", sentence)
    return age_of(sentence, m.start(), m.end(), float(number))


@pytest.mark.parametrize("sentence, number, expected", [
    ("Ilse Marten, 54, took over the port authority in March.", "54", Age.CURRENT),
    ("The 54-year-old engineer took over the port authority.", "54", Age.CURRENT),
    ("Now 54, Marten still sails every weekend.", "54", Age.CURRENT),
    ("At just 31, Orrin is the youngest mayor the town has had.", "31", Age.CURRENT),
    ("Marten bought her first boat at 19 years old.", "19", Age.EARLIER),
    ("A crew member aged 40 was rescued from the water.", "40", Age.CURRENT),
    ("The ferry carried 54 passengers, the operator said.", "54", None),
    ("In Dorrel, 54 homes lost power overnight.", "54", None),
    ("The council approved 2.5 million for the quay.", "2.5", None),
])
def test_ages_are_told_from_other_numbers(sentence, number, expected):
    assert _age(sentence, number) is expected


def test_the_same_age_in_two_wordings_corroborates():
    (a, b, *_), stats = _views("Ilse Marten, 54, took over the Dorrel port authority in March.",
                               "At 54, Marten is the first woman to run the Dorrel port.",
                               numbers={"54": None}, entities=("Marten", "Dorrel"))
    proposal = compare_claims(a, b, stats)
    assert proposal.relation is Relation.CORROBORATES
    assert proposal.reasons[0].startswith("number: 54 vs 54")


def test_different_ages_of_one_person_conflict_but_an_age_long_ago_does_not():
    (a, b, c, *_), stats = _views("Ilse Marten, 54, took over the Dorrel port authority in March.",
                                  "The 58-year-old Marten took over the Dorrel port authority in March.",
                                  "Marten first worked at the Dorrel port at 19 years old.",
                                  numbers={"54": None, "58": None, "19": None}, entities=("Marten", "Dorrel"))
    assert compare_claims(a, b, stats).relation is Relation.CONFLICTS
    later = compare_claims(a, c, stats)
    assert later is None or later.relation is not Relation.CONFLICTS
