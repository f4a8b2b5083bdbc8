"""Adding and editing a contact: the dialog checks phone and e-mail as they are typed,
saves through the services as one undoable step, and stays open (input kept) when the
services refuse the entry."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from outreach.domain import limits
from outreach.domain.records import ContactRecord, OrganizationRecord
from outreach.errors import OutreachError, ValidationError
from outreach.services.contacts import normalize_email, normalize_phone
from ui.errors import show_error
from ui.services import AppServices
from ui.undo import Operation, UndoRunner, versioned_edit
from ui.widgets.id_combo import IdComboBox

ERROR = "#b00020"  # the colour of a hint that says what is wrong


def contact_values(contact: ContactRecord) -> dict[str, Any]:
    """Every field of a contact as `ContactService.update` keywords (to put it back)."""
    return {
        "family_name": contact.family_name,
        "given_name": contact.given_name,
        "position": contact.position,
        "organization_id": contact.organization_id,
        "state": contact.state_id,
        "email": contact.email,
        "phone": contact.phone,
        "languages": list(contact.languages),
        "notes": contact.notes,
    }


def state_choices(services: AppServices) -> list[tuple[int, str]]:
    """(id, "Name (ISO)") for every state, by name."""
    return [(row.id, f"{row.name} ({row.iso3})") for row in services.states.list_rows()]


class ContactDialog(QDialog):
    """`contact=None` adds a contact; otherwise edits it. After a successful save,
    `saved` holds the stored record and the fields show what was stored (the phone in
    E.164), then the dialog accepts."""

    def __init__(
        self,
        services: AppServices,
        undo: UndoRunner,
        contact: ContactRecord | None = None,
        *,
        states: Sequence[tuple[int, str]] | None = None,
        organizations: Sequence[OrganizationRecord] | None = None,
        organization_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._undo = undo
        self._contact = contact
        self._regions: dict[int, str | None] = {}
        self.saved: ContactRecord | None = None
        self.setWindowTitle(self.tr("Edit contact") if contact else self.tr("New contact"))
        self.setMinimumWidth(520)

        if organizations is None:
            organizations = services.organizations.list()
        self._organizations = {organization.id: organization for organization in organizations}

        self.given_edit = QLineEdit(self)
        self.given_edit.setMaxLength(limits.GIVEN_NAME.max_length)
        self.family_edit = QLineEdit(self)
        self.family_edit.setMaxLength(limits.FAMILY_NAME.max_length)
        self.family_edit.setPlaceholderText(self.tr("Required"))
        self.position_edit = QLineEdit(self)
        self.position_edit.setMaxLength(limits.POSITION.max_length)
        self.organization_box = IdComboBox(self.tr("— none —"), self)
        self.organization_box.set_choices(
            [(organization.id, organization.name) for organization in organizations]
        )
        self.state_box = IdComboBox(self.tr("— none —"), self)
        self.state_box.set_choices(list(states) if states is not None else state_choices(services))
        self.email_edit = QLineEdit(self)
        self.email_edit.setMaxLength(limits.EMAIL.max_length)
        self.email_edit.setPlaceholderText(self.tr("name@example.org"))
        self.email_hint = self._hint_label()
        self.phone_edit = QLineEdit(self)
        self.phone_edit.setMaxLength(limits.PHONE.max_length)
        self.phone_edit.setPlaceholderText(self.tr("+855 23 223 456, or national with a state"))
        self.phone_hint = self._hint_label()
        self.languages_edit = QLineEdit(self)
        self.languages_edit.setMaxLength(limits.LANGUAGES.max_length)
        self.languages_edit.setPlaceholderText(self.tr("ISO 639-1 codes: en, fr, km"))
        self.notes_edit = QPlainTextEdit(self)
        self.notes_edit.setTabChangesFocus(True)

        form = QFormLayout()
        form.addRow(self.tr("&Given name:"), self.given_edit)
        form.addRow(self.tr("&Family name:"), self.family_edit)
        form.addRow(self.tr("&Position:"), self.position_edit)
        form.addRow(self.tr("&Organization:"), self.organization_box)
        form.addRow(self.tr("&State:"), self.state_box)
        form.addRow(self.tr("&E-mail:"), self.email_edit)
        form.addRow("", self.email_hint)
        form.addRow(self.tr("P&hone:"), self.phone_edit)
        form.addRow("", self.phone_hint)
        form.addRow(self.tr("&Languages:"), self.languages_edit)
        form.addRow(self.tr("&Notes:"), self.notes_edit)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)

        if contact is not None:
            self._show(contact)
        else:
            self.organization_box.set_current_id(organization_id)
            self._take_organization_state()
        self.organization_box.currentIndexChanged.connect(self._take_organization_state)
        self.email_edit.textChanged.connect(self._check_email)
        self.phone_edit.textChanged.connect(self._check_phone)
        self.state_box.currentIndexChanged.connect(self._check_phone)
        self._check_email()
        self._check_phone()
        (self.given_edit if contact else self.family_edit).setFocus()

    # --- the fields -----------------------------------------------------------------------

    def _hint_label(self) -> QLabel:
        label = QLabel(self)
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        return label

    def _show(self, contact: ContactRecord) -> None:
        self.given_edit.setText(contact.given_name)
        self.family_edit.setText(contact.family_name)
        self.position_edit.setText(contact.position)
        self.organization_box.set_current_id(contact.organization_id)
        self.state_box.set_current_id(contact.state_id)
        self.email_edit.setText(contact.email)
        self.phone_edit.setText(contact.phone)
        self.languages_edit.setText(", ".join(contact.languages))
        self.notes_edit.setPlainText(contact.notes)

    def values(self) -> dict[str, Any]:
        """What the fields hold, as `ContactService.create`/`update` keywords."""
        return {
            "family_name": self.family_edit.text(),
            "given_name": self.given_edit.text(),
            "position": self.position_edit.text(),
            "organization_id": self.organization_box.current_id(),
            "state": self.state_box.current_id(),
            "email": self.email_edit.text(),
            "phone": self.phone_edit.text(),
            "languages": self.languages_edit.text(),
            "notes": self.notes_edit.toPlainText(),
        }

    def _take_organization_state(self) -> None:
        """A contact usually works in their organization's state: offer it."""
        organization = self._organizations.get(self.organization_box.current_id() or -1)
        if organization is not None and self.state_box.current_id() is None:
            self.state_box.set_current_id(organization.state_id)

    def _region(self) -> str | None:
        state_id = self.state_box.current_id()
        if state_id is None:
            return None
        if state_id not in self._regions:
            try:
                self._regions[state_id] = self._services.states.get(state_id).iso2
            except OutreachError:
                self._regions[state_id] = None
        return self._regions[state_id]

    def _set_hint(self, label: QLabel, text: str, ok: bool) -> None:
        label.setText(text)
        palette = label.palette()
        colour = self.palette().color(QPalette.ColorRole.PlaceholderText) if ok else QColor(ERROR)
        palette.setColor(QPalette.ColorRole.WindowText, colour)
        label.setPalette(palette)

    def _check_email(self) -> None:
        text = self.email_edit.text().strip()
        if not text:
            self._set_hint(self.email_hint, "", True)
            return
        try:
            stored = normalize_email(text)
        except OutreachError as error:
            self._set_hint(self.email_hint, str(error), False)
        else:
            self._set_hint(self.email_hint, self.tr("Will be stored as {0}").format(stored), True)

    def _check_phone(self) -> None:
        text = self.phone_edit.text().strip()
        if not text:
            self._set_hint(self.phone_hint, "", True)
            return
        try:
            stored = normalize_phone(text, self._region())
        except OutreachError as error:
            self._set_hint(self.phone_hint, str(error), False)
        else:
            self._set_hint(self.phone_hint, self.tr("Will be stored as {0}").format(stored), True)

    # --- saving ---------------------------------------------------------------------------

    def save(self) -> None:
        """Save through the services; on a refusal the message shows and the dialog stays
        open with what was typed."""
        if not self.organization_box.names_something():
            message = self.tr("'{0}' is not an organization in the list; pick one from it.")
            self._refuse(self.organization_box, message)
            return
        if not self.state_box.names_something():
            self._refuse(self.state_box, self.tr("'{0}' is not a state in the list; pick one."))
            return
        values = self.values()
        contacts = self._services.contacts
        before = self._contact
        record: ContactRecord | None
        if before is None:
            name = " ".join(part for part in (values["given_name"], values["family_name"]) if part)
            record = self._undo.run(
                Operation(
                    self.tr("Add contact {0}").format(name.strip()),
                    do=lambda: contacts.create(**values),
                    undo=lambda created: contacts.delete(created.id),
                    redo=lambda created: contacts.restore(created.id),
                )
            )
        else:
            if self._unchanged(before, values):
                self.saved = before
                self.accept()
                return
            contact_id, previous = before.id, contact_values(before)
            record = self._undo.run(
                versioned_edit(
                    self.tr("Edit contact {0}").format(before.full_name),
                    lambda **fields: contacts.update(contact_id, **fields),
                    self._undo.versions,
                    ("contact", contact_id),
                    before.version,
                    new=values,
                    old=previous,
                )
            )
        if record is None:
            return  # refused: the message was shown; keep the dialog and its input
        self.saved = record
        self._show(record)  # what was stored: the phone in E.164, the e-mail normalised
        self.accept()

    def _refuse(self, box: IdComboBox, message: str) -> None:
        show_error(self, ValidationError(message.format(box.currentText())))
        box.setFocus()

    @staticmethod
    def _unchanged(before: ContactRecord, values: dict[str, Any]) -> bool:
        old = contact_values(before)
        return (
            all(
                str(values[key]).strip() == str(old[key])
                for key in ("family_name", "given_name", "position", "email", "phone", "notes")
            )
            and values["organization_id"] == old["organization_id"]
            and values["state"] == old["state"]
            and values["languages"].replace(" ", "") == ",".join(old["languages"])
        )
