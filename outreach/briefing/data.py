"""What a briefing sheet and a meeting pack show, read from the database in bulk.

`gather` returns one frozen `BriefingData` per state. It reads everything for all the
states asked for in one read transaction and a fixed number of queries (a pack of 150
states costs the same sixteen queries as one sheet; the statements are built once, at
import), and it reuses the services' record builders, so a sheet shows what the app
shows. Smart categories are judged on the rows already read, with the rules of
`outreach.services.picture` (a test holds the two to the same answers).

`gather_pack` adds the meeting: the states expected in the room (the meeting planner's
room: the forum's members on the meeting's dates and the states announced as
attending), grouped by priority category, and the planned interventions (read through
the interventions service).

Nothing here writes; the returned objects hold no ORM state and may cross threads.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime

from sqlalchemy import BindParameter, bindparam, func, select
from sqlalchemy.orm import Session, selectinload

from outreach.domain.enums import CategoryKind, InterventionStatus, TreatyStatus
from outreach.domain.records import (
    CategoryRecord,
    ContactRecord,
    DemarcheRecord,
    FactRecord,
    ForumRecord,
    MeetingRecord,
    ObligationRecord,
    ParticipationRecord,
    SeatRecord,
    StateRecord,
    TreatyRecord,
)
from outreach.domain.smart_rules import StateFacts, matches, seat_years
from outreach.errors import NotFoundError, ValidationError
from outreach.folding import fold
from outreach.services import common, lookup
from outreach.services.categories import category_record, describe_rule
from outreach.services.contacts import contact_record
from outreach.services.demarches import OPEN, demarche_record
from outreach.services.facts import fact_record, seat_record
from outreach.services.forums import ForumService, forum_record
from outreach.services.interventions import InterventionService
from outreach.services.meeting_planner import room_state_ids
from outreach.services.states import DEFAULT_TREATY, state_record
from outreach.services.treaties import obligation_record, participation_record, treaty_record
from outreach.storage.database import Database
from outreach.storage.models import (
    Category,
    CategoryMember,
    Contact,
    Demarche,
    DemarcheContact,
    Fact,
    Forum,
    ForumMembership,
    LogEntry,
    LogEntryContact,
    LogEntryState,
    Meeting,
    Obligation,
    Organization,
    Participation,
    Seat,
    State,
)

OTHER_GROUP = "Other states expected"


@dataclass(frozen=True, slots=True)
class KeyContact:
    contact: ContactRecord
    organization: str


@dataclass(frozen=True, slots=True)
class LogLine:
    """One contact logged with the state: when, how, what, with whom."""

    occurred_on: date
    kind: str
    summary: str
    officer: str
    follow_up_on: date | None
    follow_up_done_on: date | None
    people: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class BriefingData:
    """Everything one country briefing sheet prints, as of one day."""

    state: StateRecord
    treaty: TreatyRecord
    participation: ParticipationRecord | None
    status: TreatyStatus
    obligations: tuple[ObligationRecord, ...]
    facts: tuple[FactRecord, ...]
    categories: tuple[tuple[CategoryRecord, str], ...]  # (category, why the state is in it)
    seats: tuple[SeatRecord, ...]
    forums: tuple[ForumRecord, ...]
    contacts: tuple[KeyContact, ...]
    more_contacts: int  # live contacts of the state not printed
    log: tuple[LogLine, ...]  # newest first
    open_demarches: tuple[DemarcheRecord, ...]  # soonest due first
    as_of: date
    printed_on: date
    officer: str


@dataclass(frozen=True, slots=True)
class PackGroup:
    """The sheets of one priority category in a pack (or of the states in none)."""

    title: str
    description: str
    colour: str
    sheets: tuple[BriefingData, ...]


@dataclass(frozen=True, slots=True)
class InterventionLine:
    kind: str
    title: str
    status: str
    lead_officer: str
    starts_at: datetime | None
    ends_at: datetime | None
    talking_points: str
    targets: tuple[str, ...]  # state names


@dataclass(frozen=True, slots=True)
class MeetingPack:
    meeting: MeetingRecord
    forum: ForumRecord
    groups: tuple[PackGroup, ...]
    interventions: tuple[InterventionLine, ...]
    as_of: date
    printed_on: date
    officer: str

    @property
    def sheets(self) -> tuple[BriefingData, ...]:
        return tuple(sheet for group in self.groups for sheet in group.sheets)


# --- the statements, built once (each gather runs them with new parameters) ---------------

IDS: BindParameter[list[int]] = bindparam("ids", expanding=True)
DAY: BindParameter[date] = bindparam("day")

STATES = select(State).where(State.id.in_(IDS)).options(selectinload(State.aliases))
PARTICIPATIONS = (
    select(Participation, Obligation)
    .outerjoin(Obligation, Obligation.participation_id == Participation.id)
    .where(Participation.treaty_id == bindparam("treaty_id"), Participation.state_id.in_(IDS))
    .order_by(Obligation.due_on, Obligation.id)
)
FACTS = select(Fact).where(Fact.state_id.in_(IDS)).order_by(Fact.kind, Fact.as_of, Fact.id)
SEATS = select(Seat).where(Seat.state_id.in_(IDS)).order_by(Seat.start_on.desc(), Seat.body)
MEMBERSHIPS = (
    select(ForumMembership, Forum)
    .join(Forum, Forum.id == ForumMembership.forum_id)
    .where(ForumMembership.state_id.in_(IDS))
)
OPEN_DEMARCHES = (
    select(Demarche)
    .where(Demarche.state_id.in_(IDS), Demarche.deleted_at.is_(None), Demarche.status.in_(OPEN))
    .order_by(Demarche.due_on.is_(None), Demarche.due_on, Demarche.id)
)
DEMARCHE_CONTACTS = (
    select(DemarcheContact.demarche_id, DemarcheContact.contact_id)
    .where(DemarcheContact.demarche_id.in_(IDS))
    .order_by(DemarcheContact.contact_id)
)
LIVE_CATEGORIES = select(Category).where(Category.deleted_at.is_(None))
ASSIGNED = select(
    CategoryMember.category_id, CategoryMember.state_id, CategoryMember.rationale
).where(CategoryMember.state_id.in_(IDS))
CONTACT_NAMES = select(Contact.id, Contact.state_id, Contact.family_name, Contact.given_name).where(
    Contact.state_id.in_(IDS), Contact.deleted_at.is_(None)
)
CONTACTS = (
    select(Contact, Organization.name)
    .outerjoin(Organization, Organization.id == Contact.organization_id)
    .where(Contact.id.in_(IDS))
)
_RANKED = (
    select(
        LogEntryState.state_id.label("state_id"),
        LogEntry.id.label("entry_id"),
        func.row_number()
        .over(
            partition_by=LogEntryState.state_id,
            order_by=(LogEntry.occurred_on.desc(), LogEntry.id.desc()),
        )
        .label("rank"),
    )
    .join(LogEntry, LogEntry.id == LogEntryState.log_entry_id)
    .where(
        LogEntryState.state_id.in_(IDS),
        LogEntry.deleted_at.is_(None),
        LogEntry.occurred_on <= DAY,
    )
    .subquery()
)
RECENT_LOG = (
    select(_RANKED.c.state_id, LogEntry)
    .join(LogEntry, LogEntry.id == _RANKED.c.entry_id)
    .where(_RANKED.c.rank <= bindparam("limit"))
    .order_by(_RANKED.c.state_id, _RANKED.c.rank)
)
LOG_PEOPLE = (
    select(LogEntryContact.log_entry_id, Contact.id, Contact.given_name, Contact.family_name)
    .join(Contact, Contact.id == LogEntryContact.contact_id)
    .where(LogEntryContact.log_entry_id.in_(IDS))
    .order_by(LogEntryContact.id)
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


def all_state_ids(db: Database) -> list[int]:
    """Every state, by name."""
    with db.read() as session:
        rows = session.execute(select(State.id, State.name)).all()
    return [state_id for state_id, name in sorted(rows, key=lambda row: fold(row[1]))]


def find_meeting(db: Database, ref: str | int) -> MeetingRecord:
    """A live meeting by id, or by a part of its title or city that only it holds."""
    return ForumService(db).find_meeting(ref)


# --- gathering -----------------------------------------------------------------------------


def gather(
    db: Database,
    states: Sequence[int | str],
    *,
    as_of: date | None = None,
    printed_on: date | None = None,
    officer: str = "",
    treaty: str = DEFAULT_TREATY,
    log_entries: int = 5,
    contacts: int = 6,
) -> list[BriefingData]:
    """One `BriefingData` per state, in the order given, read in one transaction.
    `states` are ids (as from `resolve_states`), or ISO codes and names to resolve."""
    with db.read() as session:
        if all(isinstance(ref, int) for ref in states):
            ids = [ref for ref in dict.fromkeys(states) if isinstance(ref, int)]
        else:
            ids = _resolve(session, states)
        return _gather(
            session,
            ids,
            day=as_of or date.today(),
            printed_on=printed_on or date.today(),
            officer=officer,
            treaty_code=treaty,
            log_entries=log_entries,
            contacts=contacts,
        )


def gather_pack(
    db: Database,
    meeting: MeetingRecord,
    *,
    as_of: date | None = None,
    printed_on: date | None = None,
    officer: str = "",
    treaty: str = DEFAULT_TREATY,
    log_entries: int = 5,
    contacts: int = 6,
) -> MeetingPack:
    """The pack for `meeting`: its states grouped by priority category (each state once,
    in the first of its categories: hand-made ones first, then smart ones, by name), as
    of the meeting's first day unless `as_of` says otherwise."""
    day = as_of or meeting.starts_on
    interventions = tuple(planned_interventions(db, meeting.id))
    with db.read() as session:
        forum = forum_record(session.get_one(Forum, meeting.forum_id))
        sheets = _gather(
            session,
            states_in_room(session, meeting),
            day=day,
            printed_on=printed_on or date.today(),
            officer=officer,
            treaty_code=treaty,
            log_entries=log_entries,
            contacts=contacts,
        )
    groups: dict[str, tuple[CategoryRecord | None, list[BriefingData]]] = {}
    for sheet in sheets:  # by name already; categories come in pack order
        first = sheet.categories[0][0] if sheet.categories else None
        key = first.slug if first else ""
        groups.setdefault(key, (first, []))[1].append(sheet)
    ordered = sorted(
        groups.values(),
        key=lambda group: (group[0] is None, _category_order(group[0]) if group[0] else ()),
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
        as_of=day,
        printed_on=printed_on or date.today(),
        officer=officer,
    )


