"""States: the list with treaty status and categories, a state's profile, its aliases."""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from typing import Any

from sqlalchemy import Select, exists, func, select
from sqlalchemy.orm import Session

from outreach.domain import limits
from outreach.domain.enums import ConsentKind, DemarcheStatus, Stance, TreatyStatus
from outreach.domain.records import StateRecord, StateRow
from outreach.domain.treaty_rules import JOINED, status_matches
from outreach.errors import ValidationError
from outreach.folding import fold
from outreach.i18n import N_, _
from outreach.services import common, lookup
from outreach.services.base import Service
from outreach.services.picture import category_members, load_pictures, slugs_by_state
from outreach.services.validation import choice, optional_text, required_text
from outreach.storage.models import (
    Demarche,
    LogEntry,
    LogEntryState,
    Participation,
    State,
    StateAlias,
)

DEFAULT_TREATY = "APMBC"
FOLLOW_UP_WINDOW = 1_000  # the open follow-ups read first for the states list


def state_record(state: State, language: str | None = None) -> StateRecord:
    """The state's record, named in `language` (the app's by default)."""
    aliases = tuple(alias.alias for alias in state.aliases)
    return common.record_of(
        StateRecord,
        state,
        name=lookup.state_name(state, language),
        stance=Stance(state.stance),
        aliases=aliases,
    )


class StateService(Service):
    def list_rows(
        self,
        *,
        treaty: str = DEFAULT_TREATY,
        as_of: date | None = None,
        status: TreatyStatus | str | None = None,
        category: str | None = None,
        text: str | None = None,
    ) -> list[StateRow]:
        """Every state with its standing towards `treaty` on `as_of` (today by default);
        `status` a `TreatyStatus` or JOINED (party or pending)."""
        day = as_of or date.today()
        wanted_status = (
            (JOINED if status == JOINED else choice(TreatyStatus, status, N_("status")).value)
            if status
            else None
        )
        with self._db.read() as session:
            pictures = load_pictures(session, lookup.treaty(session, treaty), day)
            members = category_members(session, pictures)
            if category is not None:
                lookup.category(session, category)  # refuse an unknown slug clearly
            slugs = slugs_by_state(members)
            aliases = _aliases_by_state(session)
            activity = _activity_by_state(session)
            needle = fold(text) if text else ""
            rows = []
            for picture in pictures.values():
                state, participation = picture.state, picture.participation
                if wanted_status and not status_matches(picture.facts.status, wanted_status):
                    continue
                if category is not None and state.id not in members.get(category, set()):
                    continue
                if needle and not _mentions(state, aliases.get(state.id, ()), needle):
                    continue
                last_contact, next_follow_up, open_demarches = activity.get(
                    state.id, (None, None, 0)
                )
                rows.append(
                    common.record_of(
                        StateRow,
                        state,
                        name=lookup.state_name(state),
                        other_name=lookup.other_state_name(state),
                        stance=Stance(state.stance),
                        status=picture.facts.status,
                        **_dates_of(participation),
                        categories=slugs.get(state.id, ()),
                        aliases=aliases.get(state.id, ()),
                        last_contact_on=last_contact,
                        next_follow_up_on=next_follow_up,
                        open_demarches=open_demarches,
                    )
                )
        return sorted(rows, key=lambda row: fold(row.name))  # « Égypte » before « El Salvador »

    def names(self) -> dict[int, str]:
        """Every state's name by its id, in the language of the interface: one column
        read, for lists that name states by id (the dashboard's)."""
        with self._db.read() as session:
            return lookup.state_names(session)

    def get(self, ref: str | int) -> StateRecord:
        with self._db.read() as session:
            return state_record(lookup.state(session, ref))

    def find(self, text: str) -> StateRecord | None:
        with self._db.read() as session:
            found = lookup.find_state(session, text)
            return state_record(found) if found else None

    def update_profile(
        self,
        ref: str | int,
        *,
        name: str | None = None,
        stance: Stance | str | None = None,
        notes: str | None = None,
        talking_points: str | None = None,
        version: int | None = None,
    ) -> StateRecord:
        with self._db.write() as session:
            state = lookup.state(session, ref)
            common.check_version(session, state, version, lookup.STATE)
            if name is not None:
                state.name = required_text(name, limits.STATE_NAME)
            if stance is not None:
                state.stance = choice(Stance, stance, N_("stance")).value
            if notes is not None:
                state.notes = optional_text(notes, limits.NOTES)
            if talking_points is not None:
                state.talking_points = optional_text(talking_points, limits.TALKING_POINTS)
            return state_record(state)

    def add_alias(self, ref: str | int, alias: str) -> StateRecord:
        text = required_text(alias, limits.ALIAS)
        with self._db.write() as session:
            state = lookup.state(session, ref)
            other = lookup.find_state(session, text)
            if other is not None:
                message = _("'{alias}' already names {state}.")
                named = lookup.state_name(other)
                raise ValidationError(message.format(alias=text, state=named), "alias")
            state.aliases.append(StateAlias(alias=text, folded=fold(text)))
            session.flush()
            return state_record(state)

    def regions(self) -> list[str]:
        with self._db.read() as session:
            return sorted(set(session.scalars(select(State.region))) - {""})


