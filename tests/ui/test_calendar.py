"""The Calendar page (month and agenda), its filters, opening an item, the .ics export
dialog and the "due this week" box, on a copy of the demo database."""

from __future__ import annotations

import csv
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from icalendar import Calendar
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from outreach.domain.enums import CalendarKind
from outreach.domain.records import CalendarItem, MeetingRecord
from outreach.storage.database import Database
from ui.calendar.due import DueBox, due_status_text
from ui.calendar.export import export_calendar
from ui.calendar.models import ITEMS_ROLE, AgendaColumn, AgendaModel, MonthModel
from ui.calendar.page import CalendarPage
from ui.services import AppServices

from .desktop import Show

NAIROBI_DAY = date(2004, 11, 30)


@pytest.fixture
def nairobi(services: AppServices) -> MeetingRecord:
    return services.forums.find_meetings("Nairobi Summit")[0]


@pytest.fixture
def planned(services: AppServices, nairobi: MeetingRecord) -> dict[str, int]:
    interventions = services.interventions
    return {
        "ivorian": interventions.plan(
            nairobi.id,
            "bilateral",
            "Bilatérale avec la Côte d'Ivoire",
            targets=["CIV"],
            starts_at="2004-11-30 11:00",
            ends_at="2004-11-30 11:45",
        ).id,
        "statement": interventions.plan(
            nairobi.id, "statement", "Statement by Canada", starts_at="2004-12-01 09:30"
        ).id,
    }


@pytest.fixture
def page(show: Show, services: AppServices) -> CalendarPage:
    return show(CalendarPage(services), 1400, 900)


def agenda_titles(page: CalendarPage) -> list[str]:
    model = page.agenda
    return [model.index(row, AgendaColumn.TITLE).data() for row in range(model.rowCount())]


def test_the_month_and_agenda_show_meetings_interventions_and_due_dates(
    qtbot: QtBot, page: CalendarPage, services: AppServices, nairobi: MeetingRecord,
    planned: dict[str, int],
) -> None:  # fmt: skip
    page.go_to(NAIROBI_DAY)
    assert page.month_label.text().endswith("2004")
    titles = agenda_titles(page)
    assert nairobi.title in titles
    assert "Bilatérale avec la Côte d'Ivoire" in titles
    assert "Attend the Nairobi Review Conference" in titles  # a démarche due on 15 November
    assert "Statement by Canada" not in titles  # 1 December: next month's agenda

    day = page.month.index_of(NAIROBI_DAY)
    on_the_day = day.data(ITEMS_ROLE)
    assert [item.kind for item in on_the_day] == [CalendarKind.MEETING, CalendarKind.INTERVENTION]
    assert page.month.index_of(date(2004, 12, 1)).data(ITEMS_ROLE)[-1].title == (
        "Statement by Canada"
    )  # the grid runs into December
    row = page.agenda.row_of(CalendarKind.INTERVENTION, planned["ivorian"])
    assert row is not None
    assert page.agenda.index(row, AgendaColumn.TIME).data() == "11:00–11:45"
    assert page.agenda.index(row, AgendaColumn.STATES).data() == "Côte d'Ivoire"
    assert "Bilateral" in page.agenda.index(row, AgendaColumn.WHAT).data()

    # The change bus brings a new intervention in at once.
    services.interventions.plan(
        nairobi.id, "side_event", "Side event on stockpiles", starts_at="2004-11-29 13:00"
    )
    assert "Side event on stockpiles" in agenda_titles(page)

    page.step(1)
    assert "Statement by Canada" in agenda_titles(page)
    page.step(-1)
    assert "Bilatérale avec la Côte d'Ivoire" in agenda_titles(page)


