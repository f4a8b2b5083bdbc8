"""Running a dialog modally and letting it go afterwards; asking a yes-or-no question."""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QMessageBox, QWidget


def accepted(dialog: QDialog) -> bool:
    """Run `dialog` modally; True when the user accepted it. The dialog is deleted once
    control is back in the event loop, so what it holds can still be read now."""
    try:
        return dialog.exec() == QDialog.DialogCode.Accepted
    finally:
        dialog.deleteLater()


def said_yes(
    parent: QWidget | None,
    title: str,
    question: str,
    no: QMessageBox.StandardButton = QMessageBox.StandardButton.Cancel,
    default: QMessageBox.StandardButton | None = None,
) -> bool:
    """Ask `question` with Yes and `no` (Cancel unless said otherwise); True when the
    answer is Yes. The default button is `no` unless `default` names another."""
    answer = QMessageBox.question(
        parent, title, question, QMessageBox.StandardButton.Yes | no, default or no
    )
    return answer == QMessageBox.StandardButton.Yes


def ok_cancel(
    dialog: QDialog,
    accept: Callable[[], object] | None = None,
    ok_text: str | None = None,
    ok_kind: QDialogButtonBox.StandardButton = QDialogButtonBox.StandardButton.Ok,
) -> QDialogButtonBox:
    """OK (or `ok_kind`, e.g. Save; named `ok_text`, if given) and Cancel for `dialog`.
    OK and Ctrl+Enter call `accept` (the dialog's own accept by default); Cancel and
    Escape reject."""
    on_ok = accept or dialog.accept
    buttons = QDialogButtonBox(ok_kind | QDialogButtonBox.StandardButton.Cancel, dialog)
    ok = buttons.button(ok_kind)
    if ok_text is not None:
        ok.setText(ok_text)
    ok.setDefault(True)
    buttons.accepted.connect(on_ok)
    buttons.rejected.connect(dialog.reject)
    for keys in ("Ctrl+Return", "Ctrl+Enter"):
        QShortcut(QKeySequence(keys), dialog, on_ok)
    return buttons


D = TypeVar("D", bound=QDialog)


class DialogSlot(Generic[D]):
    """One non-modal dialog at a time for a page: while one is open, asking for another
    brings the open one forward instead. `closed(dialog)` runs when it closes."""

    def __init__(self, closed: Callable[[D], None]) -> None:
        self.current: D | None = None
        self._closed = closed

    def raise_open(self) -> bool:
        """Bring the open dialog forward; False when none is open."""
        if self.current is None:
            return False
        self.current.raise_()
        self.current.activateWindow()
        return True

    def open(self, dialog: D) -> None:
        """Show `dialog` (deleted once closed), unless one is open already."""
        if self.raise_open():
            dialog.deleteLater()
            return
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _result: self._finish(dialog))
        self.current = dialog
        dialog.open()

    def _finish(self, dialog: D) -> None:
        self.current = None
        self._closed(dialog)
