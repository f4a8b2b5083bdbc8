"""The desktop app's start: the window first, then the database and the pages.

Only Qt and the window's frame load before the window shows; the data layer, the pages
and what they need load after (`ui.desktop`), while the window says it is opening.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from outreach.paths import app_icon
from ui.i18n import chosen_language, install_language
from ui.main_window import opening_window

if TYPE_CHECKING:
    from outreach.storage.location import Location

ORGANIZATION = "Outreach"
APPLICATION = "Outreach"


def make_application(argv: list[str]) -> QApplication:
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(argv)
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    app.setDesktopFileName("outreach")  # the menu entry `outreach desktop-entry` writes
    app.setWindowIcon(QIcon(str(app_icon())))
    install_language(app, chosen_language(QSettings()))
    return app


def main(location: Location | Path | str) -> int:
    """Show the window for `location` (a file's path, a server's URL, or either read
    already), then open the database in it and run the app."""
    app = make_application(sys.argv)
    window = opening_window(name_while_opening(location))
    from ui.desktop import run  # after the window shows: the data layer and the pages

    return run(app, location, window)


def name_while_opening(location: Location | Path | str) -> str:
    """The database's name in the title while it opens: a file's name; a server's only
    once its address is read, as that may hold a password."""
    if isinstance(location, str):
        return "" if "://" in location else Path(location).name
    return location.name
