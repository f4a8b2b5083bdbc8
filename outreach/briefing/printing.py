"""Printing briefing sheets, meeting packs and the status report to PDF files: what the
command line and the desktop app call. Each call gathers its data (sheets and packs in
one read transaction; the report from several services, see `report_data`), lays the
document out (reporting progress and honouring a cancel), and writes the file
atomically.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TypeVar, Unpack

from outreach.briefing.canvas import stop_if_cancelled
from outreach.briefing.data import (
    BriefingData,
    MeetingPack,
    Reading,
    all_state_ids,
    find_meeting,
    gather,
    gather_pack,
)
from outreach.briefing.document import (
    Document,
    pack_document,
    report_document,
    sheets_document,
    write_atomically,
)
from outreach.briefing.options import PrintOptions
from outreach.domain.records import MeetingRecord
from outreach.i18n import _, ngettext
from outreach.progress import Watch, callbacks
from outreach.reference.treaties import treaty_of_forum
from outreach.services.states import DEFAULT_TREATY
from outreach.storage.database import Database

_Content = TypeVar("_Content")


@dataclass(frozen=True, slots=True)
class Printed:
    """What was written; `title` says it in the app's language."""

    path: Path
    pages: int
    sheets: int
    title: str


class Request(Watch, total=False):
    """What a print call may say beside the file and the options: `as_of`, the day of the
    treaty status and the log (today; for a pack, the meeting's first day); the treaty's
    code; `progress(done, total)` and `cancelled()`."""

    as_of: date | None
    treaty: str


def build_sheets(
    sheets: Sequence[BriefingData], out: Path, options: PrintOptions, **watch: Unpack[Watch]
) -> int:
    """Write one briefing sheet per state to `out`; returns the number of pages.
    Raises `CancelledError` (and writes nothing) if `cancelled()` turns true."""
    return _build(sheets_document, sheets, out, options, watch)


def build_pack(pack: MeetingPack, out: Path, options: PrintOptions, **watch: Unpack[Watch]) -> int:
    """Write a meeting pack to `out`; returns the number of pages."""
    return _build(pack_document, pack, out, options, watch)


def _build(
    document: Document[_Content],
    content: _Content,
    out: Path,
    options: PrintOptions,
    watch: Watch,
) -> int:
    """Lay `content` out as `document` and write it to `out`, unless cancelled by then;
    returns the number of pages."""
    pdf, pages = document(content, options, **watch)
    _check(watch)
    write_atomically(out, pdf)
    return pages


def print_states(
    db: Database,
    states: Iterable[str | int],
    out: Path,
    options: PrintOptions,
    **request: Unpack[Request],
) -> Printed:
    """Briefing sheets for states named by ISO code, name, alias or id."""
    return _print_sheets(db, list(states), out, options, request)


def print_all_states(
    db: Database, out: Path, options: PrintOptions, **request: Unpack[Request]
) -> Printed:
    """A briefing sheet for every state, by name."""
    return _print_sheets(db, all_state_ids(db, options.language), out, options, request)


def word_states(
    db: Database,
    states: Iterable[str | int] | None,
    out: Path,
    options: PrintOptions,
    **request: Unpack[Request],
) -> Printed:
    """Briefing sheets as an editable Word document (None: every state); Word lays out
    the pages, so the count of pages is not known here (0)."""
    from outreach.briefing.word import sheets_word

    refs = all_state_ids(db, options.language) if states is None else list(states)
    sheets = gather(db, refs, **_reading(options, request))
    _check(request)
    write_atomically(out, sheets_word(sheets, options))
    return Printed(out, 0, len(sheets), _sheets_title(sheets))


def print_meeting(
    db: Database,
    meeting: str | int | MeetingRecord,
    out: Path,
    options: PrintOptions,
    **request: Unpack[Request],
) -> Printed:
    """The pack for a meeting (by id, a unique part of its title or city, or its record);
    without a treaty named, the standing towards the treaty whose meeting it is (the
    APMBC for a forum of no treaty)."""
    found = meeting if isinstance(meeting, MeetingRecord) else find_meeting(db, meeting)
    if "treaty" not in request:  # a treaty's meeting: the standing towards that treaty
        request = {**request, "treaty": treaty_of_forum(found.forum_slug) or DEFAULT_TREATY}
    pack = gather_pack(db, found, **_reading(options, request))
    pages = _write(pack_document, pack, len(pack.sheets), out, options, request)
    title = _("Meeting pack: {meeting}").format(meeting=found.title)
    return Printed(out, pages, len(pack.sheets), title)


def print_report(
    db: Database,
    out: Path,
    options: PrintOptions,
    *,
    since: date | None = None,
    **request: Unpack[Request],
) -> Printed:
    """The director's status report on `as_of` (today) for the period from `since`
    (three months before), towards the treaty asked for (the APMBC)."""
    from outreach.briefing.report_data import gather_report

    _check(request)
    report = gather_report(
        db,
        as_of=request.get("as_of"),
        since=since,
        treaty=request.get("treaty", DEFAULT_TREATY),
        officer=options.officer,
        language=options.language,
    )
    pages = _write(report_document, report, 0, out, options, request)
    title = _("Status report: {treaty} on {day}").format(
        treaty=report.treaty.code, day=report.as_of.isoformat()
    )
    return Printed(out, pages, 0, title)


def _print_sheets(
    db: Database, states: Sequence[int | str], out: Path, options: PrintOptions, request: Request
) -> Printed:
    sheets = gather(db, states, **_reading(options, request))
    pages = _write(sheets_document, sheets, len(sheets), out, options, request)
    return Printed(out, pages, len(sheets), _sheets_title(sheets))


def _sheets_title(sheets: Sequence[BriefingData]) -> str:
    count = len(sheets)
    if count == 1:
        return _("Briefing sheet: {state}").format(state=sheets[0].state.name)
    return ngettext(
        "Briefing sheets: {count} state", "Briefing sheets: {count} states", count
    ).format(count=count)


def _reading(options: PrintOptions, request: Request) -> Reading:
    """How to gather what `request` prints, after a last look at the cancel (nothing is
    read once it is asked for)."""
    _check(request)
    return Reading(
        as_of=request.get("as_of"),
        officer=options.officer,
        treaty=request.get("treaty", DEFAULT_TREATY),
        log_entries=options.log_entries,
        contacts=options.contacts,
        language=options.language,
    )


def _write(
    document: Document[_Content],
    content: _Content,
    sheets: int,
    out: Path,
    options: PrintOptions,
    request: Request,
) -> int:
    """Lay `content` out and write it, reporting progress from 0 of `sheets`."""
    progress, cancelled = callbacks(request)
    progress(0, sheets)
    _check(request)
    return _build(document, content, out, options, Watch(progress=progress, cancelled=cancelled))


def _check(watch: Watch) -> None:
    stop_if_cancelled(callbacks(watch)[1])
