"""How long `outreach import contacts` takes on a large CSV file (250,000 rows), on a file
and on a PostgreSQL server, and a UNTC status table's dry run.

Run: .venv/bin/python benchmarks/bench_imports.py [--rows 250000] [--repeat 3]
[--out /tmp/imports.md]

The contacts file is generated (seeded): every column filled as officers fill them —
names with accents, positions, one of 2,000 organizations (new to the database, so the
import creates them), an ISO code or a state's name, a unique e-mail, an international
phone, languages and a short note. Each measure is the median of repeated imports after
one to warm up, each into a new database with the reference data (made outside the
timing). Beside it, two baselines measured in the same run over the same file: csv.reader
alone (reading is the floor of any import), and the contacts' columns inserted with the
plain driver in one transaction (sqlite3's executemany on a file, psycopg's COPY on a
server), with no checks, no organizations, no audit trail and no search index.

The UNTC dry run: a status table of the reference treaty (the 164 participants of the
Ottawa Convention as the UN lists them) read and compared with the database.
"""

from __future__ import annotations

import argparse
import csv
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import psycopg
from sqlalchemy import create_engine
from timing import report

from outreach.io.contacts_csv import FIELDS, import_contacts
from outreach.io.untc_import import plan_untc_file
from outreach.setup import open_database
from outreach.setup.reference import load_reference
from outreach.storage.database import Database
from outreach.storage.models import Base

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # for the tests' server
from tests.postgres_server import SUPERUSER, TestServer

TARGET_S = 60.0
ORGANIZATIONS = 2_000
FAMILY = (
    "Örnek",
    "Sok",
    "Müller",
    "Dubois",
    "García",
    "Nakamura",
    "Kowalski",
    "Mwangi",
    "Silva",
    "Haddad",
    "Nguyen",
    "O'Brien",
    "Łukasik",
    "Ibrahim",
    "Smith",
    "Chen",
)
GIVEN = (
    "Aylin",
    "Dara",
    "Anna",
    "Jean",
    "María",
    "Yuki",
    "Piotr",
    "Wanjiru",
    "João",
    "Layla",
    "Minh",
    "Siobhán",
    "Zofia",
    "Amina",
    "John",
    "Wei",
)
POSITIONS = (
    "Deputy Director General",
    "Counsellor",
    "Legal adviser",
    "First Secretary",
    "Director, Disarmament",
    "Desk officer",
    "Ambassador",
    "Military adviser",
)
# (ISO code, name, a fixed-line number there): the state column and the phone agree.
STATES = (
    ("KHM", "Cambodia", "+855 23 756 78"),
    ("FRA", "France", "+33 1 23 45 67 8"),
    ("DEU", "Germany", "+49 30 12345"),
    ("CAN", "Canada", "+1 506-234-567"),
    ("KEN", "Kenya", "+254 20 201234"),
    ("BRA", "Brazil", "+55 11 2345-678"),
    ("JPN", "Japan", "+81 3-1234-567"),
    ("TUR", "Türkiye", "+90 212 345 67 8"),
    ("CHE", "Switzerland", "+41 21 234 56 7"),
)
LANGUAGES = ("en", "fr", "en, fr", "es", "ar, en", "ru", "")
UNTC = Path(__file__).resolve().parents[1] / "tests/outreach/io/fixtures/untc_apmbc_long.csv"


def write_contacts_csv(path: Path, rows: int, seed: int = 11) -> Path:
    """A contacts file of `rows` rows in the documented header, every column filled."""
    rng = random.Random(seed)
    organizations = [
        (f"Ministry {number} of {name}", code)
        for number in range(ORGANIZATIONS)
        for code, name, _phone in [STATES[number % len(STATES)]]
    ]
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(FIELDS)
        for number in range(rows):
            organization, code = rng.choice(organizations)
            state = next(state for state in STATES if state[0] == code)
            writer.writerow(
                (
                    rng.choice(FAMILY),
                    rng.choice(GIVEN),
                    rng.choice(POSITIONS),
                    organization,
                    code if number % 2 else state[1],
                    f"person{number}@example.org",
                    f"{state[2]}{number % 10}",
                    rng.choice(LANGUAGES),
                    "Met at the intersessional meetings." if number % 3 == 0 else "",
                )
            )
    return path


def median_of(repeat: int, fresh: Callable[[], Any], call: Callable[[Any], object]) -> float:
    """The median time of `call(fresh())` over `repeat` runs after one to warm up; the
    destination is made outside the timing."""
    times = []
    for run in range(repeat + 1):
        destination = fresh()
        start = time.perf_counter()
        call(destination)
        if run:
            times.append(time.perf_counter() - start)
        if hasattr(destination, "close"):
            destination.close()
    return statistics.median(times)


def csv_reader_seconds(path: Path, repeat: int) -> float:
    def read(_nothing: object) -> None:
        with path.open(encoding="utf-8", newline="") as handle:
            for _row in csv.reader(handle):
                pass

    return median_of(repeat, lambda: None, read)


