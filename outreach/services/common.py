"""Small pieces the aggregate services share: records made from rows, soft deletion,
"leave this field as it is", id lists, links and paging arguments. Everything here runs
inside the caller's transaction.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import fields
from datetime import UTC, date, datetime
from enum import Enum
from typing import TYPE_CHECKING, Any, Final, TypeVar

from sqlalchemy import ColumnElement, select
from sqlalchemy.orm import InstrumentedAttribute, Session, object_session

from outreach.errors import StaleRecordError, ValidationError
from outreach.i18n import _
from outreach.services import lookup
from outreach.storage.models import AuditEntry, Base, SoftDeleted, State, Versioned

if TYPE_CHECKING:
    from _typeshed import DataclassInstance

M = TypeVar("M", bound=Base)
T = TypeVar("T")
D = TypeVar("D", bound="DataclassInstance")


class Keep(Enum):
    """The type of `KEEP`: an update argument that leaves a field as it is.

    Update methods take `None` to mean "unchanged" for fields that always have a value
    (text, required dates), like the rest of the services. A field that may be empty (a
    date, a link to another record) needs `None` to mean "clear it", so its argument
    defaults to `KEEP` instead.
    """

    KEEP = "keep"


KEEP: Final = Keep.KEEP


def utc_now() -> datetime:
    """The moment stored in `deleted_at`: naive UTC, like the audit trail's `at`."""
    return datetime.now(UTC).replace(tzinfo=None)


def record_of(record_type: type[D], row: object, /, **values: Any) -> D:
    """The frozen record (a dataclass) of a row: each field from `values` where it is
    given there (a converted or computed value), else the row's attribute of the same
    name; a `version` field gets the version the next save is checked against."""
    for field in fields(record_type):
        if field.name in values:
            continue
        if field.name == "version" and isinstance(row, Versioned):
            values[field.name] = current_version(row)
        else:
            values[field.name] = getattr(row, field.name)
    return record_type(**values)


def get_any(session: Session, model: type[T], record_id: int, label: str) -> T:
    """A record by id whether or not it was deleted (for restoring it)."""
    record = session.get(model, record_id)
    if record is None:
        raise lookup.not_found(label, record_id)
    return record


def current_version(record: Versioned) -> int:
    """The record's version once its pending changes are written: a record handed back
    from a write must carry the version the next save will be checked against."""
    session = object_session(record)
    if session is not None and session.is_modified(record):
        session.flush()
    return record.version


def check_version(session: Session, record: Versioned, seen: int | None, label: str) -> None:
    """Refuse to change a record someone saved after `seen` was read (None: no check).

    The message says who changed it and when, from the audit trail, so the officer can
    talk to them; nothing is overwritten.
    """
    if seen is None or record.version == seen:
        return
    table = type(record).__tablename__  # type: ignore[attr-defined]
    record_id = record.id  # type: ignore[attr-defined]
    last = session.execute(
        select(AuditEntry.actor, AuditEntry.at)
        .where(AuditEntry.entity == table, AuditEntry.entity_id == record_id)
        .order_by(AuditEntry.id.desc())
        .limit(1)
    ).first()
    who, when = (last[0], last[1]) if last else (_("Someone"), None)
    message = (
        _(
            "{who} changed this {kind} at {time} UTC, after you opened it; nothing was "
            "overwritten. Reload it to see their change, then apply yours again."
        )
        if when
        else _(
            "{who} changed this {kind}, after you opened it; nothing was overwritten. "
            "Reload it to see their change, then apply yours again."
        )
    )
    time = f"{when:%Y-%m-%d %H:%M}" if when else ""
    raise StaleRecordError(
        message.format(who=who, kind=_(label), time=time), actor=str(who), at=when
    )


def soft_delete(record: SoftDeleted) -> None:
    record.deleted_at = utc_now()


def restore(record: SoftDeleted) -> None:
    record.deleted_at = None


