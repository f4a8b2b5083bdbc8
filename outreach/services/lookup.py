"""Finding records by what people type: ISO codes, names, aliases, ids, slugs."""

from __future__ import annotations

from typing import TypeVar

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from outreach.errors import NotFoundError
from outreach.folding import fold
from outreach.services.validation import valid_text
from outreach.storage.models import Category, State, StateAlias, Treaty

M = TypeVar("M")  # a mapped class


def get_live(session: Session, model: type[M], record_id: int, label: str) -> M:
    """A record by id that has not been deleted, or a clear NotFoundError."""
    record = session.get(model, record_id)
    if record is None or getattr(record, "deleted_at", None) is not None:
        raise NotFoundError(f"There is no {label} with id {record_id}.")
    return record


def find_state(session: Session, text: str) -> State | None:
    """A state by ISO 3166 alpha-2 or alpha-3 code, display name or alias."""
    key = valid_text(text.strip(), "state")
    if not key:
        return None
    if len(key) in (2, 3) and key.isalpha() and key.isupper():
        state = session.scalar(select(State).where(or_(State.iso2 == key, State.iso3 == key)))
        if state is not None:
            return state
    folded = fold(key)
    alias = session.scalar(select(StateAlias).where(StateAlias.folded == folded))
    if alias is not None:
        return alias.state
    for state in session.scalars(select(State)):
        if fold(state.name) == folded or state.iso3 == key.upper() or state.iso2 == key.upper():
            return state
    return None


class StateNames:
    """`find_state` for many names at once (an import of thousands of rows): the states,
    their codes and aliases read once, then each name found without a query."""

    def __init__(self, session: Session) -> None:
        states = list(session.scalars(select(State).order_by(State.id)))
        by_id = {state.id: state for state in states}
        self._codes = {code: state for state in states for code in (state.iso2, state.iso3)}
        self._names: dict[str, State] = {}
        for state in states:
            self._names.setdefault(fold(state.name), state)
        self._aliases = {
            folded: by_id[state_id]
            for folded, state_id in session.execute(select(StateAlias.folded, StateAlias.state_id))
        }

    def find(self, text: str) -> State | None:
        """As `find_state`: a code, an alias, a name (accents and case aside)."""
        key = valid_text(text.strip(), "state")
        if not key:
            return None
        if len(key) in (2, 3) and key.isalpha() and key.isupper() and key in self._codes:
            return self._codes[key]
        folded = fold(key)
        return self._aliases.get(folded) or self._names.get(folded) or self._codes.get(key.upper())


def state(session: Session, ref: str | int) -> State:
    if isinstance(ref, int):
        return get_live(session, State, ref, "state")
    found = find_state(session, ref)
    if found is None:
        raise NotFoundError(f"Unknown state '{ref}': give an ISO code (e.g. KHM) or a name.")
    return found


def treaty(session: Session, code: str) -> Treaty:
    found = session.scalar(select(Treaty).where(func.upper(Treaty.code) == code.upper()))
    if found is None:
        known = ", ".join(session.scalars(select(Treaty.code)))
        raise NotFoundError(f"Unknown treaty '{code}'; known treaties: {known or 'none'}.")
    return found


def category(session: Session, ref: str | int) -> Category:
    if isinstance(ref, int):
        return get_live(session, Category, ref, "priority category")
    found = session.scalar(
        select(Category).where(Category.slug == ref.strip(), Category.deleted_at.is_(None))
    )
    if found is None:
        raise NotFoundError(f"Unknown priority category '{ref}'.")
    return found
