"""Origins: explicit attribution, datelines, hearsay, and near-verbatim copies."""

from __future__ import annotations

from workbench.crosscheck.origins import (
    HEARSAY,
    ClaimOrigin,
    canonical_origin,
    claim_origin,
    dateline_origin,
    independent_origins,
    is_copy,
    main_origin,
    named_origins,
    outlet_origin,
    shingles,
    source_origin,
)


def test_named_attributions():
    assert named_origins("The mayor resigned on Friday, the Harbour Gazette reported.") == ["Harbour Gazette"]
    assert named_origins("Two officials told Reuters the talks had stalled.") == ["Reuters"]
    assert named_origins("According to a report by The Information, the deal is close.") == ["The Information"]
    assert named_origins("The figure rose, citing the FT.") == ["Financial Times"]
    assert named_origins("Sales fell, Bloomberg and The New York Times reported.") == ["Bloomberg", "New York Times"]
    assert named_origins("Prior reports indicated a smaller deal.") == []
    assert named_origins("He did not respond to requests for comment.") == []


def test_datelines_and_outlet_fields():
    assert dateline_origin("LISBON, May 4 (Reuters) - The port reopened") == "Reuters"
    assert dateline_origin("(AP) — A ferry ran aground") == "AP"
    assert dateline_origin("A ferry ran aground (near the port) - officials said") is None
    assert outlet_origin("Valley Herald — AP") == "AP"
    assert canonical_origin("the Associated Press") == "AP"


def test_main_origin_is_the_most_credited_one():
    body = ("The council will sell the site, the Tribune reported. A vote is due in May, the Tribune said in a "
            "report. The price was not disclosed, according to Bloomberg.")
    assert main_origin(body) == "Tribune"


def test_hedged_claims_lean_on_the_article_origin_and_plural_reports_on_nothing():
    src = source_origin(7, "The plant will close, the Tribune reported. It employs 400 people.", "Daily Post")
    assert claim_origin("The plant will reportedly close in June.", [], src, "Daily Post").keys == {"n:tribune"}
    assert claim_origin("Earlier reports said it would close.", [], src, "Daily Post").keys == {HEARSAY}
    assert claim_origin("It employs 400 people.", [], src, "Daily Post").keys == {"s:7"}


def test_independent_origins_ignore_hearsay_unless_alone():
    named = ClaimOrigin(frozenset({"n:ap"}), {"n:ap": "AP"})
    own = ClaimOrigin(frozenset({"s:3"}), {"s:3": "Daily Post"})
    hearsay = ClaimOrigin(frozenset({HEARSAY}))
    assert independent_origins([named, hearsay]) == (1, ["AP"])
    assert independent_origins([named, own, named]) == (2, ["AP", "Daily Post"])
    assert independent_origins([hearsay]) == (1, [])


def test_copies_share_long_word_sequences():
    text = ("A passenger ferry carrying 214 people ran aground off the northern coast early on Tuesday, the "
            "coast guard said, and all passengers were brought ashore by lifeboats within three hours.")
    trimmed = "Breaking: " + text[:-40]
    other = ("Rescue crews brought every passenger of the stranded ferry to land on Tuesday morning, officials "
             "from the coast guard confirmed after the vessel hit rocks in the north.")
    assert is_copy(shingles(text), shingles(trimmed))
    assert not is_copy(shingles(text), shingles(other))
