"""The generic operations of `ui.operations`, over an in-memory store: an edit writes only
what changed and its undo puts back exactly that; create and delete undo and redo."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any

from ui.operations import create_op, delete_op, edit_op
from ui.undo import UndoRunner, VersionBook


@dataclass(frozen=True)
class Place:
    id: int
    name: str
    city: str
    state_id: int | None
    version: int = field(default=1, compare=False)  # as on the services' records


class Store:
    """Records by id, with the calls made to it."""

    def __init__(self) -> None:
        self.live: dict[int, Place] = {}
        self.deleted: dict[int, Place] = {}
        self.updates: list[dict[str, Any]] = []

    def create(self) -> Place:
        place = Place(len(self.live) + len(self.deleted) + 1, "Ministry", "Phnom Penh", 7)
        self.live[place.id] = place
        return place

    def update(self, place_id: int, *, version: int | None, **fields: Any) -> Place:
        self.updates.append(fields)
        place = self.live[place_id]
        assert version == place.version, "written over a version it did not see"
        changes = {("state_id" if key == "state" else key): value for key, value in fields.items()}
        self.live[place_id] = dataclasses.replace(place, **changes, version=place.version + 1)
        return self.live[place_id]

    def delete(self, place_id: int) -> Place:
        self.deleted[place_id] = self.live.pop(place_id)
        return self.deleted[place_id]

    def restore(self, place_id: int) -> Place:
        self.live[place_id] = self.deleted.pop(place_id)
        return self.live[place_id]


def _edit(store: Store, before: Place, values: dict[str, Any], book: VersionBook) -> Any:
    return edit_op(
        "Edit place",
        before,
        values,
        store.update,
        book=book,
        kind="place",
        stored={"state": before.state_id},
    )


def test_an_edit_sends_only_the_changed_fields_and_undo_puts_back_exactly_those(
    undo_runner: UndoRunner,
) -> None:
    store = Store()
    before = store.create()
    typed = {"name": "Ministry ", "city": "Siem Reap", "state": 7}  # name only re-spaced
    operation = _edit(store, before, typed, undo_runner.versions)
    assert operation is not None and operation.text == "Edit place"

    undo_runner.run(operation)
    assert store.updates == [{"city": "Siem Reap"}]
    assert store.live[before.id].city == "Siem Reap"

    undo_runner.stack.undo()
    assert store.updates[-1] == {"city": "Phnom Penh"}
    assert store.live[before.id] == before  # the same fields as before the edit

    undo_runner.stack.redo()
    assert store.updates[-1] == {"city": "Siem Reap"}
    assert store.live[before.id].version == 4  # each step wrote over the one before it


def test_a_renamed_keyword_is_compared_with_its_record_attribute(
    undo_runner: UndoRunner,
) -> None:
    store = Store()
    before = store.create()
    operation = _edit(store, before, {"state": None}, undo_runner.versions)
    assert operation is not None
    undo_runner.run(operation)
    undo_runner.stack.undo()
    assert store.updates == [{"state": None}, {"state": 7}]


def test_an_edit_that_changes_nothing_is_no_operation(undo_runner: UndoRunner) -> None:
    store = Store()
    before = store.create()
    typed = {"name": " Ministry", "city": "Phnom Penh", "state": 7}
    assert _edit(store, before, typed, undo_runner.versions) is None


def test_create_undo_deletes_it_and_redo_restores_the_same_record(
    undo_runner: UndoRunner,
) -> None:
    store = Store()
    operation = create_op(
        "Add place",
        store.create,
        lambda created: store.delete(created.id),
        lambda created: store.restore(created.id),
    )
    created = undo_runner.run(operation)
    assert created is not None and list(store.live) == [created.id]

    undo_runner.stack.undo()
    assert store.live == {} and list(store.deleted) == [created.id]

    undo_runner.stack.redo()
    assert store.live == {created.id: created}  # the same record, not a second one


def test_delete_undo_restores_and_redo_deletes_again(undo_runner: UndoRunner) -> None:
    store = Store()
    place = store.create()
    undo_runner.run(delete_op("Delete place", store, place.id))
    assert store.live == {}
    assert undo_runner.stack.undoText() == "Delete place"

    undo_runner.stack.undo()
    assert store.live == {place.id: place}

    undo_runner.stack.redo()
    assert store.live == {} and place.id in store.deleted
