"""Meeting every dialog the app opens, from a test: the window's actions triggered on
every page, the pages' own buttons clicked, and each dialog read by the test then closed
at once (a modal dialog would block it); the file, text and message boxes are answered
at once too. Shared by the French and the accessibility tests."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

import pytest
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFileDialog,
    QInputDialog,
    QMessageBox,
    QPushButton,
    QWidget,
)
from pytestqt.qtbot import QtBot

from ui.actions import ActionId
from ui.desktop import DesktopApp
from ui.forums.page import ForumsPage

#: actions that would end the test or the window rather than open something
LEFT_OUT = {ActionId.QUIT, ActionId.DELETE, ActionId.UNDO, ActionId.REDO}
#: the buttons not clicked: they delete, merge or leave the view (English and French)
DESTRUCTIVE = ("delete", "remove", "merge", "supprimer", "retirer", "fusionner", "←")

#: what the test finds wrong in a dialog met, while it is shown
ReadDialog = Callable[[QDialog], Iterable[str]]
#: what the test finds wrong in a message box's title and text
ReadBox = Callable[[str, str], Iterable[str]]


@dataclass
class Met:
    """What the test found in the dialogs and message boxes met, and which dialogs."""

    found: list[str] = field(default_factory=list)
    kinds: set[str] = field(default_factory=set)


def catch_dialogs(monkeypatch: pytest.MonkeyPatch, read: ReadDialog, read_box: ReadBox) -> Met:
    """Every dialog opened (`exec` or `open`) is shown, read by `read`, and rejected at
    once; every message box is read by `read_box` and answered Cancel; the file and text
    boxes are answered with nothing. What the readers find is kept in `Met.found`."""
    met = Met()

    def read_and_close(dialog: QDialog, *_args: object) -> int:
        dialog.show()
        QApplication.processEvents()
        met.kinds.add(type(dialog).__name__)
        met.found.extend(read(dialog))
        dialog.reject()
        return int(QDialog.DialogCode.Rejected)

    def box(_parent: object, title: str, text: str, *_rest: object) -> object:
        met.found.extend(read_box(title, text))
        return QMessageBox.StandardButton.Cancel

    monkeypatch.setattr(QDialog, "exec", read_and_close)
    monkeypatch.setattr(QDialog, "open", read_and_close)
    for name in ("information", "warning", "critical", "question", "about"):
        monkeypatch.setattr(QMessageBox, name, box)
    for name in ("getOpenFileName", "getSaveFileName"):
        monkeypatch.setattr(QFileDialog, name, lambda *_args, **_kw: ("", ""))
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *_args, **_kw: ([], ""))
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *_args, **_kw: "")
    monkeypatch.setattr(QInputDialog, "getText", lambda *_args, **_kw: ("", False))
    return met


def trigger_every_action(desktop: DesktopApp, qtbot: QtBot) -> None:
    """Every enabled action of the window (but those in LEFT_OUT), on every page, with a
    state selected (Print and Assign want one)."""
    window = desktop.window
    desktop.show_state(desktop.services.states.get("KHM").id)
    for page_type in window.page_types():
        window.show_page(page_type)
        qtbot.wait(20)
        for action_id in ActionId:
            if action_id in LEFT_OUT:
                continue
            action = window.actions_[action_id]
            if action.isEnabled():
                action.trigger()
                QApplication.processEvents()


def click_every_pages_button(desktop: DesktopApp, qtbot: QtBot) -> None:
    """The pages' own buttons (New meeting…, Plan…, Obligations…, Add a fact…), which
    open the dialogs the menus do not; each page with its first record selected, the
    meeting planner's buttons too."""
    window = desktop.window
    desktop.show_state(desktop.services.states.get("KHM").id)
    nairobi = desktop.services.forums.find_meetings("Nairobi Summit")[0].id
    for page_type in window.page_types():
        page = window.show_page(page_type)
        if isinstance(page, ForumsPage):  # the planner's buttons, then the forums'
            page.open_meeting(nairobi)
            click_every_button(page, qtbot)
            page.stack.setCurrentIndex(0)
        click_every_button(page, qtbot)


def click_every_button(page: QWidget, qtbot: QtBot) -> None:
    """Click the page's visible buttons, but those that delete, merge or leave the view."""
    qtbot.wait(50)
    for button in page.findChildren(QPushButton):
        if button.isVisible() and button.isEnabled() and not destructive(button.text()):
            button.click()
            QApplication.processEvents()


def destructive(text: str) -> bool:
    plain = re.sub(r"&(?!&)", "", text).casefold()
    return any(word in plain for word in DESTRUCTIVE)
