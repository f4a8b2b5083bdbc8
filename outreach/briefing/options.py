"""What the user chooses for printing: paper, security marking, the officer's name and
the language of the printed pages.

The core takes these as parameters; the desktop app keeps them in its settings and the
command line takes them as options. Nothing here reads the operating system's user name.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import TypeVar

from outreach.errors import ValidationError
from outreach.i18n import LANGUAGES, _, current_language

_Choice = TypeVar("_Choice", bound=StrEnum)


def _parse(
    kind: type[_Choice], text: str | _Choice, refusal: str, where: str, **values: str
) -> _Choice:
    """The member of `kind` that `text` names, whatever its case, spacing, hyphens or
    underscores; or a `ValidationError` of `where` saying `refusal` (with {text} and the
    `values` in it)."""
    if isinstance(text, kind):
        return text

    def key(value: str) -> str:
        return " ".join(value.replace("-", " ").replace("_", " ").split()).casefold()

    for member in kind:
        if key(member.value) == key(text):
            return member
    raise ValidationError(refusal.format(text=text, **values), where)


class Marking(StrEnum):
    """The security marking printed at the top and bottom of every page (the values are
    what people type; `outreach.briefing.labels` words them in the printed language)."""

    UNCLASSIFIED = "UNCLASSIFIED"
    PROTECTED_A = "PROTECTED A"
    PROTECTED_B = "PROTECTED B"

    @classmethod
    def parse(cls, text: str | Marking) -> Marking:
        """A marking from what people type: "protected b", "PROTECTED-B", "Protected B"."""
        refusal = _("'{text}' is not a security marking; use one of {known}.")
        known = ", ".join(f'"{m.value}"' for m in cls)
        return _parse(cls, text, refusal, "marking", known=known)


class PaperSize(StrEnum):
    A4 = "A4"
    LETTER = "Letter"

    @classmethod
    def parse(cls, text: str | PaperSize) -> PaperSize:
        return _parse(cls, text, _("'{text}' is not a paper size; use A4 or Letter."), "paper")

    @property
    def points(self) -> tuple[float, float]:
        """Width and height in PostScript points."""
        # Here: choosing a paper (every start of the command line) does not load ReportLab.
        from reportlab.lib.pagesizes import A4, LETTER

        width, height = A4 if self is PaperSize.A4 else LETTER
        return float(width), float(height)


OFFICER_MAX = 120


@dataclass(frozen=True, slots=True)
class PrintOptions:
    """How briefing sheets are printed.

    `officer` is printed on every sheet as typed (empty by default: the operating
    system's user name is never used, so it cannot leak into a document).
    `log_entries` and `contacts` cap those sections so a sheet stays on one or two pages.
    `language` ("en" or "fr") is the language of the printed pages, the app's by default.
    """

    paper: PaperSize = PaperSize.A4
    marking: Marking = Marking.UNCLASSIFIED
    officer: str = ""
    log_entries: int = 5
    contacts: int = 6
    language: str = field(default_factory=current_language)

    def __post_init__(self) -> None:
        if len(self.officer) > OFFICER_MAX:
            raise ValidationError(
                _("The officer's name is longer than {limit} characters.").format(
                    limit=OFFICER_MAX
                ),
                "officer",
            )
        if self.log_entries < 0 or self.contacts < 0:
            raise ValidationError(_("The number of log entries and contacts cannot be negative."))
        if self.language not in LANGUAGES:
            raise ValidationError(
                _("'{language}' is not a language of the printed pages; use en or fr.").format(
                    language=self.language
                ),
                "language",
            )
