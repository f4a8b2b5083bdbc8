"""Take the README's screenshots of forum planning: the meeting planner at the Nairobi
Review Conference and the calendar of that week, on the demo data.

Run under a virtual display, from the project folder:
    xvfb-run -a -s "-screen 0 1600x1000x24" .venv/bin/python scripts/screenshots_planning.py docs/
It plans, on a scratch copy of the demo, what an officer would before Nairobi: observers
announced, three bilaterals and a statement, one bilateral done and logged.
"""

from __future__ import annotations

import contextlib
import sys
import tempfile
from datetime import date
from pathlib import Path

from PySide6.QtCore import QEventLoop, QSettings, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from outreach.errors import OutreachError
from ui.app import DesktopApp, build_app, make_application
from ui.calendar.page import CalendarPage
from ui.forums.page import ForumsPage
from ui.forums.planning import planning_of

OBSERVERS = ("PAK", "USA", "CHN", "IND", "ETH", "IDN", "VNM")


def settle(_app: QApplication, milliseconds: int = 600) -> None:
    """Let Qt paint for a while (a local loop: quitting the app would close the window)."""
    loop = QEventLoop()
    QTimer.singleShot(milliseconds, loop.quit)
    loop.exec()


def save(widget: QWidget, path: Path) -> None:
    widget.grab().save(str(path))
    print(f"wrote {path}")


def plan_nairobi(desktop: DesktopApp) -> tuple[int, int]:
    """What an officer plans for Nairobi; the meeting's id and the bilateral shown."""
    services = desktop.services
    forums = services.forums
    interventions = planning_of(services).interventions
    meeting = forums.find_meetings("Nairobi Summit")[0]
    for iso3 in OBSERVERS:
        with contextlib.suppress(OutreachError):  # the demo may announce it already
            forums.add_attendee(meeting.id, iso3)
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


def calendar_page(desktop: DesktopApp) -> CalendarPage:
    """The window's calendar page, added here if the window does not have one yet."""
    for page in desktop.window.pages:
        if isinstance(page, CalendarPage):
            return page
    page = CalendarPage(desktop.services)
    desktop.window.set_pages([page])
    return page


def shoot(app: QApplication, desktop: DesktopApp, target: Path) -> None:
    window = desktop.window
    window.resize(1480, 900)
    window.splitter.setSizes([190, 1290])  # the navigation needs no more than its width
    calendar = calendar_page(desktop)
    meeting_id, ethiopia_id = plan_nairobi(desktop)
    window.show()
    settle(app, 900)

    forums = window.show_page(ForumsPage)
    assert isinstance(forums, ForumsPage)
    forums.open_meeting(meeting_id)
    planner = forums.planner
    for slug in ("security-council-2004", "recent-users", "south-east-asia-steadfast"):
        planner.set_group_expanded(slug, False)
    planner.select_intervention(ethiopia_id)
    planner.select_state(desktop.services.states.get("PAK").id, "steadfast-producers-users")
    planner.room_view.scrollToTop()
    settle(app)
    save(window, target / "meeting-planner.png")

    window.show_page(CalendarPage)
    calendar.go_to(date(2004, 11, 30))
    calendar.select_item(
        next(i for i in calendar.agenda.items() if i.kind == "intervention" and i.id == ethiopia_id)
    )
    settle(app)
    save(window, target / "calendar.png")


def main() -> int:
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "docs")
    target.mkdir(parents=True, exist_ok=True)
    app = make_application(sys.argv)
    with tempfile.TemporaryDirectory() as folder:
        # Settings and data go to a scratch folder, never the user's.
        QSettings.setDefaultFormat(QSettings.Format.IniFormat)
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, folder)
        desktop = build_app(Path(folder) / "demo.db")
        shoot(app, desktop, target)
        desktop.window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
