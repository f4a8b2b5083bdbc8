"""Encrypted database files in the app: the passphrase asked at start (three tries, the
system keyring if the officer wants it), the lock in the title bar, and File ▸ Encrypt /
Decrypt this database… (no modal box is left open: each is answered by a stub)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import keyring
import keyring.backend
import keyring.backends.fail
import keyring.errors
import pytest
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QDialog, QLineEdit, QMessageBox
from pytestqt.qtbot import QtBot

from outreach.errors import OutreachError
from outreach.storage import backups, encryption, sqlite_file
from outreach.storage.location import FileLocation
from ui import app as app_module
from ui import passphrase as passphrase_module
from ui.actions import ActionId
from ui.desktop import build_app
from ui.encryption import Conversion
from ui.main_window import MainWindow
from ui.passphrase import (
    NewPassphraseDialog,
    PassphraseDialog,
    SystemKeyring,
    ask_passphrase,
    opened_with_passphrase,
)
from ui.widgets.export_list import export_list

from .desktop import Turn

PASSPHRASE = "correct horse battery"


class MemoryKeyring(keyring.backend.KeyringBackend):
    """A keyring in a dict: the tests never touch the computer's own."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.kept: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.kept.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.kept[service, username] = password

    def delete_password(self, service: str, username: str) -> None:
        if self.kept.pop((service, username), None) is None:
            raise keyring.errors.PasswordDeleteError(username)


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    before = keyring.get_keyring()
    kept = MemoryKeyring()
    keyring.set_keyring(kept)
    yield kept
    keyring.set_keyring(before)


@pytest.fixture
def no_keyring() -> Iterator[None]:
    before = keyring.get_keyring()
    keyring.set_keyring(keyring.backends.fail.Keyring())
    yield
    keyring.set_keyring(before)


@pytest.fixture
def encrypted_path(demo_db_path: Path) -> Path:
    encryption.encrypt_file(demo_db_path, PASSPHRASE)
    return demo_db_path


class Officer:
    """Answers the passphrase dialog: one answer per time it is asked."""

    def __init__(self, *answers: tuple[str, bool] | None) -> None:
        self.answers = list(answers)
        self.problems: list[str] = []

    def __call__(self, name: str, why_no_keyring: str, problem: str) -> tuple[str, bool] | None:
        self.problems.append(problem)
        return self.answers.pop(0)


def opener(location: FileLocation) -> tuple[list[str | None], object]:
    tried: list[str | None] = []

    def open_with(key: str | None) -> str:
        tried.append(key)
        from outreach.setup import open_database

        open_database(location, passphrase=key).close()
        return "opened"

    return tried, open_with


def test_the_dialog_hides_the_passphrase_and_says_why_there_is_no_keyring(
    qtbot: QtBot, no_keyring: None
) -> None:
    why = SystemKeyring().why_unavailable()
    assert "no system keyring" in why
    dialog = PassphraseDialog("campaign.db", why)
    qtbot.addWidget(dialog)
    assert dialog.field.echoMode() == QLineEdit.EchoMode.Password
    assert not dialog.remember.isEnabled()
    assert dialog.remember.toolTip() == why


def test_the_real_dialog_answers_what_was_typed(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, memory_keyring: MemoryKeyring
) -> None:
    def typed(dialog: QDialog) -> bool:
        assert isinstance(dialog, PassphraseDialog)
        assert dialog.remember.isEnabled()  # a keyring is there
        assert "The passphrase is wrong" in dialog.problem.text()
        dialog.field.setText(PASSPHRASE)
        dialog.remember.setChecked(True)
        dialog.deleteLater()
        return True

    monkeypatch.setattr(passphrase_module, "accepted", typed)
    answer = ask_passphrase("campaign.db", "", "The passphrase is wrong.")
    assert answer == (PASSPHRASE, True)


