"""The contacts page: a filter line, the contacts list and the selected contact's details,
log entries and démarches.

`ContactService.list` cannot page quickly (it folds every contact's name in Python to
order them, about 0.2 s for any page of 20,000), so the page loads the list once and
sorts and filters it in the model. A short list loads at once; a long one loads on a
worker thread, so the page paints at once and fills in when the rows arrive.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import ClassVar

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate, QLocale, Signal
from PySide6.QtWidgets import QDialog, QGroupBox, QVBoxLayout, QWidget

from outreach.domain.changes import Changes, Entity
from outreach.domain.enums import AttachedTo
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
from ui.operations.contacts import delete_contact
from ui.services import AppServices
from ui.undo import Operation, UndoRunner
from ui.widgets.overdue import overdue_text
from ui.widgets.records_page import Field, RecordDetail, RecordsPage
from ui.widgets.records_table import RecordsModel, records_view

LOG_ENTRIES_SHOWN = 50


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


class ContactDetail(RecordDetail[ContactRecord]):
    """The selected contact: fields, recent log entries, démarches."""

    FIELDS = (
        Field[ContactRecord](
            "position", QT_TRANSLATE_NOOP("ContactDetail", "Position:"), lambda c: c.position
        ),
        Field[ContactRecord]("organization", QT_TRANSLATE_NOOP("ContactDetail", "Organization:")),
        Field[ContactRecord]("state", QT_TRANSLATE_NOOP("ContactDetail", "State:")),
        Field[ContactRecord](
            "email", QT_TRANSLATE_NOOP("ContactDetail", "E-mail:"), lambda c: c.email
        ),
        Field[ContactRecord](
            "phone", QT_TRANSLATE_NOOP("ContactDetail", "Phone:"), lambda c: c.phone
        ),
        Field[ContactRecord](
            "languages",
            QT_TRANSLATE_NOOP("ContactDetail", "Languages:"),
            lambda c: ", ".join(c.languages),
        ),
        Field[ContactRecord](
            "notes", QT_TRANSLATE_NOOP("ContactDetail", "Notes:"), lambda c: c.notes
        ),
    )

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Select a contact to see their details."), parent)
        self.name_label = self.heading_label
        self.log_model: RecordsModel[LogEntryRecord] = RecordsModel(
            [
                (self.tr("Date"), lambda entry: _short_date(entry.occurred_on)),
                (self.tr("Kind"), lambda entry: entry.kind),
                (self.tr("Summary"), lambda entry: entry.summary),
                (
                    self.tr("Follow-up"),
                    lambda entry: overdue_text(
                        _short_date(entry.follow_up_on), entry.follow_up_overdue_on(date.today())
                    ),
                ),
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
        self.content_layout.addWidget(self.log_box, 2)
        self.content_layout.addWidget(self.demarches_box, 1)

    def heading(self, record: ContactRecord) -> str:
        return record.full_name

    def show_contact(
        self,
        contact: ContactRecord | None,
        organization: str,
        state: str,
        log_entries: list[LogEntryRecord],
        demarches: list[DemarcheRecord],
    ) -> None:
        self.show_record(contact, organization=organization, state=state)
        if contact is None:
            self.log_model.set_records([])
            self.demarches_model.set_records([])
            return
        self.log_box.setTitle(
            self.tr("Log entries (the latest {0})").format(LOG_ENTRIES_SHOWN)
            if len(log_entries) >= LOG_ENTRIES_SHOWN
            else self.tr("Log entries ({0})").format(len(log_entries))
        )
        self.log_model.set_records(log_entries)
        self.demarches_box.setTitle(self.tr("Démarches ({0})").format(len(demarches)))
        self.demarches_model.set_records(demarches)


class ContactsPage(RecordsPage[ContactRecord]):
    """Every live contact; Ctrl+N adds, double-click edits, Delete deletes (undoable)."""

    shows = (Entity.CONTACT, Entity.ORGANIZATION)
    RECORD_TYPE = ContactRecord
    SETTINGS_KEY = "contacts"
    SORT_COLUMN = Column.NAME
    ATTACHED_TO = AttachedTo.CONTACT
    COLUMN_WIDTHS: ClassVar[Mapping[int, int]] = {
        Column.NAME: 200,
        Column.POSITION: 240,
        Column.ORGANIZATION: 240,
        Column.STATE: 140,
        Column.EMAIL: 220,
        Column.PHONE: 130,
    }
    model: ContactsTableModel
    detail: ContactDetail
    #: up to this many contacts load on the GUI thread; more load on a worker
    sync_limit = 2_000
    #: emitted when the rows of a reload are in the table
    loaded = Signal()

    def __init__(
        self, services: AppServices, undo: UndoRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(services, undo, ContactsTableModel(), ContactDetail(), parent)
        self._load: BackgroundOp[ContactsData] | None = None  # the worker reading the list
        self._data: ContactsData | None = None
        self._by_contact: dict[int, list[DemarcheRecord]] | None = {}  # None: stale
        self._select_after_load: int | None = None
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 8)

    @classmethod
    def title(cls) -> str:
        return QCoreApplication.translate("ContactsPage", "Contacts")

    def filter_hint(self) -> str:
        return self.tr("Filter by name, organization or state…")

    def count_wording(self, total: int, filtered: bool) -> str:
        if filtered:
            return self.tr("%1 of %Ln contacts", "", total)
        return self.tr("%Ln contacts", "", total)

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
        current = self._select_after_load or self.current_id()
        self._select_after_load = None
        self._data = data
        self._index_demarches(data.demarches)
        self.model.set_rows(
            data.contacts,
            {organization.id: organization.name for organization in data.organizations},
            data.states,
        )
        self.detail.demarche_states = data.states
        self.show_rows(current)
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
            self.refresh_detail()
        super().on_changed(changes)

    # --- the list ---------------------------------------------------------------------------

    def current_contact(self) -> ContactRecord | None:
        return self.current_record()

    def current_contact_id(self) -> int | None:
        return self.current_id()

    def select_contact(self, contact_id: int) -> None:
        """Select a contact (after the load under way, if any); clears a filter hiding it."""
        if self.loading:
            self._select_after_load = contact_id
            return
        self.reveal(contact_id)

    def show_detail(self, record: ContactRecord | None) -> None:
        if record is None or self._data is None:
            self.detail.show_contact(None, "", "", [], [])
            return
        try:
            entries = self._services.log.page(
                LogFilter(contact_id=record.id), limit=LOG_ENTRIES_SHOWN
            )
        except OutreachError as error:
            show_error(self, error)
            entries = []
        state = self.model.state_name(record)
        if record.state_id is not None and record.state_id in self._data.state_codes:
            state = f"{state} ({self._data.state_codes[record.state_id]})"
        self.detail.show_contact(
            record,
            self.model.organization_name(record),
            state,
            entries,
            self._demarches_of(record.id),
        )

    # --- Page -----------------------------------------------------------------------------

    def selection(self) -> Selection:
        contact = self.current_record()
        if contact is None:
            return Selection()
        return Selection(state_id=contact.state_id, contact_id=contact.id)

    def editor(self, record: ContactRecord | None) -> QDialog:
        data = self._data
        return ContactDialog(
            self._services,
            self._undo,
            record,
            states=(
                [(i, f"{name} ({data.state_codes[i]})") for i, name in data.states.items()]
                if data is not None
                else None
            ),
            organizations=data.organizations if data is not None else None,
            parent=self,
        )

    def deletion(self, record: ContactRecord) -> Operation[ContactRecord]:
        return delete_contact(self._services.contacts, record)
