"""Finding records by what people type: ISO codes, names (English or French), aliases,
ids, slugs; and the name of a state shown in a language."""

from __future__ import annotations

from typing import TypeVar

from sqlalchemy import SQLColumnExpression, func, or_, select
from sqlalchemy.orm import Session

from outreach.errors import NotFoundError
from outreach.folding import fold
from outreach.i18n import N_, _, current_language
from outreach.services.validation import valid_text
from outreach.storage.models import Category, State, StateAlias, Treaty

M = TypeVar("M")  # a mapped class
STATE = N_("state")  # what messages call a state


def get_live(session: Session, model: type[M], record_id: int, label: str) -> M:
    """A record by id that has not been deleted, or a clear NotFoundError. `label` names
    the kind of record (marked `N_`: "démarche")."""
    record = session.get(model, record_id)
    if record is None or getattr(record, "deleted_at", None) is not None:
        raise not_found(label, record_id)
    return record


def not_found(label: str, record_id: int) -> NotFoundError:
    """The refusal "There is no démarche with id 9.", in the current language."""
    message = _("There is no {kind} with id {id}.")
    return NotFoundError(message.format(kind=_(label), id=record_id))


def in_french(language: str | None = None) -> bool:
    """Whether states are named in French: `language` is French (the app's language when
    None; a printed page passes its own). The one place that choice is made."""
    return (language or current_language()) == "fr"


def state_name(state: State, language: str | None = None) -> str:
    """The state's name shown in `language`: its French name in French when one is known
    (« Cambodge »), else its name ("Cambodia")."""
    return (state.name_fr if in_french(language) else None) or state.name


def other_state_name(state: State, language: str | None = None) -> str:
    """The state's name in the other language, which typing finds too ("Cambodia" beside
    « Cambodge »); "" when it is the same or no French name is known."""
    other = state.name if in_french(language) else state.name_fr or ""
    return "" if other == state_name(state, language) else other


def state_names(session: Session, language: str | None = None) -> dict[int, str]:
    """Every state's name in `language` by its id: one column read, no state rows."""
    rows = session.execute(select(State.id, state_name_column(language)))
    return {state_id: name for state_id, name in rows}  # noqa: C416


def state_name_column(language: str | None = None) -> SQLColumnExpression[str]:
    """`state_name` in SQL, for a query that reads state names without their rows."""
    if in_french(language):
        return func.coalesce(func.nullif(State.name_fr, ""), State.name)
    return State.name


def state_name_sql(alias: str, language: str | None = None) -> str:
    """`state_name` as SQL text over the state table aliased `alias` (the search's own
    queries are text)."""
    if in_french(language):
        return f"coalesce(nullif({alias}.name_fr, ''), {alias}.name)"
    return f"{alias}.name"


def find_state(session: Session, text: str) -> State | None:
    """A state by ISO 3166 alpha-2 or alpha-3 code, name (English or French) or alias."""
    key = valid_text(text.strip(), STATE)
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
    states = list(session.scalars(select(State).order_by(State.id)))
    for state in states:
        if fold(state.name) == folded or state.iso3 == key.upper() or state.iso2 == key.upper():
            return state
    return next((state for state in states if fold(state.name_fr or "") == folded), None)


class StateNames:
    """`find_state` for many names at once (an import of thousands of rows): the states,
    their codes and aliases read once, then each name found without a query."""

    def __init__(self, session: Session) -> None:
        states = list(session.scalars(select(State).order_by(State.id)))
        by_id = {state.id: state for state in states}
        self._codes = {code: state for state in states for code in (state.iso2, state.iso3)}
        self._names: dict[str, State] = {}
        for name, state in [(s.name, s) for s in states] + [(s.name_fr, s) for s in states]:
            if name:  # English names first: they win where a French name is the same
                self._names.setdefault(fold(name), state)
        self._aliases = {
            folded: by_id[state_id]
            for folded, state_id in session.execute(select(StateAlias.folded, StateAlias.state_id))
        }

    def find(self, text: str) -> State | None:
        """As `find_state`: a code, an alias, a name in English or French (accents and
        case aside)."""
        key = valid_text(text.strip(), STATE)
        if not key:
            return None
        if len(key) in (2, 3) and key.isalpha() and key.isupper() and key in self._codes:
            return self._codes[key]
        folded = fold(key)
        return self._aliases.get(folded) or self._names.get(folded) or self._codes.get(key.upper())


def state(session: Session, ref: str | int) -> State:
    if isinstance(ref, int):
        return get_live(session, State, ref, STATE)
    found = find_state(session, ref)
    if found is None:
        message = _("Unknown state '{state}': give an ISO code (e.g. KHM) or a name.")
        raise NotFoundError(message.format(state=ref))
    return found


def treaty(session: Session, code: str) -> Treaty:
    """The treaty of `code` (case ignored); a clear error for an unknown code, or for one
    that is not text (a NUL, which a PostgreSQL server refuses to even compare)."""
    valid_text(code, N_("treaty code"))
    found = session.scalar(select(Treaty).where(func.upper(Treaty.code) == code.upper()))
    if found is None:
        known = ", ".join(session.scalars(select(Treaty.code)))
        message = (
            _("Unknown treaty '{treaty}'; known treaties: {known}.")
            if known
            else _("Unknown treaty '{treaty}'; known treaties: none.")
        )
        raise NotFoundError(message.format(treaty=code, known=known))
    return found


def category(session: Session, ref: str | int) -> Category:
    if isinstance(ref, int):
        return get_live(session, Category, ref, N_("priority category"))
    slug = valid_text(ref.strip(), N_("category"))  # a NUL: a message, not the server's
    found = session.scalar(
        select(Category).where(Category.slug == slug, Category.deleted_at.is_(None))
    )
    if found is None:
        raise NotFoundError(_("Unknown priority category '{category}'.").format(category=ref))
    return found
