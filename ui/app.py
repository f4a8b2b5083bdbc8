"""The composition root: opens the database, builds services, pages and the window.

Nothing here is global: each piece gets what it needs passed in.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QApplication, QMessageBox

from outreach.domain.changes import Changes
from outreach.errors import OutreachError
from outreach.io.contacts_csv import ContactImporter
from outreach.io.untc_import import UntcImporter
from outreach.setup import preparation_needed, prepare_database
from outreach.storage.database import Database
from outreach.storage.location import Location, parse_location
from ui.briefing.printing import print_selection
from ui.briefing.settings import edit_print_settings
from ui.calendar.due import due_status_text
from ui.calendar.export import export_calendar
from ui.calendar.page import CalendarPage
from ui.categories.dialogs import assign_to_category, manage_categories
from ui.change_bus import ChangeBus
from ui.contacts.page import ContactsPage
from ui.dashboard.page import DashboardPage
from ui.databases import OpenDatabaseDialog, RecentDatabases
from ui.demarches.dialog import plan_a_demarche
from ui.demarches.page import DemarchesPage
from ui.duplicates.dialog import DuplicatesDialog
from ui.forums.page import ForumsPage
from ui.goto_state import GoToStateDialog
from ui.imports.contacts_dialog import ContactsImportDialog
from ui.imports.untc_dialog import UntcImportDialog
from ui.log.dialog import log_a_contact
from ui.log.page import LogPage
from ui.main_window import MainWindow, WindowHooks
from ui.opening import OpeningNotice
from ui.organizations.page import OrganizationsPage
from ui.pages import Page
from ui.record_opener import RecordOpener
from ui.search.dialog import SearchDialog
from ui.services import AppServices
from ui.states.page import StatesPage
from ui.undo import UndoRunner
from ui.widgets.modal import accepted

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
        #: the database to open when this window closes for it (File ▸ Open…)
        self.next_location: Location | None = None
        self.services = AppServices.over(db)
        self.bus = ChangeBus()
        self.undo_stack = QUndoStack()
        names = {row.id: row.name for row in self.services.states.list_rows()}
        self.window = MainWindow([], self.undo_stack, label)  # pages added below
        self.undo = UndoRunner(self.undo_stack, self.window)
        self.opener = RecordOpener(self.window)
        self.states_page = StatesPage(self.services, self.undo)
        dashboard = DashboardPage(self.services.dashboard, self.services.calendar, names)
        dashboard.open_state.connect(self.show_state)
        forums = ForumsPage(self.services, self.undo)
        calendar = CalendarPage(self.services)
        for page in (dashboard, forums, calendar):
            page.open_item.connect(self.opener.open)
        pages: list[Page] = [
            dashboard,
            self.states_page,
            ContactsPage(self.services, self.undo),
            OrganizationsPage(self.services, self.undo),
            forums,
            calendar,
            DemarchesPage(self.services, self.undo),
            LogPage(self.services, self.undo),
        ]
        self.window.set_pages(pages)
        self.window.install_hooks(self._hooks())
        db.subscribe(self.bus.publish)
        self.bus.changed.connect(self.window.on_changed)
        self.bus.changed.connect(self._refresh_status)
        self.undo_stack.setParent(self.window)
        self.bus.setParent(self.window)
        self.bus.connection.connect(self.window.show_connection)
        # other officers' commits on a server feed the same bus (a file has nobody else)
        stop_listening = db.listen_to_others(self.bus.publish_connection)
        self.window.destroyed.connect(lambda: self._close(stop_listening))
        self._refresh_status(Changes(frozenset()))

    def _close(self, stop_listening: Callable[[], None] | None) -> None:
        if stop_listening is not None:
            stop_listening()
        self.db.close()

    def _hooks(self) -> WindowHooks:
        window, services, undo = self.window, self.services, self.undo
        return WindowHooks(
            log_contact=lambda selection: log_a_contact(window, services, undo, selection),
            plan_demarche=lambda selection: plan_a_demarche(window, services, undo, selection),
            go_to_state=self.go_to_state,
            manage_categories=lambda: manage_categories(window, services, undo),
            assign_category=lambda selection: assign_to_category(window, services, undo, selection),
            print_current=lambda selection: print_selection(
                window, services, self.db.location, selection, QSettings()
            ),
            print_settings=lambda: edit_print_settings(window, QSettings()),
            search=self.search,
            export_calendar=lambda: export_calendar(window, services),
            import_untc=self.import_untc,
            import_contacts=lambda: accepted(
                ContactsImportDialog(ContactImporter(self.db), window, undo=undo)
            ),
            find_duplicates=lambda: accepted(DuplicatesDialog(services.duplicates, undo, window)),
            open_database=self.open_database,
            open_recent=lambda where: self.switch_to(parse_location(where)),
            recent_databases=lambda: RecentDatabases(QSettings()).entries(),
        )

    def open_database(self) -> None:
        dialog = OpenDatabaseDialog(self.window)
        if accepted(dialog) and dialog.chosen is not None:
            self.switch_to(dialog.chosen)

    def switch_to(self, location: Location) -> None:
        """Close this window and open `location` in its place (see `main`)."""
        self.next_location = location
        self.window.close()

    def show_state(self, state_id: int) -> None:
        self.window.show_page(StatesPage)
        self.states_page.go_to_state(state_id)

    def go_to_state(self) -> None:
        # the list's rows carry names, codes and aliases: one query, not one per state
        dialog = GoToStateDialog(self.services.states.list_rows(), self.window)
        if dialog.exec():
            state_id = dialog.chosen_state_id()
            if state_id is not None:
                self.show_state(state_id)

    def search(self) -> None:
        """The global search (Ctrl+K); the record chosen opens once the dialog has closed."""
        dialog = SearchDialog(self.services.search, self.window)
        chosen: list[tuple[str, int]] = []
        dialog.open_record.connect(lambda kind, record_id: chosen.append((kind, record_id)))
        accepted(dialog)
        for kind, record_id in chosen[:1]:
            self.opener.open(kind, record_id)

    def import_untc(self) -> None:
        codes = [treaty.code for treaty in self.services.treaties.treaties()]
        accepted(UntcImportDialog(UntcImporter(self.db), codes, self.window, undo=self.undo))

    def _refresh_status(self, changes: Changes) -> None:
        if changes.entities and not changes.touches("log_entry", "demarche", "intervention"):
            return
        try:
            summary = self.services.calendar.due()
        except OutreachError as error:  # a busy file: say so rather than a stale count
            self.window.statusBar().showMessage(str(error))
            return
        self.window.statusBar().showMessage(due_status_text(summary))


def build_app(location: Location | Path) -> DesktopApp:
    """Open the database (the demo on a first run of a file) and build the window."""
    where = parse_location(location)
    db = prepare_database(where, demo_on_first_run=True)
    return DesktopApp(db, where.name)


def open_desktop(location: Location | Path) -> DesktopApp:
    """`build_app`, saying so on screen when opening will take a while (a first run
    creating the demo, an update of the file, a search index to rebuild)."""
    reason = preparation_needed(location)
    notice = OpeningNotice(reason) if reason else None
    try:
        return build_app(location)
    finally:
        if notice is not None:
            notice.close()
            notice.deleteLater()


def main(location: Location | Path) -> int:
    """Open the window over `location`; when the officer opens another database from
    it, the window closes and the next opens (a database that cannot be opened is said,
    and the one before is opened again)."""
    app = make_application(sys.argv)
    current: Location | None = None
    wanted: Location | None = parse_location(location)
    code = 0
    while wanted is not None:
        try:
            desktop = open_desktop(wanted)
        except OutreachError as error:
            QMessageBox.critical(None, app.tr("Outreach cannot open the database"), str(error))
            if current is None or wanted == current:
                return 1
            wanted = current  # back to the one that was open
            continue
        current = wanted
        RecentDatabases(QSettings()).add(current)
        desktop.window.restore_layout()
        desktop.window.show()
        code = app.exec()
        wanted = desktop.next_location
    return code