def file_rows(path: Path) -> Iterator[tuple[str, ...]]:
    """The contacts' columns as the bare baseline inserts them (no checks)."""
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle)
        next(reader)
        for family, given, position, _org, _state, email, phone, languages, notes in reader:
            yield family, given, position, email, phone, languages, notes, family.lower()


BARE_COLUMNS = "family_name, given_name, position, email, phone, languages, notes, sort_key"


def bare_sqlite(path: Path) -> Callable[[sqlite3.Connection], None]:
    def insert(connection: sqlite3.Connection) -> None:
        with connection:
            connection.executemany(
                f"INSERT INTO contact ({BARE_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                file_rows(path),
            )

    return insert


def bare_postgres(path: Path) -> Callable[[psycopg.Connection[Any]], None]:
    def insert(connection: psycopg.Connection[Any]) -> None:
        with (
            connection.transaction(),
            connection.cursor() as cursor,
            cursor.copy(f"COPY contact ({BARE_COLUMNS}) FROM STDIN") as copy,
        ):
            for row in file_rows(path):
                copy.write_row(row)

    return insert


@contextmanager
def server_setting() -> Iterator[tuple[TestServer, str, str]]:
    """A throwaway server with two templates: migrated with the reference data, and the
    bare tables (`Base.metadata.create_all`)."""
    server = TestServer().start()
    try:
        reference = server.new_database(prefix="reference")
        db = open_database(server.url(reference), create=True)
        load_reference(db)
        db.close()
        bare = server.new_database(prefix="bare")
        url = server.url(bare).replace("postgresql://", "postgresql+psycopg://")
        engine = create_engine(url)
        Base.metadata.create_all(engine)
        engine.dispose()
        yield server, reference, bare
    finally:
        server.stop()


def measure_contacts(folder: Path, path: Path, rows: int, repeat: int) -> list[str]:
    numbered = iter(range(10**6))

    def new_file() -> Database:
        db = open_database(folder / f"import-{next(numbered)}.db", create=True)
        load_reference(db)
        return db

    def bare_file() -> sqlite3.Connection:
        target = folder / f"bare-{next(numbered)}.db"
        engine = create_engine(f"sqlite:///{target}")
        Base.metadata.create_all(engine)
        engine.dispose()
        return sqlite3.connect(target)

    def run(db: Database) -> None:
        report = import_contacts(db, path, report_path=folder / "rejected.csv")
        assert len(report.imported) == rows, report.rejected[:3]

    reading = csv_reader_seconds(path, repeat)
    lines = []
    with server_setting() as (server, reference, bare):

        def new_server() -> Database:
            return open_database(server.url(server.new_database(template=reference)), create=True)

        def bare_server() -> psycopg.Connection[Any]:
            name = server.new_database(template=bare)
            return psycopg.connect(host=str(server.socket_dir), user=SUPERUSER, dbname=name)

        for backend, fresh, bare_fresh, bare_insert in (
            ("SQLite", new_file, bare_file, bare_sqlite(path)),
            ("PostgreSQL", new_server, bare_server, bare_postgres(path)),
        ):
            mine = median_of(repeat, fresh, run)
            print(f"{backend}: import {mine:.1f} s", flush=True)
            plain = median_of(repeat, bare_fresh, bare_insert)
            lines.append(
                f"| {backend} | {rows:,} | {mine:.1f} | {reading:.2f} | {plain:.1f} "
                f"| {mine / plain:.1f} | {'yes' if mine < TARGET_S else 'NO'} |"
            )
            print(lines[-1], flush=True)
    return lines


def measure_untc(folder: Path, repeat: int) -> str:
    db = open_database(folder / "untc.db", create=True)
    load_reference(db)
    try:
        plan = plan_untc_file(db, UNTC)
        mine = median_of(repeat, lambda: None, lambda _nothing: plan_untc_file(db, UNTC))
        reading = median_of(
            repeat, lambda: None, lambda _nothing: list(csv.reader(UNTC.open(newline="")))
        )
    finally:
        db.close()
    return (
        f"| UNTC dry run ({UNTC.name}) | {plan.listed} | {mine * 1000:.0f} ms "
        f"| {reading * 1000:.1f} ms |"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=250_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--out", type=Path, default=None)
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        path = write_contacts_csv(folder / "contacts.csv", arguments.rows)
        size = path.stat().st_size / 1_000_000
        lines = [
            f"Medians of {arguments.repeat} imports (after one to warm up) of a generated "
            f"file of {arguments.rows:,} rows ({size:.1f} MB).",
            "",
            "| backend | rows | outreach import (s) | csv.reader alone (s) "
            "| bare driver insert (s) | ratio | under 60 s |",
            "| --- | ---: | ---: | ---: | ---: | ---: | --- |",
            *measure_contacts(folder, path, arguments.rows, arguments.repeat),
            "",
            "| import | participants | outreach dry run | csv.reader alone |",
            "| --- | ---: | ---: | ---: |",
            measure_untc(folder, arguments.repeat),
        ]
    report(lines, arguments.out)


if __name__ == "__main__":
    main()
