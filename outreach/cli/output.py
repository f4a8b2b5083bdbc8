"""Printing records as a table, CSV or JSON; the options every command reads the same way.

Stored text is printed as `printable` shows it: a name holding terminal control characters
(an escape sequence that clears the screen or recolours the prompt) is printed escaped
("\\x1b[2J"), never run by the terminal. CSV and JSON keep the values as stored: CSV goes
through the one neutralising writer (`outreach.io.csv_export.write_rows`), JSON escapes
control characters itself.
"""

from __future__ import annotations

import io
import json
from collections.abc import Sequence
from datetime import date
from enum import Enum
from typing import Any

import click

from outreach.errors import ValidationError
from outreach.i18n import _
from outreach.services.validation import checked_date, valid_text

#: --format for the commands that list records
FORMATS = click.Choice(["table", "csv", "json"])

#: C0 controls, DEL and C1 controls (the C1 CSI, U+009B, starts an escape sequence too)
_CONTROLS = [*range(0x20), *range(0x7F, 0xA0)]
_SHORT = {"\t": "\\t", "\n": "\\n", "\r": "\\r"}
_ESCAPES = {code: _SHORT.get(chr(code), f"\\x{code:02x}") for code in _CONTROLS}


def printable(text: str, keep: str = "") -> str:
    """`text` with its control characters escaped (ESC as \\x1b, a newline as \\n), so
    that printing stored text cannot drive the terminal; the characters in `keep` stay."""
    if not keep:
        return text.translate(_ESCAPES)
    return text.translate(
        {code: escape for code, escape in _ESCAPES.items() if chr(code) not in keep}
    )


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


def _value(value: Any) -> Any:
    """A cell's value: lists as words, enums as their values, None and numbers kept."""
    value = plain(value)
    if isinstance(value, list):
        return " ".join(str(item) for item in value)
    return value


def _cell(value: Any) -> str:
    value = _value(value)
    return "" if value is None else printable(str(value))


def as_csv(rows: Sequence[dict[str, Any]], columns: Sequence[str]) -> str:
    """The rows as CSV, every cell neutralised like every other CSV the program writes."""
    # Here, not at the top: the CSV writer (and the storage it exports from) loads only
    # for a command that prints CSV.
    from outreach.io.csv_export import write_rows

    buffer = io.StringIO()
    write_rows(buffer, columns, ([_value(row[column]) for column in columns] for row in rows))
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
        return checked_date(date.fromisoformat(valid_text(value, "date")), "date")
    except ValidationError as error:
        raise click.BadParameter(str(error)) from None
    except ValueError:
        raise click.BadParameter(
            _("'{value}' is not a date; write it as YYYY-MM-DD.").format(value=value)
        ) from None


#: For the commands that write what an encrypted database holds into a plain file.
PLAINTEXT_OK = click.option(
    "--plaintext-ok",
    is_flag=True,
    help=_("Write it even from an encrypted database (the export itself is not encrypted)."),
)