def test_three_wrong_passphrases_open_nothing(
    encrypted_path: Path, memory_keyring: MemoryKeyring
) -> None:
    location = FileLocation(encrypted_path)
    tried, open_with = opener(location)
    officer = Officer(("one", False), ("two", False), ("three", False))
    with pytest.raises(OutreachError, match="Three wrong passphrases; nothing was opened"):
        opened_with_passphrase(location, open_with, ask=officer)  # type: ignore[arg-type]
    assert tried == [None, "one", "two", "three"]
    assert officer.problems[0] == ""
    assert "The passphrase is wrong" in officer.problems[1]
    assert "2 more tries" in officer.problems[1]
    assert memory_keyring.kept == {}


def test_the_right_passphrase_is_kept_in_the_keyring_when_asked(
    encrypted_path: Path, memory_keyring: MemoryKeyring
) -> None:
    location = FileLocation(encrypted_path)
    tried, open_with = opener(location)
    officer = Officer(("wrong passphrase", True), (PASSPHRASE, True))
    assert opened_with_passphrase(location, open_with, ask=officer) == "opened"  # type: ignore[arg-type]
    assert memory_keyring.kept == {("Outreach", str(encrypted_path)): PASSPHRASE}
    tried.clear()
    nobody = Officer()  # asked again, it would fail: the keyring answers
    assert opened_with_passphrase(location, open_with, ask=nobody) == "opened"  # type: ignore[arg-type]
    assert tried == [None, PASSPHRASE]
    assert nobody.problems == []


def test_cancelling_opens_nothing(encrypted_path: Path, memory_keyring: MemoryKeyring) -> None:
    location = FileLocation(encrypted_path)
    _tried, open_with = opener(location)
    with pytest.raises(OutreachError, match="needs its passphrase"):
        opened_with_passphrase(location, open_with, ask=Officer(None))  # type: ignore[arg-type]


def test_the_title_shows_a_lock_and_the_menu_offers_decrypt(
    qtbot: QtBot, encrypted_path: Path
) -> None:
    desktop = build_app(encrypted_path, PASSPHRASE)
    qtbot.addWidget(desktop.window)
    assert f"🔒 {encrypted_path.name}" in desktop.window.windowTitle()
    actions = desktop.window.actions_
    assert actions[ActionId.DECRYPT].isEnabled()
    desktop.window.close()


def test_a_plain_file_has_no_lock_and_can_be_encrypted_from_the_menu(
    qtbot: QtBot, demo_db_path: Path, memory_keyring: MemoryKeyring
) -> None:
    desktop = build_app(demo_db_path)
    qtbot.addWidget(desktop.window)
    assert "🔒" not in desktop.window.windowTitle()
    assert desktop.window.actions_[ActionId.ENCRYPT].isEnabled()
    desktop.convert(Conversion(new_passphrase=PASSPHRASE))  # as the dialogs would choose
    assert desktop.next_location == desktop.db.location  # the window closed for it
    desktop.finish()
    assert sqlite_file.is_encrypted(demo_db_path)
    assert desktop.next_passphrase == PASSPHRASE  # the file opens again without asking
    again = build_app(demo_db_path, desktop.next_passphrase)
    qtbot.addWidget(again.window)
    assert "🔒" in again.window.windowTitle()
    again.convert(Conversion(current=PASSPHRASE))
    again.finish()
    assert not sqlite_file.is_encrypted(demo_db_path)
    assert again.next_passphrase is None


def test_a_new_passphrase_is_eight_characters_typed_twice(qtbot: QtBot) -> None:
    dialog = NewPassphraseDialog("campaign.db")
    qtbot.addWidget(dialog)
    dialog.first.setText("short")
    dialog.second.setText("short")
    dialog.accept()
    assert dialog.chosen is None
    assert "at least 8 characters" in dialog.problem.text()
    dialog.first.setText(PASSPHRASE)
    dialog.second.setText(PASSPHRASE + "!")
    dialog.accept()
    assert dialog.chosen is None
    assert "differ" in dialog.problem.text()
    dialog.second.setText(PASSPHRASE)
    dialog.accept()
    assert dialog.chosen == PASSPHRASE


