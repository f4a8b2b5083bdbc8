"""The services the app uses, built once over the open database in the composition root."""

from __future__ import annotations

from dataclasses import dataclass

from outreach.briefing.drafts import DraftService
from outreach.search import SearchService
from outreach.services.attachments import AttachmentService
from outreach.services.calendar import CalendarService
from outreach.services.categories import CategoryService
from outreach.services.contact_log import ContactLogService
from outreach.services.contacts import ContactService
from outreach.services.dashboard import DashboardService
from outreach.services.demarches import DemarcheService
from outreach.services.duplicates import DuplicateService
from outreach.services.facts import FactService
from outreach.services.forums import ForumService
from outreach.services.history import HistoryService
from outreach.services.interventions import InterventionService
from outreach.services.mail_import import MailImportService
from outreach.services.meeting_planner import MeetingPlannerService
from outreach.services.organizations import OrganizationService
from outreach.services.states import StateService
from outreach.services.treaties import TreatyService
from outreach.storage.database import Database
from outreach.storage.location import ServerLocation


@dataclass(frozen=True, slots=True)
class AppServices:
    """Passed to the pages that need them; each page uses only its own few."""

    states: StateService
    treaties: TreatyService
    categories: CategoryService
    facts: FactService
    organizations: OrganizationService
    contacts: ContactService
    demarches: DemarcheService
    log: ContactLogService
    forums: ForumService
    history: HistoryService
    dashboard: DashboardService
    interventions: InterventionService
    planner: MeetingPlannerService
    calendar: CalendarService
    search: SearchService
    duplicates: DuplicateService
    attachments: AttachmentService
    mail: MailImportService
    drafts: DraftService
    #: on a desk's server, the officer's database role: whom new records name when
    #: Preferences give no name ("" on a file)
    role: str = ""

    @classmethod
    def over(cls, db: Database) -> AppServices:
        return cls(
            states=StateService(db),
            treaties=TreatyService(db),
            categories=CategoryService(db),
            facts=FactService(db),
            organizations=OrganizationService(db),
            contacts=ContactService(db),
            demarches=DemarcheService(db),
            log=ContactLogService(db),
            forums=ForumService(db),
            history=HistoryService(db),
            dashboard=DashboardService(db),
            interventions=InterventionService(db),
            planner=MeetingPlannerService(db),
            calendar=CalendarService(db),
            search=SearchService(db),
            duplicates=DuplicateService(db),
            attachments=AttachmentService(db),
            mail=MailImportService(db),
            drafts=DraftService(db),
            role=db.actor if isinstance(db.location, ServerLocation) else "",
        )
