"""The composition root: opens the database, builds services and pages into the window.

Nothing here is global: each piece gets what it needs passed in. `ui.app` shows the
window first and imports this module after, so none of what is imported here delays it.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import QCoreApplication, QSettings, QTimer
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QApplication, QMessageBox

from outreach.errors import NotFoundError, OutreachError
from outreach.logs import configure_logging
from outreach.paths import default_database_path
from outreach.setup import no_steps, preparation_needed, prepare_database
from outreach.storage.backups import Backup
from outreach.storage.database import Database
from outreach.storage.location import FileLocation, Location, parse_location
from ui.background import Job
from ui.backups import choose_backup, keep_daily_backup, put_back, restored_after_damage
from ui.calendar.due import DueLine
from ui.calendar.export import export_calendar
from ui.calendar.page import CalendarPage
from ui.categories.dialogs import assign_to_category, manage_categories
from ui.change_bus import ChangeBus
from ui.contacts.page import ContactsPage
from ui.context import Selection
from ui.dashboard.page import DashboardPage
from ui.databases import OpenDatabaseDialog, RecentDatabases, new_database_file
from ui.demarches.dialog import plan_a_demarche
from ui.demarches.page import DemarchesPage
from ui.encryption import ENCRYPTED_PROPERTY, Conversion, ask_decryption, ask_encryption
from ui.errors import install_excepthook
from ui.forums.page import ForumsPage
from ui.goto_state import GoToStateDialog
from ui.log.dialog import log_a_contact
from ui.log.page import LogPage
from ui.main_window import MainWindow, PageSlot, WindowHooks, opening_window
from ui.organizations.page import OrganizationsPage
from ui.passphrase import opened_with_passphrase
from ui.record_opener import RecordOpener
from ui.search.dialog import SearchDialog
from ui.services import AppServices
from ui.states.page import StatesPage
from ui.treaty_choice import TreatyChoice
from ui.undo import UndoRunner
from ui.widgets.modal import accepted


def cannot_open_title() -> str:
    return QCoreApplication.translate("DesktopApp", "Outreach cannot open the database")


#: the pages whose items open records on other pages
OpensRecords = TypeVar("OpensRecords", DashboardPage, ForumsPage, CalendarPage)


class DesktopApp:
    """Holds the window and what it was built from, for as long as the window lives."""

    def __init__(self, db: Database, label: str, window: MainWindow | None = None) -> None:
        self.db = db
        #: the database to open when this window closes for it (File ▸ Open…)
        self.next_location: Location | None = None
        #: the backup to put in place of the file once this window has closed (`finish`)
        self.restore_from: Path | None = None
        #: the encryption or decryption to carry out once this window has closed
        self.conversion: Conversion | None = None
        #: the day's first backup, made on a worker thread as the window opens
        self.daily_backup: Job[Backup | None] | None = None
        #: the passphrase the next database opens with (this file, encrypted, again)
        self.next_passphrase: str | None = None
        self.services = AppServices.over(db)
        self.bus = ChangeBus()
        self.window = window if window is not None else MainWindow(QUndoStack(), label)
        self.window.set_database_label(label)
        self.undo_stack = self.window.undo_stack
        self.undo = UndoRunner(self.undo_stack, self.window)
        self.opener = RecordOpener(self.window, owner_of=self._attachment_owner)
        self.treaty = self._treaty_choice()
        self.window.set_pages(self._page_slots())
        self.window.install_hooks(self._hooks())
        db.subscribe(self.bus.publish)
        self.bus.changed.connect(self.window.on_changed)
        self.due_line = DueLine(self.services.calendar, self.window.statusBar())
        self.bus.changed.connect(self.due_line.on_changed)
        self.undo_stack.setParent(self.window)
        self.bus.setParent(self.window)
        self.bus.connection.connect(self.window.show_connection)
        # other officers' commits on a server feed the same bus (a file has nobody else)
        stop_listening = db.listen_to_others(self.bus.publish_connection)
        self.window.destroyed.connect(lambda: self._close(stop_listening))
        self.due_line.refresh()
        if db.read_only:
            self.window.show_read_only()
        for notice in db.notices:  # said once: what opening changed (permissions)
            self.window.statusBar().showMessage(notice, 30_000)

    def _treaty_choice(self) -> TreatyChoice:
        """View ▸ Treaty: the treaties the database holds, the last one chosen first
        (the APMBC the first time), remembered as it changes."""
        choice = TreatyChoice([treaty.code for treaty in self.services.treaties.treaties()])
        choice.setParent(self.window)
        choice.restore(QSettings())
        choice.changed.connect(lambda _code: choice.save(QSettings()))
        choice.fill_menu(
            self.window.view_menu.addMenu(QCoreApplication.translate("DesktopApp", "&Treaty"))
        )
        return choice

    def _page_slots(self) -> list[PageSlot]:
        """The window's pages in order, each built on its first visit."""
        services, undo = self.services, self.undo
        return [
            PageSlot(DashboardPage, self._dashboard),
            PageSlot(StatesPage, lambda: StatesPage(services, undo, treaty=self.treaty)),
            PageSlot(ContactsPage, lambda: ContactsPage(services, undo)),
            PageSlot(OrganizationsPage, lambda: OrganizationsPage(services, undo)),
            PageSlot(ForumsPage, lambda: self._opening_records(ForumsPage(services, undo))),
            PageSlot(CalendarPage, lambda: self._opening_records(CalendarPage(services))),
            PageSlot(DemarchesPage, lambda: DemarchesPage(services, undo)),
            PageSlot(LogPage, lambda: LogPage(services, undo)),
        ]

    def _dashboard(self) -> DashboardPage:
        names = self.services.states.names()
        dashboard = DashboardPage(
            self.services.dashboard, names, treaty=self.treaty, role=self.services.role
        )
        dashboard.open_state.connect(self.show_state)
        return self._opening_records(dashboard)

    def _attachment_owner(self, attachment_id: int) -> tuple[str, int] | None:
        try:
            attachment = self.services.attachments.get(attachment_id)
        except NotFoundError:
            return None
        return attachment.record_kind, attachment.record_id

    def _opening_records(self, page: OpensRecords) -> OpensRecords:
        page.open_item.connect(self.opener.open)
        return page

    @property
    def states_page(self) -> StatesPage:
        page = self.window.page(StatesPage)
        assert isinstance(page, StatesPage)
        return page

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
            manage_categories=lambda: manage_categories(window, services, undo, self.treaty.code),
            assign_category=lambda selection: assign_to_category(window, services, undo, selection),
            print_current=self.print_current,
            print_settings=self.print_settings,
            search=self.search,
            export_calendar=lambda: export_calendar(window, services),
            import_untc=self.import_untc,
            import_contacts=self.import_contacts,
            find_duplicates=self.find_duplicates,
            open_database=self.open_database,
            new_database=self.new_database,
            open_recent=lambda where: self.switch_to(parse_location(where)),
            recent_databases=lambda: RecentDatabases(QSettings()).entries(),
            restore_backup=self.restore_backup,
            encrypt_database=lambda: self.convert(ask_encryption(window, self.backed_up())),
            decrypt_database=lambda: self.convert(ask_decryption(window, self.backed_up())),
            database_location=lambda: self.db.location.display,
            print_report=self.print_report,
        )

    def start_daily_backup(self) -> None:
        self.daily_backup = keep_daily_backup(self.db, self.window)

    def backed_up(self) -> Database:
        """The database, once the day's first backup (if it is being made) is done: what
        lists the backups, or replaces or converts the file, must not overlap it."""
        if self.daily_backup is not None:
            self.daily_backup.wait()
        return self.db

    def convert(self, chosen: Conversion | None) -> None:
        """File ▸ Encrypt / Decrypt this database…: done once this window has closed and
        let go of the file (`finish`), then the file opens again."""
        if chosen is not None:
            self.conversion = chosen
            self.switch_to(self.db.location)

    def open_database(self) -> None:
        dialog = OpenDatabaseDialog(self.window)
        if accepted(dialog) and dialog.chosen is not None:
            self.switch_to(dialog.chosen)

    def new_database(self) -> None:
        """File ▸ New database…: a new file with the reference data, opened in place of
        this one."""
        made = new_database_file(self.window)
        if made is not None:
            self.switch_to(made)

    def restore_backup(self) -> None:
        """File ▸ Restore from backup…: the chosen copy goes in place once this window
        has closed and let go of the file (`finish`), then the file opens again."""
        chosen = choose_backup(self.window, self.backed_up())
        if chosen is not None:
            self.restore_from = chosen
            self.switch_to(self.db.location)

    def finish(self) -> None:
        """What is left once the window has closed: the restore chosen in it, if any."""
        self.backed_up()  # the day's backup is not cut short by the process ending
        if self.restore_from is not None:
            self.db.close()
            put_back(self.restore_from, self.db.path, self.db.passphrase)
        same_file = self.next_location == self.db.location
        self.next_passphrase = self.db.passphrase if same_file else None
        if self.conversion is not None:
            self.db.close()
            self.next_passphrase = self.conversion.carry_out(self.db.path)

    def switch_to(self, location: Location) -> None:
        """Close this window and open `location` in its place (see `main`)."""
        self.next_location = location
        self.window.close()

    def show_state(self, state_id: int) -> None:
        self.window.show_page(StatesPage)
        self.states_page.go_to_state(state_id)

    def print_current(self, selection: Selection) -> None:
        """Print (Ctrl+P). The printing modules (reportlab, QtPdf) load on the first
        print, not before the window shows."""
        from ui.briefing.printing import print_selection

        treaty = self.treaty.code
        print_selection(self.window, self.services, self.db, selection, QSettings(), treaty)

    def print_report(self) -> None:
        """File ▸ Print status report…: ask the period, then build and preview."""
        from ui.briefing.printing import print_status_report

        print_status_report(self.window, self.db, QSettings(), self.treaty.code)

    def print_settings(self) -> None:
        from ui.briefing.settings import edit_print_settings

        edit_print_settings(self.window, QSettings())

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

    # The imports and the duplicate finder load on first use, not before the window.

    def import_untc(self) -> None:
        from outreach.io.untc_import import UntcImporter
        from ui.imports.untc_dialog import UntcImportDialog

        codes = [treaty.code for treaty in self.services.treaties.treaties()]
        accepted(UntcImportDialog(UntcImporter(self.db), codes, self.window, undo=self.undo))

    def import_contacts(self) -> None:
        from outreach.io.contacts_csv import ContactImporter
        from ui.imports.contacts_dialog import ContactsImportDialog

        accepted(ContactsImportDialog(ContactImporter(self.db), self.window, undo=self.undo))

    def find_duplicates(self) -> None:
        from ui.duplicates.dialog import DuplicatesDialog

        accepted(DuplicatesDialog(self.services.duplicates, self.undo, self.window))


