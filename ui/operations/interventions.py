"""The undoable changes to a meeting's interventions: planning, editing and deleting one,
moving its status, completing a bilateral (with its log entry, in one step), and the
démarche it carries (created for it, linked or unlinked)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QCoreApplication

from outreach.domain.enums import InterventionStatus
from outreach.domain.records import BilateralDone, DemarcheRecord, InterventionRecord
from outreach.services.demarches import DemarcheService
from outreach.services.interventions import InterventionService
from ui.forums.labels import kind_label, status_label
from ui.operations import Guard, delete_op, set_op, soft_create_op, unguarded, unversioned_edit_op
from ui.undo import Operation
from ui.widgets.record_dialog import short

Made = tuple[InterventionRecord, DemarcheRecord]  # the intervention linked, the démarche


def plan_intervention(
    service: InterventionService,
    meeting_id: int,
    values: Mapping[str, Any],
    guard: Guard = unguarded,
) -> Operation[InterventionRecord]:
    """Plan an intervention at a meeting from `InterventionService.plan` keywords."""
    text = QCoreApplication.translate("InterventionOperations", "Plan {0}: {1}").format(
        kind_label(str(values["kind"])).lower(), short(str(values["title"]))
    )
    return soft_create_op(text, lambda: service.plan(meeting_id, **values), service, guard)


def edit_intervention(
    service: InterventionService,
    before: InterventionRecord,
    values: Mapping[str, Any],
    guard: Guard = unguarded,
) -> Operation[InterventionRecord] | None:
    """Change the fields of `before` that `values` (`update` keywords) change; None when
    they change nothing."""
    return unversioned_edit_op(
        QCoreApplication.translate("InterventionOperations", "Edit intervention: {0}").format(
            short(str(values["title"]))
        ),
        before,
        values,
        service.update,
        stored={"targets": before.target_ids},
        guard=guard,
    )


def delete_intervention(
    service: InterventionService, record: InterventionRecord
) -> Operation[InterventionRecord]:
    return delete_op(
        QCoreApplication.translate("InterventionOperations", "Delete intervention: {0}").format(
            record.title
        ),
        service,
        record.id,
    )


def set_intervention_status(
    service: InterventionService, record: InterventionRecord, status: InterventionStatus
) -> Operation[InterventionRecord]:
    """Move to `status`; undo moves back to the status it had."""
    intervention_id = record.id
    return set_op(
        QCoreApplication.translate("InterventionOperations", "Mark “{0}” {1}").format(
            record.title, status_label(status).lower()
        ),
        lambda wanted: service.set_status(intervention_id, wanted),
        status,
        record.status,
    )


def complete_bilateral(
    service: InterventionService,
    record: InterventionRecord,
    values: Mapping[str, Any],
    guard: Guard = unguarded,
) -> Operation[BilateralDone]:
    """Mark a bilateral done and write its log entry, from `complete_bilateral` keywords;
    undo and redo take back or make again the whole step."""
    intervention_id = record.id
    return Operation(
        QCoreApplication.translate("InterventionOperations", "Bilateral done: {0}").format(
            short(record.title)
        ),
        do=lambda: guard(lambda: service.complete_bilateral(intervention_id, **values)),
        undo=service.undo_completion,
        redo=service.redo_completion,
    )


def create_demarche_for(
    service: InterventionService,
    demarches: DemarcheService,
    record: InterventionRecord,
    values: Mapping[str, Any],
    guard: Guard = unguarded,
) -> Operation[Made]:
    """Create a draft démarche for the intervention (`create_demarche_for` keywords) and
    link it; undo unlinks and deletes it, redo restores and links it again."""
    intervention_id = record.id

    def undo(made: Made) -> None:
        service.link_demarche(intervention_id, None)
        demarches.delete(made[1].id)

    def redo(made: Made) -> None:
        demarches.restore(made[1].id)
        service.link_demarche(intervention_id, made[1].id)

    return Operation(
        QCoreApplication.translate("InterventionOperations", "Create démarche for: {0}").format(
            short(record.title)
        ),
        do=lambda: guard(lambda: service.create_demarche_for(intervention_id, **values)),
        undo=undo,
        redo=redo,
    )


def _link(
    service: InterventionService, record: InterventionRecord, text: str, demarche_id: int | None
) -> Operation[InterventionRecord]:
    intervention_id = record.id
    return set_op(
        text,
        lambda linked: service.link_demarche(intervention_id, linked),
        demarche_id,
        record.demarche_id,
    )


def link_demarche(
    service: InterventionService, record: InterventionRecord, demarche_id: int
) -> Operation[InterventionRecord]:
    """Link a démarche to the intervention; undo links back the one it had, if any."""
    text = QCoreApplication.translate("InterventionOperations", "Link démarche to: {0}").format(
        short(record.title)
    )
    return _link(service, record, text, demarche_id)


def unlink_demarche(
    service: InterventionService, record: InterventionRecord
) -> Operation[InterventionRecord]:
    text = QCoreApplication.translate("InterventionOperations", "Unlink démarche from: {0}").format(
        record.title
    )
    return _link(service, record, text, None)
