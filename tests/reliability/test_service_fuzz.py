"""Every service's public calls, fed whatever a person (or a script, or a damaged import)
might hand them: each call either succeeds or raises a known error (`OutreachError`)
with nothing half-written, and the database stays sound.

Hypothesis draws the arguments: text of any length and any characters (lone surrogates,
control characters, 200,000-character notes), dates of any year or not dates at all, ids
that exist and ids that do not, words that are not in a vocabulary.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from outreach.errors import OutreachError
from outreach.search import search_index_problems
from outreach.services.categories import CategoryService
from outreach.services.contact_log import ContactLogService
from outreach.services.contacts import ContactService
from outreach.services.demarches import DemarcheService
from outreach.services.facts import FactService
from outreach.services.forums import ForumService
from outreach.services.interventions import InterventionService
from outreach.services.organizations import OrganizationService
from outreach.services.states import StateService
from outreach.services.treaties import TreatyService
from outreach.storage.database import Database
from outreach.storage.maintenance import integrity_problems
from outreach.storage.models import Base

pytestmark = pytest.mark.slow  # hypothesis: dozens of calls per test, both backends

FUZZ = settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    database=None,  # no example database written into the checkout
)

# -- what may be handed to a service ------------------------------------------------------

#: any text: printable or not, surrogates and control characters included
any_text = st.text(st.characters(), max_size=60)
#: text a form would produce, and now and then one far too long for any field
long_text = st.builds(
    lambda piece, times: piece * times, st.text(min_size=1, max_size=8), st.integers(1, 40_000)
)
texts = st.one_of(any_text, any_text, long_text)
words = st.one_of(st.sampled_from(["", "party", "email", "call", "ministry", "other"]), any_text)
dates = st.one_of(
    st.dates(),
    st.dates(min_value=date(1990, 1, 1), max_value=date(2010, 12, 31)),
    st.text(max_size=12),
    st.sampled_from(["9999-12-31", "0001-01-01", "2004-02-30", "not a date"]),
    st.none(),
)
#: for parameters typed `date` alone (no text): any day of any year, or none
typed_dates = st.one_of(st.dates(), st.none())
ids = st.one_of(st.integers(-3, 40), st.integers(min_value=2**40, max_value=2**62))
state_refs = st.one_of(st.sampled_from(["KHM", "FIN", "USA", "khm", "Cambodia"]), any_text, ids)


def table_counts(db: Database) -> dict[str, int]:
    """How many rows each table holds: a refused call must leave every count as it was."""
    with db.read() as session:
        return {
            name: int(session.scalar(select(func.count()).select_from(table)) or 0)
            for name, table in Base.metadata.tables.items()
        }


@pytest.fixture
def attempt(reference_db: Database) -> Iterator[Callable[[Callable[[], Any]], None]]:
    """Run one call: success, or a known error with no row added, removed or audited.
    At the end of the test the database must pass its own checks."""

    def run(call: Callable[[], Any]) -> None:
        before = table_counts(reference_db)
        try:
            call()
        except OutreachError:
            assert table_counts(reference_db) == before, "a refused call left rows behind"

    yield run
    assert integrity_problems(reference_db) == []
    assert search_index_problems(reference_db) == []


# -- the calls -----------------------------------------------------------------------------


@FUZZ
@given(family=texts, given_name=texts, email=texts, phone=texts, notes=texts, state=state_refs)
def test_contacts(
    attempt: Callable[[Callable[[], Any]], None],
    reference_db: Database,
    family: str,
    given_name: str,
    email: str,
    phone: str,
    notes: str,
    state: Any,
) -> None:
    contacts = ContactService(reference_db)
    attempt(
        lambda: contacts.create(
            family, given_name=given_name, email=email, phone=phone, notes=notes, state=state
        )
    )


@FUZZ
@given(name=texts, kind=words, city=texts, notes=texts, state=state_refs)
def test_organizations(
    attempt: Callable[[Callable[[], Any]], None],
    reference_db: Database,
    name: str,
    kind: str,
    city: str,
    notes: str,
    state: Any,
) -> None:
    organizations = OrganizationService(reference_db)
    attempt(lambda: organizations.create(name, kind=kind, state=state, city=city, notes=notes))


@FUZZ
@given(
    occurred=dates,
    kind=words,
    summary=texts,
    details=texts,
    officer=texts,
    follow_up=dates,
    states=st.lists(state_refs, max_size=3),
    contact_ids=st.lists(ids, max_size=2),
)
def test_contact_log(
    attempt: Callable[[Callable[[], Any]], None],
    reference_db: Database,
    occurred: Any,
    kind: str,
    summary: str,
    details: str,
    officer: str,
    follow_up: Any,
    states: list[Any],
    contact_ids: list[int],
) -> None:
    log = ContactLogService(reference_db)
    attempt(
        lambda: log.log(
            occurred,
            kind,
            summary,
            details=details,
            officer=officer,
            states=states,
            contact_ids=contact_ids,
            follow_up_on=follow_up,
        )
    )


@FUZZ
@given(
    state=state_refs,
    title=texts,
    action=words,
    channel=words,
    level=words,
    talking_points=texts,
    planned=dates,
    due=dates,
    to_status=words,
    moved_on=dates,
    reason=texts,
)
def test_demarches(
    attempt: Callable[[Callable[[], Any]], None],
    reference_db: Database,
    state: Any,
    title: str,
    action: str,
    channel: str,
    level: str,
    talking_points: str,
    planned: Any,
    due: Any,
    to_status: str,
    moved_on: Any,
    reason: str,
) -> None:
    demarches = DemarcheService(reference_db)
    made: list[int] = []

    def create() -> None:
        made.append(
            demarches.create(
                state,
                title,
                action,
                channel,
                level,
                talking_points=talking_points,
                planned_on=planned,
                due_on=due,
            ).id
        )

    attempt(create)
    for demarche_id in made:
        attempt(
            lambda demarche_id=demarche_id: demarches.move(
                demarche_id, to_status, on=moved_on, reason=reason
            )
        )


@FUZZ
@given(
    name=texts,
    slug=st.one_of(st.none(), any_text),
    description=texts,
    colour=any_text,
    rule=st.one_of(st.none(), any_text),
    member=state_refs,
)
def test_categories(
    attempt: Callable[[Callable[[], Any]], None],
    reference_db: Database,
    name: str,
    slug: str | None,
    description: str,
    colour: str,
    rule: str | None,
    member: Any,
) -> None:
    categories = CategoryService(reference_db)
    made: list[int] = []
    attempt(
        lambda: made.append(
            categories.create(name, slug=slug, description=description, colour=colour, rule=rule).id
        )
    )
    for category_id in made:
        attempt(lambda category_id=category_id: categories.assign(category_id, member))


@FUZZ
@given(
    state=state_refs,
    kind=words,
    source=texts,
    as_of=st.dates(),
    quantity=st.one_of(st.none(), st.integers()),
    detail=texts,
)
def test_facts(
    attempt: Callable[[Callable[[], Any]], None],
    reference_db: Database,
    state: Any,
    kind: str,
    source: str,
    as_of: Any,
    quantity: int | None,
    detail: str,
) -> None:
    facts = FactService(reference_db)
    attempt(
        lambda: facts.add_fact(
            state, kind, source=source, as_of=as_of, quantity=quantity, detail=detail
        )
    )


@FUZZ
@given(
    slug=any_text,
    name=texts,
    kind=words,
    title=texts,
    city=texts,
    starts=dates,
    ends=dates,
    timezone=st.one_of(st.sampled_from(["UTC", "Africa/Nairobi"]), any_text),
    notes=texts,
)
def test_forums_and_meetings(
    attempt: Callable[[Callable[[], Any]], None],
    reference_db: Database,
    slug: str,
    name: str,
    kind: str,
    title: str,
    city: str,
    starts: Any,
    ends: Any,
    timezone: str,
    notes: str,
) -> None:
    forums = ForumService(reference_db)
    attempt(lambda: forums.create_forum(slug, name, kind, notes=notes))
    existing = forums.forums()[0].id
    attempt(
        lambda: forums.create_meeting(
            existing,
            title,
            city=city,
            starts_on=starts,
            ends_on=ends,
            timezone=timezone,
            notes=notes,
        )
    )


@FUZZ
@given(
    kind=words,
    title=texts,
    officer=texts,
    talking_points=texts,
    targets=st.lists(state_refs, max_size=3),
    status=words,
    outcome=texts,
    meeting=ids,
)
def test_interventions(
    attempt: Callable[[Callable[[], Any]], None],
    reference_db: Database,
    kind: str,
    title: str,
    officer: str,
    talking_points: str,
    targets: list[Any],
    status: str,
    outcome: str,
    meeting: int,
) -> None:
    forums = ForumService(reference_db)
    if not forums.meetings():
        forums.create_meeting(
            forums.forums()[0].id,
            "Intersessional",
            starts_on="2004-02-09",
            ends_on="2004-02-13",
        )
    meeting_ids = [meeting, forums.meetings()[0].id]
    interventions = InterventionService(reference_db)
    for meeting_id in meeting_ids:
        attempt(
            lambda meeting_id=meeting_id: interventions.plan(
                meeting_id,
                kind,
                title,
                lead_officer=officer,
                talking_points=talking_points,
                targets=targets,
                status=status,
                outcome=outcome,
            )
        )


@FUZZ
@given(
    state=state_refs,
    name=st.one_of(st.none(), texts),
    stance=st.one_of(st.none(), words),
    notes=st.one_of(st.none(), texts),
    points=st.one_of(st.none(), texts),
    alias=texts,
)
def test_states(
    attempt: Callable[[Callable[[], Any]], None],
    reference_db: Database,
    state: Any,
    name: str | None,
    stance: str | None,
    notes: str | None,
    points: str | None,
    alias: str,
) -> None:
    states = StateService(reference_db)
    attempt(
        lambda: states.update_profile(
            state, name=name, stance=stance, notes=notes, talking_points=points
        )
    )
    attempt(lambda: states.add_alias(state, alias))


@FUZZ
@given(
    state=state_refs,
    treaty=st.one_of(st.just("APMBC"), any_text),
    signed=typed_dates,
    consent=typed_dates,
    consent_kind=st.one_of(st.none(), words),
    source=texts,
)
def test_treaty_participation(
    attempt: Callable[[Callable[[], Any]], None],
    reference_db: Database,
    state: Any,
    treaty: str,
    signed: Any,
    consent: Any,
    consent_kind: str | None,
    source: str,
) -> None:
    treaties = TreatyService(reference_db)
    attempt(
        lambda: treaties.record_participation(
            state,
            treaty,
            signed_on=signed,
            consent_on=consent,
            consent_kind=consent_kind,
            source=source,
        )
    )
