"""The audit trail is append-only in the database itself, and chained by hashes so that
`outreach check` and `outreach import json` notice a row changed or removed by someone
who went round the database's refusals (issue 11, finding 5)."""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from sqlalchemy import select
from sqlalchemy.exc import DBAPIError

from outreach.cli.main import cli
from outreach.demo.synthetic import load_synthetic
from outreach.errors import OutreachError, ValidationError
from outreach.io.database_copy import copy_database
from outreach.io.json_export import export_json, import_json
from outreach.services.contacts import ContactService
from outreach.setup import open_database
from outreach.storage.audit_chain import SQLITE_TRIGGERS, audit_chain_problems, row_hash
from outreach.storage.database import Database
from outreach.storage.maintenance import integrity_problems
from outreach.storage.models import AuditEntry
from tests.conftest import downgrade_file, server_copy
from tests.postgres_server import TestServer

TRICKY_ROWS: list[dict[str, Any]] = [
    {
        "at": "2024-03-01 09:30:00.000000",
        "actor": "ottawa-1997",
        "action": "create",
        "entity": "contact",
        "entity_id": 7,
        "state_id": None,
        "changes": "{}",
    },
    {
        "at": "2024-03-01 09:30:00.123456",
        "actor": "genève",
        "action": "update",
        "entity": "state",
        "entity_id": 52,
        "state_id": 52,
        "changes": json.dumps(
            {"notes": ["", "Côte d'Ivoire: 5:4 \u2014 línea\nnueva 地雷"]}, ensure_ascii=False
        ),
    },
    {
        "at": "1999-03-01 00:00:00.000001",
        "actor": "-",
        "action": "delete",
        "entity": "log_entry",
        "entity_id": 0,
        "state_id": 0,
        "changes": "",
    },
]


def officer_writes(db: Database, count: int = 3) -> list[int]:
    """`count` contacts created, one audit row each; their audit ids, in order."""
    contacts = ContactService(db)
    for number in range(count):
        contacts.create(f"Officer {number}", notes="Côte d'Ivoire\nline two")
    return audit_ids(db)


def audit_ids(db: Database) -> list[int]:
    with db.read() as session:
        return list(session.scalars(select(AuditEntry.id).order_by(AuditEntry.id)))


def tamper(db: Database, statement: str) -> None:
    """Run `statement` on the audit trail behind the database's back: as the server's
    owner with its refusing trigger disabled, or with the file's triggers dropped."""
    with db.engine.begin() as connection:
        if db.is_server:
            connection.exec_driver_sql(
                "ALTER TABLE audit_entry DISABLE TRIGGER audit_entry_append_only"
            )
        else:
            for name in SQLITE_TRIGGERS:
                connection.exec_driver_sql(f"DROP TRIGGER {name}")
        connection.exec_driver_sql(statement)


def where(db: Database) -> str:
    return db.location.display if db.is_server else str(db.path)


# --- the database refuses -----------------------------------------------------------------


@pytest.mark.parametrize(
    "statement",
    ["UPDATE audit_entry SET actor = 'someone-else'", "DELETE FROM audit_entry WHERE id > 0"],
)
def test_the_database_refuses_to_change_or_erase_an_audit_row(db: Database, statement: str) -> None:
    officer_writes(db)
    before = [row.row_hash for row in _rows(db)]

    with pytest.raises(DBAPIError), db.engine.begin() as connection:  # plain SQL, as owner
        connection.exec_driver_sql(statement)

    assert [row.row_hash for row in _rows(db)] == before


def test_a_refused_change_reaches_the_user_in_words(db: Database) -> None:
    officer_writes(db, 1)

    with pytest.raises(OutreachError) as refused, db.write() as session:
        session.connection().exec_driver_sql("DELETE FROM audit_entry")

    assert str(refused.value) == (
        "The audit trail cannot be changed or erased: its entries stay as they were "
        "written. Nothing was saved."
    )


# --- check notices ------------------------------------------------------------------------


def test_check_finds_a_row_edited_behind_the_databases_back(db: Database) -> None:
    _first, edited, _last = officer_writes(db)
    assert integrity_problems(db) == []

    tamper(db, f"UPDATE audit_entry SET actor = 'someone-else' WHERE id = {edited}")

    assert integrity_problems(db) == [f"audit trail: row {edited} was changed after it was written"]
    result = CliRunner().invoke(cli, ["--db", where(db), "check"])
    assert result.exit_code == 1
    assert f"audit trail: row {edited} was changed after it was written" in result.stderr
    assert "UPDATE" not in result.output and "Traceback" not in result.output


def test_check_finds_a_removed_row(db: Database) -> None:
    _first, removed, last = officer_writes(db)

    tamper(db, f"DELETE FROM audit_entry WHERE id = {removed}")

    assert integrity_problems(db) == [
        f"audit trail: the row before row {last} was changed or removed after it was written"
    ]


