"""Pickers shared by the log, démarche, calendar and forum dialogs: states and contacts
picked by typing part of a name (`PickList`), one state typed into a combo box
(`state_box`), a démarche to the chosen states (`DemarcheBox`), a vocabulary's members
by their labels (`choice_box`), and type-ahead for combo boxes. What they offer comes
from `ui.widgets.names`."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from enum import StrEnum
from typing import Any, TypeVar, cast

from PySide6.QtCore import QCoreApplication, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QCompleter,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from outreach.domain.records import DemarcheRecord
from outreach.errors import OutreachError
from outreach.folding import fold
from outreach.services.demarches import DemarcheService
from ui.widgets.completion import enter_takes_completion
from ui.widgets.names import Choice, StateNames

ID_ROLE = Qt.ItemDataRole.UserRole + 10
MAX_SUGGESTIONS = 50
E = TypeVar("E", bound=StrEnum)


class _PickLine(QLineEdit):
    """A line edit where Return picks what was typed instead of closing the dialog."""

    submitted = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not (
            event.modifiers() & Qt.KeyboardModifier.ControlModifier
        ):
            self.submitted.emit()
            event.accept()
            return
        super().keyPressEvent(event)


class PickList(QWidget):
    """Several things picked by typing part of a name (ignoring case and accents).

    `source` is what typing is matched against, in the order suggestions are offered;
    `search`, when given, is asked for what the source does not hold (a long contact
    list is searched in the service rather than held whole). `name` is what a screen
    reader calls the field (a form's label names the pick list, not the line and the list
    inside it, which are named after it).
    """

    changed = Signal()

    def __init__(
        self,
        placeholder: str,
        parent: QWidget | None = None,
        *,
        name: str,
        search: Callable[[str], list[Choice]] | None = None,
    ) -> None:
        super().__init__(parent)
        self._source: list[Choice] = []
        self._search = search
        self._chosen: dict[int, Choice] = {}
        self._suggestions = QStandardItemModel(self)

        self.line = _PickLine(self)
        self.line.setPlaceholderText(placeholder)
        self.completer = QCompleter(self._suggestions, self)
        self.completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.line.setCompleter(self.completer)
        enter_takes_completion(self.line)  # the first Enter picks the suggestion
        self.line.textEdited.connect(self._suggest)
        self.line.submitted.connect(self.submit_pending)
        # the overload that gives the suggestion's index, not its text
        cast(Any, self.completer.activated)[QModelIndex].connect(self._picked)

        self.chosen = QListWidget(self)
        self.line.setAccessibleName(name)
        self.chosen.setAccessibleName(self.tr("{0} chosen").format(name))
        self.chosen.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.chosen.setMaximumHeight(self.chosen.fontMetrics().height() * 5)
        self.chosen.itemDoubleClicked.connect(lambda _item: self.remove_selected())
        remove = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.chosen)
        remove.setContext(Qt.ShortcutContext.WidgetShortcut)
        remove.activated.connect(self.remove_selected)
        self.remove_button = QToolButton(self)
        self.remove_button.setText(self.tr("Remove"))
        self.remove_button.setToolTip(self.tr("Remove the selected names (Delete)"))
        self.remove_button.clicked.connect(self.remove_selected)

        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.chosen, 1)
        row.addWidget(self.remove_button, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.line)
        layout.addLayout(row)
        self.setFocusProxy(self.line)

    # --- what can be picked -------------------------------------------------------------

    def set_source(self, choices: list[Choice]) -> None:
        self._source = list(choices)

    def matches(self, text: str) -> list[Choice]:
        needle = fold(text)
        if not needle:
            return []
        return [
            choice
            for choice in self._source
            if choice.id not in self._chosen and choice.matches(needle)
        ][:MAX_SUGGESTIONS]

    def _suggest(self, text: str) -> None:
        self._offer(self.matches(text))

    def _offer(self, choices: list[Choice]) -> None:
        self._suggestions.clear()
        for choice in choices:
            item = QStandardItem(choice.label)
            item.setData(choice.id, ID_ROLE)
            item.setData(choice, ID_ROLE + 1)
            item.setEditable(False)
            self._suggestions.appendRow(item)

    def _offered(self, label: str) -> Choice | None:
        """The suggestion on offer whose label is `label`, if any."""
        for row in range(self._suggestions.rowCount()):
            item = self._suggestions.item(row)
            choice = item.data(ID_ROLE + 1)
            if item.text() == label and isinstance(choice, Choice):
                return choice
        return None

    def _picked(self, index: QModelIndex | QPersistentModelIndex) -> None:
        choice = index.data(ID_ROLE + 1)
        if isinstance(choice, Choice):
            self.add(choice)
        self.line.clear()
        self._offer([])

    def submit_pending(self) -> bool:
        """Pick what is typed in the line (the best suggestion); False when nothing
        matches it, so the caller can say so. An empty line is fine."""
        text = self.line.text().strip()
        if not text:
            return True
        offered = self._offered(text)
        if offered is not None:  # a suggestion taken whole ("Cambodia (KHM)")
            self.add(offered)
            self.line.clear()
            self._offer([])
            return True
        found = self.matches(text)
        if not found and self._search is not None:
            found = [choice for choice in self._search(text) if choice.id not in self._chosen]
            if len(found) > 1:  # several people match: let the user choose
                self._offer(found[:MAX_SUGGESTIONS])
                self.completer.complete()
                return False
        if not found:
            return False
        exact = [choice for choice in found if fold(text) in choice.keys.split(" | ")]
        self.add((exact or found)[0])
        self.line.clear()
        self._offer([])
        return True

    # --- what is picked -------------------------------------------------------------------

    def add(self, choice: Choice) -> None:
        if choice.id in self._chosen:
            return
        self._chosen[choice.id] = choice
        item = QListWidgetItem(choice.label, self.chosen)
        item.setData(ID_ROLE, choice.id)
        self.changed.emit()

    def set_chosen(self, choices: list[Choice]) -> None:
        self._chosen.clear()
        self.chosen.clear()
        for choice in choices:
            if choice.id not in self._chosen:
                self._chosen[choice.id] = choice
                QListWidgetItem(choice.label, self.chosen).setData(ID_ROLE, choice.id)
        self.changed.emit()

    def remove_selected(self) -> None:
        items = self.chosen.selectedItems()
        if not items:
            return
        for item in items:
            self._chosen.pop(int(item.data(ID_ROLE)), None)
            self.chosen.takeItem(self.chosen.row(item))
        self.changed.emit()

    def ids(self) -> list[int]:
        return list(self._chosen)

    def labels(self) -> list[str]:
        return [choice.label for choice in self._chosen.values()]


class DemarcheBox(QComboBox):
    """A démarche or "(none)": the open démarches to the states given to `offer_for`,
    plus the one chosen (kept even when closed or when its state is no longer given)."""

    def __init__(
        self, demarches: DemarcheService, states: StateNames, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._service = demarches
        self._states = states
        self._offered: dict[int, DemarcheRecord] = {}
        self.addItem(self.tr("(none)"), None)

    def offer_for(self, state_ids: Iterable[int]) -> None:
        current = self.current_id()
        found: dict[int, DemarcheRecord] = {}
        for state_id in state_ids:
            try:
                for record in self._service.list(state=state_id, open_only=True):
                    found[record.id] = record
            except OutreachError:
                continue  # busy: that state's démarches are offered next time
        if current is not None and current in self._offered:
            found.setdefault(current, self._offered[current])
        self._offered = found
        self.blockSignals(True)
        self.clear()
        self.addItem(self.tr("(none)"), None)
        for record in found.values():
            self.addItem(self._label(record), record.id)
        row = self.findData(current) if current is not None else 0
        self.setCurrentIndex(max(row, 0))
        self.blockSignals(False)

    def select(self, record: DemarcheRecord) -> None:
        self._offered[record.id] = record
        row = self.findData(record.id)
        if row < 0:
            self.addItem(self._label(record), record.id)
            row = self.count() - 1
        self.setCurrentIndex(row)

    def current_id(self) -> int | None:
        value = self.currentData()
        return value if isinstance(value, int) else None

    def _label(self, record: DemarcheRecord) -> str:
        return self.tr("{0} ({1}, {2})").format(
            record.title, self._states.iso3(record.state_id), record.status.value
        )


def type_ahead(combo: QComboBox, find: Callable[[str], int | None] | None = None) -> None:
    """Make `combo` take typing: suggestions contain what is typed; on leaving the field,
    text that names no item is looked up with `find` (aliases, codes) or put back."""
    combo.setEditable(True)
    combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    completer = combo.completer()
    assert completer is not None  # an editable combo box has one
    completer.setFilterMode(Qt.MatchFlag.MatchContains)
    completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)

    def settle() -> None:
        text = combo.currentText()
        row = combo.findText(text, Qt.MatchFlag.MatchFixedString)
        if row < 0 and find is not None and text.strip():
            found = find(text)
            row = combo.findData(found) if found is not None else -1
        if row < 0:
            row = combo.currentIndex()
        if row != combo.currentIndex():
            combo.setCurrentIndex(row)
        else:
            combo.setEditText(combo.itemText(row))

    line = combo.lineEdit()
    assert line is not None
    line.editingFinished.connect(settle)

    def take_and_move_on() -> None:
        """Enter on a suggestion: take it and go to the next field (not the dialog's OK)."""
        settle()
        following = combo.nextInFocusChain()
        while (
            following is not None
            and following is not combo
            and (following.focusPolicy() == Qt.FocusPolicy.NoFocus or combo.isAncestorOf(following))
        ):
            following = following.nextInFocusChain()
        if following is not None:
            following.setFocus(Qt.FocusReason.TabFocusReason)

    enter_takes_completion(line, take_and_move_on)


def refill(box: QComboBox, everything: str, items: Iterable[tuple[str, object]]) -> None:
    """Offer `everything` (a filter's "All …", data None) then `items` (label, data),
    keeping the choice made while it is still offered (else `everything`), and without
    signalling a change."""
    chosen = box.currentData()
    box.blockSignals(True)
    box.clear()
    box.addItem(everything, None)
    for label, data in items:
        box.addItem(label, data)
    box.setCurrentIndex(max(box.findData(chosen), 0) if chosen is not None else 0)
    box.blockSignals(False)


def choice_box(members: Iterable[E], label: Callable[[E], str], parent: QWidget) -> QComboBox:
    """A combo box of a vocabulary's members, each shown by its label, its value as data."""
    box = QComboBox(parent)
    for member in members:
        box.addItem(label(member), member.value)
    return box


def state_box(names: StateNames, parent: QWidget) -> QComboBox:
    """A combo box of every state, typed into to find one (name, code or alias); none
    chosen at first."""
    box = QComboBox(parent)
    for choice in names.choices():
        box.addItem(choice.label, choice.id)
    type_ahead(box, names.find)
    box.setCurrentIndex(-1)
    line = box.lineEdit()
    assert line is not None
    line.setPlaceholderText(
        QCoreApplication.translate("StatePicker", "Type a state's name, code or alias…")
    )
    return box


def chosen_state(box: QComboBox, names: StateNames) -> int | None:
    """The state typed or chosen in a `state_box`: an item's text, else a name, code or
    alias; None when nothing is typed or nothing matches."""
    text = box.currentText().strip()
    if not text:
        return None
    row = box.findText(text, Qt.MatchFlag.MatchFixedString)
    if row >= 0:
        value = box.itemData(row)
        return value if isinstance(value, int) else None
    return names.find(text)
