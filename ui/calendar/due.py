"""What is overdue and due this week, for the dashboard and the status bar.

`due_status_text(summary)` is the status bar's line, which needs the counts alone
(`CalendarService.due_counts()`, counted in SQL a moment after the changes that move
them: `DueLine`). `DueBox` is a group box listing the most overdue démarches and
interventions and what falls due in the coming week (follow-ups, démarches,
interventions) under a line counting what is overdue, for the dashboard, whose summary
holds the items (`CalendarService.due()`).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QModelIndex, QObject, QTimer, Signal
from PySide6.QtWidgets import QGroupBox, QLabel, QStatusBar, QTableView, QVBoxLayout, QWidget

from outreach.domain.changes import Changes, Entity
from outreach.domain.records import CalendarItem, DueSummary
from outreach.errors import OutreachError
from outreach.services.calendar import CalendarService
from ui.calendar.models import AgendaColumn, AgendaModel
from ui.widgets.filtered_records import ROW_ROLE
from ui.widgets.records_table import stretch_column


def due_status_text(summary: DueSummary) -> str:
    """ "Overdue: 3 follow-ups, 1 démarche, 2 interventions · due by 2004-12-06: 4"."""
    return QCoreApplication.translate(
        "DueThisWeek",
        "Overdue: {0} follow-ups, {1} démarches, {2} interventions · due by {3}: "
        "{4} follow-ups, {5} démarches, {6} interventions",
    ).format(
        summary.overdue_follow_ups,
        summary.overdue_demarches,
        summary.overdue_interventions,
        summary.until.isoformat(),
        summary.due_follow_ups,
        summary.due_demarches,
        summary.due_interventions,
    )


class DueLine(QObject):
    """Keeps the status bar's line of what is due (`due_status_text`) true.

    It counts again `DELAY_MS` after a change to the log, the démarches or the
    interventions rather than in the change's own handler: the row an officer just saved
    is painted first, and a burst of changes (an import, another officer's batch on a
    server) is counted once, not once per commit."""

    DELAY_MS = 150

    def __init__(self, calendar: CalendarService, status_bar: QStatusBar) -> None:
        super().__init__(status_bar)
        self._calendar = calendar
        self._status_bar = status_bar
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(self.DELAY_MS)
        self._timer.timeout.connect(self.refresh)

    def on_changed(self, changes: Changes) -> None:
        if changes.touches(Entity.LOG_ENTRY, Entity.DEMARCHE, Entity.INTERVENTION):
            self._timer.start()  # (re)started: one count after the last of a burst

    def refresh(self) -> None:
        """Count now."""
        self._timer.stop()
        try:
            summary = self._calendar.due_counts()  # the counts only: no items
        except OutreachError as error:  # a busy file: say so rather than a stale count
            self._status_bar.showMessage(str(error))
            return
        self._status_bar.showMessage(due_status_text(summary))


class DueBox(QGroupBox):
    """The démarches and interventions overdue (dated in red), then the coming week's
    follow-ups, démarches and interventions; double click opens one (`open_item(kind, id)`,
    like the calendar page)."""

    open_item = Signal(str, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(QCoreApplication.translate("DueThisWeek", "Due this week"), parent)
        self.summary: DueSummary | None = None
        self.overdue_label = QLabel(self)
        self.overdue_label.setWordWrap(True)
        self.model = AgendaModel(self)
        self.view = QTableView(self)
        self.view.setTabKeyNavigation(False)  # Tab leaves the list (arrows move in it)
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.view.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().setVisible(False)
        self.view.setColumnHidden(AgendaColumn.WHERE, True)
        stretch_column(self.view, AgendaColumn.TITLE)
        self.view.doubleClicked.connect(self._activated)
        layout = QVBoxLayout(self)
        layout.addWidget(self.overdue_label)
        layout.addWidget(self.view)

    def show_summary(self, summary: DueSummary) -> None:
        self.summary = summary
        self.setTitle(
            QCoreApplication.translate("DueThisWeek", "Due by {0} ({1})").format(
                summary.until.isoformat(), summary.due
            )
        )
        overdue = QCoreApplication.translate(
            "DueThisWeek", "<b>Overdue:</b> {0} follow-ups, {1} démarches, {2} interventions"
        ).format(
            summary.overdue_follow_ups,
            summary.overdue_demarches,
            summary.overdue_interventions,
        )
        listed, late = len(summary.overdue_items), summary.overdue_demarches
        late += summary.overdue_interventions
        if listed < late:  # a long campaign: the most overdue only
            overdue += " " + QCoreApplication.translate(
                "DueThisWeek",
                "(the {0} most overdue are listed below; the Démarches page lists all)",
            ).format(listed)
        self.overdue_label.setText(overdue)
        self.model.set_items([*summary.overdue_items, *summary.due_items])

    def _activated(self, index: QModelIndex) -> None:
        item = index.data(ROW_ROLE)
        if isinstance(item, CalendarItem):
            self.open_item.emit(item.kind.value, item.id)
