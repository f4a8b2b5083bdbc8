"""The campaign's calendar: meetings, interventions, démarche due dates and open follow-ups,
as one list of dated items that the calendar view, the .ics export and the "due this week"
summary all read.

Only what still calls for action is on it besides meetings and interventions: démarches
that are open (not closed or cancelled) and follow-ups not yet done.

What is due is counted in SQL (`due_counts`, the status bar's line after every change):
a long campaign has thousands of open démarches and follow-ups, and the counts need none
of them read. `due` adds the items themselves, for the dashboard's list.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from datetime import date, timedelta
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Date,
    ScalarSelect,
    SQLColumnExpression,
    and_,
    func,
    not_,
    or_,
    select,
)

from outreach.domain.enums import CalendarKind
from outreach.domain.records import (
    CalendarItem,
    DueSummary,
    InterventionRecord,
    LogEntryRecord,
    MeetingRecord,
)
from outreach.domain.vocabulary import label
from outreach.errors import ValidationError
from outreach.i18n import N_, _
from outreach.reference.names import shipped_name
from outreach.services import common, lookup
from outreach.services.base import Service
from outreach.services.contact_log import log_entry_records
from outreach.services.demarches import OPEN as OPEN_DEMARCHE
from outreach.services.forums import ForumService
from outreach.services.interventions import OPEN_STATUSES as OPEN_INTERVENTION
from outreach.services.interventions import InterventionService
from outreach.services.meeting_planner import room_state_ids
from outreach.services.picture import category_members, load_pictures
from outreach.services.states import DEFAULT_TREATY
from outreach.services.validation import choice, ordered
from outreach.storage.database import Database
from outreach.storage.models import (
    Demarche,
    Intervention,
    LogEntry,
    Meeting,
)

KIND_ORDER = {kind: rank for rank, kind in enumerate(CalendarKind)}


def _open_follow_ups(start: date | None, end: date | None) -> list[ColumnElement[bool]]:
    """The WHERE clauses for the follow-ups not yet done that are due from `start` to
    `end` (both inclusive; None: open), of live entries."""
    due = LogEntry.follow_up_on
    return [
        LogEntry.deleted_at.is_(None),
        due.is_not(None),
        LogEntry.follow_up_done_on.is_(None),
        *common.in_period(due, due, start, end),
    ]


def _open_demarches(start: date | None, end: date | None) -> list[ColumnElement[bool]]:
    """The WHERE clauses for the open démarches (neither closed nor cancelled) due from
    `start` to `end` (both inclusive; None: open)."""
    due = Demarche.due_on
    return [
        Demarche.deleted_at.is_(None),
        Demarche.status.in_(OPEN_DEMARCHE),
        due.is_not(None),
        *common.in_period(due, due, start, end),
    ]


def _day_of(moment: SQLColumnExpression[Any]) -> ColumnElement[date]:
    """The calendar day of a date-and-time column, on both backends."""
    return func.date(moment, type_=Date)


def _late_intervention(today: date) -> ColumnElement[bool]:
    """An intervention to do (neither done nor dropped) whose time is past on `today`:
    its last day, or its meeting's when it has no time slot, before `today` (what
    `CalendarItem.overdue` says of it). For a query joining its meeting."""
    last_moment = func.coalesce(Intervention.ends_at, Intervention.starts_at)
    return and_(
        Intervention.status.in_(OPEN_INTERVENTION),
        or_(
            and_(Intervention.starts_at.is_(None), Meeting.ends_on < today),
            and_(Intervention.starts_at.is_not(None), _day_of(last_moment) < today),
        ),
    )


def _interventions_in(start: date | None, end: date | None) -> list[ColumnElement[bool]]:
    """The WHERE clauses for the live interventions at live meetings falling from `start`
    to `end` (both inclusive; None: open), as `InterventionService.between` takes them: a
    timed one by the day it starts, another by its meeting's dates. For a query joining
    its meeting."""
    result = [
        Intervention.deleted_at.is_(None),
        Meeting.deleted_at.is_(None),
        *common.in_period(Meeting.starts_on, Meeting.ends_on, start, end),
    ]
    starts_on = _day_of(Intervention.starts_at)
    timed_in = [starts_on >= start] if start is not None else []
    timed_in += [starts_on <= end] if end is not None else []
    if timed_in:
        result.append(or_(Intervention.starts_at.is_(None), and_(*timed_in)))
    return result


def sort_key(item: CalendarItem) -> tuple[date, bool, str, int, str, int]:
    """Day, then all-day items before timed ones, then by time, kind and title."""
    moment = item.starts_at.strftime("%H:%M") if item.starts_at else ""
    return (
        item.starts_on,
        item.starts_at is not None,
        moment,
        KIND_ORDER[item.kind],
        item.title.casefold(),
        item.id,
    )


class CalendarService(Service):
    def __init__(self, db: Database) -> None:
        super().__init__(db)
        self._forums = ForumService(db)
        self._interventions = InterventionService(db)

    # --- the items -------------------------------------------------------------------------

    def items(
        self,
        from_: date | None = None,
        to: date | None = None,
        *,
        state: str | int | None = None,
        category: str | None = None,
        kinds: Iterable[CalendarKind | str] | None = None,
        include_dropped: bool = True,
        today: date | None = None,
        treaty: str = DEFAULT_TREATY,
    ) -> list[CalendarItem]:
        """Everything on the calendar from `from_` to `to` (inclusive; open ends allowed),
        soonest first. With `state`, only what concerns it (a meeting: when it is in the
        room); with `category` (a slug), what concerns one of its states. Overdue means
        before `today` (today by default)."""
        ordered(from_, to, N_("period"), "to")
        day = today or date.today()
        wanted = (
            {choice(CalendarKind, kind, N_("kind")) for kind in kinds}
            if kinds is not None
            else set(CalendarKind)
        )
        names = self._state_names()
        meetings = self._meeting_records()
        found: list[CalendarItem] = []
        if CalendarKind.MEETING in wanted:
            found += self._meetings(from_, to)
        if CalendarKind.INTERVENTION in wanted:
            found += [
                self._intervention(record, names, day, meetings)
                for record in self._interventions.between(from_, to)
                if include_dropped or record.status != "dropped"
            ]
        if CalendarKind.DEMARCHE in wanted:
            found += self._demarche_items(from_, to, names, day)
        if CalendarKind.FOLLOW_UP in wanted:
            found += [self._follow_up(entry, names, day) for entry in self._follow_ups(from_, to)]
        if state is not None or category is not None:
            found = self._filtered(found, state, category, treaty)
        return sorted(found, key=sort_key)

    def _state_names(self) -> dict[int, str]:
        with self._db.read() as session:
            return lookup.state_names(session)

    def _meetings(self, start: date | None, end: date | None) -> list[CalendarItem]:
        forums = {forum.id: shipped_name(forum.name) for forum in self._forums.forums()}
        return [
            self._meeting(meeting, forums) for meeting in self._forums.meetings(None, start, end)
        ]

    @staticmethod
    def _meeting(meeting: MeetingRecord, forums: dict[int, str]) -> CalendarItem:
        return CalendarItem(
            kind=CalendarKind.MEETING,
            id=meeting.id,
            title=shipped_name(meeting.title),
            starts_on=meeting.starts_on,
            ends_on=meeting.ends_on,
            timezone=meeting.timezone,
            location=meeting.city,
            description="\n\n".join(
                part for part in (forums.get(meeting.forum_id, ""), meeting.notes) if part
            ),
            meeting_id=meeting.id,
        )

    def _meeting_records(self) -> dict[int, MeetingRecord]:
        return {meeting.id: meeting for meeting in self._forums.meetings()}

    @staticmethod
    def _intervention(
        record: InterventionRecord,
        names: dict[int, str],
        today: date,
        meetings: dict[int, MeetingRecord],
    ) -> CalendarItem:
        meeting = meetings[record.meeting_id]
        targets = ", ".join(names.get(state_id, "?") for state_id in record.target_ids)
        lines = [
            _("{kind} at {meeting}").format(
                kind=label(record.kind), meeting=shipped_name(meeting.title)
            ),
            _("Status: {status}").format(status=record.status.value),
        ]
        if targets:
            lines.append(_("Target states: {states}").format(states=targets))
        if record.lead_officer:
            lines.append(_("Lead: {officer}").format(officer=record.lead_officer))
        if record.talking_points:
            lines += ["", _("Talking points:"), record.talking_points]
        if record.outcome:
            lines += ["", _("Outcome:"), record.outcome]
        if record.starts_at is not None:
            starts_on = record.starts_at.date()
            ends_on = record.ends_at.date() if record.ends_at is not None else starts_on
            last_day = record.ends_at or record.starts_at
        else:
            starts_on, ends_on = meeting.starts_on, meeting.ends_on
            last_day = None
        overdue = record.is_open and (
            (last_day.date() if last_day is not None else meeting.ends_on) < today
        )
        return CalendarItem(
            kind=CalendarKind.INTERVENTION,
            id=record.id,
            title=record.title,
            starts_on=starts_on,
            ends_on=ends_on,
            starts_at=record.starts_at,
            ends_at=record.ends_at,
            timezone=record.timezone,
            location=meeting.city,
            description="\n".join(lines),
            state_names=targets,
            status=record.status.value,
            state_ids=record.target_ids,
            meeting_id=record.meeting_id,
            overdue=overdue,
            intervention_kind=record.kind.value,
        )

    def _demarche_items(
        self,
        start: date | None,
        end: date | None,
        names: dict[int, str],
        today: date,
        *,
        limit: int | None = None,
    ) -> list[CalendarItem]:
        """The open démarches due from `start` to `end` (both inclusive; None: open), the
        first `limit` by due date when given."""
        query = select(Demarche).where(*_open_demarches(start, end))
        if limit is not None:
            query = query.order_by(Demarche.due_on, Demarche.id).limit(limit)
        with self._db.read() as session:
            return [self._demarche(row, names, today) for row in session.scalars(query)]

    @staticmethod
    def _demarche(row: Demarche, names: dict[int, str], today: date) -> CalendarItem:
        assert row.due_on is not None
        state = names.get(row.state_id, "?")
        lines = [
            _("Démarche to {state}").format(state=state),
            _("Status: {status}").format(status=row.status),
        ]
        if row.officer:
            lines.append(_("Officer: {officer}").format(officer=row.officer))
        if row.talking_points:
            lines += ["", _("Talking points:"), row.talking_points]
        return CalendarItem(
            kind=CalendarKind.DEMARCHE,
            id=row.id,
            title=row.title,
            starts_on=row.due_on,
            ends_on=row.due_on,
            description="\n".join(lines),
            state_names=state,
            status=row.status,
            state_ids=(row.state_id,),
            overdue=row.due_on < today,
        )

    @staticmethod
    def _follow_up(entry: LogEntryRecord, names: dict[int, str], today: date) -> CalendarItem:
        assert entry.follow_up_on is not None
        states = ", ".join(names.get(state_id, "?") for state_id in entry.state_ids)
        lines = [
            _("Follow-up of the {kind} of {date}").format(
                kind=entry.kind, date=entry.occurred_on.isoformat()
            )
        ]
        if states:
            lines.append(_("States: {states}").format(states=states))
        if entry.details:
            lines += ["", entry.details]
        return CalendarItem(
            kind=CalendarKind.FOLLOW_UP,
            id=entry.id,
            title=entry.summary,
            starts_on=entry.follow_up_on,
            ends_on=entry.follow_up_on,
            description="\n".join(lines),
            state_names=states,
            state_ids=entry.state_ids,
            meeting_id=entry.meeting_id,
            overdue=entry.follow_up_on < today,
        )

    def _follow_ups(self, start: date | None, end: date | None) -> list[LogEntryRecord]:
        with self._db.read() as session:
            entries = session.scalars(
                select(LogEntry)
                .where(*_open_follow_ups(start, end))
                .order_by(LogEntry.follow_up_on, LogEntry.id)
            )
            return log_entry_records(session, entries.all())

    def _filtered(
        self,
        items: list[CalendarItem],
        state: str | int | None,
        category: str | None,
        treaty: str,
    ) -> list[CalendarItem]:
        """Keep the items that concern `state` and a state of `category`."""
        with self._db.read() as session:
            state_id = lookup.state(session, state).id if state is not None else None
            members: set[int] | None = None
            if category is not None:
                slug = lookup.category(session, category).slug
                pictures = load_pictures(session, lookup.treaty(session, treaty), date.today())
                members = category_members(session, pictures).get(slug, set())
            meeting_ids = [item.id for item in items if item.kind == CalendarKind.MEETING]
            meetings = (
                list(session.scalars(select(Meeting).where(Meeting.id.in_(meeting_ids))))
                if meeting_ids
                else []
            )
            rooms = room_state_ids(session, meetings)

        def concerns(item: CalendarItem) -> bool:
            ids = set(rooms[item.id]) if item.kind == CalendarKind.MEETING else set(item.state_ids)
            if state_id is not None and state_id not in ids:
                return False
            return members is None or bool(ids & members)

        return [item for item in items if concerns(item)]

    # --- what is due -------------------------------------------------------------------------

    def due_counts(self, as_of: date | None = None, days: int = 7) -> DueSummary:
        """How much is overdue on `as_of` (today by default) and falls due in the next
        `days` days (`as_of` included): open follow-ups, open démarches, interventions not
        yet done or dropped. Counts only, in one query: the summary has no items."""
        if days < 0:
            message = _("The number of days cannot be negative (got {days}).")
            raise ValidationError(message.format(days=days), "days")
        day = as_of or date.today()
        until = day + timedelta(days=days)
        yesterday = day - timedelta(days=1)

        def count(
            model: type[LogEntry | Demarche], *where: ColumnElement[bool]
        ) -> ScalarSelect[int]:
            return select(func.count(model.id)).where(*where).scalar_subquery()

        def interventions(*where: ColumnElement[bool]) -> ScalarSelect[int]:
            joined = select(func.count(Intervention.id)).join(
                Meeting, Meeting.id == Intervention.meeting_id
            )
            return joined.where(*where).scalar_subquery()

        late = _late_intervention(day)
        with self._db.read() as session:
            counts = session.execute(
                select(
                    count(LogEntry, *_open_follow_ups(None, yesterday)),
                    count(Demarche, *_open_demarches(None, yesterday)),
                    interventions(*_interventions_in(None, yesterday), late),
                    count(LogEntry, *_open_follow_ups(day, until)),
                    count(Demarche, *_open_demarches(day, until)),
                    interventions(
                        *_interventions_in(day, until),
                        Intervention.status.in_(OPEN_INTERVENTION),
                        not_(late),
                    ),
                )
            ).one()
        late_follow_ups, late_demarches, late_interventions, follow_ups, demarches, planned = (
            int(number or 0) for number in counts
        )
        return DueSummary(
            as_of=day,
            until=until,
            overdue_follow_ups=late_follow_ups,
            overdue_demarches=late_demarches,
            overdue_interventions=late_interventions,
            due_follow_ups=follow_ups,
            due_demarches=demarches,
            due_interventions=planned,
        )

    def due(
        self, as_of: date | None = None, days: int = 7, *, overdue_limit: int | None = None
    ) -> DueSummary:
        """`due_counts`, with the items: the démarches and interventions overdue (the
        `overdue_limit` most overdue when given: a long campaign holds thousands), and
        what falls due in the `days` days (the follow-ups overdue are only counted: a
        long log holds many)."""
        counts = self.due_counts(as_of, days)
        day, until = counts.as_of, counts.until
        names = self._state_names()
        meetings = self._meeting_records()
        late_interventions = [
            self._intervention(record, names, day, meetings)
            for record in self._interventions.between(None, day - timedelta(days=1))
            if record.is_open
        ]
        late_interventions = [item for item in late_interventions if item.overdue]
        late_demarches = self._demarche_items(
            None, day - timedelta(days=1), names, day, limit=overdue_limit
        )
        coming = [
            item
            for item in self.items(
                day,
                until,
                kinds=(CalendarKind.INTERVENTION, CalendarKind.DEMARCHE, CalendarKind.FOLLOW_UP),
                include_dropped=False,
                today=day,
            )
            if item.kind != CalendarKind.INTERVENTION
            or (item.status not in ("done", "dropped") and not item.overdue)
        ]
        return dataclasses.replace(
            counts,
            due_items=tuple(coming),
            overdue_items=tuple(
                sorted(late_demarches + late_interventions, key=sort_key)[:overdue_limit]
            ),
        )
