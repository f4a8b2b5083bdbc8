"""The meeting planner: who is in the room (by priority category, with each state's status,
stance, last contact, open démarches and overdue follow-ups), the interventions planned,
and what was logged at the meeting.

From here the officer announces observers, plans statements, side events and bilaterals,
marks a bilateral done (which writes its log entry in the same step) and creates or links
the démarche a bilateral carries. Every change is undoable.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from outreach.domain.enums import AttachedTo, InterventionKind, InterventionStatus, TreatyStatus
from outreach.domain.records import (
    InterventionRecord,
    LogEntryRecord,
    MeetingRecord,
    Room,
    RoomGroup,
    RoomRow,
)
from outreach.errors import OutreachError
from outreach.reference.names import shipped_name
from ui.attachments import AttachmentsPanel
from ui.errors import show_error
from ui.forums.forum_dialogs import AttendeeDialog
from ui.forums.intervention_detail import intervention_html
from ui.forums.intervention_dialogs import (
    CompleteBilateralDialog,
    DemarcheForDialog,
    InterventionDialog,
    LinkDemarcheDialog,
)
from ui.forums.interventions_model import ROW_ROLE as INTERVENTION_ROLE
from ui.forums.interventions_model import Column as InterventionColumn
from ui.forums.interventions_model import InterventionsModel
from ui.forums.labels import status_label
from ui.forums.room_model import GROUP_ROLE, ROW_ROLE, Column, RoomModel, RoomProxy
from ui.operations.interventions import (
    delete_intervention,
    set_intervention_status,
    unlink_demarche,
)
from ui.operations.meetings import set_attendance
from ui.services import AppServices
from ui.undo import UndoRunner
from ui.widgets.dates import iso_day
from ui.widgets.export_list import install_export_action
from ui.widgets.filtered_records import selected_data
from ui.widgets.modal import accepted
from ui.widgets.names import StateNames, state_names_for
from ui.widgets.records_table import RecordsModel, list_view, records_view
from ui.widgets.tab_order import tab_order


def meeting_line(meeting: MeetingRecord, forum_name: str) -> str:
    days = (
        meeting.starts_on.isoformat()
        if meeting.starts_on == meeting.ends_on
        else f"{meeting.starts_on.isoformat()} – {meeting.ends_on.isoformat()}"
    )
    return " · ".join(part for part in (meeting.city, days, meeting.timezone, forum_name) if part)


class MeetingPlanner(QWidget):
    back_requested = Signal()
    #: ("state", id) or ("demarche", id): something to show elsewhere in the app
    open_item = Signal(str, int)

    def __init__(
        self,
        services: AppServices,
        undo: UndoRunner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._undo = undo
        self.meeting: MeetingRecord | None = None
        self.room: Room | None = None
        self._collapsed: set[str] = set()
        self.state_names: StateNames = state_names_for(services.states)
        self._build()

    # --- building ---------------------------------------------------------------------------

    def _build(self) -> None:
        self.back_button = QPushButton(self.tr("← Forums"), self)
        self.back_button.setToolTip(self.tr("Back to the forums and their meetings"))
        self.back_button.clicked.connect(self.back_requested)
        self.title_label = QLabel(self)
        font = self.title_label.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.25)
        self.title_label.setFont(font)
        self.title_label.setWordWrap(True)
        self.info_label = QLabel(self)
        self.info_label.setWordWrap(True)
        heading = QVBoxLayout()
        heading.addWidget(self.title_label)
        heading.addWidget(self.info_label)
        top = QHBoxLayout()
        top.addWidget(self.back_button, 0, Qt.AlignmentFlag.AlignTop)
        top.addLayout(heading, 1)

        self._build_room()
        self._build_interventions()
        self.log_model = RecordsModel[LogEntryRecord](
            [
                (self.tr("Date"), lambda e: e.occurred_on.isoformat()),
                (self.tr("States"), lambda e: self.state_names.names(e.state_ids)),
                (self.tr("Summary"), lambda e: e.summary),
                (self.tr("Follow-up"), lambda e: iso_day(e.follow_up_on)),
            ],
            parent=self,
        )
        self.log_view = records_view(self.log_model, self)
        self.log_view.setAccessibleName(self.tr("Logged at this meeting"))
        for column, width in ((0, 90), (1, 150), (2, 330)):
            self.log_view.horizontalHeader().resizeSection(column, width)
        self.log_box = QGroupBox(self.tr("Logged at this meeting"), self)
        QVBoxLayout(self.log_box).addWidget(self.log_view)
        # the meeting's own files (its agenda, the list of participants, our statement)
        self.meeting_files = AttachmentsPanel(self._services, self._undo, AttachedTo.MEETING, self)
        self.meeting_files_box = QGroupBox(self.tr("The meeting's files"), self)
        QVBoxLayout(self.meeting_files_box).addWidget(self.meeting_files)

        self.right = QSplitter(Qt.Orientation.Vertical, self)
        self.right.addWidget(self.interventions_box)
        self.right.addWidget(self.log_box)
        self.right.addWidget(self.meeting_files_box)
        self.right.setStretchFactor(0, 3)
        self.right.setStretchFactor(1, 1)
        self.right.setStretchFactor(2, 1)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(self.room_box)
        self.splitter.addWidget(self.right)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([660, 700])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.splitter, 1)
        tab_order(  # the room: its search and filter, its list, the buttons below; then the rest
            self.back_button, self.room_filter, self.targets_only, self.room_view,
            self.bilateral_button, self.announce_button, self.withdraw_button, self.right,
        )  # fmt: skip
        self._update_buttons()

    def _build_room(self) -> None:
        self.targets_only = QCheckBox(self.tr("Priority categories only"), self)
        self.targets_only.setChecked(True)
        self.targets_only.setToolTip(
            self.tr("Hide the states in the room that are in no priority category")
        )
        self.targets_only.toggled.connect(lambda _on: self._show_room())
        self.room_filter = QLineEdit(self)
        self.room_filter.setPlaceholderText(self.tr("Find a state in the room…"))
        self.room_filter.setClearButtonEnabled(True)
        self.room_filter.textChanged.connect(self._filter_room)
        self.announce_button = QPushButton(self.tr("&Announce attending…"), self)
        self.announce_button.setToolTip(
            self.tr("Add a state expected in the room though not a member (an observer)")
        )
        self.announce_button.clicked.connect(self.announce_attendee)
        self.withdraw_button = QPushButton(self.tr("Not &expected"), self)
        self.withdraw_button.setToolTip(self.tr("The selected observer is no longer expected"))
        self.withdraw_button.clicked.connect(self.withdraw_attendee)
        self.bilateral_button = QPushButton(self.tr("Plan &bilateral…"), self)
        self.bilateral_button.setToolTip(self.tr("Plan a bilateral with the selected state"))
        self.bilateral_button.clicked.connect(self.plan_bilateral_with_selected)

        self.room_model = RoomModel(self)
        self.room_proxy = RoomProxy(self)
        self.room_proxy.setSourceModel(self.room_model)
        self.room_view = QTreeView(self)
        self.room_view.setModel(self.room_proxy)
        install_export_action(
            self.room_view,
            lambda: self.tr("In the room at {0}").format(
                self.meeting.title if self.meeting else ""
            ),
        )
        self.room_view.setAlternatingRowColors(True)
        self.room_view.setUniformRowHeights(True)
        self.room_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.room_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.room_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.room_view.setSortingEnabled(True)
        self.room_view.sortByColumn(Column.STATE, Qt.SortOrder.AscendingOrder)
        header = self.room_view.header()
        header.setStretchLastSection(True)
        for column, width in (
            (Column.STATE, 180), (Column.STATUS, 66), (Column.STANCE, 78),
            (Column.LAST_CONTACT, 82), (Column.OPEN_DEMARCHES, 66), (Column.OVERDUE, 56),
            (Column.PLANNED, 54),
        ):  # fmt: skip
            header.resizeSection(column, width)
        self.room_proxy.layoutChanged.connect(lambda *_args: self._expand())
        self.room_view.doubleClicked.connect(self._room_activated)
        self.room_view.selectionModel().selectionChanged.connect(
            lambda *_args: self._update_buttons()
        )
        self.room_view.collapsed.connect(lambda index: self._remember_expanded(index, False))
        self.room_view.expanded.connect(lambda index: self._remember_expanded(index, True))
        self.room_summary = QLabel(self)
        self.room_summary.setWordWrap(True)

        tools = QHBoxLayout()
        tools.addWidget(self.room_filter, 1)
        tools.addWidget(self.targets_only)
        actions = QHBoxLayout()
        actions.addWidget(self.bilateral_button)
        actions.addWidget(self.announce_button)
        actions.addWidget(self.withdraw_button)
        actions.addStretch(1)
        self.room_box = QGroupBox(self.tr("In the room"), self)
        layout = QVBoxLayout(self.room_box)
        layout.addWidget(self.room_summary)
        layout.addLayout(tools)
        layout.addWidget(self.room_view, 1)
        layout.addLayout(actions)

    def _build_interventions(self) -> None:
        self.plan_button = QPushButton(self.tr("&Plan…"), self)
        self.plan_button.setToolTip(self.tr("Plan a statement, side event or bilateral (Ctrl+N)"))
        self.plan_button.clicked.connect(lambda: self.plan_intervention())
        self.edit_button = QPushButton(self.tr("&Edit…"), self)
        self.edit_button.clicked.connect(self.edit_selected)
        self.status_button = QToolButton(self)
        self.status_button.setText(self.tr("&Status"))
        self.status_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.status_menu = QMenu(self.status_button)
        for status in InterventionStatus:
            action = self.status_menu.addAction(status_label(status))
            action.setData(status.value)
            action.triggered.connect(lambda _checked=False, s=status: self.set_status(s))
        self.status_button.setMenu(self.status_menu)
        self.done_button = QPushButton(self.tr("Bilateral &done…"), self)
        self.done_button.setToolTip(
            self.tr("Record the outcome and write the log entry in one step")
        )
        self.done_button.clicked.connect(self.complete_selected)
        self.demarche_button = QToolButton(self)
        self.demarche_button.setText(self.tr("Dé&marche"))
        self.demarche_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.demarche_menu = QMenu(self.demarche_button)
        self.create_demarche_action = self.demarche_menu.addAction(self.tr("Create a démarche…"))
        self.create_demarche_action.triggered.connect(self.create_demarche)
        self.link_demarche_action = self.demarche_menu.addAction(self.tr("Link a démarche…"))
        self.link_demarche_action.triggered.connect(self.link_demarche)
        self.unlink_demarche_action = self.demarche_menu.addAction(self.tr("Unlink the démarche"))
        self.unlink_demarche_action.triggered.connect(self.unlink_demarche)
        self.open_demarche_action = self.demarche_menu.addAction(self.tr("Show the démarche"))
        self.open_demarche_action.triggered.connect(self._open_demarche)
        self.demarche_button.setMenu(self.demarche_menu)
        self.delete_button = QPushButton(self.tr("&Delete"), self)
        self.delete_button.clicked.connect(self.delete_selected)

        self.interventions = InterventionsModel(self.state_names.names, self)
        self.interventions_view = list_view(
            self.interventions,
            self,
            widths={
                InterventionColumn.TIME: 150,
                InterventionColumn.KIND: 72,
                InterventionColumn.TITLE: 200,
                InterventionColumn.TARGETS: 104,
                InterventionColumn.STATUS: 76,
                InterventionColumn.LEAD: 110,
            },
            export_name=lambda: self.tr("Interventions at {0}").format(
                self.meeting.title if self.meeting else ""
            ),
        )
        self.interventions_view.setAccessibleName(self.tr("Interventions"))
        self.interventions_view.setSortingEnabled(True)
        self.interventions_view.sortByColumn(InterventionColumn.TIME, Qt.SortOrder.AscendingOrder)
        self.interventions_view.doubleClicked.connect(lambda _index: self.edit_selected())
        self.interventions_view.selectionModel().selectionChanged.connect(
            lambda *_args: self._intervention_selected()
        )
        self.detail = QTextBrowser(self)
        self.detail.setAccessibleName(self.tr("The intervention"))
        self.detail.setOpenLinks(False)
        self.detail.setMinimumHeight(80)

        buttons = QHBoxLayout()
        for widget in (
            self.plan_button, self.edit_button, self.status_button, self.done_button,
            self.demarche_button, self.delete_button,
        ):  # fmt: skip
            buttons.addWidget(widget)
        buttons.addStretch(1)
        self.interventions_box = QGroupBox(self.tr("Interventions"), self)
        layout = QVBoxLayout(self.interventions_box)
        layout.addLayout(buttons)
        split = QSplitter(Qt.Orientation.Vertical, self.interventions_box)
        # the selected intervention's files: a statement's text, a side event's flyer
        self.intervention_files = AttachmentsPanel(
            self._services, self._undo, AttachedTo.INTERVENTION, self.interventions_box
        )
        split.addWidget(self.interventions_view)
        split.addWidget(self.detail)
        split.addWidget(self.intervention_files)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        split.setStretchFactor(2, 1)
        layout.addWidget(split, 1)

    # --- loading ------------------------------------------------------------------------------

    def show_meeting(self, meeting_id: int) -> bool:
        """Plan this meeting; False (with the message shown) when it cannot be read."""
        try:
            self.meeting = self._services.forums.get_meeting(meeting_id)
        except OutreachError as error:
            show_error(self, error)
            return False
        self.room_filter.clear()
        self.reload()
        return True

    def reload(self) -> None:
        if self.meeting is None:
            return
        selected_intervention = self.selected_intervention_id()
        selected_state = self.selected_state_id()
        try:
            self.meeting = self._services.forums.get_meeting(self.meeting.id)
            self.room = self._services.planner.room(self.meeting.id)
            interventions = self._services.interventions.for_meeting(self.meeting.id)
            logged = self._services.interventions.log_entries(self.meeting.id)
            forums = {
                forum.id: shipped_name(forum.name) for forum in self._services.forums.forums()
            }
        except OutreachError as error:
            show_error(self, error)
            return
        self.meeting_files.show_record(self.meeting.id)
        self.title_label.setText(shipped_name(self.meeting.title))
        self.info_label.setText(meeting_line(self.meeting, forums.get(self.meeting.forum_id, "")))
        self._show_room()
        self.interventions.set_records(interventions)
        self.log_model.set_records(logged)
        self.log_box.setTitle(self.tr("Logged at this meeting ({0})").format(len(logged)))
        if selected_state is not None:
            self.select_state(selected_state)
        if selected_intervention is not None:
            self.select_intervention(selected_intervention)
        self._intervention_selected()

    def _shown_groups(self) -> list[RoomGroup]:
        if self.room is None:
            return []
        return [g for g in self.room.groups if g.slug or not self.targets_only.isChecked()]

    def _show_room(self) -> None:
        groups = self._shown_groups()
        self.room_model.set_groups(groups)
        self._expand()
        if self.room is None:
            self.room_summary.clear()
            return
        targets = {row.state_id for group in self.room.groups if group.slug for row in group.rows}
        attendees = sum(not row.member for row in self.room.rows())
        self.room_summary.setText(
            self.tr(
                "<b>{0}</b> states expected ({1} announced attendees); <b>{2}</b> of them in "
                "priority categories."
            ).format(self.room.state_count, attendees, len(targets))
        )

    def _expand(self) -> None:
        """Categories span the whole row, and open unless the user closed them."""
        for row in range(self.room_proxy.rowCount()):
            index = self.room_proxy.index(row, 0)
            slug = str(index.data(GROUP_ROLE) or "")
            self.room_view.setFirstColumnSpanned(row, QModelIndex(), True)
            self.room_view.setExpanded(index, slug not in self._collapsed)

    def _remember_expanded(self, index: QModelIndex, expanded: bool) -> None:
        if index.parent().isValid():
            return
        slug = str(index.data(GROUP_ROLE) or "")
        if expanded:
            self._collapsed.discard(slug)
        else:
            self._collapsed.add(slug)

    def _filter_room(self, text: str) -> None:
        self.room_proxy.set_text(text)
        self._expand()

    # --- the room ------------------------------------------------------------------------------

    def selected_room_row(self) -> RoomRow | None:
        return selected_data(self.room_view, ROW_ROLE, RoomRow)

    def selected_state_id(self) -> int | None:
        row = self.selected_room_row()
        return row.state_id if row is not None else None

    def set_group_expanded(self, slug: str, expanded: bool) -> None:
        """Open or close one category of the room (it stays so across reloads)."""
        for row in range(self.room_proxy.rowCount()):
            index = self.room_proxy.index(row, 0)
            if index.data(GROUP_ROLE) == slug:
                self.room_view.setExpanded(index, expanded)

    def room_rows(self, slug: str) -> list[RoomRow]:
        """The states the room shows under one category (for tests and the screenshot)."""
        for group in self.room_model.groups():
            if group.slug == slug:
                return list(group.rows)
        return []

    def select_state(self, state_id: int, slug: str | None = None) -> bool:
        """Select a state in the room (in the category `slug`, or its first)."""
        for group_row in range(self.room_proxy.rowCount()):
            group = self.room_proxy.index(group_row, 0)
            if slug is not None and group.data(GROUP_ROLE) != slug:
                continue
            for row in range(self.room_proxy.rowCount(group)):
                index = self.room_proxy.index(row, 0, group)
                found = index.data(ROW_ROLE)
                if isinstance(found, RoomRow) and found.state_id == state_id:
                    self.room_view.setCurrentIndex(index)
                    self.room_view.scrollTo(index)
                    return True
        return False

    def _room_activated(self, index: QModelIndex) -> None:
        row = index.data(ROW_ROLE)
        if isinstance(row, RoomRow):
            self.open_item.emit("state", row.state_id)

    def announce_attendee(self, state_id: int | None = None) -> bool:
        if self.meeting is None:
            return False
        dialog = AttendeeDialog(self._services, self._undo, self.meeting, self)
        if state_id is not None:
            dialog.set_state(state_id)
        return accepted(dialog)

    def withdraw_attendee(self) -> None:
        row = self.selected_room_row()
        if self.meeting is None or row is None or not row.attendee:
            return
        name = self.state_names.name(row.state_id)
        forums = self._services.forums
        self._undo.run(set_attendance(forums, self.meeting, row.state_id, name, False))

    def plan_bilateral_with_selected(self) -> int | None:
        state_id = self.selected_state_id()
        return self.plan_intervention(
            InterventionKind.BILATERAL, (state_id,) if state_id is not None else ()
        )

    # --- interventions -------------------------------------------------------------------------

    def selected_intervention(self) -> InterventionRecord | None:
        return selected_data(self.interventions_view, INTERVENTION_ROLE, InterventionRecord)

    def selected_intervention_id(self) -> int | None:
        record = self.selected_intervention()
        return record.id if record is not None else None

    def select_intervention(self, intervention_id: int) -> bool:
        row = self.interventions.row_of(intervention_id)
        if row is None:
            return False
        self.interventions_view.selectRow(row)
        self.interventions_view.scrollTo(self.interventions.index(row, 0))
        return True

    def plan_intervention(
        self, kind: InterventionKind | None = None, target_ids: tuple[int, ...] = ()
    ) -> int | None:
        """Open the planning dialog; the new intervention's id, or None."""
        if self.meeting is None:
            return None
        if kind is None:
            state_id = self.selected_state_id()
            kind = (
                InterventionKind.BILATERAL if state_id is not None else InterventionKind.STATEMENT
            )
            target_ids = target_ids or ((state_id,) if state_id is not None else ())
        dialog = InterventionDialog(
            self._services,
            self._undo,
            self.meeting,
            kind=kind,
            target_ids=target_ids,
            parent=self,
        )
        created = dialog.saved_id if accepted(dialog) else None
        if created is not None:
            self.reload()
            self.select_intervention(created)
        return created

    def edit_selected(self) -> bool:
        record = self.selected_intervention()
        if self.meeting is None or record is None:
            return False
        dialog = InterventionDialog(self._services, self._undo, self.meeting, record, parent=self)
        return accepted(dialog)

    def set_status(self, status: InterventionStatus) -> bool:
        record = self.selected_intervention()
        if record is None or record.status == status:
            return False
        if status == InterventionStatus.DONE and record.kind == InterventionKind.BILATERAL:
            return self.complete_selected()
        operation = set_intervention_status(self._services.interventions, record, status)
        return self._undo.run(operation) is not None

    def complete_selected(self) -> bool:
        """Mark the selected bilateral done, writing its log entry (the dialog)."""
        record = self.selected_intervention()
        if self.meeting is None or record is None:
            return False
        dialog = CompleteBilateralDialog(self._services, self._undo, self.meeting, record, self)
        return accepted(dialog)

    def create_demarche(self) -> bool:
        record = self.selected_intervention()
        if self.meeting is None or record is None:
            return False
        statuses: dict[int, TreatyStatus] = (
            {row.state_id: row.status for row in self.room.rows()} if self.room else {}
        )
        dialog = DemarcheForDialog(self._services, self._undo, self.meeting, record, statuses, self)
        return accepted(dialog)

    def link_demarche(self) -> bool:
        record = self.selected_intervention()
        if record is None:
            return False
        dialog = LinkDemarcheDialog(self._services, self._undo, record, self)
        return accepted(dialog)

    def unlink_demarche(self) -> None:
        record = self.selected_intervention()
        if record is None or record.demarche_id is None:
            return
        self._undo.run(unlink_demarche(self._services.interventions, record))

    def _open_demarche(self) -> None:
        record = self.selected_intervention()
        if record is not None and record.demarche_id is not None:
            self.open_item.emit("demarche", record.demarche_id)

    def delete_selected(self) -> None:
        record = self.selected_intervention()
        if record is None:
            return
        self._undo.run(delete_intervention(self._services.interventions, record))

    # --- detail and buttons ---------------------------------------------------------------------

    def _intervention_selected(self) -> None:
        record = self.selected_intervention()
        self.detail.setHtml(
            intervention_html(record, self.state_names, self._services.demarches)
            if record is not None
            else ""
        )
        self.intervention_files.show_record(record.id if record is not None else None)
        self._update_buttons()

    def _update_buttons(self) -> None:
        record = self.selected_intervention()
        chosen = record is not None
        for widget in (self.edit_button, self.status_button, self.delete_button):
            widget.setEnabled(chosen)
        self.done_button.setEnabled(
            record is not None
            and record.kind == InterventionKind.BILATERAL
            and record.status != InterventionStatus.DONE
        )
        self.demarche_button.setEnabled(chosen and bool(record and record.target_ids))
        linked = record is not None and record.demarche_id is not None
        self.create_demarche_action.setEnabled(not linked)
        self.unlink_demarche_action.setEnabled(linked)
        self.open_demarche_action.setEnabled(linked)
        row = self.selected_room_row()
        self.bilateral_button.setEnabled(row is not None)
        self.withdraw_button.setEnabled(row is not None and row.attendee)
