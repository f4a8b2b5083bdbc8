"""CSV out: one file per table (`outreach export csv DIR`), and the one CSV writer that
every export uses, the app's "Export this list" included.

A spreadsheet program runs a cell that begins with = + - @ (or a tab or carriage return
before one) as a formula, which a hostile value in a contact's notes could abuse. Every
text cell written here goes through `neutralise`, which puts a single quote in front of
such a cell, as OWASP recommends; the quote shows, the formula does not run. Numbers are
written as numbers: they cannot carry a formula.
"""

from __future__ import annotations

import base64
import contextlib
import csv
import os
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import IO, Any

from outreach.errors import OutreachError
from outreach.i18n import _
from outreach.storage.database import Database

DANGEROUS_FIRST = ("=", "+", "-", "@", "\t", "\r")


def neutralise(cell: object) -> str:
    """A cell's text, safe to open in a spreadsheet program."""
    if cell is None:
        return ""
    if isinstance(cell, bool):
        return "1" if cell else "0"
    if isinstance(cell, int | float):
        return repr(cell) if isinstance(cell, float) else str(cell)
    if isinstance(cell, datetime | date):
        return cell.isoformat()
    text = str(cell)
    if text.startswith(DANGEROUS_FIRST):
        return "'" + text
    return text


def unneutralise(cell: str) -> str:
    """A cell read back from one of our CSV files: the quote `neutralise` added goes."""
    if cell.startswith("'") and cell[1:].startswith(DANGEROUS_FIRST):
        return cell[1:]
    return cell


def _cannot_write(path: Path, error: OSError) -> OutreachError:
    return OutreachError(
        _("Cannot write {path}: {reason}").format(path=path, reason=error.strerror or error)
    )


@contextlib.contextmanager
def replacing(path: Path, encoding: str = "utf-8", newline: str | None = "") -> Iterator[IO[str]]:
    """A text file written beside `path` and moved over it only when complete, so a
    failed export never leaves half a file where the user expects a whole one."""
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        descriptor, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    except OSError as error:
        raise _cannot_write(path, error) from None
    try:
        with os.fdopen(descriptor, "w", encoding=encoding, newline=newline) as handle:
            yield handle
        os.replace(temporary, path)
    except OSError as error:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise _cannot_write(path, error) from None
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def write_rows(handle: IO[str], header: Sequence[str], rows: Iterable[Sequence[Any]]) -> int:
    """Write a header and rows, every cell neutralised; returns the number of rows.

    Every CSV the program writes goes through here: the files (`write_csv`), the app's
    "Export this list" and the command line's `--format csv`. A file is UTF-8 with a
    byte-order mark (written by the caller's encoding, see `write_csv`) so that Excel
    reads accents right; the csv module quotes commas, quotes and newlines. Lines end
    in CRLF, as RFC 4180 has it, on a terminal too: with a bare LF, the csv module
    would leave a cell holding a carriage return unquoted, and split its row.
    """
    writer = csv.writer(handle, lineterminator="\r\n")
    writer.writerow([neutralise(name) for name in header])
    count = 0
    for row in rows:
        writer.writerow([neutralise(cell) for cell in row])
        count += 1
    return count


def write_csv(path: Path, header: Sequence[str], rows: Iterable[Sequence[Any]]) -> int:
    """Write one CSV file (replacing it whole); returns the number of rows written."""
    with replacing(path, encoding="utf-8-sig") as handle:
        return write_rows(handle, header, rows)


def exported_tables(db: Database) -> list[str]:
    """The app's tables, parents before children (the full-text index and the migration
    bookkeeping aside)."""
    from outreach.storage.models import Base

    with db.read() as session:
        present = db.backend.table_names(session.connection())
    return [table.name for table in Base.metadata.sorted_tables if table.name in present]


def as_stored(value: Any) -> Any:
    """A cell as a SQLite file stores it (dates as ISO text, times with microseconds,
    yes/no as 1/0), whichever backend it was read from: an export of a file and of a
    server holding the same records is the same export. An attached file's bytes stay
    bytes (a file writes them as `text_of_bytes`)."""
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M:%S.%f")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, memoryview):
        return bytes(value)
    return value


def text_of_bytes(value: bytes) -> str:
    """An attached file's bytes in an export, which holds text: base64."""
    return base64.b64encode(value).decode("ascii")


def table_rows(connection: Any, table: str) -> tuple[list[str], Iterator[list[Any]]]:
    """The columns and the rows of one table, in id order, as stored (see `as_stored`)."""
    result = connection.exec_driver_sql(f'SELECT * FROM "{table}" ORDER BY id')
    return list(result.keys()), ([as_stored(value) for value in row] for row in result)


def export_csv(db: Database, folder: Path, *, plaintext_ok: bool = False) -> dict[str, int]:
    """One `<table>.csv` per table in `folder` (created if needed), every row and column
    as stored; returns the number of rows written per table. From an encrypted database,
    only when the officer says so (`plaintext_ok`)."""
    from outreach.storage.encryption import refuse_plaintext

    refuse_plaintext(db, "a CSV export", plaintext_ok)
    folder = Path(folder)
    if folder.exists() and not folder.is_dir():
        raise OutreachError(
            _("{folder} is a file; give a folder to export the tables into.").format(folder=folder)
        )
    counts: dict[str, int] = {}
    tables = exported_tables(db)
    with db.read() as session:  # one snapshot for every file
        connection = session.connection()
        for table in tables:
            header, rows = table_rows(connection, table)
            texts = (
                [text_of_bytes(cell) if isinstance(cell, bytes) else cell for cell in row]
                for row in rows
            )
            counts[table] = write_csv(folder / f"{table}.csv", header, texts)
    return counts
