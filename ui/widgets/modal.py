"""Running a dialog modally and letting it go afterwards."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog


def accepted(dialog: QDialog) -> bool:
    """Run `dialog` modally; True when the user accepted it. The dialog is deleted once
    control is back in the event loop, so what it holds can still be read now."""
    try:
        return dialog.exec() == QDialog.DialogCode.Accepted
    finally:
        dialog.deleteLater()
