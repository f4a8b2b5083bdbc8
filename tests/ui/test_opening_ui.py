"""Opening in the app: File ▸ New database…, a path that finds nothing, and a file
opened read-only saying so in the title and the status bar."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from outreach.errors import MissingDatabaseError
from outreach.setup import open_database
from outreach.setup.reference import is_loaded
from outreach.storage.location import FileLocation
from tests.reliability.read_only import read_only_folder_holding
from ui.actions import ActionId
from ui.desktop import build_app

from .desktop import open_app


def choose_to_save_as(monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *_args, **_kw: (str(path), "Outreach databases")
    )


def test_new_database_makes_a_file_with_the_reference_data_and_opens_it(
    qtbot: QtBot, demo_db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    desktop = open_app(qtbot, demo_db_path)
    choose_to_save_as(monkeypatch, tmp_path / "kenya-desk")
    desktop.window.actions_[ActionId.NEW_DATABASE].trigger()
    made = tmp_path / "kenya-desk.db"
    assert desktop.next_location == FileLocation(made)
    db = open_database(made)
    try:
        assert is_loaded(db)
    finally:
        db.close()


def test_new_database_never_overwrites_a_file(
    qtbot: QtBot,
    demo_db_path: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    messages: list[str],
) -> None:
    desktop = open_app(qtbot, demo_db_path)
    existing = tmp_path / "other.db"
    existing.write_bytes(b"precious")
    choose_to_save_as(monkeypatch, existing)
    desktop.window.actions_[ActionId.NEW_DATABASE].trigger()
    assert desktop.next_location is None
    assert existing.read_bytes() == b"precious"
    assert any("already exists" in text for text in messages)


def test_a_path_that_finds_nothing_is_an_error_not_a_new_database(tmp_path: Path) -> None:
    with pytest.raises(MissingDatabaseError):
        build_app(tmp_path / "campaing.db")
    assert list(tmp_path.iterdir()) == []


def test_a_read_only_file_says_so_in_the_title_and_the_status_bar(
    qtbot: QtBot, demo_db_path: Path, tmp_path: Path
) -> None:
    with read_only_folder_holding(demo_db_path, tmp_path / "ro") as copy:
        desktop = open_app(qtbot, copy)
        try:
            assert desktop.window.windowTitle().endswith("demo.db (read-only)")
            assert "read-only" in desktop.window.connection_label.text()
        finally:
            desktop.window.close()
            desktop.db.close()
