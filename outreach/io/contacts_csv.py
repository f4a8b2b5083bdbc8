"""Contacts from a CSV file: `outreach import contacts FILE.csv`, and the app's import
dialog (which lets people map their own column names onto these fields).

The documented header (any order; only family_name is required):

    family_name,given_name,position,organization,state,email,phone,languages,notes

- organization: an organization's name as Outreach has it (accents and case aside); a
  name it does not have yet is created, of kind "other", in the row's state;
- state: an ISO code (KHM), a name or an alias ("Ivory Coast");
- phone: international (+855 23 223 456), or national when the state is given;
- languages: ISO 639-1 codes, separated by commas or spaces ("en, fr").

Each row is checked by the same rules as the contact dialog (ContactService) and goes
in whole or not at all (a savepoint per row, the organization it creates included); a
row whose e-mail address another contact already has is refused as a duplicate. Refused
rows are written to a report file — their own columns plus a `reason` — to fix and
import again. The whole import is one transaction.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import func, select

from outreach.domain.records import ContactRecord, OrganizationRecord
from outreach.errors import OutreachError, ValidationError
from outreach.io.csv_export import unneutralise, write_csv
from outreach.reference.folding import fold
from outreach.services import common
from outreach.services.contacts import ContactService, normalize_email
from outreach.services.organizations import OrganizationService
from outreach.storage.database import Database
from outreach.storage.models import Contact, Organization

FIELDS = (
    "family_name",
    "given_name",
    "position",
    "organization",
    "state",
    "email",
    "phone",
    "languages",
    "notes",
)
REQUIRED = ("family_name",)
REASON = "reason"

# Column names people use for each field (folded), for a first guess at the mapping.
SYNONYMS: dict[str, tuple[str, ...]] = {
    "family_name": ("family name", "surname", "last name", "lastname", "nom", "name"),
    "given_name": ("given name", "first name", "firstname", "forename", "prenom"),
    "position": ("position", "title", "job title", "function", "role", "poste"),
    "organization": ("organization", "organisation", "org", "ministry", "institution"),
    "state": ("state", "country", "pays", "iso3", "country code"),
    "email": ("email", "e-mail", "e mail", "mail", "courriel"),
    "phone": ("phone", "telephone", "tel", "mobile", "phone number"),
    "languages": ("languages", "language", "langues"),
    "notes": ("notes", "note", "comments", "remarks"),
}


@dataclass(frozen=True, slots=True)
class CsvTable:
    """A CSV file as read: its header and rows (with their line numbers)."""

    headers: tuple[str, ...]
    rows: tuple[tuple[int, tuple[str, ...]], ...]


@dataclass(frozen=True, slots=True)
class RejectedRow:
    line: int
    values: tuple[str, ...]  # as in the file
    reason: str


@dataclass(frozen=True, slots=True)
class ContactImportReport:
    imported: tuple[ContactRecord, ...]
    rejected: tuple[RejectedRow, ...]
    organizations_created: tuple[str, ...]
    report_path: Path | None  # where the refused rows were written, if any
    organization_ids_created: tuple[int, ...] = ()


def _decode(data: bytes) -> str:
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1")


def read_csv_table(path: Path) -> CsvTable:
    """A CSV file's header and rows; comma, semicolon or tab separated, UTF-8 or Windows."""
    try:
        text = _decode(Path(path).read_bytes())
    except OSError as error:
        raise OutreachError(f"Cannot read {path}: {error.strerror or error}") from None
    sample = "\n".join(text.splitlines()[:20])
    try:
        delimiter = csv.Sniffer().sniff(sample, delimiters=",;\t").delimiter
    except csv.Error:
        delimiter = ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    headers: tuple[str, ...] | None = None
    rows: list[tuple[int, tuple[str, ...]]] = []
    for record in reader:
        if headers is None:
            if any(cell.strip() for cell in record):
                headers = tuple(cell.strip() for cell in record)
            continue
        if not any(cell.strip() for cell in record):
            continue
        padded = tuple(record) + ("",) * (len(headers) - len(record))
        rows.append((reader.line_num, padded))
    if headers is None:
        raise ValidationError(f"{Path(path).name} is empty; it needs a header row.")
    return CsvTable(headers=headers, rows=tuple(rows))


def guess_mapping(headers: Sequence[str]) -> dict[str, str | None]:
    """Which column (by header) holds each field, guessed from the header names."""
    folded = {fold(header).replace("_", " "): header for header in headers}
    mapping: dict[str, str | None] = {}
    used: set[str] = set()
    for field in FIELDS:
        candidates = (field.replace("_", " "), *SYNONYMS[field])
        found = next(
            (folded[name] for name in candidates if name in folded and folded[name] not in used),
            None,
        )
        mapping[field] = found
        if found is not None:
            used.add(found)
    return mapping


def _check_mapping(mapping: Mapping[str, str | None], headers: Sequence[str]) -> None:
    for field, column in mapping.items():
        if field not in FIELDS:
            raise ValidationError(f"'{field}' is not a contact field; use: {', '.join(FIELDS)}.")
        if column is not None and column not in headers:
            raise ValidationError(f"The file has no column '{column}' (for {field}).")
    for field in REQUIRED:
        if not mapping.get(field):
            raise ValidationError(
                f"Say which column holds the {field.replace('_', ' ')}; the file's columns "
                f"are: {', '.join(headers)}.",
                field,
            )


