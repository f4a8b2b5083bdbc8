"""Edit ▸ Preferences… (Ctrl+,): the choices that belong to the user, not to a database.

Kept in the application's QSettings: the interface language, which takes effect at the
next start (every window would otherwise have to be built again), and the largest file
that may be attached.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from outreach.domain.limits import ATTACHMENT_LIMIT_MB
from ui.i18n import FOLLOW_SYSTEM, LANGUAGE_KEY, system_language
from ui.widgets.modal import ok_cancel

#: each language named in itself, as a language menu does
LANGUAGE_NAMES = {"en": "English", "fr": "Français"}
ATTACHMENT_LIMIT_KEY = "attachments/limit_mb"
MAX_LIMIT_MB = 500  # a database is no file server


def attachment_limit(settings: QSettings) -> int:
    """The largest file that may be attached, in bytes (Preferences; 50 MB unless set)."""
    value = settings.value(ATTACHMENT_LIMIT_KEY, ATTACHMENT_LIMIT_MB)
    try:
        megabytes = int(str(value))
    except ValueError:
        megabytes = ATTACHMENT_LIMIT_MB
    return min(max(megabytes, 1), MAX_LIMIT_MB) * 1024 * 1024


class PreferencesDialog(QDialog):
    """The user's preferences; OK keeps them, Cancel leaves them as they were."""

    def __init__(
        self, settings: QSettings, running_language: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._settings = settings
        self._running = running_language
        self.setWindowTitle(self.tr("Preferences"))
        self.language_box = QComboBox(self)
        system = LANGUAGE_NAMES[system_language()]
        self.language_box.addItem(self.tr("Follow the system ({0})").format(system), FOLLOW_SYSTEM)
        for code, name in LANGUAGE_NAMES.items():
            self.language_box.addItem(name, code)
        current = str(settings.value(LANGUAGE_KEY, FOLLOW_SYSTEM))
        self.language_box.setCurrentIndex(max(self.language_box.findData(current), 0))
        self.language_box.currentIndexChanged.connect(lambda _row: self._show_note())
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self.limit_box = QSpinBox(self)
        self.limit_box.setRange(1, MAX_LIMIT_MB)
        self.limit_box.setSuffix(" MB")
        self.limit_box.setValue(attachment_limit(settings) // (1024 * 1024))
        form = QFormLayout()
        form.addRow(self.tr("Interface &language:"), self.language_box)
        form.addRow(self.tr("Largest &attachment:"), self.limit_box)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.note)
        layout.addWidget(ok_cancel(self))
        self._show_note()

    def chosen(self) -> str:
        """The language choice shown: "system", "en" or "fr"."""
        return str(self.language_box.currentData())

    def language_after_restart(self) -> str:
        choice = self.chosen()
        return choice if choice in LANGUAGE_NAMES else system_language()

    def _show_note(self) -> None:
        after = self.language_after_restart()
        self.note.setText(
            ""
            if after == self._running
            else self.tr("Outreach will be in {0} from its next start.").format(
                LANGUAGE_NAMES[after]
            )
        )

    def accept(self) -> None:
        self._settings.setValue(LANGUAGE_KEY, self.chosen())
        self._settings.setValue(ATTACHMENT_LIMIT_KEY, self.limit_box.value())
        super().accept()
