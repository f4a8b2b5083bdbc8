"""The flowables of one country briefing sheet, from a `BriefingData`: its title and its
sections, in the order an officer reads them on the way into a meeting.

Pure layout over `outreach.briefing.layout`'s pieces: no database, no canvas, every
piece of user text escaped and clipped to its room.
"""

from __future__ import annotations

from xml.sax.saxutils import escape

import phonenumbers
from reportlab.platypus import Flowable, Paragraph

from outreach.briefing import labels
from outreach.briefing.fonts import BOLD
from outreach.briefing.layout import (
    BOX_PADDING,
    TableRow,
    boxed,
    cell,
    clip,
    column,
    empty,
    flag,
    heading,
    muted,
    paragraphs,
    styles,
    table,
    tabled,
    text,
)
from outreach.briefing.records import BriefingData, KeyContact, LogLine
from outreach.domain.enums import FactKind
from outreach.domain.records import DemarcheRecord, FactRecord, ObligationRecord

MAX_FACTS = 8
MAX_SEATS = 4
MAX_DEMARCHES = 8


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
    st = styles().cell

    def row(obligation: ObligationRecord, widths: list[float]) -> TableRow:
        deadline = obligation.deadline
        overdue = False
        if obligation.met_on is not None:
            state = f'<font color="#2e7d32">Met on {labels.day(obligation.met_on)}</font>'
        elif obligation.overdue_on(data.as_of):
            state = flag(f"OVERDUE by {_span((data.as_of - deadline).days)}")
            overdue = True
        else:
            state = f"Due in {_span((deadline - data.as_of).days)}"
        cells: list[object] = [
            cell(
                f"<b>{escape(labels.label(labels.OBLIGATION, obligation.kind.value))}</b>"
                f"<br/>{muted(escape(clip(obligation.description, column(widths[0]), st)))}"
            ),
            labels.day(obligation.due_on),
            labels.day(obligation.extended_to),
            cell(state),
        ]
        return cells, overdue

    bound = bound_on(data)
    return tabled(
        heading("Obligations and deadlines"),
        data.obligations if bound else (),
        "No dated obligations recorded."
        if bound
        else "No treaty obligations: the state is not bound by the treaty.",
        [("Obligation", 0.56), ("Due", 0.13), ("Extended to", 0.13), ("Standing", 0.18)],
        width,
        row,
    )


def facts_section(data: BriefingData, width: float) -> list[Flowable]:
    st = styles().cell

    def row(fact: FactRecord, widths: list[float]) -> TableRow:
        detail = []
        if fact.quantity is not None:
            unit = " mines" if fact.kind == FactKind.STOCKPILE else ""
            detail.append(f"{fact.quantity:,}{unit}")
        if fact.detail:
            detail.append(fact.detail)
        cells: list[object] = [
            cell(escape(labels.label(labels.FACT, fact.kind.value))),
            "Yes" if fact.holds else "No",
            cell(escape(clip("; ".join(detail), column(widths[2]), st)) or "—"),
            cell(muted(escape(clip(fact.source, column(widths[3]), st)))),
            labels.day(fact.as_of),
        ]
        return cells, False

    return tabled(
        heading("Facts"),
        data.facts,
        "No facts recorded.",
        [("Fact", 0.25), ("Holds", 0.07), ("Detail", 0.2), ("Source", 0.35), ("As of", 0.13)],
        width,
        row,
        show=MAX_FACTS,
        more="{} older facts not shown.",
    )


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
    st = styles().cell

    def row(person: KeyContact, widths: list[float]) -> TableRow:
        room = [column(w) for w in widths]
        contact = person.contact
        role = ", ".join(part for part in (contact.position, person.organization) if part)
        reach = "\n".join(
            part for part in (contact.email, phone(contact.phone) if contact.phone else "") if part
        )
        cells: list[object] = [
            cell(f"<b>{escape(clip(contact.full_name, room[0], st, font=BOLD))}</b>"),
            cell(escape(clip(role, room[1], st)) or "—"),
            cell(text(clip(reach, room[2], st)) or "—"),
            cell(escape(clip(", ".join(contact.languages), room[3], st)) or "—"),
        ]
        return cells, False

    flowables = tabled(
        heading("Key contacts"),
        data.contacts,
        "No contacts recorded for this state.",
        [("Name", 0.22), ("Position", 0.42), ("E-mail, phone", 0.26), ("Languages", 0.1)],
        width,
        row,
    )
    if data.contacts and data.more_contacts:
        flowables.append(
            Paragraph(f"{data.more_contacts} more contacts in Outreach.", styles().small)
        )
    return flowables


def log_section(data: BriefingData, width: float) -> list[Flowable]:
    st = styles().cell

    def row(line: LogLine, widths: list[float]) -> TableRow:
        room = column(widths[2])
        people = clip("with " + ", ".join(line.people), room, st)
        who = f"<br/>{muted(escape(people))}" if line.people else ""
        follow_up, overdue = "—", False
        if line.follow_up_on is not None:
            if line.follow_up_done_on is not None:
                follow_up = f"{labels.day(line.follow_up_on)}, done"
            elif line.follow_up_on < data.as_of:
                follow_up = f"{labels.day(line.follow_up_on)} {flag('OVERDUE')}"
                overdue = True
            else:
                follow_up = labels.day(line.follow_up_on)
        cells: list[object] = [
            labels.day(line.occurred_on),
            escape(labels.label({}, line.kind)),
            cell(f"{escape(clip(line.summary, room, st))}{who}"),
            cell(follow_up),
        ]
        return cells, overdue

    return tabled(
        heading("Last contacts"),
        data.log,
        "No contact logged yet.",
        [("Date", 0.13), ("Kind", 0.1), ("Summary", 0.57), ("Follow-up", 0.2)],
        width,
        row,
    )


def demarches_section(data: BriefingData, width: float) -> list[Flowable]:
    def row(demarche: DemarcheRecord, widths: list[float]) -> TableRow:
        room = column(widths[0])
        due = labels.day(demarche.due_on)
        overdue = demarche.due_on is not None and demarche.due_on < data.as_of
        if overdue:
            due = f"{due}<br/>{flag('OVERDUE')}"
        channel = labels.label(labels.CHANNEL, demarche.channel)
        level = labels.label(labels.LEVEL, demarche.level).lower()
        cells: list[object] = [
            cell(f"<b>{escape(clip(demarche.title, room, styles().cell, font=BOLD))}</b>"),
            cell(escape(labels.label(labels.ACTION, demarche.requested_action))),
            cell(escape(f"{channel}, {level}")),
            cell(escape(labels.label(labels.DEMARCHE_STATUS, demarche.status.value))),
            cell(due),
        ]
        return cells, overdue

    return tabled(
        heading("Open démarches"),
        data.open_demarches,
        "No open démarche.",
        [
            ("Démarche", 0.32),
            ("Requested action", 0.18),
            ("Channel, level", 0.19),
            ("Status", 0.16),
            ("Due", 0.15),
        ],
        width,
        row,
        show=MAX_DEMARCHES,
        more="{} more open démarches in Outreach.",
    )


def talking_points_section(data: BriefingData, width: float) -> list[Flowable]:
    flowables = heading("Talking points")
    points = data.state.talking_points.strip()
    if not points:
        return [*flowables, empty("No talking points yet: write them on the state's profile.")]
    room = width - BOX_PADDING
    return [*flowables, boxed(paragraphs(clip(points, room, styles().bullet)), width)]


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