def _organization_id(
    db: Database, name: str, state: str, created: list[OrganizationRecord]
) -> int | None:
    """The id of the organization called `name` (created if new), or None for none."""
    if not name.strip():
        return None
    key = fold(name)
    with db.read() as session:
        candidates = [
            organization
            for organization in session.scalars(
                select(Organization).where(Organization.deleted_at.is_(None))
            )
            if fold(organization.name) == key
        ]
        chosen_state = common.optional_state(session, state) if state.strip() else None
    if candidates:
        same_state = [o for o in candidates if chosen_state and o.state_id == chosen_state.id]
        return (same_state or candidates)[0].id
    organization = OrganizationService(db).create(
        name, state=chosen_state.id if chosen_state else None
    )
    created.append(organization)
    return organization.id


def _existing_email(db: Database, email: str) -> Contact | None:
    with db.read() as session:
        return session.scalar(
            select(Contact).where(
                func.lower(Contact.email) == email.lower(), Contact.deleted_at.is_(None)
            )
        )


def import_contacts(
    db: Database,
    path: Path,
    mapping: Mapping[str, str | None] | None = None,
    *,
    report_path: Path | None = None,
) -> ContactImportReport:
    """Import the rows of a CSV file as contacts; refused rows go to a report file
    (by default `<file>.rejected.csv` beside it)."""
    table = read_csv_table(path)
    chosen = dict(mapping) if mapping is not None else guess_mapping(table.headers)
    _check_mapping(chosen, table.headers)
    position = {field: table.headers.index(column) for field, column in chosen.items() if column}
    contacts = ContactService(db)
    imported: list[ContactRecord] = []
    rejected: list[RejectedRow] = []
    created: list[OrganizationRecord] = []
    with db.write():  # the whole file: one transaction
        for line, values in table.rows:

            def value(field: str, values: tuple[str, ...] = values) -> str:
                index = position.get(field)
                return unneutralise(values[index].strip()) if index is not None else ""

            created_here: list[OrganizationRecord] = []
            try:
                with db.write():  # this row: a savepoint, all or nothing
                    email = normalize_email(value("email"))
                    if email:
                        other = _existing_email(db, email)
                        if other is not None:
                            raise ValidationError(
                                f"A contact with the e-mail {email} is already in Outreach "
                                f"({other.given_name} {other.family_name}, id {other.id}).",
                                "email",
                            )
                    organization_id = _organization_id(
                        db, value("organization"), value("state"), created_here
                    )
                    record = contacts.create(
                        value("family_name"),
                        given_name=value("given_name"),
                        position=value("position"),
                        organization_id=organization_id,
                        state=value("state") or None,
                        email=email,
                        phone=value("phone"),
                        languages=value("languages"),
                        notes=value("notes"),
                    )
            except OutreachError as error:
                rejected.append(RejectedRow(line=line, values=values, reason=str(error)))
                continue
            imported.append(record)
            created += created_here
    written: Path | None = None
    if rejected:
        written = report_path or Path(path).with_name(f"{Path(path).stem}.rejected.csv")
        write_csv(
            written,
            [*table.headers, REASON],
            ([*row.values, row.reason] for row in rejected),
        )
    return ContactImportReport(
        imported=tuple(imported),
        rejected=tuple(rejected),
        organizations_created=tuple(organization.name for organization in created),
        report_path=written,
        organization_ids_created=tuple(organization.id for organization in created),
    )


def take_back_contacts(db: Database, report: ContactImportReport) -> None:
    """Undo an import: its contacts and the organizations it created are deleted (soft,
    so `restore_contacts` brings them back), in one transaction."""
    contacts, organizations = ContactService(db), OrganizationService(db)
    with db.write():
        for contact in report.imported:
            contacts.delete(contact.id)
        for organization_id in report.organization_ids_created:
            organizations.delete(organization_id)


def restore_contacts(db: Database, report: ContactImportReport) -> None:
    """Redo an import taken back."""
    contacts, organizations = ContactService(db), OrganizationService(db)
    with db.write():
        for organization_id in report.organization_ids_created:
            organizations.restore(organization_id)
        for contact in report.imported:
            contacts.restore(contact.id)


class ContactImporter:
    """The import as the app's dialog uses it: read the file, map its columns, run."""

    def __init__(self, db: Database) -> None:
        self._db = db

    @staticmethod
    def read(path: Path) -> CsvTable:
        return read_csv_table(path)

    @staticmethod
    def guess(headers: Sequence[str]) -> dict[str, str | None]:
        return guess_mapping(headers)

    def run(
        self,
        path: Path,
        mapping: Mapping[str, str | None] | None = None,
        *,
        report_path: Path | None = None,
    ) -> ContactImportReport:
        return import_contacts(self._db, path, mapping, report_path=report_path)

    def take_back(self, report: ContactImportReport) -> None:
        take_back_contacts(self._db, report)

    def restore(self, report: ContactImportReport) -> None:
        restore_contacts(self._db, report)
