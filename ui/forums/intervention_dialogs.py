"""Dialogs of the meeting planner: plan or edit an intervention, complete a bilateral (with
its log entry, in one step), create or link a démarche for one.

Every change runs through the undo runner; a change the service refuses shows its
message and the dialog stays open with everything typed.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from PySide6.QtCore import QSettings, QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTimeEdit,
    QWidget,
)

from outreach.domain import limits
from outreach.domain.enums import (
    Channel,
    DemarcheStatus,
    InterventionKind,
    InterventionStatus,
    Level,
    RequestedAction,
    TreatyStatus,
)
from outreach.domain.records import (
    ContactRecord,
    DemarcheRecord,
    InterventionRecord,
    MeetingRecord,
)
from outreach.errors import OutreachError, ValidationError
from outreach.reference.names import shipped_name
from ui.demarches.dialog import add_kind_rows
from ui.demarches.labels import status_label as demarche_status_label
from ui.forums.labels import kind_label, status_label
from ui.operations.interventions import (
    complete_bilateral,
    create_demarche_for,
    edit_intervention,
    link_demarche,
    plan_intervention,
)
from ui.preferences import default_officer
from ui.services import AppServices
from ui.undo import UndoRunner
from ui.widgets.contact_checklist import ContactChecklist
from ui.widgets.dates import OptionalDateEdit, from_qdate, iso_date_edit, to_qdate
from ui.widgets.names import Choice, StateNames, contact_names_for, state_names_for
from ui.widgets.pickers import PickList, choice_box
from ui.widgets.record_dialog import ServiceDialog, short

OFFICER_KEY = "interventions/officer"
LOG_OFFICER_KEY = "log/officer"
DEFAULT_START = time(10, 0)
DEFAULT_LENGTH = timedelta(minutes=45)


def meeting_days(meeting: MeetingRecord) -> list[date]:
    count = (meeting.ends_on - meeting.starts_on).days + 1
    return [meeting.starts_on + timedelta(days=offset) for offset in range(count)]


# --- planning and editing ----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class InterventionValues:
    kind: str
    title: str
    target_ids: tuple[int, ...]
    lead_officer: str
    starts_at: datetime | None
    ends_at: datetime | None
    status: str
    talking_points: str
    outcome: str

    def keywords(self) -> dict[str, Any]:
        """The values as `InterventionService.plan` and `update` take them."""
        values = asdict(self)
        values["targets"] = list(values.pop("target_ids"))
        return values


class InterventionDialog(ServiceDialog):
    """Plan an intervention at `meeting` (no `intervention`) or edit one.

    Accepting runs the change through the undo runner; `saved_id` then holds the
    intervention's id."""

    def __init__(
        self,
        services: AppServices,
        undo: UndoRunner,
        meeting: MeetingRecord,
        intervention: InterventionRecord | None = None,
        *,
        kind: InterventionKind = InterventionKind.BILATERAL,
        target_ids: tuple[int, ...] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(services, undo, parent)
        self._meeting = meeting
        self._intervention = intervention
        self._auto_title = intervention is None
        self.state_names: StateNames = state_names_for(services.states)
        self.setWindowTitle(
            self.tr("Edit intervention") if intervention else self.tr("Plan an intervention")
        )
        self.setMinimumWidth(600)
        self._build()
        if intervention is not None:
            self._fill_from(intervention)
        else:
            self._fill_new(kind, target_ids)
        self.title_edit.setFocus()

    def _build(self) -> None:
        self.kind_box = choice_box(InterventionKind, kind_label, self)
        self.kind_box.currentIndexChanged.connect(lambda _row: self._suggest_title())
        self.add_row(self.tr("Meeting:"), QLabel(shipped_name(self._meeting.title), self))
        self.add_row(self.tr("&Kind:"), self.kind_box)
        self.title_edit = self.add_text(
            limits.TITLE, self.tr("T&itle:"), self.tr("What it is, in one line")
        )
        self.title_edit.textEdited.connect(self._title_typed)
        self.register(self.kind_box, "kind")
        self.targets = PickList(
            self.tr("Type a state's name, code or alias…"), self, name=self.tr("Target states")
        )
        self.targets.set_source(self.state_names.choices())
        self.targets.changed.connect(self._suggest_title)
        self.add_row(self.tr("Target &states:"), self.targets)
        self.register(self.targets.line, "targets")
        self.lead_edit = self.add_text(
            limits.LEAD_OFFICER, self.tr("&Lead officer:"), self.tr("Who leads it")
        )

        self.slot_check = QCheckBox(self.tr("&Time slot"), self)
        self.day_box = QComboBox(self)
        for day in meeting_days(self._meeting):
            self.day_box.addItem(day.strftime("%a %Y-%m-%d"), day.isoformat())
        self.start_edit = QTimeEdit(self)
        self.start_edit.setAccessibleName(self.tr("Starts at"))
        self.start_edit.setDisplayFormat("HH:mm")
        self.end_edit = QTimeEdit(self)
        self.end_edit.setAccessibleName(self.tr("Ends at"))
        self.end_edit.setDisplayFormat("HH:mm")
        self._last_start = self.start_edit.time()
        self.start_edit.timeChanged.connect(self._start_moved)
        zone = QLabel(
            self.tr("{0} time ({1})").format(
                self._meeting.city or self.tr("Local"), self._meeting.timezone
            ),
            self,
        )
        zone.setToolTip(self.tr("Times are on the meeting's clock, wherever you are"))
        for widget in (self.day_box, self.start_edit, self.end_edit):
            widget.setEnabled(False)
            self.slot_check.toggled.connect(widget.setEnabled)
        slot = QHBoxLayout()
        slot.addWidget(self.slot_check)
        slot.addWidget(self.day_box)
        slot.addWidget(self.start_edit)
        slot.addWidget(QLabel("–", self))
        slot.addWidget(self.end_edit)
        slot.addWidget(zone)
        slot.addStretch(1)
        self.add_row(self.tr("When:"), slot)
        self.register(self.start_edit, "starts_at")
        self.register(self.end_edit, "ends_at")

        self.status_box = choice_box(InterventionStatus, status_label, self)
        self.add_row(self.tr("St&atus:"), self.status_box, "status")
        self.talking_points_edit = QPlainTextEdit(self)
        self.talking_points_edit.setPlaceholderText(self.tr("Talking points"))
        self.talking_points_edit.setTabChangesFocus(True)
        self.add_row(self.tr("Talking &points:"), self.talking_points_edit, "talking_points")
        self.outcome_edit = QPlainTextEdit(self)
        self.outcome_edit.setPlaceholderText(self.tr("What came of it"))
        self.outcome_edit.setTabChangesFocus(True)
        self.outcome_edit.setMaximumHeight(self.outcome_edit.fontMetrics().height() * 5)
        self.add_row(self.tr("&Outcome:"), self.outcome_edit, "outcome")
        self.form.setRowVisible(self.outcome_edit, self._intervention is not None)
        self.ok_button.setText(self.tr("Save") if self._intervention else self.tr("Plan"))

    # --- filling -----------------------------------------------------------------------------

    def _choice(self, state_id: int) -> Choice:
        return Choice(
            state_id, f"{self.state_names.name(state_id)} ({self.state_names.iso3(state_id)})", ""
        )

    def _fill_new(self, kind: InterventionKind, target_ids: tuple[int, ...]) -> None:
        self.kind_box.setCurrentIndex(max(self.kind_box.findData(kind.value), 0))
        self.targets.set_chosen([self._choice(state_id) for state_id in target_ids])
        settings = QSettings()
        lead = default_officer(settings, OFFICER_KEY, LOG_OFFICER_KEY, role=self._services.role)
        self.lead_edit.setText(lead)
        self.status_box.setCurrentIndex(self.status_box.findData(InterventionStatus.PLANNED.value))
        self.set_slot(None, None)
        self._suggest_title()
        if len(target_ids) == 1:
            try:
                points = self._services.states.get(target_ids[0]).talking_points
            except OutreachError:
                points = ""
            self.talking_points_edit.setPlainText(points)

    def _fill_from(self, record: InterventionRecord) -> None:
        self.kind_box.setCurrentIndex(max(self.kind_box.findData(record.kind.value), 0))
        self.title_edit.setText(record.title)
        self.targets.set_chosen([self._choice(state_id) for state_id in record.target_ids])
        self.lead_edit.setText(record.lead_officer)
        self.set_slot(record.starts_at, record.ends_at)
        self.status_box.setCurrentIndex(max(self.status_box.findData(record.status.value), 0))
        self.talking_points_edit.setPlainText(record.talking_points)
        self.outcome_edit.setPlainText(record.outcome)

    def set_slot(self, starts_at: datetime | None, ends_at: datetime | None) -> None:
        """Show a time slot (None: no slot yet, the meeting's first day offered)."""
        self.slot_check.setChecked(starts_at is not None)
        day = starts_at.date() if starts_at is not None else self._meeting.starts_on
        self.day_box.setCurrentIndex(max(self.day_box.findData(day.isoformat()), 0))
        start = starts_at.time() if starts_at is not None else DEFAULT_START
        self.start_edit.setTime(QTime(start.hour, start.minute))
        end = (
            ends_at.time()
            if ends_at is not None
            else (datetime.combine(day, start) + DEFAULT_LENGTH).time()
        )
        self.end_edit.setTime(QTime(end.hour, end.minute))

    def _start_moved(self, new: QTime) -> None:
        """Keep the length of the slot when its start moves."""
        shift = self._last_start.secsTo(new)
        self._last_start = new
        self.end_edit.setTime(self.end_edit.time().addSecs(shift))

    def _title_typed(self, text: str) -> None:
        self._auto_title = not text.strip()

    def _suggest_title(self) -> None:
        """A bilateral's title follows its targets until the user types one."""
        if not self._auto_title:
            return
        names = [self.state_names.name(state_id) for state_id in self.targets.ids()]
        if self.kind_box.currentData() == InterventionKind.BILATERAL.value and names:
            self.title_edit.setText(self.tr("Bilateral with {0}").format(", ".join(names)))
        else:
            self.title_edit.clear()

    # --- accepting -----------------------------------------------------------------------------

    def values(self) -> InterventionValues:
        starts_at = ends_at = None
        if self.slot_check.isChecked():
            day = date.fromisoformat(str(self.day_box.currentData()))
            start, end = self.start_edit.time().toPython(), self.end_edit.time().toPython()
            assert isinstance(start, time) and isinstance(end, time)
            starts_at = datetime.combine(day, start)
            ends_at = datetime.combine(day, end) if end != start else None
        return InterventionValues(
            kind=str(self.kind_box.currentData()),
            title=self.title_edit.text(),
            target_ids=tuple(self.targets.ids()),
            lead_officer=self.lead_edit.text(),
            starts_at=starts_at,
            ends_at=ends_at,
            status=str(self.status_box.currentData()),
            talking_points=self.talking_points_edit.toPlainText(),
            outcome=self.outcome_edit.toPlainText(),
        )

    def save(self) -> bool:
        if not self.targets.submit_pending():
            message = self.tr("No state matches '{0}'; pick one from the list.")
            raise ValidationError(message.format(self.targets.line.text().strip()), "targets")
        values = self.values()
        service, guarded = self._services.interventions, self.errors.guarded
        before = self._intervention
        operation = (
            plan_intervention(service, self._meeting.id, values.keywords(), guarded)
            if before is None
            else edit_intervention(service, before, values.keywords(), guarded)
        )
        done = self.saved_by(operation, before)
        if done and values.lead_officer.strip():
            QSettings().setValue(OFFICER_KEY, values.lead_officer.strip())
        return done


# --- completing a bilateral --------------------------------------------------------------


class CompleteBilateralDialog(ServiceDialog):
    """Mark a bilateral done: its outcome, and the log entry written with it in one step."""

    def __init__(
        self,
        services: AppServices,
        undo: UndoRunner,
        meeting: MeetingRecord,
        intervention: InterventionRecord,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(services, undo, parent)
        self._intervention = intervention
        self.state_names = state_names_for(services.states)
        self._contact_names = contact_names_for(services.contacts, services.states)
        self.setWindowTitle(self.tr("Bilateral done"))
        self.setMinimumWidth(560)

        self.add_row(self.tr("Bilateral:"), QLabel(intervention.title, self))
        self.outcome_edit = QPlainTextEdit(self)
        self.outcome_edit.setPlaceholderText(self.tr("What came of it (required)"))
        self.outcome_edit.setTabChangesFocus(True)
        self.add_row(self.tr("&Outcome:"), self.outcome_edit, "outcome")
        self.summary_edit = self.text_edit(limits.SUMMARY)
        self.summary_edit.setText(intervention.title)
        self.date_edit = iso_date_edit(self)
        day = intervention.starts_at.date() if intervention.starts_at else meeting.starts_on
        self.date_edit.setDate(to_qdate(day))
        self.add_row(self.tr("&Date:"), self.date_edit, "occurred_on", "date of the contact")
        self.add_row(self.tr("Log &summary:"), self.summary_edit)
        self.follow_up = OptionalDateEdit(self.tr("Follow up on"), self)
        month = QPushButton(self.tr("+1 month"), self)
        month.setAutoDefault(False)
        month.clicked.connect(
            lambda: self.follow_up.set_value(from_qdate(self.date_edit.date().addMonths(1)))
        )
        follow_up_row = QHBoxLayout()
        follow_up_row.addWidget(self.follow_up)
        follow_up_row.addWidget(month)
        follow_up_row.addStretch(1)
        self.add_row(self.tr("Follow-up:"), follow_up_row)
        self.register(self.follow_up.edit, "follow_up_on", "follow-up date")
        self.contacts_list = ContactChecklist(
            self._contact_names, 6, self.tr("(no contacts for these states)"), self
        )
        self._fill_contacts()
        self.add_row(self.tr("&Contacts met:"), self.contacts_list, "contact_ids")
        self.deliver_check = QCheckBox(self)
        self._demarche: DemarcheRecord | None = None
        if intervention.demarche_id is not None:
            try:
                self._demarche = services.demarches.get(intervention.demarche_id)
            except OutreachError:
                self._demarche = None
        deliverable = (
            self._demarche is not None
            and self._demarche.status.is_open
            and self._demarche.status.rank < DemarcheStatus.DELIVERED.rank
        )
        if self._demarche is not None:
            self.deliver_check.setText(
                self.tr("Mark the démarche “{0}” delivered").format(short(self._demarche.title))
            )
        self.deliver_check.setChecked(deliverable)
        self.add_row("", self.deliver_check)
        self.form.setRowVisible(self.deliver_check, deliverable)
        self.ok_button.setText(self.tr("Done and log"))
        self.outcome_edit.setFocus()

    def _fill_contacts(self) -> None:
        records: list[ContactRecord] = []
        for state_id in self._intervention.target_ids:
            try:
                records += self._services.contacts.list(state=state_id)
            except OutreachError:
                continue
        self.contacts_list.offer(records)

    def save(self) -> bool:
        values = {
            "outcome": self.outcome_edit.toPlainText(),
            "on": from_qdate(self.date_edit.date()),
            "summary": self.summary_edit.text(),
            "follow_up_on": self.follow_up.value(),
            "contact_ids": self.contacts_list.checked_ids(),
            "deliver_demarche": self.deliver_check.isChecked()
            and not self.deliver_check.isHidden(),
        }
        return self.saved_by(
            complete_bilateral(
                self._services.interventions, self._intervention, values, self.errors.guarded
            )
        )


# --- démarches --------------------------------------------------------------------------


class DemarcheForDialog(ServiceDialog):
    """Create a draft démarche to one of an intervention's targets and link it."""

    def __init__(
        self,
        services: AppServices,
        undo: UndoRunner,
        meeting: MeetingRecord,
        intervention: InterventionRecord,
        statuses: dict[int, TreatyStatus] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(services, undo, parent)
        self._intervention = intervention
        self._statuses = statuses or {}
        names = state_names_for(services.states)
        self.setWindowTitle(self.tr("Démarche for “{0}”").format(short(intervention.title)))
        self.setMinimumWidth(520)
        self.state_box = QComboBox(self)
        for state_id in intervention.target_ids:
            self.state_box.addItem(names.name(state_id), state_id)
        self.state_box.currentIndexChanged.connect(lambda _row: self._suggest_action())
        self.add_row(self.tr("&State:"), self.state_box, "state")
        self.title_edit = self.add_text(limits.TITLE, self.tr("&Title:"))
        self.title_edit.setText(intervention.title)
        self.action_box, self.channel_box, self.level_box = add_kind_rows(self)
        self.channel_box.setCurrentIndex(self.channel_box.findData(Channel.MEETING.value))
        self.level_box.setCurrentIndex(self.level_box.findData(Level.AMBASSADOR.value))
        self.due_edit = iso_date_edit(self)
        self.due_edit.setDate(to_qdate(meeting.ends_on))
        self.add_row(self.tr("&Due by:"), self.due_edit, "due_on", "due date")
        self.ok_button.setText(self.tr("Create and link"))
        self._suggest_action()

    def _suggest_action(self) -> None:
        status = self._statuses.get(self.state_box.currentData())
        action = (
            RequestedAction.RATIFY
            if status == TreatyStatus.SIGNATORY
            else RequestedAction.ACCEDE
            if status in (TreatyStatus.OUTSIDE, TreatyStatus.WITHDRAWN, None)
            else RequestedAction.SUBMIT_ART7_REPORT
        )
        self.action_box.setCurrentIndex(self.action_box.findData(action.value))

    def save(self) -> bool:
        state_id = self.state_box.currentData()
        values: dict[str, Any] = {
            "state": state_id if isinstance(state_id, int) else None,
            "title": self.title_edit.text(),
            "requested_action": str(self.action_box.currentData()),
            "channel": str(self.channel_box.currentData()),
            "level": str(self.level_box.currentData()),
            "due_on": from_qdate(self.due_edit.date()),
        }
        services = self._services
        return self.saved_by(
            create_demarche_for(
                services.interventions,
                services.demarches,
                self._intervention,
                values,
                self.errors.guarded,
            )
        )


class LinkDemarcheDialog(ServiceDialog):
    """Link one of the démarches made to an intervention's targets."""

    def __init__(
        self,
        services: AppServices,
        undo: UndoRunner,
        intervention: InterventionRecord,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(services, undo, parent)
        self._intervention = intervention
        names = state_names_for(services.states)
        self.setWindowTitle(self.tr("Link a démarche"))
        self.setMinimumWidth(520)
        self.demarche_box = QComboBox(self)
        found: list[DemarcheRecord] = []
        for state_id in intervention.target_ids:
            try:
                found += services.demarches.list(state=state_id)
            except OutreachError:
                continue
        found.sort(key=lambda record: (not record.status.is_open, record.id))
        for record in found:
            self.demarche_box.addItem(
                self.tr("{0} — {1} ({2})").format(
                    record.title,
                    names.name(record.state_id),
                    demarche_status_label(record.status),
                ),
                record.id,
            )
        self.empty_label = QLabel(self.tr("No démarche is made to these states yet."), self)
        self.ok_button.setText(self.tr("Link"))
        self.add_row(self.tr("&Démarche:"), self.demarche_box, "demarche_id")
        self.form.addRow(self.empty_label)
        self.form.setRowVisible(self.empty_label, not found)
        current = self.demarche_box.findData(intervention.demarche_id)
        self.demarche_box.setCurrentIndex(max(current, 0))

    def try_accept(self) -> None:
        if not isinstance(self.demarche_box.currentData(), int):
            self.reject()  # nothing to link: OK closes like Cancel
            return
        super().try_accept()

    def save(self) -> bool:
        chosen = self.demarche_box.currentData()
        return self.saved_by(
            link_demarche(self._services.interventions, self._intervention, chosen)
        )
