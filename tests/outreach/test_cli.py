"""The command line: `outreach init | demo | states | check`, run through click's runner
against temporary database files (never the user's own)."""

from __future__ import annotations

import csv
import io
import json
import shutil
import sqlite3
import subprocess
import sys
from contextlib import closing
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from outreach.cli.main import STATE_COLUMNS, cli
from outreach.demo.content import LIKELY_ACCEDERS
from tests.conftest import drop_search_trigger, new_database_location
from tests.postgres_server import TestServer

JSON_KEYS = {
    "iso3",
    "name",
    "status",
    "signed_on",
    "consent_on",
    "consent_kind",
    "in_force_on",
    "categories",
}


def run(*args: str, env: dict[str, str] | None = None) -> Result:
    return CliRunner(env=env).invoke(cli, list(args), catch_exceptions=True)


def states_json(db: Path | str, *args: str) -> list[dict[str, Any]]:
    result = run("--db", str(db), "states", "--format", "json", *args)
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert isinstance(rows, list)
    return rows


def assert_clean_failure(result: Result, *, usage_error: bool = False) -> str:
    """A non-zero exit, no traceback, and the reason on one line; returns that line."""
    assert result.exit_code != 0
    assert result.exit_code != 2 or usage_error  # 2 is click's usage error, or a bug
    assert "Traceback" not in result.output
    assert "unexpected" not in result.output  # the CLI's wording for a bug
    assert result.exception is None or isinstance(result.exception, SystemExit)
    lines = [line for line in result.output.splitlines() if line.strip()]
    errors = [line for line in lines if line.startswith("Error:")]
    assert len(errors) == 1, result.output
    if not usage_error:
        assert lines == errors, result.output
    return errors[0]


@pytest.fixture(scope="module")
def init_db(
    backend: str, tmp_path_factory: pytest.TempPathFactory, request: pytest.FixtureRequest
) -> str:
    """A database created by `outreach init` (reference data only), on a new file or an
    empty server database; tests only read it."""
    path = new_database_location(backend, tmp_path_factory.mktemp("cli-init"), request)
    result = run("--db", path, "init")
    assert result.exit_code == 0, result.output
    assert "Created" in result.output
    return path


@pytest.fixture(scope="module")
def demo_db(
    backend: str, tmp_path_factory: pytest.TempPathFactory, request: pytest.FixtureRequest
) -> str:
    """A database filled by `outreach demo`, on a new file or an empty server database;
    tests only read it."""
    path = new_database_location(backend, tmp_path_factory.mktemp("cli-demo"), request)
    result = run("--db", path, "demo")
    assert result.exit_code == 0, result.output
    assert "Demo campaign loaded" in result.output
    return path


# --- init and states ---------------------------------------------------------------------


def test_init_then_states_as_json(init_db: str) -> None:
    rows = states_json(init_db)
    assert len(rows) == 198
    assert all(set(row) == JSON_KEYS for row in rows)
    by_iso3 = {row["iso3"]: row for row in rows}
    assert by_iso3["CAN"]["name"] == "Canada"
    assert by_iso3["CAN"]["in_force_on"] == "1999-03-01"
    assert by_iso3["CAN"]["consent_kind"] == "ratification"
    assert by_iso3["AFG"]["signed_on"] is None
    assert by_iso3["AFG"]["consent_kind"] == "accession"
    assert by_iso3["USA"]["status"] == "outside"
    assert all(row["categories"] == [] for row in rows)  # no categories before the demo


def test_init_twice_keeps_the_data(init_db: str) -> None:
    result = run("--db", str(init_db), "init")
    assert result.exit_code == 0, result.output
    assert "Already initialised" in result.output
    assert len(states_json(init_db)) == 198


def test_as_of_and_status_give_only_parties_on_that_day(init_db: str) -> None:
    rows = states_json(init_db, "--as-of", "2002-11-30", "--status", "party")
    assert rows
    assert {row["status"] for row in rows} == {"party"}
    assert all(date.fromisoformat(row["in_force_on"]) <= date(2002, 11, 30) for row in rows)
    codes = {row["iso3"] for row in rows}
    assert "CAN" in codes
    assert "AFG" not in codes  # deposited in September 2002, in force in March 2003
    pending = states_json(init_db, "--as-of", "2002-11-30", "--status", "pending")
    assert "AFG" in {row["iso3"] for row in pending}
    assert len(rows) + len(pending) == 130


