"""Background work (`ui.background`): the outcome arrives on the GUI thread, a failure is
reported, Cancel stops the work and drops its result, and a window closed before the end
is never called back. Print reads the app's open database from its worker, so an
encrypted file prints without asking its passphrase again."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QThreadPool
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from outreach.errors import NotFoundError
from outreach.storage import encryption
from ui.actions import ActionId
from ui.background import BackgroundOp, Task
from ui.briefing.preview import PdfPreviewDialog
from ui.desktop import build_app

WAIT = 10.0  # seconds a worker waits for the test before giving up


@pytest.fixture
def window(qtbot: QtBot) -> QWidget:
    widget = QWidget()
    qtbot.addWidget(widget)
    return widget


@pytest.fixture(autouse=True)
def no_work_outlives_its_test() -> Iterator[None]:
    yield
    assert QThreadPool.globalInstance().waitForDone(30_000)


def on_gui_thread() -> bool:
    return threading.current_thread() is threading.main_thread()


class Calls:
    """What an op called back, and on which thread."""

    def __init__(self) -> None:
        self.seen: list[tuple[str, object]] = []
        self.off_gui_thread: list[str] = []

    def record(self, what: str, value: object = None) -> None:
        if not on_gui_thread():
            self.off_gui_thread.append(what)
        self.seen.append((what, value))

    def op(
        self, parent: QWidget, work: Callable[[Task], object], *, failed: bool = False
    ) -> BackgroundOp[object]:
        """An op over `work` that records each call back (`failed` too, if asked)."""
        return BackgroundOp(
            parent,
            work,
            done=lambda result: self.record("done", result),
            failed=(lambda error: self.record("failed", error)) if failed else None,
            progress=lambda done, total: self.record("progress", (done, total)),
            cancelled=lambda: self.record("cancelled"),
        )

    def kinds(self) -> list[str]:
        return [what for what, _value in self.seen]


def test_the_result_arrives_on_the_gui_thread(qtbot: QtBot, window: QWidget) -> None:
    worked_on: list[bool] = []

    def work(task: Task) -> str:
        worked_on.append(on_gui_thread())
        for step in range(3):
            task.progress(step + 1, 3)
        return "the rows"

    calls = Calls()
    op = calls.op(window, work)
    with qtbot.waitSignal(op.destroyed, timeout=10_000):  # it goes once it has called back
        assert op.start().running
    assert worked_on == [False]  # the work ran off the GUI thread
    assert calls.seen == [
        ("progress", (1, 3)),
        ("progress", (2, 3)),
        ("progress", (3, 3)),
        ("done", "the rows"),
    ]
    assert calls.off_gui_thread == []


def test_wait_blocks_until_the_work_has_returned_then_the_result_still_arrives(
    qtbot: QtBot, window: QWidget
) -> None:
    release = threading.Event()

    def work(_task: Task) -> str:
        assert release.wait(WAIT)
        return "copied"

    calls = Calls()
    op = calls.op(window, work)
    job = op.start().job
    assert not job.wait(0.05)  # still working
    release.set()
    assert job.wait(WAIT)
    assert calls.seen == []  # the outcome comes through the event loop, as always
    qtbot.waitUntil(lambda: calls.seen == [("done", "copied")])


def test_an_exception_goes_to_failed(qtbot: QtBot, window: QWidget) -> None:
    def work(_task: Task) -> None:
        raise NotFoundError("No state has the code XXX.")

    calls = Calls()
    op = calls.op(window, work, failed=True)
    with qtbot.waitSignal(op.destroyed, timeout=10_000):
        op.start()
    ((what, error),) = calls.seen
    assert what == "failed" and isinstance(error, NotFoundError)
    assert calls.off_gui_thread == []


def test_without_failed_a_known_error_is_shown_to_the_user(
    qtbot: QtBot, window: QWidget, messages: list[str]
) -> None:
    def work(_task: Task) -> None:
        raise NotFoundError("No state has the code XXX.")

    calls = Calls()
    op = calls.op(window, work)
    with qtbot.waitSignal(op.destroyed, timeout=10_000):
        op.start()
    assert messages == ["No state has the code XXX."]
    assert calls.seen == []


def test_without_failed_a_bug_reaches_the_apps_error_display(qtbot: QtBot, window: QWidget) -> None:
    def work(_task: Task) -> None:
        raise ZeroDivisionError("division by zero")

    calls = Calls()
    op = calls.op(window, work)
    # what sys.excepthook would have been given
    with qtbot.captureExceptions() as raised, qtbot.waitSignal(op.destroyed, timeout=10_000):
        op.start()
    assert [type(error) for _kind, error, _trace in raised] == [ZeroDivisionError]
    assert calls.seen == []


def test_cancel_stops_the_work_and_nothing_but_cancelled_is_called(
    qtbot: QtBot, window: QWidget
) -> None:
    started = threading.Event()
    steps: list[int] = []

    def work(task: Task) -> str:
        started.set()
        for step in range(1_000):
            task.check()  # raises CancelledError once cancelled
            steps.append(step)
            threading.Event().wait(0.005)
        return "every step"

    calls = Calls()
    op = calls.op(window, work)
    op.start()
    assert started.wait(WAIT)
    with qtbot.waitSignal(op.destroyed, timeout=10_000):
        op.cancel()
    assert calls.kinds()[-1:] == ["cancelled"]
    assert "done" not in calls.kinds()
    assert len(steps) < 1_000  # it stopped early


def test_a_result_finished_after_cancel_is_dropped(qtbot: QtBot, window: QWidget) -> None:
    cancelled = threading.Event()

    def work(task: Task) -> str:
        assert cancelled.wait(WAIT)
        return "stale rows"  # work that cannot stop midway finishes anyway

    calls = Calls()
    op = calls.op(window, work)
    op.start()
    op.cancel()
    with qtbot.waitSignal(op.destroyed, timeout=10_000):
        cancelled.set()
    assert calls.kinds() == ["cancelled"]


def test_a_parent_gone_before_the_end_is_never_called_back(qtbot: QtBot) -> None:
    parent = QWidget()
    started, asked_to_stop = threading.Event(), threading.Event()

    def work(task: Task) -> str:
        started.set()
        task.progress(1, 2)
        for _ in range(int(WAIT / 0.005)):
            if task.cancelled():
                asked_to_stop.set()
                break
            threading.Event().wait(0.005)
        task.progress(2, 2)
        return "rows for a closed window"

    calls = Calls()
    calls.op(parent, work).start()
    assert started.wait(WAIT)
    shiboken6.delete(parent)  # the window closes while its rows are being read
    assert asked_to_stop.wait(WAIT)
    assert QThreadPool.globalInstance().waitForDone(10_000)
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    qtbot.wait(50)  # whatever the worker queued would arrive now
    assert calls.seen == []


def test_print_on_an_encrypted_database_opens_the_preview(
    qtbot: QtBot, demo_db_path: Path, boxes: list[tuple[str, str]]
) -> None:
    passphrase = "correct horse battery"
    encryption.encrypt_file(demo_db_path, passphrase)
    desktop = build_app(demo_db_path, passphrase)
    qtbot.addWidget(desktop.window)
    desktop.window.show()
    desktop.show_state(desktop.services.states.get("KHM").id)
    desktop.window.actions_[ActionId.PRINT].trigger()

    def previews() -> list[PdfPreviewDialog]:
        return [d for d in desktop.window.findChildren(PdfPreviewDialog) if d.isVisible()]

    qtbot.waitUntil(lambda: bool(previews() or boxes), timeout=30_000)
    assert boxes == []  # not "Printing failed: … give its passphrase to open it"
    (preview,) = previews()
    assert preview.windowTitle() == "Briefing sheet: Cambodia"
    assert preview.document.pageCount() == 1
    preview.close()
