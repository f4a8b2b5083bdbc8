"""The flowables that tell the canvas where things are, and a pack's table of contents.

A pack's contents need the page of every sheet, known only once the sheets are laid
out. Rather than building the whole document twice, `Contents` is laid out last, when
every sheet has been placed, and the canvas then moves its pages to the front.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from xml.sax.saxutils import escape

from reportlab.platypus import Flowable, KeepTogether, Paragraph, Table, TableStyle

from outreach.briefing.canvas import Entry, Tracker
from outreach.briefing.fonts import BOLD, REGULAR
from outreach.briefing.layout import INK, MIN_ROW_PART, RULE, styles

# A section longer than a page starts on the page where its heading falls if this much of
# the page is left (points): the heading, its rule and the first lines.
MIN_SECTION_START = 80


@dataclass(eq=False)
class Mark(Flowable):  # type: ignore[misc]  # reportlab has no type hints
    """Zero-sized. Where it lands: a bookmark, an outline entry, a contents entry and the
    section named in the page furniture from this page on."""

    tracker: Tracker
    key: str
    title: str
    level: int
    section: str | None = None
    contents: bool = True
    outline: bool = True
    extra_outline: Sequence[tuple[str, str]] = ()
    starts_contents: bool = False

    def __post_init__(self) -> None:
        super().__init__()

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
    the real table, numbered for the pages the contents will take at the front.
    `title` heads it ("Contents", in the pack's language)."""

    def __init__(self, tracker: Tracker, title: str) -> None:
        super().__init__()
        self.tracker = tracker
        self.title = title

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
        rows: list[list[object]] = [[Paragraph(escape(self.title), st.title), ""]]
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
