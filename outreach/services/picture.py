"""A state's picture on a date: status, facts, seats, forums and categories, for all states
at once. The states list and smart categories both stand on it, so they always agree.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from outreach.domain.enums import CategoryKind, TreatyStatus
from outreach.domain.smart_rules import SeatSpan, StateFacts, matches, seat_span
from outreach.domain.treaty_rules import status_on
from outreach.storage.models import (
    Category,
    CategoryMember,
    Fact,
    Forum,
    ForumMembership,
    Participation,
    Seat,
    State,
    Treaty,
)


@dataclass(frozen=True, slots=True)
class StatePicture:
    state: State
    participation: Participation | None
    facts: StateFacts


def _facts_that_hold(session: Session, as_of: date) -> dict[int, set[str]]:
    """Per state, the fact kinds whose latest statement (on or before `as_of`) holds."""
    latest: dict[tuple[int, str], tuple[date, bool]] = {}
    for fact in session.scalars(select(Fact)):
        when = fact.as_of or date.min
        if when > as_of:
            continue
        key = (fact.state_id, fact.kind)
        if key not in latest or when >= latest[key][0]:
            latest[key] = (when, fact.holds)
    result: dict[int, set[str]] = defaultdict(set)
    for (state_id, kind), (_when, holds) in latest.items():
        if holds:
            result[state_id].add(kind)
    return result


def _seats(session: Session) -> dict[int, set[SeatSpan]]:
    result: dict[int, set[SeatSpan]] = defaultdict(set)
    rows = session.execute(select(Seat.state_id, Seat.body, Seat.start_on, Seat.end_on))
    for state_id, body, start_on, end_on in rows:
        result[state_id].add(seat_span(body, start_on, end_on))
    return result


def _forums(session: Session, as_of: date) -> dict[int, set[str]]:
    result: dict[int, set[str]] = defaultdict(set)
    rows = session.execute(
        select(
            ForumMembership.state_id, Forum.slug, ForumMembership.since, ForumMembership.until
        ).join(Forum, Forum.id == ForumMembership.forum_id)
    )
    for state_id, slug, since, until in rows:
        if (since is None or since <= as_of) and (until is None or as_of <= until):
            result[state_id].add(slug)
    return result


def load_pictures(session: Session, treaty: Treaty, as_of: date) -> dict[int, StatePicture]:
    participations = {
        p.state_id: p
        for p in session.scalars(select(Participation).where(Participation.treaty_id == treaty.id))
    }
    facts, seats, forums = (
        _facts_that_hold(session, as_of),
        _seats(session),
        _forums(session, as_of),
    )
    pictures: dict[int, StatePicture] = {}
    for state in session.scalars(select(State)):
        participation = participations.get(state.id)
        status = (
            status_on(
                as_of,
                participation.signed_on,
                participation.consent_on,
                participation.in_force_on,
                participation.withdrawal_effective_on,
            )
            if participation
            else TreatyStatus.OUTSIDE
        )
        pictures[state.id] = StatePicture(
            state,
            participation,
            StateFacts(
                status=status,
                region=state.region,
                subregion=state.subregion,
                stance=state.stance,
                facts=frozenset(facts.get(state.id, ())),
                seats=frozenset(seats.get(state.id, ())),
                forums=frozenset(forums.get(state.id, ())),
            ),
        )
    return pictures


def live_categories(session: Session) -> list[Category]:
    return list(
        session.scalars(
            select(Category).where(Category.deleted_at.is_(None)).order_by(Category.name)
        )
    )


def category_members(session: Session, pictures: dict[int, StatePicture]) -> dict[str, set[int]]:
    """Category slug -> the ids of its member states (manual and smart)."""
    members: dict[str, set[int]] = {}
    categories = live_categories(session)
    manual = defaultdict(set)
    for category_id, state_id in session.execute(
        select(CategoryMember.category_id, CategoryMember.state_id)
    ):
        manual[category_id].add(state_id)
    for category in categories:
        if category.kind == CategoryKind.SMART and category.rule:
            rule = json.loads(category.rule)
            members[category.slug] = {
                state_id for state_id, picture in pictures.items() if matches(rule, picture.facts)
            }
        else:
            members[category.slug] = set(manual.get(category.id, set()))
    return members


def slugs_by_state(members: dict[str, set[int]]) -> dict[int, tuple[str, ...]]:
    result: dict[int, list[str]] = defaultdict(list)
    for slug in sorted(members):
        for state_id in members[slug]:
            result[state_id].append(slug)
    return {state_id: tuple(slugs) for state_id, slugs in result.items()}
