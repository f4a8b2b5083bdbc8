"""Briefing PDFs: a document of sheets or a meeting pack, laid out in memory, and safe
writing.

The PDF is built in memory and written to a temporary file beside the target, which
then replaces it: a failure or a cancel leaves no partial file. Nothing of the user's
machine (user name, home folder, host name, file paths) goes into the document.

A document is printed in the language of its options; the errors it may raise speak the
app's language (`i18n._`).
"""

from __future__ import annotations

import errno
import io
import os
import tempfile
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Protocol, TypeVar, Unpack

from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageBreak, PageTemplate

from outreach import i18n
from outreach.briefing.canvas import (
    BOTTOM_MARGIN,
    SIDE_MARGIN,
    TOP_MARGIN,
    Furniture,
    HeldCanvas,
    Tracker,
)
from outreach.briefing.flowables import KeepWithNext, Mark, SheetDone
from outreach.briefing.fonts import REGULAR, register_fonts
from outreach.briefing.labels import Words
from outreach.briefing.options import PrintOptions
from outreach.briefing.pack import meeting_dates, pack_story
from outreach.briefing.records import BriefingData, MeetingPack, StatusReport
from outreach.briefing.report import report_story, report_title
from outreach.briefing.sheet import sheet_flowables
from outreach.errors import DiskFullError, OutreachError, ValidationError
from outreach.progress import Watch, callbacks, no_progress
from outreach.reference.names import shipped_name

__all__ = [
    "SIDE_MARGIN",
    "Document",
    "frame_width",
    "pack_document",
    "report_document",
    "sheets_document",
    "write_atomically",
]

CREATOR = "Outreach"
# reportlab keeps some state in module globals and promises no thread safety; one build
# at a time (they are CPU-bound under the GIL anyway, so nothing is lost).
_BUILDING = threading.Lock()

_Content = TypeVar("_Content", contravariant=True)


class Document(Protocol[_Content]):
    """A document made from `content`: its PDF bytes and its page count."""

    def __call__(
        self, content: _Content, options: PrintOptions, /, **watch: Unpack[Watch]
    ) -> tuple[bytes, int]: ...


def _tracker(sheets: int, watch: Watch) -> Tracker:
    """A build's tracker, once a first look at the cancel lets it start."""
    tracker = Tracker(sheets, *callbacks(watch))
    tracker.check()
    return tracker


@dataclass(frozen=True, slots=True)
class Metadata:
    title: str
    subject: str
    header: str


def frame_width(options: PrintOptions) -> float:
    return float(options.paper.points[0] - 2 * SIDE_MARGIN)


def _render(
    story: list[Flowable], options: PrintOptions, tracker: Tracker, meta: Metadata
) -> tuple[bytes, int]:
    register_fonts()
    _ = Words(options.language)
    marking = _.marking(options.marking)
    buffer = io.BytesIO()
    page_width, page_height = options.paper.points
    doc = BaseDocTemplate(
        buffer,
        pagesize=(page_width, page_height),
        leftMargin=SIDE_MARGIN,
        rightMargin=SIDE_MARGIN,
        topMargin=TOP_MARGIN,
        bottomMargin=BOTTOM_MARGIN,
        title=meta.title,
        subject=meta.subject,
        author="",
        creator=CREATOR,
        keywords=[marking],
        initialFontName=REGULAR,
        lang=options.language,
        keepTogetherClass=KeepWithNext,
    )
    frame = Frame(
        doc.leftMargin,
        doc.bottomMargin,
        doc.width,
        doc.height,
        id="body",
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
    )
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame])])
    furniture = Furniture(
        marking,
        meta.header,
        page_of=_("page {page} of {pages}"),
        sheet_page_of=_("{section}: sheet page {page} of {pages}"),
    )
    with _BUILDING:
        doc.build(story, canvasmaker=partial(HeldCanvas, furniture=furniture, tracker=tracker))
    return buffer.getvalue(), tracker.pages


def write_atomically(out: Path, content: bytes) -> None:
    """Write `content` to `out` through a temporary file beside it: readers see the old
    file or the new one, never half of one. The file is private to the user (0600)."""
    folder = out.parent if str(out.parent) else Path(".")
    if not folder.is_dir():
        raise ValidationError(
            i18n._("The folder {folder} does not exist.").format(folder=folder), "output"
        )
    handle, temporary = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".part", dir=folder)
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(content)
            file.flush()
            os.fsync(file.fileno())
        os.replace(temporary, out)
    except BaseException as error:
        Path(temporary).unlink(missing_ok=True)
        if isinstance(error, OSError):
            if error.errno == errno.ENOSPC:
                raise DiskFullError(
                    i18n._("The disk is full; {name} was not written.").format(name=out.name)
                ) from None
            raise OutreachError(
                i18n._("Cannot write {path}: {reason}.").format(
                    path=out, reason=error.strerror or error
                )
            ) from None
        raise


