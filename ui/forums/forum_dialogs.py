"""Dialogs of the forums page: add or edit a membership, end one, plan or edit a meeting,
announce a state as attending. Each change is one undoable operation."""

from __future__ import annotations

from datetime import date
from functools import cache
from typing import Any
from zoneinfo import available_timezones

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDialog,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QWidget,
)

from outreach.domain import limits
from outreach.domain.records import ForumMembershipRecord, ForumRecord, MeetingRecord
from outreach.errors import ValidationError
from outreach.reference.names import shipped_name
from ui.operations.forums import add_member, edit_membership
from ui.operations.meetings import create_meeting, edit_meeting, set_attendance
from ui.services import AppServices
from ui.undo import Operation, UndoRunner
from ui.widgets.dates import OptionalDateEdit, from_qdate, iso_date_edit, to_qdate
from ui.widgets.modal import ok_cancel
from ui.widgets.names import state_names_for
from ui.widgets.pickers import chosen_state, state_box
from ui.widgets.record_dialog import ServiceDialog


@cache
def time_zones() -> list[str]:
    return sorted(zone for zone in available_timezones() if "/" in zone or zone == "UTC")


# --- memberships ---------------------------------------------------------------------------


class MembershipDialog(ServiceDialog):
    """Add a member to `forum` (no `membership`) or change a membership's dates."""

    def __init__(
        self,
        services: AppServices,
        undo: UndoRunner,
        forum: ForumRecord,
        membership: ForumMembershipRecord | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(services, undo, parent)
        self._forum = forum
        self._membership = membership
        self.names = state_names_for(services.states)
        self.setWindowTitle(self.tr("Edit membership") if membership else self.tr("Add a member"))
        self.setMinimumWidth(480)
        self.ok_button.setText(self.tr("Save") if membership else self.tr("Add"))
        self.add_row(self.tr("Forum:"), QLabel(shipped_name(forum.name), self))
        self.state_box = state_box(self.names, self)
        self.add_row(self.tr("&State:"), self.state_box, "state")
        self.since = OptionalDateEdit(self.tr("Since"), self)
        self.add_row(self.tr("Member:"), self.since)
        self.register(self.since.edit, "since")
        self.until = OptionalDateEdit(self.tr("Until"), self)
        self.add_row("", self.until)
        self.register(self.until.edit, "until")
        self.source_edit = self.add_text(
            limits.SOURCE, self.tr("S&ource:"), self.tr("Where this comes from")
        )
        if membership is not None:
            self.state_box.setCurrentIndex(self.state_box.findData(membership.state_id))
            self.state_box.setEnabled(False)
            self.since.set_value(membership.since)
            self.until.set_value(membership.until)
            self.source_edit.setText(membership.source)
        else:
            self.since.set_value(date.today())
            self.until.set_value(None)

    def set_state(self, state_id: int) -> None:
        self.state_box.setCurrentIndex(self.state_box.findData(state_id))

    def save(self) -> bool:
        forums = self._services.forums
        values = {
            "since": self.since.value(),
            "until": self.until.value(),
            "source": self.source_edit.text(),
        }
        if self._membership is None:
            state_id = chosen_state(self.state_box, self.names)
            if state_id is None:
                raise ValidationError(self.tr("Choose the state that is a member."), "state")
            name = self.names.name(state_id)
            operation: Operation[ForumMembershipRecord] | None = add_member(
                forums, self._forum, state_id, name, values, self.errors.guarded
            )
        else:
            operation = edit_membership(forums, self._membership, values)
        return self.saved_by(operation, self._membership)


class EndMembershipDialog(QDialog):
    """Ask the date a membership ended."""

    def __init__(self, membership: ForumMembershipRecord, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("End membership"))
        self.date_edit = iso_date_edit(self)
        self.date_edit.setDate(to_qdate(membership.until or date.today()))
        buttons = ok_cancel(self, self.accept, self.tr("End"))
        form = QFormLayout(self)
        form.addRow(QLabel(self.tr("{0} is a member until:").format(membership.state_name), self))
        form.addRow(self.tr("&Last day:"), self.date_edit)
        form.addRow(buttons)

    def value(self) -> date:
        return from_qdate(self.date_edit.date())


# --- meetings ----------------------------------------------------------------------------


class MeetingDialog(ServiceDialog):
    """Plan a meeting of `forum` (no `meeting`) or edit one."""

    def __init__(
        self,
        services: AppServices,
        undo: UndoRunner,
        forum: ForumRecord,
        meeting: MeetingRecord | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(services, undo, parent)
        self._forum = forum
        self._meeting = meeting
        self.setWindowTitle(self.tr("Edit meeting") if meeting else self.tr("New meeting"))
        self.setMinimumWidth(520)
        self.ok_button.setText(self.tr("Save") if meeting else self.tr("Create"))
        self.add_row(self.tr("Forum:"), QLabel(shipped_name(forum.name), self))
        self.title_edit = self.add_text(
            limits.MEETING_TITLE,
            self.tr("&Title:"),
            self.tr("e.g. Sixth Meeting of the States Parties"),
        )
        self.city_edit = self.add_text(limits.CITY, self.tr("&City:"))
        self.zone_box = QComboBox(self)
        self.zone_box.setEditable(True)
        self.zone_box.addItems(time_zones())
        self.zone_box.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        completer = self.zone_box.completer()
        assert completer is not None
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.add_row(self.tr("Time &zone:"), self.zone_box, limits.TIMEZONE.key)
        self.starts_edit = iso_date_edit(self)
        self.add_row(self.tr("&From:"), self.starts_edit, "starts_on")
        self.ends_edit = iso_date_edit(self)
        self.add_row(self.tr("T&o:"), self.ends_edit, "ends_on")
        self.notes_edit = QPlainTextEdit(self)
        self.notes_edit.setTabChangesFocus(True)
        self.notes_edit.setMaximumHeight(self.notes_edit.fontMetrics().height() * 5)
        self.add_row(self.tr("&Notes:"), self.notes_edit, "notes")
        if meeting is not None:
            self.title_edit.setText(meeting.title)
            self.city_edit.setText(meeting.city)
            self.zone_box.setCurrentText(meeting.timezone)
            self.starts_edit.setDate(to_qdate(meeting.starts_on))
            self.ends_edit.setDate(to_qdate(meeting.ends_on))
            self.notes_edit.setPlainText(meeting.notes)
        else:
            self.zone_box.setCurrentText("Europe/Zurich")

    def values(self) -> dict[str, Any]:
        return {
            "title": self.title_edit.text(),
            "city": self.city_edit.text(),
            "timezone": self.zone_box.currentText(),
            "starts_on": from_qdate(self.starts_edit.date()),
            "ends_on": from_qdate(self.ends_edit.date()),
            "notes": self.notes_edit.toPlainText(),
        }

    def save(self) -> bool:
        forums, guarded = self._services.forums, self.errors.guarded
        values = self.values()
        before = self._meeting
        operation = (
            create_meeting(forums, self._forum.id, values, guarded)
            if before is None
            else edit_meeting(forums, before, values, guarded)
        )
        return self.saved_by(operation, before)


class AttendeeDialog(ServiceDialog):
    """Announce a state as attending a meeting (beyond the forum's members)."""

    def __init__(
        self,
        services: AppServices,
        undo: UndoRunner,
        meeting: MeetingRecord,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(services, undo, parent)
        self._meeting = meeting
        self.names = state_names_for(services.states)
        self.setWindowTitle(self.tr("Announce an attending state"))
        self.setMinimumWidth(460)
        self.ok_button.setText(self.tr("Announce"))
        self.state_box = state_box(self.names, self)
        self.form.addRow(
            QLabel(
                self.tr("A state expected at {0} though not a member (an observer):").format(
                    meeting.title
                ),
                self,
            )
        )
        self.add_row(self.tr("&State:"), self.state_box, "state")

    def set_state(self, state_id: int) -> None:
        self.state_box.setCurrentIndex(self.state_box.findData(state_id))

    def save(self) -> bool:
        state_id = chosen_state(self.state_box, self.names)
        if state_id is None:
            raise ValidationError(self.tr("Choose the state that will attend."), "state")
        name = self.names.name(state_id)
        forums = self._services.forums
        return self.saved_by(set_attendance(forums, self._meeting, state_id, name, True))
