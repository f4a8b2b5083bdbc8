"""How long `outreach copy` takes on the large demo (200,000 log entries, and their links
and audit trail): a file to a server, a server to a file, a file to a file.

Run: .venv/bin/python benchmarks/bench_copy.py [--repeat 3] [--out /tmp/copy.md]

Each measure is the median of repeated copies after one to warm up, each into a new empty
destination made outside the timing (a server database copied from a migrated template;
a new file opened and migrated). Beside each, a bare baseline measured in the same run:
the same rows with the drivers alone, in one transaction, into the same tables with their
keys and indexes but no search index or triggers (`Base.metadata.create_all`) — sqlite3
rows into psycopg's COPY, psycopg's rows into sqlite3's executemany — and, file to file,
sqlite3's backup API, which copies pages, not rows. The server is a throwaway one on a
Unix socket (`tests.postgres_server.TestServer`, fsync off, as in the tests).
"""

from __future__ import annotations

import argparse
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, closing, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import psycopg
from sqlalchemy import create_engine
from timing import large_demo, report

from outreach.io.csv_export import exported_tables
from outreach.io.database_copy import copy_database
from outreach.search import rebuild_search
from outreach.setup import open_database
from outreach.storage.database import Database
from outreach.storage.models import Base

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # for the tests' server
from tests.postgres_server import SUPERUSER, TestServer

TARGET_S = 60.0


Fresh = Callable[[], AbstractContextManager[Any]]


def median_of_fresh(repeat: int, fresh: Fresh, call: Callable[[Any], object]) -> float:
    """The median time of `call(destination)` over `repeat` runs after one to warm up;
    `fresh()` makes a new destination and removes it afterwards, outside the timing."""
    times = []
    for run in range(repeat + 1):
        with fresh() as destination:
            start = time.perf_counter()
            call(destination)
            if run:
                times.append(time.perf_counter() - start)
    return statistics.median(times)


@dataclass
class Setting:
    """The large demo on a file and on the server, and how to make empty destinations."""

    folder: Path
    server: TestServer
    file: Path
    empty: str  # a migrated, indexed, empty server database: the template of each run
    bare: str  # the tables alone, no search index or triggers: the template of each run
    numbered: Iterator[int]

    @contextmanager
    def server_database(self, template: str) -> Iterator[str]:
        name = self.server.new_database(template=template, prefix="bench")
        try:
            yield name
        finally:
            self.server.drop_database(name)

    @contextmanager
    def open_server(self, template: str) -> Iterator[Database]:
        with self.server_database(template) as name:
            db = open_database(self.server.url(name), create=True)
            try:
                yield db
            finally:
                db.close()

    def new_file(self) -> Path:
        return self.folder / f"copy-{next(self.numbered)}.db"

    @contextmanager
    def open_file(self) -> Iterator[Database]:
        path = self.new_file()
        db = open_database(path, create=True)
        try:
            yield db
        finally:
            db.close()
            for suffix in ("", "-wal", "-shm"):
                path.with_name(path.name + suffix).unlink(missing_ok=True)

    @contextmanager
    def bare_file(self) -> Iterator[sqlite3.Connection]:
        path = self.new_file()
        engine = create_engine(f"sqlite:///{path}")
        Base.metadata.create_all(engine)
        engine.dispose()
        with closing(sqlite3.connect(path, isolation_level=None)) as connection:
            yield connection
        path.unlink()

    def connect(self, name: str) -> psycopg.Connection[tuple[Any, ...]]:
        return psycopg.connect(host=str(self.server.socket_dir), user=SUPERUSER, dbname=name)

    @contextmanager
    def bare_server(self) -> Iterator[psycopg.Connection[tuple[Any, ...]]]:
        with self.server_database(self.bare) as name, closing(self.connect(name)) as connection:
            yield connection


def bare_file_to_server(file: Path, tables: list[str]) -> Callable[[psycopg.Connection], None]:
    def copy(target: psycopg.Connection[tuple[Any, ...]]) -> None:
        with closing(sqlite3.connect(file)) as source, target.transaction(), target.cursor() as cur:
            for table in tables:
                rows = source.execute(f'SELECT * FROM "{table}"')
                names = ", ".join(f'"{column[0]}"' for column in rows.description)
                with cur.copy(f'COPY "{table}" ({names}) FROM STDIN') as stream:
                    for row in rows:
                        stream.write_row(row)

    return copy


