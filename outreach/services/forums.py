"""Forums (bodies where states meet), their members over time, and their meetings.

Interventions planned at meetings come later.
"""

from __future__ import annotations

from datetime import date
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy import ColumnElement, select
from sqlalchemy.orm import Session

from outreach.domain import limits
from outreach.domain.enums import ForumKind
from outreach.domain.records import ForumMembershipRecord, ForumRecord, MeetingRecord
from outreach.errors import NotFoundError, ValidationError
from outreach.folding import fold
from outreach.i18n import N_, _
from outreach.services import common, lookup
from outreach.services.base import Service
from outreach.services.categories import slugify
from outreach.services.common import KEEP, Keep
from outreach.services.validation import (
    choice,
    optional_text,
    ordered,
    parse_date,
    required_text,
    valid_text,
)
from outreach.storage.models import Forum, ForumMembership, Meeting, MeetingAttendee, State

MEETING = N_("meeting")
MEMBERSHIP = N_("forum membership")
SINCE, UNTIL = N_("membership start"), N_("membership end")


def forum_record(forum: Forum) -> ForumRecord:
    return common.record_of(ForumRecord, forum)


def membership_record(
    membership: ForumMembership, forum: Forum, state: State
) -> ForumMembershipRecord:
    return common.record_of(
        ForumMembershipRecord,
        membership,
        forum_slug=forum.slug,
        state_iso3=state.iso3,
        state_name=lookup.state_name(state),
    )


def _meeting_records(session: Session, meetings: list[Meeting]) -> list[MeetingRecord]:
    """Records for meetings, with their forums and attendees fetched in a few queries."""
    session.flush()
    forum_ids = {meeting.forum_id for meeting in meetings}
    forums = {f.id: f for f in session.scalars(select(Forum).where(Forum.id.in_(forum_ids)))}
    attendees = common.linked_ids(
        session, MeetingAttendee.meeting_id, MeetingAttendee.state_id, [m.id for m in meetings]
    )
    return [
        common.record_of(
            MeetingRecord,
            meeting,
            forum_slug=forums[meeting.forum_id].slug,
            attendee_ids=attendees[meeting.id],
        )
        for meeting in meetings
    ]


def _meeting_record(session: Session, meeting: Meeting) -> MeetingRecord:
    return _meeting_records(session, [meeting])[0]


def _attendance(
    session: Session, meeting_id: int, state: str | int
) -> tuple[Meeting, State, MeetingAttendee | None]:
    """The live meeting, the state, and the state's listing as attending it (or None)."""
    meeting = lookup.get_live(session, Meeting, meeting_id, MEETING)
    found_state = lookup.state(session, state)
    taken = session.scalar(
        select(MeetingAttendee).filter_by(meeting_id=meeting.id, state_id=found_state.id)
    )
    return meeting, found_state, taken


def _forum(session: Session, ref: str | int) -> Forum:
    """A forum by id or slug."""
    if isinstance(ref, int):
        found = session.get(Forum, ref)
    else:
        slug = valid_text(ref.strip().lower(), N_("forum"))  # a NUL: a message, not the server's
        found = session.scalar(select(Forum).where(Forum.slug == slug))
    if found is None:
        message = _("Unknown forum '{forum}': give its short name (e.g. msp) or id.")
        raise NotFoundError(message.format(forum=ref))
    return found


def _timezone(value: str) -> str:
    name = optional_text(value, limits.TIMEZONE)
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        message = _("'{zone}' is not a time zone; use a name like Europe/Zurich or UTC.")
        raise ValidationError(message.format(zone=value), "timezone") from None
    return name


def _dates(starts_on: date | str, ends_on: date | str) -> tuple[date, date]:
    start = parse_date(starts_on, N_("start date"))
    end = parse_date(ends_on, N_("end date"))
    if start is None:
        raise ValidationError(_("The meeting needs a start date."), "starts_on")
    if end is None:
        raise ValidationError(_("The meeting needs an end date."), "ends_on")
    ordered(start, end, MEETING, "ends_on")
    return start, end


