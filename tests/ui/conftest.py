"""UI fixtures: a demo database prepared once per session, copied for each test."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from outreach.setup import open_database, prepare_database
from outreach.storage.database import Database
from ui.change_bus import ChangeBus
from ui.services import AppServices
from ui.undo import UndoRunner


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("template") / "demo.db"
    prepare_database(path, demo_on_first_run=True, create=True).close()
    return path


@pytest.fixture
def demo_db_path(demo_template: Path, tmp_path: Path) -> Path:
    path = tmp_path / "demo.db"
    shutil.copy(demo_template, path)
    return path


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """QSettings go to a temporary folder, never the user's."""
    from PySide6.QtCore import QSettings

    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path))


@pytest.fixture
def app_db(demo_db_path: Path) -> Iterator[Database]:
    """A fresh copy of the demo database, open."""
    db = open_database(demo_db_path, actor="test-officer", create=True)
    yield db
    db.close()


@pytest.fixture
def app_services(app_db: Database) -> AppServices:
    """The services over a fresh copy of the demo database."""
    return AppServices.over(app_db)


@pytest.fixture
def change_bus(app_db: Database, qtbot: QtBot) -> ChangeBus:
    """The commit notices of `app_db`, as the app's change bus carries them."""
    bus = ChangeBus()
    app_db.subscribe(bus.publish)
    return bus


@pytest.fixture
def undo_runner(qtbot: QtBot) -> UndoRunner:
    """An undo stack and runner whose error messages have a parent window."""
    parent = QWidget()
    qtbot.addWidget(parent)
    return UndoRunner(QUndoStack(parent), parent)


@pytest.fixture
def messages(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The warnings the app would have shown (a modal box would block the test)."""
    shown: list[str] = []

    def warning(_parent: object, _title: str, text: str, *_args: object) -> object:
        shown.append(text)
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "warning", warning)
    return shown


@pytest.fixture
def boxes(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """The warnings and notices the app would have shown, with their titles."""
    shown: list[tuple[str, str]] = []

    def box(_parent: object, title: str, text: str, *_args: object) -> object:
        shown.append((title, text))
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "warning", box)
    monkeypatch.setattr(QMessageBox, "information", box)
    return shown
