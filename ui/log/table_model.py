"""The contact log as a Qt table model that holds only what is in view.

The log can hold hundreds of thousands of entries, so the model never loads it whole:
`rowCount` is the service's `count(filter)`, and rows are fetched a page at a time with
`page(filter, offset, limit, sort)` as the view asks for them. Only a few pages are kept;
the least recently used page is dropped when another is needed. Sorting and filtering run
in the service's SQL (no QSortFilterProxyModel over this model).
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from datetime import date
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QModelIndex,
    QObject,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from outreach.domain.enums import LogKind
from outreach.domain.records import LogEntryRecord, LogFilter
from outreach.domain.vocabulary import label_of
from outreach.errors import OutreachError
from outreach.services.contact_log import ContactLogService, LogSort
from ui.widgets.overdue import OVERDUE_RED, overdue_text
from ui.widgets.records_table import HeadedTableModel, Index

ROW_ROLE = Qt.ItemDataRole.UserRole + 2

#: rows read at a time: a window's worth and more (a page of 200 took three times as
#: long to read, and the list is read again after every save)
PAGE_SIZE = 80
MAX_PAGES = 15


class Column(IntEnum):
    DATE = 0
    KIND = 1
    SUMMARY = 2
    STATES = 3
    CONTACTS = 4
    FOLLOW_UP = 5
    OFFICER = 6


HEADERS = {
    Column.DATE: QT_TRANSLATE_NOOP("LogTableModel", "Date"),
    Column.KIND: QT_TRANSLATE_NOOP("LogTableModel", "Kind"),
    Column.SUMMARY: QT_TRANSLATE_NOOP("LogTableModel", "Summary"),
    Column.STATES: QT_TRANSLATE_NOOP("LogTableModel", "States"),
    Column.CONTACTS: QT_TRANSLATE_NOOP("LogTableModel", "Contacts"),
    Column.FOLLOW_UP: QT_TRANSLATE_NOOP("LogTableModel", "Follow-up"),
    Column.OFFICER: QT_TRANSLATE_NOOP("LogTableModel", "Officer"),
}

#: the columns the service can sort by, and the name it knows them by
SORTABLE = {Column.DATE: "occurred_on", Column.KIND: "kind", Column.SUMMARY: "summary"}


def _tr(text: object) -> str:
    """A text marked with QT_TRANSLATE_NOOP in this module, translated."""
    return QCoreApplication.translate("LogTableModel", str(text))


def kind_label(kind: str) -> str:
    """The name of a log kind as people read it ("call" -> "Call")."""
    return label_of(LogKind, kind)


def follow_up_text(entry: LogEntryRecord) -> str:
    if entry.follow_up_done_on is not None:
        return QCoreApplication.translate("LogTableModel", "done {0}").format(
            entry.follow_up_done_on.isoformat()
        )
    return entry.follow_up_on.isoformat() if entry.follow_up_on else ""


def sort_column(sort: LogSort) -> Column:
    name = sort.value.split()[0]
    return next(column for column, known in SORTABLE.items() if known == name)


def sort_order(sort: LogSort) -> Qt.SortOrder:
    descending = sort.value.endswith("desc")
    return Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder


def _reversed(sort: LogSort) -> LogSort:
    column, direction = sort.value.split()
    return LogSort.by(column, descending=direction == "asc")


class LogTableModel(HeadedTableModel):
    """Rows of `LogEntryRecord`, fetched page by page from `ContactLogService`."""

    def __init__(
        self,
        log: ContactLogService,
        state_names: Callable[[tuple[int, ...]], str],
        contact_names: Callable[[tuple[int, ...]], str],
        *,
        today: Callable[[], date] = date.today,
        page_size: int = PAGE_SIZE,
        max_pages: int = MAX_PAGES,
        on_page: Callable[[list[LogEntryRecord]], None] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._on_page = on_page  # e.g. fetch a page's contact names in one call
        self._log = log
        self._state_names = state_names
        self._contact_names = contact_names
        self._today = today
        self._page_size = page_size
        self._max_pages = max_pages
        self._filter = LogFilter()
        self._sort = LogSort.OCCURRED_DESC
        self._count = 0
        self._pages: OrderedDict[int, list[LogEntryRecord]] = OrderedDict()
        #: how many pages were read from the service (for tests and curiosity)
        self.fetches = 0

    # --- what is shown ----------------------------------------------------------------

    @property
    def filter(self) -> LogFilter:
        return self._filter

    @property
    def sort_key(self) -> LogSort:
        return self._sort

    def set_filter(self, filters: LogFilter) -> None:
        """Show the entries matching `filters`. A filter the service refuses (a period
        that ends before it starts) raises its ValidationError and changes nothing."""
        count = self._log.count(filters)
        self.beginResetModel()
        self._filter = filters
        self._count = count
        self._pages.clear()
        self.endResetModel()

    def set_sort(self, sort: LogSort) -> None:
        if sort == self._sort:
            return
        self.beginResetModel()
        self._sort = sort
        self._pages.clear()
        self.endResetModel()

    def refresh(self) -> None:
        """Count and fetch again (after the log changed)."""
        try:
            count = self._log.count(self._filter)
        except OutreachError:
            count = self._count  # busy: keep the rows there were, fetched again
        self.beginResetModel()
        self._count = count
        self._pages.clear()
        self.endResetModel()

    def cached_rows(self) -> int:
        """How many rows the model holds right now."""
        return sum(len(rows) for rows in self._pages.values())

    def entry_at(self, row: int) -> LogEntryRecord | None:
        if not 0 <= row < self._count:
            return None
        rows = self._page(row // self._page_size)
        offset = row % self._page_size
        return rows[offset] if offset < len(rows) else None

    def row_of(self, entry_id: int, near: int = 0) -> int | None:
        """The row showing `entry_id`, looked for in the page around `near` and in the
        pages already held (never by reading the whole log)."""
        if self._count:
            self._page(max(0, min(near, self._count - 1)) // self._page_size)
        for number, rows in self._pages.items():
            for offset, entry in enumerate(rows):
                if entry.id == entry_id:
                    return number * self._page_size + offset
        return None

    # --- paging -----------------------------------------------------------------------

    def _page(self, number: int) -> list[LogEntryRecord]:
        rows = self._pages.get(number)
        if rows is not None:
            self._pages.move_to_end(number)
            return rows
        rows = self._fetch(number)
        if self._on_page is not None:
            self._on_page(rows)
        self._pages[number] = rows
        while len(self._pages) > self._max_pages:
            self._pages.popitem(last=False)
        return rows

    def _fetch(self, number: int) -> list[LogEntryRecord]:
        offset = number * self._page_size
        limit = min(self._page_size, self._count - offset)
        if limit <= 0:
            return []
        self.fetches += 1
        try:
            if offset > self._count // 2:
                # The far end of a long log: read it from the other end, where the
                # database's OFFSET has fewer rows to skip, and turn it round.
                back = self._count - offset - limit
                rows = self._log.page(self._filter, back, limit, _reversed(self._sort))
                return rows[::-1]
            return self._log.page(self._filter, offset, limit, self._sort)
        except OutreachError:
            return []  # busy or gone: shown blank, fetched again after the next refresh

    # --- QAbstractTableModel ------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._count

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Column)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in _ROLES:
            return None
        entry = self.entry_at(index.row())
        if entry is None:
            return None
        column = Column(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return self._shown(entry, column)
        if role == ROW_ROLE:
            return entry
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == Column.FOLLOW_UP and entry.follow_up_overdue_on(self._today()):
                return QBrush(QColor(OVERDUE_RED))
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == Column.SUMMARY:
                return entry.summary + (f"\n\n{entry.details}" if entry.details else "")
            if column == Column.FOLLOW_UP and entry.follow_up_overdue_on(self._today()):
                return QCoreApplication.translate(
                    "LogTableModel", "Overdue: the follow-up was due on {0}"
                ).format(entry.follow_up_on.isoformat() if entry.follow_up_on else "")
        return None

    def _shown(self, entry: LogEntryRecord, column: Column) -> str:
        if column == Column.DATE:
            return entry.occurred_on.isoformat()
        if column == Column.KIND:
            return kind_label(entry.kind)
        if column == Column.SUMMARY:
            return entry.summary
        if column == Column.STATES:
            return self._state_names(entry.state_ids)
        if column == Column.CONTACTS:
            return self._contact_names(entry.contact_ids)
        if column == Column.FOLLOW_UP:
            return overdue_text(follow_up_text(entry), entry.follow_up_overdue_on(self._today()))
        return entry.officer

    def header_labels(self) -> list[str]:
        return [_tr(HEADERS[column]) for column in Column]

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort in the service; columns it cannot sort by keep the current order."""
        try:
            name = SORTABLE[Column(column)]
        except (KeyError, ValueError):
            return
        self.set_sort(LogSort.by(name, descending=order == Qt.SortOrder.DescendingOrder))


_ROLES = frozenset(
    {
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.ForegroundRole,
        Qt.ItemDataRole.ToolTipRole,
        ROW_ROLE,
    }
)
