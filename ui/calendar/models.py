"""The calendar's Qt models over `CalendarItem`s: a month as a 6 × 7 grid of days, and the
agenda, one row per item in date order."""

from __future__ import annotations

import calendar as gregorian
from collections.abc import Hashable, Sequence
from datetime import date, timedelta
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

from outreach.domain.enums import CalendarKind, InterventionStatus
from outreach.domain.records import CalendarItem
from ui.forums.labels import calendar_kind_label, kind_label, status_label
from ui.widgets.filtered_records import FilteredRecordsModel
from ui.widgets.overdue import OVERDUE_RED, overdue_first, overdue_text
from ui.widgets.records_table import Index

DATE_ROLE = Qt.ItemDataRole.UserRole + 1
ITEMS_ROLE = Qt.ItemDataRole.UserRole + 2
WEEKS, DAYS = 6, 7


#: the colour of each kind of item (a chip's background in the month, a mark in the agenda)
KIND_COLOURS: dict[CalendarKind, str] = {
    CalendarKind.MEETING: "#1565c0",
    CalendarKind.INTERVENTION: "#2e7d32",
    CalendarKind.DEMARCHE: "#ef6c00",
    CalendarKind.FOLLOW_UP: "#6a1b9a",
}
MUTED = "#9e9e9e"


def item_colour(item: CalendarItem) -> QColor:
    if item.kind == CalendarKind.INTERVENTION and item.status == InterventionStatus.DROPPED:
        return QColor(MUTED)
    return QColor(KIND_COLOURS[item.kind])


def item_time(item: CalendarItem) -> str:
    """ "10:00–10:45" for a timed item, "" for an all-day one."""
    if item.starts_at is None:
        return ""
    if item.ends_at is None or item.ends_at.date() != item.starts_at.date():
        return item.starts_at.strftime("%H:%M")
    return f"{item.starts_at:%H:%M}–{item.ends_at:%H:%M}"


def item_line(item: CalendarItem) -> str:
    """How an item reads in a day of the month: its time, if any, and its title."""
    moment = item.starts_at.strftime("%H:%M") if item.starts_at else ""
    return f"{moment} {item.title}".strip()


def item_what(item: CalendarItem) -> str:
    """The kind, in words ("Bilateral", "Démarche due")."""
    if item.kind == CalendarKind.INTERVENTION:
        return QCoreApplication.translate("CalendarModels", "{0} ({1})").format(
            kind_label(item.intervention_kind), status_label(item.status)
        )
    return calendar_kind_label(item.kind)


def month_start(year: int, month: int) -> date:
    """The Monday on or before the first day of the month: the grid's first cell."""
    first = date(year, month, 1)
    return first - timedelta(days=first.weekday())


