"""The flowables of one country briefing sheet, from a `BriefingData`: its title and its
sections, in the order an officer reads them on the way into a meeting.

Pure layout over `outreach.briefing.layout`'s pieces: no database, no canvas, every
piece of user text escaped and clipped to its room. Every section takes the words of the
language the sheet is printed in as `_` (`outreach.briefing.labels.Words`).
"""

from __future__ import annotations

from datetime import date
from xml.sax.saxutils import escape

from reportlab.platypus import Flowable, Paragraph

from outreach.briefing import texts
from outreach.briefing.fonts import BOLD
from outreach.briefing.labels import STATUS_COLOUR, Words
from outreach.briefing.layout import (
    BOX_PADDING,
    TableRow,
    boxed,
    cell,
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
from outreach.domain.enums import (
    Channel,
    Level,
    LogKind,
    ObligationKind,
    RequestedAction,
    TreatyStatus,
)
from outreach.domain.records import (
    DemarcheRecord,
    FactRecord,
    ObligationRecord,
    annual_reports_received,
)
from outreach.domain.treaty_rules import DUTY_TEXTS, annual_report_standing, duty_text
from outreach.reference.sources import citation_and_doubt

MAX_FACTS = 8
MAX_SEATS = 4
MAX_DEMARCHES = 8


def labelled(label: str, value: str) -> str:
    """A label in bold and its value (markup already): "<b>Printed</b> 2004-11-29"."""
    return f"<b>{escape(label)}</b> {value}"


# --- sections ------------------------------------------------------------------------------


def title_block(data: BriefingData, width: float, _: Words) -> list[Flowable]:
    st = styles()
    line = [labelled(label, escape(value)) for label, value in texts.meta(data, _)]
    return [
        Paragraph(escape(texts.kicker(data, _).upper()), st.kicker),
        Paragraph(escape(data.state.name), st.title),
        Paragraph(escape(texts.subtitle(data, _)), st.subtitle),
        Paragraph("&nbsp;&nbsp;&nbsp;".join(line), st.meta),
    ]


def treaty_section(data: BriefingData, width: float, _: Words) -> list[Flowable]:
    """Status and dates. A date after the sheet's day is left out (a pack for a past
    meeting shows the state as it stood then); entry into force follows its consent."""
    participation = data.participation
    status = data.status
    badge = Paragraph(
        f'<font name="{BOLD}" color="{STATUS_COLOUR[status]}">'
        f"{escape(_.label(status).upper())}</font>",
        styles().cell,
    )
    columns, dates = texts.treaty_dates(data, _)
    row: list[object] = [badge, *(cell(escape(text)) for text in dates)]
    flowables: list[Flowable] = [
        *heading(texts.treaty_heading(data, _)),
        table([name for name, _share in columns], [row], [width * share for _n, share in columns]),
    ]
    if participation and (participation.source or participation.as_of):
        flowables.append(
            Paragraph(
                source_line(_, participation.source, participation.as_of, width), styles().small
            )
        )
    return flowables


def source_line(_: Words, source: str, as_of: date | None, width: float) -> str:
    """ "Source: …; as of …", and where the sources differ, the doubt: always whole, after
    the citations (which only an absurd length cuts, as any text on the sheet)."""
    cited, _doubt = citation_and_doubt(source)
    citation = _.clip(cited, width, styles().small) if cited else _("no source recorded")
    return escape(texts.source_text(_, source, as_of, citation))


def bound_on(data: BriefingData) -> bool:
    """Whether the state had consented to be bound by the sheet's day."""
    consent_on = data.participation.consent_on if data.participation else None
    return consent_on is not None and consent_on <= data.as_of


def done(text: str) -> str:
    """What says a duty is met, in green."""
    return f'<font color="#2e7d32">{escape(text)}</font>'


def annual_duty(data: BriefingData) -> ObligationRecord | None:
    """The annual Article 7 update of the latest cycle as a row of the obligations table,
    for a State Party whose reports are recorded (facts "Annual Article 7 report
    received"): a state with none recorded is not called late, since nothing is known."""
    participation = data.participation
    if participation is None or participation.in_force_on is None:
        return None
    if data.status != TreatyStatus.PARTY:
        return None
    received = annual_reports_received(data.facts)
    standing = annual_report_standing(participation.in_force_on, received, data.as_of)
    if not standing.tracked:
        return None
    return ObligationRecord(
        id=0,
        kind=ObligationKind.ART7_ANNUAL,
        description=DUTY_TEXTS[ObligationKind.ART7_ANNUAL],
        due_on=standing.due_on,
        extended_to=None,
        met_on=standing.received_on,
    )


def obligations_section(data: BriefingData, width: float, _: Words) -> list[Flowable]:
    st = styles().cell

    def row(obligation: ObligationRecord, widths: list[float]) -> TableRow:
        standing, tone = texts.duty_standing(obligation, data, _)
        overdue = tone == texts.Tone.OVERDUE
        state = {
            texts.Tone.DONE: done,
            texts.Tone.OVERDUE: flag,
            texts.Tone.DUE: escape,
        }[tone](standing)
        duty = _.clip(duty_text(obligation.description, _.language), column(widths[0]), st)
        cells: list[object] = [
            cell(f"<b>{escape(_.label(obligation.kind))}</b><br/>{muted(escape(duty))}"),
            _.day(obligation.due_on),
            _.day(obligation.extended_to),
            cell(state),
        ]
        return cells, overdue

    bound = bound_on(data)
    annual = annual_duty(data)
    duties = (*data.obligations, *([annual] if annual is not None else []))
    return tabled(
        heading(_("Obligations and deadlines")),
        duties if bound else (),
        _("No dated obligations recorded.")
        if bound
        else _("No treaty obligations: the state is not bound by the treaty."),
        texts.columns(texts.OBLIGATION_COLUMNS, _),
        width,
        row,
    )


def facts_section(data: BriefingData, width: float, _: Words) -> list[Flowable]:
    st = styles().cell

    def row(fact: FactRecord, widths: list[float]) -> TableRow:
        detail = texts.fact_detail(fact, _)
        cells: list[object] = [
            cell(escape(_.label(fact.kind))),
            _("Yes") if fact.holds else _("No"),
            cell(escape(_.clip(detail, column(widths[2]), st)) or "—"),
            cell(muted(escape(_.clip(fact.source, column(widths[3]), st)))),
            _.day(fact.as_of),
        ]
        return cells, False

    return tabled(
        heading(_("Facts")),
        data.facts,
        _("No facts recorded."),
        texts.columns(texts.FACT_COLUMNS, _),
        width,
        row,
        show=MAX_FACTS,
        more=lambda count: texts.older_facts(count, _),
    )


def categories_section(data: BriefingData, width: float, _: Words) -> list[Flowable]:
    flowables = heading(_("Priority categories"))
    if not data.categories:
        return [*flowables, empty(_("In no priority category."))]
    for category, why in data.categories:
        reason = f" — {escape(_.clip(why, width, styles().bullet))}" if why else ""
        flowables.append(
            Paragraph(
                f'<font color="{category.colour}">■</font> <b>{escape(category.name)}</b>{reason}',
                styles().bullet,
            )
        )
    return flowables


def seats_section(data: BriefingData, width: float, _: Words) -> list[Flowable]:
    flowables = heading(_("Seats and forum memberships"))
    st = styles()
    now = escape(_("(holds it now)"))
    seats = [
        escape(held) + (f" <b>{now}</b>" if holds else "")
        for held, holds in texts.seats_held(data, MAX_SEATS, _)
    ]
    listed = "; ".join(seats) if seats else muted(escape(_("none recorded")))
    flowables.append(Paragraph(labelled(_("Seats:"), listed), st.body))
    forums = "; ".join(escape(name) for name in texts.forum_names(data, _))
    member_of = forums or muted(escape(_("no forum recorded")))
    flowables.append(Paragraph(labelled(_("Member of:"), member_of), st.body))
    return flowables


def contacts_section(data: BriefingData, width: float, _: Words) -> list[Flowable]:
    st = styles().cell

    def row(person: KeyContact, widths: list[float]) -> TableRow:
        room = [column(w) for w in widths]
        contact = person.contact
        role = texts.contact_role(person)
        reach = texts.contact_reach(person)
        cells: list[object] = [
            cell(f"<b>{escape(_.clip(contact.full_name, room[0], st, font=BOLD))}</b>"),
            cell(escape(_.clip(role, room[1], st)) or "—"),
            cell(text(_.clip(reach, room[2], st)) or "—"),
            cell(escape(_.clip(", ".join(contact.languages), room[3], st)) or "—"),
        ]
        return cells, False

    flowables = tabled(
        heading(_("Key contacts")),
        data.contacts,
        _("No contacts recorded for this state."),
        texts.columns(texts.CONTACT_COLUMNS, _),
        width,
        row,
    )
    if data.contacts and data.more_contacts:
        more = texts.more_contacts(data.more_contacts, _)
        flowables.append(Paragraph(escape(more), styles().small))
    return flowables


def log_section(data: BriefingData, width: float, _: Words) -> list[Flowable]:
    st = styles().cell

    def row(line: LogLine, widths: list[float]) -> TableRow:
        room = column(widths[2])
        people = _.clip(_("with {people}").format(people=", ".join(line.people)), room, st)
        who = f"<br/>{muted(escape(people))}" if line.people else ""
        follow_up, overdue = texts.follow_up(line, data, _)
        follow_up = escape(follow_up) + (" " + flag(_("OVERDUE")) if overdue else "")
        cells: list[object] = [
            _.day(line.occurred_on),
            escape(_.label_of(LogKind, line.kind)),
            cell(f"{escape(_.clip(line.summary, room, st))}{who}"),
            cell(follow_up),
        ]
        return cells, overdue

    return tabled(
        heading(_("Last contacts")),
        data.log,
        _("No contact logged yet."),
        texts.columns(texts.LOG_COLUMNS, _),
        width,
        row,
    )


def demarches_section(data: BriefingData, width: float, _: Words) -> list[Flowable]:
    def row(demarche: DemarcheRecord, widths: list[float]) -> TableRow:
        room = column(widths[0])
        due = _.day(demarche.due_on)
        overdue = demarche.due_on is not None and demarche.due_on < data.as_of
        if overdue:
            due += "<br/>" + flag(_("OVERDUE"))
        channel = _.label_of(Channel, demarche.channel)
        level = _.label_of(Level, demarche.level).lower()
        cells: list[object] = [
            cell(f"<b>{escape(_.clip(demarche.title, room, styles().cell, font=BOLD))}</b>"),
            cell(escape(_.label_of(RequestedAction, demarche.requested_action))),
            cell(escape(f"{channel}, {level}")),
            cell(escape(_.label(demarche.status))),
            cell(due),
        ]
        return cells, overdue

    return tabled(
        heading(_("Open démarches")),
        data.open_demarches,
        _("No open démarche."),
        texts.columns(texts.DEMARCHE_COLUMNS, _),
        width,
        row,
        show=MAX_DEMARCHES,
        more=lambda count: texts.more_demarches(count, _),
    )


def talking_points_section(data: BriefingData, width: float, _: Words) -> list[Flowable]:
    flowables = heading(_("Talking points"))
    points = data.state.talking_points.strip()
    if not points:
        return [*flowables, empty(_("No talking points yet: write them on the state's profile."))]
    room = width - BOX_PADDING
    return [*flowables, boxed(paragraphs(_.clip(points, room, styles().bullet)), width)]


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


def sheet_flowables(data: BriefingData, width: float, _: Words) -> list[Flowable]:
    """One briefing sheet, `width` points wide (the frame's width), in `_`'s language."""
    result = title_block(data, width, _)
    for section in SECTIONS:
        result.extend(section(data, width, _))
    return result
