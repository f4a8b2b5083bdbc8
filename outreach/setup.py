"""Preparing a database for use: reference data always, the demo campaign on a first run;
and saying beforehand when opening will take a while."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from outreach.storage import sqlite_file
from outreach.storage.database import Database, open_database


def prepare_database(path: Path, *, demo_on_first_run: bool) -> Database:
    """Open `path`; a new file gets the reference data (and the demo, if asked)."""
    from outreach.demo.campaign import load_demo
    from outreach.reference.loader import load_reference

    first_run = sqlite_file.is_blank(path)
    db = open_database(path)
    if load_reference(db) and first_run and demo_on_first_run:
        load_demo(db)
    return db


def preparation_needed(path: Path) -> str | None:
    """What opening `path` will do that takes a while, in words for the user; None when
    it opens at once. Reads the file only: it changes nothing."""
    from outreach.search.index import search_index_is_current
    from outreach.storage.migrations.runner import head_revision

    if sqlite_file.is_blank(path):
        return f"Creating {path.name} with the reference data and the demo campaign…"
    try:
        revision = sqlite_file.read_schema_revision(path)
        if revision not in (None, head_revision()) and sqlite_file.holds_data(path):
            return (
                f"Updating {path.name} for this version of Outreach: a copy of it is kept "
                "beside it first…"
            )
        if revision is not None and not search_index_is_current(path):
            return f"Rebuilding the search index of {path.name}…"
    except (OSError, sqlite3.Error):
        return None  # opening will say what is wrong with the file
    return None
