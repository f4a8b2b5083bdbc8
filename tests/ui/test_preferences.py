"""Edit ▸ Preferences…: the interface language, kept for the next start."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, QSettings
from PySide6.QtWidgets import QApplication, QDialogButtonBox
from pytestqt.qtbot import QtBot

from outreach import i18n
from ui.i18n import LANGUAGE_KEY, chosen_language, install_language
from ui.preferences import PreferencesDialog
from ui.services import AppServices
from ui.undo import UndoRunner

from .modal import drive_modal


@pytest.fixture
def english_afterwards() -> Iterator[None]:
    yield
    install_language(QApplication.instance(), "en")


def _choose(dialog: PreferencesDialog, code: str) -> None:
    dialog.language_box.setCurrentIndex(dialog.language_box.findData(code))


def test_choosing_french_is_kept_for_the_next_start_and_says_so(qtbot: QtBot) -> None:
    dialog = PreferencesDialog(QSettings(), "en")
    qtbot.addWidget(dialog)
    assert dialog.note.text() == ""  # following the system, which speaks English here
    _choose(dialog, "fr")
    assert "Français" in dialog.note.text()
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()
    assert QSettings().value(LANGUAGE_KEY) == "fr"
    assert chosen_language(QSettings()) == "fr"


def test_cancel_keeps_the_language_as_it_was(qtbot: QtBot) -> None:
    QSettings().setValue(LANGUAGE_KEY, "en")
    dialog = PreferencesDialog(QSettings(), "en")
    qtbot.addWidget(dialog)
    _choose(dialog, "fr")
    dialog.reject()
    assert QSettings().value(LANGUAGE_KEY) == "en"


def test_the_first_start_follows_the_system(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(QLocale, "system", staticmethod(lambda: QLocale("fr_CA")))
    assert chosen_language(QSettings()) == "fr"
    monkeypatch.setattr(QLocale, "system", staticmethod(lambda: QLocale("de_DE")))
    assert chosen_language(QSettings()) == "en"  # not spoken: English


def test_french_installs_our_words_qts_and_the_cores_and_the_french_locale(
    english_afterwards: None,
) -> None:
    install_language(QApplication.instance(), "fr")
    assert i18n.current_language() == "fr"
    assert QLocale().language() == QLocale.Language.French
    assert QApplication.translate("actions", "&Quit") == "&Quitter"
    assert QApplication.translate("QPlatformTheme", "Cancel") == "Annuler"  # Qt's own buttons


def test_the_largest_attachment_is_chosen_here_and_garbage_falls_back(qtbot: QtBot) -> None:
    from ui.preferences import ATTACHMENT_LIMIT_KEY, attachment_limit

    dialog = PreferencesDialog(QSettings(), "en")
    qtbot.addWidget(dialog)
    assert dialog.limit_box.value() == 50  # the default
    dialog.limit_box.setValue(5)
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()
    assert attachment_limit(QSettings()) == 5 * 1024 * 1024
    QSettings().setValue(ATTACHMENT_LIMIT_KEY, "lots")
    assert attachment_limit(QSettings()) == 50 * 1024 * 1024
    QSettings().setValue(ATTACHMENT_LIMIT_KEY, 100_000)
    assert attachment_limit(QSettings()) == 500 * 1024 * 1024  # at most 500 MB


def test_me_is_the_default_officer_and_my_desk_signs_the_drafts(
    qtbot: QtBot, services: AppServices, undo_runner: UndoRunner
) -> None:
    from ui.briefing.settings import load_options
    from ui.context import Selection
    from ui.demarches.dialog import DemarcheDialog
    from ui.log.dialog import OFFICER_KEY, LogContactDialog
    from ui.preferences import MARKING_KEY, my_desk

    QSettings().setValue(OFFICER_KEY, "Someone Typed Before")
    dialog = PreferencesDialog(QSettings(), "en")
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.name_edit, "Desk  Officer ")
    qtbot.keyClicks(dialog.desk_edit, "Embassy of Canada in Bangkok")
    dialog.print_name_check.setChecked(True)
    dialog.marking_box.setCurrentIndex(dialog.marking_box.findData("PROTECTED A"))
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()

    log = LogContactDialog(services, undo_runner, Selection())
    qtbot.addWidget(log)
    assert log.officer_edit.text() == "Desk Officer"  # me, not the name typed last time
    demarche = DemarcheDialog(services, undo_runner)
    qtbot.addWidget(demarche)
    assert demarche.officer_edit.text() == "Desk Officer"
    options = load_options(QSettings())
    assert (options.officer, options.marking.value) == ("Desk Officer", "PROTECTED A")
    assert QSettings().value(MARKING_KEY) == "PROTECTED A"
    assert my_desk(QSettings()) == "Embassy of Canada in Bangkok"


def test_without_me_the_name_typed_last_is_kept(
    qtbot: QtBot, services: AppServices, undo_runner: UndoRunner
) -> None:
    from ui.briefing.settings import load_options
    from ui.context import Selection
    from ui.log.dialog import OFFICER_KEY, LogContactDialog

    QSettings().setValue(OFFICER_KEY, "Someone Typed Before")
    log = LogContactDialog(services, undo_runner, Selection())
    qtbot.addWidget(log)
    assert log.officer_edit.text() == "Someone Typed Before"
    assert load_options(QSettings()).officer == ""  # nobody is printed unless asked


def test_mine_in_the_log_and_the_demarches(
    qtbot: QtBot, services: AppServices, undo_runner: UndoRunner
) -> None:
    from ui.demarches.page import DemarchesPage
    from ui.log.page import LogPage
    from ui.preferences import MY_NAME_KEY

    QSettings().setValue(MY_NAME_KEY, "Desk Officer")
    entry = services.log.log(
        "2004-09-01", "call", "My call", states=["KHM"], officer="Desk Officer"
    )
    demarche = services.demarches.create(
        "KHM", "My démarche", "ratify", "call", "director", officer="Desk Officer"
    )
    log = LogPage(services, undo_runner)
    qtbot.addWidget(log)
    log.reload()
    log.mine_only.setChecked(True)
    qtbot.waitUntil(lambda: log.model.rowCount() == 1, timeout=5_000)
    first = log.model.entry_at(0)
    assert first is not None and first.id == entry.id
    demarches = DemarchesPage(services, undo_runner)
    qtbot.addWidget(demarches)
    demarches.reload()
    demarches.mine_only.setChecked(True)
    assert [demarches.model.record_at(row).id for row in range(demarches.model.rowCount())] == [
        demarche.id
    ]


def test_preferences_say_where_my_database_is(qtbot: QtBot, demo_db_path: Path) -> None:
    from .desktop import open_app

    desktop = open_app(qtbot, demo_db_path)
    shown: list[str] = []

    def read(dialog: PreferencesDialog) -> None:
        shown.append(dialog.database_label.text())
        dialog.reject()

    drive_modal(PreferencesDialog, read)
    desktop.window.show_preferences()
    assert shown == [str(demo_db_path)]


def test_on_a_desks_server_my_role_is_the_default_officer(
    qtbot: QtBot, services: AppServices, undo_runner: UndoRunner
) -> None:
    import dataclasses

    from ui.context import Selection
    from ui.log.dialog import OFFICER_KEY, LogContactDialog
    from ui.preferences import MY_NAME_KEY

    on_a_server = dataclasses.replace(services, role="officer_khm")
    QSettings().setValue(OFFICER_KEY, "Someone Typed Before")
    log = LogContactDialog(on_a_server, undo_runner, Selection())
    qtbot.addWidget(log)
    assert log.officer_edit.text() == "officer_khm"
    QSettings().setValue(MY_NAME_KEY, "Desk Officer")  # a name given wins
    again = LogContactDialog(on_a_server, undo_runner, Selection())
    qtbot.addWidget(again)
    assert again.officer_edit.text() == "Desk Officer"
