"""What the program writes out (issue 11): the .ics export leaves out the one item it
cannot write instead of failing (finding 2), every CSV it writes neutralises cells a
spreadsheet would run as formulas (3), and stored text is printed with its terminal
control characters escaped (10)."""

from __future__ import annotations

import csv
import io
import json
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result
from icalendar import Calendar, Event, Parameters
from sqlalchemy import Table, insert, select, update

from outreach.cli.main import cli
from outreach.domain.enums import CalendarKind
from outreach.domain.records import CalendarItem
from outreach.io import calendar_export
from outreach.io.calendar_export import export_ics
from outreach.io.contacts_csv import import_contacts
from outreach.services.calendar import CalendarService
from outreach.storage.database import Database
from outreach.storage.location import FileLocation, ServerLocation
from outreach.storage.models import (
    Category,
    CategoryMember,
    Demarche,
    Forum,
    Intervention,
    LogEntry,
    Meeting,
    MeetingAttendee,
    State,
)

END_OF_TIME = date(9999, 12, 31)
#: A cell starting with any of these runs as a formula in a spreadsheet program.
HOSTILE = ('=HYPERLINK("http://evil.example","x")', "+1+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1")


def where(db: Database) -> str:
    """The database as `--db` takes it."""
    location = db.location
    if isinstance(location, ServerLocation):
        return location.url.render_as_string(hide_password=False)
    assert isinstance(location, FileLocation)
    return str(location.path)


def run(db: Database, *args: str, color: bool = False) -> Result:
    return CliRunner().invoke(cli, ["--db", where(db), *args], catch_exceptions=True, color=color)


def add(db: Database, model: Any, **values: Any) -> int:
    """A row written with plain SQL (no service, no input checks), as an old or damaged
    database may hold it; returns its id."""
    table = model.__table__
    assert isinstance(table, Table)
    with db.write() as session:
        return int(
            session.execute(insert(table).values(**values).returning(table.c.id)).scalar_one()
        )


def state_id(db: Database, iso3: str) -> int:
    with db.read() as session:
        return int(session.scalars(select(State.id).where(State.iso3 == iso3)).one())


def demarche(db: Database, title: str, due_on: date) -> int:
    return add(
        db, Demarche, state_id=state_id(db, "PAK"), title=title, requested_action="ratify",
        channel="note_verbale", level="ambassador", status="draft", due_on=due_on,
    )  # fmt: skip


def nairobi(db: Database) -> int:
    with db.read() as session:
        return int(session.scalars(select(Meeting.id).where(Meeting.city == "Nairobi")).first())


# --- finding 2: one item the .ics cannot hold ------------------------------------------------


def test_ics_leaves_out_an_item_on_9999_12_31_and_says_so(
    reference_db: Database, tmp_path: Path
) -> None:
    good = demarche(reference_db, "Ratification before Geneva", date(2030, 6, 1))
    bad = demarche(reference_db, "Typo in the year", END_OF_TIME)
    target = tmp_path / "campaign.ics"
    result = run(reference_db, "ics", "-o", str(target))
    assert result.exit_code == 0, result.output
    assert (
        "1 item skipped: Démarche due: Typo in the year (Pakistan), 9999-12-31: "
        "date out of range." in result.output
    )
    calendar = Calendar.from_ical(target.read_bytes())
    uids = {str(component["uid"]) for component in calendar.walk("VEVENT")}
    assert f"demarche-due-{good}@outreach" in uids
    assert f"demarche-due-{bad}@outreach" not in uids
    assert any(uid.startswith("meeting-") for uid in uids)  # the rest is all there


