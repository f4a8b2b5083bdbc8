"""The campaign's calendar as an iCalendar (.ics) file that any calendar program imports.

Meetings, démarche due dates and open follow-ups are all-day events; an intervention with
a time slot is a timed event on its meeting's clock (`DTSTART;TZID=Africa/Nairobi:...`,
with the VTIMEZONE it needs), one without is an all-day event over its meeting's dates.
Every event has a stable UID ("intervention-12@outreach"), so importing a newer export
updates the events instead of doubling them. Dropped interventions are left out.

One bad record never costs the whole export: an item that cannot be written (a date at
the very end of the calendar, 9999-12-31, has no day after it to end on) is left out and
reported in `ExportResult.skipped`; the rest are written.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from icalendar import Calendar, Event

from outreach.domain.enums import CalendarKind, InterventionStatus
from outreach.domain.records import CalendarItem
from outreach.domain.vocabulary import label
from outreach.errors import OutreachError
from outreach.i18n import _
from outreach.services.calendar import CalendarService

PRODUCT = "-//Outreach//Treaty universalization CRM//EN"
UID_DOMAIN = "outreach"
UID_KINDS = {
    CalendarKind.MEETING: "meeting",
    CalendarKind.INTERVENTION: "intervention",
    CalendarKind.DEMARCHE: "demarche-due",
    CalendarKind.FOLLOW_UP: "follow-up",
}
EVENT_STATUS = {
    InterventionStatus.IDEA: "TENTATIVE",
    InterventionStatus.PLANNED: "TENTATIVE",
    InterventionStatus.CONFIRMED: "CONFIRMED",
    InterventionStatus.DONE: "CONFIRMED",
    InterventionStatus.DROPPED: "CANCELLED",
}


@dataclass(frozen=True, slots=True)
class SkippedItem:
    """A calendar item left out of an export, and why."""

    item: CalendarItem
    reason: str

    def __str__(self) -> str:
        return f"{summary(self.item)}, {self.item.starts_on.isoformat()}: {self.reason}"


@dataclass(frozen=True, slots=True)
class ExportResult:
    path: Path
    events: int
    meetings: int
    interventions: int
    demarches: int
    follow_ups: int
    skipped: tuple[SkippedItem, ...] = ()


def _cannot_write(target: Path, error: OSError) -> OutreachError:
    return OutreachError(
        _("Cannot write {path}: {reason}.").format(path=target, reason=error.strerror or error)
    )


def uid(item: CalendarItem) -> str:
    """The event's stable identifier: the same record gives the same UID in every export."""
    return f"{UID_KINDS[item.kind]}-{item.id}@{UID_DOMAIN}"


def summary(item: CalendarItem) -> str:
    """The event's title as a calendar shows it (in the app's language)."""
    about = f" ({item.state_names})" if item.state_names else ""
    if item.kind == CalendarKind.DEMARCHE:
        return _("Démarche due: {title}").format(title=item.title) + about
    if item.kind == CalendarKind.FOLLOW_UP:
        return _("Follow up: {title}").format(title=item.title) + about
    return item.title


def event(item: CalendarItem, stamp: datetime) -> Event:
    result = Event()
    result.add("uid", uid(item))
    result.add("dtstamp", stamp)
    result.add("summary", summary(item))
    if item.starts_at is not None:
        zone = ZoneInfo(item.timezone or "UTC")
        result.add("dtstart", item.starts_at.replace(tzinfo=zone))
        if item.ends_at is not None:
            result.add("dtend", item.ends_at.replace(tzinfo=zone))
    else:
        result.add("dtstart", item.starts_on)
        result.add("dtend", item.ends_on + timedelta(days=1))  # exclusive: the day after
    if item.kind in (CalendarKind.DEMARCHE, CalendarKind.FOLLOW_UP):
        result.add("transp", "TRANSPARENT")  # a reminder, not time taken
    if item.location:
        result.add("location", item.location)
    if item.description:
        result.add("description", item.description)
    result.add("categories", [label(item.kind)])
    if item.kind == CalendarKind.INTERVENTION and item.status:
        result.add("status", EVENT_STATUS[InterventionStatus(item.status)])
    return result


