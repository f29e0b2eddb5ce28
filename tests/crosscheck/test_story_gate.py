"""The story gate keeps claims of sources about different events apart, and one story together."""

from datetime import date, timedelta

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


def _dated(cid: int, source: int, day: date | None, *names: str) -> ClaimView:
    view = _claim(cid, source, *names)
    view.published = day
    return view


def _event_reports(first_source: int, day: date, town: tuple[str, ...], own: tuple[str, ...],
                   reports: int = 3) -> list[ClaimView]:
    """Reports of one event: the town (with its river and mayor) named throughout, the event's own actors in a
    few claims each."""
    views = []
    for r in range(reports):
        source, cid = first_source + r, (first_source + r) * 10
        views += [_dated(cid + i, source, day + timedelta(days=r % 2), *town) for i in range(3)]
        views += [_dated(cid + 3 + i, source, day + timedelta(days=r % 2), town[0], name)
                  for i, name in enumerate(own)]
    return views


def _one_town_two_events(second: date | None) -> tuple[list[ClaimView], set[int], set[int]]:
    """A mill fire and, on ``second``, a bridge closure in one town; other towns' events fill the workspace."""
    town = ("ardley", "wend", "prell")   # town, river, mayor
    views = _event_reports(1, date(2024, 3, 10), town, ("calder", "boatworks", "osei", "infirmary"))
    views += _event_reports(4, second, town, ("highways", "lindqvist", "carraway", "viaduct"))
    for e in range(6):   # other towns, spread over the year
        views += _event_reports(10 + 3 * e, date(2024, 1, 5) + timedelta(days=50 * e),
                                (f"town{e}", f"river{e}", f"mayor{e}"), (f"firm{e}", f"chief{e}", f"union{e}"))
    return views, {1, 2, 3}, {4, 5, 6}


def test_two_events_in_one_town_months_apart_are_two_stories():
    views, fire, bridge = _one_town_two_events(date(2024, 9, 20))
    gate = StoryGate.from_views(views)
    assert not gate.small
    assert all(gate.same_story(x, y) for x in fire for y in fire if x != y)
    assert not any(gate.same_story(x, y) for x in fire for y in bridge)
    assert not set(gate.neighbours(1)) & bridge


def test_two_events_in_one_town_in_the_same_week_are_left_to_the_names():
    # the names alone cannot tell them apart; the claim-level test still can
    views, fire, bridge = _one_town_two_events(date(2024, 3, 12))
    gate = StoryGate.from_views(views)
    assert all(gate.same_story(x, y) for x in fire for y in bridge)


def test_an_undated_source_is_placed_by_its_names():
    views, fire, bridge = _one_town_two_events(date(2024, 9, 20))
    for view in views:
        if view.source_id == 4:
            view.published = None
    gate = StoryGate.from_views(views)
    assert gate.same_story(1, 4)
    assert not gate.same_story(1, 5)


def test_a_follow_up_months_later_naming_the_same_actors_joins_the_story():
    views, fire, _ = _one_town_two_events(date(2024, 9, 20))
    # the inquiry's report into the fire: the same town, mill, fire chief and hospital, half a year on
    views += [_dated(900 + i, 99, date(2024, 9, 25), "ardley", name)
              for i, name in enumerate(("calder", "boatworks", "osei", "infirmary", "inquiry"))]
    gate = StoryGate.from_views(views)
    assert all(gate.same_story(99, x) for x in fire)


def test_a_small_workspace_also_tells_events_apart_by_date():
    views = [_dated(1, 1, date(2024, 3, 10), "ardley", "prell", "calder"),
             _dated(2, 1, date(2024, 3, 10), "calder", "osei"),
             _dated(3, 2, date(2024, 3, 11), "ardley", "prell", "calder", "osei"),
             _dated(4, 3, date(2024, 11, 2), "ardley", "prell", "lindqvist"),
             _dated(5, 3, date(2024, 11, 2), "lindqvist", "viaduct", "highways")]
    gate = StoryGate.from_views(views)
    assert gate.small
    assert gate.same_story(1, 2)
    assert not gate.same_story(1, 3)
