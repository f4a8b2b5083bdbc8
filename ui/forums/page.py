"""The Forums and meetings page: each forum's meetings and members (editable, undoable),
and the planner of one meeting.

The forums are listed on the left; on the right, a forum's meetings and its members on a
date (or over all periods). Opening a meeting (double click, Enter or "Open planner")
shows its planner in place of the forum view; "← Forums" comes back.
"""

from __future__ import annotations

import html
from datetime import date

from PySide6.QtCore import QCoreApplication, QSettings, Qt, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from outreach.domain.changes import Changes, Entity
from outreach.domain.records import ForumMembershipRecord, ForumRecord, MeetingRecord
from outreach.errors import OutreachError
from outreach.folding import fold
from outreach.reference.names import shipped_name
from ui.context import Selection
from ui.errors import show_error
from ui.forums.forum_dialogs import EndMembershipDialog, MeetingDialog, MembershipDialog
from ui.forums.planner import MeetingPlanner
from ui.operations import forums as forum_operations
from ui.operations import meetings as meeting_operations
from ui.pages import Page, Restorable
from ui.services import AppServices
from ui.undo import UndoRunner
from ui.widgets.dates import from_qdate, iso_date_edit, iso_day
from ui.widgets.filtered_records import selected_data
from ui.widgets.modal import accepted
from ui.widgets.records_table import RECORD_ROLE, RecordsModel, records_view
from ui.widgets.stacks import size_by_current_page
from ui.widgets.tab_order import tab_order

FORUM_VIEW, PLANNER_VIEW = 0, 1
MEETINGS_TAB, MEMBERS_TAB = 0, 1


