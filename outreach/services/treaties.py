"""Treaties and participations: dates, entry into force by the treaty's rule, obligations."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from outreach.domain import limits
from outreach.domain.enums import (
    ConsentKind,
    Counting,
    FactKind,
    MetPrecision,
    ObligationKind,
    TreatyStatus,
)
from outreach.domain.records import (
    ObligationChange,
    ObligationRecord,
    ParticipationRecord,
    PartyCounts,
    TreatyRecord,
)
from outreach.domain.treaty_rules import (
    OBLIGATIONS_BY_TREATY,
    TreatyRules,
    party_from,
    status_on,
    treaty_obligations,
)
from outreach.errors import ValidationError
from outreach.i18n import N_, _
from outreach.services import common, lookup
from outreach.services.base import Service
from outreach.services.common import KEEP, Keep
from outreach.services.validation import choice, optional_date, optional_text, ordered
from outreach.storage.models import Fact, Obligation, Participation, State, Treaty

#: what messages call the date a source gives
AS_OF = N_("date the source gives")


def rules_of(treaty: Treaty) -> TreatyRules:
    return common.record_of(TreatyRules, treaty)


def treaty_record(treaty: Treaty) -> TreatyRecord:
    return common.record_of(TreatyRecord, treaty, target_counting=Counting(treaty.target_counting))


def participation_record(treaty: Treaty, participation: Participation) -> ParticipationRecord:
    kind = participation.consent_kind
    return common.record_of(
        ParticipationRecord,
        participation,
        treaty_code=treaty.code,
        consent_kind=ConsentKind(kind) if kind else None,
    )


def obligation_record(obligation: Obligation) -> ObligationRecord:
    return common.record_of(
        ObligationRecord,
        obligation,
        kind=ObligationKind(obligation.kind),
        met_precision=MetPrecision(obligation.met_precision),
    )


def _participation(
    session: Session, state_ref: str | int, treaty_code: str
) -> tuple[Treaty, State, Participation | None]:
    """The treaty, the state, and the state's participation in it (None: none yet)."""
    treaty = lookup.treaty(session, treaty_code)
    state = lookup.state(session, state_ref)
    found = session.scalar(select(Participation).filter_by(treaty_id=treaty.id, state_id=state.id))
    return treaty, state, found


def _is_affected(session: Session, state_id: int, kind: FactKind) -> bool:
    """Whether the latest statement of fact `kind` about the state says it holds."""
    latest = session.scalar(
        select(Fact)
        .where(Fact.state_id == state_id, Fact.kind == kind.value)
        .order_by(Fact.as_of.desc())
    )
    return bool(latest and latest.holds)


def kept_effective_on(
    recorded: date | None, kind: ConsentKind | None, consent_on: date | None
) -> date | None:
    """The effective date a succession keeps through a change of its other dates: the
    one `recorded`, while the consent stays a succession notified on or after it."""
    if recorded is None or kind != ConsentKind.SUCCESSION or consent_on is None:
        return None
    return recorded if recorded <= consent_on else None


def _check_effective_on(
    consent_on: date | None, consent_kind: ConsentKind | None, effective_on: date | None
) -> None:
    if effective_on is None:
        return
    if consent_kind != ConsentKind.SUCCESSION:
        message = _(
            "Only a notification of succession has a date it takes effect; other "
            "instruments enter into force by the treaty's rule."
        )
        raise ValidationError(message, "effective_on")
    if consent_on is not None and effective_on > consent_on:
        message = _(
            "A succession takes effect on or before its notification ({date}): from the "
            "day the successor became independent."
        )
        raise ValidationError(message.format(date=consent_on.isoformat()), "effective_on")


def _check_dates(
    rules: TreatyRules,
    signed_on: date | None,
    consent_on: date | None,
    consent_kind: ConsentKind | None,
) -> None:
    if consent_on is not None and consent_kind is None:
        raise ValidationError(_("Say what kind of consent was deposited."), "consent_kind")
    if consent_on is None and consent_kind is not None:
        message = _("A kind of consent needs the date it was deposited.")
        raise ValidationError(message, "consent_on")
    ordered(signed_on, consent_on, N_("participation (consent before signature)"))
    closes = rules.signature_closes_on
    if signed_on is not None and closes is not None and signed_on > closes:
        message = _("{treaty} closed for signature on {date}; a later state accedes instead.")
        raise ValidationError(
            message.format(treaty=rules.code, date=closes.isoformat()), "signed_on"
        )