def test_the_chain_holds_across_writes_services_and_merges(reference_db: Database) -> None:
    from outreach.services.duplicates import DuplicateService  # adds its own audit row

    contacts = ContactService(reference_db)
    first = contacts.create("Twin", given_name="Ana", email="ana@example.org")
    second = contacts.create("Twin", given_name="Ana")
    DuplicateService(reference_db).merge(first.id, second.id)
    contacts.create("After", notes="the merge")

    rows = _rows(reference_db)
    assert all(row.row_hash for row in rows)
    assert integrity_problems(reference_db) == []


# --- both backends compute the same chain -------------------------------------------------


def test_a_file_and_a_server_chain_the_same_rows_to_the_same_hashes(
    tmp_path: Path, pg_server: TestServer, pg_templates: dict[str, str]
) -> None:
    file = open_database(tmp_path / "chain.db", create=True)
    try:
        with server_copy(pg_server, pg_templates["empty"]) as server:
            for db in (file, server):
                with db.backend.bulk(db) as bulk:  # restored rows without hashes: chained
                    bulk.insert_rows("audit_entry", TRICKY_ROWS)
            on_server = [row.row_hash for row in _rows(server)]
            assert integrity_problems(server) == []
        on_file = [row.row_hash for row in _rows(file)]
    finally:
        file.close()

    expected, previous = [], None
    for row in TRICKY_ROWS:
        previous = row_hash(row, previous)
        expected.append(previous)
    assert on_file == on_server == expected


def test_a_copy_file_to_server_to_file_keeps_a_chain_that_verifies(
    db_path: Path, tmp_path: Path, pg_server: TestServer, pg_templates: dict[str, str]
) -> None:
    source = open_database(db_path, create=True)
    back = open_database(tmp_path / "back.db", create=True)
    try:
        officer_writes(source)
        with server_copy(pg_server, pg_templates["empty"]) as server:
            copy_database(source, server)
            assert integrity_problems(server) == []
            ContactService(server).create("Written on the server")  # chained on there
            copy_database(server, back)
            assert integrity_problems(back) == []
            ContactService(back).create("Written on the file again")
            assert integrity_problems(back) == []
            assert [row.row_hash for row in _rows(back)][:4] == [
                row.row_hash for row in _rows(server)
            ]
    finally:
        source.close()
        back.close()


def test_officers_writing_at_once_on_a_server_keep_one_chain(
    pg_server: TestServer, pg_templates: dict[str, str]
) -> None:
    name = pg_server.new_database(template=pg_templates["empty"])
    officers = [open_database(pg_server.url(name), actor=f"o{n}") for n in range(4)]
    failures: list[BaseException] = []

    def write(db: Database) -> None:
        try:
            for number in range(15):
                ContactService(db).create(f"Busy {number}")
        except BaseException as error:  # reported below, in the test's thread
            failures.append(error)

    try:
        threads = [threading.Thread(target=write, args=(db,)) for db in officers]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert failures == []
        assert len(audit_ids(officers[0])) == 60
        assert integrity_problems(officers[0]) == []
    finally:
        for db in officers:
            db.close()
        pg_server.drop_database(name)


# --- import json --------------------------------------------------------------------------


def _export(db: Database, path: Path) -> dict[str, Any]:
    export_json(db, path)
    document: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return document


def _audit_table(document: dict[str, Any]) -> tuple[list[str], list[list[Any]]]:
    content = document["tables"]["audit_entry"]
    return content["columns"], content["rows"]


def edit_an_actor(columns: list[str], rows: list[list[Any]]) -> str:
    """Change who wrote the second row; the refusal to expect."""
    edited = rows[1]
    edited[columns.index("actor")] = "someone-else"
    return f"audit trail: row {edited[columns.index('id')]} was changed after it was written"


def remove_a_row(_columns: list[str], rows: list[list[Any]]) -> str:
    del rows[1]
    return r"the row before row \d+ was changed or removed"


@pytest.mark.parametrize("tamper", [edit_an_actor, remove_a_row])
def test_an_export_with_a_tampered_audit_trail_is_refused_and_nothing_is_written(
    db: Database,
    empty_target: Database,
    tmp_path: Path,
    tamper: Callable[[list[str], list[list[Any]]], str],
) -> None:
    officer_writes(db)
    path = tmp_path / "export.json"
    document = _export(db, path)
    refusal = tamper(*_audit_table(document))
    path.write_text(json.dumps(document), encoding="utf-8")

    with pytest.raises(ValidationError, match=refusal) as refused:
        import_json(empty_target, path)

    assert "nothing was written" in str(refused.value)
    assert audit_ids(empty_target) == []
    with empty_target.read() as session:
        assert session.execute(select(AuditEntry)).first() is None


