"""The data commands: search, import untc|contacts|json, export json|csv, duplicates."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from sqlalchemy.engine import make_url

from outreach.cli.data_commands import register
from outreach.cli.main import cli
from tests.conftest import copy_file, new_database_location

FIXTURES = Path(__file__).parent / "io" / "fixtures"

register(cli)  # idempotent: the main module may already have done it
register(cli)


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args), catch_exceptions=True)


@pytest.fixture(scope="module")
def server_demo(
    backend: str, tmp_path_factory: pytest.TempPathFactory, request: pytest.FixtureRequest
) -> str:
    """`outreach demo` on an empty server database, once per module."""
    path = new_database_location(backend, tmp_path_factory.mktemp("demo"), request)
    result = run("--db", path, "demo")
    assert result.exit_code == 0, result.output
    return path


@pytest.fixture
def demo(backend: str, tmp_path: Path, request: pytest.FixtureRequest) -> str:
    """A copy of the demo for one test: of the file the first run prepares, or of the
    server database `outreach demo` filled."""
    if backend == "postgresql":
        template = make_url(request.getfixturevalue("server_demo")).database
        return new_database_location(backend, tmp_path, request, template=template)
    return str(copy_file(request.getfixturevalue("demo_template"), tmp_path / "demo.db"))


def test_register_adds_each_command_once() -> None:
    for name in ("search", "import", "export", "duplicates"):
        assert name in cli.commands
    assert set(cli.commands["import"].commands) == {"untc", "contacts", "json"}  # type: ignore[attr-defined]
    assert set(cli.commands["export"].commands) == {"json", "csv"}  # type: ignore[attr-defined]


def test_search_demarche_finds_the_demarches(demo: str) -> None:
    result = run("--db", str(demo), "search", "demarche")
    assert result.exit_code == 0, result.output
    assert result.output.startswith("Démarches (")
    assert "Ratification before Nairobi" in result.output
    assert "Log entries (" in result.output
    assert "[démarche]" in result.output  # the words that matched, marked


def test_search_as_json_and_by_kind(demo: str) -> None:
    result = run("--db", str(demo), "search", "ornek", "--kind", "contact", "--format", "json")
    assert result.exit_code == 0, result.output
    hits = json.loads(result.output)
    assert [(hit["kind"], hit["title"]) for hit in hits] == [("contact", "Aylin Örnek")]


def test_search_with_nothing_found(demo: str) -> None:
    result = run("--db", str(demo), "search", "xyzzy")
    assert result.exit_code == 0
    assert "Nothing found" in result.output


def test_import_untc_dry_run_then_apply(demo: str) -> None:
    table = FIXTURES / "untc_apmbc_long.csv"
    dry = run("--db", str(demo), "import", "untc", str(table), "--treaty", "APMBC", "--dry-run")
    assert dry.exit_code == 0, dry.output
    assert "Dry run: nothing was changed." in dry.output
    assert 'line 14: "Republic of Atlantis"' in dry.output
    assert "No longer listed" in dry.output
    applied = run("--db", str(demo), "import", "untc", str(table), "--treaty", "APMBC", "--yes")
    assert applied.exit_code == 0, applied.output
    assert "in one transaction" in applied.output
    states = run("--db", str(demo), "states", "--format", "json", "--status", "party")
    parties = {row["iso3"] for row in json.loads(states.output)}
    assert {"AFG", "TUR", "GBR", "VAT", "PSE", "BOL", "CIV", "COD"} <= parties
    assert "CAN" not in parties  # not listed in this (partial) table
    again = run("--db", str(demo), "import", "untc", str(table), "--treaty", "APMBC", "--yes")
    assert "Nothing to change." in again.output


def test_import_untc_into_a_new_file_gives_every_listed_state_its_status(tmp_path: Path) -> None:
    from tests.outreach.io.test_untc_import import full_status_table

    table, rows = full_status_table(tmp_path)
    new = tmp_path / "x.db"
    refused = run("--db", str(new), "import", "untc", str(table), "--treaty", "APMBC")
    assert refused.exit_code == 1 and "There is no database at" in refused.output
    assert not new.exists()  # a misspelt --db never becomes a new database
    assert run("--db", str(new), "init").exit_code == 0
    result = run("--db", str(new), "import", "untc", str(table), "--treaty", "APMBC")
    assert result.exit_code == 0, result.output
    states = run("--db", str(new), "states", "--format", "json")
    by_iso3 = {row["iso3"]: row for row in json.loads(states.output)}
    for row in rows:
        listed = by_iso3[row["iso3"]]
        assert listed["consent_on"] == (row["consent_on"] or None), row["participant"]
        assert listed["signed_on"] == (row["signed_on"] or None), row["participant"]


def test_import_untc_of_a_missing_treaty_fails_in_one_line(demo: str) -> None:
    result = run("--db", str(demo), "import", "untc", str(FIXTURES / "untc_apmbc_long.csv"),
                 "--treaty", "XYZ")  # fmt: skip
    assert result.exit_code == 1
    assert "Unknown treaty 'XYZ'" in result.output
    assert "Traceback" not in result.output


def test_import_contacts_with_a_report(demo: str, tmp_path: Path) -> None:
    source = tmp_path / "people.csv"
    source.write_text(
        "Surname,Given,Country,Mail\nTest,Ann,KHM,ann@example.org\nBad,Bob,Atlantis,\n",
        encoding="utf-8",
    )
    result = run(
        "--db", str(demo), "import", "contacts", str(source),
        "--map", "family_name=Surname", "--map", "given_name=Given",
        "--map", "state=Country", "--map", "email=Mail",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "Imported 1 contact(s)" in result.output
    assert "Refused 1 row(s)" in result.output
    assert "line 3: Unknown state 'Atlantis'" in result.output
    assert (tmp_path / "people.rejected.csv").exists()


def test_export_json_and_import_it_into_a_new_file(demo: str, tmp_path: Path) -> None:
    exported = tmp_path / "all.json"
    result = run("--db", str(demo), "export", "json", str(exported))
    assert result.exit_code == 0, result.output
    copy = tmp_path / "copy.db"
    result = run("--db", str(copy), "import", "json", str(exported))
    assert result.exit_code == 0, result.output
    again = tmp_path / "again.json"
    assert run("--db", str(copy), "export", "json", str(again)).exit_code == 0
    original, copied = (json.loads(path.read_text(encoding="utf-8")) for path in (exported, again))
    assert copied["tables"] == original["tables"]  # every table, row by row
    refused = run("--db", str(demo), "import", "json", str(exported))
    assert refused.exit_code == 1
    assert "empty database" in refused.output


def test_export_csv(demo: str, tmp_path: Path) -> None:
    result = run("--db", str(demo), "export", "csv", str(tmp_path / "tables"))
    assert result.exit_code == 0, result.output
    assert (tmp_path / "tables" / "contact.csv").exists()
    assert (tmp_path / "tables" / "audit_entry.csv").exists()


def test_duplicates_list_and_merge(demo: str, tmp_path: Path) -> None:
    source = tmp_path / "again.csv"
    source.write_text("family_name,given_name,state\nOrnek,Aylin,TUR\n", encoding="utf-8")
    assert run("--db", str(demo), "import", "contacts", str(source)).exit_code == 0
    listed = run("--db", str(demo), "duplicates")
    assert listed.exit_code == 0, listed.output
    line = next(line for line in listed.output.splitlines() if "Aylin Örnek" in line)
    first, second = (int(part.split(":")[0]) for part in line.split("  ")[1:4:2])
    merged = run("--db", str(demo), "duplicates", "--merge", str(first), str(second))
    assert merged.exit_code == 0, merged.output
    assert f"Merged contact {second} into {first}" in merged.output
    assert "Aylin Örnek" not in run("--db", str(demo), "duplicates").output
