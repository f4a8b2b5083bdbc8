"""The organizations list as a Qt table model over `OrganizationRecord`s."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject, Qt

from outreach.domain.enums import OrganizationKind
from outreach.domain.records import OrganizationRecord
from outreach.domain.vocabulary import label_of
from ui.widgets.filtered_records import ROW_ROLE, SORT_ROLE, FilteredRecordsModel

__all__ = ["ROW_ROLE", "SORT_ROLE", "Column", "OrganizationsTableModel", "kind_label"]


class Column(IntEnum):
    NAME = 0
    KIND = 1
    STATE = 2
    CITY = 3


def kind_label(kind: str) -> str:
    """An organization kind as the user reads it."""
    return label_of(OrganizationKind, kind)


class OrganizationsTableModel(FilteredRecordsModel[OrganizationRecord]):
    CONTEXT = "OrganizationsTableModel"
    HEADERS = (
        QT_TRANSLATE_NOOP("OrganizationsTableModel", "Name"),
        QT_TRANSLATE_NOOP("OrganizationsTableModel", "Kind"),
        QT_TRANSLATE_NOOP("OrganizationsTableModel", "State"),
        QT_TRANSLATE_NOOP("OrganizationsTableModel", "City"),
    )

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._states: Mapping[int, str] = {}

    def set_rows(
        self, organizations: Sequence[OrganizationRecord], states: Mapping[int, str]
    ) -> None:
        """Show `organizations`; `states` names the state ids they hold."""
        self._states = dict(states)
        self.set_records(organizations)

    def state_name(self, organization: OrganizationRecord) -> str:
        if organization.state_id is None:
            return ""
        return self._states.get(organization.state_id, "")

    def display(self, record: OrganizationRecord, column: int) -> str:
        match column:
            case Column.NAME:
                return record.name
            case Column.KIND:
                return kind_label(record.kind)
            case Column.STATE:
                return self.state_name(record)
            case Column.CITY:
                return record.city
        return ""

    def search_text(self, record: OrganizationRecord) -> str:
        return " | ".join((record.name, self.state_name(record), record.city))

    def extra_data(self, record: OrganizationRecord, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ToolTipRole and column == Column.NAME:
            return record.name
        return None
