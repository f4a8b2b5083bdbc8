"""Every menu and toolbar action, declared once and keyed by an enum.

Menus, the toolbar and shortcuts are all built from this table, so a shortcut is
defined in one place and shows the same everywhere.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum, auto

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction, QIcon, QKeySequence

Shortcut = QKeySequence.StandardKey | str | None


class ActionId(Enum):
    NEW = auto()
    OPEN = auto()
    NEW_DATABASE = auto()
    RESTORE_BACKUP = auto()
    ENCRYPT = auto()
    DECRYPT = auto()
    SAVE = auto()
    UNDO = auto()
    REDO = auto()
    FIND = auto()
    SEARCH = auto()
    PRINT = auto()
    PRINT_SETTINGS = auto()
    EXPORT_CALENDAR = auto()
    IMPORT_UNTC = auto()
    IMPORT_CONTACTS = auto()
    QUIT = auto()
    LOG_CONTACT = auto()
    PLAN_DEMARCHE = auto()
    GO_TO_STATE = auto()
    MANAGE_CATEGORIES = auto()
    ASSIGN_CATEGORY = auto()
    FIND_DUPLICATES = auto()
    DELETE = auto()
    REFRESH = auto()
    SHORTCUTS = auto()
    ABOUT = auto()


@dataclass(frozen=True, slots=True)
class ActionSpec:
    text: str
    shortcut: Shortcut
    icon: str  # a freedesktop theme icon name
    tip: str


def _tr(text: str) -> str:
    return QCoreApplication.translate("actions", text)


SPECS: dict[ActionId, ActionSpec] = {
    ActionId.NEW: ActionSpec("&New", QKeySequence.StandardKey.New, "document-new",
                             "Add a record to the list in view"),
    ActionId.OPEN: ActionSpec("&Open database…", QKeySequence.StandardKey.Open, "document-open",
                              "Open another database: a file, or the desk's server"),
    ActionId.NEW_DATABASE: ActionSpec("New data&base…", "Ctrl+Shift+N", "document-new",
                                      "Make a new database file with the reference data"),
    ActionId.RESTORE_BACKUP: ActionSpec("Restore from &backup…", None, "document-revert",
                                        "Put a backup of this database file in its place"),
    ActionId.ENCRYPT: ActionSpec("&Encrypt this database…", None, "security-high",
                                 "Encrypt the file with a passphrase (PROTECTED data)"),
    ActionId.DECRYPT: ActionSpec("&Decrypt this database…", None, "security-low",
                                 "Store the encrypted file unencrypted again"),
    ActionId.SAVE: ActionSpec("&Save", QKeySequence.StandardKey.Save, "document-save",
                              "Save the edits in view"),
    ActionId.UNDO: ActionSpec("&Undo", QKeySequence.StandardKey.Undo, "edit-undo",
                              "Undo the last change"),
    ActionId.REDO: ActionSpec("&Redo", QKeySequence.StandardKey.Redo, "edit-redo",
                              "Redo the change undone"),
    ActionId.FIND: ActionSpec("&Find", QKeySequence.StandardKey.Find, "edit-find",
                              "Filter the list in view"),
    ActionId.SEARCH: ActionSpec("&Search everything…", "Ctrl+K", "system-search",
                                "Find states, contacts, démarches, log entries and more"),
    ActionId.PRINT: ActionSpec("&Print…", QKeySequence.StandardKey.Print, "document-print",
                               "Print the selected state's briefing sheet or meeting's pack"),
    ActionId.PRINT_SETTINGS: ActionSpec("Print se&ttings…", "Ctrl+Shift+P", "document-properties",
                                        "Paper size, security marking and officer"),
    ActionId.EXPORT_CALENDAR: ActionSpec("Export &calendar…", None, "x-office-calendar",
                                         "Write meetings, interventions and due dates to .ics"),
    ActionId.IMPORT_UNTC: ActionSpec("Treaty &status from the UN Treaty Collection…", None,
                                     "document-import", "Update participations from a UNTC table"),
    ActionId.IMPORT_CONTACTS: ActionSpec("&Contacts from CSV…", None, "document-import",
                                         "Add contacts from a spreadsheet"),
    ActionId.QUIT: ActionSpec("&Quit", QKeySequence.StandardKey.Quit, "application-exit",
                              "Close Outreach"),
    ActionId.LOG_CONTACT: ActionSpec("&Log a contact…", "Ctrl+L", "call-start",
                                     "Record a call, meeting or message"),
    ActionId.PLAN_DEMARCHE: ActionSpec("Plan a &démarche…", "Ctrl+D", "mail-message-new",
                                       "Plan a formal approach to a state"),
    ActionId.GO_TO_STATE: ActionSpec("&Go to state…", "Ctrl+G", "go-jump",
                                     "Jump to a state by name, code or alias"),
    ActionId.MANAGE_CATEGORIES: ActionSpec("Priority &categories…", "Ctrl+Shift+C",
                                           "view-list-tree", "Create and edit categories"),
    ActionId.ASSIGN_CATEGORY: ActionSpec("&Assign to category…", "Ctrl+Shift+A",
                                         "list-add", "Put the selected state in a category"),
    ActionId.FIND_DUPLICATES: ActionSpec("Find d&uplicate contacts…", None, "edit-copy",
                                         "Review contacts entered twice and merge them"),
    ActionId.DELETE: ActionSpec("&Delete", QKeySequence.StandardKey.Delete, "edit-delete",
                                "Delete the selected record (it can be undone)"),
    ActionId.REFRESH: ActionSpec("&Refresh", QKeySequence.StandardKey.Refresh, "view-refresh",
                                 "Read the database again"),
    ActionId.SHORTCUTS: ActionSpec("&Keyboard shortcuts", "F1", "help-keyboard-shortcuts",
                                   "Every shortcut of the window"),
    ActionId.ABOUT: ActionSpec("&About Outreach", None, "help-about", "About this app"),
}  # fmt: skip


class ActionRegistry(QObject):
    """Owns one QAction per ActionId."""

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self._actions: dict[ActionId, QAction] = {}
        for action_id, spec in SPECS.items():
            action = QAction(QIcon.fromTheme(spec.icon), _tr(spec.text), parent)
            if spec.shortcut is not None:
                action.setShortcut(QKeySequence(spec.shortcut))
            tip = _tr(spec.tip)
            shortcut_text = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            action.setToolTip(f"{tip} ({shortcut_text})" if shortcut_text else tip)
            action.setStatusTip(tip)
            self._actions[action_id] = action

    def __getitem__(self, action_id: ActionId) -> QAction:
        return self._actions[action_id]

    def shortcuts(self) -> list[tuple[str, str]]:
        """(what it does, its keys) for every action that has a shortcut, in menu order."""
        found = []
        for action_id in ActionId:
            action = self._actions[action_id]
            keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            if keys:
                # the spec's words: an action's own text changes ("Undo Delete contact …")
                found.append((_tr(SPECS[action_id].text).replace("&", "").rstrip("…"), keys))
        return found

    def adopt(self, action_id: ActionId, action: QAction) -> None:
        """Use an action made elsewhere (e.g. by QUndoStack) with this entry's shortcut,
        icon and tips."""
        current = self._actions[action_id]
        action.setShortcut(current.shortcut())
        action.setIcon(current.icon())
        action.setToolTip(current.toolTip())
        action.setStatusTip(current.statusTip())
        self._actions[action_id] = action
        current.deleteLater()
