"""Running a dialog modally and letting it go afterwards."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QDialog, QDialogButtonBox


def accepted(dialog: QDialog) -> bool:
    """Run `dialog` modally; True when the user accepted it. The dialog is deleted once
    control is back in the event loop, so what it holds can still be read now."""
    try:
        return dialog.exec() == QDialog.DialogCode.Accepted
    finally:
        dialog.deleteLater()


def ok_cancel(
    dialog: QDialog, accept: Callable[[], object] | None = None, ok_text: str | None = None
) -> QDialogButtonBox:
    """OK (named `ok_text`, if given) and Cancel for `dialog`. OK and Ctrl+Enter call
    `accept` (the dialog's own accept by default); Cancel and Escape reject."""
    on_ok = accept or dialog.accept
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, dialog
    )
    ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
    if ok_text is not None:
        ok.setText(ok_text)
    ok.setDefault(True)
    buttons.accepted.connect(on_ok)
    buttons.rejected.connect(dialog.reject)
    for keys in ("Ctrl+Return", "Ctrl+Enter"):
        QShortcut(QKeySequence(keys), dialog, on_ok)
    return buttons
