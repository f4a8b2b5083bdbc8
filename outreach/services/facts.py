"""Sourced, dated facts about states, and the seats they hold."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from outreach.domain import limits
from outreach.domain.enums import FactKind, SeatBody, SeatKind
from outreach.domain.records import FactRecord, SeatRecord
from outreach.errors import NotFoundError
from outreach.services import lookup
from outreach.services.treaties import refresh_obligations
from outreach.services.validation import (
    checked_date,
    choice,
    optional_date,
    optional_text,
    ordered,
    required_text,
)
from outreach.storage.database import Database
from outreach.storage.models import Fact, Participation, Seat


def fact_record(fact: Fact) -> FactRecord:
    return FactRecord(
        id=fact.id,
        state_id=fact.state_id,
        kind=FactKind(fact.kind),
        holds=fact.holds,
        quantity=fact.quantity,
        detail=fact.detail,
        source=fact.source,
        as_of=fact.as_of,
    )


def seat_record(seat: Seat) -> SeatRecord:
    return SeatRecord(
        id=seat.id,
        state_id=seat.state_id,
        body=seat.body,
        kind=seat.kind,
        start_on=seat.start_on,
        end_on=seat.end_on,
        source=seat.source,
    )


class FactService:
    def __init__(self, db: Database) -> None:
        self._db = db

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
        fact_kind = choice(FactKind, kind, "kind of fact")
        cited = required_text(source, limits.FACT_SOURCE)
        said = optional_text(detail, limits.FACT_DETAIL)
        day = checked_date(as_of, "date of the fact")
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
                # Art. 5's clearance deadline depends on it.
                for participation in session.scalars(
                    select(Participation).where(Participation.state_id == state.id)
                ):
                    refresh_obligations(session, participation)
            return fact_record(fact)

    def delete_fact(self, fact_id: int) -> FactRecord:
        """Remove a fact entered by mistake (the audit trail keeps what it said)."""
        with self._db.write() as session:
            fact = session.get(Fact, fact_id)
            if fact is None:
                raise NotFoundError(f"There is no fact with id {fact_id}.")
            record = fact_record(fact)
            session.delete(fact)
            session.flush()
            if record.kind == FactKind.MINE_AFFECTED:
                for participation in session.scalars(
                    select(Participation).where(Participation.state_id == record.state_id)
                ):
                    refresh_obligations(session, participation)
            return record

    def facts_of(self, state_ref: str | int) -> list[FactRecord]:
        with self._db.read() as session:
            state = lookup.state(session, state_ref)
            facts = session.scalars(
                select(Fact).where(Fact.state_id == state.id).order_by(Fact.kind, Fact.as_of)
            )
            return [fact_record(fact) for fact in facts]

    def add_seat(
        self,
        state_ref: str | int,
        body: SeatBody | str,
        kind: SeatKind | str,
        start_on: date,
        end_on: date | None = None,
        source: str = "",
    ) -> SeatRecord:
        checked_date(start_on, "start of the seat")
        optional_date(end_on, "end of the seat")
        ordered(start_on, end_on, "seat")
        cited = optional_text(source, limits.SOURCE)
        with self._db.write() as session:
            state = lookup.state(session, state_ref)
            seat = Seat(
                state_id=state.id,
                body=choice(SeatBody, body, "body").value,
                kind=choice(SeatKind, kind, "kind of seat").value,
                start_on=start_on,
                end_on=end_on,
                source=cited,
            )
            session.add(seat)
            session.flush()
            return seat_record(seat)

    def seats_of(self, state_ref: str | int) -> list[SeatRecord]:
        with self._db.read() as session:
            state = lookup.state(session, state_ref)
            seats = session.scalars(
                select(Seat).where(Seat.state_id == state.id).order_by(Seat.body, Seat.start_on)
            )
            return [seat_record(seat) for seat in seats]

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
