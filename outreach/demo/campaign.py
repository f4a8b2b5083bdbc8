"""Loading the demo campaign through the services, so the demo obeys every rule users do."""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import func, select

from outreach.domain.enums import DemarcheStatus, InterventionKind, InterventionStatus
from outreach.errors import ValidationError
from outreach.services.categories import CategoryService
from outreach.services.contact_log import ContactLogService
from outreach.services.contacts import ContactService
from outreach.services.demarches import DemarcheService
from outreach.services.facts import FactService
from outreach.services.forums import ForumService
from outreach.services.interventions import InterventionService
from outreach.services.organizations import OrganizationService
from outreach.services.states import StateService
from outreach.storage.database import Database
from outreach.storage.models import Category

from . import content

AS_OF = date(2002, 11, 30)
FORWARD = (
    DemarcheStatus.APPROVED,
    DemarcheStatus.DELIVERED,
    DemarcheStatus.RESPONSE,
    DemarcheStatus.CLOSED,
)


def has_demo(db: Database) -> bool:
    with db.read() as session:
        slug = content.MANUAL_CATEGORIES[0][0]
        return bool(session.scalar(select(func.count()).where(Category.slug == slug)))


def _categories(db: Database) -> None:
    categories = CategoryService(db)
    for slug, name, colour, description in content.MANUAL_CATEGORIES:
        categories.create(name, slug=slug, colour=colour, description=description)
    for slug, name, colour, description, rule in content.SMART_CATEGORIES:
        categories.create(name, slug=slug, colour=colour, description=description, rule=rule)
    for slug, members in (
        ("steadfast-producers-users", content.STEADFAST),
        ("likely-acceders", content.LIKELY_ACCEDERS),
        ("recent-users", content.RECENT_USERS),
    ):
        for iso3, rationale in members.items():
            categories.assign(slug, iso3, rationale, on=AS_OF)


def _facts_and_profiles(db: Database) -> None:
    facts, states = FactService(db), StateService(db)
    source = content.ILLUSTRATIVE
    for iso3 in content.PRODUCERS:
        facts.add_fact(iso3, "producer", source=source, as_of=date(2002, 7, 31))
    for iso3, size in content.STOCKPILES:
        facts.add_fact(iso3, "stockpile", source=source, as_of=date(2002, 7, 31), quantity=size)
    for iso3 in content.EXPORT_MORATORIA:
        facts.add_fact(iso3, "export_moratorium", source=source, as_of=date(2002, 7, 31))
    for iso3 in content.MINE_AFFECTED:
        facts.add_fact(iso3, "mine_affected", source=source, as_of=date(2002, 7, 31))
    for iso3 in content.RECENT_USERS:
        facts.add_fact(iso3, "use", source=source, as_of=date(2003, 7, 31))
    for iso3, stance in content.STANCES.items():
        states.update_profile(iso3, stance=stance, talking_points=content.TALKING_POINTS.get(iso3))


def _people(db: Database) -> list[int]:
    organizations, contacts = OrganizationService(db), ContactService(db)
    organization_ids = [
        organizations.create(name, kind=kind, state=iso3, city=city).id
        for name, kind, iso3, city in content.ORGANIZATIONS
    ]
    return [
        contacts.create(
            family,
            given_name=given,
            position=position,
            organization_id=organization_ids[organization],
            state=iso3,
            email=email,
            phone=phone,
            languages=languages.split(","),
            notes="Fictional demo contact.",
        ).id
        for given, family, position, organization, iso3, email, phone, languages in content.CONTACTS
    ]


def _walk_to(demarches: DemarcheService, demarche_id: int, target: str, day: date) -> None:
    """Move a démarche forward step by step up to `target` (or cancel it)."""
    if target == DemarcheStatus.CANCELLED.value:
        demarches.move(demarche_id, target, on=day, reason="Overtaken by the ratification debate")
        return
    for step, status in enumerate(FORWARD):
        if DemarcheStatus(target).rank < status.rank:
            return
        demarches.move(demarche_id, status, on=day + timedelta(days=7 * step))


