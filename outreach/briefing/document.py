"""Briefing PDFs: the page furniture, the outline, the pack's contents, safe writing.

Every page carries the security marking at its top and bottom and "page N of M" (and,
in a document of several sheets, the sheet's own "page i of n"). To know M while
building in one pass, the canvas holds each finished page back and paints the furniture
when the document is saved, once every page is known.

A pack's table of contents needs the page of every sheet, known only once the sheets
are laid out. Rather than building the whole document twice, the contents are laid out
last, when every sheet has been placed, and the held-back pages are then put in reading
order: cover, contents, sheets. Page objects keep the names their bookmarks point to, so
the outline and the contents' links survive the move.

The PDF is built in memory and written to a temporary file beside the target, which
then replaces it: a failure or a cancel leaves no partial file. Nothing of the user's
machine (user name, home folder, host name, file paths) goes into the document.
"""

from __future__ import annotations

import errno
import io
import os
import tempfile
import threading
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    KeepTogether,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from outreach.briefing import labels
from outreach.briefing.data import BriefingData, MeetingPack
from outreach.briefing.fonts import BOLD, REGULAR, register_fonts
from outreach.briefing.options import PrintOptions
from outreach.briefing.sheet import (
    ACCENT,
    INK,
    MIN_ROW_PART,
    MUTED,
    RULE,
    clip,
    column,
    interventions_flowables,
    meeting_dates,
    sheet_flowables,
    styles,
)
from outreach.errors import CancelledError, DiskFullError, OutreachError, ValidationError
from outreach.progress import IsCancelled, Progress, never_cancelled, no_progress

SIDE_MARGIN = 17 * mm
TOP_MARGIN = 21 * mm
BOTTOM_MARGIN = 19 * mm
CREATOR = "Outreach"
# A section longer than a page starts on the page where its heading falls if this much of
# the page is left (points): the heading, its rule and the first lines.
MIN_SECTION_START = 80
# reportlab keeps some state in module globals and promises no thread safety; one build
# at a time (they are CPU-bound under the GIL anyway, so nothing is lost).
_BUILDING = threading.Lock()


# --- what the flowables tell the canvas ----------------------------------------------------


@dataclass(slots=True)
class Entry:
    """A contents line: a sheet or a group, and the page (in build order) it starts on."""

    level: int
    title: str
    key: str
    page: int


class Tracker:
    """Shared by the flowables and the canvas of one build: contents entries, where the
    contents were laid out, progress and the cancel check."""

    def __init__(self, total: int, progress: Progress, cancelled: IsCancelled) -> None:
        self.total = total
        self.done = 0
        self.progress = progress
        self.cancelled = cancelled
        self.entries: list[Entry] = []
        self.front = 0  # pages that stay first (the cover)
        self.contents_start: int | None = None  # build page where the contents begin
        self.contents_pages: int | None = None  # how many pages the contents were given
        self.forced_contents_pages: int | None = None
        self.pages = 0  # pages in the finished document

    def check(self) -> None:
        if self.cancelled():
            raise CancelledError("Printing was cancelled; no file was written.")

    def sheet_done(self) -> None:
        self.done += 1
        self.progress(self.done, self.total)
        self.check()

    def order(self, pages: int) -> list[int]:
        """Build-order indexes (0-based) in reading order: the front pages, the contents
        (laid out last), then everything between."""
        if self.contents_start is None:
            return list(range(pages))
        start = self.contents_start - 1
        return [
            *range(self.front),
            *range(start, pages),
            *range(self.front, start),
        ]

    def reading_page(self, build_page: int) -> int:
        """Where a page laid out before the contents ends up once they move to the front."""
        if build_page <= self.front:
            return build_page
        return build_page + (self.contents_pages or 0)


