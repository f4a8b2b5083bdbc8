"""The audit trail, written by the session itself in the same transaction as each change.

A flush hook looks at every new, changed and deleted row and inserts one `audit_entry` per
record with the old and new values, so no service can forget to audit, and a rolled-back
transaction leaves no audit behind it. The same hook records which kinds of records
changed, which the database hands to its listeners after commit.
"""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import event, insert, inspect
from sqlalchemy.orm import Session

from outreach.domain.enums import AuditAction
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
        column.key for column in inspect(record).mapper.column_attrs if column.key not in UNAUDITED
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


def _row(
    action: AuditAction, record: Base, changes: dict[str, list[Any]], actor: str
) -> dict[str, Any]:
    return {
        "at": datetime.now(UTC).replace(tzinfo=None),
        "actor": actor,
        "action": action.value,
        "entity": record.__tablename__,
        "entity_id": getattr(record, "id", None),
        "state_id": _state_of(record),
        "changes": json.dumps(changes, ensure_ascii=False, sort_keys=True),
    }


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
    if rows:
        session.connection().execute(insert(AuditEntry), rows)


def install_audit(session: Session, actor: str) -> None:
    session.info[ACTOR_KEY] = actor
    event.listen(session, "after_flush", _audit_after_flush)
