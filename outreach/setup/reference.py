"""Loading the shipped reference data into a new database, in one transaction.

States and aliases, the APMBC with every state's signature and consent (entry into force
computed by the treaty's rule), withdrawals, Security Council and CD seats, the forums
the campaign used with their members, and their meetings. Every row keeps its source
and as-of date.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import ColumnElement, func, or_, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from outreach.domain.enums import ConsentKind, FactKind, ObligationKind, SeatBody
from outreach.domain.treaty_rules import apmbc_obligations
from outreach.domain.vocabulary import label_of
from outreach.folding import fold
from outreach.i18n import _
from outreach.reference.countries import SOURCE as COUNTRY_SOURCE
from outreach.reference.countries import all_states
from outreach.reference.obligations_record import (
    RecordedDay,
    RecordedObligations,
    recorded_obligations,
)
from outreach.reference.participations import shipped_participations
from outreach.reference.participations import shipped_rows as rows
from outreach.reference.sources import PLACEHOLDER
from outreach.reference.treaties import PARTIES_FORUMS, TREATIES, TreatyRef
from outreach.services.treaties import COMPUTED_FROM, is_computed, refresh_obligations, rules_of
from outreach.storage.database import Database
from outreach.storage.models import (
    Fact,
    Forum,
    ForumMembership,
    Meeting,
    Obligation,
    Participation,
    Seat,
    State,
    StateAlias,
    Treaty,
)


def _day(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def is_loaded(db: Database) -> bool:
    with db.read() as session:
        return bool(session.scalar(select(func.count(State.id))))


def _load_states(session: Session) -> dict[str, int]:
    ids: dict[str, int] = {}
    taken: set[str] = set()
    for ref in all_states():
        state = State(
            iso2=ref.iso2,
            iso3=ref.iso3,
            numeric=ref.numeric,
            name=ref.name,
            name_fr=ref.name_fr,
            official_name=ref.official_name,
            region=ref.region,
            subregion=ref.subregion,
        )
        taken.add(fold(ref.name))
        for alias in ref.aliases:
            if fold(alias) not in taken:
                taken.add(fold(alias))
                state.aliases.append(StateAlias(alias=alias, folded=fold(alias)))
        session.add(state)
        session.flush()
        ids[ref.iso3] = state.id
    return ids


def _load_treaty(session: Session, ref: TreatyRef) -> Treaty:
    treaty = Treaty(
        code=ref.code,
        name=ref.name,
        short_name=ref.short_name,
        adopted_on=ref.adopted_on,
        in_force_on=ref.in_force_on,
        threshold_reached_on=ref.threshold_reached_on,
        months_after_deposit=ref.months_after_deposit,
        signature_closes_on=ref.signature_closes_on,
        withdrawal_months=ref.withdrawal_months,
        target_parties=ref.target_parties,
        target_counting=ref.target_counting,
        source=ref.source,
        as_of=ref.as_of,
    )
    session.add(treaty)
    session.flush()
    return treaty


def _load_participations(session: Session, treaty: Treaty, states: dict[str, int]) -> None:
    rules = rules_of(treaty)
    loaded = []
    for shipped in shipped_participations(treaty.code).values():
        participation = Participation(
            treaty_id=treaty.id,
            state_id=states[shipped.iso3],
            signed_on=shipped.signed_on,
            consent_on=shipped.consent_on,
            consent_kind=ConsentKind(shipped.consent_kind).value if shipped.consent_kind else None,
            effective_on=shipped.effective_on,
            in_force_on=rules.in_force_for(shipped.consent_on, shipped.effective_on),
            withdrawal_notified_on=shipped.withdrawal_notified_on,
            withdrawal_effective_on=rules.withdrawal_effective_for(
                shipped.withdrawal_notified_on, shipped.withdrawal_effective_on
            ),
            source=shipped.source,
            as_of=shipped.as_of,
        )
        session.add(participation)
        loaded.append(participation)
    session.flush()
    for participation in loaded:
        refresh_obligations(session, participation)


def _load_seats(session: Session, states: dict[str, int]) -> None:
    for row in rows("seats.csv"):
        start_on = _day(row["start_on"])
        assert start_on is not None, f"seat without start: {row}"
        session.add(
            Seat(
                state_id=states[row["iso3"]],
                body=SeatBody(row["body"]).value,
                kind=row["kind"],
                start_on=start_on,
                end_on=_day(row["end_on"]),
                source=row["source"],
                as_of=_day(row["as_of"]),
            )
        )


def _load_forums(session: Session, states: dict[str, int]) -> list[str]:
    """Add the shipped forums the database lacks (by slug), with their members and
    meetings; their slugs. Forums are never deleted, so one missing was shipped since."""
    held = set(session.scalars(select(Forum.slug)))
    added: dict[str, Forum] = {}
    for row in rows("forums.csv"):
        if row["slug"] not in held:
            forum = Forum(slug=row["slug"], name=row["name"], kind=row["kind"], notes=row["notes"])
            session.add(forum)
            added[forum.slug] = forum
    if not added:
        return []
    session.flush()
    for row in rows("forum_members.csv"):
        if row["forum"] in added:
            session.add(
                ForumMembership(
                    forum_id=added[row["forum"]].id,
                    state_id=states[row["iso3"]],
                    since=_day(row["since"]),
                    until=_day(row["until"]),
                    source=row["source"],
                    as_of=_day(row["as_of"]),
                )
            )
    if "cd" in added:
        _add_cd_members(session, added["cd"])
    for code, slugs in PARTIES_FORUMS.items():
        treaty = session.scalar(select(Treaty).where(Treaty.code == code))
        for slug in slugs:
            if treaty is not None and slug in added:
                _add_parties(session, added[slug], treaty)
    for row in rows("meetings.csv"):
        if row["forum"] in added:
            session.add(_meeting(added[row["forum"]], row))
    return sorted(added)


def _add_cd_members(session: Session, cd: Forum) -> None:
    """The Conference on Disarmament's members are its seats."""
    for seat in session.scalars(select(Seat).where(Seat.body == SeatBody.CD.value)):
        session.add(
            ForumMembership(
                forum_id=cd.id,
                state_id=seat.state_id,
                since=seat.start_on,
                until=seat.end_on,
                source=seat.source,
                as_of=seat.as_of,
            )
        )