class Mark(Flowable):  # type: ignore[misc]  # reportlab has no type hints
    """Zero-sized. Where it lands: a bookmark, an outline entry, a contents entry and the
    section named in the page furniture from this page on."""

    def __init__(
        self,
        tracker: Tracker,
        key: str,
        title: str,
        level: int,
        *,
        section: str | None = None,
        contents: bool = True,
        outline: bool = True,
        extra_outline: Sequence[tuple[str, str]] = (),
        starts_contents: bool = False,
    ) -> None:
        super().__init__()
        self.tracker = tracker
        self.key = key
        self.title = title
        self.level = level
        self.section = section
        self.contents = contents
        self.outline = outline
        self.extra_outline = extra_outline
        self.starts_contents = starts_contents

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        self.tracker.check()
        canvas = self.canv
        page = canvas.getPageNumber()
        canvas.bookmarkPage(self.key)
        if self.outline:
            canvas.addOutlineEntry(self.title, self.key, level=self.level, closed=self.level == 0)
        for title, key in self.extra_outline:
            canvas.addOutlineEntry(title, key, level=self.level)
        if self.contents:
            self.tracker.entries.append(Entry(self.level, self.title, self.key, page))
        if self.section is not None:
            canvas.section = self.section
        if self.starts_contents:
            self.tracker.contents_start = page


class SheetDone(Flowable):  # type: ignore[misc]  # reportlab has no type hints
    """Zero-sized: reports progress once a sheet is laid out."""

    def __init__(self, tracker: Tracker) -> None:
        super().__init__()
        self.tracker = tracker

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        self.tracker.sheet_done()


class Contents(Flowable):  # type: ignore[misc]  # reportlab has no type hints
    """The pack's table of contents, laid out after every sheet so that each sheet's
    page is known. It never fits whole: the frame asks it to split, and it hands back
    the real table, numbered for the pages the contents will take at the front."""

    def __init__(self, tracker: Tracker) -> None:
        super().__init__()
        self.tracker = tracker

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return available_width, available_height + 1

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        pages = self.tracker.forced_contents_pages or _pages_needed(
            self._table(available_width, lambda _page: "0000"),
            available_width,
            available_height,
        )
        self.tracker.contents_pages = pages
        number = self.tracker.reading_page
        table = self._table(available_width, lambda page: str(number(page)))
        _width, height = table.wrap(available_width, available_height)
        if height <= available_height:
            return [table]
        parts: list[Flowable] = table.split(available_width, available_height)
        return parts

    def draw(self) -> None:  # pragma: no cover - split always replaces it
        pass

    def _table(self, width: float, page_label: Callable[[int], str]) -> Table:
        st = styles()
        rows: list[list[object]] = [[Paragraph("Contents", st.title), ""]]
        commands: list[tuple[object, ...]] = [
            ("FONT", (0, 0), (-1, -1), REGULAR, 9),
            ("TEXTCOLOR", (0, 0), (-1, -1), INK),
            ("ALIGN", (1, 0), (1, -1), "RIGHT"),
            ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ("TOPPADDING", (0, 0), (-1, -1), 1),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
            ("BOTTOMPADDING", (0, 0), (-1, 0), 8),
        ]
        for entry in self.tracker.entries:
            link = f'<a href="#{entry.key}">{escape(entry.title)}</a>'
            row = len(rows)
            if entry.level == 0:
                rows.append([Paragraph(f"<b>{link}</b>", st.body), page_label(entry.page)])
                commands += [
                    ("FONT", (1, row), (1, row), BOLD, 9),
                    ("TOPPADDING", (0, row), (-1, row), 7),
                    ("LINEBELOW", (0, row), (-1, row), 0.4, RULE),
                ]
            else:
                rows.append([Paragraph(link, st.toc_entry), page_label(entry.page)])
        table = Table(
            rows,
            colWidths=[width - 40, 40],
            repeatRows=1,
            hAlign="LEFT",
            splitInRow=MIN_ROW_PART,
        )
        table.setStyle(TableStyle(commands))
        return table


