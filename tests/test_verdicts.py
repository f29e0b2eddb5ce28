"""Verdicts: validation against the workspace's rating scale, status rules, history, scale presets, CLI."""

from __future__ import annotations

import pytest

from workbench.cli import main
from workbench.domain.errors import NotFound, WorkbenchError
from workbench.domain.ratings import DEFAULT_SCALE, PRESETS, RatingError, RatingScale, preset
from workbench.services.verdicts import (
    VerdictError,
    get_rating_scale,
    get_verdict,
    history,
    set_rating_scale,
    set_verdict,
)
from workbench.storage.models import Claim, Source, Verdict, VerdictEvent, utcnow


@pytest.fixture
def claim_ids(ws) -> list[int]:
    with ws.session() as s:
        source = Source(title="Port fire", outlet="Northern Wire Service", body="One. Two.", body_hash="h")
        s.add(source)
        s.flush()
        claims = [Claim(source_id=source.id, start=0, end=4, text="One."),
                  Claim(source_id=source.id, start=5, end=9, text="Two.")]
        s.add_all(claims)
        s.flush()
        return [c.id for c in claims]


def test_rating_is_matched_loosely_and_stored_in_the_scales_spelling(ws, claim_ids):
    with ws.session() as s:
        row = set_verdict(s, claim_ids[0], rating="mostly-FALSE", rationale="  Wrong count.  ", reviewer="Kim")
    assert row["rating"] == "Mostly false"
    assert row["rationale"] == "Wrong count."
    assert row["status"] == "in review"            # rating an unreviewed claim starts its review
    with ws.session() as s:
        assert s.get(Verdict, claim_ids[0]).rating == "Mostly false"


def test_unknown_rating_and_status_are_clear_errors_that_change_nothing(ws, claim_ids):
    with ws.session() as s, pytest.raises(RatingError, match="use one of: True, Mostly true"):
        set_verdict(s, claim_ids[0], rating="Pants on Fire")
    with ws.session() as s, pytest.raises(VerdictError, match="not a status"):
        set_verdict(s, claim_ids[0], rating="True", status="done")
    with ws.session() as s:
        assert s.get(Verdict, claim_ids[0]) is None
        assert s.query(VerdictEvent).count() == 0


def test_final_status_needs_a_rating(ws, claim_ids):
    with ws.session() as s, pytest.raises(VerdictError, match="cannot be verified without a rating"):
        set_verdict(s, claim_ids[0], status="verified")
    with ws.session() as s:
        set_verdict(s, claim_ids[0], rating="False", status="verified")
    with ws.session() as s, pytest.raises(VerdictError, match="without a rating"):
        set_verdict(s, claim_ids[0], rating="")        # clearing the rating of a verified claim


def test_every_change_is_one_event_and_a_no_op_is_none(ws, claim_ids):
    cid = claim_ids[0]
    with ws.session() as s:
        set_verdict(s, cid, rating="Mixed", reviewer="Kim")
    with ws.session() as s:
        set_verdict(s, cid, rating="mixed", reviewer="Kim")          # same values: no event
    with ws.session() as s:
        set_verdict(s, cid, status="in_review", rationale="Two sources disagree.")   # status unchanged, rationale new
    with ws.session() as s:
        set_verdict(s, cid, rating="False", status="Verified",
                    evidence=[{"kind": "url", "ref": "https://example.org/statement", "note": "statement"}])
    with ws.session() as s:
        events = history(s, cid)
        verdict = get_verdict(s, cid)
    assert [e["rating"] for e in events] == ["Mixed", "Mixed", "False"]
    assert [e["status"] for e in events] == ["in review", "in review", "verified"]
    assert events[0]["note"] == "status: unreviewed -> in review; rating: - -> Mixed; reviewer: - -> Kim"
    assert events[1]["note"] == "rationale written"
    assert "evidence: 0 -> 1 items" in events[2]["note"]
    assert events[2]["evidence"] == [{"kind": "url", "ref": "https://example.org/statement", "note": "statement"}]
    assert verdict == {**verdict, "rating": "False", "status": "verified", "reviewer": "Kim",
                       "rationale": "Two sources disagree."}


def test_bad_evidence_is_refused(ws, claim_ids):
    with ws.session() as s, pytest.raises(VerdictError, match="needs a kind"):
        set_verdict(s, claim_ids[0], evidence=[{"kind": "rumour", "ref": "x"}])
    with ws.session() as s, pytest.raises(VerdictError, match="must be a list"):
        set_verdict(s, claim_ids[0], evidence={"kind": "url"})


def test_missing_or_deleted_claim_is_not_found(ws, claim_ids):
    with ws.session() as s:
        s.get(Claim, claim_ids[1]).deleted_at = utcnow()
    for cid in (claim_ids[1], 9999):
        with ws.session() as s, pytest.raises(NotFound):
            set_verdict(s, cid, rating="True")
        with ws.session() as s, pytest.raises(NotFound):
            history(s, cid)


