"""Imports at their limits (issue 11, findings 9 and 11): large and absurd files, files
whose quotes do not pair up, progress and cancel, and a status table that would take
most of a treaty's participants out."""

from __future__ import annotations

import csv
import time
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from outreach.cli.data_commands import register
from outreach.cli.main import cli
from outreach.errors import CancelledError, ValidationError
from outreach.io.contacts_csv import FIELDS, ContactImporter, import_contacts
from outreach.io.untc_import import UntcImporter, plan_untc_file
from outreach.search import SearchService, search_index_problems
from outreach.services.contacts import ContactService
from outreach.services.treaties import TreatyService
from outreach.storage.audit_chain import audit_trail_problems
from outreach.storage.database import Database
from outreach.storage.models import AuditEntry, Contact, Organization, Participation
from tests.outreach.io.test_untc_import import full_status_table
from ui.imports import ContactsImportDialog, UntcImportDialog
from ui.imports.progress import ImportProgress
from ui.undo import UndoRunner

register(cli)

HEADER = ",".join(FIELDS)
UNTC_HEADER = "Participant\tSignature\tRatification, Accession(a), Succession(d)"


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args), catch_exceptions=True)


def rows_of(db: Database, model: type[Contact] | type[Organization] | type[AuditEntry]) -> int:
    with db.read() as session:
        return session.scalar(select(func.count(model.id))) or 0


def dated_participations(db: Database) -> int:
    with db.read() as session:
        return (
            session.scalar(
                select(func.count(Participation.id)).where(Participation.consent_on.is_not(None))
            )
            or 0
        )


def many_contacts(path: Path, count: int, organizations: int) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(FIELDS)
        for number in range(count):
            writer.writerow(
                (f"Family{number}", "Ann", "Officer", f"Ministry {number % organizations}",
                 "KHM", f"person{number}@example.org", f"+855 23 756 78{number % 10}",
                 "en, fr", "")
            )  # fmt: skip
    return path


# --- contacts: size ------------------------------------------------------------------------


def test_a_cell_longer_than_the_csv_module_allows_is_a_problem_of_its_row(
    reference_db: Database, tmp_path: Path
) -> None:
    source = tmp_path / "contacts.csv"
    source.write_text(
        f"{HEADER}\nSok,Dara,,,KHM,,,,{'x' * 150_000}\n"
        'Mey,Chan,,,KHM,,,,"Met in Geneva.\nFollow up, in June."\n',  # a note on two lines
        encoding="utf-8",
    )
    report = import_contacts(reference_db, source)
    assert [contact.family_name for contact in report.imported] == ["Mey"]
    ((line, reason),) = [(row.line, row.reason) for row in report.rejected]
    assert line == 2 and "longer than 20,000 characters" in reason
    assert len(reason) < 200  # the reason does not repeat the cell
    assert report.imported[0].notes == "Met in Geneva.\nFollow up, in June."


@pytest.mark.slow  # a benchmark: thousands of rows against a time limit
def test_thousands_of_contacts_import_in_seconds_with_audit_search_and_undo(
    reference_db: Database, tmp_path: Path
) -> None:
    """4,000 rows and 400 new organizations: a query (and a scan of every organization)
    per row made this take minutes; the rows still get their audit rows and search
    documents, and undo takes them all back."""
    source = many_contacts(tmp_path / "many.csv", 4_000, 400)
    audit_before = rows_of(reference_db, AuditEntry)
    start = time.perf_counter()
    report = import_contacts(reference_db, source)
    assert time.perf_counter() - start < 20
    assert len(report.imported) == 4_000 and report.rejected == ()
    assert len(report.organizations_created) == 400
    assert rows_of(reference_db, AuditEntry) - audit_before == 4_400
    (found,) = SearchService(reference_db).search("Family1234").hits
    assert found.kind == "contact" and found.id == report.imported[1234].id
    assert ContactService(reference_db).get(report.imported[0].id).phone == "+85523756780"

    importer = ContactImporter(reference_db)
    importer.take_back(report)
    assert ContactService(reference_db).count() == 0
    assert SearchService(reference_db).search("Family1234").hits == ()
    assert rows_of(reference_db, AuditEntry) - audit_before == 2 * 4_400
    importer.restore(report)
    assert ContactService(reference_db).count() == 4_000
    assert len(SearchService(reference_db).search("Family1234").hits) == 1
    assert search_index_problems(reference_db) == []
    with reference_db.read() as session:  # the bulk audit rows are chained like the rest
        assert audit_trail_problems(session.connection()) == []