def test_every_kind_of_item_out_of_range_is_skipped_alone(
    reference_db: Database, tmp_path: Path
) -> None:
    with reference_db.read() as session:
        forum = session.scalars(select(Forum.id)).first()
    meeting = add(
        reference_db, Meeting, forum_id=forum, title="Far future", city="Nowhere",
        timezone="UTC", starts_on=date(9999, 12, 30), ends_on=END_OF_TIME,
    )  # fmt: skip
    entry = add(
        reference_db, LogEntry, occurred_on=date(2030, 1, 1), kind="meeting",
        summary="Call back", follow_up_on=END_OF_TIME,
    )  # fmt: skip
    intervention = add(
        reference_db, Intervention, meeting_id=meeting, kind="statement",
        title="Closing statement", status="planned",
    )  # fmt: skip
    demarche(reference_db, "Fine", date(2030, 6, 1))
    result = export_ics(CalendarService(reference_db), tmp_path / "all.ics")
    skipped = {(item.item.kind.value, item.item.id): item.reason for item in result.skipped}
    assert skipped == {
        ("meeting", meeting): "date out of range",
        ("follow_up", entry): "date out of range",
        ("intervention", intervention): "date out of range",  # all day over the meeting's days
    }
    calendar = Calendar.from_ical((tmp_path / "all.ics").read_bytes())
    assert len(calendar.walk("VEVENT")) == result.events > 0
    assert result.demarches == 1


class Unwritable:
    """A property value that builds but fails when the calendar is written out."""

    params = Parameters()

    def to_ical(self) -> bytes:
        raise ValueError("year 10000 is out of range")


def test_an_event_that_fails_only_when_written_out_is_found_and_skipped(
    reference_db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bad = demarche(reference_db, "Breaks on writing", date(2030, 6, 1))
    built = calendar_export.event

    def event(item: CalendarItem, stamp: datetime) -> Event:
        result = built(item, stamp)
        if item.id == bad and item.kind == CalendarKind.DEMARCHE:
            result.add("x-broken", Unwritable(), encode=False)
        return result

    monkeypatch.setattr(calendar_export, "event", event)
    result = export_ics(CalendarService(reference_db), tmp_path / "all.ics")
    assert [(item.item.id, item.reason) for item in result.skipped] == [(bad, "date out of range")]
    assert result.meetings > 0 and (tmp_path / "all.ics").stat().st_size > 0


# --- finding 3: every CSV neutralises formulas -------------------------------------------


def cells(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text, newline="")))


def assert_neutralised(values: list[str]) -> None:
    """Each hostile value is there, behind the quote that keeps it from running."""
    for hostile in HOSTILE:
        assert "'" + hostile in values, (hostile, values)
    assert not [value for value in values if value.startswith(("=", "+", "-", "@", "\t", "\r"))]


@pytest.fixture
def hostile_meeting(reference_db: Database) -> int:
    """Nairobi with one intervention per hostile title (and lead), and a hostile category
    holding a state in the room whose name is hostile too."""
    meeting = nairobi(reference_db)
    pakistan = state_id(reference_db, "PAK")
    add(reference_db, MeetingAttendee, meeting_id=meeting, state_id=pakistan)
    for hostile in HOSTILE:
        add(
            reference_db, Intervention, meeting_id=meeting, kind="statement", title=hostile,
            lead_officer=hostile, status="planned",
        )  # fmt: skip
    category = add(reference_db, Category, slug="hostile", name=HOSTILE[0], kind="manual")
    add(reference_db, CategoryMember, category_id=category, state_id=pakistan)
    with reference_db.write() as session:
        session.execute(update(State).where(State.id == pakistan).values(name=HOSTILE[3]))
    return meeting


def test_interventions_as_csv_neutralise_formulas(
    reference_db: Database, hostile_meeting: int
) -> None:
    result = run(reference_db, "interventions", str(hostile_meeting), "--format", "csv")
    assert result.exit_code == 0, result.output
    rows = cells(result.stdout)
    assert_neutralised([row["title"] for row in rows])
    assert_neutralised([row["lead"] for row in rows])


def test_room_as_csv_neutralises_formulas(reference_db: Database, hostile_meeting: int) -> None:
    result = run(reference_db, "room", str(hostile_meeting), "--format", "csv")
    assert result.exit_code == 0, result.output
    (pakistan,) = [row for row in cells(result.stdout) if row["iso3"] == "PAK"]
    assert pakistan["category"] == "'" + HOSTILE[0]
    assert pakistan["name"] == "'" + HOSTILE[3]


