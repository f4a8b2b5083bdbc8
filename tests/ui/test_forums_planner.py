"""The Forums and meetings page and its meeting planner, driven through the widgets on a
copy of the demo database: open the Nairobi Review Conference, see the steadfast and
likely-acceder states in the room, plan three bilaterals and a statement, mark one
bilateral done and find its log entry; memberships and démarches; every model checked."""

from __future__ import annotations

from datetime import date, datetime, time
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt, QTime
from PySide6.QtGui import QUndoStack
from pytestqt.qtbot import QtBot

from outreach.domain.enums import DemarcheStatus, InterventionKind, InterventionStatus
from outreach.domain.records import LogFilter, MeetingRecord
from ui.forums.forum_dialogs import AttendeeDialog, EndMembershipDialog, MembershipDialog
from ui.forums.intervention_dialogs import (
    CompleteBilateralDialog,
    DemarcheForDialog,
    InterventionDialog,
    LinkDemarcheDialog,
)
from ui.forums.page import MEMBERS_TAB, PLANNER_VIEW, ForumsPage
from ui.forums.room_model import ROW_ROLE, Column, RoomModel
from ui.services import AppServices
from ui.undo import UndoRunner

from .desktop import Show
from .modal import drive_modal

NAIROBI_DAY = date(2004, 11, 30)


@pytest.fixture
def page(show: Show, services: AppServices, undo_runner: UndoRunner) -> ForumsPage:
    return show(ForumsPage(services, undo_runner), 1500, 900)


def nairobi(services: AppServices) -> MeetingRecord:
    return services.forums.find_meetings("Nairobi Summit")[0]


def state_id(services: AppServices, iso3: str) -> int:
    return services.states.get(iso3).id


def choose_state(dialog: AttendeeDialog | MembershipDialog, iso3: str) -> None:
    box = dialog.state_box
    box.setCurrentIndex(next(i for i in range(box.count()) if f"({iso3})" in box.itemText(i)))


def set_slot(dialog: InterventionDialog, day: date, start: time, end: time) -> None:
    dialog.slot_check.setChecked(True)
    dialog.day_box.setCurrentIndex(dialog.day_box.findData(day.isoformat()))
    dialog.start_edit.setTime(QTime(start.hour, start.minute))
    dialog.end_edit.setTime(QTime(end.hour, end.minute))


def open_nairobi_through_the_widgets(qtbot: QtBot, page: ForumsPage) -> None:
    forums = page.forums
    row = next(
        i for i in range(forums.count()) if forums.item(i).text() == "Review Conference (APMBC)"
    )
    forums.setCurrentRow(row)
    meeting_row = next(
        i for i in range(page.meetings.rowCount()) if "Nairobi" in page.meetings.index(i, 0).data()
    )
    page.meetings_view.selectRow(meeting_row)
    qtbot.mouseClick(page.open_button, Qt.MouseButton.LeftButton)
    assert page.stack.currentIndex() == PLANNER_VIEW


def announce(qtbot: QtBot, page: ForumsPage, iso3: str) -> None:
    planner = page.planner
    drive_modal(AttendeeDialog, lambda d: (choose_state(d, iso3), d.try_accept()))
    qtbot.mouseClick(planner.announce_button, Qt.MouseButton.LeftButton)


def plan_bilateral_with(
    qtbot: QtBot, page: ForumsPage, iso3: str, slug: str, start: time, title: str | None = None
) -> None:
    """Select the state in the room and plan a bilateral with it through the dialog."""
    planner = page.planner
    assert planner.select_state(state_id_of(page, iso3), slug)

    def fill(dialog: InterventionDialog) -> None:
        assert dialog.kind_box.currentData() == "bilateral"
        if title is not None:
            dialog.title_edit.setText(title)
            dialog.title_edit.textEdited.emit(title)
        set_slot(dialog, NAIROBI_DAY, start, time(start.hour, 45))
        dialog.try_accept()

    drive_modal(InterventionDialog, fill)
    qtbot.mouseClick(planner.bilateral_button, Qt.MouseButton.LeftButton)