def test_a_cancelled_import_writes_nothing(reference_db: Database, tmp_path: Path) -> None:
    source = many_contacts(tmp_path / "many.csv", 5_000, 10)
    reports: list[tuple[int, int]] = []
    with pytest.raises(CancelledError, match="nothing was imported"):
        import_contacts(
            reference_db,
            source,
            progress=lambda done, total: reports.append((done, total)),
            cancelled=lambda: bool(reports),
        )
    assert reports[0] == (2_000, 10_000)  # the rows checked, then written
    assert rows_of(reference_db, Contact) == rows_of(reference_db, Organization) == 0
    assert not (tmp_path / "many.rejected.csv").exists()


@pytest.mark.file_only
@pytest.mark.slow  # thousands of rows: progress is reported from 10,000 steps of work
def test_the_command_line_reports_progress_of_a_large_file_on_stderr(
    reference_db: Database, tmp_path: Path
) -> None:
    source = many_contacts(tmp_path / "many.csv", 5_000, 50)
    result = run("--db", str(reference_db.path), "import", "contacts", str(source))
    assert result.exit_code == 0, result.output
    assert "Imported 5000 contact(s)" in result.stdout
    assert "many.csv: 50% done" in result.stderr and "many.csv: 100% done" in result.stderr


# --- unbalanced quotes ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "message"),
    [
        # the quote runs to the end of the file: one giant given name before
        ('Sok,"Dara,,,KHM\nMey,Chan,,,KHM\nKeo,Lina,,,KHM\n', "line 2: a quote is not closed"),
        # the quote closes on a later line, before a comma: rows swallowed into one cell
        ('Sok,"Dara,,,KHM\nMey,Chan,,,KHM\nKeo,Lina",,,KHM\n', "line 2: a quote is not closed"),
        ('Sok,"Dara" Vann,,,KHM\n', "line 2: text follows a closing quote"),
    ],
)
def test_a_contacts_file_with_an_unbalanced_quote_is_refused(
    reference_db: Database, tmp_path: Path, text: str, message: str
) -> None:
    source = tmp_path / "contacts.csv"
    source.write_text("family_name,given_name,position,organization,state\n" + text)
    with pytest.raises(ValidationError, match=message):
        import_contacts(reference_db, source)
    assert rows_of(reference_db, Contact) == 0


def test_a_status_table_with_an_unbalanced_quote_is_refused(
    reference_db: Database, tmp_path: Path
) -> None:
    table = tmp_path / "status.csv"
    table.write_text(
        'Participant,Signature,"Ratification, Accession(a), Succession(d)"\n'
        'Afghanistan,,"11 Sep 2002 a\nAlbania,8 Sep 1998,29 Feb 2000\n'
    )
    with pytest.raises(ValidationError, match="line 2: a quote is not closed"):
        plan_untc_file(reference_db, table)


