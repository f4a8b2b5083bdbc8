"""Who is in the room at a meeting (members on its dates plus announced attendees), grouped
by priority category with each state's standing; and editing forum memberships."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from outreach.domain.enums import TreatyStatus
from outreach.domain.records import MeetingRecord
from outreach.errors import NotFoundError, ValidationError
from outreach.services.categories import CategoryService
from outreach.services.contact_log import ContactLogService
from outreach.services.demarches import DemarcheService
from outreach.services.forums import ForumService
from outreach.services.interventions import InterventionService
from outreach.services.meeting_planner import NO_CATEGORY, MeetingPlannerService
from outreach.services.states import StateService
from outreach.storage.database import Database
from outreach.storage.models import AuditEntry

TODAY = date(2004, 11, 20)  # "today" for the overdue counts: a week before Nairobi


@pytest.fixture
def planner(reference_db: Database) -> MeetingPlannerService:
    return MeetingPlannerService(reference_db)


@pytest.fixture
def forums(reference_db: Database) -> ForumService:
    return ForumService(reference_db)


@pytest.fixture
def categories(reference_db: Database) -> CategoryService:
    service = CategoryService(reference_db)
    service.create("Steadfast producers and users", slug="steadfast", colour="#b71c1c")
    service.create("Likely acceders", slug="likely", colour="#2e7d32")
    for iso3 in ("PAK", "USA", "CHN"):
        service.assign("steadfast", iso3, "Producer")
    for iso3 in ("ETH", "GRC", "TUR", "PAK"):  # Pakistan in both, for the test
        service.assign("likely", iso3, "Close to joining")
    return service


def iso3s(rows: object) -> list[str]:
    return [row.iso3 for row in rows]  # type: ignore[attr-defined]


def test_members_on_the_meetings_dates_and_announced_attendees(
    reference_db: Database, planner: MeetingPlannerService, forums: ForumService,
    nairobi: MeetingRecord,
) -> None:  # fmt: skip
    forums.add_attendee(nairobi.id, "PAK")
    forums.add_attendee(nairobi.id, "ETH")

    in_room = planner.in_room(nairobi.id)
    states = StateService(reference_db)

    def presence(iso3: str) -> bool | None:
        return in_room.get(states.get(iso3).id)

    assert presence("CAN") is True  # a State Party since 1999
    assert presence("PNG") is True  # in force 1 December 2004: during the meeting
    assert presence("PAK") is False  # announced only
    assert presence("ETH") is False
    assert presence("USA") is None  # neither
    assert presence("LVA") is None  # in force in 2005, after the meeting
    assert len(in_room) == planner.room(nairobi.id, today=TODAY).state_count


def test_the_room_grouped_by_category_with_each_states_standing(
    reference_db: Database, planner: MeetingPlannerService, forums: ForumService,
    nairobi: MeetingRecord, categories: CategoryService,
) -> None:  # fmt: skip
    for iso3 in ("PAK", "USA", "ETH"):
        forums.add_attendee(nairobi.id, iso3)
    log = ContactLogService(reference_db)
    log.log("2004-10-01", "call", "Pakistan call", states=["PAK"], follow_up_on="2004-11-01")
    log.log("2004-11-10", "call", "Pakistan again", states=["PAK"], follow_up_on="2004-12-31")
    DemarcheService(reference_db).create(
        "PAK", "Abstain", "support_unga_resolution", "call", "director"
    )
    interventions = InterventionService(reference_db)
    interventions.plan(nairobi.id, "bilateral", "Pakistan", targets=["PAK"])
    dropped = interventions.plan(nairobi.id, "bilateral", "Pakistan again", targets=["PAK"])
    interventions.set_status(dropped.id, "dropped")

    room = planner.room(nairobi.id, today=TODAY)

    assert [(g.slug, g.name) for g in room.groups][:2] == [
        ("likely", "Likely acceders"),
        ("steadfast", "Steadfast producers and users"),
    ]
    likely, steadfast, others = room.groups
    assert iso3s(steadfast.rows) == ["PAK", "USA"]  # China is neither member nor announced
    assert iso3s(likely.rows) == ["ETH", "GRC", "PAK", "TUR"]
    assert (others.slug, others.name) == ("", NO_CATEGORY)
    assert "CAN" in iso3s(others.rows) and "PAK" not in iso3s(others.rows)
    pakistan = steadfast.rows[0]
    assert pakistan.status == TreatyStatus.OUTSIDE
    assert (pakistan.member, pakistan.attendee) == (False, True)
    assert pakistan.last_contact_on == date(2004, 11, 10)
    assert pakistan.next_follow_up_on == date(2004, 11, 1)
    assert pakistan.overdue_follow_ups == 1  # the one due before TODAY
    assert pakistan.open_demarches == 1
    assert pakistan.interventions == 1  # the dropped one does not count
    assert set(pakistan.categories) == {"likely", "steadfast"}
    greece = likely.rows[1]
    assert (greece.status, greece.member, greece.attendee) == (TreatyStatus.PARTY, True, False)
    ethiopia = likely.rows[0]
    assert ethiopia.status == TreatyStatus.SIGNATORY  # on the meeting's first day
    assert room.state_count == len(room.rows())


def test_empty_categories_are_kept_unless_asked_otherwise(
    planner: MeetingPlannerService, nairobi: MeetingRecord, categories: CategoryService
) -> None:
    room = planner.room(nairobi.id, today=TODAY)
    steadfast = next(g for g in room.groups if g.slug == "steadfast")
    assert steadfast.rows == ()
    trimmed = planner.room(nairobi.id, today=TODAY, with_empty_categories=False)
    assert "steadfast" not in [g.slug for g in trimmed.groups]


def test_the_room_of_an_unknown_meeting(planner: MeetingPlannerService) -> None:
    with pytest.raises(NotFoundError, match="There is no meeting with id 999"):
        planner.room(999)


# --- editing memberships ------------------------------------------------------------------


@pytest.fixture
def group(forums: ForumService) -> str:
    return forums.create_forum("group", "A contact group", "informal").slug


def test_end_and_edit_a_membership_with_its_audit_trail(
    reference_db: Database, forums: ForumService, group: str
) -> None:
    member = forums.add_member("group", "PAK", since="1989-10-01", source="Test")

    ended = forums.update_member(member.id, until="2007-11-22")
    assert (ended.since, ended.until, ended.source) == (
        date(1989, 10, 1),
        date(2007, 11, 22),
        "Test",
    )
    assert "PAK" not in [m.state_iso3 for m in forums.members("group", date(2008, 1, 1))]
    reopened = forums.update_member(member.id, until=None, source="Commonwealth Secretariat")
    assert (reopened.until, reopened.source) == (None, "Commonwealth Secretariat")
    assert forums.get_member(member.id) == reopened
    with pytest.raises(ValidationError, match=r"ends .1980-01-01. before it starts"):
        forums.update_member(member.id, until="1980-01-01")

    with reference_db.read() as session:
        actions = [
            (entry.action, entry.state_id)
            for entry in session.scalars(
                select(AuditEntry)
                .where(AuditEntry.entity == "forum_membership", AuditEntry.entity_id == member.id)
                .order_by(AuditEntry.id)  # a server returns rows in no set order otherwise
            )
        ]
    pakistan = StateService(reference_db).get("PAK").id
    assert actions == [("create", pakistan), ("update", pakistan), ("update", pakistan)]


def test_memberships_may_not_overlap(forums: ForumService, group: str) -> None:
    first = forums.add_member("group", "PAK", since="1947-08-15", until="1972-01-30")
    second = forums.add_member("group", "PAK", since="1989-10-01")
    with pytest.raises(ValidationError, match=r"another membership .* overlap"):
        forums.update_member(first.id, until="1990-01-01")
    assert [(m.since, m.until) for m in forums.memberships("group", "PAK")] == [
        (first.since, first.until),
        (second.since, second.until),
    ]


def test_remove_and_restore_a_membership(forums: ForumService, group: str) -> None:
    member = forums.add_member("group", "CAN", since="1990-01-08", source="OAS")
    removed = forums.remove_member(member.id)
    assert removed == member
    assert "CAN" not in [m.state_iso3 for m in forums.memberships("group")]
    with pytest.raises(NotFoundError):
        forums.get_member(member.id)
    assert forums.restore_member(removed) == member
    with pytest.raises(ValidationError, match="exists already"):
        forums.restore_member(removed)


def test_a_cluster_munitions_meeting_shows_the_standing_towards_that_treaty(
    planner: MeetingPlannerService, forums: ForumService
) -> None:
    """At the CCM's Thirteenth Meeting, Finland (an APMBC party, outside the CCM) is an
    announced observer, and the room says where each state stands on the CCM."""
    meeting = forums.find_meeting("Thirteenth Meeting of States Parties (CCM)")
    forums.add_attendee(meeting.id, "FIN")
    rows = {row.iso3: row for row in planner.room(meeting.id, today=TODAY).rows()}
    assert rows["FIN"].status == TreatyStatus.OUTSIDE
    assert (rows["FIN"].member, rows["FIN"].attendee) == (False, True)
    assert rows["NOR"].status == TreatyStatus.PARTY
    assert "LTU" not in rows  # withdrew in March 2025
    asked = {row.iso3: row for row in planner.room(meeting.id, treaty="APMBC").rows()}
    assert asked["FIN"].status == TreatyStatus.PARTY
