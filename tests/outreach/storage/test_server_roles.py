"""Officers and rights on a desk's server: each officer connects as their own role, in a
reader, officer or admin group of the database, and the server keeps the audit trail's
"who" and refuses to rewrite it, whatever a client sends."""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import psycopg
import pytest
from click.testing import CliRunner, Result

from outreach.cli.main import cli
from outreach.errors import ReadOnlyDatabaseError
from outreach.search import SearchService, rebuild_search
from outreach.services.categories import CategoryService
from outreach.services.contact_log import ContactLogService
from outreach.services.contacts import ContactService
from outreach.services.states import StateService
from outreach.setup import open_database
from outreach.storage.database import Database
from outreach.storage.location import parse_location
from outreach.storage.postgresql_roles import grant, group_names, setup_server
from tests.conftest import server_copy
from tests.postgres_server import SUPERUSER, TestServer

READ_ONLY = "You can read this database but not change it; nothing was saved."


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args), catch_exceptions=True)


def error_lines(result: Result) -> list[str]:
    return [line for line in result.output.splitlines() if line.startswith("Error")]


@dataclass
class Desk:
    """One test's server database, set up, with the roles and connections it made."""

    server: TestServer
    owner: Database
    roles: list[str] = field(default_factory=list)
    opened: list[Database] = field(default_factory=list)

    @property
    def name(self) -> str:
        database = self.owner.location.url.database  # type: ignore[union-attr]
        assert isinstance(database, str)
        return database

    def url(self, role: str = SUPERUSER) -> str:
        return self.server.url(self.name, role=role)

    def new_role(self, level: str) -> str:
        """A login role unique to this test, in the group of `level`."""
        role = f"{level}_{uuid.uuid4().hex[:10]}"
        self.roles.append(role)
        grant(self.owner, role, level, create=True)
        return role

    def open(self, role: str, actor: str | None = None) -> Database:
        database = open_database(self.url(role), actor=actor, create=True)
        self.opened.append(database)
        return database

    def sql(self, statement: str, role: str = SUPERUSER) -> list[tuple[Any, ...]]:
        with psycopg.connect(self.url(role), autocommit=True) as connection:
            cursor = connection.execute(statement)
            return cursor.fetchall() if cursor.description else []

    def audit(self) -> list[tuple[Any, ...]]:
        return self.sql("SELECT id, actor, action, entity, entity_id FROM audit_entry ORDER BY id")

    def count(self, table: str) -> int:
        return int(self.sql(f"SELECT count(*) FROM {table}")[0][0])


@pytest.fixture
def desk(pg_server: TestServer, pg_templates: dict[str, str]) -> Iterator[Desk]:
    with server_copy(pg_server, pg_templates["reference"]) as owner:
        desk = Desk(server=pg_server, owner=owner)
        setup_server(owner)
        try:
            yield desk
        finally:
            for database in desk.opened:
                database.close()
    # The database is gone, and with it every grant: the roles can go too.
    groups = list(group_names(desk.name).values())
    names = ", ".join(f'"{role}"' for role in [*desk.roles, *groups])
    pg_server.execute("postgres", f"DROP ROLE IF EXISTS {names}")


@pytest.fixture
def contacts_file(tmp_path: Path) -> Path:
    path = tmp_path / "contacts.csv"
    path.write_text("family_name,given_name\nDoe,Jane\n", encoding="utf-8")
    return path


# --- a reader -----------------------------------------------------------------------------


def test_a_reader_reads_everything_and_writes_nothing(desk: Desk) -> None:
    ContactService(desk.owner).create("Existing")
    reader = desk.open(desk.new_role("reader"))
    before = desk.audit()

    assert [c.family_name for c in ContactService(reader).list()] == ["Existing"]
    with pytest.raises(ReadOnlyDatabaseError, match="You can read this database but not change"):
        ContactService(reader).create("Doe")
    with pytest.raises(ReadOnlyDatabaseError):
        StateService(reader).update_profile("KHM", stance="supportive")

    assert desk.count("contact") == 1
    assert desk.audit() == before
    assert StateService(desk.owner).get("KHM").stance == "unknown"