def test_joined_gives_parties_and_pending_and_the_table_counts_both_ways(
    init_db: str,
) -> None:
    joined = states_json(init_db, "--as-of", "2002-11-30", "--status", "joined")
    assert {row["status"] for row in joined} == {"party", "pending"}
    assert len(joined) == 130  # Landmine Monitor's count then: 130 by November 2002
    result = run("--db", init_db, "states", "--as-of", "2002-11-30")
    assert result.exit_code == 0, result.output
    pending = sum(row["status"] == "pending" for row in joined)
    parties = 130 - pending
    assert result.output.rstrip().endswith(
        f"{parties} States Parties; {pending} pending entry into force (130 by deposit, as "
        "Landmine and Cluster Munition Monitor counts)"
    )
    assert "States Parties" not in run("--db", init_db, "states", "--format", "csv").output


def test_the_date_changes_the_answer(init_db: str) -> None:
    def turkey(as_of: str) -> str:
        (row,) = states_json(init_db, "--as-of", as_of, "--text", "turkey")
        return str(row["status"])

    assert turkey("2003-01-01") == "outside"
    assert turkey("2004-03-01") == "party"


def test_csv_has_a_header_and_one_line_per_state(init_db: str) -> None:
    result = run(
        "--db", str(init_db), "states", "--format", "csv", "--as-of", "2002-11-30", "--text", "co"
    )
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0] == ",".join(STATE_COLUMNS)
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    codes = {row["iso3"] for row in rows}
    assert {"CIV", "COD", "COG", "MEX"} <= codes
    (ivory_coast,) = [row for row in rows if row["iso3"] == "CIV"]
    assert ivory_coast["name"] == "Côte d'Ivoire"
    assert ivory_coast["in_force_on"] == "2000-12-01"


def test_the_table_lists_states(init_db: str) -> None:
    result = run("--db", str(init_db), "states", "--text", "Cambodia")
    assert result.exit_code == 0, result.output
    header, rule, line, counts = result.stdout.splitlines()
    assert header.split() == list(STATE_COLUMNS)
    assert set(rule.replace(" ", "")) == {"-"}
    assert line.startswith("KHM")
    assert counts.startswith("1 State Party; 0 pending entry into force (1 by deposit")


def test_check_passes_on_a_new_database(init_db: str) -> None:
    result = run("--db", str(init_db), "check")
    assert result.exit_code == 0, result.output
    assert "no problems" in result.output


# --- the demo ----------------------------------------------------------------------------


def test_demo_lists_its_likely_acceders(demo_db: str) -> None:
    rows = states_json(demo_db, "--category", "likely-acceders")
    assert {row["iso3"] for row in rows} == set(LIKELY_ACCEDERS)
    assert all("likely-acceders" in row["categories"] for row in rows)


def test_demo_smart_categories_show_on_the_list(demo_db: str) -> None:
    rows = states_json(demo_db, "--as-of", "2004-06-01", "--category", "security-council-2004")
    assert len(rows) == 15
    assert {"CHN", "USA", "DEU", "PAK", "BRA"} <= {row["iso3"] for row in rows}


def test_check_passes_after_the_demo(demo_db: str) -> None:
    result = run("--db", str(demo_db), "check")
    assert result.exit_code == 0, result.output


@pytest.mark.file_only  # damages the file's FTS5 index behind the app's back
def test_check_finds_a_stale_search_index_and_rebuild_search_mends_it(demo_db: str) -> None:
    with closing(sqlite3.connect(demo_db)) as connection, connection:
        connection.execute("DELETE FROM search_contact_fts WHERE rowid IN (1, 2)")
    stale = run("--db", str(demo_db), "check")
    assert stale.exit_code != 0
    assert "search: the contact index holds 13 documents" in stale.stderr
    mended = run("--db", str(demo_db), "check", "--rebuild-search")
    assert mended.exit_code == 0, mended.output
    assert "15 contact" in mended.stdout
    assert run("--db", str(demo_db), "check").exit_code == 0


