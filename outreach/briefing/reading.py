"""Reading briefing sheets in bulk: everything for a list of states in a fixed number
of queries, whatever their number (a pack of 150 states costs the same sixteen queries as
one sheet; the statements are built once, at import). It reuses the services' record
builders, so a sheet shows what the app shows; smart categories are judged on the rows
already read, with the rules of `outreach.services.picture` (a test holds the two to the
same answers). Nothing here writes.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any, TypeVar, TypeVarTuple

from sqlalchemy import BindParameter, Row, Select, bindparam, func, select
from sqlalchemy.orm import Session, selectinload

from outreach.briefing.records import BriefingData, KeyContact, LogLine
from outreach.domain.enums import CategoryKind, TreatyStatus
from outreach.domain.records import CategoryRecord, ObligationRecord
from outreach.domain.smart_rules import StateFacts, matches, seat_span
from outreach.errors import NotFoundError
from outreach.folding import fold
from outreach.services import common, lookup
from outreach.services.categories import category_record, describe_rule
from outreach.services.contacts import contact_record
from outreach.services.demarches import OPEN, demarche_record
from outreach.services.facts import fact_record, seat_record
from outreach.services.forums import forum_record
from outreach.services.states import state_record
from outreach.services.treaties import obligation_record, participation_record, treaty_record
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
    Obligation,
    Organization,
    Participation,
    Seat,
    State,
)

_Ts = TypeVarTuple("_Ts")
_M = TypeVar("_M")


def _lists() -> defaultdict[int, list[Any]]:
    return defaultdict(list)


@dataclass(frozen=True, slots=True)
class Scope:
    """What the sheets are read for: the day of the status and the log, the day and the
    officer printed on them, the treaty, how many log entries and contacts each shows,
    and the language the states are named in."""

    day: date
    printed_on: date
    officer: str
    treaty: str
    log_entries: int
    contacts: int
    language: str


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


def category_order(category: CategoryRecord) -> tuple[bool, str]:
    """Hand-made categories first (someone chose those states), then smart ones; by name."""
    return (category.kind != CategoryKind.MANUAL, fold(category.name))


def _each(
    session: Session, statement: Select[*_Ts], ids: Sequence[int], **values: object
) -> Iterator[Row[*_Ts]]:
    """The rows of `statement` for `ids`, read in slices an `IN (...)` list takes."""
    for part in common.chunks(ids):
        yield from session.execute(statement, {"ids": list(part), **values})


def _each_one(session: Session, statement: Select[_M], ids: Sequence[int]) -> Iterator[_M]:
    """The records `statement` selects for `ids`, read in slices."""
    for part in common.chunks(ids):
        yield from session.scalars(statement, {"ids": list(part)})


@dataclass(slots=True)
class _Rows:
    """What the sheets of some states are made of, per state id."""

    states: dict[int, State] = field(default_factory=dict)
    participations: dict[int, Participation] = field(default_factory=dict)
    obligations: dict[int, list[ObligationRecord]] = field(default_factory=_lists)
    facts: dict[int, list[Fact]] = field(default_factory=_lists)
    seats: dict[int, list[Seat]] = field(default_factory=_lists)
    memberships: dict[int, list[tuple[ForumMembership, Forum]]] = field(default_factory=_lists)
    demarches: dict[int, list[Demarche]] = field(default_factory=_lists)
    demarche_contacts: dict[int, list[int]] = field(default_factory=_lists)  # by démarche

    @classmethod
    def read(cls, session: Session, ids: list[int], treaty_id: int) -> _Rows:
        rows = cls()
        rows.states.update((state.id, state) for state in _each_one(session, STATES, ids))
        for participation, obligation in _each(session, PARTICIPATIONS, ids, treaty_id=treaty_id):
            rows.participations[participation.state_id] = participation
            if obligation is not None:
                rows.obligations[participation.state_id].append(obligation_record(obligation))
        for fact in _each_one(session, FACTS, ids):
            rows.facts[fact.state_id].append(fact)
        for seat in _each_one(session, SEATS, ids):
            rows.seats[seat.state_id].append(seat)
        for membership, forum in _each(session, MEMBERSHIPS, ids):
            rows.memberships[membership.state_id].append((membership, forum))
        for demarche in _each_one(session, OPEN_DEMARCHES, ids):
            rows.demarches[demarche.state_id].append(demarche)
        missing = [state_id for state_id in ids if state_id not in rows.states]
        if missing:
            raise NotFoundError(f"There is no state with id {missing[0]}.")
        demarche_ids = [d.id for found in rows.demarches.values() for d in found]
        for demarche_id, contact_id in _each(session, DEMARCHE_CONTACTS, demarche_ids):
            rows.demarche_contacts[demarche_id].append(contact_id)
        return rows


def read_sheets(session: Session, ids: list[int], scope: Scope) -> list[BriefingData]:
    """Everything for `ids` in a fixed number of queries, whatever their number."""
    day = scope.day
    treaty = lookup.treaty(session, scope.treaty)
    rows = _Rows.read(session, ids, treaty.id)
    logs, recent = _recent_log(session, ids, day, scope.log_entries)
    people, more_people = _key_contacts(session, ids, scope.contacts, recent)
    treaty_rec = treaty_record(treaty)
    result = []
    pictures: dict[int, StateFacts] = {}
    for state_id in ids:
        state = rows.states[state_id]
        found = rows.participations.get(state_id)
        record = participation_record(treaty, found) if found else None
        status = record.status_on(day) if record else TreatyStatus.OUTSIDE
        held = [
            (membership, forum)
            for membership, forum in rows.memberships[state_id]
            if (membership.since is None or membership.since <= day)
            and (membership.until is None or day <= membership.until)
        ]
        facts, seats = rows.facts[state_id], rows.seats[state_id]
        pictures[state_id] = state_facts(state, status, facts, seats, held, day)
        forums = {forum.id: forum_record(forum) for _membership, forum in held}
        result.append(
            BriefingData(
                state=state_record(state, scope.language),
                treaty=treaty_rec,
                participation=record,
                status=status,
                obligations=tuple(rows.obligations[state_id]),
                facts=tuple(
                    fact_record(fact)
                    for fact in sorted(
                        (f for f in facts if f.as_of is None or f.as_of <= day),
                        key=lambda f: (f.kind, -(f.as_of or date.min).toordinal(), f.id),
                    )
                ),
                categories=(),  # filled below, once every state's picture is known
                seats=tuple(seat_record(seat) for seat in seats if seat.start_on <= day),
                forums=tuple(sorted(forums.values(), key=lambda f: fold(f.name))),
                contacts=people.get(state_id, ()),
                more_contacts=more_people.get(state_id, 0),
                log=logs.get(state_id, ()),
                open_demarches=tuple(
                    demarche_record(d, tuple(rows.demarche_contacts[d.id]))
                    for d in rows.demarches[state_id]
                ),
                as_of=day,
                printed_on=scope.printed_on,
                officer=scope.officer,
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
    return StateFacts(
        status=status,
        region=state.region,
        subregion=state.subregion,
        stance=state.stance,
        facts=frozenset(kind for kind, (_when, holds) in latest.items() if holds),
        seats=frozenset(seat_span(seat.body, seat.start_on, seat.end_on) for seat in seats),
        forums=frozenset(forum.slug for _membership, forum in held),
    )


def _categories(
    session: Session, ids: list[int], pictures: dict[int, StateFacts]
) -> dict[int, tuple[tuple[CategoryRecord, str], ...]]:
    """Per state, its priority categories in pack order with the reason: the rationale
    given when it was put in a hand-made category, the rule in words for a smart one
    (the same membership as `outreach.services.picture.category_members`)."""
    assigned: dict[tuple[int, int], str] = {}
    for category_id, state_id, why in _each(session, ASSIGNED, ids):
        assigned[(category_id, state_id)] = why
    found: dict[int, list[tuple[CategoryRecord, str]]] = defaultdict(list)
    records = sorted(
        (category_record(category) for category in session.scalars(LIVE_CATEGORIES)),
        key=category_order,
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
    for contact_id, state_id, family, given in _each(session, CONTACT_NAMES, ids):
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
    for contact, organization in _each(session, CONTACTS, wanted):
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
    # (state id, entry), newest first per state
    picked = [
        (state_id, entry)
        for state_id, entry in _each(session, RECENT_LOG, ids, day=day, limit=limit)
    ]
    people: dict[int, list[str]] = defaultdict(list)
    met: dict[int, list[int]] = defaultdict(list)
    entry_ids = sorted({entry.id for _state, entry in picked})
    for entry_id, contact_id, given, family in _each(session, LOG_PEOPLE, entry_ids):
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
