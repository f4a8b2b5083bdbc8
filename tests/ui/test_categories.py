"""Priority categories: the categories dialog with its rule editor, assigning a state,
and the chips delegate, driven through the widgets."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QColorDialog,
    QDialogButtonBox,
    QInputDialog,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)
from pytestqt.qtbot import QtBot

from outreach.domain.enums import CategoryKind
from outreach.domain.records import CategoryRecord
from ui.categories import AssignDialog, CategoriesDialog, assign_to_category, manage_categories
from ui.categories.models import CategoriesTableModel, CategoryColumn, MembersTableModel
from ui.context import Selection
from ui.services import AppServices
from ui.undo import UndoRunner
from ui.widgets.chips import CategoryChipsDelegate, split_slugs


@pytest.fixture
def window(qtbot: QtBot) -> QWidget:
    """The parent the dialogs open over."""
    widget = QWidget()
    qtbot.addWidget(widget)
    widget.show()
    return widget


@pytest.fixture
def names_typed(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Answers for QInputDialog.getText, in order."""
    answers: list[str] = []

    def get_text(*_args: object, **_kwargs: object) -> tuple[str, bool]:
        return answers.pop(0), True

    monkeypatch.setattr(QInputDialog, "getText", get_text)
    return answers


def _open_manager(window: QWidget, services: AppServices, undo: UndoRunner) -> CategoriesDialog:
    manage_categories(window, services, undo)
    dialog = window.findChild(CategoriesDialog)
    assert isinstance(dialog, CategoriesDialog)
    assert dialog.isVisible()
    return dialog


def _category(services: AppServices, name: str) -> CategoryRecord:
    return next(c for c in services.categories.all() if c.name == name)


def _member_ids(services: AppServices, ref: str | int) -> list[int]:
    return [member.state_id for member in services.categories.members(ref)]


def test_the_dialog_lists_categories_with_kind_and_member_count(
    qtbot: QtBot, window: QWidget, services: AppServices, undo_runner: UndoRunner
) -> None:
    dialog = _open_manager(window, services, undo_runner)
    model = dialog.model
    assert model.rowCount() == len(services.categories.all())
    for row in range(model.rowCount()):
        category = model.record_at(row)
        assert model.index(row, CategoryColumn.KIND).data() == category.kind.value.capitalize()
        count = model.index(row, CategoryColumn.MEMBERS).data()
        assert count == str(len(services.categories.members(category.slug)))
        assert model.index(row, CategoryColumn.NAME).data(Qt.ItemDataRole.DecorationRole)


def test_a_manual_category_is_created_and_a_state_assigned_undone_and_redone(
    qtbot: QtBot,
    window: QWidget,
    services: AppServices,
    undo_runner: UndoRunner,
    boxes: list[tuple[str, str]],
    names_typed: list[str],
) -> None:
    manager = _open_manager(window, services, undo_runner)
    names_typed.append("Hosts of intersessional meetings")
    manager.new_manual_button.click()
    category = _category(services, "Hosts of intersessional meetings")
    assert category.kind == CategoryKind.MANUAL
    assert manager.current_category() == category
    assert manager.pages.currentIndex() == 1  # the members page

    cambodia = services.states.find("KHM")
    assert cambodia is not None
    assign_to_category(window, services, undo_runner, Selection(state_id=cambodia.id))
    dialog = window.findChild(AssignDialog)
    assert isinstance(dialog, AssignDialog)
    dialog.category_box.setCurrentIndex(dialog.category_box.findData(category.id))
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    ok.click()  # no rationale: refused, the dialog stays
    assert len(boxes) == 1
    assert "rationale" in boxes[0][1].lower()
    assert dialog.isVisible()
    qtbot.keyClicks(dialog.rationale_edit, "Hosted the 2003 Standing Committees")
    ok.click()
    assert not dialog.isVisible()
    members = services.categories.members(category.id)
    assert [(m.state_id, m.rationale) for m in members] == [
        (cambodia.id, "Hosted the 2003 Standing Committees")
    ]
    assert manager.members_model.members() == members  # the open dialog followed

    undo_runner.stack.undo()
    assert services.categories.members(category.id) == []
    assert manager.members_model.rowCount() == 0

    undo_runner.stack.redo()
    assert services.categories.members(category.id) == members
    assert manager.members_model.rowCount() == 1


def test_assigning_again_replaces_the_rationale_and_undo_puts_the_old_one_back(
    qtbot: QtBot, window: QWidget, services: AppServices, undo_runner: UndoRunner
) -> None:
    category = _category(services, "Likely acceders")
    member = services.categories.members(category.id)[0]
    assign_to_category(window, services, undo_runner, Selection(state_id=member.state_id))
    dialog = window.findChild(AssignDialog)
    assert isinstance(dialog, AssignDialog)
    dialog.category_box.setCurrentIndex(dialog.category_box.findData(category.id))
    assert dialog.rationale_edit.toPlainText() == member.rationale
    assert dialog.membership_label.text()
    dialog.rationale_edit.setPlainText("A new reason")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert {m.state_id: m.rationale for m in services.categories.members(category.id)}[
        member.state_id
    ] == "A new reason"
    undo_runner.stack.undo()
    assert member in services.categories.members(category.id)