def _dates_of(participation: Participation | None) -> dict[str, Any]:
    """A states list row's signature and consent, from the state's participation."""
    if participation is None:
        return dict.fromkeys(("signed_on", "consent_on", "consent_kind", "in_force_on"))
    kind = participation.consent_kind
    return {
        "signed_on": participation.signed_on,
        "consent_on": participation.consent_on,
        "consent_kind": ConsentKind(kind) if kind else None,
        "in_force_on": participation.in_force_on,
    }


def _mentions(state: State, aliases: tuple[str, ...], needle: str) -> bool:
    names = [state.name, state.name_fr or "", state.iso3, state.iso2, *aliases]
    return any(needle in fold(name) for name in names)


def _aliases_by_state(session: Session) -> dict[int, tuple[str, ...]]:
    found: dict[int, list[str]] = defaultdict(list)
    for state_id, alias in session.execute(
        select(StateAlias.state_id, StateAlias.alias).order_by(StateAlias.alias)
    ):
        found[state_id].append(alias)
    return {state_id: tuple(names) for state_id, names in found.items()}


def _first_date_per_state(
    session: Session, query: Select[int, Any], states: set[int]
) -> dict[int, date]:
    """The first date each state meets in `query` (already in the wanted order).

    Stops as soon as every state in `states` has been seen, so on a long log it reads
    only the newest few hundred rows instead of aggregating all of them.
    """
    found: dict[int, date] = {}
    for state_id, day in session.execute(query.execution_options(yield_per=500)):
        if state_id not in found:
            found[state_id] = day
            if len(found) == len(states):
                break
    return found


def _next_follow_ups(session: Session, states: set[int]) -> dict[int, date | None]:
    """The first open follow-up due for each state in `states`.

    The open follow-ups are read in due-date order a window at a time (FOLLOW_UP_WINDOW,
    then twice as many, and so on) with their entries' states, until every state in
    `states` has been seen or none is left: on the large demo, one window. A window is the
    top of the open follow-ups by due date (a top-N sort over their partial index on a
    file; on a server, its index by due date), then each entry's links by key. One query
    joining every link to its entry and sorting the lot made SQLite read all 200,000
    links and their entries of the large demo each time the list was shown.
    """
    found: dict[int, date | None] = {}
    offset, size = 0, FOLLOW_UP_WINDOW
    while True:
        window = (
            select(LogEntry.id, LogEntry.follow_up_on)
            .where(
                LogEntry.deleted_at.is_(None),
                LogEntry.follow_up_on.is_not(None),
                LogEntry.follow_up_done_on.is_(None),
            )
            .order_by(LogEntry.follow_up_on, LogEntry.id)
            .limit(size)
            .offset(offset)
            .subquery()
        )
        rows = session.execute(
            select(window.c.id, window.c.follow_up_on, LogEntryState.state_id)
            .outerjoin(LogEntryState, LogEntryState.log_entry_id == window.c.id)
            .order_by(window.c.follow_up_on, window.c.id)
        ).all()
        for _entry_id, day, state_id in rows:
            if state_id is not None:
                found.setdefault(state_id, day)
        if len({row.id for row in rows}) < size or states <= found.keys():
            return found
        offset, size = offset + size, size * 2


def _activity_by_state(session: Session) -> dict[int, tuple[date | None, date | None, int]]:
    """Per state: the last contact logged, the next open follow-up, open démarches."""
    # "which states have a log entry": an index probe per state, not a scan of the links
    logged = set(
        session.scalars(select(State.id).where(exists().where(LogEntryState.state_id == State.id)))
    )
    linked = select(LogEntryState.state_id, LogEntry.occurred_on).join(
        LogEntry, LogEntry.id == LogEntryState.log_entry_id
    )
    last = _first_date_per_state(
        session,
        linked.where(LogEntry.deleted_at.is_(None)).order_by(
            LogEntry.occurred_on.desc(), LogEntry.id.desc()
        ),
        logged,
    )
    follow_ups = _next_follow_ups(session, logged)
    open_statuses = [status.value for status in DemarcheStatus if status.is_open]
    counted = session.execute(
        select(Demarche.state_id, func.count(Demarche.id))
        .where(Demarche.deleted_at.is_(None), Demarche.status.in_(open_statuses))
        .group_by(Demarche.state_id)
    )
    demarches: dict[int, int] = {state_id: count for state_id, count in counted}  # noqa: C416
    return {
        state_id: (last.get(state_id), follow_ups.get(state_id), demarches.get(state_id, 0))
        for state_id in set(last) | set(follow_ups) | set(demarches)
    }
