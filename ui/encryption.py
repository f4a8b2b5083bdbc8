"""File ▸ Encrypt this database… and Decrypt this database… in the app.

Both are chosen in the window and carried out once it has closed and let go of the file
(`Conversion.carry_out`, from `DesktopApp.finish`); the file then opens again, with the
new passphrase or none. The conversion itself is `outreach.storage.encryption`'s.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from outreach.errors import OutreachError
from outreach.storage import encryption
from outreach.storage.database import Database
from ui.errors import show_error
from ui.passphrase import NewPassphraseDialog, SystemKeyring
from ui.widgets.modal import accepted, said_yes

#: the main window's property that says its database is encrypted
ENCRYPTED_PROPERTY = "outreach-encrypted"


def plaintext_confirmed(parent: QWidget | None) -> bool:
    """Before the app writes records to a plain file (Export this list, Export calendar):
    True at once for a plain database; for an encrypted one (the window of `parent` says
    so), only when the officer confirms. Printing briefings is not asked: it is a choice
    made with the marking in view."""
    widget = parent
    while widget is not None and not widget.property(ENCRYPTED_PROPERTY):
        widget = widget.parentWidget()
    if widget is None:
        return True
    return said_yes(
        parent,
        QCoreApplication.translate("Encryption", "The database is encrypted"),
        QCoreApplication.translate(
            "Encryption",
            "This database is encrypted, but the file you are about to write will not be: "
            "anyone who can read it can read what it holds. Write it anyway?",
        ),
    )


@dataclass(frozen=True, slots=True)
class Conversion:
    """An encryption (`new_passphrase` set) or a decryption (`current` set) chosen."""

    new_passphrase: str | None = None
    current: str | None = None
    delete_plaintext: bool = False

    def carry_out(self, path: Path, parent: QWidget | None = None) -> str | None:
        """Convert the closed file `path`; returns the passphrase it opens with now (a
        failure is said, and the file is as it was)."""
        try:
            if self.new_passphrase is not None:
                done = encryption.encrypt_file(path, self.new_passphrase)
                copies = list(done.plaintext_copies) if self.delete_plaintext else []
                encryption.replace_plaintext_backups(path, self.new_passphrase, copies)
                return self.new_passphrase
            assert self.current is not None
            encryption.decrypt_file(path, self.current)
            SystemKeyring().forget(path)
        except OutreachError as error:
            show_error(parent, error)
            return self.current
        return None


def _not_possible(parent: QWidget, db: Database) -> str:
    if db.is_server:
        return QCoreApplication.translate(
            "Encryption",
            "This database is on the desk's server: Outreach encrypts database files only. "
            "The server's own encryption and TLS are its administrator's business.",
        )
    if db.read_only:
        return QCoreApplication.translate(
            "Encryption", "This file is opened read-only: it cannot be converted."
        )
    return ""


def ask_encryption(parent: QWidget, db: Database) -> Conversion | None:
    """The new passphrase (twice), and whether to delete the plain-text backups."""
    why_not = _not_possible(parent, db)
    if why_not or db.encrypted:
        QMessageBox.information(
            parent,
            QCoreApplication.translate("Encryption", "Encrypt this database"),
            why_not or QCoreApplication.translate("Encryption", "It is encrypted already."),
        )
        return None
    dialog = NewPassphraseDialog(db.location.name, parent)
    if not accepted(dialog) or dialog.chosen is None:
        return None
    copies = encryption.plaintext_copies(db.path)
    delete = False
    if copies:
        delete = said_yes(
            parent,
            QCoreApplication.translate("Encryption", "Encrypt this database"),
            QCoreApplication.translate(
                "Encryption",
                "{0} plain-text copies of this file exist (backups, files kept by a "
                "restore). Delete them once an encrypted backup replaces them?",
            ).format(len(copies)),
            QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.Yes,
        )
    return Conversion(new_passphrase=dialog.chosen, delete_plaintext=delete)


def ask_decryption(parent: QWidget, db: Database) -> Conversion | None:
    """Confirmed: the file is to be plain again."""
    why_not = _not_possible(parent, db)
    if why_not or not db.encrypted:
        QMessageBox.information(
            parent,
            QCoreApplication.translate("Encryption", "Decrypt this database"),
            why_not or QCoreApplication.translate("Encryption", "It is not encrypted."),
        )
        return None
    if not said_yes(
        parent,
        QCoreApplication.translate("Encryption", "Decrypt this database"),
        QCoreApplication.translate(
            "Encryption",
            "Store {0} unencrypted? Anyone who can read the file can then read its "
            "content. Its encrypted backups stay encrypted.",
        ).format(db.location.name),
    ):
        return None
    return Conversion(current=db.passphrase)
