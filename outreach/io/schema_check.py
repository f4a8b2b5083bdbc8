"""Rows from outside checked against the schema before any is written: the tables'
columns, types, required values, unique values and references, read from the SQLAlchemy
tables themselves (`outreach.storage.models`), so a new column is checked the day it is
added.

A database does not refuse everything that is wrong: a SQLite file stores "not a date" in
a date column without a word, and the first screen that reads it fails. So a whole
document is checked first, and every problem is reported with where it is
(`participation[12].signed_on: "not a date" is not a date (YYYY-MM-DD)`).

    problems = rows_problems(tables, existing_ids)

`tables` maps a table's name to its content as the JSON export has it
({"columns": [...], "rows": [[...], ...]}); `existing_ids(table, column)` gives the values
a table of the database already holds, for a reference to a table the document leaves out.
"""

from __future__ import annotations

import base64
import binascii
import json
import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    Date,
    DateTime,
    Float,
    Index,
    Integer,
    LargeBinary,
    Numeric,
    String,
    Table,
    UniqueConstraint,
)

from outreach.i18n import N_, _, ngettext
from outreach.storage.models import Base

#: A cell's problem (without where it is), or None when the cell is fine.
CellCheck = Callable[[Any], str | None]
#: The values a column of a database table holds: (table, column) -> values.
ExistingValues = Callable[[str, str], set[Any]]

DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
MOMENT = re.compile(r"\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?")
INT32 = (-(2**31), 2**31 - 1)  # a PostgreSQL integer
INT64 = (-(2**63), 2**63 - 1)


def shown(value: Any) -> str:
    """A value as the document writes it, cut short."""
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 40 else text[:37] + "…"


# --- one cell --------------------------------------------------------------------------------


def _integer(bounds: tuple[int, int]) -> CellCheck:
    def check(value: Any) -> str | None:
        if isinstance(value, bool) or not isinstance(value, int):
            return _("{value} is not a whole number").format(value=shown(value))
        if not bounds[0] <= value <= bounds[1]:
            return _("{value} is out of range").format(value=shown(value))
        return None

    return check


def _text(length: int | None) -> CellCheck:
    def check(value: Any) -> str | None:
        if not isinstance(value, str):
            return _("{value} is not text").format(value=shown(value))
        if "\x00" in value:
            return _("{value} holds a NUL character, which a database cannot store").format(
                value=shown(value)
            )
        if length is not None and len(value) > length:
            return _("{value} is longer than {limit} characters").format(
                value=shown(value), limit=length
            )
        return None

    return check


def _written(pattern: re.Pattern[str], parse: Callable[[str], object], refusal: str) -> CellCheck:
    """A check that a value is text in `pattern` that `parse` reads, or `refusal` (marked
    `N_`, with {value} in it)."""

    def check(value: Any) -> str | None:
        if isinstance(value, str) and pattern.fullmatch(value):
            try:
                parse(value)
            except ValueError:
                pass
            else:
                return None
        return _(refusal).format(value=shown(value))

    return check


_day = _written(DAY, date.fromisoformat, N_("{value} is not a date (YYYY-MM-DD)"))
_moment = _written(
    MOMENT, datetime.fromisoformat, N_("{value} is not a date and time (YYYY-MM-DD HH:MM:SS)")
)


def _yes_no(value: Any) -> str | None:
    if value in (0, 1):  # True and False too
        return None
    return _("{value} is not yes or no (1 or 0)").format(value=shown(value))


def _number(value: Any) -> str | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return _("{value} is not a number").format(value=shown(value))
    return None


def _anything(_value: Any) -> str | None:
    return None


def _base64(value: Any) -> str | None:
    """An attached file's bytes, written as base64 text."""
    if not isinstance(value, str):
        return _("expected the file's bytes as base64 text, found {value}").format(
            value=shown(value)
        )
    try:
        base64.b64decode(value, validate=True)
    except binascii.Error:
        return _("the file's bytes are not valid base64")
    return None


def is_binary(table: str, column: str) -> bool:
    """Whether the column holds bytes (exported as base64 text)."""
    found = Base.metadata.tables.get(table)
    return found is not None and column in found.c and isinstance(found.c[column].type, LargeBinary)


