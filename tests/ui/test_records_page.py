"""The list page every records page stands on (`RecordsPage`) and its detail pane
(`RecordDetail`), driven through the organizations page and a small fake detail."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from outreach.domain.records import OrganizationRecord
from ui.organizations import OrganizationDialog, OrganizationsPage
from ui.organizations.table_model import Column
from ui.services import AppServices
from ui.undo import UndoRunner
from ui.widgets.records_page import Field, RecordDetail

from .desktop import Show


@pytest.fixture
def page(show: Show, services: AppServices, undo_runner: UndoRunner) -> OrganizationsPage:
    return show(OrganizationsPage(services, undo_runner))


def _named(services: AppServices, name: str) -> OrganizationRecord:
    return next(o for o in services.organizations.list() if o.name == name)


def test_the_count_follows_the_filter_and_the_selection_stays_while_shown(
    qtbot: QtBot, page: OrganizationsPage, services: AppServices
) -> None:
    total = len(services.organizations.list())
    assert page.count_label.text() == f"{total} organizations"
    geneva = next(o for o in services.organizations.list() if o.city == "Geneva")
    page.reveal(geneva.id)
    assert page.edit_button.isEnabled() and page.delete_button.isEnabled()

    qtbot.keyClicks(page.filter_edit, "geneva")
    shown = page.model.rowCount()
    assert 0 < shown < total
    assert page.count_label.text() == f"{shown} of {total} organizations"
    assert page.current_id() == geneva.id  # still shown, still selected
    assert page.detail.heading_label.text() == geneva.name

    page.filter_edit.setText("no organization is called this")
    assert page.count_label.text() == f"0 of {total} organizations"
    assert page.current_id() is None
    assert not page.edit_button.isEnabled() and not page.delete_button.isEnabled()
    assert page.detail.placeholder.isVisibleTo(page.detail)


def test_revealing_a_record_hidden_by_the_filter_clears_the_filter(
    qtbot: QtBot, page: OrganizationsPage, services: AppServices
) -> None:
    hidden = next(o for o in services.organizations.list() if o.city != "Geneva")
    qtbot.keyClicks(page.filter_edit, "geneva")
    page.reveal(hidden.id)
    assert page.filter_edit.text() == ""
    assert page.current_id() == hidden.id


def test_delete_counts_one_less_and_undo_brings_it_back(
    page: OrganizationsPage, services: AppServices, undo_runner: UndoRunner
) -> None:
    total = page.model.total()
    organization = _named(services, "Ministry of Foreign Affairs of Pakistan")
    page.reveal(organization.id)
    page.delete_selected()
    assert page.count_label.text() == f"{total - 1} organizations"
    assert undo_runner.stack.undoText() == f"Delete organization {organization.name}"
    assert page.current_id() is None

    undo_runner.stack.undo()
    assert page.count_label.text() == f"{total} organizations"
    assert page.model.row_of(organization.id) is not None
    undo_runner.stack.redo()
    assert page.model.row_of(organization.id) is None


@pytest.mark.qt_log_ignore("This plugin does not support raise")  # offscreen bringing it forward
def test_one_dialog_at_a_time_and_what_it_saved_is_selected(
    qtbot: QtBot, page: OrganizationsPage
) -> None:
    page.new_item()
    first = page.open_dialog
    assert isinstance(first, OrganizationDialog)
    page.new_item()
    assert page.open_dialog is first  # brought forward, not a second one
    qtbot.keyClicks(first.name_edit, "Mine Action Centre of Oz")
    qtbot.keyClicks(page.filter_edit, "geneva")  # hides the new one
    first.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert page.open_dialog is None
    assert page.filter_edit.text() == ""
    assert page.detail.heading_label.text() == "Mine Action Centre of Oz"


def test_the_splitter_and_the_columns_come_back(
    qtbot: QtBot, services: AppServices, undo_runner: UndoRunner, tmp_path: Path
) -> None:
    settings = QSettings(str(tmp_path / "layout.ini"), QSettings.Format.IniFormat)
    first = OrganizationsPage(services, undo_runner)
    qtbot.addWidget(first)
    first.resize(1200, 700)
    first.show()
    first.table.horizontalHeader().resizeSection(Column.KIND, 211)
    first.splitter.setSizes([500, 690])
    sizes = first.splitter.sizes()
    first.save_state(settings)
    assert set(first.remembered_views()) == {"organizations/header", "organizations/splitter"}

    second = OrganizationsPage(services, undo_runner)
    qtbot.addWidget(second)
    second.resize(1200, 700)
    second.show()
    second.restore_state(settings)
    assert second.table.horizontalHeader().sectionSize(Column.KIND) == 211
    assert second.splitter.sizes() == sizes


def test_ctrl_f_selects_the_filter_text(qtbot: QtBot, page: OrganizationsPage) -> None:
    page.filter_edit.setText("geneva")
    page.activateWindow()
    page.focus_filter()
    qtbot.waitUntil(page.filter_edit.hasFocus)
    assert page.filter_edit.selectedText() == "geneva"


# --- RecordDetail ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Pet:
    id: int
    name: str
    species: str
    notes: str


class PetDetail(RecordDetail[Pet]):
    FIELDS = (
        Field[Pet]("species", "Species:", lambda pet: pet.species),
        Field[Pet]("owner", "Owner:"),  # looked up by the page
        Field[Pet]("notes", "Notes:", lambda pet: pet.notes),
    )

    def heading(self, record: Pet) -> str:
        return record.name


class SparsePetDetail(PetDetail):
    HIDE_EMPTY = True


def test_the_detail_shows_the_declared_fields_and_the_looked_up_ones(qtbot: QtBot) -> None:
    detail = PetDetail("Pick a pet.")
    qtbot.addWidget(detail)
    assert detail.placeholder.text() == "Pick a pet."
    assert detail.placeholder.isVisibleTo(detail) and not detail.content.isVisibleTo(detail)
    assert [
        detail.form.itemAt(row, detail.form.ItemRole.LabelRole).widget().text()
        for row in range(detail.form.rowCount())
    ] == ["Species:", "Owner:", "Notes:"]

    detail.show_record(Pet(1, "Rex", "dog", ""), owner="Ada")
    assert detail.heading_label.text() == "Rex"
    assert [detail.shown(key) for key in ("species", "owner", "notes")] == ["dog", "Ada", ""]
    assert detail.content.isVisibleTo(detail) and not detail.placeholder.isVisibleTo(detail)
    assert detail.form.isRowVisible(detail.fields["notes"])  # empty rows stay by default

    detail.show_record(None)
    assert detail.heading_label.text() == "" and detail.shown("species") == ""
    assert detail.placeholder.isVisibleTo(detail)


def test_a_sparse_detail_hides_the_empty_rows(qtbot: QtBot) -> None:
    detail = SparsePetDetail("Pick a pet.")
    qtbot.addWidget(detail)
    detail.show_record(Pet(1, "Rex", "dog", ""))
    assert detail.form.isRowVisible(detail.fields["species"])
    assert not detail.form.isRowVisible(detail.fields["owner"])
    assert not detail.form.isRowVisible(detail.fields["notes"])
    detail.show_record(Pet(2, "Tom", "cat", "Shy."), owner="Bo")
    assert detail.form.isRowVisible(detail.fields["notes"])
