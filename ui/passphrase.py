"""The passphrase of an encrypted database file in the app: asked when it opens (three
tries), optionally kept in the system keyring, and chosen for File ▸ Encrypt this
database…

The passphrase goes to the core and, when the officer ticks the box, to the system
keyring (under the service "Outreach" and the file's path); never to the settings, a log
line or a message.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from outreach.errors import OutreachError, PassphraseRequiredError, WrongPassphraseError
from outreach.storage.encryption import LOST_PASSPHRASE, MIN_PASSPHRASE
from outreach.storage.location import FileLocation, Location
from ui.widgets.modal import accepted, ok_cancel

T = TypeVar("T")
KEYRING_SERVICE = "Outreach"
TRIES = 3
#: what a dialog answered: the passphrase and whether to keep it in the keyring; None
#: when the officer cancelled
Answer = tuple[str, bool] | None


def _tr(text: str) -> str:
    return QCoreApplication.translate("Passphrase", text)


class SystemKeyring:
    """The system keyring (Secret Service, macOS Keychain, Windows Credential Locker),
    when this computer has one; every failure of it means "not remembered". The keyring
    package loads when a passphrase is first looked up or kept, not at start."""

    def why_unavailable(self) -> str:
        """Why this computer cannot keep passphrases, for a tooltip; "" when it can."""
        import keyring.backends.fail

        try:
            backend = keyring.get_keyring()
        except Exception:  # a broken keyring configuration is no keyring
            return QCoreApplication.translate(
                "Passphrase", "No system keyring could be loaded on this computer."
            )
        if isinstance(backend, keyring.backends.fail.Keyring):
            return QCoreApplication.translate(
                "Passphrase", "This computer has no system keyring (e.g. no desktop session)."
            )
        return ""

    def get(self, path: Path) -> str | None:
        import keyring.errors

        try:
            return keyring.get_password(KEYRING_SERVICE, str(path))
        except keyring.errors.KeyringError:
            return None

    def remember(self, path: Path, passphrase: str) -> None:
        import keyring.errors

        try:
            keyring.set_password(KEYRING_SERVICE, str(path), passphrase)
        except keyring.errors.KeyringError:
            return  # not remembered: it is asked next time

    def forget(self, path: Path) -> None:
        import keyring.errors

        try:
            keyring.delete_password(KEYRING_SERVICE, str(path))
        except keyring.errors.KeyringError:  # nothing kept, or no keyring
            return


class PassphraseDialog(QDialog):
    """The passphrase of an encrypted file, hidden as it is typed, with "Remember in the
    system keyring" (disabled, saying why, where there is no keyring)."""

    def __init__(
        self, name: str, why_no_keyring: str, problem: str = "", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(QCoreApplication.translate("Passphrase", "Encrypted database"))
        self.field = QLineEdit(self)
        self.field.setEchoMode(QLineEdit.EchoMode.Password)
        self.field.setMinimumWidth(320)
        self.remember = QCheckBox(
            QCoreApplication.translate("Passphrase", "&Remember in the system keyring"), self
        )
        if why_no_keyring:
            self.remember.setEnabled(False)
            self.remember.setToolTip(why_no_keyring)
        self.problem = QLabel(problem, self)
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #b00020")
        self.problem.setVisible(bool(problem))
        intro = QLabel(
            QCoreApplication.translate("Passphrase", "{0} is encrypted. Its passphrase:").format(
                name
            ),
            self,
        )
        intro.setBuddy(self.field)  # the field's name for screen readers
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.field)
        layout.addWidget(self.remember)
        layout.addWidget(self.problem)
        layout.addWidget(
            ok_cancel(self, self.accept, QCoreApplication.translate("Passphrase", "&Open"))
        )

    def answer(self) -> tuple[str, bool]:
        return self.field.text(), self.remember.isChecked()


