"""What is overdue, shown in red and said in words: red is never the only signal (a
colour-blind reader and a screen reader get the word; an exported list gets the plain
date, as a spreadsheet reads it)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

#: the colour of what is overdue, in every list; never alone (see `overdue_text`)
OVERDUE_RED = "#c62828"


def overdue_text(text: str, overdue: bool = True) -> str:
    """`text` (a date, a due line, a follow-up) marked overdue in words as well as in red,
    for those who do not see the colour: "2026-03-12 (overdue)"; `text` itself when it is
    not overdue. The date stays first, so a list sorted by its text stays in date order."""
    if not overdue:
        return text
    return QCoreApplication.translate("Overdue", "{0} (overdue)").format(text)


def overdue_first(text: str, overdue: bool = True) -> str:
    """`overdue_text` for a line that may be cut short on the right (a day's chip in the
    month): the word first, "Overdue: 10:00 Bilateral with Viet Nam"."""
    if not overdue:
        return text
    return QCoreApplication.translate("Overdue", "Overdue: {0}").format(text)


def unmarked(text: str) -> str:
    """`text` without the words `overdue_text` and `overdue_first` add (for an export: a
    spreadsheet reads a date, and the words would depend on the day of the export)."""
    for template in (
        QCoreApplication.translate("Overdue", "{0} (overdue)"),
        QCoreApplication.translate("Overdue", "Overdue: {0}"),
    ):
        before, _braces, after = template.partition("{0}")
        if text.startswith(before) and text.endswith(after) and len(text) > len(template) - 3:
            return text[len(before) : len(text) - len(after)]
    return text
