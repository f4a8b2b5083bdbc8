"""The organizations page: a filter line, the list, and the selected organization's
details and contacts."""

from __future__ import annotations

from collections.abc import Mapping
from typing import ClassVar

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QGroupBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from outreach.domain.changes import Changes, Entity
from outreach.domain.enums import AttachedTo
from outreach.domain.records import ContactRecord, OrganizationRecord
from outreach.errors import OutreachError
from ui.contacts.dialog import ContactDialog
from ui.context import Selection
from ui.errors import show_error
from ui.operations.organizations import delete_organization
from ui.organizations.dialog import OrganizationDialog
from ui.organizations.table_model import Column, OrganizationsTableModel, kind_label
from ui.services import AppServices
from ui.undo import Operation, UndoRunner
from ui.widgets.filtered_records import selected_row
from ui.widgets.records_page import Field, RecordDetail, RecordsPage
from ui.widgets.records_table import RECORD_ROLE, RecordsModel, records_view


class OrganizationDetail(RecordDetail[OrganizationRecord]):
    """The selected organization: its fields and its contacts."""

    FIELDS = (
        Field[OrganizationRecord](
            "kind", QT_TRANSLATE_NOOP("OrganizationDetail", "Kind:"), lambda o: kind_label(o.kind)
        ),
        Field[OrganizationRecord]("state", QT_TRANSLATE_NOOP("OrganizationDetail", "State:")),
        Field[OrganizationRecord](
            "city", QT_TRANSLATE_NOOP("OrganizationDetail", "City:"), lambda o: o.city
        ),
        Field[OrganizationRecord](
            "notes", QT_TRANSLATE_NOOP("OrganizationDetail", "Notes:"), lambda o: o.notes
        ),
    )

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Select an organization to see its contacts."), parent)
        self.contacts_model: RecordsModel[ContactRecord] = RecordsModel(
            [
                (self.tr("Name"), lambda contact: contact.full_name),
                (self.tr("Position"), lambda contact: contact.position),
                (self.tr("E-mail"), lambda contact: contact.email),
                (self.tr("Phone"), lambda contact: contact.phone),
            ],
            parent=self,
        )
        self.contacts_view = records_view(self.contacts_model, self)
        self.contacts_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.add_contact_button = QPushButton(self.tr("Add &contact…"), self)
        self.contacts_box = QGroupBox(self.tr("Contacts"), self)
        box = QVBoxLayout(self.contacts_box)
        box.addWidget(self.contacts_view)
        box.addWidget(self.add_contact_button, 0, Qt.AlignmentFlag.AlignRight)
        self.content_layout.addWidget(self.contacts_box, 1)

    def heading(self, record: OrganizationRecord) -> str:
        return record.name

    def show_organization(
        self, organization: OrganizationRecord | None, state: str, contacts: list[ContactRecord]
    ) -> None:
        self.show_record(organization, state=state)
        self.contacts_box.setTitle(self.tr("Contacts ({0})").format(len(contacts)))
        self.contacts_model.set_records(contacts)

    def current_contact(self) -> ContactRecord | None:
        row = selected_row(self.contacts_view)
        if row is None:
            return None
        record = self.contacts_model.index(row, 0).data(RECORD_ROLE)
        return record if isinstance(record, ContactRecord) else None


class OrganizationsPage(RecordsPage[OrganizationRecord]):
    """Every live organization; Ctrl+N adds, double-click edits, Delete deletes (undoable)."""

    shows = (Entity.ORGANIZATION,)
    RECORD_TYPE = OrganizationRecord
    SETTINGS_KEY = "organizations"
    SORT_COLUMN = Column.NAME
    ATTACHED_TO = AttachedTo.ORGANIZATION
    COLUMN_WIDTHS: ClassVar[Mapping[int, int]] = {
        Column.NAME: 360,
        Column.KIND: 120,
        Column.STATE: 180,
    }
    model: OrganizationsTableModel
    detail: OrganizationDetail

    def __init__(
        self, services: AppServices, undo: UndoRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(services, undo, OrganizationsTableModel(), OrganizationDetail(), parent)
        self._states: dict[int, str] = {}
        self._state_codes: dict[int, str] = {}
        self.detail.contacts_view.doubleClicked.connect(self._edit_contact)
        self.detail.contacts_view.selectionModel().selectionChanged.connect(self.update_buttons)
        self.detail.add_contact_button.clicked.connect(self._add_contact)

    @classmethod
    def title(cls) -> str:
        return QCoreApplication.translate("OrganizationsPage", "Organizations")

    def filter_hint(self) -> str:
        return self.tr("Filter by name, state or city…")

    def count_wording(self, total: int, filtered: bool) -> str:
        if filtered:
            return self.tr("%1 of %Ln organizations", "", total)
        return self.tr("%Ln organizations", "", total)

    # --- loading --------------------------------------------------------------------------

    def reload(self) -> None:
        current = self.current_id()
        try:
            organizations = self._services.organizations.list()
            rows = self._services.states.list_rows()
        except OutreachError as error:
            show_error(self, error)
            return
        self._states = {row.id: row.name for row in rows}
        self._state_codes = {row.id: row.iso3 for row in rows}
        self.model.set_rows(organizations, self._states)
        self.show_rows(current)

    def on_changed(self, changes: Changes) -> None:
        super().on_changed(changes)
        if changes.touches(Entity.CONTACT) and not changes.touches(*self.shows):
            self.refresh_detail()

    def select_organization(self, organization_id: int) -> None:
        self.reveal(organization_id)

    def current_organization_id(self) -> int | None:
        return self.current_id()

    def _state_label(self, state_id: int | None) -> str:
        if state_id is None or state_id not in self._states:
            return ""
        return f"{self._states[state_id]} ({self._state_codes.get(state_id, '')})"

    def show_detail(self, record: OrganizationRecord | None) -> None:
        contacts: list[ContactRecord] = []
        if record is not None:
            try:
                contacts = self._services.contacts.list(organization_id=record.id)
            except OutreachError as error:
                show_error(self, error)
        self.detail.show_organization(
            record, self._state_label(record.state_id) if record else "", contacts
        )

    # --- Page -----------------------------------------------------------------------------

    def selection(self) -> Selection:
        organization = self.current_record()
        if organization is None:
            return Selection()
        contact = self.detail.current_contact()
        return Selection(
            state_id=(
                contact.state_id
                if contact is not None and contact.state_id is not None
                else organization.state_id
            ),
            contact_id=contact.id if contact is not None else None,
        )

    def _state_choices(self) -> list[tuple[int, str]] | None:
        if not self._states:
            return None
        return [(i, self._state_label(i)) for i in self._states]

    def editor(self, record: OrganizationRecord | None) -> QDialog:
        return OrganizationDialog(
            self._services, self._undo, record, states=self._state_choices(), parent=self
        )

    def _add_contact(self) -> None:
        organization = self.current_record()
        if organization is None:
            return
        self.open_editor(
            lambda: ContactDialog(
                self._services,
                self._undo,
                None,
                states=self._state_choices(),
                organization_id=organization.id,
                parent=self,
            )
        )

    def _edit_contact(self) -> None:
        contact = self.detail.current_contact()
        if contact is not None:
            self.open_editor(
                lambda: ContactDialog(
                    self._services, self._undo, contact, states=self._state_choices(), parent=self
                )
            )

    def deletion(self, record: OrganizationRecord) -> Operation[OrganizationRecord]:
        return delete_organization(self._services.organizations, record)
