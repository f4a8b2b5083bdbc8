"""A meeting's interventions as a Qt table model over `InterventionRecord`s."""

from __future__ import annotations

from collections.abc import Callable
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLocale, QObject, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from outreach.domain.enums import InterventionStatus
from outreach.domain.records import InterventionRecord
from ui.forums.labels import STATUS_COLOURS, kind_label, status_label, time_slot
from ui.widgets.filtered_records import ROW_ROLE, SORT_ROLE, FilteredRecordsModel, fold_fast

__all__ = ["ROW_ROLE", "SORT_ROLE", "Column", "InterventionsModel", "short_slot"]
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


def short_slot(record: InterventionRecord) -> str:
    """ "Tue 11-30 10:00–10:30": a meeting lasts days, so the year goes without saying."""
    if record.starts_at is None:
        return ""
    text = f"{QLocale().dayName(record.starts_at.isoweekday(), QLocale.FormatType.ShortFormat)} "
    text += record.starts_at.strftime("%m-%d %H:%M")
    if record.ends_at is not None and record.ends_at.date() == record.starts_at.date():
        text += f"–{record.ends_at:%H:%M}"
    return text


class InterventionsModel(FilteredRecordsModel[InterventionRecord]):
    """Rows of interventions; `state_names` turns target ids into names."""

    CONTEXT = CONTEXT
    HEADERS = tuple(HEADERS[column] for column in Column)

    def __init__(
        self, state_names: Callable[[tuple[int, ...]], str], parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._state_names = state_names

    def display(self, record: InterventionRecord, column: int) -> str:
        match column:
            case Column.TIME:
                return short_slot(record)
            case Column.KIND:
                return kind_label(record.kind)
            case Column.TITLE:
                return record.title
            case Column.TARGETS:
                return self._state_names(record.target_ids)
            case Column.LEAD:
                return record.lead_officer
            case Column.STATUS:
                return status_label(record.status)
        return (
            QCoreApplication.translate("InterventionsModel", "#{0}").format(record.demarche_id)
            if record.demarche_id is not None
            else ""
        )

    def sort_key(self, record: InterventionRecord, column: int) -> Any:
        if column == Column.TIME:
            return record.starts_at.isoformat() if record.starts_at else NO_TIME
        if column == Column.STATUS:
            return list(InterventionStatus).index(record.status)
        return fold_fast(self.display(record, column))

    def extra_data(self, record: InterventionRecord, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole and column == Column.STATUS:
            return QBrush(QColor(STATUS_COLOURS[record.status]))
        if role == Qt.ItemDataRole.FontRole and record.status == InterventionStatus.DROPPED:
            font = QFont()
            font.setStrikeOut(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole and column == Column.TITLE:
            return record.talking_points or record.title
        if role == Qt.ItemDataRole.ToolTipRole and column == Column.TIME and record.starts_at:
            return QCoreApplication.translate(
                "InterventionsModel", "{0}, on the meeting's clock ({1})"
            ).format(time_slot(record.starts_at, record.ends_at), record.timezone)
        return None
