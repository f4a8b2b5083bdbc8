"""Shared fixtures: every test gets its own temporary database, never the user's.

`db` and `reference_db` come in both backends: a test that asks for either runs once on a
SQLite file and once on a database of the test PostgreSQL server (`backend` is
parametrized below), so the services, search, import/export and command line are proven
on both. A test about what only a file has is marked `file_only` and runs on a file.

Each test's database is a copy of a template made once per run (an empty migrated file,
the reference data, the demo; on the server, CREATE DATABASE … TEMPLATE): copying a file
takes a millisecond where migrating a new one takes a tenth of a second or more.
"""

from __future__ import annotations

import contextlib
import itertools
import re
import shutil
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import closing
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from sqlalchemy import func, select

from outreach.setup import open_database, prepare_database
from outreach.storage.database import Database
from outreach.storage.models import AuditEntry, State
from tests.postgres_server import TestServer

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot

    from ui.undo import UndoRunner


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "outreach-test.db"


@pytest.fixture(scope="session", autouse=True)
def private_log_folder(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """The log file (`outreach.logs`) of every command and app a test starts, in this
    process or a child, goes to a temporary folder, never the user's."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("OUTREACH_LOG_DIR", str(tmp_path_factory.mktemp("logs")))
        yield


BACKENDS = ("sqlite", "postgresql")


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "file_only: about what only a SQLite file has; runs on a file alone"
    )
    config.addinivalue_line("markers", "ui: a desktop test (tests/ui), marked by its folder")
    config.addinivalue_line(
        "markers", "server: runs on the test PostgreSQL server, marked by its fixtures"
    )
    config.addinivalue_line(
        "markers", "slow: takes seconds (kill -9 cycles, hypothesis, many rows, 30 s of writers)"
    )


UI_TESTS = Path(__file__).parent / "ui"
SERVER_FIXTURES = {"pg_server", "pg_templates", "server_copy"}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark each test by where it runs, so a developer can choose: the core alone on a
    file is `pytest -m "not ui and not server and not slow"` (README)."""
    for item in items:
        if UI_TESTS in Path(str(item.path)).parents:
            item.add_marker(pytest.mark.ui)
        callspec = getattr(item, "callspec", None)
        on_server = callspec is not None and callspec.params.get("backend") == "postgresql"
        if on_server or SERVER_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.server)


def never_selected(markexpr: str, marker: str) -> bool:
    """Whether `-m markexpr` leaves out every test that has `marker`, whatever its other
    markers are (read with pytest's own parser of -m: should a later pytest move it,
    everything is collected as before)."""
    try:
        from _pytest.mark.expression import Expression
    except ImportError:
        return False
    if not markexpr:
        return False
    expression = Expression.compile(markexpr)
    others = sorted(set(re.findall(r"\w+", markexpr)) - {marker, "and", "or", "not"})
    return not any(
        expression.evaluate(frozenset({marker, *chosen}).__contains__)
        for count in range(len(others) + 1)
        for chosen in itertools.combinations(others, count)
    )


def pytest_ignore_collect(collection_path: Path, config: pytest.Config) -> bool | None:
    """`-m "not ui …"` leaves the desktop tests out before they are imported: Qt, the
    widgets and rewriting their asserts take seconds of a core run."""
    if collection_path == UI_TESTS and never_selected(config.option.markexpr, "ui"):
        return True
    return None


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "backend" in metafunc.fixturenames:
        file_only = metafunc.definition.get_closest_marker("file_only") is not None
        # module scope: a module's fixtures built once per backend (the CLI's databases)
        metafunc.parametrize("backend", ["sqlite"] if file_only else list(BACKENDS), scope="module")


@contextlib.contextmanager
def opened(location: Path | str) -> Iterator[Database]:
    """The database at `location` (a file, or a server's URL), opened by the test officer
    (made and migrated if new), closed afterwards."""
    database = open_database(location, actor="test-officer", create=True)
    try:
        yield database
    finally:
        database.close()


