"""What the director's status report shows, read from the services: the dashboard's
figures over the report's period, the states whose standing moved, the démarches
delivered, the follow-ups overdue and the meetings under way or ahead with what we plan
there. Each service reads in its own transaction: on a desk's server an officer's edit
may land between two of them (a report is a snapshot of minutes, not of an instant)."""

from __future__ import annotations

from datetime import date

from outreach.briefing.data import planned_interventions
from outreach.briefing.records import (
    DeliveredLine,
    FollowUpLine,
    MeetingPlan,
    StatusChange,
    StatusReport,
)
from outreach.domain.enums import Counting
from outreach.domain.records import StateStanding
from outreach.errors import ValidationError
from outreach.i18n import _, current_language
from outreach.reference.names import shipped_name
from outreach.reference.treaties import treaty_of_forum
from outreach.services.dashboard import DashboardService
from outreach.services.demarches import DemarcheService
from outreach.services.forums import ForumService
from outreach.services.states import DEFAULT_TREATY
from outreach.services.treaties import TreatyService
from outreach.storage.database import Database

#: the coming meetings the report plans for, and the overdue follow-ups it lists
MEETINGS_SHOWN = 4
FOLLOW_UPS_SHOWN = 25


def default_since(as_of: date) -> date:
    """A report's period when none is given: the three months before `as_of`."""
    month = as_of.month - 3
    year = as_of.year + (month - 1) // 12
    month = (month - 1) % 12 + 1
    for day in range(as_of.day, 0, -1):  # 31 May less three months: 28 or 29 February
        try:
            return date(year, month, day)
        except ValueError:
            continue
    raise AssertionError("unreachable")  # pragma: no cover


def moved(before: list[StateStanding], after: list[StateStanding]) -> list[StatusChange]:
    """The states whose status differs between the two readings, by name."""
    then = {standing.state_id: standing.status for standing in before}
    return [
        StatusChange(standing.name, then[standing.state_id], standing.status)
        for standing in after
        if standing.state_id in then and then[standing.state_id] != standing.status
    ]


def gather_report(
    db: Database,
    *,
    as_of: date | None = None,
    since: date | None = None,
    treaty: str = DEFAULT_TREATY,
    officer: str = "",
    printed_on: date | None = None,
    language: str | None = None,
) -> StatusReport:
    """The status report on `as_of` (today) for the period from `since` (three months
    before) in `language` (the app's)."""
    day = as_of or date.today()
    start = since or default_since(day)
    if start > day:
        message = _("The report's period starts on {since}, after its end on {as_of}.")
        raise ValidationError(message.format(since=start, as_of=day), "since")
    language = language or current_language()
    found = [t for t in TreatyService(db).treaties() if t.code == treaty.upper()]
    if not found:
        raise ValidationError(_("No treaty has the code {code}.").format(code=treaty), "treaty")
    dashboard = DashboardService(db)
    summary = dashboard.summary(
        as_of=day, since=start, treaty_code=found[0].code, counting=Counting.IN_FORCE
    )
    standings = dashboard.standings(found[0].code, day, language)
    names = {standing.state_id: standing.name for standing in standings}
    delivered = [  # the treaty's démarches, and those for no treaty in particular
        demarche
        for demarche in DemarcheService(db).list(delivered_between=(start, day))
        if demarche.treaty_id in (None, found[0].id)
    ]
    forum_service = ForumService(db)
    forums = {forum.id: forum for forum in forum_service.forums()}
    meetings = [  # under way or ahead: the treaty's own, and those of forums of no treaty
        meeting
        for meeting in forum_service.meetings(from_=day)
        if treaty_of_forum(meeting.forum_slug) in (None, found[0].code)
    ][:MEETINGS_SHOWN]
    return StatusReport(
        treaty=found[0],
        as_of=day,
        since=start,
        printed_on=printed_on or date.today(),
        officer=officer,
        counts=summary.counts,
        curve=summary.curve,
        standings=tuple(standings),
        changes=tuple(moved(dashboard.standings(found[0].code, start, language), standings)),
        categories=summary.categories,
        delivered=tuple(
            DeliveredLine(
                d.delivered_on,
                names.get(d.state_id, ""),
                d.title,
                d.status.value,
                d.response,
                d.officer,
            )
            for d in sorted(delivered, key=lambda d: (d.delivered_on or day, d.id))
            if d.delivered_on is not None  # always, by the filter; said for the type
        ),
        overdue=tuple(
            FollowUpLine(
                entry.follow_up_on,
                tuple(names.get(i, "") for i in entry.state_ids),
                entry.summary,
                entry.officer,
            )
            for entry in summary.overdue_follow_ups[:FOLLOW_UPS_SHOWN]
            if entry.follow_up_on is not None
        ),
        overdue_count=summary.overdue_count,
        meetings=tuple(
            MeetingPlan(
                meeting,
                shipped_name(forums[meeting.forum_id].name, language)
                if meeting.forum_id in forums
                else "",
                tuple(planned_interventions(db, meeting.id, language)),
            )
            for meeting in meetings
        ),
    )
