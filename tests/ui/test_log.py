"""The contact log page, its paged model and the "Log a contact" dialog, driven through
the widgets on a copy of the demo database."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication, QDialog
from pytestqt.qtbot import QtBot

from outreach.demo import synthetic
from outreach.domain.records import LogFilter
from outreach.services.contact_log import LogSort
from outreach.storage.database import Database
from ui.context import Selection
from ui.log.dialog import LogContactDialog, edit_log_entry, log_a_contact
from ui.log.page import LogPage
from ui.log.table_model import MAX_PAGES, PAGE_SIZE, ROW_ROLE, Column
from ui.services import AppServices
from ui.undo import UndoRunner
from ui.widgets.dates import from_qdate, to_qdate
from ui.widgets.overdue import OVERDUE_RED

from .desktop import Show
from .modal import drive_modal

#: suggestion pop-ups ask the platform for things the offscreen one cannot do
OFFSCREEN_POPUPS = pytest.mark.qt_log_ignore(
    "This plugin does not support raise", "This plugin does not support grabbing the keyboard"
)


@pytest.fixture
def page(show: Show, services: AppServices, undo_runner: UndoRunner) -> LogPage:
    """The page, shown and refreshed by the database's changes as the app's bus would."""
    return show(LogPage(services, undo_runner))


def _ids(page: LogPage) -> list[int]:
    entries = [page.model.entry_at(row) for row in range(page.model.rowCount())]
    return [entry.id for entry in entries if entry is not None]


def _dialog(qtbot: QtBot, services: AppServices, undo: UndoRunner, **kw: Any) -> LogContactDialog:
    dialog = LogContactDialog(services, undo, **kw)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()  # shortcuts such as Ctrl+Enter work in the active window
    qtbot.waitUntil(dialog.isActiveWindow, timeout=2000)
    return dialog


# --- the page and its model ---------------------------------------------------------------


def test_the_page_shows_the_whole_log_newest_first(page: LogPage, services: AppServices) -> None:
    assert page.title() == "Contact log"
    count = services.log.count()
    assert count > 10
    assert page.model.rowCount() == count
    assert page.count_label.text() == f"{count} entries"
    days = [page.model.index(row, Column.DATE).data() for row in range(count)]
    assert days == sorted(days, reverse=True)
    assert _ids(page) == [entry.id for entry in services.log.page(limit=count)]


def test_the_log_model_passes_the_model_tester(qtmodeltester: Any, page: LogPage) -> None:
    qtmodeltester.check(page.model)


def test_the_columns_show_names_and_iso_dates(page: LogPage, services: AppServices) -> None:
    entry = page.model.index(0, 0).data(ROW_ROLE)
    assert entry == services.log.page(limit=1)[0]
    shown = [page.model.index(0, column).data() for column in Column]
    assert shown[Column.DATE] == entry.occurred_on.isoformat()
    assert shown[Column.SUMMARY] == entry.summary
    state_names = [services.states.get(state_id).name for state_id in entry.state_ids]
    assert shown[Column.STATES] == ", ".join(state_names)
    contact_names = [services.contacts.get(cid).full_name for cid in entry.contact_ids]
    assert shown[Column.CONTACTS] == ", ".join(contact_names)
    assert [page.model.headerData(c, Qt.Orientation.Horizontal) for c in Column] == [
        "Date", "Kind", "Summary", "States", "Contacts", "Follow-up", "Officer",
    ]  # fmt: skip


def test_overdue_only_shows_exactly_the_services_overdue_entries(
    page: LogPage, services: AppServices, qtbot: QtBot
) -> None:
    today = date.today()
    page.overdue_only.click()
    expected = services.log.page(LogFilter(overdue_on=today), 0, 1000)
    assert expected, "the demo should have overdue follow-ups"
    assert page.model.rowCount() == services.log.count(LogFilter(overdue_on=today))
    assert _ids(page) == [entry.id for entry in expected]
    for row in range(page.model.rowCount()):
        follow_up = page.model.index(row, Column.FOLLOW_UP)
        assert page.model.entry_at(row).follow_up_overdue_on(today)  # type: ignore[union-attr]
        assert follow_up.data(Qt.ItemDataRole.ForegroundRole).color() == QColor(OVERDUE_RED)
        due = page.model.entry_at(row).follow_up_on.isoformat()  # type: ignore[union-attr]
        assert follow_up.data() == f"{due} (overdue)"  # in words, not in red alone
    page.overdue_only.click()
    assert page.model.rowCount() == services.log.count()


def test_a_done_follow_up_reads_done_and_is_not_red(page: LogPage) -> None:
    for row in range(page.model.rowCount()):
        entry = page.model.entry_at(row)
        assert entry is not None
        if entry.follow_up_done_on is not None:
            index = page.model.index(row, Column.FOLLOW_UP)
            assert index.data() == f"done {entry.follow_up_done_on.isoformat()}"
            assert index.data(Qt.ItemDataRole.ForegroundRole) is None
            return
    pytest.fail("the demo should have a follow-up done")


def test_filters_by_state_kind_and_text_run_in_the_service(
    page: LogPage, services: AppServices, qtbot: QtBot
) -> None:
    turkey = services.states.find("TUR")
    assert turkey is not None
    page.state_box.setCurrentIndex(page.state_box.findData(turkey.id))
    expected = services.log.count(LogFilter(state_id=turkey.id))
    assert 0 < page.model.rowCount() == expected < services.log.count()
    page.state_box.setCurrentIndex(0)
    page.kind_box.setCurrentIndex(page.kind_box.findData("meeting"))
    assert page.model.rowCount() == services.log.count(LogFilter(kind="meeting"))
    page.kind_box.setCurrentIndex(0)
    qtbot.keyClicks(page.text_edit, "greece")
    wanted = services.log.count(LogFilter(text="greece"))
    assert 0 < wanted < services.log.count()
    qtbot.waitUntil(lambda: page.model.rowCount() == wanted, timeout=2000)
    assert page.model.filter.text == "greece"


def test_the_state_filter_takes_an_alias_typed(page: LogPage, services: AppServices) -> None:
    ivory_coast = services.states.find("CIV")
    assert ivory_coast is not None
    line = page.state_box.lineEdit()
    assert line is not None
    line.setText("Ivory Coast")
    line.editingFinished.emit()
    assert page.state_box.currentData() == ivory_coast.id
    assert page.model.filter.state_id == ivory_coast.id


def test_a_period_that_ends_before_it_starts_is_explained(
    page: LogPage, services: AppServices
) -> None:
    page.from_date.set_value(date(2003, 6, 1))
    page.to_date.set_value(date(2003, 1, 1))
    assert page.message_label.isVisible()
    assert "before it starts" in page.message_label.text()
    assert page.model.filter.date_to is None  # the list stays as it was
    page.to_date.set_value(date(2003, 12, 31))
    assert not page.message_label.isVisible()
    period = LogFilter(date_from=date(2003, 6, 1), date_to=date(2003, 12, 31))
    assert page.model.rowCount() == services.log.count(period)


def test_sorting_by_kind_asks_the_service(page: LogPage, services: AppServices) -> None:
    page.table.sortByColumn(Column.KIND, Qt.SortOrder.AscendingOrder)
    assert page.model.sort_key == LogSort.KIND_ASC
    count = page.model.rowCount()
    assert _ids(page) == [e.id for e in services.log.page(None, 0, count, LogSort.KIND_ASC)]
    kinds = [page.model.entry_at(row).kind for row in range(count)]  # type: ignore[union-attr]
    assert kinds == sorted(kinds)
    page.table.sortByColumn(Column.KIND, Qt.SortOrder.DescendingOrder)
    assert _ids(page) == [e.id for e in services.log.page(None, 0, count, LogSort.KIND_DESC)]


def test_a_column_the_service_cannot_sort_keeps_the_order(page: LogPage) -> None:
    before = _ids(page)
    page.table.sortByColumn(Column.STATES, Qt.SortOrder.AscendingOrder)
    assert page.model.sort_key == LogSort.OCCURRED_DESC
    assert page.table.horizontalHeader().sortIndicatorSection() == Column.DATE
    assert _ids(page) == before


def test_the_sort_and_column_widths_are_remembered(
    qtbot: QtBot, page: LogPage, services: AppServices, undo_runner: UndoRunner
) -> None:
    page.table.sortByColumn(Column.SUMMARY, Qt.SortOrder.AscendingOrder)
    page.table.horizontalHeader().resizeSection(Column.SUMMARY, 222)
    page.save_state(QSettings())
    again = LogPage(services, undo_runner)
    qtbot.addWidget(again)
    again.restore_state(QSettings())
    again.show()
    assert again.model.sort_key == LogSort.SUMMARY_ASC
    assert again.table.horizontalHeader().sectionSize(Column.SUMMARY) == 222
    assert _ids(again) == _ids(page)


# --- acting on the selected entry ---------------------------------------------------------


def _select_open_follow_up(page: LogPage) -> int:
    page.open_only.click()
    assert page.model.rowCount() > 0
    page.table.selectRow(0)
    entry = page.selected_entry()
    assert entry is not None and entry.follow_up_done_on is None
    return entry.id


def test_marking_a_follow_up_done_takes_one_click_and_can_be_undone(
    page: LogPage, services: AppServices, undo_runner: UndoRunner, qtbot: QtBot
) -> None:
    page.open_only.setChecked(False)
    entry_id = _select_open_follow_up(page)
    page.open_only.click()  # show them all again, the entry still selected
    assert page.selected_entry().id == entry_id  # type: ignore[union-attr]
    assert page.done_button.isEnabled()
    qtbot.mouseClick(page.done_button, Qt.MouseButton.LeftButton)
    assert services.log.get(entry_id).follow_up_done_on == date.today()
    assert page.selected_entry().id == entry_id  # type: ignore[union-attr]
    assert page.follow_up_label.text() == f"done {date.today().isoformat()}"
    assert not page.done_button.isEnabled()
    undo_runner.stack.undo()
    assert services.log.get(entry_id).follow_up_done_on is None
    assert page.done_button.isEnabled()
    undo_runner.stack.redo()
    assert services.log.get(entry_id).follow_up_done_on == date.today()


def test_deleting_an_entry_is_soft_and_undoable(
    page: LogPage, services: AppServices, undo_runner: UndoRunner
) -> None:
    count = page.model.rowCount()
    page.table.selectRow(2)
    entry = page.selected_entry()
    assert entry is not None
    page.delete_selected()
    assert page.model.rowCount() == count - 1
    assert entry.id not in _ids(page)
    undo_runner.stack.undo()
    assert page.model.rowCount() == count
    assert services.log.get(entry.id) == entry


def test_the_selection_is_the_entrys_first_state_contact_and_demarche(
    page: LogPage, services: AppServices
) -> None:
    assert page.selection() == Selection()
    page.table.selectRow(0)
    entry = page.selected_entry()
    assert entry is not None
    assert page.selection() == Selection(
        state_id=entry.state_ids[0] if entry.state_ids else None,
        contact_id=entry.contact_ids[0] if entry.contact_ids else None,
        demarche_id=entry.demarche_id,
        meeting_id=entry.meeting_id,
    )
    assert page.summary_label.text() == entry.summary
    assert services.states.get(entry.state_ids[0]).name in page.states_label.text()


def test_ctrl_f_focuses_the_text_filter(page: LogPage, qtbot: QtBot) -> None:
    page.activateWindow()
    page.focus_filter()
    qtbot.waitUntil(lambda: page.text_edit.hasFocus() or QApplication.focusWidget() is None)
    assert page.focusWidget() is page.text_edit


# --- the dialog ---------------------------------------------------------------------------


def test_the_dialog_opens_filled_from_the_selection(
    qtbot: QtBot, services: AppServices, undo_runner: UndoRunner
) -> None:
    demarche = services.demarches.list()[0]
    contact_id = demarche.contact_ids[0]
    dialog = _dialog(
        qtbot,
        services,
        undo_runner,
        selection=Selection(
            state_id=demarche.state_id, contact_id=contact_id, demarche_id=demarche.id
        ),
    )
    assert dialog.focusWidget() is dialog.summary_edit
    values = dialog.values()
    assert values.occurred_on == date.today()
    assert values.kind == "call"
    assert values.state_ids == (demarche.state_id,)
    assert values.contact_ids == (contact_id,)
    assert values.demarche_id == demarche.id
    assert values.follow_up_on is None


def test_logging_a_call_puts_it_at_the_top_and_undo_redo_keep_its_id(
    qtbot: QtBot, page: LogPage, services: AppServices, undo_runner: UndoRunner
) -> None:
    count = page.model.rowCount()
    greece = services.states.find("GRC")
    assert greece is not None
    dialog = _dialog(qtbot, services, undo_runner, selection=Selection(state_id=greece.id))
    qtbot.keyClicks(dialog.summary_edit, "Spoke to the Director; accession bill in Q2")
    qtbot.mouseClick(dialog.month_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted
    new_id = dialog.saved_id
    assert new_id is not None
    assert page.model.rowCount() == count + 1
    top = page.model.entry_at(0)
    assert top is not None and top.id == new_id
    assert page.model.index(0, Column.SUMMARY).data() == (
        "Spoke to the Director; accession bill in Q2"
    )
    assert top.state_ids == (greece.id,)
    assert top.kind == "call"
    assert top.follow_up_on == from_qdate(to_qdate(date.today()).addMonths(1))
    assert undo_runner.stack.undoText().startswith("Log contact")
    undo_runner.stack.undo()
    assert page.model.rowCount() == count
    assert new_id not in _ids(page)
    undo_runner.stack.redo()
    assert page.model.rowCount() == count + 1
    assert page.model.entry_at(0).id == new_id  # type: ignore[union-attr]


def test_ctrl_enter_logs_from_anywhere_in_the_dialog(
    qtbot: QtBot, services: AppServices, undo_runner: UndoRunner
) -> None:
    dialog = _dialog(qtbot, services, undo_runner, selection=Selection(state_id=1))
    qtbot.keyClicks(dialog.summary_edit, "Quick call")
    dialog.details_edit.setFocus()
    qtbot.keyClicks(dialog.details_edit, "More words")
    qtbot.keyClick(dialog.details_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.saved_id is not None
    logged = services.log.get(dialog.saved_id)
    assert (logged.summary, logged.details) == ("Quick call", "More words")


def test_the_follow_up_buttons_count_from_the_date_of_the_contact(
    qtbot: QtBot, services: AppServices, undo_runner: UndoRunner
) -> None:
    dialog = _dialog(qtbot, services, undo_runner, selection=Selection(state_id=1))
    dialog.date_edit.setDate(dialog.date_edit.date().fromString("2004-01-31", "yyyy-MM-dd"))
    qtbot.mouseClick(dialog.week_button, Qt.MouseButton.LeftButton)
    assert dialog.follow_up.value() == date(2004, 2, 7)
    qtbot.mouseClick(dialog.month_button, Qt.MouseButton.LeftButton)
    assert dialog.follow_up.value() == date(2004, 2, 29)
    dialog.follow_up.check.setChecked(False)
    assert dialog.values().follow_up_on is None


def test_an_empty_summary_keeps_the_dialog_open_with_what_was_typed(
    qtbot: QtBot, services: AppServices, undo_runner: UndoRunner, messages: list[str]
) -> None:
    dialog = _dialog(qtbot, services, undo_runner, selection=Selection(state_id=1))
    qtbot.keyClicks(dialog.details_edit, "They will call back")
    qtbot.keyClicks(dialog.officer_edit, "J. Smith")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert messages == ["The summary cannot be empty."]
    assert dialog.isVisible()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.details_edit.toPlainText() == "They will call back"
    assert dialog.officer_edit.text() == "J. Smith"
    assert dialog.focusWidget() is dialog.summary_edit
    assert undo_runner.stack.count() == 0
    qtbot.keyClicks(dialog.summary_edit, "Call")
    qtbot.keyClick(dialog.summary_edit, Qt.Key.Key_Return)  # Enter logs from the summary
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert undo_runner.stack.count() == 1


def test_a_follow_up_before_the_contact_is_refused_and_focused(
    qtbot: QtBot, services: AppServices, undo_runner: UndoRunner, messages: list[str]
) -> None:
    dialog = _dialog(qtbot, services, undo_runner, selection=Selection(state_id=1))
    qtbot.keyClicks(dialog.summary_edit, "Call")
    dialog.follow_up.set_value(date.today() - timedelta(days=3))
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert len(messages) == 1 and "cannot be due before" in messages[0]
    assert dialog.isVisible()
    assert dialog.focusWidget() is dialog.follow_up.edit
    assert dialog.summary_edit.text() == "Call"


@OFFSCREEN_POPUPS
def test_states_and_contacts_are_picked_by_typing(
    qtbot: QtBot, services: AppServices, undo_runner: UndoRunner
) -> None:
    dialog = _dialog(qtbot, services, undo_runner, selection=Selection())
    ivory_coast, turkey = services.states.find("CIV"), services.states.find("TUR")
    assert ivory_coast is not None and turkey is not None
    qtbot.keyClicks(dialog.states.line, "ivory")  # an alias, any case
    qtbot.keyClick(dialog.states.line, Qt.Key.Key_Return)
    qtbot.keyClicks(dialog.states.line, "turk")  # part of a name, accents ignored
    qtbot.keyClick(dialog.states.line, Qt.Key.Key_Return)
    assert dialog.isVisible()  # Return in a picker picks; it does not close the dialog
    assert dialog.states.ids() == [ivory_coast.id, turkey.id]
    turkish = services.contacts.list(state=turkey.id)[0]
    assert dialog.contacts.matches(turkish.family_name[:4])[0].id == turkish.id
    qtbot.keyClicks(dialog.contacts.line, turkish.family_name)
    qtbot.keyClick(dialog.contacts.line, Qt.Key.Key_Return)
    assert dialog.contacts.ids() == [turkish.id]
    dialog.states.chosen.setCurrentRow(0)
    dialog.states.remove_selected()
    assert dialog.states.ids() == [turkey.id]


@OFFSCREEN_POPUPS
def test_a_name_that_matches_nothing_keeps_the_dialog_open(
    qtbot: QtBot, services: AppServices, undo_runner: UndoRunner, messages: list[str]
) -> None:
    dialog = _dialog(qtbot, services, undo_runner, selection=Selection(state_id=1))
    qtbot.keyClicks(dialog.summary_edit, "Call")
    qtbot.keyClicks(dialog.states.line, "Atlantis")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert len(messages) == 1 and "Atlantis" in messages[0]
    assert dialog.isVisible() and dialog.states.line.text() == "Atlantis"
    assert undo_runner.stack.count() == 0


def test_log_a_contact_returns_the_new_id(
    qtbot: QtBot, page: LogPage, services: AppServices, undo_runner: UndoRunner
) -> None:
    def act(dialog: LogContactDialog) -> None:
        qtbot.keyClicks(dialog.summary_edit, "Logged from the menu")
        dialog.try_accept()

    drive_modal(LogContactDialog, act)
    new_id = log_a_contact(page, services, undo_runner, Selection(state_id=1))
    assert new_id is not None
    assert services.log.get(new_id).summary == "Logged from the menu"
    drive_modal(LogContactDialog, lambda dialog: dialog.reject())
    assert log_a_contact(page, services, undo_runner, Selection(state_id=1)) is None


def test_new_item_logs_and_selects_the_new_entry(
    qtbot: QtBot, page: LogPage, services: AppServices
) -> None:
    def act(dialog: LogContactDialog) -> None:
        qtbot.keyClicks(dialog.summary_edit, "From Ctrl+N")
        dialog.try_accept()

    turkey = services.states.find("TUR")
    assert turkey is not None
    page.state_box.setCurrentIndex(page.state_box.findData(turkey.id))
    drive_modal(LogContactDialog, act)
    page.new_item()
    entry = page.selected_entry()
    assert entry is not None and entry.summary == "From Ctrl+N"
    assert entry.state_ids == (turkey.id,)  # started from the state filter


def test_double_clicking_an_entry_edits_it_and_undo_puts_it_back(
    qtbot: QtBot, page: LogPage, services: AppServices, undo_runner: UndoRunner
) -> None:
    page.table.selectRow(0)
    before = page.selected_entry()
    assert before is not None and before.follow_up_on is not None

    def act(dialog: LogContactDialog) -> None:
        assert dialog.summary_edit.text() == before.summary
        dialog.summary_edit.setText("Corrected summary")
        dialog.follow_up.set_value(None)
        dialog.try_accept()

    drive_modal(LogContactDialog, act)
    cell = page.table.visualRect(page.model.index(0, Column.SUMMARY)).center()
    qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=cell)
    qtbot.mouseDClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=cell)
    after = services.log.get(before.id)
    assert after.summary == "Corrected summary" and after.follow_up_on is None
    assert page.summary_label.text() == "Corrected summary"
    undo_runner.stack.undo()
    assert services.log.get(before.id) == before
    undo_runner.stack.redo()
    assert services.log.get(before.id).summary == "Corrected summary"


def test_edit_log_entry_saves_nothing_when_nothing_changed(
    qtbot: QtBot, page: LogPage, services: AppServices, undo_runner: UndoRunner
) -> None:
    entry_id = services.log.page(limit=1)[0].id
    drive_modal(LogContactDialog, lambda dialog: dialog.try_accept())
    assert edit_log_entry(page, services, undo_runner, entry_id)
    assert undo_runner.stack.count() == 0


# --- a long log ----------------------------------------------------------------------------


def test_the_model_holds_only_a_few_pages_of_a_long_log(
    qtbot: QtBot, db: Database, services: AppServices, undo_runner: UndoRunner
) -> None:
    synthetic.load_synthetic(db, contacts=300, log_entries=4_000, demarches=10)
    log_page = LogPage(services, undo_runner)
    qtbot.addWidget(log_page)
    log_page.resize(1000, 600)
    log_page.show()
    qtbot.waitExposed(log_page)
    model = log_page.model
    count = services.log.count()
    assert model.rowCount() == count > 4_000
    held = PAGE_SIZE * MAX_PAGES
    assert model.cached_rows() <= held
    log_page.table.scrollToBottom()
    qtbot.wait(20)  # let it paint the last rows
    assert model.cached_rows() <= held
    last = services.log.page(None, count - 1, 1)[0]
    assert model.entry_at(count - 1) == last
    # every row, read from either end of the log, is where the service puts it
    expected = [
        entry.id
        for offset in range(0, count, 1_000)
        for entry in services.log.page(None, offset, 1_000)
    ]
    seen = []
    for row in range(count):
        seen.append(model.entry_at(row).id)  # type: ignore[union-attr]
        assert model.cached_rows() <= held
    assert seen == expected


def test_a_page_of_the_log_fetches_its_contact_names_in_one_call(
    services: AppServices, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    from ui.log.table_model import LogTableModel
    from ui.widgets.names import ContactNames, state_names_for

    calls: list[int] = []
    original = services.contacts.get_many

    def counted(ids):  # type: ignore[no-untyped-def]
        calls.append(1)
        return original(ids)

    single: list[int] = []
    monkeypatch.setattr(services.contacts, "get_many", counted)
    monkeypatch.setattr(services.contacts, "get", lambda i: single.append(i))
    names = ContactNames(services.contacts, state_names_for(services.states))
    model = LogTableModel(
        services.log,
        lambda ids: "",
        names.names,
        on_page=lambda rows: names.prefetch(c for row in rows for c in row.contact_ids),
    )
    model.refresh()
    shown = [model.index(r, Column.CONTACTS).data() for r in range(model.rowCount())]
    assert any("Örnek" in text for text in shown)
    assert calls == [1]
    assert single == []
