"""The planning commands: `outreach ics`, `meetings`, `room`, `interventions`, `plan` and
`done`, run through click's runner against a copy of the reference database."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import click
import pytest
from click.testing import CliRunner, Result
from icalendar import Calendar

from outreach.cli.main import cli
from outreach.cli.planning_commands import COMMANDS, register
from outreach.services.categories import CategoryService
from outreach.services.forums import ForumService
from outreach.services.interventions import InterventionService
from outreach.setup import open_database
from outreach.storage.database import Database
from tests.conftest import database_file

register(cli)  # idempotent: the lead's main.py may already have done it


def plan_a_bilateral(db: Database) -> None:
    """Pakistan, a steadfast state, at Nairobi, with a bilateral planned."""
    forums = ForumService(db)
    nairobi = forums.find_meetings("Nairobi Summit")[0]
    forums.add_attendee(nairobi.id, "PAK")
    CategoryService(db).create("Steadfast", slug="steadfast")
    CategoryService(db).assign("steadfast", "PAK", "Producer")
    InterventionService(db).plan(
        nairobi.id,
        "bilateral",
        "Bilatérale avec le Pakistan",
        targets=["PAK"],
        starts_at="2004-11-30 10:00",
        ends_at="2004-11-30 10:45",
    )


@pytest.fixture
def db_file(reference_template: Path, tmp_path: Path) -> Path:
    """A copy of the reference database with a bilateral planned at Nairobi."""
    return database_file(tmp_path / "planning.db", plan_a_bilateral, template=reference_template)


def run(db: Path, *args: str) -> Result:
    return CliRunner().invoke(cli, ["--db", str(db), *args], catch_exceptions=True)


def test_register_is_idempotent() -> None:
    group = click.Group()
    register(group)
    register(group)
    assert sorted(group.commands) == sorted(command.name for command in COMMANDS)


def test_ics_writes_the_calendar_file(db_file: Path, tmp_path: Path) -> None:
    target = tmp_path / "nairobi.ics"
    result = run(db_file, "ics", "-o", str(target), "--from", "2004-11-29", "--to", "2004-12-03")

    assert result.exit_code == 0, result.output
    assert f"Wrote 2 events to {target}" in result.output
    calendar = Calendar.from_ical(target.read_bytes())
    summaries = sorted(str(event["SUMMARY"]) for event in calendar.walk("VEVENT"))
    assert summaries == [
        "Bilatérale avec le Pakistan",
        "First Review Conference (Nairobi Summit on a Mine-Free World)",
    ]


def test_ics_refuses_bad_input_in_one_line(db_file: Path, tmp_path: Path) -> None:
    bad_date = run(db_file, "ics", "-o", str(tmp_path / "x.ics"), "--from", "29/11/2004")
    assert bad_date.exit_code == 2
    assert "is not a date; write it as YYYY-MM-DD" in bad_date.output
    backwards = run(
        db_file, "ics", "-o", str(tmp_path / "x.ics"), "--from", "2004-12-01", "--to", "2004-11-01"
    )
    assert backwards.exit_code == 1
    assert "Error: The period ends (2004-11-01) before it starts" in backwards.output
    assert "Traceback" not in backwards.output
    nowhere = run(db_file, "ics", "-o", str(tmp_path / "missing" / "x.ics"))
    assert nowhere.exit_code == 1
    assert "Cannot write" in nowhere.output
    missing = run(db_file, "ics")
    assert missing.exit_code == 2
    assert "Missing option '-o'" in missing.output


def test_meetings_lists_and_finds(db_file: Path) -> None:
    everything = run(db_file, "meetings", "--format", "json")
    assert everything.exit_code == 0, everything.output
    assert len(json.loads(everything.output)) == 28  # 12 of the APMBC, 16 of the CCM
    nairobi = run(db_file, "meetings", "nairobi summit", "--format", "json")
    rows = json.loads(nairobi.output)
    assert [(row["forum"], row["city"], row["starts_on"]) for row in rows] == [
        ("revcon", "Nairobi", "2004-11-29")
    ]
    table = run(db_file, "meetings", "--forum", "msp", "--to", "2002-12-31")
    assert table.output.splitlines()[0].split() == [
        "id", "forum", "title", "city", "starts_on", "ends_on", "timezone",
    ]  # fmt: skip
    assert len(table.output.splitlines()) == 2 + 4  # header, rule, four meetings


def test_room_prints_the_states_expected_by_category(db_file: Path) -> None:
    result = run(db_file, "room", "Nairobi Summit")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].startswith("First Review Conference (Nairobi Summit on a Mine-Free World)")
    assert "states in the room" in lines[0]
    pakistan = next(line for line in lines if "PAK" in line)
    assert "Steadfast" in pakistan and "attendee" in pakistan and "outside" in pakistan

    rows = json.loads(run(db_file, "room", "Nairobi Summit", "--format", "json").output)
    assert [(row["iso3"], row["planned"]) for row in rows] == [("PAK", 1)]
    everyone = json.loads(
        run(db_file, "room", "Nairobi Summit", "--all", "--format", "json").output
    )
    assert len(everyone) > 140 and "CAN" in {row["iso3"] for row in everyone}


def test_room_needs_one_meeting(db_file: Path) -> None:
    several = run(db_file, "room", "Meeting of the States Parties")
    assert several.exit_code == 1
    assert "matches 8 meetings" in several.output and "the meeting's id" in several.output
    none = run(db_file, "room", "Ottawa 1997")
    assert "No meeting matches 'Ottawa 1997'" in none.output


def test_interventions_lists_a_meetings_plan(db_file: Path) -> None:
    result = run(db_file, "interventions", "Nairobi Summit", "--format", "json")
    assert result.exit_code == 0, result.output
    [row] = json.loads(result.output)
    assert (row["kind"], row["title"], row["starts_at"], row["targets"]) == (
        "bilateral",
        "Bilatérale avec le Pakistan",
        "2004-11-30 10:00",
        ["PAK"],
    )


def test_plan_then_done_logs_a_bilateral(db_file: Path) -> None:
    planned = run(
        db_file, "plan", "nairobi", "bilateral", "Bilateral with Ethiopia", "--target", "ETH",
        "--at", "2004-11-30 11:00", "--until", "2004-11-30 11:30", "--lead", "Desk officer",
    )  # fmt: skip
    assert planned.exit_code == 0, planned.output
    assert "(2004-11-30 11:00, Africa/Nairobi), planned." in planned.output
    listed = json.loads(run(db_file, "interventions", "nairobi", "--format", "json").output)
    ethiopia = next(row for row in listed if row["title"] == "Bilateral with Ethiopia")
    assert (ethiopia["targets"], ethiopia["starts_at"], ethiopia["lead"]) == (
        ["ETH"], "2004-11-30 11:00", "Desk officer",
    )  # fmt: skip

    done = run(
        db_file, "done", str(ethiopia["id"]), "--outcome", "Deposit expected in December",
        "--follow-up", "2005-01-10",
    )  # fmt: skip
    assert done.exit_code == 0, done.output
    assert "done, logged as entry" in done.output and "follow-up 2005-01-10" in done.output
    db = open_database(db_file, actor="test-officer", create=True)
    try:
        record = InterventionService(db).get(ethiopia["id"])
        (entry,) = InterventionService(db).log_entries(record.meeting_id)
    finally:
        db.close()
    assert (record.status, record.outcome) == ("done", "Deposit expected in December")
    assert (entry.occurred_on, entry.follow_up_on) == (date(2004, 11, 30), date(2005, 1, 10))


def test_plan_and_done_refuse_bad_input_in_one_line(db_file: Path) -> None:
    unknown = run(db_file, "plan", "nairobi", "bilateral", "X", "--target", "Atlantis")
    assert unknown.exit_code == 1 and "Unknown state 'Atlantis'" in unknown.output
    outside = run(db_file, "plan", "nairobi", "statement", "X", "--at", "2005-06-01 10:00")
    assert outside.exit_code == 1 and "Traceback" not in outside.output
    statement = run(db_file, "plan", "nairobi", "statement", "Opening statement")
    statement_id = statement.output.split()[2]
    misplaced = run(
        db_file, "done", statement_id, "--outcome", "Given", "--follow-up", "2005-01-01"
    )
    assert misplaced.exit_code == 2 and "for bilaterals" in misplaced.output
    assert run(db_file, "done", statement_id, "--outcome", "Given").exit_code == 0
    again = run(db_file, "done", statement_id, "--outcome", "Given")
    assert again.exit_code == 0  # a statement may be marked done again: its outcome replaced
    twice = run(db_file, "interventions", "nairobi", "--format", "json")
    assert [row["status"] for row in json.loads(twice.output)].count("done") == 1