def writable_event(
    item: CalendarItem, stamp: datetime, *, serialised: bool = False
) -> Event | SkippedItem:
    """The item's event, or why it cannot be written (the rest of the export goes on).
    With `serialised`, the event is also written out once, to find one that builds but
    does not serialise (it doubles the work, so only after the whole calendar failed)."""
    try:
        result = event(item, stamp)
        if serialised:
            result.to_ical()
    except ZoneInfoNotFoundError:
        return SkippedItem(item, _("unknown time zone {zone}").format(zone=repr(item.timezone)))
    except (OverflowError, ValueError):
        return SkippedItem(item, _("date out of range"))
    return result


@dataclass(frozen=True, slots=True)
class BuiltCalendar:
    calendar: Calendar
    written: tuple[CalendarItem, ...]
    skipped: tuple[SkippedItem, ...]


def build_calendar_reporting(
    items: Iterable[CalendarItem],
    *,
    stamp: datetime | None = None,
    name: str = "Outreach",
    serialised: bool = False,
) -> BuiltCalendar:
    """A VCALENDAR of `items` (dropped interventions left out), with the VTIMEZONEs that
    its timed events use, and the items it holds and those it had to leave out. `stamp`
    (UTC, now by default) is every event's DTSTAMP; `serialised`: see `writable_event`."""
    moment = (stamp or datetime.now(UTC)).astimezone(UTC)
    calendar = Calendar()
    calendar.add("prodid", PRODUCT)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    written: list[CalendarItem] = []
    skipped: list[SkippedItem] = []
    for item in items:
        if item.kind == CalendarKind.INTERVENTION and item.status == InterventionStatus.DROPPED:
            continue
        built = writable_event(item, moment, serialised=serialised)
        if isinstance(built, SkippedItem):
            skipped.append(built)
            continue
        calendar.add_component(built)
        written.append(item)
    calendar.add_missing_timezones()
    return BuiltCalendar(calendar, tuple(written), tuple(skipped))


def build_calendar(
    items: Iterable[CalendarItem], *, stamp: datetime | None = None, name: str = "Outreach"
) -> Calendar:
    """A VCALENDAR of `items` (see `build_calendar_reporting`; items that cannot be
    written are left out)."""
    return build_calendar_reporting(items, stamp=stamp, name=name).calendar


def calendar_ics(
    service: CalendarService,
    from_: date | None = None,
    to: date | None = None,
    *,
    state: str | int | None = None,
    category: str | None = None,
    stamp: datetime | None = None,
) -> tuple[bytes, list[CalendarItem]]:
    """The .ics text for what the calendar holds from `from_` to `to` (filtered by state
    and category like the calendar view), and the items in it."""
    text, built = _calendar_text(service, from_, to, state, category, stamp)
    return text, list(built.written)


def _calendar_text(
    service: CalendarService,
    from_: date | None,
    to: date | None,
    state: str | int | None,
    category: str | None,
    stamp: datetime | None,
) -> tuple[bytes, BuiltCalendar]:
    items = service.items(from_, to, state=state, category=category, include_dropped=False)
    built = build_calendar_reporting(items, stamp=stamp)
    try:
        return built.calendar.to_ical(), built
    except (OverflowError, ValueError):  # an event built but does not write: find it
        built = build_calendar_reporting(items, stamp=stamp, serialised=True)
        return built.calendar.to_ical(), built


def export_ics(
    service: CalendarService,
    path: Path | str,
    from_: date | None = None,
    to: date | None = None,
    *,
    state: str | int | None = None,
    category: str | None = None,
    stamp: datetime | None = None,
) -> ExportResult:
    """Write the calendar to `path` (replacing it whole, never leaving half a file); an
    item that cannot be written is left out and listed in the result's `skipped`."""
    target = Path(path).expanduser()
    text, built = _calendar_text(service, from_, to, state, category, stamp)
    items = built.written
    try:
        handle, temporary = tempfile.mkstemp(prefix=".outreach-", suffix=".ics", dir=target.parent)
    except OSError as error:
        raise _cannot_write(target, error) from None
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(text)
        os.replace(temporary, target)
    except OSError as error:
        Path(temporary).unlink(missing_ok=True)
        raise _cannot_write(target, error) from None
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise

    def count(kind: CalendarKind) -> int:
        return sum(item.kind == kind for item in items)

    return ExportResult(
        path=target,
        events=len(items),
        meetings=count(CalendarKind.MEETING),
        interventions=count(CalendarKind.INTERVENTION),
        demarches=count(CalendarKind.DEMARCHE),
        follow_ups=count(CalendarKind.FOLLOW_UP),
        skipped=built.skipped,
    )
