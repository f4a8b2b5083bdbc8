"""The window's parts reach each other: search, calendar and dashboard items open their
records, Print builds a preview, the import and duplicate dialogs open from the menus."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from icalendar import Calendar
from PySide6.QtWidgets import QDialog, QFileDialog
from pytestqt.qtbot import QtBot

from outreach.domain.enums import CalendarKind
from outreach.domain.records import LogFilter
from ui.actions import ActionId
from ui.briefing.preview import PdfPreviewDialog
from ui.calendar.page import CalendarPage
from ui.contacts.page import ContactsPage
from ui.dashboard.page import DashboardPage
from ui.demarches.page import DemarchesPage
from ui.desktop import DesktopApp
from ui.duplicates.dialog import DuplicatesDialog
from ui.forums.page import ForumsPage
from ui.imports.contacts_dialog import ContactsImportDialog
from ui.imports.untc_dialog import UntcImportDialog
from ui.log.page import LogPage
from ui.organizations.page import OrganizationsPage
from ui.search.dialog import SearchDialog
from ui.states.page import StatesPage

from .desktop import answer_boxes, open_app


@pytest.fixture
def desktop(qtbot: QtBot, demo_db_path: Path) -> DesktopApp:
    return open_app(qtbot, demo_db_path)


@pytest.fixture
def messages(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The notices the app would have shown."""
    return answer_boxes(monkeypatch, ("information",), lambda _title, text: text)


def nairobi_id(desktop: DesktopApp) -> int:
    return desktop.services.forums.find_meetings("Nairobi Summit")[0].id


