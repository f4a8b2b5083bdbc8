"""The demo campaign (as the first run prepares it: `demo_db` is a copy of one prepared
once) and the synthetic volume."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select

from outreach.demo import content
from outreach.demo.campaign import load_demo
from outreach.demo.synthetic import load_synthetic
from outreach.domain.enums import DemarcheStatus
from outreach.errors import ValidationError
from outreach.services.contact_log import ContactLogService
from outreach.services.demarches import DemarcheService
from outreach.services.forums import ForumService
from outreach.services.interventions import InterventionService
from outreach.services.meeting_planner import MeetingPlannerService
from outreach.storage.database import Database
from outreach.storage.maintenance import integrity_problems
from outreach.storage.models import AuditEntry, Contact, LogEntry, LogEntryState


def test_the_demo_has_demarches_in_every_lifecycle_state(demo_db: Database) -> None:
    statuses = {d.status for d in DemarcheService(demo_db).list()}
    assert statuses == set(DemarcheStatus)


def test_demo_people_are_fictional(demo_db: Database) -> None:
    with demo_db.read() as session:
        emails = list(session.scalars(select(Contact.email)))
        notes = list(session.scalars(select(Contact.notes)))
    assert emails and all(email.endswith("@example.org") for email in emails)
    assert all("Fictional" in note for note in notes)


def test_the_demo_cannot_be_loaded_twice(demo_db: Database) -> None:
    with demo_db.read() as session:
        before = session.scalar(select(func.count(AuditEntry.id)))
    with pytest.raises(ValidationError, match="already holds the demo"):
        load_demo(demo_db)
    with demo_db.read() as session:
        assert session.scalar(select(func.count(AuditEntry.id))) == before


#: the log entries written as such, and those the Bangkok bilaterals logged
DEMO_ENTRIES = len(content.LOG_ENTRIES) + sum(
    row[1] == "bilateral" for row in content.BANGKOK_INTERVENTIONS
)


def test_demo_follow_ups_include_open_and_done_ones(demo_db: Database) -> None:
    entries = ContactLogService(demo_db).page(None, 0, 100)
    assert len(entries) == DEMO_ENTRIES
    assert any(e.follow_up_done_on for e in entries)
    assert any(e.follow_up_overdue_on(date.today()) for e in entries)


def test_synthetic_volume_adds_linked_rows_in_one_transaction(demo_db: Database) -> None:
    summary = load_synthetic(demo_db, contacts=300, log_entries=2_000, demarches=50)
    assert "2,000 log entries" in summary
    with demo_db.read() as session:
        assert session.scalar(select(func.count(LogEntry.id))) == 2_000 + DEMO_ENTRIES
        linked = session.scalar(select(func.count(func.distinct(LogEntryState.log_entry_id))))
        assert linked == session.scalar(select(func.count(LogEntry.id))) - 1  # one has no state
        audit = session.scalar(
            select(func.count(AuditEntry.id)).where(AuditEntry.entity == "synthetic_volume")
        )
    assert audit == 1
    assert integrity_problems(demo_db) == []
    assert ContactLogService(demo_db).count() == 2_000 + DEMO_ENTRIES


def test_nairobi_has_steadfast_states_and_likely_acceders_in_the_room(demo_db: Database) -> None:
    forums = ForumService(demo_db)
    (nairobi,) = forums.find_meetings(content.NAIROBI)
    room = MeetingPlannerService(demo_db).room(nairobi.id)
    groups = {group.name: {row.iso3 for row in group.rows} for group in room.groups}
    assert {"CHN", "EGY", "SGP", "VNM"} <= groups["Steadfast producers and users"]
    assert {"ETH", "IDN", "POL", "UKR", "TUR"} <= groups["Likely acceders"]
    observers = {row.iso3 for row in room.rows() if row.attendee and not row.member}
    assert observers == set(content.NAIROBI_OBSERVERS)


def test_the_bangkok_bilateral_is_done_and_logged_at_its_meeting(demo_db: Database) -> None:
    interventions = InterventionService(demo_db)
    forums = ForumService(demo_db)
    planned = [
        record
        for meeting in forums.find_meetings("bangkok")
        for record in interventions.for_meeting(meeting.id)
    ]
    assert {(record.kind, record.status) for record in planned} == {
        ("bilateral", "done"),
        ("statement", "done"),
    }
    (bilateral,) = [record for record in planned if record.kind == "bilateral"]
    (entry,) = interventions.log_entries(bilateral.meeting_id)
    assert entry.occurred_on == date(2003, 9, 15)
    assert entry.details == bilateral.outcome
    assert entry.follow_up_done_on == date(2003, 10, 15)
