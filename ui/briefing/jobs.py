"""Building a briefing PDF on a worker thread (a `ui.background.Job`).

The job reads through the app's open `Database`, whose engine gives the worker a
connection of its own: no second opening of the file, which would need an encrypted
file's passphrase again and check and migrate it again. Cancelling sets the flag the
core checks between sheets; the core then writes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import partial
from pathlib import Path

from outreach.briefing.options import PrintOptions
from outreach.briefing.printing import Printed, print_meeting, print_report, print_states
from outreach.services.states import DEFAULT_TREATY
from outreach.storage.database import Database
from ui.background import Job, Task


@dataclass(frozen=True, slots=True)
class BriefingRequest:
    """What to print: sheets for `state_ids`, the pack of `meeting_id`, or the status
    report over `report_period` (its first day and its last)."""

    out: Path
    options: PrintOptions
    state_ids: tuple[int, ...] = ()
    meeting_id: int | None = None
    treaty: str = DEFAULT_TREATY  # whose status and duties the sheets print
    report_period: tuple[date, date] | None = None


def build_briefing(db: Database, request: BriefingRequest, task: Task) -> Printed:
    """The PDF of `request`, reporting each sheet laid out and stopping when cancelled."""
    if request.report_period is not None:
        since, as_of = request.report_period
        return print_report(
            db,
            request.out,
            request.options,
            since=since,
            as_of=as_of,
            treaty=request.treaty,
            progress=task.progress,
            cancelled=task.cancelled,
        )
    what = (
        partial(print_meeting, db, request.meeting_id)
        if request.meeting_id is not None
        else partial(print_states, db, request.state_ids)
    )
    return what(
        request.out,
        request.options,
        treaty=request.treaty,
        progress=task.progress,
        cancelled=task.cancelled,
    )


class BriefingJob(Job[Printed]):
    """The PDF of `request`, built over `db` on a pool thread."""

    def __init__(self, db: Database, request: BriefingRequest) -> None:
        super().__init__(partial(build_briefing, db, request))
