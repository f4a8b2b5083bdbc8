"""Who is in the room at a meeting, and what the officer needs to know about each of them.

The room is the forum's members on any day of the meeting plus the states announced as
attending. Each state comes with its standing (status on the meeting's first day, stance,
categories, last contact, open démarches: all from `StateService.list_rows`, so the
planner and the states list always agree), the follow-ups overdue today and the open
interventions planned for it at this meeting. States are grouped by priority category.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from outreach.domain.records import MeetingRecord, Room, RoomGroup, RoomRow
from outreach.folding import fold
from outreach.i18n import N_, _
from outreach.reference.treaties import treaty_of_forum
from outreach.services import common
from outreach.services.base import Service
from outreach.services.categories import CategoryService
from outreach.services.forums import ForumService
from outreach.services.interventions import OPEN_STATUSES
from outreach.services.states import DEFAULT_TREATY, StateService
from outreach.storage.database import Database
from outreach.storage.models import (
    ForumMembership,
    Intervention,
    InterventionTarget,
    LogEntry,
    LogEntryState,
    Meeting,
    MeetingAttendee,
)

#: the name of the group of states in the room that are in no priority category
NO_CATEGORY = N_("In no priority category")


def room_state_ids(session: Session, meetings: Iterable[Meeting]) -> dict[int, dict[int, bool]]:
    """Per meeting id: the states in its room, each mapped to whether it is a member of
    the forum on the meeting's dates (False: announced as attending only)."""
    wanted = list(meetings)
    result: dict[int, dict[int, bool]] = {meeting.id: {} for meeting in wanted}
    by_forum: dict[int, list[Meeting]] = defaultdict(list)
    for meeting in wanted:
        by_forum[meeting.forum_id].append(meeting)
    for forum_id, forum_meetings in by_forum.items():
        memberships = session.execute(
            select(ForumMembership.state_id, ForumMembership.since, ForumMembership.until).where(
                ForumMembership.forum_id == forum_id
            )
        ).all()
        for meeting in forum_meetings:
            for state_id, since, until in memberships:
                if (since is None or since <= meeting.ends_on) and (
                    until is None or until >= meeting.starts_on
                ):
                    result[meeting.id][state_id] = True
    ids = [meeting.id for meeting in wanted]
    if ids:
        for meeting_id, state_id in session.execute(
            select(MeetingAttendee.meeting_id, MeetingAttendee.state_id).where(
                MeetingAttendee.meeting_id.in_(ids)
            )
        ):
            result[meeting_id].setdefault(state_id, False)
    return result


def _overdue_follow_ups(session: Session, today: date) -> dict[int, int]:
    """Per state: its open follow-ups due before `today`."""
    rows = session.execute(
        select(LogEntryState.state_id, func.count(LogEntry.id))
        .join(LogEntry, LogEntry.id == LogEntryState.log_entry_id)
        .where(
            LogEntry.deleted_at.is_(None),
            LogEntry.follow_up_on.is_not(None),
            LogEntry.follow_up_done_on.is_(None),
            LogEntry.follow_up_on < today,
        )
        .group_by(LogEntryState.state_id)
    )
    return {state_id: count for state_id, count in rows}  # noqa: C416


def _planned_for(session: Session, meeting_id: int) -> dict[int, int]:
    """Per state: the open interventions at the meeting that target it."""
    rows = session.execute(
        select(InterventionTarget.state_id, func.count(Intervention.id))
        .join(Intervention, Intervention.id == InterventionTarget.intervention_id)
        .where(
            Intervention.meeting_id == meeting_id,
            Intervention.deleted_at.is_(None),
            Intervention.status.in_(OPEN_STATUSES),
        )
        .group_by(InterventionTarget.state_id)
    )
    return {state_id: count for state_id, count in rows}  # noqa: C416


class MeetingPlannerService(Service):
    def __init__(self, db: Database) -> None:
        super().__init__(db)
        self._forums = ForumService(db)
        self._states = StateService(db)
        self._categories = CategoryService(db)

    def room(
        self,
        meeting_id: int,
        *,
        treaty: str | None = None,
        today: date | None = None,
        with_empty_categories: bool = True,
    ) -> Room:
        """The states expected in the meeting's room, grouped by priority category (a
        state in two categories is in both groups), then those in none; by name in each.
        Follow-ups count as overdue when due before `today` (today by default). The status
        is towards `treaty`: by default the treaty whose meeting it is, else the APMBC."""
        day = today or date.today()
        meeting: MeetingRecord = self._forums.get_meeting(meeting_id)
        with self._db.read() as session:
            found = session.get(Meeting, meeting.id)
            assert found is not None  # get_meeting checked it
            in_room = room_state_ids(session, [found])[meeting.id]
            attendees = set(meeting.attendee_ids)
            overdue = _overdue_follow_ups(session, day)
            planned = _planned_for(session, meeting.id)
        treaty = treaty or treaty_of_forum(meeting.forum_slug) or DEFAULT_TREATY
        state_rows = self._states.list_rows(treaty=treaty, as_of=meeting.starts_on)
        rows = [
            common.record_of(
                RoomRow,
                row,
                state_id=row.id,
                member=in_room[row.id],
                attendee=row.id in attendees,
                overdue_follow_ups=overdue.get(row.id, 0),
                interventions=planned.get(row.id, 0),
            )
            for row in sorted(state_rows, key=lambda r: fold(r.name))
            if row.id in in_room
        ]
        categories = self._categories.all()
        groups: list[RoomGroup] = []
        for category in categories:
            members = tuple(row for row in rows if category.slug in row.categories)
            if members or with_empty_categories:
                groups.append(RoomGroup(category.slug, category.name, category.colour, members))
        known = {category.slug for category in categories}
        others = tuple(row for row in rows if not known.intersection(row.categories))
        if others:
            groups.append(RoomGroup("", _(NO_CATEGORY), "#9e9e9e", others))
        return Room(meeting=meeting, groups=tuple(groups), state_count=len(rows))

    def in_room(self, meeting_id: int) -> dict[int, bool]:
        """The states in the meeting's room: state id -> member of the forum (True) or
        announced attendee only (False)."""
        meeting = self._forums.get_meeting(meeting_id)
        with self._db.read() as session:
            found = session.get(Meeting, meeting.id)
            assert found is not None
            return room_state_ids(session, [found])[meeting.id]