def build_app(
    location: Location | Path, passphrase: str | None = None, window: MainWindow | None = None
) -> DesktopApp:
    """Open the database (the demo on a first run of a file) and build the app in
    `window` (a new one when None), which says each step of a first run as it starts;
    an encrypted file needs its `passphrase`, and its title shows a lock."""
    where = parse_location(location)
    # Only the first run, at the default place, makes a database; a path that was
    # given and finds nothing is a mistake to report (File ▸ New database… makes one).
    first_run = where == FileLocation(default_database_path())
    db = prepare_database(
        where,
        demo_on_first_run=True,
        create=first_run,
        passphrase=passphrase,
        steps=window.opening if window is not None else no_steps,
    )
    label = (
        ("🔒 " if db.encrypted else "")
        + where.name
        + (" " + QApplication.translate("DesktopApp", "(read-only)") if db.read_only else "")
    )
    desktop = DesktopApp(db, label, window)
    desktop.window.show_encryption(not db.is_server and not db.read_only)
    desktop.window.setProperty(ENCRYPTED_PROPERTY, db.encrypted)  # asked before exports
    return desktop


def open_desktop(
    location: Location | Path, passphrase: str | None = None, *, window: MainWindow
) -> DesktopApp:
    """`build_app` in `window`, saying in its page area what opening does when it will
    take a while (a first run creating the demo, an update of the file, a search index to
    rebuild)."""
    reason = preparation_needed(location, passphrase)
    if reason:
        window.opening(reason)
    return build_app(location, passphrase, window)


