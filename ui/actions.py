"""Every menu and toolbar action, declared once and keyed by an enum.

Menus, the toolbar and shortcuts are all built from this table, so a shortcut is
defined in one place and shows the same everywhere.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum, auto

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject
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
    PRINT_REPORT = auto()
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
    PREFERENCES = auto()


@dataclass(frozen=True, slots=True)
class ActionSpec:
    text: object  # QT_TRANSLATE_NOOP("actions", …)
    shortcut: Shortcut
    icon: str  # a freedesktop theme icon name
    tip: object  # QT_TRANSLATE_NOOP("actions", …)


def _tr(text: object) -> str:
    """A text marked with QT_TRANSLATE_NOOP in this module, translated."""
    return QCoreApplication.translate("actions", str(text))


SPECS: dict[ActionId, ActionSpec] = {
    ActionId.NEW: ActionSpec(
        QT_TRANSLATE_NOOP("actions", "&New"),
        QKeySequence.StandardKey.New,
        "document-new",
        QT_TRANSLATE_NOOP("actions", "Add a record to the list in view"),
    ),
    ActionId.OPEN: ActionSpec(
        QT_TRANSLATE_NOOP("actions", "&Open database…"),
        QKeySequence.StandardKey.Open,
        "document-open",
        QT_TRANSLATE_NOOP("actions", "Open another database: a file, or the desk's server"),
    ),
    ActionId.NEW_DATABASE: ActionSpec(
        QT_TRANSLATE_NOOP("actions", "New data&base…"),
        "Ctrl+Shift+N",
        "document-new",
        QT_TRANSLATE_NOOP("actions", "Make a new database file with the reference data"),
    ),
    ActionId.RESTORE_BACKUP: ActionSpec(
        QT_TRANSLATE_NOOP("actions", "Restore from b&ackup…"),
        None,
        "document-revert",
        QT_TRANSLATE_NOOP("actions", "Put a backup of this database file in its place"),
    ),
    ActionId.ENCRYPT: ActionSpec(
        QT_TRANSLATE_NOOP("actions", "&Encrypt this database…"),
        None,
        "security-high",
        QT_TRANSLATE_NOOP("actions", "Encrypt the file with a passphrase (PROTECTED data)"),
    ),
    ActionId.DECRYPT: ActionSpec(
        QT_TRANSLATE_NOOP("actions", "&Decrypt this database…"),
        None,
        "security-low",
        QT_TRANSLATE_NOOP("actions", "Store the encrypted file unencrypted again"),
    ),
    ActionId.SAVE: ActionSpec(
        QT_TRANSLATE_NOOP("actions", "&Save"),
        QKeySequence.StandardKey.Save,
        "document-save",
        QT_TRANSLATE_NOOP("actions", "Save the edits in view"),
    ),
    ActionId.UNDO: ActionSpec(
        QT_TRANSLATE_NOOP("actions", "&Undo"),
        QKeySequence.StandardKey.Undo,
        "edit-undo",
        QT_TRANSLATE_NOOP("actions", "Undo the last change"),
    ),
    ActionId.REDO: ActionSpec(
        QT_TRANSLATE_NOOP("actions", "&Redo"),
        QKeySequence.StandardKey.Redo,
        "edit-redo",
        QT_TRANSLATE_NOOP("actions", "Redo the change undone"),
    ),
    ActionId.FIND: ActionSpec(
        QT_TRANSLATE_NOOP("actions", "&Find"),
        QKeySequence.StandardKey.Find,
        "edit-find",
        QT_TRANSLATE_NOOP("actions", "Filter the list in view"),
    ),
    ActionId.SEARCH: ActionSpec(
        QT_TRANSLATE_NOOP("actions", "&Search everything…"),
        "Ctrl+K",
        "system-search",
        QT_TRANSLATE_NOOP("actions", "Find states, contacts, démarches, log entries and more"),
    ),
    ActionId.PRINT: ActionSpec(
        QT_TRANSLATE_NOOP("actions", "&Print…"),
        QKeySequence.StandardKey.Print,
        "document-print",
        QT_TRANSLATE_NOOP("actions", "Print the selected state's briefing sheet or meeting's pack"),
    ),
    ActionId.PRINT_SETTINGS: ActionSpec(
        QT_TRANSLATE_NOOP("actions", "Print se&ttings…"),
        "Ctrl+Shift+P",
        "document-properties",
        QT_TRANSLATE_NOOP("actions", "Paper size, security marking and officer"),
    ),
    ActionId.PRINT_REPORT: ActionSpec(
        QT_TRANSLATE_NOOP("actions", "Print stat&us report…"),
        "Ctrl+Shift+R",
        "x-office-document",
        QT_TRANSLATE_NOOP(
            "actions",
            "The director's report: the curve, the map, what moved, démarches delivered, "
            "overdue follow-ups and the next meetings",
        ),
    ),
    ActionId.EXPORT_CALENDAR: ActionSpec(
        QT_TRANSLATE_NOOP("actions", "Export &calendar…"),
        None,
        "x-office-calendar",
        QT_TRANSLATE_NOOP("actions", "Write meetings, interventions and due dates to .ics"),
    ),
    ActionId.IMPORT_UNTC: ActionSpec(
        QT_TRANSLATE_NOOP("actions", "Treaty &status from the UN Treaty Collection…"),
        None,
        "document-import",
        QT_TRANSLATE_NOOP("actions", "Update participations from a UNTC table"),
    ),
    ActionId.IMPORT_CONTACTS: ActionSpec(
        QT_TRANSLATE_NOOP("actions", "&Contacts from CSV…"),
        None,
        "document-import",
        QT_TRANSLATE_NOOP("actions", "Add contacts from a spreadsheet"),
    ),
    ActionId.QUIT: ActionSpec(
        QT_TRANSLATE_NOOP("actions", "&Quit"),
        QKeySequence.StandardKey.Quit,
        "application-exit",
        QT_TRANSLATE_NOOP("actions", "Close Outreach"),
    ),
    ActionId.LOG_CONTACT: ActionSpec(
        QT_TRANSLATE_NOOP("actions", "&Log a contact…"),
        "Ctrl+L",
        "call-start",
        QT_TRANSLATE_NOOP("actions", "Record a call, meeting or message"),
    ),
    ActionId.PLAN_DEMARCHE: ActionSpec(
        QT_TRANSLATE_NOOP("actions", "Plan a &démarche…"),
        "Ctrl+D",
        "mail-message-new",
        QT_TRANSLATE_NOOP("actions", "Plan a formal approach to a state"),
    ),
    ActionId.GO_TO_STATE: ActionSpec(
        QT_TRANSLATE_NOOP("actions", "&Go to state…"),
        "Ctrl+G",
        "go-jump",
        QT_TRANSLATE_NOOP("actions", "Jump to a state by name, code or alias"),
    ),
    ActionId.MANAGE_CATEGORIES: ActionSpec(
        QT_TRANSLATE_NOOP("actions", "Priority &categories…"),
        "Ctrl+Shift+C",
        "view-list-tree",
        QT_TRANSLATE_NOOP("actions", "Create and edit categories"),
    ),
    ActionId.ASSIGN_CATEGORY: ActionSpec(
        QT_TRANSLATE_NOOP("actions", "&Assign to category…"),
        "Ctrl+Shift+A",
        "list-add",
        QT_TRANSLATE_NOOP("actions", "Put the selected state in a category"),
    ),
    ActionId.FIND_DUPLICATES: ActionSpec(
        QT_TRANSLATE_NOOP("actions", "Find d&uplicate contacts…"),
        None,
        "edit-copy",
        QT_TRANSLATE_NOOP("actions", "Review contacts entered twice and merge them"),
    ),
    ActionId.DELETE: ActionSpec(
        QT_TRANSLATE_NOOP("actions", "&Delete"),
        QKeySequence.StandardKey.Delete,
        "edit-delete",
        QT_TRANSLATE_NOOP("actions", "Delete the selected record (it can be undone)"),
    ),
    ActionId.REFRESH: ActionSpec(
        QT_TRANSLATE_NOOP("actions", "&Refresh"),
        QKeySequence.StandardKey.Refresh,
        "view-refresh",
        QT_TRANSLATE_NOOP("actions", "Read the database again"),
    ),
    ActionId.SHORTCUTS: ActionSpec(
        QT_TRANSLATE_NOOP("actions", "&Keyboard shortcuts"),
        "F1",
        "help-keyboard-shortcuts",
        QT_TRANSLATE_NOOP("actions", "Every shortcut of the window"),
    ),
    ActionId.PREFERENCES: ActionSpec(
        QT_TRANSLATE_NOOP("actions", "&Preferences…"),
        "Ctrl+,",
        "preferences-system",
        QT_TRANSLATE_NOOP("actions", "Your choices: the interface language"),
    ),
    ActionId.ABOUT: ActionSpec(
        QT_TRANSLATE_NOOP("actions", "&About Outreach"),
        None,
        "help-about",
        QT_TRANSLATE_NOOP("actions", "About this app"),
    ),
}


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
