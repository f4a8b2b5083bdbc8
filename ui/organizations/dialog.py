"""Adding and editing an organization, as one undoable step; the dialog stays open with
what was typed when the services refuse the entry."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from outreach.domain import limits
from outreach.domain.enums import OrganizationKind
from outreach.domain.records import OrganizationRecord
from outreach.errors import ValidationError
from ui.contacts.dialog import state_choices
from ui.errors import show_error
from ui.organizations.table_model import kind_label
from ui.services import AppServices
from ui.undo import Operation, UndoRunner, versioned_edit
from ui.widgets.id_combo import IdComboBox


def organization_values(organization: OrganizationRecord) -> dict[str, Any]:
    """Every field as `OrganizationService.update` keywords (to put it back)."""
    return {
        "name": organization.name,
        "kind": organization.kind,
        "state": organization.state_id,
        "city": organization.city,
        "notes": organization.notes,
    }


class OrganizationDialog(QDialog):
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
        super().__init__(parent)
        self._services = services
        self._undo = undo
        self._organization = organization
        self.saved: OrganizationRecord | None = None
        self.setWindowTitle(
            self.tr("Edit organization") if organization else self.tr("New organization")
        )
        self.setMinimumWidth(480)

        self.name_edit = QLineEdit(self)
        self.name_edit.setMaxLength(limits.ORGANIZATION_NAME.max_length)
        self.name_edit.setPlaceholderText(self.tr("Required"))
        self.kind_box = QComboBox(self)
        for kind in OrganizationKind:
            self.kind_box.addItem(kind_label(kind), kind.value)
        self.state_box = IdComboBox(self.tr("— none —"), self)
        self.state_box.set_choices(list(states) if states is not None else state_choices(services))
        self.city_edit = QLineEdit(self)
        self.city_edit.setMaxLength(limits.CITY.max_length)
        self.notes_edit = QPlainTextEdit(self)
        self.notes_edit.setTabChangesFocus(True)

        form = QFormLayout()
        form.addRow(self.tr("&Name:"), self.name_edit)
        form.addRow(self.tr("&Kind:"), self.kind_box)
        form.addRow(self.tr("&State:"), self.state_box)
        form.addRow(self.tr("&City:"), self.city_edit)
        form.addRow(self.tr("N&otes:"), self.notes_edit)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
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

    def save(self) -> None:
        if not self.state_box.names_something():
            message = self.tr("'{0}' is not a state in the list; pick one.")
            show_error(self, ValidationError(message.format(self.state_box.currentText())))
            self.state_box.setFocus()
            return
        values = self.values()
        organizations = self._services.organizations
        before = self._organization
        record: OrganizationRecord | None
        if before is None:
            record = self._undo.run(
                Operation(
                    self.tr("Add organization {0}").format(values["name"].strip()),
                    do=lambda: organizations.create(**values),
                    undo=lambda created: organizations.delete(created.id),
                    redo=lambda created: organizations.restore(created.id),
                )
            )
        else:
            previous = organization_values(before)
            if all(str(values[key]).strip() == str(previous[key]) for key in values):
                self.saved = before
                self.accept()
                return
            organization_id = before.id
            record = self._undo.run(
                versioned_edit(
                    self.tr("Edit organization {0}").format(before.name),
                    lambda **fields: organizations.update(organization_id, **fields),
                    self._undo.versions,
                    ("organization", organization_id),
                    before.version,
                    new=values,
                    old=previous,
                )
            )
        if record is None:
            return  # refused: the message was shown; keep the dialog and its input
        self.saved = record
        self._show(record)
        self.accept()