#: how a duty the rules computed cites its source: "Computed from entry into force (…)"
COMPUTED_FROM = "Computed from entry into force"


def is_computed(duty: Obligation) -> bool:
    """Whether the rules computed `duty` (rather than a record or an officer giving it)."""
    return duty.source.startswith(COMPUTED_FROM)


def refresh_obligations(session: Session, participation: Participation) -> None:
    """Recompute the dated duties when entry into force changes; keep the ones met, and
    those a record gives (their source says where from).

    A duty not met yet is moved in place to its new deadline (an extension granted
    against the old one lapses) rather than deleted and made again: a correction that
    leaves the deadlines where they were writes nothing, and the audit trail records a
    moved deadline as the change it is."""
    held = list(
        session.scalars(select(Obligation).where(Obligation.participation_id == participation.id))
    )
    # A duty met, or one a record gives (its source is not the rules'), stays as it is.
    kept = {duty.kind for duty in held if duty.met_on is not None or not is_computed(duty)}
    open_duties = {duty.kind: duty for duty in held if duty.kind not in kept}
    in_force_on = participation.in_force_on
    code = session.scalars(select(Treaty.code).where(Treaty.id == participation.treaty_id)).one()
    wanted = {}
    if in_force_on is not None and code in OBLIGATIONS_BY_TREATY:
        affected = _is_affected(session, participation.state_id, OBLIGATIONS_BY_TREATY[code][1])
        duties = treaty_obligations(code, in_force_on, affected)
        wanted = {duty.kind.value: duty for duty in duties}
    for kind, stale in open_duties.items():
        if kind not in wanted:
            session.delete(stale)
    for kind, due in wanted.items():
        if kind in kept:
            continue
        assert in_force_on is not None
        computed = f"{COMPUTED_FROM} ({in_force_on.isoformat()})"
        duty = open_duties.get(kind)
        if duty is None:
            session.add(
                Obligation(
                    participation_id=participation.id,
                    kind=kind,
                    description=due.description,
                    due_on=due.due_on,
                    source=computed,
                    as_of=participation.as_of,
                )
            )
        elif duty.due_on != due.due_on:
            duty.due_on, duty.extended_to = due.due_on, None
            duty.description, duty.source = due.description, computed
            duty.as_of = participation.as_of


