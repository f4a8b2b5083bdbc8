"""The démarches page: filters, the démarches as a list or as a board, and the selected
démarche's details.

The filters by state, status and "open only" run in the service; the filter line runs
in the model over what was fetched (a desk holds hundreds of démarches, not thousands).
The list and the board show the same démarches and keep the same one selected: the
list's selection is the page's, and the board follows it.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QSettings, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QMenu,
    QScrollArea,
    QTabWidget,
    QToolButton,
    QWidget,
)

from outreach.briefing.drafts import Drafted
from outreach.domain.changes import Changes, Entity
from outreach.domain.enums import AttachedTo, DemarcheStatus
from outreach.domain.records import DemarcheRecord, LogFilter
from outreach.errors import OutreachError
from ui.context import Selection
from ui.demarches.board import DemarcheBoard
from ui.demarches.dialog import DemarcheDialog
from ui.demarches.drafting import draft
from ui.demarches.labels import action_label, channel_label, level_label, status_label
from ui.demarches.moves import move_demarche
from ui.demarches.table_model import (
    Column,
    DemarchesTableModel,
    is_overdue,
)
from ui.errors import show_error
from ui.operations.demarches import delete_demarche
from ui.preferences import my_name
from ui.services import AppServices
from ui.undo import Operation, UndoRunner
from ui.widgets.dates import iso_day
from ui.widgets.filtered_records import select_record
from ui.widgets.names import ContactNames, StateNames, contact_names_for, state_names_for
from ui.widgets.overdue import OVERDUE_RED, overdue_text
from ui.widgets.pickers import refill, type_ahead
from ui.widgets.records_page import Field, RecordDetail, RecordsPage, setting_flag
from ui.widgets.tab_order import tab_order

LIST_VIEW, BOARD_VIEW = 0, 1
VIEW_NAMES = {LIST_VIEW: "list", BOARD_VIEW: "board"}
COLUMN_WIDTHS: dict[int, int] = {
    Column.STATE: 150,
    Column.TITLE: 280,
    Column.ACTION: 170,
    Column.CHANNEL: 110,
    Column.LEVEL: 120,
    Column.STATUS: 90,
    Column.PLANNED: 90,
    Column.DUE: 90,
}


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
        self.move_button = QToolButton(self)
        self.move_button.setText(self.tr("&Move to"))
        self.move_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.move_menu = QMenu(self.move_button)
        self.move_button.setMenu(self.move_menu)
        # one click drafts the note verbale; the arrow offers the aide-mémoire
        self.draft_button = QToolButton(self)
        self.draft_button.setText(self.tr("Dra&ft note verbale…"))
        self.draft_button.setToolTip(
            self.tr("A Word draft from the démarche, attached to it and opened")
        )
        self.draft_button.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
        self.draft_menu = QMenu(self.draft_button)
        self.aide_memoire_action = self.draft_menu.addAction(self.tr("Draft &aide-mémoire…"))
        self.draft_button.setMenu(self.draft_menu)
        buttons = QHBoxLayout()
        buttons.addWidget(self.move_button)
        buttons.addWidget(self.draft_button)
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
        due.setText(overdue_text(due.text(), overdue))  # in words, not in red alone
        due.setToolTip(self.tr("Overdue") if overdue else "")


class DemarchesPage(RecordsPage[DemarcheRecord]):
    """Every live démarche; Ctrl+N plans one, Enter or a double click edits, Delete
    deletes (undoable); on the board, cards move by drag and drop or Ctrl+Left/Right.

    The filters by state, status and "open only" run in the service; the filter line
    runs in the model, and the board shows what the list shows."""

    shows = (Entity.DEMARCHE, Entity.DEMARCHE_CONTACT)
    RECORD_TYPE = DemarcheRecord
    SETTINGS_KEY = "demarches"
    SORT_COLUMN = Column.DUE
    KEY_COLUMN = Column.TITLE
    ATTACHED_TO = AttachedTo.DEMARCHE
    COLUMN_WIDTHS = COLUMN_WIDTHS
    #: emitted after a reload has put the rows in the list and on the board
    loaded = Signal()

    def __init__(
        self, services: AppServices, undo: UndoRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(services, undo, DemarchesTableModel(), DemarcheDetail(), parent)
        self.detail: DemarcheDetail
        self.model: DemarchesTableModel
        self._syncing = False
        self._choices_ready = False
        self.state_names: StateNames = state_names_for(services.states)
        self.contact_names: ContactNames = contact_names_for(services.contacts, services.states)
        self.new_button.setText(self.tr("&Plan…"))
        self.new_button.setToolTip(self.tr("Plan a démarche (Ctrl+N)"))
        self._build_filters()
        self._build_board()
        self.detail.move_menu.aboutToShow.connect(self._fill_move_menu)
        self.detail.draft_button.clicked.connect(lambda: self.draft_selected("note-verbale"))
        self.detail.aide_memoire_action.triggered.connect(
            lambda: self.draft_selected("aide-memoire")
        )
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([900, 320])

    # --- building -------------------------------------------------------------------------

    def _build_filters(self) -> None:
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
        self.mine_only = QCheckBox(self.tr("M&ine"), self)
        self.mine_only.setToolTip(
            self.tr("Only the démarches I am responsible for (my name: Edit ▸ Preferences…)")
        )
        self.mine_only.toggled.connect(lambda _on: self.reload())
        for position, widget in enumerate(
            (
                QLabel(self.tr("State:"), self),
                self.state_box,
                QLabel(self.tr("Status:"), self),
                self.status_box,
                self.open_only,
                self.mine_only,
            )
        ):
            self.top_bar.insertWidget(position, widget)

    def _build_board(self) -> None:
        """The list and the board as two tabs where the list was; the details scroll."""
        self.board = DemarcheBoard(self._services, self._undo, self)
        self.board.selection_changed.connect(self._board_selection_changed)
        self.board.edit_requested.connect(self._edit)
        self.views = QTabWidget(self)
        self.splitter.replaceWidget(0, self.views)
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
        detail_scroll = QScrollArea(self)
        detail_scroll.setWidgetResizable(True)
        detail_scroll.setMinimumWidth(260)
        self.splitter.replaceWidget(1, detail_scroll)
        detail_scroll.setWidget(self.detail)
        tab_order(  # the filters put before the filter line first, the list, the detail
            self.state_box, self.status_box, self.open_only, self.mine_only, self.filter_edit,
            self.new_button, self.edit_button, self.delete_button, self.views, detail_scroll,
        )  # fmt: skip

    @classmethod
    def title(cls) -> str:
        return QCoreApplication.translate("DemarchesPage", "Démarches")

    def filter_hint(self) -> str:
        return self.tr("Filter by title, state, officer…")

    def count_wording(self, total: int, filtered: bool) -> str:
        if filtered:
            return self.tr("%1 of %Ln démarches", "", total)
        return self.tr("%Ln démarches", "", total)

    # --- loading ---------------------------------------------------------------------------

    def _fill_state_choices(self) -> None:
        choices = [(choice.label, choice.id) for choice in self.state_names.choices()]
        refill(self.state_box, self.tr("All states"), choices)
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
                officer=self._mine() if self.mine_only.isChecked() else None,
            )
        except OutreachError as error:
            show_error(self, error)
            return
        selected = self.current_id()
        ids = {record.state_id for record in records}
        self.model.set_records(
            records,
            {state_id: self.state_names.name(state_id) for state_id in ids},
            {state_id: self.state_names.iso3(state_id) for state_id in ids},
        )
        self.show_rows(selected)

    def show_rows(self, selected_id: int | None) -> None:
        """The board shows what the list shows (in the service's order)."""
        self._syncing = True
        try:
            self.board.set_records(self.model.matching(), self.model.state_names())
        finally:
            self._syncing = False
        super().show_rows(selected_id)
        self.loaded.emit()

    # --- selection: the list's, followed by the board ------------------------------------------

    def select(self, demarche_id: int | None) -> bool:
        """Select a démarche in the list and on the board; False when it is not shown."""
        select_record(self.table, self.model, demarche_id, self.SORT_COLUMN)
        return demarche_id is not None and self.current_id() == demarche_id

    def reveal(self, record_id: int) -> bool:
        """Select a démarche, clearing the filters first when they hide it."""
        if self.select(record_id):
            return True
        for box in (self.state_box, self.status_box):
            box.blockSignals(True)
            box.setCurrentIndex(0)
            box.blockSignals(False)
        self.open_only.blockSignals(True)
        self.open_only.setChecked(False)
        self.open_only.blockSignals(False)
        self.filter_edit.blockSignals(True)
        self.filter_edit.clear()
        self.model.set_filter("")
        self.filter_edit.blockSignals(False)
        self.reload()
        return self.select(record_id)

    def refresh_detail(self) -> None:
        if not self._syncing:
            self._syncing = True
            try:
                self.board.select(self.current_id())
            finally:
                self._syncing = False
        super().refresh_detail()
        self.detail.move_button.setEnabled(self.current_record() is not None)
        self.detail.draft_button.setEnabled(self.current_record() is not None)

    def _board_selection_changed(self) -> None:
        if not self._syncing:
            self.select(self.board.selected_id())

    def _view_changed(self, _index: int) -> None:
        self.select(self.current_id())

    def selected_record(self) -> DemarcheRecord | None:
        return self.current_record()

    def selection(self) -> Selection:
        record = self.current_record()
        if record is None:
            state = self.state_box.currentData()
            return Selection(state_id=state if isinstance(state, int) else None)
        return Selection(state_id=record.state_id, demarche_id=record.id)

    def show_detail(self, record: DemarcheRecord | None) -> None:
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

    # --- view mode ----------------------------------------------------------------------------

    def view_mode(self) -> str:
        return VIEW_NAMES[self.views.currentIndex()]

    def set_view_mode(self, mode: str) -> None:
        """Show the list ("list") or the board ("board")."""
        self.views.setCurrentIndex(BOARD_VIEW if mode == "board" else LIST_VIEW)

    # --- doing -------------------------------------------------------------------------------

    def editor(self, record: DemarcheRecord | None) -> QDialog:
        return DemarcheDialog(
            self._services, self._undo, self.selection(), demarche=record, parent=self
        )

    def deletion(self, record: DemarcheRecord) -> Operation[Any]:
        return delete_demarche(self._services.demarches, record)

    def _edit(self, demarche_id: int) -> None:
        row = self.model.row_of(demarche_id)
        if row is not None:
            record = self.model.record_at(row)
            self.open_editor(lambda: self.editor(record))

    def move_selected(self, to_status: DemarcheStatus) -> bool:
        """Move the selected démarche (the detail pane's "Move to" menu)."""
        record = self.current_record()
        if record is None:
            return False
        after = move_demarche(
            self, self._services, self._undo, record, to_status, ask=self.board.reason_prompt
        )
        return after is not None

    def _mine(self) -> str | None:
        """Whose records "Mine" shows: my name (Preferences), else my server role."""
        return my_name(QSettings()) or self._services.role or None

    def draft_selected(self, template: str) -> Drafted | None:
        """Draft the selected démarche's note verbale or aide-mémoire."""
        record = self.current_record()
        if record is None:
            return None
        return draft(self, self._services, self._undo, record, template)

    def _fill_move_menu(self) -> None:
        menu = self.detail.move_menu
        menu.clear()
        record = self.current_record()
        if record is None:
            return
        for status in DemarcheStatus:
            if status != record.status:
                action = menu.addAction(status_label(status))
                action.triggered.connect(lambda _checked=False, s=status: self.move_selected(s))

    # --- remembered layout -----------------------------------------------------------------

    def restore_state(self, settings: object) -> None:
        super().restore_state(settings)
        if isinstance(settings, QSettings):
            self.set_view_mode(str(settings.value("demarches/view", "list")))
            self.board.set_cancelled_shown(setting_flag(settings.value("demarches/show_cancelled")))

    def save_state(self, settings: object) -> None:
        super().save_state(settings)
        if isinstance(settings, QSettings):
            settings.setValue("demarches/view", self.view_mode())
            settings.setValue("demarches/show_cancelled", self.board.cancelled_shown())

    def records(self) -> Sequence[DemarcheRecord]:
        """The démarches the list shows, in the service's order."""
        return self.model.matching()