def _demarches(db: Database, contact_ids: list[int]) -> dict[str, list[tuple[int, date, date]]]:
    """Create the démarches; returns, per state, (id, planned, due) to link log entries."""
    demarches = DemarcheService(db)
    by_state: dict[str, list[tuple[int, date, date]]] = {}
    for (
        iso3, title, action, channel, level, target, planned, due, contacts, points,
    ) in content.DEMARCHES:  # fmt: skip
        created = demarches.create(
            iso3,
            title,
            action,
            channel,
            level,
            talking_points=points,
            officer=content.DEMO_OFFICER,
            planned_on=planned,
            due_on=due,
            contact_ids=[contact_ids[index] for index in contacts],
            treaty="APMBC",
        )
        _walk_to(demarches, created.id, target, planned)
        by_state.setdefault(iso3, []).append((created.id, planned, due))
    return by_state


def _demarche_for(
    demarches: dict[str, list[tuple[int, date, date]]], states: tuple[str, ...], day: date
) -> int | None:
    """The démarche to the entry's first state that was under way on that day."""
    for demarche_id, planned, due in demarches.get(states[0], []) if states else []:
        if planned <= day <= due + timedelta(days=60):
            return demarche_id
    return None


def _log(
    db: Database, contact_ids: list[int], demarches: dict[str, list[tuple[int, date, date]]]
) -> None:
    log = ContactLogService(db)
    for occurred, kind, states, contacts, summary, follow_up, done in content.LOG_ENTRIES:
        entry = log.log(
            occurred,
            kind,
            summary,
            officer=content.DEMO_OFFICER,
            states=list(states),
            contact_ids=[contact_ids[index] for index in contacts],
            demarche_id=_demarche_for(demarches, states, occurred),
            follow_up_on=occurred + timedelta(days=follow_up) if follow_up else None,
        )
        if done and entry.follow_up_on:
            log.complete_follow_up(entry.id, on=entry.follow_up_on)


def _meeting_id(forums: ForumService, title_part: str) -> int:
    """The meeting whose title begins with, or else holds, `title_part`."""
    found = forums.find_meetings(title_part)
    return next((m for m in found if m.title.startswith(title_part)), found[0]).id


def _meetings(db: Database, contact_ids: list[int]) -> None:
    """Observers announced at Nairobi; what was done at Bangkok, bilaterals logged through
    the planner."""
    forums = ForumService(db)
    nairobi = _meeting_id(forums, content.NAIROBI)
    for iso3 in content.NAIROBI_OBSERVERS:
        forums.add_attendee(nairobi, iso3)
    interventions = InterventionService(db)
    log = ContactLogService(db)
    for (
        meeting, kind, title, targets, contacts, starts, minutes, points, outcome,
        follow_up, done,
    ) in content.BANGKOK_INTERVENTIONS:  # fmt: skip
        bilateral = kind == InterventionKind.BILATERAL
        planned = interventions.plan(
            _meeting_id(forums, meeting),
            kind,
            title,
            lead_officer=content.DEMO_OFFICER,
            talking_points=points,
            targets=targets,
            starts_at=starts,
            ends_at=starts + timedelta(minutes=minutes),
            status=InterventionStatus.CONFIRMED if bilateral else InterventionStatus.DONE,
            outcome="" if bilateral else outcome,
        )
        if not bilateral:
            continue
        logged = interventions.complete_bilateral(
            planned.id,
            outcome,
            follow_up_on=starts.date() + timedelta(days=follow_up) if follow_up else None,
            contact_ids=[contact_ids[index] for index in contacts],
        ).log_entry
        if done and logged.follow_up_on:
            log.complete_follow_up(logged.id, on=logged.follow_up_on)


def load_demo(db: Database) -> str:
    """Add the demo campaign to a database holding the reference data."""
    if has_demo(db):
        raise ValidationError("This database already holds the demo campaign.")
    with db.write():  # one transaction: the demo is there whole or not at all
        _categories(db)
        _facts_and_profiles(db)
        contact_ids = _people(db)
        demarches = _demarches(db, contact_ids)
        _log(db, contact_ids, demarches)
        _meetings(db, contact_ids)
        entries = ContactLogService(db).count()
    return (
        f"Demo campaign loaded into {db.location.display}: "
        f"{len(content.SMART_CATEGORIES)} smart and "
        f"{len(content.MANUAL_CATEGORIES)} manual categories, {len(contact_ids)} contacts, "
        f"{len(content.DEMARCHES)} démarches, {entries} log entries, "
        f"{len(content.BANGKOK_INTERVENTIONS)} interventions at Bangkok, "
        f"{len(content.NAIROBI_OBSERVERS)} observers announced at Nairobi."
    )
