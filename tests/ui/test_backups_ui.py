"""Backups in the app: File ▸ Restore from backup…, the latest good backup offered for
a damaged file at start, and the daily backup when the app starts.

`main` runs whole, its event loop replaced by a stand-in that plays the officer's part
and closes the window (no modal box is left open: each one is answered by a stub)."""

from __future__ import annotations

import hashlib
import threading
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QDialog, QMessageBox
from pytestqt.qtbot import QtBot

from outreach.errors import OutreachError
from outreach.services.contacts import ContactService
from outreach.setup import open_database
from outreach.storage import backups
from tests.conftest import scribble
from ui import app as app_module
from ui.actions import ActionId
from ui.backups import RestoreBackupDialog

from .desktop import Turn, answer_boxes, open_app


def contact_names(path: Path) -> set[str]:
    database = open_database(path)
    try:
        return {record.family_name for record in ContactService(database).list()}
    finally:
        database.close()


def add_contact(path: Path, family_name: str) -> None:
    database = open_database(path)
    try:
        ContactService(database).create(family_name)
    finally:
        database.close()


@pytest.fixture
def answers(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every question asked is answered Yes; the texts are kept."""
    return answer_boxes(
        monkeypatch, ("question",), lambda _title, text: text, QMessageBox.StandardButton.Yes
    )


def test_restore_from_the_file_menu_puts_the_backup_back_and_reopens_it(
    qtbot: QtBot,
    demo_db_path: Path,
    event_loop_turns: list[Turn],
    answers: list[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    backup = backups.make_backup(demo_db_path, "manual")
    add_contact(demo_db_path, "Saved-after-the-backup")
    shown: list[list[str]] = []

    def choose_the_newest(dialog: RestoreBackupDialog) -> int:
        shown.append([dialog.table.item(0, column).text() for column in range(3)])
        dialog.table.selectRow(0)
        dialog.accept()
        return QDialog.DialogCode.Accepted.value

    monkeypatch.setattr(RestoreBackupDialog, "exec", choose_the_newest)
    seen_after: list[str] = []
    event_loop_turns.append(lambda window: window.actions_[ActionId.RESTORE_BACKUP].trigger())
    event_loop_turns.append(lambda window: seen_after.append(window.windowTitle()))

    assert app_module.main(demo_db_path) == 0

    assert shown == [[backups.taken_text(backup), "on request", backups.size_text(backup.size)]]
    assert len(answers) == 1 and "Replace demo.db with the backup taken" in answers[0]
    assert seen_after == ["Outreach — demo.db"]  # the file opened again
    assert "Saved-after-the-backup" not in contact_names(demo_db_path)
    [aside] = demo_db_path.parent.glob("demo.before-restore-*.db")
    assert "Saved-after-the-backup" in contact_names(aside)


def test_cancelling_the_confirmation_changes_nothing(
    qtbot: QtBot, demo_db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    backups.make_backup(demo_db_path, "manual")
    desktop = open_app(qtbot, demo_db_path)
    monkeypatch.setattr(
        RestoreBackupDialog,
        "exec",
        lambda dialog: dialog.accept() or QDialog.DialogCode.Accepted.value,
    )
    monkeypatch.setattr(QMessageBox, "question", lambda *_a: QMessageBox.StandardButton.Cancel)
    desktop.window.actions_[ActionId.RESTORE_BACKUP].trigger()
    assert desktop.restore_from is None and desktop.window.isVisible()
    assert not list(demo_db_path.parent.glob("demo.before-restore-*"))


def test_with_no_backup_yet_the_menu_says_when_and_where_they_are_made(
    qtbot: QtBot, demo_db_path: Path, boxes: list[tuple[str, str]]
) -> None:
    desktop = open_app(qtbot, demo_db_path)
    desktop.window.actions_[ActionId.RESTORE_BACKUP].trigger()
    [(title, text)] = boxes
    assert title == "Restore from backup"
    assert "no backup of demo.db yet" in text and str(backups.backup_folder(demo_db_path)) in text
    assert desktop.restore_from is None and desktop.window.isVisible()


def test_a_damaged_file_at_start_is_offered_its_latest_good_backup(
    qtbot: QtBot, demo_db_path: Path, event_loop_turns: list[Turn], answers: list[str]
) -> None:
    good = backups.make_backup(demo_db_path, "daily")
    newer = backups.make_backup(demo_db_path, "import")
    scribble(newer.path, pages=38)  # the newest backup is damaged too: the one before is offered
    scribble(demo_db_path, pages=38)
    titles: list[str] = []
    event_loop_turns.append(lambda window: titles.append(window.windowTitle()))

    assert app_module.main(demo_db_path) == 0

    assert len(answers) == 1
    assert "damaged" in answers[0] and backups.taken_text(good) in answers[0]
    assert titles == ["Outreach — demo.db"]  # it opened, from the good backup
    assert contact_names(demo_db_path)  # the demo's contacts are back
    assert list(demo_db_path.parent.glob("demo.before-restore-*.db"))  # the damaged file kept


def test_declining_the_offer_leaves_the_damaged_file_as_it_was(
    qtbot: QtBot, demo_db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    backups.make_backup(demo_db_path, "daily")
    scribble(demo_db_path, pages=38)
    before = hashlib.sha256(demo_db_path.read_bytes()).hexdigest()
    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "question", lambda *_a: QMessageBox.StandardButton.Cancel)
    monkeypatch.setattr(QMessageBox, "critical", lambda _p, _t, text, *_a: said.append(text))

    assert app_module.main(demo_db_path) == 1

    assert len(said) == 1 and "damaged" in said[0]
    assert hashlib.sha256(demo_db_path.read_bytes()).hexdigest() == before
    assert not list(demo_db_path.parent.glob("demo.before-restore-*"))


def test_the_app_start_makes_a_backup_when_the_newest_is_older_than_a_day(
    qtbot: QtBot, demo_db_path: Path, event_loop_turns: list[Turn]
) -> None:
    assert app_module.main(demo_db_path) == 0
    [first] = backups.list_backups(demo_db_path)
    assert first.reason == "daily"

    assert app_module.main(demo_db_path) == 0  # the same day: nothing new
    assert backups.list_backups(demo_db_path) == [first]


def test_the_daily_backup_is_made_off_the_window_s_thread(
    qtbot: QtBot,
    demo_db_path: Path,
    event_loop_turns: list[Turn],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    threads: list[threading.Thread] = []
    make = backups.backup_if_stale

    def recording(*args: Any, **kwargs: Any) -> backups.Backup | None:
        threads.append(threading.current_thread())
        return make(*args, **kwargs)

    monkeypatch.setattr(backups, "backup_if_stale", recording)
    assert app_module.main(demo_db_path) == 0
    assert len(threads) == 1 and threads[0] is not threading.main_thread()
    assert [backup.reason for backup in backups.list_backups(demo_db_path)] == ["daily"]


def test_a_daily_backup_that_fails_is_said_in_the_status_bar(
    qtbot: QtBot, demo_db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def full_disk(*_args: Any, **_kwargs: Any) -> None:
        raise OutreachError("The disk is full.")

    monkeypatch.setattr(backups, "backup_if_stale", full_disk)
    desktop = open_app(qtbot, demo_db_path)
    desktop.start_daily_backup()
    status = desktop.window.statusBar()
    qtbot.waitUntil(lambda: "No backup was made: The disk is full." in status.currentMessage())
