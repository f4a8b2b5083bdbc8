"""Every control of a page is reached with Tab, in the order it is read (issue 17, item 5):
from the navigation pane, Tab goes through the page's filters and search, then its list,
then the selected record's detail, left to right along a row and down, and comes back.
Walked with real Tab presses on every page as a first start shows it."""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractSpinBox, QApplication, QComboBox, QWidget
from pytestqt.qtbot import QtBot

from ui.dashboard.page import DashboardPage
from ui.desktop import DesktopApp
from ui.main_window import MainWindow
from ui.pages import Page

from .desktop import open_app
from .walk import every_view

#: Tab presses before giving up on coming back to the navigation pane
MOST = 120


def _part_of_another(widget: QWidget, page: QWidget) -> bool:
    """A part Qt builds inside a control (a spin box's line, an editable combo's), which
    Tab reaches as that control."""
    parent = widget.parentWidget()
    return widget.objectName().startswith("qt_spinbox") or (
        parent is not None
        and parent is not page
        and isinstance(parent, QComboBox | QAbstractSpinBox)
    )


def focusable(page: QWidget) -> list[QWidget]:
    """The controls of `page` Tab should reach: shown, enabled, taking focus by Tab."""
    return [
        widget
        for widget in page.findChildren(QWidget)
        if widget.isVisibleTo(page)
        and widget.isEnabled()
        and widget.focusPolicy() & Qt.FocusPolicy.TabFocus == Qt.FocusPolicy.TabFocus
        and widget.focusProxy() is None
        and not _part_of_another(widget, page)
    ]


def tab_stops(window: MainWindow, page: QWidget) -> list[QWidget]:
    """The controls Tab stops on, from the navigation pane until it is back there (a
    control Tab moves inside, a date's day, month and year, counted once)."""
    window.navigation.setFocus(Qt.FocusReason.OtherFocusReason)
    QApplication.processEvents()
    assert QApplication.focusWidget() is window.navigation
    stops: list[QWidget] = []
    for _press in range(MOST):
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        widget = QApplication.focusWidget()
        if widget is window.navigation or widget is None:
            return stops
        if not stops or stops[-1] is not widget:
            stops.append(widget)
    raise AssertionError(f"Tab never came back to the navigation pane: {describe(stops[-1])}")


def describe(widget: QWidget) -> str:
    name = widget.accessibleName() or getattr(widget, "text", lambda: "")() or ""
    return f"{type(widget).__name__} {name!r}".replace("&", "")


def _rect(widget: QWidget) -> QRect:
    return QRect(widget.mapTo(widget.window(), widget.rect().topLeft()), widget.size())


def _pane_of(widget: QWidget, common: QWidget) -> QWidget:
    """The child of `common` that holds `widget` (or is it)."""
    pane = widget
    while pane.parentWidget() is not common:
        pane = pane.parentWidget()
    return pane


def _next_pane(before: QWidget, after: QWidget) -> bool:
    """Whether `after` is in a pane beside and to the right of the one `before` is in
    (a detail beside a list, a box beside a box: read after it, though its top may be
    higher). Two controls side by side are not panes: along a line, left to right."""
    common = before.parentWidget()
    while common is not None and not common.isAncestorOf(after):
        common = common.parentWidget()
    if common is None:
        return False
    panes = _pane_of(before, common), _pane_of(after, common)
    if panes[0] is before or panes[1] is after:
        return False
    return _rect(panes[1]).left() > _rect(panes[0]).right()


def backwards(before: QWidget, after: QWidget) -> bool:
    """Whether `after` comes before `before` in reading order: wholly above it, or
    wholly to its left on the same line (but not in the next pane, beside)."""
    if _next_pane(before, after):
        return False
    a, b = _rect(before), _rect(after)
    above = b.bottom() < a.top()
    same_line = b.top() <= a.bottom() and a.top() <= b.bottom()
    left = b.right() < a.left()
    return above or (same_line and left)


def tab_problems(window: MainWindow, page: Page) -> list[str]:
    stops = tab_stops(window, page)
    outside = [describe(stop) for stop in stops if not page.isAncestorOf(stop)]
    problems = [f"Tab leaves the page for {what}" for what in outside]
    in_page = [stop for stop in stops if page.isAncestorOf(stop)]
    problems += [
        f"not reached: {describe(widget)}"
        for widget in focusable(page)
        if not any(widget is stop or widget.isAncestorOf(stop) for stop in in_page)
    ]
    problems += [
        f"{describe(after)} after {describe(before)}"
        for before, after in pairwise(in_page)
        if backwards(before, after)
    ]
    return [f"{type(page).__name__}: {problem}" for problem in problems]


@pytest.fixture
def desktop(qtbot: QtBot, demo_db_path: Path) -> DesktopApp:
    desktop = open_app(qtbot, demo_db_path)
    desktop.window.resize(1440, 900)
    desktop.window.activateWindow()
    QApplication.processEvents()
    return desktop


def test_tab_reaches_every_control_of_each_page_in_reading_order(
    desktop: DesktopApp, qtbot: QtBot
) -> None:
    window = desktop.window
    problems: list[str] = []
    for _where, page in every_view(desktop, lambda: qtbot.wait(20), each_state_tab=False):
        if not isinstance(page, DashboardPage):  # see below
            problems += tab_problems(window, page)
    assert problems == [], "\n".join(problems)


def test_tab_goes_through_the_dashboard_in_reading_order(desktop: DesktopApp, qtbot: QtBot) -> None:
    page = desktop.window.show_page(DashboardPage)
    qtbot.wait(20)
    assert tab_problems(desktop.window, page) == []
    page.pictures.setCurrentWidget(page.world)  # and with the world map shown
    qtbot.waitUntil(lambda: page.world.view.world is not None)
    assert tab_problems(desktop.window, page) == []
