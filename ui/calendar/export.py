"""Export the calendar to an .ics file: ask where, write it, say what was written."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QSettings, QStandardPaths
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from outreach.errors import OutreachError
from ui.encryption import plaintext_confirmed
from ui.errors import show_error
from ui.services import AppServices

if TYPE_CHECKING:
    from outreach.io.calendar_export import ExportResult

FOLDER_KEY = "calendar/export_folder"
DEFAULT_NAME = "outreach.ics"


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
    refused (the reason was shown). From an encrypted database, only once the officer
    confirms (the .ics file is not encrypted)."""
    from outreach.io.calendar_export import export_ics  # icalendar: on the first export

    if not plaintext_confirmed(parent):
        return None
    chosen, _filter = QFileDialog.getSaveFileName(
        parent,
        QCoreApplication.translate("CalendarExport", "Export the calendar"),
        str(Path(_start_folder()) / DEFAULT_NAME),
        QCoreApplication.translate("CalendarExport", "iCalendar files (*.ics)"),
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
        QCoreApplication.translate("CalendarExport", "Calendar exported"),
        _exported_text(result),
    )
    return result


def _exported_text(result: ExportResult) -> str:
    """What was written, and what was left out and why (a date no calendar can hold)."""
    text = QCoreApplication.translate(
        "CalendarExport",
        "Wrote {0} events to {1}: {2} meetings, {3} interventions, {4} démarche due "
        "dates and {5} follow-ups. Import the file into any calendar program.",
    ).format(
        result.events,
        result.path,
        result.meetings,
        result.interventions,
        result.demarches,
        result.follow_ups,
    )
    if result.skipped:
        shown = "\n".join(f"• {item}" for item in result.skipped[:10])
        more = len(result.skipped) - 10
        text += (
            "\n\n"
            + QCoreApplication.translate(
                "CalendarExport", "Left out, as no calendar could hold them:"
            )
            + "\n"
            + shown
        )
        if more > 0:
            text += "\n" + QCoreApplication.translate("CalendarExport", "… and {0} more.").format(
                more
            )
    return text