def state_id_of(page: ForumsPage, iso3: str) -> int:
    return page._services.states.get(iso3).id


# --- the main flow ----------------------------------------------------------------------


def test_plan_bilaterals_at_nairobi_and_log_one_done(
    qtbot: QtBot, page: ForumsPage, services: AppServices, undo_runner: UndoRunner,
    messages: list[str],
) -> None:  # fmt: skip
    open_nairobi_through_the_widgets(qtbot, page)
    planner = page.planner
    assert planner.title_label.text().startswith("First Review Conference")
    assert "Nairobi" in planner.info_label.text() and "Africa/Nairobi" in planner.info_label.text()

    # Observers announced for the Review Conference (unless the demo has them already).
    already = set(nairobi(services).attendee_ids)
    for iso3 in ("PAK", "USA", "CHN", "ETH", "IDN"):
        if state_id(services, iso3) not in already:
            announce(qtbot, page, iso3)
    assert messages == []

    steadfast = {row.iso3: row for row in planner.room_rows("steadfast-producers-users")}
    assert {"PAK", "USA", "CHN"} <= set(steadfast)
    likely = {row.iso3: row for row in planner.room_rows("likely-acceders")}
    assert {"ETH", "IDN", "GRC", "TUR"} <= set(likely)
    assert steadfast["PAK"].status.value == "outside" and steadfast["PAK"].attendee
    assert likely["GRC"].member and likely["ETH"].status.value == "signatory"
    assert steadfast["PAK"].open_demarches >= 1
    assert "priority categories" in planner.room_summary.text()

    plan_bilateral_with(qtbot, page, "PAK", "steadfast-producers-users", time(9, 0))
    plan_bilateral_with(qtbot, page, "ETH", "likely-acceders", time(10, 0))
    planner.targets_only.setChecked(False)  # Côte d'Ivoire is in no category
    plan_bilateral_with(
        qtbot, page, "CIV", "", time(11, 0), title="Bilatérale avec la Côte d'Ivoire"
    )
    planner.room_view.clearSelection()

    def statement(dialog: InterventionDialog) -> None:
        assert dialog.kind_box.currentData() == "statement"
        dialog.title_edit.setText("Statement by Canada on universalization")
        set_slot(dialog, date(2004, 12, 1), time(9, 30), time(9, 40))
        dialog.try_accept()

    drive_modal(InterventionDialog, statement)
    qtbot.mouseClick(planner.plan_button, Qt.MouseButton.LeftButton)
    assert messages == []

    records = planner.interventions.records()
    assert [(r.kind.value, r.title) for r in records] == [
        ("bilateral", "Bilateral with Pakistan"),
        ("bilateral", "Bilateral with Ethiopia"),
        ("bilateral", "Bilatérale avec la Côte d'Ivoire"),
        ("statement", "Statement by Canada on universalization"),
    ]
    assert records[2].starts_at == datetime(2004, 11, 30, 11, 0)
    assert planner.room_rows("steadfast-producers-users")[0].iso3 in {"CHN", "PAK", "USA"}
    pakistan_row = next(
        r for r in planner.room_rows("steadfast-producers-users") if r.iso3 == "PAK"
    )
    assert pakistan_row.interventions == 1

    # The Pakistan bilateral is done: the outcome and the log entry in one step.
    assert planner.select_intervention(records[0].id)
    assert planner.done_button.isEnabled()
    contact = services.contacts.list(state="PAK")[0]

    def complete(dialog: CompleteBilateralDialog) -> None:
        assert dialog.summary_edit.text() == "Bilateral with Pakistan"
        dialog.outcome_edit.setPlainText("Pakistan will send an observer to Zagreb in 2005.")
        dialog.contacts_list.set_checked([contact.id])
        dialog.follow_up.set_value(date(2005, 1, 15))
        dialog.try_accept()

    drive_modal(CompleteBilateralDialog, complete)
    qtbot.mouseClick(planner.done_button, Qt.MouseButton.LeftButton)
    assert messages == []

    done = services.interventions.get(records[0].id)
    assert done.status == InterventionStatus.DONE
    assert done.outcome == "Pakistan will send an observer to Zagreb in 2005."
    logged = [planner.log_model.index(r, 2).data() for r in range(planner.log_model.rowCount())]
    assert "Bilateral with Pakistan" in logged
    entries = services.log.page(
        LogFilter(state_id=state_id(services, "PAK"), text="observer to Zagreb")
    )
    [entry] = entries
    assert (entry.occurred_on, entry.meeting_id, entry.contact_ids) == (
        NAIROBI_DAY,
        nairobi(services).id,
        (contact.id,),
    )
    assert entry.follow_up_on == date(2005, 1, 15)
    assert "Outcome" in planner.detail.toPlainText()
    assert (
        next(
            r for r in planner.room_rows("steadfast-producers-users") if r.iso3 == "PAK"
        ).last_contact_on
        == NAIROBI_DAY
    )

    # One undo takes back the whole step; redo does it again.
    undo_runner.stack.undo()
    assert services.interventions.get(records[0].id).status == "planned"
    assert services.log.page(LogFilter(text="observer to Zagreb")) == []
    undo_runner.stack.redo()
    assert services.interventions.get(records[0].id).status == "done"
    assert len(services.log.page(LogFilter(text="observer to Zagreb"))) == 1
    assert messages == []


