"""The planning services the forums and calendar pages use, taken from `AppServices`.

`AppServices` is to carry `interventions`, `planner` and `calendar`; until it does, they
are built here over the database the forum service already uses, so the pages work with
either version of `AppServices`.
"""

from __future__ import annotations

from dataclasses import dataclass

from outreach.services.calendar import CalendarService
from outreach.services.interventions import InterventionService
from outreach.services.meeting_planner import MeetingPlannerService
from ui.services import AppServices


@dataclass(frozen=True, slots=True)
class Planning:
    interventions: InterventionService
    planner: MeetingPlannerService
    calendar: CalendarService


def planning_of(services: AppServices) -> Planning:
    interventions = getattr(services, "interventions", None)
    planner = getattr(services, "planner", None)
    calendar = getattr(services, "calendar", None)
    if interventions is None or planner is None or calendar is None:
        db = services.forums._db  # transitional: until AppServices carries them
        interventions = interventions or InterventionService(db)
        planner = planner or MeetingPlannerService(db)
        calendar = calendar or CalendarService(db)
    return Planning(interventions=interventions, planner=planner, calendar=calendar)
