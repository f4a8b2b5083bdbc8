"""One signal for "the data changed", fed by the database's commit listener."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from outreach.domain.changes import Changes


class ChangeBus(QObject):
    """Views connect to `changed` and refresh only for the kinds of records they show."""

    changed = Signal(object)  # a Changes

    def publish(self, changes: Changes) -> None:
        self.changed.emit(changes)
