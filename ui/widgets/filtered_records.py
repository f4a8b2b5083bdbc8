"""A table model over records that sorts and filters by itself.

A QSortFilterProxyModel asks the source model for every cell it compares, one Python
call each: on 20,000 contacts a sort takes seconds and each keystroke in a filter line
a noticeable pause. This model sorts with Python's sort over precomputed keys and filters
on one folded text per record, both in milliseconds, and keeps selections (persistent
indexes) across a sort.

Subclasses say what the columns are (`HEADERS`, `display`, `sort_key`) and what the
filter line matches (`search_text`). A record is found again by its `key`: its `id`
unless a subclass says otherwise. The application's lists sit on this model and use the
sort and row roles defined here, once.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from typing import Any, ClassVar, Generic, Protocol, TypeVar, cast

from PySide6.QtCore import (
    QCoreApplication,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    Qt,
)
from PySide6.QtWidgets import QAbstractItemView

from outreach.folding import fold
from ui.widgets.records_table import HeadedTableModel, Index

SORT_ROLE = Qt.ItemDataRole.UserRole + 1  # raw values for sorting (text folded)
ROW_ROLE = Qt.ItemDataRole.UserRole + 2  # the record itself


class HasId(Protocol):
    @property
    def id(self) -> int: ...


R = TypeVar("R")
T = TypeVar("T")


def selected_row(view: QAbstractItemView) -> int | None:
    """The row selected in a single-selection view (None when none is)."""
    selection = view.selectionModel()
    rows = selection.selectedRows() if selection is not None else []
    return rows[0].row() if rows else None


def selected_data(view: QAbstractItemView, role: int, kind: type[T]) -> T | None:
    """What the selected row of a single-selection view holds under `role` (in its first
    column), when that is a `kind`; None when nothing is selected."""
    selection = view.selectionModel()
    rows = selection.selectedRows() if selection is not None else []
    value = rows[0].data(role) if rows else None
    return value if isinstance(value, kind) else None


def select_record(
    view: QAbstractItemView,
    model: FilteredRecordsModel[Any],
    record_id: Hashable | None,
    column: int,
) -> None:
    """Select and show the row of `record_id`; clear the selection when it is not shown."""
    row = model.row_of(record_id) if record_id is not None else None
    if row is None:
        view.clearSelection()
        view.setCurrentIndex(QModelIndex())
        return
    index = model.index(row, column)
    view.setCurrentIndex(index)
    view.selectionModel().select(
        index,
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
    )
    view.scrollTo(index)


def fold_fast(text: str) -> str:
    """`fold` (accents and case) with a quick path for plain ASCII, the common case."""
    return text.casefold() if text.isascii() else fold(text)


class FilteredRecordsModel(HeadedTableModel, Generic[R]):
    #: the column headers, translated in CONTEXT when shown
    HEADERS: ClassVar[Sequence[object]] = ()  # QT_TRANSLATE_NOOP(CONTEXT, ...) texts
    CONTEXT: ClassVar[str] = "FilteredRecordsModel"

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._all: list[R] = []
        self._shown: list[R] = []
        self._needle = ""
        self._haystacks: dict[Hashable, str] | None = None
        self._sort_column: int | None = None  # None: in the order given
        self._sort_order = Qt.SortOrder.AscendingOrder

    # --- what subclasses say ----------------------------------------------------------------

    def key(self, record: R) -> Hashable:
        """What tells a record from the others: its `id` unless a subclass says otherwise."""
        return cast(HasId, record).id

    def display(self, record: R, column: int) -> str:
        raise NotImplementedError

    def sort_key(self, record: R, column: int) -> Any:
        """A comparable value, never None (text: folded)."""
        return fold_fast(self.display(record, column))

    def search_text(self, record: R) -> str:
        """What the filter line is matched against (folded here, so return it plain):
        every column's text unless a subclass says otherwise."""
        return " | ".join(self.display(record, column) for column in range(len(self.HEADERS)))

    def extra_data(self, record: R, column: int, role: int) -> Any:
        """Other roles (tooltips, fonts) for subclasses; None by default."""
        return None

    # --- loading, filtering, sorting ----------------------------------------------------------

    def set_records(self, records: Sequence[R]) -> None:
        """Show these records (in the order given, until sorted), filtered as before."""
        self.beginResetModel()
        self._all = list(records)
        self._haystacks = None
        self._shown = self._filtered()
        self._sort_shown()
        self.endResetModel()

    def set_filter(self, text: str) -> None:
        """Keep the records whose search text holds `text` (ignoring case and accents)."""
        needle = fold_fast(text.strip())
        if needle == self._needle:
            return
        self.beginResetModel()
        self._needle = needle
        self._shown = self._filtered()
        self._sort_shown()
        self.endResetModel()

    def _filtered(self) -> list[R]:
        if not self._needle:
            return list(self._all)
        if self._haystacks is None:
            self._haystacks = {
                self.key(record): fold_fast(self.search_text(record)) for record in self._all
            }
        haystacks, needle = self._haystacks, self._needle
        return [record for record in self._all if needle in haystacks[self.key(record)]]

    def _sort_shown(self) -> None:
        column = self._sort_column
        if column is None:
            return
        self._shown.sort(
            key=lambda record: self.sort_key(record, column),
            reverse=self._sort_order == Qt.SortOrder.DescendingOrder,
        )

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < self.columnCount():
            return
        self.layoutAboutToBeChanged.emit()
        persistent = self.persistentIndexList()
        kept = [(self.key(self._shown[index.row()]), index.column()) for index in persistent]
        self._sort_column, self._sort_order = column, order
        self._sort_shown()
        rows = {self.key(record): row for row, record in enumerate(self._shown)}
        self.changePersistentIndexList(
            persistent, [self.index(rows[key], col) for key, col in kept]
        )
        self.layoutChanged.emit()

    # --- reading -------------------------------------------------------------------------

    def record_at(self, row: int) -> R:
        return self._shown[row]

    def row_of(self, key: Hashable) -> int | None:
        """The row showing the record whose `key` this is (None when it is not shown)."""
        for row, record in enumerate(self._shown):
            if self.key(record) == key:
                return row
        return None

    def remove(self, key: Hashable) -> None:
        """Forget one record, keeping the other rows (and their selection) where they are."""
        self._all = [record for record in self._all if self.key(record) != key]
        self._haystacks = None
        row = self.row_of(key)
        if row is not None:
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._shown[row]
            self.endRemoveRows()

    def total(self) -> int:
        """How many records are loaded, shown or not."""
        return len(self._all)

    def records(self) -> list[R]:
        """The records shown, in their order."""
        return list(self._shown)

    def matching(self) -> list[R]:
        """The records the filter keeps, in the order given (not sorted)."""
        return self._filtered()

    # --- QAbstractItemModel ------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._shown)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (
            not index.isValid()
            or not 0 <= index.row() < len(self._shown)
            or not 0 <= index.column() < len(self.HEADERS)
        ):
            return None
        record = self._shown[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.display(record, index.column())
        if role == SORT_ROLE:
            return self.sort_key(record, index.column())
        if role == ROW_ROLE:
            return record
        return self.extra_data(record, index.column(), role)

    def header_labels(self) -> Sequence[str]:
        return [QCoreApplication.translate(self.CONTEXT, str(header)) for header in self.HEADERS]
