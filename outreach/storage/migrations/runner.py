"""Running the migrations to head, on either backend, in one transaction.

Opening a database that is already at head is the common case: it is told from the
written-out `HEAD_REVISION` and one query of the version table, without loading Alembic
(a noticeable part of every start of the command line). Alembic and the migration
scripts load only when a migration must actually run, or when a revision other than the
head must be looked up (`is_known`).
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, inspect, text

if TYPE_CHECKING:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    from outreach.storage.backend import Backend

SCRIPT_LOCATION = Path(__file__).parent
#: The newest migration's revision, written out so that "is this database at head?" needs
#: no migration script read. Update it with every new migration (a test compares it with
#: the scripts' own head, `scripted_head`).
HEAD_REVISION = "0012"
VERSION_TABLE = "alembic_version"


def alembic_config() -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(SCRIPT_LOCATION))
    return config


@cache
def _script() -> ScriptDirectory:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config())


def known_revisions() -> frozenset[str]:
    return frozenset(script.revision for script in _script().walk_revisions())


def is_known(revision: str) -> bool:
    """Whether this version's migrations know `revision` (a newer version's is unknown);
    the head is known without reading the scripts."""
    return revision == head_revision() or revision in known_revisions()


def head_revision() -> str:
    """The revision a database of this version is at (`HEAD_REVISION`)."""
    return HEAD_REVISION


def scripted_head() -> str:
    """The head the migration scripts themselves declare (reads them with Alembic)."""
    head = _script().get_current_head()
    assert head is not None, "the migrations have no head"
    return head


def current_revision(engine: Engine) -> str | None:
    """The revision the database is at, from its version table as Alembic keeps it: None
    for a database Alembic never touched (or whose version table is empty)."""
    with engine.connect() as connection:
        if not inspect(connection).has_table(VERSION_TABLE):
            return None
        revision = connection.execute(text(f"SELECT version_num FROM {VERSION_TABLE}")).scalar()
    return None if revision is None else str(revision)


def upgrade_to_head(engine: Engine, backend: Backend) -> str | None:
    """Migrate to the newest schema in one transaction (the backend says what else it
    needs around it: see `Backend.migrating`); the revision the database was at before,
    None when it was new or already at the head."""
    before = current_revision(engine)
    if before == head_revision():
        return None
    from alembic import command  # only now: a database at head never loads Alembic

    with engine.connect() as connection, backend.migrating(connection):
        config = alembic_config()
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
    return before
