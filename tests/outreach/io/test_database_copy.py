"""`outreach copy SOURCE DEST`: a whole database, audit trail included, from a file to a
server, a server to a file, or a file to a file, into an empty destination only."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from outreach.cli.copy_command import register
from outreach.cli.main import cli
from outreach.demo.campaign import load_demo
from outreach.demo.synthetic import load_synthetic
from outreach.errors import DiskFullError, ValidationError
from outreach.io.database_copy import copy_database
from outreach.io.json_export import export_json
from outreach.search import SearchKind, SearchService, search_index_problems
from outreach.services.contact_log import ContactLogService
from outreach.services.contacts import ContactService
from outreach.services.duplicates import DuplicateService
from outreach.setup import open_database
from outreach.storage.database import Database
from tests.conftest import copy_file, database_file, server_copy
from tests.conftest import database_copy as template_copy
from tests.outreach.attachments.files import attach_files
from tests.postgres_server import TestServer

register(cli)  # idempotent: the main module has done it already
register(cli)

STAMP = re.compile(r'"exported_at": "[^"]*"')


def fill_campaign(db: Database) -> None:
    """The demo campaign, a little synthetic volume and a merge (which soft-deletes a
    contact and deletes link rows): every table has rows, the audit trail included."""
    load_demo(db)
    load_synthetic(db, contacts=40, log_entries=200, demarches=15)
    contacts = ContactService(db)
    first = contacts.create("Duplicate", given_name="Ana", email="ana@example.org")
    second = contacts.create("Duplicate", given_name="Ana")
    DuplicateService(db).merge(first.id, second.id)
    attach_files(db)


@pytest.fixture(scope="module")
def campaign_template(tmp_path_factory: pytest.TempPathFactory, reference_template: Path) -> Path:
    """A file holding the campaign, built once for this module."""
    path = tmp_path_factory.mktemp("campaign") / "campaign.db"
    return database_file(path, fill_campaign, template=reference_template)


@pytest.fixture
def campaign_file(campaign_template: Path, tmp_path: Path) -> Path:
    return copy_file(campaign_template, tmp_path / "campaign.db")


@pytest.fixture
def campaign_db(tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[Database]:
    """A private copy of the campaign file, open."""
    with template_copy("sqlite", "campaign", tmp_path / "campaign.db", request) as db:
        yield db


@pytest.fixture
def empty_server(pg_server: TestServer, pg_templates: dict[str, str]) -> Iterator[Database]:
    with server_copy(pg_server, pg_templates["empty"]) as db:
        yield db


@pytest.fixture
def empty_server_name(pg_server: TestServer, pg_templates: dict[str, str]) -> Iterator[str]:
    """An empty, migrated database on the test server, by name, for the command line."""
    name = pg_server.new_database(template=pg_templates["empty"])
    yield name
    pg_server.drop_database(name)


def exported(db: Database, path: Path) -> str:
    """`outreach export json` of `db`, its time stamp aside."""
    export_json(db, path)
    return STAMP.sub('"exported_at": ""', path.read_text(encoding="utf-8"))


def nairobi(db: Database) -> set[tuple[str, int, str]]:
    """Every record "nairobi" finds (all of them, so the two backends' rankings agree)."""
    hits = SearchService(db).search("nairobi", limit=1000).hits
    return {(str(hit.kind), hit.id, hit.title) for hit in hits}


# --- copy_database ---------------------------------------------------------------------------


def test_file_to_server_to_file_is_lossless(
    campaign_db: Database, empty_server: Database, tmp_path: Path
) -> None:
    reports: list[tuple[int, int]] = []
    to_server = copy_database(
        campaign_db, empty_server, lambda done, total: reports.append((done, total))
    )
    back = open_database(tmp_path / "back.db", actor="someone-else", create=True)
    try:
        to_file = copy_database(empty_server, back)
        original = exported(campaign_db, tmp_path / "original.json")
        assert exported(empty_server, tmp_path / "server.json") == original
        assert exported(back, tmp_path / "back.json") == original
        assert search_index_problems(empty_server) == []
        assert search_index_problems(back) == []
    finally:
        back.close()
    assert to_server.rows == to_file.rows
    assert to_server.rows["audit_entry"] > 0 and to_server.rows["log_entry"] > 200
    # the progress went from nothing to every row, never backwards
    total = to_server.total
    assert reports[0] == (0, total) and reports[-1] == (total, total)
    assert [done for done, _ in reports] == sorted(done for done, _ in reports)


def test_a_file_copies_into_a_new_file(campaign_db: Database, tmp_path: Path) -> None:
    copy = open_database(tmp_path / "copy.db", create=True)
    try:
        summary = copy_database(campaign_db, copy)
        assert summary.rows["contact"] > 40
        assert exported(copy, tmp_path / "copy.json") == exported(
            campaign_db, tmp_path / "original.json"
        )
    finally:
        copy.close()


@pytest.fixture
def campaign_on_backend(reference_db: Database) -> Database:
    """The campaign written through the services on each backend (on a server, its
    audit rows are the server's own)."""
    fill_campaign(reference_db)
    return reference_db


@pytest.fixture
def other_backend(
    backend: str, tmp_path: Path, pg_server: TestServer, pg_templates: dict[str, str]
) -> Iterator[Database]:
    """An empty database on the other backend: a file for a server, a server for a file."""
    if backend == "sqlite":
        with server_copy(pg_server, pg_templates["empty"]) as db:
            yield db
        return
    db = open_database(tmp_path / "copy.db", actor="someone-else", create=True)
    yield db
    db.close()


def test_the_copy_finds_what_the_original_finds_and_keeps_counting(
    campaign_on_backend: Database, other_backend: Database, tmp_path: Path
) -> None:
    source, copy = campaign_on_backend, other_backend
    copy_database(source, copy)
    # The copied audit trail still names who did what, not who made the copy (on a
    # server, the audit rules would otherwise name the role that connected).
    assert _actors(copy) == _actors(source)
    found = nairobi(source)
    assert any(kind == SearchKind.DEMARCHE for kind, _id, _title in found)
    assert nairobi(copy) == found
    assert exported(copy, tmp_path / "copy.json") == exported(source, tmp_path / "source.json")
    # New records take new ids: the copy's id counters moved past the copied rows.
    largest = _largest_ids(source)
    contact = ContactService(copy).create("Afterwards", given_name="New")
    entry = ContactLogService(copy).log(
        date(2005, 1, 10), "meeting", "Met the new contact", contact_ids=[contact.id]
    )
    assert contact.id > largest["contact"]
    assert entry.id > largest["log_entry"]
    assert _largest_ids(copy)["audit_entry"] > largest["audit_entry"]


def _largest_ids(db: Database) -> dict[str, int]:
    with db.read() as session:
        connection = session.connection()
        return {
            table: int(
                connection.exec_driver_sql(f"SELECT coalesce(max(id), 0) FROM {table}").scalar_one()
            )
            for table in ("contact", "log_entry", "audit_entry")
        }


def _actors(db: Database) -> set[str]:
    with db.read() as session:
        rows = session.connection().exec_driver_sql("SELECT DISTINCT actor FROM audit_entry")
        return {str(actor) for (actor,) in rows}


def test_a_database_that_holds_rows_is_refused_untouched(
    campaign_db: Database, reference_db: Database, tmp_path: Path
) -> None:
    before = exported(reference_db, tmp_path / "before.json")
    reports: list[tuple[int, int]] = []
    with pytest.raises(ValidationError) as refused:
        copy_database(campaign_db, reference_db, lambda done, total: reports.append((done, total)))
    message = str(refused.value)
    assert message.startswith("A copy goes into an empty database; ")
    assert f"{reference_db.location.display} already holds " in message and "state" in message
    assert "\n" not in message
    assert reports == []  # no progress shown for a copy that never started
    assert exported(reference_db, tmp_path / "after.json") == before
    assert search_index_problems(reference_db) == []


@pytest.fixture
def disk_fills_half_way(monkeypatch: pytest.MonkeyPatch) -> None:
    """The copy fails after a hundred log entries, as it would on a full disk."""
    from outreach.io import database_copy

    real = database_copy.table_rows

    def failing(connection: Any, table: str) -> tuple[list[str], Iterator[list[Any]]]:
        columns, rows = real(connection, table)
        if table != "log_entry":
            return columns, rows

        def then_full() -> Iterator[list[Any]]:
            for number, row in enumerate(rows):
                if number == 100:
                    raise DiskFullError("The disk is full; nothing was saved.")
                yield row

        return columns, then_full()

    monkeypatch.setattr(database_copy, "table_rows", failing)


@pytest.mark.usefixtures("disk_fills_half_way")
def test_a_copy_that_fails_half_way_leaves_the_destination_empty(
    campaign_db: Database, db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = exported(db, tmp_path / "before.json")
    with pytest.raises(DiskFullError):
        copy_database(campaign_db, db)
    assert exported(db, tmp_path / "after.json") == before
    assert search_index_problems(db) == []
    monkeypatch.undo()  # room on the disk again: the destination takes the copy
    copy_database(campaign_db, db)
    assert exported(db, tmp_path / "copy.json") == exported(campaign_db, tmp_path / "source.json")


def test_a_database_is_not_copied_onto_itself(campaign_db: Database) -> None:
    with pytest.raises(ValidationError, match="the same database"):
        copy_database(campaign_db, campaign_db)


# --- the command line ------------------------------------------------------------------------


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args), catch_exceptions=True)


