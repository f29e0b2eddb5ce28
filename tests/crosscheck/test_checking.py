"""Cross-checking small workspaces of our own articles: planted agreements, conflicts, copies and near-misses."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import delete, func, select

from tests.crosscheck.helpers import add_article, claim_id
from workbench.cli import main
from workbench.domain.errors import NotFound, WorkbenchError
from workbench.services.checking import (
    check_all,
    check_results,
    check_sources,
    claim_crosscheck,
    set_link_decision,
)
from workbench.storage.models import Claim, Link, SourceName

WIRE = ("(AP) — A passenger ferry carrying 214 people ran aground off Karsholm island early on Tuesday, "
        "the coast guard said. All passengers were brought ashore by lifeboats within three hours. "
        "The ferry operator Nordlink said the vessel had been inspected in March.")
COPY = ("A passenger ferry carrying 214 people ran aground off Karsholm island early on Tuesday, "
        "the coast guard said. All passengers were brought ashore by lifeboats within three hours.")
OWN = ("Coast guard officials told the Island Courier that about 210 passengers were on the Nordlink ferry "
       "when it hit rocks near Karsholm. The rescue took more than two hours. "
       "The local council approved 214 new parking spaces at the harbour last year.")
CONFLICT = ("The Nordlink ferry that grounded near Karsholm was carrying 180 people, port officials said. "
            "Lifeboats brought everyone ashore.")
FESTIVAL_A = ("The Lantern Festival in Vellmark drew more than 3 million visitors this year, organisers said. "
              "Tickets for the closing concert sold out in 40 minutes.")
FESTIVAL_B = ("Organisers said the Lantern Festival in Vellmark attracted over 5 million visitors in total. "
              "The city spent $2.7 billion on the new riverside park.")
FESTIVAL_C = ("Vellmark city spent $1.9 billion on its riverside park, the council said. "
              "The festival drew about 3.1 million visitors.")

NUMBERS = {"214 people": None, "about 210 passengers": None, "180 people": None, "214 new parking spaces": None,
           "more than 3 million visitors": None, "over 5 million visitors": None, "about 3.1 million visitors": None,
           "$2.7 billion": "USD", "$1.9 billion": "USD", "40 minutes": None}


@pytest.fixture
def planted(ws):
    with ws.session() as s:
        ids = {}
        ids["wire"] = add_article(s, outlet="AP", body=WIRE, published="2024-05-14", numbers=NUMBERS,
                                  entities=("Karsholm", "Nordlink"))
        ids["copy"] = add_article(s, outlet="Valley Herald", body=COPY, published="2024-05-14", numbers=NUMBERS,
                                  entities=("Karsholm",))
        ids["own"] = add_article(s, outlet="Island Courier", body=OWN, published="2024-05-14", numbers=NUMBERS,
                                 entities=("Karsholm", "Nordlink"))
        ids["conflict"] = add_article(s, outlet="Port Weekly", body=CONFLICT, published="2024-05-15",
                                      numbers=NUMBERS, entities=("Karsholm", "Nordlink"))
        ids["fest_a"] = add_article(s, outlet="Vellmark Post", body=FESTIVAL_A, published="2024-09-01",
                                    numbers=NUMBERS, entities=("Vellmark",))
        ids["fest_b"] = add_article(s, outlet="Metro Daily", body=FESTIVAL_B, published="2024-09-02",
                                    numbers=NUMBERS, entities=("Vellmark",))
        ids["fest_c"] = add_article(s, outlet="River Times", body=FESTIVAL_C, published="2024-09-03",
                                    numbers=NUMBERS, entities=("Vellmark",))
    return ids


def _relations(ws) -> dict[frozenset, str]:
    with ws.session() as s:
        return {frozenset((l.a_id, l.b_id)): l.relation for l in s.scalars(select(Link))}


def _cid(planted, key, fragment):
    return claim_id(planted[key][1], fragment)


def test_planted_relations(ws, planted):
    check_all(ws)
    rel = _relations(ws)
    wire_ferry = _cid(planted, "wire", "214 people")
    copy_ferry = _cid(planted, "copy", "214 people")
    own_ferry = _cid(planted, "own", "about 210 passengers")
    conflict_ferry = _cid(planted, "conflict", "180 people")
    parking = _cid(planted, "own", "parking spaces")

    assert rel[frozenset((wire_ferry, copy_ferry))] == "corroborates"
    assert rel[frozenset((wire_ferry, own_ferry))] == "corroborates"      # 214 is "about 210"
    assert rel[frozenset((wire_ferry, conflict_ferry))] == "conflicts"    # 214 vs 180 people on board
    # near-miss: the same number 214, but parking spaces, not people on a ferry
    assert rel.get(frozenset((wire_ferry, parking))) != "corroborates"
    assert rel.get(frozenset((copy_ferry, parking))) != "corroborates"

    visitors_a = _cid(planted, "fest_a", "3 million visitors")
    visitors_b = _cid(planted, "fest_b", "5 million visitors")
    visitors_c = _cid(planted, "fest_c", "3.1 million visitors")
    park_b = _cid(planted, "fest_b", "$2.7 billion")
    park_c = _cid(planted, "fest_c", "$1.9 billion")
    assert rel[frozenset((visitors_a, visitors_b))] == "conflicts"
    assert rel[frozenset((visitors_a, visitors_c))] == "corroborates"
    assert rel[frozenset((park_b, park_c))] == "conflicts"
    # different facts never conflict: money for a park vs visitors, festival vs ferry
    assert rel.get(frozenset((park_b, visitors_c))) != "conflicts"
    assert not any(r == "conflicts" and (pair & {park_b, park_c}) and (pair & {visitors_a, visitors_b, visitors_c})
                   for pair, r in rel.items())


def test_origins_group_copies_and_count_independent_reports(ws, planted):
    check_all(ws)
    wire_ferry = _cid(planted, "wire", "214 people")
    copy_rescue = _cid(planted, "copy", "lifeboats")
    with ws.session() as s:
        wire = s.get(Claim, wire_ferry)
        # AP's report, the Valley Herald copy of it, and the Island Courier's own officials
        assert wire.check_sources == 3
        assert wire.check_origins == 2
        assert wire.check_origin_names == ["AP", "Island Courier"]
        assert wire.suggestion == "disputed"   # Port Weekly says 180
        rescue = s.get(Claim, copy_rescue)
        assert rescue.check_sources == 2 and rescue.check_origins == 1 and rescue.suggestion == "single origin"
        copy_link = s.scalars(select(Link).where(Link.a_id == min(wire_ferry, _cid(planted, "copy", "214 people")),
                                                  Link.b_id == max(wire_ferry, _cid(planted, "copy", "214 people")))
                              ).one()
        assert copy_link.same_origin
        alone = s.get(Claim, _cid(planted, "fest_a", "closing concert"))
        assert alone.check_sources == 1 and alone.check_origins == 1 and alone.suggestion == "unverified"


def test_reasons_and_details_for_highlighting(ws, planted):
    check_all(ws)
    a, b = sorted((_cid(planted, "fest_b", "$2.7 billion"), _cid(planted, "fest_c", "$1.9 billion")))
    with ws.session() as s:
        link = s.scalars(select(Link).where(Link.a_id == a, Link.b_id == b)).one()
        assert link.reasons[0].startswith("number: $2.7 billion vs $1.9 billion")
        pair = link.details["pairs"][0]
        body_b = s.get(Claim, b).source.body
        assert body_b[pair["b"]["start"]:pair["b"]["end"]] == "$1.9 billion"
        assert link.details["published"] == {"a": "2024-09-02", "b": "2024-09-03"}


def test_user_decisions_survive_rechecks(ws, planted):
    check_all(ws)
    a, b = sorted((_cid(planted, "wire", "214 people"), _cid(planted, "conflict", "180 people")))
    c, d = sorted((_cid(planted, "wire", "214 people"), _cid(planted, "copy", "214 people")))
    with ws.session() as s:
        rejected = s.scalars(select(Link).where(Link.a_id == a, Link.b_id == b)).one()
        confirmed = s.scalars(select(Link).where(Link.a_id == c, Link.b_id == d)).one()
        set_link_decision(s, rejected.id, "rejected")
        set_link_decision(s, confirmed.id, "confirmed")
        with pytest.raises(WorkbenchError):
            set_link_decision(s, confirmed.id, "maybe")
        with pytest.raises(NotFound):
            set_link_decision(s, 99_999, "confirmed")
    check_all(ws)
    check_sources(ws, [planted["conflict"][0], planted["copy"][0]])
    with ws.session() as s:
        assert s.get(Link, rejected.id).decision == "rejected"
        assert s.get(Link, confirmed.id).decision == "confirmed"
        wire = s.get(Claim, a)
        assert wire.check_conflicts == 0 and wire.suggestion != "disputed"   # the rejected conflict no longer counts
        results = check_results(s)
        assert rejected.id not in {l["id"] for l in results["links"]}


def test_incremental_check_matches_full_check(ws, planted):
    def decisive(relations):   # a full check keeps `related` links of identical copies on one copy only
        return {pair: r for pair, r in relations.items() if r != "related"}

    check_sources(ws, [planted[k][0] for k in planted])
    incremental = _relations(ws)
    check_all(ws)
    assert decisive(_relations(ws)) == decisive(incremental)
    assert set(_relations(ws)) <= set(incremental)


def test_crosscheck_panel(ws, planted):
    check_all(ws)
    wire_ferry = _cid(planted, "wire", "214 people")
    with ws.session() as s:
        panel = claim_crosscheck(s, wire_ferry)
        with pytest.raises(NotFound):
            claim_crosscheck(s, 99_999)
    assert panel["summary"] == "3 outlets, 2 independent origins: AP, Island Courier"
    assert [row["outlet"] for row in panel["conflicting"]] == ["Port Weekly"]
    row = panel["conflicting"][0]
    assert row["published"] == "2024-05-15" and "180 people" in row["text"] and row["reasons"]
    assert {r["outlet"] for r in panel["corroborating"]} == {"Valley Herald", "Island Courier"}


def test_cli_check_json_and_text(ws_path, ws, planted, capsys):
    ws.close()
    assert main(["check", str(ws_path), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert {"a", "b", "relation", "reasons"} <= set(data["links"][0])
    assert {"id", "sources", "independent_origins", "origins", "suggestion"} <= set(data["claims"][0])
    assert any(l["relation"] == "conflicts" for l in data["links"])
    assert main(["check", str(ws_path)]) == 0
    out = capsys.readouterr().out
    assert "conflicts" in out and "claims checked" in out
    link_id = next(l["id"] for l in data["links"] if l["relation"] == "conflicts")
    assert main(["link", str(ws_path), str(link_id), "--reject"]) == 0
    assert "rejected" in capsys.readouterr().out
    assert main(["link", str(ws_path), "424242", "--confirm"]) == 1
    assert "error: no link with id 424242" in capsys.readouterr().err


def test_identical_sentences_are_compared_once_and_linked_for_every_copy(ws):
    line = "The Orvik bridge, closed since the flood, will reopen after repairs costing $48 million, the city said."
    other = "Repairs to the Orvik bridge will cost $61 million, the city's engineer said before it reopens."
    with ws.session() as s:
        copies = [add_article(s, outlet=f"Outlet {i}", body=line, published="2024-02-0" + str(i),
                              numbers={"$48 million": "USD"}, entities=("Orvik",)) for i in range(1, 4)]
        rival = add_article(s, outlet="Engineers' Weekly", body=other, published="2024-02-05",
                            numbers={"$61 million": "USD"}, entities=("Orvik",))
    check_all(ws)
    rel = _relations(ws)
    ids = [next(iter(c[1].values())) for c in copies]
    rival_id = next(iter(rival[1].values()))
    assert all(rel[frozenset((cid, rival_id))] == "conflicts" for cid in ids)
    assert rel[frozenset((ids[0], ids[1]))] == "corroborates"
    with ws.session() as s:
        for cid in ids:
            claim = s.get(Claim, cid)
            assert (claim.check_sources, claim.check_origins) == (3, 1)
            assert claim.suggestion == "disputed"
        link = s.scalars(select(Link).where(Link.a_id == ids[2], Link.b_id == rival_id)).one()
        pair = link.details["pairs"][0]
        assert s.get(Claim, ids[2]).source.body[pair["a"]["start"]:pair["a"]["end"]] == "$48 million"
        assert link.details["published"] == {"a": "2024-02-03", "b": "2024-02-05"}


def test_check_results_do_not_touch_updated_at(ws, planted):
    with ws.session() as s:
        before = dict(s.execute(select(Claim.id, Claim.updated_at)).all())
    check_all(ws)
    with ws.session() as s:
        assert dict(s.execute(select(Claim.id, Claim.updated_at)).all()) == before
        assert s.scalar(select(Claim.checked_at).limit(1)) is not None


def _sources_of(ws, claim_ids):
    with ws.session() as s:
        return {s.get(Claim, cid).source_id for cid in claim_ids}


def test_the_full_check_links_claims_of_one_story_only(ws, planted):
    check_all(ws)
    ferry = {planted[k][0] for k in ("wire", "copy", "own", "conflict")}
    festival = {planted[k][0] for k in ("fest_a", "fest_b", "fest_c")}
    with ws.session() as s:
        for link in s.scalars(select(Link)):
            ends = {s.get(Claim, link.a_id).source_id, s.get(Claim, link.b_id).source_id}
            assert ends <= ferry or ends <= festival, link.reasons
        stored = {sid for (sid,) in s.execute(select(SourceName.source_id))}
    assert stored == ferry | festival


def test_a_new_article_is_checked_against_its_story_even_when_names_were_never_stored(ws, planted):
    with ws.session() as s:   # as in a workspace made before the names were stored
        s.execute(delete(SourceName))
    check_sources(ws, [planted["conflict"][0]])
    rel = _relations(ws)
    assert rel[frozenset((_cid(planted, "wire", "214 people"), _cid(planted, "conflict", "180 people")))] == "conflicts"
    with ws.session() as s:
        assert s.scalar(select(func.count(func.distinct(SourceName.source_id)))) == 7


def test_a_full_check_reports_what_changed(ws, planted):
    first = check_all(ws)
    links = len(_relations(ws))
    assert (first.links_created, first.links_updated, first.links_removed) == (links, 0, 0)
    again = check_all(ws)
    assert (again.links_created, again.links_updated, again.links_removed) == (0, 0, 0)
    with ws.session() as s:   # a re-extraction dropped a claim: its links go at the next check
        gone = s.get(Claim, _cid(planted, "conflict", "180 people"))
        lost = sum(1 for pair in _relations(ws) if gone.id in pair)
        s.delete(gone)
    assert lost and check_all(ws).links_created == 0


YARD_FIRE = ("A fire at the Calder Boatworks in Ardley injured 12 people on Sunday, fire chief Rami Osei said. "
             "Mayor Anna Prell thanked the crews. Ardley Infirmary kept 4 patients overnight.")
YARD_FIRE_2 = ("The blaze at Calder Boatworks in Ardley injured 12 people, Rami Osei told reporters. "
               "Ardley Infirmary said 4 patients stayed overnight. Mayor Anna Prell visited the yard.")
VIADUCT = ("A lorry crash on the Wend Viaduct in Ardley injured 30 people, the Highways Agency said. "
           "Mayor Anna Prell said the road would stay closed. Engineer Tove Lindqvist led the survey.")
ARDLEY = {"12 people": None, "30 people": None, "4 patients": None}


@pytest.mark.parametrize("published, linked", [("2025-01-20", False), ("2024-03-12", True)])
def test_a_new_article_from_the_same_town_months_later_is_another_story(ws, published, linked):
    with ws.session() as s:
        add_article(s, outlet="Ardley Echo", body=YARD_FIRE, published="2024-03-10", numbers=ARDLEY,
                    entities=("Ardley", "Calder Boatworks", "Rami Osei", "Anna Prell", "Ardley Infirmary"))
        add_article(s, outlet="County Post", body=YARD_FIRE_2, published="2024-03-11", numbers=ARDLEY,
                    entities=("Ardley", "Calder Boatworks", "Rami Osei", "Anna Prell", "Ardley Infirmary"))
    check_all(ws)
    with ws.session() as s:
        new, _ = add_article(s, outlet="Ardley Echo", body=VIADUCT, published=published, numbers=ARDLEY,
                             entities=("Ardley", "Wend Viaduct", "Highways Agency", "Anna Prell", "Tove Lindqvist"))
    check_sources(ws, [new])
    with ws.session() as s:
        touching = s.scalar(select(func.count()).select_from(Link).join(Claim, Claim.id == Link.b_id)
                            .where(Claim.source_id == new))
    # in the same week the two events cannot be told apart by names: the 12 and 30 injured are compared
    assert bool(touching) == linked