@pytest.fixture(scope="session")
def pg_server() -> Iterator[TestServer]:
    """A PostgreSQL server of the test run's own, on a Unix socket, stopped at the end."""
    server = TestServer()
    try:
        server.start()
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="session")
def pg_templates(pg_server: TestServer) -> dict[str, str]:
    """Databases copied for each test: "empty" (migrated, indexed) and "reference"."""
    from outreach.setup.reference import load_reference

    empty = pg_server.new_database(prefix="template_empty")
    with opened(pg_server.url(empty)):
        pass  # migrated and indexed as it opens
    reference = pg_server.new_database(template=empty, prefix="template_reference")
    with opened(pg_server.url(reference)) as database:
        load_reference(database)
    return {"empty": empty, "reference": reference}


@contextlib.contextmanager
def server_copy(server: TestServer, template: str) -> Iterator[Database]:
    name = server.new_database(template=template)
    try:
        with opened(server.url(name)) as database:
            yield database
    finally:
        server.drop_database(name)


def new_database_location(
    backend: str, folder: Path, request: pytest.FixtureRequest, template: str | None = None
) -> str:
    """Where a new database goes, as `--db` takes it: a file in `folder`, or a new
    database on the test server (a copy of `template`, when given)."""
    if backend == "postgresql":
        server: TestServer = request.getfixturevalue("pg_server")
        return server.url(server.new_database(template=template))
    return str(folder / "outreach.db")


def copy_file(template: Path, path: Path) -> Path:
    """A copy of a closed database file at `path`, with its -wal and -shm if it has any."""
    shutil.copy2(template, path)
    for suffix in ("-wal", "-shm"):
        sidecar = template.with_name(template.name + suffix)
        if sidecar.exists():
            shutil.copy2(sidecar, path.with_name(path.name + suffix))
    return path


def database_file(
    path: Path, build: Callable[[Database], object] | None = None, *, template: Path | None = None
) -> Path:
    """A closed database file at `path`: a copy of `template` (else made and migrated
    anew) to which `build` adds. Tests copy such files: copying one is much quicker than
    running the migrations again."""
    if template is not None:
        copy_file(template, path)
    with opened(path) as database:
        if build is not None:
            build(database)
    return path


@pytest.fixture(scope="session")
def empty_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An empty, migrated database file, built once per test run."""
    return database_file(tmp_path_factory.mktemp("empty") / "empty.db")


@pytest.fixture(scope="session")
def reference_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A database file holding the shipped reference data, built once per test run."""
    from outreach.setup.reference import load_reference

    return database_file(tmp_path_factory.mktemp("reference") / "reference.db", load_reference)


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo campaign as the app's first run makes it, prepared once per test run."""
    path = tmp_path_factory.mktemp("demo") / "demo.db"
    prepare_database(path, demo_on_first_run=True, create=True).close()
    return path


@contextlib.contextmanager
def database_copy(
    backend: str, template: str, path: Path, request: pytest.FixtureRequest
) -> Iterator[Database]:
    """A private, open copy of the `template` database ("empty" or "reference"): a file
    at `path`, or a database on the test server; closed (and dropped) afterwards."""
    if backend == "postgresql":
        server = request.getfixturevalue("pg_server")
        with server_copy(server, request.getfixturevalue("pg_templates")[template]) as database:
            yield database
        return
    with opened(copy_file(request.getfixturevalue(f"{template}_template"), path)) as database:
        yield database


@pytest.fixture
def db(backend: str, db_path: Path, request: pytest.FixtureRequest) -> Iterator[Database]:
    """An empty, migrated database (no reference data), on each backend."""
    with database_copy(backend, "empty", db_path, request) as database:
        yield database


@pytest.fixture
def reference_db(
    backend: str, tmp_path: Path, request: pytest.FixtureRequest
) -> Iterator[Database]:
    """A private copy of the reference database (states, the APMBC, seats, forums), on
    each backend."""
    with database_copy(backend, "reference", tmp_path / "outreach-reference.db", request) as db:
        yield db


@pytest.fixture
def empty_target(
    backend: str, tmp_path: Path, request: pytest.FixtureRequest
) -> Iterator[Database]:
    """A second empty database on the backend of the test's, to import or copy into."""
    with database_copy(backend, "empty", tmp_path / "target.db", request) as target:
        yield target


@pytest.fixture
def demo_db_path(demo_template: Path, tmp_path: Path) -> Path:
    """A private copy of the demo database file, for a test that may change it."""
    return copy_file(demo_template, tmp_path / "demo.db")


