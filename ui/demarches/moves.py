"""Moving a démarche along its lifecycle, undoably, asking for a reason when one is due.

The board (drag and drop, Ctrl+Left/Right, the card's menu) and the page's detail pane
all move démarches through `move_demarche`. A move is one undoable operation: undo moves
the démarche back (the service wants a reason for that: "Undone"), redo moves it again,
and each keeps the delivery or closure date the démarche had, so undo and redo put the
dates back as well as the status.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QInputDialog, QLineEdit, QWidget

from outreach.domain.enums import DemarcheStatus
from outreach.domain.records import DemarcheRecord
from ui.demarches.labels import status_label
from ui.operations.demarches import move_demarche_to
from ui.services import AppServices
from ui.undo import UndoRunner

#: the statuses Ctrl+Left / Ctrl+Right step through; cancelling is a menu choice
FORWARD_STATUSES: tuple[DemarcheStatus, ...] = tuple(
    status for status in DemarcheStatus if status != DemarcheStatus.CANCELLED
)

#: asks the user why (parent, démarche, target status); None when they cancel
ReasonPrompt = Callable[[QWidget | None, DemarcheRecord, DemarcheStatus], "str | None"]


def needs_reason(current: DemarcheStatus, target: DemarcheStatus) -> bool:
    """Whether the service wants a reason for this move: moving back, cancelling, or
    reopening a closed or cancelled démarche (the rule `DemarcheService.move` applies)."""
    return not current.is_open or target == DemarcheStatus.CANCELLED or target.rank < current.rank


def step_status(current: DemarcheStatus, step: int) -> DemarcheStatus | None:
    """The status `step` columns forward (or back, when negative) on the board; None at
    either end, and for a cancelled démarche (reopen it from the card's menu)."""
    if current not in FORWARD_STATUSES:
        return None
    position = FORWARD_STATUSES.index(current) + step
    if not 0 <= position < len(FORWARD_STATUSES):
        return None
    return FORWARD_STATUSES[position]


def ask_for_reason(
    parent: QWidget | None, record: DemarcheRecord, target: DemarcheStatus
) -> str | None:
    """Ask why the démarche moves back, is cancelled or reopened; None when cancelled.
    An empty answer asks again."""
    if target == DemarcheStatus.CANCELLED:
        question = QCoreApplication.translate("DemarcheMoves", "Why is “{0}” cancelled?")
    elif not record.status.is_open:
        question = QCoreApplication.translate("DemarcheMoves", "Why is “{0}” reopened?")
    else:
        question = QCoreApplication.translate("DemarcheMoves", "Why does “{0}” move back?")
    label = question.format(record.title)
    title = QCoreApplication.translate("DemarcheMoves", "Move démarche to {0}").format(
        status_label(target)
    )
    while True:
        text, ok = QInputDialog.getText(parent, title, label, QLineEdit.EchoMode.Normal, "")
        if not ok:
            return None
        if text.strip():
            return text.strip()
        label = (
            QCoreApplication.translate("DemarcheMoves", "A reason is needed.")
            + "\n"
            + question.format(record.title)
        )


def move_demarche(
    parent: QWidget | None,
    services: AppServices,
    undo: UndoRunner,
    record: DemarcheRecord,
    target: DemarcheStatus,
    ask: ReasonPrompt | None = None,
) -> DemarcheRecord | None:
    """Move `record` to `target` through the undo runner, asking for a reason when one
    is due (`ask`, by default `ask_for_reason`). The moved record, or None when nothing
    moved (same column, the reason prompt cancelled, or the service refused: its
    message was shown)."""
    if target == record.status:
        return None
    reason = ""
    if needs_reason(record.status, target):
        answer = (ask or ask_for_reason)(parent, record, target)
        if answer is None:
            return None
        reason = answer
    moved = undo.run(
        move_demarche_to(
            services.demarches, record.id, target, reason, record.version, undo.versions
        )
    )
    return None if moved is None else moved[1]