class TreatyService(Service):
    def treaties(self) -> list[TreatyRecord]:
        with self._db.read() as session:
            return [treaty_record(t) for t in session.scalars(select(Treaty).order_by(Treaty.code))]

    def record_participation(
        self,
        state_ref: str | int,
        treaty_code: str,
        *,
        signed_on: date | None = None,
        consent_on: date | None = None,
        consent_kind: ConsentKind | str | None = None,
        effective_on: date | Keep | None = KEEP,
        source: str = "",
        as_of: date | None = None,
    ) -> ParticipationRecord:
        """Set a state's signature and consent; entry into force follows the treaty's rule,
        or for a succession the date it takes effect (`effective_on`; KEEP keeps the one
        recorded, see `kept_effective_on`)."""
        kind = choice(ConsentKind, consent_kind, N_("kind of consent")) if consent_kind else None
        optional_date(signed_on, N_("date of signature"))
        optional_date(consent_on, N_("date of consent"))
        optional_date(as_of, AS_OF)
        cited = optional_text(source, limits.SOURCE)
        with self._db.write() as session:
            treaty, state, found = _participation(session, state_ref, treaty_code)
            rules = rules_of(treaty)
            _check_dates(rules, signed_on, consent_on, kind)
            if isinstance(effective_on, Keep):
                recorded = found.effective_on if found is not None else None
                effective_on = kept_effective_on(recorded, kind, consent_on)
            else:
                optional_date(effective_on, N_("date the succession takes effect"))
            _check_effective_on(consent_on, kind, effective_on)
            participation = found or Participation(treaty_id=treaty.id, state_id=state.id)
            participation.signed_on = signed_on
            participation.consent_on = consent_on
            participation.consent_kind = kind.value if kind else None
            participation.effective_on = effective_on
            participation.in_force_on = (
                rules.entry_into_force_for(consent_on, effective_on) if consent_on else None
            )
            if cited:
                participation.source = cited
            if as_of is not None:
                participation.as_of = as_of
            session.add(participation)
            session.flush()
            refresh_obligations(session, participation)
            return participation_record(treaty, participation)

    def notify_withdrawal(
        self, state_ref: str | int, treaty_code: str, notified_on: date, source: str = ""
    ) -> ParticipationRecord:
        """Record an instrument of withdrawal; it takes effect after the notice period."""
        optional_date(notified_on, N_("date of the withdrawal"))
        cited = optional_text(source, limits.SOURCE)
        with self._db.write() as session:
            treaty, state, participation = _participation(session, state_ref, treaty_code)
            if participation is None or participation.consent_on is None:
                message = _("{state} has not consented to {treaty}; it cannot withdraw.")
                raise ValidationError(
                    message.format(state=lookup.state_name(state), treaty=treaty.code),
                    "withdrawal",
                )
            if notified_on < participation.consent_on:
                message = _("A withdrawal cannot predate consent.")
                raise ValidationError(message, "withdrawal")
            participation.withdrawal_notified_on = notified_on
            participation.withdrawal_effective_on = rules_of(treaty).withdrawal_effective_on(
                notified_on
            )
            if cited:
                participation.source = cited
            return participation_record(treaty, participation)

    def set_status(
        self,
        state_ref: str | int,
        treaty_code: str,
        *,
        signed_on: date | None,
        consent_on: date | None,
        consent_kind: ConsentKind | str | None,
        withdrawal_notified_on: date | None,
        effective_on: date | Keep | None = KEEP,
        source: str = "",
        as_of: date | None = None,
    ) -> ParticipationRecord:
        """Signature, consent (a succession with the date it takes effect) and withdrawal
        together, in one transaction."""
        with self._db.write():
            self.record_participation(
                state_ref,
                treaty_code,
                signed_on=signed_on,
                consent_on=consent_on,
                consent_kind=consent_kind,
                effective_on=effective_on,
                source=source,
                as_of=as_of,
            )
            if withdrawal_notified_on is not None:
                return self.notify_withdrawal(state_ref, treaty_code, withdrawal_notified_on)
            return self.clear_withdrawal(state_ref, treaty_code)

    def clear_withdrawal(self, state_ref: str | int, treaty_code: str) -> ParticipationRecord:
        """Take back a withdrawal recorded by mistake (or undo one)."""
        with self._db.write() as session:
            treaty, state, participation = _participation(session, state_ref, treaty_code)
            if participation is None:
                message = _("{state} has no participation in {treaty}.")
                named = lookup.state_name(state)
                raise ValidationError(message.format(state=named, treaty=treaty.code))
            participation.withdrawal_notified_on = None
            participation.withdrawal_effective_on = None
            return participation_record(treaty, participation)

    def participation(self, state_ref: str | int, treaty_code: str) -> ParticipationRecord | None:
        with self._db.read() as session:
            treaty, _state, found = _participation(session, state_ref, treaty_code)
            return participation_record(treaty, found) if found else None

    def obligations(self, state_ref: str | int, treaty_code: str) -> list[ObligationRecord]:
        with self._db.read() as session:
            treaty = lookup.treaty(session, treaty_code)
            state = lookup.state(session, state_ref)
            rows = session.scalars(
                select(Obligation)
                .join(Participation, Participation.id == Obligation.participation_id)
                .where(Participation.treaty_id == treaty.id, Participation.state_id == state.id)
                .order_by(Obligation.due_on)
            )
            return [obligation_record(row) for row in rows]

    def record_obligation(
        self,
        obligation_id: int,
        *,
        met_on: date | None,
        extended_to: date | None,
        source: str | None = None,
        as_of: date | None = None,
        met_precision: MetPrecision | None = None,
    ) -> ObligationRecord:
        """When a duty was met and to when its deadline was extended (None for neither);
        with a `source`, where that is known from and as of when (else both are kept).
        `met_precision` says how much of `met_on` is known; by default a changed date is
        a day and an unchanged one keeps what it had."""
        optional_date(extended_to, N_("extended deadline"))
        optional_date(as_of, AS_OF)
        cited = optional_text(source, limits.SOURCE) if source is not None else None
        with self._db.write() as session:
            obligation = common.get_any(session, Obligation, obligation_id, N_("obligation"))
            if extended_to is not None and extended_to <= obligation.due_on:
                message = _("An extension ends after the deadline ({deadline}); {date} does not.")
                raise ValidationError(
                    message.format(
                        deadline=obligation.due_on.isoformat(), date=extended_to.isoformat()
                    ),
                    "extended_to",
                )
            if met_on is not None and met_on > date.today():
                message = _("A duty is met on a day that has come; {date} is still ahead.")
                raise ValidationError(message.format(date=met_on.isoformat()), "met_on")
            if met_precision is not None:
                obligation.met_precision = met_precision.value
            elif met_on != obligation.met_on:
                obligation.met_precision = MetPrecision.DAY.value
            obligation.met_on = optional_date(met_on, N_("date the duty was met"))
            obligation.extended_to = extended_to
            if cited is not None:
                obligation.source = cited
                obligation.as_of = as_of
            return obligation_record(obligation)

    def record_obligations(self, changes: Sequence[ObligationChange]) -> list[ObligationRecord]:
        """Several duties at once, in one transaction: all are recorded or none."""
        with self._db.write():
            return [
                self.record_obligation(
                    change.obligation_id,
                    met_on=change.met_on,
                    extended_to=change.extended_to,
                    source=change.source,
                    as_of=change.as_of,
                    met_precision=change.met_precision,
                )
                for change in changes
            ]

    def count_parties(
        self, treaty_code: str, as_of: date, counting: Counting = Counting.IN_FORCE
    ) -> int:
        """How many States Parties the treaty has on `as_of`, counted `counting`."""
        return self.party_counts(treaty_code, as_of).by(counting)

    def party_counts(self, treaty_code: str, as_of: date) -> PartyCounts:
        """The States Parties on `as_of` both ways: in force, and deposited but pending."""
        dates = self._participation_dates(treaty_code)
        in_force = parties_curve(dates, as_of, Counting.IN_FORCE)[-1][1]
        deposited = parties_curve(dates, as_of, Counting.DEPOSIT)[-1][1]
        return PartyCounts(as_of=as_of, in_force=in_force, pending=deposited - in_force)

    def parties_over_time(
        self, treaty_code: str, until: date, counting: Counting = Counting.IN_FORCE
    ) -> list[tuple[date, int]]:
        """(date, number of States Parties) at each change up to `until`, ending on
        `until`, counted `counting` (see `parties_curve`)."""
        return parties_curve(self._participation_dates(treaty_code), until, counting)

    def _participation_dates(self, treaty_code: str) -> list[ParticipationDates]:
        """(consent, entry into force, withdrawal effective) of each state that consented."""
        with self._db.read() as session:
            treaty = lookup.treaty(session, treaty_code)
            rows = session.execute(
                select(
                    Participation.consent_on,
                    Participation.in_force_on,
                    Participation.withdrawal_effective_on,
                ).where(Participation.treaty_id == treaty.id, Participation.consent_on.is_not(None))
            )
            return [(consent, in_force, withdrawn) for consent, in_force, withdrawn in rows]