def test_the_command_line_tells_a_reader_in_one_line(desk: Desk, contacts_file: Path) -> None:
    reader = desk.new_role("reader")
    before = desk.audit()

    result = run("--db", desk.url(reader), "import", "contacts", str(contacts_file))

    assert result.exit_code != 0
    assert error_lines(result) == [f"Error: {READ_ONLY}"]
    assert "Traceback" not in result.output
    assert desk.count("contact") == 0
    assert desk.audit() == before
    assert not (contacts_file.parent / "contacts.rejected.csv").exists()


def test_search_tables_stay_readable_to_readers_after_a_rebuild(desk: Desk) -> None:
    ContactService(desk.owner).create("Müller", given_name="Anna")
    rebuild_search(desk.owner)  # drops and creates the search tables again
    reader = desk.open(desk.new_role("reader"))

    results = SearchService(reader).search("muller")

    assert [hit.title for group in results.groups for hit in group.hits] == ["Anna Müller"]


# --- an officer ---------------------------------------------------------------------------


def test_an_officer_logs_a_contact_under_their_own_name(desk: Desk) -> None:
    role = desk.new_role("officer")
    officer = desk.open(role)
    before = len(desk.audit())

    person = ContactService(officer).create("Doe", given_name="Jane", state="KHM")
    entry = ContactLogService(officer).log(
        "2024-05-02", "call", "Cabinet approval expected in Q2", contact_ids=[person.id]
    )
    StateService(officer).update_profile("KHM", stance="favourable", notes="Moving.")

    actors = {actor for _id, actor, *_rest in desk.audit()[before:]}
    assert actors == {role}
    assert officer.actor == role
    assert entry.summary == "Cabinet approval expected in Q2"
    assert StateService(desk.owner).get("KHM").stance == "favourable"


def test_an_officer_may_not_change_reference_data(desk: Desk) -> None:
    officer = desk.open(desk.new_role("officer"))
    before = desk.audit()

    with pytest.raises(ReadOnlyDatabaseError):
        StateService(officer).update_profile("KHM", name="Kampuchea")
    with pytest.raises(ReadOnlyDatabaseError):
        CategoryService(officer).create("Likely acceders")

    assert StateService(desk.owner).get("KHM").name == "Cambodia"
    assert desk.count("category") == 0
    assert desk.audit() == before


def test_an_officer_cannot_rewrite_or_erase_the_audit_trail(desk: Desk) -> None:
    role = desk.new_role("officer")
    ContactService(desk.open(role)).create("Doe")
    before = desk.audit()

    for statement in (
        "UPDATE audit_entry SET actor = 'someone-else'",
        "DELETE FROM audit_entry",
        "TRUNCATE audit_entry",
    ):
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            desk.sql(statement, role=role)

    assert desk.audit() == before


def test_even_the_owner_cannot_rewrite_or_erase_the_audit_trail(desk: Desk) -> None:
    ContactService(desk.owner).create("Doe")
    before = desk.audit()

    for statement in (
        "UPDATE audit_entry SET actor = 'someone-else'",
        "DELETE FROM audit_entry",
        "TRUNCATE audit_entry",
    ):
        with pytest.raises(psycopg.errors.InsufficientPrivilege, match="append-only"):
            desk.sql(statement)

    assert desk.audit() == before


def test_the_actor_is_the_session_user_whatever_the_client_sends(desk: Desk) -> None:
    role = desk.new_role("officer")
    claiming = desk.open(role, actor="someone-else")
    before = len(desk.audit())

    ContactService(claiming).create("Doe")
    desk.sql(  # raw SQL, claiming to restore: an officer is not trusted with that
        "BEGIN; SELECT set_config('outreach.restoring', 'on', true); "
        "INSERT INTO audit_entry (at, actor, action, entity, entity_id, changes) "
        "VALUES (now(), 'forged', 'update', 'contact', 1, '{}'); COMMIT",
        role=role,
    )

    assert [actor for _id, actor, *_rest in desk.audit()[before:]] == [role, role]


