"""Alembic environment: runs on the connection handed in by the runner."""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from outreach.storage.migrations.filters import include_object
from outreach.storage.models import Base


def run() -> None:
    config = context.config
    connection = config.attributes.get("connection")
    if connection is None:
        url = config.get_main_option("sqlalchemy.url") or "sqlite:///outreach-dev.db"
        connection = create_engine(url).connect()
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        render_as_batch=True,
        include_object=include_object,
        compare_type=True,
    )
    context.run_migrations()


run()