def states_in_room(session: Session, meeting: MeetingRecord) -> list[int]:
    """Ids of the states expected at a meeting, by name: its forum's members at any time
    during the meeting and the states announced as attending (the meeting planner's
    room, so the pack and the planner agree)."""
    found = session.get_one(Meeting, meeting.id)
    ids = set(room_state_ids(session, [found])[meeting.id])
    rows = session.execute(select(State.id, State.name).where(State.id.in_(ids))).all()
    return [state_id for state_id, name in sorted(rows, key=lambda row: fold(row[1]))]


def planned_interventions(db: Database, meeting_id: int) -> list[InterventionLine]:
    """The meeting's interventions that are not dropped: timed ones by time, then the
    others, with the names of the states they target."""
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
                select(State.id, State.name).where(State.id.in_(part))
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


def _category_order(category: CategoryRecord) -> tuple[bool, str]:
    """Hand-made categories first (someone chose those states), then smart ones; by name."""
    return (category.kind != CategoryKind.MANUAL, fold(category.name))


def _gather(
    session: Session,
    ids: list[int],
    *,
    day: date,
    printed_on: date,
    officer: str,
    treaty_code: str,
    log_entries: int,
    contacts: int,
) -> list[BriefingData]:
    """Everything for `ids` in a fixed number of queries, whatever their number."""
    treaty = lookup.treaty(session, treaty_code)
    states: dict[int, State] = {}
    participations: dict[int, Participation] = {}
    obligations: dict[int, list[ObligationRecord]] = defaultdict(list)
    facts: dict[int, list[Fact]] = defaultdict(list)
    seats: dict[int, list[Seat]] = defaultdict(list)
    memberships: dict[int, list[tuple[ForumMembership, Forum]]] = defaultdict(list)
    demarches: dict[int, list[Demarche]] = defaultdict(list)
    for part in common.chunks(ids):
        chunk = {"ids": list(part)}
        states.update((state.id, state) for state in session.scalars(STATES, chunk))
        for participation, obligation in session.execute(
            PARTICIPATIONS, {**chunk, "treaty_id": treaty.id}
        ):
            participations[participation.state_id] = participation
            if obligation is not None:
                obligations[participation.state_id].append(obligation_record(obligation))
        for fact in session.scalars(FACTS, chunk):
            facts[fact.state_id].append(fact)
        for seat in session.scalars(SEATS, chunk):
            seats[seat.state_id].append(seat)
        for membership, forum in session.execute(MEMBERSHIPS, chunk):
            memberships[membership.state_id].append((membership, forum))
        for demarche in session.scalars(OPEN_DEMARCHES, chunk):
            demarches[demarche.state_id].append(demarche)
    missing = [state_id for state_id in ids if state_id not in states]
    if missing:
        raise NotFoundError(f"There is no state with id {missing[0]}.")
    logs, recent = _recent_log(session, ids, day, log_entries)
    people, more_people = _key_contacts(session, ids, contacts, recent)
    demarche_links: dict[int, list[int]] = defaultdict(list)
    for part in common.chunks([d.id for found in demarches.values() for d in found]):
        for demarche_id, contact_id in session.execute(DEMARCHE_CONTACTS, {"ids": list(part)}):
            demarche_links[demarche_id].append(contact_id)
    treaty_rec = treaty_record(treaty)
    result = []
    pictures: dict[int, StateFacts] = {}
    for state_id in ids:
        state = states[state_id]
        found = participations.get(state_id)
        record = participation_record(treaty, found) if found else None
        status = record.status_on(day) if record else TreatyStatus.OUTSIDE
        held = [
            (membership, forum)
            for membership, forum in memberships[state_id]
            if (membership.since is None or membership.since <= day)
            and (membership.until is None or day <= membership.until)
        ]
        pictures[state_id] = state_facts(state, status, facts[state_id], seats[state_id], held, day)
        forums = {forum.id: forum_record(forum) for _membership, forum in held}
        result.append(
            BriefingData(
                state=state_record(state),
                treaty=treaty_rec,
                participation=record,
                status=status,
                obligations=tuple(obligations[state_id]),
                facts=tuple(
                    fact_record(fact)
                    for fact in sorted(
                        (f for f in facts[state_id] if f.as_of is None or f.as_of <= day),
                        key=lambda f: (f.kind, -(f.as_of or date.min).toordinal(), f.id),
                    )
                ),
                categories=(),  # filled below, once every state's picture is known
                seats=tuple(seat_record(seat) for seat in seats[state_id] if seat.start_on <= day),
                forums=tuple(sorted(forums.values(), key=lambda f: fold(f.name))),
                contacts=people.get(state_id, ()),
                more_contacts=more_people.get(state_id, 0),
                log=logs.get(state_id, ()),
                open_demarches=tuple(
                    demarche_record(d, tuple(demarche_links[d.id])) for d in demarches[state_id]
                ),
                as_of=day,
                printed_on=printed_on,
                officer=officer,
            )
        )
    categories = _categories(session, ids, pictures)
    return [replace(data, categories=categories.get(data.state.id, ())) for data in result]


