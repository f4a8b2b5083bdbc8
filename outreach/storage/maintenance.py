"""Checks on a whole database: integrity, references and the audit trail's hash chain."""

from __future__ import annotations

from outreach.storage.audit_chain import audit_trail_problems
from outreach.storage.database import Database


def integrity_problems(db: Database) -> list[str]:
    """What the backend's integrity and foreign-key checks report, and every audit row
    changed or removed after it was written; empty when all is well."""
    with db.read() as session:
        connection = session.connection()
        return db.backend.integrity_problems(connection) + audit_trail_problems(connection)
