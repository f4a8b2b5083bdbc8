"""Adding and editing an organization, as one undoable step; the dialog stays open with
what was typed when the services refuse the entry."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtWidgets import QDialogButtonBox, QPlainTextEdit, QWidget

from outreach.domain import limits
from outreach.domain.enums import OrganizationKind
from outreach.domain.records import OrganizationRecord
from outreach.errors import ValidationError
from ui.contacts.dialog import state_choices
from ui.operations.organizations import create_organization, edit_organization
from ui.organizations.table_model import kind_label
from ui.services import AppServices
from ui.undo import UndoRunner
from ui.widgets.id_combo import IdComboBox
from ui.widgets.pickers import choice_box
from ui.widgets.record_dialog import ServiceDialog


class OrganizationDialog(ServiceDialog):
    """`organization=None` adds one; otherwise edits it. `saved` holds the stored record
    after a successful save."""

    def __init__(
        self,
        services: AppServices,
        undo: UndoRunner,
        organization: OrganizationRecord | None = None,
        *,
        states: Sequence[tuple[int, str]] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(services, undo, parent, QDialogButtonBox.StandardButton.Save)
        self._organization = organization
        self.setWindowTitle(
            self.tr("Edit organization") if organization else self.tr("New organization")
        )
        self.setMinimumWidth(480)

        self.name_edit = self.add_text(
            limits.ORGANIZATION_NAME, self.tr("&Name:"), self.tr("Required")
        )
        self.kind_box = choice_box(OrganizationKind, kind_label, self)
        self.add_row(self.tr("&Kind:"), self.kind_box, "kind")
        self.state_box = IdComboBox(self.tr("— none —"), self)
        self.state_box.set_choices(list(states) if states is not None else state_choices(services))
        self.add_row(self.tr("&State:"), self.state_box, "state")
        self.city_edit = self.add_text(limits.CITY, self.tr("&City:"))
        self.notes_edit = QPlainTextEdit(self)
        self.notes_edit.setTabChangesFocus(True)
        self.add_row(self.tr("N&otes:"), self.notes_edit, "notes")
        if organization is not None:
            self._show(organization)
        else:
            self.kind_box.setCurrentIndex(self.kind_box.findData(OrganizationKind.MINISTRY.value))
        self.name_edit.setFocus()

    def _show(self, organization: OrganizationRecord) -> None:
        self.name_edit.setText(organization.name)
        index = self.kind_box.findData(organization.kind)
        self.kind_box.setCurrentIndex(max(index, 0))
        self.state_box.set_current_id(organization.state_id)
        self.city_edit.setText(organization.city)
        self.notes_edit.setPlainText(organization.notes)

    def values(self) -> dict[str, Any]:
        """What the fields hold, as `OrganizationService.create`/`update` keywords."""
        return {
            "name": self.name_edit.text(),
            "kind": self.kind_box.currentData(),
            "state": self.state_box.current_id(),
            "city": self.city_edit.text(),
            "notes": self.notes_edit.toPlainText(),
        }

    def save(self) -> bool:
        if not self.state_box.names_something():
            message = self.tr("'{0}' is not a state in the list; pick one.")
            raise ValidationError(message.format(self.state_box.currentText()), "state")
        values = self.values()
        organizations, guarded = self._services.organizations, self.errors.guarded
        before = self._organization
        operation = (
            create_organization(organizations, values, guarded)
            if before is None
            else edit_organization(organizations, self._undo.versions, before, values, guarded)
        )
        if not self.saved_by(operation, before):
            return False
        self._show(self.saved)
        return True
