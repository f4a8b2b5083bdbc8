"""The démarches list as a Qt table model over `DemarcheRecord`s.

Cells show human labels; `SORT_ROLE` gives raw values (the status as its lifecycle
rank, dates as ISO text, empty dates last when ascending), `ROW_ROLE` the record.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import date
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from outreach.domain.records import DemarcheRecord
from ui.demarches.labels import action_label, channel_label, level_label, status_label
from ui.widgets.dates import iso_day
from ui.widgets.records_table import OVERDUE_RED, Index

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
ROW_ROLE = Qt.ItemDataRole.UserRole + 2
NO_DATE = "9999-12-31"  # sorts an empty date after every real one

CONTEXT = "DemarchesTableModel"


class Column(IntEnum):
    STATE = 0
    TITLE = 1
    ACTION = 2
    CHANNEL = 3
    LEVEL = 4
    STATUS = 5
    PLANNED = 6
    DUE = 7
    OFFICER = 8


HEADERS: dict[Column, object] = {
    Column.STATE: QT_TRANSLATE_NOOP("DemarchesTableModel", "State"),
    Column.TITLE: QT_TRANSLATE_NOOP("DemarchesTableModel", "Title"),
    Column.ACTION: QT_TRANSLATE_NOOP("DemarchesTableModel", "Requested action"),
    Column.CHANNEL: QT_TRANSLATE_NOOP("DemarchesTableModel", "Channel"),
    Column.LEVEL: QT_TRANSLATE_NOOP("DemarchesTableModel", "Level"),
    Column.STATUS: QT_TRANSLATE_NOOP("DemarchesTableModel", "Status"),
    Column.PLANNED: QT_TRANSLATE_NOOP("DemarchesTableModel", "Planned"),
    Column.DUE: QT_TRANSLATE_NOOP("DemarchesTableModel", "Due"),
    Column.OFFICER: QT_TRANSLATE_NOOP("DemarchesTableModel", "Officer"),
}


def is_overdue(record: DemarcheRecord, today: date) -> bool:
    """Open and due before today."""
    return record.status.is_open and record.due_on is not None and record.due_on < today


class DemarchesTableModel(QAbstractTableModel):
    """Rows of démarches; `state_names` maps state ids to the names shown."""

    def __init__(
        self, parent: QObject | None = None, today: Callable[[], date] = date.today
    ) -> None:
        super().__init__(parent)
        self._records: list[DemarcheRecord] = []
        self._state_names: Mapping[int, str] = {}
        self._today = today

    def set_records(
        self, records: Sequence[DemarcheRecord], state_names: Mapping[int, str] | None = None
    ) -> None:
        self.beginResetModel()
        self._records = list(records)
        if state_names is not None:
            self._state_names = dict(state_names)
        self.endResetModel()

    def record_at(self, row: int) -> DemarcheRecord:
        return self._records[row]

    def row_of(self, demarche_id: int) -> int | None:
        for row, record in enumerate(self._records):
            if record.id == demarche_id:
                return row
        return None

    def records(self) -> list[DemarcheRecord]:
        return list(self._records)

    def state_name(self, state_id: int) -> str:
        return self._state_names.get(state_id, f"#{state_id}")

    # --- cells ---------------------------------------------------------------------------

    def _display(self, record: DemarcheRecord, column: Column) -> str:
        if column == Column.STATE:
            return self.state_name(record.state_id)
        if column == Column.TITLE:
            return record.title
        if column == Column.ACTION:
            return action_label(record.requested_action)
        if column == Column.CHANNEL:
            return channel_label(record.channel)
        if column == Column.LEVEL:
            return level_label(record.level)
        if column == Column.STATUS:
            return status_label(record.status)
        if column == Column.PLANNED:
            return iso_day(record.planned_on)
        if column == Column.DUE:
            return iso_day(record.due_on)
        return record.officer

    def _sort_value(self, record: DemarcheRecord, column: Column) -> Any:
        if column == Column.STATUS:
            return record.status.rank
        if column == Column.PLANNED:
            return iso_day(record.planned_on) or NO_DATE
        if column == Column.DUE:
            return iso_day(record.due_on) or NO_DATE
        if column == Column.ACTION:
            return record.requested_action
        if column == Column.CHANNEL:
            return record.channel
        if column == Column.LEVEL:
            return record.level
        return self._display(record, column).casefold()

    # --- QAbstractItemModel --------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._records)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Column)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (
            not index.isValid()
            or not 0 <= index.row() < len(self._records)
            or not 0 <= index.column() < len(Column)
        ):
            return None
        record, column = self._records[index.row()], Column(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(record, column)
        if role == SORT_ROLE:
            return self._sort_value(record, column)
        if role == ROW_ROLE:
            return record
        if column == Column.DUE and is_overdue(record, self._today()):
            if role == Qt.ItemDataRole.ForegroundRole:
                return QBrush(QColor(OVERDUE_RED))
            if role == Qt.ItemDataRole.ToolTipRole:
                return QCoreApplication.translate(CONTEXT, "Overdue")
        if role == Qt.ItemDataRole.ToolTipRole and column in (Column.TITLE, Column.STATUS):
            if column == Column.STATUS and record.status_reason:
                return record.status_reason
            if column == Column.TITLE:
                return record.title
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(Column)
        ):
            return QCoreApplication.translate(CONTEXT, str(HEADERS[Column(section)]))
        return None
