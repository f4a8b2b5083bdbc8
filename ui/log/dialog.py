"""Logging a contact in seconds: the dialog opens filled from where the user stands.

Opened from a state, a contact or a démarche, it already holds them, today's date and
"call"; the user types a summary, perhaps ticks a follow-up (+1 week, +1 month) and
presses Enter or Ctrl+Enter. A refused entry shows the service's message and the dialog
stays open with everything typed. Logging and editing are undoable.
"""

from __future__ import annotations

import contextlib
from dataclasses import asdict, dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from outreach.domain import limits
from outreach.domain.enums import LogKind
from outreach.domain.records import DemarcheRecord, LogEntryRecord
from outreach.errors import OutreachError, ValidationError
from outreach.reference.names import shipped_name
from ui.context import Selection
from ui.errors import show_error
from ui.log.table_model import kind_label
from ui.operations.log import edit_entry, log_contact
from ui.preferences import default_officer
from ui.services import AppServices
from ui.undo import UndoRunner
from ui.widgets.dates import OptionalDateEdit, from_qdate, iso_date_edit, to_qdate
from ui.widgets.modal import accepted
from ui.widgets.names import Choice, ContactNames, StateNames, contact_names_for, state_names_for
from ui.widgets.pickers import DemarcheBox, PickList, choice_box
from ui.widgets.record_dialog import ServiceDialog

#: with at most this many contacts, all of them are offered as you type; beyond it, the
#: contacts of the chosen states are, and the others are searched for on Return
SMALL_CONTACT_LIST = 2000
OFFICER_KEY = "log/officer"


@dataclass(frozen=True, slots=True)
class LogValues:
    """What the dialog holds, ready for the service."""

    occurred_on: date
    kind: str
    summary: str
    details: str
    officer: str
    state_ids: tuple[int, ...]
    contact_ids: tuple[int, ...]
    demarche_id: int | None
    meeting_id: int | None
    follow_up_on: date | None

    def keywords(self) -> dict[str, Any]:
        """The values as `ContactLogService.log` and `update` take them."""
        values = asdict(self)
        values["states"] = list(values.pop("state_ids"))
        values["contact_ids"] = list(self.contact_ids)
        return values