def unique_ids(ids: Iterable[int], field: str) -> list[int]:
    """Ids in the order given, once each; anything but a positive whole number is refused."""
    result: list[int] = []
    for value in ids:
        if isinstance(value, bool) or not isinstance(value, int) or value < 1:
            raise ValidationError(_("'{value}' is not a record id.").format(value=value), field)
        if value not in result:
            result.append(value)
    return result


def live_ids(
    session: Session, model: type[M], ids: Iterable[int], label: str, field: str
) -> list[int]:
    """Check that every id names a record that exists and is not deleted."""
    wanted = unique_ids(ids, field)
    for record_id in wanted:
        lookup.get_live(session, model, record_id, label)
    return wanted


def states(session: Session, refs: Iterable[str | int]) -> list[State]:
    """States by ISO code, name, alias or id, once each, in the order given."""
    found: list[State] = []
    for ref in refs:
        state = lookup.state(session, ref)
        if state not in found:
            found.append(state)
    return found


def optional_state_id(session: Session, ref: str | int | None) -> int | None:
    """The id of the state `ref` names; None (or blank) names none."""
    if ref is None or (isinstance(ref, str) and not ref.strip()):
        return None
    return lookup.state(session, ref).id


def within(day: date, start: date | None, end: date | None) -> bool:
    """Whether `day` falls in `start`..`end` (both inclusive; None: open)."""
    return (start is None or start <= day) and (end is None or day <= end)


def in_period(
    starts: InstrumentedAttribute[Any],
    ends: InstrumentedAttribute[Any],
    start: date | None,
    end: date | None,
) -> list[ColumnElement[bool]]:
    """The WHERE clauses for rows whose dates `starts`..`ends` (one column for a single
    day) overlap `start`..`end` (both inclusive; None: open)."""
    conditions: list[ColumnElement[bool]] = []
    if start is not None:
        conditions.append(ends >= start)
    if end is not None:
        conditions.append(starts <= end)
    return conditions


def check_paging(offset: int, limit: int | None) -> None:
    if offset < 0:
        message = _("The offset cannot be negative (got {offset}).")
        raise ValidationError(message.format(offset=offset), "offset")
    if limit is not None and limit < 1:
        message = _("The page size must be at least 1 (got {limit}).")
        raise ValidationError(message.format(limit=limit), "limit")


def chunks(items: Sequence[T], size: int = 500) -> Iterator[Sequence[T]]:
    """Slices small enough for an `IN (...)` list on any database."""
    for start in range(0, len(items), size):
        yield items[start : start + size]


def linked_ids(
    session: Session,
    owner_column: InstrumentedAttribute[int],
    target_column: InstrumentedAttribute[int],
    owner_ids: Sequence[int],
) -> dict[int, tuple[int, ...]]:
    """For each owner id, the sorted ids linked to it through an association table."""
    result: dict[int, list[int]] = {owner: [] for owner in owner_ids}
    for part in chunks(owner_ids):
        rows = session.execute(select(owner_column, target_column).where(owner_column.in_(part)))
        for owner, target in rows:
            result[owner].append(target)
    return {owner: tuple(sorted(targets)) for owner, targets in result.items()}


def relink(
    session: Session,
    owner_column: InstrumentedAttribute[int],
    target_column: InstrumentedAttribute[int],
    owner_id: int,
    wanted: Sequence[int],
) -> None:
    """Make the ids linked to `owner_id` through an association table exactly `wanted`:
    the links to ids no longer wanted are deleted, links to new ones added."""
    link = owner_column.class_  # the association's model
    assert isinstance(link, type)
    session.flush()
    existing = {
        getattr(row, target_column.key): row
        for row in session.scalars(select(link).where(owner_column == owner_id))
    }
    for target_id, row in existing.items():
        if target_id not in wanted:
            session.delete(row)
    session.add_all(
        link(**{owner_column.key: owner_id, target_column.key: target_id})
        for target_id in wanted
        if target_id not in existing
    )
