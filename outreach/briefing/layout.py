"""The building blocks of a printed sheet: colours, paragraph styles, fitting text into
its room, and the pieces sections are made of (headings, light tables, boxed text).

Pure layout: no database, no canvas. Every piece of user text is escaped before it
goes into a paragraph, so "<", "&" or a stray tag in a note print as typed.

Whatever its length, text prints: a table row taller than the rest of the page goes on
over the next page (reportlab's split in row), a word wider than its column is broken,
and a text that would take more than some ten pages is cut with "… (continued in
Outreach)" (`clip`), so a runaway paste cannot turn a sheet into a book.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from math import ceil
from typing import TypeVar
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Paragraph, Table, TableStyle
from reportlab.platypus.flowables import HRFlowable

from outreach.briefing.fonts import BOLD, REGULAR, register_fonts
from outreach.i18n import N_

INK = colors.HexColor("#1b1f24")
MUTED = colors.HexColor("#5f6b7a")
ACCENT = colors.HexColor("#1f3a5f")
RULE = colors.HexColor("#c5ccd6")
HEAD_FILL = colors.HexColor("#eef1f5")
ALERT = colors.HexColor("#b71c1c")
ALERT_FILL = colors.HexColor("#fdecea")
BOX_FILL = colors.HexColor("#f5f7fa")
OK = colors.HexColor("#2e7d32")

CONTINUED = N_("… (continued in Outreach)")
# The paper one text may take before `clip` cuts it: some ten pages, room for anything
# the forms accept (20,000 characters of talking points, even as short bullet lines).
MAX_TEXT_HEIGHT = 10 * 680.0
# Wrapping at word breaks fills lines less than the text's width suggests.
WRAP_SLACK = 1.15
# A row too tall for the rest of a page is split there, unless the part left on the page
# would be shorter than this (points): then the row starts on the next page.
MIN_ROW_PART = 24
CELL_PADDING = 6  # left and right padding of a table cell, together

_Item = TypeVar("_Item")
#: a table row's cells, and whether it is an alert (tinted red)
TableRow = tuple[list[object], bool]


@dataclass(frozen=True, slots=True)
class Styles:
    kicker: ParagraphStyle
    title: ParagraphStyle
    subtitle: ParagraphStyle
    meta: ParagraphStyle
    heading: ParagraphStyle
    body: ParagraphStyle
    cell: ParagraphStyle
    small: ParagraphStyle
    empty: ParagraphStyle
    bullet: ParagraphStyle
    cover_title: ParagraphStyle
    cover_line: ParagraphStyle
    group: ParagraphStyle
    toc_entry: ParagraphStyle
    marking: ParagraphStyle


@cache
def styles() -> Styles:
    """The sheet's paragraph styles (built once; DejaVu Sans throughout)."""
    font = register_fonts()
    base = ParagraphStyle(
        "body", fontName=font, bulletFontName=font, fontSize=8.5, leading=10.8, textColor=INK
    )

    def style(name: str, **changes: object) -> ParagraphStyle:
        return ParagraphStyle(name, parent=base, **changes)

    return Styles(
        kicker=style("kicker", fontName=BOLD, fontSize=7.5, leading=9, textColor=MUTED),
        title=style("title", fontName=BOLD, fontSize=19, leading=23, textColor=ACCENT),
        subtitle=style("subtitle", fontSize=9, leading=11.5, textColor=MUTED),
        meta=style("meta", fontSize=8, leading=10, textColor=INK, spaceBefore=3),
        heading=style(
            "heading",
            fontName=BOLD,
            fontSize=10,
            leading=12,
            textColor=ACCENT,
            spaceBefore=8,
            spaceAfter=1,
            keepWithNext=1,
        ),
        body=base,
        cell=style("cell", fontSize=8, leading=9.8),
        small=style("small", fontSize=7, leading=8.6, textColor=MUTED),
        empty=style("empty", fontSize=8, leading=10, textColor=MUTED),
        bullet=style("bullet", leftIndent=10, bulletIndent=2, spaceBefore=1),
        cover_title=style("cover_title", fontName=BOLD, fontSize=24, leading=29, textColor=ACCENT),
        cover_line=style("cover_line", fontSize=11, leading=15, alignment=TA_LEFT),
        group=style(
            "group", fontName=BOLD, fontSize=12, leading=15, textColor=ACCENT, spaceBefore=10
        ),
        toc_entry=style("toc_entry", fontSize=9, leading=11, leftIndent=12),
        marking=style("marking", fontName=BOLD, fontSize=14, leading=17, alignment=TA_CENTER),
    )


def text(value: str) -> str:
    """User text made safe for a paragraph; line breaks kept."""
    return escape(value).replace("\n", "<br/>")


