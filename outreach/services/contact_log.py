"""The contact log: one entry per contact made, about some states, with some contacts,
and the follow-up it calls for.

The log grows long (the large demo holds 200,000 entries), so listing it is a `count`
and a `page` whose filters, sort and paging all run in SQL; a date-ordered page walks the
`ix_log_entry_occurred` index instead of sorting the table.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from enum import StrEnum
from typing import Any

from sqlalchemy import ColumnElement, Select, SQLColumnExpression, func, or_, select
from sqlalchemy.orm import Session

from outreach.domain import limits
from outreach.domain.enums import LogKind
from outreach.domain.records import LogEntryRecord, LogFilter
from outreach.errors import ValidationError
from outreach.i18n import N_, _
from outreach.services import common, lookup
from outreach.services.base import RecordService
from outreach.services.common import KEEP, Keep
from outreach.services.contacts import LABEL as CONTACT
from outreach.services.demarches import LABEL as DEMARCHE
from outreach.services.forums import MEETING
from outreach.services.validation import (
    choice,
    empty,
    optional_text,
    ordered,
    parse_date,
    required_text,
    valid_text,
)
from outreach.storage.models import (
    Contact,
    Demarche,
    LogEntry,
    LogEntryContact,
    LogEntryState,
    Meeting,
)

LABEL = N_("log entry")
PAGE_MAX = 10_000
#: the association tables of an entry's states and contacts: (owner, target) columns
STATES = (LogEntryState.log_entry_id, LogEntryState.state_id)
CONTACTS = (LogEntryContact.log_entry_id, LogEntryContact.contact_id)


class LogSort(StrEnum):
    """The orders a log page can come in; ties are broken by id, in the same direction."""

    OCCURRED_DESC = "occurred_on desc"
    OCCURRED_ASC = "occurred_on asc"
    KIND_ASC = "kind asc"
    KIND_DESC = "kind desc"
    SUMMARY_ASC = "summary asc"
    SUMMARY_DESC = "summary desc"

    @classmethod
    def by(cls, column: str, descending: bool = False) -> LogSort:
        """The sort for a column name (occurred_on, kind, summary) and a direction."""
        return choice(cls, f"{column} {'desc' if descending else 'asc'}", N_("sort"))


def log_entry_record(
    entry: LogEntry, state_ids: tuple[int, ...], contact_ids: tuple[int, ...]
) -> LogEntryRecord:
    return common.record_of(LogEntryRecord, entry, state_ids=state_ids, contact_ids=contact_ids)


def log_entry_records(session: Session, entries: Sequence[LogEntry]) -> list[LogEntryRecord]:
    """Records for entries, with their states and contacts fetched in two queries."""
    ids = [entry.id for entry in entries]
    states = common.linked_ids(session, *STATES, ids)
    contacts = common.linked_ids(session, *CONTACTS, ids)
    return [log_entry_record(entry, states[entry.id], contacts[entry.id]) for entry in entries]


def _check_follow_up(occurred_on: date, follow_up_on: date | None) -> None:
    if follow_up_on is not None and follow_up_on < occurred_on:
        message = _(
            "The follow-up ({follow_up}) cannot be due before the contact it follows ({occurred})."
        )
        raise ValidationError(
            message.format(follow_up=follow_up_on.isoformat(), occurred=occurred_on.isoformat()),
            "follow_up_on",
        )


def _check_someone(state_ids: list[int], contact_ids: list[int]) -> None:
    if not state_ids and not contact_ids:
        raise ValidationError(
            _("A log entry needs at least one state or one contact."), "state_ids"
        )


def _summary(value: str) -> str:
    return required_text(value, limits.SUMMARY)


def _officer(value: str) -> str:
    return optional_text(value, limits.OFFICER)


def _required_date(value: date | str, field: str) -> date:
    day = parse_date(value, field)
    if day is None:
        raise empty(field, field)
    return day


def _link_id(
    session: Session, model: type[Demarche] | type[Meeting], value: int | None, label: str
) -> int | None:
    if value is None:
        return None
    return lookup.get_live(session, model, value, label).id


def conditions(filters: LogFilter) -> list[ColumnElement[bool]]:
    """The WHERE clauses for `filters` (live entries only)."""
    result: list[ColumnElement[bool]] = [LogEntry.deleted_at.is_(None)]
    if filters.state_id is not None:
        result.append(
            LogEntry.id.in_(
                select(LogEntryState.log_entry_id).where(LogEntryState.state_id == filters.state_id)
            )
        )
    if filters.contact_id is not None:
        result.append(
            LogEntry.id.in_(
                select(LogEntryContact.log_entry_id).where(
                    LogEntryContact.contact_id == filters.contact_id
                )
            )
        )
    if filters.demarche_id is not None:
        result.append(LogEntry.demarche_id == filters.demarche_id)
    if filters.kind:
        result.append(LogEntry.kind == choice(LogKind, filters.kind, N_("kind")).value)
    ordered(filters.date_from, filters.date_to, N_("period"), "date_to")
    day = LogEntry.occurred_on
    result += common.in_period(day, day, filters.date_from, filters.date_to)
    if filters.open_follow_up_only or filters.overdue_on is not None:
        result.append(LogEntry.follow_up_on.is_not(None))
        result.append(LogEntry.follow_up_done_on.is_(None))
    if filters.overdue_on is not None:
        result.append(LogEntry.follow_up_on < filters.overdue_on)
    if filters.officer is not None:
        result.append(func.lower(LogEntry.officer) == " ".join(filters.officer.split()).lower())
    text = valid_text((filters.text or "").strip(), N_("text searched for"))
    if text:
        result.append(
            or_(
                LogEntry.summary.icontains(text, autoescape=True),
                LogEntry.details.icontains(text, autoescape=True),
            )
        )
    return result


def live_count(session: Session) -> int:
    """How many live entries the log holds: its rows less the deleted ones. Both counts
    read an index (SQLite counts the rows in its narrowest one, the deleted ones in their
    partial index `ix_log_entry_deleted`), where counting `deleted_at IS NULL` reads the
    whole table. An index of the live entries would serve that count too, but it would
    hold the whole log again, and SQLite's planner, which keeps no statistics here, takes
    it for filters that other indexes serve far better (the overdue list, the states
    list)."""
    every = select(func.count()).select_from(LogEntry).scalar_subquery()
    deleted = (
        select(func.count()).select_from(LogEntry).where(LogEntry.deleted_at.is_not(None))
    ).scalar_subquery()
    return session.scalar(select(every - deleted)) or 0


def page_query(filters: LogFilter, offset: int, limit: int, sort: LogSort | str) -> Select[Any]:
    """The SELECT behind `ContactLogService.page` (public so its plan can be checked)."""
    common.check_paging(offset, limit)
    if limit > PAGE_MAX:
        message = _("A page holds at most {count} entries.")
        raise ValidationError(message.format(count=PAGE_MAX), "limit")
    order = choice(LogSort, sort, N_("sort"))
    column_name, direction = order.value.split()
    column: SQLColumnExpression[Any] = {
        "occurred_on": LogEntry.occurred_on,
        "kind": LogEntry.kind,
        "summary": func.lower(LogEntry.summary),
    }[column_name]
    keys: tuple[SQLColumnExpression[Any], ...] = (column, LogEntry.id)
    ordering = [key.desc() if direction == "desc" else key.asc() for key in keys]
    return (
        select(LogEntry).where(*conditions(filters)).order_by(*ordering).offset(offset).limit(limit)
    )


class ContactLogService(RecordService[LogEntry, LogEntryRecord]):
    _model, _label = LogEntry, LABEL

    def _record(self, session: Session, row: LogEntry) -> LogEntryRecord:
        session.flush()
        return log_entry_records(session, [row])[0]

    def log(
        self,
        occurred_on: date | str,
        kind: LogKind | str,
        summary: str,
        *,
        details: str = "",
        officer: str = "",
        states: Iterable[str | int] = (),
        contact_ids: Iterable[int] = (),
        demarche_id: int | None = None,
        meeting_id: int | None = None,
        follow_up_on: date | str | None = None,
        message_id: str | None = None,
    ) -> LogEntryRecord:
        """Log a contact made. `states` are ISO codes, names or ids; at least one state or
        one contact is needed. `message_id` names the e-mail an entry was logged from."""
        day = _required_date(occurred_on, N_("date of the contact"))
        checked_kind = choice(LogKind, kind, N_("kind"))
        text = _summary(summary)
        by = _officer(officer)
        notes = optional_text(details, limits.DETAILS)
        follow_up = parse_date(follow_up_on, N_("follow-up date"))
        _check_follow_up(day, follow_up)
        with self._db.write() as session:
            state_ids = [state.id for state in common.states(session, states)]
            people = common.live_ids(session, Contact, contact_ids, CONTACT, "contact_ids")
            _check_someone(state_ids, people)
            entry = LogEntry(
                occurred_on=day,
                kind=checked_kind.value,
                summary=text,
                details=notes,
                officer=by,
                follow_up_on=follow_up,
                demarche_id=_link_id(session, Demarche, demarche_id, DEMARCHE),
                meeting_id=_link_id(session, Meeting, meeting_id, MEETING),
                message_id=message_id,
            )
            session.add(entry)
            session.flush()
            common.relink(session, *STATES, entry.id, state_ids)
            common.relink(session, *CONTACTS, entry.id, people)
            return self._record(session, entry)

    def update(
        self,
        entry_id: int,
        *,
        occurred_on: date | str | None = None,
        kind: LogKind | str | None = None,
        summary: str | None = None,
        details: str | None = None,
        officer: str | None = None,
        states: Iterable[str | int] | None = None,
        contact_ids: Iterable[int] | None = None,
        demarche_id: int | Keep | None = KEEP,
        meeting_id: int | Keep | None = KEEP,
        follow_up_on: date | str | Keep | None = KEEP,
        version: int | None = None,
    ) -> LogEntryRecord:
        """Change the fields given (None leaves a field; for the links and the follow-up
        date, KEEP leaves them and None clears them). `states` and `contact_ids`, when
        given, replace the entry's states and contacts."""
        with self._changing(entry_id, version) as (session, entry):
            if occurred_on is not None:
                entry.occurred_on = _required_date(occurred_on, N_("date of the contact"))
            if kind is not None:
                entry.kind = choice(LogKind, kind, N_("kind")).value
            if summary is not None:
                entry.summary = _summary(summary)
            if details is not None:
                entry.details = optional_text(details, limits.DETAILS)
            if officer is not None:
                entry.officer = _officer(officer)
            if not isinstance(demarche_id, Keep):
                entry.demarche_id = _link_id(session, Demarche, demarche_id, DEMARCHE)
            if not isinstance(meeting_id, Keep):
                entry.meeting_id = _link_id(session, Meeting, meeting_id, MEETING)
            if not isinstance(follow_up_on, Keep):
                entry.follow_up_on = parse_date(follow_up_on, N_("follow-up date"))
                if entry.follow_up_on is None:
                    entry.follow_up_done_on = None
            _check_follow_up(entry.occurred_on, entry.follow_up_on)
            current = self._record(session, entry)
            state_ids = (
                [state.id for state in common.states(session, states)]
                if states is not None
                else list(current.state_ids)
            )
            people = (
                common.live_ids(session, Contact, contact_ids, CONTACT, "contact_ids")
                if contact_ids is not None
                else list(current.contact_ids)
            )
            _check_someone(state_ids, people)
            if states is not None:
                common.relink(session, *STATES, entry.id, state_ids)
            if contact_ids is not None:
                common.relink(session, *CONTACTS, entry.id, people)
            return self._record(session, entry)

    def complete_follow_up(self, entry_id: int, on: date | str | None = None) -> LogEntryRecord:
        """Mark the entry's follow-up done, on `on` (today by default)."""
        day = parse_date(on, N_("date the follow-up was done")) or date.today()
        with self._db.write() as session:
            entry = lookup.get_live(session, LogEntry, entry_id, LABEL)
            if entry.follow_up_on is None:
                message = _("Log entry {id} has no follow-up to complete.")
                raise ValidationError(message.format(id=entry_id), "follow_up_on")
            if entry.follow_up_done_on is not None:
                message = _("The follow-up of log entry {id} was done already, on {date}.")
                raise ValidationError(
                    message.format(id=entry_id, date=entry.follow_up_done_on.isoformat()),
                    "follow_up_done_on",
                )
            if day < entry.occurred_on:
                message = _(
                    "The follow-up cannot be done ({done}) before the contact it follows "
                    "({occurred})."
                )
                raise ValidationError(
                    message.format(done=day.isoformat(), occurred=entry.occurred_on.isoformat()),
                    "follow_up_done_on",
                )
            entry.follow_up_done_on = day
            return self._record(session, entry)

    def reopen_follow_up(self, entry_id: int) -> LogEntryRecord:
        """Mark a completed follow-up as still to do."""
        with self._db.write() as session:
            entry = lookup.get_live(session, LogEntry, entry_id, LABEL)
            if entry.follow_up_done_on is None:
                message = _("The follow-up of log entry {id} is not done; nothing to reopen.")
                raise ValidationError(message.format(id=entry_id), "follow_up_done_on")
            entry.follow_up_done_on = None
            return self._record(session, entry)

    def count(self, filters: LogFilter | None = None) -> int:
        """How many live entries match `filters` (all of them without filters)."""
        where = conditions(filters or LogFilter())
        with self._db.read() as session:
            if len(where) == 1:  # nothing but "live": the whole log
                return live_count(session)
            return session.scalar(select(func.count(LogEntry.id)).where(*where)) or 0

    def page(
        self,
        filters: LogFilter | None = None,
        offset: int = 0,
        limit: int = 200,
        sort: LogSort | str = LogSort.OCCURRED_DESC,
    ) -> list[LogEntryRecord]:
        """One page of the entries matching `filters`, in `sort` order."""
        query = page_query(filters or LogFilter(), offset, limit, sort)
        with self._db.read() as session:
            return log_entry_records(session, session.scalars(query).all())

    def follow_ups_due(self, until: date | str) -> list[LogEntryRecord]:
        """Open follow-ups due on or before `until`, soonest first."""
        day = _required_date(until, N_("date"))
        with self._db.read() as session:
            entries = session.scalars(
                select(LogEntry)
                .where(
                    LogEntry.deleted_at.is_(None),
                    LogEntry.follow_up_done_on.is_(None),
                    LogEntry.follow_up_on <= day,
                )
                .order_by(LogEntry.follow_up_on, LogEntry.id)
            )
            return log_entry_records(session, entries.all())
