"""Alembic environment: runs on the connection handed in by the runner."""

from __future__ import annotations

from typing import Any

from alembic import context
from sqlalchemy import create_engine

from outreach.storage.models import Base

# Full-text search tables are made by sqlite-utils, not by the ORM; never touch them.
FTS_SUFFIXES = ("_fts", "_fts_data", "_fts_idx", "_fts_docsize", "_fts_config", "_fts_content")


def include_object(
    _object: Any, name: str | None, type_: str, _reflected: bool, _compare_to: Any
) -> bool:
    return not (type_ == "table" and name is not None and name.endswith(FTS_SUFFIXES))


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
