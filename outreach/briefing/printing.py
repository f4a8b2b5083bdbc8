"""Printing briefing sheets and meeting packs to PDF files: what the command line and the
desktop app call. Each call gathers its data in one read transaction, lays the document
out (reporting progress and honouring a cancel), and writes the file atomically.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from outreach.briefing.data import (
    BriefingData,
    MeetingPack,
    all_state_ids,
    find_meeting,
    gather,
    gather_pack,
)
from outreach.briefing.document import pack_document, sheets_document, write_atomically
from outreach.briefing.options import PrintOptions
from outreach.domain.records import MeetingRecord
from outreach.errors import CancelledError
from outreach.progress import IsCancelled, Progress, never_cancelled, no_progress
from outreach.services.states import DEFAULT_TREATY
from outreach.storage.database import Database


@dataclass(frozen=True, slots=True)
class Printed:
    """What was written."""

    path: Path
    pages: int
    sheets: int
    title: str


def build_sheets(
    sheets: Sequence[BriefingData],
    out: Path,
    options: PrintOptions,
    *,
    progress: Progress = no_progress,
    cancelled: IsCancelled = never_cancelled,
) -> int:
    """Write one briefing sheet per state to `out`; returns the number of pages.
    Raises `CancelledError` (and writes nothing) if `cancelled()` turns true."""
    content, pages = sheets_document(sheets, options, progress=progress, cancelled=cancelled)
    _check(cancelled)
    write_atomically(out, content)
    return pages


def build_pack(
    pack: MeetingPack,
    out: Path,
    options: PrintOptions,
    *,
    progress: Progress = no_progress,
    cancelled: IsCancelled = never_cancelled,
) -> int:
    """Write a meeting pack to `out`; returns the number of pages."""
    content, pages = pack_document(pack, options, progress=progress, cancelled=cancelled)
    _check(cancelled)
    write_atomically(out, content)
    return pages


def print_states(
    db: Database,
    states: Iterable[str | int],
    out: Path,
    options: PrintOptions,
    *,
    as_of: date | None = None,
    treaty: str = DEFAULT_TREATY,
    progress: Progress = no_progress,
    cancelled: IsCancelled = never_cancelled,
) -> Printed:
    """Briefing sheets for states named by ISO code, name, alias or id."""
    return _print(db, list(states), out, options, as_of, treaty, progress, cancelled)


def print_all_states(
    db: Database,
    out: Path,
    options: PrintOptions,
    *,
    as_of: date | None = None,
    treaty: str = DEFAULT_TREATY,
    progress: Progress = no_progress,
    cancelled: IsCancelled = never_cancelled,
) -> Printed:
    """A briefing sheet for every state, by name."""
    return _print(db, all_state_ids(db), out, options, as_of, treaty, progress, cancelled)


def print_meeting(
    db: Database,
    meeting: str | int | MeetingRecord,
    out: Path,
    options: PrintOptions,
    *,
    as_of: date | None = None,
    treaty: str = DEFAULT_TREATY,
    progress: Progress = no_progress,
    cancelled: IsCancelled = never_cancelled,
) -> Printed:
    """The pack for a meeting (by id, a unique part of its title or city, or its record)."""
    found = meeting if isinstance(meeting, MeetingRecord) else find_meeting(db, meeting)
    _check(cancelled)
    pack = gather_pack(
        db,
        found,
        as_of=as_of,
        officer=options.officer,
        treaty=treaty,
        log_entries=options.log_entries,
        contacts=options.contacts,
    )
    progress(0, len(pack.sheets))
    _check(cancelled)
    pages = build_pack(pack, out, options, progress=progress, cancelled=cancelled)
    return Printed(out, pages, len(pack.sheets), f"Meeting pack: {found.title}")


def _print(
    db: Database,
    states: Sequence[int | str],
    out: Path,
    options: PrintOptions,
    as_of: date | None,
    treaty: str,
    progress: Progress,
    cancelled: IsCancelled,
) -> Printed:
    _check(cancelled)
    sheets = gather(
        db,
        states,
        as_of=as_of,
        officer=options.officer,
        treaty=treaty,
        log_entries=options.log_entries,
        contacts=options.contacts,
    )
    progress(0, len(sheets))
    _check(cancelled)
    pages = build_sheets(sheets, out, options, progress=progress, cancelled=cancelled)
    title = (
        f"Briefing sheet: {sheets[0].state.name}"
        if len(sheets) == 1
        else f"Briefing sheets: {len(sheets)} states"
    )
    return Printed(out, pages, len(sheets), title)


def _check(cancelled: IsCancelled) -> None:
    if cancelled():
        raise CancelledError("Printing was cancelled; no file was written.")
