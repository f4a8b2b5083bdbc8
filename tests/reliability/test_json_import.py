"""`outreach import json` checks the whole file against the schema before it writes a row
(issue 11, finding 4): a date that is no date, a missing required value, a text id or a
reference to no row is refused with every problem and where it is, and nothing is
written."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from sqlalchemy import func, select

from outreach.cli.main import cli
from outreach.errors import ValidationError
from outreach.io.json_export import SHOWN_PROBLEMS, export_json, import_json
from outreach.storage.database import Database
from outreach.storage.location import FileLocation, ServerLocation
from outreach.storage.models import Base

Document = dict[str, Any]


@pytest.fixture
def exported(reference_db: Database, tmp_path: Path) -> Document:
    """The reference data as `outreach export json` writes it."""
    path = tmp_path / "reference.json"
    export_json(reference_db, path)
    document: Document = json.loads(path.read_text(encoding="utf-8"))
    return document


def write(document: Document, path: Path) -> Path:
    path.write_text(json.dumps(document), encoding="utf-8")
    return path


def set_cell(document: Document, table: str, row: int, column: str, value: Any) -> None:
    content = document["tables"][table]
    content["rows"][row][content["columns"].index(column)] = value


def cell(document: Document, table: str, row: int, column: str) -> Any:
    content = document["tables"][table]
    return content["rows"][row][content["columns"].index(column)]


def row_count(db: Database) -> int:
    with db.read() as session:
        return sum(
            session.scalar(select(func.count()).select_from(table)) or 0
            for table in Base.metadata.sorted_tables
        )


def refusal(db: Database, document: Document, path: Path) -> str:
    """The message of the refused import; the database is left empty."""
    with pytest.raises(ValidationError) as refused:
        import_json(db, write(document, path))
    assert row_count(db) == 0
    return str(refused.value)


def test_every_problem_is_reported_with_where_it_is_and_nothing_is_written(
    exported: Document, db: Database, tmp_path: Path
) -> None:
    set_cell(exported, "participation", 12, "signed_on", "not a date")
    set_cell(exported, "participation", 13, "consent_on", 12345)
    set_cell(exported, "participation", 14, "in_force_on", "2004-02-30")
    set_cell(exported, "state", 3, "name", None)
    set_cell(exported, "state", 4, "stance", 7)
    set_cell(exported, "forum", 0, "id", "abc")
    set_cell(exported, "participation", 15, "provisional_application", "maybe")
    set_cell(exported, "seat", 0, "state_id", 99_999)
    set_cell(exported, "state", 5, "iso3", cell(exported, "state", 6, "iso3"))
    exported["tables"]["treaty"]["rows"][0].pop()
    message = refusal(db, exported, tmp_path / "broken.json")
    assert "nothing was written" in message
    for problem in (
        'participation[12].signed_on: "not a date" is not a date (YYYY-MM-DD)',
        "participation[13].consent_on: 12345 is not a date (YYYY-MM-DD)",
        'participation[14].in_force_on: "2004-02-30" is not a date (YYYY-MM-DD)',
        "state[3].name: is empty (null) but required",
        "state[4].stance: 7 is not text",
        'forum[0].id: "abc" is not a whole number',
        'participation[15].provisional_application: "maybe" is not yes or no (1 or 0)',
        "seat[0].state_id: no state has id 99999 in the file",
        f'state[6].iso3: "{cell(exported, "state", 6, "iso3")}" is already used by state[5]',
        "treaty[0]: ",
    ):
        assert problem in message, problem


def test_a_missing_required_column_and_an_unknown_one_are_refused(
    exported: Document, db: Database, tmp_path: Path
) -> None:
    state = exported["tables"]["state"]
    position = state["columns"].index("iso3")
    state["columns"].pop(position)
    for row in state["rows"]:
        row.pop(position)
    exported["tables"]["forum"]["columns"][1] = "planet"
    message = refusal(db, exported, tmp_path / "columns.json")
    assert 'state.columns: the required column "iso3" is missing' in message
    assert 'forum.columns: "planet" is no column of forum' in message


def test_a_reference_to_a_table_the_file_leaves_out_is_looked_up_in_the_database(
    exported: Document, db: Database, tmp_path: Path
) -> None:
    del exported["tables"]["state"]  # the empty database has no state either
    message = refusal(db, exported, tmp_path / "no-states.json")
    assert re.search(r"\]\.state_id: no state has id \d+ in the file or the database", message)


def test_the_list_stops_after_a_few_dozen_problems(
    exported: Document, db: Database, tmp_path: Path
) -> None:
    rows = exported["tables"]["participation"]["rows"]
    for number in range(len(rows)):
        set_cell(exported, "participation", number, "signed_on", "soon")
    message = refusal(db, exported, tmp_path / "many.json")
    assert f"{len(rows)} problems found" in message
    assert message.count("is not a date") == SHOWN_PROBLEMS
    assert f"… and {len(rows) - SHOWN_PROBLEMS} more" in message


def test_the_command_refuses_with_the_problems_not_a_bug(
    exported: Document, db: Database, tmp_path: Path
) -> None:
    set_cell(exported, "participation", 0, "signed_on", "not a date")
    set_cell(exported, "state", 1, "id", None)
    location = db.location
    where = (
        location.url.render_as_string(hide_password=False)
        if isinstance(location, ServerLocation)
        else str(location.path if isinstance(location, FileLocation) else location)
    )
    path = write(exported, tmp_path / "bad.json")
    result = CliRunner().invoke(cli, ["--db", where, "import", "json", str(path)])
    assert result.exit_code == 1, result.output
    assert "unexpected" not in result.output and "bug" not in result.output
    assert 'participation[0].signed_on: "not a date" is not a date' in result.output
    assert "state[1].id: is empty (null) but required" in result.output
    assert row_count(db) == 0


def test_a_good_export_still_goes_in(exported: Document, db: Database, tmp_path: Path) -> None:
    summary = import_json(db, write(exported, tmp_path / "good.json"))
    assert summary.rows["state"] == len(exported["tables"]["state"]["rows"]) > 190
    assert row_count(db) == summary.total


def test_a_row_breaking_a_rule_of_the_records_is_refused_not_a_bug(
    exported: Document, db: Database, tmp_path: Path
) -> None:
    """A membership that ends before it starts passes the column checks; the database's
    own rule refuses it, and that refusal reads as one, with nothing written."""
    rows = exported["tables"]["forum_membership"]["rows"]
    columns = exported["tables"]["forum_membership"]["columns"]
    row = next(i for i, values in enumerate(rows) if values[columns.index("since")])
    set_cell(exported, "forum_membership", row, "until", "1901-01-01")
    message = refusal(db, exported, tmp_path / "backwards.json")
    assert "breaks a rule of the records" in message
