"""The states list: a filter line and a sortable table."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLineEdit, QTableView, QVBoxLayout, QWidget

from outreach.domain.changes import Changes
from outreach.domain.enums import TreatyStatus
from outreach.services.states import StateService
from ui.states.table_model import SORT_ROLE, Column, StatesTableModel

REFRESH_ON = ("state", "participation", "category", "category_member", "fact", "seat")


class StatesView(QWidget):
    def __init__(self, states: StateService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._states = states
        self.model = StatesTableModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.proxy.setFilterKeyColumn(-1)

        self.filter_edit = QLineEdit(self)
        self.filter_edit.setPlaceholderText(self.tr("Filter states by name, code or category…"))
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.textChanged.connect(self.proxy.setFilterFixedString)
        self.status_box = QComboBox(self)
        self.status_box.addItem(self.tr("All statuses"), None)
        for status in TreatyStatus:
            self.status_box.addItem(self.tr(status.value.capitalize()), status.value)
        self.status_box.currentIndexChanged.connect(self.reload)

        self.table = QTableView(self)
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(Column.NAME, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)

        filters = QHBoxLayout()
        filters.addWidget(self.filter_edit, 1)
        filters.addWidget(self.status_box)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.table)

    def reload(self) -> None:
        status = self.status_box.currentData()
        self.model.set_rows(self._states.list_rows(as_of=date.today(), status=status))
        self.table.resizeColumnsToContents()

    def on_changed(self, changes: Changes) -> None:
        if changes.touches(*REFRESH_ON):
            self.reload()
