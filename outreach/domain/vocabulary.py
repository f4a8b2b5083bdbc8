"""How the stored vocabularies read to a person, in English or French.

The core stores plain values ("submit_art7_report", "note_verbale"); people read
"Submit an Art. 7 report", « Présenter un rapport au titre de l'article 7 ». Every label
is here once, marked for the gettext catalogue (`N_`), and `label` translates it into
the language asked for (the app's, by default): lists, dialogs, the command line and
printed pages all read their words here.
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum
from typing import TypeVar

from outreach.domain.enums import (
    AttachedTo,
    CalendarKind,
    CategoryKind,
    Channel,
    ConsentKind,
    Counting,
    DemarcheStatus,
    FactKind,
    ForumKind,
    InterventionKind,
    InterventionStatus,
    Level,
    LogKind,
    MetPrecision,
    ObligationKind,
    OrganizationKind,
    RequestedAction,
    SeatBody,
    SeatKind,
    Stance,
    TextState,
    TreatyStatus,
)
from outreach.i18n import N_, current_language, words

E = TypeVar("E", bound=StrEnum)

LABELS: dict[type[StrEnum], Mapping[str, str]] = {
    MetPrecision: {
        MetPrecision.DAY: N_("on the day"),
        MetPrecision.MONTH: N_("in the month"),
        MetPrecision.YEAR: N_("in the year"),
        MetPrecision.NEVER_AROSE: N_("never arose"),
    },
    Counting: {
        Counting.IN_FORCE: N_("in force"),
        Counting.DEPOSIT: N_("by deposit"),
    },
    TreatyStatus: {
        TreatyStatus.PARTY: N_("Party"),
        TreatyStatus.PENDING: N_("Pending"),
        TreatyStatus.SIGNATORY: N_("Signatory"),
        TreatyStatus.OUTSIDE: N_("Outside"),
        TreatyStatus.WITHDRAWN: N_("Withdrawn"),
    },
    ConsentKind: {
        ConsentKind.RATIFICATION: N_("ratification"),
        ConsentKind.ACCEPTANCE: N_("acceptance"),
        ConsentKind.APPROVAL: N_("approval"),
        ConsentKind.ACCESSION: N_("accession"),
        ConsentKind.SUCCESSION: N_("succession"),
    },
    Stance: {
        Stance.SUPPORTIVE: N_("Supportive"),
        Stance.FAVOURABLE: N_("Favourable"),
        Stance.UNDECIDED: N_("Undecided"),
        Stance.RELUCTANT: N_("Reluctant"),
        Stance.OPPOSED: N_("Opposed"),
        Stance.UNKNOWN: N_("Unknown"),
    },
    FactKind: {
        FactKind.PRODUCER: N_("Producer"),
        FactKind.STOCKPILE: N_("Stockpile"),
        FactKind.USE: N_("Use"),
        FactKind.EXPORTS: N_("Exports"),
        FactKind.EXPORT_MORATORIUM: N_("Export moratorium"),
        FactKind.MINE_AFFECTED: N_("Mine-affected"),
        FactKind.ART7_REPORT: N_("Annual Article 7 report received"),
        FactKind.CLUSTER_CONTAMINATED: N_("Cluster munition remnants"),
    },
    SeatBody: {
        SeatBody.UNSC: N_("UN Security Council"),
        SeatBody.CD: N_("Conference on Disarmament"),
    },
    SeatKind: {
        SeatKind.PERMANENT: N_("permanent"),
        SeatKind.ELECTED: N_("elected"),
        SeatKind.MEMBER: N_("member"),
    },
    ObligationKind: {
        ObligationKind.ART7_INITIAL: N_("Initial transparency report (Art. 7)"),
        ObligationKind.ART7_ANNUAL: N_("Annual transparency report (Art. 7)"),
        ObligationKind.ART4_STOCKPILE: N_("Stockpile destruction (Art. 4)"),
        ObligationKind.ART5_CLEARANCE: N_("Clearance of mined areas (Art. 5)"),
        ObligationKind.CCM_ART7_INITIAL: N_("Initial transparency report (CCM Art. 7)"),
        ObligationKind.CCM_ART3_STOCKPILE: N_("Stockpile destruction (CCM Art. 3)"),
        ObligationKind.CCM_ART4_CLEARANCE: N_(
            "Clearance of cluster munition remnants (CCM Art. 4)"
        ),
    },
    CategoryKind: {
        CategoryKind.MANUAL: N_("Manual"),
        CategoryKind.SMART: N_("Smart"),
    },
    OrganizationKind: {
        OrganizationKind.MINISTRY: N_("Ministry"),
        OrganizationKind.MISSION: N_("Mission"),
        OrganizationKind.EMBASSY: N_("Embassy"),
        OrganizationKind.NGO: N_("NGO"),
        OrganizationKind.INTERNATIONAL: N_("International"),
        OrganizationKind.OTHER: N_("Other"),
    },
    DemarcheStatus: {
        DemarcheStatus.DRAFT: N_("Draft"),
        DemarcheStatus.APPROVED: N_("Approved"),
        DemarcheStatus.DELIVERED: N_("Delivered"),
        DemarcheStatus.RESPONSE: N_("Response"),
        DemarcheStatus.CLOSED: N_("Closed"),
        DemarcheStatus.CANCELLED: N_("Cancelled"),
    },
    RequestedAction: {
        RequestedAction.SIGN: N_("Sign"),
        RequestedAction.RATIFY: N_("Ratify"),
        RequestedAction.ACCEDE: N_("Accede"),
        RequestedAction.SUBMIT_ART7_REPORT: N_("Submit an Art. 7 report"),
        RequestedAction.DESTROY_STOCKPILES: N_("Destroy stockpiles"),
        RequestedAction.SUPPORT_UNGA_RESOLUTION: N_("Support the UNGA resolution"),
        RequestedAction.ATTEND_MEETING: N_("Attend the meeting"),
        RequestedAction.STOP_USE: N_("Stop using mines"),
    },
    Channel: {
        Channel.NOTE_VERBALE: N_("Note verbale"),
        Channel.AIDE_MEMOIRE: N_("Aide-mémoire"),
        Channel.LETTER: N_("Letter"),
        Channel.MEETING: N_("Meeting"),
        Channel.CALL: N_("Call"),
        Channel.JOINT: N_("Joint démarche"),
    },
    Level: {
        Level.MINISTER: N_("Minister"),
        Level.DEPUTY_MINISTER: N_("Deputy minister"),
        Level.AMBASSADOR: N_("Ambassador"),
        Level.DIRECTOR_GENERAL: N_("Director general"),
        Level.DIRECTOR: N_("Director"),
        Level.OFFICER: N_("Officer"),
    },
    LogKind: {
        LogKind.CALL: N_("Call"),
        LogKind.MEETING: N_("Meeting"),
        LogKind.EMAIL: N_("E-mail"),
        LogKind.LETTER: N_("Letter"),
        LogKind.VISIT: N_("Visit"),
        LogKind.NOTE: N_("Note"),
    },
    InterventionKind: {
        InterventionKind.STATEMENT: N_("Statement"),
        InterventionKind.SIDE_EVENT: N_("Side event"),
        InterventionKind.BILATERAL: N_("Bilateral"),
    },
    InterventionStatus: {
        InterventionStatus.IDEA: N_("Idea"),
        InterventionStatus.PLANNED: N_("Planned"),
        InterventionStatus.CONFIRMED: N_("Confirmed"),
        InterventionStatus.DONE: N_("Done"),
        InterventionStatus.DROPPED: N_("Dropped"),
    },
    CalendarKind: {
        CalendarKind.MEETING: N_("Meeting"),
        CalendarKind.INTERVENTION: N_("Intervention"),
        CalendarKind.DEMARCHE: N_("Démarche due"),
        CalendarKind.FOLLOW_UP: N_("Follow-up"),
    },
    ForumKind: {
        ForumKind.UN: N_("United Nations"),
        ForumKind.REGIONAL: N_("Regional"),
        ForumKind.TREATY: N_("Treaty body"),
        ForumKind.INFORMAL: N_("Informal"),
        ForumKind.OTHER: N_("Other"),
    },
    AttachedTo: {
        AttachedTo.STATE: N_("State"),
        AttachedTo.CONTACT: N_("Contact"),
        AttachedTo.ORGANIZATION: N_("Organization"),
        AttachedTo.DEMARCHE: N_("Démarche"),
        AttachedTo.LOG_ENTRY: N_("Log entry"),
        AttachedTo.MEETING: N_("Meeting"),
        AttachedTo.INTERVENTION: N_("Intervention"),
    },
    TextState: {
        TextState.PENDING: N_("Being read"),
        TextState.DONE: N_("Text searchable"),
        TextState.NAME_ONLY: N_("Found by name"),
        TextState.FAILED: N_("Unreadable: found by name"),
    },
}


def label(value: StrEnum, language: str | None = None) -> str:
    """How `value` reads, in `language` (the app's language by default)."""
    text = LABELS[type(value)][value]
    return words(language or current_language()).gettext(text)


def label_of(kind: type[E], value: object, language: str | None = None) -> str:
    """How a stored value of the vocabulary `kind` reads; a value that is not in it
    reads as itself, made human ("some_value" -> "Some value")."""
    try:
        member = kind(str(value))
    except ValueError:
        text = str(value).replace("_", " ").strip()
        return text[:1].upper() + text[1:]
    return label(member, language)


def labelled(kind: type[E], language: str | None = None) -> list[tuple[E, str]]:
    """Every value of `kind` with its label, in the vocabulary's order (for choices)."""
    return [(member, label(member, language)) for member in kind]
