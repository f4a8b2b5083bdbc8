"""The organizations page, its model and dialog, driven through the widgets."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from outreach.domain.records import OrganizationRecord
from ui.contacts import ContactDialog
from ui.context import Selection
from ui.organizations import OrganizationDialog, OrganizationsPage, OrganizationsTableModel
from ui.organizations.table_model import ROW_ROLE, SORT_ROLE, Column
from ui.services import AppServices
from ui.undo import UndoRunner

from .desktop import Show


@pytest.fixture
def page(show: Show, services: AppServices, undo_runner: UndoRunner) -> OrganizationsPage:
    return show(OrganizationsPage(services, undo_runner))


def _save(dialog: OrganizationDialog | ContactDialog) -> None:
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()


def _named(services: AppServices, name: str) -> OrganizationRecord:
    return next(o for o in services.organizations.list() if o.name == name)


def _click(
    qtbot: QtBot, page: OrganizationsPage, organization_id: int, double: bool = False
) -> None:
    row = page.model.row_of(organization_id)
    assert row is not None
    centre = page.table.visualRect(page.model.index(row, Column.NAME)).center()
    qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    if double:
        qtbot.mouseDClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    assert page.current_organization_id() == organization_id


def test_the_page_lists_every_live_organization(
    page: OrganizationsPage, services: AppServices
) -> None:
    assert page.title() == "Organizations"
    assert page.shows == ("organization",)
    names = [page.model.index(r, Column.NAME).data() for r in range(page.model.rowCount())]
    assert names == [organization.name for organization in services.organizations.list()]
    assert "organizations" in page.count_label.text()


def test_adding_an_organization_without_a_name_is_refused_then_undone_and_redone(
    qtbot: QtBot,
    page: OrganizationsPage,
    services: AppServices,
    undo_runner: UndoRunner,
    boxes: list[tuple[str, str]],
) -> None:
    before = len(services.organizations.list())
    page.new_item()
    dialog = page.open_dialog
    assert isinstance(dialog, OrganizationDialog)
    qtbot.keyClicks(dialog.city_edit, "Phnom Penh")
    _save(dialog)
    assert len(boxes) == 1
    assert dialog.isVisible()
    assert dialog.city_edit.text() == "Phnom Penh"

    qtbot.keyClicks(dialog.name_edit, "Cambodian Mine Action Centre")
    dialog.kind_box.setCurrentIndex(dialog.kind_box.findData("international"))
    cambodia = services.states.find("KHM")
    assert cambodia is not None
    dialog.state_box.set_current_id(cambodia.id)
    _save(dialog)
    assert not dialog.isVisible()
    added = _named(services, "Cambodian Mine Action Centre")
    assert (added.kind, added.state_id, added.city) == ("international", cambodia.id, "Phnom Penh")
    assert page.current_organization_id() == added.id
    assert page.detail.fields["state"].text() == "Cambodia (KHM)"

    undo_runner.stack.undo()
    assert len(services.organizations.list()) == before
    assert page.model.row_of(added.id) is None

    undo_runner.stack.redo()
    assert page.model.row_of(added.id) is not None


def test_double_click_edits_and_undo_puts_the_previous_values_back(
    qtbot: QtBot, page: OrganizationsPage, services: AppServices, undo_runner: UndoRunner
) -> None:
    organization = _named(services, "Mines Action Canada")
    _click(qtbot, page, organization.id, double=True)
    dialog = page.open_dialog
    assert isinstance(dialog, OrganizationDialog)
    assert dialog.name_edit.text() == organization.name
    dialog.city_edit.setText("Toronto")
    dialog.notes_edit.setPlainText("Moved")
    _save(dialog)
    edited = services.organizations.get(organization.id)
    assert (edited.city, edited.notes) == ("Toronto", "Moved")
    row = page.model.row_of(organization.id)
    assert row is not None
    assert page.model.index(row, Column.CITY).data() == "Toronto"

    undo_runner.stack.undo()
    assert services.organizations.get(organization.id) == organization
    row = page.model.row_of(organization.id)
    assert row is not None
    assert page.model.index(row, Column.CITY).data() == organization.city

    undo_runner.stack.redo()
    assert services.organizations.get(organization.id) == edited


def test_delete_soft_deletes_and_undo_restores(
    qtbot: QtBot, page: OrganizationsPage, services: AppServices, undo_runner: UndoRunner
) -> None:
    organization = _named(services, "Ministry of Foreign Affairs of Pakistan")
    _click(qtbot, page, organization.id)
    page.delete_selected()
    assert organization.id not in {o.id for o in services.organizations.list()}
    assert page.model.row_of(organization.id) is None

    undo_runner.stack.undo()
    assert services.organizations.get(organization.id) == organization
    assert page.model.row_of(organization.id) is not None


def test_the_detail_pane_lists_the_organizations_contacts(
    qtbot: QtBot, page: OrganizationsPage, services: AppServices
) -> None:
    organization = _named(services, "Ministry of Foreign Affairs of Türkiye")
    _click(qtbot, page, organization.id)
    contacts = services.contacts.list(organization_id=organization.id)
    assert contacts
    model = page.detail.contacts_model
    assert [model.index(r, 0).data() for r in range(model.rowCount())] == [
        contact.full_name for contact in contacts
    ]
    assert page.selection() == Selection(state_id=organization.state_id)

    page.detail.contacts_view.selectRow(0)
    assert page.selection() == Selection(state_id=contacts[0].state_id, contact_id=contacts[0].id)


def test_a_contact_added_from_the_detail_pane_joins_the_organization(
    qtbot: QtBot, page: OrganizationsPage, services: AppServices
) -> None:
    organization = _named(services, "Ministry of Foreign Affairs of Viet Nam")
    _click(qtbot, page, organization.id)
    count = page.detail.contacts_model.rowCount()
    page.detail.add_contact_button.click()
    dialog = page.open_dialog
    assert isinstance(dialog, ContactDialog)
    assert dialog.organization_box.current_id() == organization.id
    assert dialog.state_box.current_id() == organization.state_id  # the organization's
    qtbot.keyClicks(dialog.family_edit, "Nguyen")
    _save(dialog)
    assert page.detail.contacts_model.rowCount() == count + 1


def test_the_filter_matches_name_state_and_city(qtbot: QtBot, page: OrganizationsPage) -> None:
    qtbot.keyClicks(page.filter_edit, "geneva")
    cities = {page.model.record_at(r).city for r in range(page.model.rowCount())}
    assert cities == {"Geneva"}
    page.filter_edit.clear()
    qtbot.keyClicks(page.filter_edit, "turkiye")  # accents ignored
    assert page.model.rowCount() >= 1
    assert all(
        "Türkiye" in page.model.index(r, Column.NAME).data()
        or page.model.index(r, Column.STATE).data() == "Türkiye"
        for r in range(page.model.rowCount())
    )


def test_the_organizations_model_passes_the_model_tester(
    qtmodeltester: object, page: OrganizationsPage
) -> None:
    assert isinstance(page.model.index(0, 0).data(ROW_ROLE), OrganizationRecord)
    page.table.sortByColumn(Column.KIND, Qt.SortOrder.AscendingOrder)
    keys = [page.model.index(r, Column.KIND).data(SORT_ROLE) for r in range(page.model.rowCount())]
    assert keys == sorted(keys)
    qtmodeltester.check(page.model)  # type: ignore[attr-defined]
    qtmodeltester.check(OrganizationsTableModel())  # type: ignore[attr-defined]