def test_double_clicking_an_item_opens_it(
    qtbot: QtBot, page: CalendarPage, planned: dict[str, int]
) -> None:
    page.go_to(NAIROBI_DAY)
    item = next(i for i in page.month.items_on(NAIROBI_DAY) if i.kind == CalendarKind.INTERVENTION)
    chip = page.month_view.chip_rect(NAIROBI_DAY, item)
    assert chip is not None
    with qtbot.waitSignal(page.open_item) as opened:
        qtbot.mouseDClick(page.month_view.viewport(), Qt.MouseButton.LeftButton, pos=chip.center())
    assert opened.args == ["intervention", planned["ivorian"]]

    qtbot.mouseClick(page.month_view.viewport(), Qt.MouseButton.LeftButton, pos=chip.center())
    selected = page.selected_item()
    assert selected is not None and selected.id == planned["ivorian"]
    assert page.selection().meeting_id == item.meeting_id

    row = page.agenda.row_of(CalendarKind.MEETING, item.meeting_id or 0)
    assert row is not None
    with qtbot.waitSignal(page.open_item) as opened:
        page.agenda_view.doubleClicked.emit(page.agenda.index(row, 0))
    assert opened.args == ["meeting", item.meeting_id]
    empty = page.month_view.visualRect(page.month.index_of(date(2004, 11, 9))).center()
    assert page.month_view.item_at(empty + QPoint(0, 10)) is None


def test_filters_by_state_category_and_kind(
    page: CalendarPage, services: AppServices, planned: dict[str, int]
) -> None:
    page.go_to(NAIROBI_DAY)
    everything = page.agenda.rowCount()

    page.state_box.setCurrentIndex(page.state_box.findData(services.states.get("CIV").id))
    assert set(agenda_titles(page)) == {
        "Bilatérale avec la Côte d'Ivoire",
        "First Review Conference (Nairobi Summit on a Mine-Free World)",
    }
    page.state_box.setCurrentIndex(0)
    page.category_box.setCurrentIndex(page.category_box.findData("steadfast-producers-users"))
    steadfast = agenda_titles(page)
    assert "Attend the Nairobi Review Conference" in steadfast  # due from the United States
    assert "Bilatérale avec la Côte d'Ivoire" not in steadfast
    page.category_box.setCurrentIndex(0)
    assert page.agenda.rowCount() == everything

    page.kind_checks[CalendarKind.DEMARCHE].setChecked(False)
    page.kind_checks[CalendarKind.FOLLOW_UP].setChecked(False)
    kinds = {page.agenda.item_at(row).kind for row in range(page.agenda.rowCount())}
    assert kinds == {CalendarKind.MEETING, CalendarKind.INTERVENTION}


def test_export_writes_the_filtered_month(
    page: CalendarPage, planned: dict[str, int], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "november"  # the suffix is added
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *_args, **_kw: (str(target), "*.ics")
    )
    told: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "information", lambda _parent, _title, text, *_a: told.append(text)
    )
    page.go_to(NAIROBI_DAY)
    page.export_month()

    written = tmp_path / "november.ics"
    calendar = Calendar.from_ical(written.read_bytes())
    events = {str(event["UID"]): event for event in calendar.walk("VEVENT")}
    ivorian = events[f"intervention-{planned['ivorian']}@outreach"]
    assert str(ivorian["SUMMARY"]) == "Bilatérale avec la Côte d'Ivoire"
    assert ivorian.decoded("DTSTART").replace(tzinfo=None) == datetime(2004, 11, 30, 11, 0)
    assert f"intervention-{planned['statement']}@outreach" not in events  # December
    assert told and told[0].startswith(f"Wrote {len(events)} events to {written}")


def test_a_cancelled_or_failed_export_writes_nothing(
    services: AppServices, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    parent = QWidget()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: ("", ""))
    assert export_calendar(parent, services) is None
    shown: list[str] = []
    monkeypatch.setattr(
        QFileDialog,
        "getSaveFileName",
        lambda *_a, **_k: (str(tmp_path / "missing" / "x.ics"), ""),
    )
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *_a: shown.append(text))
    assert export_calendar(parent, services) is None
    assert shown and "Cannot write" in shown[0]


