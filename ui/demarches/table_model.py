"""The démarches list as a Qt table model over `DemarcheRecord`s.

Cells show human labels; `SORT_ROLE` gives raw values (the status as its lifecycle
rank, dates as ISO text, empty dates last when ascending), `ROW_ROLE` the record.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import date
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, Qt
from PySide6.QtGui import QBrush, QColor

from outreach.domain.records import DemarcheRecord
from ui.demarches.labels import action_label, channel_label, level_label, status_label
from ui.widgets.dates import iso_day
from ui.widgets.filtered_records import ROW_ROLE, SORT_ROLE, FilteredRecordsModel, fold_fast
from ui.widgets.overdue import OVERDUE_RED, overdue_text

__all__ = ["NO_DATE", "ROW_ROLE", "SORT_ROLE", "Column", "DemarchesTableModel", "is_overdue"]
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


class DemarchesTableModel(FilteredRecordsModel[DemarcheRecord]):
    """Rows of démarches; `state_names` maps state ids to the names shown. The filter
    line matches the columns' texts, the state's code and the talking points; the board
    shows what it keeps (`matching`)."""

    CONTEXT = CONTEXT
    HEADERS = tuple(HEADERS[column] for column in Column)

    def __init__(
        self, parent: QObject | None = None, today: Callable[[], date] = date.today
    ) -> None:
        super().__init__(parent)
        self._state_names: Mapping[int, str] = {}
        self._state_codes: Mapping[int, str] = {}
        self._today = today

    def set_records(
        self,
        records: Sequence[DemarcheRecord],
        state_names: Mapping[int, str] | None = None,
        state_codes: Mapping[int, str] | None = None,
    ) -> None:
        if state_names is not None:
            self._state_names = dict(state_names)
        if state_codes is not None:
            self._state_codes = dict(state_codes)
        super().set_records(records)

    def state_name(self, state_id: int) -> str:
        return self._state_names.get(state_id, f"#{state_id}")

    def state_names(self) -> Mapping[int, str]:
        return self._state_names

    def search_text(self, record: DemarcheRecord) -> str:
        code = self._state_codes.get(record.state_id, "")
        return " | ".join((super().search_text(record), code, record.talking_points))

    def display(self, record: DemarcheRecord, column: int) -> str:
        match column:
            case Column.STATE:
                return self.state_name(record.state_id)
            case Column.TITLE:
                return record.title
            case Column.ACTION:
                return action_label(record.requested_action)
            case Column.CHANNEL:
                return channel_label(record.channel)
            case Column.LEVEL:
                return level_label(record.level)
            case Column.STATUS:
                return status_label(record.status)
            case Column.PLANNED:
                return iso_day(record.planned_on)
            case Column.DUE:
                return overdue_text(iso_day(record.due_on), is_overdue(record, self._today()))
        return record.officer

    def sort_key(self, record: DemarcheRecord, column: int) -> Any:
        match column:
            case Column.STATUS:
                return record.status.rank
            case Column.PLANNED:
                return iso_day(record.planned_on) or NO_DATE
            case Column.DUE:
                return iso_day(record.due_on) or NO_DATE
            case Column.ACTION:
                return record.requested_action
            case Column.CHANNEL:
                return record.channel
            case Column.LEVEL:
                return record.level
        return fold_fast(self.display(record, column))

    def extra_data(self, record: DemarcheRecord, column: int, role: int) -> Any:
        if column == Column.DUE and is_overdue(record, self._today()):
            if role == Qt.ItemDataRole.ForegroundRole:
                return QBrush(QColor(OVERDUE_RED))
            if role == Qt.ItemDataRole.ToolTipRole:
                return QCoreApplication.translate("DemarchesTableModel", "Overdue")
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == Column.STATUS and record.status_reason:
                return record.status_reason
            if column == Column.TITLE:
                return record.title
        return None