def test_a_refused_plan_keeps_the_dialog_open(
    qtbot: QtBot, page: ForumsPage, services: AppServices, messages: list[str]
) -> None:
    page.open_meeting(nairobi(services).id)
    dialog = InterventionDialog(
        services,
        page._undo,
        nairobi(services),
        kind=InterventionKind.BILATERAL,
        parent=page,
    )
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.title_edit.setText("Bilateral with nobody")
    dialog.try_accept()
    assert messages == ["A bilateral needs at least one target state."]
    assert dialog.isVisible() and dialog.result() == 0
    dialog.targets.line.setText("Atlantis")
    dialog.try_accept()
    assert messages[-1] == "No state matches 'Atlantis'; pick one from the list."
    dialog.targets.line.setText("Finland")
    set_slot(dialog, NAIROBI_DAY, time(12, 0), time(11, 0))
    dialog.try_accept()
    assert "before it starts" in messages[-1]
    set_slot(dialog, NAIROBI_DAY, time(12, 0), time(12, 30))
    dialog.try_accept()
    assert not dialog.isVisible()
    assert dialog.saved_id is not None
    assert services.interventions.get(dialog.saved_id).target_ids == (state_id(services, "FIN"),)


def test_edit_status_demarche_and_delete_are_undoable(
    qtbot: QtBot, page: ForumsPage, services: AppServices, undo_runner: UndoRunner,
    messages: list[str],
) -> None:  # fmt: skip
    meeting = nairobi(services)
    interventions = services.interventions
    bilateral = interventions.plan(
        meeting.id, "bilateral", "Bilateral with Viet Nam", targets=["VNM"]
    )
    page.open_meeting(meeting.id)
    planner = page.planner
    assert planner.select_intervention(bilateral.id)

    def edit(dialog: InterventionDialog) -> None:
        assert dialog.title_edit.text() == "Bilateral with Viet Nam"
        set_slot(dialog, date(2004, 12, 2), time(14, 0), time(14, 30))
        dialog.lead_edit.setText("B. Officer")
        dialog.try_accept()

    drive_modal(InterventionDialog, edit)
    qtbot.mouseClick(planner.edit_button, Qt.MouseButton.LeftButton)
    edited = interventions.get(bilateral.id)
    assert (edited.starts_at, edited.lead_officer) == (datetime(2004, 12, 2, 14, 0), "B. Officer")

    assert planner.set_status(InterventionStatus.CONFIRMED)
    assert interventions.get(bilateral.id).status == InterventionStatus.CONFIRMED

    def create(dialog: DemarcheForDialog) -> None:
        assert dialog.action_box.currentData() == "accede"  # Viet Nam: outside
        dialog.title_edit.setText("Accession: seminar on alternatives")
        dialog.try_accept()

    drive_modal(DemarcheForDialog, create)
    planner.create_demarche_action.trigger()
    linked = interventions.get(bilateral.id)
    assert linked.demarche_id is not None
    demarche = services.demarches.get(linked.demarche_id)
    assert (demarche.title, demarche.status, demarche.due_on) == (
        "Accession: seminar on alternatives",
        DemarcheStatus.DRAFT,
        meeting.ends_on,
    )
    assert "Démarche: Accession: seminar on alternatives" in planner.detail.toPlainText()

    undo_runner.stack.undo()  # the démarche goes, the link with it
    assert interventions.get(bilateral.id).demarche_id is None
    assert all(d.id != demarche.id for d in services.demarches.list())
    undo_runner.stack.redo()
    assert interventions.get(bilateral.id).demarche_id == demarche.id

    planner.unlink_demarche()
    assert interventions.get(bilateral.id).demarche_id is None
    drive_modal(LinkDemarcheDialog, lambda d: d.try_accept())
    planner.link_demarche_action.trigger()
    assert interventions.get(bilateral.id).demarche_id is not None

    planner.delete_selected()
    assert interventions.for_meeting(meeting.id) == []
    undo_runner.stack.undo()
    assert [i.id for i in interventions.for_meeting(meeting.id)] == [bilateral.id]
    assert messages == []


