"""Migrations: a backup first, foreign keys that survive table rebuilds, no FTS drops."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import pytest

from outreach.setup import open_database
from outreach.storage import backups, sqlite_file
from outreach.storage.migrations import runner
from outreach.storage.models import State, StateAlias
from tests.conftest import downgrade_file, newer_migration

SECOND_REVISION = """


def upgrade() -> None:
    # A batch operation rebuilds the parent table that state_alias refers to.
    with op.batch_alter_table("state") as batch:
        batch.add_column(sa.Column("motto", sa.String(50), nullable=False, server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("state") as batch:
        batch.drop_column("motto")
"""


@pytest.fixture
def newer_code(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Pretend a newer version of the app ships one more migration."""
    with newer_migration(tmp_path, monkeypatch, "0002_test", SECOND_REVISION):
        yield


def _database_with_a_state_and_alias(path: Path) -> None:
    database = open_database(path, create=True)
    with database.write() as session:
        state = State(iso2="CI", iso3="CIV", name="Côte d'Ivoire")
        state.aliases.append(StateAlias(alias="Ivory Coast", folded="ivory coast"))
        session.add(state)
    database.close()


def test_upgrading_a_file_with_data_backs_it_up_first(tmp_path: Path, newer_code: None) -> None:
    path = tmp_path / "campaign.db"
    runner._script.cache_clear()
    monkey_head = runner.head_revision()
    assert monkey_head == "0002_test"
    # Build the file at the previous revision with the real (older) scripts.
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(runner, "SCRIPT_LOCATION", Path(runner.__file__).parent)
        runner._script.cache_clear()
        patch.setattr(runner, "HEAD_REVISION", runner.scripted_head())
        _database_with_a_state_and_alias(path)
    runner._script.cache_clear()

    database = open_database(path, create=True)

    made = [b.path for b in backups.list_backups(path) if b.reason == "before-migration"]
    assert len(made) == 1
    assert sqlite_file.read_schema_revision(made[0]) != "0002_test"
    with sqlite3.connect(made[0]) as copy:
        assert copy.execute("SELECT name FROM state").fetchall() == [("Côte d'Ivoire",)]
    with database.read() as session:
        columns = [
            row[1] for row in session.connection().exec_driver_sql("PRAGMA table_info(state)")
        ]
        assert "motto" in columns
        # Rebuilding the parent table must not cascade-delete the aliases.
        assert [a.alias for a in session.query(StateAlias)] == ["Ivory Coast"]
        assert session.connection().exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    database.close()
    assert sqlite_file.read_schema_revision(path) == "0002_test"


def test_the_written_out_head_is_the_newest_migration() -> None:
    """A new migration without `HEAD_REVISION` updated would leave every database at
    the previous head unmigrated when opened: this fails first."""
    runner._script.cache_clear()
    assert runner.scripted_head() == runner.HEAD_REVISION


def test_a_new_empty_file_is_created_at_the_head_without_backup(tmp_path: Path) -> None:
    path = tmp_path / "fresh.db"
    open_database(path, create=True).close()
    assert sqlite_file.read_schema_revision(path) == runner.head_revision()
    assert backups.list_backups(path) == []


def test_autogenerate_ignores_full_text_search_tables(tmp_path: Path) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from outreach.storage.migrations.filters import include_object
    from outreach.storage.models import Base

    path = tmp_path / "fts.db"
    open_database(path, create=True).close()
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE VIRTUAL TABLE contact_fts USING fts5(name)")
    from sqlalchemy import create_engine

    engine = create_engine(f"sqlite:///{path}")
    with engine.connect() as connection:
        context = MigrationContext.configure(
            connection, opts={"include_object": include_object, "render_as_batch": True}
        )
        differences = compare_metadata(context, Base.metadata)
    engine.dispose()
    assert differences == [], "the models and the migrations disagree, or FTS would be dropped"


def test_0004_recomputes_the_sort_keys_of_names_with_letters_folded_since(
    tmp_path: Path,
) -> None:
    from outreach.services.contacts import ContactService

    path = tmp_path / "campaign.db"
    database = open_database(path, create=True)
    contacts = ContactService(database)
    orsted = contacts.create("Ørsted", given_name="Søren")
    plain = contacts.create("Olsen", given_name="Ole")
    database.close()
    # The file as 0003 left it: its rule folded ł only.
    downgrade_file(path, "0003")
    with closing(sqlite3.connect(path)) as connection, connection:
        connection.execute(
            "UPDATE contact SET sort_key = ? WHERE id = ?", ("ørsted\x1fsøren", orsted.id)
        )

    database = open_database(path, create=True)
    with database.read() as session:
        keys = dict(session.connection().exec_driver_sql("SELECT id, sort_key FROM contact").all())
    assert keys == {orsted.id: "orsted\x1fsoren", plain.id: "olsen\x1fole"}
    assert [c.family_name for c in ContactService(database).list()] == ["Olsen", "Ørsted"]
    database.close()
    assert sqlite_file.read_schema_revision(path) == runner.head_revision()
    assert [b.reason for b in backups.list_backups(path)] == ["before-migration"]
