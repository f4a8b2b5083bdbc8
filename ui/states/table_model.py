"""The states list as a Qt table model over `StateRow` records."""

from __future__ import annotations

from datetime import date
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from outreach.domain.records import StateRow
from outreach.domain.vocabulary import label
from outreach.folding import fold
from outreach.reference.names import shipped_name
from ui.widgets.overdue import OVERDUE_RED, overdue_text
from ui.widgets.records_table import HeadedTableModel, Index

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
ROW_ROLE = Qt.ItemDataRole.UserRole + 2
SEARCH_ROLE = Qt.ItemDataRole.UserRole + 3


class Column(IntEnum):
    NAME = 0
    ISO3 = 1
    REGION = 2
    STATUS = 3
    SIGNED = 4
    CONSENT = 5
    IN_FORCE = 6
    CATEGORIES = 7
    STANCE = 8
    LAST_CONTACT = 9
    NEXT_FOLLOW_UP = 10
    OPEN_DEMARCHES = 11


def _tr(text: object) -> str:
    """A text marked with QT_TRANSLATE_NOOP in this module, translated."""
    return QCoreApplication.translate("StatesTableModel", str(text))


HEADERS = {
    Column.NAME: QT_TRANSLATE_NOOP("StatesTableModel", "State"),
    Column.ISO3: QT_TRANSLATE_NOOP("StatesTableModel", "ISO"),
    Column.REGION: QT_TRANSLATE_NOOP("StatesTableModel", "Region"),
    Column.STATUS: QT_TRANSLATE_NOOP("StatesTableModel", "Status"),
    Column.SIGNED: QT_TRANSLATE_NOOP("StatesTableModel", "Signed"),
    Column.CONSENT: QT_TRANSLATE_NOOP("StatesTableModel", "Consent"),
    Column.IN_FORCE: QT_TRANSLATE_NOOP("StatesTableModel", "In force"),
    Column.CATEGORIES: QT_TRANSLATE_NOOP("StatesTableModel", "Categories"),
    Column.STANCE: QT_TRANSLATE_NOOP("StatesTableModel", "Stance"),
    Column.LAST_CONTACT: QT_TRANSLATE_NOOP("StatesTableModel", "Last contact"),
    Column.NEXT_FOLLOW_UP: QT_TRANSLATE_NOOP("StatesTableModel", "Next follow-up"),
    Column.OPEN_DEMARCHES: QT_TRANSLATE_NOOP("StatesTableModel", "Open démarches"),
}


def _raw(row: StateRow, column: Column) -> Any:
    return {
        Column.NAME: row.name,
        Column.ISO3: row.iso3,
        Column.REGION: shipped_name(row.subregion or row.region),
        Column.STATUS: row.status.value,
        Column.SIGNED: row.signed_on,
        Column.CONSENT: row.consent_on,
        Column.IN_FORCE: row.in_force_on,
        Column.CATEGORIES: ", ".join(row.categories),
        Column.STANCE: row.stance.value,
        Column.LAST_CONTACT: row.last_contact_on,
        Column.NEXT_FOLLOW_UP: row.next_follow_up_on,
        Column.OPEN_DEMARCHES: row.open_demarches,
    }[column]


def _shown(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def _follow_up_overdue(row: StateRow) -> bool:
    due = row.next_follow_up_on
    return due is not None and due < date.today()


class StatesTableModel(HeadedTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[StateRow] = []

    def set_rows(self, rows: list[StateRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> StateRow:
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Column)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row, column = self._rows[index.row()], Column(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            value = _raw(row, column)
            if column == Column.STATUS:
                return label(row.status)
            if column == Column.STANCE:
                return label(row.stance)
            if column == Column.NEXT_FOLLOW_UP:
                return overdue_text(_shown(value), _follow_up_overdue(row))
            return _shown(value)
        if role == SORT_ROLE:
            value = _raw(row, column)
            if isinstance(value, date):
                return value.isoformat()
            if isinstance(value, str):  # folded: « Égypte » before « El Salvador »
                return fold(value)
            return value if value is not None else ""
        if role == Qt.ItemDataRole.ForegroundRole and column == Column.NEXT_FOLLOW_UP:
            return QBrush(QColor(OVERDUE_RED)) if _follow_up_overdue(row) else None
        if role == SEARCH_ROLE:
            return " ".join((row.name, row.other_name, row.iso3, *row.aliases, *row.categories))
        if role == ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.ToolTipRole and column == Column.NAME:
            return f"{row.name} ({row.iso3})"
        return None

    def header_labels(self) -> list[str]:
        return [_tr(HEADERS[column]) for column in Column]