def state_facts(
    state: State,
    status: TreatyStatus,
    facts: Iterable[Fact],
    seats: Iterable[Seat],
    held: Iterable[tuple[ForumMembership, Forum]],
    day: date,
) -> StateFacts:
    """What a smart category's rule looks at, as `outreach.services.picture` builds it
    for the states list: a fact holds when its latest statement on or before `day`
    says so; seats count in every year they cover; forums are those held on `day`."""
    latest: dict[str, tuple[date, bool]] = {}
    for fact in facts:
        when = fact.as_of or date.min
        if when <= day and (fact.kind not in latest or when >= latest[fact.kind][0]):
            latest[fact.kind] = (when, fact.holds)
    years: set[tuple[str, int]] = set()
    for seat in seats:
        years |= seat_years(seat.body, seat.start_on, seat.end_on)
    return StateFacts(
        status=status,
        region=state.region,
        subregion=state.subregion,
        stance=state.stance,
        facts=frozenset(kind for kind, (_when, holds) in latest.items() if holds),
        seat_years=frozenset(years),
        forums=frozenset(forum.slug for _membership, forum in held),
    )


def _categories(
    session: Session, ids: list[int], pictures: dict[int, StateFacts]
) -> dict[int, tuple[tuple[CategoryRecord, str], ...]]:
    """Per state, its priority categories in pack order with the reason: the rationale
    given when it was put in a hand-made category, the rule in words for a smart one
    (the same membership as `outreach.services.picture.category_members`)."""
    assigned: dict[tuple[int, int], str] = {}
    for part in common.chunks(ids):
        for category_id, state_id, why in session.execute(ASSIGNED, {"ids": list(part)}):
            assigned[(category_id, state_id)] = why
    found: dict[int, list[tuple[CategoryRecord, str]]] = defaultdict(list)
    records = sorted(
        (category_record(category) for category in session.scalars(LIVE_CATEGORIES)),
        key=_category_order,
    )
    for category in records:
        if category.kind == CategoryKind.SMART and category.rule:
            rule = json.loads(category.rule)
            why = f"By rule: {describe_rule(category.rule)}"
            for state_id in ids:
                if matches(rule, pictures[state_id]):
                    found[state_id].append((category, why))
        else:
            for state_id in ids:
                if (category.id, state_id) in assigned:
                    found[state_id].append((category, assigned[(category.id, state_id)]))
    return {state_id: tuple(lines) for state_id, lines in found.items()}


