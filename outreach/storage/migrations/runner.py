"""Running the migrations: to head, with foreign keys off around table rebuilds.

SQLite rebuilds a table to alter it (Alembic's batch mode). With foreign keys on, dropping
the old parent table would cascade deletes into child rows, so they are switched off for
the upgrade and `PRAGMA foreign_key_check` must come back empty before it commits.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine

from outreach.errors import CorruptDatabaseError
from outreach.storage.migrations.filters import SEARCH_TRIGGERS_QUERY

SCRIPT_LOCATION = Path(__file__).parent


def alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(SCRIPT_LOCATION))
    return config


@cache
def _script() -> ScriptDirectory:
    return ScriptDirectory.from_config(alembic_config())


def known_revisions() -> frozenset[str]:
    return frozenset(script.revision for script in _script().walk_revisions())


def head_revision() -> str:
    head = _script().get_current_head()
    assert head is not None, "the migrations have no head"
    return head


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def _drop_search_triggers(connection: Connection) -> None:
    """The search index's triggers go before a migration; opening the file recreates them
    and rebuilds the index (see filters.SEARCH_TRIGGER_PREFIX)."""
    names = connection.exec_driver_sql(*SEARCH_TRIGGERS_QUERY).scalars()
    for name in list(names):
        quoted = name.replace('"', '""')
        connection.exec_driver_sql(f'DROP TRIGGER IF EXISTS "{quoted}"')


def upgrade_to_head(engine: Engine) -> None:
    if current_revision(engine) == head_revision():
        return
    with engine.connect() as connection:
        # Outside any transaction: SQLite ignores this pragma inside one.
        driver = connection.connection.dbapi_connection
        assert driver is not None
        driver.execute("PRAGMA foreign_keys = OFF")
        try:
            with connection.begin():
                _drop_search_triggers(connection)
                config = alembic_config()
                config.attributes["connection"] = connection
                command.upgrade(config, "head")
                problems = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                if problems:
                    raise CorruptDatabaseError(
                        f"migration would break {len(problems)} references; nothing was changed"
                    )
        finally:
            driver.execute("PRAGMA foreign_keys = ON")