def test_ctrl_k_search_opens_the_demarche_chosen(
    desktop: DesktopApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    chosen: list[str] = []

    def type_and_choose(dialog: SearchDialog) -> int:
        dialog.set_text("demarche")  # no accent typed: "démarche" is found
        hit = dialog.current_hit()
        assert hit is not None and hit.kind == "demarche"
        chosen.append(hit.title)
        dialog.open_current()
        return int(QDialog.DialogCode.Accepted)

    monkeypatch.setattr(SearchDialog, "exec", type_and_choose)
    desktop.window.actions_[ActionId.SEARCH].trigger()
    page = desktop.window.current_page()
    assert isinstance(page, DemarchesPage)
    selected = page.selected_record()
    assert selected is not None and selected.title == chosen[0]


def test_a_search_hit_hidden_by_a_filter_still_opens(
    desktop: DesktopApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = desktop.window.show_page(DemarchesPage)
    assert isinstance(page, DemarchesPage)
    page.filter_edit.setText("nothing is called this")
    closed = next(d for d in desktop.services.demarches.list() if not d.status.is_open)
    page.open_only.setChecked(True)
    assert desktop.opener.open("demarche", closed.id)
    selected = page.selected_record()
    assert selected is not None and selected.id == closed.id


def test_records_of_every_kind_open_on_their_page(qtbot: QtBot, desktop: DesktopApp) -> None:
    services, opener, window = desktop.services, desktop.opener, desktop.window
    cambodia = services.states.get("KHM")
    assert opener.open("state", cambodia.id)
    states = window.current_page()
    assert isinstance(states, StatesPage) and states.selected_state_id() == cambodia.id

    contact = services.contacts.list(state=cambodia.id)[0]
    assert opener.open("contact", contact.id)
    contacts = window.current_page()
    assert isinstance(contacts, ContactsPage)
    qtbot.waitUntil(lambda: not contacts.loading, timeout=10_000)
    assert contacts.current_contact_id() == contact.id

    organization = services.organizations.list()[-1]
    assert opener.open("organization", organization.id)
    organizations = window.current_page()
    assert isinstance(organizations, OrganizationsPage)
    assert organizations.current_organization_id() == organization.id

    assert opener.open("meeting", nairobi_id(desktop))
    forums = window.current_page()
    assert isinstance(forums, ForumsPage) and forums.in_planner()
    assert forums.planner.meeting is not None and forums.planner.meeting.id == nairobi_id(desktop)


def test_a_follow_up_hidden_by_the_filters_opens_among_its_day(desktop: DesktopApp) -> None:
    log = desktop.services.log
    oldest = log.page(LogFilter(), 0, log.count())[-1]
    page = desktop.window.show_page(LogPage)
    assert isinstance(page, LogPage)
    page.text_edit.setText("words no entry holds")
    page.apply_filters()
    assert page.model.rowCount() == 0
    assert desktop.opener.open("follow_up", oldest.id)
    assert desktop.window.current_page() is page
    assert page.text_edit.text() == ""
    selected = page.selected_entry()
    assert selected is not None and selected.id == oldest.id
    assert page.from_date.value() == page.to_date.value() == oldest.occurred_on


def test_a_record_gone_says_so(desktop: DesktopApp, messages: list[str]) -> None:
    assert not desktop.opener.open("state", 987_654)
    assert messages == ["That record is no longer there: it may have been deleted."]


def test_calendar_and_dashboard_items_open_in_the_planner(desktop: DesktopApp) -> None:
    services = desktop.services
    meeting_id = nairobi_id(desktop)
    statement = services.interventions.plan(
        meeting_id, "statement", "Statement on universalization"
    )
    calendar = desktop.window.show_page(CalendarPage)
    assert isinstance(calendar, CalendarPage)
    calendar.open_item.emit("intervention", statement.id)
    forums = desktop.window.current_page()
    assert isinstance(forums, ForumsPage) and forums.in_planner()
    dashboard = desktop.window.show_page(DashboardPage)
    assert isinstance(dashboard, DashboardPage)
    dashboard.due_box.open_item.emit("meeting", meeting_id)
    assert desktop.window.current_page() is forums


def test_print_on_the_selected_state_opens_its_sheet(qtbot: QtBot, desktop: DesktopApp) -> None:
    desktop.show_state(desktop.services.states.get("PAK").id)
    desktop.window.actions_[ActionId.PRINT].trigger()
    qtbot.waitUntil(
        lambda: any(d.isVisible() for d in desktop.window.findChildren(PdfPreviewDialog)),
        timeout=30_000,
    )
    (preview,) = [d for d in desktop.window.findChildren(PdfPreviewDialog) if d.isVisible()]
    assert preview.windowTitle() == "Briefing sheet: Pakistan"
    preview.close()


@pytest.mark.parametrize(
    ("action", "dialog_type"),
    [
        (ActionId.IMPORT_UNTC, UntcImportDialog),
        (ActionId.IMPORT_CONTACTS, ContactsImportDialog),
        (ActionId.FIND_DUPLICATES, DuplicatesDialog),
    ],
)
def test_menu_items_open_their_dialogs(
    desktop: DesktopApp,
    monkeypatch: pytest.MonkeyPatch,
    action: ActionId,
    dialog_type: type[QDialog],
) -> None:
    opened: list[QDialog] = []

    def record(dialog: QDialog) -> int:
        opened.append(dialog)
        return int(QDialog.DialogCode.Rejected)

    monkeypatch.setattr(dialog_type, "exec", record)
    desktop.window.actions_[action].trigger()
    assert len(opened) == 1 and opened[0].parent() is desktop.window


def test_the_status_bar_follows_a_new_overdue_demarche(qtbot: QtBot, desktop: DesktopApp) -> None:
    before = desktop.services.calendar.due().overdue_demarches
    desktop.services.demarches.create(
        "KHM", "Seminar follow-up", "accede", "note_verbale", "ambassador", due_on=date(2020, 1, 1)
    )
    qtbot.waitUntil(
        lambda: f"{before + 1} démarches" in desktop.window.statusBar().currentMessage()
    )


def test_planned_interventions_reach_the_ics_file_and_the_calendar_page(
    desktop: DesktopApp, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, messages: list[str]
) -> None:
    interventions = desktop.services.interventions
    meeting_id = nairobi_id(desktop)
    planned = [
        interventions.plan(
            meeting_id, "bilateral", f"Bilateral with {name}", targets=[iso3],
            starts_at=f"2004-11-30 {hour:02}:00", ends_at=f"2004-11-30 {hour:02}:30",
        ).id
        for iso3, name, hour in (
            ("PAK", "Pakistan", 9), ("ETH", "Ethiopia", 10), ("CIV", "Côte d'Ivoire", 11),
        )
    ] + [
        interventions.plan(
            meeting_id, "statement", "Déclaration sur l'universalisation",
            starts_at="2004-12-01 09:30", ends_at="2004-12-01 09:40",
        ).id
    ]  # fmt: skip
    target = tmp_path / "nairobi.ics"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(target), ""))
    desktop.window.actions_[ActionId.EXPORT_CALENDAR].trigger()
    events = {
        str(event["UID"]): event for event in Calendar.from_ical(target.read_bytes()).walk("VEVENT")
    }
    for intervention_id in planned:
        assert f"intervention-{intervention_id}@outreach" in events
    statement = events[f"intervention-{planned[-1]}@outreach"]
    assert str(statement["SUMMARY"]) == "Déclaration sur l'universalisation"
    assert str(statement.decoded("DTSTART").tzinfo) == "Africa/Nairobi"
    assert messages and messages[0].startswith(f"Wrote {len(events)} events")

    calendar = desktop.window.show_page(CalendarPage)
    assert isinstance(calendar, CalendarPage)
    shown: set[int] = set()
    for day in (date(2004, 11, 30), date(2004, 12, 1)):  # the agenda shows a month
        calendar.go_to(day)
        shown |= {
            item.id for item in calendar.agenda.items() if item.kind == CalendarKind.INTERVENTION
        }
    assert set(planned) <= shown