def _key_contacts(
    session: Session, ids: list[int], limit: int, recent: dict[int, list[int]]
) -> tuple[dict[int, tuple[KeyContact, ...]], dict[int, int]]:
    """Per state, at most `limit` of its contacts: those met in its last contacts first
    (most recent first), then the others by name; and how many more there are. Only the
    contacts chosen are read whole."""
    ranked: dict[int, list[tuple[str, str, int]]] = defaultdict(list)
    for part in common.chunks(ids):
        for contact_id, state_id, family, given in session.execute(
            CONTACT_NAMES, {"ids": list(part)}
        ):
            if state_id is not None:
                ranked[state_id].append((fold(family), fold(given), contact_id))
    chosen: dict[int, list[int]] = {}
    for state_id, found in ranked.items():
        own = {contact_id for _family, _given, contact_id in found}
        first = [i for i in dict.fromkeys(recent.get(state_id, ())) if i in own]
        rest = [row[2] for row in sorted(found) if row[2] not in first]
        chosen[state_id] = (first + rest)[:limit]
    wanted = [contact_id for found in chosen.values() for contact_id in found]
    read: dict[int, KeyContact] = {}
    for part in common.chunks(wanted):
        for contact, organization in session.execute(CONTACTS, {"ids": list(part)}):
            read[contact.id] = KeyContact(contact_record(contact), organization or "")
    people = {
        state_id: tuple(read[contact_id] for contact_id in found)
        for state_id, found in chosen.items()
    }
    more = {state_id: len(ranked[state_id]) - len(found) for state_id, found in chosen.items()}
    return people, more


