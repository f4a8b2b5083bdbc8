"""Shared fixtures: every test gets its own temporary database, never the user's.

`db` and `reference_db` come in both backends: a test that asks for either runs once on a
SQLite file and once on a database of the test PostgreSQL server (`backend` is
parametrized below), so the services, search, import/export and command line are proven
on both. A test about what only a file has is marked `file_only` and runs on a file.
"""

from __future__ import annotations

import contextlib
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select

from outreach.setup import open_database
from outreach.storage.database import Database
from outreach.storage.models import AuditEntry, State
from tests.postgres_server import TestServer


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


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "backend" in metafunc.fixturenames:
        file_only = metafunc.definition.get_closest_marker("file_only") is not None
        # module scope: a module's fixtures built once per backend (the CLI's databases)
        metafunc.parametrize("backend", ["sqlite"] if file_only else list(BACKENDS), scope="module")


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
    open_database(pg_server.url(empty), actor="test-officer", create=True).close()
    reference = pg_server.new_database(template=empty, prefix="template_reference")
    database = open_database(pg_server.url(reference), actor="test-officer", create=True)
    try:
        load_reference(database)
    finally:
        database.close()
    return {"empty": empty, "reference": reference}


@contextlib.contextmanager
def server_copy(server: TestServer, template: str) -> Iterator[Database]:
    name = server.new_database(template=template)
    database = open_database(server.url(name), actor="test-officer", create=True)
    try:
        yield database
    finally:
        database.close()
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


@pytest.fixture
def db(backend: str, db_path: Path, request: pytest.FixtureRequest) -> Iterator[Database]:
    """An empty, migrated database (no reference data), on each backend."""
    if backend == "postgresql":
        server = request.getfixturevalue("pg_server")
        templates = request.getfixturevalue("pg_templates")
        with server_copy(server, templates["empty"]) as database:
            yield database
        return
    database = open_database(db_path, actor="test-officer", create=True)
    yield database
    database.close()


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
    from outreach.setup.reference import load_reference

    path = tmp_path_factory.mktemp("reference") / "reference.db"
    database = open_database(path, actor="test-officer", create=True)
    try:
        load_reference(database)
    finally:
        database.close()
    return path


@pytest.fixture
def reference_db(
    backend: str, tmp_path: Path, request: pytest.FixtureRequest
) -> Iterator[Database]:
    """A private copy of the reference database (states, the APMBC, seats, forums), on
    each backend."""
    if backend == "postgresql":
        server = request.getfixturevalue("pg_server")
        templates = request.getfixturevalue("pg_templates")
        with server_copy(server, templates["reference"]) as database:
            yield database
        return
    reference_template = request.getfixturevalue("reference_template")
    path = tmp_path / "outreach-reference.db"
    shutil.copy2(reference_template, path)
    for suffix in ("-wal", "-shm"):
        sidecar = reference_template.with_name(reference_template.name + suffix)
        if sidecar.exists():
            shutil.copy2(sidecar, path.with_name(path.name + suffix))
    database = open_database(path, actor="test-officer", create=True)
    yield database
    database.close()