class ForumsPage(Page):
    shows = (
        Entity.FORUM,
        Entity.FORUM_MEMBERSHIP,
        Entity.MEETING,
        Entity.MEETING_ATTENDEE,
        Entity.INTERVENTION,
        Entity.INTERVENTION_TARGET,
        Entity.LOG_ENTRY,
        Entity.LOG_ENTRY_STATE,
        Entity.DEMARCHE,
        Entity.CATEGORY,
        Entity.CATEGORY_MEMBER,
        Entity.PARTICIPATION,
        Entity.STATE,
        Entity.FACT,
        Entity.SEAT,
    )
    #: ("state", id) or ("demarche", id): something the window shows elsewhere
    open_item = Signal(str, int)

    def __init__(
        self,
        services: AppServices,
        undo: UndoRunner | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._services = services
        if undo is None:  # a page of its own: its own undo stack
            undo = UndoRunner(QUndoStack(self), self)
        self._undo = undo
        self._forums: list[ForumRecord] = []
        self._remembered_forum: int | None = None  # the forum in view when last closed
        self._members: list[ForumMembershipRecord] = []
        self._build()

    # --- building -----------------------------------------------------------------------------

    def _build(self) -> None:
        self.forums = QListWidget(self)
        self.forums.setAccessibleName(self.tr("Forums"))
        self.forums.setMinimumWidth(220)
        self.forums.setWordWrap(True)  # a long name on two lines rather than cut
        self.forums.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.forums.setSpacing(2)
        self.forums.currentItemChanged.connect(lambda *_args: self._show_forum())

        self.meetings = RecordsModel[MeetingRecord](
            [
                (self.tr("Meeting"), lambda m: m.title),
                (self.tr("City"), lambda m: m.city),
                (self.tr("From"), lambda m: m.starts_on.isoformat()),
                (self.tr("To"), lambda m: m.ends_on.isoformat()),
                (self.tr("Time zone"), lambda m: m.timezone),
            ],
            parent=self,
        )
        self.meetings_view = records_view(self.meetings, self)
        self.meetings_view.setAccessibleName(self.tr("Meetings"))
        self.meetings_view.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.meetings_view.horizontalHeader().resizeSection(0, 420)
        self.meetings_view.doubleClicked.connect(lambda _index: self.open_selected_meeting())
        self.meetings_view.activated.connect(lambda _index: self.open_selected_meeting())
        self.open_button = QPushButton(self.tr("&Open planner"), self)
        self.open_button.setToolTip(self.tr("Who is in the room, and what we plan there"))
        self.open_button.clicked.connect(self.open_selected_meeting)
        self.new_meeting_button = QPushButton(self.tr("&New meeting…"), self)
        self.new_meeting_button.clicked.connect(self.new_meeting)
        self.edit_meeting_button = QPushButton(self.tr("&Edit…"), self)
        self.edit_meeting_button.clicked.connect(self.edit_meeting)
        self.delete_meeting_button = QPushButton(self.tr("&Delete"), self)
        self.delete_meeting_button.clicked.connect(self.delete_meeting)
        meeting_buttons = QHBoxLayout()
        for button in (
            self.open_button, self.new_meeting_button, self.edit_meeting_button,
            self.delete_meeting_button,
        ):  # fmt: skip
            meeting_buttons.addWidget(button)
        meeting_buttons.addStretch(1)
        meetings_tab = QWidget(self)
        meetings_layout = QVBoxLayout(meetings_tab)
        meetings_layout.addLayout(meeting_buttons)
        meetings_layout.addWidget(self.meetings_view)

        today = date.today()
        self.members = RecordsModel[ForumMembershipRecord](
            [
                (self.tr("State"), lambda m: m.state_name),
                (self.tr("ISO"), lambda m: m.state_iso3),
                (self.tr("Since"), lambda m: iso_day(m.since)),
                (self.tr("Until"), lambda m: self._until_text(m, today)),
                (self.tr("Source"), lambda m: m.source),
            ],
            warn=lambda m: m.until is not None and m.until < today,
            parent=self,
        )
        self.members_view = records_view(self.members, self)
        self.members_view.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.members_view.horizontalHeader().resizeSection(0, 220)
        self.members_view.doubleClicked.connect(lambda _index: self.edit_member())
        self.members_on = iso_date_edit(self)
        self.members_on.setToolTip(self.tr("The members on this day"))
        self.members_on.dateChanged.connect(lambda _day: self._load_members())
        self.all_periods = QCheckBox(self.tr("All &periods"), self)
        self.all_periods.setToolTip(self.tr("Every membership, past, present and future"))
        self.all_periods.toggled.connect(self.members_on.setDisabled)
        self.all_periods.toggled.connect(lambda _on: self._load_members())
        self.members_filter = QLineEdit(self)
        self.members_filter.setPlaceholderText(self.tr("Filter by state…"))
        self.members_filter.setClearButtonEnabled(True)
        self.members_filter.textChanged.connect(lambda _text: self._show_members())
        self.members_count = QLabel(self)
        self.add_member_button = QPushButton(self.tr("&Add member…"), self)
        self.add_member_button.clicked.connect(self.add_member)
        self.edit_member_button = QPushButton(self.tr("Edit…"), self)
        self.edit_member_button.clicked.connect(self.edit_member)
        self.end_member_button = QPushButton(self.tr("E&nd membership…"), self)
        self.end_member_button.setToolTip(self.tr("Record the day the state left the forum"))
        self.end_member_button.clicked.connect(self.end_member)
        self.delete_member_button = QPushButton(self.tr("Delete"), self)
        self.delete_member_button.setToolTip(self.tr("Delete a membership recorded in error"))
        self.delete_member_button.clicked.connect(self.delete_member)
        member_tools = QHBoxLayout()
        member_tools.addWidget(QLabel(self.tr("Members on:"), self))
        member_tools.addWidget(self.members_on)
        member_tools.addWidget(self.all_periods)
        member_tools.addWidget(self.members_filter, 1)
        member_tools.addWidget(self.members_count)
        member_buttons = QHBoxLayout()
        for button in (
            self.add_member_button, self.edit_member_button, self.end_member_button,
            self.delete_member_button,
        ):  # fmt: skip
            member_buttons.addWidget(button)
        member_buttons.addStretch(1)
        members_tab = QWidget(self)
        members_layout = QVBoxLayout(members_tab)
        members_layout.addLayout(member_tools)
        members_layout.addLayout(member_buttons)
        members_layout.addWidget(self.members_view)

        self.tabs = QTabWidget(self)
        self.tabs.addTab(meetings_tab, self.tr("Meetings"))
        self.tabs.addTab(members_tab, self.tr("Members"))
        self.forum_notes = QLabel(self)
        self.forum_notes.setWordWrap(True)
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.forum_notes)
        right_layout.addWidget(self.tabs, 1)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(self.forums)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 4)
        self.splitter.setSizes([300, 1000])

        self.planner = MeetingPlanner(self._services, self._undo, self)
        self.planner.back_requested.connect(self.show_forums)
        self.planner.open_item.connect(self.open_item)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.splitter)
        self.stack.addWidget(self.planner)
        size_by_current_page(self.stack)
        layout = QVBoxLayout(self)
        layout.addWidget(self.stack)
        for view in (self.meetings_view, self.members_view):
            view.selectionModel().selectionChanged.connect(lambda *_a: self._update_buttons())
        tab_order(  # the forums, the tabs, then each tab's buttons above its list
            self.forums, self.tabs, self.open_button, self.new_meeting_button,
            self.edit_meeting_button, self.delete_meeting_button, self.meetings_view,
            self.members_on, self.all_periods, self.members_filter, self.add_member_button,
            self.edit_member_button, self.end_member_button, self.delete_member_button,
            self.members_view,
        )  # fmt: skip
        self._update_buttons()

    @classmethod
    def title(cls) -> str:
        return QCoreApplication.translate("ForumsPage", "Forums and meetings")

    # --- loading --------------------------------------------------------------------------------

    def on_changed(self, changes: Changes) -> None:
        if changes.touches(Entity.STATE, Entity.STATE_ALIAS):
            self.planner.state_names.invalidate()
        self.planner.meeting_files.on_changed(changes)
        self.planner.intervention_files.on_changed(changes)
        super().on_changed(changes)

    def reload(self) -> None:
        chosen = self.current_forum()
        try:
            self._forums = self._services.forums.forums()
        except OutreachError as error:
            show_error(self, error)
            return
        self.forums.blockSignals(True)
        self.forums.clear()
        for forum in self._forums:
            item = QListWidgetItem(shipped_name(forum.name), self.forums)
            item.setData(Qt.ItemDataRole.UserRole, forum.id)
            item.setToolTip(forum.notes or shipped_name(forum.name))
        wanted = chosen.id if chosen else self._remembered_forum or self._forum_in_season()
        row = next((i for i, forum in enumerate(self._forums) if forum.id == wanted), 0)
        if self._forums:
            self.forums.setCurrentRow(row)
        self.forums.blockSignals(False)
        self._show_forum()
        if self.stack.currentIndex() == PLANNER_VIEW:
            self.planner.reload()

    def _forum_in_season(self) -> int | None:
        """The forum of the next meeting, or of the latest one: where a desk looks first."""
        try:
            meetings = self._services.forums.meetings()
        except OutreachError:
            return None
        if not meetings:
            return None
        today = date.today()
        upcoming = [meeting for meeting in meetings if meeting.ends_on >= today]
        return (upcoming[0] if upcoming else meetings[-1]).forum_id

    def current_forum(self) -> ForumRecord | None:
        item = self.forums.currentItem()
        if item is None:
            return None
        forum_id = item.data(Qt.ItemDataRole.UserRole)
        return next((forum for forum in self._forums if forum.id == forum_id), None)

    def select_forum(self, forum_id: int) -> bool:
        for row in range(self.forums.count()):
            if self.forums.item(row).data(Qt.ItemDataRole.UserRole) == forum_id:
                self.forums.setCurrentRow(row)
                return True
        return False

    def _show_forum(self) -> None:
        forum = self.current_forum()
        selected = self.selected_meeting()
        if forum is None:
            self.meetings.set_records([])
            self._members = []
            self._show_members()
            self.forum_notes.clear()
            return
        notes = f" — {html.escape(forum.notes)}" if forum.notes else ""
        self.forum_notes.setText(f"<b>{html.escape(shipped_name(forum.name))}</b>{notes}")
        try:
            self.meetings.set_records(self._services.forums.meetings(forum=forum.id))
        except OutreachError as error:
            show_error(self, error)
        if selected is not None:
            self.select_meeting(selected.id)
        self._load_members()

    def _load_members(self) -> None:
        forum = self.current_forum()
        if forum is None:
            return
        try:
            if self.all_periods.isChecked():
                self._members = self._services.forums.memberships(forum.id)
            else:
                self._members = self._services.forums.members(
                    forum.id, from_qdate(self.members_on.date())
                )
        except OutreachError as error:
            show_error(self, error)
            return
        self._show_members()

    def _show_members(self) -> None:
        needle = fold(self.members_filter.text().strip())
        shown = [
            member
            for member in self._members
            if not needle or needle in fold(f"{member.state_name} {member.state_iso3}")
        ]
        self.members.set_records(shown)
        self.members_count.setText(self.tr("%Ln members", "", len(shown)))
        self._update_buttons()

    def _update_buttons(self) -> None:
        meeting = self.selected_meeting() is not None
        for button in (self.open_button, self.edit_meeting_button, self.delete_meeting_button):
            button.setEnabled(meeting)
        member = self.selected_member() is not None
        for button in (
            self.edit_member_button, self.end_member_button, self.delete_member_button,
        ):  # fmt: skip
            button.setEnabled(member)
        forum = self.current_forum() is not None
        self.add_member_button.setEnabled(forum)
        self.new_meeting_button.setEnabled(forum)

    # --- meetings ---------------------------------------------------------------------------------

    def select_meeting(self, meeting_id: int) -> bool:
        for row in range(self.meetings.rowCount()):
            record = self.meetings.index(row, 0).data(RECORD_ROLE)
            if isinstance(record, MeetingRecord) and record.id == meeting_id:
                self.meetings_view.selectRow(row)
                return True
        return False

    def selected_meeting(self) -> MeetingRecord | None:
        return selected_data(self.meetings_view, RECORD_ROLE, MeetingRecord)

    def open_selected_meeting(self) -> None:
        meeting = self.selected_meeting()
        if meeting is not None:
            self.open_meeting(meeting.id)

    def open_meeting(self, meeting_id: int) -> bool:
        """Show the planner of a meeting (its forum selected behind it)."""
        self.ensure_loaded()
        try:
            meeting = self._services.forums.get_meeting(meeting_id)
        except OutreachError as error:
            show_error(self, error)
            return False
        self.select_forum(meeting.forum_id)
        self.select_meeting(meeting.id)
        if not self.planner.show_meeting(meeting.id):
            return False
        self.stack.setCurrentIndex(PLANNER_VIEW)
        return True

    def open_intervention(self, intervention_id: int) -> bool:
        """Show the planner of the intervention's meeting with the intervention selected."""
        try:
            record = self._services.interventions.get(intervention_id)
        except OutreachError as error:
            show_error(self, error)
            return False
        if not self.open_meeting(record.meeting_id):
            return False
        return self.planner.select_intervention(intervention_id)

    def show_forums(self) -> None:
        self.stack.setCurrentIndex(FORUM_VIEW)

    def in_planner(self) -> bool:
        return self.stack.currentIndex() == PLANNER_VIEW

    def new_meeting(self) -> int | None:
        forum = self.current_forum()
        if forum is None:
            return None
        dialog = MeetingDialog(self._services, self._undo, forum, parent=self)
        return dialog.saved_id if accepted(dialog) else None

    def edit_meeting(self) -> bool:
        forum, meeting = self.current_forum(), self.selected_meeting()
        if forum is None or meeting is None:
            return False
        dialog = MeetingDialog(self._services, self._undo, forum, meeting, parent=self)
        return accepted(dialog)

    def delete_meeting(self) -> None:
        meeting = self.selected_meeting()
        if meeting is None:
            return
        self._undo.run(meeting_operations.delete_meeting(self._services.forums, meeting))

    # --- members ----------------------------------------------------------------------------------

    def _until_text(self, member: ForumMembershipRecord, today: date) -> str:
        """ "2021-12-31 (ended)" for a membership over (its row in red, and in words)."""
        until = iso_day(member.until)
        if member.until is not None and member.until < today:
            return self.tr("{0} (ended)").format(until)
        return until

    def selected_member(self) -> ForumMembershipRecord | None:
        return selected_data(self.members_view, RECORD_ROLE, ForumMembershipRecord)

    def add_member(self, state_id: int | None = None) -> int | None:
        forum = self.current_forum()
        if forum is None:
            return None
        dialog = MembershipDialog(self._services, self._undo, forum, parent=self)
        if state_id is not None:
            dialog.set_state(state_id)
        return dialog.saved_id if accepted(dialog) else None

    def edit_member(self) -> bool:
        forum, member = self.current_forum(), self.selected_member()
        if forum is None or member is None:
            return False
        dialog = MembershipDialog(self._services, self._undo, forum, member, parent=self)
        return accepted(dialog)

    def end_member(self) -> bool:
        member = self.selected_member()
        if member is None:
            return False
        dialog = EndMembershipDialog(member, self)
        return accepted(dialog) and self.end_membership(member, dialog.value())

    def end_membership(self, member: ForumMembershipRecord, until: date) -> bool:
        """End a membership on `until` (undoable)."""
        operation = forum_operations.end_membership(self._services.forums, member, until)
        return operation is None or self._undo.run(operation) is not None

    def delete_member(self) -> None:
        member = self.selected_member()
        if member is None:
            return
        self._undo.run(forum_operations.delete_membership(self._services.forums, member))

    # --- what the window asks of a page -----------------------------------------------------------

    def selection(self) -> Selection:
        if self.in_planner():
            meeting = self.planner.meeting
            record = self.planner.selected_intervention()
            state_id = self.planner.selected_state_id()
            if state_id is None and record is not None and len(record.target_ids) == 1:
                state_id = record.target_ids[0]
            return Selection(
                state_id=state_id,
                meeting_id=meeting.id if meeting else None,
                demarche_id=record.demarche_id if record else None,
            )
        member = self.selected_member() if self.tabs.currentIndex() == MEMBERS_TAB else None
        meeting = self.selected_meeting()
        return Selection(
            state_id=member.state_id if member else None,
            meeting_id=meeting.id if meeting else None,
        )

    def new_item(self) -> None:
        if self.in_planner():
            self.planner.plan_intervention()
        elif self.tabs.currentIndex() == MEMBERS_TAB:
            self.add_member()
        else:
            self.new_meeting()

    def delete_selected(self) -> None:
        if self.in_planner():
            self.planner.delete_selected()
        elif self.tabs.currentIndex() == MEMBERS_TAB:
            self.delete_member()
        else:
            self.delete_meeting()

    def restore_state(self, settings: object) -> None:
        super().restore_state(settings)
        if isinstance(settings, QSettings):
            forum = settings.value("forums/forum")
            self._remembered_forum = int(forum) if str(forum or "").isdigit() else None

    def save_state(self, settings: object) -> None:
        super().save_state(settings)
        forum = self.current_forum()
        if isinstance(settings, QSettings) and forum is not None:
            settings.setValue("forums/forum", forum.id)

    def remembered_views(self) -> dict[str, Restorable]:
        return {
            "forums/splitter": self.splitter,
            "forums/planner": self.planner.splitter,
            "forums/planner_right": self.planner.right,
            "forums/room_header": self.planner.room_view.header(),
            "forums/interventions_header": self.planner.interventions_view.horizontalHeader(),
        }

    def focus_filter(self) -> None:
        if self.in_planner():
            self.planner.room_filter.setFocus()
            self.planner.room_filter.selectAll()
        else:
            self.tabs.setCurrentIndex(MEMBERS_TAB)
            self.members_filter.setFocus()
            self.members_filter.selectAll()