def _recent_log(
    session: Session, ids: list[int], day: date, limit: int
) -> tuple[dict[int, tuple[LogLine, ...]], dict[int, list[int]]]:
    """Per state, its `limit` newest live log entries on or before `day`, newest first;
    and the contacts met in them, most recent first."""
    if limit < 1:
        return {}, {}
    picked: list[tuple[int, LogEntry]] = []  # (state id, entry), newest first per state
    for part in common.chunks(ids):
        picked.extend(
            (state_id, entry)
            for state_id, entry in session.execute(
                RECENT_LOG, {"ids": list(part), "day": day, "limit": limit}
            )
        )
    people: dict[int, list[str]] = defaultdict(list)
    met: dict[int, list[int]] = defaultdict(list)
    for part in common.chunks(sorted({entry.id for _state, entry in picked})):
        for entry_id, contact_id, given, family in session.execute(LOG_PEOPLE, {"ids": list(part)}):
            people[entry_id].append(f"{given} {family}".strip())
            met[entry_id].append(contact_id)
    result: dict[int, list[LogLine]] = defaultdict(list)
    recent: dict[int, list[int]] = defaultdict(list)
    for state_id, entry in picked:
        recent[state_id].extend(met[entry.id])
        result[state_id].append(
            LogLine(
                occurred_on=entry.occurred_on,
                kind=entry.kind,
                summary=entry.summary,
                officer=entry.officer,
                follow_up_on=entry.follow_up_on,
                follow_up_done_on=entry.follow_up_done_on,
                people=tuple(people[entry.id]),
            )
        )
    return {state_id: tuple(lines) for state_id, lines in result.items()}, recent
