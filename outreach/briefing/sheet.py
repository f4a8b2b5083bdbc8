"""The flowables of one country briefing sheet, from a `BriefingData`.

Pure layout: no database, no canvas. Every piece of user text is escaped before it
goes into a paragraph, so "<", "&" or a stray tag in a note print as typed.

Whatever its length, text prints: a table row taller than the rest of the page goes on
over the next page (reportlab's split in row), a word wider than its column is broken,
and a text that would take more than some ten pages is cut with "… (continued in
Outreach)" (`clip`), so a runaway paste cannot turn a sheet into a book.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache
from math import ceil
from xml.sax.saxutils import escape

import phonenumbers
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Paragraph, Spacer, Table, TableStyle
from reportlab.platypus.flowables import HRFlowable

from outreach.briefing import labels
from outreach.briefing.data import BriefingData, InterventionLine
from outreach.briefing.fonts import BOLD, REGULAR, register_fonts
from outreach.domain.enums import FactKind

INK = colors.HexColor("#1b1f24")
MUTED = colors.HexColor("#5f6b7a")
ACCENT = colors.HexColor("#1f3a5f")
RULE = colors.HexColor("#c5ccd6")
HEAD_FILL = colors.HexColor("#eef1f5")
ALERT = colors.HexColor("#b71c1c")
ALERT_FILL = colors.HexColor("#fdecea")
BOX_FILL = colors.HexColor("#f5f7fa")
OK = colors.HexColor("#2e7d32")

MAX_FACTS = 8
MAX_SEATS = 4
MAX_DEMARCHES = 8

CONTINUED = "… (continued in Outreach)"
# The paper one text may take before `clip` cuts it: some ten pages, room for anything
# the forms accept (20,000 characters of talking points, even as short bullet lines).
MAX_TEXT_HEIGHT = 10 * 680.0
# Wrapping at word breaks fills lines less than the text's width suggests.
WRAP_SLACK = 1.15
# A row too tall for the rest of a page is split there, unless the part left on the page
# would be shorter than this (points): then the row starts on the next page.
MIN_ROW_PART = 24
CELL_PADDING = 6  # left and right padding of a table cell, together


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


def clip(value: str, width: float, style: ParagraphStyle, *, font: str | None = None) -> str:
    """`value` as typed, or, if it would run past MAX_TEXT_HEIGHT in paragraphs of `style`
    `width` points wide (one per line of `value`), the part that fits and CONTINUED.
    An estimate from the glyphs' widths: cheap on any length, and exact enough to keep
    every sheet a few pages long."""
    budget = int(MAX_TEXT_HEIGHT // style.leading)  # lines of print
    room = max(width - style.leftIndent - style.rightIndent, 1.0)
    lines = value.splitlines()
    used = 0
    for index, line in enumerate(lines):
        drawn = stringWidth(line, font or style.fontName, style.fontSize) * WRAP_SLACK
        needed = max(1, ceil(drawn / room))
        if used + needed <= budget:
            used += needed
            continue
        part = _word_cut(line[: len(line) * (budget - used) // needed])
        kept = "\n".join([*lines[:index], part]).rstrip()
        return f"{kept} {CONTINUED}" if kept else CONTINUED
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


def _span(days: int) -> str:
    """A duration in words: days up to two months, then months, then years."""
    if days < 60:
        return "1 day" if days == 1 else f"{days} days"
    if days < 730:
        return f"{days // 30} months"
    return f"{days // 365} years"


def phone(value: str) -> str:
    """An E.164 number as people read it: +855 23 555 0101."""
    try:
        number = phonenumbers.parse(value, None)
    except phonenumbers.NumberParseException:
        return value
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)


# --- sections ------------------------------------------------------------------------------


def title_block(data: BriefingData, width: float) -> list[Flowable]:
    state = data.state
    st = styles()
    place = ", ".join(part for part in (state.subregion, state.region) if part)
    official = state.official_name if state.official_name != state.name else ""
    subtitle = " · ".join(part for part in (official, place, state.iso3) if part)
    meta = [
        f"<b>Printed</b> {labels.day(data.printed_on)}",
        f"<b>Status as of</b> {labels.day(data.as_of)}",
        f"<b>Officer</b> {escape(data.officer) if data.officer else '—'}",
        f"<b>Stance</b> {escape(labels.label({}, data.state.stance.value))}",
    ]
    return [
        Paragraph(f"COUNTRY BRIEFING SHEET · {escape(data.treaty.short_name.upper())}", st.kicker),
        Paragraph(escape(state.name), st.title),
        Paragraph(escape(subtitle), st.subtitle),
        Paragraph("&nbsp;&nbsp;&nbsp;".join(meta), st.meta),
    ]


def treaty_section(data: BriefingData, width: float) -> list[Flowable]:
    """Status and dates. A date after the sheet's day is left out (a pack for a past
    meeting shows the state as it stood then); entry into force follows its consent."""
    participation = data.participation
    status = data.status
    day = data.as_of
    colour = labels.STATUS_COLOUR[status]
    badge = Paragraph(
        f'<font name="{BOLD}" color="{colour}">{escape(labels.STATUS[status].upper())}</font>',
        styles().cell,
    )
    signed = consent = in_force = "—"
    if participation and participation.signed_on and participation.signed_on <= day:
        signed = labels.day(participation.signed_on)
    if participation and participation.consent_on and participation.consent_on <= day:
        kind = labels.label(labels.CONSENT, participation.consent_kind or "")
        consent = labels.day(participation.consent_on) + (f" ({kind})" if kind else "")
        in_force = labels.day(participation.in_force_on)
    header = ["Status", "Signature", "Consent to be bound", "Entry into force"]
    row: list[object] = [badge, signed, consent, in_force]
    widths = [0.28, 0.2, 0.3, 0.22]
    notified = participation.withdrawal_notified_on if participation else None
    if participation and notified and notified <= day:
        header.append("Withdrawal")
        row.append(
            cell(
                f"notified {labels.day(notified)}, effective "
                f"{labels.day(participation.withdrawal_effective_on, 'not yet')}"
            )
        )
        widths = [0.22, 0.14, 0.22, 0.16, 0.26]
    flowables: list[Flowable] = [
        *heading(f"Treaty status: {data.treaty.short_name} ({data.treaty.code})"),
        table(header, [row], [width * w for w in widths]),
    ]
    if participation and (participation.source or participation.as_of):
        source = escape(clip(participation.source, width, styles().small))
        source = source or "no source recorded"
        flowables.append(
            Paragraph(f"Source: {source}; as of {labels.day(participation.as_of)}", styles().small)
        )
    return flowables


def bound_on(data: BriefingData) -> bool:
    """Whether the state had consented to be bound by the sheet's day."""
    consent_on = data.participation.consent_on if data.participation else None
    return consent_on is not None and consent_on <= data.as_of


