"""Work off the GUI thread, its outcome back on it: the one helper for that (Anki's
`QueryOp` idea).

    BackgroundOp(page, lambda task: services.contacts.list(), done=page.show_rows).start()

`work(task)` runs on a pool thread and must not touch widgets; `task` reports progress and
says whether the work should stop. What it returns goes to `done`, what it raises to
`failed` (without one: `show_error` for an `OutreachError`, the app's error display for a
bug), all called on the GUI thread. After `cancel()` the op ends with `cancelled` (once
the work has stopped), never with a result nobody wants. If the op's parent is destroyed
first, the work is asked to stop and nothing is called back.

The database is reached from the worker through the app's own `Database`: every `read()`
opens a session on a connection of its own from the engine's pool (the pool gives each
thread its own; the unit-of-work `ContextVar` is per thread), so nothing crosses threads
and no second `Database` is needed.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Generic, TypeVar

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal
from PySide6.QtWidgets import QWidget

from outreach.errors import CancelledError, OutreachError
from ui.errors import show_error

T = TypeVar("T")


class Task:
    """What the work is handed on its thread: say how far it got, learn whether to stop."""

    def __init__(self, report: Callable[[int, int], None], stop: threading.Event) -> None:
        self._report = report
        self._stop = stop

    def progress(self, done: int, total: int) -> None:
        self._report(done, total)

    def cancelled(self) -> bool:
        return self._stop.is_set()

    def check(self) -> None:
        """Raise `CancelledError` if the work should stop (between two steps)."""
        if self._stop.is_set():
            raise CancelledError("Cancelled.")


class JobSignals(QObject):
    """How a job's thread speaks to the GUI thread (queued: the object lives on the GUI
    thread, which made it)."""

    progress = Signal(int, int)  # steps done, steps in all
    done = Signal(object)  # what the work returned
    failed = Signal(object)  # what it raised
    cancelled = Signal()


class Job(QRunnable, Generic[T]):
    """`work` on a pool thread, each outcome a signal; `BackgroundOp` turns them into
    calls safe for the GUI. Start one alone with `QThreadPool.start(job)`."""

    def __init__(self, work: Callable[[Task], T]) -> None:
        super().__init__()
        self.signals = JobSignals()
        self._work: Callable[[Task], T] | None = work
        self._stop = threading.Event()
        self._finished = threading.Event()

    def cancel(self) -> None:
        self._stop.set()

    def is_cancelled(self) -> bool:
        return self._stop.is_set()

    def wait(self, seconds: float | None = None) -> bool:
        """Block until the work has returned or raised (its outcome is still called back
        through the event loop); False if `seconds` passed first. For what must not
        overlap the work, such as replacing the file it copies."""
        return self._finished.wait(seconds)

    def run(self) -> None:
        try:
            self._run()
        finally:
            self._finished.set()

    def _run(self) -> None:
        signals, work = self.signals, self._work
        self._work = None  # what it holds is let go as soon as it is done with
        assert work is not None, "a job runs once"
        try:
            result = work(Task(signals.progress.emit, self._stop))
        except CancelledError:
            signals.cancelled.emit()
        except BaseException as error:  # handed to the GUI thread: a worker never dies silently
            signals.failed.emit(error)
        else:
            if self._stop.is_set():
                signals.cancelled.emit()  # finished anyway: the result is not wanted
            else:
                signals.done.emit(result)


class BackgroundOp(QObject, Generic[T]):
    """One piece of background work and what to do with its outcome; see the module.

    `work` is a function of a `Task` or a ready `Job`. The op is a child of `parent` and
    deletes itself once it has called back.
    """

    def __init__(
        self,
        parent: QObject,
        work: Job[T] | Callable[[Task], T],
        done: Callable[[T], object],
        *,
        failed: Callable[[BaseException], object] | None = None,
        progress: Callable[[int, int], object] | None = None,
        cancelled: Callable[[], object] | None = None,
        pool: QThreadPool | None = None,
    ) -> None:
        super().__init__(parent)
        self.job: Job[T] = work if isinstance(work, Job) else Job(work)
        self._done = done
        self._failed = failed
        self._progress = progress
        self._cancelled = cancelled
        self._pool = pool or QThreadPool.globalInstance()
        self._running = False
        # Bound methods of this QObject: Qt drops the connections when it is destroyed,
        # so a job that outlives its parent calls nothing back.
        signals = self.job.signals
        signals.progress.connect(self._on_progress)
        signals.done.connect(self._on_done)
        signals.failed.connect(self._on_failed)
        signals.cancelled.connect(self._on_cancelled)
        self.destroyed.connect(self.job.cancel)

    @property
    def running(self) -> bool:
        """Started and not yet called back."""
        return self._running

    def start(self) -> BackgroundOp[T]:
        self._running = True
        self._pool.start(self.job)
        return self

    def cancel(self) -> None:
        """Ask the work to stop; `cancelled` is called once it has."""
        self.job.cancel()

    def is_cancelled(self) -> bool:
        return self.job.is_cancelled()

    def _on_progress(self, done: int, total: int) -> None:
        if self._progress is not None and not self.job.is_cancelled():
            self._progress(done, total)

    def _on_done(self, result: T) -> None:
        self._end()
        self._done(result)

    def _on_failed(self, error: BaseException) -> None:
        self._end()
        if self._failed is not None:
            self._failed(error)
        elif isinstance(error, OutreachError):
            parent = self.parent()
            show_error(parent if isinstance(parent, QWidget) else None, error)
        else:
            raise error  # a bug: the app's error display reports it

    def _on_cancelled(self) -> None:
        self._end()
        if self._cancelled is not None:
            self._cancelled()

    def _end(self) -> None:
        self._running = False
        self.deleteLater()
