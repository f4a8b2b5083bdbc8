"""The dashboard's figures: States Parties against the target, category movement, what is
due and what is overdue."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from outreach.domain.enums import Counting, TreatyStatus
from outreach.domain.records import (
    CategoryMovement,
    DemarcheRecord,
    DueSummary,
    LogEntryRecord,
    LogFilter,
    MeetingRecord,
    PartyCounts,
    StateStanding,
)
from outreach.services import lookup
from outreach.services.base import Service
from outreach.services.calendar import CalendarService
from outreach.services.contact_log import ContactLogService
from outreach.services.demarches import DemarcheService
from outreach.services.forums import ForumService
from outreach.services.picture import (
    category_members,
    live_categories,
    load_pictures,
    slugs_by_state,
)
from outreach.services.treaties import TreatyService
from outreach.storage.database import Database

#: the overdue démarches and interventions the dashboard lists, most overdue first (it
#: counts them all; a long campaign holds thousands, which the Démarches page lists)
OVERDUE_SHOWN = 50


@dataclass(frozen=True, slots=True)
class Dashboard:
    as_of: date
    since: date
    treaty_code: str
    #: the States Parties on `as_of`, counted both ways
    counts: PartyCounts
    target: int | None
    #: how the target was counted
    target_counting: Counting
    #: how `curve` counts (the dashboard's choice)
    counting: Counting
    curve: tuple[tuple[date, int], ...]
    categories: tuple[CategoryMovement, ...]
    upcoming_demarches: tuple[DemarcheRecord, ...]
    upcoming_meetings: tuple[MeetingRecord, ...]
    overdue_follow_ups: tuple[LogEntryRecord, ...]
    overdue_count: int
    #: what is overdue and due the week after `as_of`, the most overdue items only
    due: DueSummary


class DashboardService(Service):
    def __init__(self, db: Database) -> None:
        super().__init__(db)
        self._treaties = TreatyService(db)
        self._demarches = DemarcheService(db)
        self._forums = ForumService(db)
        self._log = ContactLogService(db)
        self._calendar = CalendarService(db)

    def movement(self, treaty_code: str, since: date, as_of: date) -> list[CategoryMovement]:
        """Per category: its members, and how many were States Parties then and now."""
        with self._db.read() as session:
            treaty = lookup.treaty(session, treaty_code)
            now = load_pictures(session, treaty, as_of)
            then = load_pictures(session, treaty, since)
            members = category_members(session, now)
            result = []
            for category in live_categories(session):
                ids = members.get(category.slug, set())
                result.append(
                    CategoryMovement(
                        slug=category.slug,
                        name=category.name,
                        colour=category.colour,
                        members=len(ids),
                        parties_then=sum(
                            then[i].facts.status == TreatyStatus.PARTY for i in ids if i in then
                        ),
                        parties_now=sum(now[i].facts.status == TreatyStatus.PARTY for i in ids),
                    )
                )
            return result

    def standings(
        self, treaty_code: str, as_of: date, language: str | None = None
    ) -> list[StateStanding]:
        """Every state's status towards the treaty on `as_of`, and the priority categories
        it was in then (smart ones read on that day), by its name in `language` (the
        app's by default): what the world map shows."""
        with self._db.read() as session:
            treaty = lookup.treaty(session, treaty_code)
            pictures = load_pictures(session, treaty, as_of)
            slugs = slugs_by_state(category_members(session, pictures))
            standings = [
                StateStanding(
                    state_id=state_id,
                    iso3=picture.state.iso3,
                    name=lookup.state_name(picture.state, language),
                    status=picture.facts.status,
                    categories=frozenset(slugs.get(state_id, ())),
                )
                for state_id, picture in pictures.items()
            ]
        return sorted(standings, key=lambda standing: standing.name)

    def summary(
        self,
        *,
        as_of: date | None = None,
        since: date,
        treaty_code: str = "APMBC",
        counting: Counting = Counting.IN_FORCE,
        officer: str | None = None,
    ) -> Dashboard:
        """The campaign on `as_of`; with `officer`, the overdue follow-ups and upcoming
        démarches are that officer's ("mine"), the rest the desk's."""
        day = as_of or date.today()
        treaty = next(t for t in self._treaties.treaties() if t.code == treaty_code.upper())
        curve = self._treaties.parties_over_time(treaty.code, day, counting)
        overdue = LogFilter(overdue_on=day, officer=officer)
        upcoming_meetings = [m for m in self._forums.meetings(from_=day) if m.starts_on >= day]
        upcoming_demarches = self._demarches.list(
            open_only=True, due_from=day, limit=20, officer=officer
        )
        return Dashboard(
            as_of=day,
            since=since,
            treaty_code=treaty.code,
            counts=self._treaties.party_counts(treaty.code, day),
            target=treaty.target_parties,
            target_counting=treaty.target_counting,
            counting=counting,
            curve=tuple(curve),
            categories=tuple(self.movement(treaty.code, since, day)),
            upcoming_demarches=tuple(upcoming_demarches),
            upcoming_meetings=tuple(upcoming_meetings[:10]),
            overdue_follow_ups=tuple(self._log.page(overdue, 0, 50)),
            overdue_count=self._log.count(overdue),
            # the calendar's count, so the dashboard and the status bar agree
            due=self._calendar.due(day, overdue_limit=OVERDUE_SHOWN),
        )
