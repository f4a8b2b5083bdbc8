"""Who is in the room, as a Qt tree model: priority categories, each with its states.

A top-level row is a category (its name, the number of its states in the room, its colour
as decoration); its children are `RoomRow`s. `ROW_ROLE` gives the RoomRow (None on a
category row), `GROUP_ROLE` the category slug, `SORT_ROLE` raw values.

Unlike the application's other lists this is a tree, so it does not sit on
`FilteredRecordsModel` (a flat table); it shares that model's roles, and `RoomProxy`
sorts and filters it (see there why a proxy).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractItemModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont

from outreach.domain.records import RoomGroup, RoomRow
from outreach.folding import fold
from ui.forums.labels import (
    TREATY_STATUS_COLOURS,
    stance_label,
    treaty_status_label,
)
from ui.widgets.filtered_records import ROW_ROLE, SORT_ROLE
from ui.widgets.overdue import OVERDUE_RED
from ui.widgets.records_table import Index

__all__ = [
    "GROUP_ROLE",
    "ROW_ROLE",
    "SORT_ROLE",
    "Column",
    "RoomModel",
    "RoomProxy",
    "group_title",
    "presence",
]

GROUP_ROLE = Qt.ItemDataRole.UserRole + 3
CONTEXT = "RoomModel"
NO_PARENT = 0  # the internal id of a category row; a state row holds its group's row + 1


class Column(IntEnum):
    STATE = 0
    STATUS = 1
    STANCE = 2
    LAST_CONTACT = 3
    OPEN_DEMARCHES = 4
    OVERDUE = 5
    PLANNED = 6
    PRESENCE = 7


HEADERS: dict[Column, object] = {
    Column.STATE: QT_TRANSLATE_NOOP("RoomModel", "State"),
    Column.STATUS: QT_TRANSLATE_NOOP("RoomModel", "Status"),
    Column.STANCE: QT_TRANSLATE_NOOP("RoomModel", "Stance"),
    Column.LAST_CONTACT: QT_TRANSLATE_NOOP("RoomModel", "Last contact"),
    Column.OPEN_DEMARCHES: QT_TRANSLATE_NOOP("RoomModel", "Démarches"),
    Column.OVERDUE: QT_TRANSLATE_NOOP("RoomModel", "Overdue"),
    Column.PLANNED: QT_TRANSLATE_NOOP("RoomModel", "Planned"),
    Column.PRESENCE: QT_TRANSLATE_NOOP("RoomModel", "In the room as"),
}

HEADER_TIPS: dict[Column, object] = {
    Column.STATUS: QT_TRANSLATE_NOOP("RoomModel", "Treaty status on the meeting's first day"),
    Column.LAST_CONTACT: QT_TRANSLATE_NOOP("RoomModel", "The last contact logged"),
    Column.OPEN_DEMARCHES: QT_TRANSLATE_NOOP("RoomModel", "Open démarches to the state"),
    Column.OVERDUE: QT_TRANSLATE_NOOP("RoomModel", "Follow-ups past their date"),
    Column.PLANNED: QT_TRANSLATE_NOOP("RoomModel", "Interventions planned for it here"),
    Column.PRESENCE: QT_TRANSLATE_NOOP(
        "RoomModel", "A member of the forum, or a state announced as attending"
    ),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def group_title(group: RoomGroup) -> str:
    name = (
        group.name
        if group.slug
        else QCoreApplication.translate("RoomModel", "In no priority category")
    )
    return QCoreApplication.translate("RoomModel", "{0} ({1})").format(name, len(group.rows))


def presence(row: RoomRow) -> str:
    if row.member and row.attendee:
        return QCoreApplication.translate("RoomModel", "Member, announced")
    return (
        QCoreApplication.translate("RoomModel", "Member")
        if row.member
        else QCoreApplication.translate("RoomModel", "Attendee")
    )


def _count(value: int) -> str:
    return str(value) if value else ""


class RoomModel(QAbstractItemModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._groups: list[RoomGroup] = []

    def set_groups(self, groups: Sequence[RoomGroup]) -> None:
        self.beginResetModel()
        self._groups = list(groups)
        self.endResetModel()

    def groups(self) -> list[RoomGroup]:
        return list(self._groups)

    def group_row(self, slug: str) -> int | None:
        for row, group in enumerate(self._groups):
            if group.slug == slug:
                return row
        return None

    def state_ids(self) -> set[int]:
        return {row.state_id for group in self._groups for row in group.rows}

    # --- structure -----------------------------------------------------------------------

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, NO_PARENT)
        if parent.internalId() != NO_PARENT:
            return QModelIndex()
        return self.createIndex(row, column, parent.row() + 1)

    def parent(self, child: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not child.isValid() or child.internalId() == NO_PARENT:
            return QModelIndex()
        return self.createIndex(int(child.internalId()) - 1, 0, NO_PARENT)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if not parent.isValid():
            return len(self._groups)
        if parent.internalId() == NO_PARENT and parent.column() == 0:
            return len(self._groups[parent.row()].rows)
        return 0

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return len(Column)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    # --- cells -----------------------------------------------------------------------------

    def row_at(self, index: Index) -> RoomRow | None:
        if not index.isValid() or index.internalId() == NO_PARENT:
            return None
        group = self._groups[int(index.internalId()) - 1]
        return group.rows[index.row()] if 0 <= index.row() < len(group.rows) else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        column = Column(index.column())
        if index.internalId() == NO_PARENT:
            if not 0 <= index.row() < len(self._groups):
                return None
            return self._group_data(self._groups[index.row()], column, role)
        row = self.row_at(index)
        return None if row is None else self._row_data(row, column, role)

    def _group_data(self, group: RoomGroup, column: Column, role: int) -> Any:
        if role == GROUP_ROLE:
            return group.slug
        if column != Column.STATE:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return group_title(group)
        if role == SORT_ROLE:
            return fold(group.name)
        if role == Qt.ItemDataRole.DecorationRole:
            return QColor(group.colour)
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole and not group.rows:
            return QBrush(QColor("#9e9e9e"))
        if role == Qt.ItemDataRole.ToolTipRole:
            return (
                QCoreApplication.translate(
                    "RoomModel", "No state of this category is expected in the room"
                )
                if not group.rows
                else group_title(group)
            )
        return None

    def _row_data(self, row: RoomRow, column: Column, role: int) -> Any:
        if role == ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == SORT_ROLE:
            return self._sort_value(row, column)
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == Column.STATUS:
                return QBrush(QColor(TREATY_STATUS_COLOURS[row.status]))
            if column == Column.OVERDUE and row.overdue_follow_ups:
                return QBrush(QColor(OVERDUE_RED))
        if role == Qt.ItemDataRole.FontRole and column == Column.PLANNED and row.interventions:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole and column == Column.STATE:
            return f"{row.name} ({row.iso3})"
        return None

    @staticmethod
    def _display(row: RoomRow, column: Column) -> str:
        if column == Column.STATE:
            return f"{row.name} ({row.iso3})"
        if column == Column.STATUS:
            return treaty_status_label(row.status)
        if column == Column.STANCE:
            return stance_label(row.stance)
        if column == Column.LAST_CONTACT:
            return row.last_contact_on.isoformat() if row.last_contact_on else ""
        if column == Column.OPEN_DEMARCHES:
            return _count(row.open_demarches)
        if column == Column.OVERDUE:
            return _count(row.overdue_follow_ups)
        if column == Column.PLANNED:
            return _count(row.interventions)
        return presence(row)

    @staticmethod
    def _sort_value(row: RoomRow, column: Column) -> Any:
        if column == Column.STATE:
            return fold(row.name)  # « Égypte » before « El Salvador »
        if column == Column.LAST_CONTACT:
            return (row.last_contact_on or date.min).isoformat()
        if column == Column.OPEN_DEMARCHES:
            return row.open_demarches
        if column == Column.OVERDUE:
            return row.overdue_follow_ups
        if column == Column.PLANNED:
            return row.interventions
        if column == Column.PRESENCE:
            return int(row.member) * 2 + int(row.attendee)
        return RoomModel._display(row, column)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(Column):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return _tr(str(HEADERS[Column(section)]))
        if role == Qt.ItemDataRole.ToolTipRole and Column(section) in HEADER_TIPS:
            return _tr(str(HEADER_TIPS[Column(section)]))
        return None


class RoomProxy(QSortFilterProxyModel):
    """Sorts the states within each category (the categories keep their order) and keeps
    the states whose name or ISO code holds the filter text.

    A proxy earns its place here: sorting and filtering a two-level tree (children sorted
    within their parent, a parent kept while one of its children is) is what
    QSortFilterProxyModel does, and the room holds at most a couple of hundred states, so
    its per-cell comparisons cost nothing noticeable."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._needle = ""
        self.setSortRole(SORT_ROLE)
        self.setRecursiveFilteringEnabled(True)

    def set_text(self, text: str) -> None:
        needle = fold(text.strip())
        if needle != self._needle:
            self.beginFilterChange()
            self._needle = needle
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        if not self._needle:
            return True
        if not source_parent.isValid():
            return False  # a category: shown when one of its states is
        model = self.sourceModel()
        row = model.index(source_row, 0, source_parent).data(ROW_ROLE)
        return isinstance(row, RoomRow) and (
            self._needle in fold(row.name) or self._needle in row.iso3.casefold()
        )

    def lessThan(self, left: Index, right: Index) -> bool:
        if not left.parent().isValid() and not right.parent().isValid():
            before = left.row() < right.row()  # categories keep the service's order
            return before if self.sortOrder() == Qt.SortOrder.AscendingOrder else not before
        return bool(super().lessThan(left, right))
