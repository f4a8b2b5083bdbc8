"""Preparing a database for use: reference data always, the demo campaign on a first run."""

from __future__ import annotations

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
