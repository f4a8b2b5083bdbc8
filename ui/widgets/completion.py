"""Enter in a type-ahead field takes what it shows and goes on: with the suggestions
open, the first Enter takes the highlighted one, or the only one, or the one that is
exactly what was typed, and is then handed to the field as if the list had not been
there (a dialog's default button, a form's next step). Qt's own completer swallows
that first Enter, and a second was needed."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QApplication, QCompleter, QLineEdit

ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class EnterTakesCompletion(QObject):
    """Watches a completer's list (install with `enter_takes_completion`)."""

    def __init__(
        self,
        line: QLineEdit,
        completer: QCompleter,
        popup: QAbstractItemView,
        then: Callable[[], object] | None = None,
    ) -> None:
        super().__init__(completer)
        self._line = line
        self._completer = completer
        self._popup = popup
        self._then = then

    def chosen(self) -> str | None:
        """The suggestion Enter takes: the highlighted, else the only, else the exact one."""
        completer = self._completer
        current = self._popup.currentIndex()
        if current.isValid():
            return str(current.data(completer.completionRole()))
        model = completer.completionModel()
        texts = [
            str(model.index(row, completer.completionColumn()).data(completer.completionRole()))
            for row in range(model.rowCount())
        ]
        if len(texts) == 1:
            return texts[0]
        typed = self._line.text().strip().casefold()
        exact = [text for text in texts if text.casefold() == typed]
        return exact[0] if len(exact) == 1 else None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in ENTER_KEYS
            and self._popup.isVisible()
        ):
            chosen = self.chosen()
            if chosen is not None:
                self._popup.hide()
                self._line.setText(chosen)
                self._line.setFocus()
                if self._then is not None:
                    self._then()
                else:
                    key = QKeyEvent(
                        QEvent.Type.KeyPress, event.key(), event.modifiers(), event.text()
                    )
                    QApplication.sendEvent(self._line, key)
                return True
        return super().eventFilter(watched, event)


def enter_takes_completion(
    line: QLineEdit, then: Callable[[], object] | None = None
) -> EnterTakesCompletion | None:
    """Make the first Enter in `line` take its completer's suggestion and go on: to
    `then()` when given, else the Enter goes to the field as if typed there."""
    completer = line.completer()
    popup = completer.popup() if completer is not None else None
    if completer is None or popup is None:
        return None
    watcher = EnterTakesCompletion(line, completer, popup, then)
    popup.installEventFilter(watcher)
    return watcher
