"""The whole window: navigation, shortcuts, remembered layout, the main flows."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QHeaderView, QMenu, QSplitter
from pytestqt.qtbot import QtBot

from ui.actions import ActionId
from ui.states.page import StatesPage

from .desktop import open_app


def test_the_navigation_lists_every_area(qtbot: QtBot, demo_db_path: Path) -> None:
    desktop = open_app(qtbot, demo_db_path)
    titles = [
        desktop.window.navigation.item(row).text()
        for row in range(desktop.window.navigation.count())
    ]
    assert titles == [
        "Dashboard",
        "States",
        "Contacts",
        "Organizations",
        "Forums and meetings",
        "Calendar",
        "Démarches",
        "Contact log",
    ]
    due = desktop.services.calendar.due()
    status = desktop.window.statusBar().currentMessage()
    assert status.startswith(f"Overdue: {due.overdue_follow_ups} follow-ups, ")
    assert f"{due.overdue_demarches} démarches" in status


def test_standard_and_campaign_shortcuts(qtbot: QtBot, demo_db_path: Path) -> None:
    actions = open_app(qtbot, demo_db_path).window.actions_
    assert actions[ActionId.UNDO].shortcut() == QKeySequence(QKeySequence.StandardKey.Undo)
    assert actions[ActionId.FIND].shortcut() == QKeySequence(QKeySequence.StandardKey.Find)
    assert actions[ActionId.PRINT].shortcut() == QKeySequence(QKeySequence.StandardKey.Print)
    assert actions[ActionId.LOG_CONTACT].shortcut() == QKeySequence("Ctrl+L")
    assert actions[ActionId.PLAN_DEMARCHE].shortcut() == QKeySequence("Ctrl+D")
    assert actions[ActionId.GO_TO_STATE].shortcut() == QKeySequence("Ctrl+G")
    assert actions[ActionId.SEARCH].shortcut() == QKeySequence("Ctrl+K")


def test_the_menus_offer_import_export_search_and_duplicates(
    qtbot: QtBot, demo_db_path: Path
) -> None:
    window = open_app(qtbot, demo_db_path).window
    menus = {menu.title().replace("&", ""): menu for menu in window.menuBar().findChildren(QMenu)}
    file_texts = [action.text().replace("&", "") for action in menus["File"].actions()]
    assert "Import" in file_texts
    assert "Export calendar…" in file_texts
    assert "Print settings…" in file_texts
    imports = [action.text().replace("&", "") for action in menus["Import"].actions()]
    assert imports == ["Treaty status from the UN Treaty Collection…", "Contacts from CSV…"]
    edit_texts = [action.text().replace("&", "") for action in menus["Edit"].actions()]
    assert "Search everything…" in edit_texts
    campaign = [action.text().replace("&", "") for action in menus["Campaign"].actions()]
    assert "Find duplicate contacts…" in campaign
    assert all(action.isEnabled() for action in menus["File"].actions() if action.text() != "&Save")


def test_the_last_page_and_column_widths_come_back_next_time(
    qtbot: QtBot, demo_db_path: Path
) -> None:
    first = open_app(qtbot, demo_db_path)
    page = first.window.show_page(StatesPage)
    assert isinstance(page, StatesPage)
    page.table.horizontalHeader().resizeSection(0, 333)
    first.window.close()
    assert QSettings().value("window/page", type=int) == 1
    second = open_app(qtbot, demo_db_path)
    restored = second.window.current_page()
    assert isinstance(restored, StatesPage)
    assert restored.table.horizontalHeader().sectionSize(0) == 333


def test_go_to_state_by_an_alias(qtbot: QtBot, demo_db_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from ui import goto_state

    desktop = open_app(qtbot, demo_db_path)

    def choose_alias(dialog: goto_state.GoToStateDialog) -> int:
        dialog.edit.setText("Ivory Coast (Côte d'Ivoire)")
        return 1

    monkeypatch.setattr(goto_state.GoToStateDialog, "exec", choose_alias)
    desktop.window.actions_[ActionId.GO_TO_STATE].trigger()
    page = desktop.window.current_page()
    assert isinstance(page, StatesPage)
    assert page.detail.state is not None
    assert page.detail.state.iso3 == "CIV"


def test_a_change_elsewhere_refreshes_the_states_list(qtbot: QtBot, demo_db_path: Path) -> None:
    desktop = open_app(qtbot, demo_db_path)
    page = desktop.window.show_page(StatesPage)
    assert isinstance(page, StatesPage)
    desktop.services.categories.assign("likely-acceders", "FIN", "Studying accession")
    finland = next(
        page.model.row_at(row)
        for row in range(page.model.rowCount())
        if page.model.row_at(row).iso3 == "FIN"
    )
    assert "likely-acceders" in finland.categories


def test_the_navigation_is_as_wide_as_its_names_on_a_first_start(
    qtbot: QtBot, demo_db_path: Path
) -> None:
    window = open_app(qtbot, demo_db_path).window
    navigation, page = window.splitter.sizes()
    metrics = window.navigation.fontMetrics()
    widest = max(
        metrics.horizontalAdvance(window.navigation.item(row).text())
        for row in range(window.navigation.count())
    )
    assert widest < navigation <= widest + 60  # no blank strip beside the names
    assert page > 3 * navigation


def test_f1_lists_every_shortcut_of_the_window(
    qtbot: QtBot,
    demo_db_path: Path,
    monkeypatch,  # type: ignore[no-untyped-def]
) -> None:
    from ui.shortcuts import ShortcutsDialog

    window = open_app(qtbot, demo_db_path).window
    shown: list[dict[str, str]] = []

    def record(dialog: ShortcutsDialog) -> int:
        table = dialog.table
        shown.append(
            {
                table.item(row, 0).text(): table.item(row, 1).text()
                for row in range(table.rowCount())
            }
        )
        return 0

    monkeypatch.setattr(ShortcutsDialog, "exec", record)
    assert window.actions_[ActionId.SHORTCUTS].shortcut() == QKeySequence("F1")
    window.actions_[ActionId.SHORTCUTS].trigger()
    (rows,) = shown
    assert rows["Log a contact"] == QKeySequence("Ctrl+L").toString(
        QKeySequence.SequenceFormat.NativeText
    )
    assert rows["Search everything"] == QKeySequence("Ctrl+K").toString(
        QKeySequence.SequenceFormat.NativeText
    )
    assert rows["Show Calendar"] == "Ctrl+6"
    assert "About Outreach" not in rows  # no shortcut, not listed
    assert len(rows) == len(window.actions_.shortcuts()) + len(window.page_types()) + 1


def test_every_page_brings_back_its_splitters_and_columns(qtbot: QtBot, demo_db_path: Path) -> None:
    first = open_app(qtbot, demo_db_path).window
    changed: dict[str, bytes] = {}
    for page in map(first.page, first.page_types()):
        for key, view in page.remembered_views().items():
            if isinstance(view, QSplitter):
                sizes = view.sizes()
                view.setSizes([size + 37 * index for index, size in enumerate(sizes)])
            else:
                assert isinstance(view, QHeaderView)
                view.resizeSection(0, 123)
            changed[key] = bytes(view.saveState().data())
    assert len(changed) >= 12  # every list page remembers something
    first.close()

    second = open_app(qtbot, demo_db_path).window
    for page in map(second.page, second.page_types()):
        for key, view in page.remembered_views().items():
            if isinstance(view, QHeaderView):
                assert view.sectionSize(0) == 123, key
            else:
                assert bytes(view.saveState().data()) == changed[key], key


def test_talking_points_typed_are_kept_when_the_window_closes(
    qtbot: QtBot, demo_db_path: Path
) -> None:
    desktop = open_app(qtbot, demo_db_path)
    desktop.show_state(desktop.services.states.get("PAK").id)
    desktop.states_page.detail.talking_points.setPlainText("Ask about the moratorium.")
    desktop.window.close()
    again = open_app(qtbot, demo_db_path)
    assert again.services.states.get("PAK").talking_points == "Ask about the moratorium."


def test_the_window_has_the_apps_icon(qtbot: QtBot) -> None:
    from ui.app import make_application

    app = make_application([])
    assert not app.windowIcon().pixmap(32, 32).isNull()  # the SVG is found and drawn
    assert app.desktopFileName() == "outreach"
