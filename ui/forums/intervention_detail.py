"""The selected intervention as the meeting planner shows it below the list (HTML): its
kind and status, time slot, targets, lead, démarche, talking points and outcome."""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication

from outreach.domain.records import InterventionRecord
from outreach.errors import OutreachError
from outreach.services.demarches import DemarcheService
from ui.demarches.labels import status_label as demarche_status_label
from ui.forums.labels import kind_label, status_label, time_slot
from ui.widgets.names import StateNames


def _demarche_line(demarches: DemarcheService, demarche_id: int) -> str:
    try:
        demarche = demarches.get(demarche_id)
    except OutreachError:
        return QCoreApplication.translate("MeetingPlanner", "Démarche #{0}").format(demarche_id)
    return QCoreApplication.translate("MeetingPlanner", "Démarche: {0} ({1})").format(
        demarche.title, demarche_status_label(demarche.status)
    )


def intervention_html(
    record: InterventionRecord, names: StateNames, demarches: DemarcheService
) -> str:
    e = html.escape
    parts = [
        f"<b>{e(record.title)}</b> — {e(kind_label(record.kind))}, {e(status_label(record.status))}"
    ]
    if record.starts_at is not None:
        slot = time_slot(record.starts_at, record.ends_at)
        parts.append(
            e(
                QCoreApplication.translate("MeetingPlanner", "{0} ({1} time)").format(
                    slot, record.timezone
                )
            )
        )
    if record.target_ids:
        parts.append(
            e(
                QCoreApplication.translate("MeetingPlanner", "Targets: {0}").format(
                    names.names(record.target_ids)
                )
            )
        )
    if record.lead_officer:
        parts.append(
            e(QCoreApplication.translate("MeetingPlanner", "Lead: {0}").format(record.lead_officer))
        )
    if record.demarche_id is not None:
        parts.append(e(_demarche_line(demarches, record.demarche_id)))
    text = "<br>".join(parts)
    for title, body in (
        (QCoreApplication.translate("MeetingPlanner", "Talking points"), record.talking_points),
        (QCoreApplication.translate("MeetingPlanner", "Outcome"), record.outcome),
    ):
        if body:
            text += f"<p><i>{e(title)}</i><br>" + e(body).replace("\n", "<br>") + "</p>"
    return text
