"""succession effective date, how a target is counted, and the shipped reference rows
brought up to date

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-02 18:00:00

A notification of succession takes effect from the day the depositary records, the
successor's independence, not by Art. 17's rule: `participation.effective_on` holds that
day, and entry into force follows it (South Sudan deposited on 11 Nov 2011 and is bound
from 9 Jul 2011). A check keeps it to successions, on or before the notification.

States Parties are counted two ways, from entry into force or, as Landmine Monitor and
the ICBL count, from deposit: `treaty.target_counting` says which way the target was
counted (the APMBC's 145: by deposit).

The reference rows a database still holds as the first reference data wrote them are
brought to what a database created today holds (read from the shipped reference, as
0008 reads the French names):
- a participation that still cites the placeholder ("illustrative (unverified)") takes
  the shipped dates, kind, effective date and sources;
- a succession recorded on the shipped day with no effective date takes the shipped one;
- where entry into force moves, so do the duties computed from it and not yet met, and
  the memberships of the treaty's meetings that follow from it;
- the Security Council and Conference on Disarmament seats the first data lacked are
  added (with the Conference's membership), seats citing the placeholder take the
  shipped source, and the Conference's founding members, which the first data dated
  from 17 June 1996 ("member by then"), take the day they joined (24 Jan 1979).
Rows an officer has changed (they cite something else) are left as they are.
"""

from collections.abc import Sequence
from datetime import date

import sqlalchemy as sa
from alembic import op

from outreach.domain.treaty_rules import TreatyRules, apmbc_obligations
from outreach.reference.participations import (
    ShippedParticipation,
    shipped_participations,
    shipped_rows,
)
from outreach.reference.sources import PLACEHOLDER
from outreach.reference.treaties import TREATIES

# revision identifiers, used by Alembic.
revision: str = "0010"
down_revision: str | Sequence[str] | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TREATY_CODE = "APMBC"
COMPUTED = "Computed from entry into force ({day})"
FROM_PARTICIPATION = "States Parties, from the treaty's participation table"
MEETINGS_OF_PARTIES = ("msp", "revcon", "sc")

STATE = sa.table("state", sa.column("id"), sa.column("iso3"))
TREATY_COUNTING = sa.table("treaty", sa.column("code"), sa.column("target_counting"))
TREATY = sa.table(
    "treaty",
    sa.column("id"),
    sa.column("code"),
    sa.column("in_force_on", sa.Date),
    sa.column("threshold_reached_on", sa.Date),
    sa.column("months_after_deposit"),
    sa.column("signature_closes_on", sa.Date),
    sa.column("withdrawal_months"),
)
PARTICIPATION = sa.table(
    "participation",
    sa.column("id"),
    sa.column("treaty_id"),
    sa.column("state_id"),
    sa.column("signed_on", sa.Date),
    sa.column("consent_on", sa.Date),
    sa.column("consent_kind"),
    sa.column("effective_on", sa.Date),
    sa.column("in_force_on", sa.Date),
    sa.column("withdrawal_notified_on", sa.Date),
    sa.column("withdrawal_effective_on", sa.Date),
    sa.column("source"),
    sa.column("as_of", sa.Date),
)
OBLIGATION = sa.table(
    "obligation",
    sa.column("id"),
    sa.column("participation_id"),
    sa.column("kind"),
    sa.column("due_on", sa.Date),
    sa.column("met_on", sa.Date),
    sa.column("source"),
)
SEAT = sa.table(
    "seat",
    sa.column("id"),
    sa.column("state_id"),
    sa.column("body"),
    sa.column("kind"),
    sa.column("start_on", sa.Date),
    sa.column("end_on", sa.Date),
    sa.column("source"),
    sa.column("as_of", sa.Date),
)
FORUM = sa.table("forum", sa.column("id"), sa.column("slug"))
MEMBERSHIP = sa.table(
    "forum_membership",
    sa.column("forum_id"),
    sa.column("state_id"),
    sa.column("since", sa.Date),
    sa.column("until", sa.Date),
    sa.column("source"),
    sa.column("as_of", sa.Date),
)


