"""The words of a printed sheet, in the language it is printed in.

A briefing sheet or a meeting pack is printed in the language of its `PrintOptions`,
whatever the language of the app. Everything the layout prints of its own goes through
one `Words` of that language: its messages, the vocabularies' labels, dates and numbers.
The layout names that object `_`, so that Babel extracts the messages it translates
(`_("Status")`, `_.ngettext(...)`). Data typed by officers prints as typed.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from enum import StrEnum
from typing import TypeVar

from babel.dates import format_date
from babel.numbers import format_decimal
from reportlab.lib.styles import ParagraphStyle

from outreach.briefing import layout
from outreach.briefing.options import Marking
from outreach.domain import vocabulary
from outreach.domain.enums import DemarcheStatus, FactKind, TreatyStatus
from outreach.i18n import DEFAULT_LANGUAGE, N_, words

E = TypeVar("E", bound=StrEnum)

#: the locale of each language's dates and numbers: Canada's
LOCALES = {"en": "en_CA", "fr": "fr_CA"}

STATUS_COLOUR = {
    TreatyStatus.PARTY: "#2e7d32",
    TreatyStatus.PENDING: "#00838f",
    TreatyStatus.SIGNATORY: "#ef6c00",
    TreatyStatus.OUTSIDE: "#c62828",
    TreatyStatus.WITHDRAWN: "#4e342e",
}

#: where a sheet words a stored value otherwise than the app's lists do
#: (`outreach.domain.vocabulary`); every other value prints with the vocabulary's label
PRINTED: dict[type[StrEnum], Mapping[str, str]] = {
    TreatyStatus: {
        TreatyStatus.PARTY: N_("State Party"),
        TreatyStatus.PENDING: N_("Entry into force pending"),
        TreatyStatus.OUTSIDE: N_("Outside the treaty"),
    },
    FactKind: {
        FactKind.PRODUCER: N_("Producer of anti-personnel mines"),
        FactKind.USE: N_("Use of mines"),
    },
    DemarcheStatus: {DemarcheStatus.RESPONSE: N_("Response received")},
}

MARKING = {
    Marking.UNCLASSIFIED: N_("UNCLASSIFIED"),
    Marking.PROTECTED_A: N_("PROTECTED A"),
    Marking.PROTECTED_B: N_("PROTECTED B"),
}


class Words:
    """The words of one printed document in `language` ("en" or "fr"). Called with an
    English message, it gives the message in its language. (Its own methods call it `_`
    too, for Babel.)"""

    def __init__(self, language: str) -> None:
        self.language = language
        self.locale = LOCALES[language]
        self._catalogue = words(language)

    def __call__(self, message: str) -> str:
        return self._catalogue.gettext(message)

    def ngettext(self, singular: str, plural: str, count: int) -> str:
        return self._catalogue.ngettext(singular, plural, count)

    # --- stored values ---------------------------------------------------------------------

    def label(self, value: StrEnum) -> str:
        """How a vocabulary's value reads on paper."""
        printed = PRINTED.get(type(value), {}).get(value)
        return self(printed) if printed else vocabulary.label(value, self.language)

    def label_of(self, kind: type[E], value: object) -> str:
        """How a stored value of the vocabulary `kind` reads; a value that is not in it
        reads as itself, made human."""
        try:
            member = kind(str(value))
        except ValueError:
            return vocabulary.label_of(kind, value, self.language)
        return self.label(member)

    def marking(self, marking: Marking) -> str:
        return self(MARKING[marking])

    # --- dates and numbers -----------------------------------------------------------------

    def day(self, value: date | None, empty: str = "—") -> str:
        """A date in a table: ISO, in either language."""
        return value.isoformat() if value else empty

    def when(self, value: date | None) -> str:
        """A date in a sentence or a heading: « 3 décembre 1997 » in French. English
        sheets keep the ISO dates they have always printed."""
        if value is None:
            return "—"
        if self.language == DEFAULT_LANGUAGE:
            return value.isoformat()
        return format_date(value, format="long", locale=self.locale)

    def period(self, start: date | None, end: date | None) -> str:
        _ = self
        if start is None and end is None:
            return _("no dates")
        if end is None:
            return _("since {day}").format(day=self.when(start))
        if start is None:
            return _("until {day}").format(day=self.when(end))
        return _("{start} to {end}").format(start=self.when(start), end=self.when(end))

    def number(self, value: int) -> str:
        """A number as the language writes it: 1,234 or « 1 234 »."""
        return format_decimal(value, locale=self.locale)

    def span(self, days: int) -> str:
        """A duration in words: days up to two months, then months, then years."""
        _ = self
        if days < 60:
            return _.ngettext("{count} day", "{count} days", days).format(count=days)
        if days < 730:
            months = days // 30
            return _.ngettext("{count} month", "{count} months", months).format(count=months)
        years = days // 365
        return _.ngettext("{count} year", "{count} years", years).format(count=years)

    # --- text of any length ----------------------------------------------------------------

    def clip(
        self,
        value: str,
        width: float,
        style: ParagraphStyle,
        *,
        font: str | None = None,
        lines: int | None = None,
    ) -> str:
        """`value` as `layout.clip` cuts it, its "continued" note in this language."""
        return layout.clip(
            value, width, style, font=font, continued=self(layout.CONTINUED), lines=lines
        )
