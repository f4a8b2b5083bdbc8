"""How many entries the contact log holds, as its page counts them after every change:
deleted entries leave the count and come back with a restore, done follow-ups stay; and
on a file the whole log is counted from indexes, without reading the table."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import closing, contextmanager
from pathlib import Path

import pytest
from sqlalchemy import event

from outreach.domain.records import LogFilter
from outreach.services.contact_log import ContactLogService
from outreach.setup import open_database
from outreach.storage.database import Database
from tests.conftest import add_few_states, downgrade_file


@pytest.fixture
def log(db: Database, few_states: dict[str, int]) -> ContactLogService:
    return ContactLogService(db)


def counted(log: ContactLogService) -> int:
    """The whole log's count, checked against a filter that keeps every entry (counted
    the plain way, in the table)."""
    whole = log.count()
    assert whole == log.count(LogFilter(text="e")), "the two ways of counting disagree"
    return whole


def test_deleted_entries_leave_the_count_until_restored(log: ContactLogService) -> None:
    assert counted(log) == 0
    ids = [
        log.log("2004-11-01", "call", f"Called the embassy ({n})", states=["KHM"]).id
        for n in range(5)
    ]
    followed = log.log("2004-11-02", "meeting", "Met the desk officer", states=["PAK"],
                       follow_up_on="2004-11-10")  # fmt: skip
    log.complete_follow_up(followed.id, on="2004-11-09")
    assert counted(log) == 6  # a follow-up done leaves its entry in the log

    log.delete(ids[0])
    log.delete(ids[3])
    assert counted(log) == 4
    log.restore(ids[3])
    assert counted(log) == 5
    log.delete(followed.id)
    assert counted(log) == 4
    assert [entry.id for entry in log.page(limit=10)] == [ids[4], ids[3], ids[2], ids[1]]


@contextmanager
def statements(db: Database) -> Iterator[list[tuple[str, tuple[object, ...]]]]:
    """The SELECT statements run on `db` meanwhile, with their parameters."""
    seen: list[tuple[str, tuple[object, ...]]] = []

    def grab(*args: object) -> None:
        _connection, _cursor, statement, parameters = args[:4]
        if isinstance(statement, str) and statement.lstrip().upper().startswith("SELECT"):
            assert isinstance(parameters, tuple | list)
            seen.append((statement, tuple(parameters)))

    event.listen(db.engine, "before_cursor_execute", grab)
    try:
        yield seen
    finally:
        event.remove(db.engine, "before_cursor_execute", grab)


@pytest.mark.file_only  # reads SQLite's query plan
def test_the_whole_log_is_counted_from_indexes(db: Database, log: ContactLogService) -> None:
    entry = log.log("2004-11-01", "call", "Called the embassy", states=["KHM"])
    log.delete(entry.id)
    with statements(db) as seen:
        assert log.count() == 0
    [(sql, parameters)] = seen
    with db.read() as session:
        plan = [
            str(row[-1])
            for row in session.connection().exec_driver_sql(f"EXPLAIN QUERY PLAN {sql}", parameters)
        ]
    reads = [step for step in plan if "log_entry" in step]
    assert len(reads) == 2, plan  # every row, and the deleted ones
    assert all("COVERING INDEX" in step for step in reads), plan
    assert any("ix_log_entry_deleted" in step for step in reads), plan


@pytest.mark.file_only  # a file written before the index, upgraded when opened
def test_a_file_from_before_the_index_gets_it_and_counts_the_same(tmp_path: Path) -> None:
    path = tmp_path / "campaign.db"
    database = open_database(path, create=True)
    add_few_states(database)
    log = ContactLogService(database)
    ids = [log.log("2004-11-01", "call", f"Call {n}", states=["KHM"]).id for n in range(3)]
    log.delete(ids[1])
    database.close()
    downgrade_file(path, "0008")
    assert "ix_log_entry_deleted" not in indexes(path)

    database = open_database(path, create=True)
    try:
        assert "ix_log_entry_deleted" in indexes(path)
        assert ContactLogService(database).count() == 2
    finally:
        database.close()


def indexes(path: Path) -> set[str]:
    with closing(sqlite3.connect(path)) as connection:
        rows = connection.execute("SELECT name FROM sqlite_master WHERE type = 'index'")
        return {name for (name,) in rows}