def clip(
    value: str,
    width: float,
    style: ParagraphStyle,
    *,
    font: str | None = None,
    continued: str = CONTINUED,
    lines: int | None = None,
) -> str:
    """`value` as typed, or, if it would run past MAX_TEXT_HEIGHT (or `lines` lines of
    print) in paragraphs of `style` `width` points wide (one per line of `value`), the
    part that fits and `continued`. An estimate from the glyphs' widths: cheap on any
    length, and exact enough to keep every sheet a few pages long."""
    budget = lines or int(MAX_TEXT_HEIGHT // style.leading)  # lines of print
    room = max(width - style.leftIndent - style.rightIndent, 1.0)
    paragraphs = value.splitlines()
    used = 0
    for index, line in enumerate(paragraphs):
        drawn = stringWidth(line, font or style.fontName, style.fontSize) * WRAP_SLACK
        needed = max(1, ceil(drawn / room))
        if used + needed <= budget:
            used += needed
            continue
        part = _word_cut(line[: len(line) * (budget - used) // needed])
        kept = "\n".join([*paragraphs[:index], part]).rstrip()
        return f"{kept} {continued}" if kept else continued
    return value


def _word_cut(value: str) -> str:
    """`value` without the word it ends in the middle of, if that word is short."""
    space = value.rfind(" ", len(value) - 40)
    return value[:space] if space > 0 else value


def column(width: float) -> float:
    """The room for text in a table column `width` points wide."""
    return width - CELL_PADDING


# --- pieces --------------------------------------------------------------------------------


def heading(title: str) -> list[Flowable]:
    rule = HRFlowable(width="100%", thickness=0.6, color=RULE, spaceBefore=0, spaceAfter=3)
    rule.keepWithNext = 1
    return [Paragraph(escape(title), styles().heading), rule]


def empty(message: str) -> Paragraph:
    return Paragraph(escape(message), styles().empty)


def table(
    header: Sequence[str],
    rows: Sequence[Sequence[object]],
    widths: Sequence[float],
    *,
    alerts: Iterable[int] = (),
) -> Table:
    """A light table: a shaded header, hairlines between rows; `alerts` rows (0-based,
    header excluded) get a red tint."""
    shown = [[Paragraph(f"<b>{escape(h)}</b>", styles().small) for h in header], *rows]
    commands: list[tuple[object, ...]] = [
        ("FONT", (0, 0), (-1, -1), REGULAR, 8),
        ("TEXTCOLOR", (0, 0), (-1, -1), INK),
        ("BACKGROUND", (0, 0), (-1, 0), HEAD_FILL),
        ("LINEBELOW", (0, 0), (-1, -1), 0.3, RULE),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
    ]
    for row in alerts:
        commands.append(("BACKGROUND", (0, row + 1), (-1, row + 1), ALERT_FILL))
    result = Table(
        shown, colWidths=list(widths), repeatRows=1, hAlign="LEFT", splitInRow=MIN_ROW_PART
    )
    result.setStyle(TableStyle(commands))
    return result


def cell(value: str) -> Paragraph:
    return Paragraph(value, styles().cell)


def flag(message: str) -> str:
    return f'<font name="{BOLD}" color="#b71c1c">{escape(message)}</font>'


def muted(message: str) -> str:
    return f'<font color="#5f6b7a">{message}</font>'


def tabled(
    head: list[Flowable],
    items: Sequence[_Item],
    none: str,
    columns: Sequence[tuple[str, float]],
    width: float,
    row: Callable[[_Item, list[float]], TableRow],
    *,
    show: int | None = None,
    more: Callable[[int], str] = str,
) -> list[Flowable]:
    """A table after `head` (its heading): a row per item, made by `row` from the item and
    the columns' widths; `columns` are (header, share of the width). At most `show` rows,
    and `more(count)` says how many were left out. `none` is said when there is no item."""
    flowables = list(head)
    if not items:
        return [*flowables, empty(none)]
    widths = [width * share for _header, share in columns]
    rows, alerts = [], []
    for index, item in enumerate(items[:show]):
        cells, alert = row(item, widths)
        rows.append(cells)
        if alert:
            alerts.append(index)
    flowables.append(table([header for header, _share in columns], rows, widths, alerts=alerts))
    if show is not None and len(items) > show:
        flowables.append(Paragraph(escape(more(len(items) - show)), styles().small))
    return flowables


def paragraphs(value: str) -> list[Flowable]:
    """Text as paragraphs: one per line; lines starting with -, * or • become bullets."""
    st = styles()
    result: list[Flowable] = []
    for raw in value.splitlines():
        line = raw.strip()
        if not line:
            continue
        if line[0] in "-*•":
            result.append(Paragraph(escape(line[1:].strip()), st.bullet, bulletText="•"))
        else:
            result.append(Paragraph(escape(line), st.body))
    return result


BOX_PADDING = 14  # left and right padding of a boxed text, together


def boxed(content: list[Flowable], width: float) -> Table:
    """`content` in a shaded box with an accent rule on the left, split across pages as
    it needs."""
    box = Table([[content]], colWidths=[width], hAlign="LEFT", splitInRow=MIN_ROW_PART)
    box.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), REGULAR, 8.5),
                ("BACKGROUND", (0, 0), (-1, -1), BOX_FILL),
                ("LINEBEFORE", (0, 0), (0, -1), 2, ACCENT),
                ("LEFTPADDING", (0, 0), (-1, -1), 8),
                ("RIGHTPADDING", (0, 0), (-1, -1), 6),
                ("TOPPADDING", (0, 0), (-1, -1), 4),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
            ]
        )
    )
    return box
