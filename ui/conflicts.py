"""When someone else saved a record after it was opened here (`StaleRecordError`).

Nothing was overwritten and what the user typed is still on screen. They choose: reload
the record and apply again only the fields they changed (the others keep the other
officer's values), overwrite with everything they see, or go back to their typing.
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import Enum
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from outreach.errors import StaleRecordError


class ConflictChoice(Enum):
    REAPPLY = "reapply"  # reload, then apply the fields I changed
    OVERWRITE = "overwrite"  # reload, then save everything I see
    KEEP_EDITING = "keep"  # save nothing now; my typing stays


def ask_about_conflict(parent: QWidget | None, error: StaleRecordError) -> ConflictChoice:
    """Say who changed the record and when, and ask what to do."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(QCoreApplication.translate("Conflicts", "Changed by someone else"))
    box.setText(str(error))
    box.setInformativeText(
        QCoreApplication.translate(
            "Conflicts",
            "What you typed is kept. Apply your changes to their version, or overwrite "
            "their version with what you see?",
        )
    )
    reapply = box.addButton(
        QCoreApplication.translate("Conflicts", "&Apply my changes to theirs"),
        QMessageBox.ButtonRole.AcceptRole,
    )
    overwrite = box.addButton(
        QCoreApplication.translate("Conflicts", "&Overwrite theirs"),
        QMessageBox.ButtonRole.DestructiveRole,
    )
    keep = box.addButton(
        QCoreApplication.translate("Conflicts", "&Keep editing"), QMessageBox.ButtonRole.RejectRole
    )
    box.setDefaultButton(reapply)
    box.setEscapeButton(keep)
    box.exec()
    clicked = box.clickedButton()
    if clicked is reapply:
        return ConflictChoice.REAPPLY
    if clicked is overwrite:
        return ConflictChoice.OVERWRITE
    return ConflictChoice.KEEP_EDITING


def fields_to_save(
    choice: ConflictChoice, opened: Mapping[str, Any], mine: Mapping[str, Any]
) -> dict[str, Any]:
    """What to save over the reloaded record: the fields changed since it was opened
    (REAPPLY), or all of them (OVERWRITE)."""
    if choice is ConflictChoice.OVERWRITE:
        return dict(mine)
    return {name: value for name, value in mine.items() if opened.get(name) != value}
