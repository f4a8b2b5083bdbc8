"""Checks on a whole database: integrity and references."""

from __future__ import annotations

from outreach.storage.database import Database


def integrity_problems(db: Database) -> list[str]:
    """What the backend's integrity and foreign-key checks report; empty when all is well."""
    with db.read() as session:
        return db.backend.integrity_problems(session.connection())
