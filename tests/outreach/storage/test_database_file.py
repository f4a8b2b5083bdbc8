"""Opening database files: what is refused, what is protected, how it is configured."""

from __future__ import annotations

import hashlib
import sqlite3
import stat
from collections.abc import Callable
from pathlib import Path

import pytest

from outreach.errors import CorruptDatabaseError, NewerSchemaError, NotADatabaseError
from outreach.setup import open_database
from outreach.storage import backups
from outreach.storage.database import Database
from outreach.storage.models import State
from tests.conftest import scribble

# What a SQLite file is and does; the server has its own tests (test_server.py).
pytestmark = pytest.mark.file_only


def fingerprint(path: Path) -> tuple[str, int, list[str]]:
    """Bytes, modification time and the neighbours (journal, WAL, backup) of a file."""
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    neighbours = sorted(p.name for p in path.parent.iterdir() if p != path)
    return digest, path.stat().st_mtime_ns, neighbours


def test_new_database_is_private_to_its_owner(db_path: Path) -> None:
    open_database(db_path, create=True).close()
    assert stat.S_IMODE(db_path.stat().st_mode) == 0o600


def test_every_connection_has_the_safety_pragmas(db: Database) -> None:
    with db.read() as session:
        connection = session.connection()
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
        assert connection.exec_driver_sql("PRAGMA busy_timeout").scalar() == 5000


def test_foreign_keys_are_enforced(db: Database) -> None:
    with (
        pytest.raises(Exception, match="refers to a record that does not exist"),
        db.write() as session,
    ):
        session.connection().exec_driver_sql(
            "INSERT INTO state_alias (state_id, alias, folded) VALUES (999, 'x', 'x')"
        )


def a_text_file(folder: Path) -> Path:
    path = folder / "notes.txt"
    path.write_text("Call the Deputy Director on Monday\n")
    return path


def another_programs_sqlite_file(folder: Path) -> Path:
    path = folder / "other.db"
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE recipes (name TEXT)")
        connection.execute("INSERT INTO recipes VALUES ('soup')")
    connection.close()
    return path


def a_corrupt_database(folder: Path) -> Path:
    path = folder / "outreach.db"
    database = open_database(path, create=True)
    with database.write() as session:
        session.add_all(
            State(iso2=f"Q{chr(65 + i)}", iso3=f"Q{chr(65 + i)}Z", name=f"State {i} " * 20)
            for i in range(26)
        )
    database.close()
    scribble(path)
    return path


def a_file_from_a_newer_version(folder: Path) -> Path:
    path = folder / "outreach.db"
    open_database(path, create=True).close()
    with sqlite3.connect(path) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    connection.close()
    return path


@pytest.mark.parametrize(
    ("make", "error", "message"),
    [
        (a_text_file, NotADatabaseError, "not an Outreach database"),
        (another_programs_sqlite_file, NotADatabaseError, "not an Outreach database"),
        (a_corrupt_database, CorruptDatabaseError, "damaged"),
        (a_file_from_a_newer_version, NewerSchemaError, "newer version of Outreach"),
    ],
)
def test_a_file_that_cannot_be_opened_is_refused_and_left_unchanged(
    tmp_path: Path, make: Callable[[Path], Path], error: type[Exception], message: str
) -> None:
    path = make(tmp_path)
    before = fingerprint(path)
    with pytest.raises(error, match=message):
        open_database(path, create=True)
    assert fingerprint(path) == before


def test_reopening_keeps_data_and_makes_no_backup(db_path: Path) -> None:
    database = open_database(db_path, create=True)
    with database.write() as session:
        session.add(State(iso2="KH", iso3="KHM", name="Cambodia"))
    database.close()
    reopened = open_database(db_path, create=True)
    with reopened.read() as session:
        assert [s.name for s in session.query(State)] == ["Cambodia"]
    reopened.close()
    assert backups.list_backups(db_path) == []


def test_on_a_network_file_system_the_journal_is_not_wal(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from outreach.storage import sqlite_file

    monkeypatch.setattr(sqlite_file, "file_system_type", lambda _path: "nfs4")
    database = open_database(db_path, create=True)
    with database.read() as session:
        mode = session.connection().exec_driver_sql("PRAGMA journal_mode").scalar()
    database.close()
    assert mode == "delete"


def test_the_file_system_of_a_path_is_read_from_the_mount_table(tmp_path: Path) -> None:
    from outreach.storage import sqlite_file

    assert sqlite_file.file_system_type(tmp_path) != ""
    assert not sqlite_file.is_on_network_file_system(tmp_path / "x.db")
