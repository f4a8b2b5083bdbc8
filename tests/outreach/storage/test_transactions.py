"""Transactions: all or nothing, even when the process is killed in the middle."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from outreach.domain.changes import Changes, Entity
from outreach.errors import ValidationError
from outreach.setup import open_database
from outreach.storage.database import Database
from outreach.storage.maintenance import integrity_problems
from outreach.storage.models import AuditEntry, State

KILLED_WRITER = textwrap.dedent(
    """
    import os, signal, sys
    from outreach.setup import open_database
    from outreach.storage.models import State

    db = open_database(sys.argv[1], create=True)
    with db.write() as session:
        for number in range(500):
            code = f"{number:03d}"
            session.add(State(iso2=code, iso3=code, name=f"Half-written {number}"))
            if number % 50 == 0:
                session.flush()  # rows and audit entries are in the file's WAL, uncommitted
        print("flushed", flush=True)
        os.kill(os.getpid(), signal.SIGKILL)
    """
)


@pytest.mark.slow  # a crash: a child process killed with SIGKILL mid-write
def test_a_process_killed_mid_write_leaves_no_partial_change(db_path: Path) -> None:
    database = open_database(db_path, create=True)
    with database.write() as session:
        session.add(State(iso2="KH", iso3="KHM", name="Cambodia"))
    database.close()

    killed = subprocess.run(
        [sys.executable, "-c", KILLED_WRITER, str(db_path)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert killed.returncode == -9, killed.stderr
    assert "flushed" in killed.stdout

    reopened = open_database(db_path, create=True)
    with reopened.read() as session:
        assert [state.name for state in session.query(State)] == ["Cambodia"]
        assert session.query(AuditEntry).count() == 1  # only Cambodia's creation
    assert integrity_problems(reopened) == []
    reopened.close()


def test_an_error_inside_a_write_rolls_back_the_change_and_its_audit(db: Database) -> None:
    with pytest.raises(RuntimeError), db.write() as session:
        session.add(State(iso2="KH", iso3="KHM", name="Cambodia"))
        session.flush()
        raise RuntimeError("the officer's laptop lost power")
    with db.read() as session:
        assert session.query(State).count() == 0
        assert session.query(AuditEntry).count() == 0


def test_every_change_is_audited_with_old_and_new_values(db: Database) -> None:
    """Who: the officer (on a server, the role connected, whatever the client says)."""
    with db.write() as session:
        session.add(State(iso2="TR", iso3="TUR", name="Turkey"))
    with db.write() as session:
        session.query(State).one().name = "Türkiye"
    with db.read() as session:
        entries = session.query(AuditEntry).order_by(AuditEntry.id).all()
    assert [(e.action, e.entity, e.actor) for e in entries] == [
        ("create", "state", db.actor),
        ("update", "state", db.actor),
    ]
    assert json.loads(entries[1].changes) == {"name": ["Turkey", "Türkiye"]}
    assert entries[1].state_id == entries[0].entity_id


def test_listeners_hear_of_commits_not_of_rollbacks(db: Database) -> None:
    heard: list[Changes] = []
    db.subscribe(heard.append)
    with db.write() as session:
        session.add(State(iso2="KH", iso3="KHM", name="Cambodia"))
    with pytest.raises(ValidationError), db.write() as session:
        session.add(State(iso2="KH", iso3="KHX", name="Duplicate"))
        session.flush()
    assert heard == [Changes(frozenset({Entity.STATE}))]


def test_writes_inside_a_write_are_one_transaction(db: Database) -> None:
    with pytest.raises(RuntimeError), db.write():
        with db.write() as session:
            session.add(State(iso2="KH", iso3="KHM", name="Cambodia"))
        with db.read() as session:  # the outer transaction sees its own work
            assert session.query(State).count() == 1
        raise RuntimeError("abandon the whole batch")
    with db.read() as session:
        assert session.query(State).count() == 0


def test_every_table_is_a_kind_of_record_pages_can_name() -> None:
    """One `Entity` per table: a page can declare any table it shows, and a table added
    without its member fails here rather than going unheard."""
    from outreach.storage.models import Base

    assert {entity.value for entity in Entity} == set(Base.metadata.tables)
    assert Changes.of(["contact", "search_contact_fts"]).entities == {Entity.CONTACT}