def test_due_this_week_box_and_status_line(
    qtbot: QtBot, services: AppServices, nairobi: MeetingRecord, planned: dict[str, int]
) -> None:
    calendar = services.calendar
    summary = calendar.due(date(2004, 11, 28))
    assert summary.due_interventions == 2
    text = due_status_text(summary)
    assert "due by 2004-12-05" in text and "2 interventions" in text

    box = DueBox()
    qtbot.addWidget(box)
    box.show_summary(summary)
    assert box.title() == f"Due by 2004-12-05 ({summary.due})"
    assert box.model.items() == [*summary.overdue_items, *summary.due_items]
    late = [row for row, item in enumerate(box.model.items()) if item.overdue]
    assert len(late) == len(summary.overdue_items) > 0  # the demo's late démarches
    assert box.model.index(late[0], 0).data(Qt.ItemDataRole.ForegroundRole) is not None
    assert "Overdue" in box.overdue_label.text()
    row = box.model.row_of(CalendarKind.INTERVENTION, planned["ivorian"])
    assert row is not None
    with qtbot.waitSignal(box.open_item) as opened:
        box.view.doubleClicked.emit(box.model.index(row, 0))
    assert opened.args == ["intervention", planned["ivorian"]]


def test_the_due_box_lists_the_most_overdue_and_says_so(
    qtbot: QtBot, services: AppServices
) -> None:
    summary = services.calendar.due(date(2004, 11, 28), overdue_limit=1)
    assert summary.overdue_demarches + summary.overdue_interventions > 1
    box = DueBox()
    qtbot.addWidget(box)
    box.show_summary(summary)
    assert len([item for item in box.model.items() if item.overdue]) == 1
    assert "the 1 most overdue are listed below" in box.overdue_label.text()
    box.show_summary(services.calendar.due(date(2004, 11, 28)))
    assert "most overdue" not in box.overdue_label.text()  # all of them are listed


def test_calendar_models_pass_the_model_tester(
    qtmodeltester: Any, page: CalendarPage, planned: dict[str, int]
) -> None:
    page.go_to(NAIROBI_DAY)
    qtmodeltester.check(page.month)
    qtmodeltester.check(page.agenda)
    empty_month, empty_agenda = MonthModel(), AgendaModel()
    empty_month.set_month(2004, 2, [])
    qtmodeltester.check(empty_month)
    qtmodeltester.check(empty_agenda)
    assert empty_month.rowCount() == 6 and empty_month.first_day() == date(2004, 1, 26)
    leap = [i for i in page.month.items_on(NAIROBI_DAY) if isinstance(i, CalendarItem)]
    assert leap


def test_the_agenda_exports_as_a_list(
    page: CalendarPage, planned: dict[str, int], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "agenda.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(target), ""))
    page.go_to(NAIROBI_DAY)
    (export,) = [a for a in page.agenda_view.actions() if a.text() == "Export this list…"]
    export.trigger()
    with target.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0] == ["Date", "Time", "Title", "What", "States", "Where"]
    assert rows[1 + page.agenda.row_of(CalendarKind.INTERVENTION, planned["ivorian"])][:3] == [
        "2004-11-30",  # a date a spreadsheet reads (the list adds "(overdue)" to its red)
        "11:00–11:45",
        "Bilatérale avec la Côte d'Ivoire",
    ]
    assert len(rows) == 1 + page.agenda.rowCount()


def test_export_says_which_items_no_calendar_could_hold(
    db: Database, services: AppServices, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tests.reliability.test_exports import END_OF_TIME, demarche

    demarche(db, "Typo in the year", END_OF_TIME)  # as an old file may hold it
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(tmp_path / "all.ics"), "*.ics")
    )
    told: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "information", lambda _parent, _title, text, *_a: told.append(text)
    )
    parent = QWidget()
    result = export_calendar(parent, services)
    assert result is not None and len(result.skipped) == 1
    assert "Left out, as no calendar could hold them:" in told[0]
    assert "Typo in the year (Pakistan), 9999-12-31: date out of range" in told[0]
