"""The organizations page: a filter line, the list, and the selected organization's
details and contacts."""

from __future__ import annotations

from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
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
from outreach.domain.records import ContactRecord, OrganizationRecord
from outreach.errors import OutreachError
from ui.contacts.dialog import ContactDialog
from ui.context import Selection
from ui.errors import show_error
from ui.organizations.dialog import OrganizationDialog
from ui.organizations.table_model import Column, OrganizationsTableModel, kind_label
from ui.pages import Page, Restorable
from ui.services import AppServices
from ui.undo import UndoRunner, soft_deletion
from ui.widgets.filtered_records import select_record, selected_row
from ui.widgets.modal import DialogSlot
from ui.widgets.records_table import RECORD_ROLE, RecordsModel, records_view, sortable_records_view

COLUMN_WIDTHS = {Column.NAME: 360, Column.KIND: 120, Column.STATE: 180}


class OrganizationDetail(QWidget):
    """The selected organization: its fields and its contacts."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.name_label = QLabel(self)
        font = self.name_label.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.name_label.setFont(font)
        self.name_label.setWordWrap(True)
        self.name_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.fields: dict[str, QLabel] = {}
        form = QFormLayout()
        for key, label in (
            ("kind", self.tr("Kind:")),
            ("state", self.tr("State:")),
            ("city", self.tr("City:")),
            ("notes", self.tr("Notes:")),
        ):
            value = QLabel(self)
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            form.addRow(label, value)
            self.fields[key] = value
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

        self.placeholder = QLabel(self.tr("Select an organization to see its contacts."), self)
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.content = QWidget(self)
        content = QVBoxLayout(self.content)
        content.setContentsMargins(0, 0, 0, 0)
        content.addWidget(self.name_label)
        content.addLayout(form)
        content.addWidget(self.contacts_box, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.placeholder)
        layout.addWidget(self.content)
        self.show_organization(None, "", [])

    def show_organization(
        self, organization: OrganizationRecord | None, state: str, contacts: list[ContactRecord]
    ) -> None:
        self.placeholder.setVisible(organization is None)
        self.content.setVisible(organization is not None)
        if organization is None:
            self.name_label.clear()
            for label in self.fields.values():
                label.clear()
            self.contacts_model.set_records([])
            return
        self.name_label.setText(organization.name)
        self.fields["kind"].setText(kind_label(organization.kind))
        self.fields["state"].setText(state)
        self.fields["city"].setText(organization.city)
        self.fields["notes"].setText(organization.notes)
        self.contacts_box.setTitle(self.tr("Contacts ({0})").format(len(contacts)))
        self.contacts_model.set_records(contacts)

    def current_contact(self) -> ContactRecord | None:
        row = selected_row(self.contacts_view)
        if row is None:
            return None
        record = self.contacts_model.index(row, 0).data(RECORD_ROLE)
        return record if isinstance(record, ContactRecord) else None


class OrganizationsPage(Page):
    """Every live organization; Ctrl+N adds, double-click edits, Delete deletes (undoable)."""

    shows = (Entity.ORGANIZATION,)

    def __init__(
        self, services: AppServices, undo: UndoRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._undo = undo
        self._states: dict[int, str] = {}
        self._state_codes: dict[int, str] = {}
        self._dialogs = DialogSlot[OrganizationDialog | ContactDialog](self._dialog_closed)

        self.model = OrganizationsTableModel(self)
        self.filter_edit = QLineEdit(self)
        self.filter_edit.setPlaceholderText(self.tr("Filter by name, state or city…"))
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
        self.table.doubleClicked.connect(self.edit_selected)
        self.table.selectionModel().selectionChanged.connect(self._show_details)

        self.detail = OrganizationDetail(self)
        self.detail.contacts_view.doubleClicked.connect(self._edit_contact)
        self.detail.contacts_view.selectionModel().selectionChanged.connect(self._update_buttons)
        self.detail.add_contact_button.clicked.connect(self._add_contact)
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
        return self.tr("Organizations")

    # --- loading --------------------------------------------------------------------------

    def reload(self) -> None:
        current = self.current_organization_id()
        try:
            organizations = self._services.organizations.list()
            rows = self._services.states.list_rows()
        except OutreachError as error:
            show_error(self, error)
            return
        self._states = {row.id: row.name for row in rows}
        self._state_codes = {row.id: row.iso3 for row in rows}
        self.model.set_rows(organizations, self._states)
        self._select(current)
        self._show_count()
        self._show_details()

    def on_changed(self, changes: Changes) -> None:
        super().on_changed(changes)
        if changes.touches(Entity.CONTACT) and not changes.touches(*self.shows):
            self._show_details()

    def _filter(self, text: str) -> None:
        current = self.current_organization_id()
        self.model.set_filter(text)
        self._select(current)
        self._show_count()
        self._show_details()

    def _show_count(self) -> None:
        locale = QLocale()
        shown, total = self.model.rowCount(), self.model.total()
        if shown == total:
            text = (
                self.tr("1 organization")
                if total == 1
                else self.tr("{0} organizations").format(locale.toString(total))
            )
        else:
            text = self.tr("{0} of {1} organizations").format(
                locale.toString(shown), locale.toString(total)
            )
        self.count_label.setText(text)

    def _select(self, organization_id: int | None) -> None:
        select_record(self.table, self.model, organization_id, Column.NAME)

    def select_organization(self, organization_id: int) -> None:
        if self.model.row_of(organization_id) is None and self.filter_edit.text():
            self.filter_edit.clear()
        self._select(organization_id)

    def current_organization(self) -> OrganizationRecord | None:
        row = selected_row(self.table)
        return self.model.record_at(row) if row is not None else None

    def current_organization_id(self) -> int | None:
        organization = self.current_organization()
        return organization.id if organization is not None else None

    def _state_label(self, state_id: int | None) -> str:
        if state_id is None or state_id not in self._states:
            return ""
        return f"{self._states[state_id]} ({self._state_codes.get(state_id, '')})"

    def _show_details(self) -> None:
        organization = self.current_organization()
        contacts: list[ContactRecord] = []
        if organization is not None:
            try:
                contacts = self._services.contacts.list(organization_id=organization.id)
            except OutreachError as error:
                show_error(self, error)
        self.detail.show_organization(
            organization,
            self._state_label(organization.state_id) if organization else "",
            contacts,
        )
        self._update_buttons()

    def _update_buttons(self) -> None:
        chosen = self.current_organization() is not None
        self.edit_button.setEnabled(chosen)
        self.delete_button.setEnabled(chosen)

    # --- Page -----------------------------------------------------------------------------

    def selection(self) -> Selection:
        organization = self.current_organization()
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

    def new_item(self) -> None:
        self._open(
            OrganizationDialog(
                self._services, self._undo, None, states=self._state_choices(), parent=self
            )
        )

    def edit_selected(self) -> None:
        organization = self.current_organization()
        if organization is not None:
            self._open(
                OrganizationDialog(
                    self._services,
                    self._undo,
                    organization,
                    states=self._state_choices(),
                    parent=self,
                )
            )

    def _add_contact(self) -> None:
        organization = self.current_organization()
        if organization is None:
            return
        self._open(
            ContactDialog(
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
            self._open(
                ContactDialog(
                    self._services, self._undo, contact, states=self._state_choices(), parent=self
                )
            )

    @property
    def open_dialog(self) -> OrganizationDialog | ContactDialog | None:
        return self._dialogs.current

    def _open(self, dialog: OrganizationDialog | ContactDialog) -> None:
        self._dialogs.open(dialog)

    def _dialog_closed(self, dialog: OrganizationDialog | ContactDialog) -> None:
        if isinstance(dialog, OrganizationDialog) and dialog.saved is not None:
            self.select_organization(dialog.saved.id)

    def delete_selected(self) -> None:
        organization = self.current_organization()
        if organization is None:
            return
        organizations, organization_id = self._services.organizations, organization.id
        self._undo.run(
            soft_deletion(
                self.tr("Delete organization {0}").format(organization.name),
                organizations.delete,
                organizations.restore,
                organization_id,
            )
        )

    def remembered_views(self) -> dict[str, Restorable]:
        return {
            "organizations/header": self.table.horizontalHeader(),
            "organizations/splitter": self.splitter,
        }

    def focus_filter(self) -> None:
        self.filter_edit.setFocus()
        self.filter_edit.selectAll()
