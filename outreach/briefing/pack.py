"""The parts of a meeting pack besides its sheets: the cover, the planned interventions,
and the story that puts them, the sheets and the contents in order."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from xml.sax.saxutils import escape

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, PageBreak, Paragraph, Spacer, Table, TableStyle

from outreach.briefing import labels
from outreach.briefing.canvas import Tracker
from outreach.briefing.flowables import Contents, Mark, SheetDone
from outreach.briefing.fonts import BOLD, REGULAR
from outreach.briefing.layout import (
    ACCENT,
    MIN_ROW_PART,
    RULE,
    TableRow,
    cell,
    clip,
    column,
    muted,
    styles,
    tabled,
    text,
)
from outreach.briefing.options import PrintOptions
from outreach.briefing.records import InterventionLine, MeetingPack
from outreach.briefing.sheet import sheet_flowables


def meeting_dates(starts_on: date, ends_on: date) -> str:
    if starts_on == ends_on:
        return starts_on.isoformat()
    return f"{starts_on.isoformat()} to {ends_on.isoformat()}"


def interventions_flowables(
    interventions: Sequence[InterventionLine], width: float
) -> list[Flowable]:
    cell_style = styles().cell

    def row(item: InterventionLine, widths: list[float]) -> TableRow:
        room = column(widths[1])
        when = ""
        if item.starts_at is not None:
            when = item.starts_at.strftime("%Y-%m-%d %H:%M")
            if item.ends_at is not None:
                same_day = item.ends_at.date() == item.starts_at.date()
                when += "–" + item.ends_at.strftime("%H:%M" if same_day else "%Y-%m-%d %H:%M")
        details = [f"<b>{escape(clip(item.title, room, cell_style, font=BOLD))}</b>"]
        if item.targets:
            details.append(muted(escape(clip("With " + ", ".join(item.targets), room, cell_style))))
        if item.talking_points:
            details.append(text(clip(item.talking_points, room, cell_style)))
        cells: list[object] = [
            cell(escape(labels.label(labels.INTERVENTION, item.kind))),
            cell("<br/>".join(details)),
            cell(escape(when) or "not scheduled"),
            cell(escape(clip(item.lead_officer, column(widths[3]), cell_style)) or "—"),
            cell(escape(labels.label({}, item.status))),
        ]
        return cells, False

    return tabled(
        [Paragraph("Planned interventions", styles().title), Spacer(1, 4)],
        interventions,
        "No interventions are planned for this meeting yet.",
        [("Kind", 0.13), ("Intervention", 0.47), ("When", 0.16), ("Lead", 0.14), ("Status", 0.1)],
        width,
        row,
    )


def pack_story(
    pack: MeetingPack, options: PrintOptions, tracker: Tracker, width: float
) -> list[Flowable]:
    """The cover, each group's sheets, the planned interventions and, last, the contents
    (the canvas moves them to the front)."""
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
        *cover(pack, options, width),
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


def cover(pack: MeetingPack, options: PrintOptions, width: float) -> list[Flowable]:
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
