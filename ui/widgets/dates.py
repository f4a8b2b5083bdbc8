"""Dates in forms: ISO display, a calendar, and a date that may be left out."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import QCheckBox, QDateEdit, QHBoxLayout, QWidget

from outreach.domain import limits

DATE_FORMAT = "yyyy-MM-dd"


def to_qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def from_qdate(day: QDate) -> date:
    return date(day.year(), day.month(), day.day())


def iso_date_edit(parent: QWidget | None = None) -> QDateEdit:
    """A date edit that shows and takes ISO dates, with a calendar."""
    edit = QDateEdit(parent)
    edit.setDisplayFormat(DATE_FORMAT)
    edit.setCalendarPopup(True)
    # the range the services accept (outreach.domain.limits), so a slip of the wheel
    # cannot reach year 9999
    edit.setDateRange(to_qdate(limits.EARLIEST_DATE), to_qdate(limits.LATEST_DATE))
    edit.setDate(to_qdate(date.today()))
    return edit


class OptionalDateEdit(QWidget):
    """A date that may be left out: a check box to say there is one, and the date."""

    changed = Signal()

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.check = QCheckBox(text, self)
        # (the date field is named after its check box for screen readers: "From", "To")
        self.edit = iso_date_edit(self)
        self.edit.setEnabled(False)
        self.edit.setAccessibleName(text.replace("&", ""))
        self.check.toggled.connect(self.edit.setEnabled)
        self.check.toggled.connect(lambda _on: self.changed.emit())
        self.edit.dateChanged.connect(lambda _day: self.changed.emit())
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.check)
        layout.addWidget(self.edit)
        self.setFocusProxy(self.check)

    def value(self) -> date | None:
        return from_qdate(self.edit.date()) if self.check.isChecked() else None

    def set_value(self, day: date | None) -> None:
        if day is not None:
            self.edit.setDate(to_qdate(day))
        self.check.setChecked(day is not None)


def iso_day(value: date | None, missing: str = "") -> str:
    """A date as the lists show it (YYYY-MM-DD), or `missing` when there is none."""
    return value.isoformat() if value is not None else missing
