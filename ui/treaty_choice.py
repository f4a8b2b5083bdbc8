"""The treaty the window shows (View ▸ Treaty): the APMBC unless the officer chooses
another, remembered between sessions. The States page, a state's profile and its
dialogs, and the dashboard show the standing towards it and follow a change."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QObject, QSettings, Signal
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu

from outreach.services.states import DEFAULT_TREATY

SETTINGS_KEY = "view/treaty"


class TreatyChoice(QObject):
    """One treaty among `codes`, the first by default; `changed` says the new code."""

    changed = Signal(str)

    def __init__(self, codes: Sequence[str] = (DEFAULT_TREATY,), parent: QObject | None = None):
        super().__init__(parent)
        self.codes = tuple(codes) or (DEFAULT_TREATY,)
        self._code = self.codes[0]

    @property
    def code(self) -> str:
        return self._code

    def choose(self, code: str) -> None:
        """Show treaty `code` (one of `codes`; another is ignored)."""
        if code in self.codes and code != self._code:
            self._code = code
            self.changed.emit(code)

    def restore(self, settings: QSettings) -> None:
        remembered = settings.value(SETTINGS_KEY)
        if isinstance(remembered, str):
            self.choose(remembered)

    def save(self, settings: QSettings) -> None:
        settings.setValue(SETTINGS_KEY, self._code)

    def fill_menu(self, menu: QMenu) -> list[QAction]:
        """One checked action per treaty in `menu`, kept in step with the choice."""
        group = QActionGroup(menu)
        group.setExclusive(True)
        actions = []
        for code in self.codes:
            action = QAction(code, menu)
            action.setCheckable(True)
            action.setChecked(code == self._code)
            action.triggered.connect(lambda _checked=False, chosen=code: self.choose(chosen))
            group.addAction(action)
            menu.addAction(action)
            actions.append(action)
        self.changed.connect(lambda chosen: _check_only(actions, chosen))
        return actions


def _check_only(actions: list[QAction], code: str) -> None:
    for action in actions:
        action.setChecked(action.text() == code)
