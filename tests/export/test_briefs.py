"""Saved briefs: ordered claim lists, validation, updates."""

from __future__ import annotations

import pytest

from workbench.domain.errors import NotFound
from workbench.services.briefs import BriefError, create_brief, delete_brief, get_brief, list_briefs, update_brief


def test_create_update_and_delete_a_brief(story):
    c = story.claims
    with story.ws.session() as s:
        row = create_brief(s, title="  Vesna  ", summary="Draft", claim_ids=[c["long"], c["evacuated"], c["long"]])
    assert row["title"] == "Vesna" and row["claim_ids"] == [c["long"], c["evacuated"]]
    with story.ws.session() as s:
        update_brief(s, row["id"], claim_ids=[c["evacuated"], c["long"], c["emoji"]], author="Kim")
    with story.ws.session() as s:
        again = get_brief(s, row["id"])
        assert again["claim_ids"] == [c["evacuated"], c["long"], c["emoji"]]
        assert again["author"] == "Kim" and again["summary"] == "Draft"
        assert [b["id"] for b in list_briefs(s)] == [row["id"]]
        delete_brief(s, row["id"])
    with story.ws.session() as s:
        assert list_briefs(s) == []


def test_bad_briefs_are_refused_and_nothing_is_saved(story):
    with story.ws.session() as s, pytest.raises(NotFound, match="no claim with id 999"):
        create_brief(s, claim_ids=[story.claims["evacuated"], 999])
    with story.ws.session() as s, pytest.raises(BriefError, match="needs a title"):
        create_brief(s, title=" ")
    with story.ws.session() as s:
        assert list_briefs(s) == []
        row = create_brief(s, claim_ids=[story.claims["evacuated"]])
    with story.ws.session() as s, pytest.raises(NotFound):
        update_brief(s, row["id"], claim_ids=[12345])
    with story.ws.session() as s:
        assert get_brief(s, row["id"])["claim_ids"] == [story.claims["evacuated"]]
        with pytest.raises(NotFound):
            get_brief(s, 77)
