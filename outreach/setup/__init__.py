"""Preparing a database for use: opening it with its search index, the reference data
always, the demo campaign on a first run; and saying beforehand when opening will take a
while.

Above storage and search (and the demo), so that opening can ask each for its part: the
tables are storage's (`open_migrated`), the full-text index search's, the reference data
and the demo this package's (`setup.reference`, `setup.demo`).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from sqlalchemy.exc import DBAPIError

from outreach.errors import OutreachError
from outreach.i18n import _
from outreach.search.index import ensure_search_index
from outreach.search.sqlite_index import search_index_is_current
from outreach.storage import sqlite_file
from outreach.storage.database import Database, open_migrated
from outreach.storage.location import FileLocation, Location, parse_location
from outreach.storage.migrations.runner import head_revision


def open_database(
    location: Location | Path | str,
    actor: str | None = None,
    *,
    create: bool = False,
    passphrase: str | None = None,
) -> Database:
    """Open and migrate the database at `location` (a file path or a server URL, see
    `outreach.storage.database.open_migrated` for what is refused and when a new one is
    made), then build or repair its full-text search index: the tables and the index
    ready together. A database opened read-only keeps the index it has."""
    db = open_migrated(location, actor, create=create, passphrase=passphrase)
    if db.read_only:
        return db
    try:
        # The full-text search index lives beside the tables, outside the migrations.
        db.search_rebuilt_on_open = tuple(map(str, ensure_search_index(db)))
    except DBAPIError as error:
        db.close()
        raise db.backend.translate_error(error) or error from error
    except BaseException:
        db.close()
        raise
    return db


#: what a first run is doing, as it goes: (what, steps done, steps in all)
Steps = Callable[[str, int, int], None]


def no_steps(_what: str, _done: int, _total: int) -> None:
    """The default: say nothing."""


def prepare_database(
    location: Location | Path | str,
    *,
    demo_on_first_run: bool,
    create: bool = False,
    passphrase: str | None = None,
    steps: Steps = no_steps,
) -> Database:
    """Open a database; a new one (made only when `create`) gets the reference data, and
    the demo if asked, saying each step to `steps` as it starts.

    A server's database gets the demo only when asked for it by name (`outreach demo`):
    a desk's shared database starts with the reference data alone.
    """
    # Here, not at the top: the loaders (and the services they write through) are the
    # work of a first run, not of every command that opens a database.
    from outreach.setup.demo import load_demo_stages
    from outreach.setup.reference import (
        apply_obligations_record,
        load_missing_treaties,
        load_reference,
    )

    where = parse_location(location)
    first_run = isinstance(where, FileLocation) and sqlite_file.is_blank(where.path)
    with_demo = first_run and demo_on_first_run
    total = 3 if with_demo else 0
    if first_run:
        steps(_("Creating the tables…"), 0, total)
    db = open_database(where, create=create, passphrase=passphrase)
    if db.read_only:
        return db
    if first_run:
        steps(_("Loading the reference data: states, treaties, seats and forums…"), 1, total)
    if not load_reference(db):
        load_missing_treaties(db)  # a treaty shipped since the database was made
        if _record_missing(db):
            apply_obligations_record(db)  # brought past the revision that holds it
    if with_demo:
        steps(_("Loading the demo campaign…"), 2, total)
        load_demo_stages(db)  # the reference data are there: the demo alone is loaded
        steps(_("Ready."), 3, total)
    return db


def _record_missing(db: Database) -> bool:
    """Whether opening brought the database from a revision before the record of
    obligations met (`apply_obligations_record`)."""
    from outreach.setup.reference import OBLIGATIONS_RECORD_REVISION

    before = db.migrated_from
    return before is not None and before < OBLIGATIONS_RECORD_REVISION


def preparation_needed(
    location: Location | Path | str, passphrase: str | None = None
) -> str | None:
    """What opening a file will do that takes a while, in words for the user; None when
    it opens at once (and for a server, which prepares itself). Reads the file only: it
    changes nothing."""
    where = parse_location(location)
    if not isinstance(where, FileLocation):
        return None
    path = where.path
    if sqlite_file.is_blank(path):
        return _("Creating {file} with the reference data and the demo campaign…").format(
            file=path.name
        )
    try:
        revision = sqlite_file.read_schema_revision(path, passphrase)
        if revision not in (None, head_revision()) and sqlite_file.holds_data(path, passphrase):
            return _(
                "Updating {file} for this version of Outreach: a backup of it is made first…"
            ).format(file=path.name)
        if revision is not None and not search_index_is_current(path, passphrase):
            return _("Rebuilding the search index of {file}…").format(file=path.name)
    except (OSError, OutreachError):
        return None  # opening will say what is wrong with the file (or ask its passphrase)
    except sqlite_file.DATABASE_ERRORS:
        return None
    return None
