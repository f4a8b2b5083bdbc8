"""The main window: a navigation pane, the page in view, menus, toolbar and status bar.

It composes pages it is given; it knows nothing of how they fetch their data.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QEventLoop, QSettings, Qt
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut, QUndoStack
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMenu,
    QMessageBox,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QWidget,
)

from outreach.domain.changes import Changes
from outreach.i18n import current_language
from ui.actions import ActionId, ActionRegistry
from ui.context import Selection
from ui.opening import OpeningPane
from ui.pages import Page
from ui.preferences import PreferencesDialog
from ui.shortcuts import ShortcutsDialog
from ui.widgets.modal import accepted

#: the actions that work before a database is open (the rest wait for `install_hooks`)
WINDOW_ACTIONS = frozenset(
    {ActionId.QUIT, ActionId.ABOUT, ActionId.SHORTCUTS, ActionId.PREFERENCES, ActionId.UNDO,
     ActionId.REDO}
)  # fmt: skip
#: where File ▸ Open recent goes in a menu's entries
RECENT = "recent"
#: an action, a separator (None), a submenu (its title and entries) or RECENT
MenuEntry = ActionId | None | tuple[str, list[ActionId]] | str


@dataclass(frozen=True)
class WindowHooks:
    """What the window's own actions do; the composition root supplies them."""

    log_contact: Callable[[Selection], object]
    plan_demarche: Callable[[Selection], object]
    go_to_state: Callable[[], object]
    manage_categories: Callable[[], object]
    assign_category: Callable[[Selection], object]
    print_current: Callable[[Selection], object]
    print_settings: Callable[[], object]
    search: Callable[[], object]
    export_calendar: Callable[[], object]
    import_untc: Callable[[], object]
    import_contacts: Callable[[], object]
    find_duplicates: Callable[[], object]
    open_database: Callable[[], object]
    new_database: Callable[[], object]
    open_recent: Callable[[str], None]
    recent_databases: Callable[[], list[str]]
    restore_backup: Callable[[], object]
    encrypt_database: Callable[[], object] = lambda: None
    decrypt_database: Callable[[], object] = lambda: None
    #: where the database open in the window is (a file's path, a server's address)
    database_location: Callable[[], str] = lambda: ""
    print_report: Callable[[], object] = lambda: None


def _scrolled(page: QWidget, parent: QWidget) -> QScrollArea:
    """`page` filling its place in the window, and scrolled when the window is smaller
    than the page can be (a small screen at 200%): the window then stays on the screen."""
    holder = QScrollArea(parent)
    holder.setWidgetResizable(True)
    holder.setFrameShape(QFrame.Shape.NoFrame)
    holder.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to the page's controls
    holder.setWidget(page)
    return holder


@dataclass
class PageSlot:
    """A page of the window before it is built: its type (for its title and for
    `show_page`) and how to build it. A page is built on its first visit, so the window
    shows without building (or importing the data of) the pages not yet looked at."""

    page_type: type[Page]
    build: Callable[[], Page]
    page: Page | None = None


