"""Edit ▸ Preferences… (Ctrl+,): the choices that belong to the user, not to a database.

Kept in the application's QSettings: the interface language, which takes effect at the
next start (every window would otherwise have to be built again), and the largest file
that may be attached.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
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
PAPER_KEY = "printing/paper"  # the print preview's Settings… keep them too
MARKING_KEY = "printing/marking"
MY_NAME_KEY = "me/name"
MY_DESK_KEY = "me/desk"
PRINT_MY_NAME_KEY = "me/print_name"
MAX_LIMIT_MB = 500  # a database is no file server


def my_name(settings: QSettings) -> str:
    """The officer's own name (Preferences), "" when not given."""
    return " ".join(str(settings.value(MY_NAME_KEY, "") or "").split())


def my_desk(settings: QSettings) -> str:
    """The officer's desk or mission ("Embassy of Canada in Bangkok"), "" when not given."""
    return " ".join(str(settings.value(MY_DESK_KEY, "") or "").split())


def prints_my_name(settings: QSettings) -> bool:
    """Whether briefing sheets name the officer when no other name is typed for them."""
    return str(settings.value(PRINT_MY_NAME_KEY, "false")).lower() == "true"


def default_officer(settings: QSettings, *remembered_keys: str, role: str = "") -> str:
    """Who a new record names as its officer: me, else my role on a desk's server, else
    the name last typed (the first of `remembered_keys` that holds one)."""
    remembered = (settings.value(key, "") for key in remembered_keys)
    for name in (my_name(settings), role, *remembered):
        if name:
            return str(name)
    return ""


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
        self,
        settings: QSettings,
        running_language: str,
        parent: QWidget | None = None,
        *,
        database: str = "",
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
        self._build_me(settings)
        form = QFormLayout()
        form.addRow(self.tr("Your &name:"), self.name_edit)
        form.addRow(self.tr("&Desk or mission:"), self.desk_edit)
        form.addRow("", self.print_name_check)
        form.addRow(self.tr("Default &marking:"), self.marking_box)
        form.addRow(self.tr("Default pape&r:"), self.paper_box)
        form.addRow(self.tr("Interface &language:"), self.language_box)
        form.addRow(self.tr("Largest &attachment:"), self.limit_box)
        if database:  # where my data is: to back it up, or to find it on another machine
            self.database_label = QLabel(database, self)
            self.database_label.setTextInteractionFlags(
                Qt.TextInteractionFlag.TextSelectableByMouse
            )
            self.database_label.setWordWrap(True)
            form.addRow(self.tr("My database:"), self.database_label)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.note)
        layout.addWidget(ok_cancel(self))
        self._show_note()

    def _build_me(self, settings: QSettings) -> None:
        """Who I am and how I print: the default officer of what I record, my desk on
        the drafts I write, the marking and paper my sheets start with."""
        # Here, not at the top: the printing's words load when Preferences first opens.
        from outreach.briefing.labels import Words
        from outreach.briefing.options import OFFICER_MAX, Marking, PaperSize
        from outreach.i18n import current_language

        self.name_edit = QLineEdit(my_name(settings), self)
        self.name_edit.setMaxLength(OFFICER_MAX)
        self.name_edit.setPlaceholderText(self.tr("The officer new entries and démarches name"))
        self.desk_edit = QLineEdit(my_desk(settings), self)
        self.desk_edit.setMaxLength(200)
        self.desk_edit.setPlaceholderText(self.tr("Embassy of Canada in Bangkok"))
        self.print_name_check = QCheckBox(self.tr("&Print my name on briefing sheets"), self)
        self.print_name_check.setChecked(prints_my_name(settings))
        words = Words(current_language())
        self.marking_box = QComboBox(self)
        for marking in Marking:
            self.marking_box.addItem(words.marking(marking), marking.value)
        marking_now = str(settings.value(MARKING_KEY, Marking.UNCLASSIFIED.value))
        self.marking_box.setCurrentIndex(max(self.marking_box.findData(marking_now), 0))
        self.paper_box = QComboBox(self)
        self.paper_box.addItem(self.tr("A4"), PaperSize.A4.value)
        self.paper_box.addItem(self.tr("Letter"), PaperSize.LETTER.value)
        paper_now = settings.value(PAPER_KEY)
        if paper_now is not None:
            self.paper_box.setCurrentIndex(max(self.paper_box.findData(str(paper_now)), 0))
        self._paper_chosen = paper_now is not None  # else the print settings' own default
        self.paper_box.currentIndexChanged.connect(lambda _row: self._paper_was_chosen())

    def _paper_was_chosen(self) -> None:
        self._paper_chosen = True

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
        self._settings.setValue(MY_NAME_KEY, " ".join(self.name_edit.text().split()))
        self._settings.setValue(MY_DESK_KEY, " ".join(self.desk_edit.text().split()))
        self._settings.setValue(PRINT_MY_NAME_KEY, self.print_name_check.isChecked())
        self._settings.setValue(MARKING_KEY, self.marking_box.currentData())
        if self._paper_chosen:
            self._settings.setValue(PAPER_KEY, self.paper_box.currentData())
        super().accept()