def test_an_untouched_export_imports_with_its_chain(
    db: Database, empty_target: Database, tmp_path: Path
) -> None:
    officer_writes(db)
    path = tmp_path / "export.json"
    _export(db, path)

    import_json(empty_target, path)
    ContactService(empty_target).create("After the import")

    assert integrity_problems(empty_target) == []
    assert [row.row_hash for row in _rows(empty_target)][:3] == [row.row_hash for row in _rows(db)]


def test_an_export_from_before_the_chain_is_chained_as_it_goes_in(
    db: Database, empty_target: Database, tmp_path: Path
) -> None:
    officer_writes(db)
    path = tmp_path / "export.json"
    document = _export(db, path)
    columns, rows = _audit_table(document)
    keep = [index for index, name in enumerate(columns) if name not in ("prev_hash", "row_hash")]
    document["tables"]["audit_entry"] = {
        "columns": [columns[index] for index in keep],
        "rows": [[row[index] for index in keep] for row in rows],
    }
    document["schema"] = "0006"
    path.write_text(json.dumps(document), encoding="utf-8")

    import_json(empty_target, path)

    assert audit_ids(empty_target) == audit_ids(db)  # ids kept
    assert integrity_problems(empty_target) == []


# --- a file from before the chain ---------------------------------------------------------


@pytest.mark.file_only
def test_a_file_from_0006_gets_a_chain_that_verifies_and_the_triggers(db: Database) -> None:
    officer_writes(db, 4)
    path = db.path
    db.close()
    downgrade_file(path, "0006")

    migrated = open_database(path)
    try:
        rows = _rows(migrated)
        assert len(rows) == 4 and all(row.row_hash for row in rows)
        assert rows[0].prev_hash is None
        assert integrity_problems(migrated) == []
        with (
            pytest.raises(DBAPIError, match="audit trail cannot be changed"),
            migrated.engine.begin() as connection,
        ):
            connection.exec_driver_sql("UPDATE audit_entry SET actor = 'x'")
    finally:
        migrated.close()


def test_a_server_database_from_0006_gets_a_chain_despite_its_append_only_rule(
    pg_server: TestServer, pg_templates: dict[str, str]
) -> None:
    from alembic import command

    from outreach.storage.migrations.runner import alembic_config

    name = pg_server.new_database(template=pg_templates["empty"])
    try:
        older = open_database(pg_server.url(name), actor="test-officer")
        officer_writes(older, 4)
        with older.engine.connect() as connection, older.backend.migrating(connection):
            config = alembic_config()
            config.attributes["connection"] = connection
            command.downgrade(config, "0006")
        older.close()

        migrated = open_database(pg_server.url(name), actor="test-officer")
        try:
            officer_writes(migrated, 1)
            rows = _rows(migrated)
            assert len(rows) == 5 and all(row.row_hash for row in rows)
            assert integrity_problems(migrated) == []
            with (  # the append-only rule is back on after the backfill
                pytest.raises(DBAPIError, match="append-only"),
                migrated.engine.begin() as connection,
            ):
                connection.exec_driver_sql("DELETE FROM audit_entry")
        finally:
            migrated.close()
    finally:
        pg_server.drop_database(name)


# --- the large demo's one row -------------------------------------------------------------


def test_the_bulk_loads_one_row_says_how_many_rows_it_stands_for(reference_db: Database) -> None:
    before = _total(reference_db)

    load_synthetic(reference_db, contacts=30, log_entries=120, demarches=6)

    written = _total(reference_db) - before
    with reference_db.read() as session:
        (entry,) = session.scalars(
            select(AuditEntry).where(AuditEntry.entity == "synthetic_volume")
        )
    changes = json.loads(entry.changes)
    assert changes["rows_written_in_bulk"] == [None, written]
    assert f"stands for {written:,} rows written in bulk" in changes["note"][1]
    assert set(changes["generated"][1]) >= {"contacts", "log_entries"}
    assert integrity_problems(reference_db) == []  # the bulk's row is chained too


def _total(db: Database) -> int:
    with db.read() as session:
        connection = session.connection()
        return sum(
            int(connection.exec_driver_sql(f"SELECT count(*) FROM {table}").scalar_one())
            for table in (
                "organization",
                "contact",
                "demarche",
                "log_entry",
                "log_entry_state",
                "log_entry_contact",
            )
        )


# --- the recipe itself --------------------------------------------------------------------


def test_the_recipe_reads_a_timestamp_however_it_is_written() -> None:
    row = dict(TRICKY_ROWS[0])
    as_datetime = {**row, "at": datetime(2024, 3, 1, 9, 30)}
    iso = {**row, "at": "2024-03-01T09:30:00"}
    assert row_hash(row, None) == row_hash(as_datetime, None) == row_hash(iso, None)
    assert row_hash(row, None) != row_hash({**row, "state_id": 0}, None)  # NULL is not 0
    assert audit_chain_problems([]) == []


def _rows(db: Database) -> list[Any]:
    with db.read() as session:
        return list(session.execute(select(AuditEntry.__table__).order_by(AuditEntry.id)))
