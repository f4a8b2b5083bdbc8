"""The words a printed sheet uses for the domain's stored values."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from outreach.domain.enums import (
    Channel,
    ConsentKind,
    DemarcheStatus,
    FactKind,
    InterventionKind,
    Level,
    ObligationKind,
    RequestedAction,
    SeatBody,
    TreatyStatus,
)

STATUS = {
    TreatyStatus.PARTY: "States Party",
    TreatyStatus.PENDING: "Entry into force pending",
    TreatyStatus.SIGNATORY: "Signatory",
    TreatyStatus.OUTSIDE: "Outside the treaty",
    TreatyStatus.WITHDRAWN: "Withdrawn",
}
STATUS_COLOUR = {
    TreatyStatus.PARTY: "#2e7d32",
    TreatyStatus.PENDING: "#00838f",
    TreatyStatus.SIGNATORY: "#ef6c00",
    TreatyStatus.OUTSIDE: "#c62828",
    TreatyStatus.WITHDRAWN: "#4e342e",
}
CONSENT = {
    ConsentKind.RATIFICATION: "ratification",
    ConsentKind.ACCEPTANCE: "acceptance",
    ConsentKind.APPROVAL: "approval",
    ConsentKind.ACCESSION: "accession",
    ConsentKind.SUCCESSION: "succession",
}
FACT = {
    FactKind.PRODUCER: "Producer of anti-personnel mines",
    FactKind.STOCKPILE: "Stockpile",
    FactKind.USE: "Use of mines",
    FactKind.EXPORTS: "Exports",
    FactKind.EXPORT_MORATORIUM: "Export moratorium",
    FactKind.MINE_AFFECTED: "Mine-affected",
}
OBLIGATION = {
    ObligationKind.ART7_INITIAL: "Initial transparency report (Art. 7)",
    ObligationKind.ART7_ANNUAL: "Annual transparency report (Art. 7)",
    ObligationKind.ART4_STOCKPILE: "Stockpile destruction (Art. 4)",
    ObligationKind.ART5_CLEARANCE: "Clearance of mined areas (Art. 5)",
}
SEAT_BODY = {
    SeatBody.UNSC.value: "UN Security Council",
    SeatBody.CD.value: "Conference on Disarmament",
}
ACTION = {
    RequestedAction.SIGN: "Sign",
    RequestedAction.RATIFY: "Ratify",
    RequestedAction.ACCEDE: "Accede",
    RequestedAction.SUBMIT_ART7_REPORT: "Submit an Art. 7 report",
    RequestedAction.DESTROY_STOCKPILES: "Destroy stockpiles",
    RequestedAction.SUPPORT_UNGA_RESOLUTION: "Support the UNGA resolution",
    RequestedAction.ATTEND_MEETING: "Attend the meeting",
    RequestedAction.STOP_USE: "Stop using mines",
}
CHANNEL = {
    Channel.NOTE_VERBALE: "Note verbale",
    Channel.AIDE_MEMOIRE: "Aide-mémoire",
    Channel.LETTER: "Letter",
    Channel.MEETING: "Meeting",
    Channel.CALL: "Call",
    Channel.JOINT: "Joint démarche",
}
LEVEL = {
    Level.MINISTER: "minister",
    Level.DEPUTY_MINISTER: "deputy minister",
    Level.AMBASSADOR: "ambassador",
    Level.DIRECTOR_GENERAL: "director general",
    Level.DIRECTOR: "director",
    Level.OFFICER: "officer",
}
DEMARCHE_STATUS = {
    DemarcheStatus.DRAFT: "Draft",
    DemarcheStatus.APPROVED: "Approved",
    DemarcheStatus.DELIVERED: "Delivered",
    DemarcheStatus.RESPONSE: "Response received",
    DemarcheStatus.CLOSED: "Closed",
    DemarcheStatus.CANCELLED: "Cancelled",
}
INTERVENTION = {
    InterventionKind.STATEMENT: "Statement",
    InterventionKind.SIDE_EVENT: "Side event",
    InterventionKind.BILATERAL: "Bilateral",
}


def label(table: Mapping[Any, str], value: str) -> str:
    """The label for a stored value; an unknown value reads as itself, made human."""
    found = table.get(value)
    if found is not None:
        return found
    text = str(value).replace("_", " ").strip()
    return text[:1].upper() + text[1:]


def day(value: date | None, empty: str = "—") -> str:
    return value.isoformat() if value else empty


def period(start: date | None, end: date | None) -> str:
    if start is None and end is None:
        return "no dates"
    if end is None:
        return f"since {day(start)}"
    if start is None:
        return f"until {day(end)}"
    return f"{day(start)} to {day(end)}"
