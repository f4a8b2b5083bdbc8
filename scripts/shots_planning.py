"""Screenshots of forum planning (taken by screenshots.py): the meeting planner at the
Nairobi Review Conference and the calendar of that week.

It plans, on the scratch copy of the demo, what an officer would before Nairobi: three
bilaterals and a statement, one bilateral done and logged (the demo announces the
observers).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from shots_common import save, settle

from ui.calendar.page import CalendarPage
from ui.desktop import DesktopApp
from ui.forums.page import ForumsPage


def plan_nairobi(desktop: DesktopApp) -> tuple[int, int]:
    """What an officer plans for Nairobi; the meeting's id and the bilateral shown."""
    services = desktop.services
    interventions = services.interventions
    meeting = services.forums.find_meetings("Nairobi Summit")[0]
    officer = "Desk officer (demo)"
    pakistan = interventions.plan(
        meeting.id, "bilateral", "Bilateral with Pakistan", lead_officer=officer,
        targets=["PAK"], starts_at="2004-11-29 15:00", ends_at="2004-11-29 15:45",
        talking_points="Welcome the export moratorium; ask for an abstention on the UNGA "
        "resolution and an observer delegation at the Sixth Meeting.",
    )  # fmt: skip
    interventions.create_demarche_for(pakistan.id, requested_action="support_unga_resolution")
    interventions.complete_bilateral(
        pakistan.id,
        "Pakistan will consider abstaining and sending observers to Zagreb.",
        follow_up_on=date(2005, 1, 17),
        deliver_demarche=True,
    )
    ethiopia = interventions.plan(
        meeting.id, "bilateral", "Bilateral with Ethiopia", lead_officer=officer,
        targets=["ETH"], starts_at="2004-11-30 10:00", ends_at="2004-11-30 10:30",
        status="confirmed",
        talking_points="Congratulate on the deposit; offer Article 7 reporting help.",
    )  # fmt: skip
    interventions.plan(
        meeting.id, "bilateral", "Bilatérale avec la Côte d'Ivoire", lead_officer=officer,
        targets=["CIV"], starts_at="2004-11-30 11:00", ends_at="2004-11-30 11:30",
        talking_points="Remercier pour le soutien à l'universalisation en Afrique de l'Ouest.",
    )  # fmt: skip
    interventions.plan(
        meeting.id, "statement", "Statement by Canada on universalization",
        lead_officer=officer, starts_at="2004-12-01 09:30", ends_at="2004-12-01 09:40",
        status="confirmed",
    )  # fmt: skip
    interventions.plan(
        meeting.id, "side_event", "Side event: stockpile destruction in Eastern Europe",
        lead_officer=officer, targets=["BLR", "UKR"], starts_at="2004-12-02 13:15",
        ends_at="2004-12-02 14:30", status="idea",
    )  # fmt: skip
    return meeting.id, ethiopia.id


def shoot(desktop: DesktopApp, target: Path) -> None:
    window = desktop.window
    meeting_id, ethiopia_id = plan_nairobi(desktop)
    settle(900)

    forums = window.show_page(ForumsPage)
    assert isinstance(forums, ForumsPage)
    forums.open_meeting(meeting_id)
    planner = forums.planner
    for slug in ("security-council-2004", "recent-users", "south-east-asia-steadfast"):
        planner.set_group_expanded(slug, False)
    planner.select_intervention(ethiopia_id)
    planner.select_state(desktop.services.states.get("PAK").id, "steadfast-producers-users")
    planner.room_view.scrollToTop()
    settle()
    save(window, target / "meeting-planner.png")

    calendar = window.show_page(CalendarPage)
    assert isinstance(calendar, CalendarPage)
    calendar.go_to(date(2004, 11, 30))
    calendar.select_item(
        next(i for i in calendar.agenda.items() if i.kind == "intervention" and i.id == ethiopia_id)
    )
    settle()
    save(window, target / "calendar.png")