def test_members_can_be_added_ended_and_deleted_with_undo(
    qtbot: QtBot, page: ForumsPage, services: AppServices, undo_runner: UndoRunner,
    messages: list[str],
) -> None:  # fmt: skip
    forums = page.forums
    forums.setCurrentRow(
        next(i for i in range(forums.count()) if forums.item(i).text() == "Commonwealth")
    )
    page.tabs.setCurrentIndex(MEMBERS_TAB)
    page.all_periods.setChecked(True)
    before = page.members.rowCount()

    def add(dialog: MembershipDialog) -> None:
        choose_state(dialog, "IRL")
        dialog.since.set_value(date(2030, 1, 1))
        dialog.source_edit.setText("A test")
        dialog.try_accept()

    drive_modal(MembershipDialog, add)
    qtbot.mouseClick(page.add_member_button, Qt.MouseButton.LeftButton)
    assert page.members.rowCount() == before + 1
    page.members_filter.setText("ireland")
    assert page.members.rowCount() == 1
    page.members_view.selectRow(0)
    member = page.selected_member()
    assert member is not None and member.since == date(2030, 1, 1)

    def end(dialog: EndMembershipDialog) -> None:
        dialog.date_edit.setDate(dialog.date_edit.date().fromString("2031-06-30", "yyyy-MM-dd"))
        dialog.accept()

    drive_modal(EndMembershipDialog, end)
    qtbot.mouseClick(page.end_member_button, Qt.MouseButton.LeftButton)
    assert services.forums.get_member(member.id).until == date(2031, 6, 30)
    undo_runner.stack.undo()
    assert services.forums.get_member(member.id).until is None

    page.members_view.selectRow(0)
    page.delete_selected()
    assert page.members.rowCount() == 0
    undo_runner.stack.undo()
    assert page.members.rowCount() == 1
    assert messages == []
    assert page.selection().state_id is None or page.selection().state_id == member.state_id


