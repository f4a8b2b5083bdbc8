"""UI fixtures: a copy of the demo database (prepared once per session) for each test."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from outreach.storage.database import Database
from ui.change_bus import ChangeBus
from ui.i18n import install_language
from ui.main_window import MainWindow
from ui.services import AppServices

from .desktop import Show, Turn, W, answer_boxes


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """QSettings go to a temporary folder, never the user's."""
    from PySide6.QtCore import QSettings

    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path))


@pytest.fixture(autouse=True, scope="session")
def english_interface(qapp: QApplication) -> None:
    """The interface in English as the app installs it (Canadian English dates and
    numbers, English plurals)."""
    install_language(qapp, "en")


@pytest.fixture
def db(demo_db: Database) -> Database:
    """In the desktop tests, the database is a fresh copy of the demo campaign."""
    return demo_db


@pytest.fixture
def services(db: Database) -> AppServices:
    """The services over a fresh copy of the demo database."""
    return AppServices.over(db)


@pytest.fixture
def change_bus(db: Database, qtbot: QtBot) -> ChangeBus:
    """The commit notices of `db`, as the app's change bus carries them."""
    bus = ChangeBus()
    db.subscribe(bus.publish)
    return bus


@pytest.fixture
def messages(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The warnings the app would have shown."""
    return answer_boxes(monkeypatch, ("warning",), lambda _title, text: text)


@pytest.fixture
def boxes(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """The warnings and notices the app would have shown, with their titles."""
    return answer_boxes(monkeypatch, ("warning", "information"), lambda *box: box)


@pytest.fixture
def show(qtbot: QtBot, change_bus: ChangeBus) -> Show:
    """`show(page, width, height)` shows a page as the window does: sized, on screen, and
    refreshed by the database's commits through the change bus; returns the page."""

    def shown(page: W, width: int = 1200, height: int = 700) -> W:
        qtbot.addWidget(page)
        change_bus.changed.connect(page.on_changed)  # type: ignore[attr-defined]
        page.resize(width, height)
        page.show()
        qtbot.waitExposed(page)
        return page

    return shown


@pytest.fixture
def event_loop_turns(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[Turn]]:
    """What the officer does in each window `main` shows, in turn; the window then
    closes (the event loop turns once, for what waits for the window to show, then the
    stand-in returns)."""
    turns: list[Turn] = []
    windows: list[MainWindow] = []

    def stand_in(*_args: object) -> int:
        window = next(
            widget
            for widget in QApplication.topLevelWidgets()
            if isinstance(widget, MainWindow) and widget.isVisible()
        )
        windows.append(window)
        QApplication.processEvents()
        if turns:
            turns.pop(0)(window)
        window.close()
        return 0

    monkeypatch.setattr(QApplication, "exec", stand_in)
    yield turns
    for window in windows:
        window.deleteLater()
    QApplication.processEvents()
