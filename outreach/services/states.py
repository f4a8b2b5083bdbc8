"""States: the list with treaty status and categories, a state's profile, its aliases."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from outreach.domain.enums import ConsentKind, Stance, TreatyStatus
from outreach.domain.records import StateRecord, StateRow
from outreach.errors import ValidationError
from outreach.reference.folding import fold
from outreach.services import lookup
from outreach.services.picture import category_members, load_pictures, slugs_by_state
from outreach.services.validation import choice, optional_text, required_text
from outreach.storage.database import Database
from outreach.storage.models import State, StateAlias

DEFAULT_TREATY = "APMBC"


def state_record(state: State) -> StateRecord:
    return StateRecord(
        id=state.id,
        iso2=state.iso2,
        iso3=state.iso3,
        name=state.name,
        official_name=state.official_name,
        region=state.region,
        subregion=state.subregion,
        stance=Stance(state.stance),
        notes=state.notes,
        talking_points=state.talking_points,
        aliases=tuple(alias.alias for alias in state.aliases),
    )


class StateService:
    def __init__(self, db: Database) -> None:
        self._db = db

    def list_rows(
        self,
        *,
        treaty: str = DEFAULT_TREATY,
        as_of: date | None = None,
        status: TreatyStatus | str | None = None,
        category: str | None = None,
        text: str | None = None,
    ) -> list[StateRow]:
        """Every state with its standing towards `treaty` on `as_of` (today by default)."""
        day = as_of or date.today()
        wanted_status = choice(TreatyStatus, status, "status") if status else None
        with self._db.read() as session:
            pictures = load_pictures(session, lookup.treaty(session, treaty), day)
            members = category_members(session, pictures)
            if category is not None:
                lookup.category(session, category)  # refuse an unknown slug clearly
            slugs = slugs_by_state(members)
            needle = fold(text) if text else ""
            rows = []
            for picture in pictures.values():
                state, participation = picture.state, picture.participation
                if wanted_status and picture.facts.status != wanted_status:
                    continue
                if category is not None and state.id not in members.get(category, set()):
                    continue
                if needle and not _mentions(state, needle):
                    continue
                rows.append(
                    StateRow(
                        id=state.id,
                        iso3=state.iso3,
                        name=state.name,
                        region=state.region,
                        subregion=state.subregion,
                        stance=Stance(state.stance),
                        status=picture.facts.status,
                        signed_on=participation.signed_on if participation else None,
                        consent_on=participation.consent_on if participation else None,
                        consent_kind=(
                            ConsentKind(participation.consent_kind)
                            if participation and participation.consent_kind
                            else None
                        ),
                        in_force_on=participation.in_force_on if participation else None,
                        categories=slugs.get(state.id, ()),
                    )
                )
        return sorted(rows, key=lambda row: fold(row.name))

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
    ) -> StateRecord:
        with self._db.write() as session:
            state = lookup.state(session, ref)
            if name is not None:
                state.name = required_text(name, "state name", max_length=200)
            if stance is not None:
                state.stance = choice(Stance, stance, "stance").value
            if notes is not None:
                state.notes = optional_text(notes)
            if talking_points is not None:
                state.talking_points = optional_text(talking_points)
            return state_record(state)

    def add_alias(self, ref: str | int, alias: str) -> StateRecord:
        text = required_text(alias, "alias", max_length=200)
        with self._db.write() as session:
            state = lookup.state(session, ref)
            taken = session.scalar(select(StateAlias).where(StateAlias.folded == fold(text)))
            if taken is not None:
                raise ValidationError(f"'{text}' already names {taken.state.name}.", "alias")
            state.aliases.append(StateAlias(alias=text, folded=fold(text)))
            session.flush()
            return state_record(state)

    def regions(self) -> list[str]:
        with self._db.read() as session:
            return sorted(set(session.scalars(select(State.region))) - {""})


def _mentions(state: State, needle: str) -> bool:
    names = [state.name, state.iso3, state.iso2, *(alias.alias for alias in state.aliases)]
    return any(needle in fold(name) for name in names)