# --- UNTC: size and removals ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("rows", "message"),
    [
        (100_000, r"lists more than 1,000 participants \(line 1002\); a treaty has at most a few"),
        (400_000, r"status.txt is 10.\d MB; a status table is some tens of kilobytes"),
    ],
)
def test_a_status_table_of_thousands_of_rows_is_refused_quickly(
    reference_db: Database, tmp_path: Path, rows: int, message: str
) -> None:
    table = tmp_path / "status.txt"
    lines = [UNTC_HEADER] + ["Afghanistan\t\t11 Sep 2002 a"] * rows
    table.write_text("\n".join(lines) + "\n", encoding="utf-8")
    start = time.perf_counter()
    with pytest.raises(ValidationError, match=message):
        plan_untc_file(reference_db, table)
    assert time.perf_counter() - start < 5


@pytest.mark.file_only
def test_a_header_alone_needs_yes_on_the_command_line(
    reference_db: Database, tmp_path: Path
) -> None:
    table = tmp_path / "header.txt"
    table.write_text(UNTC_HEADER + "\n", encoding="utf-8")
    leaving = len(plan_untc_file(reference_db, table).not_listed)
    before = dated_participations(reference_db)
    assert leaving > 150
    where = str(reference_db.path)

    refused = run("--db", where, "import", "untc", str(table))
    assert refused.exit_code == 1
    assert f"would take {leaving} states (Afghanistan, Albania" in refused.output
    assert "Nothing was changed" in refused.output and "--yes" in refused.output
    assert dated_participations(reference_db) == before

    dry = run("--db", where, "import", "untc", str(table), "--dry-run")
    assert dry.exit_code == 0 and "would need --yes" in dry.output

    full, _rows = full_status_table(tmp_path)  # a whole table needs no --yes
    whole = run("--db", where, "import", "untc", str(full), "--dry-run")
    assert whole.exit_code == 0 and "--yes" not in whole.output

    confirmed = run("--db", where, "import", "untc", str(table), "--yes")
    assert confirmed.exit_code == 0, confirmed.output
    assert dated_participations(reference_db) == before - leaving  # withdrawals are kept


@pytest.mark.parametrize("answer", ["No", "Yes"])
def test_the_app_asks_before_taking_many_states_out(
    qtbot: QtBot,
    reference_db: Database,
    tmp_path: Path,
    undo_runner: UndoRunner,
    monkeypatch: pytest.MonkeyPatch,
    answer: str,
) -> None:
    asked: list[str] = []

    def question(_parent: object, _title: str, text: str, *_args: object) -> object:
        asked.append(text)
        return getattr(QMessageBox.StandardButton, answer)

    monkeypatch.setattr(QMessageBox, "question", question)
    table = tmp_path / "status.txt"
    table.write_text(UNTC_HEADER + "\n", encoding="utf-8")
    before = dated_participations(reference_db)
    leaving = len(plan_untc_file(reference_db, table).not_listed)
    dialog = UntcImportDialog(UntcImporter(reference_db), ["APMBC"], undo=undo_runner)
    qtbot.addWidget(dialog)
    dialog.load(table)
    dialog.apply_button.click()
    (text,) = asked
    assert f"would take {leaving} states (Afghanistan" in text
    if answer == "No":
        assert dated_participations(reference_db) == before
        assert undo_runner.stack.count() == 0
    else:
        assert dated_participations(reference_db) == before - leaving
        undo_runner.stack.undo()
        assert dated_participations(reference_db) == before
    assert TreatyService(reference_db).participation("AFG", "APMBC") is not None


def test_cancel_in_the_contacts_dialog_imports_nothing(
    qtbot: QtBot,
    reference_db: Database,
    tmp_path: Path,
    undo_runner: UndoRunner,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(ImportProgress, "cancelled", lambda _self: True)  # Cancel, clicked
    source = many_contacts(tmp_path / "many.csv", 3_000, 10)
    dialog = ContactsImportDialog(ContactImporter(reference_db), undo=undo_runner)
    qtbot.addWidget(dialog)
    dialog.load(source)
    dialog.import_button.click()
    assert "cancelled; nothing was imported" in dialog.message.text()
    assert rows_of(reference_db, Contact) == 0
    assert undo_runner.stack.count() == 0
