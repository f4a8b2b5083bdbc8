"""One signal for "the data changed", fed by the database's commit listener."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from outreach.domain.changes import Changes


class ChangeBus(QObject):
    """Views connect to `changed` and refresh only for the kinds of records they show.

    On a server, other officers' commits arrive here too, from the listener's thread
    (`Database.listen_to_others`); Qt queues them to the window's thread. `connection`
    says when the server is lost (with why) and back.
    """

    changed = Signal(object)  # a Changes
    connection = Signal(bool, str)  # up, and why not

    def publish(self, changes: Changes) -> None:
        self.changed.emit(changes)

    def publish_connection(self, up: bool, why: str) -> None:
        self.connection.emit(up, why)
