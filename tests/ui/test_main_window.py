"""The main window opens on a database and shows its states."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from ui.app import build_main_window
from ui.states.table_model import Column


def test_the_window_lists_every_state_with_its_status(qtbot: QtBot, demo_db_path: Path) -> None:
    window = build_main_window(demo_db_path)
    qtbot.addWidget(window)
    window.show()
    view = window.states_view
    assert view.proxy.rowCount() == 198
    names = {view.model.row_at(row).name for row in range(view.model.rowCount())}
    assert {"Côte d'Ivoire", "Türkiye", "Holy See", "Kosovo"} <= names
    assert "States Parties today" in window.statusBar().currentMessage()


def test_typing_in_the_filter_narrows_the_list(qtbot: QtBot, demo_db_path: Path) -> None:
    window = build_main_window(demo_db_path)
    qtbot.addWidget(window)
    qtbot.keyClicks(window.states_view.filter_edit, "ivoire")
    proxy = window.states_view.proxy
    assert proxy.rowCount() == 1
    assert proxy.index(0, Column.NAME).data() == "Côte d'Ivoire"


def test_sorting_by_entry_into_force_puts_the_earliest_first(
    qtbot: QtBot, demo_db_path: Path
) -> None:
    window = build_main_window(demo_db_path)
    qtbot.addWidget(window)
    table = window.states_view.table
    window.states_view.status_box.setCurrentIndex(window.states_view.status_box.findData("party"))
    table.sortByColumn(Column.IN_FORCE, Qt.SortOrder.AscendingOrder)
    first = window.states_view.proxy.index(0, Column.IN_FORCE).data()
    assert first == "1999-03-01"
    assert all(
        window.states_view.proxy.index(row, Column.STATUS).data() == "Party"
        for row in range(window.states_view.proxy.rowCount())
    )


def test_the_states_model_passes_the_model_tester(
    qtmodeltester, demo_db_path: Path, qtbot: QtBot
) -> None:  # type: ignore[no-untyped-def]
    window = build_main_window(demo_db_path)
    qtbot.addWidget(window)
    qtmodeltester.check(window.states_view.model)
