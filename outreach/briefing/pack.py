"""The parts of a meeting pack besides its sheets: the cover, the planned interventions,
and the story that puts them, the sheets and the contents in order. Every part takes the
words of the language the pack is printed in as `_` (`outreach.briefing.labels.Words`)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from xml.sax.saxutils import escape

from reportlab.graphics.shapes import Drawing
from reportlab.lib.units import mm
from reportlab.platypus import (
    Flowable,
    KeepInFrame,
    PageBreak,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from outreach.briefing.canvas import Tracker
from outreach.briefing.flowables import Contents, Mark, SheetDone
from outreach.briefing.fonts import BOLD, REGULAR
from outreach.briefing.labels import Words
from outreach.briefing.layout import (
    ACCENT,
    MIN_ROW_PART,
    RULE,
    TableRow,
    cell,
    column,
    muted,
    styles,
    tabled,
    text,
)
from outreach.briefing.options import PrintOptions
from outreach.briefing.records import OTHER_GROUP, InterventionLine, MeetingPack, PackGroup
from outreach.briefing.sheet import sheet_flowables
from outreach.charts.world import room_map
from outreach.charts.world_drawing import world_drawing
from outreach.domain.enums import InterventionKind, InterventionStatus
from outreach.domain.records import StateStanding
from outreach.reference.names import shipped_name

#: how many states of a group the cover names
COVER_NAMES = 8
#: the share of the page's width the cover's map takes
MAP_SHARE = 0.8


def meeting_dates(starts_on: date, ends_on: date, _: Words) -> str:
    if starts_on == ends_on:
        return _.when(starts_on)
    return _.period(starts_on, ends_on)


def group_title(group: PackGroup, _: Words) -> str:
    """A group's title: its category's name as typed, or "Other states expected"."""
    return _(OTHER_GROUP) if group.title == OTHER_GROUP else group.title


def interventions_flowables(
    interventions: Sequence[InterventionLine],
    width: float,
    _: Words,
    head: list[Flowable] | None = None,
) -> list[Flowable]:
    """The interventions planned at a meeting as a table, after `head` (by default the
    pack's title, "Planned interventions")."""
    cell_style = styles().cell

    def row(item: InterventionLine, widths: list[float]) -> TableRow:
        room = column(widths[1])
        when = ""
        if item.starts_at is not None:
            when = item.starts_at.strftime("%Y-%m-%d %H:%M")
            if item.ends_at is not None:
                same_day = item.ends_at.date() == item.starts_at.date()
                when += "–" + item.ends_at.strftime("%H:%M" if same_day else "%Y-%m-%d %H:%M")
        details = [f"<b>{escape(_.clip(item.title, room, cell_style, font=BOLD))}</b>"]
        if item.targets:
            targets = _("With {states}").format(states=", ".join(item.targets))
            details.append(muted(escape(_.clip(targets, room, cell_style))))
        if item.talking_points:
            details.append(text(_.clip(item.talking_points, room, cell_style)))
        lead = _.clip(item.lead_officer, column(widths[3]), cell_style)
        cells: list[object] = [
            cell(escape(_.label_of(InterventionKind, item.kind))),
            cell("<br/>".join(details)),
            cell(escape(when or _("not scheduled"))),
            cell(escape(lead) or "—"),
            cell(escape(_.label_of(InterventionStatus, item.status))),
        ]
        return cells, False

    if head is None:
        head = [Paragraph(escape(_("Planned interventions")), styles().title), Spacer(1, 4)]
    return tabled(
        head,
        interventions,
        _("No interventions are planned for this meeting yet."),
        [
            (_("Kind"), 0.13),
            (_("Intervention"), 0.47),
            (_("When"), 0.16),
            (_("Lead"), 0.14),
            (_("Status"), 0.1),
        ],
        width,
        row,
    )


def pack_story(
    pack: MeetingPack, options: PrintOptions, tracker: Tracker, width: float, _: Words
) -> list[Flowable]:
    """The cover, each group's sheets, the planned interventions and, last, the contents
    (the canvas moves them to the front)."""
    tracker.front = 1
    contents = _("Contents")
    story: list[Flowable] = [
        Mark(
            tracker,
            "cover",
            _("Cover"),
            0,
            section="",
            contents=False,
            extra_outline=[(contents, "contents")],
        ),
        *cover(pack, options, width, _),
        PageBreak(),
    ]
    for number, group in enumerate(pack.groups):
        for index, data in enumerate(group.sheets):
            name = f"{data.state.name} ({data.state.iso3})"
            if index == 0:
                title = f"{group_title(group, _)} ({len(group.sheets)})"
                story.append(Mark(tracker, f"group-{number}", title, 0))
            story.append(Mark(tracker, f"sheet-{number}-{index}", name, 1, section=name))
            story.extend(sheet_flowables(data, width, _))
            story.append(SheetDone(tracker))
            story.append(PageBreak())
    story.append(Mark(tracker, "interventions", _("Planned interventions"), 0, section=""))
    story.extend(interventions_flowables(pack.interventions, width, _))
    story.append(PageBreak())
    story.append(
        Mark(tracker, "contents", contents, 0, section="", contents=False, outline=False,
             starts_contents=True)
    )  # fmt: skip
    story.append(Contents(tracker, contents))
    return story


def cover(pack: MeetingPack, options: PrintOptions, width: float, _: Words) -> list[Flowable]:
    st = styles()
    meeting = pack.meeting
    groups = len(pack.groups)
    lines = [
        (_("Forum"), shipped_name(pack.forum.name, _.language)),
        (_("Dates"), meeting_dates(meeting.starts_on, meeting.ends_on, _)),
        (_("City"), meeting.city or "—"),
        (
            _("States expected"),
            _.ngettext("{states}, in {count} group", "{states}, in {count} groups", groups).format(
                states=_.number(len(pack.sheets)), count=groups
            ),
        ),
        (_("Interventions planned"), _.number(len(pack.interventions))),
        (_("Status as of"), _.when(pack.as_of)),
        (_("Printed"), _.when(pack.printed_on)),
        (_("Officer"), pack.officer or "—"),
    ]
    room = column(width * 0.68)
    facts = Table(
        [[Paragraph(f"<b>{escape(k)}</b>", st.cover_line),
          Paragraph(escape(_.clip(v, room, st.cover_line)), st.cover_line)]
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
        [[Paragraph(f"<b>{escape(_.marking(options.marking))}</b>", st.marking)]],
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
    in_this_pack = [
        Paragraph(
            f'<font color="{group.colour}">■</font> <b>{escape(group_title(group, _))}</b> '
            f"({len(group.sheets)}): " + escape(_group_names(group, _)),
            st.bullet,
        )
        for group in pack.groups
    ]
    return [
        Spacer(1, 12 * mm),
        Paragraph(escape(_("Meeting pack · country briefing sheets").upper()), st.kicker),
        Spacer(1, 3 * mm),
        Paragraph(escape(shipped_name(meeting.title, _.language)), st.cover_title),
        Spacer(1, 10 * mm),
        facts,
        Spacer(1, 8 * mm),
        Paragraph(escape(_("In this pack")), st.heading),
        *in_this_pack,
        Spacer(1, 8 * mm),
        marking,
        Spacer(1, 8 * mm),
        # the map takes what room the cover has left, smaller when there are many groups
        KeepInFrame(0, 0, [room_drawing(pack, width * MAP_SHARE, _)], mode="shrink"),
    ]


def room_drawing(pack: MeetingPack, width: float, _: Words) -> Drawing:
    """The world map of the room: each state expected in the colour of its status on the
    pack's day, the others in grey."""
    room = [
        StateStanding(sheet.state.id, sheet.state.iso3, sheet.state.name, sheet.status)
        for sheet in pack.sheets
    ]
    title = _("The room: status on {day}").format(day=_.when(pack.as_of))
    world = room_map(room, title=title, language=_.language)
    return world_drawing(world, width, language=_.language, fonts=(REGULAR, BOLD))


def _group_names(group: PackGroup, _: Words) -> str:
    """The first states of a group, and how many more."""
    names = ", ".join(sheet.state.name for sheet in group.sheets[:COVER_NAMES])
    more = len(group.sheets) - COVER_NAMES
    if more <= 0:
        return names
    return _.ngettext("{states}, and {count} more", "{states}, and {count} more", more).format(
        states=names, count=more
    )
