"""Undo and redo over services: each command stores what it needs and calls services.

An operation is done once before it is pushed, so a refused change (bad input, locked
file) shows its message and never enters the undo stack. Commands never touch widgets;
the change bus refreshes the views after each service call.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Generic, TypeVar

from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import QWidget

from outreach.errors import OutreachError
from ui.errors import show_error

T = TypeVar("T")


@dataclass(frozen=True)
class Operation(Generic[T]):
    """`do` makes the change and returns what undo needs (an id, the old record);
    `undo` reverses it; `redo` repeats it (by default: `do` again)."""

    text: str
    do: Callable[[], T]
    undo: Callable[[T], object]
    redo: Callable[[T], object] | None = None


def soft_deletion(
    text: str, delete: Callable[[int], T], restore: Callable[[int], object], record_id: int
) -> Operation[T]:
    """Deleting a record softly as one step: undo restores it, redo deletes it again."""
    return Operation(
        text=text,
        do=lambda: delete(record_id),
        undo=lambda _deleted: restore(record_id),
        redo=lambda _deleted: delete(record_id),
    )


class _ServiceCommand(QUndoCommand, Generic[T]):
    def __init__(self, operation: Operation[T], result: T, report: Callable[[OutreachError], None]):
        super().__init__(operation.text)
        self._operation = operation
        self._result = result
        self._report = report
        self._first = True

    def redo(self) -> None:
        if self._first:  # already done before the push
            self._first = False
            return
        self._guard(
            lambda: (self._operation.redo or (lambda _r: self._operation.do()))(self._result)
        )

    def undo(self) -> None:
        self._guard(lambda: self._operation.undo(self._result))

    def _guard(self, call: Callable[[], object]) -> None:
        try:
            call()
        except OutreachError as error:
            self.setObsolete(True)  # the world moved on; drop it from the stack
            self._report(error)


class UndoRunner:
    """Runs operations for one window: shows errors, pushes what succeeded."""

    def __init__(self, stack: QUndoStack, parent: QWidget) -> None:
        self.stack = stack
        self._parent = parent

    def run(self, operation: Operation[T]) -> T | None:
        """Do it and push it; a refusal is shown and None returned."""
        try:
            return self.attempt(operation)
        except OutreachError as error:
            show_error(self._parent, error)
            return None

    def attempt(self, operation: Operation[T]) -> T:
        """Do it and push it; a refusal is raised, for dialogs that stay open to fix it."""
        result = operation.do()
        self.stack.push(_ServiceCommand(operation, result, self._report))
        return result

    def _report(self, error: OutreachError) -> None:
        show_error(self._parent, error)
