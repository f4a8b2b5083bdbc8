"""Choosing the database: File ▸ Open… (a file, or a desk's server by its URL) and
File ▸ Open recent.

The recent list keeps what `Location.display` shows, which never holds a password: a
password belongs in libpq's own places (~/.pgpass, PGPASSWORD, a service file), never
in the app's settings.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from outreach.errors import OutreachError
from outreach.setup import prepare_database
from outreach.storage.location import FileLocation, Location, parse_location
from ui.errors import show_error
from ui.widgets.modal import ok_cancel

RECENT_KEY = "databases/recent"
RECENT_MAX = 8


class RecentDatabases:
    """The databases opened lately, newest first, as a person may see them."""

    def __init__(self, settings: QSettings) -> None:
        self._settings = settings

    def entries(self) -> list[str]:
        value = self._settings.value(RECENT_KEY, [])
        if isinstance(value, str):  # QSettings gives a lone entry as a string
            value = [value]
        return [str(entry) for entry in value] if isinstance(value, list) else []

    def add(self, location: Location) -> None:
        shown = location.display  # never the password
        entries = [shown, *(entry for entry in self.entries() if entry != shown)]
        self._settings.setValue(RECENT_KEY, entries[:RECENT_MAX])


class OpenDatabaseDialog(QDialog):
    """A file path or a server URL, with Browse… for a file."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(QCoreApplication.translate("Databases", "Open a database"))
        self.where = QLineEdit(self)
        self.where.setPlaceholderText(
            QCoreApplication.translate(
                "Databases", "/path/to/campaign.db or postgresql://ROLE@HOST/DBNAME"
            )
        )
        self.where.setMinimumWidth(460)
        browse = QPushButton(QCoreApplication.translate("Databases", "&Browse…"), self)
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.where, 1)
        row.addWidget(browse)
        hint = QLabel(
            QCoreApplication.translate(
                "Databases",
                "A file on this computer, or the desk's shared server. A server's password "
                "is read from ~/.pgpass or PGPASSWORD, never kept by Outreach.",
            ),
            self,
        )
        hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        label = QLabel(QCoreApplication.translate("Databases", "&Database:"), self)
        label.setBuddy(self.where)
        layout.addWidget(label)
        layout.addLayout(row)
        layout.addWidget(hint)
        layout.addWidget(
            ok_cancel(self, self.accept, QCoreApplication.translate("Databases", "&Open"))
        )
        self.chosen: Location | None = None

    def _browse(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self,
            QCoreApplication.translate("Databases", "Open a database file"),
            "",
            QCoreApplication.translate("Databases", "Outreach databases (*.db);;All files (*)"),
        )
        if path:
            self.where.setText(path)

    def accept(self) -> None:
        try:
            self.chosen = parse_location(self.where.text())
        except OutreachError as error:
            show_error(self, error)
            self.where.setFocus()
            return
        super().accept()


def new_database_file(parent: QWidget) -> Location | None:
    """File ▸ New database…: ask where, make the file there with the reference data and
    return it to open; None when cancelled or refused (said to the user)."""
    chosen, _filter = QFileDialog.getSaveFileName(
        parent,
        QCoreApplication.translate("Databases", "New database file"),
        "",
        QCoreApplication.translate("Databases", "Outreach databases (*.db)"),
    )
    if not chosen:
        return None
    path = Path(chosen)
    if not path.suffix:
        path = path.with_suffix(".db")
    if path.exists() and path.stat().st_size > 0:
        show_error(
            parent,
            OutreachError(
                QCoreApplication.translate(
                    "Databases", "{0} already exists; open it with File ▸ Open database…."
                ).format(path)
            ),
        )
        return None
    try:
        prepare_database(path, demo_on_first_run=False, create=True).close()
    except OutreachError as error:
        show_error(parent, error)
        return None
    return FileLocation(path)
