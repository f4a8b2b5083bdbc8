"""What a briefing sheet says, apart from how it is laid out: the words of a duty's
standing, a fact's detail, a seat held, a follow-up, a contact's role and reach. The
PDF sheet (`outreach.briefing.sheet`) and the Word one (`outreach.briefing.word`) both
print these, so the two never say different things.
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum

import phonenumbers

from outreach.briefing.labels import Words
from outreach.briefing.records import BriefingData, KeyContact, LogLine
from outreach.domain.enums import FactKind, MetPrecision, SeatBody, SeatKind
from outreach.domain.records import FactRecord, ObligationRecord
from outreach.i18n import DEFAULT_LANGUAGE, N_
from outreach.reference.names import shipped_name
from outreach.reference.sources import citation_and_doubt

#: the tables' columns: (header, share of the width), as both the PDF and Word print them
Columns = tuple[tuple[str, float], ...]
DEMARCHE_COLUMNS: Columns = (
    (N_("Démarche"), 0.32),
    (N_("Requested action"), 0.18),
    (N_("Channel, level"), 0.19),
    (N_("Status"), 0.16),
    (N_("Due"), 0.15),
)
OBLIGATION_COLUMNS: Columns = (
    (N_("Obligation"), 0.56),
    (N_("Due"), 0.13),
    (N_("Extended to"), 0.13),
    (N_("Standing"), 0.18),
)
FACT_COLUMNS: Columns = (
    (N_("Fact"), 0.25),
    (N_("Holds"), 0.07),
    (N_("Detail"), 0.2),
    (N_("Source"), 0.35),
    (N_("As of"), 0.13),
)
CONTACT_COLUMNS: Columns = (
    (N_("Name"), 0.22),
    (N_("Position"), 0.42),
    (N_("E-mail, phone"), 0.26),
    (N_("Languages"), 0.1),
)
LOG_COLUMNS: Columns = (
    (N_("Date"), 0.13),
    (N_("Kind"), 0.1),
    (N_("Summary"), 0.57),
    (N_("Follow-up"), 0.2),
)


def more_demarches(count: int, _: Words) -> str:
    return _.ngettext(
        "{count} more open démarche in Outreach.", "{count} more open démarches in Outreach.", count
    ).format(count=count)


def older_facts(count: int, _: Words) -> str:
    return _.ngettext(
        "{count} older fact not shown.", "{count} older facts not shown.", count
    ).format(count=count)


def more_contacts(count: int, _: Words) -> str:
    return _.ngettext(
        "{count} more contact in Outreach.", "{count} more contacts in Outreach.", count
    ).format(count=count)


def columns(spec: Columns, _: Words) -> list[tuple[str, float]]:
    """The columns with their headers in the sheet's language."""
    return [(_(header), share) for header, share in spec]


class Tone(StrEnum):
    """How a standing reads: met (green), overdue (flagged), or still to come."""

    DONE = "done"
    OVERDUE = "overdue"
    DUE = "due"


def phone(value: str) -> str:
    """An E.164 number as people read it: +855 23 555 0101."""
    try:
        number = phonenumbers.parse(value, None)
    except phonenumbers.NumberParseException:
        return value
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)


def kicker(data: BriefingData, _: Words) -> str:
    treaty = shipped_name(data.treaty.short_name, _.language)
    return _("Country briefing sheet · {treaty}").format(treaty=treaty)


def subtitle(data: BriefingData, _: Words) -> str:
    """The official name (known in English only), the region, the ISO code."""
    state = data.state
    place = ", ".join(
        shipped_name(part, _.language) for part in (state.subregion, state.region) if part
    )
    english = _.language == DEFAULT_LANGUAGE
    official = state.official_name if english and state.official_name != state.name else ""
    return " · ".join(part for part in (official, place, state.iso3) if part)


def meta(data: BriefingData, _: Words) -> list[tuple[str, str]]:
    """The line under the title: (label, value) pairs."""
    return [
        (_("Printed"), _.when(data.printed_on)),
        (_("Status as of"), _.when(data.as_of)),
        (_("Officer"), data.officer or "—"),
        (_("Stance"), _.label(data.state.stance)),
    ]


def treaty_heading(data: BriefingData, _: Words) -> str:
    return _("Treaty status: {treaty} ({code})").format(
        treaty=shipped_name(data.treaty.short_name, _.language), code=data.treaty.code
    )