def test_opening_a_file_that_needs_work_says_so_in_the_window_meanwhile(
    qtbot: QtBot, demo_db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sqlite3
    from contextlib import closing

    from ui import desktop as desktop_module
    from ui.main_window import opening_window
    from ui.opening import OpeningPane

    with closing(sqlite3.connect(demo_db_path)) as connection, connection:
        connection.execute("DROP TABLE search_contact_fts")
    said: list[tuple[str, bool]] = []
    say = OpeningPane.say

    def say_and_look(pane: OpeningPane, text: str, done: int = 0, total: int = 0) -> None:
        say(pane, text, done, total)
        said.append((text, pane.window().isVisible()))

    monkeypatch.setattr(OpeningPane, "say", say_and_look)
    window = opening_window("demo.db")
    qtbot.addWidget(window)
    desktop = desktop_module.open_desktop(demo_db_path, window=window)
    assert said == [
        ("Opening demo.db…", True),
        ("Rebuilding the search index of demo.db…", True),
    ]
    assert desktop.window is window and window.current_page().title() == "Dashboard"
    assert desktop.services.search.search("ornek").hits  # the index is back

    window.close()
    again_window = opening_window("demo.db")
    qtbot.addWidget(again_window)
    said.clear()  # past the new window's own "Opening demo.db…"
    again = desktop_module.open_desktop(demo_db_path, window=again_window)
    assert said == [] and again.window is again_window  # nothing to do, nothing said


def test_a_first_start_shows_the_window_then_each_step_of_making_the_demo(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ui import desktop as desktop_module
    from ui.main_window import opening_window
    from ui.opening import OpeningPane

    monkeypatch.setenv("OUTREACH_DB", str(tmp_path / "outreach.db"))
    steps: list[tuple[str, int, int]] = []
    say = OpeningPane.say

    def say_and_look(pane: OpeningPane, text: str, done: int = 0, total: int = 0) -> None:
        say(pane, text, done, total)
        assert pane.isVisible() and pane.bar.isVisible() == (total > 0)
        steps.append((text, done, total))

    monkeypatch.setattr(OpeningPane, "say", say_and_look)
    window = opening_window("outreach.db")
    qtbot.addWidget(window)
    assert not window.actions_[ActionId.LOG_CONTACT].isEnabled()  # no database yet
    assert window.actions_[ActionId.QUIT].isEnabled()
    desktop = desktop_module.open_desktop(tmp_path / "outreach.db", window=window)
    assert [(done, total) for _text, done, total in steps] == [
        (0, 0), (0, 0), (0, 3), (1, 3), (2, 3), (3, 3)
    ]  # fmt: skip
    assert steps[1][0] == ("Creating outreach.db with the reference data and the demo campaign…")
    assert steps[4][0] == "Loading the demo campaign…"
    assert window.actions_[ActionId.LOG_CONTACT].isEnabled()
    assert desktop.services.contacts.list()  # the demo is there
