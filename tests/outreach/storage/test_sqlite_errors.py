"""SQLite's failures, provoked for real on both drivers (sqlite3 for a plain file,
sqlcipher3 for an encrypted one), become the message the user reads; anything else is a
bug (None), which the command line and the app report as one."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
import sqlcipher3.dbapi2 as sqlcipher
from sqlalchemy import create_engine, exc, text

from outreach.errors import (
    CorruptDatabaseError,
    DatabaseLockedError,
    DiskError,
    DiskFullError,
    OutreachError,
    ReadOnlyDatabaseError,
    ValidationError,
)
from outreach.storage import audit_chain
from outreach.storage.sqlite_errors import translate_sqlite_error

pytestmark = pytest.mark.file_only

SCHEMA = (
    "CREATE TABLE state (id INTEGER PRIMARY KEY)",
    "CREATE TABLE meeting (id INTEGER PRIMARY KEY, code TEXT UNIQUE, title TEXT NOT NULL,"
    " starts INTEGER, ends INTEGER CHECK (ends >= starts), state_id INTEGER REFERENCES state)",
    "INSERT INTO state VALUES (1)",
    "INSERT INTO meeting VALUES (1, 'M1', 'First', 1, 2, 1)",
)


@pytest.fixture(params=[sqlite3, sqlcipher], ids=["sqlite3", "sqlcipher3"])
def driver(request: pytest.FixtureRequest) -> ModuleType:
    module: ModuleType = request.param
    return module


@pytest.fixture
def made(driver: ModuleType, tmp_path: Path) -> Path:
    path = tmp_path / "records.db"
    connection = driver.connect(path, isolation_level=None)
    for statement in SCHEMA:
        connection.execute(statement)
    connection.close()
    return path


@pytest.fixture
def connection(driver: ModuleType, made: Path) -> Iterator[Any]:
    connection = driver.connect(made, isolation_level=None, timeout=0)
    connection.execute("PRAGMA foreign_keys = ON")
    yield connection
    connection.close()


def raised(action: Callable[[], object]) -> BaseException:
    with pytest.raises((sqlite3.Error, sqlcipher.Error, exc.DBAPIError)) as caught:
        action()
    return caught.value


def translated(action: Callable[[], object]) -> OutreachError | None:
    return translate_sqlite_error(raised(action))


@pytest.mark.parametrize(
    ("statement", "message"),
    [
        ("INSERT INTO meeting VALUES (2, 'M1', 'Again', 1, 2, 1)", "duplicate an existing"),
        ("INSERT INTO meeting VALUES (1, 'M2', 'Same id', 1, 2, 1)", "duplicate an existing"),
        ("INSERT INTO meeting VALUES (2, 'M2', 'Backwards', 5, 1, 1)", "breaks a rule"),
        ("INSERT INTO meeting VALUES (2, 'M2', 'Nowhere', 1, 2, 99)", "refers to a record"),
        ("INSERT INTO meeting VALUES (2, 'M2', NULL, 1, 2, 1)", "A required value is missing"),
    ],
    ids=["unique", "primary-key", "check", "foreign-key", "not-null"],
)
def test_a_broken_constraint_is_a_validation_error(
    connection: Any, statement: str, message: str
) -> None:
    error = translated(lambda: connection.execute(statement))
    assert isinstance(error, ValidationError)
    assert message in str(error) and str(error).endswith("nothing was saved.")


def test_the_audit_trails_own_refusal_is_said_as_such(connection: Any) -> None:
    connection.execute(
        "CREATE TRIGGER keep BEFORE DELETE ON state "
        f"BEGIN SELECT RAISE(ABORT, '{audit_chain.SQLITE_REFUSAL}'); END"
    )
    error = translated(lambda: connection.execute("DELETE FROM state"))
    assert type(error) is OutreachError and str(error) == audit_chain.REFUSED


def test_another_trigger_or_unknown_constraint_is_a_bug(connection: Any) -> None:
    connection.execute(
        "CREATE TRIGGER keep BEFORE DELETE ON state BEGIN SELECT RAISE(ABORT, 'no'); END"
    )
    assert translated(lambda: connection.execute("DELETE FROM state")) is None


def test_a_file_another_program_is_writing_is_busy(
    driver: ModuleType, made: Path, connection: Any
) -> None:
    holder = driver.connect(made, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        error = translated(lambda: connection.execute("BEGIN IMMEDIATE"))
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert isinstance(error, DatabaseLockedError)
    assert str(error) == "The database is in use by another program; try again in a moment."


def test_a_table_locked_by_another_connection_is_busy(driver: ModuleType) -> None:
    shared = "file:locked?mode=memory&cache=shared"
    writer = driver.connect(shared, uri=True, isolation_level=None)
    reader = driver.connect(shared, uri=True, isolation_level=None)
    writer.execute("CREATE TABLE t (a)")
    writer.execute("BEGIN")
    writer.execute("INSERT INTO t VALUES (1)")
    try:
        error = translated(lambda: reader.execute("SELECT * FROM t").fetchall())
    finally:
        writer.execute("ROLLBACK")
        reader.close()
        writer.close()
    assert isinstance(error, DatabaseLockedError)


def test_a_read_only_file_refuses_a_write(driver: ModuleType, made: Path) -> None:
    reader = driver.connect(f"file:{made}?mode=ro", uri=True, isolation_level=None)
    try:
        error = translated(lambda: reader.execute("INSERT INTO state VALUES (2)"))
    finally:
        reader.close()
    assert isinstance(error, ReadOnlyDatabaseError)
    assert str(error) == "The database file is read-only; nothing was saved."


def test_a_full_database_says_the_disk_is_full(connection: Any) -> None:
    connection.execute("PRAGMA max_page_count = 3")  # what a full disk looks like to SQLite
    rows = [(n, "x" * 1000) for n in range(2, 50)]
    error = translated(
        lambda: connection.executemany("INSERT INTO meeting VALUES (?, ?, 't', 1, 2, 1)", rows)
    )
    assert isinstance(error, DiskFullError)
    assert str(error).startswith("The disk is full; nothing was saved.")


def reading_error(driver: ModuleType, path: Path, sql: str) -> OutreachError | None:
    """What the user reads when `sql` fails on a new connection to `path`."""
    reader = driver.connect(path)
    try:
        return translated(lambda: reader.execute(sql).fetchall())
    finally:
        reader.close()


def test_a_damaged_file_is_said_to_be_damaged(driver: ModuleType, made: Path) -> None:
    writer = driver.connect(made, isolation_level=None)
    writer.execute("BEGIN")  # one transaction: a commit per row would take seconds
    writer.executemany("INSERT INTO state VALUES (?)", [(n,) for n in range(2, 3000)])
    writer.execute("COMMIT")
    writer.close()
    with made.open("r+b") as handle:  # scribble over the table's first page (page 2)
        handle.seek(4096)
        handle.write(b"\xff" * 4096)
    error = reading_error(driver, made, "SELECT sum(id) FROM state")
    assert isinstance(error, CorruptDatabaseError)
    assert str(error) == "The database file is damaged; nothing was saved."


def test_a_file_that_is_not_a_database_is_said_to_be_damaged(
    driver: ModuleType, tmp_path: Path
) -> None:
    path = tmp_path / "notes.db"
    path.write_text("Meeting notes, not a database.\n" * 200)
    error = reading_error(driver, path, "SELECT * FROM sqlite_master")
    assert isinstance(error, CorruptDatabaseError)


def test_a_file_out_of_reach_is_a_disk_error(driver: ModuleType, tmp_path: Path) -> None:
    error = translated(lambda: driver.connect(tmp_path / "unplugged" / "records.db"))
    assert isinstance(error, DiskError)
    assert "cannot be reached" in str(error) and "nothing was saved" in str(error)


def failure(code: int, message: str) -> sqlite3.OperationalError:
    """What the driver raises for `code`, for failures that cannot be provoked here."""
    error = sqlite3.OperationalError(message)
    error.sqlite_errorcode = code
    return error


@pytest.mark.parametrize(
    ("code", "kind", "words"),
    [
        (13, DiskFullError, "The disk is full"),
        (10, DiskError, "failed to read or write"),
        (266, DiskError, "failed to read or write"),  # SQLITE_IOERR_READ
        (3, ReadOnlyDatabaseError, "refused access"),
        (7, OutreachError, "not enough memory"),
        (517, DatabaseLockedError, "in use by another program"),  # SQLITE_BUSY_SNAPSHOT
    ],
)
def test_failures_known_by_their_code_alone(
    code: int, kind: type[OutreachError], words: str
) -> None:
    error = translate_sqlite_error(failure(code, "whatever the driver says"))
    assert isinstance(error, kind) and words in str(error)


@pytest.mark.parametrize(
    "error",
    [
        failure(1, "no such table: meeting"),  # SQLITE_ERROR: our SQL is wrong
        failure(21, "bad parameter or other API misuse"),  # SQLITE_MISUSE
        sqlite3.OperationalError("database is locked"),  # no code: not from SQLite
        RuntimeError("database is locked"),
    ],
    ids=["error", "misuse", "no-code", "not-sqlite"],
)
def test_anything_else_is_a_bug(error: BaseException) -> None:
    assert translate_sqlite_error(error) is None


def test_the_code_is_read_through_sqlalchemys_wrapper(made: Path) -> None:
    engine = create_engine(f"sqlite:///{made}")
    try:
        with engine.begin() as connection:
            error = translated(
                lambda: connection.execute(
                    text("INSERT INTO meeting VALUES (2, 'M1', 'Again', 1, 2, 1)")
                )
            )
    finally:
        engine.dispose()
    assert isinstance(error, ValidationError) and "duplicate" in str(error)
