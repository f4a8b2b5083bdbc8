"""File ▸ Print status report…: the period the director's report covers.

The report is as of its last day (today unless chosen) and says what moved from its
first day (three months before unless chosen); the first day chosen last is offered
again while it is before the last.
"""

from __future__ import annotations

import contextlib
from datetime import date

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QDialog, QFormLayout, QLabel, QWidget

from outreach.briefing.report_data import default_since
from ui.widgets.dates import from_qdate, iso_date_edit, to_qdate
from ui.widgets.modal import accepted, ok_cancel

SINCE_KEY = "report/since"


class ReportPeriodDialog(QDialog):
    """The status report's first and last days; OK is refused while the first is after
    the last."""

    def __init__(self, since: date, as_of: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Print status report"))
        self.since = iso_date_edit(self)
        self.since.setDate(to_qdate(since))
        self.as_of = iso_date_edit(self)
        self.as_of.setDate(to_qdate(as_of))
        self.problem = QLabel(self)
        self.problem.setStyleSheet("color: #b71c1c;")
        self.problem.hide()
        note = QLabel(
            self.tr(
                "The report shows the campaign on the last day: the States Parties curve, "
                "the map, what moved in the period, the démarches delivered, the overdue "
                "follow-ups and the next meetings."
            ),
            self,
        )
        note.setWordWrap(True)
        form = QFormLayout(self)
        form.addRow(note)
        form.addRow(self.tr("What moved &from:"), self.since)
        form.addRow(self.tr("&To (the report's day):"), self.as_of)
        form.addRow(self.problem)
        form.addRow(ok_cancel(self, self._accept, self.tr("&Print…")))

    def period(self) -> tuple[date, date]:
        """(first day, last day)."""
        return from_qdate(self.since.date()), from_qdate(self.as_of.date())

    def _accept(self) -> None:
        since, as_of = self.period()
        if since > as_of:
            self.problem.setText(self.tr("The period cannot start after its last day."))
            self.problem.show()
            self.since.setFocus()
            return
        self.accept()


def ask_report_period(
    parent: QWidget | None, settings: QSettings, today: date | None = None
) -> tuple[date, date] | None:
    """The period chosen, remembered for next time; None if the officer cancelled."""
    day = today or date.today()
    remembered = settings.value(SINCE_KEY)
    since = default_since(day)
    if isinstance(remembered, str):
        with contextlib.suppress(ValueError):  # unreadable: the default
            since = min(date.fromisoformat(remembered), day)
    dialog = ReportPeriodDialog(since, day, parent)
    if not accepted(dialog):
        return None
    chosen = dialog.period()
    settings.setValue(SINCE_KEY, chosen[0].isoformat())
    return chosen
