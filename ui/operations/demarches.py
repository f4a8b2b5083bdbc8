"""The undoable changes to démarches: planning one, editing it, moving it along its
lifecycle, deleting it.

A move is one operation: undo moves the démarche back (the service wants a reason for
that: "Undone"), redo moves it again, and each keeps the delivery or closure date the
démarche had, so undo and redo put the dates back as well as the status.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication

from outreach.briefing.drafts import Drafted, DraftService
from outreach.domain.enums import DemarcheStatus
from outreach.domain.records import DemarcheRecord
from outreach.services.attachments import AttachmentService
from outreach.services.demarches import DemarcheService
from ui.demarches.labels import status_label
from ui.operations import Guard, delete_op, edit_op, soft_create_op, unguarded
from ui.undo import Operation, VersionBook
from ui.widgets.record_dialog import short

#: the reason recorded when a move is undone (moving back needs one)
UNDONE_REASON = "Undone"

Moved = tuple[DemarcheRecord, DemarcheRecord]  # before, after


def plan_demarche(
    demarches: DemarcheService,
    state_id: int,
    values: Mapping[str, Any],
    guard: Guard = unguarded,
) -> Operation[DemarcheRecord]:
    """Plan a démarche to `state_id` from `DemarcheService.create` keywords."""
    return soft_create_op(
        QCoreApplication.translate("DemarcheOperations", "Plan démarche: {0}").format(
            short(str(values.get("title", "")))
        ),
        lambda: demarches.create(state_id, **values),
        demarches,
        guard,
    )


def edit_demarche(
    demarches: DemarcheService,
    book: VersionBook,
    before: DemarcheRecord,
    values: Mapping[str, Any],
    treaty_code: str | None,
    guard: Guard = unguarded,
) -> Operation[DemarcheRecord] | None:
    """Change the fields of `before` that `values` (`update` keywords) change; None when
    they change nothing. `treaty_code` is the code of the treaty `before` is under (the
    keyword takes a code, the record holds an id)."""
    return edit_op(
        QCoreApplication.translate("DemarcheOperations", "Edit démarche: {0}").format(
            short(str(values.get("title", before.title)))
        ),
        before,
        values,
        demarches.update,
        book=book,
        kind="demarche",
        stored={"state": before.state_id, "treaty": treaty_code},
        guard=guard,
    )


def delete_demarche(
    demarches: DemarcheService, record: DemarcheRecord
) -> Operation[DemarcheRecord]:
    return delete_op(
        QCoreApplication.translate("DemarcheOperations", "Delete démarche: {0}").format(
            record.title
        ),
        demarches,
        record.id,
    )


def dated_on(record: DemarcheRecord) -> date | None:
    """The date that goes with the record's status (delivered on, closed on), to give
    `move` when the status is put back."""
    if record.status == DemarcheStatus.DELIVERED:
        return record.delivered_on
    if record.status == DemarcheStatus.CLOSED:
        return record.closed_on
    return None


def move_demarche_to(
    service: DemarcheService,
    demarche_id: int,
    target: DemarcheStatus,
    reason: str = "",
    seen_version: int | None = None,
    book: VersionBook | None = None,
) -> Operation[Moved]:
    """Move to `target` (with `reason` when one is due); undo moves back to the status
    and dates it had, redo moves forth to the status and dates the move gave.

    The move is checked against `seen_version`, the démarche as the card showed it, and
    undo and redo against the version the step before left: when another officer moved
    or edited it meanwhile, the step is refused and says who (nothing is overwritten).
    """
    versions = book or VersionBook()
    key = ("demarche", demarche_id)

    def moved_to(
        status: DemarcheStatus, on: date | None, why: str, version: int | None
    ) -> DemarcheRecord:
        record = service.move(demarche_id, status, on=on, reason=why, version=version)
        versions.wrote(key, record.version)
        return record

    def do() -> Moved:
        before = service.get(demarche_id)
        return before, moved_to(target, None, reason, seen_version)

    def undo(moved: Moved) -> DemarcheRecord:
        before, _after = moved
        version = versions.version(key, seen_version)
        return moved_to(before.status, dated_on(before), UNDONE_REASON, version)

    def redo(moved: Moved) -> DemarcheRecord:
        _before, after = moved
        return moved_to(target, dated_on(after), reason, versions.version(key, seen_version))

    return Operation(
        text=QCoreApplication.translate("DemarcheOperations", "Move démarche to {0}").format(
            status_label(target)
        ),
        do=do,
        undo=undo,
        redo=redo,
    )


def draft_paper(
    drafts: DraftService,
    attachments: AttachmentService,
    demarche: DemarcheRecord,
    template: str,
    out: Path,
    **options: Any,
) -> Operation[Drafted]:
    """Draft the démarche's note verbale (or aide-mémoire) at `out`, attached to it: undo
    removes the attachment (the file written stays where the officer put it)."""
    text = QCoreApplication.translate("DemarcheOperations", "Draft for démarche: {0}").format(
        short(demarche.title)
    )
    return Operation(
        text=text,
        do=lambda: drafts.draft(demarche.id, out, template=template, **options),
        undo=lambda drafted: attachments.delete(drafted.attachment.id),
        redo=lambda drafted: attachments.restore(drafted.attachment.id),
    )
