"""A whole database copied into an empty one: `outreach copy SOURCE DEST`, from a file to
a server, a server to a file, or a file to a file.

Every table goes across, the audit trail included, with the values as a file stores them
(see `outreach.io.csv_export.as_stored`), so an export of the copy is the export of the
original. The destination is written in one transaction: a copy that fails half-way
leaves the destination as empty as it was. The full-text index is not copied but rebuilt
on the destination, once, at the end of that transaction.

`fill_empty_database` is also the second half of `outreach import json`: an import is a
copy whose source is a file of rows, and both must refuse the same databases and restore
rows the same way.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection

from outreach.errors import ValidationError
from outreach.i18n import _
from outreach.io.csv_export import exported_tables, table_rows
from outreach.progress import Progress, no_progress
from outreach.search.index import deferred_search_index
from outreach.storage.bulk import bulk_transaction
from outreach.storage.database import Database

#: Rows fetched from the source per round trip, and between two progress reports.
BATCH = 5_000

#: A table's columns and its rows (each a sequence of cells in the columns' order).
TableContent = tuple[Sequence[str], Iterable[Sequence[Any]]]


@dataclass(frozen=True, slots=True)
class CopySummary:
    """What a copy or an import into an empty database wrote."""

    rows: dict[str, int]  # per table

    @property
    def total(self) -> int:
        return sum(self.rows.values())


def _listing(tables: Sequence[str]) -> str:
    return ", ".join(tables[:4]) + ("…" if len(tables) > 4 else "")


def fill_empty_database(
    db: Database,
    content_of: Callable[[str], TableContent | None],
    refusal: Callable[[str], str],
) -> CopySummary:
    """Put each table's rows into `db`, which must be empty, in one transaction; returns
    the number of rows per table given.

    Tables go parents before children, so every foreign key finds its row. `content_of`
    gives a table's columns and rows, or None to leave it out. A database holding any row
    is refused with `refusal(tables)` before anything is written: rows with their own ids
    cannot be merged into rows that already use them (an import checks its rows against
    the schema before it comes here). The search index is set aside while the rows go in
    and rebuilt once at the end, in the same transaction.
    """
    tables = exported_tables(db)
    with bulk_transaction(db) as bulk:
        filled = [table for table in tables if bulk.count(table)]
        if filled:
            raise ValidationError(refusal(_listing(filled)))
        counts: dict[str, int] = {}
        with deferred_search_index(db, bulk):
            for table in tables:
                content = content_of(table)
                if content is None:
                    continue
                columns, rows = content
                counts[table] = bulk.insert_rows(
                    table, (dict(zip(columns, row, strict=True)) for row in rows)
                )
    return CopySummary(rows=counts)


def _snapshot_options(db: Database) -> dict[str, Any]:
    """How the source is read: rows fetched in batches, not a whole table at once, and
    every table from one snapshot (an officer saving a log entry while the copy runs
    must not leave it with a link to an entry it never read)."""
    return {"stream_results": True, "max_row_buffer": BATCH, **db.backend.snapshot_options()}


def _count_rows(connection: Connection, tables: Iterable[str]) -> int:
    return sum(
        int(connection.exec_driver_sql(f'SELECT count(*) FROM "{table}"').scalar_one())
        for table in tables
    )


class _Counter:
    """Counts the rows as they pass: reports before the first, every `BATCH` rows and
    at the end of each table."""

    def __init__(self, total: int, progress: Progress) -> None:
        self.total = total
        self.done = 0
        self.started = False
        self.progress = progress

    def counting(self, rows: Iterable[Sequence[Any]]) -> Iterator[Sequence[Any]]:
        if not self.started:  # only now: a refused destination shows no progress
            self.started = True
            self.report()
        for row in rows:
            yield row
            self.done += 1
            if self.done % BATCH == 0:
                self.report()
        self.report()

    def report(self) -> None:
        self.progress(self.done, self.total)


def _refusal(destination: Database) -> Callable[[str], str]:
    where = destination.location.display

    def refusal(tables: str) -> str:
        return _(
            "A copy goes into an empty database; {where} already holds {tables}. "
            "Copy into a new file or an empty database on the server."
        ).format(where=where, tables=tables)

    return refusal


def copy_database(
    source: Database,
    destination: Database,
    progress: Progress = no_progress,
) -> CopySummary:
    """Copy every table of `source` into `destination`, which must be empty; the source
    is read in one transaction and the destination written in one.

    `progress(done, total)` is told the rows copied so far: before the first row (once
    the destination is known to be empty), every few thousand rows and after each table.
    """
    if source.location.display == destination.location.display:
        raise ValidationError(_("The source and the destination are the same database."))
    present = set(exported_tables(source))
    with source.read() as session:
        connection = session.connection(execution_options=_snapshot_options(source))
        counter = _Counter(_count_rows(connection, sorted(present)), progress)

        def content_of(table: str) -> TableContent | None:
            if table not in present:
                return None
            columns, rows = table_rows(connection, table)
            return columns, counter.counting(rows)

        return fill_empty_database(destination, content_of, _refusal(destination))
