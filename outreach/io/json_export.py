"""Everything in one JSON file, and back: `outreach export json FILE` and
`outreach import json FILE` (into an empty database).

The file holds every table — the audit trail included — row by row, with the values as
the database stores them (dates as ISO text, yes/no as 1/0), so an import into an empty
database gives identical content, table by table. Attached files travel inside the file:
their bytes (`attachment_blob.content`) as base64 text, decoded on import. The full-text
search index is not exported: it is rebuilt from the rows on import.

An import checks the whole file against the schema before it writes a row
(`outreach.io.schema_check`): a file with a date that is no date, a missing required
value or a reference to no row is refused with every problem and where it is.

    {"format": "outreach-export", "version": 1, "schema": "0002", "exported_at": "...",
     "tables": {"state": {"columns": ["id", "iso2", ...], "rows": [[1, "AF", ...], ...]},
                ...}}
"""

from __future__ import annotations

import base64
import json
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select

from outreach.errors import OutreachError, ValidationError
from outreach.i18n import _, ngettext
from outreach.io.csv_export import exported_tables, replacing, table_rows, text_of_bytes
from outreach.io.database_copy import CopySummary, TableContent, fill_empty_database
from outreach.io.schema_check import ExistingValues, is_binary, rows_problems, summary
from outreach.storage.audit_chain import export_chain_problems
from outreach.storage.database import Database
from outreach.storage.encryption import refuse_plaintext
from outreach.storage.migrations import runner
from outreach.storage.models import Base

FORMAT = "outreach-export"
VERSION = 1


def _cell(value: Any) -> str:
    """What JSON cannot say itself: an attached file's bytes, as base64 text."""
    if isinstance(value, bytes):
        return text_of_bytes(value)
    raise TypeError(f"{type(value).__name__} is not exported")


def export_json(db: Database, path: Path, *, plaintext_ok: bool = False) -> dict[str, int]:
    """Write every table to `path`; returns the number of rows per table. From an
    encrypted database, only when the officer says so (`plaintext_ok`)."""
    refuse_plaintext(db, "a JSON export", plaintext_ok)
    tables = exported_tables(db)
    counts: dict[str, int] = {}
    with db.read() as session, replacing(Path(path)) as handle:
        connection = session.connection()
        handle.write(
            "{"
            f'"format": "{FORMAT}", "version": {VERSION}, '
            f'"schema": {json.dumps(runner.current_revision(db.engine))}, '
            f'"exported_at": "{datetime.now(UTC).replace(microsecond=0).isoformat()}", '
            '"tables": {'
        )
        for number, table in enumerate(tables):
            columns, rows = table_rows(connection, table)
            handle.write(("," if number else "") + f"\n{json.dumps(table)}: ")
            handle.write(f'{{"columns": {json.dumps(columns)}, "rows": [')
            count = 0
            for row in rows:  # streamed: the large demo does not fit in one string
                cells = json.dumps(row, ensure_ascii=False, default=_cell)
                handle.write(("," if count else "") + "\n" + cells)
                count += 1
            handle.write("]}")
            counts[table] = count
        handle.write("\n}}\n")
    return counts


def _read(path: Path) -> dict[str, Any]:
    try:
        with Path(path).open(encoding="utf-8") as handle:
            document = json.load(handle)
    except OSError as error:
        raise OutreachError(
            _("Cannot read {path}: {reason}").format(path=path, reason=error.strerror or error)
        ) from None
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        raise ValidationError(
            _("{path} is not a JSON file: {error}").format(path=path, error=error)
        ) from None
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise ValidationError(
            _("{path} is not an Outreach export (no '{marker}' marker).").format(
                path=path, marker=FORMAT
            )
        )
    if document.get("version") != VERSION:
        raise ValidationError(
            _(
                "{path} is an export of version {version}; "
                "this version of Outreach reads version {known}."
            ).format(path=path, version=document.get("version"), known=VERSION)
        )
    if not isinstance(document.get("tables"), dict):
        raise ValidationError(_("{path} has no tables.").format(path=path))
    return document


#: Problems listed in a refusal; the rest are counted.
SHOWN_PROBLEMS = 50


def document_problems(db: Database, document: dict[str, Any]) -> list[str]:
    """Every way the document's tables break the schema (types, required values, unique
    values, references), each with where it is; empty when the rows can go in."""
    return list(rows_problems(document["tables"], _existing_values(db)))


def _existing_values(db: Database) -> ExistingValues:
    """The values a column of `db` holds, for references to a table the file leaves out."""

    known: dict[tuple[str, str], set[Any]] = {}

    def values(table: str, column: str) -> set[Any]:
        if (table, column) not in known:
            with db.read() as session:
                found = session.scalars(select(Base.metadata.tables[table].c[column]))
                known[table, column] = set(found)
        return known[table, column]

    return values


def _refuse(path: Path, problems: list[str]) -> None:
    if problems:
        count = len(problems)
        refusal = ngettext(
            "{path} cannot be imported: {count} problem found; nothing was written.",
            "{path} cannot be imported: {count} problems found; nothing was written.",
            count,
        ).format(path=path, count=count)
        raise ValidationError(refusal + "\n" + summary(problems, SHOWN_PROBLEMS))


def _refusal(tables: str) -> str:
    return _(
        "A JSON export goes into an empty database; this one already holds {tables}. "
        "Import it with --db into a new file."
    ).format(tables=tables)


def _content(document: dict[str, Any]) -> Callable[[str], TableContent | None]:
    """A checked document's tables, as `fill_empty_database` takes them."""

    def content_of(table: str) -> TableContent | None:
        content = document["tables"].get(table)
        if content is None:
            return None
        columns = list(content["columns"])
        binary = [index for index, name in enumerate(columns) if is_binary(table, name)]
        if not binary:
            return columns, content["rows"]
        return columns, (_decoded(row, binary) for row in content["rows"])

    return content_of


def _decoded(row: list[Any], binary: list[int]) -> list[Any]:
    """A row with its base64 cells turned back into bytes (checked before: they decode)."""
    cells = list(row)
    for index in binary:
        if cells[index] is not None:
            cells[index] = base64.b64decode(cells[index], validate=True)
    return cells


def import_json(db: Database, path: Path) -> CopySummary:
    """Load an export into this database, which must be empty, in one transaction.

    The whole file is checked first; a file with any problem is refused with all of them
    (the first few dozen listed) and nothing is written."""
    document = _read(path)
    _refuse(path, document_problems(db, document) + export_chain_problems(document))
    return fill_empty_database(db, _content(document), _refusal)
