"""What every page of the main window offers the window around it."""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import QHeaderView, QWidget

from outreach.domain.changes import Changes, Entity
from ui.context import Selection

#: the property of a header whose widths came back from the settings: its page's first
#: fit to content leaves it as the officer left it
RESTORED = "outreach_restored"


class Restorable(Protocol):
    """A splitter or a table header: its layout saved as bytes and put back."""

    def saveState(self) -> QByteArray: ...

    def restoreState(self, state: QByteArray | bytes) -> bool: ...


class Page(QWidget):
    """A page of the main window. Subclasses override what they support."""

    #: the kinds of records whose changes make this page reload
    shows: tuple[Entity, ...] = ()

    @classmethod
    def title(cls) -> str:
        """The page's name in the navigation pane: a class's, so the pane lists every
        page before any is built (each is built on its first visit)."""
        raise NotImplementedError

    def reload(self) -> None:
        """Fetch from the services again (called on first show and on relevant changes)."""

    def on_changed(self, changes: Changes) -> None:
        if changes.touches(*self.shows):
            self._stale = True
            if self.isVisible():
                self.reload()
                self._stale = False

    def ensure_loaded(self) -> None:
        """Reload now if nothing is loaded yet or a change left the page stale."""
        if getattr(self, "_stale", True):
            self.reload()
            self._stale = False

    def showEvent(self, event: object) -> None:
        self.ensure_loaded()
        super().showEvent(event)  # type: ignore[arg-type]

    def selection(self) -> Selection:
        """What is selected here, for "Log a contact" and friends."""
        return Selection()

    def keep_edits(self) -> None:
        """Save what is typed in the page and not saved yet (the window is closing)."""

    def new_item(self) -> None:
        """Ctrl+N on this page."""

    def delete_selected(self) -> None:
        """Delete on this page (soft, undoable)."""

    def focus_filter(self) -> None:
        """Ctrl+F on this page."""

    def remembered_views(self) -> dict[str, Restorable]:
        """The splitters and table headers whose layout comes back next time, by the
        settings key they are kept under."""
        return {}

    def restore_state(self, settings: object) -> None:
        """Restore column widths, sort orders and splitters (a QSettings)."""
        if isinstance(settings, QSettings):
            for key, view in self.remembered_views().items():
                state = settings.value(key)
                if not isinstance(state, QByteArray | bytes):
                    continue
                restored = view.restoreState(QByteArray(state))
                if restored and isinstance(view, QHeaderView):  # the officer's widths
                    view.setProperty(RESTORED, True)

    def save_state(self, settings: object) -> None:
        """Save what restore_state restores."""
        if isinstance(settings, QSettings):
            for key, view in self.remembered_views().items():
                settings.setValue(key, view.saveState())