def test_scale_change_is_refused_while_verdicts_use_words_it_lacks(ws, claim_ids):
    with ws.session() as s:
        assert get_rating_scale(s) == DEFAULT_SCALE
        set_verdict(s, claim_ids[0], rating="Mostly true")
        set_verdict(s, claim_ids[1], rating="Unproven")
    with ws.session() as s, pytest.raises(RatingError, match="verdicts use Unproven"):
        set_rating_scale(s, "politifact")
    with ws.session() as s:
        set_verdict(s, claim_ids[1], rating="False")
        set_rating_scale(s, "politifact")
    with ws.session() as s:
        assert get_rating_scale(s).key == "politifact"
        assert s.get(Verdict, claim_ids[0]).rating == "Mostly True"   # respelled for the new scale
        set_verdict(s, claim_ids[1], rating="pants on fire")
        assert get_verdict(s, claim_ids[1])["rating"] == "Pants on Fire"


def test_custom_scale_round_trips_through_settings(ws, claim_ids):
    custom = {"label": "Desk", "ratings": [{"name": "Correct", "value": 2, "colour": "#00aa00"},
                                           {"name": "Wrong", "value": 1}, "Needs context"]}
    with ws.session() as s:
        set_rating_scale(s, custom)
    with ws.session() as s:
        scale = get_rating_scale(s)
        set_verdict(s, claim_ids[0], rating="needs context")
    assert scale.names == ("Correct", "Wrong", "Needs context")
    assert scale.find("correct").colour == "00AA00"
    assert scale.review_rating("Needs context") == {"@type": "Rating", "alternateName": "Needs context"}


@pytest.mark.parametrize("bad, message", [
    ({"ratings": []}, "has no ratings"),
    ({"ratings": ["A", "a"]}, "twice"),
    ({"ratings": ["A", "B"]}, "at least one rating with a number"),
    ({"ratings": [{"name": "A", "value": "high"}]}, "whole number"),
    ({"ratings": [{"name": "A", "value": 1, "colour": "green"}]}, "colour"),
    ({"label": "x"}, "list of ratings"),
    ("snopes", "no rating scale called"),
])
def test_bad_scales_are_refused(bad, message):
    with pytest.raises(RatingError, match=message):
        RatingScale.from_json(bad)


def test_claimreview_mapping_of_presets():
    assert DEFAULT_SCALE.review_rating("True") == {
        "@type": "Rating", "alternateName": "True", "ratingValue": 5, "bestRating": 5, "worstRating": 1}
    assert DEFAULT_SCALE.review_rating("false", "Wrong.")["ratingValue"] == 1
    assert "ratingValue" not in DEFAULT_SCALE.review_rating("Misleading")
    assert preset("PolitiFact").review_rating("Pants on Fire")["ratingValue"] == 1
    assert preset("politifact").best == 6
    assert preset("aap").find("missing-context").value is None
    assert preset("fever").review_rating("Supported") == {
        "@type": "Rating", "alternateName": "Supported", "ratingValue": 2, "bestRating": 2, "worstRating": 1}
    for scale in PRESETS.values():
        values = [r.value for r in scale.ratings if r.value is not None]
        assert values == sorted(values, reverse=True)            # listed best to worst
        assert len(set(values)) == len(values)
        assert RatingScale.from_json(scale.to_json()) == scale


def test_cli_verdict_history_and_scale(ws_path, ws, claim_ids, capsys):
    ws.close()
    cid = str(claim_ids[0])
    assert main(["verdict", str(ws_path), cid, "False", "--status", "verified", "--note", "No such order.",
                 "--reviewer", "Kim", "--evidence-url", "https://example.org/register"]) == 0
    assert "claim #1: False (verified) by Kim" in capsys.readouterr().out
    assert main(["verdict", str(ws_path), cid, "Nonsense"]) == 1
    assert "is not a rating" in capsys.readouterr().err
    assert main(["verdict", str(ws_path), "777", "True"]) == 1
    assert "no claim with id 777" in capsys.readouterr().err
    assert main(["verdict", str(ws_path), cid, "-", "--status", "published"]) == 0      # "-" keeps the rating
    assert "claim #1: False (published) by Kim" in capsys.readouterr().out
    assert main(["history", str(ws_path), cid]) == 0
    out = capsys.readouterr().out
    assert "rating: - -> False" in out and "status: verified -> published" in out and "2 events" in out
    assert main(["rating-scale", str(ws_path), "fever"]) == 1          # False is not a FEVER word
    assert "does not have" in capsys.readouterr().err
    assert main(["rating-scale", str(ws_path)]) == 0
    assert "Workbench scale (ClaimReview numbers: best 5, worst 1)" in capsys.readouterr().out


def test_workbench_error_base():
    assert issubclass(RatingError, WorkbenchError) and issubclass(VerdictError, WorkbenchError)
