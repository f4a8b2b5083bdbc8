"""Every undoable change as a named operation, one module per aggregate
(`ui.operations.organizations`, `ui.operations.contacts`), built by the generic helpers
here: dialogs and pages run these operations and never build undo steps inline."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, Protocol, TypeVar

from ui.undo import Operation, VersionBook, soft_deletion, versioned_edit

R = TypeVar("R")


class StoredRecord(Protocol):
    """A frozen record as the services return it: its id and which save it is."""

    @property
    def id(self) -> int: ...

    @property
    def version(self) -> int: ...


V = TypeVar("V", bound=StoredRecord)


class Guard(Protocol):
    """Runs a service call (a dialog's `errors.guarded` keeps a refusal to focus its field)."""

    def __call__(self, call: Callable[[], R], /) -> R: ...


def unguarded(call: Callable[[], R], /) -> R:
    """Run a service call as it is (the default where a dialog's `errors.guarded` would
    keep a refusal to focus its field)."""
    return call()


def create_op(
    text: str,
    create: Callable[[], R],
    delete: Callable[[R], object],
    restore: Callable[[R], object],
) -> Operation[R]:
    """Adding a record: undo deletes what was created, redo restores that same record
    (not a second copy)."""
    return Operation(text, do=create, undo=delete, redo=restore)


def delete_op(
    text: str, delete: Callable[[int], R], restore: Callable[[int], object], record_id: int
) -> Operation[R]:
    """Deleting a record softly: undo restores it, redo deletes it again."""
    return soft_deletion(text, delete, restore, record_id)


def same_value(old: object, new: object) -> bool:
    """Whether a typed value leaves a stored one as it is: text is compared trimmed (the
    services trim it), a typed list ("en, fr") against the stored tuple of codes."""
    if isinstance(new, str) and isinstance(old, tuple):
        return new.replace(" ", "") == ",".join(old)
    if isinstance(new, str) and isinstance(old, str):
        return new.strip() == old
    return old == new


def changed_fields(
    before: object, after_values: Mapping[str, Any], attributes: Mapping[str, str]
) -> tuple[dict[str, Any], dict[str, Any]]:
    """(new, old): the keywords whose value differs from `before`'s, with the new values
    and the old ones. `attributes` names the record's attribute for a keyword that is
    spelled otherwise ({"state": "state_id"})."""
    new: dict[str, Any] = {}
    old: dict[str, Any] = {}
    for keyword, value in after_values.items():
        stored = getattr(before, attributes.get(keyword, keyword))
        if not same_value(stored, value):
            new[keyword] = value
            old[keyword] = stored
    return new, old


def edit_op(
    text: str,
    before: V,
    after_values: Mapping[str, Any],
    update: Callable[..., V],
    *,
    book: VersionBook,
    kind: str,
    attributes: Mapping[str, str] | None = None,
) -> Operation[V] | None:
    """Editing a record, or None when `after_values` change nothing. Only the changed
    fields go to `update(version=…, **fields)`; undo sends back the old values of exactly
    those, checked against the versions in `book` (see `ui.undo.versioned_edit`)."""
    new, old = changed_fields(before, after_values, attributes or {})
    if not new:
        return None
    return versioned_edit(text, update, book, (kind, before.id), before.version, new=new, old=old)
