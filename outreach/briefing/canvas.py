"""The pages of a briefing PDF: the furniture around every page's frame and the order the
pages come out in.

Every page carries the security marking at its top and bottom and "page N of M" (and,
in a document of several sheets, the sheet's own "page i of n"). To know M while
building in one pass, the canvas holds each finished page back and paints the furniture
when the document is saved, once every page is known.

A pack's contents are laid out last, once every sheet's page is known (see
`outreach.briefing.flowables.Contents`); the held-back pages are then put in reading
order: cover, contents, sheets. Page objects keep the names their bookmarks point to, so
the outline and the contents' links survive the move.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any

from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from outreach.briefing.fonts import BOLD, REGULAR
from outreach.briefing.layout import INK, MUTED, RULE
from outreach.errors import CancelledError
from outreach.i18n import _
from outreach.progress import IsCancelled, Progress

SIDE_MARGIN = 17 * mm
TOP_MARGIN = 21 * mm
BOTTOM_MARGIN = 19 * mm


def stop_if_cancelled(cancelled: IsCancelled) -> None:
    """Raise `CancelledError` if the print was cancelled."""
    if cancelled():
        raise CancelledError(_("Printing was cancelled; no file was written."))


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
        stop_if_cancelled(self.cancelled)

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


# --- the page furniture --------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Furniture:
    """What every page shows around its frame, in the document's language: the marking,
    what the document is, and the page numbers, from `page_of` ("page {page} of {pages}")
    and `sheet_page_of` ("{section}: sheet page {page} of {pages}")."""

    marking: str
    header: str  # left of the header: what this document is
    page_of: str
    sheet_page_of: str

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
        canvas.drawRightString(right, 12 * mm, self.page_of.format(page=page, pages=pages))
        if several_sections and section:
            sheet_page = self.sheet_page_of.format(
                section=section, page=section_page, pages=section_pages
            )
            canvas.drawString(left, 12 * mm, _fit(sheet_page, REGULAR, 7.5, (right - left) * 0.7))
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
