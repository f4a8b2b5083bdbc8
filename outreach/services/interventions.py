"""Interventions: what we plan at a meeting (statements, side events, bilaterals on the
margins), who leads them, whom they target, when, and what came of them.

A time slot is a pair of naive datetimes on the meeting's clock (the meeting's IANA time
zone): "10:00 in Nairobi" stays 10:00 in Nairobi whatever the officer's laptop says. An
aware datetime given to a service is converted to the meeting's clock first.

Completing a bilateral is one transaction: the intervention is marked done with its
outcome, a log entry (linked to the meeting, the démarche and the target states) is
written, and the linked démarche may be marked delivered. `undo_completion` and
`redo_completion` reverse and repeat exactly that, also in one transaction each.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from outreach.domain import limits
from outreach.domain.enums import (
    Channel,
    DemarcheStatus,
    InterventionKind,
    InterventionStatus,
    Level,
    LogKind,
    RequestedAction,
    TreatyStatus,
)
from outreach.domain.records import (
    BilateralDone,
    DemarcheRecord,
    InterventionRecord,
    LogEntryRecord,
)
from outreach.errors import ValidationError
from outreach.i18n import N_, _
from outreach.services import common, lookup
from outreach.services import intervention_checks as checks
from outreach.services.base import RecordService
from outreach.services.common import KEEP, Keep
from outreach.services.contact_log import ContactLogService, log_entry_records
from outreach.services.demarches import DemarcheService
from outreach.services.forums import MEETING
from outreach.services.intervention_checks import When
from outreach.services.states import DEFAULT_TREATY
from outreach.services.treaties import TreatyService, status_of
from outreach.services.validation import choice, optional_text, ordered, parse_date
from outreach.storage.database import Database
from outreach.storage.models import Intervention, InterventionTarget, LogEntry, Meeting

LABEL = N_("intervention")
#: what messages call an intervention's times
START_TIME, END_TIME = N_("start time"), N_("end time")
#: the reason given to the démarche lifecycle when a completion is undone
UNDONE_REASON = "Undone"
OPEN_STATUSES = tuple(
    status.value
    for status in InterventionStatus
    if status not in (InterventionStatus.DONE, InterventionStatus.DROPPED)
)
#: the association of an intervention's target states: (owner, target) columns
TARGETS = (InterventionTarget.intervention_id, InterventionTarget.state_id)


def intervention_record(
    intervention: Intervention, meeting: Meeting, target_ids: tuple[int, ...]
) -> InterventionRecord:
    return common.record_of(
        InterventionRecord,
        intervention,
        meeting_title=meeting.title,
        timezone=meeting.timezone,
        kind=InterventionKind(intervention.kind),
        status=InterventionStatus(intervention.status),
        target_ids=target_ids,
    )


def records(session: Session, interventions: Sequence[Intervention]) -> list[InterventionRecord]:
    """Records for interventions, with their meetings and targets in two queries."""
    session.flush()
    meeting_ids = {intervention.meeting_id for intervention in interventions}
    meetings = {
        meeting.id: meeting
        for part in common.chunks(sorted(meeting_ids))
        for meeting in session.scalars(select(Meeting).where(Meeting.id.in_(part)))
    }
    targets = common.linked_ids(session, *TARGETS, [i.id for i in interventions])
    return [intervention_record(i, meetings[i.meeting_id], targets[i.id]) for i in interventions]


def _sort_key(record: InterventionRecord) -> tuple[bool, datetime, int]:
    return (record.starts_at is None, record.starts_at or datetime.min, record.id)


def _live_meeting(session: Session, meeting_id: int) -> Meeting:
    return lookup.get_live(session, Meeting, meeting_id, MEETING)


def _dated_on(record: DemarcheRecord) -> date | None:
    """The date that goes with a démarche's status, to give `move` when it is put back."""
    if record.status == DemarcheStatus.DELIVERED:
        return record.delivered_on
    if record.status == DemarcheStatus.CLOSED:
        return record.closed_on
    return None


