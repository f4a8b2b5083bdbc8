"""Shared fixtures: every test gets its own temporary database file, never the user's."""

from __future__ import annotations

import shutil
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


@pytest.fixture(scope="session")
def reference_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A database file holding the shipped reference data, built once per test run."""
    from outreach.reference.loader import load_reference

    path = tmp_path_factory.mktemp("reference") / "reference.db"
    database = open_database(path, actor="test-officer")
    try:
        load_reference(database)
    finally:
        database.close()
    return path


@pytest.fixture
def reference_db(reference_template: Path, tmp_path: Path) -> Iterator[Database]:
    """A private copy of the reference database (states, the APMBC, seats, forums)."""
    path = tmp_path / "outreach-reference.db"
    shutil.copy2(reference_template, path)
    for suffix in ("-wal", "-shm"):
        sidecar = reference_template.with_name(reference_template.name + suffix)
        if sidecar.exists():
            shutil.copy2(sidecar, path.with_name(path.name + suffix))
    database = open_database(path, actor="test-officer")
    yield database
    database.close()
