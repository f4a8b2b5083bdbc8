"""The contact log page: filters, the log (paged from the service), the selected entry.

Filters become a `LogFilter` and run in the service's SQL; so does sorting. Marking a
follow-up done is one click, deleting is soft, and both can be undone.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import cast

from PySide6.QtCore import (
    QCoreApplication,
    QItemSelection,
    QModelIndex,
    QSettings,
    Qt,
    QTimer,
)
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from outreach.domain.changes import Changes, Entity
from outreach.domain.enums import AttachedTo, LogKind
from outreach.domain.records import LogEntryRecord, LogFilter
from outreach.errors import OutreachError, ValidationError
from outreach.services.mail_import import MailImported
from ui.attachments import AttachmentsPanel
from ui.attachments.panel import mail_paths, say_logged
from ui.context import Selection
from ui.errors import show_error
from ui.goto_state import GoToStateDialog
from ui.log.dialog import SMALL_CONTACT_LIST, edit_log_entry, log_a_contact
from ui.log.table_model import (
    SORTABLE,
    Column,
    LogTableModel,
    follow_up_text,
    kind_label,
    sort_column,
    sort_order,
)
from ui.operations.attachments import log_mail
from ui.operations.log import delete_entry, mark_follow_up_done
from ui.pages import Page, Restorable
from ui.preferences import attachment_limit, my_name
from ui.services import AppServices
from ui.undo import UndoRunner
from ui.widgets.dates import OptionalDateEdit
from ui.widgets.export_list import install_export_action
from ui.widgets.names import contact_names_for, state_names_for
from ui.widgets.overdue import overdue_text
from ui.widgets.pickers import refill, type_ahead
from ui.widgets.records_table import fit_first
from ui.widgets.tab_order import tab_order

#: besides the log itself, what changes the names or links this page shows
NAMES_SHOWN = (Entity.STATE, Entity.STATE_ALIAS, Entity.CONTACT, Entity.DEMARCHE, Entity.MEETING)
TEXT_DELAY_MS = 250
COLUMN_WIDTHS = {
    Column.DATE: 90,
    Column.KIND: 80,
    Column.SUMMARY: 380,
    Column.STATES: 160,
    Column.CONTACTS: 180,
    Column.FOLLOW_UP: 120,
    Column.OFFICER: 140,
}


def _label(parent: QWidget) -> QLabel:
    label = QLabel(parent)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class LogPage(Page):
    shows = (Entity.LOG_ENTRY, Entity.LOG_ENTRY_STATE, Entity.LOG_ENTRY_CONTACT)

    def __init__(
        self,
        services: AppServices,
        undo: UndoRunner,
        parent: QWidget | None = None,
        *,
        today: Callable[[], date] = date.today,
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._undo = undo
        self._today = today
        self._selected_id: int | None = None
        self._selected_row = 0
        self._filters_ready = False  # the filter widgets are filled and typed into
        self._choices_ready = False  # the states and contacts they offer are current
        self.state_names = state_names_for(services.states)
        self.contact_names = contact_names_for(services.contacts, services.states)
        self.model = LogTableModel(
            services.log,
            self.state_names.names,
            self.contact_names.names,
            today=today,
            on_page=lambda rows: self.contact_names.prefetch(
                contact_id for row in rows for contact_id in row.contact_ids
            ),
            parent=self,
        )
        self._build_filters()
        self._build_table()
        self._build_detail()
        self.setAcceptDrops(True)  # an e-mail dropped on the log is logged
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(self._filter_rows)
        layout.addWidget(self.message_label)
        layout.addWidget(self.splitter, 1)
        self._show_entry(None)

    @classmethod
    def title(cls) -> str:
        return QCoreApplication.translate("LogPage", "Contact log")

    # --- building -------------------------------------------------------------------------

    def _build_filters(self) -> None:
        self.state_box = QComboBox(self)
        self.state_box.setMinimumContentsLength(16)
        self.state_box.setToolTip(self.tr("Only entries about this state (type to find it)"))
        self.contact_box = QComboBox(self)
        self.contact_box.setMinimumContentsLength(16)
        self.kind_box = QComboBox(self)
        self.kind_box.addItem(self.tr("All kinds"), None)
        for kind in LogKind:
            self.kind_box.addItem(kind_label(kind), kind.value)
        self.from_date = OptionalDateEdit(self.tr("From"), self)
        self.to_date = OptionalDateEdit(self.tr("To"), self)
        self.open_only = QCheckBox(self.tr("Open follow-up only"), self)
        self.overdue_only = QCheckBox(self.tr("Overdue only"), self)
        self.mine_only = QCheckBox(self.tr("Mine"), self)
        self.mine_only.setToolTip(
            self.tr("Only the entries I logged (my name: Edit ▸ Preferences…)")
        )
        self.text_edit = QLineEdit(self)
        self.text_edit.setPlaceholderText(self.tr("Search summaries and details…"))
        self.text_edit.setAccessibleName(self.tr("Search the log"))
        self.text_edit.setClearButtonEnabled(True)
        self.count_label = QLabel(self)
        self.log_button = QPushButton(self.tr("Log a contact…"), self)
        self.log_button.clicked.connect(self.new_item)

        self._text_timer = QTimer(self)
        self._text_timer.setSingleShot(True)
        self._text_timer.setInterval(TEXT_DELAY_MS)
        self._text_timer.timeout.connect(self.apply_filters)
        self.text_edit.textChanged.connect(lambda _text: self._text_timer.start())
        self.text_edit.returnPressed.connect(self.apply_filters)
        self.kind_box.currentIndexChanged.connect(lambda _row: self.apply_filters())
        self.contact_box.currentIndexChanged.connect(lambda _row: self.apply_filters())
        self.state_box.currentIndexChanged.connect(lambda _row: self._state_filter_changed())
        for dates in (self.from_date, self.to_date):
            dates.changed.connect(self.apply_filters)
        for check in (self.open_only, self.overdue_only, self.mine_only):
            check.toggled.connect(lambda _on: self.apply_filters())

        first = QHBoxLayout()
        for text, box in (
            (self.tr("State:"), self.state_box),
            (self.tr("Contact:"), self.contact_box),
            (self.tr("Kind:"), self.kind_box),
        ):
            label = QLabel(text, self)
            label.setBuddy(box)  # the box's name for screen readers, not its choice
            first.addWidget(label)
            first.addWidget(box)
        first.addWidget(self.from_date)
        first.addWidget(self.to_date)
        first.addStretch(1)
        second = QHBoxLayout()
        second.addWidget(self.text_edit, 1)
        second.addWidget(self.open_only)
        second.addWidget(self.overdue_only)
        second.addWidget(self.mine_only)
        second.addWidget(self.count_label)
        second.addWidget(self.log_button)
        tab_order(  # the first line, then the second (its search line first)
            self.state_box, self.contact_box, self.kind_box, self.from_date.check,
            self.from_date.edit, self.to_date.check, self.to_date.edit, self.text_edit,
            self.open_only, self.overdue_only, self.mine_only, self.log_button,
        )  # fmt: skip
        self._filter_rows = QVBoxLayout()
        self._filter_rows.addLayout(first)
        self._filter_rows.addLayout(second)
        self.message_label = QLabel(self)
        self.message_label.setStyleSheet("color: #c00000")
        self.message_label.setVisible(False)

    def _build_table(self) -> None:
        self.table = QTableView(self)
        self.table.setTabKeyNavigation(False)  # Tab leaves the list (arrows move in it)
        self.table.setAccessibleName(self.tr("Contact log"))
        self.table.setModel(self.model)
        install_export_action(self.table, self.title)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        vertical = self.table.verticalHeader()
        vertical.setVisible(False)
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vertical.setDefaultSectionSize(self.table.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(True)
        header.setSortIndicatorShown(True)
        fit_first(self.table, Column.SUMMARY)
        for column, width in COLUMN_WIDTHS.items():
            header.resizeSection(column, width)
        header.setSortIndicator(sort_column(self.model.sort_key), sort_order(self.model.sort_key))
        self.table.setSortingEnabled(True)
        header.sortIndicatorChanged.connect(self._sort_indicator_changed)
        self.model.modelReset.connect(self._after_reset)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.table.doubleClicked.connect(self._edit_at)

    def _build_detail(self) -> None:
        self.detail = QWidget(self)
        self.summary_label = _label(self.detail)
        font = self.summary_label.font()
        font.setBold(True)
        self.summary_label.setFont(font)
        self.when_label = _label(self.detail)
        self.follow_up_label = _label(self.detail)
        self.states_label = _label(self.detail)
        self.contacts_label = _label(self.detail)
        self.demarche_label = _label(self.detail)
        self.details_view = QPlainTextEdit(self.detail)
        self.details_view.setAccessibleName(self.tr("Details"))
        self.details_view.setReadOnly(True)
        self.done_button = QPushButton(self.tr("Mark follow-up done"), self.detail)
        self.done_button.setToolTip(self.tr("The follow-up was done today (can be undone)"))
        self.done_button.clicked.connect(self.mark_follow_up_done)
        self.edit_button = QPushButton(self.tr("Edit…"), self.detail)
        self.edit_button.clicked.connect(self.edit_selected)
        self.delete_button = QPushButton(self.tr("Delete"), self.detail)
        self.delete_button.setToolTip(self.tr("Delete the entry (can be undone)"))
        self.delete_button.clicked.connect(self.delete_selected)

        form = QFormLayout()
        form.addRow(self.summary_label)
        form.addRow(self.tr("When:"), self.when_label)
        form.addRow(self.tr("Follow-up:"), self.follow_up_label)
        form.addRow(self.tr("States:"), self.states_label)
        form.addRow(self.tr("Contacts:"), self.contacts_label)
        form.addRow(self.tr("Démarche:"), self.demarche_label)
        buttons = QHBoxLayout()
        buttons.addWidget(self.done_button)
        buttons.addWidget(self.edit_button)
        buttons.addWidget(self.delete_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self.detail)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("Details:"), self.detail))
        layout.addWidget(self.details_view, 1)
        layout.addLayout(buttons)
        # the entry's files: an e-mail's message and what it carried
        self.files = AttachmentsPanel(self._services, self._undo, AttachedTo.LOG_ENTRY, self.detail)
        layout.addWidget(self.files, 1)

    # --- filters ------------------------------------------------------------------------------

    def _fill_filter_choices(self) -> None:
        """The states (and then contacts) the filters offer; read on first show."""
        names = self.state_names
        refill(self.state_box, self.tr("All states"), [(names.name(i), i) for i in names.ids()])
        if not self._filters_ready:
            type_ahead(self.state_box, self.state_names.find)
            type_ahead(self.contact_box)
        self._fill_contact_choices()
        self._filters_ready = True
        self._choices_ready = True

    def _fill_contact_choices(self) -> None:
        state_id = self.state_box.currentData()
        contacts = self._services.contacts
        try:
            if state_id is not None:
                records = contacts.list(state=state_id)
            elif contacts.count() <= SMALL_CONTACT_LIST:
                records = contacts.list()
            else:
                records = []
        except OutreachError:
            records = []
        choices = [(self.contact_names.remember(record).label, record.id) for record in records]
        refill(self.contact_box, self.tr("All contacts"), choices)
        self.contact_box.setToolTip(
            self.tr("Only entries with this contact (type to find them)")
            if records
            else self.tr("Choose a state to pick one of its contacts")
        )

    def _state_filter_changed(self) -> None:
        self._fill_contact_choices()
        self.apply_filters()

    def _mine(self) -> str | None:
        """Whose records "Mine" shows: my name (Preferences), else my server role."""
        return my_name(QSettings()) or self._services.role or None

    def current_filter(self) -> LogFilter:
        """The filter the widgets describe."""
        state_id = self.state_box.currentData()
        contact_id = self.contact_box.currentData()
        kind = self.kind_box.currentData()
        return LogFilter(
            state_id=state_id if isinstance(state_id, int) else None,
            contact_id=contact_id if isinstance(contact_id, int) else None,
            kind=kind if isinstance(kind, str) else None,
            date_from=self.from_date.value(),
            date_to=self.to_date.value(),
            open_follow_up_only=self.open_only.isChecked(),
            overdue_on=self._today() if self.overdue_only.isChecked() else None,
            text=self.text_edit.text().strip() or None,
            officer=self._mine() if self.mine_only.isChecked() else None,
        )

    def apply_filters(self) -> None:
        """Show the entries the filters describe; a filter the service refuses is
        explained above the table and the list stays as it was."""
        self._text_timer.stop()
        try:
            self.model.set_filter(self.current_filter())
        except OutreachError as error:
            self.message_label.setText(str(error))
            self.message_label.setVisible(True)
            return
        self.message_label.setVisible(False)
        self._show_count()

    def _show_count(self) -> None:
        count = self.model.rowCount()
        self.count_label.setText(self.tr("%Ln entries", "", count))

    # --- reloading -------------------------------------------------------------------------

    def reload(self) -> None:
        if not self._choices_ready:
            first = not self._filters_ready
            self._fill_filter_choices()
            if first:
                self.apply_filters()
                return
        self.model.refresh()
        self._show_count()

    # --- e-mail dropped on the log -------------------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if mail_paths(event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = mail_paths(event.mimeData().urls())
        if paths:
            event.acceptProposedAction()
            self.import_mail(paths)

    def import_mail(self, paths: Sequence[Path]) -> None:
        """Log each message (linked to the contacts it names and their states), then
        show the last one logged."""
        services, limit = self._services, attachment_limit(QSettings())
        logged = None
        for path in paths:
            imported = self._log_one(path, limit)
            if imported is not None:
                logged = imported
                say_logged(self, services, self._undo, imported)
        if logged is not None:
            self.reload()
            self.reveal_entry(logged.entry.id)
            self.files.read_texts()

    def _log_one(self, path: Path, limit: int) -> MailImported | None:
        """Log one message; when it names no contact, ask which state it concerns."""
        services = self._services
        states: tuple[int, ...] = ()
        while True:
            officer = my_name(QSettings()) or services.role  # me, as a new entry would
            operation = log_mail(services.mail, services.log, path, states, officer, limit)
            try:
                return self._undo.attempt(operation)
            except ValidationError as error:
                if error.field != "states" or states:
                    show_error(self, error)
                    return None
                chosen = self._ask_state(path)
                if chosen is None:
                    return None
                states = (chosen,)
            except OutreachError as error:
                show_error(self, error)
                return None

    def _ask_state(self, path: Path) -> int | None:
        dialog = GoToStateDialog(self._services.states.list_rows(), self)
        dialog.setWindowTitle(self.tr("Which state does {0} concern?").format(path.name))
        accepted = dialog.exec() == GoToStateDialog.DialogCode.Accepted
        chosen = dialog.chosen_state_id() if accepted else None
        dialog.deleteLater()
        return chosen

    def on_changed(self, changes: Changes) -> None:
        self.files.on_changed(changes)
        if changes.touches(Entity.STATE, Entity.STATE_ALIAS):
            self.state_names.invalidate()
        if changes.touches(Entity.CONTACT, Entity.STATE, Entity.STATE_ALIAS):
            self.contact_names.invalidate()
        names_changed = changes.touches(*NAMES_SHOWN)
        if names_changed:
            self._choices_ready = False  # the filters' states and contacts, read again
        if names_changed or changes.touches(*self.shows):
            self._stale = True
            if self.isVisible():
                self.reload()
                self._stale = False

    def _after_reset(self) -> None:
        """Select again the entry that was selected, if it is still near where it was."""
        entry_id = self._selected_id
        if entry_id is None:
            self._show_entry(None)
            return
        row = self.model.row_of(entry_id, near=self._selected_row)
        if row is None:
            self._selected_id = None
            self._show_entry(None)
            return
        self.select_row(row)

    # --- selection and detail ----------------------------------------------------------

    def select_row(self, row: int) -> None:
        index = self.model.index(row, Column.SUMMARY)
        self.table.setCurrentIndex(index)
        self.table.selectRow(row)
        self.table.scrollTo(index)

    def select_entry(self, entry_id: int) -> bool:
        """Select `entry_id` if it is near the top or near the current row."""
        for near in (0, self._selected_row):
            row = self.model.row_of(entry_id, near=near)
            if row is not None:
                self.select_row(row)
                return True
        return False

    def reveal_entry(self, entry_id: int) -> bool:
        """Select `entry_id` even when the filters hide it or it lies deep in the log: the
        filters are set to its first state on its day, where it sits among a few others."""
        if self._choices_ready and self.select_entry(entry_id):
            return True
        try:
            entry = self._services.log.get(entry_id)
        except OutreachError:
            return False
        if not self._choices_ready:
            self.reload()
        filters = (
            self.state_box, self.kind_box, self.from_date, self.to_date, self.open_only,
            self.overdue_only, self.mine_only, self.text_edit,
        )  # fmt: skip
        for widget in filters:
            widget.blockSignals(True)
        try:
            row = self.state_box.findData(entry.state_ids[0]) if entry.state_ids else 0
            self.state_box.setCurrentIndex(max(row, 0))
            self.kind_box.setCurrentIndex(0)
            self.from_date.set_value(entry.occurred_on)
            self.to_date.set_value(entry.occurred_on)
            self.open_only.setChecked(False)
            self.overdue_only.setChecked(False)
            self.mine_only.setChecked(False)
            self.text_edit.clear()
        finally:
            for widget in filters:
                widget.blockSignals(False)
        self._fill_contact_choices()
        self.contact_box.blockSignals(True)
        self.contact_box.setCurrentIndex(0)
        self.contact_box.blockSignals(False)
        self.apply_filters()
        return self.select_entry(entry_id)

    def selected_entry(self) -> LogEntryRecord | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.entry_at(rows[0].row()) if rows else None

    def _selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        entry = self.selected_entry()
        if entry is not None:
            self._selected_id = entry.id
            self._selected_row = self.table.selectionModel().selectedRows()[0].row()
        else:
            self._selected_id = None
        self._show_entry(entry)

    def _show_entry(self, entry: LogEntryRecord | None) -> None:
        self.done_button.setEnabled(
            entry is not None and entry.follow_up_on is not None and not entry.follow_up_done_on
        )
        self.edit_button.setEnabled(entry is not None)
        self.delete_button.setEnabled(entry is not None)
        self.files.show_record(entry.id if entry is not None else None)
        if entry is None:
            for label in (
                self.summary_label,
                self.when_label,
                self.follow_up_label,
                self.states_label,
                self.contacts_label,
                self.demarche_label,
            ):
                label.clear()
            self.summary_label.setText(self.tr("Select an entry to see it here."))
            self.details_view.clear()
            return
        self.summary_label.setText(entry.summary)
        when = [entry.occurred_on.isoformat(), kind_label(entry.kind)]
        if entry.officer:
            when.append(entry.officer)
        self.when_label.setText(" · ".join(when))
        follow_up = overdue_text(
            follow_up_text(entry) or self.tr("none"), entry.follow_up_overdue_on(self._today())
        )
        self.follow_up_label.setText(follow_up)
        self.states_label.setText(self.state_names.names(entry.state_ids))
        self.contacts_label.setText(
            "\n".join(self.contact_names.label(contact_id) for contact_id in entry.contact_ids)
        )
        self.demarche_label.setText(self._demarche_text(entry.demarche_id))
        self.details_view.setPlainText(entry.details)

    def _demarche_text(self, demarche_id: int | None) -> str:
        if demarche_id is None:
            return ""
        try:
            demarche = self._services.demarches.get(demarche_id)
        except OutreachError:
            return f"#{demarche_id}"
        return self.tr("{0} ({1})").format(demarche.title, demarche.status.value)

    def selection(self) -> Selection:
        entry = self.selected_entry()
        if entry is None:
            return Selection()
        return Selection(
            state_id=entry.state_ids[0] if entry.state_ids else None,
            contact_id=entry.contact_ids[0] if entry.contact_ids else None,
            demarche_id=entry.demarche_id,
            meeting_id=entry.meeting_id,
        )

    # --- actions ----------------------------------------------------------------------------

    def new_item(self) -> None:
        selection = self.selection()
        if selection == Selection():  # nothing selected: start from the filters
            state_id = self.state_box.currentData()
            contact_id = self.contact_box.currentData()
            selection = Selection(
                state_id=state_id if isinstance(state_id, int) else None,
                contact_id=contact_id if isinstance(contact_id, int) else None,
            )
        entry_id = log_a_contact(self, self._services, self._undo, selection)
        if entry_id is not None:
            self.select_entry(entry_id)

    def edit_selected(self) -> None:
        entry = self.selected_entry()
        if entry is not None:
            edit_log_entry(self, self._services, self._undo, entry.id)

    def _edit_at(self, index: QModelIndex) -> None:
        entry = self.model.entry_at(index.row())
        if entry is not None:
            edit_log_entry(self, self._services, self._undo, entry.id)

    def mark_follow_up_done(self) -> None:
        """One click: the selected entry's follow-up is done today (undoable)."""
        entry = self.selected_entry()
        if entry is None or entry.follow_up_on is None or entry.follow_up_done_on:
            return
        self._undo.run(mark_follow_up_done(self._services.log, entry, self._today()))

    def delete_selected(self) -> None:
        """Soft delete the selected entry (undo restores it)."""
        entry = self.selected_entry()
        if entry is None:
            return
        self._undo.run(delete_entry(self._services.log, entry))

    def focus_filter(self) -> None:
        self.text_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.text_edit.selectAll()

    # --- sorting and remembered layout ------------------------------------------------------

    def _sort_indicator_changed(self, column: int, _order: Qt.SortOrder) -> None:
        """Columns the service cannot sort by keep the indicator where the sort is."""
        if column not in SORTABLE:
            header = self.table.horizontalHeader()
            header.blockSignals(True)
            header.setSortIndicator(
                sort_column(self.model.sort_key), sort_order(self.model.sort_key)
            )
            header.blockSignals(False)

    def remembered_views(self) -> dict[str, Restorable]:
        return {"log/header": self.table.horizontalHeader(), "log/splitter": self.splitter}

    def save_state(self, settings: object) -> None:
        super().save_state(settings)
        store = cast(QSettings, settings)
        store.setValue("log/sort_column", int(sort_column(self.model.sort_key)))
        descending = sort_order(self.model.sort_key) == Qt.SortOrder.DescendingOrder
        store.setValue("log/sort_descending", descending)

    def restore_state(self, settings: object) -> None:
        super().restore_state(settings)
        store = cast(QSettings, settings)
        column = cast(int, store.value("log/sort_column", int(Column.DATE), type=int))
        descending = bool(store.value("log/sort_descending", True, type=bool))
        if column not in SORTABLE:
            column = Column.DATE
        order = Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder
        self.table.sortByColumn(column, order)
