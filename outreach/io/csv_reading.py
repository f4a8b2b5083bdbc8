"""Reading the CSV and tab-separated files people import (contacts, a UNTC status table):
the encoding, the separator, and records with their line numbers, refusing a file whose
quotes do not pair up rather than reading it wrong.

An unbalanced quote makes the csv module read on, across line breaks, until the next
quote or the end of the file: one "name" that holds the rest of the file. Reading is
strict (text after a closing quote is an error, as is the end of the file inside quotes)
and a cell that runs over line breaks is refused when one of the lines it swallowed holds
as many separators as a whole row: rows of the file, not a note with a line break.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from pathlib import Path

from outreach.attachments.files import file_size, read_file
from outreach.decoding import decode
from outreach.errors import ValidationError
from outreach.i18n import _

MEGABYTE = 1_000_000

# The csv module refuses a cell over 131,072 characters with an error of its own; ours
# is the file's size, so that a long cell is a problem of its row (each field has its
# limit), never a failure of the reader. The limit is per process; raising it harms none.
csv.field_size_limit(max(csv.field_size_limit(), 200 * MEGABYTE))

Record = tuple[int, list[str]]  # the line a record starts on, and its cells


def read_text(path: Path, max_bytes: int, too_large: str) -> str:
    """The file's text; refused (`too_large`, a message marked `N_` with {name} and {mb}
    in it; nothing read) when it is over `max_bytes`."""
    size = file_size(path)
    if size > max_bytes:
        raise ValidationError(_(too_large).format(name=Path(path).name, mb=size / MEGABYTE))
    return decode(read_file(path))


def sniff_delimiter(text: str, prefer_tab: bool = False) -> str:
    """The separator of the first lines: comma, semicolon or tab (comma when unsure)."""
    first_lines = "\n".join(text[:65_536].splitlines()[:20])
    if prefer_tab and "\t" in first_lines:
        return "\t"
    try:
        return csv.Sniffer().sniff(first_lines, delimiters=",;\t").delimiter
    except csv.Error:
        return ","


def records(text: str, delimiter: str, width: int | None = None) -> Iterator[Record]:
    """The file's records with the line each starts on. Raises ValidationError, naming
    the line, for quotes that do not pair up (see the module's doc). `width` is how many
    cells a row has, to tell rows swallowed into a cell; by default the first record's."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    separators = max(width - 1, 1) if width else 0
    while True:
        start = reader.line_num + 1
        try:
            record = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            raise ValidationError(_unpaired(start, reader.line_num, str(error))) from None
        if not separators and any(cell.strip() for cell in record):
            separators = max(len(record) - 1, 1)
        elif reader.line_num > start and _swallows_rows(record, delimiter, separators):
            raise ValidationError(
                _(
                    "line {line}: a quote is not closed (the cell runs on to line "
                    "{end}, taking rows with it); nothing was imported."
                ).format(line=start, end=reader.line_num)
            )
        yield start, record


def _unpaired(start: int, now: int, error: str) -> str:
    if "end of data" in error:
        message = _(
            "line {line}: a quote is not closed (the cell runs to the end of the file); "
            "nothing was imported."
        )
    elif now > start:
        message = _(
            "line {line}: a quote is not closed (the cell runs on to line {end}); "
            "nothing was imported."
        )
    else:
        message = _(
            "line {line}: text follows a closing quote; put the whole cell in quotes, with "
            'each quote inside it doubled (""). Nothing was imported.'
        )
    return message.format(line=start, end=now)


def _swallows_rows(record: list[str], delimiter: str, separators: int) -> bool:
    return any(
        line.count(delimiter) >= separators
        for cell in record
        if "\n" in cell or "\r" in cell
        for line in cell.splitlines()[1:]
    )