def cell_check(column: Column[Any]) -> CellCheck:
    """How a value of `column` is checked, from its SQLAlchemy type (NULL aside)."""
    kind = column.type
    if isinstance(kind, Boolean):
        return _yes_no
    if isinstance(kind, BigInteger):
        return _integer(INT64)
    if isinstance(kind, Integer):
        return _integer(INT32)
    if isinstance(kind, DateTime):
        return _moment
    if isinstance(kind, Date):
        return _day
    if isinstance(kind, String):  # Text too
        return _text(kind.length)
    if isinstance(kind, Numeric | Float):
        return _number
    if isinstance(kind, LargeBinary):
        return _base64
    return _anything


def required(column: Column[Any]) -> bool:
    """A column an insert must give: NOT NULL, and the database has no default for it."""
    return not column.nullable and column.server_default is None


# --- a document ------------------------------------------------------------------------------


def _unique_column_sets(table: Table) -> list[tuple[str, ...]]:
    """The columns whose values (together) no two rows may share."""
    sets = [tuple(column.name for column in table.primary_key.columns)]
    sets += [
        tuple(column.name for column in constraint.columns)
        for constraint in table.constraints
        if isinstance(constraint, UniqueConstraint)
    ]
    sets += [
        tuple(column.name for column in index.columns)
        for index in table.indexes
        if index.unique and index.columns and not _partial(index)
    ]
    return list(dict.fromkeys(sets))


def _partial(index: Index) -> bool:
    """A unique index over some rows only (`WHERE ...`): not checked here."""
    return any(key.endswith("_where") and value is not None for key, value in index.kwargs.items())


def _cells_problem(row: Any, columns: int) -> str:
    """What is wrong with a row that is not one cell per column."""
    if not isinstance(row, list):
        return _("not a list of cells for {columns} columns").format(columns=columns)
    return ngettext(
        "{cells} cell for {columns} columns", "{cells} cells for {columns} columns", len(row)
    ).format(cells=len(row), columns=columns)


def _where(table: str, index: int | None = None, column: str | None = None) -> str:
    return (
        table + ("" if index is None else f"[{index}]") + ("" if column is None else f".{column}")
    )


