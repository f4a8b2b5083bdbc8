"""The démarches page, its list model, board and dialog, driven through the widgets on a
copy of the demo database."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from PySide6.QtCore import QMimeData, QPointF, QSettings, Qt, QTimer
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QApplication, QInputDialog, QWidget
from pytestqt.qtbot import QtBot

from outreach.domain.enums import Channel, DemarcheStatus, Level, RequestedAction
from outreach.domain.records import DemarcheRecord
from outreach.setup import open_database
from outreach.storage.database import Database
from ui.context import Selection
from ui.demarches import moves
from ui.demarches.board import OVERDUE_ROLE, DemarcheBoard, demarche_mime
from ui.demarches.dialog import DemarcheDialog, edit_demarche, plan_a_demarche
from ui.demarches.labels import action_label, channel_label, level_label
from ui.demarches.page import DemarchesPage
from ui.demarches.table_model import (
    ROW_ROLE,
    SORT_ROLE,
    Column,
    DemarchesTableModel,
)
from ui.services import AppServices
from ui.undo import UndoRunner
from ui.widgets.overdue import OVERDUE_RED

from .desktop import Show
from .modal import drive_modal

TODAY = date.today()


class Reasons:
    """The reason prompt, patched: `queue` what it answers next (None for Cancel);
    `asked` holds (démarche id, target status) for each time it was shown."""

    def __init__(self) -> None:
        self.answers: list[str | None] = []
        self.asked: list[tuple[int, DemarcheStatus]] = []

    def queue(self, answer: str | None) -> None:
        self.answers.append(answer)

    def __call__(
        self, _parent: QWidget | None, record: DemarcheRecord, target: DemarcheStatus
    ) -> str | None:
        self.asked.append((record.id, target))
        if not self.answers:
            raise AssertionError(f"no reason was expected for moving to {target}")
        return self.answers.pop(0)


@pytest.fixture
def reasons(monkeypatch: pytest.MonkeyPatch) -> Reasons:
    prompt = Reasons()
    monkeypatch.setattr(moves, "ask_for_reason", prompt)
    return prompt


@pytest.fixture
def page(show: Show, services: AppServices, undo_runner: UndoRunner) -> DemarchesPage:
    """The page, shown and refreshed by the database's changes as the app's bus would."""
    return show(DemarchesPage(services, undo_runner), 1400, 800)


def _state_id(services: AppServices, code: str) -> int:
    state = services.states.find(code)
    assert state is not None
    return state.id


def _draft(services: AppServices, code: str = "FIN", title: str = "A draft", **kw: Any) -> int:
    return services.demarches.create(
        code, title, RequestedAction.ACCEDE, Channel.NOTE_VERBALE, Level.DIRECTOR, **kw
    ).id


def _dialog(qtbot: QtBot, services: AppServices, undo: UndoRunner, **kw: Any) -> DemarcheDialog:
    dialog = DemarcheDialog(services, undo, **kw)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()  # so the focus can be checked
    qtbot.waitUntil(dialog.isActiveWindow, timeout=2000)
    return dialog


def _choose(combo: Any, value: str) -> None:
    row = combo.findData(value)
    assert row >= 0, value
    combo.setCurrentIndex(row)


def _type_state(dialog: DemarcheDialog, text: str) -> None:
    line = dialog.state_box.lineEdit()
    assert line is not None
    line.setText(text)  # typed (keyClicks would open the completer's popup, which the
    line.editingFinished.emit()  # offscreen platform warns about); then leaving the field


# --- labels and the list model ----------------------------------------------------------


def test_the_lists_read_the_vocabularies_labels() -> None:
    assert action_label("submit_art7_report") == "Submit an Art. 7 report"
    assert channel_label(Channel.NOTE_VERBALE) == "Note verbale"
    assert level_label("deputy_minister") == "Deputy minister"
    assert action_label("something_new") == "Something new"  # unknown text, made human


def test_the_model_passes_the_model_tester(qtmodeltester: Any, services: AppServices) -> None:
    model = DemarchesTableModel()
    names = {row.id: row.name for row in services.states.list_rows()}
    model.set_records(services.demarches.list(), names)
    assert model.rowCount() == 12
    qtmodeltester.check(model)
    model.set_records([])
    qtmodeltester.check(model)


def test_the_model_shows_labels_sorts_by_raw_values_and_reds_overdue(
    services: AppServices,
) -> None:
    late = _draft(services, title="Late", planned_on=TODAY - timedelta(days=30),
                  due_on=TODAY - timedelta(days=1))  # fmt: skip
    ahead = _draft(services, title="Ahead", due_on=TODAY + timedelta(days=30))
    model = DemarchesTableModel()
    names = {row.id: row.name for row in services.states.list_rows()}
    model.set_records(services.demarches.list(), names)

    def cell(demarche_id: int, column: Column, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = model.row_of(demarche_id)
        assert row is not None
        return model.index(row, column).data(role)

    assert cell(late, Column.STATE) == "Finland"
    assert cell(late, Column.ACTION) == "Accede"
    assert cell(late, Column.CHANNEL) == "Note verbale"
    assert cell(late, Column.STATUS) == "Draft"
    assert cell(late, Column.DUE) == f"{TODAY - timedelta(days=1)} (overdue)"  # not red alone
    assert cell(late, Column.DUE, SORT_ROLE) == (TODAY - timedelta(days=1)).isoformat()
    assert cell(late, Column.STATUS, SORT_ROLE) == DemarcheStatus.DRAFT.rank
    assert cell(late, Column.CHANNEL, SORT_ROLE) == "note_verbale"
    assert cell(late, Column.TITLE, ROW_ROLE).id == late
    assert cell(late, Column.DUE, Qt.ItemDataRole.ForegroundRole).color().name() == OVERDUE_RED
    assert cell(ahead, Column.DUE, Qt.ItemDataRole.ForegroundRole) is None
    closed = next(r for r in services.demarches.list(status="closed") if r.due_on is not None)
    assert closed.due_on is not None and closed.due_on < TODAY
    assert cell(closed.id, Column.DUE, Qt.ItemDataRole.ForegroundRole) is None  # not open


# --- planning through the dialog ----------------------------------------------------------


def test_planning_through_the_dialog_shows_it_in_the_list_and_the_draft_column(
    qtbot: QtBot, page: DemarchesPage, services: AppServices, undo_runner: UndoRunner
) -> None:
    finland = _state_id(services, "FIN")
    matti = next(c for c in services.contacts.list(state=finland))
    planned, due = TODAY + timedelta(days=3), TODAY + timedelta(days=40)

    def act(dialog: DemarcheDialog) -> None:
        _type_state(dialog, "Republic of Finland")  # an alias
        assert dialog.state_box.currentData() == finland
        assert dialog.contacts_list.offered_ids() == [matti.id]  # the chosen state's contacts
        qtbot.keyClicks(dialog.title_edit, "Deposit before the Review Conference")
        _choose(dialog.action_box, RequestedAction.SUBMIT_ART7_REPORT.value)
        assert dialog.action_box.currentText() == "Submit an Art. 7 report"
        _choose(dialog.channel_box, Channel.AIDE_MEMOIRE.value)
        _choose(dialog.level_box, Level.DEPUTY_MINISTER.value)
        qtbot.keyClicks(dialog.talking_points_edit, "Offer help with the report.")
        dialog.officer_edit.clear()
        qtbot.keyClicks(dialog.officer_edit, "J. Example")
        dialog.planned.set_value(planned)
        dialog.due.set_value(due)
        dialog.contacts_list.item(0).setCheckState(Qt.CheckState.Checked)
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    page.new_item()  # the page's dialog is not modal: the list stays usable beside it
    dialog = page.open_dialog
    assert isinstance(dialog, DemarcheDialog)
    act(dialog)
    qtbot.waitUntil(lambda: page.open_dialog is None)

    created = page.selected_record()
    assert created is not None and created.title == "Deposit before the Review Conference"
    record = services.demarches.get(created.id)
    assert record.state_id == finland
    assert record.status == DemarcheStatus.DRAFT
    assert (record.requested_action, record.channel, record.level) == (
        "submit_art7_report",
        "aide_memoire",
        "deputy_minister",
    )
    assert record.talking_points == "Offer help with the report."
    assert record.officer == "J. Example"
    assert (record.planned_on, record.due_on) == (planned, due)
    assert record.contact_ids == (matti.id,)
    assert record.treaty_id is not None  # the Ottawa Convention by default
    assert page.model.row_of(record.id) is not None
    assert record.id in page.board.card_ids(DemarcheStatus.DRAFT)
    assert page.detail.shown("action") == "Submit an Art. 7 report"
    assert page.detail.shown("contacts") == matti.full_name
    assert QSettings().value("demarches/officer") == "J. Example"

    undo_runner.stack.undo()  # the plan is undone: the draft is gone (soft)
    assert page.model.row_of(record.id) is None
    assert record.id not in page.board.card_ids(DemarcheStatus.DRAFT)
    undo_runner.stack.redo()
    assert services.demarches.get(record.id).title == record.title
    assert record.id in page.board.card_ids(DemarcheStatus.DRAFT)


def test_the_dialog_starts_from_the_selected_state(
    qtbot: QtBot, services: AppServices, undo_runner: UndoRunner
) -> None:
    myanmar = _state_id(services, "MMR")
    dialog = _dialog(qtbot, services, undo_runner, selection=Selection(state_id=myanmar))
    assert dialog.state_box.currentData() == myanmar
    assert dialog.planned.value() == TODAY and dialog.due.value() is None
    assert dialog.contacts_list.offered_ids() == []  # no contacts in Myanmar in the demo
    _type_state(dialog, "Ivory Coast")
    assert dialog.state_box.currentData() == _state_id(services, "CIV")


def test_plan_a_demarche_returns_the_new_id_or_none(
    qtbot: QtBot, page: DemarchesPage, services: AppServices, undo_runner: UndoRunner
) -> None:
    def act(dialog: DemarcheDialog) -> None:
        qtbot.keyClicks(dialog.title_edit, "From the menu")
        dialog.try_accept()

    drive_modal(DemarcheDialog, act)
    new_id = plan_a_demarche(page, services, undo_runner, Selection(state_id=1))
    assert new_id is not None and services.demarches.get(new_id).state_id == 1
    drive_modal(DemarcheDialog, lambda dialog: dialog.reject())
    assert plan_a_demarche(page, services, undo_runner, Selection(state_id=1)) is None


def test_due_before_planned_keeps_the_dialog_open_with_what_was_typed(
    qtbot: QtBot, services: AppServices, undo_runner: UndoRunner, messages: list[str]
) -> None:
    finland = _state_id(services, "FIN")
    before = len(services.demarches.list())
    dialog = _dialog(qtbot, services, undo_runner, selection=Selection(state_id=finland))
    qtbot.keyClicks(dialog.title_edit, "Too late to plan")
    _choose(dialog.level_box, Level.AMBASSADOR.value)
    dialog.planned.set_value(date(2025, 5, 10))
    dialog.due.set_value(date(2025, 5, 1))
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    assert len(messages) == 1 and "before it is planned" in messages[0]
    assert dialog.isVisible() and dialog.result() == 0
    assert dialog.title_edit.text() == "Too late to plan"
    assert dialog.level_box.currentData() == Level.AMBASSADOR.value
    assert dialog.state_box.currentData() == finland
    assert (dialog.planned.value(), dialog.due.value()) == (date(2025, 5, 10), date(2025, 5, 1))
    assert dialog.due.edit.hasFocus()  # the field at fault
    assert len(services.demarches.list()) == before
    assert undo_runner.stack.count() == 0

    dialog.due.set_value(date(2025, 6, 1))  # corrected, it goes through
    dialog.try_accept()
    assert dialog.saved_id is not None and not dialog.isVisible()


def test_a_state_that_names_nothing_keeps_the_dialog_open(
    qtbot: QtBot, services: AppServices, undo_runner: UndoRunner, messages: list[str]
) -> None:
    dialog = _dialog(qtbot, services, undo_runner)
    line = dialog.state_box.lineEdit()
    assert line is not None
    line.setText("Atlantis")
    qtbot.keyClicks(dialog.title_edit, "Nowhere")
    dialog.try_accept()
    assert len(messages) == 1 and "Atlantis" in messages[0]
    assert dialog.isVisible() and dialog.title_edit.text() == "Nowhere"
    assert undo_runner.stack.count() == 0


def test_editing_reuses_the_dialog_and_undo_restores_the_previous_values(
    qtbot: QtBot, page: DemarchesPage, services: AppServices, undo_runner: UndoRunner
) -> None:
    demarche_id = _draft(services, title="Old title", due_on=TODAY + timedelta(days=9))
    before = services.demarches.get(demarche_id)
    matti = services.contacts.list(state=_state_id(services, "FIN"))[0]

    def act(dialog: DemarcheDialog) -> None:
        assert dialog.title_edit.text() == "Old title"
        assert dialog.due.value() == TODAY + timedelta(days=9)
        dialog.title_edit.clear()
        qtbot.keyClicks(dialog.title_edit, "New title")
        _choose(dialog.channel_box, Channel.LETTER.value)
        dialog.due.set_value(None)
        dialog.contacts_list.set_checked([matti.id])
        dialog.try_accept()

    drive_modal(DemarcheDialog, act)
    assert edit_demarche(page, services, undo_runner, demarche_id)
    after = services.demarches.get(demarche_id)
    assert (after.title, after.channel, after.due_on) == ("New title", "letter", None)
    assert after.contact_ids == (matti.id,)

    undo_runner.stack.undo()
    assert services.demarches.get(demarche_id) == before
    undo_runner.stack.redo()
    assert services.demarches.get(demarche_id) == after


# --- the board: moving cards ----------------------------------------------------------------


def test_the_board_has_a_column_per_status_and_red_overdue_cards(
    page: DemarchesPage, services: AppServices
) -> None:
    board = page.board
    for status in DemarcheStatus:
        wanted = {record.id for record in services.demarches.list(status=status)}
        assert set(board.card_ids(status)) == wanted
    assert not board.cancelled_shown()  # collapsed until opened
    assert board.columns[DemarcheStatus.CANCELLED].header.text() == "Cancelled (1)"
    overdue = next(r for r in services.demarches.list(open_only=True) if r.due_on)
    card = board.card(overdue.id)
    assert card is not None and card.data(OVERDUE_ROLE) is True
    closed = services.demarches.list(status="closed")[0]
    closed_card = board.card(closed.id)
    assert closed_card is not None and closed_card.data(OVERDUE_ROLE) is False


def test_dropping_a_card_forward_delivers_it_and_undo_redo_follow(
    qtbot: QtBot, page: DemarchesPage, services: AppServices, undo_runner: UndoRunner
) -> None:
    demarche_id = _draft(services, title="Deliver me")
    page.set_view_mode("board")
    assert demarche_id in page.board.card_ids(DemarcheStatus.DRAFT)

    assert page.board.move_card(demarche_id, DemarcheStatus.DELIVERED)  # what a drop calls

    moved = services.demarches.get(demarche_id)
    assert moved.status == DemarcheStatus.DELIVERED and moved.delivered_on == TODAY
    assert demarche_id in page.board.card_ids(DemarcheStatus.DELIVERED)
    assert demarche_id not in page.board.card_ids(DemarcheStatus.DRAFT)
    assert page.board.selected_id() == demarche_id
    assert undo_runner.stack.undoText() == "Move démarche to Delivered"

    undo_runner.stack.undo()
    back = services.demarches.get(demarche_id)
    assert back.status == DemarcheStatus.DRAFT and back.delivered_on is None
    assert back.status_reason == "Undone"
    assert demarche_id in page.board.card_ids(DemarcheStatus.DRAFT)
    undo_runner.stack.redo()
    again = services.demarches.get(demarche_id)
    assert again.status == DemarcheStatus.DELIVERED and again.delivered_on == TODAY
    assert demarche_id in page.board.card_ids(DemarcheStatus.DELIVERED)


def _drop(point: QPointF, mime: QMimeData) -> QDropEvent:
    """A drop event; the caller keeps `mime` alive (the event only points at it)."""
    return QDropEvent(
        point,
        Qt.DropAction.CopyAction | Qt.DropAction.MoveAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )


def test_the_columns_drop_handler_moves_the_card_it_is_given(
    qtbot: QtBot, page: DemarchesPage, services: AppServices
) -> None:
    """The column's handlers, called as Qt's drag manager would call them (sending a
    synthetic drag through QApplication needs a drag in progress)."""
    demarche_id = _draft(services, title="Dropped")
    page.set_view_mode("board")
    column = page.board.columns[DemarcheStatus.APPROVED]
    point = QPointF(page.board.drop_point(DemarcheStatus.APPROVED))

    card = demarche_mime(demarche_id)
    column.dropEvent(drop := _drop(point, card))
    assert drop.isAccepted() and drop.dropAction() == Qt.DropAction.CopyAction
    qtbot.waitUntil(  # the move runs once the drop has returned
        lambda: services.demarches.get(demarche_id).status == DemarcheStatus.APPROVED,
        timeout=2000,
    )
    assert demarche_id in page.board.card_ids(DemarcheStatus.APPROVED)

    column.dropEvent(again := _drop(point, card))  # already in this column
    assert not again.isAccepted()
    text = QMimeData()
    text.setText(str(demarche_id))  # not a card
    column.dropEvent(foreign := _drop(point, text))
    assert not foreign.isAccepted()


def test_ctrl_right_moves_the_selected_card_forward_without_a_mouse(
    qtbot: QtBot, page: DemarchesPage, services: AppServices, undo_runner: UndoRunner
) -> None:
    demarche_id = _draft(services, title="By keyboard")
    page.set_view_mode("board")
    assert page.board.select(demarche_id, focus=True)
    draft_list = page.board.column(DemarcheStatus.DRAFT)

    qtbot.keyClick(draft_list, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)
    assert services.demarches.get(demarche_id).status == DemarcheStatus.APPROVED
    approved_list = page.board.column(DemarcheStatus.APPROVED)
    assert approved_list.hasFocus() and approved_list.current_id() == demarche_id

    qtbot.keyClick(approved_list, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)
    delivered = services.demarches.get(demarche_id)
    assert delivered.status == DemarcheStatus.DELIVERED and delivered.delivered_on == TODAY
    assert demarche_id in page.board.card_ids(DemarcheStatus.DELIVERED)
    assert page.selection() == Selection(state_id=delivered.state_id, demarche_id=demarche_id)

    undo_runner.stack.undo()
    assert services.demarches.get(demarche_id).status == DemarcheStatus.APPROVED
    undo_runner.stack.undo()
    assert services.demarches.get(demarche_id).status == DemarcheStatus.DRAFT
    undo_runner.stack.redo()
    undo_runner.stack.redo()
    assert services.demarches.get(demarche_id).status == DemarcheStatus.DELIVERED


def test_a_backward_move_asks_for_a_reason_and_cancel_moves_nothing(
    qtbot: QtBot,
    page: DemarchesPage,
    services: AppServices,
    undo_runner: UndoRunner,
    reasons: Reasons,
) -> None:
    demarche_id = _draft(services, title="Back and forth")
    delivered_on = date(2025, 3, 4)
    services.demarches.move(demarche_id, "delivered", on=delivered_on)
    page.set_view_mode("board")
    assert page.board.select(demarche_id, focus=True)
    pushed = undo_runner.stack.count()

    reasons.queue(None)  # Cancel in the prompt: nothing moves
    delivered_list = page.board.column(DemarcheStatus.DELIVERED)
    qtbot.keyClick(delivered_list, Qt.Key.Key_Left, Qt.KeyboardModifier.ControlModifier)
    assert reasons.asked == [(demarche_id, DemarcheStatus.APPROVED)]
    assert services.demarches.get(demarche_id).status == DemarcheStatus.DELIVERED
    assert demarche_id in page.board.card_ids(DemarcheStatus.DELIVERED)
    assert undo_runner.stack.count() == pushed

    reasons.queue("Delivered to the wrong ministry")
    assert page.board.move_card(demarche_id, DemarcheStatus.APPROVED)
    back = services.demarches.get(demarche_id)
    assert back.status == DemarcheStatus.APPROVED
    assert back.status_reason == "Delivered to the wrong ministry"
    assert back.delivered_on is None
    assert demarche_id in page.board.card_ids(DemarcheStatus.APPROVED)

    undo_runner.stack.undo()  # back to delivered, with the first delivery date
    undone = services.demarches.get(demarche_id)
    assert undone.status == DemarcheStatus.DELIVERED and undone.delivered_on == delivered_on
    undo_runner.stack.redo()
    redone = services.demarches.get(demarche_id)
    assert redone.status == DemarcheStatus.APPROVED
    assert redone.status_reason == "Delivered to the wrong ministry"
    assert len(reasons.asked) == 2  # undo and redo never ask


def test_cancelling_asks_for_a_reason_and_the_cancelled_column_opens(
    page: DemarchesPage, services: AppServices, reasons: Reasons
) -> None:
    demarche_id = _draft(services, title="Not needed")
    reasons.queue("Overtaken by events")
    assert page.board.move_card(demarche_id, DemarcheStatus.CANCELLED)
    cancelled = services.demarches.get(demarche_id)
    assert cancelled.status == DemarcheStatus.CANCELLED
    assert cancelled.status_reason == "Overtaken by events"
    assert demarche_id in page.board.card_ids(DemarcheStatus.CANCELLED)
    assert page.board.cancelled_shown()  # opened to show the card moved there
    assert page.board.step_selected(1) is False  # Ctrl+Right does not reopen


def test_moves_from_the_detail_pane_work_in_the_list_view(
    page: DemarchesPage, services: AppServices, reasons: Reasons
) -> None:
    demarche_id = _draft(services, title="From the list")
    page.set_view_mode("list")
    assert page.select(demarche_id)
    assert page.move_selected(DemarcheStatus.RESPONSE)
    assert services.demarches.get(demarche_id).status == DemarcheStatus.RESPONSE
    assert page.selected_record() is not None
    assert page.detail.shown("status") == "Response"
    assert reasons.asked == []


# --- the page ------------------------------------------------------------------------------


def test_filters_by_state_status_open_and_text(
    qtbot: QtBot, page: DemarchesPage, services: AppServices
) -> None:
    assert len(page.records()) == 12
    page.open_only.setChecked(True)
    assert {r.id for r in page.records()} == {r.id for r in services.demarches.list(open_only=True)}
    page.open_only.setChecked(False)
    _choose(page.status_box, "closed")
    assert len(page.records()) == 3
    _choose(page.status_box, None)  # type: ignore[arg-type]
    line = page.state_box.lineEdit()
    assert line is not None
    line.setText("Turkey")  # an alias of Türkiye
    line.editingFinished.emit()
    turkiye = _state_id(services, "TUR")
    assert [r.state_id for r in page.records()] == [turkiye]
    assert page.selection().state_id == turkiye  # "Plan a démarche" starts there
    page.state_box.setCurrentIndex(0)
    qtbot.keyClicks(page.filter_edit, "nairobi")
    found = page.records()
    assert len(found) == 3  # in the titles, and in the talking points of one
    assert all("nairobi" in (r.title + r.talking_points).lower() for r in found)
    on_board = [i for status in DemarcheStatus for i in page.board.card_ids(status)]
    assert sorted(on_board) == sorted(r.id for r in found)


def test_the_selection_and_the_detail_pane_follow_the_list_and_the_board(
    page: DemarchesPage, services: AppServices
) -> None:
    record = services.demarches.list(status="closed")[0]
    page.set_view_mode("list")
    assert page.select(record.id)
    assert page.selection() == Selection(state_id=record.state_id, demarche_id=record.id)
    assert page.detail.shown("status") == "Closed"
    assert page.detail.shown("delivered") == _iso(record.delivered_on)
    assert page.detail.shown("closed") == _iso(record.closed_on)
    page.set_view_mode("board")
    assert page.board.selected_id() == record.id  # the same démarche on the board
    other = services.demarches.list(status="draft")[0]
    assert page.board.select(other.id)
    assert page.selection().demarche_id == other.id
    assert page.detail.title_label.text() == other.title


def _iso(day: date | None) -> str:
    return day.isoformat() if day else ""


def test_deleting_is_soft_and_undoable(
    page: DemarchesPage, services: AppServices, undo_runner: UndoRunner
) -> None:
    demarche_id = _draft(services, title="Delete me")
    assert page.select(demarche_id)
    page.delete_selected()
    assert page.model.row_of(demarche_id) is None
    assert all(r.id != demarche_id for r in services.demarches.list())
    undo_runner.stack.undo()
    assert services.demarches.get(demarche_id).title == "Delete me"
    assert page.model.row_of(demarche_id) is not None
    undo_runner.stack.redo()
    assert page.model.row_of(demarche_id) is None


def test_view_mode_column_widths_and_sort_are_remembered(
    qtbot: QtBot, page: DemarchesPage, services: AppServices, undo_runner: UndoRunner
) -> None:
    page.set_view_mode("board")
    page.board.set_cancelled_shown(True)
    page.table.horizontalHeader().resizeSection(Column.TITLE, 333)
    page.table.sortByColumn(Column.STATE, Qt.SortOrder.DescendingOrder)
    settings = QSettings()
    page.save_state(settings)
    assert settings.value("demarches/view") == "board"

    again = DemarchesPage(services, undo_runner)
    qtbot.addWidget(again)
    again.restore_state(QSettings())
    again.show()
    qtbot.waitExposed(again)
    assert again.view_mode() == "board"
    assert again.board.cancelled_shown()
    header = again.table.horizontalHeader()
    assert header.sectionSize(Column.TITLE) == 333
    assert header.sortIndicatorSection() == Column.STATE
    assert header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
    first = again.model.index(0, Column.STATE).data()
    last = again.model.index(again.model.rowCount() - 1, Column.STATE).data()
    assert first.casefold() > last.casefold()


def test_ctrl_f_focuses_the_text_filter(qtbot: QtBot, page: DemarchesPage) -> None:
    page.activateWindow()
    page.focus_filter()
    qtbot.waitUntil(page.filter_edit.hasFocus, timeout=2000)
    assert page.title() == "Démarches"
    assert page.shows == ("demarche", "demarche_contact")


def test_a_standalone_board_moves_and_reports(
    qtbot: QtBot, services: AppServices, undo_runner: UndoRunner
) -> None:
    board = DemarcheBoard(services, undo_runner)
    qtbot.addWidget(board)
    demarche_id = _draft(services, title="Alone")
    board.set_records(services.demarches.list())
    with qtbot.waitSignal(board.moved) as blocker:
        assert board.move_card(demarche_id, DemarcheStatus.CLOSED)
    assert blocker.args == [demarche_id]
    closed = services.demarches.get(demarche_id)
    assert closed.status == DemarcheStatus.CLOSED and closed.closed_on == TODAY
    assert demarche_id in board.card_ids(DemarcheStatus.CLOSED)
    assert board.move_card(demarche_id, DemarcheStatus.CLOSED) is False  # already there


def test_the_reason_prompt_insists_on_a_reason_and_cancel_gives_none(
    qtbot: QtBot, services: AppServices
) -> None:
    record = services.demarches.get(_draft(services, title="Why?"))
    parent = QWidget()
    qtbot.addWidget(parent)
    answers = ["", "Minister unavailable"]  # an empty answer is asked again

    def answer(left: int = 100) -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, QInputDialog):
            dialog.setTextValue(answers.pop(0))
            dialog.accept()
            if answers:
                QTimer.singleShot(0, answer)
        elif left:
            QTimer.singleShot(10, lambda: answer(left - 1))

    QTimer.singleShot(0, answer)
    assert moves.ask_for_reason(parent, record, DemarcheStatus.CANCELLED) == (
        "Minister unavailable"
    )

    def cancel(left: int = 100) -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, QInputDialog):
            assert "cancelled" in dialog.labelText()
            dialog.reject()
        elif left:
            QTimer.singleShot(10, lambda: cancel(left - 1))

    QTimer.singleShot(0, cancel)
    assert moves.ask_for_reason(parent, record, DemarcheStatus.CANCELLED) is None


def test_two_windows_move_one_card_one_wins_the_other_is_told(
    db: Database, services: AppServices, undo_runner: UndoRunner, messages: list[str]
) -> None:
    demarche_id = _draft(services, title="Contested")
    card = services.demarches.get(demarche_id)  # as this window's board shows it
    other = open_database(db.location, actor="second-officer")  # another officer's window
    try:
        moves.move_demarche(
            None, AppServices.over(other), UndoRunner(undo_runner.stack, QWidget()),
            card, DemarcheStatus.APPROVED,
        )  # fmt: skip
    finally:
        other.close()
    undo_runner.stack.clear()
    moved = moves.move_demarche(
        None, services, undo_runner, card, DemarcheStatus.CANCELLED, ask=lambda *_: "Dropped"
    )
    assert moved is None  # refused: this window's card was stale
    assert len(messages) == 1 and "second-officer changed this démarche" in messages[0]
    assert services.demarches.get(demarche_id).status == DemarcheStatus.APPROVED  # theirs
    assert undo_runner.stack.count() == 0  # nothing to undo: nothing was done
