"""The dashboard's world map: states in the colour of their status (or of a category),
a legend that counts them, the state under the pointer named, a click that opens it,
small island states still there to click."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QPoint, QSettings, Qt
from PySide6.QtGui import QColor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from outreach.charts.world import STATUS_FILL, world_shapes
from outreach.domain.enums import TreatyStatus
from ui.dashboard.page import DashboardPage
from ui.dashboard.world_map import WorldMapView
from ui.services import AppServices

from .test_dashboard import make_page


def map_page(qtbot: QtBot, services: AppServices) -> DashboardPage:
    while (popup := QApplication.activePopupWidget()) is not None:
        popup.close()  # a pop-up left open would take the pointer's moves
    page = make_page(qtbot, services)
    page.resize(1400, 900)
    page.as_of.setDate(QDate(2004, 11, 25))
    page.pictures.setCurrentWidget(page.world)
    qtbot.waitUntil(lambda: page.world.view.world is not None)
    return page


def point_of(view: WorldMapView, iso3: str) -> QPoint:
    """Where `iso3` is on screen: its dot when it has one, else a point inside its shape."""
    item = view.items_by_state[iso3][-1]  # the dot comes last
    if item.flags() & item.GraphicsItemFlag.ItemIgnoresTransformations:
        return view.mapFromScene(item.pos())
    shape = item.shape()
    rect = shape.boundingRect()
    for step in range(1, 40):  # the first point of a scan across its middle inside it
        candidate = rect.center()
        candidate.setX(rect.left() + rect.width() * step / 40)
        if shape.contains(candidate):
            point = view.mapFromScene(candidate)
            if view.state_at(point.toPointF()) == iso3:
                return point
    raise AssertionError(f"no point of {iso3} on screen")


def test_the_map_colours_each_state_by_its_status_and_counts_them(
    qtbot: QtBot, services: AppServices
) -> None:
    page = map_page(qtbot, services)
    view = page.world.view
    parties = services.treaties.count_parties("APMBC", date(2004, 11, 25))
    assert f"Party: {parties}" in page.world.legend.text()
    assert f"Party: {parties}" in page.world.legend.accessibleName()
    cambodia = view.items_by_state["KHM"][0]  # a State Party since 2000
    assert cambodia.brush().color() == QColor(STATUS_FILL[TreatyStatus.PARTY])
    usa = view.items_by_state["USA"][0]
    assert usa.brush().color() == QColor(STATUS_FILL[TreatyStatus.OUTSIDE])
    # the same map on another day: Ethiopia deposited in December 2004
    page.as_of.setDate(QDate(2003, 1, 1))
    qtbot.waitUntil(lambda: f"Party: {parties}" not in page.world.legend.text())
    assert view.items_by_state["ETH"][0].brush().color() == QColor(
        STATUS_FILL[TreatyStatus.SIGNATORY]
    )


def test_the_state_under_the_pointer_is_named_and_a_click_opens_it(
    qtbot: QtBot, services: AppServices
) -> None:
    page = map_page(qtbot, services)
    view = page.world.view
    where = point_of(view, "KHM")
    # from the sea first: Qt drops a move to where the pointer already is (a test before
    # may have left it there)
    QTest.mouseMove(view.viewport(), view.mapFromScene(5, 400))
    QTest.mouseMove(view.viewport(), where)
    qtbot.waitUntil(lambda: page.world.pointer.text() == "Cambodia: Party")
    with qtbot.waitSignal(page.open_state) as opened:
        QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=where)
    assert opened.args == [services.states.get("KHM").id]


def test_small_island_states_have_a_dot_to_click(qtbot: QtBot, services: AppServices) -> None:
    page = map_page(qtbot, services)
    view = page.world.view
    shapes = world_shapes()
    for iso3 in ("TUV", "NRU", "KNA", "MHL", "LIE", "VAT"):
        assert shapes.states[iso3].marker is not None, iso3
    with qtbot.waitSignal(page.open_state) as opened:
        QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point_of(view, "TUV"))
    assert opened.args == [services.states.get("TUV").id]


def test_a_state_inside_another_is_its_own_and_the_sea_opens_nothing(
    qtbot: QtBot, services: AppServices
) -> None:
    page = map_page(qtbot, services)
    view = page.world.view
    lesotho = point_of(view, "LSO")  # a hole in South Africa's shape
    assert view.state_at(lesotho.toPointF()) == "LSO"
    opened: list[int] = []
    page.open_state.connect(opened.append)
    sea = view.mapFromScene(5, 400)  # the South Pacific, west of Chile
    assert view.state_at(sea.toPointF()) == ""
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=sea)
    assert opened == []


def test_the_map_by_category_shows_its_members_and_the_choice_is_remembered(
    qtbot: QtBot, services: AppServices
) -> None:
    page = map_page(qtbot, services)
    choice = page.world.choice
    choice.setCurrentIndex(choice.findText("Category: Steadfast producers and users"))
    qtbot.waitUntil(lambda: "Steadfast producers and users:" in page.world.legend.text())
    members = page.categories.index(
        next(
            r
            for r in range(page.categories.rowCount())
            if page.categories.index(r, 0).data() == "Steadfast producers and users"
        ),
        1,
    ).data()
    assert f"Steadfast producers and users: {members}" in page.world.legend.text()
    china = page.world.view.items_by_state["CHN"][0]
    assert "in Steadfast producers and users" in china.toolTip()
    settings = QSettings()
    page.save_state(settings)
    again = make_page(qtbot, services)
    again.restore_state(settings)
    again.reload()
    assert again.pictures.currentWidget() is again.world
    assert again.world.choice.currentText() == "Category: Steadfast producers and users"


def test_the_keyboard_goes_from_state_to_state_and_enter_opens_one(
    qtbot: QtBot, services: AppServices
) -> None:
    page = map_page(qtbot, services)
    view = page.world.view
    view.setFocus(Qt.FocusReason.TabFocusReason)  # as Tab brings it
    qtbot.waitUntil(view.hasFocus)
    first = page.world.pointer.text()
    assert first.startswith("Afghanistan: ")  # the first state by name, outlined at once
    QTest.keyClick(view, Qt.Key.Key_Right)
    assert page.world.pointer.text().startswith("Albania: ")
    assert view.accessibleDescription() == page.world.pointer.text()
    QTest.keyClick(view, Qt.Key.Key_Left)
    QTest.keyClick(view, Qt.Key.Key_Left)  # round to the last
    assert page.world.pointer.text().startswith("Zimbabwe: ")
    with qtbot.waitSignal(page.open_state) as opened:
        QTest.keyClick(view, Qt.Key.Key_Return)
    assert opened.args == [services.states.get("ZWE").id]


def test_a_remembered_category_since_deleted_leaves_the_choice_free(
    qtbot: QtBot, services: AppServices
) -> None:
    settings = QSettings()
    settings.setValue("dashboard/map_by", "a-category-since-deleted")
    page = make_page(qtbot, services)
    page.restore_state(settings)
    page.reload()
    choice = page.world.choice
    assert choice.currentIndex() == 0  # the treaty status
    choice.setCurrentIndex(choice.findText("Category: Likely acceders"))
    page.reload()  # as any change on the desk reloads the page
    assert choice.currentText() == "Category: Likely acceders"
    page.save_state(settings)
    assert settings.value("dashboard/map_by") == "likely-acceders"


def test_the_map_and_its_words_fit_half_a_dashboard(qtbot: QtBot, services: AppServices) -> None:
    """Its hint wraps: a long line under the map (in French, longer still) would hold the
    dashboard's left half wide and squeeze the agenda's titles to nothing."""
    page = map_page(qtbot, services)
    assert page.world.minimumSizeHint().width() <= 400
    page.resize(1200, 800)
    qtbot.wait(50)
    assert page.agenda.width() >= 0.4 * page.width()
