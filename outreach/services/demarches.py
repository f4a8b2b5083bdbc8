"""Démarches: formal approaches to a state's government, and their lifecycle.

draft → approved → delivered → response → closed, and cancelled. Moving forward is free
(steps may be skipped); moving back, cancelling, or reopening a closed or cancelled
démarche needs a reason, kept in `status_reason` (and, like every change, in the audit
trail).
"""

from __future__ import annotations

import builtins
from collections.abc import Iterable, Sequence
from datetime import date

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import Session

from outreach.domain import limits
from outreach.domain.enums import Channel, DemarcheStatus, Level, RequestedAction
from outreach.domain.records import DemarcheRecord
from outreach.errors import ValidationError
from outreach.i18n import N_, _
from outreach.services import common, lookup
from outreach.services.base import RecordService
from outreach.services.common import KEEP, Keep
from outreach.services.validation import choice, optional_text, parse_date, required_text
from outreach.storage.models import Contact, Demarche, DemarcheContact

LABEL = N_("démarche")
OPEN = tuple(status.value for status in DemarcheStatus if status.is_open)


def demarche_record(demarche: Demarche, contact_ids: tuple[int, ...]) -> DemarcheRecord:
    status = DemarcheStatus(demarche.status)
    return common.record_of(DemarcheRecord, demarche, status=status, contact_ids=contact_ids)


def _records(session: Session, demarches: Sequence[Demarche]) -> list[DemarcheRecord]:
    """Records for démarches, with their contacts fetched in one query."""
    session.flush()
    links = common.linked_ids(
        session, DemarcheContact.demarche_id, DemarcheContact.contact_id, [d.id for d in demarches]
    )
    return [demarche_record(demarche, links[demarche.id]) for demarche in demarches]


def _link_contacts(session: Session, demarche: Demarche, contact_ids: Iterable[int]) -> None:
    """Make the démarche's contacts exactly `contact_ids` (adding and removing links)."""
    wanted = common.live_ids(session, Contact, contact_ids, N_("contact"), "contact_ids")
    common.relink(
        session, DemarcheContact.demarche_id, DemarcheContact.contact_id, demarche.id, wanted
    )


def _title(value: str) -> str:
    return required_text(value, limits.TITLE)


def _officer(value: str) -> str:
    return optional_text(value, limits.OFFICER)


def _check_planning(planned_on: date | None, due_on: date | None) -> None:
    if planned_on is not None and due_on is not None and due_on < planned_on:
        message = _("The démarche is due ({due}) before it is planned ({planned}).")
        raise ValidationError(
            message.format(due=due_on.isoformat(), planned=planned_on.isoformat()), "due_on"
        )


def _check_move(current: DemarcheStatus, target: DemarcheStatus, reason: str) -> None:
    """Refuse a move the lifecycle does not allow without a reason."""
    if target == current:
        message = _("The démarche is already {status}.")
        raise ValidationError(message.format(status=current.value), "status")
    if reason:
        return
    if not current.is_open:
        message = _("Reopening a {current} démarche (to {target}) needs a reason.")
        raise ValidationError(message.format(current=current.value, target=target.value), "reason")
    if target == DemarcheStatus.CANCELLED:
        raise ValidationError(_("Cancelling a démarche needs a reason."), "reason")
    if target.rank < current.rank:
        message = _("Moving a démarche back from {current} to {target} needs a reason.")
        raise ValidationError(message.format(current=current.value, target=target.value), "reason")


