"""The planning vocabularies as people read them (intervention kinds and statuses, treaty
status, stance, calendar kinds: the core's labels, in the app's language), their
colours, and how a time slot reads."""

from __future__ import annotations

from datetime import datetime
from functools import partial

from outreach.domain.enums import (
    CalendarKind,
    InterventionKind,
    InterventionStatus,
    Stance,
    TreatyStatus,
)
from outreach.domain.vocabulary import label_of

#: colours of the treaty statuses in the room (text colour)
TREATY_STATUS_COLOURS: dict[TreatyStatus, str] = {
    TreatyStatus.PARTY: "#2e7d32",
    TreatyStatus.PENDING: "#558b2f",
    TreatyStatus.SIGNATORY: "#ef6c00",
    TreatyStatus.OUTSIDE: "#b71c1c",
    TreatyStatus.WITHDRAWN: "#6a1b9a",
}

#: colours of the intervention statuses
STATUS_COLOURS: dict[InterventionStatus, str] = {
    InterventionStatus.IDEA: "#757575",
    InterventionStatus.PLANNED: "#1565c0",
    InterventionStatus.CONFIRMED: "#2e7d32",
    InterventionStatus.DONE: "#1b5e20",
    InterventionStatus.DROPPED: "#9e9e9e",
}


#: how each planning vocabulary reads (a member or its stored text)
kind_label = partial(label_of, InterventionKind)
status_label = partial(label_of, InterventionStatus)
treaty_status_label = partial(label_of, TreatyStatus)
stance_label = partial(label_of, Stance)
calendar_kind_label = partial(label_of, CalendarKind)


def time_slot(starts_at: datetime | None, ends_at: datetime | None, with_day: bool = True) -> str:
    """ "2004-11-30 10:00–10:45", "10:00" or "" (no slot yet)."""
    if starts_at is None:
        return ""
    text = starts_at.strftime("%Y-%m-%d %H:%M" if with_day else "%H:%M")
    if ends_at is None:
        return text
    if ends_at.date() == starts_at.date():
        return f"{text}–{ends_at:%H:%M}"
    return f"{text} – {ends_at:%Y-%m-%d %H:%M}"