def test_copy_command_file_to_server_and_back(
    campaign_file: Path, pg_server: TestServer, empty_server_name: str, tmp_path: Path
) -> None:
    url = pg_server.url(empty_server_name)
    up = run("copy", str(campaign_file), url)
    assert up.exit_code == 0, up.output
    rows = re.search(r"Copied ([\d,]+) rows in (\d+) tables", up.stdout)
    assert rows, up.stdout
    assert up.stdout.strip().endswith(f"from {campaign_file} to {url}.")
    # the progress goes to stderr, counting rows, so stdout stays a one-line report
    assert f"Copying {campaign_file} to {url} ({rows.group(1)} rows)" in up.stderr
    back_file = tmp_path / "back.db"
    down = run("copy", url, str(back_file))
    assert down.exit_code == 0, down.output
    assert f"Copied {rows.group(1)} rows" in down.stdout
    original, back = (
        open_database(campaign_file, create=True),
        open_database(back_file, create=True),
    )
    try:
        assert exported(back, tmp_path / "back.json") == exported(
            original, tmp_path / "original.json"
        )
    finally:
        original.close()
        back.close()
    search = run("--db", str(back_file), "search", "nairobi")
    assert "Ratification before Nairobi" in search.output


def test_copy_command_refuses_a_destination_that_holds_rows(
    campaign_file: Path, tmp_path: Path
) -> None:
    target = tmp_path / "target.db"
    first = run("copy", str(campaign_file), str(target))
    assert first.exit_code == 0, first.output
    unchanged = target.read_bytes()
    again = run("copy", str(campaign_file), str(target))
    assert again.exit_code == 1
    (line,) = again.stderr.strip().splitlines()
    assert re.fullmatch(
        f"Error: A copy goes into an empty database; {re.escape(str(target))} already holds "
        r"attachment_blob, audit_entry, category, forum…\. "
        r"Copy into a new file or an empty database on the server\.",
        line,
    ), line
    assert again.stdout == ""
    assert target.read_bytes() == unchanged