def test_assigning_without_a_selected_state_says_so(
    window: QWidget,
    services: AppServices,
    undo_runner: UndoRunner,
    boxes: list[tuple[str, str]],
) -> None:
    assign_to_category(window, services, undo_runner, Selection())
    assert window.findChild(AssignDialog) is None
    assert boxes and "Select a state" in boxes[0][1]


def test_removing_a_member_is_undone_with_the_same_rationale(
    qtbot: QtBot, window: QWidget, services: AppServices, undo_runner: UndoRunner
) -> None:
    category = _category(services, "Steadfast producers and users")
    before = services.categories.members(category.id)
    dialog = _open_manager(window, services, undo_runner)
    dialog.select_category(category.id)
    assert dialog.members_model.members() == before
    dialog.members_table.selectRow(0)
    removed = dialog.current_member()
    assert removed is not None
    assert dialog.remove_member_button.isEnabled()
    dialog.remove_member_button.click()
    assert removed.state_id not in _member_ids(services, category.id)
    assert dialog.members_model.rowCount() == len(before) - 1

    undo_runner.stack.undo()
    assert services.categories.members(category.id) == before
    assert dialog.members_model.members() == before


def test_a_smart_rule_built_in_the_editor_previews_its_members(
    qtbot: QtBot,
    window: QWidget,
    services: AppServices,
    undo_runner: UndoRunner,
    names_typed: list[str],
) -> None:
    dialog = _open_manager(window, services, undo_runner)
    names_typed.append("Outside and producer (mine)")
    dialog.new_smart_button.click()
    category = _category(services, "Outside and producer (mine)")
    assert category.kind == CategoryKind.SMART
    assert dialog.pages.currentIndex() == 2  # the rule editor
    editor = dialog.rule_editor
    assert len(editor.rows()) == 1
    status = editor.rows()[0]
    assert status.kind() == "status"
    assert status.status_checks.values() == ["outside"]
    assert dialog.preview() == _member_ids(services, category.id)  # the starter rule's

    producer = editor.add_condition()
    producer.set_kind("fact")
    producer.fact_box.setCurrentIndex(producer.fact_box.findData("producer"))
    expected = {"match": "all", "conditions": [{"status": ["outside"]}, {"fact": "producer"}]}
    assert json.loads(editor.json_view.toPlainText()) == expected
    assert editor.json_view.isReadOnly()
    assert "unsaved" in dialog.preview_label.text()
    # the preview follows the rule as edited, before it is saved
    live = [m.state_id for m in services.categories.preview(json.dumps(expected))]
    assert dialog.preview() == live
    assert dialog.save_rule_button.isEnabled()

    dialog.save_rule_button.click()
    saved = _category(services, category.name)
    assert json.loads(saved.rule) == expected
    members = services.categories.members(category.id)
    assert members
    assert dialog.preview() == [member.state_id for member in members]
    assert "unsaved" not in dialog.preview_label.text()
    assert not dialog.save_rule_button.isEnabled()
    # the demo's own "outside and producer" rule also counts signatories
    demo = set(_member_ids(services, "outside-producers"))
    assert set(dialog.preview()) <= demo

    undo_runner.stack.undo()
    assert json.loads(_category(services, category.name).rule) == json.loads(category.rule)
    assert len(editor.rows()) == 1
    assert dialog.preview() == _member_ids(services, category.id)

    demo_category = _category(services, "Outside and producer")
    dialog.select_category(demo_category.id)  # a rule written elsewhere shows unchanged
    assert json.loads(editor.rule_text()) == json.loads(demo_category.rule)
    assert not dialog.save_rule_button.isEnabled()
    assert dialog.preview() == _member_ids(services, demo_category.id)


def test_the_editor_shows_every_kind_of_condition(
    qtbot: QtBot, window: QWidget, services: AppServices, undo_runner: UndoRunner
) -> None:
    dialog = _open_manager(window, services, undo_runner)
    rule = {
        "match": "any",
        "conditions": [
            {"status": ["outside", "signatory"]},
            {"not": {"fact": "export_moratorium"}},
            {"region": "Asia"},
            {"subregion": "South-eastern Asia"},
            {"seat": "UNSC", "year": 2004},
            {"stance": ["opposed", "reluctant"]},
        ],
    }
    forums = services.forums.forums()
    if forums:
        rule["conditions"].append({"forum": forums[0].slug})
    assert dialog.rule_editor.set_rule_text(json.dumps(rule))
    assert dialog.rule_editor.rule() == rule


