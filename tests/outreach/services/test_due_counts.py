"""What is overdue and due in the coming days, as the status bar counts it (`due_counts`,
in SQL) and as the dashboard lists it (`due`): the two agree to the item, day by day at
the edges of the period, and leave out what is done, closed, cancelled, dropped or
deleted."""

from __future__ import annotations

from datetime import date

import pytest

from outreach.domain.enums import CalendarKind
from outreach.domain.records import DueSummary, MeetingRecord
from outreach.services.calendar import CalendarService
from outreach.services.contact_log import ContactLogService
from outreach.services.demarches import DemarcheService
from outreach.services.interventions import InterventionService
from outreach.storage.database import Database

#: (as of, days) -> overdue follow-ups, démarches, interventions, then due ones
CASES = {
    (date(2004, 12, 1), 7): (1, 1, 1, 2, 2, 2),
    (date(2004, 12, 1), 0): (1, 1, 1, 1, 1, 1),  # today alone
    (date(2004, 11, 30), 7): (0, 0, 0, 2, 2, 4),
    (date(2004, 12, 4), 7): (2, 2, 4, 2, 2, 0),
    (date(2004, 11, 22), 7): (0, 0, 0, 0, 0, 1),  # the meeting's first day, the last one
    (date(2004, 11, 22), 8): (0, 0, 0, 1, 1, 3),
}


@pytest.fixture
def calendar(reference_db: Database) -> CalendarService:
    return CalendarService(reference_db)


@pytest.fixture
def agenda(reference_db: Database, nairobi: MeetingRecord) -> None:
    """Follow-ups and démarches due on 30 November, 1, 8 and 9 December 2004, and
    interventions at Nairobi (29 November to 3 December): a bilateral on the 30th, a side
    event without a time (the meeting's days), a statement from 23:30 on the 30th to 00:30
    on the 1st, and a statement on the 2nd. Besides them, what never counts: follow-ups
    done or of deleted entries, an entry without follow-up, démarches closed, cancelled,
    deleted or without a due date, interventions done, dropped or deleted."""
    log, demarches = ContactLogService(reference_db), DemarcheService(reference_db)
    interventions = InterventionService(reference_db)
    days = ("2004-11-30", "2004-12-01", "2004-12-08", "2004-12-09")
    for day in days:
        log.log("2004-11-01", "call", f"Follow-up due {day}", states=["ETH"], follow_up_on=day)
        demarches.create("PAK", f"Due {day}", "accede", "call", "director", due_on=day)
    for day in days[:2]:
        done = log.log("2004-11-01", "call", "Done", states=["ETH"], follow_up_on=day)
        log.complete_follow_up(done.id, on="2004-11-02")
        log.delete(log.log("2004-11-01", "call", "Gone", states=["ETH"], follow_up_on=day).id)
    log.log("2004-11-01", "call", "Nothing to follow up", states=["ETH"])
    closed = demarches.create("IND", "Closed", "accede", "call", "director", due_on=days[0])
    demarches.move(closed.id, "closed", on="2004-11-01")
    cancelled = demarches.create("IND", "Cancelled", "accede", "call", "director", due_on=days[1])
    demarches.move(cancelled.id, "cancelled", reason="Overtaken by events")
    demarches.delete(
        demarches.create("IND", "Gone", "accede", "call", "director", due_on=days[1]).id
    )
    demarches.create("IND", "Some day", "accede", "call", "director")

    meeting = nairobi.id
    interventions.plan(
        meeting, "bilateral", "Bilateral with Ethiopia", targets=["ETH"],
        starts_at="2004-11-30 10:00", ends_at="2004-11-30 10:45",
    )  # fmt: skip
    interventions.plan(meeting, "side_event", "Stockpiles side event")
    interventions.plan(
        meeting, "statement", "Late statement",
        starts_at="2004-11-30 23:30", ends_at="2004-12-01 00:30",
    )  # fmt: skip
    interventions.plan(
        meeting, "statement", "Statement on universalization",
        starts_at="2004-12-02 09:00", ends_at="2004-12-02 09:10",
    )  # fmt: skip
    made = interventions.plan(meeting, "statement", "Made", starts_at="2004-12-02 10:00")
    interventions.set_status(made.id, "done")
    dropped = interventions.plan(meeting, "statement", "Dropped")
    interventions.set_status(dropped.id, "dropped")
    interventions.delete(
        interventions.plan(meeting, "statement", "Gone", starts_at="2004-12-02 11:00").id
    )


def numbers(summary: DueSummary) -> tuple[int, int, int, int, int, int]:
    return (
        summary.overdue_follow_ups,
        summary.overdue_demarches,
        summary.overdue_interventions,
        summary.due_follow_ups,
        summary.due_demarches,
        summary.due_interventions,
    )


@pytest.mark.usefixtures("agenda")
def test_the_counts_at_the_edges_of_the_period(calendar: CalendarService) -> None:
    for (day, days), expected in CASES.items():
        counted = calendar.due_counts(day, days)
        assert (counted.as_of, counted.until) == (day, date.fromordinal(day.toordinal() + days))
        assert numbers(counted) == expected, (day, days)
        assert (counted.due_items, counted.overdue_items) == ((), ())  # counts only


@pytest.mark.usefixtures("agenda")
def test_the_listed_items_are_the_counted_ones(calendar: CalendarService) -> None:
    for (day, days), expected in CASES.items():
        listed = calendar.due(day, days)
        assert numbers(listed) == expected, (day, days)

        def due(kind: CalendarKind, summary: DueSummary = listed) -> int:
            return sum(item.kind == kind for item in summary.due_items)

        assert (
            due(CalendarKind.FOLLOW_UP),
            due(CalendarKind.DEMARCHE),
            due(CalendarKind.INTERVENTION),
        ) == expected[3:], (day, days)
        overdue = [item.kind for item in listed.overdue_items]
        assert (overdue.count(CalendarKind.DEMARCHE), overdue.count(CalendarKind.INTERVENTION)) == (
            expected[1:3]
        ), (day, days)
        assert all(item.overdue for item in listed.overdue_items)
        assert not any(item.overdue for item in listed.due_items)


@pytest.mark.usefixtures("agenda")
def test_the_calendar_shows_the_open_demarches_of_its_period(calendar: CalendarService) -> None:
    day = date(2004, 12, 1)
    items = calendar.items(day, date(2004, 12, 8), kinds=["demarche"], today=day)
    assert [(item.title, item.overdue) for item in items] == [
        ("Due 2004-12-01", False),
        ("Due 2004-12-08", False),
    ]
    late = calendar.items(to=date(2004, 12, 8), kinds=["demarche"], today=date(2004, 12, 5))
    assert [(item.title, item.overdue) for item in late] == [
        ("Due 2004-11-30", True),
        ("Due 2004-12-01", True),
        ("Due 2004-12-08", False),
    ]
    assert late[0].description.splitlines()[:2] == ["Démarche to Pakistan", "Status: draft"]
