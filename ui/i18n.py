"""The interface's language: chosen in Preferences (or the system's), installed at start.

Our messages come from resources/i18n/outreach_<lang>.qm (see scripts/translations.py;
the English one holds only the plural forms of "%Ln states" and the like),
Qt's own dialogs' (file, print, colour) from the qtbase_<lang>.qm that PySide6 ships,
and the core's from its gettext catalogue (`outreach.i18n`). Dates and numbers follow
the language through QLocale's default (Canadian English or French). The choice takes
effect at the next start.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator

from outreach import i18n

#: where the choice is kept: "system", or a language code of `i18n.LANGUAGES`
LANGUAGE_KEY = "interface/language"
FOLLOW_SYSTEM = "system"
#: the object name of the translators installed here (so a new choice replaces them)
TRANSLATOR_NAME = "outreach-translator"
#: the locale each language formats dates and numbers in
LOCALES = {"en": "en_CA", "fr": "fr_CA"}


def system_language() -> str:
    """The system's interface language when Outreach speaks it, else English."""
    for name in QLocale.system().uiLanguages():
        found = i18n.supported(name)
        if found:
            return found
    return i18n.DEFAULT_LANGUAGE


def chosen_language(settings: QSettings) -> str:
    """The language the user chose in Preferences, or the system's."""
    choice = str(settings.value(LANGUAGE_KEY, FOLLOW_SYSTEM))
    return i18n.supported(choice) or system_language()


def install_language(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Speak `language` from now on: our translators (children of `app`, in place of
    any installed before), the core's catalogue and the default locale."""
    for earlier in app.findChildren(QTranslator, TRANSLATOR_NAME):
        app.removeTranslator(earlier)
        earlier.deleteLater()
    i18n.set_language(language)
    QLocale.setDefault(QLocale(LOCALES.get(language, LOCALES[i18n.DEFAULT_LANGUAGE])))
    installed = []
    catalogues = [(f"outreach_{language}", str(i18n.catalogue_folder()))]  # English: plurals
    if language != i18n.DEFAULT_LANGUAGE:
        qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        catalogues.insert(0, (f"qtbase_{language}", qt_folder))
    for name, folder in catalogues:
        translator = QTranslator(app)
        translator.setObjectName(TRANSLATOR_NAME)
        if translator.load(name, folder):
            app.installTranslator(translator)
            installed.append(translator)
    return installed
