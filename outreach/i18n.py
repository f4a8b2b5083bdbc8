"""The core's words in English or French, without Qt: gettext catalogues.

The messages of the core (validation errors, the command line's output, the
vocabularies' labels) are marked with `_()` (or `N_()` where the text is stored and
translated later) and extracted with Babel into resources/i18n/outreach.pot; the French
catalogue is resources/i18n/fr/LC_MESSAGES/outreach.po, compiled to the .mo beside it
(see scripts/translations.py). The desktop app and the command line choose the
language once at start (`set_language`); a printed page may be in another language
than the app's, so the briefing code asks for `words(language)` and translates through
it.
"""

from __future__ import annotations

import gettext
import os
from collections.abc import Mapping
from functools import cache
from importlib import resources
from pathlib import Path

DOMAIN = "outreach"
#: the languages Outreach speaks, the first the default
LANGUAGES: tuple[str, ...] = ("en", "fr")
DEFAULT_LANGUAGE = LANGUAGES[0]
#: the environment variables that name the user's language, in gettext's order
LANGUAGE_VARIABLES = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")


def catalogue_folder() -> Path:
    """resources/i18n: the gettext catalogues (<lang>/LC_MESSAGES/outreach.mo)."""
    return Path(str(resources.files("resources").joinpath("i18n")))


def supported(language: str | None) -> str | None:
    """The language of a locale name ("fr_CA.UTF-8" -> "fr") when Outreach speaks it."""
    if not language:
        return None
    code = language.split(".")[0].split("@")[0].replace("-", "_").split("_")[0].lower()
    return code if code in LANGUAGES else None


def language_from_environment(environ: Mapping[str, str] | None = None) -> str:
    """The language the environment asks for (LANGUAGE may list several, "fr:en"),
    English when it asks for none that Outreach speaks."""
    env = os.environ if environ is None else environ
    for variable in LANGUAGE_VARIABLES:
        value = env.get(variable, "")
        if not value:
            continue
        for part in value.split(":"):
            found = supported(part)
            if found:
                return found
        if variable != "LANGUAGE":  # LANGUAGE lists choices; the others decide
            return DEFAULT_LANGUAGE
    return DEFAULT_LANGUAGE


@cache
def words(language: str) -> gettext.NullTranslations:
    """The catalogue of `language` (English: the messages as written)."""
    if language == DEFAULT_LANGUAGE or supported(language) is None:
        return gettext.NullTranslations()
    return gettext.translation(
        DOMAIN, localedir=catalogue_folder(), languages=[language], fallback=True
    )


_current: list[str] = [DEFAULT_LANGUAGE]  # the process's language, set once at start


def set_language(language: str) -> None:
    """Speak `language` from now on (an unsupported one: English)."""
    _current[0] = supported(language) or DEFAULT_LANGUAGE


def current_language() -> str:
    return _current[0]


def _(message: str) -> str:
    """`message` in the current language."""
    return words(_current[0]).gettext(message)


def ngettext(singular: str, plural: str, count: int) -> str:
    """The singular or plural form for `count`, in the current language."""
    return words(_current[0]).ngettext(singular, plural, count)


def N_(message: str) -> str:
    """Mark `message` for extraction only; it is translated where it is shown."""
    return message
