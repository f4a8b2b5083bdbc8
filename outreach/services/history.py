"""The audit trail, read back: who changed what and when, for a state or one record.

The storage layer writes one `audit_entry` per changed record in the same transaction as
the change; this service only reads it.
"""

from __future__ import annotations

import json

from sqlalchemy import ColumnElement, select
from sqlalchemy.orm import Session

from outreach.domain.records import AuditRecord
from outreach.errors import ValidationError
from outreach.i18n import _
from outreach.services import common, lookup
from outreach.services.base import Service
from outreach.storage.models import AuditEntry, Base


def audit_record(entry: AuditEntry) -> AuditRecord:
    changes = json.loads(entry.changes or "{}")
    listed = {name: list(values) for name, values in changes.items()}
    return common.record_of(AuditRecord, entry, changes=listed)


def _newest_first(
    session: Session, condition: ColumnElement[bool], limit: int | None
) -> list[AuditRecord]:
    query = (
        select(AuditEntry)
        .where(condition)
        .order_by(AuditEntry.at.desc(), AuditEntry.id.desc())
        .limit(limit)
    )
    return [audit_record(entry) for entry in session.scalars(query)]


class HistoryService(Service):
    def for_state(self, state: str | int, *, limit: int | None = None) -> list[AuditRecord]:
        """Every change that concerns `state` (ISO code, name or id), newest first: the
        state itself and the records that point at it (contacts, démarches, memberships,
        log entries' state links, …)."""
        common.check_paging(0, limit)
        with self._db.read() as session:
            state_id = lookup.state(session, state).id
            return _newest_first(session, AuditEntry.state_id == state_id, limit)

    def for_entity(
        self, entity: str, entity_id: int, *, limit: int | None = None
    ) -> list[AuditRecord]:
        """Every change to one record, newest first. `entity` is the table name
        (contact, demarche, log_entry, meeting, …)."""
        common.check_paging(0, limit)
        if entity not in Base.metadata.tables or entity == AuditEntry.__tablename__:
            known = ", ".join(
                sorted(t for t in Base.metadata.tables if t != AuditEntry.__tablename__)
            )
            message = _("'{entity}' is not a kind of record; use one of: {known}.")
            raise ValidationError(message.format(entity=entity, known=known))
        with self._db.read() as session:
            return _newest_first(
                session,
                (AuditEntry.entity == entity) & (AuditEntry.entity_id == entity_id),
                limit,
            )