def obligations_section(data: BriefingData, width: float) -> list[Flowable]:
    flowables = heading("Obligations and deadlines")
    st = styles().cell
    if not data.obligations or not bound_on(data):
        reason = (
            "No dated obligations recorded."
            if bound_on(data)
            else "No treaty obligations: the state is not bound by the treaty."
        )
        return [*flowables, empty(reason)]
    widths = [width * w for w in (0.56, 0.13, 0.13, 0.18)]
    rows, alerts = [], []
    for index, obligation in enumerate(data.obligations):
        deadline = obligation.deadline
        if obligation.met_on is not None:
            state = f'<font color="#2e7d32">Met on {labels.day(obligation.met_on)}</font>'
        elif obligation.overdue_on(data.as_of):
            state = flag(f"OVERDUE by {_span((data.as_of - deadline).days)}")
            alerts.append(index)
        else:
            state = f"Due in {_span((deadline - data.as_of).days)}"
        rows.append(
            [
                cell(
                    f"<b>{escape(labels.label(labels.OBLIGATION, obligation.kind.value))}</b>"
                    f"<br/>{muted(escape(clip(obligation.description, column(widths[0]), st)))}"
                ),
                labels.day(obligation.due_on),
                labels.day(obligation.extended_to),
                cell(state),
            ]
        )
    return [
        *flowables,
        table(["Obligation", "Due", "Extended to", "Standing"], rows, widths, alerts=alerts),
    ]


