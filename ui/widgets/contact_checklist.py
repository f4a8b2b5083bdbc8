"""A list of contacts to tick (Space), for the dialogs that say who took part: the
contacts involved in a démarche, the contacts met at a bilateral."""

from __future__ import annotations

from collections.abc import Collection, Iterable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QListWidget, QListWidgetItem, QWidget

from outreach.domain.records import ContactRecord
from ui.widgets.names import ContactNames

CONTACT_ID_ROLE = Qt.ItemDataRole.UserRole + 30
TICKABLE = (
    Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsUserCheckable
)


class ContactChecklist(QListWidget):
    """Each item a contact (its id under `CONTACT_ID_ROLE`), ticked or not; `empty_text`
    stands alone, not tickable, when no contact is offered."""

    def __init__(self, names: ContactNames, rows: int, empty_text: str, parent: QWidget) -> None:
        super().__init__(parent)
        self._names = names
        self._empty_text = empty_text
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setMaximumHeight(self.fontMetrics().height() * rows)

    def offer(self, records: Iterable[ContactRecord], ticked: Collection[int] = ()) -> None:
        """Offer these contacts, then those of `ticked` they lack; tick `ticked`."""
        offered: list[tuple[int, str]] = []
        for record in records:
            self._names.remember(record)
            offered.append((record.id, self._names.label_of(record)))
        known = {contact_id for contact_id, _label in offered}
        offered += [
            (contact_id, self._names.label(contact_id))
            for contact_id in ticked
            if contact_id not in known
        ]
        self.clear()
        for contact_id, label in offered:
            self._add(contact_id, label, contact_id in ticked)
        if not offered:
            item = QListWidgetItem(self._empty_text, self)
            item.setFlags(Qt.ItemFlag.NoItemFlags)

    def _add(self, contact_id: int, label: str, ticked: bool) -> None:
        item = QListWidgetItem(label, self)
        item.setData(CONTACT_ID_ROLE, contact_id)
        item.setFlags(TICKABLE)
        item.setCheckState(Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)

    def _contacts(self) -> Iterable[tuple[QListWidgetItem, int]]:
        """The items that are contacts (not the empty text), with their ids."""
        for row in range(self.count()):
            item = self.item(row)
            value = item.data(CONTACT_ID_ROLE)
            if isinstance(value, int):
                yield item, value

    def offered_ids(self) -> list[int]:
        return [contact_id for _item, contact_id in self._contacts()]

    def checked_ids(self) -> list[int]:
        return [
            contact_id
            for item, contact_id in self._contacts()
            if item.checkState() == Qt.CheckState.Checked
        ]

    def set_checked(self, contact_ids: list[int]) -> None:
        """Tick these contacts (adding any not offered) and untick the rest."""
        wanted = set(contact_ids)
        present = set()
        for item, contact_id in self._contacts():
            present.add(contact_id)
            item.setCheckState(
                Qt.CheckState.Checked if contact_id in wanted else Qt.CheckState.Unchecked
            )
        missing = [contact_id for contact_id in contact_ids if contact_id not in present]
        if missing and not present:
            self.clear()  # the empty text goes
        for contact_id in missing:
            self._add(contact_id, self._names.label(contact_id), True)
