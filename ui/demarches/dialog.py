"""Planning a démarche, and editing one, in one dialog.

Opened from a state (or a démarche, or a contact of a state) it starts with that state;
the state is picked by typing its name, ISO code or an alias. The contacts offered are
the chosen state's. A change the service refuses (a due date before the planned date,
an empty title) shows its message and the dialog stays open with everything typed.
Planning and editing are undoable: undoing a plan deletes the draft (soft), redoing
restores it; undoing an edit puts the previous values back.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QPlainTextEdit,
    QWidget,
)

from outreach.domain import limits
from outreach.domain.enums import Channel, Level, RequestedAction
from outreach.domain.records import ContactRecord, DemarcheRecord
from outreach.errors import OutreachError, ValidationError
from outreach.reference.names import shipped_name
from outreach.services.states import DEFAULT_TREATY
from ui.context import Selection
from ui.demarches.labels import action_label, channel_label, level_label
from ui.errors import show_error
from ui.operations import demarches as demarche_ops
from ui.preferences import default_officer
from ui.services import AppServices
from ui.undo import Operation, UndoRunner
from ui.widgets.contact_checklist import ContactChecklist
from ui.widgets.dates import OptionalDateEdit
from ui.widgets.modal import accepted
from ui.widgets.names import StateNames, contact_names_for, state_names_for
from ui.widgets.pickers import choice_box, chosen_state, state_box
from ui.widgets.record_dialog import RecordDialog, ServiceDialog

OFFICER_KEY = "demarches/officer"
LOG_OFFICER_KEY = "log/officer"  # what the contact log remembered, as a first guess


@dataclass(frozen=True, slots=True)
class DemarcheValues:
    """What the dialog holds, ready for the service."""

    state_id: int | None
    title: str
    requested_action: str
    channel: str
    level: str
    talking_points: str
    officer: str
    planned_on: date | None
    due_on: date | None
    contact_ids: tuple[int, ...]
    treaty: str | None  # a treaty code
    response: str


def add_kind_rows(dialog: RecordDialog) -> tuple[QComboBox, QComboBox, QComboBox]:
    """The rows of what a démarche asks, how and at what level: its requested action,
    channel and level boxes, in that order."""
    action_box = choice_box(RequestedAction, action_label, dialog)
    channel_box = choice_box(Channel, channel_label, dialog)
    level_box = choice_box(Level, level_label, dialog)
    dialog.add_row(
        QCoreApplication.translate("DemarcheDialog", "Requested &action:"),
        action_box,
        "requested action",
    )
    dialog.add_row(
        QCoreApplication.translate("DemarcheDialog", "C&hannel:"), channel_box, "channel"
    )
    dialog.add_row(QCoreApplication.translate("DemarcheDialog", "&Level:"), level_box, "level")
    return action_box, channel_box, level_box


class DemarcheDialog(ServiceDialog):
    """Plan a démarche (no `demarche`) or edit one (`demarche` given).

    Accepting runs the change through the undo runner; `saved_id` then holds the
    démarche's id. A change the service refuses leaves the dialog open as it was.
    """

    def __init__(
        self,
        services: AppServices,
        undo: UndoRunner,
        selection: Selection | None = None,
        demarche: DemarcheRecord | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(services, undo, parent)
        self._demarche = demarche
        self.state_names: StateNames = state_names_for(services.states)
        self._contact_names = contact_names_for(services.contacts, services.states)
        self._treaty_codes: dict[int, str] = {}
        self._contacts_state: int | None = None
        self.setWindowTitle(self.tr("Edit démarche") if demarche else self.tr("Plan a démarche"))
        self.setMinimumWidth(600)
        self._build()
        if demarche is not None:
            self._fill_from_demarche(demarche)
        else:
            self._fill_from_selection(selection or Selection())
        (self.title_edit if self.state_id() is not None else self.state_box).setFocus()

    # --- building -------------------------------------------------------------------------

    def _build(self) -> None:
        self.state_box = state_box(self.state_names, self)
        self.state_box.currentIndexChanged.connect(lambda _row: self._refresh_contacts())
        self.add_row(self.tr("&State:"), self.state_box, "state")
        self.title_edit = self.add_text(
            limits.TITLE, self.tr("&Title:"), self.tr("What we ask, in one line")
        )
        self.default_focus = self.title_edit

        self.action_box, self.channel_box, self.level_box = add_kind_rows(self)
        self.treaty_box = QComboBox(self)
        self.treaty_box.addItem(self.tr("(none)"), None)
        try:
            treaties = self._services.treaties.treaties()
        except OutreachError:
            treaties = []
        for treaty in treaties:
            self._treaty_codes[treaty.id] = treaty.code
            self.treaty_box.addItem(shipped_name(treaty.short_name or treaty.code), treaty.code)

        self.add_row(self.tr("T&reaty:"), self.treaty_box)

        self.talking_points_edit = QPlainTextEdit(self)
        self.talking_points_edit.setPlaceholderText(self.tr("Talking points (optional)"))
        self.talking_points_edit.setTabChangesFocus(True)
        self.add_row(self.tr("Talking &points:"), self.talking_points_edit, "talking_points")
        self.officer_edit = self.add_text(limits.OFFICER, self.tr("Responsible &officer:"))
        self.planned = OptionalDateEdit(self.tr("Planned for"), self)
        self.due = OptionalDateEdit(self.tr("Due by"), self)
        self.register(self.planned.edit, "planned date", "planned_on")
        self.register(self.due.edit, "due date", "due_on")
        dates = QHBoxLayout()
        dates.addWidget(self.planned)
        dates.addSpacing(12)
        dates.addWidget(self.due)
        dates.addStretch(1)
        self.add_row(self.tr("Dates:"), dates)

        self.contacts_list = ContactChecklist(
            self._contact_names, 7, self.tr("(no contacts for this state)"), self
        )
        self.contacts_list.setToolTip(self.tr("Tick the contacts involved (Space)"))
        self.add_row(self.tr("&Contacts involved:"), self.contacts_list, "contact_ids")

        self.response_edit = QPlainTextEdit(self)
        self.response_edit.setPlaceholderText(self.tr("The government's response"))
        self.response_edit.setTabChangesFocus(True)
        self.add_row(self.tr("Res&ponse:"), self.response_edit, "response")
        self.form.setRowVisible(self.response_edit, self._demarche is not None)
        self.ok_button.setText(self.tr("Save") if self._demarche else self.tr("Plan"))
        self.ok_button.setToolTip(self.tr("Save the démarche (Ctrl+Enter)"))

    # --- filling ----------------------------------------------------------------------------

    def _select_combo(self, combo: QComboBox, value: object) -> None:
        row = combo.findData(value)
        combo.setCurrentIndex(max(row, 0))

    def set_state(self, state_id: int | None) -> None:
        row = self.state_box.findData(state_id) if state_id is not None else -1
        self.state_box.setCurrentIndex(row)
        if row < 0:
            self.state_box.setEditText("")
        self._refresh_contacts()

    def _fill_from_selection(self, selection: Selection) -> None:
        state_id = selection.state_id
        if state_id is None and selection.demarche_id is not None:
            try:
                state_id = self._services.demarches.get(selection.demarche_id).state_id
            except OutreachError:
                state_id = None
        contact: ContactRecord | None = None
        if selection.contact_id is not None:
            try:
                contact = self._services.contacts.get(selection.contact_id)
            except OutreachError:
                contact = None
            if contact is not None and state_id is None:
                state_id = contact.state_id
        self.set_state(state_id)
        if contact is not None:
            self.contacts_list.set_checked([contact.id])
        self._select_combo(self.treaty_box, DEFAULT_TREATY)
        settings = QSettings()
        officer = default_officer(settings, OFFICER_KEY, LOG_OFFICER_KEY, role=self._services.role)
        self.officer_edit.setText(officer)
        self.planned.set_value(date.today())
        self.due.set_value(None)

    def _fill_from_demarche(self, record: DemarcheRecord) -> None:
        self.set_state(record.state_id)
        self.title_edit.setText(record.title)
        self._select_combo(self.action_box, record.requested_action)
        self._select_combo(self.channel_box, record.channel)
        self._select_combo(self.level_box, record.level)
        self._select_combo(
            self.treaty_box,
            self._treaty_codes.get(record.treaty_id) if record.treaty_id is not None else None,
        )
        self.talking_points_edit.setPlainText(record.talking_points)
        self.officer_edit.setText(record.officer)
        self.planned.set_value(record.planned_on)
        self.due.set_value(record.due_on)
        self.contacts_list.set_checked(list(record.contact_ids))
        self.response_edit.setPlainText(record.response)

    # --- the chosen state's contacts --------------------------------------------------------

    def state_id(self) -> int | None:
        """The state typed or chosen: an item's text, else a name, code or alias."""
        return chosen_state(self.state_box, self.state_names)

    def _refresh_contacts(self) -> None:
        """Offer the contacts of the chosen state, keeping those already ticked."""
        state_id = self.state_id()
        if state_id == self._contacts_state and self.contacts_list.count():
            return
        self._contacts_state = state_id
        records: list[ContactRecord] = []
        if state_id is not None:
            try:
                records = self._services.contacts.list(state=state_id)
            except OutreachError:
                records = []
        self.contacts_list.offer(records, self.contacts_list.checked_ids())

    # --- accepting ----------------------------------------------------------------------

    def values(self) -> DemarcheValues:
        treaty = self.treaty_box.currentData()
        return DemarcheValues(
            state_id=self.state_id(),
            title=self.title_edit.text(),
            requested_action=str(self.action_box.currentData()),
            channel=str(self.channel_box.currentData()),
            level=str(self.level_box.currentData()),
            talking_points=self.talking_points_edit.toPlainText(),
            officer=self.officer_edit.text(),
            planned_on=self.planned.value(),
            due_on=self.due.value(),
            contact_ids=tuple(self.contacts_list.checked_ids()),
            treaty=treaty if isinstance(treaty, str) else None,
            response=self.response_edit.toPlainText(),
        )

    def save(self) -> bool:
        """Save through the undo runner; done only when the service took the démarche."""
        values = self.values()
        if values.state_id is None:
            text = self.state_box.currentText().strip()
            message = (
                self.tr("No state is called '{0}'; pick one from the list.").format(text)
                if text
                else self.tr("Choose the state the démarche is made to.")
            )
            raise ValidationError(message, "state")
        if not self.saved_by(self._operation(values), self._demarche):
            return False
        if values.officer.strip():
            QSettings().setValue(OFFICER_KEY, values.officer.strip())
        return True

    def _operation(self, values: DemarcheValues) -> Operation[DemarcheRecord] | None:
        """The named operation that plans the démarche, or edits it (None: no change)."""
        assert values.state_id is not None
        demarches, guarded = self._services.demarches, self.errors.guarded
        before = self._demarche
        keywords: dict[str, object] = {
            "title": values.title,
            "requested_action": values.requested_action,
            "channel": values.channel,
            "level": values.level,
            "talking_points": values.talking_points,
            "officer": values.officer,
            "planned_on": values.planned_on,
            "due_on": values.due_on,
            "contact_ids": list(values.contact_ids),
            "treaty": values.treaty,
        }
        if before is None:
            return demarche_ops.plan_demarche(demarches, values.state_id, keywords, guarded)
        keywords |= {"state": values.state_id, "response": values.response}
        treaty = self._treaty_code(before.treaty_id)
        return demarche_ops.edit_demarche(
            demarches, self._undo.versions, before, keywords, treaty, guarded
        )

    def _treaty_code(self, treaty_id: int | None) -> str | None:
        return self._treaty_codes.get(treaty_id) if treaty_id is not None else None


def plan_a_demarche(
    parent: QWidget, services: AppServices, undo: UndoRunner, selection: Selection
) -> int | None:
    """Open the dialog with the state of `selection`; the new démarche's id, or None."""
    dialog = DemarcheDialog(services, undo, selection, parent=parent)
    return dialog.saved_id if accepted(dialog) else None


def edit_demarche(
    parent: QWidget, services: AppServices, undo: UndoRunner, demarche_id: int
) -> bool:
    """Edit a démarche in the same dialog; True when a change was saved."""
    try:
        record = services.demarches.get(demarche_id)
    except OutreachError as error:
        show_error(parent, error)
        return False
    dialog = DemarcheDialog(services, undo, demarche=record, parent=parent)
    return accepted(dialog)
