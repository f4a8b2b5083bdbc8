"""View ▸ Treaty (issue 15, item 6): the officer chooses the treaty the window shows, and
the States page, a state's profile and the dashboard follow; the choice comes back next
time."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QAction
from pytestqt.qtbot import QtBot

from ui.dashboard.page import DashboardPage
from ui.states.page import StatesPage
from ui.states.table_model import ROW_ROLE

from .desktop import open_app


def treaty_actions(window: object) -> dict[str, QAction]:
    menu = next(
        action.menu()
        for action in window.view_menu.actions()  # type: ignore[attr-defined]
        if action.menu() is not None
    )
    return {action.text(): action for action in menu.actions()}


def statuses(page: StatesPage) -> dict[str, str]:
    rows = (page.proxy.index(row, 0).data(ROW_ROLE) for row in range(page.proxy.rowCount()))
    return {row.iso3: row.status.value for row in rows}


def test_choosing_the_cluster_munitions_convention_shows_its_standing(
    qtbot: QtBot, demo_db_path: Path
) -> None:
    desktop = open_app(qtbot, demo_db_path)
    window = desktop.window
    actions = treaty_actions(window)
    assert list(actions) == ["APMBC", "CCM"] and actions["APMBC"].isChecked()
    states = window.show_page(StatesPage)
    assert isinstance(states, StatesPage)
    assert statuses(states)["FIN"] == "withdrawn"  # the APMBC: Finland withdrew in 2026

    actions["CCM"].trigger()

    assert actions["CCM"].isChecked() and not actions["APMBC"].isChecked()
    shown = statuses(states)
    assert (shown["NOR"], shown["LTU"], shown["USA"]) == ("party", "withdrawn", "outside")
    assert states.counts.text().startswith("CCM: 111 States Parties today")
    states.go_to_state(desktop.services.states.get("NOR").id)
    assert "(CCM)" in states.detail.profile.toPlainText()
    dashboard = window.show_page(DashboardPage)
    assert isinstance(dashboard, DashboardPage)
    assert "States Parties to the CCM" in dashboard.headline.text()
    window.close()

    again = open_app(qtbot, demo_db_path)  # the choice is remembered
    assert treaty_actions(again.window)["CCM"].isChecked()
    assert again.treaty.code == "CCM"
