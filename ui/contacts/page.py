"""The contacts page: a filter line, the contacts list and the selected contact's details,
log entries and démarches.

`ContactService.list` cannot page quickly (it folds every contact's name in Python to
order them, about 0.2 s for any page of 20,000), so the page loads the list once and
sorts and filters it in the model. A short list loads at once; a long one loads on a
worker thread, so the page paints at once and fills in when the rows arrive.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QDate, QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from outreach.domain.changes import Changes, Entity
from outreach.domain.records import (
    ContactRecord,
    DemarcheRecord,
    LogEntryRecord,
    LogFilter,
    OrganizationRecord,
)
from outreach.errors import OutreachError
from ui.background import BackgroundOp
from ui.contacts.dialog import ContactDialog
from ui.contacts.table_model import Column, ContactsTableModel
from ui.context import Selection
from ui.errors import show_error
from ui.pages import Page, Restorable
from ui.services import AppServices
from ui.undo import UndoRunner, soft_deletion
from ui.widgets.filtered_records import select_record, selected_row
from ui.widgets.modal import DialogSlot
from ui.widgets.records_table import RecordsModel, records_view, sortable_records_view

LOG_ENTRIES_SHOWN = 50
COLUMN_WIDTHS = {
    Column.NAME: 200,
    Column.POSITION: 240,
    Column.ORGANIZATION: 240,
    Column.STATE: 140,
    Column.EMAIL: 220,
    Column.PHONE: 130,
}


@dataclass(frozen=True, slots=True)
class ContactsData:
    """Everything the list shows, fetched in one go (on a worker thread when long)."""

    contacts: list[ContactRecord]
    organizations: list[OrganizationRecord]
    states: dict[int, str]  # id -> name
    state_codes: dict[int, str]  # id -> ISO3
    demarches: list[DemarcheRecord]


def fetch_contacts_data(services: AppServices) -> ContactsData:
    """Read what the contacts page needs; services only, so it may run on any thread."""
    rows = services.states.list_rows()
    return ContactsData(
        contacts=services.contacts.list(),
        organizations=services.organizations.list(),
        states={row.id: row.name for row in rows},
        state_codes={row.id: row.iso3 for row in rows},
        demarches=services.demarches.list(),
    )


def _short_date(day: date | None) -> str:
    if day is None:
        return ""
    return QLocale().toString(QDate(day.year, day.month, day.day), QLocale.FormatType.ShortFormat)


class ContactDetail(QWidget):
    """The selected contact: fields, recent log entries, démarches."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.name_label = QLabel(self)
        font = self.name_label.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.name_label.setFont(font)
        self.name_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.name_label.setWordWrap(True)
        self.fields: dict[str, QLabel] = {}
        form = QFormLayout()
        for key, label in (
            ("position", self.tr("Position:")),
            ("organization", self.tr("Organization:")),
            ("state", self.tr("State:")),
            ("email", self.tr("E-mail:")),
            ("phone", self.tr("Phone:")),
            ("languages", self.tr("Languages:")),
            ("notes", self.tr("Notes:")),
        ):
            value = QLabel(self)
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            form.addRow(label, value)
            self.fields[key] = value

        self.log_model: RecordsModel[LogEntryRecord] = RecordsModel(
            [
                (self.tr("Date"), lambda entry: _short_date(entry.occurred_on)),
                (self.tr("Kind"), lambda entry: entry.kind),
                (self.tr("Summary"), lambda entry: entry.summary),
                (self.tr("Follow-up"), lambda entry: _short_date(entry.follow_up_on)),
            ],
            warn=lambda entry: entry.follow_up_overdue_on(date.today()),
            parent=self,
        )
        self.log_view = records_view(self.log_model, self)
        self.log_box = QGroupBox(self.tr("Log entries"), self)
        QVBoxLayout(self.log_box).addWidget(self.log_view)

        self.demarche_states: dict[int, str] = {}
        self.demarches_model: RecordsModel[DemarcheRecord] = RecordsModel(
            [
                (self.tr("Title"), lambda demarche: demarche.title),
                (self.tr("State"), lambda d: self.demarche_states.get(d.state_id, "")),
                (self.tr("Status"), lambda demarche: demarche.status.value),
                (self.tr("Due"), lambda demarche: _short_date(demarche.due_on)),
            ],
            parent=self,
        )
        self.demarches_view = records_view(self.demarches_model, self)
        self.demarches_box = QGroupBox(self.tr("Démarches"), self)
        QVBoxLayout(self.demarches_box).addWidget(self.demarches_view)

        self.placeholder = QLabel(self.tr("Select a contact to see their details."), self)
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.content = QWidget(self)
        content = QVBoxLayout(self.content)
        content.setContentsMargins(0, 0, 0, 0)
        content.addWidget(self.name_label)
        content.addLayout(form)
        content.addWidget(self.log_box, 2)
        content.addWidget(self.demarches_box, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.placeholder)
        layout.addWidget(self.content)
        self.show_contact(None, "", "", [], [])

    def show_contact(
        self,
        contact: ContactRecord | None,
        organization: str,
        state: str,
        log_entries: list[LogEntryRecord],
        demarches: list[DemarcheRecord],
    ) -> None:
        self.placeholder.setVisible(contact is None)
        self.content.setVisible(contact is not None)
        if contact is None:
            self.name_label.clear()
            for label in self.fields.values():
                label.clear()
            self.log_model.set_records([])
            self.demarches_model.set_records([])
            return
        self.name_label.setText(contact.full_name)
        shown = {
            "position": contact.position,
            "organization": organization,
            "state": state,
            "email": contact.email,
            "phone": contact.phone,
            "languages": ", ".join(contact.languages),
            "notes": contact.notes,
        }
        for key, text in shown.items():
            self.fields[key].setText(text)
        self.log_box.setTitle(
            self.tr("Log entries (the latest {0})").format(LOG_ENTRIES_SHOWN)
            if len(log_entries) >= LOG_ENTRIES_SHOWN
            else self.tr("Log entries ({0})").format(len(log_entries))
        )
        self.log_model.set_records(log_entries)
        self.demarches_box.setTitle(self.tr("Démarches ({0})").format(len(demarches)))
        self.demarches_model.set_records(demarches)


