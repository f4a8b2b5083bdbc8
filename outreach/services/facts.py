"""Sourced, dated facts about states, and the seats they hold."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any, TypeVar

from sqlalchemy import select
from sqlalchemy.orm import InstrumentedAttribute, Session

from outreach.domain import limits
from outreach.domain.enums import FactKind, SeatBody
from outreach.domain.records import FactRecord, SeatRecord
from outreach.i18n import N_
from outreach.services import common, lookup
from outreach.services.base import Service
from outreach.services.treaties import refresh_obligations
from outreach.services.validation import (
    checked_date,
    choice,
    optional_text,
    required_text,
)
from outreach.storage.models import Fact, Participation, Seat

Row = TypeVar("Row", Fact, Seat)
R = TypeVar("R")


def fact_record(fact: Fact) -> FactRecord:
    return common.record_of(FactRecord, fact, kind=FactKind(fact.kind))


def seat_record(seat: Seat) -> SeatRecord:
    return common.record_of(SeatRecord, seat)


def _refresh_obligations_of(session: Session, state_id: int) -> None:
    """Recompute the state's dated duties: Art. 5's clearance deadline depends on whether
    it is mine-affected."""
    for participation in session.scalars(
        select(Participation).where(Participation.state_id == state_id)
    ):
        refresh_obligations(session, participation)


class FactService(Service):
    def add_fact(
        self,
        state_ref: str | int,
        kind: FactKind | str,
        *,
        source: str,
        as_of: date,
        holds: bool = True,
        quantity: int | None = None,
        detail: str = "",
    ) -> FactRecord:
        """A statement about a state; every fact must say where it comes from and when."""
        fact_kind = choice(FactKind, kind, N_("kind of fact"))
        cited = required_text(source, limits.FACT_SOURCE)
        said = optional_text(detail, limits.FACT_DETAIL)
        day = checked_date(as_of, N_("date of the fact"))
        with self._db.write() as session:
            state = lookup.state(session, state_ref)
            fact = Fact(
                state_id=state.id,
                kind=fact_kind.value,
                holds=holds,
                quantity=quantity,
                detail=said,
                source=cited,
                as_of=day,
            )
            session.add(fact)
            session.flush()
            if fact_kind == FactKind.MINE_AFFECTED:
                _refresh_obligations_of(session, state.id)
            return fact_record(fact)

    def delete_fact(self, fact_id: int) -> FactRecord:
        """Remove a fact entered by mistake (the audit trail keeps what it said)."""
        with self._db.write() as session:
            fact = common.get_any(session, Fact, fact_id, N_("fact"))
            record = fact_record(fact)
            session.delete(fact)
            session.flush()
            if record.kind == FactKind.MINE_AFFECTED:
                _refresh_obligations_of(session, record.state_id)
            return record

    def facts_of(self, state_ref: str | int) -> list[FactRecord]:
        return self._of_state(state_ref, Fact, fact_record, Fact.kind, Fact.as_of)

    def seats_of(self, state_ref: str | int) -> list[SeatRecord]:
        return self._of_state(state_ref, Seat, seat_record, Seat.body, Seat.start_on)

    def _of_state(
        self,
        state_ref: str | int,
        model: type[Row],
        record: Callable[[Row], R],
        *order: InstrumentedAttribute[Any],
    ) -> list[R]:
        """The records of a state's rows of `model` (its facts, its seats), in `order`."""
        with self._db.read() as session:
            state = lookup.state(session, state_ref)
            rows = session.scalars(select(model).where(model.state_id == state.id).order_by(*order))
            return [record(row) for row in rows]

    def council_members(self, year: int) -> list[int]:
        """Ids of the states on the Security Council at any time in `year`."""
        start, end = date(year, 1, 1), date(year, 12, 31)
        with self._db.read() as session:
            return list(
                session.scalars(
                    select(Seat.state_id).where(
                        Seat.body == SeatBody.UNSC.value,
                        Seat.start_on <= end,
                        (Seat.end_on.is_(None)) | (Seat.end_on >= start),
                    )
                )
            )
