"""Names for state and contact ids: states (all loaded once) and contacts (on demand),
and what the pickers (`ui.widgets.pickers`) offer to be typed.

A log entry, a démarche or an intervention carries state and contact ids. Tables show
names, so they need a cheap id -> name lookup: the ~200 states are read once through
`StateService.list_rows`; the contacts (20,000 in the large demo) are read one by one as
rows come into view and kept.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from weakref import WeakKeyDictionary

from outreach.domain.records import ContactRecord
from outreach.errors import NotFoundError, OutreachError
from outreach.folding import fold
from outreach.services.contacts import ContactService
from outreach.services.states import StateService


@dataclass(frozen=True, slots=True)
class Choice:
    """Something a user can pick by typing: an id, what is shown, and the folded text
    that typing is matched against (names, codes, aliases)."""

    id: int
    label: str
    keys: str

    def matches(self, needle: str) -> bool:
        return needle in self.keys


class StateNames:
    """Every state's display name (in the app's language), its name in the other
    language, ISO code and aliases, read once: typing "Cambodge" or "Cambodia" finds it."""

    def __init__(self, states: StateService) -> None:
        self._states = states
        self._loaded = False
        self._names: dict[int, str] = {}
        self._iso3: dict[int, str] = {}
        self._choices: list[Choice] = []

    def invalidate(self) -> None:
        self._loaded = False

    def _load(self) -> None:
        if self._loaded:
            return
        try:
            rows = self._states.list_rows()
        except OutreachError:
            return  # busy: ids are shown as "#12" until the next try
        self._names = {row.id: row.name for row in rows}
        self._iso3 = {row.id: row.iso3 for row in rows}
        self._choices = [
            Choice(
                row.id,
                f"{row.name} ({row.iso3})",
                " | ".join(
                    fold(key) for key in (row.name, row.other_name, row.iso3, *_aliases(row)) if key
                ),
            )
            for row in rows
        ]
        self._loaded = True

    def name(self, state_id: int) -> str:
        self._load()
        return self._names.get(state_id, f"#{state_id}")

    def iso3(self, state_id: int) -> str:
        self._load()
        return self._iso3.get(state_id, "")

    def names(self, state_ids: tuple[int, ...] | list[int]) -> str:
        return ", ".join(self.name(state_id) for state_id in state_ids)

    def choices(self) -> list[Choice]:
        """Every state, in name order."""
        self._load()
        return list(self._choices)

    def ids(self) -> list[int]:
        self._load()
        return [choice.id for choice in self._choices]

    def find(self, text: str) -> int | None:
        """The state meant by `text`: a name, ISO code or alias, exactly or as the only
        state whose names contain it."""
        needle = fold(text)
        if not needle:
            return None
        self._load()
        for choice in self._choices:
            if needle in choice.keys.split(" | "):
                return choice.id
        found = [choice.id for choice in self._choices if choice.matches(needle)]
        if len(found) == 1:
            return found[0]
        try:
            record = self._states.find(text)  # ISO alpha-2 codes and anything else it knows
        except OutreachError:
            return None
        return record.id if record is not None else None


def _aliases(row: object) -> tuple[str, ...]:
    return tuple(getattr(row, "aliases", ()) or ())


_STATE_NAMES: WeakKeyDictionary[StateService, StateNames] = WeakKeyDictionary()


def state_names_for(states: StateService) -> StateNames:
    """The state names read over `states`, shared by the pages and dialogs that pick or
    show states so the list is read once; the log page drops it when a state or alias
    changes."""
    names = _STATE_NAMES.get(states)
    if names is None:
        names = _STATE_NAMES[states] = StateNames(states)
    return names


class ContactNames:
    """Contact names by id, fetched the first time each is shown and then kept."""

    def __init__(self, contacts: ContactService, states: StateNames) -> None:
        self._contacts = contacts
        self._states = states
        self._labels: dict[int, str] = {}
        self._names: dict[int, str] = {}

    def invalidate(self) -> None:
        self._labels.clear()
        self._names.clear()

    def remember(self, record: ContactRecord) -> Choice:
        """Keep what a list already fetched; returns the contact as something to pick."""
        self._names[record.id] = record.full_name
        label = self.label_of(record)
        self._labels[record.id] = label
        keys = " | ".join(
            fold(key) for key in (record.full_name, record.position, record.email) if key
        )
        return Choice(record.id, label, keys)

    def label_of(self, record: ContactRecord) -> str:
        where = self._states.iso3(record.state_id) if record.state_id is not None else ""
        details = ", ".join(part for part in (record.position, where) if part)
        return f"{record.full_name} ({details})" if details else record.full_name

    def _fetch(self, contact_id: int) -> bool:
        try:
            self.remember(self._contacts.get(contact_id))
        except NotFoundError:
            self._names[contact_id] = self._labels[contact_id] = f"#{contact_id}"
        except OutreachError:
            return False  # busy: try again next time it is shown
        return True

    def prefetch(self, contact_ids: Iterable[int]) -> None:
        """Fetch, in one call, the names not yet known (e.g. for a page of the log)."""
        missing = {i for i in contact_ids if i not in self._names}
        if not missing:
            return
        try:
            for record in self._contacts.get_many(missing):
                self.remember(record)
        except OutreachError:
            return  # busy: each name is fetched when shown

    def name(self, contact_id: int) -> str:
        if contact_id not in self._names and not self._fetch(contact_id):
            return f"#{contact_id}"
        return self._names[contact_id]

    def label(self, contact_id: int) -> str:
        if contact_id not in self._labels and not self._fetch(contact_id):
            return f"#{contact_id}"
        return self._labels[contact_id]

    def names(self, contact_ids: tuple[int, ...] | list[int]) -> str:
        return ", ".join(self.name(contact_id) for contact_id in contact_ids)


_CONTACT_NAMES: WeakKeyDictionary[ContactService, ContactNames] = WeakKeyDictionary()


def contact_names_for(contacts: ContactService, states: StateService) -> ContactNames:
    """The contact names read over `contacts`, shared like `state_names_for`."""
    names = _CONTACT_NAMES.get(contacts)
    if names is None:
        names = _CONTACT_NAMES[contacts] = ContactNames(contacts, state_names_for(states))
    return names
