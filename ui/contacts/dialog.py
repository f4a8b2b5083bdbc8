"""Adding and editing a contact: the dialog checks phone and e-mail as they are typed,
saves through the services as one undoable step, and stays open (input kept) when the
services refuse the entry."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QDialogButtonBox, QLabel, QLineEdit, QPlainTextEdit, QWidget

from outreach.domain import limits
from outreach.domain.records import ContactRecord, OrganizationRecord
from outreach.errors import OutreachError, ValidationError
from outreach.services.contacts import normalize_email, normalize_phone
from ui.operations.contacts import create_contact, edit_contact
from ui.services import AppServices
from ui.undo import UndoRunner
from ui.widgets.id_combo import IdComboBox
from ui.widgets.record_dialog import ServiceDialog

ERROR = "#b00020"  # the colour of a hint that says what is wrong


def state_choices(services: AppServices) -> list[tuple[int, str]]:
    """(id, "Name (ISO)") for every state, by name."""
    return [(row.id, f"{row.name} ({row.iso3})") for row in services.states.list_rows()]


class ContactDialog(ServiceDialog):
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
        super().__init__(services, undo, parent, QDialogButtonBox.StandardButton.Save)
        self._contact = contact
        self._regions: dict[int, str | None] = {}
        self.setWindowTitle(self.tr("Edit contact") if contact else self.tr("New contact"))
        self.setMinimumWidth(520)

        if organizations is None:
            organizations = services.organizations.list()
        self._organizations = {organization.id: organization for organization in organizations}

        self.given_edit = self.add_text(limits.GIVEN_NAME, self.tr("&Given name:"))
        self.family_edit = self.add_text(
            limits.FAMILY_NAME, self.tr("&Family name:"), self.tr("Required")
        )
        self.position_edit = self.add_text(limits.POSITION, self.tr("&Position:"))
        self.organization_box = IdComboBox(self.tr("— none —"), self)
        self.organization_box.set_choices(
            [(organization.id, organization.name) for organization in organizations]
        )
        self.add_row(self.tr("&Organization:"), self.organization_box, "organization_id")
        self.state_box = IdComboBox(self.tr("— none —"), self)
        self.state_box.set_choices(list(states) if states is not None else state_choices(services))
        self.add_row(self.tr("&State:"), self.state_box, "state")
        self.email_edit = self.add_text(
            limits.EMAIL, self.tr("&E-mail:"), self.tr("name@example.org")
        )
        self.email_hint = self._hint_label()
        self.add_row("", self.email_hint)
        self.phone_edit = self.add_text(
            limits.PHONE, self.tr("P&hone:"), self.tr("+855 23 223 456, or national with a state")
        )
        self.phone_hint = self._hint_label()
        self.add_row("", self.phone_hint)
        self.languages_edit = self.add_text(
            limits.LANGUAGES, self.tr("&Languages:"), self.tr("ISO 639-1 codes: en, fr, km")
        )
        self.notes_edit = QPlainTextEdit(self)
        self.notes_edit.setTabChangesFocus(True)
        self.add_row(self.tr("&Notes:"), self.notes_edit, "notes")

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
        self._check(self.email_edit, self.email_hint, normalize_email)

    def _check_phone(self) -> None:
        self._check(
            self.phone_edit, self.phone_hint, lambda text: normalize_phone(text, self._region())
        )

    def _check(self, edit: QLineEdit, hint: QLabel, normalize: Callable[[str], str]) -> None:
        """Say under a field how what is typed will be stored, or why it cannot be."""
        text = edit.text().strip()
        if not text:
            self._set_hint(hint, "", True)
            return
        try:
            stored = normalize(text)
        except OutreachError as error:
            self._set_hint(hint, str(error), False)
        else:
            self._set_hint(hint, self.tr("Will be stored as {0}").format(stored), True)

    # --- saving ---------------------------------------------------------------------------

    def save(self) -> bool:
        """Save through the services; on a refusal the message shows and the dialog stays
        open with what was typed."""
        for box, field, message in (
            (
                self.organization_box,
                "organization_id",
                self.tr("'{0}' is not an organization in the list; pick one from it."),
            ),
            (self.state_box, "state", self.tr("'{0}' is not a state in the list; pick one.")),
        ):
            if not box.names_something():
                raise ValidationError(message.format(box.currentText()), field)
        values = self.values()
        contacts, guarded = self._services.contacts, self.errors.guarded
        before = self._contact
        operation = (
            create_contact(contacts, values, guarded)
            if before is None
            else edit_contact(contacts, self._undo.versions, before, values, guarded)
        )
        if not self.saved_by(operation, before):
            return False
        self._show(self.saved)  # what was stored: the phone in E.164, the e-mail normalised
        return True