class _Checker:
    """Walks a document, table by table, row by row, collecting problems."""

    def __init__(self, tables: Mapping[str, Any], existing: ExistingValues) -> None:
        self.tables = tables
        self.existing = existing
        self.schema = Base.metadata.tables
        self.readable: dict[str, tuple[list[str], list[Any]]] = {}
        # (table, column) with a cell reported wrong: what refers to it is not judged,
        # or one mistyped id would be reported again by every row that names it
        self.unsure: set[tuple[str, str]] = set()

    def problems(self) -> Iterator[str]:
        for name, content in self.tables.items():
            yield from self.shape(name, content)
        for name in (table.name for table in Base.metadata.sorted_tables):
            if name in self.readable:
                yield from self.rows(self.schema[name])
        for name in self.readable:
            yield from self.references(self.schema[name])

    def shape(self, name: str, content: Any) -> Iterator[str]:
        """The table is known, its columns are, and every required column is there."""
        if name not in self.schema:
            yield "tables: " + _("a table this app does not know: {table}").format(table=name)
            return
        if not isinstance(content, dict) or not isinstance(content.get("rows"), list):
            yield f"{name}: " + _("not a table (an object with columns and rows)")
            return
        columns = content.get("columns")
        where = f"{name}.columns: "
        if not isinstance(columns, list) or not all(isinstance(c, str) for c in columns):
            yield where + _("not a list of column names")
            return
        table = self.schema[name]
        known = set(table.columns.keys())
        unknown = [column for column in columns if column not in known]
        for column in unknown:
            yield where + _("{column} is no column of {table} (a newer version?)").format(
                column=shown(column), table=name
            )
        for column in sorted({c for c in columns if columns.count(c) > 1}):
            yield where + _("{column} comes more than once").format(column=shown(column))
        for column in table.columns:
            if required(column) and column.name not in columns:
                yield where + _("the required column {column} is missing").format(
                    column=shown(column.name)
                )
        if not unknown:
            self.readable[name] = (columns, content["rows"])

    def rows(self, table: Table) -> Iterator[str]:
        """Each row's cells: its length, each value's type, NULL where none is allowed,
        and values that must be unique."""
        columns, rows = self.readable[table.name]
        checks = [(name, table.columns[name], cell_check(table.columns[name])) for name in columns]
        unique_sets = [s for s in _unique_column_sets(table) if set(s) <= set(columns)]
        seen: dict[tuple[str, ...], dict[tuple[Any, ...], int]] = {s: {} for s in unique_sets}
        for index, row in enumerate(rows):
            if not isinstance(row, list) or len(row) != len(columns):
                yield f"{_where(table.name, index)}: " + _cells_problem(row, len(columns))
                self.unsure.update((table.name, name) for name in columns)
                continue
            wrong = False
            for (name, column, check), value in zip(checks, row, strict=True):
                if value is None:
                    problem = None if column.nullable else _("is empty (null) but required")
                else:
                    problem = check(value)
                if problem:
                    wrong = True
                    self.unsure.add((table.name, name))
                    yield f"{_where(table.name, index, name)}: {problem}"
            if not wrong:
                yield from self.unique(table.name, columns, row, index, seen)

    @staticmethod
    def unique(
        name: str,
        columns: list[str],
        row: list[Any],
        index: int,
        seen: dict[tuple[str, ...], dict[tuple[Any, ...], int]],
    ) -> Iterator[str]:
        cells = dict(zip(columns, row, strict=True))
        for column_set, values in seen.items():
            key = tuple(cells[column] for column in column_set)
            if any(value is None for value in key):
                continue  # NULLs never clash
            if key in values:
                what = column_set[0] if len(column_set) == 1 else f"({', '.join(column_set)})"
                value = key[0] if len(key) == 1 else list(key)
                yield f"{_where(name, index, what)}: " + _(
                    "{value} is already used by {row}"
                ).format(value=shown(value), row=_where(name, values[key]))
            else:
                values[key] = index

    def references(self, table: Table) -> Iterator[str]:
        """Every foreign key names a row of the document (or of the database, for a
        table the document leaves out)."""
        columns, rows = self.readable[table.name]
        for key in table.foreign_keys:
            name = key.parent.name
            if name not in columns:
                continue
            position = columns.index(name)
            target, target_column = key.column.table.name, key.column.name
            present = self.present(target, target_column)
            if present is None or (target, target_column) in self.unsure:
                continue  # the target's own problems are reported; these follow from them
            for index, row in enumerate(rows):
                if not isinstance(row, list) or len(row) != len(columns):
                    continue
                value = row[position]
                if value is None or isinstance(value, bool) or not isinstance(value, int):
                    continue  # reported with the row, if it is a problem
                if value not in present:
                    missing = (
                        _("no {table} has {column} {value} in the file")
                        if target in self.tables
                        else _("no {table} has {column} {value} in the file or the database")
                    )
                    yield f"{_where(table.name, index, name)}: " + missing.format(
                        table=target, column=target_column, value=value
                    )

    def present(self, table: str, column: str) -> set[Any] | None:
        """The values `table.column` will hold: the document's, or the database's when the
        document leaves the table out; None when the document's table cannot be read."""
        if table not in self.tables:
            return self.existing(table, column)
        if table not in self.readable:
            return None
        columns, rows = self.readable[table]
        if column not in columns:
            return set()
        position = columns.index(column)
        return {row[position] for row in rows if isinstance(row, list) and len(row) == len(columns)}


def rows_problems(tables: Mapping[str, Any], existing: ExistingValues) -> Iterator[str]:
    """Every problem of `tables` (see the module's docstring), in the tables' order."""
    return _Checker(tables, existing).problems()


def summary(problems: Sequence[str], limit: int) -> str:
    """The first `limit` problems, one a line, and how many more there are."""
    lines = [f"  {problem}" for problem in problems[:limit]]
    more = len(problems) - limit
    if more > 0:
        lines.append(
            "  " + ngettext("… and {count} more", "… and {count} more", more).format(count=more)
        )
    return "\n".join(lines)
