"""Undo and redo over services: each command stores what it needs and calls services.

An operation is done once before it is pushed, so a refused change (bad input, locked
file) shows its message and never enters the undo stack. Commands never touch widgets;
the change bus refreshes the views after each service call.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, Generic, Protocol, TypeVar

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


class Versioned(Protocol):
    @property
    def version(self) -> int: ...


V = TypeVar("V", bound=Versioned)

RecordKey = tuple[str, int]  # (kind of record, id)


class VersionBook:
    """The version of each record as this window last wrote it.

    Undo and redo check their write against it: when another officer saved the record
    since, the step is refused (and says who) rather than put old values over theirs.
    One book per window, shared by its operations, so undoing several steps on one
    record in a row works: each step leaves the version the next one expects.
    """

    def __init__(self) -> None:
        self._written: dict[RecordKey, int] = {}

    def version(self, key: RecordKey, otherwise: int | None) -> int | None:
        return self._written.get(key, otherwise)

    def wrote(self, key: RecordKey, version: int) -> None:
        self._written[key] = version


def versioned_edit(
    text: str,
    save: Callable[..., V],
    book: VersionBook,
    key: RecordKey,
    seen: int,
    *,
    new: Mapping[str, Any],
    old: Mapping[str, Any],
) -> Operation[V]:
    """An edit of a record that carries a version: `save(version=…, **fields)` writes
    `new` over the version the user saw; undo writes `old` back and redo `new` again,
    over the version this window last wrote (see `VersionBook`). Each refuses
    (StaleRecordError: shown, nothing overwritten) when someone saved in between."""

    def write(values: Mapping[str, Any], version: int | None) -> V:
        record = save(version=version, **values)
        book.wrote(key, record.version)
        return record

    return Operation(
        text=text,
        do=lambda: write(new, seen),
        undo=lambda _saved: write(old, book.version(key, seen)),
        redo=lambda _saved: write(new, book.version(key, seen)),
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
        self.versions = VersionBook()

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
