"""Running the migrations to head, on either backend, in one transaction."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine

if TYPE_CHECKING:
    from outreach.storage.backend import Backend

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


def upgrade_to_head(engine: Engine, backend: Backend) -> None:
    """Migrate to the newest schema in one transaction (the backend says what else it
    needs around it: see `Backend.migrating`)."""
    if current_revision(engine) == head_revision():
        return
    with engine.connect() as connection, backend.migrating(connection):
        config = alembic_config()
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
