"""The story gate keeps claims of sources about different events apart."""

from workbench.crosscheck.story import StoryGate
from workbench.crosscheck.view import ClaimView


def _claim(cid: int, source: int, *names: str) -> ClaimView:
    return ClaimView(id=cid, source_id=source, start=0, text="x", entities=frozenset(names))


def test_sources_sharing_distinctive_names_are_compared():
    views = [_claim(1, 1, "harbourview", "kestrel ferries"), _claim(2, 2, "harbourview", "kestrel ferries")]
    gate = StoryGate(views)
    assert gate.may_compare(views[0], views[1])


def test_sources_about_different_events_are_not_compared():
    views = [_claim(1, 1, "harbourview", "kestrel ferries"), _claim(2, 2, "millbrook", "orion mining"),
             _claim(3, 1, "harbourview"), _claim(4, 2, "orion mining")]
    gate = StoryGate(views)
    assert not gate.same_story(1, 2)
    assert not gate.may_compare(views[2], views[3])


def test_a_source_with_too_few_names_is_left_to_the_claim_test():
    views = [_claim(1, 1, "harbourview"), _claim(2, 2, "harbourview", "kestrel ferries", "pell")]
    assert StoryGate(views).may_compare(views[0], views[1])


def test_names_most_sources_mention_are_not_distinctive():
    views = [_claim(i, i, "reuters", f"town{i}", f"firm{i}") for i in range(1, 25)]
    gate = StoryGate(views)
    assert "reuters" in gate.common
    assert not gate.same_story(1, 2)
