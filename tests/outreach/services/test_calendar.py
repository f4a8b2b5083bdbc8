"""The calendar's items (meetings, interventions, démarche due dates, open follow-ups),
their filters by state, category and kind, and what is due this week."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from outreach.domain.enums import CalendarKind
from outreach.domain.records import CalendarItem, MeetingRecord
from outreach.errors import NotFoundError, ValidationError
from outreach.services.calendar import CalendarService
from outreach.services.categories import CategoryService
from outreach.services.contact_log import ContactLogService
from outreach.services.demarches import DemarcheService
from outreach.services.forums import ForumService
from outreach.services.interventions import InterventionService
from outreach.storage.database import Database

NOV, DEC = date(2004, 11, 1), date(2004, 12, 31)


@pytest.fixture
def calendar(reference_db: Database) -> CalendarService:
    return CalendarService(reference_db)


@pytest.fixture
def campaign(reference_db: Database, nairobi: MeetingRecord) -> dict[str, int]:
    """Around Nairobi: a timed bilateral, an untimed side event, a dropped statement, an
    open and a closed démarche, an open and a done follow-up."""
    interventions = InterventionService(reference_db)
    demarches = DemarcheService(reference_db)
    log = ContactLogService(reference_db)
    ids = {
        "bilateral": interventions.plan(
            nairobi.id,
            "bilateral",
            "Bilatérale avec la Côte d'Ivoire",
            targets=["CIV"],
            starts_at="2004-11-30 10:00",
            ends_at="2004-11-30 10:45",
        ).id,
        "side_event": interventions.plan(nairobi.id, "side_event", "Stockpiles side event").id,
        "dropped": interventions.plan(nairobi.id, "statement", "Second statement").id,
        "demarche": demarches.create(
            "PAK",
            "Abstain in the First Committee",
            "support_unga_resolution",
            "call",
            "director",
            planned_on="2004-10-01",
            due_on="2004-11-15",
        ).id,
        "closed": demarches.create(
            "IND", "Closed one", "accede", "call", "director", due_on="2004-11-16"
        ).id,
        "follow_up": log.log(
            "2004-11-02",
            "call",
            "Ethiopia: bill in parliament",
            states=["ETH"],
            follow_up_on="2004-12-10",
        ).id,
        "done_follow_up": log.log(
            "2004-11-02", "call", "Done already", states=["ETH"], follow_up_on="2004-12-11"
        ).id,
    }
    interventions.set_status(ids["dropped"], "dropped")
    demarches.move(ids["closed"], "closed", on="2004-11-01")
    log.complete_follow_up(ids["done_follow_up"], on="2004-12-11")
    return ids


def keyed(items: list[CalendarItem]) -> dict[tuple[CalendarKind, int], CalendarItem]:
    return {(item.kind, item.id): item for item in items}


def test_every_kind_of_item_in_date_order(
    calendar: CalendarService, nairobi: MeetingRecord, campaign: dict[str, int]
) -> None:
    items = calendar.items(NOV, DEC, today=date(2004, 11, 20))
    found = keyed(items)

    meeting = found[(CalendarKind.MEETING, nairobi.id)]
    assert (meeting.starts_on, meeting.ends_on, meeting.location) == (
        date(2004, 11, 29),
        date(2004, 12, 3),
        "Nairobi",
    )
    bilateral = found[(CalendarKind.INTERVENTION, campaign["bilateral"])]
    assert bilateral.title == "Bilatérale avec la Côte d'Ivoire"
    assert (bilateral.starts_at, bilateral.ends_at, bilateral.timezone) == (
        datetime(2004, 11, 30, 10, 0),
        datetime(2004, 11, 30, 10, 45),
        "Africa/Nairobi",
    )
    assert bilateral.state_names == "Côte d'Ivoire"
    assert (bilateral.intervention_kind, bilateral.meeting_id) == ("bilateral", nairobi.id)
    side_event = found[(CalendarKind.INTERVENTION, campaign["side_event"])]
    assert (side_event.starts_on, side_event.ends_on, side_event.starts_at) == (
        nairobi.starts_on,
        nairobi.ends_on,
        None,
    )
    assert (CalendarKind.INTERVENTION, campaign["dropped"]) in found  # shown, struck out
    demarche = found[(CalendarKind.DEMARCHE, campaign["demarche"])]
    assert (demarche.starts_on, demarche.state_names, demarche.overdue) == (
        date(2004, 11, 15),
        "Pakistan",
        True,
    )
    assert (CalendarKind.DEMARCHE, campaign["closed"]) not in found
    follow_up = found[(CalendarKind.FOLLOW_UP, campaign["follow_up"])]
    assert (follow_up.starts_on, follow_up.overdue) == (date(2004, 12, 10), False)
    assert (CalendarKind.FOLLOW_UP, campaign["done_follow_up"]) not in found

    days = [(item.starts_on, item.starts_at is not None) for item in items]
    assert days == sorted(days)


def test_periods_kinds_and_dropped_interventions(
    calendar: CalendarService, campaign: dict[str, int]
) -> None:
    assert calendar.items(date(2004, 12, 4), date(2004, 12, 9)) == []
    only = calendar.items(NOV, DEC, kinds=["follow_up"])
    assert [(i.kind, i.id) for i in only] == [(CalendarKind.FOLLOW_UP, campaign["follow_up"])]
    kept = keyed(calendar.items(NOV, DEC, include_dropped=False))
    assert (CalendarKind.INTERVENTION, campaign["dropped"]) not in kept
    with pytest.raises(ValidationError, match=r"ends .2004-11-01. before it starts"):
        calendar.items(DEC, NOV)
    with pytest.raises(ValidationError, match="'birthday' is not a valid kind"):
        calendar.items(kinds=["birthday"])


def test_filter_by_state_and_category(
    reference_db: Database, calendar: CalendarService, nairobi: MeetingRecord,
    campaign: dict[str, int],
) -> None:  # fmt: skip
    pakistan = keyed(calendar.items(NOV, DEC, state="PAK"))
    assert set(pakistan) == {(CalendarKind.DEMARCHE, campaign["demarche"])}  # not in the room
    ForumService(reference_db).add_attendee(nairobi.id, "PAK")
    assert (CalendarKind.MEETING, nairobi.id) in keyed(calendar.items(NOV, DEC, state="PAK"))

    ivorian = keyed(calendar.items(NOV, DEC, state="Côte d'Ivoire"))
    assert set(ivorian) == {
        (CalendarKind.MEETING, nairobi.id),  # a State Party: in the room
        (CalendarKind.INTERVENTION, campaign["bilateral"]),
    }

    categories = CategoryService(reference_db)
    categories.create("Horn of Africa", slug="horn")
    categories.assign("horn", "ETH", "Neighbours")
    horn = keyed(calendar.items(NOV, DEC, category="horn"))
    assert set(horn) == {(CalendarKind.FOLLOW_UP, campaign["follow_up"])}
    with pytest.raises(NotFoundError, match="Unknown priority category 'nope'"):
        calendar.items(NOV, DEC, category="nope")


def test_what_is_overdue_and_due_this_week(
    calendar: CalendarService, campaign: dict[str, int]
) -> None:
    on_the_eve = calendar.due(date(2004, 11, 25))
    assert on_the_eve.until == date(2004, 12, 2)
    assert (on_the_eve.overdue_demarches, on_the_eve.overdue_follow_ups) == (1, 0)
    assert on_the_eve.overdue_interventions == 0
    assert on_the_eve.due_interventions == 2  # the bilateral and the side event, not dropped
    assert {(i.kind, i.id) for i in on_the_eve.due_items} == {
        (CalendarKind.INTERVENTION, campaign["bilateral"]),
        (CalendarKind.INTERVENTION, campaign["side_event"]),
    }
    assert [(i.kind, i.id) for i in on_the_eve.overdue_items] == [
        (CalendarKind.DEMARCHE, campaign["demarche"])
    ]

    after = calendar.due(date(2004, 12, 8))
    assert after.overdue_interventions == 2  # still planned, the meeting is over
    assert (after.due_follow_ups, after.overdue, after.due) == (1, 3, 1)
    with pytest.raises(ValidationError, match="cannot be negative"):
        calendar.due(days=-1)


def test_the_most_overdue_items_alone_when_a_limit_is_given(
    calendar: CalendarService, campaign: dict[str, int]
) -> None:
    day = date(2004, 12, 8)
    every = calendar.due(day)
    assert len(every.overdue_items) == 3  # the démarche and the two interventions
    first_two = calendar.due(day, overdue_limit=2)
    assert first_two.overdue_items == every.overdue_items[:2]  # the most overdue first
    assert first_two.overdue == every.overdue  # all of them still counted
    assert first_two.due_items == every.due_items