class InterventionService(RecordService[Intervention, InterventionRecord]):
    _model, _label = Intervention, LABEL

    def __init__(self, db: Database) -> None:
        super().__init__(db)
        self._log = ContactLogService(db)
        self._demarches = DemarcheService(db)
        self._treaties = TreatyService(db)

    def _record(self, session: Session, row: Intervention) -> InterventionRecord:
        return records(session, [row])[0]

    # --- planning ----------------------------------------------------------------------------

    def plan(
        self,
        meeting_id: int,
        kind: InterventionKind | str,
        title: str,
        *,
        lead_officer: str = "",
        talking_points: str = "",
        targets: Iterable[str | int] = (),
        starts_at: When = None,
        ends_at: When = None,
        status: InterventionStatus | str = InterventionStatus.PLANNED,
        outcome: str = "",
        demarche_id: int | None = None,
    ) -> InterventionRecord:
        """Plan an intervention at a meeting. `targets` are ISO codes, names or ids; a
        bilateral needs at least one. The time slot, when given, is on the meeting's clock
        and within its dates."""
        checked_kind = choice(InterventionKind, kind, N_("kind"))
        heading = checks.title(title)
        lead = checks.lead_officer(lead_officer)
        points = optional_text(talking_points, limits.TALKING_POINTS)
        result = optional_text(outcome, limits.OUTCOME)
        checked_status = choice(InterventionStatus, status, N_("status"))
        with self._db.write() as session:
            meeting = _live_meeting(session, meeting_id)
            start = checks.moment(starts_at, meeting.timezone, START_TIME)
            end = checks.moment(ends_at, meeting.timezone, END_TIME)
            checks.check_slot(start, end, meeting)
            state_ids = [state.id for state in common.states(session, targets)]
            checks.check_targets(checked_kind, state_ids)
            checks.check_demarche(session, demarche_id, state_ids)
            intervention = Intervention(
                meeting_id=meeting.id,
                kind=checked_kind.value,
                title=heading,
                lead_officer=lead,
                talking_points=points,
                starts_at=start,
                ends_at=end,
                status=checked_status.value,
                outcome=result,
                demarche_id=demarche_id,
            )
            session.add(intervention)
            session.flush()
            common.relink(session, *TARGETS, intervention.id, state_ids)
            return self._record(session, intervention)

    def update(
        self,
        intervention_id: int,
        *,
        meeting_id: int | None = None,
        kind: InterventionKind | str | None = None,
        title: str | None = None,
        lead_officer: str | None = None,
        talking_points: str | None = None,
        targets: Iterable[str | int] | None = None,
        starts_at: When | Keep = KEEP,
        ends_at: When | Keep = KEEP,
        status: InterventionStatus | str | None = None,
        outcome: str | None = None,
        demarche_id: int | Keep | None = KEEP,
        version: int | None = None,
    ) -> InterventionRecord:
        """Change the fields given (None leaves a field; for the times and the démarche,
        KEEP leaves them and None clears them). `targets`, when given, replaces them."""
        with self._changing(intervention_id, version) as (session, intervention):
            if meeting_id is not None:
                intervention.meeting_id = _live_meeting(session, meeting_id).id
            meeting = _live_meeting(session, intervention.meeting_id)
            if kind is not None:
                intervention.kind = choice(InterventionKind, kind, N_("kind")).value
            if title is not None:
                intervention.title = checks.title(title)
            if lead_officer is not None:
                intervention.lead_officer = checks.lead_officer(lead_officer)
            if talking_points is not None:
                intervention.talking_points = optional_text(talking_points, limits.TALKING_POINTS)
            if not isinstance(starts_at, Keep):
                intervention.starts_at = checks.moment(starts_at, meeting.timezone, START_TIME)
            if not isinstance(ends_at, Keep):
                intervention.ends_at = checks.moment(ends_at, meeting.timezone, END_TIME)
            checks.check_slot(intervention.starts_at, intervention.ends_at, meeting)
            if status is not None:
                intervention.status = choice(InterventionStatus, status, N_("status")).value
            if outcome is not None:
                intervention.outcome = optional_text(outcome, limits.OUTCOME)
            current = self._record(session, intervention)
            state_ids = (
                [state.id for state in common.states(session, targets)]
                if targets is not None
                else list(current.target_ids)
            )
            checks.check_targets(intervention.kind, state_ids)
            if not isinstance(demarche_id, Keep):
                intervention.demarche_id = demarche_id
            checks.check_demarche(session, intervention.demarche_id, state_ids)
            if targets is not None:
                common.relink(session, *TARGETS, intervention.id, state_ids)
            return self._record(session, intervention)

    def set_status(
        self,
        intervention_id: int,
        status: InterventionStatus | str,
        outcome: str | None = None,
        version: int | None = None,
    ) -> InterventionRecord:
        """Move to any status (idea, planned, confirmed, done, dropped); `outcome`, when
        given, replaces the outcome."""
        wanted = choice(InterventionStatus, status, N_("status"))
        with self._changing(intervention_id, version) as (session, intervention):
            intervention.status = wanted.value
            if outcome is not None:
                intervention.outcome = optional_text(outcome, limits.OUTCOME)
            return self._record(session, intervention)

    # --- reading -------------------------------------------------------------------------------

    def for_meeting(self, meeting_id: int) -> list[InterventionRecord]:
        """The meeting's live interventions: timed ones by time, then the others."""
        with self._db.read() as session:
            _live_meeting(session, meeting_id)
            found = list(
                session.scalars(
                    select(Intervention).where(
                        Intervention.meeting_id == meeting_id, Intervention.deleted_at.is_(None)
                    )
                )
            )
            return sorted(records(session, found), key=_sort_key)

    def between(
        self, from_: date | str | None = None, to: date | str | None = None
    ) -> list[InterventionRecord]:
        """Live interventions at live meetings falling in `from_`..`to` (both inclusive,
        either open): a timed one by the day it starts, another by its meeting's dates."""
        start = parse_date(from_, N_("start of the period"))
        end = parse_date(to, N_("end of the period"))
        ordered(start, end, N_("period"), "to")
        with self._db.read() as session:
            found = session.scalars(
                select(Intervention)
                .join(Meeting, Meeting.id == Intervention.meeting_id)
                .where(
                    Intervention.deleted_at.is_(None),
                    Meeting.deleted_at.is_(None),
                    *common.in_period(Meeting.starts_on, Meeting.ends_on, start, end),
                )
            )
            result = records(session, found.all())

        def falls_in(record: InterventionRecord) -> bool:
            if record.starts_at is None:
                return True  # its meeting overlaps the period
            return common.within(record.starts_at.date(), start, end)

        return sorted((r for r in result if falls_in(r)), key=_sort_key)

    # --- démarches -----------------------------------------------------------------------------

    def link_demarche(self, intervention_id: int, demarche_id: int | None) -> InterventionRecord:
        """Link a démarche made to one of the targets (None unlinks)."""
        return self.update(intervention_id, demarche_id=demarche_id)

    def create_demarche_for(
        self,
        intervention_id: int,
        *,
        state: str | int | None = None,
        title: str | None = None,
        requested_action: RequestedAction | str | None = None,
        channel: Channel | str = Channel.MEETING,
        level: Level | str = Level.AMBASSADOR,
        talking_points: str | None = None,
        due_on: date | str | None = None,
        treaty: str = DEFAULT_TREATY,
    ) -> tuple[InterventionRecord, DemarcheRecord]:
        """Create a draft démarche to one of the targets (`state`; the only target by
        default) and link it, in one transaction. It is planned for the intervention's
        day (or the meeting's first day) and due by the meeting's last day unless
        `due_on` says otherwise; the title, talking points and officer come from the
        intervention. The requested action defaults to ratifying for a signatory and
        acceding for a state outside the treaty."""
        with self._db.write() as session:
            current = self.get(intervention_id)
            if current.demarche_id is not None:
                message = _("“{title}” is already linked to a démarche; unlink it first.")
                raise ValidationError(message.format(title=current.title), "demarche_id")
            if state is not None:
                target = lookup.state(session, state)
                if target.id not in current.target_ids:
                    message = _("{state} is not a target of “{title}”.")
                    raise ValidationError(
                        message.format(state=lookup.state_name(target), title=current.title),
                        "state",
                    )
                state_id = target.id
            elif len(current.target_ids) == 1:
                state_id = current.target_ids[0]
            else:
                message = (
                    _("Choose which target state the démarche is made to.")
                    if current.target_ids
                    else _("“{title}” has no target state to make a démarche to.")
                )
                raise ValidationError(message.format(title=current.title), "state")
            meeting = _live_meeting(session, current.meeting_id)
            action = requested_action or self._default_action(state_id, treaty, meeting.starts_on)
            planned = current.starts_at.date() if current.starts_at else meeting.starts_on
            demarche = self._demarches.create(
                state_id,
                title or current.title,
                action,
                channel,
                level,
                talking_points=(
                    talking_points if talking_points is not None else current.talking_points
                ),
                officer=current.lead_officer,
                planned_on=planned,
                due_on=due_on if due_on is not None else max(planned, meeting.ends_on),
                treaty=treaty,
            )
            linked = self.update(intervention_id, demarche_id=demarche.id)
            return linked, demarche

    def _default_action(self, state_id: int, treaty: str, on: date) -> RequestedAction:
        status = status_of(self._treaties.participation(state_id, treaty), on)
        if status == TreatyStatus.SIGNATORY:
            return RequestedAction.RATIFY
        if status in (TreatyStatus.OUTSIDE, TreatyStatus.WITHDRAWN):
            return RequestedAction.ACCEDE
        raise ValidationError(
            _("Choose the requested action: the state is already bound by the treaty."),
            "requested_action",
        )

    # --- completing a bilateral ----------------------------------------------------------------

    def complete_bilateral(
        self,
        intervention_id: int,
        outcome: str,
        on: date | str | None = None,
        summary: str = "",
        follow_up_on: date | str | None = None,
        contact_ids: Iterable[int] = (),
        *,
        details: str = "",
        deliver_demarche: bool = False,
    ) -> BilateralDone:
        """Mark a bilateral done with its outcome and log it, in one transaction.

        The log entry (a meeting, on `on`: by default the bilateral's day, else today
        within the meeting's dates) is about the target states, with `contact_ids`,
        linked to the meeting and the bilateral's démarche; its summary defaults to the
        bilateral's title and its details to the outcome. With `deliver_demarche`, an
        open démarche not yet delivered is marked delivered on that day too."""
        result = optional_text(outcome, limits.OUTCOME)
        if not result:
            message = _("Say what came of the bilateral (its outcome).")
            raise ValidationError(message, "outcome")
        with self._db.write() as session:
            before = self.get(intervention_id)
            if before.kind != InterventionKind.BILATERAL:
                message = _("“{title}” is not a bilateral; set its status instead.")
                raise ValidationError(message.format(title=before.title), "kind")
            if before.status == InterventionStatus.DONE:
                message = _("“{title}” is done already.")
                raise ValidationError(message.format(title=before.title), "status")
            meeting = _live_meeting(session, before.meeting_id)
            given = parse_date(on, N_("date of the bilateral"))
            if given is not None:
                refusal = _(
                    "The bilateral took place on {day}, outside the meeting ({meeting}, "
                    "{period}); give a day within it."
                )
                checks.check_within_meeting(given, meeting, refusal)
            day = given or _default_day(before, meeting)
            entry = self._log.log(
                day,
                LogKind.MEETING,
                summary.strip() or before.title,
                details=details.strip() or result,
                officer=before.lead_officer,
                states=list(before.target_ids),
                contact_ids=contact_ids,
                demarche_id=before.demarche_id,
                meeting_id=meeting.id,
                follow_up_on=follow_up_on,
            )
            done = self.set_status(intervention_id, InterventionStatus.DONE, result)
            demarche_before = demarche_after = None
            if deliver_demarche and before.demarche_id is not None:
                demarche_before = self._demarches.get(before.demarche_id)
                status = demarche_before.status
                if status.is_open and status.rank < DemarcheStatus.DELIVERED.rank:
                    demarche_after = self._demarches.move(
                        before.demarche_id, DemarcheStatus.DELIVERED, on=day
                    )
                else:
                    demarche_before = None
            return BilateralDone(
                intervention=done,
                before=before,
                log_entry=entry,
                demarche=demarche_after,
                demarche_before=demarche_before,
            )

    def undo_completion(self, done: BilateralDone) -> InterventionRecord:
        """Put back what `complete_bilateral` changed: the log entry is deleted (soft),
        the status and outcome are restored, a delivered démarche moves back."""
        before = done.before
        with self._db.write():
            self._log.delete(done.log_entry.id)
            if done.demarche_before is not None:
                self._demarches.move(
                    done.demarche_before.id,
                    done.demarche_before.status,
                    on=_dated_on(done.demarche_before),
                    reason=UNDONE_REASON,
                )
            return self.set_status(before.id, before.status, before.outcome)

    def redo_completion(self, done: BilateralDone) -> InterventionRecord:
        """Do again what `undo_completion` put back."""
        with self._db.write():
            self._log.restore(done.log_entry.id)
            if done.demarche is not None:
                self._demarches.move(
                    done.demarche.id, DemarcheStatus.DELIVERED, on=done.demarche.delivered_on
                )
            return self.set_status(
                done.intervention.id, InterventionStatus.DONE, done.intervention.outcome
            )

    def log_entries(self, meeting_id: int) -> list[LogEntryRecord]:
        """The contact log's live entries linked to the meeting, newest first."""
        with self._db.read() as session:
            _live_meeting(session, meeting_id)
            entries = session.scalars(
                select(LogEntry)
                .where(LogEntry.meeting_id == meeting_id, LogEntry.deleted_at.is_(None))
                .order_by(LogEntry.occurred_on.desc(), LogEntry.id.desc())
            )
            return log_entry_records(session, entries.all())


def _default_day(record: InterventionRecord, meeting: Meeting) -> date:
    if record.starts_at is not None:
        return record.starts_at.date()
    return min(max(date.today(), meeting.starts_on), meeting.ends_on)
