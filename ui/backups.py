"""Backups in the app: File ▸ Restore from backup…, the latest good backup offered when
the file is damaged at start, and the daily backup when a file opens.

The copies themselves are `outreach.storage.backups`' business; this module asks.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHeaderView,
    QLabel,
    QMainWindow,
    QMessageBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from outreach.errors import CorruptDatabaseError, NotADatabaseError, OutreachError
from outreach.storage import backups
from outreach.storage.backups import Backup
from outreach.storage.database import Database
from outreach.storage.location import FileLocation, Location
from ui.background import BackgroundOp, Job
from ui.errors import show_error
from ui.widgets.modal import accepted, ok_cancel, said_yes

#: what a backup's reason means to the officer
REASONS = {
    "daily": QT_TRANSLATE_NOOP("Backups", "when the app started"),
    "before-migration": QT_TRANSLATE_NOOP("Backups", "before an update of the file"),
    "import": QT_TRANSLATE_NOOP("Backups", "before an import"),
    "merge": QT_TRANSLATE_NOOP("Backups", "before a merge of contacts"),
    "manual": QT_TRANSLATE_NOOP("Backups", "on request"),
    "encrypted": QT_TRANSLATE_NOOP("Backups", "when the file was encrypted"),
}


def _tr(text: object) -> str:
    """A text marked with QT_TRANSLATE_NOOP in this module, translated."""
    return QCoreApplication.translate("Backups", str(text))


def reason_text(backup: Backup) -> str:
    return _tr(REASONS.get(backup.reason, backup.reason))


class RestoreBackupDialog(QDialog):
    """The backups of a file, newest first (when, why, how big); Restore… takes the one
    selected."""

    def __init__(self, found: list[Backup], folder: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(QCoreApplication.translate("Backups", "Restore from backup"))
        self.found = found
        self.chosen: Backup | None = None
        self.table = QTableWidget(len(found), 3, self)
        self.table.setTabKeyNavigation(False)  # Tab leaves the list (arrows move in it)
        self.table.setAccessibleName(QCoreApplication.translate("Backups", "Backups"))
        self.table.setHorizontalHeaderLabels(
            [
                QCoreApplication.translate("Backups", "Taken"),
                QCoreApplication.translate("Backups", "Why"),
                QCoreApplication.translate("Backups", "Size"),
            ]
        )
        for row, backup in enumerate(found):
            for column, text in enumerate(
                (backups.taken_text(backup), reason_text(backup), backups.size_text(backup.size))
            ):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.doubleClicked.connect(lambda _index: self.accept())
        self.table.selectRow(0)
        self.table.setMinimumWidth(460)
        where = QLabel(
            QCoreApplication.translate("Backups", "Backups kept in {0}").format(folder), self
        )
        where.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(where)
        layout.addWidget(
            ok_cancel(self, self.accept, QCoreApplication.translate("Backups", "&Restore…"))
        )

    def accept(self) -> None:
        row = self.table.currentRow()
        if not 0 <= row < len(self.found):
            return
        self.chosen = self.found[row]
        super().accept()


def choose_backup(parent: QWidget, db: Database) -> Path | None:
    """File ▸ Restore from backup…: the backup to put in place of `db`'s file, checked
    and confirmed; None when there is none or the officer changed their mind."""
    if db.is_server:
        QMessageBox.information(
            parent,
            QCoreApplication.translate("Backups", "Restore from backup"),
            QCoreApplication.translate(
                "Backups",
                "This database is on the desk's server: its backups are made and restored "
                "on the server by its administrator.",
            ),
        )
        return None
    path = db.path
    found = backups.list_backups(path)
    if not found:
        QMessageBox.information(
            parent,
            QCoreApplication.translate("Backups", "Restore from backup"),
            QCoreApplication.translate(
                "Backups",
                "There is no backup of {0} yet. One is made each day the app starts, and "
                "before every import and merge, in {1}.",
            ).format(path.name, backups.backup_folder(path)),
        )
        return None
    dialog = RestoreBackupDialog(found, backups.backup_folder(path), parent)
    if not accepted(dialog) or dialog.chosen is None:
        return None
    chosen = dialog.chosen
    try:
        backups.check_copy(chosen.path, db.passphrase)
    except OutreachError as error:
        show_error(parent, error)
        return None
    question = QCoreApplication.translate(
        "Backups",
        "Replace {0} with the backup taken {1} ({2})?\n\nWhat was saved since then will "
        "not be in it. The current file is kept beside it, renamed {3}.",
    ).format(path.name, backups.taken_text(chosen), reason_text(chosen), _aside(path))
    return (
        chosen.path
        if said_yes(parent, QCoreApplication.translate("Backups", "Restore from backup"), question)
        else None
    )


def put_back(
    backup: Path, target: Path, passphrase: str | None = None, parent: QWidget | None = None
) -> bool:
    """Restore `backup` over `target` (closed by now); an error is said, and False."""
    try:
        backups.restore(backup, target, passphrase)
    except OutreachError as error:
        show_error(parent, error)
        return False
    return True


def restored_after_damage(location: Location, error: OutreachError) -> bool:
    """When opening the file `location` failed because it is damaged, offer its latest
    good backup; True once that backup is in place (open it again)."""
    damaged = isinstance(error, CorruptDatabaseError | NotADatabaseError)
    if not damaged or not isinstance(location, FileLocation):
        return False
    path = location.path
    latest = backups.latest_good_backup(path)
    if latest is None:
        return False
    question = QCoreApplication.translate(
        "Backups",
        "{0}\n\nRestore the latest good backup, taken {1} ({2})? What was saved since then "
        "will not be in it. The damaged file is kept beside it, renamed {3}.",
    ).format(error, backups.taken_text(latest), reason_text(latest), _aside(path))
    if not said_yes(
        None, QCoreApplication.translate("Backups", "The database is damaged"), question
    ):
        return False
    return put_back(latest.path, path)


def keep_daily_backup(db: Database, window: QMainWindow) -> Job[Backup | None] | None:
    """A backup of the file when its newest is older than a day, made on a worker thread
    (a day's first copy of a large file takes a while, and the window stays usable); a
    failure is said in the status bar and stops nothing. The job, to wait for before
    anything replaces the file; None when a file of this kind is not backed up here."""
    if db.is_server or db.read_only:
        return None  # a server's backups are its administrator's; a read-only file cannot change

    def not_made(error: BaseException) -> None:
        if not isinstance(error, OutreachError):
            raise error  # a bug: the app's error display reports it
        window.statusBar().showMessage(
            QCoreApplication.translate("Backups", "No backup was made: {0}").format(error), 60_000
        )

    path, passphrase = db.path, db.passphrase
    operation = BackgroundOp(
        window,
        lambda _task: backups.backup_if_stale(path, passphrase=passphrase),
        done=lambda _made: None,
        failed=not_made,
    )
    return operation.start().job


def _aside(path: Path) -> str:
    return f"{path.stem}.before-restore-…{path.suffix or '.db'}"