def test_exporting_a_list_from_an_encrypted_database_asks_first(
    qtbot: QtBot, encrypted_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[str] = []
    answer = [QMessageBox.StandardButton.Cancel]

    def question(_parent: object, _title: str, text: str, *_args: object) -> object:
        asked.append(text)
        return answer[0]

    monkeypatch.setattr(QMessageBox, "question", question)
    desktop = build_app(encrypted_path, PASSPHRASE)
    qtbot.addWidget(desktop.window)
    model = QStandardItemModel(1, 1)
    model.setItem(0, 0, QStandardItem("Cambodia"))
    out = tmp_path / "states.csv"
    assert export_list(desktop.window, model, "States", path=out) is None
    assert asked and "will not be" in asked[0]
    assert not out.exists()
    answer[0] = QMessageBox.StandardButton.Yes
    assert export_list(desktop.window, model, "States", path=out) == out
    assert "Cambodia" in out.read_text(encoding="utf-8-sig")
    desktop.window.close()


def test_the_app_asks_the_passphrase_at_start_and_decrypts_from_the_menu(
    qtbot: QtBot,
    encrypted_path: Path,
    event_loop_turns: list[Turn],
    monkeypatch: pytest.MonkeyPatch,
    memory_keyring: MemoryKeyring,
) -> None:
    typed = ["wrong passphrase", PASSPHRASE]
    problems: list[str] = []

    def type_one(dialog: PassphraseDialog) -> int:
        problems.append(dialog.problem.text())
        dialog.field.setText(typed.pop(0))
        return QDialog.DialogCode.Accepted.value

    monkeypatch.setattr(PassphraseDialog, "exec", type_one)
    monkeypatch.setattr(QMessageBox, "question", lambda *_args: QMessageBox.StandardButton.Yes)
    titles: list[str] = []

    def decrypt(window: MainWindow) -> None:
        titles.append(window.windowTitle())
        window.actions_[ActionId.DECRYPT].trigger()

    event_loop_turns.append(decrypt)
    event_loop_turns.append(lambda window: titles.append(window.windowTitle()))

    assert app_module.main(encrypted_path) == 0

    assert typed == []  # asked twice: the wrong one, then the right one
    assert "The passphrase is wrong" in problems[1]
    assert titles == [f"Outreach — 🔒 {encrypted_path.name}", f"Outreach — {encrypted_path.name}"]
    assert not sqlite_file.is_encrypted(encrypted_path)


def test_encrypting_from_the_menu_reopens_the_file_without_asking(
    qtbot: QtBot,
    demo_db_path: Path,
    event_loop_turns: list[Turn],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def choose(dialog: NewPassphraseDialog) -> int:
        dialog.first.setText(PASSPHRASE)
        dialog.second.setText(PASSPHRASE)
        dialog.accept()
        return QDialog.DialogCode.Accepted.value

    def never(_dialog: PassphraseDialog) -> int:
        raise AssertionError("the passphrase was asked again")

    asked: list[str] = []

    def delete_them(_parent: object, _title: str, text: str, *_args: object) -> object:
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(NewPassphraseDialog, "exec", choose)
    monkeypatch.setattr(PassphraseDialog, "exec", never)
    monkeypatch.setattr(QMessageBox, "question", delete_them)
    titles: list[str] = []
    event_loop_turns.append(lambda window: window.actions_[ActionId.ENCRYPT].trigger())
    event_loop_turns.append(lambda window: titles.append(window.windowTitle()))

    assert app_module.main(demo_db_path) == 0

    assert titles == [f"Outreach — 🔒 {demo_db_path.name}"]
    assert sqlite_file.is_encrypted(demo_db_path)
    assert len(asked) == 1 and "plain-text copies" in asked[0]  # the daily backup made at start
    kept = backups.list_backups(demo_db_path)
    assert [backup.reason for backup in kept] == ["encrypted"]  # the plain one is gone
    assert sqlite_file.is_encrypted(kept[0].path)
