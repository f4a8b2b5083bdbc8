"""Export the calendar to an .ics file: ask where, write it, say what was written."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings, QStandardPaths
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from outreach.errors import OutreachError
from outreach.io.calendar_export import ExportResult, export_ics
from ui.errors import show_error
from ui.services import AppServices

FOLDER_KEY = "calendar/export_folder"
DEFAULT_NAME = "outreach.ics"


def _tr(text: str) -> str:
    return QCoreApplication.translate("CalendarExport", text)


def _start_folder() -> str:
    folder = QSettings().value(FOLDER_KEY, "")
    if folder and Path(str(folder)).is_dir():
        return str(folder)
    return QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)


def export_calendar(
    parent: QWidget | None,
    services: AppServices,
    *,
    from_: date | None = None,
    to: date | None = None,
    state: int | None = None,
    category: str | None = None,
) -> ExportResult | None:
    """Ask for a file and write the calendar to it (meetings, interventions, démarche due
    dates and open follow-ups, within the dates and filters given); None if cancelled or
    refused (the reason was shown)."""
    chosen, _filter = QFileDialog.getSaveFileName(
        parent,
        _tr("Export the calendar"),
        str(Path(_start_folder()) / DEFAULT_NAME),
        _tr("iCalendar files (*.ics)"),
    )
    if not chosen:
        return None
    path = Path(chosen)
    if path.suffix.lower() != ".ics":
        path = path.with_name(path.name + ".ics")
    try:
        result = export_ics(services.calendar, path, from_, to, state=state, category=category)
    except OutreachError as error:
        show_error(parent, error)
        return None
    QSettings().setValue(FOLDER_KEY, str(path.parent))
    QMessageBox.information(
        parent,
        _tr("Calendar exported"),
        _tr(
            "Wrote {0} events to {1}: {2} meetings, {3} interventions, {4} démarche due "
            "dates and {5} follow-ups. Import the file into any calendar program."
        ).format(
            result.events,
            result.path,
            result.meetings,
            result.interventions,
            result.demarches,
            result.follow_ups,
        ),
    )
    return result
