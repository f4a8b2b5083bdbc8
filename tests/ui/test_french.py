"""The app in French: every page, and every dialog the menus open, shows no English
text of ours.

The English texts looked for are the catalogues' sources whose French differs (so
"Date" or "Notes", the same in both, are not counted): a widget still showing one of
them was missed (a string not marked for translation, or marked in a context Qt does not
look up at run time). Dialogs are met by triggering every action of the window on every
page, with their `exec`/`open` and the file and message boxes answered at once.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from functools import cache
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QTableView,
    QTabWidget,
    QTextBrowser,
    QTreeView,
    QWidget,
)
from pytestqt.qtbot import QtBot

from outreach import i18n
from ui.desktop import DesktopApp
from ui.i18n import install_language

from .desktop import open_app
from .dialogs_met import Met, catch_dialogs, click_every_pages_button, trigger_every_action

I18N = Path(__file__).parents[2] / "resources" / "i18n"


def _plain(text: str) -> str:
    """A text as compared: no accelerator, no trailing ellipsis or colon, no tags."""
    text = re.sub(r"<[^>]+>", " ", text).replace("&&", "\0").replace("&", "").replace("\0", "&")
    return text.strip().rstrip("…:").strip()


@cache
def english_sources() -> frozenset[str]:
    """Every source text whose French differs from it, and that is not also the French
    of another message ("Position" is a stance in French, a job in English)."""
    english, french = set(), set()
    for message in ET.parse(I18N / "outreach_fr.ts").getroot().iter("message"):
        translation = message.find("translation")
        english.add(_plain(message.findtext("source") or ""))
        french.add(_plain("" if translation is None else "".join(translation.itertext())))
    with (I18N / "fr" / "LC_MESSAGES" / "outreach.po").open("rb") as catalogue:
        for entry in read_po(catalogue, locale="fr"):
            if isinstance(entry.id, str) and isinstance(entry.string, str):
                english.add(_plain(entry.id))
                french.add(_plain(entry.string))
    return frozenset(
        text for text in english - french if text and "{" not in text and "%" not in text
    )


def _header_texts(view: QAbstractItemView) -> Iterator[str]:
    header = view.horizontalHeader() if isinstance(view, QTableView) else None
    if isinstance(view, QTreeView):
        header = view.header()
    model = view.model()
    if header is None or model is None:
        return
    for column in range(header.count()):
        value = model.headerData(column, Qt.Orientation.Horizontal)
        if isinstance(value, str):
            yield value


def shown_texts(top: QWidget) -> Iterator[tuple[str, str]]:
    """(where, text) for what a user reads in `top` and its visible children."""
    for widget in [top, *top.findChildren(QWidget)]:
        if widget is not top and not widget.isVisibleTo(top):
            continue
        where = f"{type(top).__name__} › {type(widget).__name__} {widget.objectName()}"
        texts = [widget.toolTip(), widget.windowTitle() if widget.isWindow() else ""]
        if isinstance(widget, QLabel | QAbstractButton):
            texts.append(widget.text())
        if isinstance(widget, QGroupBox):
            texts.append(widget.title())
        if isinstance(widget, QLineEdit):
            texts.append(widget.placeholderText())
        if isinstance(widget, QTabWidget):
            texts += [widget.tabText(index) for index in range(widget.count())]
        if isinstance(widget, QComboBox):
            texts += [widget.itemText(index) for index in range(widget.count())]
        if isinstance(widget, QAbstractItemView):
            texts += list(_header_texts(widget))
        if isinstance(widget, QTextBrowser):  # a profile: its headings and labels
            texts += widget.toPlainText().splitlines()
        for text in texts:
            if text:
                yield where, text
    for action in top.findChildren(QAction):
        yield f"{type(top).__name__} › action", action.text()


def english_in(top: QWidget) -> list[str]:
    sources = english_sources()
    return sorted(
        {f"{where}: {text!r}" for where, text in shown_texts(top) if _plain(text) in sources}
    )


@pytest.fixture
def french(qapp: QApplication) -> Iterator[None]:
    install_language(qapp, "fr")
    yield
    install_language(qapp, "en")


@pytest.fixture
def desktop(french: None, qtbot: QtBot, demo_db_path: Path) -> DesktopApp:
    return open_app(qtbot, demo_db_path)


@pytest.fixture
def met_dialogs(monkeypatch: pytest.MonkeyPatch) -> Met:
    """Every dialog opened is read and closed at once; what was English in it is kept."""

    def read_box(title: str, text: str) -> list[str]:
        sources = english_sources()
        return [f"box: {part!r}" for part in (title, text) if _plain(part) in sources]

    return catch_dialogs(monkeypatch, english_in, read_box)


def test_the_catalogues_give_french_to_every_page(desktop: DesktopApp, qtbot: QtBot) -> None:
    assert i18n.current_language() == "fr"
    desktop.show_state(desktop.services.states.get("KHM").id)  # its profile is shown
    english = english_in(desktop.window)
    for page_type in desktop.window.page_types():
        page = desktop.window.show_page(page_type)
        qtbot.wait(50)
        english += english_in(page)
    assert english == []


def test_every_dialog_the_menus_open_is_in_french(
    desktop: DesktopApp, met_dialogs: Met, qtbot: QtBot
) -> None:
    trigger_every_action(desktop, qtbot)
    assert sorted(set(met_dialogs.found)) == []
    assert {
        "LogContactDialog",
        "DemarcheDialog",
        "GoToStateDialog",
        "SearchDialog",
        "PrintSettingsDialog",
        "PreferencesDialog",
        "ShortcutsDialog",
        "CategoriesDialog",
        "OpenDatabaseDialog",
        "AssignDialog",
        "ContactDialog",
        "OrganizationDialog",
        "MeetingDialog",
        "UntcImportDialog",
        "ContactsImportDialog",
        "DuplicatesDialog",
    } <= met_dialogs.kinds, met_dialogs.kinds


def _accelerator(text: str) -> str | None:
    match = re.search(r"&([^&])", text.replace("&&", ""))
    return match.group(1).casefold() if match else None


@pytest.mark.parametrize("language", ["en", "fr"])
def test_no_two_entries_of_a_menu_share_an_accelerator(
    qapp: QApplication, qtbot: QtBot, demo_db_path: Path, language: str
) -> None:
    install_language(qapp, language)
    try:
        desktop = open_app(qtbot, demo_db_path)
        menus = [action.menu() for action in desktop.window.menuBar().actions()]
        bar = [_accelerator(action.text()) for action in desktop.window.menuBar().actions()]
        clashes = [letter for letter in set(bar) if letter and bar.count(letter) > 1]
        for menu in menus:
            assert menu is not None
            letters = [_accelerator(action.text()) for action in menu.actions()]
            clashes += [
                f"{menu.title()}: {letter}"
                for letter in set(letters)
                if letter and letters.count(letter) > 1
            ]
        assert clashes == []
    finally:
        install_language(qapp, "en")


def test_every_dialog_the_pages_buttons_open_is_in_french(
    desktop: DesktopApp, met_dialogs: Met, qtbot: QtBot
) -> None:
    """The pages' own buttons (New meeting…, Plan…, Obligations…, Add a fact…) open
    the dialogs the menus do not; each on a page with its first record selected."""
    click_every_pages_button(desktop, qtbot)
    assert sorted(set(met_dialogs.found)) == []
    assert {
        "ParticipationDialog",
        "ObligationsDialog",
        "FactDialog",
        "InterventionDialog",
        "AttendeeDialog",
    } <= met_dialogs.kinds, met_dialogs.kinds
