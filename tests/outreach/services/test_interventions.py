"""Interventions at meetings: planning with time slots on the meeting's clock, validation,
démarches, and completing a bilateral (status, outcome and log entry in one transaction)."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import func, select

from outreach.domain.enums import (
    DemarcheStatus,
    InterventionKind,
    InterventionStatus,
    RequestedAction,
)
from outreach.domain.records import InterventionRecord, MeetingRecord
from outreach.errors import NotFoundError, OutreachError, ValidationError
from outreach.services.contact_log import ContactLogService
from outreach.services.contacts import ContactService
from outreach.services.demarches import DemarcheService
from outreach.services.forums import ForumService
from outreach.services.interventions import InterventionService
from outreach.storage.database import Database
from outreach.storage.models import AuditEntry, LogEntry
from tests.conftest import audit_rows


@pytest.fixture
def interventions(reference_db: Database) -> InterventionService:
    return InterventionService(reference_db)


def log_rows(db: Database) -> int:
    with db.read() as session:
        return session.scalar(select(func.count(LogEntry.id))) or 0


def state_id(db: Database, iso3: str) -> int:
    from outreach.services.states import StateService

    return StateService(db).get(iso3).id


def pakistan_bilateral(
    interventions: InterventionService, meeting: MeetingRecord, **fields: Any
) -> InterventionRecord:
    """A bilateral with Pakistan at 10:00 on 30 November, with `fields` besides."""
    return interventions.plan(
        meeting.id,
        "bilateral",
        "Bilateral with Pakistan",
        targets=["PAK"],
        starts_at="2004-11-30 10:00",
        **fields,
    )


# --- planning -------------------------------------------------------------------------------


def test_plan_a_bilateral_on_the_meetings_clock(
    reference_db: Database, interventions: InterventionService, nairobi: MeetingRecord
) -> None:
    before = audit_rows(reference_db)
    planned = interventions.plan(
        nairobi.id,
        "bilateral",
        "  Bilatérale avec la Côte d'Ivoire ",
        lead_officer="A. Officer",
        talking_points="Thank them for their leadership.",
        targets=["CIV", "Ivory Coast"],  # the same state twice, by code and by alias
        starts_at="2004-11-30 10:00",
        ends_at=datetime(2004, 11, 30, 10, 45),
    )

    assert planned.title == "Bilatérale avec la Côte d'Ivoire"
    assert planned.kind == InterventionKind.BILATERAL
    assert planned.status == InterventionStatus.PLANNED
    assert planned.target_ids == (state_id(reference_db, "CIV"),)
    assert (planned.starts_at, planned.ends_at) == (
        datetime(2004, 11, 30, 10, 0),
        datetime(2004, 11, 30, 10, 45),
    )
    assert (planned.timezone, planned.meeting_title) == ("Africa/Nairobi", nairobi.title)
    assert planned.is_open
    assert interventions.get(planned.id) == planned
    assert audit_rows(reference_db) == before + 2  # the intervention and its target
    with reference_db.read() as session:
        entry = session.scalars(select(AuditEntry).where(AuditEntry.entity == "intervention")).one()
    assert json.loads(entry.changes)["title"] == [None, planned.title]


def test_an_aware_time_is_put_on_the_meetings_clock(
    interventions: InterventionService, nairobi: MeetingRecord
) -> None:
    planned = interventions.plan(
        nairobi.id,
        InterventionKind.STATEMENT,
        "Statement on universalization",
        starts_at=datetime(2004, 12, 1, 6, 30, tzinfo=UTC),
        ends_at=datetime(2004, 12, 1, 9, 40, tzinfo=ZoneInfo("Africa/Nairobi")),
    )

    assert planned.starts_at == datetime(2004, 12, 1, 9, 30)  # UTC+3
    assert planned.ends_at == datetime(2004, 12, 1, 9, 40)
    assert planned.target_ids == ()


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"kind": "lunch"}, "'lunch' is not a valid kind"),
        ({"title": "  "}, "title cannot be empty"),
        ({"targets": []}, "A bilateral needs at least one target state"),
        ({"targets": ["Atlantis"]}, "Unknown state 'Atlantis'"),
        ({"status": "maybe"}, "'maybe' is not a valid status"),
        ({"starts_at": "30 Nov, 10am"}, "is not a date and time; write it as YYYY-MM-DD HH:MM"),
        ({"starts_at": date(2004, 11, 30)}, "needs a time of day"),
        ({"ends_at": "2004-11-30 11:00"}, "An end time needs a start time"),
        (
            {"starts_at": "2004-11-30 11:00", "ends_at": "2004-11-30 10:00"},
            r"ends \(2004-11-30 10:00\) before it starts \(2004-11-30 11:00\)",
        ),
        ({"starts_at": "2004-11-28 10:00"}, "starts on 2004-11-28, outside the meeting"),
        (
            {"starts_at": "2004-12-03 18:00", "ends_at": "2004-12-04 09:00"},
            "ends on 2004-12-04, after the meeting",
        ),
        ({"lead_officer": "x" * 121}, "longer than 120 characters"),
    ],
)
def test_plans_that_break_a_rule_are_refused_and_change_nothing(
    reference_db: Database,
    interventions: InterventionService,
    nairobi: MeetingRecord,
    kwargs: dict[str, object],
    message: str,
) -> None:
    fields: dict[str, object] = {"kind": "bilateral", "title": "Bilateral", "targets": ["PAK"]}
    fields.update(kwargs)
    before = audit_rows(reference_db)
    with pytest.raises(OutreachError, match=message):  # a ValidationError or NotFoundError
        interventions.plan(nairobi.id, **fields)  # type: ignore[arg-type]
    assert audit_rows(reference_db) == before
    assert interventions.for_meeting(nairobi.id) == []


def test_plan_refuses_an_unknown_or_deleted_meeting(
    reference_db: Database, interventions: InterventionService, nairobi: MeetingRecord
) -> None:
    with pytest.raises(NotFoundError, match="There is no meeting with id 9999"):
        interventions.plan(9999, "statement", "Statement")
    ForumService(reference_db).delete_meeting(nairobi.id)
    with pytest.raises(NotFoundError):
        interventions.plan(nairobi.id, "statement", "Statement")


def test_update_changes_only_what_is_given(
    reference_db: Database, interventions: InterventionService, nairobi: MeetingRecord
) -> None:
    planned = pakistan_bilateral(interventions, nairobi, ends_at="2004-11-30 10:30")

    moved = interventions.update(planned.id, starts_at="2004-12-01 15:00", ends_at=None)
    assert (moved.starts_at, moved.ends_at) == (datetime(2004, 12, 1, 15, 0), None)
    assert moved.title == planned.title
    assert moved.target_ids == planned.target_ids

    widened = interventions.update(planned.id, targets=["PAK", "IND"], title="Pakistan and India")
    assert set(widened.target_ids) == {state_id(reference_db, "PAK"), state_id(reference_db, "IND")}
    assert widened.starts_at == datetime(2004, 12, 1, 15, 0)

    unscheduled = interventions.update(planned.id, starts_at=None)
    assert unscheduled.starts_at is None
    with pytest.raises(ValidationError, match="A bilateral needs at least one target"):
        interventions.update(planned.id, targets=[])
    with pytest.raises(ValidationError, match="outside the meeting"):
        interventions.update(planned.id, starts_at="2005-01-01 10:00")
    assert interventions.get(planned.id) == unscheduled


def test_status_delete_restore_and_listing(
    interventions: InterventionService, nairobi: MeetingRecord
) -> None:
    late = interventions.plan(
        nairobi.id, "side_event", "Side event on stockpiles", starts_at="2004-12-02 13:00"
    )
    early = interventions.plan(
        nairobi.id, "statement", "Opening statement", starts_at="2004-11-29 10:00"
    )
    untimed = interventions.plan(nairobi.id, "bilateral", "Bilateral with Finland", targets=["FIN"])

    assert [i.id for i in interventions.for_meeting(nairobi.id)] == [early.id, late.id, untimed.id]
    confirmed = interventions.set_status(late.id, "confirmed")
    assert confirmed.status == InterventionStatus.CONFIRMED
    dropped = interventions.set_status(untimed.id, InterventionStatus.DROPPED, "They declined.")
    assert (dropped.status, dropped.outcome, dropped.is_open) == (
        InterventionStatus.DROPPED,
        "They declined.",
        False,
    )

    interventions.delete(early.id)
    assert [i.id for i in interventions.for_meeting(nairobi.id)] == [late.id, untimed.id]
    with pytest.raises(NotFoundError):
        interventions.get(early.id)
    assert interventions.restore(early.id).id == early.id
    assert len(interventions.for_meeting(nairobi.id)) == 3


def test_between_takes_the_slot_or_else_the_meetings_dates(
    interventions: InterventionService, nairobi: MeetingRecord
) -> None:
    monday = interventions.plan(nairobi.id, "statement", "Monday", starts_at="2004-11-29 10:00")
    friday = interventions.plan(nairobi.id, "statement", "Friday", starts_at="2004-12-03 10:00")
    sometime = interventions.plan(nairobi.id, "side_event", "Some day")

    def ids(start: str | None, end: str | None) -> list[int]:
        return [i.id for i in interventions.between(start, end)]

    assert ids("2004-11-29", "2004-11-29") == [monday.id, sometime.id]
    assert ids("2004-12-01", None) == [friday.id, sometime.id]
    assert ids(None, "2004-11-28") == []
    assert ids(None, None) == [monday.id, friday.id, sometime.id]
    with pytest.raises(ValidationError, match=r"ends .* before it starts"):
        interventions.between("2004-12-01", "2004-11-01")


# --- démarches ---------------------------------------------------------------------------


def test_create_a_demarche_for_a_bilateral(
    reference_db: Database, interventions: InterventionService, nairobi: MeetingRecord
) -> None:
    bilateral = pakistan_bilateral(
        interventions, nairobi, lead_officer="A. Officer", talking_points="Ask for an abstention."
    )

    linked, demarche = interventions.create_demarche_for(bilateral.id)

    assert linked.demarche_id == demarche.id
    assert demarche.state_id == state_id(reference_db, "PAK")
    assert demarche.requested_action == RequestedAction.ACCEDE  # outside the treaty in 2004
    assert (demarche.channel, demarche.level) == ("meeting", "ambassador")
    assert (demarche.planned_on, demarche.due_on) == (date(2004, 11, 30), date(2004, 12, 3))
    assert (demarche.talking_points, demarche.officer) == ("Ask for an abstention.", "A. Officer")
    assert demarche.status == DemarcheStatus.DRAFT
    with pytest.raises(ValidationError, match="already linked to a démarche"):
        interventions.create_demarche_for(bilateral.id)


def test_a_signatory_is_asked_to_ratify_and_the_state_must_be_a_target(
    reference_db: Database, interventions: InterventionService, nairobi: MeetingRecord
) -> None:
    both = interventions.plan(
        nairobi.id, "bilateral", "Poland and Pakistan", targets=["POL", "PAK"]
    )
    with pytest.raises(ValidationError, match="Choose which target state"):
        interventions.create_demarche_for(both.id)
    with pytest.raises(ValidationError, match="India is not a target"):
        interventions.create_demarche_for(both.id, state="IND")
    _linked, demarche = interventions.create_demarche_for(both.id, state="POL")
    assert demarche.requested_action == RequestedAction.RATIFY  # a signatory in 2004

    statement = interventions.plan(nairobi.id, "statement", "Statement")
    with pytest.raises(ValidationError, match="has no target state"):
        interventions.create_demarche_for(statement.id)


def test_link_a_demarche_made_to_a_target(
    reference_db: Database, interventions: InterventionService, nairobi: MeetingRecord
) -> None:
    demarches = DemarcheService(reference_db)
    to_pakistan = demarches.create(
        "PAK", "Abstain in the First Committee", "support_unga_resolution", "meeting", "director"
    )
    to_india = demarches.create("IND", "Accede", "accede", "meeting", "director")
    bilateral = interventions.plan(nairobi.id, "bilateral", "Pakistan", targets=["PAK"])

    assert interventions.link_demarche(bilateral.id, to_pakistan.id).demarche_id == to_pakistan.id
    with pytest.raises(ValidationError, match="made to India, which is not a target"):
        interventions.link_demarche(bilateral.id, to_india.id)
    with pytest.raises(ValidationError, match="made to Pakistan, which is not a target"):
        interventions.update(bilateral.id, targets=["IND"])
    assert interventions.link_demarche(bilateral.id, None).demarche_id is None


# --- completing a bilateral ---------------------------------------------------------------


def test_complete_a_bilateral_in_one_step(
    reference_db: Database, interventions: InterventionService, nairobi: MeetingRecord
) -> None:
    contact = ContactService(reference_db).create("Ejemplo", given_name="Ana", state="PAK")
    bilateral = pakistan_bilateral(interventions, nairobi, lead_officer="A. Officer")
    _linked, demarche = interventions.create_demarche_for(bilateral.id)

    done = interventions.complete_bilateral(
        bilateral.id,
        "Pakistan will consider abstaining.",
        summary="Bilateral with Pakistan on the margins",
        follow_up_on="2005-01-15",
        contact_ids=[contact.id],
        deliver_demarche=True,
    )

    assert done.intervention.status == InterventionStatus.DONE
    assert done.intervention.outcome == "Pakistan will consider abstaining."
    assert done.before.status == InterventionStatus.PLANNED
    entry = done.log_entry
    assert (entry.occurred_on, entry.kind, entry.officer) == (
        date(2004, 11, 30),
        "meeting",
        "A. Officer",
    )
    assert entry.summary == "Bilateral with Pakistan on the margins"
    assert entry.details == "Pakistan will consider abstaining."
    assert (entry.meeting_id, entry.demarche_id) == (nairobi.id, demarche.id)
    assert entry.state_ids == (state_id(reference_db, "PAK"),)
    assert entry.contact_ids == (contact.id,)
    assert entry.follow_up_on == date(2005, 1, 15)
    assert done.demarche is not None and done.demarche.status == DemarcheStatus.DELIVERED
    assert done.demarche.delivered_on == date(2004, 11, 30)
    assert done.demarche_before is not None
    assert done.demarche_before.status == DemarcheStatus.DRAFT
    assert interventions.log_entries(nairobi.id) == [entry]
    assert ContactLogService(reference_db).get(entry.id) == entry

    with pytest.raises(ValidationError, match="is done already"):
        interventions.complete_bilateral(bilateral.id, "Again")


def test_a_refused_completion_changes_nothing(
    reference_db: Database, interventions: InterventionService, nairobi: MeetingRecord
) -> None:
    bilateral = interventions.plan(nairobi.id, "bilateral", "Bilateral with India", targets=["IND"])
    statement = interventions.plan(nairobi.id, "statement", "Statement")
    audits, logs = audit_rows(reference_db), log_rows(reference_db)

    with pytest.raises(ValidationError, match="Say what came of the bilateral"):
        interventions.complete_bilateral(bilateral.id, "  ")
    with pytest.raises(ValidationError, match="is not a bilateral"):
        interventions.complete_bilateral(statement.id, "Delivered")
    # the log entry is refused after the intervention was read: nothing is kept
    with pytest.raises(ValidationError, match=r"follow-up .* cannot be due before"):
        interventions.complete_bilateral(
            bilateral.id, "They listened.", on="2004-12-01", follow_up_on="2004-11-01"
        )

    assert (audit_rows(reference_db), log_rows(reference_db)) == (audits, logs)
    assert interventions.get(bilateral.id).status == InterventionStatus.PLANNED


def test_an_untimed_bilateral_is_logged_within_the_meetings_dates(
    interventions: InterventionService, nairobi: MeetingRecord
) -> None:
    bilateral = interventions.plan(nairobi.id, "bilateral", "Finland", targets=["FIN"])
    done = interventions.complete_bilateral(bilateral.id, "A timetable soon.")
    assert nairobi.starts_on <= done.log_entry.occurred_on <= nairobi.ends_on
    assert done.log_entry.summary == "Finland"
    assert done.demarche is None


def test_undo_and_redo_a_completion(
    reference_db: Database, interventions: InterventionService, nairobi: MeetingRecord
) -> None:
    bilateral = pakistan_bilateral(interventions, nairobi, status="confirmed")
    _linked, demarche = interventions.create_demarche_for(bilateral.id)
    done = interventions.complete_bilateral(bilateral.id, "Will abstain.", deliver_demarche=True)

    back = interventions.undo_completion(done)
    assert (back.status, back.outcome) == (InterventionStatus.CONFIRMED, "")
    assert interventions.log_entries(nairobi.id) == []
    restored = DemarcheService(reference_db).get(demarche.id)
    assert (restored.status, restored.delivered_on) == (DemarcheStatus.DRAFT, None)

    again = interventions.redo_completion(done)
    assert (again.status, again.outcome) == (InterventionStatus.DONE, "Will abstain.")
    assert [e.id for e in interventions.log_entries(nairobi.id)] == [done.log_entry.id]
    delivered = DemarcheService(reference_db).get(demarche.id)
    assert (delivered.status, delivered.delivered_on) == (
        DemarcheStatus.DELIVERED,
        date(2004, 11, 30),
    )


def test_an_already_delivered_demarche_is_left_as_it_is(
    reference_db: Database, interventions: InterventionService, nairobi: MeetingRecord
) -> None:
    bilateral = interventions.plan(nairobi.id, "bilateral", "Pakistan", targets=["PAK"])
    _linked, demarche = interventions.create_demarche_for(bilateral.id)
    DemarcheService(reference_db).move(demarche.id, "delivered", on="2004-11-01")

    done = interventions.complete_bilateral(bilateral.id, "Fine.", deliver_demarche=True)
    assert (done.demarche, done.demarche_before) == (None, None)
    assert DemarcheService(reference_db).get(demarche.id).delivered_on == date(2004, 11, 1)
