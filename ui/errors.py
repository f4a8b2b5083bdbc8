"""Showing the core's known errors as one clear message; bugs are reported as bugs.

A bug (any exception that escapes to Qt's event loop, or ends a thread) is written to the
log with its traceback (see `outreach.logs` for what is and is not written) and shown in
a dialog: what happened in one line, "Copy details" for a bug report, where the log is.
Qt carries on after the hook, so the app keeps running. One dialog at a time; the same
bug again is counted, not shown again.
"""

from __future__ import annotations

import logging
import platform
import sys
import threading
import traceback
from collections import Counter
from pathlib import Path
from types import TracebackType

import PySide6
from PySide6.QtCore import QCoreApplication, QObject, Qt, QThread, Signal, Slot, qVersion
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from outreach.errors import (
    DatabaseLockedError,
    DiskError,
    DiskFullError,
    NotFoundError,
    OutreachError,
    ReadOnlyDatabaseError,
    ServerUnavailableError,
    StaleRecordError,
    ValidationError,
)
from outreach.logs import outreach_version


def _title(error: OutreachError) -> str:
    titles = {
        ValidationError: "Please check the entry",
        NotFoundError: "Not found",
        DatabaseLockedError: "The database is busy",
        ReadOnlyDatabaseError: "The database is read-only",
        DiskFullError: "The disk is full",
        DiskError: "The disk cannot be read or written",
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


logger = logging.getLogger(__name__)
ExcInfo = tuple[type[BaseException], BaseException, TracebackType | None]
SUMMARY_LENGTH = 200


def bug_summary(error: BaseException) -> str:
    """The exception's class and the first line of its message, for the dialog."""
    lines = str(error).strip().splitlines()
    first = lines[0] if lines else ""
    summary = f"{type(error).__name__}: {first}" if first else type(error).__name__
    return summary if len(summary) <= SUMMARY_LENGTH else summary[: SUMMARY_LENGTH - 1] + "…"


def bug_details(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> str:
    """What "Copy details" copies: the versions, then the full traceback."""
    versions = (
        f"Outreach {outreach_version()}, Python {platform.python_version()}, "
        f"PySide6 {PySide6.__version__} (Qt {qVersion()}), {platform.platform(terse=True)}"
    )
    return versions + "\n\n" + "".join(traceback.format_exception(kind, error, tb))


def _where(tb: TracebackType | None) -> tuple[str, int]:
    """The file and line the exception was raised at: the same bug is the same place."""
    frames = traceback.extract_tb(tb)
    return (frames[-1].filename, frames[-1].lineno or 0) if frames else ("", 0)


class BugDialog(QDialog):
    """The bug dialog: what happened in one line, Copy details, the log's path, OK."""

    def __init__(self, summary: str, details: str, log_file: Path | None) -> None:
        super().__init__(None)
        self.details = details
        self.setWindowTitle(
            QCoreApplication.translate("errors", "Something went wrong in Outreach")
        )
        self.setModal(True)  # over every window, without a nested event loop (see show)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        layout = QVBoxLayout(self)
        heading = QLabel(
            QCoreApplication.translate(
                "errors",
                "Something went wrong in Outreach. It keeps running; the last "
                "thing you did may not have been saved.",
            )
        )
        heading.setWordWrap(True)
        self.summary = QLabel(summary)
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.log_label = QLabel(
            QCoreApplication.translate("errors", "The log is in {path}").format(path=log_file)
            if log_file is not None
            else QCoreApplication.translate("errors", "No log file could be written.")
        )
        self.log_label.setWordWrap(True)
        self.log_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.repeats = QLabel()
        self.repeats.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok, self)
        self.copy_button = buttons.addButton(
            QCoreApplication.translate("errors", "Copy details"),
            QDialogButtonBox.ButtonRole.ActionRole,
        )
        self.copy_button.clicked.connect(self.copy_details)
        buttons.accepted.connect(self.accept)
        for widget in (heading, self.summary, self.repeats, self.log_label, buttons):
            layout.addWidget(widget)

    def copy_details(self) -> None:
        QGuiApplication.clipboard().setText(self.details)
        self.copy_button.setText(QCoreApplication.translate("errors", "Copied"))

    def count(self, times: int) -> None:
        self.repeats.setText(
            QCoreApplication.translate("errors", "This happened {times} times.").format(times=times)
        )
        self.repeats.show()


class BugReporter(QObject):
    """The hooks: log every bug, show the first of each in a `BugDialog`."""

    #: a thread's exception, carried to the GUI thread (ExcInfo)
    from_thread = Signal(object)

    def __init__(self, app: QApplication, log_file: Path | None) -> None:
        super().__init__(app)
        self.log_file = log_file
        self.dialog: BugDialog | None = None
        self._dialog_bug: tuple[str, str, int] | None = None
        self.seen: Counter[tuple[str, str, int]] = Counter()
        self.from_thread.connect(self._report_from_thread)  # queued to the GUI thread

    def excepthook(
        self, kind: type[BaseException], error: BaseException, tb: TracebackType | None
    ) -> None:
        if issubclass(kind, KeyboardInterrupt):  # Ctrl+C in the terminal: stop as usual
            sys.__excepthook__(kind, error, tb)
            return
        bug = (kind.__qualname__, *_where(tb))
        self.seen[bug] += 1
        times = self.seen[bug]
        if times > 1:  # a flood of the same bug: one line each, no dialog
            logger.error("unexpected %s again (%d times)", kind.__name__, times)
            if self.dialog is not None and bug == self._dialog_bug:
                self.dialog.count(times)
            return
        logger.error("unexpected %s", kind.__name__, exc_info=(kind, error, tb))
        if self.dialog is None:  # one dialog at a time; the others are in the log
            self._show(
                bug, BugDialog(bug_summary(error), bug_details(kind, error, tb), self.log_file)
            )

    def thread_excepthook(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_value is None:
            return
        self.from_thread.emit((args.exc_type, args.exc_value, args.exc_traceback))

    @Slot(object)
    def _report_from_thread(self, info: ExcInfo) -> None:
        self.excepthook(*info)

    def _show(self, bug: tuple[str, str, int], dialog: BugDialog) -> None:
        self.dialog, self._dialog_bug = dialog, bug
        dialog.finished.connect(self._closed)
        if QThread.currentThread().loopLevel() > 0:
            dialog.show()  # the event loop runs on: whatever raised returns at once
        else:  # at start-up or on the way out: no loop would ever show it
            dialog.exec()

    def _closed(self) -> None:
        self.dialog, self._dialog_bug = None, None


def install_excepthook(app: QApplication, log_file: Path | None) -> BugReporter:
    """Report bugs from Qt's event loop and from threads (see `BugReporter`)."""
    reporter = BugReporter(app, log_file)
    sys.excepthook = reporter.excepthook
    threading.excepthook = reporter.thread_excepthook
    return reporter
