"""Forum planning on the command line: meetings, who is in the room, interventions, and
the calendar as an .ics file.

`register(cli)` adds the commands to the `outreach` group. The commands read the shared
context object (`ctx.obj`, which has the opened database as `.db`) and import nothing
from `outreach.cli.main`, so main can import this module at the top.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import click

from outreach.cli.output import FORMATS, PLAINTEXT_OK, parse_day, print_rows, printable
from outreach.domain.records import MeetingRecord
from outreach.i18n import _
from outreach.storage.database import Database

MEETING_COLUMNS = ("id", "forum", "title", "city", "starts_on", "ends_on", "timezone")
ROOM_COLUMNS = (
    "category", "iso3", "name", "status", "stance", "in_room_as", "last_contact",
    "open_demarches", "overdue_follow_ups", "planned",
)  # fmt: skip
INTERVENTION_COLUMNS = (
    "id", "kind", "title", "starts_at", "ends_at", "status", "lead", "targets", "demarche",
)  # fmt: skip


def _db(context: Any) -> Database:
    db = context.db
    assert isinstance(db, Database)
    return db


def find_meeting(db: Database, text: str) -> MeetingRecord:
    """The one meeting `text` names: its id, or part of its title or city."""
    from outreach.services.forums import ForumService

    return ForumService(db).find_meeting(text)


@click.command(
    "ics",
    help=_("Export meetings, interventions, démarche due dates and follow-ups to .ics."),
)
@click.option(
    "-o",
    "--output",
    "output",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help=_("The .ics file to write (replaced if it exists)."),
)
@click.option(
    "--from", "from_", metavar="DATE", callback=parse_day, help=_("First day (YYYY-MM-DD).")
)
@click.option("--to", metavar="DATE", callback=parse_day, help=_("Last day (YYYY-MM-DD)."))
@click.option("--state", metavar="STATE", help=_("Only what concerns this state (ISO code, name)."))
@click.option(
    "--category", metavar="SLUG", help=_("Only what concerns a state of this priority category.")
)
@PLAINTEXT_OK
@click.pass_obj
def ics(
    context: Any,
    output: Path,
    from_: date | None,
    to: date | None,
    state: str | None,
    category: str | None,
    plaintext_ok: bool,
) -> None:
    from outreach.io.calendar_export import export_ics
    from outreach.services.calendar import CalendarService
    from outreach.storage.encryption import refuse_plaintext

    refuse_plaintext(_db(context), "a calendar file", plaintext_ok)
    result = export_ics(
        CalendarService(_db(context)), output, from_, to, state=state, category=category
    )
    click.echo(
        _(
            "Wrote {events} events to {path}: {meetings} meetings, "
            "{interventions} interventions, {demarches} démarche due dates, "
            "{follow_ups} follow-ups."
        ).format(
            events=result.events,
            path=result.path,
            meetings=result.meetings,
            interventions=result.interventions,
            demarches=result.demarches,
            follow_ups=result.follow_ups,
        )
    )
    if len(result.skipped) == 1:
        click.echo(_("1 item skipped: {item}.").format(item=printable(str(result.skipped[0]))))
    elif result.skipped:
        click.echo(_("{count} items skipped:").format(count=len(result.skipped)))
        for skipped in result.skipped:
            click.echo(f"  {printable(str(skipped))}")


@click.command(
    "meetings", help=_("List meetings (those whose title or city holds TEXT, if given).")
)
@click.argument("text", required=False)
@click.option("--forum", help=_("Only this forum's meetings (its short name, e.g. msp)."))
@click.option(
    "--from",
    "from_",
    metavar="DATE",
    callback=parse_day,
    help=_("Meetings ending on or after this day."),
)
@click.option(
    "--to", metavar="DATE", callback=parse_day, help=_("Meetings starting on or before it.")
)
@click.option("--format", "output", type=FORMATS, default="table", show_default=True)
@click.pass_obj
def meetings(
    context: Any,
    text: str | None,
    forum: str | None,
    from_: date | None,
    to: date | None,
    output: str,
) -> None:
    from outreach.services.forums import ForumService

    service = ForumService(_db(context))
    slugs = {f.id: f.slug for f in service.forums()}
    found = service.meetings(forum, from_, to)
    if text:
        wanted = {m.id for m in service.find_meetings(text)}
        found = [m for m in found if m.id in wanted]
    rows = [
        {
            "id": m.id,
            "forum": slugs.get(m.forum_id, ""),
            "title": m.title,
            "city": m.city,
            "starts_on": m.starts_on,
            "ends_on": m.ends_on,
            "timezone": m.timezone,
        }
        for m in found
    ]
    print_rows(rows, MEETING_COLUMNS, output)


@click.command(
    "room",
    help=_(
        "Who is in the room at MEETING (its id or part of its title or city), by priority category."
    ),
)
@click.argument("meeting")
@click.option("--all", "everyone", is_flag=True, help=_("Also the states in no category."))
@click.option("--format", "output", type=FORMATS, default="table", show_default=True)
@click.pass_obj
def room(context: Any, meeting: str, everyone: bool, output: str) -> None:
    from outreach.services.meeting_planner import MeetingPlannerService

    db = _db(context)
    found = find_meeting(db, meeting)
    planned = MeetingPlannerService(db).room(found.id, with_empty_categories=False)
    rows = [
        {
            "category": group.name,
            "iso3": row.iso3,
            "name": row.name,
            "status": row.status,
            "stance": row.stance,
            "in_room_as": "member" if row.member else "attendee",
            "last_contact": row.last_contact_on,
            "open_demarches": row.open_demarches,
            "overdue_follow_ups": row.overdue_follow_ups,
            "planned": row.interventions,
        }
        for group in planned.groups
        if everyone or group.slug
        for row in group.rows
    ]
    if output == "table":
        click.echo(
            _("{title}, {city}, {start} to {end}: {count} states in the room.").format(
                title=printable(found.title),
                city=printable(found.city),
                start=found.starts_on.isoformat(),
                end=found.ends_on.isoformat(),
                count=planned.state_count,
            )
        )
    print_rows(rows, ROOM_COLUMNS, output)


@click.command(
    "interventions",
    help=_("List the interventions planned at MEETING (its id or part of its title or city)."),
)
@click.argument("meeting")
@click.option("--format", "output", type=FORMATS, default="table", show_default=True)
@click.pass_obj
def interventions(context: Any, meeting: str, output: str) -> None:
    from outreach.services.interventions import InterventionService
    from outreach.services.states import StateService

    db = _db(context)
    found = find_meeting(db, meeting)
    states = StateService(db)
    names: dict[int, str] = {}

    def iso3(state_id: int) -> str:
        if state_id not in names:
            names[state_id] = states.get(state_id).iso3
        return names[state_id]

    rows = [
        {
            "id": record.id,
            "kind": record.kind,
            "title": record.title,
            "starts_at": record.starts_at.strftime("%Y-%m-%d %H:%M") if record.starts_at else "",
            "ends_at": record.ends_at.strftime("%Y-%m-%d %H:%M") if record.ends_at else "",
            "status": record.status,
            "lead": record.lead_officer,
            "targets": [iso3(state_id) for state_id in record.target_ids],
            "demarche": record.demarche_id,
        }
        for record in InterventionService(db).for_meeting(found.id)
    ]
    print_rows(rows, INTERVENTION_COLUMNS, output)


KINDS = click.Choice(["statement", "side_event", "bilateral"])
STATUSES = click.Choice(["idea", "planned", "confirmed", "done", "dropped"])


@click.command(
    "plan",
    help=_(
        "Plan a statement, side event or bilateral at MEETING (its id or part of its title "
        "or city)."
    ),
)
@click.argument("meeting")
@click.argument("kind", type=KINDS)
@click.argument("title")
@click.option(
    "--target", "targets", multiple=True, metavar="STATE",
    help=_("A target state (ISO code or name); repeat for several."),
)  # fmt: skip
@click.option("--at", "starts_at", metavar="'YYYY-MM-DD HH:MM'",
              help=_("When it starts, on the meeting's clock."))  # fmt: skip
@click.option("--until", "ends_at", metavar="'YYYY-MM-DD HH:MM'", help=_("When it ends."))
@click.option("--lead", default="", help=_("The lead officer."))
@click.option("--points", default="", help=_("Talking points."))
@click.option("--status", type=STATUSES, default="planned", show_default=True)
@click.pass_obj
def plan(
    context: Any,
    meeting: str,
    kind: str,
    title: str,
    targets: tuple[str, ...],
    starts_at: str | None,
    ends_at: str | None,
    lead: str,
    points: str,
    status: str,
) -> None:
    from outreach.services.interventions import InterventionService

    db = _db(context)
    found = find_meeting(db, meeting)
    record = InterventionService(db).plan(
        found.id,
        kind,
        title,
        lead_officer=lead,
        talking_points=points,
        targets=list(targets),
        starts_at=starts_at,
        ends_at=ends_at,
        status=status,
    )
    slot = record.starts_at.strftime("%Y-%m-%d %H:%M") if record.starts_at else _("no time yet")
    click.echo(
        _("Planned {kind} {id} at {meeting}: {title} ({slot}, {timezone}), {status}.").format(
            kind=record.kind,
            id=record.id,
            meeting=printable(found.title),
            title=printable(record.title),
            slot=slot,
            timezone=found.timezone,
            status=record.status,
        )
    )


@click.command(
    "done",
    help=_(
        "Mark INTERVENTION (its id) done with its outcome. A bilateral is also logged, in the "
        "same step: a meeting with its target states, linked to the meeting and its démarche."
    ),
)
@click.argument("intervention", type=int)
@click.option("--outcome", required=True, help=_("What came of it."))
@click.option("--on", "on", callback=parse_day, metavar="DATE",
              help=_("The day it took place (default: the bilateral's day)."))  # fmt: skip
@click.option("--follow-up", "follow_up", callback=parse_day, metavar="DATE",
              help=_("A bilateral's follow-up date, on its log entry."))  # fmt: skip
@click.pass_obj
def done(
    context: Any, intervention: int, outcome: str, on: date | None, follow_up: date | None
) -> None:
    from outreach.services.interventions import InterventionService

    service = InterventionService(_db(context))
    record = service.get(intervention)
    if record.kind != "bilateral":
        if on is not None or follow_up is not None:
            raise click.UsageError(_("--on and --follow-up are for bilaterals, which are logged."))
        service.set_status(record.id, "done", outcome)
        click.echo(_("{title}: done.").format(title=printable(record.title)))
        return
    result = service.complete_bilateral(record.id, outcome, on=on, follow_up_on=follow_up)
    entry = result.log_entry
    said = (
        _("{title}: done, logged as entry {id} on {day}, follow-up {follow_up}.")
        if entry.follow_up_on
        else _("{title}: done, logged as entry {id} on {day}.")
    )
    click.echo(
        said.format(
            title=printable(record.title),
            id=entry.id,
            day=entry.occurred_on.isoformat(),
            follow_up=entry.follow_up_on.isoformat() if entry.follow_up_on else "",
        )
    )


COMMANDS = (ics, meetings, room, interventions, plan, done)


def register(cli: click.Group) -> None:
    """Add the planning commands to `cli` (a command already there is left as it is)."""
    for command in COMMANDS:
        assert command.name is not None
        if command.name not in cli.commands:
            cli.add_command(command)