class KeepWithNext(KeepTogether):  # type: ignore[misc]  # reportlab has no type hints
    """What `keepWithNext` groups (a heading, its rule and what follows): moved whole to
    the next page when it does not fit, as usual, unless it is longer than a page anyway;
    then it starts here, rather than leaving this page blank below the last section."""

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        if getattr(self, "_wrapInfo", None) != (available_width, available_height):
            self.wrap(available_width, available_height)
        frame = getattr(self, "_frame", None)
        height: float = self._H  # of the whole group, as `wrap` measured it
        longer_than_a_page = frame is not None and height > frame._height
        if longer_than_a_page and available_height >= MIN_SECTION_START:
            return list(self._content)
        parts: list[Flowable] = super().split(available_width, available_height)
        return parts


def _pages_needed(table: Table, width: float, height: float) -> int:
    """How many frames of `height` the table fills."""
    pages, rest = 1, table
    while True:
        _w, used = rest.wrap(width, height)
        if used <= height:
            return pages
        parts = rest.split(width, height)
        if len(parts) < 2:
            return pages
        pages, rest = pages + 1, parts[1]


# --- the page furniture --------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Furniture:
    """What every page shows around its frame."""

    marking: str
    header: str  # left of the header: what this document is

    def paint(
        self,
        canvas: Canvas,
        page: int,
        pages: int,
        section: str,
        section_page: int,
        section_pages: int,
        several_sections: bool,
    ) -> None:
        width, height = canvas._pagesize
        left, right = SIDE_MARGIN, width - SIDE_MARGIN
        canvas.saveState()
        canvas.setFillColor(INK)
        canvas.setFont(BOLD, 9)
        canvas.drawCentredString(width / 2, height - 9 * mm, self.marking)
        canvas.drawCentredString(width / 2, 7 * mm, self.marking)
        canvas.setFont(REGULAR, 7.5)
        canvas.setFillColor(MUTED)
        room = (right - left) * (0.62 if section else 1.0)
        canvas.drawString(left, height - 15 * mm, _fit(self.header, REGULAR, 7.5, room))
        if section:
            canvas.drawRightString(
                right, height - 15 * mm, _fit(section, BOLD, 7.5, right - left - room - 8)
            )
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.5)
        canvas.line(left, height - 16.5 * mm, right, height - 16.5 * mm)
        canvas.line(left, 15.5 * mm, right, 15.5 * mm)
        canvas.drawRightString(right, 12 * mm, f"page {page} of {pages}")
        if several_sections and section:
            canvas.drawString(
                left,
                12 * mm,
                _fit(f"{section}: sheet page {section_page} of {section_pages}", REGULAR, 7.5,
                     (right - left) * 0.7),
            )  # fmt: skip
        canvas.restoreState()


def _fit(value: str, font: str, size: float, room: float) -> str:
    """`value`, cut with an ellipsis if it is wider than `room` points."""
    if stringWidth(value, font, size) <= room:
        return value
    while value and stringWidth(value + "…", font, size) > room:
        value = value[:-1]
    return value.rstrip() + "…"