def bare_server_to_file(
    setting: Setting, name: str, tables: list[str]
) -> Callable[[sqlite3.Connection], None]:
    def copy(target: sqlite3.Connection) -> None:
        with closing(setting.connect(name)) as source, source.transaction():
            target.execute("BEGIN")
            for table in tables:
                with source.cursor(name=f"read_{table}") as cursor:
                    cursor.execute(f'SELECT * FROM "{table}"')
                    assert cursor.description is not None
                    names = ", ".join(f'"{column.name}"' for column in cursor.description)
                    marks = ", ".join("?" * len(cursor.description))
                    target.executemany(f'INSERT INTO "{table}" ({names}) VALUES ({marks})', cursor)
            target.execute("COMMIT")

    return copy


def bare_backup(file: Path) -> Callable[[sqlite3.Connection], None]:
    def copy(target: sqlite3.Connection) -> None:
        with closing(sqlite3.connect(file)) as source:
            source.backup(target)

    return copy


def index_seconds(destinations: Fresh, source: Database) -> float:
    """How long rebuilding the search index takes on a copy: the share of the copy that
    the bare baselines do not do."""
    with destinations() as db:
        copy_database(source, db)
        start = time.perf_counter()
        rebuild_search(db)
        return time.perf_counter() - start


def measure(setting: Setting, repeat: int) -> list[str]:
    source_file = open_database(setting.file, create=True)
    tables = exported_tables(source_file)
    filled = setting.server.new_database(template=setting.empty, prefix="large")
    source_server = open_database(setting.server.url(filled), create=True)
    rows = copy_database(source_file, source_server).total
    lines = []
    try:
        for direction, source, destinations, bare_fresh, bare_copy in (
            (
                "file → server",
                source_file,
                lambda: setting.open_server(setting.empty),
                setting.bare_server,
                bare_file_to_server(setting.file, tables),
            ),
            (
                "server → file",
                source_server,
                setting.open_file,
                setting.bare_file,
                bare_server_to_file(setting, filled, tables),
            ),
            (
                "file → file",
                source_file,
                setting.open_file,
                setting.bare_file,
                bare_backup(setting.file),
            ),
        ):
            mine = median_of_fresh(
                repeat, destinations, lambda db, source=source: copy_database(source, db)
            )
            bare = median_of_fresh(repeat, bare_fresh, bare_copy)
            index = index_seconds(destinations, source)
            lines.append(
                f"| {direction} | {rows:,} | {mine:.1f} | {index:.1f} | {bare:.1f} "
                f"| {mine / bare:.1f} | {'yes' if mine < TARGET_S else 'NO'} |"
            )
            print(lines[-1], flush=True)
    finally:
        source_server.close()
        source_file.close()
    return lines


def bare_template(server: TestServer) -> str:
    name = server.new_database(prefix="bare")
    engine = create_engine(server.url(name).replace("postgresql://", "postgresql+psycopg://"))
    Base.metadata.create_all(engine)
    engine.dispose()
    return name


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--out", type=Path, default=None)
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path, generation = large_demo(Path(folder))
        print(f"large demo generated in {generation:.1f} s", flush=True)
        server = TestServer().start()
        try:
            empty = server.new_database(prefix="empty")
            open_database(server.url(empty), create=True).close()
            setting = Setting(
                Path(folder), server, path, empty, bare_template(server), iter(range(10**6))
            )
            lines = [
                f"Medians of {arguments.repeat} copies (after one to warm up); the search "
                "index column is one rebuild of the index on a copy, part of the copy's time.",
                "",
                "| copy | rows | outreach copy (s) | of which search index (s) "
                "| bare drivers (s) | ratio | under 60 s |",
                "| --- | ---: | ---: | ---: | ---: | ---: | --- |",
                *measure(setting, arguments.repeat),
            ]
        finally:
            server.stop()
    report(lines, arguments.out)


if __name__ == "__main__":
    main()
