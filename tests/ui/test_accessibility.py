"""Every control a screen reader meets on the main pages has a name: a button its text,
a field its label (or its own name), a list or table what it lists. Walked on every page
(each tab of a state's detail, the meeting planner too), as shown on a first start."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QHeaderView,
    QLineEdit,
    QPlainTextEdit,
    QTabWidget,
    QTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from ui.forums.page import ForumsPage
from ui.states.page import StatesPage

from .desktop import open_app

INTERACTIVE = (
    QAbstractButton,
    QLineEdit,
    QComboBox,
    QAbstractItemView,
    QAbstractSpinBox,
    QPlainTextEdit,
    QTextEdit,
)


def _internal(widget: QWidget) -> bool:
    """A part Qt builds inside another control (a spin box's line, a view's header),
    which the screen reader reads as that control."""
    return (
        widget.objectName().startswith("qt_")
        or isinstance(widget, QHeaderView)
        or isinstance(widget.parentWidget(), QComboBox | QAbstractSpinBox)
    )


def unnamed(root: QWidget) -> list[str]:
    """The visible controls under `root` a screen reader would announce with no name."""
    found = []
    for widget in root.findChildren(QWidget):
        if not isinstance(widget, INTERACTIVE) or _internal(widget):
            continue
        if not widget.isVisibleTo(root):
            continue
        face = QAccessible.queryAccessibleInterface(widget)
        name = face.text(QAccessible.Text.Name) if face is not None else ""
        if not name.strip():
            found.append(f"{type(widget).__name__} in {type(widget.parentWidget()).__name__}")
    return found


def test_every_control_of_every_page_has_a_name(qtbot: QtBot, demo_db_path: Path) -> None:
    desktop = open_app(qtbot, demo_db_path)
    window = desktop.window
    window.resize(1440, 900)
    problems: dict[str, list[str]] = {}
    for page_type in window.page_types():
        page = window.show_page(page_type)
        qtbot.wait(50)
        views = [page]
        if isinstance(page, StatesPage):  # each tab of a state's detail
            desktop.show_state(desktop.services.states.get("KHM").id)
            tabs = page.detail
            assert isinstance(tabs, QTabWidget)
            for index in range(tabs.count()):
                tabs.setCurrentIndex(index)
                problems[f"{page_type.__name__} tab {index}"] = unnamed(page)
        if isinstance(page, ForumsPage):  # and the meeting planner
            page.open_meeting(desktop.services.forums.find_meetings("Nairobi Summit")[0].id)
            problems[f"{page_type.__name__} planner"] = unnamed(page)
            page.stack.setCurrentIndex(0)
        for view in views:
            problems[page_type.__name__] = unnamed(view)
    assert {where: names for where, names in problems.items() if names} == {}
