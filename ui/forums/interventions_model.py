"""A meeting's interventions as a Qt table model over `InterventionRecord`s."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QLocale,
    QModelIndex,
    QObject,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont

from outreach.domain.enums import InterventionStatus
from outreach.domain.records import InterventionRecord
from ui.forums.labels import STATUS_COLOURS, kind_label, status_label, time_slot
from ui.widgets.records_table import Index

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
ROW_ROLE = Qt.ItemDataRole.UserRole + 2
CONTEXT = "InterventionsModel"
NO_TIME = "9999"  # sorts interventions without a time slot last


class Column(IntEnum):
    TIME = 0
    KIND = 1
    TITLE = 2
    TARGETS = 3
    STATUS = 4
    LEAD = 5
    DEMARCHE = 6


HEADERS: dict[Column, object] = {
    Column.TIME: QT_TRANSLATE_NOOP("InterventionsModel", "Time"),
    Column.KIND: QT_TRANSLATE_NOOP("InterventionsModel", "Kind"),
    Column.TITLE: QT_TRANSLATE_NOOP("InterventionsModel", "Title"),
    Column.TARGETS: QT_TRANSLATE_NOOP("InterventionsModel", "Target states"),
    Column.STATUS: QT_TRANSLATE_NOOP("InterventionsModel", "Status"),
    Column.LEAD: QT_TRANSLATE_NOOP("InterventionsModel", "Lead"),
    Column.DEMARCHE: QT_TRANSLATE_NOOP("InterventionsModel", "Démarche"),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def short_slot(record: InterventionRecord) -> str:
    """ "Tue 11-30 10:00–10:30": a meeting lasts days, so the year goes without saying."""
    if record.starts_at is None:
        return ""
    text = f"{QLocale().dayName(record.starts_at.isoweekday(), QLocale.FormatType.ShortFormat)} "
    text += record.starts_at.strftime("%m-%d %H:%M")
    if record.ends_at is not None and record.ends_at.date() == record.starts_at.date():
        text += f"–{record.ends_at:%H:%M}"
    return text


class InterventionsModel(QAbstractTableModel):
    """Rows of interventions; `state_names` turns target ids into names."""

    def __init__(
        self, state_names: Callable[[tuple[int, ...]], str], parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._records: list[InterventionRecord] = []
        self._state_names = state_names

    def set_records(self, records: Sequence[InterventionRecord]) -> None:
        self.beginResetModel()
        self._records = list(records)
        self.endResetModel()

    def records(self) -> list[InterventionRecord]:
        return list(self._records)

    def record_at(self, row: int) -> InterventionRecord:
        return self._records[row]

    def row_of(self, intervention_id: int) -> int | None:
        for row, record in enumerate(self._records):
            if record.id == intervention_id:
                return row
        return None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._records)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Column)

    def _display(self, record: InterventionRecord, column: Column) -> str:
        if column == Column.TIME:
            return short_slot(record)
        if column == Column.KIND:
            return kind_label(record.kind)
        if column == Column.TITLE:
            return record.title
        if column == Column.TARGETS:
            return self._state_names(record.target_ids)
        if column == Column.LEAD:
            return record.lead_officer
        if column == Column.STATUS:
            return status_label(record.status)
        return _tr("#{0}").format(record.demarche_id) if record.demarche_id is not None else ""

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
        if role == ROW_ROLE:
            return record
        if role == SORT_ROLE:
            if column == Column.TIME:
                return record.starts_at.isoformat() if record.starts_at else NO_TIME
            if column == Column.STATUS:
                return list(InterventionStatus).index(record.status)
            return self._display(record, column).casefold()
        if role == Qt.ItemDataRole.ForegroundRole and column == Column.STATUS:
            return QBrush(QColor(STATUS_COLOURS[record.status]))
        if role == Qt.ItemDataRole.FontRole and record.status == InterventionStatus.DROPPED:
            font = QFont()
            font.setStrikeOut(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole and column == Column.TITLE:
            return record.talking_points or record.title
        if role == Qt.ItemDataRole.ToolTipRole and column == Column.TIME and record.starts_at:
            return _tr("{0}, on the meeting's clock ({1})").format(
                time_slot(record.starts_at, record.ends_at), record.timezone
            )
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(Column)
        ):
            return _tr(str(HEADERS[Column(section)]))
        return None