class MonthModel(QAbstractTableModel):
    """Six weeks from the Monday before the month's first day; each cell a day, holding
    the items on that day (`ITEMS_ROLE`) and its date (`DATE_ROLE`)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        today = date.today()
        self._year, self._month = today.year, today.month
        self._today = today
        self._items: list[CalendarItem] = []
        self._by_day: dict[date, list[CalendarItem]] = {}

    def year_month(self) -> tuple[int, int]:
        return self._year, self._month

    def first_day(self) -> date:
        return month_start(self._year, self._month)

    def last_day(self) -> date:
        return self.first_day() + timedelta(days=WEEKS * DAYS - 1)

    def set_month(self, year: int, month: int, items: Sequence[CalendarItem]) -> None:
        self.beginResetModel()
        self._year, self._month = year, month
        self._today = date.today()
        self._items = list(items)
        self._by_day = {}
        first, last = self.first_day(), self.last_day()
        for item in self._items:
            day = max(item.starts_on, first)
            while day <= min(item.ends_on, last):
                self._by_day.setdefault(day, []).append(item)
                day += timedelta(days=1)
        self.endResetModel()

    def day_at(self, row: int, column: int) -> date:
        return self.first_day() + timedelta(days=row * DAYS + column)

    def index_of(self, day: date) -> QModelIndex:
        offset = (day - self.first_day()).days
        if not 0 <= offset < WEEKS * DAYS:
            return QModelIndex()
        return self.index(offset // DAYS, offset % DAYS)

    def items_on(self, day: date) -> list[CalendarItem]:
        return list(self._by_day.get(day, []))

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else WEEKS

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else DAYS

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < WEEKS and 0 <= index.column() < DAYS):
            return None
        day = self.day_at(index.row(), index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return str(day.day)
        if role == DATE_ROLE:
            return day
        if role == ITEMS_ROLE:
            return self.items_on(day)
        if role == Qt.ItemDataRole.ToolTipRole:
            items = self._by_day.get(day, [])
            lines = [day.isoformat()]
            lines += [f"• {overdue_first(item_line(item), item.overdue)}" for item in items]
            return "\n".join(lines)
        if role == Qt.ItemDataRole.ForegroundRole and day.month != self._month:
            return QBrush(QColor(MUTED))
        if role == Qt.ItemDataRole.FontRole and day == self._today:
            font = QFont()
            font.setBold(True)
            return font
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < DAYS:
            return QLocale().dayName(section + 1, QLocale.FormatType.ShortFormat)
        if orientation == Qt.Orientation.Vertical and 0 <= section < WEEKS:
            return str(self.day_at(section, 0).isocalendar().week)
        return None

    def month_title(self) -> str:
        return f"{QLocale().standaloneMonthName(self._month)} {self._year}"

    def month_days(self) -> int:
        return gregorian.monthrange(self._year, self._month)[1]


class AgendaColumn(IntEnum):
    DATE = 0
    TIME = 1
    TITLE = 2
    WHAT = 3
    STATES = 4
    WHERE = 5


AGENDA_HEADERS: dict[AgendaColumn, object] = {
    AgendaColumn.DATE: QT_TRANSLATE_NOOP("AgendaModel", "Date"),
    AgendaColumn.TIME: QT_TRANSLATE_NOOP("AgendaModel", "Time"),
    AgendaColumn.TITLE: QT_TRANSLATE_NOOP("AgendaModel", "Title"),
    AgendaColumn.WHAT: QT_TRANSLATE_NOOP("AgendaModel", "What"),
    AgendaColumn.STATES: QT_TRANSLATE_NOOP("AgendaModel", "States"),
    AgendaColumn.WHERE: QT_TRANSLATE_NOOP("AgendaModel", "Where"),
}


def _day_text(item: CalendarItem) -> str:
    """ "2004-11-30", or a period: "2004-11-29 – 12-03" (the year once when it is one)."""
    if item.ends_on == item.starts_on:
        return item.starts_on.isoformat()
    end = (
        item.ends_on.strftime("%m-%d")
        if item.ends_on.year == item.starts_on.year
        else item.ends_on.isoformat()
    )
    return f"{item.starts_on.isoformat()} – {end}"


class AgendaModel(FilteredRecordsModel[CalendarItem]):
    """The items in date order (as given), one per row; an item is known by its kind and id."""

    CONTEXT = "AgendaModel"
    HEADERS = tuple(AGENDA_HEADERS[column] for column in AgendaColumn)

    def set_items(self, items: Sequence[CalendarItem]) -> None:
        self.set_records(items)

    def items(self) -> list[CalendarItem]:
        return self.records()

    def item_at(self, row: int) -> CalendarItem:
        return self.record_at(row)

    def key(self, record: CalendarItem) -> Hashable:
        return (record.kind, record.id)

    def row_of(self, key: Hashable, item_id: int | None = None) -> int | None:
        """The row of an item, by its key or by its kind and id: `row_of(kind, id)`."""
        return super().row_of(key if item_id is None else (key, item_id))

    def first_row_on_or_after(self, day: date) -> int | None:
        for row, item in enumerate(self.records()):
            if item.ends_on >= day:
                return row
        return None

    def display(self, record: CalendarItem, column: int) -> str:
        match column:
            case AgendaColumn.DATE:
                return overdue_text(_day_text(record), record.overdue)
            case AgendaColumn.TIME:
                return item_time(record)
            case AgendaColumn.WHAT:
                return item_what(record)
            case AgendaColumn.TITLE:
                return record.title
            case AgendaColumn.STATES:
                return record.state_names
        return record.location

    def extra_data(self, record: CalendarItem, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DecorationRole and column == AgendaColumn.TITLE:
            return item_colour(record)
        if (
            role == Qt.ItemDataRole.ForegroundRole
            and record.overdue
            and column == AgendaColumn.DATE
        ):
            return QBrush(QColor(OVERDUE_RED))
        if role == Qt.ItemDataRole.FontRole and record.status == InterventionStatus.DROPPED:
            font = QFont()
            font.setStrikeOut(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            return record.description or record.title
        return None
