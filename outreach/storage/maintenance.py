"""Checks on a whole database file: integrity and references."""

from __future__ import annotations

from outreach.storage.database import Database


def integrity_problems(db: Database) -> list[str]:
    """What SQLite's integrity and foreign-key checks report; empty when all is well."""
    problems: list[str] = []
    with db.read() as session:
        connection = session.connection()
        for (line,) in connection.exec_driver_sql("PRAGMA integrity_check").fetchall():
            if line != "ok":
                problems.append(f"integrity: {line}")
        for table, rowid, parent, _fk in connection.exec_driver_sql(
            "PRAGMA foreign_key_check"
        ).fetchall():
            problems.append(f"{table} row {rowid} refers to a missing {parent}")
    return problems
