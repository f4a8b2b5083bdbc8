"""A progress box with Cancel for an import, which runs in the window's own thread (the
import is one transaction on the app's database) and keeps the window alive by letting
Qt handle its events at each report."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QProgressDialog, QWidget

SHOW_AFTER_MS = 500  # a quick import shows no box at all


class ImportProgress:
    """`report` and `cancelled` are the import's `progress` and `cancelled` callbacks."""

    def __init__(self, parent: QWidget, label: str) -> None:
        cancel = QCoreApplication.translate("ImportProgress", "Cancel")
        self.dialog = QProgressDialog(label, cancel, 0, 0, parent)
        self.dialog.setWindowTitle(QCoreApplication.translate("ImportProgress", "Importing"))
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setMinimumDuration(SHOW_AFTER_MS)
        self.dialog.setAutoClose(False)
        self.dialog.setAutoReset(False)

    def report(self, done: int, total: int) -> None:
        self.dialog.setMaximum(max(total, 1))
        self.dialog.setValue(min(done, total))
        QCoreApplication.processEvents()  # draw the box, and hear a click on Cancel

    def cancelled(self) -> bool:
        return self.dialog.wasCanceled()

    def close(self) -> None:
        self.dialog.close()
        self.dialog.deleteLater()


@contextmanager
def import_progress(parent: QWidget, label: str) -> Iterator[ImportProgress]:
    progress = ImportProgress(parent, label)
    try:
        yield progress
    finally:
        progress.close()