class HeldCanvas(Canvas):  # type: ignore[misc]  # reportlab has no type hints
    """Holds every page back until `save`, then paints the furniture ("page N of M")
    and emits the pages in reading order."""

    def __init__(self, *args: Any, furniture: Furniture, tracker: Tracker, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.furniture = furniture
        self.tracker = tracker
        self.section = ""
        self.held: list[dict[str, Any]] = []
        # Bookmarks name the page they are made on after the document's page counter;
        # keep it on the page being laid out, as if every page were emitted at once.
        self._doc.pageCounter = self._pageNumber

    def showPage(self) -> None:
        self.held.append(dict(self.__dict__))
        self._startPage()
        self._doc.pageCounter = self._pageNumber

    def save(self) -> None:
        if len(self._code):
            self.showPage()
        held = self.held
        order = self.tracker.order(len(held))
        self.tracker.pages = len(order)
        sections = [str(held[index]["section"]) for index in order]
        totals = Counter(sections)
        seen: Counter[str] = Counter()
        several = len([name for name in totals if name]) > 1
        for position, index in enumerate(order, start=1):
            section = sections[position - 1]
            seen[section] += 1
            self.__dict__.update(held[index])
            self._doc.pageCounter = index + 1  # the name its bookmarks used
            self.furniture.paint(
                self, position, len(order), section, seen[section], totals[section], several
            )
            Canvas.showPage(self)
        Canvas.save(self)


# --- documents -----------------------------------------------------------------------------


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
        keywords=[options.marking.value],
        initialFontName=REGULAR,
        lang="en",
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
    furniture = Furniture(options.marking.value, meta.header)
    with _BUILDING:
        doc.build(story, canvasmaker=partial(HeldCanvas, furniture=furniture, tracker=tracker))
    return buffer.getvalue(), tracker.pages


def write_atomically(out: Path, content: bytes) -> None:
    """Write `content` to `out` through a temporary file beside it: readers see the old
    file or the new one, never half of one. The file is private to the user (0600)."""
    folder = out.parent if str(out.parent) else Path(".")
    if not folder.is_dir():
        raise ValidationError(f"The folder {folder} does not exist.", "output")
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
                raise DiskFullError(f"The disk is full; {out.name} was not written.") from None
            raise OutreachError(f"Cannot write {out}: {error.strerror or error}.") from None
        raise


def sheets_document(
    sheets: Sequence[BriefingData],
    options: PrintOptions,
    *,
    progress: Progress = no_progress,
    cancelled: IsCancelled = never_cancelled,
) -> tuple[bytes, int]:
    """The PDF bytes of one briefing sheet per state, and its page count."""
    if not sheets:
        raise ValidationError("There is no state to print.", "states")
    tracker = Tracker(len(sheets), progress, cancelled)
    tracker.check()
    width = frame_width(options)
    story: list[Flowable] = []
    for index, data in enumerate(sheets):
        if index:
            story.append(PageBreak())
        name = f"{data.state.name} ({data.state.iso3})"
        story.append(Mark(tracker, f"sheet-{index}", name, 0, section=name, contents=False))
        story.extend(sheet_flowables(data, width))
        story.append(SheetDone(tracker))
    first = sheets[0]
    if len(sheets) == 1:
        title = f"Briefing sheet: {first.state.name}"
    elif len(sheets) <= 4:
        title = "Briefing sheets: " + ", ".join(sheet.state.name for sheet in sheets)
    else:
        title = f"Briefing sheets: {len(sheets)} states"
    meta = Metadata(
        title=title,
        subject=(
            f"Country briefing {'sheet' if len(sheets) == 1 else 'sheets'}, "
            f"{first.treaty.short_name} status as of {first.as_of.isoformat()}; "
            f"{options.marking.value}"
        ),
        header=f"Country briefing sheet · {first.treaty.short_name}",
    )
    return _render(story, options, tracker, meta)


def pack_document(
    pack: MeetingPack,
    options: PrintOptions,
    *,
    progress: Progress = no_progress,
    cancelled: IsCancelled = never_cancelled,
) -> tuple[bytes, int]:
    """The PDF bytes of a meeting pack, and its page count."""
    sheets = pack.sheets
    tracker = Tracker(len(sheets), progress, cancelled)
    tracker.check()
    meta = Metadata(
        title=f"Meeting pack: {pack.meeting.title}",
        subject=(
            f"Briefing sheets for {pack.meeting.title}, {pack.meeting.city} "
            f"({meeting_dates(pack.meeting.starts_on, pack.meeting.ends_on)}); "
            f"{options.marking.value}"
        ),
        header=f"Meeting pack · {pack.meeting.title}",
    )
    content, pages = _render(_pack_story(pack, options, tracker), options, tracker, meta)
    expected = pages - (tracker.contents_start or pages + 1) + 1
    if tracker.contents_pages is not None and expected != tracker.contents_pages:
        # The contents took more (or fewer) pages than measured: number them again.
        retry = Tracker(len(sheets), no_progress, cancelled)
        retry.forced_contents_pages = expected
        content, pages = _render(_pack_story(pack, options, retry), options, retry, meta)
    return content, pages


def _pack_story(pack: MeetingPack, options: PrintOptions, tracker: Tracker) -> list[Flowable]:
    width = frame_width(options)
    tracker.front = 1
    story: list[Flowable] = [
        Mark(
            tracker,
            "cover",
            "Cover",
            0,
            section="",
            contents=False,
            extra_outline=[("Contents", "contents")],
        ),
        *_cover(pack, options, width),
        PageBreak(),
    ]
    for number, group in enumerate(pack.groups):
        for index, data in enumerate(group.sheets):
            name = f"{data.state.name} ({data.state.iso3})"
            if index == 0:
                story.append(
                    Mark(tracker, f"group-{number}", f"{group.title} ({len(group.sheets)})", 0)
                )
            story.append(Mark(tracker, f"sheet-{number}-{index}", name, 1, section=name))
            story.extend(sheet_flowables(data, width))
            story.append(SheetDone(tracker))
            story.append(PageBreak())
    story.append(Mark(tracker, "interventions", "Planned interventions", 0, section=""))
    story.extend(interventions_flowables(pack.interventions, width))
    story.append(PageBreak())
    story.append(
        Mark(tracker, "contents", "Contents", 0, section="", contents=False, outline=False,
             starts_contents=True)
    )  # fmt: skip
    story.append(Contents(tracker))
    return story


def _cover(pack: MeetingPack, options: PrintOptions, width: float) -> list[Flowable]:
    st = styles()
    meeting = pack.meeting
    lines = [
        ("Forum", pack.forum.name),
        ("Dates", meeting_dates(meeting.starts_on, meeting.ends_on)),
        ("City", meeting.city or "—"),
        ("States expected", f"{len(pack.sheets)}, in {len(pack.groups)} groups"),
        ("Interventions planned", str(len(pack.interventions))),
        ("Status as of", labels.day(pack.as_of)),
        ("Printed", labels.day(pack.printed_on)),
        ("Officer", pack.officer or "—"),
    ]
    room = column(width * 0.68)
    facts = Table(
        [[Paragraph(f"<b>{escape(k)}</b>", st.cover_line),
          Paragraph(escape(clip(v, room, st.cover_line)), st.cover_line)]
         for k, v in lines],
        colWidths=[width * 0.32, width * 0.68],
        hAlign="LEFT",
        splitInRow=MIN_ROW_PART,
    )  # fmt: skip
    facts.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), REGULAR, 11),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
                ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
            ]
        )
    )
    marking = Table(
        [[Paragraph(f"<b>{escape(options.marking.value)}</b>", st.marking)]],
        colWidths=[width * 0.5],
        hAlign="LEFT",
    )
    marking.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), BOLD, 14),
                ("BOX", (0, 0), (-1, -1), 1.2, ACCENT),
                ("TOPPADDING", (0, 0), (-1, -1), 6),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 8),
            ]
        )
    )
    contents = [
        Paragraph(
            f'<font color="{group.colour}">■</font> <b>{escape(group.title)}</b> '
            f"({len(group.sheets)}): "
            + escape(", ".join(sheet.state.name for sheet in group.sheets[:8]))
            + (f", and {len(group.sheets) - 8} more" if len(group.sheets) > 8 else ""),
            st.bullet,
        )
        for group in pack.groups
    ]
    return [
        Spacer(1, 22 * mm),
        Paragraph("MEETING PACK · COUNTRY BRIEFING SHEETS", st.kicker),
        Spacer(1, 3 * mm),
        Paragraph(escape(meeting.title), st.cover_title),
        Spacer(1, 10 * mm),
        facts,
        Spacer(1, 8 * mm),
        Paragraph("In this pack", st.heading),
        *contents,
        Spacer(1, 12 * mm),
        marking,
    ]
