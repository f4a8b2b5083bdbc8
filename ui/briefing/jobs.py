"""Building a briefing PDF on a worker thread.

The job opens its own connection to the database file (a SQLAlchemy session never
crosses threads) and reports through signals, which Qt delivers on the GUI thread.
Cancelling sets a flag the core checks between sheets; the core then writes nothing.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, Signal

from outreach.briefing.options import PrintOptions
from outreach.briefing.printing import Printed, print_meeting, print_states
from outreach.errors import CancelledError, OutreachError
from outreach.storage.database import open_database
from outreach.storage.location import Location


@dataclass(frozen=True, slots=True)
class BriefingRequest:
    """What to print: sheets for `state_ids`, or the pack of `meeting_id`."""

    out: Path
    options: PrintOptions
    state_ids: tuple[int, ...] = ()
    meeting_id: int | None = None


class JobSignals(QObject):
    progress = Signal(int, int)  # sheets laid out, sheets in all
    done = Signal(object)  # a Printed
    failed = Signal(str)  # a message for the user
    cancelled = Signal()


class BriefingJob(QRunnable):
    def __init__(self, location: Location, request: BriefingRequest) -> None:
        super().__init__()
        self.setAutoDelete(False)  # its owner keeps it until `done` (or the like) arrives
        self.signals = JobSignals()
        self._location = location
        self._request = request
        self._stop = threading.Event()

    def cancel(self) -> None:
        self._stop.set()

    def is_cancelled(self) -> bool:
        return self._stop.is_set()

    def run(self) -> None:
        try:
            printed = self._print()
        except CancelledError:
            self.signals.cancelled.emit()
        except OutreachError as error:
            self.signals.failed.emit(str(error))
        except Exception as error:  # a bug: say so, never kill the worker silently
            self.signals.failed.emit(
                f"Printing failed unexpectedly ({type(error).__name__}: {error}). "
                "This is a bug in Outreach; no file was written."
            )
        else:
            self.signals.done.emit(printed)

    def _print(self) -> Printed:
        request = self._request
        db = open_database(self._location)
        try:
            if request.meeting_id is not None:
                return print_meeting(
                    db,
                    request.meeting_id,
                    request.out,
                    request.options,
                    progress=self.signals.progress.emit,
                    cancelled=self._stop.is_set,
                )
            return print_states(
                db,
                request.state_ids,
                request.out,
                request.options,
                progress=self.signals.progress.emit,
                cancelled=self._stop.is_set,
            )
        finally:
            db.close()
