"""Shared fixtures: every test gets its own temporary database file, never the user's."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select

from outreach.storage.database import Database, open_database
from outreach.storage.models import AuditEntry, State


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "outreach-test.db"


@pytest.fixture
def db(db_path: Path) -> Iterator[Database]:
    """An empty, migrated database (no reference data)."""
    database = open_database(db_path, actor="test-officer")
    yield database
    database.close()


@pytest.fixture
def few_states(db: Database) -> dict[str, int]:
    """A handful of states, by ISO3 -> id, for tests that need some to point at."""
    rows = [
        ("KH", "KHM", "Cambodia", "Asia", "South-eastern Asia"),
        ("PK", "PAK", "Pakistan", "Asia", "Southern Asia"),
        ("CI", "CIV", "Côte d'Ivoire", "Africa", "Western Africa"),
        ("TR", "TUR", "Türkiye", "Asia", "Western Asia"),
        ("CA", "CAN", "Canada", "Americas", "Northern America"),
    ]
    with db.write() as session:
        states = [
            State(iso2=iso2, iso3=iso3, name=name, region=region, subregion=subregion)
            for iso2, iso3, name, region, subregion in rows
        ]
        session.add_all(states)
        session.flush()
        return {state.iso3: state.id for state in states}


@pytest.fixture
def audit_count(db: Database) -> Callable[[], int]:
    """How many audit rows the database holds: a refused call must not add any."""

    def count() -> int:
        with db.read() as session:
            return session.scalar(select(func.count(AuditEntry.id))) or 0

    return count
