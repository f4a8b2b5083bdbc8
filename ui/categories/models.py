"""Table models for priority categories and their members."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject, Qt
from PySide6.QtGui import QColor, QIcon, QPixmap

from outreach.domain.enums import CategoryKind
from outreach.domain.records import CategoryMemberRecord, CategoryRecord
from outreach.domain.vocabulary import label
from ui.widgets.filtered_records import (
    ROW_ROLE,
    SORT_ROLE,
    FilteredRecordsModel,
    fold_fast,
)
from ui.widgets.records_table import Index

__all__ = [
    "ROW_ROLE",
    "SORT_ROLE",
    "CategoriesTableModel",
    "CategoryColumn",
    "MemberColumn",
    "MembersTableModel",
    "kind_label",
    "swatch",
]


def kind_label(kind: CategoryKind) -> str:
    return label(kind)


def swatch(colour: str, size: int = 14) -> QIcon:
    """A small square of `colour`, for lists and buttons."""
    pixmap = QPixmap(size, size)
    pixmap.fill(QColor(colour))
    return QIcon(pixmap)


class CategoryColumn(IntEnum):
    NAME = 0
    KIND = 1
    MEMBERS = 2


class CategoriesTableModel(FilteredRecordsModel[CategoryRecord]):
    """Categories with a colour swatch, their kind and how many states they hold."""

    CONTEXT = "CategoriesTableModel"
    HEADERS = (
        QT_TRANSLATE_NOOP("CategoriesTableModel", "Category"),
        QT_TRANSLATE_NOOP("CategoriesTableModel", "Kind"),
        QT_TRANSLATE_NOOP("CategoriesTableModel", "States"),
    )

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._counts: Mapping[str, int] = {}
        self._icons: dict[str, QIcon] = {}

    def set_rows(self, categories: Sequence[CategoryRecord], counts: Mapping[str, int]) -> None:
        """Show `categories`; `counts` gives each slug's number of member states."""
        self._counts = dict(counts)
        self._icons = {}
        self.set_records(categories)

    def count_of(self, category: CategoryRecord) -> int:
        return self._counts.get(category.slug, 0)

    def display(self, record: CategoryRecord, column: int) -> str:
        match column:
            case CategoryColumn.NAME:
                return record.name
            case CategoryColumn.KIND:
                return kind_label(record.kind)
            case CategoryColumn.MEMBERS:
                return str(self.count_of(record))
        return ""

    def sort_key(self, record: CategoryRecord, column: int) -> Any:
        if column == CategoryColumn.MEMBERS:
            return self.count_of(record)
        return fold_fast(self.display(record, column))

    def search_text(self, record: CategoryRecord) -> str:
        return f"{record.name} | {record.slug} | {record.description}"

    def extra_data(self, record: CategoryRecord, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DecorationRole and column == CategoryColumn.NAME:
            if record.colour not in self._icons:
                self._icons[record.colour] = swatch(record.colour)
            return self._icons[record.colour]
        if role == Qt.ItemDataRole.ToolTipRole and column == CategoryColumn.NAME:
            return record.description or record.name
        if role == Qt.ItemDataRole.TextAlignmentRole and column == CategoryColumn.MEMBERS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class MemberColumn(IntEnum):
    STATE = 0
    ISO3 = 1
    RATIONALE = 2


class _Member:
    """A member record with the `id` the filtered model keys rows by (the state's)."""

    __slots__ = ("id", "record")

    def __init__(self, record: CategoryMemberRecord) -> None:
        self.id = record.state_id
        self.record = record


class MembersTableModel(FilteredRecordsModel[_Member]):
    """A category's member states with the rationale for each."""

    CONTEXT = "MembersTableModel"
    HEADERS = (
        QT_TRANSLATE_NOOP("MembersTableModel", "State"),
        QT_TRANSLATE_NOOP("MembersTableModel", "ISO"),
        QT_TRANSLATE_NOOP("MembersTableModel", "Rationale"),
    )

    def set_members(self, members: Sequence[CategoryMemberRecord]) -> None:
        self.set_records([_Member(member) for member in members])

    def member_at(self, row: int) -> CategoryMemberRecord:
        return self.record_at(row).record

    def members(self) -> list[CategoryMemberRecord]:
        return [member.record for member in self.records()]

    def display(self, record: _Member, column: int) -> str:
        member = record.record
        match column:
            case MemberColumn.STATE:
                return member.state_name
            case MemberColumn.ISO3:
                return member.iso3
            case MemberColumn.RATIONALE:
                return member.rationale
        return ""

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        value = super().data(index, role)
        return value.record if isinstance(value, _Member) else value

    def search_text(self, record: _Member) -> str:
        return f"{record.record.state_name} | {record.record.iso3}"

    def extra_data(self, record: _Member, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ToolTipRole and column == MemberColumn.RATIONALE:
            return record.record.rationale
        return None
