"""The composition root: opens the database, builds services and the window, runs Qt.

Nothing here is global: each piece gets what it needs passed in.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication, QMessageBox

from outreach.errors import OutreachError
from outreach.services.states import StateService
from outreach.setup import prepare_database
from ui.change_bus import ChangeBus
from ui.main_window import MainWindow

ORGANIZATION = "Outreach"
APPLICATION = "Outreach"


def make_application(argv: list[str]) -> QApplication:
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(argv)
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    return app


def build_main_window(db_path: Path) -> MainWindow:
    """Open the database (the demo on a first run) and wire the window to it."""
    db = prepare_database(db_path, demo_on_first_run=True)
    bus = ChangeBus()
    db.subscribe(bus.publish)
    window = MainWindow(StateService(db), bus, db_path.name)
    bus.setParent(window)
    window.destroyed.connect(db.close)
    return window


def main(db_path: Path) -> int:
    app = make_application(sys.argv)
    try:
        window = build_main_window(db_path)
    except OutreachError as error:
        QMessageBox.critical(None, app.tr("Outreach cannot open the database"), str(error))
        return 1
    window.show()
    return app.exec()