def test_states_and_meetings_as_csv_neutralise_formulas(
    reference_db: Database, hostile_meeting: int
) -> None:
    states = run(reference_db, "states", "--format", "csv")
    assert states.exit_code == 0, states.output
    names = [row["name"] for row in cells(states.stdout)]
    assert "'" + HOSTILE[3] in names
    with reference_db.write() as session:
        session.execute(update(Meeting).where(Meeting.id == hostile_meeting).values(city="-1"))
    meetings = run(reference_db, "meetings", "--format", "csv")
    assert [row["city"] for row in cells(meetings.stdout) if row["id"] == str(hostile_meeting)] == [
        "'-1"
    ]


@pytest.mark.file_only
def test_the_contacts_import_report_neutralises_formulas(
    reference_db: Database, tmp_path: Path
) -> None:
    source = tmp_path / "contacts.csv"
    with source.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["family_name", "notes"])
        writer.writerows(["", hostile] for hostile in HOSTILE)  # no name: refused
    report = import_contacts(reference_db, source)
    assert report.report_path is not None
    with report.report_path.open(encoding="utf-8-sig", newline="") as handle:
        assert_neutralised([row["notes"] for row in csv.DictReader(handle)])


def test_export_this_list_neutralises_formulas(qapp: Any, tmp_path: Path) -> None:
    from PySide6.QtGui import QStandardItem, QStandardItemModel

    from ui.widgets.export_list import export_list

    model = QStandardItemModel()
    model.setHorizontalHeaderLabels(["Name", "Notes"])
    for hostile in HOSTILE:
        model.appendRow([QStandardItem(hostile), QStandardItem("plain")])
    written = export_list(None, model, "list", path=tmp_path / "list.csv")
    assert written is not None
    with written.open(encoding="utf-8-sig", newline="") as handle:
        assert_neutralised([row["Name"] for row in csv.DictReader(handle)])


# --- finding 10: control characters printed escaped ---------------------------------------

#: Clears the screen, sets the window title, rings the bell: a terminal obeys each of them.
CLEAR, TITLE = "\x1b[2J", "\x1b]0;owned\x07"
NAME = f"Paki{CLEAR}stan{TITLE}"


@pytest.fixture
def hostile_name(reference_db: Database) -> Database:
    with reference_db.write() as session:
        session.execute(
            update(State).where(State.iso3 == "PAK").values(name=NAME, official_name=NAME)
        )
    return reference_db


def assert_escaped(output: str) -> None:
    assert "\x1b" not in output and "\x07" not in output
    assert "Paki\\x1b[2Jstan\\x1b]0;owned\\x07" in output


def test_search_prints_control_characters_escaped(hostile_name: Database) -> None:
    # color=True: the runner passes escape sequences through, as a terminal gets them
    result = run(hostile_name, "search", "pakistan", color=True)
    assert result.exit_code == 0, result.output
    assert_escaped(result.output)
    assert "[Paki" in result.output  # the matched words still marked


def test_tables_print_control_characters_escaped(hostile_name: Database) -> None:
    result = run(hostile_name, "states", "--text", "PAK", color=True)
    assert result.exit_code == 0, result.output
    assert_escaped(result.output)
    meeting = nairobi(hostile_name)
    add(hostile_name, MeetingAttendee, meeting_id=meeting, state_id=state_id(hostile_name, "PAK"))
    room = run(hostile_name, "room", str(meeting), "--all", color=True)
    assert room.exit_code == 0, room.output
    assert_escaped(room.output)


def test_json_and_csv_keep_the_stored_value(hostile_name: Database) -> None:
    found = run(hostile_name, "search", "pakistan", "--kind", "state", "--format", "json")
    assert [hit["title"] for hit in json.loads(found.output)] == [NAME]
    states = run(hostile_name, "states", "--text", "PAK", "--format", "csv", color=True)
    assert [row["name"] for row in cells(states.stdout)] == [NAME]
