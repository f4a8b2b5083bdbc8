"""Everything in one JSON file, and back: `outreach export json FILE` and
`outreach import json FILE` (into an empty database).

The file holds every table — the audit trail included — row by row, with the values as
the database stores them (dates as ISO text, yes/no as 1/0), so an import into an empty
database gives identical content, table by table. The full-text search index is not
exported: it is rebuilt from the rows on import.

    {"format": "outreach-export", "version": 1, "schema": "0002", "exported_at": "...",
     "tables": {"state": {"columns": ["id", "iso2", ...], "rows": [[1, "AF", ...], ...]},
                ...}}
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from outreach.errors import OutreachError, ValidationError
from outreach.io.csv_export import exported_tables, replacing, table_rows
from outreach.io.database_copy import TableContent, fill_empty_database
from outreach.storage.backend import BulkWriter
from outreach.storage.database import Database
from outreach.storage.migrations import runner

FORMAT = "outreach-export"
VERSION = 1


@dataclass(frozen=True, slots=True)
class JsonImportSummary:
    rows: dict[str, int]  # per table

    @property
    def total(self) -> int:
        return sum(self.rows.values())


def _plain(value: Any) -> Any:
    if isinstance(value, bytes):
        raise OutreachError("A table holds binary data, which the JSON export cannot carry.")
    return value


def export_json(db: Database, path: Path) -> dict[str, int]:
    """Write every table to `path`; returns the number of rows per table."""
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
                cells = [_plain(value) for value in row]
                handle.write(("," if count else "") + "\n" + json.dumps(cells, ensure_ascii=False))
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
        raise OutreachError(f"Cannot read {path}: {error.strerror or error}") from None
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        raise ValidationError(f"{path} is not a JSON file: {error}") from None
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise ValidationError(f"{path} is not an Outreach export (no '{FORMAT}' marker).")
    if document.get("version") != VERSION:
        raise ValidationError(
            f"{path} is an export of version {document.get('version')}; "
            f"this version of Outreach reads version {VERSION}."
        )
    if not isinstance(document.get("tables"), dict):
        raise ValidationError(f"{path} has no tables.")
    return document


def _check_tables(document: dict[str, Any], known: dict[str, set[str]]) -> None:
    for table, content in document["tables"].items():
        if table not in known:
            raise ValidationError(f"The export holds a table this app does not know: {table}.")
        if not isinstance(content, dict) or not isinstance(content.get("rows"), list):
            raise ValidationError(f"The export's table {table} is not readable.")
        unknown = set(content.get("columns", [])) - known[table]
        if unknown:
            raise ValidationError(
                f"The export's table {table} has columns this app does not know: "
                f"{', '.join(sorted(unknown))} (exported by a newer version?)."
            )


def _refusal(tables: str) -> str:
    return (
        f"A JSON export goes into an empty database; this one already holds {tables}. "
        "Import it with --db into a new file."
    )


def import_json(db: Database, path: Path) -> JsonImportSummary:
    """Load an export into this database, which must be empty, in one transaction."""
    document = _read(path)

    def check(bulk: BulkWriter, tables: list[str]) -> None:
        _check_tables(document, {table: bulk.columns(table) for table in tables})

    def content_of(table: str) -> TableContent | None:
        content = document["tables"].get(table)
        if content is None:
            return None
        columns, rows = list(content["columns"]), content["rows"]
        for row in rows:
            if not isinstance(row, list) or len(row) != len(columns):
                raise ValidationError(f"A row of table {table} has the wrong shape.")
        return columns, rows

    return JsonImportSummary(rows=fill_empty_database(db, content_of, _refusal, check))