def upgrade() -> None:
    with op.batch_alter_table("participation", schema=None) as batch_op:
        batch_op.add_column(sa.Column("effective_on", sa.Date(), nullable=True))
        batch_op.create_check_constraint(
            op.f("ck_participation_effective_on_for_a_succession"),
            "effective_on IS NULL OR (consent_kind = 'succession' AND effective_on <= consent_on)",
        )
    with op.batch_alter_table("treaty", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column(
                "target_counting", sa.String(length=10), nullable=False, server_default="in_force"
            )
        )
    bind = op.get_bind()
    for ref in TREATIES:
        bind.execute(
            sa.update(TREATY_COUNTING)
            .where(TREATY_COUNTING.c.code == ref.code)
            .values(target_counting=ref.target_counting)
        )
    states = dict(bind.execute(sa.select(STATE.c.iso3, STATE.c.id)).all())
    treaty = bind.execute(sa.select(TREATY).where(TREATY.c.code == TREATY_CODE)).first()
    if treaty is None or not states:
        return  # an empty file: the reference data are loaded whole when it is first opened
    rules = TreatyRules(
        code=TREATY_CODE,
        in_force_on=treaty.in_force_on,
        threshold_reached_on=treaty.threshold_reached_on,
        months_after_deposit=treaty.months_after_deposit,
        signature_closes_on=treaty.signature_closes_on,
        withdrawal_months=treaty.withdrawal_months,
    )
    forums = dict(bind.execute(sa.select(FORUM.c.slug, FORUM.c.id)).all())
    for shipped in shipped_participations(TREATY_CODE).values():
        if shipped.iso3 in states:
            _bring_up_to_date(bind, rules, treaty.id, states[shipped.iso3], shipped, forums)
    _add_missing_seats(bind, states, forums.get("cd"))


def _bring_up_to_date(
    bind: sa.Connection,
    rules: TreatyRules,
    treaty_id: int,
    state_id: int,
    shipped: ShippedParticipation,
    forums: dict[str, int],
) -> None:
    held = bind.execute(
        sa.select(PARTICIPATION).where(
            PARTICIPATION.c.treaty_id == treaty_id, PARTICIPATION.c.state_id == state_id
        )
    ).first()
    if held is None:
        return
    if PLACEHOLDER in held.source:
        values = {
            "signed_on": shipped.signed_on,
            "consent_on": shipped.consent_on,
            "consent_kind": shipped.consent_kind,
            "effective_on": shipped.effective_on,
            "withdrawal_notified_on": shipped.withdrawal_notified_on,
            "withdrawal_effective_on": rules.withdrawal_effective_for(
                shipped.withdrawal_notified_on, shipped.withdrawal_effective_on
            ),
            "source": shipped.source,
            "as_of": shipped.as_of,
        }
    elif (
        shipped.effective_on is not None
        and held.consent_kind == "succession"
        and held.consent_on == shipped.consent_on
        and held.effective_on is None
    ):
        values = {"effective_on": shipped.effective_on}
    else:
        return
    in_force_on = rules.in_force_for(shipped.consent_on, shipped.effective_on)
    values["in_force_on"] = in_force_on
    bind.execute(sa.update(PARTICIPATION).where(PARTICIPATION.c.id == held.id).values(**values))
    if in_force_on != held.in_force_on and in_force_on is not None:
        _move_computed_duties(bind, held.id, held.in_force_on, in_force_on)
        _move_meetings_membership(bind, forums, state_id, held.in_force_on, in_force_on)


def _move_computed_duties(
    bind: sa.Connection, participation_id: int, before: date | None, in_force_on: date
) -> None:
    """The duties the rules computed from the old entry into force, not met yet, fall due
    as the rules compute them from the new one."""
    if before is None:
        return
    due = {duty.kind.value: duty.due_on for duty in apmbc_obligations(in_force_on, True)}
    computed = COMPUTED.format(day=before.isoformat())
    for duty_id, kind in bind.execute(
        sa.select(OBLIGATION.c.id, OBLIGATION.c.kind).where(
            OBLIGATION.c.participation_id == participation_id,
            OBLIGATION.c.met_on.is_(None),
            OBLIGATION.c.source == computed,
        )
    ):
        if kind in due:
            bind.execute(
                sa.update(OBLIGATION)
                .where(OBLIGATION.c.id == duty_id)
                .values(due_on=due[kind], source=COMPUTED.format(day=in_force_on.isoformat()))
            )