def _add_parties(session: Session, forum: Forum, treaty: Treaty) -> None:
    """The treaty's States Parties as members of one of its meetings' forums."""
    parties = session.scalars(
        select(Participation).where(
            Participation.treaty_id == treaty.id, Participation.in_force_on.is_not(None)
        )
    )
    for participation in parties:
        session.add(
            ForumMembership(
                forum_id=forum.id,
                state_id=participation.state_id,
                since=participation.in_force_on,
                until=participation.withdrawal_effective_on,
                source="States Parties, from the treaty's participation table",
                as_of=participation.as_of,
            )
        )


def _meeting(forum: Forum, row: dict[str, str]) -> Meeting:
    starts_on, ends_on = _day(row["starts_on"]), _day(row["ends_on"])
    assert starts_on is not None, row
    assert ends_on is not None, row
    return Meeting(
        forum_id=forum.id,
        title=row["title"],
        city=row["city"],
        timezone=row["timezone"],
        starts_on=starts_on,
        ends_on=ends_on,
        notes=f"Source: {row['source']}",
    )


def load_reference(db: Database) -> bool:
    """Fill an empty database with the reference data; False if it had states already."""
    if is_loaded(db):
        return False
    with db.write() as session:
        states = _load_states(session)
        treaties = [_load_treaty(session, ref) for ref in TREATIES]
        for treaty in treaties:
            _load_participations(session, treaty, states)
        _load_seats(session, states)
        session.flush()
        _load_forums(session, states)
    apply_obligations_record(db)
    return True


def load_missing_treaties(db: Database) -> list[str]:
    """Add the shipped treaties and forums a database lacks (one made before the app
    shipped them): participation tables and the duties that follow, the forums with
    their members and meetings; the codes of the treaties added."""
    with db.read() as session:
        held = set(session.scalars(select(Treaty.code)))
        forums = set(session.scalars(select(Forum.slug)))
    missing = [ref for ref in TREATIES if ref.code not in held]
    if not missing and forums >= {row["slug"] for row in rows("forums.csv")}:
        return []
    with db.write() as session:
        states = dict(session.execute(select(State.iso3, State.id)).all())
        for ref in missing:
            _load_participations(session, _load_treaty(session, ref), states)
        session.flush()
        _load_forums(session, states)
    return [ref.code for ref in missing]


def _uncited(source: InstrumentedAttribute[str]) -> ColumnElement[bool]:
    return or_(func.trim(source) == "", source.contains(PLACEHOLDER))


def unsourced_rows(db: Database) -> list[str]:
    """One line for each reference row that cites no source, or only the placeholder the
    first reference data had: treaties, participations, obligations, facts, seats and
    forum memberships, whether shipped or typed. Empty when every one cites a source."""
    what: list[tuple[str, str]] = []  # (the row, said plainly; its source)
    with db.read() as session:
        names = dict(session.execute(select(State.id, State.name)).all())
        codes = dict(session.execute(select(Treaty.id, Treaty.code)).all())
        forums = dict(session.execute(select(Forum.id, Forum.name)).all())
        for treaty in session.scalars(select(Treaty).where(_uncited(Treaty.source))):
            what.append((_("the treaty {treaty}").format(treaty=treaty.code), treaty.source))
        for part in session.scalars(select(Participation).where(_uncited(Participation.source))):
            row = _("the participation of {state} in the {treaty}")
            what.append(
                (row.format(state=names[part.state_id], treaty=codes[part.treaty_id]), part.source)
            )
        duties = session.execute(
            select(Obligation, Participation.state_id)
            .join(Participation, Participation.id == Obligation.participation_id)
            .where(_uncited(Obligation.source))
        )
        for duty, state_id in duties:
            row = _("the obligation “{kind}” of {state}, due {day}")
            kind = label_of(ObligationKind, duty.kind)
            text = row.format(state=names[state_id], kind=kind, day=duty.due_on)
            what.append((text, duty.source))
        for fact in session.scalars(select(Fact).where(_uncited(Fact.source))):
            row = _("the fact “{kind}” about {state}")
            kind = label_of(FactKind, fact.kind)
            what.append((row.format(kind=kind, state=names[fact.state_id]), fact.source))
        for seat in session.scalars(select(Seat).where(_uncited(Seat.source))):
            row = _("the seat of {state} on the {body} from {day}")
            body = label_of(SeatBody, seat.body)
            what.append(
                (row.format(state=names[seat.state_id], body=body, day=seat.start_on), seat.source)
            )
        members = select(ForumMembership).where(_uncited(ForumMembership.source))
        for member in session.scalars(members):
            row = _("the membership of {state} in {forum} from {day}")
            day = member.since.isoformat() if member.since else "—"
            name, forum = names[member.state_id], forums[member.forum_id]
            what.append((row.format(state=name, forum=forum, day=day), member.source))
    return [
        (
            _("No source for {row}.")
            if not source.strip()
            else _("No source for {row}: it says “{placeholder}”.")
        ).format(row=row, placeholder=PLACEHOLDER)
        for row, source in what
    ]


