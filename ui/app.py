"""The desktop app's start: the window first, then the database and the pages.

Only Qt and the window's frame load before the window shows; the data layer, the pages
and what they need load after (`ui.desktop`), while the window says it is opening.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

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
    install_language(app, chosen_language(QSettings()))
    return app


def main(location: Location | Path) -> int:
    """Show the window for `location`, then open the database in it and run the app."""
    app = make_application(sys.argv)
    window = opening_window(location.name)
    # after the window shows: the data layer, the pages and all they need
    from outreach.storage.location import parse_location
    from ui.desktop import run

    return run(app, parse_location(location), window)