#: a consenting state's (consent, entry into force, withdrawal effective) dates
ParticipationDates = tuple[date | None, date | None, date | None]


def parties_curve(
    dates: Sequence[ParticipationDates], until: date, counting: Counting
) -> list[tuple[date, int]]:
    """(date, number of States Parties) at each change up to `until`, ending on `until`:
    counted from entry into force (a succession from its notification: `party_from`) or,
    `Counting.DEPOSIT`, from the deposit of the instrument; less each withdrawal from the
    day it takes effect."""
    steps: dict[date, int] = {}
    for consent_on, in_force_on, withdrawn_on in dates:
        deposit = counting == Counting.DEPOSIT
        joined = (consent_on or date.max) if deposit else party_from(consent_on, in_force_on)
        if joined > until:
            continue
        steps[joined] = steps.get(joined, 0) + 1
        if withdrawn_on is not None and withdrawn_on <= until:
            steps[withdrawn_on] = steps.get(withdrawn_on, 0) - 1
    curve, total = [], 0
    for day in sorted(steps):
        total += steps[day]
        curve.append((day, total))
    if not curve or curve[-1][0] != until:
        curve.append((until, total))
    return curve


def status_of(participation: ParticipationRecord | None, as_of: date) -> TreatyStatus:
    if participation is None:
        return TreatyStatus.OUTSIDE
    return status_on(
        as_of,
        participation.signed_on,
        participation.consent_on,
        participation.in_force_on,
        participation.withdrawal_effective_on,
    )
