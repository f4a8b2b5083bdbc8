"""Human labels for the planning vocabularies (intervention kinds and statuses, treaty
status, stance, calendar kinds), translatable in the context "PlanningLabels"."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from enum import StrEnum
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from outreach.domain.enums import (
    CalendarKind,
    InterventionKind,
    InterventionStatus,
    Stance,
    TreatyStatus,
)
from ui.widgets.enum_labels import enum_label

CONTEXT = "PlanningLabels"

KIND_LABELS: dict[InterventionKind, object] = {
    InterventionKind.STATEMENT: QT_TRANSLATE_NOOP("PlanningLabels", "Statement"),
    InterventionKind.SIDE_EVENT: QT_TRANSLATE_NOOP("PlanningLabels", "Side event"),
    InterventionKind.BILATERAL: QT_TRANSLATE_NOOP("PlanningLabels", "Bilateral"),
}

STATUS_LABELS: dict[InterventionStatus, object] = {
    InterventionStatus.IDEA: QT_TRANSLATE_NOOP("PlanningLabels", "Idea"),
    InterventionStatus.PLANNED: QT_TRANSLATE_NOOP("PlanningLabels", "Planned"),
    InterventionStatus.CONFIRMED: QT_TRANSLATE_NOOP("PlanningLabels", "Confirmed"),
    InterventionStatus.DONE: QT_TRANSLATE_NOOP("PlanningLabels", "Done"),
    InterventionStatus.DROPPED: QT_TRANSLATE_NOOP("PlanningLabels", "Dropped"),
}

TREATY_STATUS_LABELS: dict[TreatyStatus, object] = {
    TreatyStatus.PARTY: QT_TRANSLATE_NOOP("PlanningLabels", "Party"),
    TreatyStatus.PENDING: QT_TRANSLATE_NOOP("PlanningLabels", "Pending"),
    TreatyStatus.SIGNATORY: QT_TRANSLATE_NOOP("PlanningLabels", "Signatory"),
    TreatyStatus.OUTSIDE: QT_TRANSLATE_NOOP("PlanningLabels", "Outside"),
    TreatyStatus.WITHDRAWN: QT_TRANSLATE_NOOP("PlanningLabels", "Withdrawn"),
}

STANCE_LABELS: dict[Stance, object] = {
    Stance.SUPPORTIVE: QT_TRANSLATE_NOOP("PlanningLabels", "Supportive"),
    Stance.FAVOURABLE: QT_TRANSLATE_NOOP("PlanningLabels", "Favourable"),
    Stance.UNDECIDED: QT_TRANSLATE_NOOP("PlanningLabels", "Undecided"),
    Stance.RELUCTANT: QT_TRANSLATE_NOOP("PlanningLabels", "Reluctant"),
    Stance.OPPOSED: QT_TRANSLATE_NOOP("PlanningLabels", "Opposed"),
    Stance.UNKNOWN: QT_TRANSLATE_NOOP("PlanningLabels", "Unknown"),
}

CALENDAR_KIND_LABELS: dict[CalendarKind, object] = {
    CalendarKind.MEETING: QT_TRANSLATE_NOOP("PlanningLabels", "Meeting"),
    CalendarKind.INTERVENTION: QT_TRANSLATE_NOOP("PlanningLabels", "Intervention"),
    CalendarKind.DEMARCHE: QT_TRANSLATE_NOOP("PlanningLabels", "Démarche due"),
    CalendarKind.FOLLOW_UP: QT_TRANSLATE_NOOP("PlanningLabels", "Follow-up"),
}

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


def translate(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def _label(labels: Mapping[Any, object], kind: type[StrEnum], value: object) -> str:
    return enum_label(CONTEXT, labels, kind, value)


def kind_label(kind: InterventionKind | str) -> str:
    return _label(KIND_LABELS, InterventionKind, kind)


def status_label(status: InterventionStatus | str) -> str:
    return _label(STATUS_LABELS, InterventionStatus, status)


def treaty_status_label(status: TreatyStatus | str) -> str:
    return _label(TREATY_STATUS_LABELS, TreatyStatus, status)


def stance_label(stance: Stance | str) -> str:
    return _label(STANCE_LABELS, Stance, stance)


def calendar_kind_label(kind: CalendarKind | str) -> str:
    return _label(CALENDAR_KIND_LABELS, CalendarKind, kind)


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
