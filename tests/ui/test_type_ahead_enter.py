"""Enter in a type-ahead field takes what was typed at once (issue: a second Enter was
needed): Ctrl+G, "Cambodia", Enter shows Cambodia; driven with real key events."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from ui.context import Selection
from ui.demarches.dialog import DemarcheDialog
from ui.goto_state import GoToStateDialog
from ui.log.dialog import LogContactDialog
from ui.services import AppServices
from ui.states.page import StatesPage
from ui.undo import UndoRunner

from .desktop import open_app
from .modal import drive_modal
from .test_log import OFFSCREEN_POPUPS

pytestmark = OFFSCREEN_POPUPS  # the suggestions' pop-up, on the offscreen platform


def _type_and_press_enter(qtbot: QtBot, dialog: GoToStateDialog, text: str) -> None:
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    dialog.edit.setFocus()
    qtbot.keyClicks(dialog.edit, text)
    popup = dialog.edit.completer().popup()
    assert popup.isVisible()  # the suggestions are open, as they are when one types
    qtbot.keyClick(popup, Qt.Key.Key_Return)  # the keys go to the open list


def test_ctrl_g_cambodia_enter_goes_there_in_one_keystroke(
    qtbot: QtBot, demo_db_path: Path
) -> None:
    desktop = open_app(qtbot, demo_db_path)
    seen: list[bool] = []

    def type_cambodia(dialog: GoToStateDialog) -> None:
        _type_and_press_enter(qtbot, dialog, "Cambodia")
        seen.append(dialog.isVisible())

    drive_modal(GoToStateDialog, type_cambodia)
    desktop.go_to_state()
    assert seen == [False]  # the first Enter closed it
    page = desktop.window.current_page()
    assert isinstance(page, StatesPage)
    assert page.selected_state_id() == desktop.services.states.get("KHM").id


def test_enter_takes_the_only_suggestion_or_the_highlighted_one(
    qtbot: QtBot, demo_db_path: Path
) -> None:
    desktop = open_app(qtbot, demo_db_path)
    rows = desktop.services.states.list_rows()

    only = GoToStateDialog(rows)
    qtbot.addWidget(only)
    only.show()
    _type_and_press_enter(qtbot, only, "burm")  # one suggestion: "Burma (Myanmar)"
    assert only.edit.text() == "Burma (Myanmar)"
    assert not only.isVisible() and only.chosen_state_id() == desktop.services.states.get("MMR").id

    several = GoToStateDialog(rows)
    qtbot.addWidget(several)
    several.show()
    qtbot.waitExposed(several)
    several.activateWindow()
    several.edit.setFocus()
    qtbot.keyClicks(several.edit, "guinea")  # Guinea, Guinea-Bissau, Equatorial Guinea…
    popup = several.edit.completer().popup()
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    highlighted = popup.currentIndex().data()
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert several.edit.text() == highlighted
    assert not several.isVisible()
    QApplication.processEvents()


def test_in_the_log_dialog_enter_picks_the_state_and_the_dialog_stays(
    qtbot: QtBot, services: AppServices, undo_runner: UndoRunner
) -> None:
    dialog = LogContactDialog(services, undo_runner, Selection())
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow, timeout=2000)
    dialog.states.line.setFocus()
    qtbot.keyClicks(dialog.states.line, "Cambod")
    popup = dialog.states.completer.popup()
    assert popup.isVisible()
    qtbot.keyClick(popup, Qt.Key.Key_Return)  # one Enter, with the suggestions open
    assert dialog.states.ids() == [services.states.get("KHM").id]
    assert dialog.states.line.text() == "" and dialog.isVisible()


def test_in_the_demarche_dialog_enter_takes_the_state_and_moves_on(
    qtbot: QtBot, services: AppServices, undo_runner: UndoRunner
) -> None:
    dialog = DemarcheDialog(services, undo_runner)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow, timeout=2000)
    line = dialog.state_box.lineEdit()
    assert line is not None
    line.setFocus()
    qtbot.keyClicks(line, "Cambodia")
    popup = dialog.state_box.completer().popup()
    assert popup.isVisible()
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert dialog.state_box.currentData() == services.states.get("KHM").id
    assert dialog.isVisible()  # not saved half-filled: Enter went on to the next field
    focused = QApplication.focusWidget()
    assert (
        focused is not None and focused is not line and not dialog.state_box.isAncestorOf(focused)
    )