class DemarcheService(RecordService[Demarche, DemarcheRecord]):
    _model, _label = Demarche, LABEL

    def _record(self, session: Session, row: Demarche) -> DemarcheRecord:
        return _records(session, [row])[0]

    def create(
        self,
        state: str | int,
        title: str,
        requested_action: RequestedAction | str,
        channel: Channel | str,
        level: Level | str,
        *,
        talking_points: str = "",
        officer: str = "",
        planned_on: date | str | None = None,
        due_on: date | str | None = None,
        contact_ids: Iterable[int] = (),
        treaty: str | None = None,
    ) -> DemarcheRecord:
        """A draft démarche to `state` (ISO code, name or id); `treaty` is a treaty code."""
        heading = _title(title)
        action = choice(RequestedAction, requested_action, N_("requested action"))
        how = choice(Channel, channel, N_("channel"))
        at_level = choice(Level, level, N_("level"))
        planned = parse_date(planned_on, N_("planned date"))
        due = parse_date(due_on, N_("due date"))
        _check_planning(planned, due)
        by = _officer(officer)
        points = optional_text(talking_points, limits.TALKING_POINTS)
        with self._db.write() as session:
            demarche = Demarche(
                state_id=lookup.state(session, state).id,
                treaty_id=lookup.treaty(session, treaty).id if treaty else None,
                title=heading,
                requested_action=action.value,
                channel=how.value,
                level=at_level.value,
                talking_points=points,
                officer=by,
                status=DemarcheStatus.DRAFT.value,
                planned_on=planned,
                due_on=due,
            )
            session.add(demarche)
            session.flush()
            _link_contacts(session, demarche, contact_ids)
            return self._record(session, demarche)

    def update(
        self,
        demarche_id: int,
        *,
        state: str | int | None = None,
        title: str | None = None,
        requested_action: RequestedAction | str | None = None,
        channel: Channel | str | None = None,
        level: Level | str | None = None,
        talking_points: str | None = None,
        officer: str | None = None,
        planned_on: date | str | Keep | None = KEEP,
        due_on: date | str | Keep | None = KEEP,
        response: str | None = None,
        contact_ids: Iterable[int] | None = None,
        treaty: str | Keep | None = KEEP,
        version: int | None = None,
    ) -> DemarcheRecord:
        """Change the fields given (None leaves a field; for the dates and the treaty, KEEP
        leaves them and None clears them). The status changes only through `move`;
        `contact_ids`, when given, replaces the linked contacts."""
        with self._changing(demarche_id, version) as (session, demarche):
            if state is not None:
                demarche.state_id = lookup.state(session, state).id
            if title is not None:
                demarche.title = _title(title)
            if requested_action is not None:
                demarche.requested_action = choice(
                    RequestedAction, requested_action, N_("requested action")
                ).value
            if channel is not None:
                demarche.channel = choice(Channel, channel, N_("channel")).value
            if level is not None:
                demarche.level = choice(Level, level, N_("level")).value
            if talking_points is not None:
                demarche.talking_points = optional_text(talking_points, limits.TALKING_POINTS)
            if officer is not None:
                demarche.officer = _officer(officer)
            if not isinstance(planned_on, Keep):
                demarche.planned_on = parse_date(planned_on, N_("planned date"))
            if not isinstance(due_on, Keep):
                demarche.due_on = parse_date(due_on, N_("due date"))
            _check_planning(demarche.planned_on, demarche.due_on)
            if response is not None:
                demarche.response = optional_text(response, limits.RESPONSE)
            if not isinstance(treaty, Keep):
                demarche.treaty_id = lookup.treaty(session, treaty).id if treaty else None
            if contact_ids is not None:
                _link_contacts(session, demarche, contact_ids)
            return self._record(session, demarche)

    def move(
        self,
        demarche_id: int,
        to_status: DemarcheStatus | str,
        on: date | str | None = None,
        reason: str = "",
        version: int | None = None,
    ) -> DemarcheRecord:
        """Move along the lifecycle. `on` (today by default) dates a delivery or closure;
        moving back to delivered keeps the first delivery date unless `on` is given.
        `reason` is required to move back, to cancel, or to reopen."""
        target = choice(DemarcheStatus, to_status, N_("status"))
        given = parse_date(on, N_("date"))
        why = optional_text(reason, limits.REASON)
        with self._changing(demarche_id, version) as (session, demarche):
            current = DemarcheStatus(demarche.status)
            _check_move(current, target, why)
            if target.rank < DemarcheStatus.DELIVERED.rank:
                demarche.delivered_on = None  # back before delivery: it was not delivered
            if target == DemarcheStatus.DELIVERED:
                demarche.delivered_on = given or demarche.delivered_on or date.today()
            if target == DemarcheStatus.CLOSED:
                day = given or date.today()
                delivered = demarche.delivered_on
                if delivered is not None and day < delivered:
                    message = _(
                        "The démarche cannot be closed on {closed}, before it was delivered "
                        "({delivered})."
                    )
                    raise ValidationError(
                        message.format(closed=day.isoformat(), delivered=delivered.isoformat()),
                        "on",
                    )
                demarche.closed_on = day
            else:
                demarche.closed_on = None
            demarche.status = target.value
            demarche.status_reason = why
            return self._record(session, demarche)

    def list(
        self,
        *,
        state: str | int | None = None,
        status: DemarcheStatus | str | None = None,
        open_only: bool = False,
        due_before: date | str | None = None,
        due_from: date | None = None,
        limit: int | None = None,
        officer: str | None = None,
        delivered_between: tuple[date, date] | None = None,
    ) -> builtins.list[DemarcheRecord]:
        """Live démarches, soonest due first (those without a due date last).
        `due_before` keeps those due strictly before that day, `due_from` those due on
        or after it; `limit` the first so many; `officer` those that officer is
        responsible for ("mine"; case ignored); `delivered_between` those delivered from
        its first day to its last, both included."""
        wanted = choice(DemarcheStatus, status, N_("status")) if status else None
        before = parse_date(due_before, N_("due-before date"))
        with self._db.read() as session:
            conditions: builtins.list[ColumnElement[bool]] = [Demarche.deleted_at.is_(None)]
            if state is not None:
                conditions.append(Demarche.state_id == lookup.state(session, state).id)
            if wanted is not None:
                conditions.append(Demarche.status == wanted.value)
            if officer is not None:
                mine = " ".join(officer.split()).lower()
                conditions.append(func.lower(Demarche.officer) == mine)
            if open_only:
                conditions.append(Demarche.status.in_(OPEN))
            if before is not None:
                conditions.append(Demarche.due_on < before)
            if due_from is not None:
                conditions.append(Demarche.due_on >= due_from)
            if delivered_between is not None:
                first, last = delivered_between
                conditions.append(Demarche.delivered_on.between(first, last))
            found = session.scalars(
                select(Demarche)
                .where(*conditions)
                .order_by(Demarche.due_on.is_(None), Demarche.due_on, Demarche.id)
                .limit(limit)
            )
            return _records(session, found.all())