@pytest.mark.file_only  # drops part of the file's FTS5 index behind the app's back
def test_check_says_when_opening_rebuilt_a_missing_part_of_the_index(demo_db: str) -> None:
    drop_search_trigger(Path(demo_db), "search_contact__%")
    result = run("--db", str(demo_db), "check")
    assert result.exit_code == 0, result.output
    assert "Repaired on opening: the search index of contact was missing" in result.stdout
    again = run("--db", str(demo_db), "check")
    assert "Repaired" not in again.stdout


@pytest.mark.file_only  # copies the file
def test_running_the_demo_twice_adds_nothing_and_says_so(demo_db: str, tmp_path: Path) -> None:
    copy = tmp_path / "demo-copy.db"
    shutil.copy2(demo_db, copy)
    before = states_json(copy, "--category", "likely-acceders")
    again = run("--db", str(copy), "demo")
    assert again.exit_code == 0, again.output
    assert "The demo campaign: already there." in again.output
    assert states_json(copy, "--category", "likely-acceders") == before


# --- errors ------------------------------------------------------------------------------


def test_an_unknown_category_is_one_line(init_db: str) -> None:
    line = assert_clean_failure(run("--db", str(init_db), "states", "--category", "nope"))
    assert "nope" in line


@pytest.mark.parametrize("bad_day", ["2002-13-01", "30/11/2002", "yesterday"])
def test_a_bad_as_of_date_is_refused(init_db: Path, bad_day: str) -> None:
    result = run("--db", str(init_db), "states", "--as-of", bad_day)
    line = assert_clean_failure(result, usage_error=True)
    assert bad_day in line
    assert "YYYY-MM-DD" in line


@pytest.mark.parametrize("command", [["states"], ["init"], ["check"], ["demo"]])
def test_a_text_file_as_database_is_refused_and_left_alone(
    tmp_path: Path, command: list[str]
) -> None:
    notes = tmp_path / "notes.txt"
    original = "Bangkok, 15–19 September 2003: meet the Türkiye delegation.\n".encode()
    notes.write_bytes(original)
    line = assert_clean_failure(run("--db", str(notes), *command))
    assert "not an Outreach database" in line
    assert notes.read_bytes() == original
    assert sorted(path.name for path in tmp_path.iterdir()) == ["notes.txt"]


def test_the_environment_variable_chooses_the_database(tmp_path: Path) -> None:
    path = tmp_path / "from-env.db"
    env = {"OUTREACH_DB": str(path)}
    result = run("init", env=env)
    assert result.exit_code == 0, result.output
    assert path.exists()
    assert str(path) in result.output
    listed = run("states", "--format", "json", "--text", "Canada", env=env)
    assert listed.exit_code == 0, listed.output
    assert [row["iso3"] for row in json.loads(listed.stdout)] == ["CAN"]


def test_the_db_option_wins_over_the_environment(init_db: Path, tmp_path: Path) -> None:
    elsewhere = tmp_path / "unused.db"
    result = run(
        "--db", str(init_db), "states", "--format", "json", env={"OUTREACH_DB": str(elsewhere)}
    )
    assert result.exit_code == 0, result.output
    assert len(json.loads(result.stdout)) == 198
    assert not elsewhere.exists()


def test_a_reader_that_stops_early_is_no_error(init_db: str) -> None:
    """`outreach states | head -1`: the pipe closes before the list is written."""
    process = subprocess.Popen(
        [sys.executable, "-c", "from outreach.cli.main import main; main()",
         "--db", str(init_db), "states", "--format", "json"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )  # fmt: skip
    assert process.stdout is not None and process.stderr is not None
    process.stdout.close()  # the reader is gone before anything is written
    errors = process.stderr.read().decode()
    assert process.wait(timeout=60) == 0
    assert errors == ""


def test_a_file_and_a_server_answer_the_same(
    tmp_path: Path, pg_server: TestServer, pg_templates: dict[str, str]
) -> None:
    """`demo`, then `states --category likely-acceders --format json`, on a new file and
    on an empty server database, print the same."""
    server = pg_server.url(pg_server.new_database())
    answers = []
    for where in (str(tmp_path / "desk.db"), server):
        assert run("--db", where, "demo").exit_code == 0
        result = run("--db", where, "states", "--category", "likely-acceders", "--format", "json")
        assert result.exit_code == 0, result.output
        answers.append(result.stdout)
    assert answers[0] == answers[1]
    assert len(json.loads(answers[1])) >= 5
