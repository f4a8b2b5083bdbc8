"""Driving a modal dialog from a test: the dialog's `exec()` blocks the test until it
closes, so what the user would do in it runs from the event loop once it is open."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget

D = TypeVar("D")


def drive_modal(kind: type[D], act: Callable[[D], None], tries: int = 200) -> None:
    """Run `act(dialog)` on the modal dialog of type `kind` once it is open (for up to
    `tries` × 10 ms)."""

    def find_and_act(left: int) -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, kind):
            try:
                act(dialog)
            finally:  # a failed check must not leave the test waiting on the dialog
                if isinstance(dialog, QWidget) and dialog.isVisible():
                    dialog.close()
        elif left:
            QTimer.singleShot(10, lambda: find_and_act(left - 1))

    QTimer.singleShot(0, lambda: find_and_act(tries))
