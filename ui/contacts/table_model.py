"""The contacts list as a Qt table model over `ContactRecord`s.

Organization and state names come from id -> name maps given with the records; sorting
and the filter line (name, organization, state) run in the model, fast on 20,000 rows.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject, Qt

from outreach.domain.records import ContactRecord
from ui.widgets.filtered_records import ROW_ROLE, SORT_ROLE, FilteredRecordsModel, fold_fast

__all__ = ["ROW_ROLE", "SORT_ROLE", "Column", "ContactsTableModel", "display_name"]


class Column(IntEnum):
    NAME = 0
    POSITION = 1
    ORGANIZATION = 2
    STATE = 3
    EMAIL = 4
    PHONE = 5
    LANGUAGES = 6


def display_name(contact: ContactRecord) -> str:
    """'Family, Given' as the list shows and sorts it."""
    if contact.given_name:
        return f"{contact.family_name}, {contact.given_name}"
    return contact.family_name


class ContactsTableModel(FilteredRecordsModel[ContactRecord]):
    CONTEXT = "ContactsTableModel"
    HEADERS = (
        QT_TRANSLATE_NOOP("ContactsTableModel", "Name"),
        QT_TRANSLATE_NOOP("ContactsTableModel", "Position"),
        QT_TRANSLATE_NOOP("ContactsTableModel", "Organization"),
        QT_TRANSLATE_NOOP("ContactsTableModel", "State"),
        QT_TRANSLATE_NOOP("ContactsTableModel", "E-mail"),
        QT_TRANSLATE_NOOP("ContactsTableModel", "Phone"),
        QT_TRANSLATE_NOOP("ContactsTableModel", "Languages"),
    )

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._organizations: Mapping[int, str] = {}
        self._states: Mapping[int, str] = {}

    def set_rows(
        self,
        contacts: Sequence[ContactRecord],
        organizations: Mapping[int, str],
        states: Mapping[int, str],
    ) -> None:
        """Show `contacts`; `organizations` and `states` name the ids they hold."""
        self._organizations = dict(organizations)
        self._states = dict(states)
        self.set_records(contacts)

    def organization_name(self, contact: ContactRecord) -> str:
        if contact.organization_id is None:
            return ""
        return self._organizations.get(contact.organization_id, "")

    def state_name(self, contact: ContactRecord) -> str:
        if contact.state_id is None:
            return ""
        return self._states.get(contact.state_id, "")

    def display(self, record: ContactRecord, column: int) -> str:
        match column:
            case Column.NAME:
                return display_name(record)
            case Column.POSITION:
                return record.position
            case Column.ORGANIZATION:
                return self.organization_name(record)
            case Column.STATE:
                return self.state_name(record)
            case Column.EMAIL:
                return record.email
            case Column.PHONE:
                return record.phone
            case Column.LANGUAGES:
                return ", ".join(record.languages)
        return ""

    def sort_key(self, record: ContactRecord, column: int) -> Any:
        if column == Column.NAME:  # family name first, then given name, like the service
            return f"{fold_fast(record.family_name)}\x00{fold_fast(record.given_name)}"
        return fold_fast(self.display(record, column))

    def search_text(self, record: ContactRecord) -> str:
        return " | ".join(
            (record.full_name, self.organization_name(record), self.state_name(record))
        )

    def extra_data(self, record: ContactRecord, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ToolTipRole and column == Column.NAME:
            return record.full_name
        return None