@pytest.fixture
def demo_db(demo_db_path: Path) -> Iterator[Database]:
    """A private copy of the demo database, open."""
    with opened(demo_db_path) as database:
        yield database


def downgrade_file(path: Path, revision: str) -> None:
    """Take a database file back to an older schema with the migrations' own downgrades,
    as a file that older version wrote would be."""
    from alembic import command

    from outreach.storage.location import FileLocation
    from outreach.storage.migrations.runner import alembic_config
    from outreach.storage.sqlite_backend import SqliteBackend

    backend = SqliteBackend(FileLocation(path))
    engine, _writer = backend.make_engine()
    try:
        with engine.connect() as connection, backend.migrating(connection):
            config = alembic_config()
            config.attributes["connection"] = connection
            command.downgrade(config, revision)
    finally:
        engine.dispose()


MIGRATION_HEADER = """
from alembic import op
import sqlalchemy as sa

revision = "{revision}"
down_revision = "{head}"
branch_labels = None
depends_on = None
"""


@contextlib.contextmanager
def newer_migration(
    folder: Path, monkeypatch: pytest.MonkeyPatch, revision: str, body: str
) -> Iterator[None]:
    """Pretend a newer version of the app ships one more migration, `revision`, whose
    `upgrade` and `downgrade` are written in `body` (the scripts are copied to `folder`)."""
    from outreach.storage.migrations import runner

    scripts = folder / "migrations"
    shutil.copytree(runner.SCRIPT_LOCATION, scripts)
    header = MIGRATION_HEADER.format(revision=revision, head=runner.head_revision())
    (scripts / "versions" / f"{revision}.py").write_text(header + body)
    monkeypatch.setattr(runner, "SCRIPT_LOCATION", scripts)
    monkeypatch.setattr(runner, "HEAD_REVISION", revision)
    runner._script.cache_clear()
    yield
    runner._script.cache_clear()


def scribble(path: Path, pages: int = 4) -> None:
    """Damage `pages` b-tree pages of a database file from its second on, keeping its
    header, as a bad sector would."""
    data = bytearray(path.read_bytes())
    page_size = int.from_bytes(data[16:18], "big")
    for offset in range(page_size * 2, min(len(data), page_size * (2 + pages)), 7):
        data[offset] = 0xA5
    path.write_bytes(bytes(data))


def drop_search_trigger(path: Path, name_like: str) -> None:
    """Drop one trigger of a file's search index (the first whose name is LIKE
    `name_like`) behind the app's back, as a crash or an older version could leave it."""
    with closing(sqlite3.connect(path)) as connection, connection:
        (trigger,) = connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE ? LIMIT 1",
            (name_like,),
        ).fetchone()
        connection.execute(f'DROP TRIGGER "{trigger}"')


def add_few_states(db: Database) -> dict[str, int]:
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
def few_states(db: Database) -> dict[str, int]:
    """A handful of states in `db`, by ISO3 -> id."""
    return add_few_states(db)


@pytest.fixture
def undo_runner(qtbot: QtBot) -> UndoRunner:
    """An undo stack and runner whose error messages have a parent window: for the
    desktop tests, and the core's that drive a dialog (Qt is loaded for those alone)."""
    from PySide6.QtGui import QUndoStack
    from PySide6.QtWidgets import QWidget

    from ui.undo import UndoRunner

    parent = QWidget()
    qtbot.addWidget(parent)
    return UndoRunner(QUndoStack(parent), parent)


def audit_rows(db: Database) -> int:
    """How many audit rows the database holds: a refused call must not add any."""
    with db.read() as session:
        return session.scalar(select(func.count(AuditEntry.id))) or 0


@pytest.fixture
def audit_count(db: Database) -> Callable[[], int]:
    """`audit_rows` of the test's database."""
    return lambda: audit_rows(db)


@pytest.fixture
def speak() -> Iterator[Callable[[str], None]]:
    """`speak("fr")`: the app speaks that language for the rest of the test; English again
    afterwards, whatever happens."""
    from outreach.i18n import DEFAULT_LANGUAGE, set_language

    yield set_language
    set_language(DEFAULT_LANGUAGE)


@pytest.fixture
def in_french(speak: Callable[[str], None]) -> None:
    """The app speaks French for the test (the core's words and the names of states)."""
    speak("fr")
