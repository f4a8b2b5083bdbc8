"""The audit trail, written by the session itself in the same transaction as each change.

A flush hook looks at every new, changed and deleted row and inserts one `audit_entry` per
record with the old and new values, so no service can forget to audit, and a rolled-back
transaction leaves no audit behind it. The same hook records which kinds of records
changed, which the database hands to its listeners after commit. Each row is chained to
the one before it by a hash (`audit_chain`): here on a file, by the server's trigger on a
server.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import event, insert, inspect
from sqlalchemy.orm import Session

from outreach.domain.enums import AuditAction
from outreach.storage.audit_chain import (
    HASHED,
    chained,
    chained_by_the_server,
    last_hash,
    row_hash,
)
from outreach.storage.models import AuditEntry, Base, State

CHANGED_KEY = "outreach.changed"
ACTOR_KEY = "outreach.actor"


def _plain(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    return value


def _state_of(record: Base) -> int | None:
    if isinstance(record, State):
        return record.id
    state_id = getattr(record, "state_id", None)
    return state_id if isinstance(state_id, int) else None


#: Bookkeeping, not content: a record's version goes up with every change anyway.
UNAUDITED = frozenset({"version"})


def _column_names(record: Base) -> list[str]:
    return [
        attribute.key
        for attribute in inspect(record).mapper.column_attrs
        if attribute.key not in UNAUDITED
        and all(column.info.get("audited", True) for column in attribute.columns)
    ]


def _created(record: Base) -> dict[str, list[Any]]:
    return {
        name: [None, _plain(getattr(record, name))]
        for name in _column_names(record)
        if name != "id" and getattr(record, name) not in (None, "")
    }


def _deleted(record: Base) -> dict[str, list[Any]]:
    return {name: [_plain(getattr(record, name)), None] for name in _column_names(record)}


def _updated(record: Base) -> dict[str, list[Any]]:
    changes: dict[str, list[Any]] = {}
    state = inspect(record)
    for name in _column_names(record):
        history = state.attrs[name].history
        if not history.has_changes():
            continue
        old = history.deleted[0] if history.deleted else None
        new = history.added[0] if history.added else None
        if old != new:
            changes[name] = [_plain(old), _plain(new)]
    return changes


def _update_action(changes: dict[str, list[Any]]) -> AuditAction:
    if "deleted_at" in changes:
        old, new = changes["deleted_at"]
        if old is None and new is not None:
            return AuditAction.DELETE
        if old is not None and new is None:
            return AuditAction.RESTORE
    return AuditAction.UPDATE


def _entry(
    action: AuditAction,
    entity: str,
    entity_id: int | None,
    state_id: int | None,
    changes: dict[str, list[Any]],
    actor: str,
    at: datetime | None = None,
) -> dict[str, Any]:
    """One audit row's values (its hashes are added when it is chained)."""
    return {
        "at": at or datetime.now(UTC).replace(tzinfo=None),
        "actor": actor,
        "action": action.value,
        "entity": entity,
        "entity_id": entity_id,
        "state_id": state_id,
        "changes": json.dumps(changes, ensure_ascii=False, sort_keys=True),
    }


def _row(
    action: AuditAction, record: Base, changes: dict[str, list[Any]], actor: str
) -> dict[str, Any]:
    entity_id = getattr(record, "id", None)
    return _entry(action, record.__tablename__, entity_id, _state_of(record), changes, actor)


def _audit_after_flush(session: Session, _context: object) -> None:
    actor = str(session.info.get(ACTOR_KEY, "unknown"))
    changed: set[str] = session.info.setdefault(CHANGED_KEY, set())
    rows: list[dict[str, Any]] = []
    for record in session.new:
        if isinstance(record, AuditEntry):
            continue
        rows.append(_row(AuditAction.CREATE, record, _created(record), actor))
    for record in session.dirty:
        if isinstance(record, AuditEntry) or not session.is_modified(record):
            continue
        changes = _updated(record)
        if changes:
            rows.append(_row(_update_action(changes), record, changes, actor))
    for record in session.deleted:
        rows.append(_row(AuditAction.DELETE, record, _deleted(record), actor))
    rows = [row for row in rows if row["entity_id"] is not None]
    changed.update(str(row["entity"]) for row in rows)
    _insert_chained(session, rows)


def _insert_chained(session: Session, rows: list[dict[str, Any]]) -> None:
    """Insert audit rows in the session's transaction, chained to the last one (on a
    file here; on a server its trigger does it)."""
    if not rows:
        return
    connection = session.connection()
    if not chained_by_the_server(connection):
        rows = list(chained(rows, last_hash(connection)))
    connection.execute(insert(AuditEntry), rows)


def _chain_entries_before_flush(session: Session, _context: object, _objects: object) -> None:
    """Audit rows a service adds itself (a merge's) are chained before they go in, in
    the order they were added, which is the order the flush inserts them in."""
    entries = [
        record
        for record in session.new
        if isinstance(record, AuditEntry) and record.row_hash is None
    ]
    if not entries:
        return
    connection = session.connection()
    if chained_by_the_server(connection):
        return
    entries.sort(key=lambda entry: inspect(entry).insert_order or 0)
    previous = last_hash(connection)
    for entry in entries:
        if entry.changes is None:
            entry.changes = "{}"  # the column's default, which the hash must see
        entry.prev_hash = previous
        entry.row_hash = previous = row_hash(
            {name: getattr(entry, name) for name in HASHED}, previous
        )


def created_changes(values: Mapping[str, Any]) -> dict[str, list[Any]]:
    """What the trail records of a new record written in bulk: as for one the session
    flushes, every value but the id and bookkeeping, leaving out the empty ones."""
    return {
        name: [None, _plain(value)]
        for name, value in values.items()
        if name != "id" and name not in UNAUDITED and value not in (None, "")
    }


def audit_bulk(
    session: Session,
    action: AuditAction,
    entity: str,
    entries: Iterable[tuple[int, int | None, dict[str, list[Any]]]],
) -> None:
    """Audit rows for records written by bulk statements, which the flush hook does not
    see: one per (id, state id, changes), in the session's transaction; the table is
    noted as changed for the database's listeners."""
    actor = str(session.info.get(ACTOR_KEY, "unknown"))
    at = datetime.now(UTC).replace(tzinfo=None)
    rows = [
        _entry(action, entity, entity_id, state_id, changes, actor, at)
        for entity_id, state_id, changes in entries
    ]
    if rows:
        session.info.setdefault(CHANGED_KEY, set()).add(entity)
    _insert_chained(session, rows)


def install_audit(session: Session, actor: str) -> None:
    session.info[ACTOR_KEY] = actor
    event.listen(session, "before_flush", _chain_entries_before_flush)
    event.listen(session, "after_flush", _audit_after_flush)