@pytest.mark.usefixtures("disk_fills_half_way")
def test_copy_command_that_fails_leaves_no_new_file(campaign_file: Path, tmp_path: Path) -> None:
    target = tmp_path / "new" / "copy.db"
    target.parent.mkdir()
    result = run("copy", str(campaign_file), str(target))
    assert result.exit_code == 1
    assert result.stderr.strip().splitlines()[-1] == "Error: The disk is full; nothing was saved."
    assert list(target.parent.iterdir()) == []


def test_copy_command_with_no_source_creates_nothing(tmp_path: Path) -> None:
    result = run("copy", str(tmp_path / "typo.db"), str(tmp_path / "copy.db"))
    assert result.exit_code == 1
    assert "There is no database at" in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_a_password_in_a_url_is_never_shown(
    campaign_file: Path, pg_server: TestServer, empty_server_name: str, tmp_path: Path
) -> None:
    url = pg_server.url(empty_server_name)
    with_password = url.replace("outreach_test@", "outreach_test:secret@")
    assert "secret" in with_password
    outputs = [
        run("copy", str(campaign_file), with_password),  # into the server
        run("copy", str(campaign_file), with_password),  # refused: it now holds rows
        run("copy", with_password, str(tmp_path / "back.db")),  # out of the server
    ]
    assert [result.exit_code for result in outputs] == [0, 1, 0]
    for result in outputs:
        assert url in result.output  # the database is named, without its password
        assert "secret" not in result.output
