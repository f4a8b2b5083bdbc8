"""The printing settings the app remembers: paper size, security marking, officer, and the
language of the printed pages (the app's unless chosen otherwise).

They live in QSettings under "printing/"; the core only ever receives a `PrintOptions`.
The officer's name is empty until the user types one: the operating system's user name
is never used.
"""

from __future__ import annotations

from PySide6.QtCore import QLocale, QSettings
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from outreach.briefing.labels import Words
from outreach.briefing.options import OFFICER_MAX, Marking, PaperSize, PrintOptions
from outreach.errors import ValidationError
from outreach.i18n import current_language, supported
from ui.preferences import LANGUAGE_NAMES, MARKING_KEY, PAPER_KEY, my_name, prints_my_name
from ui.widgets.modal import accepted, ok_cancel

OFFICER_KEY = "printing/officer"
LANGUAGE_KEY = "printing/language"  # "" (the app's language), "en" or "fr"

#: where Letter is the usual paper (everywhere else: A4)
LETTER_TERRITORIES = {
    QLocale.Country.UnitedStates,
    QLocale.Country.Canada,
    QLocale.Country.Mexico,
    QLocale.Country.Philippines,
    QLocale.Country.Chile,
    QLocale.Country.Colombia,
}


def default_paper() -> PaperSize:
    return PaperSize.LETTER if QLocale().territory() in LETTER_TERRITORIES else PaperSize.A4


def load_options(settings: QSettings) -> PrintOptions:
    """The remembered options; anything unreadable falls back to its default."""
    try:
        paper = PaperSize.parse(str(settings.value(PAPER_KEY, default_paper().value)))
    except ValidationError:
        paper = default_paper()
    try:
        marking = Marking.parse(str(settings.value(MARKING_KEY, Marking.UNCLASSIFIED.value)))
    except ValidationError:
        marking = Marking.UNCLASSIFIED
    officer = " ".join(str(settings.value(OFFICER_KEY, "") or "").split())[:OFFICER_MAX]
    if not officer and prints_my_name(settings):  # Preferences: print my name
        officer = my_name(settings)[:OFFICER_MAX]
    language = supported(str(settings.value(LANGUAGE_KEY, "") or "")) or current_language()
    return PrintOptions(paper=paper, marking=marking, officer=officer, language=language)


def save_options(settings: QSettings, options: PrintOptions) -> None:
    settings.setValue(PAPER_KEY, options.paper.value)
    settings.setValue(MARKING_KEY, options.marking.value)
    settings.setValue(OFFICER_KEY, options.officer)
    chosen = "" if options.language == current_language() else options.language
    settings.setValue(LANGUAGE_KEY, chosen)


class PrintSettingsDialog(QDialog):
    """Paper, marking and the officer's name for briefing sheets."""

    def __init__(self, options: PrintOptions, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Printing settings"))
        self.paper = QComboBox(self)
        self.paper.addItem(self.tr("A4"), PaperSize.A4.value)
        self.paper.addItem(self.tr("Letter"), PaperSize.LETTER.value)
        self.paper.setCurrentIndex(self.paper.findData(options.paper.value))
        self.marking = QComboBox(self)
        words = Words(current_language())
        for marking in Marking:
            self.marking.addItem(words.marking(marking), marking.value)
        self.marking.setCurrentIndex(self.marking.findData(options.marking.value))
        self.language = QComboBox(self)
        for code, name in LANGUAGE_NAMES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(self.language.findData(options.language), 0))
        self.officer = QLineEdit(options.officer, self)
        self.officer.setMaxLength(OFFICER_MAX)
        self.officer.setPlaceholderText(self.tr("Your name as it should print (optional)"))
        note = QLabel(self.tr("The marking prints at the top and bottom of every page."), self)
        note.setWordWrap(True)
        buttons = ok_cancel(self)
        form = QFormLayout(self)
        form.addRow(self.tr("&Paper:"), self.paper)
        form.addRow(self.tr("&Marking:"), self.marking)
        form.addRow(self.tr("&Officer:"), self.officer)
        form.addRow(self.tr("Printed in &language:"), self.language)
        form.addRow(note)
        form.addRow(buttons)

    def options(self) -> PrintOptions:
        return PrintOptions(
            paper=PaperSize.parse(str(self.paper.currentData())),
            marking=Marking.parse(str(self.marking.currentData())),
            officer=" ".join(self.officer.text().split()),
            language=str(self.language.currentData()),
        )


def edit_print_settings(parent: QWidget | None, settings: QSettings) -> PrintOptions | None:
    """Ask for the printing settings and remember them; None if the user cancelled."""
    dialog = PrintSettingsDialog(load_options(settings), parent)
    if not accepted(dialog):
        return None
    options = dialog.options()
    save_options(settings, options)
    return options