class LogContactDialog(ServiceDialog):
    """Log a contact (no `entry`) or edit a log entry (`entry` given).

    Accepting runs the change through the undo runner; `saved_id` then holds the entry's
    id. A change the service refuses leaves the dialog open as it was.
    """

    def __init__(
        self,
        services: AppServices,
        undo: UndoRunner,
        selection: Selection | None = None,
        entry: LogEntryRecord | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(services, undo, parent)
        self._entry = entry
        self._meeting_id = entry.meeting_id if entry else (selection or Selection()).meeting_id
        self.state_names: StateNames = state_names_for(services.states)
        self.contact_names: ContactNames = contact_names_for(services.contacts, services.states)
        self._all_contacts: list[Choice] | None = None
        self.setWindowTitle(self.tr("Edit log entry") if entry else self.tr("Log a contact"))
        self.setMinimumWidth(560)
        self._build()
        if entry is not None:
            self._fill_from_entry(entry)
        else:
            self._fill_from_selection(selection or Selection())
        self.summary_edit.setFocus()

    # --- building -------------------------------------------------------------------------

    def _build(self) -> None:
        self.summary_edit = self.add_text(
            limits.SUMMARY, self.tr("&Summary:"), self.tr("What was said, in one line")
        )

        self.follow_up = OptionalDateEdit(self.tr("Follow up on"), self)
        self.week_button = QPushButton(self.tr("+1 week"), self)
        self.week_button.setAutoDefault(False)
        self.week_button.clicked.connect(lambda: self._follow_up_in(days=7))
        self.month_button = QPushButton(self.tr("+1 month"), self)
        self.month_button.setAutoDefault(False)
        self.month_button.clicked.connect(lambda: self._follow_up_in(months=1))
        follow_up_row = QHBoxLayout()
        follow_up_row.addWidget(self.follow_up)
        follow_up_row.addWidget(self.week_button)
        follow_up_row.addWidget(self.month_button)
        follow_up_row.addStretch(1)
        self.add_row(self.tr("Follow-up:"), follow_up_row)
        self.register(self.follow_up.edit, "follow_up_on", "follow-up date")

        self.date_edit = iso_date_edit(self)
        self.kind_box = choice_box(LogKind, kind_label, self)
        when_row = QHBoxLayout()
        when_row.addWidget(self.date_edit)
        when_row.addWidget(QLabel(self.tr("Kind:"), self))
        when_row.addWidget(self.kind_box)
        when_row.addStretch(1)
        date_label = QLabel(self.tr("&Date:"), self)
        date_label.setBuddy(self.date_edit)
        self.form.addRow(date_label, when_row)
        self.register(self.date_edit, "date of the contact", "occurred_on")
        self.register(self.kind_box, "kind")

        self.states = PickList(
            self.tr("Type a state's name, code or alias…"), self, name=self.tr("States")
        )
        self.states.set_source(self.state_names.choices())
        self.states.changed.connect(self._states_changed)
        self.add_row(self.tr("S&tates:"), self.states)
        self.register(self.states.line, "state_ids", "states")
        self.contacts = PickList(
            self.tr("Type a contact's name…"),
            self,
            search=self._search_contacts,
            name=self.tr("Contacts"),
        )
        self.add_row(self.tr("&Contacts:"), self.contacts)
        self.register(self.contacts.line, "contact_ids")
        self.demarche_box = DemarcheBox(self._services.demarches, self.state_names, self)
        self.add_row(self.tr("Dé&marche:"), self.demarche_box, "demarche_id")
        self.meeting_label = QLabel(self)
        self.add_row(self.tr("Meeting:"), self.meeting_label)
        self.details_edit = QPlainTextEdit(self)
        self.details_edit.setPlaceholderText(self.tr("Details (optional)"))
        self.details_edit.setTabChangesFocus(True)
        self.add_row(self.tr("D&etails:"), self.details_edit, "details")
        self.officer_edit = self.add_text(limits.OFFICER, self.tr("&Officer:"))

        self.ok_button.setText(self.tr("Save") if self._entry else self.tr("Log"))
        self.ok_button.setToolTip(self.tr("Save the entry (Enter or Ctrl+Enter)"))
        self.form.setRowVisible(self.meeting_label, self._meeting_id is not None)

    # --- filling ----------------------------------------------------------------------------

    def _state_choice(self, state_id: int) -> Choice:
        return Choice(
            state_id,
            f"{self.state_names.name(state_id)} ({self.state_names.iso3(state_id)})",
            "",
        )

    def _contact_choice(self, contact_id: int) -> Choice:
        return Choice(contact_id, self.contact_names.label(contact_id), "")

    def _fill_from_selection(self, selection: Selection) -> None:
        self.kind_box.setCurrentIndex(self.kind_box.findData(LogKind.CALL.value))
        role = self._services.role
        self.officer_edit.setText(default_officer(QSettings(), OFFICER_KEY, role=role))
        states: list[int] = []
        if selection.state_id is not None:
            states.append(selection.state_id)
        demarche: DemarcheRecord | None = None
        if selection.demarche_id is not None:
            try:
                demarche = self._services.demarches.get(selection.demarche_id)
            except OutreachError:
                demarche = None
        if demarche is not None and demarche.state_id not in states:
            states.append(demarche.state_id)
        contacts: list[int] = []
        if selection.contact_id is not None:
            try:
                contact = self._services.contacts.get(selection.contact_id)
            except OutreachError:
                contact = None
            if contact is not None:
                self.contact_names.remember(contact)
                contacts.append(contact.id)
                if not states and contact.state_id is not None:
                    states.append(contact.state_id)
        self.states.set_chosen([self._state_choice(state_id) for state_id in states])
        self.contacts.set_chosen([self._contact_choice(contact_id) for contact_id in contacts])
        if demarche is not None:
            self.demarche_box.select(demarche)
        self._show_meeting()

    def _fill_from_entry(self, entry: LogEntryRecord) -> None:
        self.summary_edit.setText(entry.summary)
        self.follow_up.set_value(entry.follow_up_on)
        self.date_edit.setDate(to_qdate(entry.occurred_on))
        row = self.kind_box.findData(entry.kind)
        self.kind_box.setCurrentIndex(max(row, 0))
        self.states.set_chosen([self._state_choice(state_id) for state_id in entry.state_ids])
        self.contacts.set_chosen(
            [self._contact_choice(contact_id) for contact_id in entry.contact_ids]
        )
        if entry.demarche_id is not None:
            with contextlib.suppress(OutreachError):
                self.demarche_box.select(self._services.demarches.get(entry.demarche_id))
        self.details_edit.setPlainText(entry.details)
        self.officer_edit.setText(entry.officer)
        self._show_meeting()

    def _show_meeting(self) -> None:
        if self._meeting_id is None:
            return
        try:
            meeting = self._services.forums.get_meeting(self._meeting_id)
        except OutreachError:
            self.meeting_label.setText(f"#{self._meeting_id}")
            return
        self.meeting_label.setText(
            f"{shipped_name(meeting.title)}, {meeting.city} ({meeting.starts_on.isoformat()})"
        )

    def _follow_up_in(self, *, days: int = 0, months: int = 0) -> None:
        base = self.date_edit.date()
        self.follow_up.set_value(from_qdate(base.addDays(days).addMonths(months)))

    # --- states drive the contacts and démarches offered -------------------------------

    def _states_changed(self) -> None:
        self.contacts.set_source(self._contact_choices())
        self.demarche_box.offer_for(self.states.ids())

    def _contact_choices(self) -> list[Choice]:
        """The contacts of the chosen states first, then (in a small address book) the
        others."""
        first: list[Choice] = []
        seen: set[int] = set()
        for state_id in self.states.ids():
            try:
                records = self._services.contacts.list(state=state_id)
            except OutreachError:
                continue
            for record in records:
                if record.id not in seen:
                    seen.add(record.id)
                    first.append(self.contact_names.remember(record))
        return first + [choice for choice in self._everyone() if choice.id not in seen]

    def _everyone(self) -> list[Choice]:
        if self._all_contacts is None:
            self._all_contacts = []
            try:
                if self._services.contacts.count() <= SMALL_CONTACT_LIST:
                    self._all_contacts = [
                        self.contact_names.remember(record)
                        for record in self._services.contacts.list()
                    ]
            except OutreachError:
                pass
        return self._all_contacts

    def _search_contacts(self, text: str) -> list[Choice]:
        try:
            records = self._services.contacts.list(text=text, limit=30)
        except OutreachError:
            return []
        return [self.contact_names.remember(record) for record in records]

    # --- accepting ----------------------------------------------------------------------

    def values(self) -> LogValues:
        return LogValues(
            occurred_on=from_qdate(self.date_edit.date()),
            kind=str(self.kind_box.currentData()),
            summary=self.summary_edit.text(),
            details=self.details_edit.toPlainText(),
            officer=self.officer_edit.text(),
            state_ids=tuple(self.states.ids()),
            contact_ids=tuple(self.contacts.ids()),
            demarche_id=self.demarche_box.current_id(),
            meeting_id=self._meeting_id,
            follow_up_on=self.follow_up.value(),
        )

    def save(self) -> bool:
        """Save through the undo runner; done only when the service took the entry."""
        for picker, what, field in (
            (self.states, self.tr("state"), "state_ids"),
            (self.contacts, self.tr("contact"), "contact_ids"),
        ):
            if not picker.submit_pending():
                message = self.tr("No {0} matches '{1}'; pick one from the list.")
                raise ValidationError(message.format(what, picker.line.text().strip()), field)
        values = self.values()
        log, guarded, before = self._services.log, self.errors.guarded, self._entry
        operation = (
            log_contact(log, values.keywords(), guarded)
            if before is None
            else edit_entry(log, before, values.keywords(), guarded)
        )
        done = self.saved_by(operation, before)
        if done and values.officer.strip():
            QSettings().setValue(OFFICER_KEY, values.officer.strip())
        return done


def log_a_contact(
    parent: QWidget, services: AppServices, undo: UndoRunner, selection: Selection
) -> int | None:
    """Open the dialog filled from `selection`; the new entry's id, or None if cancelled."""
    dialog = LogContactDialog(services, undo, selection, parent=parent)
    return dialog.saved_id if accepted(dialog) else None


def edit_log_entry(parent: QWidget, services: AppServices, undo: UndoRunner, entry_id: int) -> bool:
    """Edit a log entry in the same dialog; True when a change was saved."""
    try:
        entry = services.log.get(entry_id)
    except OutreachError as error:
        show_error(parent, error)
        return False
    dialog = LogContactDialog(services, undo, entry=entry, parent=parent)
    return accepted(dialog)
