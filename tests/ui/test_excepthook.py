"""A bug in the app: logged with its traceback, shown in one dialog with "Copy details"
and the log's path, and the app carries on."""

from __future__ import annotations

import logging
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox
from pytestqt.qtbot import QtBot

from outreach import logs
from ui.errors import BugDialog, BugReporter, install_excepthook

CONTACT = "Amb. Jane Q. Doe"
# pytest-qt would put its own sys.excepthook in place of the app's during each test
pytestmark = pytest.mark.qt_no_exception_capture


@pytest.fixture
def reporter(
    qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[BugReporter]:
    """The app's hooks over a log in a temporary folder, all put back afterwards."""
    monkeypatch.setenv(logs.LOG_DIR_VAR, str(tmp_path / "logs"))
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    # a dialog shown outside the event loop waits for OK: never in a test
    monkeypatch.setattr(BugDialog, "exec", lambda dialog: dialog.reject() or 0)
    levels = {name: logging.getLogger(name).level for name in ("", *logs.OWN_LOGGERS)}
    installed = install_excepthook(qapp, logs.configure_logging("desktop app"))
    yield installed
    if installed.dialog is not None:
        installed.dialog.close()
    installed.deleteLater()
    logs.stop_logging()
    for name, level in levels.items():
        logging.getLogger(name).setLevel(level)


def open_contact() -> None:
    raise LookupError(f"no card for {CONTACT}")


def log_text(reporter: BugReporter) -> str:
    assert reporter.log_file is not None
    return reporter.log_file.read_text()


def test_a_bug_in_the_event_loop_is_shown_logged_and_the_app_runs_on(
    reporter: BugReporter, qtbot: QtBot, qapp: QApplication
) -> None:
    later: list[str] = []
    QTimer.singleShot(0, open_contact)  # a slot that raises, as a button's would
    QTimer.singleShot(50, lambda: later.append("still running"))
    qtbot.waitUntil(lambda: reporter.dialog is not None and bool(later))
    dialog = reporter.dialog
    assert isinstance(dialog, BugDialog) and dialog.isVisible()
    assert dialog.windowTitle() == "Something went wrong in Outreach"
    assert dialog.summary.text() == f"LookupError: no card for {CONTACT}"
    assert str(reporter.log_file) in dialog.log_label.text()

    log = log_text(reporter)
    assert "ERROR ui.errors: unexpected LookupError" in log
    assert "in open_contact" in log and CONTACT not in log  # where, not what

    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    copied = qapp.clipboard().text()
    assert copied.startswith("Outreach ") and "PySide6 " in copied
    assert "in open_contact" in copied and f"LookupError: no card for {CONTACT}" in copied
    assert dialog.isVisible()  # copying does not close it

    buttons = dialog.findChild(QDialogButtonBox)
    qtbot.mouseClick(buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    assert reporter.dialog is None


def test_the_same_bug_again_is_counted_not_shown_again(reporter: BugReporter, qtbot: QtBot) -> None:
    for _ in range(5):
        QTimer.singleShot(0, open_contact)
    qtbot.waitUntil(lambda: sum(reporter.seen.values()) == 5)
    dialog = reporter.dialog
    assert dialog is not None and dialog.repeats.text() == "This happened 5 times."
    log = log_text(reporter)
    assert log.count("Traceback") == 1
    assert "unexpected LookupError again (5 times)" in log
    dialog.accept()
    QTimer.singleShot(0, open_contact)  # after OK: still counted, not shown again
    qtbot.waitUntil(lambda: sum(reporter.seen.values()) == 6)
    assert reporter.dialog is None


def test_one_dialog_at_a_time_the_other_bug_is_logged(reporter: BugReporter, qtbot: QtBot) -> None:
    def other() -> None:
        raise ZeroDivisionError("division by zero")

    QTimer.singleShot(0, open_contact)
    QTimer.singleShot(0, other)
    qtbot.waitUntil(lambda: len(reporter.seen) == 2)
    assert reporter.dialog is not None and "LookupError" in reporter.dialog.summary.text()
    assert "unexpected ZeroDivisionError" in log_text(reporter)
    shown = [w for w in QApplication.topLevelWidgets() if isinstance(w, BugDialog)]
    assert [w for w in shown if w.isVisible()] == [reporter.dialog]


def test_a_bug_in_a_thread_is_shown_by_the_window(reporter: BugReporter, qtbot: QtBot) -> None:
    worker = threading.Thread(target=open_contact)
    worker.start()
    worker.join()
    qtbot.waitUntil(lambda: reporter.dialog is not None)
    assert reporter.dialog is not None and "LookupError" in reporter.dialog.summary.text()
    assert "in open_contact" in log_text(reporter)


def test_a_bug_before_the_event_loop_runs_waits_for_ok(
    reporter: BugReporter, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[str] = []

    def answered(dialog: BugDialog) -> int:
        shown.append(dialog.summary.text())
        dialog.accept()
        return 1

    monkeypatch.setattr(BugDialog, "exec", answered)
    try:
        open_contact()
    except LookupError:
        sys.excepthook(*sys.exc_info())  # as Python does when start-up fails
    assert shown == [f"LookupError: no card for {CONTACT}"]
    assert reporter.dialog is None
