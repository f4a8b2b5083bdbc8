"""A combo box of records by id (a state, an organization), typed into to find one."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QCompleter, QWidget


class IdComboBox(QComboBox):
    """Items are (id, label) pairs, plus an optional first "none" item; typing part of a
    label (anywhere in it, ignoring case) offers the matching ones."""

    def __init__(self, none_label: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._none_label = none_label
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setMaxVisibleItems(20)
        completer = QCompleter(self.model(), self)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.setCompleter(completer)
        self.set_choices([])

    def set_choices(self, choices: Sequence[tuple[int, str]]) -> None:
        """Replace the items, keeping the current id when it is still there."""
        current = self.current_id()
        self.blockSignals(True)
        self.clear()
        if self._none_label is not None:
            self.addItem(self._none_label, None)
        for record_id, label in choices:
            self.addItem(label, record_id)
        self.blockSignals(False)
        self.set_current_id(current)

    def current_id(self) -> int | None:
        """The id chosen, or None for the "none" item (or text that names nothing)."""
        index = self.currentIndex()
        if index < 0 or self.itemText(index) != self.currentText():
            index = self.findText(self.currentText(), Qt.MatchFlag.MatchFixedString)
        if index < 0:
            return None
        value = self.itemData(index)
        return value if isinstance(value, int) else None

    def names_something(self) -> bool:
        """False when the text typed matches no item (so `current_id` would be None)."""
        text = self.currentText().strip()
        if not text or (self._none_label is not None and text == self._none_label):
            return True
        return self.findText(text, Qt.MatchFlag.MatchFixedString) >= 0

    def set_current_id(self, record_id: int | None) -> None:
        index = self.findData(record_id) if record_id is not None else -1
        if index < 0:
            index = 0 if self._none_label is not None else -1
        self.setCurrentIndex(index)
        self.setEditText(self.itemText(index) if index >= 0 else "")