def _city(value: str) -> str:
    return optional_text(value, limits.CITY)


def _held_on(day: date) -> list[ColumnElement[bool]]:
    return [
        (ForumMembership.since.is_(None)) | (ForumMembership.since <= day),
        (ForumMembership.until.is_(None)) | (ForumMembership.until >= day),
    ]


def _overlaps(a: ForumMembership, since: date | None, until: date | None) -> bool:
    starts_before_other_ends = a.until is None or since is None or since <= a.until
    other_starts_before_end = until is None or a.since is None or a.since <= until
    return starts_before_other_ends and other_starts_before_end


def _overlapping(
    session: Session,
    forum_id: int,
    state_id: int,
    since: date | None,
    until: date | None,
    other_than: int | None = None,
) -> ForumMembership | None:
    """The state's first membership of the forum (but `other_than`) that `since`..`until`
    overlaps: a state is a member once at a time."""
    for membership in session.scalars(
        select(ForumMembership).filter_by(forum_id=forum_id, state_id=state_id)
    ):
        if membership.id != other_than and _overlaps(membership, since, until):
            return membership
    return None


class ForumService(Service):
    # --- forums and members --------------------------------------------------------------

    def create_forum(
        self,
        slug: str,
        name: str,
        kind: ForumKind | str = ForumKind.OTHER,
        *,
        notes: str = "",
    ) -> ForumRecord:
        """A forum; its slug (short name: msp, cd, unga-1c) is made lower case."""
        key = slugify(valid_text(slug, N_("short name")))
        if not key:
            message = _("The forum needs a short name with letters or digits.")
            raise ValidationError(message, "slug")
        if len(key) > limits.CODE:
            message = _("The forum's short name is longer than {limit} characters.")
            raise ValidationError(message.format(limit=limits.CODE), "slug")
        title = required_text(name, limits.FORUM_NAME)
        checked_kind = choice(ForumKind, kind, N_("forum kind"))
        remarks = optional_text(notes, limits.NOTES)
        with self._db.write() as session:
            if session.scalar(select(Forum).where(Forum.slug == key)) is not None:
                message = _("A forum '{slug}' exists already.")
                raise ValidationError(message.format(slug=key), "slug")
            forum = Forum(slug=key, name=title, kind=checked_kind.value, notes=remarks)
            session.add(forum)
            session.flush()
            return forum_record(forum)

    def forums(self) -> list[ForumRecord]:
        with self._db.read() as session:
            found = session.scalars(select(Forum))
            return sorted((forum_record(f) for f in found), key=lambda f: fold(f.name))

    def add_member(
        self,
        forum: str | int,
        state: str | int,
        since: date | str | None = None,
        until: date | str | None = None,
        source: str = "",
    ) -> ForumMembershipRecord:
        """Record that `state` is a member of `forum` from `since` to `until` (None: open)."""
        start = parse_date(since, SINCE)
        end = parse_date(until, UNTIL)
        ordered(start, end, N_("membership"), "until")
        cited = optional_text(source, limits.SOURCE)
        with self._db.write() as session:
            found_forum = _forum(session, forum)
            found_state = lookup.state(session, state)
            existing = _overlapping(session, found_forum.id, found_state.id, start, end)
            if existing is not None:
                message = _("{state} is already a member of {forum} ({period}).")
                period = _period(existing.since, existing.until)
                raise ValidationError(
                    message.format(
                        state=lookup.state_name(found_state), forum=found_forum.name, period=period
                    ),
                    "since",
                )
            membership = ForumMembership(
                forum_id=found_forum.id,
                state_id=found_state.id,
                since=start,
                until=end,
                source=cited,
            )
            session.add(membership)
            session.flush()
            return membership_record(membership, found_forum, found_state)

    def members(self, forum: str | int, on: date | None = None) -> list[ForumMembershipRecord]:
        """The forum's members on `on` (today by default), by state name."""
        day = on or date.today()
        with self._db.read() as session:
            found_forum = _forum(session, forum)
            rows = session.execute(
                select(ForumMembership, State)
                .join(State, State.id == ForumMembership.state_id)
                .where(ForumMembership.forum_id == found_forum.id, *_held_on(day))
            )
            members = [membership_record(m, found_forum, s) for m, s in rows]
            return sorted(members, key=lambda member: fold(member.state_name))

    def forums_of(self, state: str | int, on: date | None = None) -> list[ForumRecord]:
        """The forums `state` is a member of on `on` (today by default), by name."""
        day = on or date.today()
        with self._db.read() as session:
            found_state = lookup.state(session, state)
            found = session.scalars(
                select(Forum)
                .join(ForumMembership, ForumMembership.forum_id == Forum.id)
                .where(ForumMembership.state_id == found_state.id, *_held_on(day))
                .distinct()
            )
            return sorted((forum_record(f) for f in found), key=lambda f: fold(f.name))

    # --- meetings ----------------------------------------------------------------------------

    def create_meeting(
        self,
        forum: str | int,
        title: str,
        *,
        city: str = "",
        starts_on: date | str,
        ends_on: date | str,
        timezone: str = "UTC",
        notes: str = "",
    ) -> MeetingRecord:
        """A meeting of `forum` (slug or id); `timezone` is an IANA name (Europe/Zurich)."""
        heading = required_text(title, limits.MEETING_TITLE)
        start, end = _dates(starts_on, ends_on)
        zone = _timezone(timezone)
        place = _city(city)
        remarks = optional_text(notes, limits.NOTES)
        with self._db.write() as session:
            meeting = Meeting(
                forum_id=_forum(session, forum).id,
                title=heading,
                city=place,
                timezone=zone,
                starts_on=start,
                ends_on=end,
                notes=remarks,
            )
            session.add(meeting)
            return _meeting_record(session, meeting)

    def update_meeting(
        self,
        meeting_id: int,
        *,
        forum: str | int | None = None,
        title: str | None = None,
        city: str | None = None,
        starts_on: date | str | None = None,
        ends_on: date | str | None = None,
        timezone: str | None = None,
        notes: str | None = None,
        version: int | None = None,
    ) -> MeetingRecord:
        """Change the fields given; None leaves a field as it is."""
        with self._db.write() as session, session.no_autoflush:
            meeting = lookup.get_live(session, Meeting, meeting_id, MEETING)
            common.check_version(session, meeting, version, MEETING)
            if forum is not None:
                meeting.forum_id = _forum(session, forum).id
            if title is not None:
                meeting.title = required_text(title, limits.MEETING_TITLE)
            if city is not None:
                meeting.city = _city(city)
            if starts_on is not None:
                meeting.starts_on = parse_date(starts_on, N_("start date")) or meeting.starts_on
            if ends_on is not None:
                meeting.ends_on = parse_date(ends_on, N_("end date")) or meeting.ends_on
            ordered(meeting.starts_on, meeting.ends_on, MEETING, "ends_on")
            if timezone is not None:
                meeting.timezone = _timezone(timezone)
            if notes is not None:
                meeting.notes = optional_text(notes, limits.NOTES)
            return _meeting_record(session, meeting)

    def meetings(
        self,
        forum: str | int | None = None,
        from_: date | None = None,
        to: date | None = None,
    ) -> list[MeetingRecord]:
        """Live meetings (of `forum`, if given) that overlap `from_`..`to`, by start date."""
        ordered(from_, to, N_("period"), "to")
        with self._db.read() as session:
            conditions: list[ColumnElement[bool]] = [Meeting.deleted_at.is_(None)]
            if forum is not None:
                conditions.append(Meeting.forum_id == _forum(session, forum).id)
            conditions += common.in_period(Meeting.starts_on, Meeting.ends_on, from_, to)
            found = list(
                session.scalars(
                    select(Meeting).where(*conditions).order_by(Meeting.starts_on, Meeting.id)
                )
            )
            return _meeting_records(session, found)

    def get_meeting(self, meeting_id: int) -> MeetingRecord:
        with self._db.read() as session:
            return _meeting_record(session, lookup.get_live(session, Meeting, meeting_id, MEETING))

    def find_meetings(self, text: str) -> list[MeetingRecord]:
        """Meetings by id ("12") or by part of the title or city ("bangkok"), ignoring case
        and accents; the meeting whose id was typed comes first, then the others by start
        date."""
        key = valid_text(text.strip(), MEETING)
        if not key:
            return []
        needle = fold(key)
        with self._db.read() as session:
            live = list(
                session.scalars(
                    select(Meeting)
                    .where(Meeting.deleted_at.is_(None))
                    .order_by(Meeting.starts_on, Meeting.id)
                )
            )
            by_id = [m for m in live if key.isdigit() and m.id == int(key)]
            by_text = [
                m
                for m in live
                if m not in by_id and (needle in fold(m.title) or needle in fold(m.city))
            ]
            return _meeting_records(session, by_id + by_text)

    def find_meeting(self, ref: int | str) -> MeetingRecord:
        """The one live meeting `ref` names: its id, or part of its title or city that no
        other meeting holds; a clear error when none or several match."""
        text = str(ref).strip()
        if not text:
            message = _("Name a meeting by its id or part of its title.")
            raise ValidationError(message, "meeting")
        if isinstance(ref, int):
            return self.get_meeting(ref)
        found = self.find_meetings(text)
        if not found:
            message = _("No meeting matches '{text}'; give its id or part of its title or city.")
            raise NotFoundError(message.format(text=text))
        if text.isdigit() and found[0].id == int(text):
            return found[0]
        if len(found) > 1:
            shown = "; ".join(f"{m.id} {m.title} ({m.starts_on.isoformat()})" for m in found[:6])
            message = (
                _(
                    "'{text}' matches {count} meetings: {shown}; and {more} more. "
                    "Give more of the title, or the meeting's id."
                )
                if len(found) > 6
                else _(
                    "'{text}' matches {count} meetings: {shown}. "
                    "Give more of the title, or the meeting's id."
                )
            )
            raise ValidationError(
                message.format(text=text, count=len(found), shown=shown, more=len(found) - 6),
                "meeting",
            )
        return found[0]

    def delete_meeting(self, meeting_id: int) -> MeetingRecord:
        """Soft delete: the meeting disappears from lists until restored."""
        with self._db.write() as session:
            meeting = lookup.get_live(session, Meeting, meeting_id, MEETING)
            common.soft_delete(meeting)
            return _meeting_record(session, meeting)

    def restore_meeting(self, meeting_id: int) -> MeetingRecord:
        with self._db.write() as session:
            meeting = common.get_any(session, Meeting, meeting_id, MEETING)
            common.restore(meeting)
            return _meeting_record(session, meeting)

    def add_attendee(self, meeting_id: int, state: str | int) -> MeetingRecord:
        """Announce `state` as attending the meeting (beyond the forum's members)."""
        with self._db.write() as session:
            meeting, found_state, taken = _attendance(session, meeting_id, state)
            if taken is not None:
                message = _("{state} is already listed as attending {meeting}.")
                raise ValidationError(
                    message.format(state=lookup.state_name(found_state), meeting=meeting.title),
                    "state",
                )
            session.add(MeetingAttendee(meeting_id=meeting.id, state_id=found_state.id))
            return _meeting_record(session, meeting)

    def remove_attendee(self, meeting_id: int, state: str | int) -> MeetingRecord:
        """Undo `add_attendee`."""
        with self._db.write() as session:
            meeting, found_state, taken = _attendance(session, meeting_id, state)
            if taken is None:
                message = _("{state} is not listed as attending {meeting}.")
                raise ValidationError(
                    message.format(state=lookup.state_name(found_state), meeting=meeting.title),
                    "state",
                )
            session.delete(taken)
            return _meeting_record(session, meeting)

    # --- editing memberships (forum planning) ---------------------------------------------

    def memberships(
        self, forum: str | int, state: str | int | None = None
    ) -> list[ForumMembershipRecord]:
        """Every membership of `forum` (of `state` only, if given), past, present and
        future, by state name then start date."""
        with self._db.read() as session:
            found_forum = _forum(session, forum)
            conditions: list[ColumnElement[bool]] = [ForumMembership.forum_id == found_forum.id]
            if state is not None:
                conditions.append(ForumMembership.state_id == lookup.state(session, state).id)
            rows = session.execute(
                select(ForumMembership, State)
                .join(State, State.id == ForumMembership.state_id)
                .where(*conditions)
            )
            found = [membership_record(m, found_forum, s) for m, s in rows]
            return sorted(found, key=lambda m: (fold(m.state_name), m.since or date.min))

    def get_member(self, membership_id: int) -> ForumMembershipRecord:
        with self._db.read() as session:
            membership = common.get_any(session, ForumMembership, membership_id, MEMBERSHIP)
            return self._membership_record(session, membership)

    def update_member(
        self,
        membership_id: int,
        *,
        since: date | str | Keep | None = KEEP,
        until: date | str | Keep | None = KEEP,
        source: str | None = None,
    ) -> ForumMembershipRecord:
        """Change a membership's dates (KEEP leaves a date, None opens it) or source;
        ending a membership is giving it an `until` date."""
        with self._db.write() as session, session.no_autoflush:
            membership = common.get_any(session, ForumMembership, membership_id, MEMBERSHIP)
            if not isinstance(since, Keep):
                membership.since = parse_date(since, SINCE)
            if not isinstance(until, Keep):
                membership.until = parse_date(until, UNTIL)
            start, end = membership.since, membership.until
            ordered(start, end, N_("membership"), "until")
            if source is not None:
                membership.source = optional_text(source, limits.SOURCE)
            other = _overlapping(
                session, membership.forum_id, membership.state_id, start, end, membership.id
            )
            if other is not None:
                state = lookup.state(session, membership.state_id)
                message = _(
                    "{state} has another membership of this forum ({period}) that the new "
                    "dates overlap."
                )
                period = _period(other.since, other.until)
                raise ValidationError(
                    message.format(state=lookup.state_name(state), period=period), "since"
                )
            return self._membership_record(session, membership)

    def remove_member(self, membership_id: int) -> ForumMembershipRecord:
        """Delete a membership recorded in error (to say a state left, end it instead
        with `update_member(until=...)`). Returns it, for `restore_member`."""
        with self._db.write() as session:
            membership = common.get_any(session, ForumMembership, membership_id, MEMBERSHIP)
            record = self._membership_record(session, membership)
            session.delete(membership)
            return record

    def restore_member(self, record: ForumMembershipRecord) -> ForumMembershipRecord:
        """Put back a membership `remove_member` deleted, with its id."""
        with self._db.write() as session:
            if session.get(ForumMembership, record.id) is not None:
                raise ValidationError(_("That membership exists already."), "id")
            membership = ForumMembership(
                id=record.id,
                forum_id=_forum(session, record.forum_id).id,
                state_id=lookup.state(session, record.state_id).id,
                since=record.since,
                until=record.until,
                source=record.source,
            )
            session.add(membership)
            session.flush()
            return self._membership_record(session, membership)

    @staticmethod
    def _membership_record(session: Session, membership: ForumMembership) -> ForumMembershipRecord:
        return membership_record(
            membership,
            _forum(session, membership.forum_id),
            lookup.state(session, membership.state_id),
        )


def _period(since: date | None, until: date | None) -> str:
    """A membership's dates as messages give them: "from 2004-01-01 to no end date"."""
    if since and until:
        message = _("from {start} to {end}")
    elif since:
        message = _("from {start} to no end date")
    elif until:
        message = _("from the start to {end}")
    else:
        return _("with no dates")
    return message.format(
        start=since.isoformat() if since else "", end=until.isoformat() if until else ""
    )
