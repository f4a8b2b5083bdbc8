"""Putting the focus on the field a service refused, after a dialog's change failed."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TypeVar

from PySide6.QtWidgets import QWidget

from outreach.errors import OutreachError

T = TypeVar("T")


class FieldErrors:
    """Keeps the refusal raised while a dialog's change runs (the undo runner shows it),
    so the dialog can then focus the field at fault."""

    def __init__(self) -> None:
        self.error: OutreachError | None = None

    def guarded(self, call: Callable[[], T]) -> T:
        """Run a service call, keeping its error (which still propagates)."""
        try:
            return call()
        except OutreachError as error:
            self.error = error
            raise

    def focus(self, widgets: Mapping[str, QWidget], default: QWidget) -> None:
        """Focus the widget of the refused field (by the error's `field`), else `default`."""
        field = getattr(self.error, "field", None) or ""
        widgets.get(field, default).setFocus()
