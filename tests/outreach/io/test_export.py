"""Exports: everything as JSON (round trip into an empty database, table by table), every
table as CSV, and the neutralisation of cells a spreadsheet would run as formulas."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from outreach.demo.campaign import load_demo
from outreach.demo.synthetic import load_synthetic
from outreach.errors import OutreachError, ValidationError
from outreach.io.csv_export import (
    DANGEROUS_FIRST,
    as_stored,
    export_csv,
    exported_tables,
    neutralise,
    unneutralise,
    write_rows,
)
from outreach.io.json_export import export_json, import_json
from outreach.search import SearchKind, SearchService, search_index_problems
from outreach.services.attachments import AttachmentService
from outreach.services.contacts import ContactService
from outreach.services.duplicates import DuplicateService
from outreach.services.states import StateService
from outreach.storage.database import Database
from tests.conftest import database_copy
from tests.outreach.attachments.files import attach_files


@pytest.fixture(scope="module")
def campaign(
    backend: str, tmp_path_factory: pytest.TempPathFactory, request: pytest.FixtureRequest
) -> Iterator[Database]:
    """The demo campaign, a little synthetic volume, a merge and a deletion: every table
    with rows, the audit trail included. Built once per backend: the tests only read it
    (an import into it is refused before anything is written)."""
    path = tmp_path_factory.mktemp("campaign") / "campaign.db"
    with database_copy(backend, "reference", path, request) as db:
        load_demo(db)
        load_synthetic(db, contacts=40, log_entries=200, demarches=15)
        contacts = ContactService(db)
        first = contacts.create("Formula", given_name="=cmd|' /C calc'!A0", notes="@SUM(A1)")
        second = contacts.create("Formula", given_name="=cmd|' /C calc'!A0", email="f@example.org")
        DuplicateService(db).merge(first.id, second.id)
        attach_files(db)
        yield db


def table_rows(db: Database) -> dict[str, list[tuple[object, ...]]]:
    """Every table of a database as a file stores it, the search index and Alembic aside."""
    with db.read() as session:
        connection = session.connection()
        names = sorted(
            name
            for name in db.backend.table_names(connection)
            if not name.startswith(("search_", "sqlite_")) and name != "alembic_version"
        )
        return {
            name: [
                tuple(as_stored(value) for value in row)
                for row in connection.exec_driver_sql(f'SELECT * FROM "{name}" ORDER BY id')
            ]
            for name in names
        }


def test_json_round_trips_into_an_empty_database(
    campaign: Database, empty_target: Database, tmp_path: Path
) -> None:
    exported = tmp_path / "everything.json"
    counts = export_json(campaign, exported)
    assert counts["audit_entry"] > 0 and counts["log_entry"] > 200
    document = json.loads(exported.read_text(encoding="utf-8"))
    assert document["format"] == "outreach-export"
    target = empty_target
    summary = import_json(target, exported)
    assert summary.rows == counts
    original = table_rows(campaign)
    copy = table_rows(target)
    assert set(copy) == set(original)
    for table, rows in original.items():
        assert copy[table] == rows, table
    # The copy's search index was built from the imported rows.
    assert search_index_problems(target) == []
    hits = SearchService(target).search("nairobi").hits
    assert any(hit.kind == SearchKind.DEMARCHE for hit in hits)
    # the attached files came across byte for byte
    for attachment in AttachmentService(campaign).of("state", StateService(campaign).get("KHM").id):
        assert AttachmentService(target).content(attachment.id) == AttachmentService(
            campaign
        ).content(attachment.id)
    # and new records get new ids: the copy's id counters moved past the imported rows
    created = ContactService(target).create("Afterwards", given_name="New")
    assert created.id > max(row[0] for row in original["contact"])  # type: ignore[operator]


def test_json_goes_only_into_an_empty_database(campaign: Database, tmp_path: Path) -> None:
    exported = tmp_path / "everything.json"
    export_json(campaign, exported)
    with pytest.raises(ValidationError, match="empty database"):
        import_json(campaign, exported)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("not json", "not a JSON file"),
        ('{"format": "something else"}', "not an Outreach export"),
        ('{"format": "outreach-export", "version": 99, "tables": {}}', "version 99"),
        (
            '{"format": "outreach-export", "version": 1, "tables": {"planet": '
            '{"columns": [], "rows": []}}}',
            "does not know: planet",
        ),
    ],
)
def test_a_file_that_is_no_export_is_refused(
    db: Database, tmp_path: Path, content: str, message: str
) -> None:
    path = tmp_path / "x.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ValidationError, match=message):
        import_json(db, path)


def test_csv_export_writes_one_file_per_table(campaign: Database, tmp_path: Path) -> None:
    counts = export_csv(campaign, tmp_path / "tables")
    tables = exported_tables(campaign)
    assert sorted(counts) == sorted(tables)
    assert {p.stem for p in (tmp_path / "tables").glob("*.csv")} == set(tables)
    stored = table_rows(campaign)
    for table in tables:
        with (tmp_path / "tables" / f"{table}.csv").open(encoding="utf-8-sig", newline="") as f:
            rows = list(csv.reader(f))
        assert len(rows) - 1 == len(stored[table]) == counts[table], table
    with (tmp_path / "tables" / "contact.csv").open(encoding="utf-8-sig", newline="") as f:
        contacts = list(csv.DictReader(f))
    formula = next(row for row in contacts if row["family_name"] == "Formula")
    assert formula["given_name"] == "'=cmd|' /C calc'!A0"
    assert formula["notes"].startswith("'@SUM(A1)")


def test_exporting_to_a_file_that_is_not_a_folder_is_refused(
    campaign: Database, tmp_path: Path
) -> None:
    (tmp_path / "file").write_text("x")
    with pytest.raises(OutreachError, match="is a file"):
        export_csv(campaign, tmp_path / "file")


# --- neutralisation -------------------------------------------------------------------------


@given(st.text())
def test_no_text_cell_can_start_a_formula(text: str) -> None:
    cell = neutralise(text)
    assert not cell.startswith(DANGEROUS_FIRST)
    assert unneutralise(cell) == text
    if not text.startswith(DANGEROUS_FIRST):
        assert cell == text


@given(st.lists(st.lists(st.one_of(st.text(), st.integers(), st.none()), max_size=5), max_size=8))
def test_every_cell_a_csv_writer_writes_is_safe(rows: list[list[object]]) -> None:
    buffer = io.StringIO(newline="")
    write_rows(buffer, ["=a", "b"], rows)
    for record in csv.reader(io.StringIO(buffer.getvalue(), newline="")):
        for cell in record:
            assert not cell.startswith(("=", "+", "@", "\t", "\r")), cell
            assert not cell.startswith("-") or cell.lstrip("-").isdigit(), cell


@pytest.mark.parametrize(
    ("value", "written"),
    [
        ("=1+1", "'=1+1"),
        ("+41 22 555 01 01", "'+41 22 555 01 01"),
        ("-2", "'-2"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("Plain", "Plain"),
        (-2, "-2"),
        (None, ""),
        (True, "1"),
    ],
)
def test_neutralise(value: object, written: str) -> None:
    assert neutralise(value) == written
