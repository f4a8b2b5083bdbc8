"""Showing the core's known errors as one clear message; bugs are reported as bugs."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from outreach.errors import (
    DatabaseLockedError,
    DiskFullError,
    NotFoundError,
    OutreachError,
    ReadOnlyDatabaseError,
    ServerUnavailableError,
    StaleRecordError,
    ValidationError,
)


def _title(error: OutreachError) -> str:
    titles = {
        ValidationError: "Please check the entry",
        NotFoundError: "Not found",
        DatabaseLockedError: "The database is busy",
        ReadOnlyDatabaseError: "The database is read-only",
        DiskFullError: "The disk is full",
        ServerUnavailableError: "The server cannot be reached",
        StaleRecordError: "Changed by someone else",
    }
    for kind, title in titles.items():
        if isinstance(error, kind):
            return QCoreApplication.translate("errors", title)
    return QCoreApplication.translate("errors", "Outreach")


def show_error(parent: QWidget | None, error: OutreachError) -> None:
    """A modal message; whatever the user typed stays in the dialog behind it."""
    QMessageBox.warning(parent, _title(error), str(error))