REFERENCE_SOURCES = (COUNTRY_SOURCE,)


#: the revision from which a database holds the record of obligations met
OBLIGATIONS_RECORD_REVISION = "0012"  # the record grew to every State Party then


def apply_obligations_record(db: Database) -> int:
    """Bring the APMBC's duties to what the shipped record of obligations met says
    (`outreach.reference.obligations_record`): initial Article 7 reports made, stockpiles
    destroyed or never held, clearance deadlines as extended and completions declared,
    each citing the record. Only the duties as the rules computed them change; one an
    officer has recorded keeps what was recorded. A state the record shows clearing
    mined areas gets its Art. 5 duty. Returns how many duties changed."""
    changed = 0
    with db.write() as session:
        treaty = session.scalar(select(Treaty).where(Treaty.code == "APMBC"))
        states: dict[str, int] = dict(session.execute(select(State.iso3, State.id)).all())
        if treaty is None:
            return 0
        for record in recorded_obligations():
            participation = session.scalar(
                select(Participation).where(
                    Participation.treaty_id == treaty.id,
                    Participation.state_id == states.get(record.iso3, -1),
                )
            )
            if participation is None or participation.in_force_on is None:
                continue
            changed += _apply_record(session, participation, record)
    return changed


def _apply_record(
    session: Session, participation: Participation, record: RecordedObligations
) -> int:
    duties = {
        duty.kind: duty
        for duty in session.scalars(
            select(Obligation).where(Obligation.participation_id == participation.id)
        )
    }
    clearing = record.clearance_status in ("completed", "in_progress")
    if clearing and ObligationKind.ART5_CLEARANCE.value not in duties:
        duties[ObligationKind.ART5_CLEARANCE.value] = _clearance_duty(session, participation)
    open_duties = {
        kind: duty for kind, duty in duties.items() if duty.met_on is None and is_computed(duty)
    }
    changed = 0
    report = open_duties.get(ObligationKind.ART7_INITIAL.value)
    if report is not None and record.initial_report is not None:
        changed += _met(report, record.initial_report, record)
    stockpile = open_duties.get(ObligationKind.ART4_STOCKPILE.value)
    if stockpile is not None:
        if record.stockpile_status == "completed" and record.stockpile_destroyed is not None:
            changed += _met(stockpile, record.stockpile_destroyed, record)
        elif record.stockpile_status == "none":  # the duty never arose
            never = RecordedDay(participation.in_force_on or stockpile.due_on, "never")
            changed += _met(stockpile, never, record)
    clearance = open_duties.get(ObligationKind.ART5_CLEARANCE.value)
    if clearance is not None:
        deadline = record.clearance_deadline
        if deadline is not None and deadline > clearance.due_on:
            clearance.extended_to = deadline
            _cite(clearance, record)
            changed += 1
        if record.clearance_status == "completed" and record.clearance_completed is not None:
            changed += _met(clearance, record.clearance_completed, record)
    return changed


def _clearance_duty(session: Session, participation: Participation) -> Obligation:
    """The Art. 5 duty of a state the record shows clearing mined areas, due by the rule
    (the record's citation replaces the rule's as soon as it says anything of it)."""
    assert participation.in_force_on is not None
    due = next(
        duty
        for duty in apmbc_obligations(participation.in_force_on, mine_affected=True)
        if duty.kind == ObligationKind.ART5_CLEARANCE
    )
    duty = Obligation(
        participation_id=participation.id,
        kind=due.kind.value,
        description=due.description,
        due_on=due.due_on,
        source=f"{COMPUTED_FROM} ({participation.in_force_on.isoformat()})",
        as_of=participation.as_of,
    )
    session.add(duty)
    session.flush()
    return duty


def _met(duty: Obligation, day: RecordedDay, record: RecordedObligations) -> int:
    duty.met_on, duty.met_precision = day.day, day.precision
    _cite(duty, record)
    return 1


def _cite(duty: Obligation, record: RecordedObligations) -> None:
    duty.source, duty.as_of = record.source, record.as_of
