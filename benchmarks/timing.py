"""What the benchmark scripts share: a median of repeated runs, the large demo, and the
large demo on both backends (a file, and a throwaway PostgreSQL server) with plain
driver connections to each for the bare baselines."""

from __future__ import annotations

import itertools
import sqlite3
import statistics
import sys
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import psycopg

from outreach.demo.campaign import load_demo
from outreach.demo.synthetic import load_synthetic
from outreach.setup import prepare_database

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # for the tests' server
from tests.postgres_server import TestServer

SQLITE, POSTGRESQL = "SQLite", "PostgreSQL"


def median_seconds(call: Callable[[], object], repeat: int) -> float:
    """The median time of `repeat` calls, after one call to warm up (page cache filled,
    fonts registered, code paths compiled)."""
    call()
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        call()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def large_demo(folder: Path) -> tuple[Path, float]:
    """The demo plus the synthetic volume (200,000 log entries) in `folder`, and how long
    the synthetic volume took to generate."""
    path = folder / "large.db"
    db = prepare_database(path, demo_on_first_run=True, create=True)
    start = time.perf_counter()
    load_synthetic(db)
    generation = time.perf_counter() - start
    db.close()
    return path, generation


def large_demo_on_server(url: str) -> float:
    """The same large demo in the (empty) server database at `url`, and how long the
    synthetic volume took to generate (it goes in with COPY). The tables are then
    vacuumed and analysed, as autovacuum does on its own within a minute of such a load,
    so that the measures see the steady state rather than autovacuum starting mid-run."""
    db = prepare_database(url, demo_on_first_run=False, create=True)
    load_demo(db)
    start = time.perf_counter()
    load_synthetic(db)
    generation = time.perf_counter() - start
    db.close()
    with psycopg.connect(url, autocommit=True) as connection:
        connection.execute("VACUUM (ANALYZE)")
    return generation


class Bare:
    """A plain driver connection, no service layer: sqlite3 on a file, psycopg on a
    server (in autocommit, as sqlite3 runs a SELECT). SQL is written with `?` marks."""

    def __init__(self, connection: sqlite3.Connection | psycopg.Connection[Any]) -> None:
        self.connection = connection

    def rows(self, sql: str, *args: object) -> list[Any]:
        if isinstance(self.connection, sqlite3.Connection):
            return self.connection.execute(sql, args).fetchall()
        return self.connection.execute(sql.replace("?", "%s"), args).fetchall()  # type: ignore[arg-type]

    def execute(self, sql: str) -> None:
        self.connection.execute(sql)  # type: ignore[arg-type]

    def insert_rows(self, table: str, rows: Iterable[Sequence[object]]) -> None:
        """Rows into `table` in one transaction the quickest way each driver has:
        executemany on a file, COPY on a server."""
        if isinstance(self.connection, sqlite3.Connection):
            iterator = iter(rows)
            first = next(iterator, None)
            if first is not None:
                marks = ", ".join("?" * len(first))
                with self.connection:
                    self.connection.executemany(
                        f"INSERT INTO {table} VALUES ({marks})", itertools.chain([first], iterator)
                    )
            return
        with (
            self.connection.transaction(),
            self.connection.cursor() as cursor,
            cursor.copy(f"COPY {table} FROM STDIN") as copy,  # type: ignore[arg-type]
        ):
            for row in rows:
                copy.write_row(row)

    def close(self) -> None:
        self.connection.close()


@dataclass(frozen=True)
class LargeDemo:
    """The large demo on one backend."""

    backend: str  # SQLITE or POSTGRESQL
    location: str  # what `open_database` and `prepare_database` take: a path or a URL
    generation: float  # seconds `load_synthetic` took
    bare: Callable[[], Bare]  # a plain connection to the demo
    scratch: Callable[[], Bare]  # a plain connection to an empty database beside it


@contextmanager
def large_demo_on_both(folder: Path) -> Iterator[tuple[LargeDemo, LargeDemo]]:
    """The large demo in a file in `folder` and in a database of a throwaway PostgreSQL
    server (`tests.postgres_server.TestServer`: a Unix socket, fsync off), stopped on the
    way out whatever happens."""
    path, generation = large_demo(folder)
    on_file = LargeDemo(
        SQLITE,
        str(path),
        generation,
        lambda: Bare(sqlite3.connect(path)),
        lambda: Bare(sqlite3.connect(folder / "scratch.db")),
    )
    server = TestServer().start()
    try:
        url = server.url(server.new_database(prefix="large"))
        on_server = LargeDemo(
            POSTGRESQL,
            url,
            large_demo_on_server(url),
            lambda: Bare(psycopg.connect(url, autocommit=True)),
            lambda: Bare(
                psycopg.connect(server.url(server.new_database(prefix="scratch")), autocommit=True)
            ),
        )
        yield on_file, on_server
    finally:
        server.stop()


def report(lines: Sequence[str], out: Path | None) -> None:
    """Print the results table, and write it to `out` (for docs/benchmarks.md) if given."""
    table = "\n".join(lines)
    print(table)
    if out:
        out.write_text(table + "\n")
