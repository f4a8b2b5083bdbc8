"""A read-only table of a few dozen records, for detail tabs (contacts, log, history)."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from ui.widgets.export_list import install_export_action

#: a column number, or an IntEnum naming one (a page's Column)
Column = TypeVar("Column", bound=int)

T = TypeVar("T")
Index = QModelIndex | QPersistentModelIndex
#: the colour of what is overdue, in every list
OVERDUE_RED = "#c62828"
RECORD_ROLE = Qt.ItemDataRole.UserRole + 10


class HeadedTableModel(QAbstractTableModel):
    """A table model whose columns are headed by `header_labels()`: the one
    `headerData` of the application's lists."""

    def header_labels(self) -> Sequence[str]:
        """The columns' headers, translated, in order."""
        raise NotImplementedError

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        labels = self.header_labels()
        return labels[section] if 0 <= section < len(labels) else None


class RecordsModel(HeadedTableModel, Generic[T]):
    """Columns are (header, value-of-record) pairs; `warn` marks a row in red."""

    def __init__(
        self,
        columns: Sequence[tuple[str, Callable[[T], Any]]],
        warn: Callable[[T], bool] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._columns = list(columns)
        self._warn = warn
        self._records: list[T] = []

    def set_records(self, records: Sequence[T]) -> None:
        self.beginResetModel()
        self._records = list(records)
        self.endResetModel()

    def records(self) -> Sequence[T]:
        """The records shown, in their rows' order."""
        return tuple(self._records)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._records)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._records):
            return None
        record = self._records[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            value = self._columns[index.column()][1](record)
            return "" if value is None else str(value)
        if role == Qt.ItemDataRole.ForegroundRole and self._warn and self._warn(record):
            return QBrush(QColor(OVERDUE_RED))
        if role == RECORD_ROLE:
            return record
        return None

    def header_labels(self) -> Sequence[str]:
        return [header for header, _value in self._columns]


#: the rows a column measures to fit its contents: the first screenfuls (Qt's default,
#: 1,000, had the dashboard ask for 128,000 cells on each layout of the large demo)
FIT_ROWS = 100


def stretch_column(view: QTableView, column: int) -> None:
    """Give `column` the room left over; the others fit their contents (of the first
    FIT_ROWS rows)."""
    header = view.horizontalHeader()
    header.setResizeContentsPrecision(FIT_ROWS)
    header.setStretchLastSection(False)
    for section in range(header.count()):
        mode = (
            QHeaderView.ResizeMode.Stretch
            if section == column
            else QHeaderView.ResizeMode.ResizeToContents
        )
        header.setSectionResizeMode(section, mode)


def records_view(model: QAbstractTableModel, parent: QWidget) -> QTableView:
    view = QTableView(parent)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().setVisible(False)
    view.horizontalHeader().setStretchLastSection(True)
    view.setAlternatingRowColors(True)
    install_export_action(view, lambda: view.window().windowTitle() or "list")
    return view


def list_view(
    model: QAbstractItemModel,
    parent: QWidget,
    *,
    widths: Mapping[Column, int],
    export_name: Callable[[], str],
) -> QTableView:
    """A list of records: rows selected one at a time, not edited in place, columns of
    the widths given, and "Export this list" in the context menu."""
    view = QTableView(parent)
    view.setModel(model)
    install_export_action(view, export_name)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.verticalHeader().setVisible(False)
    header = view.horizontalHeader()
    header.setStretchLastSection(True)
    for column, width in widths.items():
        header.resizeSection(column, width)
    return view


def sortable_records_view(
    model: QAbstractItemModel,
    parent: QWidget,
    *,
    widths: Mapping[Column, int],
    sort_column: int,
    export_name: Callable[[], str],
) -> QTableView:
    """A page's main list: a `list_view` whose columns sort (by `sort_column` first) and
    move."""
    view = list_view(model, parent, widths=widths, export_name=export_name)
    view.horizontalHeader().setSectionsMovable(True)
    view.setSortingEnabled(True)
    view.sortByColumn(sort_column, Qt.SortOrder.AscendingOrder)
    return view