# --- an admin ------------------------------------------------------------------------------


def test_an_admin_creates_categories(desk: Desk) -> None:
    role = desk.new_role("admin")

    category = CategoryService(desk.open(role)).create("Likely acceders")

    assert category.slug == "likely-acceders"
    assert desk.audit()[-1][1:4] == (role, "create", "category")


def test_a_restoring_admin_keeps_the_original_actors(desk: Desk) -> None:
    admin = desk.open(desk.new_role("admin"))
    restored = {
        "id": 1_000_000,
        "at": "2019-11-25T10:00:00",
        "actor": "ottawa-2019",
        "action": "create",
        "entity": "contact",
        "entity_id": 7,
        "changes": "{}",
    }

    with admin.backend.bulk(admin) as bulk:
        bulk.insert_rows("audit_entry", [restored])
    ContactService(admin).create("Doe")  # an ordinary write after it: the admin's name

    rows = desk.audit()
    assert (1_000_000, "ottawa-2019") in [row[:2] for row in rows]
    assert rows[-1][1] == admin.actor
    assert rows[-1][0] > 1_000_000  # the restore moved the sequence past the ids it brought


# --- the server commands ----------------------------------------------------------------------


def test_server_officers_lists_who_has_what(desk: Desk) -> None:
    reader, officer, admin = (desk.new_role(level) for level in ("reader", "officer", "admin"))

    result = run("--db", desk.url(), "server", "officers", "--format", "json")
    table = run("--db", desk.url(reader), "server", "officers")

    assert result.exit_code == 0, result.output
    assert json.loads(result.output) == [
        {"role": SUPERUSER, "level": "owner", "can_login": True},
        {"role": admin, "level": "admin", "can_login": True},
        {"role": officer, "level": "officer", "can_login": True},
        {"role": reader, "level": "reader", "can_login": True},
    ]
    assert table.exit_code == 0, table.output
    assert table.output.splitlines()[0].split() == ["role", "level", "can_login"]
    assert f"{officer}  officer  yes" in table.output.replace("   ", "  ")


def test_server_grant_moves_a_role_between_levels(desk: Desk) -> None:
    role = desk.new_role("officer")

    result = run("--db", desk.url(), "server", "grant", role, "--as", "reader")

    assert result.exit_code == 0, result.output
    assert result.output.strip() == f"{role} is now a reader of {desk.owner.location.display}."
    listed = json.loads(run("--db", desk.url(), "server", "officers", "--format", "json").output)
    assert [row["level"] for row in listed if row["role"] == role] == ["reader"]
    with pytest.raises(ReadOnlyDatabaseError):
        ContactService(desk.open(role)).create("Doe")


def test_server_grant_creates_a_login_role_and_says_how_to_log_in(desk: Desk) -> None:
    role = f"new_{uuid.uuid4().hex[:10]}"
    desk.roles.append(role)

    result = run("--db", desk.url(), "server", "grant", role, "--as", "officer", "--create")

    assert result.exit_code == 0, result.output
    assert "without a password" in result.output
    assert "peer or certificate" in result.output
    ContactService(desk.open(role)).create("Doe")  # it logs in, and may write
    assert desk.audit()[-1][1] == role