class MainWindow(QMainWindow):
    """The window shows before its database is open: `opening` fills the page area with
    what is being done, `set_pages` and `install_hooks` make it the app once it is."""

    def __init__(
        self, undo_stack: QUndoStack, database_label: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.set_database_label(database_label)
        self.connection_label = QLabel(self)
        self.statusBar().addPermanentWidget(self.connection_label)
        self.undo_stack = undo_stack
        self.actions_ = ActionRegistry(self)
        self.slots: list[PageSlot] = []
        self.navigation = QListWidget(self)
        self.navigation.setMaximumWidth(220)
        self.stack = QStackedWidget(self)
        self.opening_pane = OpeningPane(self.stack)
        self.stack.addWidget(self.opening_pane)
        self.navigation.currentRowChanged.connect(self._show_row)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(self.navigation)
        self.splitter.addWidget(self.stack)
        self.splitter.setStretchFactor(1, 1)
        self.setCentralWidget(self.splitter)
        self._hooks: WindowHooks | None = None
        self._wire_undo()
        self._wire_window_actions()
        self._build_menus()
        self._enable_app_actions(False)

    def set_pages(self, slots: list[PageSlot]) -> None:
        """Add the pages, each reachable from the navigation pane and by Ctrl+1..9; none
        is built until it is first shown."""
        if not self.slots:  # the opening pane gives way to the pages
            self.stack.removeWidget(self.opening_pane)
            self.opening_pane.deleteLater()
        for number, slot in enumerate(slots, start=len(self.slots) + 1):
            title = slot.page_type.title()
            item = QListWidgetItem(title, self.navigation)
            item.setToolTip(self.tr("{0} (Ctrl+{1})").format(title, number))
            self.stack.addWidget(QWidget(self.stack))  # the page's place until it is built
            shortcut = QShortcut(QKeySequence(f"Ctrl+{number}"), self)
            shortcut.activated.connect(lambda row=number - 1: self.navigation.setCurrentRow(row))
            self.slots.append(slot)
        if self.slots and self.navigation.currentRow() < 0:
            self.navigation.setCurrentRow(0)
        # as wide as its longest title (in either language), the pages get the rest
        fitted = self.navigation.sizeHintForColumn(0) + 2 * self.navigation.frameWidth() + 16
        width = min(max(fitted, 120), 220)
        self.navigation.setMaximumWidth(width)
        self.splitter.setSizes([width, max(self.width() - width, width)])

    # --- pages ------------------------------------------------------------------------

    def _built(self, row: int) -> Page:
        """The page of `row`, built (and its remembered layout restored) if it was not."""
        slot = self.slots[row]
        if slot.page is None:
            page = slot.build()
            page.restore_state(QSettings())
            placeholder = self.stack.widget(row)
            self.stack.insertWidget(row, _scrolled(page, self.stack))
            if placeholder is not None:
                self.stack.removeWidget(placeholder)
                placeholder.deleteLater()
            slot.page = page
        return slot.page

    def _show_row(self, row: int) -> None:
        if 0 <= row < len(self.slots):
            self._built(row)
            self.stack.setCurrentIndex(row)

    @property
    def built_pages(self) -> list[Page]:
        """The pages built so far (visited, or asked for by `page`)."""
        return [slot.page for slot in self.slots if slot.page is not None]

    def page_types(self) -> list[type[Page]]:
        return [slot.page_type for slot in self.slots]

    def current_page(self) -> Page:
        return self._built(self.navigation.currentRow())

    def page(self, page_type: type[Page]) -> Page:
        """The page of `page_type`, built if it was not, without showing it."""
        for row, slot in enumerate(self.slots):
            if slot.page_type is page_type:
                return self._built(row)
        raise LookupError(page_type)

    def show_page(self, page_type: type[Page]) -> Page:
        page = self.page(page_type)
        self.navigation.setCurrentRow(self.page_types().index(page_type))
        return page

    def on_changed(self, changes: Changes) -> None:
        for page in self.built_pages:  # a page built later loads what is there then
            page.on_changed(changes)

    def set_database_label(self, label: str) -> None:
        """The database's name in the title, with a lock or "(read-only)" once open."""
        self.database_label = label
        self.setWindowTitle(self.tr("Outreach — {0}").format(label) if label else "Outreach")

    def opening(self, text: str, done: int = 0, total: int = 0) -> None:
        """Say in the page area what opening the database is doing, and repaint now:
        opening runs on the GUI thread, between these calls."""
        self.opening_pane.say(text, done, total)
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)

    # --- actions, menus, toolbar -------------------------------------------------------

    def _wire_undo(self) -> None:
        """Undo and Redo come from the stack itself, which keeps their text ("Undo Log
        contact …") and enabled state current and lets go of them when it is destroyed."""
        self.actions_.adopt(ActionId.UNDO, self.undo_stack.createUndoAction(self, self.tr("&Undo")))
        self.actions_.adopt(ActionId.REDO, self.undo_stack.createRedoAction(self, self.tr("&Redo")))

    def _wire_window_actions(self) -> None:
        a = self.actions_
        a[ActionId.QUIT].triggered.connect(self.close)
        a[ActionId.ABOUT].triggered.connect(self._about)
        a[ActionId.SHORTCUTS].triggered.connect(self.show_shortcuts)
        a[ActionId.PREFERENCES].triggered.connect(self.show_preferences)

    def _enable_app_actions(self, enabled: bool) -> None:
        """The actions that need the database wait for it; the window's own do not."""
        for action_id in ActionId:
            if action_id not in WINDOW_ACTIONS:
                self.actions_[action_id].setEnabled(enabled)

    def install_hooks(self, hooks: WindowHooks) -> None:
        a = self.actions_
        self._enable_app_actions(True)
        a[ActionId.NEW].triggered.connect(lambda: self.current_page().new_item())
        a[ActionId.FIND].triggered.connect(lambda: self.current_page().focus_filter())
        a[ActionId.REFRESH].triggered.connect(lambda: self.current_page().reload())
        a[ActionId.DELETE].triggered.connect(lambda: self.current_page().delete_selected())
        a[ActionId.LOG_CONTACT].triggered.connect(
            lambda: hooks.log_contact(self.current_page().selection())
        )
        a[ActionId.PLAN_DEMARCHE].triggered.connect(
            lambda: hooks.plan_demarche(self.current_page().selection())
        )
        a[ActionId.GO_TO_STATE].triggered.connect(hooks.go_to_state)
        a[ActionId.MANAGE_CATEGORIES].triggered.connect(hooks.manage_categories)
        a[ActionId.ASSIGN_CATEGORY].triggered.connect(
            lambda: hooks.assign_category(self.current_page().selection())
        )
        a[ActionId.PRINT].triggered.connect(
            lambda: hooks.print_current(self.current_page().selection())
        )
        a[ActionId.PRINT_SETTINGS].triggered.connect(hooks.print_settings)
        a[ActionId.PRINT_REPORT].triggered.connect(hooks.print_report)
        a[ActionId.SEARCH].triggered.connect(hooks.search)
        a[ActionId.EXPORT_CALENDAR].triggered.connect(hooks.export_calendar)
        a[ActionId.IMPORT_UNTC].triggered.connect(hooks.import_untc)
        a[ActionId.IMPORT_CONTACTS].triggered.connect(hooks.import_contacts)
        a[ActionId.FIND_DUPLICATES].triggered.connect(hooks.find_duplicates)
        a[ActionId.OPEN].triggered.connect(hooks.open_database)
        a[ActionId.NEW_DATABASE].triggered.connect(hooks.new_database)
        a[ActionId.RESTORE_BACKUP].triggered.connect(hooks.restore_backup)
        a[ActionId.ENCRYPT].triggered.connect(hooks.encrypt_database)
        a[ActionId.DECRYPT].triggered.connect(hooks.decrypt_database)
        self._hooks = hooks
        a[ActionId.SAVE].setEnabled(False)  # edits are saved as they are made, in dialogs

    def _build_menus(self) -> None:
        a = self.actions_
        imports = (self.tr("&Import"), [ActionId.IMPORT_UNTC, ActionId.IMPORT_CONTACTS])
        menus: dict[str, list[MenuEntry]] = {
            self.tr("&File"): [ActionId.NEW, ActionId.OPEN, ActionId.NEW_DATABASE, RECENT,
                               ActionId.RESTORE_BACKUP, ActionId.ENCRYPT, ActionId.DECRYPT,
                               ActionId.SAVE, None, imports,
                               ActionId.EXPORT_CALENDAR, None, ActionId.PRINT,
                               ActionId.PRINT_REPORT, ActionId.PRINT_SETTINGS, None,
                               ActionId.QUIT],
            self.tr("&Edit"): [ActionId.UNDO, ActionId.REDO, None, ActionId.DELETE, None,
                               ActionId.FIND, ActionId.SEARCH, ActionId.GO_TO_STATE, None,
                               ActionId.PREFERENCES],
            self.tr("&Campaign"): [ActionId.LOG_CONTACT, ActionId.PLAN_DEMARCHE, None,
                                   ActionId.ASSIGN_CATEGORY, ActionId.MANAGE_CATEGORIES, None,
                                   ActionId.FIND_DUPLICATES],
            self.tr("&View"): [ActionId.REFRESH],
            self.tr("&Help"): [ActionId.SHORTCUTS, None, ActionId.ABOUT],
        }  # fmt: skip
        for title, entries in menus.items():
            menu = self.menuBar().addMenu(title)
            self._fill_menu(menu, entries)
            if ActionId.REFRESH in entries:
                self.view_menu = menu  # the composition root adds View ▸ Treaty
        toolbar = self.addToolBar(self.tr("Main"))
        toolbar.setObjectName("main-toolbar")
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        for entry in (ActionId.LOG_CONTACT, ActionId.PLAN_DEMARCHE, ActionId.GO_TO_STATE,
                      ActionId.SEARCH, ActionId.UNDO, ActionId.REDO, ActionId.PRINT):  # fmt: skip
            toolbar.addAction(a[entry])

    def _fill_menu(self, menu: QMenu, entries: list[MenuEntry]) -> None:
        """Actions, separators (None) and submenus ((title, entries))."""
        for entry in entries:
            if entry is None:
                menu.addSeparator()
            elif isinstance(entry, str):  # RECENT, the only entry named by text
                self.recent_menu = menu.addMenu(self.tr("Open &recent"))
                self.recent_menu.aboutToShow.connect(self._fill_recent)
            elif isinstance(entry, tuple):
                title, children = entry
                self._fill_menu(menu.addMenu(title), list(children))
            else:
                menu.addAction(self.actions_[entry])

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        hooks = self._hooks
        if hooks is not None:  # None while the database opens
            for number, where in enumerate(hooks.recent_databases(), start=1):
                action = self.recent_menu.addAction(f"&{number} {where}")
                action.triggered.connect(
                    lambda _checked=False, chosen=where: hooks.open_recent(chosen)
                )
        if self.recent_menu.isEmpty():
            self.recent_menu.addAction(self.tr("(none yet)")).setEnabled(False)

    def show_encryption(self, convertible: bool) -> None:
        """File ▸ Encrypt… and Decrypt…, greyed out for a server or a read-only file (the
        one that does not apply to the file says so when chosen)."""
        for action_id in (ActionId.ENCRYPT, ActionId.DECRYPT):
            self.actions_[action_id].setEnabled(convertible)

    def show_read_only(self) -> None:
        """A file opened read-only says so for as long as it is open."""
        self.connection_label.setText(self.tr("Opened read-only: changes cannot be saved"))
        self.connection_label.setStyleSheet("color: #8a5a00")
        self.connection_label.setToolTip(
            self.tr("You may read this file but not change it (its permissions or its folder's).")
        )

    def show_connection(self, up: bool, why: str) -> None:
        """The server's state in the status bar: connected, or lost and retrying."""
        if up:
            self.connection_label.setText(self.tr("● Connected to {0}").format(self.database_label))
            self.connection_label.setStyleSheet("")
            self.connection_label.setToolTip("")
        else:
            self.connection_label.setText(
                self.tr("○ Server unreachable: reconnecting… (what you type is kept)")
            )
            self.connection_label.setStyleSheet("color: #b00020")
            self.connection_label.setToolTip(why)

    def shortcut_rows(self) -> list[tuple[str, str]]:
        """Every shortcut of the window: its actions, then the pages and the lists."""
        rows = self.actions_.shortcuts()
        rows += [
            (self.tr("Show {0}").format(page.title()), f"Ctrl+{number}")
            for number, page in enumerate(self.page_types(), start=1)
        ]
        rows.append((self.tr("Export the list in view (in a list)"), "Ctrl+Shift+E"))
        return rows

    def show_shortcuts(self) -> None:
        accepted(ShortcutsDialog(self.shortcut_rows(), self))

    def show_preferences(self) -> None:
        """Edit ▸ Preferences…: the user's choices, kept in the application's settings."""
        where = self._hooks.database_location() if self._hooks is not None else ""
        accepted(PreferencesDialog(QSettings(), current_language(), self, database=where))

    def _about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About Outreach"),
            self.tr("Outreach: a CRM for treaty universalization campaigns."),
        )

    # --- remembered layout ---------------------------------------------------------------

    def restore_layout(self) -> None:
        """The window's size, place and toolbar, before it shows (the pages come later:
        `restore_pages_layout`)."""
        settings = QSettings()
        geometry = settings.value("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1320, 820)
        state = settings.value("window/state")
        if state is not None:
            self.restoreState(state)

    def restore_pages_layout(self) -> None:
        """Once the pages are set: the navigation's width and the page in view when the
        window last closed (each page restores its own layout when it is built)."""
        settings = QSettings()
        splitter = settings.value("window/splitter")
        if splitter is None or not self.splitter.restoreState(splitter):
            # the navigation needs its names' width; the page takes the rest
            navigation = self.navigation.sizeHintForColumn(0) + 24
            self.splitter.setSizes([navigation, max(self.width() - navigation, 400)])
        row = int(settings.value("window/page", 0, type=int))  # type: ignore[call-overload]
        self.navigation.setCurrentRow(row if 0 <= row < len(self.slots) else 0)

    def save_layout(self) -> None:
        settings = QSettings()
        settings.setValue("window/geometry", self.saveGeometry())
        settings.setValue("window/state", self.saveState())
        settings.setValue("window/splitter", self.splitter.saveState())
        settings.setValue("window/page", self.navigation.currentRow())
        for page in self.built_pages:  # a page not built kept its layout as it was
            page.save_state(settings)

    def closeEvent(self, event: QCloseEvent) -> None:
        for page in self.built_pages:
            page.keep_edits()
        self.save_layout()
        super().closeEvent(event)


def opening_window(database_name: str) -> MainWindow:
    """A new window, shown with its layout as it was left, saying it opens the database;
    `ui.desktop` then opens the database and builds the pages in it."""
    window = MainWindow(QUndoStack(), database_name)
    window.restore_layout()
    window.show()
    window.opening(QCoreApplication.translate("MainWindow", "Opening {0}…").format(database_name))
    return window
