"""Go to state (Ctrl+G): type-ahead over names, ISO codes and aliases."""

from __future__ import annotations

from PySide6.QtCore import QStringListModel, Qt
from PySide6.QtWidgets import (
    QCompleter,
    QDialog,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from outreach.domain.records import StateRow
from outreach.folding import fold
from ui.widgets.completion import enter_takes_completion
from ui.widgets.modal import ok_cancel


def choices(states: list[StateRow]) -> dict[str, int]:
    """Every text that names a state -> its id: "Türkiye", "Turkey (Türkiye)", "TUR";
    its name in the other language too: "Cambodge (Cambodia)"."""
    result: dict[str, int] = {}
    for state in states:
        result[state.name] = state.id
        result[f"{state.iso3} — {state.name}"] = state.id
        for alias in filter(None, (state.other_name, *state.aliases)):
            result.setdefault(f"{alias} ({state.name})", state.id)
    return result


class GoToStateDialog(QDialog):
    def __init__(self, states: list[StateRow], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Go to state"))
        self._choices = choices(states)
        self.edit = QLineEdit(self)
        self.edit.setPlaceholderText(self.tr("Name, ISO code or other name…"))
        completer = QCompleter(QStringListModel(sorted(self._choices, key=fold), self), self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.edit.setCompleter(completer)
        enter_takes_completion(self.edit)  # Enter on "Cambodia" goes there at once
        buttons = ok_cancel(self)
        self.message = QLabel(self)
        layout = QVBoxLayout(self)
        label = QLabel(self.tr("State:"), self)
        label.setBuddy(self.edit)  # its name for screen readers
        layout.addWidget(label)
        layout.addWidget(self.edit)
        layout.addWidget(self.message)
        layout.addWidget(buttons)

    def chosen_state_id(self) -> int | None:
        text = self.edit.text().strip()
        if text in self._choices:
            return self._choices[text]
        folded = text.casefold()
        matches = {
            state_id for label, state_id in self._choices.items() if folded in label.casefold()
        }
        return matches.pop() if len(matches) == 1 else None

    def accept(self) -> None:
        if self.chosen_state_id() is None:
            self.message.setText(self.tr("No single state matches “{0}”.").format(self.edit.text()))
            return
        super().accept()
