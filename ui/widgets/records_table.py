"""A read-only table of a few dozen records, for detail tabs (contacts, log, history)."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from ui.pages import RESTORED
from ui.widgets.export_list import install_export_action
from ui.widgets.overdue import OVERDUE_RED

#: a column number, or an IntEnum naming one (a page's Column)
Column = TypeVar("Column", bound=int)

T = TypeVar("T")
Index = QModelIndex | QPersistentModelIndex
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
    view.setTabKeyNavigation(False)  # Tab leaves the list (arrows move in it)
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
    view.setTabKeyNavigation(False)  # Tab leaves the list (arrows move in it)
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


#: the widest another column is made to fit its content; the key column comes first
FIT_MAX = 240
KEY_MAX = 420  # the key column's text, whole up to this
FIT_FLOOR = 110  # what a column keeps when the room is short (a date, a kind: all of it)
PADDING = 18  # a cell's margins and a little air


def content_width(view: QTableView, column: int) -> int:
    """What `column`'s header and widest text (of the rows measured) need."""
    return max(view.sizeHintForColumn(column), view.horizontalHeader().sectionSizeHint(column))


def typical_width(view: QTableView, column: int) -> int:
    """The width the middle text of `column` needs (over the first FIT_ROWS rows)."""
    model = view.model()
    metrics = view.fontMetrics()
    widths = sorted(
        metrics.horizontalAdvance(str(model.index(row, column).data() or ""))
        for row in range(min(model.rowCount(), FIT_ROWS))
    )
    return (widths[len(widths) // 2] + PADDING) if widths else 0


class FirstFit(QObject):
    """On a first start (no widths remembered), once the list shows rows: the key column
    (a name, a title, a summary) as wide as its typical text at least, the others as
    wide as their content (up to FIT_MAX, less when the room is short), the key column
    taking what is left. Done once; the officer's own widths are remembered after."""

    def __init__(self, view: QTableView, key: int) -> None:
        super().__init__(view)
        self._view = view
        self._key = key
        self._done = False
        self._model = view.model()
        for signal in (self._model.modelReset, self._model.rowsInserted, self._model.layoutChanged):
            signal.connect(self._soon)
        view.installEventFilter(self)

    def _stop_watching(self) -> None:
        """Fitted (or the officer's widths came back): nothing more to watch."""
        self._view.removeEventFilter(self)
        for signal in (self._model.modelReset, self._model.rowsInserted, self._model.layoutChanged):
            signal.disconnect(self._soon)

    def _soon(self, *_args: object) -> None:
        QTimer.singleShot(0, self.fit)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.Show, QEvent.Type.Resize):
            self._soon()
        return super().eventFilter(watched, event)

    def fit(self) -> None:
        view, key = self._view, self._key
        header = view.horizontalHeader()
        room = view.viewport().width()
        if self._done:
            return
        if header.property(RESTORED):  # the officer's own widths came back: keep them
            self._done = True
            self._stop_watching()
            return
        if not view.isVisible() or view.model().rowCount() == 0 or room < 200:
            return
        self._done = True
        self._stop_watching()
        header.setResizeContentsPrecision(FIT_ROWS)
        want = {
            column: min(
                max(view.sizeHintForColumn(column), header.sectionSizeHint(column)), FIT_MAX
            )
            for column in range(header.count())
            if column != key and not header.isSectionHidden(column)
        }
        key_width = max(typical_width(view, key), min(content_width(view, key), KEY_MAX))
        others = sum(want.values())
        if others > room - key_width > 0:  # short of room: the others give, not the key
            want = _narrowed(want, room - key_width)
        for column, width in want.items():
            header.resizeSection(column, width)
        header.resizeSection(key, max(key_width, room - sum(want.values())))


def _narrowed(want: dict[int, int], room: int) -> dict[int, int]:
    """The widths `want` made to fit `room` where they can: the wide columns give up
    what they have above FIT_FLOOR, in proportion; a short column (a date) keeps its
    width."""
    floors = {column: min(width, FIT_FLOOR) for column, width in want.items()}
    spare = sum(want.values()) - sum(floors.values())
    excess = sum(want.values()) - room
    if spare <= 0:
        return want
    share = min(excess / spare, 1.0)
    return {column: int(width - (width - floors[column]) * share) for column, width in want.items()}


def fit_first(view: QTableView, key: int) -> FirstFit:
    """Fit `view`'s columns to their content on a first start (see FirstFit)."""
    return FirstFit(view, key)
