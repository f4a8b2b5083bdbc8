"""Human labels for the démarche vocabularies, in one place and translatable.

The core stores plain values ("submit_art7_report", "note_verbale"); the user reads
"Submit an Art. 7 report", "Note verbale". Every label goes through Qt's translation
(context "DemarcheLabels"), so a French interface is a translation file.
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP

from outreach.domain.enums import Channel, DemarcheStatus, Level, RequestedAction
from ui.widgets.enum_labels import enum_label

CONTEXT = "DemarcheLabels"

STATUS_LABELS: dict[DemarcheStatus, object] = {
    DemarcheStatus.DRAFT: QT_TRANSLATE_NOOP("DemarcheLabels", "Draft"),
    DemarcheStatus.APPROVED: QT_TRANSLATE_NOOP("DemarcheLabels", "Approved"),
    DemarcheStatus.DELIVERED: QT_TRANSLATE_NOOP("DemarcheLabels", "Delivered"),
    DemarcheStatus.RESPONSE: QT_TRANSLATE_NOOP("DemarcheLabels", "Response"),
    DemarcheStatus.CLOSED: QT_TRANSLATE_NOOP("DemarcheLabels", "Closed"),
    DemarcheStatus.CANCELLED: QT_TRANSLATE_NOOP("DemarcheLabels", "Cancelled"),
}

ACTION_LABELS: dict[RequestedAction, object] = {
    RequestedAction.SIGN: QT_TRANSLATE_NOOP("DemarcheLabels", "Sign"),
    RequestedAction.RATIFY: QT_TRANSLATE_NOOP("DemarcheLabels", "Ratify"),
    RequestedAction.ACCEDE: QT_TRANSLATE_NOOP("DemarcheLabels", "Accede"),
    RequestedAction.SUBMIT_ART7_REPORT: QT_TRANSLATE_NOOP(
        "DemarcheLabels", "Submit an Art. 7 report"
    ),
    RequestedAction.DESTROY_STOCKPILES: QT_TRANSLATE_NOOP("DemarcheLabels", "Destroy stockpiles"),
    RequestedAction.SUPPORT_UNGA_RESOLUTION: QT_TRANSLATE_NOOP(
        "DemarcheLabels", "Support the UNGA resolution"
    ),
    RequestedAction.ATTEND_MEETING: QT_TRANSLATE_NOOP("DemarcheLabels", "Attend the meeting"),
    RequestedAction.STOP_USE: QT_TRANSLATE_NOOP("DemarcheLabels", "Stop using mines"),
}

CHANNEL_LABELS: dict[Channel, object] = {
    Channel.NOTE_VERBALE: QT_TRANSLATE_NOOP("DemarcheLabels", "Note verbale"),
    Channel.AIDE_MEMOIRE: QT_TRANSLATE_NOOP("DemarcheLabels", "Aide-mémoire"),
    Channel.LETTER: QT_TRANSLATE_NOOP("DemarcheLabels", "Letter"),
    Channel.MEETING: QT_TRANSLATE_NOOP("DemarcheLabels", "Meeting"),
    Channel.CALL: QT_TRANSLATE_NOOP("DemarcheLabels", "Call"),
    Channel.JOINT: QT_TRANSLATE_NOOP("DemarcheLabels", "Joint démarche"),
}

LEVEL_LABELS: dict[Level, object] = {
    Level.MINISTER: QT_TRANSLATE_NOOP("DemarcheLabels", "Minister"),
    Level.DEPUTY_MINISTER: QT_TRANSLATE_NOOP("DemarcheLabels", "Deputy minister"),
    Level.AMBASSADOR: QT_TRANSLATE_NOOP("DemarcheLabels", "Ambassador"),
    Level.DIRECTOR_GENERAL: QT_TRANSLATE_NOOP("DemarcheLabels", "Director general"),
    Level.DIRECTOR: QT_TRANSLATE_NOOP("DemarcheLabels", "Director"),
    Level.OFFICER: QT_TRANSLATE_NOOP("DemarcheLabels", "Officer"),
}


def _label(labels: Mapping[Any, object], kind: type[StrEnum], value: object) -> str:
    return enum_label(CONTEXT, labels, kind, value)


def status_label(status: DemarcheStatus | str) -> str:
    return _label(STATUS_LABELS, DemarcheStatus, status)


def action_label(action: RequestedAction | str) -> str:
    return _label(ACTION_LABELS, RequestedAction, action)


def channel_label(channel: Channel | str) -> str:
    return _label(CHANNEL_LABELS, Channel, channel)


def level_label(level: Level | str) -> str:
    return _label(LEVEL_LABELS, Level, level)