def treaty_dates(data: BriefingData, _: Words) -> tuple[list[tuple[str, float]], list[str]]:
    """The status table's columns and its dates (signature, consent, entry into force,
    and a withdrawal once notified), the status cell aside. A date after the sheet's day
    is left out: a pack for a past meeting shows the state as it stood then."""
    participation, day = data.participation, data.as_of
    signed = consent = in_force = "—"
    if participation and participation.signed_on and participation.signed_on <= day:
        signed = _.day(participation.signed_on)
    if participation and participation.consent_on and participation.consent_on <= day:
        kind = _.label(participation.consent_kind) if participation.consent_kind else ""
        consent = _.day(participation.consent_on) + (f" ({kind})" if kind else "")
        in_force = _.day(participation.in_force_on)
    headers = [_("Status"), _("Signature"), _("Consent to be bound"), _("Entry into force")]
    dates = [signed, consent, in_force]
    shares = [0.28, 0.2, 0.3, 0.22]
    notified = participation.withdrawal_notified_on if participation else None
    if participation and notified and notified <= day:
        headers.append(_("Withdrawal"))
        effective = _.day(participation.withdrawal_effective_on, _("not yet"))
        dates.append(
            _("notified {notified}, effective {effective}").format(
                notified=_.day(notified), effective=effective
            )
        )
        shares = [0.22, 0.14, 0.22, 0.16, 0.26]
    return list(zip(headers, shares, strict=True)), dates


def source_text(_: Words, source: str, as_of: date | None, cited: str | None = None) -> str:
    """ "Source: …; as of …", then where the sources differ, the doubt (`cited`: the
    citation as shown, when the sheet shortens it)."""
    citation, doubt = citation_and_doubt(source)
    differ = _(" — sources differ: {what}").format(what=doubt) if doubt else ""
    shown = cited if cited is not None else (citation or _("no source recorded"))
    return _("Source: {source}; as of {day}").format(source=shown, day=_.when(as_of)) + differ


def duty_standing(obligation: ObligationRecord, data: BriefingData, _: Words) -> tuple[str, Tone]:
    """Where a duty stands on the sheet's day: met, never arose, overdue, or due in…"""
    met_on = obligation.met_on
    if obligation.met_precision == MetPrecision.NEVER_AROSE:
        return _("Never arose: none held, as declared"), Tone.DONE
    if met_on is not None and met_on <= data.as_of:
        if obligation.met_precision == MetPrecision.DAY:
            return _("Met on {day}").format(day=_.day(met_on)), Tone.DONE
        return _("Met in {period}").format(period=obligation.met_text()), Tone.DONE
    deadline = obligation.deadline
    if obligation.overdue_on(data.as_of):
        span = _.span((data.as_of - deadline).days)
        return _("OVERDUE by {span}").format(span=span), Tone.OVERDUE
    return _("Due in {span}").format(span=_.span((deadline - data.as_of).days)), Tone.DUE


def fact_detail(fact: FactRecord, _: Words) -> str:
    """A fact's quantity ("1,200 mines") and detail."""
    detail = []
    if fact.quantity is not None:
        quantity = _.number(fact.quantity)
        if fact.kind == FactKind.STOCKPILE:
            quantity = _.ngettext("{count} mine", "{count} mines", fact.quantity).format(
                count=quantity
            )
        detail.append(quantity)
    if fact.detail:
        detail.append(fact.detail)
    return "; ".join(detail)


def seats_held(data: BriefingData, limit: int, _: Words) -> list[tuple[str, bool]]:
    """The first `limit` seats: what was held when, and whether it is held on the day."""
    return [
        (
            _("{body}: {kind}, {period}").format(
                body=_.label_of(SeatBody, seat.body),
                kind=_.label_of(SeatKind, seat.kind),
                period=_.period(seat.start_on, seat.end_on),
            ),
            seat.held_on(data.as_of),
        )
        for seat in data.seats[:limit]
    ]


def forum_names(data: BriefingData, _: Words) -> list[str]:
    return [shipped_name(forum.name, _.language) for forum in data.forums]


def contact_role(person: KeyContact) -> str:
    contact = person.contact
    return ", ".join(part for part in (contact.position, person.organization) if part)


def contact_reach(person: KeyContact) -> str:
    contact = person.contact
    return "\n".join(
        part for part in (contact.email, phone(contact.phone) if contact.phone else "") if part
    )


def follow_up(line: LogLine, data: BriefingData, _: Words) -> tuple[str, bool]:
    """A logged contact's follow-up: its day (done, or OVERDUE), and whether overdue."""
    if line.follow_up_on is None:
        return "—", False
    if line.follow_up_done_on is not None:
        return _("{day}, done").format(day=_.day(line.follow_up_on)), False
    if line.follow_up_on < data.as_of:
        return _.day(line.follow_up_on), True
    return _.day(line.follow_up_on), False
