"""Every undoable change as a named operation, one module per aggregate
(`ui.operations.organizations`, `ui.operations.contacts`), built by the generic helpers
here: dialogs and pages run these operations and never build undo steps inline."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, Protocol, TypeVar

from ui.undo import Operation, VersionBook, soft_deletion, versioned_edit

R = TypeVar("R")
R_co = TypeVar("R_co", covariant=True)


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


class SoftDeleting(Protocol[R_co]):
    """A service whose records are deleted softly and can be restored."""

    def delete(self, record_id: int, /) -> R_co: ...

    def restore(self, record_id: int, /) -> object: ...


def delete_op(text: str, service: SoftDeleting[R], record_id: int) -> Operation[R]:
    """Deleting a record softly: undo restores it, redo deletes it again."""
    return soft_deletion(text, service.delete, service.restore, record_id)


class Identified(Protocol):
    @property
    def id(self) -> int: ...


Created = TypeVar("Created", bound=Identified)


def soft_create_op(
    text: str,
    create: Callable[[], Created],
    service: SoftDeleting[object],
    guard: Guard = unguarded,
) -> Operation[Created]:
    """Adding a record that `service` deletes softly (`create_op` with the service's
    delete and restore). Only the first `create` runs under `guard`."""
    return create_op(
        text,
        lambda: guard(create),
        lambda created: service.delete(created.id),
        lambda created: service.restore(created.id),
    )


def same_value(old: object, new: object) -> bool:
    """Whether a typed value leaves a stored one as it is: text is compared trimmed (the
    services trim it), a typed list ("en, fr") against the stored tuple of codes, chosen
    ids against the stored tuple in any order."""
    if isinstance(new, list | tuple) and isinstance(old, tuple):
        return sorted(new) == sorted(old)
    if isinstance(new, str) and isinstance(old, tuple):
        return new.replace(" ", "") == ",".join(old)
    if isinstance(new, str) and isinstance(old, str):
        return new.strip() == old
    return old == new


def changed_fields(
    before: object, after_values: Mapping[str, Any], stored: Mapping[str, Any]
) -> tuple[dict[str, Any], dict[str, Any]]:
    """(new, old): the keywords whose value differs from `before`'s, with the new values
    and the old ones. `stored` gives the old value of a keyword that is not an attribute
    of the record ({"state": before.state_id})."""
    new: dict[str, Any] = {}
    old: dict[str, Any] = {}
    for keyword, value in after_values.items():
        was = stored[keyword] if keyword in stored else getattr(before, keyword)
        if not same_value(was, value):
            new[keyword] = value
            old[keyword] = was
    return new, old


def edit_op(
    text: str,
    before: V,
    after_values: Mapping[str, Any],
    update: Callable[..., V],
    *,
    book: VersionBook,
    kind: str,
    stored: Mapping[str, Any] | None = None,
    guard: Guard = unguarded,
) -> Operation[V] | None:
    """Editing a record, or None when `after_values` change nothing. Only the changed
    fields go to the service's `update(before.id, version=…, **fields)`; undo sends back
    the old values of exactly those, checked against the versions in `book` (see
    `ui.undo.versioned_edit`)."""
    new, old = changed_fields(before, after_values, stored or {})
    if not new:
        return None
    record_id = before.id

    def save(**fields: Any) -> V:
        return guard(lambda: update(record_id, **fields))

    return versioned_edit(text, save, book, (kind, record_id), before.version, new=new, old=old)


T = TypeVar("T")


def set_op(
    text: str,
    put: Callable[[T], R],
    new: T,
    old: T,
    guard: Guard = unguarded,
) -> Operation[R]:
    """Setting one thing (a status, a link, a set of dates) to `new` with `put`: undo
    puts `old` back, redo `new` again. Only the first `put` runs under `guard`."""
    return Operation(
        text,
        do=lambda: guard(lambda: put(new)),
        undo=lambda _done: put(old),
        redo=lambda _done: put(new),
    )


def unversioned_edit_op(
    text: str,
    before: Identified,
    after_values: Mapping[str, Any],
    update: Callable[..., R],
    *,
    stored: Mapping[str, Any] | None = None,
    guard: Guard = unguarded,
) -> Operation[R] | None:
    """Editing a record as `edit_op` does (None when nothing changes; only the changed
    fields go to the service's `update(before.id, **fields)`, undo sends back exactly
    their old values), for the records whose edits were never checked against versions."""
    new, old = changed_fields(before, after_values, stored or {})
    if not new:
        return None
    record_id = before.id
    return set_op(text, lambda fields: update(record_id, **fields), new, old, guard)
