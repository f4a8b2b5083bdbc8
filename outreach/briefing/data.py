"""What a briefing sheet and a meeting pack show, read from the database in bulk.

`gather` returns one frozen `BriefingData` per state. It reads everything for all the
states asked for in one read transaction and a fixed number of queries (see
`outreach.briefing.reading`), so a pack of 150 states costs what one sheet costs.

`gather_pack` adds the meeting: the states expected in the room (the meeting planner's
room: the forum's members on the meeting's dates and the states announced as
attending), grouped by priority category, and the planned interventions (read through
the interventions service).

Nothing here writes; the returned objects hold no ORM state and may cross threads.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from typing import TypedDict, Unpack

from sqlalchemy import ColumnElement, select
from sqlalchemy.orm import Session

from outreach.briefing.reading import Scope, category_order, read_sheets
from outreach.briefing.records import (
    OTHER_GROUP,
    BriefingData,
    InterventionLine,
    KeyContact,
    LogLine,
    MeetingPack,
    PackGroup,
)
from outreach.domain.enums import InterventionStatus
from outreach.domain.records import CategoryRecord, MeetingRecord
from outreach.errors import NotFoundError, ValidationError
from outreach.folding import fold
from outreach.i18n import current_language
from outreach.services import common, lookup
from outreach.services.forums import ForumService, forum_record
from outreach.services.interventions import InterventionService
from outreach.services.meeting_planner import room_state_ids
from outreach.services.states import DEFAULT_TREATY
from outreach.storage.database import Database
from outreach.storage.models import Forum, Meeting, State

__all__ = [
    "OTHER_GROUP",
    "BriefingData",
    "InterventionLine",
    "KeyContact",
    "LogLine",
    "MeetingPack",
    "PackGroup",
    "Reading",
    "all_state_ids",
    "find_meeting",
    "gather",
    "gather_pack",
    "planned_interventions",
    "resolve_states",
    "states_in_room",
]


class Reading(TypedDict, total=False):
    """How `gather` and `gather_pack` read: `as_of`, the day of the treaty status and the
    log (today; for a pack, the meeting's first day); `printed_on` (today) and `officer`
    (no one), printed on the sheets; the treaty's code; at most how many log entries
    (5) and contacts (6) a sheet shows; and the language the states are named and sorted
    in (the app's)."""

    as_of: date | None
    printed_on: date | None
    officer: str
    treaty: str
    log_entries: int
    contacts: int
    language: str


def _scope(reading: Reading, day: date | None = None) -> Scope:
    """`reading` with its defaults; `day` stands in for a missing `as_of`."""
    today = date.today()
    return Scope(
        day=reading.get("as_of") or day or today,
        printed_on=reading.get("printed_on") or today,
        officer=reading.get("officer", ""),
        treaty=reading.get("treaty", DEFAULT_TREATY),
        log_entries=reading.get("log_entries", 5),
        contacts=reading.get("contacts", 6),
        language=reading.get("language") or current_language(),
    )


# --- resolving what was asked for ---------------------------------------------------------


def resolve_states(db: Database, refs: Iterable[str | int]) -> list[int]:
    """State ids by ISO code, name, alias or id, once each, in the order given. Every
    unknown reference is named in one clear error."""
    with db.read() as session:
        return _resolve(session, refs)


def _resolve(session: Session, refs: Iterable[str | int]) -> list[int]:
    wanted: list[int] = []
    unknown: list[str] = []
    for ref in refs:
        try:
            state_id = lookup.state(session, ref).id
        except NotFoundError:
            unknown.append(str(ref))
            continue
        if state_id not in wanted:
            wanted.append(state_id)
    if unknown:
        names = ", ".join(f"'{ref}'" for ref in unknown)
        plural = "s" if len(unknown) > 1 else ""
        raise NotFoundError(f"Unknown state{plural} {names}: give ISO codes (e.g. KHM) or names.")
    if not wanted:
        raise ValidationError("Name at least one state (an ISO code such as KHM).", "states")
    return wanted


def _by_name(session: Session, language: str, *where: ColumnElement[bool]) -> list[int]:
    """The ids of the states `where` selects, by their names in `language` (folded, so
    « Égypte » comes before « El Salvador »)."""
    rows = session.execute(select(State.id, lookup.state_name_column(language)).where(*where))
    return [state_id for state_id, name in sorted(rows, key=lambda row: fold(row[1]))]


def all_state_ids(db: Database, language: str | None = None) -> list[int]:
    """Every state, by name in `language` (the app's by default)."""
    with db.read() as session:
        return _by_name(session, language or current_language())


def find_meeting(db: Database, ref: str | int) -> MeetingRecord:
    """A live meeting by id, or by a part of its title or city that only it holds."""
    return ForumService(db).find_meeting(ref)


# --- gathering -----------------------------------------------------------------------------


def gather(
    db: Database, states: Sequence[int | str], **reading: Unpack[Reading]
) -> list[BriefingData]:
    """One `BriefingData` per state, in the order given, read in one transaction.
    `states` are ids (as from `resolve_states`), or ISO codes and names to resolve."""
    with db.read() as session:
        if all(isinstance(ref, int) for ref in states):
            ids = [ref for ref in dict.fromkeys(states) if isinstance(ref, int)]
        else:
            ids = _resolve(session, states)
        return read_sheets(session, ids, _scope(reading))


def gather_pack(db: Database, meeting: MeetingRecord, **reading: Unpack[Reading]) -> MeetingPack:
    """The pack for `meeting`: its states grouped by priority category (each state once,
    in the first of its categories: hand-made ones first, then smart ones, by name), as
    of the meeting's first day unless `as_of` says otherwise."""
    scope = _scope(reading, meeting.starts_on)
    interventions = tuple(planned_interventions(db, meeting.id, scope.language))
    with db.read() as session:
        forum = forum_record(session.get_one(Forum, meeting.forum_id))
        sheets = read_sheets(session, states_in_room(session, meeting, scope.language), scope)
    groups: dict[str, tuple[CategoryRecord | None, list[BriefingData]]] = {}
    for sheet in sheets:  # by name already; categories come in pack order
        first = sheet.categories[0][0] if sheet.categories else None
        key = first.slug if first else ""
        groups.setdefault(key, (first, []))[1].append(sheet)
    ordered = sorted(
        groups.values(),
        key=lambda group: (group[0] is None, category_order(group[0]) if group[0] else ()),
    )
    return MeetingPack(
        meeting=meeting,
        forum=forum,
        groups=tuple(
            PackGroup(
                category.name if category else OTHER_GROUP,
                category.description
                if category
                else "States expected at the meeting that are in no priority category.",
                category.colour if category else "#607d8b",
                tuple(members),
            )
            for category, members in ordered
        ),
        interventions=interventions,
        as_of=scope.day,
        printed_on=scope.printed_on,
        officer=scope.officer,
    )


def states_in_room(
    session: Session, meeting: MeetingRecord, language: str | None = None
) -> list[int]:
    """Ids of the states expected at a meeting, by name in `language` (the app's by
    default): its forum's members at any time during the meeting and the states
    announced as attending (the meeting planner's room, so the pack and the planner
    agree)."""
    found = session.get_one(Meeting, meeting.id)
    ids = set(room_state_ids(session, [found])[meeting.id])
    return _by_name(session, language or current_language(), State.id.in_(ids))


def planned_interventions(
    db: Database, meeting_id: int, language: str | None = None
) -> list[InterventionLine]:
    """The meeting's interventions that are not dropped: timed ones by time, then the
    others, with the names of the states they target in `language` (the app's by
    default)."""
    found = [
        record
        for record in InterventionService(db).for_meeting(meeting_id)
        if record.status != InterventionStatus.DROPPED
    ]
    target_ids = sorted({state_id for record in found for state_id in record.target_ids})
    names: dict[int, str] = {}
    with db.read() as session:
        for part in common.chunks(target_ids):
            for state_id, name in session.execute(
                select(State.id, lookup.state_name_column(language)).where(State.id.in_(part))
            ):
                names[state_id] = name
    return [
        InterventionLine(
            kind=record.kind.value,
            title=record.title,
            status=record.status.value,
            lead_officer=record.lead_officer,
            starts_at=record.starts_at,
            ends_at=record.ends_at,
            talking_points=record.talking_points,
            targets=tuple(sorted((names[i] for i in record.target_ids if i in names), key=fold)),
        )
        for record in found
    ]