def test_rename_recolour_describe_and_delete_are_undoable(
    qtbot: QtBot,
    window: QWidget,
    services: AppServices,
    undo_runner: UndoRunner,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    category = _category(services, "Recent users")
    dialog = _open_manager(window, services, undo_runner)
    dialog.select_category(category.id)

    dialog.name_edit.setText("Recent users of AP mines")
    dialog.description_edit.setPlainText("Use reported since 2001.")
    dialog.save_details_button.click()
    renamed = services.categories.all()
    assert any(c.name == "Recent users of AP mines" for c in renamed)
    assert dialog.model.record_at(dialog.model.row_of(category.id) or 0).name == (
        "Recent users of AP mines"
    )

    monkeypatch.setattr(QColorDialog, "getColor", lambda *_args: QColor("#123456"))
    dialog.colour_button.click()
    assert _category(services, "Recent users of AP mines").colour == "#123456"
    assert dialog.colour_button.text() == "#123456"

    undo_runner.stack.undo()  # the colour
    undo_runner.stack.undo()  # the name and description
    assert _category(services, "Recent users") == category
    assert dialog.name_edit.text() == "Recent users"

    dialog.delete_button.click()
    assert category.id not in {c.id for c in services.categories.all()}
    assert dialog.model.row_of(category.id) is None
    assert dialog.current_category() is None
    undo_runner.stack.undo()
    assert _category(services, "Recent users") == category
    assert dialog.model.row_of(category.id) is not None


def test_the_category_models_pass_the_model_tester(
    qtmodeltester: object, window: QWidget, services: AppServices, undo_runner: UndoRunner
) -> None:
    dialog = _open_manager(window, services, undo_runner)
    dialog.select_category(_category(services, "Likely acceders").id)
    assert dialog.members_model.rowCount() > 0
    qtmodeltester.check(dialog.model)  # type: ignore[attr-defined]
    qtmodeltester.check(dialog.members_model)  # type: ignore[attr-defined]
    qtmodeltester.check(CategoriesTableModel())  # type: ignore[attr-defined]
    qtmodeltester.check(MembersTableModel())  # type: ignore[attr-defined]


def test_the_chips_delegate_paints_each_category_in_its_colour(
    qtbot: QtBot, services: AppServices
) -> None:
    categories = services.categories.all()
    model = QStandardItemModel(0, 2)
    model.appendRow([QStandardItem("Kenya"), QStandardItem("likely-acceders")])
    model.appendRow([QStandardItem("Elsewhere"), QStandardItem("recent-users, no-such-category, ")])
    model.appendRow([QStandardItem("None"), QStandardItem("")])
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    delegate = CategoryChipsDelegate(view)
    delegate.set_categories(categories)
    view.setItemDelegateForColumn(1, delegate)
    view.resize(700, 200)
    view.setColumnWidth(1, 500)
    view.show()

    assert split_slugs(model.index(1, 1).data()) == ["recent-users", "no-such-category"]
    assert delegate.chip("likely-acceders")[0] == "Likely acceders"
    assert delegate.chip("no-such-category")[0] == "no-such-category"
    option = QStyleOptionViewItem()
    option.initFrom(view)
    hint = delegate.sizeHint(option, model.index(1, 1))
    assert hint.width() > 100

    image = QImage(view.viewport().size(), QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.white)
    view.viewport().render(image)
    colours = {
        image.pixelColor(x, y).name()
        for x in range(0, image.width(), 2)
        for y in range(0, image.height(), 2)
    }
    by_slug = {category.slug: category.colour for category in categories}
    assert by_slug["likely-acceders"] in colours
    assert by_slug["recent-users"] in colours
    assert "#9e9e9e" in colours  # an unknown slug still shows, in grey


def test_the_dialog_reads_rules_against_the_treaty_the_window_shows(
    qtbot: QtBot,
    window: QWidget,
    services: AppServices,
    undo_runner: UndoRunner,
    names_typed: list[str],
) -> None:
    manage_categories(window, services, undo_runner, "CCM")
    dialog = window.findChild(CategoriesDialog)
    assert isinstance(dialog, CategoriesDialog)
    assert "CCM" in dialog.windowTitle()
    names_typed.append("Outside")
    dialog.new_smart_button.click()  # the starter rule: status outside
    category = _category(services, "Outside")
    outside_ccm = {m.state_id for m in services.categories.members(category.id, treaty="CCM")}
    outside_apmbc = set(_member_ids(services, category.id))
    assert set(dialog.preview()) == outside_ccm
    finland = services.states.find("FIN")  # party to the APMBC, outside the CCM
    assert finland is not None
    assert finland.id in outside_ccm and finland.id not in outside_apmbc