def test_an_admin_grants_but_an_officer_may_not(desk: Desk) -> None:
    admin, officer, newcomer = (desk.new_role(level) for level in ("admin", "officer", "reader"))

    by_admin = run("--db", desk.url(admin), "server", "grant", newcomer, "--as", "officer")
    by_officer = run("--db", desk.url(officer), "server", "grant", newcomer, "--as", "admin")

    assert by_admin.exit_code == 0, by_admin.output
    assert by_officer.exit_code != 0
    assert error_lines(by_officer) == [
        f"Error: Granting rights on {parse_location(desk.url(officer)).display} takes one of "
        "its admins, "
        "its owner with CREATEROLE, or a superuser; nothing was changed."
    ]
    listed = json.loads(run("--db", desk.url(), "server", "officers", "--format", "json").output)
    assert [row["level"] for row in listed if row["role"] == newcomer] == ["officer"]


def test_server_grant_refuses_a_role_name_that_is_not_a_plain_identifier(desk: Desk) -> None:
    for name in ('bob"; DROP TABLE contact; --', "Robert", "jean.dupont", "pg_monitor"):
        result = run("--db", desk.url(), "server", "grant", name, "--as", "officer", "--create")

        assert result.exit_code != 0
        assert len(error_lines(result)) == 1
        assert "is not a role name Outreach accepts" in result.output
    assert desk.count("contact") == 0  # the table is still there
    assert desk.sql("SELECT count(*) FROM pg_roles WHERE rolname = 'Robert'") == [(0,)]


def test_server_grant_refuses_a_role_that_does_not_exist(desk: Desk) -> None:
    result = run("--db", desk.url(), "server", "grant", "nobody_here", "--as", "officer")

    assert result.exit_code != 0
    assert error_lines(result) == [
        "Error: There is no role nobody_here on the server; create it (--create) or ask "
        "the server's administrator. Nothing was changed."
    ]


def test_server_commands_refuse_a_file_database(tmp_path: Path) -> None:
    path = tmp_path / "desk.db"

    for args in (("grant", "bob", "--as", "officer"), ("setup",), ("officers",)):
        result = run("--db", str(path), "server", *args)

        assert result.exit_code != 0
        assert error_lines(result) == [
            f"Error: {path} is a file; the server commands are for a desk's PostgreSQL "
            "database (--db postgresql://ROLE@HOST/DBNAME)."
        ]
    assert not path.exists()  # refused before anything was created


def test_setup_is_refused_to_anyone_but_the_owner(desk: Desk) -> None:
    admin = desk.new_role("admin")

    result = run("--db", desk.url(admin), "server", "setup")

    assert result.exit_code != 0
    assert error_lines(result) == [
        f"Error: Setting up {desk.name} takes its owner ({SUPERUSER}) or a superuser; "
        f"{admin} is neither. Nothing was changed."
    ]


def test_setup_again_changes_nothing_and_keeps_the_officers(desk: Desk) -> None:
    officer = desk.new_role("officer")

    result = run("--db", desk.url(), "server", "setup")

    assert result.exit_code == 0, result.output
    assert "Created the roles" not in result.output
    assert f"officers are members of {desk.name}_officer" in result.output
    ContactService(desk.open(officer)).create("Doe")


def test_a_database_not_yet_set_up_keeps_its_audit_rules_and_says_so(
    pg_server: TestServer, pg_templates: dict[str, str]
) -> None:
    with server_copy(pg_server, pg_templates["empty"]) as db:
        name = Desk(server=pg_server, owner=db).name
        url = pg_server.url(name)
        ContactService(db).create("Doe")  # the client says "test-officer"

        listed = run("--db", url, "server", "officers")
        with pytest.raises(psycopg.errors.InsufficientPrivilege, match="append-only"):
            pg_server.execute(name, "DELETE FROM audit_entry")

        with psycopg.connect(url) as connection:
            actors = connection.execute("SELECT DISTINCT actor FROM audit_entry").fetchall()
    assert listed.exit_code != 0
    assert error_lines(listed) == [
        f"Error: {parse_location(url).display} has no desk roles yet: set the server up "
        "first (outreach server setup)."
    ]
    assert actors == [(SUPERUSER,)]  # the migrations installed the rules: the server's name
