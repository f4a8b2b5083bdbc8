"""Choosing the database (File ▸ Open…, Open recent) and a window over a desk's server:
its title, the connection in the status bar, and other officers' changes shown live."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from outreach.services.contacts import ContactService
from outreach.setup import open_database, prepare_database
from outreach.storage.location import FileLocation, ServerLocation, parse_location
from tests.postgres_server import TestServer
from ui.contacts.page import ContactsPage
from ui.databases import RECENT_MAX, OpenDatabaseDialog, RecentDatabases
from ui.desktop import DesktopApp

from .desktop import open_app


def test_recent_databases_newest_first_once_each_and_never_a_password() -> None:
    recent = RecentDatabases(QSettings())
    recent.add(parse_location("/tmp/a.db"))
    recent.add(parse_location("postgresql://officer:s3cret@db.example.org:5432/desk"))
    recent.add(parse_location("/tmp/a.db"))
    assert recent.entries() == ["/tmp/a.db", "postgresql://officer@db.example.org:5432/desk"]
    assert "s3cret" not in str(QSettings().value("databases/recent"))
    for number in range(RECENT_MAX + 3):
        recent.add(parse_location(f"/tmp/{number}.db"))
    assert len(recent.entries()) == RECENT_MAX


def test_the_open_dialog_takes_a_path_or_a_url_and_refuses_anything_else(
    qtbot: QtBot, messages: list[str]
) -> None:
    dialog = OpenDatabaseDialog()
    qtbot.addWidget(dialog)
    dialog.where.setText("ftp://example.org/campaign.db")
    dialog.accept()
    assert dialog.chosen is None  # refused: the dialog stays, with what was typed
    assert dialog.where.text() == "ftp://example.org/campaign.db"
    assert messages and "not a database Outreach can open" in messages[0]
    dialog.where.setText("postgresql://officer@/desk?host=/run/postgresql")
    dialog.accept()
    assert isinstance(dialog.chosen, ServerLocation)
    dialog.where.setText("~/campaign.db")
    dialog.accept()
    assert isinstance(dialog.chosen, FileLocation)


@pytest.fixture
def server_desktop(
    qtbot: QtBot, pg_server: TestServer, pg_templates: dict[str, str]
) -> Iterator[tuple[DesktopApp, str]]:
    name = pg_server.new_database(template=pg_templates["reference"])
    url = pg_server.url(name)
    prepare_database(url, demo_on_first_run=True, create=True).close()
    desktop = open_app(qtbot, parse_location(url))
    yield desktop, url
    desktop.window.close()
    desktop.window.deleteLater()
    qtbot.wait(50)


def test_a_window_on_a_server_says_so_and_shows_other_officers_changes_live(
    qtbot: QtBot, server_desktop: tuple[DesktopApp, str]
) -> None:
    desktop, url = server_desktop
    assert " on " in desktop.window.windowTitle()  # "Outreach — test_3 on /tmp/…"
    qtbot.waitUntil(lambda: "Connected" in desktop.window.connection_label.text(), timeout=3000)
    contacts = desktop.window.show_page(ContactsPage)
    assert isinstance(contacts, ContactsPage)
    other = open_database(url, create=True)  # another officer, elsewhere
    try:
        with qtbot.waitSignal(desktop.bus.changed, timeout=2000):  # within two seconds
            ContactService(other).create("Newcomer", given_name="Live")
    finally:
        other.close()

    def shown() -> bool:
        rows = (contacts.model.record_at(row) for row in range(contacts.model.rowCount()))
        return any(record.family_name == "Newcomer" for record in rows if record)

    qtbot.waitUntil(shown, timeout=2000)


def test_open_recent_closes_this_window_for_the_next(
    qtbot: QtBot, server_desktop: tuple[DesktopApp, str], tmp_path: object
) -> None:
    desktop, _url = server_desktop
    desktop.switch_to(parse_location(f"{tmp_path}/other.db"))
    assert not desktop.window.isVisible()
    assert desktop.next_location == FileLocation(parse_location(f"{tmp_path}/other.db").path)
