"""The contacts page, its model and dialog, driven through the widgets."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from outreach.domain.records import ContactRecord, LogFilter
from ui.contacts import ContactDialog, ContactsPage, ContactsTableModel
from ui.contacts.table_model import ROW_ROLE, SORT_ROLE, Column
from ui.context import Selection
from ui.services import AppServices
from ui.undo import UndoRunner

from .desktop import Show


@pytest.fixture
def page(show: Show, services: AppServices, undo_runner: UndoRunner) -> ContactsPage:
    return show(ContactsPage(services, undo_runner))


def _save(dialog: ContactDialog) -> None:
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()


def _select(qtbot: QtBot, page: ContactsPage, contact_id: int) -> None:
    row = page.model.row_of(contact_id)
    assert row is not None
    rect = page.table.visualRect(page.model.index(row, Column.NAME))
    qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert page.current_contact_id() == contact_id


def _by_name(services: AppServices, family: str) -> ContactRecord:
    return next(c for c in services.contacts.list(text=family) if c.family_name == family)


def test_the_page_lists_every_live_contact(page: ContactsPage, services: AppServices) -> None:
    assert page.title() == "Contacts"
    assert page.shows == ("contact", "organization")
    assert page.model.rowCount() == services.contacts.count() > 0
    keys = [page.model.index(r, Column.NAME).data(SORT_ROLE) for r in range(page.model.rowCount())]
    assert keys == sorted(keys)  # by family name, then given name
    assert "contacts" in page.count_label.text()


def test_a_bad_phone_is_refused_and_the_dialog_keeps_the_input(
    qtbot: QtBot, page: ContactsPage, services: AppServices, boxes: list[tuple[str, str]]
) -> None:
    canada = services.states.find("CAN")
    assert canada is not None
    page.new_item()
    dialog = page.open_dialog
    assert isinstance(dialog, ContactDialog)
    qtbot.keyClicks(dialog.given_edit, "Ana")
    qtbot.keyClicks(dialog.family_edit, "Tester")
    dialog.state_box.set_current_id(canada.id)
    qtbot.keyClicks(dialog.email_edit, "ana.tester@example.org")
    qtbot.keyClicks(dialog.phone_edit, "12")
    assert "not a phone number" in dialog.phone_hint.text()  # checked as typed

    _save(dialog)

    assert len(boxes) == 1
    assert "not a phone number" in boxes[0][1]
    assert dialog.isVisible()
    assert page.open_dialog is dialog
    assert (dialog.given_edit.text(), dialog.family_edit.text()) == ("Ana", "Tester")
    assert dialog.phone_edit.text() == "12"
    assert not [c for c in services.contacts.list(text="Tester") if c.family_name == "Tester"]

    dialog.phone_edit.clear()
    qtbot.keyClicks(dialog.phone_edit, "613 555 0142")  # national, read as Canadian
    assert "+16135550142" in dialog.phone_hint.text()
    _save(dialog)

    assert len(boxes) == 1
    assert dialog.phone_edit.text() == "+16135550142"  # what was stored, in E.164
    assert not dialog.isVisible()
    stored = _by_name(services, "Tester")
    assert stored.phone == "+16135550142"
    assert stored.state_id == canada.id
    assert page.current_contact_id() == stored.id
    assert page.detail.fields["phone"].text() == "+16135550142"
    assert page.model.index(page.model.row_of(stored.id) or 0, Column.PHONE).data() == (
        "+16135550142"
    )


def test_a_state_typed_that_names_no_state_is_refused(
    qtbot: QtBot, page: ContactsPage, services: AppServices, boxes: list[tuple[str, str]]
) -> None:
    page.new_item()
    dialog = page.open_dialog
    assert isinstance(dialog, ContactDialog)
    qtbot.keyClicks(dialog.family_edit, "Nobody")
    dialog.state_box.setEditText("Atlantis")
    _save(dialog)
    assert len(boxes) == 1
    assert "Atlantis" in boxes[0][1]
    assert dialog.isVisible()
    assert not [c for c in services.contacts.list(text="Nobody") if c.family_name == "Nobody"]


def test_adding_a_contact_can_be_undone_and_redone(
    qtbot: QtBot, page: ContactsPage, services: AppServices, undo_runner: UndoRunner
) -> None:
    before = services.contacts.count()
    page.new_item()
    dialog = page.open_dialog
    assert isinstance(dialog, ContactDialog)
    qtbot.keyClicks(dialog.family_edit, "Undoable")
    _save(dialog)
    added = _by_name(services, "Undoable")
    assert page.model.rowCount() == before + 1

    undo_runner.stack.undo()
    assert services.contacts.count() == before
    assert page.model.row_of(added.id) is None

    undo_runner.stack.redo()
    assert services.contacts.get(added.id).family_name == "Undoable"
    assert page.model.row_of(added.id) is not None


def test_double_click_edits_and_undo_puts_the_previous_values_back(
    qtbot: QtBot, page: ContactsPage, services: AppServices, undo_runner: UndoRunner
) -> None:
    contact = _by_name(services, "Contoh")
    row = page.model.row_of(contact.id)
    assert row is not None
    rect = page.table.visualRect(page.model.index(row, Column.POSITION))
    qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    dialog = page.open_dialog
    assert isinstance(dialog, ContactDialog)
    assert dialog.phone_edit.text() == contact.phone
    dialog.position_edit.clear()
    qtbot.keyClicks(dialog.position_edit, "Director General, Multilateral Affairs")
    dialog.languages_edit.setText("id, en, fr")
    _save(dialog)

    edited = services.contacts.get(contact.id)
    assert edited.position == "Director General, Multilateral Affairs"
    assert edited.languages == ("id", "en", "fr")
    row = page.model.row_of(contact.id)
    assert row is not None
    assert page.model.index(row, Column.POSITION).data() == edited.position
    assert page.detail.fields["position"].text() == edited.position

    undo_runner.stack.undo()
    assert services.contacts.get(contact.id) == contact
    row = page.model.row_of(contact.id)
    assert row is not None
    assert page.model.index(row, Column.POSITION).data() == contact.position
    assert page.model.index(row, Column.LANGUAGES).data() == ", ".join(contact.languages)

    undo_runner.stack.redo()
    assert services.contacts.get(contact.id) == edited


def test_delete_soft_deletes_and_undo_restores(
    qtbot: QtBot, page: ContactsPage, services: AppServices, undo_runner: UndoRunner
) -> None:
    contact = _by_name(services, "Esimerkki")
    total = services.contacts.count()
    _select(qtbot, page, contact.id)
    assert page.selection() == Selection(state_id=contact.state_id, contact_id=contact.id)

    page.delete_selected()
    assert services.contacts.count() == total - 1
    assert page.model.row_of(contact.id) is None
    assert page.selection() == Selection()

    undo_runner.stack.undo()
    assert services.contacts.get(contact.id) == contact
    assert page.model.row_of(contact.id) is not None

    undo_runner.stack.redo()
    assert page.model.row_of(contact.id) is None


def test_the_detail_pane_shows_the_contacts_log_and_demarches(
    qtbot: QtBot, page: ContactsPage, services: AppServices
) -> None:
    contact = _by_name(services, "Örnek")
    _select(qtbot, page, contact.id)
    assert page.detail.name_label.text() == contact.full_name
    assert page.detail.fields["email"].text() == contact.email
    entries = services.log.page(LogFilter(contact_id=contact.id), limit=50)
    assert entries
    shown = [page.detail.log_model.index(r, 2).data() for r in range(len(entries))]
    assert page.detail.log_model.rowCount() == len(entries)
    assert shown == [entry.summary for entry in entries]  # most recent first
    demarches = [d for d in services.demarches.list() if contact.id in d.contact_ids]
    assert demarches
    assert page.detail.demarches_model.rowCount() == len(demarches)
    titles = {page.detail.demarches_model.index(r, 0).data() for r in range(len(demarches))}
    assert titles == {demarche.title for demarche in demarches}


def test_the_detail_pane_follows_the_log(
    qtbot: QtBot, page: ContactsPage, services: AppServices
) -> None:
    contact = _by_name(services, "Contoh")
    _select(qtbot, page, contact.id)
    before = page.detail.log_model.rowCount()
    services.log.log(date.today(), "call", "Asked about the bill", contact_ids=[contact.id])
    assert page.detail.log_model.rowCount() == before + 1
    assert page.detail.log_model.index(0, 2).data() == "Asked about the bill"


def test_column_layout_and_splitter_are_remembered(
    qtbot: QtBot, page: ContactsPage, services: AppServices, undo_runner: UndoRunner
) -> None:
    page.table.horizontalHeader().resizeSection(Column.POSITION, 333)
    page.save_state(QSettings())
    again = ContactsPage(services, undo_runner)
    qtbot.addWidget(again)
    again.restore_state(QSettings())
    assert again.table.horizontalHeader().sectionSize(Column.POSITION) == 333


def test_the_filter_matches_name_organization_and_state(
    qtbot: QtBot, page: ContactsPage, services: AppServices
) -> None:
    total = page.model.rowCount()
    qtbot.keyClicks(page.filter_edit, "ornek")  # accents ignored
    assert [page.model.record_at(r).family_name for r in range(page.model.rowCount())] == ["Örnek"]
    page.filter_edit.clear()
    qtbot.keyClicks(page.filter_edit, "Indonesia")  # the state, or an organization's name
    names = {page.model.record_at(r).family_name for r in range(page.model.rowCount())}
    assert "Contoh" in names
    assert page.model.rowCount() < total
    assert " of " in page.count_label.text()
    page.filter_edit.clear()
    assert page.model.rowCount() == total


def test_sorting_by_a_column_keeps_the_selection(
    qtbot: QtBot, page: ContactsPage, services: AppServices
) -> None:
    contact = _by_name(services, "Contoh")
    _select(qtbot, page, contact.id)
    page.table.sortByColumn(Column.STATE, Qt.SortOrder.DescendingOrder)
    keys = [page.model.index(r, Column.STATE).data(SORT_ROLE) for r in range(page.model.rowCount())]
    assert keys == sorted(keys, reverse=True)
    assert page.current_contact_id() == contact.id


def test_a_long_list_loads_off_the_gui_thread(
    qtbot: QtBot, page: ContactsPage, services: AppServices
) -> None:
    page.sync_limit = 0  # load on the worker, as for the 20,000 contacts of the large demo
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        page.reload()
        assert page.loading
        assert "Loading" in page.count_label.text()
    assert not page.loading
    assert page.model.rowCount() == services.contacts.count()


def test_the_contacts_model_passes_the_model_tester(
    qtmodeltester: object, page: ContactsPage
) -> None:
    assert page.model.rowCount() > 0
    record = page.model.index(0, 0).data(ROW_ROLE)
    assert isinstance(record, ContactRecord)
    qtmodeltester.check(page.model)  # type: ignore[attr-defined]
    empty = ContactsTableModel()
    qtmodeltester.check(empty)  # type: ignore[attr-defined]
