"""Filtering the states list: text over names, codes and aliases, category, region,
status and Security Council seat, all applied together."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel

from outreach.domain.treaty_rules import status_matches
from outreach.folding import fold
from ui.states.table_model import ROW_ROLE, SEARCH_ROLE


@dataclass(frozen=True)
class StateFilter:
    text: str = ""
    category: str | None = None
    region: str | None = None
    status: str | None = None
    council_state_ids: frozenset[int] | None = None  # None: any seat or none


class StatesFilterProxy(QSortFilterProxyModel):
    def __init__(self, parent: object = None) -> None:
        super().__init__(parent)  # type: ignore[arg-type]
        self._filter = StateFilter()
        self._needle = ""

    def set_filter(self, state_filter: StateFilter) -> None:
        self.beginFilterChange()
        self._filter = state_filter
        self._needle = fold(state_filter.text)
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(
        self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex
    ) -> bool:
        model = self.sourceModel()
        index = model.index(source_row, 0, source_parent)
        row = model.data(index, ROW_ROLE)
        if row is None:
            return False
        wanted = self._filter
        if self._needle and self._needle not in fold(str(model.data(index, SEARCH_ROLE))):
            return False
        if wanted.category and wanted.category not in row.categories:
            return False
        if wanted.region and wanted.region not in (row.region, row.subregion):
            return False
        if wanted.status and not status_matches(row.status, wanted.status):
            return False
        return not (wanted.council_state_ids is not None and row.id not in wanted.council_state_ids)
