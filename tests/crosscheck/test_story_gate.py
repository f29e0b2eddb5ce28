"""The story gate keeps claims of sources about different events apart, and one story together."""

from workbench.crosscheck.story import StoryGate
from workbench.crosscheck.view import ClaimView


def _claim(cid: int, source: int, *names: str) -> ClaimView:
    keys = frozenset(names)
    return ClaimView(id=cid, source_id=source, start=0, text="x", entities=keys, story_keys=keys)


def _report(first_id: int, source: int, town: str, firm: str, person: str, *shared: str) -> list[ClaimView]:
    """One article: its town, company and spokesperson named again and again, shared names once."""
    views = [_claim(first_id + i, source, town, firm) for i in range(4)]
    views += [_claim(first_id + 4, source, person, firm), _claim(first_id + 5, source, *shared, town)]
    return views


def test_sources_sharing_distinctive_names_are_compared():
    views = [_claim(1, 1, "harbourview", "kestrel"), _claim(2, 2, "harbourview", "kestrel")]
    gate = StoryGate.from_views(views)
    assert gate.may_compare(views[0], views[1])


def test_a_small_workspace_counts_shared_names():
    views = [_claim(1, 1, "harbourview", "kestrel"), _claim(2, 2, "millbrook", "orion"),
             _claim(3, 1, "harbourview"), _claim(4, 2, "orion")]
    gate = StoryGate.from_views(views)
    assert not gate.same_story(1, 2)
    assert not gate.may_compare(views[2], views[3])


def test_a_source_with_too_few_names_is_left_to_the_claim_test():
    views = [_claim(1, 1, "harbourview"), _claim(2, 2, "harbourview", "kestrel", "pell")]
    assert StoryGate.from_views(views).may_compare(views[0], views[1])


def _two_kinds_of_events(events: int = 6, reports: int = 4) -> tuple[list[ClaimView], dict[int, int]]:
    """Fires in different towns, all reported with the same fire service and river named once."""
    views, event_of, source, cid = [], {}, 0, 0
    for e in range(events):
        for r in range(reports):
            source += 1
            event_of[source] = e
            views += _report(cid, source, f"town{e}", f"plant{e}", f"officer{e}{r % 2}", "fireservice", "river")
            cid += 10
    return views, event_of


def test_reports_of_one_event_are_one_story_and_other_events_are_not():
    views, event_of = _two_kinds_of_events()
    gate = StoryGate.from_views(views)
    for x in event_of:
        for y in event_of:
            if x < y:
                assert gate.same_story(x, y) == (event_of[x] == event_of[y]), (x, y)


def test_a_workspace_of_one_story_stays_one_story():
    # every source names the main actors; each also names people nobody else quotes
    views, cid = [], 0
    for source in range(1, 26):
        views += [_claim(cid + i, source, "meta", "scale") for i in range(3)]
        views += [_claim(cid + 3, source, f"analyst{source}", f"bank{source}", "scale"),
                  _claim(cid + 4, source, f"city{source}", "meta")]
        cid += 10
    gate = StoryGate.from_views(views)
    assert all(gate.same_story(1, y) for y in range(2, 26))


def test_names_most_claims_mention_are_not_distinctive_for_the_claim_test():
    views = [_claim(i, i, "reuters", f"town{i}", f"firm{i}") for i in range(1, 25)]
    gate = StoryGate.from_views(views)
    assert "reuters" in gate.common
    assert not gate.same_story(1, 2)
