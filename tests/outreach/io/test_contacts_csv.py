"""Contacts from CSV: good rows in, bad rows back with the reason, nothing half-imported."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from sqlalchemy import func, select

from outreach.errors import ValidationError
from outreach.io.contacts_csv import FIELDS, guess_mapping, import_contacts, read_csv_table
from outreach.services.contacts import ContactService
from outreach.services.organizations import OrganizationService
from outreach.storage.database import Database
from outreach.storage.models import Contact, Organization

HEADER = ",".join(FIELDS)
ROWS = [
    # good: a new organization, a national phone read with the state
    "Örnek,Aylin,Deputy Director General,Ministry of Foreign Affairs of Türkiye,TUR,"
    'aylin.ornek@example.org,0312 555 01 01,"tr, en",',
    # good: the same organization again (not created twice), accents aside
    "Demir,Can,Counsellor,ministry of foreign affairs of turkiye,Türkiye,,,en,",
    # bad: no family name
    ",Nameless,Officer,,KHM,,,,",
    # bad: an unknown state; its new organization must not be left behind
    "Nobody,Ann,Officer,Ministry of Atlantis,Atlantis,,,,",
    # bad: a phone that is no phone
    "Sample,Jane,Officer,,CAN,jane@example.org,+1 555,,",
    # bad: the e-mail of the first row again
    "Ornek,A.,,,,Aylin.Ornek@example.org,,,",
    # good: an international phone, no state; a formula-looking note stays text
    "Exemple,Jean,Legal adviser,,,jean@example.org,+41 22 555 04 04,fr,=1+1",
]


def write(path: Path, lines: list[str], header: str = HEADER, encoding: str = "utf-8") -> Path:
    path.write_text("\n".join([header, *lines]) + "\n", encoding=encoding)
    return path


def count(db: Database, model: type[Contact] | type[Organization]) -> int:
    with db.read() as session:
        return session.scalar(select(func.count(model.id))) or 0


def test_good_rows_go_in_and_bad_rows_come_back_with_the_reason(
    reference_db: Database, tmp_path: Path
) -> None:
    source = write(tmp_path / "contacts.csv", ROWS)
    report = import_contacts(reference_db, source)
    assert [c.family_name for c in report.imported] == ["Örnek", "Demir", "Exemple"]
    assert report.organizations_created == ("Ministry of Foreign Affairs of Türkiye",)
    ornek, demir, exemple = report.imported
    assert ornek.phone == "+903125550101" and ornek.languages == ("tr", "en")
    assert ornek.organization_id == demir.organization_id is not None
    assert exemple.notes == "=1+1" and exemple.state_id is None
    assert [row.line for row in report.rejected] == [4, 5, 6, 7]
    reasons = [row.reason for row in report.rejected]
    assert "family name" in reasons[0]
    assert "Unknown state 'Atlantis'" in reasons[1]
    assert "phone" in reasons[2]
    assert "already in Outreach" in reasons[3]
    # Nothing half-imported: the refused row's organization is not there.
    names = [o.name for o in OrganizationService(reference_db).list()]
    assert "Ministry of Atlantis" not in names
    assert count(reference_db, Contact) == 3
    # The report: the file's own columns plus the reason, ready to fix and import again.
    assert report.report_path == tmp_path / "contacts.rejected.csv"
    with report.report_path.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert list(rows[0]) == [*FIELDS, "reason"]
    assert [row["family_name"] for row in rows] == ["", "Nobody", "Sample", "Ornek"]
    assert rows[2]["phone"] == "'+1 555"  # neutralised in the file


def test_a_fixed_report_imports_again(reference_db: Database, tmp_path: Path) -> None:
    report = import_contacts(reference_db, write(tmp_path / "contacts.csv", ROWS))
    assert report.report_path is not None
    with report.report_path.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    fixed = tmp_path / "fixed.csv"
    with fixed.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(FIELDS))
        writer.writeheader()
        sample = next(row for row in rows if row["family_name"] == "Sample")
        sample["phone"] = "'+1 613 555 0101"  # as the report wrote it, the number mended
        writer.writerow({field: sample[field] for field in FIELDS})
    again = import_contacts(reference_db, fixed)
    assert [c.phone for c in again.imported] == ["+16135550101"]
    assert again.rejected == () and again.report_path is None


def test_columns_can_be_mapped_and_semicolons_and_windows_files_are_read(
    reference_db: Database, tmp_path: Path
) -> None:
    source = write(
        tmp_path / "export.csv",
        ["Müller;Jürgen;DEU;juergen@example.org"],
        header="Surname;First name;Country;E-mail",
        encoding="cp1252",
    )
    table = read_csv_table(source)
    assert table.headers == ("Surname", "First name", "Country", "E-mail")
    mapping = guess_mapping(table.headers)
    assert mapping["family_name"] == "Surname"
    assert mapping["given_name"] == "First name"
    assert mapping["state"] == "Country"
    assert mapping["email"] == "E-mail"
    report = import_contacts(reference_db, source, mapping)
    assert [(c.given_name, c.family_name) for c in report.imported] == [("Jürgen", "Müller")]


def test_a_mapping_without_the_family_name_is_refused(
    reference_db: Database, tmp_path: Path
) -> None:
    source = write(tmp_path / "c.csv", ["x,y"], header="a,b")
    with pytest.raises(ValidationError, match="family name"):
        import_contacts(reference_db, source)
    assert count(reference_db, Contact) == 0


def test_contacts_imported_are_like_those_made_by_hand(
    reference_db: Database, tmp_path: Path
) -> None:
    import_contacts(reference_db, write(tmp_path / "c.csv", ROWS[:1]))
    listed = ContactService(reference_db).list(text="ornek")
    assert [c.email for c in listed] == ["aylin.ornek@example.org"]