def run(app: QApplication, location: Location | Path | str, window: MainWindow) -> int:
    """Open `location` in the `window` already shown, and run; when the officer opens
    another database from it, the window closes and the next opens in a new one (a
    database that cannot be opened is said, and the one before is opened again; a
    damaged file is offered its latest good backup)."""
    install_excepthook(app, configure_logging("desktop app"))
    try:
        wanted: Location | None = parse_location(location)
    except OutreachError as error:  # a server address that does not parse
        window.close()
        QMessageBox.critical(None, cannot_open_title(), str(error))
        return 1
    current: Location | None = None
    code = 0
    known: str | None = None  # the passphrase of an encrypted file opened again
    shown: MainWindow | None = window
    while wanted is not None:
        window = shown if shown is not None else opening_window(wanted.name)
        shown = None  # the next database opens in a new window
        try:
            desktop = opened_with_passphrase(
                wanted, functools.partial(open_desktop, wanted, window=window), known=known
            )
        except OutreachError as error:
            window.close()
            window.deleteLater()
            if restored_after_damage(wanted, error):
                continue  # its latest good backup is in place: open that
            QMessageBox.critical(None, cannot_open_title(), str(error))
            if current is None or wanted == current:
                return 1
            wanted = current  # back to the one that was open
            continue
        current = wanted
        RecentDatabases(QSettings()).add(current)
        desktop.window.restore_pages_layout()
        # once the first page is on screen, on a worker thread
        QTimer.singleShot(0, desktop.start_daily_backup)
        code = app.exec()
        desktop.finish()
        wanted = desktop.next_location
        known = desktop.next_passphrase
    return code
