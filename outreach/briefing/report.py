"""The director's status report laid out: a few pages on the campaign over a period,
with the briefing sheets' fonts, tables and marking.

First the figures, the States Parties curve against the target and the world map; then
what moved (states, priority categories), the démarches delivered and their responses,
the follow-ups overdue, and the meetings ahead with what we plan there.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from xml.sax.saxutils import escape

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer, Table, TableStyle

from outreach.briefing.fonts import BOLD, REGULAR
from outreach.briefing.labels import Words
from outreach.briefing.layout import (
    RULE,
    TableRow,
    cell,
    column,
    heading,
    muted,
    styles,
    tabled,
    text,
)
from outreach.briefing.pack import interventions_flowables, meeting_dates
from outreach.briefing.records import (
    DeliveredLine,
    FollowUpLine,
    MeetingPlan,
    StatusChange,
    StatusReport,
)
from outreach.charts.parties import parties_chart
from outreach.charts.world import status_map
from outreach.charts.world_drawing import world_drawing
from outreach.domain.enums import Counting, DemarcheStatus, TreatyStatus
from outreach.domain.records import CategoryMovement
from outreach.reference.names import shipped_name

FONTS = (REGULAR, BOLD)


@cache
def meeting_style() -> ParagraphStyle:
    """A coming meeting's line, above its interventions (made once the fonts are in)."""
    return ParagraphStyle("meeting", parent=styles().body, spaceBefore=4, keepWithNext=1)


CURVE_HEIGHT = 170.0

#: the order of the moves in "what moved": joining first, leaving last
MOVE_ORDER = (
    TreatyStatus.PARTY,
    TreatyStatus.PENDING,
    TreatyStatus.SIGNATORY,
    TreatyStatus.OUTSIDE,
    TreatyStatus.WITHDRAWN,
)


def report_title(report: StatusReport, _: Words) -> str:
    """ "Status report: Ottawa Convention on 2004-11-25", in the report's language."""
    return _("Status report: {treaty} on {day}").format(
        treaty=shipped_name(report.treaty.short_name, _.language), day=_.when(report.as_of)
    )


def report_story(report: StatusReport, width: float, _: Words) -> list[Flowable]:
    """The report's flowables, `width` points wide, in the words of `_`."""
    st = styles()
    treaty = shipped_name(report.treaty.short_name, _.language)
    prepared = _("Printed {day}").format(day=_.when(report.printed_on))
    if report.officer:
        prepared += " · " + _("prepared by {officer}").format(officer=report.officer)
    story: list[Flowable] = [
        Paragraph(escape(_("Campaign status report").upper()), st.kicker),
        Spacer(1, 2 * mm),
        Paragraph(escape(report_title(report, _)), st.title),
        Paragraph(escape(_period(report, _) + " · " + prepared), st.subtitle),
        Spacer(1, 4 * mm),
        _figures(report, width, _),
        Spacer(1, 4 * mm),
        parties_chart(
            list(report.curve),
            report.treaty.target_parties,
            counting=Counting.IN_FORCE,
            target_counting=report.treaty.target_counting,
            width=width,
            height=CURVE_HEIGHT,
            title=_("States Parties to the {treaty}").format(treaty=treaty),
            language=_.language,
            fonts=FONTS,
        ),
        Spacer(1, 4 * mm),
        world_drawing(
            status_map(
                report.standings,
                title=_("Status on {day}").format(day=_.when(report.as_of)),
                language=_.language,
            ),
            width,
            language=_.language,
            fonts=FONTS,
        ),
    ]
    story += _changes(report, width, _)
    story += _categories(report.categories, report, width, _)
    story += _delivered(report.delivered, width, _)
    story += _overdue(report.overdue, report, width, _)
    story += _meetings(report.meetings, width, _)
    return story


def _period(report: StatusReport, _: Words) -> str:
    return _("What moved from {since} to {as_of}").format(
        since=_.when(report.since), as_of=_.when(report.as_of)
    )


def _figures(report: StatusReport, width: float, _: Words) -> Table:
    """The headline figures in a row of boxes."""
    st = styles()
    counts = report.counts
    statuses = [standing.status for standing in report.standings]
    target = report.treaty.target_parties
    shown = (
        counts.deposited if report.treaty.target_counting == Counting.DEPOSIT else counts.in_force
    )
    figures = [
        (_.number(counts.in_force), _("States Parties")),
        (_.number(counts.pending), _("pending entry into force")),
        (
            _.number(target) if target else "—",
            _("target ({gap} to go)").format(gap=_.number(max(target - shown, 0)))
            if target
            else _("target"),
        ),
        (_.number(statuses.count(TreatyStatus.SIGNATORY)), _("signatories")),
        (_.number(statuses.count(TreatyStatus.OUTSIDE)), _("outside the treaty")),
    ]
    if TreatyStatus.WITHDRAWN in statuses:
        figures.append((_.number(statuses.count(TreatyStatus.WITHDRAWN)), _("withdrawn")))
    cells = [
        Paragraph(f'<font name="{BOLD}" size="16">{escape(value)}</font><br/>{escape(words)}',
                  st.cell)
        for value, words in figures
    ]  # fmt: skip
    boxes = Table([cells], colWidths=[width / len(cells)] * len(cells), hAlign="LEFT")
    boxes.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LINEBEFORE", (1, 0), (-1, -1), 0.4, RULE),
                ("LEFTPADDING", (0, 0), (-1, -1), 6),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ]
        )
    )
    return boxes