def _move_meetings_membership(
    bind: sa.Connection,
    forums: dict[str, int],
    state_id: int,
    before: date | None,
    in_force_on: date,
) -> None:
    """A State Party sits in the treaty's meetings from its entry into force."""
    ids = [forums[slug] for slug in MEETINGS_OF_PARTIES if slug in forums]
    if before is None or not ids:
        return
    bind.execute(
        sa.update(MEMBERSHIP)
        .where(
            MEMBERSHIP.c.forum_id.in_(ids),
            MEMBERSHIP.c.state_id == state_id,
            MEMBERSHIP.c.since == before,
            MEMBERSHIP.c.source == FROM_PARTICIPATION,
        )
        .values(since=in_force_on)
    )


def _add_missing_seats(bind: sa.Connection, states: dict[str, int], cd_forum: int | None) -> None:
    """The shipped seats a database lacks (by state, body and first day), and the shipped
    source where a seat still cites the placeholder."""
    held = {
        (state_id, body, start_on): (seat_id, source)
        for seat_id, state_id, body, start_on, source in bind.execute(
            sa.select(SEAT.c.id, SEAT.c.state_id, SEAT.c.body, SEAT.c.start_on, SEAT.c.source)
        )
    }
    for row in shipped_rows("seats.csv"):
        if row["iso3"] not in states:
            continue
        state_id, start_on = states[row["iso3"]], date.fromisoformat(row["start_on"])
        end_on = date.fromisoformat(row["end_on"]) if row["end_on"] else None
        as_of = date.fromisoformat(row["as_of"]) if row["as_of"] else None
        found = held.get((state_id, row["body"], start_on))
        if found is None and row["body"] == "CD":
            moved = _move_cd_seat(bind, held, state_id, start_on, row["source"], as_of, cd_forum)
            if moved:
                continue
        if found is not None:
            seat_id, source = found
            if PLACEHOLDER in source:
                bind.execute(
                    sa.update(SEAT)
                    .where(SEAT.c.id == seat_id)
                    .values(source=row["source"], as_of=as_of)
                )
            continue
        seat = {"state_id": state_id, "start_on": start_on, "end_on": end_on}
        seat |= {"source": row["source"], "as_of": as_of}
        bind.execute(sa.insert(SEAT).values(body=row["body"], kind=row["kind"], **seat))
        if row["body"] == "CD" and cd_forum is not None:  # the Conference's members
            bind.execute(
                sa.insert(MEMBERSHIP).values(
                    forum_id=cd_forum,
                    state_id=state_id,
                    since=start_on,
                    until=end_on,
                    source=row["source"],
                    as_of=as_of,
                )
            )


#: the day the first reference data dated every Conference member from ("member by then")
CD_MEMBER_BY_THEN = date(1996, 6, 17)


def _move_cd_seat(
    bind: sa.Connection,
    held: dict[tuple[int, str, date], tuple[int, str]],
    state_id: int,
    start_on: date,
    source: str,
    as_of: date | None,
    cd_forum: int | None,
) -> bool:
    """A founding member of the Conference, which the first data dated from 17 June 1996,
    takes the day it joined (and its membership of the Conference's forum with it), so
    its seat is moved rather than held twice."""
    found = held.get((state_id, "CD", CD_MEMBER_BY_THEN))
    if found is None or start_on >= CD_MEMBER_BY_THEN:
        return False
    seat_id, _source = found
    bind.execute(
        sa.update(SEAT)
        .where(SEAT.c.id == seat_id)
        .values(start_on=start_on, source=source, as_of=as_of)
    )
    if cd_forum is not None:
        bind.execute(
            sa.update(MEMBERSHIP)
            .where(
                MEMBERSHIP.c.forum_id == cd_forum,
                MEMBERSHIP.c.state_id == state_id,
                MEMBERSHIP.c.since == CD_MEMBER_BY_THEN,
            )
            .values(since=start_on, source=source, as_of=as_of)
        )
    return True


def downgrade() -> None:
    # The data brought up to date stay (they are what the sources say); the columns go.
    with op.batch_alter_table("treaty", schema=None) as batch_op:
        batch_op.drop_column("target_counting")
    with op.batch_alter_table("participation", schema=None) as batch_op:
        batch_op.drop_constraint(
            op.f("ck_participation_effective_on_for_a_succession"), type_="check"
        )
        batch_op.drop_column("effective_on")