def ask_passphrase(name: str, why_no_keyring: str, problem: str) -> Answer:
    """The passphrase dialog, modal; None when cancelled."""
    dialog = PassphraseDialog(name, why_no_keyring, problem)
    return dialog.answer() if accepted(dialog) else None


Asker = Callable[[str, str, str], Answer]


def opened_with_passphrase(
    location: Location,
    open_with: Callable[[str | None], T],
    *,
    known: str | None = None,
    ask: Asker = ask_passphrase,
    system_keyring: SystemKeyring | None = None,
) -> T:
    """`open_with(None)`; for an encrypted file, `open_with(passphrase)` with `known`
    (the one it was opened with before), else the one the keyring keeps, else the one
    the officer types (three tries; a passphrase that works is kept in the keyring when
    they ticked the box)."""
    try:
        return open_with(None)
    except PassphraseRequiredError:
        pass
    assert isinstance(location, FileLocation)  # only a file is ever encrypted
    path = location.path
    kept = system_keyring or SystemKeyring()
    for candidate in (known, kept.get(path)):
        if candidate is not None:
            try:
                return open_with(candidate)
            except WrongPassphraseError:
                continue
    problem = ""
    for number in range(1, TRIES + 1):
        answer = ask(location.name, kept.why_unavailable(), problem)
        if answer is None:
            raise OutreachError(
                QCoreApplication.translate(
                    "Passphrase", "{0} was not opened: it needs its passphrase."
                ).format(location.name)
            )
        passphrase, remember = answer
        try:
            result = open_with(passphrase)
        except WrongPassphraseError as error:
            left = TRIES - number
            problem = (
                QCoreApplication.translate("Passphrase", "{0} {1} more tries.").format(error, left)
                if left
                else str(error)
            )
            continue
        if remember:
            kept.remember(path, passphrase)
        return result
    raise OutreachError(
        QCoreApplication.translate("Passphrase", "Three wrong passphrases; nothing was opened.")
    )


class NewPassphraseDialog(QDialog):
    """File ▸ Encrypt this database…: the new passphrase twice, at least eight
    characters, and the warning that a lost passphrase means lost data."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(QCoreApplication.translate("Passphrase", "Encrypt {0}").format(name))
        self.first = QLineEdit(self)
        self.second = QLineEdit(self)
        for field in (self.first, self.second):
            field.setEchoMode(QLineEdit.EchoMode.Password)
            field.setMinimumWidth(320)
        note = QLabel(
            QCoreApplication.translate(
                "Passphrase",
                "From now on {0} opens only with this passphrase, and its backups are "
                "encrypted with it. {1}",
            ).format(name, _tr(LOST_PASSPHRASE)),
            self,
        )
        note.setWordWrap(True)
        self.problem = QLabel("", self)
        self.problem.setStyleSheet("color: #b00020")
        self.problem.setWordWrap(True)
        self.problem.hide()
        form = QFormLayout()
        form.addRow(QCoreApplication.translate("Passphrase", "&Passphrase:"), self.first)
        form.addRow(QCoreApplication.translate("Passphrase", "&Again:"), self.second)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(
            ok_cancel(self, self.accept, QCoreApplication.translate("Passphrase", "&Encrypt"))
        )
        self.chosen: str | None = None

    def accept(self) -> None:
        first, second = self.first.text(), self.second.text()
        if len(first) < MIN_PASSPHRASE:
            self._refuse(
                QCoreApplication.translate(
                    "Passphrase", "A passphrase has at least {0} characters."
                ).format(MIN_PASSPHRASE)
            )
        elif first != second:
            self._refuse(
                QCoreApplication.translate(
                    "Passphrase", "The two passphrases differ; type the same one twice."
                )
            )
        else:
            self.chosen = first
            super().accept()

    def _refuse(self, problem: str) -> None:
        self.problem.setText(problem)
        self.problem.show()
        self.second.clear()
        self.first.setFocus()
        self.first.selectAll()
