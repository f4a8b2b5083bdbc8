"""The démarches page: filters, the démarches as a list or as a board, and the selected
démarche's details.

The filters by state, status and "open only" run in the service; the text filter runs
here over what was fetched (a desk holds hundreds of démarches, not thousands). The list
and the board show the same démarches and keep the same one selected.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import QT_TRANSLATE_NOOP, QSettings, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from outreach.domain.changes import Changes, Entity
from outreach.domain.enums import DemarcheStatus
from outreach.domain.records import DemarcheRecord, LogFilter
from outreach.errors import OutreachError
from outreach.folding import fold
from ui.context import Selection
from ui.demarches.board import DemarcheBoard
from ui.demarches.dialog import edit_demarche, plan_a_demarche
from ui.demarches.labels import action_label, channel_label, level_label, status_label
from ui.demarches.moves import move_demarche
from ui.demarches.table_model import (
    ROW_ROLE,
    Column,
    DemarchesTableModel,
    is_overdue,
)
from ui.errors import show_error
from ui.pages import Page, Restorable
from ui.services import AppServices
from ui.undo import UndoRunner, soft_deletion
from ui.widgets.dates import iso_day
from ui.widgets.names import ContactNames, StateNames, contact_names_for, state_names_for
from ui.widgets.pickers import type_ahead
from ui.widgets.records_page import Field, RecordDetail
from ui.widgets.records_table import OVERDUE_RED, sortable_records_view

LIST_VIEW, BOARD_VIEW = 0, 1
VIEW_NAMES = {LIST_VIEW: "list", BOARD_VIEW: "board"}
COLUMN_WIDTHS = {
    Column.STATE: 150,
    Column.TITLE: 280,
    Column.ACTION: 170,
    Column.CHANNEL: 110,
    Column.LEVEL: 120,
    Column.STATUS: 90,
    Column.PLANNED: 90,
    Column.DUE: 90,
}


def _flag(value: object) -> bool:
    """A boolean read back from QSettings (an INI file gives the text "true")."""
    return value is True or str(value).lower() == "true"


def _number(value: object) -> int | None:
    """A whole number read back from QSettings (an INI file gives text), or None."""
    try:
        return int(str(value))
    except ValueError:
        return None


class DemarcheDetail(RecordDetail[DemarcheRecord]):
    """Every field of the selected démarche, and its contacts."""

    FIELDS = (
        Field[DemarcheRecord]("state", QT_TRANSLATE_NOOP("DemarcheDetail", "State:")),
        Field[DemarcheRecord](
            "status",
            QT_TRANSLATE_NOOP("DemarcheDetail", "Status:"),
            lambda d: status_label(d.status),
        ),
        Field[DemarcheRecord](
            "reason", QT_TRANSLATE_NOOP("DemarcheDetail", "Reason:"), lambda d: d.status_reason
        ),
        Field[DemarcheRecord](
            "action",
            QT_TRANSLATE_NOOP("DemarcheDetail", "Requested action:"),
            lambda d: action_label(d.requested_action),
        ),
        Field[DemarcheRecord](
            "channel",
            QT_TRANSLATE_NOOP("DemarcheDetail", "Channel:"),
            lambda d: channel_label(d.channel),
        ),
        Field[DemarcheRecord](
            "level", QT_TRANSLATE_NOOP("DemarcheDetail", "Level:"), lambda d: level_label(d.level)
        ),
        Field[DemarcheRecord](
            "officer", QT_TRANSLATE_NOOP("DemarcheDetail", "Officer:"), lambda d: d.officer
        ),
        Field[DemarcheRecord](
            "planned",
            QT_TRANSLATE_NOOP("DemarcheDetail", "Planned:"),
            lambda d: iso_day(d.planned_on),
        ),
        Field[DemarcheRecord](
            "due", QT_TRANSLATE_NOOP("DemarcheDetail", "Due:"), lambda d: iso_day(d.due_on)
        ),
        Field[DemarcheRecord](
            "delivered",
            QT_TRANSLATE_NOOP("DemarcheDetail", "Delivered:"),
            lambda d: iso_day(d.delivered_on),
        ),
        Field[DemarcheRecord](
            "closed", QT_TRANSLATE_NOOP("DemarcheDetail", "Closed:"), lambda d: iso_day(d.closed_on)
        ),
        Field[DemarcheRecord]("contacts", QT_TRANSLATE_NOOP("DemarcheDetail", "Contacts:")),
        Field[DemarcheRecord](
            "talking_points",
            QT_TRANSLATE_NOOP("DemarcheDetail", "Talking points:"),
            lambda d: d.talking_points,
        ),
        Field[DemarcheRecord](
            "response", QT_TRANSLATE_NOOP("DemarcheDetail", "Response:"), lambda d: d.response
        ),
        Field[DemarcheRecord]("log", QT_TRANSLATE_NOOP("DemarcheDetail", "Log:")),
    )
    HIDE_EMPTY = True

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Select a démarche to see its details."), parent)
        self.title_label = self.heading_label
        self.edit_button = QPushButton(self.tr("Ed&it…"), self)
        self.move_button = QToolButton(self)
        self.move_button.setText(self.tr("&Move to"))
        self.move_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.move_menu = QMenu(self.move_button)
        self.move_button.setMenu(self.move_menu)
        buttons = QHBoxLayout()
        buttons.addWidget(self.edit_button)
        buttons.addWidget(self.move_button)
        buttons.addStretch(1)
        self.content_layout.addLayout(buttons)
        self.content_layout.addStretch(1)

    def heading(self, record: DemarcheRecord) -> str:
        return record.title

    def show_demarche(
        self,
        record: DemarcheRecord | None,
        state: str,
        contacts: str,
        today: date,
        log: str = "",
    ) -> None:
        self.show_record(record, state=state, contacts=contacts or self.tr("(none)"), log=log)
        overdue = record is not None and is_overdue(record, today)
        due = self.fields["due"]
        due.setStyleSheet(f"color: {OVERDUE_RED}; font-weight: bold;" if overdue else "")
        due.setToolTip(self.tr("Overdue") if overdue else "")


class DemarchesPage(Page):
    """Every live démarche; Ctrl+N plans one, Enter or a double click edits, Delete
    deletes (undoable); on the board, cards move by drag and drop or Ctrl+Left/Right."""

    shows = (Entity.DEMARCHE, Entity.DEMARCHE_CONTACT)
    #: emitted after a reload has put the rows in the list and on the board
    loaded = Signal()

    def __init__(
        self, services: AppServices, undo: UndoRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._undo = undo
        self._records: list[DemarcheRecord] = []
        self._selected: int | None = None
        self._syncing = False
        self._choices_ready = False
        self.state_names: StateNames = state_names_for(services.states)
        self.contact_names: ContactNames = contact_names_for(services.contacts, services.states)
        self._build()

    # --- building -------------------------------------------------------------------------

    def _build(self) -> None:
        self.state_box = QComboBox(self)
        self.state_box.setMinimumContentsLength(18)
        self.state_box.setToolTip(self.tr("Only the démarches to this state (type to find it)"))
        self.state_box.addItem(self.tr("All states"), None)
        type_ahead(self.state_box, self.state_names.find)
        self.state_box.currentIndexChanged.connect(lambda _row: self.reload())
        self.status_box = QComboBox(self)
        self.status_box.addItem(self.tr("All statuses"), None)
        for status in DemarcheStatus:
            self.status_box.addItem(status_label(status), status.value)
        self.status_box.currentIndexChanged.connect(lambda _row: self.reload())
        self.open_only = QCheckBox(self.tr("&Open only"), self)
        self.open_only.setToolTip(self.tr("Hide closed and cancelled démarches"))
        self.open_only.toggled.connect(lambda _on: self.reload())
        self.filter_edit = QLineEdit(self)
        self.filter_edit.setPlaceholderText(self.tr("Filter by title, state, officer…"))
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.textChanged.connect(lambda _text: self._show_records())
        self.count_label = QLabel(self)
        self.new_button = QPushButton(self.tr("&Plan…"), self)
        self.new_button.setToolTip(self.tr("Plan a démarche (Ctrl+N)"))
        self.new_button.clicked.connect(self.new_item)
        self.delete_button = QPushButton(self.tr("&Delete"), self)
        self.delete_button.clicked.connect(self.delete_selected)

        self.model = DemarchesTableModel(self)
        self.table = sortable_records_view(
            self.model,
            self,
            widths=COLUMN_WIDTHS,
            sort_column=Column.DUE,
            export_name=self.title,
        )
        self.table.doubleClicked.connect(lambda _index: self.edit_selected())
        self.table.activated.connect(lambda _index: self.edit_selected())
        self.table.selectionModel().selectionChanged.connect(self._table_selection_changed)

        self.board = DemarcheBoard(self._services, self._undo, self)
        self.board.selection_changed.connect(self._board_selection_changed)
        self.board.edit_requested.connect(self._edit)

        self.views = QTabWidget(self)
        self.views.addTab(self.table, self.tr("&List"))
        board_scroll = QScrollArea(self)  # the board may be wider than a small screen
        board_scroll.setWidgetResizable(True)
        board_scroll.setWidget(self.board)
        self.views.addTab(board_scroll, self.tr("&Board"))
        self.views.setTabToolTip(LIST_VIEW, self.tr("The démarches as a sortable list"))
        self.views.setTabToolTip(
            BOARD_VIEW,
            self.tr("One column per status: drag a card, or press Ctrl+Right / Ctrl+Left"),
        )
        self.views.currentChanged.connect(self._view_changed)

        self.detail = DemarcheDetail(self)
        self.detail.edit_button.clicked.connect(self.edit_selected)
        self.detail.move_menu.aboutToShow.connect(self._fill_move_menu)
        detail_scroll = QScrollArea(self)
        detail_scroll.setWidgetResizable(True)
        detail_scroll.setWidget(self.detail)
        detail_scroll.setMinimumWidth(260)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(self.views)
        self.splitter.addWidget(detail_scroll)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([900, 320])

        filters = QHBoxLayout()
        filters.addWidget(QLabel(self.tr("State:"), self))
        filters.addWidget(self.state_box)
        filters.addWidget(QLabel(self.tr("Status:"), self))
        filters.addWidget(self.status_box)
        filters.addWidget(self.open_only)
        filters.addWidget(self.filter_edit, 1)
        filters.addWidget(self.count_label)
        filters.addWidget(self.new_button)
        filters.addWidget(self.delete_button)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.splitter, 1)
        self._update_buttons()

    def title(self) -> str:
        return self.tr("Démarches")

    # --- loading ---------------------------------------------------------------------------

    def _fill_state_choices(self) -> None:
        current = self.state_box.currentData()
        self.state_box.blockSignals(True)
        self.state_box.clear()
        self.state_box.addItem(self.tr("All states"), None)
        for choice in self.state_names.choices():
            self.state_box.addItem(choice.label, choice.id)
        row = self.state_box.findData(current) if current is not None else 0
        self.state_box.setCurrentIndex(max(row, 0))
        self.state_box.blockSignals(False)
        self._choices_ready = True

    def on_changed(self, changes: Changes) -> None:
        if changes.touches(Entity.STATE, Entity.STATE_ALIAS):
            self.state_names.invalidate()
            self._choices_ready = False
        if changes.touches(Entity.CONTACT):
            self.contact_names.invalidate()
        super().on_changed(changes)

    def reload(self) -> None:
        """Fetch the démarches the state, status and open-only filters ask for."""
        if not self._choices_ready:
            self._fill_state_choices()
        status = self.status_box.currentData()
        try:
            records = self._services.demarches.list(
                state=self.state_box.currentData(),
                status=status if isinstance(status, str) else None,
                open_only=self.open_only.isChecked(),
            )
        except OutreachError as error:
            show_error(self, error)
            return
        self._records = records
        self._show_records()

    def _matches(self, record: DemarcheRecord, needle: str) -> bool:
        haystack = " ".join(
            (
                record.title,
                self.state_names.name(record.state_id),
                self.state_names.iso3(record.state_id),
                record.officer,
                record.talking_points,
                action_label(record.requested_action),
                channel_label(record.channel),
                level_label(record.level),
                status_label(record.status),
            )
        )
        return needle in fold(haystack)

    def shown_records(self) -> list[DemarcheRecord]:
        """The démarches fetched that the text filter keeps, in the service's order."""
        needle = fold(self.filter_edit.text().strip())
        if not needle:
            return list(self._records)
        return [record for record in self._records if self._matches(record, needle)]

    def _show_records(self) -> None:
        records = self.shown_records()
        names = {record.state_id: self.state_names.name(record.state_id) for record in records}
        selected = self._selected
        self._syncing = True
        try:
            self.model.set_records(records, names)
            self.board.set_records(records, names)
        finally:
            self._syncing = False
        self.count_label.setText(
            self.tr("{0} of {1}").format(len(records), len(self._records))
            if len(records) != len(self._records)
            else self.tr("{0} démarches").format(len(records))
        )
        self._selected = None
        if selected is not None and any(record.id == selected for record in records):
            self.select(selected)
        else:
            self._set_selected(None)
        self.loaded.emit()

    # --- selection ---------------------------------------------------------------------------

    def select(self, demarche_id: int | None) -> bool:
        """Select a démarche in the list and on the board; False when it is not shown."""
        row = self.model.row_of(demarche_id) if demarche_id is not None else None
        if row is None:
            self._set_selected(None)
            return False
        self._set_selected(demarche_id)
        return True

    def reveal(self, demarche_id: int) -> bool:
        """Select a démarche, clearing the filters first when they hide it."""
        if self.select(demarche_id):
            return True
        for box in (self.state_box, self.status_box):
            box.blockSignals(True)
            box.setCurrentIndex(0)
            box.blockSignals(False)
        self.open_only.blockSignals(True)
        self.open_only.setChecked(False)
        self.open_only.blockSignals(False)
        self.filter_edit.clear()
        self.reload()
        return self.select(demarche_id)

    def _set_selected(self, demarche_id: int | None) -> None:
        self._syncing = True
        try:
            if demarche_id is None:
                self.table.clearSelection()
                self.board.select(None)
            else:
                row = self.model.row_of(demarche_id)
                if row is not None:
                    self.table.selectRow(row)
                    self.table.scrollTo(self.model.index(row, 0))
                self.board.select(demarche_id)
        finally:
            self._syncing = False
        self._selected = demarche_id
        self._show_detail()
        self._update_buttons()

    def _table_selection_changed(self) -> None:
        if self._syncing:
            return
        rows = self.table.selectionModel().selectedRows()
        record = rows[0].data(ROW_ROLE) if rows else None
        self._set_selected(record.id if isinstance(record, DemarcheRecord) else None)

    def _board_selection_changed(self) -> None:
        if self._syncing:
            return
        self._set_selected(self.board.selected_id())

    def _view_changed(self, _index: int) -> None:
        if self._selected is not None:
            self._set_selected(self._selected)

    def selected_record(self) -> DemarcheRecord | None:
        if self._selected is None:
            return None
        row = self.model.row_of(self._selected)
        return self.model.record_at(row) if row is not None else None

    def selection(self) -> Selection:
        record = self.selected_record()
        if record is None:
            state = self.state_box.currentData()
            return Selection(state_id=state if isinstance(state, int) else None)
        return Selection(state_id=record.state_id, demarche_id=record.id)

    def _show_detail(self) -> None:
        record = self.selected_record()
        if record is None:
            self.detail.show_demarche(None, "", "", date.today())
            return
        entries = self._services.log.page(LogFilter(demarche_id=record.id), 0, 20)
        self.detail.show_demarche(
            record,
            self.state_names.name(record.state_id),
            self.contact_names.names(record.contact_ids),
            date.today(),
            "\n".join(f"{e.occurred_on.isoformat()}  {e.summary}" for e in entries),
        )

    def _update_buttons(self) -> None:
        chosen = self._selected is not None
        self.delete_button.setEnabled(chosen)
        self.detail.edit_button.setEnabled(chosen)
        self.detail.move_button.setEnabled(chosen)

    # --- view mode ----------------------------------------------------------------------------

    def view_mode(self) -> str:
        return VIEW_NAMES[self.views.currentIndex()]

    def set_view_mode(self, mode: str) -> None:
        """Show the list ("list") or the board ("board")."""
        self.views.setCurrentIndex(BOARD_VIEW if mode == "board" else LIST_VIEW)

    # --- doing -------------------------------------------------------------------------------

    def new_item(self) -> None:
        demarche_id = plan_a_demarche(self, self._services, self._undo, self.selection())
        if demarche_id is not None:
            if self.model.row_of(demarche_id) is None:
                self.reload()
            self.select(demarche_id)

    def edit_selected(self) -> None:
        if self._selected is not None:
            self._edit(self._selected)

    def _edit(self, demarche_id: int) -> None:
        edit_demarche(self, self._services, self._undo, demarche_id)

    def delete_selected(self) -> None:
        record = self.selected_record()
        if record is None:
            return
        demarches = self._services.demarches
        demarche_id = record.id
        self._undo.run(
            soft_deletion(
                self.tr("Delete démarche: {0}").format(record.title),
                demarches.delete,
                demarches.restore,
                demarche_id,
            )
        )

    def move_selected(self, to_status: DemarcheStatus) -> bool:
        """Move the selected démarche (the detail pane's "Move to" menu)."""
        record = self.selected_record()
        if record is None:
            return False
        after = move_demarche(
            self, self._services, self._undo, record, to_status, ask=self.board.reason_prompt
        )
        return after is not None

    def _fill_move_menu(self) -> None:
        menu = self.detail.move_menu
        menu.clear()
        record = self.selected_record()
        if record is None:
            return
        for status in DemarcheStatus:
            if status != record.status:
                action = menu.addAction(status_label(status))
                action.triggered.connect(lambda _checked=False, s=status: self.move_selected(s))

    def focus_filter(self) -> None:
        self.filter_edit.setFocus()
        self.filter_edit.selectAll()

    # --- remembered layout -----------------------------------------------------------------

    def remembered_views(self) -> dict[str, Restorable]:
        return {
            "demarches/header": self.table.horizontalHeader(),
            "demarches/splitter": self.splitter,
        }

    def restore_state(self, settings: object) -> None:
        if not isinstance(settings, QSettings):
            return
        super().restore_state(settings)
        column = _number(settings.value("demarches/sort_column", None))
        if column is not None and 0 <= column < len(Column):
            descending = _flag(settings.value("demarches/sort_descending", False))
            self.table.sortByColumn(
                column,
                Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder,
            )
        self.set_view_mode(str(settings.value("demarches/view", "list")))
        self.board.set_cancelled_shown(_flag(settings.value("demarches/show_cancelled", False)))

    def save_state(self, settings: object) -> None:
        if not isinstance(settings, QSettings):
            return
        super().save_state(settings)
        header = self.table.horizontalHeader()
        settings.setValue("demarches/sort_column", header.sortIndicatorSection())
        settings.setValue(
            "demarches/sort_descending",
            header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder,
        )
        settings.setValue("demarches/view", self.view_mode())
        settings.setValue("demarches/show_cancelled", self.board.cancelled_shown())

    def records(self) -> Sequence[DemarcheRecord]:
        """The démarches the list shows, in the service's order."""
        return self.shown_records()
