"""Printing records as a table, CSV or JSON; the options every command reads the same way."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from datetime import date
from enum import Enum
from typing import Any

import click

#: --format for the commands that list records
FORMATS = click.Choice(["table", "csv", "json"])


def plain(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, tuple | list):
        return [plain(item) for item in value]
    return value


def as_json(rows: Sequence[dict[str, Any]]) -> str:
    return json.dumps(
        [{k: plain(v) for k, v in row.items()} for row in rows], ensure_ascii=False, indent=2
    )


def _cell(value: Any) -> str:
    value = plain(value)
    if value is None:
        return ""
    if isinstance(value, list):
        return " ".join(str(item) for item in value)
    return str(value)


def as_csv(rows: Sequence[dict[str, Any]], columns: Sequence[str]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([_cell(row[column]) for column in columns])
    return buffer.getvalue()


def as_table(rows: Sequence[dict[str, Any]], columns: Sequence[str]) -> str:
    cells = [[_cell(row[column]) for column in columns] for row in rows]
    widths = [
        max([len(column), *(len(line[i]) for line in cells)]) for i, column in enumerate(columns)
    ]
    lines = ["  ".join(column.ljust(width) for column, width in zip(columns, widths, strict=True))]
    lines.append("  ".join("-" * width for width in widths))
    lines += [
        "  ".join(cell.ljust(width) for cell, width in zip(line, widths, strict=True))
        for line in cells
    ]
    return "\n".join(line.rstrip() for line in lines)


def print_rows(rows: Sequence[dict[str, Any]], columns: Sequence[str], output: str) -> None:
    """`rows` in the chosen format ("table", "csv" or "json") on standard output."""
    if output == "json":
        click.echo(as_json(rows))
    elif output == "csv":
        click.echo(as_csv(rows, columns), nl=False)
    else:
        click.echo(as_table(rows, columns))


def parse_day(_ctx: click.Context, _param: click.Parameter, value: str | None) -> date | None:
    """A date option's callback: YYYY-MM-DD, or a clear usage error."""
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"'{value}' is not a date; write it as YYYY-MM-DD.") from None
