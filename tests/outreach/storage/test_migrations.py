"""Migrations: a backup first, foreign keys that survive table rebuilds, no FTS drops."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import closing
from datetime import date
from pathlib import Path

import pytest

from outreach.setup import open_database, prepare_database
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


def test_0010_brings_the_shipped_reference_rows_of_an_older_file_up_to_date(
    tmp_path: Path,
) -> None:
    """A file made before this version: South Sudan's succession in force by Art. 17's
    rule, Sweden's row as the first reference data wrote it (the placeholder source, a
    signature a day late), a Council term missing, and one row an officer corrected."""
    from outreach.domain.enums import ObligationKind
    from outreach.reference.sources import PLACEHOLDER
    from outreach.services.facts import FactService
    from outreach.services.forums import ForumService
    from outreach.services.treaties import TreatyService

    path = tmp_path / "campaign.db"
    prepare_database(path, demo_on_first_run=False, create=True).close()
    downgrade_file(path, "0009")
    with closing(sqlite3.connect(path)) as connection, connection:
        ids = dict(connection.execute("SELECT iso3, id FROM state"))
        by_rule = {"in_force_on": "2012-05-01", "state_id": ids["SSD"]}
        connection.execute(
            "UPDATE participation SET in_force_on = :in_force_on WHERE state_id = :state_id",
            by_rule,
        )
        connection.execute(
            "UPDATE obligation SET due_on = '2012-10-28', met_on = NULL, "
            "source = 'Computed from entry into force (2012-05-01)' WHERE kind = ? AND "
            "participation_id = (SELECT id FROM participation WHERE state_id = ?)",
            (ObligationKind.ART7_INITIAL.value, ids["SSD"]),
        )
        connection.execute(
            "UPDATE forum_membership SET since = '2012-05-01' WHERE state_id = ? AND since = ?",
            (ids["SSD"], "2011-07-09"),
        )
        connection.execute(
            "UPDATE participation SET signed_on = '1997-12-04', source = ? WHERE state_id = ?",
            (PLACEHOLDER, ids["SWE"]),
        )
        connection.execute(
            "UPDATE participation SET signed_on = '1997-12-04', source = 'Our embassy' "
            "WHERE state_id = ?",
            (ids["NOR"],),
        )
        connection.execute(
            "DELETE FROM seat WHERE state_id = ? AND body = 'UNSC' AND start_on = '2000-01-01'",
            (ids["BGD"],),
        )
        # the first data dated every member of the Conference from 17 June 1996
        connection.execute(
            "UPDATE seat SET start_on = '1996-06-17' WHERE state_id = ? AND body = 'CD'",
            (ids["CAN"],),
        )
        connection.execute(
            "UPDATE forum_membership SET since = '1996-06-17' WHERE state_id = ? AND "
            "forum_id = (SELECT id FROM forum WHERE slug = 'cd')",
            (ids["CAN"],),
        )

    database = prepare_database(path, demo_on_first_run=False)
    treaties = TreatyService(database)
    south_sudan = treaties.participation("SSD", "APMBC")
    assert south_sudan is not None
    assert (south_sudan.effective_on, south_sudan.in_force_on) == (
        date(2011, 7, 9), date(2011, 7, 9),
    )  # fmt: skip
    initial = next(
        duty
        for duty in treaties.obligations("SSD", "APMBC")
        if duty.kind is ObligationKind.ART7_INITIAL
    )
    assert initial.due_on == date(2012, 1, 5)
    meetings = ForumService(database).members("msp", date(2011, 8, 1))
    assert "SSD" in {member.state_iso3 for member in meetings}
    sweden = treaties.participation("SWE", "APMBC")
    assert sweden is not None and sweden.signed_on == date(1997, 12, 3)
    assert PLACEHOLDER not in sweden.source and "Landmine Monitor" in sweden.source
    norway = treaties.participation("NOR", "APMBC")  # an officer's correction stays
    assert norway is not None
    assert (norway.signed_on, norway.source) == (date(1997, 12, 4), "Our embassy")
    council = FactService(database).council_members(2001)
    assert ids["BGD"] in council and len(council) == 15
    with database.read() as session:
        canada_in_cd = session.connection().exec_driver_sql(
            "SELECT start_on FROM seat WHERE body = 'CD' AND state_id = ?", (ids["CAN"],)
        )
        assert [str(day) for (day,) in canada_in_cd] == ["1979-01-24"]  # moved, not doubled
    in_1990 = ForumService(database).members("cd", date(1990, 1, 1))
    assert "CAN" in {member.state_iso3 for member in in_1990}
    database.close()