class ContactsPage(Page):
    """Every live contact; Ctrl+N adds, double-click edits, Delete deletes (undoable)."""

    shows = (Entity.CONTACT, Entity.ORGANIZATION)
    #: up to this many contacts load on the GUI thread; more load on a worker
    sync_limit = 2_000
    #: emitted when the rows of a reload are in the table
    loaded = Signal()

    def __init__(
        self, services: AppServices, undo: UndoRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._undo = undo
        self._load: BackgroundOp[ContactsData] | None = None  # the worker reading the list
        self._data: ContactsData | None = None
        self._by_contact: dict[int, list[DemarcheRecord]] | None = {}  # None: stale
        self._select_after_load: int | None = None
        self._dialogs = DialogSlot[ContactDialog](self._dialog_closed)

        self.model = ContactsTableModel(self)
        self.filter_edit = QLineEdit(self)
        self.filter_edit.setPlaceholderText(self.tr("Filter by name, organization or state…"))
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.textChanged.connect(self._filter)
        self.count_label = QLabel(self)
        self.new_button = QPushButton(self.tr("&New…"), self)
        self.new_button.clicked.connect(self.new_item)
        self.edit_button = QPushButton(self.tr("&Edit…"), self)
        self.edit_button.clicked.connect(self.edit_selected)
        self.delete_button = QPushButton(self.tr("&Delete"), self)
        self.delete_button.clicked.connect(self.delete_selected)

        self.table = sortable_records_view(
            self.model,
            self,
            widths=COLUMN_WIDTHS,
            sort_column=Column.NAME,
            export_name=self.title,
        )
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 8)
        self.table.doubleClicked.connect(self.edit_selected)
        self.table.selectionModel().selectionChanged.connect(self._show_details)

        self.detail = ContactDetail(self)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)

        top = QHBoxLayout()
        top.addWidget(self.filter_edit, 1)
        top.addWidget(self.count_label)
        top.addWidget(self.new_button)
        top.addWidget(self.edit_button)
        top.addWidget(self.delete_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.splitter, 1)
        self._update_buttons()

    def title(self) -> str:
        return self.tr("Contacts")

    # --- loading --------------------------------------------------------------------------

    @property
    def loading(self) -> bool:
        """True while a worker is reading the list."""
        return self._load is not None

    def reload(self) -> None:
        if self._load is not None:  # superseded: its rows would be out of date
            self._load.cancel()
            self._load = None
        try:
            total = self._services.contacts.count()
        except OutreachError as error:
            show_error(self, error)
            return
        if total <= self.sync_limit:
            try:
                data = fetch_contacts_data(self._services)
            except OutreachError as error:
                show_error(self, error)
                return
            self._apply(data)
            return
        self.count_label.setText(self.tr("Loading {0} contacts…").format(QLocale().toString(total)))
        services = self._services
        self._load = BackgroundOp(
            self,
            lambda _task: fetch_contacts_data(services),
            done=self._loaded,
            failed=self._load_failed,
        ).start()

    def _loaded(self, data: ContactsData) -> None:
        self._load = None
        self._apply(data)

    def _load_failed(self, error: BaseException) -> None:
        self._load = None
        self.count_label.clear()
        if not isinstance(error, OutreachError):
            raise error  # a bug: the app's error display reports it
        show_error(self, error)

    def _apply(self, data: ContactsData) -> None:
        current = self._select_after_load or self.current_contact_id()
        self._select_after_load = None
        self._data = data
        self._index_demarches(data.demarches)
        self.model.set_rows(
            data.contacts,
            {organization.id: organization.name for organization in data.organizations},
            data.states,
        )
        self.detail.demarche_states = data.states
        self._select(current)
        self._show_count()
        self._show_details()
        self.loaded.emit()

    def _index_demarches(self, demarches: list[DemarcheRecord]) -> None:
        """DemarcheService.list has no contact filter: index its records by contact."""
        by_contact: dict[int, list[DemarcheRecord]] = defaultdict(list)
        for demarche in demarches:
            for contact_id in demarche.contact_ids:
                by_contact[contact_id].append(demarche)
        self._by_contact = dict(by_contact)

    def _demarches_of(self, contact_id: int) -> list[DemarcheRecord]:
        if self._by_contact is None:
            try:
                self._index_demarches(self._services.demarches.list())
            except OutreachError as error:
                show_error(self, error)
                return []
        assert self._by_contact is not None
        return self._by_contact.get(contact_id, [])

    def on_changed(self, changes: Changes) -> None:
        if changes.touches(Entity.DEMARCHE, Entity.DEMARCHE_CONTACT):
            self._by_contact = None  # read again when a contact's details next show
        if self.isVisible() and changes.touches(
            Entity.DEMARCHE, Entity.DEMARCHE_CONTACT, Entity.LOG_ENTRY, Entity.LOG_ENTRY_CONTACT
        ):
            self._show_details()
        super().on_changed(changes)

    # --- the list ---------------------------------------------------------------------------

    def _filter(self, text: str) -> None:
        current = self.current_contact_id()
        self.model.set_filter(text)
        self._select(current)
        self._show_count()
        self._show_details()

    def _show_count(self) -> None:
        locale = QLocale()
        shown, total = self.model.rowCount(), self.model.total()
        if shown == total:
            text = (
                self.tr("1 contact")
                if total == 1
                else self.tr("{0} contacts").format(locale.toString(total))
            )
        else:
            text = self.tr("{0} of {1} contacts").format(
                locale.toString(shown), locale.toString(total)
            )
        self.count_label.setText(text)

    def _select(self, contact_id: int | None) -> None:
        select_record(self.table, self.model, contact_id, Column.NAME)

    def current_contact(self) -> ContactRecord | None:
        row = selected_row(self.table)
        return self.model.record_at(row) if row is not None else None

    def current_contact_id(self) -> int | None:
        contact = self.current_contact()
        return contact.id if contact is not None else None

    def select_contact(self, contact_id: int) -> None:
        """Select a contact (after the load under way, if any); clears a filter hiding it."""
        if self.loading:
            self._select_after_load = contact_id
            return
        if self.model.row_of(contact_id) is None and self.filter_edit.text():
            self.filter_edit.clear()
        self._select(contact_id)

    def _update_buttons(self) -> None:
        chosen = self.current_contact() is not None
        self.edit_button.setEnabled(chosen)
        self.delete_button.setEnabled(chosen)

    def _show_details(self) -> None:
        self._update_buttons()
        contact = self.current_contact()
        if contact is None or self._data is None:
            self.detail.show_contact(None, "", "", [], [])
            return
        try:
            entries = self._services.log.page(
                LogFilter(contact_id=contact.id), limit=LOG_ENTRIES_SHOWN
            )
        except OutreachError as error:
            show_error(self, error)
            entries = []
        state = self.model.state_name(contact)
        if contact.state_id is not None and contact.state_id in self._data.state_codes:
            state = f"{state} ({self._data.state_codes[contact.state_id]})"
        self.detail.show_contact(
            contact,
            self.model.organization_name(contact),
            state,
            entries,
            self._demarches_of(contact.id),
        )

    # --- Page -----------------------------------------------------------------------------

    def selection(self) -> Selection:
        contact = self.current_contact()
        if contact is None:
            return Selection()
        return Selection(state_id=contact.state_id, contact_id=contact.id)

    def new_item(self) -> None:
        self._open_dialog(None)

    def edit_selected(self) -> None:
        contact = self.current_contact()
        if contact is not None:
            self._open_dialog(contact)

    @property
    def open_dialog(self) -> ContactDialog | None:
        return self._dialogs.current

    def _open_dialog(self, contact: ContactRecord | None) -> None:
        if self._dialogs.raise_open():
            return
        data = self._data
        dialog = ContactDialog(
            self._services,
            self._undo,
            contact,
            states=(
                [(i, f"{name} ({data.state_codes[i]})") for i, name in data.states.items()]
                if data is not None
                else None
            ),
            organizations=data.organizations if data is not None else None,
            parent=self,
        )
        self._dialogs.open(dialog)

    def _dialog_closed(self, dialog: ContactDialog) -> None:
        if dialog.saved is not None:
            self.select_contact(dialog.saved.id)

    def delete_selected(self) -> None:
        contact = self.current_contact()
        if contact is None:
            return
        contacts, contact_id = self._services.contacts, contact.id
        self._undo.run(
            soft_deletion(
                self.tr("Delete contact {0}").format(contact.full_name),
                contacts.delete,
                contacts.restore,
                contact_id,
            )
        )

    def remembered_views(self) -> dict[str, Restorable]:
        return {
            "contacts/header": self.table.horizontalHeader(),
            "contacts/splitter": self.splitter,
        }

    def focus_filter(self) -> None:
        self.filter_edit.setFocus()
        self.filter_edit.selectAll()