def _changes(report: StatusReport, width: float, _: Words) -> list[Flowable]:
    changes = sorted(report.changes, key=lambda c: (MOVE_ORDER.index(c.after), c.state))

    def row(change: StatusChange, widths: list[float]) -> TableRow:
        return [
            cell(escape(change.state)),
            cell(escape(_.label(change.before))),
            cell(f"<b>{escape(_.label(change.after))}</b>"),
        ], False

    since = _.when(report.since)
    return tabled(
        heading(_("States whose standing moved since {day}").format(day=since)),
        changes,
        _("No state's standing towards the treaty moved in this period."),
        [(_("State"), 0.4), (_("On {day}").format(day=since), 0.3),
         (_("On {day}").format(day=_.when(report.as_of)), 0.3)],
        width,
        row,
    )  # fmt: skip


def _categories(
    lines: Sequence[CategoryMovement], report: StatusReport, width: float, _: Words
) -> list[Flowable]:
    def row(line: CategoryMovement, widths: list[float]) -> TableRow:
        return [
            cell(f'<font color="{line.colour}">■</font> {escape(line.name)}'),
            cell(_.number(line.members)),
            cell(_.number(line.parties_then)),
            cell(_.number(line.parties_now)),
            cell(f"<b>{line.moved:+d}</b>" if line.moved else "0"),
        ], False

    return tabled(
        heading(_("Priority categories")),
        lines,
        _("No priority category is defined."),
        [
            (_("Category"), 0.46),
            (_("States"), 0.12),
            (_("Parties on {day}").format(day=_.day(report.since)), 0.15),
            (_("Parties on {day}").format(day=_.day(report.as_of)), 0.15),
            (_("Moved"), 0.12),
        ],
        width,
        row,
    )


def _delivered(lines: Sequence[DeliveredLine], width: float, _: Words) -> list[Flowable]:
    cell_style = styles().cell

    def row(line: DeliveredLine, widths: list[float]) -> TableRow:
        response = line.response or (
            _("none yet") if line.status == DemarcheStatus.DELIVERED else "—"
        )
        return [
            cell(_.day(line.delivered_on)),
            cell(escape(line.state)),
            cell(text(_.clip(line.title, column(widths[2]), cell_style))),
            cell(escape(_.label_of(DemarcheStatus, line.status))),
            cell(text(_.clip(response, column(widths[4]), cell_style, lines=4))),
        ], False

    return tabled(
        heading(_("Démarches delivered ({count})").format(count=_.number(len(lines)))),
        lines,
        _("No démarche was delivered in this period."),
        [
            (_("Delivered"), 0.12),
            (_("State"), 0.16),
            (_("Démarche"), 0.3),
            (_("Status"), 0.1),
            (_("Response"), 0.32),
        ],
        width,
        row,
    )


def _overdue(
    lines: Sequence[FollowUpLine], report: StatusReport, width: float, _: Words
) -> list[Flowable]:
    cell_style = styles().cell

    def row(line: FollowUpLine, widths: list[float]) -> TableRow:
        days = (report.as_of - line.due_on).days
        late = _.ngettext("{count} day late", "{count} days late", days).format(count=days)
        return [
            cell(f"{_.day(line.due_on)}<br/>{muted(escape(late))}"),
            cell(escape(", ".join(line.states)) or "—"),
            cell(text(_.clip(line.summary, column(widths[2]), cell_style, lines=3))),
            cell(escape(line.officer) or "—"),
        ], True

    more = report.overdue_count - len(lines)
    flowables = tabled(
        heading(
            _("Follow-ups overdue on {day} ({count})").format(
                day=_.when(report.as_of), count=_.number(report.overdue_count)
            )
        ),
        lines,
        _("No follow-up is overdue."),
        [(_("Due"), 0.16), (_("States"), 0.2), (_("Summary"), 0.48), (_("Officer"), 0.16)],
        width,
        row,
    )
    if more > 0:
        note = _.ngettext(
            "{count} more overdue follow-up is not shown (the Contact log lists them all).",
            "{count} more overdue follow-ups are not shown (the Contact log lists them all).",
            more,
        ).format(count=_.number(more))
        flowables.append(Paragraph(escape(note), styles().small))
    return flowables


def _meetings(plans: Sequence[MeetingPlan], width: float, _: Words) -> list[Flowable]:
    st = styles()
    flowables = heading(_("The next meetings"))
    if not plans:
        return [*flowables, Paragraph(escape(_("No meeting is planned.")), st.empty)]
    for plan in plans:
        meeting = plan.meeting
        where = ", ".join(
            part for part in (meeting.city, plan.forum) if part
        )  # "Nairobi, Review Conference (APMBC)"
        title = (
            f"<b>{escape(shipped_name(meeting.title, _.language))}</b> · "
            f"{escape(meeting_dates(meeting.starts_on, meeting.ends_on, _))}"
            + (f" · {escape(where)}" if where else "")
        )
        # never alone at the foot of a page, nor the section's heading before it: one
        # chain of keep-with-next from the heading to the meeting's table
        named = Paragraph(title, meeting_style())
        head: list[Flowable] = [named]
        flowables += interventions_flowables(plan.interventions, width, _, head=head)
    return flowables
