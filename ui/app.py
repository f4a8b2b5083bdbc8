"""The composition root: opens the database, builds services, pages and the window.

Nothing here is global: each piece gets what it needs passed in.
"""

from __future__ import annotations

import sys
from datetime import date, timedelta
from pathlib import Path

from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QApplication, QMessageBox

from outreach.domain.changes import Changes
from outreach.domain.records import LogFilter
from outreach.errors import OutreachError
from outreach.setup import prepare_database
from outreach.storage.database import Database
from ui.categories.dialogs import assign_to_category, manage_categories
from ui.change_bus import ChangeBus
from ui.contacts.page import ContactsPage
from ui.context import Selection
from ui.dashboard.page import DashboardPage
from ui.demarches.dialog import plan_a_demarche
from ui.demarches.page import DemarchesPage
from ui.forums.page import ForumsPage
from ui.goto_state import GoToStateDialog
from ui.log.dialog import log_a_contact
from ui.log.page import LogPage
from ui.main_window import MainWindow, WindowHooks
from ui.organizations.page import OrganizationsPage
from ui.pages import Page
from ui.services import AppServices
from ui.states.page import StatesPage
from ui.undo import UndoRunner

ORGANIZATION = "Outreach"
APPLICATION = "Outreach"


def make_application(argv: list[str]) -> QApplication:
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(argv)
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    return app


class DesktopApp:
    """Holds the window and what it was built from, for as long as the window lives."""

    def __init__(self, db: Database, label: str) -> None:
        self.db = db
        self.services = AppServices.over(db)
        self.bus = ChangeBus()
        self.undo_stack = QUndoStack()
        names = {row.id: row.name for row in self.services.states.list_rows()}
        self.window = MainWindow([], self.undo_stack, label)  # pages added below
        self.undo = UndoRunner(self.undo_stack, self.window)
        self.states_page = StatesPage(self.services, self.undo)
        dashboard = DashboardPage(self.services.dashboard, names)
        dashboard.open_state.connect(self.show_state)
        pages: list[Page] = [
            dashboard,
            self.states_page,
            ContactsPage(self.services, self.undo),
            OrganizationsPage(self.services, self.undo),
            ForumsPage(self.services),
            DemarchesPage(self.services, self.undo),
            LogPage(self.services, self.undo),
        ]
        self.window.set_pages(pages)
        self.window.install_hooks(
            WindowHooks(
                log_contact=lambda selection: self._dialog(log_a_contact, selection),
                plan_demarche=lambda selection: self._dialog(plan_a_demarche, selection),
                go_to_state=self.go_to_state,
                manage_categories=lambda: manage_categories(self.window, self.services, self.undo),
                assign_category=lambda selection: assign_to_category(
                    self.window, self.services, self.undo, selection
                ),
            )
        )
        db.subscribe(self.bus.publish)
        self.bus.changed.connect(self.window.on_changed)
        self.bus.changed.connect(self._refresh_status)
        self.undo_stack.setParent(self.window)
        self.bus.setParent(self.window)
        self.window.destroyed.connect(db.close)
        self._refresh_status(Changes(frozenset()))

    def _dialog(self, opener: object, selection: Selection) -> None:
        opener(self.window, self.services, self.undo, selection)  # type: ignore[operator]

    def show_state(self, state_id: int) -> None:
        self.window.show_page(StatesPage)
        self.states_page.go_to_state(state_id)

    def go_to_state(self) -> None:
        dialog = GoToStateDialog(
            [self.services.states.get(row.id) for row in self.services.states.list_rows()],
            self.window,
        )
        if dialog.exec():
            state_id = dialog.chosen_state_id()
            if state_id is not None:
                self.show_state(state_id)

    def _refresh_status(self, changes: Changes) -> None:
        if changes.entities and not changes.touches("log_entry", "demarche"):
            return
        today = date.today()
        overdue = self.services.log.count(LogFilter(overdue_on=today))
        due_week = self.services.dashboard.due_this_week(today)
        late_demarches = len(self.services.demarches.list(open_only=True, due_before=today))
        self.window.statusBar().showMessage(
            self.window.tr(
                "{0} overdue follow-ups · {1} overdue démarches · {2} due by {3}"
            ).format(overdue, late_demarches, due_week, (today + timedelta(days=7)).isoformat())
        )


def build_app(db_path: Path) -> DesktopApp:
    """Open the database (the demo on a first run) and build the window over it."""
    db = prepare_database(db_path, demo_on_first_run=True)
    return DesktopApp(db, db_path.name)


def main(db_path: Path) -> int:
    app = make_application(sys.argv)
    try:
        desktop = build_app(db_path)
    except OutreachError as error:
        QMessageBox.critical(None, app.tr("Outreach cannot open the database"), str(error))
        return 1
    desktop.window.restore_layout()
    desktop.window.show()
    return app.exec()