def facts_section(data: BriefingData, width: float) -> list[Flowable]:
    flowables = heading("Facts")
    if not data.facts:
        return [*flowables, empty("No facts recorded.")]
    widths = [width * w for w in (0.25, 0.07, 0.2, 0.35, 0.13)]
    st = styles().cell
    rows = []
    for fact in data.facts[:MAX_FACTS]:
        detail = []
        if fact.quantity is not None:
            unit = " mines" if fact.kind == FactKind.STOCKPILE else ""
            detail.append(f"{fact.quantity:,}{unit}")
        if fact.detail:
            detail.append(fact.detail)
        rows.append(
            [
                cell(escape(labels.label(labels.FACT, fact.kind.value))),
                "Yes" if fact.holds else "No",
                cell(escape(clip("; ".join(detail), column(widths[2]), st)) or "—"),
                cell(muted(escape(clip(fact.source, column(widths[3]), st)))),
                labels.day(fact.as_of),
            ]
        )
    flowables.append(table(["Fact", "Holds", "Detail", "Source", "As of"], rows, widths))
    if len(data.facts) > MAX_FACTS:
        flowables.append(
            Paragraph(f"{len(data.facts) - MAX_FACTS} older facts not shown.", styles().small)
        )
    return flowables


def categories_section(data: BriefingData, width: float) -> list[Flowable]:
    flowables = heading("Priority categories")
    if not data.categories:
        return [*flowables, empty("In no priority category.")]
    for category, why in data.categories:
        reason = f" — {escape(clip(why, width, styles().bullet))}" if why else ""
        flowables.append(
            Paragraph(
                f'<font color="{category.colour}">■</font> <b>{escape(category.name)}</b>{reason}',
                styles().bullet,
            )
        )
    return flowables


def seats_section(data: BriefingData, width: float) -> list[Flowable]:
    flowables = heading("Seats and forum memberships")
    st = styles()
    seats = []
    for seat in data.seats[:MAX_SEATS]:
        body = escape(labels.label(labels.SEAT_BODY, seat.body))
        now = " <b>(holds it now)</b>" if seat.held_on(data.as_of) else ""
        seats.append(
            f"{body}: {escape(seat.kind)}, {labels.period(seat.start_on, seat.end_on)}{now}"
        )
    flowables.append(
        Paragraph(
            "<b>Seats:</b> " + ("; ".join(seats) if seats else muted("none recorded")), st.body
        )
    )
    forums = "; ".join(escape(forum.name) for forum in data.forums)
    flowables.append(
        Paragraph("<b>Member of:</b> " + (forums or muted("no forum recorded")), st.body)
    )
    return flowables


def contacts_section(data: BriefingData, width: float) -> list[Flowable]:
    flowables = heading("Key contacts")
    if not data.contacts:
        return [*flowables, empty("No contacts recorded for this state.")]
    widths = [width * w for w in (0.22, 0.42, 0.26, 0.1)]
    room = [column(w) for w in widths]
    st = styles().cell
    rows = []
    for person in data.contacts:
        contact = person.contact
        role = ", ".join(part for part in (contact.position, person.organization) if part)
        reach = "\n".join(
            part for part in (contact.email, phone(contact.phone) if contact.phone else "") if part
        )
        rows.append(
            [
                cell(f"<b>{escape(clip(contact.full_name, room[0], st, font=BOLD))}</b>"),
                cell(escape(clip(role, room[1], st)) or "—"),
                cell(text(clip(reach, room[2], st)) or "—"),
                cell(escape(clip(", ".join(contact.languages), room[3], st)) or "—"),
            ]
        )
    flowables.append(table(["Name", "Position", "E-mail, phone", "Languages"], rows, widths))
    if data.more_contacts:
        flowables.append(
            Paragraph(f"{data.more_contacts} more contacts in Outreach.", styles().small)
        )
    return flowables


def log_section(data: BriefingData, width: float) -> list[Flowable]:
    flowables = heading("Last contacts")
    if not data.log:
        return [*flowables, empty("No contact logged yet.")]
    widths = [width * w for w in (0.13, 0.1, 0.57, 0.2)]
    room = column(widths[2])
    st = styles().cell
    rows, alerts = [], []
    for index, line in enumerate(data.log):
        people = clip("with " + ", ".join(line.people), room, st)
        who = f"<br/>{muted(escape(people))}" if line.people else ""
        follow_up = "—"
        if line.follow_up_on is not None:
            if line.follow_up_done_on is not None:
                follow_up = f"{labels.day(line.follow_up_on)}, done"
            elif line.follow_up_on < data.as_of:
                follow_up = f"{labels.day(line.follow_up_on)} {flag('OVERDUE')}"
                alerts.append(index)
            else:
                follow_up = labels.day(line.follow_up_on)
        rows.append(
            [
                labels.day(line.occurred_on),
                escape(labels.label({}, line.kind)),
                cell(f"{escape(clip(line.summary, room, st))}{who}"),
                cell(follow_up),
            ]
        )
    flowables.append(table(["Date", "Kind", "Summary", "Follow-up"], rows, widths, alerts=alerts))
    return flowables


