"""What every service is: calls on one database, each call one transaction. And what every
service over one kind of softly deleted record does the same way: read one by id, delete
it (it leaves every list) and restore it.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Generic, TypeVar

from sqlalchemy.orm import Session

from outreach.services import common, lookup
from outreach.storage.database import Database
from outreach.storage.models import SoftDeleted, Versioned

Row = TypeVar("Row", bound=SoftDeleted)
Record = TypeVar("Record")


class Service:
    """Use cases over one database; each public method is one transaction on it."""

    def __init__(self, db: Database) -> None:
        self._db = db


class RecordService(Service, ABC, Generic[Row, Record]):
    """A service over one kind of record that is deleted softly. A subclass names the
    model and what messages call it, and makes the record the app sees of a row."""

    _model: type[Row]
    _label: str  # N_("démarche"), as in "There is no démarche with id 9."

    @abstractmethod
    def _record(self, session: Session, row: Row) -> Record:
        """The frozen record of `row` (after its pending changes are written)."""

    def get(self, record_id: int) -> Record:
        """The record with this id, unless it was deleted."""
        with self._db.read() as session:
            return self._record(session, self._live(session, record_id))

    def delete(self, record_id: int) -> Record:
        """Soft delete: the record disappears from lists until restored."""
        with self._db.write() as session:
            row = self._live(session, record_id)
            common.soft_delete(row)
            return self._record(session, row)

    def restore(self, record_id: int) -> Record:
        """Bring back a deleted record (the undo of `delete`)."""
        with self._db.write() as session:
            row = common.get_any(session, self._model, record_id, self._label)
            common.restore(row)
            return self._record(session, row)

    def _live(self, session: Session, record_id: int) -> Row:
        return lookup.get_live(session, self._model, record_id, self._label)

    def _added(self, session: Session, row: Row) -> Record:
        """The record of a new row, once it is written (and has its id)."""
        session.add(row)
        session.flush()
        return self._record(session, row)

    @contextmanager
    def _changing(self, record_id: int, version: int | None) -> Iterator[tuple[Session, Row]]:
        """The live row to change, in one write transaction that writes nothing before
        the change is whole; refused when someone saved it after `version` was read."""
        with self._db.write() as session, session.no_autoflush:
            row = self._live(session, record_id)
            assert isinstance(row, Versioned)  # every softly deleted model is versioned too
            common.check_version(session, row, version, self._label)
            yield session, row