def sheets_document(
    sheets: Sequence[BriefingData], options: PrintOptions, **watch: Unpack[Watch]
) -> tuple[bytes, int]:
    """The PDF bytes of one briefing sheet per state, and its page count."""
    if not sheets:
        raise ValidationError(i18n._("There is no state to print."), "states")
    tracker = _tracker(len(sheets), watch)
    width = frame_width(options)
    _ = Words(options.language)
    story: list[Flowable] = []
    for index, data in enumerate(sheets):
        if index:
            story.append(PageBreak())
        name = f"{data.state.name} ({data.state.iso3})"
        story.append(Mark(tracker, f"sheet-{index}", name, 0, section=name, contents=False))
        story.extend(sheet_flowables(data, width, _))
        story.append(SheetDone(tracker))
    return _render(story, options, tracker, sheets_metadata(sheets, options))


def sheets_metadata(sheets: Sequence[BriefingData], options: PrintOptions) -> Metadata:
    """The title, subject and running header of a document of briefing sheets (a PDF or
    a Word file alike)."""
    _ = Words(options.language)
    first = sheets[0]
    count = len(sheets)
    if count == 1:
        title = _("Briefing sheet: {state}").format(state=first.state.name)
    elif count <= 4:
        names = ", ".join(sheet.state.name for sheet in sheets)
        title = _("Briefing sheets: {states}").format(states=names)
    else:
        title = _.ngettext(
            "Briefing sheets: {count} state", "Briefing sheets: {count} states", count
        ).format(count=count)
    treaty = shipped_name(first.treaty.short_name, _.language)
    return Metadata(
        title=title,
        subject=_.ngettext(
            "Country briefing sheet, {treaty} status as of {day}; {marking}",
            "Country briefing sheets, {treaty} status as of {day}; {marking}",
            count,
        ).format(treaty=treaty, day=_.when(first.as_of), marking=_.marking(options.marking)),
        header=_("Country briefing sheet · {treaty}").format(treaty=treaty),
    )


def pack_document(
    pack: MeetingPack, options: PrintOptions, **watch: Unpack[Watch]
) -> tuple[bytes, int]:
    """The PDF bytes of a meeting pack, and its page count."""
    sheets = len(pack.sheets)
    tracker = _tracker(sheets, watch)
    meeting = pack.meeting
    _ = Words(options.language)
    meta = Metadata(
        title=_("Meeting pack: {meeting}").format(meeting=shipped_name(meeting.title, _.language)),
        subject=_("Briefing sheets for {meeting}, {city} ({dates}); {marking}").format(
            meeting=meeting.title,
            city=meeting.city,
            dates=meeting_dates(meeting.starts_on, meeting.ends_on, _),
            marking=_.marking(options.marking),
        ),
        header=_("Meeting pack · {meeting}").format(
            meeting=shipped_name(meeting.title, _.language)
        ),
    )
    width = frame_width(options)
    content, pages = _render(pack_story(pack, options, tracker, width, _), options, tracker, meta)
    expected = pages - (tracker.contents_start or pages + 1) + 1
    if tracker.contents_pages is not None and expected != tracker.contents_pages:
        # The contents took more (or fewer) pages than measured: number them again.
        retry = Tracker(sheets, no_progress, tracker.cancelled)
        retry.forced_contents_pages = expected
        content, pages = _render(pack_story(pack, options, retry, width, _), options, retry, meta)
    return content, pages


def report_document(
    report: StatusReport, options: PrintOptions, **watch: Unpack[Watch]
) -> tuple[bytes, int]:
    """The PDF bytes of the status report, and its page count."""
    tracker = _tracker(0, watch)
    _ = Words(options.language)
    treaty = shipped_name(report.treaty.short_name, _.language)
    meta = Metadata(
        title=report_title(report, _),
        subject=_("Campaign status report, {treaty}, {period}; {marking}").format(
            treaty=treaty,
            period=_.period(report.since, report.as_of),
            marking=_.marking(options.marking),
        ),
        header=_("Status report · {treaty}").format(treaty=treaty),
    )
    story = report_story(report, frame_width(options), _)
    return _render(story, options, tracker, meta)