def test_the_page_works_without_an_undo_runner_and_opens_an_intervention(
    qtbot: QtBot, services: AppServices
) -> None:
    meeting = nairobi(services)
    record = services.interventions.plan(meeting.id, "statement", "Statement")
    lone = ForumsPage(services)
    qtbot.addWidget(lone)
    lone.show()
    assert lone.open_intervention(record.id)
    assert lone.in_planner()
    assert lone.planner.selected_intervention_id() == record.id
    selection = lone.selection()
    assert selection.meeting_id == meeting.id
    with qtbot.waitSignal(lone.open_item) as opened:
        assert lone.planner.select_state(state_id(services, "GRC"))
        lone.planner.room_view.doubleClicked.emit(lone.planner.room_view.currentIndex())
    assert opened.args == ["state", state_id(services, "GRC")]
    lone.planner.back_button.click()
    assert not lone.in_planner()
    assert isinstance(lone._undo.stack, QUndoStack)


def test_planner_models_pass_the_model_tester(
    qtmodeltester: Any, page: ForumsPage, services: AppServices
) -> None:
    meeting = nairobi(services)
    if state_id(services, "PAK") not in meeting.attendee_ids:
        services.forums.add_attendee(meeting.id, "PAK")
    services.interventions.plan(
        meeting.id, "bilateral", "Pakistan", targets=["PAK"], starts_at="2004-11-30 10:00"
    )
    page.open_meeting(meeting.id)
    qtmodeltester.check(page.planner.room_model)
    qtmodeltester.check(page.planner.room_proxy)
    qtmodeltester.check(page.planner.interventions)
    qtmodeltester.check(page.meetings)
    qtmodeltester.check(page.members)
    page.planner.room_filter.setText("pak")
    qtmodeltester.check(page.planner.room_proxy)
    shown = page.planner.room_proxy
    group = shown.index(0, 0)
    child = shown.index(0, Column.STATE, group)
    assert child.data(ROW_ROLE).iso3 == "PAK"
    assert RoomModel().rowCount() == 0


def test_the_room_exports_its_rows_under_their_groups(
    page: ForumsPage, services: AppServices, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import csv

    from PySide6.QtWidgets import QFileDialog

    page.open_meeting(nairobi(services).id)
    target = tmp_path / "room.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(target), ""))
    (export,) = [a for a in page.planner.room_view.actions() if a.text() == "Export this list…"]
    export.trigger()
    with target.open(encoding="utf-8-sig", newline="") as handle:
        header, *rows = list(csv.reader(handle))
    assert header[:2] == ["Group", "State"]
    groups = {row[0].rsplit(" (", 1)[0] for row in rows}
    assert {"Likely acceders", "Steadfast producers and users"} <= groups
    likely = [row[1] for row in rows if row[0].startswith("Likely acceders (")]
    assert "Ethiopia (ETH)" in likely
    title = next(row[0] for row in rows if row[0].startswith("Likely acceders ("))
    assert title == f"Likely acceders ({len(likely)})"  # the group's count, every row


def test_the_page_opens_on_the_forum_in_season_then_on_the_one_left_in_view(
    qtbot: QtBot, services: AppServices, page: ForumsPage
) -> None:
    from PySide6.QtCore import QSettings

    latest = services.forums.meetings()[-1]  # the demo's meetings are all past
    forum = page.current_forum()
    assert forum is not None and forum.id == latest.forum_id
    assert page.meetings.rowCount() > 0  # not an empty forum
    cd = next(f for f in services.forums.forums() if f.name == "Conference on Disarmament")
    assert page.select_forum(cd.id)
    page.save_state(QSettings())

    again = ForumsPage(services)
    qtbot.addWidget(again)
    again.restore_state(QSettings())
    again.show()
    shown = again.current_forum()
    assert shown is not None and shown.id == cd.id


def test_the_forums_list_asks_only_for_its_own_room_not_the_planners(
    page: ForumsPage, services: AppServices
) -> None:
    needs = page.planner.minimumSizeHint().height()
    assert page.splitter.minimumSizeHint().height() < needs  # else the test says nothing
    assert page.stack.minimumSizeHint().height() < needs  # the list shown: the planner hidden
    page.open_meeting(nairobi(services).id)
    assert page.stack.currentIndex() == PLANNER_VIEW
    assert page.stack.minimumSizeHint().height() >= needs  # the planner shown: its room
