"""Tables said in short, for the initial schema's migration (0001), which Alembic's
autogenerate first wrote out call by call.

History: what `create` and `drop` emit must never change, or a database migrated before
would differ from one migrated after (the tests compare the migrated schema with the
models on both backends). A later migration writes its own operations, not these.

A table is its name and its columns in near-SQL, comma-separated, each

    name type [null] [unique] [index] [-> table [cascade]]

- type: `int`, `text`, `date`, `datetime`, `bool`, or `str(N)` (at most N characters);
- `null`: the column may be NULL (else it is NOT NULL);
- `unique`: a unique constraint on the column alone;
- `index`: an index on the column alone;
- `-> table`: a foreign key to `table.id`; `cascade` deletes the row with that record.

Every table has an integer primary key `id` before its columns. Constraints and indexes
are made in the order autogenerate wrote them (SQLite keeps that order in the schema):
checks, foreign keys by column, the primary key, unique constraints; indexes by name.
Names follow the models' naming convention (`outreach.storage.models.NAMING`).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import sqlalchemy as sa
from alembic import op
from alembic.operations import BatchOperations

_TYPES: dict[str, type[sa.types.TypeEngine[Any]]] = {
    "int": sa.Integer,
    "text": sa.Text,
    "date": sa.Date,
    "datetime": sa.DateTime,
    "bool": sa.Boolean,
}
_COLUMN = re.compile(
    r"(?P<name>\w+) (?:str\((?P<length>\d+)\)|(?P<type>\w+))(?P<null> null)?(?P<unique> unique)?"
    r"(?P<index> index)?(?: -> (?P<refers>\w+)(?P<cascade> cascade)?)?"
)


@dataclass(frozen=True, slots=True)
class Column:
    name: str
    length: int | None  # a str(N) column; else `type` says what it is
    type: str
    null: bool
    unique: bool
    index: bool
    refers: str | None
    cascade: bool

    @classmethod
    def parse(cls, spec: str) -> Column:
        found = _COLUMN.fullmatch(spec.strip())
        if found is None:
            raise ValueError(f"not a column: {spec!r}")
        return cls(
            name=found["name"],
            length=int(found["length"]) if found["length"] else None,
            type=found["type"] or "str",
            null=bool(found["null"]),
            unique=bool(found["unique"]),
            index=bool(found["index"]),
            refers=found["refers"],
            cascade=bool(found["cascade"]),
        )

    def column(self) -> sa.Column[Any]:
        kind = sa.String(length=self.length) if self.length else _TYPES[self.type]()
        return sa.Column(self.name, kind, nullable=self.null)


@dataclass(frozen=True, slots=True)
class Index:
    name: str
    columns: list[str]
    conventional: bool  # named by the naming convention (a one-column index)


@dataclass(frozen=True, slots=True)
class Table:
    name: str
    columns: tuple[Column, ...]
    checks: Mapping[str, str] = field(default_factory=dict)  # name: condition
    unique: tuple[str, ...] = ()  # one unique constraint on these columns together
    indexes: Mapping[str, Sequence[str]] = field(default_factory=dict)  # named, several columns

    def all_indexes(self) -> list[Index]:
        """The table's indexes, by name."""
        found = [
            Index(f"ix_{self.name}_{column.name}", [column.name], conventional=True)
            for column in self.columns
            if column.index
        ]
        found += [
            Index(name, list(columns), conventional=False) for name, columns in self.indexes.items()
        ]
        return sorted(found, key=lambda index: index.name)

    def unique_constraints(self) -> list[tuple[str, ...]]:
        """Each column unique on its own, in order, then the columns unique together."""
        alone: list[tuple[str, ...]] = [(column.name,) for column in self.columns if column.unique]
        return [*alone, self.unique] if self.unique else alone


def table(
    name: str,
    columns: str,
    *,
    checks: Mapping[str, str] | None = None,
    unique: Sequence[str] = (),
    indexes: Mapping[str, Sequence[str]] | None = None,
) -> Table:
    return Table(
        name,
        tuple(Column.parse(spec) for spec in columns.split(",")),
        checks or {},
        tuple(unique),
        indexes or {},
    )


def link(name: str, owner: str, other: str, more: str = "") -> Table:
    """A table tying a record of `owner` (its rows go with it) to one of `other`, once
    each pair: both keys indexed; `more` columns after them."""
    keys = f"{owner}_id int index -> {owner} cascade, {other}_id int index -> {other}"
    return table(name, f"{keys}, {more}" if more else keys, unique=(f"{owner}_id", f"{other}_id"))


def create(shape: Table) -> None:
    """CREATE TABLE, then its indexes."""
    name = shape.name
    keys = sorted((column for column in shape.columns if column.refers), key=lambda c: c.name)
    op.create_table(
        name,
        sa.Column("id", sa.Integer(), nullable=False),
        *(column.column() for column in shape.columns),
        *(
            sa.CheckConstraint(condition, name=op.f(f"ck_{name}_{check}"))
            for check, condition in shape.checks.items()
        ),
        *(
            sa.ForeignKeyConstraint(
                [key.name],
                [f"{key.refers}.id"],
                name=op.f(f"fk_{name}_{key.name}_{key.refers}"),
                ondelete="CASCADE" if key.cascade else None,
            )
            for key in keys
        ),
        sa.PrimaryKeyConstraint("id", name=op.f(f"pk_{name}")),
        *(
            sa.UniqueConstraint(*columns, name=op.f(f"uq_{name}_{columns[0]}"))
            for columns in shape.unique_constraints()
        ),
    )
    indexes = shape.all_indexes()
    if indexes:
        with op.batch_alter_table(name, schema=None) as batch_op:
            for index in indexes:
                batch_op.create_index(_name(batch_op, index), index.columns, unique=False)


def drop(shape: Table) -> None:
    """Its indexes, last made first, then DROP TABLE."""
    indexes = shape.all_indexes()
    if indexes:
        with op.batch_alter_table(shape.name, schema=None) as batch_op:
            for index in reversed(indexes):
                batch_op.drop_index(_name(batch_op, index))
    op.drop_table(shape.name)


def _name(batch_op: BatchOperations, index: Index) -> str:
    """A conventional name marked as final (as autogenerate wrote it), else as given."""
    return batch_op.f(index.name) if index.conventional else index.name
