"""The States page: a filterable, sortable list beside the selected state's detail."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, QItemSelection, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from outreach.domain.changes import Changes, Entity
from outreach.domain.enums import TreatyStatus
from outreach.domain.treaty_rules import JOINED
from outreach.domain.vocabulary import label
from outreach.reference.names import shipped_name
from ui.context import Selection
from ui.pages import Page, Restorable
from ui.services import AppServices
from ui.states.detail import StateDetail
from ui.states.filter_proxy import StateFilter, StatesFilterProxy
from ui.states.table_model import ROW_ROLE, SORT_ROLE, Column, StatesTableModel
from ui.treaty_choice import TreatyChoice
from ui.undo import UndoRunner
from ui.widgets.chips import CategoryChipsDelegate
from ui.widgets.export_list import install_export_action
from ui.widgets.pickers import refill
from ui.widgets.records_table import fit_first

NO_SEAT_FILTER = 0


class StatesPage(Page):
    shows = (
        Entity.STATE,
        Entity.STATE_ALIAS,
        Entity.PARTICIPATION,
        Entity.CATEGORY,
        Entity.CATEGORY_MEMBER,
        Entity.FACT,
        Entity.SEAT,
        Entity.LOG_ENTRY,
        Entity.LOG_ENTRY_STATE,
        Entity.DEMARCHE,
        Entity.FORUM_MEMBERSHIP,
        Entity.OBLIGATION,
    )

    def __init__(
        self,
        services: AppServices,
        undo: UndoRunner,
        parent: QWidget | None = None,
        treaty: TreatyChoice | None = None,
    ):
        super().__init__(parent)
        self._services = services
        #: the treaty whose standing the list shows (the window's choice, View ▸ Treaty)
        self.treaty = treaty if treaty is not None else TreatyChoice(parent=self)
        # another treaty: reloaded now if shown, else on the next visit
        self.treaty.changed.connect(lambda _code: self.on_changed(Changes(frozenset(self.shows))))
        self.model = StatesTableModel(self)
        self.proxy = StatesFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)

        self.text = QLineEdit(self)
        self.text.setAccessibleName(self.tr("Filter states"))
        self.text.setPlaceholderText(self.tr("Filter by name, code, alias or category…"))
        self.text.setClearButtonEnabled(True)
        self.category = QComboBox(self)
        self.region = QComboBox(self)
        self.status = QComboBox(self)
        self.status.addItem(self.tr("Any status"), None)
        for status in TreatyStatus:
            self.status.addItem(label(status), status.value)
        self.status.addItem(self.tr("Joined: party or pending"), JOINED)
        self.status.setItemData(
            self.status.count() - 1,
            self.tr("Every state whose instrument is deposited, as Landmine Monitor counts"),
            Qt.ItemDataRole.ToolTipRole,
        )
        # as wide as a status, not as the longest choice: the filters share one row
        self.status.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.status.setMinimumContentsLength(12)
        self.council_year = QSpinBox(self)
        self.council_year.setAccessibleName(self.tr("Security Council year"))
        self.council_year.setRange(NO_SEAT_FILTER, 2100)
        self.council_year.setSpecialValueText(self.tr("Any UNSC seat"))
        self.council_year.setPrefix(self.tr("UNSC in "))
        self.council_year.setToolTip(self.tr("Only states on the Security Council in a year"))
        for widget in (self.category, self.region, self.status):
            widget.currentIndexChanged.connect(self.apply_filter)
        self.text.textChanged.connect(self.apply_filter)
        self.council_year.valueChanged.connect(self.apply_filter)

        self.table = QTableView(self)
        self.table.setTabKeyNavigation(False)  # Tab leaves the list (arrows move in it)
        self.table.setAccessibleName(self.tr("States"))
        self.table.setModel(self.proxy)
        install_export_action(self.table, self.title)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(Column.NAME, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.chips = CategoryChipsDelegate(self.table)
        self.table.setItemDelegateForColumn(Column.CATEGORIES, self.chips)
        fit_first(self.table, Column.NAME)

        self.detail = StateDetail(services, undo, self, self.treaty)
        self.detail.show_state(None)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        list_side = QWidget(self)
        filters = QHBoxLayout()
        filters.addWidget(self.text, 2)
        for control in (self.category, self.region, self.status, self.council_year):
            filters.addWidget(control)
        list_layout = QVBoxLayout(list_side)
        list_layout.setContentsMargins(0, 0, 0, 0)
        list_layout.addLayout(filters)
        list_layout.addWidget(self.table)
        self.counts = QLabel(self)  # the two ways of counting States Parties
        list_layout.addWidget(self.counts)
        self.splitter.addWidget(list_side)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 2)  # the list most of the width, the detail a third
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([2000, 1000])  # until the officer's own come back
        layout = QVBoxLayout(self)
        layout.addWidget(self.splitter)

    @classmethod
    def title(cls) -> str:
        return QCoreApplication.translate("StatesPage", "States")

    # --- data --------------------------------------------------------------------------

    def on_changed(self, changes: Changes) -> None:
        self.detail.files.on_changed(changes)  # the files of the state shown
        super().on_changed(changes)

    def reload(self) -> None:
        selected = self.selected_state_id()
        self._fill_choices()
        rows = self._services.states.list_rows(treaty=self.treaty.code, as_of=date.today())
        self.model.set_rows(rows)
        self._show_counts([row.status for row in rows])
        if selected is not None:
            self.select_state(selected)
        elif self.detail.state is not None:
            self.detail.show_state(None)

    def _show_counts(self, statuses: list[TreatyStatus]) -> None:
        parties, pending = statuses.count(TreatyStatus.PARTY), statuses.count(TreatyStatus.PENDING)
        self.counts.setText(
            self.tr(
                "{3}: {0} States Parties today; {1} pending entry into force ({2} by deposit, "
                "as Landmine and Cluster Munition Monitor counts)"
            ).format(parties, pending, parties + pending, self.treaty.code)
        )

    def _fill_choices(self) -> None:
        """Category and region lists, keeping what was chosen."""
        categories = self._services.categories.all()
        self.chips.set_categories(categories)
        refill(self.category, self.tr("Any category"), [(c.name, c.slug) for c in categories])
        regions = self._services.states.regions()
        refill(self.region, self.tr("Any region"), [(shipped_name(r), r) for r in regions])

    def apply_filter(self) -> None:
        year = self.council_year.value()
        council = (
            frozenset(self._services.facts.council_members(year))
            if year != NO_SEAT_FILTER
            else None
        )
        self.proxy.set_filter(
            StateFilter(
                text=self.text.text(),
                category=self.category.currentData(),
                region=self.region.currentData(),
                status=self.status.currentData(),
                council_state_ids=council,
            )
        )

    # --- selection ---------------------------------------------------------------------

    def selected_state_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        row = rows[0].data(ROW_ROLE)
        return None if row is None else int(row.id)

    def select_state(self, state_id: int) -> bool:
        # Notes typed for the state shown are saved first: saving reloads the list, which
        # must not happen under the loop below or between selecting and scrolling.
        self.detail.keep_edits()
        for proxy_row in range(self.proxy.rowCount()):
            if self.proxy.index(proxy_row, 0).data(ROW_ROLE).id == state_id:
                self.table.selectRow(proxy_row)
                self.table.scrollTo(self.proxy.index(proxy_row, 0))
                return True
        return False

    def go_to_state(self, state_id: int) -> None:
        """Show a state even if the filters hide it."""
        if not self.select_state(state_id):
            self.text.clear()
            self.category.setCurrentIndex(0)
            self.region.setCurrentIndex(0)
            self.status.setCurrentIndex(0)
            self.council_year.setValue(NO_SEAT_FILTER)
            self.select_state(state_id)
        self.table.setFocus()

    def _selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        self.detail.show_state(self.selected_state_id())

    def selection(self) -> Selection:
        return Selection(state_id=self.selected_state_id())

    def keep_edits(self) -> None:
        self.detail.keep_edits()

    def remembered_views(self) -> dict[str, Restorable]:
        return {"states/header": self.table.horizontalHeader(), "states/splitter": self.splitter}

    def focus_filter(self) -> None:
        self.text.setFocus()
        self.text.selectAll()

    # --- remembered layout -------------------------------------------------------------