def demarches_section(data: BriefingData, width: float) -> list[Flowable]:
    flowables = heading("Open démarches")
    if not data.open_demarches:
        return [*flowables, empty("No open démarche.")]
    widths = [width * w for w in (0.32, 0.18, 0.19, 0.16, 0.15)]
    room = column(widths[0])
    rows, alerts = [], []
    for index, demarche in enumerate(data.open_demarches[:MAX_DEMARCHES]):
        due = labels.day(demarche.due_on)
        if demarche.due_on is not None and demarche.due_on < data.as_of:
            due = f"{due}<br/>{flag('OVERDUE')}"
            alerts.append(index)
        channel = labels.label(labels.CHANNEL, demarche.channel)
        level = labels.label(labels.LEVEL, demarche.level).lower()
        rows.append(
            [
                cell(f"<b>{escape(clip(demarche.title, room, styles().cell, font=BOLD))}</b>"),
                cell(escape(labels.label(labels.ACTION, demarche.requested_action))),
                cell(escape(f"{channel}, {level}")),
                cell(escape(labels.label(labels.DEMARCHE_STATUS, demarche.status.value))),
                cell(due),
            ]
        )
    flowables.append(
        table(
            ["Démarche", "Requested action", "Channel, level", "Status", "Due"],
            rows,
            widths,
            alerts=alerts,
        )
    )
    if len(data.open_demarches) > MAX_DEMARCHES:
        more = len(data.open_demarches) - MAX_DEMARCHES
        flowables.append(Paragraph(f"{more} more open démarches in Outreach.", styles().small))
    return flowables


def talking_points_section(data: BriefingData, width: float) -> list[Flowable]:
    flowables = heading("Talking points")
    points = data.state.talking_points.strip()
    if not points:
        return [*flowables, empty("No talking points yet: write them on the state's profile.")]
    room = width - BOX_PADDING
    return [*flowables, boxed(paragraphs(clip(points, room, styles().bullet)), width)]


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


# What the officer reads on the way into the meeting comes first: where the state stands,
# what to say and what we have asked of it; the background follows.
SECTIONS = (
    treaty_section,
    talking_points_section,
    demarches_section,
    obligations_section,
    categories_section,
    facts_section,
    seats_section,
    contacts_section,
    log_section,
)


def sheet_flowables(data: BriefingData, width: float) -> list[Flowable]:
    """One briefing sheet, `width` points wide (the frame's width)."""
    result = title_block(data, width)
    for section in SECTIONS:
        result.extend(section(data, width))
    return result


# --- meeting pack pieces -------------------------------------------------------------------


def interventions_flowables(
    interventions: Sequence[InterventionLine], width: float
) -> list[Flowable]:
    st = styles()
    result: list[Flowable] = [Paragraph("Planned interventions", st.title), Spacer(1, 4)]
    if not interventions:
        return [*result, empty("No interventions are planned for this meeting yet.")]
    widths = [width * w for w in (0.13, 0.47, 0.16, 0.14, 0.1)]
    room = column(widths[1])
    cell_style = styles().cell
    rows = []
    for item in interventions:
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
        rows.append(
            [
                cell(escape(labels.label(labels.INTERVENTION, item.kind))),
                cell("<br/>".join(details)),
                cell(escape(when) or "not scheduled"),
                cell(escape(clip(item.lead_officer, column(widths[3]), cell_style)) or "—"),
                cell(escape(labels.label({}, item.status))),
            ]
        )
    result.append(table(["Kind", "Intervention", "When", "Lead", "Status"], rows, widths))
    return result


def meeting_dates(starts_on: date, ends_on: date) -> str:
    if starts_on == ends_on:
        return starts_on.isoformat()
    return f"{starts_on.isoformat()} to {ends_on.isoformat()}"
